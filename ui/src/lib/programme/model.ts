/**
 * The programme form as the coordinator fills it in, and the rules the core
 * applies to it, mirrored so each field can say what is wrong while it is
 * being typed. The core checks again on save; its answer is the one that counts.
 *
 * Numbers and times are typed in any digits (Persian, Arabic-Indic, Latin)
 * and sent to the core in Latin digits.
 */
import type { ProgrammeInput } from "../api/bindings/ProgrammeInput";
import type { Weekday } from "../api/bindings/Weekday";
import { isoDayNumber, isoFromDayNumber } from "../dates/calendar";
import type { MessageKey, MessageParams } from "../i18n/catalogues";
import { parseTime, toLatinDigits, toPersianDigits } from "../i18n/digits";
import { WEEKDAYS } from "../settings/rules";

export const TITLE_MAX = 200;
export const MEETING_POINT_MAX = 300;
export const LENGTH_MIN = 1;
export const LENGTH_MAX = 366;
export const DEFAULT_LENGTH = 80;
export const DEPARTURES_MAX = 12;
export const SEATS_MIN = 1;
export const SEATS_MAX = 200;

/** What the form holds: free text where the coordinator types, as typed. */
export interface ProgrammeDraft {
  title: string;
  /** Gregorian ISO, or null while no valid date is chosen. */
  starts: string | null;
  length: string;
  runDays: Weekday[];
  departures: string[];
  dayEnds: string;
  seats: string;
  meetingPoint: string;
}

/** A problem with a field: the catalogue key of its text and the values for it. */
export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

export interface DraftCheck {
  /** The value to send, or null while any field is refused. */
  input: ProgrammeInput | null;
  title: Problem | null;
  starts: Problem | null;
  length: Problem | null;
  runDays: Problem | null;
  /** About the list as a whole (none, too many). */
  departures: Problem | null;
  /** One entry per departure field. */
  departure: (Problem | null)[];
  dayEnds: Problem | null;
  seats: Problem | null;
  meetingPoint: Problem | null;
}

/** Characters as the core counts them. */
function length(text: string): number {
  return [...text].length;
}

/**
 * A whole number typed in any digits, «۸۰», "٨٠" or "80", with spaces
 * around; null for anything else.
 */
export function parseCount(text: string): number | null {
  const latin = toLatinDigits(text.trim());
  if (!/^[0-9]{1,9}$/.test(latin)) return null;
  return Number(latin);
}

export { parseTime };

/** Minutes after midnight of an "HH:MM" time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A time ("HH:MM") in the digits of the language: «۰۸:۳۰» in Persian. */
export function timeText(time: string, persian: boolean): string {
  return persian ? toPersianDigits(time) : toLatinDigits(time);
}

/** The last day of a programme of `days` days from `starts` (Gregorian ISO), or null. */
export function endDate(starts: string | null, days: number | null): string | null {
  if (!starts || days === null || days < LENGTH_MIN || days > LENGTH_MAX) return null;
  const first = isoDayNumber(starts);
  return first === null ? null : isoFromDayNumber(first + days - 1);
}

/** The running days without the weekend days, Saturday first. */
export function workingRunDays(runDays: readonly Weekday[], weekend: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => runDays.includes(day) && !weekend.includes(day));
}

/** A fresh programme: today's date is a sensible start to change. */
export function emptyDraft(starts: string | null, weekend: readonly Weekday[], persian: boolean): ProgrammeDraft {
  return {
    title: "",
    starts,
    length: persian ? toPersianDigits(DEFAULT_LENGTH) : String(DEFAULT_LENGTH),
    runDays: WEEKDAYS.filter((day) => !weekend.includes(day)),
    departures: [timeText("08:00", persian)],
    dayEnds: timeText("18:00", persian),
    seats: persian ? toPersianDigits(25) : "25",
    meetingPoint: "",
  };
}

/** The form for a saved programme, numbers and times in the language's digits. */
export function draftOf(input: ProgrammeInput, persian: boolean): ProgrammeDraft {
  const n = (value: number) => (persian ? toPersianDigits(value) : String(value));
  return {
    title: input.title,
    starts: input.starts,
    length: n(input.lengthDays),
    runDays: WEEKDAYS.filter((day) => input.runDays.includes(day)),
    departures: input.departures.map((time) => timeText(time, persian)),
    dayEnds: timeText(input.dayEnds, persian),
    seats: n(input.defaultSeats),
    meetingPoint: input.meetingPoint,
  };
}

