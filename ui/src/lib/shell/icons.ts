/** Names of the inline icons drawn by Icon.svelte. */
import type { PageId } from "./pages";

export type IconName = PageId | "alert" | "check" | "database" | "info" | "globe";
