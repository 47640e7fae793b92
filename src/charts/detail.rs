//! What a figure's tooltip says: kind and year, the value as the report words it, basis, period,
//! measure, note, source, the earlier figure it revised, and the report's own sentence.

use super::PointDetail;
use crate::format;
use crate::i18n::{basis_label, kind_label, tr};
use crate::model::{DataPoint, Indicator, Lang, Report, Unit};

/// The tooltip of figure `p` of `ind`, in `unit` and `lang`.
pub(super) fn detail(
    report: &Report,
    ind: &Indicator,
    p: &DataPoint,
    unit: &Unit,
    lang: Lang,
) -> PointDetail {
    let mut rows = vec![
        (
            tr(lang, "类型", "Kind").to_owned(),
            kind_label(p.kind, p.year, lang),
        ),
        (
            tr(lang, "数值", "Value").to_owned(),
            // The value as the report words it: "7%左右", "at least 4,100 t/d".
            format::figure_in_words(p, unit, lang),
        ),
        (
            tr(lang, "口径", "Basis").to_owned(),
            basis_label(p.basis, lang).to_owned(),
        ),
        (
            tr(lang, "时期", "Period").to_owned(),
            // A span's years and how the figure reads them, or the part of its year.
            if p.span.is_some() {
                p.time_label(lang)
            } else {
                p.period_label(lang)
                    .unwrap_or_else(|| tr(lang, "全年", "whole year").to_owned())
            },
        ),
    ];
    if let Some(place) = report.source(p.source_id()).and_then(|s| s.place.as_ref()) {
        rows.push((
            tr(lang, "地区", "Place").to_owned(),
            place.name(lang).to_owned(),
        ));
    }
    if let Some(measure) = p
        .measure
        .as_deref()
        .and_then(|m| ind.measures.iter().find(|x| x.id == m))
    {
        rows.push((
            tr(lang, "度量", "Measure").to_owned(),
            measure.name.get(lang).to_owned(),
        ));
    }
    if let Some(note) = &p.note {
        rows.push((
            tr(lang, "说明", "Note").to_owned(),
            note.get(lang).to_owned(),
        ));
    }
    if let Some(source) = report.source(p.source_id()) {
        rows.push((
            tr(lang, "来源", "Source").to_owned(),
            crate::i18n::source_citation(source, lang),
        ));
    }
    // What this figure revised: the same figure as an earlier publication stated it.
    for earlier in ind
        .points
        .iter()
        .filter(|e| e.revised_by.as_deref() == Some(p.source_id()) && e.same_figure(p))
    {
        let from = report.source(earlier.source_id()).map_or_else(
            || earlier.source_id().to_owned(),
            |s| s.title.get(lang).to_owned(),
        );
        rows.push((
            tr(lang, "修订前", "Earlier figure").to_owned(),
            format!(
                "{}{}{from}",
                format::figure_with_unit(earlier, unit, lang),
                tr(lang, "，见", ", in ")
            ),
        ));
    }
    PointDetail {
        title: ind.name.get(lang).to_owned(),
        rows,
        quote: format::readable_quote(&p.quote),
    }
}
