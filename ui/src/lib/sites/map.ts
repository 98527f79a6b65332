/**
 * The geometry of the location sketch: the Isfahan region (lat 32.40–32.95,
 * lng 51.40–51.95) drawn in an SVG box with north up and east to the right,
 * whatever the page's direction. Degrees of longitude are narrowed by the
 * cosine of the latitude, so distances look right.
 */
import type { Location } from "../api/bindings/Location";
import { REGION, inRegion } from "./model";

const MID_LAT = (REGION.latMin + REGION.latMax) / 2;
const LAT_SPAN = REGION.latMax - REGION.latMin;
const LNG_SPAN = REGION.lngMax - REGION.lngMin;

/** Height of the drawn region in SVG units; the width follows from the latitude. */
export const MAP_HEIGHT = 300;
export const MAP_WIDTH = Math.round((MAP_HEIGHT * LNG_SPAN * Math.cos((MID_LAT * Math.PI) / 180)) / LAT_SPAN);
/** Room around the region for the edge labels. */
export const MAP_PAD = 24;

export interface Point {
  x: number;
  y: number;
}

/** Where a location falls in the sketch (SVG units, the region's corner at MAP_PAD, MAP_PAD). */
export function project(location: Location): Point {
  const x = MAP_PAD + ((location.longitude - REGION.lngMin) / LNG_SPAN) * MAP_WIDTH;
  const y = MAP_PAD + ((REGION.latMax - location.latitude) / LAT_SPAN) * MAP_HEIGHT;
  return { x: round(x), y: round(y) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A location moved onto the edge of the region when it lies outside (for drawing a pointer to it). */
export function clampToRegion(location: Location): Location {
  return {
    latitude: Math.min(REGION.latMax, Math.max(REGION.latMin, location.latitude)),
    longitude: Math.min(REGION.lngMax, Math.max(REGION.lngMin, location.longitude)),
  };
}

export { inRegion };

/**
 * The Zayandeh Rud through the region, roughly: in from the south-west past
 * Falavarjan, through the city under the Marnan, Si-o-se-pol, Khaju and
 * Shahrestan bridges, out to the south-east. Approximate, for orientation only.
 */
export const RIVER: readonly Location[] = [
  { latitude: 32.5, longitude: 51.4 },
  { latitude: 32.545, longitude: 51.48 },
  { latitude: 32.585, longitude: 51.56 },
  { latitude: 32.625, longitude: 51.61 },
  { latitude: 32.6475, longitude: 51.6436 },
  { latitude: 32.6444, longitude: 51.6675 },
  { latitude: 32.6367, longitude: 51.6856 },
  { latitude: 32.6235, longitude: 51.7205 },
  { latitude: 32.6, longitude: 51.78 },
  { latitude: 32.575, longitude: 51.85 },
  { latitude: 32.55, longitude: 51.95 },
];

/** The river as an SVG path. */
export function riverPath(): string {
  return RIVER.map((l, i) => {
    const p = project(l);
    return `${i === 0 ? "M" : "L"}${p.x} ${p.y}`;
  }).join(" ");
}

/** Naqsh-e Jahan Square, to show where the centre of the city is. */
export const CITY_CENTRE: Location = { latitude: 32.65745, longitude: 51.67778 };

/** Grid lines every 0.1°, inside the region. */
export function gridLines(): { lat: number[]; lng: number[] } {
  const steps = (from: number, to: number) => {
    const out: number[] = [];
    for (let v = Math.ceil(from * 10 + 1e-9) / 10; v < to - 1e-9; v = Math.round((v + 0.1) * 10) / 10) out.push(v);
    return out;
  };
  return { lat: steps(REGION.latMin, REGION.latMax), lng: steps(REGION.lngMin, REGION.lngMax) };
}
