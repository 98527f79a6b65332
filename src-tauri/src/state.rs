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
    db: std::result::Result<Mutex<Connection>, ApiError>,
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
                db: Err(ApiError::from(&e)),
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
            db: store::open(path)
                .map(Mutex::new)
                .map_err(|e| ApiError::from(&e)),
            path: path.to_path_buf(),
            clock,
            started,
        }
    }

    pub fn refusal(&self) -> Option<&ApiError> {
        self.db.as_ref().err()
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
        let db = self.db.as_ref().map_err(Clone::clone)?;
        let mut conn = db.lock().map_err(|_| ApiError {
            code: ErrorCode::Internal,
            message: "the database lock was poisoned by an earlier failure; restart Gardesh".into(),
            message_fa: "قفل پایگاه داده پس از خطایی پیشین از کار افتاد؛ گردش را دوباره باز کنید"
                .into(),
        })?;
        f(&mut conn).map_err(|e| ApiError::from(&e))
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
