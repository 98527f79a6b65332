import { describe, expect, it } from "vitest";
import { hashOfTab, tabFromHash } from "./tabs";

describe("the Programme page's tabs in the address", () => {
  it.each([
    ["#/programme", "editor"],
    ["#/programme/holidays", "holidays"],
    ["#/programme/calendar", "calendar"],
    ["#/programme/calendar?month=1405-10", "calendar"],
    ["#/programme/nowhere", "editor"],
    ["#/sites", "editor"],
    ["", "editor"],
  ])("%j → %s", (hash, tab) => {
    expect(tabFromHash(hash)).toBe(tab);
  });
  it("round-trips", () => {
    for (const tab of ["editor", "holidays", "calendar"] as const) expect(tabFromHash(hashOfTab(tab))).toBe(tab);
  });
});
