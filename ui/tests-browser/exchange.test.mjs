// Files in and out in Chromium against the mock backend: importing groups
// from a file (a preview of every row with its problems, the encoding and
// the columns, a column mapped by hand, applying with a progress bar, the
// same file again adding nothing), the exports (registrations, a tour's
// manifest, the calendar) and backups (list, back up now, restore with a
// confirmation, the notice after the reload, the start-up offer of the
// newest good backup), in Persian and English.
//
// The mock has no file dialogs: the open dialog answers with the path in
// localStorage "gardesh.mock.dialog.open", the save dialog with the one in
// "gardesh.mock.dialog.save" or else the suggested name. It reads sample files
// known by the end of their name (src/lib/api/mock-exchange.ts): good.csv,
// bad-rows.csv (Windows-1256, a problem on most rows), nomap.csv (a column no
// header names), same.csv, big.csv (1,200 rows), noname.csv, members.xlsx.
// Its today is Sunday 8 Azar 1405; its backups are a week of automatic ones,
// the newest made at 08:30.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, assertNoHorizontalOverflow, goTo, html, openApp, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS = path.resolve(UI_DIR, "..", "docs");
const OPEN_KEY = "gardesh.mock.dialog.open";
const SAVE_KEY = "gardesh.mock.dialog.save";
const EXPORTS_KEY = "gardesh.mock.exports";
const FOLDER = "/home/coordinator/.local/share/ir.isfahan.gardesh/backups";

const text = async (locator) => (await locator.innerText()).trim();
const plain = (value) => value.replace(/[\u2066-\u2069\u200e\u200f]/g, "").trim();
const data = async (locator, name) => locator.getAttribute(`data-${name}`);

/** The open dialog will answer with this file. */
const willOpen = (page, file) => page.evaluate(([k, v]) => localStorage.setItem(k, v), [OPEN_KEY, `/home/coordinator/Documents/${file}`]);
const exportsAsked = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "[]"), EXPORTS_KEY);

async function openGroups(t, hash = "#/groups") {
  const app = await openApp(t, hash);
  await app.page.getByTestId("page-groups").waitFor();
  await app.page.getByTestId("group-row").first().waitFor();
  return app;
}

/** Opens the import dialog and chooses `file`; resolves once its preview (or its refusal) is shown. */
async function importFile(page, file) {
  await willOpen(page, file);
  if ((await page.getByTestId("import-dialog").count()) === 0) {
    await page.getByTestId("groups-import").click();
    await page.getByTestId("import-dialog").waitFor();
  }
  await page.getByTestId("import-choose").click();
  await waitForPreview(page);
}

async function waitForPreview(page) {
  await page.waitForFunction(
    () =>
      document.querySelector("[data-testid=import-progress]") === null &&
      document.querySelector("[data-testid=import-summary], [data-testid=import-error]") !== null,
  );
}

/** Waits for the summary to say `n` new, `e` existing and `r` rejected rows. */
async function expectSummary(page, n, e, r) {
  try {
    await page.waitForFunction(
      ([a, b, c]) => {
        const s = document.querySelector("[data-testid=import-summary]");
        return !!s && document.querySelector("[data-testid=import-progress]") === null && s.dataset.new === a && s.dataset.existing === b && s.dataset.rejected === c;
      },
      [String(n), String(e), String(r)],
      { timeout: 5000 },
    );
  } catch {
    const s = page.getByTestId("import-summary");
    assert.deepEqual([await data(s, "new"), await data(s, "existing"), await data(s, "rejected")], [String(n), String(e), String(r)]);
  }
}

const row = (page, n) => page.locator(`[data-testid=import-row][data-row="${n}"]`);

function assertPersianDigits(value, where) {
  assert.doesNotMatch(value, /[0-9]/, `${where}: Persian digits only in «${value}»`);
}

// ---- import -------------------------------------------------------------------------------------

