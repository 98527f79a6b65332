// The Groups feature in Chromium against the mock backend: the list with one
// search box and filters, the group editor checked as it is typed (national
// IDs by their check digit, duplicates in other groups, pasting from Excel),
// registering on a tour with a preview, the waiting list and who moves up
// when seats free, releasing seats, moving, history, waiting for dates, the
// tour's passenger list, in Persian (right to left) and English.
//
// The mock's today is Sunday 8 Azar 1405 = 2026-11-29. Its groups, newest
// first: 6 a university club (4, not registered), 5 retirees (3, waiting for
// any tour 30 Azar – 20 Dey), 4 an NGO (5, confirmed on 90010, 23 Azar),
// 3 the Kazemi family (7, waiting first on 90002), 2 a mosque's trustees (6,
// confirmed on 90002), 1 a school (8, confirmed on 90002). Tour 90002 (today,
// 08:00) has 20 seats: 14 taken, 6 free; its stops ask for 12 and 16 years.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, assertNoHorizontalOverflow, html, openApp, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS_SCREENSHOT = path.resolve(UI_DIR, "..", "docs", "screenshot-groups.png");
const TODAY_TOUR = "90002";
const LATER_TOUR = "90010";
const FAMILY = "خانواده‌ی کاظمی";
const SCHOOL = "دبیرستان دخترانه‌ی فرزانگان ۲";

/** Calls a command of the mock backend from the page, as the UI would. */
const ipc = (page, cmd, args = {}) => page.evaluate(([c, a]) => window.__TAURI_INTERNALS__.invoke(c, a), [cmd, args]);
const text = async (locator) => (await locator.innerText()).trim();
// U+2066–U+2069 isolate names inside messages; compare without them.
const plain = (value) => value.replace(/[\u2066-\u2069]/g, "").trim();

async function openGroups(t, hash = "#/groups") {
  const app = await openApp(t, hash);
  await app.page.getByTestId("page-groups").waitFor();
  await app.page.getByTestId("group-row").first().waitFor();
  return app;
}

async function openGroup(t, id) {
  const app = await openGroups(t, `#/groups/${id}`);
  await app.page.locator(`[data-testid=group-editor][data-id="${id}"]`).waitFor();
  return app;
}

const rowIds = (page) => page.getByTestId("group-row").evaluateAll((rows) => rows.map((r) => Number(r.dataset.id)));

async function expectRows(page, want, what) {
  try {
    await page.waitForFunction(
      (ids) => JSON.stringify([...document.querySelectorAll("[data-testid=group-row]")].map((r) => Number(r.dataset.id))) === JSON.stringify(ids),
      want,
      { timeout: 5000 },
    );
  } catch {
    assert.deepEqual(await rowIds(page), want, what);
  }
}

/** Pastes `text` into `locator` as the clipboard would. */
async function paste(locator, value) {
  await locator.evaluate((el, data) => {
    el.focus();
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, value);
}

/** The Persian text has no Latin digits. */
function assertPersianDigits(value, where) {
  assert.doesNotMatch(value, /[0-9]/, `${where}: Persian digits only in «${value}»`);
}

async function assertNothingClipped(page, where) {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=group-row], [data-testid=group-registration], [data-testid=roster-line], .card")]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.dataset.testid ?? el.className),
  );
  assert.deepEqual(clipped, [], `${where}: nothing overflows its box sideways`);
}

// ---- the list ------------------------------------------------------------------------

