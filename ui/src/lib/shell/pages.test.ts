import { describe, expect, it } from "vitest";
import { PAGES, PAGE_IDS, hashOf, pageFromHash } from "./pages";

describe("pages", () => {
  it("lists the nine pages in navigation order", () => {
    expect(PAGE_IDS).toEqual([
      "dashboard",
      "sites",
      "programme",
      "tours",
      "groups",
      "checkin",
      "requests",
      "reports",
      "settings",
    ]);
    expect(PAGES.map((p) => p.label)).toEqual(PAGE_IDS.map((id) => `nav.${id}`));
  });

  it.each([
    ["#/sites", "sites"],
    ["#sites", "sites"],
    ["#/checkin/", "checkin"],
    ["#/tours/12", "tours"],
    ["#/reports?month=9", "reports"],
    ["", null],
    ["#/", null],
    ["#/Sites", null],
    ["#/constructor", null],
    ["#/nowhere", null],
  ] as const)("pageFromHash(%j) = %j", (hash, expected) => {
    expect(pageFromHash(hash)).toBe(expected);
  });

  it("hashOf and pageFromHash agree for every page", () => {
    for (const id of PAGE_IDS) expect(pageFromHash(hashOf(id))).toBe(id);
  });
});
