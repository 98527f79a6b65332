use super::*;
use crate::clock::{Clock, FixedClock};

fn stamp() -> Stamp {
    Stamp::new(
        "tester",
        FixedClock::at_iran(2026, 11, 28, 10, 0).unwrap().now(),
    )
}

fn member(name: &str, nid: &str, mobile: &str, leader: bool) -> MemberInput {
    MemberInput {
        full_name: name.into(),
        national_id: nid.into(),
        mobile: mobile.into(),
        is_leader: leader,
        ..MemberInput::default()
    }
}

fn group(name: &str, members: Vec<MemberInput>) -> GroupInput {
    GroupInput {
        name: name.into(),
        kind: Kind::Neighbourhood,
        channel: Channel::Phone,
        preferred_from: None,
        preferred_to: None,
        preferred_sites: vec![],
        notes: String::new(),
        members,
    }
}

#[test]
fn a_group_with_valid_members_is_saved_and_read_back() {
    let mut c = store::open_in_memory().unwrap();
    let input = group(
        "محله‌ی جلفا",
        vec![
            member("علی کاظمی", "۰۴۹۹۳۷۰۸۹۹", "+98 913 123 4567", true),
            member("مریم کاظمی", "84575948", "", false),
        ],
    );
    let (id, check) = create(&mut c, &stamp(), &input).unwrap();
    assert!(check.problems.is_empty() && check.duplicates.is_empty());
    let g = get(&c, id).unwrap();
    assert_eq!(g.members.len(), 2);
    assert_eq!(
        g.members[0].national_id.as_deref(),
        Some("0499370899"),
        "normalised"
    );
    assert_eq!(g.members[0].mobile.as_deref(), Some("09131234567"));
    assert_eq!(
        g.members[1].national_id.as_deref(),
        Some("0084575948"),
        "left-padded"
    );
    assert!(g.members[0].is_leader);
}

#[test]
fn every_bad_row_is_listed_and_nothing_is_saved() {
    let mut c = store::open_in_memory().unwrap();
    let input = group(
        "گروه",
        vec![
            member("علی", "0684159415", "09131234567", true),
            member("", "", "", false),
            member("رضا", "", "08131234567", false),
            member("زهرا", "0499370899", "", false),
            member("سارا", "049-937089-9", "", false),
        ],
    );
    let ch = check(&c, &input, None).unwrap();
    let fields: Vec<(Option<usize>, &str)> = ch.problems.iter().map(|p| (p.row, p.field)).collect();
    assert_eq!(
        fields,
        vec![
            (Some(0), "nationalId"),
            (Some(1), "fullName"),
            (Some(2), "mobile"),
            (Some(4), "nationalId")
        ],
        "{:?}",
        ch.problems
    );
    assert!(ch.problems[0].why.en.contains("check digit"));
    assert!(
        ch.problems[3].why.en.contains("row 4"),
        "same ID twice in the group: {:?}",
        ch.problems[3].why
    );
    let e = create(&mut c, &stamp(), &input).unwrap_err();
    assert!(e.to_string().contains("row 1"), "{e}");
    assert!(
        search(&c, "علی", 10).unwrap().is_empty(),
        "nothing half-written"
    );
    // The leader rule.
    let no_leader = group("گروه", vec![member("علی", "", "09131234567", false)]);
    assert!(check(&c, &no_leader, None)
        .unwrap()
        .problems
        .iter()
        .any(|p| p.field == "leader"));
    let silent_leader = group("گروه", vec![member("علی", "", "", true)]);
    assert!(check(&c, &silent_leader, None)
        .unwrap()
        .problems
        .iter()
        .any(|p| p.field == "mobile"));
}

#[test]
fn a_duplicate_in_another_group_is_flagged_and_kept_only_with_a_reason() {
    let mut c = store::open_in_memory().unwrap();
    create(
        &mut c,
        &stamp(),
        &group(
            "مدرسه‌ی سعدی",
            vec![member("علی کاظمی", "0499370899", "09131234567", true)],
        ),
    )
    .unwrap();
    let mut second = group(
        "مسجد جامع",
        vec![member("علی کاظمی", "۰۴۹۹۳۷۰۸۹۹", "09121234567", true)],
    );
    let ch = check(&c, &second, None).unwrap();
    assert_eq!(ch.duplicates.len(), 1);
    assert_eq!(ch.duplicates[0].other_group_name, "مدرسه‌ی سعدی");
    let e = create(&mut c, &stamp(), &second).unwrap_err();
    assert!(
        e.to_string().contains("مدرسه‌ی سعدی"),
        "names the other group: {e}"
    );
    second.members[0].duplicate_reason = "پدر و معلم؛ با هر دو گروه می‌آید".into();
    let (id, _) = create(&mut c, &stamp(), &second).unwrap();
    assert_eq!(
        get(&c, id).unwrap().members[0].duplicate_reason,
        "پدر و معلم؛ با هر دو گروه می‌آید"
    );
    // Editing a group does not flag its own members.
    assert!(check(&c, &second, Some(id))
        .unwrap()
        .duplicates
        .iter()
        .all(|d| d.other_group != id));
}

