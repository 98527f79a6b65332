// The sites pages in Chromium over the mock backend: the list with search
// and filters, the editor (Persian input in any digits, inline checks,
// warnings), undo, archive, visiting hours, closures and the photo gallery.
// The mock starts with three sites: «ایستگاه زینبیه، خط ۲ مترو» (1, district 7,
// demo), «تقاطع غیرهمسطح کمربندی چهارم» (2, district 14, demo) and
// «میدان امام علی (عتیق)» (3, district 3, archived).
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { deflateSync } from "node:zlib";
import { OUT_DIR, UI_DIR, WEEKDAYS, assertNoHorizontalOverflow, goTo, openApp, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS = path.resolve(UI_DIR, "..", "docs");
const ZEYNABIEH = "ایستگاه زینبیه، خط ۲ مترو";
const RING_ROAD = "تقاطع غیرهمسطح کمربندی چهارم";
const ATIQ = "میدان امام علی (عتیق)";
// U+2068/U+2069 isolate user text inside messages; compare without them.
const plain = (text) => text.replace(/[\u2066-\u2069]/g, "").trim();

// ---- a PNG made here, so the test needs no image files -------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG of a sunset over a bridge, width × height. */
function makePng(width, height) {
  const raw = Buffer.alloc(height * (1 + width * 3));
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0;
    for (let x = 0; x < width; x++) {
      const v = y / height;
      const arch = Math.abs(Math.sin((x / width) * Math.PI * 4)) * 0.18 + 0.55;
      const [r, g, b] =
        v > 0.8 ? [70, 110, 150] : v > arch && v < arch + 0.06 ? [120, 90, 60] : [250 - v * 120, 160 - v * 60, 90 + v * 80];
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- helpers ---------------------------------------------------------------------------

async function openSites(t, hash = "#/sites", options) {
  const app = await openApp(t, hash, options);
  await app.page.getByTestId("page-sites").waitFor();
  if (!hash.match(/sites\/./)) await app.page.getByTestId("sites-count").waitFor();
  return app;
}

const rowNames = async (page) => (await page.getByTestId("site-row-name").allInnerTexts()).map((s) => s.trim());

/** Waits until the list shows exactly `names` (in order). */
async function expectRows(page, names, what) {
  try {
    await page.waitForFunction(
      (expected) =>
        JSON.stringify([...document.querySelectorAll("[data-testid=site-row-name]")].map((e) => e.textContent.trim())) ===
        JSON.stringify(expected),
      names,
      { timeout: 5000 },
    );
  } catch {
    assert.deepEqual(await rowNames(page), names, what);
  }
}

async function openSite(page, name) {
  await page.getByTestId("site-row").filter({ hasText: name }).click();
  await page.getByTestId("site-form").waitFor();
  await page.waitForFunction((n) => document.querySelector("[data-testid=site-title]")?.textContent.includes(n), name);
}

async function waitForThumbs(page, count) {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("img")].filter((i) => i.src.startsWith("blob:") && i.complete && i.naturalWidth > 0).length >= n,
    count,
  );
}

// ---- the list --------------------------------------------------------------------------

describe("the sites list", () => {
  test("shows the active sites with cover, names, category, district, progress, rules and PPE; archived on request", async (t) => {
    const { page } = await openSites(t);
    await expectRows(page, [ZEYNABIEH, RING_ROAD], "archived sites are hidden; sorted by Persian name");
    const first = page.getByTestId("site-row").first();
    const text = await first.innerText();
    for (const part of ["ایستگاه مترو", "منطقه‌ی ۷", "نمونه", "حداکثر ۲۰ نفر", "از ۱۶ سال", "۴۵ دقیقه", "پیشرفت ۸۵٪"]) {
      assert.ok(text.includes(part), `the first row shows «${part}»: ${text}`);
    }
    assert.match(text, /Zeynabieh station, Metro line 2/, "the English name, small");
    assert.doesNotMatch(text.replace("Zeynabieh station, Metro line 2", ""), /[0-9]/, "numbers in Persian digits");
    const ppe = await first.locator("[data-ppe]").evaluateAll((els) => els.map((e) => e.dataset.ppe));
    assert.deepEqual(ppe, ["helmet", "vest", "closed_shoes", "long_trousers"]);
    await waitForThumbs(page, 2);
    assert.equal(await first.getAttribute("href"), "#/sites/1");

    await page.getByTestId("sites-show-archived").check();
    await expectRows(page, [ZEYNABIEH, RING_ROAD, ATIQ], "archived sites come last");
    const archived = page.getByTestId("site-row").last();
    assert.equal(await archived.getAttribute("data-archived"), "true");
    assert.match(await archived.innerText(), /بایگانی‌شده/);
    assert.match(await archived.innerText(), /بدون پله/, "the step-free badge");
    await waitForThumbs(page, 3);
    await shot(page, "sites-list-fa");
    copyFileSync(path.join(OUT_DIR, "sites-list-fa.png"), path.join(DOCS, "screenshot-sites-list.png"));
  });

  test("in English the same list reads left to right with Latin digits", async (t) => {
    const { page } = await openSites(t);
    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
    const text = await page.getByTestId("site-row").first().innerText();
    for (const part of ["Metro station", "District 7", "Demo", "Up to 20 people", "Age 16+", "85% done"]) {
      assert.ok(text.includes(part), `the first row shows “${part}”: ${text}`);
    }
    await waitForThumbs(page, 2);
    await shot(page, "sites-list-en");
  });

  test("the keys pseudo-locale: every string on the list, apart from the sites' own names, comes from the catalogue", async (t) => {
    const { page } = await openApp(t, "?locale=keys#/sites");
    await page.getByTestId("sites-count").waitFor();
    const stray = await page.evaluate(
      (names) => {
        let text = document.querySelector("main").innerText;
        for (const n of names) text = text.split(n).join("");
        return text.replace(/⟦[^⟧]*⟧/g, "").replace(/\s+/g, "");
      },
      [ZEYNABIEH, RING_ROAD, "Zeynabieh station, Metro line 2", "4th ring road interchange"],
    );
    assert.equal(stray, "");
  });

  test("an undo with nothing to undo says so", async (t) => {
    const { page } = await openSites(t);
    await page.getByTestId("sites-undo").click();
    assert.equal(plain(await page.getByTestId("sites-undone").innerText()), "تغییری برای برگرداندن نمانده است.");
  });

  test("a failing list read shows the error by its code and retries", async (t) => {
    const { page } = await openApp(t, "#/sites", { fail: "sites_list:database_io" });
    const banner = page.getByTestId("sites-error");
    await banner.waitFor();
    assert.equal(await banner.getAttribute("data-code"), "database_io");
    assert.match(await banner.innerText(), /عمداً ناموفق شد/);
    await page.evaluate(() => localStorage.removeItem("gardesh.mock.fail"));
    await banner.getByRole("button").first().click();
    await page.getByTestId("sites-count").waitFor();
  });
});

// ---- creating, searching, filtering ------------------------------------------------------

describe("creating a site", () => {
  test("Persian text and Persian/Arabic digits are saved as numbers; the new site is found by Arabic ي/ك and by district", async (t) => {
    const { page } = await openSites(t);
    await page.getByTestId("sites-new").click();
    await page.getByTestId("site-form").waitFor();
    assert.equal(new URL(page.url()).hash, "#/sites/new");
    assert.ok(await page.getByTestId("site-needs-save").isVisible(), "hours, closures and photos wait for the first save");

    await page.getByTestId("site-name-fa").fill("ایستگاه کاوه، خط یک");
    await page.getByTestId("site-name-en").fill("Kaveh station");
    await page.getByTestId("site-category").selectOption("metro_station");
    await page.getByTestId("site-district").fill("۱۲");
    await page.getByTestId("site-progress").fill("٤٠");
    await page.getByTestId("site-max-visitors").fill("۳۰");
    await page.getByTestId("site-visit-minutes").fill("٤٥");
    await page.getByTestId("site-min-age").fill("18");
    await page.getByTestId("site-latitude").fill("۳۲٫۶۷۸۰");
    await page.getByTestId("site-longitude").fill("۵۱٫۶۷۱۰");
    await page.getByTestId("site-contact-phone").fill("۰۳۱-۳۲۲۲ ۱۱۱۱");
    await page.getByTestId("site-ppe-helmet").check();
    await page.getByTestId("site-ppe-vest").check();
    await page.getByTestId("site-step-free").check();
    assert.equal(await page.getByTestId("map-sketch").getAttribute("data-inside"), "true");
    await page.getByTestId("site-save").click();

    await page.getByTestId("site-saved").waitFor();
    assert.equal(plain(await page.getByTestId("site-saved").innerText()), "سایت ساخته شد.");
    assert.equal(await page.getByTestId("site-warning").count(), 0, "no warning inside Isfahan");
    await page.waitForFunction(() => /^#\/sites\/\d+$/.test(location.hash));
    const id = Number(new URL(page.url()).hash.split("/")[2]);
    assert.ok(id > 3);
    await page.getByTestId("site-hours").waitFor();
    assert.equal(await page.getByTestId("site-district").inputValue(), "۱۲", "saved as 12, shown in Persian digits");
    assert.equal(await page.getByTestId("site-visit-minutes").inputValue(), "۴۵");
    assert.equal(await page.getByTestId("site-contact-phone").inputValue(), "031-3222 1111", "the phone is stored with Latin digits");
    await shot(page, "site-created-fa");
    await page.getByTestId("map-sketch").scrollIntoViewIfNeeded();
    assert.equal(await page.getByTestId("map-point").count(), 1, "this site's point");
    assert.equal(await page.getByTestId("map-other").count(), 2, "the other active sites, faint");
    await shot(page, "site-map-fa");

    await page.getByTestId("site-back").click();
    await page.getByTestId("sites-count").waitFor();
    const names = await rowNames(page);
    assert.ok(names.includes("ایستگاه کاوه، خط یک"), `the new site is listed: ${names}`);
    const row = page.locator(`[data-testid=site-row][data-site-id="${id}"]`);
    assert.match(await row.innerText(), /منطقه‌ی ۱۲/);
    assert.match(await row.innerText(), /حداکثر ۳۰ نفر/);
    assert.match(await row.innerText(), /بدون پله/);

    // Arabic yeh and kaf, as a phone keyboard or an old system types them;
    // the list follows the typing after a pause, not at every key.
    const listCalls = () => page.evaluate(() => window.__ipcCalls.filter((c) => c.cmd === "sites_list").length);
    const before = await listCalls();
    await page.getByTestId("sites-search").pressSequentially("ايستگاه كاوه", { delay: 20 });
    await expectRows(page, ["ایستگاه کاوه، خط یک"], "the core folds ي→ی and ك→ک");
    const searches = (await listCalls()) - before;
    assert.ok(searches >= 1 && searches <= 3, `${searches} list reads for 12 keys typed`);
    await page.getByTestId("sites-search").fill("kaveh");
    await expectRows(page, ["ایستگاه کاوه، خط یک"], "the English name is searched too");
    await page.getByTestId("sites-search").fill("");
    await expectRows(page, ["ایستگاه زینبیه، خط ۲ مترو", "ایستگاه کاوه، خط یک", RING_ROAD], "all again");

    await page.getByTestId("sites-filter-district").selectOption("12");
    await expectRows(page, ["ایستگاه کاوه، خط یک"], "district 12 only");
    await page.getByTestId("sites-filter-district").selectOption("7");
    await expectRows(page, [ZEYNABIEH], "district 7 only");
    await page.getByTestId("sites-filter-district").selectOption("");
    await page.getByTestId("sites-filter-category").selectOption("road");
    await expectRows(page, [RING_ROAD], "roads only");
    await page.getByTestId("sites-filter-category").selectOption("bridge");
    await page.getByTestId("sites-no-match").waitFor();
    await page.getByTestId("sites-clear-filters").click();
    await expectRows(page, ["ایستگاه زینبیه، خط ۲ مترو", "ایستگاه کاوه، خط یک", RING_ROAD], "filters cleared");
  });

  test("fields say what is wrong in the current language; a location outside Isfahan saves with the core's warning", async (t) => {
    const { page } = await openSites(t, "#/sites/new");
    await page.getByTestId("site-form").waitFor();
    await page.getByTestId("site-save").click();
    const blocked = page.getByTestId("site-error");
    await blocked.waitFor();
    assert.equal(await blocked.getAttribute("data-code"), "invalid_input");
    assert.match(await page.getByTestId("site-name-fa-invalid").innerText(), /نام فارسی سایت لازم است/);
    assert.match(await page.getByTestId("site-district-invalid").innerText(), /این بخش را پر کنید/);

    await page.getByTestId("site-name-fa").fill("پل نمونه‌ی بیرون از شهر");
    await page.getByTestId("site-district").fill("۲۰");
    assert.match(await page.getByTestId("site-district-invalid").innerText(), /باید از ۱ تا ۱۵ باشد/);
    await page.getByTestId("site-max-visitors").fill("۶۰۰");
    assert.match(await page.getByTestId("site-max-visitors-invalid").innerText(), /از ۱ تا ۵۰۰/);
    await page.getByTestId("site-latitude").fill("35.70");
    assert.match(await page.getByTestId("site-latitude-invalid").innerText(), /با هم بنویسید/, "latitude without longitude");
    await page.getByTestId("site-contact-phone").fill("۰۹۱۲ abc");
    assert.match(await page.getByTestId("site-contact-phone-invalid").innerText(), /فقط رقم/);
    await shot(page, "site-invalid-fa");

    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
    assert.match(await page.getByTestId("site-district-invalid").innerText(), /Must be from 1 to 15/);
    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");

    await page.getByTestId("site-district").fill("۵");
    await page.getByTestId("site-max-visitors").fill("۲۰");
    await page.getByTestId("site-contact-phone").fill("");
    await page.getByTestId("site-longitude").fill("51.40");
    await page.getByTestId("map-outside").waitFor();
    assert.equal(await page.getByTestId("map-sketch").getAttribute("data-inside"), "false");
    await page.getByTestId("site-save").click();
    await page.getByTestId("site-saved").waitFor();
    const warning = page.getByTestId("site-warning");
    await warning.waitFor();
    assert.match(await warning.innerText(), /بیرون از محدوده‌ی اصفهان است/, "the core's warning, in Persian");
  });

  test("a refusal from the core is shown by its code with the detail in the UI's language", async (t) => {
    const { page } = await openSites(t, "#/sites/new", { fail: "site_create:conflict" });
    await page.getByTestId("site-form").waitFor();
    await page.getByTestId("site-name-fa").fill("سایت آزمایشی");
    await page.getByTestId("site-district").fill("1");
    await page.getByTestId("site-save").click();
    const banner = page.getByTestId("site-error");
    await banner.waitFor();
    assert.equal(await banner.getAttribute("data-code"), "conflict");
    assert.match(await banner.innerText(), /تداخل دارد/);
    assert.equal(await banner.getByTestId("error-detail").getAttribute("dir"), "rtl");
    assert.equal(new URL(page.url()).hash, "#/sites/new", "nothing was created");
  });

  test("nothing overflows sideways at 1280×800 with a 120-character name, in either language", async (t) => {
    const { page } = await openSites(t, "#/sites/new");
    await page.getByTestId("site-form").waitFor();
    const longName = "بازسازی‌وبهسازی‌ایستگاه‌مرکزی‌".repeat(5).slice(0, 120);
    assert.equal([...longName].length, 120);
    await page.getByTestId("site-name-fa").fill(longName);
    await page.getByTestId("site-name-en").fill("Renovation".repeat(12));
    await page.getByTestId("site-district").fill("۱");
    await page.getByTestId("site-save").click();
    await page.getByTestId("site-saved").waitFor();
    for (const language of ["fa", "en"]) {
      await assertNoHorizontalOverflow(page, `${language} editor`);
      await shot(page, `site-long-name-${language}`);
      await goTo(page, "sites");
      await page.getByTestId("sites-count").waitFor();
      await assertNoHorizontalOverflow(page, `${language} list`);
      await shot(page, `sites-long-name-${language}`);
      if (language === "fa") {
        await page.getByTestId("lang-toggle").click();
        await page.waitForFunction(() => document.documentElement.dir === "ltr");
        await page.locator("[data-testid=site-row][data-site-id='4']").click();
        await page.getByTestId("site-form").waitFor();
      }
    }
  });
});

// ---- edit, undo, archive ---------------------------------------------------------------------

describe("editing, undo and archive", () => {
  test("an edit is saved, then undone with the button; Ctrl+Z outside a field undoes too", async (t) => {
    const { page } = await openSites(t);
    await openSite(page, RING_ROAD);
    assert.equal(await page.getByTestId("site-save").isDisabled(), true, "nothing to save yet");
    await page.getByTestId("site-name-fa").fill("تقاطع کمربندی چهارم (ویرایش)");
    await page.getByTestId("site-dirty").waitFor();
    await page.getByTestId("site-save").click();
    await page.getByTestId("site-saved").waitFor();
    assert.match(await page.getByTestId("site-title").innerText(), /ویرایش/);

    await page.getByTestId("sites-undo").click();
    const toast = page.getByTestId("sites-undone");
    await toast.waitFor();
    assert.equal(plain(await toast.innerText()), `ویرایش «${RING_ROAD}» برگردانده شد`);
    await page.waitForFunction((n) => document.querySelector("[data-testid=site-name-fa]")?.value === n, RING_ROAD);
    assert.equal(plain(await page.getByTestId("site-title").innerText()), RING_ROAD);

    // Ctrl+Z inside a text field is the field's own undo.
    await page.getByTestId("site-progress").fill("۷۰");
    await page.getByTestId("site-save").click();
    await page.getByTestId("site-saved").waitFor();
    await page.getByTestId("sites-undone").getByRole("button").click();
    await page.getByTestId("site-address").focus();
    await page.keyboard.press("Control+z");
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId("sites-undone").count(), 0, "no site undo from inside a field");
    // (The browser's own undo may have taken back the typing in the other field.)
    if (await page.getByTestId("site-dirty").count()) await page.getByTestId("site-revert").click();

    await page.getByTestId("site-back").click();
    await page.getByTestId("sites-count").waitFor();
    await page.locator("main h1").click();
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => document.querySelector("[data-testid=sites-undone]")?.textContent.includes("ویرایش"));
    await page.waitForFunction(() => document.querySelector("[data-site-id='2']")?.textContent.includes("پیشرفت ۶۰٪"));

    await page.getByTestId("sites-undo").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=sites-undone]")?.textContent.includes("نمانده"));
  });

  test("undoing a creation removes the new site and returns to the list", async (t) => {
    const { page } = await openSites(t, "#/sites/new");
    await page.getByTestId("site-form").waitFor();
    await page.getByTestId("site-name-fa").fill("پل موقت");
    await page.getByTestId("site-district").fill("۴");
    await page.getByTestId("site-save").click();
    await page.getByTestId("site-saved").waitFor();
    await page.getByTestId("sites-undo").click();
    assert.equal(plain(await page.getByTestId("sites-undone").innerText()), "ساختن «پل موقت» برگردانده شد");
    await page.getByTestId("sites-count").waitFor();
    assert.equal(new URL(page.url()).hash, "#/sites");
    await expectRows(page, [ZEYNABIEH, RING_ROAD], "the created site is gone");
  });

  test("archive asks first; the site leaves the list and is back with “show archived”; restore and undo", async (t) => {
    const { page } = await openSites(t);
    await openSite(page, RING_ROAD);
    await page.getByTestId("site-archive").click();
    await page.getByTestId("confirm-dialog").waitFor();
    assert.match(await page.getByTestId("confirm-dialog").innerText(), /بایگانی شود؟/);
    await shot(page, "site-archive-confirm-fa");
    await page.getByTestId("confirm-cancel").click();
    assert.equal(await page.getByTestId("confirm-dialog").count(), 0);
    assert.equal(await page.getByTestId("site-archive").getAttribute("data-archived"), "false", "cancel changes nothing");

    await page.getByTestId("site-archive").click();
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("site-archived-notice").waitFor();
    assert.equal(await page.getByTestId("site-archive").getAttribute("data-archived"), "true");

    await page.getByTestId("site-back").click();
    await expectRows(page, [ZEYNABIEH], "the archived site is hidden");
    await page.getByTestId("sites-show-archived").check();
    await expectRows(page, [ZEYNABIEH, RING_ROAD, ATIQ], "archived sites shown last");
    const row = page.locator("[data-testid=site-row][data-site-id='2']");
    assert.equal(await row.getAttribute("data-archived"), "true");

    await page.getByTestId("sites-undo").click();
    assert.equal(plain(await page.getByTestId("sites-undone").innerText()), `بایگانی «${RING_ROAD}» برگردانده شد`);
    await page.waitForFunction(() => document.querySelector("[data-site-id='2']")?.dataset.archived === "false");

    await openSite(page, ATIQ);
    await page.getByTestId("site-archive").click();
    await page.getByTestId("confirm-ok").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=site-archive]")?.dataset.archived === "false");
    assert.equal(await page.getByTestId("site-archived-notice").count(), 0);
  });
});

