/**
 * The Reports page's charts as plain data: for each chart its labels (in
 * the UI's language: Solar Hijri dates, Persian digits when Persian), its
 * datasets and the rows of its CSV export (Latin digits, dates in both
 * calendars). Chart.js turns these into pictures in chartjs.ts.
 */
import type { Reports } from "../api/bindings/Reports";
import { gregorianToJalali } from "../dates/calendar";
import { digits, formatJalaliShort, monthName } from "../dates/format";
import { translate, type MessageKey, type UiLocale } from "../i18n/catalogues";
import type { CsvValue } from "./csv";

export const CHART_KINDS = [
  "visitors-per-day",
  "fill-per-tour",
  "visitors-per-site",
  "visitors-per-district",
  "requests-by-category",
  "requests-by-status",
] as const;

export type ChartKind = (typeof CHART_KINDS)[number];

/** What the chart draws and how. */
export interface Series {
  kind: ChartKind;
  /** Bars (vertical or, for sites, horizontal) or a doughnut. */
  type: "bar" | "doughnut";
  horizontal: boolean;
  /** The value axis shows percentages (0–100). */
  percent: boolean;
  labels: string[];
  datasets: { label: string; data: number[] }[];
  /** The export: a header row, then one row per label. */
  csv: CsvValue[][];
  /** Nothing to draw yet. */
  empty: boolean;
}

export const CHART_TITLES: Record<ChartKind, MessageKey> = {
  "visitors-per-day": "reports.visitorsPerDay",
  "fill-per-tour": "reports.fillPerTour",
  "visitors-per-site": "reports.visitorsPerSite",
  "visitors-per-district": "reports.visitorsPerDistrict",
  "requests-by-category": "reports.requestsByCategory",
  "requests-by-status": "reports.requestsByStatus",
};

/** «۸ آذر» / "8 Azar": a day on a chart's axis. */
export function dayLabel(iso: string, locale: UiLocale): string {
  const d = gregorianToJalali(iso);
  return d ? digits(`${d.day} ${monthName(d.month, locale)}`, locale) : digits(iso, locale);
}

/** «۱۴۰۵/۰۹/۰۸» in the locale's digits, or "1405/09/08" for files. */
function jalaliShort(iso: string, locale: UiLocale): string {
  const d = gregorianToJalali(iso);
  return d ? formatJalaliShort(d, locale) : digits(iso, locale);
}

/** Taken seats as a percentage of the capacity, one decimal; 0 without seats. */
export function fillPercent(taken: number, capacity: number): number {
  return capacity > 0 ? Math.round((taken / capacity) * 1000) / 10 : 0;
}

/** Names the series need besides the catalogue: a site's name in the UI's language. */
export interface SeriesNames {
  site(id: number, fallback: string): string;
}

/** Every chart of the page, in order. */
export function allSeries(r: Reports, locale: UiLocale, names: SeriesNames): Series[] {
  return CHART_KINDS.map((kind) => seriesOf(kind, r, locale, names));
}

export function seriesOf(kind: ChartKind, r: Reports, locale: UiLocale, names: SeriesNames): Series {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
  const base = { kind, type: "bar" as const, horizontal: false, percent: false };
  switch (kind) {
    case "visitors-per-day": {
      const rows = r.visitorsPerDay;
      return {
        ...base,
        labels: rows.map((d) => dayLabel(d.date, locale)),
        datasets: [{ label: t("reports.visitors"), data: rows.map((d) => d.visitors) }],
        csv: [
          [t("reports.dateJalali"), t("reports.dateGregorian"), t("reports.visitors")],
          ...rows.map((d): CsvValue[] => [jalaliShort(d.date, "en"), d.date, d.visitors]),
        ],
        empty: rows.length === 0,
      };
    }
    case "fill-per-tour": {
      const rows = r.fillPerTour;
      return {
        ...base,
        percent: true,
        labels: rows.map((f) => `${dayLabel(f.date, locale)} ${digits(f.departure, locale)}`),
        datasets: [
          { label: t("reports.seatsTaken"), data: rows.map((f) => fillPercent(f.taken, f.capacity)) },
          { label: t("reports.present"), data: rows.map((f) => fillPercent(f.present, f.capacity)) },
        ],
        csv: [
          [
            t("reports.tour"),
            t("reports.dateJalali"),
            t("reports.dateGregorian"),
            t("reports.departure"),
            t("reports.capacity"),
            t("reports.seatsTaken"),
            t("reports.present"),
            t("reports.fillPercentColumn"),
          ],
          ...rows.map((f): CsvValue[] => [
            f.tour,
            jalaliShort(f.date, "en"),
            f.date,
            f.departure,
            f.capacity,
            f.taken,
            f.present,
            fillPercent(f.taken, f.capacity),
          ]),
        ],
        empty: rows.length === 0,
      };
    }
    case "visitors-per-site": {
      const rows = r.visitorsPerSite;
      const label = (s: (typeof rows)[number]) => names.site(s.site, s.name);
      return {
        ...base,
        horizontal: true,
        labels: rows.map(label),
        datasets: [{ label: t("reports.visitors"), data: rows.map((s) => s.visitors) }],
        csv: [[t("reports.siteId"), t("reports.site"), t("reports.visitors")], ...rows.map((s): CsvValue[] => [s.site, label(s), s.visitors])],
        empty: rows.length === 0,
      };
    }
    case "visitors-per-district": {
      const rows = r.visitorsPerDistrict;
      return {
        ...base,
        labels: rows.map(([d]) => t("reports.districtN", { n: digits(d, locale) })),
        datasets: [{ label: t("reports.visitors"), data: rows.map(([, n]) => n) }],
        csv: [[t("reports.district"), t("reports.visitors")], ...rows.map(([d, n]): CsvValue[] => [d, n])],
        empty: rows.length === 0,
      };
    }
    case "requests-by-category": {
      const rows = r.requestsByCategory;
      return {
        ...base,
        labels: rows.map(([c]) => t(`requestCategory.${c}`)),
        datasets: [{ label: t("reports.requests"), data: rows.map(([, n]) => n) }],
        csv: [[t("reports.category"), t("reports.requests")], ...rows.map(([c, n]): CsvValue[] => [t(`requestCategory.${c}`), n])],
        empty: rows.every(([, n]) => n === 0),
      };
    }
    case "requests-by-status": {
      const rows = r.requestsByStatus;
      return {
        ...base,
        type: "doughnut",
        labels: rows.map(([s]) => t(`requestStatus.${s}`)),
        datasets: [{ label: t("reports.requests"), data: rows.map(([, n]) => n) }],
        csv: [[t("reports.status"), t("reports.requests")], ...rows.map(([s, n]): CsvValue[] => [t(`requestStatus.${s}`), n])],
        empty: rows.every(([, n]) => n === 0),
      };
    }
  }
}

/** Shortens a long label for an axis (the tooltip keeps it whole). */
export function shortLabel(label: string, max = 26): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}
