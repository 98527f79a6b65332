//! The demo programme: realistic Isfahan sites (metro line 1 and 2, the 4th ring road,
//! Chaharbagh, Imam Ali Square), their rules, hours and a closure, and an 80-day
//! programme from 1 Dey 1405, with the 1405 holidays. Marked as demo everywhere.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::SiteId;
use crate::persian::Weekday;
use crate::programme::{self, holidays, ProgrammeInput};
use crate::site::{self, Category, HoursWindow, Location, Ppe, SiteInput, VisitRules};
use crate::store;
use crate::time_of_day::TimeOfDay;
use crate::tour::itinerary::StopInput;

struct DemoSite {
    fa: &'static str,
    en: &'static str,
    category: Category,
    district: u8,
    address: &'static str,
    lat: f64,
    lng: f64,
    progress: u8,
    department: &'static str,
    max_visitors: u32,
    minutes: u32,
    min_age: u8,
    ppe: &'static [Ppe],
    step_free: bool,
    notes: &'static str,
    description: &'static str,
    /// Saturday–Wednesday hours, and Thursday's closing time when it is earlier.
    opens: (u32, u32),
    closes: (u32, u32),
    thursday_closes: Option<(u32, u32)>,
}

const METRO2: &str = "سازمان قطار شهری اصفهان";
const ROADS: &str = "معاونت حمل‌ونقل و ترافیک";
const CIVIL: &str = "معاونت شهرسازی و معماری";
const TUNNEL_PPE: &[Ppe] = &[Ppe::Helmet, Ppe::Vest, Ppe::ClosedShoes, Ppe::LongTrousers];
const SITE_PPE: &[Ppe] = &[Ppe::Helmet, Ppe::Vest, Ppe::ClosedShoes];
const WALK_PPE: &[Ppe] = &[Ppe::ClosedShoes];

