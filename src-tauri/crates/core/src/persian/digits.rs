//! Digits: Persian ⇄ Latin, Arabic-Indic → Latin, and Persian number formatting.

const PERSIAN: [char; 10] = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];
/// Persian thousands separator (U+066C ARABIC THOUSANDS SEPARATOR).
pub const THOUSANDS_SEPARATOR: char = '\u{066C}';
/// Persian decimal separator (U+066B ARABIC DECIMAL SEPARATOR).
pub const DECIMAL_SEPARATOR: char = '\u{066B}';

/// The ASCII value of any decimal digit Persians type: Latin, Persian (U+06F0–06F9) or
/// Arabic-Indic (U+0660–0669).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    }
}

/// Persian and Arabic-Indic digits to Latin; everything else unchanged.
pub fn to_latin(s: &str) -> String {
    s.chars()
        .map(|c| match digit_value(c) {
            Some(v) => char::from(b'0' + v as u8),
            None => c,
        })
        .collect()
}

/// Latin (and Arabic-Indic) digits to Persian; everything else unchanged.
pub fn to_persian(s: &str) -> String {
    s.chars()
        .map(|c| match digit_value(c) {
            Some(v) => PERSIAN[v as usize],
            None => c,
        })
        .collect()
}

fn group_thousands(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An integer in Persian digits with Persian thousands separators: 12345 → «۱۲٬۳۴۵».
pub fn format_int_fa(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let grouped = group_thousands(&n.unsigned_abs().to_string(), THOUSANDS_SEPARATOR);
    to_persian(&format!("{sign}{grouped}"))
}

/// A decimal in Persian digits and separators with `places` decimals: 1234.5 → «۱٬۲۳۴٫۵».
pub fn format_decimal_fa(x: f64, places: usize) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let s = format!("{:.*}", places, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let mut out = format!("{sign}{}", group_thousands(int, THOUSANDS_SEPARATOR));
    if !frac.is_empty() {
        out.push(DECIMAL_SEPARATOR);
        out.push_str(frac);
    }
    to_persian(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_convert_every_way() {
        assert_eq!(to_latin("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(to_latin("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(to_persian("1405/10/01"), "۱۴۰۵/۱۰/۰۱");
        assert_eq!(to_persian("٣"), "۳", "Arabic-Indic becomes Persian");
        assert_eq!(to_latin("ساعت ۸:۳۰"), "ساعت 8:30");
    }

    #[test]
    fn numbers_format_with_persian_separators() {
        let cases: &[(i64, &str)] = &[
            (0, "۰"),
            (7, "۷"),
            (999, "۹۹۹"),
            (1000, "۱٬۰۰۰"),
            (12345, "۱۲٬۳۴۵"),
            (-1234567, "-۱٬۲۳۴٬۵۶۷"),
            (i64::MIN, "-۹٬۲۲۳٬۳۷۲٬۰۳۶٬۸۵۴٬۷۷۵٬۸۰۸"),
        ];
        for (n, want) in cases {
            assert_eq!(format_int_fa(*n), *want, "{n}");
        }
        assert_eq!(format_decimal_fa(1234.5, 1), "۱٬۲۳۴٫۵");
        assert_eq!(format_decimal_fa(0.25, 2), "۰٫۲۵");
        assert_eq!(format_decimal_fa(-0.001, 1), "۰٫۰", "no negative zero");
        assert_eq!(format_decimal_fa(f64::NAN, 1), "—");
    }
}
