//! Reading a file into rows of text: CSV (through `csv`, after decoding) or .xlsx (through
//! calamine's streaming cell reader), within the `Limits`. An .xlsx's zip central directory
//! is inspected first (entries and declared unpacked sizes); a panic in a parser is
//! contained and reported as an unreadable file.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};

use super::encoding::{self, TextEncoding};
use super::Limits;
use crate::error::{Error, Explanation, Result};
use crate::persian::digits::to_persian;

/// What kind of file was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Csv {
        encoding: TextEncoding,
        /// Whether the encoding was detected (false: chosen).
        detected: bool,
        bom: bool,
        delimiter: char,
    },
    Xlsx {
        sheet: String,
    },
}

impl FileKind {
    pub fn name(&self) -> &'static str {
        match self {
            FileKind::Csv { .. } => "csv",
            FileKind::Xlsx { .. } => "xlsx",
        }
    }
}

/// A file's non-blank rows as text, each with its row number in the file (1-based: the
/// CSV record or the sheet row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub kind: FileKind,
    pub rows: Vec<(usize, Vec<String>)>,
    /// Things worth telling (undecodable characters, other sheets left unread).
    pub notes: Vec<Explanation>,
}

fn fa(n: usize) -> String {
    to_persian(&n.to_string())
}

fn unreadable(fa_detail: &str, en_detail: &str) -> Error {
    Error::invalid(
        "file",
        format!("پرونده خوانده نشد: {fa_detail}"),
        format!("the file could not be read: {en_detail}"),
    )
}

fn too_many(what_fa: &str, what_en: &str, limit: usize) -> Error {
    Error::invalid(
        "file",
        format!(
            "پرونده بیش از اندازه بزرگ است: بیش از {} {what_fa}. آن را به چند پرونده‌ی کوچک‌تر بخش کنید",
            fa(limit)
        ),
        format!("the file is too large: more than {limit} {what_en}; split it into smaller files"),
    )
}

/// Read a file from disk, refusing one over `limits.max_file_bytes` before reading it.
pub fn load(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    check_size(len, limits)?;
    let bytes = std::fs::read(path).map_err(io)?;
    check_size(bytes.len() as u64, limits)?;
    Ok(bytes)
}

fn check_size(len: u64, limits: &Limits) -> Result<()> {
    if len > limits.max_file_bytes {
        let mb = limits.max_file_bytes / (1024 * 1024);
        return Err(Error::invalid(
            "file",
            format!(
                "پرونده بیش از {} مگابایت است؛ آن را به چند پرونده‌ی کوچک‌تر بخش کنید",
                fa(mb as usize)
            ),
            format!("the file is larger than {mb} MB; split it into smaller files"),
        ));
    }
    Ok(())
}

/// Read `bytes` (a CSV or an .xlsx, told apart by their first bytes) into rows. `encoding`
/// chooses a CSV's encoding instead of detecting it.
pub fn read(bytes: &[u8], encoding: Option<TextEncoding>, limits: &Limits) -> Result<Table> {
    check_size(bytes.len() as u64, limits)?;
    // calamine and zip have panicked on hostile files: contain it (the build keeps
    // panic = "unwind", which catch_unwind needs).
    match catch_unwind(AssertUnwindSafe(|| read_inner(bytes, encoding, limits))) {
        Ok(r) => r,
        Err(_) => Err(unreadable(
            "ساختار آن خراب است",
            "its structure is malformed",
        )),
    }
}

fn read_inner(bytes: &[u8], encoding: Option<TextEncoding>, limits: &Limits) -> Result<Table> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read_xlsx(bytes, limits);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Error::invalid(
            "file",
            "پرونده‌ی Excel قدیمی (.xls) است؛ آن را در Excel با قالب .xlsx یا CSV ذخیره کنید",
            "this is an old Excel file (.xls); save it from Excel as .xlsx or CSV",
        ));
    }
    read_csv(bytes, encoding, limits)
}

/// The most frequent of `,` `;` tab `|` in the first line (outside quotes); `,` if none.
fn delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for c in text.chars().take(64 * 1024) {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            '|' if !quoted => counts[3] += 1,
            _ => {}
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t', b'|'][best]
    }
}

fn read_csv(bytes: &[u8], chosen: Option<TextEncoding>, limits: &Limits) -> Result<Table> {
    let decoded = encoding::decode(bytes, chosen);
    if decoded.text.contains('\0') {
        return Err(unreadable(
            "متن نیست (شاید رمزگذاری را باید انتخاب کرد)",
            "it is not text (perhaps choose its encoding)",
        ));
    }
    let delim = delimiter(&decoded.text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(decoded.text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    let mut record = csv::StringRecord::new();
    let mut number = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e
                    .position()
                    .map(|p| p.record() as usize + 1)
                    .unwrap_or(number + 1);
                return Err(unreadable(
                    &format!("ردیف {} خراب است", fa(at)),
                    &format!("record {at} is malformed ({e})"),
                ));
            }
        }
        number += 1;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > limits.max_columns {
            return Err(too_many("ستون", "columns", limits.max_columns));
        }
        let mut row = Vec::with_capacity(record.len());
        for (i, c) in record.iter().enumerate() {
            check_cell(c, number, i, limits)?;
            if !c.trim().is_empty() {
                cells += 1;
            }
            row.push(c.to_string());
        }
        if cells > limits.max_cells {
            return Err(too_many("خانه‌ی پر", "filled cells", limits.max_cells));
        }
        rows.push((number, row));
        if rows.len() > limits.max_rows {
            return Err(too_many("ردیف", "rows", limits.max_rows));
        }
    }
    let mut notes = Vec::new();
    if decoded.replaced > 0 {
        notes.push(Explanation::new(
            format!(
                "{} نویسه با رمزگذاری {} خوانده نشد؛ اگر متن درهم است رمزگذاری دیگری انتخاب کنید",
                fa(decoded.replaced),
                decoded.encoding.as_str()
            ),
            format!(
                "{} characters could not be decoded as {}; if the text looks garbled, choose another encoding",
                decoded.replaced,
                decoded.encoding.as_str()
            ),
        ));
    }
    Ok(Table {
        kind: FileKind::Csv {
            encoding: decoded.encoding,
            detected: decoded.detected,
            bom: decoded.bom,
            delimiter: delim as char,
        },
        rows,
        notes,
    })
}

