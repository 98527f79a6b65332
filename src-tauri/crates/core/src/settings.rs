//! The coordinator's settings: name, language, calendar, weekend days. Validated here;
//! stored as key/value rows; every save is audited.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension};

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::persian::digits::to_persian;
use crate::persian::Weekday;
use crate::store;

pub const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Fa,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Fa => "fa",
            Language::En => "en",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "fa" => Some(Language::Fa),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// Which calendar dates are shown in (the other is shown small beside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarKind {
    Persian,
    Gregorian,
}

impl CalendarKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CalendarKind::Persian => "persian",
            CalendarKind::Gregorian => "gregorian",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "persian" => Some(CalendarKind::Persian),
            "gregorian" => Some(CalendarKind::Gregorian),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub coordinator_name: String,
    pub language: Language,
    pub calendar: CalendarKind,
    pub weekend_days: BTreeSet<Weekday>,
}

impl Default for Settings {
    /// Persian, Solar Hijri, Friday the weekend (Iran's work week).
    fn default() -> Self {
        Settings {
            coordinator_name: String::new(),
            language: Language::Fa,
            calendar: CalendarKind::Persian,
            weekend_days: BTreeSet::from([Weekday::Friday]),
        }
    }
}

impl Settings {
    /// Check and tidy: the name is trimmed and at most 100 characters; at least one day works.
    pub fn validated(mut self) -> Result<Self> {
        self.coordinator_name = self.coordinator_name.trim().to_string();
        let chars = self.coordinator_name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(Error::invalid(
                "coordinatorName",
                format!(
                    "نام هماهنگ‌کننده حداکثر {} نویسه است؛ این نام {} نویسه دارد",
                    to_persian(&MAX_NAME_CHARS.to_string()),
                    to_persian(&chars.to_string())
                ),
                format!("the coordinator's name is at most {MAX_NAME_CHARS} characters; this one has {chars}"),
            ));
        }
        if self.coordinator_name.chars().any(char::is_control) {
            return Err(Error::invalid(
                "coordinatorName",
                "نام هماهنگ‌کننده نویسه‌ی کنترلی دارد",
                "the coordinator's name contains a control character",
            ));
        }
        if self.weekend_days.len() >= 7 {
            return Err(Error::invalid(
                "weekendDays",
                "همه‌ی روزهای هفته تعطیل شده‌اند؛ دست‌کم یک روز کاری لازم است",
                "every day of the week is marked as weekend; at least one working day is needed",
            ));
        }
        Ok(self)
    }
}

const KEY_NAME: &str = "coordinator_name";
const KEY_LANGUAGE: &str = "language";
const KEY_CALENDAR: &str = "calendar";
const KEY_WEEKEND: &str = "weekend_days";

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The saved settings; defaults for anything never saved. A stored value this version does
/// not understand falls back to the default rather than failing the whole app.
pub fn load(conn: &Connection) -> Result<Settings> {
    let d = Settings::default();
    let weekend_days = match get(conn, KEY_WEEKEND)? {
        None => d.weekend_days,
        Some(s) => s
            .split(',')
            .filter(|p| !p.is_empty())
            .filter_map(Weekday::parse)
            .collect(),
    };
    Ok(Settings {
        coordinator_name: get(conn, KEY_NAME)?.unwrap_or(d.coordinator_name),
        language: get(conn, KEY_LANGUAGE)?
            .and_then(|s| Language::parse(&s))
            .unwrap_or(d.language),
        calendar: get(conn, KEY_CALENDAR)?
            .and_then(|s| CalendarKind::parse(&s))
            .unwrap_or(d.calendar),
        weekend_days,
    })
}

