//! Sources: at least one, unique ids, a title and issuer in both languages, a publication date
//! that sorts (so the later of two publications can stand), a web address that is one.

use std::collections::HashSet;

use super::{check_id, check_text};
use crate::model::Report;
use crate::model::dataset::date_key;
use crate::model::locate::Path;
use crate::path;

pub(super) fn check_sources(report: &Report, fail: &mut impl FnMut(Path, String)) {
    if report.sources.is_empty() {
        fail(
            path!["sources"],
            "the file declares no source; expected at least one document the figures come from"
                .to_owned(),
        );
    }
    let mut ids = HashSet::new();
    for (s, source) in report.sources.iter().enumerate() {
        check_id(
            fail,
            path!["sources", s, "id"],
            &source.id,
            "source",
            &mut ids,
        );
        check_text(fail, path!["sources", s, "title"], &source.title);
        check_text(fail, path!["sources", s, "issuer"], &source.issuer);
        if date_key(&source.published).is_none() {
            fail(
                path!["sources", s, "published"],
                format!(
                    "source `{}` was published on `{}`; expected a date written YYYY, YYYY-MM or YYYY-MM-DD",
                    source.id, source.published
                ),
            );
        }
        if let Some(url) = &source.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            fail(
                path!["sources", s, "url"],
                format!(
                    "source `{}` has url `{url}`; expected a web address starting with https:// or http://",
                    source.id
                ),
            );
        }
        if let Some(text) = &source.text
            && text.trim().is_empty()
        {
            fail(
                path!["sources", s, "text"],
                format!(
                    "source `{}` names an empty text file; expected a path relative to the data file, or no `text`",
                    source.id
                ),
            );
        }
    }
}
