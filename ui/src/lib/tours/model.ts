/**
 * The tours screens' pure logic: moving stops, the text of a problem in the
 * UI's language, the weeks of the date range, grouping and filtering the
 * list, reading numbers typed in any digits, and what limits a capacity.
 */
import type { Capacity } from "../api/bindings/Capacity";
import type { StopInput } from "../api/bindings/StopInput";
import type { TourProblem } from "../api/bindings/TourProblem";
import type { TourStatus } from "../api/bindings/TourStatus";
import type { TourSummary } from "../api/bindings/TourSummary";
import { gregorianToJalali, jalaliToGregorian, weekEnd, weekStart, addDays } from "../dates/calendar";
import { digits, formatJalaliShort } from "../dates/format";
import { normalizeFa } from "../dates/text";
import type { MessageKey, UiLocale } from "../i18n/catalogues";
import { parseTime, toLatinDigits, toPersianDigits } from "../i18n/digits";

export const TOUR_STATUSES: readonly TourStatus[] = ["draft", "open", "full", "done", "cancelled"];

/** `list` with the item at `from` moved to index `to` (both clamped); the list itself is not changed. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/**
 * Where a dragged item lands when dropped on item `over`, before or after
 * it: the index to pass to `moveItem`.
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const slot = after ? over + 1 : over;
  return slot > from ? slot - 1 : slot;
}

/** A problem in the language of the UI: the Persian text in Persian, the English one otherwise. */
export function problemText(problem: Pick<TourProblem, "fa" | "en">, locale: UiLocale): string {
  return locale === "fa" ? problem.fa || problem.en : problem.en || problem.fa;
}

/** The language and direction a problem's text is written in, for `lang`/`dir` attributes. */
export function problemLang(locale: UiLocale): { lang: "fa" | "en"; dir: "rtl" | "ltr" } {
  return locale === "fa" ? { lang: "fa", dir: "rtl" } : { lang: "en", dir: "ltr" };
}

/** The Saturday-to-Friday week holding `iso`, `offset` weeks on. */
export function weekOf(iso: string, offset = 0): { from: string; to: string } | null {
  const day = gregorianToJalali(iso);
  if (!day) return null;
  const start = addDays(weekStart(day), offset * 7);
  return { from: jalaliToGregorian(start), to: jalaliToGregorian(weekEnd(start)) };
}

export interface DayGroup {
  date: string;
  tours: TourSummary[];
}

/** Tours grouped by their day, days in order, each day's tours by departure. */
export function groupByDay(list: readonly TourSummary[]): DayGroup[] {
  const days = new Map<string, TourSummary[]>();
  for (const s of list) {
    const day = days.get(s.tour.date) ?? [];
    day.push(s);
    days.set(s.tour.date, day);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, tours]) => ({
      date,
      tours: tours.sort((a, b) =>
        a.tour.departure < b.tour.departure ? -1 : a.tour.departure > b.tour.departure ? 1 : a.tour.id - b.tour.id,
      ),
    }));
}

export interface TourFilter {
  text: string;
  status: TourStatus | "";
  infeasibleOnly: boolean;
}

export function filterIsActive(f: TourFilter): boolean {
  return f.text.trim() !== "" || f.status !== "" || f.infeasibleOnly;
}

/** What a tour is found by: its day, time, meeting point, notes, status and first problem, in both digits and languages. */
export function searchKey(s: TourSummary, statusNames: readonly string[]): string {
  const j = gregorianToJalali(s.tour.date);
  const parts = [
    s.tour.departure,
    s.tour.date,
    j ? formatJalaliShort(j, "en") : "",
    s.tour.meetingPoint,
    s.tour.notes,
    ...statusNames,
    s.firstProblem?.fa ?? "",
    s.firstProblem?.en ?? "",
  ];
  return normalizeFa(toLatinDigits(parts.join(" ")).toLowerCase());
}

/** The tours that pass `filter`; `statusNames` gives the words each status is found by. */
export function filterTours(
  list: readonly TourSummary[],
  filter: TourFilter,
  statusNames: (status: TourStatus) => readonly string[],
): TourSummary[] {
  const tokens = normalizeFa(toLatinDigits(filter.text).toLowerCase())
    .split(" ")
    .filter((t) => t !== "");
  return list.filter((s) => {
    if (filter.status !== "" && s.tour.status !== filter.status) return false;
    if (filter.infeasibleOnly && s.feasible) return false;
    if (tokens.length === 0) return true;
    const key = searchKey(s, statusNames(s.tour.status));
    return tokens.every((t) => key.includes(t));
  });
}

