//! Backups: online copies through SQLite's backup API (the app keeps working meanwhile),
//! each checked with `quick_check` before it is renamed into place, kept in a `backups`
//! folder beside the database in rotation (the newest of each of the last 7 days and of
//! each of the last 4 weeks); restore from any of them after a safety copy of the current
//! database; and the start-up health check that names the newest good backup when the
//! database is damaged.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::clock::iran_offset;
use crate::error::{Error, Result};
use crate::exchange::sync_dir;
use crate::store::{APPLICATION_ID, SCHEMA_VERSION};

/// The folder beside the database that holds its backups.
pub const FOLDER: &str = "backups";
/// Rotation: the newest backup of each of this many most recent days is kept…
pub const KEEP_DAILY: usize = 7;
/// …and the newest of each of this many most recent weeks (Saturday to Friday).
pub const KEEP_WEEKLY: usize = 4;

const AUTO_PREFIX: &str = "gardesh-";
const SAFETY_PREFIX: &str = "before-restore-";
const EXTENSION: &str = "sqlite3";

/// The backups folder of the database at `db_path`.
pub fn folder(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(FOLDER)
}

/// Which backups a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Made by `take`/`daily`: part of the rotation.
    Rotated,
    /// The copy of the database made before a restore; never rotated away.
    BeforeRestore,
    /// Any other database file in the folder.
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Rotated => "rotated",
            Kind::BeforeRestore => "before_restore",
            Kind::Other => "other",
        }
    }
}

/// A backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub kind: Kind,
    /// When it was made: from its name (Iran time) or, failing that, the file's time.
    pub made: DateTime<Utc>,
    pub size_bytes: u64,
}

