import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import type { SiteInput } from "./bindings/SiteInput";
import {
  addPhoto,
  addSiteClosure,
  createSite,
  getSite,
  listSites,
  photoBlob,
  removePhoto,
  setPhotoCover,
  setSiteArchived,
  setSiteHours,
  undoSiteChange,
  updateSite,
} from "./index";
import { installMockBackend, memoryStore } from "./mock";
import { encodePng, inspectImage, scenePng } from "./mock-images";
import { createSitesBackend, isSiteCommand, validateHours, validateSiteInput } from "./mock-sites";

afterEach(() => {
  clearMocks();
});

const INPUT: SiteInput = {
  nameFa: "ایستگاه کاوه",
  nameEn: "Kaveh",
  category: "metro_station",
  district: 12,
  address: "",
  location: null,
  progress: 0,
  department: "",
  contactName: "",
  contactPhone: "",
  description: "",
  rules: { maxVisitors: 25, visitMinutes: 45, minAge: 0, ppe: [], stepFree: false, safetyNotes: "" },
};

const ALL = { text: "", district: null, category: null, includeArchived: true };

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("it was not refused");
}

describe("site validation in the mock (the core's rules and words)", () => {
  it.each<[string, Partial<SiteInput>, string]>([
    ["no Persian name", { nameFa: "  " }, "نام فارسی سایت لازم است"],
    ["a 121-character name", { nameFa: "ا".repeat(121) }, "نام فارسی حداکثر ۱۲۰ نویسه است؛ این ۱۲۱ نویسه دارد"],
    ["district 16", { district: 16 }, "اصفهان ۱۵ منطقه دارد؛ منطقه‌ی ۱۶ وجود ندارد"],
    ["progress 101", { progress: 101 }, "پیشرفت بین ۰ و ۱۰۰ درصد است"],
    ["latitude 91", { location: { latitude: 91, longitude: 51 } }, "عرض جغرافیایی بین ۹۰- و ۹۰ و طول بین ۱۸۰- و ۱۸۰ است"],
    ["a phone with letters", { contactPhone: "0912 abc" }, "شماره‌ی تماس فقط رقم، فاصله، خط تیره و + دارد"],
    ["a 3-digit phone", { contactPhone: "137" }, "شماره‌ی تماس ۴ تا ۱۵ رقم است"],
  ])("refuses %s", (_what, over, messageFa) => {
    const error = refusal(() => validateSiteInput({ ...INPUT, ...over }));
    expect(error.code).toBe("invalid_input");
    expect(error.messageFa).toBe(messageFa);
    expect(error.messageFa).not.toMatch(/[0-9]/);
  });

  it.each<[string, Partial<SiteInput["rules"]>, string]>([
    ["0 visitors", { maxVisitors: 0 }, "بیشینه‌ی بازدیدکنندگان هم‌زمان بین ۱ و ۵۰۰ است"],
    ["a 481-minute visit", { visitMinutes: 481 }, "مدت بازدید بین ۵ و ۴۸۰ دقیقه است"],
    ["minimum age 100", { minAge: 100 }, "حداقل سن بین ۰ و ۹۹ است"],
  ])("refuses %s", (_what, over, messageFa) => {
    expect(refusal(() => validateSiteInput({ ...INPUT, rules: { ...INPUT.rules, ...over } })).messageFa).toBe(messageFa);
  });

  it("warns about a location outside Isfahan without refusing it, and tidies the input", () => {
    const { input, warnings } = validateSiteInput({
      ...INPUT,
      nameFa: "  پل  ",
      contactPhone: "۰۳۱-۱۲۳۴",
      location: { latitude: 35.7, longitude: 51.4 },
    });
    expect(input.nameFa).toBe("پل");
    expect(input.contactPhone).toBe("031-1234");
    expect(warnings).toEqual([
      { fa: "این مختصات بیرون از محدوده‌ی اصفهان است؛ آن را بررسی کنید", en: "these coordinates are outside the Isfahan region; check them" },
    ]);
  });

  it("refuses overlapping and inverted visiting hours, and sorts the rest", () => {
    expect(refusal(() => validateHours([{ weekday: "sunday", opens: "12:00", closes: "09:00" }])).messageFa).toBe(
      "ساعت پایان بازدید ۰۹:۰۰ باید بعد از شروع آن (۱۲:۰۰) باشد",
    );
    expect(
      refusal(() =>
        validateHours([
          { weekday: "monday", opens: "09:00", closes: "12:00" },
          { weekday: "monday", opens: "11:00", closes: "13:00" },
        ]),
      ).messageFa,
    ).toBe("ساعت‌های بازدید دوشنبه روی هم افتاده‌اند");
    expect(
      validateHours([
        { weekday: "monday", opens: "14:00", closes: "15:00" },
        { weekday: "saturday", opens: "9", closes: "1200" },
      ]),
    ).toEqual([
      { weekday: "saturday", opens: "09:00", closes: "12:00" },
      { weekday: "monday", opens: "14:00", closes: "15:00" },
    ]);
  });

  it("routes only the site commands here", () => {
    expect(isSiteCommand("sites_list")).toBe(true);
    expect(isSiteCommand("photo_bytes")).toBe(true);
    expect(isSiteCommand("settings_get")).toBe(false);
  });
});

