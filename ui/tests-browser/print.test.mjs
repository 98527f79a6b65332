// Printed documents in Chromium against the mock backend: the print buttons
// of a tour (itinerary, manifest, all confirmations, safety briefing), of a
// confirmed registration and of a week on the programme page; the print
// dialog with its preview pages, save as PDF (the mock's save dialog answers
// with the path in localStorage "gardesh.mock.dialog.print": absent, the
// suggested name in ~/Documents; empty, the coordinator cancelled), a batch's
// progress and Cancel, open to print, refusals in the UI's language, in
// Persian and English, at 1280×800.
//
// The mock's today is Sunday 8 Azar 1405 = 2026-11-29. Tour 90002 (today,
// 08:00, two stops) has two confirmed groups (the school, group 1, and the
// mosque) and one waiting (the Kazemi family, group 3); tour 90003 (today,
// 13:00) has none. Its itinerary has 2 pages; the week from 8 Azar has seven
// tours (one cancelled is left out) and 13 pages; each document takes the
// mock 250 ms to "render".
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, VIEWPORT, assertNoHorizontalOverflow, openApp, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS_SCREENSHOT = path.resolve(UI_DIR, "..", "docs", "screenshot-print.png");
const SAVE_KEY = "gardesh.mock.dialog.print";
const PRINTS_KEY = "gardesh.mock.prints";
const TODAY_TOUR = "90002";

const ipc = (page, cmd, args = {}) => page.evaluate(([c, a]) => window.__TAURI_INTERNALS__.invoke(c, a), [cmd, args]);
const text = async (locator) => (await locator.innerText()).trim();
const plain = (value) => value.replace(/[\u2066-\u2069]/g, "").trim();
const printsAsked = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "[]"), PRINTS_KEY);
const willSaveTo = (page, value) => page.evaluate(([k, v]) => localStorage.setItem(k, v), [SAVE_KEY, value]);
const button = (page, kind) => page.locator(`[data-testid=print-open-dialog][data-kind=${kind}]`);

async function openTour(t, id = TODAY_TOUR) {
  const app = await openApp(t, `#/tours/${id}`);
  await app.page.locator(`[data-testid=tour-editor][data-tour-id="${id}"]`).waitFor();
  return app;
}

/** Opens the dialog of `kind` from its button and waits for the preview. */
async function openDialog(page, kind, pages) {
  await button(page, kind).click();
  const dialog = page.getByTestId("print-dialog");
  await dialog.waitFor();
  if (pages !== undefined) await page.locator(`[data-testid=print-page][data-page="${pages}"]`).waitFor();
  return dialog;
}

/** The dialog lies inside the 1280×800 window with its buttons visible, and nothing in it overflows sideways. */
async function assertDialogFits(page, where) {
  const box = await page.getByTestId("print-dialog").boundingBox();
  assert.ok(box.x >= 0 && box.y >= 0, `${where}: the dialog starts inside the window`);
  assert.ok(box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height, `${where}: the dialog ends inside the window`);
  for (const id of ["print-save", "print-open"]) {
    const b = await page.getByTestId(id).boundingBox();
    assert.ok(b && b.y + b.height <= VIEWPORT.height, `${where}: ${id} is on screen`);
  }
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=print-dialog] *")].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className),
  );
  assert.deepEqual(overflowing, [], `${where}: nothing in the dialog overflows sideways`);
}

