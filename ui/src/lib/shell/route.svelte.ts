/** The current page, kept in step with the address hash (`#/sites`). */
import { DEFAULT_PAGE, hashOf, pageFromHash, type PageId } from "./pages";

// Start on the page the address names, so the first render is already the
// right page (and the start page is not mounted just to be replaced).
function initialPage(): PageId {
  const hash = typeof window !== "undefined" ? window.location?.hash : undefined;
  return (hash !== undefined ? pageFromHash(hash) : null) ?? DEFAULT_PAGE;
}

const state = $state<{ page: PageId }>({ page: initialPage() });

export const route = {
  get page(): PageId {
    return state.page;
  },
};

function sync(): void {
  const page = pageFromHash(window.location.hash);
  if (page === null) {
    // Unknown or empty hash: show the dashboard and say so in the address.
    history.replaceState(null, "", hashOf(DEFAULT_PAGE));
    state.page = DEFAULT_PAGE;
  } else {
    state.page = page;
  }
}

/** Starts following the hash. Returns a function that stops it. */
export function startRouting(): () => void {
  sync();
  window.addEventListener("hashchange", sync);
  return () => window.removeEventListener("hashchange", sync);
}