describe("the groups list", () => {
  test("newest first; each row shows kind, size, leader and mobile, the latest state with its date, waiting for dates", async (t) => {
    const { page } = await openGroups(t);
    await expectRows(page, [6, 5, 4, 3, 2, 1]);
    assert.equal(await text(page.getByTestId("groups-count")), "۶ گروه");
    const family = page.locator("[data-testid=group-row][data-id='3']");
    const familyText = await text(family);
    for (const part of [FAMILY, "خانواده", "۷", "علی کاظمی", "۰۹۱۳۳۳۳۴۴۵۵", "در فهرست انتظار | ۱۴۰۵/۰۹/۰۸"]) {
      assert.ok(familyText.includes(part), `the family's row shows «${part}»: ${familyText}`);
    }
    assertPersianDigits(familyText, "a row");
    assert.equal(await family.getByTestId("group-row-state").getAttribute("data-state"), "waitlisted");
    assert.equal(await text(page.locator("[data-testid=group-row][data-id='4'] [data-testid=group-row-state]")), "تأییدشده | ۱۴۰۵/۰۹/۲۳");
    assert.equal(await page.locator("[data-testid=group-row][data-id='5'] [data-testid=group-row-waiting]").count(), 1);
    assert.equal(await page.getByTestId("group-row-waiting").count(), 1, "only the retirees wait for dates");
    assert.equal(await page.getByTestId("empty-state").count(), 1, "nothing is open yet: the page says what to do");

    // Right to left: the list is at the start (right), the open group beside it.
    assert.deepEqual(await html(page), { lang: "fa", dir: "rtl", title: "گردش — دور اصفهان در ۸۰ روز" });
    const list = await page.getByTestId("groups-search").boundingBox();
    const detail = await page.getByTestId("empty-state").boundingBox();
    assert.ok(list.x > detail.x + detail.width - 1, "the list is at the right, before the detail");
    await assertNoHorizontalOverflow(page, "groups list");
    await assertNothingClipped(page, "groups list");
    await shot(page, "groups-list-fa");
  });

  test("one search box finds names, members, IDs and mobiles in any letters and digits, as you type, naming the member", async (t) => {
    const { page } = await openGroups(t);
    const search = page.getByTestId("groups-search");

    await search.fill("۰۹۱۳۳۳۳۴۴۶۶");
    await expectRows(page, [3], "a mobile in Persian digits");
    assert.equal(plain(await text(page.getByTestId("group-row-matched"))), "پیداشده در عضو: لیلا کاظمی");

    await search.fill("علي كاظمي");
    await expectRows(page, [3], "Arabic letter forms");
    await search.fill("2452647047");
    await expectRows(page, [3], "a national ID");
    await search.fill("جلفا");
    await expectRows(page, [4], "the group's own name");
    assert.equal(await page.getByTestId("group-row-matched").count(), 0, "no member matched");
    await search.fill("هیچ‌کس نیست");
    await page.getByTestId("groups-no-match").waitFor();

    await page.getByTestId("groups-clear-filters").click();
    await expectRows(page, [6, 5, 4, 3, 2, 1]);
    await page.getByTestId("groups-filter-kind").selectOption("mosque");
    await expectRows(page, [2], "kind");
    await page.getByTestId("groups-filter-kind").selectOption("");
    await page.getByTestId("groups-filter-channel").selectOption("line137");
    await expectRows(page, [3], "channel");
    await page.getByTestId("groups-filter-channel").selectOption("");
    await page.getByTestId("groups-filter-state").selectOption("confirmed");
    await expectRows(page, [4, 2, 1], "state");
    await page.getByTestId("groups-filter-tour").selectOption(TODAY_TOUR);
    await expectRows(page, [2, 1], "confirmed on today's tour");
    const options = await page.getByTestId("groups-filter-tour").locator("option").allInnerTexts();
    assert.ok(options.includes("یکشنبه ۸ آذر ۱۴۰۵، ۰۸:۰۰"), `tours by Solar Hijri day and time: ${options}`);

    await page.locator("[data-testid=group-row][data-id='1']").click();
    await page.locator("[data-testid=group-editor][data-id='1']").waitFor();
    assert.equal(new URL(page.url()).hash, "#/groups/1");
    assert.equal(await page.locator("[data-testid=group-row][data-id='1']").getAttribute("aria-current"), "true");
  });
});

// ---- the editor ------------------------------------------------------------------------

