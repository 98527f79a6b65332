/**
 * The catalogues by locale and the pure lookup over them.
 *
 * Besides the two languages there is `keys`, a pseudo-locale whose every
 * string is its own key in brackets: any text on screen without brackets
 * did not come from a catalogue.
 */
import type { Language } from "../api/bindings/Language";
import { en } from "./en";
import { fa, type Catalogue, type MessageKey } from "./fa";

export type { Catalogue, MessageKey };

/** A language the app speaks, or the keys-only pseudo-locale. */
export type UiLocale = Language | "keys";

/** Values substituted for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string>>;

function keysOnly(): Catalogue {
  const out: Record<string, string> = {};
  for (const key of Object.keys(fa)) out[key] = `⟦${key}⟧`;
  return out as Catalogue;
}

export const catalogues: Readonly<Record<UiLocale, Catalogue>> = {
  fa,
  en,
  keys: keysOnly(),
};

/** The placeholder names used in a message, sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

/** Looks `key` up in `locale` and fills its placeholders. Unknown placeholders stay visible. */
export function translate(locale: UiLocale, key: MessageKey, params?: MessageParams): string {
  const message = catalogues[locale][key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? (params[name] ?? whole) : whole,
  );
}
