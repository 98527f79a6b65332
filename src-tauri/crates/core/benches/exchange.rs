//! Benchmark of imports, exports and backups. Prints figures, asserts nothing.
//! Run: `cargo bench -p gardesh-core --bench exchange`.
//!
//! - importing 10,000 members from CSV (and .xlsx) into a file database, against the floor:
//!   the same rows inserted with bare prepared statements in one transaction;
//! - exporting 10,000 rows to CSV and .xlsx;
//! - an online backup (with its quick_check) and a restore of a 100 MB database.

use std::time::{Duration, Instant};

use gardesh_core::audit::Stamp;
use gardesh_core::backup;
use gardesh_core::clock::{Clock, FixedClock};
use gardesh_core::exchange::export::{self, Format, Sheet, Value};
use gardesh_core::exchange::{self, Options};
use gardesh_core::store;

fn national_id(n: u32) -> String {
    let first = format!("{:09}", 100_000_000 + (n * 7919 + 12_345) % 800_000_000);
    let d: Vec<u32> = first.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let r = d
        .iter()
        .enumerate()
        .map(|(i, x)| x * (10 - i as u32))
        .sum::<u32>()
        % 11;
    format!("{first}{}", if r < 2 { r } else { 11 - r })
}

struct Row {
    name: String,
    nid: String,
    mobile: String,
    birth: i32,
    group: u32,
    leader: bool,
}

fn rows(n: u32, per_group: u32) -> Vec<Row> {
    (0..n)
        .map(|i| Row {
            name: format!("عضو شماره {i} کاظمی"),
            nid: national_id(i),
            mobile: format!("0913{i:07}"),
            birth: 1340 + (i % 60) as i32,
            group: i / per_group,
            leader: i % per_group == 0,
        })
        .collect()
}

fn csv(rows: &[Row]) -> Vec<u8> {
    let mut s = String::from("نام و نام خانوادگی,کد ملی,تلفن همراه,سال تولد,نام گروه,سرگروه\n");
    for r in rows {
        s.push_str(&format!(
            "{},{},{},{},گروه {},{}\n",
            r.name,
            r.nid,
            r.mobile,
            r.birth,
            r.group,
            if r.leader { "بله" } else { "" }
        ));
    }
    s.into_bytes()
}

fn sheet(rows: &[Row]) -> Sheet {
    Sheet {
        name: "اعضا".into(),
        headers: [
            "نام و نام خانوادگی",
            "کد ملی",
            "تلفن همراه",
            "سال تولد",
            "نام گروه",
            "سرگروه",
        ]
        .map(String::from)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Value::Text(r.name.clone()),
                    Value::Text(r.nid.clone()),
                    Value::Text(r.mobile.clone()),
                    Value::Number(i64::from(r.birth)),
                    Value::Text(format!("گروه {}", r.group)),
                    Value::Text(if r.leader { "بله" } else { "" }.into()),
                ]
            })
            .collect(),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn per_row(d: Duration, n: u32) -> String {
    format!("{:.1} µs/row", d.as_secs_f64() * 1e6 / f64::from(n))
}

/// The floor: groups and members inserted with bare prepared statements in one
/// transaction (no checks, no search index, no audit).
fn floor(rows: &[Row]) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let mut c = store::open(&dir.path().join("floor.sqlite3")).unwrap();
    let t = Instant::now();
    let tx = c.transaction().unwrap();
    {
        let mut g = tx
            .prepare("INSERT INTO groups (name, kind, channel, created_at) VALUES (?1, 'other', 'app_list', '2026-12-01')")
            .unwrap();
        let mut m = tx
            .prepare(
                "INSERT INTO members (group_id, position, full_name, national_id, mobile, birth_year, is_leader)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .unwrap();
        let mut group_id = 0;
        let mut current = u32::MAX;
        for (i, r) in rows.iter().enumerate() {
            if r.group != current {
                current = r.group;
                g.execute([format!("گروه {}", r.group)]).unwrap();
                group_id = tx.last_insert_rowid();
            }
            m.execute((
                group_id, i as i64, &r.name, &r.nid, &r.mobile, r.birth, r.leader,
            ))
            .unwrap();
        }
    }
    tx.commit().unwrap();
    t.elapsed()
}

fn import(bytes: &[u8], name: &str, n: u32) -> (Duration, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let mut c = store::open(&dir.path().join("import.sqlite3")).unwrap();
    let stamp = Stamp::new(
        "bench",
        FixedClock::at_iran(2026, 12, 1, 9, 0).unwrap().now(),
    );
    let opts = Options::new(name);
    let t = Instant::now();
    let p = exchange::preview(&c, bytes, &opts, &mut |_| {}).unwrap();
    let preview = t.elapsed();
    assert_eq!(p.new_rows(), n as usize);
    let t = Instant::now();
    let a = exchange::apply(&mut c, &stamp, bytes, &opts, &mut |_| {}).unwrap();
    let apply = t.elapsed();
    assert_eq!(a.members, n as usize);
    (preview, apply)
}

