import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import type { GroupInput } from "./bindings/GroupInput";
import type { MemberInput } from "./bindings/MemberInput";
import type { Tour } from "./bindings/Tour";
import {
  cancelDateWait,
  cancelRegistration,
  checkGroup,
  createGroup,
  getGroup,
  listDateWaits,
  listGroups,
  moveRegistration,
  previewRegistration,
  registerGroup,
  registrationEvents,
  releaseSeats,
  removeGroup,
  reorderWaiting,
  tourRoster,
  updateGroup,
  waitForDates,
} from "./index";
import { installMockBackend, memoryStore } from "./mock";
import {
  SEED_TOUR_LATER,
  SEED_TOUR_TODAY,
  createGroupsBackend,
  isGroupCommand,
  parseMobile,
  parseNationalId,
  registrationCode,
  searchTokens,
  type TourFacts,
} from "./mock-groups";

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

/** Valid national IDs no seeded member has. */
const FREE_IDS = ["6826215683", "8095560960", "0833998080", "0894464000", "0040227847", "6181442561", "4838307845"];

function member(fullName: string, over: Partial<MemberInput> = {}): MemberInput {
  return {
    id: null,
    fullName,
    nationalId: "",
    mobile: "",
    birthYear: 1370,
    stepFree: false,
    ppeSizes: "",
    isLeader: false,
    duplicateReason: "",
    ...over,
  };
}

function group(name: string, members: MemberInput[]): GroupInput {
  return { name, kind: "family", channel: "phone", preferredFrom: null, preferredTo: null, preferredSites: [], notes: "", members };
}

/** A group of `n` adults, the first the leader with a mobile. */
function adults(name: string, n: number): GroupInput {
  return group(
    name,
    Array.from({ length: n }, (_, i) => member(`عضو ${i + 1} ${name}`, i === 0 ? { isLeader: true, mobile: "09121234567" } : {})),
  );
}

describe("national IDs and mobiles, read as the core reads them", () => {
  it.each([
    ["0499370899", "0499370899"],
    ["0790419904", "0790419904"],
    ["84575948", "0084575948"],
    ["۰۴۹۹۳۷۰۸۹۹", "0499370899"],
    ["٠٤٩٩٣٧٠٨٩٩", "0499370899"],
    ["049-937089-9", "0499370899"],
    ["499370899", "0499370899"],
  ])("%s is valid, as %s", (input, want) => {
    expect(parseNationalId(input)).toEqual({ ok: true, value: want, warning: null });
  });

  it.each([
    ["0684159415", "check digit"],
    ["1111111111", "repeated"],
    ["0010000003", "all be zero"],
    ["1234567", "has 7"],
    ["12345678901", "has 11"],
    ["04993708x9", "not a digit"],
  ])("%s is refused (%s)", (input, why) => {
    const parsed = parseNationalId(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.why.en).toContain(why);
      expect(parsed.why.fa).not.toBe("");
    }
  });

  it.each(["09131234567", "9131234567", "+989131234567", "00989131234567", "989131234567", "۰۹۱۳۱۲۳۴۵۶۷", "(0913) 123 45 67", "+98 913 123 4567"])(
    "mobile %s is 09131234567",
    (input) => {
      expect(parseMobile(input)).toEqual({ ok: true, value: "09131234567", warning: null });
    },
  );

  it("refuses wrong mobiles and warns about unknown prefixes", () => {
    const landline = parseMobile("03132221111");
    expect(landline.ok).toBe(false);
    if (!landline.ok) expect(landline.why.fa).toBe("شماره‌ی همراه با ۰۹ شروع می‌شود؛ این شماره‌ی ثابت یا نادرست است");
    expect(parseMobile("0913123456").ok).toBe(false);
    const odd = parseMobile("09701234567");
    expect(odd.ok && odd.warning?.en).toBe("prefix 0970 belongs to no known operator; check the number");
  });

  it("search words are normalised: Arabic letters, Persian digits, ZWNJ", () => {
    expect(searchTokens("علي كاظمي")).toEqual(["علی", "کاظمی"]);
    expect(searchTokens("۰۹۱۳-۱۲۳")).toEqual(["0913", "123"]);
    expect(searchTokens("خانواده‌ی")).toEqual(["خانواده", "ی"]);
  });

  it("registration codes are GRD-<id>-<six Crockford characters>", () => {
    expect(registrationCode(12)).toMatch(/^GRD-12-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(registrationCode(12)).toBe(registrationCode(12));
    expect(registrationCode(13)).not.toBe(registrationCode(12));
  });

  it("answers the group commands only", () => {
    expect(isGroupCommand("group_check")).toBe(true);
    expect(isGroupCommand("tour_get")).toBe(false);
  });
});

