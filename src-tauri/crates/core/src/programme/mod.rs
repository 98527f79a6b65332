//! The programme: the 80-day campaign, its running days, departure times, holidays, and
//! the generation of departures (tours) from that pattern; the calendar view's data.

pub mod holidays;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{ProgrammeId, SiteId};
use crate::persian::digits::to_persian;
use crate::persian::{JalaliDate, Weekday};
use crate::settings;
use crate::store;
use crate::time_of_day::TimeOfDay;
use crate::tour::{self, Tour};

pub use holidays::Holiday;

pub const DEFAULT_LENGTH_DAYS: u32 = 80;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeInput {
    pub title: String,
    pub starts: NaiveDate,
    pub length_days: u32,
    /// Weekdays that run tours (weekend days from the settings never do).
    pub run_days: BTreeSet<Weekday>,
    pub departures: Vec<TimeOfDay>,
    pub default_seats: u32,
    pub meeting_point: String,
    /// Tours must be back by this time.
    pub day_ends: TimeOfDay,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub id: ProgrammeId,
    pub input: ProgrammeInput,
    pub demo: bool,
}

impl Programme {
    /// The last day of the programme.
    pub fn ends(&self) -> NaiveDate {
        self.input.starts + Duration::days(i64::from(self.input.length_days.max(1)) - 1)
    }

    /// "Day N of 80": `Some(N)` inside the programme, counted from 1.
    pub fn day_number(&self, date: NaiveDate) -> Option<u32> {
        let n = (date - self.input.starts).num_days();
        (0..i64::from(self.input.length_days))
            .contains(&n)
            .then(|| n as u32 + 1)
    }
}

impl ProgrammeInput {
    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_string();
        if self.title.is_empty() {
            return Err(Error::invalid(
                "title",
                "عنوان برنامه لازم است",
                "the programme needs a title",
            ));
        }
        if self.title.chars().count() > 200 {
            return Err(Error::invalid(
                "title",
                "عنوان برنامه حداکثر ۲۰۰ نویسه است",
                "the title is at most 200 characters",
            ));
        }
        if !(1..=366).contains(&self.length_days) {
            return Err(Error::invalid(
                "lengthDays",
                format!(
                    "طول برنامه بین ۱ و ۳۶۶ روز است، نه {}",
                    to_persian(&self.length_days.to_string())
                ),
                format!("a programme lasts 1 to 366 days, not {}", self.length_days),
            ));
        }
        if self.run_days.is_empty() {
            return Err(Error::invalid(
                "runDays",
                "دست‌کم یک روز هفته باید تور داشته باشد",
                "at least one weekday must run tours",
            ));
        }
        let mut seen = HashSet::new();
        self.departures.retain(|t| seen.insert(*t));
        self.departures.sort();
        if self.departures.is_empty() {
            return Err(Error::invalid(
                "departures",
                "دست‌کم یک ساعت حرکت لازم است",
                "at least one departure time is needed",
            ));
        }
        if self.departures.len() > 12 {
            return Err(Error::invalid(
                "departures",
                "حداکثر ۱۲ ساعت حرکت در روز",
                "at most 12 departures a day",
            ));
        }
        if let Some(last) = self.departures.iter().find(|t| **t >= self.day_ends) {
            return Err(Error::invalid(
                "departures",
                format!(
                    "ساعت حرکت {} پس از پایان روز ({}) است",
                    last.format(true),
                    self.day_ends.format(true)
                ),
                format!(
                    "the departure at {last} is after the end of the day ({})",
                    self.day_ends
                ),
            ));
        }
        if !(1..=200).contains(&self.default_seats) {
            return Err(Error::invalid(
                "defaultSeats",
                "ظرفیت اتوبوس بین ۱ و ۲۰۰ صندلی است",
                "a bus has 1 to 200 seats",
            ));
        }
        self.meeting_point = self.meeting_point.trim().to_string();
        if self.meeting_point.chars().count() > 300 {
            return Err(Error::invalid(
                "meetingPoint",
                "محل قرار حداکثر ۳۰۰ نویسه است",
                "the meeting point is at most 300 characters",
            ));
        }
        Ok(self)
    }
}

