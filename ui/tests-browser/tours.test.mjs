// The Tours feature in Chromium against the mock backend: the list of a week's
// tours by day, the tour editor (itinerary with live times, reordering by drag
// and drop, buttons and keys, the best order, the route sketch, capacity,
// vehicles and guides, status), route templates, resources and the travel
// estimate, in Persian (right to left) and English.
//
// The mock's today is Sunday 8 Azar 1405 = 2026-11-29; its own week of tours
// (ids from 90001) uses the mock sites 1 «ایستگاه زینبیه، خط ۲ مترو» (09–12,
// 14–16), 2 «تقاطع غیرهمسطح کمربندی چهارم» (08:30–13:00) and 3 (archived).
// Tour 90006 (Tuesday 10 Azar, 08:00) has no stops; 90004 (Monday, 08:00)
// visits Zeynabieh too early and has bus 2; 90005 leaves at 10:00 that day.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, assertNoHorizontalOverflow, openApp, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS_SCREENSHOT = path.resolve(UI_DIR, "..", "docs", "screenshot-tour-editor.png");
const ZEYNABIEH_HOURS = "بیرون از ساعت بازدید (۰۹:۰۰–۱۲:۰۰، ۱۴:۰۰–۱۶:۰۰)";
const WORKDAYS = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday"];
/** A site name of exactly 120 characters, the longest the core takes. */
const LONG_NAME = "کارگاه بازسازی و مقاوم‌سازی جداره‌های تاریخی بازار بزرگ اصفهان از سردر قیصریه تا مسجد جامع عتیق، ضلع شمالی، بخش دوم و سوم".slice(0, 120);

/** Calls a command of the mock backend from the page, as the UI would. */
const ipc = (page, cmd, args = {}) => page.evaluate(([c, a]) => window.__TAURI_INTERNALS__.invoke(c, a), [cmd, args]);
const text = async (locator) => (await locator.innerText()).trim();
// U+2066–U+2069 isolate names inside messages; compare without them.
const plain = (value) => value.replace(/[\u2066-\u2069]/g, "").trim();

/** Moves inside the app without reloading it (the mock's sites and tours live as long as the page). */
async function go(page, hash) {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

async function openTours(t, hash = "#/tours") {
  const app = await openApp(t, hash);
  await app.page.getByTestId("page-tours").waitFor();
  return app;
}

async function openEditor(t, id) {
  const app = await openTours(t, `#/tours/${id}`);
  await app.page.getByTestId("tour-editor").waitFor();
  await app.page.locator("[data-testid=tour-feasible][data-feasible]").waitFor();
  return app;
}

/** Three more sites with coordinates and hours on every working day; returns their ids. */
async function addSites(page) {
  const make = async (nameFa, latitude, longitude, opens, closes, visitMinutes, maxVisitors) => {
    const { id } = await ipc(page, "site_create", {
      input: {
        nameFa,
        nameEn: "",
        category: "other",
        district: 1,
        address: "",
        location: { latitude, longitude },
        progress: 50,
        department: "",
        contactName: "",
        contactPhone: "",
        description: "",
        rules: { maxVisitors, visitMinutes, minAge: 0, ppe: [], stepFree: false, safetyNotes: "" },
      },
    });
    await ipc(page, "site_set_hours", { id, hours: WORKDAYS.map((weekday) => ({ weekday, opens, closes })) });
    return id;
  };
  return {
    siosepol: await make("ایستگاه سی‌وسه‌پل (خط ۱ مترو)", 32.646, 51.6681, "08:00", "18:00", 30, 30),
    chaharbagh: await make("پیاده‌راه‌سازی چهارباغ عباسی", 32.653, 51.6683, "08:00", "18:00", 40, 40),
    long: await make(LONG_NAME, 32.6672, 51.6836, "08:00", "17:00", 30, 35),
  };
}

const stopSites = (page) =>
  page.getByTestId("stop-row").evaluateAll((rows) => rows.map((r) => Number(r.dataset.siteId)));

async function expectStops(page, expected, what) {
  try {
    await page.waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll("[data-testid=stop-row]")].map((r) => Number(r.dataset.siteId))) === JSON.stringify(want),
      expected,
      { timeout: 5000 },
    );
  } catch {
    assert.deepEqual(await stopSites(page), expected, what);
  }
}

async function addStop(page, site, search) {
  await page.getByTestId("stop-add").click();
  if (search) await page.getByTestId("stop-site-search").fill(search);
  await page.locator(`[data-testid=stop-site-option][data-site-id="${site}"]`).click();
}

/** Waits until the badge says whether the itinerary on screen is feasible. */
async function expectFeasible(page, feasible) {
  await page.locator(`[data-testid=tour-feasible][data-feasible="${feasible}"]`).waitFor();
}

