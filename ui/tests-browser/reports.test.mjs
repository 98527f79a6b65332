// The Reports page in Chromium against the mock backend: six charts drawn
// with Chart.js on canvases (empty states until there is data), right to
// left with Persian digits, each saved as PNG and exported as CSV with a
// BOM through `file_save`; English; reduced motion; the layout at 1280×800.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, assertNoHorizontalOverflow, goTo, html, ipc, openApp, savedFile, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS_SCREENSHOT = path.resolve(UI_DIR, "..", "docs", "screenshot-reports.png");
const KINDS = ["visitors-per-day", "fill-per-tour", "visitors-per-site", "visitors-per-district", "requests-by-category", "requests-by-status"];

const text = async (locator) => (await locator.innerText()).trim();
const plain = (value) => value.replace(/[\u2066-\u2069]/g, "").trim();
const chart = (page, kind) => page.locator(`[data-testid=report-chart][data-chart='${kind}']`);

/** Checks people in on today's tour through the mock (the school, and one of the mosque's trustees). */
async function checkSomeIn(page) {
  const sheet = await ipc(page, "checkin_sheet", { tour: 90002 });
  await ipc(page, "checkin_code", { tour: 90002, code: sheet.groups[0].registration.code });
  await ipc(page, "checkin_mark", { registration: sheet.groups[1].registration.id, member: sheet.groups[1].members[0].id, present: true });
}

async function openReports(t, { withVisitors = true, ...options } = {}) {
  const app = await openApp(t, "#/dashboard", options);
  await app.page.getByTestId("today-jalali").waitFor();
  if (withVisitors) await checkSomeIn(app.page);
  await goTo(app.page, "reports");
  await app.page.getByTestId("report-chart").first().waitFor();
  return app;
}

/** Waits until every chart with data has drawn on its canvas (some pixel is not transparent). */
async function drawn(page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("[data-testid=report-chart][data-empty=false] canvas")].length > 0 &&
      [...document.querySelectorAll("[data-testid=report-chart][data-empty=false] canvas")].every((c) => {
        if (c.width === 0 || c.height === 0) return false;
        const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 200 && data[i + 3] > 0) return true;
        return false;
      }),
    null,
    { timeout: 10_000 },
  );
}

