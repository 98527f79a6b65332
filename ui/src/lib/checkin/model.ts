/**
 * The check-in page's pure logic: what a scanner (or a person) typed,
 * which keystrokes belong in the scan field wherever the focus is, scans
 * handled one after another in the order they came, the sheet after one
 * group changed, the day's tours in the order a coordinator wants them, a
 * tick's toggle, and the tour an address names (`#/checkin/90002`).
 */
import type { CheckinSheet } from "../api/bindings/CheckinSheet";
import type { SheetGroup } from "../api/bindings/SheetGroup";
import type { Tour } from "../api/bindings/Tour";
import type { TourStatus } from "../api/bindings/TourStatus";

/**
 * The code as the core should get it: control characters a scanner may add
 * (tab, CR, LF, a prefix byte), bidi and zero-width marks copied along, and
 * surrounding spaces removed. Letters and digits of every script are kept;
 * the core reads any case and any digits.
 */
export function cleanScan(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2066-\u2069\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Where a keystroke landed, as far as redirecting it matters. */
export interface KeyTarget {
  /** The focused element's tag, lower case ("body", "button", "input"…). */
  tag: string;
  /** An input's type ("text", "checkbox"…), or "". */
  type?: string;
  /** The element or an ancestor is contenteditable. */
  editable?: boolean;
  /** Focus is inside an open dialog. */
  inDialog?: boolean;
}

/** Inputs that take typed text. */
const TEXT_INPUTS = new Set(["", "text", "search", "tel", "email", "url", "number", "password", "date", "time"]);

/**
 * True when a key pressed outside the scan field should go into it: a
 * printable character (a scanner types the code like a keyboard) while the
 * focus is on something that does not take text — the page, a tick button,
 * a link — and no dialog is open. Space is left alone (it presses buttons),
 * and so is anything with Ctrl, Alt or Meta (shortcuts).
 */
export function redirectsToScan(key: string, modifiers: { ctrl?: boolean; alt?: boolean; meta?: boolean }, target: KeyTarget): boolean {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return false;
  if ([...key].length !== 1 || key === " ") return false;
  if (target.inDialog || target.editable) return false;
  if (target.tag === "textarea" || target.tag === "select") return false;
  if (target.tag === "input" && TEXT_INPUTS.has((target.type ?? "").toLowerCase())) return false;
  return true;
}

/**
 * Scans handled one at a time, in the order they arrived: a scanner may
 * read the next code before the core has answered the last one. `run` is
 * called for each code; a failing run does not stop the ones after it.
 */
export class ScanQueue {
  private readonly waiting: string[] = [];
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  private release: () => void = () => {};

  constructor(private readonly run: (code: string) => Promise<void>) {}

  /** Codes not handled yet, the current one included. */
  get pending(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** Adds a code; empty codes are ignored. */
  push(code: string): void {
    if (code === "") return;
    this.waiting.push(code);
    if (!this.running) {
      this.idle = new Promise((resolve) => (this.release = resolve));
      void this.drain();
    }
  }

  /** Resolves once every code pushed so far is handled. */
  settled(): Promise<void> {
    return this.running ? this.idle : Promise.resolve();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let code = this.waiting.shift(); code !== undefined; code = this.waiting.shift()) {
        try {
          await this.run(code);
        } catch {
          // The runner reports its own failures; the next scan still runs.
        }
      }
    } finally {
      this.running = false;
      this.release();
    }
  }
}

/** The sheet with `group` (matched by registration) in place of its old line, and the totals recounted. */
export function withGroup(sheet: CheckinSheet, group: SheetGroup): CheckinSheet {
  const groups = sheet.groups.map((g) => (g.registration.id === group.registration.id ? group : g));
  return {
    ...sheet,
    groups,
    expected: groups.reduce((s, g) => s + g.registration.seats, 0),
    present: groups.reduce((s, g) => s + g.present, 0),
  };
}

/** Seats still free on the tour (for walk-ins). */
export function freeSeats(sheet: Pick<CheckinSheet, "capacity" | "expected">): number {
  return Math.max(0, sheet.capacity - sheet.expected);
}

const STATUS_ORDER: Record<TourStatus, number> = { open: 0, full: 0, done: 1, draft: 2, cancelled: 3 };

/** A day's tours as the selector lists them: open (or full) first, then done, drafts and cancelled; each by departure. */
export function orderDayTours(tours: readonly Tour[]): Tour[] {
  return [...tours].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.departure < b.departure ? -1 : a.departure > b.departure ? 1 : 0) ||
      a.id - b.id,
  );
}

/** The tour to open first among a day's tours (ordered): the first open one, else the first not cancelled, else none. */
export function defaultTour(tours: readonly Tour[]): number | null {
  const ordered = orderDayTours(tours);
  return (ordered.find((t) => t.status !== "cancelled") ?? null)?.id ?? null;
}

/** Pressing "present" (true) or "absent" (false) on a member marked `current`: pressing the mark already there clears it. */
export function nextMark(current: boolean | null, pressed: boolean): boolean | null {
  return current === pressed ? null : pressed;
}

/** `#/checkin/90002` → 90002; anything else → null. */
export function tourFromHash(hash: string): number | null {
  const parts = hash.replace(/^#\/?/, "").split("?")[0]?.split("/") ?? [];
  if (parts[0] !== "checkin") return null;
  const id = parts[1] ?? "";
  return /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : null;
}

/** The address of the check-in of `tour`. */
export function checkinHash(tour: number | null): string {
  return tour === null ? "#/checkin" : `#/checkin/${tour}`;
}

/** Whether the group has any mark to undo (or a state check-in set). */
export function hasCheckin(group: SheetGroup): boolean {
  return group.registration.state === "attended" || group.registration.state === "no_show" || group.members.some((m) => m.present !== null);
}
