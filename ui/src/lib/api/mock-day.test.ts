import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import type { MemberInput } from "./bindings/MemberInput";
import type { RequestInput } from "./bindings/RequestInput";
import { jalaliToGregorian } from "../dates/calendar";
import {
  answerRequest,
  checkinCode,
  checkinMark,
  checkinSheet,
  checkinUndo,
  checkinWalkIn,
  closeDeparture,
  createRequest,
  dashboardFigures,
  getGroup,
  getReports,
  getRequest,
  listRequests,
  referRequest,
  reportRequest,
  requestDepartments,
  saveFile,
  updateRequest,
} from "./index";
import { MOCK_TODAY, installMockBackend, memoryStore } from "./mock";
import { SAVED_FILE_KEY, dueDate, isDayCommand, parseAnyDate, verifyCode } from "./mock-day";
import { SEED_TOUR_LATER, SEED_TOUR_TODAY, registrationCode } from "./mock-groups";

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

const j = (year: number, month: number, day: number) => jalaliToGregorian({ year, month, day });

// Seeded registrations: 1 the school (8, confirmed on today's 90002), 2 the
// mosque (6, confirmed on 90002), 3 the family (7, waiting on 90002), 4 the
// NGO (5, confirmed on 90010, two weeks on).
const SCHOOL = 1;
const MOSQUE = 2;
const FAMILY = 3;
const NGO = 4;

describe("the three-month promise (raised + 3 Solar Hijri months, clamped)", () => {
  it.each([
    ["30 Azar 1405 → 29 Esfand 1405 (1405 is not a leap year)", j(1405, 9, 30), j(1405, 12, 29)],
    ["31 Shahrivar → 30 Azar", j(1405, 6, 31), j(1405, 9, 30)],
    ["31 Mordad → 30 Aban", j(1405, 5, 31), j(1405, 8, 30)],
    ["8 Azar → 8 Esfand", j(1405, 9, 8), j(1405, 12, 8)],
    ["30 Azar 1403 → 30 Esfand 1403 (a leap year)", j(1403, 9, 30), j(1403, 12, 30)],
    ["15 Dey 1405 → 15 Farvardin 1406 (over the year's end)", j(1405, 10, 15), j(1406, 1, 15)],
    ["1 Esfand 1405 → 1 Khordad 1406", j(1405, 12, 1), j(1406, 3, 1)],
    ["29 Esfand 1405 → 29 Khordad 1406", j(1405, 12, 29), j(1406, 3, 29)],
    ["30 Esfand 1403 → 30 Khordad 1404", j(1403, 12, 30), j(1404, 3, 30)],
    ["31 Farvardin → 31 Tir", j(1405, 1, 31), j(1405, 4, 31)],
  ])("%s", (_what, raised, due) => {
    expect(dueDate(raised)).toBe(due);
  });

  it("gives null for a day that is not a date", () => {
    expect(dueDate("2026-02-30")).toBeNull();
  });

  it("is what the backend stores when a request is created, typed in either calendar and any digits", async () => {
    for (const raisedOn of ["1405/09/30", "۱۴۰۵/۰۹/۳۰", "١٤٠٥-٠٩-٣٠", "2026-12-21"]) {
      const r = await createRequest(input({ raisedOn }));
      expect(r.raisedOn, raisedOn).toBe("2026-12-21");
      expect(r.dueOn, raisedOn).toBe(j(1405, 12, 29));
    }
  });
});

describe("reading a typed date", () => {
  it("takes Solar Hijri years before 1700 and Gregorian otherwise", () => {
    expect(parseAnyDate("raisedOn", "1405/10/01")).toBe("2026-12-22");
    expect(parseAnyDate("raisedOn", "۱۴۰۵-۱۰-۱")).toBe("2026-12-22");
    expect(parseAnyDate("raisedOn", "2026-12-22")).toBe("2026-12-22");
  });

  it("refuses what is not a date, with the reason in both languages", () => {
    const leap = (() => {
      try {
        parseAnyDate("raisedOn", "1404/12/30");
      } catch (e) {
        return e as ApiError;
      }
      throw new Error("expected a refusal");
    })();
    expect(leap.code).toBe("invalid_input");
    expect(leap.messageFa).toContain("کبیسه نیست");
    expect(leap.message).toMatch(/^raisedOn: .*leap year/);
    expect(() => parseAnyDate("raisedOn", "yesterday")).toThrow();
    expect(() => parseAnyDate("raisedOn", "2026-02-30")).toThrow();
  });
});

