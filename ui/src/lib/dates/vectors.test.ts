/**
 * The UI and the core must agree on every Persian date, name and number.
 * `persian-vectors.json` is written by the core from its own functions;
 * every vector in it is checked here against the UI's helpers.
 */
import { describe, expect, it } from "vitest";
import vectors from "./persian-vectors.json";
import {
  addMonths,
  checkJalali,
  daysInMonth,
  formatIntFa,
  formatJalaliLong,
  formatJalaliShort,
  gregorianToJalali,
  isLeapYear,
  jalaliToGregorian,
  normalizeFa,
  parseJalali,
  weekdayOf,
  type JalaliDate,
} from "./index";

type Triple = readonly number[];

function jalali([year, month, day]: Triple): JalaliDate {
  if (year === undefined || month === undefined || day === undefined) throw new Error(`bad vector ${String([year, month, day])}`);
  return { year, month, day };
}

describe("persian-vectors.json", () => {
  it("has every section, none empty", () => {
    expect(vectors.dates.length).toBeGreaterThan(1000);
    expect(vectors.leapYears1300to1500).toHaveLength(49);
    for (const section of [vectors.addMonths, vectors.parse, vectors.normalize, vectors.integersFa]) {
      expect(section.length).toBeGreaterThan(0);
    }
  });
});

describe("dates: conversion, weekday and formatting agree with the core", () => {
  // One test over all vectors (a thousand tests would drown the report); each
  // mismatch is listed with its vector.
  it(`all ${vectors.dates.length} dates`, () => {
    const mismatches: string[] = [];
    const check = (what: string, got: unknown, want: unknown) => {
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    };
    for (const v of vectors.dates) {
      const date = jalali(v.jalali);
      const at = `${v.gregorian} = ${v.jalali.join("/")}`;
      check(`${at} valid`, checkJalali(date.year, date.month, date.day).ok, true);
      check(`${at} jalali→gregorian`, jalaliToGregorian(date), v.gregorian);
      check(`${at} gregorian→jalali`, gregorianToJalali(v.gregorian), date);
      check(`${at} weekday`, weekdayOf(date), v.weekday);
      check(`${at} longFa`, formatJalaliLong(date, "fa"), v.longFa);
      check(`${at} longEn`, formatJalaliLong(date, "en"), v.longEn);
      check(`${at} shortFa`, formatJalaliShort(date, "fa"), v.shortFa);
      check(`${at} shortEn`, formatJalaliShort(date, "en"), v.shortEn);
      // What the UI writes, it must read back.
      const back = parseJalali(v.shortFa);
      check(`${at} parse(shortFa)`, back.ok ? back.value : back.problem, date);
    }
    expect(mismatches).toEqual([]);
  });

  it("include the facts everyone relies on", () => {
    const byGregorian = new Map(vectors.dates.map((v) => [v.gregorian, v]));
    expect(byGregorian.get("2026-12-22")?.jalali).toEqual([1405, 10, 1]);
    expect(byGregorian.get("2026-12-22")?.longFa).toBe("سه‌شنبه ۱ دی ۱۴۰۵");
    expect(gregorianToJalali("2024-03-20")).toEqual({ year: 1403, month: 1, day: 1 });
    expect(jalaliToGregorian({ year: 1403, month: 12, day: 30 })).toBe("2025-03-20");
  });
});

describe("leap years 1300–1500", () => {
  it("are exactly the vectors' 49", () => {
    const ui: number[] = [];
    for (let year = 1300; year <= 1500; year++) if (isLeapYear(year)) ui.push(year);
    expect(ui).toHaveLength(49);
    expect(ui).toEqual(vectors.leapYears1300to1500);
  });

  it("give Esfand 30 days exactly in a leap year, and 29 otherwise", () => {
    const leap = new Set(vectors.leapYears1300to1500);
    for (let year = 1300; year <= 1500; year++) {
      expect(daysInMonth(year, 12), `${year}`).toBe(leap.has(year) ? 30 : 29);
      expect(checkJalali(year, 12, 30).ok, `${year}/12/30`).toBe(leap.has(year));
    }
  });

  it("every day of 1300–1500 converts both ways, one after the other", () => {
    let previous: string | null = null;
    let days = 0;
    for (let year = 1300; year <= 1500; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= daysInMonth(year, month); day++) {
          const iso = jalaliToGregorian({ year, month, day });
          expect(gregorianToJalali(iso)).toEqual({ year, month, day });
          if (previous !== null) {
            expect(Date.parse(iso) - Date.parse(previous), `${previous} → ${iso}`).toBe(86_400_000);
          }
          previous = iso;
          days++;
        }
      }
    }
    expect(days).toBe(201 * 365 + 49);
  });
});

describe("month arithmetic", () => {
  it.each(vectors.addMonths.map((v) => [v.from.join("/"), v.months, v.to.join("/"), v] as const))(
    "%s + %d months = %s",
    (_from, _months, _to, v) => {
      expect(addMonths(jalali(v.from), v.months)).toEqual(jalali(v.to));
    },
  );
});

describe("parsing typed dates", () => {
  it.each(vectors.parse.map((v) => [v.input, v.jalali, v] as const))("%j → %j", (_input, _want, v) => {
    const parsed = parseJalali(v.input);
    if (v.jalali === null) {
      expect(parsed.ok, `${JSON.stringify(v.input)} must be refused`).toBe(false);
    } else {
      expect(parsed).toEqual({ ok: true, value: jalali(v.jalali) });
    }
  });
});

describe("search keys", () => {
  it.each(vectors.normalize.map((v) => [v.input, v.key] as const))("normalizeFa(%j) = %j", (input, key) => {
    expect(normalizeFa(input)).toBe(key);
  });
});

describe("Persian integers", () => {
  it.each(vectors.integersFa.map((v) => [v.n, v.fa] as const))("%d → %s", (n, fa) => {
    expect(formatIntFa(n)).toBe(fa);
  });
});
