//! Errors of the printed documents, each with a stable code and a Persian and an English
//! message; core errors pass through with their own codes and messages.

use gardesh_core::error::Explanation;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A refusal or failure of gardesh-core (not found, database…), unchanged.
    #[error(transparent)]
    Core(#[from] gardesh_core::Error),

    /// Typesetting failed: a fault in a template or the engine, never the person's doing.
    #[error("the document could not be typeset: {0}")]
    Typst(String),

    /// The progress callback asked to stop; nothing was produced.
    #[error("printing was cancelled")]
    Cancelled,

    /// The request is valid but there is nothing to print (no confirmed group, no tour…).
    #[error("nothing to print: {}", why.en)]
    Nothing { why: Explanation },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn nothing(fa: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Nothing {
            why: Explanation::new(fa, en),
        }
    }

    /// The stable code the shells branch on: core's own codes, or `typeset`,
    /// `cancelled`, `nothing_to_print`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Core(e) => e.code().as_str(),
            Error::Typst(_) => "typeset",
            Error::Cancelled => "cancelled",
            Error::Nothing { .. } => "nothing_to_print",
        }
    }

    /// The Persian message for a person; the English one is `to_string()`.
    pub fn message_fa(&self) -> String {
        match self {
            Error::Core(e) => e.message_fa(),
            Error::Typst(detail) => format!("سند حروف‌چینی نشد: {detail}"),
            Error::Cancelled => "چاپ لغو شد".into(),
            Error::Nothing { why } => format!("چیزی برای چاپ نیست: {}", why.fa),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_speaks_both_languages_with_a_code() {
        let cases = [
            Error::Core(gardesh_core::Error::NotFound {
                what: "tour",
                id: "7".into(),
            }),
            Error::Typst("unknown variable".into()),
            Error::Cancelled,
            Error::nothing("هیچ گروه تأییدشده‌ای نیست", "no confirmed group"),
        ];
        let codes: Vec<&str> = cases.iter().map(Error::code).collect();
        assert_eq!(
            codes,
            ["not_found", "typeset", "cancelled", "nothing_to_print"]
        );
        for e in &cases {
            assert!(!e.to_string().is_empty());
            assert!(
                e.message_fa()
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "a Persian message for {e:?}"
            );
        }
    }
}
