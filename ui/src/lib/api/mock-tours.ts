/**
 * The tour commands of the in-memory backend: itineraries timed like the
 * core (straight-line distance × road factor ÷ average speed, whole minutes
 * rounded up, unless a leg's time was entered), visiting hours, closures and
 * archived sites from the mock sites, the programme's end of day, the best
 * order (exact over subsets up to 12 stops, a heuristic above), vehicles and
 * guides that are never on two overlapping tours, route templates and the
 * travel model. Messages follow the core's wording.
 *
 * Tours come from two places: the programme's departures (kept by the
 * programme mock) and a few tours of the mock's own week, outside any
 * programme, so the list is not empty before a programme exists. Stops,
 * vehicles, guides and templates live as long as the page, like the sites.
 */
import type { ApiError } from "./bindings/ApiError";
import type { Capacity } from "./bindings/Capacity";
import type { Closure } from "./bindings/Closure";
import type { Guide } from "./bindings/Guide";
import type { HoursWindow } from "./bindings/HoursWindow";
import type { Location } from "./bindings/Location";
import type { OrderProposal } from "./bindings/OrderProposal";
import type { Programme } from "./bindings/Programme";
import type { RouteTemplate } from "./bindings/RouteTemplate";
import type { Schedule } from "./bindings/Schedule";
import type { Site } from "./bindings/Site";
import type { StopInput } from "./bindings/StopInput";
import type { TemplateApplied } from "./bindings/TemplateApplied";
import type { TimedStop } from "./bindings/TimedStop";
import type { Tour } from "./bindings/Tour";
import type { TourDetail } from "./bindings/TourDetail";
import type { TourProblem } from "./bindings/TourProblem";
import type { TourStatus } from "./bindings/TourStatus";
import type { TourSummary } from "./bindings/TourSummary";
import type { TravelModel } from "./bindings/TravelModel";
import type { Vehicle } from "./bindings/Vehicle";
import type { Weekday } from "./bindings/Weekday";
import { gregorianToJalali, parseIso, weekdayOf } from "../dates/calendar";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";

export const TOUR_COMMANDS = [
  "tours_list",
  "tour_get",
  "tour_preview_stops",
  "tour_set_stops",
  "tour_update",
  "tour_set_status",
  "tour_optimise",
  "tour_apply_order",
  "vehicles_list",
  "vehicle_save",
  "guides_list",
  "guide_save",
  "tour_assign_vehicle",
  "tour_assign_guide",
  "templates_list",
  "template_save_from_tour",
  "template_remove",
  "template_matching_tours",
  "template_apply",
  "travel_model_get",
  "travel_model_save",
  "travel_override_set",
] as const;

export function isTourCommand(command: string): boolean {
  return (TOUR_COMMANDS as readonly string[]).includes(command);
}

/** Where the tours mock reads sites (without side effects on the sites mock). */
export interface SiteSource {
  peek(id: number): { site: Site; hours: HoursWindow[]; closures: Closure[] } | null;
}

/** Where the tours mock reads and writes the programme's tours. */
export interface ProgrammeSource {
  tours(): Tour[];
  current(): Programme | null;
  saveTour(tour: Tour): void;
}

/** Isfahan traffic: roads ≈ 1.4 × straight lines, ≈ 22 km/h; tours meet on Imam Hossein Square. */
export const DEFAULT_TRAVEL_MODEL: Readonly<TravelModel> = {
  roadFactor: 1.4,
  speedKmh: 22,
  origin: { latitude: 32.6552, longitude: 51.6712 },
};

/** The first id of the mock's own tours (the programme's count up from 1). */
export const OWN_TOUR_BASE = 90001;

const END_OF_DAY = 1440;
const EXACT_LIMIT = 12;
const MAX_STOPS = 30;

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const fa = (value: string | number) => toPersianDigits(String(value));

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
// Times and places

