//! A small benchmark harness (no criterion).
//!
//! Benches are registered first, then sampled round-robin: each of 61 rounds
//! takes one sample of every bench, so drift in a shared, noisy machine's speed hits
//! every bench (and every baseline) alike. A sample batches enough calls to last about a
//! millisecond. Reports the median and minimum nanoseconds per operation, as a table
//! or (`--json`) one JSON object per line. `--test` runs each bench once and only checks
//! its result. Any other argument keeps only the benches whose names contain it (e.g.
//! `cargo bench --bench scale -- adversarial`); targets whose rows were left out are not
//! reported.

#![allow(dead_code)]

use std::hint::black_box;
use std::time::{Duration, Instant};

pub struct Row {
    pub name: String,
    pub median_ns: f64,
    pub min_ns: f64,
    pub samples: usize,
    pub bytes: Option<u64>,
}

struct Entry<'a> {
    name: String,
    ops: u64,
    bytes: Option<u64>,
    /// Runs the bench `n` times and checks the last result.
    run: Box<dyn FnMut(u64) -> bool + 'a>,
}

pub struct Bench<'a> {
    pub json: bool,
    pub quick: bool,
    /// Only benches whose names contain one of these run (all, when empty).
    filters: Vec<String>,
    pub rows: Vec<Row>,
    entries: Vec<Entry<'a>>,
    targets: Vec<(String, f64, f64)>,
    context: Vec<(String, f64)>,
}

pub const SAMPLES: usize = 61;
const SAMPLE_TIME: Duration = Duration::from_millis(1);

impl<'a> Bench<'a> {
    pub fn from_args() -> Self {
        let args: Vec<String> = std::env::args().collect();
        let json = args.iter().any(|a| a == "--json");
        let quick = args.iter().any(|a| a == "--test");
        // cargo passes `--bench`; every other flag is ours.
        let filters = args.iter().skip(1).filter(|a| !a.starts_with("--")).cloned().collect();
        Bench { json, quick, filters, rows: Vec::new(), entries: Vec::new(), targets: Vec::new(), context: Vec::new() }
    }

