use super::*;
use crate::clock::{Clock, FixedClock};

fn stamp() -> Stamp {
    Stamp::new(
        "tester",
        FixedClock::at_iran(2026, 11, 28, 10, 0).unwrap().now(),
    )
}

fn input(name: &str) -> SiteInput {
    SiteInput {
        name_fa: name.into(),
        name_en: "Kaveh station".into(),
        category: Category::MetroStation,
        district: 6,
        address: "خیابان کاوه".into(),
        location: Some(Location {
            latitude: 32.68,
            longitude: 51.66,
        }),
        progress: 70,
        department: "قطار شهری".into(),
        contact_name: "آقای رضایی".into(),
        contact_phone: "۰۹۱۳ ۱۲۳ ۴۵۶۷".into(),
        description: String::new(),
        rules: VisitRules {
            min_age: 16,
            ppe: [Ppe::Helmet, Ppe::Vest].into(),
            ..VisitRules::default()
        },
    }
}

fn db() -> Connection {
    store::open_in_memory().unwrap()
}

#[test]
fn create_get_update_round_trip() {
    let mut c = db();
    let (id, warnings) = create(&mut c, &stamp(), input("ایستگاه کاوه")).unwrap();
    assert!(warnings.is_empty());
    let s = get_site(&c, id).unwrap();
    assert_eq!(s.input.name_fa, "ایستگاه کاوه");
    assert_eq!(
        s.input.contact_phone, "0913 123 4567",
        "digits stored in Latin"
    );
    assert_eq!(s.input.rules.ppe, [Ppe::Helmet, Ppe::Vest].into());
    let mut changed = input("ایستگاه کاوه (تغییر)");
    changed.rules.step_free = true;
    changed.location = None;
    update(&mut c, &stamp(), id, changed).unwrap();
    let s = get_site(&c, id).unwrap();
    assert_eq!(s.input.name_fa, "ایستگاه کاوه (تغییر)");
    assert!(s.input.rules.step_free);
    assert_eq!(s.input.location, None);
    let log = audit::recent(&c, Some("site"), 10).unwrap();
    assert_eq!(
        log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["site.update", "site.create"]
    );
}

#[test]
fn bad_input_is_refused_with_the_field_named() {
    let cases: Vec<(SiteInput, &str)> = vec![
        (
            SiteInput {
                name_fa: "  ".into(),
                ..input("x")
            },
            "nameFa",
        ),
        (
            SiteInput {
                name_fa: "ن".repeat(121),
                ..input("x")
            },
            "nameFa",
        ),
        (
            SiteInput {
                district: 16,
                ..input("x")
            },
            "district",
        ),
        (
            SiteInput {
                district: 0,
                ..input("x")
            },
            "district",
        ),
        (
            SiteInput {
                progress: 101,
                ..input("x")
            },
            "progress",
        ),
        (
            SiteInput {
                location: Some(Location {
                    latitude: 91.0,
                    longitude: 51.0,
                }),
                ..input("x")
            },
            "location",
        ),
        (
            SiteInput {
                location: Some(Location {
                    latitude: f64::NAN,
                    longitude: 51.0,
                }),
                ..input("x")
            },
            "location",
        ),
        (
            SiteInput {
                contact_phone: "call me".into(),
                ..input("x")
            },
            "contactPhone",
        ),
        (
            SiteInput {
                rules: VisitRules {
                    max_visitors: 0,
                    ..VisitRules::default()
                },
                ..input("x")
            },
            "maxVisitors",
        ),
        (
            SiteInput {
                rules: VisitRules {
                    visit_minutes: 2,
                    ..VisitRules::default()
                },
                ..input("x")
            },
            "visitMinutes",
        ),
    ];
    let mut c = db();
    for (bad, field) in cases {
        match create(&mut c, &stamp(), bad) {
            Err(Error::Invalid { field: f, why }) => {
                assert_eq!(f, field);
                assert!(!why.fa.is_empty() && !why.en.is_empty());
            }
            other => panic!("{field}: expected a refusal, got {other:?}"),
        }
    }
    assert!(
        list(
            &c,
            &Filter {
                include_archived: true,
                ..Filter::default()
            }
        )
        .unwrap()
        .is_empty(),
        "nothing half-written"
    );
}

