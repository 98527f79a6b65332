/**
 * What a print button asks for: the request, what the document is about
 * (the dialog's title) and the file name the save dialog suggests, in the
 * UI's language («برنامه سفر تور ۱۲.pdf» / "Itinerary tour 12.pdf").
 */
import {
  confirmationPrintRequest,
  pdfFileName,
  tourPrintRequest,
  weekPrintRequest,
  type PrintKind,
  type PrintRequest,
  type TourPrintKind,
} from "../api/print";
import type { Tour } from "../api/bindings/Tour";
import { gregorianToJalali, isoDayNumber, isoFromDayNumber } from "../dates/calendar";
import { digits, formatJalaliDayMonthYear, formatJalaliIso, formatJalaliLong } from "../dates/format";
import { translate, type UiLocale } from "../i18n/catalogues";
import { isolate } from "../i18n/format";

export interface PrintTarget {
  request: PrintRequest;
  kind: PrintKind;
  /** What the document is about: a tour, a registration, a week. */
  subject: string;
  /** The name the save dialog suggests, ending in .pdf. */
  fileName: string;
}

/** «یکشنبه ۸ آذر ۱۴۰۵، ۰۸:۰۰» / "Sunday 8 Azar 1405, 08:00". */
function tourWhen(tour: Pick<Tour, "date" | "departure">, locale: UiLocale): string {
  const day = gregorianToJalali(tour.date);
  const date = day ? formatJalaliLong(day, locale) : digits(tour.date, locale);
  return `${date}${locale === "fa" ? "، " : ", "}${digits(tour.departure, locale)}`;
}

/** A document of one tour. */
export function tourTarget(kind: TourPrintKind, tour: Pick<Tour, "id" | "date" | "departure">, locale: UiLocale): PrintTarget {
  const n = digits(tour.id, locale);
  return {
    request: tourPrintRequest(kind, tour.id),
    kind,
    subject: translate(locale, "print.subjectTour", { n, date: tourWhen(tour, locale) }),
    fileName: pdfFileName(translate(locale, `print.file.${kind}`, { n })),
  };
}

/** The confirmation of one registration of group `group`, known by its code. */
export function confirmationTarget(registration: { id: number; code: string }, group: string, locale: UiLocale): PrintTarget {
  return {
    request: confirmationPrintRequest(registration.id),
    kind: "confirmation",
    subject: translate(locale, "print.subjectRegistration", { group: isolate(group), code: registration.code }),
    fileName: pdfFileName(translate(locale, "print.file.confirmation", { code: registration.code })),
  };
}

/** The last of the seven days from `from` (Gregorian ISO). */
export function weekEnd(from: string): string | null {
  const n = isoDayNumber(from);
  return n === null ? null : isoFromDayNumber(n + 6);
}

/** The itineraries of the seven days from `from` (Gregorian ISO). */
export function weekTarget(from: string, locale: UiLocale): PrintTarget {
  const start = gregorianToJalali(from);
  const endIso = weekEnd(from);
  const end = endIso ? gregorianToJalali(endIso) : null;
  const long = (d: typeof start, iso: string) => (d ? formatJalaliDayMonthYear(d, locale) : digits(iso, locale));
  return {
    request: weekPrintRequest(from),
    kind: "week",
    subject: translate(locale, "print.subjectWeek", { from: long(start, from), to: long(end, endIso ?? from) }),
    fileName: pdfFileName(translate(locale, "print.file.week", { date: digits(start ? formatJalaliIso(start) : from, locale) })),
  };
}

/** «۱۳ صفحه» / "13 pages" («یک صفحه» / "1 page" for one). */
export function pagesText(pages: number, locale: UiLocale): string {
  return pages === 1 ? translate(locale, "print.pagesOne") : translate(locale, "print.pages", { n: digits(pages, locale) });
}
