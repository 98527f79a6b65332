use super::*;
use crate::clock::{Clock, FixedClock};
use crate::tour::Status;

fn stamp() -> Stamp {
    Stamp::new(
        "tester",
        FixedClock::at_iran(2026, 11, 28, 10, 0).unwrap().now(),
    )
}
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
fn t(s: &str) -> TimeOfDay {
    TimeOfDay::parse(s).unwrap()
}

fn input() -> ProgrammeInput {
    ProgrammeInput {
        title: "دور اصفهان".into(),
        starts: d(2026, 12, 22), // Tuesday, 1 Dey 1405
        length_days: 14,
        run_days: [
            Weekday::Saturday,
            Weekday::Sunday,
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
        ]
        .into(),
        departures: vec![t("13:00"), t("8:00"), t("8:00")],
        default_seats: 25,
        meeting_point: "میدان امام حسین".into(),
        day_ends: t("18:00"),
    }
}

#[test]
fn programme_is_validated() {
    let mut c = store::open_in_memory().unwrap();
    for (bad, field) in [
        (
            ProgrammeInput {
                title: " ".into(),
                ..input()
            },
            "title",
        ),
        (
            ProgrammeInput {
                length_days: 0,
                ..input()
            },
            "lengthDays",
        ),
        (
            ProgrammeInput {
                length_days: 400,
                ..input()
            },
            "lengthDays",
        ),
        (
            ProgrammeInput {
                run_days: BTreeSet::new(),
                ..input()
            },
            "runDays",
        ),
        (
            ProgrammeInput {
                departures: vec![],
                ..input()
            },
            "departures",
        ),
        (
            ProgrammeInput {
                departures: vec![t("19:00")],
                ..input()
            },
            "departures",
        ),
        (
            ProgrammeInput {
                default_seats: 0,
                ..input()
            },
            "defaultSeats",
        ),
    ] {
        match save(&mut c, &stamp(), bad) {
            Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    let p = save(&mut c, &stamp(), input()).unwrap();
    assert_eq!(
        p.input.departures,
        vec![t("8:00"), t("13:00")],
        "sorted, duplicates dropped"
    );
    assert_eq!(p.ends(), d(2027, 1, 4));
    assert_eq!(p.day_number(d(2026, 12, 22)), Some(1));
    assert_eq!(p.day_number(d(2027, 1, 4)), Some(14));
    assert_eq!(p.day_number(d(2027, 1, 5)), None);
    assert_eq!(p.day_number(d(2026, 12, 21)), None);
}

#[test]
fn slots_skip_weekends_non_running_days_and_holidays() {
    let p = Programme {
        id: ProgrammeId(1),
        input: input().validated().unwrap(),
        demo: false,
    };
    let weekend: BTreeSet<Weekday> = [Weekday::Friday].into();
    let hol = vec![Holiday {
        date: d(2026, 12, 23),
        name_fa: "ولادت امام علی".into(),
        name_en: String::new(),
        needs_check: true,
    }];
    let s = slots(&p, &weekend, &hol);
    let days: BTreeSet<NaiveDate> = s.iter().map(|x| x.date).collect();
    assert!(days.contains(&d(2026, 12, 22)));
    assert!(!days.contains(&d(2026, 12, 23)), "holiday");
    assert!(!days.contains(&d(2026, 12, 25)), "Friday is the weekend");
    assert!(!days.contains(&d(2027, 1, 1)), "Friday");
    // 14 days − 2 Fridays − 1 holiday = 11 running days, 2 departures each.
    assert_eq!(days.len(), 11);
    assert_eq!(s.len(), 22);
    // Weekend days come from the settings: a Thursday+Friday weekend drops Thursdays too.
    let s2 = slots(&p, &[Weekday::Thursday, Weekday::Friday].into(), &hol);
    assert_eq!(s2.len(), 18);
}

#[test]
fn regeneration_keeps_tours_that_may_hold_registrations_and_asks_first() {
    let mut c = store::open_in_memory().unwrap();
    save(&mut c, &stamp(), input()).unwrap();
    let plan = plan_departures(&c).unwrap();
    // 14 days − 2 Fridays = 12 running days, 2 departures each (no holidays saved here).
    assert_eq!(
        (plan.add.len(), plan.remove.len(), plan.keep.len()),
        (24, 0, 0)
    );
    assert!(
        tour::between(&c, d(2026, 1, 1), d(2028, 1, 1))
            .unwrap()
            .is_empty(),
        "planning writes nothing"
    );
    let applied = apply_plan(&mut c, &stamp(), &plan.fingerprint()).unwrap();
    assert_eq!(applied.added, 24);
    assert_eq!(
        plan_departures(&c).unwrap(),
        Plan {
            unchanged: 24,
            ..Plan::default()
        },
        "idempotent"
    );

    // Open the 13:00 tour of 24 Dec (it may now hold registrations), then drop 13:00.
    let all = tour::of_programme(&c, current(&c).unwrap().unwrap().id).unwrap();
    let opened = all
        .iter()
        .find(|x| x.date == d(2026, 12, 24) && x.departure == t("13:00"))
        .unwrap()
        .id;
    tour::write_status(&c, opened, Status::Open).unwrap();
    save(
        &mut c,
        &stamp(),
        ProgrammeInput {
            departures: vec![t("8:00")],
            ..input()
        },
    )
    .unwrap();
    let plan = plan_departures(&c).unwrap();
    assert_eq!(plan.add.len(), 0);
    assert_eq!(plan.remove.len(), 11, "the other 13:00 drafts go");
    assert_eq!(
        plan.keep.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![opened],
        "the open tour stays"
    );
    // A stale preview is refused.
    let stale = Plan {
        unchanged: 0,
        ..plan.clone()
    };
    assert!(matches!(
        apply_plan(&mut c, &stamp(), &stale.fingerprint()),
        Err(Error::Conflict { .. })
    ));
    let applied = apply_plan(&mut c, &stamp(), &plan.fingerprint()).unwrap();
    assert_eq!((applied.added, applied.removed, applied.kept), (0, 11, 1));
    let left = tour::of_programme(&c, current(&c).unwrap().unwrap().id).unwrap();
    assert_eq!(left.len(), 13);
    assert!(left.iter().any(|x| x.id == opened));
}

#[test]
fn a_holiday_added_later_removes_its_draft_slots() {
    let mut c = store::open_in_memory().unwrap();
    save(&mut c, &stamp(), input()).unwrap();
    let plan = plan_departures(&c).unwrap();
    apply_plan(&mut c, &stamp(), &plan.fingerprint()).unwrap();
    holidays::save(
        &mut c,
        &stamp(),
        &Holiday {
            date: d(2026, 12, 28),
            name_fa: "تعطیلی محلی".into(),
            name_en: String::new(),
            needs_check: false,
        },
    )
    .unwrap();
    let plan = plan_departures(&c).unwrap();
    assert_eq!(
        plan.remove.iter().map(|x| x.date).collect::<BTreeSet<_>>(),
        [d(2026, 12, 28)].into()
    );
}

#[test]
fn calendar_month_has_programme_days_holidays_closures_and_tours() {
    let mut c = store::open_in_memory().unwrap();
    save(&mut c, &stamp(), input()).unwrap();
    holidays::save(
        &mut c,
        &stamp(),
        &Holiday {
            date: d(2026, 12, 23),
            name_fa: "ولادت امام علی".into(),
            name_en: String::new(),
            needs_check: true,
        },
    )
    .unwrap();
    let plan = plan_departures(&c).unwrap();
    apply_plan(&mut c, &stamp(), &plan.fingerprint()).unwrap();
    let site = crate::site::insert(
        &c,
        &crate::site::SiteInput {
            name_fa: "ایستگاه زینبیه".into(),
            name_en: String::new(),
            category: crate::site::Category::MetroStation,
            district: 7,
            address: String::new(),
            location: None,
            progress: 0,
            department: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            description: String::new(),
            rules: crate::site::VisitRules::default(),
        },
        false,
    )
    .unwrap();
    crate::site::insert_closure(&c, site, d(2026, 12, 26), d(2026, 12, 27), "بتن‌ریزی").unwrap();
    let days = calendar_month(&c, 1405, 10).unwrap(); // Dey 1405
    assert_eq!(days.len(), 30);
    assert_eq!(days[0].date, d(2026, 12, 22));
    assert_eq!(days[0].programme_day, Some(1));
    assert_eq!(days[0].tours.len(), 2);
    assert_eq!(days[1].off, Some(DayOff::Holiday("ولادت امام علی".into())));
    assert!(days[1].tours.is_empty());
    assert_eq!(days[3].off, Some(DayOff::Weekend), "25 Dec is a Friday");
    assert_eq!(days[4].closures.len(), 1);
    assert_eq!(days[4].closures[0].name_fa, "ایستگاه زینبیه");
    assert_eq!(
        days[14].programme_day, None,
        "day 15 is after a 14-day programme"
    );
    assert!(calendar_month(&c, 1404, 13).is_err());
}

#[test]
fn holidays_round_trip_through_csv_and_bad_rows_name_their_line() {
    let list = holidays::official_1405();
    assert_eq!(list.len(), 26, "FACTS.md: 26 official days in 1405");
    let csv = holidays::to_csv(&list).unwrap();
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM for Excel");
    assert_eq!(holidays::from_csv(&csv).unwrap(), list);
    let jalali = "date,name_fa\n۱۴۰۵/۱۱/۲۲,پیروزی انقلاب\n".as_bytes();
    assert_eq!(holidays::from_csv(jalali).unwrap()[0].date, d(2027, 2, 11));
    let bad = "date,name_fa\n2027-02-11,ok\n1404/12/30,نه\n".as_bytes();
    let e = holidays::from_csv(bad).unwrap_err();
    assert!(e.to_string().contains("line 3"), "{e}");
    assert!(holidays::from_csv(b"when,what\n").is_err());
    let mut c = store::open_in_memory().unwrap();
    assert_eq!(
        holidays::save_all(&mut c, &stamp(), &list, "holiday.import").unwrap(),
        26
    );
    assert_eq!(holidays::list(&c).unwrap(), list);
}

#[test]
fn the_demo_programme_is_complete_and_only_for_an_empty_database() {
    let mut c = store::open_in_memory().unwrap();
    let done = crate::demo::install(&mut c, &stamp()).unwrap();
    assert!(done.sites >= 12);
    let p = current(&c).unwrap().unwrap();
    assert!(p.demo);
    assert_eq!(p.input.length_days, 80);
    assert_eq!(
        JalaliDate::from_gregorian(p.input.starts)
            .unwrap()
            .to_string(),
        "1405-10-01"
    );
    assert!(done.tours > 100, "{} tours", done.tours);
    let sites = crate::site::list(&c, &crate::site::Filter::default()).unwrap();
    assert!(sites.iter().all(|s| s.demo && s.input.location.is_some()));
    assert!(sites
        .iter()
        .any(|s| s.input.category == crate::site::Category::Tunnel && s.input.rules.min_age == 18));
    assert!(!crate::site::closures_between(&c, p.input.starts, p.ends())
        .unwrap()
        .is_empty());
    // Groups on the first open tours: 3 seats left on the first, the family waiting there.
    let open: Vec<_> = crate::tour::of_programme(&c, p.id)
        .unwrap()
        .into_iter()
        .filter(|t| t.status == crate::tour::Status::Open)
        .collect();
    assert!(open.len() >= 10, "{} open tours", open.len());
    let seats = crate::registration::roster::seats(&c, open[0].id).unwrap();
    assert_eq!((seats.free, seats.waiting_groups), (3, 1), "{seats:?}");
    let groups = crate::group::list::list(&c, &crate::group::list::Filter::default()).unwrap();
    assert_eq!(groups.len(), 5);
    assert!(matches!(
        crate::demo::install(&mut c, &stamp()),
        Err(Error::Conflict { .. })
    ));
    assert_eq!(
        plan_departures(&c).unwrap().add.len(),
        0,
        "the demo's departures are already generated"
    );
}
