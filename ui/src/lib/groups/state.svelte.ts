/**
 * The groups page's shared state: which group the address names
 * (`#/groups`, `#/groups/new`, `#/groups/12`) and the list's search and
 * filters, kept while groups are opened and closed.
 */
import type { GroupFilter } from "../api/bindings/GroupFilter";

export type GroupsView = { kind: "none" } | { kind: "new" } | { kind: "edit"; id: number };

/** `#/groups/12` → group 12; `#/groups/new` → a new group; anything else → none open. */
export function viewFromHash(hash: string): GroupsView {
  const parts = hash.replace(/^#\/?/, "").split("?")[0]?.split("/") ?? [];
  if (parts[0] !== "groups") return { kind: "none" };
  const sub = parts[1] ?? "";
  if (sub === "new") return { kind: "new" };
  if (/^[1-9][0-9]{0,14}$/.test(sub)) return { kind: "edit", id: Number(sub) };
  return { kind: "none" };
}

export function hashOfView(view: GroupsView): string {
  switch (view.kind) {
    case "none":
      return "#/groups";
    case "new":
      return "#/groups/new";
    case "edit":
      return `#/groups/${view.id}`;
  }
}

function currentHash(): string {
  return typeof window !== "undefined" ? (window.location?.hash ?? "") : "";
}

const routeState = $state<{ view: GroupsView }>({ view: viewFromHash(currentHash()) });

export const groupsRoute = {
  get view(): GroupsView {
    return routeState.view;
  },
};

/** Starts following the hash; returns a function that stops it. */
export function followGroupsHash(): () => void {
  const sync = () => {
    const next = viewFromHash(currentHash());
    if (hashOfView(next) !== hashOfView(routeState.view)) routeState.view = next;
  };
  sync();
  window.addEventListener("hashchange", sync);
  return () => window.removeEventListener("hashchange", sync);
}

/** Moves to `view`; `replace` keeps the browser history from growing (after a create). */
export function goToGroups(view: GroupsView, replace = false): void {
  const hash = hashOfView(view);
  if (replace) history.replaceState(null, "", hash);
  else if (window.location.hash !== hash) window.location.hash = hash;
  routeState.view = view;
}

const filter = $state<GroupFilter>({ text: "", tour: null, state: null, kind: null, channel: null, limit: null });

/** The list's search and filters; change its fields, never replace it. */
export const groupFilter: GroupFilter = filter;

export function filterIsActive(f: GroupFilter): boolean {
  return f.text.trim() !== "" || f.tour !== null || f.state !== null || f.kind !== null || f.channel !== null;
}

export function clearGroupFilter(): void {
  filter.text = "";
  filter.tour = null;
  filter.state = null;
  filter.kind = null;
  filter.channel = null;
}

/**
 * The open editor: whether it has unsaved edits (the page asks before
 * leaving them), and the group just saved (so its editor, opened anew at
 * the group's address after a create, still says it was saved).
 */
export const editorState = $state<{ dirty: boolean; lastSaved: number | null }>({ dirty: false, lastSaved: null });