describe("importing groups from a file", () => {
  test("the preview shows every row's status and problems, the encoding can be changed, nothing is written", async (t) => {
    const { page } = await openGroups(t);
    const groupsBefore = await page.getByTestId("group-row").count();
    await importFile(page, "bad-rows.csv");
    await expectSummary(page, 2, 1, 7);

    assert.equal(await text(page.getByTestId("import-file")), "bad-rows.csv");
    assert.equal(await page.getByTestId("import-row").count(), 10);
    const statuses = await page.getByTestId("import-row").evaluateAll((rows) => rows.map((r) => [r.dataset.row, r.dataset.status]));
    assert.deepEqual(statuses, [
      ["2", "new"],
      ["3", "rejected"],
      ["4", "rejected"],
      ["5", "rejected"],
      ["6", "rejected"],
      ["7", "rejected"],
      ["8", "new"],
      ["9", "rejected"],
      ["10", "existing"],
      ["11", "rejected"],
    ]);
    assert.match(await text(row(page, 3)), /رقم کنترل کد ملی درست نیست/);
    assert.match(await text(row(page, 5)), /شماره‌ی همراه با ۰۹ شروع می‌شود/);
    assert.match(await text(row(page, 6)), /این کد ملی در ردیف ۵ همین پرونده هم آمده است/);
    assert.match(await text(row(page, 9)), /از پیش در گروه «خانواده‌ی کاظمی» \(علی کاظمی\) هست/);
    assert.match(await text(row(page, 11)), /از پیش در پایگاه داده هست و این عضو را ندارد/);
    assert.equal(await row(page, 8).getByTestId("import-warning").getAttribute("data-kind"), "unfamiliar_mobile_prefix");
    assert.match(await text(row(page, 10)), /از پیش هست/);
    assert.ok(await row(page, 2).locator(".leader").count(), "the leader is marked");
    const first = await text(row(page, 2));
    assertPersianDigits(first, "a row in Persian");
    assert.match(first, /۰۹۱۳۲۲۲۰۰۰۱/, "the mobile as normalised, in Persian digits");
    assert.match(await text(page.getByTestId("import-summary")), /۱۰ ردیف: ۲ عضو تازه در ۱ گروه تازه، ۱ از پیش در پایگاه داده، ۷ رد شده/);

    // Windows-1256 was detected; every column recognised despite the Arabic letter forms.
    const encoding = page.getByTestId("import-encoding");
    assert.equal(await encoding.inputValue(), "");
    assert.match(await text(encoding.locator("option").first()), /WINDOWS-1256/);
    const sources = await page.locator("[data-testid=import-columns] li").evaluateAll((els) => els.map((e) => e.dataset.source));
    assert.deepEqual(sources, ["recognised", "recognised", "recognised", "recognised", "recognised", "recognised"]);

    await page.getByTestId("import-only-problems").check();
    assert.deepEqual(
      await page.getByTestId("import-row").evaluateAll((rows) => rows.map((r) => r.dataset.row)),
      ["3", "4", "5", "6", "7", "8", "9", "11"],
      "only rows with problems or warnings",
    );
    await page.getByTestId("import-only-problems").uncheck();
    await page.evaluate(() => document.activeElement?.blur());
    await assertNoHorizontalOverflow(page, "the import preview");
    await shot(page, "import-fa");
    copyFileSync(path.join(OUT_DIR, "import-fa.png"), path.join(DOCS, "screenshot-import.png"));

    // Read as UTF-8, the headers are garbled: no name column, so the core refuses and lists the columns.
    await encoding.selectOption("utf-8");
    const error = page.getByTestId("import-error");
    await error.waitFor();
    assert.match(await text(error), /پرونده خوانده نشد/);
    assert.match(await text(error.getByTestId("error-detail")), /ستون نام شناخته نشد/);
    await page.getByTestId("import-map-number").waitFor();
    assert.equal(await page.getByTestId("import-apply").count(), 0, "nothing to apply without a preview");
    await encoding.selectOption("");
    await expectSummary(page, 2, 1, 7);
    assert.equal(await page.getByTestId("import-error").count(), 0);

    await page.getByTestId("import-close").click();
    await page.getByTestId("import-dialog").waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("group-row").count(), groupsBefore, "a preview writes nothing");
  });

  test("a column no header names is mapped by hand; applying shows progress, then the result; the same file again adds nothing", async (t) => {
    const { page } = await openGroups(t);
    await importFile(page, "nomap.csv");
    await expectSummary(page, 4, 0, 0);
    const column = page.locator("[data-testid=import-column-map][data-column='2']");
    assert.equal(await column.inputValue(), "");
    const card = page.locator("[data-testid=import-columns] li").nth(2);
    assert.equal(await data(card, "source"), "none");
    assert.match(await text(card), /ش\.م/);
    assert.match(await text(card), /شناخته نشد/);
    assert.equal(await text(row(page, 2).locator("td").nth(3)), "", "no national IDs before the mapping");

    await column.selectOption("nationalId");
    await expectSummary(page, 3, 0, 1);
    assert.equal(await data(card, "source"), "mapped");
    assert.equal(await text(row(page, 2).locator("td").nth(3)), "۷۳۱۲۹۳۹۵۲۱");
    assert.equal(await data(row(page, 5), "status"), "rejected");
    assert.equal(await row(page, 5).getByTestId("import-problem").getAttribute("data-kind"), "invalid_national_id");

    const apply = page.getByTestId("import-apply");
    assert.equal(await text(apply), "افزودن ۳ عضو در ۱ گروه");
    await apply.click();
    const confirm = page.getByTestId("confirm-dialog");
    await confirm.waitFor();
    assert.match(await text(confirm), /۳ عضو تازه در ۱ گروه تازه افزوده می‌شوند؛ ۰ ردیف که از پیش هست و ۱ ردیف رد شده کنار گذاشته می‌شوند/);
    assert.match(await text(confirm), /همه یا هیچ‌کدام/);
    await page.getByTestId("confirm-ok").click();

    const progress = page.getByTestId("import-progress");
    await progress.waitFor();
    await page.waitForFunction(() => /نوشتن|بررسی/.test(document.querySelector("[data-testid=import-progress]")?.textContent ?? ""));
    assert.ok(await progress.getByRole("progressbar").count(), "a progress bar");
    const result = page.getByTestId("import-result");
    await result.waitFor();
    assert.equal(await progress.count(), 0, "the bar goes once the import is done");
    assert.equal(await data(result, "members"), "3");
    assert.match(await text(result), /۳ عضو در ۱ گروه تازه افزوده شد/);
    assert.match(await text(result), /انجمن کوهنوردان صفه/);
    assert.equal(await page.getByTestId("import-apply").count(), 0);
    // The keyboard still works in the dialog after the import: Escape closes it.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "import-close");
    await page.keyboard.press("Escape");
    await page.getByTestId("import-dialog").waitFor({ state: "detached" });
    await page.locator("[data-testid=group-row]", { hasText: "انجمن کوهنوردان صفه" }).waitFor();

    // The same file again: the mapping was remembered, and nothing is new.
    await importFile(page, "nomap.csv");
    await expectSummary(page, 0, 3, 1);
    assert.equal(await column.inputValue(), "nationalId");
    assert.equal(await data(card, "source"), "remembered");
    const nothing = page.getByTestId("import-nothing-new");
    await nothing.waitFor();
    assert.match(await text(nothing), /چیز تازه‌ای در این پرونده نیست: همین پرونده در ۸ آذر ۱۴۰۵، ۱۰:۳۰ وارد شده است/);
    assert.ok(await page.getByTestId("import-apply").isDisabled(), "nothing to add");
    assert.equal(await text(page.getByTestId("import-apply")), "چیزی برای افزودن نیست");
  });

  test("a file whose name column is not recognised is mapped by column number", async (t) => {
    const { page } = await openGroups(t);
    await importFile(page, "noname.csv");
    const error = page.getByTestId("import-error");
    assert.match(await text(error.getByTestId("error-detail")), /ستون‌های پرونده: ۱: «مشخصات»، ۲: «کد ملی»، ۳: «همراه شخص»/);
    await page.getByTestId("import-map-column").fill("۱");
    await page.getByTestId("import-map-field").selectOption("fullName");
    await page.getByTestId("import-map-apply").click();
    await expectSummary(page, 0, 0, 2);
    await page.locator("[data-testid=import-column-map][data-column='2']").selectOption("mobile");
    await expectSummary(page, 2, 0, 0);
    const name = page.getByTestId("import-default-group");
    await name.fill("خانواده‌ی عطایی");
    await name.press("Tab");
    await page.waitForFunction(() => document.querySelector("[data-testid=import-row] td:nth-child(2)")?.textContent?.includes("عطایی"));
    assert.match(await text(page.getByTestId("import-summary")), /۱ گروه تازه/);
  });

  test("a large file shows its first 500 rows until asked for all", async (t) => {
    const { page } = await openGroups(t);
    await importFile(page, "big.csv");
    await expectSummary(page, 1176, 0, 24);
    assert.equal(await page.getByTestId("import-row").count(), 500);
    assert.equal(await text(page.getByTestId("import-shown")), "۵۰۰ ردیف از ۱٬۲۰۰");
    await page.getByTestId("import-show-all").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=import-row]").length === 1200);
    await page.getByTestId("import-only-problems").check();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=import-row]").length === 24);
    assert.deepEqual(await page.locator("[data-testid=import-row]").evaluateAll((rows) => [...new Set(rows.map((r) => r.dataset.status))]), ["rejected"]);
  });

  test("in English: the same file twice, problems in English, left to right", async (t) => {
    const { page } = await openGroups(t);
    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await text(page.getByTestId("groups-import")), "Import from file…");
    await importFile(page, "same.csv");
    await expectSummary(page, 4, 0, 0);
    assert.equal((await html(page)).dir, "ltr");
    await page.getByTestId("import-kind").selectOption("family");
    await expectSummary(page, 4, 0, 0);
    await page.getByTestId("import-apply").click();
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("import-result").waitFor();
    assert.match(await text(page.getByTestId("import-result")), /4 members added in 1 new group\(s\)/);

    await importFile(page, "same.csv");
    await expectSummary(page, 0, 4, 0);
    assert.equal(
      await text(page.getByTestId("import-nothing-new")),
      "Nothing new in this file: this same file was imported on 8 Azar 1405, 10:30.",
    );
    assert.match(await text(page.getByTestId("import-summary")), /nothing new to add \(this same file was imported on 2026-11-29 at 10:30 Iran time\)/);

    await importFile(page, "bad-rows.csv");
    await expectSummary(page, 2, 1, 7);
    assert.equal(await text(row(page, 3).getByTestId("import-problem")), "the national ID's check digit does not match; read the code again from the card");
    assert.equal(await text(row(page, 3).locator("td").first()), "3");
    await page.evaluate(() => document.activeElement?.blur());
    await assertNoHorizontalOverflow(page, "the import preview in English");
    await shot(page, "import-en");
  });
});

