/**
 * The printed documents in the in-memory backend. It checks a request as
 * the core does (the tour or registration must exist; nothing to print is
 * refused with the reason: no confirmed group, no stops, no tour in the
 * week, a registration not confirmed), counts the pages the way the real
 * documents grow (an itinerary gains a page per three stops, a manifest per
 * thirty passengers, a batch has one document per group, site or tour) and
 * previews them as small PNG pages drawn from code — page skeletons, right
 * to left in Persian and left to right in English, as the app's language
 * says. Saving and opening "render" one document after another, sending
 * `print-progress` events; `print_cancel` stops a batch between documents
 * with the core's "printing was cancelled". Every save and open is recorded
 * under `PRINTS_KEY`.
 */
import type { ApiError } from "./bindings/ApiError";
import type { Language } from "./bindings/Language";
import type { PrintPreview } from "./bindings/PrintPreview";
import type { PrintProgress } from "./bindings/PrintProgress";
import type { PrintSaved } from "./bindings/PrintSaved";
import type { Registration } from "./bindings/Registration";
import type { Tour } from "./bindings/Tour";
import { encodePng } from "./mock-images";
import { gregorianToJalali, isoDayNumber, isoFromDayNumber, parseIso } from "../dates/calendar";
import { formatJalaliDayMonthYear } from "../dates/format";
import { toPersianDigits } from "../i18n/digits";

export const PRINT_COMMANDS = ["print_preview", "print_save", "print_cancel", "print_open"] as const;

export function isPrintCommand(command: string): boolean {
  return (PRINT_COMMANDS as readonly string[]).includes(command);
}

/** Where the saves and opens asked of the mock are recorded: a JSON list of `RecordedPrint`. */
export const PRINTS_KEY = "gardesh.mock.prints";
/** The most pages a preview shows, as in the shell. */
export const MOCK_PREVIEW_PAGES = 12;
/** The size of a preview page in pixels (A4 at 1 px per millimetre). */
export const PAGE_WIDTH = 210;
export const PAGE_HEIGHT = 297;

export interface RecordedPrint {
  command: "print_save" | "print_open";
  path: string;
  kind: string;
  tour: number | null;
  registration: number | null;
  from: string | null;
  pages: number;
  language: Language;
}

/** What the print mock reads about tours. */
export interface PrintTours {
  /** A tour's stops (site ids in order), or null when there is no such tour. */
  stops(id: number): number[] | null;
  /** Tours dated `from` to `to` (Gregorian ISO, both included). */
  between(from: string, to: string): Tour[];
}

/** What the print mock reads about registrations and groups. */
export interface PrintRegistrations {
  get(id: number): Registration | null;
  /** A tour's registrations. */
  ofTour(tour: number): Registration[];
  /** How many members a group has. */
  members(group: number): number;
}

export interface PrintStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface PrintMockOptions {
  tours: PrintTours;
  registrations: PrintRegistrations;
  store: PrintStore;
  /** The app's language (the documents follow it). */
  language: () => Language;
  /** Sends a Tauri event (the progress of a batch). */
  emit?: (event: string, payload: unknown) => void;
  /** A pause for each document rendered, so a person (or a test) sees the bar move and may cancel. */
  stepMs?: number;
  /** Now, for the name of the temporary PDF. */
  now?: () => Date;
}

type Template = "itinerary" | "manifest" | "confirmation" | "safety";

/** One document of a request: a batch has several. */
interface Part {
  template: Template;
  pages: number;
  /** Varies the drawing between documents. */
  seed: number;
}

