//! IPC types of project sites, their hours, closures and photos.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use gardesh_core::ids::PhotoId;
use gardesh_core::persian;
use gardesh_core::site::{self, photo};
use gardesh_core::time_of_day::TimeOfDay;

use super::{api, ApiError, Warning, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "SiteCategory.ts")]
pub enum SiteCategory {
    MetroStation,
    Tunnel,
    Road,
    Bridge,
    Square,
    Park,
    Building,
    Other,
}

impl From<site::Category> for SiteCategory {
    fn from(c: site::Category) -> Self {
        use site::Category as C;
        match c {
            C::MetroStation => SiteCategory::MetroStation,
            C::Tunnel => SiteCategory::Tunnel,
            C::Road => SiteCategory::Road,
            C::Bridge => SiteCategory::Bridge,
            C::Square => SiteCategory::Square,
            C::Park => SiteCategory::Park,
            C::Building => SiteCategory::Building,
            C::Other => SiteCategory::Other,
        }
    }
}

impl From<SiteCategory> for site::Category {
    fn from(c: SiteCategory) -> Self {
        use site::Category as C;
        match c {
            SiteCategory::MetroStation => C::MetroStation,
            SiteCategory::Tunnel => C::Tunnel,
            SiteCategory::Road => C::Road,
            SiteCategory::Bridge => C::Bridge,
            SiteCategory::Square => C::Square,
            SiteCategory::Park => C::Park,
            SiteCategory::Building => C::Building,
            SiteCategory::Other => C::Other,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "Ppe.ts")]
pub enum Ppe {
    Helmet,
    Vest,
    ClosedShoes,
    LongTrousers,
    Gloves,
    Goggles,
    Mask,
}

impl From<site::Ppe> for Ppe {
    fn from(p: site::Ppe) -> Self {
        use site::Ppe as P;
        match p {
            P::Helmet => Ppe::Helmet,
            P::Vest => Ppe::Vest,
            P::ClosedShoes => Ppe::ClosedShoes,
            P::LongTrousers => Ppe::LongTrousers,
            P::Gloves => Ppe::Gloves,
            P::Goggles => Ppe::Goggles,
            P::Mask => Ppe::Mask,
        }
    }
}

impl From<Ppe> for site::Ppe {
    fn from(p: Ppe) -> Self {
        use site::Ppe as P;
        match p {
            Ppe::Helmet => P::Helmet,
            Ppe::Vest => P::Vest,
            Ppe::ClosedShoes => P::ClosedShoes,
            Ppe::LongTrousers => P::LongTrousers,
            Ppe::Gloves => P::Gloves,
            Ppe::Goggles => P::Goggles,
            Ppe::Mask => P::Mask,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Location.ts")]
pub struct Location {
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "VisitRules.ts")]
pub struct VisitRules {
    pub max_visitors: u32,
    pub visit_minutes: u32,
    pub min_age: u8,
    pub ppe: Vec<Ppe>,
    pub step_free: bool,
    pub safety_notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "SiteInput.ts")]
pub struct SiteInput {
    pub name_fa: String,
    pub name_en: String,
    pub category: SiteCategory,
    pub district: u8,
    pub address: String,
    pub location: Option<Location>,
    pub progress: u8,
    pub department: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub description: String,
    pub rules: VisitRules,
}

impl From<site::SiteInput> for SiteInput {
    fn from(i: site::SiteInput) -> Self {
        SiteInput {
            name_fa: i.name_fa,
            name_en: i.name_en,
            category: i.category.into(),
            district: i.district,
            address: i.address,
            location: i.location.map(|l| Location {
                latitude: l.latitude,
                longitude: l.longitude,
            }),
            progress: i.progress,
            department: i.department,
            contact_name: i.contact_name,
            contact_phone: i.contact_phone,
            description: i.description,
            rules: VisitRules {
                max_visitors: i.rules.max_visitors,
                visit_minutes: i.rules.visit_minutes,
                min_age: i.rules.min_age,
                ppe: i.rules.ppe.into_iter().map(Ppe::from).collect(),
                step_free: i.rules.step_free,
                safety_notes: i.rules.safety_notes,
            },
        }
    }
}

impl From<SiteInput> for site::SiteInput {
    fn from(i: SiteInput) -> Self {
        site::SiteInput {
            name_fa: i.name_fa,
            name_en: i.name_en,
            category: i.category.into(),
            district: i.district,
            address: i.address,
            location: i.location.map(|l| site::Location {
                latitude: l.latitude,
                longitude: l.longitude,
            }),
            progress: i.progress,
            department: i.department,
            contact_name: i.contact_name,
            contact_phone: i.contact_phone,
            description: i.description,
            rules: site::VisitRules {
                max_visitors: i.rules.max_visitors,
                visit_minutes: i.rules.visit_minutes,
                min_age: i.rules.min_age,
                ppe: i.rules.ppe.into_iter().map(site::Ppe::from).collect(),
                step_free: i.rules.step_free,
                safety_notes: i.rules.safety_notes,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Site.ts")]
pub struct Site {
    #[ts(type = "number")]
    pub id: i64,
    pub input: SiteInput,
    #[ts(type = "number | null")]
    pub cover_photo: Option<i64>,
    pub photo_count: u32,
    pub archived: bool,
    pub demo: bool,
}

impl From<site::Site> for Site {
    fn from(s: site::Site) -> Self {
        Site {
            id: s.id.get(),
            input: s.input.into(),
            cover_photo: s.cover_photo.map(PhotoId::get),
            photo_count: s.photo_count,
            archived: s.archived,
            demo: s.demo,
        }
    }
}

/// One visiting window; times are `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "HoursWindow.ts")]
pub struct HoursWindow {
    pub weekday: Weekday,
    pub opens: String,
    pub closes: String,
}

impl From<site::HoursWindow> for HoursWindow {
    fn from(h: site::HoursWindow) -> Self {
        HoursWindow {
            weekday: h.weekday.into(),
            opens: h.opens.to_string(),
            closes: h.closes.to_string(),
        }
    }
}

impl TryFrom<HoursWindow> for site::HoursWindow {
    type Error = ApiError;
    fn try_from(h: HoursWindow) -> Result<Self, ApiError> {
        Ok(site::HoursWindow {
            weekday: persian::Weekday::from(h.weekday),
            opens: TimeOfDay::parse(&h.opens).map_err(api)?,
            closes: TimeOfDay::parse(&h.closes).map_err(api)?,
        })
    }
}

/// A closure; dates are Gregorian `YYYY-MM-DD`, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Closure.ts")]
pub struct Closure {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub site: i64,
    pub starts: String,
    pub ends: String,
    pub reason: String,
}

impl From<site::Closure> for Closure {
    fn from(c: site::Closure) -> Self {
        Closure {
            id: c.id.get(),
            site: c.site.get(),
            starts: c.starts.to_string(),
            ends: c.ends.to_string(),
            reason: c.reason,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "PhotoInfo.ts")]
pub struct PhotoInfo {
    #[ts(type = "number")]
    pub id: i64,
    pub position: u32,
    pub caption: String,
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    pub is_cover: bool,
}

impl From<photo::PhotoInfo> for PhotoInfo {
    fn from(p: photo::PhotoInfo) -> Self {
        PhotoInfo {
            id: p.id.get(),
            position: p.position,
            caption: p.caption,
            file_name: p.file_name,
            width: p.width,
            height: p.height,
            is_cover: p.is_cover,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "SiteDetail.ts")]
pub struct SiteDetail {
    pub site: Site,
    pub hours: Vec<HoursWindow>,
    pub closures: Vec<Closure>,
    pub photos: Vec<PhotoInfo>,
}

impl From<site::SiteDetail> for SiteDetail {
    fn from(d: site::SiteDetail) -> Self {
        SiteDetail {
            site: d.site.into(),
            hours: d.hours.into_iter().map(Into::into).collect(),
            closures: d.closures.into_iter().map(Into::into).collect(),
            photos: d.photos.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "SiteSaved.ts")]
pub struct SiteSaved {
    #[ts(type = "number")]
    pub id: i64,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "SiteFilter.ts")]
pub struct SiteFilter {
    pub text: String,
    pub district: Option<u8>,
    pub category: Option<SiteCategory>,
    pub include_archived: bool,
}

impl From<SiteFilter> for site::Filter {
    fn from(f: SiteFilter) -> Self {
        site::Filter {
            text: f.text,
            district: f.district,
            category: f.category.map(Into::into),
            include_archived: f.include_archived,
        }
    }
}

/// What "undo" undid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Undone.ts")]
pub struct Undone {
    #[ts(type = "number")]
    pub site: i64,
    /// create, update, archive, unarchive, hours or closure.
    pub action: String,
    pub site_removed: bool,
}

impl From<site::Undone> for Undone {
    fn from(u: site::Undone) -> Self {
        Undone {
            site: u.site.get(),
            action: u.action,
            site_removed: u.site_removed,
        }
    }
}
