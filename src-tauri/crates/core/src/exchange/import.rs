//! Importing groups and members: a preview of every row with its problems, then one
//! `BEGIN IMMEDIATE` transaction that writes every acceptable row or nothing.
//!
//! Rules (docs/CLI.md repeats them for the people who run imports):
//! - The header row is the first of the first ten rows with two or more known headers
//!   (a title above the table is skipped); without one, the first row.
//! - A group-name column groups rows; a blank group cell continues the group above (as
//!   spreadsheets leave merged cells). Rows before any group name, and every row of a file
//!   without a group column, form one group named after the file (or `default_group`).
//! - A row is *rejected* for an invalid national ID, an invalid mobile, a missing name, a
//!   birth year or date that is not one (Solar Hijri or Gregorian, any digits), a national
//!   ID (or, without one, the same name and mobile in the same group) repeated in the file,
//!   a national ID already held by a member of another group, or a group that already exists
//!   in the database with members the file adds (add those in the group's page).
//! - A row is *existing* when its group exists and holds the same person (same national
//!   ID, or the same name when the row has none): importing the same file again adds
//!   nothing and says so.
//! - Each new group's leader is the first row marked in the leader column that has a
//!   mobile, else its first member with a mobile; a group with no mobile at all, or over
//!   the 200-member limit, is rejected whole.
//! - Apply re-runs the preview inside the write lock, so it acts on the database as it is
//!   then, never on a stale preview.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::headers::{self, Column, ColumnRef, Field};
use super::table::{read, FileKind, Table};
use super::{Limits, TextEncoding};
use crate::audit::{self, Stamp};
use crate::error::{Error, Explanation, Result};
use crate::group::{self, Channel, GroupInput, Kind, MemberInput, MAX_MEMBERS};
use crate::ids::GroupId;
use crate::persian::digits::{to_latin, to_persian};
use crate::persian::{normalize_fa, JalaliDate, Mobile, NationalId};
use crate::store;

/// How to read and import a file.
#[derive(Debug, Clone)]
pub struct Options {
    /// The file's name as the coordinator chose it (reports, the default group's name).
    pub file_name: String,
    /// A CSV's encoding; None: detected.
    pub encoding: Option<TextEncoding>,
    /// Columns mapped by hand (remembered for this header row when applied).
    pub mapping: Vec<(ColumnRef, Field)>,
    /// The group of rows without a group name; None: the file's name without extension.
    pub default_group: Option<String>,
    /// Kind of the new groups whose rows do not say.
    pub kind: Kind,
    pub channel: Channel,
    pub limits: Limits,
}

impl Options {
    pub fn new(file_name: impl Into<String>) -> Self {
        Options {
            file_name: file_name.into(),
            encoding: None,
            mapping: vec![],
            default_group: None,
            kind: Kind::Other,
            channel: Channel::AppList,
            limits: Limits::default(),
        }
    }
}

/// Where a long import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Checking rows (`done` of `total` rows).
    Checking,
    /// Writing new members (`done` of `total` new rows).
    Writing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// What is wrong with a row (or worth a look, in `warnings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    MissingName,
    NameTooLong,
    InvalidNationalId,
    InvalidMobile,
    InvalidBirth,
    DuplicateInFile,
    DuplicateExisting,
    GroupExists,
    GroupInvalid,
    // Warnings: the row is imported.
    UnfamiliarMobilePrefix,
    LeaderChosen,
    LeaderExtra,
    UnclearValue,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::MissingName => "missing_name",
            ProblemKind::NameTooLong => "name_too_long",
            ProblemKind::InvalidNationalId => "invalid_national_id",
            ProblemKind::InvalidMobile => "invalid_mobile",
            ProblemKind::InvalidBirth => "invalid_birth",
            ProblemKind::DuplicateInFile => "duplicate_in_file",
            ProblemKind::DuplicateExisting => "duplicate_existing",
            ProblemKind::GroupExists => "group_exists",
            ProblemKind::GroupInvalid => "group_invalid",
            ProblemKind::UnfamiliarMobilePrefix => "unfamiliar_mobile_prefix",
            ProblemKind::LeaderChosen => "leader_chosen",
            ProblemKind::LeaderExtra => "leader_extra",
            ProblemKind::UnclearValue => "unclear_value",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The field (`Field::as_str`), or `group`.
    pub field: &'static str,
    pub why: Explanation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// Will be (or was) added.
    New,
    /// Already in the database: nothing to add.
    Existing,
    /// Has problems: left out.
    Rejected,
}

impl RowStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RowStatus::New => "new",
            RowStatus::Existing => "existing",
            RowStatus::Rejected => "rejected",
        }
    }
}

