/**
 * The programme calendar's month grid: the days the core sends laid out in
 * Saturday-first weeks, which month to open on, and what fits in a cell.
 */
import type { CalendarDay } from "../api/bindings/CalendarDay";
import type { CalendarTour } from "../api/bindings/CalendarTour";
import type { ClosedSite } from "../api/bindings/ClosedSite";
import { gregorianToJalali } from "../dates/calendar";
import { WEEKDAYS } from "../settings/rules";

/** A Solar Hijri month. */
export interface MonthRef {
  year: number;
  month: number;
}

/**
 * The days of a month as rows of seven, Saturday first, with null before
 * the first and after the last day. Days are placed by their own weekday,
 * so the grid follows whatever the core says.
 */
export function calendarWeeks(days: readonly CalendarDay[]): (CalendarDay | null)[][] {
  if (days.length === 0) return [];
  const lead = Math.max(0, WEEKDAYS.indexOf(days[0]?.weekday ?? "saturday"));
  const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
  cells.push(...days);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month `delta` months after (or before) `ref`. */
export function shiftMonth(ref: MonthRef, delta: number): MonthRef {
  const index = ref.year * 12 + (ref.month - 1) + delta;
  const year = Math.floor(index / 12);
  return { year, month: index - year * 12 + 1 };
}

/** The Solar Hijri month of a Gregorian ISO date, or null. */
export function monthOfIso(iso: string): MonthRef | null {
  const date = gregorianToJalali(iso);
  return date ? { year: date.year, month: date.month } : null;
}

export function sameMonth(a: MonthRef, b: MonthRef): boolean {
  return a.year === b.year && a.month === b.month;
}

/**
 * The month the calendar opens on: today's, unless a programme is set and
 * today lies outside it; then the programme's first month.
 */
export function startMonth(todayIso: string, programme: { starts: string; ends: string } | null): MonthRef {
  const today = monthOfIso(todayIso) ?? { year: 1405, month: 1 };
  if (!programme) return today;
  const inside = todayIso >= programme.starts && todayIso <= programme.ends;
  return inside ? today : (monthOfIso(programme.starts) ?? today);
}

/** One line inside a cell. */
export type CellItem = { kind: "closure"; closure: ClosedSite } | { kind: "tour"; entry: CalendarTour };

/** The day's departures by time (then by id). */
export function byDeparture(tours: readonly CalendarTour[]): CalendarTour[] {
  return tours
    .slice()
    .sort((a, b) =>
      a.tour.departure < b.tour.departure ? -1 : a.tour.departure > b.tour.departure ? 1 : a.tour.id - b.tour.id,
    );
}

/**
 * What a cell with room for `lines` lines shows: closures first (they are
 * warnings), then departures by time. When not everything fits, the last
 * line becomes "+N" for the rest.
 */
export function cellItems(day: CalendarDay, lines: number): { shown: CellItem[]; hidden: number } {
  const items: CellItem[] = [
    ...day.closures.map((closure): CellItem => ({ kind: "closure", closure })),
    ...byDeparture(day.tours).map((entry): CellItem => ({ kind: "tour", entry })),
  ];
  const room = Math.max(1, lines);
  if (items.length <= room) return { shown: items, hidden: 0 };
  const shown = items.slice(0, room - 1);
  return { shown, hidden: items.length - shown.length };
}

/**
 * Seats offered by the day's departures that are not cancelled: each
 * departure's capacity (its vehicles' seats, or fewer when a stop takes
 * fewer visitors at once), not the seats it was planned with.
 */
export function seatsOffered(day: CalendarDay): number {
  return day.tours.filter((t) => t.tour.status !== "cancelled").reduce((sum, t) => sum + t.capacity, 0);
}

/** How many of the day's departures have an itinerary that does not work. */
export function infeasibleCount(day: CalendarDay): number {
  return day.tours.filter((t) => !t.feasible).length;
}
