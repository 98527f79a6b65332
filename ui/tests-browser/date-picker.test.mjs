// The Solar Hijri date picker and the dashboard's date converter, in
// Chromium, in Persian (right to left) and English (left to right).
// The mock backend's today is Sunday 8 Azar 1405 = 2026-11-29.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUT_DIR, UI_DIR, VIEWPORT, WEEKDAYS, assertNoHorizontalOverflow, goTo, openApp, shot, useBrowser } from "./harness.mjs";

useBrowser();

const DOCS_SCREENSHOT = path.resolve(UI_DIR, "..", "docs", "screenshot-date-picker.png");

async function openConverter(t, hash = "#/dashboard", options) {
  const app = await openApp(t, hash, options);
  await app.page.getByTestId("date-converter").waitFor();
  return app;
}

async function switchToEnglish(page) {
  await page.getByTestId("lang-toggle").click();
  await page.waitForFunction(() => document.documentElement.dir === "ltr");
}

async function openGrid(page) {
  await page.getByTestId("date-picker-toggle").click();
  await page.getByTestId("date-picker-grid").waitFor();
}

/** The focused cell of the grid: its Gregorian date and where it is on screen. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el.tagName !== "TD") return null;
    const box = el.getBoundingClientRect();
    return { iso: el.dataset.iso, x: box.x, y: box.y, weekday: el.dataset.weekday };
  });
}

const monthTitle = async (page) => (await page.getByTestId("date-picker-month").innerText()).trim();

/** The popup's box must lie wholly inside the window. */
async function assertPopupInWindow(page, where) {
  const box = await page.getByTestId("date-picker-popup").boundingBox();
  assert.ok(box, `${where}: the popup is shown`);
  assert.ok(box.x >= 0 && box.y >= 0, `${where}: the popup starts inside the window (${JSON.stringify(box)})`);
  assert.ok(
    box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height,
    `${where}: the popup ends inside the window (${JSON.stringify(box)})`,
  );
}

