//! Registrations: a group on a tour, confirmed only inside one `BEGIN IMMEDIATE`
//! transaction that re-reads the seats taken, so confirmed seats never exceed the tour's
//! capacity whatever the order or timing; a group that does not fit whole waits. Freed
//! seats go to the earliest waiting group that fits whole; every change is an event.

pub mod code;
pub mod roster;
pub mod waits;

use crate::stored::stored_enum;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{GroupId, RegistrationId, TourId};
use crate::persian::digits::to_persian;
use crate::store;
use crate::tour::{self, itinerary};

stored_enum! {
    /// Where a registration stands; every change is an event.
    pub enum State {
        Requested = "requested",
        Confirmed = "confirmed",
        Waitlisted = "waitlisted",
        Attended = "attended",
        NoShow = "no_show",
        Cancelled = "cancelled",
    }
}

impl State {
    /// States that hold seats on the tour.
    pub fn holds_seats(self) -> bool {
        matches!(self, State::Confirmed | State::Attended | State::NoShow)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub id: RegistrationId,
    pub group: GroupId,
    pub tour: TourId,
    pub seats: u32,
    pub state: State,
    pub queue: f64,
    pub override_reason: String,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Registration> {
    let state: String = r.get(4)?;
    Ok(Registration {
        id: r.get(0)?,
        group: r.get(1)?,
        tour: r.get(2)?,
        seats: r.get(3)?,
        state: State::parse(&state).unwrap_or(State::Cancelled),
        queue: r.get(5)?,
        override_reason: r.get(6)?,
    })
}

const COLUMNS: &str = "id, group_id, tour_id, seats, state, queue, override_reason";

pub fn get(conn: &Connection, id: RegistrationId) -> Result<Registration> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM registrations WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "registration",
        id: id.to_string(),
    })
}

/// A tour's registrations: confirmed first, then the waiting list in order.
pub fn of_tour(conn: &Connection, tour: TourId) -> Result<Vec<Registration>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM registrations WHERE tour_id = ?1
         ORDER BY CASE state WHEN 'waitlisted' THEN 1 WHEN 'cancelled' THEN 2 ELSE 0 END, queue, id"
    ))?;
    let rows = st.query_map([tour], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The group's registration on the tour that is still active (requested, confirmed or
/// waiting), if any: a group is on a tour at most once.
pub fn active_on(
    conn: &Connection,
    group: GroupId,
    tour: TourId,
) -> Result<Option<RegistrationId>> {
    Ok(conn
        .query_row(
            "SELECT id FROM registrations WHERE group_id = ?1 AND tour_id = ?2
             AND state IN ('confirmed','waitlisted','requested')",
            params![group, tour],
            |r| r.get(0),
        )
        .optional()?)
}

/// Seats held on a tour (confirmed, attended or no-show).
pub fn taken(conn: &Connection, tour: TourId) -> Result<u32> {
    let n: i64 = conn.query_row(
        "SELECT coalesce(sum(seats), 0) FROM registrations
         WHERE tour_id = ?1 AND state IN ('confirmed', 'attended', 'no_show')",
        [tour],
        |r| r.get(0),
    )?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The tour's capacity: the smaller of its vehicles' seats and its stops' limits.
pub fn capacity(conn: &Connection, tour: TourId) -> Result<u32> {
    Ok(itinerary::schedule(conn, tour)?.capacity.seats)
}

/// Record an event of a registration (and its audit entry).
pub(crate) fn event(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    id: RegistrationId,
    from: Option<State>,
    to: State,
    seats: u32,
    reason: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO registration_events (registration_id, at, actor, from_state, to_state, seats, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, stamp.at.to_rfc3339(), stamp.actor, from.map(State::as_str), to.as_str(), seats, reason],
    )?;
    audit::record(
        tx,
        stamp,
        "registration.state",
        "registration",
        Some(&id.to_string()),
        &format!(
            "{} → {} ({seats} seats){}",
            from.map_or("new", State::as_str),
            to.as_str(),
            if reason.is_empty() {
                String::new()
            } else {
                format!(": {reason}")
            }
        ),
    )?;
    Ok(())
}

/// Change a registration's state, with its event.
pub(crate) fn set_state(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    r: &Registration,
    to: State,
    reason: &str,
) -> Result<()> {
    tx.execute(
        "UPDATE registrations SET state = ?2 WHERE id = ?1",
        params![r.id, to.as_str()],
    )?;
    event(tx, stamp, r.id, Some(r.state), to, r.seats, reason)
}

/// Confirm waiting groups, earliest first, each only if it fits whole: the tour's own
/// waiting list and the groups waiting for any tour on its date, in one first-come order.
/// Returns the registrations confirmed.
pub(crate) fn promote(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    tour: TourId,
) -> Result<Vec<RegistrationId>> {
    let cap = capacity(tx, tour)?;
    let mut free = cap.saturating_sub(taken(tx, tour)?);
    let mut moved = Vec::new();
    if free == 0 {
        return Ok(moved);
    }
    enum Waiting {
        Here(Registration),
        Dates(waits::DateWait),
    }
    let mut queue: Vec<(f64, Waiting)> = of_tour(tx, tour)?
        .into_iter()
        .filter(|r| r.state == State::Waitlisted)
        .map(|r| (r.queue, Waiting::Here(r)))
        .collect();
    let t = tour::get(tx, tour)?;
    if matches!(t.status, tour::Status::Open | tour::Status::Full) {
        queue.extend(
            waits::covering(tx, t.date)?
                .into_iter()
                .map(|w| (w.queue, Waiting::Dates(w))),
        );
    }
    queue.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (_, w) in queue {
        match w {
            Waiting::Here(r) if r.seats <= free => {
                set_state(
                    tx,
                    stamp,
                    &r,
                    State::Confirmed,
                    "seats freed: earliest waiting group that fits",
                )?;
                free -= r.seats;
                moved.push(r.id);
            }
            Waiting::Dates(w) if w.seats <= free => {
                if let Some(r) = waits::try_place(tx, stamp, &w, tour)? {
                    free -= r.seats;
                    moved.push(r.id);
                }
            }
            _ => {}
        }
    }
    Ok(moved)
}

/// The next place in the one first-come order shared by every waiting list.
pub(crate) fn next_queue(tx: &Connection) -> Result<f64> {
    Ok(tx.query_row(
        "SELECT max(coalesce((SELECT max(queue) FROM registrations), 0),
                    coalesce((SELECT max(queue) FROM date_waits), 0)) + 1",
        [],
        |r| r.get(0),
    )?)
}

