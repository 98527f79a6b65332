//! Persian foundations: the Solar Hijri calendar, digits, search keys, national ID and mobile.

pub mod calendar;
pub mod digits;
pub mod mobile;
pub mod national_id;
pub mod normalize;
#[cfg(test)]
mod vectors;

pub use calendar::{JalaliDate, Weekday};
pub use mobile::Mobile;
pub use national_id::NationalId;
pub use normalize::{fts_query, normalize_fa};
