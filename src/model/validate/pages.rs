//! Pages: unique ids that are not reserved, known charts listed once, every chart on some page.

use std::collections::{HashMap, HashSet};

use super::{check_id, check_text, suggestion};
use crate::model::locate::Path;
use crate::model::{RESERVED_PAGE_IDS, Report};
use crate::path;

pub(super) fn check_pages(report: &Report, fail: &mut impl FnMut(Path, String)) {
    let chart_ids: HashSet<&str> = report.charts.iter().map(|c| c.id.as_str()).collect();
    let mut page_ids = HashSet::new();
    let mut on_page: HashMap<&str, usize> = HashMap::new();
    for (g, page) in report.pages.iter().enumerate() {
        check_id(
            fail,
            path!["pages", g, "id"],
            &page.id,
            "page",
            &mut page_ids,
        );
        if RESERVED_PAGE_IDS.contains(&page.id.as_str()) {
            fail(
                path!["pages", g, "id"],
                format!(
                    "page id `{}` is reserved for the window's own page of that name; expected another id, such as `{}_page`",
                    page.id, page.id
                ),
            );
        }
        check_text(fail, path!["pages", g, "title"], &page.title);
        let mut on_this_page = HashSet::new();
        for (c, chart) in page.charts.iter().enumerate() {
            if !on_this_page.insert(chart.as_str()) {
                fail(
                    path!["pages", g, "charts", c],
                    format!(
                        "page `{}` lists chart `{chart}` twice; expected each chart once a page",
                        page.id
                    ),
                );
            }
            if !chart_ids.contains(chart.as_str()) {
                fail(
                    path!["pages", g, "charts", c],
                    format!(
                        "page `{}` names chart `{chart}`, which does not exist; expected a chart id{}",
                        page.id,
                        suggestion(chart, report.charts.iter().map(|c| c.id.as_str()))
                    ),
                );
            }
            *on_page.entry(chart).or_default() += 1;
        }
    }
    for (c, chart) in report.charts.iter().enumerate() {
        if !on_page.contains_key(chart.id.as_str()) {
            fail(
                path!["charts", c, "id"],
                format!(
                    "chart `{}` is on no page; expected it in some page's charts",
                    chart.id
                ),
            );
        }
    }
}
