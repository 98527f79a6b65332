import { invoke } from "@tauri-apps/api/core";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import type { CalendarDay } from "./bindings/CalendarDay";
import type { DeparturesPlan } from "./bindings/DeparturesPlan";
import type { Holiday } from "./bindings/Holiday";
import type { Programme } from "./bindings/Programme";
import type { ProgrammeInput } from "./bindings/ProgrammeInput";
import type { Tour } from "./bindings/Tour";
import {
  addOfficialHolidays1405,
  applyDepartures,
  calendarMonth,
  demoOffer,
  exportHolidaysCsv,
  getProgramme,
  importHolidaysCsv,
  installDemo,
  listHolidays,
  planDepartures,
  removeHoliday,
  saveHoliday,
  assignVehicle,
  saveProgramme,
  setTourStops,
  toursBetween,
} from "./index";
import { installMockBackend, memoryStore } from "./mock";
import { EXPORT_KEY, OFFICIAL_1405, PROGRAMME_KEY, createProgrammeMock, holidaysFromCsv, validateProgrammeInput } from "./mock-programme";

const INPUT: ProgrammeInput = {
  title: "برنامه‌ی آزمایشی",
  starts: "2026-12-22",
  lengthDays: 14,
  runDays: ["saturday", "sunday", "monday", "tuesday", "wednesday"],
  departures: ["13:00", "۸:۰۰"],
  defaultSeats: 25,
  meetingPoint: "میدان امام حسین",
  dayEnds: "18:00",
};

let store: ReturnType<typeof memoryStore>;

beforeEach(() => {
  store = memoryStore();
  installMockBackend(store);
});

afterEach(() => {
  clearMocks();
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("the call was expected to fail");
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the programme (mock)", () => {
  it("has none at first, and saves one with times in any digits, sorted, as HH:MM", async () => {
    expect(await getProgramme()).toBeNull();
    const saved = await saveProgramme(INPUT);
    expect(saved).toEqual<Programme>({
      id: 1,
      input: { ...INPUT, departures: ["08:00", "13:00"] },
      ends: "2027-01-04",
      demo: false,
    });
    expect(await getProgramme()).toEqual(saved);
    expect(JSON.parse(store.getItem(PROGRAMME_KEY) ?? "{}").programme.id).toBe(1);
  });

  it("changes the same programme on a second save", async () => {
    await saveProgramme(INPUT);
    const again = await saveProgramme({ ...INPUT, title: "تازه", lengthDays: 80 });
    expect(again.id).toBe(1);
    expect(again.ends).toBe("2027-03-11");
  });

  it.each<[string, Partial<ProgrammeInput>, string, string]>([
    ["no title", { title: "  " }, "needs a title", "عنوان برنامه لازم است"],
    ["a length of 367", { lengthDays: 367 }, "1 to 366 days, not 367", "طول برنامه بین ۱ و ۳۶۶ روز است، نه ۳۶۷"],
    ["no running day", { runDays: [] }, "at least one weekday", "دست‌کم یک روز هفته باید تور داشته باشد"],
    ["no departure", { departures: [] }, "at least one departure", "دست‌کم یک ساعت حرکت لازم است"],
    ["a departure after the end of the day", { departures: ["18:30"] }, "after the end of the day (18:00)", "ساعت حرکت ۱۸:۳۰ پس از پایان روز (۱۸:۰۰) است"],
    ["a time that is not one", { departures: ["ظهر"] }, "is not a time", "«ظهر» ساعت نیست؛ به شکل ۰۸:۳۰ بنویسید"],
    ["201 seats", { defaultSeats: 201 }, "1 to 200 seats", "ظرفیت اتوبوس بین ۱ و ۲۰۰ صندلی است"],
    ["a start that is not a date", { starts: "1405-10-01x" }, "is not a date", "تاریخ نیست"],
  ])("refuses %s with invalid_input, in both languages", async (_what, over, message, messageFa) => {
    const error = await rejection(saveProgramme({ ...INPUT, ...over }));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain(message);
    expect(error.messageFa).toContain(messageFa);
    expect(error.messageFa.replace(/[\u2066-\u2069][^\u2069]*\u2069/g, ""), "Persian digits only").not.toMatch(/[0-9]/);
  });

  it("dedupes departures like the core", () => {
    const checked = validateProgrammeInput({ ...INPUT, departures: ["8", "08:00", "۰۸:۰۰"] }) as ProgrammeInput;
    expect(checked.departures).toEqual(["08:00"]);
  });
});