describe("registration codes", () => {
  it("are read however they are typed: any case, Persian digits, spaces, without the prefix", () => {
    const code = registrationCode(12);
    const check = code.split("-")[2] ?? "";
    expect(verifyCode(code)).toBe(12);
    expect(verifyCode(code.toLowerCase())).toBe(12);
    expect(verifyCode(` grd - ۱۲ - ${check.toLowerCase()} \r\n`)).toBe(12);
    expect(verifyCode(`12-${check}`)).toBe(12);
    expect(verifyCode(`GRD_12_${check}`)).toBe(12);
  });

  it("read O as 0 and I or L as 1 (Crockford)", () => {
    // Find a registration whose check has a 0 or a 1 in it.
    const id = Array.from({ length: 200 }, (_, i) => i + 1).find((n) => /[01]/.test(registrationCode(n).split("-")[2] ?? ""));
    expect(id).toBeDefined();
    const code = registrationCode(id as number);
    expect(verifyCode(code.replace(/-(\w+)$/, (_m, c: string) => `-${c.replace(/0/g, "O").replace(/1/g, "l")}`))).toBe(id);
  });

  it.each([
    ["a mistyped check", () => `GRD-12-${(registrationCode(12).split("-")[2] ?? "").replace(/.$/, (c) => (c === "A" ? "B" : "A"))}`, "اشتباه تایپ شده"],
    ["a forged code", () => "GRD-12-AAAAAA", "از این برنامه نیست"],
    ["a code of the wrong shape", () => "GRD12", "شکل درستی ندارد"],
    ["a number that is not one", () => "GRD-x1-ABCDEF", "عدد نیست"],
    ["an empty scan", () => "", "شکل درستی ندارد"],
  ])("refuse %s with invalid_input and the reason", (_what, make, fa) => {
    try {
      verifyCode(make());
    } catch (e) {
      const error = e as ApiError;
      expect(error.code).toBe("invalid_input");
      expect(error.messageFa).toContain(fa);
      expect(error.message).toMatch(/^code: /);
      return;
    }
    throw new Error("the code was expected to be refused");
  });
});