// ---- exports ------------------------------------------------------------------------------------

describe("exports", () => {
  test("registrations from the groups page, a tour's registrations and manifest, the calendar", async (t) => {
    const { page } = await openGroups(t);
    await page.getByTestId("export-registrations").click();
    const done = page.getByTestId("export-done");
    await done.waitFor();
    assert.equal(await data(done, "path"), "gardesh-registrations-1405-09-08.xlsx");
    assert.match(plain(await text(done)), /ذخیره شد: gardesh-registrations-1405-09-08\.xlsx/);

    // A name typed without an extension gets one.
    await page.evaluate(([k]) => localStorage.setItem(k, "/home/coordinator/ثبت‌نام"), [SAVE_KEY]);
    await page.getByTestId("export-registrations").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=export-done]")?.dataset.path === "/home/coordinator/ثبت‌نام.xlsx");
    await page.evaluate(([k]) => localStorage.setItem(k, "/home/coordinator/list.csv"), [SAVE_KEY]);
    await page.getByTestId("export-registrations").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=export-done]")?.dataset.path === "/home/coordinator/list.csv");
    await page.evaluate(([k]) => localStorage.removeItem(k), [SAVE_KEY]);

    await page.evaluate(() => (window.location.hash = "#/tours/90002"));
    const roster = page.getByTestId("tour-roster");
    await roster.getByTestId("roster-line").first().waitFor();
    await roster.getByTestId("export-manifest").click();
    await roster.getByTestId("export-done").waitFor();
    assert.equal(await data(roster.getByTestId("export-done"), "path"), "gardesh-manifest-tour-90002-1405-09-08.xlsx");
    await roster.getByTestId("export-registrations").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=tour-roster] [data-testid=export-done]")?.dataset.path?.includes("registrations-tour-90002"));
    await assertNoHorizontalOverflow(page, "the roster with an export note");

    await page.evaluate(() => window.__TAURI_INTERNALS__.invoke("demo_install", {}));
    await page.evaluate(() => (window.location.hash = "#/programme"));
    await page.getByTestId("page-programme").waitFor();
    await page.getByTestId("export-calendar").click();
    await page.getByTestId("export-done").waitFor();
    assert.equal(await data(page.getByTestId("export-done"), "path"), "gardesh-calendar-1405-09-08.ics");

    assert.deepEqual(await exportsAsked(page), [
      { command: "export_registrations", path: "gardesh-registrations-1405-09-08.xlsx", tour: null },
      { command: "export_registrations", path: "/home/coordinator/ثبت‌نام.xlsx", tour: null },
      { command: "export_registrations", path: "/home/coordinator/list.csv", tour: null },
      { command: "export_manifest", path: "gardesh-manifest-tour-90002-1405-09-08.xlsx", tour: 90002 },
      { command: "export_registrations", path: "gardesh-registrations-tour-90002-1405-09-08.xlsx", tour: 90002 },
      { command: "export_calendar", path: "gardesh-calendar-1405-09-08.ics" },
    ]);
  });

  test("a failing export says why, and can be closed", async (t) => {
    const { page } = await openApp(t, "#/groups", { fail: "export_registrations:database_io" });
    await page.getByTestId("export-registrations").click();
    const error = page.getByTestId("export-error");
    await error.waitFor();
    assert.match(await text(error), /خروجی ساخته نشد/);
    await error.getByRole("button").click();
    await error.waitFor({ state: "detached" });
  });
});

