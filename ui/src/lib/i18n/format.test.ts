import { describe, expect, it } from "vitest";
import { toLatinDigits, toPersianDigits } from "./digits";
import { formatBytes, formatGregorianDate, formatNumber, formatPercent, isolate } from "./format";

describe("digits", () => {
  it.each([
    ["0123456789", "۰۱۲۳۴۵۶۷۸۹"],
    [1405, "۱۴۰۵"],
    ["8 Azar 1405", "۸ Azar ۱۴۰۵"],
    ["۱۲ and 34", "۱۲ and ۳۴"],
    ["", ""],
  ] as const)("toPersianDigits(%j) = %j", (input, expected) => {
    expect(toPersianDigits(input)).toBe(expected);
  });

  it.each([
    ["۰۱۲۳۴۵۶۷۸۹", "0123456789"],
    ["٠١٢٣٤٥٦٧٨٩", "0123456789"],
    ["۰۹۱۳ ۱۲۳ ٤٥٦٧", "0913 123 4567"],
    ["abc 12", "abc 12"],
  ] as const)("toLatinDigits(%j) = %j", (input, expected) => {
    expect(toLatinDigits(input)).toBe(expected);
  });

  it("round-trips every digit", () => {
    for (let n = 0; n < 1000; n += 7) expect(toLatinDigits(toPersianDigits(n))).toBe(String(n));
  });
});

describe("formatNumber", () => {
  it.each([
    [1234567, "fa", "۱٬۲۳۴٬۵۶۷"],
    [1234567, "en", "1,234,567"],
    [0, "fa", "۰"],
    [1, "keys", "1"],
  ] as const)("%d in %s = %s", (value, locale, expected) => {
    expect(formatNumber(value, locale)).toBe(expected);
  });

  it("writes fractions with the Persian decimal separator", () => {
    expect(formatNumber(2.5, "fa", 1)).toBe("۲٫۵");
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "en", "0 bytes"],
    [512, "fa", "۵۱۲ بایت"],
    [86_016, "en", "84 KB"],
    [86_016, "fa", "۸۴ کیلوبایت"],
    [1_572_864, "en", "1.5 MB"],
    [5 * 1024 ** 4, "en", "5,120 GB"],
  ] as const)("%d in %s = %s", (value, locale, expected) => {
    expect(formatBytes(value, locale)).toBe(expected);
  });
});

describe("formatGregorianDate", () => {
  it.each([
    ["2026-11-29", "fa", "۲۹ نوامبر ۲۰۲۶"],
    ["2026-11-29", "en", "29 November 2026"],
    ["2024-03-20", "en", "20 March 2024"],
    ["not a date", "en", "not a date"],
    ["2026/11/29", "fa", "۲۰۲۶/۱۱/۲۹"],
  ] as const)("%s in %s = %s", (iso, locale, expected) => {
    expect(formatGregorianDate(iso, locale)).toBe(expected);
  });
});

describe("isolate", () => {
  it("wraps text in first-strong and pop isolates", () => {
    expect(isolate("Ali")).toBe("\u2068Ali\u2069");
  });
});

describe("formatPercent", () => {
  it.each([
    [0.125, "fa", "۱۲٫۵٪"],
    [0.125, "en", "12.5%"],
    [0, "fa", "۰٪"],
    [1, "en", "100%"],
    [0.3333, "en", "33.3%"],
    [Number.NaN, "en", "0%"],
  ] as const)("%s in %s is %s", (rate, locale, text) => {
    expect(formatPercent(rate, locale)).toBe(text);
  });
});
