/**
 * Typed wrappers of the commands of files in and out: importing groups from
 * a CSV or .xlsx file (a preview of every row, then applying it whole or not
 * at all, with `import-progress` events on the way), exporting
 * registrations, manifests, requests and the calendar, and backups (list,
 * make, restore, and the start-up offer of the newest good one). The file
 * dialogs are here too: the core reads and writes only the paths the
 * coordinator chose in them. Like every wrapper, each resolves with the
 * command's value or rejects with an ApiError.
 */
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import type { BackupEntry } from "./bindings/BackupEntry";
import type { Backups } from "./bindings/Backups";
import type { ImportApplied } from "./bindings/ImportApplied";
import type { ImportOptions } from "./bindings/ImportOptions";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { RequestFilter } from "./bindings/RequestFilter";
import type { RestoreDone } from "./bindings/RestoreDone";
import { toApiError } from "./index";

export type { BackupEntry } from "./bindings/BackupEntry";
export type { Backups } from "./bindings/Backups";
export type { ColumnMapping } from "./bindings/ColumnMapping";
export type { ImportApplied } from "./bindings/ImportApplied";
export type { ImportColumn } from "./bindings/ImportColumn";
export type { ImportOptions } from "./bindings/ImportOptions";
export type { ImportPreview } from "./bindings/ImportPreview";
export type { ImportProblem } from "./bindings/ImportProblem";
export type { ImportProgress } from "./bindings/ImportProgress";
export type { ImportRow } from "./bindings/ImportRow";
export type { RestoreDone } from "./bindings/RestoreDone";

async function exchangeCall<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

// ---- import --------------------------------------------------------------------------

/** Every row of the file with its status and problems, the columns as read and the summary; nothing is written. */
export function importPreview(options: ImportOptions): Promise<ImportPreview> {
  return exchangeCall<ImportPreview>("import_preview", { options });
}

/** Writes every acceptable row in one transaction (all or nothing); a hand mapping is remembered for files with the same header row. */
export function importApply(options: ImportOptions): Promise<ImportApplied> {
  return exchangeCall<ImportApplied>("import_apply", { options });
}

/**
 * Calls `handler` with each `import-progress` event (checking, then
 * writing) until the returned function is called. Rejects when the window
 * may not listen; the import itself works without it.
 */
export async function onImportProgress(handler: (progress: ImportProgress) => void): Promise<() => void> {
  try {
    return await listen<ImportProgress>("import-progress", (event) => handler(event.payload));
  } catch (error) {
    throw toApiError(error);
  }
}

// ---- export --------------------------------------------------------------------------

/** Registrations of one tour (or of every tour: null) to `path`, .csv (UTF-8 with BOM) or .xlsx by its extension. */
export async function exportRegistrations(path: string, tour: number | null): Promise<void> {
  await exchangeCall<null>("export_registrations", { path, tour });
}

/** A tour's passengers by group, with a blank check-in column, to .csv or .xlsx. */
export async function exportManifest(path: string, tour: number): Promise<void> {
  await exchangeCall<null>("export_manifest", { path, tour });
}

/** Citizen requests as filtered, for the departments, to .csv or .xlsx. */
export async function exportRequests(path: string, filter: RequestFilter): Promise<void> {
  await exchangeCall<null>("export_requests", { path, filter });
}

/** The programme's tours as iCalendar (.ics, Iran's +03:30). */
export async function exportCalendar(path: string): Promise<void> {
  await exchangeCall<null>("export_calendar", { path });
}

// ---- backups -------------------------------------------------------------------------

/** The backups beside the database, newest first. */
export function listBackups(): Promise<Backups> {
  return exchangeCall<Backups>("backups_list", {});
}

/** Makes a backup now (checked), applies the rotation; resolves with the list. */
export function backupNow(): Promise<Backups> {
  return exchangeCall<Backups>("backup_now", {});
}

/** Replaces the database with the backup at `path`, after a safety copy of the current one. */
export function restoreBackup(path: string): Promise<RestoreDone> {
  return exchangeCall<RestoreDone>("backup_restore", { path });
}

/** When the database was refused at start as damaged: the newest good backup to offer; else null. */
export function backupHealth(): Promise<BackupEntry | null> {
  return exchangeCall<BackupEntry | null>("backup_health", {});
}

// ---- the file dialogs ---------------------------------------------------------------------

/**
 * The mock build has no file dialogs. It answers the open dialog with the
 * path in localStorage under this key (absent: a sample file; empty: the
 * coordinator cancelled), and the save dialog with the one under
 * `MOCK_SAVE_PATH_KEY` (absent: the suggested name).
 */
export const MOCK_OPEN_PATH_KEY = "gardesh.mock.dialog.open";
export const MOCK_SAVE_PATH_KEY = "gardesh.mock.dialog.save";
/** What the mock's open dialog answers when no path was set. */
export const MOCK_DEFAULT_OPEN_PATH = "/home/coordinator/Documents/good.csv";

function mockAnswer(key: string, fallback: string): string | null {
  const set = typeof localStorage === "undefined" ? null : localStorage.getItem(key);
  if (set === null) return fallback;
  return set === "" ? null : set;
}

/** What a saved file holds: a table (.xlsx or .csv) or a calendar (.ics). */
export type SaveKind = "sheet" | "calendar";

/** The extensions a save dialog offers, the first being the default. */
export function saveExtensions(kind: SaveKind): string[] {
  return kind === "sheet" ? ["xlsx", "csv"] : ["ics"];
}

/**
 * `path` ending in one of `extensions` (any case); otherwise the first
 * extension is added (a dialog on Linux returns the name as typed).
 */
export function withExtension(path: string, extensions: readonly string[]): string {
  const lower = path.toLowerCase();
  if (extensions.some((e) => lower.endsWith(`.${e.toLowerCase()}`))) return path;
  return `${path}.${extensions[0] ?? ""}`;
}

/** Asks for the CSV or .xlsx file to import; null when the coordinator cancels. */
export async function chooseImportFile(): Promise<string | null> {
  if (import.meta.env.MODE === "mock") return mockAnswer(MOCK_OPEN_PATH_KEY, MOCK_DEFAULT_OPEN_PATH);
  try {
    const chosen = await openDialog({
      multiple: false,
      directory: false,
      filters: [
        { name: "CSV, Excel", extensions: ["csv", "xlsx"] },
        { name: "CSV", extensions: ["csv"] },
        { name: "Excel", extensions: ["xlsx"] },
      ],
    });
    return typeof chosen === "string" ? chosen : null;
  } catch (error) {
    throw toApiError(error);
  }
}

/**
 * Asks where to save an export, suggesting `defaultName`; the path always
 * ends in an extension the command accepts. Null when the coordinator cancels.
 */
export async function chooseExportPath(defaultName: string, kind: SaveKind): Promise<string | null> {
  const extensions = saveExtensions(kind);
  let chosen: string | null;
  if (import.meta.env.MODE === "mock") {
    chosen = mockAnswer(MOCK_SAVE_PATH_KEY, defaultName);
  } else {
    try {
      const filters =
        kind === "sheet"
          ? [
              { name: "Excel (.xlsx)", extensions: ["xlsx"] },
              { name: "CSV (UTF-8)", extensions: ["csv"] },
            ]
          : [{ name: "iCalendar (.ics)", extensions: ["ics"] }];
      chosen = await saveDialog({ defaultPath: defaultName, filters });
    } catch (error) {
      throw toApiError(error);
    }
  }
  return chosen === null ? null : withExtension(chosen, extensions);
}
