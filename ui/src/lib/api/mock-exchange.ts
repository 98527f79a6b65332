/**
 * The commands of files in and out in the in-memory backend. A browser
 * cannot read the paths the file dialog names, so the import reads a few
 * sample files known by the end of their name (see `SAMPLE_FILES`), and
 * checks them as the core does: headers in Persian or English (Arabic
 * letter forms tolerated), a hand mapping that wins over them and is
 * remembered on apply, the encoding detected or chosen (a wrong choice
 * garbles the text as it would), national IDs by their check digit,
 * mobiles, birth years, duplicates in the file and in the database, groups
 * already there, leaders; every row new, existing or rejected. Applying
 * writes every new group through the groups mock, all or nothing; the same
 * file again adds nothing and says when it was imported. `import-progress`
 * events are sent on the way.
 *
 * Exports only record what they were asked (under `EXPORTS_KEY`). Backups
 * live under `BACKUPS_KEY`, so they survive the reload that follows a
 * restore; a restore heals a database the failure switch marks as refused.
 */
import type { ApiError } from "./bindings/ApiError";
import type { BackupEntry } from "./bindings/BackupEntry";
import type { Backups } from "./bindings/Backups";
import type { GroupChannel } from "./bindings/GroupChannel";
import type { GroupInput } from "./bindings/GroupInput";
import type { GroupKind } from "./bindings/GroupKind";
import type { ImportApplied } from "./bindings/ImportApplied";
import type { ImportColumn } from "./bindings/ImportColumn";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportProblem } from "./bindings/ImportProblem";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportRow } from "./bindings/ImportRow";
import type { RestoreDone } from "./bindings/RestoreDone";
import { GROUP_CHANNELS, GROUP_KINDS, parseMobile, parseNationalId } from "./mock-groups";
import { checkJalali, gregorianToJalali } from "../dates/calendar";
import { normalizeFa } from "../dates/text";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";

export const EXCHANGE_COMMANDS = [
  "import_preview",
  "import_apply",
  "export_registrations",
  "export_manifest",
  "export_requests",
  "export_calendar",
  "backups_list",
  "backup_now",
  "backup_restore",
  "backup_health",
] as const;

export function isExchangeCommand(command: string): boolean {
  return (EXCHANGE_COMMANDS as readonly string[]).includes(command);
}

/** Where the exports asked of the mock are recorded: a JSON list of `{command, path, …args}`. */
export const EXPORTS_KEY = "gardesh.mock.exports";
/** The backups as JSON (`StoredBackups`). */
export const BACKUPS_KEY = "gardesh.mock.backups";
export const DATABASE_PATH = "/home/coordinator/.local/share/ir.isfahan.gardesh/gardesh.sqlite3";
export const BACKUP_FOLDER = "/home/coordinator/.local/share/ir.isfahan.gardesh/backups";

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

export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1256"] as const;
export type TextEncodingName = (typeof ENCODINGS)[number];

/** The store the mock keeps its backups and exports in (localStorage in the browser). */
export interface ExchangeStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What the exchange mock reads and writes in the groups mock. */
export interface ExchangeGroups {
  /** Every group with its members. */
  all(): { id: number; name: string; members: { fullName: string; nationalId: string | null }[] }[];
  /** Saves a new group; throws the ApiError when it is refused. Resolves with its id. */
  create(input: GroupInput): number;
  /** Removes a group just created (an import that failed half-way is undone). */
  remove(id: number): void;
}

export interface ExchangeMockOptions {
  groups: ExchangeGroups;
  store: ExchangeStore;
  /** Sends a Tauri event (the import's progress). */
  emit?: (event: string, payload: unknown) => void;
  /** A pause after each progress event, so a person (or a test) sees the bar move. */
  stepMs?: number;
  /** Now, RFC 3339 (UTC). */
  now?: () => string;
  /** Whether the database is refused at start as damaged (the failure switch says so). */
  refused?: () => boolean;
  /** The database was restored: it is no longer refused. */
  recovered?: () => void;
}

