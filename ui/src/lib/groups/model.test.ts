import { describe, expect, it } from "vitest";
import type { GroupCheck } from "../api/bindings/GroupCheck";
import {
  appendIndex,
  blankForm,
  blankRow,
  findingsByRow,
  groupProblems,
  headerField,
  isTablePaste,
  mergePasted,
  momentText,
  parseBirthYear,
  parsePasted,
  reorderTarget,
  rowsOf,
  toInput,
  whyText,
  type MemberRow,
} from "./model";

let key = 100;
const nextKey = () => key++;

function row(over: Partial<MemberRow>): MemberRow {
  return { ...blankRow(nextKey()), ...over };
}

describe("pasting rows from a spreadsheet", () => {
  it("recognises a Persian header row, in any order, and keeps the digits as typed", () => {
    const text = "کد ملی\tنام و نام خانوادگی\tتلفن همراه\tسال تولد\r\n۰۴۹۹۳۷۰۸۹۹\tعلی کاظمی\t۰۹۱۳ ۱۲۳ ۴۵۶۷\t۱۳۶۲\r\n0790419904\tزهرا رضایی\t+989121234567\t1370\r\n";
    expect(parsePasted(text)).toEqual([
      { fullName: "علی کاظمی", nationalId: "۰۴۹۹۳۷۰۸۹۹", mobile: "۰۹۱۳ ۱۲۳ ۴۵۶۷", birthYear: "۱۳۶۲" },
      { fullName: "زهرا رضایی", nationalId: "0790419904", mobile: "+989121234567", birthYear: "1370" },
    ]);
  });

  it("recognises English headers and the variants people use", () => {
    expect(headerField("Name")).toBe("fullName");
    expect(headerField(" National ID ")).toBe("nationalId");
    expect(headerField("Mobile")).toBe("mobile");
    expect(headerField("Birth year")).toBe("birthYear");
    expect(headerField("نام")).toBe("firstName");
    expect(headerField("نام‌ونام‌خانوادگی")).toBe("fullName");
    expect(headerField("كد ملي")).toBe("nationalId");
    expect(headerField("موبایل")).toBe("mobile");
    expect(headerField("شماره‌ی همراه")).toBe("mobile");
    expect(headerField("سال تولد")).toBe("birthYear");
    expect(headerField("علی کاظمی")).toBeNull();
    const text = "Name\tMobile\tNational ID\nAli Kazemi\t09131234567\t0499370899";
    expect(parsePasted(text)).toEqual([{ fullName: "Ali Kazemi", nationalId: "0499370899", mobile: "09131234567", birthYear: "" }]);
  });

  it("joins first and last names given in two columns; unknown columns are ignored", () => {
    const text = "ردیف\tنام\tنام خانوادگی\tکد ملی\tتوضیح\n۱\tمریم\tصادقی\t4069326065\tمعلم";
    expect(parsePasted(text)).toEqual([{ fullName: "مریم صادقی", nationalId: "4069326065", mobile: "", birthYear: "" }]);
  });

  it("without a header, reads each cell by what it looks like", () => {
    const text = ["علی کاظمی\t۰۴۹۹۳۷۰۸۹۹\t۰۹۱۳۱۲۳۴۵۶۷\t۱۳۶۲", "1370\t+98 912 123 4567\tزهرا\tرضایی\t84575948", "", "سارا"].join("\n");
    expect(parsePasted(text)).toEqual([
      { fullName: "علی کاظمی", nationalId: "۰۴۹۹۳۷۰۸۹۹", mobile: "۰۹۱۳۱۲۳۴۵۶۷", birthYear: "۱۳۶۲" },
      { fullName: "زهرا رضایی", nationalId: "84575948", mobile: "+98 912 123 4567", birthYear: "1370" },
      { fullName: "سارا", nationalId: "", mobile: "", birthYear: "" },
    ]);
  });

  it("removes Excel's quotes around a cell and skips blank lines and empty cells", () => {
    expect(parsePasted('"علی ""کوچک"""\t\t0499370899\n\t\t\n')).toEqual([
      { fullName: 'علی "کوچک"', nationalId: "0499370899", mobile: "", birthYear: "" },
    ]);
    expect(parsePasted("")).toEqual([]);
    expect(parsePasted("نام\tکد ملی\n")).toEqual([]);
  });

  it("tells a table from a single value", () => {
    expect(isTablePaste("علی کاظمی")).toBe(false);
    expect(isTablePaste("علی کاظمی\n")).toBe(false);
    expect(isTablePaste("علی\tکاظمی")).toBe(true);
    expect(isTablePaste("علی\nزهرا")).toBe(true);
  });

  it("writes pasted rows from a row on, adding rows; a leader is chosen when there is none", () => {
    const rows = [row({ fullName: "مریم", mobile: "09121112233", isLeader: true }), row({})];
    const pasted = parsePasted("علی\t0499370899\nزهرا\t0790419904\nسارا");
    const merged = mergePasted(rows, pasted, appendIndex(rows), nextKey);
    expect(merged.map((r) => [r.fullName, r.nationalId, r.isLeader])).toEqual([
      ["مریم", "", true],
      ["علی", "0499370899", false],
      ["زهرا", "0790419904", false],
      ["سارا", "", false],
    ]);
    expect(rows[1]?.fullName, "the rows given are not changed").toBe("");
    const fresh = mergePasted([row({})], parsePasted("علی\t09131234567\nزهرا"), 0, nextKey);
    expect(fresh.map((r) => r.isLeader)).toEqual([true, false]);
    const noMobile = mergePasted([], parsePasted("علی\nزهرا\t09131234567"), 0, nextKey);
    expect(noMobile.map((r) => r.isLeader), "the first with a mobile leads").toEqual([false, true]);
  });

  it("appends after the last row with something in it", () => {
    expect(appendIndex([row({}), row({})])).toBe(0);
    expect(appendIndex([row({ fullName: "علی" }), row({}), row({ mobile: "0913" }), row({})])).toBe(3);
  });
});

