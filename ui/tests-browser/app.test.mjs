// The UI in a real browser: the mock-mode build served by `vite preview`,
// driven in Debian's Chromium through playwright-core. The desktop app's
// own end-to-end tests (WebKit, real backend) live in the repository's tests/.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  EMPTY_PAGES,
  PAGES,
  WEEKDAYS,
  assertNoHorizontalOverflow,
  goTo,
  html,
  openApp,
  shot,
  useBrowser,
} from "./harness.mjs";

useBrowser();

describe("the shell in Persian", () => {
  test("starts in Persian: the title, and <html> is lang=fa dir=rtl", async (t) => {
    const { page } = await openApp(t);
    assert.ok(await page.evaluate(() => Object.isFrozen(Object.prototype)), "runs under a frozen Object.prototype");
    assert.deepEqual(await html(page), { lang: "fa", dir: "rtl", title: "گردش — دور اصفهان در ۸۰ روز" });
    assert.match(await page.getByTestId("app-title").innerText(), /گردش/);
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check("16px Vazirmatn", "گردش");
    });
    assert.ok(fontLoaded, "the bundled Vazirmatn font must be loaded for Persian text");
  });

  test("the dashboard shows today in the Solar Hijri calendar with Persian digits", async (t) => {
    const { page } = await openApp(t);
    const jalali = (await page.getByTestId("today-jalali").innerText()).trim();
    assert.equal(jalali, "یکشنبه ۸ آذر ۱۴۰۵", "today is shown exactly as the core returns it");
    assert.doesNotMatch(jalali, /[0-9]/, "no Latin digits in the Persian date");
    const gregorian = page.getByTestId("today-gregorian");
    assert.equal(await gregorian.getAttribute("datetime"), "2026-11-29");
    assert.equal((await gregorian.innerText()).trim(), "۲۹ نوامبر ۲۰۲۶");
    assert.equal(await page.getByTestId("db-integrity").getAttribute("data-ok"), "true");
    assert.equal(await page.getByTestId("db-schema-version").innerText(), "۱");
    const pathDir = await page.getByTestId("db-path").getAttribute("dir");
    assert.equal(pathDir, "ltr", "the database path is shown left to right");
    await shot(page, "dashboard-fa");
  });

  test("a failing status read shows the error by its code, with the detail in the UI's language, and retries", async (t) => {
    const { page } = await openApp(t, "#/sites");
    await page.evaluate(() => localStorage.setItem("gardesh.mock.fail", "app_status:database_corrupt"));
    await goTo(page, "dashboard");
    const banner = page.getByTestId("dashboard-error");
    await banner.waitFor();
    assert.equal(await banner.getAttribute("data-code"), "database_corrupt");
    const text = await banner.innerText();
    assert.match(text, /پایگاه داده آسیب دیده است/, "the Persian text for the code");
    const detail = banner.getByTestId("error-detail");
    assert.equal(await detail.evaluate((el) => el.tagName), "BDI");
    assert.equal(await detail.getAttribute("dir"), "rtl", "the Persian detail runs right to left");
    assert.match(await detail.innerText(), /عمداً ناموفق شد/, "the Persian detail from the backend");
    assert.doesNotMatch(text, /failed on purpose/, "no English detail in Persian");
    await shot(page, "dashboard-error-fa");

    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await detail.getAttribute("dir"), "ltr", "the English detail runs left to right");
    assert.match(await detail.innerText(), /failed on purpose/, "the English detail from the backend");
    const textEn = await banner.innerText();
    assert.match(textEn, /The database is damaged/, "the English text for the code");
    assert.doesNotMatch(textEn, /[\u0600-\u06FF]/, "no Persian in the English banner");
    await shot(page, "dashboard-error-en");

    await page.evaluate(() => localStorage.removeItem("gardesh.mock.fail"));
    await banner.getByRole("button").first().click();
    await page.getByTestId("today-jalali").waitFor();
    assert.equal(await page.getByTestId("dashboard-error").count(), 0);
  });

  test("the nine navigation items, in order, open their pages; unbuilt pages explain themselves", async (t) => {
    const { page } = await openApp(t);
    const ids = await page.locator("nav a").evaluateAll((links) => links.map((a) => a.dataset.testid));
    assert.deepEqual(ids, PAGES.map((p) => `nav-${p}`));
    for (const id of [...PAGES.slice(1), "dashboard"]) {
      await goTo(page, id);
      assert.equal(new URL(page.url()).hash, `#/${id}`);
      assert.equal(await page.getByTestId(`nav-${id}`).getAttribute("aria-current"), "page");
      assert.equal(await page.locator("[data-testid^='page-']").count(), 1, "exactly one page is shown");
      if (EMPTY_PAGES.includes(id)) {
        const empty = page.getByTestId(`page-${id}`).getByTestId("empty-state");
        await empty.waitFor();
        assert.ok(await empty.locator("svg").count(), `${id}: the empty state has an icon`);
        assert.ok((await empty.locator("h2").innerText()).trim().length > 0, `${id}: the empty state has a title`);
        assert.ok((await empty.locator("p").innerText()).trim().length > 20, `${id}: the empty state says what will be here`);
      }
    }
    await goTo(page, "sites");
    await shot(page, "sites-fa");
  });

  test("an unknown address shows the dashboard", async (t) => {
    const { page } = await openApp(t, "#/nowhere");
    await page.getByTestId("page-dashboard").waitFor();
    assert.equal(new URL(page.url()).hash, "#/dashboard");
  });
});

