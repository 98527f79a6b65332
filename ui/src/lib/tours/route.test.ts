import { describe, expect, it } from "vitest";
import { hashOfView, viewFromHash } from "./route";

describe("the tours page's address", () => {
  it.each([
    ["#/tours", { kind: "list" }],
    ["#/tours/", { kind: "list" }],
    ["#/tours/templates", { kind: "templates" }],
    ["#/tours/resources", { kind: "resources" }],
    ["#/tours/90001", { kind: "tour", id: 90001 }],
    ["#/tours/12?x=1", { kind: "tour", id: 12 }],
    ["#/tours/0", { kind: "list" }],
    ["#/tours/abc", { kind: "list" }],
    ["#/sites/12", { kind: "list" }],
    ["", { kind: "list" }],
  ] as const)("%s", (hash, view) => {
    expect(viewFromHash(hash)).toEqual(view);
  });

  it("round-trips every view", () => {
    for (const view of [{ kind: "list" }, { kind: "templates" }, { kind: "resources" }, { kind: "tour", id: 7 }] as const) {
      expect(viewFromHash(hashOfView(view))).toEqual(view);
    }
  });
});
