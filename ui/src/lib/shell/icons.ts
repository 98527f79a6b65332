/** Names of the inline icons drawn by Icon.svelte. */
import type { PageId } from "./pages";

export type IconName =
  | PageId
  | "alert"
  | "check"
  | "database"
  | "info"
  | "globe"
  | "calendar"
  | "convert"
  | "chevron-left"
  | "chevron-right"
  | "chevrons-left"
  | "chevrons-right";