const fa = (value: string | number) => toPersianDigits(String(value));
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const record = (v: unknown) => (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;

/** A Latin value inside Persian text, isolated left to right. */
function ltr(value: unknown): string {
  return `\u2066${String(value)}\u2069`;
}

function invalid(field: string, messageFa: string, messageEn: string): ApiError {
  return { code: "invalid_input", message: `${field}: ${messageEn}`, messageFa };
}

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

// ---------------------------------------------------------------------------
// The sample files

export interface SampleFile {
  kind: "csv" | "xlsx";
  /** The encoding the CSV was written in (null for xlsx). */
  encoding: TextEncodingName | null;
  /** A title row above the table. */
  title?: string;
  header: string[];
  rows: string[][];
}

/** Nine digits and their check digit: a valid national ID. */
export function withCheckDigit(nine: string): string {
  const d = [...nine].map(Number);
  const r = d.reduce((sum, x, i) => sum + x * (10 - i), 0) % 11;
  return `${nine}${r < 2 ? r : 11 - r}`;
}

/** 1,200 rows in 60 groups of 20, every 50th row with a wrong check digit. */
function bigFile(): SampleFile {
  const first = ["علی", "مریم", "حسین", "زهرا", "رضا", "فاطمه", "محمد", "سارا", "امیر", "نرگس"];
  const last = ["احمدی", "رضایی", "کریمی", "موسوی", "حسینی", "جعفری", "صادقی", "نوری", "یزدانی", "شریفی"];
  const rows: string[][] = [];
  let seed = 424242;
  for (let i = 0; i < 1200; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    let nid = withCheckDigit(String(100000000 + (seed % 800000000)).padStart(9, "0"));
    if (i % 50 === 49) nid = `${nid.slice(0, 9)}${(Number(nid[9]) + 1) % 10}`;
    const g = Math.floor(i / 20);
    rows.push([
      i % 20 === 0 ? `کاروان محله‌ی ${fa(g + 1)}` : "",
      `${first[i % 10]} ${last[Math.floor(i / 10) % 10]} ${fa(i + 1)}`,
      nid,
      i % 20 === 0 ? `0913${String(1000000 + i).slice(-7)}` : "",
      String(1340 + (i % 50)),
    ]);
  }
  return { kind: "csv", encoding: "utf-8", header: ["نام گروه", "نام و نام خانوادگی", "کد ملی", "موبایل", "سال تولد"], rows };
}

/**
 * The files the mock can read, by how their name ends: a clean file in
 * two groups; one in Windows-1256 with Arabic letter forms in its headers
 * and a problem on most rows; one with a column no header names (map it by
 * hand); a small one to import twice; 1,200 rows; one whose name column is
 * not recognised (the preview is refused until it is mapped); an .xlsx with
 * a title row. A name ending in .xls is an old Excel file; anything else
 * cannot be read.
 */
export const SAMPLE_FILES: Readonly<Record<string, () => SampleFile>> = {
  "good.csv": () => ({
    kind: "csv",
    encoding: "utf-8",
    header: ["ردیف", "نام گروه", "نام و نام خانوادگی", "کد ملی", "تلفن همراه", "سال تولد", "سرگروه"],
    rows: [
      ["1", "کانون فرهنگی محله‌ی جلفا", "شیرین آقاجانی", "3447646152", "09131230001", "1358", "بله"],
      ["2", "", "بابک آقاجانی", "5884674562", "0913 123 0002", "1356", ""],
      ["3", "", "نیلوفر آقاجانی", "6229839369", "", "۱۳۸۵", ""],
      ["4", "", "کیان آقاجانی", "2741547521", "", "1387", ""],
      ["5", "دبستان پسرانه‌ی سعدی", "محسن توانا", "8159608322", "+98 913 123 0005", "1362/05/21", "✓"],
      ["6", "", "آرین صفایی", "8792302084", "", "1395", ""],
      ["7", "", "پرهام نادری", "9430714880", "", "1395", ""],
    ],
  }),
  "bad-rows.csv": () => ({
    kind: "csv",
    encoding: "windows-1256",
    header: ["نام گروه", "نام و نام خانوادگي", "كد ملي", "شماره همراه", "تاريخ تولد", "سرگروه"],
    rows: [
      ["هیئت مذهبی محله‌ی دردشت", "حسن رنجبر", "9656235525", "09132220001", "1345", "بله"],
      ["", "جواد رنجبر", "3147701762", "", "1370", ""],
      ["", "", "9721915521", "", "1372", ""],
      ["", "مجید رنجبر", "1354275845", "03132220004", "1375", ""],
      ["", "سعید رنجبر", "1354275845", "", "1376", ""],
      ["", "ناصر رنجبر", "4061686402", "", "1365/13/01", ""],
      ["", "اکبر رنجبر", "9200355846", "09502220007", "1368", ""],
      ["", "علی کاظمی", "2452647047", "", "1358", ""],
      ["خانواده‌ی کاظمی", "امیر کاظمی", "4487132800", "", "1384", ""],
      ["", "رعنا کاظمی", "1482391041", "", "1390", ""],
    ],
  }),
  "nomap.csv": () => ({
    kind: "csv",
    encoding: "utf-8",
    header: ["نام گروه", "نام و نام خانوادگی", "ش.م", "موبایل", "سال تولد", "توضیحات"],
    rows: [
      ["انجمن کوهنوردان صفه", "داوود فرهمند", "7312939521", "09133330001", "1350", "مسئول برنامه"],
      ["", "شهره فرهمند", "7489548802", "", "1355", ""],
      ["", "بیژن کاویانی", "5899512326", "09133330003", "1360", "گیاه‌خوار"],
      ["", "ژاله کاویانی", "6423708160", "", "1362", ""],
    ],
  }),
  "same.csv": () => ({
    kind: "csv",
    encoding: "utf-8",
    header: ["گروه", "نام", "نام خانوادگی", "کد ملی", "موبایل", "سال تولد"],
    rows: [
      ["خانواده‌ی یزدانی", "مهران", "یزدانی", "4744599044", "09134440001", "1352"],
      ["", "فریبا", "یزدانی", "0385159684", "09134440002", "1355"],
      ["", "آوا", "یزدانی", "1574341685", "", "1389"],
      ["", "آرتین", "یزدانی", "4029821766", "", "1392"],
    ],
  }),
  "big.csv": bigFile,
  "noname.csv": () => ({
    kind: "csv",
    encoding: "utf-8",
    header: ["مشخصات", "کد ملی", "همراه شخص"],
    rows: [
      ["پروانه عطایی", "4839395209", "09135550001"],
      ["کامران عطایی", "1557130248", ""],
    ],
  }),
  "members.xlsx": () => ({
    kind: "xlsx",
    encoding: null,
    title: "فهرست ثبت‌نام سامانه‌ی شهرداری — آذر ۱۴۰۵",
    header: ["نام گروه", "نام", "نام خانوادگی", "کد ملی", "موبایل", "تاریخ تولد", "ویلچر"],
    rows: [
      ["خانه‌ی سالمندان مهر", "منوچهر", "اسدی", "4948848646", "09136660001", "1310", "بله"],
      ["", "قدسی", "اسدی", "8125066888", "", "1315", "دارد"],
      ["", "پوران", "ملکی", "0746667523", "", "1318", "شاید"],
    ],
  }),
};

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The file's name without folders and extension, as the default group's name. */
function stem(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return (dot > 0 ? fileName.slice(0, dot) : fileName).replace(/_/g, " ").trim();
}

function sampleFor(path: string): SampleFile | null {
  const name = baseName(path).toLowerCase();
  const key = Object.keys(SAMPLE_FILES).find((k) => name.endsWith(k));
  return key ? (SAMPLE_FILES[key]?.() ?? null) : null;
}

// ---------------------------------------------------------------------------
// Reading with the wrong encoding

function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** `text`, written in `written`, as it reads when decoded as `read`. */
export function misread(text: string, written: TextEncodingName, read: TextEncodingName): string {
  if (written === read || !/[^\x00-\x7f]/.test(text)) return text;
  if (read === "utf-16le" || read === "utf-16be") {
    const bytes = utf8Bytes(text);
    let out = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      const a = bytes[i] ?? 0;
      const b = bytes[i + 1] ?? 0;
      const code = read === "utf-16le" ? a | (b << 8) : (a << 8) | b;
      out += code >= 0xd800 && code <= 0xdfff ? "\uFFFD" : String.fromCharCode(code);
    }
    return out;
  }
  if (written === "utf-8" && read === "windows-1256") return new TextDecoder("windows-1256").decode(utf8Bytes(text));
  // Single bytes above 0x7f are not UTF-8, nor are UTF-16 pairs read byte by byte.
  return text.replace(/[^\x00-\x7f]/g, "\uFFFD");
}

