//! gardesh-cli: the admin command line, a thin shell over gardesh-core (see docs/CLI.md).
//!
//! Exit codes: 0 done; 1 refused or invalid input (Persian then English on stderr);
//! 2 wrong usage (clap's own).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use gardesh_core::persian::calendar::Style;
use gardesh_core::persian::{digits, JalaliDate, Mobile, NationalId};
use gardesh_core::{store, Error};

#[derive(Parser)]
#[command(
    name = "gardesh-cli",
    version,
    about = "Gardesh (گردش) admin command line"
)]
struct Cli {
    /// The database file; defaults to the desktop app's own.
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Persian digits and month names in the output.
    #[arg(long, global = true)]
    fa: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create or migrate the database.
    Init,
    /// Integrity and foreign-key check: prints `ok`, or the problems and exits 1.
    Check(CheckArgs),
    /// Convert dates between the Solar Hijri and Gregorian calendars.
    #[command(subcommand)]
    Date(DateCommand),
    /// Check and normalise a national ID or a mobile number.
    #[command(subcommand)]
    Validate(ValidateCommand),
}

#[derive(Args)]
struct CheckArgs {
    /// Run the full integrity_check instead of quick_check.
    #[arg(long)]
    full: bool,
}

#[derive(Subcommand)]
enum DateCommand {
    /// Gregorian YYYY-MM-DD → Solar Hijri.
    ToJalali { date: String },
    /// Solar Hijri Y-M-D or Y/M/D (any digits) → Gregorian.
    ToGregorian { date: String },
}

#[derive(Subcommand)]
enum ValidateCommand {
    /// Prints the ten digits, or why the ID is not valid.
    NationalId { value: String },
    /// Prints 09XXXXXXXXX, or why the number is not valid.
    Mobile { value: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(out) => {
            if !out.is_empty() {
                println!("{out}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.message_fa());
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn db_path(cli: &Cli) -> Result<PathBuf, Error> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => store::default_path(),
    }
}

fn run(cli: &Cli) -> Result<String, Error> {
    let digits_out = |s: String| if cli.fa { digits::to_persian(&s) } else { s };
    match &cli.command {
        Command::Init => {
            let path = db_path(cli)?;
            let existed = path.exists();
            let conn = store::open(&path)?;
            let st = store::status(&conn, false)?;
            let verb = if existed { "opened" } else { "created" };
            Ok(format!(
                "{verb} {} (schema {})",
                path.display(),
                digits_out(st.schema_version.to_string())
            ))
        }
        Command::Check(args) => {
            let path = db_path(cli)?;
            if !path.exists() {
                return Err(Error::NotFound {
                    what: "database",
                    id: path.display().to_string(),
                });
            }
            let conn = store::open(&path)?;
            let st = store::status(&conn, args.full)?;
            if st.is_ok() {
                Ok("ok".into())
            } else {
                Err(Error::DatabaseCorrupt {
                    path,
                    detail: st.problems.join("; "),
                })
            }
        }
        Command::Date(DateCommand::ToJalali { date }) => {
            let latin = digits::to_latin(date.trim());
            let g = chrono::NaiveDate::parse_from_str(&latin, "%Y-%m-%d").map_err(|_| {
                Error::invalid(
                    "date",
                    format!("«{date}» تاریخ میلادی نیست؛ به شکل 2026-12-22 بنویسید"),
                    format!("“{date}” is not a Gregorian date; write it as 2026-12-22"),
                )
            })?;
            let j = JalaliDate::from_gregorian(g)?;
            Ok(if cli.fa {
                j.format(Style::Long, true)
            } else {
                j.format(Style::Iso, false)
            })
        }
        Command::Date(DateCommand::ToGregorian { date }) => {
            let j = JalaliDate::parse(date)?;
            Ok(digits_out(j.to_gregorian().format("%Y-%m-%d").to_string()))
        }
        Command::Validate(ValidateCommand::NationalId { value }) => {
            Ok(digits_out(NationalId::parse(value)?.to_string()))
        }
        Command::Validate(ValidateCommand::Mobile { value }) => {
            let (m, warning) = Mobile::parse(value)?;
            if let Some(w) = warning {
                eprintln!("{}", w.fa);
                eprintln!("warning: {}", w.en);
            }
            Ok(digits_out(m.to_string()))
        }
    }
}
