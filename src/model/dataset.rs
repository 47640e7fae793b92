//! Several data files shown as one: indicators with the same id merge, charts and pages may use
//! indicators from any file, and a figure stated again by a later publication revises the earlier.
//!
//! Each file is self-contained for what it declares (sources, categories, units); what two files
//! both declare must agree, and a clash is reported with both files' lines.

use std::collections::HashMap;
use std::path::{Path as FsPath, PathBuf};

use super::locate::{Path, Seg};
use super::validate::kind_zh;
use super::{DataFile, Lang, LoadError, Location, Msg, Problem, Report, load, validate};

/// Several files merged into one report, with the files kept for provenance and errors.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub files: Vec<DataFile>,
    /// Everything of every file: what the charts and the table show.
    pub report: Report,
}

/// Every `.ron` file in `dir`, sorted by name.
pub fn data_files_in(dir: &FsPath) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    Ok(files)
}

/// Load files and folders (a folder stands for every `.ron` in it) and merge them. Every problem
/// of every file is reported, not only the first file's.
pub fn load_dataset(paths: &[PathBuf]) -> Result<Dataset, LoadError> {
    let mut expanded = Vec::new();
    for path in paths {
        if path.is_dir() {
            let found = data_files_in(path).map_err(|source| LoadError::Io {
                file: path.display().to_string(),
                source,
            })?;
            if found.is_empty() {
                return Err(LoadError::EmptyFolder(path.display().to_string()));
            }
            expanded.extend(found);
        } else {
            expanded.push(path.clone());
        }
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in &expanded {
        match load::read_file(path, expanded.len() == 1) {
            Ok(file) => files.push(file),
            Err(LoadError::Invalid(ps)) => problems.extend(ps),
            Err(other) if expanded.len() == 1 => return Err(other),
            Err(other) => {
                let lines = other.lines().into_iter().zip(other.lines_in(Lang::Zh));
                problems.extend(lines.map(|(en, zh)| {
                    Problem::new(
                        Location::at(path.display().to_string(), 0, 0),
                        Msg::new(en, zh),
                    )
                }));
            }
        }
    }
    if !problems.is_empty() {
        return Err(LoadError::Invalid(problems));
    }
    merge(files)
}

/// Where each element of the merged report came from: (file index, index in that file).
#[derive(Debug, Default)]
struct Origins {
    indicators: Vec<(usize, usize)>,
    /// Per merged indicator, per point: (file, indicator index in file, point index in file).
    points: Vec<Vec<(usize, usize, usize)>>,
    charts: Vec<(usize, usize)>,
    pages: Vec<(usize, usize)>,
}

impl Origins {
    /// The file and the path in it of a path into the merged report.
    fn to_file(&self, path: &Path) -> Option<(usize, Path)> {
        let (Some(Seg::Field(section)), Some(Seg::Index(i))) = (path.first(), path.get(1)) else {
            return None;
        };
        let rest = &path[2..];
        let at = |file: usize, index: usize, tail: &[Seg]| {
            let mut p = vec![Seg::Field(section.clone()), Seg::Index(index)];
            p.extend_from_slice(tail);
            (file, p)
        };
        match section.as_str() {
            "indicators" => {
                if let (Some(Seg::Field(f)), Some(Seg::Index(p))) = (rest.first(), rest.get(1))
                    && f == "points"
                {
                    let &(file, ind, point) = self.points.get(*i)?.get(*p)?;
                    let mut out = vec![
                        Seg::Field("indicators".into()),
                        Seg::Index(ind),
                        Seg::Field("points".into()),
                        Seg::Index(point),
                    ];
                    out.extend_from_slice(&rest[2..]);
                    return Some((file, out));
                }
                let &(file, index) = self.indicators.get(*i)?;
                Some(at(file, index, rest))
            }
            "charts" => self.charts.get(*i).map(|&(f, c)| at(f, c, rest)),
            "pages" => self.pages.get(*i).map(|&(f, c)| at(f, c, rest)),
            _ => None,
        }
    }
}

/// Read the files of a dataset again, each from its path: a file that reads well replaces its last
/// good state in `files`; one that does not keeps it, and its error is returned. Then merge what
/// is good. Files without a path (the embedded default) stay as they are. What a watched window
/// does when a file changes: an invalid edit never takes away what was on screen.
pub fn reread(files: &mut [DataFile]) -> (Result<Dataset, LoadError>, Vec<LoadError>) {
    let mut failed = Vec::new();
    for file in files.iter_mut() {
        let Some(path) = file.path.clone() else {
            continue;
        };
        match load::read_data_file(&path) {
            Ok(good) => *file = good,
            Err(err) => failed.push(err),
        }
    }
    (merge(files.to_vec()), failed)
}

/// Merge files into one report: the first file's title, issuer and years (widened to cover every
/// file), every declaration once, indicators joined by id, the earlier of two figures from
/// different sources marked as revised.
pub fn merge(files: Vec<DataFile>) -> Result<Dataset, LoadError> {
    let Some(first) = files.first() else {
        return Err(LoadError::EmptyFolder(String::new()));
    };
    let mut merger = Merger::new(&files, first);
    for f in 0..files.len() {
        merger.add_file(f);
    }
    let (report, problems) = merger.finish();
    if problems.is_empty() {
        Ok(Dataset { files, report })
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// A merge under way: the report so far, where each of its parts came from, and the problems.
struct Merger<'f> {
    files: &'f [DataFile],
    report: Report,
    origins: Origins,
    problems: Vec<Problem>,
    /// Where each indicator id is in the merged report: a lookup, not a scan, for files of
    /// thousands.
    indicator_at: HashMap<&'f str, usize>,
    /// Where each id was first declared, for naming both places of a clash.
    seen: HashMap<(&'static str, String), (usize, Path)>,
}

impl<'f> Merger<'f> {
    /// The first file's report with its lists emptied: its title, issuer and years are the
    /// merged report's.
    fn new(files: &'f [DataFile], first: &DataFile) -> Self {
        let mut report = first.report.clone();
        report.sources.clear();
        report.categories.clear();
        report.units.clear();
        report.indicators.clear();
        report.charts.clear();
        report.pages.clear();
        Self {
            files,
            report,
            origins: Origins::default(),
            problems: Vec::new(),
            indicator_at: HashMap::new(),
            seen: HashMap::new(),
        }
    }

    /// File `f` added: its years widen the report's, then its declarations, indicators, charts
    /// and pages, in that order (the order of the problems).
    fn add_file(&mut self, f: usize) {
        let r = &self.files[f].report;
        self.report.years.first = self.report.years.first.min(r.years.first);
        self.report.years.last = self.report.years.last.max(r.years.last);
        self.add_declarations(f);
        for (i, ind) in r.indicators.iter().enumerate() {
            self.add_indicator(f, i, ind);
        }
        self.add_views(f);
    }

    /// Sources, categories and units: each kept once; the same id declared otherwise is a clash.
    fn add_declarations(&mut self, f: usize) {
        let r = &self.files[f].report;
        for (i, s) in r.sources.iter().enumerate() {
            let same = self.report.source(&s.id).is_none_or(|x| x == s);
            if !self.clash("source", &s.id, f, crate::path!["sources", i], same) {
                self.report.sources.push(s.clone());
            }
        }
        for (i, c) in r.categories.iter().enumerate() {
            let same = self.report.category(&c.id).is_none_or(|x| x == c);
            if !self.clash("category", &c.id, f, crate::path!["categories", i], same) {
                self.report.categories.push(c.clone());
            }
        }
        for (i, u) in r.units.iter().enumerate() {
            let same = self.report.unit(&u.id).is_none_or(|x| x == u);
            if !self.clash("unit", &u.id, f, crate::path!["units", i], same) {
                self.report.units.push(u.clone());
            }
        }
    }

    /// Charts and pages: an id may be used once across the files.
    fn add_views(&mut self, f: usize) {
        let r = &self.files[f].report;
        for (i, chart) in r.charts.iter().enumerate() {
            if self.clash(
                "chart",
                &chart.id,
                f,
                crate::path!["charts", i, "id"],
                false,
            ) {
                continue;
            }
            self.report.charts.push(chart.clone());
            self.origins.charts.push((f, i));
        }
        for (i, page) in r.pages.iter().enumerate() {
            if self.clash("page", &page.id, f, crate::path!["pages", i, "id"], false) {
                continue;
            }
            self.report.pages.push(page.clone());
            self.origins.pages.push((f, i));
        }
    }

    /// Whether `id` of this kind was declared before (then it is not added again); a problem
    /// naming both places unless the two declarations are the same.
    fn clash(&mut self, kind: &'static str, id: &str, f: usize, path: Path, same: bool) -> bool {
        let Some((g, first_path)) = self.seen.get(&(kind, id.to_owned())) else {
            self.seen.insert((kind, id.to_owned()), (f, path));
            return false;
        };
        let other = self.files[*g].locate(first_path);
        let kind_zh = match kind {
            "chart" => "图表",
            "page" => "页面",
            "source" => "来源",
            "category" => "类别",
            "unit" => "单位",
            _ => kind,
        };
        let message = match kind {
            "chart" | "page" => Msg::new(
                format!(
                    "{kind} id `{id}` is also used at {other}; expected every {kind} id to be unique across the files shown together"
                ),
                format!(
                    "{kind_zh} id `{id}` 在 {other} 也已使用；同时显示的各文件中，每个{kind_zh}的 id 应唯一"
                ),
            ),
            _ => Msg::new(
                format!(
                    "{kind} `{id}` is declared differently at {other}; expected the same declaration in every file, or another id"
                ),
                format!(
                    "{kind_zh} `{id}` 在 {other} 的声明与此不同；各文件中的声明应相同，否则应换一个 id"
                ),
            ),
        };
        if !same {
            self.problems
                .push(Problem::new(self.files[f].locate(&path), message));
        }
        true
    }

    /// Indicator `i` of file `f`: new, or joined to the one of the same id, its points marked
    /// with the file they came from.
    fn add_indicator(&mut self, f: usize, i: usize, ind: &'f super::Indicator) {
        let points = ind.points.iter().enumerate().map(|(p, point)| {
            let mut point = point.clone();
            point.file = f;
            (point, (f, i, p))
        });
        let Some(m) = self.indicator_at.get(ind.id.as_str()).copied() else {
            self.indicator_at
                .insert(&ind.id, self.report.indicators.len());
            let (pts, origin): (Vec<_>, Vec<_>) = points.unzip();
            let mut merged = ind.clone();
            merged.points = pts;
            self.report.indicators.push(merged);
            self.origins.indicators.push((f, i));
            self.origins.points.push(origin);
            return;
        };
        let (g, gi) = self.origins.indicators[m];
        let other = self.files[g].locate(crate::path!["indicators", gi]);
        if self.differs(m, f, i, ind, &other) {
            return;
        }
        self.join_measures(m, f, i, ind, &other);
        for (point, origin) in points {
            self.report.indicators[m].points.push(point);
            self.origins.points[m].push(origin);
        }
    }

    /// Whether the indicator already merged at `m` means another thing (name, unit, category or
    /// direction): then a problem, and the file's indicator is not joined.
    fn differs(
        &mut self,
        m: usize,
        f: usize,
        i: usize,
        ind: &super::Indicator,
        other: &Location,
    ) -> bool {
        let existing = &self.report.indicators[m];
        let differs = [
            ("name", "名称", existing.name != ind.name),
            ("unit", "单位", existing.unit != ind.unit),
            ("category", "类别", existing.category != ind.category),
            ("better", "好坏方向", existing.better != ind.better),
        ];
        let Some((what, what_zh, _)) = differs.iter().find(|(_, _, d)| *d) else {
            return false;
        };
        let id = &ind.id;
        self.problems.push(Problem::new(
            self.files[f].locate(crate::path!["indicators", i, *what]),
            Msg::new(
                format!(
                    "indicator `{id}` has another {what} at {other}; expected one indicator id to mean one thing in every file"
                ),
                format!(
                    "指标 `{id}` 在 {other} 的{what_zh}与此不同；同一个指标 id 在各文件中应指同一个指标"
                ),
            ),
        ));
        true
    }

    /// The file's measures of an indicator joined to the merged one's: new ones added, the same
    /// id declared otherwise a problem.
    fn join_measures(
        &mut self,
        m: usize,
        f: usize,
        i: usize,
        ind: &super::Indicator,
        other: &Location,
    ) {
        let merged = &mut self.report.indicators[m];
        for measure in &ind.measures {
            match merged.measures.iter().find(|x| x.id == measure.id) {
                Some(x) if x != measure => self.problems.push(Problem::new(
                    self.files[f].locate(crate::path!["indicators", i, "measures"]),
                    Msg::new(
                        format!(
                            "measure `{}` of `{}` is declared differently at {other}; expected the same unit and name in every file",
                            measure.id, ind.id
                        ),
                        format!(
                            "`{}` 的度量 `{}` 在 {other} 的声明与此不同；各文件中它的单位和名称应相同",
                            ind.id, measure.id
                        ),
                    ),
                )),
                Some(_) => {}
                None => merged.measures.push(measure.clone()),
            }
        }
    }

    /// The merged report and every problem: the files' own, then the revisions marked and the
    /// charts and pages checked against the merged whole, located in the file they came from.
    fn finish(mut self) -> (Report, Vec<Problem>) {
        let files = self.files;
        self.problems
            .extend(mark_revisions(&mut self.report, files, &self.origins));
        let origins = &self.origins;
        let locate = |path: &Path| match origins.to_file(path) {
            Some((f, p)) => files[f].locate(&p),
            None => files[0].locate(path),
        };
        self.problems.extend(
            validate::validate_views(&self.report)
                .into_iter()
                .map(|(path, message)| Problem::new(locate(&path), message)),
        );
        (self.report, self.problems)
    }
}

/// A publication date as a sortable (year, month, day); missing parts sort first.
pub fn date_key(published: &str) -> Option<(i32, u32, u32)> {
    let mut parts = published.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    let day = parts.next().map_or(Some(0), |d| d.parse().ok())?;
    let valid = (1900..=2200).contains(&year)
        && month <= 12
        && day <= 31
        && (month > 0 || day == 0)
        && parts.next().is_none();
    valid.then_some((year, month, day))
}

/// Figures stating the same thing (indicator, measure, year or span, kind, basis, of the same
/// place) from different sources: the latest publication stands; the others are kept, marked as
/// revised by it.
fn mark_revisions(report: &mut Report, files: &[DataFile], origins: &Origins) -> Vec<Problem> {
    let dates: HashMap<String, (i32, u32, u32)> = report
        .sources
        .iter()
        .map(|s| (s.id.clone(), date_key(&s.published).unwrap_or((0, 0, 0))))
        .collect();
    // Figures of different places are never revisions of one another: the place is part of
    // what a figure states.
    let places: HashMap<&str, &str> = report
        .sources
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.place.as_ref()?.code.as_str())))
        .collect();
    let place_of = |p: &super::DataPoint| places.get(p.source_id()).map(|c| (*c).to_owned());
    let mut problems = Vec::new();
    for (m, ind) in report.indicators.iter_mut().enumerate() {
        let mut groups: HashMap<_, Vec<usize>> = HashMap::new();
        for (p, point) in ind.points.iter().enumerate() {
            groups
                .entry((
                    place_of(point),
                    point.measure.clone(),
                    point.year,
                    point.span,
                    point.kind,
                    point.basis,
                    point.part,
                    point.period.clone().map(|t| t.en),
                ))
                .or_default()
                .push(p);
        }
        let mut groups: Vec<_> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort();
        for group in groups {
            let date = |p: usize| dates.get(ind.points[p].source_id()).copied();
            let mut order = group.clone();
            order.sort_by_key(|&p| date(p));
            let latest = order[order.len() - 1];
            let runner_up = order[order.len() - 2];
            // A year alone ("2023") cannot be ordered against a date in the same year.
            let unordered = match (date(latest), date(runner_up)) {
                (Some(a), Some(b)) => a == b || (a.0 == b.0 && (a.1 == 0 || b.1 == 0)),
                (a, b) => a == b,
            };
            if unordered {
                let (f, i, p) = origins.points[m][latest];
                let (g, j, q) = origins.points[m][runner_up];
                let point = &ind.points[latest];
                let what = if point.source == ind.points[runner_up].source {
                    Msg::new(
                        format!("the same source (`{}`)", point.source_id()),
                        format!("同一来源（`{}`）", point.source_id()),
                    )
                } else {
                    Msg::new(
                        "two sources whose publication dates cannot be ordered (the same date, or the same year with one giving no month)",
                        "发布日期无法排出先后的两个来源（日期相同，或同一年而其中一个没有写月份）",
                    )
                };
                let (id, year) = (&ind.id, point.year);
                let there = files[g].locate(crate::path!["indicators", j, "points", q]);
                problems.push(Problem::new(
                    files[f].locate(crate::path!["indicators", i, "points", p]),
                    Msg::new(
                        format!(
                            "`{id}` {year} {} is stated twice, by {}: here and at {there}; expected one figure, or sources with different publication dates so the later one stands",
                            point.kind.id(),
                            what.en
                        ),
                        format!(
                            "`{id}` {year}年{}由{}给出了两次：此处和 {there}；应只有一个数字，或让两个来源的发布日期不同，以后发布的为准",
                            kind_zh(point.kind),
                            what.zh
                        ),
                    ),
                ));
                continue;
            }
            let by = ind.points[latest].source_id().to_owned();
            for &p in &order[..order.len() - 1] {
                ind.points[p].revised_by = Some(by.clone());
            }
        }
    }
    problems
}
