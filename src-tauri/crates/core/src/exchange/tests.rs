//! Import, export and calendar tests; every file is made here (no binary fixtures).

use std::io::Write;

use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};

use super::encoding::encode_windows_1256;
use super::export::{self, Format};
use super::import::RowStatus;
use super::*;
use crate::audit::Stamp;
use crate::clock::{Clock, FixedClock};
use crate::group::Kind;
use crate::store::{self, Connection};

fn stamp() -> Stamp {
    Stamp::new(
        "tester",
        FixedClock::at_iran(2026, 11, 28, 10, 0).unwrap().now(),
    )
}

fn opts(name: &str) -> Options {
    Options::new(name)
}

fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

fn members(c: &Connection) -> i64 {
    c.query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .unwrap()
}

fn groups(c: &Connection) -> i64 {
    c.query_row("SELECT count(*) FROM groups", [], |r| r.get(0))
        .unwrap()
}

fn utf16le_bom(s: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        out.extend(u.to_le_bytes());
    }
    out
}

fn utf16be_bom(s: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        out.extend(u.to_be_bytes());
    }
    out
}

fn utf8_bom(s: &str) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend(s.as_bytes());
    out
}

/// Valid national IDs made from nine digits and their check digit.
fn national_id(n: u32) -> String {
    let first = format!("{:09}", 100_000_000 + (n * 7919 + 12_345) % 800_000_000);
    let d: Vec<u32> = first.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let r = d
        .iter()
        .enumerate()
        .map(|(i, x)| x * (10 - i as u32))
        .sum::<u32>()
        % 11;
    let check = if r < 2 { r } else { 11 - r };
    format!("{first}{check}")
}

const PERSIAN_CSV: &str = "\
نام و نام خانوادگی,کد ملی,تلفن همراه,سال تولد,نام گروه,سرگروه
علی کاظمی,۰۴۹۹۳۷۰۸۹۹,۰۹۱۳ ۱۲۳ ۴۵۶۷,۱۳۶۵,محله جلفا,بله
مریم کاظمی,84575948,,۱۳۶۸/۰۲/۱۵,,
سارا احمدی,0790419904,+98 912 000 1122,1990-05-04,مدرسه سعدی,
";

#[test]
fn a_windows_1256_csv_with_arabic_letter_forms_is_detected_and_read() {
    // What Persian Excel writes: Windows-1256 (which has no Persian digits, so Latin ones),
    // Arabic ي and ك (it has no Persian ی), a title row above the headers, ';' separators.
    let text = "فهرست اعضاي گروه‌ها;;;;\r\n\
        نام و نام خانوادگي;كد ملي;شماره همراه;تاريخ تولد;نام گروه\r\n\
        علي كاظمي;0499370899;09131234567;1365/04/12;هيئت كريمه\r\n\
        زهرا كريمي;0790419904;9121112233;1370;\r\n";
    let bytes = encode_windows_1256(text);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let c = store::open_in_memory().unwrap();
    let p = preview(&c, &bytes, &opts("list.csv"), &mut quiet()).unwrap();
    assert_eq!(
        p.kind,
        FileKind::Csv {
            encoding: TextEncoding::Windows1256,
            detected: true,
            bom: false,
            delimiter: ';'
        }
    );
    assert_eq!(p.header_row, 2, "the title row is skipped");
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.new_rows(), 2, "{:?}", p.rows);
    assert_eq!(
        p.rows[0].full_name, "علی کاظمی",
        "stored with Persian letter forms"
    );
    assert_eq!(p.rows[0].group, "هیئت کریمه");
    assert_eq!(
        p.rows[1].group, "هیئت کریمه",
        "a blank group cell continues the group above"
    );
    assert_eq!(p.rows[1].mobile, "09121112233");
    assert_eq!(p.rows[0].birth_year, Some(1365));
    assert_eq!(p.groups.len(), 1);
    assert_eq!(
        p.groups[0].kind,
        Kind::Other,
        "no kind column: the kind chosen for the import"
    );
}

