//! IPC types of the tour day and after: check-in sheets, citizen requests, the Dashboard's
//! figures and the Reports page's series.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use gardesh_core::checkin;
use gardesh_core::dashboard;
use gardesh_core::ids::{SiteId, TourId};
use gardesh_core::persian::calendar::parse_any_date;
use gardesh_core::request;
use gardesh_core::Error;

use super::groups::Registration;
use super::programme::Tour;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "SheetMember.ts")]
pub struct SheetMember {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub is_leader: bool,
    pub step_free: bool,
    pub present: Option<bool>,
    pub walk_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "SheetGroup.ts")]
pub struct SheetGroup {
    pub registration: Registration,
    pub group_name: String,
    pub members: Vec<SheetMember>,
    pub present: u32,
}

impl SheetGroup {
    pub fn read(
        c: &gardesh_core::store::Connection,
        g: checkin::SheetGroup,
    ) -> Result<Self, Error> {
        Ok(SheetGroup {
            registration: Registration::read(c, g.registration)?,
            group_name: g.group_name,
            members: g
                .members
                .into_iter()
                .map(|m| SheetMember {
                    id: m.id.get(),
                    full_name: m.full_name,
                    is_leader: m.is_leader,
                    step_free: m.step_free,
                    present: m.present,
                    walk_in: m.walk_in,
                })
                .collect(),
            present: g.present,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "CheckinSheet.ts")]
pub struct CheckinSheet {
    pub tour: Tour,
    pub groups: Vec<SheetGroup>,
    pub expected: u32,
    pub present: u32,
    pub capacity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "CheckedIn.ts")]
pub struct CheckedIn {
    pub group: SheetGroup,
    /// Already checked in before (nothing changed).
    pub already: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Departed.ts")]
pub struct Departed {
    pub no_show_groups: u32,
    pub absent_members: u32,
}

super::mirror!("RequestCategory.ts", RequestCategory, request::Category, {
    Lighting, Roads, Transport, Cleanliness, Projects, Other
});
super::mirror!("RequestStatus.ts", RequestStatus, request::Status, {
    Open, Referred, Answered, Reported
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RequestInput.ts")]
pub struct RequestInput {
    #[ts(type = "number | null")]
    pub tour: Option<i64>,
    #[ts(type = "number | null")]
    pub site: Option<i64>,
    pub district: Option<u8>,
    pub category: RequestCategory,
    pub text: String,
    pub raised_by: String,
    pub contact: String,
    /// YYYY-MM-DD (Solar Hijri or Gregorian, any digits).
    pub raised_on: String,
}

impl RequestInput {
    pub fn into_core(self) -> Result<request::RequestInput, Error> {
        Ok(request::RequestInput {
            tour: self.tour.map(TourId),
            site: self.site.map(SiteId),
            district: self.district,
            category: self.category.into(),
            text: self.text,
            raised_by: self.raised_by,
            contact: self.contact,
            raised_on: parse_any_date("raisedOn", &self.raised_on)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "CitizenRequest.ts")]
pub struct CitizenRequest {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub tour: Option<i64>,
    #[ts(type = "number | null")]
    pub site: Option<i64>,
    pub district: Option<u8>,
    pub category: RequestCategory,
    pub text: String,
    pub raised_by: String,
    pub contact: String,
    pub raised_on: String,
    pub due_on: String,
    pub status: RequestStatus,
    pub department: String,
    pub referred_on: Option<String>,
    pub answer: String,
    pub answered_on: Option<String>,
    pub reported_on: Option<String>,
    /// Unanswered past its due date today.
    pub overdue: bool,
}

impl CitizenRequest {
    pub fn new(r: request::Request, today: chrono::NaiveDate) -> Self {
        let overdue = r.is_overdue(today);
        let s = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
        CitizenRequest {
            id: r.id.get(),
            tour: r.input.tour.map(TourId::get),
            site: r.input.site.map(SiteId::get),
            district: r.input.district,
            category: r.input.category.into(),
            text: r.input.text,
            raised_by: r.input.raised_by,
            contact: r.input.contact,
            raised_on: r.input.raised_on.to_string(),
            due_on: r.due_on.to_string(),
            status: r.status.into(),
            department: r.department,
            referred_on: s(r.referred_on),
            answer: r.answer,
            answered_on: s(r.answered_on),
            reported_on: s(r.reported_on),
            overdue,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RequestFilter.ts")]
pub struct RequestFilter {
    pub text: String,
    pub status: Option<RequestStatus>,
    pub department: Option<String>,
    pub district: Option<u8>,
    #[ts(type = "number | null")]
    pub site: Option<i64>,
    #[ts(type = "number | null")]
    pub tour: Option<i64>,
    pub category: Option<RequestCategory>,
    pub overdue_only: bool,
}

impl From<RequestFilter> for request::Filter {
    fn from(f: RequestFilter) -> Self {
        request::Filter {
            text: f.text,
            status: f.status.map(Into::into),
            department: f.department,
            district: f.district,
            site: f.site.map(SiteId),
            tour: f.tour.map(TourId),
            category: f.category.map(Into::into),
            overdue_only: f.overdue_only,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "HistoryEntry.ts")]
pub struct HistoryEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub detail: String,
}

impl From<gardesh_core::audit::Entry> for HistoryEntry {
    fn from(e: gardesh_core::audit::Entry) -> Self {
        HistoryEntry {
            at: e.at,
            actor: e.actor,
            action: e.action,
            detail: e.detail,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RequestDetail.ts")]
pub struct RequestDetail {
    pub request: CitizenRequest,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RequestCounts.ts")]
pub struct RequestCounts {
    pub open: u32,
    pub due_this_week: u32,
    pub overdue: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TodayTour.ts")]
pub struct TodayTour {
    pub tour: Tour,
    pub capacity: u32,
    pub taken: u32,
    pub present: u32,
    pub waiting_groups: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DashboardFigures.ts")]
pub struct DashboardFigures {
    pub today: String,
    pub programme_day: Option<u32>,
    pub programme_days: u32,
    pub programme_title: Option<String>,
    pub today_tours: Vec<TodayTour>,
    pub seats_filled: u32,
    pub seats_offered: u32,
    pub visitors: u32,
    pub waiting_groups: u32,
    pub waiting_seats: u32,
    pub waiting_for_dates: u32,
    /// 0–1, null before any tour was checked.
    pub no_show_rate: Option<f64>,
    pub requests: RequestCounts,
}

impl From<dashboard::Figures> for DashboardFigures {
    fn from(f: dashboard::Figures) -> Self {
        DashboardFigures {
            today: f.today.to_string(),
            programme_day: f.programme_day,
            programme_days: f.programme_days,
            programme_title: f.programme_title,
            today_tours: f
                .today_tours
                .into_iter()
                .map(|t| TodayTour {
                    tour: t.tour.into(),
                    capacity: t.capacity,
                    taken: t.taken,
                    present: t.present,
                    waiting_groups: t.waiting_groups,
                })
                .collect(),
            seats_filled: f.seats_filled,
            seats_offered: f.seats_offered,
            visitors: f.visitors,
            waiting_groups: f.waiting_groups,
            waiting_seats: f.waiting_seats,
            waiting_for_dates: f.waiting_for_dates,
            no_show_rate: f.no_show_rate,
            requests: RequestCounts {
                open: f.requests.open,
                due_this_week: f.requests.due_this_week,
                overdue: f.requests.overdue,
                total: f.requests.total,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DayCount.ts")]
pub struct DayCount {
    pub date: String,
    pub visitors: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "TourFill.ts")]
pub struct TourFill {
    #[ts(type = "number")]
    pub tour: i64,
    pub date: String,
    pub departure: String,
    pub capacity: u32,
    pub taken: u32,
    pub present: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "SiteCount.ts")]
pub struct SiteCount {
    #[ts(type = "number")]
    pub site: i64,
    pub name: String,
    pub visitors: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Reports.ts")]
pub struct Reports {
    pub visitors_per_day: Vec<DayCount>,
    pub fill_per_tour: Vec<TourFill>,
    pub visitors_per_site: Vec<SiteCount>,
    /// [district, visitors]
    pub visitors_per_district: Vec<(u8, u32)>,
    pub requests_by_category: Vec<(RequestCategory, u32)>,
    pub requests_by_status: Vec<(RequestStatus, u32)>,
}

impl From<dashboard::Reports> for Reports {
    fn from(r: dashboard::Reports) -> Self {
        Reports {
            visitors_per_day: r
                .visitors_per_day
                .into_iter()
                .map(|(d, n)| DayCount {
                    date: d.to_string(),
                    visitors: n,
                })
                .collect(),
            fill_per_tour: r
                .fill_per_tour
                .into_iter()
                .map(|f| TourFill {
                    tour: f.tour.get(),
                    date: f.date.to_string(),
                    departure: f.departure.to_string(),
                    capacity: f.capacity,
                    taken: f.taken,
                    present: f.present,
                })
                .collect(),
            visitors_per_site: r
                .visitors_per_site
                .into_iter()
                .map(|(s, name, n)| SiteCount {
                    site: s.get(),
                    name,
                    visitors: n,
                })
                .collect(),
            visitors_per_district: r.visitors_per_district,
            requests_by_category: r
                .requests_by_category
                .into_iter()
                .map(|(c, n)| (c.into(), n))
                .collect(),
            requests_by_status: r
                .requests_by_status
                .into_iter()
                .map(|(s, n)| (s.into(), n))
                .collect(),
        }
    }
}
