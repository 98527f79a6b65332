//! IPC types of printing: what to print, its preview, and the saved file.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use gardesh_core::ids::{RegistrationId, TourId};
use gardesh_core::persian::calendar::parse_any_date;
use gardesh_core::Error;
use gardesh_print::Request;

/// What to print: `kind` itinerary, manifest, confirmations, safety (with `tour`),
/// confirmation (with `registration`) or week (itineraries of 7 days from `from`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "PrintRequest.ts")]
pub struct PrintRequest {
    pub kind: String,
    #[ts(type = "number | null")]
    pub tour: Option<i64>,
    #[ts(type = "number | null")]
    pub registration: Option<i64>,
    pub from: Option<String>,
}

impl PrintRequest {
    pub fn into_request(self) -> Result<Request, Error> {
        let tour = || {
            self.tour
                .map(TourId)
                .ok_or_else(|| Error::invalid("tour", "تور انتخاب نشده است", "no tour was chosen"))
        };
        Ok(match self.kind.as_str() {
            "itinerary" => Request::Itinerary { tour: tour()? },
            "manifest" => Request::Manifest { tour: tour()? },
            "confirmations" => Request::Confirmations { tour: tour()? },
            "safety" => Request::Safety { tour: tour()? },
            "confirmation" => Request::Confirmation {
                registration: self.registration.map(RegistrationId).ok_or_else(|| {
                    Error::invalid(
                        "registration",
                        "ثبت‌نام انتخاب نشده است",
                        "no registration was chosen",
                    )
                })?,
            },
            "week" => Request::WeekItineraries {
                from: parse_any_date("from", self.from.as_deref().unwrap_or(""))?,
            },
            other => {
                return Err(Error::invalid(
                    "kind",
                    format!("سند «{other}» شناخته نیست"),
                    format!("unknown document “{other}”"),
                ))
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "PrintPreview.ts")]
pub struct PrintPreview {
    /// Pages of the whole document.
    pub pages: u32,
    /// The first pages as `data:image/png;base64,…` URLs.
    pub images: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "PrintSaved.ts")]
pub struct PrintSaved {
    pub path: String,
    pub pages: u32,
}

/// Progress of a long document (a batch), sent as the `print-progress` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "PrintProgress.ts")]
pub struct PrintProgress {
    pub done: u32,
    pub total: u32,
}