describe("rows and the input sent to the core", () => {
  it("leaves blank rows out and remembers where each member came from", () => {
    const form = { ...blankForm(), name: " گروه " };
    const rows = [
      row({ fullName: "علی", isLeader: true, birthYear: "۱۳۶۲" }),
      row({ isLeader: false }),
      row({ nationalId: "0499370899", birthYear: "سال" }),
    ];
    const { input, sent } = toInput(form, rows);
    expect(sent).toEqual([0, 2]);
    expect(input.name).toBe(" گروه ");
    expect(input.members.map((m) => [m.fullName, m.birthYear, m.isLeader])).toEqual([
      ["علی", 1362, true],
      ["", null, false],
    ]);
  });

  it("reads birth years in any digits", () => {
    expect(parseBirthYear("")).toBeNull();
    expect(parseBirthYear(" ۱۳۷۰ ")).toBe(1370);
    expect(parseBirthYear("١٣٨٥")).toBe(1385);
    expect(parseBirthYear("13x0")).toBe("bad");
  });

  it("shows a saved group's numbers in the UI's digits", () => {
    const rows = rowsOf(
      {
        id: 1,
        name: "گ",
        kind: "family",
        channel: "phone",
        preferredFrom: null,
        preferredTo: null,
        preferredSites: [],
        notes: "",
        members: [
          { id: 7, fullName: "علی", nationalId: "0499370899", mobile: "09131234567", birthYear: 1362, stepFree: true, ppeSizes: "L", isLeader: true, duplicateReason: "" },
        ],
      },
      "fa",
      nextKey,
    );
    expect(rows[0]).toMatchObject({ id: 7, nationalId: "۰۴۹۹۳۷۰۸۹۹", mobile: "۰۹۱۳۱۲۳۴۵۶۷", birthYear: "۱۳۶۲", stepFree: true });
  });

  it("puts the check's findings on the rows on screen", () => {
    const check: GroupCheck = {
      problems: [
        { row: null, field: "name", fa: "نام گروه لازم است", en: "the group needs a name" },
        { row: 1, field: "mobile", fa: "م", en: "m" },
      ],
      duplicates: [{ row: 0, nationalId: "0499370899", otherGroup: 3, otherGroupName: "دیگری", otherMember: "علی" }],
      warnings: [{ row: 1, field: "mobile", fa: "ه", en: "w" }],
      canSave: false,
    };
    const f = findingsByRow(check, [0, 2]);
    expect([...f.keys()].sort()).toEqual([0, 2]);
    expect(f.get(2)?.problems.map((p) => p.en)).toEqual(["m"]);
    expect(f.get(2)?.warnings.map((p) => p.en)).toEqual(["w"]);
    expect(f.get(0)?.duplicate?.otherGroupName).toBe("دیگری");
    expect(groupProblems(check).map((p) => whyText(p, "en"))).toEqual(["the group needs a name"]);
    expect(whyText({ fa: "", en: "only English" }, "fa")).toBe("only English");
    expect(findingsByRow(null, []).size).toBe(0);
  });
});

describe("texts", () => {
  it("a moment in Isfahan's time, Solar Hijri", () => {
    expect(momentText("2026-11-29T05:30:00+00:00", "fa")).toBe("۱۴۰۵/۰۹/۰۸ ۰۹:۰۰");
    expect(momentText("2026-11-29T21:00:00+00:00", "en")).toBe("1405/09/09 00:30");
    expect(momentText("soon", "en")).toBe("soon");
  });

  it("moving a waiting group up or down one place names the group to go before", () => {
    const w = [11, 12, 13, 14];
    expect(reorderTarget(w, 13, -1)).toBe(12);
    expect(reorderTarget(w, 11, -1)).toBeUndefined();
    expect(reorderTarget(w, 12, 1)).toBe(14);
    expect(reorderTarget(w, 13, 1), "to the end").toBeNull();
    expect(reorderTarget(w, 14, 1)).toBeUndefined();
    expect(reorderTarget(w, 99, 1)).toBeUndefined();
  });
});
