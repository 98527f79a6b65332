//! Acceptance tests of `import`, `export`, `backup` and `restore`: the real binary, its
//! output and exit codes, and an import killed with SIGKILL at random moments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use gardesh_core::exchange::encoding::encode_windows_1256;
use gardesh_core::store;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gardesh-cli"))
}

fn cli(db: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the gardesh-cli binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).trim().to_string()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        stderr(o)
    );
    stdout(o)
}

fn count(db: &Path, table: &str) -> i64 {
    let c = store::open(db).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn fresh(dir: &Path, name: &str, demo: bool) -> PathBuf {
    let db = dir.join(name);
    let args: &[&str] = if demo { &["init", "--demo"] } else { &["init"] };
    ok(&cli(&db, args));
    db
}

/// A valid national ID for each `n` (nine digits and their check digit).
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

/// `rows` members in groups of `per_group`, the first of each marked leader.
fn members_csv(rows: u32, per_group: u32) -> String {
    let mut s = String::from("نام و نام خانوادگی,کد ملی,تلفن همراه,سال تولد,نام گروه,سرگروه\n");
    for i in 0..rows {
        s.push_str(&format!(
            "عضو شماره {i},{},0913{i:07},{},گروه {},{}\n",
            national_id(i),
            1340 + i % 60,
            i / per_group,
            if i % per_group == 0 { "بله" } else { "" }
        ));
    }
    s
}

#[test]
fn import_previews_then_applies_once_and_says_when_nothing_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh(dir.path(), "g.sqlite3", false);
    let file = dir.path().join("اعضا.csv");
    let mut text = members_csv(30, 10);
    text.push_str("بی‌کد,0684159415,09131234567,,گروه تازه,\n");
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();

    let out = ok(&cli(&db, &["import", "groups", f, "--dry-run"]));
    assert!(
        out.contains("row 32  nationalId  invalid_national_id"),
        "{out}"
    );
    assert!(
        out.contains(
            "31 rows: 30 new members in 3 new groups, 0 already in the database, 1 rejected"
        ),
        "{out}"
    );
    assert!(out.ends_with("dry run: nothing written"), "{out}");
    assert_eq!(count(&db, "members"), 0, "a dry run writes nothing");

    let o = cli(&db, &["import", "groups", f, "--progress"]);
    let out = ok(&o);
    assert!(out.contains("imported 30 members in 3 new groups"), "{out}");
    assert!(
        stderr(&o).contains("writing 30/30"),
        "progress on stderr: {}",
        stderr(&o)
    );
    assert_eq!(count(&db, "members"), 30);

    let o = cli(&db, &["import", "groups", f, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    assert_eq!(v["new"], 0);
    assert_eq!(v["existing"], 30);
    assert_eq!(v["membersAdded"], 0);
    assert!(
        v["previousImport"].is_object(),
        "the same file is recognised: {v}"
    );
    assert!(v["summary"]["en"].as_str().unwrap().contains("nothing new"));
    assert_eq!(
        v["report"][30]["problems"][0]["code"],
        "invalid_national_id"
    );
    assert_eq!(v["columns"][1]["field"], "nationalId");
    assert_eq!(count(&db, "members"), 30, "nothing added the second time");

    let o = cli(&db, &["--fa", "import", "groups", f]);
    assert!(
        ok(&o).contains("چیز تازه‌ای برای افزودن نیست"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn import_reads_windows_1256_and_takes_hand_mappings() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh(dir.path(), "g.sqlite3", false);
    let file = dir.path().join("list.csv");
    // Persian Excel's CSV: Windows-1256, Arabic ي and ك, an unknown header for the ID.
    let text = "نام و نام خانوادگي;شماره شناسنامه;موبايل\r\nعلي كاظمي;0499370899;09131234567\r\nمريم كريمي;0790419904;\r\n";
    std::fs::write(&file, encode_windows_1256(text)).unwrap();
    let f = file.to_str().unwrap();
    let out = ok(&cli(&db, &["import", "groups", f, "--dry-run"]));
    assert!(out.contains("windows-1256 (detected)"), "{out}");
    assert!(out.contains("2  شماره شناسنامه  → not used"), "{out}");
    let out = ok(&cli(
        &db,
        &[
            "import",
            "groups",
            f,
            "--map",
            "2=nationalId",
            "--group",
            "خانواده کاظمی",
            "--kind",
            "family",
        ],
    ));
    assert!(out.contains("imported 2 members in 1 new groups"), "{out}");
    let c = store::open(&db).unwrap();
    let (name, kind, nid): (String, String, String) = c
        .query_row(
            "SELECT g.name, g.kind, m.national_id FROM groups g JOIN members m ON m.group_id = g.id ORDER BY m.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (name.as_str(), kind.as_str(), nid.as_str()),
        ("خانواده کاظمی", "family", "0499370899")
    );
    // The mapping is remembered for the same header row.
    let again = dir.path().join("list2.csv");
    std::fs::write(
        &again,
        encode_windows_1256(
            "نام و نام خانوادگي;شماره شناسنامه;موبايل\r\nرضا رضايي;0110079191;09121234567\r\n",
        ),
    )
    .unwrap();
    let out = ok(&cli(
        &db,
        &["import", "groups", again.to_str().unwrap(), "--dry-run"],
    ));
    assert!(out.contains("nationalId (remembered)"), "{out}");

    let o = cli(&db, &["import", "groups", f, "--encoding", "ebcdic"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown encoding"), "{}", stderr(&o));
    let o = cli(&db, &["import", "groups", f, "--map", "9=mobile"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = cli(&db, &["import", "groups", f, "--kind", "club"]);
    assert_eq!(o.status.code(), Some(2), "wrong usage");
    let o = cli(
        &db,
        &[
            "import",
            "groups",
            dir.path().join("missing.csv").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn exports_write_whole_files_and_refuse_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh(dir.path(), "g.sqlite3", true);
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    let out = ok(&cli(&db, &["export", "registrations", "-o", &p("r.csv")]));
    assert!(out.ends_with("registrations)"), "{out}");
    let bytes = std::fs::read(p("r.csv")).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    ok(&cli(
        &db,
        &[
            "export",
            "registrations",
            "--format",
            "xlsx",
            "-o",
            &p("r.data"),
        ],
    ));
    assert!(std::fs::read(p("r.data")).unwrap().starts_with(b"PK"));
    let o = cli(&db, &["export", "registrations", "-o", &p("r.csv")]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "an existing file is not overwritten"
    );
    assert!(stderr(&o).contains("already exists"));
    ok(&cli(
        &db,
        &["export", "registrations", "-o", &p("r.csv"), "--force"],
    ));
    let o = cli(&db, &["export", "registrations", "-o", &p("r.txt")]);
    assert_eq!(o.status.code(), Some(2), "no format: wrong usage");

    let tour = {
        let c = store::open(&db).unwrap();
        c.query_row::<i64, _, _>(
            "SELECT tour_id FROM registrations WHERE state = 'confirmed' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
        .to_string()
    };
    let out = ok(&cli(
        &db,
        &["export", "manifest", "--tour", &tour, "-o", &p("m.xlsx")],
    ));
    assert!(out.contains("passengers"), "{out}");
    // The manifest goes back in as nothing new.
    let out = ok(&cli(&db, &["import", "groups", &p("m.xlsx")]));
    assert!(out.contains("nothing new"), "{out}");
    let o = cli(
        &db,
        &["export", "manifest", "--tour", "99999", "-o", &p("x.csv")],
    );
    assert_eq!(o.status.code(), Some(1));

    let out = ok(&cli(&db, &["export", "calendar", "-o", &p("cal.ics")]));
    assert!(out.ends_with("tours)"), "{out}");
    let ics = std::fs::read_to_string(p("cal.ics")).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("TZOFFSETTO:+0330"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
}

#[test]
fn backups_are_listed_restored_with_a_safety_copy_and_named_when_the_database_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh(dir.path(), "gardesh.sqlite3", true);
    let out = ok(&cli(&db, &["backup"]));
    assert!(
        out.contains("backups") && out.contains("quick_check ok"),
        "{out}"
    );
    let manual = dir.path().join("copy.sqlite3");
    ok(&cli(&db, &["backup", "-o", manual.to_str().unwrap()]));
    assert_eq!(
        cli(&db, &["backup", "-o", manual.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok(&cli(&db, &["backup", "--list", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["ok"], true);
    let backup = list[0]["path"].as_str().unwrap().to_string();

    // A change after the backup, then restore: the change is gone, the safety copy has it.
    let file = dir.path().join("more.csv");
    std::fs::write(&file, members_csv(5, 5)).unwrap();
    ok(&cli(&db, &["import", "groups", file.to_str().unwrap()]));
    let groups = count(&db, "groups");
    let out = ok(&cli(&db, &["restore", &backup]));
    assert!(out.contains("the database as it was is kept in"), "{out}");
    assert_eq!(count(&db, "groups"), groups - 1);
    assert_eq!(ok(&cli(&db, &["check"])), "ok");
    let list = ok(&cli(&db, &["backup", "--list"]));
    assert!(list.contains("before_restore"), "{list}");

    // Damage the database: check names the newest good backup.
    ok(&cli(&db, &["check"]));
    let mut bytes = std::fs::read(&db).unwrap();
    let n = bytes.len();
    for b in &mut bytes[8192..n] {
        *b = 0x5A;
    }
    std::fs::write(&db, bytes).unwrap();
    let o = cli(&db, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the newest good backup is"),
        "{}",
        stderr(&o)
    );
    let o = cli(&db, &["restore", manual.to_str().unwrap()]);
    ok(&o);
    assert_eq!(ok(&cli(&db, &["check"])), "ok");

    let o = cli(&db, &["restore", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "a CSV is not a backup");
}

/// xorshift64*: enough randomness for kill moments without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The import of a 50,000-row file, killed with SIGKILL at random moments: after each
/// kill, `check` passes and the database holds all of the import or none of it.
#[cfg(unix)]
#[test]
fn an_import_killed_at_random_moments_leaves_all_of_it_or_none() {
    use std::io::{BufRead, BufReader};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    const ROWS: i64 = 50_000;
    const GROUPS: i64 = 250;
    let rounds: usize = std::env::var("GARDESH_KILL_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(24);
    let seed = std::env::var("GARDESH_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("kill test: {rounds} rounds, GARDESH_KILL_SEED={seed}");
    let mut rng = Rng(seed);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.csv");
    std::fs::write(&file, members_csv(ROWS as u32, (ROWS / GROUPS) as u32)).unwrap();
    let baseline = fresh(dir.path(), "baseline.sqlite3", false);
    ok(&cli(&baseline, &["check"]));
    assert!(
        !dir.path().join("baseline.sqlite3-wal").exists(),
        "a clean baseline file"
    );

    // Start an import; a thread notes when the writing stage begins.
    let start = |db: &Path| {
        let mut child = bin()
            .arg("--db")
            .arg(db)
            .args(["import", "groups", file.to_str().unwrap(), "--progress"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let began = Instant::now();
        let writing: Arc<Mutex<Option<Duration>>> = Arc::default();
        let w = Arc::clone(&writing);
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if line.starts_with("writing") {
                    w.lock().unwrap().get_or_insert(began.elapsed());
                }
            }
        });
        (child, began, writing)
    };
    let copy = |n: usize| {
        let db = dir.path().join(format!("round{n}.sqlite3"));
        std::fs::copy(&baseline, &db).unwrap();
        db
    };

    // Calibration: a whole run, to know how long the import and its writing take.
    let db = copy(0);
    let (mut child, began, writing) = start(&db);
    assert!(child.wait().unwrap().success());
    let total = began.elapsed();
    let write_from = writing
        .lock()
        .unwrap()
        .expect("the writing stage is reported");
    assert_eq!(count(&db, "members"), ROWS);
    eprintln!("calibration: whole import {total:?}, writing from {write_from:?}");

    let (mut none, mut all, mut mid_write) = (0, 0, 0);
    for round in 1..=rounds {
        let db = copy(round);
        let (mut child, began, writing) = start(&db);
        // Odd rounds: any moment of the run; even rounds: a moment of the writing stage.
        let at = if round % 2 == 1 {
            Duration::from_millis(rng.below(total.as_millis() as u64 + 200))
        } else {
            let deadline = Instant::now() + total * 3;
            while writing.lock().unwrap().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(2));
            }
            let w = began.elapsed();
            w + Duration::from_millis(
                rng.below((total.saturating_sub(write_from)).as_millis() as u64),
            )
        };
        if let Some(wait) = at.checked_sub(began.elapsed()) {
            std::thread::sleep(wait);
        }
        let was_writing = writing.lock().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();

        let o = cli(&db, &["check"]);
        assert_eq!(
            stdout(&o),
            "ok",
            "round {round}: check after the kill: {}",
            stderr(&o)
        );
        let members = count(&db, "members");
        let groups = count(&db, "groups");
        let imports = count(&db, "import_files");
        let audit: i64 = {
            let c = store::open(&db).unwrap();
            c.query_row(
                "SELECT count(*) FROM audit_log WHERE action = 'import.apply'",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        let state = (members, groups, imports, audit);
        if state == (0, 0, 0, 0) {
            none += 1;
            if was_writing {
                mid_write += 1;
            }
        } else {
            assert_eq!(
                state,
                (ROWS, GROUPS, 1, 1),
                "round {round} (killed at {at:?}, {status}): all or nothing"
            );
            all += 1;
        }
        std::fs::remove_file(&db).unwrap();
        for s in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{s}", db.display()));
        }
    }
    eprintln!("kill test: {rounds} rounds: {none} left nothing ({mid_write} of them killed while writing), {all} complete");
    assert!(
        mid_write >= 1,
        "at least one kill landed in the middle of the writing transaction"
    );
}
