//! Benchmarks of gardesh-core: prints figures, asserts nothing.
//! Run: `cargo bench -p gardesh-core --bench core` (results in docs/PERFORMANCE.md).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use gardesh_core::audit::Stamp;
use gardesh_core::clock::{Clock, FixedClock};
use gardesh_core::ids::SiteId;
use gardesh_core::persian::Weekday;
use gardesh_core::programme::{self, ProgrammeInput};
use gardesh_core::site::photo;
use gardesh_core::site::{HoursWindow, Location};
use gardesh_core::store;
use gardesh_core::time_of_day::TimeOfDay;
use gardesh_core::tour::itinerary::{SiteFacts, StopInput};
use gardesh_core::tour::optimise::Problem;
use gardesh_core::tour::travel::{self, Matrix};
use std::collections::HashMap;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Peak resident memory of this process so far (Linux; elsewhere unknown).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn year_programme(on_disk: bool) -> (Duration, Duration, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut conn = if on_disk {
        store::open(&dir.path().join("bench.sqlite3")).expect("db")
    } else {
        store::open_in_memory().expect("db")
    };
    let stamp = Stamp::new(
        "bench",
        FixedClock::at_iran(2026, 11, 28, 9, 0)
            .expect("clock")
            .now(),
    );
    let t = |s: &str| TimeOfDay::parse(s).expect("time");
    let input = ProgrammeInput {
        title: "سال کامل".into(),
        starts: NaiveDate::from_ymd_opt(2026, 3, 21).expect("date"),
        length_days: 365,
        run_days: Weekday::ALL
            .into_iter()
            .filter(|d| *d != Weekday::Friday)
            .collect(),
        departures: vec![t("8:00"), t("10:30"), t("13:00"), t("15:30")],
        default_seats: 25,
        meeting_point: "میدان امام حسین".into(),
        day_ends: t("18:00"),
    };
    programme::save(&mut conn, &stamp, input).expect("programme");
    programme::holidays::save_all(
        &mut conn,
        &stamp,
        &programme::holidays::official_1405(),
        "bench",
    )
    .expect("holidays");
    let started = Instant::now();
    let plan = programme::plan_departures(&conn).expect("plan");
    let planned = started.elapsed();
    let n = plan.add.len();
    let started = Instant::now();
    programme::apply_plan(&mut conn, &stamp, &plan.fingerprint()).expect("apply");
    (planned, started.elapsed(), n)
}

fn test_jpeg(w: u32, h: u32) -> Vec<u8> {
    // A photo-like image: smooth gradients with a fine pattern, so JPEG has real work.
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let v = ((x / 7 + y / 5) % 32) as u8;
        image::Rgb([
            (x * 255 / w) as u8 ^ v,
            (y * 255 / h) as u8,
            ((x + y) % 256) as u8 ^ (v << 2),
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .expect("encode");
    out
}

/// A 12-stop instance: sites on a ring around the centre, open 07:00–20:00, given in a
/// scrambled order.
#[allow(clippy::needless_range_loop)] // i and j index both places and the matrix
fn twelve_stops() -> (Vec<StopInput>, HashMap<SiteId, SiteFacts>, Matrix) {
    let n = 12;
    let sites: Vec<SiteId> = (1..=n as i64).map(SiteId).collect();
    let loc = |i: usize| {
        let a = (i * 5 % n) as f64 / n as f64 * std::f64::consts::TAU;
        Location {
            latitude: 32.65 + 0.05 * a.sin(),
            longitude: 51.67 + 0.06 * a.cos(),
        }
    };
    let model = travel::TravelModel::default();
    let mut minutes = vec![vec![0u32; n + 1]; n + 1];
    let place = |i: usize| if i == 0 { model.origin } else { loc(i - 1) };
    for i in 0..=n {
        for j in 0..=n {
            if i != j {
                minutes[i][j] = model.estimate(place(i), place(j));
            }
        }
    }
    let facts = sites
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let hours = Weekday::ALL
                .into_iter()
                .map(|d| HoursWindow {
                    weekday: d,
                    opens: TimeOfDay::hm(7, 0).unwrap(),
                    closes: TimeOfDay::hm(20, 0).unwrap(),
                })
                .collect();
            (
                s,
                SiteFacts {
                    name: i.to_string(),
                    location: Some(loc(i)),
                    visit_minutes: 20,
                    max_visitors: 30,
                    hours,
                    closed: None,
                    archived: false,
                },
            )
        })
        .collect();
    let stops = sites
        .iter()
        .map(|&site| StopInput { site, dwell: None })
        .collect();
    (stops, facts, Matrix::from_table(&sites, minutes))
}