describe("entering a group", () => {
  test("a wrong national ID shows in its row as it is typed; a duplicate names the other group; fixed, it saves", async (t) => {
    const { page } = await openGroups(t);
    await page.getByTestId("group-new").click();
    await page.locator("[data-testid=group-editor][data-id=new]").waitFor();
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "group-name");
    assert.equal(new URL(page.url()).hash, "#/groups/new");

    await page.getByTestId("group-name").fill("خانواده‌ی رحمانی");
    await page.getByTestId("group-kind").selectOption("family");
    await page.getByTestId("group-channel").selectOption("phone");
    await page.getByTestId("member-name-0").fill("رضا رحمانی");
    await page.getByTestId("member-nid-0").fill("0684159415");
    await page.getByTestId("member-mobile-0").fill("۰۹۱۲ ۳۴۵ ۶۷۸۹");
    await page.getByTestId("member-birth-0").fill("۱۳۶۵");

    const error0 = page.getByTestId("member-error-0");
    await error0.waitFor();
    assert.equal(await text(error0), "رقم کنترل کد ملی درست نیست؛ کد را دوباره از کارت بخوانید");
    assert.ok(await page.getByTestId("group-save").isDisabled(), "no saving with a problem");
    assert.match(await text(page.getByTestId("group-blockers")), /ردیف ۱: رقم کنترل کد ملی درست نیست/);
    assert.equal(await page.getByTestId("member-nid-0").getAttribute("class").then((c) => c.includes("invalid")), true);

    // Enter in the last row adds a row and goes to its name.
    await page.getByTestId("member-birth-0").press("Enter");
    await page.getByTestId("member-name-1").waitFor();
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "member-name-1");
    await page.keyboard.type("مینا رحمانی");
    await page.getByTestId("member-add").click();
    await page.getByTestId("member-name-2").fill("مریم صادقی");
    await page.getByTestId("member-nid-2").fill("۴۰۶۹۳۲۶۰۶۵");

    const dup = page.getByTestId("member-dup-2");
    await dup.waitFor();
    assert.match(plain(await text(dup)), new RegExp(`«${SCHOOL}»`), "the other group is named");
    await page.getByTestId("member-nid-0").fill("۰۴۹۹۳۷۰۸۹۹");
    await page.waitForFunction(() => !document.querySelector("[data-testid=member-error-0]"));
    assert.match(plain(await text(page.getByTestId("group-blockers"))), /ردیف ۳: کد ملی در گروه «دبیرستان/);
    assert.ok(await page.getByTestId("group-save").isDisabled(), "a duplicate needs its reason");
    await page.getByTestId("member-dupreason-2").fill("همان معلم، این بار با خانواده");
    await page.waitForFunction(() => !document.querySelector("[data-testid=group-blockers]"));

    await page.getByTestId("group-save").click();
    await page.getByTestId("group-saved").waitFor();
    assert.equal(plain(await text(page.getByTestId("group-saved"))), "گروه «خانواده‌ی رحمانی» ذخیره شد.");
    assert.equal(new URL(page.url()).hash, "#/groups/7");
    await expectRows(page, [7, 6, 5, 4, 3, 2, 1]);
    assert.equal(await page.getByTestId("member-nid-0").inputValue(), "۰۴۹۹۳۷۰۸۹۹", "saved, in Persian digits");
    assert.equal(await page.getByTestId("member-mobile-0").inputValue(), "۰۹۱۲۳۴۵۶۷۸۹", "the mobile normalised");
    const saved = await ipc(page, "group_get", { id: 7 });
    assert.deepEqual(
      saved.group.members.map((m) => [m.fullName, m.nationalId, m.mobile, m.birthYear, m.isLeader]),
      [
        ["رضا رحمانی", "0499370899", "09123456789", 1365, true],
        ["مینا رحمانی", null, null, null, false],
        ["مریم صادقی", "4069326065", null, null, false],
      ],
    );
    assert.equal(saved.group.members[2].duplicateReason, "همان معلم، این بار با خانواده");
    await assertNoHorizontalOverflow(page, "a new group");
  });

  test("rows pasted from Excel (with a Persian header, any digits) fill the table; the leader needs a mobile", async (t) => {
    const { page } = await openGroups(t, "#/groups/new");
    await page.locator("[data-testid=group-editor][data-id=new]").waitFor();
    await page.getByTestId("group-name").fill("هیئت محله‌ی جلفا");
    const tsv = [
      "نام و نام خانوادگی\tکد ملی\tتلفن همراه\tسال تولد",
      "آرمان صفوی\t۶۸۲۶۲۱۵۶۸۳\t۰۹۱۳۵۵۵۱۲۱۲\t۱۳۶۰",
      "بهار صفوی\t8095560960\t\t1362",
      "کیان صفوی\t0833998080\t\t1392",
    ].join("\r\n");
    await paste(page.getByTestId("member-paste"), tsv);
    await page.getByTestId("member-name-2").waitFor();
    assert.equal(await page.getByTestId("member-name-0").inputValue(), "آرمان صفوی");
    assert.equal(await page.getByTestId("member-nid-0").inputValue(), "۶۸۲۶۲۱۵۶۸۳");
    assert.equal(await page.getByTestId("member-birth-2").inputValue(), "1392", "digits kept as pasted");
    assert.ok(await page.getByTestId("member-leader-0").isChecked(), "the first row leads");
    assert.equal(await text(page.getByTestId("member-paste-note")), "۳ ردیف از اکسل وارد شد.");
    assert.equal(await page.getByTestId("member-paste").inputValue(), "", "the box is emptied");

    // More rows pasted into a name cell continue from there, without a header.
    await page.getByTestId("member-add").click();
    await paste(page.getByTestId("member-name-3"), "دریا صفوی\t0894464000\t\t۱۳۸۰\nنیما صفوی\t0040227847\t\t1381");
    await page.getByTestId("member-name-4").waitFor();
    assert.equal(await page.getByTestId("member-nid-4").inputValue(), "0040227847");

    await page.getByTestId("member-leader-1").check();
    await page.getByTestId("member-error-1").waitFor();
    assert.equal(await text(page.getByTestId("member-error-1")), "سرگروه باید شماره‌ی همراه داشته باشد");
    await page.getByTestId("member-leader-0").check();
    await page.waitForFunction(() => !document.querySelector("[data-testid^=member-error-]"));
    await page.getByTestId("member-remove-4").click();
    assert.equal(await page.getByTestId("member-name-4").count(), 0);
    assert.equal(await text(page.getByTestId("group-member-count")), "۴ نفر");
    await page.getByTestId("group-save").click();
    await page.getByTestId("group-saved").waitFor();
    assert.equal((await ipc(page, "group_get", { id: 7 })).group.members.length, 4);
  });
});

