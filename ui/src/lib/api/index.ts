/**
 * The typed doorway to the Rust side. Components call these wrappers and
 * nothing else; `invoke` is used in this folder only.
 *
 * Every wrapper either resolves with the command's value or rejects with an
 * ApiError, whatever the failure looked like on the way.
 */
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { ApiError } from "./bindings/ApiError";
import type { AppStatus } from "./bindings/AppStatus";
import type { Settings } from "./bindings/Settings";
import { isErrorCode } from "./errors";

export type { ApiError } from "./bindings/ApiError";
export type { AppStatus } from "./bindings/AppStatus";
export type { CalendarKind } from "./bindings/CalendarKind";
export type { DbStatus } from "./bindings/DbStatus";
export type { ErrorCode } from "./bindings/ErrorCode";
export type { JalaliDate } from "./bindings/JalaliDate";
export type { Language } from "./bindings/Language";
export type { Settings } from "./bindings/Settings";
export type { Today } from "./bindings/Today";
export type { Weekday } from "./bindings/Weekday";

/**
 * An ApiError as it may arrive over IPC: `messageFa` may be missing (a shell
 * from before it was added). `toApiError` fills it in.
 */
export type WireApiError = Omit<ApiError, "messageFa"> & { messageFa?: string };

/**
 * True for a well-formed ApiError: a known code, a string message and, if
 * present, a string messageFa. A missing messageFa is tolerated.
 */
export function isApiError(value: unknown): value is WireApiError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    isErrorCode(v.code) &&
    typeof v.message === "string" &&
    (v.messageFa === undefined || typeof v.messageFa === "string")
  );
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.message || value.name;
  if (typeof value === "object" && value !== null) {
    const message = (value as Record<string, unknown>).message;
    if (typeof message === "string") return message;
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * Any rejection as an ApiError, always with all three fields. A well-formed
 * ApiError passes through (as a fresh object; a missing messageFa becomes
 * the English detail); anything else — Tauri's plain-string errors, a thrown
 * Error, an unknown code — becomes `internal` with the best detail we have,
 * in both detail fields.
 */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) {
    return { code: value.code, message: value.message, messageFa: value.messageFa ?? value.message };
  }
  const detail = describe(value);
  return { code: "internal", message: detail, messageFa: detail };
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

/** Version, today's date and the database's health. */
export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>("app_status");
}

/** The stored settings (defaults when none were saved yet). */
export function getSettings(): Promise<Settings> {
  return call<Settings>("settings_get");
}

/** Validates and stores `settings`; resolves with the value as saved. */
export function saveSettings(settings: Settings): Promise<Settings> {
  return call<Settings>("settings_save", { settings });
}

/**
 * Tells the shell that the first screen is painted; resolves with the
 * milliseconds since the process started. Diagnostics only: call it through
 * `markFirstScreenPainted` in lib/shell/firstPaint.ts.
 */
export function uiReady(): Promise<number> {
  return call<number>("ui_ready");
}

export * from "./day";
export * from "./exchange";
export * from "./groups";
export * from "./print";
export * from "./programme";
export * from "./sites";
export * from "./tours";
