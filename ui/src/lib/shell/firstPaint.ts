/**
 * Reports, once per run, that the first screen is on the glass: the shell
 * logs the start-up time (and the start-up benchmark reads it). The start
 * page calls `markFirstScreenPainted` when its first load has settled; the
 * app calls it on mount when it starts on another page. Later calls do
 * nothing.
 */
import { uiReady } from "../api";

let reported: Promise<void> | null = null;

// The first frame callback runs before the next paint, the second one
// after it: by then what the page rendered is on screen.
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * After two animation frames, tells the shell the first screen is painted.
 * Idempotent: only the first call reports. The returned promise settles
 * when the report is done and never rejects — this is diagnostics, and a
 * failure is not shown.
 */
export function markFirstScreenPainted(): Promise<void> {
  reported ??= (async () => {
    try {
      await nextFrame();
      await nextFrame();
      await uiReady();
    } catch {
      // Diagnostics only: the app works the same without the report.
    }
  })();
  return reported;
}
