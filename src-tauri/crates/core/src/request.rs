//! Citizen requests: what citizens raise on a tour, referred to a department, answered,
//! and reported back. The municipality promises an answer within three months: the due
//! date is the day raised plus three Solar Hijri months (clamped to the month's end, so
//! 30 Azar 1405 is due 29 Esfand 1405); a request not answered by then is overdue.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{RequestId, SiteId, TourId};
use crate::persian::{normalize_fa, JalaliDate};
use crate::store;
use crate::stored::stored_enum;

stored_enum! {
    /// What a request is about.
    pub enum Category {
        Lighting = "lighting",
        Roads = "roads",
        Transport = "transport",
        Cleanliness = "cleanliness",
        Projects = "projects",
        Other = "other",
    }
}

stored_enum! {
    /// Where a request stands.
    pub enum Status {
        Open = "open",
        Referred = "referred",
        Answered = "answered",
        Reported = "reported",
    }
}

impl Status {
    /// Still owed an answer.
    pub fn awaits_answer(self) -> bool {
        matches!(self, Status::Open | Status::Referred)
    }
}

pub const MAX_TEXT_CHARS: usize = 4_000;
pub const MAX_SHORT_CHARS: usize = 200;
/// The promise: an answer within this many Solar Hijri months.
pub const PROMISE_MONTHS: i32 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestInput {
    pub tour: Option<TourId>,
    pub site: Option<SiteId>,
    /// 1–15; taken from the site when empty.
    pub district: Option<u8>,
    pub category: Category,
    pub text: String,
    pub raised_by: String,
    pub contact: String,
    pub raised_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: RequestId,
    pub input: RequestInput,
    pub due_on: NaiveDate,
    pub status: Status,
    pub department: String,
    pub referred_on: Option<NaiveDate>,
    pub answer: String,
    pub answered_on: Option<NaiveDate>,
    pub reported_on: Option<NaiveDate>,
}

impl Request {
    /// Not answered and past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.awaits_answer() && today > self.due_on
    }
}

/// Raised on `raised`: due three Solar Hijri months later, clamped to the month's end.
pub fn due_date(raised: NaiveDate) -> Result<NaiveDate> {
    Ok(JalaliDate::from_gregorian(raised)?
        .add_months(PROMISE_MONTHS)?
        .to_gregorian())
}

fn too_long(field: &'static str, max: usize) -> Error {
    Error::invalid(
        field,
        format!(
            "متن بیش از {} نویسه است",
            crate::persian::digits::to_persian(&max.to_string())
        ),
        format!("longer than {max} characters"),
    )
}

fn validated(conn: &Connection, mut input: RequestInput) -> Result<RequestInput> {
    input.text = input.text.trim().to_string();
    input.raised_by = input.raised_by.trim().to_string();
    input.contact = input.contact.trim().to_string();
    if input.text.is_empty() {
        return Err(Error::invalid(
            "text",
            "متن درخواست لازم است",
            "the request needs its text",
        ));
    }
    if input.text.chars().count() > MAX_TEXT_CHARS {
        return Err(too_long("text", MAX_TEXT_CHARS));
    }
    for (field, v) in [("raisedBy", &input.raised_by), ("contact", &input.contact)] {
        if v.chars().count() > MAX_SHORT_CHARS {
            return Err(too_long(field, MAX_SHORT_CHARS));
        }
    }
    if let Some(d) = input.district {
        if !(1..=15).contains(&d) {
            return Err(Error::invalid(
                "district",
                "منطقه باید از ۱ تا ۱۵ باشد",
                "the district must be 1 to 15",
            ));
        }
    }
    if let Some(t) = input.tour {
        crate::tour::get(conn, t)?;
    }
    if let Some(s) = input.site {
        let site = crate::site::get_site(conn, s)?;
        if input.district.is_none() {
            input.district = Some(site.input.district);
        }
    }
    Ok(input)
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

const COLUMNS: &str =
    "id, tour_id, site_id, district, category, text, raised_by, contact, raised_on, due_on,
     status, department, referred_on, answer, answered_on, reported_on";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Request> {
    let category: String = r.get(4)?;
    let status: String = r.get(10)?;
    let raised: String = r.get(8)?;
    let due: String = r.get(9)?;
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    Ok(Request {
        id: r.get(0)?,
        input: RequestInput {
            tour: r.get(1)?,
            site: r.get(2)?,
            district: r.get(3)?,
            category: Category::parse(&category).unwrap_or(Category::Other),
            text: r.get(5)?,
            raised_by: r.get(6)?,
            contact: r.get(7)?,
            raised_on: day(&raised),
        },
        due_on: day(&due),
        status: Status::parse(&status).unwrap_or(Status::Open),
        department: r.get(11)?,
        referred_on: date(r.get(12)?),
        answer: r.get(13)?,
        answered_on: date(r.get(14)?),
        reported_on: date(r.get(15)?),
    })
}