// ---------------------------------------------------------------------------
// Headers

const HEADERS: readonly [ImportField, readonly string[]][] = [
  ["fullName", ["نام و نام خانوادگی", "نام کامل", "full name", "name"]],
  ["firstName", ["نام", "first name"]],
  ["lastName", ["نام خانوادگی", "last name", "surname", "family name"]],
  ["nationalId", ["کد ملی", "شماره ملی", "national id", "national code"]],
  ["mobile", ["تلفن همراه", "موبایل", "شماره همراه", "تلفن", "mobile", "phone"]],
  ["birth", ["سال تولد", "تاریخ تولد", "birth year", "date of birth", "birth"]],
  ["group", ["نام گروه", "گروه", "group"]],
  ["leader", ["سرگروه", "leader"]],
  ["kind", ["نوع گروه", "kind"]],
  ["stepFree", ["بدون پله", "ویلچر", "step free"]],
  ["ppeSizes", ["سایز", "اندازه", "ppe sizes", "size"]],
  ["ignore", ["ردیف", "row"]],
];

/** A header as compared: letter forms folded, ZWNJ, punctuation and spaces dropped. */
export function headerKey(header: string): string {
  return normalizeFa(header).replace(/[\s\p{P}\p{S}]/gu, "");
}

const KNOWN = new Map<string, ImportField>(HEADERS.flatMap(([field, names]) => names.map((n) => [headerKey(n), field] as const)));

export function recognise(header: string): ImportField | null {
  return KNOWN.get(headerKey(header)) ?? null;
}

const FIELD_FA: Readonly<Record<ImportField, string>> = {
  fullName: "نام و نام خانوادگی",
  firstName: "نام",
  lastName: "نام خانوادگی",
  nationalId: "کد ملی",
  mobile: "تلفن همراه",
  birth: "سال تولد",
  group: "نام گروه",
  leader: "سرگروه",
  kind: "نوع گروه",
  stepFree: "بدون پله",
  ppeSizes: "سایز",
  ignore: "نادیده",
};

// ---------------------------------------------------------------------------
// Values

const YES = ["بله", "بلی", "آری", "اری", "دارد", "هست", "✓", "✔", "x", "1", "yes", "y", "true"];
const NO = ["", "خیر", "نه", "ندارد", "نیست", "0", "no", "n", "false", "-"];

function flag(raw: string): boolean | null {
  const v = normalizeFa(raw);
  if (YES.map(normalizeFa).includes(v)) return true;
  if (NO.map(normalizeFa).includes(v)) return false;
  return null;
}

function kindOf(raw: string): GroupKind | null {
  const v = normalizeFa(raw);
  if (v === "") return null;
  const has = (words: string[]) => words.some((w) => v.includes(normalizeFa(w)));
  if (has(["محله", "neighbourhood", "neighborhood"])) return "neighbourhood";
  if (has(["مدرسه", "دبستان", "دبیرستان", "هنرستان", "school"])) return "school";
  if (has(["دانشگاه", "دانشکده", "university", "college"])) return "university";
  if (has(["مسجد", "هیئت", "هیات", "mosque"])) return "mosque";
  if (has(["سمن", "خیریه", "انجمن", "موسسه", "مؤسسه", "ngo", "charity"])) return "ngo";
  if (has(["خانواده", "خانوادگی", "family"])) return "family";
  if (has(["سایر", "دیگر", "other"])) return "other";
  return null;
}

type Why = { fa: string; en: string };

/** A birth year or date in either calendar and any digits, as a Solar Hijri year. */
export function birthYear(raw: string): { ok: true; year: number | null } | { ok: false; why: Why } {
  const s = toLatinDigits(raw.trim());
  if (s === "") return { ok: true, year: null };
  const bad = (): { ok: false; why: Why } => ({
    ok: false,
    why: {
      fa: `«${raw.trim()}» سال یا تاریخ تولد پذیرفتنی نیست (مثلاً ۱۳۶۵، ۱۳۶۵/۰۴/۱۲ یا 1986-07-03)`,
      en: `“${raw.trim()}” is not a plausible birth year or date (e.g. 1365, 1365/04/12 or 1986-07-03)`,
    },
  });
  const plausible = (y: number) => (y >= 1300 && y <= 1500 ? { ok: true as const, year: y } : bad());
  if (/^\d{4}$/.test(s)) {
    const y = Number(s);
    return plausible(y >= 1800 ? y - 621 : y);
  }
  const parts = s.split(/[/\-.]/);
  if (parts.length !== 3 || parts.some((p) => !/^\d{1,4}$/.test(p))) return bad();
  const nums = parts.map(Number) as [number, number, number];
  const [y, m, d] = parts[0]!.length === 4 ? nums : [nums[2], nums[1], nums[0]];
  if (y >= 1800) {
    const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const j = gregorianToJalali(iso);
    return j ? plausible(j.year) : bad();
  }
  const checked = checkJalali(y, m, d);
  if (!checked.ok) return bad();
  return plausible(y);
}

// ---------------------------------------------------------------------------
// Times

const IRAN_OFFSET_MS = 210 * 60_000;

function iranParts(at: string): { date: string; time: string; stamp: string } {
  const iran = new Date(Date.parse(at) + IRAN_OFFSET_MS).toISOString();
  return {
    date: iran.slice(0, 10),
    time: iran.slice(11, 16),
    stamp: `${iran.slice(0, 10).replace(/-/g, "")}-${iran.slice(11, 19).replace(/:/g, "")}`,
  };
}

