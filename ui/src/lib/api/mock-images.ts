/**
 * Image bytes for the in-memory backend: a small PNG writer (for the seed
 * sites' pictures, drawn from code so no image files ship with the mock) and
 * a reader of the header facts the core checks — format, size, completeness.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) typed[i] = type.charCodeAt(i);
  typed.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length), 0);
  out.set(typed, 4);
  out.set(u32(crc32(typed)), 8 + data.length);
  return out;
}

/** zlib with stored (uncompressed) blocks: valid everywhere, no compressor needed. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let i = 0; i < blocks; i++) {
    const part = raw.subarray(i * 65535, Math.min(raw.length, (i + 1) * 65535));
    out[o++] = i === blocks - 1 ? 1 : 0;
    out[o++] = part.length & 0xff;
    out[o++] = part.length >>> 8;
    out[o++] = ~part.length & 0xff;
    out[o++] = (~part.length >>> 8) & 0xff;
    out.set(part, o);
    o += part.length;
  }
  out.set(u32(adler32(raw)), o);
  return out;
}

/** An RGB PNG of `width`×`height` whose pixel colours come from `paint(x, y)`. */
export function encodePng(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 3));
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  const header = new Uint8Array([...u32(width), ...u32(height), 8, 2, 0, 0, 0]);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

type Rgb = [number, number, number];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round((a[i] ?? 0) + ((b[i] ?? 0) - (a[i] ?? 0)) * t)) as Rgb;
}

export type Scene = "metro" | "road" | "square";

/** A small picture of a kind of site: sky, ground and a silhouette. */
export function scenePng(scene: Scene, width = 240, height = 160): Uint8Array {
  const horizon = Math.round(height * 0.62);
  const sky: [Rgb, Rgb] = [
    [120, 170, 214],
    [214, 232, 240],
  ];
  const ground: Rgb = scene === "square" ? [196, 178, 140] : [150, 140, 120];
  return encodePng(width, height, (x, y) => {
    const u = x / width;
    const v = y / height;
    if (scene === "metro") {
      // A tunnel portal with a red metro sign.
      const cx = 0.5;
      const dx = (u - cx) / 0.28;
      const dy = (v - 0.62) / 0.42;
      const sign = Math.hypot(u - 0.5, v - 0.18) < 0.07;
      if (sign) return Math.hypot(u - 0.5, v - 0.18) < 0.055 ? [200, 40, 40] : [255, 255, 255];
      if (v < 0.62 && dx * dx + dy * dy < 1) return dx * dx + dy * dy < 0.62 ? [40, 44, 52] : [170, 160, 150];
      if (v >= 0.62 && Math.abs(dx) < 1) return Math.abs(dx) < 0.78 ? [60, 62, 70] : [170, 160, 150];
    }
    if (scene === "road") {
      // A bridge deck on piers over a road.
      if (v > 0.4 && v < 0.46) return [205, 205, 200];
      if (v >= 0.46 && v < 0.62 && [0.2, 0.5, 0.8].some((p) => Math.abs(u - p) < 0.025)) return [185, 185, 180];
      if (v > 0.78 && v < 0.8 && Math.floor(u * 12) % 2 === 0) return [250, 240, 200];
      if (v > 0.7) return [90, 92, 96];
    }
    if (scene === "square") {
      // A dome and two minarets over the square.
      const dome = Math.hypot((u - 0.5) / 0.16, (v - 0.5) / 0.2) < 1 && v < 0.55;
      if (dome) return [40, 130, 150];
      if (v > 0.5 && v < 0.62 && Math.abs(u - 0.5) < 0.2) return [210, 190, 150];
      if (v > 0.2 && v < 0.62 && (Math.abs(u - 0.25) < 0.02 || Math.abs(u - 0.75) < 0.02)) return [200, 180, 140];
    }
    if (y < horizon) return mix(sky[0], sky[1], y / horizon);
    return mix(ground, [110, 100, 85], (y - horizon) / (height - horizon));
  });
}

export type ImageKind = "png" | "jpeg" | "webp";

export interface ImageFacts {
  kind: ImageKind | null;
  width: number;
  height: number;
  /** False when the file is cut off before its end marker. */
  complete: boolean;
}

function be16(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function be32(b: Uint8Array, i: number): number {
  return ((be16(b, i) << 16) >>> 0) + be16(b, i + 2);
}

function le16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function le24(b: Uint8Array, i: number): number {
  return le16(b, i) | ((b[i + 2] ?? 0) << 16);
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** The format, pixel size and completeness of image bytes, read from their headers. */
export function inspectImage(b: Uint8Array): ImageFacts {
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 4) === "PNG") {
    const end = ascii(b, b.length - 8, b.length - 4) === "IEND";
    return { kind: "png", width: be32(b, 16), height: be32(b, 20), complete: end };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let width = 0;
    let height = 0;
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1] ?? 0;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        height = be16(b, i + 5);
        width = be16(b, i + 7);
        break;
      }
      i += 2 + be16(b, i + 2);
    }
    const complete = b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
    return { kind: "jpeg", width, height, complete };
  }
  if (b.length >= 30 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") {
    const type = ascii(b, 12, 16);
    let width = 0;
    let height = 0;
    if (type === "VP8X") {
      width = le24(b, 24) + 1;
      height = le24(b, 27) + 1;
    } else if (type === "VP8L") {
      const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
      width = (bits & 0x3fff) + 1;
      height = ((bits >>> 14) & 0x3fff) + 1;
    } else if (type === "VP8 ") {
      width = le16(b, 26) & 0x3fff;
      height = le16(b, 28) & 0x3fff;
    }
    const declared = ((b[4] ?? 0) | ((b[5] ?? 0) << 8) | ((b[6] ?? 0) << 16) | ((b[7] ?? 0) << 24)) >>> 0;
    return { kind: "webp", width, height, complete: b.length >= declared + 8 };
  }
  return { kind: null, width: 0, height: 0, complete: false };
}
