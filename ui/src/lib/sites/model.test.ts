import { describe, expect, it } from "vitest";
import type { SiteInput } from "../api/bindings/SiteInput";
import {
  emptyForm,
  formFromInput,
  formLocation,
  formProblems,
  inRegion,
  isTypingTarget,
  localDigits,
  parseDecimal,
  parseWhole,
  phoneDigits,
  sameForm,
  toSiteInput,
  undoneKey,
  type SiteForm,
} from "./model";

const INPUT: SiteInput = {
  nameFa: "ایستگاه کاوه",
  nameEn: "Kaveh station",
  category: "metro_station",
  district: 12,
  address: "خیابان کاوه",
  location: { latitude: 32.678, longitude: 51.671 },
  progress: 40,
  department: "قطار شهری",
  contactName: "",
  contactPhone: "031-3222 1111",
  description: "",
  rules: { maxVisitors: 30, visitMinutes: 45, minAge: 18, ppe: ["vest", "helmet"], stepFree: true, safetyNotes: "" },
};

function form(over: Partial<SiteForm> = {}): SiteForm {
  return { ...formFromInput(INPUT, "fa"), ...over };
}

const fields = (f: SiteForm) => formProblems(f).map((p) => `${p.field}:${p.key}`);

describe("number fields in any digits", () => {
  it.each([
    ["25", 25],
    ["۲۵", 25],
    ["٢٥", 25],
    [" ۱۲ ", 12],
    ["0", 0],
    ["−۵", -5],
    ["\u2066۱۵\u2069", 15],
  ])("parseWhole(%j) is %d", (text, value) => {
    expect(parseWhole(text)).toEqual({ kind: "ok", value });
  });

  it.each(["۲٫۵", "12a", "۱ ۲", "+", "1e3"])("parseWhole(%j) is not a whole number", (text) => {
    expect(parseWhole(text).kind).toBe("invalid");
  });

  it("an empty field is empty, not zero", () => {
    expect(parseWhole("  ")).toEqual({ kind: "empty" });
    expect(parseDecimal("")).toEqual({ kind: "empty" });
  });

  it.each([
    ["32.6575", 32.6575],
    ["۳۲٫۶۵۷۵", 32.6575],
    ["۳۲/۶۵", 32.65],
    ["٣٢,٦٥", 32.65],
    ["-12.5", -12.5],
    ["−۱۲٫۵", -12.5],
    [".5", 0.5],
    ["51", 51],
  ])("parseDecimal(%j) is %d", (text, value) => {
    expect(parseDecimal(text)).toEqual({ kind: "ok", value });
  });

  it.each(["32.6.5", "abc", "۳۲٫۶x", "--1"])("parseDecimal(%j) is not a number", (text) => {
    expect(parseDecimal(text).kind).toBe("invalid");
  });

  it("writes numbers in the locale's digits", () => {
    expect(localDigits(32.65, "fa")).toBe("۳۲٫۶۵");
    expect(localDigits(-5, "fa")).toBe("−۵");
    expect(localDigits(32.65, "en")).toBe("32.65");
  });
});

