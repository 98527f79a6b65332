//! Project sites: what a site is, its visit rules, visiting hours and closures; create,
//! edit, archive and undo. Photos are in `photo`.

pub mod photo;

use crate::stored::stored_enum;
use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::{json, Value};

use crate::audit::{self, Stamp};
use crate::error::{Error, Explanation, Result};
use crate::ids::{ClosureId, PhotoId, SiteId};
use crate::persian::digits::{to_latin, to_persian};
use crate::persian::{normalize_fa, Weekday};
use crate::store;
use crate::time_of_day::TimeOfDay;

pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_TEXT_CHARS: usize = 4000;

stored_enum! {
    /// The kinds of project site.
    pub enum Category {
        MetroStation = "metro_station",
        Tunnel = "tunnel",
        Road = "road",
        Bridge = "bridge",
        Square = "square",
        Park = "park",
        Building = "building",
        Other = "other",
    }
}

stored_enum! {
    /// Personal protective equipment a site asks visitors to wear or bring.
    pub enum Ppe {
        Helmet = "helmet",
        Vest = "vest",
        ClosedShoes = "closed_shoes",
        LongTrousers = "long_trousers",
        Gloves = "gloves",
        Goggles = "goggles",
        Mask = "mask",
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Location {
    pub latitude: f64,
    pub longitude: f64,
}

/// The Isfahan region: a location outside it is warned about, not refused.
pub const ISFAHAN_REGION: (f64, f64, f64, f64) = (32.40, 32.95, 51.40, 51.95);

#[derive(Debug, Clone, PartialEq)]
pub struct VisitRules {
    pub max_visitors: u32,
    pub visit_minutes: u32,
    pub min_age: u8,
    pub ppe: BTreeSet<Ppe>,
    pub step_free: bool,
    pub safety_notes: String,
}

impl Default for VisitRules {
    fn default() -> Self {
        VisitRules {
            max_visitors: 25,
            visit_minutes: 45,
            min_age: 0,
            ppe: BTreeSet::new(),
            step_free: false,
            safety_notes: String::new(),
        }
    }
}

/// What a coordinator enters for a site.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteInput {
    pub name_fa: String,
    pub name_en: String,
    pub category: Category,
    pub district: u8,
    pub address: String,
    pub location: Option<Location>,
    pub progress: u8,
    pub department: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub description: String,
    pub rules: VisitRules,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub id: SiteId,
    pub input: SiteInput,
    pub cover_photo: Option<PhotoId>,
    pub photo_count: u32,
    pub archived: bool,
    pub demo: bool,
}

/// One visiting window on one weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct HoursWindow {
    pub weekday: Weekday,
    pub opens: TimeOfDay,
    pub closes: TimeOfDay,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub id: ClosureId,
    pub site: SiteId,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub reason: String,
}

/// A site with everything shown on its page.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteDetail {
    pub site: Site,
    pub hours: Vec<HoursWindow>,
    pub closures: Vec<Closure>,
    pub photos: Vec<photo::PhotoInfo>,
}

/// What `list` shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub text: String,
    pub district: Option<u8>,
    pub category: Option<Category>,
    pub include_archived: bool,
}

fn text_field(
    field: &'static str,
    label_fa: &str,
    label_en: &str,
    s: &str,
    max: usize,
) -> Result<String> {
    let t = s.trim().to_string();
    let n = t.chars().count();
    if n > max {
        return Err(Error::invalid(
            field,
            format!(
                "{label_fa} حداکثر {} نویسه است؛ این {} نویسه دارد",
                to_persian(&max.to_string()),
                to_persian(&n.to_string())
            ),
            format!("{label_en} is at most {max} characters; this one has {n}"),
        ));
    }
    if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Error::invalid(
            field,
            format!("{label_fa} نویسه‌ی کنترلی دارد"),
            format!("{label_en} contains a control character"),
        ));
    }
    Ok(t)
}

