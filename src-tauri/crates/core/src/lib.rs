//! gardesh-core: the whole domain of Gardesh and its storage, with no desktop dependency.
//!
//! Every rule lives here; the desktop shell and the CLI are thin adapters over these
//! functions. Modules own one noun each; see ARCHITECTURE.md for the code map.

pub mod audit;
pub mod backup;
pub mod checkin;
pub mod clock;
pub mod dashboard;
pub mod demo;
pub mod error;
pub mod exchange;
pub mod group;
pub mod ids;
pub mod persian;
pub mod programme;
pub mod registration;
pub mod request;
pub mod settings;
pub mod site;
pub mod store;
mod stored;
pub mod time_of_day;
pub mod tour;

pub use error::{Error, ErrorCode, Result};
