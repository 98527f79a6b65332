/**
 * Where the tours page is: the list (`#/tours`), the route templates
 * (`#/tours/templates`), vehicles, guides and travel settings
 * (`#/tours/resources`) or one tour's editor (`#/tours/12`). The shell's
 * router reads only the first part of the hash; this reads the rest.
 */
import type { MessageKey } from "../i18n/catalogues";

export const TOURS_TABS = ["list", "templates", "resources"] as const;

export type ToursTab = (typeof TOURS_TABS)[number];

export type ToursView = { kind: ToursTab } | { kind: "tour"; id: number };

export const TAB_LABELS: Readonly<Record<ToursTab, MessageKey>> = {
  list: "tours.tabList",
  templates: "tours.tabTemplates",
  resources: "tours.tabResources",
};

/** `#/tours/12` → tour 12; `#/tours/templates` → templates; anything else → the list. */
export function viewFromHash(hash: string): ToursView {
  const parts = hash.replace(/^#\/?/, "").split("?")[0]?.split("/") ?? [];
  if (parts[0] !== "tours") return { kind: "list" };
  const sub = parts[1] ?? "";
  if (sub === "templates" || sub === "resources") return { kind: sub };
  if (/^[1-9][0-9]{0,14}$/.test(sub)) return { kind: "tour", id: Number(sub) };
  return { kind: "list" };
}

export function hashOfView(view: ToursView): string {
  switch (view.kind) {
    case "list":
      return "#/tours";
    case "tour":
      return `#/tours/${view.id}`;
    default:
      return `#/tours/${view.kind}`;
  }
}
