//! typst as a library: a small `World` over the embedded templates and fonts, with the
//! document's data as the virtual file `/data.json` and its QR code as `/qr.svg`.
//!
//! typst interns every `FileId` for the life of the process (at most 65,535), so the
//! world only ever names the fixed paths below; a new render replaces their contents.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::LazyLock;

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::{LazyHash, Scalar};
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::error::{Error, Result};

/// The templates, by the document they typeset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Template {
    Itinerary,
    Manifest,
    Confirmation,
    Safety,
}

const TEMPLATES: [(&str, &str); 5] = [
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/itinerary.typ", include_str!("../templates/itinerary.typ")),
    ("/manifest.typ", include_str!("../templates/manifest.typ")),
    (
        "/confirmation.typ",
        include_str!("../templates/confirmation.typ"),
    ),
    ("/safety.typ", include_str!("../templates/safety.typ")),
];

const FONTS: [&[u8]; 2] = [
    include_bytes!("../fonts/Vazirmatn-Regular.ttf"),
    include_bytes!("../fonts/Vazirmatn-Bold.ttf"),
];

impl Template {
    fn path(self) -> &'static str {
        match self {
            Template::Itinerary => "/itinerary.typ",
            Template::Manifest => "/manifest.typ",
            Template::Confirmation => "/confirmation.typ",
            Template::Safety => "/safety.typ",
        }
    }
}

/// Everything that stays the same between renders, built once per process.
struct Assets {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sources: Vec<Source>,
    data: FileId,
    qr: FileId,
}

fn file_id(path: &str) -> FileId {
    // The paths are the constants of this module; a test opens every one of them.
    let vpath = VirtualPath::new(path).expect("a constant, valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

static ASSETS: LazyLock<Assets> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONTS
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Assets {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        sources: TEMPLATES
            .iter()
            .map(|(path, text)| Source::new(file_id(path), (*text).to_string()))
            .collect(),
        data: file_id("/data.json"),
        qr: file_id("/qr.svg"),
    }
});

/// One render: the fixed assets plus this document's data and QR code.
struct Job<'a> {
    assets: &'a Assets,
    main: FileId,
    data: Bytes,
    qr: Option<Bytes>,
}

impl World for Job<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.assets.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.assets.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.assets
            .sources
            .iter()
            .find(|s| s.id() == id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.assets.data {
            return Ok(self.data.clone());
        }
        if id == self.assets.qr {
            return self.qr.clone().ok_or_else(|| not_found(id));
        }
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_string()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.assets.fonts.get(index).cloned()
    }

    /// Documents never print "today" by themselves: time is passed in as data.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

/// typst's diagnostics as one line each: the message, where in which template, hints.
fn describe(world: &Job<'_>, diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let mut s = d.message.to_string();
            if let (Some(id), Some(range)) = (d.span.id(), world.range(d.span)) {
                let line = world
                    .source(id)
                    .ok()
                    .and_then(|src| src.lines().byte_to_line(range.start))
                    .map_or(0, |l| l + 1);
                s.push_str(&format!(" ({}:{line})", id.vpath().get_without_slash()));
            }
            for h in &d.hints {
                s.push_str(&format!(" (hint: {})", h.v));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn describe_each(world: &Job<'_>, diags: &[SourceDiagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| describe(world, std::slice::from_ref(d)))
        .collect()
}

/// A QR code as SVG: medium error correction, quiet zone included.
pub(crate) fn qr_svg(text: &str) -> Result<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| Error::Typst(format!("QR code: {e}")))?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

/// Typeset one document from its template, data and optional QR code text; returns the
/// pages and typst's warnings.
pub(crate) fn typeset(
    template: Template,
    data: &impl serde::Serialize,
    qr: Option<&str>,
) -> Result<(PagedDocument, Vec<String>)> {
    let data = serde_json::to_vec(data).map_err(|e| Error::Typst(format!("data: {e}")))?;
    let qr = qr.map(qr_svg).transpose()?.map(Bytes::from_string);
    let assets: &Assets = &ASSETS;
    let job = Job {
        assets,
        main: file_id(template.path()),
        data: Bytes::new(data),
        qr,
    };
    let warned = catch_unwind(AssertUnwindSafe(|| typst::compile::<PagedDocument>(&job)))
        .map_err(|_| Error::Typst("the typesetter stopped unexpectedly".into()))?;
    let doc = warned
        .output
        .map_err(|e| Error::Typst(describe(&job, &e)))?;
    Ok((doc, describe_each(&job, &warned.warnings)))
}

/// One document made of the pages of several, in order (a batch).
pub(crate) fn merge(docs: Vec<PagedDocument>) -> Option<PagedDocument> {
    let mut docs = docs.into_iter();
    let mut first = docs.next()?;
    let info = first.info_mut().clone();
    let mut pages: Vec<_> = first.pages().to_vec();
    for d in docs {
        pages.extend(d.pages().iter().cloned());
    }
    Some(PagedDocument::new(pages.into_iter().collect(), info))
}

/// PDF bytes. `tagged` adds the accessibility structure; a merged batch goes untagged,
/// since its parts were laid out separately.
pub(crate) fn pdf(doc: &PagedDocument, tagged: bool) -> Result<Vec<u8>> {
    let options = typst_pdf::PdfOptions {
        creator: Smart::Custom(Some("Gardesh".into())),
        tagged,
        ..typst_pdf::PdfOptions::default()
    };
    catch_unwind(AssertUnwindSafe(|| typst_pdf::pdf(doc, &options)))
        .map_err(|_| Error::Typst("the PDF writer stopped unexpectedly".into()))?
        .map_err(|e| {
            Error::Typst(
                e.iter()
                    .map(|d| d.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
}

/// Each page as a PNG, `scale` pixels per point (1 pt = 1/72 inch; 2.0 ≈ 144 dpi).
pub(crate) fn pngs(doc: &PagedDocument, scale: f64, max_pages: usize) -> Result<Vec<Vec<u8>>> {
    let scale = if scale.is_finite() {
        scale.clamp(0.1, 8.0)
    } else {
        1.0
    };
    let options = typst_render::RenderOptions {
        pixel_per_pt: Scalar::new(scale),
        render_bleed: false,
    };
    doc.pages()
        .iter()
        .take(max_pages)
        .map(|page| {
            catch_unwind(AssertUnwindSafe(|| typst_render::render(page, &options)))
                .map_err(|_| Error::Typst("the page renderer stopped unexpectedly".into()))?
                .encode_png()
                .map_err(|e| Error::Typst(format!("PNG: {e}")))
        })
        .collect()
}

/// Drop typst's memoised results not used in the last few documents, so a long session
/// (or a batch of hundreds) does not grow without bound; what every document reuses (the
/// templates, the fonts' shaping) stays.
pub(crate) fn trim_cache() {
    typst::comemo::evict(8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_and_virtual_file_is_reachable() {
        let a: &Assets = &ASSETS;
        for (path, _) in TEMPLATES {
            let job = Job {
                assets: a,
                main: file_id(path),
                data: Bytes::new(b"{}".to_vec()),
                qr: None,
            };
            assert!(job.source(file_id(path)).is_ok(), "{path}");
        }
        assert_eq!(a.fonts.len(), 2, "Vazirmatn regular and bold");
        assert!(a.book.select_family("vazirmatn").next().is_some());
    }

    #[test]
    fn qr_codes_are_svg() {
        let svg = qr_svg("GRD-12-7K3M9Q").unwrap();
        assert!(
            svg.starts_with("<?xml") && svg.contains("<svg"),
            "{svg:.80}"
        );
    }
}
