//! Files in and out: importing groups and members from CSV and .xlsx (encodings, Persian and
//! English headers, remembered column mappings, a preview of every row's problems, then one
//! all-or-nothing transaction), exporting registrations and manifests to CSV and .xlsx, and
//! the programme's tours to iCalendar.
//!
//! Reading a file never trusts it: its size, rows, columns and cells are capped, an .xlsx
//! whose zip directory declares an absurd unpacked size is refused before calamine opens it,
//! and a panic inside a parser is contained and reported as an unreadable file.

pub mod encoding;
pub mod export;
pub mod headers;
pub mod ics;
pub mod import;
mod table;

pub use encoding::TextEncoding;
pub use headers::{ColumnRef, Field};
pub use import::{apply, preview, Applied, Options, Preview, Progress, Stage};
pub use table::{load, read, FileKind, Table};

use std::path::Path;

use crate::error::{Error, Result};

/// Caps on what a file may hold, checked while it is read. A file over a cap is refused
/// with a message naming the cap; nothing is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of the file itself.
    pub max_file_bytes: u64,
    /// For .xlsx: the sum of the unpacked sizes declared in the zip's central directory.
    pub max_unpacked_bytes: u64,
    /// For .xlsx: entries in the zip.
    pub max_zip_entries: usize,
    /// Rows, the header row included (blank rows are not counted).
    pub max_rows: usize,
    pub max_columns: usize,
    /// Non-empty cells in the whole sheet.
    pub max_cells: usize,
    /// Characters in one cell.
    pub max_cell_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50 * 1024 * 1024,
            max_unpacked_bytes: 300 * 1024 * 1024,
            max_zip_entries: 5_000,
            max_rows: 100_001,
            max_columns: 200,
            max_cells: 3_000_000,
            max_cell_chars: 2_000,
        }
    }
}

/// Write `bytes` to `path` whole or not at all: a temporary file beside it, flushed to disk,
/// then renamed over. An existing file is replaced only when `replace` is true.
pub fn write_file(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if !replace && path.exists() {
        return Err(Error::conflict(
            format!(
                "پرونده‌ی \u{2066}{}\u{2069} از پیش هست؛ نام دیگری بدهید",
                path.display()
            ),
            format!("{} already exists; give another name", path.display()),
        ));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let tmp = dir.join(format!(".{name}.{}.partial", std::process::id()));
    let result = (|| {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// Flush a folder's entries (a rename) to disk where the platform allows it.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests;
