//! Acceptance tests of gardesh-cli: the real binary, its output and exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gardesh-cli"))
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

#[test]
fn init_then_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let o = cli(&db, &["init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("created"), "{}", stdout(&o));
    let o = cli(&db, &["init"]);
    assert!(stdout(&o).starts_with("opened"), "a second init only opens");
    let o = cli(&db, &["check"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "ok");
    let o = cli(&db, &["check", "--full"]);
    assert_eq!(stdout(&o), "ok");
}

#[test]
fn check_of_a_missing_file_does_not_create_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.sqlite3");
    let o = cli(&db, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!db.exists(), "check must not create a database");
}

#[test]
fn corrupt_and_newer_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.sqlite3");
    std::fs::write(
        &garbage,
        b"this is not a database at all, just text".repeat(200),
    )
    .unwrap();
    let before = std::fs::read(&garbage).unwrap();
    for cmd in [&["init"][..], &["check"][..]] {
        let o = cli(&garbage, cmd);
        assert_eq!(o.status.code(), Some(1), "{cmd:?}");
        let err = stderr(&o);
        assert!(err.contains("garbage.sqlite3"), "names the file: {err}");
        assert!(err.contains("not a readable Gardesh database"), "{err}");
        assert!(err.contains("پایگاه داده"), "Persian first: {err}");
    }
    assert_eq!(
        std::fs::read(&garbage).unwrap(),
        before,
        "never overwritten"
    );

    let newer = dir.path().join("newer.sqlite3");
    assert!(cli(&newer, &["init"]).status.success());
    set_user_version(&newer, 999);
    let before = std::fs::read(&newer).unwrap();
    let o = cli(&newer, &["init"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("newer version of Gardesh"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

/// Bump user_version with the sqlite3 file format directly: bytes 60..64 of the header.
fn set_user_version(path: &Path, v: u32) {
    // Checkpoint first so the header in the main file is current.
    let o = cli(path, &["check"]);
    assert!(o.status.success());
    let wal = path.with_extension("sqlite3-wal");
    assert!(
        !wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0,
        "the WAL is checkpointed when the last connection closes"
    );
    let mut data = std::fs::read(path).unwrap();
    data[60..64].copy_from_slice(&v.to_be_bytes());
    std::fs::write(path, data).unwrap();
}

#[test]
fn dates_convert_both_ways_with_any_digits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.sqlite3");
    let cases: &[(&[&str], &str)] = &[
        (&["date", "to-jalali", "2026-12-22"], "1405-10-01"),
        (&["date", "to-jalali", "۲۰۲۶-۱۲-۲۲"], "1405-10-01"),
        (&["date", "to-gregorian", "1405-10-01"], "2026-12-22"),
        (&["date", "to-gregorian", "۱۴۰۵/۱۰/۱"], "2026-12-22"),
        (&["date", "to-gregorian", "1403/12/30"], "2025-03-20"),
        (
            &["--fa", "date", "to-gregorian", "1405/10/01"],
            "۲۰۲۶-۱۲-۲۲",
        ),
        (
            &["--fa", "date", "to-jalali", "2026-12-22"],
            "سه‌شنبه ۱ دی ۱۴۰۵",
        ),
    ];
    for (args, want) in cases {
        let o = cli(&db, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), *want, "{args:?}");
    }
    let o = cli(&db, &["date", "to-gregorian", "1404/12/30"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("1404 has no 30 Esfand"),
        "{}",
        stderr(&o)
    );
    assert!(!db.exists(), "date commands never touch the database");
}

#[test]
fn validation_prints_the_normal_form_or_why_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.sqlite3");
    let ok: &[(&[&str], &str)] = &[
        (&["validate", "national-id", "۰۴۹۹۳۷۰۸۹۹"], "0499370899"),
        (&["validate", "national-id", "049-937089-9"], "0499370899"),
        (&["validate", "national-id", "84575948"], "0084575948"),
        (&["validate", "mobile", "+98 913 123 4567"], "09131234567"),
        (&["validate", "mobile", "۰۰۹۸۹۱۳۱۲۳۴۵۶۷"], "09131234567"),
    ];
    for (args, want) in ok {
        let o = cli(&db, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), *want);
    }
    for args in [
        &["validate", "national-id", "0684159415"][..],
        &["validate", "mobile", "08131234567"][..],
    ] {
        let o = cli(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stdout(&o).is_empty());
        assert_eq!(stderr(&o).lines().count(), 2, "Persian then English");
    }
}

#[test]
fn wrong_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = cli(&dir.path().join("x"), &["no-such-command"]);
    assert_eq!(o.status.code(), Some(2));
    let o = Command::new(env!("CARGO_BIN_EXE_gardesh-cli"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(
        stdout(&o).starts_with("gardesh-cli 0.1.0"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn init_demo_then_sites_and_programme() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let o = cli(&db, &["init", "--demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("demo programme added"),
        "{}",
        stdout(&o)
    );
    let o = cli(&db, &["init", "--demo"]);
    assert!(
        stdout(&o).contains("not added"),
        "a second --demo adds nothing"
    );

    let o = cli(&db, &["sites", "list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sites: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    let sites = sites.as_array().unwrap();
    assert!(sites.len() >= 12, "{} sites", sites.len());
    assert!(sites.iter().all(|s| s["demo"] == true));
    assert!(sites.iter().any(|s| s["category"] == "tunnel"));

    let o = cli(&db, &["programme", "show", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(p["lengthDays"], 80);
    assert_eq!(p["startsJalali"], "1405-10-01");
    assert_eq!(p["ends"], "2027-03-11", "day 80");
    assert!(p["tours"].as_u64().unwrap() > 100);

    let o = cli(&db, &["programme", "show"]);
    assert!(stdout(&o).contains("80 days"), "{}", stdout(&o));
    let o = cli(&db, &["sites", "list"]);
    assert!(stdout(&o).contains("ایستگاه زینبیه"), "{}", stdout(&o));
}

#[test]
fn read_commands_need_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite3");
    for args in [&["sites", "list"][..], &["programme", "show"][..]] {
        let o = cli(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
    }
    assert!(!db.exists());
    assert!(cli(&db, &["init"]).status.success());
    let o = cli(&db, &["programme", "show"]);
    assert_eq!(o.status.code(), Some(1), "no programme yet");
    assert!(stderr(&o).contains("programme"), "{}", stderr(&o));
}

#[test]
fn tours_list_show_and_optimise_on_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    assert!(cli(&db, &["init", "--demo"]).status.success());

    let o = cli(&db, &["tours", "list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tours: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let tours = tours.as_array().unwrap();
    assert!(tours.len() > 100, "the whole programme by default");
    assert!(
        tours.iter().all(|t| t["stops"].as_u64().unwrap() >= 3),
        "the demo has itineraries"
    );
    let closed = tours
        .iter()
        .find(|t| t["feasible"] == false)
        .expect("the Zeynabieh closure makes some infeasible");

    let o = cli(
        &db,
        &[
            "tours",
            "list",
            "--from",
            "۱۴۰۵/۱۰/۰۱",
            "--to",
            "2026-12-22",
        ],
    );
    assert!(stdout(&o).ends_with("2 tours"), "{}", stdout(&o));

    let id = closed["id"].to_string();
    let o = cli(&db, &["tour", "show", &id, "--json"]);
    let show: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let codes: Vec<&str> = show["itinerary"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["code"].as_str().unwrap())
        })
        .collect();
    assert!(codes.contains(&"closed"), "{codes:?}");
    let o = cli(&db, &["tour", "show", &id]);
    assert!(stdout(&o).contains("NOT feasible"), "{}", stdout(&o));

    let first = tours[0]["id"].to_string();
    let o = cli(&db, &["tour", "optimise", &first, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(p["minutesSaved"].as_i64().unwrap() >= 0);
    assert_eq!(p["exact"], true);
    assert_eq!(p["applied"], false);
    let o = cli(&db, &["tour", "optimise", &first, "--apply"]);
    assert!(stdout(&o).contains("applied"), "{}", stdout(&o));
    let o = cli(&db, &["tour", "show", "99999"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn groups_search_register_and_cancel() {
    use gardesh_core::audit::Stamp;
    use gardesh_core::group::{self, Channel, GroupInput, Kind, MemberInput};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(cli(&db, &["init", "--demo"]).status.success());
    // Two groups made through the core (the CLI has no group editor), and the first tour
    // of 29 Dey 1405 (a day the demo leaves empty) opened.
    let o = cli(&db, &["tours", "list", "--from", "1405/10/29", "--json"]);
    let tours: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let tour = tours[0]["id"].as_i64().unwrap();
    let mut ids = Vec::new();
    {
        let mut conn = gardesh_core::store::open(&db).unwrap();
        let stamp = Stamp::new("test", chrono::Utc::now());
        for (name, size) in [("خانواده‌ی کاظمی", 20), ("مدرسه‌ی سعدی", 10)]
        {
            let members = (0..size)
                .map(|i| MemberInput {
                    full_name: format!("{name} {i}"),
                    mobile: if i == 0 {
                        "09131234567".into()
                    } else {
                        String::new()
                    },
                    national_id: if i == 0 && size == 20 {
                        "0499370899".into()
                    } else {
                        String::new()
                    },
                    birth_year: Some(1370),
                    is_leader: i == 0,
                    ..MemberInput::default()
                })
                .collect();
            let (id, _) = group::create(
                &mut conn,
                &stamp,
                &GroupInput {
                    name: name.into(),
                    kind: Kind::Family,
                    channel: Channel::Phone,
                    preferred_from: None,
                    preferred_to: None,
                    preferred_sites: vec![],
                    notes: String::new(),
                    members,
                },
            )
            .unwrap();
            ids.push(id.get());
        }
        gardesh_core::tour::set_status(
            &mut conn,
            &stamp,
            gardesh_core::ids::TourId(tour),
            gardesh_core::tour::Status::Open,
        )
        .unwrap();
    }
    let o = cli(&db, &["groups", "search", "كاظمي", "--json"]);
    let hits: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["group"] == ids[0]),
        "Arabic letters find the Persian name: {hits}"
    );
    let o = cli(&db, &["groups", "search", "۰۴۹۹۳۷"]);
    assert!(
        stdout(&o).contains("خانواده‌ی کاظمی"),
        "by national ID prefix: {}",
        stdout(&o)
    );

    let (g1, g2, t) = (ids[0].to_string(), ids[1].to_string(), tour.to_string());
    let o = cli(&db, &["register", &g1, &t]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).ends_with("20 seats, confirmed"),
        "{}",
        stdout(&o)
    );
    let o = cli(&db, &["register", &g2, &t]);
    assert!(
        stdout(&o).ends_with("10 seats, waitlisted"),
        "capacity 25: {}",
        stdout(&o)
    );
    let o = cli(&db, &["register", &g2, &t]);
    assert_eq!(o.status.code(), Some(1), "refused: already on the tour");
    let regs: Vec<i64> = {
        let conn = gardesh_core::store::open(&db).unwrap();
        let mut st = conn
            .prepare("SELECT id FROM registrations WHERE tour_id = ?1 ORDER BY id")
            .unwrap();
        let rows = st.query_map([tour], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let o = cli(
        &db,
        &["cancel", &regs[0].to_string(), "--reason", "تغییر برنامه"],
    );
    assert!(
        stdout(&o).contains(&format!(
            "registration {} (group {g2}) confirmed from the waiting list",
            regs[1]
        )),
        "{}",
        stdout(&o)
    );
}

/// A group made through the core (the CLI has no group editor) and registered on the
/// first tour of 29 Dey 1405 (a day the demo leaves empty) through the CLI: the tour and
/// the registration.
fn demo_with_a_confirmed_group(db: &Path) -> (String, String) {
    use gardesh_core::audit::Stamp;
    use gardesh_core::group::{self, Channel, GroupInput, Kind, MemberInput};
    assert!(cli(db, &["init", "--demo"]).status.success());
    let o = cli(db, &["tours", "list", "--from", "1405/10/29", "--json"]);
    let tours: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let tour = tours[0]["id"].to_string();
    let group = {
        let mut conn = gardesh_core::store::open(db).unwrap();
        let stamp = Stamp::new("test", chrono::Utc::now());
        gardesh_core::tour::set_status(
            &mut conn,
            &stamp,
            gardesh_core::ids::TourId(tours[0]["id"].as_i64().unwrap()),
            gardesh_core::tour::Status::Open,
        )
        .unwrap();
        let members = (0..5)
            .map(|i| MemberInput {
                full_name: format!("عضو {i}"),
                mobile: if i == 0 {
                    "09131234567".into()
                } else {
                    String::new()
                },
                birth_year: Some(1370),
                is_leader: i == 0,
                ..MemberInput::default()
            })
            .collect();
        let input = GroupInput {
            name: "انجمن محله‌ی جلفا".into(),
            kind: Kind::Neighbourhood,
            channel: Channel::Phone,
            preferred_from: None,
            preferred_to: None,
            preferred_sites: vec![],
            notes: String::new(),
            members,
        };
        group::create(&mut conn, &stamp, &input).unwrap().0
    };
    let o = cli(db, &["register", &group.to_string(), &tour]);
    let out = stdout(&o);
    assert!(out.ends_with("confirmed"), "{out}");
    let registration = out
        .strip_prefix("registration ")
        .and_then(|r| r.split(':').next())
        .expect("registration N: …")
        .to_string();
    (tour, registration)
}

#[test]
fn print_every_document_of_a_tour() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let (tour, registration) = demo_with_a_confirmed_group(&db);
    for kind in ["itinerary", "manifest", "confirmations", "safety"] {
        let file = dir.path().join(format!("{kind}.pdf"));
        let o = cli(
            &db,
            &["print", kind, "--tour", &tour, "-o", file.to_str().unwrap()],
        );
        assert!(o.status.success(), "{kind}: {}", stderr(&o));
        assert!(
            stdout(&o).starts_with(file.to_str().unwrap()),
            "prints the file: {}",
            stdout(&o)
        );
        assert!(stdout(&o).ends_with("pages)"), "{}", stdout(&o));
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{kind} is a PDF");
    }
    let file = dir.path().join("week.pdf");
    let o = cli(
        &db,
        &[
            "--fa",
            "print",
            "itinerary",
            "--week-from",
            "۱۴۰۵/۱۰/۲۶",
            "--lang",
            "en",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.ends_with(" pages)") && out.chars().any(|c| ('۱'..='۹').contains(&c)),
        "the page count in Persian digits: {out}"
    );
    let o = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Itinerary") && text.contains("Saturday 26 Dey 1405"),
        "{text:.400}"
    );

    let o = cli(
        &db,
        &[
            "print",
            "confirmations",
            "--registration",
            &registration,
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).ends_with("(1 pages)"), "{}", stdout(&o));
}

#[test]
fn print_refusals_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let (tour, registration) = demo_with_a_confirmed_group(&db);
    let file = dir.path().join("out.pdf");
    let out = file.to_str().unwrap();
    let empty = (tour.parse::<i64>().unwrap() + 2).to_string();

    let o = cli(&db, &["print", "manifest", "--tour", &empty, "-o", out]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "no confirmed group: {}",
        stderr(&o)
    );
    let err = stderr(&o);
    let (fa, en) = err.split_once('\n').expect("two lines");
    assert!(fa.starts_with("چیزی برای چاپ نیست"), "Persian first: {err}");
    assert!(en.starts_with("nothing to print"), "{err}");

    let o = cli(&db, &["print", "itinerary", "--tour", "99999", "-o", out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("was not found"), "{}", stderr(&o));
    assert!(!file.exists(), "a refusal writes nothing");

    for args in [
        &["print", "poster", "--tour", &tour, "-o", out][..],
        &["print", "itinerary", "--tour", &tour][..],
        &["print", "itinerary", "-o", out][..],
        &["print", "manifest", "--week-from", "2027-01-16", "-o", out][..],
        &[
            "print",
            "safety",
            "--registration",
            &registration,
            "-o",
            out,
        ][..],
        &[
            "print",
            "itinerary",
            "--tour",
            &tour,
            "--lang",
            "de",
            "-o",
            out,
        ][..],
    ] {
        assert_eq!(
            cli(&db, args).status.code(),
            Some(2),
            "wrong usage: {args:?}"
        );
    }
    assert!(!file.exists());

    let missing = dir.path().join("none.sqlite3");
    let o = cli(&missing, &["print", "itinerary", "--tour", "1", "-o", out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!missing.exists(), "print never creates a database");
}
