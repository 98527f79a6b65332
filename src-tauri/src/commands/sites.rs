//! Commands of project sites, their hours, closures and photos.

use tauri::{AppHandle, Runtime};

use gardesh_core::ids::{ClosureId, PhotoId, SiteId};
use gardesh_core::persian::calendar::parse_iso_date;
use gardesh_core::site::{self, photo};
use gardesh_core::Error;

use super::blocking;
use crate::dto::sites as d;
use crate::dto::{api, ApiError};

#[tauri::command]
pub async fn sites_list<R: Runtime>(
    app: AppHandle<R>,
    filter: d::SiteFilter,
) -> Result<Vec<d::Site>, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| site::list(c, &filter.into()))
            .map(|v| v.into_iter().map(Into::into).collect())
    })
    .await
}

#[tauri::command]
pub async fn site_get<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<d::SiteDetail, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| site::detail(c, SiteId(id))).map(Into::into)
    })
    .await
}

#[tauri::command]
pub async fn site_create<R: Runtime>(
    app: AppHandle<R>,
    input: d::SiteInput,
) -> Result<d::SiteSaved, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| site::create(c, st, input.into()))
            .map(|(id, w)| d::SiteSaved {
                id: id.get(),
                warnings: w.into_iter().map(Into::into).collect(),
            })
    })
    .await
}

#[tauri::command]
pub async fn site_update<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    input: d::SiteInput,
) -> Result<d::SiteSaved, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| site::update(c, st, SiteId(id), input.into()))
            .map(|w| d::SiteSaved {
                id,
                warnings: w.into_iter().map(Into::into).collect(),
            })
    })
    .await
}

#[tauri::command]
pub async fn site_set_archived<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    archived: bool,
) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| site::set_archived(c, st, SiteId(id), archived))
    })
    .await
}

#[tauri::command]
pub async fn site_set_hours<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    hours: Vec<d::HoursWindow>,
) -> Result<(), ApiError> {
    let hours = hours
        .into_iter()
        .map(TryInto::try_into)
        .collect::<Result<Vec<_>, _>>()?;
    blocking(app, move |s| {
        s.write(|c, st| site::set_hours(c, st, SiteId(id), &hours))
    })
    .await
}

#[tauri::command]
pub async fn site_add_closure<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    starts: String,
    ends: String,
    reason: String,
) -> Result<i64, ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| {
            let starts = parse_iso_date("starts", &starts)?;
            let ends = parse_iso_date("ends", &ends)?;
            site::add_closure(c, st, SiteId(id), starts, ends, &reason)
        })
        .map(ClosureId::get)
    })
    .await
}

#[tauri::command]
pub async fn site_remove_closure<R: Runtime>(
    app: AppHandle<R>,
    closure: i64,
) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| site::remove_closure(c, st, ClosureId(closure)))
    })
    .await
}

/// Undo the most recent change to any site; `null` when there is nothing to undo.
#[tauri::command]
pub async fn site_undo<R: Runtime>(app: AppHandle<R>) -> Result<Option<d::Undone>, ApiError> {
    blocking(app, |s| {
        s.write(site::undo_last_change).map(|u| u.map(Into::into))
    })
    .await
}

/// Add photo files (from the file dialog or dropped on the window) to a site's gallery.
/// Each file is read, decoded and resized off the UI thread; each succeeds or is refused
/// on its own, with its reason.
#[tauri::command]
pub async fn photo_add_files<R: Runtime>(
    app: AppHandle<R>,
    site: i64,
    paths: Vec<String>,
) -> Result<Vec<d::PhotoAdded>, ApiError> {
    blocking(app, move |s| {
        let mut out = Vec::with_capacity(paths.len());
        for path in paths {
            let file_name = std::path::Path::new(&path)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.clone());
            let result = read_photo(&path).and_then(|prepared| {
                s.write(|c, st| {
                    let id = photo::add(c, st, SiteId(site), &file_name, &prepared)?;
                    photo::list(c, SiteId(site))?
                        .into_iter()
                        .find(|p| p.id == id)
                        .ok_or_else(|| Error::Internal("the new photo is missing".into()))
                })
            });
            out.push(match result {
                Ok(p) => d::PhotoAdded {
                    file_name,
                    photo: Some(p.into()),
                    error: None,
                },
                Err(e) => d::PhotoAdded {
                    file_name,
                    photo: None,
                    error: Some(e),
                },
            });
        }
        Ok(out)
    })
    .await
}

fn read_photo(path: &str) -> Result<photo::Prepared, ApiError> {
    let io = |source| {
        ApiError::from(&Error::Io {
            path: path.into(),
            source,
        })
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > photo::MAX_FILE_BYTES as u64 {
        return Err(ApiError::from(&Error::invalid(
            "photo",
            "پرونده‌ی عکس بزرگ‌تر از ۶۰ مگابایت است",
            format!("the photo file is larger than 60 MB ({len} bytes)"),
        )));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    photo::prepare(&bytes).map_err(api)
}

/// The JPEG bytes of a photo (thumbnail or display size), as a raw IPC response.
#[tauri::command]
pub async fn photo_bytes<R: Runtime>(
    app: AppHandle<R>,
    photo: i64,
    thumb: bool,
) -> Result<tauri::ipc::Response, ApiError> {
    blocking(app, move |s| {
        s.with_db(|c| photo::bytes(c, PhotoId(photo), thumb))
            .map(tauri::ipc::Response::new)
    })
    .await
}

#[tauri::command]
pub async fn photo_set_cover<R: Runtime>(app: AppHandle<R>, photo: i64) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| photo::set_cover(c, st, PhotoId(photo)))
    })
    .await
}

#[tauri::command]
pub async fn photo_set_caption<R: Runtime>(
    app: AppHandle<R>,
    photo: i64,
    caption: String,
) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| photo::set_caption(c, st, PhotoId(photo), &caption))
    })
    .await
}

#[tauri::command]
pub async fn photo_remove<R: Runtime>(app: AppHandle<R>, photo: i64) -> Result<(), ApiError> {
    blocking(app, move |s| {
        s.write(|c, st| photo::remove(c, st, PhotoId(photo)))
    })
    .await
}
