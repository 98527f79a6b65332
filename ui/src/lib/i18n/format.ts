/** Numbers, sizes and Gregorian dates written the way the current locale reads them. */
import { translate, type UiLocale } from "./catalogues";
import { toPersianDigits } from "./digits";

function numberLocale(locale: UiLocale): string {
  return locale === "fa" ? "fa-IR" : "en-US";
}

/** A number with the locale's digits and grouping: 1234 → «۱٬۲۳۴» in Persian. */
export function formatNumber(value: number, locale: UiLocale, maxFractionDigits = 0): string {
  return new Intl.NumberFormat(numberLocale(locale), {
    maximumFractionDigits: maxFractionDigits,
  }).format(value);
}

/** A rate 0–1 as a percentage with the locale's digits and sign: 0.125 → «۱۲٫۵٪» / "12.5%". */
export function formatPercent(rate: number, locale: UiLocale, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(numberLocale(locale), {
    style: "percent",
    maximumFractionDigits: maxFractionDigits,
  }).format(Number.isFinite(rate) ? rate : 0);
}

const UNITS = ["unit.bytes", "unit.kilobytes", "unit.megabytes", "unit.gigabytes"] as const;

/** A byte count in the largest binary unit below it, with one decimal above bytes. */
export function formatBytes(bytes: number, locale: UiLocale): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const n = formatNumber(value, locale, unit === 0 ? 0 : 1);
  return translate(locale, UNITS[unit] ?? "unit.bytes", { n });
}

/**
 * A Gregorian calendar date ("YYYY-MM-DD") written out: «۲۹ نوامبر ۲۰۲۶» or
 * "29 November 2026". Anything that is not such a date is returned as is,
 * with Persian digits in Persian.
 */
export function formatGregorianDate(iso: string, locale: UiLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return locale === "fa" ? toPersianDigits(iso) : iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const tag = locale === "fa" ? "fa-IR-u-ca-gregory" : "en-GB";
  return new Intl.DateTimeFormat(tag, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

const FIRST_STRONG_ISOLATE = String.fromCodePoint(0x2068);
const POP_DIRECTIONAL_ISOLATE = String.fromCodePoint(0x2069);

/**
 * Wraps user text for embedding in a sentence of either direction: a Latin
 * name inside Persian text (or the reverse) keeps its own order and does
 * not drag neighbouring punctuation along.
 */
export function isolate(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`;
}
