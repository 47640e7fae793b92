//! Proposed figures as a report: units as the lexicon declares them, categories from the report's
//! own sections, one indicator per name, unit and basis (reusing the ids and English names of
//! `--with` files and of known indicators), and proposed charts — one unit and one basis each —
//! on one page per section.

use std::collections::HashMap;

use super::figures::Proposed;
use super::outline::Outline;
use super::untranslated;
use crate::model::lexicon::Lexicon;
use crate::model::numbers::quote_states;
use crate::model::provenance::squash;
use crate::model::{
    Basis, Better, Category, Chart, ChartKind, DataPoint, Indicator, Page, PointKind, Report,
    Review, ReviewState, Source, Text, Unit, YearRange,
};

/// The report, and how many figures were left out because their quote did not state them.
pub struct Assembled {
    pub report: Report,
    pub dropped: usize,
    /// Figures left out because they cannot be valid, each named.
    pub warnings: Vec<String>,
}

/// The units most known indicators are stated in (growth in %, amounts in 元): their ids leave the
/// unit out (gdp_year_on_year); in any other unit the id says it.
const PLAIN_UNITS: [&str; 3] = ["pct", "pp", "yuan"];

/// Series in one proposed chart at most, so bars stay readable.
const SERIES_PER_CHART: usize = 6;

/// Build the report.
pub fn assemble(
    chars: &[char],
    figures: &[Proposed],
    outline: &Outline,
    lex: &Lexicon,
    source: Source,
    with: Option<&Report>,
) -> Assembled {
    let mut b = Builder {
        lex,
        with,
        units: Vec::new(),
        categories: Vec::new(),
        indicators: Vec::new(),
        index: HashMap::new(),
        next_id: 1,
        prefix: source.id.clone(),
    };
    let mut dropped = 0;
    // Figures a review of the same text rejected (in the --with files) are not proposed again.
    let rejected: std::collections::HashSet<(String, u64)> = with
        .into_iter()
        .flat_map(|r| r.indicators.iter().flat_map(|i| &i.points))
        .filter(|p| {
            p.review
                .as_ref()
                .is_some_and(|r| r.state == ReviewState::Rejected)
        })
        .map(|p| (squash(&p.quote), p.value.to_bits()))
        .collect();
    for f in figures {
        let quote: String = chars[f.quote.clone()].iter().collect();
        if !quote_states(&quote, f.value, f.header_unit.as_deref()) {
            dropped += 1;
            continue;
        }
        if rejected.contains(&(squash(&quote), f.value.to_bits())) {
            dropped += 1;
            continue;
        }
        b.add(f, quote, outline);
    }
    let Builder {
        units,
        categories,
        mut indicators,
        ..
    } = b;
    let warnings = drop_invalid(&mut indicators, &units, &categories, &source);
    let (charts, pages) = charts_and_pages(&source.id, &categories, &indicators, &units);
    let years = indicators
        .iter()
        .flat_map(|i| &i.points)
        .map(|p| p.year)
        .fold(None, |acc: Option<(i32, i32)>, y| {
            Some(acc.map_or((y, y), |(a, b)| (a.min(y), b.max(y))))
        })
        .unwrap_or((outline.results_year, outline.target_year));
    let report = Report {
        title: source.title.clone(),
        issuer: source.issuer.clone(),
        years: YearRange {
            first: years.0,
            last: years.1,
        },
        sources: vec![source],
        categories,
        units,
        indicators,
        charts,
        pages,
    };
    Assembled {
        report,
        dropped,
        warnings,
    }
}

/// Leave out the figures that cannot be valid (a share over 100%, a span too long, …), each named
/// with its quote and what is wrong, and the indicators left without figures: one bad figure never
/// sinks the whole draft.
fn drop_invalid(
    indicators: &mut Vec<Indicator>,
    units: &[Unit],
    categories: &[Category],
    source: &Source,
) -> Vec<String> {
    let check = Report {
        title: source.title.clone(),
        issuer: source.issuer.clone(),
        years: YearRange {
            first: i32::MIN,
            last: i32::MAX,
        },
        sources: vec![source.clone()],
        categories: categories.to_vec(),
        units: units.to_vec(),
        indicators: std::mem::take(indicators),
        charts: Vec::new(),
        pages: Vec::new(),
    };
    let mut bad = crate::model::invalid_points(&check);
    *indicators = check.indicators;
    bad.sort_by_key(|(i, p, _)| (*i, *p));
    bad.dedup_by_key(|(i, p, _)| (*i, *p));
    let warnings = bad
        .iter()
        .map(|(i, p, msg)| {
            let (ind, point) = (&indicators[*i], &indicators[*i].points[*p]);
            format!("left out “{}” ({}): {}", point.quote, ind.name.zh, msg.en)
        })
        .collect();
    for (i, p, _) in bad.iter().rev() {
        indicators[*i].points.remove(*p);
    }
    indicators.retain(|i| !i.points.is_empty());
    warnings
}

