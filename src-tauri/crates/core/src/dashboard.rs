//! The Dashboard's figures and the Reports page's series, computed from the database for
//! a given day (time passed in).

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::ids::{SiteId, TourId};
use crate::registration as reg;
use crate::request::{self, Category, Status as RequestStatus};
use crate::time_of_day::TimeOfDay;
use crate::tour;

/// A tour of the day with its seats and check-in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayTour {
    pub tour: tour::Tour,
    pub capacity: u32,
    /// Seats held.
    pub taken: u32,
    /// Members marked present.
    pub present: u32,
    pub waiting_groups: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub today: NaiveDate,
    /// "Day N of L" when today is inside the programme.
    pub programme_day: Option<u32>,
    pub programme_days: u32,
    pub programme_title: Option<String>,
    pub today_tours: Vec<TodayTour>,
    /// Seats held on the programme's tours, and seats offered by its open (or full, done)
    /// tours.
    pub seats_filled: u32,
    pub seats_offered: u32,
    /// Members marked present so far.
    pub visitors: u32,
    pub waiting_groups: u32,
    pub waiting_seats: u32,
    /// Groups waiting for any tour on a range of dates.
    pub waiting_for_dates: u32,
    /// No-show groups over groups whose tour has been checked (attended or no-show).
    pub no_show_rate: Option<f64>,
    pub requests: request::Counts,
}

fn count(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<u32> {
    let n: i64 = conn.query_row(sql, p, |r| r.get(0))?;
    Ok(u32::try_from(n).unwrap_or(0))
}

fn present_on(conn: &Connection, tour: TourId) -> Result<u32> {
    count(
        conn,
        "SELECT count(*) FROM attendance a JOIN registrations r ON r.id = a.registration_id
         WHERE r.tour_id = ?1 AND a.present = 1",
        [tour],
    )
}

pub fn figures(conn: &Connection, today: NaiveDate) -> Result<Figures> {
    let p = crate::programme::current(conn)?;
    let tours = match &p {
        Some(p) => tour::of_programme(conn, p.id)?,
        None => vec![],
    };
    let mut seats_offered = 0;
    let mut seats_filled = 0;
    let mut today_tours = Vec::new();
    for t in &tours {
        let taken = reg::taken(conn, t.id)?;
        seats_filled += taken;
        let takes_people = matches!(
            t.status,
            tour::Status::Open | tour::Status::Full | tour::Status::Done
        );
        if takes_people || t.date == today {
            let capacity = reg::capacity(conn, t.id)?;
            if takes_people {
                seats_offered += capacity;
            }
            if t.date == today && t.status != tour::Status::Cancelled {
                today_tours.push(TodayTour {
                    tour: t.clone(),
                    capacity,
                    taken,
                    present: present_on(conn, t.id)?,
                    waiting_groups: count(
                        conn,
                        "SELECT count(*) FROM registrations WHERE tour_id = ?1 AND state = 'waitlisted'",
                        [t.id],
                    )?,
                });
            }
        }
    }
    let (waiting_groups, waiting_seats): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(seats), 0) FROM registrations WHERE state = 'waitlisted'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (attended, no_show): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(state = 'attended'), 0), coalesce(sum(state = 'no_show'), 0) FROM registrations",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Figures {
        today,
        programme_day: p.as_ref().and_then(|p| p.day_number(today)),
        programme_days: p.as_ref().map_or(0, |p| p.input.length_days),
        programme_title: p.as_ref().map(|p| p.input.title.clone()),
        today_tours,
        seats_filled,
        seats_offered,
        visitors: count(
            conn,
            "SELECT count(*) FROM attendance WHERE present = 1",
            [],
        )?,
        waiting_groups: u32::try_from(waiting_groups).unwrap_or(0),
        waiting_seats: u32::try_from(waiting_seats).unwrap_or(0),
        waiting_for_dates: count(
            conn,
            "SELECT count(*) FROM date_waits WHERE state = 'waiting'",
            [],
        )?,
        no_show_rate: (attended + no_show > 0)
            .then(|| no_show as f64 / (attended + no_show) as f64),
        requests: request::counts(conn, today)?,
    })
}

/// A tour's fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fill {
    pub tour: TourId,
    pub date: NaiveDate,
    pub departure: TimeOfDay,
    pub capacity: u32,
    pub taken: u32,
    pub present: u32,
}

/// The Reports page's series.
#[derive(Debug, Clone, PartialEq)]
pub struct Reports {
    /// (tour date, members present).
    pub visitors_per_day: Vec<(NaiveDate, u32)>,
    pub fill_per_tour: Vec<Fill>,
    /// (site, name, members present on tours that stopped there).
    pub visitors_per_site: Vec<(SiteId, String, u32)>,
    /// (district 1–15, members present at its sites).
    pub visitors_per_district: Vec<(u8, u32)>,
    pub requests_by_category: Vec<(Category, u32)>,
    pub requests_by_status: Vec<(RequestStatus, u32)>,
}

