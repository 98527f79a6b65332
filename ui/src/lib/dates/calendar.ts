/**
 * The Solar Hijri (Jalali) calendar as the UI computes it: conversion to and
 * from Gregorian ISO dates, validation with a reason, weekdays, day and month
 * arithmetic, and the weeks of a month. Text (names, formatting, parsing,
 * reasons in words) is in `format.ts`.
 *
 * Conversion goes through Julian day numbers (jalaali-js), never through
 * `Date`, so no time zone can shift a day. The core computes the same with
 * ICU; `persian-vectors.json` holds the cases both must agree on.
 */
import { d2g, d2j, g2d, isLeapJalaaliYear, j2d } from "jalaali-js";
import type { JalaliDate } from "../api/bindings/JalaliDate";
import type { Weekday } from "../api/bindings/Weekday";
import { WEEKDAYS } from "../settings/rules";

export type { JalaliDate, Weekday };
export { WEEKDAYS };

/** The years the core accepts (the oldest citizens' birth years up to far-future plans). */
export const MIN_YEAR = 1200;
export const MAX_YEAR = 1600;

/** A Gregorian calendar date in numbers. */
export interface GregorianYmd {
  year: number;
  month: number;
  day: number;
}

/** A public holiday: its Gregorian ISO date and its name in the UI's language. */
export interface Holiday {
  date: string;
  name: string;
}

/** Why a date was refused. `format.ts` puts it into words in either language. */
export type DateProblem =
  /** Nothing was typed where a date is required. */
  | { kind: "empty" }
  /** The text is not a date at all. */
  | { kind: "notADate"; input: string }
  /** A two- or three-digit year, such as `05/10/01`. */
  | { kind: "shortYear"; year: string }
  | { kind: "yearRange"; year: number }
  | { kind: "month"; month: number }
  /** Esfand 30 in a common year. */
  | { kind: "leapDay"; year: number }
  | { kind: "day"; month: number; day: number; max: number }
  | { kind: "notGregorian"; input: string }
  | { kind: "gregorianDay"; year: number; month: number; day: number; max: number }
  /** A Gregorian date whose Solar Hijri year is outside MIN_YEAR–MAX_YEAR. */
  | { kind: "gregorianRange" }
  /** Outside a picker's `min`/`max` (Gregorian ISO). */
  | { kind: "beforeMin"; min: string }
  | { kind: "afterMax"; max: string };

/** A value, or why there is none. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: DateProblem };

export function refused<T>(problem: DateProblem): Checked<T> {
  return { ok: false, problem };
}

function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Whether `year` has 366 days (a 30th of Esfand). */
export function isLeapYear(year: number): boolean {
  return isYearInRange(year) && isLeapJalaaliYear(year);
}

/** 31 days in months 1–6, 30 in 7–11, 29 or 30 in Esfand; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isLeapYear(year) ? 30 : 29;
}

/** The date `year/month/day`, or why it does not exist: 1404/12/30 → `leapDay`. */
export function checkJalali(year: number, month: number, day: number): Checked<JalaliDate> {
  if (!isYearInRange(year)) return refused({ kind: "yearRange", year });
  if (!Number.isInteger(month) || month < 1 || month > 12) return refused({ kind: "month", month });
  const max = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > max) {
    if (month === 12 && day === 30) return refused({ kind: "leapDay", year });
    return refused({ kind: "day", month, day, max });
  }
  return { ok: true, value: { year, month, day } };
}

