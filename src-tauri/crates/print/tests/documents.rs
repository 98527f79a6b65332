//! Every document printed from the demo data, read back with poppler (`pdftotext`,
//! `pdffonts`) and, for the QR codes, decoded from the rendered page.
//!
//! Set `GARDESH_PRINT_KEEP=DIR` to keep the PDFs in DIR for a look.

mod fixture;

use std::path::{Path, PathBuf};
use std::process::Command;

use fixture::{Fixture, LONG_NAME};
use gardesh_core::registration::code;
use gardesh_print::{preview_pngs, render, Error, Lang, Pdf, Request};

fn out_dir() -> (Option<tempfile::TempDir>, PathBuf) {
    match std::env::var_os("GARDESH_PRINT_KEEP") {
        Some(dir) => {
            std::fs::create_dir_all(&dir).expect("the keep folder");
            (None, PathBuf::from(dir))
        }
        None => {
            let tmp = tempfile::tempdir().expect("a temp dir");
            let path = tmp.path().to_path_buf();
            (Some(tmp), path)
        }
    }
}

fn print(f: &Fixture, request: &Request, lang: Lang) -> Pdf {
    render(&f.conn, request, lang, |_, _| true)
        .unwrap_or_else(|e| panic!("{request:?} {lang:?}: {e}"))
}

fn write(dir: &Path, name: &str, pdf: &Pdf) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, &pdf.bytes).expect("written");
    path
}

