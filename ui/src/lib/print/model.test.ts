import { describe, expect, it } from "vitest";
import { confirmationTarget, pagesText, tourTarget, weekEnd, weekTarget } from "./model";

const tour = { id: 12, date: "2026-11-29", departure: "08:00" };

describe("print targets", () => {
  it("name a tour's documents and their files in the UI's language", () => {
    const fa = tourTarget("itinerary", tour, "fa");
    expect(fa.request).toEqual({ kind: "itinerary", tour: 12, registration: null, from: null });
    expect(fa.kind).toBe("itinerary");
    expect(fa.subject).toBe("تور ۱۲، یکشنبه ۸ آذر ۱۴۰۵، ۰۸:۰۰");
    expect(fa.fileName).toBe("برنامه سفر تور ۱۲.pdf");
    expect(tourTarget("manifest", tour, "fa").fileName).toBe("فهرست مسافران تور ۱۲.pdf");
    expect(tourTarget("confirmations", tour, "fa").fileName).toBe("تأییدهای ثبت‌نام تور ۱۲.pdf");
    expect(tourTarget("safety", tour, "fa").fileName).toBe("توجیه ایمنی تور ۱۲.pdf");

    const en = tourTarget("safety", tour, "en");
    expect(en.subject).toBe("tour 12, Sunday 8 Azar 1405, 08:00");
    expect(en.fileName).toBe("Safety briefing tour 12.pdf");
    expect(tourTarget("itinerary", tour, "en").fileName).toBe("Itinerary tour 12.pdf");
  });

  it("name a confirmation by its code", () => {
    const target = confirmationTarget({ id: 7, code: "GRD-7-K3M9" }, "خانواده‌ی کاظمی", "fa");
    expect(target.request).toEqual({ kind: "confirmation", tour: null, registration: 7, from: null });
    expect(target.subject).toBe("\u2068خانواده‌ی کاظمی\u2069، کد GRD-7-K3M9");
    expect(confirmationTarget({ id: 7, code: "GRD-7-K3M9" }, "Kazemi family", "en").subject).toBe("\u2068Kazemi family\u2069, code GRD-7-K3M9");
    expect(target.fileName).toBe("تأیید ثبت‌نام GRD-7-K3M9.pdf");
    expect(confirmationTarget({ id: 7, code: "GRD-7-K3M9" }, "x", "en").fileName).toBe("Confirmation GRD-7-K3M9.pdf");
  });

  it("name a week by its seven days, with no slash in the file name", () => {
    expect(weekEnd("2026-11-29")).toBe("2026-12-05");
    expect(weekEnd("not a date")).toBeNull();
    const fa = weekTarget("2026-11-29", "fa");
    expect(fa.request).toEqual({ kind: "week", tour: null, registration: null, from: "2026-11-29" });
    expect(fa.subject).toBe("۸ آذر ۱۴۰۵ تا ۱۴ آذر ۱۴۰۵");
    expect(fa.fileName).toBe("برنامه‌های سفر هفته ۱۴۰۵-۰۹-۰۸.pdf");
    const en = weekTarget("2026-11-29", "en");
    expect(en.subject).toBe("8 Azar 1405 to 14 Azar 1405");
    expect(en.fileName).toBe("Itineraries week 1405-09-08.pdf");
  });

  it("count pages in words", () => {
    expect(pagesText(1, "fa")).toBe("یک صفحه");
    expect(pagesText(13, "fa")).toBe("۱۳ صفحه");
    expect(pagesText(1, "en")).toBe("1 page");
    expect(pagesText(13, "en")).toBe("13 pages");
  });
});
