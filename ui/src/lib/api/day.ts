/**
 * Typed wrappers of the tour day's commands and what follows it: the
 * check-in sheet, check-in by code, ticks, walk-ins, undo and closing the
 * departure; citizen requests with their three-month promise; the
 * Dashboard's figures and the Reports page's series; and saving a file the
 * UI made (a chart as PNG, a table as CSV) where the coordinator chose.
 * Like every wrapper, each resolves with the command's value or rejects
 * with an ApiError.
 */
import { invoke, type InvokeArgs, type InvokeOptions } from "@tauri-apps/api/core";
import { save as saveDialog } from "@tauri-apps/plugin-dialog";
import type { CheckedIn } from "./bindings/CheckedIn";
import type { CheckinSheet } from "./bindings/CheckinSheet";
import type { CitizenRequest } from "./bindings/CitizenRequest";
import type { DashboardFigures } from "./bindings/DashboardFigures";
import type { Departed } from "./bindings/Departed";
import type { MemberInput } from "./bindings/MemberInput";
import type { Reports } from "./bindings/Reports";
import type { RequestDetail } from "./bindings/RequestDetail";
import type { RequestFilter } from "./bindings/RequestFilter";
import type { RequestInput } from "./bindings/RequestInput";
import type { SheetGroup } from "./bindings/SheetGroup";
import { toApiError } from "./index";

export type { CheckedIn } from "./bindings/CheckedIn";
export type { CheckinSheet } from "./bindings/CheckinSheet";
export type { CitizenRequest } from "./bindings/CitizenRequest";
export type { DashboardFigures } from "./bindings/DashboardFigures";
export type { DayCount } from "./bindings/DayCount";
export type { Departed } from "./bindings/Departed";
export type { HistoryEntry } from "./bindings/HistoryEntry";
export type { Reports } from "./bindings/Reports";
export type { RequestCategory } from "./bindings/RequestCategory";
export type { RequestCounts } from "./bindings/RequestCounts";
export type { RequestDetail } from "./bindings/RequestDetail";
export type { RequestFilter } from "./bindings/RequestFilter";
export type { RequestInput } from "./bindings/RequestInput";
export type { RequestStatus } from "./bindings/RequestStatus";
export type { SheetGroup } from "./bindings/SheetGroup";
export type { SheetMember } from "./bindings/SheetMember";
export type { SiteCount } from "./bindings/SiteCount";
export type { TodayTour } from "./bindings/TodayTour";
export type { TourFill } from "./bindings/TourFill";

async function dayCall<T>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await invoke<T>(command, args, options);
  } catch (error) {
    throw toApiError(error);
  }
}

// ---- check-in ------------------------------------------------------------------

/** A tour's check-in sheet: the groups holding seats, their members and marks; seats expected, present and the capacity. */
export function checkinSheet(tour: number): Promise<CheckinSheet> {
  return dayCall<CheckinSheet>("checkin_sheet", { tour });
}

/** Checks a whole group in by its code as typed or scanned; `already` when it was checked in before (nothing changed). */
export function checkinCode(tour: number, code: string): Promise<CheckedIn> {
  return dayCall<CheckedIn>("checkin_code", { tour, code });
}

/** Ticks a member present (true) or absent (false), or clears the mark (null). */
export function checkinMark(registration: number, member: number, present: boolean | null): Promise<SheetGroup> {
  return dayCall<SheetGroup>("checkin_mark", { registration, member, present });
}

/** Undoes a group's check-in: every mark removed, the registration confirmed again. */
export function checkinUndo(registration: number): Promise<SheetGroup> {
  return dayCall<SheetGroup>("checkin_undo", { registration });
}

/** Adds a walk-in to a group on the day, with the reason; needs a free seat. */
export function checkinWalkIn(registration: number, member: MemberInput, reason: string): Promise<SheetGroup> {
  return dayCall<SheetGroup>("checkin_walk_in", { registration, member, reason });
}

/** At departure: groups with nobody present become no-shows, unmarked members absent. */
export function closeDeparture(tour: number): Promise<Departed> {
  return dayCall<Departed>("checkin_close_departure", { tour });
}

// ---- citizen requests ------------------------------------------------------------

/** Requests matching the filter: overdue first, then by due date. */
export function listRequests(filter: RequestFilter): Promise<CitizenRequest[]> {
  return dayCall<CitizenRequest[]>("requests_list", { filter });
}

/** One request with its history, oldest first. */
export function getRequest(id: number): Promise<RequestDetail> {
  return dayCall<RequestDetail>("request_get", { id });
}

/** Records a request; the core sets its due date (raised + 3 Solar Hijri months). */
export function createRequest(input: RequestInput): Promise<CitizenRequest> {
  return dayCall<CitizenRequest>("request_create", { input });
}

/** Corrects a request as recorded; the due date follows the day raised. */
export function updateRequest(id: number, input: RequestInput): Promise<CitizenRequest> {
  return dayCall<CitizenRequest>("request_update", { id, input });
}

/** Refers a request to a department (today). */
export function referRequest(id: number, department: string): Promise<CitizenRequest> {
  return dayCall<CitizenRequest>("request_refer", { id, department });
}

/** Records the department's answer (today). */
export function answerRequest(id: number, answer: string): Promise<CitizenRequest> {
  return dayCall<CitizenRequest>("request_answer", { id, answer });
}

/** Records that the answer was passed back to the citizen (today). */
export function reportRequest(id: number): Promise<CitizenRequest> {
  return dayCall<CitizenRequest>("request_report", { id });
}

/** The departments requests were referred to, for suggestions and the filter. */
export function requestDepartments(): Promise<string[]> {
  return dayCall<string[]>("request_departments", {});
}

// ---- the Dashboard and the reports ---------------------------------------------------

/** The Dashboard's figures for today. */
export function dashboardFigures(): Promise<DashboardFigures> {
  return dayCall<DashboardFigures>("dashboard_figures", {});
}

/** The Reports page's series. */
export function getReports(): Promise<Reports> {
  return dayCall<Reports>("reports_get", {});
}

// ---- saving files --------------------------------------------------------------------

export type SavedKind = "png" | "csv";

/**
 * Asks where to save a file (the system's save dialog); null when the
 * coordinator cancels. The mock build has no dialog: it takes the name as is.
 */
export async function chooseSavePath(defaultName: string, kind: SavedKind): Promise<string | null> {
  if (import.meta.env.MODE === "mock") return defaultName;
  try {
    const filters = [kind === "png" ? { name: "PNG", extensions: ["png"] } : { name: "CSV", extensions: ["csv"] }];
    return await saveDialog({ defaultPath: defaultName, filters });
  } catch (error) {
    throw toApiError(error);
  }
}

/** Writes `bytes` to `path` (a .png or .csv the coordinator chose) as a raw IPC body. */
export async function saveFile(path: string, bytes: Uint8Array): Promise<void> {
  await dayCall<null>("file_save", bytes, { headers: { "x-path": encodeURIComponent(path) } });
}
