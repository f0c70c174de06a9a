//! A small command-line query tool over the dataset.
//!
//! ```text
//! cargo run --example query -- projects --sector biomedicine
//! cargo run --example query -- speakers --forum "4th China-Singapore Trade in Services Innovation Forum" --role keynote
//! cargo run --example query -- find csgks
//! cargo run --example query -- show "Singapore Telecom"
//! cargo run --example query -- search "green bonds"
//! cargo run --example query -- suggest "Knowlege City"
//! cargo run --example query -- timeline --from 2021-01-01 --to 2021-12-31
//! cargo run --example query -- where "China-Singapore Smart Park" "1.4 billion yuan"
//! cargo run --example query -- --data examples/my-data find "demo park"
//! ```
//!
//! Every record, name or id option takes an id, a name or an alias; one that names nothing
//! fails with the closest names ("did you mean").

use std::path::PathBuf;
use std::process::ExitCode;

use china_singapore::model::{AgreementKind, CalendarDate, Country, Sector, SpeakerRole};
use china_singapore::query::Event;
use china_singapore::{AnyRecord, Dataset, Kind, Loader, NotFound, Record, Table};
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

/// A date range: both ends or neither.
#[derive(clap::Args)]
struct Range {
    /// First day of the range, YYYY-MM-DD.
    #[arg(long, value_parser = parse::<CalendarDate>, requires = "to")]
    from: Option<CalendarDate>,
    /// Last day of the range, YYYY-MM-DD.
    #[arg(long, value_parser = parse::<CalendarDate>, requires = "from")]
    to: Option<CalendarDate>,
}

impl Range {
    fn get(&self) -> Option<(CalendarDate, CalendarDate)> {
        self.from.zip(self.to)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Projects, filtered by sector, place (and what lies within it), organisation (alone or
    /// with its units), country and date range.
    Projects {
        #[arg(long, value_parser = parse::<Sector>)]
        sector: Option<Sector>,
        /// A place, e.g. Guangzhou.
        #[arg(long)]
        place: Option<String>,
        /// An organisation, e.g. "SP Group".
        #[arg(long)]
        organization: Option<String>,
        /// An organisation, with its subsidiaries and other units.
        #[arg(long)]
        group: Option<String>,
        #[arg(long, value_parser = parse::<Country>)]
        country: Option<Country>,
        #[command(flatten)]
        range: Range,
    },
    /// Agreements, filtered by kind, party, country, forum and date range.
    Agreements {
        #[arg(long, value_parser = parse::<AgreementKind>)]
        kind: Option<AgreementKind>,
        /// An organisation that is a party.
        #[arg(long)]
        party: Option<String>,
        /// A country that is a party as a state.
        #[arg(long, value_parser = parse::<Country>)]
        country: Option<Country>,
        /// A forum, e.g. "18th JCBC".
        #[arg(long)]
        forum: Option<String>,
        #[command(flatten)]
        range: Range,
    },
    /// Forums and other events, filtered by place, parent event, organisation and date range.
    Forums {
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        parent: Option<String>,
        #[arg(long)]
        organization: Option<String>,
        #[command(flatten)]
        range: Range,
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
    /// Shows a record with the names of what it links to, and what links to it.
    Show {
        /// The record's name, alias or id.
        name: String,
    },
    /// Ranks records by how well their texts match the words (a "quoted phrase" must match
    /// as a phrase).
    Search {
        /// The words to look for.
        query: String,
        /// Only records of this kind.
        #[arg(long, value_parser = parse::<Kind>)]
        kind: Option<Kind>,
        /// How many hits to print.
        #[arg(short, default_value_t = 10)]
        n: usize,
    },
    /// The names closest to what was typed, of every kind.
    Suggest {
        /// The name as typed.
        name: String,
        /// How many per kind.
        #[arg(short, default_value_t = 3)]
        n: usize,
    },
    /// Every dated event in time order; events whose year is unknown come last.
    Timeline {
        #[command(flatten)]
        range: Range,
    },
    /// Where a record's quotes sit in their documents: line, column and byte range.
    Where {
        /// The record's name, alias or id.
        name: String,
        /// Only the quotes holding these words, e.g. "1.4 billion yuan".
        words: Option<String>,
    },
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

/// `s` with every control character (newlines included) and every bidirectional control
/// written as `\u{..}`: text from the data or the command line cannot forge a line of
/// output, or move the cursor.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes one line to stdout, escaped (see [`esc`]). A closed pipe (`query … | head`) ends
/// the program quietly, as command-line tools do; any other write error ends it with an
/// error.
fn out(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = writeln!(std::io::stdout().lock(), "{}", esc(&line.to_string())) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the answer: {}", esc(&e.to_string()));
        std::process::exit(1);
    }
}

/// Prints a record with the names of what it links to, and its first quote.
fn show<'a>(ds: &'a Dataset, r: impl Into<AnyRecord<'a>>) {
    let r = r.into();
    let card = ds.card(r);
    out(format_args!("{}: {}", r.kind(), card.record));
    for link in &card.links {
        out(format_args!("  {link}"));
    }
    if let Some(q) = r.quotes().first() {
        out(format_args!("    source [{}]: “{}”", q.document, q.text.replace('\u{a0}', " ")));
    }
}

fn show_all<'a, T: Record + 'a>(ds: &'a Dataset, items: impl Iterator<Item = &'a T>) -> usize
where
    &'a T: Into<AnyRecord<'a>>,
{
    items.map(|r| show(ds, r)).count()
}

/// The record of any kind with this id, name or alias, or a "did you mean" of every kind.
fn lookup<'a>(ds: &'a Dataset, name: &str) -> Result<AnyRecord<'a>, String> {
    ds.lookup(name).map_err(|e| e.to_string())
}

