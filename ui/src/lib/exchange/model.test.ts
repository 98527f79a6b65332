import { describe, expect, it } from "vitest";
import type { ImportRow } from "../api/bindings/ImportRow";
import { en } from "../i18n/en";
import { fa } from "../i18n/fa";
import { IMPORT_FIELDS as MOCK_FIELDS, ENCODINGS as MOCK_ENCODINGS } from "../api/mock-exchange";
import {
  BACKUP_KIND_KEYS,
  ENCODINGS,
  FIELD_KEYS,
  IMPORT_FIELDS,
  ROW_LIMIT,
  backupKindKey,
  exportFileName,
  fileNameOf,
  iranDay,
  isImportField,
  mappingWith,
  momentLong,
  needsAttention,
  progressShare,
  shownRows,
} from "./model";
import { RESTORE_NOTE_KEY, clearRestoreNote, readRestoreNote, restoreAndReload, saveRestoreNote } from "./restore";

function row(n: number, over: Partial<ImportRow> = {}): ImportRow {
  return {
    row: n,
    group: "g",
    fullName: `person ${n}`,
    nationalId: "",
    mobile: "",
    birthYear: null,
    leader: false,
    status: "new",
    problems: [],
    warnings: [],
    ...over,
  };
}

const bad = { kind: "invalid_mobile", field: "mobile", fa: "شماره", en: "mobile" };

describe("the import's fields and encodings", () => {
  it("are the core's, each with a label in both languages", () => {
    expect([...IMPORT_FIELDS]).toEqual([...MOCK_FIELDS]);
    expect([...ENCODINGS]).toEqual([...MOCK_ENCODINGS]);
    for (const f of IMPORT_FIELDS) {
      expect(fa[FIELD_KEYS[f]]).toBeTruthy();
      expect(en[FIELD_KEYS[f]]).toBeTruthy();
    }
    for (const e of ENCODINGS) expect(en[`import.encodingDesc.${e}`]).toBeTruthy();
    expect(isImportField("mobile")).toBe(true);
    expect(isImportField("")).toBe(false);
    expect(isImportField("age")).toBe(false);
  });
});

describe("mappingWith", () => {
  it("sets one column, replacing what it held", () => {
    expect(mappingWith([], 2, "nationalId")).toEqual([{ column: 2, field: "nationalId" }]);
    expect(mappingWith([{ column: 2, field: "nationalId" }], 2, "mobile")).toEqual([{ column: 2, field: "mobile" }]);
  });

  it("takes a field away from another column mapped to it by hand", () => {
    const before = [
      { column: 0, field: "fullName" },
      { column: 3, field: "mobile" },
    ];
    expect(mappingWith(before, 5, "mobile")).toEqual([
      { column: 0, field: "fullName" },
      { column: 5, field: "mobile" },
    ]);
  });

  it("sends a column set to 'not used' as ignore, leaving other ignored columns be", () => {
    const before = [{ column: 1, field: "ignore" }];
    expect(mappingWith(before, 4, null)).toEqual([
      { column: 1, field: "ignore" },
      { column: 4, field: "ignore" },
    ]);
  });
});

describe("shownRows", () => {
  const rows = Array.from({ length: 1200 }, (_, i) => row(i + 2, i % 100 === 0 ? { status: "rejected", problems: [bad] } : {}));

  it("shows the first 500 rows until asked for all", () => {
    const first = shownRows(rows, { onlyProblems: false, all: false });
    expect(first.rows).toHaveLength(ROW_LIMIT);
    expect(first.rows[0]?.row).toBe(2);
    expect([first.matching, first.hidden]).toEqual([1200, 700]);
    const all = shownRows(rows, { onlyProblems: false, all: true });
    expect([all.rows.length, all.hidden]).toEqual([1200, 0]);
  });

  it("shows only the rows with problems or warnings", () => {
    const warned = [row(2), row(3, { warnings: [bad] }), row(4, { status: "rejected", problems: [bad] })];
    expect(shownRows(warned, { onlyProblems: true, all: false }).rows.map((r) => r.row)).toEqual([3, 4]);
    expect(shownRows(rows, { onlyProblems: true, all: false })).toMatchObject({ matching: 12, hidden: 0 });
    expect(needsAttention(row(1))).toBe(false);
  });

  it("keeps a small preview whole", () => {
    expect(shownRows([row(2)], { onlyProblems: false, all: false }, 1)).toMatchObject({ matching: 1, hidden: 0 });
  });
});

