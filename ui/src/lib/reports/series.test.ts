import { describe, expect, it } from "vitest";
import type { Reports } from "../api/bindings/Reports";
import { FONT_FAMILY, chartConfig, valueText } from "./chartjs";
import { Chart } from "chart.js";
import { CHART_KINDS, allSeries, dayLabel, fillPercent, seriesOf, shortLabel } from "./series";

const REPORTS: Reports = {
  visitorsPerDay: [
    { date: "2026-11-28", visitors: 12 },
    { date: "2026-11-29", visitors: 1405 },
  ],
  fillPerTour: [{ tour: 90002, date: "2026-11-29", departure: "08:00", capacity: 20, taken: 14, present: 8 }],
  visitorsPerSite: [{ site: 1, name: "ایستگاه زینبیه، خط ۲ مترو", visitors: 8 }],
  visitorsPerDistrict: [
    [7, 8],
    [14, 8],
  ],
  requestsByCategory: [
    ["lighting", 2],
    ["roads", 0],
    ["transport", 1],
    ["cleanliness", 0],
    ["projects", 0],
    ["other", 0],
  ],
  requestsByStatus: [
    ["open", 1],
    ["referred", 2],
    ["answered", 0],
    ["reported", 0],
  ],
};

const EMPTY: Reports = {
  visitorsPerDay: [],
  fillPerTour: [],
  visitorsPerSite: [],
  visitorsPerDistrict: [],
  requestsByCategory: [["lighting", 0]],
  requestsByStatus: [["open", 0]],
};

const names = { site: (id: number, fallback: string) => (id === 1 ? "Zeynabieh station" : fallback) };

describe("the charts' series", () => {
  it("label days in the Solar Hijri calendar with the locale's digits", () => {
    expect(dayLabel("2026-11-29", "fa")).toBe("۸ آذر");
    expect(dayLabel("2026-11-29", "en")).toBe("8 Azar");
    const s = seriesOf("visitors-per-day", REPORTS, "fa", names);
    expect(s.labels).toEqual(["۷ آذر", "۸ آذر"]);
    expect(s.datasets[0]?.data).toEqual([12, 1405]);
  });

  it("export dates in both calendars with Latin digits", () => {
    const s = seriesOf("visitors-per-day", REPORTS, "fa", names);
    expect(s.csv).toEqual([
      ["تاریخ (هجری شمسی)", "تاریخ (میلادی)", "بازدیدکننده"],
      ["1405/09/07", "2026-11-28", 12],
      ["1405/09/08", "2026-11-29", 1405],
    ]);
  });

  it("give the fill rate in percent, taken and present", () => {
    expect(fillPercent(14, 20)).toBe(70);
    expect(fillPercent(1, 3)).toBe(33.3);
    expect(fillPercent(3, 0)).toBe(0);
    const s = seriesOf("fill-per-tour", REPORTS, "en", names);
    expect(s.percent).toBe(true);
    expect(s.labels).toEqual(["8 Azar 08:00"]);
    expect(s.datasets.map((d) => [d.label, d.data])).toEqual([
      ["Seats taken", [70]],
      ["Present", [40]],
    ]);
    expect(s.csv[1]).toEqual([90002, "1405/09/08", "2026-11-29", "08:00", 20, 14, 8, 70]);
  });

  it("name sites in the UI's language, districts with the locale's digits, categories and statuses from the catalogue", () => {
    expect(seriesOf("visitors-per-site", REPORTS, "en", names).labels).toEqual(["Zeynabieh station"]);
    expect(seriesOf("visitors-per-site", REPORTS, "en", names).horizontal).toBe(true);
    expect(seriesOf("visitors-per-district", REPORTS, "fa", names).labels).toEqual(["منطقه‌ی ۷", "منطقه‌ی ۱۴"]);
    expect(seriesOf("requests-by-category", REPORTS, "fa", names).labels).toEqual(["روشنایی", "راه و معابر", "حمل‌ونقل", "پاکیزگی", "پروژه‌ها", "سایر"]);
    const status = seriesOf("requests-by-status", REPORTS, "fa", names);
    expect(status.type).toBe("doughnut");
    expect(status.labels).toEqual(["باز", "ارجاع‌شده", "پاسخ‌داده‌شده", "به شهروند اعلام‌شده"]);
  });

  it("are empty until there is something to draw", () => {
    expect(allSeries(REPORTS, "fa", names).map((s) => s.empty)).toEqual(CHART_KINDS.map(() => false));
    expect(allSeries(EMPTY, "fa", names).map((s) => s.empty)).toEqual(CHART_KINDS.map(() => true));
  });

  it("shorten long axis labels", () => {
    expect(shortLabel("کوتاه")).toBe("کوتاه");
    const long = "تقاطع غیرهمسطح کمربندی چهارم و بزرگراه شهید خرازی";
    expect([...shortLabel(long)].length).toBeLessThanOrEqual(26);
    expect(shortLabel(long).endsWith("…")).toBe(true);
  });
});

