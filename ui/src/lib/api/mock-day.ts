/**
 * The tour day's commands of the in-memory backend, behaving like the core:
 * check-in by the confirmation's code (read however it is typed; a mistyped
 * or forged code refused with the reason, another tour's code naming that
 * tour), ticks, walk-ins with a reason when a seat is free, undo and
 * no-shows at departure; citizen requests due three Solar Hijri months
 * after they are raised (clamped to the month's end), referred, answered
 * and reported back, overdue while unanswered past the due date, with
 * their history; the Dashboard's figures and the Reports page's series;
 * and `file_save`, which keeps the last file "written" for tests.
 *
 * Registrations and members live in the groups mock (`GroupsForDay`),
 * tours in the tours mock; marks and requests live here, as long as the page.
 */
import type { ApiError } from "./bindings/ApiError";
import type { CheckedIn } from "./bindings/CheckedIn";
import type { CheckinSheet } from "./bindings/CheckinSheet";
import type { CitizenRequest } from "./bindings/CitizenRequest";
import type { DashboardFigures } from "./bindings/DashboardFigures";
import type { Departed } from "./bindings/Departed";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import type { Programme } from "./bindings/Programme";
import type { Registration } from "./bindings/Registration";
import type { RegistrationState } from "./bindings/RegistrationState";
import type { Reports } from "./bindings/Reports";
import type { RequestCategory } from "./bindings/RequestCategory";
import type { RequestDetail } from "./bindings/RequestDetail";
import type { RequestStatus } from "./bindings/RequestStatus";
import type { SheetGroup } from "./bindings/SheetGroup";
import type { Tour } from "./bindings/Tour";
import type { TodayTour } from "./bindings/TodayTour";
import { addMonths, gregorianToJalali, isoDayNumber, isoFromDayNumber, jalaliToGregorian, parseIso } from "../dates/calendar";
import { describeProblem, formatJalaliLong, parseJalali } from "../dates/format";
import { normalizeFa } from "../dates/text";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";
import { registrationCode, type GroupsForDay } from "./mock-groups";

export const DAY_COMMANDS = [
  "checkin_sheet",
  "checkin_code",
  "checkin_mark",
  "checkin_undo",
  "checkin_walk_in",
  "checkin_close_departure",
  "requests_list",
  "request_get",
  "request_create",
  "request_update",
  "request_refer",
  "request_answer",
  "request_report",
  "request_departments",
  "dashboard_figures",
  "reports_get",
  "file_save",
] as const;

export function isDayCommand(command: string): boolean {
  return (DAY_COMMANDS as readonly string[]).includes(command);
}

export const REQUEST_CATEGORIES: readonly RequestCategory[] = ["lighting", "roads", "transport", "cleanliness", "projects", "other"];
export const REQUEST_STATUSES: readonly RequestStatus[] = ["open", "referred", "answered", "reported"];

/** The promise: an answer within this many Solar Hijri months. */
export const PROMISE_MONTHS = 3;
export const MAX_TEXT_CHARS = 4000;
export const MAX_SHORT_CHARS = 200;

/** Where the last file "saved" through `file_save` is kept (size, and its text unless it is a PNG). */
export const SAVED_FILE_KEY = "gardesh.mock.savedFile";

/** What the day mock reads from the rest of the mock backend. */
export interface DaySources {
  /** Today (Gregorian ISO) by the mock's clock. */
  today(): string;
  /** A timestamp for the history and events (RFC 3339). */
  now(): string;
  actor(): string;
  tours: {
    get(id: number): Tour | null;
    all(): Tour[];
    /** The smaller of the vehicles' seats and the stops' "max visitors at once". */
    capacity(id: number): number;
    /** The sites of the tour's stops, in order. */
    stops(id: number): number[];
  };
  sites: { get(id: number): { name: string; district: number } | null };
  groups: GroupsForDay;
  programme(): Programme | null;
  /** Keeps a saved file (for tests). */
  saved?(bytes: Uint8Array): void;
}

