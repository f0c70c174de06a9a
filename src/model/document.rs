use core::fmt;

use serde::{Deserialize, Serialize};

use super::{Alias, Describe, DocumentId, Kind, Quote, TextKind, Visitor, Year, impl_record};

/// A source article. Its full text is kept verbatim under `data/sources/`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Document {
    /// The id, e.g. `csgkc-knowledge-highland`.
    pub id: DocumentId,
    /// The headline, as written.
    pub title: String,
    /// Other names (rarely used for documents).
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// The text file under `sources/` that holds the article.
    pub file: String,
    /// Section headings within the article, as written.
    #[serde(default)]
    pub subheadings: Vec<String>,
    /// The year of publication, if the text gives or implies it.
    #[serde(default)]
    pub year: Option<Year>,
    /// What the text says, or does not say, of its own date.
    pub date_note: String,
    /// Verbatim passages (the headline).
    pub quotes: Vec<Quote>,
    /// The full text, read from `sources/<file>`; documents citing one source share it.
    #[serde(skip_deserializing)]
    pub text: std::sync::Arc<str>,
}

impl_record!(Document, Kind::Document, title, |_: &Document| super::NameSource::Text);

impl Describe for Document {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        if let Some(y) = &self.year {
            y.describe("year", v);
        }
        for h in &self.subheadings {
            v.text(TextKind::Subheading, h);
        }
    }
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — sources/{}", self.title, self.id, self.file)?;
        match &self.year {
            Some(y) if y.is_inferred() => write!(f, ", {} (inferred)", y.value),
            Some(y) => write!(f, ", {}", y.value),
            None => f.write_str(", undated"),
        }
    }
}
