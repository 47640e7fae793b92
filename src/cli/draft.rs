//! `planboard draft REPORT... [--out FILE.ron|DIR] [--place NAME|CODE] [--year YEAR] [--with
//! FILE|DIR]... [--force]`: read each report,
//! draft its data file with [`planboard::draft`], write it atomically (never over an existing file
//! without `--force`), and say what was found.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use planboard::draft::{self, DraftError, MAX_REPORT_BYTES, ReportText, Request};
use planboard::files;
use planboard::model;

/// What `planboard draft` was given on its command line.
pub struct Args<'a> {
    pub reports: &'a [PathBuf],
    pub out: Option<&'a Path>,
    pub place: Option<&'a str>,
    pub year: Option<i32>,
    pub with: &'a [PathBuf],
    pub force: bool,
}

pub fn run(args: &Args) -> ExitCode {
    let result = options(args).and_then(|opts| match args.reports {
        [one] => draft_file(one, args.out, &opts),
        many => draft_many(many, args.out, &opts),
    });
    finish(result)
}

/// What a draft command says at its end: its summary, or why it wrote nothing.
pub fn finish(result: Result<String, impl std::fmt::Display>) -> ExitCode {
    match result {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("planboard draft: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The options every report is drafted with, checked before any report is read.
struct Options {
    place: Option<model::Place>,
    year: Option<i32>,
    with: Option<model::Dataset>,
    force: bool,
}

fn options(args: &Args) -> Result<Options, DraftError> {
    let place = match args.place {
        Some(given) => Some(
            model::divisions::Divisions::embedded()
                .find(given)
                .map_err(DraftError::Place)?
                .place(),
        ),
        None => None,
    };
    if let Some(year) = args.year
        && !draft::dated::YEARS.contains(&year)
    {
        return Err(DraftError::Year { year });
    }
    if args.reports.len() > 1 && args.place.is_some() {
        return Err(DraftError::PlaceOfMany);
    }
    let with = if args.with.is_empty() {
        None
    } else {
        Some(
            model::load_dataset(args.with)
                .map_err(|e| DraftError::With(format!("the --with data does not load: {e}")))?,
        )
    };
    Ok(Options {
        place,
        year: args.year,
        with,
        force: args.force,
    })
}

/// Several reports into one folder, each named by its source's id (its place, year and kind),
/// none written unless every one drafts and no two are the same place's same report.
fn draft_many(
    reports: &[PathBuf],
    out: Option<&Path>,
    opts: &Options,
) -> Result<String, DraftError> {
    let Some(dir) = out else {
        return Err(DraftError::ManyNeedFolder);
    };
    if dir.is_file() || dir.extension().is_some_and(|e| e == "ron") {
        return Err(DraftError::ManyNeedFolder);
    }
    std::fs::create_dir_all(dir).map_err(|e| DraftError::Write {
        file: dir.display().to_string(),
        err: e.to_string(),
    })?;
    let mut prepared: Vec<Prepared> = Vec::new();
    for report in reports {
        let stem = report
            .file_stem()
            .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
        let p = prepare(report, Some(&dir.join(format!("{stem}.ron"))), opts)?;
        let id = &p.drafted.report.sources[0].id;
        if let Some(other) = prepared
            .iter()
            .find(|q| &q.drafted.report.sources[0].id == id)
        {
            return Err(DraftError::SameReport {
                first: other.name.clone(),
                second: p.name.clone(),
                id: id.clone(),
            });
        }
        prepared.push(p);
    }
    let reports: Vec<&model::Report> = prepared.iter().map(|p| &p.drafted.report).collect();
    let comparison = draft::compare::comparison(&reports, model::lexicon::Lexicon::embedded());
    // Nothing is written unless every file can be: none is in the way (without --force).
    let targets = prepared
        .iter()
        .map(|p| dir.join(format!("{}.ron", p.drafted.report.sources[0].id)))
        .chain(
            comparison
                .as_ref()
                .map(|_| dir.join(draft::compare::FILE_NAME)),
        );
    for target in targets {
        if target.exists() && !opts.force {
            return Err(DraftError::Write {
                file: target.display().to_string(),
                err: "the file exists; expected a new folder, or --force to replace the drafts in it; nothing was written".to_owned(),
            });
        }
    }
    let mut lines = Vec::new();
    for p in prepared {
        let out = dir.join(format!("{}.ron", p.drafted.report.sources[0].id));
        lines.push(write(p, Some(&out), opts.force)?);
    }
    if let Some(c) = comparison {
        let out = dir.join(draft::compare::FILE_NAME);
        let ron = model::write::to_ron(&c, "the drafts beside it");
        write_atomic(&out, ron.as_bytes(), opts.force).map_err(|e| DraftError::Write {
            file: out.display().to_string(),
            err: why_not_written(&e),
        })?;
        lines.push(format!(
            "wrote {}: {} charts comparing the places, one indicator each",
            out.display(),
            c.charts.len()
        ));
    }
    lines.push(
        "every figure is proposed, with why: open the folder in the window (planboard DIR) to review them and compare the places"
            .to_owned(),
    );
    Ok(lines.join("\n"))
}

fn draft_file(report: &Path, out: Option<&Path>, opts: &Options) -> Result<String, DraftError> {
    let p = prepare(report, out, opts)?;
    let mut summary = write(p, out, opts.force)?;
    summary.push_str(
        "\nevery figure is proposed, with why: look at them in the window (planboard FILE.ron) and mark each in the file (review: (state: Accepted | Rejected, …))",
    );
    Ok(summary)
}

/// A report read and drafted, not yet written.
struct Prepared {
    name: String,
    text: ReportText,
    checked: Checked,
    drafted: draft::Drafted,
}

fn prepare(report: &Path, out: Option<&Path>, opts: &Options) -> Result<Prepared, DraftError> {
    let name = report.display().to_string();
    let read_err = |err: std::io::Error| DraftError::Read {
        file: name.clone(),
        err: err.to_string(),
    };
    let meta = std::fs::metadata(report).map_err(read_err)?;
    if meta.is_dir() {
        return Err(DraftError::Read {
            file: name,
            err: "it is a folder; expected one report's text file".to_owned(),
        });
    }
    if meta.len() > MAX_REPORT_BYTES {
        return Err(DraftError::TooLarge {
            file: name,
            size: meta.len(),
            max: MAX_REPORT_BYTES,
        });
    }
    let bytes = std::fs::read(report).map_err(read_err)?;
    let text = draft::input::read(&bytes, &name)?;
    if let Some(out) = out
        && out.exists()
        && !opts.force
    {
        return Err(DraftError::Write {
            file: out.display().to_string(),
            err: "the file exists; expected a new file name, or --force to replace it".to_owned(),
        });
    }
    let checked = Checked::of(&text, report, out);
    let req = Request {
        name: &name,
        out,
        text_path: checked.named(),
        with: opts.with.as_ref().map(|d| &d.report),
        place: opts.place.clone(),
        year: opts.year,
    };
    let drafted = draft::draft(&text, &req)?;
    Ok(Prepared {
        name,
        text,
        checked,
        drafted,
    })
}

/// Write a prepared draft (and its text's UTF-8 copy when it needs one) and say what was found.
fn write(p: Prepared, out: Option<&Path>, force: bool) -> Result<String, DraftError> {
    let Prepared {
        name,
        text,
        checked,
        drafted,
    } = p;
    let write_err = |path: &Path, err: String| DraftError::Write {
        file: path.display().to_string(),
        err,
    };
    if let Checked::Copy(copy) = &checked {
        if copy.exists() && !force {
            return Err(write_err(
                copy,
                "the file exists; expected a new name for the data file, or --force".to_owned(),
            ));
        }
        write_atomic(copy, text.text.as_bytes(), force)
            .map_err(|e| write_err(copy, why_not_written(&e)))?;
    }
    let r = &drafted.report;
    let source = &r.sources[0];
    let place = source.place.as_ref().map_or_else(
        || "place not found: give --place".to_owned(),
        |p| format!("{} {}", p.name, p.code),
    );
    let mut summary = format!(
        "{} figures in {} indicators, {} charts on {} pages, from {name} ({}); {place}, {} {}",
        r.point_count(),
        r.indicators.len(),
        r.charts.len(),
        r.pages.len(),
        text.origin(),
        drafted.year,
        dated_words(source.dated_by),
    );
    if let Some(out) = out {
        write_atomic(out, drafted.ron.as_bytes(), force)
            .map_err(|e| write_err(out, why_not_written(&e)))?;
        summary = format!("wrote {}: {summary}", out.display());
        if let Checked::Copy(copy) = &checked {
            summary.push_str(&format!(
                "\nwrote {}: the text as UTF-8, for checking quotes",
                copy.display()
            ));
        }
    } else {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(drafted.ron.as_bytes())
            .map_err(|e| write_err(Path::new("standard output"), e.to_string()))?;
        if matches!(checked, Checked::Unnamed) {
            summary.push_str(
                "\nthe data names no source text (the report is not UTF-8 text): give --out to get a UTF-8 copy beside the data file, so quotes can be checked",
            );
        }
    }
    if drafted.dropped > 0 {
        summary.push_str(&format!(
            "\n{} numbers left out: their words did not state them back, or a reviewed --with file rejected them",
            drafted.dropped
        ));
    }
    for warning in &drafted.warnings {
        summary.push_str(&format!("\n{warning}"));
    }
    Ok(summary)
}

/// Where the report's year came from, as the summary says it.
fn dated_words(by: Option<model::DatedBy>) -> &'static str {
    match by {
        Some(model::DatedBy::Given) => "as --year gave",
        Some(model::DatedBy::Delivered) => "as its delivery line dates it",
        Some(model::DatedBy::Title) => "as its title names it",
        Some(model::DatedBy::Text) => "as its text names it",
        Some(model::DatedBy::FileName) => "from its file's name (the text names no year: check it)",
        Some(model::DatedBy::Clock) | None => {
            "from the computer's clock (neither the text nor the file name names a year: give --year)"
        }
    }
}

/// The text a drafted file's quotes are checked against, decided once from the report's format.
enum Checked {
    /// The report itself (it is UTF-8 text): its path as the data file names it.
    Report(String),
    /// A UTF-8 copy of the text, written beside the data file.
    Copy(PathBuf),
    /// None: the data goes to standard output and the report is not UTF-8 text.
    Unnamed,
}

impl Checked {
    fn of(text: &ReportText, report: &Path, out: Option<&Path>) -> Self {
        match out {
            _ if text.is_the_file() => Self::Report(match out {
                Some(out) => relative_to(report, out),
                None => std::fs::canonicalize(report)
                    .unwrap_or_else(|_| report.to_owned())
                    .display()
                    .to_string(),
            }),
            Some(out) => Self::Copy(copy_path(out)),
            None => Self::Unnamed,
        }
    }

    /// The path the data file names as its source's text.
    fn named(&self) -> Option<String> {
        match self {
            Self::Report(path) => Some(path.clone()),
            Self::Copy(copy) => copy.file_name().map(|n| n.to_string_lossy().into_owned()),
            Self::Unnamed => None,
        }
    }
}

/// `r.ron` → `r.source.txt`, beside it.
fn copy_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}.source.txt"))
}

/// The report's path as the data file at `out` names it: relative when the report is in the data
/// file's folder or below, absolute otherwise.
fn relative_to(report: &Path, out: &Path) -> String {
    let abs = std::fs::canonicalize(report).unwrap_or_else(|_| report.to_owned());
    let folder = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match std::fs::canonicalize(folder) {
        Ok(folder) => abs
            .strip_prefix(&folder)
            .map_or_else(|_| abs.display().to_string(), |p| p.display().to_string()),
        Err(_) => abs.display().to_string(),
    }
}

/// Write atomically (see [`planboard::files`]); without `replace`, never over an existing file.
fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<(), files::WriteError> {
    if replace {
        files::write_atomic(path, bytes)
    } else {
        files::write_new(path, bytes)
    }
}

/// Why a file was not written, as the draft command says it: a file in the way is answered with
/// `--force`, which only this command has.
fn why_not_written(err: &files::WriteError) -> String {
    match err {
        files::WriteError::Exists(_) => {
            "the file exists; expected a new file name, or --force to replace it".to_owned()
        }
        other => other.to_string(),
    }
}