describe("the check of a group as entered", () => {
  it("puts each problem on its row and field, in both languages; the blank form needs a name", async () => {
    const c = await checkGroup(
      group("", [
        member("علی", { nationalId: "0684159415", isLeader: true }),
        member("", { mobile: "0313", birthYear: 1200 }),
      ]),
      null,
    );
    expect(c.canSave).toBe(false);
    expect(c.problems.map((p) => [p.row, p.field])).toEqual([
      [null, "name"],
      [0, "nationalId"],
      [0, "mobile"],
      [1, "fullName"],
      [1, "mobile"],
      [1, "birthYear"],
    ]);
    expect(c.problems[1]?.fa).toBe("رقم کنترل کد ملی درست نیست؛ کد را دوباره از کارت بخوانید");
    expect(c.problems[5]?.fa).toBe("سال تولد ۱۲۰۰ پذیرفتنی نیست (۱۳۰۰ تا ۱۵۰۰ هجری شمسی)");
  });

  it("needs exactly one leader, and the same ID twice in a group names the first row", async () => {
    const c = await checkGroup(
      group("گروه", [member("الف", { nationalId: "0499370899" }), member("ب", { nationalId: "۰۴۹۹۳۷۰۸۹۹" })]),
      null,
    );
    expect(c.problems.map((p) => p.field)).toEqual(["leader", "nationalId"]);
    expect(c.problems[1]?.en).toBe("this national ID is also on row 1 of this group");
  });

  it("flags a national ID of another group with its name, and saves only with a reason", async () => {
    const input = group("خانواده‌ی رضایی", [member("مریم صادقی", { nationalId: "4069326065", mobile: "09121112233", isLeader: true })]);
    const c = await checkGroup(input, null);
    expect(c.problems).toEqual([]);
    expect(c.duplicates).toEqual([
      { row: 0, nationalId: "4069326065", otherGroup: 1, otherGroupName: "دبیرستان دخترانه‌ی فرزانگان ۲", otherMember: "مریم صادقی" },
    ]);
    expect(c.canSave).toBe(false);
    const refused = await rejection(createGroup(input));
    expect(refused.code).toBe("conflict");
    expect(refused.messageFa).toContain("«دبیرستان دخترانه‌ی فرزانگان ۲»");
    const m = input.members[0] as MemberInput;
    m.duplicateReason = "همان معلم، با خانواده";
    expect((await checkGroup(input, null)).canSave).toBe(true);
    const saved = await createGroup(input);
    expect(saved.group.members[0]).toMatchObject({ nationalId: "4069326065", duplicateReason: "همان معلم، با خانواده" });
    // Editing the school itself does not flag its own members.
    const school = await getGroup(1);
    const again = await checkGroup(
      { ...group(school.group.name, []), members: school.group.members.map((x) => ({ ...x, nationalId: x.nationalId ?? "", mobile: x.mobile ?? "" })) },
      1,
    );
    expect(again.duplicates.map((d) => d.otherGroupName)).toEqual(["خانواده‌ی رضایی"]);
  });

  it("refuses to save with the first problem and its row", async () => {
    const refused = await rejection(createGroup(group("گروه", [member("الف", { isLeader: true })])));
    expect(refused).toEqual({
      code: "invalid_input",
      message: "mobile: row 1: the leader needs a mobile number (0 more)",
      messageFa: "ردیف ۱: سرگروه باید شماره‌ی همراه داشته باشد (و ۰ مورد دیگر)",
    });
  });
});