fn join_days(d: &BTreeSet<Weekday>) -> String {
    d.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(",")
}
fn join_times(t: &[TimeOfDay]) -> String {
    t.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The current programme (the most recently created), if any.
pub fn current(conn: &Connection) -> Result<Option<Programme>> {
    let row = conn
        .query_row(
            "SELECT id, title, starts, length_days, run_days, departures, default_seats,
                    meeting_point, day_ends, demo
             FROM programmes ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok((
                    r.get::<_, ProgrammeId>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, u32>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, u32>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, u32>(8)?,
                    r.get::<_, bool>(9)?,
                ))
            },
        )
        .optional()?;
    let Some((
        id,
        title,
        starts,
        length_days,
        run_days,
        departures,
        default_seats,
        meeting_point,
        day_ends,
        demo,
    )) = row
    else {
        return Ok(None);
    };
    Ok(Some(Programme {
        id,
        demo,
        input: ProgrammeInput {
            title,
            starts: NaiveDate::parse_from_str(&starts, "%Y-%m-%d")
                .map_err(|_| Error::Internal(format!("stored programme start {starts}")))?,
            length_days,
            run_days: run_days.split(',').filter_map(Weekday::parse).collect(),
            departures: departures
                .split(',')
                .filter(|s| !s.is_empty())
                .map(TimeOfDay::parse)
                .collect::<Result<_>>()?,
            default_seats,
            meeting_point,
            day_ends: TimeOfDay::from_minutes(day_ends)?,
        },
    }))
}

pub(crate) fn insert(conn: &Connection, p: &ProgrammeInput, demo: bool) -> Result<ProgrammeId> {
    conn.execute(
        "INSERT INTO programmes (title, starts, length_days, run_days, departures, default_seats,
             meeting_point, day_ends, demo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            p.title,
            p.starts.to_string(),
            p.length_days,
            join_days(&p.run_days),
            join_times(&p.departures),
            p.default_seats,
            p.meeting_point,
            p.day_ends.minutes(),
            demo
        ],
    )?;
    Ok(ProgrammeId(conn.last_insert_rowid()))
}

/// Create the programme, or change the current one. Departures are not touched: the
/// coordinator previews and applies them with `plan_departures` / `apply_plan`.
pub fn save(conn: &mut Connection, stamp: &Stamp, input: ProgrammeInput) -> Result<Programme> {
    let input = input.validated()?;
    store::write(conn, |tx| {
        let id = match current(tx)? {
            None => insert(tx, &input, false)?,
            Some(p) => {
                tx.execute(
                    "UPDATE programmes SET title = ?2, starts = ?3, length_days = ?4, run_days = ?5,
                        departures = ?6, default_seats = ?7, meeting_point = ?8, day_ends = ?9
                     WHERE id = ?1",
                    params![
                        p.id,
                        input.title,
                        input.starts.to_string(),
                        input.length_days,
                        join_days(&input.run_days),
                        join_times(&input.departures),
                        input.default_seats,
                        input.meeting_point,
                        input.day_ends.minutes()
                    ],
                )?;
                p.id
            }
        };
        audit::record(
            tx,
            stamp,
            "programme.save",
            "programme",
            Some(&id.to_string()),
            &input.title,
        )?;
        current(tx)?.ok_or_else(|| Error::Internal("the programme vanished".into()))
    })
}

/// One departure the pattern asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slot {
    pub date: NaiveDate,
    pub departure: TimeOfDay,
}

/// Why a day of the programme runs no tours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayOff {
    Weekend,
    NotARunningDay,
    Holiday(String),
}