/** "HH:MM" from minutes after midnight. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Minutes after midnight of a stored "HH:MM". */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/** A time as the core reads one (`8`, `8:30`, `۰۸:۳۰`, `0830`, `9.15`), in minutes; null otherwise. */
export function parseTimeText(input: string): number | null {
  const s = toLatinDigits(input.trim());
  const parts = s.split(/[:.\u066B]/);
  let h: string;
  let m: string;
  if (parts.length === 2) [h, m] = [(parts[0] ?? "").trim(), (parts[1] ?? "").trim()];
  else if (parts.length > 2) return null;
  else if (/^[0-9]{4}$/.test(s)) [h, m] = [s.slice(0, 2), s.slice(2)];
  else [h, m] = [s, "0"];
  if (!/^[0-9]+$/.test(h) || !/^[0-9]+$/.test(m)) return null;
  const [hours, minutes] = [Number(h), Number(m)];
  if (minutes >= 60 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

function badTime(input: unknown): ApiError {
  return invalid("time", `«${String(input)}» ساعت نیست؛ به شکل ۰۸:۳۰ بنویسید`, `“${String(input)}” is not a time; write it as 08:30`);
}

/** Great-circle distance in km. */
export function distanceKm(a: Location, b: Location): number {
  const r = 6371;
  const rad = (d: number) => (d * Math.PI) / 180;
  const [la1, la2] = [rad(a.latitude), rad(b.latitude)];
  const dla = la2 - la1;
  const dlo = rad(b.longitude - a.longitude);
  const h = Math.sin(dla / 2) ** 2 + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

/** Whole minutes between two places, rounded up; 0 for the same place. */
export function estimateMinutes(model: TravelModel, a: Location, b: Location): number {
  const minutes = ((distanceKm(a, b) * model.roadFactor) / model.speedKmh) * 60;
  return Math.min(600, Math.max(0, Math.ceil(minutes)));
}

function weekdayOfIso(iso: string): Weekday {
  const j = gregorianToJalali(iso);
  return j ? weekdayOf(j) : "saturday";
}

function jalaliShort(iso: string, persian: boolean): string {
  const j = gregorianToJalali(iso);
  if (!j) return iso;
  const text = `${j.year}/${String(j.month).padStart(2, "0")}/${String(j.day).padStart(2, "0")}`;
  return persian ? fa(text) : text;
}

// ---------------------------------------------------------------------------
// Problems, worded as the core words them

function spans(hours: readonly [number, number][], persian: boolean): string {
  if (hours.length === 0) return persian ? "آن روز بسته است" : "closed that day";
  return hours
    .map(([o, c]) => (persian ? `${fa(hhmm(o))}–${fa(hhmm(c))}` : `${hhmm(o)}–${hhmm(c)}`))
    .join(persian ? "، " : ", ");
}

export function outsideHours(hours: readonly [number, number][]): TourProblem {
  return {
    code: "outside_hours",
    fa: `بیرون از ساعت بازدید (${spans(hours, true)})`,
    en: `outside the visiting hours (${spans(hours, false)})`,
  };
}

function closedProblem(reason: string): TourProblem {
  return { code: "closed", fa: `سایت آن روز تعطیل است: ${reason}`, en: `the site is closed that day: ${reason}` };
}

const ARCHIVED: TourProblem = { code: "archived", fa: "سایت بایگانی شده است", en: "the site is archived" };
const PAST_MIDNIGHT: TourProblem = { code: "past_midnight", fa: "زمان‌بندی از نیمه‌شب می‌گذرد", en: "the timing runs past midnight" };
const NO_STOPS: TourProblem = { code: "no_stops", fa: "تور هیچ توقفی ندارد", en: "the tour has no stops" };

function endsAfterDayEnd(ends: number, dayEnds: number): TourProblem {
  return {
    code: "ends_after_day_end",
    fa: `بازگشت ساعت ${fa(hhmm(ends))} است، پس از پایان روز (${fa(hhmm(dayEnds))})`,
    en: `back at ${hhmm(ends)}, after the end of the day (${hhmm(dayEnds)})`,
  };
}

// ---------------------------------------------------------------------------
// Timing

interface Facts {
  name: string;
  location: Location | null;
  visitMinutes: number;
  maxVisitors: number;
  hours: HoursWindow[];
  closed: string | null;
  archived: boolean;
}

/** Travel minutes between two places: a site id, or null for the meeting point. */
type Leg = (from: number | null, to: number | null) => number;

function withinHours(hours: readonly HoursWindow[], weekday: Weekday, from: number, to: number): boolean {
  return hours.some((h) => h.weekday === weekday && minutesOf(h.opens) <= from && to <= minutesOf(h.closes));
}

interface Timed {
  stops: TimedStop[];
  back: number;
  total: number;
  ends: number | null;
}

function timeStops(tour: Tour, list: readonly StopInput[], facts: ReadonlyMap<number, Facts>, leg: Leg): Timed {
  const weekday = weekdayOfIso(tour.date);
  let clock = minutesOf(tour.departure);
  let here: number | null = null;
  let total = 0;
  const out: TimedStop[] = [];
  for (const s of list) {
    const f = facts.get(s.site);
    if (!f) continue;
    const travel = leg(here, s.site);
    total += travel;
    const dwell = s.dwell ?? f.visitMinutes;
    const arrival = clock + travel;
    const departure = arrival + dwell;
    const problems: TourProblem[] = [];
    if (f.archived) problems.push(ARCHIVED);
    if (f.closed !== null) problems.push(closedProblem(f.closed));
    if (departure > END_OF_DAY) problems.push(PAST_MIDNIGHT);
    else if (!withinHours(f.hours, weekday, arrival, departure)) {
      problems.push(
        outsideHours(f.hours.filter((h) => h.weekday === weekday).map((h) => [minutesOf(h.opens), minutesOf(h.closes)])),
      );
    }
    out.push({
      site: s.site,
      siteName: f.name,
      travel,
      arrival: hhmm(Math.min(arrival, END_OF_DAY)),
      departure: hhmm(Math.min(departure, END_OF_DAY)),
      dwell,
      dwellIsDefault: s.dwell === null,
      problems: wire(problems),
    });
    clock = departure;
    here = s.site;
  }
  const back = list.length === 0 ? 0 : leg(here, null);
  total += back;
  const ends = clock + back;
  return { stops: out, back, total, ends: ends <= END_OF_DAY ? ends : null };
}

// ---------------------------------------------------------------------------
// The best order (the core's search, over the same pieces)

interface OrderProblem {
  departure: number;
  weekday: Weekday;
  stops: readonly StopInput[];
  facts: ReadonlyMap<number, Facts>;
  leg: Leg;
  fixLast: boolean;
}

function dwellOf(p: OrderProblem, i: number): number {
  const s = p.stops[i];
  if (!s) return 0;
  return s.dwell ?? p.facts.get(s.site)?.visitMinutes ?? 0;
}

function fits(p: OrderProblem, i: number, arrival: number): boolean {
  const s = p.stops[i];
  const f = s ? p.facts.get(s.site) : undefined;
  const end = arrival + dwellOf(p, i);
  return !!f && f.closed === null && !f.archived && end <= END_OF_DAY && withinHours(f.hours, p.weekday, arrival, end);
}

function legOf(p: OrderProblem, from: number | null, to: number | null): number {
  const site = (i: number | null) => (i === null ? null : (p.stops[i]?.site ?? null));
  return p.leg(site(from), site(to));
}

/** Total travel of an order (indexes into the stops) and whether every visit fits. */
export function evaluateOrder(p: OrderProblem, order: readonly number[]): [number, boolean] {
  let clock = p.departure;
  let prev: number | null = null;
  let total = 0;
  let ok = true;
  for (const i of order) {
    const t = legOf(p, prev, i);
    total += t;
    clock += t;
    ok = fits(p, i, clock) && ok;
    clock += dwellOf(p, i);
    prev = i;
  }
  if (order.length > 0) total += legOf(p, prev, null);
  return [total, ok];
}

/** Exact search over (visited set, last stop, travel so far); null when no order fits. */
function exactOrder(p: OrderProblem): number[] | null {
  const n = p.stops.length;
  if (n === 0) return [];
  const lastFixed = p.fixLast ? n - 1 : null;
  const full = (1 << n) - 1;
  const dwellSum = (mask: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) sum += dwellOf(p, i);
    return sum;
  };
  const labels: Map<number, [number, number]>[][] = Array.from({ length: 1 << n }, () =>
    Array.from({ length: n }, () => new Map<number, [number, number]>()),
  );
  const at = (mask: number, last: number) => labels[mask]?.[last] as Map<number, [number, number]>;
  for (let i = 0; i < n; i++) {
    if (lastFixed === i && n > 1) continue;
    const t = legOf(p, null, i);
    if (fits(p, i, p.departure + t)) at(1 << i, i).set(t, [-1, 0]);
  }
  for (let mask = 1; mask <= full; mask++) {
    for (let last = 0; last < n; last++) {
      const here = at(mask, last);
      if (here.size === 0) continue;
      const clockBase = p.departure + dwellSum(mask);
      const entries = [...here.keys()];
      for (let next = 0; next < n; next++) {
        if (mask & (1 << next)) continue;
        const nextMask = mask | (1 << next);
        if (lastFixed === next && nextMask !== full) continue;
        const leg = legOf(p, last, next);
        for (const travel of entries) {
          if (fits(p, next, clockBase + travel + leg)) {
            const target = at(nextMask, next);
            if (!target.has(travel + leg)) target.set(travel + leg, [last, travel]);
          }
        }
      }
    }
  }
  let best: [number, number] | null = null;
  let bestKey: [number, number] | null = null;
  for (let l = 0; l < n; l++) {
    for (const t of at(full, l).keys()) {
      const key: [number, number] = [t + legOf(p, l, null), l];
      if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
        bestKey = key;
        best = [l, t];
      }
    }
  }
  if (!best) return null;
  let [last, travel] = best;
  const order = [last];
  let mask = full;
  for (;;) {
    const [prev, prevTravel] = at(mask, last).get(travel) ?? [-1, 0];
    if (prev < 0) break;
    mask &= ~(1 << last);
    order.push(prev);
    last = prev;
    travel = prevTravel;
  }
  return order.reverse();
}

/** Nearest feasible neighbour, then reversal and relocation moves while they help. */
function heuristicOrder(p: OrderProblem): number[] {
  const n = p.stops.length;
  const fixed = p.fixLast && n > 0 ? n - 1 : null;
  const left = Array.from({ length: n }, (_, i) => i).filter((i) => i !== fixed);
  const order: number[] = [];
  let clock = p.departure;
  let prev: number | null = null;
  while (left.length > 0) {
    let pick = left[0] as number;
    let pickKey: [number, number] | null = null;
    for (const i of left) {
      const t = legOf(p, prev, i);
      const key: [number, number] = [fits(p, i, clock + t) ? 0 : 1, t];
      if (!pickKey || key[0] < pickKey[0] || (key[0] === pickKey[0] && key[1] < pickKey[1])) {
        pickKey = key;
        pick = i;
      }
    }
    clock += legOf(p, prev, pick) + dwellOf(p, pick);
    prev = pick;
    order.push(pick);
    left.splice(left.indexOf(pick), 1);
  }
  if (fixed !== null) order.push(fixed);
  const score = (o: readonly number[]): [number, number] => {
    const [t, ok] = evaluateOrder(p, o);
    return [ok ? 0 : 1, t];
  };
  const better = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  let best = order;
  let bestScore = score(best);
  const movable = fixed !== null ? n - 1 : n;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < movable; i++) {
      for (let j = i + 1; j < movable; j++) {
        let cand = [...best.slice(0, i), ...best.slice(i, j + 1).reverse(), ...best.slice(j + 1)];
        let s = score(cand);
        if (better(s, bestScore)) {
          best = cand;
          bestScore = s;
          improved = true;
        }
        cand = [...best];
        const [x] = cand.splice(i, 1);
        cand.splice(j, 0, x as number);
        s = score(cand);
        if (better(s, bestScore)) {
          best = cand;
          bestScore = s;
          improved = true;
        }
      }
    }
  }
  return best;
}

