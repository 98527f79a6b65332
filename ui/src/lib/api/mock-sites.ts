/**
 * The project-site commands of the in-memory backend: sites, visiting hours,
 * closures, photos and undo, with the core's main rules and its wording.
 * Everything lives as long as the page. It starts with three sites (two of
 * the demo programme, one archived) so the list is not empty.
 *
 * `photo_add` arrives here without its headers (the IPC mock drops them), so
 * a photo goes to the site last opened with `site_get`.
 */
import type { ApiError } from "./bindings/ApiError";
import type { Closure } from "./bindings/Closure";
import type { HoursWindow } from "./bindings/HoursWindow";
import type { PhotoInfo } from "./bindings/PhotoInfo";
import type { Ppe } from "./bindings/Ppe";
import type { Site } from "./bindings/Site";
import type { SiteCategory } from "./bindings/SiteCategory";
import type { SiteDetail } from "./bindings/SiteDetail";
import type { SiteFilter } from "./bindings/SiteFilter";
import type { SiteInput } from "./bindings/SiteInput";
import type { SiteSaved } from "./bindings/SiteSaved";
import type { Undone } from "./bindings/Undone";
import type { Warning } from "./bindings/Warning";
import type { Weekday } from "./bindings/Weekday";
import { inspectImage, scenePng, type Scene } from "./mock-images";
import { toLatinDigits, toPersianDigits } from "../i18n/digits";
import { normalizeFa } from "../dates/text";

export const SITE_COMMANDS = [
  "sites_list",
  "site_get",
  "site_create",
  "site_update",
  "site_set_archived",
  "site_set_hours",
  "site_add_closure",
  "site_remove_closure",
  "site_undo",
  "photo_add",
  "photo_bytes",
  "photo_set_cover",
  "photo_set_caption",
  "photo_remove",
] as const;

export function isSiteCommand(command: string): boolean {
  return (SITE_COMMANDS as readonly string[]).includes(command);
}

const CATEGORIES: readonly SiteCategory[] = ["metro_station", "tunnel", "road", "bridge", "square", "park", "building", "other"];
const PPE: readonly Ppe[] = ["helmet", "vest", "closed_shoes", "long_trousers", "gloves", "goggles", "mask"];
const WEEKDAYS: readonly Weekday[] = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"];
const WEEKDAY_FA: Readonly<Record<Weekday, string>> = {
  saturday: "شنبه",
  sunday: "یکشنبه",
  monday: "دوشنبه",
  tuesday: "سه‌شنبه",
  wednesday: "چهارشنبه",
  thursday: "پنجشنبه",
  friday: "جمعه",
};

const MAX_PIXELS = 50_000_000;
const MAX_FILE_BYTES = 60 * 1024 * 1024;
const DISPLAY_PX = 1600;

function fa(n: number | string): string {
  return toPersianDigits(String(n));
}

/** A Latin value inside Persian text, isolated left to right. */
function ltr(value: unknown): string {
  return `\u2066${String(value)}\u2069`;
}

function invalid(messageFa: string, message: string): ApiError {
  return { code: "invalid_input", message, messageFa };
}

function notFound(what: string, id: unknown): ApiError {
  const faWhat = what === "site" ? "سایت" : what === "photo" ? "عکس" : "تعطیلی";
  return {
    code: "not_found",
    message: `${what} ${String(id)} was not found`,
    messageFa: `${faWhat} ${fa(String(id))} پیدا نشد`,
  };
}

function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

interface StoredSite {
  id: number;
  input: SiteInput;
  archived: boolean;
  demo: boolean;
  coverPhoto: number | null;
  hours: HoursWindow[];
  closures: Closure[];
}

interface StoredPhoto {
  id: number;
  site: number;
  position: number;
  caption: string;
  fileName: string;
  width: number;
  height: number;
  bytes: () => Uint8Array;
}

interface Snapshot {
  input: SiteInput;
  archived: boolean;
  hours: HoursWindow[];
  closures: Closure[];
}

