//! IPC types of groups, members, registrations, waiting lists and rosters.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use gardesh_core::group::{self, list};
use gardesh_core::ids::{MemberId, SiteId};
use gardesh_core::persian::calendar::parse_iso_date;
use gardesh_core::registration::{self as reg, roster, waits};
use gardesh_core::Error;

super::mirror!("GroupKind.ts", GroupKind, group::Kind, {
    Neighbourhood, School, University, Mosque, Ngo, Family, Other
});
super::mirror!("GroupChannel.ts", GroupChannel, group::Channel, {
    Phone, WalkIn, Line137, AppList, Sms
});
super::mirror!("RegistrationState.ts", RegistrationState, reg::State, {
    Requested, Confirmed, Waitlisted, Attended, NoShow, Cancelled
});
super::mirror!("WaitState.ts", WaitState, waits::WaitState, { Waiting, Placed, Cancelled });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "MemberInput.ts")]
pub struct MemberInput {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub full_name: String,
    pub national_id: String,
    pub mobile: String,
    pub birth_year: Option<i32>,
    pub step_free: bool,
    pub ppe_sizes: String,
    pub is_leader: bool,
    pub duplicate_reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "GroupInput.ts")]
pub struct GroupInput {
    pub name: String,
    pub kind: GroupKind,
    pub channel: GroupChannel,
    /// YYYY-MM-DD or null.
    pub preferred_from: Option<String>,
    pub preferred_to: Option<String>,
    #[ts(type = "number[]")]
    pub preferred_sites: Vec<i64>,
    pub notes: String,
    pub members: Vec<MemberInput>,
}

