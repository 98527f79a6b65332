// Unit tests run in Node, which has no `window`; Tauri's IPC mocks hang
// their hooks on it, so the global object stands in.
const global = globalThis as { window?: unknown };
global.window ??= globalThis;
