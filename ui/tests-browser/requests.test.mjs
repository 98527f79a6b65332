// Citizen requests in Chromium against the mock backend: the list with the
// overdue request first and highlighted (colour, icon and word), search and
// filters; recording a request shows the due date the core computes
// (raised + 3 Solar Hijri months); refer, answer, report back and the
// history; editing; the Dashboard counting the overdue and linking to them;
// the export through the core's export_requests; English; the layout at 1280×800.
//
// The mock's today is 8 Azar 1405. Its requests: cleanliness (raised
// 5 Tir, reported back), lighting (raised 20 Mordad, referred, due 20 Aban:
// overdue), transport (raised 10 Shahrivar, referred, due 10 Azar: due this
// week), roads (raised 15 Mehr, answered), projects (raised today, open).
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, assertNoHorizontalOverflow, html, openApp, savedFile, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS_SCREENSHOT = path.resolve(UI_DIR, "..", "docs", "screenshot-requests.png");

const text = async (locator) => (await locator.innerText()).trim();
const exportsAsked = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("gardesh.mock.exports") ?? "[]"));

async function openRequests(t, hash = "#/requests", options) {
  const app = await openApp(t, hash, options);
  await app.page.getByTestId("page-requests").waitFor();
  await app.page.getByTestId("request-row").first().waitFor();
  return app;
}

const rows = (page) =>
  page.getByTestId("request-row").evaluateAll((els) => els.map((e) => ({ id: Number(e.dataset.id), overdue: e.dataset.overdue, status: e.dataset.status })));

async function expectRowCount(page, n, what) {
  try {
    await page.waitForFunction((want) => document.querySelectorAll("[data-testid=request-row]").length === want, n, { timeout: 5000 });
  } catch {
    assert.equal((await rows(page)).length, n, what);
  }
}

function assertPersianDigits(value, where) {
  assert.doesNotMatch(value, /[0-9]/, `${where}: Persian digits only in «${value}»`);
}

describe("the list", () => {
  test("overdue first, highlighted with an icon and the word (not colour alone); dates in Solar Hijri with Persian digits", async (t) => {
    const { page } = await openRequests(t);
    const list = await rows(page);
    assert.equal(list.length, 5);
    assert.deepEqual(list[0], { id: 2, overdue: "true", status: "referred" }, "the overdue request comes first");
    assert.deepEqual(
      list.filter((r) => r.overdue === "true").map((r) => r.id),
      [2],
    );
    const first = page.getByTestId("request-row").first();
    const firstText = await text(first);
    for (const part of ["۱۴۰۵/۰۵/۲۰", "۱۴۰۵/۰۸/۲۰", "روشنایی", "ارجاع‌شده", "معاونت خدمات شهری", "عقب‌افتاده"]) {
      assert.ok(firstText.includes(part), `the overdue row shows «${part}»: ${firstText}`);
    }
    assertPersianDigits(firstText, "the overdue row");
    const flag = first.getByTestId("request-row-overdue");
    assert.equal(await flag.locator("svg").count(), 1, "an icon");
    assert.match(await text(flag), /عقب‌افتاده/, "and the word");
    const [overdueBg, normalBg] = await page
      .getByTestId("request-row")
      .evaluateAll((els) => [getComputedStyle(els[0]).backgroundColor, getComputedStyle(els[1]).backgroundColor]);
    assert.notEqual(overdueBg, normalBg, "and a colour");
    assert.equal(await page.getByTestId("request-row").nth(1).getByTestId("request-row-overdue").count(), 0);
    assert.match(await text(page.getByTestId("requests-overdue-count")), /۱ عقب‌افتاده/);
    assert.deepEqual(
      await page.locator("[data-testid=requests-list] th").allInnerTexts(),
      ["تاریخ طرح", "سررسید", "دسته", "درخواست", "وضعیت", "اداره"],
    );
  });

  test("search in any letters and filters by status, department, district, site, category and overdue only", async (t) => {
    const { page } = await openRequests(t);
    await page.getByTestId("requests-overdue-only").check();
    await expectRowCount(page, 1, "overdue only");
    assert.equal((await rows(page))[0].overdue, "true");
    await page.getByTestId("requests-overdue-only").uncheck();
    await expectRowCount(page, 5, "all again");

    await page.getByTestId("requests-filter-status").selectOption("answered");
    await expectRowCount(page, 1, "answered");
    assert.equal((await rows(page))[0].status, "answered");
    await page.getByTestId("requests-filter-status").selectOption("");

    const departments = await page.getByTestId("requests-filter-department").locator("option").allInnerTexts();
    assert.ok(departments.includes("سازمان حمل‌ونقل و ترافیک"), `the departments referred to: ${departments}`);
    await page.getByTestId("requests-filter-department").selectOption("سازمان حمل‌ونقل و ترافیک");
    await expectRowCount(page, 1, "department");
    await page.getByTestId("requests-filter-department").selectOption("");

    await page.getByTestId("requests-filter-district").selectOption("14");
    await expectRowCount(page, 3, "district 14");
    await page.getByTestId("requests-filter-district").selectOption("");
    await page.getByTestId("requests-filter-site").selectOption("1");
    await expectRowCount(page, 2, "site 1");
    await page.getByTestId("requests-filter-site").selectOption("");
    await page.getByTestId("requests-filter-category").selectOption("cleanliness");
    await expectRowCount(page, 1, "category");
    await page.getByTestId("requests-clear-filters").click();
    await expectRowCount(page, 5, "cleared");

    // Arabic ي and ك find the Persian letters.
    await page.getByTestId("requests-search").fill("ايستگاه زينبيه");
    await expectRowCount(page, 2, "search");
    await page.getByTestId("requests-search").fill("هیچ چیز چنین نیست");
    await page.getByTestId("requests-no-match").waitFor();
  });
});