#[test]
fn utf8_with_bom_and_utf16_files_with_persian_digits_read_alike() {
    let c = store::open_in_memory().unwrap();
    let files = [
        (
            "plain utf-8",
            PERSIAN_CSV.as_bytes().to_vec(),
            TextEncoding::Utf8,
            false,
        ),
        ("utf-8 bom", utf8_bom(PERSIAN_CSV), TextEncoding::Utf8, true),
        (
            "utf-16le bom",
            utf16le_bom(PERSIAN_CSV),
            TextEncoding::Utf16Le,
            true,
        ),
        (
            "utf-16be bom",
            utf16be_bom(PERSIAN_CSV),
            TextEncoding::Utf16Be,
            true,
        ),
    ];
    for (what, bytes, enc, bom) in files {
        let p = preview(&c, &bytes, &opts("members.csv"), &mut quiet()).unwrap();
        match &p.kind {
            FileKind::Csv {
                encoding, bom: b, ..
            } => {
                assert_eq!((*encoding, *b), (enc, bom), "{what}");
            }
            k => panic!("{what}: {k:?}"),
        }
        assert_eq!(
            p.headers[0], "نام و نام خانوادگی",
            "{what}: no BOM left in the first header"
        );
        let rows: Vec<(String, String, String, Option<i32>, bool, RowStatus)> = p
            .rows
            .iter()
            .map(|r| {
                (
                    r.full_name.clone(),
                    r.national_id.clone(),
                    r.mobile.clone(),
                    r.birth_year,
                    r.leader,
                    r.status,
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                (
                    "علی کاظمی".into(),
                    "0499370899".into(),
                    "09131234567".into(),
                    Some(1365),
                    true,
                    RowStatus::New
                ),
                (
                    "مریم کاظمی".into(),
                    "0084575948".into(),
                    "".into(),
                    Some(1368),
                    false,
                    RowStatus::New
                ),
                (
                    "سارا احمدی".into(),
                    "0790419904".into(),
                    "09120001122".into(),
                    Some(1369),
                    true,
                    RowStatus::New
                ),
            ],
            "{what}"
        );
    }
    // An encoding can be chosen too.
    let mut o = opts("members.csv");
    o.encoding = Some(TextEncoding::Windows1256);
    let p = preview(
        &c,
        &encode_windows_1256("نام,کد ملی\nعلي,0499370899\n"),
        &o,
        &mut quiet(),
    )
    .unwrap();
    assert_eq!(p.rows[0].full_name, "علی");
    assert!(matches!(
        p.kind,
        FileKind::Csv {
            detected: false,
            ..
        }
    ));
}

fn xlsx_file(title_row: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = XFormat::new().set_num_format("yyyy-mm-dd");
    let mut r = 0;
    if title_row {
        ws.write_string(0, 0, "فهرست ثبت‌نام مدرسه").unwrap();
        r = 2;
    }
    for (c, h) in [
        "ردیف",
        "نام",
        "نام خانوادگی",
        "کد ملی",
        "موبایل",
        "تاریخ تولد",
        "نوع گروه",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(r, c as u16, *h).unwrap();
    }
    // A national ID typed as a number loses its leading zero; a mobile too.
    ws.write_number(r + 1, 0, 1).unwrap();
    ws.write_string(r + 1, 1, "علی").unwrap();
    ws.write_string(r + 1, 2, "کاظمی").unwrap();
    ws.write_number(r + 1, 3, 499370899.0).unwrap();
    ws.write_number(r + 1, 4, 9131234567.0).unwrap();
    ws.write_datetime_with_format(
        r + 1,
        5,
        ExcelDateTime::from_ymd(1986, 7, 3).unwrap(),
        &date,
    )
    .unwrap();
    ws.write_string(r + 1, 6, "مدرسه").unwrap();
    ws.write_number(r + 2, 0, 2).unwrap();
    ws.write_string(r + 2, 1, "مریم").unwrap();
    ws.write_string(r + 2, 2, "رضایی").unwrap();
    ws.write_string(r + 2, 3, "۰۷۹۰۴۱۹۹۰۴").unwrap();
    ws.write_string(r + 2, 5, "۱۳۷۰/۰۱/۰۱").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_is_read_with_numbers_dates_and_a_title_row() {
    let mut c = store::open_in_memory().unwrap();
    let bytes = xlsx_file(true);
    let p = preview(
        &c,
        &bytes,
        &opts("C:\\Users\\x\\مدرسه_سعدی.xlsx"),
        &mut quiet(),
    )
    .unwrap();
    assert!(
        matches!(&p.kind, FileKind::Xlsx { sheet } if sheet == "Sheet1"),
        "{:?}",
        p.kind
    );
    assert_eq!(p.header_row, 3);
    assert_eq!(p.rows.len(), 2, "{:?}", p.rows);
    let r = &p.rows[0];
    assert_eq!(r.full_name, "علی کاظمی", "first and last names joined");
    assert_eq!(
        r.national_id, "0499370899",
        "the lost leading zero is restored"
    );
    assert_eq!(r.mobile, "09131234567");
    assert_eq!(r.birth_year, Some(1365), "a date cell, Gregorian");
    assert_eq!(p.rows[1].birth_year, Some(1370));
    assert_eq!(
        r.group, "مدرسه سعدی",
        "no group column: one group named after the file"
    );
    assert_eq!(p.groups.len(), 1);
    assert_eq!(p.groups[0].kind, Kind::School);
    let a = apply(
        &mut c,
        &stamp(),
        &bytes,
        &opts("مدرسه_سعدی.xlsx"),
        &mut quiet(),
    )
    .unwrap();
    assert_eq!((a.members, a.groups.len()), (2, 1));
    let g = crate::group::get(&c, a.groups[0]).unwrap();
    assert_eq!(g.channel, crate::group::Channel::AppList);
    assert!(
        g.members[0].is_leader,
        "the first member with a mobile leads"
    );
}

/// A file with one row of each problem, and a database holding one member already.
#[test]
fn every_kind_of_problem_is_shown_per_row_before_anything_is_written() {
    let mut c = store::open_in_memory().unwrap();
    let existing = "نام و نام خانوادگی,کد ملی,تلفن همراه,نام گروه\nرضا رضایی,0790419904,09131112233,گروه قدیمی\n";
    apply(
        &mut c,
        &stamp(),
        existing.as_bytes(),
        &opts("old.csv"),
        &mut quiet(),
    )
    .unwrap();
    assert_eq!(members(&c), 1);
    let file = "\
نام و نام خانوادگی,کد ملی,تلفن همراه,سال تولد,نام گروه,سرگروه
علی کاظمی,0499370899,09131234567,1365,گروه تازه,بله
حسن بدکد,0684159415,09131234568,,گروه تازه,
مینا بدشماره,,08131234567,,گروه تازه,
,84575948,,,گروه تازه,
تکراری در پرونده,0499370899,,,گروه تازه,
تکراری در پایگاه,0790419904,,,گروه تازه,
تولد نادرست,,,1404/12/30,گروه تازه,
عضو تازه‌ی گروه قدیمی,,09135556677,,گروه قدیمی,
بی‌شماره,,,,گروه بی‌تلفن,
بی‌شماره دو,,,,گروه بی‌تلفن,
";
    let before = (groups(&c), members(&c));
    let p = preview(&c, file.as_bytes(), &opts("new.csv"), &mut quiet()).unwrap();
    assert_eq!(
        (groups(&c), members(&c)),
        before,
        "a preview writes nothing"
    );
    let kinds: Vec<(usize, RowStatus, Vec<&str>)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.row,
                r.status,
                r.problems.iter().map(|x| x.kind.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            (2, RowStatus::New, vec![]),
            (3, RowStatus::Rejected, vec!["invalid_national_id"]),
            (4, RowStatus::Rejected, vec!["invalid_mobile"]),
            (5, RowStatus::Rejected, vec!["missing_name"]),
            (6, RowStatus::Rejected, vec!["duplicate_in_file"]),
            (7, RowStatus::Rejected, vec!["duplicate_existing"]),
            (8, RowStatus::Rejected, vec!["invalid_birth"]),
            (9, RowStatus::Rejected, vec!["group_exists"]),
            (10, RowStatus::Rejected, vec!["group_invalid"]),
            (11, RowStatus::Rejected, vec!["group_invalid"]),
        ]
    );
    let dup = &p.rows[4].problems[0];
    assert!(
        dup.why.en.contains("row 2"),
        "names the first row: {}",
        dup.why.en
    );
    assert!(dup.why.fa.contains("ردیف ۲"), "{}", dup.why.fa);
    let existing = &p.rows[5].problems[0];
    assert!(
        existing.why.en.contains("گروه قدیمی"),
        "names the other group: {}",
        existing.why.en
    );
    assert!(p.rows.iter().all(|r| r
        .problems
        .iter()
        .all(|x| !x.why.fa.is_empty() && !x.why.en.is_empty())));
    assert_eq!(
        p.summary().en,
        "10 rows: 1 new members in 1 new groups, 0 already in the database, 9 rejected"
    );

    let a = apply(
        &mut c,
        &stamp(),
        file.as_bytes(),
        &opts("new.csv"),
        &mut quiet(),
    )
    .unwrap();
    assert_eq!(a.members, 1);
    assert_eq!(members(&c), 2);
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time_and_says_so() {
    let mut c = store::open_in_memory().unwrap();
    let bytes = utf8_bom(PERSIAN_CSV);
    let mut seen = Vec::new();
    let first = apply(&mut c, &stamp(), &bytes, &opts("m.csv"), &mut |p| {
        seen.push(p)
    })
    .unwrap();
    assert_eq!((first.members, first.groups.len()), (3, 2));
    assert_eq!(
        seen.last(),
        Some(&Progress {
            stage: Stage::Writing,
            done: 3,
            total: 3
        })
    );
    assert!(
        seen.windows(2)
            .all(|w| w[0].stage != w[1].stage || w[0].done <= w[1].done),
        "progress only grows"
    );
    let state = (groups(&c), members(&c));
    let second = apply(&mut c, &stamp(), &bytes, &opts("m.csv"), &mut quiet()).unwrap();
    assert_eq!(second.members, 0);
    assert!(second.groups.is_empty());
    assert_eq!((groups(&c), members(&c)), state, "nothing added");
    assert_eq!(second.preview.existing_rows(), 3);
    assert!(second.preview.nothing_new());
    assert!(second.preview.previous.is_some(), "the file is recognised");
    let s = second.preview.summary();
    assert!(s.en.contains("nothing new"), "{}", s.en);
    assert!(s.en.contains("this same file was imported"), "{}", s.en);
    assert!(s.fa.contains("چیز تازه‌ای"), "{}", s.fa);
    // The same people in a re-saved file (another encoding, other bytes) are still known.
    let third = apply(
        &mut c,
        &stamp(),
        &utf16le_bom(PERSIAN_CSV),
        &opts("m2.csv"),
        &mut quiet(),
    )
    .unwrap();
    assert_eq!(third.members, 0);
    assert_eq!(third.preview.existing_rows(), 3);
    assert!(third.preview.previous.is_none());
}

#[test]
fn a_failure_while_writing_leaves_nothing_of_the_import() {
    let mut c = store::open_in_memory().unwrap();
    let mut file = String::from("نام و نام خانوادگی,کد ملی,تلفن همراه,نام گروه\n");
    for i in 0..300 {
        file.push_str(&format!(
            "عضو {i},{},0913{:07},گروه {}\n",
            national_id(i),
            i,
            i / 10
        ));
    }
    c.execute_batch(
        "CREATE TEMP TRIGGER boom AFTER INSERT ON members WHEN NEW.full_name = 'عضو 250'
         BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
    )
    .unwrap();
    let e = apply(
        &mut c,
        &stamp(),
        file.as_bytes(),
        &opts("big.csv"),
        &mut quiet(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("disk on fire"), "{e}");
    assert_eq!((groups(&c), members(&c)), (0, 0), "all or nothing");
    let audit: i64 = c
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(audit, 0);
    c.execute_batch("DROP TRIGGER boom").unwrap();
    let a = apply(
        &mut c,
        &stamp(),
        file.as_bytes(),
        &opts("big.csv"),
        &mut quiet(),
    )
    .unwrap();
    assert_eq!((a.members, a.groups.len()), (300, 30));
}

#[test]
fn unrecognised_columns_are_mapped_by_hand_and_the_mapping_is_remembered() {
    let mut c = store::open_in_memory().unwrap();
    let file = "شماره,اسم کامل عضو,شناسه,شماره تماس همراه\n1,علی کاظمی,0499370899,09131234567\n";
    let e = preview(&c, file.as_bytes(), &opts("a.csv"), &mut quiet()).unwrap_err();
    assert!(
        e.to_string().contains("2: “اسم کامل عضو”"),
        "lists the columns: {e}"
    );
    assert!(e.message_fa().contains("نگاشت"), "{}", e.message_fa());
    let mut o = opts("a.csv");
    o.mapping = vec![
        headers::parse_mapping("2=fullName").unwrap(),
        headers::parse_mapping("شناسه=کد ملی").unwrap(),
        headers::parse_mapping("D=mobile").unwrap(),
    ];
    let p = preview(&c, file.as_bytes(), &o, &mut quiet()).unwrap();
    assert_eq!(p.rows[0].national_id, "0499370899");
    assert_eq!(p.columns[1].source, Some(headers::Source::Mapped));
    assert_eq!(p.columns[0].field, None, "left unused");
    apply(&mut c, &stamp(), file.as_bytes(), &o, &mut quiet()).unwrap();
    // Another file with the same header row: no mapping needed.
    let next = "شماره,اسم کامل عضو,شناسه,شماره تماس همراه\n1,مریم رضایی,0790419904,09121234567\n";
    let p = preview(&c, next.as_bytes(), &opts("b.csv"), &mut quiet()).unwrap();
    assert_eq!(p.columns[1].source, Some(headers::Source::Remembered));
    assert_eq!(p.rows[0].full_name, "مریم رضایی");
    assert_eq!(p.rows[0].mobile, "09121234567");
    assert_eq!(p.new_rows(), 1);
}

#[test]
fn large_files_are_refused_with_a_clear_message() {
    let c = store::open_in_memory().unwrap();
    let mut o = opts("big.csv");
    o.limits.max_rows = 100;
    let mut file = String::from("نام,کد ملی\n");
    for i in 0..200 {
        file.push_str(&format!("عضو {i},\n"));
    }
    let e = preview(&c, file.as_bytes(), &o, &mut quiet()).unwrap_err();
    assert!(e.to_string().contains("more than 100 rows"), "{e}");
    assert!(
        e.message_fa().contains("بیش از ۱۰۰ ردیف"),
        "{}",
        e.message_fa()
    );
    o.limits = Limits::default();
    o.limits.max_file_bytes = 1000;
    let e = preview(&c, file.as_bytes(), &o, &mut quiet()).unwrap_err();
    assert!(e.to_string().contains("larger than"), "{e}");
    o.limits = Limits::default();
    o.limits.max_cell_chars = 10;
    let e = preview(
        &c,
        "نام\nیک نام بسیار بسیار بلند\n".as_bytes(),
        &o,
        &mut quiet(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("row 2, column 1"), "{e}");
    o.limits = Limits::default();
    o.limits.max_columns = 3;
    let e = preview(&c, b"a,b,c,d\n", &o, &mut quiet()).unwrap_err();
    assert!(e.to_string().contains("columns"), "{e}");
    let e = preview(
        &c,
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
        &opts("old.xls"),
        &mut quiet(),
    )
    .unwrap_err();
    assert!(e.to_string().contains(".xls"), "{e}");
}

/// A zip whose one entry unpacks far beyond its packed size.
fn zip_with_zeros(n: usize) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("xl/worksheets/sheet1.xml", o).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..n {
        w.write_all(&chunk).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let c = store::open_in_memory().unwrap();
    let bomb = zip_with_zeros(12);
    assert!(bomb.len() < 200_000, "packed {} bytes", bomb.len());
    let mut o = opts("bomb.xlsx");
    o.limits.max_unpacked_bytes = 10 * 1024 * 1024;
    let e = preview(&c, &bomb, &o, &mut quiet()).unwrap_err();
    assert!(e.to_string().contains("zip bomb"), "{e}");
    assert!(e.message_fa().contains("بمب zip"), "{}", e.message_fa());

    // A central directory that lies (declares 4 GB for a small entry) is refused on the
    // declared size, with the default limits.
    let mut forged = xlsx_file(false);
    let at = forged.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    forged[at + 24..at + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let e = preview(&c, &forged, &opts("forged.xlsx"), &mut quiet()).unwrap_err();
    assert!(e.to_string().contains("zip bomb"), "{e}");
}

#[test]
fn malformed_files_are_errors_never_crashes() {
    let c = store::open_in_memory().unwrap();
    let good = xlsx_file(false);
    for cut in [10, 100, good.len() / 2, good.len() - 10] {
        let r = preview(&c, &good[..cut], &opts("cut.xlsx"), &mut quiet());
        assert!(r.is_err(), "a cut xlsx at {cut}");
    }
    for bytes in [
        &b""[..],
        b"\n\n\n",
        b"\"unclosed,quote\n",
        b"PK\x03\x04garbage",
        b"\0\0\0\0",
    ] {
        let _ = preview(&c, bytes, &opts("x.csv"), &mut quiet());
    }
    assert!(
        preview(&c, b"", &opts("x.csv"), &mut quiet()).is_err(),
        "an empty file has no rows"
    );
}

#[test]
fn exports_of_registrations_and_manifests_in_csv_and_xlsx_and_the_calendar() {
    let mut c = store::open_in_memory().unwrap();
    crate::demo::install(&mut c, &stamp()).unwrap();
    let sheet = export::registrations(&c, None).unwrap();
    assert!(!sheet.rows.is_empty(), "the demo registers groups");
    let csv = export::render(&sheet, Format::Csv).unwrap();
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM for Excel");
    let text = std::str::from_utf8(&csv[3..]).unwrap();
    assert!(text.starts_with("شناسه ثبت‌نام,کد ثبت‌نام,"), "{text}");
    assert!(text.contains("\r\n"), "CRLF");
    assert!(text.contains("قطعی"), "states in Persian");
    let xlsx = export::render(&sheet, Format::Xlsx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&xlsx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("rightToLeft=\"1\""), "a right-to-left sheet");
    assert!(
        xml.contains("<pane ySplit=\"1\""),
        "the header row is frozen"
    );
    assert!(xml.contains("<cols>"), "columns are sized");
    assert!(xml.contains("<autoFilter"), "with a filter");

    // The manifest of the first tour with confirmed seats, and back through the importer:
    // every passenger is recognised as already there.
    let tour: i64 = c
        .query_row(
            "SELECT tour_id FROM registrations WHERE state = 'confirmed' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let m = export::manifest(&c, crate::ids::TourId(tour)).unwrap();
    assert!(!m.rows.is_empty());
    let before = members(&c);
    for format in [Format::Csv, Format::Xlsx] {
        let bytes = export::render(&m, format).unwrap();
        let a = apply(&mut c, &stamp(), &bytes, &opts("manifest"), &mut quiet()).unwrap();
        assert_eq!(
            a.members,
            0,
            "{format:?}: {:?}",
            a.preview
                .rows
                .iter()
                .find(|r| r.status != RowStatus::Existing)
        );
        assert_eq!(a.preview.existing_rows(), m.rows.len(), "{format:?}");
        assert!(
            a.preview
                .columns
                .iter()
                .filter(|c| c.field.is_some())
                .count()
                >= 7,
            "{format:?}: headers recognised"
        );
    }
    assert_eq!(members(&c), before);

    let ics = ics::programme_calendar(&c, stamp().at).unwrap();
    let tours: i64 = c
        .query_row("SELECT count(*) FROM tours", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count() as i64, tours);
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "folded (75 octets + CR)"
    );
    assert!(ics.contains("DTSTART;TZID=Asia/Tehran:2026"));
}

#[test]
fn writing_a_file_never_leaves_half_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out.csv");
    write_file(&p, b"one", false).unwrap();
    assert!(
        write_file(&p, b"two", false).is_err(),
        "no silent overwrite"
    );
    write_file(&p, b"two", true).unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"two");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 ]{0,8}",
        "[\u{0600}-\u{06FF}\u{200C} ]{0,10}",
        Just("\"".to_string()),
        Just("\"a,b\"".to_string()),
        Just(";".to_string()),
        Just("\r\n".to_string()),
        Just("0499370899".to_string()),
        Just("۰۹۱۳۱۲۳۴۵۶۷".to_string()),
        Just("1365/13/45".to_string()),
        Just("نام و نام خانوادگی".to_string()),
        Just("کد ملی".to_string()),
        Just("نام گروه".to_string()),
        Just("سرگروه".to_string()),
        Just("بله".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let c = store::open_in_memory().unwrap();
        let _ = preview(&c, &bytes, &opts("r.csv"), &mut |_| {});
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        let _ = preview(&c, &zipped, &opts("r.xlsx"), &mut |_| {});
    }

    #[test]
    fn random_csv_structures_never_panic_and_apply_matches_the_preview(
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..7), 0..12),
        sep in prop_oneof![Just(","), Just(";"), Just("\t")],
        enc in 0..3usize,
    ) {
        let text: String = rows.iter().map(|r| r.join(sep) + "\n").collect();
        let bytes = match enc {
            0 => text.into_bytes(),
            1 => utf16le_bom(&text),
            _ => encode_windows_1256(&text),
        };
        let mut c = store::open_in_memory().unwrap();
        if let Ok(p) = preview(&c, &bytes, &opts("r.csv"), &mut |_| {}) {
            let a = apply(&mut c, &stamp(), &bytes, &opts("r.csv"), &mut |_| {}).unwrap();
            prop_assert_eq!(a.members, p.new_rows());
            prop_assert_eq!(members(&c) as usize, p.new_rows());
        }
    }

    #[test]
    fn mutated_xlsx_files_never_panic(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
        cut in any::<prop::sample::Index>(),
        cells in proptest::collection::vec(cell(), 1..20),
    ) {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        for (i, v) in cells.iter().enumerate() {
            ws.write_string((i / 4) as u32, (i % 4) as u16, v).unwrap();
        }
        let good = book.save_to_buffer().unwrap();
        let c = store::open_in_memory().unwrap();
        let _ = preview(&c, &good, &opts("g.xlsx"), &mut |_| {});
        let mut bad = good.clone();
        for (at, b) in &flips {
            let i = at.index(bad.len());
            bad[i] = *b;
        }
        let _ = preview(&c, &bad, &opts("m.xlsx"), &mut |_| {});
        let _ = preview(&c, &good[..cut.index(good.len())], &opts("t.xlsx"), &mut |_| {});
    }
}

