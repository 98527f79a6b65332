//! Commands of printed documents: a preview (pages as images), save as PDF (with progress
//! and cancel for batches), and open in the system's PDF viewer for printing.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use base64::Engine;
use tauri::{AppHandle, Emitter, Runtime};

use gardesh_core::{settings, Error};
use gardesh_print::Lang;

use super::blocking;
use crate::dto::print as d;
use crate::dto::{api, ApiError, ErrorCode};

/// Set by `print_cancel`; read between the documents of a batch.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// The most pages a preview shows (a batch may have hundreds; save it to see them all).
const PREVIEW_PAGES: usize = 12;

fn print_error(e: gardesh_print::Error) -> ApiError {
    match e {
        gardesh_print::Error::Core(e) => api(e),
        other => ApiError {
            code: match other {
                gardesh_print::Error::Typst(_) => ErrorCode::Internal,
                _ => ErrorCode::Conflict,
            },
            message: other.to_string(),
            message_fa: other.message_fa(),
        },
    }
}

fn lang(c: &gardesh_core::store::Connection) -> Result<Lang, Error> {
    Ok(settings::load(c)?.language.into())
}

/// The first pages of the document as PNG images, and how many pages it has.
#[tauri::command]
pub async fn print_preview<R: Runtime>(
    app: AppHandle<R>,
    request: d::PrintRequest,
) -> Result<d::PrintPreview, ApiError> {
    let request = request.into_request().map_err(api)?;
    blocking(app, move |s| {
        let mut out = Err(ApiError::internal("not rendered"));
        s.with_db(|c| {
            let lang = lang(c)?;
            out = gardesh_print::preview_pngs(c, &request, lang, 1.4, PREVIEW_PAGES)
                .map(|(images, pages)| d::PrintPreview {
                    pages: pages as u32,
                    images: images
                        .iter()
                        .map(|png| {
                            format!(
                                "data:image/png;base64,{}",
                                base64::engine::general_purpose::STANDARD.encode(png)
                            )
                        })
                        .collect(),
                })
                .map_err(print_error);
            Ok(())
        })?;
        out
    })
    .await
}

fn render<R: Runtime>(
    app: &AppHandle<R>,
    s: &crate::state::AppState,
    request: &gardesh_print::Request,
) -> Result<gardesh_print::Pdf, ApiError> {
    CANCEL.store(false, Ordering::SeqCst);
    let mut out = Err(ApiError::internal("not rendered"));
    s.with_db(|c| {
        let lang = lang(c)?;
        out = gardesh_print::render(c, request, lang, |done, total| {
            let _ = app.emit(
                "print-progress",
                d::PrintProgress {
                    done: done as u32,
                    total: total as u32,
                },
            );
            !CANCEL.load(Ordering::SeqCst)
        })
        .map_err(print_error);
        Ok(())
    })?;
    out
}

/// Render the document and write it to `path` (chosen in the save dialog).
#[tauri::command]
pub async fn print_save<R: Runtime>(
    app: AppHandle<R>,
    request: d::PrintRequest,
    path: String,
) -> Result<d::PrintSaved, ApiError> {
    let request = request.into_request().map_err(api)?;
    let events = app.clone();
    blocking(app, move |s| {
        let pdf = render(&events, s, &request)?;
        let path = PathBuf::from(path);
        gardesh_core::exchange::write_file(&path, &pdf.bytes, true).map_err(api)?;
        Ok(d::PrintSaved {
            path: path.display().to_string(),
            pages: pdf.pages as u32,
        })
    })
    .await
}

/// Stop the document being rendered (between the documents of a batch).
#[tauri::command]
pub async fn print_cancel() -> Result<(), ApiError> {
    CANCEL.store(true, Ordering::SeqCst);
    Ok(())
}

/// Render the document to a temporary PDF and open it in the system's viewer to print.
#[tauri::command]
pub async fn print_open<R: Runtime>(
    app: AppHandle<R>,
    request: d::PrintRequest,
) -> Result<d::PrintSaved, ApiError> {
    let request = request.into_request().map_err(api)?;
    let events = app.clone();
    blocking(app, move |s| {
        let pdf = render(&events, s, &request)?;
        let dir = std::env::temp_dir().join("gardesh-print");
        let path = dir.join(format!(
            "gardesh-{}.pdf",
            s.clock().now().format("%Y%m%d-%H%M%S-%3f")
        ));
        gardesh_core::exchange::write_file(&path, &pdf.bytes, true).map_err(api)?;
        opener::open(&path).map_err(|e| ApiError {
            code: ErrorCode::Internal,
            message: format!(
                "the PDF was saved to {} but no viewer opened it: {e}",
                path.display()
            ),
            message_fa: format!(
                "پی‌دی‌اف در \u{2066}{}\u{2069} ذخیره شد اما نمایشگری آن را باز نکرد",
                path.display()
            ),
        })?;
        Ok(d::PrintSaved {
            path: path.display().to_string(),
            pages: pdf.pages as u32,
        })
    })
    .await
}
