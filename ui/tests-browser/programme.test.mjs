// The Programme feature in Chromium against the mock backend: the first-run
// demo offer, the programme form, generating departures with a preview,
// holidays, and the Solar Hijri calendar, in Persian (right to left) and
// English. The mock's today is Sunday 8 Azar 1405 = 2026-11-29; the demo
// programme runs 80 days from Tuesday 1 Dey 1405 = 2026-12-22.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, assertNoHorizontalOverflow, goTo, openApp, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS_SCREENSHOT = path.resolve(UI_DIR, "..", "docs", "screenshot-calendar.png");

/** Calls a command of the mock backend from the page, as the UI would. */
const ipc = (page, cmd, args = {}) =>
  page.evaluate(([c, a]) => window.__TAURI_INTERNALS__.invoke(c, a), [cmd, args]);

/** Installs the demo programme behind the UI's back, then opens `hash`. */
async function withDemo(t, hash) {
  const app = await openApp(t, "#/settings");
  await ipc(app.page, "demo_install");
  await app.page.goto(new URL(hash, app.page.url()).href);
  await app.page.getByTestId("page-programme").waitFor();
  return app;
}

const text = async (locator) => (await locator.innerText()).trim();
const day = (page, iso) => page.locator(`[data-testid=calendar-day][data-date="${iso}"]`);
const count = async (locator) => Number(await locator.getAttribute("data-count"));

/** A number written with Persian or Latin digits and group separators, as a number. */
const numberIn = (value) => Number(value.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replace(/[^0-9]/g, ""));

/** The seats in the month summary, «N حرکت با S صندلی در این ماه». */
async function monthSeats(page) {
  const match = (await text(page.locator(".calendar .summary"))).match(/با (.+) صندلی/);
  assert.ok(match, "the month summary gives the seats");
  return numberIn(match[1]);
}

/** The Persian text has no Latin digits (Latin inside LRI/FSI … PDI isolates is allowed). */
function assertPersianDigits(value, where) {
  assert.doesNotMatch(value.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, ""), /[0-9]/, `${where}: Persian digits only in «${value}»`);
}

async function assertCellsFit(page, where) {
  const bad = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=calendar-day]")]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.dataset.date),
  );
  assert.deepEqual(bad, [], `${where}: no calendar cell overflows sideways`);
}