describe("the date converter", () => {
  test("typing ۱۴۰۵/۱۰/۰۱ shows 2026-12-22, a Tuesday", async (t) => {
    const { page } = await openConverter(t);
    const input = page.getByTestId("date-picker-input");
    await input.fill("۱۴۰۵/۱۰/۰۱");
    await input.press("Enter");
    const gregorian = page.getByTestId("date-converter-gregorian");
    await gregorian.waitFor();
    assert.equal(await gregorian.getAttribute("datetime"), "2026-12-22");
    assert.match(await gregorian.innerText(), /۲۲ دسامبر ۲۰۲۶/);
    assert.match(await gregorian.innerText(), /2026-12-22/);
    assert.equal((await page.getByTestId("date-converter-weekday").innerText()).trim(), "سه‌شنبه");
    assert.equal(await page.getByTestId("date-converter-gregorian-input").inputValue(), "2026-12-22");
    assert.equal(await input.inputValue(), "۱۴۰۵/۱۰/۰۱", "the field shows the date as the UI writes it");
    assert.equal(await input.getAttribute("aria-invalid"), "false");
    await shot(page, "date-converter-fa");

    await switchToEnglish(page);
    assert.equal((await page.getByTestId("date-converter-weekday").innerText()).trim(), "Tuesday");
    assert.equal(await input.inputValue(), "1405/10/01", "the field follows the language");
    assert.match(await page.getByTestId("date-converter-jalali").innerText(), /1 Dey 1405/);
  });

  test("other digits and separators work too, and leaving the field commits it", async (t) => {
    const { page } = await openConverter(t);
    const input = page.getByTestId("date-picker-input");
    await input.fill("1405.9.8");
    await page.getByTestId("date-converter-gregorian-input").focus();
    assert.equal(await page.getByTestId("date-converter-gregorian").getAttribute("datetime"), "2026-11-29");
    await input.fill("٢٠/١/١٤٠٥");
    await input.press("Enter");
    await page.getByTestId("date-picker-error").waitFor();
    assert.match(await page.getByTestId("date-picker-error").innerText(), /چهاررقمی/, "a two-digit year is refused");
  });

  test("1404/12/30 is refused with the reason, in the UI's language", async (t) => {
    const { page } = await openConverter(t);
    const input = page.getByTestId("date-picker-input");
    await input.fill("1404/12/30");
    await input.press("Enter");
    const error = page.getByTestId("date-picker-error");
    await error.waitFor();
    assert.equal((await error.innerText()).trim(), "سال ۱۴۰۴ روز ۳۰ اسفند ندارد: ۱۴۰۴ کبیسه نیست");
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
    assert.ok(describedBy.split(" ").includes(await error.getAttribute("id")), "the field points at its error");
    assert.equal(await page.getByTestId("date-converter-gregorian").count(), 0, "no conversion for a refused date");
    assert.equal(await input.inputValue(), "1404/12/30", "the typed text stays for correcting");
    const textBox = await input.evaluate((el) => {
      const style = getComputedStyle(el);
      return { dir: style.direction, align: style.textAlign };
    });
    assert.deepEqual([textBox.dir, textBox.align], ["ltr", "end"], "a numeric date reads left to right, at the field's right side");
    await shot(page, "date-converter-refused-fa");

    await switchToEnglish(page);
    assert.equal((await error.innerText()).trim(), "1404 has no 30 Esfand: 1404 is not a leap year");
    await shot(page, "date-converter-refused-en");

    await input.fill("1403/12/30");
    await input.press("Enter");
    await page.getByTestId("date-converter-gregorian").waitFor();
    assert.equal(await page.getByTestId("date-picker-error").count(), 0, "a correction clears the reason");
    assert.equal(await page.getByTestId("date-converter-gregorian").getAttribute("datetime"), "2025-03-20");
  });

  test("a Gregorian date converts the other way, and a wrong one says why", async (t) => {
    const { page } = await openConverter(t);
    const gregorianInput = page.getByTestId("date-converter-gregorian-input");
    await gregorianInput.fill("2024-03-20");
    await gregorianInput.press("Enter");
    await page.getByTestId("date-converter-jalali").waitFor();
    assert.equal(await page.getByTestId("date-picker-input").inputValue(), "۱۴۰۳/۰۱/۰۱");
    assert.equal((await page.getByTestId("date-converter-weekday").innerText()).trim(), "چهارشنبه");
    assert.match(await page.getByTestId("date-converter-jalali").innerText(), /۱ فروردین ۱۴۰۳/);

    await gregorianInput.fill("2025-02-29");
    await gregorianInput.press("Enter");
    const error = page.getByTestId("date-converter-gregorian-error");
    await error.waitFor();
    assert.equal((await error.innerText()).trim(), "فوریه ۲۰۲۵ ۲۸ روز دارد؛ روز ۲۹ وجود ندارد");
    assert.equal(await page.getByTestId("date-picker-input").inputValue(), "", "the Solar Hijri side is cleared");
  });
});