/** Checks every field of `draft`; `weekend` are the settings' weekend days. */
export function checkDraft(draft: ProgrammeDraft, weekend: readonly Weekday[]): DraftCheck {
  const title = draft.title.trim();
  const titleProblem: Problem | null =
    title === ""
      ? { key: "programme.problem.titleEmpty" }
      : length(title) > TITLE_MAX
        ? {
            key: "programme.problem.titleLong",
            params: { max: String(TITLE_MAX), count: String(length(title)) },
          }
        : null;

  const startsProblem: Problem | null = draft.starts ? null : { key: "programme.problem.startsEmpty" };

  const days = parseCount(draft.length);
  const lengthProblem: Problem | null =
    days === null || days < LENGTH_MIN || days > LENGTH_MAX ? { key: "programme.problem.length" } : null;

  const runDaysProblem: Problem | null =
    workingRunDays(draft.runDays, weekend).length === 0 ? { key: "programme.problem.runDays" } : null;

  const dayEnds = parseTime(draft.dayEnds);
  const dayEndsProblem: Problem | null =
    dayEnds === null ? { key: "programme.problem.time", params: { input: draft.dayEnds.trim() } } : null;

  const times = draft.departures.map(parseTime);
  const departure = draft.departures.map((text, i): Problem | null => {
    const time = times[i] ?? null;
    if (time === null) return { key: "programme.problem.time", params: { input: text.trim() } };
    if (times.indexOf(time) !== i) return { key: "programme.problem.timeRepeated" };
    if (dayEnds !== null && minutesOf(time) >= minutesOf(dayEnds)) {
      return { key: "programme.problem.afterDayEnds", params: { time: dayEnds } };
    }
    return null;
  });
  const departuresProblem: Problem | null =
    draft.departures.length === 0
      ? { key: "programme.problem.departuresNone" }
      : draft.departures.length > DEPARTURES_MAX
        ? { key: "programme.problem.departuresMany", params: { max: String(DEPARTURES_MAX) } }
        : null;

  const seats = parseCount(draft.seats);
  const seatsProblem: Problem | null =
    seats === null || seats < SEATS_MIN || seats > SEATS_MAX ? { key: "programme.problem.seats" } : null;

  const meetingPoint = draft.meetingPoint.trim();
  const meetingPointProblem: Problem | null =
    length(meetingPoint) > MEETING_POINT_MAX
      ? { key: "programme.problem.meetingPointLong", params: { max: String(MEETING_POINT_MAX) } }
      : null;

  const ok =
    !titleProblem &&
    !startsProblem &&
    !lengthProblem &&
    !runDaysProblem &&
    !departuresProblem &&
    departure.every((p) => p === null) &&
    !dayEndsProblem &&
    !seatsProblem &&
    !meetingPointProblem;

  const input: ProgrammeInput | null =
    ok && draft.starts && days !== null && seats !== null && dayEnds !== null
      ? {
          title,
          starts: draft.starts,
          lengthDays: days,
          runDays: WEEKDAYS.filter((day) => draft.runDays.includes(day)),
          departures: (times as string[]).slice().sort(),
          defaultSeats: seats,
          meetingPoint,
          dayEnds,
        }
      : null;

  return {
    input,
    title: titleProblem,
    starts: startsProblem,
    length: lengthProblem,
    runDays: runDaysProblem,
    departures: departuresProblem,
    departure,
    dayEnds: dayEndsProblem,
    seats: seatsProblem,
    meetingPoint: meetingPointProblem,
  };
}

/** The draft in the form the core would store it, for telling whether anything changed. */
function canonical(draft: ProgrammeDraft): string {
  const times = draft.departures.map((text) => parseTime(text) ?? text.trim());
  return JSON.stringify([
    draft.title.trim(),
    draft.starts,
    parseCount(draft.length) ?? draft.length.trim(),
    WEEKDAYS.filter((day) => draft.runDays.includes(day)),
    times,
    parseTime(draft.dayEnds) ?? draft.dayEnds.trim(),
    parseCount(draft.seats) ?? draft.seats.trim(),
    draft.meetingPoint.trim(),
  ]);
}

/** True when the two drafts would save the same programme (digits and spacing aside). */
export function sameDraft(a: ProgrammeDraft, b: ProgrammeDraft): boolean {
  return canonical(a) === canonical(b);
}

/**
 * How many departures the saved pattern asks for, as the core counts them:
 * each departure time on each running day inside the programme, except
 * weekend days and holidays. Also the number of such days.
 */
export function expectedDepartures(
  input: ProgrammeInput,
  weekend: readonly Weekday[],
  holidayDates: readonly string[],
): { days: number; departures: number } {
  const first = isoDayNumber(input.starts);
  if (first === null) return { days: 0, departures: 0 };
  const off = new Set(holidayDates);
  const running = workingRunDays(input.runDays, weekend);
  let days = 0;
  for (let n = 0; n < input.lengthDays; n++) {
    const iso = isoFromDayNumber(first + n);
    // Julian day numbers count from a Monday; Saturday is index 0 of the Iranian week.
    const weekday = WEEKDAYS[(first + n + 2) % 7] ?? "saturday";
    if (running.includes(weekday) && !off.has(iso)) days++;
  }
  return { days, departures: days * new Set(input.departures).size };
}
