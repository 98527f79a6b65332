/**
 * Solar Hijri dates in words and back: month and weekday names, long and
 * short forms, reading what a person types, and the reason a date was
 * refused — in Persian or English, from the catalogues.
 *
 * Persian text uses Persian digits; English (and the `keys` pseudo-locale)
 * uses Latin digits. The forms match the core's `JalaliDate::format`.
 */
import { catalogues, translate, type MessageKey, type UiLocale } from "../i18n/catalogues";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";
import { formatGregorianDate, isolate } from "../i18n/format";
import {
  MAX_ISO,
  MAX_YEAR,
  MIN_ISO,
  MIN_YEAR,
  checkGregorian,
  checkJalali,
  gregorianToJalali,
  parseIso,
  refused,
  weekdayOf,
  type Checked,
  type DateProblem,
  type JalaliDate,
  type Weekday,
} from "./calendar";
import { normalizeFa } from "./text";

/** The catalogue key of each month, Farvardin first. */
export const MONTH_KEYS = [
  "month.farvardin",
  "month.ordibehesht",
  "month.khordad",
  "month.tir",
  "month.mordad",
  "month.shahrivar",
  "month.mehr",
  "month.aban",
  "month.azar",
  "month.dey",
  "month.bahman",
  "month.esfand",
] as const satisfies readonly MessageKey[];

/** Digits as the locale writes them. */
export function digits(value: string | number, locale: UiLocale): string {
  return locale === "fa" ? toPersianDigits(String(value)) : toLatinDigits(String(value));
}

/** The name of month 1–12: 10 → «دی» / "Dey". */
export function monthName(month: number, locale: UiLocale): string {
  const key = MONTH_KEYS[month - 1];
  return key ? translate(locale, key) : digits(month, locale);
}

/** «سه‌شنبه» / "Tuesday". */
export function weekdayName(weekday: Weekday, locale: UiLocale): string {
  return translate(locale, `weekday.${weekday}`);
}

/** «س» / "Tu", for the columns of a month grid. */
export function weekdayShortName(weekday: Weekday, locale: UiLocale): string {
  return translate(locale, `weekdayShort.${weekday}`);
}

/** «سه‌شنبه ۱ دی ۱۴۰۵» / "Tuesday 1 Dey 1405". */
export function formatJalaliLong(date: JalaliDate, locale: UiLocale): string {
  const text = `${weekdayName(weekdayOf(date), locale)} ${date.day} ${monthName(date.month, locale)} ${date.year}`;
  return digits(text, locale);
}

/** «۱ دی ۱۴۰۵» / "1 Dey 1405": the long form without the weekday. */
export function formatJalaliDayMonthYear(date: JalaliDate, locale: UiLocale): string {
  return digits(`${date.day} ${monthName(date.month, locale)} ${date.year}`, locale);
}

/** «دی ۱۴۰۵» / "Dey 1405". */
export function formatJalaliMonthYear(year: number, month: number, locale: UiLocale): string {
  return digits(`${monthName(month, locale)} ${year}`, locale);
}

/** «۱۴۰۵/۱۰/۰۱» / "1405/10/01". */
export function formatJalaliShort(date: JalaliDate, locale: UiLocale): string {
  const text = `${date.year}/${String(date.month).padStart(2, "0")}/${String(date.day).padStart(2, "0")}`;
  return digits(text, locale);
}

