use super::*;
use crate::clock::{Clock, FixedClock};
use crate::persian::JalaliDate;

fn stamp() -> Stamp {
    Stamp::new(
        "tester",
        FixedClock::at_iran(2026, 12, 22, 10, 0).unwrap().now(),
    )
}

fn j(y: i32, m: u8, d: u8) -> NaiveDate {
    JalaliDate::new(y, m, d).unwrap().to_gregorian()
}

fn input(text: &str, raised: NaiveDate) -> RequestInput {
    RequestInput {
        tour: None,
        site: None,
        district: Some(3),
        category: Category::Lighting,
        text: text.into(),
        raised_by: "مریم کاظمی".into(),
        contact: "09131234567".into(),
        raised_on: raised,
    }
}

#[test]
fn the_due_date_is_three_solar_hijri_months_later_clamped_to_the_month_end() {
    // 1405 is not a leap year: no 30 Esfand.
    assert_eq!(due_date(j(1405, 9, 30)).unwrap(), j(1405, 12, 29));
    // Azar has 30 days.
    assert_eq!(due_date(j(1405, 6, 31)).unwrap(), j(1405, 9, 30));
    // Across the year end.
    assert_eq!(due_date(j(1405, 11, 15)).unwrap(), j(1406, 2, 15));
    assert_eq!(due_date(j(1405, 1, 1)).unwrap(), j(1405, 4, 1));
    // 1403 was a leap year: 30 Azar 1403 → 30 Esfand 1403.
    assert_eq!(due_date(j(1403, 9, 30)).unwrap(), j(1403, 12, 30));
}

#[test]
fn a_request_goes_from_open_to_reported_and_is_overdue_only_while_unanswered() {
    let mut c = store::open_in_memory().unwrap();
    let raised = j(1405, 9, 30);
    let id = create(
        &mut c,
        &stamp(),
        input("چراغ‌های خیابان نزدیک ایستگاه خاموش است", raised),
    )
    .unwrap();
    let r = get(&c, id).unwrap();
    assert_eq!(r.due_on, j(1405, 12, 29));
    assert_eq!(r.status, Status::Open);
    assert!(!r.is_overdue(j(1405, 12, 29)), "due today is not overdue");
    assert!(r.is_overdue(j(1406, 1, 1)));
    assert_eq!(counts(&c, j(1405, 12, 25)).unwrap().due_this_week, 1);
    assert_eq!(counts(&c, j(1406, 1, 1)).unwrap().overdue, 1);
    assert!(
        report_back(&mut c, &stamp(), id, j(1405, 10, 5)).is_err(),
        "nothing to report yet"
    );
    assert!(refer(&mut c, &stamp(), id, "  ", j(1405, 10, 1)).is_err());
    let r = refer(&mut c, &stamp(), id, "معاونت خدمات شهری", j(1405, 10, 1)).unwrap();
    assert_eq!(r.status, Status::Referred);
    assert!(
        r.is_overdue(j(1406, 1, 1)),
        "referred is still owed an answer"
    );
    let r = answer(&mut c, &stamp(), id, "لامپ‌ها تعویض شد", j(1405, 10, 20)).unwrap();
    assert!(!r.is_overdue(j(1406, 1, 1)));
    let r = report_back(&mut c, &stamp(), id, j(1405, 10, 21)).unwrap();
    assert_eq!(r.status, Status::Reported);
    let h = history(&c, id).unwrap();
    let actions: Vec<&str> = h.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "request.create",
            "request.referred",
            "request.answered",
            "request.reported"
        ]
    );
    assert_eq!(counts(&c, j(1406, 1, 1)).unwrap().overdue, 0);
}

#[test]
fn requests_are_validated_filtered_and_listed_overdue_first() {
    let mut c = store::open_in_memory().unwrap();
    assert!(create(&mut c, &stamp(), input("   ", j(1405, 9, 1))).is_err());
    assert!(create(
        &mut c,
        &stamp(),
        input(&"ا".repeat(MAX_TEXT_CHARS + 1), j(1405, 9, 1))
    )
    .is_err());
    let mut bad = input("x", j(1405, 9, 1));
    bad.district = Some(16);
    assert!(create(&mut c, &stamp(), bad).is_err());
    let old = create(
        &mut c,
        &stamp(),
        input("پیاده‌روی خیابان کاوه ناهموار است", j(1405, 5, 1)),
    )
    .unwrap();
    let mut roads = input("ترافیک در تقاطع", j(1405, 9, 1));
    roads.category = Category::Roads;
    roads.district = Some(7);
    let new = create(&mut c, &stamp(), roads).unwrap();
    let today = j(1405, 9, 8);
    let all = list(&c, &Filter::default(), today).unwrap();
    assert_eq!(
        all.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![old, new],
        "overdue first"
    );
    let f = |f: Filter| {
        list(&c, &f, today)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        f(Filter {
            overdue_only: true,
            ..Filter::default()
        }),
        vec![old]
    );
    assert_eq!(
        f(Filter {
            district: Some(7),
            ..Filter::default()
        }),
        vec![new]
    );
    assert_eq!(
        f(Filter {
            category: Some(Category::Lighting),
            ..Filter::default()
        }),
        vec![old]
    );
    assert_eq!(
        f(Filter {
            text: "كاوه".into(),
            ..Filter::default()
        }),
        vec![old],
        "Arabic kaf finds Persian"
    );
    refer(&mut c, &stamp(), new, "معاونت حمل‌ونقل", today).unwrap();
    let f = |f: Filter| {
        list(&c, &f, today)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        f(Filter {
            department: Some("معاونت حمل‌ونقل".into()),
            ..Filter::default()
        }),
        vec![new]
    );
    assert_eq!(departments(&c).unwrap(), vec!["معاونت حمل‌ونقل".to_string()]);
}
