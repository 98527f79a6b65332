//! Exports for spreadsheets: registrations and a tour's manifest as CSV (UTF-8 with a BOM,
//! so Excel reads Persian right) or .xlsx (a right-to-left sheet, a styled and frozen
//! header row, sized columns). Headers are Persian and recognised by the importer; digits
//! are Latin so spreadsheets can compute with them; dates are Solar Hijri with the
//! Gregorian beside.

use rust_xlsxwriter::{Color, Format as CellFormat, FormatAlign, FormatBorder, Workbook};

use crate::error::{Error, Result};
use crate::group;
use crate::ids::TourId;
use crate::persian::calendar::Style;
use crate::persian::JalaliDate;
use crate::registration::{self, roster, State};
use crate::store::Connection;
use crate::tour::{self, Tour};

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn parse(s: &str) -> Result<Format> {
        match s
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "csv" => Ok(Format::Csv),
            "xlsx" | "excel" => Ok(Format::Xlsx),
            _ => Err(Error::invalid(
                "format",
                format!("قالب «{s}» شناخته نیست؛ csv یا xlsx"),
                format!("unknown format “{s}”; use csv or xlsx"),
            )),
        }
    }

    /// The format a file name's extension names, if any.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(|e| Format::parse(e).ok())
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Number(i64),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => n.to_string(),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

/// A table to export: a sheet name, headers and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// How a registration's state reads in Persian.
pub fn state_fa(s: State) -> &'static str {
    match s {
        State::Requested => "درخواست‌شده",
        State::Confirmed => "قطعی",
        State::Waitlisted => "در فهرست انتظار",
        State::Attended => "حاضر شد",
        State::NoShow => "نیامد",
        State::Cancelled => "لغوشده",
    }
}

fn jalali(d: chrono::NaiveDate) -> String {
    JalaliDate::from_gregorian(d)
        .map(|j| j.format(Style::Short, false))
        .unwrap_or_default()
}

fn every_tour(conn: &Connection) -> Result<Vec<Tour>> {
    let from = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
    let to = chrono::NaiveDate::from_ymd_opt(2999, 12, 31).unwrap_or_default();
    tour::between(conn, from, to)
}

/// Registrations of one tour, or of every tour (by date), with the waiting list in order.
pub fn registrations(conn: &Connection, tour: Option<TourId>) -> Result<Sheet> {
    let tours = match tour {
        Some(id) => vec![tour::get(conn, id)?],
        None => every_tour(conn)?,
    };
    let headers = [
        "شناسه ثبت‌نام",
        "کد ثبت‌نام",
        "شناسه تور",
        "تاریخ تور",
        "تاریخ میلادی",
        "ساعت حرکت",
        "شناسه گروه",
        "نام گروه",
        "سرگروه",
        "تلفن همراه سرگروه",
        "صندلی",
        "وضعیت",
        "نوبت در فهرست انتظار",
    ];
    let mut rows = Vec::new();
    for t in &tours {
        for line in roster::of_tour_lines(conn, t.id)? {
            let r = &line.registration;
            rows.push(vec![
                Value::Number(r.id.get()),
                registration::code::code(conn, r.id)?.into(),
                Value::Number(t.id.get()),
                jalali(t.date).into(),
                t.date.to_string().into(),
                t.departure.format(false).into(),
                Value::Number(r.group.get()),
                line.group_name.clone().into(),
                line.leader_name.clone().into(),
                line.leader_mobile.clone().unwrap_or_default().into(),
                Value::Number(i64::from(r.seats)),
                state_fa(r.state).into(),
                line.position
                    .map(|p| Value::Number(i64::from(p)))
                    .unwrap_or(Value::Text(String::new())),
            ]);
        }
    }
    Ok(Sheet {
        name: match tour {
            Some(id) => format!("ثبت‌نام‌های تور {id}"),
            None => "ثبت‌نام‌ها".into(),
        },
        headers: headers.map(String::from).to_vec(),
        rows,
    })
}

/// Citizen requests for the departments: every request matching `filter`, overdue first,
/// with its due date in both calendars and whether it is overdue on `today`.
pub fn requests(
    conn: &Connection,
    filter: &crate::request::Filter,
    today: chrono::NaiveDate,
) -> Result<Sheet> {
    use crate::request::{Category, Status};
    let category = |c: Category| match c {
        Category::Lighting => "روشنایی",
        Category::Roads => "راه و معابر",
        Category::Transport => "حمل‌ونقل",
        Category::Cleanliness => "پاکیزگی",
        Category::Projects => "پروژه‌ها",
        Category::Other => "سایر",
    };
    let status = |s: Status| match s {
        Status::Open => "باز",
        Status::Referred => "ارجاع‌شده",
        Status::Answered => "پاسخ‌داده‌شده",
        Status::Reported => "به شهروند اعلام‌شده",
    };
    let headers = [
        "شناسه",
        "تاریخ طرح",
        "مهلت پاسخ",
        "مهلت (میلادی)",
        "دیرکرد",
        "موضوع",
        "متن",
        "طرح‌کننده",
        "راه تماس",
        "منطقه",
        "شناسه تور",
        "وضعیت",
        "اداره",
        "پاسخ",
    ];
    let rows = crate::request::list(conn, filter, today)?
        .into_iter()
        .map(|r| {
            vec![
                Value::Number(r.id.get()),
                jalali(r.input.raised_on).into(),
                jalali(r.due_on).into(),
                r.due_on.to_string().into(),
                if r.is_overdue(today) {
                    "دیرکرد"
                } else {
                    ""
                }
                .into(),
                category(r.input.category).into(),
                r.input.text.clone().into(),
                r.input.raised_by.clone().into(),
                r.input.contact.clone().into(),
                r.input
                    .district
                    .map(|d| Value::Number(i64::from(d)))
                    .unwrap_or(Value::Text(String::new())),
                r.input
                    .tour
                    .map(|t| Value::Number(t.get()))
                    .unwrap_or(Value::Text(String::new())),
                status(r.status).into(),
                r.department.clone().into(),
                r.answer.clone().into(),
            ]
        })
        .collect();
    Ok(Sheet {
        name: "درخواست‌های شهروندان".into(),
        headers: headers.map(String::from).to_vec(),
        rows,
    })
}

