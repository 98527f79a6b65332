/**
 * The tours page's shared state: which view the address names, and the
 * list's date range and filters, kept while a tour is opened and closed.
 */
import type { TourStatus } from "../api/bindings/TourStatus";
import { hashOfView, viewFromHash, type ToursView } from "./route";

function currentHash(): string {
  return typeof window !== "undefined" ? (window.location?.hash ?? "") : "";
}

const routeState = $state<{ view: ToursView }>({ view: viewFromHash(currentHash()) });

export const toursRoute = {
  get view(): ToursView {
    return routeState.view;
  },
};

/** Starts following the hash; returns a function that stops it. */
export function followToursHash(): () => void {
  const sync = () => {
    const next = viewFromHash(currentHash());
    if (hashOfView(next) !== hashOfView(routeState.view)) routeState.view = next;
  };
  sync();
  window.addEventListener("hashchange", sync);
  return () => window.removeEventListener("hashchange", sync);
}

/** Moves to `view`. */
export function goToTours(view: ToursView): void {
  const hash = hashOfView(view);
  if (window.location.hash !== hash) window.location.hash = hash;
  routeState.view = view;
}

export interface ListState {
  /** The range, Gregorian ISO; null until the week is known. */
  from: string | null;
  to: string | null;
  text: string;
  status: TourStatus | "";
  infeasibleOnly: boolean;
}

const list = $state<ListState>({ from: null, to: null, text: "", status: "", infeasibleOnly: false });

/** The list's range and filters; change its fields, never replace it. */
export const tourList: ListState = list;

export function clearTourFilters(): void {
  list.text = "";
  list.status = "";
  list.infeasibleOnly = false;
}
