import { invoke } from "@tauri-apps/api/core";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import {
  applyTemplate,
  applyTourOrder,
  assignGuide,
  assignVehicle,
  createSite,
  getTour,
  getTravelModel,
  installDemo,
  listGuides,
  listTemplates,
  listTours,
  listVehicles,
  optimiseTour,
  previewTourStops,
  removeTemplate,
  saveGuide,
  saveTemplateFromTour,
  saveTravelModel,
  saveVehicle,
  setSiteHours,
  setTourStatus,
  setTourStops,
  setTravelOverride,
  templateMatchingTours,
  toursBetween,
  updateTour,
} from "./index";
import { installMockBackend, memoryStore } from "./mock";
import { DEFAULT_TRAVEL_MODEL, estimateMinutes, evaluateOrder, isTourCommand, solveOrder } from "./mock-tours";

const ZEYNABIEH_HOURS = "بیرون از ساعت بازدید (۰۹:۰۰–۱۲:۰۰، ۱۴:۰۰–۱۶:۰۰)";
const WORKDAYS = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday"] as const;

beforeEach(() => {
  installMockBackend(memoryStore());
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

async function site(nameFa: string, latitude: number, longitude: number, opens: string, closes: string, visitMinutes = 30, maxVisitors = 30) {
  const { id } = await createSite({
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
  });
  await setSiteHours(
    id,
    WORKDAYS.map((weekday) => ({ weekday, opens, closes })),
  );
  return id;
}

describe("travel estimates", () => {
  it("straight line × 1.4 ÷ 22 km/h, rounded up, like the core", () => {
    const siOSePol = { latitude: 32.64444, longitude: 51.6675 };
    const naqsh = { latitude: 32.65745, longitude: 51.67778 };
    expect(estimateMinutes(DEFAULT_TRAVEL_MODEL, siOSePol, naqsh)).toBe(7);
    expect(estimateMinutes(DEFAULT_TRAVEL_MODEL, naqsh, naqsh)).toBe(0);
    expect(estimateMinutes({ ...DEFAULT_TRAVEL_MODEL, speedKmh: 5, roadFactor: 3 }, { latitude: 30, longitude: 50 }, naqsh)).toBe(600);
  });

  it("answers the tour commands only", () => {
    expect(isTourCommand("tour_optimise")).toBe(true);
    expect(isTourCommand("tours_between")).toBe(false);
  });
});

describe("the list and the schedule", () => {
  it("lists the mock's week with stop counts, capacity, return and the first problem", async () => {
    const list = await listTours("2026-11-28", "2026-12-04");
    expect(list.map((s) => s.tour.id)).toEqual([90001, 90002, 90003, 90004, 90005, 90006, 90007, 90008]);
    const late = list.find((s) => s.tour.id === 90003);
    expect(late).toMatchObject({ stopCount: 1, seats: 20, ends: "14:25", feasible: false });
    expect(late?.firstProblem).toEqual({
      code: "outside_hours",
      fa: ZEYNABIEH_HOURS,
      en: "outside the visiting hours (09:00–12:00, 14:00–16:00)",
    });
    expect(list.find((s) => s.tour.id === 90006)?.firstProblem?.code).toBe("no_stops");
    expect(list.find((s) => s.tour.id === 90007)?.firstProblem?.code).toBe("archived");
    expect((await listTours("2026-12-05", "2026-12-05"))[0]?.firstProblem?.fa).toBe("سایت آن روز تعطیل است: بتن‌ریزی سقف سالن");
    expect((await rejection(listTours("2026-13-01", "2026-12-01"))).code).toBe("invalid_input");
  });

  it("times each stop from the departure: travel, arrival, stay, departure, and the way back", async () => {
    const { schedule } = await getTour(90002);
    expect(schedule.stops.map((s) => [s.site, s.travel, s.arrival, s.departure, s.dwell, s.dwellIsDefault])).toEqual([
      [2, 41, "08:41", "09:41", 60, true],
      [1, 23, "10:04", "10:49", 45, true],
    ]);
    expect(schedule).toMatchObject({ returnTravel: 20, ends: "11:09", totalTravel: 84, feasible: true, problems: [] });
    expect(schedule.capacity).toEqual({ seats: 20, vehicleSeats: 25, smallestStopSite: 1, smallestStopMax: 20 });
  });

  it("previews without saving; saving keeps an infeasible itinerary and says so", async () => {
    const preview = await previewTourStops(90002, [
      { site: 1, dwell: null },
      { site: 2, dwell: 30 },
    ]);
    expect(preview.feasible).toBe(false);
    expect(preview.stops[0]?.problems[0]?.fa).toBe(ZEYNABIEH_HOURS);
    expect(preview.stops[1]).toMatchObject({ dwell: 30, dwellIsDefault: false });
    expect((await getTour(90002)).stops.map((s) => s.site)).toEqual([2, 1]);

    const saved = await setTourStops(90002, [{ site: 1, dwell: null }]);
    expect(saved.schedule.feasible).toBe(false);
    expect(saved.stops).toEqual([{ site: 1, dwell: null }]);
  });

  it("checks the stops like the core", async () => {
    expect((await rejection(setTourStops(90002, [{ site: 99, dwell: null }]))).code).toBe("not_found");
    const short = await rejection(setTourStops(90002, [{ site: 1, dwell: 4 }]));
    expect(short).toMatchObject({ code: "invalid_input", messageFa: "مدت توقف بین ۵ و ۴۸۰ دقیقه است" });
    const many = Array.from({ length: 31 }, () => ({ site: 2, dwell: null }));
    expect((await rejection(setTourStops(90002, many))).messageFa).toBe("حداکثر ۳۰ توقف در یک تور");
    expect((await rejection(getTour(5))).code).toBe("not_found");
  });

  it("a programme tour back after the programme's end of day has that problem", async () => {
    await installDemo();
    const [tour] = await toursBetween("2026-12-22", "2026-12-22");
    expect(tour).toBeDefined();
    const id = tour!.id;
    const late = await site("کارگاه شبانه", 32.66, 51.67, "08:00", "23:00", 240);
    await setTourStops(id, [{ site: late, dwell: 300 }]);
    const detail = await updateTour(id, "14:00", 25, "میدان امام حسین", "");
    expect(detail.schedule.problems.map((p) => p.code)).toEqual(["ends_after_day_end"]);
    expect(detail.schedule.problems[0]?.fa).toBe("بازگشت ساعت ۱۹:۰۶ است، پس از پایان روز (۱۸:۰۰)");
    expect(detail.schedule.problems[0]?.en).toBe("back at 19:06, after the end of the day (18:00)");
    expect(detail.schedule.stops[0]?.problems).toEqual([]);
  });
});

describe("details and status", () => {
  it("reads the departure in any digits; refuses 24:00 and a time another tour of the day has", async () => {
    const detail = await updateTour(90004, "۹:۱۵", 30, "  میدان امام حسین ", " یادداشت ");
    expect(detail.schedule.tour).toMatchObject({ departure: "09:15", seats: 30, meetingPoint: "میدان امام حسین", notes: "یادداشت" });
    expect(detail.schedule.stops[0]?.arrival).toBe("09:35");
    expect((await rejection(updateTour(90004, "24:00", 30, "", ""))).messageFa).toBe("ساعت حرکت باید پیش از ۲۴:۰۰ باشد");
    expect((await rejection(updateTour(90004, "ساعت", 30, "", ""))).code).toBe("invalid_input");
    expect((await rejection(updateTour(90004, "10:00", 30, "", ""))).code).toBe("conflict");
    expect((await rejection(updateTour(90004, "08:00", 501, "", ""))).code).toBe("invalid_input");
  });

  it("opening an infeasible tour is refused with the reason; a feasible one opens; cancelling works", async () => {
    const refused = await rejection(setTourStatus(90004, "open"));
    expect(refused).toMatchObject({ code: "conflict", messageFa: `تور شدنی نیست و باز نمی‌شود: ${ZEYNABIEH_HOURS}` });
    expect(refused.message).toBe("the tour is not feasible and cannot open: outside the visiting hours (09:00–12:00, 14:00–16:00)");
    expect((await setTourStatus(90005, "open")).schedule.tour.status).toBe("open");
    expect((await setTourStatus(90005, "cancelled")).schedule.tour.status).toBe("cancelled");
    expect((await setTourStatus(90005, "draft")).schedule.tour.status).toBe("draft");
  });

  it("the status of a programme tour is kept by the programme, so the calendar sees it", async () => {
    await installDemo();
    const [tour] = await toursBetween("2026-12-22", "2026-12-22");
    const id = tour!.id;
    await setTourStops(id, [{ site: 2, dwell: null }]);
    await setTourStatus(id, "open");
    expect((await toursBetween("2026-12-22", "2026-12-22")).find((t) => t.id === id)?.status).toBe("open");
  });
});

describe("the best order", () => {
  it("finds the feasible order of the two-stop tour and applies it only when asked", async () => {
    const p = await optimiseTour(90004, false);
    expect(p).toMatchObject({ travelBefore: 84, travelAfter: 84, minutesSaved: 0, feasible: true, wasFeasible: false, exact: true });
    expect(p.order.map((s) => s.site)).toEqual([2, 1]);
    expect(p.preview.feasible).toBe(true);
    expect((await getTour(90004)).stops.map((s) => s.site)).toEqual([1, 2]);
    const applied = await applyTourOrder(90004, p.order);
    expect(applied.schedule.feasible).toBe(true);
  });

  it("refuses an order whose stops are not the tour's", async () => {
    const refused = await rejection(applyTourOrder(90004, [{ site: 2, dwell: null }]));
    expect(refused).toMatchObject({ code: "conflict", messageFa: "توقف‌های تور از زمان پیشنهاد تغییر کرده است؛ دوباره بهینه کنید" });
  });

  it("five stops: the exact search is the best of every feasible permutation; keeping the last stop last is honoured", async () => {
    const a = await site("سی‌وسه‌پل", 32.646, 51.6681, "08:00", "18:00", 30, 30);
    const b = await site("چهارباغ", 32.653, 51.6683, "08:00", "18:00", 40, 40);
    const c = await site("عتیق", 32.6672, 51.6836, "08:00", "17:00", 30, 35);
    await setTourStops(90006, [1, 2, a, b, c].map((s) => ({ site: s, dwell: null })));
    const p = await optimiseTour(90006, false);
    expect(p).toMatchObject({ wasFeasible: false, feasible: true, exact: true, travelBefore: 107, travelAfter: 93, minutesSaved: 14 });
    expect(p.order.map((s) => s.site)).toEqual([c, 2, 1, a, b]);

    // Every order, by brute force, through the same timing.
    const sites = [1, 2, a, b, c];
    let best = Infinity;
    const permute = async (done: number[], left: number[]): Promise<void> => {
      if (left.length === 0) {
        const s = await previewTourStops(90006, done.map((site) => ({ site, dwell: null })));
        if (s.feasible) best = Math.min(best, s.totalTravel);
        return;
      }
      for (const x of left) await permute([...done, x], left.filter((y) => y !== x));
    };
    await permute([], sites);
    expect(p.travelAfter).toBe(best);

    const last = await optimiseTour(90006, true);
    expect(last.order[4]?.site).toBe(c);
  });

  it("above twelve stops the search is approximate, and never worse than the order given", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 13; i++) ids.push(await site(`ایستگاه ${i}`, 32.62 + (i % 5) * 0.015, 51.62 + Math.floor(i / 5) * 0.03, "07:00", "20:00", 10));
    await setTourStops(90006, ids.map((s) => ({ site: s, dwell: null })));
    const p = await optimiseTour(90006, true);
    expect(p.exact).toBe(false);
    expect(p.travelAfter).toBeLessThanOrEqual(p.travelBefore);
    expect(p.order[12]?.site).toBe(ids[12]);
    expect(new Set(p.order.map((s) => s.site))).toEqual(new Set(ids));
  });

  it("the search itself, on a table: three stops in a line from the meeting point", () => {
    const at = [0, 1, 2, 3];
    const problem = {
      departure: 480,
      weekday: "sunday" as const,
      stops: [3, 1, 2].map((site) => ({ site, dwell: 10 })),
      facts: new Map(
        [1, 2, 3].map((id) => [
          id,
          { name: String(id), location: null, visitMinutes: 10, maxVisitors: 20, hours: [{ weekday: "sunday" as const, opens: "08:00", closes: "12:00" }], closed: null, archived: false },
        ]),
      ),
      leg: (from: number | null, to: number | null) => Math.abs((at[from ?? 0] ?? 0) - (at[to ?? 0] ?? 0)) * 10,
      fixLast: false,
    };
    expect(evaluateOrder(problem, [0, 1, 2])).toEqual([80, true]);
    const p = solveOrder(problem);
    expect(p.order.map((s) => s.site)).toEqual([1, 2, 3]);
    expect([p.travelBefore, p.travelAfter, p.exact]).toEqual([80, 60, true]);
  });
});

