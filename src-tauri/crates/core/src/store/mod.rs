//! The store: the one place that opens the database, applies migrations and runs writes.
//!
//! Every connection gets the same pragmas (WAL, foreign keys, busy timeout, synchronous).
//! A database newer than this code, or a file that is not a Gardesh database, is refused
//! before anything is written to it.

mod migrations;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use migrations::SCHEMA_VERSION;
/// The connection type every store function takes.
pub use rusqlite::Connection;

/// `PRAGMA application_id` of every Gardesh database: "GRDS".
pub const APPLICATION_ID: i64 = 0x4752_4453;

/// File name of the database inside the data folder.
pub const DB_FILE_NAME: &str = "gardesh.sqlite3";

/// The identifier the desktop app is bundled under; its data folder is named after it.
pub const APP_IDENTIFIER: &str = "ir.isfahan.gardesh";

/// The database path shared by the desktop app and the CLI: `<data dir>/<identifier>/gardesh.sqlite3`
/// (`$XDG_DATA_HOME` or `~/.local/share` on Linux, `%APPDATA%` on Windows,
/// `~/Library/Application Support` on macOS), the same folder Tauri's `app_data_dir` names.
pub fn default_path() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER).join(DB_FILE_NAME))
        .ok_or_else(|| {
            Error::invalid(
                "database",
                "پوشه‌ی داده‌های کاربر پیدا نشد؛ مسیر پایگاه داده را با --db بدهید",
                "the user data folder could not be found; give the database path with --db",
            )
        })
}

/// Open (creating if missing) and migrate the database at `path`.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    prepare(&mut conn, path)?;
    Ok(conn)
}

/// A fresh in-memory database with every migration applied: the fast path for tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    prepare(&mut conn, Path::new(":memory:"))?;
    Ok(conn)
}

fn prepare(conn: &mut Connection, path: &Path) -> Result<()> {
    // Read-only look first: nothing is written until we know the file is ours and not newer.
    let (app_id, version, tables) = inspect(conn).map_err(|e| classify(path, e))?;
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(Error::DatabaseCorrupt {
            path: path.to_path_buf(),
            detail: format!("it belongs to another program (application_id {app_id:#x})"),
        });
    }
    if app_id == 0 && version == 0 && tables > 0 {
        return Err(Error::DatabaseCorrupt {
            path: path.to_path_buf(),
            detail: "it holds tables of another program".into(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(Error::DatabaseNewer {
            path: path.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    configure(conn).map_err(|e| classify(path, e))?;
    migrations::apply(conn, version).map_err(|e| match e {
        Error::Sqlite(e) => classify(path, e),
        other => other,
    })
}

fn inspect(conn: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    let app_id = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    Ok((app_id, version, tables))
}

/// The pragmas every connection gets. `synchronous = FULL`: each commit is fsynced to the
/// WAL, so an acknowledged change survives a power cut (NORMAL may lose the last commits).
/// Coordinators make a few changes a minute; the fsync costs milliseconds (ARCHITECTURE.md).
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    // In-memory databases report "memory"; files must be in WAL.
    debug_assert!(mode == "wal" || mode == "memory", "journal mode {mode}");
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Map an SQLite error met while opening into what a person can act on.
fn classify(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::NotADatabase) | Some(C::DatabaseCorrupt) => Error::DatabaseCorrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        _ => Error::Sqlite(e),
    }
}

/// Run `f` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so
/// `busy_timeout` applies and no other writer can slip in between a read and a write.
/// Commits only if `f` succeeds; any error rolls everything back.
pub fn write<T>(conn: &mut Connection, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let value = f(&tx)?;
    tx.commit()?;
    Ok(value)
}

/// What the Dashboard and `check` report about the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub path: String,
    pub schema_version: i64,
    pub journal_mode: String,
    pub size_bytes: u64,
    /// Empty when the integrity and foreign-key checks pass.
    pub problems: Vec<String>,
}

impl Status {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Integrity (`quick_check` or the full `integrity_check`) and foreign-key check.
pub fn status(conn: &Connection, full: bool) -> Result<Status> {
    let pragma = if full {
        "PRAGMA integrity_check"
    } else {
        "PRAGMA quick_check"
    };
    let mut problems: Vec<String> = conn
        .prepare(pragma)?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    if problems == ["ok"] {
        problems.clear();
    }
    let mut fk = conn.prepare("PRAGMA foreign_key_check")?;
    let fk_rows = fk.query_map([], |r| {
        Ok(format!(
            "foreign key: row {} of {} points to a missing {}",
            r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
            r.get::<_, String>(0)?,
            r.get::<_, String>(2)?
        ))
    })?;
    for row in fk_rows {
        problems.push(row?);
    }
    let path = conn.path().unwrap_or_default().to_string();
    let size_bytes = if path.is_empty() {
        let pages: i64 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
        let size: i64 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
        (pages * size).max(0) as u64
    } else {
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
    };
    Ok(Status {
        schema_version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        journal_mode: conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?,
        path: if path.is_empty() {
            ":memory:".into()
        } else {
            path
        },
        size_bytes,
        problems,
    })
}

#[cfg(test)]
mod tests;