// Coordinates: Si-o-se-pol and Naqsh-e Jahan are public facts; the others are placed
// plausibly (approx.) along their routes.
const SITES: &[DemoSite] = &[
    DemoSite { fa: "ایستگاه زینبیه (خط ۲ مترو)", en: "Zeynabieh station (metro line 2)", category: Category::MetroStation, district: 7, address: "زینبیه، انتهای خیابان زینبیه شمالی", lat: 32.7045, lng: 51.7012, progress: 86, department: METRO2, max_visitors: 25, minutes: 45, min_age: 16, ppe: TUNNEL_PPE, step_free: false, notes: "ورود به سکو فقط با راهنما. کلاه و جلیقه در محل تحویل داده می‌شود.", description: "از نخستین ایستگاه‌های خط ۲ که برای بهره‌برداری آماده می‌شود (تقریبی).", opens: (8, 0), closes: (15, 0), thursday_closes: Some((12, 0)) },
    DemoSite { fa: "ایستگاه عمان سامانی (خط ۲ مترو)", en: "Oman Samani station (metro line 2)", category: Category::MetroStation, district: 7, address: "خیابان عمان سامانی", lat: 32.6962, lng: 51.6921, progress: 80, department: METRO2, max_visitors: 25, minutes: 45, min_age: 16, ppe: TUNNEL_PPE, step_free: false, notes: "پله‌های موقت؛ کفش بسته و شلوار بلند الزامی است.", description: "ایستگاه زیرزمینی خط ۲ در شمال شرق شهر (تقریبی).", opens: (8, 0), closes: (15, 0), thursday_closes: Some((12, 0)) },
    DemoSite { fa: "ایستگاه شاهد (خط ۲ مترو)", en: "Shahed station (metro line 2)", category: Category::MetroStation, district: 6, address: "میدان شاهد", lat: 32.6871, lng: 51.6815, progress: 78, department: METRO2, max_visitors: 20, minutes: 40, min_age: 16, ppe: TUNNEL_PPE, step_free: false, notes: "گروه‌ها پیش از ورود توجیه ایمنی می‌شوند.", description: "ایستگاه خط ۲ نزدیک میدان شاهد (تقریبی).", opens: (8, 30), closes: (14, 30), thursday_closes: Some((12, 0)) },
    DemoSite { fa: "تونل خط ۲ مترو — ایستگاه خلجا", en: "Metro line 2 tunnel — Khalaja station", category: Category::Tunnel, district: 12, address: "خیابان خلجا، کارگاه دستگاه حفار", lat: 32.6712, lng: 51.6248, progress: 60, department: METRO2, max_visitors: 15, minutes: 60, min_age: 18, ppe: TUNNEL_PPE, step_free: false, notes: "محل رسیدن دستگاه حفار تونل (TBM). زیر ۱۸ سال ممنوع. راه رفتن بدون کمک لازم است؛ مسیر بدون پله ندارد.", description: "حدود ۱۴ کیلومتر تونل خط ۲ تا اینجا ساخته شده است.", opens: (9, 0), closes: (13, 0), thursday_closes: None },
    DemoSite { fa: "ایستگاه کهندژ (خط ۲ مترو)", en: "Kohandezh station (metro line 2)", category: Category::MetroStation, district: 13, address: "خیابان کهندژ", lat: 32.6801, lng: 51.6402, progress: 55, department: METRO2, max_visitors: 20, minutes: 45, min_age: 16, ppe: TUNNEL_PPE, step_free: false, notes: "گودبرداری فعال؛ فقط روی مسیر علامت‌گذاری‌شده.", description: "ایستگاه خط ۲ در محله‌ی کهندژ (تقریبی).", opens: (8, 0), closes: (14, 0), thursday_closes: Some((12, 0)) },
    DemoSite { fa: "ایستگاه سی‌وسه‌پل (خط ۱ مترو)", en: "Si-o-se-pol station (metro line 1)", category: Category::MetroStation, district: 1, address: "خیابان چهارباغ عباسی، کنار سی‌وسه‌پل", lat: 32.6460, lng: 51.6681, progress: 100, department: METRO2, max_visitors: 30, minutes: 30, min_age: 0, ppe: &[], step_free: true, notes: "ایستگاه در حال بهره‌برداری؛ آسانسور دارد.", description: "ایستگاه خط ۱ که در سال ۱۳۹۴ افتتاح شد؛ نمونه‌ی ایستگاه کامل برای مقایسه.", opens: (8, 0), closes: (18, 0), thursday_closes: None },
    DemoSite { fa: "ایستگاه امام حسین (خط ۱ مترو)", en: "Imam Hossein station (metro line 1)", category: Category::MetroStation, district: 3, address: "میدان امام حسین", lat: 32.6552, lng: 51.6712, progress: 100, department: METRO2, max_visitors: 30, minutes: 30, min_age: 0, ppe: &[], step_free: true, notes: "ساختمان مرکزی شهرداری در همین میدان است.", description: "ایستگاه خط ۱ زیر میدان امام حسین.", opens: (8, 0), closes: (18, 0), thursday_closes: None },
    DemoSite { fa: "کنارگذر حلقه‌ی چهارم — تقاطع شمالی", en: "4th ring road — northern interchange", category: Category::Road, district: 14, address: "حلقه‌ی چهارم، تقاطع شمالی (تقریبی)", lat: 32.7302, lng: 51.6655, progress: 70, department: ROADS, max_visitors: 30, minutes: 40, min_age: 12, ppe: SITE_PPE, step_free: false, notes: "بازدید از سکوی دید؛ ماشین‌آلات سنگین در حال کار.", description: "حلقه‌ی چهارم ۷۸٫۲ کیلومتر است با ۲۸ تقاطع که ۱۴ تای آن ساخته شده؛ ۱۴ کیلومتر در مرداد ۱۴۰۴ گشایش یافت.", opens: (8, 0), closes: (16, 0), thursday_closes: Some((12, 0)) },
    DemoSite { fa: "پل بزرگ حلقه‌ی چهارم بر زاینده‌رود", en: "4th ring road bridge over the Zayandeh Rud", category: Category::Bridge, district: 11, address: "حلقه‌ی چهارم، غرب اصفهان (تقریبی)", lat: 32.6232, lng: 51.5721, progress: 65, department: ROADS, max_visitors: 25, minutes: 45, min_age: 14, ppe: SITE_PPE, step_free: false, notes: "یکی از چهار پل بزرگ حلقه‌ی چهارم. نزدیک لبه نروید.", description: "پل بزرگ در مسیر غربی حلقه‌ی چهارم.", opens: (8, 0), closes: (15, 0), thursday_closes: None },
    DemoSite { fa: "زیرگذر حلقه‌ی چهارم — جاده‌ی نجف‌آباد", en: "4th ring road underpass — Najafabad road", category: Category::Road, district: 11, address: "تقاطع حلقه‌ی چهارم و جاده‌ی نجف‌آباد (تقریبی)", lat: 32.6565, lng: 51.5498, progress: 75, department: ROADS, max_visitors: 25, minutes: 35, min_age: 12, ppe: SITE_PPE, step_free: true, notes: "یکی از ۲۲ زیرگذر حلقه‌ی چهارم.", description: "زیرگذر با مسیر هموار پیاده.", opens: (8, 0), closes: (16, 0), thursday_closes: Some((12, 0)) },
    DemoSite { fa: "پیاده‌راه‌سازی چهارباغ عباسی", en: "Chaharbagh Abbasi pedestrianisation", category: Category::Square, district: 1, address: "خیابان چهارباغ عباسی", lat: 32.6530, lng: 51.6683, progress: 90, department: CIVIL, max_visitors: 40, minutes: 40, min_age: 0, ppe: WALK_PPE, step_free: true, notes: "پیاده‌روی حدود یک کیلومتر.", description: "تبدیل محور تاریخی چهارباغ عباسی به پیاده‌راه.", opens: (8, 0), closes: (18, 0), thursday_closes: None },
    DemoSite { fa: "بازسازی میدان امام علی (میدان عتیق)", en: "Imam Ali (Atiq) Square renovation", category: Category::Square, district: 3, address: "میدان امام علی، کنار مسجد جامع", lat: 32.6672, lng: 51.6836, progress: 95, department: CIVIL, max_visitors: 35, minutes: 45, min_age: 0, ppe: WALK_PPE, step_free: true, notes: "بافت تاریخی؛ کف‌سازی ناهموار در ضلع شرقی.", description: "بازسازی میدان کهن شهر در منطقه‌ی ۳.", opens: (8, 0), closes: (17, 0), thursday_closes: None },
    DemoSite { fa: "میدان نقش جهان — بهسازی جداره", en: "Naqsh-e Jahan Square — facade works", category: Category::Square, district: 3, address: "میدان نقش جهان", lat: 32.65745, lng: 51.67778, progress: 40, department: CIVIL, max_visitors: 40, minutes: 30, min_age: 0, ppe: &[], step_free: true, notes: "داربست‌ها را دور بزنید.", description: "بهسازی جداره‌های میدان (تقریبی).", opens: (8, 0), closes: (18, 0), thursday_closes: None },
    DemoSite { fa: "پایانه‌ی دپوی درک (خط ۲ مترو)", en: "Darak depot (metro line 2)", category: Category::Building, district: 14, address: "درک، شمال شرق اصفهان (تقریبی)", lat: 32.7212, lng: 51.7186, progress: 50, department: METRO2, max_visitors: 20, minutes: 50, min_age: 16, ppe: TUNNEL_PPE, step_free: false, notes: "محوطه‌ی ریلی؛ از خطوط ریل عبور نکنید.", description: "دپو و تعمیرگاه قطارهای خط ۲.", opens: (9, 0), closes: (14, 0), thursday_closes: None },
];

