//! Categories: unique ids, a name in both languages.

use std::collections::HashSet;

use super::check_id;
use crate::model::locate::Path;
use crate::model::{Msg, Report};
use crate::path;

pub(super) fn check_categories(report: &Report, fail: &mut impl FnMut(Path, Msg)) {
    let mut ids = HashSet::new();
    for (c, category) in report.categories.iter().enumerate() {
        check_id(
            fail,
            path!["categories", c, "id"],
            &category.id,
            ("category", "类别"),
            &mut ids,
        );
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
