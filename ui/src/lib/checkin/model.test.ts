import { describe, expect, it } from "vitest";
import type { CheckinSheet } from "../api/bindings/CheckinSheet";
import type { SheetGroup } from "../api/bindings/SheetGroup";
import type { Tour } from "../api/bindings/Tour";
import {
  ScanQueue,
  checkinHash,
  cleanScan,
  defaultTour,
  freeSeats,
  hasCheckin,
  nextMark,
  orderDayTours,
  redirectsToScan,
  tourFromHash,
  withGroup,
} from "./model";

describe("what a scanner types", () => {
  it.each([
    ["GRD-12-7K3M9Q", "GRD-12-7K3M9Q"],
    ["  grd-12-7k3m9q \r\n", "grd-12-7k3m9q"],
    ["\tGRD-12-7K3M9Q\r", "GRD-12-7K3M9Q"],
    ["\u0002GRD-12-7K3M9Q\u0003", "GRD-12-7K3M9Q"],
    ["\u200fGRD-۱۲-7K3M9Q\u200e", "GRD-۱۲-7K3M9Q"],
    ["\ufeffGRD-12-\u2066ABCDEF\u2069", "GRD-12-ABCDEF"],
    ["GRD - 12 -  7K3M9Q", "GRD - 12 - 7K3M9Q"],
    ["", ""],
    ["\r\n", ""],
  ])("%j is read as %j", (raw, clean) => {
    expect(cleanScan(raw)).toBe(clean);
  });
});

describe("keys that belong in the scan field", () => {
  const none = {};
  it.each([
    ["a letter on the page", "G", none, { tag: "body" }, true],
    ["a digit on a tick button", "1", none, { tag: "button" }, true],
    ["a dash on a link", "-", none, { tag: "a" }, true],
    ["a Persian digit on a button", "۱", none, { tag: "button" }, true],
    ["a letter on a checkbox", "G", none, { tag: "input", type: "checkbox" }, true],
  ] as const)("%s goes to the field", (_what, key, mods, target, expected) => {
    expect(redirectsToScan(key, mods, target)).toBe(expected);
  });

  it.each([
    ["Space on a button (it presses it)", " ", none, { tag: "button" }],
    ["Enter on a button", "Enter", none, { tag: "button" }],
    ["Tab", "Tab", none, { tag: "body" }],
    ["an arrow", "ArrowDown", none, { tag: "body" }],
    ["typing in another text field", "a", none, { tag: "input", type: "text" }],
    ["typing in a search field", "a", none, { tag: "input", type: "search" }],
    ["typing in a textarea", "a", none, { tag: "textarea" }],
    ["choosing in a select", "a", none, { tag: "select" }],
    ["editable text", "a", none, { tag: "div", editable: true }],
    ["inside a dialog", "a", none, { tag: "button", inDialog: true }],
    ["Ctrl+C", "c", { ctrl: true }, { tag: "body" }],
    ["Alt+x", "x", { alt: true }, { tag: "body" }],
    ["Meta+v", "v", { meta: true }, { tag: "body" }],
  ] as const)("%s stays where it is", (_what, key, mods, target) => {
    expect(redirectsToScan(key, mods, target)).toBe(false);
  });
});

describe("scans one after another", () => {
  it("runs codes in the order they came, one at a time, and goes on after a failure", async () => {
    const seen: string[] = [];
    let running = 0;
    let most = 0;
    const q = new ScanQueue(async (code) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(code);
      running--;
      if (code === "B") throw new Error("refused");
    });
    q.push("A");
    q.push("B");
    q.push("");
    q.push("C");
    expect(q.pending).toBe(3);
    await q.settled();
    expect(seen).toEqual(["A", "B", "C"]);
    expect(most).toBe(1);
    expect(q.pending).toBe(0);
    q.push("D");
    await q.settled();
    expect(seen).toEqual(["A", "B", "C", "D"]);
  });

  it("is settled at once when idle", async () => {
    const q = new ScanQueue(async () => {});
    await expect(q.settled()).resolves.toBeUndefined();
  });
});

function group(id: number, seats: number, present: (boolean | null)[]): SheetGroup {
  return {
    registration: { id, group: id, tour: 1, seats, state: "confirmed", overrideReason: "", code: `GRD-${id}-AAAAAA` },
    groupName: `g${id}`,
    members: present.map((p, i) => ({ id: id * 100 + i, fullName: `m${i}`, isLeader: i === 0, stepFree: false, present: p, walkIn: false })),
    present: present.filter((p) => p === true).length,
  };
}

const tour = (id: number, departure: string, status: Tour["status"]): Tour => ({
  id,
  date: "2026-11-29",
  departure,
  meetingPoint: "",
  seats: 25,
  status,
  notes: "",
});

describe("the sheet", () => {
  it("takes one group's new state and recounts seats and presence", () => {
    const sheet: CheckinSheet = { tour: tour(1, "08:00", "open"), groups: [group(1, 3, [null, null, null]), group(2, 2, [true, null])], expected: 5, present: 1, capacity: 20 };
    const next = withGroup(sheet, { ...group(1, 4, [true, true, false, true]) });
    expect([next.expected, next.present]).toEqual([6, 4]);
    expect(next.groups.map((g) => g.registration.id)).toEqual([1, 2]);
    expect(sheet.present).toBe(1);
    expect(freeSeats(next)).toBe(14);
    expect(freeSeats({ capacity: 5, expected: 7 })).toBe(0);
  });

  it("knows when a group has something to undo", () => {
    expect(hasCheckin(group(1, 2, [null, null]))).toBe(false);
    expect(hasCheckin(group(1, 2, [false, null]))).toBe(true);
    expect(hasCheckin({ ...group(1, 2, [null, null]), registration: { ...group(1, 2, []).registration, state: "no_show" } })).toBe(true);
  });

  it("toggles a mark: pressing the mark already there clears it", () => {
    expect(nextMark(null, true)).toBe(true);
    expect(nextMark(true, true)).toBeNull();
    expect(nextMark(true, false)).toBe(false);
    expect(nextMark(false, false)).toBeNull();
  });
});

describe("the day's tours", () => {
  const day = [tour(5, "13:00", "draft"), tour(4, "10:00", "cancelled"), tour(3, "14:00", "open"), tour(2, "08:00", "full"), tour(1, "09:00", "done")];
  it("come open first, then done, drafts and cancelled, each by departure", () => {
    expect(orderDayTours(day).map((t) => t.id)).toEqual([2, 3, 1, 5, 4]);
  });

  it("open the first open one, else one not cancelled, else none", () => {
    expect(defaultTour(day)).toBe(2);
    expect(defaultTour([tour(7, "08:00", "cancelled"), tour(8, "09:00", "draft")])).toBe(8);
    expect(defaultTour([tour(7, "08:00", "cancelled")])).toBeNull();
    expect(defaultTour([])).toBeNull();
  });
});

describe("the address", () => {
  it.each([
    ["#/checkin/90002", 90002],
    ["#/checkin/90002?x=1", 90002],
    ["#/checkin", null],
    ["#/checkin/abc", null],
    ["#/checkin/0", null],
    ["#/groups/12", null],
  ])("%s names tour %s", (hash, id) => {
    expect(tourFromHash(hash)).toBe(id);
  });

  it("round-trips", () => {
    expect(tourFromHash(checkinHash(12))).toBe(12);
    expect(checkinHash(null)).toBe("#/checkin");
  });
});
