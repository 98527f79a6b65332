//! What each document shows, as plain serialisable structs built from the database with
//! gardesh-core's read functions. Every value is already written for the page (digits,
//! dates, phones, isolates; see `text`), so the templates only place them. The structs
//! reach typst as the virtual file `data.json`: user text is data, never markup.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use gardesh_core::group;
use gardesh_core::ids::{ProgrammeId, RegistrationId, SiteId, TourId};
use gardesh_core::persian::JalaliDate;
use gardesh_core::registration::{self, State};
use gardesh_core::site::{self, Location, Site};
use gardesh_core::store::Connection;
use gardesh_core::tour::itinerary::{self, Problem, Schedule};
use gardesh_core::tour::{self, resources, Status};
use gardesh_core::{programme, settings};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::text::{self, digits, ltr, num, pick, user};
use crate::Lang;

/// What every page carries: language, the programme's title, who prints.
#[derive(Debug, Clone, Serialize)]
pub struct Head {
    /// `fa` or `en`: the template's labels and direction follow it.
    pub lang: &'static str,
    pub programme: String,
    pub coordinator: String,
    /// The demo programme is marked as such on paper too.
    pub demo: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    pub phone: String,
}

/// A tour as every document heads it.
#[derive(Debug, Clone, Serialize)]
pub struct TourInfo {
    pub number: String,
    /// Solar Hijri, long form.
    pub date: String,
    pub gregorian: String,
    /// «روز ۱ از ۸۰» when the date is inside the programme.
    pub day: String,
    pub departure: String,
    /// Back at the meeting point; empty when the timing runs past midnight.
    pub back: String,
    pub meeting_point: String,
    pub vehicles: Vec<String>,
    pub guides: Vec<Person>,
    pub capacity: String,
    pub taken: String,
    pub status: String,
    pub cancelled: bool,
    /// Why the itinerary does not work; empty when it does.
    pub problems: Vec<String>,
}

/// One stop of an itinerary, with what the site asks of visitors.
#[derive(Debug, Clone, Serialize)]
pub struct Stop {
    pub n: String,
    pub name: String,
    pub address: String,
    pub category: String,
    pub district: String,
    pub travel: String,
    pub arrival: String,
    pub departure: String,
    pub dwell: String,
    pub description: String,
    pub safety_notes: String,
    pub ppe: Vec<String>,
    /// «۱۶+», empty when the site has no minimum age.
    pub min_age: String,
    pub step_free: bool,
    pub contact: Person,
    pub department: String,
    pub problems: Vec<String>,
}

