/** Solar Hijri dates for every part of the UI that shows or takes one. */
export * from "./calendar";
export * from "./format";
export * from "./keys";
export * from "./text";
export { coreToday, ensureCoreToday, localToday, readAppStatus } from "./today.svelte";
export * from "./grid";