describe("saving, listing and searching groups", () => {
  it("normalises IDs and mobiles, keeps member ids on update, lists newest first", async () => {
    const saved = await createGroup(
      group("گروه تازه", [
        member("علی رضایی", { nationalId: "۸۴۵۷۵۹۴۸", mobile: "+98 913 765 4321", isLeader: true }),
        member("زهرا رضایی"),
      ]),
    );
    const [ali, zahra] = saved.group.members;
    expect(ali).toMatchObject({ nationalId: "0084575948", mobile: "09137654321", isLeader: true });
    const rows = await listGroups({ text: "", tour: null, state: null, kind: null, channel: null, limit: null });
    expect(rows[0]).toMatchObject({ id: saved.group.id, members: 2, leaderName: "علی رضایی", leaderMobile: "09137654321", latest: null });
    expect(rows.length).toBe(7);

    const updated = await updateGroup(saved.group.id, {
      ...group("گروه تازه", []),
      members: [
        { ...member("زهرا رضایی"), id: zahra?.id ?? null, isLeader: true, mobile: "09121110000" },
        { ...member("علی رضایی"), id: ali?.id ?? null, nationalId: "0084575948" },
        member("سارا"),
      ],
    });
    expect(updated.group.members.map((m) => m.id)).toEqual([zahra?.id, ali?.id, expect.any(Number)]);
  });

  it("finds groups by name, member, ID or mobile in any digits and letters, naming the member who matched", async () => {
    const find = async (text: string) =>
      (await listGroups({ text, tour: null, state: null, kind: null, channel: null, limit: null })).map((r) => [r.name, r.matchedMember]);
    expect(await find("علي كاظمي")).toEqual([["خانواده‌ی کاظمی", "علی کاظمی"]]);
    expect(await find("۰۹۱۳۳۳۳۴۴۵۵")).toEqual([["خانواده‌ی کاظمی", "علی کاظمی"]]);
    expect(await find("۲۴۵۲۶")).toEqual([["خانواده‌ی کاظمی", "علی کاظمی"]]);
    expect(await find("جلفا")).toEqual([["انجمن دوستداران میراث فرهنگی جلفا", null]]);
    expect(await find("هیچ‌کس")).toEqual([]);
  });

  it("filters by kind, channel, tour and state", async () => {
    const ids = async (f: Partial<Parameters<typeof listGroups>[0]>) =>
      (await listGroups({ text: "", tour: null, state: null, kind: null, channel: null, limit: null, ...f })).map((r) => r.name);
    expect(await ids({ kind: "mosque" })).toEqual(["هیئت امنای مسجد سید"]);
    expect(await ids({ channel: "line137" })).toEqual(["خانواده‌ی کاظمی"]);
    expect(await ids({ state: "waitlisted" })).toEqual(["خانواده‌ی کاظمی"]);
    expect(await ids({ tour: SEED_TOUR_LATER })).toEqual(["انجمن دوستداران میراث فرهنگی جلفا"]);
    expect(await ids({ tour: SEED_TOUR_TODAY, state: "confirmed" })).toEqual(["هیئت امنای مسجد سید", "دبیرستان دخترانه‌ی فرزانگان ۲"]);
    const rows = await listGroups({ text: "", tour: null, state: null, kind: "neighbourhood", channel: null, limit: null });
    expect(rows[0]?.waitingForDates).toBe(true);
    const family = await listGroups({ text: "", tour: null, state: null, kind: "family", channel: null, limit: 1 });
    expect(family[0]?.latest).toEqual({ tour: SEED_TOUR_TODAY, date: "2026-11-29", state: "waitlisted" });
  });

  it("removes a group only while it has no registrations", async () => {
    expect((await rejection(removeGroup(1))).code).toBe("conflict");
    await removeGroup(6);
    expect((await rejection(getGroup(6))).code).toBe("not_found");
  });
});

