//! Commands of tours: itineraries, status, best order, vehicles, guides, templates and
//! the travel model.

use std::collections::BTreeSet;

use tauri::{AppHandle, Runtime};

use gardesh_core::ids::{GuideId, SiteId, TemplateId, TourId, VehicleId};
use gardesh_core::persian::calendar::parse_iso_date;
use gardesh_core::persian::Weekday;
use gardesh_core::time_of_day::TimeOfDay;
use gardesh_core::tour::{self, itinerary, optimise, resources, template, travel, Status};
use gardesh_core::Error;

use super::blocking;
use crate::dto::programme::TourStatus;
use crate::dto::tours as d;
use crate::dto::{api, ApiError};

fn detail(c: &gardesh_core::store::Connection, id: TourId) -> Result<d::TourDetail, Error> {
    let schedule = itinerary::schedule(c, id)?;
    let clashes = resources::clashes(c, &schedule.tour)?
        .into_iter()
        .map(|(fa, en)| d::TourProblem {
            code: "clash".into(),
            fa,
            en,
        })
        .collect();
    Ok(d::TourDetail {
        stops: itinerary::stops(c, id)?
            .into_iter()
            .map(Into::into)
            .collect(),
        vehicles: resources::tour_vehicles(c, id)?
            .into_iter()
            .map(Into::into)
            .collect(),
        guides: resources::tour_guides(c, id)?
            .into_iter()
            .map(Into::into)
            .collect(),
        schedule: schedule.into(),
        clashes,
    })
}

/// Tours in a date range with their stop count, capacity and feasibility.
#[tauri::command]
pub async fn tours_list<R: Runtime>(
    app: AppHandle<R>,
    from: String,
    to: String,
) -> Result<Vec<d::TourSummary>, ApiError> {
    let from = parse_iso_date("from", &from).map_err(api)?;
    let to = parse_iso_date("to", &to).map_err(api)?;
    blocking(app, move |s| {
        s.with_db(|c| {
            tour::between(c, from, to)?
                .into_iter()
                .map(|t| itinerary::schedule(c, t.id).map(Into::into))
                .collect()
        })
    })
    .await
}

#[tauri::command]
pub async fn tour_get<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<d::TourDetail, ApiError> {
    blocking(app, move |s| s.with_db(|c| detail(c, TourId(id)))).await
}

/// The schedule with these stops, without saving (live times while editing).
#[tauri::command]
pub async fn tour_preview_stops<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    stops: Vec<d::StopInput>,
) -> Result<d::Schedule, ApiError> {
    let stops: Vec<itinerary::StopInput> = stops.into_iter().map(Into::into).collect();
    blocking(app, move |s| {
        s.with_db(|c| itinerary::preview(c, TourId(id), &stops))
            .map(Into::into)
    })
    .await
}

#[tauri::command]
pub async fn tour_set_stops<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    stops: Vec<d::StopInput>,
) -> Result<d::TourDetail, ApiError> {
    let stops: Vec<itinerary::StopInput> = stops.into_iter().map(Into::into).collect();
    blocking(app, move |s| {
        s.write(|c, st| {
            itinerary::set_stops(c, st, TourId(id), &stops)?;
            detail(c, TourId(id))
        })
    })
    .await
}

#[tauri::command]
pub async fn tour_update<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    departure: String,
    seats: u32,
    meeting_point: String,
    notes: String,
) -> Result<d::TourDetail, ApiError> {
    let departure = TimeOfDay::parse(&departure).map_err(api)?;
    blocking(app, move |s| {
        s.write(|c, st| {
            tour::update(c, st, TourId(id), departure, seats, &meeting_point, &notes)?;
            detail(c, TourId(id))
        })
    })
    .await
}

/// Open (only when feasible), mark full or done, cancel, or back to draft.
#[tauri::command]
pub async fn tour_set_status<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    status: TourStatus,
) -> Result<d::TourDetail, ApiError> {
    let status = match status {
        TourStatus::Draft => Status::Draft,
        TourStatus::Open => Status::Open,
        TourStatus::Full => Status::Full,
        TourStatus::Done => Status::Done,
        TourStatus::Cancelled => Status::Cancelled,
    };
    blocking(app, move |s| {
        s.write(|c, st| {
            tour::set_status(c, st, TourId(id), status)?;
            detail(c, TourId(id))
        })
    })
    .await
}

/// The best order of the tour's stops, with its itinerary; nothing is changed.
#[tauri::command]
pub async fn tour_optimise<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    fix_last: bool,
) -> Result<d::OrderProposal, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| {
            let p = optimise::propose(c, TourId(id), fix_last)?;
            let preview = itinerary::preview(c, TourId(id), &p.order)?;
            Ok(d::OrderProposal::new(p, preview))
        })
    })
    .await
}

#[tauri::command]
pub async fn tour_apply_order<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    order: Vec<d::StopInput>,
) -> Result<d::TourDetail, ApiError> {
    let order: Vec<itinerary::StopInput> = order.into_iter().map(Into::into).collect();
    blocking(app, move |s| {
        s.write(|c, st| {
            optimise::apply(c, st, TourId(id), &order)?;
            detail(c, TourId(id))
        })
    })
    .await
}