impl SiteInput {
    /// Check and tidy. Returns the clean input and warnings (a location outside Isfahan).
    pub fn validated(self) -> Result<(SiteInput, Vec<Explanation>)> {
        let mut warnings = Vec::new();
        let name_fa = text_field(
            "nameFa",
            "نام فارسی",
            "the Persian name",
            &self.name_fa,
            MAX_NAME_CHARS,
        )?;
        if name_fa.is_empty() {
            return Err(Error::invalid(
                "nameFa",
                "نام فارسی سایت لازم است",
                "the site needs a Persian name",
            ));
        }
        let name_en = text_field(
            "nameEn",
            "نام انگلیسی",
            "the English name",
            &self.name_en,
            MAX_NAME_CHARS,
        )?;
        if !(1..=15).contains(&self.district) {
            return Err(Error::invalid(
                "district",
                format!(
                    "اصفهان ۱۵ منطقه دارد؛ منطقه‌ی {} وجود ندارد",
                    to_persian(&self.district.to_string())
                ),
                format!(
                    "Isfahan has districts 1 to 15; there is no district {}",
                    self.district
                ),
            ));
        }
        if self.progress > 100 {
            return Err(Error::invalid(
                "progress",
                "پیشرفت بین ۰ و ۱۰۰ درصد است",
                "progress is between 0 and 100 percent",
            ));
        }
        if let Some(loc) = self.location {
            if !loc.latitude.is_finite()
                || !(-90.0..=90.0).contains(&loc.latitude)
                || !loc.longitude.is_finite()
                || !(-180.0..=180.0).contains(&loc.longitude)
            {
                return Err(Error::invalid(
                    "location",
                    "عرض جغرافیایی بین ۹۰- و ۹۰ و طول بین ۱۸۰- و ۱۸۰ است",
                    "latitude is between -90 and 90, longitude between -180 and 180",
                ));
            }
            let (lat0, lat1, lng0, lng1) = ISFAHAN_REGION;
            if !(lat0..=lat1).contains(&loc.latitude) || !(lng0..=lng1).contains(&loc.longitude) {
                warnings.push(Explanation::new(
                    "این مختصات بیرون از محدوده‌ی اصفهان است؛ آن را بررسی کنید",
                    "these coordinates are outside the Isfahan region; check them",
                ));
            }
        }
        let r = &self.rules;
        if !(1..=500).contains(&r.max_visitors) {
            return Err(Error::invalid(
                "maxVisitors",
                "بیشینه‌ی بازدیدکنندگان هم‌زمان بین ۱ و ۵۰۰ است",
                "max visitors at once is between 1 and 500",
            ));
        }
        if !(5..=480).contains(&r.visit_minutes) {
            return Err(Error::invalid(
                "visitMinutes",
                "مدت بازدید بین ۵ و ۴۸۰ دقیقه است",
                "the visit lasts between 5 and 480 minutes",
            ));
        }
        if r.min_age > 99 {
            return Err(Error::invalid(
                "minAge",
                "حداقل سن بین ۰ و ۹۹ است",
                "the minimum age is between 0 and 99",
            ));
        }
        let contact_phone = {
            let p = to_latin(self.contact_phone.trim());
            if !p
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'))
            {
                return Err(Error::invalid(
                    "contactPhone",
                    "شماره‌ی تماس فقط رقم، فاصله، خط تیره، پرانتز و + دارد",
                    "a contact phone has only digits, spaces, dashes, brackets and +",
                ));
            }
            let digits = p.chars().filter(char::is_ascii_digit).count();
            if !p.is_empty() && !(4..=15).contains(&digits) {
                return Err(Error::invalid(
                    "contactPhone",
                    "شماره‌ی تماس ۴ تا ۱۵ رقم است",
                    "a contact phone has 4 to 15 digits",
                ));
            }
            p
        };
        let rules = VisitRules {
            safety_notes: text_field(
                "safetyNotes",
                "نکات ایمنی",
                "the safety notes",
                &r.safety_notes,
                MAX_TEXT_CHARS,
            )?,
            ..r.clone()
        };
        Ok((
            SiteInput {
                address: text_field("address", "نشانی", "the address", &self.address, 400)?,
                department: text_field(
                    "department",
                    "واحد مسئول",
                    "the department",
                    &self.department,
                    MAX_NAME_CHARS,
                )?,
                contact_name: text_field(
                    "contactName",
                    "نام رابط",
                    "the contact's name",
                    &self.contact_name,
                    MAX_NAME_CHARS,
                )?,
                description: text_field(
                    "description",
                    "توضیح",
                    "the description",
                    &self.description,
                    MAX_TEXT_CHARS,
                )?,
                name_fa,
                name_en,
                contact_phone,
                rules,
                ..self
            },
            warnings,
        ))
    }

