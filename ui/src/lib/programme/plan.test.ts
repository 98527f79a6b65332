import { describe, expect, it } from "vitest";
import type { DeparturesPlan } from "../api/bindings/DeparturesPlan";
import type { Tour } from "../api/bindings/Tour";
import { groupSlotsByDate, groupToursByDate, planIsEmpty, planSpan } from "./plan";

const tour = (id: number, date: string, departure: string): Tour => ({
  id,
  date,
  departure,
  meetingPoint: "",
  seats: 25,
  status: "draft",
  notes: "",
});

describe("grouping the preview by date", () => {
  it("puts each date's times together, dates and times in order", () => {
    const groups = groupSlotsByDate([
      { date: "2026-12-23", departure: "13:00" },
      { date: "2026-12-22", departure: "13:00" },
      { date: "2026-12-23", departure: "08:00" },
      { date: "2026-12-22", departure: "08:00" },
    ]);
    expect(groups).toEqual([
      {
        date: "2026-12-22",
        items: [
          { date: "2026-12-22", departure: "08:00" },
          { date: "2026-12-22", departure: "13:00" },
        ],
      },
      {
        date: "2026-12-23",
        items: [
          { date: "2026-12-23", departure: "08:00" },
          { date: "2026-12-23", departure: "13:00" },
        ],
      },
    ]);
  });

  it("groups tours the same way", () => {
    const groups = groupToursByDate([tour(3, "2027-01-02", "13:00"), tour(1, "2027-01-01", "08:00"), tour(2, "2027-01-02", "08:00")]);
    expect(groups.map((g) => [g.date, g.items.map((t) => t.id)])).toEqual([
      ["2027-01-01", [1]],
      ["2027-01-02", [2, 3]],
    ]);
  });

  it("has no groups for nothing", () => {
    expect(groupSlotsByDate([])).toEqual([]);
  });
});

describe("a plan as a whole", () => {
  const none: DeparturesPlan = { add: [], remove: [], keep: [], unchanged: 136, fingerprint: "x" };
  it("is empty when nothing is added or removed, even with tours kept", () => {
    expect(planIsEmpty(none)).toBe(true);
    expect(planIsEmpty({ ...none, keep: [tour(1, "2026-12-23", "08:00")] })).toBe(true);
    expect(planIsEmpty({ ...none, add: [{ date: "2026-12-23", departure: "08:00" }] })).toBe(false);
  });
  it("spans the dates it touches", () => {
    expect(planSpan(none)).toBeNull();
    expect(
      planSpan({
        ...none,
        add: [{ date: "2027-01-05", departure: "08:00" }],
        remove: [tour(1, "2026-12-23", "08:00")],
        keep: [tour(2, "2027-02-11", "13:00")],
      }),
    ).toEqual({ from: "2026-12-23", to: "2027-02-11" });
  });
});