fn main() {
    let rounds = 5;
    println!("gardesh-core benchmarks ({rounds} rounds each, median)");

    for on_disk in [false, true] {
        let mut plan = Vec::new();
        let mut apply = Vec::new();
        let mut n = 0;
        for _ in 0..rounds {
            let (p, a, k) = year_programme(on_disk);
            plan.push(p);
            apply.push(a);
            n = k;
        }
        println!(
            "year-long programme, 4 departures a day ({} db): {n} departures; plan {:.1} ms, apply {:.1} ms",
            if on_disk { "file, synchronous=FULL" } else { "in-memory" },
            ms(median(plan)),
            ms(median(apply)),
        );
    }

    let (stops, facts, matrix) = twelve_stops();
    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..rounds {
        let started = Instant::now();
        let p = Problem {
            departure: 480,
            weekday: Weekday::Saturday,
            stops: &stops,
            facts: &facts,
            matrix: &matrix,
            fix_last: false,
        };
        result = Some(p.solve());
        times.push(started.elapsed());
    }
    let r = result.expect("a proposal");
    println!(
        "optimise 12 stops exactly: {:.0} ms (travel {} → {} min, exact: {})",
        ms(median(times)),
        r.travel_before,
        r.travel_after,
        r.exact
    );

    // Feasibility of every tour of a 320-tour programme (the demo's sites and routes).
    let dir = tempfile::tempdir().expect("temp dir");
    let mut conn = store::open(&dir.path().join("feasibility.sqlite3")).expect("db");
    let stamp = Stamp::new(
        "bench",
        FixedClock::at_iran(2026, 11, 28, 9, 0)
            .expect("clock")
            .now(),
    );
    gardesh_core::demo::install(&mut conn, &stamp).expect("demo");
    let mut p = programme::current(&conn)
        .expect("programme")
        .expect("the demo programme");
    p.input.departures = ["8:00", "10:30", "13:00", "15:00"]
        .iter()
        .map(|t| TimeOfDay::parse(t).expect("time"))
        .collect();
    p.input.length_days = 110;
    programme::save(&mut conn, &stamp, p.input.clone()).expect("save");
    let plan = programme::plan_departures(&conn).expect("plan");
    programme::apply_plan(&mut conn, &stamp, &plan.fingerprint()).expect("apply");
    let all: Vec<_> = gardesh_core::tour::of_programme(&conn, p.id)
        .expect("tours")
        .into_iter()
        .take(320)
        .collect();
    let template_stops = gardesh_core::tour::itinerary::stops(&conn, all[0].id).expect("stops");
    for t in &all {
        gardesh_core::tour::itinerary::set_stops(&mut conn, &stamp, t.id, &template_stops)
            .expect("stops");
    }
    let mut times = Vec::new();
    let mut feasible = 0;
    for _ in 0..rounds {
        let started = Instant::now();
        feasible = all
            .iter()
            .filter(|t| {
                gardesh_core::tour::itinerary::schedule(&conn, t.id)
                    .expect("schedule")
                    .is_feasible()
            })
            .count();
        times.push(started.elapsed());
    }
    println!(
        "feasibility of every tour: {} tours ({} feasible) in {:.0} ms ({:.2} ms a tour)",
        all.len(),
        feasible,
        ms(median(times.clone())),
        ms(median(times)) / all.len() as f64
    );

    let jpeg = test_jpeg(6000, 4000);
    let before = peak_rss_mib();
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..rounds {
        let started = Instant::now();
        out = Some(photo::prepare(&jpeg).expect("prepare"));
        times.push(started.elapsed());
    }
    let p = out.expect("a photo");
    println!(
        "24-megapixel JPEG ({:.1} MB) → display {}×{} ({} KB) + thumbnail ({} KB): {:.0} ms; peak RSS {} (before {})",
        jpeg.len() as f64 / 1e6,
        p.width,
        p.height,
        p.display.len() / 1024,
        p.thumb.len() / 1024,
        ms(median(times)),
        peak_rss_mib().map(|m| format!("{m:.0} MiB")).unwrap_or_else(|| "n/a".into()),
        before.map(|m| format!("{m:.0} MiB")).unwrap_or_else(|| "n/a".into()),
    );
}
