import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import type { BackupEntry } from "./bindings/BackupEntry";
import type { GroupInput } from "./bindings/GroupInput";
import type { ImportOptions } from "./bindings/ImportOptions";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportProgress } from "./bindings/ImportProgress";
import {
  backupHealth,
  backupNow,
  exportCalendar,
  exportManifest,
  exportRegistrations,
  exportRequests,
  importApply,
  importPreview,
  listBackups,
  listGroups,
  onImportProgress,
  restoreBackup,
  saveExtensions,
  withExtension,
} from "./index";
import { FAIL_KEY, installMockBackend, memoryStore } from "./mock";
import {
  BACKUPS_KEY,
  BACKUP_FOLDER,
  EXPORTS_KEY,
  birthYear,
  createExchangeBackend,
  headerKey,
  isExchangeCommand,
  misread,
  recognise,
  rotate,
  withCheckDigit,
  type ExchangeGroups,
} from "./mock-exchange";
import { parseNationalId } from "./mock-groups";

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

function options(path: string, over: Partial<ImportOptions> = {}): ImportOptions {
  return { path: `/home/coordinator/Documents/${path}`, encoding: null, mapping: [], defaultGroup: null, kind: "other", channel: "app_list", ...over };
}

const statuses = (p: ImportPreview) => p.rows.map((r) => [r.row, r.status] as const);
const kinds = (p: ImportPreview, row: number) => p.rows.find((r) => r.row === row)?.problems.map((x) => x.kind) ?? [];

