// Check-in on the day of a tour, in Chromium against the mock backend: the
// scan field keeps the focus, a code typed (as a USB scanner types it) and
// Enter checks the group in at once, the field is emptied and the outcome
// announced; mistyped codes and other tours' codes are refused with the
// reason; members are ticked with the keyboard; undo, walk-ins and closing
// the departure; another day rehearsed; English; the layout at 1280×800.
//
// The mock's today is Sunday 8 Azar 1405. Today's open tour 90002 (08:00,
// 20 seats) holds the school (registration 1, 8 members) and the mosque's
// trustees (registration 2, 6); the Kazemi family (3) waits; the NGO (4) is
// confirmed on 90010, 23 Azar.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, assertNoHorizontalOverflow, focused, goTo, html, ipc, openApp, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS_SCREENSHOT = path.resolve(UI_DIR, "..", "docs", "screenshot-checkin.png");
const TODAY_TOUR = "90002";
const SCHOOL = "دبیرستان دخترانه‌ی فرزانگان ۲";
const MOSQUE = "هیئت امنای مسجد سید";
const UNIVERSITY = "کانون دانشجویی مهندسی عمران و معماری دانشگاه صنعتی اصفهان، ورودی‌های ۱۴۰۲ و ۱۴۰۳";

const text = async (locator) => (await locator.innerText()).trim();
const plain = (value) => value.replace(/[\u2066-\u2069]/g, "").trim();

/** The confirmation codes of the seeded registrations, as printed. */
async function codes(page) {
  const sheet = await ipc(page, "checkin_sheet", { tour: Number(TODAY_TOUR) });
  const ngo = await ipc(page, "group_get", { id: 4 });
  return { school: sheet.groups[0].registration.code, mosque: sheet.groups[1].registration.code, ngo: ngo.registrations[0].registration.code };
}

async function openCheckin(t, hash = "#/checkin", options) {
  const app = await openApp(t, hash, options);
  await app.page.getByTestId("page-checkin").waitFor();
  await app.page.getByTestId("checkin-group").first().waitFor();
  return app;
}

const group = (page, id) => page.locator(`[data-testid=checkin-group][data-id='${id}']`);

async function scanFocusedAndEmpty(page, where) {
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "checkin-scan", null, { timeout: 3000 }).catch(() => {});
  assert.equal(await focused(page), "checkin-scan", `${where}: the scan field has the focus`);
  assert.equal(await page.getByTestId("checkin-scan").inputValue(), "", `${where}: the scan field is empty again`);
}

async function assertNothingClipped(page, where) {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=checkin-group], [data-testid=checkin-member], [data-testid=checkin-result], [data-testid=checkin-progress], .card")]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.dataset.testid ?? el.className),
  );
  assert.deepEqual(clipped, [], `${where}: nothing overflows its box sideways`);
}