#[test]
fn requests_export_with_due_dates_and_overdue_marks() {
    let mut c = store::open_in_memory().unwrap();
    let raised = chrono::NaiveDate::from_ymd_opt(2026, 12, 22).unwrap();
    crate::request::create(
        &mut c,
        &stamp(),
        crate::request::RequestInput {
            tour: None,
            site: None,
            district: Some(5),
            category: crate::request::Category::Roads,
            text: "چاله‌های خیابان, \"فوری\"".into(),
            raised_by: "رضا".into(),
            contact: "09121112233".into(),
            raised_on: raised,
        },
    )
    .unwrap();
    let late = chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap();
    let sheet = export::requests(&c, &crate::request::Filter::default(), late).unwrap();
    assert_eq!(sheet.rows.len(), 1);
    let csv = String::from_utf8(export::render(&sheet, export::Format::Csv).unwrap()).unwrap();
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    assert!(csv.contains("1406/01/01"), "due 1 Farvardin 1406: {csv}");
    assert!(csv.contains("دیرکرد"));
    assert!(
        csv.contains("\"چاله‌های خیابان, \"\"فوری\"\"\""),
        "quoted: {csv}"
    );
    assert!(export::render(&sheet, export::Format::Xlsx)
        .unwrap()
        .starts_with(b"PK"));
}