describe("a tour's documents", () => {
  test("the itinerary: its pages previewed, saved as PDF under the suggested name, opened to print", async (t) => {
    const { page } = await openTour(t);
    const group = page.getByTestId("tour-print");
    assert.deepEqual(
      await group.getByTestId("print-open-dialog").evaluateAll((els) => els.map((el) => el.dataset.kind)),
      ["itinerary", "manifest", "confirmations", "safety"],
    );
    assert.deepEqual(await group.getByTestId("print-open-dialog").allInnerTexts(), ["برنامه‌ی سفر", "فهرست مسافران", "همه‌ی تأییدها", "توجیه ایمنی"]);

    const dialog = await openDialog(page, "itinerary", 2);
    assert.equal(plain(await text(dialog.locator("h2"))), "برنامه‌ی سفر — تور ۹۰۰۰۲، یکشنبه ۸ آذر ۱۴۰۵، ۰۸:۰۰");
    assert.equal(await text(page.getByTestId("print-pages")), "۲ صفحه");
    assert.equal(await page.getByTestId("print-page").count(), 2);
    assert.deepEqual(await page.getByTestId("print-page").evaluateAll((imgs) => imgs.map((i) => [i.dataset.page, i.alt, i.naturalWidth > 0])), [
      ["1", "صفحه‌ی ۱ از ۲", true],
      ["2", "صفحه‌ی ۲ از ۲", true],
    ]);
    assert.ok((await page.getByTestId("print-page").first().getAttribute("src")).startsWith("data:image/png;base64,"));
    assert.equal(await page.getByTestId("print-first-pages").count(), 0, "every page is shown: no note");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "print-save", "focus starts on Save");
    await assertDialogFits(page, "itinerary preview");

    await page.getByTestId("print-save").click();
    const saved = page.getByTestId("print-saved");
    await saved.waitFor();
    assert.equal(plain(await text(saved)), "پی‌دی‌اف ذخیره شد (۲ صفحه): /home/coordinator/Documents/برنامه سفر تور ۹۰۰۰۲.pdf");
    assert.equal(await page.getByTestId("print-error").count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "print-save", "the keyboard is back on Save");
    assert.deepEqual(await printsAsked(page), [
      {
        command: "print_save",
        path: "/home/coordinator/Documents/برنامه سفر تور ۹۰۰۰۲.pdf",
        kind: "itinerary",
        tour: Number(TODAY_TOUR),
        registration: null,
        from: null,
        pages: 2,
        language: "fa",
      },
    ]);
    await page.evaluate(() => document.activeElement?.blur());
    await assertDialogFits(page, "itinerary saved");
    await shot(page, "print-fa");
    copyFileSync(path.join(OUT_DIR, "print-fa.png"), DOCS_SCREENSHOT);

    await page.getByTestId("print-open").click();
    await page.getByTestId("print-opened").waitFor();
    assert.equal(await page.getByTestId("print-saved").count(), 0);
    const asked = await printsAsked(page);
    assert.equal(asked.length, 2);
    assert.match(asked[1].path, /^\/tmp\/gardesh-print\/gardesh-\d{8}-\d{6}-\d{3}\.pdf$/);
    assert.equal(asked[1].command, "print_open");

    // Escape closes it; the keyboard is back on the button that opened it.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.kind), "itinerary");
  });

  test("closing the save dialog saves nothing; a failure is shown in the UI's language and the dialog stays usable", async (t) => {
    const { page } = await openApp(t, `#/tours/${TODAY_TOUR}`, { fail: "print_save:database_io" });
    await page.getByTestId("tour-editor").waitFor();
    await openDialog(page, "manifest", 1);
    assert.equal(await text(page.getByTestId("print-pages")), "یک صفحه");

    await willSaveTo(page, "");
    await page.getByTestId("print-save").click();
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId("print-saved").count(), 0);
    assert.equal(await page.getByTestId("print-error").count(), 0);

    await willSaveTo(page, "/home/coordinator/manifest");
    await page.getByTestId("print-save").click();
    const error = page.getByTestId("print-error");
    await error.waitFor();
    assert.equal(await error.getAttribute("data-code"), "database_io");
    assert.match(await text(error), /پی‌دی‌اف ذخیره نشد/);
    assert.match(await text(error), /خواندن یا نوشتن پایگاه داده ممکن نشد/);
    assert.equal(await error.getByTestId("error-detail").getAttribute("dir"), "rtl");
    assert.deepEqual(await printsAsked(page), []);
    assert.equal(await page.getByTestId("print-open").isEnabled(), true);
  });

  test("nothing to print is refused with the reason, and Save waits for a document", async (t) => {
    const { page } = await openTour(t, "90003");
    await openDialog(page, "confirmations");
    const error = page.getByTestId("print-error");
    await error.waitFor();
    assert.equal(plain(await text(error.getByTestId("error-detail"))), "چیزی برای چاپ نیست: تور ۹۰۰۰۳ هیچ گروه تأییدشده‌ای ندارد");
    assert.match(await text(error), /پیش‌نمایش ساخته نشد/);
    assert.doesNotMatch(await text(error), /تداخل/, "not called a conflicting change");
    assert.equal(await page.getByTestId("print-save").isDisabled(), true);
    assert.equal(await page.getByTestId("print-open").isDisabled(), true);
    assert.equal(await page.getByTestId("print-page").count(), 0);
  });
});

