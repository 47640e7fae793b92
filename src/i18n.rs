//! The app's own words in both languages. Data names come from the data file; these are the few
//! labels the app adds around them.

use crate::model::{Basis, Lang, PointKind};

/// Pick the text for `lang`.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// "2022年完成" / "2022 result", "2023年目标" / "2023 target", "起点" / "starting level".
pub fn kind_label(kind: PointKind, year: i32, lang: Lang) -> String {
    match (kind, lang) {
        (PointKind::Actual, Lang::Zh) => format!("{year}年完成"),
        (PointKind::Actual, Lang::En) => format!("{year} result"),
        (PointKind::Target, Lang::Zh) => format!("{year}年目标"),
        (PointKind::Target, Lang::En) => format!("{year} target"),
        (PointKind::Baseline, Lang::Zh) => "起点".to_owned(),
        (PointKind::Baseline, Lang::En) => "starting level".to_owned(),
    }
}

/// A figure's kind and its time: "2025年完成", or over a span of years "2021—2025年年均完成" /
/// "result, 2021–2025, a year on average".
pub fn kind_time_label(
    kind: PointKind,
    year: i32,
    span: Option<crate::model::Span>,
    lang: Lang,
) -> String {
    let Some(span) = span else {
        return kind_label(kind, year, lang);
    };
    let (span, kind) = (span.label(year, lang), kind_name(kind, lang));
    match lang {
        Lang::Zh => format!("{span}{kind}"),
        Lang::En => format!("{kind}, {span}"),
    }
}

/// The kind alone, without a year: for keys that explain bar fills.
pub fn kind_name(kind: PointKind, lang: Lang) -> &'static str {
    match kind {
        PointKind::Actual => tr(lang, "完成", "result"),
        PointKind::Target => tr(lang, "目标", "target"),
        PointKind::Baseline => tr(lang, "起点", "starting level"),
    }
}

pub fn basis_label(basis: Basis, lang: Lang) -> &'static str {
    let names = basis.names();
    tr(lang, names.zh, names.en)
}

/// How a figure's source is named to a reader: "《title》（issuer，published）"; a record's
/// source that states no publication date is named by its title and issuer.
pub fn source_citation(source: &crate::model::Source, lang: Lang) -> String {
    if source.published.is_empty() {
        return match lang {
            Lang::Zh => format!("《{}》（{}）", source.title.zh, source.issuer.zh),
            Lang::En => format!("{} ({})", source.title.en, source.issuer.en),
        };
    }
    match lang {
        Lang::Zh => format!(
            "《{}》（{}，{}）",
            source.title.zh, source.issuer.zh, source.published
        ),
        Lang::En => format!(
            "{} ({}, {})",
            source.title.en, source.issuer.en, source.published
        ),
    }
}
