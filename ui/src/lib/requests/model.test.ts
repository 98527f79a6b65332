import { describe, expect, it } from "vitest";
import type { CitizenRequest } from "../api/bindings/CitizenRequest";
import {
  parseDistrict,
  blankFilter,
  blankRequestForm,
  daysBetween,
  filterIsActive,
  formOfRequest,
  hashOfRequestsView,
  historyAction,
  nextSteps,
  overdueFromHash,
  requestsViewFromHash,
  shortDate,
  toRequestInput,
} from "./model";

const REQUEST: CitizenRequest = {
  id: 7,
  tour: 90002,
  site: 1,
  district: 7,
  category: "lighting",
  text: "روشنایی، پیاده‌رو \"کافی\" نیست",
  raisedBy: "حسین رضایی",
  contact: "09132221100",
  raisedOn: "2026-08-11",
  dueOn: "2026-11-11",
  status: "referred",
  department: "معاونت خدمات شهری",
  referredOn: "2026-08-16",
  answer: "",
  answeredOn: null,
  reportedOn: null,
  overdue: true,
};

describe("the request form", () => {
  it("starts blank on today", () => {
    expect(blankRequestForm("2026-11-29")).toMatchObject({ text: "", category: "other", raisedOn: "2026-11-29", tour: "", district: "" });
  });

  it("becomes the input the core takes: ids and district as numbers, text trimmed", () => {
    const form = { ...blankRequestForm("2026-11-29"), text: "  تابلو نصب شود ", tour: "90002", site: "", district: "۷", raisedBy: " مریم " };
    expect(toRequestInput(form)).toEqual({
      tour: 90002,
      site: null,
      district: 7,
      category: "other",
      text: "تابلو نصب شود",
      raisedBy: "مریم",
      contact: "",
      raisedOn: "2026-11-29",
    });
  });

  it("cannot be sent without text or a day raised", () => {
    expect(toRequestInput({ ...blankRequestForm("2026-11-29"), text: "  " })).toBeNull();
    expect(toRequestInput({ ...blankRequestForm("2026-11-29"), text: "x", raisedOn: null })).toBeNull();
  });

  it("round-trips a saved request", () => {
    const input = toRequestInput(formOfRequest(REQUEST));
    expect(input).toEqual({
      tour: 90002,
      site: 1,
      district: 7,
      category: "lighting",
      text: REQUEST.text,
      raisedBy: REQUEST.raisedBy,
      contact: REQUEST.contact,
      raisedOn: REQUEST.raisedOn,
    });
  });
});

describe("the next steps", () => {
  it.each([
    ["open", { refer: true, answer: true, report: false }],
    ["referred", { refer: true, answer: true, report: false }],
    ["answered", { refer: false, answer: true, report: true }],
    ["reported", { refer: false, answer: false, report: false }],
  ] as const)("of a request that is %s", (status, steps) => {
    expect(nextSteps(status)).toEqual(steps);
  });
});

describe("the address", () => {
  it.each([
    ["#/requests", { kind: "none" }],
    ["#/requests/new", { kind: "new" }],
    ["#/requests/12", { kind: "open", id: 12 }],
    ["#/requests/12?overdue=1", { kind: "open", id: 12 }],
    ["#/requests?overdue=1", { kind: "none" }],
    ["#/requests/x", { kind: "none" }],
    ["#/groups/12", { kind: "none" }],
  ] as const)("%s opens %j", (hash, view) => {
    expect(requestsViewFromHash(hash)).toEqual(view);
  });

  it("says whether to show overdue requests only", () => {
    expect(overdueFromHash("#/requests?overdue=1")).toBe(true);
    expect(overdueFromHash("#/requests?overdue=true")).toBe(true);
    expect(overdueFromHash("#/requests?overdue=0")).toBe(false);
    expect(overdueFromHash("#/requests")).toBeNull();
  });

  it("is written back", () => {
    expect(hashOfRequestsView({ kind: "open", id: 3 })).toBe("#/requests/3");
    expect(hashOfRequestsView({ kind: "none" }, true)).toBe("#/requests?overdue=1");
    expect(hashOfRequestsView({ kind: "new" })).toBe("#/requests/new");
  });
});

describe("texts", () => {
  it("name history actions, keeping unknown ones as recorded", () => {
    expect(historyAction("request.referred", "fa")).toBe("ارجاع");
    expect(historyAction("request.reported", "en")).toBe("Reported back");
    expect(historyAction("request.escalated", "en")).toBe("request.escalated");
  });

  it("write dates short in the Solar Hijri calendar with the locale's digits", () => {
    expect(shortDate("2026-11-29", "fa")).toBe("۱۴۰۵/۰۹/۰۸");
    expect(shortDate("2026-11-29", "en")).toBe("1405/09/08");
    expect(shortDate(null, "fa")).toBe("");
  });

  it("count days between dates", () => {
    expect(daysBetween("2026-11-11", "2026-11-29")).toBe(18);
    expect(daysBetween("2026-11-29", "2026-11-29")).toBe(0);
  });

  it("know when the list is filtered", () => {
    expect(filterIsActive(blankFilter())).toBe(false);
    expect(filterIsActive({ ...blankFilter(), overdueOnly: true })).toBe(true);
    expect(filterIsActive({ ...blankFilter(), department: "" })).toBe(false);
    expect(filterIsActive({ ...blankFilter(), text: " x " })).toBe(true);
  });
});

describe("the district", () => {
  it.each([
    ["", null],
    ["  ", null],
    ["7", 7],
    ["۱۴", 14],
    ["٣", 3],
    ["15", 15],
    ["0", "bad"],
    ["16", "bad"],
    ["سه", "bad"],
    ["1.5", "bad"],
  ] as const)("%j reads as %j", (typed, read) => {
    expect(parseDistrict(typed)).toBe(read);
  });

  it("blocks sending a district out of range", () => {
    expect(toRequestInput({ ...blankRequestForm("2026-11-29"), text: "x", district: "16" })).toBeNull();
  });
});