describe("check-in", () => {
  it("lists the groups holding seats on the tour, with seats expected, present and the capacity", async () => {
    const sheet = await checkinSheet(SEED_TOUR_TODAY);
    expect(sheet.groups.map((g) => g.registration.id)).toEqual([SCHOOL, MOSQUE]);
    expect([sheet.expected, sheet.present, sheet.capacity]).toEqual([14, 0, 20]);
    const leader = sheet.groups[0]?.members[0];
    expect(leader).toMatchObject({ fullName: "مریم صادقی", isLeader: true, present: null, walkIn: false });
    expect(sheet.groups[0]?.registration.code).toBe(registrationCode(SCHOOL));
  });

  it("checks a whole group in by its code; a second scan changes nothing and says so", async () => {
    const first = await checkinCode(SEED_TOUR_TODAY, registrationCode(SCHOOL).toLowerCase());
    expect(first.already).toBe(false);
    expect(first.group.groupName).toBe("دبیرستان دخترانه‌ی فرزانگان ۲");
    expect(first.group.present).toBe(8);
    expect(first.group.registration.state).toBe("attended");
    const again = await checkinCode(SEED_TOUR_TODAY, registrationCode(SCHOOL));
    expect(again.already).toBe(true);
    expect(again.group.present).toBe(8);
    const sheet = await checkinSheet(SEED_TOUR_TODAY);
    expect([sheet.expected, sheet.present]).toEqual([14, 8]);
  });

  it("keeps a member ticked absent before the scan absent", async () => {
    const sheet = await checkinSheet(SEED_TOUR_TODAY);
    const member = sheet.groups[1]?.members[2]?.id as number;
    await checkinMark(MOSQUE, member, false);
    const done = await checkinCode(SEED_TOUR_TODAY, registrationCode(MOSQUE));
    expect(done.group.present).toBe(5);
    expect(done.group.members.find((m) => m.id === member)?.present).toBe(false);
  });

  it("refuses a mistyped code, another tour's code (naming that tour), a waiting group and a tour not today", async () => {
    const typo = await rejection(checkinCode(SEED_TOUR_TODAY, "GRD-1-ZZZZZZ"));
    expect(typo.code).toBe("invalid_input");
    const other = await rejection(checkinCode(SEED_TOUR_TODAY, registrationCode(NGO)));
    expect(other.code).toBe("conflict");
    expect(other.messageFa).toBe("این کد برای تور دیگری است: دوشنبه ۲۳ آذر ۱۴۰۵ ساعت ۰۹:۰۰");
    expect(other.message).toBe("this code is for another tour: 2026-12-14 at 09:00");
    const waiting = await rejection(checkinCode(SEED_TOUR_TODAY, registrationCode(FAMILY)));
    expect(waiting.messageFa).toBe("این گروه هنوز در فهرست انتظار است و صندلی ندارد");
    const later = await rejection(checkinCode(SEED_TOUR_LATER, registrationCode(NGO)));
    expect(later.code).toBe("conflict");
    expect(later.message).toBe("this tour is on 2026-12-14, not today");
    const unknown = await rejection(checkinCode(SEED_TOUR_TODAY, registrationCode(999)));
    expect(unknown.code).toBe("not_found");
  });

  it("ticks members present, absent or clear; the group is attended while anyone is present", async () => {
    const sheet = await checkinSheet(SEED_TOUR_TODAY);
    const [a, b] = (sheet.groups[1]?.members ?? []).map((m) => m.id);
    let g = await checkinMark(MOSQUE, a as number, true);
    expect([g.present, g.registration.state]).toEqual([1, "attended"]);
    g = await checkinMark(MOSQUE, b as number, false);
    expect(g.members.find((m) => m.id === b)?.present).toBe(false);
    g = await checkinMark(MOSQUE, a as number, null);
    expect([g.present, g.registration.state]).toEqual([0, "confirmed"]);
    expect((await rejection(checkinMark(MOSQUE, 99_999, true))).code).toBe("not_found");
    expect((await rejection(checkinMark(NGO, 1, true))).code).toBe("conflict");
  });

  it("undoes a check-in: marks gone, confirmed again", async () => {
    await checkinCode(SEED_TOUR_TODAY, registrationCode(SCHOOL));
    const g = await checkinUndo(SCHOOL);
    expect(g.present).toBe(0);
    expect(g.registration.state).toBe("confirmed");
    expect(g.members.every((m) => m.present === null)).toBe(true);
    expect((await rejection(checkinUndo(FAMILY))).code).toBe("conflict");
  });

  const walkIn = (fullName: string, over: Partial<MemberInput> = {}): MemberInput => ({
    id: null,
    fullName,
    nationalId: "",
    mobile: "",
    birthYear: null,
    stepFree: false,
    ppeSizes: "",
    isLeader: false,
    duplicateReason: "",
    ...over,
  });

  it("adds a walk-in with a reason when a seat is free: one more member and seat, marked present", async () => {
    const missing = await rejection(checkinWalkIn(SCHOOL, walkIn("نرگس امیری"), "  "));
    expect(missing.messageFa).toBe("دلیل افزودن همراه تازه را بنویسید");
    const badId = await rejection(checkinWalkIn(SCHOOL, walkIn("نرگس امیری", { nationalId: "1234567890" }), "معلم جایگزین"));
    expect(badId.code).toBe("invalid_input");
    const g = await checkinWalkIn(SCHOOL, walkIn("نرگس امیری", { mobile: "۰۹۱۳ ۱۱۱ ۰۰۰۰" }), "معلم جایگزین");
    expect(g.registration.seats).toBe(9);
    expect(g.present).toBe(1);
    const added = g.members.find((m) => m.fullName === "نرگس امیری");
    expect(added).toMatchObject({ walkIn: true, present: true, isLeader: false });
    const group = await getGroup(g.registration.group);
    expect(group.group.members.find((m) => m.fullName === "نرگس امیری")?.mobile).toBe("09131110000");
    const sheet = await checkinSheet(SEED_TOUR_TODAY);
    expect(sheet.expected).toBe(15);
  });

  it("refuses a walk-in when no seat is free", async () => {
    // 14 of 20 seats are taken: six walk-ins fill the tour.
    for (let i = 0; i < 6; i++) await checkinWalkIn(MOSQUE, walkIn(`همراه ${i + 1}`), "آمد");
    const full = await rejection(checkinWalkIn(MOSQUE, walkIn("همراه هفتم"), "آمد"));
    expect(full.code).toBe("conflict");
    expect(full.messageFa).toBe("صندلی خالی نمانده است؛ همراه تازه جا نمی‌شود");
  });

  it("at departure, groups with nobody present are no-shows and unmarked members absent; a later scan still checks in", async () => {
    const sheet = await checkinSheet(SEED_TOUR_TODAY);
    await checkinMark(SCHOOL, sheet.groups[0]?.members[0]?.id as number, true);
    const out = await closeDeparture(SEED_TOUR_TODAY);
    expect(out).toEqual({ noShowGroups: 1, absentMembers: 7 + 6 });
    const after = await checkinSheet(SEED_TOUR_TODAY);
    expect(after.groups.map((g) => g.registration.state)).toEqual(["attended", "no_show"]);
    expect(after.groups[1]?.members.every((m) => m.present === false)).toBe(true);
    const late = await checkinCode(SEED_TOUR_TODAY, registrationCode(MOSQUE));
    expect([late.already, late.group.present, late.group.registration.state]).toEqual([false, 6, "attended"]);
    expect((await rejection(closeDeparture(SEED_TOUR_LATER))).message).toBe("the tour has not departed yet (2026-12-14)");
  });
});

