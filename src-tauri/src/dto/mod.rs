//! The IPC types: what crosses between the UI and the shell, serialised at this edge only.
//! TypeScript twins are generated into `ui/src/lib/api/bindings/` (see `bindings` below);
//! a test fails when the committed files are stale.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use gardesh_core::persian::calendar::Style;
use gardesh_core::{persian, settings, store};

/// A closed set of names mirrored from the core, both ways.
macro_rules! mirror {
    ($file:literal, $name:ident, $core:path, { $($v:ident),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export_to = $file)]
        pub enum $name { $($v),+ }

        impl From<$core> for $name {
            fn from(x: $core) -> Self {
                use $core as C;
                match x { $(C::$v => $name::$v),+ }
            }
        }

        impl From<$name> for $core {
            fn from(x: $name) -> Self {
                use $core as C;
                match x { $($name::$v => C::$v),+ }
            }
        }
    };
}
pub(crate) use mirror;

pub mod day;
pub mod exchange;
pub mod groups;
pub mod print;
pub mod programme;
pub mod sites;
pub mod tours;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ErrorCode.ts")]
pub enum ErrorCode {
    InvalidInput,
    NotFound,
    Conflict,
    DatabaseNewer,
    DatabaseCorrupt,
    DatabaseIo,
    Internal,
}

impl From<gardesh_core::ErrorCode> for ErrorCode {
    fn from(c: gardesh_core::ErrorCode) -> Self {
        use gardesh_core::ErrorCode as C;
        match c {
            C::InvalidInput => ErrorCode::InvalidInput,
            C::NotFound => ErrorCode::NotFound,
            C::Conflict => ErrorCode::Conflict,
            C::DatabaseNewer => ErrorCode::DatabaseNewer,
            C::DatabaseCorrupt => ErrorCode::DatabaseCorrupt,
            C::DatabaseIo => ErrorCode::DatabaseIo,
            C::Internal => ErrorCode::Internal,
        }
    }
}

/// Every failed command answers with this: the UI branches on `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ApiError.ts")]
pub struct ApiError {
    pub code: ErrorCode,
    /// English detail.
    pub message: String,
    /// Persian detail.
    pub message_fa: String,
}

impl From<&gardesh_core::Error> for ApiError {
    fn from(e: &gardesh_core::Error) -> Self {
        ApiError {
            code: e.code().into(),
            message: e.to_string(),
            message_fa: e.message_fa(),
        }
    }
}

impl ApiError {
    pub fn internal(en: impl Into<String>) -> Self {
        let en = en.into();
        ApiError {
            code: ErrorCode::Internal,
            message_fa: format!("خطای درونی: {en}"),
            message: en,
        }
    }
}

/// A warning that does not stop a change (e.g. coordinates outside Isfahan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Warning.ts")]
pub struct Warning {
    pub fa: String,
    pub en: String,
}

impl From<gardesh_core::error::Explanation> for Warning {
    fn from(e: gardesh_core::error::Explanation) -> Self {
        Warning { fa: e.fa, en: e.en }
    }
}

/// Core errors arriving in a DTO conversion.
pub(crate) fn api(e: gardesh_core::Error) -> ApiError {
    ApiError::from(&e)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export_to = "Language.ts")]
pub enum Language {
    Fa,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export_to = "CalendarKind.ts")]
pub enum CalendarKind {
    Persian,
    Gregorian,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export_to = "Weekday.ts")]
pub enum Weekday {
    Saturday,
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}

impl From<persian::Weekday> for Weekday {
    fn from(d: persian::Weekday) -> Self {
        use persian::Weekday as W;
        match d {
            W::Saturday => Weekday::Saturday,
            W::Sunday => Weekday::Sunday,
            W::Monday => Weekday::Monday,
            W::Tuesday => Weekday::Tuesday,
            W::Wednesday => Weekday::Wednesday,
            W::Thursday => Weekday::Thursday,
            W::Friday => Weekday::Friday,
        }
    }
}

