//! Scale benches: synthetic datasets of 1,000, 10,000 and 100,000 records loaded through
//! the user-data loader (`Dataset::from_files`, the same loader as `from_dir`); id and
//! name lookups, a filter that returns ten records, a search whose words occur in ten
//! records, suggestions for mistyped names against computing the edit distance to every
//! name, and load throughput at each size. And
//! hostile input of 1,000 and 100,000 records (`tests/common/adversarial.rs`): a file of
//! bad records, quotes in periodic text, names whose UTF-8 differs only in bit 5; and
//! hostile queries at two sizes (see `HostileQueries`), each within 3× per unit of input.
//!
//! `cargo bench --bench scale` (table), `-- --json` (one JSON object per line),
//! `-- --test` (each bench once, checking its result).

#[path = "../tests/common/adversarial.rs"]
mod adversarial;
mod common;
#[path = "../tests/common/synthetic.rs"]
mod synthetic;

use std::hint::black_box;

use china_singapore::model::Sector;
use china_singapore::{Dataset, Loader, Project, Record};
use common::{Bench, ratio};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// Lookups per timed call: a fixed sample spread evenly over the dataset.
const SAMPLE: usize = 512;

struct Scale {
    n: usize,
    files: Vec<(String, Vec<u8>)>,
    bytes: u64,
    ds: Dataset,
}

