//! The charts and pages a data file declares over its indicators: what each chart draws (the one
//! rule, [`Chart::drawn_points`]) and the reference lines it compares with.

use serde::{Deserialize, Serialize};

use super::{DataPoint, Indicator, PointKind, Text, series};

/// A chart declared in the data file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    pub title: Text,
    pub kind: ChartKind,
    /// The indicators drawn, by id, in display order. They share one unit.
    pub series: Vec<String>,
    /// Which measure of each indicator the chart draws; their main measure when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Which kinds of point the chart draws; all when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<PointKind>,
    /// Which sources' figures the chart draws (a report's own view of its figures, when other
    /// files add other years to the same indicators); every source when empty. A figure a later
    /// publication revised is drawn as revised.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Horizontal reference lines in the chart's unit (limits, guidelines), with their sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_lines: Vec<ReferenceLine>,
    /// The one year the chart draws (a comparison of places draws one year's figures of every
    /// place); every year when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// With `year`, the first year of the span the chart draws (the figures of 2021–2025, not
    /// 2025's alone); without it a chart of one year draws figures of that single year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
}

impl Chart {
    /// Whether this chart draws points of `kind`.
    pub fn draws(&self, kind: PointKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }

    /// Whether `point` is of the chart's year, when it names one: that year's own figures, or the
    /// span's from `from` to it. A figure over a span is never one year's, nor the other way.
    pub fn in_time(&self, point: &DataPoint) -> bool {
        self.year
            .is_none_or(|year| point.year == year && point.span.map(|s| s.from) == self.from)
    }

    /// Whether `point` comes from one of the chart's sources (every source when none is listed).
    pub fn cites(&self, point: &DataPoint) -> bool {
        self.sources.is_empty() || self.sources.iter().any(|s| s == point.source_id())
    }

    /// The points of `ind` this chart draws, in reading order (year, then starting level, result,
    /// target): the chart's measure and kinds, from its sources, never a figure a later
    /// publication revised; the revision of a cited figure stands in for it; only the chart's
    /// year (or span) when it names one. The one rule: the
    /// charts draw these, and validation checks these.
    pub fn drawn_points<'a>(&'a self, ind: &'a Indicator) -> Vec<&'a DataPoint> {
        let mut points: Vec<&DataPoint> = ind
            .current_points(self.measure.as_deref())
            .filter(|p| self.draws(p.kind) && self.in_time(p))
            .filter(|p| {
                self.cites(p)
                    // The revision of a cited figure stands in for it.
                    || ind.points.iter().any(|q| {
                        self.cites(q)
                            && q.revised_by.as_deref() == Some(p.source_id())
                            && q.same_figure(p)
                    })
            })
            .collect();
        points.sort_by_key(|p| (p.time_key(), p.kind));
        points
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChartKind {
    /// Indicators side by side, each with its points (result, target) as a group of bars.
    GroupedBars,
    /// A starting level and the level reached, per indicator.
    BeforeAfter,
    /// Single values against reference lines (limits, guidelines).
    ReferenceLines,
    /// Lines over the years, for series with several years: results solid, targets dashed.
    Lines,
    /// Each year's target against its result, years on the axis, with whether it was met.
    TargetsAndResults,
    /// Monitoring records on a calendar axis (hours to decades), drawn a pixel column at a time,
    /// with zoom, pan and counts of periods over the reference lines; a report's figures on the
    /// same chart are drawn across the time they cover.
    TimeSeries,
    /// One indicator's figures of one kind and one year (or span) across places, a bar (a range
    /// bar for a range) a place, highest first; with results and targets both, each place's
    /// target beside its result, met or missed.
    Places,
}

/// A horizontal line for comparison, which is not a figure of the report and so says where it is from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceLine {
    pub id: String,
    pub value: f64,
    pub label: Text,
    pub source: Text,
    /// For a limit on a mean (GB 3095-2012's 24-hour PM2.5 limit is on daily means): the period
    /// the mean is over. A TimeSeries chart then counts the periods over the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub averaging: Option<series::Averaging>,
}

/// A page of the window: a titled group of charts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub title: Text,
    pub charts: Vec<String>,
}