describe("departures (mock)", () => {
  it("needs a programme", async () => {
    expect((await rejection(planDepartures())).code).toBe("not_found");
  });

  it("plans every departure of every running day, writes nothing, then applies by fingerprint", async () => {
    await saveProgramme(INPUT);
    const plan = await planDepartures();
    // 14 days from Tuesday 22 Dec: Thursdays and Fridays do not run (4 days), 10 days × 2.
    expect(plan.add).toHaveLength(20);
    expect(plan.add[0]).toEqual({ date: "2026-12-22", departure: "08:00" });
    expect(plan.remove).toEqual([]);
    expect(plan.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(await toursBetween("2026-12-01", "2027-12-31")).toEqual([]);
    expect(await planDepartures()).toEqual(plan);

    expect(await applyDepartures(plan.fingerprint)).toEqual({ added: 20, removed: 0, kept: 0 });
    const tours = await toursBetween("2026-12-22", "2026-12-22");
    expect(tours.map((t) => [t.departure, t.seats, t.status, t.meetingPoint])).toEqual([
      ["08:00", 25, "draft", "میدان امام حسین"],
      ["13:00", 25, "draft", "میدان امام حسین"],
    ]);
    const again = await planDepartures();
    expect(again).toMatchObject({ add: [], remove: [], keep: [], unchanged: 20 });
  });

  it("refuses a stale fingerprint with conflict, and applies nothing", async () => {
    await saveProgramme(INPUT);
    const plan = await planDepartures();
    await saveHoliday({ date: "2026-12-23", nameFa: "ولادت امام علی", nameEn: "", needsCheck: true });
    const error = await rejection(applyDepartures(plan.fingerprint));
    expect(error.code).toBe("conflict");
    expect(error.messageFa).toContain("پیش‌نمایش");
    expect(await toursBetween("2026-12-01", "2027-12-31")).toEqual([]);
    expect((await planDepartures()).add).toHaveLength(18);
  });

  it("removes drafts no longer wanted and keeps tours that may hold registrations", async () => {
    await saveProgramme(INPUT);
    await applyDepartures((await planDepartures()).fingerprint);
    const [first] = await toursBetween("2026-12-23", "2026-12-23");
    await invoke("mock_set_tour_status", { id: first?.id, status: "open" });
    await saveHoliday({ date: "2026-12-23", nameFa: "ولادت امام علی", nameEn: "", needsCheck: true });

    const plan: DeparturesPlan = await planDepartures();
    expect(plan.add).toEqual([]);
    expect(plan.remove.map((t) => [t.date, t.departure, t.status])).toEqual([["2026-12-23", "13:00", "draft"]]);
    expect(plan.keep.map((t) => [t.date, t.departure, t.status])).toEqual([["2026-12-23", "08:00", "open"]]);
    expect(plan.unchanged).toBe(18);
    expect(await applyDepartures(plan.fingerprint)).toEqual({ added: 0, removed: 1, kept: 1 });
    const left: Tour[] = await toursBetween("2026-12-23", "2026-12-23");
    expect(left.map((t) => t.status)).toEqual(["open"]);
  });
});

describe("holidays (mock)", () => {
  it("adds, lists by date, replaces the same day and removes", async () => {
    await saveHoliday({ date: "2027-02-11", nameFa: " پیروزی انقلاب ", nameEn: "Revolution", needsCheck: false });
    await saveHoliday({ date: "2026-12-23", nameFa: "ولادت امام علی", nameEn: "", needsCheck: true });
    await saveHoliday({ date: "2027-02-11", nameFa: "۲۲ بهمن", nameEn: "", needsCheck: false });
    expect((await listHolidays()).map((h) => [h.date, h.nameFa])).toEqual([
      ["2026-12-23", "ولادت امام علی"],
      ["2027-02-11", "۲۲ بهمن"],
    ]);
    await removeHoliday("2026-12-23");
    expect(await listHolidays()).toHaveLength(1);
    expect((await rejection(removeHoliday("2026-12-23"))).code).toBe("not_found");
    expect((await rejection(saveHoliday({ date: "2027-01-01", nameFa: "", nameEn: "", needsCheck: false }))).messageFa).toBe(
      "نام تعطیلی لازم است",
    );
  });

  it("adds Iran's official 1405 list, lunar days marked", async () => {
    expect(await addOfficialHolidays1405()).toBe(26);
    const list = await listHolidays();
    expect(list).toHaveLength(26);
    expect(list.find((h) => h.date === "2026-12-23")).toMatchObject({ nameFa: "ولادت امام علی (ع) و روز پدر", needsCheck: true });
    expect(list.find((h) => h.date === "2027-02-11")).toMatchObject({ nameFa: "پیروزی انقلاب اسلامی", needsCheck: false });
    expect(OFFICIAL_1405.filter((h) => h.needsCheck)).toHaveLength(19);
  });

  it("imports CSV from the raw bytes, Gregorian or Solar Hijri dates, any digits, with a BOM", async () => {
    const csv = "\uFEFFdate,name_fa,name_en,needs_check\r\n2027-01-06,مبعث,Mab'ath,1\r\n۱۴۰۵/۱۱/۲۲,\"پیروزی انقلاب، ۲۲ بهمن\",,0\r\n";
    expect(await importHolidaysCsv(bytes(csv))).toBe(2);
    expect(await listHolidays()).toEqual<Holiday[]>([
      { date: "2027-01-06", nameFa: "مبعث", nameEn: "Mab'ath", needsCheck: true },
      { date: "2027-02-11", nameFa: "پیروزی انقلاب، ۲۲ بهمن", nameEn: "", needsCheck: false },
    ]);
  });

  it("imports all or nothing, naming the line at fault", async () => {
    const csv = "date,name_fa\n2027-01-06,مبعث\n1404/12/30,روز بد\n";
    const error = await rejection(importHolidaysCsv(bytes(csv)));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/^line 3: /);
    expect(error.messageFa).toMatch(/^سطر ۳: سال ۱۴۰۴ روز ۳۰ اسفند ندارد/);
    expect(await listHolidays()).toEqual([]);
  });

  it.each([
    ["a row without a name", "date,name_fa\n2027-01-06,\n", "line 2: a holiday needs a name", "سطر ۲: نام تعطیلی لازم است"],
    ["missing columns", "day,name\n2027-01-06,x\n", "the columns date and name_fa are needed", "ستون‌های date و name_fa لازم است"],
  ])("refuses %s", (_what, csv, message, messageFa) => {
    const error = holidaysFromCsv(bytes(csv)) as ApiError;
    expect(error.message).toBe(message);
    expect(error.messageFa).toBe(messageFa);
  });

  it("refuses a file that is not UTF-8", () => {
    expect((holidaysFromCsv(new Uint8Array([0x64, 0xff, 0xfe])) as ApiError).messageFa).toBe("پرونده UTF-8 نیست");
  });

  it("exports CSV as the core writes it", async () => {
    await saveHoliday({ date: "2027-02-11", nameFa: "پیروزی انقلاب، ۲۲ بهمن", nameEn: 'Revolution, "22 Bahman"', needsCheck: false });
    expect(await exportHolidaysCsv("holidays.csv")).toBeNull();
    expect(store.getItem(EXPORT_KEY)).toBe(
      '\uFEFFdate,date_jalali,name_fa,name_en,needs_check\r\n2027-02-11,1405/11/22,پیروزی انقلاب، ۲۲ بهمن,"Revolution, ""22 Bahman""",0\r\n',
    );
    // What was exported imports again.
    expect(holidaysFromCsv(bytes(store.getItem(EXPORT_KEY) ?? ""))).toEqual(await listHolidays());
  });
});

