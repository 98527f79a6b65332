//! Check-in on the day of a tour: by the confirmation's code (a USB scanner types it and
//! Enter), by ticking members, walk-ins added with a reason when seats allow, undo, and
//! no-shows marked at departure. Attendance feeds the registration states:
//! a registration with anyone present is `attended`; one with nobody at departure is
//! `no_show`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};

use crate::audit::{self, Stamp};
use crate::clock::iran_offset;
use crate::error::{Error, Result};
use crate::group::{self, MemberInput};
use crate::ids::{MemberId, RegistrationId, TourId};
use crate::persian::calendar::Style;
use crate::persian::digits::to_persian;
use crate::persian::JalaliDate;
use crate::registration::{self as reg, code, Registration, State};
use crate::store;
use crate::tour;

/// How a mark was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Code,
    Tick,
    WalkIn,
    Departure,
}

impl How {
    fn as_str(self) -> &'static str {
        match self {
            How::Code => "code",
            How::Tick => "tick",
            How::WalkIn => "walk_in",
            How::Departure => "departure",
        }
    }
}

/// A member on the day's sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetMember {
    pub id: MemberId,
    pub full_name: String,
    pub is_leader: bool,
    pub step_free: bool,
    /// None: not marked yet.
    pub present: Option<bool>,
    pub walk_in: bool,
}

/// A group on the day's sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetGroup {
    pub registration: Registration,
    pub group_name: String,
    pub code: String,
    pub members: Vec<SheetMember>,
    pub present: u32,
}

/// The check-in sheet of a tour.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub tour: tour::Tour,
    pub groups: Vec<SheetGroup>,
    /// Seats held (confirmed, attended, no-show).
    pub expected: u32,
    pub present: u32,
    pub capacity: u32,
}

