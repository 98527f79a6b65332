/**
 * Typed wrappers of the tour commands: the tours list, one tour's itinerary
 * (live preview, save, best order), its details and status, vehicles and
 * guides, route templates and the travel model. Like every wrapper, each
 * resolves with the command's value or rejects with an ApiError.
 */
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { Guide } from "./bindings/Guide";
import type { OrderProposal } from "./bindings/OrderProposal";
import type { RouteTemplate } from "./bindings/RouteTemplate";
import type { Schedule } from "./bindings/Schedule";
import type { StopInput } from "./bindings/StopInput";
import type { TemplateApplied } from "./bindings/TemplateApplied";
import type { Tour } from "./bindings/Tour";
import type { TourDetail } from "./bindings/TourDetail";
import type { TourStatus } from "./bindings/TourStatus";
import type { TourSummary } from "./bindings/TourSummary";
import type { TravelModel } from "./bindings/TravelModel";
import type { Vehicle } from "./bindings/Vehicle";
import type { Weekday } from "./bindings/Weekday";
import { toApiError } from "./index";

export type { Capacity } from "./bindings/Capacity";
export type { Guide } from "./bindings/Guide";
export type { OrderProposal } from "./bindings/OrderProposal";
export type { RouteTemplate } from "./bindings/RouteTemplate";
export type { Schedule } from "./bindings/Schedule";
export type { StopInput } from "./bindings/StopInput";
export type { TemplateApplied } from "./bindings/TemplateApplied";
export type { TimedStop } from "./bindings/TimedStop";
export type { TourDetail } from "./bindings/TourDetail";
export type { TourProblem } from "./bindings/TourProblem";
export type { TourSummary } from "./bindings/TourSummary";
export type { TravelModel } from "./bindings/TravelModel";
export type { Vehicle } from "./bindings/Vehicle";

async function tourCall<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

/** Tours dated from `from` to `to` (Gregorian ISO, both included), each with its stop count, capacity and feasibility. */
export function listTours(from: string, to: string): Promise<TourSummary[]> {
  return tourCall<TourSummary[]>("tours_list", { from, to });
}

/** One tour with its schedule, stops, vehicles, guides and clashes. */
export function getTour(id: number): Promise<TourDetail> {
  return tourCall<TourDetail>("tour_get", { id });
}

/** The schedule the tour would have with `stops`; nothing is saved. */
export function previewTourStops(id: number, stops: StopInput[]): Promise<Schedule> {
  return tourCall<Schedule>("tour_preview_stops", { id, stops });
}

/** Saves the itinerary, feasible or not (an infeasible tour stays a draft). */
export function setTourStops(id: number, stops: StopInput[]): Promise<TourDetail> {
  return tourCall<TourDetail>("tour_set_stops", { id, stops });
}

/** Changes the departure time ("HH:MM"), seats, meeting point and notes. */
export function updateTour(
  id: number,
  departure: string,
  seats: number,
  meetingPoint: string,
  notes: string,
): Promise<TourDetail> {
  return tourCall<TourDetail>("tour_update", { id, departure, seats, meetingPoint, notes });
}

/** Opens, cancels or returns a tour to draft; opening an infeasible tour is refused with `conflict`. */
export function setTourStatus(id: number, status: TourStatus): Promise<TourDetail> {
  return tourCall<TourDetail>("tour_set_status", { id, status });
}

/** The best order of the saved stops, with its itinerary; nothing changes. */
export function optimiseTour(id: number, fixLast: boolean): Promise<OrderProposal> {
  return tourCall<OrderProposal>("tour_optimise", { id, fixLast });
}

/** Applies a proposed order; `conflict` when the stops changed since the proposal. */
export function applyTourOrder(id: number, order: StopInput[]): Promise<TourDetail> {
  return tourCall<TourDetail>("tour_apply_order", { id, order });
}

export function listVehicles(): Promise<Vehicle[]> {
  return tourCall<Vehicle[]>("vehicles_list");
}

/** Adds (`id` null) or changes a vehicle; resolves with its id. */
export function saveVehicle(vehicle: Vehicle): Promise<number> {
  return tourCall<number>("vehicle_save", { vehicle });
}

export function listGuides(): Promise<Guide[]> {
  return tourCall<Guide[]>("guides_list");
}

/** Adds (`id` null) or changes a guide; resolves with its id. */
export function saveGuide(guide: Guide): Promise<number> {
  return tourCall<number>("guide_save", { guide });
}

/** Puts a vehicle on the tour or takes it off; `conflict`, naming the other tour, when its times overlap. */
export function assignVehicle(id: number, vehicle: number, assign: boolean): Promise<TourDetail> {
  return tourCall<TourDetail>("tour_assign_vehicle", { id, vehicle, assign });
}

/** Puts a guide on the tour or takes them off; `conflict`, naming the other tour, when its times overlap. */
export function assignGuide(id: number, guide: number, assign: boolean): Promise<TourDetail> {
  return tourCall<TourDetail>("tour_assign_guide", { id, guide, assign });
}

export function listTemplates(): Promise<RouteTemplate[]> {
  return tourCall<RouteTemplate[]>("templates_list");
}

/** Saves the tour's saved itinerary as a template named `name`; resolves with its id. */
export function saveTemplateFromTour(tour: number, name: string): Promise<number> {
  return tourCall<number>("template_save_from_tour", { tour, name });
}

export async function removeTemplate(id: number): Promise<void> {
  await tourCall<null>("template_remove", { id });
}

/** The programme's draft tours on `weekdays` (and at `departure`, "HH:MM", when given). */
export function templateMatchingTours(weekdays: Weekday[], departure: string | null): Promise<Tour[]> {
  return tourCall<Tour[]>("template_matching_tours", { weekdays, departure });
}

/** Gives the listed tours the template's stops; only drafts change, the others are counted as skipped. */
export function applyTemplate(id: number, tours: number[]): Promise<TemplateApplied> {
  return tourCall<TemplateApplied>("template_apply", { id, tours });
}

export function getTravelModel(): Promise<TravelModel> {
  return tourCall<TravelModel>("travel_model_get");
}

/** Validates and stores the travel model; resolves with it as saved. */
export function saveTravelModel(model: TravelModel): Promise<TravelModel> {
  return tourCall<TravelModel>("travel_model_save", { model });
}

/** Sets the travel time from one site to the next (`null` goes back to the estimate). */
export async function setTravelOverride(from: number, to: number, minutes: number | null): Promise<void> {
  await tourCall<null>("travel_override_set", { from, to, minutes });
}
