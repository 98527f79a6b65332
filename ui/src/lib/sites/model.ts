/**
 * The site form as the coordinator edits it, and the core's rules for a
 * site mirrored here so each field can say what is wrong while it is typed.
 * The core checks everything again on save; its answer is the one that counts.
 *
 * Number fields are kept as the text typed, in any digits (Persian ۰–۹,
 * Arabic-Indic ٠–٩ or Latin), and converted to Latin numbers only when the
 * site is sent.
 */
import type { Location } from "../api/bindings/Location";
import type { Ppe } from "../api/bindings/Ppe";
import type { SiteCategory } from "../api/bindings/SiteCategory";
import type { SiteInput } from "../api/bindings/SiteInput";
import type { MessageKey, UiLocale } from "../i18n/catalogues";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";

export const CATEGORIES: readonly SiteCategory[] = [
  "metro_station",
  "tunnel",
  "road",
  "bridge",
  "square",
  "park",
  "building",
  "other",
];

export const PPE_ITEMS: readonly Ppe[] = ["helmet", "vest", "closed_shoes", "long_trousers", "gloves", "goggles", "mask"];

/** Isfahan's municipal districts, 1 to 15. */
export const DISTRICTS: readonly number[] = Array.from({ length: 15 }, (_, i) => i + 1);

export const LIMITS = {
  nameMax: 120,
  addressMax: 400,
  shortTextMax: 120,
  longTextMax: 4000,
  district: [1, 15],
  progress: [0, 100],
  maxVisitors: [1, 500],
  visitMinutes: [5, 480],
  minAge: [0, 99],
  latitude: [-90, 90],
  longitude: [-180, 180],
  phoneDigits: [4, 15],
} as const;

/** The Isfahan region: a location outside it is warned about, not refused. */
export const REGION = { latMin: 32.4, latMax: 32.95, lngMin: 51.4, lngMax: 51.95 } as const;

export function inRegion(location: Location): boolean {
  return (
    location.latitude >= REGION.latMin &&
    location.latitude <= REGION.latMax &&
    location.longitude >= REGION.lngMin &&
    location.longitude <= REGION.lngMax
  );
}

/** A site as the form holds it: numbers as typed text. */
export interface SiteForm {
  nameFa: string;
  nameEn: string;
  category: SiteCategory;
  district: string;
  address: string;
  latitude: string;
  longitude: string;
  progress: string;
  department: string;
  contactName: string;
  contactPhone: string;
  description: string;
  maxVisitors: string;
  visitMinutes: string;
  minAge: string;
  ppe: Ppe[];
  stepFree: boolean;
  safetyNotes: string;
}

export type FormField = Exclude<keyof SiteForm, "ppe" | "stepFree" | "category">;

/** A broken rule: which field, the catalogue key of the hint and its numbers. */
export interface Problem {
  field: FormField;
  key: MessageKey;
  params?: Readonly<Record<string, number>>;
}

/** A new site's starting values (the core's default visit rules). */
export function emptyForm(locale: UiLocale = "fa"): SiteForm {
  const d = (n: number) => localDigits(n, locale);
  return {
    nameFa: "",
    nameEn: "",
    category: "metro_station",
    district: "",
    address: "",
    latitude: "",
    longitude: "",
    progress: d(0),
    department: "",
    contactName: "",
    contactPhone: "",
    description: "",
    maxVisitors: d(25),
    visitMinutes: d(45),
    minAge: d(0),
    ppe: [],
    stepFree: false,
    safetyNotes: "",
  };
}

/** A number written in the locale's digits (a decimal point becomes «٫» in Persian). */
export function localDigits(value: number, locale: UiLocale): string {
  const text = String(value);
  return locale === "fa" ? toPersianDigits(text).replace(".", "\u066B").replace("-", "\u2212") : text;
}

/** The form showing a saved site, numbers in the locale's digits. */
export function formFromInput(input: SiteInput, locale: UiLocale): SiteForm {
  const d = (n: number) => localDigits(n, locale);
  return {
    nameFa: input.nameFa,
    nameEn: input.nameEn,
    category: input.category,
    district: d(input.district),
    address: input.address,
    latitude: input.location ? d(input.location.latitude) : "",
    longitude: input.location ? d(input.location.longitude) : "",
    progress: d(input.progress),
    department: input.department,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    description: input.description,
    maxVisitors: d(input.rules.maxVisitors),
    visitMinutes: d(input.rules.visitMinutes),
    minAge: d(input.rules.minAge),
    ppe: PPE_ITEMS.filter((p) => input.rules.ppe.includes(p)),
    stepFree: input.rules.stepFree,
    safetyNotes: input.rules.safetyNotes,
  };
}

const INVISIBLE = /[\u200E\u200F\u2066-\u2069\u202A-\u202E]/g;

