//! Time charts: monitoring records on a calendar axis, with the report's figures drawn across the
//! time they cover, the visible range's mean, and the count of periods over each limit.
//!
//! What is visible is a [`TimeView`]: the window of time and whether means are drawn. The view
//! belongs to whoever shows the chart (the window keeps one a chart; an image is made with the
//! window's); the spec is built for it, so an image shows what the window shows.

pub mod axis;
mod build;
mod decimate;

use std::sync::Arc;

pub(in crate::charts) use build::build_time;
pub use decimate::{Runs, decimate};

use super::{ChartSpec, Kind, PointDetail, Series, SeriesView};
use crate::format;
use crate::i18n::tr;
use crate::model::series::{Averaging, Exceedance, Samples};
use crate::model::time::{Instant, Precision};
use crate::model::zone::Zone;
use crate::model::{Lang, Qualifier};

/// What part of a time chart is shown, and how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TimeView {
    /// The visible time from, to (instants); the whole record when `None`.
    pub window: Option<(Instant, Instant)>,
    /// Draw the means per period over the raw values (drawn faint beneath).
    pub means: Option<Averaging>,
    /// Keep zero on the value axis, however far the data is from it (从零开始 / Start at zero).
    pub zero: bool,
}

/// A time chart, built for one view.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeChart {
    pub series: Vec<Series<TimeLine>>,
    /// Every series' time, from first to last.
    pub extent: (Instant, Instant),
    /// What is visible (within the extent, at least a minute).
    pub view: (Instant, Instant),
    pub means: Option<Averaging>,
    /// Whether the value axis was asked to start at zero.
    pub zero: bool,
    /// The visible series' means and counts over the visible range, in words: what the chart's
    /// summary line and an image's footnote say.
    pub summary: Vec<String>,
    /// Periods over each reference line that has an averaging, per visible record.
    pub counts: Vec<LimitCount>,
    /// Drawings already decimated for this view: a frame where only the pointer moved reads them.
    pub drawn: DrawnCache,
    /// The calendar the axis, the range and the hover write times in: the first record's zone
    /// (China's for a chart of report figures alone). An axis has one calendar; a record in
    /// another zone has its hover's times named with their zone.
    pub zone: Zone,
}

/// (series, means or raw, from, to, columns): what a decimated drawing is for.
type DrawnKey = (usize, bool, u64, u64, usize);

/// Decimated runs by [`DrawnKey`]. Two specs are equal whatever
/// their caches hold; a clone starts empty.
#[derive(Debug, Default)]
pub struct DrawnCache(std::sync::Mutex<std::collections::HashMap<DrawnKey, Arc<Runs>>>);

impl Clone for DrawnCache {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for DrawnCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// One series of a time chart: a record, or a report's figures across their times.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeLine {
    pub samples: Option<Arc<Samples>>,
    pub spans: Vec<FigureSpan>,
}

/// A report's figure drawn across the time it covers: a year's mean PM2.5 over the year.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureSpan {
    pub start: Instant,
    pub end: Instant,
    pub value: f64,
    pub qualifier: Qualifier,
    pub label: String,
    pub detail: PointDetail,
}

/// The periods of a record over a limit in the visible range.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitCount {
    /// The reference line's toggle key.
    pub line: String,
    /// The series' index.
    pub series: usize,
    pub per: Averaging,
    pub count: Exceedance,
    /// "2010-01-01—2014-12-31：896 天超过 75微克/立方米（有效日 1711 天）".
    pub text: String,
}

/// The exact value nearest the pointer, as the hover shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct HoverPoint {
    pub series: usize,
    pub t: Instant,
    pub value: f64,
    /// "2014-01-01 13:00".
    pub time: String,
    /// "85 微克/立方米".
    pub value_text: String,
    /// For a mean: "24 个值的均值" / "mean of 24 values".
    pub note: Option<String>,
}

/// A period's words, one table: its name in a count and its means, in each language.
fn averaging_words(per: Averaging) -> [&'static str; 4] {
    match per {
        Averaging::Hour => ["小时", "hours", "小时均值", "hourly means"],
        Averaging::Day => ["天", "days", "日均值", "daily means"],
        Averaging::Month => ["个月", "months", "月均值", "monthly means"],
        Averaging::Year => ["年", "years", "年均值", "yearly means"],
    }
}