/// The slots the programme's pattern asks for: every departure time on every running
/// day, skipping weekend days (from the settings) and holidays.
pub fn slots(p: &Programme, weekend: &BTreeSet<Weekday>, holidays: &[Holiday]) -> Vec<Slot> {
    let off: HashSet<NaiveDate> = holidays.iter().map(|h| h.date).collect();
    let mut out = Vec::new();
    for n in 0..i64::from(p.input.length_days) {
        let date = p.input.starts + Duration::days(n);
        let wd = Weekday::of(date);
        if weekend.contains(&wd) || !p.input.run_days.contains(&wd) || off.contains(&date) {
            continue;
        }
        out.extend(
            p.input
                .departures
                .iter()
                .map(|&departure| Slot { date, departure }),
        );
    }
    out
}

/// What regenerating departures would do, shown before it is done.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub add: Vec<Slot>,
    /// Draft tours the pattern no longer asks for: removed on apply.
    pub remove: Vec<Tour>,
    /// Tours the pattern no longer asks for but which may hold registrations (any status
    /// but draft): never removed; the coordinator moves or cancels them by hand.
    pub keep: Vec<Tour>,
    pub unchanged: usize,
}

/// Compare the pattern with the tours that exist.
pub fn plan_departures(conn: &Connection) -> Result<Plan> {
    let p = current(conn)?.ok_or_else(|| Error::NotFound {
        what: "programme",
        id: "current".into(),
    })?;
    let weekend = settings::load(conn)?.weekend_days;
    let wanted: BTreeSet<Slot> = slots(&p, &weekend, &holidays::list(conn)?)
        .into_iter()
        .collect();
    let existing = tour::of_programme(conn, p.id)?;
    let have: BTreeSet<Slot> = existing
        .iter()
        .map(|t| Slot {
            date: t.date,
            departure: t.departure,
        })
        .collect();
    let mut plan = Plan {
        add: wanted.difference(&have).copied().collect(),
        ..Plan::default()
    };
    for t in existing {
        if wanted.contains(&Slot {
            date: t.date,
            departure: t.departure,
        }) {
            plan.unchanged += 1;
        } else if t.status.may_hold_registrations() {
            plan.keep.push(t);
        } else {
            plan.remove.push(t);
        }
    }
    Ok(plan)
}

impl Plan {
    /// A short fingerprint of the plan: what the coordinator saw in the preview is what
    /// `apply_plan` checks against.
    pub fn fingerprint(&self) -> String {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        self.add.hash(&mut h);
        for t in self.remove.iter().chain(&self.keep) {
            (t.id.get(), t.date, t.departure, t.status.as_str()).hash(&mut h);
        }
        self.remove.len().hash(&mut h);
        self.unchanged.hash(&mut h);
        format!("{:016x}", h.finish())
    }
}

/// What applying a plan did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub added: usize,
    pub removed: usize,
    pub kept: usize,
}

/// Recompute the plan inside one write transaction and apply it: add the missing slots,
/// remove draft tours no longer wanted, keep every tour that may hold registrations.
/// `expected` is the fingerprint of the plan the coordinator saw; if the database changed
/// since, nothing is done and the new plan must be reviewed.
pub fn apply_plan(conn: &mut Connection, stamp: &Stamp, expected: &str) -> Result<Applied> {
    store::write(conn, |tx| {
        let plan = plan_departures(tx)?;
        if plan.fingerprint() != expected {
            return Err(Error::conflict(
                "برنامه از زمان پیش‌نمایش تغییر کرده است؛ پیش‌نمایش را دوباره ببینید",
                "the departures changed since the preview; review the new preview",
            ));
        }
        let p = current(tx)?.ok_or_else(|| Error::NotFound {
            what: "programme",
            id: "current".into(),
        })?;
        for s in &plan.add {
            tour::insert(
                tx,
                p.id,
                s.date,
                s.departure,
                &p.input.meeting_point,
                p.input.default_seats,
            )?;
        }
        for t in &plan.remove {
            // Re-checked here: only a draft is ever deleted.
            tx.execute(
                "DELETE FROM tours WHERE id = ?1 AND status = 'draft'",
                [t.id],
            )?;
        }
        let applied = Applied {
            added: plan.add.len(),
            removed: plan.remove.len(),
            kept: plan.keep.len(),
        };
        audit::record(
            tx,
            stamp,
            "programme.departures",
            "programme",
            Some(&p.id.to_string()),
            &format!(
                "added {}, removed {}, kept {}",
                applied.added, applied.removed, applied.kept
            ),
        )?;
        Ok(applied)
    })
}

