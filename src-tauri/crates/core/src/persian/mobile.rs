//! Iranian mobile numbers, normalised to `09XXXXXXXXX` from every common form.

use super::digits::digit_value;
use crate::error::{Error, Explanation, Result};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mobile(String);

/// Prefixes of Iran's mobile operators (MCI 091x/0990–0994, Irancell 090x/093x/0941,
/// Rightel 0920–0922, and others on 099x).
const KNOWN_PREFIXES: &[&str] = &[
    "0910", "0911", "0912", "0913", "0914", "0915", "0916", "0917", "0918", "0919", "0990", "0991",
    "0992", "0993", "0994", "0995", "0996", "0998", "0999", "0900", "0901", "0902", "0903", "0904",
    "0905", "0930", "0933", "0935", "0936", "0937", "0938", "0939", "0941", "0920", "0921", "0922",
    "0932", "0934",
];

impl Mobile {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Accepts `09XXXXXXXXX`, `9XXXXXXXXX`, `+989…`, `00989…`, `989…`, any digits, with
    /// spaces, dashes and parentheses. Returns the number and, for a prefix no operator is
    /// known to use, a warning (the number is still accepted).
    pub fn parse(input: &str) -> Result<(Mobile, Option<Explanation>)> {
        let bad = |fa: &str, en: &str| Error::invalid("mobile", fa, en);
        let trimmed = input.trim();
        let mut digits = String::with_capacity(14);
        for (i, c) in trimmed.chars().enumerate() {
            if let Some(v) = digit_value(c) {
                digits.push(char::from(b'0' + v as u8));
            } else if c == '+' && i == 0 {
                digits.push_str("00");
            } else if !matches!(
                c,
                ' ' | '-'
                    | '('
                    | ')'
                    | '.'
                    | '\u{00A0}'
                    | '\u{200C}'
                    | '\u{200E}'
                    | '\u{200F}'
                    | '\u{2066}'..='\u{2069}'
            ) {
                return Err(bad(
                    &format!("شماره‌ی همراه فقط رقم دارد؛ «{c}» رقم نیست"),
                    &format!("a mobile number has only digits; “{c}” is not a digit"),
                ));
            }
        }
        if digits.is_empty() {
            return Err(bad("شماره‌ی همراه خالی است", "the mobile number is empty"));
        }
        let national = if let Some(rest) = digits.strip_prefix("0098") {
            rest.to_string()
        } else if digits.len() == 12 && digits.starts_with("98") {
            digits[2..].to_string()
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest.to_string()
        } else {
            digits.clone()
        };
        if !national.starts_with('9') {
            return Err(bad(
                "شماره‌ی همراه با ۰۹ شروع می‌شود؛ این شماره‌ی ثابت یا نادرست است",
                "a mobile number starts with 09; this looks like a landline or a wrong number",
            ));
        }
        if national.len() != 10 {
            return Err(bad(
                "شماره‌ی همراه ۱۱ رقم است (۰۹ و ۹ رقم دیگر)",
                "a mobile number has 11 digits (09 and nine more)",
            ));
        }
        let number = format!("0{national}");
        let warning = (!KNOWN_PREFIXES.contains(&&number[..4])).then(|| {
            Explanation::new(
                format!(
                    "پیش‌شماره‌ی {} برای هیچ اپراتوری شناخته نیست؛ شماره را بررسی کنید",
                    &number[..4]
                ),
                format!(
                    "prefix {} belongs to no known operator; check the number",
                    &number[..4]
                ),
            )
        });
        Ok((Mobile(number), warning))
    }
}

impl std::fmt::Display for Mobile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_form_normalises() {
        for input in [
            "09131234567",
            "9131234567",
            "+989131234567",
            "00989131234567",
            "989131234567",
            "۰۹۱۳۱۲۳۴۵۶۷",
            "٠٩١٣١٢٣٤٥٦٧",
            "0913 123 4567",
            "0913-123-4567",
            "(0913) 123 45 67",
            "+98 913 123 4567",
        ] {
            match Mobile::parse(input) {
                Ok((m, warning)) => {
                    assert_eq!(m.as_str(), "09131234567", "{input}");
                    assert!(warning.is_none(), "{input}: 0913 is a known prefix");
                }
                Err(e) => panic!("{input} should be accepted: {e}"),
            }
        }
    }

    #[test]
    fn wrong_numbers_say_why() {
        let cases: &[(&str, &str)] = &[
            ("08131234567", "starts with 09"),
            ("0913123456", "11 digits"),
            ("+9809131234567", "starts with 09"),
            ("", "empty"),
            ("0913x234567", "not a digit"),
            ("091312345678", "11 digits"),
        ];
        for (input, why) in cases {
            match Mobile::parse(input) {
                Ok((m, _)) => panic!("{input} should be refused, got {m}"),
                Err(e) => assert!(
                    e.to_string().contains(why),
                    "{input}: “{e}” should say {why}"
                ),
            }
        }
    }

    #[test]
    fn unfamiliar_prefix_warns_but_accepts() {
        let (m, warning) = Mobile::parse("09701234567").unwrap();
        assert_eq!(m.as_str(), "09701234567");
        let w = warning.expect("0970 is not a known operator prefix");
        assert!(w.en.contains("0970"));
    }
}