impl From<Weekday> for persian::Weekday {
    fn from(d: Weekday) -> Self {
        use persian::Weekday as W;
        match d {
            Weekday::Saturday => W::Saturday,
            Weekday::Sunday => W::Sunday,
            Weekday::Monday => W::Monday,
            Weekday::Tuesday => W::Tuesday,
            Weekday::Wednesday => W::Wednesday,
            Weekday::Thursday => W::Thursday,
            Weekday::Friday => W::Friday,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Settings.ts")]
pub struct Settings {
    pub coordinator_name: String,
    pub language: Language,
    pub calendar: CalendarKind,
    pub weekend_days: Vec<Weekday>,
}

impl From<settings::Settings> for Settings {
    fn from(s: settings::Settings) -> Self {
        Settings {
            coordinator_name: s.coordinator_name,
            language: match s.language {
                settings::Language::Fa => Language::Fa,
                settings::Language::En => Language::En,
            },
            calendar: match s.calendar {
                settings::CalendarKind::Persian => CalendarKind::Persian,
                settings::CalendarKind::Gregorian => CalendarKind::Gregorian,
            },
            weekend_days: s.weekend_days.into_iter().map(Weekday::from).collect(),
        }
    }
}

impl From<Settings> for settings::Settings {
    fn from(s: Settings) -> Self {
        settings::Settings {
            coordinator_name: s.coordinator_name,
            language: match s.language {
                Language::Fa => settings::Language::Fa,
                Language::En => settings::Language::En,
            },
            calendar: match s.calendar {
                CalendarKind::Persian => settings::CalendarKind::Persian,
                CalendarKind::Gregorian => settings::CalendarKind::Gregorian,
            },
            weekend_days: s
                .weekend_days
                .into_iter()
                .map(persian::Weekday::from)
                .collect::<BTreeSet<_>>(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "JalaliDate.ts")]
pub struct JalaliDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Today as the core computes it from the clock, in Iran's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Today.ts")]
pub struct Today {
    /// `YYYY-MM-DD`
    pub gregorian: String,
    pub jalali: JalaliDate,
    pub weekday: Weekday,
    /// «یکشنبه ۸ آذر ۱۴۰۵»
    pub long_fa: String,
    /// "Sunday 8 Azar 1405"
    pub long_en: String,
}

impl From<persian::JalaliDate> for Today {
    fn from(d: persian::JalaliDate) -> Self {
        Today {
            gregorian: d.to_gregorian().format("%Y-%m-%d").to_string(),
            jalali: JalaliDate {
                year: d.year(),
                month: d.month(),
                day: d.day(),
            },
            weekday: d.weekday().into(),
            long_fa: d.format(Style::Long, true),
            long_en: d.format(Style::Long, false),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "DbStatus.ts")]
pub struct DbStatus {
    pub path: String,
    pub schema_version: i32,
    /// "ok", or the problems found, one per line.
    pub integrity: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    pub journal_mode: String,
}

impl From<store::Status> for DbStatus {
    fn from(s: store::Status) -> Self {
        DbStatus {
            integrity: if s.is_ok() {
                "ok".into()
            } else {
                s.problems.join("\n")
            },
            path: s.path,
            schema_version: i32::try_from(s.schema_version).unwrap_or(i32::MAX),
            size_bytes: s.size_bytes,
            journal_mode: s.journal_mode,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "AppStatus.ts")]
pub struct AppStatus {
    pub app_version: String,
    pub today: Today,
    pub db: DbStatus,
}

/// Every exported type, for the freshness test and for regenerating the bindings.
pub mod bindings {
    use super::*;
    use ts_rs::Config;

    /// `(file name, TypeScript source)` of every binding.
    pub fn all() -> Result<Vec<(String, String)>, ts_rs::ExportError> {
        fn one<T: TS + 'static>(cfg: &Config) -> Result<(String, String), ts_rs::ExportError> {
            let name = T::output_path()
                .and_then(|p| p.file_name().map(|f| f.to_string_lossy().into_owned()))
                .unwrap_or_else(|| format!("{}.ts", T::ident(cfg)));
            Ok((name, T::export_to_string(cfg)?))
        }
        let cfg = Config::new();
        Ok(vec![
            one::<ErrorCode>(&cfg)?,
            one::<ApiError>(&cfg)?,
            one::<Language>(&cfg)?,
            one::<CalendarKind>(&cfg)?,
            one::<Weekday>(&cfg)?,
            one::<Settings>(&cfg)?,
            one::<JalaliDate>(&cfg)?,
            one::<Today>(&cfg)?,
            one::<DbStatus>(&cfg)?,
            one::<AppStatus>(&cfg)?,
            one::<Warning>(&cfg)?,
            one::<sites::SiteCategory>(&cfg)?,
            one::<sites::Ppe>(&cfg)?,
            one::<sites::Location>(&cfg)?,
            one::<sites::VisitRules>(&cfg)?,
            one::<sites::SiteInput>(&cfg)?,
            one::<sites::Site>(&cfg)?,
            one::<sites::HoursWindow>(&cfg)?,
            one::<sites::Closure>(&cfg)?,
            one::<sites::PhotoInfo>(&cfg)?,
            one::<sites::SiteDetail>(&cfg)?,
            one::<sites::SiteSaved>(&cfg)?,
            one::<sites::SiteFilter>(&cfg)?,
            one::<sites::Undone>(&cfg)?,
            one::<programme::ProgrammeInput>(&cfg)?,
            one::<programme::Programme>(&cfg)?,
            one::<programme::TourStatus>(&cfg)?,
            one::<programme::Tour>(&cfg)?,
            one::<programme::Slot>(&cfg)?,
            one::<programme::DeparturesPlan>(&cfg)?,
            one::<programme::DeparturesApplied>(&cfg)?,
            one::<programme::Holiday>(&cfg)?,
            one::<programme::DayOffKind>(&cfg)?,
            one::<programme::DayOff>(&cfg)?,
            one::<programme::ClosedSite>(&cfg)?,
            one::<programme::CalendarDay>(&cfg)?,
            one::<programme::CalendarTour>(&cfg)?,
            one::<programme::DemoInstalled>(&cfg)?,
            one::<tours::TourProblem>(&cfg)?,
            one::<tours::StopInput>(&cfg)?,
            one::<tours::TimedStop>(&cfg)?,
            one::<tours::Capacity>(&cfg)?,
            one::<tours::Schedule>(&cfg)?,
            one::<tours::Vehicle>(&cfg)?,
            one::<tours::Guide>(&cfg)?,
            one::<tours::TourDetail>(&cfg)?,
            one::<tours::TourSummary>(&cfg)?,
            one::<tours::OrderProposal>(&cfg)?,
            one::<tours::RouteTemplate>(&cfg)?,
            one::<tours::TemplateApplied>(&cfg)?,
            one::<tours::TravelModel>(&cfg)?,
            one::<groups::GroupKind>(&cfg)?,
            one::<groups::GroupChannel>(&cfg)?,
            one::<groups::RegistrationState>(&cfg)?,
            one::<groups::WaitState>(&cfg)?,
            one::<groups::MemberInput>(&cfg)?,
            one::<groups::GroupInput>(&cfg)?,
            one::<groups::Member>(&cfg)?,
            one::<groups::Group>(&cfg)?,
            one::<groups::RowProblem>(&cfg)?,
            one::<groups::Duplicate>(&cfg)?,
            one::<groups::GroupCheck>(&cfg)?,
            one::<groups::GroupSaved>(&cfg)?,
            one::<groups::GroupFilter>(&cfg)?,
            one::<groups::LatestRegistration>(&cfg)?,
            one::<groups::GroupRow>(&cfg)?,
            one::<groups::Registration>(&cfg)?,
            one::<groups::GroupRegistration>(&cfg)?,
            one::<groups::DateWait>(&cfg)?,
            one::<groups::GroupDetail>(&cfg)?,
            one::<groups::TourSeats>(&cfg)?,
            one::<groups::Ineligible>(&cfg)?,
            one::<groups::RegistrationPreview>(&cfg)?,
            one::<groups::RosterLine>(&cfg)?,
            one::<groups::Roster>(&cfg)?,
            one::<groups::Promoted>(&cfg)?,
            one::<groups::RegistrationOutcome>(&cfg)?,
            one::<groups::RegistrationEvent>(&cfg)?,
            one::<groups::WaitOutcome>(&cfg)?,
            one::<groups::DateWaitRow>(&cfg)?,
            one::<day::SheetMember>(&cfg)?,
            one::<day::SheetGroup>(&cfg)?,
            one::<day::CheckinSheet>(&cfg)?,
            one::<day::CheckedIn>(&cfg)?,
            one::<day::Departed>(&cfg)?,
            one::<day::RequestCategory>(&cfg)?,
            one::<day::RequestStatus>(&cfg)?,
            one::<day::RequestInput>(&cfg)?,
            one::<day::CitizenRequest>(&cfg)?,
            one::<day::RequestFilter>(&cfg)?,
            one::<day::HistoryEntry>(&cfg)?,
            one::<day::RequestDetail>(&cfg)?,
            one::<day::RequestCounts>(&cfg)?,
            one::<day::TodayTour>(&cfg)?,
            one::<day::DashboardFigures>(&cfg)?,
            one::<day::DayCount>(&cfg)?,
            one::<day::TourFill>(&cfg)?,
            one::<day::SiteCount>(&cfg)?,
            one::<day::Reports>(&cfg)?,
            one::<exchange::ColumnMapping>(&cfg)?,
            one::<exchange::ImportOptions>(&cfg)?,
            one::<exchange::ImportProblem>(&cfg)?,
            one::<exchange::ImportRow>(&cfg)?,
            one::<exchange::ImportColumn>(&cfg)?,
            one::<exchange::ImportPreview>(&cfg)?,
            one::<exchange::ImportApplied>(&cfg)?,
            one::<exchange::ImportProgress>(&cfg)?,
            one::<exchange::BackupEntry>(&cfg)?,
            one::<exchange::Backups>(&cfg)?,
            one::<exchange::RestoreDone>(&cfg)?,
            one::<print::PrintRequest>(&cfg)?,
            one::<print::PrintPreview>(&cfg)?,
            one::<print::PrintSaved>(&cfg)?,
            one::<print::PrintProgress>(&cfg)?,
        ])
    }
}