fn t(h: u32, m: u32) -> Result<TimeOfDay> {
    TimeOfDay::hm(h, m)
}

/// Whether the database holds no sites and no programme.
pub fn is_empty(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM sites) + (SELECT count(*) FROM programmes)",
        [],
        |r| r.get(0),
    )?;
    Ok(n == 0)
}

/// What `install` created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub sites: usize,
    pub holidays: usize,
    pub tours: usize,
}

/// Create the demo programme in an empty database, in one transaction. Refused when the
/// database already holds sites or a programme.
pub fn install(conn: &mut Connection, stamp: &Stamp) -> Result<Installed> {
    let installed = store::write(conn, |tx| {
        if !is_empty(tx)? {
            return Err(Error::conflict(
                "پایگاه داده خالی نیست؛ برنامه‌ی نمونه فقط در پایگاه داده‌ی خالی ساخته می‌شود",
                "the database is not empty; the demo programme is only created in an empty database",
            ));
        }
        let weekdays = [
            Weekday::Saturday,
            Weekday::Sunday,
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
        ];
        let mut first = None;
        for d in SITES {
            let input = SiteInput {
                name_fa: d.fa.into(),
                name_en: d.en.into(),
                category: d.category,
                district: d.district,
                address: d.address.into(),
                location: Some(Location {
                    latitude: d.lat,
                    longitude: d.lng,
                }),
                progress: d.progress,
                department: d.department.into(),
                contact_name: "روابط عمومی کارگاه".into(),
                contact_phone: "031-3222 0000".into(),
                description: d.description.into(),
                rules: VisitRules {
                    max_visitors: d.max_visitors,
                    visit_minutes: d.minutes,
                    min_age: d.min_age,
                    ppe: d.ppe.iter().copied().collect(),
                    step_free: d.step_free,
                    safety_notes: d.notes.into(),
                },
            };
            let (input, _) = input.validated()?;
            let id = site::insert(tx, &input, true)?;
            first.get_or_insert(id);
            let mut windows = Vec::new();
            for wd in weekdays {
                windows.push(HoursWindow {
                    weekday: wd,
                    opens: t(d.opens.0, d.opens.1)?,
                    closes: t(d.closes.0, d.closes.1)?,
                });
            }
            let (h, m) = d.thursday_closes.unwrap_or(d.closes);
            windows.push(HoursWindow {
                weekday: Weekday::Thursday,
                opens: t(d.opens.0, d.opens.1)?,
                closes: t(h, m)?,
            });
            site::write_hours(tx, id, &site::validate_hours(&windows)?)?;
        }
        if let Some(id) = first {
            let day = |y, m, d| {
                NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| Error::Internal("demo date".into()))
            };
            // A concrete pour closes Zeynabieh for a week in Dey.
            site::insert_closure(
                tx,
                id,
                day(2027, 1, 9)?,
                day(2027, 1, 15)?,
                "بتن‌ریزی سقف ایستگاه",
            )?;
        }
        let hol = holidays::official_1405();
        for h in &hol {
            tx.execute(
                "INSERT OR IGNORE INTO holidays (date, name_fa, name_en, needs_check) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![h.date.to_string(), h.name_fa, h.name_en, h.needs_check],
            )?;
        }
        let input = ProgrammeInput {
            title: "دور اصفهان در ۸۰ روز — نمونه".into(),
            starts: NaiveDate::from_ymd_opt(2026, 12, 22)
                .ok_or_else(|| Error::Internal("demo date".into()))?,
            length_days: programme::DEFAULT_LENGTH_DAYS,
            run_days: weekdays
                .into_iter()
                .chain([Weekday::Thursday])
                .collect::<BTreeSet<_>>(),
            departures: vec![t(8, 0)?, t(13, 0)?],
            default_seats: 25,
            meeting_point: "میدان امام حسین، جلوی ساختمان مرکزی شهرداری".into(),
            day_ends: t(18, 0)?,
        }
        .validated()?;
        programme::insert(tx, &input, true)?;
        let plan = programme::plan_departures(tx)?;
        let p = programme::current(tx)?.ok_or_else(|| Error::Internal("demo programme".into()))?;
        for s in &plan.add {
            crate::tour::insert(
                tx,
                p.id,
                s.date,
                s.departure,
                &p.input.meeting_point,
                p.input.default_seats,
            )?;
        }
        // Three routes, three buses and three guides: mornings alternate metro line 2 and
        // the ring road, afternoons walk the historic centre.
        let ids: Vec<SiteId> = {
            let mut st = tx.prepare("SELECT id FROM sites ORDER BY id")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let pick = |idx: &[usize]| -> Vec<StopInput> {
            idx.iter()
                .filter_map(|&i| ids.get(i))
                .map(|&site| StopInput { site, dwell: None })
                .collect()
        };
        let metro = pick(&[0, 1, 2]);
        let ring = pick(&[7, 9, 8]);
        let centre = pick(&[10, 5, 12, 11]);
        for (name, stops) in [
            ("خط ۲ مترو — شرق", &metro),
            ("حلقه‌ی چهارم", &ring),
            ("مرکز تاریخی", &centre),
        ] {
            tx.execute("INSERT INTO route_templates (name) VALUES (?1)", [name])?;
            let tid = tx.last_insert_rowid();
            for (i, st) in stops.iter().enumerate() {
                tx.execute(
                    "INSERT INTO route_template_stops (template_id, position, site_id) VALUES (?1, ?2, ?3)",
                    rusqlite::params![tid, i as i64, st.site],
                )?;
            }
        }
        let mut buses = Vec::new();
        for (name, plate) in [
            ("اتوبوس ۱", "۱۲ع۳۴۵ ایران ۱۳"),
            ("اتوبوس ۲", "۲۲ع۶۷۸ ایران ۱۳"),
            ("اتوبوس ۳", "۳۲ع۹۱۰ ایران ۱۳"),
        ] {
            tx.execute(
                "INSERT INTO vehicles (name, plate, seats) VALUES (?1, ?2, 25)",
                [name, plate],
            )?;
            buses.push(tx.last_insert_rowid());
        }
        let mut guides = Vec::new();
        for (name, phone) in [
            ("زهرا احمدی", "09131110001"),
            ("علی رضایی", "09131110002"),
            ("مریم کاظمی", "09131110003"),
        ] {
            tx.execute(
                "INSERT INTO guides (name, phone) VALUES (?1, ?2)",
                [name, phone],
            )?;
            guides.push(tx.last_insert_rowid());
        }
        for tour in crate::tour::of_programme(tx, p.id)? {
            let morning = tour.departure < t(12, 0)?;
            let wd = Weekday::of(tour.date);
            let stops = if !morning {
                &centre
            } else if matches!(wd, Weekday::Saturday | Weekday::Monday | Weekday::Wednesday) {
                &metro
            } else {
                &ring
            };
            crate::tour::itinerary::write_stops(tx, tour.id, stops)?;
            let k = usize::from(!morning);
            tx.execute(
                "INSERT INTO tour_vehicles (tour_id, vehicle_id) VALUES (?1, ?2)",
                rusqlite::params![tour.id, buses[k]],
            )?;
            tx.execute(
                "INSERT INTO tour_guides (tour_id, guide_id) VALUES (?1, ?2)",
                rusqlite::params![tour.id, guides[k]],
            )?;
        }
        demo_groups(tx, stamp, p.id)?;
        let installed = Installed {
            sites: SITES.len(),
            holidays: hol.len(),
            tours: plan.add.len(),
        };
        audit::record(
            tx,
            stamp,
            "demo.install",
            "programme",
            Some(&p.id.to_string()),
            &format!("{installed:?}"),
        )?;
        Ok(installed)
    })?;
    Ok(installed)
}

