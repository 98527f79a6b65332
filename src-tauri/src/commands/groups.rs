//! Commands of groups and members, registrations, waiting lists and rosters.

use tauri::{AppHandle, Runtime};

use gardesh_core::group::{self, list};
use gardesh_core::ids::{DateWaitId, GroupId, RegistrationId, TourId};
use gardesh_core::persian::calendar::parse_iso_date;
use gardesh_core::registration::{self as reg, roster, waits};
use gardesh_core::store::Connection;
use gardesh_core::{tour, Error};

use super::blocking;
use crate::dto::groups as d;
use crate::dto::{api, ApiError};

fn group_name(c: &Connection, id: GroupId) -> Result<String, Error> {
    Ok(group::get(c, id)?.name)
}

fn outcome(c: &Connection, out: reg::Outcome) -> Result<d::RegistrationOutcome, Error> {
    let promoted = out
        .promoted
        .iter()
        .map(|id| {
            let r = reg::get(c, *id)?;
            Ok(d::Promoted {
                registration: r.id.get(),
                tour: r.tour.get(),
                group_name: group_name(c, r.group)?,
                seats: r.seats,
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(d::RegistrationOutcome {
        registration: d::Registration::read(c, out.registration)?,
        promoted,
    })
}

fn detail(c: &Connection, id: GroupId) -> Result<d::GroupDetail, Error> {
    Ok(d::GroupDetail {
        group: group::get(c, id)?.into(),
        registrations: roster::of_group(c, id)?
            .into_iter()
            .map(|g| {
                Ok(d::GroupRegistration {
                    registration: d::Registration::read(c, g.registration)?,
                    tour_date: g.tour_date.to_string(),
                    departure: g.departure.to_string(),
                    position: g.position,
                })
            })
            .collect::<Result<_, Error>>()?,
        waits: waits::of_group(c, id)?
            .into_iter()
            .map(Into::into)
            .collect(),
    })
}

fn roster_of(c: &Connection, id: TourId) -> Result<d::Roster, Error> {
    Ok(d::Roster {
        tour: tour::get(c, id)?.into(),
        seats: roster::seats(c, id)?.into(),
        lines: roster::of_tour_lines(c, id)?
            .into_iter()
            .map(|l| {
                Ok(d::RosterLine {
                    registration: d::Registration::read(c, l.registration)?,
                    group_name: l.group_name,
                    leader_name: l.leader_name,
                    leader_mobile: l.leader_mobile,
                    position: l.position,
                })
            })
            .collect::<Result<_, Error>>()?,
    })
}

/// Groups matching the search box and filters, newest first.
#[tauri::command]
pub async fn groups_list<R: Runtime>(
    app: AppHandle<R>,
    filter: d::GroupFilter,
) -> Result<Vec<d::GroupRow>, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| {
            Ok(list::list(c, &filter.into())?
                .into_iter()
                .map(Into::into)
                .collect())
        })
    })
    .await
}

#[tauri::command]
pub async fn group_get<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<d::GroupDetail, ApiError> {
    blocking(app, move |s| s.with_db(|c| detail(c, GroupId(id)))).await
}

/// Every problem, warning and duplicate of a group as entered, without saving.
#[tauri::command]
pub async fn group_check<R: Runtime>(
    app: AppHandle<R>,
    input: d::GroupInput,
    editing: Option<i64>,
) -> Result<d::GroupCheck, ApiError> {
    let input = input.into_core().map_err(api)?;
    blocking(app, move |s| {
        s.with_db(|c| {
            let check = group::check(c, &input, editing.map(GroupId))?;
            Ok(d::GroupCheck::new(check, &input))
        })
    })
    .await
}

#[tauri::command]
pub async fn group_create<R: Runtime>(
    app: AppHandle<R>,
    input: d::GroupInput,
) -> Result<d::GroupSaved, ApiError> {
    let input = input.into_core().map_err(api)?;
    blocking(app, move |s| {
        s.write(|c, st| {
            let (id, check) = group::create(c, st, &input)?;
            Ok(d::GroupSaved {
                group: group::get(c, id)?.into(),
                check: d::GroupCheck::new(check, &input),
            })
        })
    })
    .await
}

#[tauri::command]
pub async fn group_update<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    input: d::GroupInput,
) -> Result<d::GroupSaved, ApiError> {
    let input = input.into_core().map_err(api)?;
    blocking(app, move |s| {
        s.write(|c, st| {
            let check = group::update(c, st, GroupId(id), &input)?;
            Ok(d::GroupSaved {
                group: group::get(c, GroupId(id))?.into(),
                check: d::GroupCheck::new(check, &input),
            })
        })
    })
    .await
}

/// Remove a group entered by mistake (refused once it has registrations).
#[tauri::command]
pub async fn group_remove<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| group::remove(c, st, GroupId(id)))
    })
    .await
}

