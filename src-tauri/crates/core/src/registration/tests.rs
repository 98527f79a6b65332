use proptest::prelude::*;

use super::*;
use crate::clock::{Clock, FixedClock};
use crate::group::{self, Channel, GroupInput, Kind, MemberInput};
use crate::persian::Weekday;
use crate::programme::{self, ProgrammeInput};
use crate::site::{self, Category, HoursWindow, Location, SiteInput, VisitRules};
use crate::time_of_day::TimeOfDay;
use crate::tour::itinerary::StopInput;
use chrono::NaiveDate;

fn stamp() -> Stamp {
    Stamp::new(
        "tester",
        FixedClock::at_iran(2026, 11, 28, 10, 0).unwrap().now(),
    )
}

/// `n` open tours of `seats` seats each (one stop, open all day).
fn setup(conn: &mut Connection, n: usize, seats: u32) -> Vec<TourId> {
    let t = |s: &str| TimeOfDay::parse(s).unwrap();
    programme::save(
        conn,
        &stamp(),
        ProgrammeInput {
            title: "آزمون".into(),
            starts: NaiveDate::from_ymd_opt(2026, 12, 26).unwrap(), // a Saturday
            length_days: n as u32,
            run_days: Weekday::ALL.into_iter().collect(),
            departures: vec![t("9:00")],
            default_seats: seats,
            meeting_point: String::new(),
            day_ends: t("20:00"),
        },
    )
    .unwrap();
    let plan = programme::plan_departures(conn).unwrap();
    programme::apply_plan(conn, &stamp(), &plan.fingerprint()).unwrap();
    let (site, _) = site::create(
        conn,
        &stamp(),
        SiteInput {
            name_fa: "سایت".into(),
            name_en: String::new(),
            category: Category::Square,
            district: 1,
            address: String::new(),
            location: Some(Location {
                latitude: 32.6552,
                longitude: 51.6712,
            }),
            progress: 0,
            department: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            description: String::new(),
            rules: VisitRules {
                max_visitors: 500,
                ..VisitRules::default()
            },
        },
    )
    .unwrap();
    let all_day: Vec<HoursWindow> = Weekday::ALL
        .into_iter()
        .map(|d| HoursWindow {
            weekday: d,
            opens: t("0:00"),
            closes: t("24:00"),
        })
        .collect();
    site::set_hours(conn, &stamp(), site, &all_day).unwrap();
    let tours: Vec<TourId> =
        tour::of_programme(conn, programme::current(conn).unwrap().unwrap().id)
            .unwrap()
            .into_iter()
            .map(|t| t.id)
            .collect();
    for &id in &tours {
        itinerary::set_stops(conn, &stamp(), id, &[StopInput { site, dwell: None }]).unwrap();
        tour::set_status(conn, &stamp(), id, tour::Status::Open).unwrap();
    }
    tours
}

fn add_group(conn: &mut Connection, name: &str, size: usize) -> GroupId {
    let members = (0..size)
        .map(|i| MemberInput {
            full_name: format!("{name} {i}"),
            mobile: if i == 0 {
                "09131234567".into()
            } else {
                String::new()
            },
            is_leader: i == 0,
            ..MemberInput::default()
        })
        .collect();
    group::create(
        conn,
        &stamp(),
        &GroupInput {
            name: name.into(),
            kind: Kind::Family,
            channel: Channel::Phone,
            preferred_from: None,
            preferred_to: None,
            preferred_sites: vec![],
            notes: String::new(),
            members,
        },
    )
    .unwrap()
    .0
}

