//! What RON's terse syntax errors mean in a planboard data file, said in words a person writing
//! one can act on: a file in the old form, a missing `implicit_some`, a unit after a number, a
//! year with a fraction.

use ron::error::{Error, SpannedError};

/// Where to read about the data format.
const SEE: &str = "see the README, section \"Data format\"";

/// A hint to add to a syntax error, when the error's text and place say more than RON does.
pub fn hint(text: &str, err: &SpannedError) -> Option<String> {
    let line = text
        .lines()
        .nth(err.span.start.line.saturating_sub(1))
        .unwrap_or("");
    let col = err.span.start.col.saturating_sub(1);
    let before: String = line.chars().take(col).collect();
    let at: String = line.chars().skip(col).collect();
    match &err.code {
        Error::NoSuchStructField { found, .. } if found == "source" => Some(format!(
            "this file is in the old form, with one `source: (file, name)`; a file now declares `sources: [(id, title, issuer, kind, published, url, text)]` and `categories: [(id, zh, en)]`, and each figure may name its `source`; {SEE}, \"Moving a file from the old form\""
        )),
        Error::MissingStructField { field, .. } if *field == "sources" || *field == "categories" => {
            Some(format!(
                "a data file declares its `sources` and its `categories`; a file in the old form needs both added; {SEE}, \"Moving a file from the old form\""
            ))
        }
        Error::ExpectedString if before.trim_end().ends_with("category:") => Some(format!(
            "a category is now the id of one declared in `categories`, written as a string: `category: \"{}\"` (the old form named a fixed list); {SEE}",
            at.split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("economy")
                .to_lowercase()
        )),
        Error::ExpectedOption => Some(
            "the file's first line must be `#![enable(implicit_some)]`, which lets optional fields (period, note, source …) be written without `Some(…)`"
                .to_owned(),
        ),
        Error::ExpectedComma | Error::ExpectedInteger | Error::ExpectedStructLikeEnd
            if field_before(&before) == Some("year") =>
        {
            Some("a year is a whole number, such as `year: 2022`".to_owned())
        }
        Error::ExpectedComma | Error::ExpectedStructLikeEnd
            if before.trim_end().ends_with(|c: char| c.is_ascii_digit())
                && matches!(field_before(&before), Some("value")) =>
        {
            Some(format!(
                "a value is a plain number without its unit or scale word: write `value: {}` and declare the unit on the indicator (1.3万 is written 13000.0)",
                before.rsplit(':').next().unwrap_or("").trim()
            ))
        }
        _ => None,
    }
}

/// The name of the field whose value the text before the error belongs to: `value` in
/// `Point(year: 2022, value: 3.1`.
fn field_before(before: &str) -> Option<&str> {
    let head = before.rsplit_once(':')?.0.trim_end();
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    Some(&head[start..])
}

#[cfg(test)]
mod tests {
    use super::field_before;

    #[test]
    fn the_field_before_an_error() {
        assert_eq!(field_before("Point(year: 2022, value: 3.1"), Some("value"));
        assert_eq!(field_before("    Point(year: 2022"), Some("year"));
    }
}