describe("a registration's confirmation", () => {
  test("printed from a confirmed registration; a waiting one has no confirmation to print", async (t) => {
    const { page } = await openApp(t, "#/groups/1");
    const reg = page.locator("[data-testid=group-registration][data-state=confirmed]");
    await reg.waitFor();
    const code = await text(reg.getByTestId("registration-code"));
    assert.equal(await text(reg.locator("[data-testid=print-open-dialog]")), "چاپ تأیید");

    await reg.locator("[data-testid=print-open-dialog][data-kind=confirmation]").click();
    const dialog = page.getByTestId("print-dialog");
    await page.locator("[data-testid=print-page][data-page='1']").waitFor();
    assert.equal(plain(await text(dialog.locator("h2"))), `تأیید ثبت‌نام — دبیرستان دخترانه‌ی فرزانگان ۲، کد ${code}`);
    assert.equal(await text(page.getByTestId("print-pages")), "یک صفحه");
    await willSaveTo(page, "/home/coordinator/tasdiq");
    await page.getByTestId("print-save").click();
    await page.getByTestId("print-saved").waitFor();
    assert.match(plain(await text(page.getByTestId("print-saved"))), /\(یک صفحه\): \/home\/coordinator\/tasdiq\.pdf$/);
    const [asked] = await printsAsked(page);
    assert.equal(asked.kind, "confirmation");
    assert.equal(asked.path, "/home/coordinator/tasdiq.pdf");
    assert.equal(typeof asked.registration, "number");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    const family = (await openApp(t, "#/groups/3")).page;
    await family.locator("[data-testid=group-registration][data-state=waitlisted]").waitFor();
    assert.equal(await family.locator("[data-testid=group-registration] [data-testid=print-open-dialog]").count(), 0);
  });
});

describe("the itineraries of a week", () => {
  test("from a Solar Hijri date: the first 12 of 13 pages, progress while saving, Cancel says cancelled; an empty week is refused", async (t) => {
    const { page } = await openApp(t, "#/settings");
    await ipc(page, "demo_install");
    await page.goto(new URL("#/programme", page.url()).href);
    await page.getByTestId("page-programme").waitFor();

    await button(page, "week").click();
    await page.getByTestId("print-week-dialog").waitFor();
    const from = page.getByTestId("print-week-from-input");
    assert.equal(await from.inputValue(), "۱۴۰۵/۰۹/۰۸", "today to start with");
    assert.equal(await text(page.getByTestId("print-week-to")), "تا شنبه ۱۴ آذر ۱۴۰۵");
    await page.getByTestId("print-week-preview").click();
    await page.getByTestId("print-week-dialog").waitFor({ state: "detached" });
    const dialog = page.getByTestId("print-dialog");
    await page.locator("[data-testid=print-page][data-page='12']").waitFor();
    assert.equal(plain(await text(dialog.locator("h2"))), "برنامه‌های سفر هفته — ۸ آذر ۱۴۰۵ تا ۱۴ آذر ۱۴۰۵");
    assert.equal(await page.getByTestId("print-page").count(), 12);
    assert.equal(await text(page.getByTestId("print-pages")), "۱۳ صفحه");
    assert.match(await text(page.getByTestId("print-first-pages")), /۱۲ صفحه‌ی نخست از ۱۳ صفحه/);
    await assertDialogFits(page, "a week's preview");

    // The pages scroll by keyboard: the list takes focus.
    const list = page.getByTestId("print-pages-list");
    await list.focus();
    await page.keyboard.press("PageDown");
    await page.waitForFunction(() => document.querySelector("[data-testid=print-pages-list]").scrollTop > 0);

    // Save, then cancel half-way: no error, nothing recorded.
    await page.getByTestId("print-save").click();
    const progress = page.getByTestId("print-progress");
    await progress.waitFor();
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=print-progress]")?.dataset.done) >= 1);
    assert.equal(await progress.getAttribute("data-total"), "7");
    assert.match(await text(progress), /سند [۱-۷] از ۷/);
    assert.equal(await page.getByTestId("print-save").isDisabled(), true);
    await dialog.press("Escape");
    assert.equal(await dialog.count(), 1, "Escape does not close the dialog while the PDF is made");
    await page.getByTestId("print-cancel").click();
    await page.getByTestId("print-cancelled").waitFor();
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "print-save");
    assert.equal(await page.getByTestId("print-error").count(), 0, "a cancel is not an error");
    assert.equal(await progress.count(), 0);
    assert.deepEqual(await printsAsked(page), []);

    // Again, to the end.
    await page.getByTestId("print-save").click();
    await page.getByTestId("print-saved").waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId("print-cancelled").count(), 0);
    assert.match(plain(await text(page.getByTestId("print-saved"))), /\(۱۳ صفحه\): \/home\/coordinator\/Documents\/برنامه‌های سفر هفته ۱۴۰۵-۰۹-۰۸\.pdf$/);
    const [asked] = await printsAsked(page);
    assert.deepEqual([asked.kind, asked.from, asked.pages], ["week", "2026-11-29", 13]);
    await dialog.getByRole("button", { name: "بستن", exact: true }).click();
    await dialog.waitFor({ state: "detached" });

    // A week without tours.
    await button(page, "week").click();
    await from.fill("۱۴۰۶/۰۳/۱۱");
    await from.press("Tab");
    await page.getByTestId("print-week-to").filter({ hasText: "۱۷ خرداد ۱۴۰۶" }).waitFor();
    await page.getByTestId("print-week-preview").click();
    await page.getByTestId("print-error").waitFor();
    assert.equal(
      plain(await text(page.getByTestId("print-error").getByTestId("error-detail"))),
      "چیزی برای چاپ نیست: از ۱۱ خرداد ۱۴۰۶ تا ۱۷ خرداد ۱۴۰۶ توری نیست",
    );
  });
});

