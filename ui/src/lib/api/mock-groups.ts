/**
 * The group and registration commands of the in-memory backend, behaving
 * like the core: every member row checked (national ID by its check digit,
 * mobile normalised from every common form, names, birth year, one leader
 * with a mobile), duplicates in other groups flagged with the group named
 * and kept only with a reason; search over names, IDs and mobiles in any
 * letters or digits; registrations confirmed only when the group fits whole,
 * else waitlisted; freed seats going to the earliest waiting group that
 * fits (the tours' waiting lists and the groups waiting for dates share one
 * first-come order); eligibility (minimum age on the tour date, step-free
 * access, one seat per programme); every change an event. Messages follow
 * the core's wording.
 *
 * Tours come from the tours mock through `GroupsTourSource`; groups,
 * registrations and waits live as long as the page.
 */
import type { ApiError } from "./bindings/ApiError";
import type { DateWait } from "./bindings/DateWait";
import type { DateWaitRow } from "./bindings/DateWaitRow";
import type { Duplicate } from "./bindings/Duplicate";
import type { Group } from "./bindings/Group";
import type { GroupChannel } from "./bindings/GroupChannel";
import type { GroupCheck } from "./bindings/GroupCheck";
import type { GroupDetail } from "./bindings/GroupDetail";
import type { GroupKind } from "./bindings/GroupKind";
import type { GroupRegistration } from "./bindings/GroupRegistration";
import type { GroupRow } from "./bindings/GroupRow";
import type { GroupSaved } from "./bindings/GroupSaved";
import type { Ineligible } from "./bindings/Ineligible";
import type { Member } from "./bindings/Member";
import type { Registration } from "./bindings/Registration";
import type { RegistrationEvent } from "./bindings/RegistrationEvent";
import type { RegistrationOutcome } from "./bindings/RegistrationOutcome";
import type { RegistrationPreview } from "./bindings/RegistrationPreview";
import type { RegistrationState } from "./bindings/RegistrationState";
import type { Roster } from "./bindings/Roster";
import type { RosterLine } from "./bindings/RosterLine";
import type { RowProblem } from "./bindings/RowProblem";
import type { Tour } from "./bindings/Tour";
import type { TourSeats } from "./bindings/TourSeats";
import type { WaitOutcome } from "./bindings/WaitOutcome";
import type { WaitState } from "./bindings/WaitState";
import { gregorianToJalali, isoDayNumber, parseIso } from "../dates/calendar";
import { normalizeFa } from "../dates/text";
import { toPersianDigits } from "../i18n/digits";

export const GROUP_COMMANDS = [
  "groups_list",
  "group_get",
  "group_check",
  "group_create",
  "group_update",
  "group_remove",
  "registration_preview",
  "registration_register",
  "registration_cancel",
  "registration_release",
  "registration_move",
  "registration_reorder",
  "registration_events",
  "tour_roster",
  "date_wait_create",
  "date_wait_cancel",
  "date_waits_list",
] as const;

export function isGroupCommand(command: string): boolean {
  return (GROUP_COMMANDS as readonly string[]).includes(command);
}

/** What the groups mock needs to know about a tour. */
export interface TourFacts {
  tour: Tour;
  /** The smaller of the vehicles' seats and the stops' "max visitors at once". */
  capacity: number;
  /** The rules of each stop's site. */
  sites: { name: string; minAge: number; stepFree: boolean }[];
}

/** Where the groups mock reads tours (without changing them). */
export interface GroupsTourSource {
  facts(id: number): TourFacts | null;
  /** Tours dated `from` to `to` (Gregorian ISO, both included), by date and departure. */
  between(from: string, to: string): Tour[];
}

/** What the tour day's mock (check-in, the Dashboard) reads and changes in the groups mock. */
export interface GroupsForDay {
  registration(id: number): Registration | null;
  /** A tour's registrations: confirmed first, then the waiting list in order, then cancelled. */
  ofTour(tour: number): Registration[];
  all(): Registration[];
  group(id: number): { name: string; members: Member[] } | null;
  /** Moves a registration to `to`, recorded as an event. */
  setState(id: number, to: RegistrationState, reason: string): void;
  /** Adds a walk-in member to the registration's group and one seat to the registration; refuses a member row with problems. */
  addWalkIn(registration: number, member: unknown, reason: string): Member;
  capacity(tour: number): number;
  /** Seats held on the tour (confirmed, attended, no-show). */
  taken(tour: number): number;
  /** Groups waiting for any tour on a range of dates. */
  waitingForDates(): number;
}

export interface GroupsMockOptions {
  /** Seed a few groups, registrations and a wait for dates (default true). */
  seed?: boolean;
  /** Who makes the changes (the coordinator's name from the settings). */
  actor?: () => string;
}

export const MAX_MEMBERS = 200;
/** The longest range a group may wait over (the programme's length). */
export const MAX_WAIT_DAYS = 80;

interface Why {
  fa: string;
  en: string;
}

const fa = (value: string | number) => toPersianDigits(String(value));
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A Latin value inside Persian text, isolated left to right. */
function ltr(value: unknown): string {
  return `\u2066${String(value)}\u2069`;
}

function invalid(field: string, messageFa: string, messageEn: string): ApiError {
  return { code: "invalid_input", message: `${field}: ${messageEn}`, messageFa };
}

function notFound(what: string, id: unknown): ApiError {
  return { code: "not_found", message: `${what} ${String(id)} was not found`, messageFa: `«${what} ${String(id)}» پیدا نشد` };
}

function conflict(messageFa: string, message: string): ApiError {
  return { code: "conflict", message, messageFa };
}

// ---------------------------------------------------------------------------
// National IDs and mobiles, as the core reads them

/** 0–9 of a Latin, Persian or Arabic-Indic digit; null otherwise. */
export function digitValue(c: string): number | null {
  const code = c.codePointAt(0) ?? 0;
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0;
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660;
  return null;
}

export type Parsed<T> = { ok: true; value: T; warning: Why | null } | { ok: false; why: Why };

const BIDI_AND_SPACES = [" ", "\u00A0", "\u200C", "\u200E", "\u200F", "\u2066", "\u2067", "\u2068", "\u2069"];
const ID_SEPARATORS = new Set([...BIDI_AND_SPACES, "-"]);
const MOBILE_SEPARATORS = new Set([...BIDI_AND_SPACES, "-", "(", ")", "."]);

/**
 * A national ID in any digits, with spaces or dashes: 8–10 digits, left-padded
 * to 10; not one repeated digit; digits 4–9 not all zero; the check digit
 * r = Σ d_i·(10−i) mod 11 over the first nine matches (r < 2: d10 = r, else
 * d10 = 11 − r). Resolves to the ten Latin digits.
 */
