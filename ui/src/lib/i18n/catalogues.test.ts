import { describe, expect, it } from "vitest";
import { catalogues, placeholders, translate, type UiLocale } from "./catalogues";
import { en } from "./en";
import { fa } from "./fa";

const sourceKeys = Object.keys(fa).sort();

describe("catalogues", () => {
  it.each(["fa", "en", "keys"] as UiLocale[])("%s has exactly the keys of the Persian source", (locale) => {
    expect(Object.keys(catalogues[locale]).sort(), `${locale} must neither miss nor add keys`).toEqual(sourceKeys);
  });

  it.each(["fa", "en"] as UiLocale[])("%s has no empty or blank strings", (locale) => {
    const blank = Object.entries(catalogues[locale]).filter(([, text]) => text.trim() === "");
    expect(blank, `${locale}: every key needs text`).toEqual([]);
  });

  it("every English message uses the same placeholders as its Persian source", () => {
    const mismatched = sourceKeys.filter(
      (key) => placeholders(fa[key as keyof typeof fa]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(mismatched, "a placeholder missing in one language would show as raw {name}").toEqual([]);
  });

  it("Persian text uses Persian letters and digits, not Arabic ones", () => {
    // ي (U+064A) and ك (U+0643) are Arabic; Persian uses ی and ک. Latin digits
    // in Persian text should be Persian digits.
    const offenders = Object.entries(fa).filter(([, text]) => /[يك0-9]/.test(text));
    expect(offenders).toEqual([]);
  });

  it("the English catalogue is not an untranslated copy", () => {
    const untranslated = sourceKeys.filter((key) => {
      const text = en[key as keyof typeof en];
      return /[\u0600-\u06FF]/.test(text) && key !== "shell.otherLanguage";
    });
    expect(untranslated).toEqual([]);
  });

  it("the keys pseudo-locale shows each key in brackets", () => {
    expect(catalogues.keys["nav.sites"]).toBe("⟦nav.sites⟧");
  });
});

describe("translate", () => {
  it.each([
    ["fa", "nav.settings", undefined, "تنظیمات"],
    ["en", "nav.checkin", undefined, "Check-in"],
    ["en", "dashboard.greeting", { name: "Maryam" }, "Welcome, Maryam"],
    ["fa", "dashboard.greeting", { name: "مریم" }, "مریم، خوش آمدید"],
    ["en", "settings.nameCount", { count: "3", max: "100" }, "3 of 100 characters"],
    ["en", "settings.nameCount", { count: "3" }, "3 of {max} characters"],
    ["en", "dashboard.greeting", { name: "{max}" }, "Welcome, {max}"],
    ["keys", "dashboard.greeting", { name: "x" }, "⟦dashboard.greeting⟧"],
  ] as const)("%s %s %j → %s", (locale, key, params, expected) => {
    expect(translate(locale, key, params)).toBe(expected);
  });
});
