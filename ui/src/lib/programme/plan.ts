/** The departures preview arranged for reading: by date, times in order. */
import type { DeparturesPlan } from "../api/bindings/DeparturesPlan";
import type { Slot } from "../api/bindings/Slot";
import type { Tour } from "../api/bindings/Tour";

/** The departure times of one date. */
export interface DateGroup<T> {
  /** Gregorian ISO. */
  date: string;
  items: T[];
}

function groupBy<T>(items: readonly T[], dateOf: (item: T) => string, timeOf: (item: T) => string): DateGroup<T>[] {
  const byDate = new Map<string, T[]>();
  for (const item of items) {
    const date = dateOf(item);
    const list = byDate.get(date);
    if (list) list.push(item);
    else byDate.set(date, [item]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, list]) => ({
      date,
      items: list.slice().sort((a, b) => (timeOf(a) < timeOf(b) ? -1 : timeOf(a) > timeOf(b) ? 1 : 0)),
    }));
}

/** Slots by date, earliest first; each date's times in order. */
export function groupSlotsByDate(slots: readonly Slot[]): DateGroup<Slot>[] {
  return groupBy(
    slots,
    (s) => s.date,
    (s) => s.departure,
  );
}

/** Tours by date, earliest first; each date's tours by departure. */
export function groupToursByDate(tours: readonly Tour[]): DateGroup<Tour>[] {
  return groupBy(
    tours,
    (t) => t.date,
    (t) => t.departure,
  );
}

/** True when applying the plan would change nothing. */
export function planIsEmpty(plan: DeparturesPlan): boolean {
  return plan.add.length === 0 && plan.remove.length === 0;
}

/** The first and last dates the plan touches (Gregorian ISO), or null when it touches none. */
export function planSpan(plan: DeparturesPlan): { from: string; to: string } | null {
  const dates = [...plan.add.map((s) => s.date), ...plan.remove.map((t) => t.date), ...plan.keep.map((t) => t.date)];
  if (dates.length === 0) return null;
  dates.sort();
  return { from: dates[0] ?? "", to: dates[dates.length - 1] ?? "" };
}
