/** Holidays in the table: finding them by name or date, and checking one before it is saved. */
import type { Holiday } from "../api/bindings/Holiday";
import { gregorianToJalali } from "../dates/calendar";
import { formatJalaliDayMonthYear, formatJalaliShort, monthName } from "../dates/format";
import { normalizeFa } from "../dates/text";
import type { Problem } from "./model";

export const HOLIDAY_NAME_MAX = 200;

/** The text a holiday is found by: its names, and its date in every form shown. */
function searchText(h: Holiday): string {
  const parts = [h.nameFa, h.nameEn, h.date];
  const j = gregorianToJalali(h.date);
  if (j) {
    parts.push(
      formatJalaliShort(j, "en"),
      formatJalaliDayMonthYear(j, "fa"),
      formatJalaliDayMonthYear(j, "en"),
      monthName(j.month, "fa"),
    );
  }
  return normalizeFa(parts.join(" | "));
}

/**
 * The holidays matching `query`: every word of it must appear in a name or
 * a form of the date. «علي» finds «علی», «۱۴۰۵/۱۰» finds 1405/10/02, and
 * "dey" finds every holiday in Dey.
 */
export function filterHolidays(list: readonly Holiday[], query: string): Holiday[] {
  const words = normalizeFa(query).split(" ").filter((w) => w !== "");
  if (words.length === 0) return list.slice();
  return list.filter((h) => {
    const text = searchText(h);
    return words.every((w) => text.includes(w));
  });
}

/** What the holiday form holds. */
export interface HolidayDraft {
  /** Gregorian ISO, or null. */
  date: string | null;
  nameFa: string;
  nameEn: string;
  needsCheck: boolean;
}

export interface HolidayCheck {
  holiday: Holiday | null;
  date: Problem | null;
  nameFa: Problem | null;
  nameEn: Problem | null;
}

/**
 * Checks the form. `existing` is the table; `editing` is the date of the
 * holiday being changed (null when adding), so moving a holiday onto a day
 * that already has another is refused instead of replacing that one.
 */
export function checkHoliday(
  draft: HolidayDraft,
  existing: readonly Holiday[],
  editing: string | null,
): HolidayCheck {
  const nameFa = draft.nameFa.trim();
  const nameEn = draft.nameEn.trim();
  const taken = draft.date ? existing.find((h) => h.date === draft.date && h.date !== editing) : undefined;
  const date: Problem | null = !draft.date
    ? { key: "holidays.problem.date" }
    : taken
      ? { key: "holidays.problem.taken", params: { name: taken.nameFa } }
      : null;
  const fa: Problem | null =
    nameFa === ""
      ? { key: "holidays.problem.name" }
      : [...nameFa].length > HOLIDAY_NAME_MAX
        ? { key: "holidays.problem.nameLong", params: { max: String(HOLIDAY_NAME_MAX) } }
        : null;
  const en: Problem | null =
    [...nameEn].length > HOLIDAY_NAME_MAX
      ? { key: "holidays.problem.nameLong", params: { max: String(HOLIDAY_NAME_MAX) } }
      : null;
  const holiday =
    !date && !fa && !en && draft.date ? { date: draft.date, nameFa, nameEn, needsCheck: draft.needsCheck } : null;
  return { holiday, date, nameFa: fa, nameEn: en };
}