/** True for a real date within MIN_YEAR–MAX_YEAR. */
export function isValidJalali(date: JalaliDate): boolean {
  return checkJalali(date.year, date.month, date.day).ok;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** `YYYY-MM-DD` for a Gregorian date. */
export function isoOf({ year, month, day }: GregorianYmd): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The number of days in a Gregorian month. */
export function gregorianDaysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads a strict `YYYY-MM-DD` Gregorian date, as the core sends them; null if it is not one. */
export function parseIso(iso: string): GregorianYmd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > gregorianDaysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The Julian day number of a strict Gregorian ISO date; null if `iso` is not one. */
export function isoDayNumber(iso: string): number | null {
  const ymd = parseIso(iso);
  return ymd ? g2d(ymd.year, ymd.month, ymd.day) : null;
}

/** The Gregorian ISO date of a Julian day number. */
export function isoFromDayNumber(jdn: number): string {
  const { gy, gm, gd } = d2g(jdn);
  return isoOf({ year: gy, month: gm, day: gd });
}

/** The Julian day number of a Solar Hijri date (no validation). */
export function dayNumber(date: JalaliDate): number {
  return j2d(date.year, date.month, date.day);
}

/** The Solar Hijri date of a Julian day number. */
export function fromDayNumber(jdn: number): JalaliDate {
  const { jy, jm, jd } = d2j(jdn);
  return { year: jy, month: jm, day: jd };
}

/** The Gregorian ISO date of a Solar Hijri date: 1405/10/01 → "2026-12-22". */
export function jalaliToGregorian(date: JalaliDate): string {
  const { gy, gm, gd } = d2g(dayNumber(date));
  return isoOf({ year: gy, month: gm, day: gd });
}

/** The Solar Hijri date of a Gregorian date in numbers, or why not. */
export function checkGregorian({ year, month, day }: GregorianYmd): Checked<JalaliDate> {
  if (month < 1 || month > 12) return refused({ kind: "month", month });
  const max = gregorianDaysInMonth(year, month);
  if (day < 1 || day > max) return refused({ kind: "gregorianDay", year, month, day, max });
  const date = fromDayNumber(g2d(year, month, day));
  if (!isYearInRange(date.year)) return refused({ kind: "gregorianRange" });
  return { ok: true, value: date };
}

/** The Solar Hijri date of a strict Gregorian ISO date, or null if `iso` is not one (or is out of range). */
export function gregorianToJalali(iso: string): JalaliDate | null {
  const ymd = parseIso(iso);
  if (!ymd) return null;
  const checked = checkGregorian(ymd);
  return checked.ok ? checked.value : null;
}

/** The first and last dates the calendar accepts, as Gregorian ISO. */
export const MIN_ISO = jalaliToGregorian({ year: MIN_YEAR, month: 1, day: 1 });
export const MAX_ISO = jalaliToGregorian({
  year: MAX_YEAR,
  month: 12,
  day: daysInMonth(MAX_YEAR, 12),
});

/** Position in the Iranian week: Saturday 0 … Friday 6. */
export function weekdayIndex(date: JalaliDate): number {
  // Julian day numbers count from a Monday: jdn % 7 is 0 on Mondays.
  return (dayNumber(date) + 2) % 7;
}

export function weekdayOf(date: JalaliDate): Weekday {
  return WEEKDAYS[weekdayIndex(date)] ?? "saturday";
}

/** The day `days` after (or before, if negative) `date`. */
export function addDays(date: JalaliDate, days: number): JalaliDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Whole months later (or earlier); a day past the end of the target month
 * becomes its last day: 30 Azar + 3 months = 29 Esfand in a common year.
 */
export function addMonths(date: JalaliDate, months: number): JalaliDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareJalali(a: JalaliDate, b: JalaliDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function sameDay(a: JalaliDate | null | undefined, b: JalaliDate | null | undefined): boolean {
  return !!a && !!b && compareJalali(a, b) === 0;
}

/** The Saturday that starts the week of `date`. */
export function weekStart(date: JalaliDate): JalaliDate {
  return addDays(date, -weekdayIndex(date));
}

/** The Friday that ends the week of `date`. */
export function weekEnd(date: JalaliDate): JalaliDate {
  return addDays(date, 6 - weekdayIndex(date));
}

/** `date` moved into MIN_YEAR–MAX_YEAR if it lies outside. */
export function clampToRange(date: JalaliDate): JalaliDate {
  if (date.year < MIN_YEAR) return { year: MIN_YEAR, month: 1, day: 1 };
  if (date.year > MAX_YEAR) return { year: MAX_YEAR, month: 12, day: daysInMonth(MAX_YEAR, 12) };
  return date;
}

/**
 * The weeks of a month as rows of seven, Saturday first; days of the
 * neighbouring months are null. Four to six rows.
 */
export function monthWeeks(year: number, month: number): (JalaliDate | null)[][] {
  const first: JalaliDate = { year, month, day: 1 };
  const lead = weekdayIndex(first);
  const length = daysInMonth(year, month);
  const cells: (JalaliDate | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= length; day++) cells.push({ year, month, day });
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (JalaliDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
