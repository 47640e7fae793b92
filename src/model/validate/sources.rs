//! Sources: at least one, unique ids, a title and issuer in both languages, a publication date
//! that sorts (so the later of two publications can stand), a web address that is one.

use super::{check_ids, check_text};
use crate::model::dataset::date_key;
use crate::model::locate::Path;
use crate::model::{Msg, Report};
use crate::path;

/// What the section's items are called.
const NOUN: super::Noun = ("source", "来源");

pub(super) fn check_sources(report: &Report, fail: &mut impl FnMut(Path, Msg)) {
    if report.sources.is_empty() {
        fail(
            path!["sources"],
            Msg::new(
                "the file declares no source; expected at least one document the figures come from",
                "文件没有声明任何来源；应至少声明一份数据出处的文件",
            ),
        );
    }
    check_ids(&report.sources, "sources", NOUN, |s| &s.id, fail);
    for (s, source) in report.sources.iter().enumerate() {
        check_text(fail, path!["sources", s, "title"], &source.title);
        check_text(fail, path!["sources", s, "issuer"], &source.issuer);
        if let Some((en, zh)) = source.place.as_ref().and_then(crate::model::Place::problem) {
            fail(
                path!["sources", s, "place"],
                Msg::new(
                    format!("source `{}`: {en}", source.id),
                    format!("来源 `{}`：{zh}", source.id),
                ),
            );
        }
        // A record's source may leave out when it was published.
        let unstated = source.published.is_empty() && report.is_record_only();
        if !unstated && date_key(&source.published).is_none() {
            let (id, published) = (&source.id, &source.published);
            fail(
                path!["sources", s, "published"],
                Msg::new(
                    format!(
                        "source `{id}` was published on `{published}`; expected a date written YYYY, YYYY-MM or YYYY-MM-DD"
                    ),
                    format!(
                        "来源 `{id}` 的发布日期写作 `{published}`；日期应写成 YYYY、YYYY-MM 或 YYYY-MM-DD"
                    ),
                ),
            );
        }
        if let Some(url) = &source.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            let id = &source.id;
            fail(
                path!["sources", s, "url"],
                Msg::new(
                    format!(
                        "source `{id}` has url `{url}`; expected a web address starting with https:// or http://"
                    ),
                    format!("来源 `{id}` 的 url 为 `{url}`；应为以 https:// 或 http:// 开头的网址"),
                ),
            );
        }
        if let Some(text) = &source.text
            && text.trim().is_empty()
        {
            let id = &source.id;
            fail(
                path!["sources", s, "text"],
                Msg::new(
                    format!(
                        "source `{id}` names an empty text file; expected a path relative to the data file, or no `text`"
                    ),
                    format!("来源 `{id}` 的原文文件名为空；应为相对数据文件的路径，或不写 `text`"),
                ),
            );
        }
    }
}