fn marks(conn: &Connection, r: RegistrationId) -> Result<Vec<(MemberId, bool, String)>> {
    let mut st =
        conn.prepare("SELECT member_id, present, how FROM attendance WHERE registration_id = ?1")?;
    let rows = st.query_map([r], |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn sheet_group(conn: &Connection, r: Registration) -> Result<SheetGroup> {
    let g = group::get(conn, r.group)?;
    let marks = marks(conn, r.id)?;
    let members: Vec<SheetMember> = g
        .members
        .iter()
        .map(|m| {
            let mark = marks.iter().find(|(id, _, _)| *id == m.id);
            SheetMember {
                id: m.id,
                full_name: m.full_name.clone(),
                is_leader: m.is_leader,
                step_free: m.step_free,
                present: mark.map(|(_, p, _)| *p),
                walk_in: mark.is_some_and(|(_, _, how)| how == "walk_in"),
            }
        })
        .collect();
    let present = members.iter().filter(|m| m.present == Some(true)).count() as u32;
    Ok(SheetGroup {
        code: code::code(conn, r.id)?,
        group_name: g.name,
        registration: r,
        members,
        present,
    })
}

/// The tour's sheet: every group holding seats, its members and their marks.
pub fn sheet(conn: &Connection, tour_id: TourId) -> Result<Sheet> {
    let t = tour::get(conn, tour_id)?;
    let groups: Vec<SheetGroup> = reg::of_tour(conn, tour_id)?
        .into_iter()
        .filter(|r| r.state.holds_seats())
        .map(|r| sheet_group(conn, r))
        .collect::<Result<_>>()?;
    Ok(Sheet {
        expected: groups.iter().map(|g| g.registration.seats).sum(),
        present: groups.iter().map(|g| g.present).sum(),
        capacity: reg::capacity(conn, tour_id)?,
        tour: t,
        groups,
    })
}

fn today(stamp: &Stamp) -> NaiveDate {
    stamp.at.with_timezone(&iran_offset()).date_naive()
}

fn long_fa(d: NaiveDate) -> String {
    JalaliDate::from_gregorian(d)
        .map(|j| j.format(Style::Long, true))
        .unwrap_or_else(|_| d.to_string())
}

/// A registration that may be checked in on `tour` today: confirmed, attended or no-show
/// (a late group), on this tour, on the tour's day.
fn may_check_in(tx: &Connection, stamp: &Stamp, r: &Registration, tour_id: TourId) -> Result<()> {
    if r.tour != tour_id {
        let other = tour::get(tx, r.tour)?;
        return Err(Error::conflict(
            format!(
                "این کد برای تور دیگری است: {} ساعت {}",
                long_fa(other.date),
                to_persian(&other.departure.to_string())
            ),
            format!(
                "this code is for another tour: {} at {}",
                other.date, other.departure
            ),
        ));
    }
    if !r.state.holds_seats() {
        let (fa, en) = match r.state {
            State::Waitlisted => (
                "این گروه هنوز در فهرست انتظار است و صندلی ندارد",
                "the group is still on the waiting list and holds no seats",
            ),
            State::Cancelled => (
                "ثبت‌نام این گروه لغو شده است",
                "the group's registration was cancelled",
            ),
            _ => (
                "این ثبت‌نام هنوز تأیید نشده است",
                "the registration is not confirmed",
            ),
        };
        return Err(Error::conflict(fa, en));
    }
    let t = tour::get(tx, tour_id)?;
    if t.date != today(stamp) {
        return Err(Error::conflict(
            format!("این تور در روز {} است، نه امروز", long_fa(t.date)),
            format!("this tour is on {}, not today", t.date),
        ));
    }
    Ok(())
}

fn set_mark(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    r: RegistrationId,
    m: MemberId,
    present: bool,
    how: How,
    reason: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO attendance (registration_id, member_id, present, at, actor, how, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (registration_id, member_id) DO UPDATE SET present = ?3, at = ?4, actor = ?5, how = ?6, reason = ?7",
        params![r, m, present, stamp.at.to_rfc3339(), stamp.actor, how.as_str(), reason],
    )?;
    Ok(())
}

/// Bring the registration's state in line with its marks: anyone present → attended;
/// nobody present → confirmed (or no-show when the departure was closed).
fn settle(tx: &Transaction<'_>, stamp: &Stamp, id: RegistrationId, reason: &str) -> Result<State> {
    let r = reg::get(tx, id)?;
    let (present, marked): (i64, i64) = tx.query_row(
        "SELECT coalesce(sum(present), 0), count(*) FROM attendance WHERE registration_id = ?1",
        [id],
        |x| Ok((x.get(0)?, x.get(1)?)),
    )?;
    let to = if present > 0 {
        State::Attended
    } else if marked > 0 && r.state == State::NoShow {
        State::NoShow
    } else {
        State::Confirmed
    };
    if to != r.state {
        reg::set_state(tx, stamp, &r, to, reason)?;
    }
    Ok(to)
}

/// What a code check-in did.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub group: SheetGroup,
    /// Already checked in before this scan (nothing changed).
    pub already: bool,
}

/// Check a whole group in by its confirmation code (typed or scanned). Members not marked
/// yet are marked present; a second scan changes nothing and says so.
pub fn by_code(
    conn: &mut Connection,
    stamp: &Stamp,
    tour_id: TourId,
    text: &str,
) -> Result<Checked> {
    store::write(conn, |tx| {
        let id = code::verify(tx, text)?;
        let r = reg::get(tx, id)?;
        may_check_in(tx, stamp, &r, tour_id)?;
        let already = r.state == State::Attended;
        if !already {
            let marked = marks(tx, id)?;
            for m in group::get(tx, r.group)?.members {
                // Unmarked, or marked absent only because the bus left: present now.
                let keep = marked
                    .iter()
                    .any(|(x, _, how)| *x == m.id && how != How::Departure.as_str());
                if !keep {
                    set_mark(tx, stamp, id, m.id, true, How::Code, "")?;
                }
            }
            settle(tx, stamp, id, "checked in by code")?;
        }
        Ok(Checked {
            group: sheet_group(tx, reg::get(tx, id)?)?,
            already,
        })
    })
}

/// Tick one member present or absent (`None` clears the mark).
pub fn mark(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RegistrationId,
    member: MemberId,
    present: Option<bool>,
) -> Result<SheetGroup> {
    store::write(conn, |tx| {
        let r = reg::get(tx, id)?;
        may_check_in(tx, stamp, &r, r.tour)?;
        if !group::get(tx, r.group)?
            .members
            .iter()
            .any(|m| m.id == member)
        {
            return Err(Error::NotFound {
                what: "member",
                id: member.to_string(),
            });
        }
        match present {
            Some(p) => set_mark(tx, stamp, id, member, p, How::Tick, "")?,
            None => {
                tx.execute(
                    "DELETE FROM attendance WHERE registration_id = ?1 AND member_id = ?2",
                    params![id, member],
                )?;
            }
        }
        audit::record(
            tx,
            stamp,
            "checkin.mark",
            "registration",
            Some(&id.to_string()),
            &format!(
                "member {member}: {}",
                present.map_or("cleared", |p| if p { "present" } else { "absent" })
            ),
        )?;
        settle(tx, stamp, id, "attendance ticked")?;
        sheet_group(tx, reg::get(tx, id)?)
    })
}

/// Undo a group's check-in: every mark removed, the registration confirmed again.
pub fn undo(conn: &mut Connection, stamp: &Stamp, id: RegistrationId) -> Result<SheetGroup> {
    store::write(conn, |tx| {
        let r = reg::get(tx, id)?;
        if !matches!(r.state, State::Attended | State::NoShow | State::Confirmed) {
            return Err(Error::conflict(
                "این گروه پذیرش نشده است",
                "the group was not checked in",
            ));
        }
        tx.execute("DELETE FROM attendance WHERE registration_id = ?1", [id])?;
        if r.state != State::Confirmed {
            reg::set_state(tx, stamp, &r, State::Confirmed, "check-in undone")?;
        }
        audit::record(
            tx,
            stamp,
            "checkin.undo",
            "registration",
            Some(&id.to_string()),
            "",
        )?;
        sheet_group(tx, reg::get(tx, id)?)
    })
}

/// Add a walk-in to a group on the day, with a reason, when a seat is free: a new member,
/// one more seat on the registration, marked present.
pub fn walk_in(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RegistrationId,
    member: MemberInput,
    reason: &str,
) -> Result<SheetGroup> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "reason",
            "دلیل افزودن همراه تازه را بنویسید",
            "write why a walk-in joins the group",
        ));
    }
    store::write(conn, |tx| {
        let r = reg::get(tx, id)?;
        may_check_in(tx, stamp, &r, r.tour)?;
        let free = reg::capacity(tx, r.tour)?.saturating_sub(reg::taken(tx, r.tour)?);
        if free == 0 {
            return Err(Error::conflict(
                "صندلی خالی نمانده است؛ همراه تازه جا نمی‌شود",
                "no seat is free for a walk-in",
            ));
        }
        let m = group::add_member(
            tx,
            r.group,
            MemberInput {
                duplicate_reason: reason.into(),
                ..member
            },
        )?;
        tx.execute(
            "UPDATE registrations SET seats = seats + 1 WHERE id = ?1",
            [id],
        )?;
        let now = reg::get(tx, id)?;
        reg::event(
            tx,
            stamp,
            id,
            Some(now.state),
            now.state,
            now.seats,
            &format!("walk-in: {reason}"),
        )?;
        set_mark(tx, stamp, id, m, true, How::WalkIn, reason)?;
        settle(tx, stamp, id, "walk-in")?;
        sheet_group(tx, reg::get(tx, id)?)
    })
}