pub fn reports(conn: &Connection) -> Result<Reports> {
    let visitors_per_day = {
        let mut st = conn.prepare(
            "SELECT t.date, count(*) FROM attendance a JOIN registrations r ON r.id = a.registration_id
             JOIN tours t ON t.id = r.tour_id WHERE a.present = 1 GROUP BY t.date ORDER BY t.date",
        )?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter_map(|(d, n)| {
                NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                    .ok()
                    .map(|d| (d, n))
            })
            .collect()
    };
    let mut fill_per_tour = Vec::new();
    if let Some(p) = crate::programme::current(conn)? {
        for t in tour::of_programme(conn, p.id)? {
            if matches!(
                t.status,
                tour::Status::Open | tour::Status::Full | tour::Status::Done
            ) {
                fill_per_tour.push(Fill {
                    capacity: reg::capacity(conn, t.id)?,
                    taken: reg::taken(conn, t.id)?,
                    present: present_on(conn, t.id)?,
                    tour: t.id,
                    date: t.date,
                    departure: t.departure,
                });
            }
        }
    }
    let visitors_per_site: Vec<(SiteId, String, u32)> = {
        let mut st = conn.prepare(
            "SELECT s.id, s.name_fa, count(*) FROM attendance a JOIN registrations r ON r.id = a.registration_id
             JOIN stops x ON x.tour_id = r.tour_id JOIN sites s ON s.id = x.site_id
             WHERE a.present = 1 GROUP BY s.id ORDER BY count(*) DESC, s.id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let visitors_per_district = {
        let mut st = conn.prepare(
            "SELECT s.district, count(*) FROM attendance a JOIN registrations r ON r.id = a.registration_id
             JOIN stops x ON x.tour_id = r.tour_id JOIN sites s ON s.id = x.site_id
             WHERE a.present = 1 GROUP BY s.district ORDER BY s.district",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let grouped = |column: &str| -> Result<Vec<(String, u32)>> {
        let mut st = conn.prepare(&format!(
            "SELECT {column}, count(*) FROM requests GROUP BY {column}"
        ))?;
        let rows = st.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let by_category = grouped("category")?;
    let by_status = grouped("status")?;
    Ok(Reports {
        visitors_per_day,
        fill_per_tour,
        visitors_per_site,
        visitors_per_district,
        requests_by_category: Category::ALL
            .into_iter()
            .map(|c| {
                (
                    c,
                    by_category
                        .iter()
                        .find(|(k, _)| k == c.as_str())
                        .map_or(0, |x| x.1),
                )
            })
            .collect(),
        requests_by_status: RequestStatus::ALL
            .into_iter()
            .map(|s| {
                (
                    s,
                    by_status
                        .iter()
                        .find(|(k, _)| k == s.as_str())
                        .map_or(0, |x| x.1),
                )
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Stamp;
    use crate::clock::{Clock, FixedClock};
    use crate::store;

    #[test]
    fn figures_and_reports_follow_check_in_and_requests() {
        let mut c = store::open_in_memory().unwrap();
        let st =
            |d: u32, h: u32| Stamp::new("t", FixedClock::at_iran(2026, 12, d, h, 0).unwrap().now());
        crate::demo::install(&mut c, &st(1, 9)).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 12, 22).unwrap();
        let f = figures(&c, day).unwrap();
        assert_eq!((f.programme_day, f.programme_days), (Some(1), 80));
        assert_eq!(f.today_tours.len(), 2);
        let first = &f.today_tours[0];
        assert_eq!(
            (
                first.capacity,
                first.taken,
                first.present,
                first.waiting_groups
            ),
            (25, 22, 0, 1)
        );
        assert_eq!(f.waiting_groups, 1);
        assert_eq!(f.no_show_rate, None);
        // Check one group in, close the departure: the other is a no-show.
        let sheet = crate::checkin::sheet(&c, first.tour.id).unwrap();
        let code = sheet.groups[0].code.clone();
        crate::checkin::by_code(&mut c, &st(22, 7), first.tour.id, &code).unwrap();
        crate::checkin::close_departure(&mut c, &st(22, 8), first.tour.id).unwrap();
        crate::request::create(
            &mut c,
            &st(22, 10),
            crate::request::RequestInput {
                tour: Some(first.tour.id),
                site: None,
                district: Some(1),
                category: Category::Transport,
                text: "ایستگاه اتوبوس نزدیک کارگاه جابه‌جا شود".into(),
                raised_by: String::new(),
                contact: String::new(),
                raised_on: day,
            },
        )
        .unwrap();
        let f = figures(&c, day).unwrap();
        assert_eq!(f.visitors, 12);
        assert_eq!(f.today_tours[0].present, 12);
        assert_eq!(f.no_show_rate, Some(0.5));
        assert_eq!((f.requests.open, f.requests.overdue), (1, 0));
        let r = reports(&c).unwrap();
        assert_eq!(r.visitors_per_day, vec![(day, 12)]);
        assert!(r.visitors_per_site.iter().all(|(_, _, n)| *n == 12));
        assert!(!r.visitors_per_site.is_empty());
        assert_eq!(
            r.requests_by_category
                .iter()
                .find(|(c, _)| *c == Category::Transport)
                .unwrap()
                .1,
            1
        );
        assert!(r
            .fill_per_tour
            .iter()
            .any(|x| x.tour == first.tour.id && x.present == 12));
    }
}
