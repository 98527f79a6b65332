import { it } from "vitest";
import { createMockBackend, memoryStore } from "./mock";
const LONG = "کارگاه بازسازی و مقاوم‌سازی جداره‌های تاریخی بازار بزرگ اصفهان از سردر قیصریه تا مسجد جامع عتیق، ضلع شمالی، بخش دوم";
it("prints", async () => {
  console.log([...LONG].length);
  const h = createMockBackend(memoryStore());
  const mk = async (nameFa: string, lat: number, lng: number, opens: string, closes: string, visitMinutes: number, maxVisitors: number) => {
    const { id } = (await h("site_create", { input: { nameFa, nameEn: "", category: "other", district: 1, address: "", location: { latitude: lat, longitude: lng }, progress: 50, department: "", contactName: "", contactPhone: "", description: "", rules: { maxVisitors, visitMinutes, minAge: 0, ppe: [], stepFree: false, safetyNotes: "" } } })) as any;
    await h("site_set_hours", { id, hours: ["saturday","sunday","monday","tuesday","wednesday","thursday"].map((weekday) => ({ weekday, opens, closes })) });
    return id;
  };
  const a = await mk("ایستگاه سی‌وسه‌پل (خط ۱ مترو)", 32.646, 51.6681, "08:00", "18:00", 30, 30);
  const b = await mk("پیاده‌راه‌سازی چهارباغ عباسی", 32.653, 51.6683, "08:00", "18:00", 40, 40);
  const c = await mk(LONG, 32.6672, 51.6836, "08:00", "17:00", 30, 35);
  const stops = [1, 2, a, b, c].map((site) => ({ site, dwell: null }));
  const s = (await h("tour_set_stops", { id: 90006, stops })) as any;
  console.log(JSON.stringify(s.schedule.stops.map((x: any) => [x.site, x.travel, x.arrival, x.departure, x.problems.map((p: any) => p.fa)])), s.schedule.ends, s.schedule.feasible, s.schedule.capacity);
  const p = (await h("tour_optimise", { id: 90006, fixLast: false })) as any;
  console.log(JSON.stringify(p.order.map((x: any) => x.site)), p.travelBefore, p.travelAfter, p.feasible, p.wasFeasible, p.exact, p.preview.ends);
  const p2 = (await h("tour_optimise", { id: 90006, fixLast: true })) as any;
  console.log(JSON.stringify(p2.order.map((x: any) => x.site)), p2.travelBefore, p2.travelAfter, p2.feasible);
});
