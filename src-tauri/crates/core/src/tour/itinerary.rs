//! A tour's itinerary: ordered stops, their times from the departure, travel and dwell,
//! and every feasibility problem the core can see.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::travel::{self, Matrix, Place};
use super::{get, Tour};
use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{SiteId, TourId};
use crate::persian::Weekday;
use crate::site::{self, HoursWindow, Location};
use crate::store;
use crate::time_of_day::TimeOfDay;

/// A stop as the coordinator sets it: the site and, optionally, a dwell other than the
/// site's visit duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StopInput {
    pub site: SiteId,
    pub dwell: Option<u32>,
}

/// Why a stop (or the whole tour) does not work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The visit does not fit inside the site's visiting hours that day.
    OutsideHours { hours: Vec<(TimeOfDay, TimeOfDay)> },
    /// The site is closed that day.
    Closed { reason: String },
    /// The site is archived.
    Archived,
    /// The timing runs past midnight.
    PastMidnight,
    /// The tour is back after the programme's end of day.
    EndsAfterDayEnd {
        ends: TimeOfDay,
        day_ends: TimeOfDay,
    },
    /// The tour has no stops.
    NoStops,
    /// Fewer seats than the seats already confirmed.
    CapacityBelowRegistered { capacity: u32, registered: u32 },
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::OutsideHours { .. } => "outside_hours",
            Problem::Closed { .. } => "closed",
            Problem::Archived => "archived",
            Problem::PastMidnight => "past_midnight",
            Problem::EndsAfterDayEnd { .. } => "ends_after_day_end",
            Problem::NoStops => "no_stops",
            Problem::CapacityBelowRegistered { .. } => "capacity_below_registered",
        }
    }

    pub fn explain(&self) -> (String, String) {
        let span = |h: &[(TimeOfDay, TimeOfDay)], fa: bool| {
            if h.is_empty() {
                return if fa {
                    "آن روز بسته است".to_string()
                } else {
                    "closed that day".to_string()
                };
            }
            h.iter()
                .map(|(o, c)| format!("{}–{}", o.format(fa), c.format(fa)))
                .collect::<Vec<_>>()
                .join(if fa { "، " } else { ", " })
        };
        match self {
            Problem::OutsideHours { hours } => (
                format!("بیرون از ساعت بازدید ({})", span(hours, true)),
                format!("outside the visiting hours ({})", span(hours, false)),
            ),
            Problem::Closed { reason } => (
                format!("سایت آن روز تعطیل است: {reason}"),
                format!("the site is closed that day: {reason}"),
            ),
            Problem::Archived => ("سایت بایگانی شده است".into(), "the site is archived".into()),
            Problem::PastMidnight => (
                "زمان‌بندی از نیمه‌شب می‌گذرد".into(),
                "the timing runs past midnight".into(),
            ),
            Problem::EndsAfterDayEnd { ends, day_ends } => (
                format!(
                    "بازگشت ساعت {} است، پس از پایان روز ({})",
                    ends.format(true),
                    day_ends.format(true)
                ),
                format!("back at {ends}, after the end of the day ({day_ends})"),
            ),
            Problem::NoStops => ("تور هیچ توقفی ندارد".into(), "the tour has no stops".into()),
            Problem::CapacityBelowRegistered {
                capacity,
                registered,
            } => (
                format!(
                    "ظرفیت {} صندلی است اما {} صندلی تأیید شده است",
                    crate::persian::digits::to_persian(&capacity.to_string()),
                    crate::persian::digits::to_persian(&registered.to_string())
                ),
                format!("the capacity is {capacity} seats but {registered} are confirmed"),
            ),
        }
    }
}

/// A stop with its computed times and problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimedStop {
    pub site: SiteId,
    pub site_name: String,
    pub travel: u32,
    pub arrival: TimeOfDay,
    pub departure: TimeOfDay,
    pub dwell: u32,
    pub dwell_is_default: bool,
    pub problems: Vec<Problem>,
}

/// Where a tour's capacity comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capacity {
    pub seats: u32,
    /// The vehicles' seats together (the tour's own seats when it has no vehicle).
    pub vehicle_seats: u32,
    /// The smallest "max visitors at once" among the stops, and its site.
    pub smallest_stop: Option<(SiteId, u32)>,
}

/// The whole computed itinerary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub tour: Tour,
    pub stops: Vec<TimedStop>,
    pub return_travel: u32,
    /// Back at the meeting point (None when past midnight).
    pub ends: Option<TimeOfDay>,
    pub total_travel: u32,
    pub capacity: Capacity,
    pub problems: Vec<Problem>,
}

impl Schedule {
    pub fn is_feasible(&self) -> bool {
        self.problems.is_empty() && self.stops.iter().all(|s| s.problems.is_empty())
    }
}