#[test]
fn a_group_that_does_not_fit_whole_waits_and_is_promoted_when_seats_free() {
    let mut c = store::open_in_memory().unwrap();
    let tour = setup(&mut c, 1, 10)[0];
    let a = add_group(&mut c, "الف", 7);
    let b = add_group(&mut c, "ب", 4);
    let d = add_group(&mut c, "د", 3);
    let ra = register(&mut c, &stamp(), a, tour, "").unwrap();
    assert_eq!(ra.state, State::Confirmed);
    let rb = register(&mut c, &stamp(), b, tour, "").unwrap();
    assert_eq!(
        rb.state,
        State::Waitlisted,
        "4 seats do not fit in the 3 left; never split"
    );
    let rd = register(&mut c, &stamp(), d, tour, "").unwrap();
    assert_eq!(rd.state, State::Confirmed, "3 seats fit");
    assert_eq!(taken(&c, tour).unwrap(), 10);
    assert!(
        register(&mut c, &stamp(), d, tour, "").is_err(),
        "once per tour"
    );
    let out = cancel(&mut c, &stamp(), rd.id, "بیماری").unwrap();
    assert!(
        out.promoted.is_empty(),
        "3 free seats: the 4-seat group still waits"
    );
    let out = release_seats(&mut c, &stamp(), ra.id, 1, "یک نفر نمی‌آید").unwrap();
    assert_eq!(
        out.promoted,
        vec![rb.id],
        "now 4 are free: the earliest waiting group that fits"
    );
    assert_eq!(taken(&c, tour).unwrap(), 10);
    let events: i64 = c
        .query_row("SELECT count(*) FROM registration_events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(events, 6, "every change stamped");
}

#[test]
fn a_closed_tour_takes_no_registrations_and_moves_keep_groups_whole() {
    let mut c = store::open_in_memory().unwrap();
    let tours = setup(&mut c, 2, 5);
    let g = add_group(&mut c, "گروه", 5);
    tour::set_status(&mut c, &stamp(), tours[1], tour::Status::Cancelled).unwrap();
    assert!(register(&mut c, &stamp(), g, tours[1], "").is_err());
    tour::set_status(&mut c, &stamp(), tours[1], tour::Status::Open).unwrap();
    let r = register(&mut c, &stamp(), g, tours[0], "").unwrap();
    let h = add_group(&mut c, "دوم", 2);
    let rh = register(&mut c, &stamp(), h, tours[0], "").unwrap();
    assert_eq!(rh.state, State::Waitlisted);
    let out = move_to(&mut c, &stamp(), r.id, tours[1], "روز دیگر").unwrap();
    assert_eq!(out.registration.state, State::Confirmed);
    assert_eq!(out.registration.seats, 5);
    assert_eq!(
        out.promoted,
        vec![rh.id],
        "the move freed seats on the first tour"
    );
    assert!(
        reorder(&mut c, &stamp(), rh.id, None, "").is_err(),
        "reordering needs a reason"
    );
}

#[test]
fn two_threads_confirming_onto_the_last_seats_confirm_exactly_what_fits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("race.sqlite3");
    let (tour, groups) = {
        let mut c = store::open(&path).unwrap();
        let tour = setup(&mut c, 1, 10)[0];
        let filler = add_group(&mut c, "پر", 6);
        register(&mut c, &stamp(), filler, tour, "").unwrap();
        let groups: Vec<GroupId> = (0..8)
            .map(|i| add_group(&mut c, &format!("گروه {i}"), 2))
            .collect();
        (tour, groups)
    };
    let halves: Vec<Vec<GroupId>> = vec![
        groups.iter().step_by(2).copied().collect(),
        groups.iter().skip(1).step_by(2).copied().collect(),
    ];
    let handles: Vec<_> = halves
        .into_iter()
        .map(|mine| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut c = store::open(&path).unwrap();
                mine.into_iter()
                    .map(|g| register(&mut c, &stamp(), g, tour, "").unwrap().state)
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let states: Vec<State> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let confirmed = states.iter().filter(|s| **s == State::Confirmed).count();
    assert_eq!(
        confirmed, 2,
        "4 seats left, groups of 2: exactly two confirmed ({states:?})"
    );
    let c = store::open(&path).unwrap();
    assert_eq!(taken(&c, tour).unwrap(), 10);
}

#[derive(Debug, Clone)]
enum Op {
    Register(usize, usize),
    Cancel(usize),
    Release(usize),
    Move(usize, usize),
    MoreSeats(usize, u32),
    WaitDates(usize, usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..6usize, 0..3usize).prop_map(|(g, t)| Op::Register(g, t)),
        (0..20usize).prop_map(Op::Cancel),
        (0..20usize).prop_map(Op::Release),
        (0..20usize, 0..3usize).prop_map(|(r, t)| Op::Move(r, t)),
        (0..3usize, 1..4u32).prop_map(|(t, n)| Op::MoreSeats(t, n)),
        (0..6usize, 0..3usize, 0..3usize).prop_map(|(g, a, b)| Op::WaitDates(
            g,
            a.min(b),
            a.max(b)
        )),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_sequence_overbooks_splits_or_skips_the_waiting_list(ops in proptest::collection::vec(op(), 1..25)) {
        let mut c = store::open_in_memory().unwrap();
        let tours = setup(&mut c, 3, 6);
        let sizes = [1usize, 2, 3, 4, 5, 6];
        let groups: Vec<GroupId> = sizes.iter().enumerate().map(|(i, &n)| add_group(&mut c, &format!("g{i}"), n)).collect();
        let mut regs: Vec<RegistrationId> = Vec::new();
        for o in ops {
            match o {
                Op::Register(g, t) => {
                    if let Ok(r) = register(&mut c, &stamp(), groups[g], tours[t], "") {
                        regs.push(r.id);
                    }
                }
                Op::Cancel(i) | Op::Release(i) => if let Some(&r) = regs.get(i) {
                    // The waiting list before, to check that freed seats go in its order.
                    let tour = get(&c, r).unwrap().tour;
                    let before: Vec<Registration> = of_tour(&c, tour).unwrap().into_iter()
                        .filter(|x| x.state == State::Waitlisted && x.id != r).collect();
                    let out = if matches!(o, Op::Cancel(_)) {
                        cancel(&mut c, &stamp(), r, "test")
                    } else {
                        release_seats(&mut c, &stamp(), r, 1, "test")
                    };
                    if let Ok(out) = out {
                        let promoted_seats: u32 = out.promoted.iter().map(|p| get(&c, *p).unwrap().seats).sum();
                        let mut free = capacity(&c, tour).unwrap() - taken(&c, tour).unwrap() + promoted_seats;
                        let mut expected = Vec::new();
                        for w in &before {
                            if w.seats <= free { free -= w.seats; expected.push(w.id); }
                        }
                        let here: Vec<RegistrationId> = out.promoted.iter().copied().filter(|p| before.iter().any(|w| w.id == *p)).collect();
                        if here.len() == out.promoted.len() {
                            prop_assert_eq!(here, expected, "promoted in waiting-list order");
                        }
                    }
                },
                Op::WaitDates(g, a, b) => {
                    let from = tour::get(&c, tours[a]).unwrap().date;
                    let to = tour::get(&c, tours[b]).unwrap().date;
                    if let Ok(waits::WaitOutcome::Placed(r)) = waits::wait_for_dates(&mut c, &stamp(), groups[g], from, to, "") {
                        regs.push(r.id);
                    }
                }
                Op::Move(i, t) => if let Some(&r) = regs.get(i) {
                    if let Ok(out) = move_to(&mut c, &stamp(), r, tours[t], "test") { regs.push(out.registration.id); }
                },
                Op::MoreSeats(t, n) => {
                    let tr = tour::get(&c, tours[t]).unwrap();
                    tour::update(&mut c, &stamp(), tr.id, tr.departure, tr.seats + n, "", "").unwrap();
                    seats_changed(&mut c, &stamp(), tr.id).unwrap();
                }
            }
            for &t in &tours {
                let cap = capacity(&c, t).unwrap();
                let held = taken(&c, t).unwrap();
                prop_assert!(held <= cap, "tour {t}: {held} seats held, capacity {cap}");
                let free = cap - held;
                for r in of_tour(&c, t).unwrap() {
                    if r.state == State::Waitlisted {
                        prop_assert!(r.seats > free, "a waiting group of {} fits in {} free seats", r.seats, free);
                    }
                    let size = sizes[groups.iter().position(|g| *g == r.group).unwrap()] as u32;
                    prop_assert!(r.seats <= size, "never more seats than members");
                }
                let date = tour::get(&c, t).unwrap().date;
                for w in waits::covering(&c, date).unwrap() {
                    let on_it: bool = c.query_row(
                        "SELECT count(*) > 0 FROM registrations WHERE group_id = ?1 AND tour_id = ?2 AND state IN ('confirmed','waitlisted')",
                        rusqlite::params![w.group, t], |r| r.get(0)).unwrap();
                    prop_assert!(on_it || w.seats > free, "a group waiting for dates fits in {} free seats of tour {}", free, t);
                }
            }
            // A group is never active on two tours through a move, nor twice on one tour.
            let dup: i64 = c.query_row(
                "SELECT count(*) FROM (SELECT group_id, tour_id FROM registrations WHERE state IN ('confirmed','waitlisted') GROUP BY group_id, tour_id HAVING count(*) > 1)",
                [], |r| r.get(0)).unwrap();
            prop_assert_eq!(dup, 0);
        }
    }
}

#[test]
fn a_smaller_capacity_than_confirmed_seats_makes_the_tour_infeasible_and_a_bigger_one_promotes() {
    let mut c = store::open_in_memory().unwrap();
    let tour = setup(&mut c, 1, 6)[0];
    let a = add_group(&mut c, "الف", 4);
    let b = add_group(&mut c, "ب", 4);
    register(&mut c, &stamp(), a, tour, "").unwrap();
    let rb = register(&mut c, &stamp(), b, tour, "").unwrap();
    assert_eq!(rb.state, State::Waitlisted);
    // A bus of 10 seats replaces the default 6: the waiting group is confirmed.
    let bus = crate::tour::resources::save_vehicle(&mut c, &stamp(), None, "اتوبوس", "", 10, true)
        .unwrap();
    crate::tour::resources::assign_vehicle(&mut c, &stamp(), tour, bus).unwrap();
    assert_eq!(get(&c, rb.id).unwrap().state, State::Confirmed);
    // A smaller bus: 8 confirmed seats on a 5-seat capacity is a problem, not a silent bump.
    crate::tour::resources::unassign_vehicle(&mut c, &stamp(), tour, bus).unwrap();
    let small =
        crate::tour::resources::save_vehicle(&mut c, &stamp(), None, "ون", "", 5, true).unwrap();
    crate::tour::resources::assign_vehicle(&mut c, &stamp(), tour, small).unwrap();
    let s = itinerary::schedule(&c, tour).unwrap();
    assert!(
        s.problems
            .iter()
            .any(|p| p.code() == "capacity_below_registered"),
        "{:?}",
        s.problems
    );
    assert!(!s.is_feasible());
}

#[test]
fn members_failing_a_stop_rule_need_a_recorded_reason() {
    let mut c = store::open_in_memory().unwrap();
    let tour = setup(&mut c, 1, 20)[0];
    // The only site: min age 16, no step-free route.
    let site = itinerary::stops(&c, tour).unwrap()[0].site;
    let mut s = site::get_site(&c, site).unwrap().input;
    s.rules.min_age = 16;
    site::update(&mut c, &stamp(), site, s).unwrap();
    let members = vec![
        MemberInput {
            full_name: "پدر".into(),
            mobile: "09131234567".into(),
            is_leader: true,
            birth_year: Some(1360),
            ..MemberInput::default()
        },
        MemberInput {
            full_name: "دختر".into(),
            birth_year: Some(1395),
            ..MemberInput::default()
        },
        MemberInput {
            full_name: "مادربزرگ".into(),
            birth_year: Some(1330),
            step_free: true,
            ..MemberInput::default()
        },
    ];
    let g = group::create(
        &mut c,
        &stamp(),
        &GroupInput {
            name: "خانواده".into(),
            kind: Kind::Family,
            channel: Channel::WalkIn,
            preferred_from: None,
            preferred_to: None,
            preferred_sites: vec![],
            notes: String::new(),
            members,
        },
    )
    .unwrap()
    .0;
    let failing = eligibility(&c, g, tour).unwrap();
    let who: Vec<&str> = failing.iter().map(|f| f.member_name.as_str()).collect();
    assert_eq!(who, vec!["دختر", "مادربزرگ"], "{failing:?}");
    assert!(
        failing[0].why.en.contains("is 10 on the tour date"),
        "{:?}",
        failing[0].why
    );
    let e = register(&mut c, &stamp(), g, tour, "").unwrap_err();
    assert!(e.to_string().contains("write a reason"), "{e}");
    assert!(of_tour(&c, tour).unwrap().is_empty(), "nothing written");
    let r = register(
        &mut c,
        &stamp(),
        g,
        tour,
        "با همراه و رضایت‌نامه؛ صندلی چرخ‌دار در محل",
    )
    .unwrap();
    assert_eq!(
        r.override_reason,
        "با همراه و رضایت‌نامه؛ صندلی چرخ‌دار در محل"
    );
}

#[test]
fn a_group_waiting_for_any_tour_on_some_dates_is_placed_where_seats_free_in_first_come_order() {
    let mut c = store::open_in_memory().unwrap();
    let tours = setup(&mut c, 3, 6);
    let dates: Vec<NaiveDate> = tours
        .iter()
        .map(|t| tour::get(&c, *t).unwrap().date)
        .collect();
    let big = add_group(&mut c, "بزرگ", 6);
    let big2 = add_group(&mut c, "بزرگ دو", 6);
    let r0 = register(&mut c, &stamp(), big, tours[0], "").unwrap();
    let r1 = register(&mut c, &stamp(), big2, tours[1], "").unwrap();
    // A family of 3 asks for any tour on the first two days: both are full.
    let fam = add_group(&mut c, "خانواده", 3);
    let w = match waits::wait_for_dates(&mut c, &stamp(), fam, dates[0], dates[1], "").unwrap() {
        waits::WaitOutcome::Waiting(w) => w,
        other => panic!("both tours are full: {other:?}"),
    };
    assert!(
        waits::wait_for_dates(&mut c, &stamp(), fam, dates[0], dates[1], "").is_err(),
        "one wait at a time"
    );
    // Later, another group of 3 waits on the second tour itself.
    let late = add_group(&mut c, "دیرتر", 3);
    let rl = register(&mut c, &stamp(), late, tours[1], "").unwrap();
    assert_eq!(rl.state, State::Waitlisted);
    // The second tour frees up: the family came first, so it takes seats first.
    let out = cancel(&mut c, &stamp(), r1.id, "").unwrap();
    assert_eq!(
        out.promoted.len(),
        2,
        "6 seats: the family and then the later group"
    );
    let placed = waits::get_wait(&c, w.id).unwrap();
    assert_eq!(placed.state, waits::WaitState::Placed);
    let reg = get(&c, placed.registration.unwrap()).unwrap();
    assert_eq!(
        (reg.tour, reg.state, reg.seats),
        (tours[1], State::Confirmed, 3)
    );
    assert_eq!(
        out.promoted[0], reg.id,
        "first come first served across both lists"
    );
    // A range with room places at once; a range without open tours waits and can be cancelled.
    let other = add_group(&mut c, "دیگر", 2);
    match waits::wait_for_dates(&mut c, &stamp(), other, dates[0], dates[2], "").unwrap() {
        waits::WaitOutcome::Placed(r) => {
            assert_eq!(r.tour, tours[2], "the first tour in the range with room")
        }
        other => panic!("tour 3 has room: {other:?}"),
    }
    let solo = add_group(&mut c, "تنها", 1);
    let w = match waits::wait_for_dates(&mut c, &stamp(), solo, dates[0], dates[0], "").unwrap() {
        waits::WaitOutcome::Waiting(w) => w,
        other => panic!("tour 1 is full: {other:?}"),
    };
    waits::cancel_wait(&mut c, &stamp(), w.id, "دیگر نمی‌آیند").unwrap();
    cancel(&mut c, &stamp(), r0.id, "").unwrap();
    assert_eq!(
        waits::get_wait(&c, w.id).unwrap().state,
        waits::WaitState::Cancelled,
        "a cancelled wait is not placed"
    );
    assert!(
        waits::wait_for_dates(&mut c, &stamp(), solo, dates[1], dates[0], "").is_err(),
        "range backwards"
    );
}

#[test]
fn a_group_growing_on_a_full_tour_is_refused_and_shrinking_frees_seats() {
    let mut c = store::open_in_memory().unwrap();
    let tour = setup(&mut c, 1, 6)[0];
    let a = add_group(&mut c, "الف", 4);
    let b = add_group(&mut c, "ب", 3);
    let ra = register(&mut c, &stamp(), a, tour, "").unwrap();
    let rb = register(&mut c, &stamp(), b, tour, "").unwrap();
    assert_eq!(rb.state, State::Waitlisted);
    let mut input = group_input(&c, a);
    input.members.push(MemberInput {
        full_name: "تازه".into(),
        ..MemberInput::default()
    });
    input.members.push(MemberInput {
        full_name: "تازه دو".into(),
        ..MemberInput::default()
    });
    input.members.push(MemberInput {
        full_name: "تازه سه".into(),
        ..MemberInput::default()
    });
    let e = group::update(&mut c, &stamp(), a, &input).unwrap_err();
    assert!(e.to_string().contains("2 free seats"), "{e}");
    assert_eq!(
        group::get(&c, a).unwrap().members.len(),
        4,
        "nothing half-written"
    );
    // One member drops out: 3 seats free, the waiting group of 3 is confirmed.
    let mut input = group_input(&c, a);
    let kept: Vec<crate::ids::MemberId> = group::get(&c, a)
        .unwrap()
        .members
        .iter()
        .map(|m| m.id)
        .take(3)
        .collect();
    input.members.truncate(3);
    group::update(&mut c, &stamp(), a, &input).unwrap();
    assert_eq!(get(&c, ra.id).unwrap().seats, 3);
    assert_eq!(get(&c, rb.id).unwrap().state, State::Confirmed);
    let now: Vec<crate::ids::MemberId> = group::get(&c, a)
        .unwrap()
        .members
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(now, kept, "members keep their ids through an edit");
}

fn group_input(c: &Connection, g: GroupId) -> GroupInput {
    group::as_input(&group::get(c, g).unwrap())
}

#[test]
fn registration_codes_check_and_refuse_mistyped_or_forged_codes() {
    let mut c = store::open_in_memory().unwrap();
    let tour = setup(&mut c, 1, 10)[0];
    let g = add_group(&mut c, "کد", 2);
    let r = register(&mut c, &stamp(), g, tour, "").unwrap();
    let text = code::code(&c, r.id).unwrap();
    assert!(text.starts_with(&format!("GRD-{}-", r.id)), "{text}");
    assert_eq!(code::verify(&c, &text).unwrap(), r.id);
    // As typed: lower case, Persian digits, spaces.
    let typed = crate::persian::digits::to_persian(&text.to_lowercase()).replace('-', " - ");
    assert_eq!(code::verify(&c, &typed).unwrap(), r.id, "{typed}");
    // One character mistyped in the check, or in the id.
    let mut chars: Vec<char> = text.chars().collect();
    let last = chars.len() - 1;
    chars[last] = if chars[last] == 'A' { 'B' } else { 'A' };
    let e = code::verify(&c, &chars.into_iter().collect::<String>()).unwrap_err();
    assert_eq!(e.code(), crate::ErrorCode::InvalidInput);
    let check = text.rsplit('-').next().unwrap();
    assert!(code::verify(&c, &format!("GRD-{}-{check}", r.id.get() + 1)).is_err());
    // Made with another database's key: forged here.
    let other = store::open_in_memory().unwrap();
    let mut o = other;
    let t2 = setup(&mut o, 1, 10)[0];
    let g2 = add_group(&mut o, "دیگری", 1);
    let r2 = register(&mut o, &stamp(), g2, t2, "").unwrap();
    let forged = code::code(&o, r2.id).unwrap();
    assert!(
        code::verify(
            &c,
            &format!("GRD-{}-{}", r.id, forged.rsplit('-').next().unwrap())
        )
        .is_err(),
        "a check made with another key"
    );
    assert!(code::verify(&c, "سلام").is_err());
    assert!(code::verify(&c, "").is_err());
}
