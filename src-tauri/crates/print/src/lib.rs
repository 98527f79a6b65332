//! gardesh-print: the printed documents, typeset in Persian (or English) with typst.
//!
//! Four documents, A4 PDF:
//! - **itinerary** of a tour: dates in both calendars, departure and meeting point, each
//!   stop with its times, what to see, safety notes and PPE, guide and site contacts, a
//!   route sketch drawn from the sites' locations, and a QR code for the tour;
//! - **manifest**: every passenger of the groups holding seats, by group, with a tick box,
//!   the leader's phone, needs (step-free access, under 18 on the tour date) and totals;
//! - **confirmation** for a group's leader: the tour, rules, what to bring, the members and
//!   a QR code carrying the registration code (`GRD-<id>-<check>`) that check-in reads;
//! - **safety briefing** for each site of a tour, from its visit rules.
//!
//! Batches (every confirmation of a tour, every itinerary of a week) come out as one PDF.
//!
//! ```no_run
//! # fn demo(conn: &gardesh_core::store::Connection) -> gardesh_print::Result<()> {
//! use gardesh_core::ids::TourId;
//! use gardesh_print::{render, Lang, Request};
//! let pdf = render(conn, &Request::Itinerary { tour: TourId(1) }, Lang::Fa, |_, _| true)?;
//! std::fs::write("itinerary.pdf", &pdf.bytes).ok();
//! # Ok(()) }
//! ```
//!
//! The API: [`render`] (PDF, with a progress callback that may cancel), [`preview_pngs`]
//! (the pages as PNG for the in-app preview), [`Request`], [`Lang`], [`Pdf`], [`Error`];
//! [`data`] holds what each document shows, built from the database.
//!
//! How it works: [`data`] reads the database through gardesh-core and writes every value
//! for the page (digits, dates, phones wrapped in bidi isolates); the result is handed to
//! a typst template (`templates/*.typ`) as the virtual file `data.json`, so nothing a
//! person typed is ever read as markup. The fonts (Vazirmatn, OFL) are embedded. Each
//! document of a batch is typeset on its own, then the pages are joined, so every part
//! keeps its own page numbers and the progress callback can stop between parts.

#[cfg(test)]
extern crate self as gardesh_print;

pub mod data;
mod engine;
pub mod error;
mod text;

use chrono::NaiveDate;
use gardesh_core::ids::{RegistrationId, TourId};
use gardesh_core::settings::Language;
use gardesh_core::store::Connection;
use typst_layout::PagedDocument;

use engine::Template;
pub use error::{Error, Result};

/// The language a document is printed in: labels, digits, direction and site names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fa,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Language::parse(s).map(Lang::from)
    }
}

impl From<Language> for Lang {
    /// Documents follow the app's language.
    fn from(l: Language) -> Self {
        match l {
            Language::Fa => Lang::Fa,
            Language::En => Lang::En,
        }
    }
}

/// What to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The itinerary of one tour.
    Itinerary { tour: TourId },
    /// The passenger manifest of one tour.
    Manifest { tour: TourId },
    /// The confirmation of every confirmed group of a tour, one after the other.
    Confirmations { tour: TourId },
    /// The confirmation of one registration (it must be confirmed).
    Confirmation { registration: RegistrationId },
    /// A safety briefing for each site of a tour.
    Safety { tour: TourId },
    /// The itineraries of every tour (not cancelled) in the 7 days from `from`.
    WeekItineraries { from: NaiveDate },
}

/// The documents Gardesh prints, by the names the CLI uses (`print KIND`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Itinerary,
    Manifest,
    Confirmations,
    Safety,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Itinerary,
        DocumentKind::Manifest,
        DocumentKind::Confirmations,
        DocumentKind::Safety,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Itinerary => "itinerary",
            DocumentKind::Manifest => "manifest",
            DocumentKind::Confirmations => "confirmations",
            DocumentKind::Safety => "safety",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The request for this kind of document of one tour.
    pub fn of_tour(self, tour: TourId) -> Request {
        match self {
            DocumentKind::Itinerary => Request::Itinerary { tour },
            DocumentKind::Manifest => Request::Manifest { tour },
            DocumentKind::Confirmations => Request::Confirmations { tour },
            DocumentKind::Safety => Request::Safety { tour },
        }
    }
}

/// A finished PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// One document of a request; a batch has several.
enum Part {
    Itinerary(TourId),
    Manifest(TourId),
    Confirmation(RegistrationId),
    Safety(Box<data::Safety>),
}

fn parts(conn: &Connection, request: &Request, lang: Lang) -> Result<Vec<Part>> {
    Ok(match request {
        Request::Itinerary { tour } => {
            gardesh_core::tour::get(conn, *tour)?;
            vec![Part::Itinerary(*tour)]
        }
        Request::Manifest { tour } => vec![Part::Manifest(*tour)],
        Request::Confirmations { tour } => data::confirmed(conn, *tour)?
            .into_iter()
            .map(Part::Confirmation)
            .collect(),
        Request::Confirmation { registration } => vec![Part::Confirmation(*registration)],
        Request::Safety { tour } => data::safety(conn, *tour, lang)?
            .into_iter()
            .map(|s| Part::Safety(Box::new(s)))
            .collect(),
        Request::WeekItineraries { from } => {
            let tours = data::week(conn, *from)?;
            if tours.is_empty() {
                let to = *from + chrono::Duration::days(6);
                return Err(Error::nothing(
                    format!(
                        "از {} تا {} توری نیست",
                        text::solar_long(Lang::Fa, *from)?,
                        text::solar_long(Lang::Fa, to)?
                    ),
                    format!("there is no tour from {from} to {to}"),
                ));
            }
            tours.into_iter().map(Part::Itinerary).collect()
        }
    })
}

