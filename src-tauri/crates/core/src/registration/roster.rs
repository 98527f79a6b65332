//! Read views of registrations: a tour's roster with waiting-list positions and its seats,
//! a group's registrations, and a registration's history.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{capacity, of_tour, taken, Registration, State};
use crate::error::Result;
use crate::ids::{GroupId, RegistrationId, TourId};
use crate::time_of_day::TimeOfDay;
use crate::tour;

/// A line of a tour's roster.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub registration: Registration,
    pub group_name: String,
    pub leader_name: String,
    pub leader_mobile: Option<String>,
    /// 1 for the first waiting group; None when not waiting.
    pub position: Option<u32>,
}

/// Seats of a tour at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seats {
    pub capacity: u32,
    pub taken: u32,
    pub free: u32,
    pub waiting_groups: u32,
    pub waiting_seats: u32,
}

pub fn seats(conn: &Connection, tour: TourId) -> Result<Seats> {
    let capacity = capacity(conn, tour)?;
    let taken = taken(conn, tour)?;
    let (groups, seats): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(seats), 0) FROM registrations WHERE tour_id = ?1 AND state = 'waitlisted'",
        [tour],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Seats {
        capacity,
        taken,
        free: capacity.saturating_sub(taken),
        waiting_groups: u32::try_from(groups).unwrap_or(0),
        waiting_seats: u32::try_from(seats).unwrap_or(0),
    })
}

/// Everyone registered on a tour: confirmed (and attended, no-show), then the waiting list
/// in order with positions, then cancelled.
pub fn of_tour_lines(conn: &Connection, tour: TourId) -> Result<Vec<Line>> {
    let mut next = 0;
    of_tour(conn, tour)?
        .into_iter()
        .map(|r| {
            let group_name: String =
                conn.query_row("SELECT name FROM groups WHERE id = ?1", [r.group], |x| {
                    x.get(0)
                })?;
            let (leader_name, leader_mobile) = crate::group::leader(conn, r.group)?;
            let position = (r.state == State::Waitlisted).then(|| {
                next += 1;
                next
            });
            Ok(Line {
                registration: r,
                group_name,
                leader_name,
                leader_mobile,
                position,
            })
        })
        .collect()
}

/// A group's registration with its tour's date and departure.
#[derive(Debug, Clone, PartialEq)]
pub struct OfGroup {
    pub registration: Registration,
    pub tour_date: NaiveDate,
    pub departure: TimeOfDay,
    pub position: Option<u32>,
}

/// A group's registrations, newest tour first.
pub fn of_group(conn: &Connection, group: GroupId) -> Result<Vec<OfGroup>> {
    let ids: Vec<RegistrationId> = {
        let mut st = conn.prepare(
            "SELECT r.id FROM registrations r JOIN tours t ON t.id = r.tour_id
             WHERE r.group_id = ?1 ORDER BY t.date DESC, t.departure DESC, r.id DESC",
        )?;
        let rows = st.query_map([group], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    ids.into_iter()
        .map(|id| {
            let r = super::get(conn, id)?;
            let t = tour::get(conn, r.tour)?;
            let position = if r.state == State::Waitlisted {
                let ahead: i64 = conn.query_row(
                    "SELECT count(*) FROM registrations WHERE tour_id = ?1 AND state = 'waitlisted'
                     AND (queue < ?2 OR (queue = ?2 AND id < ?3))",
                    params![r.tour, r.queue, r.id],
                    |x| x.get(0),
                )?;
                Some(u32::try_from(ahead).unwrap_or(0) + 1)
            } else {
                None
            };
            Ok(OfGroup {
                registration: r,
                tour_date: t.date,
                departure: t.departure,
                position,
            })
        })
        .collect()
}

/// One change of a registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: String,
    pub actor: String,
    pub from: Option<State>,
    pub to: State,
    pub seats: u32,
    pub reason: String,
}

/// A registration's history, oldest first.
pub fn events(conn: &Connection, id: RegistrationId) -> Result<Vec<Event>> {
    let mut st = conn.prepare(
        "SELECT at, actor, from_state, to_state, seats, reason FROM registration_events
         WHERE registration_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([id], |r| {
        let from: Option<String> = r.get(2)?;
        let to: String = r.get(3)?;
        Ok(Event {
            at: r.get(0)?,
            actor: r.get(1)?,
            from: from.as_deref().and_then(State::parse),
            to: State::parse(&to).unwrap_or(State::Cancelled),
            seats: r.get(4)?,
            reason: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What registering a group on a tour would do, before it is done.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub tour: tour::Tour,
    pub seats: Seats,
    pub group_size: u32,
    /// Confirmed at once if registered now.
    pub fits: bool,
    /// Its place in the waiting list if it does not fit.
    pub waiting_position: Option<u32>,
    /// Members failing the tour's rules (registering needs a reason).
    pub ineligible: Vec<super::Ineligible>,
    /// The tour takes registrations (open or full).
    pub open: bool,
    /// Already confirmed or waiting on this tour.
    pub already_on: bool,
}

pub fn preview(conn: &Connection, group: GroupId, tour_id: TourId) -> Result<Preview> {
    let size = super::group_size(conn, group)?;
    let seats = seats(conn, tour_id)?;
    let t = tour::get(conn, tour_id)?;
    let fits = size <= seats.free;
    Ok(Preview {
        open: matches!(t.status, tour::Status::Open | tour::Status::Full),
        tour: t,
        group_size: size,
        fits,
        waiting_position: (!fits).then_some(seats.waiting_groups + 1),
        ineligible: super::eligibility(conn, group, tour_id)?,
        already_on: super::active_on(conn, group, tour_id)?.is_some(),
        seats,
    })
}
