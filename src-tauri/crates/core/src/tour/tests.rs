use std::collections::HashMap;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::itinerary::{Problem as P, SiteFacts, StopInput};
use super::optimise::Problem;
use super::travel::Matrix;
use super::*;
use crate::clock::{Clock, FixedClock};
use crate::ids::SiteId;
use crate::persian::Weekday;
use crate::programme::{self, ProgrammeInput};
use crate::site::{self, Category, HoursWindow, Location, SiteInput, VisitRules};

fn stamp() -> Stamp {
    Stamp::new(
        "tester",
        FixedClock::at_iran(2026, 11, 28, 10, 0).unwrap().now(),
    )
}
fn t(s: &str) -> TimeOfDay {
    TimeOfDay::parse(s).unwrap()
}

/// A database with a programme (from Tue 22 Dec 2026) and one 08:00 draft tour on its first day.
fn setup() -> (Connection, TourId) {
    let mut c = store::open_in_memory().unwrap();
    programme::save(
        &mut c,
        &stamp(),
        ProgrammeInput {
            title: "آزمون".into(),
            starts: NaiveDate::from_ymd_opt(2026, 12, 22).unwrap(),
            length_days: 7,
            run_days: Weekday::ALL.into_iter().collect(),
            departures: vec![t("8:00"), t("13:00")],
            default_seats: 40,
            meeting_point: "میدان امام حسین".into(),
            day_ends: t("18:00"),
        },
    )
    .unwrap();
    let plan = programme::plan_departures(&c).unwrap();
    programme::apply_plan(&mut c, &stamp(), &plan.fingerprint()).unwrap();
    let id = between(
        &c,
        NaiveDate::from_ymd_opt(2026, 12, 22).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 22).unwrap(),
    )
    .unwrap()[0]
        .id;
    (c, id)
}

fn add_site(
    c: &mut Connection,
    name: &str,
    lat: f64,
    lng: f64,
    max: u32,
    opens: &str,
    closes: &str,
) -> SiteId {
    let (id, _) = site::create(
        c,
        &stamp(),
        SiteInput {
            name_fa: name.into(),
            name_en: String::new(),
            category: Category::MetroStation,
            district: 1,
            address: String::new(),
            location: Some(Location {
                latitude: lat,
                longitude: lng,
            }),
            progress: 50,
            department: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            description: String::new(),
            rules: VisitRules {
                max_visitors: max,
                visit_minutes: 30,
                ..VisitRules::default()
            },
        },
    )
    .unwrap();
    let windows: Vec<HoursWindow> = Weekday::ALL
        .into_iter()
        .map(|d| HoursWindow {
            weekday: d,
            opens: t(opens),
            closes: t(closes),
        })
        .collect();
    site::set_hours(c, &stamp(), id, &windows).unwrap();
    id
}

fn stop(site: SiteId) -> StopInput {
    StopInput { site, dwell: None }
}

#[test]
fn timing_adds_travel_and_dwell_from_the_departure() {
    let (mut c, tour) = setup();
    let a = add_site(&mut c, "الف", 32.6552, 51.6712, 30, "8:00", "18:00"); // at the meeting point
    let b = add_site(&mut c, "ب", 32.6700, 51.6712, 20, "8:00", "18:00");
    travel::set_override(&mut c, &stamp(), a, b, Some(35)).unwrap();
    itinerary::set_stops(
        &mut c,
        &stamp(),
        tour,
        &[
            stop(a),
            StopInput {
                site: b,
                dwell: Some(60),
            },
        ],
    )
    .unwrap();
    let s = itinerary::schedule(&c, tour).unwrap();
    assert_eq!(
        s.stops[0].travel, 0,
        "the first site is at the meeting point"
    );
    assert_eq!(
        (s.stops[0].arrival, s.stops[0].departure),
        (t("8:00"), t("8:30"))
    );
    assert_eq!(s.stops[1].travel, 35, "the override wins over the estimate");
    assert_eq!(
        (s.stops[1].arrival, s.stops[1].departure),
        (t("9:05"), t("10:05"))
    );
    assert!(!s.stops[1].dwell_is_default);
    assert_eq!(s.return_travel, s.total_travel - 35);
    assert!(s.is_feasible(), "{:?}", s.problems);
    assert_eq!(
        s.capacity.seats, 20,
        "the smallest max visitors limits the bus's 40"
    );
    assert_eq!(s.capacity.smallest_stop, Some((b, 20)));
}