export interface DayMockOptions {
  /** Seed a few citizen requests, one overdue (default true). */
  seed?: boolean;
}

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const fa = (value: string | number) => toPersianDigits(String(value));
const text = (v: unknown) => (typeof v === "string" ? v : "");
const record = (v: unknown) => (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;

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

function idArg(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw notFound(what, value);
  return value;
}

function addDays(iso: string, days: number): string {
  return isoFromDayNumber((isoDayNumber(iso) ?? 0) + days);
}

// ---------------------------------------------------------------------------
// The three-month promise

/**
 * Raised on `raised` (Gregorian ISO): due three Solar Hijri months later,
 * clamped to the target month's length (30 Azar 1405 → 29 Esfand 1405,
 * 31 Shahrivar → 30 Azar). Null for a day that is not a date.
 */
export function dueDate(raised: string): string | null {
  const day = gregorianToJalali(raised);
  return day ? jalaliToGregorian(addMonths(day, PROMISE_MONTHS)) : null;
}

/**
 * A date typed either way, as the core reads `raisedOn`: a year before 1700
 * is Solar Hijri (`1405/10/01`, any digits, `/` or `-`), otherwise
 * Gregorian `YYYY-MM-DD`. Resolves to Gregorian ISO, or throws invalid_input.
 */
export function parseAnyDate(field: string, input: string): string {
  const latin = toLatinDigits(input.trim());
  const year = Number((latin.split(/[-/]/)[0] ?? "").trim());
  if (latin !== "" && Number.isInteger(year) && year < 1700) {
    const checked = parseJalali(latin);
    if (!checked.ok) throw invalid(field, describeProblem(checked.problem, "fa"), describeProblem(checked.problem, "en"));
    return jalaliToGregorian(checked.value);
  }
  if (!parseIso(latin) || !gregorianToJalali(latin)) {
    throw invalid(field, `${ltr(input)} تاریخ نیست (سال-ماه-روز)`, `“${input}” is not a date (YYYY-MM-DD)`);
  }
  return latin;
}

// ---------------------------------------------------------------------------
// Registration codes, read the way a scanner or a person types them

const CODE_FORM = {
  fa: "کد ثبت‌نام شکل درستی ندارد؛ نمونه: GRD-12-7K3M9Q",
  en: "the registration code is not in the right form; e.g. GRD-12-7K3M9Q",
};

/** The registration a typed or scanned code names, or why it is refused (invalid_input). Existence is checked by the caller. */
export function verifyCode(input: string): number {
  const cleaned = [...toLatinDigits(input)]
    .filter((c) => !/\s/u.test(c) && !["\u200c", "\u200e", "\u200f"].includes(c))
    .map((c) => (["_", "–", "—", "‐"].includes(c) ? "-" : c.toUpperCase()))
    .join("");
  const parts = cleaned.split("-").filter((p) => p !== "");
  let idText: string;
  let given: string;
  if (parts.length === 3 && parts[0] === "GRD") [idText, given] = [parts[1] ?? "", parts[2] ?? ""];
  else if (parts.length === 2) [idText, given] = [parts[0] ?? "", parts[1] ?? ""];
  else throw invalid("code", CODE_FORM.fa, CODE_FORM.en);
  const id = /^[0-9]+$/.test(idText) ? Number(idText) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw invalid("code", "شماره‌ی ثبت‌نام در کد عدد نیست", "the registration number in the code is not a number");
  }
  // Crockford: O reads as 0, I and L as 1.
  const check = given.replace(/O/g, "0").replace(/[IL]/g, "1");
  const expected = registrationCode(id).split("-")[2];
  if (check.length !== 6 || check !== expected) {
    throw invalid(
      "code",
      "کد ثبت‌نام درست نیست: یا اشتباه تایپ شده یا از این برنامه نیست",
      "the registration code does not check: mistyped, or not issued by this programme",
    );
  }
  return id;
}

// ---------------------------------------------------------------------------
// Stored state

interface Mark {
  present: boolean;
  how: "code" | "tick" | "walk_in" | "departure";
}

interface StoredRequest {
  id: number;
  tour: number | null;
  site: number | null;
  district: number | null;
  category: RequestCategory;
  text: string;
  raisedBy: string;
  contact: string;
  raisedOn: string;
  dueOn: string;
  status: RequestStatus;
  department: string;
  referredOn: string | null;
  answer: string;
  answeredOn: string | null;
  reportedOn: string | null;
}