fn poppler(tool: &str, args: &[&str], path: &Path) -> String {
    let o = Command::new(tool)
        .args(args)
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(
        o.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Text as pdftotext gives it back from a right-to-left page, made comparable: without
/// bidi marks and zero-width non-joiners (pdftotext misplaces them), with LAM-ALEF read
/// the way it extracts the ligature («لا» comes out as «ال»), and spaces folded.
fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect::<String>()
        .replace("لا", "ال")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn text(path: &Path) -> String {
    normal(&poppler("pdftotext", &["-raw", "-enc", "UTF-8"], path))
}

fn page_text(path: &Path, page: usize) -> String {
    let p = page.to_string();
    normal(&poppler(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", "-f", &p, "-l", &p],
        path,
    ))
}

fn fonts(path: &Path) -> String {
    let o = Command::new("pdffonts")
        .arg(path)
        .output()
        .expect("pdffonts (poppler-utils)");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Whether the text holds the phrase. pdftotext returns the words of a right-to-left line
/// in visual order, so a phrase with Persian letters is looked for word by word; any
/// other phrase (numbers, phones, codes, English) must appear as written, in order.
fn holds(text: &str, phrase: &str) -> bool {
    let phrase = normal(phrase);
    if phrase
        .chars()
        .any(|c| ('\u{0600}'..='\u{06EF}').contains(&c))
    {
        let bare = |w: &str| -> String {
            w.trim_matches(|c: char| c.is_ascii_punctuation() || "،؛؟«»".contains(c))
                .to_string()
        };
        let words: std::collections::HashSet<String> = text.split(' ').map(bare).collect();
        phrase.split(' ').all(|w| words.contains(&bare(w)))
    } else {
        text.contains(&phrase)
    }
}

fn assert_has(text: &str, what: &[&str], doc: &str) {
    for w in what {
        assert!(holds(text, w), "{doc}: «{w}» missing from\n{text}");
    }
}

/// Every word lies inside the page's margins: nothing overflows a cell off the page.
fn assert_inside_margins(path: &Path, doc: &str) {
    let html = poppler("pdftotext", &["-bbox"], path);
    let mut width = 0.0f64;
    for line in html.lines() {
        let attr = |name: &str| -> Option<f64> {
            let start = line.find(&format!("{name}=\""))? + name.len() + 2;
            line[start..].split('"').next()?.parse().ok()
        };
        if line.trim_start().starts_with("<page") {
            width = attr("width").unwrap_or(0.0);
        }
        if line.trim_start().starts_with("<word") {
            let (x0, x1) = (attr("xMin").unwrap_or(0.0), attr("xMax").unwrap_or(0.0));
            // 1.5 cm margins = 42.5 pt; allow a point of rounding.
            assert!(
                x0 >= 41.0 && x1 <= width - 41.0,
                "{doc}: a word runs into the margin ({x0:.1}–{x1:.1} of {width:.1}): {line}"
            );
        }
    }
}

#[test]
fn itinerary_in_persian_has_dates_times_contacts_and_the_embedded_font() {
    let f = Fixture::new(1);
    let (_keep, dir) = out_dir();
    let pdf = print(&f, &Request::Itinerary { tour: f.tour_a }, Lang::Fa);
    assert_eq!(pdf.bytes[..5], *b"%PDF-");
    let path = write(&dir, "itinerary-fa.pdf", &pdf);
    let t = text(&path);
    assert_has(
        &t,
        &[
            "برنامه‌ی سفر",
            "سه‌شنبه ۲۹ دی ۱۴۰۵",
            "۱۹ ژانویه ۲۰۲۷",
            "۰۸:۰۰",
            "میدان امام حسین",
            "زهرا احمدی",
            "۰۹۱۳ ۱۱۱ ۰۰۰۱",
            "کلاه ایمنی",
        ],
        "itinerary",
    );
    assert!(fonts(&path).contains("Vazirmatn"), "{}", fonts(&path));
    assert_inside_margins(&path, "itinerary");
}

/// A line of a page: page number, its top, and its words with their left edges.
type PlacedLine = (i64, i64, Vec<(f64, String)>);

/// Each line's words in the order they stand on the page, left to right.
fn visual_lines(path: &Path) -> Vec<Vec<String>> {
    let html = poppler("pdftotext", &["-bbox"], path);
    let mut lines: Vec<PlacedLine> = Vec::new();
    let mut page = 0;
    for line in html.lines().map(str::trim_start) {
        if line.starts_with("<page") {
            page += 1;
        }
        if !line.starts_with("<word") {
            continue;
        }
        let attr = |name: &str| -> f64 {
            line.find(&format!("{name}=\""))
                .and_then(|i| line[i + name.len() + 2..].split('"').next()?.parse().ok())
                .unwrap_or(0.0)
        };
        let word = line
            .split('>')
            .nth(1)
            .and_then(|w| w.split('<').next())
            .unwrap_or_default();
        let y = attr("yMin").round() as i64;
        let x = attr("xMin");
        let words: Vec<String> = normal(word).split(' ').map(str::to_string).collect();
        match lines
            .iter_mut()
            .find(|(p, ly, _)| *p == page && (*ly - y).abs() <= 2)
        {
            Some((_, _, ws)) => ws.extend(
                words
                    .into_iter()
                    .enumerate()
                    .map(|(i, w)| (x + i as f64 * 0.01, w)),
            ),
            None => lines.push((
                page,
                y,
                words
                    .into_iter()
                    .enumerate()
                    .map(|(i, w)| (x + i as f64 * 0.01, w))
                    .collect(),
            )),
        }
    }
    lines
        .into_iter()
        .map(|(_, _, mut ws)| {
            ws.sort_by(|a, b| a.0.total_cmp(&b.0));
            ws.into_iter()
                .map(|(_, w)| w)
                .filter(|w| !w.is_empty())
                .collect()
        })
        .collect()
}

/// Whether some line shows `groups` side by side, left to right, as a phone is read.
fn reads_left_to_right(lines: &[Vec<String>], groups: &[&str]) -> bool {
    lines.iter().any(|l| {
        l.windows(groups.len())
            .any(|w| w.iter().zip(groups).all(|(a, b)| a == b))
    })
}

#[test]
fn phone_numbers_keep_their_order_in_right_to_left_lines() {
    let f = Fixture::new(1);
    let (_keep, dir) = out_dir();
    for (lang, guide, leader) in [
        (Lang::Fa, ["۰۹۱۳", "۱۱۱", "۰۰۰۱"], ["۰۹۱۳", "۱۱۱", "۲۲۳۳"]),
        (Lang::En, ["0913", "111", "0001"], ["0913", "111", "2233"]),
    ] {
        let itinerary = write(
            &dir,
            "phones-itinerary.pdf",
            &print(&f, &Request::Itinerary { tour: f.tour_a }, lang),
        );
        let lines = visual_lines(&itinerary);
        assert!(
            reads_left_to_right(&lines, &guide),
            "{lang:?} guide's phone: {lines:?}"
        );
        let manifest = write(
            &dir,
            "phones-manifest.pdf",
            &print(&f, &Request::Manifest { tour: f.tour_a }, lang),
        );
        let lines = visual_lines(&manifest);
        assert!(
            reads_left_to_right(&lines, &leader),
            "{lang:?} leader's phone: {lines:?}"
        );
    }
}

#[test]
fn every_document_has_an_english_version() {
    let f = Fixture::new(1);
    let (_keep, dir) = out_dir();
    let cases: Vec<(Request, &str, Vec<&str>)> = vec![
        (
            Request::Itinerary { tour: f.tour_a },
            "itinerary-en.pdf",
            vec![
                "Itinerary",
                "Tuesday 29 Dey 1405",
                "19 January 2027",
                "08:00",
                "4th ring road",
                "0913 111 0001",
            ],
        ),
        (
            Request::Manifest { tour: f.tour_a },
            "manifest-en.pdf",
            vec![
                "Passenger manifest",
                "National ID",
                "step-free",
                "under 18",
                "0913 111 2233",
            ],
        ),
        (
            Request::Confirmation {
                registration: f.confirmed_a[0],
            },
            "confirmation-en.pdf",
            vec![
                "Registration confirmed",
                "Tuesday 29 Dey 1405",
                "helmet",
                "Show this code",
            ],
        ),
        (
            Request::Safety { tour: f.tour_a },
            "safety-en.pdf",
            vec![
                "Safety briefing",
                "Most visitors at once",
                "4th ring road bridge",
            ],
        ),
    ];
    for (request, name, want) in cases {
        let pdf = print(&f, &request, Lang::En);
        let path = write(&dir, name, &pdf);
        assert_has(&text(&path), &want, name);
        assert_inside_margins(&path, name);
    }
}

#[test]
fn a_manifest_of_120_passengers_runs_over_pages_with_the_header_on_each() {
    let f = Fixture::new(12);
    let (_keep, dir) = out_dir();
    let pdf = print(&f, &Request::Manifest { tour: f.tour_b }, Lang::Fa);
    let path = write(&dir, "manifest-120-fa.pdf", &pdf);
    assert!(pdf.pages >= 3, "120 passengers on {} pages", pdf.pages);
    for page in 1..=pdf.pages {
        assert_has(
            &page_text(&path, page),
            &["کد ملی", "سال تولد"],
            &format!("manifest page {page}"),
        );
    }
    let t = text(&path);
    assert_has(&t, &["شهروند", "۱۲۰", "۰۹۱۳ ۱۲۳ ۰۰۰۰"], "manifest");
    assert_inside_margins(&path, "manifest");
}

#[test]
fn the_manifest_lists_confirmed_groups_only_with_needs_flagged() {
    let f = Fixture::new(1);
    let (_keep, dir) = out_dir();
    let pdf = print(&f, &Request::Manifest { tour: f.tour_a }, Lang::Fa);
    let path = write(&dir, "manifest-fa.pdf", &pdf);
    let t = text(&path);
    assert_has(
        &t,
        &[
            "علی کاظمی",
            "حسین کاظمی",
            "دانش‌آموز",
            "زیر ۱۸",
            "مسیر بدون پله",
            "۰۹۱۳ ۱۱۱ ۲۲۳۳",
        ],
        "manifest",
    );
    assert!(
        !holds(&t, "جلفا"),
        "the waitlisted group is not a passenger"
    );
    let first = code::code(&f.conn, f.confirmed_a[0]).unwrap();
    assert!(
        t.contains(&first),
        "each group's registration code: {first}"
    );
}

/// Decode every QR code on the page images.
fn qr_codes(pngs: &[Vec<u8>]) -> Vec<String> {
    let mut found = Vec::new();
    for png in pngs {
        let img = image::load_from_memory(png).expect("a PNG").to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
            img.width() as usize,
            img.height() as usize,
            |x, y| img.get_pixel(x as u32, y as u32)[0],
        );
        for grid in prepared.detect_grids() {
            if let Ok((_, content)) = grid.decode() {
                found.push(content);
            }
        }
    }
    found
}

#[test]
fn confirmations_carry_a_qr_code_that_check_in_accepts() {
    let f = Fixture::new(1);
    let (_keep, dir) = out_dir();
    let request = Request::Confirmations { tour: f.tour_a };
    let pdf = print(&f, &request, Lang::Fa);
    let path = write(&dir, "confirmations-fa.pdf", &pdf);
    assert!(pdf.pages >= 2, "one per confirmed group");
    let t = text(&path);
    for id in &f.confirmed_a {
        let c = code::code(&f.conn, *id).unwrap();
        assert!(t.contains(&c), "the code as text: {c}");
    }
    assert_has(
        &t,
        &["خانواده‌ی کاظمی", "مدرسه‌ی سعدی", "کفش بسته"],
        "confirmations",
    );
    assert_inside_margins(&path, "confirmations");

    let (pngs, pages) =
        preview_pngs(&f.conn, &request, Lang::Fa, 2.0, usize::MAX).expect("a preview");
    assert_eq!((pngs.len(), pages), (pdf.pages, pdf.pages));
    let (first, all) = preview_pngs(&f.conn, &request, Lang::Fa, 1.0, 1).expect("a preview");
    assert_eq!(
        (first.len(), all),
        (1, pdf.pages),
        "a preview of the first page, counting all"
    );
    assert!(pngs.iter().all(|p| p.starts_with(b"\x89PNG")));
    let codes = qr_codes(&pngs);
    let mut ids: Vec<_> = codes
        .iter()
        .map(|c| code::verify(&f.conn, c).unwrap_or_else(|e| panic!("{c}: {e}")))
        .collect();
    ids.sort();
    assert_eq!(
        ids, f.confirmed_a,
        "each page's QR code names its registration"
    );
}

#[test]
fn only_a_confirmed_registration_has_a_confirmation() {
    let f = Fixture::new(1);
    let e = render(
        &f.conn,
        &Request::Confirmation {
            registration: f.waitlisted_a,
        },
        Lang::Fa,
        |_, _| true,
    )
    .expect_err("waitlisted");
    assert_eq!(e.code(), "nothing_to_print");
    assert!(e.message_fa().contains("تأیید نشده"), "{}", e.message_fa());
    assert!(e.to_string().contains("not confirmed"), "{e}");
}

#[test]
fn a_safety_briefing_for_each_site_of_the_tour() {
    let f = Fixture::new(1);
    let (_keep, dir) = out_dir();
    let pdf = print(&f, &Request::Safety { tour: f.tour_a }, Lang::Fa);
    let path = write(&dir, "safety-fa.pdf", &pdf);
    assert_eq!(
        pdf.pages, 3,
        "the ring road tour visits three sites, one page each"
    );
    let t = text(&path);
    assert_has(
        &t,
        &[
            "توجیه ایمنی",
            "ماشین‌آلات سنگین",
            "نزدیک لبه نروید",
            "توقف ۳ از ۳",
        ],
        "safety",
    );
    assert_inside_margins(&path, "safety");
}

#[test]
fn a_sixty_character_site_name_wraps_inside_its_cell() {
    let f = Fixture::new(1);
    let (_keep, dir) = out_dir();
    for (request, name) in [
        (
            Request::Itinerary { tour: f.tour_b },
            "itinerary-long-name.pdf",
        ),
        (Request::Safety { tour: f.tour_b }, "safety-long-name.pdf"),
    ] {
        let pdf = print(&f, &request, Lang::Fa);
        let path = write(&dir, name, &pdf);
        let t = text(&path);
        assert!(holds(&t, LONG_NAME), "{name}: the long name in\n{t}");
        assert_inside_margins(&path, name);
    }
}

#[test]
fn a_week_of_itineraries_reports_progress_and_can_be_cancelled() {
    let f = Fixture::new(1);
    let (_keep, dir) = out_dir();
    let from = fixture::WEEK;
    let request = Request::WeekItineraries { from };
    let tours =
        gardesh_core::tour::between(&f.conn, from, from + chrono::Duration::days(6)).unwrap();
    let mut seen = Vec::new();
    let pdf = render(&f.conn, &request, Lang::Fa, |done, total| {
        seen.push((done, total));
        true
    })
    .expect("a week");
    let total = tours.len();
    assert!(total >= 10, "two tours a day on working days: {total}");
    assert_eq!(seen.first(), Some(&(0, total)));
    assert_eq!(seen.last(), Some(&(total, total)));
    assert!(seen.windows(2).all(|w| w[1].0 == w[0].0 + 1), "{seen:?}");
    assert!(pdf.pages >= total, "{} pages for {total} tours", pdf.pages);
    let path = write(&dir, "week-fa.pdf", &pdf);
    let t = text(&path);
    assert_has(&t, &["۲۷ دی ۱۴۰۵", "۱ بهمن ۱۴۰۵"], "week");

    let mut calls = 0;
    let e = render(&f.conn, &request, Lang::Fa, |done, _| {
        calls += 1;
        done < 2
    })
    .expect_err("cancelled");
    assert!(matches!(e, Error::Cancelled), "{e}");
    assert_eq!(calls, 3, "stops right after the second itinerary");
    assert_eq!(e.code(), "cancelled");
}

#[test]
fn nothing_to_print_and_unknown_tours_are_refused_in_both_languages() {
    let f = Fixture::new(1);
    let empty = gardesh_core::tour::between(
        &f.conn,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap(),
    )
    .unwrap()[0]
        .id;
    for request in [
        Request::Manifest { tour: empty },
        Request::Confirmations { tour: empty },
        Request::WeekItineraries {
            from: chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
        },
    ] {
        let e = render(&f.conn, &request, Lang::Fa, |_, _| true).expect_err("nothing");
        assert_eq!(e.code(), "nothing_to_print", "{request:?}");
        assert!(
            e.message_fa().starts_with("چیزی برای چاپ نیست"),
            "{}",
            e.message_fa()
        );
    }
    let e = render(
        &f.conn,
        &Request::Itinerary {
            tour: gardesh_core::ids::TourId(99_999),
        },
        Lang::Fa,
        |_, _| true,
    )
    .expect_err("no such tour");
    assert_eq!(e.code(), "not_found");
}

#[test]
fn user_text_is_never_markup() {
    // A meeting point full of typst syntax prints as typed.
    let mut f = Fixture::new(1);
    let tricky = "#panic(\"x\") *bold* $x^2$ [link] <label> @ref \\ // not a comment";
    let t = gardesh_core::tour::get(&f.conn, f.tour_a).unwrap();
    gardesh_core::tour::update(
        &mut f.conn,
        &fixture::stamp(),
        f.tour_a,
        t.departure,
        t.seats,
        tricky,
        "",
    )
    .unwrap();
    let (_keep, dir) = out_dir();
    let pdf = print(&f, &Request::Itinerary { tour: f.tour_a }, Lang::En);
    let path = write(&dir, "itinerary-tricky.pdf", &pdf);
    let got = text(&path);
    assert!(
        got.contains("#panic(\"x\") *bold* $x^2$ [link] <label> @ref"),
        "{got}"
    );
}
