/**
 * The settings rules as the core states them, mirrored here so a field can
 * say what is wrong while it is being typed. The core checks them again on
 * save and its answer is the one that counts.
 */
import type { Settings } from "../api/bindings/Settings";
import type { Weekday } from "../api/bindings/Weekday";

/** Longest coordinator name, counted in characters (Unicode scalar values) after trimming. */
export const NAME_MAX = 100;

/** The week as it is written in Iran: Saturday first. */
export const WEEKDAYS: readonly Weekday[] = [
  "saturday",
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
];

/** What a fresh installation starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  coordinatorName: "",
  language: "fa",
  calendar: "persian",
  weekendDays: ["friday"],
};

/** Length of a name as the core counts it: characters of the trimmed text. */
export function nameLength(name: string): number {
  return [...name.trim()].length;
}

/** True when the trimmed name holds a control character (Unicode category Cc), e.g. a tab. */
export function nameHasControl(name: string): boolean {
  return /\p{Cc}/u.test(name.trim());
}

export type SettingsProblem = "nameTooLong" | "nameControl" | "allDaysWeekend";

/** The rules `settings` breaks, in field order; empty when it may be saved. */
export function settingsProblems(settings: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (nameLength(settings.coordinatorName) > NAME_MAX) problems.push("nameTooLong");
  if (nameHasControl(settings.coordinatorName)) problems.push("nameControl");
  if (WEEKDAYS.every((day) => settings.weekendDays.includes(day))) problems.push("allDaysWeekend");
  return problems;
}

/** Weekend days without repeats, Saturday first. */
export function orderedWeekend(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

/** Field-by-field equality, ignoring the order of weekend days. */
export function sameSettings(a: Settings, b: Settings): boolean {
  const da = orderedWeekend(a.weekendDays);
  const db = orderedWeekend(b.weekendDays);
  return (
    a.coordinatorName === b.coordinatorName &&
    a.language === b.language &&
    a.calendar === b.calendar &&
    da.length === db.length &&
    da.every((day, i) => day === db[i])
  );
}
