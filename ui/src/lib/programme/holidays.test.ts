import { describe, expect, it } from "vitest";
import type { Holiday } from "../api/bindings/Holiday";
import { checkHoliday, filterHolidays } from "./holidays";

const LIST: Holiday[] = [
  { date: "2026-12-23", nameFa: "ولادت امام علی (ع) و روز پدر", nameEn: "Birthday of Imam Ali; Father's Day", needsCheck: true },
  { date: "2027-02-11", nameFa: "پیروزی انقلاب اسلامی", nameEn: "Islamic Revolution Day", needsCheck: false },
  { date: "2027-03-20", nameFa: "روز ملی شدن صنعت نفت", nameEn: "Oil Nationalization Day", needsCheck: false },
];

const dates = (list: Holiday[]) => list.map((h) => h.date);

describe("finding holidays", () => {
  it.each([
    ["", ["2026-12-23", "2027-02-11", "2027-03-20"]],
    ["علي", ["2026-12-23"]],
    ["  انقلاب  ", ["2027-02-11"]],
    ["revolution", ["2027-02-11"]],
    ["۱۴۰۵/۱۰/۰۲", ["2026-12-23"]],
    ["1405/11", ["2027-02-11"]],
    ["دی", ["2026-12-23"]],
    ["Bahman", ["2027-02-11"]],
    ["2027-03", ["2027-03-20"]],
    ["روز نفت", ["2027-03-20"]],
    ["عید", []],
  ])("%j → %j", (query, expected) => {
    expect(dates(filterHolidays(LIST, query))).toEqual(expected);
  });
});

describe("checking a holiday before saving", () => {
  it("accepts a new one, names trimmed", () => {
    const check = checkHoliday({ date: "2027-01-06", nameFa: "  مبعث  ", nameEn: " Mab'ath ", needsCheck: true }, LIST, null);
    expect(check.holiday).toEqual({ date: "2027-01-06", nameFa: "مبعث", nameEn: "Mab'ath", needsCheck: true });
  });
  it("refuses a missing date or name", () => {
    const check = checkHoliday({ date: null, nameFa: " ", nameEn: "", needsCheck: false }, LIST, null);
    expect(check.holiday).toBeNull();
    expect(check.date?.key).toBe("holidays.problem.date");
    expect(check.nameFa?.key).toBe("holidays.problem.name");
  });
  it("refuses a day that already has another holiday", () => {
    const check = checkHoliday({ date: "2027-02-11", nameFa: "تعطیلی", nameEn: "", needsCheck: false }, LIST, null);
    expect(check.date).toEqual({ key: "holidays.problem.taken", params: { name: "پیروزی انقلاب اسلامی" } });
  });
  it("lets a holiday keep its own day when it is edited", () => {
    const check = checkHoliday({ date: "2027-02-11", nameFa: "۲۲ بهمن", nameEn: "", needsCheck: false }, LIST, "2027-02-11");
    expect(check.holiday?.nameFa).toBe("۲۲ بهمن");
  });
  it("refuses names longer than 200 characters", () => {
    const check = checkHoliday({ date: "2027-01-06", nameFa: "م".repeat(201), nameEn: "a".repeat(201), needsCheck: false }, LIST, null);
    expect(check.nameFa?.key).toBe("holidays.problem.nameLong");
    expect(check.nameEn?.key).toBe("holidays.problem.nameLong");
  });
});
