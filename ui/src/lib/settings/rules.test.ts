import { describe, expect, it } from "vitest";
import type { Settings } from "../api";
import { DEFAULT_SETTINGS, WEEKDAYS, nameLength, orderedWeekend, sameSettings, settingsProblems } from "./rules";

const base: Settings = { ...DEFAULT_SETTINGS, weekendDays: [...DEFAULT_SETTINGS.weekendDays] };

describe("settings rules", () => {
  it("the week starts on Saturday and has seven days", () => {
    expect(WEEKDAYS[0]).toBe("saturday");
    expect(WEEKDAYS.at(-1)).toBe("friday");
    expect(new Set(WEEKDAYS).size).toBe(7);
  });

  it("the default weekend is Friday", () => {
    expect(DEFAULT_SETTINGS.weekendDays).toEqual(["friday"]);
  });

  it.each([
    ["", 0],
    ["  مریم  ", 4],
    ["a\u200Cb", 3],
    ["𝔸𝔸", 2],
  ])("nameLength(%j) = %d", (name, expected) => {
    expect(nameLength(name)).toBe(expected);
  });

  it.each<[string, Partial<Settings>, string[]]>([
    ["the defaults", {}, []],
    ["a 100-character name", { coordinatorName: "ب".repeat(100) }, []],
    ["a 101-character name", { coordinatorName: "ب".repeat(101) }, ["nameTooLong"]],
    ["all seven days off", { weekendDays: [...WEEKDAYS] }, ["allDaysWeekend"]],
    ["six days off", { weekendDays: WEEKDAYS.slice(1) }, []],
    ["a tab inside the name", { coordinatorName: "a\tb" }, ["nameControl"]],
    ["a tab at the end of the name (trimmed away)", { coordinatorName: "ab\t" }, []],
    ["a zero-width non-joiner in the name", { coordinatorName: "می\u200Cروم" }, []],
    ["both problems", { coordinatorName: "x".repeat(101), weekendDays: [...WEEKDAYS] }, ["nameTooLong", "allDaysWeekend"]],
  ])("%s → %j", (_what, change, expected) => {
    expect(settingsProblems({ ...base, ...change })).toEqual(expected);
  });

  it("orders and de-duplicates weekend days", () => {
    expect(orderedWeekend(["friday", "saturday", "friday"])).toEqual(["saturday", "friday"]);
  });

  it("compares settings field by field, ignoring weekend order", () => {
    expect(sameSettings({ ...base, weekendDays: ["friday", "thursday"] }, { ...base, weekendDays: ["thursday", "friday"] })).toBe(true);
    expect(sameSettings(base, { ...base, coordinatorName: "x" })).toBe(false);
    expect(sameSettings(base, { ...base, language: "en" })).toBe(false);
    expect(sameSettings(base, { ...base, calendar: "gregorian" })).toBe(false);
    expect(sameSettings(base, { ...base, weekendDays: [] })).toBe(false);
  });
});
