/**
 * The requests page's pure logic: categories, statuses and districts; the
 * form as edited and the RequestInput it becomes; which step a request may
 * take next; the page's address (`#/requests`, `#/requests/new`,
 * `#/requests/12`, `?overdue=1`); and the texts of history entries.
 */
import type { CitizenRequest } from "../api/bindings/CitizenRequest";
import type { RequestCategory } from "../api/bindings/RequestCategory";
import type { RequestFilter } from "../api/bindings/RequestFilter";
import type { RequestInput } from "../api/bindings/RequestInput";
import type { RequestStatus } from "../api/bindings/RequestStatus";
import { gregorianToJalali } from "../dates/calendar";
import { formatJalaliShort } from "../dates/format";
import type { MessageKey, UiLocale } from "../i18n/catalogues";
import { translate } from "../i18n/catalogues";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";

export const REQUEST_CATEGORIES: readonly RequestCategory[] = ["lighting", "roads", "transport", "cleanliness", "projects", "other"];
export const REQUEST_STATUSES: readonly RequestStatus[] = ["open", "referred", "answered", "reported"];
export const DISTRICTS: readonly number[] = Array.from({ length: 15 }, (_, i) => i + 1);

/** The form's fields as edited: tour and site ids as select values, the district as typed ("" for none). */
export interface RequestForm {
  text: string;
  category: RequestCategory;
  tour: string;
  site: string;
  district: string;
  raisedBy: string;
  contact: string;
  /** Gregorian ISO from the date picker, or null while the typed date is refused. */
  raisedOn: string | null;
}

export function blankRequestForm(today: string): RequestForm {
  return { text: "", category: "other", tour: "", site: "", district: "", raisedBy: "", contact: "", raisedOn: today };
}

export function formOfRequest(r: CitizenRequest): RequestForm {
  return {
    text: r.text,
    category: r.category,
    tour: r.tour === null ? "" : String(r.tour),
    site: r.site === null ? "" : String(r.site),
    district: r.district === null ? "" : String(r.district),
    raisedBy: r.raisedBy,
    contact: r.contact,
    raisedOn: r.raisedOn,
  };
}

/** A district typed in any digits: 1–15, null when empty, or "bad". */
export function parseDistrict(text: string): number | null | "bad" {
  const s = toLatinDigits(text.trim());
  if (s === "") return null;
  if (!/^[0-9]{1,2}$/.test(s)) return "bad";
  const n = Number(s);
  return n >= 1 && n <= 15 ? n : "bad";
}

function idOf(value: string): number | null {
  const n = Number(toLatinDigits(value.trim()));
  return value.trim() !== "" && Number.isInteger(n) && n > 0 ? n : null;
}

/** The input the core takes; null while the form cannot be sent (no text, no date or a district that is not 1–15). */
export function toRequestInput(form: RequestForm): RequestInput | null {
  const district = parseDistrict(form.district);
  if (form.text.trim() === "" || form.raisedOn === null || district === "bad") return null;
  return {
    tour: idOf(form.tour),
    site: idOf(form.site),
    district,
    category: form.category,
    text: form.text.trim(),
    raisedBy: form.raisedBy.trim(),
    contact: form.contact.trim(),
    raisedOn: form.raisedOn,
  };
}

/** What a request may do next, as the core allows: refer while unanswered, answer until reported, report back once answered. */
export function nextSteps(status: RequestStatus): { refer: boolean; answer: boolean; report: boolean } {
  return {
    refer: status === "open" || status === "referred",
    answer: status !== "reported",
    report: status === "answered",
  };
}

// ---- the address --------------------------------------------------------------------

export type RequestsView = { kind: "none" } | { kind: "new" } | { kind: "open"; id: number };

/** `#/requests/12` → request 12; `#/requests/new` → the form; anything else → the list alone. */
export function requestsViewFromHash(hash: string): RequestsView {
  const parts = hash.replace(/^#\/?/, "").split("?")[0]?.split("/") ?? [];
  if (parts[0] !== "requests") return { kind: "none" };
  const sub = parts[1] ?? "";
  if (sub === "new") return { kind: "new" };
  if (/^[1-9][0-9]{0,14}$/.test(sub)) return { kind: "open", id: Number(sub) };
  return { kind: "none" };
}

export function hashOfRequestsView(view: RequestsView, overdueOnly = false): string {
  const base = view.kind === "new" ? "#/requests/new" : view.kind === "open" ? `#/requests/${view.id}` : "#/requests";
  return overdueOnly ? `${base}?overdue=1` : base;
}

/** `#/requests?overdue=1` (the Dashboard's link) asks for overdue requests only, `?overdue=0` for all; null when the address does not say. */
export function overdueFromHash(hash: string): boolean | null {
  const query = hash.split("?")[1] ?? "";
  const value = new URLSearchParams(query).get("overdue");
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return null;
}

export function blankFilter(): RequestFilter {
  return { text: "", status: null, department: null, district: null, site: null, tour: null, category: null, overdueOnly: false };
}

export function filterIsActive(f: RequestFilter): boolean {
  return (
    f.text.trim() !== "" ||
    f.status !== null ||
    (f.department ?? "") !== "" ||
    f.district !== null ||
    f.site !== null ||
    f.tour !== null ||
    f.category !== null ||
    f.overdueOnly
  );
}

// ---- texts --------------------------------------------------------------------------

const ACTIONS: Record<string, MessageKey> = {
  "request.create": "requestHistory.create",
  "request.update": "requestHistory.update",
  "request.referred": "requestHistory.referred",
  "request.answered": "requestHistory.answered",
  "request.reported": "requestHistory.reported",
};

/** The name of a history entry's action in `locale`; an unknown action is shown as recorded. */
export function historyAction(action: string, locale: UiLocale): string {
  const key = ACTIONS[action];
  return key ? translate(locale, key) : action;
}

/** «۱۴۰۵/۰۹/۰۸» / "1405/09/08" for a Gregorian ISO date; null stays empty. */
export function shortDate(iso: string | null, locale: UiLocale): string {
  if (!iso) return "";
  const d = gregorianToJalali(iso);
  const text = d ? formatJalaliShort(d, locale) : iso;
  return locale === "fa" ? toPersianDigits(text) : toLatinDigits(text);
}

/** Whole days from `a` to `b` (Gregorian ISO). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
