/**
 * Typed wrappers of the printed documents' commands: a preview (the first
 * pages as images and how many there are), saving as PDF to the path chosen
 * in the save dialog (with `print-progress` events for batches, which
 * `print_cancel` stops between documents), and opening a temporary PDF in
 * the system's viewer to print. The documents are in the app's language
 * (the core reads the setting). Like every wrapper, each resolves with the
 * command's value or rejects with an ApiError.
 */
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { save as saveDialog } from "@tauri-apps/plugin-dialog";
import type { ApiError } from "./bindings/ApiError";
import type { PrintPreview } from "./bindings/PrintPreview";
import type { PrintProgress } from "./bindings/PrintProgress";
import type { PrintRequest } from "./bindings/PrintRequest";
import type { PrintSaved } from "./bindings/PrintSaved";
import { toApiError } from "./index";

export type { PrintPreview } from "./bindings/PrintPreview";
export type { PrintProgress } from "./bindings/PrintProgress";
export type { PrintRequest } from "./bindings/PrintRequest";
export type { PrintSaved } from "./bindings/PrintSaved";

/** The documents: four of a tour, one registration's confirmation, the itineraries of a week. */
export const PRINT_KINDS = ["itinerary", "manifest", "confirmations", "safety", "confirmation", "week"] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

/** The documents of one tour. */
export const TOUR_PRINT_KINDS = ["itinerary", "manifest", "confirmations", "safety"] as const;
export type TourPrintKind = (typeof TOUR_PRINT_KINDS)[number];

/** Kinds made of several documents (one per group, site or tour): saving them shows progress and may be cancelled. */
export const BATCH_PRINT_KINDS: readonly PrintKind[] = ["confirmations", "safety", "week"];

/** The most pages a preview shows; the rest are in the saved PDF. */
export const PREVIEW_PAGES = 12;

/** The progress event of a batch being rendered. */
export const PRINT_PROGRESS_EVENT = "print-progress";

export function isPrintKind(value: unknown): value is PrintKind {
  return typeof value === "string" && (PRINT_KINDS as readonly string[]).includes(value);
}

export function isBatchKind(kind: string): boolean {
  return (BATCH_PRINT_KINDS as readonly string[]).includes(kind);
}

/** The request for a document of tour `tour`. */
export function tourPrintRequest(kind: TourPrintKind, tour: number): PrintRequest {
  return { kind, tour, registration: null, from: null };
}

/** The request for the confirmation of registration `registration`. */
export function confirmationPrintRequest(registration: number): PrintRequest {
  return { kind: "confirmation", tour: null, registration, from: null };
}

/** The request for the itineraries of the 7 days from `from` (Gregorian ISO). */
export function weekPrintRequest(from: string): PrintRequest {
  return { kind: "week", tour: null, registration: null, from };
}

async function printCall<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

/** The first pages (up to PREVIEW_PAGES) as `data:image/png` URLs, and the pages of the whole document. */
export function printPreview(request: PrintRequest): Promise<PrintPreview> {
  return printCall<PrintPreview>("print_preview", { request });
}

/** Renders the document and writes it as PDF to `path`; batches send `print-progress` events on the way. */
export function printSave(request: PrintRequest, path: string): Promise<PrintSaved> {
  return printCall<PrintSaved>("print_save", { request, path });
}

/** Stops the batch being rendered before its next document; the save then fails as cancelled. */
export async function printCancel(): Promise<void> {
  await printCall<null>("print_cancel", {});
}

/** Renders the document to a temporary PDF and opens it in the system's PDF viewer, to print from there. */
export function printOpen(request: PrintRequest): Promise<PrintSaved> {
  return printCall<PrintSaved>("print_open", { request });
}

/**
 * Calls `handler` with each `print-progress` event until the returned
 * function is called. Rejects when the window may not listen; printing
 * works without it.
 */
export async function onPrintProgress(handler: (progress: PrintProgress) => void): Promise<() => void> {
  try {
    return await listen<PrintProgress>(PRINT_PROGRESS_EVENT, (event) => handler(event.payload));
  } catch (error) {
    throw toApiError(error);
  }
}

/**
 * True for the failure of a save stopped by `print_cancel` (the core's
 * "printing was cancelled", code conflict): not an error to show, the
 * coordinator asked for it.
 */
export function isPrintCancelled(error: ApiError): boolean {
  return error.code === "conflict" && (error.message === "printing was cancelled" || error.messageFa.trim() === "چاپ لغو شد");
}

// ---- the save dialog ----------------------------------------------------------------------

/**
 * The mock build has no file dialogs: it answers the save dialog with the
 * path in localStorage under this key (absent: the suggested name in
 * `MOCK_PDF_FOLDER`; empty: the coordinator cancelled).
 */
export const MOCK_PRINT_SAVE_KEY = "gardesh.mock.dialog.print";
export const MOCK_PDF_FOLDER = "/home/coordinator/Documents";

// Characters no file name may hold on Windows, macOS or Linux, and controls.
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;
// Direction marks and isolates, which only the text around a name needs.
const MARKS = /[\u200e\u200f\u2066-\u2069]/g;

/** `name` as a file name: no path separators or characters a system refuses, spaces tidied, ending in .pdf. */
export function pdfFileName(name: string): string {
  const clean = name.replace(MARKS, "").replace(UNSAFE, "-").replace(/\s+/g, " ").trim().replace(/^[.\s-]+/, "");
  const base = clean === "" ? "document" : clean;
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/** `path` ending in .pdf (any case); otherwise .pdf is added (a dialog on Linux returns the name as typed). */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}

/** Asks where to save the PDF, suggesting `defaultName`; null when the coordinator cancels. */
export async function choosePdfPath(defaultName: string): Promise<string | null> {
  const name = pdfFileName(defaultName);
  let chosen: string | null;
  if (import.meta.env.MODE === "mock") {
    const set = typeof localStorage === "undefined" ? null : localStorage.getItem(MOCK_PRINT_SAVE_KEY);
    chosen = set === null ? `${MOCK_PDF_FOLDER}/${name}` : set === "" ? null : set;
  } else {
    try {
      chosen = await saveDialog({ defaultPath: name, filters: [{ name: "PDF", extensions: ["pdf"] }] });
    } catch (error) {
      throw toApiError(error);
    }
  }
  return chosen === null ? null : withPdfExtension(chosen);
}
