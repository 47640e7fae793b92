//! Units: unique ids, a symbol in both languages.

use std::collections::HashSet;

use super::check_id;
use crate::model::Report;
use crate::model::locate::Path;
use crate::path;

pub(super) fn check_units(report: &Report, fail: &mut impl FnMut(Path, String)) {
    let mut unit_ids = HashSet::new();
    for (u, unit) in report.units.iter().enumerate() {
        check_id(
            fail,
            path!["units", u, "id"],
            &unit.id,
            "unit",
            &mut unit_ids,
        );
        if unit.zh.trim().is_empty() || unit.en.trim().is_empty() {
            fail(
                path!["units", u],
                format!(
                    "unit `{}` has an empty symbol; expected zh and en symbols",
                    unit.id
                ),
            );
        }
    }
}
