//! Time comes in from outside: a `Clock` gives "now"; Iran's civil time is UTC+03:30 all year.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Iran has kept UTC+03:30 all year since 2022 (no daylight saving).
pub const IRAN_OFFSET_SECONDS: i32 = 3 * 3600 + 30 * 60;

pub fn iran_offset() -> FixedOffset {
    // 12,600 s is inside ±86,400 s, so this constructor cannot fail; fall back to UTC anyway.
    FixedOffset::east_opt(IRAN_OFFSET_SECONDS).unwrap_or_else(|| Utc.fix())
}

use chrono::Offset;
use chrono::TimeZone;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// Iran's civil date now.
    fn today(&self) -> NaiveDate {
        self.now().with_timezone(&iran_offset()).date_naive()
    }
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock stopped at one instant, for tests and for reproducing a day.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

impl FixedClock {
    /// A clock at the given Iran local time.
    pub fn at_iran(y: i32, m: u32, d: u32, hh: u32, mm: u32) -> Option<Self> {
        iran_offset()
            .with_ymd_and_hms(y, m, d, hh, mm, 0)
            .single()
            .map(|t| FixedClock(t.with_timezone(&Utc)))
    }
}

/// The real clock moved to another day (same time of day): for rehearsing a tour day,
/// e.g. check-in, before it comes. The desktop app uses it when `GARDESH_TODAY` is set.
#[derive(Debug, Clone, Copy)]
pub struct ShiftedClock(pub chrono::Duration);

impl ShiftedClock {
    /// A clock whose Iran date is `day` now.
    pub fn to_day(day: NaiveDate) -> Self {
        ShiftedClock(day - SystemClock.today())
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iran_midnight_is_2030_utc_the_day_before() {
        // 20:29 UTC on 21 Dec is still 23:59 on 21 Dec in Isfahan; 20:30 is 00:00 on 22 Dec.
        let before = FixedClock(Utc.with_ymd_and_hms(2026, 12, 21, 20, 29, 0).unwrap());
        let after = FixedClock(Utc.with_ymd_and_hms(2026, 12, 21, 20, 30, 0).unwrap());
        assert_eq!(
            before.today(),
            NaiveDate::from_ymd_opt(2026, 12, 21).unwrap()
        );
        assert_eq!(
            after.today(),
            NaiveDate::from_ymd_opt(2026, 12, 22).unwrap()
        );
    }

    #[test]
    fn no_daylight_saving_in_summer() {
        let c = FixedClock::at_iran(2026, 7, 1, 0, 0).unwrap();
        assert_eq!(c.now().to_rfc3339(), "2026-06-30T20:30:00+00:00");
    }
}
