/**
 * Where the sites page is: the list (`#/sites`), a new site (`#/sites/new`)
 * or one site (`#/sites/12`). The shell's router reads only the first part
 * of the hash; this follows the rest.
 */

export type SitesView = { kind: "list" } | { kind: "new" } | { kind: "edit"; id: number };

/** `#/sites/12` → edit 12; `#/sites/new` → new; anything else → the list. */
export function viewFromHash(hash: string): SitesView {
  const parts = hash.replace(/^#\/?/, "").split("?")[0]?.split("/") ?? [];
  if (parts[0] !== "sites") return { kind: "list" };
  const sub = parts[1] ?? "";
  if (sub === "new") return { kind: "new" };
  if (/^[1-9][0-9]{0,14}$/.test(sub)) return { kind: "edit", id: Number(sub) };
  return { kind: "list" };
}

export function hashOfView(view: SitesView): string {
  switch (view.kind) {
    case "list":
      return "#/sites";
    case "new":
      return "#/sites/new";
    case "edit":
      return `#/sites/${view.id}`;
  }
}

function currentHash(): string {
  return typeof window !== "undefined" ? (window.location?.hash ?? "") : "";
}

const state = $state<{ view: SitesView }>({ view: viewFromHash(currentHash()) });

export const sitesRoute = {
  get view(): SitesView {
    return state.view;
  },
};

/** Starts following the hash; returns a function that stops it. */
export function followSitesHash(): () => void {
  const sync = () => {
    const next = viewFromHash(currentHash());
    if (hashOfView(next) !== hashOfView(state.view)) state.view = next;
  };
  sync();
  window.addEventListener("hashchange", sync);
  return () => window.removeEventListener("hashchange", sync);
}

/** Moves to `view`; `replace` keeps the browser history from growing (after a create). */
export function goToSites(view: SitesView, replace = false): void {
  const hash = hashOfView(view);
  if (replace) {
    history.replaceState(null, "", hash);
  } else if (window.location.hash !== hash) {
    window.location.hash = hash;
  }
  state.view = view;
}