describe("recording and following a request", () => {
  test("a new request shows the due date the core computes: 30 Azar 1405 is due 29 Esfand 1405", async (t) => {
    const { page } = await openRequests(t);
    await page.getByTestId("request-new").click();
    await page.getByTestId("request-form").waitFor();
    assert.equal(new URL(page.url()).hash, "#/requests/new");
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "request-text");
    assert.equal(await page.getByTestId("request-raised-on").inputValue(), "۱۴۰۵/۰۹/۰۸", "today by default");
    const categories = await page.getByTestId("request-category").locator("option").evaluateAll((o) => o.map((x) => [x.value, x.textContent.trim()]));
    assert.deepEqual(categories, [
      ["lighting", "روشنایی"],
      ["roads", "راه و معابر"],
      ["transport", "حمل‌ونقل"],
      ["cleanliness", "پاکیزگی"],
      ["projects", "پروژه‌ها"],
      ["other", "سایر"],
    ]);

    await page.getByTestId("request-save").click();
    await page.getByText("متن درخواست را بنویسید.").waitFor();

    await page.getByTestId("request-text").fill("ایستگاه اتوبوس نزدیک کارگاه سایبان ندارد و سالمندان زیر آفتاب می‌مانند");
    await page.getByTestId("request-category").selectOption("transport");
    const tours = await page.getByTestId("request-tour").locator("option").evaluateAll((o) => o.map((x) => x.value));
    assert.ok(tours.includes("90002"), `tours by id: ${tours}`);
    await page.getByTestId("request-tour").selectOption("90002");
    await page.getByTestId("request-site").selectOption("2");
    assert.equal(await page.getByTestId("request-district").inputValue(), "۱۴", "the site brings its district");
    await page.getByTestId("request-district").fill("16");
    await page.getByText("منطقه عددی از ۱ تا ۱۵ است.").waitFor();
    await page.getByTestId("request-district").fill("۱۳");
    await page.getByTestId("request-raised-by").fill("محمود طاهری");
    await page.getByTestId("request-contact").fill("۰۹۱۳۲۲۲۳۳۴۴");
    await page.getByTestId("request-raised-on").fill("۱۴۰۵/۰۹/۳۰");
    await page.getByTestId("request-save").click();

    const due = page.getByTestId("request-due");
    await due.waitFor();
    assert.equal(await text(due), "شنبه ۲۹ اسفند ۱۴۰۵");
    assert.equal(await due.getAttribute("datetime"), "2027-03-20");
    assert.match(await text(page.getByTestId("request-saved")), /درخواست ثبت شد/);
    assert.equal(new URL(page.url()).hash, "#/requests/6");
    const view = page.getByTestId("request-view");
    assert.match(await text(view), /حمل‌ونقل/);
    assert.match(await text(view), /محمود طاهری/);
    assert.match(await text(view), /تقاطع غیرهمسطح کمربندی چهارم/);
    assert.match(await text(view), /منطقه\s*۱۳/);
    await page.getByTestId("request-close").click();
    await page.getByTestId("request-detail").waitFor({ state: "detached" });
    await page.locator("[data-testid=request-row][data-id='6']").waitFor();
    assert.equal(await page.locator("[data-testid=request-row][data-id='6']").getAttribute("data-overdue"), "false");
  });

  test("refer (with suggestions), answer and report back, each in the history", async (t) => {
    const { page } = await openRequests(t);
    const row = page.locator("[data-testid=request-row][data-id='5']");
    assert.equal(await row.getAttribute("data-status"), "open");
    await row.click();
    await page.getByTestId("request-view").waitFor();
    assert.equal(new URL(page.url()).hash, "#/requests/5");
    assert.ok(await page.getByTestId("request-report").isDisabled(), "nothing to report back yet");
    const suggestions = await page.locator("datalist option").evaluateAll((o) => o.map((x) => x.value));
    assert.ok(suggestions.includes("معاونت خدمات شهری"), `departments suggested: ${suggestions}`);

    await page.getByTestId("request-department").fill("معاونت حمل‌ونقل و ترافیک");
    await page.getByTestId("request-refer").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=request-view]")?.dataset.status === "referred");
    assert.match(await text(page.getByTestId("request-view")), /معاونت حمل‌ونقل و ترافیک \| ارجاع در یکشنبه ۸ آذر ۱۴۰۵/);

    await page.getByTestId("request-answer-text").fill("ورودی شمالی در بهمن ماه باز می‌شود");
    await page.getByTestId("request-answer").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=request-view]")?.dataset.status === "answered");
    assert.ok(await page.getByTestId("request-refer").isDisabled(), "no referral once answered");

    await page.getByTestId("request-report").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=request-view]")?.dataset.status === "reported");
    const history = page.getByTestId("request-history");
    const entries = await history.getByTestId("request-history-entry").evaluateAll((els) => els.map((e) => e.dataset.action));
    assert.deepEqual(entries, ["request.create", "request.referred", "request.answered", "request.reported"]);
    const said = await text(history);
    for (const part of ["ثبت", "ارجاع", "پاسخ", "اعلام به شهروند", "معاونت حمل‌ونقل و ترافیک", "۱۴۰۵/۰۹/۰۸"]) {
      assert.ok(said.includes(part), `the history shows «${part}»: ${said}`);
    }
    assert.equal(await page.locator("[data-testid=request-row][data-id='5']").getAttribute("data-status"), "reported", "the list follows");
  });

  test("editing the day raised moves the due date", async (t) => {
    const { page } = await openRequests(t, "#/requests/5");
    await page.getByTestId("request-view").waitFor();
    assert.equal(await page.getByTestId("request-due").getAttribute("datetime"), "2027-02-27");
    await page.getByTestId("request-edit").click();
    await page.getByTestId("request-form").waitFor();
    assert.match(await page.getByTestId("request-text").inputValue(), /زمان بهره‌برداری/);
    await page.getByTestId("request-raised-on").fill("۱۴۰۵/۰۶/۳۱");
    await page.getByTestId("request-save").click();
    await page.getByTestId("request-view").waitFor();
    assert.equal(await text(page.getByTestId("request-due")), "دوشنبه ۳۰ آذر ۱۴۰۵");
    assert.match(await text(page.getByTestId("request-saved")), /تغییرات ذخیره شد/);
  });
});

