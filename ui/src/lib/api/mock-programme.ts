/**
 * The programme commands of the in-memory backend: the programme, the
 * departures generated from it (preview and apply by fingerprint), holidays
 * with Iran's official 1405 list and CSV import/export, the calendar month
 * and the demo programme. Rules and messages follow the core. The state is
 * kept in the same key-value store as the settings, so a reload keeps it.
 */
import type { ApiError } from "./bindings/ApiError";
import type { CalendarDay } from "./bindings/CalendarDay";
import type { CalendarTour } from "./bindings/CalendarTour";
import type { DayOff } from "./bindings/DayOff";
import type { DemoInstalled } from "./bindings/DemoInstalled";
import type { DeparturesApplied } from "./bindings/DeparturesApplied";
import type { DeparturesPlan } from "./bindings/DeparturesPlan";
import type { Holiday } from "./bindings/Holiday";
import type { Programme } from "./bindings/Programme";
import type { ProgrammeInput } from "./bindings/ProgrammeInput";
import type { Slot } from "./bindings/Slot";
import type { Tour } from "./bindings/Tour";
import type { TourStatus } from "./bindings/TourStatus";
import type { Weekday } from "./bindings/Weekday";
import {
  MAX_YEAR,
  MIN_YEAR,
  daysInMonth,
  gregorianToJalali,
  isoDayNumber,
  isoFromDayNumber,
  jalaliToGregorian,
  parseIso,
  weekdayOf,
} from "../dates/calendar";
import { describeProblem, parseJalali } from "../dates/format";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";
import { WEEKDAYS } from "../settings/rules";

/** Where the programme's state is kept in the store. */
export const PROGRAMME_KEY = "gardesh.mock.programme";

/** The last CSV "written" by `holidays_export_csv`, for tests to read. */
export const EXPORT_KEY = "gardesh.mock.holidaysCsv";

/**
 * Commands that exist only in the mock, to put data into states the UI
 * cannot reach yet (a tour taking registrations is opened by the Tours
 * feature, which is still to come).
 */
export const MOCK_ONLY_COMMANDS = ["mock_set_tour_status"] as const;

interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Closure {
  site: number;
  nameFa: string;
  starts: string;
  ends: string;
  reason: string;
}

interface State {
  programme: Programme | null;
  holidays: Holiday[];
  tours: Tour[];
  nextTourId: number;
  /** How many sites the demo created (the Sites feature keeps its own list). */
  sites: number;
  closures: Closure[];
}

function emptyState(): State {
  return { programme: null, holidays: [], tours: [], nextTourId: 1, sites: 0, closures: [] };
}

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function invalid(message: string, messageFa: string): ApiError {
  return { code: "invalid_input", message, messageFa };
}

/** A Latin value inside Persian text, isolated left to right. */
function ltr(value: unknown): string {
  return `\u2066${String(value)}\u2069`;
}

const fa = (value: string | number) => toPersianDigits(String(value));

// ---------------------------------------------------------------------------
// Dates and times

function addDays(iso: string, days: number): string {
  return isoFromDayNumber((isoDayNumber(iso) ?? 0) + days);
}

function weekdayOfIso(iso: string): Weekday {
  const j = gregorianToJalali(iso);
  return j ? weekdayOf(j) : "saturday";
}