const fa = (value: string | number) => toPersianDigits(String(value));
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const record = (v: unknown) => (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** A Latin value inside Persian text, isolated left to right. */
function ltr(value: unknown): string {
  return `\u2066${String(value)}\u2069`;
}

function invalid(field: string, messageFa: string, messageEn: string): ApiError {
  return { code: "invalid_input", message: `${field}: ${messageEn}`, messageFa };
}

function notFound(what: string, whatFa: string, id: number): ApiError {
  return { code: "not_found", message: `${what} ${id} was not found`, messageFa: `${whatFa} ${fa(id)} پیدا نشد` };
}

/** The core's refusal when there is nothing to print (code conflict). */
function nothing(whyFa: string, whyEn: string): ApiError {
  return { code: "conflict", message: `nothing to print: ${whyEn}`, messageFa: `چیزی برای چاپ نیست: ${whyFa}` };
}

/** The core's answer to a batch stopped by `print_cancel`. */
export const CANCELLED: Readonly<ApiError> = { code: "conflict", message: "printing was cancelled", messageFa: "چاپ لغو شد" };

function idOf(value: unknown, field: string, whatFa: string, whatEn: string): number {
  if (value === null || value === undefined) throw invalid(field, `${whatFa} انتخاب نشده است`, `no ${whatEn} was chosen`);
  if (typeof value !== "number" || !Number.isInteger(value)) throw invalid(field, `${ltr(value)} شناسه نیست`, `“${String(value)}” is not an id`);
  return value;
}

function solarLong(iso: string): string {
  const d = gregorianToJalali(iso);
  return d ? formatJalaliDayMonthYear(d, "fa") : fa(iso);
}

// ---------------------------------------------------------------------------
// The pages, drawn

type Rgb = [number, number, number];
type Box = [x: number, y: number, w: number, h: number, colour: Rgb];

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [40, 48, 47];
const GREY: Rgb = [168, 176, 174];
const PALE: Rgb = [226, 231, 229];
const TINT: Rgb = [243, 246, 245];
const TEAL: Rgb = [15, 123, 120];
const TEAL_PALE: Rgb = [214, 238, 236];
const AMBER: Rgb = [224, 142, 40];
const AMBER_PALE: Rgb = [255, 243, 220];

/** A small deterministic generator, so a page looks the same each time. */
function random(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 10_000) / 10_000;
  };
}

/** Lines of "text": a grey bar of varying length per line. */
function lines(out: Box[], x: number, y: number, width: number, count: number, rnd: () => number, step = 6, colour = GREY): number {
  for (let i = 0; i < count; i++) out.push([x, y + i * step, Math.round(width * (0.55 + 0.45 * rnd())), 2, colour]);
  return y + count * step;
}

/** A QR-like square of modules with the three finder squares. */
function qr(out: Box[], x: number, y: number, size: number, rnd: () => number) {
  const cell = size / 21;
  for (let r = 0; r < 21; r++) {
    for (let c = 0; c < 21; c++) {
      const finder = (r < 7 && c < 7) || (r < 7 && c > 13) || (r > 13 && c < 7);
      if (finder) continue;
      if (rnd() < 0.45) out.push([x + Math.floor(c * cell), y + Math.floor(r * cell), Math.ceil(cell), Math.ceil(cell), INK]);
    }
  }
  for (const [fr, fc] of [
    [0, 0],
    [0, 14],
    [14, 0],
  ] as const) {
    const fx = x + Math.floor(fc * cell);
    const fy = y + Math.floor(fr * cell);
    const s = Math.ceil(7 * cell);
    out.push([fx, fy, s, s, INK], [fx + Math.ceil(cell), fy + Math.ceil(cell), s - 2 * Math.ceil(cell), s - 2 * Math.ceil(cell), WHITE]);
    out.push([fx + 2 * Math.ceil(cell), fy + 2 * Math.ceil(cell), s - 4 * Math.ceil(cell), s - 4 * Math.ceil(cell), INK]);
  }
}

function table(out: Box[], x: number, y: number, width: number, rows: number, columns: number, rnd: () => number, rowHeight = 9): number {
  out.push([x, y, width, rowHeight, TEAL_PALE]);
  const col = width / columns;
  for (let c = 0; c < columns; c++) out.push([Math.round(x + c * col + 3), y + 3, Math.round(col * 0.5), 2, TEAL]);
  for (let r = 1; r <= rows; r++) {
    const top = y + r * rowHeight;
    if (r % 2 === 0) out.push([x, top, width, rowHeight, TINT]);
    for (let c = 0; c < columns; c++) out.push([Math.round(x + c * col + 3), top + 3, Math.round(col * (0.35 + 0.45 * rnd())), 2, c === 0 ? INK : GREY]);
  }
  const bottom = y + (rows + 1) * rowHeight;
  out.push([x, y, width, 1, GREY], [x, bottom, width, 1, GREY]);
  for (let c = 0; c <= columns; c++) out.push([Math.min(x + width - 1, Math.round(x + c * col)), y, 1, bottom - y, PALE]);
  return bottom;
}

