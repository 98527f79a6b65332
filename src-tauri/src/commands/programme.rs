//! Commands of the programme, holidays, departures, the calendar and the demo.

use tauri::{AppHandle, Runtime};

use gardesh_core::persian::calendar::parse_iso_date;
use gardesh_core::programme::{self, holidays};
use gardesh_core::{demo, tour, Error};

use super::blocking;
use crate::dto::programme as d;
use crate::dto::{api, ApiError};

#[tauri::command]
pub async fn programme_get<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<d::Programme>, ApiError> {
    blocking(app, |s| {
        s.with_db(|c| programme::current(c))
            .map(|p| p.map(Into::into))
    })
    .await
}

#[tauri::command]
pub async fn programme_save<R: Runtime>(
    app: AppHandle<R>,
    input: d::ProgrammeInput,
) -> Result<d::Programme, ApiError> {
    let input = programme::ProgrammeInput::try_from(input)?;
    blocking(app, move |s| {
        s.write(|c, st| programme::save(c, st, input))
            .map(Into::into)
    })
    .await
}

/// What regenerating the departures would add, remove and keep; nothing is written.
#[tauri::command]
pub async fn departures_plan<R: Runtime>(app: AppHandle<R>) -> Result<d::DeparturesPlan, ApiError> {
    blocking(app, |s| {
        s.with_db(|c| programme::plan_departures(c)).map(Into::into)
    })
    .await
}

/// Apply the previewed plan, identified by its fingerprint.
#[tauri::command]
pub async fn departures_apply<R: Runtime>(
    app: AppHandle<R>,
    fingerprint: String,
) -> Result<d::DeparturesApplied, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| programme::apply_plan(c, st, &fingerprint))
            .map(Into::into)
    })
    .await
}

#[tauri::command]
pub async fn holidays_list<R: Runtime>(app: AppHandle<R>) -> Result<Vec<d::Holiday>, ApiError> {
    blocking(app, |s| {
        s.with_db(|c| holidays::list(c))
            .map(|v| v.into_iter().map(Into::into).collect())
    })
    .await
}

#[tauri::command]
pub async fn holiday_save<R: Runtime>(
    app: AppHandle<R>,
    holiday: d::Holiday,
) -> Result<(), ApiError> {
    let h = holidays::Holiday::try_from(holiday)?;
    blocking(app, move |s| s.write(|c, st| holidays::save(c, st, &h))).await
}

#[tauri::command]
pub async fn holiday_remove<R: Runtime>(app: AppHandle<R>, date: String) -> Result<(), ApiError> {
    let date = parse_iso_date("date", &date).map_err(api)?;
    blocking(app, move |s| s.write(|c, st| holidays::remove(c, st, date))).await
}

/// Add Iran's official 1405 list (lunar days marked "check the date").
#[tauri::command]
pub async fn holidays_add_official_1405<R: Runtime>(app: AppHandle<R>) -> Result<u32, ApiError> {
    blocking(app, |s| {
        s.write(|c, st| {
            holidays::save_all(c, st, &holidays::official_1405(), "holiday.official_1405")
        })
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
    })
    .await
}

/// Import holidays from a CSV file sent as the raw request body (the page's file picker):
/// every row is checked first; all or nothing.
#[tauri::command]
pub async fn holidays_import_csv<R: Runtime>(
    app: AppHandle<R>,
    request: tauri::ipc::Request<'_>,
) -> Result<u32, ApiError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(api(Error::invalid(
            "file",
            "پرونده به شکل داده‌ی خام فرستاده نشد",
            "the file was not sent as raw bytes",
        )));
    };
    let bytes = bytes.clone();
    blocking(app, move |s| {
        let list = holidays::from_csv(&bytes).map_err(api)?;
        s.write(|c, st| holidays::save_all(c, st, &list, "holiday.import"))
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
    })
    .await
}

#[tauri::command]
pub async fn holidays_export_csv<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<(), ApiError> {
    blocking(app, move |s| {
        let bytes = s.with_db(|c| holidays::to_csv(&holidays::list(c)?))?;
        std::fs::write(&path, bytes).map_err(|source| {
            api(Error::Io {
                path: path.into(),
                source,
            })
        })
    })
    .await
}

/// Every day of a Solar Hijri month with programme day, holidays, closures and tours.
#[tauri::command]
pub async fn calendar_month<R: Runtime>(
    app: AppHandle<R>,
    year: i32,
    month: u8,
) -> Result<Vec<d::CalendarDay>, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| programme::calendar_month(c, year, month))
            .map(|v| v.into_iter().map(Into::into).collect())
    })
    .await
}

#[tauri::command]
pub async fn tours_between<R: Runtime>(
    app: AppHandle<R>,
    from: String,
    to: String,
) -> Result<Vec<d::Tour>, ApiError> {
    let from = parse_iso_date("from", &from).map_err(api)?;
    let to = parse_iso_date("to", &to).map_err(api)?;
    blocking(app, move |s| {
        s.with_db(|c| tour::between(c, from, to))
            .map(|v| v.into_iter().map(Into::into).collect())
    })
    .await
}

/// Whether the database is empty, so the first run can offer the demo programme.
#[tauri::command]
pub async fn demo_offer<R: Runtime>(app: AppHandle<R>) -> Result<bool, ApiError> {
    blocking(app, |s| s.with_db(|c| demo::is_empty(c))).await
}

#[tauri::command]
pub async fn demo_install<R: Runtime>(app: AppHandle<R>) -> Result<d::DemoInstalled, ApiError> {
    blocking(app, |s| s.write(demo::install).map(Into::into)).await
}