// ---- hours and closures -------------------------------------------------------------------

describe("visiting hours", () => {
  test("windows are added in any digits, checked, copied to the working days and saved", async (t) => {
    const { page } = await openSites(t);
    await openSite(page, RING_ROAD);
    for (const day of WEEKDAYS) await page.getByTestId(`hours-day-${day}`).waitFor();
    assert.equal(await page.getByTestId("hours-day-friday").getAttribute("data-weekend"), "true", "Friday is the weekend");
    assert.equal(await page.getByTestId("hours-day-saturday").getAttribute("data-weekend"), "false");
    const order = await page.locator("[data-testid^=hours-day-]").evaluateAll((els) => els.map((e) => e.dataset.testid));
    assert.deepEqual(order, WEEKDAYS.map((d) => `hours-day-${d}`), "Saturday first");

    const saturday = page.getByTestId("hours-day-saturday");
    assert.equal(await saturday.getByTestId("hours-opens").count(), 1, "the seed has 08:30–13:00 on Saturday");
    await saturday.getByTestId("hours-opens").fill("۹");
    await saturday.getByTestId("hours-closes").fill("1130");
    await saturday.getByTestId("hours-closes").blur();
    assert.equal(await saturday.getByTestId("hours-opens").inputValue(), "۰۹:۰۰", "tidied to HH:MM in Persian digits");
    assert.equal(await saturday.getByTestId("hours-closes").inputValue(), "۱۱:۳۰");
    await page.getByTestId("hours-add-saturday").click();
    assert.equal(await saturday.getByTestId("hours-opens").count(), 2);
    await saturday.getByTestId("hours-opens").nth(1).fill("۱۱:۰۰");
    await saturday.getByTestId("hours-closes").nth(1).fill("۱۰:۰۰");
    assert.match(await saturday.getByTestId("hours-invalid").innerText(), /بعد از ساعت شروع/);
    await saturday.getByTestId("hours-closes").nth(1).fill("۱۵:۰۰");
    assert.match(await saturday.getByTestId("hours-invalid").innerText(), /هم‌پوشانی/);
    await page.getByTestId("hours-save").click();
    await page.getByTestId("hours-error").waitFor();
    await saturday.getByTestId("hours-opens").nth(1).fill("۱۴");
    assert.equal(await saturday.getByTestId("hours-invalid").count(), 0);

    await page.getByTestId("hours-add-friday").click();
    await page.getByTestId("hours-day-friday").getByTestId("hours-remove").click();
    await page.getByTestId("hours-copy-saturday").click();
    for (const day of WEEKDAYS) {
      const expected = day === "friday" ? 0 : 2;
      assert.equal(await page.getByTestId(`hours-day-${day}`).getByTestId("hours-opens").count(), expected, `${day} after the copy`);
    }
    await page.getByTestId("hours-dirty").waitFor();
    await page.getByTestId("hours-save").click();
    await page.getByTestId("hours-saved").waitFor();
    await shot(page, "site-hours-fa");

    await page.getByTestId("site-back").click();
    await openSite(page, RING_ROAD);
    const opens = await page.getByTestId("hours-opens").evaluateAll((els) => els.map((e) => e.value));
    const closes = await page.getByTestId("hours-closes").evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(opens, Array(6).fill(["۰۹:۰۰", "۱۴:۰۰"]).flat(), "read back from the core, in order");
    assert.deepEqual(closes, Array(6).fill(["۱۱:۳۰", "۱۵:۰۰"]).flat());

    await page.getByTestId("sites-undo").click();
    assert.equal(
      plain(await page.getByTestId("sites-undone").innerText()),
      `تغییر ساعت‌های بازدید «${RING_ROAD}» برگردانده شد`,
    );
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=hours-opens]").length === 6);
  });
});

