/**
 * CSV as Excel opens it with Persian text: UTF-8 with a byte-order mark,
 * comma-separated, CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break (quotes doubled). Text that a spreadsheet would run
 * as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe; numbers are written as numbers, in Latin digits.
 */

export const BOM = "\uFEFF";

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted and guarded as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The whole file's text: the BOM, then one line per row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The file's bytes (UTF-8, BOM included). */
export function csvBytes(rows: readonly (readonly CsvValue[])[]): Uint8Array {
  return new TextEncoder().encode(toCsv(rows));
}

/** A file name safe on every desktop: letters (any script), digits, dot, dash and underscore. */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._-]+/gu, "-")
    .replace(/-+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return `${base || "export"}.${extension}`;
}
