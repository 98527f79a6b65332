/**
 * An in-memory stand-in for the Rust side, for running the UI in a plain
 * browser (`vite build --mode mock`) and for tests. It answers the same
 * commands with the same shapes and validates like the core; settings are
 * kept in a key-value store (localStorage in the browser) so a reload
 * keeps them.
 */
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ApiError } from "./bindings/ApiError";
import type { AppStatus } from "./bindings/AppStatus";
import type { GroupRow } from "./bindings/GroupRow";
import type { GroupSaved } from "./bindings/GroupSaved";
import type { Settings } from "./bindings/Settings";
import type { Today } from "./bindings/Today";
import type { TourDetail } from "./bindings/TourDetail";
import type { TourSummary } from "./bindings/TourSummary";
import { isErrorCode } from "./errors";
import { SAVED_FILE_KEY, createDayBackend, isDayCommand } from "./mock-day";
import { createExchangeBackend, isExchangeCommand } from "./mock-exchange";
import { createGroupsBackend, isGroupCommand } from "./mock-groups";
import { createPrintBackend, isPrintCommand } from "./mock-print";
import { createProgrammeMock } from "./mock-programme";
import { createSitesBackend, isSiteCommand } from "./mock-sites";
import { createToursBackend, isTourCommand } from "./mock-tours";
import { toPersianDigits } from "../i18n/digits";
import {
  DEFAULT_SETTINGS,
  NAME_MAX,
  WEEKDAYS,
  nameHasControl,
  nameLength,
  orderedWeekend,
} from "../settings/rules";

/** The fixed day the mock lives on: Sunday 8 Azar 1405. */
export const MOCK_TODAY: Readonly<Today> = {
  gregorian: "2026-11-29",
  jalali: { year: 1405, month: 9, day: 8 },
  weekday: "sunday",
  longFa: "یکشنبه ۸ آذر ۱۴۰۵",
  longEn: "Sunday 8 Azar 1405",
};

export const MOCK_APP_VERSION = "0.1.0";

export const SETTINGS_KEY = "gardesh.mock.settings";

/**
 * Set to `"<command>:<error code>"` (e.g. `"app_status:database_corrupt"`)
 * to make that command fail, for showing and testing error states.
 */
export const FAIL_KEY = "gardesh.mock.fail";

/** The part of the Storage interface the mock needs. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A store that lives as long as the object, for tests. */
export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

// Crossing the IPC boundary is a JSON round trip; doing the same here keeps
// callers from sharing objects with the "backend".
function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function invalid(message: string, messageFa: string): ApiError {
  return { code: "invalid_input", message, messageFa };
}

/** A Latin value inside Persian text, isolated left to right (LRI … PDI). */
function ltr(value: unknown): string {
  return `\u2066${String(value)}\u2069`;
}

/** Checks an incoming settings value as the core does; returns it normalised, or the error. */
export function validateSettings(input: unknown): Settings | ApiError {
  if (typeof input !== "object" || input === null) {
    return invalid("settings must be an object", "تنظیمات باید یک شیء باشد");
  }
  const s = input as Record<string, unknown>;
  if (typeof s.coordinatorName !== "string") {
    return invalid("coordinatorName must be a string", "نام هماهنگ‌کننده باید متن باشد");
  }
  if (s.language !== "fa" && s.language !== "en") {
    return invalid(`unknown language ${String(s.language)}`, `زبان ${ltr(s.language)} شناخته نیست`);
  }
  if (s.calendar !== "persian" && s.calendar !== "gregorian") {
    return invalid(`unknown calendar ${String(s.calendar)}`, `تقویم ${ltr(s.calendar)} شناخته نیست`);
  }
  if (!Array.isArray(s.weekendDays)) {
    return invalid("weekendDays must be a list", "روزهای تعطیل باید فهرست باشند");
  }
  for (const day of s.weekendDays) {
    if (!WEEKDAYS.includes(day as never)) {
      return invalid(`unknown weekday ${String(day)}`, `روز هفته‌ی ${ltr(day)} شناخته نیست`);
    }
  }
  const coordinatorName = s.coordinatorName.trim();
  const length = nameLength(coordinatorName);
  if (length > NAME_MAX) {
    return invalid(
      `coordinatorName is ${length} characters long; at most ${NAME_MAX} are allowed`,
      `نام هماهنگ‌کننده حداکثر ${toPersianDigits(NAME_MAX)} نویسه است؛ این نام ${toPersianDigits(length)} نویسه دارد`,
    );
  }
  if (nameHasControl(coordinatorName)) {
    return invalid("coordinatorName contains a control character", "نام هماهنگ‌کننده نویسه‌ی کنترلی دارد");
  }
  const weekendDays = orderedWeekend(s.weekendDays as Settings["weekendDays"]);
  if (weekendDays.length === WEEKDAYS.length) {
    return invalid(
      "weekendDays cannot contain all seven days of the week",
      "همه‌ی روزهای هفته تعطیل شده‌اند؛ دست‌کم یک روز کاری لازم است",
    );
  }
  return { coordinatorName, language: s.language, calendar: s.calendar, weekendDays };
}

