/**
 * Visiting hours as the coordinator edits them: for each weekday (Saturday
 * first) zero or more windows, each an opening and a closing time typed in
 * any digits. The core's rules — closing after opening, no two windows of a
 * day overlapping — are mirrored so each window can say what is wrong.
 */
import type { HoursWindow } from "../api/bindings/HoursWindow";
import type { Weekday } from "../api/bindings/Weekday";
import type { MessageKey, UiLocale } from "../i18n/catalogues";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";
import { WEEKDAYS } from "../settings/rules";

export { WEEKDAYS };

/** One window as typed; `key` keeps it apart from its neighbours while editing. */
export interface WindowDraft {
  key: number;
  opens: string;
  closes: string;
}

export type HoursDraft = Record<Weekday, WindowDraft[]>;

let nextKey = 1;

export function newWindow(opens: string, closes: string): WindowDraft {
  return { key: nextKey++, opens, closes };
}

/**
 * Minutes after midnight of a time typed in any digits: "08:30", «۸:۳۰»,
 * "8.30", "0830", "830", "8". 24:00 (the end of the day) is allowed; null
 * for anything that is not a time.
 */
export function parseTime(text: string): number | null {
  const s = toLatinDigits(text.replace(/[\u200E\u200F\u2066-\u2069]/g, "")).trim();
  let h: string;
  let m: string;
  const split = /^(\d{1,2})\s*[:.\u066B\u060C,]\s*(\d{1,2})$/.exec(s);
  if (split) {
    [h, m] = [split[1] ?? "", split[2] ?? ""];
  } else if (/^\d{3,4}$/.test(s)) {
    [h, m] = [s.slice(0, s.length - 2), s.slice(-2)];
  } else if (/^\d{1,2}$/.test(s)) {
    [h, m] = [s, "0"];
  } else {
    return null;
  }
  const hours = Number(h);
  const minutes = Number(m);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** "HH:MM" (Latin digits), as the core takes times. */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** A time as shown in the locale: «۰۸:۳۰» / "08:30". */
export function showTime(minutes: number, locale: UiLocale): string {
  const text = formatTime(minutes);
  return locale === "fa" ? toPersianDigits(text) : text;
}

/** A typed time tidied to HH:MM in the locale's digits; left as typed when it is not a time. */
export function tidyTime(text: string, locale: UiLocale): string {
  const minutes = parseTime(text);
  return minutes === null ? text : showTime(minutes, locale);
}

export function emptyDraft(): HoursDraft {
  return {
    saturday: [],
    sunday: [],
    monday: [],
    tuesday: [],
    wednesday: [],
    thursday: [],
    friday: [],
  };
}

/** The saved hours as an editable draft, times in the locale's digits. */
export function draftFromHours(hours: readonly HoursWindow[], locale: UiLocale): HoursDraft {
  const draft = emptyDraft();
  const sorted = [...hours].sort((a, b) => (parseTime(a.opens) ?? 0) - (parseTime(b.opens) ?? 0));
  for (const h of sorted) draft[h.weekday].push(newWindow(tidyTime(h.opens, locale), tidyTime(h.closes, locale)));
  return draft;
}

export type WindowProblem = "opensNotTime" | "closesNotTime" | "closesBeforeOpens" | "overlap";

export const WINDOW_PROBLEM_KEYS: Readonly<Record<WindowProblem, MessageKey>> = {
  opensNotTime: "hours.problem.opensNotTime",
  closesNotTime: "hours.problem.closesNotTime",
  closesBeforeOpens: "hours.problem.closesBeforeOpens",
  overlap: "hours.problem.overlap",
};

/** What is wrong with each window, by its key; windows without a problem are absent. */
export function hoursProblems(draft: HoursDraft): Map<number, WindowProblem> {
  const problems = new Map<number, WindowProblem>();
  for (const day of WEEKDAYS) {
    const ok: { key: number; opens: number; closes: number }[] = [];
    for (const w of draft[day]) {
      const opens = parseTime(w.opens);
      const closes = parseTime(w.closes);
      if (opens === null) problems.set(w.key, "opensNotTime");
      else if (closes === null) problems.set(w.key, "closesNotTime");
      else if (closes <= opens) problems.set(w.key, "closesBeforeOpens");
      else ok.push({ key: w.key, opens, closes });
    }
    ok.sort((a, b) => a.opens - b.opens);
    for (let i = 1; i < ok.length; i++) {
      const prev = ok[i - 1];
      const cur = ok[i];
      if (prev && cur && cur.opens < prev.closes) problems.set(cur.key, "overlap");
    }
  }
  return problems;
}

/** The windows to send, sorted by day and time, or null while a window has a problem. */
export function hoursFromDraft(draft: HoursDraft): HoursWindow[] | null {
  if (hoursProblems(draft).size > 0) return null;
  const out: HoursWindow[] = [];
  for (const weekday of WEEKDAYS) {
    const windows = draft[weekday]
      .map((w) => ({ opens: parseTime(w.opens) ?? 0, closes: parseTime(w.closes) ?? 0 }))
      .sort((a, b) => a.opens - b.opens);
    for (const w of windows) out.push({ weekday, opens: formatTime(w.opens), closes: formatTime(w.closes) });
  }
  return out;
}

/** A comparable text of a draft's meaning (times by value), for "unsaved changes". */
export function draftSignature(draft: HoursDraft): string {
  return WEEKDAYS.map((day) =>
    draft[day]
      .map((w) => {
        const o = parseTime(w.opens);
        const c = parseTime(w.closes);
        return `${o ?? `?${w.opens}`}-${c ?? `?${w.closes}`}`;
      })
      .sort()
      .join(","),
  ).join("|");
}

/** The draft with `from`'s windows copied onto every working day (weekend days are left alone). */
export function copyToWorkingDays(draft: HoursDraft, from: Weekday, weekend: readonly Weekday[]): HoursDraft {
  const out = emptyDraft();
  for (const day of WEEKDAYS) {
    const source = day !== from && !weekend.includes(day) ? draft[from] : draft[day];
    out[day] = source.map((w) => (day === from ? { ...w } : newWindow(w.opens, w.closes)));
  }
  return out;
}

/** A sensible next window for a day: 09:00–12:00 first, then an hour after the last one closes. */
export function suggestWindow(windows: readonly WindowDraft[], locale: UiLocale): WindowDraft {
  const ends = windows.map((w) => parseTime(w.closes)).filter((m): m is number => m !== null);
  if (ends.length === 0) return newWindow(showTime(9 * 60, locale), showTime(12 * 60, locale));
  const start = Math.min(Math.max(...ends) + 60, 23 * 60);
  const end = Math.min(start + 120, 24 * 60);
  return newWindow(showTime(start, locale), showTime(end, locale));
}
