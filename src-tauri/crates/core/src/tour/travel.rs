//! Travel times between stops: straight-line distance × a road factor ÷ an average speed
//! (both settings), unless the coordinator entered the time for that pair.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::SiteId;
use crate::site::Location;
use crate::store;

/// How travel times are estimated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TravelModel {
    /// Road distance ÷ straight-line distance (1.0–3.0).
    pub road_factor: f64,
    /// Average bus speed in the city, km/h (5–100).
    pub speed_kmh: f64,
    /// Where tours start and end (the meeting point).
    pub origin: Location,
}

impl Default for TravelModel {
    /// Isfahan traffic: roads ≈ 1.4 × straight lines, ≈ 22 km/h; tours meet on Imam
    /// Hossein Square, by the central municipality building.
    fn default() -> Self {
        TravelModel {
            road_factor: 1.4,
            speed_kmh: 22.0,
            origin: Location {
                latitude: 32.6552,
                longitude: 51.6712,
            },
        }
    }
}

/// Great-circle distance in km.
pub fn distance_km(a: Location, b: Location) -> f64 {
    let r = 6371.0;
    let (la1, la2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let dla = la2 - la1;
    let dlo = (b.longitude - a.longitude).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

impl TravelModel {
    /// Whole minutes, rounded up; 0 for the same place.
    pub fn estimate(&self, a: Location, b: Location) -> u32 {
        let minutes = distance_km(a, b) * self.road_factor / self.speed_kmh * 60.0;
        minutes.ceil().clamp(0.0, 600.0) as u32
    }

    pub fn validated(self) -> Result<Self> {
        if !(1.0..=3.0).contains(&self.road_factor) {
            return Err(Error::invalid(
                "roadFactor",
                "ضریب مسیر بین ۱ و ۳ است",
                "the road factor is between 1 and 3",
            ));
        }
        if !(5.0..=100.0).contains(&self.speed_kmh) {
            return Err(Error::invalid(
                "speedKmh",
                "سرعت میانگین بین ۵ و ۱۰۰ کیلومتر بر ساعت است",
                "the average speed is between 5 and 100 km/h",
            ));
        }
        let o = self.origin;
        if !(-90.0..=90.0).contains(&o.latitude) || !(-180.0..=180.0).contains(&o.longitude) {
            return Err(Error::invalid(
                "origin",
                "مختصات محل قرار نادرست است",
                "the meeting point's coordinates are not valid",
            ));
        }
        Ok(self)
    }
}

const KEYS: [&str; 4] = [
    "travel_road_factor",
    "travel_speed_kmh",
    "travel_origin_lat",
    "travel_origin_lng",
];

pub fn load_model(conn: &Connection) -> Result<TravelModel> {
    let d = TravelModel::default();
    let get = |k: &str, default: f64| -> Result<f64> {
        let v: Option<String> = conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [k], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(v.and_then(|s| s.parse().ok()).unwrap_or(default))
    };
    Ok(TravelModel {
        road_factor: get(KEYS[0], d.road_factor)?,
        speed_kmh: get(KEYS[1], d.speed_kmh)?,
        origin: Location {
            latitude: get(KEYS[2], d.origin.latitude)?,
            longitude: get(KEYS[3], d.origin.longitude)?,
        },
    })
}

pub fn save_model(conn: &mut Connection, stamp: &Stamp, m: TravelModel) -> Result<TravelModel> {
    let m = m.validated()?;
    store::write(conn, |tx| {
        let values = [
            m.road_factor,
            m.speed_kmh,
            m.origin.latitude,
            m.origin.longitude,
        ];
        for (k, v) in KEYS.iter().zip(values) {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![k, v.to_string()],
            )?;
        }
        audit::record(
            tx,
            stamp,
            "travel.model",
            "settings",
            None,
            &format!("{m:?}"),
        )?;
        Ok(m)
    })
}

/// Set (or with `None`, clear) the travel time from one site to another.
pub fn set_override(
    conn: &mut Connection,
    stamp: &Stamp,
    from: SiteId,
    to: SiteId,
    minutes: Option<u32>,
) -> Result<()> {
    if from == to {
        return Err(Error::invalid(
            "to",
            "مبدأ و مقصد یکی است",
            "the two sites are the same",
        ));
    }
    if minutes.is_some_and(|m| m > 600) {
        return Err(Error::invalid(
            "minutes",
            "زمان سفر حداکثر ۶۰۰ دقیقه است",
            "a travel time is at most 600 minutes",
        ));
    }
    store::write(conn, |tx| {
        match minutes {
            Some(m) => tx.execute(
                "INSERT INTO travel_overrides (from_site, to_site, minutes) VALUES (?1, ?2, ?3)
                 ON CONFLICT(from_site, to_site) DO UPDATE SET minutes = excluded.minutes",
                params![from, to, m],
            )?,
            None => tx.execute(
                "DELETE FROM travel_overrides WHERE from_site = ?1 AND to_site = ?2",
                params![from, to],
            )?,
        };
        audit::record(
            tx,
            stamp,
            "travel.override",
            "site",
            Some(&from.to_string()),
            &format!("→ {to}: {minutes:?}"),
        )?;
        Ok(())
    })
}

/// A place on an itinerary: the meeting point or a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Origin,
    Site(SiteId),
}

