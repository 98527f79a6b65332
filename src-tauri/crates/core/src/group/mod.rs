//! Citizen groups and their members: validation of every row (national ID, mobile, names,
//! birth year), the leader, duplicates across groups (flagged with the other group named;
//! kept only with a recorded reason), and normalised search over names, IDs and mobiles.

pub mod list;

use crate::stored::stored_enum;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::audit::{self, Stamp};
use crate::error::{Error, Explanation, Result};
use crate::ids::{GroupId, MemberId, SiteId};
use crate::persian::digits::to_persian;
use crate::persian::{fts_query, normalize_fa, Mobile, NationalId};
use crate::store;

pub const MAX_MEMBERS: usize = 200;

stored_enum! {
    /// What kind of community a group is.
    pub enum Kind {
        Neighbourhood = "neighbourhood",
        School = "school",
        University = "university",
        Mosque = "mosque",
        Ngo = "ngo",
        Family = "family",
        Other = "other",
    }
}

stored_enum! {
    /// How the group reached the coordinators.
    pub enum Channel {
        Phone = "phone",
        WalkIn = "walk_in",
        Line137 = "line_137",
        AppList = "app_list",
        Sms = "sms",
    }
}

/// A member row as entered (any digits; ID and mobile may be left empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberInput {
    /// The member this row edits (None: a new member).
    pub id: Option<MemberId>,
    pub full_name: String,
    pub national_id: String,
    pub mobile: String,
    /// Solar Hijri birth year.
    pub birth_year: Option<i32>,
    pub step_free: bool,
    pub ppe_sizes: String,
    pub is_leader: bool,
    /// Why a member flagged as a duplicate is kept anyway.
    pub duplicate_reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInput {
    pub name: String,
    pub kind: Kind,
    pub channel: Channel,
    pub preferred_from: Option<NaiveDate>,
    pub preferred_to: Option<NaiveDate>,
    pub preferred_sites: Vec<SiteId>,
    pub notes: String,
    pub members: Vec<MemberInput>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: MemberId,
    pub full_name: String,
    pub national_id: Option<String>,
    pub mobile: Option<String>,
    pub birth_year: Option<i32>,
    pub step_free: bool,
    pub ppe_sizes: String,
    pub is_leader: bool,
    pub duplicate_reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub kind: Kind,
    pub channel: Channel,
    pub preferred_from: Option<NaiveDate>,
    pub preferred_to: Option<NaiveDate>,
    pub preferred_sites: Vec<SiteId>,
    pub notes: String,
    pub members: Vec<Member>,
}

/// A problem of one row (`row` None: the group itself), in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: Option<usize>,
    pub field: &'static str,
    pub why: Explanation,
}

/// The same national ID already in another group of the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub row: usize,
    pub national_id: String,
    pub other_group: GroupId,
    pub other_group_name: String,
    pub other_member: String,
}

/// Everything wrong or worth a second look in a group as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Check {
    pub problems: Vec<RowProblem>,
    pub duplicates: Vec<Duplicate>,
    /// Accepted but worth checking (an unfamiliar mobile prefix).
    pub warnings: Vec<RowProblem>,
}

impl Check {
    /// Whether the group can be saved: no problem, and every duplicate has a reason.
    pub fn can_save(&self, input: &GroupInput) -> bool {
        self.problems.is_empty()
            && self.duplicates.iter().all(|d| {
                input
                    .members
                    .get(d.row)
                    .is_some_and(|m| !m.duplicate_reason.trim().is_empty())
            })
    }
}

fn problem(
    row: Option<usize>,
    field: &'static str,
    fa: impl Into<String>,
    en: impl Into<String>,
) -> RowProblem {
    RowProblem {
        row,
        field,
        why: Explanation::new(fa, en),
    }
}

