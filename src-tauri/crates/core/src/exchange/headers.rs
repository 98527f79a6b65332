//! Column headers: which field each column holds, recognised from Persian and English
//! headers and their usual variants (Arabic letter forms, ZWNJ, extra spaces and
//! punctuation tolerated), or mapped by hand; a hand mapping is remembered in the database
//! under the file's header row.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::persian::digits::to_persian;
use crate::persian::normalize_fa;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    FullName,
    FirstName,
    LastName,
    NationalId,
    Mobile,
    /// Birth year or full birth date, Solar Hijri or Gregorian.
    Birth,
    /// The group's name: rows with the same name form one group.
    Group,
    /// Marks the group's leader (بله، ✓، 1، yes…).
    Leader,
    /// The group's kind (مدرسه، مسجد، خانواده…).
    Kind,
    /// Needs step-free access.
    StepFree,
    PpeSizes,
    /// A column to leave out (a row number, a note nobody needs).
    Ignore,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::FullName,
        Field::FirstName,
        Field::LastName,
        Field::NationalId,
        Field::Mobile,
        Field::Birth,
        Field::Group,
        Field::Leader,
        Field::Kind,
        Field::StepFree,
        Field::PpeSizes,
        Field::Ignore,
    ];

    /// The stable name (JSON, the CLI's `--map`, the remembered mapping).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::FullName => "fullName",
            Field::FirstName => "firstName",
            Field::LastName => "lastName",
            Field::NationalId => "nationalId",
            Field::Mobile => "mobile",
            Field::Birth => "birth",
            Field::Group => "group",
            Field::Leader => "leader",
            Field::Kind => "kind",
            Field::StepFree => "stepFree",
            Field::PpeSizes => "ppeSizes",
            Field::Ignore => "ignore",
        }
    }

    pub fn label_fa(self) -> &'static str {
        match self {
            Field::FullName => "نام و نام خانوادگی",
            Field::FirstName => "نام",
            Field::LastName => "نام خانوادگی",
            Field::NationalId => "کد ملی",
            Field::Mobile => "تلفن همراه",
            Field::Birth => "سال یا تاریخ تولد",
            Field::Group => "نام گروه",
            Field::Leader => "سرگروه",
            Field::Kind => "نوع گروه",
            Field::StepFree => "نیاز به دسترسی بی‌پله",
            Field::PpeSizes => "اندازه‌ی تجهیزات ایمنی",
            Field::Ignore => "نادیده",
        }
    }

    /// A field named by its stable name (any case, `_`/`-` ignored) or by any header that
    /// would be recognised as it (`کد ملی`, `mobile`…).
    pub fn parse(s: &str) -> Result<Field> {
        let key: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(f) = Field::ALL
            .into_iter()
            .find(|f| f.as_str().to_ascii_lowercase() == key)
        {
            return Ok(f);
        }
        if matches!(key.as_str(), "skip" | "none" | "نادیده") {
            return Ok(Field::Ignore);
        }
        recognise(s).ok_or_else(|| {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
            Error::invalid(
                "mapping",
                format!("ستون «{s}» شناخته نیست؛ یکی از: {}", names.join("، ")),
                format!("unknown field “{s}”; use one of: {}", names.join(", ")),
            )
        })
    }
}