describe("the calendar month (mock)", () => {
  it("lists every day of Dey 1405 with weekday, weekend and programme day", async () => {
    await saveProgramme({ ...INPUT, lengthDays: 80, runDays: ["saturday", "sunday", "monday", "tuesday", "wednesday"] });
    await saveHoliday({ date: "2026-12-23", nameFa: "ولادت امام علی", nameEn: "", needsCheck: true });
    await applyDepartures((await planDepartures()).fingerprint);
    const days: CalendarDay[] = await calendarMonth(1405, 10);
    expect(days).toHaveLength(30);
    const [first, second] = days;
    expect(first).toMatchObject({ date: "2026-12-22", jalali: { year: 1405, month: 10, day: 1 }, weekday: "tuesday", programmeDay: 1, off: null });
    expect(first?.tours.map((t) => t.tour.departure)).toEqual(["08:00", "13:00"]);
    expect(second).toMatchObject({ programmeDay: 2, off: { kind: "holiday", name: "ولادت امام علی" }, tours: [] });
    expect(second?.holiday?.needsCheck).toBe(true);
    expect(days[2]).toMatchObject({ weekday: "thursday", off: { kind: "not_a_running_day", name: "" } });
    expect(days[3]).toMatchObject({ weekday: "friday", off: { kind: "weekend", name: "" } });
    const azar = await calendarMonth(1405, 9);
    expect(azar).toHaveLength(30);
    expect(azar.every((d) => d.programmeDay === null && d.tours.length === 0)).toBe(true);
  });

  it("gives each departure its capacity and whether its itinerary works, timed like the tour editor", async () => {
    await saveProgramme(INPUT);
    await applyDepartures((await planDepartures()).fingerprint);
    const before = (await calendarMonth(1405, 10))[0]?.tours ?? [];
    // Fresh departures have no stops yet: as in the core, that is not a feasible itinerary.
    expect(before.map((t) => [t.tour.departure, t.tour.seats, t.capacity, t.feasible])).toEqual([
      ["08:00", 25, 25, false],
      ["13:00", 25, 25, false],
    ]);
    const [morning, afternoon] = before;
    if (!morning || !afternoon) throw new Error("two departures expected");
    // The 4th ring road (08:30–13:00, 30 at once) on the 18-seat minibus.
    await setTourStops(morning.tour.id, [{ site: 2, dwell: null }]);
    await assignVehicle(morning.tour.id, 3, true);
    // Zeynabieh (20 at once) is shut at midday: the afternoon departure arrives outside its hours.
    await setTourStops(afternoon.tour.id, [{ site: 1, dwell: null }]);
    const after = (await calendarMonth(1405, 10))[0]?.tours ?? [];
    expect(after.map((t) => [t.tour.id, t.tour.seats, t.capacity, t.feasible])).toEqual([
      [morning.tour.id, 25, 18, true],
      [afternoon.tour.id, 25, 20, false],
    ]);
  });

  it("on its own, takes a departure's capacity from its seats and counts it as feasible", () => {
    const own = createProgrammeMock(memoryStore(), { weekendDays: () => ["friday"] });
    own.handle("programme_save", { input: { ...INPUT, defaultSeats: 30 } });
    own.handle("departures_apply", { fingerprint: (own.handle("departures_plan", {}) as DeparturesPlan).fingerprint });
    const [first] = own.handle("calendar_month", { year: 1405, month: 10 }) as CalendarDay[];
    expect(first?.tours.map((t) => [t.tour.departure, t.capacity, t.feasible])).toEqual([
      ["08:00", 30, true],
      ["13:00", 30, true],
    ]);
  });

  it("refuses a month that does not exist", async () => {
    expect((await rejection(calendarMonth(1405, 13))).code).toBe("invalid_input");
  });
});

describe("the demo programme (mock)", () => {
  it("is offered on an empty database, installs once, and is marked as demo", async () => {
    expect(await demoOffer()).toBe(true);
    const installed = await installDemo();
    expect(installed).toEqual({ sites: 14, holidays: 26, tours: 124 });
    expect(await demoOffer()).toBe(false);
    const p = await getProgramme();
    expect(p).toMatchObject({ demo: true, ends: "2027-03-11", input: { lengthDays: 80, departures: ["08:00", "13:00"] } });
    expect((await rejection(installDemo())).code).toBe("conflict");
    const dey = await calendarMonth(1405, 10);
    const closed = dey.filter((d) => d.closures.length > 0);
    expect(closed.map((d) => d.date)).toEqual([
      "2027-01-09",
      "2027-01-10",
      "2027-01-11",
      "2027-01-12",
      "2027-01-13",
      "2027-01-14",
      "2027-01-15",
    ]);
    expect(closed[0]?.closures[0]?.nameFa).toBe("ایستگاه زینبیه (خط ۲ مترو)");
    expect((await planDepartures()).add).toEqual([]);
  });

  it("is not offered once a programme exists", async () => {
    await saveProgramme(INPUT);
    expect(await demoOffer()).toBe(false);
  });
});