#[tauri::command]
pub async fn vehicles_list<R: Runtime>(app: AppHandle<R>) -> Result<Vec<d::Vehicle>, ApiError> {
    blocking(app, |s| {
        s.with_db(|c| resources::vehicles(c))
            .map(|v| v.into_iter().map(Into::into).collect())
    })
    .await
}

#[tauri::command]
pub async fn vehicle_save<R: Runtime>(
    app: AppHandle<R>,
    vehicle: d::Vehicle,
) -> Result<i64, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            resources::save_vehicle(
                c,
                st,
                vehicle.id.map(VehicleId),
                &vehicle.name,
                &vehicle.plate,
                vehicle.seats,
                vehicle.active,
            )
        })
        .map(VehicleId::get)
    })
    .await
}

#[tauri::command]
pub async fn guides_list<R: Runtime>(app: AppHandle<R>) -> Result<Vec<d::Guide>, ApiError> {
    blocking(app, |s| {
        s.with_db(|c| resources::guides(c))
            .map(|v| v.into_iter().map(Into::into).collect())
    })
    .await
}

#[tauri::command]
pub async fn guide_save<R: Runtime>(app: AppHandle<R>, guide: d::Guide) -> Result<i64, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            resources::save_guide(
                c,
                st,
                guide.id.map(GuideId),
                &guide.name,
                &guide.phone,
                guide.active,
            )
        })
        .map(GuideId::get)
    })
    .await
}

/// Put a vehicle on a tour; refused, naming the other tour, when its times overlap.
#[tauri::command]
pub async fn tour_assign_vehicle<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    vehicle: i64,
    assign: bool,
) -> Result<d::TourDetail, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            if assign {
                resources::assign_vehicle(c, st, TourId(id), VehicleId(vehicle))?;
            } else {
                resources::unassign_vehicle(c, st, TourId(id), VehicleId(vehicle))?;
            }
            detail(c, TourId(id))
        })
    })
    .await
}

#[tauri::command]
pub async fn tour_assign_guide<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    guide: i64,
    assign: bool,
) -> Result<d::TourDetail, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            if assign {
                resources::assign_guide(c, st, TourId(id), GuideId(guide))?;
            } else {
                resources::unassign_guide(c, st, TourId(id), GuideId(guide))?;
            }
            detail(c, TourId(id))
        })
    })
    .await
}

#[tauri::command]
pub async fn templates_list<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Vec<d::RouteTemplate>, ApiError> {
    blocking(app, |s| {
        s.with_db(|c| template::list(c))
            .map(|v| v.into_iter().map(Into::into).collect())
    })
    .await
}

#[tauri::command]
pub async fn template_save_from_tour<R: Runtime>(
    app: AppHandle<R>,
    tour: i64,
    name: String,
) -> Result<i64, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| template::save_from_tour(c, st, TourId(tour), &name))
            .map(TemplateId::get)
    })
    .await
}

#[tauri::command]
pub async fn template_remove<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| template::remove(c, st, TemplateId(id)))
    })
    .await
}

/// Draft tours of the programme on these weekdays (and departure time, if given).
#[tauri::command]
pub async fn template_matching_tours<R: Runtime>(
    app: AppHandle<R>,
    weekdays: Vec<crate::dto::Weekday>,
    departure: Option<String>,
) -> Result<Vec<crate::dto::programme::Tour>, ApiError> {
    let weekdays: BTreeSet<Weekday> = weekdays.into_iter().map(Weekday::from).collect();
    let departure = departure
        .filter(|d| !d.trim().is_empty())
        .map(|d| TimeOfDay::parse(&d))
        .transpose()
        .map_err(api)?;
    blocking(app, move |s| {
        s.with_db(|c| template::matching_tours(c, &weekdays, departure))
            .map(|v| v.into_iter().map(Into::into).collect())
    })
    .await
}

#[tauri::command]
pub async fn template_apply<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    tours: Vec<i64>,
) -> Result<d::TemplateApplied, ApiError> {
    let tours: Vec<TourId> = tours.into_iter().map(TourId).collect();
    blocking(app, move |s| {
        s.write(|c, st| template::apply(c, st, TemplateId(id), &tours))
            .map(|(a, k)| d::TemplateApplied {
                applied: u32::try_from(a).unwrap_or(u32::MAX),
                skipped: u32::try_from(k).unwrap_or(u32::MAX),
            })
    })
    .await
}

#[tauri::command]
pub async fn travel_model_get<R: Runtime>(app: AppHandle<R>) -> Result<d::TravelModel, ApiError> {
    blocking(app, |s| {
        s.with_db(|c| travel::load_model(c)).map(Into::into)
    })
    .await
}

#[tauri::command]
pub async fn travel_model_save<R: Runtime>(
    app: AppHandle<R>,
    model: d::TravelModel,
) -> Result<d::TravelModel, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| travel::save_model(c, st, model.into()))
            .map(Into::into)
    })
    .await
}

/// Set the travel time between two sites (`null` minutes clears it back to the estimate).
#[tauri::command]
pub async fn travel_override_set<R: Runtime>(
    app: AppHandle<R>,
    from: i64,
    to: i64,
    minutes: Option<u32>,
) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| travel::set_override(c, st, SiteId(from), SiteId(to), minutes))
    })
    .await
}
