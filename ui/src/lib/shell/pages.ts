/** The app's pages in navigation order, and reading a page from the address hash. */
import type { MessageKey } from "../i18n/catalogues";
import type { IconName } from "./icons";

export const PAGE_IDS = [
  "dashboard",
  "sites",
  "programme",
  "tours",
  "groups",
  "checkin",
  "requests",
  "reports",
  "settings",
] as const;

export type PageId = (typeof PAGE_IDS)[number];

export const DEFAULT_PAGE: PageId = "dashboard";

export interface PageEntry {
  id: PageId;
  label: MessageKey;
  icon: IconName;
}

export const PAGES: readonly PageEntry[] = PAGE_IDS.map((id) => ({
  id,
  label: `nav.${id}` as const,
  icon: id,
}));

export function isPageId(value: string): value is PageId {
  return (PAGE_IDS as readonly string[]).includes(value);
}

/** `#/sites` → "sites". An empty or unknown hash gives null. */
export function pageFromHash(hash: string): PageId | null {
  const id = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return isPageId(id) ? id : null;
}

export function hashOf(page: PageId): string {
  return `#/${page}`;
}