/** When a file was imported, as the core words it: Solar Hijri and Iran time in Persian, Gregorian in English. */
function when(at: string): Why {
  const { date, time } = iranParts(at);
  const j = gregorianToJalali(date);
  const day = j ? `${j.year}/${String(j.month).padStart(2, "0")}/${String(j.day).padStart(2, "0")}` : date;
  return { fa: fa(`در ${day} ساعت ${time}`), en: `on ${date} at ${time} Iran time` };
}

// ---------------------------------------------------------------------------
// The import

interface Options {
  path: string;
  encoding: TextEncodingName | null;
  mapping: Map<number, ImportField>;
  defaultGroup: string | null;
  kind: GroupKind;
  channel: GroupChannel;
}

function readOptions(raw: unknown): Options {
  const o = record(record(raw).options);
  if (typeof o.path !== "string" || o.path.trim() === "") throw invalid("path", "پرونده‌ای انتخاب نشده است", "no file was chosen");
  let encoding: TextEncodingName | null = null;
  if (typeof o.encoding === "string" && o.encoding.trim() !== "") {
    const e = o.encoding.trim().toLowerCase();
    if (!(ENCODINGS as readonly string[]).includes(e)) {
      throw invalid("encoding", `رمزگذاری ${ltr(o.encoding)} شناخته نیست`, `unknown encoding ${o.encoding}`);
    }
    encoding = e as TextEncodingName;
  }
  const mapping = new Map<number, ImportField>();
  for (const item of Array.isArray(o.mapping) ? o.mapping : []) {
    const m = record(item);
    if (!(IMPORT_FIELDS as readonly unknown[]).includes(m.field)) {
      throw invalid("mapping", `فیلد ${ltr(m.field)} شناخته نیست`, `unknown field ${String(m.field)}`);
    }
    if (typeof m.column !== "number" || !Number.isInteger(m.column) || m.column < 0) {
      throw invalid("mapping", `ستون ${ltr(m.column)} پذیرفتنی نیست`, `column ${String(m.column)} is not valid`);
    }
    mapping.set(m.column, m.field as ImportField);
  }
  if (!GROUP_KINDS.includes(o.kind as GroupKind)) throw invalid("kind", `نوع گروه ${ltr(o.kind)} شناخته نیست`, `unknown group kind ${String(o.kind)}`);
  if (!GROUP_CHANNELS.includes(o.channel as GroupChannel)) {
    throw invalid("channel", `راه ثبت ${ltr(o.channel)} شناخته نیست`, `unknown channel ${String(o.channel)}`);
  }
  const defaultGroup = typeof o.defaultGroup === "string" && o.defaultGroup.trim() !== "" ? o.defaultGroup.trim() : null;
  return { path: o.path, encoding, mapping, defaultGroup, kind: o.kind as GroupKind, channel: o.channel as GroupChannel };
}

interface Table {
  fileName: string;
  /** Which sample, for recognising the same file again. */
  sampleKey: string;
  kind: "csv" | "xlsx";
  encoding: TextEncodingName | null;
  detected: boolean;
  /** Rows with their 1-based numbers in the file. */
  rows: [number, string[]][];
  notes: Why[];
}

function read(opts: Options): Table {
  const fileName = baseName(opts.path);
  if (/\.xls$/i.test(fileName)) {
    throw invalid(
      "file",
      "پرونده‌ی Excel قدیمی (.xls) است؛ آن را در Excel با قالب .xlsx یا CSV ذخیره کنید",
      "this is an old Excel file (.xls); save it from Excel as .xlsx or CSV",
    );
  }
  const sample = sampleFor(opts.path);
  if (!sample) {
    const why = "No such file or directory (os error 2)";
    throw { code: "database_io", message: `cannot use ${opts.path}: ${why}`, messageFa: `پرونده‌ی ${ltr(opts.path)} در دسترس نیست: ${why}` } satisfies ApiError;
  }
  const lines = [...(sample.title === undefined ? [] : [[sample.title]]), sample.header, ...sample.rows];
  const notes: Why[] = [];
  let encoding: TextEncodingName | null = null;
  let detected = false;
  let cells = lines;
  if (sample.kind === "csv") {
    const written = sample.encoding ?? "utf-8";
    encoding = opts.encoding ?? written;
    detected = opts.encoding === null;
    cells = lines.map((r) => r.map((c) => misread(c, written, encoding ?? written)));
  } else {
    notes.push({ fa: "برگه‌ی نخست («فهرست») خوانده شد", en: "the first sheet (“List”) was read" });
  }
  return {
    fileName,
    sampleKey: Object.keys(SAMPLE_FILES).find((k) => fileName.toLowerCase().endsWith(k)) ?? fileName,
    kind: sample.kind,
    encoding,
    detected,
    rows: cells.map((r, i) => [i + 1, r]),
    notes,
  };
}

interface Raw {
  row: number;
  group: string;
  fullName: string;
  nationalId: string;
  mobile: string;
  birth: string;
  leader: string;
  kind: string;
  stepFree: string;
  ppe: string;
}

interface Checked extends ImportRow {
  stepFree: boolean;
  ppeSizes: string;
  marked: boolean;
}

interface Analysis {
  preview: ImportPreview;
  rows: Checked[];
  groups: { name: string; kind: GroupKind; rows: number[] }[];
  headerKey: string;
  mapped: Map<number, ImportField>;
  /** The file, for recognising it when it comes again. */
  sampleKey: string;
}

