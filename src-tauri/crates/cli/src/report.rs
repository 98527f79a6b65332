//! What the CLI prints: tables for people, JSON for scripts.

use serde_json::{json, Value};

use gardesh_core::persian::calendar::Style;
use gardesh_core::persian::JalaliDate;
use gardesh_core::programme::{Holiday, Programme};
use gardesh_core::site::Site;
use gardesh_core::tour::Tour;

fn jalali(d: chrono::NaiveDate) -> String {
    JalaliDate::from_gregorian(d)
        .map(|j| j.to_string())
        .unwrap_or_default()
}

pub fn site_json(s: &Site) -> Value {
    let i = &s.input;
    json!({
        "id": s.id.get(),
        "nameFa": i.name_fa,
        "nameEn": i.name_en,
        "category": i.category.as_str(),
        "district": i.district,
        "address": i.address,
        "latitude": i.location.map(|l| l.latitude),
        "longitude": i.location.map(|l| l.longitude),
        "progress": i.progress,
        "department": i.department,
        "maxVisitors": i.rules.max_visitors,
        "visitMinutes": i.rules.visit_minutes,
        "minAge": i.rules.min_age,
        "ppe": i.rules.ppe.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        "stepFree": i.rules.step_free,
        "photos": s.photo_count,
        "archived": s.archived,
        "demo": s.demo,
    })
}

pub fn sites_table(sites: &[Site]) -> String {
    let mut out = format!(
        "{:>4}  {:<8}  {:<14}  {:>5}  {:>5}  {:>4}  name\n",
        "id", "district", "category", "max", "min", "step"
    );
    for s in sites {
        let i = &s.input;
        out.push_str(&format!(
            "{:>4}  {:<8}  {:<14}  {:>5}  {:>5}  {:>4}  {}{}\n",
            s.id,
            i.district,
            i.category.as_str(),
            i.rules.max_visitors,
            i.rules.min_age,
            if i.rules.step_free { "yes" } else { "no" },
            i.name_fa,
            if s.archived { " (archived)" } else { "" }
        ));
    }
    out.push_str(&format!("{} sites", sites.len()));
    out
}

pub fn programme_json(p: &Programme, holidays: &[Holiday], tours: &[Tour]) -> Value {
    let i = &p.input;
    json!({
        "id": p.id.get(),
        "title": i.title,
        "starts": i.starts.to_string(),
        "startsJalali": jalali(i.starts),
        "ends": p.ends().to_string(),
        "endsJalali": jalali(p.ends()),
        "lengthDays": i.length_days,
        "runDays": i.run_days.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
        "departures": i.departures.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "defaultSeats": i.default_seats,
        "meetingPoint": i.meeting_point,
        "dayEnds": i.day_ends.to_string(),
        "demo": p.demo,
        "holidays": holidays.iter().map(|h| json!({
            "date": h.date.to_string(), "dateJalali": jalali(h.date),
            "nameFa": h.name_fa, "nameEn": h.name_en, "needsCheck": h.needs_check,
        })).collect::<Vec<_>>(),
        "tours": tours.len(),
        "runningDays": tours.iter().map(|t| t.date).collect::<std::collections::BTreeSet<_>>().len(),
    })
}

pub fn programme_text(p: &Programme, holidays: &[Holiday], tours: &[Tour], fa: bool) -> String {
    let i = &p.input;
    let day = |d: chrono::NaiveDate| {
        JalaliDate::from_gregorian(d)
            .map(|j| {
                if fa {
                    j.format(Style::Long, true)
                } else {
                    j.to_string()
                }
            })
            .unwrap_or_default()
    };
    let mut out = format!(
        "{}{}\n{} … {} ({} … {}), {} days\nrun days: {}\ndepartures: {}; back by {}\nseats: {}; meeting point: {}\n",
        i.title,
        if p.demo { " [demo]" } else { "" },
        day(i.starts),
        day(p.ends()),
        i.starts,
        p.ends(),
        i.length_days,
        i.run_days.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(", "),
        i.departures.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        i.day_ends,
        i.default_seats,
        i.meeting_point,
    );
    let running = tours
        .iter()
        .map(|t| t.date)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    out.push_str(&format!(
        "tours: {} on {} days\nholidays in the programme: {}\n",
        tours.len(),
        running,
        holidays.len()
    ));
    for h in holidays {
        out.push_str(&format!(
            "  {} ({})  {}{}\n",
            jalali(h.date),
            h.date,
            h.name_fa,
            if h.needs_check {
                "  [check the lunar date]"
            } else {
                ""
            }
        ));
    }
    out.trim_end().to_string()
}
