/**
 * Typed wrappers of the project-site commands: sites, their visiting hours,
 * closures and photos, and undo. Like the other wrappers, each resolves with
 * the command's value or rejects with an ApiError.
 */
import { invoke, type InvokeArgs, type InvokeOptions } from "@tauri-apps/api/core";
import type { HoursWindow } from "./bindings/HoursWindow";
import type { PhotoInfo } from "./bindings/PhotoInfo";
import type { Site } from "./bindings/Site";
import type { SiteDetail } from "./bindings/SiteDetail";
import type { SiteFilter } from "./bindings/SiteFilter";
import type { SiteInput } from "./bindings/SiteInput";
import type { SiteSaved } from "./bindings/SiteSaved";
import type { Undone } from "./bindings/Undone";
import { toApiError } from "./index";

export type { Closure } from "./bindings/Closure";
export type { HoursWindow } from "./bindings/HoursWindow";
export type { Location } from "./bindings/Location";
export type { PhotoInfo } from "./bindings/PhotoInfo";
export type { Ppe } from "./bindings/Ppe";
export type { Site } from "./bindings/Site";
export type { SiteCategory } from "./bindings/SiteCategory";
export type { SiteDetail } from "./bindings/SiteDetail";
export type { SiteFilter } from "./bindings/SiteFilter";
export type { SiteInput } from "./bindings/SiteInput";
export type { SiteSaved } from "./bindings/SiteSaved";
export type { Undone } from "./bindings/Undone";
export type { VisitRules } from "./bindings/VisitRules";
export type { Warning } from "./bindings/Warning";

async function siteCall<T>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await invoke<T>(command, args, options);
  } catch (error) {
    throw toApiError(error);
  }
}

/** Sites matching `filter`, archived ones last, by Persian name. */
export function listSites(filter: SiteFilter): Promise<Site[]> {
  return siteCall<Site[]>("sites_list", { filter });
}

/** One site with its hours, closures and photos. */
export function getSite(id: number): Promise<SiteDetail> {
  return siteCall<SiteDetail>("site_get", { id });
}

/** Creates a site; resolves with its id and any warnings (which do not stop the save). */
export function createSite(input: SiteInput): Promise<SiteSaved> {
  return siteCall<SiteSaved>("site_create", { input });
}

/** Replaces a site's fields; resolves with its id and any warnings. */
export function updateSite(id: number, input: SiteInput): Promise<SiteSaved> {
  return siteCall<SiteSaved>("site_update", { id, input });
}

/** Archives a site (hidden from lists and planning) or brings it back. Nothing is deleted. */
export async function setSiteArchived(id: number, archived: boolean): Promise<void> {
  await siteCall<null>("site_set_archived", { id, archived });
}

/** Replaces a site's visiting hours. */
export async function setSiteHours(id: number, hours: HoursWindow[]): Promise<void> {
  await siteCall<null>("site_set_hours", { id, hours });
}

/** Adds a closure (Gregorian ISO dates, inclusive); resolves with its id. */
export function addSiteClosure(id: number, starts: string, ends: string, reason: string): Promise<number> {
  return siteCall<number>("site_add_closure", { id, starts, ends, reason });
}

export async function removeSiteClosure(closure: number): Promise<void> {
  await siteCall<null>("site_remove_closure", { closure });
}

/** Undoes the most recent change to any site; null when there is nothing to undo. */
export async function undoSiteChange(): Promise<Undone | null> {
  return (await siteCall<Undone | null>("site_undo", {})) ?? null;
}

/** The largest photo file the core accepts. */
export const PHOTO_MAX_BYTES = 60 * 1024 * 1024;

/** What the photo picker and the drop zone accept. */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

/** Sends one image file, as raw bytes, to the gallery of site `siteId`. */
export function addPhoto(siteId: number, fileName: string, bytes: Uint8Array): Promise<PhotoInfo> {
  return siteCall<PhotoInfo>("photo_add", bytes, {
    headers: { "x-site-id": String(siteId), "x-file-name": encodeURIComponent(fileName) },
  });
}

/** The MIME type of image bytes by their signature (the core stores JPEG). */
export function imageType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return "image/webp";
  return "image/jpeg";
}

/** A photo's bytes (the thumbnail or the display size) as an image Blob. */
export async function photoBlob(photo: number, thumb: boolean): Promise<Blob> {
  const raw = await siteCall<ArrayBuffer | Uint8Array | number[]>("photo_bytes", { photo, thumb });
  const bytes =
    raw instanceof Uint8Array ? raw : raw instanceof ArrayBuffer ? new Uint8Array(raw) : Uint8Array.from(raw);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: imageType(bytes) });
}

export async function setPhotoCover(photo: number): Promise<void> {
  await siteCall<null>("photo_set_cover", { photo });
}

export async function setPhotoCaption(photo: number, caption: string): Promise<void> {
  await siteCall<null>("photo_set_caption", { photo, caption });
}

export async function removePhoto(photo: number): Promise<void> {
  await siteCall<null>("photo_remove", { photo });
}

