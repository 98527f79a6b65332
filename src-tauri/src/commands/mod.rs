//! Tauri commands: each takes its input, makes one core call off the UI thread, and maps
//! the result or the typed error. No rule is decided here.

pub mod day;
pub mod exchange;
pub mod groups;
pub mod names;
pub mod print;
pub mod programme;
pub mod sites;
pub mod tours;

use tauri::{AppHandle, Manager, Runtime};

use gardesh_core::persian::JalaliDate;
use gardesh_core::{settings, store};

use crate::dto::{self, ApiError};
use crate::state::AppState;

/// Run blocking database work on the blocking pool, with the app's state.
pub(crate) async fn blocking<R, T, F>(app: AppHandle<R>, f: F) -> Result<T, ApiError>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || match app.try_state::<AppState>() {
        Some(state) => f(&state),
        None => Err(ApiError::internal("the app state is not ready yet")),
    })
    .await
    .map_err(|e| ApiError::internal(format!("background task failed: {e}")))?
}

/// Today in the Solar Hijri calendar, the database's health and the app's version.
#[tauri::command]
pub async fn app_status<R: Runtime>(app: AppHandle<R>) -> Result<dto::AppStatus, ApiError> {
    let version = app.package_info().version.to_string();
    blocking(app, move |state| {
        let today =
            JalaliDate::from_gregorian(state.clock().today()).map_err(|e| ApiError::from(&e))?;
        let db = state.with_db(|conn| store::status(conn, false))?;
        Ok(dto::AppStatus {
            app_version: version,
            today: today.into(),
            db: db.into(),
        })
    })
    .await
}

#[tauri::command]
pub async fn settings_get<R: Runtime>(app: AppHandle<R>) -> Result<dto::Settings, ApiError> {
    blocking(app, |state| {
        state.with_db(|conn| settings::load(conn)).map(Into::into)
    })
    .await
}

#[tauri::command]
pub async fn settings_save<R: Runtime>(
    app: AppHandle<R>,
    settings: dto::Settings,
) -> Result<dto::Settings, ApiError> {
    blocking(app, move |state| {
        state
            .write(|conn, stamp| settings::save(conn, stamp, settings.into()))
            .map(Into::into)
    })
    .await
}

/// The UI calls this once its first screen is painted. The shell reports the start-up
/// time on stderr and, when `GARDESH_READY_FILE` is set (the start-up benchmark), writes
/// the milliseconds since the process started to that file.
#[tauri::command]
pub fn ui_ready<R: Runtime>(app: AppHandle<R>) -> Result<u64, ApiError> {
    let state = app
        .try_state::<AppState>()
        .ok_or_else(|| ApiError::internal("the app state is not ready yet"))?;
    let ms = u64::try_from(state.started().elapsed().as_millis()).unwrap_or(u64::MAX);
    eprintln!("gardesh: first screen painted {ms} ms after start");
    if let Some(path) = std::env::var_os("GARDESH_READY_FILE") {
        std::fs::write(&path, ms.to_string())
            .map_err(|e| ApiError::internal(format!("cannot write the ready file: {e}")))?;
    }
    Ok(ms)
}