/** The boxes of page `page` (0-based) of a document, in left-to-right coordinates. */
function layout(template: Template, page: number, pages: number, seed: number): Box[] {
  const rnd = random(seed * 131 + page * 17 + template.length);
  const out: Box[] = [];
  const m = 14;
  const inner = PAGE_WIDTH - 2 * m;
  // The running head and foot of every page.
  out.push([m, 8, 60, 2, GREY], [m, 12, inner, 1, TEAL]);
  out.push([m, PAGE_HEIGHT - 14, inner, 1, PALE], [m, PAGE_HEIGHT - 10, 50, 2, GREY], [PAGE_WIDTH - m - 16, PAGE_HEIGHT - 10, 16, 2, GREY]);
  // Page n of N, as dots under the foot.
  for (let i = 0; i < Math.min(pages, 12); i++) out.push([m + 60 + i * 4, PAGE_HEIGHT - 10, 2, 2, i === page ? TEAL : PALE]);

  if (page === 0) {
    out.push([m, 20, 70, 6, INK]);
    out.push([m, 30, 110, 3, TEAL]);
  }
  let y = page === 0 ? 42 : 22;

  if (template === "itinerary") {
    if (page === 0) {
      qr(out, PAGE_WIDTH - m - 28, 16, 28, rnd);
      // Facts on the start side, the route sketch beside them.
      for (let i = 0; i < 8; i++) {
        out.push([m, y + i * 7, 16, 2, GREY]);
        out.push([m + 20, y + i * 7, Math.round(40 + 40 * rnd()), 2, INK]);
      }
      const sx = PAGE_WIDTH - m - 70;
      out.push([sx, y, 70, 56, TINT], [sx, y, 70, 1, PALE], [sx, y + 55, 70, 1, PALE]);
      const dots: [number, number][] = [
        [sx + 54, y + 12],
        [sx + 22, y + 30],
        [sx + 40, y + 46],
      ];
      for (const [dx, dy] of dots) out.push([dx - 3, dy - 3, 7, 7, TEAL], [dx - 1, dy - 1, 3, 3, WHITE]);
      y += 64;
      out.push([m, y, 24, 3, INK]);
      y = table(out, m, y + 6, inner, 3, 6, rnd) + 10;
    }
    const blocks = page === 0 ? 1 : 3;
    for (let b = 0; b < blocks && y < PAGE_HEIGHT - 70; b++) {
      out.push([m, y, inner, 58, TINT], [m, y, 3, 58, TEAL]);
      out.push([m + 8, y + 5, 7, 7, TEAL], [m + 19, y + 7, 70, 3, INK]);
      lines(out, m + 8, y + 18, inner - 16, 6, rnd);
      y += 66;
    }
  } else if (template === "manifest") {
    if (page === 0) {
      for (let i = 0; i < 4; i++) out.push([m + (i % 2) * 92, y + Math.floor(i / 2) * 7, Math.round(50 + 30 * rnd()), 2, INK]);
      y += 18;
    }
    const rows = page === pages - 1 ? 8 + Math.floor(rnd() * 14) : 24;
    y = table(out, m, y, inner, rows, 5, rnd) + 8;
    out.push([m, y, 60, 2, GREY], [PAGE_WIDTH - m - 50, y, 50, 2, GREY]);
  } else if (template === "confirmation") {
    qr(out, PAGE_WIDTH - m - 46, 40, 46, rnd);
    out.push([m, y, 80, 5, TEAL_PALE], [m + 4, y + 1, 60, 3, TEAL]);
    y = lines(out, m, y + 12, 110, 7, rnd, 7, INK) + 6;
    out.push([m, y, 30, 3, INK]);
    y = lines(out, m, y + 7, inner, 3 + Math.floor(rnd() * 5), rnd) + 6;
    out.push([m, y, inner, 40, AMBER_PALE], [m, y, 3, 40, AMBER]);
    lines(out, m + 8, y + 6, inner - 16, 5, rnd, 6, GREY);
    y += 48;
    lines(out, m, y, inner, 4, rnd);
  } else {
    // A safety briefing: the warning sign, the rules, the protective equipment.
    const sx = PAGE_WIDTH - m - 30;
    for (let r = 0; r < 26; r++) {
      const half = Math.round(r * 0.58);
      out.push([sx + 15 - half, 16 + r, 2 * half + 1, 1, AMBER]);
    }
    out.push([sx + 14, 24, 3, 9, INK], [sx + 14, 36, 3, 3, INK]);
    for (let s = 0; s < 3; s++) {
      out.push([m, y, 6, 6, s === 0 ? AMBER : TEAL], [m + 10, y + 1, 60, 3, INK]);
      y = lines(out, m + 10, y + 10, inner - 10, 4 + Math.floor(rnd() * 3), rnd) + 8;
    }
    for (let i = 0; i < 4; i++) {
      const bx = m + i * 46;
      out.push([bx, y, 40, 32, TEAL_PALE], [bx + 14, y + 6, 12, 12, TEAL], [bx + 8, y + 24, 24, 2, GREY]);
    }
  }
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** One page as a `data:image/png;base64,…` URL, mirrored for a right-to-left document. */
export function pagePng(template: Template, page: number, pages: number, seed: number, language: Language): string {
  // Each pixel holds the index of the last box over it (0: the white page).
  const palette: Rgb[] = [WHITE];
  const pixels = new Uint16Array(PAGE_WIDTH * PAGE_HEIGHT);
  for (const [bx, by, bw, bh, c] of layout(template, page, pages, seed)) {
    palette.push(c);
    const at = palette.length - 1;
    for (let y = Math.max(0, by); y < Math.min(PAGE_HEIGHT, by + bh); y++) {
      pixels.fill(at, y * PAGE_WIDTH + Math.max(0, bx), y * PAGE_WIDTH + Math.min(PAGE_WIDTH, bx + bw));
    }
  }
  const rtl = language === "fa";
  const png = encodePng(PAGE_WIDTH, PAGE_HEIGHT, (x, y) => {
    // A hairline border, as the page's edge.
    if (x === 0 || y === 0 || x === PAGE_WIDTH - 1 || y === PAGE_HEIGHT - 1) return PALE;
    return palette[pixels[y * PAGE_WIDTH + (rtl ? PAGE_WIDTH - 1 - x : x)] ?? 0] ?? WHITE;
  });
  return `data:image/png;base64,${toBase64(png)}`;
}

// ---------------------------------------------------------------------------
// The handler

export function createPrintBackend({ tours, registrations, store, language, emit = () => {}, stepMs = 0, now = () => new Date() }: PrintMockOptions) {
  let cancelled = false;
  const images = new Map<string, string>();

  function image(part: Part, page: number, lang: Language): string {
    // Drawings repeat every few documents: a preview of a big batch stays quick.
    const key = `${part.template}:${page}:${Math.min(part.pages, 12)}:${part.seed % 5}:${lang}`;
    let url = images.get(key);
    if (url === undefined) {
      url = pagePng(part.template, page, part.pages, part.seed % 5, lang);
      images.set(key, url);
    }
    return url;
  }

  function tourStops(id: number): number[] {
    const stops = tours.stops(id);
    if (stops === null) throw notFound("tour", "تور", id);
    return stops;
  }

  function itinerary(tour: number): Part {
    const stops = tourStops(tour);
    return { template: "itinerary", pages: 1 + Math.ceil(stops.length / 3), seed: tour };
  }

  function parts(raw: unknown): { kind: string; tour: number | null; registration: number | null; from: string | null; parts: Part[] } {
    const r = record(raw);
    const kind = typeof r.kind === "string" ? r.kind : String(r.kind);
    const base = { kind, tour: null as number | null, registration: null as number | null, from: null as string | null };
    const tourId = () => idOf(r.tour, "tour", "تور", "tour");
    switch (kind) {
      case "itinerary": {
        const tour = tourId();
        return { ...base, tour, parts: [itinerary(tour)] };
      }
      case "manifest": {
        const tour = tourId();
        tourStops(tour);
        const holding = registrations.ofTour(tour).filter((x) => x.state === "confirmed" || x.state === "attended" || x.state === "no_show");
        if (holding.length === 0) throw nothing(`تور ${fa(tour)} هیچ گروه تأییدشده‌ای ندارد`, `tour ${tour} has no confirmed group`);
        const passengers = holding.reduce((n, x) => n + registrations.members(x.group), 0);
        return { ...base, tour, parts: [{ template: "manifest", pages: 1 + Math.floor(Math.max(0, passengers - 1) / 30), seed: tour }] };
      }
      case "confirmations": {
        const tour = tourId();
        tourStops(tour);
        const confirmed = registrations.ofTour(tour).filter((x) => x.state === "confirmed");
        if (confirmed.length === 0) throw nothing(`تور ${fa(tour)} هیچ گروه تأییدشده‌ای ندارد`, `tour ${tour} has no confirmed group`);
        return { ...base, tour, parts: confirmed.map((x) => ({ template: "confirmation", pages: 1, seed: x.id })) };
      }
      case "safety": {
        const tour = tourId();
        const stops = tourStops(tour);
        if (stops.length === 0) throw nothing(`تور ${fa(tour)} هیچ توقفی ندارد`, `tour ${tour} has no stops`);
        return { ...base, tour, parts: [...new Set(stops)].map((site) => ({ template: "safety", pages: 1, seed: site })) };
      }
      case "confirmation": {
        const id = idOf(r.registration, "registration", "ثبت‌نام", "registration");
        const reg = registrations.get(id);
        if (!reg) throw notFound("registration", "ثبت‌نام", id);
        if (reg.state !== "confirmed") {
          throw nothing(`ثبت‌نام ${fa(id)} تأیید نشده است`, `registration ${id} is not confirmed (${reg.state.replace("_", "-")})`);
        }
        return { ...base, registration: id, parts: [{ template: "confirmation", pages: 1, seed: id }] };
      }
      case "week": {
        const from = typeof r.from === "string" ? r.from : "";
        const start = parseIso(from) ? isoDayNumber(from) : null;
        if (start === null) throw invalid("from", `${ltr(from)} تاریخ نیست`, `“${from}” is not a date`);
        const to = isoFromDayNumber(start + 6);
        const week = tours.between(from, to).filter((x) => x.status !== "cancelled");
        if (week.length === 0) throw nothing(`از ${solarLong(from)} تا ${solarLong(to)} توری نیست`, `there is no tour from ${from} to ${to}`);
        return { ...base, from, parts: week.map((x) => itinerary(x.id)) };
      }
      default:
        throw invalid("kind", `سند «${kind}» شناخته نیست`, `unknown document “${kind}”`);
    }
  }

  function preview(raw: unknown): PrintPreview {
    const { parts: list } = parts(raw);
    const lang = language();
    const images: string[] = [];
    for (const part of list) {
      for (let p = 0; p < part.pages && images.length < MOCK_PREVIEW_PAGES; p++) images.push(image(part, p, lang));
      if (images.length >= MOCK_PREVIEW_PAGES) break;
    }
    return { pages: list.reduce((n, p) => n + p.pages, 0), images };
  }

  /** "Renders" each document in turn: progress before the first and after each; a cancel stops it there. */
  async function render(list: Part[]): Promise<number> {
    cancelled = false;
    const total = list.length;
    const step = (done: number) => {
      emit("print-progress", { done, total } satisfies PrintProgress);
      if (cancelled) {
        cancelled = false;
        throw { ...CANCELLED };
      }
    };
    step(0);
    for (let i = 0; i < total; i++) {
      await pause(stepMs);
      step(i + 1);
    }
    return list.reduce((n, p) => n + p.pages, 0);
  }

  function asked(r: ReturnType<typeof parts>): Pick<RecordedPrint, "kind" | "tour" | "registration" | "from"> {
    return { kind: r.kind, tour: r.tour, registration: r.registration, from: r.from };
  }

  function remember(entry: RecordedPrint) {
    let list: RecordedPrint[] = [];
    try {
      const parsed: unknown = JSON.parse(store.getItem(PRINTS_KEY) ?? "[]");
      if (Array.isArray(parsed)) list = parsed as RecordedPrint[];
    } catch {
      list = [];
    }
    list.push(entry);
    store.setItem(PRINTS_KEY, JSON.stringify(list));
  }

  async function save(raw: unknown, path: unknown): Promise<PrintSaved> {
    const request = parts(raw);
    if (typeof path !== "string" || path.trim() === "") throw invalid("path", "جای ذخیره انتخاب نشده است", "no path was chosen");
    const pages = await render(request.parts);
    remember({ command: "print_save", path, ...asked(request), pages, language: language() });
    return { path, pages };
  }

  async function open(raw: unknown): Promise<PrintSaved> {
    const request = parts(raw);
    const pages = await render(request.parts);
    const at = now().toISOString().replace(/[-:]/g, "").replace("T", "-").replace(".", "-").slice(0, 19);
    const path = `/tmp/gardesh-print/gardesh-${at}.pdf`;
    remember({ command: "print_open", path, ...asked(request), pages, language: language() });
    return { path, pages };
  }

  return async function handle(command: string, args: unknown): Promise<unknown> {
    const a = record(args);
    switch (command) {
      case "print_preview":
        return wire(preview(a.request));
      case "print_save":
        return wire(await save(a.request, a.path));
      case "print_open":
        return wire(await open(a.request));
      case "print_cancel":
        cancelled = true;
        return null;
      default:
        throw {
          code: "internal",
          message: `unknown command ${command}`,
          messageFa: `فرمان ${ltr(command)} شناخته نیست`,
        } satisfies ApiError;
    }
  };
}
