import { describe, expect, it } from "vitest";
import type { TourSummary } from "../api/bindings/TourSummary";
import {
  allProblems,
  capacityLimit,
  decimalText,
  dropIndex,
  filterIsActive,
  filterTours,
  groupByDay,
  moveItem,
  parseDecimal,
  parseDwell,
  parseTime,
  parseWhole,
  plural,
  problemLang,
  problemText,
  rowsToStops,
  sameStops,
  timeRange,
  weekOf,
} from "./model";

const HOURS = { code: "outside_hours", fa: "بیرون از ساعت بازدید (۰۸:۰۰–۱۲:۰۰)", en: "outside the visiting hours (08:00–12:00)" };

function summary(id: number, date: string, departure: string, over: Partial<TourSummary> = {}): TourSummary {
  return {
    tour: { id, date, departure, meetingPoint: "میدان امام حسین", seats: 25, status: "draft", notes: "" },
    stopCount: 2,
    seats: 25,
    ends: "11:00",
    feasible: true,
    firstProblem: null,
    ...over,
  };
}

describe("moveItem", () => {
  it.each([
    [0, 2, ["b", "c", "a", "d"]],
    [3, 0, ["d", "a", "b", "c"]],
    [1, 1, ["a", "b", "c", "d"]],
    [2, 9, ["a", "b", "d", "c"]],
    [1, -3, ["b", "a", "c", "d"]],
    [7, 0, ["a", "b", "c", "d"]],
  ])("moves %i to %i", (from, to, expected) => {
    const list = ["a", "b", "c", "d"];
    expect(moveItem(list, from, to)).toEqual(expected);
    expect(list).toEqual(["a", "b", "c", "d"]);
  });
});

describe("dropIndex", () => {
  it.each([
    // from, over, after → index for moveItem
    [0, 2, false, 1],
    [0, 2, true, 2],
    [3, 1, false, 1],
    [3, 1, true, 2],
    [1, 1, true, 1],
    [1, 2, false, 1],
  ])("dragging %i onto %i (after: %s) lands at %i", (from, over, after, expected) => {
    expect(dropIndex(from, over, after)).toBe(expected);
  });

  it("agrees with moveItem: dropping after the last stop puts the dragged one last", () => {
    const list = ["a", "b", "c"];
    expect(moveItem(list, 0, dropIndex(0, 2, true))).toEqual(["b", "c", "a"]);
    expect(moveItem(list, 2, dropIndex(2, 0, false))).toEqual(["c", "a", "b"]);
  });
});

describe("problem text", () => {
  it("follows the UI's language; the keys pseudo-locale reads English", () => {
    expect(problemText(HOURS, "fa")).toBe("بیرون از ساعت بازدید (۰۸:۰۰–۱۲:۰۰)");
    expect(problemText(HOURS, "en")).toBe("outside the visiting hours (08:00–12:00)");
    expect(problemText(HOURS, "keys")).toBe("outside the visiting hours (08:00–12:00)");
  });

  it("falls back to the other language when one is blank", () => {
    expect(problemText({ fa: "", en: "the site is archived" }, "fa")).toBe("the site is archived");
    expect(problemText({ fa: "سایت بایگانی شده است", en: "" }, "en")).toBe("سایت بایگانی شده است");
  });

  it("says the language and direction to mark it with", () => {
    expect(problemLang("fa")).toEqual({ lang: "fa", dir: "rtl" });
    expect(problemLang("en")).toEqual({ lang: "en", dir: "ltr" });
  });

  it("lists a schedule's problems, the tour's own first", () => {
    const tourProblem = { code: "ends_after_day_end", fa: "دیر", en: "late" };
    expect(allProblems({ problems: [tourProblem], stops: [{ problems: [] }, { problems: [HOURS] }] })).toEqual([tourProblem, HOURS]);
  });
});

describe("weeks and days", () => {
  it("the week runs Saturday to Friday around a day", () => {
    expect(weekOf("2026-11-29")).toEqual({ from: "2026-11-28", to: "2026-12-04" });
    expect(weekOf("2026-11-28")).toEqual({ from: "2026-11-28", to: "2026-12-04" });
    expect(weekOf("2026-12-04")).toEqual({ from: "2026-11-28", to: "2026-12-04" });
    expect(weekOf("2026-11-29", 1)).toEqual({ from: "2026-12-05", to: "2026-12-11" });
    expect(weekOf("not a date")).toBeNull();
  });

  it("groups tours by day, days and departures in order", () => {
    const groups = groupByDay([
      summary(3, "2026-11-30", "08:00"),
      summary(2, "2026-11-29", "13:00"),
      summary(1, "2026-11-29", "08:00"),
    ]);
    expect(groups.map((g) => [g.date, g.tours.map((s) => s.tour.id)])).toEqual([
      ["2026-11-29", [1, 2]],
      ["2026-11-30", [3]],
    ]);
  });
});

