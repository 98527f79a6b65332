//! gardesh-cli: the admin command line, a thin shell over gardesh-core (see docs/CLI.md).
//!
//! Exit codes: 0 done; 1 refused or invalid input (Persian then English on stderr);
//! 2 wrong usage (clap's own).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use gardesh_core::audit::Stamp;
use gardesh_core::clock::{Clock, SystemClock};
use gardesh_core::persian::calendar::Style;
use gardesh_core::persian::{digits, JalaliDate, Mobile, NationalId};
use gardesh_core::{programme, site, store, Error};

mod report;

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
    /// Create or migrate the database; `--demo` adds the demo programme when it is empty.
    Init {
        #[arg(long)]
        demo: bool,
    },
    /// Integrity and foreign-key check: prints `ok`, or the problems and exits 1.
    Check(CheckArgs),
    /// Convert dates between the Solar Hijri and Gregorian calendars.
    #[command(subcommand)]
    Date(DateCommand),
    /// Check and normalise a national ID or a mobile number.
    #[command(subcommand)]
    Validate(ValidateCommand),
    /// Project sites.
    #[command(subcommand)]
    Sites(SitesCommand),
    /// The programme: dates, running days, departures, holidays.
    #[command(subcommand)]
    Programme(ProgrammeCommand),
}

#[derive(Subcommand)]
enum SitesCommand {
    /// The sites (archived ones too, marked).
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ProgrammeCommand {
    /// The current programme.
    Show {
        #[arg(long)]
        json: bool,
    },
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

/// The command line acts as the operating-system user running it.
fn stamp() -> Stamp {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    Stamp::new(format!("cli:{user}"), SystemClock.now())
}

/// Open a database that must already exist (read commands never create one).
fn open_existing(cli: &Cli) -> Result<store::Connection, Error> {
    let path = db_path(cli)?;
    if !path.exists() {
        return Err(Error::NotFound {
            what: "database",
            id: path.display().to_string(),
        });
    }
    store::open(&path)
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
        Command::Init { demo } => {
            let path = db_path(cli)?;
            let existed = path.exists();
            let mut conn = store::open(&path)?;
            let st = store::status(&conn, false)?;
            let verb = if existed { "opened" } else { "created" };
            let mut out = format!(
                "{verb} {} (schema {})",
                path.display(),
                digits_out(st.schema_version.to_string())
            );
            if *demo {
                if gardesh_core::demo::is_empty(&conn)? {
                    let done = gardesh_core::demo::install(&mut conn, &stamp())?;
                    out.push_str(&digits_out(format!(
                        "\ndemo programme added: {} sites, {} holidays, {} tours",
                        done.sites, done.holidays, done.tours
                    )));
                } else {
                    out.push_str("\ndemo programme not added: the database is not empty");
                }
            }
            Ok(out)
        }
        Command::Sites(SitesCommand::List { json }) => {
            let conn = open_existing(cli)?;
            let filter = site::Filter {
                include_archived: true,
                ..site::Filter::default()
            };
            let sites = site::list(&conn, &filter)?;
            if *json {
                return Ok(
                    serde_json::Value::Array(sites.iter().map(report::site_json).collect())
                        .to_string(),
                );
            }
            Ok(digits_out(report::sites_table(&sites)))
        }
        Command::Programme(ProgrammeCommand::Show { json }) => {
            let conn = open_existing(cli)?;
            let p = programme::current(&conn)?.ok_or_else(|| Error::NotFound {
                what: "programme",
                id: "current".into(),
            })?;
            let holidays = programme::holidays::list(&conn)?
                .into_iter()
                .filter(|h| h.date >= p.input.starts && h.date <= p.ends())
                .collect::<Vec<_>>();
            let tours = gardesh_core::tour::of_programme(&conn, p.id)?;
            if *json {
                return Ok(report::programme_json(&p, &holidays, &tours).to_string());
            }
            Ok(digits_out(report::programme_text(
                &p, &holidays, &tours, cli.fa,
            )))
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