function isSettings(value: Settings | ApiError): value is Settings {
  return !("code" in value);
}

/** The command handler over `store`. Rejects with ApiError objects, like the real commands. */
export function createMockBackend(store: KeyValueStore) {
  function loadSettings(): Settings {
    const raw = store.getItem(SETTINGS_KEY);
    if (raw === null) return wire(DEFAULT_SETTINGS);
    try {
      const checked = validateSettings(JSON.parse(raw));
      return isSettings(checked) ? checked : wire(DEFAULT_SETTINGS);
    } catch {
      return wire(DEFAULT_SETTINGS);
    }
  }

  function appStatus(): AppStatus {
    return {
      appVersion: MOCK_APP_VERSION,
      today: wire(MOCK_TODAY),
      db: {
        path: "/home/coordinator/.local/share/ir.isfahan.gardesh/gardesh.sqlite3",
        schemaVersion: 1,
        integrity: "ok",
        sizeBytes: 86_016,
        journalMode: "wal",
      },
    };
  }

  function injectedFailure(command: string): ApiError | null {
    const [failing, code] = (store.getItem(FAIL_KEY) ?? "").split(":");
    if (failing !== command || !isErrorCode(code)) return null;
    return {
      code,
      message: `${command} failed on purpose (${FAIL_KEY} is set)`,
      messageFa: `فرمان ${ltr(command)} عمداً ناموفق شد (${ltr(FAIL_KEY)} تنظیم شده است)`,
    };
  }

  const programme = createProgrammeMock(store, {
    weekendDays: () => loadSettings().weekendDays,
    // The calendar's capacity and feasibility come from the tours part's own timing.
    departures: (from, to) =>
      new Map(
        (tours("tours_list", { from, to }) as TourSummary[]).map((s) => [s.tour.id, { capacity: s.seats, feasible: s.feasible }]),
      ),
  });
  const sites = createSitesBackend();
  const tours = createToursBackend(sites, programme);
  const groups = createGroupsBackend(
    {
      facts: (id) => {
        let d: TourDetail;
        try {
          d = tours("tour_get", { id }) as TourDetail;
        } catch {
          return null;
        }
        const rules = d.stops.flatMap((s) => {
          const found = sites.peek(s.site);
          return found ? [{ name: found.site.input.nameFa, minAge: found.site.input.rules.minAge, stepFree: found.site.input.rules.stepFree }] : [];
        });
        return { tour: d.schedule.tour, capacity: d.schedule.capacity.seats, sites: rules };
      },
      between: (from, to) => (tours("tours_list", { from, to }) as TourSummary[]).map((s) => s.tour),
    },
    { actor: () => loadSettings().coordinatorName },
  );

  function tourDetail(id: number): TourDetail | null {
    try {
      return tours("tour_get", { id }) as TourDetail;
    } catch {
      return null;
    }
  }

  let minute = 0;
  const day = createDayBackend({
    today: () => MOCK_TODAY.gregorian,
    // 8 Azar 1405 from 10:00 in Isfahan, a minute later at every change.
    now: () => `${new Date(Date.UTC(2026, 10, 29, 6, 30) + minute++ * 60_000).toISOString().slice(0, 19)}+00:00`,
    actor: () => loadSettings().coordinatorName,
    tours: {
      get: (id) => tourDetail(id)?.schedule.tour ?? null,
      all: () => (tours("tours_list", { from: "1900-01-01", to: "2999-12-31" }) as TourSummary[]).map((s) => s.tour),
      capacity: (id) => tourDetail(id)?.schedule.capacity.seats ?? 0,
      stops: (id) => tourDetail(id)?.stops.map((s) => s.site) ?? [],
    },
    sites: {
      get: (id) => {
        const found = sites.peek(id);
        return found ? { name: found.site.input.nameFa, district: found.site.input.district } : null;
      },
    },
    groups: groups.day,
    programme: () => programme.current(),
    saved: (bytes) => {
      const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
      store.setItem(SAVED_FILE_KEY, JSON.stringify({ size: bytes.length, png, text: png ? null : new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) }));
    },
  });

  const exchange = createExchangeBackend({
    store,
    groups: {
      all: () =>
        (groups("groups_list", { filter: { text: "", tour: null, state: null, kind: null, channel: null, limit: 1_000_000 } }) as GroupRow[]).map((r) => ({
          id: r.id,
          name: r.name,
          members: groups.day.group(r.id)?.members ?? [],
        })),
      create: (input) => (groups("group_create", { input }) as GroupSaved).group.id,
      remove: (id) => void groups("group_remove", { id }),
    },
    emit: (event, payload) => void emit(event, payload),
    // In a browser the progress bar gets a moment to be seen; unit tests run at once.
    stepMs: typeof document === "undefined" ? 0 : 60,
    refused: () => (store.getItem(FAIL_KEY) ?? "") === "app_status:database_corrupt",
    recovered: () => {
      if ((store.getItem(FAIL_KEY) ?? "").startsWith("app_status:database_")) store.setItem(FAIL_KEY, "");
    },
  });

  const print = createPrintBackend({
    tours: {
      stops: (id) => tourDetail(id)?.stops.map((s) => s.site) ?? null,
      between: (from, to) => (tours("tours_list", { from, to }) as TourSummary[]).map((s) => s.tour),
    },
    registrations: {
      get: (id) => groups.day.registration(id),
      ofTour: (tour) => groups.day.ofTour(tour),
      members: (group) => groups.day.group(group)?.members.length ?? 0,
    },
    store,
    language: () => loadSettings().language,
    emit: (event, payload) => void emit(event, payload),
    // In a browser each document takes a moment, so the progress bar is seen and Cancel can be pressed.
    stepMs: typeof document === "undefined" ? 0 : 250,
  });

  return async function handle(command: string, args?: unknown): Promise<unknown> {
    const failure = injectedFailure(command);
    if (failure) throw failure;
    if (programme.handles(command)) return programme.handle(command, args);
    if (isSiteCommand(command)) return sites(command, args);
    if (isTourCommand(command)) return tours(command, args);
    if (isGroupCommand(command)) return groups(command, args);
    if (isDayCommand(command)) return day(command, args);
    if (isExchangeCommand(command)) return exchange(command, args);
    if (isPrintCommand(command)) return print(command, args);
    switch (command) {
      case "app_status":
        return appStatus();
      case "settings_get":
        return loadSettings();
      case "settings_save": {
        const payload = (typeof args === "object" && args !== null ? args : {}) as Record<string, unknown>;
        const checked = validateSettings(wire(payload.settings ?? null));
        if (!isSettings(checked)) throw checked;
        store.setItem(SETTINGS_KEY, JSON.stringify(checked));
        return wire(checked);
      }
      case "ui_ready":
        return 0;
      default:
        throw {
          code: "internal",
          message: `unknown command ${command}`,
          messageFa: `فرمان ${ltr(command)} شناخته نیست`,
        } satisfies ApiError;
    }
  };
}

/** Routes every `invoke` to the in-memory backend. Call before the app mounts. */
export function installMockBackend(store: KeyValueStore = window.localStorage): void {
  const handle = createMockBackend(store);
  mockIPC((command, args) => handle(command, args), { shouldMockEvents: true });
}
