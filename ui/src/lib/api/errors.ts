/**
 * The closed set of error codes the core returns, and the text each one
 * shows. The UI branches on the code and never parses the English detail.
 */
import type { ApiError } from "./bindings/ApiError";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Language } from "./bindings/Language";
import { translate, type MessageKey, type UiLocale } from "../i18n/catalogues";

// A Record over the union: adding a code to the Rust enum (and so to the
// generated ErrorCode) fails the type check here until it is listed.
const CODES: Readonly<Record<ErrorCode, true>> = {
  invalid_input: true,
  not_found: true,
  conflict: true,
  database_newer: true,
  database_corrupt: true,
  database_io: true,
  internal: true,
};

/** Every ErrorCode, in declaration order. */
export const ERROR_CODES: readonly ErrorCode[] = Object.keys(CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(CODES, value);
}

/** The catalogue key holding the text for `code`. */
export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}

/** The text shown for `code` in `lang`. */
export function errorText(code: ErrorCode, lang: Language): string {
  return translate(lang, errorKey(code));
}

/** An error's detail as it is shown: the text, its language and its direction. */
export interface ErrorDetail {
  text: string;
  lang: Language;
  dir: "rtl" | "ltr";
}

/**
 * The detail of `error` to show in `locale`: the Persian one (right to left)
 * in Persian, the English one (left to right) in English and in the keys
 * pseudo-locale. When that one is blank the other is shown; null when both are.
 */
export function errorDetail(error: ApiError, locale: UiLocale): ErrorDetail | null {
  const fa: ErrorDetail = { text: error.messageFa, lang: "fa", dir: "rtl" };
  const en: ErrorDetail = { text: error.message, lang: "en", dir: "ltr" };
  const [first, second] = locale === "fa" ? [fa, en] : [en, fa];
  if (first.text.trim() !== "") return first;
  if (second.text.trim() !== "") return second;
  return null;
}