pub fn stops(conn: &Connection, tour: TourId) -> Result<Vec<StopInput>> {
    let mut st =
        conn.prepare("SELECT site_id, dwell FROM stops WHERE tour_id = ?1 ORDER BY position")?;
    let rows = st.query_map([tour], |r| {
        Ok(StopInput {
            site: r.get(0)?,
            dwell: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn write_stops(conn: &Connection, tour: TourId, list: &[StopInput]) -> Result<()> {
    conn.execute("DELETE FROM stops WHERE tour_id = ?1", [tour])?;
    for (i, s) in list.iter().enumerate() {
        conn.execute(
            "INSERT INTO stops (tour_id, position, site_id, dwell) VALUES (?1, ?2, ?3, ?4)",
            params![tour, i as i64, s.site, s.dwell],
        )?;
    }
    Ok(())
}

fn check_stops(conn: &Connection, list: &[StopInput]) -> Result<()> {
    if list.len() > 30 {
        return Err(Error::invalid(
            "stops",
            "حداکثر ۳۰ توقف در یک تور",
            "at most 30 stops on a tour",
        ));
    }
    for s in list {
        site::get_site(conn, s.site)?;
        if s.dwell.is_some_and(|d| !(5..=480).contains(&d)) {
            return Err(Error::invalid(
                "dwell",
                "مدت توقف بین ۵ و ۴۸۰ دقیقه است",
                "a stop lasts between 5 and 480 minutes",
            ));
        }
    }
    Ok(())
}

/// Replace a tour's stops (in order). Saved whatever their feasibility: a draft may be
/// infeasible, the schedule says why.
pub fn set_stops(
    conn: &mut Connection,
    stamp: &Stamp,
    tour: TourId,
    list: &[StopInput],
) -> Result<()> {
    store::write(conn, |tx| {
        get(tx, tour)?;
        check_stops(tx, list)?;
        write_stops(tx, tour, list)?;
        let detail = list
            .iter()
            .map(|s| s.site.to_string())
            .collect::<Vec<_>>()
            .join(" → ");
        audit::record(
            tx,
            stamp,
            "tour.stops",
            "tour",
            Some(&tour.to_string()),
            &detail,
        )?;
        Ok(())
    })
}

/// What the timing of one sequence needs about each site.
#[derive(Debug, Clone)]
pub struct SiteFacts {
    pub name: String,
    pub location: Option<Location>,
    pub visit_minutes: u32,
    pub max_visitors: u32,
    pub hours: Vec<HoursWindow>,
    pub closed: Option<String>,
    pub archived: bool,
}

pub fn site_facts(
    conn: &Connection,
    ids: &[SiteId],
    date: chrono::NaiveDate,
) -> Result<HashMap<SiteId, SiteFacts>> {
    let mut out = HashMap::new();
    for &id in ids {
        if out.contains_key(&id) {
            continue;
        }
        let s = site::get_site(conn, id)?;
        let closed = site::closures(conn, id)?
            .into_iter()
            .find(|c| c.starts <= date && date <= c.ends)
            .map(|c| c.reason);
        out.insert(
            id,
            SiteFacts {
                name: s.input.name_fa,
                location: s.input.location,
                visit_minutes: s.input.rules.visit_minutes,
                max_visitors: s.input.rules.max_visitors,
                hours: site::hours(conn, id)?,
                closed,
                archived: s.archived,
            },
        );
    }
    Ok(out)
}

/// Whether `[from, to]` fits inside one of the windows of `weekday`.
pub(crate) fn within_hours(hours: &[HoursWindow], weekday: Weekday, from: u32, to: u32) -> bool {
    hours
        .iter()
        .any(|h| h.weekday == weekday && h.opens.minutes() <= from && to <= h.closes.minutes())
}

/// The timing of a sequence of stops, and its problems.
pub(crate) fn time_stops(
    tour: &Tour,
    list: &[StopInput],
    facts: &HashMap<SiteId, SiteFacts>,
    matrix: &Matrix,
) -> (Vec<TimedStop>, u32, u32, Option<u32>) {
    let weekday = Weekday::of(tour.date);
    let mut clock = tour.departure.minutes();
    let mut here = Place::Origin;
    let mut total = 0;
    let mut out = Vec::with_capacity(list.len());
    for s in list {
        let Some(f) = facts.get(&s.site) else {
            continue;
        };
        let travel = matrix.minutes(here, Place::Site(s.site));
        total += travel;
        let dwell = s.dwell.unwrap_or(f.visit_minutes);
        let arrival = clock + travel;
        let departure = arrival + dwell;
        let mut problems = Vec::new();
        if f.archived {
            problems.push(Problem::Archived);
        }
        if let Some(reason) = &f.closed {
            problems.push(Problem::Closed {
                reason: reason.clone(),
            });
        }
        if departure > 1440 {
            problems.push(Problem::PastMidnight);
        } else if !within_hours(&f.hours, weekday, arrival, departure) {
            problems.push(Problem::OutsideHours {
                hours: f
                    .hours
                    .iter()
                    .filter(|h| h.weekday == weekday)
                    .map(|h| (h.opens, h.closes))
                    .collect(),
            });
        }
        out.push(TimedStop {
            site: s.site,
            site_name: f.name.clone(),
            travel,
            arrival: TimeOfDay::from_minutes(arrival.min(1440)).unwrap_or(TimeOfDay::END_OF_DAY),
            departure: TimeOfDay::from_minutes(departure.min(1440))
                .unwrap_or(TimeOfDay::END_OF_DAY),
            dwell,
            dwell_is_default: s.dwell.is_none(),
            problems,
        });
        clock = departure;
        here = Place::Site(s.site);
    }
    let back = if list.is_empty() {
        0
    } else {
        matrix.minutes(here, Place::Origin)
    };
    total += back;
    let ends = clock + back;
    (out, back, total, (ends <= 1440).then_some(ends))
}

/// Seats of the tour's vehicles together; the tour's own seats when it has none.
pub(crate) fn vehicle_seats(conn: &Connection, tour: &Tour) -> Result<u32> {
    let (n, seats): (i64, Option<i64>) = conn.query_row(
        "SELECT count(*), sum(v.seats) FROM tour_vehicles tv JOIN vehicles v ON v.id = tv.vehicle_id WHERE tv.tour_id = ?1",
        [tour.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(if n == 0 {
        tour.seats
    } else {
        u32::try_from(seats.unwrap_or(0)).unwrap_or(u32::MAX)
    })
}

/// The tour's itinerary with times, capacity and every problem.
pub fn schedule(conn: &Connection, tour_id: TourId) -> Result<Schedule> {
    let list = stops(conn, tour_id)?;
    preview(conn, tour_id, &list)
}

/// The schedule the tour would have with `list` as its stops; nothing is saved (the
/// editor shows live times while stops are dragged).
pub fn preview(conn: &Connection, tour_id: TourId, list: &[StopInput]) -> Result<Schedule> {
    let tour = get(conn, tour_id)?;
    check_stops(conn, list)?;
    let ids: Vec<SiteId> = list.iter().map(|s| s.site).collect();
    let facts = site_facts(conn, &ids, tour.date)?;
    let model = travel::load_model(conn)?;
    let located: Vec<(SiteId, Option<Location>)> = ids
        .iter()
        .map(|id| (*id, facts.get(id).and_then(|f| f.location)))
        .collect();
    let matrix = Matrix::build(conn, &model, &located)?;
    schedule_with(conn, tour, list, &facts, &matrix)
}

pub(crate) fn schedule_with(
    conn: &Connection,
    tour: Tour,
    list: &[StopInput],
    facts: &HashMap<SiteId, SiteFacts>,
    matrix: &Matrix,
) -> Result<Schedule> {
    let (timed, back, total, ends) = time_stops(&tour, list, facts, matrix);
    let vehicle_seats = vehicle_seats(conn, &tour)?;
    let smallest_stop = list
        .iter()
        .filter_map(|s| facts.get(&s.site).map(|f| (s.site, f.max_visitors)))
        .min_by_key(|(_, m)| *m);
    let seats = smallest_stop.map_or(vehicle_seats, |(_, m)| vehicle_seats.min(m));
    let mut problems = Vec::new();
    if list.is_empty() {
        problems.push(Problem::NoStops);
    }
    let registered = crate::registration::taken(conn, tour.id)?;
    if registered > seats {
        problems.push(Problem::CapacityBelowRegistered {
            capacity: seats,
            registered,
        });
    }
    let day_ends = crate::programme::current(conn)?
        .filter(|p| p.id == tour.programme)
        .map(|p| p.input.day_ends)
        .unwrap_or(TimeOfDay::END_OF_DAY);
    match ends {
        None => problems.push(Problem::PastMidnight),
        Some(e) if e > day_ends.minutes() => problems.push(Problem::EndsAfterDayEnd {
            ends: TimeOfDay::from_minutes(e).unwrap_or(TimeOfDay::END_OF_DAY),
            day_ends,
        }),
        Some(_) => {}
    }
    Ok(Schedule {
        tour,
        stops: timed,
        return_travel: back,
        ends: ends.and_then(|e| TimeOfDay::from_minutes(e).ok()),
        total_travel: total,
        capacity: Capacity {
            seats,
            vehicle_seats,
            smallest_stop,
        },
        problems,
    })
}
