//! Benchmark of groups and registrations with 100,000 members: search latency (the
//! groups list's search and the CLI's search) against a bare FTS5 query on the same data,
//! and registration latency on a file database. Prints figures, asserts nothing.
//! Run: `cargo bench -p gardesh-core --bench groups` (results in docs/PERFORMANCE.md).

use std::time::{Duration, Instant};

use gardesh_core::audit::Stamp;
use gardesh_core::clock::{Clock, FixedClock};
use gardesh_core::group::{self, list, Channel, GroupInput, Kind, MemberInput};
use gardesh_core::ids::GroupId;
use gardesh_core::persian::{fts_query, normalize_fa};
use gardesh_core::registration;
use gardesh_core::{store, tour};

const FIRST: &[&str] = &[
    "علی",
    "محمد",
    "حسین",
    "رضا",
    "مهدی",
    "زهرا",
    "فاطمه",
    "مریم",
    "سارا",
    "نرگس",
    "امیر",
    "حمید",
    "ناصر",
    "لیلا",
    "مینا",
    "پریسا",
    "کاوه",
    "بهرام",
    "شیرین",
    "یاسمن",
    "آرش",
    "نسرین",
];
const LAST: &[&str] = &[
    "کاظمی",
    "رضایی",
    "احمدی",
    "محمدی",
    "حسینی",
    "اصفهانی",
    "نوروزی",
    "کریمی",
    "صادقی",
    "جعفری",
    "قاسمی",
    "موسوی",
    "هاشمی",
    "طاهری",
    "شریفی",
    "سلیمانی",
    "زمانی",
    "باقری",
    "رحیمی",
    "یزدانی",
    "فروغی",
    "نیک‌نام",
    "امینی",
    "اکبری",
    "کیانی",
    "توکلی",
    "مرادی",
];