describe("first run", () => {
  test("the dashboard offers the demo programme; installing it fills the calendar of Dey 1405", async (t) => {
    const { page } = await openApp(t);
    const offer = page.getByTestId("demo-offer");
    await offer.waitFor();
    assert.match(await text(offer), /پایگاه داده خالی است — برنامه‌ی نمونه ساخته شود؟/);
    await shot(page, "demo-offer-fa");
    await assertNoHorizontalOverflow(page, "dashboard with the demo offer");

    await page.getByTestId("demo-install").click();
    const installed = page.getByTestId("demo-installed");
    await installed.waitFor();
    const said = await text(installed);
    assert.match(said, /۱۴ سایت پروژه، ۲۶ تعطیلی و ۱۲۴ حرکت/);
    assert.equal(await page.getByTestId("demo-offer").count(), 0, "the offer is gone once installed");
    await shot(page, "demo-installed-fa");

    await installed.getByRole("link", { name: "دیدن تقویم" }).click();
    await page.getByTestId("calendar-grid").waitFor();
    assert.equal(new URL(page.url()).hash, "#/programme/calendar");
    assert.equal(await text(page.getByTestId("programme-demo-badge")), "نمونه");
    // Today (8 Azar) is before the programme: the calendar opens on its first month.
    const month = page.getByTestId("calendar-month");
    assert.equal(await text(month), "دی ۱۴۰۵");
    assert.equal(await page.getByTestId("calendar-day").count(), 30);

    const first = day(page, "2026-12-22");
    const firstText = await text(first);
    assert.match(firstText, /^۱/, "the Persian day number comes first");
    assert.match(firstText, /۲۲ دسامبر/, "with the Gregorian date small beside it");
    assert.match(firstText, /روز ۱ از ۸۰/);
    assertPersianDigits(firstText, "the first day's cell");
    const tours = first.getByTestId("calendar-tour");
    assert.equal(await tours.count(), 2);
    assert.match(await text(tours.first()), /۰۸:۰۰ \| ۲۵ صندلی/);
    assert.match(await text(tours.nth(1)), /۱۳:۰۰ \| ۲۵ صندلی/);
    assert.equal(await tours.first().getAttribute("data-status"), "draft");
    assert.match(await text(tours.first()), /پیش‌نویس/, "the status is said");
    // The demo's departures have no stops yet, so their itineraries do not work, as in the core.
    assert.equal(await tours.first().getAttribute("data-feasible"), "false");
    assert.equal(await tours.first().getByTestId("calendar-tour-infeasible").getAttribute("title"), "مسیر این تور ناشدنی است");
    assert.match(await first.getAttribute("aria-label"), /۲ حرکت با مسیر ناشدنی/);

    const holiday = day(page, "2026-12-23");
    assert.match(await text(holiday), /ولادت امام علی/);
    assert.equal(await holiday.getByTestId("calendar-tour").count(), 0, "no departures on a holiday");
    assert.match(await text(day(page, "2026-12-25")), /تعطیل آخر هفته/, "Friday is the weekend");
    const closed = day(page, "2027-01-09");
    assert.match(await text(closed.getByTestId("calendar-closure")), /ایستگاه زینبیه/);
    assert.match(await text(day(page, "2027-01-20")), /روز ۳۰ از ۸۰/);

    await assertNoHorizontalOverflow(page, "the calendar");
    await assertCellsFit(page, "the calendar");
    await shot(page, "calendar-dey-1405-fa");
    mkdirSync(path.dirname(DOCS_SCREENSHOT), { recursive: true });
    copyFileSync(path.join(OUT_DIR, "calendar-dey-1405-fa.png"), DOCS_SCREENSHOT);

    await closed.click();
    const panel = page.getByTestId("calendar-day-panel");
    await panel.waitFor();
    const panelText = await text(panel);
    assert.match(panelText, /شنبه ۱۹ دی ۱۴۰۵/);
    assert.match(panelText, /روز ۱۹ از ۸۰/);
    assert.match(await text(panel.getByTestId("calendar-closure")), /بتن‌ریزی سقف ایستگاه/, "the closure says why");
    const panelTours = panel.getByTestId("calendar-tour");
    assert.equal(await panelTours.count(), 2);
    const tourText = await text(panelTours.first());
    assert.match(tourText, /۰۸:۰۰/);
    assert.match(tourText, /۲۵ صندلی/);
    assert.match(tourText, /میدان امام حسین/);
    assert.match(tourText, /پیش‌نویس/);
    assert.match(tourText, /مسیر این تور ناشدنی است/);
    assert.equal(await panelTours.first().getAttribute("data-feasible"), "false");
    assert.match(await panelTours.first().getByTestId("calendar-tour-link").getAttribute("href"), /^#\/tours\/[1-9][0-9]*$/);
    await assertNoHorizontalOverflow(page, "the calendar with a day open");
    await shot(page, "calendar-day-panel-fa");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
  });

  test("“Not now” is remembered; the Programme page still offers the demo", async (t) => {
    const { page } = await openApp(t);
    await page.getByTestId("demo-offer").waitFor();
    await page.getByTestId("demo-dismiss").click();
    assert.equal(await page.getByTestId("demo-offer").count(), 0);
    await page.reload();
    await page.getByTestId("today-jalali").waitFor();
    // Give the offer a chance to appear before saying it did not.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    assert.equal(await page.getByTestId("demo-offer").count(), 0, "not asked again on this computer");

    await goTo(page, "programme");
    const empty = page.getByTestId("page-programme").getByTestId("empty-state");
    await empty.waitFor();
    assert.ok(await page.getByTestId("programme-create").isVisible(), "a clear way to create the programme");
    const offer = page.getByTestId("demo-offer");
    await offer.waitFor();
    assert.equal(await offer.getByTestId("demo-dismiss").count(), 0, "no “not now” here");
    await shot(page, "programme-empty-fa");
    await offer.getByTestId("demo-install").click();
    await page.getByTestId("programme-demo-badge").waitFor();
    await page.getByTestId("programme-form").waitFor();
    assert.equal(await page.getByTestId("programme-title").inputValue(), "دور اصفهان در ۸۰ روز — نمونه");
  });
});

describe("the programme form", () => {
  test("creates the programme from Persian input, validates inline, and keeps what was saved", async (t) => {
    const { page } = await openApp(t, "#/programme");
    await page.getByTestId("programme-create").click();
    const form = page.getByTestId("programme-form");
    await form.waitFor();
    assert.equal(await page.getByTestId("programme-length").inputValue(), "۸۰", "80 days by default");
    assert.ok(await page.getByTestId("programme-run-friday").isDisabled(), "the weekend cannot run tours");
    assert.equal(await page.getByTestId("programme-run-friday").isChecked(), false);

    // Saving with no title says so next to the field.
    await page.getByTestId("programme-save").click();
    assert.match(await text(form), /عنوان برنامه لازم است/);

    await page.getByTestId("programme-title").fill("دور اصفهان در ۸۰ روز");
    const starts = page.getByTestId("programme-starts");
    await starts.fill("۱۴۰۵/۱۰/۰۱");
    await starts.press("Tab");
    const ends = page.getByTestId("programme-ends");
    assert.equal(await ends.getAttribute("data-date"), "2027-03-11");
    assert.match(await text(ends), /پنجشنبه ۲۰ اسفند ۱۴۰۵/);
    assert.match(await text(ends), /۱۱ مارس ۲۰۲۷/);
    await page.getByTestId("programme-length").fill("٨٠"); // Arabic-Indic digits are fine too
    await page.getByTestId("programme-run-thursday").uncheck();

    const times = page.getByTestId("programme-departure");
    await times.first().fill("۸");
    await times.first().press("Tab");
    assert.equal(await times.first().inputValue(), "۰۸:۰۰", "a time is tidied to HH:MM in Persian digits");
    await page.getByTestId("programme-departure-add").click();
    assert.equal(await times.count(), 2);
    await times.nth(1).fill("۲۵:۰۰");
    await times.nth(1).press("Tab");
    assert.match(await text(form), /«.?۲۵:۰۰.?» ساعت نیست/);
    await times.nth(1).fill("۱۳:۳۰");
    await times.nth(1).press("Tab");
    await page.getByTestId("programme-seats").fill("۳۰");
    await page.getByTestId("programme-meeting-point").fill("میدان امام حسین، جلوی ساختمان شهرداری");
    await shot(page, "programme-form-new-fa");

    await page.getByTestId("programme-save").click();
    await page.getByTestId("programme-saved").waitFor();
    assert.equal(await page.getByTestId("programme-error").count(), 0);
    const saved = await ipc(page, "programme_get");
    assert.deepEqual(saved.input, {
      title: "دور اصفهان در ۸۰ روز",
      starts: "2026-12-22",
      lengthDays: 80,
      runDays: ["saturday", "sunday", "monday", "tuesday", "wednesday"],
      departures: ["08:00", "13:30"],
      defaultSeats: 30,
      meetingPoint: "میدان امام حسین، جلوی ساختمان شهرداری",
      dayEnds: "18:00",
    });
    assert.equal(await page.getByTestId("programme-demo-badge").count(), 0, "not a demo");
    assert.equal(await text(page.getByTestId("programme-created")), "۰", "saving creates no departures");

    // An edit shows the unsaved-changes marker; revert puts the saved values back.
    await page.getByTestId("programme-seats").fill("40");
    await page.getByTestId("programme-dirty").waitFor();
    await page.getByTestId("programme-revert").click();
    assert.equal(await page.getByTestId("programme-seats").inputValue(), "۳۰");
    assert.equal(await page.getByTestId("programme-dirty").count(), 0);

    await page.reload();
    await page.getByTestId("programme-form").waitFor();
    assert.equal(await page.getByTestId("programme-starts").inputValue(), "۱۴۰۵/۱۰/۰۱");
    assert.deepEqual(await page.getByTestId("programme-departure").evaluateAll((els) => els.map((e) => e.value)), [
      "۰۸:۰۰",
      "۱۳:۳۰",
    ]);
    await assertNoHorizontalOverflow(page, "the programme form");
    await shot(page, "programme-form-fa");
  });

  test("an error from the core is shown by its code with the detail in the UI's language", async (t) => {
    const { page } = await openApp(t, "#/programme", { fail: "programme_save:database_io" });
    await page.getByTestId("programme-create").click();
    await page.getByTestId("programme-title").fill("برنامه");
    await page.getByTestId("programme-save").click();
    const banner = page.getByTestId("programme-error");
    await banner.waitFor();
    assert.equal(await banner.getAttribute("data-code"), "database_io");
    assert.match(await text(banner), /برنامه ذخیره نشد/);
    assert.match(await text(banner.getByTestId("error-detail")), /عمداً ناموفق شد/);
  });
});

describe("generating departures", () => {
  test("previews, applies and says what happened; a second run has nothing to do", async (t) => {
    const { page } = await openApp(t, "#/programme");
    await ipc(page, "programme_save", {
      input: {
        title: "برنامه‌ی کوتاه",
        starts: "2026-12-22",
        lengthDays: 7,
        runDays: ["saturday", "sunday", "monday", "tuesday", "wednesday"],
        departures: ["۰۸:۰۰", "۱۳:۰۰"],
        defaultSeats: 25,
        meetingPoint: "میدان امام حسین",
        dayEnds: "18:00",
      },
    });
    await page.reload();
    await page.getByTestId("programme-form").waitFor();
    // Change the times in the form (Persian digits) and save first.
    const times = page.getByTestId("programme-departure");
    await times.nth(1).fill("۱۴:۰۰");
    await page.getByTestId("programme-departure-add").click();
    await times.nth(2).fill("۱۰:۳۰");
    // A look at the calendar keeps the unsaved edits, and the preview warns it does not include them.
    await page.getByTestId("programme-tab-calendar").click();
    await page.getByTestId("calendar-grid").waitFor();
    await page.getByTestId("departures-generate").click();
    await page.getByTestId("departures-unsaved").waitFor();
    await page.getByTestId("departures-cancel").click();
    await page.getByTestId("programme-tab-editor").click();
    assert.equal(await times.nth(2).inputValue(), "۱۰:۳۰");
    await page.getByTestId("programme-dirty").waitFor();
    await page.getByTestId("programme-save").click();
    await page.getByTestId("programme-saved").waitFor();

    await page.getByTestId("departures-generate").click();
    const preview = page.getByTestId("departures-preview");
    await preview.waitFor();
    assert.equal(await page.getByTestId("departures-unsaved").count(), 0, "saved: no warning");
    await page.getByTestId("departures-apply").waitFor();
    // 22–28 Dec: Tue, Wed, Sat, Sun, Mon run (Thu is not a running day, Fri is the weekend): 5 days × 3.
    assert.equal(await count(page.getByTestId("departures-add-count")), 15);
    assert.equal(await text(page.getByTestId("departures-add-count")), "۱۵");
    assert.equal(await count(page.getByTestId("departures-remove-count")), 0);
    assert.equal(await count(page.getByTestId("departures-keep-count")), 0);
    const list = await text(page.getByTestId("departures-add-list"));
    assert.match(list, /سه‌شنبه ۱ دی ۱۴۰۵/);
    assert.match(list, /۰۸:۰۰، ۱۰:۳۰، ۱۴:۰۰/);
    assert.equal(await ipc(page, "tours_between", { from: "2026-12-01", to: "2027-12-31" }).then((l) => l.length), 0, "a preview writes nothing");
    await assertNoHorizontalOverflow(page, "the departures preview");
    await shot(page, "departures-preview-fa");

    // Cancel leaves everything as it was.
    await page.getByTestId("departures-cancel").click();
    await preview.waitFor({ state: "detached" });
    await page.getByTestId("departures-generate").click();
    await page.getByTestId("departures-apply").click();
    const applied = page.getByTestId("departures-applied");
    await applied.waitFor();
    assert.match(await text(applied), /۱۵ حرکت افزوده شد، ۰ حذف شد و ۰ نگه داشته شد/);
    assert.equal(await text(page.getByTestId("programme-created")), "۱۵");

    await page.getByTestId("departures-generate").click();
    await page.getByTestId("departures-nothing").waitFor();
    assert.equal(await page.getByTestId("departures-apply").count(), 0, "nothing to apply");
    await page.getByTestId("departures-cancel").click();
  });

  test("a change since the preview is refused as a conflict and the new preview is shown", async (t) => {
    const { page } = await withDemo(t, "#/programme");
    await page.getByTestId("departures-generate").click();
    await page.getByTestId("departures-nothing").waitFor();
    await page.getByTestId("departures-cancel").click();
    // Remove a holiday behind the preview's back: its day needs departures again.
    await ipc(page, "holiday_remove", { date: "2027-02-11" });
    await page.getByTestId("departures-generate").click();
    await page.getByTestId("departures-apply").waitFor();
    assert.equal(await count(page.getByTestId("departures-add-count")), 2);
    await ipc(page, "holiday_remove", { date: "2027-01-06" });
    await page.getByTestId("departures-apply").click();
    await page.getByTestId("departures-conflict").waitFor();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=departures-add-count]")?.getAttribute("data-count") === "4",
    );
    await page.getByTestId("departures-apply").click();
    assert.match(await text(page.getByTestId("departures-applied")), /۴ حرکت افزوده شد/);
  });
});

