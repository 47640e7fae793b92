//! The draft's words for tables, from `data/draft/table.ron` (embedded).

use std::sync::OnceLock;

use serde::Deserialize;

/// The word list as the file writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableWords {
    pub index_headers: Vec<String>,
    pub missing_marks: Vec<String>,
    pub missing_numbers: Vec<String>,
    /// Headers of a long table's category column that name what is measured (a pollutant, a
    /// parameter), not where: its values then have a unit each.
    pub quantity_headers: Vec<String>,
}

const TABLE_RON: &str = include_str!("../../data/draft/table.ron");

/// The words, read once. The file is part of the binary and tested to parse; were it broken, the
/// draft would know no words rather than stop.
pub fn words() -> &'static TableWords {
    static WORDS: OnceLock<TableWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        ron::Options::default()
            .from_str(TABLE_RON)
            .unwrap_or(TableWords {
                index_headers: Vec::new(),
                missing_marks: Vec::new(),
                missing_numbers: Vec::new(),
                quantity_headers: Vec::new(),
            })
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_word_list_parses() {
        let parsed: Result<super::TableWords, _> =
            ron::Options::default().from_str(super::TABLE_RON);
        assert!(parsed.is_ok(), "{parsed:?}");
    }
}