describe("scanning", () => {
  test("today's open tour is picked and the scan field has the focus; a code typed with Enter checks the group in, no mouse", async (t) => {
    const { page } = await openCheckin(t);
    assert.equal(await page.getByTestId("checkin-tour").inputValue(), TODAY_TOUR, "today's open tour first");
    assert.equal(new URL(page.url()).hash, "#/checkin", "today's default tour leaves the address alone");
    const options = await page.getByTestId("checkin-tour").locator("option").evaluateAll((o) => o.map((x) => x.value));
    assert.deepEqual(options, [TODAY_TOUR, "90003"], "the open tour before today's draft");
    await scanFocusedAndEmpty(page, "on arrival");
    assert.equal(await page.getByTestId("checkin-progress").getAttribute("data-present"), "0");

    const { school } = await codes(page);
    // As a scanner types it: lower case, then Enter.
    await page.keyboard.type(school.toLowerCase());
    await page.keyboard.press("Enter");
    const result = page.getByTestId("checkin-result");
    await result.waitFor();
    assert.match(plain(await text(result)), new RegExp(`${SCHOOL}: ۸ نفر از ۸ نفر حاضر`));
    await scanFocusedAndEmpty(page, "after a scan");
    assert.equal(await group(page, 1).getAttribute("data-present"), "8");
    assert.equal(await group(page, 1).getAttribute("data-state"), "attended");
    assert.equal(await page.getByTestId("checkin-progress").getAttribute("data-present"), "8");
    assert.match(await text(page.getByTestId("checkin-progress")), /۸/);
    assert.equal(await page.getByTestId("checkin-error").count(), 0, "no error after a good scan");
    const live = await result.evaluate((el) => el.closest("[aria-live]")?.getAttribute("aria-live"));
    assert.equal(live, "polite", "the outcome is announced");

    // The same code again: already checked in, nothing changed.
    await page.keyboard.type(school);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-result]")?.dataset.already === "true");
    assert.match(await text(result), /پیش‌تر پذیرش شده بود؛ چیزی تغییر نکرد/);
    await scanFocusedAndEmpty(page, "after a second scan");
  });

  test("a mistyped code, a forged one and another tour's code are refused with the reason; the field is ready again", async (t) => {
    const { page } = await openCheckin(t);
    const { school, ngo, mosque } = await codes(page);
    const typo = school.slice(0, -1) + (school.endsWith("A") ? "B" : "A");
    await page.keyboard.type(typo);
    await page.keyboard.press("Enter");
    const error = page.getByTestId("checkin-error");
    await error.waitFor();
    const said = plain(await text(error));
    assert.match(said, new RegExp(`کد «${typo}» پذیرفته نشد`));
    assert.match(said, /کد ثبت‌نام درست نیست: یا اشتباه تایپ شده یا از این برنامه نیست/);
    assert.equal(await error.getAttribute("role"), "alert");
    await scanFocusedAndEmpty(page, "after a refusal");
    assert.equal(await page.getByTestId("checkin-result").count(), 0, "nothing was checked in");

    await page.keyboard.type("GRD12");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /شکل درستی ندارد/.test(document.querySelector("[data-testid=checkin-error]")?.innerText ?? ""));

    await page.keyboard.type(ngo);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /تور دیگری است/.test(document.querySelector("[data-testid=checkin-error]")?.innerText ?? ""));
    assert.match(plain(await text(error)), /این کد برای تور دیگری است: دوشنبه ۲۳ آذر ۱۴۰۵ ساعت ۰۹:۰۰/);
    assert.equal(await error.getAttribute("data-code"), "conflict");
    await scanFocusedAndEmpty(page, "after another tour's code");

    // A good scan clears the error.
    await page.keyboard.type(mosque);
    await page.keyboard.press("Enter");
    await page.getByTestId("checkin-result").waitFor();
    await page.waitForFunction(() => !document.querySelector("[data-testid=checkin-error]"));
    assert.match(await text(page.getByTestId("checkin-result")), new RegExp(MOSQUE));
  });

  test("keys typed while a tick button has the focus go into the scan field; two quick scans are both handled, in order", async (t) => {
    const { page } = await openCheckin(t);
    const { school, mosque } = await codes(page);
    await group(page, 2).getByTestId("checkin-present").first().focus();
    assert.equal(await focused(page), "checkin-present");
    await page.keyboard.type(school);
    await page.keyboard.press("Enter");
    await page.keyboard.type(mosque);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-progress]")?.dataset.present === "14");
    assert.match(await text(page.getByTestId("checkin-result")), new RegExp(MOSQUE), "the last scan is shown last");
    await scanFocusedAndEmpty(page, "after scanning from a button");
  });
});