impl GroupInput {
    pub fn into_core(self) -> Result<group::GroupInput, Error> {
        let date = |field: &'static str, s: Option<String>| {
            s.filter(|s| !s.trim().is_empty())
                .map(|s| parse_iso_date(field, s.trim()))
                .transpose()
        };
        Ok(group::GroupInput {
            name: self.name,
            kind: self.kind.into(),
            channel: self.channel.into(),
            preferred_from: date("preferredFrom", self.preferred_from)?,
            preferred_to: date("preferredTo", self.preferred_to)?,
            preferred_sites: self.preferred_sites.into_iter().map(SiteId).collect(),
            notes: self.notes,
            members: self
                .members
                .into_iter()
                .map(|m| group::MemberInput {
                    id: m.id.map(MemberId),
                    full_name: m.full_name,
                    national_id: m.national_id,
                    mobile: m.mobile,
                    birth_year: m.birth_year,
                    step_free: m.step_free,
                    ppe_sizes: m.ppe_sizes,
                    is_leader: m.is_leader,
                    duplicate_reason: m.duplicate_reason,
                })
                .collect(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Member.ts")]
pub struct Member {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub national_id: Option<String>,
    pub mobile: Option<String>,
    pub birth_year: Option<i32>,
    pub step_free: bool,
    pub ppe_sizes: String,
    pub is_leader: bool,
    pub duplicate_reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Group.ts")]
pub struct Group {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: GroupKind,
    pub channel: GroupChannel,
    pub preferred_from: Option<String>,
    pub preferred_to: Option<String>,
    #[ts(type = "number[]")]
    pub preferred_sites: Vec<i64>,
    pub notes: String,
    pub members: Vec<Member>,
}

impl From<group::Group> for Group {
    fn from(g: group::Group) -> Self {
        Group {
            id: g.id.get(),
            name: g.name,
            kind: g.kind.into(),
            channel: g.channel.into(),
            preferred_from: g.preferred_from.map(|d| d.to_string()),
            preferred_to: g.preferred_to.map(|d| d.to_string()),
            preferred_sites: g.preferred_sites.into_iter().map(SiteId::get).collect(),
            notes: g.notes,
            members: g
                .members
                .into_iter()
                .map(|m| Member {
                    id: m.id.get(),
                    full_name: m.full_name,
                    national_id: m.national_id,
                    mobile: m.mobile,
                    birth_year: m.birth_year,
                    step_free: m.step_free,
                    ppe_sizes: m.ppe_sizes,
                    is_leader: m.is_leader,
                    duplicate_reason: m.duplicate_reason,
                })
                .collect(),
        }
    }
}

/// A problem of a member row (row null: the group itself), in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RowProblem.ts")]
pub struct RowProblem {
    pub row: Option<u32>,
    /// name, members, fullName, nationalId, mobile, birthYear, leader…
    pub field: String,
    pub fa: String,
    pub en: String,
}

impl From<group::RowProblem> for RowProblem {
    fn from(p: group::RowProblem) -> Self {
        RowProblem {
            row: p.row.map(|r| r as u32),
            field: p.field.into(),
            fa: p.why.fa,
            en: p.why.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Duplicate.ts")]
pub struct Duplicate {
    pub row: u32,
    pub national_id: String,
    #[ts(type = "number")]
    pub other_group: i64,
    pub other_group_name: String,
    pub other_member: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "GroupCheck.ts")]
pub struct GroupCheck {
    pub problems: Vec<RowProblem>,
    pub duplicates: Vec<Duplicate>,
    pub warnings: Vec<RowProblem>,
    /// No problem and every duplicate has a reason.
    pub can_save: bool,
}

impl GroupCheck {
    pub fn new(c: group::Check, input: &group::GroupInput) -> Self {
        let can_save = c.can_save(input);
        GroupCheck {
            problems: c.problems.into_iter().map(Into::into).collect(),
            duplicates: c
                .duplicates
                .into_iter()
                .map(|d| Duplicate {
                    row: d.row as u32,
                    national_id: d.national_id,
                    other_group: d.other_group.get(),
                    other_group_name: d.other_group_name,
                    other_member: d.other_member,
                })
                .collect(),
            warnings: c.warnings.into_iter().map(Into::into).collect(),
            can_save,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "GroupSaved.ts")]
pub struct GroupSaved {
    pub group: Group,
    pub check: GroupCheck,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "GroupFilter.ts")]
pub struct GroupFilter {
    pub text: String,
    #[ts(type = "number | null")]
    pub tour: Option<i64>,
    pub state: Option<RegistrationState>,
    pub kind: Option<GroupKind>,
    pub channel: Option<GroupChannel>,
    pub limit: Option<u32>,
}

impl From<GroupFilter> for list::Filter {
    fn from(f: GroupFilter) -> Self {
        list::Filter {
            text: f.text,
            tour: f.tour.map(gardesh_core::ids::TourId),
            state: f.state.map(Into::into),
            kind: f.kind.map(Into::into),
            channel: f.channel.map(Into::into),
            limit: f.limit.unwrap_or(0),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "LatestRegistration.ts")]
pub struct LatestRegistration {
    #[ts(type = "number")]
    pub tour: i64,
    pub date: String,
    pub state: RegistrationState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "GroupRow.ts")]
pub struct GroupRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: GroupKind,
    pub channel: GroupChannel,
    pub members: u32,
    pub leader_name: String,
    pub leader_mobile: Option<String>,
    pub matched_member: Option<String>,
    pub latest: Option<LatestRegistration>,
    pub waiting_for_dates: bool,
}

impl From<list::Row> for GroupRow {
    fn from(r: list::Row) -> Self {
        GroupRow {
            id: r.id.get(),
            name: r.name,
            kind: r.kind.into(),
            channel: r.channel.into(),
            members: r.members,
            leader_name: r.leader_name,
            leader_mobile: r.leader_mobile,
            matched_member: r.matched_member,
            latest: r.latest.map(|l| LatestRegistration {
                tour: l.tour.get(),
                date: l.date.to_string(),
                state: l.state.into(),
            }),
            waiting_for_dates: r.waiting_for_dates,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Registration.ts")]
pub struct Registration {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub group: i64,
    #[ts(type = "number")]
    pub tour: i64,
    pub seats: u32,
    pub state: RegistrationState,
    pub override_reason: String,
    /// The code printed on the confirmation (GRD-id-check).
    pub code: String,
}

impl Registration {
    pub fn read(c: &gardesh_core::store::Connection, r: reg::Registration) -> Result<Self, Error> {
        Ok(Registration {
            id: r.id.get(),
            group: r.group.get(),
            tour: r.tour.get(),
            seats: r.seats,
            state: r.state.into(),
            override_reason: r.override_reason,
            code: reg::code::code(c, r.id)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "GroupRegistration.ts")]
pub struct GroupRegistration {
    pub registration: Registration,
    pub tour_date: String,
    pub departure: String,
    /// Place in the tour's waiting list (1 = next).
    pub position: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DateWait.ts")]
pub struct DateWait {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub group: i64,
    pub from: String,
    pub to: String,
    pub seats: u32,
    pub state: WaitState,
    #[ts(type = "number | null")]
    pub registration: Option<i64>,
    pub reason: String,
}

impl From<waits::DateWait> for DateWait {
    fn from(w: waits::DateWait) -> Self {
        DateWait {
            id: w.id.get(),
            group: w.group.get(),
            from: w.from.to_string(),
            to: w.to.to_string(),
            seats: w.seats,
            state: w.state.into(),
            registration: w.registration.map(|r| r.get()),
            reason: w.reason,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "GroupDetail.ts")]
pub struct GroupDetail {
    pub group: Group,
    pub registrations: Vec<GroupRegistration>,
    pub waits: Vec<DateWait>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TourSeats.ts")]
pub struct TourSeats {
    pub capacity: u32,
    pub taken: u32,
    pub free: u32,
    pub waiting_groups: u32,
    pub waiting_seats: u32,
}

impl From<roster::Seats> for TourSeats {
    fn from(s: roster::Seats) -> Self {
        TourSeats {
            capacity: s.capacity,
            taken: s.taken,
            free: s.free,
            waiting_groups: s.waiting_groups,
            waiting_seats: s.waiting_seats,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Ineligible.ts")]
pub struct Ineligible {
    #[ts(type = "number")]
    pub member: i64,
    pub member_name: String,
    pub fa: String,
    pub en: String,
}

/// What registering a group on a tour would do, before it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RegistrationPreview.ts")]
pub struct RegistrationPreview {
    pub tour: super::programme::Tour,
    pub seats: TourSeats,
    pub group_size: u32,
    /// Confirmed at once if registered now.
    pub fits: bool,
    /// Its place in the waiting list if it does not fit.
    pub waiting_position: Option<u32>,
    /// Members failing the tour's rules (registering needs a reason).
    pub ineligible: Vec<Ineligible>,
    /// The tour takes registrations (open or full).
    pub open: bool,
    /// Already confirmed or waiting on this tour.
    pub already_on: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RosterLine.ts")]
pub struct RosterLine {
    pub registration: Registration,
    pub group_name: String,
    pub leader_name: String,
    pub leader_mobile: Option<String>,
    pub position: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Roster.ts")]
pub struct Roster {
    pub tour: super::programme::Tour,
    pub seats: TourSeats,
    pub lines: Vec<RosterLine>,
}

/// A group confirmed from a waiting list by a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Promoted.ts")]
pub struct Promoted {
    #[ts(type = "number")]
    pub registration: i64,
    #[ts(type = "number")]
    pub tour: i64,
    pub group_name: String,
    pub seats: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RegistrationOutcome.ts")]
pub struct RegistrationOutcome {
    pub registration: Registration,
    /// Who moved up from a waiting list as a result.
    pub promoted: Vec<Promoted>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RegistrationEvent.ts")]
pub struct RegistrationEvent {
    pub at: String,
    pub actor: String,
    pub from: Option<RegistrationState>,
    pub to: RegistrationState,
    pub seats: u32,
    pub reason: String,
}

impl From<roster::Event> for RegistrationEvent {
    fn from(e: roster::Event) -> Self {
        RegistrationEvent {
            at: e.at,
            actor: e.actor,
            from: e.from.map(Into::into),
            to: e.to.into(),
            seats: e.seats,
            reason: e.reason,
        }
    }
}

/// Waiting for any tour on some dates: placed at once, or waiting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "WaitOutcome.ts")]
pub struct WaitOutcome {
    pub placed: Option<Registration>,
    pub waiting: Option<DateWait>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DateWaitRow.ts")]
pub struct DateWaitRow {
    pub wait: DateWait,
    pub group_name: String,
}
