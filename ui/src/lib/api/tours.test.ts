import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyTemplate,
  applyTourOrder,
  assignGuide,
  assignVehicle,
  getTour,
  getTravelModel,
  listGuides,
  listTemplates,
  listTours,
  listVehicles,
  optimiseTour,
  previewTourStops,
  removeTemplate,
  saveGuide,
  saveTemplateFromTour,
  saveTravelModel,
  saveVehicle,
  setTourStatus,
  setTourStops,
  setTravelOverride,
  templateMatchingTours,
  updateTour,
} from "./index";

afterEach(() => {
  clearMocks();
});

function record(): { command: string; args: unknown }[] {
  const calls: { command: string; args: unknown }[] = [];
  mockIPC((command, args) => {
    calls.push({ command, args });
    return null;
  });
  return calls;
}

const STOPS = [{ site: 2, dwell: null }];
const MODEL = { roadFactor: 1.4, speedKmh: 22, origin: { latitude: 32.6552, longitude: 51.6712 } };

describe("the tour wrappers", () => {
  it("call the core's commands with camelCase arguments", async () => {
    const calls = record();
    await listTours("2026-11-28", "2026-12-04");
    await getTour(7);
    await previewTourStops(7, STOPS);
    await setTourStops(7, STOPS);
    await updateTour(7, "08:30", 25, "میدان امام حسین", "");
    await setTourStatus(7, "open");
    await optimiseTour(7, true);
    await applyTourOrder(7, STOPS);
    await listVehicles();
    await saveVehicle({ id: null, name: "ون", plate: "", seats: 12, active: true });
    await listGuides();
    await saveGuide({ id: 3, name: "مریم", phone: "", active: false });
    await assignVehicle(7, 2, true);
    await assignGuide(7, 1, false);
    await listTemplates();
    await saveTemplateFromTour(7, "صبح");
    await removeTemplate(4);
    await templateMatchingTours(["saturday", "monday"], null);
    await applyTemplate(4, [7, 8]);
    await getTravelModel();
    await saveTravelModel(MODEL);
    await setTravelOverride(1, 2, 35);
    expect(calls).toEqual([
      { command: "tours_list", args: { from: "2026-11-28", to: "2026-12-04" } },
      { command: "tour_get", args: { id: 7 } },
      { command: "tour_preview_stops", args: { id: 7, stops: STOPS } },
      { command: "tour_set_stops", args: { id: 7, stops: STOPS } },
      { command: "tour_update", args: { id: 7, departure: "08:30", seats: 25, meetingPoint: "میدان امام حسین", notes: "" } },
      { command: "tour_set_status", args: { id: 7, status: "open" } },
      { command: "tour_optimise", args: { id: 7, fixLast: true } },
      { command: "tour_apply_order", args: { id: 7, order: STOPS } },
      { command: "vehicles_list", args: {} },
      { command: "vehicle_save", args: { vehicle: { id: null, name: "ون", plate: "", seats: 12, active: true } } },
      { command: "guides_list", args: {} },
      { command: "guide_save", args: { guide: { id: 3, name: "مریم", phone: "", active: false } } },
      { command: "tour_assign_vehicle", args: { id: 7, vehicle: 2, assign: true } },
      { command: "tour_assign_guide", args: { id: 7, guide: 1, assign: false } },
      { command: "templates_list", args: {} },
      { command: "template_save_from_tour", args: { tour: 7, name: "صبح" } },
      { command: "template_remove", args: { id: 4 } },
      { command: "template_matching_tours", args: { weekdays: ["saturday", "monday"], departure: null } },
      { command: "template_apply", args: { id: 4, tours: [7, 8] } },
      { command: "travel_model_get", args: {} },
      { command: "travel_model_save", args: { model: MODEL } },
      { command: "travel_override_set", args: { from: 1, to: 2, minutes: 35 } },
    ]);
  });

  it("reject with an ApiError, whatever came back", async () => {
    mockIPC(() => {
      throw { code: "conflict", message: "the vehicle is on another tour", messageFa: "خودرو در تور دیگری است" };
    });
    await expect(assignVehicle(7, 2, true)).rejects.toEqual({
      code: "conflict",
      message: "the vehicle is on another tour",
      messageFa: "خودرو در تور دیگری است",
    });
    mockIPC(() => {
      throw "command tour_optimise not found";
    });
    await expect(optimiseTour(7, false)).rejects.toEqual({
      code: "internal",
      message: "command tour_optimise not found",
      messageFa: "command tour_optimise not found",
    });
  });
});