const tidy = (s: string) => s.replace(/[\u200e\u200f\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim().replace(/ي/g, "ی").replace(/ك/g, "ک");

function problem(kind: string, field: string, faText: string, en: string): ImportProblem {
  return { kind, field, fa: faText, en };
}

/** The import's state kept between calls: remembered mappings and the files imported. */
interface ImportMemory {
  remembered: Map<string, Map<number, ImportField>>;
  imported: Map<string, { at: string; members: number }>;
}

function analyse(table: Table, opts: Options, memory: ImportMemory, groups: ExchangeGroups, progress: (p: ImportProgress) => void): Analysis {
  if (table.rows.length === 0) throw invalid("file", "پرونده هیچ ردیفی ندارد", "the file has no rows");
  // The header row: the first of the first ten with two known headers or a remembered mapping.
  let h = table.rows.slice(0, 10).findIndex(([, r]) => {
    const known = r.filter((c) => {
      const f = recognise(c);
      return f !== null && f !== "ignore";
    }).length;
    return known >= 2 || memory.remembered.has(r.map(headerKey).join("|"));
  });
  if (h < 0) h = 0;
  if (h > 0) {
    table.notes.push({
      fa: `${fa(h)} ردیف بالای جدول (عنوان) کنار گذاشته شد؛ سرستون‌ها در ردیف ${fa(h + 1)} است`,
      en: `${h} row(s) above the table (a title) were skipped; the headers are on row ${h + 1}`,
    });
  }
  const width = Math.max(...table.rows.slice(h).map(([, r]) => r.length));
  const headers = [...(table.rows[h]?.[1] ?? [])];
  while (headers.length < width) headers.push("");
  const key = headers.map(headerKey).join("|");

  // Columns: the hand mapping, then the remembered one, then the header.
  for (const [i, f] of opts.mapping) {
    if (i >= Math.max(headers.length, 1)) {
      throw invalid("mapping", `ستون ${fa(i + 1)} در پرونده نیست (پرونده ${fa(headers.length)} ستون دارد)`, `there is no column ${i + 1} (the file has ${headers.length})`);
    }
    const other = [...opts.mapping].find(([j, g]) => j < i && g === f && f !== "ignore");
    if (other) {
      throw invalid(
        "mapping",
        `ستون‌های ${fa(other[0] + 1)} و ${fa(i + 1)} هر دو «${FIELD_FA[f]}» گرفته شده‌اند`,
        `columns ${other[0] + 1} and ${i + 1} are both mapped to ${f}`,
      );
    }
  }
  const remembered = memory.remembered.get(key) ?? new Map<number, ImportField>();
  const columns: ImportColumn[] = headers.map((header, index) => {
    const mapped = opts.mapping.get(index);
    if (mapped) return { index, header, field: mapped, source: "mapped" };
    const kept = remembered.get(index);
    if (kept) return { index, header, field: kept, source: "remembered" };
    const f = recognise(header);
    return f ? { index, header, field: f, source: "recognised" } : { index, header, field: null, source: null };
  });
  const taken = new Map<string, number>();
  for (const c of columns) if (c.source === "mapped" && c.field && c.field !== "ignore") taken.set(c.field, c.index);
  for (const c of columns) {
    if (c.source === "mapped" || !c.field || c.field === "ignore") continue;
    const owner = taken.get(c.field);
    if (owner !== undefined && owner !== c.index) {
      c.field = null;
      c.source = null;
    } else taken.set(c.field, c.index);
  }
  const col = (f: ImportField) => columns.find((c) => c.field === f)?.index;
  if (col("fullName") === undefined && col("firstName") === undefined && col("lastName") === undefined) {
    throw invalid(
      "columns",
      `ستون نام شناخته نشد؛ ستون‌ها را دستی نگاشت کنید (مثلاً ستون ۲ = نام و نام خانوادگی). ستون‌های پرونده: ${headers.map((x, i) => `${fa(i + 1)}: «${x}»`).join("، ")}`,
      `no name column was recognised; map the columns by hand (e.g. 2=fullName). The file's columns: ${headers.map((x, i) => `${i + 1}: “${x}”`).join(", ")}`,
    );
  }
  const cell = (r: string[], f: ImportField) => {
    const i = col(f);
    return i === undefined ? "" : tidy(r[i] ?? "");
  };
  const defaultGroup = tidy(opts.defaultGroup ?? "") || stem(table.fileName) || "گروه وارد شده";

  // 1. The fields of every row; a blank group cell continues the group above.
  const raws: Raw[] = [];
  let current = defaultGroup;
  for (const [row, r] of table.rows.slice(h + 1)) {
    if (r.every((c) => c.trim() === "")) continue;
    const g = cell(r, "group");
    if (g !== "") current = g;
    const full = cell(r, "fullName") || tidy(`${cell(r, "firstName")} ${cell(r, "lastName")}`);
    raws.push({
      row,
      group: current,
      fullName: full,
      nationalId: cell(r, "nationalId"),
      mobile: cell(r, "mobile"),
      birth: cell(r, "birth"),
      leader: cell(r, "leader"),
      kind: cell(r, "kind"),
      stepFree: cell(r, "stepFree"),
      ppe: cell(r, "ppeSizes"),
    });
  }

  // 2. Each row on its own, and duplicates inside the file.
  const total = raws.length;
  const seenId = new Map<string, number>();
  const seenPerson = new Map<string, number>();
  const rows: Checked[] = raws.map((raw, n) => {
    const problems: ImportProblem[] = [];
    const warnings: ImportProblem[] = [];
    if (raw.fullName === "") problems.push(problem("missing_name", "fullName", "نام و نام خانوادگی لازم است", "the full name is missing"));
    else if ([...raw.fullName].length > 120) problems.push(problem("name_too_long", "fullName", "نام حداکثر ۱۲۰ نویسه است", "a name is at most 120 characters"));
    let nationalId = raw.nationalId;
    if (raw.nationalId !== "") {
      const id = parseNationalId(raw.nationalId);
      if (!id.ok) problems.push(problem("invalid_national_id", "nationalId", id.why.fa, id.why.en));
      else {
        nationalId = id.value;
        const first = seenId.get(id.value);
        if (first !== undefined) {
          problems.push(
            problem("duplicate_in_file", "nationalId", `این کد ملی در ردیف ${fa(first)} همین پرونده هم آمده است`, `this national ID is also on row ${first} of this file`),
          );
        } else seenId.set(id.value, raw.row);
      }
    }
    let mobile = raw.mobile;
    if (raw.mobile !== "") {
      const m = parseMobile(raw.mobile);
      if (!m.ok) problems.push(problem("invalid_mobile", "mobile", m.why.fa, m.why.en));
      else {
        mobile = m.value;
        if (m.warning) warnings.push(problem("unfamiliar_mobile_prefix", "mobile", m.warning.fa, m.warning.en));
      }
    }
    if (raw.nationalId === "" && raw.fullName !== "") {
      const k = `${normalizeFa(raw.group)}|${normalizeFa(raw.fullName)}|${mobile}`;
      const first = seenPerson.get(k);
      if (first !== undefined) {
        problems.push(
          problem("duplicate_in_file", "fullName", `همین نام و شماره در ردیف ${fa(first)} همین گروه هم آمده است`, `the same name and mobile are also on row ${first} of this group`),
        );
      } else seenPerson.set(k, raw.row);
    }
    const birth = birthYear(raw.birth);
    if (!birth.ok) problems.push(problem("invalid_birth", "birth", birth.why.fa, birth.why.en));
    const yesNo = (value: string, field: ImportField) => {
      const v = flag(value);
      if (v === null) {
        warnings.push(
          problem(
            "unclear_value",
            field,
            `«${value}» در ستون ${FIELD_FA[field]} بله یا خیر خوانده نشد؛ خیر گرفته شد`,
            `“${value}” in the ${field} column was not read as yes or no; taken as no`,
          ),
        );
      }
      return v === true;
    };
    const marked = yesNo(raw.leader, "leader");
    const stepFree = yesNo(raw.stepFree, "stepFree");
    if ((n + 1) % Math.max(1, Math.ceil(total / 5)) === 0 || n + 1 === total) progress({ stage: "checking", done: n + 1, total });
    return {
      row: raw.row,
      group: raw.group,
      fullName: raw.fullName,
      nationalId,
      mobile,
      birthYear: birth.ok ? birth.year : null,
      leader: false,
      status: problems.length > 0 ? "rejected" : "new",
      problems,
      warnings,
      stepFree,
      ppeSizes: raw.ppe,
      marked,
    };
  });

  // 3. Against the database: groups already there, national IDs in other groups.
  const existing = groups.all();
  const byName = new Map(existing.map((g) => [normalizeFa(g.name), g]));
  for (const r of rows) {
    if (r.status === "rejected") continue;
    const there = byName.get(normalizeFa(r.group));
    if (there) {
      const holds =
        r.nationalId !== "" ? there.members.some((m) => m.nationalId === r.nationalId) : there.members.some((m) => normalizeFa(m.fullName) === normalizeFa(r.fullName));
      if (holds) {
        r.status = "existing";
        continue;
      }
      r.problems.push(
        problem(
          "group_exists",
          "group",
          `گروه «${r.group}» از پیش در پایگاه داده هست و این عضو را ندارد؛ عضو را در صفحه‌ی همان گروه بیفزایید یا نام گروه را در پرونده تغییر دهید`,
          `the group “${r.group}” already exists without this member; add the member on the group's page, or rename the group in the file`,
        ),
      );
      r.status = "rejected";
    }
    if (r.nationalId !== "") {
      for (const g of existing) {
        const m = g.members.find((x) => x.nationalId === r.nationalId);
        if (m) {
          r.problems.push(
            problem("duplicate_existing", "nationalId", `این کد ملی از پیش در گروه «${g.name}» (${m.fullName}) هست`, `this national ID is already in the group “${g.name}” (${m.fullName})`),
          );
          r.status = "rejected";
          break;
        }
      }
    }
  }

  // 4. New groups: size, leader, name.
  const order: string[] = [];
  const byGroup = new Map<string, number[]>();
  const kinds = new Map<string, GroupKind>();
  rows.forEach((r, i) => {
    const k = normalizeFa(r.group);
    const kind = kindOf(raws[i]?.kind ?? "");
    if (kind && !kinds.has(k)) kinds.set(k, kind);
    if (r.status !== "new") return;
    if (!byGroup.has(k)) {
      order.push(k);
      byGroup.set(k, []);
    }
    byGroup.get(k)?.push(i);
  });
  const hasLeaderColumn = col("leader") !== undefined;
  const newGroups: Analysis["groups"] = [];
  for (const k of order) {
    const members = byGroup.get(k) ?? [];
    const name = rows[members[0] ?? 0]?.group ?? "";
    const marked = members.filter((i) => rows[i]?.marked);
    const leader = marked.find((i) => rows[i]?.mobile !== "") ?? members.find((i) => rows[i]?.mobile !== "");
    let reject: ImportProblem | null = null;
    if ([...name].length > 150) reject = problem("group_invalid", "group", "نام گروه حداکثر ۱۵۰ نویسه است", "a group's name is at most 150 characters");
    else if (members.length > 200) {
      reject = problem(
        "group_invalid",
        "group",
        `گروه «${name}» ${fa(members.length)} عضو دارد؛ یک گروه حداکثر ${fa(200)} نفر است (ستون نام گروه را پر کنید)`,
        `the group “${name}” has ${members.length} members; a group has at most 200 (fill in the group column)`,
      );
    } else if (leader === undefined) {
      reject = problem(
        "group_invalid",
        "group",
        `هیچ عضو گروه «${name}» شماره‌ی همراه ندارد؛ سرگروه باید شماره‌ی همراه داشته باشد`,
        `no member of the group “${name}” has a mobile; the leader needs one`,
      );
    }
    if (reject || leader === undefined) {
      for (const i of members) {
        const r = rows[i];
        if (!r) continue;
        r.problems.push({ ...(reject as ImportProblem) });
        r.status = "rejected";
      }
      continue;
    }
    const lead = rows[leader];
    if (!lead) continue;
    lead.leader = true;
    for (const i of marked) {
      if (i !== leader) {
        rows[i]?.warnings.push(
          problem("leader_extra", "leader", `سرگروه این گروه ردیف ${fa(lead.row)} است؛ این ردیف عضو عادی وارد می‌شود`, `row ${lead.row} is this group's leader; this row is imported as a member`),
        );
      }
    }
    if (hasLeaderColumn && !marked.includes(leader)) {
      lead.warnings.push(
        problem(
          "leader_chosen",
          "leader",
          "سرگروهی با شماره‌ی همراه علامت نخورده بود؛ نخستین عضو دارای شماره‌ی همراه سرگروه شد",
          "no leader with a mobile was marked; the first member with a mobile is the leader",
        ),
      );
    }
    newGroups.push({ name, kind: kinds.get(k) ?? opts.kind, rows: members });
  }

  const notes = [...table.notes];
  if (!hasLeaderColumn) {
    notes.push({ fa: "ستون سرگروه نیست: سرگروه هر گروه نخستین عضو دارای شماره‌ی همراه است", en: "no leader column: each group's leader is its first member with a mobile" });
  }
  if (col("group") === undefined) {
    notes.push({ fa: `ستون نام گروه نیست: همه‌ی ردیف‌ها یک گروه به نام «${defaultGroup}» می‌شوند`, en: `no group column: every row joins one group named “${defaultGroup}”` });
  }

  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const [newRows, existingRows, rejectedRows] = [count("new"), count("existing"), count("rejected")];
  const previous = memory.imported.get(table.sampleKey) ?? null;
  let summaryFa = `${fa(rows.length)} ردیف: ${fa(newRows)} عضو تازه در ${fa(newGroups.length)} گروه تازه، ${fa(existingRows)} از پیش در پایگاه داده، ${fa(rejectedRows)} رد شده`;
  let summaryEn = `${rows.length} rows: ${newRows} new members in ${newGroups.length} new groups, ${existingRows} already in the database, ${rejectedRows} rejected`;
  if (newRows === 0) {
    summaryFa += "؛ چیز تازه‌ای برای افزودن نیست";
    summaryEn += "; nothing new to add";
    if (previous) {
      const w = when(previous.at);
      summaryFa += ` (همین پرونده ${w.fa} وارد شده است)`;
      summaryEn += ` (this same file was imported ${w.en})`;
    }
  }
  const preview: ImportPreview = {
    fileName: table.fileName,
    kind: table.kind,
    encoding: table.encoding,
    encodingDetected: table.detected,
    columns,
    rows: rows.map(({ stepFree: _s, ppeSizes: _p, marked: _m, ...row }) => row),
    newGroups: newGroups.map((g) => g.name),
    newRows,
    existingRows,
    rejectedRows,
    summaryFa,
    summaryEn,
    notes: notes.map((n) => [n.fa, n.en]),
    previouslyImportedAt: previous?.at ?? null,
  };
  return { preview, rows, groups: newGroups, headerKey: key, mapped: new Map(opts.mapping), sampleKey: table.sampleKey };
}

// ---------------------------------------------------------------------------
// Backups

interface StoredBackups {
  entries: BackupEntry[];
}

/** A week of rotated backups, an older weekly one, a safety copy from an earlier restore and a copy brought from another machine. */
function seedBackups(): BackupEntry[] {
  const rotated = (iso: string, size: number): BackupEntry => {
    const { stamp } = iranParts(iso);
    return { path: `${BACKUP_FOLDER}/gardesh-${stamp}.sqlite3`, fileName: `gardesh-${stamp}.sqlite3`, kind: "rotated", made: iso, sizeBytes: size };
  };
  return [
    rotated("2026-11-29T05:00:12+00:00", 1_228_800),
    rotated("2026-11-28T05:00:09+00:00", 1_216_512),
    rotated("2026-11-27T05:00:15+00:00", 1_212_416),
    rotated("2026-11-26T05:00:11+00:00", 1_200_128),
    {
      path: `${BACKUP_FOLDER}/before-restore-20261125-163044.sqlite3`,
      fileName: "before-restore-20261125-163044.sqlite3",
      kind: "before_restore",
      made: "2026-11-25T13:00:44+00:00",
      sizeBytes: 1_196_032,
    },
    rotated("2026-11-25T05:00:10+00:00", 1_191_936),
    rotated("2026-11-19T05:00:08+00:00", 1_134_592),
    {
      path: `${BACKUP_FOLDER}/gardesh-office-pc.sqlite3`,
      fileName: "gardesh-office-pc.sqlite3",
      kind: "other",
      made: "2026-11-12T09:41:27+00:00",
      sizeBytes: 1_003_520,
    },
  ];
}

/** Iran's civil date of an RFC 3339 moment. */
function iranDate(at: string): string {
  return iranParts(at).date;
}

/** The Saturday starting the Iranian week of `date` (Gregorian ISO). */
function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 1) % 7; // Saturday → 0
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The rotation: the newest rotated backup of each of the last 7 days and of each of the last 4 weeks is kept. */
export function rotate(entries: readonly BackupEntry[], now: string): BackupEntry[] {
  const today = iranDate(now);
  const dayMs = (a: string, b: string) => (Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
  const keep = new Set<string>();
  const newestOfDay = new Map<string, BackupEntry>();
  const newestOfWeek = new Map<string, BackupEntry>();
  for (const e of entries) {
    if (e.kind !== "rotated") continue;
    const day = iranDate(e.made);
    const week = weekOf(day);
    const d = newestOfDay.get(day);
    if (!d || d.made < e.made) newestOfDay.set(day, e);
    const w = newestOfWeek.get(week);
    if (!w || w.made < e.made) newestOfWeek.set(week, e);
  }
  for (const [day, e] of newestOfDay) if (dayMs(today, day) < 7) keep.add(e.path);
  for (const [week, e] of newestOfWeek) if (dayMs(weekOf(today), week) < 28) keep.add(e.path);
  return entries.filter((e) => e.kind !== "rotated" || keep.has(e.path));
}

// ---------------------------------------------------------------------------
// The handler

/** The exchange command handler. */
export function createExchangeBackend({ groups, store, emit = () => {}, stepMs = 0, now, refused = () => false, recovered = () => {} }: ExchangeMockOptions) {
  const memory: ImportMemory = { remembered: new Map(), imported: new Map() };
  let minute = 0;
  // 8 Azar 1405, 10:30 in Isfahan, a minute later at every change.
  const clock = now ?? (() => `${new Date(Date.UTC(2026, 10, 29, 7, 0) + minute++ * 60_000).toISOString().slice(0, 19)}+00:00`);

  async function progress(events: ImportProgress[]): Promise<void> {
    for (const p of events) {
      emit("import-progress", p);
      await pause(stepMs);
    }
  }

  function run(raw: unknown): { opts: Options; analysis: Analysis; checking: ImportProgress[] } {
    const opts = readOptions(raw);
    const checking: ImportProgress[] = [];
    const analysis = analyse(read(opts), opts, memory, groups, (p) => checking.push(p));
    return { opts, analysis, checking };
  }

  async function preview(raw: unknown): Promise<ImportPreview> {
    const { analysis, checking } = run(raw);
    await progress(checking);
    return wire(analysis.preview);
  }

  async function apply(raw: unknown): Promise<ImportApplied> {
    const { opts, analysis, checking } = run(raw);
    await progress(checking);
    const total = analysis.preview.newRows;
    const created: number[] = [];
    let done = 0;
    const writing: ImportProgress[] = [];
    try {
      for (const g of analysis.groups) {
        const input: GroupInput = {
          name: g.name,
          kind: g.kind,
          channel: opts.channel,
          preferredFrom: null,
          preferredTo: null,
          preferredSites: [],
          notes: `وارد شده از «${baseName(opts.path)}»`,
          members: g.rows.map((i) => {
            const r = analysis.rows[i] as Checked;
            return {
              id: null,
              fullName: r.fullName,
              nationalId: r.nationalId,
              mobile: r.mobile,
              birthYear: r.birthYear,
              stepFree: r.stepFree,
              ppeSizes: r.ppeSizes,
              isLeader: r.leader,
              duplicateReason: "",
            };
          }),
        };
        created.push(groups.create(input));
        done += g.rows.length;
        // About ten events a run, and always the last one, as the shell sends them.
        const last = writing.at(-1)?.done ?? 0;
        if (done === total || done - last >= Math.ceil(total / 10)) writing.push({ stage: "writing", done, total });
      }
    } catch (error) {
      // All or nothing: what was written is taken back.
      for (const id of created.reverse()) groups.remove(id);
      throw error;
    }
    await progress(writing);
    if (analysis.mapped.size > 0) {
      const kept = memory.remembered.get(analysis.headerKey) ?? new Map<number, ImportField>();
      for (const [i, f] of analysis.mapped) kept.set(i, f);
      memory.remembered.set(analysis.headerKey, kept);
    }
    if (total > 0) {
      memory.imported.set(analysis.sampleKey, { at: clock(), members: total });
    }
    return wire({ groups: created.length, members: total, preview: analysis.preview });
  }

  // ---- exports ---------------------------------------------------------------------

  function recordExport(command: string, args: Record<string, unknown>): null {
    const path = typeof args.path === "string" ? args.path : "";
    const calendar = command === "export_calendar";
    const ok = calendar ? /\.ics$/i.test(path) : /\.(csv|xlsx)$/i.test(path);
    if (!ok) {
      throw calendar
        ? invalid("path", "نام پرونده باید به ‎.ics ختم شود", "the file name must end in .ics")
        : invalid("path", "نام پرونده باید به ‎.csv یا ‎.xlsx ختم شود", "the file name must end in .csv or .xlsx");
    }
    if (command === "export_manifest" && !(typeof args.tour === "number" && Number.isInteger(args.tour))) {
      throw { code: "not_found", message: `tour ${String(args.tour)} was not found`, messageFa: `«tour ${String(args.tour)}» پیدا نشد` } satisfies ApiError;
    }
    const list = JSON.parse(store.getItem(EXPORTS_KEY) ?? "[]") as unknown[];
    list.push(wire({ command, ...args }));
    store.setItem(EXPORTS_KEY, JSON.stringify(list));
    return null;
  }

  // ---- backups ---------------------------------------------------------------------

  function loadBackups(): BackupEntry[] {
    const raw = store.getItem(BACKUPS_KEY);
    if (raw !== null) {
      try {
        return (JSON.parse(raw) as StoredBackups).entries;
      } catch {
        // A damaged record starts again from the seed.
      }
    }
    return seedBackups();
  }

  function saveBackups(entries: BackupEntry[]): Backups {
    const sorted = [...entries].sort((a, b) => (a.made < b.made ? 1 : a.made > b.made ? -1 : 0));
    store.setItem(BACKUPS_KEY, JSON.stringify({ entries: sorted } satisfies StoredBackups));
    return wire({ folder: BACKUP_FOLDER, entries: sorted });
  }

  function backupNow(): Backups {
    const made = clock();
    const { stamp } = iranParts(made);
    const size = 1_228_800 + 4096 * minute;
    const entry: BackupEntry = { path: `${BACKUP_FOLDER}/gardesh-${stamp}.sqlite3`, fileName: `gardesh-${stamp}.sqlite3`, kind: "rotated", made, sizeBytes: size };
    return saveBackups(rotate([entry, ...loadBackups().filter((e) => e.path !== entry.path)], made));
  }

  function restore(path: unknown): RestoreDone {
    const entries = loadBackups();
    const from = entries.find((e) => e.path === path);
    if (!from) {
      const why = "No such file or directory (os error 2)";
      throw { code: "database_io", message: `cannot use ${String(path)}: ${why}`, messageFa: `پرونده‌ی ${ltr(path)} در دسترس نیست: ${why}` } satisfies ApiError;
    }
    const made = clock();
    const { stamp } = iranParts(made);
    const safety: BackupEntry = {
      path: `${BACKUP_FOLDER}/before-restore-${stamp}.sqlite3`,
      fileName: `before-restore-${stamp}.sqlite3`,
      kind: "before_restore",
      made,
      sizeBytes: entries[0]?.sizeBytes ?? 1_228_800,
    };
    saveBackups([safety, ...entries]);
    recovered();
    return { safetyCopy: safety.path };
  }

  function health(): BackupEntry | null {
    if (!refused()) return null;
    return wire(loadBackups().find((e) => e.kind === "rotated") ?? null);
  }

  return async function handle(command: string, args: unknown): Promise<unknown> {
    const a = record(args);
    switch (command) {
      case "import_preview":
        return preview(args);
      case "import_apply":
        return apply(args);
      case "export_registrations":
      case "export_manifest":
      case "export_requests":
      case "export_calendar":
        return recordExport(command, a);
      case "backups_list":
        return wire({ folder: BACKUP_FOLDER, entries: loadBackups() });
      case "backup_now":
        return backupNow();
      case "backup_restore":
        return restore(a.path);
      case "backup_health":
        return health();
      default:
        throw { code: "internal", message: `unknown command ${command}`, messageFa: `فرمان ${ltr(command)} شناخته نیست` } satisfies ApiError;
    }
  };
}