describe("in English", () => {
  test("English labels and documents, left to right; a refusal in English", async (t) => {
    const { page } = await openTour(t);
    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const group = page.getByTestId("tour-print");
    assert.deepEqual(await group.getByTestId("print-open-dialog").allInnerTexts(), ["Itinerary", "Manifest", "All confirmations", "Safety briefing"]);
    assert.equal(await group.getAttribute("aria-label"), "Print this tour's documents");

    const dialog = await openDialog(page, "safety", 2);
    assert.equal(await text(dialog.locator("h2")), "Safety briefing — tour 90002, Sunday 8 Azar 1405, 08:00");
    assert.equal(await text(page.getByTestId("print-pages")), "2 pages");
    assert.equal(await page.getByTestId("print-page").first().getAttribute("alt"), "Page 1 of 2");
    assert.equal(await text(page.getByTestId("print-save")), "Save as PDF…");
    assert.equal(await text(page.getByTestId("print-open")), "Open to print");
    assert.doesNotMatch(await text(dialog), /[\u0600-\u06FF]/, "no Persian in the English dialog");
    await assertDialogFits(page, "English dialog");

    await page.getByTestId("print-save").click();
    await page.getByTestId("print-saved").waitFor();
    assert.equal(plain(await text(page.getByTestId("print-saved"))), "PDF saved (2 pages): /home/coordinator/Documents/Safety briefing tour 90002.pdf");
    const [asked] = await printsAsked(page);
    assert.equal(asked.language, "en", "the document follows the app's language");
    await shot(page, "print-en");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    await page.goto(new URL("#/tours/90003", page.url()).href);
    await page.locator("[data-testid=tour-editor][data-tour-id='90003']").waitFor();
    await openDialog(page, "manifest");
    const error = page.getByTestId("print-error");
    await error.waitFor();
    assert.equal(await text(error.getByTestId("error-detail")), "nothing to print: tour 90003 has no confirmed group");
    assert.equal(await error.getByTestId("error-detail").getAttribute("dir"), "ltr");
    assert.match(await text(error), /^The preview could not be made\./);
    await assertNoHorizontalOverflow(page, "tour editor in English");
  });
});