struct Builder<'a> {
    lex: &'a Lexicon,
    with: Option<&'a Report>,
    units: Vec<Unit>,
    categories: Vec<Category>,
    indicators: Vec<Indicator>,
    /// (name, unit id, basis) → index into `indicators`, for the draft's own indicators.
    index: HashMap<(String, String, Basis), usize>,
    next_id: usize,
    /// The source's id, which the draft's own ids begin with: two drafts (of two places, say) open
    /// together without one id meaning two things. Indicators matched in `--with` files keep theirs.
    prefix: String,
}

impl Builder<'_> {
    fn add(&mut self, f: &Proposed, quote: String, outline: &Outline) {
        let lex_unit = &self.lex.units[f.unit];
        // A percentage over 100 (完成率 103.9%) is a ratio, not a share: a level, not a rate.
        let basis =
            if f.basis == Basis::Rate && lex_unit.percent && !(0.0..=100.0).contains(&f.value) {
                Basis::Level
            } else {
                f.basis
            };
        let mut why = f.why.clone();
        if basis != f.basis {
            why.push("basis level: over 100%, a ratio rather than a share".to_owned());
        }
        let point = DataPoint {
            year: f.year,
            kind: f.kind,
            value: f.value,
            qualifier: f.qualifier,
            high: f.high,
            basis,
            span: f.span,
            // Words that name a part of the year are written as one; others stay words.
            part: f
                .period
                .as_ref()
                .and_then(|(zh, _)| crate::model::time::parse_part(zh)),
            period: f
                .period
                .as_ref()
                .filter(|(zh, _)| crate::model::time::parse_part(zh).is_none())
                .map(|(zh, en)| Text {
                    zh: zh.clone(),
                    en: en.clone(),
                }),
            note: None,
            measure: None,
            source: None,
            quote,
            header_unit: f.header_unit.clone(),
            review: Some(Review {
                state: ReviewState::Proposed,
                why: why.join("; "),
            }),
            revised_by: None,
            file: 0,
        };
        let (name, known) = self.name_of(f, outline);
        if let Some((existing, measure)) = self.existing(&name, lex_unit.declared(), basis) {
            let mut point = point;
            point.measure = measure;
            self.push_existing(existing, point);
            return;
        }
        let unit_id = self.declare_unit(f.unit);
        let category = if known {
            self.known_category()
        } else {
            self.category_for(f.heading, outline)
        };
        let mut key = (name.clone(), unit_id.clone(), basis);
        let mut copy = 1;
        loop {
            match self.index.get(&key) {
                Some(&i)
                    if self.indicators[i]
                        .points
                        .iter()
                        .any(|p| p.same_figure(&point)) =>
                {
                    // The same name twice for one year, kind and basis: another thing of the same
                    // name (two lists of "开工"); its own indicator.
                    copy += 1;
                    key.0 = format!("{name}（{copy}）");
                }
                Some(&i) => {
                    self.indicators[i].points.push(point);
                    return;
                }
                None => break,
            }
        }
        let (id, en) = self.new_id(&key.0, &unit_id, basis);
        self.index.insert(key.clone(), self.indicators.len());
        self.indicators.push(Indicator {
            id,
            name: Text {
                zh: key.0.clone(),
                en,
            },
            category,
            unit: unit_id,
            measures: Vec::new(),
            better: Better::Higher,
            points: vec![point],
            series: None,
            samples: None,
        });
    }

    /// A figure's indicator name, and whether the lexicon knows it: its heading's name when the
    /// words give none; a known indicator named as every draft names it (生产总值 as 地区生产总值).
    fn name_of(&self, f: &Proposed, outline: &Outline) -> (String, bool) {
        let name = if f.name.is_empty() {
            outline
                .chain(f.heading)
                .next()
                .map_or_else(|| "未命名".to_owned(), |h| h.name.clone())
        } else {
            f.name.clone()
        };
        match self.lex.known_name(&name) {
            Some(k) => (k.zh.clone(), true),
            None => (name, false),
        }
    }

    /// An indicator of the `--with` files with this name, unit and basis: its index there and the
    /// measure that matches.
    fn existing(&self, name: &str, unit_zh: &str, basis: Basis) -> Option<(usize, Option<String>)> {
        let with = self.with?;
        with.indicators.iter().enumerate().find_map(|(i, ind)| {
            if ind.name.zh != name {
                return None;
            }
            let same_basis = |measure: Option<&str>| {
                let mut points = ind
                    .points
                    .iter()
                    .filter(|p| p.measure.as_deref() == measure);
                points.next().is_none_or(|p| p.basis == basis)
            };
            if with.unit(&ind.unit).is_some_and(|u| u.zh == unit_zh) && same_basis(None) {
                return Some((i, None));
            }
            ind.measures.iter().find_map(|m| {
                (with.unit(&m.unit).is_some_and(|u| u.zh == unit_zh) && same_basis(Some(&m.id)))
                    .then(|| (i, Some(m.id.clone())))
            })
        })
    }

    /// Add a figure to a copy of an existing indicator: same id, names, unit, category and
    /// measures, so the files merge by id.
    fn push_existing(&mut self, existing: usize, point: DataPoint) {
        let Some(with) = self.with else { return };
        let ind = &with.indicators[existing];
        if let Some(i) = self.indicators.iter().position(|x| x.id == ind.id) {
            if !self.indicators[i]
                .points
                .iter()
                .any(|p| p.same_figure(&point))
            {
                self.indicators[i].points.push(point);
            }
            return;
        }
        for unit in std::iter::once(&ind.unit).chain(ind.measures.iter().map(|m| &m.unit)) {
            if let Some(u) = with.unit(unit)
                && !self.units.iter().any(|x| x.id == u.id)
            {
                self.units.push(u.clone());
            }
        }
        if let Some(c) = with.category(&ind.category)
            && !self.categories.iter().any(|x| x.id == c.id)
        {
            self.categories.push(c.clone());
        }
        let mut copy = ind.clone();
        copy.points = vec![point];
        self.indicators.push(copy);
    }

    /// Declare a lexicon unit, under another id when a `--with` file declares its id otherwise.
    fn declare_unit(&mut self, unit: usize) -> String {
        let u = &self.lex.units[unit];
        let mut decl = Unit {
            id: u.id.clone(),
            zh: u.declared().to_owned(),
            en: u.en.clone(),
            percent: u.percent,
        };
        if let Some(with) = self.with
            && with.unit(&decl.id).is_some_and(|x| *x != decl)
        {
            decl.id = format!("{}_draft", decl.id);
        }
        if !self.units.iter().any(|x| x.id == decl.id) {
            self.units.push(decl.clone());
        }
        decl.id
    }

    /// The known indicators' category, the same in every draft, first in the draft.
    fn known_category(&mut self) -> String {
        let c = &self.lex.known_category;
        if !self.categories.iter().any(|x| x.id == c.id) {
            self.categories.insert(0, c.clone());
        }
        c.id.clone()
    }

    /// The category of a figure: the section (（一） or 一、) it stands in.
    fn category_for(&mut self, heading: Option<usize>, outline: &Outline) -> String {
        let section = outline
            .chain(heading)
            .find(|h| h.level <= 2)
            .map(|h| (h.start, h.name.clone()));
        let (id, name) = match section {
            Some((start, name)) => (
                format!(
                    "{}-s{}",
                    self.prefix,
                    outline
                        .headings
                        .iter()
                        .filter(|h| h.level <= 2 && h.start <= start)
                        .count()
                ),
                name,
            ),
            None => (format!("{}-s0", self.prefix), "正文".to_owned()),
        };
        if !self.categories.iter().any(|c| c.id == id) {
            let text = untranslated(&name);
            self.categories.push(Category {
                id: id.clone(),
                zh: text.zh,
                en: text.en,
            });
        }
        id
    }

    /// An id and English name: a known indicator's, or a numbered id and the Chinese marked for
    /// translation. Ids never clash with one another or with the `--with` files.
    fn new_id(&mut self, name: &str, unit: &str, basis: Basis) -> (String, String) {
        let taken = |id: &str, me: &Self| {
            me.indicators.iter().any(|i| i.id == id)
                || me.with.is_some_and(|w| w.indicator(id).is_some())
        };
        // A known indicator's id is the same in every place's draft, so they line up when opened
        // together: made of its id, basis and unit alone (gdp_year_on_year, grain_output_level_jin),
        // so one id never means two units in two places' drafts.
        if let Some(known) = self.lex.known_name(name) {
            let id = if PLAIN_UNITS.contains(&unit) {
                format!("{}_{}", known.id, basis.id())
            } else {
                format!("{}_{}_{unit}", known.id, basis.id())
            };
            if !taken(&id, self) {
                return (id, known.en.clone());
            }
        }
        loop {
            let id = format!("{}-f{:03}", self.prefix, self.next_id);
            self.next_id += 1;
            if !taken(&id, self) {
                return (id, untranslated(name).en);
            }
        }
    }
}