describe("reporting the first paint (ui_ready)", () => {
  const readyCalls = (page) => page.evaluate(() => window.__ipcCalls.filter((c) => c.cmd === "ui_ready"));
  // Enough frames for a stray second report to have been made.
  const someFrames = (page) =>
    page.evaluate(() => new Promise((resolve) => {
      let left = 10;
      const step = () => (--left > 0 ? requestAnimationFrame(step) : resolve());
      requestAnimationFrame(step);
    }));

  test("starting on the dashboard, it is sent once, after the day is shown", async (t) => {
    const { page } = await openApp(t);
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "ui_ready"));
    const calls = await page.evaluate(() => window.__ipcCalls.map((c) => c.cmd));
    assert.ok(calls.indexOf("app_status") < calls.indexOf("ui_ready"), `app_status before ui_ready: ${calls}`);
    const [ready] = await readyCalls(page);
    assert.deepEqual(ready, { cmd: "ui_ready", page: "page-dashboard", dashboardSettled: true });
    for (const id of ["sites", "settings", "dashboard"]) await goTo(page, id);
    await page.getByTestId("today-jalali").waitFor();
    await someFrames(page);
    assert.equal((await readyCalls(page)).length, 1, "only once per run");
  });

  test("starting on the dashboard with a failing status read, it is sent once the error is shown", async (t) => {
    const { page } = await openApp(t, "#/dashboard", { fail: "app_status:database_io" });
    await page.getByTestId("dashboard-error").waitFor();
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "ui_ready"));
    assert.deepEqual(await readyCalls(page), [{ cmd: "ui_ready", page: "page-dashboard", dashboardSettled: true }]);
    await page.getByTestId("dashboard-error").getByRole("button").first().click();
    await someFrames(page);
    assert.equal((await readyCalls(page)).length, 1, "a retry does not report again");
  });

  test("starting on another page, it is sent once that page is shown", async (t) => {
    const { page } = await openApp(t, "#/sites");
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "ui_ready"));
    const [ready] = await readyCalls(page);
    assert.equal(ready.page, "page-sites");
    const before = await page.evaluate(() => window.__ipcCalls.map((c) => c.cmd));
    assert.ok(!before.includes("app_status"), `the dashboard was never mounted: ${before}`);
    await goTo(page, "dashboard");
    await page.getByTestId("today-jalali").waitFor();
    await someFrames(page);
    assert.equal((await readyCalls(page)).length, 1, "the dashboard does not report again");
  });

  test("a failing ui_ready shows nothing and is not retried", async (t) => {
    const { page } = await openApp(t, "#/dashboard", { fail: "ui_ready:internal" });
    await page.getByTestId("today-jalali").waitFor();
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "ui_ready"));
    await someFrames(page);
    assert.equal((await readyCalls(page)).length, 1);
    assert.equal(await page.locator("[role=alert]").count(), 0, "no error is shown for it");
  });
});

describe("switching language", () => {
  test("English flips <html> to ltr/en at once, persists across a reload, and switches back", async (t) => {
    const { page } = await openApp(t);
    await page.getByTestId("today-jalali").waitFor();
    await page.getByTestId("lang-toggle").click();
    // Read straight after the click: the switch must not wait for the save.
    const right = await html(page);
    assert.equal(right.dir, "ltr");
    assert.equal(right.lang, "en");
    assert.equal(right.title, "Gardesh — Around Isfahan in 80 Days");
    assert.equal((await page.getByTestId("today-jalali").innerText()).trim(), "Sunday 8 Azar 1405");
    assert.equal((await page.getByTestId("today-gregorian").innerText()).trim(), "29 November 2026");
    assert.equal((await page.getByTestId("nav-dashboard").innerText()).trim(), "Dashboard");
    await shot(page, "dashboard-en");

    await page.waitForFunction(() => localStorage.getItem("gardesh.mock.settings")?.includes('"en"'));
    await page.reload();
    await page.getByTestId("today-jalali").waitFor();
    assert.equal((await html(page)).dir, "ltr", "the language choice survives a reload");

    await page.getByTestId("lang-toggle").click();
    const back = await html(page);
    assert.equal(back.dir, "rtl");
    assert.equal(back.lang, "fa");
    assert.equal((await page.getByTestId("nav-dashboard").innerText()).trim(), "داشبورد");
  });

  test("the keys pseudo-locale shows every string as its catalogue key", async (t) => {
    const { page } = await openApp(t, "?locale=keys#/programme");
    await page.getByTestId("page-programme").waitFor();
    await page.getByTestId("empty-state").waitFor();
    assert.equal((await page.getByTestId("nav-sites").innerText()).trim(), "⟦nav.sites⟧");
    const stray = await page.evaluate(() => document.body.innerText.replace(/⟦[^⟧]*⟧/g, "").replace(/\s+/g, ""));
    assert.equal(stray, "", "every visible string on an empty page comes from the catalogue");
  });
});

