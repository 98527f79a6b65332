/**
 * What each cell of a month grid shows and says: the Solar Hijri day, the
 * Gregorian day, and whether it is a weekend day, a holiday, today, the
 * chosen day or outside the allowed range.
 */
import { translate, type UiLocale } from "../i18n/catalogues";
import { formatGregorianDate } from "../i18n/format";
import { WEEKDAYS, jalaliToGregorian, monthWeeks, type Holiday, type JalaliDate, type Weekday } from "./calendar";
import { checkRange, formatJalaliLong } from "./format";

export interface DayCell {
  date: JalaliDate;
  /** Gregorian ISO. */
  iso: string;
  weekday: Weekday;
  gregorianDay: number;
  weekend: boolean;
  /** Names of the holidays on this day (usually none or one). */
  holidays: string[];
  today: boolean;
  selected: boolean;
  disabled: boolean;
  /** What a screen reader says for the cell. */
  label: string;
}

export interface GridOptions {
  locale: UiLocale;
  weekendDays: readonly Weekday[];
  holidays?: readonly Holiday[];
  /** Gregorian ISO dates. */
  today?: string | null;
  selected?: string | null;
  min?: string | null;
  max?: string | null;
}

/** Holiday names by Gregorian ISO date. */
export function holidaysByDate(holidays: readonly Holiday[]): Map<string, string[]> {
  const byDate = new Map<string, string[]>();
  for (const h of holidays) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h.name]);
  return byDate;
}

/** The weeks of a month, Saturday first, with null for days of the neighbouring months. */
export function monthCells(year: number, month: number, options: GridOptions): (DayCell | null)[][] {
  const { locale, weekendDays, today = null, selected = null, min = null, max = null } = options;
  const byDate = holidaysByDate(options.holidays ?? []);
  return monthWeeks(year, month).map((week) =>
    week.map((date, column) => {
      if (!date) return null;
      const iso = jalaliToGregorian(date);
      const weekday = WEEKDAYS[column] ?? "saturday";
      const holidays = byDate.get(iso) ?? [];
      const isToday = iso === today;
      const parts = [formatJalaliLong(date, locale), formatGregorianDate(iso, locale)];
      if (isToday) parts.push(translate(locale, "datePicker.today"));
      for (const name of holidays) parts.push(translate(locale, "datePicker.holiday", { name }));
      return {
        date,
        iso,
        weekday,
        gregorianDay: Number(iso.slice(8, 10)),
        weekend: weekendDays.includes(weekday),
        holidays,
        today: isToday,
        selected: iso === selected,
        disabled: checkRange(iso, min, max) !== null,
        label: parts.join(locale === "fa" ? "، " : ", "),
      };
    }),
  );
}