describe("the import preview of the sample files", () => {
  it("reads a clean UTF-8 file: every row new, in two new groups, values normalised", async () => {
    const p = await importPreview(options("good.csv"));
    expect(p).toMatchObject({ fileName: "good.csv", kind: "csv", encoding: "utf-8", encodingDetected: true, newRows: 7, existingRows: 0, rejectedRows: 0 });
    expect(p.newGroups).toEqual(["کانون فرهنگی محله‌ی جلفا", "دبستان پسرانه‌ی سعدی"]);
    expect(p.columns.map((c) => [c.field, c.source])).toEqual([
      ["ignore", "recognised"],
      ["group", "recognised"],
      ["fullName", "recognised"],
      ["nationalId", "recognised"],
      ["mobile", "recognised"],
      ["birth", "recognised"],
      ["leader", "recognised"],
    ]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(p.rows[1]).toMatchObject({ group: "کانون فرهنگی محله‌ی جلفا", mobile: "09131230002", leader: false });
    expect(p.rows[2]?.birthYear).toBe(1385);
    expect(p.rows[4]).toMatchObject({ mobile: "09131230005", birthYear: 1362, leader: true });
    expect(p.rows.filter((r) => r.leader).map((r) => r.row)).toEqual([2, 6]);
    expect(p.summaryFa).toBe("۷ ردیف: ۷ عضو تازه در ۲ گروه تازه، ۰ از پیش در پایگاه داده، ۰ رد شده");
    expect(p.summaryEn).toBe("7 rows: 7 new members in 2 new groups, 0 already in the database, 0 rejected");
    expect(p.previouslyImportedAt).toBeNull();
  });

  it("reads a Windows-1256 file with Arabic letter forms and explains every rejected row", async () => {
    const p = await importPreview(options("bad-rows.csv"));
    expect(p).toMatchObject({ encoding: "windows-1256", encodingDetected: true, newRows: 2, existingRows: 1, rejectedRows: 7 });
    expect(p.columns.every((c) => c.source === "recognised")).toBe(true);
    expect(statuses(p)).toEqual([
      [2, "new"],
      [3, "rejected"],
      [4, "rejected"],
      [5, "rejected"],
      [6, "rejected"],
      [7, "rejected"],
      [8, "new"],
      [9, "rejected"],
      [10, "existing"],
      [11, "rejected"],
    ]);
    expect(kinds(p, 3)).toEqual(["invalid_national_id"]);
    expect(kinds(p, 4)).toEqual(["missing_name"]);
    expect(kinds(p, 5)).toEqual(["invalid_mobile"]);
    expect(kinds(p, 6)).toEqual(["duplicate_in_file"]);
    expect(p.rows.find((r) => r.row === 6)?.problems[0]).toMatchObject({ fa: "این کد ملی در ردیف ۵ همین پرونده هم آمده است", en: "this national ID is also on row 5 of this file" });
    expect(kinds(p, 7)).toEqual(["invalid_birth"]);
    expect(kinds(p, 9)).toEqual(["duplicate_existing"]);
    expect(p.rows.find((r) => r.row === 9)?.problems[0]?.en).toBe("this national ID is already in the group “خانواده‌ی کاظمی” (علی کاظمی)");
    expect(kinds(p, 11)).toEqual(["group_exists"]);
    expect(p.rows.find((r) => r.row === 8)?.warnings.map((w) => w.kind)).toEqual(["unfamiliar_mobile_prefix"]);
    expect(p.newGroups).toEqual(["هیئت مذهبی محله‌ی دردشت"]);
  });

  it("garbles the text read with the wrong encoding, so no header is recognised", async () => {
    const wrong = await rejection(importPreview(options("bad-rows.csv", { encoding: "utf-8" })));
    expect(wrong.code).toBe("invalid_input");
    expect(wrong.message).toMatch(/^columns: no name column was recognised; map the columns by hand/);
    const mojibake = await rejection(importPreview(options("good.csv", { encoding: "windows-1256" })));
    expect(mojibake.message).toMatch(/ط§/);
    const right = await importPreview(options("good.csv", { encoding: "utf-8" }));
    expect(right).toMatchObject({ encoding: "utf-8", encodingDetected: false, newRows: 7 });
  });

  it("leaves a column no header names unused until it is mapped by hand, and remembers the mapping on apply", async () => {
    const before = await importPreview(options("nomap.csv"));
    expect(before.columns.map((c) => c.field)).toEqual(["group", "fullName", null, "mobile", "birth", null]);
    expect(before.rows.every((r) => r.nationalId === "")).toBe(true);
    expect(before.newRows).toBe(4);

    const mapping = [{ column: 2, field: "nationalId" }];
    const mapped = await importPreview(options("nomap.csv", { mapping }));
    expect(mapped.columns[2]).toMatchObject({ field: "nationalId", source: "mapped" });
    expect(mapped.rows.map((r) => r.nationalId)).toEqual(["7312939521", "7489548802", "5899512326", "6423708160"]);
    expect(kinds(mapped, 5)).toEqual(["invalid_national_id"]);
    expect([mapped.newRows, mapped.rejectedRows]).toEqual([3, 1]);

    const applied = await importApply(options("nomap.csv", { mapping }));
    expect([applied.groups, applied.members]).toEqual([1, 3]);

    const again = await importPreview(options("nomap.csv"));
    expect(again.columns[2]).toMatchObject({ field: "nationalId", source: "remembered" });
    expect([again.newRows, again.existingRows, again.rejectedRows]).toEqual([0, 3, 1]);
    expect(again.previouslyImportedAt).not.toBeNull();
  });

  it("refuses a file whose name column is not recognised, listing its columns, until one is mapped", async () => {
    const refused = await rejection(importPreview(options("noname.csv")));
    expect(refused.code).toBe("invalid_input");
    expect(refused.message).toContain("The file's columns: 1: “مشخصات”, 2: “کد ملی”, 3: “همراه شخص”");
    expect(refused.messageFa).toContain("ستون‌های پرونده: ۱: «مشخصات»، ۲: «کد ملی»، ۳: «همراه شخص»");

    const named = await importPreview(options("noname.csv", { mapping: [{ column: 0, field: "fullName" }] }));
    expect(named.rows.map((r) => r.group)).toEqual(["noname", "noname"]);
    expect(named.rows.every((r) => r.problems.some((p) => p.kind === "group_invalid"))).toBe(true);
    expect(named.notes.map(([, en]) => en)).toContain("no group column: every row joins one group named “noname”");

    const whole = await importPreview(
      options("noname.csv", {
        mapping: [
          { column: 0, field: "fullName" },
          { column: 2, field: "mobile" },
        ],
        defaultGroup: "خانواده‌ی عطایی",
      }),
    );
    expect(whole.newGroups).toEqual(["خانواده‌ی عطایی"]);
    expect(whole.newRows).toBe(2);
  });

  it("reads an .xlsx under a title row, and warns of a yes/no it cannot read", async () => {
    const p = await importPreview(options("members.xlsx"));
    expect(p).toMatchObject({ kind: "xlsx", encoding: null, encodingDetected: false, newRows: 3 });
    expect(p.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(p.rows[0]?.fullName).toBe("منوچهر اسدی");
    expect(p.rows[0]?.leader).toBe(true);
    expect(p.rows[2]?.warnings.map((w) => w.kind)).toEqual(["unclear_value"]);
    const notes = p.notes.map(([, en]) => en);
    expect(notes).toContain("1 row(s) above the table (a title) were skipped; the headers are on row 2");
    expect(notes).toContain("no leader column: each group's leader is its first member with a mobile");
  });

  it("checks 1,200 rows", async () => {
    const p = await importPreview(options("big.csv"));
    expect(p.rows).toHaveLength(1200);
    expect(p.rejectedRows).toBe(24);
    expect(p.newRows).toBe(1176);
    expect(p.newGroups).toHaveLength(60);
  });

  it("refuses an old .xls, a file that is not there and a bad mapping", async () => {
    expect((await rejection(importPreview(options("list.xls")))).message).toBe("file: this is an old Excel file (.xls); save it from Excel as .xlsx or CSV");
    const missing = await rejection(importPreview(options("elsewhere.csv")));
    expect(missing.code).toBe("database_io");
    expect(missing.message).toMatch(/^cannot use \/home\/coordinator\/Documents\/elsewhere\.csv: /);
    const twice = await rejection(
      importPreview(
        options("good.csv", {
          mapping: [
            { column: 0, field: "mobile" },
            { column: 5, field: "mobile" },
          ],
        }),
      ),
    );
    expect(twice.message).toBe("mapping: columns 1 and 6 are both mapped to mobile");
    expect((await rejection(importPreview(options("good.csv", { mapping: [{ column: 9, field: "birth" }] })))).message).toBe(
      "mapping: there is no column 10 (the file has 7)",
    );
    expect((await rejection(importPreview(options("good.csv", { mapping: [{ column: 1, field: "age" }] })))).code).toBe("invalid_input");
    expect((await rejection(importPreview(options("good.csv", { encoding: "latin-1" })))).message).toBe("encoding: unknown encoding latin-1");
  });
});

describe("applying an import", () => {
  it("adds the new groups with their leaders, and the same file again adds nothing and says when it came", async () => {
    const before = (await listGroups({ text: "", tour: null, state: null, kind: null, channel: null, limit: null })).length;
    const done = await importApply(options("same.csv", { kind: "family", channel: "sms" }));
    expect([done.groups, done.members]).toEqual([1, 4]);
    const rows = await listGroups({ text: "یزدانی", tour: null, state: null, kind: null, channel: null, limit: null });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "خانواده‌ی یزدانی", kind: "family", channel: "sms", members: 4, leaderName: "مهران یزدانی", leaderMobile: "09134440001" });
    expect((await listGroups({ text: "", tour: null, state: null, kind: null, channel: null, limit: null })).length).toBe(before + 1);

    const again = await importPreview(options("same.csv"));
    expect([again.newRows, again.existingRows]).toEqual([0, 4]);
    expect(again.previouslyImportedAt).toBe("2026-11-29T07:00:00+00:00");
    expect(again.summaryEn).toBe(
      "4 rows: 0 new members in 0 new groups, 4 already in the database, 0 rejected; nothing new to add (this same file was imported on 2026-11-29 at 10:30 Iran time)",
    );
    expect(again.summaryFa).toContain("؛ چیز تازه‌ای برای افزودن نیست (همین پرونده در ۱۴۰۵/۰۹/۰۸ ساعت ۱۰:۳۰ وارد شده است)");
    const twice = await importApply(options("same.csv"));
    expect([twice.groups, twice.members]).toEqual([0, 0]);
  });

  it("sends import-progress events: checking, then writing up to the total", async () => {
    const seen: ImportProgress[] = [];
    const stop = await onImportProgress((p) => seen.push(p));
    await importApply(options("good.csv"));
    stop();
    const stages = [...new Set(seen.map((p) => p.stage))];
    expect(stages).toEqual(["checking", "writing"]);
    expect(seen.filter((p) => p.stage === "checking").at(-1)).toEqual({ stage: "checking", done: 7, total: 7 });
    expect(seen.filter((p) => p.stage === "writing")).toEqual([
      { stage: "writing", done: 4, total: 7 },
      { stage: "writing", done: 7, total: 7 },
    ]);
    const after = seen.length;
    await importPreview(options("good.csv"));
    expect(seen).toHaveLength(after);
  });

  it("is all or nothing: a group refused half-way takes back those written before it", async () => {
    const written = new Map<number, GroupInput>();
    let next = 1;
    const groups: ExchangeGroups = {
      all: () => [],
      create: (input) => {
        if (written.size === 1) throw { code: "conflict", message: "refused", messageFa: "رد شد" } satisfies ApiError;
        written.set(next, input);
        return next++;
      },
      remove: (id) => void written.delete(id),
    };
    const handle = createExchangeBackend({ groups, store: memoryStore() });
    const error = await rejection(handle("import_apply", { options: options("good.csv") }));
    expect(error.code).toBe("conflict");
    expect(written.size).toBe(0);
    const retry = (await handle("import_preview", { options: options("good.csv") })) as ImportPreview;
    expect(retry.previouslyImportedAt).toBeNull();
  });
});

