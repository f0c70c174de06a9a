//! Search and suggestions: finding records by what people type.

use crate::Dataset;
use crate::index::search::SearchIndex;
use crate::model::{AnyRecord, Kind, Quote, TextKind};

/// One record a search found, with the text that matched best.
///
/// ```
/// let ds = china_singapore::dataset();
/// let hit = &ds.search("green bonds")[0];
/// println!("{} ({}): {}", hit.record.name(), hit.field, hit.snippet);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Hit<'a> {
    /// The record.
    pub record: AnyRecord<'a>,
    /// Which of its texts matched best.
    pub field: TextKind,
    /// That text, whole.
    pub text: &'a str,
    /// A short part of it around the first word that matched.
    pub snippet: String,
    /// For a quote: the quote, which knows where it sits in its document.
    pub quote: Option<&'a Quote>,
    /// The relevance (BM25, weighted by field: names count most).
    pub score: f32,
}

impl Dataset {
    /// The search index, built the first time a search needs it.
    fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(&self.tables))
    }

    /// Records ranked by how well their texts match `query`, best first: names, aliases,
    /// quotes, aims, descriptions, statements, themes, findings, talk titles, … Words
    /// match whatever their case, punctuation or inflection ("bond" finds "bonds"); words
    /// in double quotes must appear together, as a phrase. Each record comes once, with the
    /// text that matched best.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let hits = ds.search("green bonds");
    /// let top: Vec<&str> = hits.iter().take(2).map(|h| h.record.id()).collect();
    /// assert!(top.contains(&"green-bond-issuance") && top.contains(&"sgx-green-bond-mou"));
    /// let phrase = ds.search("\"digital economy era\"");
    /// assert_eq!(phrase[0].record.id(), "wei-zhe");
    /// ```
    pub fn search(&self, query: &str) -> Vec<Hit<'_>> {
        self.search_among(None, query)
    }

    /// [`Dataset::search`] limited to one kind of record.
    ///
    /// ```
    /// use china_singapore::Kind;
    /// let ds = china_singapore::dataset();
    /// let hits = ds.search_in(Kind::Speaker, "trade rules");
    /// assert_eq!(hits[0].record.id(), "chi-fulin");
    /// assert!(hits.iter().all(|h| h.record.kind() == Kind::Speaker));
    /// ```
    pub fn search_in(&self, kind: Kind, query: &str) -> Vec<Hit<'_>> {
        self.search_among(Some(kind), query)
    }

    fn search_among(&self, kind: Option<Kind>, query: &str) -> Vec<Hit<'_>> {
        let index = self.search_index();
        let ranked = index.search(query, kind);
        ranked
            .into_iter()
            .filter_map(|(score, p)| {
                let record = self.tables.record(p.kind, p.record)?;
                let quote = p.quote.and_then(|n| record.quotes().get(n as usize));
                let snippet = index.snippet(p, query);
                Some(Hit { record, field: p.field, text: &p.text, snippet, quote, score })
            })
            .collect()
    }
}
