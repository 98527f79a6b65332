//! How values are written on paper in each language: digits, dates, times, phones, the
//! names of PPE and site categories, and the bidi isolates that keep mixed lines in order.
//!
//! Everything the templates show arrives already written by these functions, so a
//! template never formats a number or a date itself.

use chrono::{Datelike, NaiveDate};
use gardesh_core::persian::calendar::Style;
use gardesh_core::persian::digits::to_persian;
use gardesh_core::persian::JalaliDate;
use gardesh_core::site::{Category, Ppe};
use gardesh_core::time_of_day::TimeOfDay;

use crate::Lang;

/// LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE: phones, codes, plates, Latin runs.
pub(crate) fn ltr(s: &str) -> String {
    format!("\u{2066}{s}\u{2069}")
}

/// FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: text a person typed, whatever its
/// script, so a Latin name in a Persian line (or the reverse) keeps its own order and
/// does not drag neighbouring digits or punctuation along.
pub(crate) fn user(s: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        String::new()
    } else {
        format!("\u{2068}{t}\u{2069}")
    }
}

/// Digits in the language's own script.
pub(crate) fn digits(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Fa => to_persian(s),
        Lang::En => s.to_string(),
    }
}

pub(crate) fn num(lang: Lang, n: impl std::fmt::Display) -> String {
    digits(lang, &n.to_string())
}

pub(crate) fn time(lang: Lang, t: TimeOfDay) -> String {
    t.format(lang == Lang::Fa)
}

/// "45 min" / «۴۵ دقیقه».
pub(crate) fn minutes(lang: Lang, m: u32) -> String {
    match lang {
        Lang::Fa => format!("{} دقیقه", num(lang, m)),
        Lang::En => format!("{m} min"),
    }
}

const GREGORIAN_FA: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];

/// The Solar Hijri long form («سه‌شنبه ۱ دی ۱۴۰۵» / "Tuesday 1 Dey 1405").
pub(crate) fn solar_long(lang: Lang, d: NaiveDate) -> gardesh_core::Result<String> {
    Ok(JalaliDate::from_gregorian(d)?.format(Style::Long, lang == Lang::Fa))
}

/// The Gregorian date («۲۲ دسامبر ۲۰۲۶» / "22 December 2026").
pub(crate) fn gregorian(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Fa => {
            let month = GREGORIAN_FA[d.month0() as usize];
            to_persian(&format!("{} {month} {}", d.day(), d.year()))
        }
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// A phone number as typed, in the language's digits and kept left to right; an Iranian
/// mobile (09XXXXXXXXX) is grouped 4-3-4 the way people read it out.
pub(crate) fn phone(lang: Lang, raw: &str) -> String {
    let t = raw.trim();
    if t.is_empty() {
        return String::new();
    }
    let latin = gardesh_core::persian::digits::to_latin(t);
    let grouped = if latin.len() == 11
        && latin.starts_with("09")
        && latin.bytes().all(|b| b.is_ascii_digit())
    {
        format!("{} {} {}", &latin[..4], &latin[4..7], &latin[7..])
    } else {
        latin
    };
    ltr(&digits(lang, &grouped))
}

/// Only the last four digits of a national ID: a lost manifest must not leak whole IDs.
pub(crate) fn national_id_tail(lang: Lang, id: &str) -> String {
    let d: Vec<char> = id.chars().filter(char::is_ascii_digit).collect();
    if d.len() < 4 {
        return String::new();
    }
    let tail: String = d[d.len() - 4..].iter().collect();
    ltr(&format!("••••••{}", digits(lang, &tail)))
}

pub(crate) fn ppe(lang: Lang, p: Ppe) -> &'static str {
    match (lang, p) {
        (Lang::Fa, Ppe::Helmet) => "کلاه ایمنی",
        (Lang::Fa, Ppe::Vest) => "جلیقه‌ی شب‌رنگ",
        (Lang::Fa, Ppe::ClosedShoes) => "کفش بسته",
        (Lang::Fa, Ppe::LongTrousers) => "شلوار بلند",
        (Lang::Fa, Ppe::Gloves) => "دستکش",
        (Lang::Fa, Ppe::Goggles) => "عینک ایمنی",
        (Lang::Fa, Ppe::Mask) => "ماسک",
        (Lang::En, Ppe::Helmet) => "helmet",
        (Lang::En, Ppe::Vest) => "hi-vis vest",
        (Lang::En, Ppe::ClosedShoes) => "closed shoes",
        (Lang::En, Ppe::LongTrousers) => "long trousers",
        (Lang::En, Ppe::Gloves) => "gloves",
        (Lang::En, Ppe::Goggles) => "safety goggles",
        (Lang::En, Ppe::Mask) => "mask",
    }
}