fn main() {
    let options = Loader::new().max_file_bytes(1 << 30);
    let scales: Vec<Scale> = SIZES
        .iter()
        .map(|&n| {
            let files = synthetic::files(n);
            let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
            let ds = options.clone().files(files.clone()).load().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(ds.records().count(), n);
            Scale { n, files, bytes, ds }
        })
        .collect();

    // Per size: sampled projects, their id and name queries, and organisations with ten projects.
    struct Queries<'a> {
        ids: Vec<(String, &'a Project)>,
        names: Vec<(String, &'a Project)>,
        orgs: Vec<String>,
        /// One word, and two, that occur together in ten project descriptions.
        words: Vec<(String, String)>,
        /// A name with two letters swapped, and the project it should suggest.
        typos: Vec<(String, &'a Project)>,
    }
    let queries: Vec<Queries<'_>> = scales
        .iter()
        .map(|s| {
            let projects = s.ds.projects().as_slice();
            let step = (projects.len() / SAMPLE).max(1);
            let sample: Vec<&Project> = projects.iter().step_by(step).take(SAMPLE).collect();
            let ids = sample.iter().map(|p| (p.id().to_owned(), *p)).collect();
            let names = sample
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let q = match i % 3 {
                        0 => p.name.to_uppercase(),
                        1 => p.aliases[0].name.replace('-', " "),
                        _ => p.name.to_lowercase().replace(' ', ""),
                    };
                    (q, *p)
                })
                .collect();
            let orgs: Vec<String> =
                (0..64).map(|k| format!("org-{}", k * (s.ds.organizations().len() / 2 / 64))).collect();
            let clusters = projects.len() / 10;
            let words =
                (0..64).map(|k| k * clusters / 64).map(|c| (format!("cluster{c}"), format!("cluster{c} zone{c}")));
            let typos = sample.iter().take(8).map(|p| (p.name.replacen("Project", "Porject", 1), *p)).collect();
            Queries { ids, names, orgs, words: words.collect(), typos }
        })
        .collect();

    let hostile: Vec<(usize, [adversarial::Files; 3])> = [1_000, 100_000]
        .iter()
        .map(|&n| (n, [adversarial::diagnostics(n), adversarial::quotes(n), adversarial::colliding_names(n)]))
        .collect();
    let hostile_queries = HostileQueries::new(&options);
    let mut b = Bench::from_args();
    for (s, q) in scales.iter().zip(&queries) {
        let n = s.n;
        let ds = &s.ds;
        let ids = &q.ids;
        b.add(
            &format!("scale/id/{n}"),
            ids.len() as u64,
            None,
            move || {
                ids.iter()
                    .filter(|(k, p)| ds.projects().by_id(black_box(k)).is_some_and(|r| std::ptr::eq(r, *p)))
                    .count()
            },
            move |&h| h == ids.len(),
        );
        let names = &q.names;
        b.add(
            &format!("scale/name/{n}"),
            names.len() as u64,
            None,
            move || {
                names
                    .iter()
                    .filter(|(k, p)| ds.projects().by_name(black_box(k)).is_some_and(|r| std::ptr::eq(r, *p)))
                    .count()
            },
            move |&h| h == names.len(),
        );
        let orgs = &q.orgs;
        b.add(
            &format!("scale/filter10/{n}"),
            orgs.len() as u64,
            None,
            move || orgs.iter().map(|o| ds.project_filter().organization(black_box(o)).iter().count()).sum::<usize>(),
            move |&total| total == 10 * orgs.len(),
        );
        b.add(
            &format!("scale/filter_org_sector/{n}"),
            orgs.len() as u64,
            None,
            move || {
                orgs.iter()
                    .map(|o| ds.project_filter().organization(black_box(o)).sector(Sector::Biomedicine).iter().count())
                    .sum::<usize>()
            },
            // Each organisation's ten consecutive projects cycle through four sectors.
            move |&total| (2 * orgs.len()..=3 * orgs.len()).contains(&total),
        );
    }
    for (s, q) in scales.iter().zip(&queries) {
        add_search_and_suggest(&mut b, s, q.words.as_slice(), q.typos.as_slice());
    }
    for s in &scales {
        let files = &s.files;
        let options = &options;
        let n = s.n;
        b.add(
            &format!("scale/serde_json_only/{n}"),
            1,
            Some(s.bytes),
            move || files.iter().map(|(p, b)| common::serde_only(p, b)).sum::<usize>(),
            move |&records| records == n,
        );
        b.add(
            &format!("scale/load/{n}"),
            1,
            Some(s.bytes),
            move || options.clone().files(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).load(),
            move |r| r.as_ref().is_ok_and(|d| d.records().count() == n),
        );
    }
    for (n, [diagnostics, quotes, names]) in &hostile {
        let (n, options) = (*n, &options);
        let load = |files: &adversarial::Files| {
            options.clone().files(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).load()
        };
        b.add(
            &format!("adversarial/diagnostics/{n}"),
            n as u64,
            None,
            move || load(diagnostics),
            |r| r.as_ref().is_err_and(|e| e.diagnostics().len() == 101),
        );
        b.add(
            &format!("adversarial/quotes/{n}"),
            n as u64,
            None,
            move || load(quotes),
            move |r| r.as_ref().is_ok_and(|d| d.places().len() == n),
        );
        b.add(
            &format!("adversarial/colliding_names/{n}"),
            n as u64,
            None,
            move || load(names),
            move |r| r.as_ref().is_ok_and(|d| d.places().len() == n),
        );
    }
    hostile_queries.add(&mut b, &scales[0].ds);
    b.run();

    // Hostile queries cost the same per unit of input at the larger size as at the smaller.
    for (row, [lo, hi]) in HostileQueries::ROWS {
        b.target(
            &format!("adversarial/{row}/{hi} vs /{lo}, per unit"),
            ratio(&b, &format!("adversarial/{row}/{hi}"), &format!("adversarial/{row}/{lo}")),
            3.0,
        );
    }

    // Hostile input costs the same per record at 100,000 records as at 1,000 (a quadratic
    // loader would not). Rows are per record: ops = records.
    for row in ["adversarial/diagnostics", "adversarial/quotes", "adversarial/colliding_names"] {
        b.target(
            &format!("{row}/100000 vs {row}/1000, per record"),
            ratio(&b, &format!("{row}/100000"), &format!("{row}/1000")),
            3.0,
        );
    }

    let (lo, hi) = (SIZES[0], SIZES[2]);
    for (row, limit) in
        [("scale/id", 3.0), ("scale/name", 3.0), ("scale/filter10", 2.0), ("search/1word", 2.0), ("search/2words", 2.0)]
    {
        b.target(
            &format!("{row}/{hi} vs {row}/{lo}"),
            ratio(&b, &format!("{row}/{hi}"), &format!("{row}/{lo}")),
            limit,
        );
    }
    b.target(
        &format!("suggest/{hi} vs baseline/suggest_scan/{hi}"),
        ratio(&b, &format!("suggest/{hi}"), &format!("baseline/suggest_scan/{hi}")),
        0.1,
    );
    // Bytes per nanosecond of each size's median, for a row such as `scale/load`.
    let throughputs = |row: &str| -> Vec<f64> {
        scales.iter().filter_map(|s| b.median(&format!("{row}/{}", s.n)).map(|ns| s.bytes as f64 / ns)).collect()
    };
    let (load, serde) = (throughputs("scale/load"), throughputs("scale/serde_json_only"));
    b.target("scale/load throughput: fastest vs slowest size", common::spread(&load), 1.5);
    // Context: how much serde_json alone slows down across the sizes.
    b.context("scale/serde_json_only throughput: fastest vs slowest size", common::spread(&serde));
    for (s, t) in scales.iter().zip(&load) {
        b.context(&format!("scale/load/{}, MB/s", s.n), Some(t * 1e3));
    }
    b.finish();
}

/// Hostile queries at two sizes each, one row per size, ops = units of input: letters of a
/// word no name is near (`suggest_long_word`), bytes of a query (`search_long_query`),
/// words of the passage a 64-word phrase is matched in (`phrase`), dates of one record
/// (`timeline_dates`), and places in a containment chain, the first filter on its top
/// place on a fresh copy of the dataset (`chain`).
struct HostileQueries {
    words: [(usize, Dataset, String); 2],
    queries: [String; 2],
    runs: [(usize, Dataset, String); 2],
    dated: [(usize, Dataset); 2],
    chains: [(usize, Dataset); 2],
}