/// Check a group as entered: every row, the leader, duplicates inside the group and
/// against other groups (`editing` is the group being edited, not a duplicate of itself).
pub fn check(conn: &Connection, input: &GroupInput, editing: Option<GroupId>) -> Result<Check> {
    let mut c = Check::default();
    let name = input.name.trim();
    if name.is_empty() {
        c.problems.push(problem(
            None,
            "name",
            "نام گروه لازم است",
            "the group needs a name",
        ));
    } else if name.chars().count() > 150 {
        c.problems.push(problem(
            None,
            "name",
            "نام گروه حداکثر ۱۵۰ نویسه است",
            "a group's name is at most 150 characters",
        ));
    }
    if let (Some(f), Some(t)) = (input.preferred_from, input.preferred_to) {
        if t < f {
            c.problems.push(problem(
                None,
                "preferredTo",
                "پایان بازه‌ی دلخواه پیش از آغاز آن است",
                "the preferred dates end before they start",
            ));
        }
    }
    if input.members.len() > MAX_MEMBERS {
        c.problems.push(problem(
            None,
            "members",
            format!(
                "یک گروه حداکثر {} نفر است",
                to_persian(&MAX_MEMBERS.to_string())
            ),
            format!("a group has at most {MAX_MEMBERS} members"),
        ));
    }
    let leaders = input.members.iter().filter(|m| m.is_leader).count();
    if !input.members.is_empty() && leaders != 1 {
        c.problems.push(problem(
            None,
            "leader",
            "یک نفر از اعضا باید سرگروه باشد",
            "exactly one member must be the leader",
        ));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, m) in input.members.iter().enumerate() {
        let row = Some(i);
        let n = m.full_name.trim();
        if n.is_empty() {
            c.problems.push(problem(
                row,
                "fullName",
                "نام و نام خانوادگی لازم است",
                "the full name is missing",
            ));
        } else if n.chars().count() > 120 {
            c.problems.push(problem(
                row,
                "fullName",
                "نام حداکثر ۱۲۰ نویسه است",
                "a name is at most 120 characters",
            ));
        }
        if !m.national_id.trim().is_empty() {
            match NationalId::parse(&m.national_id) {
                Err(e) => c.problems.push(RowProblem {
                    row,
                    field: "nationalId",
                    why: explanation(&e),
                }),
                Ok(id) => {
                    if let Some(&first) = seen.get(id.as_str()) {
                        c.problems.push(problem(
                            row,
                            "nationalId",
                            format!(
                                "این کد ملی در ردیف {} همین گروه هم هست",
                                to_persian(&(first + 1).to_string())
                            ),
                            format!(
                                "this national ID is also on row {} of this group",
                                first + 1
                            ),
                        ));
                    } else {
                        seen.insert(id.as_str().to_string(), i);
                        if let Some((g, gname, mname)) = other_holder(conn, id.as_str(), editing)? {
                            c.duplicates.push(Duplicate {
                                row: i,
                                national_id: id.as_str().to_string(),
                                other_group: g,
                                other_group_name: gname,
                                other_member: mname,
                            });
                        }
                    }
                }
            }
        }
        if !m.mobile.trim().is_empty() {
            match Mobile::parse(&m.mobile) {
                Err(e) => c.problems.push(RowProblem {
                    row,
                    field: "mobile",
                    why: explanation(&e),
                }),
                Ok((_, Some(w))) => c.warnings.push(RowProblem {
                    row,
                    field: "mobile",
                    why: w,
                }),
                Ok(_) => {}
            }
        } else if m.is_leader {
            c.problems.push(problem(
                row,
                "mobile",
                "سرگروه باید شماره‌ی همراه داشته باشد",
                "the leader needs a mobile number",
            ));
        }
        if let Some(y) = m.birth_year {
            if !(1300..=1500).contains(&y) {
                c.problems.push(problem(
                    row,
                    "birthYear",
                    format!(
                        "سال تولد {} پذیرفتنی نیست (۱۳۰۰ تا ۱۵۰۰ هجری شمسی)",
                        to_persian(&y.to_string())
                    ),
                    format!("birth year {y} is not plausible (1300–1500 Solar Hijri)"),
                ));
            }
        }
    }
    Ok(c)
}

fn explanation(e: &Error) -> Explanation {
    match e {
        Error::Invalid { why, .. } => why.clone(),
        other => Explanation::new(other.message_fa(), other.to_string()),
    }
}