/** Typed text with Latin digits, no direction marks, and «−» as "-". */
function latin(text: string): string {
  return toLatinDigits(text.replace(INVISIBLE, "")).replace(/\u2212/g, "-").trim();
}

export type Parsed = { kind: "empty" } | { kind: "invalid" } | { kind: "ok"; value: number };

/** A whole number typed in any digits: «۲۵», "٢٥", "25". */
export function parseWhole(text: string): Parsed {
  const s = latin(text);
  if (s === "") return { kind: "empty" };
  if (!/^-?\d{1,9}$/.test(s)) return { kind: "invalid" };
  return { kind: "ok", value: Number(s) };
}

/**
 * A decimal number typed in any digits, with «٫», "." or "/" as the decimal
 * point (Persian keyboards give «٫»; "/" is common in handwriting): «۳۲٫۶۵».
 */
export function parseDecimal(text: string): Parsed {
  const s = latin(text).replace(/[\u066B/,]/g, ".");
  if (s === "") return { kind: "empty" };
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { kind: "invalid" };
  const value = Number(s);
  return Number.isFinite(value) ? { kind: "ok", value } : { kind: "invalid" };
}

/** Characters as the core counts them: Unicode scalar values of the trimmed text. */
export function charCount(text: string): number {
  return [...text.trim()].length;
}

function hasControl(text: string): boolean {
  // Tab and newline are allowed in the longer texts, as the core allows them.
  return /[\p{Cc}]/u.test(text.trim().replace(/[\t\n]/g, ""));
}

function textProblems(out: Problem[], field: FormField, text: string, max: number): void {
  const count = charCount(text);
  if (count > max) out.push({ field, key: "site.problem.tooLong", params: { max, count } });
  else if (hasControl(text)) out.push({ field, key: "site.problem.control" });
}

function wholeInRange(out: Problem[], field: FormField, text: string, [min, max]: readonly [number, number]): number | null {
  const parsed = parseWhole(text);
  if (parsed.kind === "empty") {
    out.push({ field, key: "site.problem.required" });
    return null;
  }
  if (parsed.kind === "invalid") {
    out.push({ field, key: "site.problem.notWhole" });
    return null;
  }
  if (parsed.value < min || parsed.value > max) {
    out.push({ field, key: "site.problem.range", params: { min, max } });
    return null;
  }
  return parsed.value;
}

/** Digits of a phone number as the core counts them, or null when it has other characters. */
export function phoneDigits(phone: string): number | null {
  const p = latin(phone);
  if (!/^[0-9 \-+()]*$/.test(p)) return null;
  return p.replace(/\D/g, "").length;
}

interface Checked {
  problems: Problem[];
  input: SiteInput | null;
}

function check(form: SiteForm): Checked {
  const problems: Problem[] = [];
  if (form.nameFa.trim() === "") problems.push({ field: "nameFa", key: "site.problem.nameRequired" });
  else textProblems(problems, "nameFa", form.nameFa, LIMITS.nameMax);
  textProblems(problems, "nameEn", form.nameEn, LIMITS.nameMax);
  const district = wholeInRange(problems, "district", form.district, LIMITS.district);
  textProblems(problems, "address", form.address, LIMITS.addressMax);

  let location: Location | null = null;
  const lat = parseDecimal(form.latitude);
  const lng = parseDecimal(form.longitude);
  if (lat.kind === "invalid") problems.push({ field: "latitude", key: "site.problem.notNumber" });
  if (lng.kind === "invalid") problems.push({ field: "longitude", key: "site.problem.notNumber" });
  if (lat.kind === "ok" && (lat.value < LIMITS.latitude[0] || lat.value > LIMITS.latitude[1])) {
    problems.push({ field: "latitude", key: "site.problem.range", params: { min: -90, max: 90 } });
  }
  if (lng.kind === "ok" && (lng.value < LIMITS.longitude[0] || lng.value > LIMITS.longitude[1])) {
    problems.push({ field: "longitude", key: "site.problem.range", params: { min: -180, max: 180 } });
  }
  // Said on the field that was filled in, the one being typed into.
  if (lat.kind === "empty" && lng.kind !== "empty") problems.push({ field: "longitude", key: "site.problem.bothCoords" });
  if (lng.kind === "empty" && lat.kind !== "empty") problems.push({ field: "latitude", key: "site.problem.bothCoords" });
  if (lat.kind === "ok" && lng.kind === "ok") location = { latitude: lat.value, longitude: lng.value };

  const progress = wholeInRange(problems, "progress", form.progress, LIMITS.progress);
  textProblems(problems, "department", form.department, LIMITS.shortTextMax);
  textProblems(problems, "contactName", form.contactName, LIMITS.shortTextMax);
  const digits = phoneDigits(form.contactPhone);
  if (digits === null) problems.push({ field: "contactPhone", key: "site.problem.phoneChars" });
  else if (latin(form.contactPhone) !== "" && (digits < LIMITS.phoneDigits[0] || digits > LIMITS.phoneDigits[1])) {
    problems.push({
      field: "contactPhone",
      key: "site.problem.phoneDigits",
      params: { min: LIMITS.phoneDigits[0], max: LIMITS.phoneDigits[1] },
    });
  }
  textProblems(problems, "description", form.description, LIMITS.longTextMax);
  const maxVisitors = wholeInRange(problems, "maxVisitors", form.maxVisitors, LIMITS.maxVisitors);
  const visitMinutes = wholeInRange(problems, "visitMinutes", form.visitMinutes, LIMITS.visitMinutes);
  const minAge = wholeInRange(problems, "minAge", form.minAge, LIMITS.minAge);
  textProblems(problems, "safetyNotes", form.safetyNotes, LIMITS.longTextMax);

  if (
    problems.length > 0 ||
    district === null ||
    progress === null ||
    maxVisitors === null ||
    visitMinutes === null ||
    minAge === null
  ) {
    return { problems, input: null };
  }
  return {
    problems,
    input: {
      nameFa: form.nameFa.trim(),
      nameEn: form.nameEn.trim(),
      category: form.category,
      district,
      address: form.address.trim(),
      location,
      progress,
      department: form.department.trim(),
      contactName: form.contactName.trim(),
      contactPhone: latin(form.contactPhone),
      description: form.description.trim(),
      rules: {
        maxVisitors,
        visitMinutes,
        minAge,
        ppe: PPE_ITEMS.filter((p) => form.ppe.includes(p)),
        stepFree: form.stepFree,
        safetyNotes: form.safetyNotes.trim(),
      },
    },
  };
}