/// What a database file holds, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    pub schema_version: i64,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn corrupt(path: &Path, detail: impl Into<String>) -> Error {
    Error::DatabaseCorrupt {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

/// Check a database file without writing to it: ours (application id), not newer than
/// this code, and `quick_check` ok.
pub fn verify(path: &Path) -> Result<Verified> {
    if !path.is_file() {
        return Err(Error::NotFound {
            what: "database",
            id: path.display().to_string(),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let check = || -> rusqlite::Result<(i64, i64, Vec<String>)> {
        let c = Connection::open_with_flags(path, flags)?;
        c.busy_timeout(Duration::from_secs(5))?;
        let app: i64 = c.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let problems = c
            .prepare("PRAGMA quick_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((app, version, problems))
    };
    let (app, version, problems) = check().map_err(|e| corrupt(path, e.to_string()))?;
    if app != APPLICATION_ID {
        return Err(corrupt(path, "it is not a Gardesh database"));
    }
    if version > SCHEMA_VERSION {
        return Err(Error::DatabaseNewer {
            path: path.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    if problems != ["ok"] {
        return Err(corrupt(path, problems.join("; ")));
    }
    Ok(Verified {
        schema_version: version,
    })
}

/// Copy every page of `from` into `to`, waiting (up to about 10 s) while another
/// connection holds a lock.
fn copy_pages(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    let b = Backup::new(from, to)?;
    let mut waits = 0;
    loop {
        match b.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked => {
                waits += 1;
                if waits > 100 {
                    return Err(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                        Some("the database stayed busy".into()),
                    ));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            _ => {}
        }
    }
}

fn entry(path: &Path) -> Result<Entry> {
    let meta = std::fs::metadata(path).map_err(io(path))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (kind, made) = parse_name(&name);
    let made = made.unwrap_or_else(|| {
        meta.modified()
            .map(DateTime::<Utc>::from)
            .unwrap_or_else(|_| Utc.timestamp_opt(0, 0).single().unwrap_or_default())
    });
    Ok(Entry {
        path: path.to_path_buf(),
        kind,
        made,
        size_bytes: meta.len(),
    })
}

/// An online backup of `conn` into the new file `dest`: written beside it under a
/// temporary name, checked with `quick_check`, flushed, then renamed into place. An
/// existing `dest` is refused.
pub fn create(conn: &Connection, dest: &Path) -> Result<Entry> {
    if dest.exists() {
        return Err(Error::conflict(
            format!(
                "پرونده‌ی \u{2066}{}\u{2069} از پیش هست؛ نام دیگری بدهید",
                dest.display()
            ),
            format!("{} already exists; give another name", dest.display()),
        ));
    }
    let dir = dest
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.partial"));
    let _ = std::fs::remove_file(&tmp);
    let made = (|| -> Result<()> {
        let mut copy = Connection::open(&tmp)?;
        copy_pages(conn, &mut copy)?;
        // A backup is one self-contained file.
        copy.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
        drop(copy);
        verify(&tmp)?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(io(&tmp))?;
        if dest.exists() {
            return Err(Error::conflict(
                format!("پرونده‌ی \u{2066}{}\u{2069} از پیش هست", dest.display()),
                format!("{} already exists", dest.display()),
            ));
        }
        std::fs::rename(&tmp, dest).map_err(io(dest))?;
        sync_dir(dir);
        Ok(())
    })();
    if let Err(e) = made {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
        }
        return Err(e);
    }
    entry(dest)
}

fn stamp_text(at: DateTime<Utc>) -> String {
    at.with_timezone(&iran_offset())
        .format("%Y%m%d-%H%M%S")
        .to_string()
}

/// (kind, time made) from a backup's file name.
fn parse_name(name: &str) -> (Kind, Option<DateTime<Utc>>) {
    let Some(stem) = name.strip_suffix(&format!(".{EXTENSION}")) else {
        return (Kind::Other, None);
    };
    let (kind, rest) = if let Some(r) = stem.strip_prefix(AUTO_PREFIX) {
        (Kind::Rotated, r)
    } else if let Some(r) = stem.strip_prefix(SAFETY_PREFIX) {
        (Kind::BeforeRestore, r)
    } else {
        return (Kind::Other, None);
    };
    let text = rest.get(..15).unwrap_or("");
    let tail = rest.get(15..).unwrap_or("");
    let tail_ok = tail.is_empty()
        || (tail.starts_with('-')
            && tail[1..].chars().all(|c| c.is_ascii_digit())
            && tail.len() > 1);
    match NaiveDateTime::parse_from_str(text, "%Y%m%d-%H%M%S") {
        Ok(t) if tail_ok => {
            let made = iran_offset()
                .from_local_datetime(&t)
                .single()
                .map(|d| d.with_timezone(&Utc));
            (kind, made)
        }
        _ => (Kind::Other, None),
    }
}

/// A new file name in `dir`: `<prefix><Iran time>.sqlite3`, with `-2`, `-3`… if taken.
fn fresh_name(dir: &Path, prefix: &str, at: DateTime<Utc>) -> PathBuf {
    let base = format!("{prefix}{}", stamp_text(at));
    let mut path = dir.join(format!("{base}.{EXTENSION}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.{EXTENSION}"));
        n += 1;
    }
    path
}

/// Every backup in the database's folder, newest first.
pub fn list(db_path: &Path) -> Result<Vec<Entry>> {
    let dir = folder(db_path);
    if !dir.is_dir() {
        return Ok(vec![]);
    }
    let mut out = Vec::new();
    for item in std::fs::read_dir(&dir).map_err(io(&dir))? {
        let item = item.map_err(io(&dir))?;
        let path = item.path();
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.ends_with(&format!(".{EXTENSION}")) || !path.is_file() {
            continue;
        }
        out.push(entry(&path)?);
    }
    out.sort_by(|a, b| b.made.cmp(&a.made).then_with(|| b.path.cmp(&a.path)));
    Ok(out)
}

/// What `take` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub backup: Entry,
    /// Older backups removed by the rotation.
    pub removed: Vec<PathBuf>,
}

/// A backup into the rotation (`backups/gardesh-YYYYMMDD-HHMMSS.sqlite3`, Iran time), then
/// the rotation applied.
pub fn take(conn: &Connection, db_path: &Path, now: DateTime<Utc>) -> Result<Taken> {
    let dir = folder(db_path);
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let backup = create(conn, &fresh_name(&dir, AUTO_PREFIX, now))?;
    let removed = rotate(db_path)?;
    Ok(Taken { backup, removed })
}

/// The start-up backup: `take` unless a rotated backup was already made today (Iran's
/// date).
pub fn daily(conn: &Connection, db_path: &Path, now: DateTime<Utc>) -> Result<Option<Taken>> {
    let today = now.with_timezone(&iran_offset()).date_naive();
    let done_today = list(db_path)?.iter().any(|b| {
        b.kind == Kind::Rotated && b.made.with_timezone(&iran_offset()).date_naive() == today
    });
    if done_today {
        return Ok(None);
    }
    take(conn, db_path, now).map(Some)
}

/// The Saturday that starts `d`'s week (Iran's week runs Saturday to Friday).
fn week_of(d: NaiveDate) -> NaiveDate {
    let back = (d.weekday().num_days_from_monday() + 2) % 7;
    d - chrono::Duration::days(i64::from(back))
}

/// Which of `made` (newest first) the rotation keeps: the newest of each of the
/// `KEEP_DAILY` most recent days and of each of the `KEEP_WEEKLY` most recent weeks.
pub fn keep(made: &[DateTime<Utc>]) -> Vec<bool> {
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    made.iter()
        .map(|t| {
            let d = t.with_timezone(&iran_offset()).date_naive();
            let mut kept = false;
            if !days.contains(&d) && days.len() < KEEP_DAILY {
                days.insert(d);
                kept = true;
            }
            let w = week_of(d);
            if !weeks.contains(&w) && weeks.len() < KEEP_WEEKLY {
                weeks.insert(w);
                kept = true;
            }
            kept
        })
        .collect()
}

/// Remove the rotated backups the rotation no longer keeps; returns them. Safety copies
/// made before a restore and other files are never removed.
pub fn rotate(db_path: &Path) -> Result<Vec<PathBuf>> {
    let rotated: Vec<Entry> = list(db_path)?
        .into_iter()
        .filter(|b| b.kind == Kind::Rotated)
        .collect();
    let made: Vec<DateTime<Utc>> = rotated.iter().map(|b| b.made).collect();
    let mut removed = Vec::new();
    for (b, kept) in rotated.iter().zip(keep(&made)) {
        if !kept {
            std::fs::remove_file(&b.path).map_err(io(&b.path))?;
            removed.push(b.path.clone());
        }
    }
    Ok(removed)
}

/// What `restore` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The copy of the database as it was before (None: there was none).
    pub safety_copy: Option<PathBuf>,
    /// Schema of the restored file (an older one is migrated when next opened).
    pub schema_version: i64,
}

/// A copy of the database as it is, before it is replaced: online when it can be read,
/// else its files copied byte for byte (a damaged database is kept as found).
fn safety_copy(db_path: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let dir = folder(db_path);
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let dest = fresh_name(&dir, SAFETY_PREFIX, now);
    let online = (|| -> rusqlite::Result<()> {
        let src = Connection::open_with_flags(
            db_path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        src.busy_timeout(Duration::from_secs(5))?;
        let mut copy = Connection::open(&dest)?;
        copy_pages(&src, &mut copy)?;
        copy.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
        Ok(())
    })();
    if online.is_err() {
        let _ = std::fs::remove_file(&dest);
        std::fs::copy(db_path, &dest).map_err(io(&dest))?;
        let wal = PathBuf::from(format!("{}-wal", db_path.display()));
        if wal.exists() {
            std::fs::copy(&wal, format!("{}-wal", dest.display())).map_err(io(&wal))?;
        }
    }
    std::fs::File::open(&dest)
        .and_then(|f| f.sync_all())
        .map_err(io(&dest))?;
    sync_dir(&dir);
    Ok(dest)
}

/// Replace the database at `db_path` with the backup `from`: the backup is verified first
/// (ours, not newer, `quick_check` ok), a safety copy of the current database is made in
/// the backups folder, then the backup's pages are copied in through the backup API (so a
/// running app sees the restored data). If the current file is too damaged for that, it is
/// replaced as a file. Close the desktop app before restoring.
pub fn restore(db_path: &Path, from: &Path, now: DateTime<Utc>) -> Result<Restored> {
    let v = verify(from)?;
    if let (Ok(a), Ok(b)) = (db_path.canonicalize(), from.canonicalize()) {
        if a == b {
            return Err(Error::invalid(
                "backup",
                "پشتیبان همان پایگاه داده‌ی کنونی است",
                "the backup is the current database itself",
            ));
        }
    }
    let exists = std::fs::metadata(db_path)
        .map(|m| m.len() > 0)
        .unwrap_or(false);
    let safety = if exists {
        Some(safety_copy(db_path, now)?)
    } else {
        None
    };
    let online = (|| -> rusqlite::Result<()> {
        let src = Connection::open_with_flags(
            from,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut dst = Connection::open(db_path)?;
        dst.busy_timeout(Duration::from_secs(5))?;
        copy_pages(&src, &mut dst)
    })();
    if online.is_err() || verify(db_path).is_err() {
        replace_file(db_path, from)?;
    }
    verify(db_path)?;
    Ok(Restored {
        safety_copy: safety,
        schema_version: v.schema_version,
    })
}

/// Put a copy of `from` in place of `db_path` as a file (its WAL and shared-memory files
/// removed), through a temporary file and a rename.
fn replace_file(db_path: &Path, from: &Path) -> Result<()> {
    let dir = db_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.restoring",
        db_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    std::fs::copy(from, &tmp).map_err(io(&tmp))?;
    std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(io(&tmp))?;
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db_path.display()));
    }
    std::fs::rename(&tmp, db_path).map_err(io(db_path))?;
    sync_dir(dir);
    Ok(())
}

/// The start-up check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// The database (if any) is ours, not newer, and passes `quick_check`.
    pub ok: bool,
    /// Why not, in English (the Persian is in `problem_fa`).
    pub problems: Vec<String>,
    pub problem_fa: Option<String>,
    /// When not ok: the newest backup that passes `verify`.
    pub newest_good_backup: Option<Entry>,
}

/// Check the database at `db_path` without writing to it; when it is damaged, find the
/// newest backup that is good (the one to offer for a restore). A missing or empty file is
/// healthy: it will be created.
pub fn health(db_path: &Path) -> Health {
    let empty = std::fs::metadata(db_path)
        .map(|m| m.len() == 0)
        .unwrap_or(true);
    let problem = if empty { None } else { verify(db_path).err() };
    match problem {
        None => Health {
            ok: true,
            problems: vec![],
            problem_fa: None,
            newest_good_backup: None,
        },
        Some(e) => Health {
            ok: false,
            problems: vec![e.to_string()],
            problem_fa: Some(e.message_fa()),
            newest_good_backup: newest_good(db_path),
        },
    }
}

/// The newest backup in the folder that passes `verify`.
pub fn newest_good(db_path: &Path) -> Option<Entry> {
    list(db_path)
        .ok()?
        .into_iter()
        .find(|b| verify(&b.path).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Stamp;
    use crate::group::{self, Channel, GroupInput, Kind as GroupKind, MemberInput};
    use crate::store;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        iran_offset()
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn add_group(conn: &mut Connection, name: &str) {
        let input = GroupInput {
            name: name.into(),
            kind: GroupKind::Family,
            channel: Channel::Phone,
            preferred_from: None,
            preferred_to: None,
            preferred_sites: vec![],
            notes: String::new(),
            members: vec![MemberInput {
                full_name: "علی کاظمی".into(),
                mobile: "09131234567".into(),
                is_leader: true,
                ..MemberInput::default()
            }],
        };
        group::create(conn, &Stamp::new("t", at(2026, 12, 1, 9)), &input).unwrap();
    }

    fn groups(path: &Path) -> i64 {
        let c = store::open(path).unwrap();
        c.query_row("SELECT count(*) FROM groups", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn rotation_keeps_seven_days_and_four_weeks() {
        // One backup a day for 60 days, two on the last day.
        let mut made: Vec<DateTime<Utc>> = (0..60)
            .map(|i| at(2026, 12, 1, 9) + chrono::Duration::days(i))
            .collect();
        made.push(at(2027, 1, 29, 18));
        made.sort_by(|a, b| b.cmp(a));
        let kept: Vec<DateTime<Utc>> = made
            .iter()
            .zip(keep(&made))
            .filter(|(_, k)| *k)
            .map(|(t, _)| *t)
            .collect();
        assert_eq!(kept[0], at(2027, 1, 29, 18), "the newest of the last day");
        let days: HashSet<NaiveDate> = kept
            .iter()
            .map(|t| t.with_timezone(&iran_offset()).date_naive())
            .collect();
        assert_eq!(days.len(), kept.len(), "one per day at most");
        let recent = kept.iter().filter(|t| **t > at(2027, 1, 23, 0)).count();
        assert_eq!(recent, 7, "the last seven days");
        let weeks: HashSet<NaiveDate> = kept
            .iter()
            .map(|t| week_of(t.with_timezone(&iran_offset()).date_naive()))
            .collect();
        assert_eq!(weeks.len(), 4, "four weeks covered: {kept:?}");
        assert!(kept.len() <= KEEP_DAILY + KEEP_WEEKLY);
        assert_eq!(
            week_of(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()).weekday(),
            chrono::Weekday::Sat
        );
    }

    #[test]
    fn backups_are_checked_rotated_listed_and_restored_with_a_safety_copy() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("gardesh.sqlite3");
        let mut conn = store::open(&db).unwrap();
        add_group(&mut conn, "پیش از پشتیبان");
        // Twelve days of backups: the rotation leaves at most 7 + 4.
        let mut first = None;
        for d in 0..12 {
            let t = take(&conn, &db, at(2026, 12, 1 + d, 8)).unwrap();
            assert!(verify(&t.backup.path).is_ok());
            first.get_or_insert(t.backup.path.clone());
        }
        let all = list(&db).unwrap();
        assert!(all.len() <= 11 && all.len() >= 7, "{}", all.len());
        assert!(
            all.windows(2).all(|w| w[0].made >= w[1].made),
            "newest first"
        );
        assert_eq!(
            all[0].made,
            at(2026, 12, 12, 8),
            "time read back from the name"
        );
        assert!(
            daily(&conn, &db, at(2026, 12, 12, 20)).unwrap().is_none(),
            "one a day"
        );
        assert!(daily(&conn, &db, at(2026, 12, 13, 7)).unwrap().is_some());
        let newest = list(&db).unwrap()[0].path.clone();

        add_group(&mut conn, "پس از پشتیبان");
        assert_eq!(groups(&db), 2);
        drop(conn);
        let r = restore(&db, &newest, at(2026, 12, 13, 9)).unwrap();
        assert_eq!(groups(&db), 1, "the backup's data is back");
        let safety = r.safety_copy.expect("a safety copy");
        assert_eq!(
            groups(&safety),
            2,
            "the safety copy holds what was replaced"
        );
        assert_eq!(entry(&safety).unwrap().kind, Kind::BeforeRestore);
        // The safety copy survives rotation.
        rotate(&db).unwrap();
        assert!(safety.exists());
        // A manual backup to a name that exists is refused; a new name is fine.
        let conn = store::open(&db).unwrap();
        assert!(create(&conn, &newest).is_err());
        let manual = dir.path().join("manual.sqlite3");
        create(&conn, &manual).unwrap();
        assert_eq!(groups(&manual), 1);
    }

    #[test]
    fn a_damaged_database_is_named_with_the_newest_good_backup_and_bad_backups_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("gardesh.sqlite3");
        let mut conn = store::open(&db).unwrap();
        add_group(&mut conn, "گروه");
        let good = take(&conn, &db, at(2026, 12, 1, 8)).unwrap().backup.path;
        let newer = take(&conn, &db, at(2026, 12, 2, 8)).unwrap().backup.path;
        drop(conn);
        assert!(health(&db).ok);
        // Damage the newest backup and the database itself.
        let mut bytes = std::fs::read(&newer).unwrap();
        let n = bytes.len();
        for b in &mut bytes[4096..n] {
            *b = 0x5A;
        }
        std::fs::write(&newer, &bytes).unwrap();
        assert!(verify(&newer).is_err(), "a damaged backup fails its check");
        let mut bytes = std::fs::read(&db).unwrap();
        for b in &mut bytes[..100] {
            *b = 0x33;
        }
        std::fs::write(&db, &bytes).unwrap();
        for s in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{s}", db.display()));
        }
        let h = health(&db);
        assert!(!h.ok);
        assert_eq!(
            h.newest_good_backup.map(|b| b.path),
            Some(good.clone()),
            "skips the damaged newer one"
        );
        assert!(
            restore(&db, &newer, at(2026, 12, 3, 8)).is_err(),
            "a damaged backup is never restored"
        );
        let r = restore(&db, &good, at(2026, 12, 3, 8)).unwrap();
        assert!(
            r.safety_copy.is_some(),
            "even a damaged database is kept before it is replaced"
        );
        assert!(health(&db).ok);
        assert_eq!(groups(&db), 1);
        // A file that is not ours is refused.
        let foreign = dir.path().join("foreign.sqlite3");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        assert!(matches!(
            restore(&db, &foreign, at(2026, 12, 3, 9)),
            Err(Error::DatabaseCorrupt { .. })
        ));
    }
}
