//! Benchmark of the Dashboard and Reports on a programme with 320 tours, 20,000 members
//! (5,000 groups of 4, registered and partly checked in) and 5,000 citizen requests.
//! Prints figures, asserts nothing. Run: `cargo bench -p gardesh-core --bench day`.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use gardesh_core::audit::Stamp;
use gardesh_core::clock::{Clock, FixedClock};
use gardesh_core::group::{self, Channel, GroupInput, Kind, MemberInput};
use gardesh_core::request::{self, Category, RequestInput};
use gardesh_core::time_of_day::TimeOfDay;
use gardesh_core::{checkin, dashboard, programme, registration, store, tour};

fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(v[v.len() / 2]),
        ms(v[(v.len() * 95 / 100).min(v.len() - 1)]),
    )
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut conn = store::open(&dir.path().join("day.sqlite3")).expect("db");
    let stamp = Stamp::new(
        "bench",
        FixedClock::at_iran(2026, 11, 28, 9, 0)
            .expect("clock")
            .now(),
    );
    gardesh_core::demo::install(&mut conn, &stamp).expect("demo");
    conn.pragma_update(None, "synchronous", "OFF")
        .expect("pragma");
    let started = Instant::now();
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
    let tours: Vec<_> = tour::of_programme(&conn, p.id)
        .expect("tours")
        .into_iter()
        .take(320)
        .collect();
    let stops = tour::itinerary::stops(&conn, tours[0].id).expect("stops");
    let mut open = Vec::new();
    for t in &tours {
        tour::itinerary::set_stops(&mut conn, &stamp, t.id, &stops).expect("stops");
        if tour::set_status(&mut conn, &stamp, t.id, tour::Status::Open).is_ok() {
            open.push(t.clone());
        }
    }
    for g in 0..5_000u32 {
        let members = (0..4)
            .map(|i| MemberInput {
                full_name: format!("عضو {g}-{i}"),
                mobile: if i == 0 {
                    format!("0913{:07}", g)
                } else {
                    String::new()
                },
                birth_year: Some(1360),
                is_leader: i == 0,
                ..MemberInput::default()
            })
            .collect();
        let (id, _) = group::create(
            &mut conn,
            &stamp,
            &GroupInput {
                name: format!("گروه {g}"),
                kind: Kind::Neighbourhood,
                channel: Channel::Phone,
                preferred_from: None,
                preferred_to: None,
                preferred_sites: vec![],
                notes: String::new(),
                members,
            },
        )
        .expect("group");
        let t = &open[g as usize % open.len()];
        let r = registration::register(&mut conn, &stamp, id, t.id, "نمونه").expect("register");
        // Tours of the first 40 days have been run: most groups checked in.
        if r.state == registration::State::Confirmed
            && (t.date - tours[0].date).num_days() < 40
            && g % 5 != 0
        {
            let day = Stamp::new(
                "bench",
                stamp.at + (t.date - NaiveDate::from_ymd_opt(2026, 11, 28).expect("d")),
            );
            let code = registration::code::code(&conn, r.id).expect("code");
            checkin::by_code(&mut conn, &day, t.id, &code).expect("check in");
        }
    }
    let cats = Category::ALL;
    for i in 0..5_000u32 {
        let id = request::create(
            &mut conn,
            &stamp,
            RequestInput {
                tour: Some(open[i as usize % open.len()].id),
                site: None,
                district: Some((i % 15 + 1) as u8),
                category: cats[i as usize % cats.len()],
                text: format!("درخواست شماره‌ی {i} درباره‌ی روشنایی و پیاده‌رو"),
                raised_by: String::new(),
                contact: String::new(),
                raised_on: tours[0].date - chrono::Duration::days(120)
                    + chrono::Duration::days(i64::from(i % 200)),
            },
        )
        .expect("request");
        if i % 3 == 0 {
            request::refer(&mut conn, &stamp, id, "معاونت خدمات شهری", tours[0].date)
                .expect("refer");
        }
        if i % 6 == 0 {
            request::answer(&mut conn, &stamp, id, "انجام شد", tours[0].date).expect("answer");
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("pragma");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect("count") };
    println!(
        "setup in {:.0} s: {} tours ({} open), {} members, {} registrations, {} marked present, {} requests",
        started.elapsed().as_secs_f64(),
        tours.len(),
        open.len(),
        count("SELECT count(*) FROM members"),
        count("SELECT count(*) FROM registrations"),
        count("SELECT count(*) FROM attendance WHERE present = 1"),
        count("SELECT count(*) FROM requests"),
    );
    let today = tours[0].date + chrono::Duration::days(45);
    let mut fig = Vec::new();
    let mut rep = Vec::new();
    let mut f = None;
    for _ in 0..15 {
        let t = Instant::now();
        f = Some(dashboard::figures(&conn, today).expect("figures"));
        fig.push(t.elapsed());
        let t = Instant::now();
        dashboard::reports(&conn).expect("reports");
        rep.push(t.elapsed());
    }
    let f = f.expect("figures");
    let (fm, fp) = stats(fig);
    let (rm, rp) = stats(rep);
    println!(
        "dashboard figures (day {:?}, {} visitors, {} overdue requests): median {fm:.1} ms, p95 {fp:.1} ms",
        f.programme_day, f.visitors, f.requests.overdue
    );
    println!("reports (5 series): median {rm:.1} ms, p95 {rp:.1} ms");
}
