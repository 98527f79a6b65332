//! The Solar Hijri (Jalali) calendar through ICU's `Persian` calendar: conversion,
//! validation with a reason, names, formatting, parsing and month arithmetic.

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::Persian;
use icu_calendar::{Date, Iso};

use super::digits::{digit_value, to_persian};
use crate::error::{Error, Result};

/// The years Gardesh accepts (birth years of the oldest citizens up to far-future plans).
pub const MIN_YEAR: i32 = 1200;
pub const MAX_YEAR: i32 = 1600;

pub const MONTHS_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

pub const MONTHS_EN: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

/// Days of the week in the Iranian order: the week starts on Saturday, Friday is the weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Saturday,
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Saturday,
        Weekday::Sunday,
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
        }
    }

    pub fn parse(s: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn name_fa(self) -> &'static str {
        match self {
            Weekday::Saturday => "شنبه",
            Weekday::Sunday => "یکشنبه",
            Weekday::Monday => "دوشنبه",
            Weekday::Tuesday => "سه‌شنبه",
            Weekday::Wednesday => "چهارشنبه",
            Weekday::Thursday => "پنجشنبه",
            Weekday::Friday => "جمعه",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
        }
    }

    pub fn of(date: NaiveDate) -> Weekday {
        match date.weekday() {
            chrono::Weekday::Sat => Weekday::Saturday,
            chrono::Weekday::Sun => Weekday::Sunday,
            chrono::Weekday::Mon => Weekday::Monday,
            chrono::Weekday::Tue => Weekday::Tuesday,
            chrono::Weekday::Wed => Weekday::Wednesday,
            chrono::Weekday::Thu => Weekday::Thursday,
            chrono::Weekday::Fri => Weekday::Friday,
        }
    }
}

/// A valid Solar Hijri date. Construct with [`JalaliDate::new`], [`JalaliDate::parse`] or
/// [`JalaliDate::from_gregorian`]; an invalid date cannot exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JalaliDate {
    year: i32,
    month: u8,
    day: u8,
    /// The same day in the Gregorian calendar, computed once by ICU at construction.
    gregorian: NaiveDate,
}

/// How to write a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// «یکشنبه ۸ آذر ۱۴۰۵» / "Sunday 8 Azar 1405"
    Long,
    /// «۱۴۰۵/۰۹/۰۸» / "1405/09/08"
    Short,
    /// "1405-09-08", always Latin digits: for files and the CLI.
    Iso,
}

fn bad(fa: String, en: String) -> Error {
    Error::invalid("date", fa, en)
}

/// Whether `year` has 366 days (30 Esfand), as ICU's Persian calendar says.
pub fn is_leap_year(year: i32) -> bool {
    Date::try_new_persian(year, 12, 1)
        .map(|d| d.is_in_leap_year())
        .unwrap_or(false)
}

/// 31 days in months 1–6, 30 in 7–11, 29 or 30 in Esfand.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        12 if is_leap_year(year) => 30,
        12 => 29,
        _ => 0,
    }
}