pub(crate) fn category(lang: Lang, c: Category) -> &'static str {
    match (lang, c) {
        (Lang::Fa, Category::MetroStation) => "ایستگاه مترو",
        (Lang::Fa, Category::Tunnel) => "تونل",
        (Lang::Fa, Category::Road) => "راه و تقاطع",
        (Lang::Fa, Category::Bridge) => "پل",
        (Lang::Fa, Category::Square) => "میدان",
        (Lang::Fa, Category::Park) => "بوستان",
        (Lang::Fa, Category::Building) => "ساختمان",
        (Lang::Fa, Category::Other) => "دیگر",
        (Lang::En, Category::MetroStation) => "metro station",
        (Lang::En, Category::Tunnel) => "tunnel",
        (Lang::En, Category::Road) => "road / interchange",
        (Lang::En, Category::Bridge) => "bridge",
        (Lang::En, Category::Square) => "square",
        (Lang::En, Category::Park) => "park",
        (Lang::En, Category::Building) => "building",
        (Lang::En, Category::Other) => "other",
    }
}

/// One of two texts by language.
pub(crate) fn pick(lang: Lang, fa: impl Into<String>, en: impl Into<String>) -> String {
    match lang {
        Lang::Fa => fa.into(),
        Lang::En => en.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles_are_grouped_isolated_and_in_the_right_digits() {
        assert_eq!(
            phone(Lang::En, "09131110001"),
            "\u{2066}0913 111 0001\u{2069}"
        );
        assert_eq!(
            phone(Lang::Fa, "۰۹۱۳۱۱۱۰۰۰۱"),
            "\u{2066}۰۹۱۳ ۱۱۱ ۰۰۰۱\u{2069}"
        );
        assert_eq!(
            phone(Lang::Fa, "031-3222 0000"),
            "\u{2066}۰۳۱-۳۲۲۲ ۰۰۰۰\u{2069}",
            "other numbers are kept as typed"
        );
        assert_eq!(phone(Lang::Fa, "  "), "");
    }

    #[test]
    fn dates_in_both_calendars_and_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 22).unwrap();
        assert_eq!(solar_long(Lang::Fa, d).unwrap(), "سه‌شنبه ۱ دی ۱۴۰۵");
        assert_eq!(solar_long(Lang::En, d).unwrap(), "Tuesday 1 Dey 1405");
        assert_eq!(gregorian(Lang::Fa, d), "۲۲ دسامبر ۲۰۲۶");
        assert_eq!(gregorian(Lang::En, d), "22 December 2026");
    }

    #[test]
    fn national_ids_keep_only_their_tail() {
        assert_eq!(
            national_id_tail(Lang::En, "0499370899"),
            "\u{2066}••••••0899\u{2069}"
        );
        assert_eq!(national_id_tail(Lang::En, ""), "");
    }

    #[test]
    fn typed_text_is_isolated_and_empty_stays_empty() {
        assert_eq!(user("  Zeynabieh "), "\u{2068}Zeynabieh\u{2069}");
        assert_eq!(user(" "), "");
    }
}
