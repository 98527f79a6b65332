import { describe, expect, it } from "vitest";
import type { CalendarDay } from "../api/bindings/CalendarDay";
import type { CalendarTour } from "../api/bindings/CalendarTour";
import type { Tour } from "../api/bindings/Tour";
import { daysInMonth, jalaliToGregorian, weekdayOf } from "../dates/calendar";
import {
  byDeparture,
  calendarWeeks,
  cellItems,
  infeasibleCount,
  monthOfIso,
  sameMonth,
  seatsOffered,
  shiftMonth,
  startMonth,
} from "./calendarGrid";

/** The days of a Solar Hijri month as the core sends them, without programme data. */
function month(year: number, m: number): CalendarDay[] {
  return Array.from({ length: daysInMonth(year, m) }, (_, i) => {
    const jalali = { year, month: m, day: i + 1 };
    return {
      date: jalaliToGregorian(jalali),
      jalali,
      weekday: weekdayOf(jalali),
      programmeDay: null,
      off: null,
      holiday: null,
      closures: [],
      tours: [],
    };
  });
}

/** A departure on the calendar; its capacity is its seats unless given. */
const tour = (
  id: number,
  departure: string,
  status: Tour["status"] = "draft",
  seats = 25,
  { capacity = seats, feasible = true }: { capacity?: number; feasible?: boolean } = {},
): CalendarTour => ({
  tour: { id, date: "2026-12-22", departure, meetingPoint: "", seats, status, notes: "" },
  capacity,
  feasible,
});

describe("the month grid", () => {
  it("lays Dey 1405 out Saturday first: 1 Dey is a Tuesday, so three blanks lead", () => {
    const weeks = calendarWeeks(month(1405, 10));
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0]?.[3]?.date).toBe("2026-12-22");
    expect(weeks[0]?.[3]?.weekday).toBe("tuesday");
    // Friday is the last column.
    expect(weeks[0]?.[6]?.weekday).toBe("friday");
    const last = weeks[4]?.filter((d) => d !== null).at(-1);
    expect(last?.jalali.day).toBe(30);
    expect(weeks[4]?.slice(5)).toEqual([null, null]);
  });

  it("needs six rows when a 31-day month starts on a Friday", () => {
    // 1 Khordad 1405 is a Friday.
    const days = month(1405, 3);
    expect(days[0]?.weekday).toBe("friday");
    const weeks = calendarWeeks(days);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.filter((d) => d !== null)).toHaveLength(1);
  });

  it("has no rows for no days", () => {
    expect(calendarWeeks([])).toEqual([]);
  });
});

describe("moving between months", () => {
  it.each([
    [{ year: 1405, month: 10 }, 1, { year: 1405, month: 11 }],
    [{ year: 1405, month: 12 }, 1, { year: 1406, month: 1 }],
    [{ year: 1405, month: 1 }, -1, { year: 1404, month: 12 }],
    [{ year: 1405, month: 10 }, -22, { year: 1403, month: 12 }],
  ])("%j by %i → %j", (from, delta, to) => {
    expect(shiftMonth(from, delta)).toEqual(to);
  });

  it("finds a date's Solar Hijri month", () => {
    expect(monthOfIso("2026-12-22")).toEqual({ year: 1405, month: 10 });
    expect(monthOfIso("2026-12-21")).toEqual({ year: 1405, month: 9 });
    expect(monthOfIso("not a date")).toBeNull();
    expect(sameMonth({ year: 1405, month: 9 }, { year: 1405, month: 9 })).toBe(true);
  });
});

describe("the month the calendar opens on", () => {
  const demo = { starts: "2026-12-22", ends: "2027-03-11" };
  it("is today's month inside the programme", () => {
    expect(startMonth("2027-01-15", demo)).toEqual({ year: 1405, month: 10 });
    expect(startMonth("2027-03-11", demo)).toEqual({ year: 1405, month: 12 });
  });
  it("is the programme's first month when today is outside it", () => {
    expect(startMonth("2026-11-29", demo)).toEqual({ year: 1405, month: 10 });
    expect(startMonth("2027-06-01", demo)).toEqual({ year: 1405, month: 10 });
  });
  it("is today's month without a programme", () => {
    expect(startMonth("2026-11-29", null)).toEqual({ year: 1405, month: 9 });
  });
});

describe("what fits in a cell", () => {
  const day = month(1405, 10)[0] as CalendarDay;
  const closure = { site: 1, nameFa: "ایستگاه زینبیه", reason: "بتن‌ریزی" };

  it("shows closures first, then departures by time", () => {
    const items = cellItems({ ...day, closures: [closure], tours: [tour(2, "13:00"), tour(1, "08:00")] }, 3);
    expect(items.hidden).toBe(0);
    expect(items.shown.map((i) => (i.kind === "tour" ? i.entry.tour.departure : i.kind))).toEqual(["closure", "08:00", "13:00"]);
  });

  it("turns the last line into +N when there is more than room", () => {
    const tours = ["08:00", "09:00", "10:00", "11:00", "12:00"].map((t, i) => tour(i + 1, t));
    const items = cellItems({ ...day, tours }, 3);
    expect(items.shown).toHaveLength(2);
    expect(items.hidden).toBe(3);
  });

  it("keeps a departure's capacity and feasibility with it", () => {
    const items = cellItems({ ...day, tours: [tour(1, "08:00", "open", 25, { capacity: 18, feasible: false })] }, 3);
    expect(items.shown).toEqual([{ kind: "tour", entry: tour(1, "08:00", "open", 25, { capacity: 18, feasible: false }) }]);
  });

  it("orders departures by time, then by id", () => {
    const sorted = byDeparture([tour(3, "13:00"), tour(2, "08:00"), tour(1, "13:00")]);
    expect(sorted.map((e) => e.tour.id)).toEqual([2, 1, 3]);
  });

  it("adds up the seats of departures that are not cancelled", () => {
    expect(seatsOffered({ ...day, tours: [tour(1, "08:00", "open", 25), tour(2, "13:00", "cancelled", 40), tour(3, "15:00", "full", 30)] })).toBe(55);
  });

  it("adds up capacity, not the seats a departure was planned with", () => {
    const tours = [
      // Two buses of 25, but a stop takes 20 at once.
      tour(1, "08:00", "open", 50, { capacity: 20 }),
      // A minibus of 18 on a 25-seat departure.
      tour(2, "10:00", "draft", 25, { capacity: 18, feasible: false }),
      tour(3, "13:00", "cancelled", 40, { capacity: 40 }),
    ];
    expect(seatsOffered({ ...day, tours })).toBe(38);
    expect(seatsOffered({ ...day, tours: [] })).toBe(0);
  });

  it("counts the departures whose itinerary does not work", () => {
    const tours = [tour(1, "08:00"), tour(2, "10:00", "draft", 25, { feasible: false }), tour(3, "13:00", "cancelled", 25, { feasible: false })];
    expect(infeasibleCount({ ...day, tours })).toBe(2);
    expect(infeasibleCount({ ...day, tours: [tour(1, "08:00")] })).toBe(0);
  });
});