describe("exports", () => {
  it("records each export, and refuses a name the core would refuse", async () => {
    await exportRegistrations("/tmp/all.xlsx", null);
    await exportRegistrations("/tmp/one.csv", 90002);
    await exportManifest("/tmp/manifest.xlsx", 90002);
    await exportCalendar("/tmp/programme.ics");
    const filter = { text: "", status: null, department: null, district: null, site: null, tour: null, category: null, overdueOnly: true };
    await exportRequests("/tmp/requests.csv", filter);
    expect(JSON.parse(store.getItem(EXPORTS_KEY) ?? "[]")).toEqual([
      { command: "export_registrations", path: "/tmp/all.xlsx", tour: null },
      { command: "export_registrations", path: "/tmp/one.csv", tour: 90002 },
      { command: "export_manifest", path: "/tmp/manifest.xlsx", tour: 90002 },
      { command: "export_calendar", path: "/tmp/programme.ics" },
      { command: "export_requests", path: "/tmp/requests.csv", filter },
    ]);
    expect((await rejection(exportRegistrations("/tmp/all.pdf", null))).message).toBe("path: the file name must end in .csv or .xlsx");
    expect((await rejection(exportCalendar("/tmp/programme.csv"))).message).toBe("path: the file name must end in .ics");
  });

  it("adds the extension a dialog left off", () => {
    expect(saveExtensions("sheet")).toEqual(["xlsx", "csv"]);
    expect(saveExtensions("calendar")).toEqual(["ics"]);
    expect(withExtension("/tmp/list", ["xlsx", "csv"])).toBe("/tmp/list.xlsx");
    expect(withExtension("/tmp/list.CSV", ["xlsx", "csv"])).toBe("/tmp/list.CSV");
    expect(withExtension("/tmp/list.csv.txt", ["xlsx", "csv"])).toBe("/tmp/list.csv.txt.xlsx");
    expect(withExtension("C:\\Users\\m\\تقویم", ["ics"])).toBe("C:\\Users\\m\\تقویم.ics");
  });
});