    fn search_key(&self) -> String {
        normalize_fa(&format!(
            "{} {} {} {} {}",
            self.name_fa, self.name_en, self.address, self.department, self.contact_name
        ))
    }
}

fn not_found(id: SiteId) -> Error {
    Error::NotFound {
        what: "site",
        id: id.to_string(),
    }
}

const SITE_COLUMNS: &str =
    "s.id, s.name_fa, s.name_en, s.category, s.district, s.address, s.latitude, \
     s.longitude, s.progress, s.department, s.contact_name, s.contact_phone, s.description, \
     s.max_visitors, s.visit_minutes, s.min_age, s.ppe, s.step_free, s.safety_notes, \
     s.cover_photo, s.archived, s.demo, \
     (SELECT count(*) FROM site_photos p WHERE p.site_id = s.id)";

fn site_from_row(r: &Row<'_>) -> rusqlite::Result<Site> {
    let lat: Option<f64> = r.get(6)?;
    let lng: Option<f64> = r.get(7)?;
    let ppe: String = r.get(16)?;
    Ok(Site {
        id: r.get(0)?,
        input: SiteInput {
            name_fa: r.get(1)?,
            name_en: r.get(2)?,
            category: Category::parse(&r.get::<_, String>(3)?).unwrap_or(Category::Other),
            district: r.get(4)?,
            address: r.get(5)?,
            location: lat.zip(lng).map(|(latitude, longitude)| Location {
                latitude,
                longitude,
            }),
            progress: r.get(8)?,
            department: r.get(9)?,
            contact_name: r.get(10)?,
            contact_phone: r.get(11)?,
            description: r.get(12)?,
            rules: VisitRules {
                max_visitors: r.get(13)?,
                visit_minutes: r.get(14)?,
                min_age: r.get(15)?,
                ppe: ppe.split(',').filter_map(Ppe::parse).collect(),
                step_free: r.get(17)?,
                safety_notes: r.get(18)?,
            },
        },
        cover_photo: r.get(19)?,
        archived: r.get(20)?,
        demo: r.get(21)?,
        photo_count: r.get(22)?,
    })
}

fn ppe_text(ppe: &BTreeSet<Ppe>) -> String {
    ppe.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(",")
}

/// Insert a site (demo marks the demo programme's sites).
pub(crate) fn insert(conn: &Connection, input: &SiteInput, demo: bool) -> Result<SiteId> {
    conn.execute(
        "INSERT INTO sites (name_fa, name_en, category, district, address, latitude, longitude,
            progress, department, contact_name, contact_phone, description, max_visitors,
            visit_minutes, min_age, ppe, step_free, safety_notes, demo, search_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        params![
            input.name_fa,
            input.name_en,
            input.category.as_str(),
            input.district,
            input.address,
            input.location.map(|l| l.latitude),
            input.location.map(|l| l.longitude),
            input.progress,
            input.department,
            input.contact_name,
            input.contact_phone,
            input.description,
            input.rules.max_visitors,
            input.rules.visit_minutes,
            input.rules.min_age,
            ppe_text(&input.rules.ppe),
            input.rules.step_free,
            input.rules.safety_notes,
            demo,
            input.search_key(),
        ],
    )?;
    Ok(SiteId(conn.last_insert_rowid()))
}

