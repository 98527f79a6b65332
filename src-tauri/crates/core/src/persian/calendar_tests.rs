use super::*;
use proptest::prelude::*;

fn g(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
fn j(y: i32, m: u8, d: u8) -> JalaliDate {
    JalaliDate::new(y, m, d).unwrap()
}

#[test]
fn known_dates_convert_both_ways() {
    let cases = [
        ((1403, 1, 1), g(2024, 3, 20)),
        ((1403, 12, 30), g(2025, 3, 20)),
        ((1404, 1, 1), g(2025, 3, 21)),
        ((1405, 10, 1), g(2026, 12, 22)),
        ((1405, 9, 7), g(2026, 11, 28)),
        ((1357, 11, 22), g(1979, 2, 11)),
        ((1300, 1, 1), g(1921, 3, 21)),
    ];
    for ((y, m, d), greg) in cases {
        assert_eq!(j(y, m, d).to_gregorian(), greg, "{y}-{m}-{d}");
        assert_eq!(
            JalaliDate::from_gregorian(greg).unwrap(),
            j(y, m, d),
            "{greg}"
        );
    }
    assert_eq!(
        j(1405, 10, 1).weekday(),
        Weekday::Tuesday,
        "1 Dey 1405 is a Tuesday"
    );
}

#[test]
fn invalid_dates_say_why() {
    let cases: &[((i32, u8, u8), &str)] = &[
        (
            (1404, 12, 30),
            "1404 has no 30 Esfand: 1404 is not a leap year",
        ),
        ((1405, 7, 31), "Mehr has 30 days; there is no day 31"),
        ((1405, 13, 1), "there is no month 13"),
        ((1405, 0, 1), "there is no month 0"),
        ((1405, 1, 0), "there is no day 0"),
        ((99, 1, 1), "outside"),
    ];
    for ((y, m, d), why) in cases {
        let e = JalaliDate::new(*y, *m, *d).expect_err("must be refused");
        assert!(e.to_string().contains(why), "{y}-{m}-{d}: “{e}”");
        assert!(!e.message_fa().is_empty());
    }
    assert!(JalaliDate::new(1403, 12, 30).is_ok(), "1403 is a leap year");
}

#[test]
fn formats_long_short_and_iso() {
    let d = j(1405, 9, 8);
    assert_eq!(d.format(Style::Long, true), "یکشنبه ۸ آذر ۱۴۰۵");
    assert_eq!(d.format(Style::Long, false), "Sunday 8 Azar 1405");
    assert_eq!(d.format(Style::Short, true), "۱۴۰۵/۰۹/۰۸");
    assert_eq!(d.format(Style::Short, false), "1405/09/08");
    assert_eq!(
        d.format(Style::Iso, true),
        "1405-09-08",
        "ISO is always Latin"
    );
    assert_eq!(
        j(1405, 10, 3).format(Style::Long, true),
        "پنجشنبه ۳ دی ۱۴۰۵"
    );
    assert_eq!(j(1405, 10, 1).format(Style::Long, true), "سه‌شنبه ۱ دی ۱۴۰۵");
}

#[test]
fn parses_what_people_type() {
    let cases: &[(&str, (i32, u8, u8))] = &[
        ("1405/10/01", (1405, 10, 1)),
        ("۱۴۰۵-۱۰-۱", (1405, 10, 1)),
        ("1405/1/1", (1405, 1, 1)),
        ("١٤٠٥/٠١/٠١", (1405, 1, 1)),
        (" 1405.9.8 ", (1405, 9, 8)),
        ("۸ آذر ۱۴۰۵", (1405, 9, 8)),
        ("1 Dey 1405", (1405, 10, 1)),
        ("\u{2066}1405/10/01\u{2069}", (1405, 10, 1)),
    ];
    for (input, (y, m, d)) in cases {
        match JalaliDate::parse(input) {
            Ok(got) => assert_eq!(got, j(*y, *m, *d), "{input}"),
            Err(e) => panic!("{input}: {e}"),
        }
    }
    for bad in [
        "",
        "1405",
        "1405/10",
        "05/10/01",
        "1405/10/01/02",
        "abc",
        "1404/12/30",
        "99999999/1/1",
    ] {
        assert!(JalaliDate::parse(bad).is_err(), "{bad:?} must be refused");
    }
}

#[test]
fn month_arithmetic_clamps_to_month_end() {
    type Ymd = (i32, u8, u8);
    let cases: &[(Ymd, i32, Ymd)] = &[
        ((1405, 9, 30), 3, (1405, 12, 29)), // 30 Azar + 3 → 29 Esfand (1405 not leap)
        ((1405, 6, 31), 3, (1405, 9, 30)),  // 31 Shahrivar + 3 → 30 Azar
        ((1405, 6, 31), 1, (1405, 7, 30)),  // 31 Shahrivar + 1 → 30 Mehr
        ((1405, 7, 30), 3, (1405, 10, 30)), // 30 Mehr + 3 → 30 Dey
        ((1402, 12, 29), 12, (1403, 12, 29)),
        ((1403, 12, 30), 12, (1404, 12, 29)),
        ((1405, 11, 15), 3, (1406, 2, 15)),
        ((1405, 1, 31), -1, (1404, 12, 29)),
        ((1405, 1, 1), -13, (1403, 12, 1)),
    ];
    for (from, n, to) in cases {
        assert_eq!(
            j(from.0, from.1, from.2).add_months(*n).unwrap(),
            j(to.0, to.1, to.2),
            "{from:?} + {n} months"
        );
    }
}

#[test]
fn leap_years_match_icu_and_count_49_in_1300_to_1500() {
    let leaps: Vec<i32> = (1300..=1500).filter(|&y| is_leap_year(y)).collect();
    assert_eq!(leaps.len(), 49, "FACTS.md: 49 leap years in 1300–1500 AP");
    for y in [1399, 1403, 1408] {
        assert!(is_leap_year(y), "{y} is a leap year");
    }
    for y in [1400, 1401, 1402, 1404, 1405] {
        assert!(!is_leap_year(y), "{y} is not a leap year");
    }
}

#[test]
fn every_day_1300_to_1500_round_trips_and_is_consecutive() {
    let mut date = j(1300, 1, 1);
    let mut greg = date.to_gregorian();
    let end = j(1500, 12, days_in_month(1500, 12));
    loop {
        assert_eq!(JalaliDate::from_gregorian(greg).unwrap(), date, "{greg}");
        assert_eq!(date.to_gregorian(), greg);
        if date == end {
            break;
        }
        let next = if date.day() < days_in_month(date.year(), date.month()) {
            j(date.year(), date.month(), date.day() + 1)
        } else if date.month() < 12 {
            j(date.year(), date.month() + 1, 1)
        } else {
            j(date.year() + 1, 1, 1)
        };
        greg = greg.succ_opt().unwrap();
        date = next;
    }
}

proptest! {
    #[test]
    fn gregorian_round_trips(days in 0i64..(201 * 366)) {
        let greg = g(1921, 3, 21) + chrono::Duration::days(days);
        let jd = JalaliDate::from_gregorian(greg).unwrap();
        prop_assert_eq!(jd.to_gregorian(), greg);
        prop_assert_eq!(JalaliDate::parse(&jd.format(Style::Short, true)).unwrap(), jd);
        prop_assert_eq!(JalaliDate::parse(jd.format(Style::Long, true)
            .split_once(' ').unwrap().1).unwrap(), jd);
    }

    #[test]
    fn month_arithmetic_never_makes_an_invalid_date(
        y in 1300i32..1500, m in 1u8..=12, d in 1u8..=31, n in -36i32..=36
    ) {
        let d = d.min(days_in_month(y, m));
        let from = j(y, m, d);
        let to = from.add_months(n).unwrap();
        prop_assert!(to.day() <= days_in_month(to.year(), to.month()));
        prop_assert_eq!((to.year() * 12 + i32::from(to.month())) - (y * 12 + i32::from(m)), n);
        prop_assert!(to.day() == d || to.day() == days_in_month(to.year(), to.month()));
    }
}

#[test]
fn dates_typed_in_either_calendar_are_read() {
    let want = NaiveDate::from_ymd_opt(2026, 12, 22).unwrap();
    assert_eq!(parse_any_date("d", "۱۴۰۵/۱۰/۰۱").unwrap(), want);
    assert_eq!(parse_any_date("d", "1405-10-1").unwrap(), want);
    assert_eq!(parse_any_date("d", "2026-12-22").unwrap(), want);
    assert!(
        parse_any_date("d", "1404-12-30").is_err(),
        "1404 has no 30 Esfand"
    );
    assert!(parse_any_date("d", "فردا").is_err());
}