interface RequestIn {
  tour: number | null;
  site: number | null;
  district: number | null;
  category: RequestCategory;
  text: string;
  raisedBy: string;
  contact: string;
  raisedOn: string;
}

const holdsSeats = (s: RegistrationState) => s === "confirmed" || s === "attended" || s === "no_show";
const awaitsAnswer = (s: RequestStatus) => s === "open" || s === "referred";
const takesPeople = (t: Tour) => t.status === "open" || t.status === "full" || t.status === "done";

function longFa(iso: string): string {
  const d = gregorianToJalali(iso);
  return d ? formatJalaliLong(d, "fa") : fa(iso);
}

/** The tour day's command handler over the rest of the mock. */
export function createDayBackend(src: DaySources, { seed = true }: DayMockOptions = {}) {
  const marks = new Map<number, Map<number, Mark>>();
  const requests = new Map<number, StoredRequest>();
  const history = new Map<number, HistoryEntry[]>();
  let nextRequest = 1;

  // ---- check-in ---------------------------------------------------------------

  function marksOf(registration: number): Map<number, Mark> {
    let m = marks.get(registration);
    if (!m) {
      m = new Map();
      marks.set(registration, m);
    }
    return m;
  }

  function getRegistration(raw: unknown): Registration {
    const r = src.groups.registration(idArg(raw, "registration"));
    if (!r) throw notFound("registration", raw);
    return r;
  }

  function getTour(raw: unknown): Tour {
    const t = src.tours.get(idArg(raw, "tour"));
    if (!t) throw notFound("tour", raw);
    return t;
  }

  function sheetGroup(raw: Registration | number): SheetGroup {
    const r = typeof raw === "number" ? getRegistration(raw) : raw;
    const g = src.groups.group(r.group);
    const m = marks.get(r.id);
    const members = (g?.members ?? []).map((x) => {
      const mark = m?.get(x.id);
      return {
        id: x.id,
        fullName: x.fullName,
        isLeader: x.isLeader,
        stepFree: x.stepFree,
        present: mark ? mark.present : null,
        walkIn: mark?.how === "walk_in",
      };
    });
    return { registration: r, groupName: g?.name ?? "", members, present: members.filter((x) => x.present === true).length };
  }

  function sheet(rawTour: unknown): CheckinSheet {
    const tour = getTour(rawTour);
    const groups = src.groups.ofTour(tour.id).filter((r) => holdsSeats(r.state)).map(sheetGroup);
    return {
      tour,
      groups,
      expected: groups.reduce((s, g) => s + g.registration.seats, 0),
      present: groups.reduce((s, g) => s + g.present, 0),
      capacity: src.tours.capacity(tour.id),
    };
  }

  /** A registration that may be checked in on `tourId` today: holding seats, on this tour, on the tour's day. */
  function mayCheckIn(r: Registration, tourId: number): void {
    if (r.tour !== tourId) {
      const other = getTour(r.tour);
      throw conflict(
        `این کد برای تور دیگری است: ${longFa(other.date)} ساعت ${fa(other.departure)}`,
        `this code is for another tour: ${other.date} at ${other.departure}`,
      );
    }
    if (!holdsSeats(r.state)) {
      if (r.state === "waitlisted") {
        throw conflict("این گروه هنوز در فهرست انتظار است و صندلی ندارد", "the group is still on the waiting list and holds no seats");
      }
      if (r.state === "cancelled") throw conflict("ثبت‌نام این گروه لغو شده است", "the group's registration was cancelled");
      throw conflict("این ثبت‌نام هنوز تأیید نشده است", "the registration is not confirmed");
    }
    const t = getTour(tourId);
    if (t.date !== src.today()) {
      throw conflict(`این تور در روز ${longFa(t.date)} است، نه امروز`, `this tour is on ${t.date}, not today`);
    }
  }

  /** Brings the registration's state in line with its marks. */
  function settle(id: number, reason: string): void {
    const r = getRegistration(id);
    const m = [...marksOf(id).values()];
    const present = m.some((x) => x.present);
    const to: RegistrationState = present ? "attended" : m.length > 0 && r.state === "no_show" ? "no_show" : "confirmed";
    if (to !== r.state) src.groups.setState(id, to, reason);
  }

  function byCode(rawTour: unknown, rawCode: unknown): CheckedIn {
    const tourId = getTour(rawTour).id;
    const id = verifyCode(text(rawCode));
    const r = getRegistration(id);
    mayCheckIn(r, tourId);
    const already = r.state === "attended";
    if (!already) {
      const m = marksOf(id);
      for (const member of src.groups.group(r.group)?.members ?? []) {
        const mark = m.get(member.id);
        if (!mark || mark.how === "departure") m.set(member.id, { present: true, how: "code" });
      }
      settle(id, "checked in by code");
    }
    return { group: sheetGroup(id), already };
  }

  function mark(rawReg: unknown, rawMember: unknown, present: unknown): SheetGroup {
    const r = getRegistration(rawReg);
    mayCheckIn(r, r.tour);
    const member = idArg(rawMember, "member");
    if (!src.groups.group(r.group)?.members.some((x) => x.id === member)) throw notFound("member", member);
    if (present === true || present === false) marksOf(r.id).set(member, { present, how: "tick" });
    else marksOf(r.id).delete(member);
    settle(r.id, "attendance ticked");
    return sheetGroup(r.id);
  }

  function undo(rawReg: unknown): SheetGroup {
    const r = getRegistration(rawReg);
    if (!(r.state === "attended" || r.state === "no_show" || r.state === "confirmed")) {
      throw conflict("این گروه پذیرش نشده است", "the group was not checked in");
    }
    marks.delete(r.id);
    if (r.state !== "confirmed") src.groups.setState(r.id, "confirmed", "check-in undone");
    return sheetGroup(r.id);
  }

  function walkIn(rawReg: unknown, member: unknown, rawReason: unknown): SheetGroup {
    const reason = text(rawReason).trim();
    if (reason === "") throw invalid("reason", "دلیل افزودن همراه تازه را بنویسید", "write why a walk-in joins the group");
    const r = getRegistration(rawReg);
    mayCheckIn(r, r.tour);
    if (src.tours.capacity(r.tour) - src.groups.taken(r.tour) <= 0) {
      throw conflict("صندلی خالی نمانده است؛ همراه تازه جا نمی‌شود", "no seat is free for a walk-in");
    }
    const added = src.groups.addWalkIn(r.id, member, reason);
    marksOf(r.id).set(added.id, { present: true, how: "walk_in" });
    settle(r.id, "walk-in");
    return sheetGroup(r.id);
  }

  function closeDeparture(rawTour: unknown): Departed {
    const tour = getTour(rawTour);
    if (tour.date > src.today()) {
      throw conflict(`این تور هنوز حرکت نکرده است (${longFa(tour.date)})`, `the tour has not departed yet (${tour.date})`);
    }
    const out: Departed = { noShowGroups: 0, absentMembers: 0 };
    for (const r of src.groups.ofTour(tour.id).filter((x) => holdsSeats(x.state))) {
      const m = marksOf(r.id);
      const present = [...m.values()].some((x) => x.present);
      for (const member of src.groups.group(r.group)?.members ?? []) {
        if (!m.has(member.id)) {
          m.set(member.id, { present: false, how: "departure" });
          out.absentMembers++;
        }
      }
      if (!present && r.state !== "no_show") {
        src.groups.setState(r.id, "no_show", "nobody came by departure");
        out.noShowGroups++;
      }
    }
    return out;
  }

  // ---- requests ---------------------------------------------------------------

  function logHistory(id: number, action: string, detail: string, at = src.now()): void {
    const list = history.get(id) ?? [];
    list.push({ at, actor: src.actor(), action, detail });
    history.set(id, list);
  }

  function toDto(r: StoredRequest): CitizenRequest {
    return { ...wire(r), overdue: awaitsAnswer(r.status) && src.today() > r.dueOn };
  }

  function getRequest(raw: unknown): StoredRequest {
    const r = requests.get(idArg(raw, "request"));
    if (!r) throw notFound("request", raw);
    return r;
  }

  function tooLong(field: string, max: number): ApiError {
    return invalid(field, `متن بیش از ${fa(max)} نویسه است`, `longer than ${max} characters`);
  }

  function optionalId(v: unknown): number | null {
    return typeof v === "number" && Number.isInteger(v) ? v : null;
  }

  function readRequest(raw: unknown): RequestIn {
    const i = record(raw);
    if (!REQUEST_CATEGORIES.includes(i.category as RequestCategory)) {
      throw invalid("category", `دسته‌ی ${ltr(i.category)} شناخته نیست`, `unknown category ${String(i.category)}`);
    }
    const input: RequestIn = {
      tour: optionalId(i.tour),
      site: optionalId(i.site),
      district: optionalId(i.district),
      category: i.category as RequestCategory,
      text: text(i.text).trim(),
      raisedBy: text(i.raisedBy).trim(),
      contact: text(i.contact).trim(),
      raisedOn: parseAnyDate("raisedOn", text(i.raisedOn)),
    };
    if (input.text === "") throw invalid("text", "متن درخواست لازم است", "the request needs its text");
    if ([...input.text].length > MAX_TEXT_CHARS) throw tooLong("text", MAX_TEXT_CHARS);
    for (const [field, v] of [
      ["raisedBy", input.raisedBy],
      ["contact", input.contact],
    ] as const) {
      if ([...v].length > MAX_SHORT_CHARS) throw tooLong(field, MAX_SHORT_CHARS);
    }
    if (input.district !== null && (input.district < 1 || input.district > 15)) {
      throw invalid("district", "منطقه باید از ۱ تا ۱۵ باشد", "the district must be 1 to 15");
    }
    if (input.tour !== null) getTour(input.tour);
    if (input.site !== null) {
      const site = src.sites.get(input.site);
      if (!site) throw notFound("site", input.site);
      input.district ??= site.district;
    }
    return input;
  }

  function createRequest(raw: unknown, at?: string): CitizenRequest {
    const input = readRequest(raw);
    const due = dueDate(input.raisedOn) ?? input.raisedOn;
    const r: StoredRequest = {
      id: nextRequest++,
      ...input,
      dueOn: due,
      status: "open",
      department: "",
      referredOn: null,
      answer: "",
      answeredOn: null,
      reportedOn: null,
    };
    requests.set(r.id, r);
    logHistory(r.id, "request.create", `${r.category}, due ${due}`, at);
    return toDto(r);
  }

  function updateRequest(rawId: unknown, raw: unknown): CitizenRequest {
    const r = getRequest(rawId);
    const input = readRequest(raw);
    Object.assign(r, input, { dueOn: dueDate(input.raisedOn) ?? input.raisedOn });
    logHistory(r.id, "request.update", `due ${r.dueOn}`);
    return toDto(r);
  }

  function required(field: string, v: unknown, messageFa: string, messageEn: string): string {
    const s = text(v).trim();
    if (s === "") throw invalid(field, messageFa, messageEn);
    if ([...s].length > MAX_TEXT_CHARS) throw tooLong(field, MAX_TEXT_CHARS);
    return s;
  }

  function step(rawId: unknown, action: string, from: readonly RequestStatus[], change: (r: StoredRequest) => void, detail: string, at?: string) {
    const r = getRequest(rawId);
    if (!from.includes(r.status)) {
      throw conflict("این درخواست در این مرحله نیست", `a request that is ${r.status} cannot be ${action}`);
    }
    change(r);
    logHistory(r.id, `request.${action}`, detail, at);
    return toDto(r);
  }

  function refer(rawId: unknown, rawDepartment: unknown, on = src.today(), at?: string): CitizenRequest {
    const d = required("department", rawDepartment, "نام اداره یا معاونت را بنویسید", "name the department");
    return step(rawId, "referred", ["open", "referred"], (r) => Object.assign(r, { status: "referred", department: d, referredOn: on }), d, at);
  }

  function answer(rawId: unknown, rawAnswer: unknown, on = src.today(), at?: string): CitizenRequest {
    const a = required("answer", rawAnswer, "متن پاسخ را بنویسید", "write the answer");
    return step(rawId, "answered", ["open", "referred", "answered"], (r) => Object.assign(r, { status: "answered", answer: a, answeredOn: on }), a, at);
  }

  function reportBack(rawId: unknown, on = src.today(), at?: string): CitizenRequest {
    return step(rawId, "reported", ["answered"], (r) => Object.assign(r, { status: "reported", reportedOn: on }), "", at);
  }

  function isOverdue(r: StoredRequest, today: string): boolean {
    return awaitsAnswer(r.status) && r.dueOn < today;
  }

  function list(raw: unknown): CitizenRequest[] {
    const f = record(raw);
    if (f.status != null && !REQUEST_STATUSES.includes(f.status as RequestStatus)) {
      throw invalid("status", `وضعیت ${ltr(f.status)} شناخته نیست`, `unknown status ${String(f.status)}`);
    }
    if (f.category != null && !REQUEST_CATEGORIES.includes(f.category as RequestCategory)) {
      throw invalid("category", `دسته‌ی ${ltr(f.category)} شناخته نیست`, `unknown category ${String(f.category)}`);
    }
    const today = src.today();
    const words = normalizeFa(text(f.text)).split(/\s+/).filter((w) => w !== "");
    const department = text(f.department);
    return [...requests.values()]
      .filter(
        (r) =>
          (f.status == null || r.status === f.status) &&
          (department === "" || r.department === department) &&
          (f.district == null || r.district === f.district) &&
          (f.site == null || r.site === f.site) &&
          (f.tour == null || r.tour === f.tour) &&
          (f.category == null || r.category === f.category) &&
          (f.overdueOnly !== true || isOverdue(r, today)),
      )
      .filter((r) => {
        if (words.length === 0) return true;
        const hay = normalizeFa(`${r.text} ${r.raisedBy} ${r.contact} ${r.department} ${r.answer}`);
        return words.every((w) => hay.includes(w));
      })
      .sort(
        (a, b) =>
          Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
          (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
          a.id - b.id,
      )
      .map(toDto);
  }

  function detail(rawId: unknown): RequestDetail {
    const r = getRequest(rawId);
    return { request: toDto(r), history: wire(history.get(r.id) ?? []) };
  }

  function departments(): string[] {
    return [...new Set([...requests.values()].map((r) => r.department).filter((d) => d !== ""))].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
  }

  // ---- the Dashboard and the reports --------------------------------------------

  function presentOn(tour: number): number {
    let n = 0;
    for (const r of src.groups.ofTour(tour)) for (const m of marks.get(r.id)?.values() ?? []) if (m.present) n++;
    return n;
  }

  function figures(): DashboardFigures {
    const today = src.today();
    const p = src.programme();
    const tours = src.tours.all();
    let seatsFilled = 0;
    let seatsOffered = 0;
    const todayTours: TodayTour[] = [];
    for (const t of tours) {
      const taken = src.groups.taken(t.id);
      seatsFilled += taken;
      if (takesPeople(t)) seatsOffered += src.tours.capacity(t.id);
      if (t.date === today && t.status !== "cancelled") {
        todayTours.push({
          tour: t,
          capacity: src.tours.capacity(t.id),
          taken,
          present: presentOn(t.id),
          waitingGroups: src.groups.ofTour(t.id).filter((r) => r.state === "waitlisted").length,
        });
      }
    }
    const all = src.groups.all();
    const waiting = all.filter((r) => r.state === "waitlisted");
    const attended = all.filter((r) => r.state === "attended").length;
    const noShow = all.filter((r) => r.state === "no_show").length;
    let visitors = 0;
    for (const m of marks.values()) for (const x of m.values()) if (x.present) visitors++;
    const week = addDays(today, 6);
    const owed = [...requests.values()].filter((r) => awaitsAnswer(r.status));
    const day = p ? (isoDayNumber(today) ?? 0) - (isoDayNumber(p.input.starts) ?? 0) : -1;
    return {
      today,
      programmeDay: p && day >= 0 && day < p.input.lengthDays ? day + 1 : null,
      programmeDays: p?.input.lengthDays ?? 0,
      programmeTitle: p?.input.title ?? null,
      todayTours,
      seatsFilled,
      seatsOffered,
      visitors,
      waitingGroups: waiting.length,
      waitingSeats: waiting.reduce((s, r) => s + r.seats, 0),
      waitingForDates: src.groups.waitingForDates(),
      noShowRate: attended + noShow > 0 ? noShow / (attended + noShow) : null,
      requests: {
        open: owed.length,
        dueThisWeek: owed.filter((r) => r.dueOn >= today && r.dueOn <= week).length,
        overdue: owed.filter((r) => r.dueOn < today).length,
        total: requests.size,
      },
    };
  }

  function reports(): Reports {
    const tours = src.tours.all();
    const byDate = new Map<string, number>();
    const bySite = new Map<number, number>();
    for (const t of tours) {
      const n = presentOn(t.id);
      if (n === 0) continue;
      byDate.set(t.date, (byDate.get(t.date) ?? 0) + n);
      for (const s of src.tours.stops(t.id)) bySite.set(s, (bySite.get(s) ?? 0) + n);
    }
    const byDistrict = new Map<number, number>();
    for (const [s, n] of bySite) {
      const d = src.sites.get(s)?.district;
      if (d !== undefined) byDistrict.set(d, (byDistrict.get(d) ?? 0) + n);
    }
    const all = [...requests.values()];
    return {
      visitorsPerDay: [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, visitors]) => ({ date, visitors })),
      fillPerTour: tours
        .filter(takesPeople)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.departure < b.departure ? -1 : a.departure > b.departure ? 1 : a.id - b.id))
        .map((t) => ({
          tour: t.id,
          date: t.date,
          departure: t.departure,
          capacity: src.tours.capacity(t.id),
          taken: src.groups.taken(t.id),
          present: presentOn(t.id),
        })),
      visitorsPerSite: [...bySite]
        .map(([site, visitors]) => ({ site, name: src.sites.get(site)?.name ?? "", visitors }))
        .sort((a, b) => b.visitors - a.visitors || a.site - b.site),
      visitorsPerDistrict: [...byDistrict].sort(([a], [b]) => a - b),
      requestsByCategory: REQUEST_CATEGORIES.map((c) => [c, all.filter((r) => r.category === c).length]),
      requestsByStatus: REQUEST_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length]),
    };
  }

  function fileSave(raw: unknown): null {
    const bytes = raw instanceof Uint8Array ? raw : raw instanceof ArrayBuffer ? new Uint8Array(raw) : null;
    if (!bytes) throw invalid("file", "پرونده به شکل داده‌ی خام فرستاده نشد", "the file was not sent as raw bytes");
    src.saved?.(bytes);
    return null;
  }

  // ---- seed ---------------------------------------------------------------------

  if (seed) {
    const today = src.today();
    const j = (year: number, month: number, day: number) => jalaliToGregorian({ year, month, day });
    /** 09:00 in Isfahan on `iso`. */
    const at = (iso: string) => `${iso}T05:30:00+00:00`;
    const sites = [1, 2].filter((s) => src.sites.get(s) !== null);
    const site = (i: number) => sites[i] ?? null;
    const todayTour = src.tours.all().find((t) => t.date === today && t.status === "open")?.id ?? null;
    for (const s of SEED_REQUESTS) {
      const raisedOn = j(...s.raised);
      if (raisedOn > today) continue;
      const r = createRequest(
        {
          tour: s.onTodaysTour ? todayTour : null,
          site: s.site === undefined ? null : site(s.site),
          district: s.district ?? null,
          category: s.category,
          text: s.text,
          raisedBy: s.raisedBy,
          contact: s.contact,
          raisedOn,
        },
        at(raisedOn),
      );
      if (s.referred) refer(r.id, s.referred[0], j(...s.referred[1]), at(j(...s.referred[1])));
      if (s.answered) answer(r.id, s.answered[0], j(...s.answered[1]), at(j(...s.answered[1])));
      if (s.reported) reportBack(r.id, j(...s.reported), at(j(...s.reported)));
    }
  }

  return function handle(command: string, args: unknown): unknown {
    const a = args instanceof Uint8Array || args instanceof ArrayBuffer ? {} : record(args);
    switch (command) {
      case "checkin_sheet":
        return sheet(a.tour);
      case "checkin_code":
        return byCode(a.tour, a.code);
      case "checkin_mark":
        return mark(a.registration, a.member, a.present);
      case "checkin_undo":
        return undo(a.registration);
      case "checkin_walk_in":
        return walkIn(a.registration, a.member, a.reason);
      case "checkin_close_departure":
        return closeDeparture(a.tour);
      case "requests_list":
        return list(a.filter);
      case "request_get":
        return detail(a.id);
      case "request_create":
        return createRequest(a.input);
      case "request_update":
        return updateRequest(a.id, a.input);
      case "request_refer":
        return refer(a.id, a.department);
      case "request_answer":
        return answer(a.id, a.answer);
      case "request_report":
        return reportBack(a.id);
      case "request_departments":
        return departments();
      case "dashboard_figures":
        return figures();
      case "reports_get":
        return reports();
      case "file_save":
        return fileSave(args);
      default:
        throw {
          code: "internal",
          message: `unknown command ${command}`,
          messageFa: `فرمان ${ltr(command)} شناخته نیست`,
        } satisfies ApiError;
    }
  };
}