describe("backups", () => {
  it("lists the backups newest first", async () => {
    const list = await listBackups();
    expect(list.folder).toBe(BACKUP_FOLDER);
    expect(list.entries.map((e) => e.kind)).toEqual(["rotated", "rotated", "rotated", "rotated", "before_restore", "rotated", "rotated", "other"]);
    const made = list.entries.map((e) => e.made);
    expect([...made].sort().reverse()).toEqual(made);
    expect(list.entries[0]).toMatchObject({ fileName: "gardesh-20261129-083012.sqlite3", path: `${BACKUP_FOLDER}/gardesh-20261129-083012.sqlite3` });
  });

  it("backs up now: the newest of today replaces today's earlier one", async () => {
    const list = await backupNow();
    expect(list.entries[0]).toMatchObject({ fileName: "gardesh-20261129-103000.sqlite3", kind: "rotated", made: "2026-11-29T07:00:00+00:00" });
    expect(list.entries.some((e) => e.fileName === "gardesh-20261129-083012.sqlite3")).toBe(false);
    expect(list.entries).toHaveLength(8);
    expect((await listBackups()).entries).toEqual(list.entries);
  });

  it("restores after a safety copy, which is listed and kept", async () => {
    const [newest] = (await listBackups()).entries;
    const done = await restoreBackup(newest?.path ?? "");
    expect(done.safetyCopy).toBe(`${BACKUP_FOLDER}/before-restore-20261129-103000.sqlite3`);
    const list = await listBackups();
    expect(list.entries[0]).toMatchObject({ kind: "before_restore", path: done.safetyCopy });
    const missing = await rejection(restoreBackup("/tmp/nothing.sqlite3"));
    expect(missing.code).toBe("database_io");
  });

  it("offers the newest good backup only when the database was refused, and a restore heals it", async () => {
    expect(await backupHealth()).toBeNull();
    store.setItem(FAIL_KEY, "app_status:database_corrupt");
    const offer = (await backupHealth()) as BackupEntry;
    expect(offer).toMatchObject({ kind: "rotated", fileName: "gardesh-20261129-083012.sqlite3" });
    await restoreBackup(offer.path);
    expect(store.getItem(FAIL_KEY)).toBe("");
    expect(await backupHealth()).toBeNull();
    expect(JSON.parse(store.getItem(BACKUPS_KEY) ?? "{}").entries).toHaveLength(9);
  });

  it("rotates: the newest of each of the last 7 days and of each of the last 4 weeks", () => {
    const entry = (made: string, kind = "rotated"): BackupEntry => ({ path: made, fileName: made, kind, made, sizeBytes: 1 });
    const kept = rotate(
      [
        entry("2026-11-29T05:00:00+00:00"),
        entry("2026-11-29T03:00:00+00:00"),
        entry("2026-11-23T05:00:00+00:00"),
        entry("2026-11-21T05:00:00+00:00"),
        entry("2026-11-20T05:00:00+00:00"),
        entry("2026-11-10T05:00:00+00:00"),
        entry("2026-10-20T05:00:00+00:00"),
        entry("2026-10-01T05:00:00+00:00", "before_restore"),
      ],
      "2026-11-29T07:00:00+00:00",
    ).map((e) => e.made.slice(0, 13));
    expect(kept).toEqual(["2026-11-29T05", "2026-11-23T05", "2026-11-20T05", "2026-11-10T05", "2026-10-01T05"]);
  });
});