function input(over: Partial<RequestInput> = {}): RequestInput {
  return {
    tour: null,
    site: null,
    district: null,
    category: "lighting",
    text: "روشنایی پیاده‌رو کافی نیست",
    raisedBy: "",
    contact: "",
    raisedOn: MOCK_TODAY.gregorian,
    ...over,
  };
}

describe("citizen requests", () => {
  it("are seeded with one overdue, listed overdue first, then by due date", async () => {
    const list = await listRequests({ text: "", status: null, department: null, district: null, site: null, tour: null, category: null, overdueOnly: false });
    expect(list.length).toBe(5);
    expect(list[0]).toMatchObject({ category: "lighting", status: "referred", overdue: true, dueOn: j(1405, 8, 20) });
    expect(list.filter((r) => r.overdue).length).toBe(1);
    const dues = list.slice(1).map((r) => r.dueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it("are created with the due date the rule gives, validated as the core does", async () => {
    const r = await createRequest(input({ site: 1, tour: SEED_TOUR_TODAY }));
    expect(r).toMatchObject({ status: "open", dueOn: j(1405, 12, 8), district: 7, tour: SEED_TOUR_TODAY, overdue: false });
    expect((await rejection(createRequest(input({ text: "  " })))).messageFa).toBe("متن درخواست لازم است");
    expect((await rejection(createRequest(input({ district: 16 })))).messageFa).toBe("منطقه باید از ۱ تا ۱۵ باشد");
    expect((await rejection(createRequest(input({ raisedBy: "ن".repeat(201) })))).messageFa).toBe("متن بیش از ۲۰۰ نویسه است");
    expect((await rejection(createRequest(input({ tour: 12_345 })))).code).toBe("not_found");
    expect((await rejection(createRequest(input({ category: "weather" as never })))).code).toBe("invalid_input");
  });

  it("move open → referred → answered → reported, dated today, and refuse steps out of order", async () => {
    const r = await createRequest(input());
    expect((await rejection(reportRequest(r.id))).code).toBe("conflict");
    expect((await rejection(referRequest(r.id, " "))).messageFa).toBe("نام اداره یا معاونت را بنویسید");
    const referred = await referRequest(r.id, "معاونت خدمات شهری");
    expect(referred).toMatchObject({ status: "referred", department: "معاونت خدمات شهری", referredOn: MOCK_TODAY.gregorian });
    const answered = await answerRequest(r.id, "چراغ‌ها تا پایان ماه نصب می‌شود");
    expect(answered).toMatchObject({ status: "answered", answeredOn: MOCK_TODAY.gregorian });
    const reported = await reportRequest(r.id);
    expect(reported).toMatchObject({ status: "reported", reportedOn: MOCK_TODAY.gregorian });
    expect((await rejection(referRequest(r.id, "جای دیگر"))).code).toBe("conflict");
    const detail = await getRequest(r.id);
    expect(detail.history.map((h) => h.action)).toEqual(["request.create", "request.referred", "request.answered", "request.reported"]);
    expect(detail.history[1]?.detail).toBe("معاونت خدمات شهری");
  });

  it("are updated with the due date following the day raised", async () => {
    const r = await createRequest(input());
    const u = await updateRequest(r.id, input({ raisedOn: "1405/05/31", text: "متن اصلاح‌شده" }));
    expect(u).toMatchObject({ text: "متن اصلاح‌شده", dueOn: j(1405, 8, 30), overdue: true });
    expect((await getRequest(r.id)).history.at(-1)?.action).toBe("request.update");
  });

  it("filter by text in any letters, status, department, district, site, category and overdue", async () => {
    const all = { text: "", status: null, department: null, district: null, site: null, tour: null, category: null, overdueOnly: false };
    expect((await listRequests({ ...all, overdueOnly: true })).map((r) => r.category)).toEqual(["lighting"]);
    expect((await listRequests({ ...all, status: "answered" })).map((r) => r.category)).toEqual(["roads"]);
    expect((await listRequests({ ...all, department: "سازمان حمل‌ونقل و ترافیک" })).map((r) => r.category)).toEqual(["transport"]);
    expect((await listRequests({ ...all, district: 14 })).length).toBe(3);
    expect((await listRequests({ ...all, site: 1 })).map((r) => r.category).sort()).toEqual(["lighting", "projects"]);
    expect((await listRequests({ ...all, category: "cleanliness" })).length).toBe(1);
    // Arabic ي and ك find Persian ی and ک.
    expect((await listRequests({ ...all, text: "ايستگاه زينبيه" })).length).toBe(2);
    expect(await requestDepartments()).toEqual(["سازمان حمل‌ونقل و ترافیک", "سازمان مدیریت پسماند", "معاونت خدمات شهری", "معاونت عمران شهری"]);
  });
});

describe("the Dashboard and the reports", () => {
  it("count today's tours, seats, visitors, waiting lists, no-shows and requests", async () => {
    let f = await dashboardFigures();
    expect(f.today).toBe(MOCK_TODAY.gregorian);
    expect(f.programmeDay).toBeNull();
    expect(f.todayTours.map((x) => [x.tour.id, x.capacity, x.taken, x.present, x.waitingGroups])).toEqual([
      [SEED_TOUR_TODAY, 20, 14, 0, 1],
      [SEED_TOUR_TODAY + 1, 20, 0, 0, 0],
    ]);
    expect([f.seatsFilled, f.visitors, f.waitingGroups, f.waitingSeats, f.waitingForDates, f.noShowRate]).toEqual([19, 0, 1, 7, 1, null]);
    expect(f.requests).toEqual({ open: 3, dueThisWeek: 1, overdue: 1, total: 5 });

    await checkinCode(SEED_TOUR_TODAY, registrationCode(SCHOOL));
    await closeDeparture(SEED_TOUR_TODAY);
    f = await dashboardFigures();
    expect(f.visitors).toBe(8);
    expect(f.todayTours[0]?.present).toBe(8);
    expect(f.noShowRate).toBe(0.5);
  });

  it("give the report series", async () => {
    await checkinCode(SEED_TOUR_TODAY, registrationCode(SCHOOL));
    const r = await getReports();
    expect(r.visitorsPerDay).toEqual([{ date: MOCK_TODAY.gregorian, visitors: 8 }]);
    expect(r.fillPerTour.find((x) => x.tour === SEED_TOUR_TODAY)).toMatchObject({ capacity: 20, taken: 14, present: 8 });
    expect(r.visitorsPerSite.map((s) => [s.site, s.visitors])).toEqual([
      [1, 8],
      [2, 8],
    ]);
    expect(r.visitorsPerDistrict).toEqual([
      [7, 8],
      [14, 8],
    ]);
    expect(r.requestsByCategory).toEqual([
      ["lighting", 1],
      ["roads", 1],
      ["transport", 1],
      ["cleanliness", 1],
      ["projects", 1],
      ["other", 0],
    ]);
    expect(r.requestsByStatus).toEqual([
      ["open", 1],
      ["referred", 2],
      ["answered", 1],
      ["reported", 1],
    ]);
  });
});

describe("file_save", () => {
  it("keeps the bytes it was given (the mock has no disk)", async () => {
    const text = "\uFEFFa,b\r\n";
    await saveFile("/tmp/x.csv", new TextEncoder().encode(text));
    expect(JSON.parse(store.getItem(SAVED_FILE_KEY) ?? "null")).toEqual({ size: 8, png: false, text });
    await saveFile("/tmp/x.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]));
    expect(JSON.parse(store.getItem(SAVED_FILE_KEY) ?? "null")).toEqual({ size: 6, png: true, text: null });
  });

  it("is one of the day's commands", () => {
    expect(isDayCommand("file_save")).toBe(true);
    expect(isDayCommand("checkin_scan")).toBe(false);
  });
});
