import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import type { PrintProgress } from "./bindings/PrintProgress";
import type { Registration } from "./bindings/Registration";
import type { Tour } from "./bindings/Tour";
import {
  choosePdfPath,
  confirmationPrintRequest,
  getGroup,
  getSettings,
  isBatchKind,
  isPrintCancelled,
  isPrintKind,
  onPrintProgress,
  pdfFileName,
  printCancel,
  printOpen,
  printPreview,
  printSave,
  saveSettings,
  tourPrintRequest,
  weekPrintRequest,
  withPdfExtension,
} from "./index";
import { memoryStore, installMockBackend } from "./mock";
import { SEED_TOUR_LATER, SEED_TOUR_TODAY } from "./mock-groups";
import {
  CANCELLED,
  MOCK_PREVIEW_PAGES,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  PRINTS_KEY,
  createPrintBackend,
  isPrintCommand,
  type RecordedPrint,
} from "./mock-print";

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

function recorded(): RecordedPrint[] {
  return JSON.parse(store.getItem(PRINTS_KEY) ?? "[]") as RecordedPrint[];
}

/** The width and height in a PNG data URL's header. */
function pngSize(url: string): [number, number] {
  expect(url.startsWith("data:image/png;base64,")).toBe(true);
  const bytes = Uint8Array.from(atob(url.slice("data:image/png;base64,".length)), (c) => c.charCodeAt(0));
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const view = new DataView(bytes.buffer);
  return [view.getUint32(16), view.getUint32(20)];
}

/** The registrations of seeded group `id`. */
async function registrationsOf(id: number): Promise<Registration[]> {
  return (await getGroup(id)).registrations.map((r) => r.registration);
}

describe("the request helpers", () => {
  it("build the four shapes the command takes", () => {
    expect(tourPrintRequest("manifest", 12)).toEqual({ kind: "manifest", tour: 12, registration: null, from: null });
    expect(confirmationPrintRequest(7)).toEqual({ kind: "confirmation", tour: null, registration: 7, from: null });
    expect(weekPrintRequest("2026-11-29")).toEqual({ kind: "week", tour: null, registration: null, from: "2026-11-29" });
    expect(isPrintKind("safety")).toBe(true);
    expect(isPrintKind("poster")).toBe(false);
    expect(["confirmations", "safety", "week"].every(isBatchKind)).toBe(true);
    expect(["itinerary", "manifest", "confirmation"].some(isBatchKind)).toBe(false);
    expect(isPrintCommand("print_save") && isPrintCommand("print_cancel") && !isPrintCommand("export_manifest")).toBe(true);
  });

  it("tell a cancelled save from a failure", () => {
    expect(isPrintCancelled({ ...CANCELLED })).toBe(true);
    expect(isPrintCancelled({ code: "conflict", message: "", messageFa: "چاپ لغو شد" })).toBe(true);
    expect(isPrintCancelled({ code: "conflict", message: "nothing to print: x", messageFa: "چیزی برای چاپ نیست: x" })).toBe(false);
    expect(isPrintCancelled({ code: "internal", message: "printing was cancelled", messageFa: "" })).toBe(false);
  });

  it("make safe PDF file names", () => {
    expect(pdfFileName("برنامه سفر تور ۱۲")).toBe("برنامه سفر تور ۱۲.pdf");
    expect(pdfFileName("a/b\\c:d*e?f\"g<h>i|j")).toBe("a-b-c-d-e-f-g-h-i-j.pdf");
    expect(pdfFileName("  ..x  y.PDF")).toBe("x y.PDF");
    expect(pdfFileName("\u2066GRD-1-AB\u2069")).toBe("GRD-1-AB.pdf");
    expect(pdfFileName("")).toBe("document.pdf");
    expect(withPdfExtension("/home/a/plan")).toBe("/home/a/plan.pdf");
    expect(withPdfExtension("/home/a/plan.Pdf")).toBe("/home/a/plan.Pdf");
  });

  it("ask the dialog plugin for a PDF path with the suggested name, adding .pdf", async () => {
    clearMocks();
    const asked: unknown[] = [];
    let answer: string | null = "/home/coordinator/itinerary";
    mockIPC((cmd, args) => {
      if (cmd !== "plugin:dialog|save") throw new Error(cmd);
      asked.push(args);
      return answer;
    });
    expect(await choosePdfPath("برنامه سفر تور ۱۲")).toBe("/home/coordinator/itinerary.pdf");
    expect(asked).toEqual([{ options: { defaultPath: "برنامه سفر تور ۱۲.pdf", filters: [{ name: "PDF", extensions: ["pdf"] }] } }]);
    answer = null;
    expect(await choosePdfPath("x")).toBeNull();
  });
});

