//! Categories: unique ids, a name in both languages.

use std::collections::HashSet;

use super::check_id;
use crate::model::Report;
use crate::model::locate::Path;
use crate::path;

pub(super) fn check_categories(report: &Report, fail: &mut impl FnMut(Path, String)) {
    let mut ids = HashSet::new();
    for (c, category) in report.categories.iter().enumerate() {
        check_id(
            fail,
            path!["categories", c, "id"],
            &category.id,
            "category",
            &mut ids,
        );
        if category.zh.trim().is_empty() || category.en.trim().is_empty() {
            fail(
                path!["categories", c],
                format!(
                    "category `{}` has an empty name; expected zh and en names",
                    category.id
                ),
            );
        }
    }
}