describe("the Chart.js theme", () => {
  it("writes values with Persian digits and a Persian percent sign in Persian", () => {
    expect(valueText(1405, "fa", false)).toBe("۱٬۴۰۵");
    expect(valueText(12.5, "fa", true)).toBe("۱۲٫۵٪");
    expect(valueText(1405, "en", false)).toBe("1,405");
    expect(valueText(70, "en", true)).toBe("70%");
  });

  it("uses Vazirmatn", () => {
    expect(Chart.defaults.font.family).toBe(FONT_FAMILY);
    expect(FONT_FAMILY.startsWith("Vazirmatn")).toBe(true);
  });

  const theme = { locale: "fa" as const, rtl: true, reducedMotion: false, title: "t" };

  it("reads right to left in Persian: reversed category axis, values on the right, legend and tooltips RTL", () => {
    const s = seriesOf("visitors-per-day", REPORTS, "fa", names);
    const c = chartConfig(s, theme);
    const o = c.options as Record<string, any>;
    expect(o.locale).toBe("fa-IR");
    expect(o.scales.x.reverse).toBe(true);
    expect(o.scales.y.position).toBe("right");
    expect(o.plugins.legend.rtl).toBe(true);
    expect(o.plugins.legend.textDirection).toBe("rtl");
    expect(o.plugins.tooltip.rtl).toBe(true);
    expect(o.plugins.tooltip.textDirection).toBe("rtl");
    expect(o.scales.y.ticks.callback(1405)).toBe("۱٬۴۰۵");
    expect(o.plugins.tooltip.callbacks.label({ dataset: { label: "بازدیدکننده" }, raw: 12, label: "۷ آذر" })).toBe("بازدیدکننده: ۱۲");
  });

  it("draws horizontal bars from the right in Persian and percent ticks for fill rates", () => {
    const site = chartConfig(seriesOf("visitors-per-site", REPORTS, "fa", names), theme).options as Record<string, any>;
    expect(site.indexAxis).toBe("y");
    expect(site.scales.y.position).toBe("right");
    expect(site.scales.x.reverse).toBe(true);
    const fill = chartConfig(seriesOf("fill-per-tour", REPORTS, "fa", names), theme).options as Record<string, any>;
    expect(fill.scales.y.max).toBe(100);
    expect(fill.scales.y.ticks.callback(40)).toBe("۴۰٪");
  });

  it("reads left to right in English", () => {
    const c = chartConfig(seriesOf("visitors-per-day", REPORTS, "en", names), { ...theme, locale: "en", rtl: false }).options as Record<string, any>;
    expect(c.scales.x.reverse).toBe(false);
    expect(c.scales.y.position).toBe("left");
    expect(c.plugins.legend.rtl).toBe(false);
    expect(c.scales.y.ticks.callback(1405)).toBe("1,405");
  });

  it("does not animate when the system asks for reduced motion", () => {
    const s = seriesOf("requests-by-status", REPORTS, "fa", names);
    expect((chartConfig(s, { ...theme, reducedMotion: true }).options as Record<string, any>).animation).toBe(false);
    expect((chartConfig(s, theme).options as Record<string, any>).animation).toEqual({ duration: 450 });
  });

  it("paints a white background (for saved PNGs) and keeps the title for the saved picture only", () => {
    const c = chartConfig(seriesOf("requests-by-status", REPORTS, "fa", names), theme);
    expect(c.plugins?.map((p) => p.id)).toEqual(["gardeshWhiteBackground"]);
    expect((c.options as Record<string, any>).plugins.title).toMatchObject({ display: false, text: "t" });
    expect(c.type).toBe("doughnut");
  });
});