export function parseNationalId(input: string): Parsed<string> {
  let digits = "";
  for (const c of input.trim()) {
    const v = digitValue(c);
    if (v !== null) digits += String(v);
    else if (!ID_SEPARATORS.has(c)) {
      return { ok: false, why: { fa: `کد ملی فقط رقم دارد؛ «${c}» رقم نیست`, en: `a national ID has only digits; “${c}” is not a digit` } };
    }
  }
  if (digits === "") return { ok: false, why: { fa: "کد ملی خالی است", en: "the national ID is empty" } };
  if (digits.length < 8 || digits.length > 10) {
    return {
      ok: false,
      why: { fa: `کد ملی ۱۰ رقم است؛ این ${fa(digits.length)} رقم دارد`, en: `a national ID has 10 digits; this one has ${digits.length}` },
    };
  }
  const padded = digits.padStart(10, "0");
  const d = [...padded].map(Number);
  if (d.every((x) => x === d[0])) {
    return { ok: false, why: { fa: "کد ملی با یک رقم تکراری معتبر نیست", en: "a national ID of one repeated digit is not valid" } };
  }
  if (d.slice(3, 9).every((x) => x === 0)) {
    return {
      ok: false,
      why: {
        fa: "رقم‌های چهارم تا نهم کد ملی نمی‌توانند همه صفر باشند",
        en: "digits 4 to 9 of a national ID cannot all be zero",
      },
    };
  }
  const r = d.slice(0, 9).reduce((sum, x, i) => sum + x * (10 - i), 0) % 11;
  const check = r < 2 ? r : 11 - r;
  if (d[9] !== check) {
    return {
      ok: false,
      why: {
        fa: "رقم کنترل کد ملی درست نیست؛ کد را دوباره از کارت بخوانید",
        en: "the national ID's check digit does not match; read the code again from the card",
      },
    };
  }
  return { ok: true, value: padded, warning: null };
}

const KNOWN_PREFIXES = new Set([
  "0910", "0911", "0912", "0913", "0914", "0915", "0916", "0917", "0918", "0919", "0990", "0991", "0992", "0993",
  "0994", "0995", "0996", "0998", "0999", "0900", "0901", "0902", "0903", "0904", "0905", "0930", "0933", "0935",
  "0936", "0937", "0938", "0939", "0941", "0920", "0921", "0922", "0932", "0934",
]);

/**
 * A mobile number in every common form (09…, 9…, +989…, 00989…, 989…, any
 * digits, spaces, dashes, brackets) as 09XXXXXXXXX; a prefix no operator
 * uses is accepted with a warning.
 */
export function parseMobile(input: string): Parsed<string> {
  const bad = (faText: string, en: string): Parsed<string> => ({ ok: false, why: { fa: faText, en } });
  let digits = "";
  let i = 0;
  for (const c of input.trim()) {
    const v = digitValue(c);
    if (v !== null) digits += String(v);
    else if (c === "+" && i === 0) digits += "00";
    else if (!MOBILE_SEPARATORS.has(c)) {
      return bad(`شماره‌ی همراه فقط رقم دارد؛ «${c}» رقم نیست`, `a mobile number has only digits; “${c}” is not a digit`);
    }
    i++;
  }
  if (digits === "") return bad("شماره‌ی همراه خالی است", "the mobile number is empty");
  let national: string;
  if (digits.startsWith("0098")) national = digits.slice(4);
  else if (digits.length === 12 && digits.startsWith("98")) national = digits.slice(2);
  else if (digits.startsWith("0")) national = digits.slice(1);
  else national = digits;
  if (!national.startsWith("9")) {
    return bad(
      "شماره‌ی همراه با ۰۹ شروع می‌شود؛ این شماره‌ی ثابت یا نادرست است",
      "a mobile number starts with 09; this looks like a landline or a wrong number",
    );
  }
  if (national.length !== 10) return bad("شماره‌ی همراه ۱۱ رقم است (۰۹ و ۹ رقم دیگر)", "a mobile number has 11 digits (09 and nine more)");
  const number = `0${national}`;
  const prefix = number.slice(0, 4);
  const warning = KNOWN_PREFIXES.has(prefix)
    ? null
    : {
        fa: `پیش‌شماره‌ی ${prefix} برای هیچ اپراتوری شناخته نیست؛ شماره را بررسی کنید`,
        en: `prefix ${prefix} belongs to no known operator; check the number`,
      };
  return { ok: true, value: number, warning };
}

// ---------------------------------------------------------------------------
// Search, as the core's FTS5 query over normalize_fa keys

/** The words of a search key or query: runs of letters, digits and marks. */
export function searchTokens(text: string): string[] {
  return normalizeFa(text)
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((t) => t !== "");
}

/** Every word of `query` is a prefix of some word of `key` (both already tokenised). */
export function matchesAll(query: readonly string[], key: readonly string[]): boolean {
  return query.length > 0 && query.every((q) => key.some((k) => k.startsWith(q)));
}

// ---------------------------------------------------------------------------
// The input as it arrives

interface MemberIn {
  id: number | null;
  fullName: string;
  nationalId: string;
  mobile: string;
  birthYear: number | null;
  stepFree: boolean;
  ppeSizes: string;
  isLeader: boolean;
  duplicateReason: string;
}

interface GroupIn {
  name: string;
  kind: GroupKind;
  channel: GroupChannel;
  preferredFrom: string | null;
  preferredTo: string | null;
  preferredSites: number[];
  notes: string;
  members: MemberIn[];
}

export const GROUP_KINDS: readonly GroupKind[] = ["neighbourhood", "school", "university", "mosque", "ngo", "family", "other"];
export const GROUP_CHANNELS: readonly GroupChannel[] = ["phone", "walk_in", "line137", "app_list", "sms"];
const STATES: readonly RegistrationState[] = ["requested", "confirmed", "waitlisted", "attended", "no_show", "cancelled"];

