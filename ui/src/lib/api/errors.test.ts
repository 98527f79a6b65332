import { describe, expect, it } from "vitest";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ApiError } from "./bindings/ApiError";
import { ERROR_CODES, errorDetail, errorText, isErrorCode } from "./errors";

// Written out by hand: if the generated ErrorCode gains a member, errors.ts
// fails the type check, and this list shows what the tests expect.
const EXPECTED: ErrorCode[] = [
  "invalid_input",
  "not_found",
  "conflict",
  "database_newer",
  "database_corrupt",
  "database_io",
  "internal",
];

describe("error codes", () => {
  it("ERROR_CODES lists every code once", () => {
    expect([...ERROR_CODES].sort()).toEqual([...EXPECTED].sort());
  });

  it.each(EXPECTED)("%s has a Persian and an English text", (code) => {
    const fa = errorText(code, "fa");
    const en = errorText(code, "en");
    expect(fa.trim(), `${code} needs Persian text`).not.toBe("");
    expect(en.trim(), `${code} needs English text`).not.toBe("");
    expect(fa, `${code}: the Persian text must be Persian`).toMatch(/[\u0600-\u06FF]/);
    expect(en, `${code}: the English text must not be Persian`).not.toMatch(/[\u0600-\u06FF]/);
  });

  it("each code has its own text", () => {
    for (const lang of ["fa", "en"] as const) {
      const texts = new Set(EXPECTED.map((code) => errorText(code, lang)));
      expect(texts.size, `${lang}: two codes share a text`).toBe(EXPECTED.length);
    }
  });

  it.each([
    ["internal", true],
    ["conflict", true],
    ["Internal", false],
    ["toString", false],
    ["", false],
    [7, false],
    [null, false],
  ] as const)("isErrorCode(%j) = %s", (value, expected) => {
    expect(isErrorCode(value)).toBe(expected);
  });
});

describe("errorDetail", () => {
  const error: ApiError = {
    code: "invalid_input",
    message: "coordinatorName contains a control character",
    messageFa: "نام هماهنگ‌کننده نویسه‌ی کنترلی دارد",
  };

  it("is the Persian detail, right to left, in Persian", () => {
    expect(errorDetail(error, "fa")).toEqual({ text: error.messageFa, lang: "fa", dir: "rtl" });
  });

  it("is the English detail, left to right, in English and in the keys pseudo-locale", () => {
    const english = { text: error.message, lang: "en", dir: "ltr" };
    expect(errorDetail(error, "en")).toEqual(english);
    expect(errorDetail(error, "keys")).toEqual(english);
  });

  it("falls back to the other language when the chosen one is blank", () => {
    expect(errorDetail({ ...error, messageFa: " " }, "fa")).toEqual({ text: error.message, lang: "en", dir: "ltr" });
    expect(errorDetail({ ...error, message: "" }, "en")).toEqual({ text: error.messageFa, lang: "fa", dir: "rtl" });
  });

  it("is null when there is no detail at all", () => {
    for (const locale of ["fa", "en", "keys"] as const) {
      expect(errorDetail({ ...error, message: "", messageFa: "" }, locale)).toBeNull();
    }
  });
});