describe("the preview", () => {
  it("shows an itinerary's pages as PNG images: a page per three stops after the first", async () => {
    const preview = await printPreview(tourPrintRequest("itinerary", SEED_TOUR_TODAY));
    expect(preview.pages).toBe(2);
    expect(preview.images).toHaveLength(2);
    for (const url of preview.images) expect(pngSize(url)).toEqual([PAGE_WIDTH, PAGE_HEIGHT]);
    expect(preview.images[0]).not.toBe(preview.images[1]);
  });

  it("follows the app's language: an English page is the Persian one mirrored", async () => {
    const fa = await printPreview(tourPrintRequest("itinerary", SEED_TOUR_TODAY));
    await saveSettings({ ...(await getSettings()), language: "en" });
    const en = await printPreview(tourPrintRequest("itinerary", SEED_TOUR_TODAY));
    expect(en.pages).toBe(fa.pages);
    expect(en.images[0]).not.toBe(fa.images[0]);
  });

  it("shows at most the first twelve pages of a week and counts them all", async () => {
    const week = await printPreview(weekPrintRequest("2026-11-29"));
    expect(week.images).toHaveLength(MOCK_PREVIEW_PAGES);
    // Seven tours (the cancelled one left out): 2 + 2 + 2 + 2 + 1 + 2 + 2 pages.
    expect(week.pages).toBe(13);
  });

  it("counts one confirmation per confirmed group, one briefing per site, and the manifest", async () => {
    expect((await printPreview(tourPrintRequest("confirmations", SEED_TOUR_TODAY))).pages).toBe(2);
    expect((await printPreview(tourPrintRequest("safety", SEED_TOUR_TODAY))).pages).toBe(2);
    expect((await printPreview(tourPrintRequest("manifest", SEED_TOUR_TODAY))).pages).toBe(1);
    const [ngo] = await registrationsOf(4);
    expect(ngo?.tour).toBe(SEED_TOUR_LATER);
    expect((await printPreview(confirmationPrintRequest(ngo?.id ?? 0))).pages).toBe(1);
  });

  it("refuses what has nothing to print, with the reason in both languages", async () => {
    const [family] = await registrationsOf(3);
    expect(family?.state).toBe("waitlisted");
    const notConfirmed = await rejection(printPreview(confirmationPrintRequest(family?.id ?? 0)));
    expect(notConfirmed.code).toBe("conflict");
    expect(notConfirmed.message).toMatch(/^nothing to print: registration \d+ is not confirmed \(waitlisted\)$/);
    expect(notConfirmed.messageFa).toMatch(/^چیزی برای چاپ نیست: ثبت‌نام [۰-۹]+ تأیید نشده است$/);

    const empty = await rejection(printPreview(weekPrintRequest("2027-06-01")));
    expect(empty.code).toBe("conflict");
    expect(empty.message).toBe("nothing to print: there is no tour from 2027-06-01 to 2027-06-07");
    expect(empty.messageFa).toBe("چیزی برای چاپ نیست: از ۱۱ خرداد ۱۴۰۶ تا ۱۷ خرداد ۱۴۰۶ توری نیست");
  });

  it("refuses a request it cannot read or a tour that is not there", async () => {
    expect((await rejection(printPreview({ kind: "poster", tour: 1, registration: null, from: null }))).code).toBe("invalid_input");
    expect((await rejection(printPreview({ kind: "itinerary", tour: null, registration: null, from: null }))).message).toBe(
      "tour: no tour was chosen",
    );
    expect((await rejection(printPreview(weekPrintRequest("1405/09/08")))).code).toBe("invalid_input");
    const missing = await rejection(printPreview(tourPrintRequest("itinerary", 4242)));
    expect(missing).toEqual({ code: "not_found", message: "tour 4242 was not found", messageFa: "تور ۴۲۴۲ پیدا نشد" });
  });
});

describe("saving and opening", () => {
  it("saves to the chosen path with progress document by document, and records it", async () => {
    const seen: PrintProgress[] = [];
    const stop = await onPrintProgress((p) => seen.push(p));
    const saved = await printSave(tourPrintRequest("confirmations", SEED_TOUR_TODAY), "/home/coordinator/c.pdf");
    stop();
    expect(saved).toEqual({ path: "/home/coordinator/c.pdf", pages: 2 });
    expect(seen).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
    expect(recorded()).toEqual([
      {
        command: "print_save",
        path: "/home/coordinator/c.pdf",
        kind: "confirmations",
        tour: SEED_TOUR_TODAY,
        registration: null,
        from: null,
        pages: 2,
        language: "fa",
      },
    ]);
    expect((await rejection(printSave(tourPrintRequest("itinerary", SEED_TOUR_TODAY), " "))).code).toBe("invalid_input");
    expect(recorded()).toHaveLength(1);
  });

  it("opens a temporary PDF for printing", async () => {
    const opened = await printOpen(tourPrintRequest("itinerary", SEED_TOUR_TODAY));
    expect(opened.pages).toBe(2);
    expect(opened.path).toMatch(/^\/tmp\/gardesh-print\/gardesh-\d{8}-\d{6}-\d{3}\.pdf$/);
    expect(recorded().map((r) => [r.command, r.kind, r.path])).toEqual([["print_open", "itinerary", opened.path]]);
  });

  it("a cancel stops a batch before its next document, as the core's conflict «چاپ لغو شد»; the next save starts afresh", async () => {
    const saving = printSave(weekPrintRequest("2026-11-29"), "/home/coordinator/week.pdf");
    await printCancel();
    const error = await rejection(saving);
    expect(error).toEqual({ ...CANCELLED });
    expect(isPrintCancelled(error)).toBe(true);
    expect(recorded()).toEqual([]);
    expect((await printSave(weekPrintRequest("2026-11-29"), "/home/coordinator/week.pdf")).pages).toBe(13);
  });
});

