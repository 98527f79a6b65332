/** Programme texts put together from the catalogues, in a given locale. */
import type { CalendarTour } from "../api/bindings/CalendarTour";
import type { TourStatus } from "../api/bindings/TourStatus";
import { digits } from "../dates/format";
import { translate, type MessageKey, type UiLocale } from "../i18n/catalogues";
import { formatNumber, isolate } from "../i18n/format";
import type { Problem } from "./model";

// Parameters that carry what the coordinator typed or named: isolated, digits kept.
const VERBATIM = new Set(["input", "name"]);

/** A field's problem in words; numbers in the locale's digits, typed text isolated. */
export function problemText(problem: Problem, locale: UiLocale): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.params ?? {})) {
    params[name] = VERBATIM.has(name) ? isolate(value) : digits(value, locale);
  }
  return translate(locale, problem.key, params);
}

const STATUS_KEYS: Readonly<Record<TourStatus, MessageKey>> = {
  draft: "tourStatus.draft",
  open: "tourStatus.open",
  full: "tourStatus.full",
  done: "tourStatus.done",
  cancelled: "tourStatus.cancelled",
};

export function statusText(status: TourStatus, locale: UiLocale): string {
  return translate(locale, STATUS_KEYS[status]);
}

/** «۰۸:۰۰» / "08:00". */
export function timeIn(time: string, locale: UiLocale): string {
  return digits(time, locale);
}

/** «۰۸:۰۰ | ۲۵ صندلی» / "08:00 | 25 seats": the departure's time and capacity. */
export function tourLine(entry: CalendarTour, locale: UiLocale): string {
  return translate(locale, "calendar.tourSeats", {
    time: timeIn(entry.tour.departure, locale),
    seats: formatNumber(entry.capacity, locale),
  });
}
