//! IPC types of the programme, holidays, departures (tours) and the calendar.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use gardesh_core::persian::calendar::parse_iso_date;
use gardesh_core::programme::{self, holidays};
use gardesh_core::time_of_day::TimeOfDay;
use gardesh_core::{demo, persian, tour};

use super::{api, ApiError, JalaliDate, Weekday};

/// Dates are Gregorian `YYYY-MM-DD`; times `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ProgrammeInput.ts")]
pub struct ProgrammeInput {
    pub title: String,
    pub starts: String,
    pub length_days: u32,
    pub run_days: Vec<Weekday>,
    pub departures: Vec<String>,
    pub default_seats: u32,
    pub meeting_point: String,
    pub day_ends: String,
}

impl From<programme::ProgrammeInput> for ProgrammeInput {
    fn from(p: programme::ProgrammeInput) -> Self {
        ProgrammeInput {
            title: p.title,
            starts: p.starts.to_string(),
            length_days: p.length_days,
            run_days: p.run_days.into_iter().map(Weekday::from).collect(),
            departures: p.departures.iter().map(ToString::to_string).collect(),
            default_seats: p.default_seats,
            meeting_point: p.meeting_point,
            day_ends: p.day_ends.to_string(),
        }
    }
}

impl TryFrom<ProgrammeInput> for programme::ProgrammeInput {
    type Error = ApiError;
    fn try_from(p: ProgrammeInput) -> Result<Self, ApiError> {
        Ok(programme::ProgrammeInput {
            title: p.title,
            starts: parse_iso_date("starts", &p.starts).map_err(api)?,
            length_days: p.length_days,
            run_days: p.run_days.into_iter().map(persian::Weekday::from).collect(),
            departures: p
                .departures
                .iter()
                .map(|t| TimeOfDay::parse(t))
                .collect::<Result<_, _>>()
                .map_err(api)?,
            default_seats: p.default_seats,
            meeting_point: p.meeting_point,
            day_ends: TimeOfDay::parse(&p.day_ends).map_err(api)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Programme.ts")]
pub struct Programme {
    #[ts(type = "number")]
    pub id: i64,
    pub input: ProgrammeInput,
    /// The last day, `YYYY-MM-DD`.
    pub ends: String,
    pub demo: bool,
}

impl From<programme::Programme> for Programme {
    fn from(p: programme::Programme) -> Self {
        Programme {
            id: p.id.get(),
            ends: p.ends().to_string(),
            demo: p.demo,
            input: p.input.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export_to = "TourStatus.ts")]
pub enum TourStatus {
    Draft,
    Open,
    Full,
    Done,
    Cancelled,
}

impl From<tour::Status> for TourStatus {
    fn from(s: tour::Status) -> Self {
        match s {
            tour::Status::Draft => TourStatus::Draft,
            tour::Status::Open => TourStatus::Open,
            tour::Status::Full => TourStatus::Full,
            tour::Status::Done => TourStatus::Done,
            tour::Status::Cancelled => TourStatus::Cancelled,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Tour.ts")]
pub struct Tour {
    #[ts(type = "number")]
    pub id: i64,
    pub date: String,
    pub departure: String,
    pub meeting_point: String,
    pub seats: u32,
    pub status: TourStatus,
    pub notes: String,
}

impl From<tour::Tour> for Tour {
    fn from(t: tour::Tour) -> Self {
        Tour {
            id: t.id.get(),
            date: t.date.to_string(),
            departure: t.departure.to_string(),
            meeting_point: t.meeting_point,
            seats: t.seats,
            status: t.status.into(),
            notes: t.notes,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Slot.ts")]
pub struct Slot {
    pub date: String,
    pub departure: String,
}

/// The preview of regenerating departures; apply it by its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DeparturesPlan.ts")]
pub struct DeparturesPlan {
    pub add: Vec<Slot>,
    pub remove: Vec<Tour>,
    pub keep: Vec<Tour>,
    pub unchanged: u32,
    pub fingerprint: String,
}

impl From<programme::Plan> for DeparturesPlan {
    fn from(p: programme::Plan) -> Self {
        DeparturesPlan {
            fingerprint: p.fingerprint(),
            add: p
                .add
                .iter()
                .map(|s| Slot {
                    date: s.date.to_string(),
                    departure: s.departure.to_string(),
                })
                .collect(),
            remove: p.remove.into_iter().map(Into::into).collect(),
            keep: p.keep.into_iter().map(Into::into).collect(),
            unchanged: u32::try_from(p.unchanged).unwrap_or(u32::MAX),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DeparturesApplied.ts")]
pub struct DeparturesApplied {
    pub added: u32,
    pub removed: u32,
    pub kept: u32,
}

impl From<programme::Applied> for DeparturesApplied {
    fn from(a: programme::Applied) -> Self {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        DeparturesApplied {
            added: n(a.added),
            removed: n(a.removed),
            kept: n(a.kept),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Holiday.ts")]
pub struct Holiday {
    pub date: String,
    pub name_fa: String,
    pub name_en: String,
    /// A lunar holiday: check the date against the official announcement.
    pub needs_check: bool,
}

impl From<holidays::Holiday> for Holiday {
    fn from(h: holidays::Holiday) -> Self {
        Holiday {
            date: h.date.to_string(),
            name_fa: h.name_fa,
            name_en: h.name_en,
            needs_check: h.needs_check,
        }
    }
}

impl TryFrom<Holiday> for holidays::Holiday {
    type Error = ApiError;
    fn try_from(h: Holiday) -> Result<Self, ApiError> {
        Ok(holidays::Holiday {
            date: parse_iso_date("date", &h.date).map_err(api)?,
            name_fa: h.name_fa,
            name_en: h.name_en,
            needs_check: h.needs_check,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "DayOffKind.ts")]
pub enum DayOffKind {
    Weekend,
    NotARunningDay,
    Holiday,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DayOff.ts")]
pub struct DayOff {
    pub kind: DayOffKind,
    /// The holiday's Persian name; empty for the other kinds.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ClosedSite.ts")]
pub struct ClosedSite {
    #[ts(type = "number")]
    pub site: i64,
    pub name_fa: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "CalendarDay.ts")]
pub struct CalendarDay {
    pub date: String,
    pub jalali: JalaliDate,
    pub weekday: Weekday,
    pub programme_day: Option<u32>,
    pub off: Option<DayOff>,
    pub holiday: Option<Holiday>,
    pub closures: Vec<ClosedSite>,
    pub tours: Vec<CalendarTour>,
}

/// A departure on the calendar, with its capacity and feasibility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "CalendarTour.ts")]
pub struct CalendarTour {
    pub tour: Tour,
    /// The smaller of the vehicles' seats and the smallest "max visitors at once" of its stops.
    pub capacity: u32,
    pub feasible: bool,
}

impl From<programme::CalendarDay> for CalendarDay {
    fn from(d: programme::CalendarDay) -> Self {
        CalendarDay {
            date: d.date.to_string(),
            jalali: JalaliDate {
                year: d.jalali.year(),
                month: d.jalali.month(),
                day: d.jalali.day(),
            },
            weekday: d.weekday.into(),
            programme_day: d.programme_day,
            off: d.off.map(|o| match o {
                programme::DayOff::Weekend => DayOff {
                    kind: DayOffKind::Weekend,
                    name: String::new(),
                },
                programme::DayOff::NotARunningDay => DayOff {
                    kind: DayOffKind::NotARunningDay,
                    name: String::new(),
                },
                programme::DayOff::Holiday(name) => DayOff {
                    kind: DayOffKind::Holiday,
                    name,
                },
            }),
            holiday: d.holiday.map(Into::into),
            closures: d
                .closures
                .into_iter()
                .map(|c| ClosedSite {
                    site: c.site.get(),
                    name_fa: c.name_fa,
                    reason: c.reason,
                })
                .collect(),
            tours: d
                .tours
                .into_iter()
                .map(|t| CalendarTour {
                    tour: t.tour.into(),
                    capacity: t.capacity,
                    feasible: t.feasible,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DemoInstalled.ts")]
pub struct DemoInstalled {
    pub sites: u32,
    pub holidays: u32,
    pub tours: u32,
}

impl From<demo::Installed> for DemoInstalled {
    fn from(d: demo::Installed) -> Self {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        DemoInstalled {
            sites: n(d.sites),
            holidays: n(d.holidays),
            tours: n(d.tours),
        }
    }
}