/// Seats freed on a tour by a change elsewhere (a bigger bus, a changed itinerary):
/// promote from its waiting list.
pub fn seats_changed(
    conn: &mut Connection,
    stamp: &Stamp,
    tour: TourId,
) -> Result<Vec<RegistrationId>> {
    store::write(conn, |tx| promote(tx, stamp, tour))
}

/// A group's members changed to `members` people: its active registrations and waits
/// follow. Fewer people free seats (promoting from the waiting list); more people on a
/// confirmed registration must still fit, else the change is refused with the seats left.
pub(crate) fn members_changed(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    group: GroupId,
    members: u32,
) -> Result<()> {
    let active: Vec<Registration> = {
        let mut st = tx.prepare(&format!(
            "SELECT {COLUMNS} FROM registrations WHERE group_id = ?1 AND state IN ('confirmed','waitlisted')"
        ))?;
        let rows = st.query_map([group], from_row)?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for r in active.into_iter().filter(|r| r.seats != members) {
        if r.state == State::Confirmed && members > r.seats {
            let free = capacity(tx, r.tour)?.saturating_sub(taken(tx, r.tour)?);
            if members - r.seats > free {
                return Err(Error::conflict(
                    format!(
                        "تور {} فقط {} صندلی خالی دارد و {} عضو تازه جا نمی‌شوند؛ آن‌ها را گروه جدا ثبت کنید یا گروه را جابه‌جا کنید",
                        to_persian(&r.tour.to_string()),
                        to_persian(&free.to_string()),
                        to_persian(&(members - r.seats).to_string())
                    ),
                    format!(
                        "tour {} has {free} free seats, not enough for {} new members; register them as another group or move the group",
                        r.tour,
                        members - r.seats
                    ),
                ));
            }
        }
        tx.execute(
            "UPDATE registrations SET seats = ?2 WHERE id = ?1",
            params![r.id, members],
        )?;
        event(
            tx,
            stamp,
            r.id,
            Some(r.state),
            r.state,
            members,
            "the group's members changed",
        )?;
        promote(tx, stamp, r.tour)?;
    }
    tx.execute(
        "UPDATE date_waits SET seats = ?2 WHERE group_id = ?1 AND state = 'waiting'",
        params![group, members],
    )?;
    Ok(())
}

/// What a registration or cancellation did.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub registration: Registration,
    /// Waiting groups confirmed as a result.
    pub promoted: Vec<RegistrationId>,
}

