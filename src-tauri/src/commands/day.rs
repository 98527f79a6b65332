//! Commands of the tour day and after: check-in, citizen requests, the Dashboard and the
//! Reports page.

use tauri::{AppHandle, Runtime};

use gardesh_core::ids::{MemberId, RegistrationId, RequestId, TourId};
use gardesh_core::{checkin, dashboard, request};

use super::blocking;
use crate::dto::day as d;
use crate::dto::groups::MemberInput;
use crate::dto::{api, ApiError};

/// The check-in sheet of a tour: groups holding seats, members and their marks.
#[tauri::command]
pub async fn checkin_sheet<R: Runtime>(
    app: AppHandle<R>,
    tour: i64,
) -> Result<d::CheckinSheet, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| {
            let sh = checkin::sheet(c, TourId(tour))?;
            Ok(d::CheckinSheet {
                tour: sh.tour.into(),
                groups: sh
                    .groups
                    .into_iter()
                    .map(|g| d::SheetGroup::read(c, g))
                    .collect::<Result<_, _>>()?,
                expected: sh.expected,
                present: sh.present,
                capacity: sh.capacity,
            })
        })
    })
    .await
}

/// Check a group in by its code, as typed or scanned.
#[tauri::command]
pub async fn checkin_code<R: Runtime>(
    app: AppHandle<R>,
    tour: i64,
    code: String,
) -> Result<d::CheckedIn, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let done = checkin::by_code(c, st, TourId(tour), &code)?;
            Ok(d::CheckedIn {
                group: d::SheetGroup::read(c, done.group)?,
                already: done.already,
            })
        })
    })
    .await
}

/// Tick a member present (true), absent (false) or clear the mark (null).
#[tauri::command]
pub async fn checkin_mark<R: Runtime>(
    app: AppHandle<R>,
    registration: i64,
    member: i64,
    present: Option<bool>,
) -> Result<d::SheetGroup, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let g = checkin::mark(
                c,
                st,
                RegistrationId(registration),
                MemberId(member),
                present,
            )?;
            d::SheetGroup::read(c, g)
        })
    })
    .await
}

#[tauri::command]
pub async fn checkin_undo<R: Runtime>(
    app: AppHandle<R>,
    registration: i64,
) -> Result<d::SheetGroup, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let g = checkin::undo(c, st, RegistrationId(registration))?;
            d::SheetGroup::read(c, g)
        })
    })
    .await
}

/// Add a walk-in to a group on the day (a reason, and a free seat, needed).
#[tauri::command]
pub async fn checkin_walk_in<R: Runtime>(
    app: AppHandle<R>,
    registration: i64,
    member: MemberInput,
    reason: String,
) -> Result<d::SheetGroup, ApiError> {
    let m = gardesh_core::group::MemberInput {
        id: None,
        full_name: member.full_name,
        national_id: member.national_id,
        mobile: member.mobile,
        birth_year: member.birth_year,
        step_free: member.step_free,
        ppe_sizes: member.ppe_sizes,
        is_leader: false,
        duplicate_reason: member.duplicate_reason,
    };
    blocking(app, move |s| {
        s.write(|c, st| {
            let g = checkin::walk_in(c, st, RegistrationId(registration), m, &reason)?;
            d::SheetGroup::read(c, g)
        })
    })
    .await
}

/// At departure: nobody present → no-show; unmarked members → absent.
#[tauri::command]
pub async fn checkin_close_departure<R: Runtime>(
    app: AppHandle<R>,
    tour: i64,
) -> Result<d::Departed, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let x = checkin::close_departure(c, st, TourId(tour))?;
            Ok(d::Departed {
                no_show_groups: x.no_show_groups,
                absent_members: x.absent_members,
            })
        })
    })
    .await
}

#[tauri::command]
pub async fn requests_list<R: Runtime>(
    app: AppHandle<R>,
    filter: d::RequestFilter,
) -> Result<Vec<d::CitizenRequest>, ApiError> {
    blocking(app, move |s| {
        let today = s.clock().today();
        s.with_db(|c| {
            Ok(request::list(c, &filter.into(), today)?
                .into_iter()
                .map(|r| d::CitizenRequest::new(r, today))
                .collect())
        })
    })
    .await
}

#[tauri::command]
pub async fn request_get<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
) -> Result<d::RequestDetail, ApiError> {
    blocking(app, move |s| {
        let today = s.clock().today();
        s.with_db(|c| {
            Ok(d::RequestDetail {
                request: d::CitizenRequest::new(request::get(c, RequestId(id))?, today),
                history: request::history(c, RequestId(id))?
                    .into_iter()
                    .map(Into::into)
                    .collect(),
            })
        })
    })
    .await
}

