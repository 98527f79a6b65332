import { describe, expect, it } from "vitest";
import {
  MAX_ISO,
  MIN_ISO,
  addDays,
  checkJalali,
  checkRange,
  describeProblem,
  formatGregorianLong,
  formatIntFa,
  formatJalaliLong,
  formatJalaliMonthYear,
  formatJalaliShort,
  gregorianToJalali,
  jalaliToGregorian,
  monthName,
  monthCells,
  monthWeeks,
  moveByKey,
  normalizeFa,
  parseGregorian,
  parseIso,
  parseJalali,
  weekdayName,
  weekdayOf,
  WEEKDAYS,
  type DateProblem,
  type JalaliDate,
} from "./index";

const j = (year: number, month: number, day: number): JalaliDate => ({ year, month, day });

function reason(input: string, locale: "fa" | "en"): string {
  const parsed = parseJalali(input);
  if (parsed.ok) throw new Error(`${input} was accepted`);
  return describeProblem(parsed.problem, locale);
}

// Typed text quoted back in a reason is wrapped in FSI … PDI.
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, "");

describe("names", () => {
  it("months, Farvardin to Esfand, in both languages", () => {
    const fa = Array.from({ length: 12 }, (_, i) => monthName(i + 1, "fa"));
    const en = Array.from({ length: 12 }, (_, i) => monthName(i + 1, "en"));
    expect(fa).toEqual(["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]);
    expect(en).toEqual(["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"]);
    expect(monthName(1, "keys")).toBe("⟦month.farvardin⟧");
  });

  it("weekdays, Saturday first", () => {
    expect(WEEKDAYS.map((d) => weekdayName(d, "fa"))).toEqual([
      "شنبه",
      "یکشنبه",
      "دوشنبه",
      "سه‌شنبه",
      "چهارشنبه",
      "پنجشنبه",
      "جمعه",
    ]);
    expect(WEEKDAYS.map((d) => weekdayName(d, "en"))).toEqual([
      "Saturday",
      "Sunday",
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
    ]);
  });
});

describe("formatting", () => {
  it("1 Dey 1405 is Tuesday 22 December 2026", () => {
    const date = j(1405, 10, 1);
    expect(jalaliToGregorian(date)).toBe("2026-12-22");
    expect(weekdayOf(date)).toBe("tuesday");
    expect(formatJalaliLong(date, "fa")).toBe("سه‌شنبه ۱ دی ۱۴۰۵");
    expect(formatJalaliLong(date, "en")).toBe("Tuesday 1 Dey 1405");
    expect(formatJalaliShort(date, "fa")).toBe("۱۴۰۵/۱۰/۰۱");
    expect(formatJalaliShort(date, "en")).toBe("1405/10/01");
    expect(formatJalaliMonthYear(1405, 10, "fa")).toBe("دی ۱۴۰۵");
    expect(formatGregorianLong("2026-12-22", "en")).toBe("Tuesday 22 December 2026");
    expect(formatGregorianLong("2026-12-22", "fa")).toBe("سه‌شنبه ۲۲ دسامبر ۲۰۲۶");
  });

  it("integers get Persian digits and ٬ between thousands", () => {
    expect(formatIntFa(1234567)).toBe("۱٬۲۳۴٬۵۶۷");
    expect(formatIntFa(-1000)).toBe("-۱٬۰۰۰");
    expect(formatIntFa(-0)).toBe("۰");
    expect(formatIntFa(12345678901234567890n)).toBe("۱۲٬۳۴۵٬۶۷۸٬۹۰۱٬۲۳۴٬۵۶۷٬۸۹۰");
    expect(() => formatIntFa(1.5)).toThrow(RangeError);
  });
});

describe("validation says why", () => {
  it.each([
    ["1404/12/30", "1404 has no 30 Esfand: 1404 is not a leap year", "سال ۱۴۰۴ روز ۳۰ اسفند ندارد: ۱۴۰۴ کبیسه نیست"],
    ["1405/07/31", "Mehr has 30 days; there is no day 31", "مهر ۳۰ روز دارد؛ روز ۳۱ وجود ندارد"],
    ["1405/13/01", "There is no month 13; months are 1 to 12", "ماه ۱۳ وجود ندارد؛ ماه‌ها ۱ تا ۱۲ هستند"],
    ["1405/0/1", "There is no month 0; months are 1 to 12", "ماه ۰ وجود ندارد؛ ماه‌ها ۱ تا ۱۲ هستند"],
    ["1405/1/0", "Farvardin has 31 days; there is no day 0", "فروردین ۳۱ روز دارد؛ روز ۰ وجود ندارد"],
    ["05/10/01", "Write the year with four digits (e.g. 1405), not “05”", "سال را چهاررقمی بنویسید (مثلاً ۱۴۰۵)، نه «۰۵»"],
    ["1700/1/1", "The year 1700 is outside 1200–1600", "سال ۱۷۰۰ بیرون از بازهٔ ۱۲۰۰ تا ۱۶۰۰ است"],
    ["abc", "“abc” is not a date; write it as 1405/10/01", "«abc» تاریخ نیست؛ به شکل ۱۴۰۵/۱۰/۰۱ بنویسید"],
    ["1405/10", "“1405/10” is not a date; write it as 1405/10/01", "«1405/10» تاریخ نیست؛ به شکل ۱۴۰۵/۱۰/۰۱ بنویسید"],
    ["", "No date was entered", "تاریخی وارد نشده است"],
  ])("%j: %s", (input, en, fa) => {
    expect(plain(reason(input, "en"))).toBe(en);
    expect(plain(reason(input, "fa"))).toBe(fa);
  });

  it("quotes typed text isolated, so it keeps its own direction", () => {
    expect(reason("abc", "fa")).toBe("«\u2068abc\u2069» تاریخ نیست؛ به شکل ۱۴۰۵/۱۰/۰۱ بنویسید");
  });

  it("Persian reasons use no Latin digits", () => {
    for (const input of ["1404/12/30", "1405/07/31", "1405/13/01", "05/10/01", "1700/1/1"]) {
      expect(reason(input, "fa")).not.toMatch(/[0-9]/);
    }
  });

  it("1403 is a leap year, so 1403/12/30 exists", () => {
    expect(checkJalali(1403, 12, 30).ok).toBe(true);
    expect(jalaliToGregorian(j(1403, 12, 30))).toBe("2025-03-20");
  });

  it.each([
    [{ kind: "beforeMin", min: "2026-12-22" }, "The date must not be before 1 Dey 1405", "تاریخ نباید پیش از ۱ دی ۱۴۰۵ باشد"],
    [{ kind: "afterMax", max: "2026-11-29" }, "The date must not be after 8 Azar 1405", "تاریخ نباید پس از ۸ آذر ۱۴۰۵ باشد"],
    [
      { kind: "gregorianDay", year: 2025, month: 2, day: 29, max: 28 },
      "February 2025 has 28 days; there is no day 29",
      "فوریه ۲۰۲۵ ۲۸ روز دارد؛ روز ۲۹ وجود ندارد",
    ],
  ] as [DateProblem, string, string][])("%j", (problem, en, fa) => {
    expect(describeProblem(problem, "en")).toBe(en);
    expect(describeProblem(problem, "fa")).toBe(fa);
  });

  it("the keys pseudo-locale shows the reason's key", () => {
    expect(describeProblem({ kind: "leapDay", year: 1404 }, "keys")).toBe("⟦date.problem.leapDay⟧");
  });
});

describe("parsing typed dates", () => {
  it.each([
    ["1405/10/01", j(1405, 10, 1)],
    ["۱۴۰۵-۱۰-۱", j(1405, 10, 1)],
    ["١٤٠٥/٠١/٠١", j(1405, 1, 1)],
    [" 1405.9.8 ", j(1405, 9, 8)],
    ["۱۴۰۵٫۹٫۸", j(1405, 9, 8)],
    ["1405 9 8", j(1405, 9, 8)],
    ["۸ آذر ۱۴۰۵", j(1405, 9, 8)],
    ["1 Dey 1405", j(1405, 10, 1)],
    ["1 dey 1405", j(1405, 10, 1)],
    ["۱ ارديبهشت ۱۴۰۵", j(1405, 2, 1)],
    ["\u20661405/10/01\u2069", j(1405, 10, 1)],
    ["\u200F۱۴۰۵/۱۰/۰۱", j(1405, 10, 1)],
  ])("%j → %j", (input, want) => {
    expect(parseJalali(input)).toEqual({ ok: true, value: want });
  });

  it.each(["1405", "1405/10/01/02", "99999999/1/1", "1405/Dey/1", "8 Brumaire 1405", "1405/1e1/1"])(
    "%j is refused",
    (input) => {
      expect(parseJalali(input).ok).toBe(false);
    },
  );
});

describe("Gregorian input", () => {
  it("reads year-month-day in any digits", () => {
    expect(parseGregorian("2026-12-22")).toEqual({ ok: true, value: { iso: "2026-12-22", jalali: j(1405, 10, 1) } });
    expect(parseGregorian("۲۰۲۶/۱۲/۲۲")).toEqual({ ok: true, value: { iso: "2026-12-22", jalali: j(1405, 10, 1) } });
    expect(parseGregorian(" 2024.3.20 ")).toEqual({ ok: true, value: { iso: "2024-03-20", jalali: j(1403, 1, 1) } });
  });

  it("says why a Gregorian date is refused", () => {
    const problem = (input: string) => {
      const parsed = parseGregorian(input);
      if (parsed.ok) throw new Error(`${input} was accepted`);
      return parsed.problem.kind;
    };
    expect(problem("2025-02-29")).toBe("gregorianDay");
    expect(problem("2024-13-01")).toBe("month");
    expect(problem("26-12-22")).toBe("shortYear");
    expect(problem("22 December 2026")).toBe("notGregorian");
    expect(problem("1700-01-01")).toBe("gregorianRange");
    expect(problem("")).toBe("empty");
  });

  it("strict ISO is what the core sends", () => {
    expect(parseIso("2026-12-22")).toEqual({ year: 2026, month: 12, day: 22 });
    expect(parseIso("2026-2-2")).toBeNull();
    expect(parseIso("2025-02-29")).toBeNull();
    expect(gregorianToJalali("nonsense")).toBeNull();
    expect(gregorianToJalali(MIN_ISO)).toEqual(j(1200, 1, 1));
    expect(gregorianToJalali(MAX_ISO)?.year).toBe(1600);
  });

  it("checks a picker's range", () => {
    expect(checkRange("2026-12-22", "2026-12-01", "2026-12-31")).toBeNull();
    expect(checkRange("2026-11-30", "2026-12-01", null)).toEqual({ kind: "beforeMin", min: "2026-12-01" });
    expect(checkRange("2027-01-01", undefined, "2026-12-31")).toEqual({ kind: "afterMax", max: "2026-12-31" });
  });
});

describe("the month grid", () => {
  it("Dey 1405 starts on a Tuesday and fills five Saturday-first weeks", () => {
    const weeks = monthWeeks(1405, 10);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0]?.[3]).toEqual(j(1405, 10, 1));
    const days = weeks.flat().filter((d) => d !== null);
    expect(days).toHaveLength(30);
    // Every column holds one weekday.
    weeks.forEach((week) =>
      week.forEach((date, column) => {
        if (date) expect(weekdayOf(date)).toBe(WEEKDAYS[column]);
      }),
    );
  });

  it("a month of 30 or 31 days that starts on a Friday needs six rows", () => {
    let found: [number, number] | null = null;
    for (let year = 1400; year <= 1410 && !found; year++) {
      for (let month = 1; month <= 11 && !found; month++) {
        if (weekdayOf(j(year, month, 1)) === "friday") found = [year, month];
      }
    }
    expect(found).not.toBeNull();
    const [year, month] = found ?? [0, 0];
    const weeks = monthWeeks(year, month);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[6]).toEqual(j(year, month, 1));
  });
});

