/**
 * Typed wrappers of the programme commands: the 80-day programme, the
 * departures generated from it, holidays, the calendar month and the demo
 * programme. Like every wrapper, each resolves with the command's value or
 * rejects with an ApiError.
 */
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { save as saveDialog } from "@tauri-apps/plugin-dialog";
import type { CalendarDay } from "./bindings/CalendarDay";
import type { DemoInstalled } from "./bindings/DemoInstalled";
import type { DeparturesApplied } from "./bindings/DeparturesApplied";
import type { DeparturesPlan } from "./bindings/DeparturesPlan";
import type { Holiday } from "./bindings/Holiday";
import type { Programme } from "./bindings/Programme";
import type { ProgrammeInput } from "./bindings/ProgrammeInput";
import type { Tour } from "./bindings/Tour";
import { toApiError } from "./index";

export type { CalendarDay } from "./bindings/CalendarDay";
export type { ClosedSite } from "./bindings/ClosedSite";
export type { DayOff } from "./bindings/DayOff";
export type { DayOffKind } from "./bindings/DayOffKind";
export type { DemoInstalled } from "./bindings/DemoInstalled";
export type { DeparturesApplied } from "./bindings/DeparturesApplied";
export type { DeparturesPlan } from "./bindings/DeparturesPlan";
export type { Holiday as HolidayRecord } from "./bindings/Holiday";
export type { Programme } from "./bindings/Programme";
export type { ProgrammeInput } from "./bindings/ProgrammeInput";
export type { Slot } from "./bindings/Slot";
export type { Tour } from "./bindings/Tour";
export type { TourStatus } from "./bindings/TourStatus";

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

/** The current programme, or null before one is created. */
export function getProgramme(): Promise<Programme | null> {
  return call<Programme | null>("programme_get");
}

/** Creates the programme or changes the current one. Departures are not touched. */
export function saveProgramme(input: ProgrammeInput): Promise<Programme> {
  return call<Programme>("programme_save", { input });
}

/** What regenerating the departures would add, remove and keep; nothing is written. */
export function planDepartures(): Promise<DeparturesPlan> {
  return call<DeparturesPlan>("departures_plan");
}

/**
 * Applies the plan previewed under `fingerprint`. Rejects with `conflict`
 * when the departures changed since the preview.
 */
export function applyDepartures(fingerprint: string): Promise<DeparturesApplied> {
  return call<DeparturesApplied>("departures_apply", { fingerprint });
}

/** Every holiday, by date. */
export function listHolidays(): Promise<Holiday[]> {
  return call<Holiday[]>("holidays_list");
}

/** Adds a holiday or changes the one on the same date. */
export function saveHoliday(holiday: Holiday): Promise<void> {
  return call<void>("holiday_save", { holiday });
}

/** Removes the holiday on `date` (Gregorian ISO). */
export function removeHoliday(date: string): Promise<void> {
  return call<void>("holiday_remove", { date });
}

/** Adds Iran's official holidays of 1405; resolves with how many were added. */
export function addOfficialHolidays1405(): Promise<number> {
  return call<number>("holidays_add_official_1405");
}

/**
 * Imports holidays from the bytes of a CSV file (sent as the raw request
 * body). All or nothing; an error names the line at fault.
 */
export function importHolidaysCsv(bytes: Uint8Array): Promise<number> {
  return call<number>("holidays_import_csv", bytes);
}

/** Writes every holiday to a CSV file at `path`. */
export function exportHolidaysCsv(path: string): Promise<void> {
  return call<void>("holidays_export_csv", { path });
}

/**
 * Asks where to save the holidays' CSV file; null when the coordinator
 * cancels. The in-memory backend of mock builds has no file system, so
 * there the file name is taken as is.
 */
export async function chooseHolidaysCsvPath(): Promise<string | null> {
  if (import.meta.env.MODE === "mock") return "holidays.csv";
  try {
    return await saveDialog({ defaultPath: "holidays.csv", filters: [{ name: "CSV", extensions: ["csv"] }] });
  } catch (error) {
    throw toApiError(error);
  }
}

/** Every day of the Solar Hijri month `year/month`. */
export function calendarMonth(year: number, month: number): Promise<CalendarDay[]> {
  return call<CalendarDay[]>("calendar_month", { year, month });
}

/** Tours dated from `from` to `to` (Gregorian ISO, both included). */
export function toursBetween(from: string, to: string): Promise<Tour[]> {
  return call<Tour[]>("tours_between", { from, to });
}

/** True when the database is empty, so the demo programme may be offered. */
export function demoOffer(): Promise<boolean> {
  return call<boolean>("demo_offer");
}

/** Creates the demo programme in an empty database. */
export function installDemo(): Promise<DemoInstalled> {
  return call<DemoInstalled>("demo_install");
}
