import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MOCK_TODAY, createMockBackend, memoryStore } from "../api/mock";
import { coreToday, ensureCoreToday, localToday, readAppStatus } from "./today.svelte";

function recordCalls(fail = false): string[] {
  const calls: string[] = [];
  const backend = createMockBackend(memoryStore());
  mockIPC(async (cmd, args) => {
    calls.push(cmd);
    if (fail) throw { code: "database_io", message: "disk", messageFa: "دیسک" };
    return backend(cmd, args);
  });
  return calls;
}

beforeEach(() => coreToday.reset());
afterEach(() => clearMocks());

describe("localToday", () => {
  it("is the calendar day in Iran (UTC+03:30), not in UTC", () => {
    expect(localToday(new Date("2026-12-21T20:29:00Z"))).toBe("2026-12-21");
    expect(localToday(new Date("2026-12-21T20:30:00Z"))).toBe("2026-12-22");
  });
});

describe("coreToday", () => {
  it("uses the local day until the core has answered", () => {
    const now = new Date("2026-12-21T21:00:00Z");
    expect(coreToday.known).toBe(false);
    expect(coreToday.iso(now)).toBe("2026-12-22");
  });

  it("follows the core's clock, and still turns over at midnight", () => {
    const then = new Date("2025-06-01T08:00:00Z");
    coreToday.record("2026-11-29", then);
    expect(coreToday.known).toBe(true);
    expect(coreToday.iso(then)).toBe("2026-11-29");
    expect(coreToday.iso(new Date("2025-06-01T20:29:00Z"))).toBe("2026-11-29");
    expect(coreToday.iso(new Date("2025-06-01T20:31:00Z"))).toBe("2026-11-30");
  });

  it("reading the status records the core's today", async () => {
    const calls = recordCalls();
    const status = await readAppStatus();
    expect(status.today.gregorian).toBe(MOCK_TODAY.gregorian);
    expect(coreToday.iso()).toBe(MOCK_TODAY.gregorian);
    expect(calls).toEqual(["app_status"]);
  });

  it("ensureCoreToday joins a read on its way instead of asking again", async () => {
    const calls = recordCalls();
    const first = readAppStatus();
    await Promise.all([ensureCoreToday(), ensureCoreToday(), first]);
    expect(calls).toEqual(["app_status"]);
    await ensureCoreToday();
    expect(calls).toEqual(["app_status"]);
  });

  it("ensureCoreToday asks once when nobody has, and never rejects", async () => {
    const calls = recordCalls(true);
    await expect(ensureCoreToday()).resolves.toBeUndefined();
    await ensureCoreToday();
    expect(calls).toEqual(["app_status"]);
    expect(coreToday.known).toBe(false);
  });
});
