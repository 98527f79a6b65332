import { describe, expect, it } from "vitest";
import { BOM, csvBytes, csvCell, safeFileName, toCsv } from "./csv";

describe("CSV fields", () => {
  it.each([
    ["plain", "plain"],
    ["روشنایی پیاده‌رو", "روشنایی پیاده‌رو"],
    ["a, b", '"a, b"'],
    ['he said "no"', '"he said ""no"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r\nlf", '"cr\r\nlf"'],
    ["", ""],
  ])("%j is written %j", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it("writes numbers as numbers in Latin digits, and nothing for null", () => {
    expect(csvCell(1405)).toBe("1405");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it.each([
    ["=HYPERLINK(\"x\")", `"'=HYPERLINK(""x"")"`],
    ["+98 913", "'+98 913"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindent", "'\tindent"],
  ])("guards text a spreadsheet would run as a formula: %j", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
});

describe("CSV files", () => {
  it("start with a BOM, separate fields with commas and end lines with CRLF", () => {
    const text = toCsv([
      ["تاریخ", "شمار"],
      ["1405/09/08", 8],
      ["a,b", null],
    ]);
    expect(text).toBe(`${BOM}تاریخ,شمار\r\n1405/09/08,8\r\n"a,b",\r\n`);
  });

  it("are UTF-8 with the BOM's three bytes first", () => {
    const bytes = csvBytes([["ی"]]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe("ی\r\n");
    expect(bytes.length).toBe(3 + 2 + 2);
  });

  it("are named safely on every desktop", () => {
    expect(safeFileName("visitors-per-day-1405-09-08", "png")).toBe("visitors-per-day-1405-09-08.png");
    expect(safeFileName("requests 1405/09/08", "csv")).toBe("requests-1405-09-08.csv");
    expect(safeFileName("گزارش: بازدید", "csv")).toBe("گزارش-بازدید.csv");
    expect(safeFileName("../..", "csv")).toBe("export.csv");
  });
});
