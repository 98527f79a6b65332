//! IPC types of files in and out: the import preview and its outcome, and backups.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use gardesh_core::backup;
use gardesh_core::exchange::{self, import, ColumnRef, Field, TextEncoding};
use gardesh_core::Error;

use super::groups::{GroupChannel, GroupKind};

/// A column mapped by hand: its 0-based position and the field it holds
/// (fullName, firstName, lastName, nationalId, mobile, birth, group, leader, kind,
/// stepFree, ppeSizes, ignore).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ColumnMapping.ts")]
pub struct ColumnMapping {
    pub column: u32,
    pub field: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ImportOptions.ts")]
pub struct ImportOptions {
    /// The file chosen in the open dialog.
    pub path: String,
    /// null: detected; else utf-8, utf-16le, utf-16be or windows-1256.
    pub encoding: Option<String>,
    pub mapping: Vec<ColumnMapping>,
    /// The group of rows without a group column (default: the file's name).
    pub default_group: Option<String>,
    pub kind: GroupKind,
    pub channel: GroupChannel,
}

impl ImportOptions {
    pub fn into_core(self) -> Result<(std::path::PathBuf, import::Options), Error> {
        let path = std::path::PathBuf::from(&self.path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut o = import::Options::new(name);
        o.encoding = self
            .encoding
            .filter(|e| !e.trim().is_empty())
            .map(|e| TextEncoding::parse(&e))
            .transpose()?;
        o.mapping = self
            .mapping
            .into_iter()
            .map(|m| Ok((ColumnRef::Index(m.column as usize), Field::parse(&m.field)?)))
            .collect::<Result<_, Error>>()?;
        o.default_group = self.default_group.filter(|g| !g.trim().is_empty());
        o.kind = self.kind.into();
        o.channel = self.channel.into();
        Ok((path, o))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ImportProblem.ts")]
pub struct ImportProblem {
    /// invalid_national_id, invalid_mobile, missing_name, duplicate_in_file,
    /// duplicate_existing, invalid_birth, group_exists, …
    pub kind: String,
    pub field: String,
    pub fa: String,
    pub en: String,
}

impl From<&import::Problem> for ImportProblem {
    fn from(p: &import::Problem) -> Self {
        ImportProblem {
            kind: p.kind.as_str().into(),
            field: p.field.into(),
            fa: p.why.fa.clone(),
            en: p.why.en.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ImportRow.ts")]
pub struct ImportRow {
    /// The row number in the file (1-based, as a spreadsheet shows it).
    pub row: u32,
    pub group: String,
    pub full_name: String,
    pub national_id: String,
    pub mobile: String,
    pub birth_year: Option<i32>,
    pub leader: bool,
    /// new, existing or rejected.
    pub status: String,
    pub problems: Vec<ImportProblem>,
    pub warnings: Vec<ImportProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ImportColumn.ts")]
pub struct ImportColumn {
    pub index: u32,
    pub header: String,
    /// null: not recognised (and not used).
    pub field: Option<String>,
    /// recognised, mapped or remembered.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ImportPreview.ts")]
pub struct ImportPreview {
    pub file_name: String,
    /// csv or xlsx.
    pub kind: String,
    /// The text encoding of a CSV (null for xlsx) and whether it was detected.
    pub encoding: Option<String>,
    pub encoding_detected: bool,
    pub columns: Vec<ImportColumn>,
    pub rows: Vec<ImportRow>,
    pub new_groups: Vec<String>,
    pub new_rows: u32,
    pub existing_rows: u32,
    pub rejected_rows: u32,
    pub summary_fa: String,
    pub summary_en: String,
    /// Notes in both languages (e.g. a title row skipped).
    pub notes: Vec<(String, String)>,
    /// When this same file was imported before.
    pub previously_imported_at: Option<String>,
}

impl From<import::Preview> for ImportPreview {
    fn from(p: import::Preview) -> Self {
        let summary = p.summary();
        let (encoding, detected) = match &p.kind {
            exchange::FileKind::Csv {
                encoding, detected, ..
            } => (Some(encoding.as_str().to_string()), *detected),
            exchange::FileKind::Xlsx { .. } => (None, false),
        };
        ImportPreview {
            file_name: p.file_name.clone(),
            kind: p.kind.name().into(),
            encoding,
            encoding_detected: detected,
            columns: p
                .columns
                .iter()
                .map(|c| ImportColumn {
                    index: c.index as u32,
                    header: c.header.clone(),
                    field: c.field.map(|f| f.as_str().into()),
                    source: c.source.map(|s| {
                        match s {
                            gardesh_core::exchange::headers::Source::Recognised => "recognised",
                            gardesh_core::exchange::headers::Source::Mapped => "mapped",
                            gardesh_core::exchange::headers::Source::Remembered => "remembered",
                        }
                        .into()
                    }),
                })
                .collect(),
            rows: p
                .rows
                .iter()
                .map(|r| ImportRow {
                    row: r.row as u32,
                    group: r.group.clone(),
                    full_name: r.full_name.clone(),
                    national_id: r.national_id.clone(),
                    mobile: r.mobile.clone(),
                    birth_year: r.birth_year,
                    leader: r.leader,
                    status: r.status.as_str().into(),
                    problems: r.problems.iter().map(Into::into).collect(),
                    warnings: r.warnings.iter().map(Into::into).collect(),
                })
                .collect(),
            new_groups: p.groups.iter().map(|g| g.name.clone()).collect(),
            new_rows: p.new_rows() as u32,
            existing_rows: p.existing_rows() as u32,
            rejected_rows: p.rejected_rows() as u32,
            summary_fa: summary.fa,
            summary_en: summary.en,
            notes: p
                .notes
                .iter()
                .map(|n| (n.fa.clone(), n.en.clone()))
                .collect(),
            previously_imported_at: p.previous.as_ref().map(|x| x.at.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ImportApplied.ts")]
pub struct ImportApplied {
    pub groups: u32,
    pub members: u32,
    pub preview: ImportPreview,
}

/// Progress of a long import, sent as the `import-progress` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "ImportProgress.ts")]
pub struct ImportProgress {
    /// checking or writing.
    pub stage: &'static str,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "BackupEntry.ts")]
pub struct BackupEntry {
    pub path: String,
    pub file_name: String,
    /// rotated, before_restore or other.
    pub kind: String,
    /// RFC 3339 (UTC).
    pub made: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

impl From<backup::Entry> for BackupEntry {
    fn from(e: backup::Entry) -> Self {
        BackupEntry {
            file_name: e
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: e.path.display().to_string(),
            kind: e.kind.as_str().into(),
            made: e.made.to_rfc3339(),
            size_bytes: e.size_bytes,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "Backups.ts")]
pub struct Backups {
    pub folder: String,
    pub entries: Vec<BackupEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "RestoreDone.ts")]
pub struct RestoreDone {
    /// The copy of the database made before the restore.
    pub safety_copy: Option<String>,
}
