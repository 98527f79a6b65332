//! Groups waiting for any tour between two dates. Such a group takes its place in the same
//! first-come order as the tours' own waiting lists: when seats free up on an open tour in
//! its range, it is confirmed there if it fits whole (see `promote`).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{
    active_on, capacity, eligibility, get, group_size, next_queue, place, taken, Registration,
    State,
};
use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{DateWaitId, GroupId, RegistrationId, TourId};
use crate::store;
use crate::stored::stored_enum;
use crate::tour;

stored_enum! {
    /// Where a wait for dates stands.
    pub enum WaitState {
        Waiting = "waiting",
        Placed = "placed",
        Cancelled = "cancelled",
    }
}

/// The longest range a group may wait over (the programme's length).
pub const MAX_DAYS: i64 = 80;

#[derive(Debug, Clone, PartialEq)]
pub struct DateWait {
    pub id: DateWaitId,
    pub group: GroupId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub seats: u32,
    pub queue: f64,
    pub state: WaitState,
    /// The registration it became, once placed.
    pub registration: Option<RegistrationId>,
    /// Why members failing a stop's rules may go anyway (empty: they may not).
    pub reason: String,
}

const COLUMNS: &str =
    "id, group_id, date_from, date_to, seats, queue, state, registration_id, reason";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DateWait> {
    let date = |i: usize| -> rusqlite::Result<NaiveDate> {
        let s: String = r.get(i)?;
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    let state: String = r.get(6)?;
    Ok(DateWait {
        id: r.get(0)?,
        group: r.get(1)?,
        from: date(2)?,
        to: date(3)?,
        seats: r.get(4)?,
        queue: r.get(5)?,
        state: WaitState::parse(&state).unwrap_or(WaitState::Cancelled),
        registration: r.get(7)?,
        reason: r.get(8)?,
    })
}

pub fn get_wait(conn: &Connection, id: DateWaitId) -> Result<DateWait> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM date_waits WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "date wait",
        id: id.to_string(),
    })
}

/// Waits still waiting whose range covers `date`, first come first.
pub fn covering(conn: &Connection, date: NaiveDate) -> Result<Vec<DateWait>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM date_waits
         WHERE state = 'waiting' AND date_from <= ?1 AND date_to >= ?1 ORDER BY queue, id"
    ))?;
    let rows = st.query_map([date.to_string()], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every wait still waiting, first come first.
pub fn waiting(conn: &Connection) -> Result<Vec<DateWait>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM date_waits WHERE state = 'waiting' ORDER BY queue, id"
    ))?;
    let rows = st.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A group's waits, newest first.
pub fn of_group(conn: &Connection, group: GroupId) -> Result<Vec<DateWait>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM date_waits WHERE group_id = ?1 ORDER BY id DESC"
    ))?;
    let rows = st.query_map([group], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Confirm a waiting group on `tour` if its members may go there (or a reason says they
/// go anyway) and it is not already on it. The caller has checked that it fits.
pub(crate) fn try_place(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    w: &DateWait,
    tour: TourId,
) -> Result<Option<Registration>> {
    let failing = eligibility(tx, w.group, tour)?;
    if !failing.is_empty() && w.reason.trim().is_empty() {
        return Ok(None);
    }
    if active_on(tx, w.group, tour)?.is_some() || taken(tx, tour)? + w.seats > capacity(tx, tour)? {
        return Ok(None);
    }
    let r = place(tx, stamp, w.group, tour, w.seats)?;
    debug_assert_eq!(r.state, State::Confirmed);
    if !failing.is_empty() {
        tx.execute(
            "UPDATE registrations SET override_reason = ?2 WHERE id = ?1",
            params![r.id, w.reason.trim()],
        )?;
    }
    tx.execute(
        "UPDATE date_waits SET state = 'placed', registration_id = ?2 WHERE id = ?1",
        params![w.id, r.id],
    )?;
    audit::record(
        tx,
        stamp,
        "date_wait.placed",
        "date_wait",
        Some(&w.id.to_string()),
        &format!("tour {tour}, registration {}", r.id),
    )?;
    get(tx, r.id).map(Some)
}

/// What asking for any tour between two dates did.
#[derive(Debug, Clone, PartialEq)]
pub enum WaitOutcome {
    /// Confirmed at once on the first open tour in the range where it fits whole.
    Placed(Registration),
    /// No tour had room: waiting, in first-come order.
    Waiting(DateWait),
}

/// Place a group on the first open tour between `from` and `to` where it fits whole, or
/// keep it waiting for one. `reason` lets members failing a stop's rules go anyway.
pub fn wait_for_dates(
    conn: &mut Connection,
    stamp: &Stamp,
    group: GroupId,
    from: NaiveDate,
    to: NaiveDate,
    reason: &str,
) -> Result<WaitOutcome> {
    if to < from {
        return Err(Error::invalid(
            "to",
            "تاریخ پایان پیش از تاریخ شروع است",
            "the last date is before the first",
        ));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(Error::invalid(
            "to",
            "بازه‌ی انتظار بیش از ۸۰ روز است",
            "the range to wait over is longer than 80 days",
        ));
    }
    store::write(conn, |tx| {
        let seats = group_size(tx, group)?;
        if seats == 0 {
            return Err(Error::invalid(
                "members",
                "گروه هیچ عضوی ندارد",
                "the group has no members",
            ));
        }
        let open: bool = tx.query_row(
            "SELECT count(*) > 0 FROM date_waits WHERE group_id = ?1 AND state = 'waiting'",
            [group],
            |r| r.get(0),
        )?;
        if open {
            return Err(Error::conflict(
                "این گروه از پیش منتظر تور در بازه‌ای از تاریخ‌هاست",
                "the group is already waiting for a tour in a range of dates",
            ));
        }
        tx.execute(
            "INSERT INTO date_waits (group_id, date_from, date_to, seats, queue, state, reason, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'waiting', ?6, ?7)",
            params![
                group,
                from.to_string(),
                to.to_string(),
                seats,
                next_queue(tx)?,
                reason.trim(),
                stamp.at.to_rfc3339()
            ],
        )?;
        let id = DateWaitId(tx.last_insert_rowid());
        audit::record(
            tx,
            stamp,
            "date_wait.create",
            "date_wait",
            Some(&id.to_string()),
            &format!("group {group}, {from} – {to}, {seats} seats"),
        )?;
        let w = get_wait(tx, id)?;
        for t in tour::between(tx, from, to)? {
            if matches!(t.status, tour::Status::Open | tour::Status::Full) {
                if let Some(r) = try_place(tx, stamp, &w, t.id)? {
                    return Ok(WaitOutcome::Placed(r));
                }
            }
        }
        Ok(WaitOutcome::Waiting(w))
    })
}

/// Stop waiting for dates.
pub fn cancel_wait(
    conn: &mut Connection,
    stamp: &Stamp,
    id: DateWaitId,
    reason: &str,
) -> Result<()> {
    store::write(conn, |tx| {
        let w = get_wait(tx, id)?;
        if w.state != WaitState::Waiting {
            return Err(Error::conflict(
                "این انتظار دیگر باز نیست",
                format!("the wait is {}, no longer waiting", w.state.as_str()),
            ));
        }
        tx.execute(
            "UPDATE date_waits SET state = 'cancelled' WHERE id = ?1",
            [id],
        )?;
        audit::record(
            tx,
            stamp,
            "date_wait.cancel",
            "date_wait",
            Some(&id.to_string()),
            reason.trim(),
        )?;
        Ok(())
    })
}
