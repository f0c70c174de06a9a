//! Search and suggestions: finding records by what people type.

use serde::Serialize;

use crate::Dataset;
use crate::index::search::{Query, SearchIndex};
use crate::model::{AnyRecord, Kind, Position, Quote, TextKind};

/// One record a search found, with the text that matched best.
///
/// ```
/// let ds = china_singapore::dataset();
/// let hit = &ds.search("green bonds")[0];
/// println!("{} ({}): {}", hit.record.name(), hit.field, hit.snippet);
/// ```
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct Hit<'a> {
    /// The record.
    #[serde(serialize_with = "super::connection::as_endpoint")]
    pub record: AnyRecord<'a>,
    /// Which of its texts matched best.
    pub field: TextKind,
    /// That text, whole.
    pub text: &'a str,
    /// A short part of it around the first word that matched.
    pub snippet: String,
    /// The record's quote that holds the matched text (for a name the text does not use,
    /// or a text no quote holds whole, the record's first quote), which knows where it
    /// sits in its document.
    pub quote: Option<&'a Quote>,
    /// Where the matched text sits in its document, if the quote holds it; else where
    /// the quote sits.
    pub at: Option<Position>,
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
    /// match whatever their case, punctuation or inflection ("bond" finds "bonds").
    ///
    /// - Any word may match: a text holding more of them, and rarer ones, ranks higher.
    /// - A word led by `+` must appear in the matching text (`+5G +blockchain` is an
    ///   all-words search).
    /// - Words in double quotes must appear together, in order, as a phrase.
    ///
    /// Each record comes once, with the text that matched best and the quote holding it. At
    /// most 64 words of the query count (see [the bounds](crate::guide#bounds)).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let hits = ds.search("green bonds");
    /// let top: Vec<&str> = hits.iter().take(2).map(|h| h.record.id()).collect();
    /// assert!(top.contains(&"green-bond-issuance") && top.contains(&"sgx-green-bond-mou"));
    /// let phrase = ds.search("\"digital economy era\"");
    /// assert_eq!(phrase[0].record.id(), "wei-zhe");
    /// let all = ds.search("+5G +blockchain +digital +twins");
    /// assert_eq!(all.len(), 1);
    /// assert_eq!(all[0].record.id(), "ncs-gba-fintech-delivery-center");
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
        let (index, query) = (self.search_index(), Query::parse(query));
        let ranked = index.search(&query, kind);
        ranked
            .into_iter()
            .filter_map(|(score, p)| {
                let record = self.tables.record(p.kind, p.record)?;
                let own = p.quote.and_then(|n| record.quotes().get(n as usize));
                let quote = own.or_else(|| record.quote_containing(&p.text)).or(record.quotes().first());
                let at = quote.and_then(|q| q.locate(&p.text).or(q.position().copied()));
                let snippet = index.snippet(p, &query);
                Some(Hit { record, field: p.field, text: &p.text, snippet, quote, at, score })
            })
            .collect()
    }
}