pub(crate) fn group_size(conn: &Connection, group: GroupId) -> Result<u32> {
    crate::group::get(conn, group)?;
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM members WHERE group_id = ?1",
        [group],
        |r| r.get(0),
    )?;
    Ok(u32::try_from(n).unwrap_or(0))
}

pub(crate) fn place(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    group: GroupId,
    tour: TourId,
    seats: u32,
) -> Result<Registration> {
    let t = tour::get(tx, tour)?;
    if !matches!(t.status, tour::Status::Open | tour::Status::Full) {
        return Err(Error::conflict(
            "این تور برای ثبت‌نام باز نیست",
            format!(
                "the tour is {}, not open for registration",
                t.status.as_str()
            ),
        ));
    }
    if let Some(id) = active_on(tx, group, tour)? {
        return Err(Error::conflict(
            format!(
                "این گروه از پیش روی این تور است (ثبت‌نام {})",
                to_persian(&id.to_string())
            ),
            format!("the group is already on this tour (registration {id})"),
        ));
    }
    // Re-read inside the write lock: nobody else can confirm between this read and the write.
    let fits = taken(tx, tour)? + seats <= capacity(tx, tour)?;
    let queue = next_queue(tx)?;
    let state = if fits {
        State::Confirmed
    } else {
        State::Waitlisted
    };
    tx.execute(
        "INSERT INTO registrations (group_id, tour_id, seats, state, queue, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![group, tour, seats, state.as_str(), queue, stamp.at.to_rfc3339()],
    )?;
    let id = RegistrationId(tx.last_insert_rowid());
    event(
        tx,
        stamp,
        id,
        Some(State::Requested),
        state,
        seats,
        if fits {
            ""
        } else {
            "the group does not fit whole"
        },
    )?;
    get(tx, id)
}

/// A member who fails a rule of the tour, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ineligible {
    pub member: crate::ids::MemberId,
    pub member_name: String,
    pub why: crate::error::Explanation,
}

