/**
 * The groups screens' pure logic: member rows as edited and the GroupInput
 * they become, rows pasted from a spreadsheet (tab-separated, an optional
 * header in Persian or English, any digits), the check's problems placed on
 * the rows on screen, what blocks saving, and the texts of kinds, channels,
 * states and times.
 */
import type { Group } from "../api/bindings/Group";
import type { GroupChannel } from "../api/bindings/GroupChannel";
import type { GroupCheck } from "../api/bindings/GroupCheck";
import type { GroupInput } from "../api/bindings/GroupInput";
import type { GroupKind } from "../api/bindings/GroupKind";
import type { RegistrationState } from "../api/bindings/RegistrationState";
import type { RowProblem } from "../api/bindings/RowProblem";
import { gregorianToJalali } from "../dates/calendar";
import { digits, formatJalaliShort } from "../dates/format";
import { normalizeFa } from "../dates/text";
import type { UiLocale } from "../i18n/catalogues";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";

export const GROUP_KINDS: readonly GroupKind[] = ["neighbourhood", "school", "university", "mosque", "ngo", "family", "other"];
export const GROUP_CHANNELS: readonly GroupChannel[] = ["phone", "walk_in", "line137", "app_list", "sms"];
export const REGISTRATION_STATES: readonly RegistrationState[] = ["requested", "confirmed", "waitlisted", "attended", "no_show", "cancelled"];

/** A member row as edited: every field as typed. */
export interface MemberRow {
  /** Stable key for the list on screen. */
  key: number;
  /** The saved member this row edits, or null for a new one. */
  id: number | null;
  fullName: string;
  nationalId: string;
  mobile: string;
  birthYear: string;
  stepFree: boolean;
  ppeSizes: string;
  isLeader: boolean;
  duplicateReason: string;
}

/** The group's own fields as edited. */
export interface GroupForm {
  name: string;
  kind: GroupKind;
  channel: GroupChannel;
  preferredFrom: string | null;
  preferredTo: string | null;
  preferredSites: number[];
  notes: string;
}

export function blankForm(): GroupForm {
  return { name: "", kind: "neighbourhood", channel: "phone", preferredFrom: null, preferredTo: null, preferredSites: [], notes: "" };
}

export function blankRow(key: number, isLeader = false): MemberRow {
  return { key, id: null, fullName: "", nationalId: "", mobile: "", birthYear: "", stepFree: false, ppeSizes: "", isLeader, duplicateReason: "" };
}

/** Numbers as the locale writes them (stored values are in Latin digits). */
export function localDigits(value: string | number, locale: UiLocale): string {
  return locale === "fa" ? toPersianDigits(String(value)) : toLatinDigits(String(value));
}

/** A saved group as the editor's form and rows. */
export function formOf(group: Group): GroupForm {
  return {
    name: group.name,
    kind: group.kind,
    channel: group.channel,
    preferredFrom: group.preferredFrom,
    preferredTo: group.preferredTo,
    preferredSites: [...group.preferredSites],
    notes: group.notes,
  };
}

export function rowsOf(group: Group, locale: UiLocale, nextKey: () => number): MemberRow[] {
  return group.members.map((m) => ({
    key: nextKey(),
    id: m.id,
    fullName: m.fullName,
    nationalId: m.nationalId === null ? "" : localDigits(m.nationalId, locale),
    mobile: m.mobile === null ? "" : localDigits(m.mobile, locale),
    birthYear: m.birthYear === null ? "" : localDigits(m.birthYear, locale),
    stepFree: m.stepFree,
    ppeSizes: m.ppeSizes,
    isLeader: m.isLeader,
    duplicateReason: m.duplicateReason,
  }));
}

/** Nothing typed in the row (a leader mark alone does not count). */
export function rowIsBlank(row: MemberRow): boolean {
  return (
    row.fullName.trim() === "" &&
    row.nationalId.trim() === "" &&
    row.mobile.trim() === "" &&
    row.birthYear.trim() === "" &&
    row.ppeSizes.trim() === "" &&
    !row.stepFree
  );
}

/** A birth year typed in any digits: the number, null when empty, or "bad" when it is not a whole number. */
export function parseBirthYear(text: string): number | null | "bad" {
  const s = toLatinDigits(text.trim());
  if (s === "") return null;
  if (!/^[0-9]{1,6}$/.test(s)) return "bad";
  return Number(s);
}

/**
 * The GroupInput of the form and rows, and for each of its members the
 * index of the row on screen it came from (blank rows are left out, so the
 * check speaks only of rows with something in them).
 */
