//! A time of day in minutes after midnight, written `HH:MM` (any digits accepted).

use crate::error::{Error, Result};
use crate::persian::digits::{to_latin, to_persian};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// 24:00, the end of the day (valid as a closing time only).
    pub const END_OF_DAY: TimeOfDay = TimeOfDay(1440);

    pub fn from_minutes(m: u32) -> Result<Self> {
        if m > 1440 {
            return Err(Error::invalid(
                "time",
                "ساعت باید بین ۰۰:۰۰ و ۲۴:۰۰ باشد",
                "a time must be between 00:00 and 24:00",
            ));
        }
        Ok(TimeOfDay(m as u16))
    }

    pub fn hm(h: u32, m: u32) -> Result<Self> {
        if m >= 60 {
            return Err(Error::invalid(
                "time",
                "دقیقه باید کمتر از ۶۰ باشد",
                "minutes must be below 60",
            ));
        }
        Self::from_minutes(h * 60 + m)
    }

    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }

    /// `8:00`, `08:00`, `۸:۳۰`, `0830`, `8` (any digits).
    pub fn parse(input: &str) -> Result<Self> {
        let s = to_latin(input.trim());
        let bad = || {
            Error::invalid(
                "time",
                format!("«{input}» ساعت نیست؛ به شکل ۰۸:۳۰ بنویسید"),
                format!("“{input}” is not a time; write it as 08:30"),
            )
        };
        let (h, m) = if let Some((h, m)) = s.split_once([':', '.', '٫']) {
            (h.trim(), m.trim())
        } else if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
            (&s[..2], &s[2..])
        } else {
            (s.as_str(), "0")
        };
        let h: u32 = h.parse().map_err(|_| bad())?;
        let m: u32 = m.parse().map_err(|_| bad())?;
        if h > 24 || (h == 24 && m > 0) {
            return Err(bad());
        }
        Self::hm(h, m)
    }

    /// `08:30`, or `۰۸:۳۰` in Persian digits.
    pub fn format(self, persian: bool) -> String {
        let s = format!("{:02}:{:02}", self.0 / 60, self.0 % 60);
        if persian {
            to_persian(&s)
        } else {
            s
        }
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.format(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        let cases: &[(&str, u32)] = &[
            ("8:00", 480),
            ("08:30", 510),
            ("۸:۳۰", 510),
            ("0830", 510),
            ("14", 840),
            ("24:00", 1440),
            (" 9.15 ", 555),
        ];
        for (input, want) in cases {
            assert_eq!(TimeOfDay::parse(input).unwrap().minutes(), *want, "{input}");
        }
        for bad in ["", "25:00", "8:60", "24:01", "abc", "-1:00"] {
            assert!(TimeOfDay::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(TimeOfDay::parse("8:05").unwrap().format(true), "۰۸:۰۵");
    }
}
