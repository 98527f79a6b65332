//! What the CLI prints: tables for people, JSON for scripts.

use serde_json::{json, Value};

use gardesh_core::persian::calendar::Style;
use gardesh_core::persian::JalaliDate;
use gardesh_core::programme::{Holiday, Programme};
use gardesh_core::site::Site;
use gardesh_core::tour::itinerary::Schedule;
use gardesh_core::tour::optimise::Proposal;
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

fn problems_json(list: &[gardesh_core::tour::itinerary::Problem]) -> Value {
    Value::Array(
        list.iter()
            .map(|p| {
                let (fa, en) = p.explain();
                json!({"code": p.code(), "fa": fa, "en": en})
            })
            .collect(),
    )
}

pub fn tour_summary_json(s: &Schedule) -> Value {
    json!({
        "id": s.tour.id.get(),
        "date": s.tour.date.to_string(),
        "dateJalali": jalali(s.tour.date),
        "departure": s.tour.departure.to_string(),
        "status": s.tour.status.as_str(),
        "stops": s.stops.len(),
        "capacity": s.capacity.seats,
        "ends": s.ends.map(|e| e.to_string()),
        "feasible": s.is_feasible(),
    })
}

pub fn tours_table(list: &[Schedule]) -> String {
    let mut out = format!(
        "{:>5}  {:<10}  {:<10}  {:>5}  {:<9}  {:>5}  {:>5}  feasible\n",
        "id", "date", "jalali", "time", "status", "stops", "seats"
    );
    for s in list {
        out.push_str(&format!(
            "{:>5}  {:<10}  {:<10}  {:>5}  {:<9}  {:>5}  {:>5}  {}\n",
            s.tour.id,
            s.tour.date,
            jalali(s.tour.date),
            s.tour.departure,
            s.tour.status.as_str(),
            s.stops.len(),
            s.capacity.seats,
            if s.is_feasible() { "yes" } else { "no" }
        ));
    }
    out.push_str(&format!("{} tours", list.len()));
    out
}

pub fn schedule_json(s: &Schedule) -> Value {
    let mut v = tour_summary_json(s);
    v["meetingPoint"] = json!(s.tour.meeting_point);
    v["vehicleSeats"] = json!(s.capacity.vehicle_seats);
    v["totalTravel"] = json!(s.total_travel);
    v["returnTravel"] = json!(s.return_travel);
    v["problems"] = problems_json(&s.problems);
    v["itinerary"] = Value::Array(
        s.stops
            .iter()
            .map(|x| {
                json!({"site": x.site.get(), "name": x.site_name, "travel": x.travel,
                       "arrival": x.arrival.to_string(), "departure": x.departure.to_string(),
                       "dwell": x.dwell, "problems": problems_json(&x.problems)})
            })
            .collect(),
    );
    v
}

pub fn schedule_text(s: &Schedule) -> String {
    let mut out = format!(
        "tour {} — {} ({}) {} [{}]\nmeeting point: {}\n",
        s.tour.id,
        jalali(s.tour.date),
        s.tour.date,
        s.tour.departure,
        s.tour.status.as_str(),
        s.tour.meeting_point
    );
    for (i, x) in s.stops.iter().enumerate() {
        out.push_str(&format!(
            "{:>2}. {}–{}  (+{} min travel, {} min)  {}\n",
            i + 1,
            x.arrival,
            x.departure,
            x.travel,
            x.dwell,
            x.site_name
        ));
        for p in &x.problems {
            out.push_str(&format!("      ! {}\n", p.explain().1));
        }
    }
    out.push_str(&format!(
        "back at {} (+{} min); travel {} min\ncapacity {} (vehicles {}{})\n",
        s.ends
            .map(|e| e.to_string())
            .unwrap_or_else(|| "after midnight".into()),
        s.return_travel,
        s.total_travel,
        s.capacity.seats,
        s.capacity.vehicle_seats,
        s.capacity
            .smallest_stop
            .map(|(_, m)| format!(", smallest stop {m}"))
            .unwrap_or_default()
    ));
    for p in &s.problems {
        out.push_str(&format!("! {}\n", p.explain().1));
    }
    out.push_str(if s.is_feasible() {
        "feasible"
    } else {
        "NOT feasible"
    });
    out
}

pub fn site_names(
    conn: &gardesh_core::store::Connection,
) -> gardesh_core::Result<std::collections::HashMap<i64, String>> {
    let sites = gardesh_core::site::list(
        conn,
        &gardesh_core::site::Filter {
            include_archived: true,
            ..Default::default()
        },
    )?;
    Ok(sites
        .into_iter()
        .map(|s| (s.id.get(), s.input.name_fa))
        .collect())
}

pub fn proposal_json(
    p: &Proposal,
    names: &std::collections::HashMap<i64, String>,
    applied: bool,
) -> Value {
    json!({
        "order": p.order.iter().map(|s| json!({"site": s.site.get(), "name": names.get(&s.site.get())})).collect::<Vec<_>>(),
        "travelBefore": p.travel_before,
        "travelAfter": p.travel_after,
        "minutesSaved": p.minutes_saved(),
        "feasible": p.feasible,
        "wasFeasible": p.was_feasible,
        "exact": p.exact,
        "applied": applied,
    })
}

pub fn proposal_text(
    p: &Proposal,
    names: &std::collections::HashMap<i64, String>,
    applied: bool,
) -> String {
    let mut out = String::from("best order:\n");
    for (i, s) in p.order.iter().enumerate() {
        out.push_str(&format!(
            "{:>2}. {}\n",
            i + 1,
            names.get(&s.site.get()).cloned().unwrap_or_default()
        ));
    }
    out.push_str(&format!(
        "travel {} → {} min: {} minutes saved ({}); feasible before: {}, after: {}\n{}",
        p.travel_before,
        p.travel_after,
        p.minutes_saved(),
        if p.exact { "exact" } else { "heuristic" },
        if p.was_feasible { "yes" } else { "no" },
        if p.feasible { "yes" } else { "no" },
        if applied {
            "applied"
        } else {
            "not applied (use --apply)"
        }
    ));
    out
}
