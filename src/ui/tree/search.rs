//! Searching titles and details: an index built once, and a search that
//! narrows the previous matches while the query grows.

use crate::checklist::Checklist;
use crate::ui::markdown;

/// Lowercased title and detail of every item, built once, so that each search
/// keystroke is a scan of plain bytes. A detail is Markdown blocks: what is
/// searched is the text a reader sees of it (code included), so a word
/// split by markup (`roll**back**`) is found and markup alone is not.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(checklist: &Checklist) -> SearchIndex {
        let haystacks = checklist
            .items()
            .iter()
            .map(|item| {
                let mut text = item.title.to_lowercase();
                if let Some(detail) = &item.detail {
                    text.push('\n');
                    text.push_str(&markdown::visible_text(detail).to_lowercase());
                }
                text
            })
            .collect();
        SearchIndex { haystacks }
    }
}

/// An active search: the query and the items that match it, in order.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub matches: Vec<usize>,
}

impl Search {
    /// Narrows to `query`. When it extends the previous query only the previous
    /// matches are scanned again, so typing narrows ever faster.
    pub fn update(&mut self, index: &SearchIndex, query: &str) {
        let needle = query.to_lowercase();
        let previous = self.query.to_lowercase();
        let narrowing = !self.query.is_empty() && needle.starts_with(&previous);
        self.matches = if needle.is_empty() {
            Vec::new()
        } else if narrowing {
            self.matches
                .iter()
                .copied()
                .filter(|&i| index.haystacks[i].contains(&needle))
                .collect()
        } else {
            (0..index.haystacks.len())
                .filter(|&i| index.haystacks[i].contains(&needle))
                .collect()
        };
        query.clone_into(&mut self.query);
    }

    pub(super) fn admits(&self, item: usize) -> bool {
        self.matches.binary_search(&item).is_ok()
    }
}