describe("the site commands over the mock, through the wrappers", () => {
  it("starts with three sites, one archived; the list hides archived ones unless asked", async () => {
    installMockBackend(memoryStore());
    const active = await listSites({ ...ALL, includeArchived: false });
    expect(active.map((s) => s.id)).toEqual([1, 2]);
    expect(active.every((s) => s.demo && s.coverPhoto !== null)).toBe(true);
    const all = await listSites(ALL);
    expect(all.map((s) => [s.id, s.archived])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it("searches by the folded key: Arabic ي/ك and any digits find Persian text", async () => {
    installMockBackend(memoryStore());
    const { id } = await createSite({ ...INPUT, nameFa: "ایستگاه کاوه ۱۲" });
    for (const text of ["كاوه", "ايستگاه كاوه", "kaveh", "کاوه 12", "  ایستگاه   کاوه "]) {
      expect((await listSites({ ...ALL, text })).map((s) => s.id), text).toEqual([id]);
    }
    expect(await listSites({ ...ALL, text: "کاوه زینبیه" })).toEqual([]);
    expect((await listSites({ ...ALL, district: 12 })).map((s) => s.id)).toEqual([id]);
    expect((await listSites({ ...ALL, category: "road" })).map((s) => s.id)).toEqual([2]);
  });

  it("undoes the most recent change to any site, in order, then says there is nothing left", async () => {
    installMockBackend(memoryStore());
    const { id } = await createSite(INPUT);
    await updateSite(id, { ...INPUT, nameFa: "نام تازه" });
    await setSiteArchived(2, true);
    await setSiteHours(id, [{ weekday: "saturday", opens: "09:00", closes: "12:00" }]);
    await addSiteClosure(id, "2026-12-11", "2026-12-13", "بتن‌ریزی");

    expect(await undoSiteChange()).toEqual({ site: id, action: "closure", siteRemoved: false });
    expect((await getSite(id)).closures).toEqual([]);
    expect(await undoSiteChange()).toEqual({ site: id, action: "hours", siteRemoved: false });
    expect((await getSite(id)).hours).toEqual([]);
    expect(await undoSiteChange()).toEqual({ site: 2, action: "archive", siteRemoved: false });
    expect((await getSite(2)).site.archived).toBe(false);
    expect(await undoSiteChange()).toEqual({ site: id, action: "update", siteRemoved: false });
    expect((await getSite(id)).site.input.nameFa).toBe("ایستگاه کاوه");
    expect(await undoSiteChange()).toEqual({ site: id, action: "create", siteRemoved: true });
    await expect(getSite(id)).rejects.toMatchObject({ code: "not_found" });
    expect(await undoSiteChange()).toBeNull();
  });

  it("refuses a closure without a reason or ending before it starts", async () => {
    installMockBackend(memoryStore());
    await expect(addSiteClosure(1, "2026-12-11", "2026-12-13", " ")).rejects.toMatchObject({
      messageFa: "دلیل تعطیلی را بنویسید",
    });
    await expect(addSiteClosure(1, "2026-12-13", "2026-12-11", "x")).rejects.toMatchObject({
      messageFa: "پایان تعطیلی پیش از شروع آن است",
    });
  });

  it("adds photos to the site last opened; the first becomes the cover; refuses what is not a whole image", async () => {
    installMockBackend(memoryStore());
    const { id } = await createSite(INPUT);
    await getSite(id);
    const png = encodePng(40, 30, () => [200, 100, 50]);
    const first = await addPhoto(id, "a.png", png);
    expect(first).toMatchObject({ width: 40, height: 30, isCover: true });
    const second = await addPhoto(id, "b.png", png);
    expect(second.isCover).toBe(false);
    await expect(addPhoto(id, "notes.txt", new TextEncoder().encode("hello"))).rejects.toMatchObject({
      code: "invalid_input",
      messageFa: "این پرونده عکس JPEG، PNG یا WebP نیست",
    });
    await expect(addPhoto(id, "cut.png", png.slice(0, png.length - 20))).rejects.toMatchObject({
      messageFa: "عکس خراب یا ناقص است",
    });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    await expect(addPhoto(id, "cut.jpg", jpeg)).rejects.toMatchObject({ messageFa: "عکس ناقص است (پرونده بریده شده)" });

    await setPhotoCover(second.id);
    expect((await getSite(id)).site.coverPhoto).toBe(second.id);
    await removePhoto(second.id);
    const after = await getSite(id);
    expect(after.site.coverPhoto).toBe(first.id);
    expect(after.photos.map((p) => [p.id, p.isCover])).toEqual([[first.id, true]]);

    const blob = await photoBlob(first.id, true);
    expect(blob.type).toBe("image/png");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(png);
  });

  it("a photo sent while no site is open is refused", () => {
    const handle = createSitesBackend({ seed: false });
    expect(refusal(() => handle("photo_add", encodePng(2, 2, () => [0, 0, 0]))).messageFa).toBe("سایت عکس مشخص نیست");
  });
});

describe("image bytes in the mock", () => {
  it("reads a PNG's size and completeness", () => {
    const png = encodePng(17, 9, (x, y) => [x * 10, y * 20, 0]);
    expect(inspectImage(png)).toEqual({ kind: "png", width: 17, height: 9, complete: true });
    expect(inspectImage(png.slice(0, 40)).complete).toBe(false);
  });

  it("draws the seed pictures as valid PNGs", () => {
    for (const scene of ["metro", "road", "square"] as const) {
      expect(inspectImage(scenePng(scene, 24, 16))).toEqual({ kind: "png", width: 24, height: 16, complete: true });
    }
  });

  it("reads a JPEG's size from its frame header", () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 1, 1, 0x11, 0, 0xff, 0xd9]);
    expect(inspectImage(jpeg)).toEqual({ kind: "jpeg", width: 40, height: 30, complete: true });
  });

  it("knows nothing else", () => {
    expect(inspectImage(new TextEncoder().encode("GIF89a........")).kind).toBeNull();
  });
});