describe("leaving and removing a group", () => {
  test("unsaved edits are kept unless discarded; only a group without registrations can be removed", async (t) => {
    const { page } = await openGroup(t, 6);
    assert.ok(await page.getByTestId("group-remove").isEnabled(), "never registered: removable");
    await page.getByTestId("group-name").fill("کانون دانشجویی عمران");
    await page.getByTestId("group-unsaved").waitFor();
    await page.locator("[data-testid=group-row][data-id='1']").click();
    await page.getByTestId("confirm-dialog").waitFor();
    await page.getByTestId("confirm-cancel").click();
    assert.equal(new URL(page.url()).hash, "#/groups/6", "still on the edited group");
    assert.equal(await page.getByTestId("group-name").inputValue(), "کانون دانشجویی عمران");
    await page.locator("[data-testid=group-row][data-id='1']").click();
    await page.getByTestId("confirm-ok").click();
    await page.locator("[data-testid=group-editor][data-id='1']").waitFor();
    assert.ok(await page.getByTestId("group-remove").isDisabled(), "a registered group keeps its history");

    await page.locator("[data-testid=group-row][data-id='6']").click();
    await page.locator("[data-testid=group-editor][data-id='6']").waitFor();
    assert.match(await text(page.getByTestId("group-title")), /^کانون دانشجویی مهندسی عمران/, "the edit was discarded");
    await page.getByTestId("group-remove").click();
    await page.getByTestId("confirm-ok").click();
    await expectRows(page, [5, 4, 3, 2, 1]);
    assert.equal(new URL(page.url()).hash, "#/groups");
    await page.getByTestId("empty-state").waitFor();
  });
});