/** The Persian text has no Latin digits. */
function assertPersianDigits(value, where) {
  assert.doesNotMatch(value, /[0-9]/, `${where}: Persian digits only in «${value}»`);
}

async function assertNothingClipped(page, where) {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=stop-row], [data-testid=stop-problem], [data-testid=tour-row], .card")]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.dataset.testid ?? el.className),
  );
  assert.deepEqual(clipped, [], `${where}: nothing overflows its box sideways`);
}

// ---- the list ------------------------------------------------------------------------

describe("the tours list", () => {
  test("shows this week by day under Solar Hijri headings, with times, status, stops, seats, return and feasibility", async (t) => {
    const { page } = await openTours(t);
    await page.getByTestId("tour-row").first().waitFor();
    assert.equal(await page.getByTestId("tours-from").inputValue(), "۱۴۰۵/۰۹/۰۷", "from Saturday of the core's week");
    assert.equal(await page.getByTestId("tours-to").inputValue(), "۱۴۰۵/۰۹/۱۳", "to Friday");
    assert.equal(await page.getByTestId("tours-this-week").getAttribute("aria-pressed"), "true");

    const days = await page.getByTestId("tours-day").evaluateAll((els) => els.map((e) => e.dataset.date));
    assert.deepEqual(days, ["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"]);
    const heading = await text(page.locator("[data-testid=tours-day][data-date='2026-11-29'] h2"));
    assert.match(heading, /^یکشنبه ۸ آذر ۱۴۰۵/, "the day in Solar Hijri, long");
    assert.match(heading, /۲۹ نوامبر ۲۰۲۶/, "and its Gregorian date");
    assert.equal(await page.getByTestId("tour-row").count(), 8);
    assert.equal(await text(page.getByTestId("tours-count")), "۸ تور");

    const open = page.locator("[data-testid=tour-row][data-tour-id='90002']");
    const openText = await text(open);
    for (const part of ["۰۸:۰۰", "باز", "۲ توقف", "۲۰ صندلی", "بازگشت ۱۱:۰۹", "شدنی"]) {
      assert.ok(openText.includes(part), `the open tour's row shows «${part}»: ${openText}`);
    }
    assertPersianDigits(openText, "an open tour's row");
    assert.equal(await open.locator("[data-testid=tour-feasible]").getAttribute("data-feasible"), "true");

    const late = page.locator("[data-testid=tour-row][data-tour-id='90003']");
    assert.equal(await late.locator("[data-testid=tour-feasible]").getAttribute("data-feasible"), "false");
    assert.equal(await text(late.getByTestId("tour-row-problem")), ZEYNABIEH_HOURS, "the first problem, in Persian");
    const empty = page.locator("[data-testid=tour-row][data-tour-id='90006']");
    assert.match(await text(empty), /بی‌توقف/);
    assert.equal(await text(empty.getByTestId("tour-row-problem")), "تور هیچ توقفی ندارد");

    await assertNoHorizontalOverflow(page, "tours list");
    await shot(page, "tours-list-fa");
  });

  test("filters by status, by “only infeasible” and by search in any digits; other weeks by the quick ranges and the pickers", async (t) => {
    const { page } = await openTours(t);
    await page.getByTestId("tour-row").first().waitFor();
    const ids = () => page.getByTestId("tour-row").evaluateAll((rows) => rows.map((r) => Number(r.dataset.tourId)));

    await page.getByTestId("tours-only-infeasible").check();
    assert.deepEqual(await ids(), [90003, 90004, 90006, 90007]);
    assert.equal(await text(page.getByTestId("tours-count")), "۴ از ۸ تور");
    await page.getByTestId("tours-only-infeasible").uncheck();

    await page.getByTestId("tours-filter-status").selectOption("cancelled");
    assert.deepEqual(await ids(), [90008]);
    await page.getByTestId("tours-clear-filters").click();
    assert.equal(await page.getByTestId("tour-row").count(), 8);

    await page.getByTestId("tours-search").fill("13:00");
    assert.deepEqual(await ids(), [90003], "Latin digits find the 13:00 departure");
    await page.getByTestId("tours-search").fill("۱۰:۰۰");
    assert.deepEqual(await ids(), [90005], "so do Persian digits");
    await page.getByTestId("tours-search").fill("بایگانی");
    assert.deepEqual(await ids(), [90007], "the first problem is searched too");
    await page.getByTestId("tours-clear-filters").click();

    await page.getByTestId("tours-next-week").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=tour-row]").length === 1);
    assert.deepEqual(await ids(), [90009]);
    assert.equal(await page.getByTestId("tours-from").inputValue(), "۱۴۰۵/۰۹/۱۴");
    assert.equal(await text(page.getByTestId("tour-row-problem")), "سایت آن روز تعطیل است: بتن‌ریزی سقف سالن");
    assert.ok(await page.getByTestId("tours-whole-programme").isDisabled(), "no programme yet");

    await page.getByTestId("tours-from").fill("۱۴۰۵/۰۹/۰۹");
    await page.getByTestId("tours-from").press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=tour-row]").length === 6);
    assert.deepEqual(await ids(), [90004, 90005, 90006, 90007, 90008, 90009], "9 Azar to 14 Azar");
  });

  test("a row opens the tour's editor; the back link returns to the same range", async (t) => {
    const { page } = await openTours(t);
    await page.getByTestId("tours-next-week").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=tour-row]").length === 1);
    await page.getByTestId("tour-row").click();
    await page.getByTestId("tour-editor").waitFor();
    assert.equal(new URL(page.url()).hash, "#/tours/90009");
    assert.equal(await text(page.getByTestId("tour-title")), "تور شنبه ۱۴ آذر ۱۴۰۵");
    await page.getByTestId("tour-back").click();
    await page.getByTestId("tour-row").first().waitFor();
    assert.equal(await page.getByTestId("tours-from").inputValue(), "۱۴۰۵/۰۹/۱۴", "the range is kept");
  });
});