/// A period's name in a count: "天" / "days".
pub fn period_name(per: Averaging, lang: Lang) -> &'static str {
    let [zh, en, _, _] = averaging_words(per);
    crate::i18n::tr(lang, zh, en)
}

/// "日均值" / "daily means".
pub fn means_name(per: Averaging, lang: Lang) -> &'static str {
    let [_, _, zh, en] = averaging_words(per);
    crate::i18n::tr(lang, zh, en)
}

/// The shortest window a view may narrow to: a few minutes.
pub const MIN_WINDOW: i64 = 10 * 60;

/// The part of a window within the extent, at least [`MIN_WINDOW`] wide (widened about its middle):
/// what is shown of a window asked for (`--from 2012-06-01` alone runs to the record's end).
pub fn fit_window(window: (Instant, Instant), extent: (Instant, Instant)) -> (Instant, Instant) {
    let (e0, e1) = extent;
    let (a, b) = (window.0.max(e0), window.1.min(e1));
    let least = MIN_WINDOW.min((e1 - e0).max(1));
    if b - a >= least {
        return (a, b);
    }
    let middle = a / 2 + b / 2;
    let start = (middle - least / 2).clamp(e0, (e1 - least).max(e0));
    (start, start + least)
}

/// A window moved back inside the extent, keeping its width (at least [`MIN_WINDOW`], at most the
/// extent): a pan that runs past the record's end stops there.
pub fn clamp_window(window: (Instant, Instant), extent: (Instant, Instant)) -> (Instant, Instant) {
    let (e0, e1) = extent;
    let full = (e1 - e0).max(1);
    let width = window
        .1
        .saturating_sub(window.0)
        .clamp(MIN_WINDOW.min(full), full);
    // A record of one instant has no room to move in: it starts the window.
    let start = window.0.clamp(e0, (e1 - width).max(e0));
    (start, start + width)
}

/// A time chart lays itself out on its calendar axis (`axis.rs`) and draws its own hover
/// (`TimeChart::hover`): the plain layout, no figure under the pointer, and the value range fitted
/// when it was built.
impl Kind for TimeChart {
    fn series(&self) -> Vec<SeriesView<'_>> {
        self.series.iter().map(|s| s.view([&[], &[]])).collect()
    }

    fn colours_name_series(&self) -> bool {
        true
    }

    fn value_range(&self, _spec: &ChartSpec, built: (f64, f64)) -> (f64, f64) {
        built
    }
}

impl TimeChart {
    /// The visible range as a reader writes it: "2014-01-01 00:00 — 2014-12-31 23:00", in the
    /// chart's zone, named when it is not China's ("… 23:00 (UTC)", "…（America/New_York）").
    pub fn range_text(&self, lang: Lang) -> String {
        let precision = self
            .series
            .iter()
            .filter_map(|s| s.figures.samples.as_ref())
            .map(|s| s.precision)
            .max()
            .unwrap_or(Precision::Day);
        let range = format!(
            "{} — {}",
            self.zone.format_instant(self.view.0, precision),
            self.zone.format_instant(self.view.1, precision)
        );
        match (self.zone.note(), lang) {
            (None, _) => range,
            (Some(zone), Lang::Zh) => format!("{range}（{zone}）"),
            (Some(zone), Lang::En) => format!("{range} ({zone})"),
        }
    }

    /// An instant of series `k`'s record as its hover writes it: in the chart's zone, named when
    /// it is not China's; a record in another zone than the chart's, in its own, always named.
    fn time_text(&self, samples: &Samples, t: Instant, precision: Precision) -> String {
        let zone = samples.zone();
        if *zone == self.zone {
            return zone.format_labelled(t, precision);
        }
        format!("{} {}", zone.format_instant(t, precision), zone.name_at(t))
    }

    /// The record drawn for a series: its means when the view asks for them, else the raw values.
    pub fn drawn_samples(&self, series: usize) -> Option<Arc<Samples>> {
        let raw = self.series.get(series)?.figures.samples.as_ref()?;
        Some(match self.means {
            Some(per) => raw.means(per),
            None => raw.clone(),
        })
    }