// ---- registering ------------------------------------------------------------------------

describe("placing a group on a tour", () => {
  test("too few seats: the preview says it will wait and where; a member failing the rules needs a reason; waitlisted", async (t) => {
    const { page } = await openGroups(t, "#/groups/new");
    await page.locator("[data-testid=group-editor][data-id=new]").waitFor();
    await page.getByTestId("group-name").fill("کوهنوردان محله‌ی مرداویج");
    const rows = [
      "نام\tنام خانوادگی\tموبایل\tسال تولد",
      "سعید\tامینی\t09137778899\t1350",
      "ناهید\tامینی\t\t1352",
      "رامین\tامینی\t\t1375",
      "شیوا\tامینی\t\t1378",
      "پویا\tامینی\t\t1380",
      "سحر\tامینی\t\t1382",
      "تینا\tامینی\t\t1392",
    ];
    await paste(page.getByTestId("member-paste"), rows.join("\n"));
    await page.getByTestId("member-name-6").waitFor();
    assert.equal(await page.getByTestId("member-name-6").inputValue(), "تینا امینی", "first and last names joined");
    await page.getByTestId("group-save").click();
    await page.getByTestId("group-saved").waitFor();
    await page.locator("[data-testid=group-editor][data-id='7']").waitFor();

    await page.getByTestId("register-tour").selectOption(TODAY_TOUR);
    await page.getByTestId("register-preview").waitFor();
    assert.equal(await text(page.getByTestId("register-free")), "۶");
    assert.equal(await text(page.getByTestId("register-size")), "۷");
    assert.equal(await text(page.getByTestId("register-outcome-preview")), "گروه جا نمی‌شود و در فهرست انتظار می‌ماند، نفر ۲.");
    const ineligible = await text(page.getByTestId("register-ineligible"));
    assert.match(ineligible, /تینا امینی: در روز تور ۱۳ ساله است؛ «ایستگاه زینبیه، خط ۲ مترو» حداقل ۱۶ سال می‌خواهد/);
    assert.ok(await page.getByTestId("register-submit").isDisabled(), "a reason is needed first");
    await page.getByTestId("register-reason").fill("با پدر و مادرش، هماهنگ با مسئول سایت");
    await page.getByTestId("register-submit").click();

    const result = page.getByTestId("register-result");
    await result.waitFor();
    assert.equal(await result.getAttribute("data-state"), "waitlisted");
    await page.waitForFunction(() => /نفر ۲/.test(document.querySelector("[data-testid=register-result]")?.textContent ?? ""));
    assert.equal(await text(result), "در فهرست انتظار تور یکشنبه ۸ آذر ۱۴۰۵، ۰۸:۰۰، نفر ۲");
    const reg = page.getByTestId("group-registration");
    await reg.waitFor();
    assert.equal(await reg.getAttribute("data-state"), "waitlisted");
    assert.match(await text(reg.getByTestId("registration-state")), /در فهرست انتظار \| نفر ۲/);
    assert.match(await text(reg.getByTestId("registration-code")), /^GRD-5-[0-9A-Z]{6}$/);
    await page.getByTestId("register-already").waitFor();
    assert.ok(await page.getByTestId("register-submit").isDisabled(), "not twice on the same tour");
    await expectRows(page, [7, 6, 5, 4, 3, 2, 1]);
    assert.equal(await page.locator("[data-testid=group-row][data-id='7'] [data-testid=group-row-state]").getAttribute("data-state"), "waitlisted");
  });

  test("cancelling a confirmed group, with a reason, moves the earliest waiting group that fits up, and says so", async (t) => {
    const { page } = await openGroup(t, 2);
    const reg = page.getByTestId("group-registration");
    await reg.waitFor();
    assert.equal(await reg.getAttribute("data-state"), "confirmed");
    await reg.getByTestId("registration-cancel").click();
    await page.getByTestId("cancel-dialog").waitFor();
    await page.getByTestId("cancel-reason").fill("جلسه‌ی هیئت امنا به همان روز افتاد");
    await page.getByTestId("confirm-ok").click();

    const notice = page.getByTestId("promoted-notice");
    await notice.waitFor();
    assert.match(plain(await text(notice)), /«خانواده‌ی کاظمی» از فهرست انتظار به تأییدشده رفت \(تور یکشنبه ۸ آذر ۱۴۰۵، ۰۸:۰۰، ۷ صندلی\)/);
    await page.locator("[data-testid=group-registration][data-state=cancelled]").waitFor();
    assert.equal(await reg.getByTestId("registration-cancel").count(), 0, "a cancelled registration cannot be cancelled again");
    await page.locator("[data-testid=group-row][data-id='3'] [data-testid=group-row-state][data-state=confirmed]").waitFor();

    await reg.getByTestId("registration-history").click();
    await page.getByTestId("registration-events").waitFor();
    const events = await page.getByTestId("registration-event").allInnerTexts();
    assert.equal(events.length, 2);
    assert.match(events[1], /تأییدشده ← لغوشده/);
    assert.match(events[1], /جلسه‌ی هیئت امنا به همان روز افتاد/);
    assert.match(events[0], /۱۴۰۵\/۰۹\/۰۸ ۰۹:/);
  });

  test("releasing seats promotes the family; a move goes to another open tour; both recorded", async (t) => {
    const { page } = await openGroup(t, 1);
    const reg = page.getByTestId("group-registration");
    await reg.waitFor();
    await reg.getByTestId("registration-release").click();
    await page.getByTestId("release-dialog").waitFor();
    await page.getByTestId("release-seats").fill("8");
    assert.ok(await page.getByTestId("confirm-ok").isDisabled(), "not every seat: that is a cancellation");
    await page.getByTestId("release-seats").fill("۳");
    await page.getByTestId("release-reason").fill("سه دانش‌آموز بیمار شدند");
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("promoted-notice").waitFor();
    assert.match(plain(await text(page.getByTestId("promoted-notice"))), /«خانواده‌ی کاظمی»/);
    assert.match(await text(page.getByTestId("registration-notice")), /۳ صندلی آزاد شد؛ ثبت‌نام اکنون ۵ صندلی دارد/);
    await page.waitForFunction(() => /۵ صندلی/.test(document.querySelector("[data-testid=registration-seats]")?.textContent ?? ""));

    await reg.getByTestId("registration-move").click();
    await page.getByTestId("move-dialog").waitFor();
    await page.getByTestId("move-tour").selectOption(LATER_TOUR);
    await page.getByTestId("move-preview").waitFor();
    assert.match(await text(page.getByTestId("move-preview")), /۲۰ صندلی خالی — گروه همین حالا تأیید می‌شود/);
    await page.getByTestId("move-reason").fill("امتحانات مدرسه");
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("move-dialog").waitFor({ state: "detached" });
    assert.match(await text(page.getByTestId("registration-notice")), /گروه به تور دوشنبه ۲۳ آذر ۱۴۰۵، ۰۹:۰۰ رفت و تأیید شد/);
    const states = await page.getByTestId("group-registration").evaluateAll((rows) => rows.map((r) => r.dataset.state));
    assert.deepEqual(states, ["confirmed", "cancelled"], "the new tour first (later), the old one cancelled");
  });

  test("waiting for any tour between two dates (typed in Solar Hijri or as Gregorian ISO): placed at once when a tour has room, else waiting", async (t) => {
    const { page } = await openGroup(t, 6);
    await page.getByTestId("wait-from").fill("۱۴۰۵/۱۰/۰۱");
    await page.getByTestId("wait-from").press("Enter");
    await page.getByTestId("wait-to").fill("2027-01-10"); // a Gregorian date, typed year first, is taken too
    await page.getByTestId("wait-to").press("Enter");
    await page.getByTestId("wait-submit").click();
    const result = page.getByTestId("wait-result");
    await result.waitFor();
    assert.equal(await result.getAttribute("data-state"), "waiting");
    assert.equal(await text(result), "منتظر توری از ۱ دی ۱۴۰۵ تا ۲۰ دی ۱۴۰۵");
    await page.locator("[data-testid=group-row][data-id='6'] [data-testid=group-row-waiting]").waitFor();
    const wait = page.getByTestId("group-wait");
    await wait.waitFor();
    await wait.getByTestId("wait-cancel").click();
    await page.getByTestId("wait-cancel-reason").fill("تاریخ را عوض کردند");
    await page.getByTestId("confirm-ok").click();
    await page.locator("[data-testid=group-wait][data-state=cancelled]").waitFor();

    await page.getByTestId("wait-from").fill("۱۴۰۵/۰۹/۰۸");
    await page.getByTestId("wait-from").press("Enter");
    await page.getByTestId("wait-to").fill("۱۴۰۵/۰۹/۲۰");
    await page.getByTestId("wait-to").press("Enter");
    await page.getByTestId("wait-submit").click();
    await page.locator("[data-testid=wait-result][data-state=placed]").waitFor();
    assert.match(await text(page.getByTestId("wait-result")), /^جا گرفت: تور یکشنبه ۸ آذر ۱۴۰۵، ۰۸:۰۰، کد GRD-\d+-/);
    await page.locator("[data-testid=group-registration][data-state=confirmed]").waitFor();
  });
});

