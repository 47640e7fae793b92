//! Categories: unique ids, a name in both languages.

use super::check_ids;
use crate::model::locate::Path;
use crate::model::{Msg, Report};
use crate::path;

/// What the section's items are called.
const NOUN: super::Noun = ("category", "类别");

pub(super) fn check_categories(report: &Report, fail: &mut impl FnMut(Path, Msg)) {
    check_ids(&report.categories, "categories", NOUN, |c| &c.id, fail);
    for (c, category) in report.categories.iter().enumerate() {
        if category.zh.trim().is_empty() || category.en.trim().is_empty() {
            let id = &category.id;
            fail(
                path!["categories", c],
                Msg::new(
                    format!("category `{id}` has an empty name; expected zh and en names"),
                    format!("类别 `{id}` 的名称为空；应有 zh 和 en 两种名称"),
                ),
            );
        }
    }
}