#[test]
fn each_feasibility_rule_is_reported() {
    let (mut c, tour) = setup();
    let early = add_site(&mut c, "صبح", 32.6552, 51.6712, 30, "6:00", "8:10");
    let late = add_site(&mut c, "عصر", 32.6552, 51.6712, 30, "14:00", "17:00");
    let closed = add_site(&mut c, "تعطیل", 32.6552, 51.6712, 30, "8:00", "18:00");
    site::add_closure(
        &mut c,
        &stamp(),
        closed,
        NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 23).unwrap(),
        "بتن‌ریزی",
    )
    .unwrap();
    itinerary::set_stops(
        &mut c,
        &stamp(),
        tour,
        &[stop(early), stop(late), stop(closed)],
    )
    .unwrap();
    let s = itinerary::schedule(&c, tour).unwrap();
    assert!(
        matches!(s.stops[0].problems[..], [P::OutsideHours { .. }]),
        "8:00–8:30 does not fit 6:00–8:10"
    );
    assert!(matches!(s.stops[1].problems[..], [P::OutsideHours { .. }]));
    assert!(matches!(s.stops[2].problems[..], [P::Closed { .. }, ..]));
    assert!(!s.is_feasible());
    // A draft may be infeasible; opening it is refused with the reason.
    let e = set_status(&mut c, &stamp(), tour, Status::Open).unwrap_err();
    assert!(e.to_string().contains("not feasible"), "{e}");
    assert_eq!(get(&c, tour).unwrap().status, Status::Draft);
    // Ending after the end of the day.
    let long = add_site(&mut c, "طولانی", 32.6552, 51.6712, 30, "0:00", "24:00");
    itinerary::set_stops(
        &mut c,
        &stamp(),
        tour,
        &[
            StopInput {
                site: long,
                dwell: Some(480),
            },
            StopInput {
                site: long,
                dwell: Some(480),
            },
        ],
    )
    .unwrap();
    let s = itinerary::schedule(&c, tour).unwrap();
    assert!(
        s.problems
            .iter()
            .any(|p| matches!(p, P::EndsAfterDayEnd { .. })),
        "{:?}",
        s.problems
    );
    // No stops.
    itinerary::set_stops(&mut c, &stamp(), tour, &[]).unwrap();
    assert_eq!(
        itinerary::schedule(&c, tour).unwrap().problems,
        vec![P::NoStops]
    );
}

#[test]
fn a_feasible_tour_opens() {
    let (mut c, tour) = setup();
    let a = add_site(&mut c, "الف", 32.66, 51.67, 30, "8:00", "18:00");
    itinerary::set_stops(&mut c, &stamp(), tour, &[stop(a)]).unwrap();
    set_status(&mut c, &stamp(), tour, Status::Open).unwrap();
    assert_eq!(get(&c, tour).unwrap().status, Status::Open);
}

