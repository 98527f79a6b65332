/**
 * Where a key moves the focused day of a month grid. Arrows follow the
 * screen: in a right-to-left grid the right arrow goes to the previous day.
 */
import { addDays, addMonths, clampToRange, weekEnd, weekStart, type JalaliDate } from "./calendar";

export interface MoveOptions {
  /** The grid runs right to left (Persian). */
  rtl: boolean;
  /** Shift is held: PageUp/PageDown move by a year instead of a month. */
  shift?: boolean;
}

/** The day `key` moves focus to from `date`, or null when the key does not move it. */
export function moveByKey(date: JalaliDate, key: string, { rtl, shift = false }: MoveOptions): JalaliDate | null {
  let next: JalaliDate;
  switch (key) {
    case "ArrowRight":
      next = addDays(date, rtl ? -1 : 1);
      break;
    case "ArrowLeft":
      next = addDays(date, rtl ? 1 : -1);
      break;
    case "ArrowUp":
      next = addDays(date, -7);
      break;
    case "ArrowDown":
      next = addDays(date, 7);
      break;
    case "PageUp":
      next = addMonths(date, shift ? -12 : -1);
      break;
    case "PageDown":
      next = addMonths(date, shift ? 12 : 1);
      break;
    case "Home":
      next = weekStart(date);
      break;
    case "End":
      next = weekEnd(date);
      break;
    default:
      return null;
  }
  return clampToRange(next);
}
