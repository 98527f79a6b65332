import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Animation frames run only when the test says so.
let frames: Array<() => void> = [];

function runFrame(): void {
  const due = frames;
  frames = [];
  for (const callback of due) callback();
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

// Runs frames until `report` settles (a few at most), then awaits it.
async function paint(report: Promise<void>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    runFrame();
    await settle();
  }
  await report;
}

// Each test gets a fresh module, so a fresh "not yet reported".
async function freshModule(): Promise<typeof import("./firstPaint")> {
  vi.resetModules();
  return import("./firstPaint");
}

function recordCalls(answer: (cmd: string) => unknown = () => 0): string[] {
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    return answer(cmd);
  });
  return calls;
}

beforeEach(() => {
  frames = [];
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    frames.push(() => callback(0));
    return frames.length;
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  clearMocks();
});

describe("markFirstScreenPainted", () => {
  it("calls ui_ready once, even when invoked twice", async () => {
    const calls = recordCalls(() => 318);
    const { markFirstScreenPainted } = await freshModule();
    const first = markFirstScreenPainted();
    const second = markFirstScreenPainted();
    await paint(Promise.all([first, second]).then(() => undefined));
    await paint(markFirstScreenPainted());
    expect(calls).toEqual(["ui_ready"]);
  });

  it("waits for two animation frames before reporting", async () => {
    const calls = recordCalls();
    const { markFirstScreenPainted } = await freshModule();
    const done = markFirstScreenPainted();
    await settle();
    expect(calls, "not before the first frame").toEqual([]);
    runFrame();
    await settle();
    expect(calls, "not after one frame only").toEqual([]);
    runFrame();
    await done;
    expect(calls).toEqual(["ui_ready"]);
  });

  it("does not call again after the report is done", async () => {
    const calls = recordCalls();
    const { markFirstScreenPainted } = await freshModule();
    await paint(markFirstScreenPainted());
    expect(frames).toEqual([]);
    const again = markFirstScreenPainted();
    await settle();
    expect(frames, "a later call asks for no frames").toEqual([]);
    await paint(again);
    expect(calls).toEqual(["ui_ready"]);
  });

  it("swallows a failing ui_ready, and still reports only once", async () => {
    const calls = recordCalls(() => {
      throw { code: "internal", message: "the app state is not ready yet", messageFa: "خطای درونی" };
    });
    const { markFirstScreenPainted } = await freshModule();
    await expect(paint(markFirstScreenPainted())).resolves.toBeUndefined();
    await expect(paint(markFirstScreenPainted())).resolves.toBeUndefined();
    expect(calls).toEqual(["ui_ready"]);
  });

  it("swallows a missing backend", async () => {
    clearMocks();
    const { markFirstScreenPainted } = await freshModule();
    await expect(paint(markFirstScreenPainted())).resolves.toBeUndefined();
  });
});