fn write_fields(conn: &Connection, id: SiteId, input: &SiteInput) -> Result<()> {
    let n = conn.execute(
        "UPDATE sites SET name_fa = ?2, name_en = ?3, category = ?4, district = ?5, address = ?6,
            latitude = ?7, longitude = ?8, progress = ?9, department = ?10, contact_name = ?11,
            contact_phone = ?12, description = ?13, max_visitors = ?14, visit_minutes = ?15,
            min_age = ?16, ppe = ?17, step_free = ?18, safety_notes = ?19, search_key = ?20
         WHERE id = ?1",
        params![
            id,
            input.name_fa,
            input.name_en,
            input.category.as_str(),
            input.district,
            input.address,
            input.location.map(|l| l.latitude),
            input.location.map(|l| l.longitude),
            input.progress,
            input.department,
            input.contact_name,
            input.contact_phone,
            input.description,
            input.rules.max_visitors,
            input.rules.visit_minutes,
            input.rules.min_age,
            ppe_text(&input.rules.ppe),
            input.rules.step_free,
            input.rules.safety_notes,
            input.search_key(),
        ],
    )?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

pub fn get_site(conn: &Connection, id: SiteId) -> Result<Site> {
    conn.query_row(
        &format!("SELECT {SITE_COLUMNS} FROM sites s WHERE s.id = ?1"),
        [id],
        site_from_row,
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

pub fn hours(conn: &Connection, id: SiteId) -> Result<Vec<HoursWindow>> {
    let mut st = conn.prepare(
        "SELECT weekday, opens, closes FROM site_hours WHERE site_id = ?1 ORDER BY weekday, opens",
    )?;
    let rows = st.query_map([id], |r| {
        Ok((r.get::<_, u8>(0)?, r.get::<_, u32>(1)?, r.get::<_, u32>(2)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, o, c) = row?;
        out.push(HoursWindow {
            weekday: Weekday::ALL[usize::from(d.min(6))],
            opens: TimeOfDay::from_minutes(o)?,
            closes: TimeOfDay::from_minutes(c)?,
        });
    }
    Ok(out)
}

fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::Internal(format!("stored date {s}")))
}

fn closures_where(
    conn: &Connection,
    sql_where: &str,
    p: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Closure>> {
    let mut st = conn.prepare(&format!(
        "SELECT id, site_id, starts, ends, reason FROM site_closures WHERE {sql_where} ORDER BY starts, id"
    ))?;
    let rows = st.query_map(p, |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, site, s, e, reason) = row?;
        out.push(Closure {
            id,
            site,
            starts: parse_date(&s)?,
            ends: parse_date(&e)?,
            reason,
        });
    }
    Ok(out)
}

pub fn closures(conn: &Connection, id: SiteId) -> Result<Vec<Closure>> {
    closures_where(conn, "site_id = ?1", &[&id])
}

/// Closures of any site that overlap `[from, to]`.
pub fn closures_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Closure>> {
    let (f, t) = (from.to_string(), to.to_string());
    closures_where(conn, "ends >= ?1 AND starts <= ?2", &[&f, &t])
}

pub fn detail(conn: &Connection, id: SiteId) -> Result<SiteDetail> {
    Ok(SiteDetail {
        site: get_site(conn, id)?,
        hours: hours(conn, id)?,
        closures: closures(conn, id)?,
        photos: photo::list(conn, id)?,
    })
}

/// Sites matching the filter, by Persian name. Text matches every word, as a search key.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Site>> {
    let mut sql = format!("SELECT {SITE_COLUMNS} FROM sites s WHERE 1 = 1");
    let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
    if !filter.include_archived {
        sql.push_str(" AND s.archived = 0");
    }
    if let Some(d) = filter.district {
        args.push(Box::new(d));
        sql.push_str(&format!(" AND s.district = ?{}", args.len()));
    }
    if let Some(c) = filter.category {
        args.push(Box::new(c.as_str()));
        sql.push_str(&format!(" AND s.category = ?{}", args.len()));
    }
    for token in normalize_fa(&filter.text)
        .split(' ')
        .filter(|t| !t.is_empty())
    {
        let escaped = token
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        args.push(Box::new(format!("%{escaped}%")));
        sql.push_str(&format!(
            " AND s.search_key LIKE ?{} ESCAPE '\\'",
            args.len()
        ));
    }
    sql.push_str(" ORDER BY s.archived, s.name_fa, s.id");
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map(rusqlite::params_from_iter(args.iter()), site_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- undo history -------------------------------------------------------------------

fn snapshot(conn: &Connection, id: SiteId) -> Result<Value> {
    let s = get_site(conn, id)?;
    let i = &s.input;
    Ok(json!({
        "nameFa": i.name_fa, "nameEn": i.name_en, "category": i.category.as_str(),
        "district": i.district, "address": i.address,
        "latitude": i.location.map(|l| l.latitude), "longitude": i.location.map(|l| l.longitude),
        "progress": i.progress, "department": i.department, "contactName": i.contact_name,
        "contactPhone": i.contact_phone, "description": i.description,
        "maxVisitors": i.rules.max_visitors, "visitMinutes": i.rules.visit_minutes,
        "minAge": i.rules.min_age, "ppe": ppe_text(&i.rules.ppe), "stepFree": i.rules.step_free,
        "safetyNotes": i.rules.safety_notes, "archived": s.archived,
        "hours": hours(conn, id)?.iter().map(|h| json!([h.weekday as u8, h.opens.minutes(), h.closes.minutes()])).collect::<Vec<_>>(),
        "closures": closures(conn, id)?.iter().map(|c| json!([c.id.get(), c.starts.to_string(), c.ends.to_string(), c.reason])).collect::<Vec<_>>(),
    }))
}

fn remember(
    conn: &Connection,
    stamp: &Stamp,
    id: SiteId,
    action: &str,
    created: bool,
) -> Result<()> {
    let snap = if created {
        None
    } else {
        Some(snapshot(conn, id)?.to_string())
    };
    conn.execute(
        "INSERT INTO site_revisions (site_id, action, snapshot, at, actor) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, action, snap, stamp.at.to_rfc3339(), stamp.actor],
    )?;
    Ok(())
}

fn restore(conn: &Connection, id: SiteId, v: &Value) -> Result<()> {
    let corrupt = || Error::Internal(format!("undo history of site {id} is unreadable"));
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(corrupt)
    };
    let n = |k: &str| v.get(k).and_then(Value::as_u64).ok_or_else(corrupt);
    let location = match (
        v.get("latitude").and_then(Value::as_f64),
        v.get("longitude").and_then(Value::as_f64),
    ) {
        (Some(latitude), Some(longitude)) => Some(Location {
            latitude,
            longitude,
        }),
        _ => None,
    };
    let input = SiteInput {
        name_fa: s("nameFa")?,
        name_en: s("nameEn")?,
        category: Category::parse(&s("category")?).ok_or_else(corrupt)?,
        district: n("district")? as u8,
        address: s("address")?,
        location,
        progress: n("progress")? as u8,
        department: s("department")?,
        contact_name: s("contactName")?,
        contact_phone: s("contactPhone")?,
        description: s("description")?,
        rules: VisitRules {
            max_visitors: n("maxVisitors")? as u32,
            visit_minutes: n("visitMinutes")? as u32,
            min_age: n("minAge")? as u8,
            ppe: s("ppe")?.split(',').filter_map(Ppe::parse).collect(),
            step_free: v
                .get("stepFree")
                .and_then(Value::as_bool)
                .ok_or_else(corrupt)?,
            safety_notes: s("safetyNotes")?,
        },
    };
    write_fields(conn, id, &input)?;
    let archived = v
        .get("archived")
        .and_then(Value::as_bool)
        .ok_or_else(corrupt)?;
    conn.execute(
        "UPDATE sites SET archived = ?2 WHERE id = ?1",
        params![id, archived],
    )?;
    conn.execute("DELETE FROM site_hours WHERE site_id = ?1", [id])?;
    for h in v
        .get("hours")
        .and_then(Value::as_array)
        .ok_or_else(corrupt)?
    {
        let a = h.as_array().ok_or_else(corrupt)?;
        let get = |i: usize| a.get(i).and_then(Value::as_i64).ok_or_else(corrupt);
        conn.execute(
            "INSERT INTO site_hours (site_id, weekday, opens, closes) VALUES (?1, ?2, ?3, ?4)",
            params![id, get(0)?, get(1)?, get(2)?],
        )?;
    }
    conn.execute("DELETE FROM site_closures WHERE site_id = ?1", [id])?;
    for c in v
        .get("closures")
        .and_then(Value::as_array)
        .ok_or_else(corrupt)?
    {
        let a = c.as_array().ok_or_else(corrupt)?;
        let text = |i: usize| a.get(i).and_then(Value::as_str).ok_or_else(corrupt);
        conn.execute(
            "INSERT INTO site_closures (id, site_id, starts, ends, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![a.first().and_then(Value::as_i64).ok_or_else(corrupt)?, id, text(1)?, text(2)?, text(3)?],
        )?;
    }
    Ok(())
}

/// What `undo_last_change` undid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub site: SiteId,
    pub action: String,
    pub site_removed: bool,
}

/// Undo the most recent change to any site (edit, archive, hours, closure, or creation).
/// Returns `None` when there is nothing left to undo.
pub fn undo_last_change(conn: &mut Connection, stamp: &Stamp) -> Result<Option<Undone>> {
    store::write(conn, |tx| {
        let last: Option<(i64, SiteId, String, Option<String>)> = tx
            .query_row(
                "SELECT id, site_id, action, snapshot FROM site_revisions ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((rev, site, action, snap)) = last else {
            return Ok(None);
        };
        let site_removed = match snap {
            None => {
                tx.execute("DELETE FROM sites WHERE id = ?1", [site])?;
                true
            }
            Some(json) => {
                let v: Value = serde_json::from_str(&json)
                    .map_err(|e| Error::Internal(format!("undo history: {e}")))?;
                restore(tx, site, &v)?;
                false
            }
        };
        tx.execute("DELETE FROM site_revisions WHERE id = ?1", [rev])?;
        audit::record(
            tx,
            stamp,
            "site.undo",
            "site",
            Some(&site.to_string()),
            &format!("undid {action}"),
        )?;
        Ok(Some(Undone {
            site,
            action,
            site_removed,
        }))
    })
}

// ---- changes ------------------------------------------------------------------------

/// Create a site; returns its id and any warnings.
pub fn create(
    conn: &mut Connection,
    stamp: &Stamp,
    input: SiteInput,
) -> Result<(SiteId, Vec<Explanation>)> {
    let (input, warnings) = input.validated()?;
    let id = store::write(conn, |tx| {
        let id = insert(tx, &input, false)?;
        remember(tx, stamp, id, "create", true)?;
        audit::record(
            tx,
            stamp,
            "site.create",
            "site",
            Some(&id.to_string()),
            &input.name_fa,
        )?;
        Ok(id)
    })?;
    Ok((id, warnings))
}

pub fn update(
    conn: &mut Connection,
    stamp: &Stamp,
    id: SiteId,
    input: SiteInput,
) -> Result<Vec<Explanation>> {
    let (input, warnings) = input.validated()?;
    store::write(conn, |tx| {
        remember(tx, stamp, id, "update", false)?;
        write_fields(tx, id, &input)?;
        audit::record(
            tx,
            stamp,
            "site.update",
            "site",
            Some(&id.to_string()),
            &input.name_fa,
        )
    })?;
    Ok(warnings)
}

/// Archive (hide from lists and planning) or bring back a site. Nothing is deleted.
pub fn set_archived(
    conn: &mut Connection,
    stamp: &Stamp,
    id: SiteId,
    archived: bool,
) -> Result<()> {
    store::write(conn, |tx| {
        remember(
            tx,
            stamp,
            id,
            if archived { "archive" } else { "unarchive" },
            false,
        )?;
        tx.execute(
            "UPDATE sites SET archived = ?2 WHERE id = ?1",
            params![id, archived],
        )?;
        let action = if archived {
            "site.archive"
        } else {
            "site.unarchive"
        };
        audit::record(tx, stamp, action, "site", Some(&id.to_string()), "")?;
        Ok(())
    })
}

/// Check visiting hours: windows inside the day, none overlapping another on its weekday.
pub fn validate_hours(windows: &[HoursWindow]) -> Result<Vec<HoursWindow>> {
    let mut w = windows.to_vec();
    w.sort();
    for (i, h) in w.iter().enumerate() {
        if h.opens >= h.closes {
            return Err(Error::invalid(
                "hours",
                format!(
                    "ساعت پایان بازدید {} باید بعد از شروع آن ({}) باشد",
                    h.closes.format(true),
                    h.opens.format(true)
                ),
                format!(
                    "on {} the closing time {} must be after the opening time {}",
                    h.weekday.name_en(),
                    h.closes,
                    h.opens
                ),
            ));
        }
        if let Some(next) = w.get(i + 1) {
            if next.weekday == h.weekday && next.opens < h.closes {
                return Err(Error::invalid(
                    "hours",
                    format!("ساعت‌های بازدید {} روی هم افتاده‌اند", h.weekday.name_fa()),
                    format!("the visiting windows on {} overlap", h.weekday.name_en()),
                ));
            }
        }
    }
    Ok(w)
}

/// Replace a site's visiting hours.
pub fn set_hours(
    conn: &mut Connection,
    stamp: &Stamp,
    id: SiteId,
    windows: &[HoursWindow],
) -> Result<()> {
    let windows = validate_hours(windows)?;
    store::write(conn, |tx| {
        remember(tx, stamp, id, "hours", false)?;
        write_hours(tx, id, &windows)?;
        audit::record(
            tx,
            stamp,
            "site.hours",
            "site",
            Some(&id.to_string()),
            &format!("{} windows", windows.len()),
        )?;
        Ok(())
    })
}

pub(crate) fn write_hours(conn: &Connection, id: SiteId, windows: &[HoursWindow]) -> Result<()> {
    conn.execute("DELETE FROM site_hours WHERE site_id = ?1", [id])?;
    for h in windows {
        conn.execute(
            "INSERT INTO site_hours (site_id, weekday, opens, closes) VALUES (?1, ?2, ?3, ?4)",
            params![id, h.weekday as u8, h.opens.minutes(), h.closes.minutes()],
        )?;
    }
    Ok(())
}

pub fn add_closure(
    conn: &mut Connection,
    stamp: &Stamp,
    id: SiteId,
    starts: NaiveDate,
    ends: NaiveDate,
    reason: &str,
) -> Result<ClosureId> {
    let reason = text_field("reason", "دلیل تعطیلی", "the reason", reason, 400)?;
    if reason.is_empty() {
        return Err(Error::invalid(
            "reason",
            "دلیل تعطیلی را بنویسید",
            "write the reason for the closure",
        ));
    }
    if ends < starts {
        return Err(Error::invalid(
            "ends",
            "پایان تعطیلی پیش از شروع آن است",
            "the closure ends before it starts",
        ));
    }
    store::write(conn, |tx| {
        remember(tx, stamp, id, "closure", false)?;
        let cid = insert_closure(tx, id, starts, ends, &reason)?;
        audit::record(
            tx,
            stamp,
            "site.closure.add",
            "site",
            Some(&id.to_string()),
            &format!("{starts}..{ends}: {reason}"),
        )?;
        Ok(cid)
    })
}

pub(crate) fn insert_closure(
    conn: &Connection,
    id: SiteId,
    starts: NaiveDate,
    ends: NaiveDate,
    reason: &str,
) -> Result<ClosureId> {
    get_site(conn, id)?;
    conn.execute(
        "INSERT INTO site_closures (site_id, starts, ends, reason) VALUES (?1, ?2, ?3, ?4)",
        params![id, starts.to_string(), ends.to_string(), reason],
    )?;
    Ok(ClosureId(conn.last_insert_rowid()))
}

pub fn remove_closure(conn: &mut Connection, stamp: &Stamp, closure: ClosureId) -> Result<()> {
    store::write(conn, |tx| {
        let site: SiteId = tx
            .query_row(
                "SELECT site_id FROM site_closures WHERE id = ?1",
                [closure],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "closure",
                id: closure.to_string(),
            })?;
        remember(tx, stamp, site, "closure", false)?;
        tx.execute("DELETE FROM site_closures WHERE id = ?1", [closure])?;
        audit::record(
            tx,
            stamp,
            "site.closure.remove",
            "site",
            Some(&site.to_string()),
            &closure.to_string(),
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests;
