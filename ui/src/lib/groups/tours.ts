/**
 * The tours the groups screens offer: those open for registration from
 * today on (to register, move), and every tour around today (to filter the
 * list by), each named by its Solar Hijri day and departure.
 */
import { listTours, type TourSummary } from "../api";
import type { Tour } from "../api/bindings/Tour";
import { gregorianToJalali, isoDayNumber, isoFromDayNumber } from "../dates/calendar";
import { formatJalaliLong } from "../dates/format";
import { coreToday, ensureCoreToday } from "../dates/today.svelte";
import type { UiLocale } from "../i18n/catalogues";
import { localDigits } from "./model";

const AHEAD_DAYS = 180;
const BEHIND_DAYS = 90;

function shift(iso: string, days: number): string {
  const n = isoDayNumber(iso);
  return n === null ? iso : isoFromDayNumber(n + days);
}

/** Tours from `behind` days ago to half a year on, by date and departure. */
async function around(behind: number): Promise<TourSummary[]> {
  await ensureCoreToday();
  const today = coreToday.iso();
  return listTours(shift(today, -behind), shift(today, AHEAD_DAYS));
}

/** Tours taking registrations (open or full) from today on. */
export async function registrableTours(): Promise<Tour[]> {
  return (await around(0)).map((s) => s.tour).filter((t) => t.status === "open" || t.status === "full");
}

/** Tours a group may be registered on or have been: every one but drafts, from three months ago. */
export async function filterTours(): Promise<Tour[]> {
  return (await around(BEHIND_DAYS)).map((s) => s.tour).filter((t) => t.status !== "draft");
}

/** «یکشنبه ۸ آذر ۱۴۰۵، ۰۸:۰۰» / "Sunday 8 Azar 1405, 08:00". */
export function tourLabel(tour: Pick<Tour, "date" | "departure">, locale: UiLocale): string {
  const day = gregorianToJalali(tour.date);
  const date = day ? formatJalaliLong(day, locale) : localDigits(tour.date, locale);
  return `${date}${locale === "fa" ? "، " : ", "}${localDigits(tour.departure, locale)}`;
}