interface Revision {
  site: number;
  action: string;
  snapshot: Snapshot | null;
}

function textField(labelFa: string, labelEn: string, value: unknown, max: number): string {
  if (typeof value !== "string") throw invalid(`${labelFa} باید متن باشد`, `${labelEn} must be text`);
  const t = value.trim();
  const n = [...t].length;
  if (n > max) {
    throw invalid(
      `${labelFa} حداکثر ${fa(max)} نویسه است؛ این ${fa(n)} نویسه دارد`,
      `${labelEn} is at most ${max} characters; this one has ${n}`,
    );
  }
  if (/\p{Cc}/u.test(t.replace(/[\t\n]/g, ""))) {
    throw invalid(`${labelFa} نویسه‌ی کنترلی دارد`, `${labelEn} contains a control character`);
  }
  return t;
}

function whole(value: unknown, label: string, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw invalid(`${ltr(label)} عدد درستی نیست`, `${label}: invalid value ${String(value)}`);
  }
  return value;
}

/** Checks and tidies a SiteInput as the core does; returns it with its warnings, or throws the ApiError. */
export function validateSiteInput(raw: unknown): { input: SiteInput; warnings: Warning[] } {
  if (typeof raw !== "object" || raw === null) throw invalid("مشخصات سایت فرستاده نشد", "the site's input is missing");
  const i = raw as Record<string, unknown>;
  const rules = (typeof i.rules === "object" && i.rules !== null ? i.rules : {}) as Record<string, unknown>;
  const warnings: Warning[] = [];
  const nameFa = textField("نام فارسی", "the Persian name", i.nameFa, 120);
  if (nameFa === "") throw invalid("نام فارسی سایت لازم است", "the site needs a Persian name");
  const nameEn = textField("نام انگلیسی", "the English name", i.nameEn, 120);
  if (!CATEGORIES.includes(i.category as SiteCategory)) {
    throw invalid(`دسته‌ی ${ltr(i.category)} شناخته نیست`, `unknown category ${String(i.category)}`);
  }
  const district = whole(i.district, "district", 255);
  if (district < 1 || district > 15) {
    throw invalid(
      `اصفهان ۱۵ منطقه دارد؛ منطقه‌ی ${fa(district)} وجود ندارد`,
      `Isfahan has districts 1 to 15; there is no district ${district}`,
    );
  }
  const progress = whole(i.progress, "progress", 255);
  if (progress > 100) throw invalid("پیشرفت بین ۰ و ۱۰۰ درصد است", "progress is between 0 and 100 percent");
  let location: SiteInput["location"] = null;
  if (i.location !== null && i.location !== undefined) {
    const l = i.location as Record<string, unknown>;
    const lat = l.latitude;
    const lng = l.longitude;
    if (
      typeof lat !== "number" ||
      typeof lng !== "number" ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lng) ||
      Math.abs(lat) > 90 ||
      Math.abs(lng) > 180
    ) {
      throw invalid(
        "عرض جغرافیایی بین ۹۰- و ۹۰ و طول بین ۱۸۰- و ۱۸۰ است",
        "latitude is between -90 and 90, longitude between -180 and 180",
      );
    }
    location = { latitude: lat, longitude: lng };
    if (lat < 32.4 || lat > 32.95 || lng < 51.4 || lng > 51.95) {
      warnings.push({
        fa: "این مختصات بیرون از محدوده‌ی اصفهان است؛ آن را بررسی کنید",
        en: "these coordinates are outside the Isfahan region; check them",
      });
    }
  }
  const maxVisitors = whole(rules.maxVisitors, "maxVisitors", 4_294_967_295);
  if (maxVisitors < 1 || maxVisitors > 500) {
    throw invalid("بیشینه‌ی بازدیدکنندگان هم‌زمان بین ۱ و ۵۰۰ است", "max visitors at once is between 1 and 500");
  }
  const visitMinutes = whole(rules.visitMinutes, "visitMinutes", 4_294_967_295);
  if (visitMinutes < 5 || visitMinutes > 480) {
    throw invalid("مدت بازدید بین ۵ و ۴۸۰ دقیقه است", "the visit lasts between 5 and 480 minutes");
  }
  const minAge = whole(rules.minAge, "minAge", 255);
  if (minAge > 99) throw invalid("حداقل سن بین ۰ و ۹۹ است", "the minimum age is between 0 and 99");
  if (typeof i.contactPhone !== "string") throw invalid("شماره‌ی تماس باید متن باشد", "contactPhone must be text");
  const phone = toLatinDigits(i.contactPhone.trim());
  if (!/^[0-9 \-+()]*$/.test(phone)) {
    throw invalid("شماره‌ی تماس فقط رقم، فاصله، خط تیره و + دارد", "a contact phone has only digits, spaces, dashes and +");
  }
  const digits = phone.replace(/\D/g, "").length;
  if (phone !== "" && (digits < 4 || digits > 15)) {
    throw invalid("شماره‌ی تماس ۴ تا ۱۵ رقم است", "a contact phone has 4 to 15 digits");
  }
  const ppe = Array.isArray(rules.ppe) ? rules.ppe : [];
  for (const p of ppe) {
    if (!PPE.includes(p as Ppe)) throw invalid(`تجهیزات ${ltr(p)} شناخته نیست`, `unknown PPE ${String(p)}`);
  }
  return {
    input: {
      nameFa,
      nameEn,
      category: i.category as SiteCategory,
      district,
      address: textField("نشانی", "the address", i.address, 400),
      location,
      progress,
      department: textField("واحد مسئول", "the department", i.department, 120),
      contactName: textField("نام رابط", "the contact's name", i.contactName, 120),
      contactPhone: phone,
      description: textField("توضیح", "the description", i.description, 4000),
      rules: {
        maxVisitors,
        visitMinutes,
        minAge,
        ppe: PPE.filter((p) => ppe.includes(p)),
        stepFree: rules.stepFree === true,
        safetyNotes: textField("نکات ایمنی", "the safety notes", rules.safetyNotes, 4000),
      },
    },
    warnings,
  };
}

