/**
 * What the sites list is filtered by, kept while the coordinator opens a
 * site and comes back; and the names of the sites seen so far, so an undo
 * that removed a site can still say which one.
 */
import type { Site } from "../api/bindings/Site";
import type { SiteFilter } from "../api/bindings/SiteFilter";

const filter = $state<SiteFilter>({ text: "", district: null, category: null, includeArchived: false });

/** The list's filter; change its fields, never replace it. */
export const siteFilter: SiteFilter = filter;

export function filterIsActive(f: SiteFilter): boolean {
  return f.text.trim() !== "" || f.district !== null || f.category !== null;
}

export function clearFilter(): void {
  filter.text = "";
  filter.district = null;
  filter.category = null;
}

const names = new Map<number, string>();

export function rememberNames(sites: readonly Site[]): void {
  for (const s of sites) names.set(s.id, s.input.nameFa);
}

export function rememberName(id: number, name: string): void {
  names.set(id, name);
}

export function knownName(id: number): string | null {
  return names.get(id) ?? null;
}