/** The proposal: never worse than the given order (feasible first, then less travel). */
export function solveOrder(p: OrderProblem) {
  const given = p.stops.map((_, i) => i);
  const [before, wasFeasible] = evaluateOrder(p, given);
  const exact = p.stops.length <= EXACT_LIMIT;
  const candidate = exact ? exactOrder(p) : heuristicOrder(p);
  let best = given;
  let bestEval: [number, boolean] = [before, wasFeasible];
  if (candidate) {
    const e = evaluateOrder(p, candidate);
    const key = (x: [number, boolean]): [number, number] => [x[1] ? 0 : 1, x[0]];
    const [a, b] = [key(e), key(bestEval)];
    if (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])) {
      best = candidate;
      bestEval = e;
    }
  }
  return {
    order: best.map((i) => wire(p.stops[i] as StopInput)),
    travelBefore: before,
    travelAfter: bestEval[0],
    feasible: bestEval[1],
    wasFeasible,
    exact,
  };
}

// ---------------------------------------------------------------------------
// Seed data

const MEETING_POINT = "میدان امام حسین، جلوی ساختمان مرکزی شهرداری";

interface SeedTour {
  date: string;
  departure: string;
  status: TourStatus;
  stops: number[];
  vehicles?: number[];
  guides?: number[];
}