describe("keyboard movement", () => {
  const from = j(1405, 10, 15); // a Tuesday, like 1 Dey
  it.each([
    ["ArrowRight", false, false, j(1405, 10, 16)],
    ["ArrowRight", true, false, j(1405, 10, 14)],
    ["ArrowLeft", false, false, j(1405, 10, 14)],
    ["ArrowLeft", true, false, j(1405, 10, 16)],
    ["ArrowUp", true, false, j(1405, 10, 8)],
    ["ArrowDown", false, false, j(1405, 10, 22)],
    ["PageUp", true, false, j(1405, 9, 15)],
    ["PageDown", false, false, j(1405, 11, 15)],
    ["PageUp", false, true, j(1404, 10, 15)],
    ["PageDown", true, true, j(1406, 10, 15)],
    ["Home", true, false, j(1405, 10, 12)],
    ["End", false, false, j(1405, 10, 18)],
  ] as const)("%s (rtl %s, shift %s) → %j", (key, rtl, shift, want) => {
    expect(moveByKey(from, key, { rtl, shift })).toEqual(want);
  });

  it("Home and End land on Saturday and Friday", () => {
    expect(weekdayOf(moveByKey(from, "Home", { rtl: true }) ?? from)).toBe("saturday");
    expect(weekdayOf(moveByKey(from, "End", { rtl: true }) ?? from)).toBe("friday");
  });

  it("crosses months and clamps month moves to the month's end", () => {
    expect(moveByKey(j(1405, 10, 1), "ArrowRight", { rtl: true })).toEqual(j(1405, 9, 30));
    expect(moveByKey(j(1405, 6, 31), "PageDown", { rtl: false })).toEqual(j(1405, 7, 30));
    expect(moveByKey(j(1403, 12, 30), "PageDown", { rtl: false, shift: true })).toEqual(j(1404, 12, 29));
  });

  it("stays inside the calendar's years and ignores other keys", () => {
    expect(moveByKey(j(1200, 1, 1), "ArrowUp", { rtl: false })).toEqual(j(1200, 1, 1));
    expect(moveByKey(j(1600, 12, 29), "PageDown", { rtl: false })?.year).toBe(1600);
    expect(moveByKey(from, "a", { rtl: false })).toBeNull();
    expect(addDays(from, 0)).toEqual(from);
  });
});