describe("the roster", () => {
  test("members are ticked present or absent with the keyboard; pressing the mark again clears it; badges for the leader", async (t) => {
    const { page } = await openCheckin(t);
    const school = group(page, 1);
    const first = school.getByTestId("checkin-member").first();
    assert.match(await text(first), /مریم صادقی/);
    assert.match(await text(first), /سرگروه/, "the leader is marked");
    assert.equal(await first.getAttribute("data-present"), "");

    const present = first.getByTestId("checkin-present");
    await present.focus();
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-member]")?.dataset.present === "true");
    assert.equal(await present.getAttribute("aria-pressed"), "true");
    assert.equal(await school.getAttribute("data-present"), "1");
    assert.match(await text(school), /۱ از ۸ حاضر/);

    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-member]")?.dataset.present === "");
    assert.equal(await school.getAttribute("data-present"), "0");

    await page.keyboard.press("Tab");
    assert.equal(await focused(page), "checkin-absent");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-member]")?.dataset.present === "false");
    assert.equal(await first.getByTestId("checkin-absent").getAttribute("aria-pressed"), "true");

    const second = school.getByTestId("checkin-member").nth(1);
    await second.getByTestId("checkin-present").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=checkin-member]")[1]?.dataset.present === "true");
    assert.equal(await page.getByTestId("checkin-progress").getAttribute("data-present"), "1");
  });

  test("undo asks first, then clears the group's marks", async (t) => {
    const { page } = await openCheckin(t);
    const { school } = await codes(page);
    assert.ok(await group(page, 1).getByTestId("checkin-undo").isDisabled(), "nothing to undo yet");
    await page.keyboard.type(school);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-group][data-id='1']")?.dataset.present === "8");

    await group(page, 1).getByTestId("checkin-undo").click();
    const dialog = page.getByTestId("confirm-dialog");
    await dialog.waitFor();
    assert.match(plain(await text(dialog)), new RegExp(`پذیرش «${SCHOOL}» برگردانده شود؟`));
    await page.getByTestId("confirm-cancel").click();
    assert.equal(await group(page, 1).getAttribute("data-present"), "8", "cancel changes nothing");

    await group(page, 1).getByTestId("checkin-undo").click();
    await page.getByTestId("confirm-ok").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-group][data-id='1']")?.dataset.present === "0");
    assert.equal(await group(page, 1).getAttribute("data-state"), "confirmed");
    assert.equal(await page.getByTestId("checkin-progress").getAttribute("data-present"), "0");
  });

  test("a walk-in needs a name and a reason, takes a free seat and is checked in with a badge", async (t) => {
    const { page } = await openCheckin(t);
    await group(page, 2).getByTestId("checkin-walkin").click();
    const dialog = page.getByTestId("walkin-dialog");
    await dialog.waitFor();
    assert.equal(await focused(page), "walkin-name", "the name field has the focus");
    assert.ok(await page.getByTestId("confirm-ok").isDisabled(), "a name and a reason are needed");
    await page.getByTestId("walkin-name").fill("سعید مرادی");
    await page.getByTestId("walkin-birth").fill("۱۳۷۰");
    await page.getByTestId("walkin-mobile").fill("۰۹۱۳ ۲۲۲ ۳۳۴۴");
    assert.ok(await page.getByTestId("confirm-ok").isDisabled(), "the reason is needed");
    await page.getByTestId("walkin-reason").fill("پسر یکی از اعضا، با رضایت سرگروه");
    await page.getByTestId("confirm-ok").click();
    await dialog.waitFor({ state: "detached" });

    const added = group(page, 2).locator("[data-testid=checkin-member]", { hasText: "سعید مرادی" });
    await added.waitFor();
    assert.equal(await added.getAttribute("data-present"), "true");
    assert.match(await text(added), /همراه تازه/);
    assert.equal(await group(page, 2).getAttribute("data-present"), "1");
    assert.match(await text(group(page, 2)), /۱ از ۷ حاضر/, "one more seat");
    assert.equal(await page.getByTestId("checkin-progress").getAttribute("data-expected"), "15");
    assert.match(plain(await text(page.getByTestId("checkin-notice"))), /سعید مرادی به «هیئت امنای مسجد سید» افزوده و حاضر ثبت شد/);
  });

  test("closing the departure asks first, then marks no-shows and absentees and says how many", async (t) => {
    const { page } = await openCheckin(t);
    await group(page, 1).getByTestId("checkin-member").first().getByTestId("checkin-present").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-group][data-id='1']")?.dataset.present === "1");
    await page.getByTestId("checkin-close").click();
    await page.getByTestId("confirm-dialog").waitFor();
    await page.getByTestId("confirm-ok").click();
    const departed = page.getByTestId("checkin-departed");
    await departed.waitFor();
    assert.equal(await text(departed), "حرکت بسته شد: ۱ گروه غایب و ۱۳ نفر غایب ثبت شد.");
    assert.equal(await group(page, 2).getAttribute("data-state"), "no_show");
    assert.deepEqual(
      await group(page, 2).getByTestId("checkin-member").evaluateAll((els) => [...new Set(els.map((e) => e.dataset.present))]),
      ["false"],
    );
  });
});