/// The key a header is compared by: `normalize_fa` (Arabic letter forms, ZWNJ, digits,
/// case), then only letters and digits (spaces and punctuation such as `:`, `*`, `()`,
/// `_` dropped).
pub fn header_key(header: &str) -> String {
    normalize_fa(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Known headers per field, as written; compared through `header_key`.
const KNOWN: &[(Field, &[&str])] = &[
    (
        Field::FullName,
        &[
            "نام و نام خانوادگی",
            "نام ونام خانوادگی",
            "نام و نام‌خانوادگی",
            "نام و فامیل",
            "نام و فامیلی",
            "اسم و فامیل",
            "نام کامل",
            "نام عضو",
            "نام شرکت کننده",
            "نام شرکت‌کننده",
            "نام بازدیدکننده",
            "نام مسافر",
            "مشخصات",
            "full name",
            "fullname",
            "name",
            "member",
            "member name",
            "participant",
            "visitor",
            "passenger",
        ],
    ),
    (
        Field::FirstName,
        &[
            "نام",
            "اسم",
            "نام کوچک",
            "first name",
            "firstname",
            "given name",
            "forename",
        ],
    ),
    (
        Field::LastName,
        &[
            "نام خانوادگی",
            "نام‌خانوادگی",
            "فامیل",
            "فامیلی",
            "last name",
            "lastname",
            "surname",
            "family name",
            "family",
        ],
    ),
    (
        Field::NationalId,
        &[
            "کد ملی",
            "کدملی",
            "شماره ملی",
            "شناسه ملی",
            "کد ملی عضو",
            "شماره کارت ملی",
            "national id",
            "national code",
            "nationalid",
            "national number",
            "melli code",
            "code melli",
            "nid",
        ],
    ),
    (
        Field::Mobile,
        &[
            "تلفن همراه",
            "موبایل",
            "شماره همراه",
            "شماره موبایل",
            "شماره تلفن همراه",
            "همراه",
            "تلفن",
            "شماره تماس",
            "شماره تلفن",
            "تلفن تماس",
            "mobile",
            "mobile number",
            "cell",
            "cellphone",
            "cell phone",
            "phone",
            "phone number",
            "tel",
            "telephone",
        ],
    ),
    (
        Field::Birth,
        &[
            "سال تولد",
            "تاریخ تولد",
            "تولد",
            "سال تولد شمسی",
            "تاریخ تولد شمسی",
            "birth year",
            "year of birth",
            "birth date",
            "birthdate",
            "date of birth",
            "dob",
            "birthday",
            "born",
        ],
    ),
    (
        Field::Group,
        &[
            "نام گروه",
            "گروه",
            "عنوان گروه",
            "نام تشکل",
            "نام مجموعه",
            "group",
            "group name",
            "team",
        ],
    ),
    (
        Field::Leader,
        &[
            "سرگروه",
            "سر گروه",
            "مسئول گروه",
            "مسوول گروه",
            "سرپرست",
            "سرپرست گروه",
            "leader",
            "group leader",
            "is leader",
            "head",
        ],
    ),
    (
        Field::Kind,
        &[
            "نوع گروه",
            "نوع",
            "نوع تشکل",
            "kind",
            "group kind",
            "type",
            "group type",
        ],
    ),
    (
        Field::StepFree,
        &[
            "دسترسی بی پله",
            "دسترسی بدون پله",
            "نیاز به دسترسی بی پله",
            "نیاز به دسترسی بدون پله",
            "بدون پله",
            "ویلچر",
            "صندلی چرخدار",
            "معلولیت",
            "step free",
            "stepfree",
            "step-free access",
            "wheelchair",
            "accessibility",
        ],
    ),
    (
        Field::PpeSizes,
        &[
            "اندازه",
            "سایز",
            "اندازه لباس",
            "اندازه تجهیزات",
            "اندازه تجهیزات ایمنی",
            "سایز لباس",
            "ppe",
            "ppe sizes",
            "ppe size",
            "size",
            "sizes",
        ],
    ),
    (
        Field::Ignore,
        &[
            "ردیف",
            "شماره ردیف",
            "ش",
            "#",
            "row",
            "no",
            "number",
            "index",
            "توضیحات",
            "notes",
        ],
    ),
];

fn known() -> &'static HashMap<String, Field> {
    static MAP: std::sync::OnceLock<HashMap<String, Field>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for (field, names) in KNOWN {
            for n in *names {
                m.entry(header_key(n)).or_insert(*field);
            }
        }
        m
    })
}

/// The field a header names, if it is one of the known headers.
pub fn recognise(header: &str) -> Option<Field> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    known().get(&key).copied()
}

/// A column named in a hand mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    /// 0-based position (the CLI takes 1-based numbers and converts).
    Index(usize),
    /// The header as written in the file (compared through `header_key`).
    Header(String),
}

impl ColumnRef {
    /// `3` (1-based, as people count columns), `C` (a spreadsheet letter), or a header.
    pub fn parse_human(s: &str) -> ColumnRef {
        let t = crate::persian::digits::to_latin(s.trim());
        if let Ok(n) = t.parse::<usize>() {
            if n >= 1 {
                return ColumnRef::Index(n - 1);
            }
        }
        if (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase()) {
            let n = t
                .chars()
                .fold(0usize, |acc, c| acc * 26 + (c as usize - 'A' as usize + 1));
            return ColumnRef::Index(n - 1);
        }
        ColumnRef::Header(s.trim().to_string())
    }
}

/// `COLUMN=FIELD` as the CLI's `--map` takes it: `3=nationalId`, `شماره شناسنامه=ignore`,
/// `D=کد ملی`.
pub fn parse_mapping(s: &str) -> Result<(ColumnRef, Field)> {
    let Some((col, field)) = s.rsplit_once('=') else {
        return Err(Error::invalid(
            "mapping",
            format!("«{s}» به شکل ستون=فیلد نیست (مثلاً 3=nationalId)"),
            format!("“{s}” is not COLUMN=FIELD (e.g. 3=nationalId)"),
        ));
    };
    if col.trim().is_empty() {
        return Err(Error::invalid(
            "mapping",
            format!("در «{s}» ستون نیامده است"),
            format!("“{s}” names no column"),
        ));
    }
    Ok((ColumnRef::parse_human(col), Field::parse(field)?))
}