#[test]
fn search_finds_names_ids_and_mobiles_however_typed() {
    let mut c = store::open_in_memory().unwrap();
    let (id, _) = create(
        &mut c,
        &stamp(),
        &group(
            "محله‌ی جلفا",
            vec![
                member("علی کاظمی", "0499370899", "09131234567", true),
                member("مُحَمَّد رضایی", "", "", false),
            ],
        ),
    )
    .unwrap();
    let groups = |q: &str| {
        search(&c, q, 20)
            .unwrap()
            .into_iter()
            .map(|h| (h.group, h.member_name))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        groups("علي كاظمي"),
        vec![(id, Some("علی کاظمی".to_string()))]
    );
    assert_eq!(groups("محمد").len(), 1, "vowel marks do not matter");
    assert_eq!(
        groups("۰۴۹۹۳"),
        vec![(id, Some("علی کاظمی".to_string()))],
        "national ID prefix in Persian digits"
    );
    assert_eq!(
        groups("0913 123").len(),
        0,
        "mobile words must each match a token prefix"
    );
    assert_eq!(groups("۰۹۱۳۱۲۳").len(), 1);
    assert_eq!(groups("جلفا"), vec![(id, None)], "the group's own name");
    assert!(groups("\"*) NEAR(").is_empty(), "hostile input is harmless");
}

#[test]
fn update_replaces_members_and_the_search_index() {
    let mut c = store::open_in_memory().unwrap();
    let (id, _) = create(
        &mut c,
        &stamp(),
        &group("گروه", vec![member("علی", "", "09131234567", true)]),
    )
    .unwrap();
    update(
        &mut c,
        &stamp(),
        id,
        &group("گروه", vec![member("زهرا", "", "09131234567", true)]),
    )
    .unwrap();
    assert!(search(&c, "علی", 10).unwrap().is_empty());
    assert_eq!(search(&c, "زهرا", 10).unwrap().len(), 1);
    assert!(matches!(
        update(&mut c, &stamp(), GroupId(999), &group("x", vec![])),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_groups_list_searches_and_filters_by_kind_channel_and_registration() {
    use super::list::{list, Filter};
    let mut c = store::open_in_memory().unwrap();
    let mut school = group(
        "دبیرستان سعدی",
        vec![
            member("زهرا رضایی", "0499370899", "09131234567", true),
            member("سارا احمدی", "", "", false),
        ],
    );
    school.kind = Kind::School;
    school.channel = Channel::Line137;
    let (s, _) = create(&mut c, &stamp(), &school).unwrap();
    let (n, _) = create(
        &mut c,
        &stamp(),
        &group(
            "محله‌ی جلفا",
            vec![member("علي كاظمي", "", "09121112233", true)],
        ),
    )
    .unwrap();
    let ids = |f: Filter| {
        list(&c, &f)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Filter::default()), vec![n, s], "newest first");
    assert_eq!(
        ids(Filter {
            kind: Some(Kind::School),
            ..Filter::default()
        }),
        vec![s]
    );
    assert_eq!(
        ids(Filter {
            channel: Some(Channel::Phone),
            ..Filter::default()
        }),
        vec![n]
    );
    // Arabic letter forms and Persian digits find the same member; the row names who matched.
    let rows = list(
        &c,
        &Filter {
            text: "علی کاظ".into(),
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].matched_member.as_deref(), Some("علي كاظمي"));
    assert_eq!(rows[0].leader_mobile.as_deref(), Some("09121112233"));
    assert_eq!(
        ids(Filter {
            text: "۰۹۱۳".into(),
            ..Filter::default()
        }),
        vec![s]
    );
    assert_eq!(
        ids(Filter {
            text: "سعدی".into(),
            ..Filter::default()
        }),
        vec![s]
    );
    assert_eq!(rows[0].members, 1);
    assert!(ids(Filter {
        text: "ناموجود".into(),
        ..Filter::default()
    })
    .is_empty());
    // Nobody is registered yet: a state filter finds no one.
    assert!(ids(Filter {
        state: Some(crate::registration::State::Confirmed),
        ..Filter::default()
    })
    .is_empty());
}

#[test]
fn a_group_is_removed_only_while_it_has_no_history() {
    let mut c = store::open_in_memory().unwrap();
    let (id, _) = create(
        &mut c,
        &stamp(),
        &group("اشتباه", vec![member("علی", "", "09131234567", true)]),
    )
    .unwrap();
    remove(&mut c, &stamp(), id).unwrap();
    assert!(get(&c, id).is_err());
    assert!(
        search(&c, "اشتباه", 10).unwrap().is_empty(),
        "gone from search too"
    );
    assert!(
        remove(&mut c, &stamp(), id).is_err(),
        "not found the second time"
    );
}
