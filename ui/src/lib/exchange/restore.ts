/**
 * Restoring a backup: the core replaces the database (after a safety copy)
 * and keeps running on the restored data, so the UI reads everything again
 * by reloading. What was restored, and where the previous database was
 * kept, is noted in the session first, so the page that opens after the
 * reload can say so.
 */
import { restoreBackup, type BackupEntry } from "../api";

export const RESTORE_NOTE_KEY = "gardesh.restoreDone";

export interface RestoreNote {
  /** When the restored backup was made (RFC 3339). */
  made: string;
  fileName: string;
  safetyCopy: string | null;
}

type NoteStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function session(): NoteStore | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function saveRestoreNote(note: RestoreNote, store: NoteStore | null = session()): void {
  store?.setItem(RESTORE_NOTE_KEY, JSON.stringify(note));
}

export function readRestoreNote(store: NoteStore | null = session()): RestoreNote | null {
  const raw = store?.getItem(RESTORE_NOTE_KEY);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (typeof v.made !== "string" || typeof v.fileName !== "string") return null;
    return { made: v.made, fileName: v.fileName, safetyCopy: typeof v.safetyCopy === "string" ? v.safetyCopy : null };
  } catch {
    return null;
  }
}

export function clearRestoreNote(store: NoteStore | null = session()): void {
  store?.removeItem(RESTORE_NOTE_KEY);
}

/** Restores `entry`, notes it, then reloads the UI; rejects (with nothing reloaded) when the core refuses. */
export async function restoreAndReload(entry: BackupEntry, reload: () => void = () => window.location.reload()): Promise<void> {
  const done = await restoreBackup(entry.path);
  saveRestoreNote({ made: entry.made, fileName: entry.fileName, safetyCopy: done.safetyCopy });
  reload();
}