/// What closing the departure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Departed {
    pub no_show_groups: u32,
    pub absent_members: u32,
}

/// At departure: groups with nobody present become no-shows, unmarked members of present
/// groups are marked absent.
pub fn close_departure(conn: &mut Connection, stamp: &Stamp, tour_id: TourId) -> Result<Departed> {
    store::write(conn, |tx| {
        let t = tour::get(tx, tour_id)?;
        if t.date > today(stamp) {
            return Err(Error::conflict(
                format!("این تور هنوز حرکت نکرده است ({})", long_fa(t.date)),
                format!("the tour has not departed yet ({})", t.date),
            ));
        }
        let mut out = Departed {
            no_show_groups: 0,
            absent_members: 0,
        };
        for r in reg::of_tour(tx, tour_id)?
            .into_iter()
            .filter(|r| r.state.holds_seats())
        {
            let marked = marks(tx, r.id)?;
            for m in group::get(tx, r.group)?.members {
                if !marked.iter().any(|(x, _, _)| *x == m.id) {
                    set_mark(tx, stamp, r.id, m.id, false, How::Departure, "")?;
                    out.absent_members += 1;
                }
            }
            let present = marked.iter().any(|(_, p, _)| *p);
            if !present && r.state != State::NoShow {
                reg::set_state(tx, stamp, &r, State::NoShow, "nobody came by departure")?;
                out.no_show_groups += 1;
            }
        }
        audit::record(
            tx,
            stamp,
            "checkin.departure",
            "tour",
            Some(&tour_id.to_string()),
            &format!(
                "{} no-show groups, {} absent members",
                out.no_show_groups, out.absent_members
            ),
        )?;
        Ok(out)
    })
}

/// The registration a code names, for showing before check-in (no change).
pub fn lookup(conn: &Connection, text: &str) -> Result<Registration> {
    reg::get(conn, code::verify(conn, text)?)
}

#[cfg(test)]
mod tests;