describe("registrations and the waiting list", () => {
  it("the seed: 20 seats on today's tour, 14 taken, the family waits first", async () => {
    const r = await tourRoster(SEED_TOUR_TODAY);
    expect(r.seats).toEqual({ capacity: 20, taken: 14, free: 6, waitingGroups: 1, waitingSeats: 7 });
    expect(r.lines.map((l) => [l.groupName, l.registration.state, l.position])).toEqual([
      ["دبیرستان دخترانه‌ی فرزانگان ۲", "confirmed", null],
      ["هیئت امنای مسجد سید", "confirmed", null],
      ["خانواده‌ی کاظمی", "waitlisted", 1],
    ]);
    expect(r.lines[0]?.registration.code).toMatch(/^GRD-1-/);
  });

  it("previews, then waitlists a group that does not fit whole, at the next position", async () => {
    const { group: g } = await createGroup(adults("هفت نفر", 7));
    const p = await previewRegistration(g.id, SEED_TOUR_TODAY);
    expect(p).toMatchObject({ groupSize: 7, fits: false, waitingPosition: 2, open: true, alreadyOn: false, ineligible: [] });
    expect(p.seats.free).toBe(6);
    const out = await registerGroup(g.id, SEED_TOUR_TODAY, "");
    expect(out.registration).toMatchObject({ state: "waitlisted", seats: 7 });
    expect((await getGroup(g.id)).registrations[0]).toMatchObject({ position: 2, tourDate: "2026-11-29", departure: "08:00" });
    expect((await rejection(registerGroup(g.id, SEED_TOUR_TODAY, ""))).code).toBe("conflict");
  });

  it("needs a reason when members fail the tour's rules, and records it", async () => {
    const young = group("نوجوانان", [
      member("کیان", { isLeader: true, mobile: "09121234567", birthYear: 1392 }),
      member("ساره", { birthYear: null, stepFree: true }),
      member("آوا", { birthYear: 1389 }),
    ]);
    const { group: g } = await createGroup(young);
    const p = await previewRegistration(g.id, SEED_TOUR_TODAY);
    expect(p.ineligible.map((i) => i.memberName)).toEqual(["کیان", "ساره", "ساره", "ساره", "ساره", "آوا"]);
    expect(p.ineligible[0]?.fa).toBe("در روز تور ۱۳ ساله است؛ «ایستگاه زینبیه، خط ۲ مترو» حداقل ۱۶ سال می‌خواهد");
    expect(p.ineligible[1]?.en).toBe("the birth year is unknown and “تقاطع غیرهمسطح کمربندی چهارم” asks for at least 12 years");
    expect(p.ineligible[2]?.en).toBe("needs step-free access, which “تقاطع غیرهمسطح کمربندی چهارم” does not have");
    expect(p.ineligible.at(-1)?.en).toBe("may not be 16 yet on the tour date (“ایستگاه زینبیه، خط ۲ مترو”); ask the birth date");
    const refused = await rejection(registerGroup(g.id, SEED_TOUR_TODAY, " "));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toMatch(/^کیان: is 13 on the tour date; .* \(5 more\); write a reason to register anyway$/);
    const out = await registerGroup(g.id, SEED_TOUR_TODAY, "با ولی، هماهنگ با سایت");
    expect(out.registration).toMatchObject({ state: "confirmed", overrideReason: "با ولی، هماهنگ با سایت" });
  });

  it("a cancellation promotes the earliest waiting groups that fit whole, in order", async () => {
    const { group: seven } = await createGroup(adults("هفت نفر", 7));
    const { group: two } = await createGroup(adults("دو نفر", 2));
    await registerGroup(seven.id, SEED_TOUR_TODAY, "");
    await registerGroup(two.id, SEED_TOUR_TODAY, "");
    // 6 free: the family (7) and the seven wait; the two fit at once.
    let r = await tourRoster(SEED_TOUR_TODAY);
    expect(r.lines.map((l) => [l.groupName, l.registration.state, l.position])).toEqual([
      ["دبیرستان دخترانه‌ی فرزانگان ۲", "confirmed", null],
      ["هیئت امنای مسجد سید", "confirmed", null],
      ["دو نفر", "confirmed", null],
      ["خانواده‌ی کاظمی", "waitlisted", 1],
      ["هفت نفر", "waitlisted", 2],
    ]);
    // The mosque (6) cancels: 10 free; the family (7) goes first, the seven no longer fits.
    const mosque = r.lines[1]?.registration.id as number;
    const out = await cancelRegistration(mosque, "تغییر برنامه‌ی مسجد");
    expect(out.registration.state).toBe("cancelled");
    expect(out.promoted).toEqual([{ registration: expect.any(Number), tour: SEED_TOUR_TODAY, groupName: "خانواده‌ی کاظمی", seats: 7 }]);
    r = await tourRoster(SEED_TOUR_TODAY);
    expect(r.seats).toEqual({ capacity: 20, taken: 17, free: 3, waitingGroups: 1, waitingSeats: 7 });
    expect(r.lines.at(-1)).toMatchObject({ groupName: "هیئت امنای مسجد سید", position: null });
    // The school releases 5 seats: 8 free, the seven fits now.
    const school = r.lines[0]?.registration.id as number;
    const released = await releaseSeats(school, 5, "پنج دانش‌آموز نمی‌آیند");
    expect(released.registration.seats).toBe(3);
    expect(released.promoted.map((p) => p.groupName)).toEqual(["هفت نفر"]);
    expect((await rejection(releaseSeats(school, 3, ""))).code).toBe("invalid_input");
    const history = await registrationEvents(school);
    expect(history.map((e) => [e.from, e.to, e.seats, e.reason])).toEqual([
      ["requested", "confirmed", 8, ""],
      ["confirmed", "confirmed", 3, "پنج دانش‌آموز نمی‌آیند"],
    ]);
    expect(history[0]?.at).toMatch(/^2026-11-29T\d\d:\d\d:00\+00:00$/);
  });

  it("a smaller waiting group behind a bigger one is promoted when only it fits", async () => {
    const { group: three } = await createGroup(adults("سه نفر", 3));
    const { group: nine } = await createGroup(adults("نه نفر", 9));
    await registerGroup(nine.id, SEED_TOUR_TODAY, "");
    await registerGroup(three.id, SEED_TOUR_TODAY, ""); // fits at once (6 free)
    const roster = await tourRoster(SEED_TOUR_TODAY);
    const threeReg = roster.lines.find((l) => l.groupName === "سه نفر");
    expect(threeReg?.registration.state).toBe("confirmed");
    // Cancel it: 6 free again; the family (7) and the nine do not fit; nobody moves.
    const out = await cancelRegistration(threeReg?.registration.id as number, "");
    expect(out.promoted).toEqual([]);
  });

  it("reorders a waiting list only with a reason; moves a group to another tour", async () => {
    const { group: g } = await createGroup(adults("هفت نفر", 7));
    const mine = (await registerGroup(g.id, SEED_TOUR_TODAY, "")).registration;
    const family = (await tourRoster(SEED_TOUR_TODAY)).lines.find((l) => l.groupName === "خانواده‌ی کاظمی")?.registration.id as number;
    expect((await rejection(reorderWaiting(mine.id, family, "  "))).messageFa).toBe("دلیل جابه‌جایی در فهرست انتظار را بنویسید");
    const r = await reorderWaiting(mine.id, family, "درخواست شورای محله");
    expect(r.lines.filter((l) => l.position !== null).map((l) => [l.groupName, l.position])).toEqual([
      ["هفت نفر", 1],
      ["خانواده‌ی کاظمی", 2],
    ]);
    const last = await reorderWaiting(mine.id, null, "برگشت");
    expect(last.lines.filter((l) => l.position !== null).map((l) => l.groupName)).toEqual(["خانواده‌ی کاظمی", "هفت نفر"]);

    const moved = await moveRegistration(mine.id, SEED_TOUR_LATER, "روز دیگر");
    expect(moved.registration).toMatchObject({ tour: SEED_TOUR_LATER, state: "confirmed", seats: 7 });
    const d = await getGroup(g.id);
    expect(d.registrations.map((x) => [x.registration.tour, x.registration.state])).toEqual([
      [SEED_TOUR_LATER, "confirmed"],
      [SEED_TOUR_TODAY, "cancelled"],
    ]);
    expect((await rejection(moveRegistration(moved.registration.id, SEED_TOUR_LATER, ""))).code).toBe("invalid_input");
    expect((await rejection(moveRegistration(moved.registration.id, 90001, ""))).code).toBe("conflict");
  });

  it("more members on a confirmed registration must still fit; fewer free seats for the waiting list", async () => {
    const school = await getGroup(1);
    const inputs = school.group.members.map((m) => ({ ...m, nationalId: m.nationalId ?? "", mobile: m.mobile ?? "" }));
    const base = { ...group(school.group.name, []), kind: school.group.kind, channel: school.group.channel };
    const more = [...inputs, ...FREE_IDS.map((id, i) => member(`دانش‌آموز ${i}`, { nationalId: id, birthYear: 1388 }))];
    expect((await rejection(updateGroup(1, { ...base, members: more }))).code).toBe("conflict");
    // Seven fewer: 13 free; the family (7) is promoted.
    await updateGroup(1, { ...base, members: inputs.slice(0, 1) });
    const r = await tourRoster(SEED_TOUR_TODAY);
    expect(r.lines.map((l) => [l.groupName, l.registration.state, l.registration.seats])).toEqual([
      ["دبیرستان دخترانه‌ی فرزانگان ۲", "confirmed", 1],
      ["هیئت امنای مسجد سید", "confirmed", 6],
      ["خانواده‌ی کاظمی", "confirmed", 7],
    ]);
  });
});