/// Another group holding this national ID: (group, group name, member name).
fn other_holder(
    conn: &Connection,
    national_id: &str,
    editing: Option<GroupId>,
) -> Result<Option<(GroupId, String, String)>> {
    Ok(conn
        .query_row(
            "SELECT g.id, g.name, m.full_name FROM members m JOIN groups g ON g.id = m.group_id
             WHERE m.national_id = ?1 AND (?2 IS NULL OR g.id <> ?2) ORDER BY g.id LIMIT 1",
            params![national_id, editing],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

fn refuse(c: &Check, input: &GroupInput) -> Error {
    if let Some(p) = c.problems.first() {
        let (fa, en) = match p.row {
            Some(r) => (
                format!(
                    "ردیف {}: {} (و {} مورد دیگر)",
                    to_persian(&(r + 1).to_string()),
                    p.why.fa,
                    to_persian(&(c.problems.len() - 1).to_string())
                ),
                format!(
                    "row {}: {} ({} more)",
                    r + 1,
                    p.why.en,
                    c.problems.len() - 1
                ),
            ),
            None => (p.why.fa.clone(), p.why.en.clone()),
        };
        return Error::Invalid {
            field: p.field,
            why: Explanation::new(fa, en),
        };
    }
    let d = c.duplicates.iter().find(|d| {
        input
            .members
            .get(d.row)
            .is_none_or(|m| m.duplicate_reason.trim().is_empty())
    });
    match d {
        Some(d) => Error::conflict(
            format!(
                "کد ملی ردیف {} در گروه «{}» ({}) هم هست؛ برای نگه داشتن آن دلیل بنویسید",
                to_persian(&(d.row + 1).to_string()),
                d.other_group_name,
                d.other_member
            ),
            format!(
                "the national ID on row {} is also in the group “{}” ({}); write a reason to keep it",
                d.row + 1,
                d.other_group_name,
                d.other_member
            ),
        ),
        None => Error::Internal("a group that cannot be saved without a reason".into()),
    }
}

/// Write a group's members: rows with the id of one of its members update it (so a member
/// keeps their id, which registrations and check-in refer to), the others are added, and
/// members no longer listed are removed.
fn write_members(conn: &Connection, id: GroupId, input: &GroupInput) -> Result<()> {
    let existing: HashSet<MemberId> = {
        let mut st = conn.prepare("SELECT id FROM members WHERE group_id = ?1")?;
        let rows = st.query_map([id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let kept: HashSet<MemberId> = input
        .members
        .iter()
        .filter_map(|m| m.id)
        .filter(|m| existing.contains(m))
        .collect();
    for gone in existing.difference(&kept) {
        conn.execute("DELETE FROM members WHERE id = ?1", [gone])?;
    }
    // One leader per group is a unique index: clear it before rows are rewritten.
    conn.execute("UPDATE members SET is_leader = 0 WHERE group_id = ?1", [id])?;
    // group_id is not indexed in FTS5, so this delete reads the whole index: a new group
    // (no members yet, nothing indexed) skips it. A saved group always has members.
    if !existing.is_empty() {
        conn.execute("DELETE FROM search_index WHERE group_id = ?1", [id])?;
    }
    conn.execute(
        "INSERT INTO search_index (group_id, member_id, key) VALUES (?1, NULL, ?2)",
        params![id, normalize_fa(&input.name)],
    )?;
    for (i, m) in input.members.iter().enumerate() {
        let nid = Some(m.national_id.trim())
            .filter(|s| !s.is_empty())
            .map(NationalId::parse)
            .transpose()?;
        let mobile = Some(m.mobile.trim())
            .filter(|s| !s.is_empty())
            .map(Mobile::parse)
            .transpose()?
            .map(|(m, _)| m);
        let values = params![
            id,
            i as i64,
            m.full_name.trim(),
            nid.as_ref().map(NationalId::as_str),
            mobile.as_ref().map(Mobile::as_str),
            m.birth_year,
            m.step_free,
            m.ppe_sizes.trim(),
            m.is_leader,
            m.duplicate_reason.trim()
        ];
        let member = match m.id.filter(|x| kept.contains(x)) {
            Some(mid) => {
                conn.execute(
                    "UPDATE members SET group_id = ?1, position = ?2, full_name = ?3, national_id = ?4, mobile = ?5,
                         birth_year = ?6, step_free = ?7, ppe_sizes = ?8, is_leader = ?9, duplicate_reason = ?10
                     WHERE id = ?11",
                    rusqlite::params_from_iter(values.iter().copied().chain([&mid as &dyn rusqlite::ToSql])),
                )?;
                mid.get()
            }
            None => {
                conn.execute(
                    "INSERT INTO members (group_id, position, full_name, national_id, mobile, birth_year, step_free,
                         ppe_sizes, is_leader, duplicate_reason)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    values,
                )?;
                conn.last_insert_rowid()
            }
        };
        let key = normalize_fa(&format!(
            "{} {} {}",
            m.full_name,
            nid.as_ref().map(NationalId::as_str).unwrap_or(""),
            mobile.as_ref().map(Mobile::as_str).unwrap_or("")
        ));
        conn.execute(
            "INSERT INTO search_index (group_id, member_id, key) VALUES (?1, ?2, ?3)",
            params![id, member, key],
        )?;
    }
    Ok(())
}

fn sites_text(s: &[SiteId]) -> String {
    s.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Save a new group with its members, checked first; all or nothing.
pub fn create(
    conn: &mut Connection,
    stamp: &Stamp,
    input: &GroupInput,
) -> Result<(GroupId, Check)> {
    store::write(conn, |tx| insert(tx, stamp, input))
}

/// `create` inside a transaction the caller holds.
pub(crate) fn insert(
    tx: &Connection,
    stamp: &Stamp,
    input: &GroupInput,
) -> Result<(GroupId, Check)> {
    {
        let c = check(tx, input, None)?;
        if !c.can_save(input) {
            return Err(refuse(&c, input));
        }
        tx.execute(
            "INSERT INTO groups (name, kind, channel, preferred_from, preferred_to, preferred_sites, notes, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                input.name.trim(),
                input.kind.as_str(),
                input.channel.as_str(),
                input.preferred_from.map(|d| d.to_string()),
                input.preferred_to.map(|d| d.to_string()),
                sites_text(&input.preferred_sites),
                input.notes.trim(),
                stamp.at.to_rfc3339()
            ],
        )?;
        let id = GroupId(tx.last_insert_rowid());
        write_members(tx, id, input)?;
        audit::record(
            tx,
            stamp,
            "group.create",
            "group",
            Some(&id.to_string()),
            &format!("{} ({} members)", input.name.trim(), input.members.len()),
        )?;
        Ok((id, c))
    }
}

/// Replace a group's details and members, checked first; all or nothing.
pub fn update(
    conn: &mut Connection,
    stamp: &Stamp,
    id: GroupId,
    input: &GroupInput,
) -> Result<Check> {
    store::write(conn, |tx| {
        get(tx, id)?;
        let c = check(tx, input, Some(id))?;
        if !c.can_save(input) {
            return Err(refuse(&c, input));
        }
        tx.execute(
            "UPDATE groups SET name = ?2, kind = ?3, channel = ?4, preferred_from = ?5, preferred_to = ?6,
                 preferred_sites = ?7, notes = ?8 WHERE id = ?1",
            params![
                id,
                input.name.trim(),
                input.kind.as_str(),
                input.channel.as_str(),
                input.preferred_from.map(|d| d.to_string()),
                input.preferred_to.map(|d| d.to_string()),
                sites_text(&input.preferred_sites),
                input.notes.trim()
            ],
        )?;
        write_members(tx, id, input)?;
        crate::registration::members_changed(tx, stamp, id, input.members.len() as u32)?;
        audit::record(
            tx,
            stamp,
            "group.update",
            "group",
            Some(&id.to_string()),
            &format!("{} ({} members)", input.name.trim(), input.members.len()),
        )?;
        Ok(c)
    })
}

/// The group's leader (or, failing one, its first member): name and mobile.
pub fn leader(conn: &Connection, id: GroupId) -> Result<(String, Option<String>)> {
    Ok(conn
        .query_row(
            "SELECT full_name, mobile FROM members WHERE group_id = ?1 ORDER BY is_leader DESC, position LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or_default())
}

/// The input that would save a group as it is now (every member keeping its id).
pub fn as_input(g: &Group) -> GroupInput {
    GroupInput {
        name: g.name.clone(),
        kind: g.kind,
        channel: g.channel,
        preferred_from: g.preferred_from,
        preferred_to: g.preferred_to,
        preferred_sites: g.preferred_sites.clone(),
        notes: g.notes.clone(),
        members: g
            .members
            .iter()
            .map(|m| MemberInput {
                id: Some(m.id),
                full_name: m.full_name.clone(),
                national_id: m.national_id.clone().unwrap_or_default(),
                mobile: m.mobile.clone().unwrap_or_default(),
                birth_year: m.birth_year,
                step_free: m.step_free,
                ppe_sizes: m.ppe_sizes.clone(),
                is_leader: m.is_leader,
                duplicate_reason: m.duplicate_reason.clone(),
            })
            .collect(),
    }
}

/// Add one member to a group inside a transaction the caller holds, checked like any
/// edit of the group; the caller adjusts registrations. Returns the new member's id.
pub(crate) fn add_member(tx: &Connection, id: GroupId, member: MemberInput) -> Result<MemberId> {
    let g = get(tx, id)?;
    let mut input = as_input(&g);
    input.members.push(MemberInput {
        id: None,
        is_leader: false,
        ..member
    });
    let c = check(tx, &input, Some(id))?;
    if !c.can_save(&input) {
        return Err(refuse(&c, &input));
    }
    write_members(tx, id, &input)?;
    Ok(tx.query_row(
        "SELECT id FROM members WHERE group_id = ?1 ORDER BY position DESC LIMIT 1",
        [id],
        |r| r.get(0),
    )?)
}

/// Remove a group entered by mistake. A group that was ever registered or waited for
/// dates keeps its history and cannot be removed.
pub fn remove(conn: &mut Connection, stamp: &Stamp, id: GroupId) -> Result<()> {
    store::write(conn, |tx| {
        let g = get(tx, id)?;
        let used: bool = tx.query_row(
            "SELECT (SELECT count(*) FROM registrations WHERE group_id = ?1)
                  + (SELECT count(*) FROM date_waits WHERE group_id = ?1) > 0",
            [id],
            |r| r.get(0),
        )?;
        if used {
            return Err(Error::conflict(
                "این گروه ثبت‌نام دارد و تاریخچه‌اش می‌ماند؛ به جای حذف، ثبت‌نام را لغو کنید",
                "the group has registrations and keeps its history; cancel the registration instead",
            ));
        }
        tx.execute("DELETE FROM search_index WHERE group_id = ?1", [id])?;
        tx.execute("DELETE FROM groups WHERE id = ?1", [id])?;
        audit::record(
            tx,
            stamp,
            "group.remove",
            "group",
            Some(&id.to_string()),
            &format!("{} ({} members)", g.name, g.members.len()),
        )?;
        Ok(())
    })
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub fn get(conn: &Connection, id: GroupId) -> Result<Group> {
    let row = conn
        .query_row(
            "SELECT name, kind, channel, preferred_from, preferred_to, preferred_sites, notes FROM groups WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound { what: "group", id: id.to_string() })?;
    let (name, kind, channel, from, to, sites, notes) = row;
    let mut st = conn.prepare(
        "SELECT id, full_name, national_id, mobile, birth_year, step_free, ppe_sizes, is_leader, duplicate_reason
         FROM members WHERE group_id = ?1 ORDER BY position",
    )?;
    let members = st
        .query_map([id], |r| {
            Ok(Member {
                id: r.get(0)?,
                full_name: r.get(1)?,
                national_id: r.get(2)?,
                mobile: r.get(3)?,
                birth_year: r.get(4)?,
                step_free: r.get(5)?,
                ppe_sizes: r.get(6)?,
                is_leader: r.get(7)?,
                duplicate_reason: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Group {
        id,
        name,
        kind: Kind::parse(&kind).unwrap_or(Kind::Other),
        channel: Channel::parse(&channel).unwrap_or(Channel::Phone),
        preferred_from: date(from),
        preferred_to: date(to),
        preferred_sites: sites
            .split(',')
            .filter_map(|s| s.parse().ok())
            .map(SiteId)
            .collect(),
        notes,
        members,
    })
}

/// One search result: a group, and the member that matched (if it was a member).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub group: GroupId,
    pub group_name: String,
    pub member: Option<MemberId>,
    pub member_name: Option<String>,
}

/// Groups and members whose name, national ID or mobile contains every word typed, as
/// prefixes, whatever letters or digits were used. At most `limit` hits.
pub fn search(conn: &Connection, text: &str, limit: u32) -> Result<Vec<Hit>> {
    let Some(q) = fts_query(text) else {
        return Ok(vec![]);
    };
    let mut st = conn.prepare(
        "SELECT s.group_id, g.name, s.member_id, m.full_name
         FROM search_index s JOIN groups g ON g.id = s.group_id LEFT JOIN members m ON m.id = s.member_id
         WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = st.query_map(params![q, limit], |r| {
        Ok(Hit {
            group: r.get(0)?,
            group_name: r.get(1)?,
            member: r.get(2)?,
            member_name: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests;