/// Seats left, waiting position and members failing the tour's rules, before registering.
#[tauri::command]
pub async fn registration_preview<R: Runtime>(
    app: AppHandle<R>,
    group: i64,
    tour: i64,
) -> Result<d::RegistrationPreview, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| {
            let p = roster::preview(c, GroupId(group), TourId(tour))?;
            Ok(d::RegistrationPreview {
                tour: p.tour.into(),
                seats: p.seats.into(),
                group_size: p.group_size,
                fits: p.fits,
                waiting_position: p.waiting_position,
                ineligible: p
                    .ineligible
                    .into_iter()
                    .map(|i| d::Ineligible {
                        member: i.member.get(),
                        member_name: i.member_name,
                        fa: i.why.fa,
                        en: i.why.en,
                    })
                    .collect(),
                open: p.open,
                already_on: p.already_on,
            })
        })
    })
    .await
}

/// Confirm the group on the tour if it fits whole, else put it on the waiting list.
#[tauri::command]
pub async fn registration_register<R: Runtime>(
    app: AppHandle<R>,
    group: i64,
    tour: i64,
    reason: String,
) -> Result<d::RegistrationOutcome, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let r = reg::register(c, st, GroupId(group), TourId(tour), &reason)?;
            outcome(
                c,
                reg::Outcome {
                    registration: r,
                    promoted: vec![],
                },
            )
        })
    })
    .await
}

#[tauri::command]
pub async fn registration_cancel<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    reason: String,
) -> Result<d::RegistrationOutcome, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let out = reg::cancel(c, st, RegistrationId(id), &reason)?;
            outcome(c, out)
        })
    })
    .await
}

/// Some members will not come: release that many seats.
#[tauri::command]
pub async fn registration_release<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    seats: u32,
    reason: String,
) -> Result<d::RegistrationOutcome, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let out = reg::release_seats(c, st, RegistrationId(id), seats, &reason)?;
            outcome(c, out)
        })
    })
    .await
}

#[tauri::command]
pub async fn registration_move<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    tour: i64,
    reason: String,
) -> Result<d::RegistrationOutcome, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let out = reg::move_to(c, st, RegistrationId(id), TourId(tour), &reason)?;
            outcome(c, out)
        })
    })
    .await
}

/// Put a waiting group before another (or last), with the reason; returns the roster.
#[tauri::command]
pub async fn registration_reorder<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    before: Option<i64>,
    reason: String,
) -> Result<d::Roster, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            reg::reorder(
                c,
                st,
                RegistrationId(id),
                before.map(RegistrationId),
                &reason,
            )?;
            roster_of(c, reg::get(c, RegistrationId(id))?.tour)
        })
    })
    .await
}

#[tauri::command]
pub async fn registration_events<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
) -> Result<Vec<d::RegistrationEvent>, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| {
            Ok(roster::events(c, RegistrationId(id))?
                .into_iter()
                .map(Into::into)
                .collect())
        })
    })
    .await
}

#[tauri::command]
pub async fn tour_roster<R: Runtime>(app: AppHandle<R>, tour: i64) -> Result<d::Roster, ApiError> {
    blocking(app, move |s| s.with_db(|c| roster_of(c, TourId(tour)))).await
}

/// Place the group on the first open tour between two dates where it fits, or let it wait.
#[tauri::command]
pub async fn date_wait_create<R: Runtime>(
    app: AppHandle<R>,
    group: i64,
    from: String,
    to: String,
    reason: String,
) -> Result<d::WaitOutcome, ApiError> {
    let from = parse_iso_date("from", &from).map_err(api)?;
    let to = parse_iso_date("to", &to).map_err(api)?;
    blocking(app, move |s| {
        s.write(|c, st| {
            Ok(
                match waits::wait_for_dates(c, st, GroupId(group), from, to, &reason)? {
                    waits::WaitOutcome::Placed(r) => d::WaitOutcome {
                        placed: Some(d::Registration::read(c, r)?),
                        waiting: None,
                    },
                    waits::WaitOutcome::Waiting(w) => d::WaitOutcome {
                        placed: None,
                        waiting: Some(w.into()),
                    },
                },
            )
        })
    })
    .await
}

#[tauri::command]
pub async fn date_wait_cancel<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    reason: String,
) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| waits::cancel_wait(c, st, DateWaitId(id), &reason))
    })
    .await
}

/// Groups waiting for any tour on a range of dates, first come first.
#[tauri::command]
pub async fn date_waits_list<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Vec<d::DateWaitRow>, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| {
            waits::waiting(c)?
                .into_iter()
                .map(|w| {
                    Ok(d::DateWaitRow {
                        group_name: group_name(c, w.group)?,
                        wait: w.into(),
                    })
                })
                .collect()
        })
    })
    .await
}