describe("other days, English and the layout", () => {
  test("another day can be rehearsed: its tours are listed, a note says it is not today and scans are refused", async (t) => {
    const { page } = await openCheckin(t);
    const { ngo } = await codes(page);
    const date = page.getByTestId("checkin-date");
    await date.fill("۱۴۰۵/۰۹/۲۳");
    await date.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-tour]")?.value === "90010");
    await page.getByTestId("checkin-not-today").waitFor();
    assert.match(await text(page.getByTestId("checkin-not-today")), /دوشنبه ۲۳ آذر ۱۴۰۵/);
    assert.equal(new URL(page.url()).hash, "#/checkin/90010");
    await page.getByTestId("checkin-scan").focus();
    await page.keyboard.type(ngo);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /نه امروز/.test(document.querySelector("[data-testid=checkin-error]")?.innerText ?? ""));

    // Choosing a tour hands the focus back to the scan field.
    await page.getByTestId("checkin-tour").focus();
    await page.getByTestId("checkin-tour").selectOption("90010");
    await scanFocusedAndEmpty(page, "after choosing a tour");

    await date.fill("1405/09/26");
    await date.press("Enter");
    await page.getByTestId("empty-state").waitFor();
    assert.match(await text(page.getByTestId("empty-state")), /در این روز توری نیست/);
  });

  test("the Dashboard's link opens a tour's check-in", async (t) => {
    const { page } = await openApp(t, "#/dashboard");
    const tour = page.locator(`[data-testid=dash-today-tour][data-id='${TODAY_TOUR}']`);
    await tour.waitFor();
    await tour.getByRole("link").click();
    await page.getByTestId("page-checkin").waitFor();
    await page.getByTestId("checkin-group").first().waitFor();
    assert.equal(await page.getByTestId("checkin-tour").inputValue(), TODAY_TOUR);
  });

  test("in English, left to right, refusals in English", async (t) => {
    const { page } = await openCheckin(t);
    await page.getByTestId("lang-toggle").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal((await html(page)).dir, "ltr");
    assert.equal(await text(page.locator("[data-testid=page-checkin] h1")), "Check-in");
    await page.getByTestId("checkin-scan").focus();
    await page.keyboard.type("GRD-1-AAAAAA");
    await page.keyboard.press("Enter");
    const error = page.getByTestId("checkin-error");
    await error.waitFor();
    const said = plain(await text(error));
    assert.match(said, /The code “GRD-1-AAAAAA” was refused/);
    assert.match(said, /the registration code does not check: mistyped, or not issued by this programme/);
    assert.doesNotMatch(said, /[\u0600-\u06FF]/, "no Persian in the English refusal");
    const { school } = await codes(page);
    await page.keyboard.type(school);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /8 of 8 present/.test(document.querySelector("[data-testid=checkin-result]")?.innerText ?? ""));
    assert.match(await text(group(page, 1)), /Leader/);
    await assertNoHorizontalOverflow(page, "check-in in English");
    await shot(page, "checkin-en");
  });

  test("at 1280×800 with a long group name: right to left, nothing overflowing (the docs' screenshot)", async (t) => {
    const { page } = await openApp(t, "#/dashboard");
    await page.getByTestId("today-jalali").waitFor();
    // The university club (4 members, a very long name) joins today's tour.
    await ipc(page, "registration_register", { group: 6, tour: Number(TODAY_TOUR), reason: "" });
    await goTo(page, "checkin");
    await page.locator("[data-testid=checkin-group][data-id='5']").waitFor();
    const { school } = await codes(page);
    await page.getByTestId("checkin-scan").focus();
    await page.keyboard.type(school);
    await page.keyboard.press("Enter");
    await page.getByTestId("checkin-result").waitFor();
    const mosque = group(page, 2).getByTestId("checkin-member");
    await mosque.nth(0).getByTestId("checkin-present").click();
    await mosque.nth(1).getByTestId("checkin-absent").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=checkin-group][data-id='2']")?.dataset.present === "1");
    assert.match(await text(page.locator("[data-testid=checkin-group][data-id='5'] h3")), new RegExp(UNIVERSITY.slice(0, 20)));

    assert.deepEqual(await html(page), { lang: "fa", dir: "rtl", title: "گردش — دور اصفهان در ۸۰ روز" });
    const scan = await page.getByTestId("checkin-scan").boundingBox();
    const progress = await page.getByTestId("checkin-progress").boundingBox();
    assert.ok(scan.x > progress.x, "the scan field is at the start (right), the progress beside it");
    await assertNoHorizontalOverflow(page, "check-in");
    await assertNothingClipped(page, "check-in");
    await page.getByTestId("checkin-scan").focus();
    await shot(page, "checkin-fa");
    copyFileSync(path.join(OUT_DIR, "checkin-fa.png"), DOCS_SCREENSHOT);
  });
});