#[tauri::command]
pub async fn request_create<R: Runtime>(
    app: AppHandle<R>,
    input: d::RequestInput,
) -> Result<d::CitizenRequest, ApiError> {
    let input = input.into_core().map_err(api)?;
    blocking(app, move |s| {
        let today = s.clock().today();
        s.write(|c, st| {
            let id = request::create(c, st, input)?;
            Ok(d::CitizenRequest::new(request::get(c, id)?, today))
        })
    })
    .await
}

#[tauri::command]
pub async fn request_update<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    input: d::RequestInput,
) -> Result<d::CitizenRequest, ApiError> {
    let input = input.into_core().map_err(api)?;
    blocking(app, move |s| {
        let today = s.clock().today();
        s.write(|c, st| {
            Ok(d::CitizenRequest::new(
                request::update(c, st, RequestId(id), input)?,
                today,
            ))
        })
    })
    .await
}

/// Refer to a department (today).
#[tauri::command]
pub async fn request_refer<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    department: String,
) -> Result<d::CitizenRequest, ApiError> {
    blocking(app, move |s| {
        let today = s.clock().today();
        s.write(|c, st| {
            Ok(d::CitizenRequest::new(
                request::refer(c, st, RequestId(id), &department, today)?,
                today,
            ))
        })
    })
    .await
}

/// Record the department's answer (today).
#[tauri::command]
pub async fn request_answer<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    answer: String,
) -> Result<d::CitizenRequest, ApiError> {
    blocking(app, move |s| {
        let today = s.clock().today();
        s.write(|c, st| {
            Ok(d::CitizenRequest::new(
                request::answer(c, st, RequestId(id), &answer, today)?,
                today,
            ))
        })
    })
    .await
}

/// The answer was passed back to the citizen (today).
#[tauri::command]
pub async fn request_report<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
) -> Result<d::CitizenRequest, ApiError> {
    blocking(app, move |s| {
        let today = s.clock().today();
        s.write(|c, st| {
            Ok(d::CitizenRequest::new(
                request::report_back(c, st, RequestId(id), today)?,
                today,
            ))
        })
    })
    .await
}

#[tauri::command]
pub async fn request_departments<R: Runtime>(app: AppHandle<R>) -> Result<Vec<String>, ApiError> {
    blocking(app, move |s| s.with_db(|c| request::departments(c))).await
}

/// The Dashboard's figures for today.
#[tauri::command]
pub async fn dashboard_figures<R: Runtime>(
    app: AppHandle<R>,
) -> Result<d::DashboardFigures, ApiError> {
    blocking(app, move |s| {
        let today = s.clock().today();
        s.with_db(|c| Ok(dashboard::figures(c, today)?.into()))
    })
    .await
}

/// The Reports page's series.
#[tauri::command]
pub async fn reports_get<R: Runtime>(app: AppHandle<R>) -> Result<d::Reports, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| Ok(dashboard::reports(c)?.into()))
    })
    .await
}

/// Save bytes the UI made (a chart as PNG, a table as CSV) to the path the coordinator
/// chose in the save dialog: the raw IPC body, with `x-path` (URI-encoded). Only `.png`
/// and `.csv` files are written, through a temporary file renamed into place.
#[tauri::command]
pub async fn file_save<R: Runtime>(
    app: AppHandle<R>,
    request: tauri::ipc::Request<'_>,
) -> Result<(), ApiError> {
    use gardesh_core::Error;
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(api(Error::invalid(
            "file",
            "پرونده به شکل داده‌ی خام فرستاده نشد",
            "the file was not sent as raw bytes",
        )));
    };
    let path = super::sites::percent_decode(
        request
            .headers()
            .get("x-path")
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    );
    let path = std::path::PathBuf::from(path);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("png" | "csv")) {
        return Err(api(Error::invalid(
            "path",
            "فقط پرونده‌ی PNG یا CSV ذخیره می‌شود",
            "only PNG or CSV files are saved here",
        )));
    }
    let bytes = bytes.clone();
    blocking(app, move |_| {
        let tmp = path.with_extension("gardesh-partial");
        let io = |source| {
            api(Error::Io {
                path: path.clone(),
                source,
            })
        };
        std::fs::write(&tmp, &bytes).map_err(io)?;
        std::fs::rename(&tmp, &path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(e)
        })
    })
    .await
}