describe("vehicles and guides", () => {
  it("lists active ones first by name; saves and checks them", async () => {
    expect((await listVehicles()).map((v) => [v.name, v.active])).toEqual([
      ["اتوبوس شماره‌ی ۱", true],
      ["اتوبوس شماره‌ی ۲", true],
      ["مینی‌بوس", true],
      ["اتوبوس قدیمی", false],
    ]);
    const id = await saveVehicle({ id: null, name: " ون ", plate: "۱۱ الف ۱۱۱", seats: 12, active: true });
    expect((await listVehicles()).find((v) => v.id === id)).toMatchObject({ name: "ون", seats: 12 });
    expect((await rejection(saveVehicle({ id: null, name: "", plate: "", seats: 12, active: true }))).code).toBe("invalid_input");
    expect((await rejection(saveVehicle({ id: null, name: "ون", plate: "", seats: 201, active: true }))).messageFa).toBe(
      "صندلی‌های خودرو بین ۱ و ۲۰۰ است",
    );
    expect((await rejection(saveVehicle({ id: 77, name: "ون", plate: "", seats: 10, active: true }))).code).toBe("not_found");
    const g = await saveGuide({ id: null, name: "نرگس صالحی", phone: "09131112233", active: true });
    expect((await listGuides()).find((x) => x.id === g)?.phone).toBe("09131112233");
  });

  it("refuses a vehicle or guide on an overlapping tour, naming it; capacity follows the vehicles", async () => {
    const clash = await rejection(assignVehicle(90005, 2, true));
    expect(clash).toEqual({
      code: "conflict",
      message: "the vehicle “اتوبوس شماره‌ی ۲” is on the tour of 1405/09/09 at 08:00 at overlapping times",
      messageFa: "خودروی «اتوبوس شماره‌ی ۲» در همین ساعت‌ها در تور ۱۴۰۵/۰۹/۰۹ ساعت ۰۸:۰۰ است",
    });
    expect((await rejection(assignGuide(90005, 2, true))).messageFa).toBe("راهنما «علی کاظمی» در همین ساعت‌ها در تور ۱۴۰۵/۰۹/۰۹ ساعت ۰۸:۰۰ است");
    const withBus = await assignVehicle(90005, 3, true);
    expect(withBus.vehicles.map((v) => v.id)).toEqual([3]);
    expect(withBus.schedule.capacity).toMatchObject({ seats: 18, vehicleSeats: 18 });
    expect((await assignVehicle(90005, 3, false)).vehicles).toEqual([]);
    expect((await rejection(assignVehicle(90005, 42, true))).code).toBe("not_found");
  });

  it("a cancelled tour holds nothing; a longer itinerary shows up as a clash", async () => {
    await setTourStatus(90004, "cancelled");
    expect((await assignVehicle(90005, 2, true)).vehicles.map((v) => v.id)).toEqual([2]);
    await setTourStatus(90004, "draft");
    const detail = await getTour(90005);
    expect(detail.clashes.map((c) => c.code)).toEqual(["clash"]);
    expect((await rejection(setTourStatus(90005, "open"))).messageFa).toMatch(/^خودروی «اتوبوس شماره‌ی ۲» در همین ساعت‌ها/);
  });
});