// ---- the editor ------------------------------------------------------------------------

describe("the tour editor", () => {
  test("a tour of five stops: the visiting-hours badge, the best order applied after confirming, feasible, opened", async (t) => {
    const { page } = await openEditor(t, 90006);
    const added = await addSites(page);
    assert.equal(await page.getByTestId("stop-row").count(), 0);
    assert.ok(await page.getByTestId("tour-open").isDisabled(), "a tour without stops cannot open");
    assert.equal(await text(page.getByTestId("tour-open-reason")), "تور ناشدنی است و باز نمی‌شود: تور هیچ توقفی ندارد");

    await addStop(page, 1, "زینبیه");
    await addStop(page, 2, "كمربندي");
    await addStop(page, added.siosepol);
    await addStop(page, added.chaharbagh);
    await addStop(page, added.long, "قیصریه");
    await expectStops(page, [1, 2, added.siosepol, added.chaharbagh, added.long], "five stops in the order added");
    await expectFeasible(page, false);
    await page.getByTestId("stop-picker-close").click();

    const first = page.getByTestId("stop-row").first();
    assert.equal(await text(first.getByTestId("stop-problem")), ZEYNABIEH_HOURS, "Zeynabieh is reached at 08:20, before it opens");
    assert.equal(await text(first.getByTestId("stop-times")), "۰۸:۲۰–۰۹:۰۵");
    assert.equal(await text(first.getByTestId("stop-travel")), "۲۰ دقیقه راه");
    assert.equal(await first.getByTestId("stop-dwell").getAttribute("placeholder"), "۴۵", "the site's visit length");
    assert.equal(await page.getByTestId("stop-problem").count(), 1, "only the first stop has a problem");
    assert.ok(await page.getByTestId("stops-unsaved").isVisible(), "unsaved changes are said");
    assert.match(await text(page.getByTestId("tour-open-reason")), /نخست تغییرات مسیر را ذخیره کنید/);
    assert.equal(await text(page.getByTestId("tour-ends")), "۱۳:۱۲");
    assert.equal(await text(page.getByTestId("tour-travel")), "۱۰۷ دقیقه");
    const capacity = await text(page.getByTestId("tour-capacity"));
    assert.match(capacity, /^۲۰ صندلی/);
    assert.match(capacity, /ایستگاه زینبیه، خط ۲ مترو/, "limited by the smallest group a site takes, named");
    assert.equal(await page.getByTestId("route-stop").count(), 5, "the sketch numbers every stop");
    assert.equal(await page.getByTestId("route-meeting").count(), 1);

    await page.getByTestId("route-sketch").scrollIntoViewIfNeeded();
    await assertNoHorizontalOverflow(page, "the editor with a 120-character site name");
    await assertNothingClipped(page, "the editor");

    await page.getByTestId("stops-save").click();
    await page.getByTestId("stops-saved").waitFor();
    assert.equal(await text(page.getByTestId("stops-saved")), "مسیر ذخیره شد، اما ناشدنی است؛ تور پیش‌نویس می‌ماند.");
    assert.equal(await text(page.getByTestId("tour-open-reason")), `تور ناشدنی است و باز نمی‌شود: ${ZEYNABIEH_HOURS}`);
    await page.locator("#main").evaluate((main) => main.scrollTo({ top: 0 }));
    await shot(page, "tour-editor-fa");
    mkdirSync(path.dirname(DOCS_SCREENSHOT), { recursive: true });
    copyFileSync(path.join(OUT_DIR, "tour-editor-fa.png"), DOCS_SCREENSHOT);
    await page.locator("#main").evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    await shot(page, "tour-editor-fa-end");

    await page.getByTestId("optimise").click();
    const preview = page.getByTestId("optimise-preview");
    await preview.waitFor();
    assert.equal(await page.getByTestId("optimise-saved-first").count(), 0, "nothing needed saving");
    assert.equal(await preview.getAttribute("data-exact"), "true");
    assert.equal(await preview.getAttribute("data-feasible"), "true");
    assert.equal(await preview.getAttribute("data-was-feasible"), "false");
    assert.equal(await page.getByTestId("optimise-saved-minutes").getAttribute("data-minutes"), "14");
    assert.equal(await text(page.getByTestId("optimise-saved-minutes")), "۱۴ دقیقه راه کمتر");
    assert.equal(await text(page.getByTestId("optimise-before-travel")), "راه: ۱۰۷ دقیقه");
    assert.equal(await text(page.getByTestId("optimise-after-travel")), "راه: ۹۳ دقیقه");
    const proposed = await page
      .getByTestId("optimise-after-stop")
      .evaluateAll((els) => els.map((e) => Number(e.dataset.siteId)));
    assert.deepEqual(proposed, [added.long, 2, 1, added.siosepol, added.chaharbagh]);
    await shot(page, "tour-optimise-fa");

    await page.getByTestId("optimise-keep-last").check();
    await page.waitForFunction(
      (last) => {
        const stops = [...document.querySelectorAll("[data-testid=optimise-after-stop]")];
        return stops.length === 5 && Number(stops[4].dataset.siteId) === last;
      },
      added.long,
    );
    await page.getByTestId("optimise-keep-last").uncheck();
    await page.waitForFunction(
      (first) => Number(document.querySelector("[data-testid=optimise-after-stop]")?.dataset.siteId) === first,
      added.long,
    );

    await page.getByTestId("optimise-apply").click();
    await page.getByTestId("confirm-cancel").click();
    assert.ok(await page.getByTestId("optimise-dialog").isVisible(), "cancelling the confirmation keeps the proposal");
    await page.getByTestId("optimise-close").click();
    await expectStops(page, [1, 2, added.siosepol, added.chaharbagh, added.long], "closing changes nothing");
    await expectFeasible(page, false);

    await page.getByTestId("optimise").click();
    await page.getByTestId("optimise-preview").waitFor();
    await page.getByTestId("optimise-apply").click();
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("optimise-dialog").waitFor({ state: "detached" });
    await expectStops(page, [added.long, 2, 1, added.siosepol, added.chaharbagh], "the proposed order");
    await expectFeasible(page, true);
    assert.equal(await page.getByTestId("stop-problem").count(), 0);
    assert.equal(await page.getByTestId("stops-unsaved").count(), 0, "applying saved the order");

    assert.ok(await page.getByTestId("tour-open").isEnabled());
    await page.getByTestId("tour-open").click();
    await page.locator("[data-testid=tour-status][data-status=open]").waitFor();
    assert.equal(await text(page.getByTestId("tour-status")), "باز");
    assert.equal(await page.getByTestId("tour-open").count(), 0);

    await page.getByTestId("tour-back").click();
    const row = page.locator("[data-testid=tour-row][data-tour-id='90006']");
    await row.waitFor();
    assert.equal(await row.getAttribute("data-status"), "open");
    assert.equal(await row.locator("[data-testid=tour-feasible]").getAttribute("data-feasible"), "true");
    assert.match(await text(row), /۵ توقف/);
  });

  test("stops move by drag and drop, by the Up/Down buttons and by the arrow keys; times follow; revert and save", async (t) => {
    const { page } = await openEditor(t, 90002);
    await expectStops(page, [2, 1], "saved order");
    await expectFeasible(page, true);

    await page.getByTestId("stop-down").first().click();
    await expectStops(page, [1, 2], "moved down by the button");
    await expectFeasible(page, false);
    assert.ok(await page.getByTestId("stops-unsaved").isVisible());
    assert.equal(await page.getByTestId("stop-up").first().isDisabled(), true, "the first stop cannot go up");
    assert.equal(await page.getByTestId("stop-down").last().isDisabled(), true, "the last cannot go down");

    await page.getByTestId("stop-grip").last().focus();
    await page.keyboard.press("ArrowUp");
    await expectStops(page, [2, 1], "moved up by the key");
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest("[data-testid=stop-row]")?.dataset.siteId),
      "2",
      "the focus stays on the moved stop's handle",
    );
    await expectFeasible(page, true);
    assert.equal(await page.getByTestId("stops-unsaved").count(), 0, "back to the saved order, nothing to save");

    await page.getByTestId("stop-grip").first().dragTo(page.getByTestId("stop-row").last(), { targetPosition: { x: 40, y: 60 } });
    await expectStops(page, [1, 2], "dragged below the other stop");
    await expectFeasible(page, false);
    await page.getByTestId("stops-revert").click();
    await expectStops(page, [2, 1], "reverted");

    await page.getByTestId("stop-dwell").first().fill("۳");
    assert.ok(await page.getByTestId("stop-dwell-error").isVisible(), "a stay under 5 minutes is refused as typed");
    assert.ok(await page.getByTestId("stops-save").isDisabled());
    await page.getByTestId("stop-dwell").first().fill("۹۰");
    await page.waitForFunction(() => document.querySelector("[data-testid=stop-times]")?.textContent.includes("۱۰:۱۱"));
    assert.equal(await text(page.getByTestId("stop-times").first()), "۰۸:۴۱–۱۰:۱۱", "a 90-minute stay");
    await page.getByTestId("stops-save").click();
    await page.getByTestId("stops-saved").waitFor();
    assert.equal(await text(page.getByTestId("stops-saved")), "مسیر ذخیره شد.");
    const saved = await ipc(page, "tour_get", { id: 90002 });
    assert.deepEqual(saved.stops, [
      { site: 2, dwell: 90 },
      { site: 1, dwell: null },
    ]);

    await page.getByTestId("stop-remove").last().click();
    await expectStops(page, [2], "removed");
    await page.getByTestId("stops-save").click();
    await page.getByTestId("stops-saved").waitFor();
    assert.equal((await ipc(page, "tour_get", { id: 90002 })).stops.length, 1);
  });

  test("the best order of an edited itinerary saves it first; an order that is already the best cannot be applied", async (t) => {
    const { page } = await openEditor(t, 90004);
    await expectFeasible(page, false);
    await page.getByTestId("stop-down").first().click();
    await expectStops(page, [2, 1], "moved by hand");
    await expectFeasible(page, true);
    await page.getByTestId("optimise").click();
    await page.getByTestId("optimise-preview").waitFor();
    assert.ok(await page.getByTestId("optimise-saved-first").isVisible(), "the edited itinerary was saved first");
    assert.equal(await page.getByTestId("stops-unsaved").count(), 0);
    assert.ok(await page.getByTestId("optimise-same").isVisible());
    assert.ok(await page.getByTestId("optimise-apply").isDisabled());
    assert.equal(await text(page.getByTestId("optimise-saved-minutes")), "راه کوتاه‌تر نمی‌شود");
    await page.keyboard.press("Escape");
    await page.getByTestId("optimise-dialog").waitFor({ state: "detached" });
    assert.deepEqual((await ipc(page, "tour_get", { id: 90004 })).stops.map((s) => s.site), [2, 1]);
  });

  test("an infeasible itinerary can be saved but the tour cannot open; the reason is shown", async (t) => {
    const { page } = await openEditor(t, 90002);
    await page.getByTestId("stop-down").first().click();
    await expectFeasible(page, false);
    await page.getByTestId("stops-save").click();
    await page.getByTestId("stops-saved").waitFor();
    assert.equal(await text(page.getByTestId("stops-saved")), "مسیر ذخیره شد، اما ناشدنی است؛ تور پیش‌نویس می‌ماند.");
    assert.equal(await page.getByTestId("tour-status").getAttribute("data-status"), "open", "an open tour keeps its status");
    await page.getByTestId("tour-to-draft").click();
    await page.locator("[data-testid=tour-status][data-status=draft]").waitFor();
    assert.ok(await page.getByTestId("tour-open").isDisabled());
    assert.equal(await text(page.getByTestId("tour-open-reason")), `تور ناشدنی است و باز نمی‌شود: ${ZEYNABIEH_HOURS}`);
    await assertNoHorizontalOverflow(page, "the editor of an infeasible tour");

    const refused = await page.evaluate(() =>
      window.__TAURI_INTERNALS__.invoke("tour_set_status", { id: 90002, status: "open" }).catch((e) => e),
    );
    assert.equal(refused.code, "conflict", "the core refuses too");
  });

  test("cancelling asks first; the tour can come back as a draft", async (t) => {
    const { page } = await openEditor(t, 90005);
    await page.getByTestId("tour-cancel").click();
    await page.getByTestId("confirm-dialog").waitFor();
    assert.match(await text(page.getByTestId("confirm-dialog")), /تور ۱۴۰۵\/۰۹\/۰۹ ساعت ۱۰:۰۰ لغو شود؟/);
    await page.getByTestId("confirm-cancel").click();
    assert.equal(await page.getByTestId("tour-status").getAttribute("data-status"), "draft", "nothing changed");

    await page.getByTestId("tour-cancel").click();
    await page.getByTestId("confirm-ok").click();
    await page.locator("[data-testid=tour-status][data-status=cancelled]").waitFor();
    assert.equal(await text(page.getByTestId("tour-notice")), "تور لغو شد.");
    assert.equal(await page.getByTestId("tour-cancel").count(), 0);
    await page.getByTestId("tour-to-draft").click();
    await page.locator("[data-testid=tour-status][data-status=draft]").waitFor();
  });

  test("the departure, seats, meeting point and notes are saved after confirming; times move with the departure", async (t) => {
    const { page } = await openEditor(t, 90004);
    assert.equal(await page.getByTestId("tour-departure").inputValue(), "۰۸:۰۰");
    await page.getByTestId("tour-departure").fill("25:00");
    assert.ok(await page.getByTestId("tour-save").isDisabled(), "not a time");
    await page.getByTestId("tour-departure").fill("۹:۱۵");
    await page.getByTestId("tour-seats").fill("۳۰");
    await page.getByTestId("tour-notes").fill("گروه دانشجویان معماری");
    assert.ok(await page.getByTestId("tour-unsaved").isVisible());
    await page.getByTestId("tour-save").click();
    assert.match(await text(page.getByTestId("confirm-dialog")), /حرکت ساعت ۰۹:۱۵ با ظرفیت ۳۰ صندلی/);
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("tour-saved").waitFor();
    assert.equal(await text(page.getByTestId("tour-saved")), "مشخصات تور ذخیره شد.");
    assert.equal(await page.getByTestId("tour-departure").inputValue(), "۰۹:۱۵");
    assert.equal(await text(page.getByTestId("stop-times").first()), "۰۹:۳۵–۱۰:۲۰", "Zeynabieh at 09:35 now");
    await expectFeasible(page, true);
    const tour = (await ipc(page, "tour_get", { id: 90004 })).schedule.tour;
    assert.deepEqual([tour.departure, tour.seats, tour.notes], ["09:15", 30, "گروه دانشجویان معماری"]);
  });

  test("a leg's real travel time can be entered and cleared", async (t) => {
    const { page } = await openEditor(t, 90002);
    const second = page.getByTestId("stop-row").nth(1);
    assert.equal(await text(second.getByTestId("stop-travel")), "۲۳ دقیقه راه");
    await second.getByTestId("leg-edit").click();
    await second.getByTestId("leg-minutes").fill("۳۵");
    await second.getByTestId("leg-save").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=stop-travel]")[1]?.textContent.includes("۳۵"));
    assert.equal(await text(second.getByTestId("stop-times")), "۱۰:۱۶–۱۱:۰۱");
    assert.match(plain(await text(page.getByTestId("tour-notice"))), /زمان راه از «تقاطع غیرهمسطح کمربندی چهارم» تا «ایستگاه زینبیه، خط ۲ مترو» ثبت شد/);
    await second.getByTestId("leg-edit").click();
    await second.getByTestId("leg-clear").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=stop-travel]")[1]?.textContent.includes("۲۳"));
  });

  test("vehicles and guides: a clash with an overlapping tour is refused, naming it; capacity follows the vehicles", async (t) => {
    const { page } = await openEditor(t, 90005);
    assert.match(await text(page.getByTestId("tour-capacity")), /ظرفیت خود تور/, "no vehicle: the tour's seats");
    await page.getByTestId("vehicle-assign").selectOption({ label: "اتوبوس شماره‌ی ۲ — ۲۵ صندلی" });
    const error = page.getByTestId("tour-error");
    await error.waitFor();
    assert.equal(await error.getAttribute("data-code"), "conflict");
    assert.equal(
      await text(error.getByTestId("error-detail")),
      "خودروی «اتوبوس شماره‌ی ۲» در همین ساعت‌ها در تور ۱۴۰۵/۰۹/۰۹ ساعت ۰۸:۰۰ است",
    );
    assert.equal(await page.getByTestId("tour-vehicle").count(), 0);

    await page.getByTestId("vehicle-assign").selectOption({ label: "مینی‌بوس — ۱۸ صندلی" });
    await page.getByTestId("tour-vehicle").waitFor();
    assert.equal(await page.getByTestId("tour-error").count(), 0);
    assert.match(await text(page.getByTestId("tour-capacity")), /^۱۸ صندلی/);
    assert.match(await text(page.getByTestId("tour-capacity")), /محدود به صندلی‌های خودروها \(۱۸\)/);

    await page.getByTestId("guide-assign").selectOption({ label: "علی کاظمی" });
    await page.getByTestId("tour-error").waitFor();
    assert.match(await text(page.getByTestId("tour-error")), /راهنما «علی کاظمی» در همین ساعت‌ها در تور ۱۴۰۵\/۰۹\/۰۹ ساعت ۰۸:۰۰ است/);
    await page.getByTestId("guide-assign").selectOption({ label: "مریم احمدی" });
    await page.getByTestId("tour-guide").waitFor();
    const inactive = await page.getByTestId("guide-assign").locator("option").allInnerTexts();
    assert.ok(!inactive.includes("زهرا موسوی"), "inactive guides are not offered");

    await page.getByTestId("tour-vehicle-remove").click();
    await page.getByTestId("tour-vehicle").waitFor({ state: "detached" });
    assert.match(await text(page.getByTestId("tour-capacity")), /^۲۵ صندلی/);
  });

  test("saving the itinerary as a template, then applying it to the demo programme's Saturdays", async (t) => {
    const { page } = await openEditor(t, 90002);
    await ipc(page, "demo_install");
    await page.getByTestId("template-save").click();
    await page.getByTestId("template-name").fill("کمربندی و زینبیه — صبح");
    await page.getByTestId("template-save-ok").click();
    await page.getByTestId("tour-notice").waitFor();
    assert.equal(plain(await text(page.getByTestId("tour-notice"))), "الگوی «کمربندی و زینبیه — صبح» ذخیره شد.");

    await page.getByTestId("template-save").click();
    await page.getByTestId("template-name").fill("کمربندی و زینبیه — صبح");
    await page.getByTestId("template-save-ok").click();
    await page.getByTestId("template-error").waitFor();
    assert.match(await text(page.getByTestId("template-error")), /از پیش هست/, "names are unique");
    await page.keyboard.press("Escape");

    await go(page, "#/tours/templates");
    await page.getByTestId("templates-list").waitFor();
    const row = page.getByTestId("template-row").filter({ hasText: "کمربندی و زینبیه — صبح" });
    assert.deepEqual(
      await row.locator("[data-testid=template-stop] bdi").allInnerTexts(),
      ["تقاطع غیرهمسطح کمربندی چهارم", "ایستگاه زینبیه، خط ۲ مترو"],
      "stops by name, in order",
    );

    await row.getByTestId("template-apply-open").click();
    await page.locator("[data-testid=template-weekday][data-weekday=saturday]").check();
    await page.getByTestId("template-departure").fill("۰۸:۰۰");
    await page.locator("[data-testid=template-match-count]").waitFor();
    const matched = Number(await page.getByTestId("template-match-count").getAttribute("data-count"));
    assert.ok(matched >= 10, `the demo's Saturday 08:00 drafts (${matched})`);
    const weekdays = await page.getByTestId("template-weekday").evaluateAll((els) => els.map((e) => e.dataset.weekday));
    assert.deepEqual(weekdays, ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"], "Saturday first");
    await shot(page, "tour-template-apply-fa");
    await page.getByTestId("template-apply").click();
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("template-applied").waitFor();
    assert.match(plain(await text(page.getByTestId("template-applied"))), new RegExp(`روی ${matched.toLocaleString("fa-IR")} تور گذاشته شد؛ ۰ تور`));
    const [first] = await ipc(page, "template_matching_tours", { weekdays: ["saturday"], departure: "08:00" });
    assert.deepEqual((await ipc(page, "tour_get", { id: first.id })).stops.map((s) => s.site), [2, 1]);

    await row.getByTestId("template-remove").click();
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("template-removed").waitFor();
    assert.equal(await page.getByTestId("template-row").filter({ hasText: "کمربندی و زینبیه — صبح" }).count(), 0);
  });
});