pub fn get(conn: &Connection, id: RequestId) -> Result<Request> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM requests WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "request",
        id: id.to_string(),
    })
}

/// Record what a citizen raised; due three Solar Hijri months after the day raised.
pub fn create(conn: &mut Connection, stamp: &Stamp, input: RequestInput) -> Result<RequestId> {
    store::write(conn, |tx| {
        let input = validated(tx, input)?;
        let due = due_date(input.raised_on)?;
        tx.execute(
            "INSERT INTO requests (tour_id, site_id, district, category, text, raised_by, contact, raised_on,
                 due_on, status, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10)",
            params![
                input.tour,
                input.site,
                input.district,
                input.category.as_str(),
                input.text,
                input.raised_by,
                input.contact,
                input.raised_on.to_string(),
                due.to_string(),
                stamp.at.to_rfc3339()
            ],
        )?;
        let id = RequestId(tx.last_insert_rowid());
        audit::record(
            tx,
            stamp,
            "request.create",
            "request",
            Some(&id.to_string()),
            &format!("{}, due {due}", input.category.as_str()),
        )?;
        Ok(id)
    })
}

/// Correct what was recorded (the due date follows the day raised).
pub fn update(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RequestId,
    input: RequestInput,
) -> Result<Request> {
    store::write(conn, |tx| {
        get(tx, id)?;
        let input = validated(tx, input)?;
        let due = due_date(input.raised_on)?;
        tx.execute(
            "UPDATE requests SET tour_id = ?2, site_id = ?3, district = ?4, category = ?5, text = ?6,
                 raised_by = ?7, contact = ?8, raised_on = ?9, due_on = ?10 WHERE id = ?1",
            params![
                id,
                input.tour,
                input.site,
                input.district,
                input.category.as_str(),
                input.text,
                input.raised_by,
                input.contact,
                input.raised_on.to_string(),
                due.to_string()
            ],
        )?;
        audit::record(
            tx,
            stamp,
            "request.update",
            "request",
            Some(&id.to_string()),
            &format!("due {due}"),
        )?;
        get(tx, id)
    })
}

/// A move of a request to a status: its name in the audit log, the statuses it may
/// come from, and the update (`?1` the id, then the values).
struct Transition {
    action: &'static str,
    from: &'static [Status],
    sql: &'static str,
}

fn step(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RequestId,
    t: Transition,
    values: &[&dyn rusqlite::ToSql],
    detail: &str,
) -> Result<Request> {
    let Transition {
        action,
        from: allowed,
        sql,
    } = t;
    store::write(conn, |tx| {
        let r = get(tx, id)?;
        if !allowed.contains(&r.status) {
            return Err(Error::conflict(
                "این درخواست در این مرحله نیست",
                format!("a request that is {} cannot be {action}", r.status.as_str()),
            ));
        }
        let mut all: Vec<&dyn rusqlite::ToSql> = vec![&id];
        all.extend_from_slice(values);
        tx.execute(sql, all.as_slice())?;
        audit::record(
            tx,
            stamp,
            &format!("request.{action}"),
            "request",
            Some(&id.to_string()),
            detail,
        )?;
        get(tx, id)
    })
}

fn required(field: &'static str, v: &str, fa: &str, en: &str) -> Result<String> {
    let v = v.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, fa, en));
    }
    if v.chars().count() > MAX_TEXT_CHARS {
        return Err(too_long(field, MAX_TEXT_CHARS));
    }
    Ok(v.to_string())
}

/// Refer to a department (again, if it moves on).
pub fn refer(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RequestId,
    department: &str,
    on: NaiveDate,
) -> Result<Request> {
    let d = required(
        "department",
        department,
        "نام اداره یا معاونت را بنویسید",
        "name the department",
    )?;
    step(
        conn,
        stamp,
        id,
        Transition {
            action: "referred",
            from: &[Status::Open, Status::Referred],
            sql: "UPDATE requests SET status = 'referred', department = ?2, referred_on = ?3 WHERE id = ?1",
        },
        &[&d, &on.to_string()],
        &d,
    )
}

