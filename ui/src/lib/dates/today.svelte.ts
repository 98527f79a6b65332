/**
 * Today's date for pickers and calendars, by the core's clock.
 *
 * The core reports today in `app_status`. That command also checks the
 * database, so it is not asked again for every picker: the first answer
 * fixes how many days the core's clock is ahead of (or behind) this
 * computer's calendar day in Iran's time zone, and today is then read from
 * the local clock plus that difference — it still turns over at midnight.
 * Until the core has answered, today is the local clock's day in Iran.
 */
import { appStatus, type AppStatus } from "../api";
import { isoDayNumber, isoFromDayNumber } from "./calendar";

/** Iran's time zone (UTC+03:30 all year since 2022). */
export const IRAN_TIME_ZONE = "Asia/Tehran";

const isoFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: IRAN_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Iran at `now` on this computer's clock, as Gregorian ISO. */
export function localToday(now: Date = new Date()): string {
  const part = (type: string) => isoFormat.formatToParts(now).find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const state = $state<{ offsetDays: number | null }>({ offsetDays: null });
let pending: Promise<AppStatus> | null = null;
let asked = false;

export const coreToday = {
  /** True once the core's clock has been heard from. */
  get known(): boolean {
    return state.offsetDays !== null;
  },
  /** Today as Gregorian ISO: the core's day when known, else the local clock's day in Iran. */
  iso(now: Date = new Date()): string {
    const local = localToday(now);
    const day = isoDayNumber(local);
    return state.offsetDays === null || day === null ? local : isoFromDayNumber(day + state.offsetDays);
  },
  /** Takes today (Gregorian ISO) from a fresh answer of the core. */
  record(coreIso: string, now: Date = new Date()): void {
    const core = isoDayNumber(coreIso);
    if (core === null) return;
    state.offsetDays = core - (isoDayNumber(localToday(now)) ?? core);
  },
  /** Forgets what the core said (for tests). */
  reset(): void {
    state.offsetDays = null;
    pending = null;
    asked = false;
  },
};

/** `appStatus()`, noting the core's today on the way. Pages that show the status call this. */
export function readAppStatus(): Promise<AppStatus> {
  asked = true;
  const request = appStatus().then((status) => {
    coreToday.record(status.today.gregorian);
    return status;
  });
  pending = request;
  const done = () => {
    if (pending === request) pending = null;
  };
  request.then(done, done);
  return request;
}

/**
 * Makes sure the core's today is known: waits for a status read already on
 * its way, or reads the status once if nobody has. Never rejects; after a
 * failure today stays the local clock's day.
 */
export async function ensureCoreToday(): Promise<void> {
  if (coreToday.known) return;
  try {
    if (pending) await pending;
    else if (!asked) await readAppStatus();
  } catch {
    // The status read failed; whoever shows the status shows the error.
  }
}