#[test]
fn outside_isfahan_is_a_warning_not_a_refusal() {
    let mut c = db();
    let far = SiteInput {
        location: Some(Location {
            latitude: 35.7,
            longitude: 51.4,
        }),
        ..input("تهران؟")
    };
    let (_, warnings) = create(&mut c, &stamp(), far).unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].en.contains("outside the Isfahan region"));
}

fn names(c: &Connection, f: Filter) -> Vec<SiteId> {
    list(c, &f).unwrap().into_iter().map(|s| s.id).collect()
}

#[test]
fn list_searches_normalised_text_and_filters() {
    let mut c = db();
    let (a, _) = create(&mut c, &stamp(), input("ایستگاه کاوه")).unwrap();
    let (b, _) = create(
        &mut c,
        &stamp(),
        SiteInput {
            district: 3,
            category: Category::Square,
            address: "کنار مسجد جامع".into(),
            ..input("میدان امام علی")
        },
    )
    .unwrap();
    assert_eq!(
        names(
            &c,
            Filter {
                text: "كاوه".into(),
                ..Filter::default()
            }
        ),
        vec![a],
        "Arabic kaf finds Persian"
    );
    assert_eq!(
        names(
            &c,
            Filter {
                text: "امام علي".into(),
                ..Filter::default()
            }
        ),
        vec![b]
    );
    assert_eq!(
        names(
            &c,
            Filter {
                text: "KAVEH".into(),
                ..Filter::default()
            }
        ),
        vec![a, b],
        "both carry the English name"
    );
    assert_eq!(
        names(
            &c,
            Filter {
                district: Some(3),
                ..Filter::default()
            }
        ),
        vec![b]
    );
    assert_eq!(
        names(
            &c,
            Filter {
                category: Some(Category::MetroStation),
                ..Filter::default()
            }
        ),
        vec![a]
    );
    assert_eq!(
        names(
            &c,
            Filter {
                text: "%".into(),
                ..Filter::default()
            }
        ),
        Vec::<SiteId>::new(),
        "% is searched for, not a wildcard"
    );
    set_archived(&mut c, &stamp(), a, true).unwrap();
    assert_eq!(
        names(&c, Filter::default()),
        vec![b],
        "archived sites are hidden"
    );
    assert_eq!(
        names(
            &c,
            Filter {
                include_archived: true,
                ..Filter::default()
            }
        )
        .len(),
        2
    );
}

#[test]
fn hours_are_validated_and_replaced_whole() {
    let mut c = db();
    let (id, _) = create(&mut c, &stamp(), input("سایت")).unwrap();
    let w = |d, o: &str, cl: &str| HoursWindow {
        weekday: d,
        opens: TimeOfDay::parse(o).unwrap(),
        closes: TimeOfDay::parse(cl).unwrap(),
    };
    set_hours(
        &mut c,
        &stamp(),
        id,
        &[
            w(Weekday::Sunday, "14:00", "16:00"),
            w(Weekday::Saturday, "8:00", "12:00"),
            w(Weekday::Sunday, "8:00", "12:00"),
        ],
    )
    .unwrap();
    let h = hours(&c, id).unwrap();
    assert_eq!(h.len(), 3);
    assert_eq!(
        h[0].weekday,
        Weekday::Saturday,
        "sorted by weekday then time"
    );
    for bad in [
        vec![w(Weekday::Monday, "12:00", "10:00")],
        vec![
            w(Weekday::Monday, "8:00", "12:00"),
            w(Weekday::Monday, "11:00", "13:00"),
        ],
    ] {
        assert!(set_hours(&mut c, &stamp(), id, &bad).is_err());
    }
    assert_eq!(
        hours(&c, id).unwrap(),
        h,
        "a refused change leaves the old hours"
    );
}

