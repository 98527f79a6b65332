import { describe, expect, it } from "vitest";
import { CITY_CENTRE, MAP_HEIGHT, MAP_PAD, MAP_WIDTH, RIVER, clampToRegion, gridLines, inRegion, project, riverPath } from "./map";

describe("the location sketch's projection", () => {
  it("puts the region's corners at the corners of the drawing, north up and east right", () => {
    expect(project({ latitude: 32.95, longitude: 51.4 })).toEqual({ x: MAP_PAD, y: MAP_PAD });
    expect(project({ latitude: 32.4, longitude: 51.95 })).toEqual({ x: MAP_PAD + MAP_WIDTH, y: MAP_PAD + MAP_HEIGHT });
  });

  it("narrows longitude by the cosine of the latitude (about 0.84 at Isfahan)", () => {
    expect(MAP_WIDTH / MAP_HEIGHT).toBeCloseTo(Math.cos((32.675 * Math.PI) / 180), 2);
  });

  it("keeps west to the left of east and north above south", () => {
    const siosepol = project({ latitude: 32.64444, longitude: 51.6675 });
    const naqsheJahan = project(CITY_CENTRE);
    expect(naqsheJahan.y).toBeLessThan(siosepol.y);
    expect(naqsheJahan.x).toBeGreaterThan(siosepol.x);
  });

  it("pins a far location to the region's edge", () => {
    const tehran = { latitude: 35.7, longitude: 51.4 };
    expect(inRegion(tehran)).toBe(false);
    expect(clampToRegion(tehran)).toEqual({ latitude: 32.95, longitude: 51.4 });
    expect(project(clampToRegion({ latitude: 30, longitude: 60 }))).toEqual({
      x: MAP_PAD + MAP_WIDTH,
      y: MAP_PAD + MAP_HEIGHT,
    });
  });

  it("draws the river inside the region, west to east", () => {
    expect(RIVER.every(inRegion)).toBe(true);
    const xs = RIVER.map((l) => project(l).x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(riverPath()).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){10}$/);
  });

  it("has grid lines every 0.1° strictly inside the region", () => {
    expect(gridLines()).toEqual({ lat: [32.5, 32.6, 32.7, 32.8, 32.9], lng: [51.5, 51.6, 51.7, 51.8, 51.9] });
  });
});
