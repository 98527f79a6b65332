use super::*;
use crate::clock::{Clock, FixedClock};
use crate::group::{Channel, GroupInput, Kind};
use crate::registration::register;

fn at(day: u32, hh: u32) -> Stamp {
    Stamp::new(
        "tester",
        FixedClock::at_iran(2026, 12, day, hh, 0).unwrap().now(),
    )
}

/// The demo programme; its first open tour (22 Dec, 8:00) with 3 seats left.
fn demo() -> (Connection, TourId) {
    let mut c = store::open_in_memory().unwrap();
    crate::demo::install(&mut c, &at(1, 9)).unwrap();
    let t = tour::of_programme(&c, crate::programme::current(&c).unwrap().unwrap().id)
        .unwrap()
        .into_iter()
        .find(|t| t.status == tour::Status::Open)
        .unwrap();
    (c, t.id)
}

fn add(c: &mut Connection, name: &str, n: usize) -> crate::ids::GroupId {
    let members = (0..n)
        .map(|i| MemberInput {
            full_name: format!("{name} {i}"),
            mobile: if i == 0 {
                "09131234567".into()
            } else {
                String::new()
            },
            birth_year: Some(1360),
            is_leader: i == 0,
            ..MemberInput::default()
        })
        .collect();
    group::create(
        c,
        &at(1, 9),
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
fn a_group_is_checked_in_by_its_code_once_and_only_on_the_tour_day() {
    let (mut c, tour) = demo();
    let g = add(&mut c, "خانواده", 2);
    let r = register(&mut c, &at(1, 9), g, tour, "").unwrap();
    assert_eq!(r.state, State::Confirmed);
    let text = code::code(&c, r.id).unwrap();
    let day = at(22, 7);
    let e = by_code(&mut c, &at(21, 7), tour, &text).unwrap_err();
    assert!(e.to_string().contains("not today"), "{e}");
    let done = by_code(&mut c, &day, tour, &format!("  {}\n", text.to_lowercase())).unwrap();
    assert!(!done.already);
    assert_eq!(done.group.present, 2);
    assert_eq!(reg::get(&c, r.id).unwrap().state, State::Attended);
    let again = by_code(&mut c, &day, tour, &text).unwrap();
    assert!(again.already, "a second scan changes nothing");
    // A mistyped code is refused with the reason; a code of another tour names that tour.
    let mut bad = text.clone();
    bad.pop();
    bad.push(if text.ends_with('0') { '1' } else { '0' });
    let e = by_code(&mut c, &day, tour, &bad).unwrap_err();
    assert_eq!(e.code(), crate::ErrorCode::InvalidInput);
    // Undo: back to confirmed, no marks.
    let undone = undo(&mut c, &day, r.id).unwrap();
    assert_eq!(undone.present, 0);
    assert_eq!(reg::get(&c, r.id).unwrap().state, State::Confirmed);
}

#[test]
fn ticks_walk_ins_and_departure_set_attendance_and_no_shows() {
    let (mut c, tour) = demo();
    let day = at(22, 7);
    let s = sheet(&c, tour).unwrap();
    assert_eq!(s.expected, 22, "the demo's two confirmed groups");
    let (school, mosque) = (&s.groups[0], &s.groups[1]);
    // Tick two pupils present and one absent.
    mark(
        &mut c,
        &day,
        school.registration.id,
        school.members[0].id,
        Some(true),
    )
    .unwrap();
    mark(
        &mut c,
        &day,
        school.registration.id,
        school.members[1].id,
        Some(true),
    )
    .unwrap();
    let g = mark(
        &mut c,
        &day,
        school.registration.id,
        school.members[2].id,
        Some(false),
    )
    .unwrap();
    assert_eq!(g.present, 2);
    assert_eq!(g.registration.state, State::Attended);
    // A walk-in joins the school group: one of the 3 free seats.
    assert!(
        walk_in(
            &mut c,
            &day,
            school.registration.id,
            MemberInput {
                full_name: "معلم همراه".into(),
                ..MemberInput::default()
            },
            ""
        )
        .is_err(),
        "needs a reason"
    );
    let g = walk_in(
        &mut c,
        &day,
        school.registration.id,
        MemberInput {
            full_name: "معلم همراه".into(),
            birth_year: Some(1360),
            ..MemberInput::default()
        },
        "معلم دوم مدرسه",
    )
    .unwrap();
    assert_eq!(g.registration.seats, 13);
    assert_eq!(g.present, 3);
    assert!(g
        .members
        .iter()
        .any(|m| m.walk_in && m.present == Some(true)));
    assert_eq!(reg::taken(&c, tour).unwrap(), 23);
    // Nobody of the mosque came: at departure it is a no-show; unticked pupils are absent.
    let d = close_departure(&mut c, &at(22, 8), tour).unwrap();
    assert_eq!(d.no_show_groups, 1);
    assert_eq!(
        d.absent_members,
        9 + 10,
        "9 unmarked pupils and the 10 of the mosque"
    );
    assert_eq!(
        reg::get(&c, mosque.registration.id).unwrap().state,
        State::NoShow
    );
    // The mosque arrives late and scans: present after all.
    let text = code::code(&c, mosque.registration.id).unwrap();
    let late = by_code(&mut c, &at(22, 8), tour, &text).unwrap();
    assert_eq!(late.group.present, 10);
    assert_eq!(
        reg::get(&c, mosque.registration.id).unwrap().state,
        State::Attended
    );
    // Clearing every mark of the school's present pupils leaves it attended by the walk-in.
    let s = sheet(&c, tour).unwrap();
    assert_eq!(s.present, 13);
}

#[test]
fn a_waiting_or_cancelled_group_cannot_check_in() {
    let (mut c, tour) = demo();
    let day = at(22, 7);
    let waiting = reg::of_tour(&c, tour)
        .unwrap()
        .into_iter()
        .find(|r| r.state == State::Waitlisted)
        .unwrap();
    let text = code::code(&c, waiting.id).unwrap();
    let e = by_code(&mut c, &day, tour, &text).unwrap_err();
    assert!(e.to_string().contains("waiting list"), "{e}");
}
