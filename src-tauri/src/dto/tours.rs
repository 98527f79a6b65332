//! IPC types of tours: itineraries with times and problems, vehicles, guides, templates,
//! the best-order proposal and the travel model.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use gardesh_core::ids::SiteId;
use gardesh_core::tour::itinerary as it;
use gardesh_core::tour::{optimise, resources, template, travel};

use super::programme::Tour;
use super::sites::Location;

/// A feasibility problem, by code, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TourProblem.ts")]
pub struct TourProblem {
    /// outside_hours, closed, archived, past_midnight, ends_after_day_end, no_stops,
    /// capacity_below_registered, clash
    pub code: String,
    pub fa: String,
    pub en: String,
}

impl From<&it::Problem> for TourProblem {
    fn from(p: &it::Problem) -> Self {
        let (fa, en) = p.explain();
        TourProblem {
            code: p.code().into(),
            fa,
            en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "StopInput.ts")]
pub struct StopInput {
    #[ts(type = "number")]
    pub site: i64,
    /// Minutes at the site; null = the site's visit duration.
    pub dwell: Option<u32>,
}

impl From<StopInput> for it::StopInput {
    fn from(s: StopInput) -> Self {
        it::StopInput {
            site: SiteId(s.site),
            dwell: s.dwell,
        }
    }
}

impl From<it::StopInput> for StopInput {
    fn from(s: it::StopInput) -> Self {
        StopInput {
            site: s.site.get(),
            dwell: s.dwell,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TimedStop.ts")]
pub struct TimedStop {
    #[ts(type = "number")]
    pub site: i64,
    pub site_name: String,
    /// Minutes from the previous stop (the meeting point for the first).
    pub travel: u32,
    pub arrival: String,
    pub departure: String,
    pub dwell: u32,
    pub dwell_is_default: bool,
    pub problems: Vec<TourProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Capacity.ts")]
pub struct Capacity {
    pub seats: u32,
    pub vehicle_seats: u32,
    #[ts(type = "number | null")]
    pub smallest_stop_site: Option<i64>,
    pub smallest_stop_max: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Schedule.ts")]
pub struct Schedule {
    pub tour: Tour,
    pub stops: Vec<TimedStop>,
    pub return_travel: u32,
    /// Back at the meeting point, `HH:MM`; null when past midnight.
    pub ends: Option<String>,
    pub total_travel: u32,
    pub capacity: Capacity,
    pub problems: Vec<TourProblem>,
    pub feasible: bool,
}

impl From<it::Schedule> for Schedule {
    fn from(s: it::Schedule) -> Self {
        let feasible = s.is_feasible();
        Schedule {
            tour: s.tour.into(),
            stops: s
                .stops
                .into_iter()
                .map(|x| TimedStop {
                    site: x.site.get(),
                    site_name: x.site_name,
                    travel: x.travel,
                    arrival: x.arrival.to_string(),
                    departure: x.departure.to_string(),
                    dwell: x.dwell,
                    dwell_is_default: x.dwell_is_default,
                    problems: x.problems.iter().map(Into::into).collect(),
                })
                .collect(),
            return_travel: s.return_travel,
            ends: s.ends.map(|e| e.to_string()),
            total_travel: s.total_travel,
            capacity: Capacity {
                seats: s.capacity.seats,
                vehicle_seats: s.capacity.vehicle_seats,
                smallest_stop_site: s.capacity.smallest_stop.map(|(id, _)| id.get()),
                smallest_stop_max: s.capacity.smallest_stop.map(|(_, m)| m),
            },
            problems: s.problems.iter().map(Into::into).collect(),
            feasible,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Vehicle.ts")]
pub struct Vehicle {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub name: String,
    pub plate: String,
    pub seats: u32,
    pub active: bool,
}

impl From<resources::Vehicle> for Vehicle {
    fn from(v: resources::Vehicle) -> Self {
        Vehicle {
            id: Some(v.id.get()),
            name: v.name,
            plate: v.plate,
            seats: v.seats,
            active: v.active,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Guide.ts")]
pub struct Guide {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub name: String,
    pub phone: String,
    pub active: bool,
}

impl From<resources::Guide> for Guide {
    fn from(g: resources::Guide) -> Self {
        Guide {
            id: Some(g.id.get()),
            name: g.name,
            phone: g.phone,
            active: g.active,
        }
    }
}

/// Everything the tour editor shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TourDetail.ts")]
pub struct TourDetail {
    pub schedule: Schedule,
    pub stops: Vec<StopInput>,
    pub vehicles: Vec<Vehicle>,
    pub guides: Vec<Guide>,
    /// Vehicles or guides also on an overlapping tour.
    pub clashes: Vec<TourProblem>,
}

/// A row of the tours list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TourSummary.ts")]
pub struct TourSummary {
    pub tour: Tour,
    pub stop_count: u32,
    pub seats: u32,
    pub ends: Option<String>,
    pub feasible: bool,
    pub first_problem: Option<TourProblem>,
}

impl From<it::Schedule> for TourSummary {
    fn from(s: it::Schedule) -> Self {
        let first = s
            .problems
            .iter()
            .chain(s.stops.iter().flat_map(|x| x.problems.iter()))
            .next()
            .map(Into::into);
        TourSummary {
            feasible: s.is_feasible(),
            stop_count: u32::try_from(s.stops.len()).unwrap_or(u32::MAX),
            seats: s.capacity.seats,
            ends: s.ends.map(|e| e.to_string()),
            first_problem: first,
            tour: s.tour.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "OrderProposal.ts")]
pub struct OrderProposal {
    pub order: Vec<StopInput>,
    pub travel_before: u32,
    pub travel_after: u32,
    #[ts(type = "number")]
    pub minutes_saved: i64,
    pub feasible: bool,
    pub was_feasible: bool,
    pub exact: bool,
    /// The itinerary in the proposed order.
    pub preview: Schedule,
}

impl OrderProposal {
    pub fn new(p: optimise::Proposal, preview: it::Schedule) -> Self {
        OrderProposal {
            minutes_saved: p.minutes_saved(),
            order: p.order.into_iter().map(Into::into).collect(),
            travel_before: p.travel_before,
            travel_after: p.travel_after,
            feasible: p.feasible,
            was_feasible: p.was_feasible,
            exact: p.exact,
            preview: preview.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RouteTemplate.ts")]
pub struct RouteTemplate {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub stops: Vec<StopInput>,
}

impl From<template::Template> for RouteTemplate {
    fn from(t: template::Template) -> Self {
        RouteTemplate {
            id: t.id.get(),
            name: t.name,
            stops: t.stops.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TemplateApplied.ts")]
pub struct TemplateApplied {
    pub applied: u32,
    pub skipped: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TravelModel.ts")]
pub struct TravelModel {
    pub road_factor: f64,
    pub speed_kmh: f64,
    pub origin: Location,
}

impl From<travel::TravelModel> for TravelModel {
    fn from(m: travel::TravelModel) -> Self {
        TravelModel {
            road_factor: m.road_factor,
            speed_kmh: m.speed_kmh,
            origin: Location {
                latitude: m.origin.latitude,
                longitude: m.origin.longitude,
            },
        }
    }
}

impl From<TravelModel> for travel::TravelModel {
    fn from(m: TravelModel) -> Self {
        travel::TravelModel {
            road_factor: m.road_factor,
            speed_kmh: m.speed_kmh,
            origin: gardesh_core::site::Location {
                latitude: m.origin.latitude,
                longitude: m.origin.longitude,
            },
        }
    }
}
