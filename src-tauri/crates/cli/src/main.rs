//! gardesh-cli: the admin command line, a thin shell over gardesh-core (see docs/CLI.md).
//!
//! Exit codes: 0 done; 1 refused or invalid input (Persian then English on stderr);
//! 2 wrong usage (clap's own).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};

use chrono::Datelike;
use gardesh_core::audit::Stamp;
use gardesh_core::clock::{Clock, SystemClock};
use gardesh_core::ids::{GroupId, RegistrationId, TourId};
use gardesh_core::persian::calendar::Style;
use gardesh_core::persian::{digits, JalaliDate, Mobile, NationalId};
use gardesh_core::{programme, settings, site, store, tour, Error};
use gardesh_print::{DocumentKind, Lang, Request};

mod exchange;
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
    /// Tours in a date range.
    #[command(subcommand)]
    Tours(ToursCommand),
    /// One tour: its itinerary, or its best stop order.
    #[command(subcommand)]
    Tour(TourCommand),
    /// Groups and members.
    #[command(subcommand)]
    Groups(GroupsCommand),
    /// Confirm a group on a tour, or put it on the waiting list.
    Register {
        group: i64,
        tour: i64,
        /// Why members failing a stop's rules go anyway.
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Cancel a registration; freed seats go to the waiting list.
    Cancel {
        registration: i64,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Print a document of a tour as an A4 PDF: prints the file written.
    Print(PrintArgs),
    /// Import groups and members from CSV or .xlsx (preview, then all or nothing).
    #[command(subcommand)]
    Import(exchange::ImportCommand),
    /// Export registrations or a manifest (CSV, .xlsx), or the tours as iCalendar.
    #[command(subcommand)]
    Export(exchange::ExportCommand),
    /// Online backup (checked, rotated in `backups/` beside the database), or list them.
    Backup(exchange::BackupArgs),
    /// Restore a backup, after a safety copy of the current database.
    Restore(exchange::RestoreArgs),
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("of").required(true).args(["tour", "week_from", "registration"])))]
struct PrintArgs {
    /// What to print.
    #[arg(value_parser = DocumentKind::ALL.map(DocumentKind::as_str))]
    kind: String,
    /// The tour.
    #[arg(long)]
    tour: Option<i64>,
    /// itinerary only: every tour of the 7 days from this date (Gregorian or Solar Hijri).
    #[arg(long, value_name = "DATE")]
    week_from: Option<String>,
    /// confirmations only: the confirmation of this one registration.
    #[arg(long)]
    registration: Option<i64>,
    /// The PDF to write.
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    output: PathBuf,
    /// Language of the document; defaults to the app's language setting.
    #[arg(long, value_parser = ["fa", "en"])]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum GroupsCommand {
    /// Normalised search over group names and members' names, national IDs and mobiles.
    Search {
        text: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ToursCommand {
    /// Tours from `--from` to `--to` (Gregorian or Solar Hijri dates, any digits).
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum TourCommand {
    /// Stops with times, capacity, seats and feasibility problems.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The best stop order and the minutes it saves; `--apply` saves it.
    Optimise {
        id: i64,
        #[arg(long)]
        apply: bool,
        /// Keep the last stop last.
        #[arg(long)]
        fix_last: bool,
        #[arg(long)]
        json: bool,
    },
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
    let outcome = match &cli.command {
        Command::Print(args) => print(&cli, args).map_err(|e| (e.message_fa(), e.to_string())),
        _ => run(&cli).map_err(|e| (e.message_fa(), e.to_string())),
    };
    match outcome {
        Ok(out) => {
            if !out.is_empty() {
                println!("{out}");
            }
            ExitCode::SUCCESS
        }
        Err((fa, en)) => {
            eprintln!("{fa}");
            eprintln!("{en}");
            ExitCode::from(1)
        }
    }
}

/// Wrong usage that clap's rules cannot express: exit 2 with clap's own message.
fn usage_error(message: &str) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .exit()
}

/// `print KIND`: typeset the document and write it whole (through a temporary file, so
/// a refusal or a failure never leaves half a PDF behind).
fn print(cli: &Cli, args: &PrintArgs) -> Result<String, gardesh_print::Error> {
    let kind = DocumentKind::parse(&args.kind).unwrap_or_else(|| usage_error("unknown document"));
    let request = match (args.tour, &args.week_from, args.registration) {
        (Some(t), None, None) => kind.of_tour(TourId(t)),
        (None, Some(_), None) if kind != DocumentKind::Itinerary => {
            usage_error("--week-from prints itineraries only")
        }
        (None, Some(day), None) => Request::WeekItineraries {
            from: parse_day(day)?,
        },
        (None, None, Some(_)) if kind != DocumentKind::Confirmations => {
            usage_error("--registration prints a confirmation only")
        }
        (None, None, Some(r)) => Request::Confirmation {
            registration: RegistrationId(r),
        },
        _ => usage_error("give one of --tour, --week-from, --registration"),
    };
    let conn = open_existing(cli)?;
    let lang = match args.lang.as_deref().and_then(Lang::parse) {
        Some(l) => l,
        None => settings::load(&conn)?.language.into(),
    };
    let pdf = gardesh_print::render(&conn, &request, lang, |_, _| true)?;
    let path = &args.output;
    let part = path.with_extension("pdf.part");
    std::fs::write(&part, &pdf.bytes)
        .and_then(|()| std::fs::rename(&part, path))
        .map_err(|source| {
            let _ = std::fs::remove_file(&part);
            Error::Io {
                path: path.clone(),
                source,
            }
        })?;
    let pages = pdf.pages.to_string();
    let pages = if cli.fa {
        digits::to_persian(&pages)
    } else {
        pages
    };
    Ok(format!("{} ({pages} pages)", path.display()))
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

/// A date as people type it: Gregorian `2026-12-22` or Solar Hijri `1405/10/01`, any digits.
fn parse_day(input: &str) -> Result<chrono::NaiveDate, Error> {
    let latin = digits::to_latin(input.trim());
    match chrono::NaiveDate::parse_from_str(&latin, "%Y-%m-%d") {
        Ok(d) if d.year() > 1700 => Ok(d),
        _ => JalaliDate::parse(input).map(|j| j.to_gregorian()),
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
        Command::Print(_) => Err(Error::Internal("print is run by print()".into())),
        Command::Import(c) => exchange::import(cli, c),
        Command::Export(c) => exchange::export(cli, c),
        Command::Backup(a) => exchange::backup(cli, a),
        Command::Restore(a) => exchange::restore(cli, a),
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
            let conn = store::open(&path).map_err(|e| exchange::with_backup_hint(&path, e))?;
            let st = store::status(&conn, args.full)?;
            if st.is_ok() {
                Ok("ok".into())
            } else {
                let e = Error::DatabaseCorrupt {
                    path: path.clone(),
                    detail: st.problems.join("; "),
                };
                Err(exchange::with_backup_hint(&path, e))
            }
        }
        Command::Tours(ToursCommand::List { from, to, json }) => {
            let conn = open_existing(cli)?;
            let (from, to) = match (from, to) {
                (Some(f), Some(t)) => (parse_day(f)?, parse_day(t)?),
                (Some(f), None) => (parse_day(f)?, parse_day(f)?),
                _ => match programme::current(&conn)? {
                    Some(p) => (p.input.starts, p.ends()),
                    None => {
                        let today = SystemClock.today();
                        (today, today)
                    }
                },
            };
            let tours = tour::between(&conn, from, to)?;
            let schedules = tours
                .iter()
                .map(|t| tour::itinerary::schedule(&conn, t.id))
                .collect::<Result<Vec<_>, _>>()?;
            if *json {
                return Ok(serde_json::Value::Array(
                    schedules.iter().map(report::tour_summary_json).collect(),
                )
                .to_string());
            }
            Ok(digits_out(report::tours_table(&schedules)))
        }
        Command::Tour(TourCommand::Show { id, json }) => {
            let conn = open_existing(cli)?;
            let s = tour::itinerary::schedule(&conn, TourId(*id))?;
            if *json {
                return Ok(report::schedule_json(&s).to_string());
            }
            Ok(digits_out(report::schedule_text(&s)))
        }
        Command::Tour(TourCommand::Optimise {
            id,
            apply,
            fix_last,
            json,
        }) => {
            let mut conn = open_existing(cli)?;
            let p = tour::optimise::propose(&conn, TourId(*id), *fix_last)?;
            if *apply && p.order != tour::itinerary::stops(&conn, TourId(*id))? {
                tour::optimise::apply(&mut conn, &stamp(), TourId(*id), &p.order)?;
            }
            let names = report::site_names(&conn)?;
            if *json {
                return Ok(report::proposal_json(&p, &names, *apply).to_string());
            }
            Ok(digits_out(report::proposal_text(&p, &names, *apply)))
        }
        Command::Groups(GroupsCommand::Search { text, json }) => {
            let conn = open_existing(cli)?;
            let hits = gardesh_core::group::search(&conn, text, 50)?;
            if *json {
                let list: Vec<serde_json::Value> = hits
                    .iter()
                    .map(|h| {
                        serde_json::json!({"group": h.group.get(), "groupName": h.group_name,
                            "member": h.member.map(|m| m.get()), "memberName": h.member_name})
                    })
                    .collect();
                return Ok(serde_json::Value::Array(list).to_string());
            }
            let mut out = String::new();
            for h in &hits {
                out.push_str(&format!(
                    "{:>5}  {}{}\n",
                    h.group,
                    h.group_name,
                    h.member_name
                        .as_ref()
                        .map(|m| format!(" — {m}"))
                        .unwrap_or_default()
                ));
            }
            out.push_str(&format!("{} found", hits.len()));
            Ok(digits_out(out))
        }
        Command::Register {
            group,
            tour,
            reason,
        } => {
            let mut conn = open_existing(cli)?;
            let r = gardesh_core::registration::register(
                &mut conn,
                &stamp(),
                GroupId(*group),
                TourId(*tour),
                reason,
            )?;
            Ok(digits_out(format!(
                "registration {}: group {} on tour {}, {} seats, {}",
                r.id,
                r.group,
                r.tour,
                r.seats,
                r.state.as_str()
            )))
        }
        Command::Cancel {
            registration,
            reason,
        } => {
            let mut conn = open_existing(cli)?;
            let out = gardesh_core::registration::cancel(
                &mut conn,
                &stamp(),
                RegistrationId(*registration),
                reason,
            )?;
            let mut text = format!("registration {} cancelled", out.registration.id);
            for id in out.promoted {
                let r = gardesh_core::registration::get(&conn, id)?;
                text.push_str(&format!(
                    "\nregistration {id} (group {}) confirmed from the waiting list",
                    r.group
                ));
            }
            Ok(digits_out(text))
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