function minutesOf(text: unknown): number {
  const s = toLatinDigits(String(text ?? "")).trim();
  const bad = invalid(`«${String(text)}» ساعت نیست؛ به شکل ۰۸:۳۰ بنویسید`, `“${String(text)}” is not a time; write it as 08:30`);
  const m = /^(\d{1,2})[:.\u066B](\d{1,2})$/.exec(s) ?? (/^\d{4}$/.test(s) ? [s, s.slice(0, 2), s.slice(2)] : null);
  const [h, min] = m ? [Number(m[1]), Number(m[2])] : /^\d{1,2}$/.test(s) ? [Number(s), 0] : [NaN, NaN];
  if (!Number.isInteger(h) || !Number.isInteger(min) || min > 59 || h > 24 || (h === 24 && min > 0)) throw bad;
  return h * 60 + min;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Checks visiting hours as the core does; returns them sorted by day and time. */
export function validateHours(raw: unknown): HoursWindow[] {
  if (!Array.isArray(raw)) throw invalid("ساعت‌های بازدید باید فهرست باشند", "hours must be a list");
  const windows = raw.map((h: Record<string, unknown>) => {
    if (!WEEKDAYS.includes(h.weekday as Weekday)) {
      throw invalid(`روز هفته‌ی ${ltr(h.weekday)} شناخته نیست`, `unknown weekday ${String(h.weekday)}`);
    }
    return { weekday: h.weekday as Weekday, opens: minutesOf(h.opens), closes: minutesOf(h.closes) };
  });
  windows.sort(
    (a, b) => WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || a.opens - b.opens || a.closes - b.closes,
  );
  windows.forEach((h, i) => {
    if (h.opens >= h.closes) {
      throw invalid(
        `ساعت پایان بازدید ${fa(hhmm(h.closes))} باید بعد از شروع آن (${fa(hhmm(h.opens))}) باشد`,
        `on ${h.weekday[0]?.toUpperCase()}${h.weekday.slice(1)} the closing time ${hhmm(h.closes)} must be after the opening time ${hhmm(h.opens)}`,
      );
    }
    const next = windows[i + 1];
    if (next && next.weekday === h.weekday && next.opens < h.closes) {
      throw invalid(
        `ساعت‌های بازدید ${WEEKDAY_FA[h.weekday]} روی هم افتاده‌اند`,
        `the visiting windows on ${h.weekday[0]?.toUpperCase()}${h.weekday.slice(1)} overlap`,
      );
    }
  });
  return windows.map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes) }));
}