impl JalaliDate {
    /// A date, or why not: «1404 has no 30 Esfand: 1404 is not a leap year».
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(bad(
                format!(
                    "سال {} بیرون از بازه‌ی {}–{} است",
                    to_persian(&year.to_string()),
                    to_persian(&MIN_YEAR.to_string()),
                    to_persian(&MAX_YEAR.to_string())
                ),
                format!("year {year} is outside {MIN_YEAR}–{MAX_YEAR}"),
            ));
        }
        if !(1..=12).contains(&month) {
            return Err(bad(
                format!(
                    "ماه {} وجود ندارد؛ ماه‌ها ۱ تا ۱۲ هستند",
                    to_persian(&month.to_string())
                ),
                format!("there is no month {month}; months are 1 to 12"),
            ));
        }
        let max = days_in_month(year, month);
        if day == 0 || day > max {
            let m = usize::from(month - 1);
            let (fa, en) = if month == 12 && day == 30 {
                (
                    format!(
                        "سال {y} روز ۳۰ اسفند ندارد: {y} کبیسه نیست",
                        y = to_persian(&year.to_string())
                    ),
                    format!("{year} has no 30 Esfand: {year} is not a leap year"),
                )
            } else {
                (
                    format!(
                        "{} {} روز دارد؛ روز {} وجود ندارد",
                        MONTHS_FA[m],
                        to_persian(&max.to_string()),
                        to_persian(&day.to_string())
                    ),
                    format!("{} has {max} days; there is no day {day}", MONTHS_EN[m]),
                )
            };
            return Err(bad(fa, en));
        }
        let gregorian = Date::try_new_persian(year, month, day)
            .ok()
            .map(|p| p.to_calendar(Iso))
            .and_then(|iso| {
                NaiveDate::from_ymd_opt(
                    iso.year().era_year_or_related_iso(),
                    u32::from(iso.month().ordinal),
                    u32::from(iso.day_of_month().0),
                )
            })
            .ok_or_else(|| Error::Internal(format!("no Gregorian day for {year}-{month}-{day}")))?;
        Ok(JalaliDate {
            year,
            month,
            day,
            gregorian,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    pub fn from_gregorian(date: NaiveDate) -> Result<Self> {
        let iso = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8)
            .map_err(|e| Error::Internal(format!("ISO date {date}: {e:?}")))?;
        let p = iso.to_calendar(Persian);
        JalaliDate::new(p.era_year().year, p.month().ordinal, p.day_of_month().0)
    }

    pub fn to_gregorian(self) -> NaiveDate {
        self.gregorian
    }

    pub fn weekday(self) -> Weekday {
        Weekday::of(self.to_gregorian())
    }

    pub fn month_name_fa(self) -> &'static str {
        MONTHS_FA[usize::from(self.month - 1)]
    }
    pub fn month_name_en(self) -> &'static str {
        MONTHS_EN[usize::from(self.month - 1)]
    }

    /// Add (or subtract) whole months; a day past the end of the target month is clamped to
    /// its last day: 30 Azar + 3 months = 29 Esfand in a common year.
    pub fn add_months(self, months: i32) -> Result<Self> {
        let index = self.year * 12 + i32::from(self.month) - 1 + months;
        let year = index.div_euclid(12);
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        JalaliDate::new(year, month, day)
    }

    /// Add (or subtract) days.
    pub fn add_days(self, days: i64) -> Result<Self> {
        let g = self
            .to_gregorian()
            .checked_add_signed(chrono::Duration::days(days))
            .ok_or_else(|| bad("تاریخ بیرون از بازه است".into(), "date out of range".into()))?;
        JalaliDate::from_gregorian(g)
    }

    /// Persian text (Persian digits) or English text (Latin digits).
    pub fn format(self, style: Style, persian: bool) -> String {
        let text = match style {
            Style::Long if persian => format!(
                "{} {} {} {}",
                self.weekday().name_fa(),
                self.day,
                self.month_name_fa(),
                self.year
            ),
            Style::Long => format!(
                "{} {} {} {}",
                self.weekday().name_en(),
                self.day,
                self.month_name_en(),
                self.year
            ),
            Style::Short => format!("{}/{:02}/{:02}", self.year, self.month, self.day),
            Style::Iso => return format!("{}-{:02}-{:02}", self.year, self.month, self.day),
        };
        if persian {
            to_persian(&text)
        } else {
            text
        }
    }

    /// What a person types: `1405/10/01`, `۱۴۰۵-۱۰-۱`, `1405.1.1`, `۱ دی ۱۴۰۵`, `1 Dey 1405`.
    pub fn parse(input: &str) -> Result<Self> {
        let cleaned: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}'))
            .collect();
        let parts: Vec<&str> = cleaned
            .split(|c: char| {
                matches!(c, '/' | '-' | '.' | '\u{066B}' | ',' | '،') || c.is_whitespace()
            })
            .filter(|p| !p.is_empty())
            .collect();
        let fail = || {
            bad(
                format!("«{input}» تاریخ نیست؛ به شکل ۱۴۰۵/۱۰/۰۱ بنویسید"),
                format!("“{input}” is not a date; write it as 1405/10/01"),
            )
        };
        if parts.len() != 3 {
            return Err(fail());
        }
        let num = |s: &str| -> Option<i64> {
            if s.is_empty() || s.chars().count() > 6 {
                return None;
            }
            s.chars().try_fold(0i64, |acc, c| {
                digit_value(c).map(|v| acc * 10 + i64::from(v))
            })
        };
        let month_by_name = |s: &str| -> Option<i64> {
            let key = super::normalize::normalize_fa(s);
            MONTHS_FA
                .iter()
                .position(|m| super::normalize::normalize_fa(m) == key)
                .or_else(|| MONTHS_EN.iter().position(|m| m.eq_ignore_ascii_case(s)))
                .map(|i| i as i64 + 1)
        };
        let (y, m, d) = match (num(parts[0]), num(parts[1]), num(parts[2])) {
            (Some(y), Some(m), Some(d)) => (y, m, d),
            (Some(d), None, Some(y)) => (y, month_by_name(parts[1]).ok_or_else(fail)?, d),
            _ => return Err(fail()),
        };
        if y < 1000 {
            return Err(bad(
                format!("سال را چهاررقمی بنویسید (مثلاً ۱۴۰۵)، نه «{}»", parts[0]),
                format!(
                    "write the year with four digits (e.g. 1405), not “{}”",
                    parts[0]
                ),
            ));
        }
        let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
            return Err(fail());
        };
        JalaliDate::new(y, m, d)
    }
}

/// A Gregorian `YYYY-MM-DD` (any digits) as the UI and files send it.
pub fn parse_iso_date(field: &'static str, input: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(&super::digits::to_latin(input.trim()), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            field,
            format!("«{input}» تاریخ میلادی به شکل 2026-12-22 نیست"),
            format!("“{input}” is not a Gregorian date like 2026-12-22"),
        )
    })
}

/// A date typed either way: a year before 1700 is Solar Hijri (`1405/10/01`, any digits,
/// `/` or `-`), otherwise Gregorian `YYYY-MM-DD`.
pub fn parse_any_date(field: &'static str, input: &str) -> Result<NaiveDate> {
    let latin = super::digits::to_latin(input.trim());
    let year: Option<i32> = latin
        .split(['-', '/'])
        .next()
        .and_then(|y| y.trim().parse().ok());
    match year {
        Some(y) if y < 1700 => JalaliDate::parse(&latin)
            .map(JalaliDate::to_gregorian)
            .map_err(|e| match e {
                Error::Invalid { why, .. } => Error::Invalid { field, why },
                other => other,
            }),
        _ => parse_iso_date(field, input),
    }
}

impl std::fmt::Display for JalaliDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.format(Style::Iso, false))
    }
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