impl HostileQueries {
    const ROWS: [(&'static str, [usize; 2]); 5] = [
        ("suggest_long_word", [256, 4_096]),
        ("search_long_query", [10_000, 1_000_000]),
        ("phrase", [4_000, 64_000]),
        ("timeline_dates", [1_000, 16_000]),
        ("chain", [1_000, 16_000]),
    ];

    fn new(options: &Loader) -> Self {
        let load = |files: adversarial::Files| options.clone().files(files).load().unwrap_or_else(|e| panic!("{e}"));
        let sizes = |row: usize| Self::ROWS[row].1;
        let words = sizes(0).map(|n| {
            let ds = load(adversarial::long_word_place(n));
            let typed: String = (0..n).map(|i| char::from(b'a' + (i * 11 % 26) as u8)).collect();
            (n, ds, typed)
        });
        let queries = sizes(1).map(|n| "cluster0 zone0 ".repeat(n / 15));
        let runs = sizes(2).map(|n| {
            let (files, run) = adversarial::word_run(n);
            let phrase = run.split(' ').skip(n / 2).take(64).collect::<Vec<_>>().join(" ");
            (n, load(files), format!("\"{phrase}\""))
        });
        let dated = sizes(3).map(|n| (n, load(adversarial::dated_counts(n))));
        let chains = sizes(4).map(|n| (n, load(adversarial::chain(n))));
        HostileQueries { words, queries, runs, dated, chains }
    }

    /// Adds the rows; the long queries run on `small`, a synthetic dataset.
    fn add<'a>(&'a self, b: &mut Bench<'a>, small: &'a Dataset) {
        for (n, ds, typed) in &self.words {
            b.add(
                &format!("adversarial/suggest_long_word/{n}"),
                *n as u64,
                None,
                move || ds.places().suggest(black_box(typed), 5),
                |s| s.is_empty(),
            );
        }
        for q in &self.queries {
            let n = q.len().div_ceil(10_000) * 10_000;
            b.add(
                &format!("adversarial/search_long_query/{n}"),
                q.len() as u64,
                None,
                move || small.search(black_box(q)).len(),
                |&hits| hits > 0,
            );
        }
        for (n, ds, phrase) in &self.runs {
            b.add(
                &format!("adversarial/phrase/{n}"),
                *n as u64,
                None,
                move || ds.search(black_box(phrase)).len(),
                |&hits| hits == 1,
            );
        }
        for (n, ds) in &self.dated {
            b.add(
                &format!("adversarial/timeline_dates/{n}"),
                *n as u64,
                None,
                move || ds.timeline().len(),
                move |&e| e == *n,
            );
        }
        for (n, ds) in &self.chains {
            let top = format!("p-{}", n - 1);
            b.add(
                &format!("adversarial/chain/{n}"),
                *n as u64,
                None,
                move || ds.clone().project_filter().place(black_box(&top)).iter().count(),
                |&found| found == 1,
            );
        }
    }
}

/// `search/<words>/N`: queries whose words occur in ten project descriptions, one word and
/// two; `suggest/N`: names with two letters swapped, against `baseline/suggest_scan/N`, the
/// obvious way (the edit distance from the lower-cased query to every lower-cased name and
/// alias, keeping the closest). The search and suggestion indexes are built by each bench's
/// first, checking call, before any timing.
fn add_search_and_suggest<'a>(
    b: &mut Bench<'a>,
    s: &'a Scale,
    words: &'a [(String, String)],
    typos: &'a [(String, &'a Project)],
) {
    let (n, ds) = (s.n, &s.ds);
    let tens = |total: &usize| *total == 10 * words.len();
    b.add(
        &format!("search/1word/{n}"),
        words.len() as u64,
        None,
        move || words.iter().map(|(one, _)| ds.search(black_box(one)).len()).sum::<usize>(),
        tens,
    );
    b.add(
        &format!("search/2words/{n}"),
        words.len() as u64,
        None,
        move || words.iter().map(|(_, two)| ds.search(black_box(two)).len()).sum::<usize>(),
        tens,
    );
    let right = |r: &Option<&Project>, want: &Project| r.is_some_and(|r| std::ptr::eq(r, want));
    b.add(
        &format!("suggest/{n}"),
        typos.len() as u64,
        None,
        move || {
            typos
                .iter()
                .filter(|(q, want)| right(&ds.projects().suggest(black_box(q), 1).first().map(|s| s.record), want))
                .count()
        },
        move |&hits| hits == typos.len(),
    );
    let names: Vec<(String, &Project)> =
        ds.projects().iter().flat_map(|p| p.names().map(move |name| (name.to_lowercase(), p))).collect();
    b.add(
        &format!("baseline/suggest_scan/{n}"),
        typos.len() as u64,
        None,
        move || {
            let closest = |q: &str| {
                let q = q.to_lowercase();
                names.iter().min_by_key(|(name, _)| strsim::osa_distance(&q, name)).map(|(_, p)| *p)
            };
            typos.iter().filter(|(q, want)| right(&closest(black_box(q)), want)).count()
        },
        move |&hits| hits == typos.len(),
    );
}