describe("closures", () => {
  test("a closure is added with two Solar Hijri dates and a reason, shown with its Gregorian dates, and removed after a confirmation", async (t) => {
    const { page } = await openSites(t);
    await openSite(page, RING_ROAD);
    await page.getByTestId("closures-none").waitFor();
    await page.getByTestId("closure-add").click();
    await page.getByTestId("closure-save").click();
    assert.match(await page.getByTestId("closure-invalid").innerText(), /تاریخ شروع/);
    const starts = page.getByTestId("closure-starts-input");
    await starts.fill("۱۴۰۵/۰۹/۲۰");
    await starts.press("Enter");
    const ends = page.getByTestId("closure-ends-input");
    await ends.fill("۱۴۰۵/۰۹/۲۲");
    await ends.press("Enter");
    await page.getByTestId("closure-save").click();
    assert.match(await page.getByTestId("closure-invalid").innerText(), /دلیل/);
    await page.getByTestId("closure-reason").fill("انفجار کنترل‌شده در تونل");
    await page.getByTestId("closure-save").click();

    const row = page.getByTestId("closure-row");
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /۲۰ آذر ۱۴۰۵ تا ۲۲ آذر ۱۴۰۵/, "Solar Hijri first");
    assert.match(text, /۱۱ دسامبر ۲۰۲۶/, "Gregorian small");
    assert.match(text, /انفجار کنترل‌شده در تونل/);
    assert.match(text, /۳ روز/);
    assert.equal(await row.locator("time").first().getAttribute("datetime"), "2026-12-11");
    await shot(page, "site-closures-fa");

    await page.getByTestId("closure-remove").click();
    await page.getByTestId("confirm-dialog").waitFor();
    await page.getByTestId("confirm-cancel").click();
    assert.equal(await page.getByTestId("closure-row").count(), 1, "cancel keeps it");
    await page.getByTestId("closure-remove").click();
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("closures-none").waitFor();

    await page.getByTestId("sites-undo").click();
    assert.match(plain(await page.getByTestId("sites-undone").innerText()), /تغییر روزهای تعطیلی/);
    await page.getByTestId("closure-row").waitFor();
  });
});

