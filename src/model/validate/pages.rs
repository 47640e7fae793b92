//! Pages: unique ids that are not reserved, known charts listed once, every chart on some page.

use std::collections::{HashMap, HashSet};

use super::{check_ids, check_text, suggestion};
use crate::model::locate::Path;
use crate::model::{Msg, RESERVED_PAGE_IDS, Report};
use crate::path;

pub(super) fn check_pages(report: &Report, fail: &mut impl FnMut(Path, Msg)) {
    let chart_ids: HashSet<&str> = report.charts.iter().map(|c| c.id.as_str()).collect();
    check_ids(&report.pages, "pages", ("page", "页面"), |p| &p.id, fail);
    let mut on_page: HashMap<&str, usize> = HashMap::new();
    for (g, page) in report.pages.iter().enumerate() {
        if RESERVED_PAGE_IDS.contains(&page.id.as_str()) {
            let id = &page.id;
            fail(
                path!["pages", g, "id"],
                Msg::new(
                    format!(
                        "page id `{id}` is reserved for the window's own page of that name; expected another id, such as `{id}_page`"
                    ),
                    format!("页面 id `{id}` 已留给窗口自带的同名页面；应换一个 id，如 `{id}_page`"),
                ),
            );
        }
        check_text(fail, path!["pages", g, "title"], &page.title);
        let mut on_this_page = HashSet::new();
        for (c, chart) in page.charts.iter().enumerate() {
            if !on_this_page.insert(chart.as_str()) {
                let id = &page.id;
                fail(
                    path!["pages", g, "charts", c],
                    Msg::new(
                        format!(
                            "page `{id}` lists chart `{chart}` twice; expected each chart once a page"
                        ),
                        format!(
                            "页面 `{id}` 两次列出图表 `{chart}`；同一页面中每张图表只应列出一次"
                        ),
                    ),
                );
            }
            if !chart_ids.contains(chart.as_str()) {
                let id = &page.id;
                let hint = suggestion(chart, report.charts.iter().map(|c| c.id.as_str()));
                fail(
                    path!["pages", g, "charts", c],
                    Msg::new(
                        format!(
                            "page `{id}` names chart `{chart}`, which does not exist; expected a chart id{}",
                            hint.en
                        ),
                        format!(
                            "页面 `{id}` 引用了不存在的图表 `{chart}`；应为已有图表的 id{}",
                            hint.zh
                        ),
                    ),
                );
            }
            *on_page.entry(chart).or_default() += 1;
        }
    }
    for (c, chart) in report.charts.iter().enumerate() {
        if !on_page.contains_key(chart.id.as_str()) {
            let id = &chart.id;
            fail(
                path!["charts", c, "id"],
                Msg::new(
                    format!("chart `{id}` is on no page; expected it in some page's charts"),
                    format!("图表 `{id}` 不在任何页面上；应列入某个页面的 charts"),
                ),
            );
        }
    }
}
