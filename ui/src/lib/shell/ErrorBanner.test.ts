// The banner rendered to HTML on the server side of Svelte: no DOM needed
// to see which detail it shows in which language.
import { render } from "svelte/server";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiError } from "../api";
import { applyLanguage, applyLocaleFromUrl } from "../i18n/locale.svelte";
import ErrorBanner from "./ErrorBanner.svelte";

const ERROR: ApiError = {
  code: "invalid_input",
  message: "coordinatorName is 101 characters long; at most 100 are allowed",
  messageFa: "نام هماهنگ‌کننده حداکثر ۱۰۰ نویسه است؛ این نام ۱۰۱ نویسه دارد",
};

interface ShownDetail {
  dir: string | undefined;
  lang: string | undefined;
  text: string;
}

function banner(error: ApiError = ERROR): { html: string; detail: ShownDetail | null } {
  const html = render(ErrorBanner, { props: { error } }).body;
  const bdis = [...html.matchAll(/<bdi([^>]*)>([^<]*)<\/bdi>/g)];
  expect(bdis.length, "at most one detail").toBeLessThanOrEqual(1);
  const bdi = bdis[0];
  if (!bdi) return { html, detail: null };
  const attrs = bdi[1] ?? "";
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
  expect(attr("data-testid")).toBe("error-detail");
  return { html, detail: { dir: attr("dir"), lang: attr("lang"), text: bdi[2] ?? "" } };
}

afterEach(() => {
  applyLocaleFromUrl("");
  applyLanguage("fa");
});

describe("ErrorBanner's detail follows the language", () => {
  it("shows the Persian detail, right to left, in Persian", () => {
    applyLanguage("fa");
    const { html, detail } = banner();
    expect(detail).toEqual({ dir: "rtl", lang: "fa", text: ERROR.messageFa });
    expect(html).not.toContain(ERROR.message);
    expect(html).toContain("ورودی نامعتبر است.");
  });

  it("shows the English detail, left to right, in English", () => {
    applyLanguage("en");
    const { html, detail } = banner();
    expect(detail).toEqual({ dir: "ltr", lang: "en", text: ERROR.message });
    expect(html).not.toContain(ERROR.messageFa);
    expect(html).toContain("The input is not valid.");
  });

  it("shows the English detail in the keys pseudo-locale", () => {
    applyLocaleFromUrl("?locale=keys");
    expect(banner().detail).toEqual({ dir: "ltr", lang: "en", text: ERROR.message });
  });

  it("shows the English detail in Persian when there is no Persian one", () => {
    applyLanguage("fa");
    expect(banner({ ...ERROR, messageFa: "" }).detail).toEqual({ dir: "ltr", lang: "en", text: ERROR.message });
  });

  it("shows no detail line when there is no detail", () => {
    const { html, detail } = banner({ ...ERROR, message: "", messageFa: "" });
    expect(detail).toBeNull();
    expect(html).not.toContain("جزئیات فنی");
  });
});
