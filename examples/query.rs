//! A small command-line query tool over the dataset.
//!
//! ```text
//! cargo run --example query -- projects --sector biomedicine
//! cargo run --example query -- speakers --forum trade-in-services-forum-4 --role keynote
//! cargo run --example query -- find csgks
//! cargo run --example query -- --data examples/my-data find "demo park"
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use china_singapore::{AgreementKind, CalendarDate, Country, Dataset, Record, Sector, SpeakerRole, Table};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "query",
    about = "Query the China–Singapore cooperation records; every answer comes with its source quote."
)]
struct Cli {
    /// Load this data directory (laid out like data/) instead of the embedded data.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// With --data: add the directory to the embedded data instead of replacing it.
    #[arg(long, global = true, requires = "data")]
    extend: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Projects, filtered by sector, place (and what lies within it), organisation and country.
    Projects {
        #[arg(long, value_parser = parse::<Sector>)]
        sector: Option<Sector>,
        /// A place id, e.g. guangzhou.
        #[arg(long)]
        place: Option<String>,
        /// An organisation id, e.g. sp-group.
        #[arg(long)]
        organization: Option<String>,
        #[arg(long, value_parser = parse::<Country>)]
        country: Option<Country>,
    },
    /// Agreements, filtered by kind, party, forum and date range.
    Agreements {
        #[arg(long, value_parser = parse::<AgreementKind>)]
        kind: Option<AgreementKind>,
        /// An organisation id that is a party.
        #[arg(long)]
        party: Option<String>,
        /// A country that is a party as a state.
        #[arg(long, value_parser = parse::<Country>)]
        country: Option<Country>,
        /// A forum id, e.g. jcbc-18.
        #[arg(long)]
        forum: Option<String>,
        /// First day of the range, YYYY-MM-DD.
        #[arg(long, value_parser = parse::<CalendarDate>, requires = "to")]
        from: Option<CalendarDate>,
        /// Last day of the range, YYYY-MM-DD.
        #[arg(long, value_parser = parse::<CalendarDate>, requires = "from")]
        to: Option<CalendarDate>,
    },
    /// Forums and other events, filtered by place, parent event and date range.
    Forums {
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        parent: Option<String>,
        #[arg(long, value_parser = parse::<CalendarDate>, requires = "to")]
        from: Option<CalendarDate>,
        #[arg(long, value_parser = parse::<CalendarDate>, requires = "from")]
        to: Option<CalendarDate>,
    },
    /// Speakers, filtered by forum, organisation and role.
    Speakers {
        #[arg(long)]
        forum: Option<String>,
        #[arg(long)]
        organization: Option<String>,
        #[arg(long, value_parser = parse::<SpeakerRole>)]
        role: Option<SpeakerRole>,
    },
    /// Finds records of every kind by id, name or alias (ignoring case, spaces and punctuation).
    Find {
        /// The name, alias or id to look for.
        name: String,
    },
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

/// Fails with a clear message when an id given on the command line names no record.
fn known<T: Record>(table: &Table<T>, what: &str, id: &Option<String>) -> Result<(), String> {
    match id {
        Some(id) if table.get(id).is_none() => Err(format!("unknown {what} id `{id}`")),
        _ => Ok(()),
    }
}

/// Writes a line to stdout. A closed pipe (`query … | head`) ends the program quietly, as
/// command-line tools do; any other write error ends it with an error.
fn out(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = writeln!(std::io::stdout().lock(), "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the answer: {e}");
        std::process::exit(1);
    }
}

fn show<T: Record>(r: &T, prefix: &str) {
    out(format_args!("{prefix}{r}"));
    if let Some(q) = r.quotes().first() {
        out(format_args!("    source [{}]: “{}”", q.document, q.text.replace('\u{a0}', " ")));
    }
}

fn cite_all<'a, T: Record + 'a>(items: impl Iterator<Item = &'a T>) -> usize {
    let mut n = 0;
    for r in items {
        show(r, "");
        n += 1;
    }
    n
}

/// Prints the record of this kind named (or with the id) `name`; returns how many it printed.
fn find_in<T: Record>(table: &Table<T>, name: &str) -> usize {
    match table.find(name).or_else(|| table.get(name)) {
        Some(r) => {
            show(r, &format!("{}: ", T::KIND));
            1
        }
        None => 0,
    }
}

fn run(cli: Cli) -> Result<usize, String> {
    let owned;
    let ds: &Dataset = match (&cli.data, cli.extend) {
        (Some(dir), false) => {
            owned = Dataset::from_dir(dir).map_err(|e| e.to_string())?;
            &owned
        }
        (Some(dir), true) => {
            owned = Dataset::embedded_with_dir(dir).map_err(|e| e.to_string())?;
            &owned
        }
        (None, _) => china_singapore::try_dataset().map_err(|e| e.to_string())?,
    };
    for s in ds.skipped() {
        eprintln!("note: not used: {} ({})", s.path, s.reason);
    }
    let n = match cli.command {
        // Each option that is given narrows the filter; ids were checked by `known` first.
        Command::Projects { sector, place, organization, country } => {
            known(ds.places(), "place", &place)?;
            known(ds.organizations(), "organization", &organization)?;
            let f = ds.project_filter();
            let f = sector.map_or(f, |x| f.sector(x));
            let f = place.as_deref().map_or(f, |x| f.place(x));
            let f = organization.as_deref().map_or(f, |x| f.organization(x));
            let f = country.map_or(f, |x| f.country(x));
            cite_all(f.iter())
        }
        Command::Agreements { kind, party, country, forum, from, to } => {
            known(ds.organizations(), "organization", &party)?;
            known(ds.forums(), "forum", &forum)?;
            let f = ds.agreement_filter();
            let f = kind.map_or(f, |x| f.kind(x));
            let f = party.as_deref().map_or(f, |x| f.party(x));
            let f = country.map_or(f, |x| f.country(x));
            let f = forum.as_deref().map_or(f, |x| f.forum(x));
            let f = from.zip(to).map_or(f, |(a, b)| f.between(a, b));
            cite_all(f.iter())
        }
        Command::Forums { place, parent, from, to } => {
            known(ds.places(), "place", &place)?;
            known(ds.forums(), "forum", &parent)?;
            let f = ds.forum_filter();
            let f = place.as_deref().map_or(f, |x| f.place(x));
            let f = parent.as_deref().map_or(f, |x| f.parent(x));
            let f = from.zip(to).map_or(f, |(a, b)| f.between(a, b));
            cite_all(f.iter())
        }
        Command::Speakers { forum, organization, role } => {
            known(ds.forums(), "forum", &forum)?;
            known(ds.organizations(), "organization", &organization)?;
            let f = ds.speaker_filter();
            let f = forum.as_deref().map_or(f, |x| f.forum(x));
            let f = organization.as_deref().map_or(f, |x| f.organization(x));
            let f = role.map_or(f, |x| f.role(x));
            cite_all(f.iter())
        }
        Command::Find { name } => {
            let n = find_in(ds.projects(), &name)
                + find_in(ds.agreements(), &name)
                + find_in(ds.forums(), &name)
                + find_in(ds.speakers(), &name)
                + find_in(ds.organizations(), &name)
                + find_in(ds.places(), &name)
                + find_in(ds.documents(), &name);
            if n == 0 {
                return Err(format!("nothing is named `{name}`"));
            }
            n
        }
    };
    Ok(n)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(0) => {
            eprintln!("(no matches)");
            ExitCode::SUCCESS
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