const text = (v: unknown) => (typeof v === "string" ? v : "");
const record = (v: unknown) => (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;

function isoArg(field: string, value: unknown): string {
  if (typeof value !== "string" || !parseIso(value.trim())) {
    throw invalid(field, `${ltr(String(value))} تاریخ نیست (سال-ماه-روز)`, `“${String(value)}” is not a date (YYYY-MM-DD)`);
  }
  return value.trim();
}

function optionalDate(field: string, value: unknown): string | null {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  return isoArg(field, value);
}

function idArg(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw notFound(what, value);
  return value;
}

function readInput(raw: unknown): GroupIn {
  const g = record(raw);
  if (!GROUP_KINDS.includes(g.kind as GroupKind)) throw invalid("kind", `نوع گروه ${ltr(g.kind)} شناخته نیست`, `unknown group kind ${String(g.kind)}`);
  if (!GROUP_CHANNELS.includes(g.channel as GroupChannel)) {
    throw invalid("channel", `راه ثبت ${ltr(g.channel)} شناخته نیست`, `unknown channel ${String(g.channel)}`);
  }
  const members = Array.isArray(g.members) ? g.members : [];
  return {
    name: text(g.name),
    kind: g.kind as GroupKind,
    channel: g.channel as GroupChannel,
    preferredFrom: optionalDate("preferredFrom", g.preferredFrom),
    preferredTo: optionalDate("preferredTo", g.preferredTo),
    preferredSites: Array.isArray(g.preferredSites) ? g.preferredSites.filter((s): s is number => Number.isInteger(s)) : [],
    notes: text(g.notes),
    members: members.map((item) => {
      const m = record(item);
      const year = m.birthYear;
      return {
        id: typeof m.id === "number" && Number.isInteger(m.id) ? m.id : null,
        fullName: text(m.fullName),
        nationalId: text(m.nationalId),
        mobile: text(m.mobile),
        birthYear: typeof year === "number" && Number.isInteger(year) ? year : null,
        stepFree: m.stepFree === true,
        ppeSizes: text(m.ppeSizes),
        isLeader: m.isLeader === true,
        duplicateReason: text(m.duplicateReason),
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// The stored state

interface StoredGroup {
  id: number;
  name: string;
  kind: GroupKind;
  channel: GroupChannel;
  preferredFrom: string | null;
  preferredTo: string | null;
  preferredSites: number[];
  notes: string;
  members: Member[];
}

interface StoredRegistration {
  id: number;
  group: number;
  tour: number;
  seats: number;
  state: RegistrationState;
  queue: number;
  overrideReason: string;
}

interface StoredWait {
  id: number;
  group: number;
  from: string;
  to: string;
  seats: number;
  queue: number;
  state: WaitState;
  registration: number | null;
  reason: string;
}

interface IndexRow {
  rowid: number;
  group: number;
  member: number | null;
  key: string[];
}

const holdsSeats = (s: RegistrationState) => s === "confirmed" || s === "attended" || s === "no_show";
const isActive = (s: RegistrationState) => s === "confirmed" || s === "waitlisted" || s === "requested";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The mock's stand-in for the keyed check of a registration code: six Crockford base-32 characters. */
export function registrationCode(id: number): string {
  let h = 0x811c9dc5;
  for (const c of `registration:${id}`) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let check = "";
  for (let i = 5; i >= 0; i--) check += CROCKFORD[(h >>> (i * 5)) & 31];
  return `GRD-${id}-${check}`;
}

/** The Solar Hijri year of a Gregorian ISO date. */
function jalaliYear(iso: string): number {
  return gregorianToJalali(iso)?.year ?? 0;
}

function byTourTime(a: Tour, b: Tour): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.departure < b.departure ? -1 : a.departure > b.departure ? 1 : a.id - b.id;
}

/** The group and registration command handler over `tours`. */
export function createGroupsBackend(tours: GroupsTourSource, { seed = true, actor = () => "" }: GroupsMockOptions = {}) {
  const groups = new Map<number, StoredGroup>();
  const registrations = new Map<number, StoredRegistration>();
  const events = new Map<number, RegistrationEvent[]>();
  const waits = new Map<number, StoredWait>();
  let index: IndexRow[] = [];
  let nextGroup = 1;
  let nextMember = 1;
  let nextRegistration = 1;
  let nextWait = 1;
  let nextRowid = 1;
  let minute = 0;

  /** The mock's clock: 8 Azar 1405, 09:00 in Isfahan, a minute later at every change. */
  function now(): string {
    const at = new Date(Date.UTC(2026, 10, 29, 5, 30) + minute++ * 60_000);
    return `${at.toISOString().slice(0, 19)}+00:00`;
  }

  // ---- groups ---------------------------------------------------------------

  function getGroup(id: unknown): StoredGroup {
    const g = groups.get(idArg(id, "group"));
    if (!g) throw notFound("group", id);
    return g;
  }

  function otherHolder(nationalId: string, editing: number | null): [StoredGroup, Member] | null {
    for (const g of [...groups.values()].sort((a, b) => a.id - b.id)) {
      if (g.id === editing) continue;
      const m = g.members.find((x) => x.nationalId === nationalId);
      if (m) return [g, m];
    }
    return null;
  }

  function check(input: GroupIn, editing: number | null): { problems: RowProblem[]; duplicates: Duplicate[]; warnings: RowProblem[] } {
    const problems: RowProblem[] = [];
    const duplicates: Duplicate[] = [];
    const warnings: RowProblem[] = [];
    const problem = (row: number | null, field: string, why: Why) => problems.push({ row, field, fa: why.fa, en: why.en });
    const name = input.name.trim();
    if (name === "") problem(null, "name", { fa: "نام گروه لازم است", en: "the group needs a name" });
    else if ([...name].length > 150) problem(null, "name", { fa: "نام گروه حداکثر ۱۵۰ نویسه است", en: "a group's name is at most 150 characters" });
    if (input.preferredFrom && input.preferredTo && input.preferredTo < input.preferredFrom) {
      problem(null, "preferredTo", { fa: "پایان بازه‌ی دلخواه پیش از آغاز آن است", en: "the preferred dates end before they start" });
    }
    if (input.members.length > MAX_MEMBERS) {
      problem(null, "members", { fa: `یک گروه حداکثر ${fa(MAX_MEMBERS)} نفر است`, en: `a group has at most ${MAX_MEMBERS} members` });
    }
    const leaders = input.members.filter((m) => m.isLeader).length;
    if (input.members.length > 0 && leaders !== 1) {
      problem(null, "leader", { fa: "یک نفر از اعضا باید سرگروه باشد", en: "exactly one member must be the leader" });
    }
    const seen = new Map<string, number>();
    input.members.forEach((m, i) => {
      const n = m.fullName.trim();
      if (n === "") problem(i, "fullName", { fa: "نام و نام خانوادگی لازم است", en: "the full name is missing" });
      else if ([...n].length > 120) problem(i, "fullName", { fa: "نام حداکثر ۱۲۰ نویسه است", en: "a name is at most 120 characters" });
      if (m.nationalId.trim() !== "") {
        const id = parseNationalId(m.nationalId);
        if (!id.ok) problem(i, "nationalId", id.why);
        else {
          const first = seen.get(id.value);
          if (first !== undefined) {
            problem(i, "nationalId", {
              fa: `این کد ملی در ردیف ${fa(first + 1)} همین گروه هم هست`,
              en: `this national ID is also on row ${first + 1} of this group`,
            });
          } else {
            seen.set(id.value, i);
            const other = otherHolder(id.value, editing);
            if (other) {
              duplicates.push({ row: i, nationalId: id.value, otherGroup: other[0].id, otherGroupName: other[0].name, otherMember: other[1].fullName });
            }
          }
        }
      }
      if (m.mobile.trim() !== "") {
        const mobile = parseMobile(m.mobile);
        if (!mobile.ok) problem(i, "mobile", mobile.why);
        else if (mobile.warning) warnings.push({ row: i, field: "mobile", fa: mobile.warning.fa, en: mobile.warning.en });
      } else if (m.isLeader) {
        problem(i, "mobile", { fa: "سرگروه باید شماره‌ی همراه داشته باشد", en: "the leader needs a mobile number" });
      }
      if (m.birthYear !== null && (m.birthYear < 1300 || m.birthYear > 1500)) {
        problem(i, "birthYear", {
          fa: `سال تولد ${fa(m.birthYear)} پذیرفتنی نیست (۱۳۰۰ تا ۱۵۰۰ هجری شمسی)`,
          en: `birth year ${m.birthYear} is not plausible (1300–1500 Solar Hijri)`,
        });
      }
    });
    return { problems, duplicates, warnings };
  }

  function canSave(c: ReturnType<typeof check>, input: GroupIn): boolean {
    return c.problems.length === 0 && c.duplicates.every((d) => (input.members[d.row]?.duplicateReason.trim() ?? "") !== "");
  }

  function checkDto(c: ReturnType<typeof check>, input: GroupIn): GroupCheck {
    return wire({ ...c, canSave: canSave(c, input) });
  }

  function refuse(c: ReturnType<typeof check>, input: GroupIn): ApiError {
    const p = c.problems[0];
    if (p) {
      if (p.row === null) return invalid(p.field, p.fa, p.en);
      const more = c.problems.length - 1;
      return invalid(p.field, `ردیف ${fa(p.row + 1)}: ${p.fa} (و ${fa(more)} مورد دیگر)`, `row ${p.row + 1}: ${p.en} (${more} more)`);
    }
    const d = c.duplicates.find((x) => (input.members[x.row]?.duplicateReason.trim() ?? "") === "");
    if (!d) return { code: "internal", message: "internal error: a group that cannot be saved without a reason", messageFa: "خطای داخلی" };
    return conflict(
      `کد ملی ردیف ${fa(d.row + 1)} در گروه «${d.otherGroupName}» (${d.otherMember}) هم هست؛ برای نگه داشتن آن دلیل بنویسید`,
      `the national ID on row ${d.row + 1} is also in the group “${d.otherGroupName}” (${d.otherMember}); write a reason to keep it`,
    );
  }

  function writeGroup(id: number, input: GroupIn): StoredGroup {
    const before = groups.get(id);
    const kept = new Set((before?.members ?? []).map((m) => m.id));
    const members: Member[] = input.members.map((m) => {
      const nid = m.nationalId.trim() === "" ? null : parseNationalId(m.nationalId);
      const mobile = m.mobile.trim() === "" ? null : parseMobile(m.mobile);
      return {
        id: m.id !== null && kept.has(m.id) ? m.id : nextMember++,
        fullName: m.fullName.trim(),
        nationalId: nid?.ok ? nid.value : null,
        mobile: mobile?.ok ? mobile.value : null,
        birthYear: m.birthYear,
        stepFree: m.stepFree,
        ppeSizes: m.ppeSizes.trim(),
        isLeader: m.isLeader,
        duplicateReason: m.duplicateReason.trim(),
      };
    });
    const g: StoredGroup = {
      id,
      name: input.name.trim(),
      kind: input.kind,
      channel: input.channel,
      preferredFrom: input.preferredFrom,
      preferredTo: input.preferredTo,
      preferredSites: [...input.preferredSites],
      notes: input.notes.trim(),
      members,
    };
    groups.set(id, g);
    index = index.filter((r) => r.group !== id);
    index.push({ rowid: nextRowid++, group: id, member: null, key: searchTokens(g.name) });
    for (const m of members) {
      index.push({ rowid: nextRowid++, group: id, member: m.id, key: searchTokens(`${m.fullName} ${m.nationalId ?? ""} ${m.mobile ?? ""}`) });
    }
    return g;
  }

  function groupDto(g: StoredGroup): Group {
    return wire(g);
  }

  function create(raw: unknown): GroupSaved {
    const input = readInput(raw);
    const c = check(input, null);
    if (!canSave(c, input)) throw refuse(c, input);
    const g = writeGroup(nextGroup++, input);
    return { group: groupDto(g), check: checkDto(c, input) };
  }

  function update(rawId: unknown, raw: unknown): GroupSaved {
    const g = getGroup(rawId);
    const input = readInput(raw);
    const c = check(input, g.id);
    if (!canSave(c, input)) throw refuse(c, input);
    membersChanged(g.id, input.members.length);
    const saved = writeGroup(g.id, input);
    return { group: groupDto(saved), check: checkDto(c, input) };
  }

  function remove(rawId: unknown): null {
    const g = getGroup(rawId);
    const used =
      [...registrations.values()].some((r) => r.group === g.id) || [...waits.values()].some((w) => w.group === g.id);
    if (used) {
      throw conflict(
        "این گروه ثبت‌نام دارد و تاریخچه‌اش می‌ماند؛ به جای حذف، ثبت‌نام را لغو کنید",
        "the group has registrations and keeps its history; cancel the registration instead",
      );
    }
    groups.delete(g.id);
    index = index.filter((r) => r.group !== g.id);
    return null;
  }

  // ---- the list ---------------------------------------------------------------

  function leaderOf(g: StoredGroup): Member | null {
    return g.members.find((m) => m.isLeader) ?? g.members[0] ?? null;
  }

  function tourOf(id: number): Tour | null {
    return tours.facts(id)?.tour ?? null;
  }

  function row(g: StoredGroup, matched: number | null): GroupRow {
    const leader = leaderOf(g);
    let latest: GroupRow["latest"] = null;
    let latestTour: Tour | null = null;
    for (const r of registrations.values()) {
      if (r.group !== g.id || r.state === "cancelled") continue;
      const t = tourOf(r.tour);
      if (t && (latestTour === null || byTourTime(t, latestTour) > 0)) {
        latestTour = t;
        latest = { tour: t.id, date: t.date, state: r.state };
      }
    }
    return {
      id: g.id,
      name: g.name,
      kind: g.kind,
      channel: g.channel,
      members: g.members.length,
      leaderName: leader?.fullName ?? "",
      leaderMobile: leader?.mobile ?? null,
      matchedMember: matched === null ? null : (g.members.find((m) => m.id === matched)?.fullName ?? null),
      latest,
      waitingForDates: [...waits.values()].some((w) => w.group === g.id && w.state === "waiting"),
    };
  }

  function passes(g: StoredGroup, f: Record<string, unknown>): boolean {
    if (f.kind != null && f.kind !== g.kind) return false;
    if (f.channel != null && f.channel !== g.channel) return false;
    if (f.tour == null && f.state == null) return true;
    return [...registrations.values()].some(
      (r) => r.group === g.id && (f.tour == null || r.tour === f.tour) && (f.state == null || r.state === f.state),
    );
  }

  function list(raw: unknown): GroupRow[] {
    const f = record(raw);
    if (f.state != null && !STATES.includes(f.state as RegistrationState)) {
      throw invalid("state", `وضعیت ${ltr(f.state)} شناخته نیست`, `unknown state ${String(f.state)}`);
    }
    const limit = typeof f.limit === "number" && f.limit > 0 ? f.limit : 100;
    const out: GroupRow[] = [];
    const query = text(f.text);
    if (query.trim() === "") {
      for (const g of [...groups.values()].sort((a, b) => b.id - a.id)) {
        if (passes(g, f)) out.push(row(g, null));
        if (out.length >= limit) break;
      }
      return out;
    }
    const tokens = searchTokens(query);
    if (tokens.length === 0) return out;
    const seen = new Set<number>();
    for (const hit of [...index].sort((a, b) => b.rowid - a.rowid)) {
      if (seen.has(hit.group) || !matchesAll(tokens, hit.key)) continue;
      seen.add(hit.group);
      const g = groups.get(hit.group);
      if (g && passes(g, f)) out.push(row(g, hit.member));
      if (out.length >= limit) break;
    }
    return out;
  }

  // ---- registrations --------------------------------------------------------

  function facts(tourId: unknown): TourFacts {
    const f = tours.facts(idArg(tourId, "tour"));
    if (!f) throw notFound("tour", tourId);
    return f;
  }

  const isOpen = (t: Tour) => t.status === "open" || t.status === "full";

  function getRegistration(id: unknown): StoredRegistration {
    const r = registrations.get(idArg(id, "registration"));
    if (!r) throw notFound("registration", id);
    return r;
  }

  function regDto(r: StoredRegistration): Registration {
    return { id: r.id, group: r.group, tour: r.tour, seats: r.seats, state: r.state, overrideReason: r.overrideReason, code: registrationCode(r.id) };
  }

  /** A tour's registrations: confirmed first, then the waiting list in order, then cancelled. */
  function ofTour(tour: number): StoredRegistration[] {
    const rank = (s: RegistrationState) => (s === "waitlisted" ? 1 : s === "cancelled" ? 2 : 0);
    return [...registrations.values()]
      .filter((r) => r.tour === tour)
      .sort((a, b) => rank(a.state) - rank(b.state) || a.queue - b.queue || a.id - b.id);
  }

  function taken(tour: number): number {
    return [...registrations.values()].filter((r) => r.tour === tour && holdsSeats(r.state)).reduce((s, r) => s + r.seats, 0);
  }

  function seats(tour: number): TourSeats {
    const capacity = facts(tour).capacity;
    const used = taken(tour);
    const waiting = ofTour(tour).filter((r) => r.state === "waitlisted");
    return {
      capacity,
      taken: used,
      free: Math.max(0, capacity - used),
      waitingGroups: waiting.length,
      waitingSeats: waiting.reduce((s, r) => s + r.seats, 0),
    };
  }

  function event(id: number, from: RegistrationState | null, to: RegistrationState, seatCount: number, reason: string): void {
    const list = events.get(id) ?? [];
    list.push({ at: now(), actor: actor(), from, to, seats: seatCount, reason });
    events.set(id, list);
  }

  function setState(r: StoredRegistration, to: RegistrationState, reason: string): void {
    const from = r.state;
    r.state = to;
    event(r.id, from, to, r.seats, reason);
  }

  function nextQueue(): number {
    const all = [...[...registrations.values()].map((r) => r.queue), ...[...waits.values()].map((w) => w.queue), 0];
    return Math.max(...all) + 1;
  }

  function groupSize(group: number): number {
    return getGroup(group).members.length;
  }

  function place(group: number, tourId: number, seatCount: number): StoredRegistration {
    const f = facts(tourId);
    if (!isOpen(f.tour)) {
      throw conflict("این تور برای ثبت‌نام باز نیست", `the tour is ${f.tour.status}, not open for registration`);
    }
    const active = [...registrations.values()].find((r) => r.group === group && r.tour === tourId && isActive(r.state));
    if (active) {
      throw conflict(
        `این گروه از پیش روی این تور است (ثبت‌نام ${fa(active.id)})`,
        `the group is already on this tour (registration ${active.id})`,
      );
    }
    const fits = taken(tourId) + seatCount <= f.capacity;
    const r: StoredRegistration = {
      id: nextRegistration++,
      group,
      tour: tourId,
      seats: seatCount,
      state: fits ? "confirmed" : "waitlisted",
      queue: nextQueue(),
      overrideReason: "",
    };
    registrations.set(r.id, r);
    event(r.id, "requested", r.state, seatCount, fits ? "" : "the group does not fit whole");
    return r;
  }

  /** Every member against every stop: minimum age on the tour date, step-free access, one seat per programme. */
  function eligibility(group: number, tourId: number): Ineligible[] {
    const g = getGroup(group);
    const f = facts(tourId);
    const year = jalaliYear(f.tour.date);
    const out: Ineligible[] = [];
    for (const m of g.members) {
      const push = (why: Why) => out.push({ member: m.id, memberName: m.fullName, fa: why.fa, en: why.en });
      for (const s of f.sites) {
        if (s.minAge > 0) {
          if (m.birthYear === null) {
            push({
              fa: `سال تولد نامعلوم است و «${s.name}» حداقل ${fa(s.minAge)} سال می‌خواهد`,
              en: `the birth year is unknown and “${s.name}” asks for at least ${s.minAge} years`,
            });
          } else {
            const age = year - m.birthYear;
            if (age < s.minAge) {
              push({
                fa: `در روز تور ${fa(age)} ساله است؛ «${s.name}» حداقل ${fa(s.minAge)} سال می‌خواهد`,
                en: `is ${age} on the tour date; “${s.name}” asks for at least ${s.minAge}`,
              });
            } else if (age === s.minAge) {
              push({
                fa: `ممکن است در روز تور هنوز ${fa(s.minAge)} ساله نشده باشد («${s.name}»)؛ تاریخ تولد را بپرسید`,
                en: `may not be ${s.minAge} yet on the tour date (“${s.name}”); ask the birth date`,
              });
            }
          }
        }
        if (m.stepFree && !s.stepFree) {
          push({ fa: `به مسیر بدون پله نیاز دارد اما «${s.name}» ندارد`, en: `needs step-free access, which “${s.name}” does not have` });
        }
      }
      if (m.nationalId !== null) {
        for (const r of registrations.values()) {
          if (r.tour === tourId || (r.state !== "confirmed" && r.state !== "attended")) continue;
          const other = groups.get(r.group);
          if (other?.members.some((x) => x.nationalId === m.nationalId)) {
            push({
              fa: `همین کد ملی با گروه «${other.name}» روی تور ${fa(r.tour)} تأیید شده است`,
              en: `the same national ID is confirmed with the group “${other.name}” on tour ${r.tour}`,
            });
            break;
          }
        }
      }
    }
    return out;
  }

  function covering(date: string): StoredWait[] {
    return [...waits.values()]
      .filter((w) => w.state === "waiting" && w.from <= date && w.to >= date)
      .sort((a, b) => a.queue - b.queue || a.id - b.id);
  }

  /** Confirms a waiting-for-dates group on `tour` when its members may go and it fits. */
  function tryPlace(w: StoredWait, tourId: number): StoredRegistration | null {
    const failing = eligibility(w.group, tourId);
    if (failing.length > 0 && w.reason.trim() === "") return null;
    const already = [...registrations.values()].some((r) => r.group === w.group && r.tour === tourId && isActive(r.state));
    if (already || taken(tourId) + w.seats > facts(tourId).capacity) return null;
    const r = place(w.group, tourId, w.seats);
    if (failing.length > 0) r.overrideReason = w.reason.trim();
    w.state = "placed";
    w.registration = r.id;
    return r;
  }

  /** Confirms waiting groups, earliest first, each only if it fits whole. Returns the registrations confirmed. */
  function promote(tourId: number): number[] {
    const f = facts(tourId);
    let free = Math.max(0, f.capacity - taken(tourId));
    const moved: number[] = [];
    if (free === 0) return moved;
    type Waiting = { queue: number; here: StoredRegistration } | { queue: number; dates: StoredWait };
    const queue: Waiting[] = ofTour(tourId)
      .filter((r) => r.state === "waitlisted")
      .map((r) => ({ queue: r.queue, here: r }));
    if (isOpen(f.tour)) queue.push(...covering(f.tour.date).map((w) => ({ queue: w.queue, dates: w })));
    queue.sort((a, b) => a.queue - b.queue);
    for (const w of queue) {
      if ("here" in w) {
        if (w.here.seats <= free) {
          setState(w.here, "confirmed", "seats freed: earliest waiting group that fits");
          free -= w.here.seats;
          moved.push(w.here.id);
        }
      } else if (w.dates.seats <= free) {
        const r = tryPlace(w.dates, tourId);
        if (r) {
          free -= r.seats;
          moved.push(r.id);
        }
      }
    }
    return moved;
  }

  function membersChanged(group: number, count: number): void {
    const active = [...registrations.values()].filter((r) => r.group === group && (r.state === "confirmed" || r.state === "waitlisted"));
    for (const r of active.filter((x) => x.seats !== count)) {
      if (r.state === "confirmed" && count > r.seats) {
        const free = Math.max(0, facts(r.tour).capacity - taken(r.tour));
        if (count - r.seats > free) {
          throw conflict(
            `تور ${fa(r.tour)} فقط ${fa(free)} صندلی خالی دارد و ${fa(count - r.seats)} عضو تازه جا نمی‌شوند؛ آن‌ها را گروه جدا ثبت کنید یا گروه را جابه‌جا کنید`,
            `tour ${r.tour} has ${free} free seats, not enough for ${count - r.seats} new members; register them as another group or move the group`,
          );
        }
      }
    }
    for (const r of active.filter((x) => x.seats !== count)) {
      r.seats = count;
      event(r.id, r.state, r.state, count, "the group's members changed");
      promote(r.tour);
    }
    for (const w of waits.values()) if (w.group === group && w.state === "waiting") w.seats = count;
  }

  function outcome(r: StoredRegistration, promoted: number[]): RegistrationOutcome {
    return {
      registration: regDto(r),
      promoted: promoted.map((id) => {
        const p = getRegistration(id);
        return { registration: p.id, tour: p.tour, groupName: groups.get(p.group)?.name ?? "", seats: p.seats };
      }),
    };
  }

  function register(rawGroup: unknown, rawTour: unknown, rawReason: unknown): RegistrationOutcome {
    const group = getGroup(rawGroup).id;
    const tourId = facts(rawTour).tour.id;
    const seatCount = groupSize(group);
    if (seatCount === 0) throw invalid("members", "گروه هیچ عضوی ندارد", "the group has no members");
    const failing = eligibility(group, tourId);
    const reason = text(rawReason).trim();
    const first = failing[0];
    if (first && reason === "") {
      throw conflict(
        `${first.memberName}: ${first.fa} (و ${fa(failing.length - 1)} مورد دیگر)؛ برای ثبت با این وجود دلیل بنویسید`,
        `${first.memberName}: ${first.en} (${failing.length - 1} more); write a reason to register anyway`,
      );
    }
    const r = place(group, tourId, seatCount);
    if (failing.length > 0) r.overrideReason = reason;
    return outcome(r, []);
  }

  function cancel(rawId: unknown, rawReason: unknown): RegistrationOutcome {
    const r = getRegistration(rawId);
    if (!isActive(r.state)) {
      throw conflict("این ثبت‌نام دیگر لغوشدنی نیست", `a registration that is ${r.state} cannot be cancelled`);
    }
    setState(r, "cancelled", text(rawReason));
    return outcome(r, promote(r.tour));
  }

  function release(rawId: unknown, rawSeats: unknown, rawReason: unknown): RegistrationOutcome {
    const r = getRegistration(rawId);
    const n = typeof rawSeats === "number" && Number.isInteger(rawSeats) ? rawSeats : 0;
    if (n <= 0 || n >= r.seats) {
      throw invalid("seats", "برای لغو همه‌ی صندلی‌ها، کل ثبت‌نام را لغو کنید", "release fewer seats than the registration holds, or cancel it whole");
    }
    if (r.state !== "confirmed" && r.state !== "waitlisted") {
      throw conflict("این ثبت‌نام تغییرپذیر نیست", `a registration that is ${r.state} cannot change`);
    }
    r.seats -= n;
    event(r.id, r.state, r.state, r.seats, text(rawReason));
    return outcome(r, promote(r.tour));
  }

  function move(rawId: unknown, rawTour: unknown, rawReason: unknown): RegistrationOutcome {
    const r = getRegistration(rawId);
    if (r.state !== "confirmed" && r.state !== "waitlisted") {
      throw conflict("این ثبت‌نام جابه‌جاشدنی نیست", `a registration that is ${r.state} cannot move`);
    }
    const to = idArg(rawTour, "tour");
    if (r.tour === to) throw invalid("tour", "گروه همین حالا روی این تور است", "the group is already on that tour");
    facts(to);
    // Refuse before changing anything, as the core's transaction would roll back.
    const target = facts(to).tour;
    if (!isOpen(target)) throw conflict("این تور برای ثبت‌نام باز نیست", `the tour is ${target.status}, not open for registration`);
    const active = [...registrations.values()].find((x) => x.group === r.group && x.tour === to && isActive(x.state));
    if (active) {
      throw conflict(
        `این گروه از پیش روی این تور است (ثبت‌نام ${fa(active.id)})`,
        `the group is already on this tour (registration ${active.id})`,
      );
    }
    setState(r, "cancelled", `moved to tour ${to}: ${text(rawReason)}`);
    const promoted = promote(r.tour);
    const placed = place(r.group, to, r.seats);
    return outcome(placed, promoted);
  }

  function reorder(rawId: unknown, rawBefore: unknown, rawReason: unknown): Roster {
    const reason = text(rawReason).trim();
    if (reason === "") throw invalid("reason", "دلیل جابه‌جایی در فهرست انتظار را بنویسید", "write why the waiting list is reordered");
    const r = getRegistration(rawId);
    if (r.state !== "waitlisted") throw conflict("فقط گروه‌های در انتظار جابه‌جا می‌شوند", "only waiting groups can be reordered");
    const waiting = ofTour(r.tour).filter((x) => x.state === "waitlisted" && x.id !== r.id);
    let queue: number;
    if (rawBefore === null || rawBefore === undefined) {
      const last = waiting[waiting.length - 1];
      queue = last ? last.queue + 1 : r.queue;
    } else {
      const before = idArg(rawBefore, "registration");
      const i = waiting.findIndex((x) => x.id === before);
      const at = waiting[i];
      if (!at) throw notFound("registration", before);
      const prev = i === 0 ? at.queue - 1 : (waiting[i - 1]?.queue ?? at.queue - 1);
      queue = (prev + at.queue) / 2;
    }
    r.queue = queue;
    event(r.id, r.state, r.state, r.seats, `waiting list reordered: ${reason}`);
    promote(r.tour);
    return roster(r.tour);
  }

  function roster(rawTour: unknown): Roster {
    const f = facts(rawTour);
    let next = 0;
    const lines: RosterLine[] = ofTour(f.tour.id).map((r) => {
      const g = groups.get(r.group);
      const leader = g ? leaderOf(g) : null;
      return {
        registration: regDto(r),
        groupName: g?.name ?? "",
        leaderName: leader?.fullName ?? "",
        leaderMobile: leader?.mobile ?? null,
        position: r.state === "waitlisted" ? ++next : null,
      };
    });
    return { tour: wire(f.tour), seats: seats(f.tour.id), lines };
  }

  function preview(rawGroup: unknown, rawTour: unknown): RegistrationPreview {
    const g = getGroup(rawGroup);
    const f = facts(rawTour);
    const s = seats(f.tour.id);
    const size = g.members.length;
    const fits = size <= s.free;
    return {
      tour: wire(f.tour),
      seats: s,
      groupSize: size,
      fits,
      waitingPosition: fits ? null : s.waitingGroups + 1,
      ineligible: eligibility(g.id, f.tour.id),
      open: isOpen(f.tour),
      alreadyOn: [...registrations.values()].some((r) => r.group === g.id && r.tour === f.tour.id && isActive(r.state)),
    };
  }

  // ---- a group's page -------------------------------------------------------

  function waitDto(w: StoredWait): DateWait {
    return { id: w.id, group: w.group, from: w.from, to: w.to, seats: w.seats, state: w.state, registration: w.registration, reason: w.reason };
  }

  function detail(rawId: unknown): GroupDetail {
    const g = getGroup(rawId);
    const mine: [StoredRegistration, Tour][] = [...registrations.values()]
      .filter((r) => r.group === g.id)
      .map((r): [StoredRegistration, Tour] => [r, facts(r.tour).tour])
      .sort(([ra, ta], [rb, tb]) => byTourTime(tb, ta) || rb.id - ra.id);
    const list: GroupRegistration[] = mine.map(([r, t]) => ({
      registration: regDto(r),
      tourDate: t.date,
      departure: t.departure,
      position:
        r.state === "waitlisted"
          ? ofTour(r.tour).filter((x) => x.state === "waitlisted" && (x.queue < r.queue || (x.queue === r.queue && x.id < r.id))).length + 1
          : null,
    }));
    return {
      group: groupDto(g),
      registrations: list,
      waits: [...waits.values()]
        .filter((w) => w.group === g.id)
        .sort((a, b) => b.id - a.id)
        .map(waitDto),
    };
  }

  // ---- waiting for dates -----------------------------------------------------

  function waitForDates(rawGroup: unknown, rawFrom: unknown, rawTo: unknown, rawReason: unknown): WaitOutcome {
    const from = isoArg("from", rawFrom);
    const to = isoArg("to", rawTo);
    if (to < from) throw invalid("to", "تاریخ پایان پیش از تاریخ شروع است", "the last date is before the first");
    if ((isoDayNumber(to) ?? 0) - (isoDayNumber(from) ?? 0) >= MAX_WAIT_DAYS) {
      throw invalid("to", "بازه‌ی انتظار بیش از ۸۰ روز است", "the range to wait over is longer than 80 days");
    }
    const g = getGroup(rawGroup);
    if (g.members.length === 0) throw invalid("members", "گروه هیچ عضوی ندارد", "the group has no members");
    if ([...waits.values()].some((w) => w.group === g.id && w.state === "waiting")) {
      throw conflict("این گروه از پیش منتظر تور در بازه‌ای از تاریخ‌هاست", "the group is already waiting for a tour in a range of dates");
    }
    const w: StoredWait = {
      id: nextWait++,
      group: g.id,
      from,
      to,
      seats: g.members.length,
      queue: nextQueue(),
      state: "waiting",
      registration: null,
      reason: text(rawReason).trim(),
    };
    waits.set(w.id, w);
    for (const t of tours.between(from, to).sort(byTourTime)) {
      if (!isOpen(t)) continue;
      const r = tryPlace(w, t.id);
      if (r) return { placed: regDto(r), waiting: null };
    }
    return { placed: null, waiting: waitDto(w) };
  }

  function cancelWait(rawId: unknown): null {
    const w = waits.get(idArg(rawId, "date wait"));
    if (!w) throw notFound("date wait", rawId);
    if (w.state !== "waiting") throw conflict("این انتظار دیگر باز نیست", `the wait is ${w.state}, no longer waiting`);
    w.state = "cancelled";
    return null;
  }

  function waitingRows(): DateWaitRow[] {
    return [...waits.values()]
      .filter((w) => w.state === "waiting")
      .sort((a, b) => a.queue - b.queue || a.id - b.id)
      .map((w) => ({ wait: waitDto(w), groupName: groups.get(w.group)?.name ?? "" }));
  }

  // ---- seed -------------------------------------------------------------------

  if (seed) {
    for (const s of SEED_GROUPS) {
      const g = writeGroup(nextGroup++, {
        name: s.name,
        kind: s.kind,
        channel: s.channel,
        preferredFrom: s.preferredFrom ?? null,
        preferredTo: s.preferredTo ?? null,
        preferredSites: [],
        notes: s.notes ?? "",
        members: s.members.map(([fullName, nationalId, mobile, birthYear], i) => ({
          id: null,
          fullName,
          nationalId,
          mobile,
          birthYear,
          stepFree: false,
          ppeSizes: "",
          isLeader: i === 0,
          duplicateReason: "",
        })),
      });
      try {
        if (s.tour !== undefined) register(g.id, s.tour, "");
        if (s.wait) waitForDates(g.id, s.wait[0], s.wait[1], "");
      } catch {
        // Without the mock's tours (a test's own tour source) the group stays unregistered.
      }
    }
  }

  // ---- what the tour day needs (the day mock's check-in) ------------------------

  /** A walk-in joining a group on the day: the member row checked as the editor checks it; a duplicate ID is kept with the reason. */
  function addWalkIn(registration: number, raw: unknown, reason: string): Member {
    const r = getRegistration(registration);
    const g = getGroup(r.group);
    const m = record(raw);
    const year = m.birthYear;
    const row: MemberIn = {
      id: null,
      fullName: text(m.fullName),
      nationalId: text(m.nationalId),
      mobile: text(m.mobile),
      birthYear: typeof year === "number" && Number.isInteger(year) ? year : null,
      stepFree: m.stepFree === true,
      ppeSizes: text(m.ppeSizes),
      isLeader: false,
      duplicateReason: reason,
    };
    const c = check({ name: g.name, kind: g.kind, channel: g.channel, preferredFrom: null, preferredTo: null, preferredSites: [], notes: "", members: [row] }, g.id);
    const p = c.problems.find((x) => x.row === 0);
    if (p) throw invalid(p.field, p.fa, p.en);
    const nid = row.nationalId.trim() === "" ? null : parseNationalId(row.nationalId);
    if (nid?.ok && g.members.some((x) => x.nationalId === nid.value)) {
      throw invalid("nationalId", "این کد ملی از پیش در همین گروه هست", "this national ID is already in this group");
    }
    const mobile = row.mobile.trim() === "" ? null : parseMobile(row.mobile);
    const member: Member = {
      id: nextMember++,
      fullName: row.fullName.trim(),
      nationalId: nid?.ok ? nid.value : null,
      mobile: mobile?.ok ? mobile.value : null,
      birthYear: row.birthYear,
      stepFree: row.stepFree,
      ppeSizes: row.ppeSizes.trim(),
      isLeader: false,
      duplicateReason: reason,
    };
    g.members.push(member);
    index.push({ rowid: nextRowid++, group: g.id, member: member.id, key: searchTokens(`${member.fullName} ${member.nationalId ?? ""} ${member.mobile ?? ""}`) });
    r.seats += 1;
    event(r.id, r.state, r.state, r.seats, `walk-in: ${reason}`);
    return wire(member);
  }

  const day: GroupsForDay = {
    registration: (id) => {
      const r = registrations.get(id);
      return r ? regDto(r) : null;
    },
    ofTour: (tour) => ofTour(tour).map(regDto),
    all: () => [...registrations.values()].map(regDto),
    group: (id) => {
      const g = groups.get(id);
      return g ? { name: g.name, members: wire(g.members) } : null;
    },
    setState: (id, to, reason) => setState(getRegistration(id), to, reason),
    addWalkIn,
    capacity: (tour) => facts(tour).capacity,
    taken,
    waitingForDates: () => [...waits.values()].filter((w) => w.state === "waiting").length,
  };

  const handle = function handle(command: string, args: unknown): unknown {
    const a = record(args);
    switch (command) {
      case "groups_list":
        return list(a.filter);
      case "group_get":
        return detail(a.id);
      case "group_check": {
        const input = readInput(a.input);
        const editing = a.editing === null || a.editing === undefined ? null : idArg(a.editing, "group");
        return checkDto(check(input, editing), input);
      }
      case "group_create":
        return create(a.input);
      case "group_update":
        return update(a.id, a.input);
      case "group_remove":
        return remove(a.id);
      case "registration_preview":
        return preview(a.group, a.tour);
      case "registration_register":
        return register(a.group, a.tour, a.reason);
      case "registration_cancel":
        return cancel(a.id, a.reason);
      case "registration_release":
        return release(a.id, a.seats, a.reason);
      case "registration_move":
        return move(a.id, a.tour, a.reason);
      case "registration_reorder":
        return reorder(a.id, a.before ?? null, a.reason);
      case "registration_events":
        return wire(events.get(getRegistration(a.id).id) ?? []);
      case "tour_roster":
        return roster(a.tour);
      case "date_wait_create":
        return waitForDates(a.group, a.from, a.to, a.reason);
      case "date_wait_cancel":
        return cancelWait(a.id);
      case "date_waits_list":
        return waitingRows();
      default:
        throw {
          code: "internal",
          message: `unknown command ${command}`,
          messageFa: `فرمان ${ltr(command)} شناخته نیست`,
        } satisfies ApiError;
    }
  };
  return Object.assign(handle, { day });
}

// ---------------------------------------------------------------------------
// Seed data

interface SeedGroup {
  name: string;
  kind: GroupKind;
  channel: GroupChannel;
  notes?: string;
  preferredFrom?: string;
  preferredTo?: string;
  /** Full name, national ID, mobile, Solar Hijri birth year; the first is the leader. */
  members: [string, string, string, number | null][];
  tour?: number;
  wait?: [string, string];
}

/** The tour of today (8 Azar 1405) in the mock: 20 seats, the smallest stop's limit. */
export const SEED_TOUR_TODAY = 90002;
/** An open tour two weeks later (23 Azar 1405), 25 seats. */
export const SEED_TOUR_LATER = 90010;

/**
 * Oldest first (the list shows the newest first). On today's tour 90002
 * (20 seats): the school (8) and the mosque (6) are confirmed, 6 seats are
 * left and the family (7) waits first in line; the NGO is confirmed on
 * 90010; the retirees wait for any tour in Dey; the students are not
 * registered yet.
 */
const SEED_GROUPS: readonly SeedGroup[] = [
  {
    name: "دبیرستان دخترانه‌ی فرزانگان ۲",
    kind: "school",
    channel: "phone",
    notes: "دو معلم همراه دانش‌آموزان پایه‌ی یازدهم",
    members: [
      ["مریم صادقی", "4069326065", "09131112233", 1360],
      ["پروین مرادی", "6545838083", "09131112244", 1355],
      ["سارا رحیمی", "3582479366", "", 1388],
      ["نگار اکبری", "1386383368", "", 1388],
      ["فاطمه نوری", "4591324168", "", 1388],
      ["زینب حسینی", "4455214089", "", 1388],
      ["ریحانه کریمی", "3708661761", "", 1388],
      ["الهام جعفری", "8965975689", "", 1387],
    ],
    tour: SEED_TOUR_TODAY,
  },
  {
    name: "هیئت امنای مسجد سید",
    kind: "mosque",
    channel: "walk_in",
    members: [
      ["محمود طاهری", "5188590085", "09132223344", 1335],
      ["حسن شریفی", "7771169287", "", 1340],
      ["رضا نجفی", "5878909448", "09132223355", 1345],
      ["جواد اصفهانی", "7252948481", "", 1350],
      ["مهدی صالحی", "7048788488", "", 1352],
      ["عباس قاسمی", "4127680008", "", 1348],
    ],
    tour: SEED_TOUR_TODAY,
  },
  {
    name: "خانواده‌ی کاظمی",
    kind: "family",
    channel: "line137",
    members: [
      ["علی کاظمی", "2452647047", "09133334455", 1358],
      ["لیلا کاظمی", "5020001287", "09133334466", 1362],
      ["امیر کاظمی", "4487132800", "", 1384],
      ["نرگس کاظمی", "6913012489", "", 1385],
      ["حمید کاظمی", "8711162880", "", 1330],
      ["شهلا کاظمی", "8124492808", "", 1333],
      ["سینا کاظمی", "2390978568", "", 1386],
    ],
    tour: SEED_TOUR_TODAY,
  },
  {
    name: "انجمن دوستداران میراث فرهنگی جلفا",
    kind: "ngo",
    channel: "app_list",
    members: [
      ["آرمان یوسفیان", "0101494408", "09134445566", 1365],
      ["هاسمیک آوانسیان", "5705259522", "09134445577", 1370],
      ["کاوه رستمی", "7860078082", "", 1368],
      ["مینا فرهادی", "5998292480", "", 1372],
      ["بهروز ملکی", "7908226566", "", 1360],
    ],
    tour: SEED_TOUR_LATER,
  },
  {
    name: "بازنشستگان محله‌ی نقش جهان",
    kind: "neighbourhood",
    channel: "sms",
    preferredFrom: "2026-12-21",
    preferredTo: "2027-01-10",
    members: [
      ["غلامرضا حیدری", "9729456641", "09135556677", 1330],
      ["منیژه حیدری", "8699527683", "", 1335],
      ["اکبر توکلی", "9003732485", "09135556688", 1332],
    ],
    wait: ["2026-12-21", "2027-01-10"],
  },
  {
    name: "کانون دانشجویی مهندسی عمران و معماری دانشگاه صنعتی اصفهان، ورودی‌های ۱۴۰۲ و ۱۴۰۳",
    kind: "university",
    channel: "phone",
    members: [
      ["پارسا عابدی", "9205306886", "09136667788", 1383],
      ["یاسمن شفیعی", "7603100161", "", 1384],
      ["محمدحسین بهرامی", "3709273609", "", 1383],
      ["ترانه نیک‌نام", "3399708807", "", 1384],
    ],
  },
];
