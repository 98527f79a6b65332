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

/// Add one photo to a site's gallery. The image file's bytes are the raw request body
/// (from the file picker or a file dropped on the page); headers `x-site-id` and
/// `x-file-name` (URI-encoded) say where it goes and what it was called. Decoding and
/// resizing run off the UI thread.
#[tauri::command]
pub async fn photo_add<R: Runtime>(
    app: AppHandle<R>,
    request: tauri::ipc::Request<'_>,
) -> Result<d::PhotoInfo, ApiError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(api(Error::invalid(
            "photo",
            "عکس به شکل داده‌ی خام فرستاده نشد",
            "the photo was not sent as raw bytes",
        )));
    };
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let site: i64 = header("x-site-id").parse().map_err(|_| {
        api(Error::invalid(
            "site",
            "سایت عکس مشخص نیست",
            "the photo's site is missing",
        ))
    })?;
    let file_name = percent_decode(&header("x-file-name"));
    if bytes.len() > photo::MAX_FILE_BYTES {
        return Err(api(Error::invalid(
            "photo",
            "پرونده‌ی عکس بزرگ‌تر از ۶۰ مگابایت است",
            format!(
                "the photo file is larger than 60 MB ({} bytes)",
                bytes.len()
            ),
        )));
    }
    let bytes = bytes.clone();
    blocking(app, move |s| {
        let prepared = photo::prepare(&bytes).map_err(api)?;
        s.write(|c, st| {
            let id = photo::add(c, st, SiteId(site), &file_name, &prepared)?;
            photo::list(c, SiteId(site))?
                .into_iter()
                .find(|p| p.id == id)
                .ok_or_else(|| Error::Internal("the new photo is missing".into()))
        })
        .map(Into::into)
    })
    .await
}

/// `%D8%B9` → bytes → UTF-8 (lossy); anything malformed is kept as typed.
pub(crate) fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
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