describe("the charts", () => {
  test("six charts in order, each with save-as-PNG and export-data; empty states before anyone is checked in", async (t) => {
    const { page } = await openReports(t, { withVisitors: false });
    assert.deepEqual(await page.getByTestId("report-chart").evaluateAll((els) => els.map((e) => e.dataset.chart)), KINDS);
    for (const kind of KINDS) {
      assert.equal(await chart(page, kind).getByTestId("report-save-png").count(), 1, `${kind}: save as PNG`);
      assert.equal(await chart(page, kind).getByTestId("report-export-csv").count(), 1, `${kind}: export data`);
    }
    for (const kind of ["visitors-per-day", "visitors-per-site", "visitors-per-district"]) {
      const empty = chart(page, kind).getByTestId("report-empty");
      await empty.waitFor();
      assert.match(await text(empty), /هنوز داده‌ای نیست/);
      assert.ok(await chart(page, kind).getByTestId("report-save-png").isDisabled(), `${kind}: no picture to save yet`);
    }
    for (const kind of ["fill-per-tour", "requests-by-category", "requests-by-status"]) {
      assert.equal(await chart(page, kind).locator("canvas").count(), 1, `${kind} is drawn`);
    }
    await drawn(page);
  });

  test("after check-in every chart is drawn on a canvas, right to left, with Persian digits", async (t) => {
    const { page } = await openReports(t);
    await drawn(page);
    assert.equal(await page.locator("[data-testid=report-chart] canvas").count(), 6);
    for (const kind of KINDS) {
      const size = await chart(page, kind).locator("canvas").boundingBox();
      assert.ok(size.width > 300 && size.height > 180, `${kind} is readable at 1280×800: ${size.width}×${size.height}`);
    }
    const labels = await chart(page, "visitors-per-day").locator("canvas span").allTextContents();
    assert.deepEqual(labels.map((l) => l.trim()), ["۸ آذر: ۹"], "the chart's data, in Persian digits, for screen readers");
    assert.equal(await chart(page, "visitors-per-day").locator("[role=img]").getAttribute("aria-label"), "نمودار «بازدیدکنندگان هر روز»");
    assert.equal(await chart(page, "visitors-per-day").locator("[role=img]").getAttribute("data-animated"), "true");
    assert.deepEqual(await html(page), { lang: "fa", dir: "rtl", title: "گردش — دور اصفهان در ۸۰ روز" });
  });

  test("a chart is saved as PNG and its data as CSV with a BOM", async (t) => {
    const { page } = await openReports(t);
    await drawn(page);
    const day = chart(page, "visitors-per-day");
    await day.getByTestId("report-save-png").click();
    await day.getByTestId("report-saved").waitFor();
    assert.equal(plain(await text(day.getByTestId("report-saved"))), "در visitors-per-day-1405-09-08.png ذخیره شد.");
    const png = await savedFile(page);
    assert.equal(png.png, true, "a PNG");
    assert.ok(png.size > 2000, `with a picture in it (${png.size} bytes)`);

    await day.getByTestId("report-export-csv").click();
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("gardesh.mock.savedFile") ?? "{}").png === false);
    const csv = await savedFile(page);
    assert.equal(csv.text, "\uFEFFتاریخ (هجری شمسی),تاریخ (میلادی),بازدیدکننده\r\n1405/09/08,2026-11-29,9\r\n");

    const categories = chart(page, "requests-by-category");
    await categories.getByTestId("report-export-csv").click();
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem("gardesh.mock.savedFile") ?? "{}").text ?? "").includes("روشنایی"));
    const lines = (await savedFile(page)).text.slice(1).split("\r\n");
    assert.deepEqual(lines.slice(0, 3), ["دسته,درخواست", "روشنایی,1", "راه و معابر,1"]);

    const fill = chart(page, "fill-per-tour");
    await fill.getByTestId("report-export-csv").click();
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem("gardesh.mock.savedFile") ?? "{}").text ?? "").includes("90002"));
    assert.ok((await savedFile(page)).text.includes("90002,1405/09/08,2026-11-29,08:00,20,14,9,70\r\n"));
  });

  test("in English, left to right, with the English names", async (t) => {
    const { page } = await openReports(t);
    await drawn(page);
    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal((await html(page)).dir, "ltr");
    assert.equal(await text(page.locator("[data-testid=page-reports] h1")), "Reports");
    assert.match(await text(chart(page, "visitors-per-site").locator("h2")), /Visitors per site/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-testid=report-chart][data-chart=visitors-per-day] canvas span")].some((s) => s.textContent.trim() === "8 Azar: 9"),
    );
    const sites = await chart(page, "visitors-per-site").locator("canvas span").allTextContents();
    assert.ok(sites.some((s) => /^[A-Za-z]/.test(s.trim())), `site names in English: ${sites}`);
    await drawn(page);
    await assertNoHorizontalOverflow(page, "reports in English");
    await page.waitForTimeout(700);
    await shot(page, "reports-en");
  });

  test("with reduced motion the charts are not animated", async (t) => {
    const { page } = await openReports(t, { reducedMotion: "reduce" });
    await drawn(page);
    const animated = await page.locator("[data-testid=report-chart] [role=img]").evaluateAll((els) => els.map((e) => e.dataset.animated));
    assert.deepEqual(animated, KINDS.map(() => "false"));
  });

  test("at 1280×800: two columns, right to left, nothing overflowing (the docs' screenshot)", async (t) => {
    const { page } = await openReports(t);
    // A few more requests, for a fuller picture.
    for (const [category, text] of [
      ["lighting", "چراغ‌های پارک کنار کارگاه خاموش است"],
      ["transport", "سرویس اتوبوس ساعت ۷ صبح شلوغ است"],
      ["transport", "ایستگاه تاکسی به کجا منتقل شده است؟"],
    ]) {
      await ipc(page, "request_create", { input: { tour: null, site: null, district: 7, category, text, raisedBy: "", contact: "", raisedOn: "2026-11-29" } });
    }
    await goTo(page, "dashboard");
    await goTo(page, "reports");
    await page.getByTestId("report-chart").first().waitFor();
    await drawn(page);
    const [first, second] = await page.getByTestId("report-chart").evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().x));
    assert.ok(first > second, "the first chart is at the right");
    await assertNoHorizontalOverflow(page, "reports");
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll("[data-testid=report-chart]")].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.dataset.chart),
    );
    assert.deepEqual(clipped, [], "no chart overflows its card");
    // Let the bars finish growing (Chart.js animates for 450 ms).
    await page.waitForTimeout(700);
    await shot(page, "reports-fa");
    copyFileSync(path.join(OUT_DIR, "reports-fa.png"), DOCS_SCREENSHOT);
  });
});