/// Validate and save all settings in one transaction, with an audit entry naming what changed.
pub fn save(conn: &mut Connection, stamp: &Stamp, new: Settings) -> Result<Settings> {
    let new = new.validated()?;
    store::write(conn, |tx| {
        let old = load(tx)?;
        let weekend = new
            .weekend_days
            .iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let pairs = [
            (KEY_NAME, new.coordinator_name.clone()),
            (KEY_LANGUAGE, new.language.as_str().to_string()),
            (KEY_CALENDAR, new.calendar.as_str().to_string()),
            (KEY_WEEKEND, weekend),
        ];
        for (k, v) in &pairs {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![k, v],
            )?;
        }
        let mut changed = Vec::new();
        if old.coordinator_name != new.coordinator_name {
            changed.push(format!("{KEY_NAME}={}", new.coordinator_name));
        }
        if old.language != new.language {
            changed.push(format!("{KEY_LANGUAGE}={}", new.language.as_str()));
        }
        if old.calendar != new.calendar {
            changed.push(format!("{KEY_CALENDAR}={}", new.calendar.as_str()));
        }
        if old.weekend_days != new.weekend_days {
            changed.push(format!("{KEY_WEEKEND}={}", pairs[3].1));
        }
        let detail = if changed.is_empty() {
            "no change".to_string()
        } else {
            changed.join("; ")
        };
        audit::record(tx, stamp, "settings.save", "settings", None, &detail)?;
        Ok(new.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Clock, FixedClock};

    fn stamp() -> Stamp {
        Stamp::new(
            "مریم",
            FixedClock::at_iran(2026, 11, 28, 9, 0).unwrap().now(),
        )
    }

    #[test]
    fn defaults_are_persian_with_friday_weekend() {
        let conn = store::open_in_memory().unwrap();
        let s = load(&conn).unwrap();
        assert_eq!(s, Settings::default());
        assert_eq!(s.weekend_days, BTreeSet::from([Weekday::Friday]));
    }

    #[test]
    fn save_round_trips_and_is_audited() {
        let mut conn = store::open_in_memory().unwrap();
        let new = Settings {
            coordinator_name: "  مریم کاظمی ".into(),
            language: Language::En,
            calendar: CalendarKind::Gregorian,
            weekend_days: BTreeSet::from([Weekday::Thursday, Weekday::Friday]),
        };
        let saved = save(&mut conn, &stamp(), new).unwrap();
        assert_eq!(saved.coordinator_name, "مریم کاظمی", "name is trimmed");
        assert_eq!(load(&conn).unwrap(), saved);
        let log = audit::recent(&conn, Some("settings"), 10).unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].actor, "مریم");
        assert!(
            log[0].detail.contains("weekend_days=thursday,friday"),
            "{}",
            log[0].detail
        );
        assert!(
            log[0].at.starts_with("2026-11-28T05:30:00"),
            "stored in UTC: {}",
            log[0].at
        );
    }

    #[test]
    fn invalid_settings_are_refused_and_nothing_changes() {
        let mut conn = store::open_in_memory().unwrap();
        let cases = [
            (
                Settings {
                    coordinator_name: "ن".repeat(101),
                    ..Settings::default()
                },
                "coordinatorName",
            ),
            (
                Settings {
                    coordinator_name: "a\u{7}b".into(),
                    ..Settings::default()
                },
                "coordinatorName",
            ),
            (
                Settings {
                    weekend_days: Weekday::ALL.into_iter().collect(),
                    ..Settings::default()
                },
                "weekendDays",
            ),
        ];
        for (bad, want_field) in cases {
            match save(&mut conn, &stamp(), bad) {
                Err(Error::Invalid { field, why }) => {
                    assert_eq!(field, want_field);
                    assert!(!why.fa.is_empty() && !why.en.is_empty(), "both languages");
                }
                other => panic!("expected a refusal on {want_field}, got {other:?}"),
            }
        }
        assert_eq!(load(&conn).unwrap(), Settings::default());
        assert!(
            audit::recent(&conn, None, 10).unwrap().is_empty(),
            "no audit for a refusal"
        );
    }

    #[test]
    fn a_100_character_name_is_accepted() {
        let mut conn = store::open_in_memory().unwrap();
        let s = Settings {
            coordinator_name: "ن".repeat(100),
            ..Settings::default()
        };
        assert!(save(&mut conn, &stamp(), s).is_ok());
    }
}