/// A route sketch: stop positions as fractions of a box `aspect` times as high as wide
/// (x to the east, y to the south), and a scale bar.
#[derive(Debug, Clone, Serialize)]
pub struct Sketch {
    pub aspect: f64,
    pub points: Vec<Point>,
    pub scale_label: String,
    /// The scale bar's length as a fraction of the box's width.
    pub scale_fraction: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub n: String,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Itinerary {
    pub head: Head,
    pub tour: TourInfo,
    pub stops: Vec<Stop>,
    pub sketch: Option<Sketch>,
    /// What the tour's QR code says (also printed under it).
    pub qr_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Passenger {
    pub n: String,
    pub name: String,
    pub leader: bool,
    pub national_id: String,
    pub mobile: String,
    pub birth_year: String,
    /// Needs and warnings: step-free access, under 18.
    pub flags: Vec<String>,
    pub ppe_sizes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ManifestGroup {
    pub name: String,
    pub kind: String,
    pub code: String,
    pub seats: String,
    pub state: String,
    pub leader: Person,
    pub passengers: Vec<Passenger>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub groups: String,
    pub passengers: String,
    pub step_free: String,
    pub minors: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub head: Head,
    pub tour: TourInfo,
    pub stops: Vec<String>,
    pub groups: Vec<ManifestGroup>,
    pub totals: Totals,
}

/// What a confirmed group must know and bring.
#[derive(Debug, Clone, Serialize)]
pub struct Rules {
    /// The highest minimum age among the stops, written out; empty when none.
    pub min_age: String,
    pub ppe: Vec<String>,
    /// Stops without a step-free route.
    pub not_step_free: Vec<String>,
    pub notes: Vec<SiteNote>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteNote {
    pub site: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StopBrief {
    pub n: String,
    pub name: String,
    pub arrival: String,
    pub departure: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Confirmation {
    pub head: Head,
    pub tour: TourInfo,
    pub stops: Vec<StopBrief>,
    pub group: String,
    pub leader: Person,
    pub seats: String,
    pub members: Vec<String>,
    /// The registration code, `GRD-<id>-<check>`: the QR code carries exactly this.
    pub code: String,
    /// The code isolated for a right-to-left line.
    pub code_text: String,
    pub rules: Rules,
}

/// One site's safety briefing, as it stands on one tour.
#[derive(Debug, Clone, Serialize)]
pub struct Safety {
    pub head: Head,
    pub tour: TourInfo,
    /// «توقف ۲ از ۴».
    pub position: String,
    pub arrival: String,
    pub departure: String,
    pub site: SiteSheet,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteSheet {
    pub name: String,
    pub category: String,
    pub district: String,
    pub address: String,
    pub progress: String,
    pub description: String,
    pub max_visitors: String,
    pub visit: String,
    pub min_age: String,
    pub ppe: Vec<String>,
    pub step_free: bool,
    pub safety_notes: String,
    pub contact: Person,
    pub department: String,
}

/// The page head of a tour's documents: its programme's title (the campaign's name when
/// the tour belongs to an older programme) and the coordinator from the settings.
fn head(conn: &Connection, lang: Lang, programme_id: ProgrammeId) -> Result<Head> {
    let p = programme::current(conn)?.filter(|p| p.id == programme_id);
    let s = settings::load(conn)?;
    Ok(Head {
        lang: lang.as_str(),
        programme: p
            .as_ref()
            .map(|p| user(&p.input.title))
            .unwrap_or_else(|| pick(lang, "دور اصفهان در ۸۰ روز", "Around Isfahan in 80 Days")),
        coordinator: user(&s.coordinator_name),
        demo: p.is_some_and(|p| p.demo),
    })
}

fn site_name(lang: Lang, s: &Site) -> String {
    let en = s.input.name_en.trim();
    user(if lang == Lang::En && !en.is_empty() {
        en
    } else {
        &s.input.name_fa
    })
}

fn problems(lang: Lang, list: &[Problem]) -> Vec<String> {
    list.iter()
        .map(|p| {
            let (fa, en) = p.explain();
            pick(lang, fa, en)
        })
        .collect()
}

fn status(lang: Lang, s: Status) -> String {
    match s {
        Status::Draft => pick(lang, "پیش‌نویس", "draft"),
        Status::Open => pick(lang, "باز برای ثبت‌نام", "open"),
        Status::Full => pick(lang, "تکمیل", "full"),
        Status::Done => pick(lang, "برگزار شده", "done"),
        Status::Cancelled => pick(lang, "لغو شده", "cancelled"),
    }
}

fn tour_info(conn: &Connection, lang: Lang, s: &Schedule) -> Result<TourInfo> {
    let t = &s.tour;
    let day = programme::current(conn)?
        .filter(|p| p.id == t.programme)
        .and_then(|p| p.day_number(t.date).map(|d| (d, p.input.length_days)))
        .map(|(d, of)| match lang {
            Lang::Fa => format!("روز {} از {}", num(lang, d), num(lang, of)),
            Lang::En => format!("day {d} of {of}"),
        })
        .unwrap_or_default();
    let vehicles = resources::tour_vehicles(conn, t.id)?
        .into_iter()
        .map(|v| {
            let seats = match lang {
                Lang::Fa => format!("{} صندلی", num(lang, v.seats)),
                Lang::En => format!("{} seats", v.seats),
            };
            let plate = if v.plate.trim().is_empty() {
                String::new()
            } else {
                format!(" — {}", user(&digits(lang, &v.plate)))
            };
            format!("{}{plate} ({seats})", user(&v.name))
        })
        .collect();
    let guides = resources::tour_guides(conn, t.id)?
        .into_iter()
        .map(|g| Person {
            name: user(&g.name),
            phone: text::phone(lang, &g.phone),
        })
        .collect();
    let mut all = problems(lang, &s.problems);
    for st in &s.stops {
        if st.problems.is_empty() {
            continue;
        }
        let name = site_name(lang, &site::get_site(conn, st.site)?);
        for p in problems(lang, &st.problems) {
            all.push(format!("{name}: {p}"));
        }
    }
    Ok(TourInfo {
        number: num(lang, t.id),
        date: text::solar_long(lang, t.date)?,
        gregorian: text::gregorian(lang, t.date),
        day,
        departure: text::time(lang, t.departure),
        back: s.ends.map(|e| text::time(lang, e)).unwrap_or_default(),
        meeting_point: user(&t.meeting_point),
        vehicles,
        guides,
        capacity: num(lang, s.capacity.seats),
        taken: num(lang, registration::taken(conn, t.id)?),
        status: status(lang, t.status),
        cancelled: t.status == Status::Cancelled,
        problems: all,
    })
}

fn ppe_list(lang: Lang, set: &BTreeSet<site::Ppe>) -> Vec<String> {
    set.iter()
        .map(|p| text::ppe(lang, *p).to_string())
        .collect()
}

fn min_age(lang: Lang, age: u8) -> String {
    if age == 0 {
        String::new()
    } else {
        match lang {
            Lang::Fa => format!("{} سال و بالاتر", num(lang, age)),
            Lang::En => format!("{age} and over"),
        }
    }
}

fn district(lang: Lang, d: u8) -> String {
    match lang {
        Lang::Fa => format!("منطقه‌ی {}", num(lang, d)),
        Lang::En => format!("district {d}"),
    }
}

fn sheet(lang: Lang, s: &Site) -> SiteSheet {
    let r = &s.input.rules;
    SiteSheet {
        name: site_name(lang, s),
        category: text::category(lang, s.input.category).to_string(),
        district: district(lang, s.input.district),
        address: user(&s.input.address),
        progress: match lang {
            Lang::Fa => format!("{}٪", num(lang, s.input.progress)),
            Lang::En => format!("{}%", s.input.progress),
        },
        description: user(&s.input.description),
        max_visitors: match lang {
            Lang::Fa => format!("{} نفر", num(lang, r.max_visitors)),
            Lang::En => format!("{} people", r.max_visitors),
        },
        visit: text::minutes(lang, r.visit_minutes),
        min_age: min_age(lang, r.min_age),
        ppe: ppe_list(lang, &r.ppe),
        step_free: r.step_free,
        safety_notes: user(&r.safety_notes),
        contact: Person {
            name: user(&s.input.contact_name),
            phone: text::phone(lang, &s.input.contact_phone),
        },
        department: user(&s.input.department),
    }
}

/// The sites of a tour's stops, in order (a site visited twice appears twice).
fn stop_sites(conn: &Connection, s: &Schedule) -> Result<Vec<Site>> {
    s.stops
        .iter()
        .map(|st| site::get_site(conn, st.site).map_err(Error::from))
        .collect()
}

/// Project the stops' locations onto a box `aspect` times as high as wide, keeping
/// distances true (equirectangular around the mean latitude), with a margin.
pub(crate) fn sketch(lang: Lang, stops: &[(usize, Option<Location>)]) -> Option<Sketch> {
    const ASPECT: f64 = 0.62;
    const MARGIN: f64 = 0.12;
    const KM_PER_DEGREE: f64 = 111.32;
    let located: Vec<(usize, Location)> = stops
        .iter()
        .filter_map(|(n, l)| {
            l.filter(|l| l.latitude.is_finite() && l.longitude.is_finite())
                .map(|l| (*n, l))
        })
        .collect();
    if located.len() < 2 {
        return None;
    }
    let mean_lat = located.iter().map(|(_, l)| l.latitude).sum::<f64>() / located.len() as f64;
    let kx = KM_PER_DEGREE * mean_lat.to_radians().cos();
    let km: Vec<(usize, f64, f64)> = located
        .iter()
        .map(|(n, l)| (*n, l.longitude * kx, -l.latitude * KM_PER_DEGREE))
        .collect();
    let (min_x, max_x) = km
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let (min_y, max_y) = km
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.2), b.max(p.2)));
    // Width units per km, so the spread fits inside the margins both ways.
    let span_x = (max_x - min_x).max(0.2);
    let span_y = (max_y - min_y).max(0.2);
    let usable = 1.0 - 2.0 * MARGIN;
    let scale = (usable / span_x).min(usable * ASPECT / span_y);
    let (cx, cy) = ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0);
    let points = km
        .iter()
        .map(|(n, x, y)| Point {
            n: num(lang, n),
            x: 0.5 + (x - cx) * scale,
            // As a fraction of the box's height.
            y: 0.5 + (y - cy) * scale / ASPECT,
        })
        .collect();
    // The longest round length that takes at most a quarter of the width.
    let width_km = 1.0 / scale;
    let bar = [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
        .into_iter()
        .rev()
        .find(|l| *l <= width_km / 4.0)
        .unwrap_or(0.1);
    let scale_label = if bar < 1.0 {
        let m = (bar * 1000.0).round() as u32;
        pick(lang, format!("{} متر", num(lang, m)), format!("{m} m"))
    } else {
        let k = bar as u32;
        pick(lang, format!("{} کیلومتر", num(lang, k)), format!("{k} km"))
    };
    Some(Sketch {
        aspect: ASPECT,
        points,
        scale_label,
        scale_fraction: bar * scale,
    })
}

/// The itinerary of a tour.
pub fn itinerary(conn: &Connection, tour_id: TourId, lang: Lang) -> Result<Itinerary> {
    let s = itinerary::schedule(conn, tour_id)?;
    let sites = stop_sites(conn, &s)?;
    let stops = s
        .stops
        .iter()
        .zip(&sites)
        .enumerate()
        .map(|(i, (st, site))| {
            let sh = sheet(lang, site);
            Stop {
                n: num(lang, i + 1),
                name: sh.name,
                address: sh.address,
                category: sh.category,
                district: sh.district,
                travel: text::minutes(lang, st.travel),
                arrival: text::time(lang, st.arrival),
                departure: text::time(lang, st.departure),
                dwell: text::minutes(lang, st.dwell),
                description: sh.description,
                safety_notes: sh.safety_notes,
                ppe: sh.ppe,
                min_age: sh.min_age,
                step_free: sh.step_free,
                contact: sh.contact,
                department: sh.department,
                problems: problems(lang, &st.problems),
            }
        })
        .collect();
    let located: Vec<(usize, Option<Location>)> = sites
        .iter()
        .enumerate()
        .map(|(i, s)| (i + 1, s.input.location))
        .collect();
    Ok(Itinerary {
        head: head(conn, lang, s.tour.programme)?,
        tour: tour_info(conn, lang, &s)?,
        stops,
        sketch: sketch(lang, &located),
        qr_text: format!(
            "GARDESH TOUR {} {} {}",
            s.tour.id,
            s.tour.date.format("%Y-%m-%d"),
            s.tour.departure
        ),
    })
}

/// The tours dated in the 7 days from `from`, cancelled ones left out.
pub fn week(conn: &Connection, from: NaiveDate) -> Result<Vec<TourId>> {
    let to = from + chrono::Duration::days(6);
    Ok(tour::between(conn, from, to)?
        .into_iter()
        .filter(|t| t.status != Status::Cancelled)
        .map(|t| t.id)
        .collect())
}

fn group_kind(lang: Lang, k: group::Kind) -> String {
    use group::Kind;
    match k {
        Kind::Neighbourhood => pick(lang, "محله", "neighbourhood"),
        Kind::School => pick(lang, "مدرسه", "school"),
        Kind::University => pick(lang, "دانشگاه", "university"),
        Kind::Mosque => pick(lang, "مسجد", "mosque"),
        Kind::Ngo => pick(lang, "سمن", "NGO"),
        Kind::Family => pick(lang, "خانواده", "family"),
        Kind::Other => pick(lang, "دیگر", "other"),
    }
}

fn reg_state(lang: Lang, s: State) -> String {
    match s {
        State::Requested => pick(lang, "درخواست", "requested"),
        State::Confirmed => pick(lang, "تأیید شده", "confirmed"),
        State::Waitlisted => pick(lang, "در فهرست انتظار", "waitlisted"),
        State::Attended => pick(lang, "حاضر شد", "attended"),
        State::NoShow => pick(lang, "غایب", "no-show"),
        State::Cancelled => pick(lang, "لغو شده", "cancelled"),
    }
}

fn leader(lang: Lang, g: &group::Group) -> Person {
    g.members
        .iter()
        .find(|m| m.is_leader)
        .map(|m| Person {
            name: user(&m.full_name),
            phone: text::phone(lang, m.mobile.as_deref().unwrap_or_default()),
        })
        .unwrap_or(Person {
            name: String::new(),
            phone: String::new(),
        })
}

/// The passenger manifest of a tour: every member of every group holding seats.
pub fn manifest(conn: &Connection, tour_id: TourId, lang: Lang) -> Result<Manifest> {
    let s = itinerary::schedule(conn, tour_id)?;
    let year = JalaliDate::from_gregorian(s.tour.date)?.year();
    let regs: Vec<_> = registration::of_tour(conn, tour_id)?
        .into_iter()
        .filter(|r| r.state.holds_seats())
        .collect();
    if regs.is_empty() {
        return Err(Error::nothing(
            format!("تور {} هیچ گروه تأییدشده‌ای ندارد", num(Lang::Fa, tour_id)),
            format!("tour {tour_id} has no confirmed group"),
        ));
    }
    let mut groups = Vec::new();
    let (mut n, mut step_free, mut minors) = (0usize, 0usize, 0usize);
    for r in &regs {
        let g = group::get(conn, r.group)?;
        let mut passengers = Vec::new();
        for m in &g.members {
            n += 1;
            let mut flags = Vec::new();
            if m.step_free {
                step_free += 1;
                flags.push(pick(lang, "مسیر بدون پله", "step-free"));
            }
            match m.birth_year.map(|b| year - b) {
                Some(age) if age < 18 => {
                    minors += 1;
                    flags.push(match lang {
                        Lang::Fa => format!("زیر ۱۸ ({} ساله)", num(lang, age)),
                        Lang::En => format!("under 18 ({age})"),
                    });
                }
                // Born in the year that turns 18 this year: maybe not 18 yet.
                Some(18) => flags.push(pick(lang, "شاید زیر ۱۸", "maybe under 18")),
                _ => {}
            }
            passengers.push(Passenger {
                n: num(lang, n),
                name: user(&m.full_name),
                leader: m.is_leader,
                national_id: m
                    .national_id
                    .as_deref()
                    .map(|id| text::national_id_tail(lang, id))
                    .unwrap_or_default(),
                mobile: text::phone(lang, m.mobile.as_deref().unwrap_or_default()),
                birth_year: m.birth_year.map(|y| num(lang, y)).unwrap_or_default(),
                flags,
                ppe_sizes: user(&m.ppe_sizes),
            });
        }
        groups.push(ManifestGroup {
            name: user(&g.name),
            kind: group_kind(lang, g.kind),
            code: ltr(&registration::code::code(conn, r.id)?),
            seats: num(lang, r.seats),
            state: reg_state(lang, r.state),
            leader: leader(lang, &g),
            passengers,
        });
    }
    let stops = stop_sites(conn, &s)?
        .iter()
        .map(|site| site_name(lang, site))
        .collect();
    Ok(Manifest {
        head: head(conn, lang, s.tour.programme)?,
        tour: tour_info(conn, lang, &s)?,
        stops,
        totals: Totals {
            groups: num(lang, groups.len()),
            passengers: num(lang, n),
            step_free: num(lang, step_free),
            minors: num(lang, minors),
        },
        groups,
    })
}

/// The confirmed registrations of a tour, in the order they were confirmed.
pub fn confirmed(conn: &Connection, tour_id: TourId) -> Result<Vec<RegistrationId>> {
    tour::get(conn, tour_id)?;
    let ids: Vec<RegistrationId> = registration::of_tour(conn, tour_id)?
        .into_iter()
        .filter(|r| r.state == State::Confirmed)
        .map(|r| r.id)
        .collect();
    if ids.is_empty() {
        return Err(Error::nothing(
            format!("تور {} هیچ گروه تأییدشده‌ای ندارد", num(Lang::Fa, tour_id)),
            format!("tour {tour_id} has no confirmed group"),
        ));
    }
    Ok(ids)
}

fn rules(lang: Lang, sites: &[Site]) -> Rules {
    let mut ppe = BTreeSet::new();
    let mut not_step_free = Vec::new();
    let mut notes = Vec::new();
    let mut seen = BTreeSet::<SiteId>::new();
    for s in sites {
        if !seen.insert(s.id) {
            continue;
        }
        ppe.extend(s.input.rules.ppe.iter().copied());
        if !s.input.rules.step_free {
            not_step_free.push(site_name(lang, s));
        }
        if !s.input.rules.safety_notes.trim().is_empty() {
            notes.push(SiteNote {
                site: site_name(lang, s),
                text: user(&s.input.rules.safety_notes),
            });
        }
    }
    let age = sites
        .iter()
        .map(|s| s.input.rules.min_age)
        .max()
        .unwrap_or(0);
    Rules {
        min_age: min_age(lang, age),
        ppe: ppe_list(lang, &ppe),
        not_step_free,
        notes,
    }
}

/// The confirmation for a group's leader. Only a confirmed registration has one.
pub fn confirmation(conn: &Connection, id: RegistrationId, lang: Lang) -> Result<Confirmation> {
    let r = registration::get(conn, id)?;
    if r.state != State::Confirmed {
        let (fa, en) = (reg_state(Lang::Fa, r.state), reg_state(Lang::En, r.state));
        return Err(Error::nothing(
            format!("ثبت‌نام {} تأیید نشده است ({fa})", num(Lang::Fa, id)),
            format!("registration {id} is not confirmed ({en})"),
        ));
    }
    let s = itinerary::schedule(conn, r.tour)?;
    let sites = stop_sites(conn, &s)?;
    let g = group::get(conn, r.group)?;
    let code = registration::code::code(conn, id)?;
    Ok(Confirmation {
        head: head(conn, lang, s.tour.programme)?,
        tour: tour_info(conn, lang, &s)?,
        stops: s
            .stops
            .iter()
            .zip(&sites)
            .enumerate()
            .map(|(i, (st, site))| StopBrief {
                n: num(lang, i + 1),
                name: site_name(lang, site),
                arrival: text::time(lang, st.arrival),
                departure: text::time(lang, st.departure),
            })
            .collect(),
        group: user(&g.name),
        leader: leader(lang, &g),
        seats: num(lang, r.seats),
        members: g.members.iter().map(|m| user(&m.full_name)).collect(),
        code_text: ltr(&code),
        code,
        rules: rules(lang, &sites),
    })
}

/// One safety briefing per site of the tour, in the order of the stops (a site visited
/// twice is briefed once).
pub fn safety(conn: &Connection, tour_id: TourId, lang: Lang) -> Result<Vec<Safety>> {
    let s = itinerary::schedule(conn, tour_id)?;
    if s.stops.is_empty() {
        return Err(Error::nothing(
            format!("تور {} هیچ توقفی ندارد", num(Lang::Fa, tour_id)),
            format!("tour {tour_id} has no stops"),
        ));
    }
    let sites = stop_sites(conn, &s)?;
    let head = head(conn, lang, s.tour.programme)?;
    let info = tour_info(conn, lang, &s)?;
    let total = s.stops.len();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, (st, site)) in s.stops.iter().zip(&sites).enumerate() {
        if !seen.insert(site.id) {
            continue;
        }
        out.push(Safety {
            head: head.clone(),
            tour: info.clone(),
            position: match lang {
                Lang::Fa => format!("توقف {} از {}", num(lang, i + 1), num(lang, total)),
                Lang::En => format!("stop {} of {total}", i + 1),
            },
            arrival: text::time(lang, st.arrival),
            departure: text::time(lang, st.departure),
            site: sheet(lang, site),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lng: f64) -> Option<Location> {
        Some(Location {
            latitude: lat,
            longitude: lng,
        })
    }

    #[test]
    fn the_sketch_fits_the_box_and_keeps_north_up() {
        let s = sketch(
            Lang::En,
            &[
                (1, at(32.7045, 51.7012)),
                (2, None),
                (3, at(32.6460, 51.6681)),
                (4, at(32.6712, 51.6248)),
            ],
        )
        .expect("three located stops");
        assert_eq!(s.points.len(), 3, "a stop without a location is left out");
        for p in &s.points {
            assert!(
                (0.0..=1.0).contains(&p.x) && (0.0..=1.0).contains(&p.y),
                "{p:?}"
            );
        }
        let (a, b) = (&s.points[0], &s.points[1]);
        assert!(a.y < b.y, "the northern stop is drawn higher");
        assert!(a.x > b.x, "the eastern stop is drawn further right");
        assert!(s.scale_fraction > 0.0 && s.scale_fraction <= 0.25);
        assert!(s.scale_label.ends_with("km") || s.scale_label.ends_with(" m"));
    }

    #[test]
    fn no_sketch_without_two_locations() {
        assert!(sketch(Lang::Fa, &[(1, at(32.0, 51.0)), (2, None)]).is_none());
        assert!(sketch(Lang::Fa, &[(1, at(f64::NAN, 51.0)), (2, at(32.0, 51.0))]).is_none());
    }

    #[test]
    fn stops_at_one_place_still_fit() {
        let s = sketch(Lang::Fa, &[(1, at(32.65, 51.67)), (2, at(32.65, 51.67))]).unwrap();
        assert!(s
            .points
            .iter()
            .all(|p| (p.x - 0.5).abs() < 1e-9 && (p.y - 0.5).abs() < 1e-9));
    }
}
