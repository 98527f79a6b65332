//! The programme's tours as iCalendar (RFC 5545), written here: the format is a few lines
//! of text, and no small well-kept crate does less than we need without pulling a parser.
//! Times carry Iran's zone (`Asia/Tehran`, +03:30 all year, no daylight saving since
//! 2022) with its VTIMEZONE; text is escaped and lines folded at 75 octets.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::persian::calendar::Style;
use crate::persian::JalaliDate;
use crate::store::Connection;
use crate::time_of_day::TimeOfDay;
use crate::tour::{self, itinerary, Status};
use crate::{programme, registration};

/// The zone every time is written in.
pub const TZID: &str = "Asia/Tehran";

/// Escape TEXT per RFC 5545 §3.3.11: backslash, semicolon, comma, newline.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets (§3.1): CRLF and a space before each continuation,
/// never inside a UTF-8 sequence. Appends the line with its CRLF to `out`.
pub fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// One event of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub date: NaiveDate,
    pub starts: TimeOfDay,
    /// None: the end is unknown (no stops); the event then lasts three hours.
    pub ends: Option<TimeOfDay>,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub status: &'static str,
}

fn local(date: NaiveDate, t: TimeOfDay) -> String {
    let m = t.minutes().min(23 * 60 + 59);
    format!("{}T{:02}{:02}00", date.format("%Y%m%d"), m / 60, m % 60)
}

/// A calendar of `events` named `name`, stamped `now`.
pub fn calendar(name: &str, events: &[Event], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |s: &str| fold_into(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Gardesh//Isfahan civic-project tours//FA");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(name)));
    line(&format!("X-WR-TIMEZONE:{TZID}"));
    line("BEGIN:VTIMEZONE");
    line(&format!("TZID:{TZID}"));
    line("BEGIN:STANDARD");
    line("DTSTART:19700101T000000");
    line("TZOFFSETFROM:+0330");
    line("TZOFFSETTO:+0330");
    line("TZNAME:+0330");
    line("END:STANDARD");
    line("END:VTIMEZONE");
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", e.uid));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;TZID={TZID}:{}", local(e.date, e.starts)));
        match e.ends.filter(|end| *end > e.starts) {
            Some(end) => line(&format!("DTEND;TZID={TZID}:{}", local(e.date, end))),
            None => line("DURATION:PT3H"),
        }
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        if !e.location.is_empty() {
            line(&format!("LOCATION:{}", escape(&e.location)));
        }
        if !e.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape(&e.description)));
        }
        line(&format!("STATUS:{}", e.status));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// The current programme's tours as events: date and departure to the return to the
/// meeting point, the stops with their times, the seats taken; draft tours are tentative,
/// cancelled ones cancelled.
pub fn programme_events(conn: &Connection) -> Result<(String, Vec<Event>)> {
    let p = programme::current(conn)?.ok_or_else(|| Error::NotFound {
        what: "programme",
        id: "current".into(),
    })?;
    let mut events = Vec::new();
    for t in tour::of_programme(conn, p.id)? {
        let s = itinerary::schedule(conn, t.id)?;
        let seats = registration::roster::seats(conn, t.id)?;
        let date_fa = JalaliDate::from_gregorian(t.date)
            .map(|j| j.format(Style::Short, true))
            .unwrap_or_default();
        let names: Vec<&str> = s.stops.iter().map(|x| x.site_name.as_str()).collect();
        let mut summary = format!("تور {} ساعت {}", date_fa, t.departure.format(true));
        if !names.is_empty() {
            summary.push_str(&format!(" — {}", names.join("، ")));
        }
        let mut description = String::new();
        for st in &s.stops {
            description.push_str(&format!(
                "{}–{} {}\n",
                st.arrival.format(false),
                st.departure.format(false),
                st.site_name
            ));
        }
        description.push_str(&format!(
            "صندلی: {} از {} · seats {} of {}",
            seats.taken, seats.capacity, seats.taken, seats.capacity
        ));
        events.push(Event {
            uid: format!("tour-{}@gardesh.isfahan", t.id),
            date: t.date,
            starts: t.departure,
            ends: s.ends,
            summary,
            location: t.meeting_point.clone(),
            description,
            status: match t.status {
                Status::Cancelled => "CANCELLED",
                Status::Draft => "TENTATIVE",
                _ => "CONFIRMED",
            },
        });
    }
    Ok((p.input.title, events))
}

/// The current programme's tours as an .ics file.
pub fn programme_calendar(conn: &Connection, now: DateTime<Utc>) -> Result<String> {
    let (name, events) = programme_events(conn)?;
    Ok(calendar(&name, &events, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_fold_at_75_octets_without_splitting_letters() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "تور دور اصفهان در ۸۰ روز، ".repeat(8));
        let mut out = String::new();
        fold_into(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long, "unfolding gives the line back");
    }

    #[test]
    fn events_carry_irans_zone_and_an_end() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 22).unwrap();
        let e = Event {
            uid: "tour-1@gardesh.isfahan".into(),
            date: d,
            starts: TimeOfDay::hm(8, 30).unwrap(),
            ends: Some(TimeOfDay::hm(12, 0).unwrap()),
            summary: "تور".into(),
            location: "میدان امام, درِ شمالی".into(),
            description: "a\nb".into(),
            status: "CONFIRMED",
        };
        let now = DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let ics = calendar("برنامه", &[e], now);
        assert!(
            ics.contains("DTSTART;TZID=Asia/Tehran:20261222T083000\r\n"),
            "{ics}"
        );
        assert!(ics.contains("DTEND;TZID=Asia/Tehran:20261222T120000\r\n"));
        assert!(ics.contains("TZOFFSETTO:+0330\r\n"));
        assert!(ics.contains("LOCATION:میدان امام\\, درِ شمالی\r\n"));
        assert!(ics.contains("DESCRIPTION:a\\nb\r\n"));
        assert!(ics.contains("DTSTAMP:20261201T100000Z\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
    }
}