/** "1405-10-01", always Latin digits: for files and addresses. */
export function formatJalaliIso(date: JalaliDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/**
 * A Gregorian ISO date written out with its weekday: «سه‌شنبه ۲۲ دسامبر ۲۰۲۶» /
 * "Tuesday 22 December 2026". Anything that is not such a date comes back as is.
 */
export function formatGregorianLong(iso: string, locale: UiLocale): string {
  const date = gregorianToJalali(iso);
  if (!date) return formatGregorianDate(iso, locale);
  return `${weekdayName(weekdayOf(date), locale)} ${formatGregorianDate(iso, locale)}`;
}

/** The Gregorian month's name: 12 → «دسامبر» / "December". */
export function gregorianMonthName(month: number, locale: UiLocale): string {
  const tag = locale === "fa" ? "fa-IR-u-ca-gregory" : "en-GB";
  return new Intl.DateTimeFormat(tag, { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

// What people type between the parts of a date; LRM, RLM and the isolates
// come along when text is copied out of bidirectional documents.
const INVISIBLE = /[\u200E\u200F\u2066-\u2069]/g;
const SEPARATOR = /[/\-.\u066B,\u060C]|\p{White_Space}/u;

function splitDate(input: string): string[] {
  return input
    .trim()
    .replace(INVISIBLE, "")
    .split(SEPARATOR)
    .filter((part) => part !== "");
}

/** A run of up to six digits in any script, as a number; null otherwise. */
function number(part: string): number | null {
  if ([...part].length > 6) return null;
  const latin = toLatinDigits(part);
  return /^[0-9]+$/.test(latin) ? Number(latin) : null;
}

function monthByName(part: string): number | null {
  const key = normalizeFa(part);
  const lower = part.toLowerCase();
  const index = MONTH_KEYS.findIndex(
    (k) => normalizeFa(catalogues.fa[k]) === key || catalogues.en[k].toLowerCase() === lower,
  );
  return index < 0 ? null : index + 1;
}

/**
 * Reads a Solar Hijri date as a person types it, in any digits:
 * `1405/10/01`, `۱۴۰۵-۱۰-۱`, `1405.9.8`, `۱ دی ۱۴۰۵`, `1 Dey 1405`.
 * A two-digit year is refused, as is a day that does not exist.
 */
export function parseJalali(input: string): Checked<JalaliDate> {
  const parts = splitDate(input);
  const fail = refused<JalaliDate>(
    input.trim() === "" ? { kind: "empty" } : { kind: "notADate", input: input.trim() },
  );
  if (parts.length !== 3) return fail;
  const [a, b, c] = parts as [string, string, string];
  let year: number, month: number, day: number;
  const [na, nb, nc] = [number(a), number(b), number(c)];
  if (na !== null && nb !== null && nc !== null) {
    [year, month, day] = [na, nb, nc];
  } else if (na !== null && nb === null && nc !== null) {
    const named = monthByName(b);
    if (named === null) return fail;
    [year, month, day] = [nc, named, na];
  } else {
    return fail;
  }
  const yearText = na !== null && nb !== null ? a : c;
  if (year < 1000) return refused({ kind: "shortYear", year: yearText });
  // The core keeps month and day in a byte; larger numbers are not a date at all.
  if (month > 255 || day > 255) return fail;
  return checkJalali(year, month, day);
}

/**
 * Reads a Gregorian date typed as year-month-day in any digits
 * (`2026-12-22`, `۲۰۲۶/۱۲/۲۲`); resolves to its Solar Hijri date.
 */
export function parseGregorian(input: string): Checked<{ iso: string; jalali: JalaliDate }> {
  const parts = splitDate(input);
  const trimmed = input.trim();
  if (trimmed === "") return refused({ kind: "empty" });
  const numbers = parts.map(number);
  if (parts.length !== 3 || numbers.some((n) => n === null)) {
    return refused({ kind: "notGregorian", input: trimmed });
  }
  const [year, month, day] = numbers as [number, number, number];
  if (year < 1000) return refused({ kind: "shortYear", year: parts[0] ?? "" });
  const checked = checkGregorian({ year, month, day });
  if (!checked.ok) return checked;
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { ok: true, value: { iso, jalali: checked.value } };
}

/** Refuses `iso` outside `min`…`max` (Gregorian ISO; either may be absent). */
export function checkRange(iso: string, min?: string | null, max?: string | null): DateProblem | null {
  if (min && parseIso(min) && iso < min) return { kind: "beforeMin", min };
  if (max && parseIso(max) && iso > max) return { kind: "afterMax", max };
  return null;
}

function longFromIso(iso: string, locale: UiLocale): string {
  const date = gregorianToJalali(iso);
  return date ? formatJalaliDayMonthYear(date, locale) : digits(iso, locale);
}

/**
 * Why a date was refused, in `locale`: «سال ۱۴۰۴ روز ۳۰ اسفند ندارد: ۱۴۰۴
 * کبیسه نیست» / "1404 has no 30 Esfand: 1404 is not a leap year". Typed text
 * quoted back is isolated, so Latin text in Persian keeps its order.
 */
export function describeProblem(problem: DateProblem, locale: UiLocale): string {
  const n = (value: number) => digits(value, locale);
  switch (problem.kind) {
    case "empty":
      return translate(locale, "date.problem.empty");
    case "notADate":
      return translate(locale, "date.problem.notADate", { input: isolate(problem.input) });
    case "shortYear":
      return translate(locale, "date.problem.shortYear", { year: isolate(digits(problem.year, locale)) });
    case "yearRange":
      return translate(locale, "date.problem.yearRange", {
        year: n(problem.year),
        min: n(MIN_YEAR),
        max: n(MAX_YEAR),
      });
    case "month":
      return translate(locale, "date.problem.month", { month: n(problem.month) });
    case "leapDay":
      return translate(locale, "date.problem.leapDay", { year: n(problem.year) });
    case "day":
      return translate(locale, "date.problem.day", {
        month: monthName(problem.month, locale),
        max: n(problem.max),
        day: n(problem.day),
      });
    case "notGregorian":
      return translate(locale, "date.problem.notGregorian", { input: isolate(problem.input) });
    case "gregorianDay":
      return translate(locale, "date.problem.gregorianDay", {
        month: gregorianMonthName(problem.month, locale),
        year: n(problem.year),
        max: n(problem.max),
        day: n(problem.day),
      });
    case "gregorianRange":
      return translate(locale, "date.problem.gregorianRange", {
        min: formatGregorianDate(MIN_ISO, locale),
        max: formatGregorianDate(MAX_ISO, locale),
      });
    case "beforeMin":
      return translate(locale, "date.problem.beforeMin", { date: longFromIso(problem.min, locale) });
    case "afterMax":
      return translate(locale, "date.problem.afterMax", { date: longFromIso(problem.max, locale) });
  }
}