describe("filtering the list", () => {
  const list = [
    summary(1, "2026-11-29", "08:00", { tour: { ...summary(1, "2026-11-29", "08:00").tour, status: "open" } }),
    summary(2, "2026-11-29", "13:00", { feasible: false, firstProblem: HOURS }),
    summary(3, "2026-11-30", "10:00", { tour: { ...summary(3, "2026-11-30", "10:00").tour, notes: "گروه كانون" } }),
  ];
  const names = (status: string) => [status === "open" ? "باز" : "پیش‌نویس", status === "open" ? "open" : "draft"];
  const ids = (f: Parameters<typeof filterTours>[1]) => filterTours(list, f, names as never).map((s) => s.tour.id);
  const none = { text: "", status: "" as const, infeasibleOnly: false };

  it("by status and by feasibility", () => {
    expect(ids({ ...none, status: "open" })).toEqual([1]);
    expect(ids({ ...none, infeasibleOnly: true })).toEqual([2]);
    expect(filterIsActive(none)).toBe(false);
    expect(filterIsActive({ ...none, infeasibleOnly: true })).toBe(true);
  });

  it("by text in any digits and letters: time, Solar Hijri date, notes, status word, problem", () => {
    expect(ids({ ...none, text: "۱۳:۰۰" })).toEqual([2]);
    expect(ids({ ...none, text: "10:00" })).toEqual([3]);
    expect(ids({ ...none, text: "1405/09/09" })).toEqual([3]);
    expect(ids({ ...none, text: "کانون" })).toEqual([3]);
    expect(ids({ ...none, text: "open" })).toEqual([1]);
    expect(ids({ ...none, text: "پیش‌نویس" })).toEqual([2, 3]);
    expect(ids({ ...none, text: "visiting hours" })).toEqual([2]);
    expect(ids({ ...none, text: "بیرون ساعت" })).toEqual([2]);
  });
});

describe("reading what is typed", () => {
  it.each([
    ["", { ok: true, value: null }],
    ["۴۵", { ok: true, value: 45 }],
    ["٤٥", { ok: true, value: 45 }],
    [" 90 ", { ok: true, value: 90 }],
    ["4", { ok: false }],
    ["481", { ok: false }],
    ["4.5", { ok: false }],
    ["ده", { ok: false }],
  ])("a stay of %j", (typed, expected) => {
    expect(parseDwell(typed)).toEqual(expected);
  });

  it("whole numbers and decimals in any digits", () => {
    expect(parseWhole("۲۵")).toEqual({ ok: true, value: 25 });
    expect(parseWhole("-1")).toEqual({ ok: false });
    expect(parseDecimal("۱٫۴")).toEqual({ ok: true, value: 1.4 });
    expect(parseDecimal("۳۲/۶۵۵۲")).toEqual({ ok: true, value: 32.6552 });
    expect(parseDecimal("-12.5")).toEqual({ ok: true, value: -12.5 });
    expect(parseDecimal("1.2.3")).toEqual({ ok: false });
    expect(decimalText(1.4, "fa")).toBe("۱٫۴");
    expect(decimalText(1.4, "en")).toBe("1.4");
  });

  it.each([
    ["8", "08:00"],
    ["۸:۳۰", "08:30"],
    ["0830", "08:30"],
    [" 9.15 ", "09:15"],
    ["24:00", "24:00"],
    ["24:01", null],
    ["8:60", null],
    ["۱۲:۳۰:۰۰", null],
    ["ساعت", null],
  ])("the time %j", (typed, expected) => {
    expect(parseTime(typed)).toBe(expected);
  });

  it("rows become stops only when every stay is valid", () => {
    expect(
      rowsToStops([
        { key: 1, site: 4, dwell: "" },
        { key: 2, site: 7, dwell: "۶۰" },
      ]),
    ).toEqual([
      { site: 4, dwell: null },
      { site: 7, dwell: 60 },
    ]);
    expect(rowsToStops([{ key: 1, site: 4, dwell: "2" }])).toBeNull();
  });

  it("itineraries compare by site, order and stay", () => {
    const a = [
      { site: 1, dwell: null },
      { site: 2, dwell: 30 },
    ];
    expect(sameStops(a, [...a])).toBe(true);
    expect(sameStops(a, [a[1]!, a[0]!])).toBe(false);
    expect(sameStops(a, [a[0]!, { site: 2, dwell: null }])).toBe(false);
    expect(sameStops(a, [a[0]!])).toBe(false);
  });
});

describe("times and counts", () => {
  it("a time range keeps its order and takes the locale's digits", () => {
    expect(timeRange("08:20", "09:05", "fa")).toBe("۰۸:۲۰–۰۹:۰۵");
    expect(timeRange("08:20", "09:05", "en")).toBe("08:20–09:05");
  });

  it("English says one stop, two stops", () => {
    expect(plural(1, "tours.stopCountOne", "tours.stopCount")).toBe("tours.stopCountOne");
    expect(plural(0, "tours.stopCountOne", "tours.stopCount")).toBe("tours.stopCount");
    expect(plural(5, "tours.stopCountOne", "tours.stopCount")).toBe("tours.stopCount");
  });
});

describe("what limits the capacity", () => {
  it("the smallest group a stop takes, when below the seats", () => {
    expect(capacityLimit({ seats: 20, vehicleSeats: 25, smallestStopSite: 1, smallestStopMax: 20 }, 1)).toEqual({
      kind: "site",
      site: 1,
      max: 20,
    });
  });

  it("otherwise the vehicles' seats, or the tour's own without vehicles", () => {
    expect(capacityLimit({ seats: 18, vehicleSeats: 18, smallestStopSite: 2, smallestStopMax: 30 }, 1)).toEqual({
      kind: "vehicles",
      seats: 18,
    });
    expect(capacityLimit({ seats: 25, vehicleSeats: 25, smallestStopSite: 2, smallestStopMax: 25 }, 0)).toEqual({
      kind: "tourSeats",
      seats: 25,
    });
    expect(capacityLimit({ seats: 25, vehicleSeats: 25, smallestStopSite: null, smallestStopMax: null }, 0)).toEqual({
      kind: "tourSeats",
      seats: 25,
    });
  });
});