describe("holidays", () => {
  test("adding a holiday on a day with departures plans their removal; kept tours are listed", async (t) => {
    const { page } = await withDemo(t, "#/programme/holidays");
    const table = page.getByTestId("holidays-table");
    await table.waitFor();
    assert.equal(await page.getByTestId("holiday-row").count(), 26);
    const lunar = page.locator("[data-testid=holiday-row][data-date='2026-12-23']");
    assert.match(await text(lunar), /ولادت امام علی/);
    assert.match(await text(lunar), /تاریخ قمری را بررسی کنید/);
    assert.match(await text(lunar), /چهارشنبه ۲ دی ۱۴۰۵/);
    assert.match(await text(lunar), /۲۳ دسامبر ۲۰۲۶/);
    const revolution = page.locator("[data-testid=holiday-row][data-date='2027-02-11']");
    assert.equal(await revolution.getByTestId("holiday-needs-check").count(), 0);

    await page.getByTestId("holidays-search").fill("علي");
    assert.equal(await page.getByTestId("holiday-row").count(), 2, "«علي» finds «علی» (birth and martyrdom)");
    await page.getByTestId("holidays-search").fill("");
    await assertNoHorizontalOverflow(page, "the holidays table");
    await shot(page, "holidays-fa");

    // A tour on 8 Dey that has opened for registrations must be kept.
    const [open] = await ipc(page, "tours_between", { from: "2026-12-29", to: "2026-12-29" });
    await ipc(page, "mock_set_tour_status", { id: open.id, status: "open" });

    await page.getByTestId("holidays-add").click();
    const dialog = page.getByTestId("holiday-dialog");
    await dialog.waitFor();
    const date = page.getByTestId("holiday-date");
    await date.fill("۱۴۰۵/۱۰/۰۸");
    await date.press("Tab");
    await page.getByTestId("holiday-name-fa").fill("تعطیلی اضطراری شهر");
    await page.getByTestId("holiday-name-en").fill("City closure");
    await shot(page, "holiday-dialog-fa");
    await page.getByTestId("holiday-save").click();
    await dialog.waitFor({ state: "detached" });
    const added = page.locator("[data-testid=holiday-row][data-date='2026-12-29']");
    await added.waitFor();
    assert.match(await text(added), /تعطیلی اضطراری شهر/);
    assert.match(await text(page.getByTestId("holidays-notice")), /ساختن حرکت‌ها/);

    await page.getByTestId("departures-generate").click();
    await page.getByTestId("departures-apply").waitFor();
    assert.equal(await count(page.getByTestId("departures-add-count")), 0);
    assert.equal(await count(page.getByTestId("departures-remove-count")), 1);
    assert.equal(await count(page.getByTestId("departures-keep-count")), 1);
    const kept = await text(page.getByTestId("departures-keep-list"));
    assert.match(kept, /سه‌شنبه ۸ دی ۱۴۰۵/);
    assert.match(kept, /۰۸:۰۰/);
    assert.match(kept, /باز/);
    assert.match(await text(page.getByTestId("departures-remove-list")), /۱۳:۰۰/);
    await shot(page, "departures-preview-remove-fa");
    await page.getByTestId("departures-apply").click();
    assert.match(await text(page.getByTestId("departures-applied")), /۰ حرکت افزوده شد، ۱ حذف شد و ۱ نگه داشته شد/);
  });

  test("removing asks first; the official list asks first; CSV import names the bad line; export saves", async (t) => {
    const { page } = await openApp(t, "#/programme/holidays");
    await page.getByTestId("holidays-table").waitFor();
    assert.equal(await page.getByTestId("holiday-row").count(), 0);

    await page.getByTestId("holidays-add-official").click();
    await page.getByTestId("confirm-cancel").click();
    assert.equal(await page.getByTestId("holiday-row").count(), 0, "cancel adds nothing");
    await page.getByTestId("holidays-add-official").click();
    await page.getByTestId("confirm-ok").click();
    await page.locator("[data-testid=holiday-row]").nth(25).waitFor();
    assert.match(await text(page.getByTestId("holidays-notice")), /۲۶ تعطیلی رسمی افزوده شد/);

    const row = page.locator("[data-testid=holiday-row][data-date='2027-03-20']");
    await row.getByTestId("holiday-remove").click();
    assert.match(await text(page.getByTestId("confirm-dialog")), /روز ملی شدن صنعت نفت/);
    await page.getByTestId("confirm-ok").click();
    await row.waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("holiday-row").count(), 25);

    const input = page.getByTestId("holidays-import-input");
    await input.setInputFiles({
      name: "holidays.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("date,name_fa,name_en,needs_check\n2027-03-20,روز نفت,Oil day,0\n۱۴۰۵/۱۲/۳۰,روز بد,,0\n"),
    });
    const error = page.getByTestId("holidays-error");
    await error.waitFor();
    assert.match(await text(error), /پرونده وارد نشد/);
    assert.match(await text(error.getByTestId("error-detail")), /سطر ۳:/, "the error names the line");
    assert.equal(await page.getByTestId("holiday-row").count(), 25, "all or nothing");
    await shot(page, "holidays-import-error-fa");

    await input.setInputFiles({
      name: "holidays.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("\uFEFFdate,name_fa,name_en,needs_check\n2027-03-20,روز ملی شدن صنعت نفت,Oil Nationalization Day,0\n"),
    });
    await row.waitFor();
    assert.match(await text(page.getByTestId("holidays-notice")), /۱ تعطیلی از .*holidays\.csv.* وارد شد/);

    await page.getByTestId("holidays-export").click();
    await page.waitForFunction(() => /ذخیره شد/.test(document.querySelector("[data-testid=holidays-notice]")?.textContent ?? ""));
    const csv = await page.evaluate(() => localStorage.getItem("gardesh.mock.holidaysCsv"));
    assert.match(csv, /^\uFEFFdate,date_jalali,name_fa,name_en,needs_check\r\n/);
    assert.equal(csv.trim().split("\r\n").length, 27);
  });
});