/** A stop as the editor holds it. */
export interface StopRow {
  /** Stable while the row moves, for keyed updates and focus. */
  key: number;
  site: number;
  /** The stay as typed, in any digits; empty means the site's visit duration. */
  dwell: string;
}

/** The rows as stops, or null while a stay is not a valid number. */
export function rowsToStops(rows: readonly StopRow[]): StopInput[] | null {
  const out: StopInput[] = [];
  for (const r of rows) {
    const dwell = parseDwell(r.dwell);
    if (!dwell.ok) return null;
    out.push({ site: r.site, dwell: dwell.value });
  }
  return out;
}

/** Two itineraries are the same: the same sites in the same order with the same dwell. */
export function sameStops(a: readonly StopInput[], b: readonly StopInput[]): boolean {
  return a.length === b.length && a.every((s, i) => s.site === b[i]?.site && s.dwell === b[i]?.dwell);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false };

/** A whole number typed in any digits (Persian, Arabic-Indic or Latin), or nothing. */
export function parseWhole(text: string): Parsed<number | null> {
  const s = toLatinDigits(text).trim();
  if (s === "") return { ok: true, value: null };
  if (!/^[0-9]{1,6}$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s) };
}

/** A decimal number typed in any digits, with `.`, `٫` or `/` as the decimal point, or a minus sign. */
export function parseDecimal(text: string): Parsed<number | null> {
  const s = toLatinDigits(text)
    .trim()
    .replace(/[\u066B/]/g, ".")
    .replace(/^[\u2212-]/, "-");
  if (s === "") return { ok: true, value: null };
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(s) && !/^-?\.[0-9]+$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s) };
}

/** A stop's dwell as typed: empty is the site's visit duration (null); otherwise 5–480 minutes. */
export function parseDwell(text: string): Parsed<number | null> {
  const p = parseWhole(text);
  if (!p.ok) return p;
  if (p.value !== null && (p.value < 5 || p.value > 480)) return { ok: false };
  return p;
}

export { parseTime };

/** Digits as the locale writes them. */
export const localDigits = digits;

/** The message for a count: `one` for exactly 1 (English says "1 stop"), `many` otherwise. */
export function plural(n: number, one: MessageKey, many: MessageKey): MessageKey {
  return n === 1 ? one : many;
}

/** A decimal number as the locale writes it: 1.4 → «۱٫۴» / "1.4". */
export function decimalText(value: number, locale: UiLocale): string {
  const text = String(value);
  return locale === "fa" ? toPersianDigits(text).replace(".", "\u066B") : text;
}

/** «۰۹:۱۵–۱۰:۰۰» / "09:15–10:00": the first time is read first in either direction. */
export function timeRange(from: string, to: string, locale: UiLocale): string {
  return `${localDigits(from, locale)}–${localDigits(to, locale)}`;
}

export type CapacityLimit =
  | { kind: "site"; site: number; max: number }
  | { kind: "vehicles"; seats: number }
  | { kind: "tourSeats"; seats: number };

/**
 * What sets a tour's capacity: the smallest "max visitors at once" of its
 * stops when that is below the seats, otherwise the vehicles' seats (or the
 * tour's own seats when it has no vehicle).
 */
export function capacityLimit(capacity: Capacity, vehicleCount: number): CapacityLimit {
  if (
    capacity.smallestStopSite !== null &&
    capacity.smallestStopMax !== null &&
    capacity.smallestStopMax < capacity.vehicleSeats
  ) {
    return { kind: "site", site: capacity.smallestStopSite, max: capacity.smallestStopMax };
  }
  return vehicleCount > 0 ? { kind: "vehicles", seats: capacity.vehicleSeats } : { kind: "tourSeats", seats: capacity.vehicleSeats };
}

/** Every problem of a schedule, the tour's own first, as the core orders them. */
export function allProblems(schedule: { problems: TourProblem[]; stops: { problems: TourProblem[] }[] }): TourProblem[] {
  return [...schedule.problems, ...schedule.stops.flatMap((s) => s.problems)];
}