// ---- photos ---------------------------------------------------------------------------------

describe("photos", () => {
  test("PNGs are uploaded one by one through the file input and the drop zone; a non-image is refused with the reason", async (t) => {
    const { page } = await openSites(t);
    await openSite(page, RING_ROAD);
    await page.getByTestId("site-gallery").waitFor();
    assert.equal(await page.getByTestId("photo-thumb").count(), 1);
    const input = page.getByTestId("photo-input");
    assert.equal(await input.getAttribute("accept"), "image/jpeg,image/png,image/webp");
    assert.equal(await input.getAttribute("multiple"), "");
    await input.setInputFiles([
      { name: "پل-شمالی.png", mimeType: "image/png", buffer: makePng(320, 200) },
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") },
      { name: "second.png", mimeType: "image/png", buffer: makePng(200, 320) },
    ]);
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll("[data-testid=photo-upload]")];
      return rows.length === 3 && rows.every((r) => ["done", "failed"].includes(r.dataset.status));
    });
    const statuses = await page.getByTestId("photo-upload").evaluateAll((els) => els.map((e) => e.dataset.status));
    assert.deepEqual(statuses, ["done", "failed", "done"], "each file has its own result, in order");
    const why = page.getByTestId("photo-upload-error");
    assert.equal(await why.getAttribute("data-code"), "invalid_input");
    assert.match(await why.innerText(), /عکس JPEG، PNG یا WebP نیست/);
    assert.match(await page.getByTestId("photo-upload-summary").innerText(), /۲ از ۳ عکس/);
    assert.equal(await page.getByTestId("photo-thumb").count(), 3);
    await waitForThumbs(page, 3);

    // A file dropped on the drop zone (HTML drag and drop).
    const png = [...makePng(240, 180)];
    const dataTransfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "dropped.png", { type: "image/png" }));
      return dt;
    }, png);
    const zone = page.getByTestId("photo-dropzone");
    await zone.dispatchEvent("dragenter", { dataTransfer });
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=photo-thumb]").length === 4);
    await waitForThumbs(page, 4);
  });

  test("set cover, caption, lightbox, remove", async (t) => {
    const { page } = await openSites(t);
    await openSite(page, RING_ROAD);
    await page.getByTestId("photo-input").setInputFiles([
      { name: "bridge.png", mimeType: "image/png", buffer: makePng(480, 300) },
      { name: "bridge-night.png", mimeType: "image/png", buffer: makePng(300, 300) },
    ]);
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=photo-thumb]").length === 3);
    const tiles = page.getByTestId("photo-tile");
    assert.equal(await tiles.nth(0).getAttribute("data-cover"), "true", "the first photo is the cover");
    assert.equal(await tiles.nth(1).getAttribute("data-cover"), "false");

    await tiles.nth(1).getByTestId("photo-set-cover").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=photo-tile]")[1]?.dataset.cover === "true");
    assert.equal(await tiles.nth(0).getAttribute("data-cover"), "false");
    assert.equal(await tiles.nth(1).getByTestId("photo-set-cover").count(), 0, "the cover has no “make cover” button");

    await tiles.nth(1).getByTestId("photo-caption").fill("نمای پل از ضلع شمالی");
    await tiles.nth(1).getByTestId("photo-caption").press("Enter");
    await tiles.nth(1).getByTestId("photo-caption-saved").waitFor();

    await tiles.nth(1).getByTestId("photo-thumb").click();
    const box = page.getByTestId("photo-lightbox");
    await box.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector("[data-testid=photo-large]");
      return img && img.complete && img.naturalWidth === 480;
    });
    assert.match(await box.innerText(), /نمای پل از ضلع شمالی/);
    assert.match(await box.innerText(), /عکس ۲ از ۳/);
    await shot(page, "site-lightbox-fa");
    await page.keyboard.press("Escape");
    assert.equal(await page.getByTestId("photo-lightbox").count(), 0);

    await waitForThumbs(page, 3);
    await page.evaluate(() => document.activeElement?.blur());
    await page.getByTestId("site-gallery").scrollIntoViewIfNeeded();
    await shot(page, "site-gallery-fa");
    copyFileSync(path.join(OUT_DIR, "site-gallery-fa.png"), path.join(DOCS, "screenshot-site-gallery.png"));

    await tiles.nth(0).getByTestId("photo-remove").click();
    await page.getByTestId("confirm-ok").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=photo-thumb]").length === 2);
    assert.equal(await page.getByTestId("photo-tile").first().getAttribute("data-cover"), "true");

    await page.getByTestId("site-back").click();
    await page.getByTestId("sites-count").waitFor();
    await waitForThumbs(page, 2);
  });
});
