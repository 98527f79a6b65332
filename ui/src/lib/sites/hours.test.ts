import { describe, expect, it } from "vitest";
import {
  copyToWorkingDays,
  draftFromHours,
  draftSignature,
  emptyDraft,
  formatTime,
  hoursFromDraft,
  hoursProblems,
  newWindow,
  parseTime,
  showTime,
  suggestWindow,
  tidyTime,
} from "./hours";

describe("times typed in any digits", () => {
  it.each([
    ["08:30", 510],
    ["8:30", 510],
    ["۸:۳۰", 510],
    ["٨:٣٠", 510],
    ["8.30", 510],
    ["۸٫۳۰", 510],
    ["0830", 510],
    ["830", 510],
    ["۹", 540],
    ["9:5", 545],
    ["00:00", 0],
    ["24:00", 1440],
    [" 13:45 ", 825],
  ])("parseTime(%j) = %d minutes", (text, minutes) => {
    expect(parseTime(text)).toBe(minutes);
  });

  it.each(["", "abc", "25", "24:01", "12:60", "1:2:3", "12345", "-1"])("parseTime(%j) is not a time", (text) => {
    expect(parseTime(text)).toBeNull();
  });

  it("formats for the core and for the screen", () => {
    expect(formatTime(510)).toBe("08:30");
    expect(formatTime(1440)).toBe("24:00");
    expect(showTime(510, "fa")).toBe("۰۸:۳۰");
    expect(showTime(510, "en")).toBe("08:30");
    expect(tidyTime("۹", "fa")).toBe("۰۹:۰۰");
    expect(tidyTime("nine", "fa")).toBe("nine");
  });
});

describe("the hours draft", () => {
  it("is built from the saved hours, sorted by opening time, in the locale's digits", () => {
    const draft = draftFromHours(
      [
        { weekday: "saturday", opens: "14:00", closes: "16:00" },
        { weekday: "saturday", opens: "09:00", closes: "12:00" },
        { weekday: "monday", opens: "08:30", closes: "13:00" },
      ],
      "fa",
    );
    expect(draft.saturday.map((w) => [w.opens, w.closes])).toEqual([
      ["۰۹:۰۰", "۱۲:۰۰"],
      ["۱۴:۰۰", "۱۶:۰۰"],
    ]);
    expect(draft.monday).toHaveLength(1);
    expect(draft.friday).toEqual([]);
  });

  it("finds windows that are not times, close before they open, or overlap", () => {
    const draft = emptyDraft();
    const bad = newWindow("x", "12:00");
    const early = newWindow("12:00", "11:00");
    const same = newWindow("10:00", "10:00");
    const a = newWindow("09:00", "12:00");
    const b = newWindow("11:30", "13:00");
    const touching = newWindow("12:00", "12:30");
    draft.saturday = [bad];
    draft.sunday = [early, same];
    draft.monday = [a, b];
    draft.tuesday = [newWindow("09:00", "12:00"), touching];
    const problems = hoursProblems(draft);
    expect(problems.get(bad.key)).toBe("opensNotTime");
    expect(problems.get(early.key)).toBe("closesBeforeOpens");
    expect(problems.get(same.key)).toBe("closesBeforeOpens");
    expect(problems.get(b.key)).toBe("overlap");
    expect(problems.has(a.key)).toBe(false);
    expect(problems.has(touching.key)).toBe(false);
    expect(hoursFromDraft(draft)).toBeNull();
  });

  it("sends HH:MM with Latin digits, by day (Saturday first) and time", () => {
    const draft = emptyDraft();
    draft.monday = [newWindow("۱۴", "۱۶:۳۰")];
    draft.saturday = [newWindow("۱۴:۰۰", "۱۵:۰۰"), newWindow("8:30", "1200")];
    expect(hoursFromDraft(draft)).toEqual([
      { weekday: "saturday", opens: "08:30", closes: "12:00" },
      { weekday: "saturday", opens: "14:00", closes: "15:00" },
      { weekday: "monday", opens: "14:00", closes: "16:30" },
    ]);
  });

  it("copies a day to every working day and leaves the weekend alone", () => {
    const draft = emptyDraft();
    draft.saturday = [newWindow("09:00", "12:00")];
    draft.friday = [newWindow("10:00", "11:00")];
    draft.monday = [newWindow("15:00", "16:00")];
    const copied = copyToWorkingDays(draft, "saturday", ["friday"]);
    for (const day of ["sunday", "monday", "tuesday", "wednesday", "thursday"] as const) {
      expect(copied[day].map((w) => `${w.opens}-${w.closes}`)).toEqual(["09:00-12:00"]);
    }
    expect(copied.friday.map((w) => w.opens)).toEqual(["10:00"]);
    const keys = Object.values(copied).flat().map((w) => w.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("compares drafts by meaning, not by the digits typed", () => {
    const a = emptyDraft();
    const b = emptyDraft();
    a.sunday = [newWindow("۰۹:۰۰", "۱۲:۰۰")];
    b.sunday = [newWindow("9", "12:00")];
    expect(draftSignature(a)).toBe(draftSignature(b));
    b.sunday.push(newWindow("13", "14"));
    expect(draftSignature(a)).not.toBe(draftSignature(b));
  });

  it("suggests 09:00–12:00 for an empty day and a later window after the last one", () => {
    const first = suggestWindow([], "en");
    expect([first.opens, first.closes]).toEqual(["09:00", "12:00"]);
    const next = suggestWindow([first], "fa");
    expect([next.opens, next.closes]).toEqual(["۱۳:۰۰", "۱۵:۰۰"]);
  });
});