describe("the Dashboard and the export", () => {
  test("the Dashboard counts the overdue request, highlighted, and links to the list filtered to it", async (t) => {
    const { page } = await openApp(t, "#/dashboard");
    const overdue = page.getByTestId("dash-requests-overdue");
    await overdue.waitFor();
    assert.equal(await overdue.getAttribute("data-value"), "1");
    assert.match(await text(overdue), /عقب‌افتاده\s*۱/);
    assert.equal(await overdue.locator("svg").count(), 1, "an icon, not colour alone");
    assert.equal(await page.getByTestId("dash-requests-open").getAttribute("data-value"), "3");
    assert.equal(await page.getByTestId("dash-requests-due").getAttribute("data-value"), "1");
    const color = await overdue.evaluate((el) => getComputedStyle(el.querySelector("dd")).color);
    assert.equal(color, "rgb(180, 35, 24)", "in the danger colour");

    await page.getByTestId("dash-requests-overdue-link").click();
    await page.getByTestId("page-requests").waitFor();
    await expectRowCount(page, 1, "overdue only from the Dashboard");
    assert.ok(await page.getByTestId("requests-overdue-only").isChecked());
    assert.equal(new URL(page.url()).hash, "#/requests", "the address says it once");
  });

  test("exports the list through the core, as filtered, to .xlsx (or .csv)", async (t) => {
    const { page } = await openRequests(t);
    await page.getByTestId("requests-overdue-only").check();
    await expectRowCount(page, 1, "overdue only");
    await page.getByTestId("requests-export").click();
    const done = page.getByTestId("export-done");
    await done.waitFor();
    assert.equal(await done.getAttribute("data-path"), "gardesh-requests-1405-09-08.xlsx");
    assert.equal(await savedFile(page), null, "the page no longer writes the file itself");

    await page.evaluate(() => localStorage.setItem("gardesh.mock.dialog.save", "/home/coordinator/درخواست‌ها.csv"));
    await page.getByTestId("requests-export").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=export-done]")?.dataset.path === "/home/coordinator/درخواست‌ها.csv");

    const filter = { text: "", status: null, department: null, district: null, site: null, tour: null, category: null, overdueOnly: true };
    assert.deepEqual(await exportsAsked(page), [
      { command: "export_requests", path: "gardesh-requests-1405-09-08.xlsx", filter },
      { command: "export_requests", path: "/home/coordinator/درخواست‌ها.csv", filter },
    ]);
  });

  test("in English, left to right", async (t) => {
    const { page } = await openRequests(t);
    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal((await html(page)).dir, "ltr");
    assert.equal(await text(page.locator("[data-testid=page-requests] h1")), "Requests");
    const first = await text(page.getByTestId("request-row").first());
    for (const part of ["1405/05/20", "1405/08/20", "Lighting", "Referred", "Overdue"]) assert.ok(first.includes(part), `«${part}» in ${first}`);
    await page.getByTestId("request-new").click();
    await page.getByTestId("request-text").fill("A bench at the bus stop");
    await page.getByTestId("request-raised-on").fill("1405/09/08");
    await page.getByTestId("request-save").click();
    assert.equal(await text(page.getByTestId("request-due")), "Saturday 8 Esfand 1405");
    await assertNoHorizontalOverflow(page, "a request in English");
    await shot(page, "request-en");
  });

  test("at 1280×800: right to left, nothing overflowing (the docs' screenshot)", async (t) => {
    const { page } = await openRequests(t);
    assert.deepEqual(await html(page), { lang: "fa", dir: "rtl", title: "گردش — دور اصفهان در ۸۰ روز" });
    const header = await page.locator("[data-testid=requests-list] th").first().boundingBox();
    const last = await page.locator("[data-testid=requests-list] th").last().boundingBox();
    assert.ok(header.x > last.x, "the first column is at the right");
    await assertNoHorizontalOverflow(page, "requests");
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll("[data-testid=request-row] td, .card")].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className),
    );
    assert.deepEqual(clipped, [], "nothing overflows its cell");
    await shot(page, "requests-fa");
    copyFileSync(path.join(OUT_DIR, "requests-fa.png"), DOCS_SCREENSHOT);

    await page.locator("[data-testid=request-row][data-id='2']").click();
    await page.getByTestId("request-overdue").waitFor();
    assert.match(await text(page.getByTestId("request-overdue")), /عقب‌افتاده \| ۱۸ روز از سررسید گذشته/);
    await assertNoHorizontalOverflow(page, "an overdue request");
    await shot(page, "request-overdue-fa");
  });
});