/// Record the department's answer.
pub fn answer(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RequestId,
    text: &str,
    on: NaiveDate,
) -> Result<Request> {
    let a = required("answer", text, "متن پاسخ را بنویسید", "write the answer")?;
    step(
        conn,
        stamp,
        id,
        Transition {
            action: "answered",
            from: &[Status::Open, Status::Referred, Status::Answered],
            sql: "UPDATE requests SET status = 'answered', answer = ?2, answered_on = ?3 WHERE id = ?1",
        },
        &[&a, &on.to_string()],
        &a,
    )
}

/// The answer was passed back to the citizen.
pub fn report_back(
    conn: &mut Connection,
    stamp: &Stamp,
    id: RequestId,
    on: NaiveDate,
) -> Result<Request> {
    step(
        conn,
        stamp,
        id,
        Transition {
            action: "reported",
            from: &[Status::Answered],
            sql: "UPDATE requests SET status = 'reported', reported_on = ?2 WHERE id = ?1",
        },
        &[&on.to_string()],
        "",
    )
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub text: String,
    pub status: Option<Status>,
    pub department: Option<String>,
    pub district: Option<u8>,
    pub site: Option<SiteId>,
    pub tour: Option<TourId>,
    pub category: Option<Category>,
    pub overdue_only: bool,
}

/// Requests matching the filter: overdue first, then by due date.
pub fn list(conn: &Connection, f: &Filter, today: NaiveDate) -> Result<Vec<Request>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM requests
         WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR department = ?2) AND (?3 IS NULL OR district = ?3)
           AND (?4 IS NULL OR site_id = ?4) AND (?5 IS NULL OR tour_id = ?5) AND (?6 IS NULL OR category = ?6)
           AND (?7 = 0 OR (status IN ('open','referred') AND due_on < ?8))
         ORDER BY CASE WHEN status IN ('open','referred') AND due_on < ?8 THEN 0 ELSE 1 END, due_on, id"
    ))?;
    let rows = st.query_map(
        params![
            f.status.map(Status::as_str),
            f.department.as_deref().filter(|d| !d.is_empty()),
            f.district,
            f.site,
            f.tour,
            f.category.map(Category::as_str),
            f.overdue_only,
            today.to_string()
        ],
        from_row,
    )?;
    let all: Vec<Request> = rows.collect::<rusqlite::Result<_>>()?;
    let words: Vec<String> = normalize_fa(&f.text)
        .split_whitespace()
        .map(String::from)
        .collect();
    Ok(all
        .into_iter()
        .filter(|r| {
            words.is_empty() || {
                let hay = normalize_fa(&format!(
                    "{} {} {} {} {}",
                    r.input.text, r.input.raised_by, r.input.contact, r.department, r.answer
                ));
                words.iter().all(|w| hay.contains(w.as_str()))
            }
        })
        .collect())
}

/// The departments requests were referred to, for the filter.
pub fn departments(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT DISTINCT department FROM requests WHERE department <> '' ORDER BY department",
    )?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A request's history from the audit log, oldest first.
pub fn history(conn: &Connection, id: RequestId) -> Result<Vec<audit::Entry>> {
    audit::of_entity(conn, "request", &id.to_string())
}

/// The promise at a glance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Still owed an answer.
    pub open: u32,
    /// Owed and due within the next 7 days (today included).
    pub due_this_week: u32,
    pub overdue: u32,
    pub total: u32,
}

pub fn counts(conn: &Connection, today: NaiveDate) -> Result<Counts> {
    let week = today + chrono::Duration::days(6);
    Ok(conn.query_row(
        "SELECT
            coalesce(sum(status IN ('open','referred')), 0),
            coalesce(sum(status IN ('open','referred') AND due_on >= ?1 AND due_on <= ?2), 0),
            coalesce(sum(status IN ('open','referred') AND due_on < ?1), 0),
            count(*)
         FROM requests",
        params![today.to_string(), week.to_string()],
        |r| {
            Ok(Counts {
                open: r.get(0)?,
                due_this_week: r.get(1)?,
                overdue: r.get(2)?,
                total: r.get(3)?,
            })
        },
    )?)
}

#[cfg(test)]
mod tests;