export function toInput(form: GroupForm, rows: readonly MemberRow[]): { input: GroupInput; sent: number[] } {
  const sent: number[] = [];
  const members = rows.flatMap((row, i) => {
    if (rowIsBlank(row)) return [];
    sent.push(i);
    const year = parseBirthYear(row.birthYear);
    return [
      {
        id: row.id,
        fullName: row.fullName,
        nationalId: row.nationalId,
        mobile: row.mobile,
        birthYear: typeof year === "number" ? year : null,
        stepFree: row.stepFree,
        ppeSizes: row.ppeSizes,
        isLeader: row.isLeader,
        duplicateReason: row.duplicateReason,
      },
    ];
  });
  return {
    input: {
      name: form.name,
      kind: form.kind,
      channel: form.channel,
      preferredFrom: form.preferredFrom,
      preferredTo: form.preferredTo,
      preferredSites: [...form.preferredSites],
      notes: form.notes,
      members,
    },
    sent,
  };
}

/** The text of a problem (or anything with fa/en) in the UI's language. */
export function whyText(p: { fa: string; en: string }, locale: UiLocale): string {
  return locale === "fa" ? p.fa || p.en : p.en || p.fa;
}

/** The check's problems, warnings and duplicates by the row on screen (`sent` maps the check's rows to them). */
export interface RowFindings {
  problems: RowProblem[];
  warnings: RowProblem[];
  duplicate: GroupCheck["duplicates"][number] | null;
}

export function findingsByRow(check: GroupCheck | null, sent: readonly number[]): Map<number, RowFindings> {
  const out = new Map<number, RowFindings>();
  if (!check) return out;
  const at = (row: number) => {
    const ui = sent[row] ?? row;
    let f = out.get(ui);
    if (!f) {
      f = { problems: [], warnings: [], duplicate: null };
      out.set(ui, f);
    }
    return f;
  };
  for (const p of check.problems) if (p.row !== null) at(p.row).problems.push(p);
  for (const w of check.warnings) if (w.row !== null) at(w.row).warnings.push(w);
  for (const d of check.duplicates) at(d.row).duplicate = d;
  return out;
}

/** Problems of the group itself (not of a row). */
export function groupProblems(check: GroupCheck | null): RowProblem[] {
  return check ? check.problems.filter((p) => p.row === null) : [];
}

// ---------------------------------------------------------------------------
// Pasting from a spreadsheet

export type PastedField = "fullName" | "firstName" | "lastName" | "nationalId" | "mobile" | "birthYear";

/** A pasted person: each field as it was in the cell. */
export interface PastedRow {
  fullName: string;
  nationalId: string;
  mobile: string;
  birthYear: string;
}

const squash = (text: string) => normalizeFa(text).replace(/[^\p{L}\p{N}]+/gu, "");

/** Header cells by what they hold; compared without spaces, punctuation or letter forms. */
const HEADERS: Readonly<Record<PastedField, readonly string[]>> = {
  fullName: ["نام و نام خانوادگی", "نام کامل", "نام عضو", "نام و نشان", "name", "full name", "fullname", "member", "person"],
  firstName: ["نام", "first name", "firstname", "given name"],
  lastName: ["نام خانوادگی", "نام فامیل", "فامیل", "فامیلی", "last name", "lastname", "surname", "family name"],
  nationalId: ["کد ملی", "کدملی", "شماره ملی", "شماره‌ی ملی", "national id", "nationalid", "national code", "national number", "nid"],
  mobile: ["موبایل", "تلفن همراه", "شماره همراه", "شماره‌ی همراه", "همراه", "شماره موبایل", "تلفن", "شماره تماس", "mobile", "mobile number", "phone", "cell", "cellphone", "tel"],
  birthYear: ["سال تولد", "تولد", "سال", "birth year", "birthyear", "year of birth", "born", "year"],
};

const HEADER_KEYS = new Map<string, PastedField>(
  (Object.entries(HEADERS) as [PastedField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [squash(n), field])),
);

/** What a header cell names, or null. */
export function headerField(cell: string): PastedField | null {
  return HEADER_KEYS.get(squash(cell)) ?? null;
}

/** The cells of a tab-separated line; Excel's quotes around a cell are removed. */
function cells(line: string): string[] {
  return line.split("\t").map((c) => {
    const t = c.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
  });
}

/** True when pasted text is a table (several lines or cells), not a single value. */
export function isTablePaste(text: string): boolean {
  const t = text.replace(/[\r\n]+$/, "");
  return t.includes("\t") || /[\r\n]/.test(t);
}

/**
 * What a cell without a header looks like it holds, by its content: an
 * 11-digit 09… number (or +98/0098/98 and nine more) is a mobile, 13xx/14xx
 * a birth year, 8–10 digits a national ID (a bare 9XXXXXXXXX too: it may be
 * either, and IDs are the more common column), anything else the name.
 */