// ---- the roster --------------------------------------------------------------------------

describe("a tour's passenger list", () => {
  test("seats, confirmed groups, the waiting list in order; reordering asks why; a group opens on the groups page", async (t) => {
    const app = await openApp(t, "#/groups");
    const { page } = app;
    await page.getByTestId("group-row").first().waitFor();
    // A second waiting group behind the family.
    const { group } = await ipc(page, "group_create", {
      input: {
        name: "گروه هشت‌نفره",
        kind: "other",
        channel: "sms",
        preferredFrom: null,
        preferredTo: null,
        preferredSites: [],
        notes: "",
        members: Array.from({ length: 8 }, (_, i) => ({
          id: null,
          fullName: `عضو ${i + 1}`,
          nationalId: "",
          mobile: i === 0 ? "09139990000" : "",
          birthYear: 1370,
          stepFree: false,
          ppeSizes: "",
          isLeader: i === 0,
          duplicateReason: "",
        })),
      },
    });
    await ipc(page, "registration_register", { group: group.id, tour: 90002, reason: "" });

    await page.evaluate(() => (window.location.hash = "#/tours/90002"));
    const roster = page.getByTestId("tour-roster");
    await roster.waitFor();
    await roster.getByTestId("roster-line").first().waitFor();
    assert.equal(await text(roster.getByTestId("roster-capacity")), "۲۰");
    assert.equal(await text(roster.getByTestId("roster-free")), "۶");
    assert.equal(await text(roster.getByTestId("roster-waiting")), "۲ گروه (۱۵ نفر)");
    const lines = () => roster.getByTestId("roster-line").evaluateAll((els) => els.map((e) => [e.querySelector("bdi")?.textContent, e.dataset.state]));
    assert.deepEqual(await lines(), [
      [SCHOOL, "confirmed"],
      ["هیئت امنای مسجد سید", "confirmed"],
      [FAMILY, "waitlisted"],
      ["گروه هشت‌نفره", "waitlisted"],
    ]);
    const waiting = roster.locator("[data-testid=roster-line][data-state=waitlisted]");
    assert.ok(await waiting.first().getByTestId("roster-up").isDisabled(), "the first cannot go up");
    await waiting.nth(1).getByTestId("roster-up").click();
    await page.getByTestId("roster-dialog").waitFor();
    assert.ok(await page.getByTestId("confirm-ok").isDisabled(), "a reason is needed");
    await page.getByTestId("roster-reason").fill("گروه از راه دور می‌آید");
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("roster-notice").waitFor();
    assert.deepEqual((await lines()).slice(2), [
      ["گروه هشت‌نفره", "waitlisted"],
      [FAMILY, "waitlisted"],
    ]);
    await assertNothingClipped(page, "the roster");

    await roster.locator("[data-testid=roster-line][data-state=waitlisted]").nth(1).getByTestId("roster-group").click();
    await page.locator("[data-testid=group-editor][data-id='3']").waitFor();
    assert.equal(new URL(page.url()).hash, "#/groups/3");
  });
});

