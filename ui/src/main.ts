/**
 * Entry point: fonts and styles, the mock backend in mock builds, the
 * locale (from the address, then from the saved settings), then the app.
 */
import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/500.css";
import "@fontsource/vazirmatn/700.css";
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { applyLanguage, applyLocaleFromUrl } from "./lib/i18n/locale.svelte";
import { settingsStore } from "./lib/settings/store.svelte";

const FIRST_PAINT_WAIT_MS = 1500;

async function start(): Promise<void> {
  if (import.meta.env.MODE === "mock") {
    const { installMockBackend } = await import("./lib/api/mock");
    installMockBackend();
  }
  applyLocaleFromUrl(window.location.search);
  // Read the saved language before the first paint, so an English user does
  // not see a flash of Persian; but never hold the window blank for long.
  // A failure is shown by the pages that need settings; the UI starts in Persian.
  const loaded = settingsStore.load().then((settings) => {
    if (settings) applyLanguage(settings.language);
  });
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS))]);

  const target = document.getElementById("app");
  if (!target) throw new Error("index.html has no #app element");
  mount(App, { target });
}

void start();
