/**
 * The geometry of a tour's route sketch: the meeting point and the stops,
 * fitted into an SVG box with north up and east to the right (whatever the
 * page's direction), one scale for both axes with degrees of longitude
 * narrowed by the cosine of the latitude, as the sites' location sketch does.
 */
import type { Location } from "../api/bindings/Location";

export interface Point {
  x: number;
  y: number;
}

export interface Frame {
  width: number;
  height: number;
  /** Room kept free on every side, for the markers and their numbers. */
  pad: number;
}

export const SKETCH_FRAME: Readonly<Frame> = { width: 320, height: 240, pad: 22 };

/** The smallest span drawn, in degrees (≈ 1 km), so close stops do not fill the box. */
const MIN_SPAN_DEG = 0.01;

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Where each location falls in the frame: the bounding box of them all,
 * centred, scaled equally on both axes to fit inside the padding. A single
 * location (or several at one place) lands in the middle.
 */
export function projectRoute(locations: readonly Location[], frame: Frame = SKETCH_FRAME): Point[] {
  if (locations.length === 0) return [];
  const lats = locations.map((l) => l.latitude);
  const lngs = locations.map((l) => l.longitude);
  const [latMin, latMax] = [Math.min(...lats), Math.max(...lats)];
  const [lngMin, lngMax] = [Math.min(...lngs), Math.max(...lngs)];
  const midLat = (latMin + latMax) / 2;
  const squeeze = Math.cos((midLat * Math.PI) / 180);
  // Spans in "north-south degrees", so one unit means the same distance both ways.
  const spanX = Math.max((lngMax - lngMin) * squeeze, MIN_SPAN_DEG);
  const spanY = Math.max(latMax - latMin, MIN_SPAN_DEG);
  const innerW = frame.width - frame.pad * 2;
  const innerH = frame.height - frame.pad * 2;
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const midLng = (lngMin + lngMax) / 2;
  return locations.map((l) => ({
    x: round(frame.width / 2 + (l.longitude - midLng) * squeeze * scale),
    y: round(frame.height / 2 - (l.latitude - midLat) * scale),
  }));
}

/** An SVG path through the points in order ("M x y L x y …"); empty for none. */
export function pathThrough(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
}

/** A point `distance` units from `from` towards `to` (for ending a line at a marker's edge). */
export function towards(from: Point, to: Point, distance: number): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return from;
  const k = Math.min(1, distance / length);
  return { x: round(from.x + dx * k), y: round(from.y + dy * k) };
}
