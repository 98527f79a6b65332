//! Route templates: a named, reusable ordered list of sites ("Metro line 2 east") to build
//! tours from, for many days at once.

use std::collections::BTreeSet;

use rusqlite::{params, Connection};

use super::itinerary::{self, StopInput};
use super::{Status, Tour};
use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{TemplateId, TourId};
use crate::persian::Weekday;
use crate::store;
use crate::time_of_day::TimeOfDay;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub id: TemplateId,
    pub name: String,
    pub stops: Vec<StopInput>,
}

pub fn list(conn: &Connection) -> Result<Vec<Template>> {
    let ids: Vec<(TemplateId, String)> = {
        let mut st = conn.prepare("SELECT id, name FROM route_templates ORDER BY name")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut out = Vec::new();
    for (id, name) in ids {
        let mut st = conn.prepare("SELECT site_id, dwell FROM route_template_stops WHERE template_id = ?1 ORDER BY position")?;
        let stops = st
            .query_map([id], |r| {
                Ok(StopInput {
                    site: r.get(0)?,
                    dwell: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        out.push(Template { id, name, stops });
    }
    Ok(out)
}

/// Save a tour's itinerary as a template under a new name.
pub fn save_from_tour(
    conn: &mut Connection,
    stamp: &Stamp,
    tour: TourId,
    name: &str,
) -> Result<TemplateId> {
    let name = name.trim().to_string();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(Error::invalid(
            "name",
            "نام الگو لازم است و حداکثر ۱۲۰ نویسه",
            "a template needs a name of at most 120 characters",
        ));
    }
    store::write(conn, |tx| {
        let stops = itinerary::stops(tx, tour)?;
        if stops.is_empty() {
            return Err(Error::invalid(
                "stops",
                "توری بدون توقف الگو نمی‌شود",
                "a tour without stops cannot become a template",
            ));
        }
        tx.execute("INSERT INTO route_templates (name) VALUES (?1)", [&name])
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => Error::conflict(
                    format!("الگوی «{name}» از پیش هست"),
                    format!("a template named “{name}” exists"),
                ),
                _ => Error::Sqlite(e),
            })?;
        let id = TemplateId(tx.last_insert_rowid());
        for (i, s) in stops.iter().enumerate() {
            tx.execute(
                "INSERT INTO route_template_stops (template_id, position, site_id, dwell) VALUES (?1, ?2, ?3, ?4)",
                params![id, i as i64, s.site, s.dwell],
            )?;
        }
        audit::record(
            tx,
            stamp,
            "template.save",
            "template",
            Some(&id.to_string()),
            &name,
        )?;
        Ok(id)
    })
}

pub fn remove(conn: &mut Connection, stamp: &Stamp, id: TemplateId) -> Result<()> {
    store::write(conn, |tx| {
        let n = tx.execute("DELETE FROM route_templates WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "template",
                id: id.to_string(),
            });
        }
        audit::record(
            tx,
            stamp,
            "template.remove",
            "template",
            Some(&id.to_string()),
            "",
        )
        .map(drop)
    })
}

/// The programme's draft tours on the given weekdays (and departure, if given) that a
/// template can be applied to.
pub fn matching_tours(
    conn: &Connection,
    weekdays: &BTreeSet<Weekday>,
    departure: Option<TimeOfDay>,
) -> Result<Vec<Tour>> {
    let Some(p) = crate::programme::current(conn)? else {
        return Ok(vec![]);
    };
    Ok(super::of_programme(conn, p.id)?
        .into_iter()
        .filter(|t| {
            t.status == Status::Draft
                && weekdays.contains(&Weekday::of(t.date))
                && departure.is_none_or(|d| d == t.departure)
        })
        .collect())
}

/// Give every listed tour the template's stops, in one transaction. Only drafts change;
/// the others are left as they are and counted.
pub fn apply(
    conn: &mut Connection,
    stamp: &Stamp,
    id: TemplateId,
    tours: &[TourId],
) -> Result<(usize, usize)> {
    store::write(conn, |tx| {
        let t = list(tx)?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "template",
                id: id.to_string(),
            })?;
        let (mut applied, mut skipped) = (0, 0);
        for &tour in tours {
            if super::get(tx, tour)?.status != Status::Draft {
                skipped += 1;
                continue;
            }
            itinerary::write_stops(tx, tour, &t.stops)?;
            applied += 1;
        }
        audit::record(
            tx,
            stamp,
            "template.apply",
            "template",
            Some(&id.to_string()),
            &format!("{applied} tours, {skipped} skipped"),
        )?;
        Ok((applied, skipped))
    })
}