// ---------------------------------------------------------------------------
// Seed data

type Ymd = [number, number, number];

interface SeedRequest {
  raised: Ymd;
  category: RequestCategory;
  text: string;
  raisedBy: string;
  contact: string;
  /** Index into the mock's first sites (Zeynabieh, the 4th ring road). */
  site?: number;
  district?: number;
  onTodaysTour?: boolean;
  referred?: [string, Ymd];
  answered?: [string, Ymd];
  reported?: Ymd;
}

/**
 * Raised on tours since Tir 1405; the mock's today is 8 Azar 1405. The
 * lighting request (raised 20 Mordad, due 20 Aban) is overdue; the bus
 * stop (raised 10 Shahrivar, due 10 Azar) is due this week.
 */
const SEED_REQUESTS: readonly SeedRequest[] = [
  {
    raised: [1405, 4, 5],
    category: "cleanliness",
    text: "نخاله‌های ساختمانی کنار دیوار کارگاه در خیابان شهید کشوری جمع‌آوری شود",
    raisedBy: "فرشته امینی",
    contact: "09131230000",
    district: 14,
    referred: ["سازمان مدیریت پسماند", [1405, 4, 7]],
    answered: ["نخاله‌ها در هفته‌ی دوم تیر جمع‌آوری شد", [1405, 4, 20]],
    reported: [1405, 4, 22],
  },
  {
    raised: [1405, 5, 20],
    category: "lighting",
    text: "روشنایی مسیر پیاده کنار کارگاه ایستگاه زینبیه شب‌ها کافی نیست و عابران از سواره‌رو می‌گذرند",
    raisedBy: "حسین رضایی",
    contact: "09132221100",
    site: 0,
    referred: ["معاونت خدمات شهری", [1405, 5, 25]],
  },
  {
    raised: [1405, 6, 10],
    category: "transport",
    text: "ایستگاه اتوبوس خط ۹۱ که برای کارگاه جابه‌جا شده، سایبان و نیمکت ندارد",
    raisedBy: "زهرا کریمی",
    contact: "",
    site: 1,
    referred: ["سازمان حمل‌ونقل و ترافیک", [1405, 6, 12]],
  },
  {
    raised: [1405, 7, 15],
    category: "roads",
    text: "چاله‌های خیابان ورودی تقاطع کمربندی چهارم پیش از بارندگی ترمیم شود",
    raisedBy: "محمد نوروزی",
    contact: "09135557788",
    site: 1,
    referred: ["معاونت عمران شهری", [1405, 7, 16]],
    answered: ["ترمیم آسفالت این خیابان در برنامه‌ی آذر ماه قرار گرفت", [1405, 8, 30]],
  },
  {
    raised: [1405, 9, 8],
    category: "projects",
    text: "زمان بهره‌برداری از ایستگاه زینبیه و باز شدن ورودی شمالی آن اعلام شود",
    raisedBy: "مریم صادقی",
    contact: "09131112233",
    site: 0,
    onTodaysTour: true,
  },
];