/// Proposed charts: per section, indicators of one unit and basis together, a few per chart; a
/// before-after chart when every one has its starting level. One page per section.
fn charts_and_pages(
    source: &str,
    categories: &[Category],
    indicators: &[Indicator],
    units: &[Unit],
) -> (Vec<Chart>, Vec<Page>) {
    let mut charts = Vec::new();
    let mut pages = Vec::new();
    for cat in categories {
        let mut groups: Vec<((String, Basis), Vec<&Indicator>)> = Vec::new();
        for ind in indicators.iter().filter(|i| i.category == cat.id) {
            let Some(basis) = ind
                .points
                .iter()
                .find(|p| p.measure.is_none())
                .map(|p| p.basis)
            else {
                continue;
            };
            let key = (ind.unit.clone(), basis);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push(ind),
                None => groups.push((key, vec![ind])),
            }
        }
        let mut page_charts = Vec::new();
        for ((unit_id, basis), list) in groups {
            let unit = units.iter().find(|u| u.id == unit_id);
            let (unit_zh, unit_en) = unit.map_or((unit_id.as_str(), unit_id.as_str()), |u| {
                (u.zh.as_str(), u.en.as_str())
            });
            for chunk in list.chunks(SERIES_PER_CHART) {
                let id = format!("{source}-c{:02}", charts.len() + 1);
                let before_after = chunk.iter().all(|i| {
                    i.points
                        .iter()
                        .any(|p| p.measure.is_none() && p.kind == PointKind::Baseline)
                });
                // One indicator: its name says what the chart is; several: the section, basis, unit.
                let title = match chunk {
                    [one] => Text {
                        zh: one.name.zh.clone(),
                        en: one.name.en.clone(),
                    },
                    _ => Text {
                        zh: format!("{}：{}（{unit_zh}）", cat.zh, basis.names().short_zh),
                        en: format!("{}: {} ({unit_en})", cat.en, basis.names().short_en),
                    },
                };
                charts.push(Chart {
                    id: id.clone(),
                    title,
                    kind: if before_after {
                        ChartKind::BeforeAfter
                    } else {
                        ChartKind::GroupedBars
                    },
                    series: chunk.iter().map(|i| i.id.clone()).collect(),
                    measure: None,
                    kinds: Vec::new(),
                    // A draft's charts show its own figures, whichever places' drafts are open.
                    sources: vec![source.to_owned()],
                    reference_lines: Vec::new(),
                    year: None,
                    from: None,
                });
                page_charts.push(id);
            }
        }
        // Charts of several figures first (a result beside its target), one-figure cards after.
        let one_figure = |id: &String| {
            charts.iter().find(|c| &c.id == id).is_some_and(|c| {
                c.series.len() == 1
                    && indicators
                        .iter()
                        .find(|i| i.id == c.series[0])
                        .is_some_and(|i| i.points.len() == 1)
            })
        };
        page_charts.sort_by_key(one_figure);
        if !page_charts.is_empty() {
            pages.push(Page {
                // The known indicators' category is every draft's: its page is this draft's own.
                id: if cat.id.starts_with(source) {
                    cat.id.clone()
                } else {
                    format!("{source}-{}", cat.id)
                },
                title: Text {
                    zh: cat.zh.clone(),
                    en: cat.en.clone(),
                },
                charts: page_charts,
            });
        }
    }
    (charts, pages)
}