    /// Registers a bench: `f` performs `ops` operations per call; `check` validates its result.
    pub fn add<R: 'a>(
        &mut self,
        name: &str,
        ops: u64,
        bytes: Option<u64>,
        mut f: impl FnMut() -> R + 'a,
        check: impl Fn(&R) -> bool + 'a,
    ) {
        if !self.filters.is_empty() && !self.filters.iter().any(|f| name.contains(f.as_str())) {
            return;
        }
        let run = Box::new(move |n: u64| {
            let mut last = None;
            for _ in 0..n {
                last = Some(black_box(f()));
            }
            last.is_some_and(|r| check(&r))
        });
        self.entries.push(Entry { name: name.to_owned(), ops, bytes, run });
    }

    /// Checks every bench once, then (unless `--test`) samples them round-robin and prints.
    pub fn run(&mut self) {
        for e in &mut self.entries {
            assert!((e.run)(1), "bench {}: wrong result", e.name);
            if self.quick {
                println!("ok {}", e.name);
            }
        }
        if self.quick {
            return;
        }
        let mut batches = Vec::new();
        for e in &mut self.entries {
            let start = Instant::now();
            let mut calls = 0u64;
            while start.elapsed() < Duration::from_millis(10) || calls < 2 {
                (e.run)(1);
                calls += 1;
            }
            let per_call = start.elapsed().as_secs_f64() / calls as f64;
            batches.push(((SAMPLE_TIME.as_secs_f64() / per_call).ceil() as u64).max(1));
        }
        let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(SAMPLES); self.entries.len()];
        for _ in 0..SAMPLES {
            for (i, e) in self.entries.iter_mut().enumerate() {
                let t = Instant::now();
                let ok = (e.run)(batches[i]);
                let ns = t.elapsed().as_nanos() as f64;
                assert!(ok, "bench {}: wrong result", e.name);
                samples[i].push(ns / (batches[i] * e.ops) as f64);
            }
        }
        for (e, mut s) in self.entries.iter().zip(samples) {
            s.sort_by(|a, b| a.total_cmp(b));
            let row =
                Row { name: e.name.clone(), median_ns: s[s.len() / 2], min_ns: s[0], samples: s.len(), bytes: e.bytes };
            self.print(&row);
            self.rows.push(row);
        }
    }

    fn print(&self, r: &Row) {
        if self.json {
            let bytes = r.bytes.map(|b| format!(", \"bytes\": {b}")).unwrap_or_default();
            println!(
                "{{\"bench\": \"{}\", \"median_ns\": {:.3}, \"min_ns\": {:.3}, \"samples\": {}{bytes}}}",
                r.name, r.median_ns, r.min_ns, r.samples
            );
        } else {
            let extra = match r.bytes {
                Some(b) => format!("  {:>8.1} MB/s ({b} bytes)", b as f64 / r.median_ns * 1e3),
                None => String::new(),
            };
            println!("{:<30} median {:>14.1} ns   min {:>14.1} ns{extra}", r.name, r.median_ns, r.min_ns);
        }
    }

    pub fn median(&self, name: &str) -> Option<f64> {
        self.rows.iter().find(|r| r.name == name).map(|r| r.median_ns)
    }

    /// Records a target: `value` (a ratio of medians from this run) must be at most `limit`.
    pub fn target(&mut self, what: &str, value: Option<f64>, limit: f64) {
        if let Some(v) = value {
            self.targets.push((what.to_owned(), v, limit));
        }
    }

    /// Records a figure that explains a result without being a target.
    pub fn context(&mut self, what: &str, value: Option<f64>) {
        if let Some(v) = value {
            self.context.push((what.to_owned(), v));
        }
    }

    /// Prints every target with its ratio and whether this run met it, then the context.
    pub fn finish(&self) {
        if self.quick {
            return;
        }
        self.print_targets();
        if !self.json && !self.context.is_empty() {
            println!("\ncontext (not targets):");
        }
        for (what, v) in &self.context {
            if self.json {
                println!("{{\"context\": \"{what}\", \"value\": {v:.3}}}");
            } else {
                println!("  {what:<56} {v:>8.2}");
            }
        }
    }

    fn print_targets(&self) {
        if !self.json {
            println!("\ntargets (ratios of medians measured in this run):");
        }
        for (what, v, limit) in &self.targets {
            let pass = v <= limit;
            if self.json {
                println!("{{\"target\": \"{what}\", \"ratio\": {v:.3}, \"limit\": {limit}, \"pass\": {pass}}}");
            } else {
                println!("  {:<56} {:>6.2}x  (limit {limit}x)  {}", what, v, if pass { "ok" } else { "MISSED" });
            }
        }
    }
}

/// Deserialises one record file into its record type with serde_json alone: the baseline
/// for loading. Returns how many records it held (0 for any other file).
pub fn serde_only(path: &str, bytes: &[u8]) -> usize {
    use china_singapore::{Agreement, Document, Forum, Organization, Place, Project, Speaker};
    fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> usize {
        serde_json::from_slice::<Vec<T>>(bytes).map_or(0, |v| v.len())
    }
    match path {
        "documents.json" => parse::<Document>(bytes),
        "places.json" => parse::<Place>(bytes),
        "organizations.json" => parse::<Organization>(bytes),
        "projects.json" => parse::<Project>(bytes),
        "agreements.json" => parse::<Agreement>(bytes),
        "forums.json" => parse::<Forum>(bytes),
        "speakers.json" => parse::<Speaker>(bytes),
        _ => 0,
    }
}

/// The fastest over the slowest of some throughputs (1.0 when they are all equal).
pub fn spread(throughputs: &[f64]) -> Option<f64> {
    let max = throughputs.iter().copied().reduce(f64::max)?;
    let min = throughputs.iter().copied().reduce(f64::min)?;
    Some(max / min)
}

/// Ratio of two medians of this run.
pub fn ratio(b: &Bench<'_>, num: &str, den: &str) -> Option<f64> {
    Some(b.median(num)? / b.median(den)?)
}