/// One data row of the file as it will be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowReport {
    /// Row number in the file (1-based: CSV record or sheet row).
    pub row: usize,
    pub group: String,
    pub full_name: String,
    /// Normalised (10 digits) when valid; as written otherwise.
    pub national_id: String,
    /// `09XXXXXXXXX` when valid; as written otherwise.
    pub mobile: String,
    /// Solar Hijri.
    pub birth_year: Option<i32>,
    pub leader: bool,
    pub step_free: bool,
    pub ppe_sizes: String,
    pub status: RowStatus,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// A group the import creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGroup {
    pub name: String,
    pub kind: Kind,
    /// Indexes into `Preview::rows` of its members, in file order.
    pub rows: Vec<usize>,
}

/// An earlier import of the very same file (same bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousImport {
    pub at: String,
    pub file_name: String,
    pub members_added: i64,
}

/// Everything an import would do, row by row, before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub file_name: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    pub kind: FileKind,
    /// Row number of the header row in the file.
    pub header_row: usize,
    pub headers: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<RowReport>,
    pub groups: Vec<NewGroup>,
    /// File-level remarks (encoding, sheets, how leaders were chosen).
    pub notes: Vec<Explanation>,
    pub previous: Option<PreviousImport>,
    /// The hand mapping as resolved (0-based column → field); remembered on apply.
    pub mapped: HashMap<usize, Field>,
}

impl Preview {
    fn count(&self, s: RowStatus) -> usize {
        self.rows.iter().filter(|r| r.status == s).count()
    }
    pub fn new_rows(&self) -> usize {
        self.count(RowStatus::New)
    }
    pub fn existing_rows(&self) -> usize {
        self.count(RowStatus::Existing)
    }
    pub fn rejected_rows(&self) -> usize {
        self.count(RowStatus::Rejected)
    }
    /// Whether applying would add nothing (everything acceptable is already there).
    pub fn nothing_new(&self) -> bool {
        self.new_rows() == 0
    }

    /// One line for a person: what the import does or would do.
    pub fn summary(&self) -> Explanation {
        let (n, e, r, g) = (
            self.new_rows(),
            self.existing_rows(),
            self.rejected_rows(),
            self.groups.len(),
        );
        let f = |x: usize| to_persian(&x.to_string());
        let mut fa = format!(
            "{} ردیف: {} عضو تازه در {} گروه تازه، {} از پیش در پایگاه داده، {} رد شده",
            f(self.rows.len()),
            f(n),
            f(g),
            f(e),
            f(r)
        );
        let mut en = format!(
            "{} rows: {n} new members in {g} new groups, {e} already in the database, {r} rejected",
            self.rows.len()
        );
        if n == 0 {
            fa.push_str("؛ چیز تازه‌ای برای افزودن نیست");
            en.push_str("; nothing new to add");
            if let Some(p) = &self.previous {
                let (when_fa, when_en) = when(&p.at);
                fa.push_str(&format!(" (همین پرونده {when_fa} وارد شده است)"));
                en.push_str(&format!(" (this same file was imported {when_en})"));
            }
        }
        Explanation::new(fa, en)
    }
}

/// A stored time as people read it: Solar Hijri date and Iran time in Persian, Gregorian
/// and Iran time in English.
fn when(at: &str) -> (String, String) {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => {
            let local = t.with_timezone(&crate::clock::iran_offset());
            let hm = local.format("%H:%M").to_string();
            let day = JalaliDate::from_gregorian(local.date_naive())
                .map(|j| j.format(crate::persian::calendar::Style::Short, false))
                .unwrap_or_default();
            (
                to_persian(&format!("در {day} ساعت {hm}")),
                format!("on {} at {hm} Iran time", local.format("%Y-%m-%d")),
            )
        }
        Err(_) => (format!("در {at}"), format!("at {at}")),
    }
}

/// What `apply` did.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub preview: Preview,
    pub groups: Vec<GroupId>,
    pub members: usize,
}