describe("the backend on its own", () => {
  const tour = (id: number, date: string, status: Tour["status"] = "open"): Tour => ({
    id,
    date,
    departure: "08:00",
    meetingPoint: "",
    seats: 20,
    status,
    notes: "",
  });

  function backend(stops: Record<number, number[]>, regs: Registration[], members = 3) {
    const kv = memoryStore();
    const events: unknown[] = [];
    const handle = createPrintBackend({
      tours: {
        stops: (id) => stops[id] ?? null,
        between: (from, to) => [tour(1, "2026-12-01"), tour(2, "2026-12-02", "cancelled")].filter((x) => x.date >= from && x.date <= to),
      },
      registrations: {
        get: (id) => regs.find((r) => r.id === id) ?? null,
        ofTour: (id) => regs.filter((r) => r.tour === id),
        members: () => members,
      },
      store: kv,
      language: () => "en",
      emit: (event, payload) => events.push([event, payload]),
      now: () => new Date(Date.UTC(2026, 10, 29, 7, 0, 5, 12)),
    });
    return { handle, events, kv };
  }

  const reg = (id: number, tourId: number, state: Registration["state"]): Registration => ({
    id,
    group: id,
    tour: tourId,
    seats: 3,
    state,
    overrideReason: "",
    code: `GRD-${id}-X`,
  });

  it("a manifest grows a page per thirty passengers; a tour without confirmed groups or stops has nothing to print", async () => {
    const { handle } = backend({ 1: [5, 6, 5, 7], 3: [] }, [reg(1, 1, "confirmed"), reg(2, 1, "attended"), reg(3, 1, "cancelled")], 20);
    expect(await handle("print_preview", { request: tourPrintRequest("manifest", 1) })).toMatchObject({ pages: 2 });
    expect(await handle("print_preview", { request: tourPrintRequest("safety", 1) })).toMatchObject({ pages: 3 });
    expect(await handle("print_preview", { request: tourPrintRequest("confirmations", 1) })).toMatchObject({ pages: 1 });
    expect(await handle("print_preview", { request: tourPrintRequest("itinerary", 1) })).toMatchObject({ pages: 3 });
    await expect(handle("print_preview", { request: tourPrintRequest("manifest", 3) })).rejects.toMatchObject({
      code: "conflict",
      message: "nothing to print: tour 3 has no confirmed group",
      messageFa: "چیزی برای چاپ نیست: تور ۳ هیچ گروه تأییدشده‌ای ندارد",
    });
    await expect(handle("print_preview", { request: tourPrintRequest("safety", 3) })).rejects.toMatchObject({
      message: "nothing to print: tour 3 has no stops",
    });
  });

  it("a week leaves cancelled tours out; opening names the temporary file by the time", async () => {
    const { handle, events, kv } = backend({ 1: [5], 2: [5] }, []);
    expect(await handle("print_preview", { request: weekPrintRequest("2026-11-29") })).toMatchObject({ pages: 2 });
    expect(await handle("print_open", { request: weekPrintRequest("2026-11-29") })).toEqual({
      path: "/tmp/gardesh-print/gardesh-20261129-070005-012.pdf",
      pages: 2,
    });
    expect(events).toEqual([
      ["print-progress", { done: 0, total: 1 }],
      ["print-progress", { done: 1, total: 1 }],
    ]);
    expect(JSON.parse(kv.getItem(PRINTS_KEY) ?? "[]")).toMatchObject([{ command: "print_open", kind: "week", from: "2026-11-29", language: "en" }]);
  });

  it("a cancel asked when nothing is printing does not stop the next save", async () => {
    const { handle } = backend({ 1: [5] }, []);
    expect(await handle("print_cancel", {})).toBeNull();
    expect(await handle("print_save", { request: tourPrintRequest("itinerary", 1), path: "/a.pdf" })).toEqual({ path: "/a.pdf", pages: 2 });
  });
});