/// Travel times between every pair of the given places (and the meeting point).
#[derive(Debug, Clone)]
pub struct Matrix {
    index: HashMap<Place, usize>,
    minutes: Vec<Vec<u32>>,
}

impl Matrix {
    /// `sites` with their locations (a site without coordinates is treated as being at the
    /// meeting point: travel to it is then only as good as the overrides).
    pub fn build(
        conn: &Connection,
        model: &TravelModel,
        sites: &[(SiteId, Option<Location>)],
    ) -> Result<Matrix> {
        let mut places = vec![(Place::Origin, model.origin)];
        for (id, loc) in sites {
            if !places.iter().any(|(p, _)| *p == Place::Site(*id)) {
                places.push((Place::Site(*id), loc.unwrap_or(model.origin)));
            }
        }
        let index: HashMap<Place, usize> = places
            .iter()
            .enumerate()
            .map(|(i, (p, _))| (*p, i))
            .collect();
        let mut minutes = vec![vec![0u32; places.len()]; places.len()];
        for (i, (_, a)) in places.iter().enumerate() {
            for (j, (_, b)) in places.iter().enumerate() {
                if i != j {
                    minutes[i][j] = model.estimate(*a, *b);
                }
            }
        }
        let mut st = conn.prepare("SELECT from_site, to_site, minutes FROM travel_overrides")?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, SiteId>(0)?,
                r.get::<_, SiteId>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        for row in rows {
            let (f, t, m) = row?;
            if let (Some(&i), Some(&j)) = (index.get(&Place::Site(f)), index.get(&Place::Site(t))) {
                minutes[i][j] = m;
            }
        }
        Ok(Matrix { index, minutes })
    }

    /// A matrix from a table: row and column 0 are the meeting point, then `sites` in order.
    pub fn from_table(sites: &[SiteId], minutes: Vec<Vec<u32>>) -> Matrix {
        let mut index = HashMap::from([(Place::Origin, 0)]);
        for (i, s) in sites.iter().enumerate() {
            index.insert(Place::Site(*s), i + 1);
        }
        Matrix { index, minutes }
    }

    pub fn minutes(&self, from: Place, to: Place) -> u32 {
        match (self.index.get(&from), self.index.get(&to)) {
            (Some(&i), Some(&j)) => self.minutes[i][j],
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_follow_the_model() {
        let m = TravelModel::default();
        let si_o_se_pol = Location {
            latitude: 32.64444,
            longitude: 51.66750,
        };
        let naqsh = Location {
            latitude: 32.65745,
            longitude: 51.67778,
        };
        let km = distance_km(si_o_se_pol, naqsh);
        assert!((1.6..1.8).contains(&km), "{km} km");
        // 1.7 km × 1.4 ÷ 22 km/h ≈ 6.5 min → 7.
        assert_eq!(m.estimate(si_o_se_pol, naqsh), 7);
        assert_eq!(m.estimate(naqsh, naqsh), 0);
        assert!(TravelModel {
            road_factor: 0.5,
            ..m
        }
        .validated()
        .is_err());
        assert!(TravelModel {
            speed_kmh: 0.0,
            ..m
        }
        .validated()
        .is_err());
    }
}