/** A time as the core reads one (`8`, `8:30`, `۰۸:۳۰`, `0830`), as "HH:MM"; null otherwise. */
function parseTime(text: string): string | null {
  const s = toLatinDigits(text.trim());
  let h: string;
  let m: string;
  const parts = s.split(/[:.\u066B]/);
  if (parts.length === 2) [h, m] = [(parts[0] ?? "").trim(), (parts[1] ?? "").trim()];
  else if (parts.length > 2) return null;
  else if (/^[0-9]{4}$/.test(s)) [h, m] = [s.slice(0, 2), s.slice(2)];
  else [h, m] = [s, "0"];
  if (!/^[0-9]+$/.test(h) || !/^[0-9]+$/.test(m)) return null;
  const [hours, minutes] = [Number(h), Number(m)];
  if (minutes >= 60 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

function badTime(input: string): ApiError {
  return invalid(`“${input}” is not a time; write it as 08:30`, `«${input}» ساعت نیست؛ به شکل ۰۸:۳۰ بنویسید`);
}

function badDate(field: string, value: unknown): ApiError {
  return invalid(
    `${field}: ${String(value)} is not a date (YYYY-MM-DD)`,
    `${ltr(field)}: ${ltr(String(value))} تاریخ نیست (سال-ماه-روز)`,
  );
}

// ---------------------------------------------------------------------------
// The programme

/** Checks a programme as the core does; returns it normalised, or the error. */
export function validateProgrammeInput(raw: unknown): ProgrammeInput | ApiError {
  if (typeof raw !== "object" || raw === null) return invalid("input must be an object", "ورودی باید یک شیء باشد");
  const p = raw as Record<string, unknown>;
  if (typeof p.starts !== "string" || !parseIso(p.starts)) return badDate("starts", p.starts);
  if (!Array.isArray(p.departures) || !p.departures.every((d) => typeof d === "string")) {
    return invalid("departures must be a list of times", "ساعت‌های حرکت باید فهرست باشند");
  }
  const departures: string[] = [];
  for (const text of p.departures as string[]) {
    const time = parseTime(text);
    if (time === null) return badTime(text);
    departures.push(time);
  }
  if (typeof p.dayEnds !== "string") return badTime(String(p.dayEnds));
  const dayEnds = parseTime(p.dayEnds);
  if (dayEnds === null) return badTime(p.dayEnds);
  if (!Array.isArray(p.runDays) || !p.runDays.every((d) => WEEKDAYS.includes(d as Weekday))) {
    return invalid("runDays must be weekdays", "روزهای تور باید روزهای هفته باشند");
  }
  const whole = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
  if (!whole(p.lengthDays) || !whole(p.defaultSeats)) {
    return invalid("lengthDays and defaultSeats must be whole numbers", "طول برنامه و ظرفیت باید عدد صحیح باشند");
  }
  if (typeof p.title !== "string" || typeof p.meetingPoint !== "string") {
    return invalid("title and meetingPoint must be text", "عنوان و محل قرار باید متن باشند");
  }

  const title = p.title.trim();
  if (title === "") return invalid("the programme needs a title", "عنوان برنامه لازم است");
  if ([...title].length > 200) return invalid("the title is at most 200 characters", "عنوان برنامه حداکثر ۲۰۰ نویسه است");
  const lengthDays = p.lengthDays as number;
  if (lengthDays < 1 || lengthDays > 366) {
    return invalid(`a programme lasts 1 to 366 days, not ${lengthDays}`, `طول برنامه بین ۱ و ۳۶۶ روز است، نه ${fa(lengthDays)}`);
  }
  const runDays = WEEKDAYS.filter((d) => (p.runDays as string[]).includes(d));
  if (runDays.length === 0) return invalid("at least one weekday must run tours", "دست‌کم یک روز هفته باید تور داشته باشد");
  const times = [...new Set(departures)].sort();
  if (times.length === 0) return invalid("at least one departure time is needed", "دست‌کم یک ساعت حرکت لازم است");
  if (times.length > 12) return invalid("at most 12 departures a day", "حداکثر ۱۲ ساعت حرکت در روز");
  const late = times.find((t) => t >= dayEnds);
  if (late !== undefined) {
    return invalid(
      `the departure at ${late} is after the end of the day (${dayEnds})`,
      `ساعت حرکت ${fa(late)} پس از پایان روز (${fa(dayEnds)}) است`,
    );
  }
  const defaultSeats = p.defaultSeats as number;
  if (defaultSeats < 1 || defaultSeats > 200) return invalid("a bus has 1 to 200 seats", "ظرفیت اتوبوس بین ۱ و ۲۰۰ صندلی است");
  const meetingPoint = p.meetingPoint.trim();
  if ([...meetingPoint].length > 300) {
    return invalid("the meeting point is at most 300 characters", "محل قرار حداکثر ۳۰۰ نویسه است");
  }
  return { title, starts: p.starts, lengthDays, runDays, departures: times, defaultSeats, meetingPoint, dayEnds };
}

function isError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && "code" in value && "messageFa" in value;
}

function endsOf(input: ProgrammeInput): string {
  return addDays(input.starts, Math.max(1, input.lengthDays) - 1);
}

function dayNumberIn(p: Programme, iso: string): number | null {
  const n = (isoDayNumber(iso) ?? 0) - (isoDayNumber(p.input.starts) ?? 0);
  return n >= 0 && n < p.input.lengthDays ? n + 1 : null;
}

/** The slots the pattern asks for: each departure on each running day, but weekend days and holidays. */
function slotsOf(p: Programme, weekend: readonly Weekday[], holidays: readonly Holiday[]): Slot[] {
  const off = new Set(holidays.map((h) => h.date));
  const out: Slot[] = [];
  for (let n = 0; n < p.input.lengthDays; n++) {
    const date = addDays(p.input.starts, n);
    const wd = weekdayOfIso(date);
    if (weekend.includes(wd) || !p.input.runDays.includes(wd) || off.has(date)) continue;
    for (const departure of p.input.departures) out.push({ date, departure });
  }
  return out;
}

const slotKey = (s: { date: string; departure: string }) => `${s.date} ${s.departure}`;

const byDateAndTime = (a: Tour, b: Tour) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.departure < b.departure ? -1 : a.departure > b.departure ? 1 : a.id - b.id;

/** A 64-bit FNV-1a hash of `text`, as 16 hex digits. */
function fingerprintOf(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

function noProgramme(): ApiError {
  return { code: "not_found", message: "programme current not found", messageFa: "هنوز برنامه‌ای ساخته نشده است" };
}

// ---------------------------------------------------------------------------
// Holidays

/** Iran's official holidays of 1405 AP, as the core lists them; lunar ones need checking. */
export const OFFICIAL_1405: readonly Holiday[] = (
  [
    ["2026-03-21", "جشن نوروز؛ عید سعید فطر", "Nowruz; Eid al-Fitr", true],
    ["2026-03-22", "عید نوروز؛ تعطیل به مناسبت عید فطر", "Nowruz holiday; Eid al-Fitr holiday", true],
    ["2026-03-23", "عید نوروز", "Nowruz holiday", false],
    ["2026-03-24", "عید نوروز", "Nowruz holiday", false],
    ["2026-04-01", "روز جمهوری اسلامی", "Islamic Republic Day", false],
    ["2026-04-02", "روز طبیعت", "Nature Day", false],
    ["2026-04-14", "شهادت امام جعفر صادق (ع)", "Martyrdom of Imam Ja'far al-Sadiq", true],
    ["2026-05-27", "عید سعید قربان", "Eid al-Adha", true],
    ["2026-06-04", "رحلت امام خمینی؛ عید غدیر خم", "Death of Imam Khomeini; Eid al-Ghadir", true],
    ["2026-06-05", "قیام ۱۵ خرداد", "15 Khordad Uprising", false],
    ["2026-06-24", "تاسوعای حسینی", "Tasua", true],
    ["2026-06-25", "عاشورای حسینی", "Ashura", true],
    ["2026-08-04", "اربعین حسینی", "Arbaeen", true],
    ["2026-08-12", "رحلت رسول اکرم؛ شهادت امام حسن مجتبی (ع)", "Death of the Prophet; Martyrdom of Imam Hasan", true],
    ["2026-08-13", "شهادت امام رضا (ع)", "Martyrdom of Imam Reza", true],
    ["2026-08-21", "شهادت امام حسن عسکری (ع)", "Martyrdom of Imam Hasan al-Askari", true],
    ["2026-08-30", "میلاد رسول اکرم و امام جعفر صادق (ع)", "Birthday of the Prophet and Imam Ja'far al-Sadiq", true],
    ["2026-11-13", "شهادت حضرت فاطمه زهرا (س)", "Martyrdom of Fatima", true],
    ["2026-12-23", "ولادت امام علی (ع) و روز پدر", "Birthday of Imam Ali; Father's Day", true],
    ["2027-01-06", "مبعث رسول اکرم (ص)", "Mab'ath", true],
    ["2027-01-24", "ولادت حضرت قائم (عج)", "Birthday of Imam Mahdi", true],
    ["2027-02-11", "پیروزی انقلاب اسلامی", "Islamic Revolution Day", false],
    ["2027-03-01", "شهادت حضرت علی (ع)", "Martyrdom of Imam Ali", true],
    ["2027-03-10", "عید سعید فطر", "Eid al-Fitr", true],
    ["2027-03-11", "تعطیل به مناسبت عید فطر", "Eid al-Fitr holiday", true],
    ["2027-03-20", "روز ملی شدن صنعت نفت", "Oil Nationalization Day", false],
  ] as const
).map(([date, nameFa, nameEn, needsCheck]) => ({ date, nameFa, nameEn, needsCheck }));

function validateHoliday(raw: unknown): Holiday | ApiError {
  if (typeof raw !== "object" || raw === null) return invalid("holiday must be an object", "تعطیلی باید یک شیء باشد");
  const h = raw as Record<string, unknown>;
  if (typeof h.date !== "string" || !parseIso(h.date)) return badDate("date", h.date);
  if (typeof h.nameFa !== "string" || typeof h.nameEn !== "string" || typeof h.needsCheck !== "boolean") {
    return invalid("a holiday has nameFa, nameEn and needsCheck", "تعطیلی نام فارسی، نام انگلیسی و نیاز به بررسی دارد");
  }
  const nameFa = h.nameFa.trim();
  if (nameFa === "") return invalid("a holiday needs a name", "نام تعطیلی لازم است");
  if ([...nameFa].length > 200 || [...h.nameEn].length > 200) {
    return invalid("a holiday's name is at most 200 characters", "نام تعطیلی حداکثر ۲۰۰ نویسه است");
  }
  return { date: h.date, nameFa, nameEn: h.nameEn.trim(), needsCheck: h.needsCheck };
}

/** Rows of a CSV text (RFC 4180 quoting), each with the line it starts on. */
function csvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((x) => x !== "") || cells.length > 1) rows.push({ line: start, cells });
      cells = [];
      cell = "";
      line++;
      start = line;
    } else cell += c;
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: start, cells });
  }
  return rows;
}

