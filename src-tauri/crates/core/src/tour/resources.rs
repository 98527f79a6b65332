//! Vehicles and guides: managed resources, never on two tours whose times overlap.

use rusqlite::{params, Connection, OptionalExtension};

use super::{get, itinerary, Tour};
use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{GuideId, TourId, VehicleId};
use crate::persian::calendar::Style;
use crate::persian::JalaliDate;
use crate::store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vehicle {
    pub id: VehicleId,
    pub name: String,
    pub plate: String,
    pub seats: u32,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub id: GuideId,
    pub name: String,
    pub phone: String,
    pub active: bool,
}

fn vehicle_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Vehicle> {
    Ok(Vehicle {
        id: r.get(0)?,
        name: r.get(1)?,
        plate: r.get(2)?,
        seats: r.get(3)?,
        active: r.get(4)?,
    })
}

fn guide_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Guide> {
    Ok(Guide {
        id: r.get(0)?,
        name: r.get(1)?,
        phone: r.get(2)?,
        active: r.get(3)?,
    })
}

fn name_ok(name: &str) -> Result<String> {
    let n = name.trim();
    if n.is_empty() || n.chars().count() > 120 {
        return Err(Error::invalid(
            "name",
            "نام لازم است و حداکثر ۱۲۰ نویسه",
            "a name is needed, at most 120 characters",
        ));
    }
    Ok(n.to_string())
}

/// Add or change a vehicle (`id` None adds).
pub fn save_vehicle(
    conn: &mut Connection,
    stamp: &Stamp,
    id: Option<VehicleId>,
    name: &str,
    plate: &str,
    seats: u32,
    active: bool,
) -> Result<VehicleId> {
    let name = name_ok(name)?;
    if !(1..=200).contains(&seats) {
        return Err(Error::invalid(
            "seats",
            "صندلی‌های خودرو بین ۱ و ۲۰۰ است",
            "a vehicle has 1 to 200 seats",
        ));
    }
    store::write(conn, |tx| {
        let id = match id {
            None => {
                tx.execute(
                    "INSERT INTO vehicles (name, plate, seats, active) VALUES (?1, ?2, ?3, ?4)",
                    params![name, plate.trim(), seats, active],
                )?;
                VehicleId(tx.last_insert_rowid())
            }
            Some(id) => {
                let n = tx.execute("UPDATE vehicles SET name = ?2, plate = ?3, seats = ?4, active = ?5 WHERE id = ?1", params![id, name, plate.trim(), seats, active])?;
                if n == 0 {
                    return Err(Error::NotFound {
                        what: "vehicle",
                        id: id.to_string(),
                    });
                }
                id
            }
        };
        audit::record(
            tx,
            stamp,
            "vehicle.save",
            "vehicle",
            Some(&id.to_string()),
            &format!("{name}, {seats} seats"),
        )?;
        Ok(id)
    })
}

pub fn save_guide(
    conn: &mut Connection,
    stamp: &Stamp,
    id: Option<GuideId>,
    name: &str,
    phone: &str,
    active: bool,
) -> Result<GuideId> {
    let name = name_ok(name)?;
    store::write(conn, |tx| {
        let id = match id {
            None => {
                tx.execute(
                    "INSERT INTO guides (name, phone, active) VALUES (?1, ?2, ?3)",
                    params![name, phone.trim(), active],
                )?;
                GuideId(tx.last_insert_rowid())
            }
            Some(id) => {
                let n = tx.execute(
                    "UPDATE guides SET name = ?2, phone = ?3, active = ?4 WHERE id = ?1",
                    params![id, name, phone.trim(), active],
                )?;
                if n == 0 {
                    return Err(Error::NotFound {
                        what: "guide",
                        id: id.to_string(),
                    });
                }
                id
            }
        };
        audit::record(
            tx,
            stamp,
            "guide.save",
            "guide",
            Some(&id.to_string()),
            &name,
        )?;
        Ok(id)
    })
}