describe("settings", () => {
  test("a saved change survives a reload", async (t) => {
    const { page } = await openApp(t, "#/settings");
    const name = page.getByTestId("settings-name");
    await name.fill("  مریم احمدی  ");
    await page.getByTestId("settings-calendar").selectOption("gregorian");
    await page.getByTestId("settings-weekend-thursday").check();
    await page.getByTestId("settings-dirty").waitFor();
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-saved").waitFor();
    assert.equal(await name.inputValue(), "مریم احمدی", "the form shows the value as saved (trimmed)");
    await shot(page, "settings-fa");

    await page.reload();
    await page.getByTestId("page-settings").waitFor();
    assert.equal(await page.getByTestId("settings-name").inputValue(), "مریم احمدی");
    assert.equal(await page.getByTestId("settings-calendar").inputValue(), "gregorian");
    assert.ok(await page.getByTestId("settings-weekend-thursday").isChecked());
    assert.ok(await page.getByTestId("settings-weekend-friday").isChecked());
    assert.ok(!(await page.getByTestId("settings-weekend-saturday").isChecked()));
    assert.equal(await page.getByTestId("settings-save").isDisabled(), true, "nothing unsaved after a reload");

    await goTo(page, "dashboard");
    assert.match(await page.getByTestId("dashboard-greeting").innerText(), /مریم احمدی/);
    const gregorianFirst = await page
      .getByTestId("today-gregorian")
      .evaluate((el) => el.closest(".date")?.classList.contains("primary"));
    assert.ok(gregorianFirst, "with the Gregorian calendar chosen, the Gregorian date leads");
    await shot(page, "dashboard-gregorian-first-fa");
  });

  test("saving English from the form switches the UI to English", async (t) => {
    const { page } = await openApp(t, "#/settings");
    await page.getByTestId("settings-language").selectOption("en");
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-saved").waitFor();
    assert.deepEqual((await html(page)).dir, "ltr");
    assert.equal((await page.getByTestId("settings-saved").innerText()).trim(), "Settings saved.");
  });

  test("revert returns the form to the saved values", async (t) => {
    const { page } = await openApp(t, "#/settings");
    await page.getByTestId("settings-name").fill("نام موقت");
    await page.getByTestId("settings-weekend-monday").check();
    await page.getByTestId("settings-dirty").waitFor();
    await page.getByTestId("settings-revert").click();
    assert.equal(await page.getByTestId("settings-name").inputValue(), "");
    assert.ok(!(await page.getByTestId("settings-weekend-monday").isChecked()));
    assert.equal(await page.getByTestId("settings-dirty").count(), 0, "no unsaved changes after revert");
  });

  test("a 101-character name is refused with a message, and nothing is saved", async (t) => {
    const { page } = await openApp(t, "#/settings");
    await page.getByTestId("settings-name").fill("ا".repeat(101));
    await page.getByTestId("settings-name-invalid").waitFor();
    assert.match(await page.getByTestId("settings-name-invalid").innerText(), /۱۰۰/);
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-error").waitFor();
    assert.equal(await page.getByTestId("settings-saved").count(), 0);
    await shot(page, "settings-invalid-fa");

    assert.equal(await page.evaluate(() => localStorage.getItem("gardesh.mock.settings")), null);
    await page.reload();
    await page.getByTestId("page-settings").waitFor();
    assert.equal(await page.getByTestId("settings-name").inputValue(), "", "the refused name was not stored");
  });

  test("all seven weekend days are refused", async (t) => {
    const { page } = await openApp(t, "#/settings");
    for (const day of WEEKDAYS) await page.getByTestId(`settings-weekend-${day}`).check();
    await page.getByTestId("settings-weekend-invalid").waitFor();
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-error").waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("gardesh.mock.settings")), null);
  });
});

describe("layout", () => {
  test("nothing overflows sideways at 1280×800 with a 100-character name, in either language", async (t) => {
    const { page } = await openApp(t, "#/settings");
    // One unbroken 100-character word: the worst case for wrapping.
    const longName = "عبدالرحمن‌محمدحسین‌".repeat(6).slice(0, 100);
    assert.equal([...longName].length, 100);
    await page.getByTestId("settings-name").fill(longName);
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-saved").waitFor();
    for (const language of ["fa", "en"]) {
      for (const id of PAGES) {
        await goTo(page, id);
        await assertNoHorizontalOverflow(page, `${language} ${id}`);
      }
      await goTo(page, "dashboard");
      await page.getByTestId("today-jalali").waitFor();
      await shot(page, `dashboard-long-name-${language}`);
      if (language === "fa") await page.getByTestId("lang-toggle").click();
    }
  });

  test("every request stays on the app's own origin", async (t) => {
    const { page, local, offsite } = await openApp(t);
    for (const id of PAGES) await goTo(page, id);
    await page.evaluate(() => document.fonts.ready);
    assert.ok(local.some((url) => url.endsWith(".woff2")), "the fonts come from the app itself");
    assert.deepEqual(offsite, []);
  });
});
