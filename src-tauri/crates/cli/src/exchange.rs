//! `import`, `export`, `backup` and `restore`: thin adapters over gardesh-core's `exchange`
//! and `backup` modules (docs/CLI.md).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde_json::{json, Value};

use gardesh_core::backup;
use gardesh_core::clock::{Clock, SystemClock};
use gardesh_core::error::Explanation;
use gardesh_core::exchange::export::{self, Format};
use gardesh_core::exchange::headers::{self, Column};
use gardesh_core::exchange::import::{Problem, RowStatus};
use gardesh_core::exchange::{self as ex, ics, FileKind, Limits, Progress, Stage, TextEncoding};
use gardesh_core::group::{Channel, Kind};
use gardesh_core::ids::TourId;
use gardesh_core::persian::digits;
use gardesh_core::{store, Error};

use super::Cli;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Groups and members from a CSV (UTF-8, UTF-16, Windows-1256) or .xlsx file: every
    /// row is checked first, then all acceptable rows are written in one transaction.
    Groups(ImportGroupsArgs),
}

#[derive(Args)]
pub struct ImportGroupsArgs {
    /// The CSV or .xlsx file.
    file: PathBuf,
    /// Check and report only; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// One JSON document on stdout: the report with every row.
    #[arg(long)]
    json: bool,
    /// A CSV's encoding instead of detecting it: utf-8, utf-16le, utf-16be, windows-1256.
    #[arg(long, value_name = "ENCODING")]
    encoding: Option<String>,
    /// Map a column by hand: its number (1-based), letter or header, `=`, a field
    /// (fullName, firstName, lastName, nationalId, mobile, birth, group, leader, kind,
    /// stepFree, ppeSizes, ignore) or a header naming one. Repeatable; remembered.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// The group of rows without a group name (default: the file's name).
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    /// Kind of new groups whose rows do not say.
    #[arg(long, default_value = "other", value_parser = Kind::ALL.map(Kind::as_str))]
    kind: String,
    /// How the groups reached the coordinators.
    #[arg(long, default_value = "app_list", value_parser = Channel::ALL.map(Channel::as_str))]
    channel: String,
    /// Progress lines on stderr (`checking N/TOTAL`, `writing N/TOTAL`).
    #[arg(long)]
    progress: bool,
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Registrations of every tour (or of `--tour`), with waiting-list positions.
    Registrations {
        #[arg(long)]
        tour: Option<i64>,
        #[command(flatten)]
        out: SheetOutput,
    },
    /// The passengers of a tour: every member of each group holding seats.
    Manifest {
        #[arg(long)]
        tour: i64,
        #[command(flatten)]
        out: SheetOutput,
    },
    /// The programme's tours as iCalendar (Asia/Tehran, +03:30).
    Calendar {
        /// The .ics file to write.
        #[arg(short = 'o', long = "output", value_name = "FILE.ics")]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Args)]
pub struct SheetOutput {
    /// csv or xlsx; default: the output's extension.
    #[arg(long, value_parser = ["csv", "xlsx"])]
    format: Option<String>,
    /// The file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
pub struct BackupArgs {
    /// Write the backup to this new file instead of the rotation in `backups/`.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        conflicts_with = "list"
    )]
    output: Option<PathBuf>,
    /// List the backups beside the database, newest first, each checked.
    #[arg(long)]
    list: bool,
    /// With --list: one JSON array.
    #[arg(long, requires = "list")]
    json: bool,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The backup to restore.
    file: PathBuf,
}

fn path_text(p: &Path) -> String {
    p.display().to_string()
}

/// `import groups FILE`.
pub fn import(cli: &Cli, cmd: &ImportCommand) -> Result<String, Error> {
    let ImportCommand::Groups(a) = cmd;
    let mut opts = ex::Options::new(
        a.file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    opts.encoding = a.encoding.as_deref().map(TextEncoding::parse).transpose()?;
    opts.mapping = a
        .map
        .iter()
        .map(|m| headers::parse_mapping(m))
        .collect::<Result<_, _>>()?;
    opts.default_group = a.group.clone();
    opts.kind = Kind::parse(&a.kind).unwrap_or(Kind::Other);
    opts.channel = Channel::parse(&a.channel).unwrap_or(Channel::AppList);
    let bytes = ex::load(&a.file, &Limits::default())?;
    let mut conn = super::open_existing(cli)?;
    let show = a.progress;
    let mut last = (Stage::Checking, 0usize);
    let mut progress = |p: Progress| {
        if !show {
            return;
        }
        let step = (p.total / 50).max(1000);
        if p.done == p.total || p.stage != last.0 || p.done >= last.1 + step {
            last = (p.stage, p.done);
            let stage = match p.stage {
                Stage::Checking => "checking",
                Stage::Writing => "writing",
            };
            eprintln!("{stage} {}/{}", p.done, p.total);
        }
    };
    let (preview, applied) = if a.dry_run {
        (ex::preview(&conn, &bytes, &opts, &mut progress)?, None)
    } else {
        let done = ex::apply(&mut conn, &super::stamp(), &bytes, &opts, &mut progress)?;
        let ids: Vec<i64> = done.groups.iter().map(|g| g.get()).collect();
        (done.preview, Some((done.members, ids)))
    };
    if a.json {
        return Ok(import_json(&preview, applied.as_ref()).to_string());
    }
    let text = import_text(&preview, applied.as_ref(), cli.fa);
    Ok(if cli.fa {
        digits::to_persian(&text)
    } else {
        text
    })
}

fn explanation_json(e: &Explanation) -> Value {
    json!({"fa": e.fa, "en": e.en})
}

fn problem_json(p: &Problem) -> Value {
    json!({"code": p.kind.as_str(), "field": p.field, "fa": p.why.fa, "en": p.why.en})
}

fn column_json(c: &Column) -> Value {
    json!({
        "column": c.index + 1,
        "header": c.header,
        "field": c.field.map(|f| f.as_str()),
        "source": c.source.map(|s| s.as_str()),
    })
}

fn kind_json(k: &FileKind) -> Value {
    match k {
        FileKind::Csv {
            encoding,
            detected,
            bom,
            delimiter,
        } => json!({"format": "csv", "encoding": encoding.as_str(), "encodingDetected": detected,
                     "bom": bom, "delimiter": delimiter.to_string()}),
        FileKind::Xlsx { sheet } => json!({"format": "xlsx", "sheet": sheet}),
    }
}

fn import_json(p: &ex::Preview, applied: Option<&(usize, Vec<i64>)>) -> Value {
    json!({
        "file": p.file_name,
        "sha256": p.sha256,
        "kind": kind_json(&p.kind),
        "headerRow": p.header_row,
        "columns": p.columns.iter().map(column_json).collect::<Vec<_>>(),
        "rows": p.rows.len(),
        "new": p.new_rows(),
        "existing": p.existing_rows(),
        "rejected": p.rejected_rows(),
        "newGroups": p.groups.len(),
        "applied": applied.is_some(),
        "membersAdded": applied.map(|a| a.0).unwrap_or(0),
        "groupIds": applied.map(|a| a.1.clone()).unwrap_or_default(),
        "previousImport": p.previous.as_ref().map(|x| json!({"at": x.at, "fileName": x.file_name, "membersAdded": x.members_added})),
        "summary": explanation_json(&p.summary()),
        "notes": p.notes.iter().map(explanation_json).collect::<Vec<_>>(),
        "report": p.rows.iter().map(|r| json!({
            "row": r.row,
            "group": r.group,
            "fullName": r.full_name,
            "nationalId": r.national_id,
            "mobile": r.mobile,
            "birthYear": r.birth_year,
            "leader": r.leader,
            "status": r.status.as_str(),
            "problems": r.problems.iter().map(problem_json).collect::<Vec<_>>(),
            "warnings": r.warnings.iter().map(problem_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn import_text(p: &ex::Preview, applied: Option<&(usize, Vec<i64>)>, fa: bool) -> String {
    let pick = |e: &Explanation| if fa { e.fa.clone() } else { e.en.clone() };
    let mut out = String::new();
    let kind = match &p.kind {
        FileKind::Csv {
            encoding, detected, ..
        } => format!(
            "csv, {}{}",
            encoding.as_str(),
            if *detected { " (detected)" } else { "" }
        ),
        FileKind::Xlsx { sheet } => format!("xlsx, sheet “{sheet}”"),
    };
    out.push_str(&format!(
        "file: {} ({kind}); headers on row {}\n",
        p.file_name, p.header_row
    ));
    out.push_str("columns:");
    for c in &p.columns {
        let field = match (c.field, c.source) {
            (Some(f), Some(s)) => format!("{} ({})", f.as_str(), s.as_str()),
            _ => "not used".to_string(),
        };
        out.push_str(&format!("\n  {:>2}  {}  → {field}", c.index + 1, c.header));
    }
    out.push('\n');
    for n in &p.notes {
        out.push_str(&format!("note: {}\n", pick(n)));
    }
    for r in &p.rows {
        for x in &r.problems {
            out.push_str(&format!(
                "row {}  {}  {}  {}\n",
                r.row,
                x.field,
                x.kind.as_str(),
                pick(&x.why)
            ));
        }
        for x in &r.warnings {
            out.push_str(&format!(
                "row {}  {}  warning {}  {}\n",
                r.row,
                x.field,
                x.kind.as_str(),
                pick(&x.why)
            ));
        }
    }
    out.push_str(&pick(&p.summary()));
    out.push('\n');
    match applied {
        None => out.push_str("dry run: nothing written"),
        Some((0, _)) => out.push_str("nothing written"),
        Some((n, ids)) => out.push_str(&format!(
            "imported {n} members in {} new groups (one transaction)",
            ids.len()
        )),
    }
    let rejected = p
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Rejected)
        .count();
    if rejected > 0 && applied.is_some() {
        out.push_str(&format!("; {rejected} rejected rows left out"));
    }
    out
}

fn sheet_format(out: &SheetOutput) -> Result<Format, Error> {
    match (&out.format, Format::of_path(&out.output)) {
        (Some(f), _) => Format::parse(f),
        (None, Some(f)) => Ok(f),
        (None, None) => {
            super::usage_error("give --format csv|xlsx or an output ending in .csv or .xlsx")
        }
    }
}

/// `export registrations|manifest|calendar`.
pub fn export(cli: &Cli, cmd: &ExportCommand) -> Result<String, Error> {
    let conn = super::open_existing(cli)?;
    let (path, bytes, what) = match cmd {
        ExportCommand::Registrations { tour, out } => {
            let sheet = export::registrations(&conn, tour.map(TourId))?;
            let f = sheet_format(out)?;
            let n = sheet.rows.len();
            (
                out,
                export::render(&sheet, f)?,
                format!("{n} registrations"),
            )
        }
        ExportCommand::Manifest { tour, out } => {
            let sheet = export::manifest(&conn, TourId(*tour))?;
            let f = sheet_format(out)?;
            let n = sheet.rows.len();
            (out, export::render(&sheet, f)?, format!("{n} passengers"))
        }
        ExportCommand::Calendar { output, force } => {
            let (name, events) = ics::programme_events(&conn)?;
            let text = ics::calendar(&name, &events, SystemClock.now());
            ex::write_file(output, text.as_bytes(), *force)?;
            let out = format!("{} ({} tours)", path_text(output), events.len());
            return Ok(if cli.fa {
                digits::to_persian(&out)
            } else {
                out
            });
        }
    };
    ex::write_file(&path.output, &bytes, path.force)?;
    let out = format!("{} ({what})", path_text(&path.output));
    Ok(if cli.fa {
        digits::to_persian(&out)
    } else {
        out
    })
}

fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn iran_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&gardesh_core::clock::iran_offset())
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// `backup [-o FILE] [--list [--json]]`.
pub fn backup(cli: &Cli, a: &BackupArgs) -> Result<String, Error> {
    let db = super::db_path(cli)?;
    let digits_out = |s: String| if cli.fa { digits::to_persian(&s) } else { s };
    if a.list {
        let list = backup::list(&db)?;
        let checked: Vec<(backup::Entry, Result<backup::Verified, Error>)> = list
            .into_iter()
            .map(|b| {
                let v = backup::verify(&b.path);
                (b, v)
            })
            .collect();
        if a.json {
            return Ok(Value::Array(
                checked
                    .iter()
                    .map(|(b, v)| {
                        json!({
                            "path": path_text(&b.path),
                            "kind": b.kind.as_str(),
                            "made": b.made.to_rfc3339(),
                            "sizeBytes": b.size_bytes,
                            "ok": v.is_ok(),
                            "schemaVersion": v.as_ref().ok().map(|x| x.schema_version),
                            "problem": v.as_ref().err().map(|e| e.to_string()),
                        })
                    })
                    .collect(),
            )
            .to_string());
        }
        let mut out = String::new();
        for (b, v) in &checked {
            out.push_str(&format!(
                "{}  {:>9}  {:<14}  {}  {}\n",
                iran_time(b.made),
                size_text(b.size_bytes),
                b.kind.as_str(),
                if v.is_ok() { "ok     " } else { "DAMAGED" },
                path_text(&b.path)
            ));
        }
        out.push_str(&format!(
            "{} backups in {}",
            checked.len(),
            path_text(&backup::folder(&db))
        ));
        return Ok(digits_out(out));
    }
    let conn = super::open_existing(cli)?;
    match &a.output {
        Some(file) => {
            let b = backup::create(&conn, file)?;
            Ok(digits_out(format!(
                "{} ({}, quick_check ok)",
                path_text(&b.path),
                size_text(b.size_bytes)
            )))
        }
        None => {
            let t = backup::take(&conn, &db, SystemClock.now())?;
            let mut out = format!(
                "{} ({}, quick_check ok)",
                path_text(&t.backup.path),
                size_text(t.backup.size_bytes)
            );
            for r in &t.removed {
                out.push_str(&format!("\nrotated out: {}", path_text(r)));
            }
            Ok(digits_out(out))
        }
    }
}

/// `restore FILE`.
pub fn restore(cli: &Cli, a: &RestoreArgs) -> Result<String, Error> {
    let db = super::db_path(cli)?;
    let r = backup::restore(&db, &a.file, SystemClock.now())?;
    // An older backup is migrated now, so the app opens it at once.
    let conn = store::open(&db)?;
    let st = store::status(&conn, false)?;
    let mut out = format!(
        "restored {} into {} (schema {})",
        path_text(&a.file),
        path_text(&db),
        st.schema_version
    );
    if let Some(s) = &r.safety_copy {
        out.push_str(&format!(
            "\nthe database as it was is kept in {}",
            path_text(s)
        ));
    }
    Ok(if cli.fa {
        digits::to_persian(&out)
    } else {
        out
    })
}

/// A damaged database: name the newest good backup and how to restore it.
pub fn with_backup_hint(db: &Path, e: Error) -> Error {
    match e {
        Error::DatabaseCorrupt { path, detail } => {
            let detail = match backup::newest_good(db) {
                Some(b) => format!(
                    "{detail}; the newest good backup is {} — restore it with: gardesh-cli --db {} restore {}",
                    path_text(&b.path),
                    path_text(db),
                    path_text(&b.path)
                ),
                None => format!("{detail}; no good backup was found in {}", path_text(&backup::folder(db))),
            };
            Error::DatabaseCorrupt { path, detail }
        }
        other => other,
    }
}