describe("waiting for any tour between two dates", () => {
  it("places the group at once on the first open tour in range where it fits, else waits", async () => {
    const { group: g } = await createGroup(adults("پنج نفر", 5));
    const placed = await waitForDates(g.id, "2026-11-29", "2026-12-20", "");
    expect(placed.waiting).toBeNull();
    expect(placed.placed).toMatchObject({ tour: SEED_TOUR_TODAY, state: "confirmed", seats: 5 });

    const { group: big } = await createGroup(adults("بیست نفر", 20));
    const waiting = await waitForDates(big.id, "2026-11-29", "2026-12-10", "");
    expect(waiting.placed).toBeNull();
    expect(waiting.waiting).toMatchObject({ state: "waiting", seats: 20, from: "2026-11-29", to: "2026-12-10" });
    expect((await rejection(waitForDates(big.id, "2026-11-29", "2026-12-10", ""))).code).toBe("conflict");
    expect((await listDateWaits()).map((w) => w.groupName)).toEqual(["بازنشستگان محله‌ی نقش جهان", "بیست نفر"]);
    expect((await listGroups({ text: "بیست", tour: null, state: null, kind: null, channel: null, limit: null }))[0]?.waitingForDates).toBe(true);
    await cancelDateWait(waiting.waiting?.id as number, "منصرف شدند");
    expect((await rejection(cancelDateWait(waiting.waiting?.id as number, ""))).code).toBe("conflict");

    expect((await rejection(waitForDates(g.id, "2026-12-10", "2026-12-01", ""))).messageFa).toBe("تاریخ پایان پیش از تاریخ شروع است");
    expect((await rejection(waitForDates(g.id, "2026-12-01", "2027-03-01", ""))).messageFa).toBe("بازه‌ی انتظار بیش از ۸۰ روز است");
  });

  it("a waiting-for-dates group takes freed seats in first-come order with the tour's own waiting list", async () => {
    const { group: four } = await createGroup(adults("چهار نفر", 4));
    const { group: fill } = await createGroup(adults("شش نفر", 6));
    await registerGroup(fill.id, SEED_TOUR_TODAY, ""); // 20 taken
    const w = await waitForDates(four.id, "2026-11-29", "2026-11-30", "");
    expect(w.waiting?.state).toBe("waiting");
    // The mosque (6) cancels: the family (7, earlier) does not fit; the four does.
    const mosque = (await tourRoster(SEED_TOUR_TODAY)).lines.find((l) => l.groupName === "هیئت امنای مسجد سید");
    const out = await cancelRegistration(mosque?.registration.id as number, "");
    expect(out.promoted.map((p) => p.groupName)).toEqual(["چهار نفر"]);
    expect((await getGroup(four.id)).waits[0]).toMatchObject({ state: "placed" });
  });
});

describe("a backend over another tour source", () => {
  it("works without seed tours and answers not_found for unknown tours", () => {
    const tour: Tour = { id: 7, date: "2026-12-01", departure: "08:00", meetingPoint: "", seats: 2, status: "open", notes: "" };
    const facts: TourFacts = { tour, capacity: 2, sites: [] };
    const handle = createGroupsBackend({ facts: (id) => (id === 7 ? facts : null), between: () => [tour] }, { seed: false, actor: () => "مریم" });
    const saved = handle("group_create", { input: adults("سه", 3) }) as { group: { id: number } };
    const out = handle("registration_register", { group: saved.group.id, tour: 7, reason: "" }) as { registration: { state: string; id: number } };
    expect(out.registration.state).toBe("waitlisted");
    expect((handle("registration_events", { id: out.registration.id }) as { actor: string }[])[0]?.actor).toBe("مریم");
    expect(() => handle("tour_roster", { tour: 8 })).toThrow();
  });
});
