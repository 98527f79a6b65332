import { describe, expect, it } from "vitest";
import type { ProgrammeInput } from "../api/bindings/ProgrammeInput";
import {
  checkDraft,
  draftOf,
  emptyDraft,
  endDate,
  expectedDepartures,
  parseCount,
  parseTime,
  sameDraft,
  timeText,
  workingRunDays,
  type ProgrammeDraft,
} from "./model";

const DEMO: ProgrammeInput = {
  title: "دور اصفهان در ۸۰ روز — نمونه",
  starts: "2026-12-22",
  lengthDays: 80,
  runDays: ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday"],
  departures: ["08:00", "13:00"],
  defaultSeats: 25,
  meetingPoint: "میدان امام حسین",
  dayEnds: "18:00",
};

const draft = (over: Partial<ProgrammeDraft> = {}): ProgrammeDraft => ({ ...draftOf(DEMO, true), ...over });

describe("typing numbers in any digits", () => {
  it.each([
    ["80", 80],
    ["۸۰", 80],
    ["٨٠", 80],
    ["  ۲۵ ", 25],
    ["۱۲3", 123],
    ["", null],
    ["8 0", null],
    ["-5", null],
    ["2.5", null],
    ["هشتاد", null],
  ])("%j → %j", (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });
});

describe("typing times as the core reads them", () => {
  it.each([
    ["08:00", "08:00"],
    ["8:00", "08:00"],
    ["۸:۳۰", "08:30"],
    ["۰۸:۰۰", "08:00"],
    ["٠٨:٣٠", "08:30"],
    ["8.30", "08:30"],
    ["8٫30", "08:30"],
    ["0830", "08:30"],
    ["۱۳", "13:00"],
    ["8", "08:00"],
    [" 13 : 05 ", "13:05"],
    ["24:00", "24:00"],
    ["24:01", null],
    ["25", null],
    ["8:60", null],
    ["8:", null],
    ["8:3:0", null],
    ["ساعت", null],
    ["", null],
  ])("%j → %j", (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it("writes a time in the digits of the language", () => {
    expect(timeText("08:30", true)).toBe("۰۸:۳۰");
    expect(timeText("۰۸:۳۰", false)).toBe("08:30");
  });
});

describe("the end date", () => {
  it("is the start plus the length less one day", () => {
    expect(endDate("2026-12-22", 80)).toBe("2027-03-11");
    expect(endDate("2026-12-22", 1)).toBe("2026-12-22");
    expect(endDate("2027-02-27", 2)).toBe("2027-02-28");
  });
  it("is unknown without a start or with a length out of range", () => {
    expect(endDate(null, 80)).toBeNull();
    expect(endDate("2026-12-22", null)).toBeNull();
    expect(endDate("2026-12-22", 0)).toBeNull();
    expect(endDate("2026-12-22", 367)).toBeNull();
  });
});

describe("checking the form", () => {
  const FRIDAY: ["friday"] = ["friday"];

  it("accepts the demo programme typed in Persian digits and sends Latin digits", () => {
    const check = checkDraft(draft({ departures: ["۱۳:۰۰", "۸"], dayEnds: "۱۸:۰۰", seats: "۲۵", length: "۸۰" }), FRIDAY);
    expect(check.input).toEqual({ ...DEMO, departures: ["08:00", "13:00"] });
  });

  it("trims the title and meeting point", () => {
    const check = checkDraft(draft({ title: "  برنامه  ", meetingPoint: " میدان " }), FRIDAY);
    expect(check.input?.title).toBe("برنامه");
    expect(check.input?.meetingPoint).toBe("میدان");
  });

  it.each<[string, Partial<ProgrammeDraft>, keyof ReturnType<typeof checkDraft>, string]>([
    ["an empty title", { title: "   " }, "title", "programme.problem.titleEmpty"],
    ["a 201-character title", { title: "ب".repeat(201) }, "title", "programme.problem.titleLong"],
    ["no start", { starts: null }, "starts", "programme.problem.startsEmpty"],
    ["a length of 0", { length: "۰" }, "length", "programme.problem.length"],
    ["a length of 367", { length: "367" }, "length", "programme.problem.length"],
    ["a length that is not a number", { length: "هشتاد" }, "length", "programme.problem.length"],
    ["only the weekend as a running day", { runDays: ["friday"] }, "runDays", "programme.problem.runDays"],
    ["no departure", { departures: [] }, "departures", "programme.problem.departuresNone"],
    [
      "thirteen departures",
      { departures: Array.from({ length: 13 }, (_, i) => `${String(i + 5).padStart(2, "0")}:00`), dayEnds: "23:30" },
      "departures",
      "programme.problem.departuresMany",
    ],
    ["0 seats", { seats: "0" }, "seats", "programme.problem.seats"],
    ["201 seats", { seats: "۲۰۱" }, "seats", "programme.problem.seats"],
    ["an end of day that is not a time", { dayEnds: "عصر" }, "dayEnds", "programme.problem.time"],
    ["a 301-character meeting point", { meetingPoint: "م".repeat(301) }, "meetingPoint", "programme.problem.meetingPointLong"],
  ])("refuses %s", (_what, over, field, key) => {
    const check = checkDraft(draft(over), FRIDAY);
    expect(check.input).toBeNull();
    expect((check[field] as { key: string } | null)?.key).toBe(key);
  });

  it("says which departure is wrong", () => {
    const check = checkDraft(draft({ departures: ["۸:۰۰", "ظهر", "08:00", "18:00", "19"] }), FRIDAY);
    expect(check.departure.map((p) => p?.key ?? null)).toEqual([
      null,
      "programme.problem.time",
      "programme.problem.timeRepeated",
      "programme.problem.afterDayEnds",
      "programme.problem.afterDayEnds",
    ]);
    expect(check.departure[1]?.params).toEqual({ input: "ظهر" });
    expect(check.departure[3]?.params).toEqual({ time: "18:00" });
    expect(check.input).toBeNull();
  });

  it("keeps weekend days out of the count but in the value", () => {
    expect(workingRunDays(["friday", "saturday"], ["friday"])).toEqual(["saturday"]);
    const check = checkDraft(draft({ runDays: ["friday", "saturday"] }), ["friday"]);
    expect(check.runDays).toBeNull();
    expect(check.input?.runDays).toEqual(["saturday", "friday"]);
  });
});

describe("telling whether anything changed", () => {
  it("ignores digits and spacing", () => {
    const saved = draftOf(DEMO, true);
    const typed = { ...saved, departures: ["8", "13:00"], seats: "25", length: " 80 ", title: `${DEMO.title} ` };
    expect(sameDraft(saved, typed)).toBe(true);
  });
  it("sees a changed field", () => {
    const saved = draftOf(DEMO, false);
    expect(sameDraft(saved, { ...saved, seats: "26" })).toBe(false);
    expect(sameDraft(saved, { ...saved, runDays: ["saturday"] })).toBe(false);
    expect(sameDraft(saved, { ...saved, departures: ["08:00"] })).toBe(false);
  });
  it("starts a new programme from today with 80 days and no weekend", () => {
    const fresh = emptyDraft("2026-11-29", ["friday"], true);
    expect(fresh.length).toBe("۸۰");
    expect(fresh.starts).toBe("2026-11-29");
    expect(fresh.runDays).not.toContain("friday");
    expect(fresh.departures).toEqual(["۰۸:۰۰"]);
  });
});

describe("the departures the programme asks for", () => {
  it("counts running days without the weekend and holidays", () => {
    // 80 days from Tuesday 1 Dey 1405: 11 weeks and 3 days (Tuesday to Thursday), so 11 Fridays.
    expect(expectedDepartures(DEMO, ["friday"], [])).toEqual({ days: 69, departures: 138 });
    // Two holidays on running days, one on a Friday (2027-01-29 is a Friday).
    expect(expectedDepartures(DEMO, ["friday"], ["2026-12-23", "2027-02-11", "2027-01-29"])).toEqual({
      days: 67,
      departures: 134,
    });
  });
  it("counts nothing for a running day that is a weekend day", () => {
    expect(expectedDepartures({ ...DEMO, runDays: ["friday"] }, ["friday"], [])).toEqual({ days: 0, departures: 0 });
  });
});
