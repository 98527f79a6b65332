//! Tours: one dated departure each, with its seats and status. The programme generates
//! them; itineraries, vehicles and guides build on this.

pub mod itinerary;
pub mod optimise;
pub mod resources;
pub mod template;
pub mod travel;

use crate::stored::stored_enum;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{ProgrammeId, TourId};
use crate::store;
use crate::time_of_day::TimeOfDay;

stored_enum! {
    /// Where a tour stands: draft until opened for registration.
    pub enum Status {
        Draft = "draft",
        Open = "open",
        Full = "full",
        Done = "done",
        Cancelled = "cancelled",
    }
}

impl Status {
    /// Only draft tours have never taken a registration; any other status may hold some.
    pub fn may_hold_registrations(self) -> bool {
        self != Status::Draft
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tour {
    pub id: TourId,
    pub programme: ProgrammeId,
    pub date: NaiveDate,
    pub departure: TimeOfDay,
    pub meeting_point: String,
    pub seats: u32,
    pub status: Status,
    pub notes: String,
}

pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<Tour> {
    let date: String = r.get(2)?;
    let departure: u32 = r.get(3)?;
    let status: String = r.get(6)?;
    Ok(Tour {
        id: r.get(0)?,
        programme: r.get(1)?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or(NaiveDate::MIN),
        departure: TimeOfDay::from_minutes(departure).unwrap_or(TimeOfDay::END_OF_DAY),
        meeting_point: r.get(4)?,
        seats: r.get(5)?,
        status: Status::parse(&status).unwrap_or(Status::Draft),
        notes: r.get(7)?,
    })
}

pub(crate) const COLUMNS: &str =
    "id, programme_id, date, departure, meeting_point, seats, status, notes";

pub fn get(conn: &Connection, id: TourId) -> Result<Tour> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM tours WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "tour",
        id: id.to_string(),
    })
}

/// Change a tour's status. Opening for registration needs a feasible itinerary and no
/// vehicle or guide clash: an infeasible tour can stay a draft, never open.
pub fn set_status(conn: &mut Connection, stamp: &Stamp, id: TourId, status: Status) -> Result<()> {
    store::write(conn, |tx| {
        let tour = get(tx, id)?;
        if status == Status::Open {
            let s = itinerary::schedule(tx, id)?;
            if !s.is_feasible() {
                let first = s
                    .problems
                    .iter()
                    .chain(s.stops.iter().flat_map(|x| x.problems.iter()))
                    .next()
                    .map(|p| p.explain())
                    .unwrap_or_default();
                return Err(Error::conflict(
                    format!("تور شدنی نیست و باز نمی‌شود: {}", first.0),
                    format!("the tour is not feasible and cannot open: {}", first.1),
                ));
            }
            if let Some((fa, en)) = resources::clashes(tx, &tour)?.into_iter().next() {
                return Err(Error::conflict(fa, en));
            }
        }
        write_status(tx, id, status)?;
        audit::record(
            tx,
            stamp,
            "tour.status",
            "tour",
            Some(&id.to_string()),
            &format!("{} → {}", tour.status.as_str(), status.as_str()),
        )?;
        if status == Status::Open {
            // Groups waiting on it, or for any tour on its date, may now be placed.
            crate::registration::promote(tx, stamp, id)?;
        }
        Ok(())
    })
}

/// Change a tour's departure time, seats (when it has no vehicle), meeting point or notes.
pub fn update(
    conn: &mut Connection,
    stamp: &Stamp,
    id: TourId,
    departure: TimeOfDay,
    seats: u32,
    meeting_point: &str,
    notes: &str,
) -> Result<()> {
    if departure >= TimeOfDay::END_OF_DAY {
        return Err(Error::invalid(
            "departure",
            "ساعت حرکت باید پیش از ۲۴:۰۰ باشد",
            "a departure must be before 24:00",
        ));
    }
    if seats > 500 {
        return Err(Error::invalid(
            "seats",
            "ظرفیت تور حداکثر ۵۰۰ است",
            "a tour has at most 500 seats",
        ));
    }
    if meeting_point.chars().count() > 300 || notes.chars().count() > 4000 {
        return Err(Error::invalid(
            "notes",
            "متن بیش از اندازه بلند است",
            "the text is too long",
        ));
    }
    store::write(conn, |tx| {
        get(tx, id)?;
        tx.execute(
            "UPDATE tours SET departure = ?2, seats = ?3, meeting_point = ?4, notes = ?5 WHERE id = ?1",
            params![id, departure.minutes(), seats, meeting_point.trim(), notes.trim()],
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => Error::conflict(
                "تور دیگری همان روز در همین ساعت حرکت می‌کند",
                "another tour of the programme leaves at that time on that day",
            ),
            _ => Error::Sqlite(e),
        })?;
        audit::record(
            tx,
            stamp,
            "tour.update",
            "tour",
            Some(&id.to_string()),
            &format!("{departure}, {seats} seats"),
        )?;
        // More seats may let waiting groups in.
        crate::registration::promote(tx, stamp, id)?;
        Ok(())
    })
}

/// Tours dated within `[from, to]`, by date and departure.
pub fn between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Tour>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM tours WHERE date BETWEEN ?1 AND ?2 ORDER BY date, departure, id"
    ))?;
    let rows = st.query_map(params![from.to_string(), to.to_string()], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn of_programme(conn: &Connection, programme: ProgrammeId) -> Result<Vec<Tour>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM tours WHERE programme_id = ?1 ORDER BY date, departure, id"
    ))?;
    let rows = st.query_map([programme], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert(
    conn: &Connection,
    programme: ProgrammeId,
    date: NaiveDate,
    departure: TimeOfDay,
    meeting_point: &str,
    seats: u32,
) -> Result<TourId> {
    if departure >= TimeOfDay::END_OF_DAY {
        return Err(Error::invalid(
            "departure",
            "ساعت حرکت باید پیش از ۲۴:۰۰ باشد",
            "a departure must be before 24:00",
        ));
    }
    conn.execute(
        "INSERT INTO tours (programme_id, date, departure, meeting_point, seats) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![programme, date.to_string(), departure.minutes(), meeting_point, seats],
    )?;
    Ok(TourId(conn.last_insert_rowid()))
}

pub(crate) fn write_status(conn: &Connection, id: TourId, status: Status) -> Result<()> {
    let n = conn.execute(
        "UPDATE tours SET status = ?2 WHERE id = ?1",
        params![id, status.as_str()],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "tour",
            id: id.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