fn check_cell(c: &str, row: usize, col: usize, limits: &Limits) -> Result<()> {
    if c.len() > limits.max_cell_chars && c.chars().count() > limits.max_cell_chars {
        return Err(Error::invalid(
            "file",
            format!(
                "خانه‌ی ردیف {} ستون {} بیش از {} نویسه دارد",
                fa(row),
                fa(col + 1),
                fa(limits.max_cell_chars)
            ),
            format!(
                "the cell on row {row}, column {} holds more than {} characters",
                col + 1,
                limits.max_cell_chars
            ),
        ));
    }
    Ok(())
}

/// Refuse a zip whose central directory declares too many entries or too many unpacked
/// bytes, before any entry is decompressed.
fn check_zip(bytes: &[u8], limits: &Limits) -> Result<()> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        unreadable(
            "پرونده‌ی xlsx (zip) خراب است",
            &format!("the xlsx (zip) is damaged ({e})"),
        )
    })?;
    if zip.len() > limits.max_zip_entries {
        return Err(too_many(
            "بخش در zip",
            "zip entries",
            limits.max_zip_entries,
        ));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| {
            unreadable(
                "پرونده‌ی xlsx (zip) خراب است",
                &format!("the xlsx (zip) is damaged ({e})"),
            )
        })?;
        total = total.saturating_add(entry.size());
    }
    if total > limits.max_unpacked_bytes {
        let mb = limits.max_unpacked_bytes / (1024 * 1024);
        return Err(Error::invalid(
            "file",
            format!(
                "پرونده‌ی xlsx باز شده بیش از {} مگابایت می‌شود؛ پذیرفته نشد (ممکن است بمب zip باشد)",
                fa(mb as usize)
            ),
            format!(
                "the xlsx would unpack to more than {mb} MB ({} MB declared); refused (it may be a zip bomb)",
                total / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

/// An Excel serial date (days since 1899-12-30, or since 1904) as `YYYY-MM-DD`.
fn excel_date(d: &calamine::ExcelDateTime) -> String {
    if d.is_duration() {
        return String::new();
    }
    let (y, m, day, _, _, _, _) = d.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{day:02}")
}

fn cell_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => {
            if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) => excel_date(d),
        DataRef::DateTimeIso(s) => s.clone(),
        DataRef::DurationIso(_) | DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

fn xlsx_error(e: calamine::XlsxError) -> Error {
    unreadable(
        "پرونده‌ی xlsx خراب است یا xlsx نیست",
        &format!("the xlsx is damaged or not an xlsx ({e})"),
    )
}

fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Table> {
    check_zip(bytes, limits)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(unreadable("برگه‌ای ندارد", "it has no sheet"));
    }
    let mut notes = Vec::new();
    for (n, name) in names.iter().enumerate() {
        let rows = read_sheet(&mut book, name, limits)?;
        if rows.is_empty() {
            continue;
        }
        if names.len() > n + 1 {
            notes.push(Explanation::new(
                format!(
                    "تنها برگه‌ی «{name}» خوانده شد؛ پرونده {} برگه دارد",
                    fa(names.len())
                ),
                format!(
                    "only the sheet “{name}” was read; the file has {} sheets",
                    names.len()
                ),
            ));
        }
        return Ok(Table {
            kind: FileKind::Xlsx {
                sheet: name.clone(),
            },
            rows,
            notes,
        });
    }
    Ok(Table {
        kind: FileKind::Xlsx {
            sheet: names[0].clone(),
        },
        rows: vec![],
        notes,
    })
}

fn read_sheet(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
) -> Result<Vec<(usize, Vec<String>)>> {
    let mut cells = book.worksheet_cells_reader(name).map_err(xlsx_error)?;
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut filled = 0usize;
    while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
        let (r, c) = cell.get_position();
        let text = cell_text(cell.get_value());
        if text.trim().is_empty() {
            continue;
        }
        let c = c as usize;
        if c >= limits.max_columns {
            return Err(too_many("ستون", "columns", limits.max_columns));
        }
        check_cell(&text, r as usize + 1, c, limits)?;
        filled += 1;
        if filled > limits.max_cells {
            return Err(too_many("خانه‌ی پر", "filled cells", limits.max_cells));
        }
        if !rows.contains_key(&r) && rows.len() >= limits.max_rows {
            return Err(too_many("ردیف", "rows", limits.max_rows));
        }
        let row = rows.entry(r).or_default();
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        row[c] = text;
    }
    Ok(rows
        .into_iter()
        .map(|(r, cells)| (r as usize + 1, cells))
        .collect())
}
