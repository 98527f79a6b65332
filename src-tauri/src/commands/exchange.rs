//! Commands of files in and out: importing groups from CSV or .xlsx (preview, then apply
//! with progress events), exporting registrations, manifests, requests and the calendar,
//! and backups (list, make, restore).

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Emitter, Runtime};

use gardesh_core::exchange::{self, export, ics};
use gardesh_core::ids::TourId;
use gardesh_core::{backup, request, Error};

use super::blocking;
use crate::dto::day::RequestFilter;
use crate::dto::exchange as d;
use crate::dto::{api, ApiError};

fn progress_event<R: Runtime>(app: &AppHandle<R>) -> impl FnMut(exchange::Progress) + '_ {
    let mut last = 0usize;
    move |p: exchange::Progress| {
        // At most about a hundred events a run, and always the last one.
        let step = (p.total / 100).max(1);
        if p.done == p.total || p.done >= last + step || p.done < last {
            last = p.done;
            let _ = app.emit(
                "import-progress",
                d::ImportProgress {
                    stage: match p.stage {
                        exchange::Stage::Checking => "checking",
                        exchange::Stage::Writing => "writing",
                    },
                    done: p.done as u32,
                    total: p.total as u32,
                },
            );
        }
    }
}

/// Every row of the file with its problems; nothing is written.
#[tauri::command]
pub async fn import_preview<R: Runtime>(
    app: AppHandle<R>,
    options: d::ImportOptions,
) -> Result<d::ImportPreview, ApiError> {
    let (path, options) = options.into_core().map_err(api)?;
    let events = app.clone();
    blocking(app, move |s| {
        let bytes = exchange::load(&path, &options.limits).map_err(api)?;
        let mut progress = progress_event(&events);
        s.with_db(|c| exchange::preview(c, &bytes, &options, &mut progress).map(Into::into))
    })
    .await
}

/// Write what the preview showed, whole or nothing, in one transaction.
#[tauri::command]
pub async fn import_apply<R: Runtime>(
    app: AppHandle<R>,
    options: d::ImportOptions,
) -> Result<d::ImportApplied, ApiError> {
    let (path, options) = options.into_core().map_err(api)?;
    let events = app.clone();
    blocking(app, move |s| {
        let bytes = exchange::load(&path, &options.limits).map_err(api)?;
        let mut progress = progress_event(&events);
        s.write(|c, st| {
            let done = exchange::apply(c, st, &bytes, &options, &mut progress)?;
            Ok(d::ImportApplied {
                groups: done.groups.len() as u32,
                members: done.members as u32,
                preview: done.preview.into(),
            })
        })
    })
    .await
}

fn format_of(path: &Path) -> Result<export::Format, ApiError> {
    export::Format::of_path(path).ok_or_else(|| {
        api(Error::invalid(
            "path",
            "نام پرونده باید به ‎.csv یا ‎.xlsx ختم شود",
            "the file name must end in .csv or .xlsx",
        ))
    })
}

async fn save_sheet<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    sheet: impl FnOnce(&gardesh_core::store::Connection, chrono::NaiveDate) -> Result<export::Sheet, Error>
        + Send
        + 'static,
) -> Result<(), ApiError> {
    let path = PathBuf::from(path);
    let format = format_of(&path)?;
    blocking(app, move |s| {
        let today = s.clock().today();
        let bytes = s.with_db(|c| export::render(&sheet(c, today)?, format))?;
        exchange::write_file(&path, &bytes, true).map_err(api)
    })
    .await
}

/// Registrations of one tour, or of every tour, to .csv (UTF-8 with BOM) or .xlsx.
#[tauri::command]
pub async fn export_registrations<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    tour: Option<i64>,
) -> Result<(), ApiError> {
    save_sheet(app, path, move |c, _| {
        export::registrations(c, tour.map(TourId))
    })
    .await
}

/// A tour's passengers by group, to .csv or .xlsx.
#[tauri::command]
pub async fn export_manifest<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    tour: i64,
) -> Result<(), ApiError> {
    save_sheet(app, path, move |c, _| export::manifest(c, TourId(tour))).await
}

/// Citizen requests (as filtered) for the departments, to .csv or .xlsx.
#[tauri::command]
pub async fn export_requests<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    filter: RequestFilter,
) -> Result<(), ApiError> {
    let filter: request::Filter = filter.into();
    save_sheet(app, path, move |c, today| {
        export::requests(c, &filter, today)
    })
    .await
}

/// The programme's tours as iCalendar (Iran's +03:30).
#[tauri::command]
pub async fn export_calendar<R: Runtime>(app: AppHandle<R>, path: String) -> Result<(), ApiError> {
    blocking(app, move |s| {
        let now = s.clock().now();
        let text = s.with_db(|c| ics::programme_calendar(c, now))?;
        exchange::write_file(Path::new(&path), text.as_bytes(), true).map_err(api)
    })
    .await
}

fn listed(db: &Path) -> Result<d::Backups, ApiError> {
    Ok(d::Backups {
        folder: backup::folder(db).display().to_string(),
        entries: backup::list(db)
            .map_err(api)?
            .into_iter()
            .map(Into::into)
            .collect(),
    })
}

/// The backups, newest first.
#[tauri::command]
pub async fn backups_list<R: Runtime>(app: AppHandle<R>) -> Result<d::Backups, ApiError> {
    blocking(app, move |s| listed(s.path())).await
}

/// Make a backup now (checked with `quick_check`), then apply the rotation.
#[tauri::command]
pub async fn backup_now<R: Runtime>(app: AppHandle<R>) -> Result<d::Backups, ApiError> {
    blocking(app, move |s| {
        let now = s.clock().now();
        s.with_db(|c| backup::take(c, s.path(), now))?;
        listed(s.path())
    })
    .await
}

/// Replace the database with a backup, after a safety copy of the current one.
#[tauri::command]
pub async fn backup_restore<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<d::RestoreDone, ApiError> {
    blocking(app, move |s| {
        let done = s.restore(Path::new(&path))?;
        Ok(d::RestoreDone {
            safety_copy: done.safety_copy.map(|p| p.display().to_string()),
        })
    })
    .await
}

/// The start-up health check: when the database is refused as damaged, the newest good
/// backup to offer.
#[tauri::command]
pub async fn backup_health<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<d::BackupEntry>, ApiError> {
    blocking(app, move |s| {
        Ok(match s.refusal() {
            Some(_) => backup::newest_good(s.path()).map(Into::into),
            None => None,
        })
    })
    .await
}
