/**
 * The language the UI is shown in, shared by every component.
 *
 * Switching is instant: the state and `<html lang dir>` change at once, and
 * the choice is saved in the background. `?locale=keys` in the address
 * turns on the keys-only pseudo-locale for spotting untranslated strings.
 */
import { toApiError, type ApiError, type Language } from "../api";
import { settingsStore } from "../settings/store.svelte";
import { translate, type MessageKey, type MessageParams, type UiLocale } from "./catalogues";
import { formatBytes, formatGregorianDate, formatNumber, formatPercent } from "./format";

const state = $state<{ language: Language; pseudo: boolean }>({ language: "fa", pseudo: false });

export function directionOf(language: Language): "rtl" | "ltr" {
  return language === "fa" ? "rtl" : "ltr";
}

function current(): UiLocale {
  return state.pseudo ? "keys" : state.language;
}

function syncDocument(): void {
  if (typeof document === "undefined") return;
  const root = document.documentElement;
  root.lang = state.pseudo ? "en" : state.language;
  root.dir = state.pseudo ? "ltr" : directionOf(state.language);
  document.title = translate(current(), "app.documentTitle");
}

export const locale = {
  /** The chosen language (also while the pseudo-locale is on). */
  get language(): Language {
    return state.language;
  },
  /** What the catalogue lookup uses: the language, or `keys`. */
  get current(): UiLocale {
    return current();
  },
  get dir(): "rtl" | "ltr" {
    return state.pseudo ? "ltr" : directionOf(state.language);
  },
  get pseudo(): boolean {
    return state.pseudo;
  },
};

/** Shows the UI in `language` now, without saving the choice. */
export function applyLanguage(language: Language): void {
  state.language = language;
  syncDocument();
}

/** Turns the keys-only pseudo-locale on when the address asks for it (`?locale=keys`). */
export function applyLocaleFromUrl(search: string): void {
  state.pseudo = new URLSearchParams(search).get("locale") === "keys";
  syncDocument();
}

/**
 * Shows the UI in `language` at once, then saves the choice. Resolves with
 * null once saved, or with the error if saving failed (the UI stays in the
 * new language for this session).
 */
export async function switchLanguage(language: Language): Promise<ApiError | null> {
  applyLanguage(language);
  try {
    const base = settingsStore.saved ?? (await settingsStore.load());
    if (base === null) return settingsStore.error ?? toApiError("settings could not be read");
    await settingsStore.save({ ...base, language });
    return null;
  } catch (error) {
    return toApiError(error);
  }
}

/** The current locale's text for `key`. Reading it in a template makes the template follow the language. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(current(), key, params);
}

/** A number in the current locale's digits. */
export function num(value: number, maxFractionDigits = 0): string {
  return formatNumber(value, current(), maxFractionDigits);
}

/** A rate 0–1 as a percentage in the current locale's digits. */
export function pct(rate: number, maxFractionDigits = 1): string {
  return formatPercent(rate, current(), maxFractionDigits);
}

/** A byte count in the current locale. */
export function bytes(value: number): string {
  return formatBytes(value, current());
}

/** A "YYYY-MM-DD" Gregorian date written out in the current locale. */
export function gregorianDate(iso: string): string {
  return formatGregorianDate(iso, current());
}