describe("the calendar", () => {
  test("moves between months and back to today", async (t) => {
    const { page } = await withDemo(t, "#/programme/calendar");
    const month = page.getByTestId("calendar-month");
    await page.getByTestId("calendar-grid").waitFor();
    assert.equal(await text(month), "دی ۱۴۰۵");
    await page.getByTestId("calendar-next").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=calendar-month]")?.textContent?.trim() === "بهمن ۱۴۰۵");
    await day(page, "2027-01-21").waitFor();
    assert.equal(await page.getByTestId("calendar-day").count(), 30);
    assert.match(await text(day(page, "2027-02-11")), /پیروزی انقلاب اسلامی/);
    await page.getByTestId("calendar-next").click();
    await day(page, "2027-02-20").waitFor();
    assert.equal(await page.getByTestId("calendar-day").count(), 29, "Esfand 1405 has 29 days");
    assert.match(await text(day(page, "2027-03-11")), /روز ۸۰ از ۸۰/);
    assert.doesNotMatch(await text(day(page, "2027-03-12")), /روز/, "after the programme");

    await page.getByTestId("calendar-today").click();
    await day(page, "2026-11-29").waitFor();
    assert.equal(await text(month), "آذر ۱۴۰۵");
    assert.equal(await day(page, "2026-11-29").getAttribute("aria-current"), "date");
    assert.ok(await page.getByTestId("calendar-today").isDisabled(), "already on today's month");
    await page.getByTestId("calendar-prev").click();
    await day(page, "2026-10-23").waitFor();
    assert.equal(await text(month), "آبان ۱۴۰۵");
    // The first column is Saturday: 1 Aban 1405 is a Friday, so six cells lead.
    const firstCol = await page.evaluate(() => {
      const cells = [...document.querySelectorAll("[data-testid=calendar-grid] > *")].slice(7);
      return cells.findIndex((el) => el.getAttribute("data-testid") === "calendar-day");
    });
    assert.equal(firstCol, 6);
  });

  test("shows each departure's capacity and whether its itinerary works; the day panel opens the tour", async (t) => {
    const { page } = await openApp(t, "#/settings");
    await ipc(page, "demo_install");
    const [firstDay] = await ipc(page, "calendar_month", { year: 1405, month: 10 });
    const [morning, afternoon] = firstDay.tours;
    assert.deepEqual(
      [morning.tour.departure, afternoon.tour.departure, morning.capacity, morning.feasible],
      ["08:00", "13:00", 25, false],
    );
    await page.goto(new URL("#/programme/calendar", page.url()).href);
    await page.getByTestId("calendar-grid").waitFor();
    await day(page, "2026-12-22").getByTestId("calendar-tour").first().waitFor();
    const seatsBefore = await monthSeats(page);

    // The 4th ring road (08:30–13:00, 30 at once) on the 18-seat minibus: feasible, 18 seats.
    await ipc(page, "tour_set_stops", { id: morning.tour.id, stops: [{ site: 2, dwell: null }] });
    await ipc(page, "tour_assign_vehicle", { id: morning.tour.id, vehicle: 3, assign: true });
    // Zeynabieh (20 at once) is shut at midday: 20 seats, and the itinerary does not work.
    await ipc(page, "tour_set_stops", { id: afternoon.tour.id, stops: [{ site: 1, dwell: null }] });
    // Away and back in the page (the mock keeps stops and vehicles only as long as the page).
    await goTo(page, "dashboard");
    await page.goto(new URL("#/programme/calendar", page.url()).href);
    await page.getByTestId("calendar-grid").waitFor();
    const first = day(page, "2026-12-22");
    const tours = first.getByTestId("calendar-tour");
    await tours.first().waitFor();

    assert.match(await text(tours.first()), /۰۸:۰۰ \| ۱۸ صندلی/, "the capacity, not the planned seats");
    assert.equal(await tours.first().getAttribute("data-feasible"), "true");
    assert.equal(await tours.first().getByTestId("calendar-tour-infeasible").count(), 0);
    assert.doesNotMatch(await tours.first().getAttribute("title"), /ناشدنی/);

    const bad = tours.nth(1);
    assert.match(await text(bad), /۱۳:۰۰ \| ۲۰ صندلی/);
    assert.equal(await bad.getAttribute("data-feasible"), "false");
    assert.match(await bad.getAttribute("title"), /مسیر این تور ناشدنی است/);
    const mark = bad.getByTestId("calendar-tour-infeasible");
    assert.equal(await mark.getAttribute("title"), "مسیر این تور ناشدنی است");
    assert.ok(await mark.isVisible(), "the warning is seen");
    const outline = await bad.evaluate((el) => getComputedStyle(el).boxShadow);
    assert.match(outline, /rgb\(180, 35, 24\)/, "outlined in the danger colour");
    assert.match(await first.getAttribute("aria-label"), /۱ حرکت با مسیر ناشدنی/);
    assert.equal(seatsBefore - (await monthSeats(page)), 25 - 18 + (25 - 20), "the month adds up capacities");
    await assertCellsFit(page, "the calendar with an infeasible departure");

    await first.click();
    const panel = page.getByTestId("calendar-day-panel");
    await panel.waitFor();
    assert.match(await text(panel.locator("#day-panel-tours")), /۲ حرکت، ۳۸ صندلی/);
    const panelTours = panel.getByTestId("calendar-tour");
    assert.equal(await panelTours.first().getAttribute("data-feasible"), "true");
    assert.equal(await text(panelTours.first().getByTestId("calendar-tour-capacity")), "۱۸ صندلی");
    assert.doesNotMatch(await text(panelTours.first()), /ناشدنی/);
    assert.equal(await panelTours.nth(1).getAttribute("data-feasible"), "false");
    assert.equal(await text(panelTours.nth(1).getByTestId("calendar-tour-capacity")), "۲۰ صندلی");
    assert.match(await text(panelTours.nth(1).getByTestId("calendar-tour-infeasible")), /مسیر این تور ناشدنی است/);
    await assertNoHorizontalOverflow(page, "the day panel with an infeasible departure");
    await shot(page, "calendar-day-panel-infeasible-fa");

    const link = panelTours.nth(1).getByTestId("calendar-tour-link");
    assert.equal(await link.getAttribute("href"), `#/tours/${afternoon.tour.id}`);
    await link.click();
    const editor = page.getByTestId("tour-editor");
    await editor.waitFor();
    assert.equal(new URL(page.url()).hash, `#/tours/${afternoon.tour.id}`);
    assert.equal(await editor.getAttribute("data-tour-id"), String(afternoon.tour.id));
    assert.equal(await page.getByTestId("tour-feasible").getAttribute("data-feasible"), "false");
  });

  test("fits 1280×800 in Persian and English without sideways scrolling", async (t) => {
    const { page } = await withDemo(t, "#/programme/calendar");
    await page.getByTestId("calendar-grid").waitFor();
    await day(page, "2026-12-22").waitFor();
    for (const where of ["Persian", "English"]) {
      await assertNoHorizontalOverflow(page, `the calendar in ${where}`);
      await assertCellsFit(page, `the calendar in ${where}`);
      const grid = await page.getByTestId("calendar-grid").boundingBox();
      const main = await page.locator("main").boundingBox();
      assert.ok(grid.x >= main.x - 1 && grid.x + grid.width <= main.x + main.width + 1, `${where}: the grid lies inside the page`);
      if (where === "Persian") {
        await page.getByTestId("lang-toggle").click();
        await page.waitForFunction(() => document.documentElement.dir === "ltr");
      }
    }
    assert.equal(await text(page.getByTestId("calendar-month")), "Dey 1405");
    assert.equal(await text(page.getByTestId("programme-demo-badge")), "Demo");
    assert.match(await text(day(page, "2026-12-22")), /day 1 of 80/);
    assert.match(await text(day(page, "2026-12-22").getByTestId("calendar-tour").first()), /08:00 \| 25 seats/);
    await shot(page, "calendar-dey-1405-en");

    for (const [hash, name, shown] of [
      ["#/programme", "programme-form-demo-en", "programme-form"],
      ["#/programme/holidays", "holidays-en", "holidays-table"],
    ]) {
      await page.goto(new URL(hash, page.url()).href);
      await page.getByTestId(shown).waitFor();
      await assertNoHorizontalOverflow(page, name);
      await shot(page, name);
    }
  });
});