// ---- languages and the screenshot ------------------------------------------------------------

describe("languages and layout", () => {
  test("English labels, left to right, at once; problems and previews in English too", async (t) => {
    const { page } = await openGroup(t, 3);
    await page.getByTestId("register-tour").selectOption(LATER_TOUR);
    await page.getByTestId("register-outcome-preview").waitFor();
    await page.getByTestId("member-nid-1").fill("1111111111");
    await page.getByTestId("member-error-1").waitFor();

    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal((await html(page)).dir, "ltr");
    assert.equal(await text(page.locator("[data-testid=page-groups] h1")), "Groups");
    assert.equal(await text(page.getByTestId("group-save")), "Save changes");
    assert.equal(await text(page.getByTestId("group-new")), "New group");
    assert.equal(await text(page.getByTestId("member-error-1")), "a national ID of one repeated digit is not valid");
    assert.equal(await text(page.getByTestId("register-outcome-preview")), "The group will be confirmed now.");
    assert.equal(await text(page.getByTestId("register-free")), "20");
    assert.equal(await text(page.locator("[data-testid=group-row][data-id='3'] [data-testid=group-row-state]")), "Waiting list | 1405/09/08");
    assert.match(await text(page.getByTestId("group-registration")), /Sunday 8 Azar 1405, 08:00/);
    assert.equal(await page.getByTestId("member-nid-0").inputValue(), "۲۴۵۲۶۴۷۰۴۷", "typed values are kept as they are");
    const kinds = await page.getByTestId("groups-filter-kind").locator("option").allInnerTexts();
    assert.deepEqual(kinds, ["All", "Neighbourhood", "School", "University", "Mosque", "NGO", "Family", "Other"]);
    const headings = await page.locator("[data-testid=page-groups] h2, [data-testid=page-groups] h3").allInnerTexts();
    for (const h of headings.filter((x) => !x.includes("کاظمی"))) assert.doesNotMatch(h, /[\u0600-\u06FF]/, `an English heading: ${h}`);

    // Left to right: the list is at the left now.
    const list = await page.getByTestId("groups-search").boundingBox();
    const editor = await page.getByTestId("group-editor").boundingBox();
    assert.ok(list.x + list.width < editor.x + 1, "the list is at the left, before the editor");
    await assertNoHorizontalOverflow(page, "groups in English");
    await assertNothingClipped(page, "groups in English");
    await shot(page, "groups-en");
  });

  test("the groups page with a group open, at 1280×800, for the docs", async (t) => {
    const { page } = await openGroup(t, 3);
    await page.getByTestId("group-registration").waitFor();
    await page.getByTestId("member-nid-4").fill("۸۷۱۱۱۶۲۸۸۱");
    await page.getByTestId("member-error-4").waitFor();
    await page.evaluate(() => document.activeElement?.blur());
    await page.locator("main").evaluate((m) => m.scrollTo({ top: 0 }));
    await assertNoHorizontalOverflow(page, "groups with a group open");
    await assertNothingClipped(page, "groups with a group open");
    await shot(page, "groups-fa");
    copyFileSync(path.join(OUT_DIR, "groups-fa.png"), DOCS_SCREENSHOT);
  });
});