function fileError(message: string, messageFa: string): ApiError {
  return invalid(message, messageFa);
}

/** Reads holidays from CSV as the core does: every row checked; the first bad one named by its line. */
export function holidaysFromCsv(bytes: Uint8Array): Holiday[] | ApiError {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return fileError("the file is not UTF-8 text", "پرونده UTF-8 نیست");
  }
  const [header, ...rows] = csvRows(text);
  if (!header) return fileError("the header row could not be read", "سطر عنوان خوانده نشد");
  const col = (name: string) => header.cells.findIndex((h) => h.trim() === name);
  const cDate = col("date") >= 0 ? col("date") : col("date_jalali");
  const cFa = col("name_fa");
  if (cDate < 0 || cFa < 0) return fileError("the columns date and name_fa are needed", "ستون‌های date و name_fa لازم است");
  const [cEn, cCheck] = [col("name_en"), col("needs_check")];
  const out: Holiday[] = [];
  for (const [i, row] of rows.entries()) {
    const line = i + 2;
    const raw = (row.cells[cDate] ?? "").trim();
    const latin = toLatinDigits(raw);
    let date: string;
    if (parseIso(latin) && latin.startsWith("2")) date = latin;
    else {
      const parsed = parseJalali(raw);
      if (!parsed.ok) {
        return fileError(
          `line ${line}: ${describeProblem(parsed.problem, "en")}`,
          `سطر ${fa(line)}: ${describeProblem(parsed.problem, "fa")}`,
        );
      }
      date = jalaliToGregorian(parsed.value);
    }
    const checked = validateHoliday({
      date,
      nameFa: row.cells[cFa] ?? "",
      nameEn: cEn >= 0 ? (row.cells[cEn] ?? "") : "",
      needsCheck: cCheck >= 0 && ["1", "true", "yes", "بله"].includes((row.cells[cCheck] ?? "").trim()),
    });
    if (isError(checked)) {
      return fileError(`line ${line}: ${checked.message}`, `سطر ${fa(line)}: ${checked.messageFa}`);
    }
    out.push(checked);
  }
  return out;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The holidays as the core writes them: `date,date_jalali,name_fa,name_en,needs_check`. */
