import { describe, expect, it } from "vitest";
import { SKETCH_FRAME, bendPoint, declutter, pathThrough, projectRoute, towards } from "./sketch";

const ORIGIN = { latitude: 32.6552, longitude: 51.6712 };
const ZEYNABIEH = { latitude: 32.6988, longitude: 51.6912 };
const RING_ROAD = { latitude: 32.7305, longitude: 51.7412 };

describe("projectRoute", () => {
  it("puts north up and east to the right, inside the padding", () => {
    const [origin, zeynabieh, ring] = projectRoute([ORIGIN, ZEYNABIEH, RING_ROAD]);
    expect(zeynabieh!.y).toBeLessThan(origin!.y);
    expect(ring!.y).toBeLessThan(zeynabieh!.y);
    expect(ring!.x).toBeGreaterThan(zeynabieh!.x);
    for (const p of [origin!, zeynabieh!, ring!]) {
      expect(p.x).toBeGreaterThanOrEqual(SKETCH_FRAME.pad - 0.1);
      expect(p.x).toBeLessThanOrEqual(SKETCH_FRAME.width - SKETCH_FRAME.pad + 0.1);
      expect(p.y).toBeGreaterThanOrEqual(SKETCH_FRAME.pad - 0.1);
      expect(p.y).toBeLessThanOrEqual(SKETCH_FRAME.height - SKETCH_FRAME.pad + 0.1);
    }
  });

  it("fills the box along the longer side and keeps one scale for both axes", () => {
    const points = projectRoute([ORIGIN, RING_ROAD]);
    const [a, b] = points as [{ x: number; y: number }, { x: number; y: number }];
    // The route is taller than wide (≈ 8.4 km north, 6.6 km east): it spans the inner height.
    expect(Math.abs(a.y - b.y)).toBeCloseTo(SKETCH_FRAME.height - SKETCH_FRAME.pad * 2, 0);
    const kmNorth = (RING_ROAD.latitude - ORIGIN.latitude) * 111.2;
    const kmEast = (RING_ROAD.longitude - ORIGIN.longitude) * 111.2 * Math.cos((32.69 * Math.PI) / 180);
    expect(Math.abs(b.x - a.x) / Math.abs(a.y - b.y)).toBeCloseTo(kmEast / kmNorth, 2);
  });

  it("centres a single place, and several at one place", () => {
    expect(projectRoute([ORIGIN])).toEqual([{ x: SKETCH_FRAME.width / 2, y: SKETCH_FRAME.height / 2 }]);
    expect(projectRoute([ZEYNABIEH, ZEYNABIEH])).toEqual([
      { x: SKETCH_FRAME.width / 2, y: SKETCH_FRAME.height / 2 },
      { x: SKETCH_FRAME.width / 2, y: SKETCH_FRAME.height / 2 },
    ]);
    expect(projectRoute([])).toEqual([]);
  });

  it("does not blow up stops a few metres apart to the whole box", () => {
    const near = { latitude: ORIGIN.latitude + 0.0005, longitude: ORIGIN.longitude };
    const [a, b] = projectRoute([ORIGIN, near]);
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(20);
  });
});

describe("drawing helpers", () => {
  it("declutter pushes markers apart, keeps the first and stays in the frame", () => {
    const out = declutter(
      [
        { x: 100, y: 100 },
        { x: 100, y: 100 },
        { x: 104, y: 100 },
        { x: 300, y: 200 },
      ],
      20,
    );
    expect(out[0]).toEqual({ x: 100, y: 100 });
    for (let i = 0; i < out.length; i++) {
      for (let j = 0; j < i; j++) {
        expect(Math.hypot(out[i]!.x - out[j]!.x, out[i]!.y - out[j]!.y)).toBeGreaterThanOrEqual(19.9);
      }
    }
    expect(out[3]).toEqual({ x: 300, y: 200 });
    for (const p of out) {
      expect(p.x).toBeLessThanOrEqual(SKETCH_FRAME.width);
      expect(p.y).toBeLessThanOrEqual(SKETCH_FRAME.height);
    }
  });

  it("a path through points, a point towards another and a bend to the left", () => {
    expect(pathThrough([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toBe("M1 2 L3 4");
    expect(pathThrough([])).toBe("");
    expect(towards({ x: 0, y: 0 }, { x: 10, y: 0 }, 4)).toEqual({ x: 4, y: 0 });
    expect(towards({ x: 0, y: 0 }, { x: 3, y: 0 }, 10)).toEqual({ x: 3, y: 0 });
    expect(towards({ x: 5, y: 5 }, { x: 5, y: 5 }, 3)).toEqual({ x: 5, y: 5 });
    expect(bendPoint({ x: 0, y: 0 }, { x: 10, y: 0 }, 4)).toEqual({ x: 5, y: -4 });
  });
});