function isoDate(field: string, value: unknown): string {
  const s = String(value ?? "");
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== s) {
    throw invalid(`تاریخ ${ltr(s)} درست نیست`, `${field}: “${s}” is not a date (YYYY-MM-DD)`);
  }
  return s;
}

interface SeedSite {
  input: SiteInput;
  archived: boolean;
  demo: boolean;
  hours: [Weekday, string, string][];
  closures: [string, string, string][];
  photos: [Scene, string][];
}

const WORKDAYS: readonly Weekday[] = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday"];

function seedSites(): SeedSite[] {
  const rules = (over: Partial<SiteInput["rules"]>): SiteInput["rules"] => ({
    maxVisitors: 25,
    visitMinutes: 45,
    minAge: 0,
    ppe: [],
    stepFree: false,
    safetyNotes: "",
    ...over,
  });
  return [
    {
      input: {
        nameFa: "ایستگاه زینبیه، خط ۲ مترو",
        nameEn: "Zeynabieh station, Metro line 2",
        category: "metro_station",
        district: 7,
        address: "خیابان زینبیه، نزدیک میدان زینبیه",
        location: { latitude: 32.6988, longitude: 51.6912 },
        progress: 85,
        department: "سازمان قطار شهری اصفهان",
        contactName: "مهندس رضایی",
        contactPhone: "031-3226 0000",
        description: "از نخستین ایستگاه‌های خط ۲ که به بهره‌برداری می‌رسد.",
        rules: rules({
          maxVisitors: 20,
          visitMinutes: 45,
          minAge: 16,
          ppe: ["helmet", "vest", "closed_shoes", "long_trousers"],
          safetyNotes: "پیش از ورود، توضیح ایمنی داده می‌شود. کلاه و جلیقه در محل تحویل می‌شود.",
        }),
      },
      archived: false,
      demo: true,
      hours: WORKDAYS.flatMap((d): [Weekday, string, string][] => [
        [d, "09:00", "12:00"],
        [d, "14:00", "16:00"],
      ]),
      closures: [["2026-12-05", "2026-12-07", "بتن‌ریزی سقف سالن"]],
      photos: [
        ["metro", "zeynabieh-portal.png"],
        ["road", "zeynabieh-street.png"],
      ],
    },
    {
      input: {
        nameFa: "تقاطع غیرهمسطح کمربندی چهارم",
        nameEn: "4th ring road interchange",
        category: "road",
        district: 14,
        address: "کمربندی چهارم، شمال شرق اصفهان",
        location: { latitude: 32.7305, longitude: 51.7412 },
        progress: 60,
        department: "معاونت عمرانی شهرداری",
        contactName: "",
        contactPhone: "",
        description: "",
        rules: rules({ maxVisitors: 30, visitMinutes: 60, minAge: 12, ppe: ["vest", "closed_shoes"] }),
      },
      archived: false,
      demo: true,
      hours: WORKDAYS.map((d): [Weekday, string, string] => [d, "08:30", "13:00"]),
      closures: [],
      photos: [["road", "ring-road.png"]],
    },
    {
      input: {
        nameFa: "میدان امام علی (عتیق)",
        nameEn: "Imam Ali (Atiq) Square",
        category: "square",
        district: 3,
        address: "محله‌ی جماله، کنار مسجد جامع",
        location: { latitude: 32.6695, longitude: 51.6855 },
        progress: 100,
        department: "سازمان نوسازی و بهسازی",
        contactName: "",
        contactPhone: "",
        description: "بازسازی میدان به پایان رسیده است.",
        rules: rules({ maxVisitors: 40, visitMinutes: 30, stepFree: true }),
      },
      archived: true,
      demo: false,
      hours: [],
      closures: [],
      photos: [["square", "atiq-square.png"]],
    },
  ];
}