/// The passengers of a tour: every member of each group holding seats (confirmed,
/// attended, no-show), by group, with a blank column to tick at check-in.
pub fn manifest(conn: &Connection, tour_id: TourId) -> Result<Sheet> {
    let t = tour::get(conn, tour_id)?;
    let headers = [
        "ردیف",
        "نام گروه",
        "کد ثبت‌نام",
        "نام و نام خانوادگی",
        "کد ملی",
        "تلفن همراه",
        "سال تولد",
        "سرگروه",
        "دسترسی بی‌پله",
        "اندازه تجهیزات",
        "حضور",
    ];
    let mut rows = Vec::new();
    let mut n = 0;
    for r in registration::of_tour(conn, tour_id)?
        .into_iter()
        .filter(|r| r.state.holds_seats())
    {
        let g = group::get(conn, r.group)?;
        let code = registration::code::code(conn, r.id)?;
        for m in &g.members {
            n += 1;
            rows.push(vec![
                Value::Number(n),
                g.name.clone().into(),
                code.clone().into(),
                m.full_name.clone().into(),
                m.national_id.clone().unwrap_or_default().into(),
                m.mobile.clone().unwrap_or_default().into(),
                m.birth_year
                    .map(|y| Value::Number(i64::from(y)))
                    .unwrap_or(Value::Text(String::new())),
                if m.is_leader { "بله" } else { "" }.into(),
                if m.step_free { "بله" } else { "" }.into(),
                m.ppe_sizes.clone().into(),
                match r.state {
                    State::Attended => "حاضر",
                    State::NoShow => "غایب",
                    _ => "",
                }
                .into(),
            ]);
        }
    }
    Ok(Sheet {
        name: format!(
            "مسافران {} {}",
            jalali(t.date).replace('/', "-"),
            t.departure.format(false).replace(':', "")
        ),
        headers: headers.map(String::from).to_vec(),
        rows,
    })
}

/// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) gets a
/// leading apostrophe, so an imported name can never become a formula in Excel.
fn csv_safe(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    }
}

/// CSV: UTF-8 with a BOM, CRLF line ends, every field quoted when needed.
pub fn to_csv(sheet: &Sheet) -> Result<Vec<u8>> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let fail = |e: csv::Error| Error::Internal(format!("CSV export: {e}"));
        w.write_record(&sheet.headers).map_err(fail)?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(|v| match v {
                Value::Text(s) => csv_safe(s.clone()),
                Value::Number(n) => n.to_string(),
            }))
            .map_err(fail)?;
        }
        w.flush()
            .map_err(|e| Error::Internal(format!("CSV export: {e}")))?;
    }
    Ok(out)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    if cleaned.trim().is_empty() {
        "Sheet1".into()
    } else {
        cleaned
    }
}

/// .xlsx: a right-to-left sheet, the header row bold on a tinted ground with a border,
/// frozen, with a filter; columns as wide as their longest text (within 8–60).
pub fn to_xlsx(sheet: &Sheet) -> Result<Vec<u8>> {
    let fail = |e: rust_xlsxwriter::XlsxError| Error::Internal(format!("xlsx export: {e}"));
    let mut book = Workbook::new();
    let header = CellFormat::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDCE6F1))
        .set_border_bottom(FormatBorder::Medium)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&sheet.name)).map_err(fail)?;
    ws.set_right_to_left(true);
    let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &header)
            .map_err(fail)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            if widths.len() <= c {
                widths.resize(c + 1, 0);
            }
            widths[c] = widths[c].max(v.text().chars().count());
            match v {
                Value::Text(s) if s.is_empty() => {}
                Value::Text(s) => {
                    ws.write_string(r, c as u16, s).map_err(fail)?;
                }
                Value::Number(n) => {
                    ws.write_number(r, c as u16, *n as f64).map_err(fail)?;
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 * 1.2 + 2.0).clamp(8.0, 60.0))
            .map_err(fail)?;
    }
    ws.set_freeze_panes(1, 0).map_err(fail)?;
    if !sheet.headers.is_empty() {
        ws.autofilter(
            0,
            0,
            sheet.rows.len() as u32,
            sheet.headers.len() as u16 - 1,
        )
        .map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

pub fn render(sheet: &Sheet, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Csv => to_csv(sheet),
        Format::Xlsx => to_xlsx(sheet),
    }
}
