//! Typed errors with stable codes, and a Persian and an English message for each.

use std::path::PathBuf;

/// Stable, closed set of error codes. The UI and the CLI branch on these, never on text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    InvalidInput,
    NotFound,
    Conflict,
    DatabaseNewer,
    DatabaseCorrupt,
    DatabaseIo,
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 7] = [
        ErrorCode::InvalidInput,
        ErrorCode::NotFound,
        ErrorCode::Conflict,
        ErrorCode::DatabaseNewer,
        ErrorCode::DatabaseCorrupt,
        ErrorCode::DatabaseIo,
        ErrorCode::Internal,
    ];

    /// The wire name of the code, as the UI and `--json` output see it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::DatabaseNewer => "database_newer",
            ErrorCode::DatabaseCorrupt => "database_corrupt",
            ErrorCode::DatabaseIo => "database_io",
            ErrorCode::Internal => "internal",
        }
    }
}

/// A user-facing explanation in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub fa: String,
    pub en: String,
}

impl Explanation {
    pub fn new(fa: impl Into<String>, en: impl Into<String>) -> Self {
        Explanation {
            fa: fa.into(),
            en: en.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names what was wrong.
    #[error("{field}: {}", why.en)]
    Invalid {
        field: &'static str,
        why: Explanation,
    },

    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },

    /// The change would break a rule about other records (double booking, overbooking…).
    #[error("{}", why.en)]
    Conflict { why: Explanation },

    #[error(
        "the database {} was written by a newer version of Gardesh (schema {found}; this version \
         knows up to {known}); it was left unchanged — update Gardesh to open it",
        path.display()
    )]
    DatabaseNewer {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error(
        "the file {} is not a readable Gardesh database ({detail}); it was left unchanged",
        path.display()
    )]
    DatabaseCorrupt { path: PathBuf, detail: String },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("cannot use {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn invalid(field: &'static str, fa: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            why: Explanation::new(fa, en),
        }
    }

    pub fn conflict(fa: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Conflict {
            why: Explanation::new(fa, en),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid { .. } => ErrorCode::InvalidInput,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::DatabaseNewer { .. } => ErrorCode::DatabaseNewer,
            Error::DatabaseCorrupt { .. } => ErrorCode::DatabaseCorrupt,
            Error::Sqlite(_) | Error::Io { .. } => ErrorCode::DatabaseIo,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The Persian message for a person; the English one is `to_string()`.
    pub fn message_fa(&self) -> String {
        match self {
            Error::Invalid { why, .. } | Error::Conflict { why } => why.fa.clone(),
            Error::NotFound { what, id } => format!("«{what} {id}» پیدا نشد"),
            Error::DatabaseNewer { path, found, known } => format!(
                "پایگاه داده‌ی \u{2066}{}\u{2069} با نسخه‌ی تازه‌تری از گردش ساخته شده است \
                 (طرح {found}؛ این نسخه تا {known} را می‌شناسد). به آن دست زده نشد؛ گردش را به‌روز کنید.",
                path.display()
            ),
            Error::DatabaseCorrupt { path, detail } => format!(
                "پرونده‌ی \u{2066}{}\u{2069} پایگاه داده‌ی خوانای گردش نیست ({detail}). به آن دست زده نشد.",
                path.display()
            ),
            Error::Sqlite(e) => format!("خطای پایگاه داده: {e}"),
            Error::Io { path, source } => {
                format!("پرونده‌ی \u{2066}{}\u{2069} در دسترس نیست: {source}", path.display())
            }
            Error::Internal(e) => format!("خطای درونی: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_snake_case() {
        let names: std::collections::HashSet<_> =
            ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names.len(),
            ErrorCode::ALL.len(),
            "every code needs its own name"
        );
        for n in names {
            assert!(
                n.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{n} must be snake_case for the UI's catalogue"
            );
        }
    }

    #[test]
    fn database_errors_name_the_file_in_both_languages() {
        let e = Error::DatabaseNewer {
            path: PathBuf::from("/tmp/x.sqlite3"),
            found: 9,
            known: 2,
        };
        assert_eq!(e.code(), ErrorCode::DatabaseNewer);
        assert!(e.to_string().contains("/tmp/x.sqlite3"));
        assert!(e.message_fa().contains("/tmp/x.sqlite3"));
    }
}
