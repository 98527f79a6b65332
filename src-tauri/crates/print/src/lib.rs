//! gardesh-print: the printed documents, typeset over gardesh-core's read models.
//!
//! The documents themselves (itinerary, manifest, confirmations, safety briefing) arrive
//! with the printing work; for now the crate holds the kinds of document and their errors,
//! so the CLI and the desktop shell already depend on it the way they will.

pub mod error;

pub use error::{Error, Result};

/// The documents Gardesh prints, by the names the CLI uses (`print KIND`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Itinerary,
    Manifest,
    Confirmations,
    Safety,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Itinerary,
        DocumentKind::Manifest,
        DocumentKind::Confirmations,
        DocumentKind::Safety,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Itinerary => "itinerary",
            DocumentKind::Manifest => "manifest",
            DocumentKind::Confirmations => "confirmations",
            DocumentKind::Safety => "safety",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_by_their_cli_names() {
        for k in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(DocumentKind::parse("poster"), None);
    }
}
