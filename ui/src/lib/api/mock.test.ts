import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { appStatus, getSettings, isApiError, saveSettings, uiReady, type ApiError, type Settings } from "./index";
import { FAIL_KEY, MOCK_TODAY, SETTINGS_KEY, createMockBackend, installMockBackend, memoryStore, validateSettings } from "./mock";

afterEach(() => {
  clearMocks();
});

const VALID: Settings = { coordinatorName: "Maryam", language: "en", calendar: "gregorian", weekendDays: ["friday"] };

describe("validateSettings (as the core validates)", () => {
  // The Persian details are checked exactly where the core words them the same way.
  it.each<[string, unknown, string, string | RegExp]>([
    [
      "a 101-character name",
      { ...VALID, coordinatorName: "م".repeat(101) },
      "101 characters",
      "نام هماهنگ‌کننده حداکثر ۱۰۰ نویسه است؛ این نام ۱۰۱ نویسه دارد",
    ],
    [
      "all seven weekend days",
      { ...VALID, weekendDays: ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"] },
      "all seven",
      "همه‌ی روزهای هفته تعطیل شده‌اند؛ دست‌کم یک روز کاری لازم است",
    ],
    [
      "a tab inside the name",
      { ...VALID, coordinatorName: "Mar\tyam" },
      "control character",
      "نام هماهنگ‌کننده نویسه‌ی کنترلی دارد",
    ],
    ["an unknown language", { ...VALID, language: "de" }, "language", /^زبان \u2066de\u2069 شناخته نیست$/],
    ["an unknown calendar", { ...VALID, calendar: "julian" }, "calendar", /^تقویم \u2066julian\u2069 شناخته نیست$/],
    ["an unknown weekday", { ...VALID, weekendDays: ["caturday"] }, "weekday", /^روز هفته‌ی \u2066caturday\u2069 شناخته نیست$/],
    ["a name that is not text", { ...VALID, coordinatorName: 7 }, "coordinatorName", "نام هماهنگ‌کننده باید متن باشد"],
    ["weekend days that are not a list", { ...VALID, weekendDays: "friday" }, "weekendDays", "روزهای تعطیل باید فهرست باشند"],
    ["nothing", null, "object", "تنظیمات باید یک شیء باشد"],
  ])("refuses %s with invalid_input, in English and in Persian", (_what, input, detail, detailFa) => {
    const result = validateSettings(input) as ApiError;
    expect(Object.keys(result).sort()).toEqual(["code", "message", "messageFa"]);
    expect(result.code).toBe("invalid_input");
    expect(result.message).toContain(detail);
    if (typeof detailFa === "string") expect(result.messageFa).toBe(detailFa);
    else expect(result.messageFa).toMatch(detailFa);
    expect(result.messageFa, "Persian digits only").not.toMatch(/[0-9]/);
    expect(isApiError(result)).toBe(true);
  });

  it("counts in Persian digits in the Persian detail", () => {
    const result = validateSettings({ ...VALID, coordinatorName: "a".repeat(1234) }) as ApiError;
    expect(result.message).toContain("1234");
    expect(result.messageFa).toContain("۱۲۳۴");
  });

  it.each<[string, Partial<Settings>, Partial<Settings>]>([
    ["trims the name", { coordinatorName: "  مریم  " }, { coordinatorName: "مریم" }],
    ["accepts exactly 100 characters", { coordinatorName: "م".repeat(100) }, { coordinatorName: "م".repeat(100) }],
    // Characters, not UTF-16 units: 100 astral characters are 200 units.
    ["counts characters, not UTF-16 units", { coordinatorName: "𝔸".repeat(100) }, { coordinatorName: "𝔸".repeat(100) }],
    ["ignores surrounding spaces in the length", { coordinatorName: ` ${"a".repeat(100)} ` }, { coordinatorName: "a".repeat(100) }],
    ["accepts an empty name", { coordinatorName: "" }, { coordinatorName: "" }],
    ["trims a trailing newline before looking for control characters", { coordinatorName: "Ali\n" }, { coordinatorName: "Ali" }],
    ["accepts no weekend", { weekendDays: [] }, { weekendDays: [] }],
    [
      "orders weekend days Saturday first, without repeats",
      { weekendDays: ["friday", "thursday", "friday"] },
      { weekendDays: ["thursday", "friday"] },
    ],
  ])("%s", (_what, change, expected) => {
    expect(validateSettings({ ...VALID, ...change })).toEqual({ ...VALID, ...expected });
  });
});

describe("the mock backend", () => {
  it("answers app_status with the fixed day and a healthy database", async () => {
    const handle = createMockBackend(memoryStore());
    const status = (await handle("app_status")) as Awaited<ReturnType<typeof appStatus>>;
    expect(status.today).toEqual({
      gregorian: "2026-11-29",
      jalali: { year: 1405, month: 9, day: 8 },
      weekday: "sunday",
      longFa: "یکشنبه ۸ آذر ۱۴۰۵",
      longEn: "Sunday 8 Azar 1405",
    });
    expect(status.db.integrity).toBe("ok");
    expect(status.db.schemaVersion).toBeGreaterThan(0);
  });

  it("starts from the defaults: Persian, Solar Hijri, Friday", async () => {
    const handle = createMockBackend(memoryStore());
    expect(await handle("settings_get")).toEqual({
      coordinatorName: "",
      language: "fa",
      calendar: "persian",
      weekendDays: ["friday"],
    });
  });

  it("stores what it saves, so a new backend over the same store (a reload) reads it back", async () => {
    const store = memoryStore();
    const saved = await createMockBackend(store)("settings_save", { settings: { ...VALID, coordinatorName: " Ali " } });
    expect(saved).toEqual({ ...VALID, coordinatorName: "Ali" });
    expect(await createMockBackend(store)("settings_get")).toEqual(saved);
  });

  it("stores nothing when it refuses", async () => {
    const store = memoryStore();
    const handle = createMockBackend(store);
    await expect(handle("settings_save", { settings: { ...VALID, coordinatorName: "x".repeat(101) } })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(store.data.has(SETTINGS_KEY)).toBe(false);
  });

  it("falls back to the defaults when the stored value is damaged", async () => {
    const store = memoryStore();
    store.setItem(SETTINGS_KEY, "{not json");
    expect(await createMockBackend(store)("settings_get")).toMatchObject({ language: "fa" });
  });

  it("does not share objects with its callers", async () => {
    const handle = createMockBackend(memoryStore());
    const first = (await handle("app_status")) as { today: { longFa: string } };
    first.today.longFa = "changed";
    expect(((await handle("app_status")) as { today: unknown }).today).toEqual(MOCK_TODAY);
  });

  it("fails a command on request, with the requested code", async () => {
    const store = memoryStore();
    store.setItem(FAIL_KEY, "app_status:database_corrupt");
    const handle = createMockBackend(store);
    await expect(handle("app_status")).rejects.toStrictEqual({
      code: "database_corrupt",
      message: `app_status failed on purpose (${FAIL_KEY} is set)`,
      messageFa: `فرمان \u2066app_status\u2069 عمداً ناموفق شد (\u2066${FAIL_KEY}\u2069 تنظیم شده است)`,
    });
    await expect(handle("settings_get")).resolves.toMatchObject({ language: "fa" });
    store.setItem(FAIL_KEY, "app_status:no_such_code");
    await expect(handle("app_status")).resolves.toMatchObject({ appVersion: expect.any(String) });
  });

  it("rejects an unknown command with an ApiError", async () => {
    await expect(createMockBackend(memoryStore())("checkin_scan")).rejects.toStrictEqual({
      code: "internal",
      message: "unknown command checkin_scan",
      messageFa: "فرمان \u2066checkin_scan\u2069 شناخته نیست",
    });
  });

  it("answers ui_ready with 0", async () => {
    expect(await createMockBackend(memoryStore())("ui_ready")).toBe(0);
  });

  it("serves the typed wrappers once installed", async () => {
    installMockBackend(memoryStore());
    expect((await appStatus()).today.longEn).toBe("Sunday 8 Azar 1405");
    expect(await saveSettings(VALID)).toEqual(VALID);
    expect(await getSettings()).toEqual(VALID);
    await expect(saveSettings({ ...VALID, weekendDays: [...VALID.weekendDays, "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday"] })).rejects.toStrictEqual({
      code: "invalid_input",
      message: "weekendDays cannot contain all seven days of the week",
      messageFa: "همه‌ی روزهای هفته تعطیل شده‌اند؛ دست‌کم یک روز کاری لازم است",
    });
    expect(await getSettings(), "a refused save changes nothing").toEqual(VALID);
    expect(await uiReady()).toBe(0);
  });
});
