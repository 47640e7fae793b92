//! A time chart's body built for a view: the records and figures, the window, the value axis,
//! the means and the counts over each limit in the window, the records' sources.

use super::{
    DrawnCache, FigureSpan, Instant, LimitCount, TimeChart, TimeLine, TimeView, fit_window,
    means_name, period_name,
};
use crate::charts::detail::detail;
use crate::charts::{ChartSpec, Input, Series};
use crate::format;
use crate::i18n::{source_citation, tr};
use crate::model::series::{Averaging, Exceedance, exceedance};
use crate::model::time;
use crate::model::{Lang, Qualifier, ReferenceLine};

/// Build a time chart's body for `view`; fills the spec's categories (none), ranges and sources.
pub(in crate::charts) fn build_time(
    spec: &mut ChartSpec,
    input: &Input<'_>,
    view: &TimeView,
) -> TimeChart {
    let (means, zero) = (view.means, view.zero);
    let (series, extent) = time_series(spec, input);
    let view = fit_window(view.window.unwrap_or(extent), extent);
    spec.x_range = (view.0 as f64, view.1 as f64);
    let summary = value_axis(spec, input, &series, (view, extent), zero);
    let counts = limit_counts(spec, input, &series, view, extent);
    cite_records(spec, input);
    let zone = series
        .iter()
        .find_map(|s| s.figures.samples.as_ref())
        .map(|s| s.zone().clone())
        .unwrap_or_default();
    TimeChart {
        series,
        extent,
        view,
        means,
        zero,
        summary,
        counts,
        drawn: DrawnCache::default(),
        zone,
    }
}