pub fn vehicles(conn: &Connection) -> Result<Vec<Vehicle>> {
    let mut st = conn.prepare(
        "SELECT id, name, plate, seats, active FROM vehicles ORDER BY active DESC, name",
    )?;
    let rows = st.query_map([], vehicle_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn guides(conn: &Connection) -> Result<Vec<Guide>> {
    let mut st =
        conn.prepare("SELECT id, name, phone, active FROM guides ORDER BY active DESC, name")?;
    let rows = st.query_map([], guide_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn tour_vehicles(conn: &Connection, tour: TourId) -> Result<Vec<Vehicle>> {
    let mut st = conn.prepare(
        "SELECT v.id, v.name, v.plate, v.seats, v.active FROM tour_vehicles tv JOIN vehicles v ON v.id = tv.vehicle_id
         WHERE tv.tour_id = ?1 ORDER BY v.name",
    )?;
    let rows = st.query_map([tour], vehicle_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn tour_guides(conn: &Connection, tour: TourId) -> Result<Vec<Guide>> {
    let mut st = conn.prepare(
        "SELECT g.id, g.name, g.phone, g.active FROM tour_guides tg JOIN guides g ON g.id = tg.guide_id
         WHERE tg.tour_id = ?1 ORDER BY g.name",
    )?;
    let rows = st.query_map([tour], guide_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The minutes a tour occupies its bus and guide: from departure until back.
pub fn span(conn: &Connection, tour: &Tour) -> Result<(u32, u32)> {
    let s = itinerary::schedule(conn, tour.id)?;
    let start = tour.departure.minutes();
    Ok((start, s.ends.map_or(1440, |e| e.minutes()).max(start)))
}

fn describe(t: &Tour) -> (String, String) {
    let j = JalaliDate::from_gregorian(t.date).ok();
    (
        format!(
            "تور {} ساعت {}",
            j.map(|j| j.format(Style::Short, true)).unwrap_or_default(),
            t.departure.format(true)
        ),
        format!(
            "the tour of {} at {}",
            j.map(|j| j.format(Style::Short, false)).unwrap_or_default(),
            t.departure
        ),
    )
}

/// Another tour, the same day, holding `table`'s resource `id`, whose time overlaps `tour`.
fn clash(
    conn: &Connection,
    tour: &Tour,
    table: &str,
    column: &str,
    id: i64,
) -> Result<Option<Tour>> {
    let mine = span(conn, tour)?;
    let sql = format!(
        "SELECT t.id FROM {table} x JOIN tours t ON t.id = x.tour_id
         WHERE x.{column} = ?1 AND t.date = ?2 AND t.id <> ?3 AND t.status <> 'cancelled'"
    );
    let others: Vec<TourId> = {
        let mut st = conn.prepare(&sql)?;
        let rows = st.query_map(params![id, tour.date.to_string(), tour.id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for other in others {
        let t = get(conn, other)?;
        let theirs = span(conn, &t)?;
        if mine.0 < theirs.1 && theirs.0 < mine.1 {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

fn refuse_clash(what_fa: &str, what_en: &str, other: &Tour) -> Error {
    let (fa, en) = describe(other);
    Error::conflict(
        format!("{what_fa} در همین ساعت‌ها در {fa} است"),
        format!("{what_en} is on {en} at overlapping times"),
    )
}

/// What the assignment functions need to know about a kind of resource.
struct Kind {
    table: &'static str,
    column: &'static str,
    source: &'static str,
    what: &'static str,
    label_fa: &'static str,
    label_en: &'static str,
    action: &'static str,
}

const VEHICLE: Kind = Kind {
    table: "tour_vehicles",
    column: "vehicle_id",
    source: "vehicles",
    what: "vehicle",
    label_fa: "خودروی",
    label_en: "the vehicle",
    action: "tour.vehicle",
};

const GUIDE: Kind = Kind {
    table: "tour_guides",
    column: "guide_id",
    source: "guides",
    what: "guide",
    label_fa: "راهنما",
    label_en: "the guide",
    action: "tour.guide",
};

fn assign(conn: &mut Connection, stamp: &Stamp, tour: TourId, kind: &Kind, id: i64) -> Result<()> {
    store::write(conn, |tx| {
        let t = get(tx, tour)?;
        let name: String = tx
            .query_row(
                &format!("SELECT name FROM {} WHERE id = ?1", kind.source),
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: kind.what,
                id: id.to_string(),
            })?;
        if let Some(other) = clash(tx, &t, kind.table, kind.column, id)? {
            return Err(refuse_clash(
                &format!("{} «{name}»", kind.label_fa),
                &format!("{} “{name}”", kind.label_en),
                &other,
            ));
        }
        tx.execute(
            &format!(
                "INSERT OR IGNORE INTO {} (tour_id, {}) VALUES (?1, ?2)",
                kind.table, kind.column
            ),
            params![tour, id],
        )?;
        audit::record(
            tx,
            stamp,
            &format!("{}.add", kind.action),
            "tour",
            Some(&tour.to_string()),
            &name,
        )?;
        // A bigger bus may let waiting groups in.
        crate::registration::promote(tx, stamp, tour)?;
        Ok(())
    })
}

fn unassign(
    conn: &mut Connection,
    stamp: &Stamp,
    tour: TourId,
    kind: &Kind,
    id: i64,
) -> Result<()> {
    store::write(conn, |tx| {
        tx.execute(
            &format!(
                "DELETE FROM {} WHERE tour_id = ?1 AND {} = ?2",
                kind.table, kind.column
            ),
            params![tour, id],
        )?;
        audit::record(
            tx,
            stamp,
            &format!("{}.remove", kind.action),
            "tour",
            Some(&tour.to_string()),
            &id.to_string(),
        )
        .map(drop)
    })
}

/// Put a vehicle on a tour; refused, naming the other tour, when its times overlap.
pub fn assign_vehicle(
    conn: &mut Connection,
    stamp: &Stamp,
    tour: TourId,
    vehicle: VehicleId,
) -> Result<()> {
    assign(conn, stamp, tour, &VEHICLE, vehicle.get())
}

/// Put a guide on a tour; refused, naming the other tour, when its times overlap.
pub fn assign_guide(
    conn: &mut Connection,
    stamp: &Stamp,
    tour: TourId,
    guide: GuideId,
) -> Result<()> {
    assign(conn, stamp, tour, &GUIDE, guide.get())
}

pub fn unassign_vehicle(
    conn: &mut Connection,
    stamp: &Stamp,
    tour: TourId,
    vehicle: VehicleId,
) -> Result<()> {
    unassign(conn, stamp, tour, &VEHICLE, vehicle.get())
}

pub fn unassign_guide(
    conn: &mut Connection,
    stamp: &Stamp,
    tour: TourId,
    guide: GuideId,
) -> Result<()> {
    unassign(conn, stamp, tour, &GUIDE, guide.get())
}

/// Clashes of a tour's vehicles and guides with other tours (the stops may have changed
/// since they were assigned): Persian and English descriptions.
pub fn clashes(conn: &Connection, tour: &Tour) -> Result<Vec<(String, String)>> {
    let held: Vec<(&Kind, i64, String)> = tour_vehicles(conn, tour.id)?
        .into_iter()
        .map(|v| (&VEHICLE, v.id.get(), v.name))
        .chain(
            tour_guides(conn, tour.id)?
                .into_iter()
                .map(|g| (&GUIDE, g.id.get(), g.name)),
        )
        .collect();
    let mut out = Vec::new();
    for (kind, id, name) in held {
        if let Some(o) = clash(conn, tour, kind.table, kind.column, id)? {
            let fa = format!("{} «{name}»", kind.label_fa);
            let en = format!("{} “{name}”", kind.label_en);
            if let Error::Conflict { why } = refuse_clash(&fa, &en, &o) {
                out.push((why.fa, why.en));
            }
        }
    }
    Ok(out)
}
