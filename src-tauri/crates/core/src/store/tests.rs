use super::*;
use crate::audit::{self, Stamp};
use crate::clock::{Clock, FixedClock};
use crate::settings::{self, Settings};

fn stamp() -> Stamp {
    Stamp::new(
        "test",
        FixedClock::at_iran(2026, 11, 28, 10, 0).unwrap().now(),
    )
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn a_new_file_gets_every_pragma_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/gardesh.sqlite3");
    let conn = open(&path).unwrap();
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let sync: i64 = conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    assert_eq!(fk, 1, "foreign keys are per connection and must be on");
    assert_eq!(sync, 2, "synchronous = FULL");
    assert_eq!(app, APPLICATION_ID);
    let st = status(&conn, true).unwrap();
    assert_eq!(st.schema_version, SCHEMA_VERSION);
    assert!(st.is_ok(), "{:?}", st.problems);
    assert!(st.size_bytes > 0);
    drop(conn);
    // Reopening is a no-op migration.
    let conn = open(&path).unwrap();
    assert_eq!(status(&conn, false).unwrap().schema_version, SCHEMA_VERSION);
}

#[test]
fn an_old_schema_file_is_upgraded_keeping_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    {
        // A file as version 1 of the schema left it, with an audit row in it.
        let mut conn = Connection::open(&path).unwrap();
        migrations::apply_up_to(&mut conn, 0, 1).unwrap();
        audit::record(&conn, &stamp(), "seed", "test", None, "from v1").unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    }
    let mut conn = open(&path).unwrap();
    assert_eq!(status(&conn, false).unwrap().schema_version, SCHEMA_VERSION);
    let log = audit::recent(&conn, Some("test"), 5).unwrap();
    assert_eq!(log.len(), 1, "the v1 data survives the upgrade");
    assert_eq!(log[0].detail, "from v1");
    settings::save(&mut conn, &stamp(), Settings::default()).unwrap();
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    {
        let conn = open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    match open(&path) {
        Err(Error::DatabaseNewer {
            path: p,
            found,
            known,
        }) => {
            assert_eq!(p, path);
            assert_eq!(found, SCHEMA_VERSION + 5);
            assert_eq!(known, SCHEMA_VERSION);
        }
        other => panic!("expected DatabaseNewer, got {other:?}"),
    }
    assert_eq!(bytes(&path), before, "the newer file must not be touched");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.sqlite3");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    match open(&path) {
        Err(e @ Error::DatabaseCorrupt { .. }) => {
            assert!(
                e.to_string().contains("garbage.sqlite3"),
                "names the file: {e}"
            );
            assert_eq!(e.code(), crate::ErrorCode::DatabaseCorrupt);
        }
        other => panic!("expected DatabaseCorrupt, got {other:?}"),
    }
    assert_eq!(bytes(&path), garbage, "never overwritten");
    assert!(
        !dir.path().join("garbage.sqlite3-wal").exists(),
        "no WAL created beside it"
    );
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE songs(id INTEGER PRIMARY KEY, title TEXT);")
            .unwrap();
    }
    let before = bytes(&path);
    assert!(matches!(open(&path), Err(Error::DatabaseCorrupt { .. })));
    assert_eq!(bytes(&path), before);

    let path2 = dir.path().join("other-app-id.db");
    {
        let conn = Connection::open(&path2).unwrap();
        conn.pragma_update(None, "application_id", 1234).unwrap();
    }
    assert!(matches!(open(&path2), Err(Error::DatabaseCorrupt { .. })));
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let mut conn = open_in_memory().unwrap();
    let r: Result<()> = write(&mut conn, |tx| {
        audit::record(tx, &stamp(), "half", "test", None, "")?;
        Err(Error::invalid("x", "نه", "no"))
    });
    assert!(r.is_err());
    assert!(
        audit::recent(&conn, None, 10).unwrap().is_empty(),
        "rolled back whole"
    );
}

#[test]
fn a_corrupted_page_is_reported_by_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.sqlite3");
    {
        let mut conn = open(&path).unwrap();
        for i in 0..400 {
            audit::record(
                &conn,
                &stamp(),
                "fill",
                "test",
                Some(&i.to_string()),
                &"x".repeat(200),
            )
            .unwrap();
        }
        settings::save(&mut conn, &stamp(), Settings::default()).unwrap();
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    // Scribble over the middle of the file (not the header).
    let mut data = bytes(&path);
    let mid = data.len() / 2;
    for b in &mut data[mid..mid + 4096] {
        *b = 0xAB;
    }
    std::fs::write(&path, &data).unwrap();
    match open(&path) {
        Ok(conn) => {
            let st = status(&conn, true);
            assert!(
                st.map(|s| !s.is_ok()).unwrap_or(true),
                "damage must show up as problems or an error"
            );
        }
        Err(e) => assert!(
            matches!(e, Error::DatabaseCorrupt { .. } | Error::Sqlite(_)),
            "{e:?}"
        ),
    }
}