/** The rules `form` breaks, in field order; empty when it may be saved. */
export function formProblems(form: SiteForm): Problem[] {
  return check(form).problems;
}

/** The SiteInput to send (Latin numbers, trimmed text), or null while a rule is broken. */
export function toSiteInput(form: SiteForm): SiteInput | null {
  return check(form).input;
}

/** The location the form holds, when both coordinates are numbers in range. */
export function formLocation(form: SiteForm): Location | null {
  const lat = parseDecimal(form.latitude);
  const lng = parseDecimal(form.longitude);
  if (lat.kind !== "ok" || lng.kind !== "ok") return null;
  if (Math.abs(lat.value) > 90 || Math.abs(lng.value) > 180) return null;
  return { latitude: lat.value, longitude: lng.value };
}

/**
 * True when two forms mean the same site: numbers are compared by value, so
 * «۲۵» and "25" are the same, and text by its trimmed form.
 */
export function sameForm(a: SiteForm, b: SiteForm): boolean {
  const num = (parse: (s: string) => Parsed, x: string, y: string) => {
    const p = parse(x);
    const q = parse(y);
    if (p.kind === "ok" && q.kind === "ok") return p.value === q.value;
    if (p.kind === "empty" && q.kind === "empty") return true;
    return latin(x) === latin(y);
  };
  return (
    a.nameFa.trim() === b.nameFa.trim() &&
    a.nameEn.trim() === b.nameEn.trim() &&
    a.category === b.category &&
    num(parseWhole, a.district, b.district) &&
    a.address.trim() === b.address.trim() &&
    num(parseDecimal, a.latitude, b.latitude) &&
    num(parseDecimal, a.longitude, b.longitude) &&
    num(parseWhole, a.progress, b.progress) &&
    a.department.trim() === b.department.trim() &&
    a.contactName.trim() === b.contactName.trim() &&
    latin(a.contactPhone) === latin(b.contactPhone) &&
    a.description.trim() === b.description.trim() &&
    num(parseWhole, a.maxVisitors, b.maxVisitors) &&
    num(parseWhole, a.visitMinutes, b.visitMinutes) &&
    num(parseWhole, a.minAge, b.minAge) &&
    PPE_ITEMS.every((p) => a.ppe.includes(p) === b.ppe.includes(p)) &&
    a.stepFree === b.stepFree &&
    a.safetyNotes.trim() === b.safetyNotes.trim()
  );
}

/** The catalogue key saying what an undo undid, by the core's action name. */
export function undoneKey(action: string): MessageKey {
  switch (action) {
    case "create":
      return "sites.undone.create";
    case "update":
      return "sites.undone.update";
    case "archive":
      return "sites.undone.archive";
    case "unarchive":
      return "sites.undone.unarchive";
    case "hours":
      return "sites.undone.hours";
    case "closure":
      return "sites.undone.closure";
    default:
      return "sites.undone.other";
  }
}

/** True when a key press goes to a place where text is typed (so Ctrl+Z is the field's own undo). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === "undefined" || !(target instanceof Element)) return false;
  if (target.closest("[contenteditable=''], [contenteditable='true']")) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset", "file", "range", "color"].includes(type);
}