#[test]
fn closures_need_a_reason_and_an_order() {
    let mut c = db();
    let (id, _) = create(&mut c, &stamp(), input("سایت")).unwrap();
    let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
    assert!(add_closure(&mut c, &stamp(), id, d(1, 10), d(1, 9), "بتن‌ریزی").is_err());
    assert!(add_closure(&mut c, &stamp(), id, d(1, 9), d(1, 10), "  ").is_err());
    let cid = add_closure(&mut c, &stamp(), id, d(1, 9), d(1, 15), "بتن‌ریزی").unwrap();
    assert_eq!(
        closures_between(&c, d(1, 15), d(1, 20)).unwrap().len(),
        1,
        "overlaps on the last day"
    );
    assert!(closures_between(&c, d(1, 16), d(1, 20)).unwrap().is_empty());
    remove_closure(&mut c, &stamp(), cid).unwrap();
    assert!(closures(&c, id).unwrap().is_empty());
    assert!(matches!(
        remove_closure(&mut c, &stamp(), cid),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn undo_walks_back_every_kind_of_change() {
    let mut c = db();
    let (id, _) = create(&mut c, &stamp(), input("اول")).unwrap();
    update(&mut c, &stamp(), id, input("دوم")).unwrap();
    let d = NaiveDate::from_ymd_opt(2027, 1, 9).unwrap();
    add_closure(&mut c, &stamp(), id, d, d, "بتن‌ریزی").unwrap();
    set_archived(&mut c, &stamp(), id, true).unwrap();

    let u = undo_last_change(&mut c, &stamp()).unwrap().unwrap();
    assert_eq!(u.action, "archive");
    assert!(!get_site(&c, id).unwrap().archived);
    assert_eq!(
        undo_last_change(&mut c, &stamp()).unwrap().unwrap().action,
        "closure"
    );
    assert!(closures(&c, id).unwrap().is_empty());
    assert_eq!(
        undo_last_change(&mut c, &stamp()).unwrap().unwrap().action,
        "update"
    );
    assert_eq!(get_site(&c, id).unwrap().input.name_fa, "اول");
    let u = undo_last_change(&mut c, &stamp()).unwrap().unwrap();
    assert!(u.site_removed, "undoing a creation removes the site");
    assert!(matches!(get_site(&c, id), Err(Error::NotFound { .. })));
    assert_eq!(
        undo_last_change(&mut c, &stamp()).unwrap(),
        None,
        "nothing left to undo"
    );
}

// ---- photos ---------------------------------------------------------------------------

fn encode(img: &image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A JPEG with an EXIF APP1 segment saying "rotate 90° clockwise" (orientation 6).
fn jpeg_with_orientation(w: u32, h: u32, orientation: u16) -> Vec<u8> {
    let plain = encode(
        &image::DynamicImage::new_rgb8(w, h),
        image::ImageFormat::Jpeg,
    );
    let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let len = (app1.len() + 2) as u16;
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

#[test]
fn photos_are_resized_oriented_and_listed() {
    let mut c = db();
    let (id, _) = create(&mut c, &stamp(), input("سایت")).unwrap();
    let big = image::DynamicImage::new_rgb8(4000, 3000);
    for (name, bytes) in [
        ("a.jpg", encode(&big, image::ImageFormat::Jpeg)),
        (
            "b.png",
            encode(
                &image::DynamicImage::new_rgba8(800, 600),
                image::ImageFormat::Png,
            ),
        ),
        (
            "c.webp",
            encode(
                &image::DynamicImage::new_rgba8(640, 480),
                image::ImageFormat::WebP,
            ),
        ),
    ] {
        let p = photo::prepare(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(p.width <= photo::DISPLAY_PX && p.height <= photo::DISPLAY_PX);
        photo::add(&mut c, &stamp(), id, name, &p).unwrap();
    }
    let photos = photo::list(&c, id).unwrap();
    assert_eq!(photos.len(), 3);
    assert_eq!(
        (photos[0].width, photos[0].height),
        (1600, 1200),
        "4000×3000 becomes 1600×1200"
    );
    assert!(photos[0].is_cover, "the first photo becomes the cover");
    let thumb = photo::bytes(&c, photos[0].id, true).unwrap();
    let t = image::load_from_memory(&thumb).unwrap();
    assert_eq!((t.width(), t.height()), (320, 240));
    photo::set_cover(&mut c, &stamp(), photos[2].id).unwrap();
    assert_eq!(get_site(&c, id).unwrap().cover_photo, Some(photos[2].id));
    photo::remove(&mut c, &stamp(), photos[2].id).unwrap();
    assert_eq!(
        get_site(&c, id).unwrap().cover_photo,
        Some(photos[0].id),
        "cover moves to the first remaining"
    );
    assert_eq!(get_site(&c, id).unwrap().photo_count, 2);
}

#[test]
fn exif_orientation_is_honoured() {
    let p = photo::prepare(&jpeg_with_orientation(400, 200, 6)).unwrap();
    assert_eq!((p.width, p.height), (200, 400), "rotated a quarter turn");
    let p = photo::prepare(&jpeg_with_orientation(400, 200, 1)).unwrap();
    assert_eq!((p.width, p.height), (400, 200));
}

#[test]
fn bad_photos_are_refused_and_nothing_is_stored() {
    let mut c = db();
    let (id, _) = create(&mut c, &stamp(), input("سایت")).unwrap();
    let jpeg = encode(
        &image::DynamicImage::new_rgb8(640, 480),
        image::ImageFormat::Jpeg,
    );
    let gif = encode(
        &image::DynamicImage::new_rgba8(10, 10),
        image::ImageFormat::Png,
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "text",
            b"hello, this is not an image".to_vec(),
            "not a JPEG, PNG or WebP",
        ),
        ("empty", Vec::new(), "not a JPEG, PNG or WebP"),
        (
            "truncated",
            jpeg[..jpeg.len() / 3].to_vec(),
            "damaged or incomplete",
        ),
        (
            "bmp",
            b"BM\x3e\0\0\0\0\0\0\0".to_vec(),
            "not a JPEG, PNG or WebP",
        ),
        ("cut png", gif[..40].to_vec(), "damaged or incomplete"),
    ];
    for (name, bytes, why) in cases {
        match photo::prepare(&bytes) {
            Err(e) => assert!(e.to_string().contains(why), "{name}: {e}"),
            Ok(_) => panic!("{name} must be refused"),
        }
    }
    assert!(photo::list(&c, id).unwrap().is_empty());
    let _ = &mut c;
}

#[test]
fn more_than_50_megapixels_is_refused_from_the_header() {
    // A PNG header claiming 10,000 × 6,000 (60 MP) with no pixel data: refused before any
    // decoding, so no 240 MB buffer is ever allocated.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&10_000u32.to_be_bytes());
    png.extend_from_slice(&6_000u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0]);
    let crc = crc32(&png[12..]);
    png.extend_from_slice(&crc.to_be_bytes());
    for (kind, data) in [
        (&b"IDAT"[..], &b"\x78\x9c\x03\x00\x00\x00\x00\x01"[..]),
        (&b"IEND"[..], &b""[..]),
    ] {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = png.len();
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        let crc = crc32(&png[start..]);
        png.extend_from_slice(&crc.to_be_bytes());
    }
    let e = photo::prepare(&png).expect_err("60 MP is over the limit");
    assert!(e.to_string().contains("60.0 megapixels"), "{e}");
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