// ---- resources -------------------------------------------------------------------------

describe("vehicles, guides and the travel estimate", () => {
  test("adds and edits vehicles and guides, with search; the travel estimate is checked and saved", async (t) => {
    const { page } = await openTours(t, "#/tours/resources");
    await page.getByTestId("vehicles-panel").waitFor();
    assert.equal(await page.getByTestId("resources-tab").getAttribute("aria-current"), "page");
    assert.equal(await page.getByTestId("vehicle-row").count(), 4);
    assert.equal(await page.getByTestId("vehicle-row").last().getAttribute("data-active"), "false", "inactive last");

    await page.getByTestId("vehicle-new").click();
    await page.getByTestId("vehicle-name").fill("اتوبوس برقی");
    await page.getByTestId("vehicle-plate").fill("۷۷ ص ۱۲۳ ایران ۱۳");
    await page.getByTestId("vehicle-seats").fill("۳۰۰");
    assert.ok(await page.getByTestId("vehicle-save").isDisabled(), "more than 200 seats");
    await page.getByTestId("vehicle-seats").fill("۳۲");
    await page.getByTestId("vehicle-save").click();
    await page.getByTestId("vehicle-saved").waitFor();
    assert.equal(await page.getByTestId("vehicle-row").count(), 5);
    await page.getByTestId("vehicles-search").fill("برقي");
    assert.equal(await page.getByTestId("vehicle-row").count(), 1, "found with an Arabic ي");
    assert.match(await text(page.getByTestId("vehicle-row")), /۳۲ صندلی/);
    await page.getByTestId("vehicle-edit").click();
    await page.getByTestId("vehicle-active").uncheck();
    await page.getByTestId("vehicle-save").click();
    await page.getByTestId("vehicle-saved").waitFor();
    assert.equal(await page.getByTestId("vehicle-row").getAttribute("data-active"), "false");

    await page.getByTestId("guide-new").click();
    await page.getByTestId("guide-name").fill("نرگس صالحی");
    await page.getByTestId("guide-phone").fill("۰۹۱۳۱۱۱۲۲۳۳");
    await page.getByTestId("guide-save").click();
    await page.getByTestId("guide-saved").waitFor();
    await page.getByTestId("guides-search").fill("09131112233");
    assert.equal(await page.getByTestId("guide-row").count(), 1, "found by the phone in Latin digits");
    assert.match(await text(page.getByTestId("guide-row")), /نرگس صالحی/);

    assert.equal(await page.getByTestId("travel-road-factor").inputValue(), "۱٫۴");
    await page.getByTestId("travel-speed").fill("۴");
    assert.ok(await page.getByTestId("travel-save").isDisabled(), "below 5 km/h");
    await page.getByTestId("travel-speed").fill("۳۰");
    await page.getByTestId("travel-save").click();
    await page.getByTestId("travel-saved").waitFor();
    assert.equal((await ipc(page, "travel_model_get")).speedKmh, 30);
    await assertNoHorizontalOverflow(page, "resources");
    await shot(page, "tours-resources-fa");

    await go(page, "#/tours/90002");
    await page.getByTestId("tour-editor").waitFor();
    await page.waitForFunction(() => document.querySelector("[data-testid=stop-travel]")?.textContent.includes("۳۰"));
    assert.equal(await text(page.getByTestId("stop-travel").first()), "۳۰ دقیقه راه", "41 minutes at 22 km/h, 30 at 30 km/h");
  });
});