describe("route templates", () => {
  it("saves a tour's itinerary under a unique name, lists and removes", async () => {
    const id = await saveTemplateFromTour(90002, "  صبح  ");
    expect((await listTemplates()).map((t) => t.name)).toEqual(["صبح", "کمربندی چهارم و زینبیه"]);
    expect((await listTemplates()).find((t) => t.id === id)?.stops).toEqual([
      { site: 2, dwell: null },
      { site: 1, dwell: null },
    ]);
    expect((await rejection(saveTemplateFromTour(90002, "صبح"))).code).toBe("conflict");
    expect((await rejection(saveTemplateFromTour(90006, "خالی"))).messageFa).toBe("توری بدون توقف الگو نمی‌شود");
    expect((await rejection(saveTemplateFromTour(90002, " "))).code).toBe("invalid_input");
    await removeTemplate(id);
    expect((await rejection(removeTemplate(id))).code).toBe("not_found");
  });

  it("matches the programme's draft tours by weekday and time, and applies to drafts only", async () => {
    expect(await templateMatchingTours(["saturday"], null)).toEqual([]);
    await installDemo();
    const saturdays = await templateMatchingTours(["saturday"], "۸:۰۰");
    expect(saturdays.length).toBeGreaterThan(5);
    expect(saturdays.every((t) => t.departure === "08:00" && t.status === "draft")).toBe(true);
    const both = await templateMatchingTours(["saturday"], null);
    expect(both.length).toBe(saturdays.length * 2);
    expect((await rejection(templateMatchingTours(["saturday"], "25:00"))).code).toBe("invalid_input");

    const [first, second] = saturdays;
    await setTourStops(second!.id, [{ site: 2, dwell: null }]);
    await setTourStatus(second!.id, "open");
    const [template] = await listTemplates();
    const result = await applyTemplate(template!.id, [first!.id, second!.id]);
    expect(result).toEqual({ applied: 1, skipped: 1 });
    expect((await getTour(first!.id)).stops.map((s) => s.site)).toEqual([2, 1]);
    expect((await getTour(second!.id)).stops.map((s) => s.site)).toEqual([2]);
  });
});