/// A series an indicator: its record and the report's figures over the time they cover; and the
/// extent of them all (an instant to the next when there is nothing).
fn time_series(spec: &ChartSpec, input: &Input<'_>) -> (Vec<Series<TimeLine>>, (Instant, Instant)) {
    let lang = spec.lang;
    let mut series = Vec::new();
    let mut extent: Option<(Instant, Instant)> = None;
    let mut widen = |a: Instant, b: Instant| {
        extent = Some(extent.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
    };
    for (color, ind) in input.indicators.iter().enumerate() {
        let samples = ind.samples.clone();
        if let Some((a, b)) = samples.as_ref().and_then(|s| s.extent()) {
            widen(a, b);
        }
        let spans: Vec<FigureSpan> = input
            .chart
            .drawn_points(ind)
            .into_iter()
            .filter_map(|p| {
                let (start, end) = time::span(p.year, p.part)?;
                Some(FigureSpan {
                    start,
                    end,
                    value: p.value,
                    qualifier: p.qualifier,
                    label: format::figure_label(p, &spec.unit, lang),
                    detail: detail(input.report, ind, p, &spec.unit, lang),
                })
            })
            .collect();
        for s in &spans {
            widen(s.start, s.end);
        }
        series.push(Series {
            id: ind.id.clone(),
            name: ind.name.get(lang).to_owned(),
            color,
            visible: input.visible(ind),
            figures: TimeLine { samples, spans },
        });
    }
    (series, extent.unwrap_or((0, 1)))
}

/// The value axis follows what is visible: the records' extremes in the window (from the
/// pyramid, exact), the figures over it, and the visible reference lines. Sets the spec's value
/// range; gives each visible record's mean in the window, read from the same extremes.
fn value_axis(
    spec: &mut ChartSpec,
    input: &Input<'_>,
    series: &[Series<TimeLine>],
    (view, extent): ((Instant, Instant), (Instant, Instant)),
    zero: bool,
) -> Vec<String> {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let mut summary = Vec::new();
    for s in series.iter().filter(|s| s.visible) {
        if let Some(samples) = &s.figures.samples {
            // [from, to): the value at `to` is outside the window, but at the record's end its
            // last value is in.
            let end = if view.1 >= extent.1 {
                view.1.saturating_add(1)
            } else {
                view.1
            };
            let range = samples.range(view.0, end);
            let e = samples.extremes(range);
            if e.count > 0 {
                lo = lo.min(e.min);
                hi = hi.max(e.max);
            }
            if let Some(mean) = e.mean() {
                summary.push(mean_text(&s.name, mean, e.count, spec, series.len() > 1));
            }
        }
        for f in s
            .figures
            .spans
            .iter()
            .filter(|f| f.end > view.0 && f.start < view.1)
        {
            lo = lo.min(f.value);
            hi = hi.max(f.value);
        }
    }
    for line in &input.chart.reference_lines {
        if !input
            .hidden
            .contains(&crate::charts::reference_key(&line.id))
        {
            lo = lo.min(line.value);
            hi = hi.max(line.value);
        }
    }
    // The axis fits the data; zero is kept when the data comes near it, or when asked.
    spec.value_range = crate::charts::layout::fit::fit(lo, hi, zero);
    summary
}

/// For each visible limit with a period (a daily or yearly mean) and each visible record, how many
/// periods in the window are over it.
fn limit_counts(
    spec: &ChartSpec,
    input: &Input<'_>,
    series: &[Series<TimeLine>],
    view: (Instant, Instant),
    extent: (Instant, Instant),
) -> Vec<LimitCount> {
    let mut counts = Vec::new();
    for line in &input.chart.reference_lines {
        let (Some(per), key) = (line.averaging, crate::charts::reference_key(&line.id)) else {
            continue;
        };
        if input.hidden.contains(&key) {
            continue;
        }
        for (k, s) in series.iter().enumerate().filter(|(_, s)| s.visible) {
            let Some(samples) = &s.figures.samples else {
                continue;
            };
            // Periods wholly in the window count; at the record's ends its first and last
            // periods count whole, though the rows stop inside them.
            let from = if view.0 <= extent.0 {
                Instant::MIN / 4
            } else {
                view.0
            };
            let to = if view.1 >= extent.1 {
                Instant::MAX / 4
            } else {
                view.1
            };
            let count = exceedance(samples, per, line.value, from, to);
            // A window shorter than the period holds none: nothing to say (a month has no year).
            if count.valid == 0 {
                continue;
            }
            let name = if series.len() > 1 {
                format!("{}{}", s.name, tr(spec.lang, "：", ": "))
            } else {
                String::new()
            };
            counts.push(LimitCount {
                line: key.clone(),
                series: k,
                per,
                count,
                text: count_text(spec, line, per, count, &name),
            });
        }
    }
    counts
}

/// "12 个日均值超过75微克/立方米（二级；有效 365 个日）" / "12 of 365 valid days over …".
fn count_text(
    spec: &ChartSpec,
    line: &ReferenceLine,
    per: Averaging,
    count: Exceedance,
    name: &str,
) -> String {
    let lang = spec.lang;
    let value = format::value_with_unit(line.value, Qualifier::Exact, &spec.unit, lang);
    let label = line.label.get(lang);
    match lang {
        Lang::Zh => format!(
            "{name}{} {}{}超过{value}（{label}；有效 {} {}）",
            count.over,
            period_name(per, lang),
            means_name(per, lang),
            count.valid,
            period_name(per, lang),
        ),
        Lang::En => format!(
            "{name}{} of {} valid {} over {value} ({label})",
            format::number(count.over as f64, lang),
            format::number(count.valid as f64, lang),
            period_name(per, lang)
        ),
    }
}

/// The records' sources, cited once a record.
fn cite_records(spec: &mut ChartSpec, input: &Input<'_>) {
    let lang = spec.lang;
    for ind in input.indicators.iter().filter(|i| input.visible(i)) {
        if let Some(source) = ind
            .series
            .as_ref()
            .and_then(|s| input.report.source(&s.source))
        {
            let citation = source_citation(source, lang);
            if !spec.sources.contains(&citation) {
                spec.sources.push(citation);
            }
        }
    }
}

/// "均值 98.6 微克/立方米（41757 个值）" / "mean 98.6 μg/m³ of 41,757 values".
fn mean_text(name: &str, mean: f64, count: u64, spec: &ChartSpec, named: bool) -> String {
    let lang = spec.lang;
    let value = format::statistic_with_unit(mean, &spec.unit, lang);
    let who = if named {
        format!("{name}{}", tr(lang, "：", ": "))
    } else {
        String::new()
    };
    match lang {
        Lang::Zh => format!("{who}均值 {value}（{count} 个值）"),
        Lang::En => format!(
            "{who}mean {value} of {} values",
            format::number(count as f64, lang)
        ),
    }
}
