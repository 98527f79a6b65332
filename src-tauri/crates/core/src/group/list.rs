//! The groups list: one search box (names, national IDs, mobiles, any letters or digits)
//! and filters by tour, registration state, kind and channel. Newest groups first.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{Channel, Kind};
use crate::error::Result;
use crate::ids::{GroupId, MemberId, TourId};
use crate::persian::fts_query;
use crate::registration::State;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub text: String,
    pub tour: Option<TourId>,
    pub state: Option<State>,
    pub kind: Option<Kind>,
    pub channel: Option<Channel>,
    /// At most this many rows (0: 100).
    pub limit: u32,
}

/// A group's latest registration that is not cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Latest {
    pub tour: TourId,
    pub date: NaiveDate,
    pub state: State,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: GroupId,
    pub name: String,
    pub kind: Kind,
    pub channel: Channel,
    pub members: u32,
    pub leader_name: String,
    pub leader_mobile: Option<String>,
    /// The member whose name, ID or mobile matched the search, if a member did.
    pub matched_member: Option<String>,
    pub latest: Option<Latest>,
    /// Waiting for any tour in a range of dates.
    pub waiting_for_dates: bool,
}

/// How many search hits are read to find groups; a prefix matching more is narrowed by
/// typing more.
const SCAN: u32 = 5_000;

fn passes(conn: &Connection, id: GroupId, f: &Filter) -> Result<bool> {
    let (kind, channel): (String, String) = conn.query_row(
        "SELECT kind, channel FROM groups WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if f.kind.is_some_and(|k| k.as_str() != kind)
        || f.channel.is_some_and(|c| c.as_str() != channel)
    {
        return Ok(false);
    }
    if f.tour.is_none() && f.state.is_none() {
        return Ok(true);
    }
    Ok(conn.query_row(
        "SELECT count(*) > 0 FROM registrations WHERE group_id = ?1
         AND (?2 IS NULL OR tour_id = ?2) AND (?3 IS NULL OR state = ?3)",
        params![id, f.tour, f.state.map(State::as_str)],
        |r| r.get(0),
    )?)
}

fn row(conn: &Connection, id: GroupId, matched: Option<MemberId>) -> Result<Row> {
    let (name, kind, channel): (String, String, String) = conn.query_row(
        "SELECT name, kind, channel FROM groups WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let members: u32 = conn.query_row(
        "SELECT count(*) FROM members WHERE group_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let (leader_name, leader_mobile) = super::leader(conn, id)?;
    let matched_member = match matched {
        Some(m) => conn
            .query_row("SELECT full_name FROM members WHERE id = ?1", [m], |r| {
                r.get(0)
            })
            .optional()?,
        None => None,
    };
    let latest = conn
        .query_row(
            "SELECT r.tour_id, t.date, r.state FROM registrations r JOIN tours t ON t.id = r.tour_id
             WHERE r.group_id = ?1 AND r.state <> 'cancelled' ORDER BY t.date DESC, t.departure DESC LIMIT 1",
            [id],
            |r| Ok((r.get::<_, TourId>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
        )
        .optional()?
        .and_then(|(tour, date, state)| {
            Some(Latest {
                tour,
                date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()?,
                state: State::parse(&state)?,
            })
        });
    let waiting_for_dates: bool = conn.query_row(
        "SELECT count(*) > 0 FROM date_waits WHERE group_id = ?1 AND state = 'waiting'",
        [id],
        |r| r.get(0),
    )?;
    Ok(Row {
        id,
        name,
        kind: Kind::parse(&kind).unwrap_or(Kind::Other),
        channel: Channel::parse(&channel).unwrap_or(Channel::Phone),
        members,
        leader_name,
        leader_mobile,
        matched_member,
        latest,
        waiting_for_dates,
    })
}

/// Groups matching the search text (every word as a prefix of a name, national ID or
/// mobile) and the filters.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Row>> {
    let limit = if f.limit == 0 { 100 } else { f.limit } as usize;
    let mut out = Vec::new();
    if f.text.trim().is_empty() {
        let mut st = conn.prepare("SELECT id FROM groups ORDER BY id DESC")?;
        let ids = st.query_map([], |r| r.get::<_, GroupId>(0))?;
        for id in ids {
            let id = id?;
            if passes(conn, id, f)? {
                out.push(row(conn, id, None)?);
                if out.len() >= limit {
                    break;
                }
            }
        }
        return Ok(out);
    }
    let Some(q) = fts_query(&f.text) else {
        return Ok(out);
    };
    let mut st = conn.prepare(
        "SELECT group_id, member_id FROM search_index WHERE search_index MATCH ?1
         ORDER BY rowid DESC LIMIT ?2",
    )?;
    let hits = st.query_map(params![q, SCAN], |r| {
        Ok((r.get::<_, GroupId>(0)?, r.get::<_, Option<MemberId>>(1)?))
    })?;
    let mut seen = HashSet::new();
    for hit in hits {
        let (id, member) = hit?;
        if !seen.insert(id) {
            continue;
        }
        if passes(conn, id, f)? {
            out.push(row(conn, id, member)?);
            if out.len() >= limit {
                break;
            }
        }
    }
    Ok(out)
}
