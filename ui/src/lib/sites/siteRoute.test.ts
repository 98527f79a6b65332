import { describe, expect, it } from "vitest";
import { hashOfView, viewFromHash } from "./siteRoute.svelte";

describe("the sites page's address", () => {
  it.each([
    ["#/sites", { kind: "list" }],
    ["#/sites/", { kind: "list" }],
    ["#/sites/new", { kind: "new" }],
    ["#/sites/12", { kind: "edit", id: 12 }],
    ["#sites/7", { kind: "edit", id: 7 }],
    ["#/sites/12?x=1", { kind: "edit", id: 12 }],
    ["#/sites/0", { kind: "list" }],
    ["#/sites/abc", { kind: "list" }],
    ["#/sites/-3", { kind: "list" }],
    ["#/dashboard", { kind: "list" }],
    ["", { kind: "list" }],
  ])("%j is %j", (hash, view) => {
    expect(viewFromHash(hash)).toEqual(view);
  });

  it("writes each view back as the address it was read from", () => {
    for (const hash of ["#/sites", "#/sites/new", "#/sites/42"]) expect(hashOfView(viewFromHash(hash))).toBe(hash);
  });
});
