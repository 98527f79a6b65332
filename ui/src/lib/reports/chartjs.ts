/**
 * Chart.js, tree-shaken to what the Reports page draws (bars and a
 * doughnut) and themed for Gardesh: Vazirmatn, the app's colours, right to
 * left in Persian (legend and tooltips written right to left, the category
 * axis read from the right, values on the right), numbers in the UI's
 * digits, no animation when the system asks for reduced motion, and a
 * white background so a saved PNG is readable anywhere.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Title,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from "chart.js";
import type { UiLocale } from "../i18n/catalogues";
import { formatNumber } from "../i18n/format";
import { shortLabel, type Series } from "./series";

Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Legend, Tooltip, Title);

export const FONT_FAMILY = "Vazirmatn, system-ui, sans-serif";
Chart.defaults.font.family = FONT_FAMILY;
Chart.defaults.font.size = 13;
Chart.defaults.color = "#33413f";

/** The app's palette (app.css), for datasets in order and for the doughnut's slices. */
export const PALETTE = ["#0f7b78", "#d97706", "#2563eb", "#067647", "#b42318", "#7c3aed"];

const GRID = "#e1e6e4";

/** Paints the canvas white under the chart, so a saved PNG is not transparent. */
export const whiteBackground: Plugin = {
  id: "gardeshWhiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** A value on an axis or in a tooltip: the locale's digits, a percent sign on percent charts. */
export function valueText(value: number, locale: UiLocale, percent: boolean): string {
  const n = formatNumber(value, locale, percent ? 1 : 0);
  if (!percent) return n;
  return locale === "fa" ? `${n}٪` : `${n}%`;
}

export interface ThemeOptions {
  locale: UiLocale;
  rtl: boolean;
  reducedMotion: boolean;
  /** The title drawn on the canvas (shown only in the saved PNG). */
  title: string;
}

/** The Chart.js configuration of a series. */
export function chartConfig(s: Series, o: ThemeOptions): ChartConfiguration {
  const numberLocale = o.locale === "fa" ? "fa-IR" : "en-US";
  const direction = o.rtl ? "rtl" : "ltr";
  const common = {
    locale: numberLocale,
    responsive: true,
    maintainAspectRatio: false,
    animation: o.reducedMotion ? (false as const) : { duration: 450 },
    plugins: {
      title: { display: false, text: o.title, font: { size: 15, weight: "bold" as const }, padding: { top: 8, bottom: 14 } },
      legend: {
        display: s.type === "doughnut" || s.datasets.length > 1,
        position: (s.type === "doughnut" ? (o.rtl ? "left" : "right") : "top") as "left" | "right" | "top",
        rtl: o.rtl,
        textDirection: direction,
        labels: { boxWidth: 14, boxHeight: 14, padding: 14 },
      },
      tooltip: {
        rtl: o.rtl,
        textDirection: direction,
        callbacks: {
          label: (item: { dataset: { label?: string }; raw: unknown; label: string }) => {
            const value = valueText(Number(item.raw), o.locale, s.percent);
            return s.type === "doughnut" ? `${item.label}: ${value}` : `${item.dataset.label ?? ""}: ${value}`;
          },
        },
      },
    },
  };

  if (s.type === "doughnut") {
    const doughnut: ChartConfiguration<"doughnut"> = {
      type: "doughnut",
      data: {
        labels: s.labels,
        datasets: s.datasets.map((d) => ({ ...d, backgroundColor: PALETTE, borderColor: "#ffffff", borderWidth: 2 })),
      },
      options: { ...common, cutout: "58%" },
    };
    // Chart.js types a configuration by its chart type; the page keeps one type for all.
    return { ...(doughnut as unknown as ChartConfiguration), plugins: [whiteBackground] };
  }

  const category = {
    reverse: o.rtl && !s.horizontal,
    position: (s.horizontal ? (o.rtl ? "right" : "left") : "bottom") as "right" | "left" | "bottom",
    grid: { display: false },
    ticks: {
      autoSkip: true,
      maxRotation: 0,
      callback(this: { getLabelForValue(v: number): string }, value: string | number) {
        return shortLabel(this.getLabelForValue(Number(value)));
      },
    },
  };
  const values = {
    beginAtZero: true,
    reverse: o.rtl && s.horizontal,
    position: (s.horizontal ? "bottom" : o.rtl ? "right" : "left") as "right" | "left" | "bottom",
    grid: { color: GRID },
    ...(s.percent ? { max: 100 } : {}),
    ticks: {
      precision: 0,
      callback: (value: string | number) => valueText(Number(value), o.locale, s.percent),
    },
  };
  return {
    type: "bar",
    data: {
      labels: s.labels,
      datasets: s.datasets.map((d, i) => ({
        ...d,
        backgroundColor: PALETTE[i % PALETTE.length],
        borderRadius: 4,
        maxBarThickness: 42,
      })),
    },
    options: {
      ...common,
      indexAxis: s.horizontal ? "y" : "x",
      scales: s.horizontal ? { y: category, x: values } : { x: category, y: values },
    },
    plugins: [whiteBackground],
  };
}

/** Draws `s` on `canvas`. */
export function drawChart(canvas: HTMLCanvasElement, s: Series, o: ThemeOptions): Chart {
  return new Chart(canvas, chartConfig(s, o));
}

/** How many device pixels per CSS pixel a saved PNG has at least (sharp in a report or on a slide). */
export const PNG_PIXEL_RATIO = 2;

/** The chart as PNG bytes, with its title drawn on it, at twice the screen's resolution or more. */
export async function chartPng(chart: Chart): Promise<Uint8Array> {
  const title = chart.options.plugins?.title;
  const ratio = chart.options.devicePixelRatio;
  if (title) title.display = true;
  chart.options.devicePixelRatio = Math.max(PNG_PIXEL_RATIO, globalThis.devicePixelRatio ?? 1);
  chart.resize();
  chart.update("none");
  try {
    const blob = await new Promise<Blob | null>((resolve) => chart.canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the chart could not be drawn as PNG");
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    if (title) title.display = false;
    chart.options.devicePixelRatio = ratio;
    chart.resize();
    chart.update("none");
  }
}