/// A site closed on a calendar day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedSite {
    pub site: SiteId,
    pub name_fa: String,
    pub reason: String,
}

/// One day of the calendar view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub jalali: JalaliDate,
    pub weekday: Weekday,
    /// "Day N" of the programme, when inside it.
    pub programme_day: Option<u32>,
    pub off: Option<DayOff>,
    pub holiday: Option<Holiday>,
    pub closures: Vec<ClosedSite>,
    pub tours: Vec<CalendarTour>,
}

/// A departure as the calendar shows it: with its capacity and whether it is feasible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarTour {
    pub tour: Tour,
    /// The smaller of the vehicles' seats and the smallest "max visitors at once" of its stops.
    pub capacity: u32,
    pub feasible: bool,
}

/// Every day of a Solar Hijri month with its programme day, holiday, closures and tours.
pub fn calendar_month(conn: &Connection, year: i32, month: u8) -> Result<Vec<CalendarDay>> {
    let first = JalaliDate::new(year, month, 1)?;
    let days = crate::persian::calendar::days_in_month(year, month);
    let from = first.to_gregorian();
    let to = from + Duration::days(i64::from(days) - 1);
    let programme = current(conn)?;
    let weekend = settings::load(conn)?.weekend_days;
    let holidays: BTreeMap<NaiveDate, Holiday> = holidays::list(conn)?
        .into_iter()
        .filter(|h| h.date >= from && h.date <= to)
        .map(|h| (h.date, h))
        .collect();
    let closures = crate::site::closures_between(conn, from, to)?;
    let names: BTreeMap<SiteId, String> = {
        let mut st = conn.prepare("SELECT id, name_fa FROM sites")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut tours: BTreeMap<NaiveDate, Vec<CalendarTour>> = BTreeMap::new();
    for t in tour::between(conn, from, to)? {
        let s = tour::itinerary::schedule(conn, t.id)?;
        tours.entry(t.date).or_default().push(CalendarTour {
            capacity: s.capacity.seats,
            feasible: s.is_feasible(),
            tour: t,
        });
    }
    let mut out = Vec::with_capacity(usize::from(days));
    for n in 0..i64::from(days) {
        let date = from + Duration::days(n);
        let wd = Weekday::of(date);
        let holiday = holidays.get(&date).cloned();
        let programme_day = programme.as_ref().and_then(|p| p.day_number(date));
        let off = if weekend.contains(&wd) {
            Some(DayOff::Weekend)
        } else if let Some(h) = &holiday {
            Some(DayOff::Holiday(h.name_fa.clone()))
        } else if programme_day.is_some()
            && !programme
                .as_ref()
                .is_some_and(|p| p.input.run_days.contains(&wd))
        {
            Some(DayOff::NotARunningDay)
        } else {
            None
        };
        out.push(CalendarDay {
            date,
            jalali: first.add_days(n)?,
            weekday: wd,
            programme_day,
            off,
            holiday,
            closures: closures
                .iter()
                .filter(|c| c.starts <= date && date <= c.ends)
                .map(|c| ClosedSite {
                    site: c.site,
                    name_fa: names.get(&c.site).cloned().unwrap_or_default(),
                    reason: c.reason.clone(),
                })
                .collect(),
            tours: tours.remove(&date).unwrap_or_default(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
