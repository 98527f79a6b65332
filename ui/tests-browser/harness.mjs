// The shared harness of the browser tests: builds the mock-mode UI, serves
// it with `vite preview` on a free port and drives Debian's Chromium through
// playwright-core. Each test file calls `useBrowser()` once at top level.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const UI_DIR = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
export const OUT_DIR = path.join(UI_DIR, "tests-browser", "out");
const VITE = path.join(UI_DIR, "node_modules", "vite", "bin", "vite.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const VIEWPORT = { width: 1280, height: 800 };
// Each test file runs in its own process and builds its own copy of the UI,
// so files never overwrite each other's build.
const DIST = path.join(OUT_DIR, `dist-mock-${process.pid}`);

export const PAGES = ["dashboard", "sites", "programme", "tours", "groups", "checkin", "requests", "reports", "settings"];
export const EMPTY_PAGES = PAGES.filter(
  (p) => !["dashboard", "settings", "sites", "tours", "groups", "checkin", "requests", "reports"].includes(p),
);
export const WEEKDAYS = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"];

let server;
let browser;
let baseUrl;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      lastError = new Error(`HTTP ${res.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url}: ${lastError}`);
}

/** Registers the build, the server and the browser around the calling file's tests. */
export function useBrowser() {
  before(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    // Always rebuild: a stale build would test yesterday's UI.
    const build = spawnSync(process.execPath, [VITE, "build", "--mode", "mock", "--outDir", DIST, "--emptyOutDir"], {
      cwd: UI_DIR,
      encoding: "utf8",
    });
    assert.equal(build.status, 0, `the mock build must succeed:\n${build.stdout}\n${build.stderr}`);

    const port = await freePort();
    server = spawn(
      process.execPath,
      [VITE, "preview", "--outDir", DIST, "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
      { cwd: UI_DIR, stdio: ["ignore", "pipe", "pipe"] },
    );
    server.stdout.resume();
    server.stderr.resume();
    baseUrl = `http://127.0.0.1:${port}/`;
    await waitForHttp(baseUrl, 30_000);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = once(server, "exit");
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(DIST, { recursive: true, force: true });
  });
}

/**
 * A fresh browser context (so fresh localStorage, i.e. a fresh mock
 * database) with a page open at `hash`. Every request is checked: anything
 * not addressed to the preview server is recorded and aborted, and the test
 * fails at its end if there was any, or any uncaught page error.
 *
 * Every IPC call is recorded in `window.__ipcCalls` with what the page
 * showed at that moment. `fail` ("<command>:<code>") is put in the mock's
 * failure switch before the app starts; `reducedMotion: "reduce"` asks the
 * page for reduced motion.
 */
export async function openApp(t, hash = "#/dashboard", { fail, reducedMotion } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...(reducedMotion ? { reducedMotion } : {}) });
  // The desktop app runs with Tauri's `freezePrototype`; so does this page,
  // so code that writes to Object.prototype fails here first.
  await context.addInitScript(() => Object.freeze(Object.prototype));
  await context.addInitScript(() => {
    const calls = [];
    let inner;
    window.__ipcCalls = calls;
    window.__TAURI_INTERNALS__ = {};
    // The mock backend installs its `invoke` here; wrap whatever it installs.
    Object.defineProperty(window.__TAURI_INTERNALS__, "invoke", {
      configurable: true,
      enumerable: true,
      get: () =>
        inner &&
        ((cmd, args, options) => {
          calls.push({
            cmd,
            page: document.querySelector("[data-testid^='page-']")?.dataset.testid ?? null,
            dashboardSettled: document.querySelector("[data-testid=today-jalali], [data-testid=dashboard-error]") !== null,
          });
          return inner(cmd, args, options);
        }),
      set: (fn) => {
        inner = fn;
      },
    });
  });
  if (fail) await context.addInitScript((value) => localStorage.setItem("gardesh.mock.fail", value), fail);
  const offsite = [];
  const local = [];
  const pageErrors = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const isLocal = (url.protocol === "http:" || url.protocol === "https:") && url.host === new URL(baseUrl).host;
    if (isLocal || url.protocol === "data:" || url.protocol === "blob:") {
      local.push(url.href);
      return route.continue();
    }
    offsite.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
  });
  t.after(async () => {
    await context.close();
    assert.deepEqual(offsite, [], "the UI must not request anything outside the app");
    assert.deepEqual(pageErrors, [], "the page must run without errors");
  });
  await page.goto(new URL(hash, baseUrl).href);
  await page.getByTestId("app-title").waitFor();
  return { page, context, local, offsite };
}

export const html = (page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title }));

export async function shot(page, name) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT_DIR, `${name}.png`) });
}

export async function goTo(page, id) {
  await page.getByTestId(`nav-${id}`).click();
  await page.getByTestId(`page-${id}`).waitFor();
}

export async function assertNoHorizontalOverflow(page, where) {
  const sizes = await page.evaluate(() => {
    const measure = (el) => (el ? { scroll: el.scrollWidth, client: el.clientWidth } : null);
    return {
      document: measure(document.documentElement),
      body: measure(document.body),
      header: measure(document.querySelector("header")),
      main: measure(document.querySelector("main")),
      nav: measure(document.querySelector("aside")),
    };
  });
  for (const [part, size] of Object.entries(sizes)) {
    assert.ok(size, `${where}: the ${part} must exist`);
    assert.ok(size.scroll <= size.client, `${where}: the ${part} overflows sideways (${size.scroll} > ${size.client})`);
  }
}


/** Calls a command of the mock backend from the page, as the UI would. */
export const ipc = (page, cmd, args = {}) => page.evaluate(([c, a]) => window.__TAURI_INTERNALS__.invoke(c, a), [cmd, args]);

/** The last file the mock "saved" through `file_save`: { size, png, text }. */
export const savedFile = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("gardesh.mock.savedFile") ?? "null"));

/** The data-testid of the element with the keyboard focus. */
export const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName ?? null);