/// Read `bytes` and check every row against the database; writes nothing.
pub fn preview(
    conn: &Connection,
    bytes: &[u8],
    opts: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Preview> {
    let table = read(bytes, opts.encoding, &opts.limits)?;
    analyse(conn, &table, &sha256(bytes), opts, progress)
}

/// Import every acceptable row in one `BEGIN IMMEDIATE` transaction: all of them or none
/// (an error or a crash at any point leaves the database as it was). The preview is made
/// again inside the transaction; a hand mapping is remembered for this header row.
pub fn apply(
    conn: &mut Connection,
    stamp: &Stamp,
    bytes: &[u8],
    opts: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Applied> {
    let table = read(bytes, opts.encoding, &opts.limits)?;
    let sha = sha256(bytes);
    store::write(conn, |tx| {
        let preview = analyse(tx, &table, &sha, opts, progress)?;
        let at = stamp.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        headers::remember(tx, &preview.headers, &preview.mapped, &at)?;
        let total = preview.new_rows();
        let mut ids = Vec::with_capacity(preview.groups.len());
        let mut done = 0;
        for g in &preview.groups {
            let input = GroupInput {
                name: g.name.clone(),
                kind: g.kind,
                channel: opts.channel,
                preferred_from: None,
                preferred_to: None,
                preferred_sites: vec![],
                notes: format!("وارد شده از «{}»", opts.file_name),
                members: g
                    .rows
                    .iter()
                    .map(|&i| {
                        let r = &preview.rows[i];
                        MemberInput {
                            id: None,
                            full_name: r.full_name.clone(),
                            national_id: r.national_id.clone(),
                            mobile: r.mobile.clone(),
                            birth_year: r.birth_year,
                            step_free: r.step_free,
                            ppe_sizes: r.ppe_sizes.clone(),
                            is_leader: r.leader,
                            duplicate_reason: String::new(),
                        }
                    })
                    .collect(),
            };
            let (id, _) = group::insert(tx, stamp, &input).map_err(|e| in_group(e, &g.name))?;
            ids.push(id);
            done += g.rows.len();
            progress(Progress {
                stage: Stage::Writing,
                done,
                total,
            });
        }
        if total > 0 {
            tx.execute(
                "INSERT INTO import_files (sha256, file_name, imported_at, actor, rows, groups_added, members_added)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    preview.sha256,
                    opts.file_name,
                    at,
                    stamp.actor,
                    preview.rows.len() as i64,
                    ids.len() as i64,
                    total as i64
                ],
            )?;
            let import_id = tx.last_insert_rowid().to_string();
            audit::record(
                tx,
                stamp,
                "import.apply",
                "import",
                Some(&import_id),
                &format!(
                    "{}: {} members in {} groups ({} rows, {} already present, {} rejected)",
                    opts.file_name,
                    total,
                    ids.len(),
                    preview.rows.len(),
                    preview.existing_rows(),
                    preview.rejected_rows()
                ),
            )?;
        }
        Ok(Applied {
            members: total,
            groups: ids,
            preview,
        })
    })
}

fn in_group(e: Error, name: &str) -> Error {
    match e {
        Error::Invalid { field, why } => Error::invalid(
            field,
            format!("گروه «{name}»: {}", why.fa),
            format!("group “{name}”: {}", why.en),
        ),
        Error::Conflict { why } => Error::conflict(
            format!("گروه «{name}»: {}", why.fa),
            format!("group “{name}”: {}", why.en),
        ),
        other => other,
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn fa(n: usize) -> String {
    to_persian(&n.to_string())
}

fn problem(
    kind: ProblemKind,
    field: &'static str,
    fa: impl Into<String>,
    en: impl Into<String>,
) -> Problem {
    Problem {
        kind,
        field,
        why: Explanation::new(fa, en),
    }
}

fn explanation(e: &Error) -> Explanation {
    match e {
        Error::Invalid { why, .. } | Error::Conflict { why } => why.clone(),
        other => Explanation::new(other.message_fa(), other.to_string()),
    }
}

/// Text as stored: Persian letter forms (ي→ی، ك→ک), no bidi marks, one space between
/// words; ZWNJ kept.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        let c = match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => continue,
            c if c.is_whitespace() => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn plausible_birth(fa_s: &str, en_s: &str) -> Explanation {
    Explanation::new(
        format!("«{fa_s}» سال یا تاریخ تولد پذیرفتنی نیست (مثلاً ۱۳۶۵، ۱۳۶۵/۰۴/۱۲ یا 1986-07-03)"),
        format!(
            "“{en_s}” is not a plausible birth year or date (e.g. 1365, 1365/04/12 or 1986-07-03)"
        ),
    )
}

/// A birth year or date, Solar Hijri or Gregorian, in any digits, as its Solar Hijri
/// year: `1365`, `۱۳۶۵/۴/۱۲`, `12/04/1365`, `1986`, `1986-07-03`, `03.07.1986`,
/// `1986-07-03T00:00:00`, `۱۲ تیر ۱۳۶۵`. A Gregorian year alone is taken as the Solar
/// Hijri year that holds most of it (year − 621).
pub fn birth_year(raw: &str) -> std::result::Result<Option<i32>, Explanation> {
    let s = to_latin(&tidy(raw));
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || plausible_birth(raw.trim(), raw.trim());
    // A date with a time ("1986-07-03 00:00:00", "1986-07-03T00:00:00").
    let s = if s.contains(':') {
        s.split(['T', ' ']).next().unwrap_or("").to_string()
    } else {
        s
    };
    let year = |y: i64| -> std::result::Result<i32, Explanation> {
        match y {
            1300..=1500 => Ok(y as i32),
            1921..=2121 => Ok(y as i32 - 621),
            _ => Err(bad()),
        }
    };
    let date = |y: i64, m: i64, d: i64| -> std::result::Result<i32, Explanation> {
        let (Ok(m8), Ok(d8)) = (u8::try_from(m), u8::try_from(d)) else {
            return Err(bad());
        };
        match y {
            1300..=1500 => JalaliDate::new(y as i32, m8, d8)
                .map(|j| j.year())
                .map_err(|e| {
                    let w = explanation(&e);
                    Explanation::new(
                        format!("تاریخ تولد «{}»: {}", raw.trim(), w.fa),
                        format!("birth date “{}”: {}", raw.trim(), w.en),
                    )
                }),
            1921..=2121 => chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
                .and_then(|g| JalaliDate::from_gregorian(g).ok())
                .map(|j| j.year())
                .ok_or_else(bad),
            _ => Err(bad()),
        }
    };
    if s.chars().all(|c| c.is_ascii_digit()) {
        return match s.len() {
            4 => year(s.parse().map_err(|_| bad())?).map(Some),
            8 => {
                let n: i64 = s.parse().map_err(|_| bad())?;
                date(n / 10_000, n / 100 % 100, n % 100).map(Some)
            }
            _ => Err(bad()),
        };
    }
    let parts: Vec<&str> = s
        .split(['/', '-', '.', '\\', '\u{066B}'])
        .map(str::trim)
        .collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
    {
        let n: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if n.len() == 3 {
            if parts[0].len() == 4 {
                return date(n[0], n[1], n[2]).map(Some);
            }
            if parts[2].len() == 4 {
                // D/M/Y, or M/D/Y for a Gregorian date that only reads that way.
                return date(n[2], n[1], n[0])
                    .or_else(|e| {
                        if n[2] > 1500 {
                            date(n[2], n[0], n[1])
                        } else {
                            Err(e)
                        }
                    })
                    .map(Some);
            }
        }
        return Err(bad());
    }
    JalaliDate::parse(raw)
        .map(|j| Some(j.year()))
        .map_err(|_| bad())
}

/// A yes/no cell: Some(true) for بله/آری/✓/x/1/yes/true/سرگروه…, Some(false) for
/// خیر/نه/0/no/false or blank, None when it says something else.
fn flag(raw: &str) -> Option<bool> {
    let k = normalize_fa(raw);
    match k.as_str() {
        "" | "0" | "خیر" | "نه" | "no" | "n" | "false" | "ندارد" | "نیست" | "-" | "×" => {
            Some(false)
        }
        "1" | "بله" | "بلی" | "آری" | "اری" | "هست" | "دارد" | "yes" | "y" | "true" | "x" | "✓"
        | "✔" | "*" | "+" | "سرگروه" | "سر گروه" | "leader" | "ok" => Some(true),
        _ => None,
    }
}

fn kind_of(raw: &str) -> Option<Kind> {
    let k = normalize_fa(raw);
    if k.is_empty() {
        return None;
    }
    if let Some(kind) = Kind::parse(&k) {
        return Some(kind);
    }
    let has = |words: &[&str]| words.iter().any(|w| k.contains(&normalize_fa(w)));
    Some(if has(&["محله", "محلی", "neighbo", "شورایاری"]) {
        Kind::Neighbourhood
    } else if has(&["مدرسه", "دبستان", "دبیرستان", "هنرستان", "school"]) {
        Kind::School
    } else if has(&["دانشگاه", "دانشکده", "university", "college"]) {
        Kind::University
    } else if has(&["مسجد", "هیئت", "هیات", "mosque"]) {
        Kind::Mosque
    } else if has(&["سمن", "خیریه", "انجمن", "موسسه", "مؤسسه", "ngo", "charity"])
    {
        Kind::Ngo
    } else if has(&["خانواده", "خانوادگی", "family"]) {
        Kind::Family
    } else if has(&["سایر", "دیگر", "other"]) {
        Kind::Other
    } else {
        return None;
    })
}

/// The file's name without folders and extension.
fn stem(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let s = match base.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => base,
    };
    tidy(&s.replace(['_'], " "))
}

/// Data rows with their fields, before any check.
struct Raw {
    row: usize,
    group: String,
    full_name: String,
    national_id: String,
    mobile: String,
    birth: String,
    leader: String,
    kind: String,
    step_free: String,
    ppe: String,
}

/// The header row: the first of the first ten rows with two or more known headers, a
/// remembered mapping, or a header named in the hand mapping; else the first row.
fn header_row(conn: &Connection, table: &Table, mapping: &[(ColumnRef, Field)]) -> Result<usize> {
    let named: Vec<String> = mapping
        .iter()
        .filter_map(|(c, _)| match c {
            ColumnRef::Header(h) => Some(headers::header_key(h)),
            ColumnRef::Index(_) => None,
        })
        .collect();
    for (i, (_, row)) in table.rows.iter().take(10).enumerate() {
        if headers::recognised_count(row) >= 2
            || row.iter().any(|c| named.contains(&headers::header_key(c)))
            || !headers::remembered(conn, row)?.is_empty()
        {
            return Ok(i);
        }
    }
    Ok(0)
}

fn analyse(
    conn: &Connection,
    table: &Table,
    sha: &str,
    opts: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Preview> {
    if table.rows.is_empty() {
        return Err(Error::invalid(
            "file",
            "پرونده هیچ ردیفی ندارد",
            "the file has no rows",
        ));
    }
    let h = header_row(conn, table, &opts.mapping)?;
    let width = table.rows[h..]
        .iter()
        .map(|(_, r)| r.len())
        .max()
        .unwrap_or(0);
    let mut header_cells = table.rows[h].1.clone();
    header_cells.resize(width, String::new());
    let mapped = headers::resolve_mapping(&header_cells, &opts.mapping)?;
    let remembered = headers::remembered(conn, &header_cells)?;
    let columns = headers::columns(&header_cells, &mapped, &remembered);
    let col = |f: Field| columns.iter().find(|c| c.field == Some(f)).map(|c| c.index);
    if col(Field::FullName).is_none()
        && col(Field::FirstName).is_none()
        && col(Field::LastName).is_none()
    {
        let list_fa: Vec<String> = header_cells
            .iter()
            .enumerate()
            .map(|(i, x)| format!("{}: «{}»", fa(i + 1), x))
            .collect();
        let list_en: Vec<String> = header_cells
            .iter()
            .enumerate()
            .map(|(i, x)| format!("{}: “{}”", i + 1, x))
            .collect();
        return Err(Error::invalid(
            "columns",
            format!(
                "ستون نام شناخته نشد؛ ستون‌ها را دستی نگاشت کنید (مثلاً ستون ۲ = نام و نام خانوادگی). ستون‌های پرونده: {}",
                list_fa.join("، ")
            ),
            format!(
                "no name column was recognised; map the columns by hand (e.g. 2=fullName). The file's columns: {}",
                list_en.join(", ")
            ),
        ));
    }
    let cell = |r: &[String], f: Field| {
        col(f)
            .and_then(|i| r.get(i))
            .map(|s| tidy(s))
            .unwrap_or_default()
    };
    let default_group = opts
        .default_group
        .as_deref()
        .map(tidy)
        .filter(|s| !s.is_empty())
        .or_else(|| Some(stem(&opts.file_name)).filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "گروه وارد شده".to_string());

    // 1. Fields of every row; a blank group cell continues the group above.
    let mut raws = Vec::with_capacity(table.rows.len() - h - 1);
    let mut current_group = default_group.clone();
    for (number, r) in &table.rows[h + 1..] {
        let g = cell(r, Field::Group);
        if !g.is_empty() {
            current_group = g;
        }
        let mut full = cell(r, Field::FullName);
        if full.is_empty() {
            full = tidy(&format!(
                "{} {}",
                cell(r, Field::FirstName),
                cell(r, Field::LastName)
            ));
        }
        raws.push(Raw {
            row: *number,
            group: current_group.clone(),
            full_name: full,
            national_id: cell(r, Field::NationalId),
            mobile: cell(r, Field::Mobile),
            birth: cell(r, Field::Birth),
            leader: cell(r, Field::Leader),
            kind: cell(r, Field::Kind),
            step_free: cell(r, Field::StepFree),
            ppe: cell(r, Field::PpeSizes),
        });
    }

    // 2. Each row on its own, and duplicates inside the file.
    let total = raws.len();
    let mut rows: Vec<RowReport> = Vec::with_capacity(total);
    let mut leader_marks: Vec<Option<bool>> = Vec::with_capacity(total);
    let mut seen_nid: HashMap<String, usize> = HashMap::new();
    let mut seen_person: HashMap<(String, String, String), usize> = HashMap::new();
    for (i, raw) in raws.iter().enumerate() {
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        if raw.full_name.is_empty() {
            problems.push(problem(
                ProblemKind::MissingName,
                "fullName",
                "نام و نام خانوادگی لازم است",
                "the full name is missing",
            ));
        } else if raw.full_name.chars().count() > 120 {
            problems.push(problem(
                ProblemKind::NameTooLong,
                "fullName",
                "نام حداکثر ۱۲۰ نویسه است",
                "a name is at most 120 characters",
            ));
        }
        let mut national_id = raw.national_id.clone();
        if !raw.national_id.is_empty() {
            match NationalId::parse(&raw.national_id) {
                Ok(id) => {
                    national_id = id.as_str().to_string();
                    if let Some(&first) = seen_nid.get(&national_id) {
                        problems.push(problem(
                            ProblemKind::DuplicateInFile,
                            "nationalId",
                            format!("این کد ملی در ردیف {} همین پرونده هم آمده است", fa(first)),
                            format!("this national ID is also on row {first} of this file"),
                        ));
                    } else {
                        seen_nid.insert(national_id.clone(), raw.row);
                    }
                }
                Err(e) => problems.push(Problem {
                    kind: ProblemKind::InvalidNationalId,
                    field: "nationalId",
                    why: explanation(&e),
                }),
            }
        }
        let mut mobile = raw.mobile.clone();
        if !raw.mobile.is_empty() {
            match Mobile::parse(&raw.mobile) {
                Ok((m, warning)) => {
                    mobile = m.as_str().to_string();
                    if let Some(w) = warning {
                        warnings.push(Problem {
                            kind: ProblemKind::UnfamiliarMobilePrefix,
                            field: "mobile",
                            why: w,
                        });
                    }
                }
                Err(e) => problems.push(Problem {
                    kind: ProblemKind::InvalidMobile,
                    field: "mobile",
                    why: explanation(&e),
                }),
            }
        }
        if raw.national_id.is_empty() && !raw.full_name.is_empty() {
            let key = (
                normalize_fa(&raw.group),
                normalize_fa(&raw.full_name),
                mobile.clone(),
            );
            if let Some(&first) = seen_person.get(&key) {
                problems.push(problem(
                    ProblemKind::DuplicateInFile,
                    "fullName",
                    format!(
                        "همین نام و شماره در ردیف {} همین گروه هم آمده است",
                        fa(first)
                    ),
                    format!("the same name and mobile are also on row {first} of this group"),
                ));
            } else {
                seen_person.insert(key, raw.row);
            }
        }
        let birth_year = match birth_year(&raw.birth) {
            Ok(y) => y,
            Err(why) => {
                problems.push(Problem {
                    kind: ProblemKind::InvalidBirth,
                    field: "birth",
                    why,
                });
                None
            }
        };
        let mut yes_no = |raw: &str, field: &'static str, label_fa: &str| -> Option<bool> {
            let v = flag(raw);
            if v.is_none() {
                warnings.push(problem(
                    ProblemKind::UnclearValue,
                    field,
                    format!("«{raw}» در ستون {label_fa} بله یا خیر خوانده نشد؛ خیر گرفته شد"),
                    format!(
                        "“{raw}” in the {field} column reads as neither yes nor no; taken as no"
                    ),
                ));
            }
            v
        };
        let leader_mark = yes_no(&raw.leader, "leader", "سرگروه");
        let step_free = yes_no(&raw.step_free, "stepFree", "دسترسی بی‌پله").unwrap_or(false);
        leader_marks.push(leader_mark);
        rows.push(RowReport {
            row: raw.row,
            group: raw.group.clone(),
            full_name: raw.full_name.clone(),
            national_id,
            mobile,
            birth_year,
            leader: false,
            step_free,
            ppe_sizes: raw.ppe.chars().take(100).collect(),
            status: if problems.is_empty() {
                RowStatus::New
            } else {
                RowStatus::Rejected
            },
            problems,
            warnings,
        });
        progress(Progress {
            stage: Stage::Checking,
            done: i + 1,
            total,
        });
    }

    // 3. Against the database: existing groups and members, national IDs held elsewhere.
    let mut existing_groups: HashMap<String, GroupId> = HashMap::new();
    {
        let mut st = conn.prepare("SELECT id, name FROM groups ORDER BY id")?;
        let list = st.query_map([], |r| {
            Ok((r.get::<_, GroupId>(0)?, r.get::<_, String>(1)?))
        })?;
        for item in list {
            let (id, name) = item?;
            existing_groups.entry(normalize_fa(&name)).or_insert(id);
        }
    }
    let mut members_of: HashMap<GroupId, (HashSet<String>, HashSet<String>)> = HashMap::new();
    let mut holder = conn.prepare(
        "SELECT g.name, m.full_name FROM members m JOIN groups g ON g.id = m.group_id
         WHERE m.national_id = ?1 ORDER BY g.id LIMIT 1",
    )?;
    for r in rows.iter_mut().filter(|r| r.status != RowStatus::Rejected) {
        let nid = (!r.national_id.is_empty()).then_some(r.national_id.as_str());
        if let Some(&gid) = existing_groups.get(&normalize_fa(&r.group)) {
            if let std::collections::hash_map::Entry::Vacant(slot) = members_of.entry(gid) {
                let mut st = conn.prepare_cached(
                    "SELECT national_id, full_name FROM members WHERE group_id = ?1",
                )?;
                let mut ids = HashSet::new();
                let mut names = HashSet::new();
                for m in st.query_map([gid], |x| {
                    Ok((x.get::<_, Option<String>>(0)?, x.get::<_, String>(1)?))
                })? {
                    let (n, name) = m?;
                    if let Some(n) = n {
                        ids.insert(n);
                    }
                    names.insert(normalize_fa(&name));
                }
                slot.insert((ids, names));
            }
            let (ids, names) = &members_of[&gid];
            let there = match nid {
                Some(n) => ids.contains(n),
                None => names.contains(&normalize_fa(&r.full_name)),
            };
            if there {
                r.status = RowStatus::Existing;
                continue;
            }
            r.problems.push(problem(
                ProblemKind::GroupExists,
                "group",
                format!(
                    "گروه «{}» از پیش در پایگاه داده هست و این عضو را ندارد؛ عضو را در صفحه‌ی همان گروه بیفزایید یا نام گروه را در پرونده تغییر دهید",
                    r.group
                ),
                format!(
                    "the group “{}” already exists without this member; add the member on the group's page, or rename the group in the file",
                    r.group
                ),
            ));
            r.status = RowStatus::Rejected;
        }
        if let Some(n) = nid {
            let other: Option<(String, String)> = holder
                .query_row([n], |x| Ok((x.get(0)?, x.get(1)?)))
                .optional()?;
            if let Some((gname, mname)) = other {
                r.problems.push(problem(
                    ProblemKind::DuplicateExisting,
                    "nationalId",
                    format!("این کد ملی از پیش در گروه «{gname}» ({mname}) هست"),
                    format!("this national ID is already in the group “{gname}” ({mname})"),
                ));
                r.status = RowStatus::Rejected;
            }
        }
    }
    drop(holder);

    // 4. New groups: size, leader, name.
    let mut order: Vec<String> = Vec::new();
    let mut by_group: HashMap<String, Vec<usize>> = HashMap::new();
    let mut kinds: HashMap<String, Kind> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        let key = normalize_fa(&r.group);
        if !kinds.contains_key(&key) {
            if let Some(k) = kind_of(&raws[i].kind) {
                kinds.insert(key.clone(), k);
            }
        }
        if r.status != RowStatus::New {
            continue;
        }
        by_group
            .entry(key.clone())
            .or_insert_with(|| {
                order.push(key.clone());
                Vec::new()
            })
            .push(i);
    }
    let has_leader_column = col(Field::Leader).is_some();
    let mut groups = Vec::new();
    for key in order {
        let members = &by_group[&key];
        let name = rows[members[0]].group.clone();
        let mut reject: Option<Problem> = None;
        if name.chars().count() > 150 {
            reject = Some(problem(
                ProblemKind::GroupInvalid,
                "group",
                "نام گروه حداکثر ۱۵۰ نویسه است",
                "a group's name is at most 150 characters",
            ));
        } else if members.len() > MAX_MEMBERS {
            reject = Some(problem(
                ProblemKind::GroupInvalid,
                "group",
                format!(
                    "گروه «{name}» {} عضو دارد؛ یک گروه حداکثر {} نفر است (ستون نام گروه را پر کنید)",
                    fa(members.len()),
                    fa(MAX_MEMBERS)
                ),
                format!(
                    "the group “{name}” has {} members; a group has at most {MAX_MEMBERS} (fill in the group column)",
                    members.len()
                ),
            ));
        }
        let with_mobile = |i: &usize| !rows[*i].mobile.is_empty();
        let marked: Vec<usize> = members
            .iter()
            .copied()
            .filter(|i| leader_marks[*i] == Some(true))
            .collect();
        let leader = marked
            .iter()
            .copied()
            .find(with_mobile)
            .or_else(|| members.iter().copied().find(with_mobile));
        if reject.is_none() && leader.is_none() {
            reject = Some(problem(
                ProblemKind::GroupInvalid,
                "group",
                format!(
                    "هیچ عضو گروه «{name}» شماره‌ی همراه ندارد؛ سرگروه باید شماره‌ی همراه داشته باشد"
                ),
                format!("no member of the group “{name}” has a mobile; the leader needs one"),
            ));
        }
        if let Some(p) = reject {
            for &i in members {
                rows[i].problems.push(p.clone());
                rows[i].status = RowStatus::Rejected;
            }
            continue;
        }
        let Some(leader) = leader else { continue };
        rows[leader].leader = true;
        for &i in &marked {
            if i != leader {
                let lead = rows[leader].row;
                rows[i].warnings.push(problem(
                    ProblemKind::LeaderExtra,
                    "leader",
                    format!(
                        "سرگروه این گروه ردیف {} است؛ این ردیف عضو عادی وارد می‌شود",
                        fa(lead)
                    ),
                    format!("row {lead} is this group's leader; this row is imported as a member"),
                ));
            }
        }
        if has_leader_column && !marked.contains(&leader) {
            rows[leader].warnings.push(problem(
                ProblemKind::LeaderChosen,
                "leader",
                "سرگروهی با شماره‌ی همراه علامت نخورده بود؛ نخستین عضو دارای شماره‌ی همراه سرگروه شد",
                "no leader with a mobile was marked; the first member with a mobile is the leader",
            ));
        }
        groups.push(NewGroup {
            name,
            kind: kinds.get(&key).copied().unwrap_or(opts.kind),
            rows: members.clone(),
        });
    }

    let mut notes = table.notes.clone();
    if !has_leader_column {
        notes.push(Explanation::new(
            "ستون سرگروه نیست: سرگروه هر گروه نخستین عضو دارای شماره‌ی همراه است",
            "no leader column: each group's leader is its first member with a mobile",
        ));
    }
    if col(Field::Group).is_none() {
        notes.push(Explanation::new(
            format!("ستون نام گروه نیست: همه‌ی ردیف‌ها یک گروه به نام «{default_group}» می‌شوند"),
            format!("no group column: every row joins one group named “{default_group}”"),
        ));
    }
    let previous = conn
        .query_row(
            "SELECT imported_at, file_name, members_added FROM import_files WHERE sha256 = ?1 ORDER BY id DESC LIMIT 1",
            [sha],
            |r| {
                Ok(PreviousImport {
                    at: r.get(0)?,
                    file_name: r.get(1)?,
                    members_added: r.get(2)?,
                })
            },
        )
        .optional()?;
    Ok(Preview {
        file_name: opts.file_name.clone(),
        sha256: sha.to_string(),
        kind: table.kind.clone(),
        header_row: table.rows[h].0,
        headers: header_cells,
        columns,
        rows,
        groups,
        notes,
        previous,
        mapped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birth_years_and_dates_in_either_calendar_and_any_digits() {
        let ok = [
            ("1365", 1365),
            ("۱۳۶۵", 1365),
            ("١٣٦٥", 1365),
            ("1986", 1365),
            ("1365/04/12", 1365),
            ("۱۳۶۵/۴/۱۲", 1365),
            ("12/04/1365", 1365),
            ("1986-07-03", 1365),
            ("1986-01-10", 1364),
            ("03.07.1986", 1365),
            ("07/25/1986", 1365),
            ("1986-07-03T00:00:00", 1365),
            ("1986-07-03 00:00:00", 1365),
            ("13650412", 1365),
            ("۱۲ تیر ۱۳۶۵", 1365),
        ];
        for (s, y) in ok {
            assert_eq!(birth_year(s), Ok(Some(y)), "{s}");
        }
        assert_eq!(birth_year("  "), Ok(None));
        for s in [
            "65",
            "1404/12/30",
            "1986-02-30",
            "1100",
            "2300",
            "سال",
            "1365/13/01",
            "12/12/12",
        ] {
            assert!(birth_year(s).is_err(), "{s} must be refused");
        }
    }

    #[test]
    fn flags_kinds_and_text() {
        assert_eq!(flag("بله"), Some(true));
        assert_eq!(flag("✓"), Some(true));
        assert_eq!(flag(""), Some(false));
        assert_eq!(flag("خیر"), Some(false));
        assert_eq!(flag("شاید"), None);
        assert_eq!(kind_of("مدرسه‌ی شهید بهشتی"), Some(Kind::School));
        assert_eq!(kind_of("family"), Some(Kind::Family));
        assert_eq!(kind_of("سمن"), Some(Kind::Ngo));
        assert_eq!(tidy("  علي   كاظمي\u{200F} "), "علی کاظمی");
        assert_eq!(stem("C:\\lists\\school_list.xlsx"), "school list");
    }
}