/// Every member checked against every stop of the tour: minimum age on the tour date
/// (from the Solar Hijri birth year), step-free access, and one seat per programme (the
/// same national ID already confirmed on another tour).
pub fn eligibility(conn: &Connection, group: GroupId, tour_id: TourId) -> Result<Vec<Ineligible>> {
    use crate::error::Explanation;
    let g = crate::group::get(conn, group)?;
    let t = tour::get(conn, tour_id)?;
    let year = crate::persian::JalaliDate::from_gregorian(t.date)?.year();
    let sites: Vec<crate::site::Site> = itinerary::stops(conn, tour_id)?
        .iter()
        .map(|s| crate::site::get_site(conn, s.site))
        .collect::<Result<_>>()?;
    let fa = |n: i64| to_persian(&n.to_string());
    let mut out = Vec::new();
    for m in &g.members {
        let mut push = |fa_text: String, en_text: String| {
            out.push(Ineligible {
                member: m.id,
                member_name: m.full_name.clone(),
                why: Explanation::new(fa_text, en_text),
            })
        };
        for s in &sites {
            let min = i64::from(s.input.rules.min_age);
            if min > 0 {
                match m.birth_year {
                    None => push(
                        format!(
                            "سال تولد نامعلوم است و «{}» حداقل {} سال می‌خواهد",
                            s.input.name_fa,
                            fa(min)
                        ),
                        format!(
                            "the birth year is unknown and “{}” asks for at least {min} years",
                            s.input.name_fa
                        ),
                    ),
                    Some(b) => {
                        let age = i64::from(year - b);
                        if age < min {
                            push(
                                format!(
                                    "در روز تور {} ساله است؛ «{}» حداقل {} سال می‌خواهد",
                                    fa(age),
                                    s.input.name_fa,
                                    fa(min)
                                ),
                                format!(
                                    "is {age} on the tour date; “{}” asks for at least {min}",
                                    s.input.name_fa
                                ),
                            );
                        } else if age == min {
                            push(
                                format!("ممکن است در روز تور هنوز {} ساله نشده باشد («{}»)؛ تاریخ تولد را بپرسید", fa(min), s.input.name_fa),
                                format!("may not be {min} yet on the tour date (“{}”); ask the birth date", s.input.name_fa),
                            );
                        }
                    }
                }
            }
            if m.step_free && !s.input.rules.step_free {
                push(
                    format!("به مسیر بدون پله نیاز دارد اما «{}» ندارد", s.input.name_fa),
                    format!(
                        "needs step-free access, which “{}” does not have",
                        s.input.name_fa
                    ),
                );
            }
        }
        if let Some(nid) = &m.national_id {
            let other: Option<(i64, String)> = conn
                .query_row(
                    "SELECT r.tour_id, g.name FROM members x JOIN registrations r ON r.group_id = x.group_id
                     JOIN groups g ON g.id = x.group_id
                     WHERE x.national_id = ?1 AND r.state IN ('confirmed','attended') AND r.tour_id <> ?2 LIMIT 1",
                    params![nid, tour_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((other_tour, gname)) = other {
                push(
                    format!("همین کد ملی با گروه «{gname}» روی تور {} تأیید شده است", fa(other_tour)),
                    format!("the same national ID is confirmed with the group “{gname}” on tour {other_tour}"),
                );
            }
        }
    }
    Ok(out)
}

/// Put a group on a tour with all its members' seats: confirmed if it fits whole, else
/// on the waiting list. Never split. Members failing the tour's rules (see
/// `eligibility`) are refused unless `override_reason` says why they go anyway.
pub fn register(
    conn: &mut Connection,
    stamp: &Stamp,
    group: GroupId,
    tour: TourId,
    override_reason: &str,
) -> Result<Registration> {
    store::write(conn, |tx| {
        register_in(tx, stamp, group, tour, override_reason)
    })
}

/// `register` inside a transaction the caller holds.
pub(crate) fn register_in(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    group: GroupId,
    tour: TourId,
    override_reason: &str,
) -> Result<Registration> {
    {
        let seats = group_size(tx, group)?;
        if seats == 0 {
            return Err(Error::invalid(
                "members",
                "گروه هیچ عضوی ندارد",
                "the group has no members",
            ));
        }
        let failing = eligibility(tx, group, tour)?;
        let reason = override_reason.trim();
        if let Some(first) = failing.first() {
            if reason.is_empty() {
                return Err(Error::conflict(
                    format!(
                        "{}: {} (و {} مورد دیگر)؛ برای ثبت با این وجود دلیل بنویسید",
                        first.member_name,
                        first.why.fa,
                        to_persian(&(failing.len() - 1).to_string())
                    ),
                    format!(
                        "{}: {} ({} more); write a reason to register anyway",
                        first.member_name,
                        first.why.en,
                        failing.len() - 1
                    ),
                ));
            }
        }
        let r = place(tx, stamp, group, tour, seats)?;
        if !failing.is_empty() {
            tx.execute(
                "UPDATE registrations SET override_reason = ?2 WHERE id = ?1",
                params![r.id, reason],
            )?;
            audit::record(
                tx,
                stamp,
                "registration.override",
                "registration",
                Some(&r.id.to_string()),
                reason,
            )?;
        }
        get(tx, r.id)
    }
}

/// Cancel a registration; freed seats go to the waiting list.
pub fn cancel(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RegistrationId,
    reason: &str,
) -> Result<Outcome> {
    store::write(conn, |tx| {
        let r = get(tx, id)?;
        if !matches!(
            r.state,
            State::Confirmed | State::Waitlisted | State::Requested
        ) {
            return Err(Error::conflict(
                "این ثبت‌نام دیگر لغوشدنی نیست",
                format!(
                    "a registration that is {} cannot be cancelled",
                    r.state.as_str()
                ),
            ));
        }
        set_state(tx, stamp, &r, State::Cancelled, reason)?;
        let promoted = promote(tx, stamp, r.tour)?;
        Ok(Outcome {
            registration: get(tx, id)?,
            promoted,
        })
    })
}

/// Release some seats of a registration (some members will not come).
pub fn release_seats(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RegistrationId,
    release: u32,
    reason: &str,
) -> Result<Outcome> {
    store::write(conn, |tx| {
        let r = get(tx, id)?;
        if release == 0 || release >= r.seats {
            return Err(Error::invalid(
                "seats",
                "برای لغو همه‌ی صندلی‌ها، کل ثبت‌نام را لغو کنید",
                "release fewer seats than the registration holds, or cancel it whole",
            ));
        }
        if !matches!(r.state, State::Confirmed | State::Waitlisted) {
            return Err(Error::conflict(
                "این ثبت‌نام تغییرپذیر نیست",
                format!("a registration that is {} cannot change", r.state.as_str()),
            ));
        }
        let seats = r.seats - release;
        tx.execute(
            "UPDATE registrations SET seats = ?2 WHERE id = ?1",
            params![id, seats],
        )?;
        event(tx, stamp, id, Some(r.state), r.state, seats, reason)?;
        let promoted = promote(tx, stamp, r.tour)?;
        Ok(Outcome {
            registration: get(tx, id)?,
            promoted,
        })
    })
}

/// Move a group to another tour: cancelled here (promoting from this waiting list), then
/// confirmed or waitlisted there, in one transaction.
pub fn move_to(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RegistrationId,
    to: TourId,
    reason: &str,
) -> Result<Outcome> {
    store::write(conn, |tx| {
        let r = get(tx, id)?;
        if !matches!(r.state, State::Confirmed | State::Waitlisted) {
            return Err(Error::conflict(
                "این ثبت‌نام جابه‌جاشدنی نیست",
                format!("a registration that is {} cannot move", r.state.as_str()),
            ));
        }
        if r.tour == to {
            return Err(Error::invalid(
                "tour",
                "گروه همین حالا روی این تور است",
                "the group is already on that tour",
            ));
        }
        set_state(
            tx,
            stamp,
            &r,
            State::Cancelled,
            &format!("moved to tour {to}: {reason}"),
        )?;
        let promoted = promote(tx, stamp, r.tour)?;
        let new = place(tx, stamp, r.group, to, r.seats)?;
        Ok(Outcome {
            registration: new,
            promoted,
        })
    })
}

/// Put a waiting group right before another in the waiting list (or last), with a reason.
pub fn reorder(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RegistrationId,
    before: Option<RegistrationId>,
    reason: &str,
) -> Result<()> {
    if reason.trim().is_empty() {
        return Err(Error::invalid(
            "reason",
            "دلیل جابه‌جایی در فهرست انتظار را بنویسید",
            "write why the waiting list is reordered",
        ));
    }
    store::write(conn, |tx| {
        let r = get(tx, id)?;
        if r.state != State::Waitlisted {
            return Err(Error::conflict(
                "فقط گروه‌های در انتظار جابه‌جا می‌شوند",
                "only waiting groups can be reordered",
            ));
        }
        let waiting: Vec<Registration> = of_tour(tx, r.tour)?
            .into_iter()
            .filter(|x| x.state == State::Waitlisted && x.id != id)
            .collect();
        let queue = match before {
            None => waiting.last().map_or(r.queue, |l| l.queue + 1.0),
            Some(b) => {
                let i = waiting
                    .iter()
                    .position(|x| x.id == b)
                    .ok_or_else(|| Error::NotFound {
                        what: "registration",
                        id: b.to_string(),
                    })?;
                let prev = if i == 0 {
                    waiting[0].queue - 1.0
                } else {
                    waiting[i - 1].queue
                };
                (prev + waiting[i].queue) / 2.0
            }
        };
        tx.execute(
            "UPDATE registrations SET queue = ?2 WHERE id = ?1",
            params![id, queue],
        )?;
        event(
            tx,
            stamp,
            id,
            Some(r.state),
            r.state,
            r.seats,
            &format!("waiting list reordered: {}", reason.trim()),
        )?;
        // Order changes who fits first only when seats are free; promote to keep the rule.
        promote(tx, stamp, r.tour)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests;
