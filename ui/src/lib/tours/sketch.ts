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

/**
 * The points moved apart so that no two are closer than `gap` (markers on
 * top of each other are unreadable): in order, each point sitting on an
 * earlier one is pushed away from it, staying inside the frame. The first
 * point never moves.
 */
export function declutter(points: readonly Point[], gap: number, frame: Frame = SKETCH_FRAME): Point[] {
  const out: Point[] = [];
  const clampX = (x: number) => Math.min(frame.width - frame.pad / 2, Math.max(frame.pad / 2, x));
  const clampY = (y: number) => Math.min(frame.height - frame.pad / 2, Math.max(frame.pad / 2, y));
  for (const p of points) {
    let q = { ...p };
    for (let attempt = 0; attempt < 16; attempt++) {
      const near = out.find((o) => Math.hypot(o.x - q.x, o.y - q.y) < gap - 0.01);
      if (!near) break;
      let dx = q.x - near.x;
      let dy = q.y - near.y;
      let d = Math.hypot(dx, dy);
      if (d < 0.01) {
        // Exactly on top: step round the compass, a different way each try.
        const angle = (attempt + 1) * 2.4;
        [dx, dy, d] = [Math.cos(angle), Math.sin(angle), 1];
      }
      q = { x: clampX(near.x + (dx / d) * gap), y: clampY(near.y + (dy / d) * gap) };
    }
    out.push({ x: round(q.x), y: round(q.y) });
  }
  return out;
}

/** The control point of a gentle curve from `from` to `to`, bent `bend` units to the left of the way. */
export function bendPoint(from: Point, to: Point, bend: number): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: round((from.x + to.x) / 2 + (dy / length) * bend), y: round((from.y + to.y) / 2 - (dx / length) * bend) };
}