// ---- English ---------------------------------------------------------------------------

describe("in English", () => {
  test("the list and the editor read left to right with Latin digits and the English problem texts", async (t) => {
    const { page } = await openTours(t);
    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
    await page.getByTestId("tour-row").first().waitFor();
    const late = page.locator("[data-testid=tour-row][data-tour-id='90003']");
    assert.equal(await text(late.getByTestId("tour-row-problem")), "outside the visiting hours (09:00–12:00, 14:00–16:00)");
    assert.match(await text(page.locator("[data-testid=tours-day][data-date='2026-11-29'] h2")), /^Sunday 8 Azar 1405/);
    await shot(page, "tours-list-en");

    await late.click();
    await page.getByTestId("tour-editor").waitFor();
    await expectFeasible(page, false);
    assert.equal(await text(page.getByTestId("stop-problem")), "outside the visiting hours (09:00–12:00, 14:00–16:00)");
    assert.equal(await text(page.getByTestId("stop-times")), "13:20–14:05");
    assert.equal(await page.getByTestId("stop-problem").getAttribute("dir"), "ltr");
    const ownText = await page.getByTestId("tour-editor").evaluate((editor) => {
      let all = editor.innerText;
      for (const el of editor.querySelectorAll("bdi, option")) all = all.split(el.textContent.trim()).join("");
      return all;
    });
    assert.doesNotMatch(ownText, /[۰-۹]/, "no Persian digits in English, names aside");
    await assertNoHorizontalOverflow(page, "the English editor");
    await shot(page, "tour-editor-en");
  });

  test("the keys pseudo-locale: every string of the editor, apart from names and places, comes from the catalogue", async (t) => {
    const { page } = await openApp(t, "?locale=keys#/tours/90004");
    await page.getByTestId("tour-editor").waitFor();
    await page.locator("[data-testid=tour-feasible][data-feasible]").waitFor();
    const stray = await page.evaluate(() => {
      let all = document.querySelector("main").innerText;
      for (const el of document.querySelectorAll(
        "[data-testid=stop-name], [data-testid=stop-problem], bdi, time, option, [data-testid=route-sketch] text",
      )) {
        all = all.split(el.textContent.trim()).join("");
      }
      // Numbers (times, minutes, positions) are values, not strings.
      return all.replace(/⟦[^⟧]*⟧/g, "").replace(/[\s|–:0-9]+/g, "");
    });
    assert.equal(stray, "");
  });
});
