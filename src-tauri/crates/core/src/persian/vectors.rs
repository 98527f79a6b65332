//! The shared vectors: what the core says about dates, digits and search keys, written to
//! `ui/src/lib/dates/persian-vectors.json` so the UI's helpers are tested against the
//! core's answers. The test `vectors_file_is_fresh` fails when the file is stale
//! (`UPDATE_VECTORS=1 cargo test -p gardesh-core vectors` rewrites it). Test-only.

use super::calendar::{days_in_month, is_leap_year, JalaliDate, Style};
use super::digits::format_int_fa;
use super::normalize::normalize_fa;

fn esc(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

fn ymd(d: JalaliDate) -> String {
    format!("[{}, {}, {}]", d.year(), d.month(), d.day())
}

/// Dates worth checking: month and year ends, leap days, the programme's season, and a
/// day every 97 days across 1300–1500.
fn sample_dates() -> Vec<JalaliDate> {
    let mut out = Vec::new();
    for y in [
        1300, 1357, 1399, 1400, 1403, 1404, 1405, 1406, 1408, 1499, 1500,
    ] {
        for m in 1..=12u8 {
            for d in [1, days_in_month(y, m)] {
                if let Ok(j) = JalaliDate::new(y, m, d) {
                    out.push(j);
                }
            }
        }
    }
    if let Ok(mut d) = JalaliDate::new(1300, 1, 1) {
        while let Ok(next) = d.add_days(97) {
            if next.year() > 1500 {
                break;
            }
            out.push(next);
            d = next;
        }
    }
    out.sort();
    out.dedup();
    out
}

const NORMALIZE_CASES: &[&str] = &[
    "علي كاظمي",
    "مُحَمَّد",
    "۱۴۰۵",
    "١٤٠٥",
    "می\u{200C}روم",
    "خانهٔ",
    "خانۀ",
    "مدرسة",
    "أحمد إبراهيم",
    "آرش",
    "مؤسسه",
    "کـــاوه",
    "  SHAHED\tStation  ",
    "\u{2067}پل\u{2069}\u{200F}",
    "\u{FEFF}سی\u{00AD}وسه",
    "قرآن",
];

const PARSE_CASES: &[&str] = &[
    "1405/10/01",
    "۱۴۰۵-۱۰-۱",
    "1405/1/1",
    "١٤٠٥/٠١/٠١",
    " 1405.9.8 ",
    "1404/12/30",
    "1403/12/30",
    "1405/07/31",
    "1405/13/01",
    "05/10/01",
    "abc",
    "",
];

/// The whole vectors document (JSON, stable order, one case per line).
fn document() -> String {
    let mut s = String::from("{\n  \"dates\": [\n");
    let dates = sample_dates();
    for (i, d) in dates.iter().enumerate() {
        s.push_str(&format!(
            "    {{\"gregorian\": \"{}\", \"jalali\": {}, \"weekday\": \"{}\", \"longFa\": {}, \"longEn\": {}, \"shortFa\": {}, \"shortEn\": {}}}{}\n",
            d.to_gregorian().format("%Y-%m-%d"),
            ymd(*d),
            d.weekday().as_str(),
            esc(&d.format(Style::Long, true)),
            esc(&d.format(Style::Long, false)),
            esc(&d.format(Style::Short, true)),
            esc(&d.format(Style::Short, false)),
            if i + 1 < dates.len() { "," } else { "" }
        ));
    }
    let leaps: Vec<String> = (1300..=1500)
        .filter(|&y| is_leap_year(y))
        .map(|y| y.to_string())
        .collect();
    s.push_str(&format!(
        "  ],\n  \"leapYears1300to1500\": [{}],\n",
        leaps.join(", ")
    ));

    s.push_str("  \"addMonths\": [\n");
    let add_cases: &[((i32, u8, u8), i32)] = &[
        ((1405, 9, 30), 3),
        ((1405, 6, 31), 3),
        ((1405, 6, 31), 1),
        ((1405, 7, 30), 3),
        ((1403, 12, 30), 12),
        ((1405, 11, 15), 3),
        ((1405, 1, 31), -1),
        ((1405, 1, 1), -13),
    ];
    let mut rows = Vec::new();
    for ((y, m, d), n) in add_cases {
        if let Ok(from) = JalaliDate::new(*y, *m, *d) {
            if let Ok(to) = from.add_months(*n) {
                rows.push(format!(
                    "    {{\"from\": {}, \"months\": {n}, \"to\": {}}}",
                    ymd(from),
                    ymd(to)
                ));
            }
        }
    }
    s.push_str(&rows.join(",\n"));
    s.push_str("\n  ],\n  \"parse\": [\n");
    let rows: Vec<String> = PARSE_CASES
        .iter()
        .map(|input| match JalaliDate::parse(input) {
            Ok(d) => format!("    {{\"input\": {}, \"jalali\": {}}}", esc(input), ymd(d)),
            Err(_) => format!("    {{\"input\": {}, \"jalali\": null}}", esc(input)),
        })
        .collect();
    s.push_str(&rows.join(",\n"));
    s.push_str("\n  ],\n  \"normalize\": [\n");
    let rows: Vec<String> = NORMALIZE_CASES
        .iter()
        .map(|input| {
            format!(
                "    {{\"input\": {}, \"key\": {}}}",
                esc(input),
                esc(&normalize_fa(input))
            )
        })
        .collect();
    s.push_str(&rows.join(",\n"));
    s.push_str("\n  ],\n  \"integersFa\": [\n");
    let rows: Vec<String> = [0i64, 7, 999, 1000, 12345, -1234567, 80, 1405]
        .iter()
        .map(|n| format!("    {{\"n\": {n}, \"fa\": {}}}", esc(&format_int_fa(*n))))
        .collect();
    s.push_str(&rows.join(",\n"));
    s.push_str("\n  ]\n}\n");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn vectors_file_is_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../ui/src/lib/dates/persian-vectors.json");
        let doc = super::document();
        if std::env::var_os("UPDATE_VECTORS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &doc).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == doc,
            "{} is stale: run `UPDATE_VECTORS=1 cargo test -p gardesh-core vectors` and commit",
            path.display()
        );
    }
}