/**
 * The mock's week (today is Sunday 8 Azar 1405 = 2026-11-29), one day of
 * the next and an open tour the week after (23 Azar), over the mock sites: 1 Zeynabieh (09–12 and 14–16, closed
 * 5–7 Dec), 2 the 4th ring road (08:30–13:00), 3 Atiq Square (archived).
 */
const SEED_TOURS: readonly SeedTour[] = [
  { date: "2026-11-28", departure: "08:00", status: "done", stops: [2, 1], vehicles: [1], guides: [1] },
  { date: "2026-11-29", departure: "08:00", status: "open", stops: [2, 1], vehicles: [1], guides: [1] },
  { date: "2026-11-29", departure: "13:00", status: "draft", stops: [1] },
  { date: "2026-11-30", departure: "08:00", status: "draft", stops: [1, 2], vehicles: [2], guides: [2] },
  { date: "2026-11-30", departure: "10:00", status: "draft", stops: [2] },
  { date: "2026-12-01", departure: "08:00", status: "draft", stops: [] },
  { date: "2026-12-02", departure: "09:00", status: "draft", stops: [3] },
  { date: "2026-12-03", departure: "08:00", status: "cancelled", stops: [2] },
  { date: "2026-12-05", departure: "08:00", status: "draft", stops: [2, 1] },
  // Two weeks on, open for registration (the groups mock registers a group here).
  { date: "2026-12-14", departure: "09:00", status: "open", stops: [2] },
];

const SEED_VEHICLES: readonly Omit<Vehicle, "id">[] = [
  { name: "اتوبوس شماره‌ی ۱", plate: "۱۲ ع ۳۴۵ ایران ۱۳", seats: 25, active: true },
  { name: "اتوبوس شماره‌ی ۲", plate: "۴۵ ب ۶۷۸ ایران ۱۳", seats: 25, active: true },
  { name: "مینی‌بوس", plate: "۲۳ ج ۱۱۱ ایران ۶۷", seats: 18, active: true },
  { name: "اتوبوس قدیمی", plate: "۹۸ د ۷۶۵ ایران ۱۳", seats: 40, active: false },
];

const SEED_GUIDES: readonly Omit<Guide, "id">[] = [
  { name: "مریم احمدی", phone: "09131234567", active: true },
  { name: "علی کاظمی", phone: "09137654321", active: true },
  { name: "زهرا موسوی", phone: "09135550000", active: false },
];

// ---------------------------------------------------------------------------

function isoArg(field: string, value: unknown): string {
  if (typeof value !== "string" || !parseIso(value)) {
    throw invalid(field, `${ltr(String(value))} تاریخ نیست (سال-ماه-روز)`, `“${String(value)}” is not a date (YYYY-MM-DD)`);
  }
  return value;
}

function idArg(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw notFound(what, value);
  return value;
}

function byDateAndTime(a: Tour, b: Tour): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.departure < b.departure ? -1 : a.departure > b.departure ? 1 : a.id - b.id;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export interface ToursMockOptions {
  /** Seed the mock's own week of tours, vehicles, guides and a template (default true). */
  seed?: boolean;
}

