/**
 * The pure part of importing, exporting and backups: the fields a column
 * may be mapped to, a hand mapping changed one column at a time, the rows a
 * large preview shows, progress as a share, and times written as Isfahan
 * reads them.
 */
import type { BackupEntry } from "../api/bindings/BackupEntry";
import type { ColumnMapping } from "../api/bindings/ColumnMapping";
import type { ImportProgress } from "../api/bindings/ImportProgress";
import type { ImportRow } from "../api/bindings/ImportRow";
import type { MessageKey } from "../i18n/catalogues";
import type { UiLocale } from "../i18n/catalogues";
import { gregorianToJalali } from "../dates/calendar";
import { digits, formatJalaliDayMonthYear } from "../dates/format";

/** The fields a column may hold, as the core names them. */
export const IMPORT_FIELDS = [
  "fullName",
  "firstName",
  "lastName",
  "nationalId",
  "mobile",
  "birth",
  "group",
  "leader",
  "kind",
  "stepFree",
  "ppeSizes",
  "ignore",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_KEYS: Readonly<Record<ImportField, MessageKey>> = {
  fullName: "import.field.fullName",
  firstName: "import.field.firstName",
  lastName: "import.field.lastName",
  nationalId: "import.field.nationalId",
  mobile: "import.field.mobile",
  birth: "import.field.birth",
  group: "import.field.group",
  leader: "import.field.leader",
  kind: "import.field.kind",
  stepFree: "import.field.stepFree",
  ppeSizes: "import.field.ppeSizes",
  ignore: "import.field.ignore",
};

export function isImportField(value: unknown): value is ImportField {
  return (IMPORT_FIELDS as readonly unknown[]).includes(value);
}

/** The encodings a CSV may be read in; "" lets the core detect it. */
export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1256"] as const;

/** Rows a preview shows before "show all". */
export const ROW_LIMIT = 500;

/** The file's name without its folders. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/**
 * The hand mapping with `column` holding `field` (null: not used, sent as
 * `ignore`). Another column mapped by hand to the same field lets it go, so
 * the core never sees two columns mapped to one field.
 */
export function mappingWith(mapping: readonly ColumnMapping[], column: number, field: ImportField | null): ColumnMapping[] {
  const target = field ?? "ignore";
  const kept = mapping.filter((m) => m.column !== column && (target === "ignore" || m.field !== target));
  return [...kept, { column, field: target }].sort((a, b) => a.column - b.column);
}

export function needsAttention(row: ImportRow): boolean {
  return row.problems.length > 0 || row.warnings.length > 0;
}

/**
 * The rows to draw: every row, or only those with problems or warnings; at
 * most `limit` of them unless `all`. `hidden` is how many more there are.
 */
export function shownRows(
  rows: readonly ImportRow[],
  { onlyProblems, all }: { onlyProblems: boolean; all: boolean },
  limit = ROW_LIMIT,
): { rows: readonly ImportRow[]; matching: number; hidden: number } {
  const matching = onlyProblems ? rows.filter(needsAttention) : rows;
  const shown = all || matching.length <= limit ? matching : matching.slice(0, limit);
  return { rows: shown, matching: matching.length, hidden: matching.length - shown.length };
}

/** How far an import has come, 0–1. */
export function progressShare(p: ImportProgress | null): number {
  if (!p || p.total <= 0) return 0;
  return Math.min(1, Math.max(0, p.done / p.total));
}

/** An RFC 3339 moment in Isfahan (UTC+03:30): its Solar Hijri day and the time, «۸ آذر ۱۴۰۵، ۰۸:۳۰». */
export function momentLong(at: string, locale: UiLocale): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  const iran = new Date(ms + 210 * 60_000).toISOString();
  const day = gregorianToJalali(iran.slice(0, 10));
  const date = day ? formatJalaliDayMonthYear(day, locale) : iran.slice(0, 10);
  return `${date}${locale === "fa" ? "،" : ","} ${digits(iran.slice(11, 16), locale)}`;
}

/** The Gregorian day of an RFC 3339 moment in Isfahan, "YYYY-MM-DD". */
export function iranDay(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms + 210 * 60_000).toISOString().slice(0, 10);
}

export const BACKUP_KIND_KEYS: Readonly<Record<string, MessageKey>> = {
  rotated: "backups.kind.rotated",
  before_restore: "backups.kind.before_restore",
  other: "backups.kind.other",
};

export function backupKindKey(entry: BackupEntry): MessageKey {
  return BACKUP_KIND_KEYS[entry.kind] ?? "backups.kind.other";
}

/** What an export file is suggested to be called: the kind, the tour, today's Solar Hijri date, Latin digits. */
export function exportFileName(what: "registrations" | "manifest" | "requests" | "calendar", todayIso: string, tour: number | null = null): string {
  const j = gregorianToJalali(todayIso);
  const day = j ? `${j.year}-${String(j.month).padStart(2, "0")}-${String(j.day).padStart(2, "0")}` : todayIso;
  const tourPart = tour === null ? "" : `-tour-${tour}`;
  const ext = what === "calendar" ? "ics" : "xlsx";
  return `gardesh-${what}${tourPart}-${day}.${ext}`;
}