// ---- backups ------------------------------------------------------------------------------------

describe("backups", () => {
  test("listed newest first in Solar Hijri; back up now; restore after a confirmation, then the notice names the safety copy", async (t) => {
    const { page } = await openApp(t, "#/settings");
    const section = page.getByTestId("settings-backups");
    await section.getByTestId("backup-row").first().waitFor();
    assert.equal(await section.getByTestId("backup-row").count(), 8);
    assert.equal(plain(await text(section.getByTestId("backups-folder"))), FOLDER);
    const first = section.getByTestId("backup-row").first();
    assert.equal(await data(first, "path"), `${FOLDER}/gardesh-20261129-083012.sqlite3`);
    assert.equal(await text(first.getByTestId("backup-made-at")), "۸ آذر ۱۴۰۵، ۰۸:۳۰");
    assertPersianDigits(await text(first.locator("td").nth(0)), "a backup's time");
    assert.equal(await text(first.locator("td").nth(2)), "۱٫۲ مگابایت");
    assert.match(await text(first), /خودکار/);
    assert.match(await text(section.locator("[data-testid=backup-row][data-kind=before_restore]")), /نسخه‌ی ایمنی/);

    await page.getByTestId("backup-now").click();
    await page.getByTestId("backup-made").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "backup-now", "the focus stays on the button");
    assert.match(plain(await text(page.getByTestId("backup-made"))), /gardesh-20261129-103000\.sqlite3/);
    assert.equal(await data(section.getByTestId("backup-row").first(), "path"), `${FOLDER}/gardesh-20261129-103000.sqlite3`);
    assert.equal(await section.getByTestId("backup-row").count(), 8, "today's earlier automatic backup is rotated out");
    assert.equal(await section.locator(`[data-testid=backup-row][data-path="${FOLDER}/gardesh-20261129-083012.sqlite3"]`).count(), 0);

    const target = section.locator(`[data-testid=backup-row][data-path="${FOLDER}/gardesh-20261127-083015.sqlite3"]`);
    await target.getByTestId("backup-restore").click();
    const confirm = page.getByTestId("confirm-dialog");
    await confirm.waitFor();
    assert.match(plain(await text(confirm)), /پایگاه داده با پشتیبان ۶ آذر ۱۴۰۵، ۰۸:۳۰ \(gardesh-20261127-083015\.sqlite3\) جایگزین می‌شود/);
    assert.match(await text(confirm), /نسخه‌ی ایمنی از پایگاه داده‌ی کنونی ساخته و نگه داشته می‌شود/);
    await page.getByTestId("confirm-cancel").click();
    await confirm.waitFor({ state: "detached" });
    assert.equal(await section.locator("[data-testid=backup-row][data-kind=before_restore]").count(), 1, "cancel restores nothing");

    await target.getByTestId("backup-restore").click();
    await page.getByTestId("confirm-ok").click();
    // The UI reloads on the restored data and says what happened.
    const done = page.getByTestId("restore-done");
    await done.waitFor();
    const safety = `${FOLDER}/before-restore-20261129-103100.sqlite3`;
    assert.equal(await data(done, "safety-copy"), safety);
    assert.match(await text(done), /پایگاه داده از پشتیبان ۶ آذر ۱۴۰۵، ۰۸:۳۰ بازیابی شد/);
    assert.equal(plain(await text(done.getByTestId("restore-safety-copy"))), safety);
    await page.getByTestId("settings-backups").getByTestId("backup-row").first().waitFor();
    assert.equal(await data(page.getByTestId("backup-row").first(), "path"), safety);
    assert.equal(await data(page.getByTestId("backup-row").first(), "kind"), "before_restore");
    await assertNoHorizontalOverflow(page, "settings with backups");
    await page.locator("main").evaluate((m) => {
      const card = m.querySelector("[data-testid=settings-backups]");
      m.scrollTo({ top: card.getBoundingClientRect().top - m.getBoundingClientRect().top + m.scrollTop - 16 });
    });
    await shot(page, "backups-fa");
    copyFileSync(path.join(OUT_DIR, "backups-fa.png"), path.join(DOCS, "screenshot-backups.png"));

    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.match(await text(page.getByTestId("restore-done")), /The database was restored from the backup of 6 Azar 1405, 08:30/);
    assert.equal(await text(page.getByTestId("backup-made-at").nth(1)), "8 Azar 1405, 10:30");
    assert.match(await text(page.getByTestId("backup-row").first()), /Safety copy/);
    await shot(page, "backups-en");
  });

  test("the start-up refusal offers the newest good backup, and restoring it opens the database again", async (t) => {
    const { page } = await openApp(t, "#/sites");
    await page.evaluate(() => localStorage.setItem("gardesh.mock.fail", "app_status:database_corrupt"));
    await goTo(page, "dashboard");
    await page.getByTestId("dashboard-error").waitFor();
    const offer = page.getByTestId("health-offer");
    await offer.waitFor();
    assert.equal(await data(offer, "path"), `${FOLDER}/gardesh-20261129-083012.sqlite3`);
    const button = page.getByTestId("health-restore");
    assert.equal(await text(button), "بازیابی آخرین پشتیبان سالم (۸ آذر ۱۴۰۵، ۰۸:۳۰)");
    await shot(page, "health-fa");
    await button.click();
    const confirm = page.getByTestId("confirm-dialog");
    assert.match(await text(confirm), /نسخه‌ی ایمنی/);
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("today-jalali").waitFor();
    await page.getByTestId("restore-done").waitFor();
    assert.equal(await page.getByTestId("dashboard-error").count(), 0);
    assert.equal(await page.getByTestId("health-offer").count(), 0);
    assert.match(await text(page.getByTestId("restore-done")), /پایگاه داده از پشتیبان ۸ آذر ۱۴۰۵، ۰۸:۳۰ بازیابی شد/);
  });

  test("a healthy database offers nothing on the dashboard", async (t) => {
    const { page } = await openApp(t, "#/dashboard");
    await page.getByTestId("today-jalali").waitFor();
    assert.equal(await page.getByTestId("health-offer").count(), 0);
    assert.equal(await page.getByTestId("restore-done").count(), 0);
    const calls = await page.evaluate(() => window.__ipcCalls.map((c) => c.cmd));
    assert.ok(!calls.includes("backup_health"), "the health check is asked only on a refusal");
  });
});