describe("the picker's month grid", () => {
  test("opens on today: Saturday first, Friday marked as the weekend, today ringed (Persian screenshot)", async (t) => {
    const { page } = await openConverter(t);
    await openGrid(page);
    assert.equal(await monthTitle(page), "آذر ۱۴۰۵");
    const grid = page.getByTestId("date-picker-grid");
    assert.equal(await grid.getAttribute("role"), "grid");
    assert.ok(await grid.getAttribute("aria-labelledby"), "the grid is named by its month");
    const popup = page.getByTestId("date-picker-popup");
    assert.equal(await popup.getAttribute("role"), "dialog");
    assert.equal(await page.getByTestId("date-picker-toggle").getAttribute("aria-expanded"), "true");

    const headers = await grid.locator("th").evaluateAll((ths) =>
      ths.map((th) => ({ day: th.dataset.weekday, weekend: th.dataset.weekend, text: th.textContent.trim(), abbr: th.getAttribute("abbr") })),
    );
    assert.deepEqual(headers.map((h) => h.day), WEEKDAYS, "columns run Saturday to Friday");
    assert.deepEqual(headers.map((h) => h.text), ["ش", "ی", "د", "س", "چ", "پ", "ج"]);
    assert.equal(headers[0].abbr, "شنبه");
    assert.deepEqual(
      headers.filter((h) => h.weekend === "true").map((h) => h.day),
      ["friday"],
      "only Friday is the weekend by default",
    );
    const columnWeekdays = await grid.locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((td) => td.dataset.weekday ?? null)),
    );
    for (const row of columnWeekdays) {
      row.forEach((day, column) => day && assert.equal(day, WEEKDAYS[column], "each cell sits under its weekday"));
    }
    const fridays = await grid.locator("td[data-weekday=friday]").evaluateAll((tds) =>
      tds.map((td) => ({ weekend: td.dataset.weekend, day: td.querySelector(".day").textContent })),
    );
    assert.deepEqual(fridays.map((f) => f.weekend), fridays.map(() => "true"));
    assert.deepEqual(fridays.map((f) => f.day), ["۶", "۱۳", "۲۰", "۲۷"], "the Fridays of Azar 1405");
    const fridayColour = await grid.locator("td[data-weekday=friday] .day").first().evaluate((el) => getComputedStyle(el).color);
    const sundayColour = await grid.locator("td[data-weekday=sunday] .day").first().evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(fridayColour, sundayColour, "Fridays look different");

    const today = grid.locator("td[aria-current=date]");
    assert.equal(await today.count(), 1);
    assert.equal(await today.getAttribute("data-iso"), "2026-11-29", "today comes from the core's clock");
    assert.match((await today.getAttribute("aria-label")) ?? "", /یکشنبه ۸ آذر ۱۴۰۵، ۲۹ نوامبر ۲۰۲۶، امروز/);
    assert.equal((await focused(page))?.iso, "2026-11-29", "focus starts on today");
    assert.equal(await today.locator(".gregorian").innerText(), "29", "the Gregorian day is shown small");

    await assertPopupInWindow(page, "fa");
    await assertNoHorizontalOverflow(page, "fa, grid open");
    // The first day of Azar sits in the right-most occupied column of the first row: right to left.
    const first = await grid.locator("td[data-iso='2026-11-22']").boundingBox();
    const second = await grid.locator("td[data-iso='2026-11-23']").boundingBox();
    assert.ok(first.x > second.x, "in Persian the days run from right to left");

    await shot(page, "date-picker-fa");
  });

  test("a chosen day, today and the weekend together, with the conversion beside (the docs screenshot)", async (t) => {
    const { page } = await openConverter(t);
    const input = page.getByTestId("date-picker-input");
    await input.fill("۱۴۰۵/۰۹/۱۸");
    await input.press("Enter");
    assert.equal(await page.getByTestId("date-converter-gregorian").getAttribute("datetime"), "2026-12-09");
    assert.equal((await page.getByTestId("date-converter-weekday").innerText()).trim(), "چهارشنبه");
    await openGrid(page);
    assert.equal(await page.locator("td[aria-selected=true]").getAttribute("data-iso"), "2026-12-09");
    assert.equal(await page.locator("td[aria-current=date]").getAttribute("data-iso"), "2026-11-29");
    assert.equal((await focused(page))?.iso, "2026-12-09", "the grid opens on the chosen day");
    await assertPopupInWindow(page, "fa, chosen day");
    // Neither the result nor the field is hidden under the grid.
    const popupBox = await page.getByTestId("date-picker-popup").boundingBox();
    for (const id of ["date-converter-result", "date-picker-input"]) {
      const box = await page.getByTestId(id).boundingBox();
      const overlaps =
        box.x < popupBox.x + popupBox.width &&
        popupBox.x < box.x + box.width &&
        box.y < popupBox.y + popupBox.height &&
        popupBox.y < box.y + box.height;
      assert.ok(!overlaps, `the grid does not cover ${id}`);
    }
    await shot(page, "date-picker-chosen-fa");
    copyFileSync(path.join(OUT_DIR, "date-picker-chosen-fa.png"), DOCS_SCREENSHOT);
  });

  test("in Persian the arrows follow the screen: right goes back a day, left forward", async (t) => {
    const { page } = await openConverter(t);
    await openGrid(page);
    const start = await focused(page);
    assert.equal(start.iso, "2026-11-29");

    await page.keyboard.press("ArrowRight");
    const right = await focused(page);
    assert.equal(right.iso, "2026-11-28", "→ is the previous day in Persian");
    assert.ok(right.x > start.x, "and it is the cell to the right");

    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    const left = await focused(page);
    assert.equal(left.iso, "2026-11-30", "← is the next day in Persian");
    assert.ok(left.x < start.x, "and it is the cell to the left");

    await page.keyboard.press("ArrowDown");
    assert.equal((await focused(page)).iso, "2026-12-07", "↓ is a week later");
    await page.keyboard.press("ArrowUp");
    assert.equal((await focused(page)).iso, "2026-11-30", "↑ is a week earlier");

    await page.keyboard.press("Home");
    let day = await focused(page);
    assert.equal(day.weekday, "saturday", "Home goes to the week's Saturday");
    assert.equal(day.iso, "2026-11-28");
    await page.keyboard.press("End");
    day = await focused(page);
    assert.equal(day.weekday, "friday", "End goes to the week's Friday");
    assert.equal(day.iso, "2026-12-04");

    await page.keyboard.press("PageDown");
    assert.equal(await monthTitle(page), "دی ۱۴۰۵", "PageDown shows the next month");
    assert.equal((await focused(page)).iso, "2027-01-03", "13 Dey, the same day of the month");
    await page.keyboard.press("PageUp");
    await page.keyboard.press("PageUp");
    assert.equal(await monthTitle(page), "آبان ۱۴۰۵");
    await page.keyboard.press("Shift+PageDown");
    assert.equal(await monthTitle(page), "آبان ۱۴۰۶", "Shift+PageDown moves a year");

    // Crossing into the previous month by arrow shows that month.
    await page.keyboard.press("Shift+PageUp");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("Home");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowUp");
    assert.equal(await monthTitle(page), "آبان ۱۴۰۵");

    await page.keyboard.press("Enter");
    await page.getByTestId("date-picker-popup").waitFor({ state: "detached" });
    const chosen = await page.getByTestId("date-converter-gregorian").getAttribute("datetime");
    assert.equal(chosen, "2026-11-07", "Enter chooses the focused day");
    assert.equal(await page.getByTestId("date-picker-input").inputValue(), "۱۴۰۵/۰۸/۱۶");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "date-picker-input", "focus returns to the field");
  });

  test("in English the arrows run left to right", async (t) => {
    const { page } = await openConverter(t);
    await switchToEnglish(page);
    await openGrid(page);
    assert.equal(await monthTitle(page), "Azar 1405");
    const headers = await page.getByTestId("date-picker-grid").locator("th").allInnerTexts();
    assert.deepEqual(headers.map((h) => h.trim()), ["Sa", "Su", "Mo", "Tu", "We", "Th", "Fr"]);
    const start = await focused(page);
    await page.keyboard.press("ArrowRight");
    const right = await focused(page);
    assert.equal(right.iso, "2026-11-30", "→ is the next day in English");
    assert.ok(right.x > start.x, "and it is the cell to the right");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    const left = await focused(page);
    assert.equal(left.iso, "2026-11-28");
    assert.ok(left.x < start.x);
    const first = await page.locator("td[data-iso='2026-11-22']").boundingBox();
    const second = await page.locator("td[data-iso='2026-11-23']").boundingBox();
    assert.ok(first.x < second.x, "in English the days run from left to right");
    await assertPopupInWindow(page, "en");
    await assertNoHorizontalOverflow(page, "en, grid open");
    await shot(page, "date-picker-en");

    await page.keyboard.press("Escape");
    await page.getByTestId("date-picker-popup").waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "date-picker-input", "Escape returns focus to the field");
    assert.equal(await page.getByTestId("date-converter-gregorian").count(), 0, "Escape chooses nothing");
  });

  test("the buttons move by month and year, and Today chooses the core's today", async (t) => {
    const { page } = await openConverter(t);
    await openGrid(page);
    await page.getByTestId("date-picker-next-month").click();
    assert.equal(await monthTitle(page), "دی ۱۴۰۵");
    await page.getByTestId("date-picker-next-year").click();
    assert.equal(await monthTitle(page), "دی ۱۴۰۶");
    await page.getByTestId("date-picker-prev-year").click();
    await page.getByTestId("date-picker-prev-month").click();
    await page.getByTestId("date-picker-prev-month").click();
    assert.equal(await monthTitle(page), "آبان ۱۴۰۵");
    await page.getByTestId("date-picker-today").click();
    await page.getByTestId("date-picker-popup").waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("date-converter-gregorian").getAttribute("datetime"), "2026-11-29");
    assert.equal(await page.getByTestId("date-picker-input").inputValue(), "۱۴۰۵/۰۹/۰۸");
  });

  test("a click chooses a day; a click elsewhere closes the grid", async (t) => {
    const { page } = await openConverter(t);
    await openGrid(page);
    await page.locator("td[data-iso='2026-12-01']").click();
    await page.getByTestId("date-picker-popup").waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("date-converter-gregorian").getAttribute("datetime"), "2026-12-01");
    await openGrid(page);
    assert.equal((await focused(page)).iso, "2026-12-01", "the grid reopens on the chosen day");
    assert.equal(await page.locator("td[aria-selected=true]").getAttribute("data-iso"), "2026-12-01");
    await page.getByTestId("dashboard-greeting").click();
    await page.getByTestId("date-picker-popup").waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("date-picker-toggle").getAttribute("aria-expanded"), "false");
  });

  test("Tab moves through the grid's controls, and leaving the picker closes it", async (t) => {
    const { page } = await openConverter(t);
    await openGrid(page);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "date-picker-today");
    await page.keyboard.press("Tab");
    await page.getByTestId("date-picker-popup").waitFor({ state: "detached" });
  });

  test("the weekend days follow the settings", async (t) => {
    const { page } = await openApp(t, "#/settings");
    await page.getByTestId("settings-weekend-thursday").check();
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-saved").waitFor();
    await goTo(page, "dashboard");
    await openGrid(page);
    const weekend = await page
      .getByTestId("date-picker-grid")
      .locator("th[data-weekend=true]")
      .evaluateAll((ths) => ths.map((th) => th.dataset.weekday));
    assert.deepEqual(weekend, ["thursday", "friday"]);
  });

  test("with a failing status read, the converter still works on the local clock", async (t) => {
    const { page } = await openConverter(t, "#/dashboard", { fail: "app_status:database_io" });
    await page.getByTestId("dashboard-error").waitFor();
    const input = page.getByTestId("date-picker-input");
    await input.fill("۱۴۰۵/۱۰/۰۱");
    await input.press("Enter");
    assert.equal(await page.getByTestId("date-converter-gregorian").getAttribute("datetime"), "2026-12-22");
    await openGrid(page);
    assert.equal(await page.locator("td[aria-current=date]").count() <= 1, true);
    const calls = await page.evaluate(() => window.__ipcCalls.filter((c) => c.cmd === "app_status").length);
    assert.equal(calls, 1, "the picker does not ask for the status again");
  });

  test("every word in the converter and the grid comes from the catalogues", async (t) => {
    const { page } = await openConverter(t, "?locale=keys#/dashboard");
    const stray = (text) => text.replace(/⟦[^⟧]*⟧/g, "").replace(/[\s\d:–]/g, "");
    assert.equal(stray(await page.getByTestId("date-converter").innerText()), "");
    await openGrid(page);
    const popup = page.getByTestId("date-picker-popup");
    assert.equal(stray(await popup.locator(".month").innerText()), "", "the month's name");
    assert.equal(stray((await popup.locator("thead").innerText())), "", "the weekday columns");
    assert.equal(stray(await popup.locator(".foot").innerText()), "", "the Today button");
    assert.equal(stray(await popup.locator(".keys").innerText()), "", "the key legend");
  });
});