/** The site command handler over a fresh in-memory store, seeded unless `seed` is false. */
export function createSitesBackend({ seed = true }: { seed?: boolean } = {}) {
  const sites = new Map<number, StoredSite>();
  const photos = new Map<number, StoredPhoto>();
  const revisions: Revision[] = [];
  let nextSite = 1;
  let nextPhoto = 1;
  let nextClosure = 1;
  /** The site last opened with site_get: where a headerless photo_add goes. */
  let openSite: number | null = null;

  function addStoredPhoto(site: StoredSite, fileName: string, width: number, height: number, bytes: () => Uint8Array) {
    const list = sitePhotos(site.id);
    const photo: StoredPhoto = {
      id: nextPhoto++,
      site: site.id,
      position: list.length === 0 ? 0 : Math.max(...list.map((p) => p.position)) + 1,
      caption: "",
      fileName,
      width,
      height,
      bytes,
    };
    photos.set(photo.id, photo);
    if (site.coverPhoto === null) site.coverPhoto = photo.id;
    return photo;
  }

  if (seed) {
    for (const s of seedSites()) {
      const site: StoredSite = {
        id: nextSite++,
        input: s.input,
        archived: s.archived,
        demo: s.demo,
        coverPhoto: null,
        hours: s.hours.map(([weekday, opens, closes]) => ({ weekday, opens, closes })),
        closures: [],
      };
      site.closures = s.closures.map(([starts, ends, reason]) => ({ id: nextClosure++, site: site.id, starts, ends, reason }));
      sites.set(site.id, site);
      for (const [scene, name] of s.photos) {
        let cached: Uint8Array | null = null;
        addStoredPhoto(site, name, 240, 160, () => (cached ??= scenePng(scene)));
      }
    }
  }

  function sitePhotos(id: number): StoredPhoto[] {
    return [...photos.values()].filter((p) => p.site === id).sort((a, b) => a.position - b.position || a.id - b.id);
  }

  function getStored(id: unknown): StoredSite {
    const site = typeof id === "number" ? sites.get(id) : undefined;
    if (!site) throw notFound("site", id);
    return site;
  }

  function getPhoto(id: unknown): StoredPhoto {
    const photo = typeof id === "number" ? photos.get(id) : undefined;
    if (!photo) throw notFound("photo", id);
    return photo;
  }

  function toSite(s: StoredSite): Site {
    return {
      id: s.id,
      input: wire(s.input),
      coverPhoto: s.coverPhoto,
      photoCount: sitePhotos(s.id).length,
      archived: s.archived,
      demo: s.demo,
    };
  }

  function photoInfo(p: StoredPhoto): PhotoInfo {
    return {
      id: p.id,
      position: p.position,
      caption: p.caption,
      fileName: p.fileName,
      width: p.width,
      height: p.height,
      isCover: sites.get(p.site)?.coverPhoto === p.id,
    };
  }

  function remember(site: StoredSite | number, action: string): void {
    if (typeof site === "number") {
      revisions.push({ site, action, snapshot: null });
      return;
    }
    revisions.push({
      site: site.id,
      action,
      snapshot: wire({ input: site.input, archived: site.archived, hours: site.hours, closures: site.closures }),
    });
  }

  function searchKey(input: SiteInput): string {
    return normalizeFa([input.nameFa, input.nameEn, input.address, input.department, input.contactName].join(" "));
  }

  function list(raw: unknown): Site[] {
    const f = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<SiteFilter>;
    const tokens = normalizeFa(String(f.text ?? "")).split(" ").filter((t) => t !== "");
    return [...sites.values()]
      .filter((s) => f.includeArchived === true || !s.archived)
      .filter((s) => f.district === null || f.district === undefined || s.input.district === f.district)
      .filter((s) => f.category === null || f.category === undefined || s.input.category === f.category)
      .filter((s) => {
        const key = searchKey(s.input);
        return tokens.every((t) => key.includes(t));
      })
      .sort(
        (a, b) =>
          Number(a.archived) - Number(b.archived) ||
          (a.input.nameFa < b.input.nameFa ? -1 : a.input.nameFa > b.input.nameFa ? 1 : 0) ||
          a.id - b.id,
      )
      .map(toSite);
  }

  function detail(id: unknown): SiteDetail {
    const s = getStored(id);
    openSite = s.id;
    return {
      site: toSite(s),
      hours: wire(s.hours),
      closures: wire([...s.closures].sort((a, b) => (a.starts < b.starts ? -1 : a.starts > b.starts ? 1 : a.id - b.id))),
      photos: sitePhotos(s.id).map(photoInfo),
    };
  }

  function undo(): Undone | null {
    const last = revisions.pop();
    if (!last) return null;
    if (last.snapshot === null) {
      sites.delete(last.site);
      for (const p of sitePhotos(last.site)) photos.delete(p.id);
      if (openSite === last.site) openSite = null;
      return { site: last.site, action: last.action, siteRemoved: true };
    }
    const site = sites.get(last.site);
    if (!site) throw { code: "internal", message: "undo history of a missing site", messageFa: "تاریخچه‌ی سایتی که نیست" };
    const snap = last.snapshot;
    site.input = snap.input;
    site.archived = snap.archived;
    site.hours = snap.hours;
    site.closures = snap.closures;
    return { site: last.site, action: last.action, siteRemoved: false };
  }

  function addPhoto(raw: unknown): PhotoInfo {
    if (!(raw instanceof Uint8Array) && !(raw instanceof ArrayBuffer)) {
      throw invalid("عکس به شکل داده‌ی خام فرستاده نشد", "the photo was not sent as raw bytes");
    }
    const bytes = raw instanceof Uint8Array ? raw.slice() : new Uint8Array(raw.slice(0));
    if (openSite === null || !sites.has(openSite)) throw invalid("سایت عکس مشخص نیست", "the photo's site is missing");
    if (bytes.length > MAX_FILE_BYTES) {
      throw invalid("پرونده‌ی عکس بزرگ‌تر از ۶۰ مگابایت است", `the photo file is larger than 60 MB (${bytes.length} bytes)`);
    }
    const facts = inspectImage(bytes);
    if (facts.kind === null) {
      throw invalid("این پرونده عکس JPEG، PNG یا WebP نیست", "this file is not a JPEG, PNG or WebP image");
    }
    if (!facts.complete) {
      throw facts.kind === "jpeg"
        ? invalid("عکس ناقص است (پرونده بریده شده)", "the image is damaged or incomplete: the JPEG file ends early")
        : invalid("عکس خراب یا ناقص است", "the image is damaged or incomplete");
    }
    const pixels = facts.width * facts.height;
    if (pixels > MAX_PIXELS) {
      throw invalid(
        "عکس بزرگ‌تر از ۵۰ مگاپیکسل است",
        `the image has ${(pixels / 1e6).toFixed(1)} megapixels; at most 50 are accepted`,
      );
    }
    if (facts.width === 0 || facts.height === 0) throw invalid("عکس خالی است", "the image is empty");
    const scale = Math.min(1, DISPLAY_PX / Math.max(facts.width, facts.height));
    const site = getStored(openSite);
    const photo = addStoredPhoto(
      site,
      `photo-${nextPhoto}`,
      Math.round(facts.width * scale),
      Math.round(facts.height * scale),
      () => bytes,
    );
    return photoInfo(photo);
  }

  /** A site with its hours and closures, read without touching `openSite` (for the tours part of the mock). */
  function peek(id: number): { site: Site; hours: HoursWindow[]; closures: Closure[] } | null {
    const s = sites.get(id);
    return s ? { site: toSite(s), hours: wire(s.hours), closures: wire(s.closures) } : null;
  }

  function handle(command: string, args: unknown): unknown {
    const a = (typeof args === "object" && args !== null && !(args instanceof Uint8Array) ? args : {}) as Record<
      string,
      unknown
    >;
    switch (command) {
      case "sites_list":
        return list(wire(a.filter ?? null));
      case "site_get":
        return detail(a.id);
      case "site_create": {
        const { input, warnings } = validateSiteInput(wire(a.input ?? null));
        const site: StoredSite = {
          id: nextSite++,
          input,
          archived: false,
          demo: false,
          coverPhoto: null,
          hours: [],
          closures: [],
        };
        sites.set(site.id, site);
        remember(site.id, "create");
        return { id: site.id, warnings } satisfies SiteSaved;
      }
      case "site_update": {
        const site = getStored(a.id);
        const { input, warnings } = validateSiteInput(wire(a.input ?? null));
        remember(site, "update");
        site.input = input;
        return { id: site.id, warnings } satisfies SiteSaved;
      }
      case "site_set_archived": {
        const site = getStored(a.id);
        const archived = a.archived === true;
        remember(site, archived ? "archive" : "unarchive");
        site.archived = archived;
        return null;
      }
      case "site_set_hours": {
        const site = getStored(a.id);
        const hours = validateHours(wire(a.hours ?? null));
        remember(site, "hours");
        site.hours = hours;
        return null;
      }
      case "site_add_closure": {
        const starts = isoDate("starts", a.starts);
        const ends = isoDate("ends", a.ends);
        const reason = textField("دلیل تعطیلی", "the reason", a.reason ?? "", 400);
        if (reason === "") throw invalid("دلیل تعطیلی را بنویسید", "write the reason for the closure");
        if (ends < starts) throw invalid("پایان تعطیلی پیش از شروع آن است", "the closure ends before it starts");
        const site = getStored(a.id);
        remember(site, "closure");
        const closure: Closure = { id: nextClosure++, site: site.id, starts, ends, reason };
        site.closures = [...site.closures, closure];
        return closure.id;
      }
      case "site_remove_closure": {
        const site = [...sites.values()].find((s) => s.closures.some((c) => c.id === a.closure));
        if (!site) throw notFound("closure", a.closure);
        remember(site, "closure");
        site.closures = site.closures.filter((c) => c.id !== a.closure);
        return null;
      }
      case "site_undo":
        return undo();
      case "photo_add":
        return addPhoto(args);
      case "photo_bytes":
        return getPhoto(a.photo).bytes().slice();
      case "photo_set_cover": {
        const photo = getPhoto(a.photo);
        getStored(photo.site).coverPhoto = photo.id;
        return null;
      }
      case "photo_set_caption": {
        const photo = getPhoto(a.photo);
        const caption = String(a.caption ?? "").trim();
        if ([...caption].length > 200) throw invalid("شرح عکس حداکثر ۲۰۰ نویسه است", "a caption is at most 200 characters");
        photo.caption = caption;
        return null;
      }
      case "photo_remove": {
        const photo = getPhoto(a.photo);
        photos.delete(photo.id);
        const site = getStored(photo.site);
        if (site.coverPhoto === photo.id || site.coverPhoto === null) site.coverPhoto = sitePhotos(site.id)[0]?.id ?? null;
        return null;
      }
      default:
        throw {
          code: "internal",
          message: `unknown command ${command}`,
          messageFa: `فرمان ${ltr(command)} شناخته نیست`,
        } satisfies ApiError;
    }
  }

  return Object.assign(handle, { peek });
}