export function holidaysToCsv(list: readonly Holiday[]): string {
  const lines = ["date,date_jalali,name_fa,name_en,needs_check"];
  for (const h of list) {
    const j = gregorianToJalali(h.date);
    const jalali = j ? `${j.year}/${String(j.month).padStart(2, "0")}/${String(j.day).padStart(2, "0")}` : "";
    lines.push([h.date, jalali, h.nameFa, h.nameEn, h.needsCheck ? "1" : "0"].map(csvCell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------------------
// The demo programme

const DEMO_SITES = [
  "ایستگاه زینبیه (خط ۲ مترو)",
  "ایستگاه عمان سامانی (خط ۲ مترو)",
  "ایستگاه شاهد (خط ۲ مترو)",
  "تونل خط ۲ مترو — ایستگاه خلجا",
  "ایستگاه کهندژ (خط ۲ مترو)",
  "ایستگاه سی‌وسه‌پل (خط ۱ مترو)",
  "ایستگاه امام حسین (خط ۱ مترو)",
  "کنارگذر حلقه‌ی چهارم — تقاطع شمالی",
  "پل بزرگ حلقه‌ی چهارم بر زاینده‌رود",
  "زیرگذر حلقه‌ی چهارم — جاده‌ی نجف‌آباد",
  "پیاده‌راه‌سازی چهارباغ عباسی",
  "بازسازی میدان امام علی (میدان عتیق)",
  "میدان نقش جهان — بهسازی جداره",
  "پایانه‌ی دپوی درک (خط ۲ مترو)",
] as const;

export const DEMO_PROGRAMME: Readonly<ProgrammeInput> = {
  title: "دور اصفهان در ۸۰ روز — نمونه",
  starts: "2026-12-22",
  lengthDays: 80,
  runDays: ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday"],
  departures: ["08:00", "13:00"],
  defaultSeats: 25,
  meetingPoint: "میدان امام حسین، جلوی ساختمان مرکزی شهرداری",
  dayEnds: "18:00",
};

// ---------------------------------------------------------------------------

/** What the calendar says of a departure besides the tour itself. */
export type DepartureFacts = Pick<CalendarTour, "capacity" | "feasible">;

export interface ProgrammeMockOptions {
  /** The weekend days of the saved settings. */
  weekendDays: () => readonly Weekday[];
  /**
   * Capacity and feasibility of the tours between two dates (inclusive), by
   * tour id, as the tours part times them. Without it, or for a tour it does
   * not know, a departure's capacity is its seats and it counts as feasible.
   */
  departures?: (from: string, to: string) => ReadonlyMap<number, DepartureFacts>;
}

/** The programme part of the mock backend over `store`. */
export function createProgrammeMock(store: Store, options: ProgrammeMockOptions) {
  function load(): State {
    const raw = store.getItem(PROGRAMME_KEY);
    if (raw === null) return emptyState();
    try {
      return { ...emptyState(), ...(JSON.parse(raw) as Partial<State>) };
    } catch {
      return emptyState();
    }
  }

  function keep(state: State): void {
    store.setItem(PROGRAMME_KEY, JSON.stringify(state));
  }

  function planOf(state: State): DeparturesPlan {
    const p = state.programme;
    if (!p) throw noProgramme();
    const wanted = new Set(slotsOf(p, options.weekendDays(), state.holidays).map(slotKey));
    const have = new Set(state.tours.map(slotKey));
    const add = slotsOf(p, options.weekendDays(), state.holidays).filter((s) => !have.has(slotKey(s)));
    const remove: Tour[] = [];
    const kept: Tour[] = [];
    let unchanged = 0;
    for (const t of state.tours.slice().sort(byDateAndTime)) {
      if (wanted.has(slotKey(t))) unchanged++;
      else if (t.status === "draft") remove.push(t);
      else kept.push(t);
    }
    const fingerprint = fingerprintOf(
      JSON.stringify([
        add,
        [...remove, ...kept].map((t) => [t.id, t.date, t.departure, t.status]),
        remove.length,
        unchanged,
      ]),
    );
    return { add, remove, keep: kept, unchanged, fingerprint };
  }

  function addTours(state: State, slots: readonly Slot[]): void {
    const p = state.programme;
    if (!p) return;
    for (const s of slots) {
      state.tours.push({
        id: state.nextTourId++,
        date: s.date,
        departure: s.departure,
        meetingPoint: p.input.meetingPoint,
        seats: p.input.defaultSeats,
        status: "draft",
        notes: "",
      });
    }
  }

  function upsertHolidays(state: State, list: readonly Holiday[], replace: boolean): void {
    for (const h of list) {
      const i = state.holidays.findIndex((x) => x.date === h.date);
      if (i < 0) state.holidays.push(wire(h));
      else if (replace) state.holidays[i] = wire(h);
    }
    state.holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  function calendarMonth(state: State, year: unknown, month: unknown): CalendarDay[] {
    if (
      typeof year !== "number" ||
      typeof month !== "number" ||
      !Number.isInteger(year) ||
      !Number.isInteger(month) ||
      year < MIN_YEAR ||
      year > MAX_YEAR ||
      month < 1 ||
      month > 12
    ) {
      throw invalid(`${String(year)}/${String(month)} is not a month`, `${ltr(`${String(year)}/${String(month)}`)} ماه نیست`);
    }
    const weekend = options.weekendDays();
    const p = state.programme;
    const last = daysInMonth(year, month);
    const facts = options.departures?.(jalaliToGregorian({ year, month, day: 1 }), jalaliToGregorian({ year, month, day: last }));
    const entry = (tour: Tour): CalendarTour => ({
      tour: wire(tour),
      capacity: facts?.get(tour.id)?.capacity ?? tour.seats,
      feasible: facts?.get(tour.id)?.feasible ?? true,
    });
    const days: CalendarDay[] = [];
    for (let day = 1; day <= last; day++) {
      const jalali = { year, month, day };
      const date = jalaliToGregorian(jalali);
      const weekday = weekdayOf(jalali);
      const holiday = state.holidays.find((h) => h.date === date) ?? null;
      const programmeDay = p ? dayNumberIn(p, date) : null;
      let off: DayOff | null = null;
      if (weekend.includes(weekday)) off = { kind: "weekend", name: "" };
      else if (holiday) off = { kind: "holiday", name: holiday.nameFa };
      else if (programmeDay !== null && p && !p.input.runDays.includes(weekday)) off = { kind: "not_a_running_day", name: "" };
      days.push({
        date,
        jalali,
        weekday,
        programmeDay,
        off,
        holiday,
        closures: state.closures
          .filter((c) => c.starts <= date && date <= c.ends)
          .map((c) => ({ site: c.site, nameFa: c.nameFa, reason: c.reason })),
        tours: state.tours
          .filter((t) => t.date === date)
          .sort(byDateAndTime)
          .map(entry),
      });
    }
    return days;
  }

  function demoInstall(state: State): DemoInstalled {
    if (state.programme || state.sites > 0) {
      throw {
        code: "conflict",
        message: "the database is not empty; the demo programme is only created in an empty database",
        messageFa: "پایگاه داده خالی نیست؛ برنامه‌ی نمونه فقط در پایگاه داده‌ی خالی ساخته می‌شود",
      } satisfies ApiError;
    }
    state.sites = DEMO_SITES.length;
    state.closures = [
      { site: 1, nameFa: DEMO_SITES[0], starts: "2027-01-09", ends: "2027-01-15", reason: "بتن‌ریزی سقف ایستگاه" },
    ];
    upsertHolidays(state, OFFICIAL_1405, false);
    const input = wire(DEMO_PROGRAMME) as ProgrammeInput;
    state.programme = { id: 1, input, ends: endsOf(input), demo: true };
    const plan = planOf(state);
    addTours(state, plan.add);
    return { sites: DEMO_SITES.length, holidays: OFFICIAL_1405.length, tours: plan.add.length };
  }

  const HANDLED = new Set<string>([
    "programme_get",
    "programme_save",
    "departures_plan",
    "departures_apply",
    "holidays_list",
    "holiday_save",
    "holiday_remove",
    "holidays_add_official_1405",
    "holidays_import_csv",
    "holidays_export_csv",
    "calendar_month",
    "tours_between",
    "demo_offer",
    "demo_install",
    ...MOCK_ONLY_COMMANDS,
  ]);

  function handle(command: string, args: unknown): unknown {
    const a = (typeof args === "object" && args !== null ? args : {}) as Record<string, unknown>;
    const state = load();
    switch (command) {
      case "programme_get":
        return wire(state.programme);
      case "programme_save": {
        const input = validateProgrammeInput(wire(a.input ?? null));
        if (isError(input)) throw input;
        const id = state.programme?.id ?? 1;
        state.programme = { id, input, ends: endsOf(input), demo: state.programme?.demo ?? false };
        keep(state);
        return wire(state.programme);
      }
      case "departures_plan":
        return planOf(state);
      case "departures_apply": {
        const plan = planOf(state);
        if (plan.fingerprint !== a.fingerprint) {
          throw {
            code: "conflict",
            message: "the departures changed since the preview; review the new preview",
            messageFa: "برنامه از زمان پیش‌نمایش تغییر کرده است؛ پیش‌نمایش را دوباره ببینید",
          } satisfies ApiError;
        }
        addTours(state, plan.add);
        const gone = new Set(plan.remove.map((t) => t.id));
        state.tours = state.tours.filter((t) => !(gone.has(t.id) && t.status === "draft"));
        keep(state);
        return { added: plan.add.length, removed: plan.remove.length, kept: plan.keep.length } satisfies DeparturesApplied;
      }
      case "holidays_list":
        return wire(state.holidays);
      case "holiday_save": {
        const holiday = validateHoliday(wire(a.holiday ?? null));
        if (isError(holiday)) throw holiday;
        upsertHolidays(state, [holiday], true);
        keep(state);
        return null;
      }
      case "holiday_remove": {
        if (typeof a.date !== "string" || !parseIso(a.date)) throw badDate("date", a.date);
        const before = state.holidays.length;
        state.holidays = state.holidays.filter((h) => h.date !== a.date);
        if (state.holidays.length === before) {
          throw {
            code: "not_found",
            message: `holiday ${a.date} not found`,
            messageFa: `تعطیلی ${ltr(a.date)} پیدا نشد`,
          } satisfies ApiError;
        }
        keep(state);
        return null;
      }
      case "holidays_add_official_1405":
        upsertHolidays(state, OFFICIAL_1405, true);
        keep(state);
        return OFFICIAL_1405.length;
      case "holidays_import_csv": {
        if (!(args instanceof Uint8Array)) {
          throw invalid("the CSV file must be the raw request body", "پرونده‌ی CSV باید بدنه‌ی خام درخواست باشد");
        }
        const list = holidaysFromCsv(args);
        if (isError(list)) throw list;
        upsertHolidays(state, list, true);
        keep(state);
        return list.length;
      }
      case "holidays_export_csv": {
        if (typeof a.path !== "string" || a.path.trim() === "") throw invalid("path is needed", "مسیر پرونده لازم است");
        store.setItem(EXPORT_KEY, holidaysToCsv(state.holidays));
        return null;
      }
      case "calendar_month":
        return calendarMonth(state, a.year, a.month);
      case "tours_between": {
        if (typeof a.from !== "string" || !parseIso(a.from)) throw badDate("from", a.from);
        if (typeof a.to !== "string" || !parseIso(a.to)) throw badDate("to", a.to);
        const [from, to] = [a.from, a.to];
        return wire(state.tours.filter((t) => t.date >= from && t.date <= to).sort(byDateAndTime));
      }
      case "demo_offer":
        return state.programme === null && state.sites === 0;
      case "demo_install": {
        const installed = demoInstall(state);
        keep(state);
        return installed;
      }
      case "mock_set_tour_status": {
        const tour = state.tours.find((t) => t.id === a.id);
        if (!tour) throw { code: "not_found", message: `tour ${String(a.id)} not found`, messageFa: "تور پیدا نشد" } satisfies ApiError;
        tour.status = a.status as TourStatus;
        keep(state);
        return wire(tour);
      }
      default:
        throw { code: "internal", message: `unknown command ${command}`, messageFa: `فرمان ${ltr(command)} شناخته نیست` } satisfies ApiError;
    }
  }

  return {
    /** True for the commands answered here. */
    handles: (command: string): boolean => HANDLED.has(command),
    /** Answers `command`; throws an ApiError like the real command. */
    handle,
    /** The programme's tours, for the tours part of the mock. */
    tours: (): Tour[] => load().tours,
    /** The current programme, or null. */
    current: (): Programme | null => load().programme,
    /** Stores a changed tour of the programme (status, time, seats, notes). */
    saveTour(tour: Tour): void {
      const state = load();
      const i = state.tours.findIndex((t) => t.id === tour.id);
      if (i < 0) return;
      state.tours[i] = wire(tour);
      keep(state);
    },
  };
}
