/**
 * Persian text helpers shared with the core: the search key (`normalizeFa`,
 * the same folding as the core's `normalize_fa`) and integers with Persian
 * digits and thousands separators (`format_int_fa`).
 */
import { toPersianDigits } from "../i18n/digits";

/** Persian thousands separator, U+066C ARABIC THOUSANDS SEPARATOR. */
export const THOUSANDS_SEPARATOR = "\u066C";

/** An integer in Persian digits with ٬ between thousands: -1234567 → «-۱٬۲۳۴٬۵۶۷». */
export function formatIntFa(value: number | bigint): string {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new RangeError(`formatIntFa needs a safe integer, not ${value}`);
  }
  const negative = value < 0;
  const magnitude = (negative ? -value : value).toString();
  const grouped = magnitude.replace(/\B(?=(\d{3})+$)/g, THOUSANDS_SEPARATOR);
  return toPersianDigits(`${negative ? "-" : ""}${grouped}`);
}

const FOLD: Readonly<Record<string, string>> = {
  "\u064A": "\u06CC", // ي → ی
  "\u0649": "\u06CC", // ى → ی
  "\u0643": "\u06A9", // ك → ک
  "\u0629": "\u0647", // ة → ه
  "\u06C0": "\u0647", // ۀ → ه
  "\u0623": "\u0627", // أ → ا
  "\u0625": "\u0627", // إ → ا
  "\u0671": "\u0627", // ٱ → ا
  "\u0624": "\u0648", // ؤ → و
  "\u200C": " ", // ZWNJ separates words in a search key
};

// Vowel marks and tatweel; ZWJ, soft hyphen, BOM and the bidi controls.
const DROPPED = /[\u064B-\u065F\u0670\u0640\u200D\u00AD\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const WHITE_SPACE = /\p{White_Space}/u;

/**
 * The search key of `text`, applied to stored keys and queries alike, so
 * «علي» finds «علی» and «۱۴۰۵» finds "1405": NFKC; ي/ى→ی, ك→ک, ة/ۀ→ه,
 * أ/إ/ٱ→ا (آ kept), ؤ→و; vowel marks (U+064B–065F, U+0670) and tatweel
 * dropped; ZWNJ → space; ZWJ, bidi controls, soft hyphen and BOM dropped;
 * Persian and Arabic-Indic digits → ASCII; lowercase; spaces trimmed and
 * runs of them collapsed.
 */
export function normalizeFa(text: string): string {
  let out = "";
  let lastSpace = true; // so leading space is dropped
  for (const c of text.normalize("NFKC")) {
    if (DROPPED.test(c)) continue;
    let mapped = FOLD[c] ?? c;
    const code = mapped.codePointAt(0) ?? 0;
    if (code >= 0x06f0 && code <= 0x06f9) mapped = String(code - 0x06f0);
    else if (code >= 0x0660 && code <= 0x0669) mapped = String(code - 0x0660);
    if (WHITE_SPACE.test(mapped)) {
      if (!lastSpace) out += " ";
      lastSpace = true;
    } else {
      out += mapped.toLowerCase();
      lastSpace = false;
    }
  }
  return out.endsWith(" ") ? out.slice(0, -1) : out;
}