describe("the travel model", () => {
  it("is checked and used; a leg's entered time wins over the estimate and can be cleared", async () => {
    expect(await getTravelModel()).toEqual(DEFAULT_TRAVEL_MODEL);
    expect((await rejection(saveTravelModel({ ...DEFAULT_TRAVEL_MODEL, roadFactor: 0.5 }))).messageFa).toBe("ضریب مسیر بین ۱ و ۳ است");
    expect((await rejection(saveTravelModel({ ...DEFAULT_TRAVEL_MODEL, speedKmh: 101 }))).code).toBe("invalid_input");
    await saveTravelModel({ ...DEFAULT_TRAVEL_MODEL, speedKmh: 44 });
    expect((await getTour(90002)).schedule.stops[0]?.travel).toBe(21);

    await setTravelOverride(2, 1, 35);
    expect((await getTour(90002)).schedule.stops[1]?.travel).toBe(35);
    // Only that direction: 1 → 2 is still the estimate.
    expect((await getTour(90004)).schedule.stops[1]?.travel).toBe(12);
    await setTravelOverride(2, 1, null);
    expect((await getTour(90002)).schedule.stops[1]?.travel).toBe(12);
    expect((await rejection(setTravelOverride(1, 1, 5))).messageFa).toBe("مبدأ و مقصد یکی است");
    expect((await rejection(setTravelOverride(1, 2, 601))).code).toBe("invalid_input");
    expect((await rejection(invoke("tour_nowhere"))) as ApiError).toMatchObject({ code: "internal" });
  });
});