fn typeset_part(
    conn: &Connection,
    part: &Part,
    lang: Lang,
) -> Result<(PagedDocument, Vec<String>)> {
    match part {
        Part::Itinerary(tour) => {
            let d = data::itinerary(conn, *tour, lang)?;
            engine::typeset(Template::Itinerary, &d, Some(&d.qr_text))
        }
        Part::Manifest(tour) => engine::typeset(
            Template::Manifest,
            &data::manifest(conn, *tour, lang)?,
            None,
        ),
        Part::Confirmation(id) => {
            let d = data::confirmation(conn, *id, lang)?;
            engine::typeset(Template::Confirmation, &d, Some(&d.code))
        }
        Part::Safety(d) => engine::typeset(Template::Safety, d.as_ref(), None),
    }
}

fn title(request: &Request, lang: Lang) -> String {
    let (fa, en) = match request {
        Request::Itinerary { tour } => (
            format!("برنامه‌ی سفر تور {tour}"),
            format!("Itinerary, tour {tour}"),
        ),
        Request::Manifest { tour } => (
            format!("فهرست مسافران تور {tour}"),
            format!("Manifest, tour {tour}"),
        ),
        Request::Confirmations { tour } => (
            format!("تأییدهای ثبت‌نام تور {tour}"),
            format!("Confirmations, tour {tour}"),
        ),
        Request::Confirmation { registration } => (
            format!("تأیید ثبت‌نام {registration}"),
            format!("Confirmation, registration {registration}"),
        ),
        Request::Safety { tour } => (
            format!("توجیه ایمنی تور {tour}"),
            format!("Safety briefing, tour {tour}"),
        ),
        Request::WeekItineraries { from } => (
            format!(
                "برنامه‌های سفر هفته‌ی {}",
                text::solar_long(Lang::Fa, *from).unwrap_or_default()
            ),
            format!("Itineraries of the week from {from}"),
        ),
    };
    match lang {
        Lang::Fa => text::digits(lang, &fa),
        Lang::En => en,
    }
}

/// Typeset every part of a request, calling `progress(done, total)` before the first and
/// after each; `false` stops with [`Error::Cancelled`]. Returns the document, whether it
/// is a single typst document (not a join of several) and typst's warnings.
fn typeset(
    conn: &Connection,
    request: &Request,
    lang: Lang,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Result<(PagedDocument, bool, Vec<String>)> {
    let parts = parts(conn, request, lang)?;
    let total = parts.len();
    if !progress(0, total) {
        return Err(Error::Cancelled);
    }
    let mut docs = Vec::with_capacity(total);
    let mut warnings = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let typeset = typeset_part(conn, part, lang);
        // After every part, so a batch of hundreds keeps only what the next part reuses.
        engine::trim_cache();
        let (doc, w) = typeset?;
        docs.push(doc);
        warnings.extend(w);
        if !progress(i + 1, total) {
            return Err(Error::Cancelled);
        }
    }
    let single = docs.len() == 1;
    let mut doc = if single {
        docs.pop()
    } else {
        engine::merge(docs)
    }
    .ok_or_else(|| Error::nothing("سندی ساخته نشد", "no document was made"))?;
    doc.info_mut().title = Some(title(request, lang).into());
    Ok((doc, single, warnings))
}

/// Print a request as one A4 PDF in `lang`. `progress(done, total)` is called before the
/// first document and after each (a batch has one per tour or group); returning `false`
/// cancels with [`Error::Cancelled`].
pub fn render(
    conn: &Connection,
    request: &Request,
    lang: Lang,
    progress: impl FnMut(usize, usize) -> bool,
) -> Result<Pdf> {
    let (doc, single, _) = typeset(conn, request, lang, progress)?;
    Ok(Pdf {
        bytes: engine::pdf(&doc, single)?,
        pages: doc.pages().len(),
    })
}

/// The first `max_pages` pages of a request as PNG images for an on-screen preview, and
/// the number of pages of the whole document; `scale` pixels per point (1.0 ≈ 72 dpi,
/// 2.0 ≈ 144 dpi; clamped to 0.1–8).
pub fn preview_pngs(
    conn: &Connection,
    request: &Request,
    lang: Lang,
    scale: f64,
    max_pages: usize,
) -> Result<(Vec<Vec<u8>>, usize)> {
    let (doc, _, _) = typeset(conn, request, lang, |_, _| true)?;
    Ok((engine::pngs(&doc, scale, max_pages)?, doc.pages().len()))
}

#[cfg(test)]
#[path = "../tests/fixture/mod.rs"]
mod fixture;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_by_their_cli_names() {
        for k in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(DocumentKind::parse("poster"), None);
    }

    #[test]
    fn every_document_typesets_without_a_warning() {
        // A warning is usually a missing glyph (Vazirmatn lacks a symbol) or a font
        // fallback: both would print boxes or the wrong letters.
        let f = fixture::Fixture::new(6);
        for lang in [Lang::Fa, Lang::En] {
            for request in f.requests() {
                let (doc, _, warnings) = typeset(&f.conn, &request, lang, |_, _| true)
                    .unwrap_or_else(|e| panic!("{request:?}: {e}"));
                assert!(!doc.pages().is_empty());
                assert!(warnings.is_empty(), "{request:?} {lang:?}: {warnings:?}");
            }
        }
    }
}
