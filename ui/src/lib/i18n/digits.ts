/** Conversions between Latin, Persian and Arabic-Indic digits, and a time of day typed in any of them. */

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

/**
 * A time of day as the core reads one, in any digits: `8:30`, `۰۸:۳۰`,
 * `8.30`, `0830`, `8`. Resolves to "HH:MM" in Latin digits, or null.
 * 24:00 is accepted (it is the end of the day).
 */
export function parseTime(text: string): string | null {
  const s = toLatinDigits(text.trim());
  if (s === "") return null;
  let hours: string;
  let minutes: string;
  const parts = s.split(/[:.\u066B]/);
  if (parts.length === 2) {
    [hours, minutes] = [parts[0]?.trim() ?? "", parts[1]?.trim() ?? ""];
  } else if (parts.length > 2) {
    return null;
  } else if (/^[0-9]{4}$/.test(s)) {
    [hours, minutes] = [s.slice(0, 2), s.slice(2)];
  } else {
    [hours, minutes] = [s, "0"];
  }
  if (!/^[0-9]{1,2}$/.test(hours) || !/^[0-9]{1,2}$/.test(minutes)) return null;
  const [h, m] = [Number(hours), Number(minutes)];
  if (m >= 60 || h > 24 || (h === 24 && m > 0)) return null;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