describe("normalizeFa", () => {
  it("folds presentation forms and collapses every kind of space", () => {
    expect(normalizeFa("ﻋﻠﻰ")).toBe("علی");
    expect(normalizeFa("a\u00A0\u00A0b\n c")).toBe("a b c");
    expect(normalizeFa("\u200C\u200C")).toBe("");
    expect(normalizeFa("ÉCOLE")).toBe("école");
  });
});

describe("month cells", () => {
  const cells = (options: Partial<Parameters<typeof monthCells>[2]> = {}) =>
    monthCells(1405, 10, { locale: "fa", weekendDays: ["friday"], ...options })
      .flat()
      .filter((c) => c !== null);

  it("carry both calendars' day numbers", () => {
    const first = cells()[0];
    expect(first).toMatchObject({ date: j(1405, 10, 1), iso: "2026-12-22", weekday: "tuesday", gregorianDay: 22 });
    expect(cells().at(-1)).toMatchObject({ date: j(1405, 10, 30), iso: "2027-01-20", gregorianDay: 20 });
  });

  it("mark the weekend days from the settings", () => {
    const fridays = cells().filter((c) => c.weekend);
    expect(fridays.map((c) => c.weekday)).toEqual(Array(fridays.length).fill("friday"));
    expect(fridays.map((c) => c.date.day)).toEqual([4, 11, 18, 25]);
    const long = cells({ weekendDays: ["thursday", "friday"] }).filter((c) => c.weekend);
    expect(long).toHaveLength(8);
  });

  it("mark holidays, today, the chosen day and days out of range, and say so", () => {
    const all = cells({
      holidays: [
        { date: "2026-12-22", name: "شب یلدا" },
        { date: "2026-12-22", name: "روز آزمایشی" },
        { date: "2030-01-01", name: "بیرون از ماه" },
      ],
      today: "2026-12-23",
      selected: "2026-12-24",
      min: "2026-12-23",
      max: "2027-01-10",
    });
    const [first, second, third] = all;
    expect(first?.holidays).toEqual(["شب یلدا", "روز آزمایشی"]);
    expect(first?.disabled).toBe(true);
    expect(first?.label).toBe("سه‌شنبه ۱ دی ۱۴۰۵، ۲۲ دسامبر ۲۰۲۶، تعطیل: شب یلدا، تعطیل: روز آزمایشی");
    expect(second).toMatchObject({ today: true, selected: false, disabled: false, holidays: [] });
    expect(second?.label).toBe("چهارشنبه ۲ دی ۱۴۰۵، ۲۳ دسامبر ۲۰۲۶، امروز");
    expect(third).toMatchObject({ today: false, selected: true });
    expect(all.filter((c) => c.holidays.length > 0)).toHaveLength(1);
    expect(all.filter((c) => c.disabled).map((c) => c.iso)).toEqual(["2026-12-22", ...all.slice(20).map((c) => c.iso)]);
  });

  it("speak English in English", () => {
    const [first] = monthCells(1405, 10, { locale: "en", weekendDays: [], today: "2026-12-22" })
      .flat()
      .filter((c) => c !== null);
    expect(first?.label).toBe("Tuesday 1 Dey 1405, 22 December 2026, Today");
  });
});
