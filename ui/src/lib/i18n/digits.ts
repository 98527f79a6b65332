/** Conversions between Latin, Persian and Arabic-Indic digits. */

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";

/** Replaces every Latin digit 0–9 with its Persian form ۰–۹; other text is kept. */
export function toPersianDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => PERSIAN[d.charCodeAt(0) - 48] ?? d);
}

/** Replaces Persian ۰–۹ and Arabic-Indic ٠–٩ digits with Latin 0–9; other text is kept. */
export function toLatinDigits(value: string): string {
  return value.replace(/[۰-۹٠-٩]/g, (d) => {
    const p = PERSIAN.indexOf(d);
    return String(p >= 0 ? p : ARABIC_INDIC.indexOf(d));
  });
}