fn national_id(n: u64) -> String {
    let mut d: Vec<u32> = format!("{:09}", 100_000_000 + n % 800_000_000)
        .chars()
        .map(|c| c.to_digit(10).unwrap_or(0))
        .collect();
    let r = d
        .iter()
        .enumerate()
        .map(|(i, x)| x * (10 - i as u32))
        .sum::<u32>()
        % 11;
    d.push(if r < 2 { r } else { 11 - r });
    d.into_iter()
        .map(|x| char::from_digit(x, 10).unwrap_or('0'))
        .collect()
}

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
    let path = dir.path().join("groups.sqlite3");
    let mut conn = store::open(&path).expect("db");
    let stamp = Stamp::new(
        "bench",
        FixedClock::at_iran(2026, 11, 28, 9, 0)
            .expect("clock")
            .now(),
    );
    gardesh_core::demo::install(&mut conn, &stamp).expect("demo");

    // 25,000 groups of 4: 100,000 members with valid national IDs and mobiles.
    conn.pragma_update(None, "synchronous", "OFF")
        .expect("pragma");
    let started = Instant::now();
    let mut seq = 0u64;
    let mut groups: Vec<GroupId> = Vec::new();
    for g in 0..25_000u64 {
        let members = (0..4)
            .map(|i| {
                seq += 1;
                let k = seq.wrapping_mul(2_654_435_761);
                MemberInput {
                    full_name: format!(
                        "{} {}",
                        FIRST[(k % FIRST.len() as u64) as usize],
                        LAST[((k / 31) % LAST.len() as u64) as usize]
                    ),
                    national_id: national_id(seq * 7919),
                    mobile: if i == 0 {
                        format!("0913{:07}", k % 10_000_000)
                    } else {
                        String::new()
                    },
                    birth_year: Some(1340 + (k % 40) as i32),
                    is_leader: i == 0,
                    ..MemberInput::default()
                }
            })
            .collect();
        let input = GroupInput {
            name: format!("گروه {} {}", LAST[(g % LAST.len() as u64) as usize], g),
            kind: Kind::Neighbourhood,
            channel: Channel::Phone,
            preferred_from: None,
            preferred_to: None,
            preferred_sites: vec![],
            notes: String::new(),
            members,
        };
        match group::create(&mut conn, &stamp, &input) {
            Ok((id, _)) => groups.push(id),
            Err(e) => panic!("group {g}: {e}"),
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("pragma");
    let members: i64 = conn
        .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .expect("count");
    println!(
        "setup: {} groups, {members} members entered through group::create in {:.1} s",
        groups.len(),
        started.elapsed().as_secs_f64()
    );

    let queries: Vec<String> = FIRST
        .iter()
        .flat_map(|f| LAST.iter().take(5).map(move |l| format!("{f} {}", &l[..4])))
        .chain(
            [
                "0913",
                "۰۹۱۳۱۲",
                "0913555",
                "۱۰۰۰",
                "گروه کاظ",
                "زهرا",
                "علي كاظمي",
            ]
            .map(String::from),
        )
        .collect();
    let rounds = 3;
    let mut bare = Vec::new();
    let mut listed = Vec::new();
    let mut hits = Vec::new();
    for _ in 0..rounds {
        for q in &queries {
            let fts = fts_query(q).expect("a query");
            let t = Instant::now();
            let mut st = conn
                .prepare_cached("SELECT group_id, member_id FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT 50")
                .expect("prepare");
            let n = st
                .query_map([&fts], |r| r.get::<_, i64>(0))
                .expect("query")
                .count();
            bare.push(t.elapsed());
            let _ = n;
            let t = Instant::now();
            let rows = list::list(
                &conn,
                &list::Filter {
                    text: q.clone(),
                    limit: 50,
                    ..list::Filter::default()
                },
            )
            .expect("list");
            listed.push(t.elapsed());
            let t = Instant::now();
            group::search(&conn, q, 50).expect("search");
            hits.push(t.elapsed());
            let _ = rows.len();
        }
    }
    let n = queries.len() * rounds;
    let (bm, bp) = stats(bare);
    let (lm, lp) = stats(listed);
    let (sm, sp) = stats(hits);
    println!("search over {members} members, {n} queries (names, mobiles, Persian digits, Arabic letters), 50 results:");
    println!(
        "  bare FTS5 MATCH (normalised query, LIMIT 50):    median {bm:.2} ms, p95 {bp:.2} ms"
    );
    println!(
        "  groups list (search + group rows, filters):      median {lm:.2} ms, p95 {lp:.2} ms"
    );
    println!(
        "  group::search (CLI, ranked):                     median {sm:.2} ms, p95 {sp:.2} ms"
    );
    let _ = normalize_fa("");

    // Registration latency on the file database (synchronous = FULL): open tours, then
    // register groups until tours fill and groups wait; cancel some (promotion included).
    let open: Vec<_> = tour::of_programme(
        &conn,
        gardesh_core::programme::current(&conn)
            .expect("p")
            .expect("p")
            .id,
    )
    .expect("tours")
    .into_iter()
    .filter(|t| tour::set_status(&mut conn, &stamp, t.id, tour::Status::Open).is_ok())
    .take(20)
    .collect();
    let mut reg_times = Vec::new();
    let mut regs = Vec::new();
    for (i, g) in groups.iter().take(400).enumerate() {
        let t = Instant::now();
        let r = registration::register(&mut conn, &stamp, *g, open[i % open.len()].id, "")
            .expect("register");
        reg_times.push(t.elapsed());
        regs.push(r);
    }
    let waiting = regs
        .iter()
        .filter(|r| r.state == registration::State::Waitlisted)
        .count();
    let mut cancel_times = Vec::new();
    let mut promoted = 0;
    for r in regs
        .iter()
        .filter(|r| r.state == registration::State::Confirmed)
        .take(100)
    {
        let t = Instant::now();
        promoted += registration::cancel(&mut conn, &stamp, r.id, "bench")
            .expect("cancel")
            .promoted
            .len();
        cancel_times.push(t.elapsed());
    }
    let (rm, rp) = stats(reg_times);
    let (cm, cp) = stats(cancel_times);
    println!(
        "register 400 groups of 4 on {} open tours ({waiting} waitlisted): median {rm:.2} ms, p95 {rp:.2} ms",
        open.len()
    );
    println!("cancel 100 confirmed registrations ({promoted} promoted): median {cm:.2} ms, p95 {cp:.2} ms");
}