fn suggest<T: Record>(table: &Table<T>, name: &str, n: usize) -> usize {
    table.suggest(name, n).iter().map(|s| out(format_args!("{}: {} [{}]", T::KIND, s.name, s.record.id()))).count()
}

fn filter(ds: &Dataset, command: Command) -> Result<usize, NotFound> {
    Ok(match command {
        Command::Projects { sector, place, organization, group, country, range } => {
            let mut f = ds.project_filter();
            f = if let Some(x) = sector { f.sector(x) } else { f };
            f = if let Some(x) = place { f.place(x) } else { f };
            f = if let Some(x) = organization { f.organization(x) } else { f };
            f = if let Some(x) = group { f.group(x) } else { f };
            f = if let Some(x) = country { f.country(x) } else { f };
            f = if let Some((a, b)) = range.get() { f.between(a, b) } else { f };
            show_all(ds, f.try_iter()?)
        }
        Command::Agreements { kind, party, country, forum, range } => {
            let mut f = ds.agreement_filter();
            f = if let Some(x) = kind { f.kind(x) } else { f };
            f = if let Some(x) = party { f.party(x) } else { f };
            f = if let Some(x) = country { f.country(x) } else { f };
            f = if let Some(x) = forum { f.forum(x) } else { f };
            f = if let Some((a, b)) = range.get() { f.between(a, b) } else { f };
            show_all(ds, f.try_iter()?)
        }
        Command::Forums { place, parent, organization, range } => {
            let mut f = ds.forum_filter();
            f = if let Some(x) = place { f.place(x) } else { f };
            f = if let Some(x) = parent { f.parent(x) } else { f };
            f = if let Some(x) = organization { f.organization(x) } else { f };
            f = if let Some((a, b)) = range.get() { f.between(a, b) } else { f };
            show_all(ds, f.try_iter()?)
        }
        Command::Speakers { forum, organization, role } => {
            let mut f = ds.speaker_filter();
            f = if let Some(x) = forum { f.forum(x) } else { f };
            f = if let Some(x) = organization { f.organization(x) } else { f };
            f = if let Some(x) = role { f.role(x) } else { f };
            show_all(ds, f.try_iter()?)
        }
        _ => 0,
    })
}

fn answer(ds: &Dataset, command: Command) -> Result<usize, String> {
    Ok(match command {
        Command::Find { name } => {
            show(ds, lookup(ds, &name)?);
            1
        }
        Command::Show { name } => {
            let r = lookup(ds, &name)?;
            show(ds, r);
            ds.linked_from(r).iter().map(|l| out(format_args!("  ← {}: {}", l.relation, l.other.name()))).count() + 1
        }
        Command::Search { query, kind, n } => {
            let hits = match kind {
                Some(k) => ds.search_in(k, &query),
                None => ds.search(&query),
            };
            for h in hits.iter().take(n) {
                out(format_args!("{:.2}  {}: {} [{}]", h.score, h.record.kind(), h.record.name(), h.record.id()));
                out(format_args!("      {}: {}", h.field, h.snippet.replace('\u{a0}', " ")));
            }
            hits.len().min(n)
        }
        Command::Suggest { name, n } => {
            suggest(ds.projects(), &name, n)
                + suggest(ds.agreements(), &name, n)
                + suggest(ds.forums(), &name, n)
                + suggest(ds.speakers(), &name, n)
                + suggest(ds.organizations(), &name, n)
                + suggest(ds.places(), &name, n)
        }
        Command::Timeline { range } => {
            let within = |e: &Event<'_>| match (range.get(), e.date.bounds()) {
                (Some((from, to)), Some((first, last))) => from <= first && last <= to,
                (Some(_), None) => false,
                (None, _) => true,
            };
            ds.timeline().iter().filter(|e| within(e)).map(|e| out(format_args!("{e}"))).count()
        }
        Command::Where { name, words } => {
            let r = lookup(ds, &name)?;
            let quotes: Vec<_> = match &words {
                Some(w) => r.quote_containing(w).into_iter().collect(),
                None => r.quotes().iter().collect(),
            };
            let mut n = 0;
            for q in quotes {
                let at = q.position().map_or("not located".to_owned(), |p| p.to_string());
                out(format_args!("{}, {at}: “{}”", q.document, q.text.replace('\u{a0}', " ")));
                n += 1;
            }
            n
        }
        filters => filter(ds, filters).map_err(|e| e.to_string())?,
    })
}

fn load(cli: &Cli) -> Result<std::borrow::Cow<'static, Dataset>, String> {
    Ok(match (&cli.data, cli.extend) {
        (Some(dir), false) => std::borrow::Cow::Owned(Dataset::from_dir(dir).map_err(|e| e.to_string())?),
        (Some(dir), true) => {
            std::borrow::Cow::Owned(Loader::new().embedded().dir(dir).load().map_err(|e| e.to_string())?)
        }
        (None, _) => std::borrow::Cow::Borrowed(china_singapore::try_dataset().map_err(|e| e.to_string())?),
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = load(&cli).and_then(|ds| {
        for s in ds.skipped() {
            eprintln!("note: not used: {} ({})", esc(&s.path), esc(&s.reason));
        }
        answer(&ds, cli.command)
    });
    match result {
        Ok(0) => {
            eprintln!("(no matches)");
            ExitCode::SUCCESS
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            // A load error lists one problem per line; each line is escaped on its own.
            for line in e.lines() {
                eprintln!("error: {}", esc(line));
            }
            ExitCode::from(2)
        }
    }
}
