//! The shell's state, set up once: the database connection (or why it was refused) and
//! the clock.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use gardesh_core::audit::Stamp;
use gardesh_core::clock::Clock;
use gardesh_core::store::{self, Connection};
use gardesh_core::Error;

use crate::dto::{ApiError, ErrorCode};

pub struct AppState {
    /// The connection, or why the database was refused; replaced after a restore.
    db: Mutex<std::result::Result<Connection, ApiError>>,
    path: PathBuf,
    clock: Box<dyn Clock>,
    started: Instant,
}

impl AppState {
    /// Open the database in the shared data folder (see `store::default_path`).
    pub fn open_default(clock: Box<dyn Clock>, started: Instant) -> Self {
        match store::default_path() {
            Ok(path) => Self::open(&path, clock, started),
            Err(e) => AppState {
                db: Mutex::new(Err(ApiError::from(&e))),
                path: PathBuf::new(),
                clock,
                started,
            },
        }
    }

    /// Open `path`. A refused database (newer, corrupt, unreadable) is kept as the error
    /// every command answers with, so the window opens and says why; the file is not touched.
    pub fn open(path: &Path, clock: Box<dyn Clock>, started: Instant) -> Self {
        AppState {
            db: Mutex::new(store::open(path).map_err(|e| ApiError::from(&e))),
            path: path.to_path_buf(),
            clock,
            started,
        }
    }

    pub fn refusal(&self) -> Option<ApiError> {
        match self.db.lock() {
            Ok(db) => db.as_ref().err().cloned(),
            Err(_) => Some(poisoned()),
        }
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn started(&self) -> Instant {
        self.started
    }

    /// Run `f` with the connection; a refused database or a poisoned lock becomes an ApiError.
    pub fn with_db<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, Error>,
    ) -> Result<T, ApiError> {
        let mut db = self.db.lock().map_err(|_| poisoned())?;
        let conn = db.as_mut().map_err(|e| e.clone())?;
        f(conn).map_err(|e| ApiError::from(&e))
    }

    /// Replace the database with a backup (a safety copy of the current file is made
    /// first, see `backup::restore`): the connection is closed, the file restored, and a
    /// new connection opened (migrating an older backup). Works on a refused database too.
    pub fn restore(&self, from: &Path) -> Result<gardesh_core::backup::Restored, ApiError> {
        let mut db = self.db.lock().map_err(|_| poisoned())?;
        // Close the current connection (Windows cannot replace an open file).
        drop(std::mem::replace(&mut *db, Err(poisoned())));
        let done = gardesh_core::backup::restore(&self.path, from, self.clock.now());
        *db = store::open(&self.path).map_err(|e| ApiError::from(&e));
        done.map_err(|e| ApiError::from(&e))
    }

    /// Run a change as the coordinator named in the settings, stamped with the clock's now.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut Connection, &Stamp) -> Result<T, Error>,
    ) -> Result<T, ApiError> {
        self.with_db(|conn| {
            let stamp = Stamp::coordinator(conn, self.clock.now())?;
            f(conn, &stamp)
        })
    }
}

fn poisoned() -> ApiError {
    ApiError {
        code: ErrorCode::Internal,
        message: "the database lock was poisoned by an earlier failure; restart Gardesh".into(),
        message_fa: "قفل پایگاه داده پس از خطایی پیشین از کار افتاد؛ گردش را دوباره باز کنید"
            .into(),
    }
}