/// How a column's field was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// From its header.
    Recognised,
    /// Mapped by hand in this import.
    Mapped,
    /// Mapped by hand in an earlier import of a file with the same header row.
    Remembered,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Recognised => "recognised",
            Source::Mapped => "mapped",
            Source::Remembered => "remembered",
        }
    }
}

/// One column of the file and what it was taken as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// 0-based.
    pub index: usize,
    pub header: String,
    /// None: not recognised (and not used).
    pub field: Option<Field>,
    pub source: Option<Source>,
}

/// The key a header row is remembered under: each header's key, joined.
pub fn row_key(headers: &[String]) -> String {
    let mut cells: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells.join("|")
}

/// The mapping remembered for a header row: 0-based column → field.
pub fn remembered(conn: &Connection, headers: &[String]) -> Result<HashMap<usize, Field>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT mapping FROM import_mappings WHERE header_key = ?1",
            [row_key(headers)],
            |r| r.get(0),
        )
        .optional()?;
    let mut out = HashMap::new();
    if let Some(Ok(serde_json::Value::Object(m))) = json.map(|j| serde_json::from_str(&j)) {
        for (k, v) in m {
            if let (Ok(i), Some(f)) = (
                k.parse::<usize>(),
                v.as_str().and_then(|s| Field::parse(s).ok()),
            ) {
                out.insert(i, f);
            }
        }
    }
    Ok(out)
}

/// Remember a hand mapping (0-based column → field) for files with this header row,
/// merged over what was remembered before. Call inside the write that uses it.
pub fn remember(
    conn: &Connection,
    headers: &[String],
    mapping: &HashMap<usize, Field>,
    at: &str,
) -> Result<()> {
    if mapping.is_empty() {
        return Ok(());
    }
    let mut all = remembered(conn, headers)?;
    all.extend(mapping.iter().map(|(k, v)| (*k, *v)));
    let obj: serde_json::Map<String, serde_json::Value> = all
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(v.as_str())))
        .collect();
    conn.execute(
        "INSERT INTO import_mappings (header_key, mapping, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (header_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
        params![row_key(headers), serde_json::Value::Object(obj).to_string(), at],
    )?;
    Ok(())
}

/// Resolve the hand mapping against the header row: 0-based column → field. A column or
/// header that is not in the file, or two columns mapped to one field, is refused.
pub fn resolve_mapping(
    headers: &[String],
    mapping: &[(ColumnRef, Field)],
) -> Result<HashMap<usize, Field>> {
    let mut out: HashMap<usize, Field> = HashMap::new();
    for (col, field) in mapping {
        let index = match col {
            ColumnRef::Index(i) if *i < headers.len().max(1) => *i,
            ColumnRef::Index(i) => {
                return Err(Error::invalid(
                    "mapping",
                    format!(
                        "ستون {} در پرونده نیست (پرونده {} ستون دارد)",
                        to_persian(&(i + 1).to_string()),
                        to_persian(&headers.len().to_string())
                    ),
                    format!(
                        "there is no column {} (the file has {})",
                        i + 1,
                        headers.len()
                    ),
                ))
            }
            ColumnRef::Header(h) => {
                let key = header_key(h);
                headers
                    .iter()
                    .position(|x| header_key(x) == key && !key.is_empty())
                    .ok_or_else(|| {
                        Error::invalid(
                            "mapping",
                            format!("ستونی با سرستون «{h}» در پرونده نیست"),
                            format!("no column is headed “{h}”"),
                        )
                    })?
            }
        };
        out.insert(index, *field);
    }
    let mut seen: HashMap<Field, usize> = HashMap::new();
    let mut sorted: Vec<(&usize, &Field)> = out.iter().collect();
    sorted.sort();
    for (i, f) in sorted {
        if *f == Field::Ignore {
            continue;
        }
        if let Some(first) = seen.insert(*f, *i) {
            return Err(Error::invalid(
                "mapping",
                format!(
                    "ستون‌های {} و {} هر دو «{}» گرفته شده‌اند",
                    to_persian(&(first + 1).to_string()),
                    to_persian(&(i + 1).to_string()),
                    f.label_fa()
                ),
                format!(
                    "columns {} and {} are both mapped to {}",
                    first + 1,
                    i + 1,
                    f.as_str()
                ),
            ));
        }
    }
    Ok(out)
}