function guess(cell: string): "nationalId" | "mobile" | "birthYear" | "text" {
  const latin = toLatinDigits(cell.trim()).replace(/[\s\-().\u200C\u200E\u200F\u2066-\u2069]/g, "");
  if (!/^\+?[0-9]+$/.test(latin)) return "text";
  const d = latin.replace(/^\+/, "");
  if (/^09[0-9]{9}$/.test(d) || /^(0098|98)9[0-9]{9}$/.test(d)) return "mobile";
  if (d.length === 4 && Number(d) >= 1300 && Number(d) <= 1500) return "birthYear";
  if (d.length >= 8 && d.length <= 10) return "nationalId";
  return "text";
}

/**
 * Rows pasted from a spreadsheet: lines of tab-separated cells. A first line
 * whose cells name the columns (نام و نام خانوادگی / name, کد ملی / national
 * id, موبایل / تلفن همراه / mobile, سال تولد / birth year; نام and نام
 * خانوادگی as two columns too) says what each column holds and is not a
 * person; without one, each cell is read by what it looks like (an 11-digit
 * 09… number is a mobile, 8–10 digits a national ID, 13xx/14xx a birth year,
 * text the name). Blank lines are skipped; digits are kept as typed.
 */
export function parsePasted(text: string): PastedRow[] {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "");
  const first = lines[0];
  if (first === undefined) return [];
  const header = cells(first).map(headerField);
  const hasHeader = header.some((h) => h !== null);
  const body = hasHeader ? lines.slice(1) : lines;
  return body
    .map((line) => {
      const row: PastedRow = { fullName: "", nationalId: "", mobile: "", birthYear: "" };
      const names: string[] = [];
      let firstName = "";
      let lastName = "";
      cells(line).forEach((cell, i) => {
        if (cell === "") return;
        if (hasHeader) {
          const field = header[i] ?? null;
          if (field === "firstName") firstName = cell;
          else if (field === "lastName") lastName = cell;
          else if (field === "fullName") names.push(cell);
          else if (field !== null && row[field] === "") row[field] = cell;
          return;
        }
        const kind = guess(cell);
        if (kind !== "text" && row[kind] === "") row[kind] = cell;
        else names.push(cell);
      });
      row.fullName = [firstName, lastName, ...names].filter((s) => s !== "").join(" ");
      return row;
    })
    .filter((r) => r.fullName !== "" || r.nationalId !== "" || r.mobile !== "" || r.birthYear !== "");
}

/**
 * The rows with `pasted` written from row `at` on (their name, ID, mobile
 * and birth year replaced; new rows added as needed). Rows after the
 * pasted ones are kept.
 */
export function mergePasted(rows: readonly MemberRow[], pasted: readonly PastedRow[], at: number, nextKey: () => number): MemberRow[] {
  const out = rows.map((r) => ({ ...r }));
  pasted.forEach((p, k) => {
    const i = at + k;
    const row = out[i] ?? blankRow(nextKey());
    Object.assign(row, { fullName: p.fullName, nationalId: p.nationalId, mobile: p.mobile, birthYear: p.birthYear });
    out[i] = row;
  });
  if (!out.some((r) => r.isLeader)) {
    const leader = out.find((r) => !rowIsBlank(r) && r.mobile.trim() !== "") ?? out[0];
    if (leader) leader.isLeader = true;
  }
  return out;
}

/** Where pasted rows go when they are not pasted into a row: after the last row with something in it. */
export function appendIndex(rows: readonly MemberRow[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (row && !rowIsBlank(row)) return i + 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Texts

/** An RFC 3339 moment as Isfahan reads it: the Solar Hijri day and the time, «۱۴۰۵/۰۹/۰۸ ۰۹:۱۵». */
export function momentText(at: string, locale: UiLocale): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return digits(at, locale);
  const iran = new Date(ms + 210 * 60_000);
  const iso = iran.toISOString();
  const day = gregorianToJalali(iso.slice(0, 10));
  const time = iso.slice(11, 16);
  return digits(`${day ? formatJalaliShort(day, "en") : iso.slice(0, 10)} ${time}`, locale);
}

/** The waiting positions of a list of waiting registrations, moved up or down one place: the registration to put it before (null: last). */
export function reorderTarget(waiting: readonly number[], id: number, direction: -1 | 1): number | null | undefined {
  const i = waiting.indexOf(id);
  if (i < 0) return undefined;
  if (direction === -1) return i === 0 ? undefined : (waiting[i - 1] ?? undefined);
  if (i === waiting.length - 1) return undefined;
  return i + 2 < waiting.length ? (waiting[i + 2] ?? null) : null;
}
