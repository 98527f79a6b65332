import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { appStatus, getSettings, isApiError, saveSettings, toApiError, uiReady, type Settings } from "./index";

afterEach(() => {
  clearMocks();
});

const SETTINGS: Settings = {
  coordinatorName: "مریم احمدی",
  language: "fa",
  calendar: "persian",
  weekendDays: ["friday"],
};

describe("isApiError", () => {
  it.each([
    [{ code: "not_found", message: "site 3", messageFa: "محل ۳ پیدا نشد" }, true],
    [{ code: "internal", message: "", messageFa: "" }, true],
    [{ code: "not_found", message: "site 3" }, true],
    [{ code: "not_found", message: "site 3", messageFa: undefined }, true],
    [{ code: "not_found", message: "site 3", messageFa: null }, false],
    [{ code: "not_found", message: "site 3", messageFa: 3 }, false],
    [{ code: "teapot", message: "x", messageFa: "x" }, false],
    [{ code: "internal" }, false],
    [{ code: "internal", messageFa: "خطا" }, false],
    [{ code: "internal", message: 5 }, false],
    ["internal", false],
    [null, false],
    [undefined, false],
  ] as const)("%j → %s", (value, expected) => {
    expect(isApiError(value)).toBe(expected);
  });
});

describe("toApiError", () => {
  it.each([
    [
      "a well-formed ApiError",
      { code: "conflict", message: "stale", messageFa: "کهنه است" },
      { code: "conflict", message: "stale", messageFa: "کهنه است" },
    ],
    [
      "an ApiError with extra fields",
      { code: "not_found", message: "tour 9", messageFa: "تور ۹ پیدا نشد", extra: 1 },
      { code: "not_found", message: "tour 9", messageFa: "تور ۹ پیدا نشد" },
    ],
    [
      "an ApiError without messageFa (the English detail stands in)",
      { code: "conflict", message: "stale" },
      { code: "conflict", message: "stale", messageFa: "stale" },
    ],
    [
      "an ApiError with an empty messageFa (kept as it is)",
      { code: "conflict", message: "stale", messageFa: "" },
      { code: "conflict", message: "stale", messageFa: "" },
    ],
    [
      "Tauri's plain string",
      "command settings_sav not found",
      { code: "internal", message: "command settings_sav not found", messageFa: "command settings_sav not found" },
    ],
    ["a thrown Error", new TypeError("boom"), { code: "internal", message: "boom", messageFa: "boom" }],
    [
      "an unknown code",
      { code: "teapot", message: "short and stout", messageFa: "کوتاه و چاق" },
      { code: "internal", message: "short and stout", messageFa: "short and stout" },
    ],
    [
      "a messageFa that is not text",
      { code: "conflict", message: "stale", messageFa: 7 },
      { code: "internal", message: "stale", messageFa: "stale" },
    ],
    [
      "an object without a message",
      { status: 500 },
      { code: "internal", message: '{"status":500}', messageFa: '{"status":500}' },
    ],
    ["null", null, { code: "internal", message: "null", messageFa: "null" }],
    ["undefined", undefined, { code: "internal", message: "undefined", messageFa: "undefined" }],
  ])("normalises %s", (_what, input, expected) => {
    expect(toApiError(input)).toStrictEqual(expected);
  });

  it("returns a fresh object", () => {
    const input = { code: "conflict", message: "stale", messageFa: "کهنه است" };
    const output = toApiError(input);
    expect(output).not.toBe(input);
    expect(Object.keys(output).sort()).toEqual(["code", "message", "messageFa"]);
  });
});

describe("wrappers", () => {
  it("call the right commands with the right arguments and return their values", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "settings_get") return SETTINGS;
      if (cmd === "settings_save") return (args as { settings: Settings }).settings;
      if (cmd === "app_status") return { appVersion: "1.2.3" };
      if (cmd === "ui_ready") return 412;
      throw new Error(`unexpected ${cmd}`);
    });
    await expect(getSettings()).resolves.toEqual(SETTINGS);
    await expect(saveSettings(SETTINGS)).resolves.toEqual(SETTINGS);
    await expect(appStatus()).resolves.toEqual({ appVersion: "1.2.3" });
    await expect(uiReady()).resolves.toBe(412);
    expect(calls).toEqual([
      ["settings_get", {}],
      ["settings_save", { settings: SETTINGS }],
      ["app_status", {}],
      ["ui_ready", {}],
    ]);
  });

  it("pass an ApiError rejection through unchanged", async () => {
    const rejection = { code: "database_io", message: "disk full", messageFa: "دیسک پر است" };
    mockIPC(() => Promise.reject(rejection));
    await expect(saveSettings(SETTINGS)).rejects.toStrictEqual(rejection);
  });

  it("fill in messageFa when the rejection has none", async () => {
    mockIPC(() => Promise.reject({ code: "database_io", message: "disk full" }));
    await expect(getSettings()).rejects.toStrictEqual({ code: "database_io", message: "disk full", messageFa: "disk full" });
  });

  it("reject uiReady's failure as an ApiError too", async () => {
    mockIPC(() => Promise.reject({ code: "internal", message: "the app state is not ready yet", messageFa: "خطای درونی" }));
    await expect(uiReady()).rejects.toMatchObject({ code: "internal", messageFa: "خطای درونی" });
  });

  it.each([
    ["a plain string", "invalid args `settings` for command `settings_save`"],
    ["an Error", new Error("invalid args `settings` for command `settings_save`")],
    ["an ApiError-like object with an unknown code", { code: "bad", message: "invalid args `settings` for command `settings_save`" }],
  ])("turn %s into an internal ApiError", async (_what, rejection) => {
    mockIPC(() => {
      throw rejection;
    });
    const error = await getSettings().catch((e: unknown) => e);
    expect(isApiError(error), "wrappers reject with ApiError only").toBe(true);
    expect(error).toStrictEqual({
      code: "internal",
      message: "invalid args `settings` for command `settings_save`",
      messageFa: "invalid args `settings` for command `settings_save`",
    });
  });

  it("reject with an internal ApiError when there is no backend at all", async () => {
    clearMocks();
    const error = await appStatus().catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ code: "internal", message: expect.any(String), messageFa: expect.any(String) });
  });
});
