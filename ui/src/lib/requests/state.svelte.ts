/**
 * The requests page's shared state: which request the address opens
 * (`#/requests`, `#/requests/new`, `#/requests/12`, with `?overdue=1` from
 * the Dashboard) and the list's search and filters, kept while requests
 * are opened and closed.
 */
import type { RequestFilter } from "../api/bindings/RequestFilter";
import { blankFilter, hashOfRequestsView, overdueFromHash, requestsViewFromHash, type RequestsView } from "./model";

function currentHash(): string {
  return typeof window !== "undefined" ? (window.location?.hash ?? "") : "";
}

const routeState = $state<{ view: RequestsView }>({ view: requestsViewFromHash(currentHash()) });

export const requestsRoute = {
  get view(): RequestsView {
    return routeState.view;
  },
};

const filter = $state<RequestFilter>(blankFilter());

/** The list's search and filters; change its fields, never replace it. */
export const requestFilter: RequestFilter = filter;

export function clearRequestFilter(): void {
  Object.assign(filter, blankFilter());
}

/** Starts following the hash (`?overdue=1` or `0` sets the overdue filter); returns a function that stops it. */
export function followRequestsHash(): () => void {
  const sync = () => {
    const hash = currentHash();
    const next = requestsViewFromHash(hash);
    if (hashOfRequestsView(next) !== hashOfRequestsView(routeState.view)) routeState.view = next;
    const overdue = overdueFromHash(hash);
    if (overdue !== null) {
      filter.overdueOnly = overdue;
      // Said once: the address goes back to the view alone, so the filter stays the coordinator's to change.
      history.replaceState(null, "", hashOfRequestsView(next));
    }
  };
  sync();
  window.addEventListener("hashchange", sync);
  return () => window.removeEventListener("hashchange", sync);
}

/** Moves to `view`; `replace` keeps the browser history from growing. */
export function goToRequests(view: RequestsView, replace = false): void {
  const hash = hashOfRequestsView(view);
  if (replace) history.replaceState(null, "", hash);
  else if (window.location.hash !== hash) window.location.hash = hash;
  routeState.view = view;
}