fn main() {
    const N: u32 = 10_000;
    println!("exchange benchmark (release build; file databases with synchronous = FULL)");
    for per_group in [10u32, 200] {
        let rs = rows(N, per_group);
        let groups = N.div_ceil(per_group);
        let bytes = csv(&rs);
        let (preview, apply) = import(&bytes, "members.csv", N);
        let floor = floor(&rs);
        println!(
            "import {N} members in {groups} groups of {per_group} (CSV, {} KB): preview {} · apply {} ({}) · floor (bare prepared INSERTs, one transaction) {} ({}) · apply/floor {:.0}×",
            bytes.len() / 1024,
            ms(preview),
            ms(apply),
            per_row(apply, N),
            ms(floor),
            per_row(floor, N),
            apply.as_secs_f64() / floor.as_secs_f64()
        );
    }
    let rs = rows(N, 10);
    let sh = sheet(&rs);
    let t = Instant::now();
    let xlsx = export::render(&sh, Format::Xlsx).unwrap();
    let xlsx_time = t.elapsed();
    let t = Instant::now();
    let csv_out = export::render(&sh, Format::Csv).unwrap();
    let csv_time = t.elapsed();
    println!(
        "export {N} rows: CSV {} ({} KB) · xlsx {} ({} KB)",
        ms(csv_time),
        csv_out.len() / 1024,
        ms(xlsx_time),
        xlsx.len() / 1024
    );
    let t = Instant::now();
    let table = exchange::read(&xlsx, None, &exchange::Limits::default()).unwrap();
    println!(
        "read the {N}-row xlsx back (zip check + calamine cells): {}",
        ms(t.elapsed())
    );
    assert_eq!(table.rows.len(), N as usize + 1);
    let (preview, apply) = import(&xlsx, "members.xlsx", N);
    println!(
        "import {N} members from .xlsx: preview {} · apply {}",
        ms(preview),
        ms(apply)
    );

    // A 100 MB database: members inserted bare until the file holds 100 MB.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gardesh.sqlite3");
    let mut c = store::open(&db).unwrap();
    let t = Instant::now();
    {
        let tx = c.transaction().unwrap();
        tx.execute(
            "INSERT INTO groups (name, kind, channel, created_at) VALUES ('بزرگ', 'other', 'app_list', '2026-12-01')",
            [],
        )
        .unwrap();
        let g = tx.last_insert_rowid();
        let mut m = tx
            .prepare(
                "INSERT INTO members (group_id, position, full_name, national_id, mobile, birth_year, ppe_sizes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .unwrap();
        let mut i: u32 = 0;
        loop {
            for _ in 0..10_000 {
                m.execute((
                    g,
                    i,
                    format!("عضو شماره {i} با نامی به درازای معمول"),
                    national_id(i),
                    format!("0913{:07}", i % 10_000_000),
                    1340 + (i % 60) as i32,
                    "کلاه L، جلیقه XL، کفش ۴۲",
                ))
                .unwrap();
                i += 1;
            }
            let pages: i64 = tx
                .pragma_query_value(None, "page_count", |r| r.get(0))
                .unwrap();
            if pages * 4096 >= 100 * 1024 * 1024 {
                break;
            }
        }
        drop(m);
        tx.commit().unwrap();
    }
    c.pragma_update(None, "wal_checkpoint", "TRUNCATE").ok();
    let size = std::fs::metadata(&db).unwrap().len();
    println!(
        "made a {:.0} MB database in {}",
        size as f64 / 1048576.0,
        ms(t.elapsed())
    );
    let t = Instant::now();
    let st = store::status(&c, false).unwrap();
    assert!(st.is_ok());
    println!("quick_check of the live database: {}", ms(t.elapsed()));
    let now = FixedClock::at_iran(2026, 12, 1, 9, 0).unwrap().now();
    let t = Instant::now();
    let taken = backup::take(&c, &db, now).unwrap();
    println!(
        "backup of {:.0} MB (online backup API + quick_check of the copy + fsync + rename): {}",
        taken.backup.size_bytes as f64 / 1048576.0,
        ms(t.elapsed())
    );
    let t = Instant::now();
    backup::verify(&taken.backup.path).unwrap();
    println!(
        "  of which quick_check of the copy alone: {}",
        ms(t.elapsed())
    );
    drop(c);
    let t = Instant::now();
    backup::restore(&db, &taken.backup.path, now).unwrap();
    println!(
        "restore of {:.0} MB (verify backup + safety copy + backup API into the database + verify): {}",
        taken.backup.size_bytes as f64 / 1048576.0,
        ms(t.elapsed())
    );
}