/// Decide every column: the hand mapping first, then the remembered one, then the header.
/// A field claimed by an earlier (or hand-mapped) column leaves later columns unused.
pub fn columns(
    headers: &[String],
    mapped: &HashMap<usize, Field>,
    remembered: &HashMap<usize, Field>,
) -> Vec<Column> {
    let mut cols: Vec<Column> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let (field, source) = if let Some(f) = mapped.get(&i) {
                (Some(*f), Some(Source::Mapped))
            } else if let Some(f) = remembered.get(&i) {
                (Some(*f), Some(Source::Remembered))
            } else if let Some(f) = recognise(h) {
                (Some(f), Some(Source::Recognised))
            } else {
                (None, None)
            };
            Column {
                index: i,
                header: h.clone(),
                field,
                source,
            }
        })
        .collect();
    // Hand-mapped columns win; then the first column claiming a field.
    let mut taken: HashMap<Field, usize> = HashMap::new();
    for c in cols.iter().filter(|c| c.source == Some(Source::Mapped)) {
        if let Some(f) = c.field.filter(|f| *f != Field::Ignore) {
            taken.insert(f, c.index);
        }
    }
    for c in cols.iter_mut() {
        if c.source == Some(Source::Mapped) {
            continue;
        }
        if let Some(f) = c.field.filter(|f| *f != Field::Ignore) {
            match taken.get(&f) {
                Some(&owner) if owner != c.index => {
                    c.field = None;
                    c.source = None;
                }
                _ => {
                    taken.insert(f, c.index);
                }
            }
        }
    }
    cols
}

/// How many cells of a row are known headers: used to find the header row under a title.
pub fn recognised_count(row: &[String]) -> usize {
    row.iter()
        .filter(|h| recognise(h).is_some_and(|f| f != Field::Ignore))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_in_their_usual_variants() {
        let cases = [
            ("نام و نام خانوادگی", Field::FullName),
            ("  نام  و  نام‌خانوادگی : ", Field::FullName),
            ("نام", Field::FirstName),
            ("نام خانوادگي", Field::LastName),
            ("كد ملي", Field::NationalId),
            ("کد‌ملی*", Field::NationalId),
            ("شماره ملی", Field::NationalId),
            ("تلفن همراه", Field::Mobile),
            ("موبایل", Field::Mobile),
            ("شماره همراه", Field::Mobile),
            ("سال تولد", Field::Birth),
            ("تاريخ تولد", Field::Birth),
            ("نام گروه", Field::Group),
            ("سرگروه", Field::Leader),
            ("سر گروه", Field::Leader),
            ("National ID", Field::NationalId),
            ("Mobile Number", Field::Mobile),
            ("Full_Name", Field::FullName),
            ("Date of Birth", Field::Birth),
            ("ردیف", Field::Ignore),
        ];
        for (h, f) in cases {
            assert_eq!(recognise(h), Some(f), "{h}");
        }
        assert_eq!(recognise("شماره شناسنامه"), None);
        assert_eq!(recognise(""), None);
    }

    #[test]
    fn hand_mappings_win_and_two_columns_cannot_take_one_field() {
        let headers: Vec<String> = ["نام و نام خانوادگی", "کد", "موبایل", "تلفن"]
            .map(String::from)
            .to_vec();
        let m = resolve_mapping(&headers, &[parse_mapping("2=nationalId").unwrap()]).unwrap();
        let cols = columns(&headers, &m, &HashMap::new());
        assert_eq!(cols[1].field, Some(Field::NationalId));
        assert_eq!(cols[1].source, Some(Source::Mapped));
        assert_eq!(cols[2].field, Some(Field::Mobile));
        assert_eq!(
            cols[3].field, None,
            "the second phone column is left unused"
        );
        let m = resolve_mapping(&headers, &[parse_mapping("تلفن=mobile").unwrap()]).unwrap();
        let cols = columns(&headers, &m, &HashMap::new());
        assert_eq!(cols[3].field, Some(Field::Mobile));
        assert_eq!(
            cols[2].field, None,
            "a hand mapping takes the field from a recognised column"
        );
        assert!(resolve_mapping(
            &headers,
            &[
                parse_mapping("1=mobile").unwrap(),
                parse_mapping("D=mobile").unwrap()
            ]
        )
        .is_err());
        assert!(resolve_mapping(&headers, &[parse_mapping("9=mobile").unwrap()]).is_err());
        assert!(parse_mapping("3=colour").is_err());
        assert_eq!(
            parse_mapping("C=کد ملی").unwrap(),
            (ColumnRef::Index(2), Field::NationalId)
        );
        assert_eq!(
            parse_mapping("۳=mobile").unwrap(),
            (ColumnRef::Index(2), Field::Mobile)
        );
    }
}