#[test]
fn a_vehicle_or_guide_on_overlapping_tours_is_refused_with_the_other_tour_named() {
    let (mut c, morning) = setup();
    let a = add_site(&mut c, "الف", 32.70, 51.70, 30, "8:00", "18:00");
    let day = NaiveDate::from_ymd_opt(2026, 12, 22).unwrap();
    let afternoon = between(&c, day, day).unwrap()[1].id;
    // The morning tour runs 8:00 until well after 13:00 with a 5-hour visit.
    itinerary::set_stops(
        &mut c,
        &stamp(),
        morning,
        &[StopInput {
            site: a,
            dwell: Some(300),
        }],
    )
    .unwrap();
    itinerary::set_stops(&mut c, &stamp(), afternoon, &[stop(a)]).unwrap();
    let bus =
        resources::save_vehicle(&mut c, &stamp(), None, "اتوبوس ۱", "۱۲ ع ۳۴۵", 25, true).unwrap();
    let guide =
        resources::save_guide(&mut c, &stamp(), None, "خانم احمدی", "09131234567", true).unwrap();
    resources::assign_vehicle(&mut c, &stamp(), morning, bus).unwrap();
    resources::assign_guide(&mut c, &stamp(), morning, guide).unwrap();
    let e = resources::assign_vehicle(&mut c, &stamp(), afternoon, bus).unwrap_err();
    assert!(
        e.to_string().contains("1405/10/01 at 08:00"),
        "names the other tour: {e}"
    );
    assert!(e.message_fa().contains("۰۸:۰۰"), "{}", e.message_fa());
    assert!(resources::assign_guide(&mut c, &stamp(), afternoon, guide).is_err());
    // The next day is free.
    let next = between(&c, day.succ_opt().unwrap(), day.succ_opt().unwrap()).unwrap()[0].id;
    resources::assign_vehicle(&mut c, &stamp(), next, bus).unwrap();
    // Capacity follows the vehicles' seats.
    assert_eq!(
        itinerary::schedule(&c, morning)
            .unwrap()
            .capacity
            .vehicle_seats,
        25
    );
}

#[test]
fn templates_fill_draft_tours_on_chosen_weekdays() {
    let (mut c, tour) = setup();
    let a = add_site(&mut c, "الف", 32.66, 51.67, 30, "8:00", "18:00");
    let b = add_site(&mut c, "ب", 32.67, 51.68, 30, "8:00", "18:00");
    itinerary::set_stops(&mut c, &stamp(), tour, &[stop(a), stop(b)]).unwrap();
    let tpl = template::save_from_tour(&mut c, &stamp(), tour, "خط ۲ شرق").unwrap();
    assert!(
        template::save_from_tour(&mut c, &stamp(), tour, "خط ۲ شرق").is_err(),
        "names are unique"
    );
    let mondays =
        template::matching_tours(&c, &[Weekday::Monday].into(), Some(t("13:00"))).unwrap();
    assert_eq!(mondays.len(), 1, "one Monday in the 7-day programme");
    let ids: Vec<TourId> = mondays.iter().map(|t| t.id).collect();
    assert_eq!(
        template::apply(&mut c, &stamp(), tpl, &ids).unwrap(),
        (1, 0)
    );
    assert_eq!(itinerary::stops(&c, ids[0]).unwrap().len(), 2);
}

#[test]
fn optimise_finds_the_order_that_meets_the_hours() {
    let (mut c, tour) = setup();
    // Given order: far-then-near; the near site closes early, so the given order is infeasible.
    let near = add_site(&mut c, "نزدیک", 32.66, 51.672, 30, "8:00", "9:00");
    let far = add_site(&mut c, "دور", 32.72, 51.75, 30, "8:00", "18:00");
    let mid = add_site(&mut c, "میانه", 32.69, 51.70, 30, "8:00", "18:00");
    itinerary::set_stops(&mut c, &stamp(), tour, &[stop(far), stop(near), stop(mid)]).unwrap();
    let p = optimise::propose(&c, tour, false).unwrap();
    assert!(!p.was_feasible && p.feasible && p.exact);
    assert_eq!(p.order[0].site, near, "the early-closing site first");
    optimise::apply(&mut c, &stamp(), tour, &p.order).unwrap();
    assert!(itinerary::schedule(&c, tour).unwrap().is_feasible());
    set_status(&mut c, &stamp(), tour, Status::Open).unwrap();
}