describe("the form and the SiteInput sent to the core", () => {
  it("round-trips a saved site through the form (Persian digits on screen, numbers on the wire)", () => {
    const f = formFromInput(INPUT, "fa");
    expect(f.district).toBe("۱۲");
    expect(f.latitude).toBe("۳۲٫۶۷۸");
    expect(f.ppe).toEqual(["helmet", "vest"]);
    expect(toSiteInput(f)).toEqual({ ...INPUT, rules: { ...INPUT.rules, ppe: ["helmet", "vest"] } });
  });

  it("converts Persian and Arabic-Indic digits and trims text before sending", () => {
    const sent = toSiteInput(
      form({
        nameFa: "  پل خواجو  ",
        district: "٣",
        maxVisitors: "۲۰",
        contactPhone: " ۰۹۱۲ ۳۴۵ ۶۷۸۹ ",
        latitude: "",
        longitude: "",
      }),
    );
    expect(sent).toMatchObject({
      nameFa: "پل خواجو",
      district: 3,
      location: null,
      contactPhone: "0912 345 6789",
      rules: { maxVisitors: 20 },
    });
  });

  it("a new site starts with the core's default visit rules and no problems but the required ones", () => {
    const f = emptyForm("fa");
    expect(f.maxVisitors).toBe("۲۵");
    expect(f.visitMinutes).toBe("۴۵");
    expect(fields(f)).toEqual(["nameFa:site.problem.nameRequired", "district:site.problem.required"]);
    expect(toSiteInput(f)).toBeNull();
  });

  it.each<[string, Partial<SiteForm>, string[]]>([
    ["a 121-character name", { nameFa: "ا".repeat(121) }, ["nameFa:site.problem.tooLong"]],
    ["a 120-character name", { nameFa: "ا".repeat(120) }, []],
    ["a tab in the name", { nameFa: "ایستگاه\tکاوه" }, []],
    ["a control character", { nameFa: "ایستگاه\u0007" }, ["nameFa:site.problem.control"]],
    ["district 0", { district: "۰" }, ["district:site.problem.range"]],
    ["district 16", { district: "16" }, ["district:site.problem.range"]],
    ["district 15", { district: "۱۵" }, []],
    ["district 2.5", { district: "۲٫۵" }, ["district:site.problem.notWhole"]],
    ["progress 101", { progress: "101" }, ["progress:site.problem.range"]],
    ["0 visitors", { maxVisitors: "0" }, ["maxVisitors:site.problem.range"]],
    ["501 visitors", { maxVisitors: "501" }, ["maxVisitors:site.problem.range"]],
    ["a 4-minute visit", { visitMinutes: "4" }, ["visitMinutes:site.problem.range"]],
    ["a 481-minute visit", { visitMinutes: "481" }, ["visitMinutes:site.problem.range"]],
    ["minimum age 100", { minAge: "100" }, ["minAge:site.problem.range"]],
    ["minimum age empty", { minAge: "" }, ["minAge:site.problem.required"]],
    ["latitude 91", { latitude: "91" }, ["latitude:site.problem.range"]],
    ["longitude -181", { longitude: "-181" }, ["longitude:site.problem.range"]],
    ["latitude without longitude", { longitude: "" }, ["latitude:site.problem.bothCoords"]],
    ["longitude without latitude", { latitude: "" }, ["longitude:site.problem.bothCoords"]],
    ["both coordinates empty", { latitude: "", longitude: "" }, []],
    ["a latitude that is not a number", { latitude: "north" }, ["latitude:site.problem.notNumber"]],
    ["letters in the phone", { contactPhone: "0912 abc" }, ["contactPhone:site.problem.phoneChars"]],
    ["a 3-digit phone", { contactPhone: "۱۳۷" }, ["contactPhone:site.problem.phoneDigits"]],
    ["a 16-digit phone", { contactPhone: "1234567890123456" }, ["contactPhone:site.problem.phoneDigits"]],
    ["a phone with + and brackets", { contactPhone: "+98 (31) 3222-1111" }, []],
    ["no phone", { contactPhone: "" }, []],
    ["a 401-character address", { address: "آ".repeat(401) }, ["address:site.problem.tooLong"]],
  ])("%s", (_what, over, expected) => {
    expect(fields(form(over))).toEqual(expected);
    expect(toSiteInput(form(over)) === null).toBe(expected.length > 0);
  });

  it("tells the numbers of a too-long text", () => {
    const [problem] = formProblems(form({ nameFa: "ب".repeat(130) }));
    expect(problem?.params).toEqual({ max: 120, count: 130 });
  });

  it("counts the digits of a phone in any script", () => {
    expect(phoneDigits("۰۳۱-۳۲۲۲ ۱۱۱۱")).toBe(11);
    expect(phoneDigits("tel")).toBeNull();
  });

  it("compares forms by meaning: «۲۵» and 25 are the same, spaces around text do not count", () => {
    expect(sameForm(form(), form({ maxVisitors: "30", nameFa: " ایستگاه کاوه " }))).toBe(true);
    expect(sameForm(form(), form({ maxVisitors: "31" }))).toBe(false);
    expect(sameForm(form(), form({ ppe: ["vest", "helmet"] }))).toBe(true);
    expect(sameForm(form(), form({ ppe: ["vest"] }))).toBe(false);
    expect(sameForm(form(), form({ stepFree: false }))).toBe(false);
    expect(sameForm(form(), form({ latitude: "32.678" }))).toBe(true);
  });

  it("reads the location only when both coordinates are numbers in range", () => {
    expect(formLocation(form())).toEqual({ latitude: 32.678, longitude: 51.671 });
    expect(formLocation(form({ longitude: "" }))).toBeNull();
    expect(formLocation(form({ latitude: "95" }))).toBeNull();
  });

  it("knows the Isfahan region, edges included", () => {
    expect(inRegion({ latitude: 32.4, longitude: 51.95 })).toBe(true);
    expect(inRegion({ latitude: 35.7, longitude: 51.4 })).toBe(false);
    expect(inRegion({ latitude: 32.6, longitude: 51.39 })).toBe(false);
  });
});

describe("undo and the keyboard", () => {
  it.each([
    ["create", "sites.undone.create"],
    ["update", "sites.undone.update"],
    ["archive", "sites.undone.archive"],
    ["unarchive", "sites.undone.unarchive"],
    ["hours", "sites.undone.hours"],
    ["closure", "sites.undone.closure"],
    ["photo", "sites.undone.other"],
  ])("the action %s is told with %s", (action, key) => {
    expect(undoneKey(action)).toBe(key);
  });

  it("outside a browser nothing is a typing target", () => {
    expect(isTypingTarget(null)).toBe(false);
  });
});