/// The demo's citizen groups: (name, kind, channel, members as (name, birth year)).
type DemoGroup = (
    &'static str,
    crate::group::Kind,
    crate::group::Channel,
    &'static [(&'static str, i32)],
);

const GROUPS: &[DemoGroup] = {
    use crate::group::{Channel as C, Kind as K};
    &[
        (
            "دبیرستان دخترانه‌ی سعدی",
            K::School,
            C::Phone,
            &[
                ("مهری صالحی", 1358),
                ("نازنین کریمی", 1388),
                ("ریحانه موسوی", 1388),
                ("فاطمه طاهری", 1388),
                ("زینب قاسمی", 1389),
                ("سارا امینی", 1388),
                ("یاسمن رحیمی", 1389),
                ("پریا زمانی", 1388),
                ("هستی باقری", 1388),
                ("الناز شریفی", 1389),
                ("کیمیا مرادی", 1388),
                ("مبینا توکلی", 1389),
            ],
        ),
        (
            "هیئت‌امنای مسجد محله‌ی جلفا",
            K::Mosque,
            C::Line137,
            &[
                ("حاج‌محمود یزدانی", 1335),
                ("رضا نوروزی", 1350),
                ("حسین جعفری", 1352),
                ("علی اکبری", 1360),
                ("مهدی کیانی", 1362),
                ("ناصر فروغی", 1348),
                ("حمید سلیمانی", 1355),
                ("بهرام هاشمی", 1349),
                ("جواد صادقی", 1365),
                ("کاوه امینی", 1370),
            ],
        ),
        (
            "خانواده‌ی رضایی",
            K::Family,
            C::Phone,
            &[
                ("زهرا رضایی", 1365),
                ("محمد رضایی", 1362),
                ("آرش رضایی", 1390),
                ("نگار رضایی", 1393),
            ],
        ),
        (
            "انجمن دوستداران میراث اصفهان",
            K::Ngo,
            C::AppList,
            &[
                ("شیرین نیک‌نام", 1355),
                ("لیلا اصفهانی", 1360),
                ("امیر حسینی", 1368),
                ("مینا کاظمی", 1372),
                ("پریسا محمدی", 1375),
                ("نسرین احمدی", 1358),
            ],
        ),
        (
            "دانشجویان عمران دانشگاه اصفهان",
            K::University,
            C::Sms,
            &[
                ("امیرحسین قاسمی", 1381),
                ("محمدرضا طاهری", 1382),
                ("سینا باقری", 1381),
                ("نیما زمانی", 1382),
                ("علیرضا رحیمی", 1380),
                ("پارسا مرادی", 1381),
                ("کیان توکلی", 1382),
                ("آرمان صالحی", 1381),
            ],
        ),
    ]
};