describe("texts and names", () => {
  it("writes a moment as Isfahan reads it, in Solar Hijri with the locale's digits", () => {
    expect(momentLong("2026-11-29T05:00:12+00:00", "fa")).toBe("۸ آذر ۱۴۰۵، ۰۸:۳۰");
    expect(momentLong("2026-11-29T05:00:12+00:00", "en")).toBe("8 Azar 1405, 08:30");
    expect(momentLong("2026-11-29T21:00:00Z", "fa")).toBe("۹ آذر ۱۴۰۵، ۰۰:۳۰");
    expect(momentLong("yesterday", "fa")).toBe("yesterday");
    expect(iranDay("2026-11-29T21:00:00Z")).toBe("2026-11-30");
  });

  it("reads progress as a share", () => {
    expect(progressShare(null)).toBe(0);
    expect(progressShare({ stage: "checking", done: 0, total: 0 })).toBe(0);
    expect(progressShare({ stage: "writing", done: 3, total: 4 })).toBe(0.75);
    expect(progressShare({ stage: "writing", done: 9, total: 4 })).toBe(1);
  });

  it("names files and backup kinds", () => {
    expect(fileNameOf("/home/m/Documents/list.csv")).toBe("list.csv");
    expect(fileNameOf("C:\\Users\\m\\فهرست.xlsx")).toBe("فهرست.xlsx");
    expect(exportFileName("registrations", "2026-11-29")).toBe("gardesh-registrations-1405-09-08.xlsx");
    expect(exportFileName("manifest", "2026-11-29", 90002)).toBe("gardesh-manifest-tour-90002-1405-09-08.xlsx");
    expect(exportFileName("calendar", "2026-11-29")).toBe("gardesh-calendar-1405-09-08.ics");
    expect(backupKindKey({ path: "", fileName: "", kind: "before_restore", made: "", sizeBytes: 0 })).toBe("backups.kind.before_restore");
    expect(backupKindKey({ path: "", fileName: "", kind: "odd", made: "", sizeBytes: 0 })).toBe("backups.kind.other");
    for (const key of Object.values(BACKUP_KIND_KEYS)) expect(fa[key]).toBeTruthy();
  });
});

describe("the note a restore leaves for after the reload", () => {
  function memory() {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
  }

  it("is saved, read back and cleared", () => {
    const store = memory();
    expect(readRestoreNote(store)).toBeNull();
    saveRestoreNote({ made: "2026-11-29T05:00:12+00:00", fileName: "a.sqlite3", safetyCopy: "/b/before.sqlite3" }, store);
    expect(readRestoreNote(store)).toEqual({ made: "2026-11-29T05:00:12+00:00", fileName: "a.sqlite3", safetyCopy: "/b/before.sqlite3" });
    clearRestoreNote(store);
    expect(readRestoreNote(store)).toBeNull();
    store.setItem(RESTORE_NOTE_KEY, "{not json");
    expect(readRestoreNote(store)).toBeNull();
  });

  it("is not read from a session without sessionStorage", () => {
    expect(readRestoreNote(null)).toBeNull();
    expect(() => saveRestoreNote({ made: "", fileName: "", safetyCopy: null }, null)).not.toThrow();
  });

  it("restoreAndReload reloads only after the core restored", async () => {
    const { installMockBackend, memoryStore } = await import("../api/mock");
    const { clearMocks } = await import("@tauri-apps/api/mocks");
    installMockBackend(memoryStore());
    let reloads = 0;
    const entry = { path: "/nowhere.sqlite3", fileName: "nowhere.sqlite3", kind: "other", made: "2026-11-29T05:00:12+00:00", sizeBytes: 1 };
    await expect(restoreAndReload(entry, () => reloads++)).rejects.toMatchObject({ code: "database_io" });
    expect(reloads).toBe(0);
    clearMocks();
  });
});