describe("helpers of the import mock", () => {
  it("knows its commands", () => {
    expect(isExchangeCommand("import_preview")).toBe(true);
    expect(isExchangeCommand("backup_health")).toBe(true);
    expect(isExchangeCommand("groups_list")).toBe(false);
  });

  it("recognises headers however they are written", () => {
    expect(recognise("كد ملي")).toBe("nationalId");
    expect(recognise(" نام‌ و نام خانوادگی ")).toBe("fullName");
    expect(recognise("Full Name")).toBe("fullName");
    expect(recognise("تلفن:")).toBe("mobile");
    expect(recognise("ش.م")).toBeNull();
    expect(headerKey("نام گروه")).toBe(headerKey("نام‌گروه"));
  });

  it("reads birth years in either calendar and any digits", () => {
    expect(birthYear("1365")).toEqual({ ok: true, year: 1365 });
    expect(birthYear("۱۳۶۵/۴/۱۲")).toEqual({ ok: true, year: 1365 });
    expect(birthYear("12/04/1365")).toEqual({ ok: true, year: 1365 });
    expect(birthYear("1986")).toEqual({ ok: true, year: 1365 });
    expect(birthYear("1986-07-03")).toEqual({ ok: true, year: 1365 });
    expect(birthYear("")).toEqual({ ok: true, year: null });
    expect(birthYear("1365/13/01").ok).toBe(false);
    expect(birthYear("دیروز").ok).toBe(false);
    expect(birthYear("1200").ok).toBe(false);
  });

  it("garbles text read in the wrong encoding as a reader would", () => {
    expect(misread("سلام", "utf-8", "windows-1256")).toBe("ط³ظ„ط§ظ…");
    expect(misread("سلام", "windows-1256", "utf-8")).toBe("\uFFFD".repeat(4));
    expect(misread("name", "utf-8", "windows-1256")).toBe("name");
    expect(misread("سلام", "utf-8", "utf-8")).toBe("سلام");
  });

  it("makes valid national IDs", () => {
    const id = withCheckDigit("344764615");
    expect(id).toBe("3447646152");
    expect(parseNationalId(id).ok).toBe(true);
  });
});