/// A valid national ID made from a number (the check digit computed as the foundations define).
fn demo_national_id(n: u32) -> String {
    let body = format!("{:09}", 11_000_000 + n * 7_919);
    let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
    let r = digits
        .iter()
        .enumerate()
        .map(|(i, d)| d * (10 - i as u32))
        .sum::<u32>()
        % 11;
    format!("{body}{}", if r < 2 { r } else { 11 - r })
}

/// Open the feasible tours of the first two weeks and register the demo's groups: the first
/// open tour keeps 3 seats free, the second is full with a group waiting.
fn demo_groups(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    programme: crate::ids::ProgrammeId,
) -> Result<()> {
    use crate::group::{GroupInput, MemberInput};
    let tours = crate::tour::of_programme(tx, programme)?;
    let Some(first) = tours.first().map(|t| t.date) else {
        return Ok(());
    };
    let mut open = Vec::new();
    for t in &tours {
        if (t.date - first).num_days() < 14
            && crate::tour::itinerary::schedule(tx, t.id)?.is_feasible()
        {
            crate::tour::write_status(tx, t.id, crate::tour::Status::Open)?;
            open.push(t.id);
        }
    }
    if open.len() < 2 {
        return Ok(());
    }
    let mut n = 0;
    let mut ids = Vec::new();
    for (name, kind, channel, members) in GROUPS {
        let members = members
            .iter()
            .enumerate()
            .map(|(i, (full_name, year))| {
                n += 1;
                MemberInput {
                    full_name: (*full_name).into(),
                    national_id: demo_national_id(n),
                    mobile: if i == 0 {
                        format!("0913{:07}", 2_000_000 + n * 37)
                    } else {
                        String::new()
                    },
                    birth_year: Some(*year),
                    is_leader: i == 0,
                    ..MemberInput::default()
                }
            })
            .collect();
        let input = GroupInput {
            name: (*name).into(),
            kind: *kind,
            channel: *channel,
            preferred_from: None,
            preferred_to: None,
            preferred_sites: vec![],
            notes: String::new(),
            members,
        };
        ids.push(crate::group::insert(tx, stamp, &input)?.0);
    }
    // 25 seats: 12 + 10 on the first tour leave 3, so the family of 4 waits there;
    // 8 + 6 on the second.
    for (g, t) in [(0, 0), (1, 0), (2, 0), (4, 1), (3, 1)] {
        if crate::registration::register_in(tx, stamp, ids[g], open[t], "").is_err() {
            crate::registration::register_in(
                tx,
                stamp,
                ids[g],
                open[t],
                "گروه نمونه: پیش از تور با سرگروه هماهنگ شود",
            )?;
        }
    }
    Ok(())
}