// ---- property tests of the optimiser on synthetic instances ------------------------------

fn instance(
    n: usize,
    seed: &[u32],
    windows: &[(u32, u32)],
) -> (Vec<StopInput>, HashMap<SiteId, SiteFacts>, Matrix) {
    let sites: Vec<SiteId> = (1..=n as i64).map(SiteId).collect();
    let mut minutes = vec![vec![0u32; n + 1]; n + 1];
    for i in 0..=n {
        for j in 0..=n {
            if i != j {
                minutes[i][j] = 5 + seed[(i * 7 + j * 13) % seed.len()] % 40;
            }
        }
    }
    let facts = sites
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let (o, c) = windows[i % windows.len()];
            (
                s,
                SiteFacts {
                    name: format!("{i}"),
                    location: None,
                    visit_minutes: 20 + (i as u32 * 5) % 30,
                    max_visitors: 30,
                    hours: vec![HoursWindow {
                        weekday: Weekday::Saturday,
                        opens: TimeOfDay::from_minutes(o).unwrap(),
                        closes: TimeOfDay::from_minutes(c).unwrap(),
                    }],
                    closed: None,
                    archived: false,
                },
            )
        })
        .collect();
    (
        sites.into_iter().map(stop).collect(),
        facts,
        Matrix::from_table(&(1..=n as i64).map(SiteId).collect::<Vec<_>>(), minutes),
    )
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![vec![]];
    }
    let mut out = Vec::new();
    for p in permutations(n - 1) {
        for i in 0..=p.len() {
            let mut q = p.clone();
            q.insert(i, n - 1);
            out.push(q);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn optimiser_is_never_worse_and_matches_brute_force(
        n in 1usize..=7,
        seed in proptest::collection::vec(0u32..1000, 16),
        windows in proptest::collection::vec((420u32..700, 700u32..1100), 1..4),
        fix_last in any::<bool>(),
    ) {
        let (stops, facts, matrix) = instance(n, &seed, &windows);
        let problem = Problem { departure: 480, weekday: Weekday::Saturday, stops: &stops, facts: &facts, matrix: &matrix, fix_last };
        let proposal = problem.solve();
        // Never worse than the given order.
        prop_assert!((!proposal.feasible, proposal.travel_after) <= (!proposal.was_feasible, proposal.travel_before));
        // Brute force over every order (the last stop kept last when fixed).
        let mut best: Option<u32> = None;
        for perm in permutations(n) {
            if fix_last && perm.last() != Some(&(n - 1)) {
                continue;
            }
            let (travel, ok) = problem.evaluate(&perm);
            if ok {
                best = Some(best.map_or(travel, |b| b.min(travel)));
            }
        }
        match best {
            Some(b) => {
                prop_assert!(proposal.feasible);
                prop_assert_eq!(proposal.travel_after, b);
            }
            None => prop_assert!(!proposal.feasible),
        }
        if fix_last {
            prop_assert_eq!(proposal.order.last().map(|s| s.site), stops.last().map(|s| s.site));
        }
    }

    #[test]
    fn the_heuristic_never_makes_things_worse(
        n in 13usize..=16,
        seed in proptest::collection::vec(0u32..1000, 16),
    ) {
        let (stops, facts, matrix) = instance(n, &seed, &[(0, 1440)]);
        let problem = Problem { departure: 480, weekday: Weekday::Saturday, stops: &stops, facts: &facts, matrix: &matrix, fix_last: false };
        let p = problem.solve();
        prop_assert!(!p.exact);
        prop_assert!(p.travel_after <= p.travel_before);
        let mut sites: Vec<_> = p.order.iter().map(|s| s.site).collect();
        sites.sort();
        prop_assert_eq!(sites, stops.iter().map(|s| s.site).collect::<Vec<_>>(), "every stop kept once");
    }
}