/** The tour command handler over the sites and the programme's tours. */
export function createToursBackend(sites: SiteSource, programme: ProgrammeSource, { seed = true }: ToursMockOptions = {}) {
  const own = new Map<number, Tour>();
  const stops = new Map<number, StopInput[]>();
  const tourVehicles = new Map<number, Set<number>>();
  const tourGuides = new Map<number, Set<number>>();
  const vehicles = new Map<number, Vehicle>();
  const guides = new Map<number, Guide>();
  const templates = new Map<number, RouteTemplate>();
  const overrides = new Map<string, number>();
  let model: TravelModel = wire(DEFAULT_TRAVEL_MODEL) as TravelModel;
  let nextVehicle = 1;
  let nextGuide = 1;
  let nextTemplate = 1;

  if (seed) {
    for (const v of SEED_VEHICLES) vehicles.set(nextVehicle, { id: nextVehicle++, ...v });
    for (const g of SEED_GUIDES) guides.set(nextGuide, { id: nextGuide++, ...g });
    SEED_TOURS.forEach((s, i) => {
      const id = OWN_TOUR_BASE + i;
      own.set(id, { id, date: s.date, departure: s.departure, meetingPoint: MEETING_POINT, seats: 25, status: s.status, notes: "" });
      stops.set(id, s.stops.filter((site) => sites.peek(site) !== null).map((site) => ({ site, dwell: null })));
      tourVehicles.set(id, new Set(s.vehicles ?? []));
      tourGuides.set(id, new Set(s.guides ?? []));
    });
    if (sites.peek(1) && sites.peek(2)) {
      templates.set(nextTemplate, {
        id: nextTemplate++,
        name: "کمربندی چهارم و زینبیه",
        stops: [
          { site: 2, dwell: null },
          { site: 1, dwell: null },
        ],
      });
    }
  }

  // ---- tours --------------------------------------------------------------

  function allTours(): Tour[] {
    return [...programme.tours(), ...own.values()].map((t) => wire(t));
  }

  function getTour(id: unknown): Tour {
    const n = idArg(id, "tour");
    const t = own.get(n) ?? programme.tours().find((x) => x.id === n);
    if (!t) throw notFound("tour", id);
    return wire(t);
  }

  function storeTour(tour: Tour): void {
    if (own.has(tour.id)) own.set(tour.id, wire(tour));
    else programme.saveTour(tour);
  }

  function isProgrammeTour(tour: Tour): boolean {
    return !own.has(tour.id);
  }

  function dayEnds(tour: Tour): number {
    const p = programme.current();
    return isProgrammeTour(tour) && p ? minutesOf(p.input.dayEnds) : END_OF_DAY;
  }

  function savedStops(id: number): StopInput[] {
    return wire(stops.get(id) ?? []);
  }

  // ---- timing -------------------------------------------------------------

  function factsFor(list: readonly StopInput[], date: string): Map<number, Facts> {
    const out = new Map<number, Facts>();
    for (const s of list) {
      if (out.has(s.site)) continue;
      const found = sites.peek(s.site);
      if (!found) throw notFound("site", s.site);
      const closure = found.closures.find((c) => c.starts <= date && date <= c.ends);
      out.set(s.site, {
        name: found.site.input.nameFa,
        location: found.site.input.location,
        visitMinutes: found.site.input.rules.visitMinutes,
        maxVisitors: found.site.input.rules.maxVisitors,
        hours: found.hours,
        closed: closure ? closure.reason : null,
        archived: found.site.archived,
      });
    }
    return out;
  }

  function legFor(facts: ReadonlyMap<number, Facts>): Leg {
    const place = (site: number | null): Location => (site === null ? model.origin : (facts.get(site)?.location ?? model.origin));
    return (from, to) => {
      if (from === to) return 0;
      if (from !== null && to !== null) {
        const entered = overrides.get(`${from}>${to}`);
        if (entered !== undefined) return entered;
      }
      return estimateMinutes(model, place(from), place(to));
    };
  }

  function vehicleSeats(tour: Tour): number {
    const list = [...(tourVehicles.get(tour.id) ?? [])].map((v) => vehicles.get(v)).filter((v): v is Vehicle => !!v);
    return list.length === 0 ? tour.seats : list.reduce((sum, v) => sum + v.seats, 0);
  }

  function checkStops(raw: unknown): StopInput[] {
    if (!Array.isArray(raw)) throw invalid("stops", "توقف‌ها باید فهرست باشند", "stops must be a list");
    if (raw.length > MAX_STOPS) throw invalid("stops", "حداکثر ۳۰ توقف در یک تور", "at most 30 stops on a tour");
    return raw.map((item: unknown) => {
      const s = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
      const site = idArg(s.site, "site");
      if (!sites.peek(site)) throw notFound("site", site);
      const dwell = s.dwell ?? null;
      if (dwell !== null && (typeof dwell !== "number" || !Number.isInteger(dwell) || dwell < 5 || dwell > 480)) {
        throw invalid("dwell", "مدت توقف بین ۵ و ۴۸۰ دقیقه است", "a stop lasts between 5 and 480 minutes");
      }
      return { site, dwell: dwell as number | null };
    });
  }

  function scheduleOf(tour: Tour, list: readonly StopInput[]): Schedule {
    const facts = factsFor(list, tour.date);
    const timed = timeStops(tour, list, facts, legFor(facts));
    const seats = vehicleSeats(tour);
    let smallest: [number, number] | null = null;
    for (const s of list) {
      const f = facts.get(s.site);
      if (f && (smallest === null || f.maxVisitors < smallest[1])) smallest = [s.site, f.maxVisitors];
    }
    const problems: TourProblem[] = [];
    if (list.length === 0) problems.push(NO_STOPS);
    const end = dayEnds(tour);
    if (timed.ends === null) problems.push(PAST_MIDNIGHT);
    else if (timed.ends > end) problems.push(endsAfterDayEnd(timed.ends, end));
    const capacity: Capacity = {
      seats: smallest === null ? seats : Math.min(seats, smallest[1]),
      vehicleSeats: seats,
      smallestStopSite: smallest?.[0] ?? null,
      smallestStopMax: smallest?.[1] ?? null,
    };
    return {
      tour: wire(tour),
      stops: timed.stops,
      returnTravel: timed.back,
      ends: timed.ends === null ? null : hhmm(timed.ends),
      totalTravel: timed.total,
      capacity,
      problems: wire(problems),
      feasible: problems.length === 0 && timed.stops.every((s) => s.problems.length === 0),
    };
  }

  function schedule(tour: Tour): Schedule {
    return scheduleOf(tour, savedStops(tour.id));
  }

  // ---- vehicles and guides --------------------------------------------------

  /** From departure until back (the end of the day when past midnight). */
  function span(tour: Tour): [number, number] {
    const start = minutesOf(tour.departure);
    const ends = schedule(tour).ends;
    return [start, Math.max(start, ends === null ? END_OF_DAY : minutesOf(ends))];
  }

  function clash(tour: Tour, holders: Map<number, Set<number>>, resource: number): Tour | null {
    const mine = span(tour);
    const others = allTours()
      .filter((t) => t.date === tour.date && t.id !== tour.id && t.status !== "cancelled")
      .filter((t) => holders.get(t.id)?.has(resource))
      .sort((a, b) => a.id - b.id);
    for (const other of others) {
      const theirs = span(other);
      if (mine[0] < theirs[1] && theirs[0] < mine[1]) return other;
    }
    return null;
  }

  function clashError(whatFa: string, whatEn: string, other: Tour): ApiError {
    return conflict(
      `${whatFa} در همین ساعت‌ها در تور ${jalaliShort(other.date, true)} ساعت ${fa(other.departure)} است`,
      `${whatEn} is on the tour of ${jalaliShort(other.date, false)} at ${other.departure} at overlapping times`,
    );
  }

  function vehicleWords(v: Vehicle): [string, string] {
    return [`خودروی «${v.name}»`, `the vehicle “${v.name}”`];
  }

  function guideWords(g: Guide): [string, string] {
    return [`راهنما «${g.name}»`, `the guide “${g.name}”`];
  }

  function onTour<T extends { name: string }>(holders: Map<number, Set<number>>, pool: Map<number, T>, tour: number): T[] {
    return [...(holders.get(tour) ?? [])]
      .map((id) => pool.get(id))
      .filter((x): x is T => !!x)
      .sort(byName);
  }

  function clashes(tour: Tour): TourProblem[] {
    const out: TourProblem[] = [];
    for (const v of onTour(tourVehicles, vehicles, tour.id)) {
      const other = clash(tour, tourVehicles, v.id as number);
      if (other) {
        const e = clashError(...vehicleWords(v), other);
        out.push({ code: "clash", fa: e.messageFa, en: e.message });
      }
    }
    for (const g of onTour(tourGuides, guides, tour.id)) {
      const other = clash(tour, tourGuides, g.id as number);
      if (other) {
        const e = clashError(...guideWords(g), other);
        out.push({ code: "clash", fa: e.messageFa, en: e.message });
      }
    }
    return out;
  }

  function detail(tour: Tour): TourDetail {
    return {
      schedule: schedule(tour),
      stops: savedStops(tour.id),
      vehicles: wire(onTour(tourVehicles, vehicles, tour.id)),
      guides: wire(onTour(tourGuides, guides, tour.id)),
      clashes: clashes(tour),
    };
  }

  function summary(tour: Tour): TourSummary {
    const s = schedule(tour);
    const first = [...s.problems, ...s.stops.flatMap((x) => x.problems)][0] ?? null;
    return { tour: s.tour, stopCount: s.stops.length, seats: s.capacity.seats, ends: s.ends, feasible: s.feasible, firstProblem: first };
  }

  function nameOk(raw: unknown): string {
    const name = typeof raw === "string" ? raw.trim() : "";
    if (name === "" || [...name].length > 120) {
      throw invalid("name", "نام لازم است و حداکثر ۱۲۰ نویسه", "a name is needed, at most 120 characters");
    }
    return name;
  }

  function saveVehicle(raw: unknown): number {
    const v = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = nameOk(v.name);
    const seats = v.seats;
    if (typeof seats !== "number" || !Number.isInteger(seats) || seats < 1 || seats > 200) {
      throw invalid("seats", "صندلی‌های خودرو بین ۱ و ۲۰۰ است", "a vehicle has 1 to 200 seats");
    }
    const id = v.id === null || v.id === undefined ? nextVehicle++ : idArg(v.id, "vehicle");
    if (!vehicles.has(id) && v.id !== null && v.id !== undefined) throw notFound("vehicle", id);
    vehicles.set(id, { id, name, plate: String(v.plate ?? "").trim(), seats, active: v.active === true });
    return id;
  }

  function saveGuide(raw: unknown): number {
    const g = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = nameOk(g.name);
    const id = g.id === null || g.id === undefined ? nextGuide++ : idArg(g.id, "guide");
    if (!guides.has(id) && g.id !== null && g.id !== undefined) throw notFound("guide", id);
    guides.set(id, { id, name, phone: String(g.phone ?? "").trim(), active: g.active === true });
    return id;
  }

  const listOf = <T extends { name: string; active: boolean }>(pool: Map<number, T>): T[] =>
    wire([...pool.values()].sort((a, b) => Number(b.active) - Number(a.active) || byName(a, b)));

  function assign<T extends { id: number | null; name: string }>(
    tourId: unknown,
    resourceId: unknown,
    on: boolean,
    what: "vehicle" | "guide",
  ): TourDetail {
    const tour = getTour(tourId);
    const holders = what === "vehicle" ? tourVehicles : tourGuides;
    const pool = (what === "vehicle" ? vehicles : guides) as unknown as Map<number, T>;
    const id = idArg(resourceId, what);
    const set = holders.get(tour.id) ?? new Set<number>();
    if (on) {
      const resource = pool.get(id);
      if (!resource) throw notFound(what, id);
      const other = clash(tour, holders, id);
      if (other) {
        const words: [string, string] =
          what === "vehicle" ? vehicleWords(resource as unknown as Vehicle) : guideWords(resource as unknown as Guide);
        throw clashError(...words, other);
      }
      set.add(id);
    } else {
      set.delete(id);
    }
    holders.set(tour.id, set);
    return detail(tour);
  }

  // ---- status and details ---------------------------------------------------

  function setStatus(tourId: unknown, status: unknown): TourDetail {
    const tour = getTour(tourId);
    if (!["draft", "open", "full", "done", "cancelled"].includes(String(status))) {
      throw invalid("status", `وضعیت ${ltr(String(status))} شناخته نیست`, `unknown status ${String(status)}`);
    }
    if (status === "open") {
      const s = schedule(tour);
      if (!s.feasible) {
        const first = [...s.problems, ...s.stops.flatMap((x) => x.problems)][0] ?? { fa: "", en: "" };
        throw conflict(`تور شدنی نیست و باز نمی‌شود: ${first.fa}`, `the tour is not feasible and cannot open: ${first.en}`);
      }
      const clash = clashes(tour)[0];
      if (clash) throw conflict(clash.fa, clash.en);
    }
    tour.status = status as TourStatus;
    storeTour(tour);
    return detail(tour);
  }

  function update(a: Record<string, unknown>): TourDetail {
    const tour = getTour(a.id);
    const departure = parseTimeText(String(a.departure ?? ""));
    if (departure === null) throw badTime(a.departure);
    if (departure >= END_OF_DAY) {
      throw invalid("departure", "ساعت حرکت باید پیش از ۲۴:۰۰ باشد", "a departure must be before 24:00");
    }
    const seats = a.seats;
    if (typeof seats !== "number" || !Number.isInteger(seats) || seats < 0) {
      throw invalid("seats", "ظرفیت باید عدد صحیح باشد", "seats must be a whole number");
    }
    if (seats > 500) throw invalid("seats", "ظرفیت تور حداکثر ۵۰۰ است", "a tour has at most 500 seats");
    const meetingPoint = String(a.meetingPoint ?? "");
    const notes = String(a.notes ?? "");
    if ([...meetingPoint].length > 300 || [...notes].length > 4000) {
      throw invalid("notes", "متن بیش از اندازه بلند است", "the text is too long");
    }
    const time = hhmm(departure);
    const programmeTour = isProgrammeTour(tour);
    const taken = allTours().some(
      (t) => t.id !== tour.id && t.date === tour.date && t.departure === time && isProgrammeTour(t) === programmeTour,
    );
    if (taken) {
      throw conflict("تور دیگری همان روز در همین ساعت حرکت می‌کند", "another tour of the programme leaves at that time on that day");
    }
    Object.assign(tour, { departure: time, seats, meetingPoint: meetingPoint.trim(), notes: notes.trim() });
    storeTour(tour);
    return detail(tour);
  }

  function optimise(tourId: unknown, fixLast: boolean): OrderProposal {
    const tour = getTour(tourId);
    const list = savedStops(tour.id);
    const facts = factsFor(list, tour.date);
    const p = solveOrder({
      departure: minutesOf(tour.departure),
      weekday: weekdayOfIso(tour.date),
      stops: list,
      facts,
      leg: legFor(facts),
      fixLast,
    });
    return { ...p, minutesSaved: p.travelBefore - p.travelAfter, preview: scheduleOf(tour, p.order) };
  }

  function applyOrder(tourId: unknown, raw: unknown): TourDetail {
    const tour = getTour(tourId);
    const order = checkStops(raw);
    const now = savedStops(tour.id)
      .map((s) => s.site)
      .sort((a, b) => a - b);
    const proposed = order.map((s) => s.site).sort((a, b) => a - b);
    if (JSON.stringify(now) !== JSON.stringify(proposed)) {
      throw conflict(
        "توقف‌های تور از زمان پیشنهاد تغییر کرده است؛ دوباره بهینه کنید",
        "the tour's stops changed since the proposal; optimise again",
      );
    }
    stops.set(tour.id, order);
    return detail(tour);
  }

  // ---- templates ------------------------------------------------------------

  function saveTemplate(tourId: unknown, rawName: unknown): number {
    const name = typeof rawName === "string" ? rawName.trim() : "";
    if (name === "" || [...name].length > 120) {
      throw invalid("name", "نام الگو لازم است و حداکثر ۱۲۰ نویسه", "a template needs a name of at most 120 characters");
    }
    const tour = getTour(tourId);
    const list = savedStops(tour.id);
    if (list.length === 0) {
      throw invalid("stops", "توری بدون توقف الگو نمی‌شود", "a tour without stops cannot become a template");
    }
    if ([...templates.values()].some((t) => t.name === name)) {
      throw conflict(`الگوی «${name}» از پیش هست`, `a template named “${name}” exists`);
    }
    const id = nextTemplate++;
    templates.set(id, { id, name, stops: list });
    return id;
  }

  function matching(rawDays: unknown, rawDeparture: unknown): Tour[] {
    const days = new Set(Array.isArray(rawDays) ? rawDays.map(String) : []);
    let departure: number | null = null;
    if (typeof rawDeparture === "string" && rawDeparture.trim() !== "") {
      departure = parseTimeText(rawDeparture);
      if (departure === null) throw badTime(rawDeparture);
    }
    if (!programme.current()) return [];
    return programme
      .tours()
      .filter(
        (t) =>
          t.status === "draft" && days.has(weekdayOfIso(t.date)) && (departure === null || minutesOf(t.departure) === departure),
      )
      .sort(byDateAndTime)
      .map((t) => wire(t));
  }

  function applyTemplate(rawId: unknown, rawTours: unknown): TemplateApplied {
    const template = templates.get(idArg(rawId, "template"));
    if (!template) throw notFound("template", rawId);
    const ids = Array.isArray(rawTours) ? rawTours : [];
    const list = ids.map((id) => getTour(id));
    let applied = 0;
    let skipped = 0;
    for (const tour of list) {
      if (tour.status !== "draft") {
        skipped++;
        continue;
      }
      stops.set(tour.id, wire(template.stops));
      applied++;
    }
    return { applied, skipped };
  }

  // ---- travel ---------------------------------------------------------------

  function saveModel(raw: unknown): TravelModel {
    const m = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const o = (typeof m.origin === "object" && m.origin !== null ? m.origin : {}) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : NaN);
    const [roadFactor, speedKmh, latitude, longitude] = [num(m.roadFactor), num(m.speedKmh), num(o.latitude), num(o.longitude)];
    if (!(roadFactor >= 1 && roadFactor <= 3)) {
      throw invalid("roadFactor", "ضریب مسیر بین ۱ و ۳ است", "the road factor is between 1 and 3");
    }
    if (!(speedKmh >= 5 && speedKmh <= 100)) {
      throw invalid("speedKmh", "سرعت میانگین بین ۵ و ۱۰۰ کیلومتر بر ساعت است", "the average speed is between 5 and 100 km/h");
    }
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
      throw invalid("origin", "مختصات محل قرار نادرست است", "the meeting point's coordinates are not valid");
    }
    model = { roadFactor, speedKmh, origin: { latitude, longitude } };
    return wire(model);
  }

  function setOverride(a: Record<string, unknown>): null {
    const from = idArg(a.from, "site");
    const to = idArg(a.to, "site");
    if (from === to) throw invalid("to", "مبدأ و مقصد یکی است", "the two sites are the same");
    const minutes = a.minutes ?? null;
    if (minutes !== null && (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < 0)) {
      throw invalid("minutes", "زمان سفر باید عدد صحیح باشد", "a travel time is a whole number of minutes");
    }
    if (typeof minutes === "number" && minutes > 600) {
      throw invalid("minutes", "زمان سفر حداکثر ۶۰۰ دقیقه است", "a travel time is at most 600 minutes");
    }
    if (minutes === null) overrides.delete(`${from}>${to}`);
    else overrides.set(`${from}>${to}`, minutes);
    return null;
  }

  return function handle(command: string, args: unknown): unknown {
    const a = (typeof args === "object" && args !== null ? args : {}) as Record<string, unknown>;
    switch (command) {
      case "tours_list": {
        const from = isoArg("from", a.from);
        const to = isoArg("to", a.to);
        return allTours()
          .filter((t) => t.date >= from && t.date <= to)
          .sort(byDateAndTime)
          .map(summary);
      }
      case "tour_get":
        return detail(getTour(a.id));
      case "tour_preview_stops": {
        const tour = getTour(a.id);
        return scheduleOf(tour, checkStops(wire(a.stops ?? null)));
      }
      case "tour_set_stops": {
        const tour = getTour(a.id);
        stops.set(tour.id, checkStops(wire(a.stops ?? null)));
        return detail(tour);
      }
      case "tour_update":
        return update(a);
      case "tour_set_status":
        return setStatus(a.id, a.status);
      case "tour_optimise":
        return optimise(a.id, a.fixLast === true);
      case "tour_apply_order":
        return applyOrder(a.id, wire(a.order ?? null));
      case "vehicles_list":
        return listOf(vehicles);
      case "vehicle_save":
        return saveVehicle(wire(a.vehicle ?? null));
      case "guides_list":
        return listOf(guides);
      case "guide_save":
        return saveGuide(wire(a.guide ?? null));
      case "tour_assign_vehicle":
        return assign(a.id, a.vehicle, a.assign === true, "vehicle");
      case "tour_assign_guide":
        return assign(a.id, a.guide, a.assign === true, "guide");
      case "templates_list":
        return wire([...templates.values()].sort((x, y) => byName(x, y) || x.id - y.id));
      case "template_save_from_tour":
        return saveTemplate(a.tour, a.name);
      case "template_remove": {
        const id = idArg(a.id, "template");
        if (!templates.delete(id)) throw notFound("template", id);
        return null;
      }
      case "template_matching_tours":
        return matching(a.weekdays, a.departure ?? null);
      case "template_apply":
        return applyTemplate(a.id, a.tours);
      case "travel_model_get":
        return wire(model);
      case "travel_model_save":
        return saveModel(wire(a.model ?? null));
      case "travel_override_set":
        return setOverride(a);
      default:
        throw {
          code: "internal",
          message: `unknown command ${command}`,
          messageFa: `فرمان ${ltr(command)} شناخته نیست`,
        } satisfies ApiError;
    }
  };
}