    /// Series `series` decimated to `columns` from `t0` to `t1`: its means when `means`, else its
    /// raw values; computed once a view and width.
    pub fn decimated(
        &self,
        series: usize,
        means: bool,
        t0: f64,
        t1: f64,
        columns: usize,
    ) -> Arc<Runs> {
        let key = (series, means, t0.to_bits(), t1.to_bits(), columns);
        if let Ok(cache) = self.drawn.0.lock()
            && let Some(runs) = cache.get(&key)
        {
            return runs.clone();
        }
        let samples = if means {
            self.drawn_samples(series)
        } else {
            self.series
                .get(series)
                .and_then(|s| s.figures.samples.clone())
        };
        let runs = Arc::new(
            samples
                .map(|s| decimate(&s, t0, t1, columns))
                .unwrap_or_default(),
        );
        if let Ok(mut cache) = self.drawn.0.lock() {
            // A window resized many times keeps only the latest few widths.
            if cache.len() > 16 {
                cache.clear();
            }
            cache.insert(key, runs.clone());
        }
        runs
    }

    /// The value nearest in time to `t` of the visible series whose drawn value at that time is
    /// nearest `y`: exact, from the record (or its means), not from the drawing.
    pub fn hover(&self, t: f64, y: f64, spec: &ChartSpec) -> Option<HoverPoint> {
        let lang = spec.lang;
        let mut best: Option<(f64, HoverPoint)> = None;
        for (k, s) in self.series.iter().enumerate().filter(|(_, s)| s.visible) {
            let Some(samples) = self.drawn_samples(k) else {
                continue;
            };
            let Some(i) = samples.nearest(t.round() as Instant) else {
                continue;
            };
            let (ti, v) = (samples.time(i), samples.value(i));
            let distance = (v - y).abs();
            if best.as_ref().is_some_and(|(d, _)| *d <= distance) {
                continue;
            }
            let precision = self.means.map_or(samples.precision, Averaging::precision);
            let note = samples.count(i).map(|n| match lang {
                Lang::Zh => format!("{n} 个值的均值"),
                Lang::En => format!("mean of {n} values"),
            });
            best = Some((
                distance,
                HoverPoint {
                    series: k,
                    t: ti,
                    value: v,
                    time: self.time_text(&samples, ti, precision),
                    value_text: format::value_with_unit(v, Qualifier::Exact, &spec.unit, lang),
                    note: note.or_else(|| (self.series.len() > 1).then(|| s.name.clone())),
                },
            ));
        }
        best.map(|(_, h)| h)
    }

    /// The figure span under a point, when the pointer is on one.
    pub fn span_at(&self, t: f64, y: f64, slack: f64) -> Option<&FigureSpan> {
        self.series
            .iter()
            .filter(|s| s.visible)
            .flat_map(|s| &s.figures.spans)
            .find(|f| (f.start as f64..=f.end as f64).contains(&t) && (f.value - y).abs() <= slack)
    }

    /// What the footnote of an image adds: the range shown, what is drawn, the means and counts.
    pub fn footnote(&self, lang: Lang) -> String {
        let mut parts = vec![match lang {
            Lang::Zh => format!("时段：{}", self.range_text(lang)),
            Lang::En => format!("Shown: {}", self.range_text(lang)),
        }];
        if let Some(per) = self.means {
            parts.push(match lang {
                Lang::Zh => format!("线为{}", means_name(per, lang)),
                Lang::En => format!("line: {}", means_name(per, lang)),
            });
        }
        parts.extend(self.summary.iter().cloned());
        parts.extend(self.counts.iter().map(|c| c.text.clone()));
        parts.join(tr(lang, "；", "; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_asked_for_is_cut_to_the_record_and_a_pan_keeps_its_width() {
        let extent = (1000, 1_000_000);
        assert_eq!(
            fit_window((500_000, i64::MAX / 4), extent),
            (500_000, 1_000_000)
        );
        assert_eq!(
            fit_window((i64::MIN / 4, 1200), extent),
            (1000, 1000 + MIN_WINDOW)
        );
        assert_eq!(clamp_window((-5000, 95_000), extent), (1000, 101_000));
        // A record of one row: one instant, no panic.
        assert_eq!(fit_window((5, 5), (5, 5)), (5, 6));
        assert_eq!(clamp_window((0, 10), (5, 5)), (5, 6));
        assert_eq!(
            clamp_window((950_000, 1_050_000), extent),
            (900_000, 1_000_000)
        );
    }
}
