//! Units: unique ids, a symbol in both languages (or none in either, for a pure number).

use super::check_ids;
use crate::model::locate::Path;
use crate::model::{Msg, Report};
use crate::path;

pub(super) fn check_units(report: &Report, fail: &mut impl FnMut(Path, Msg)) {
    check_ids(&report.units, "units", ("unit", "单位"), |u| &u.id, fail);
    for (u, unit) in report.units.iter().enumerate() {
        // Both symbols empty: a pure number (a part of a ratio, an index). One of them empty is a
        // slip.
        if unit.zh.trim().is_empty() != unit.en.trim().is_empty() {
            let id = &unit.id;
            fail(
                path!["units", u],
                Msg::new(
                    format!("unit `{id}` has an empty symbol; expected zh and en symbols"),
                    format!("单位 `{id}` 的符号为空；应有 zh 和 en 两种符号"),
                ),
            );
        }
    }
}
