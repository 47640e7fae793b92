//! The `planboard` command: the window, and `check`, `table` and `export` for the command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use planboard::model::{self, LoadError, Report};

#[derive(Parser)]
#[command(
    name = "planboard",
    version,
    about = "Charts from a government's development-plan report (龙岗区计划报告图表)"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// RON data file to show; the embedded default report when omitted.
    file: Option<PathBuf>,
    /// Open the window, wait until the page is drawn, save the window as this PNG and exit.
    #[arg(long, value_name = "FILE.png")]
    screenshot: Option<PathBuf>,
    /// Page to show: a page id of the data file (e.g. headline, environment) or `table`.
    #[arg(long, value_name = "ID")]
    page: Option<String>,
    /// Language of the UI and the data names.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Color theme.
    #[arg(long, value_enum)]
    theme: Option<ThemeArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

impl From<LangArg> for model::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Self::Zh,
            LangArg::En => Self::En,
        }
    }
}

impl From<ThemeArg> for planboard::draw::Theme {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Light => Self::Light,
            ThemeArg::Dark => Self::Dark,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Validate a data file and print a summary, or every problem with file:line:column.
    Check {
        /// RON data file; the embedded default report when omitted.
        file: Option<PathBuf>,
    },
    /// Print every data point as TSV, with the sentence of the report it comes from.
    Table {
        /// RON data file; the embedded default report when omitted.
        file: Option<PathBuf>,
    },
    /// Save charts as PNG images without a window, display or GPU; prints each path written.
    Export {
        /// RON data file; the embedded default report when omitted.
        #[arg(long, value_name = "FILE")]
        data: Option<PathBuf>,
        /// Folder to write into (must exist). Files are named {chart_id}.png.
        #[arg(long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
        /// Chart to export (repeatable); every chart when omitted.
        #[arg(long = "chart", value_name = "ID")]
        charts: Vec<String>,
        /// Pixels per point: 1, 2, 3 or 4, as the window offers (2 gives 1800×1000 images).
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        #[arg(long, value_enum, default_value = "light")]
        theme: ThemeArg,
        /// Hide a series (an indicator id, or ref:ID for a reference line) of a chart (repeatable).
        #[arg(long = "hide", value_name = "CHART_ID:SERIES")]
        hide: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => check(file.as_deref()),
        Some(Command::Table { file }) => table(file.as_deref()),
        Some(Command::Export {
            data,
            out,
            charts,
            scale,
            lang,
            theme,
            hide,
        }) => export(&ExportArgs {
            data,
            out,
            charts,
            opts: planboard::export::render::ImageOptions {
                scale,
                lang: lang.into(),
                theme: theme.into(),
                ..Default::default()
            },
            hide,
        }),
        None => {
            let launch = planboard::ui::Launch {
                file: cli.file,
                screenshot: cli.screenshot,
                page: cli.page,
                lang: cli.lang.map(Into::into),
                theme: cli.theme.map(Into::into),
            };
            match planboard::ui::run(launch) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("planboard: {err}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn load(file: Option<&Path>) -> (String, Result<Report, LoadError>) {
    match file {
        Some(path) => (path.display().to_string(), model::load_file(path)),
        None => (
            format!("{} (embedded)", model::DEFAULT_DATA_NAME),
            model::load_default(),
        ),
    }
}

fn check(file: Option<&Path>) -> ExitCode {
    let (name, result) = load(file);
    match result {
        Ok(report) => {
            println!(
                "{name}: valid: {} indicators, {} data points, {} charts, {} pages",
                report.indicators.len(),
                report.point_count(),
                report.charts.len(),
                report.pages.len()
            );
            ExitCode::SUCCESS
        }
        Err(err) => report_error(&err),
    }
}

fn table(file: Option<&Path>) -> ExitCode {
    let (_, result) = load(file);
    match result {
        Ok(report) => {
            let rows = planboard::table::rows(&report);
            print!("{}", planboard::table::to_tsv(&rows));
            ExitCode::SUCCESS
        }
        Err(err) => report_error(&err),
    }
}

fn report_error(err: &LoadError) -> ExitCode {
    eprintln!("{err}");
    let n = err.problems().len();
    if n > 1 {
        eprintln!("{n} problems found");
    }
    ExitCode::FAILURE
}

struct ExportArgs {
    data: Option<PathBuf>,
    out: PathBuf,
    charts: Vec<String>,
    opts: planboard::export::render::ImageOptions,
    hide: Vec<String>,
}

fn export(args: &ExportArgs) -> ExitCode {
    use planboard::export::batch::{Job, export_all};
    use std::collections::{BTreeMap, BTreeSet};
    use std::io::IsTerminal as _;

    if !planboard::export::IMAGE_SCALES.contains(&args.opts.scale) {
        eprintln!(
            "planboard: --scale {} is not offered; expected one of {}",
            args.opts.scale,
            planboard::export::image_scales_list()
        );
        return ExitCode::FAILURE;
    }
    let (name, result) = load(args.data.as_deref());
    let report = match result {
        Ok(r) => r,
        Err(err) => return report_error(&err),
    };
    let data_name = planboard::export::render::data_label(args.data.as_deref());
    let ids: Vec<String> = if args.charts.is_empty() {
        report.charts.iter().map(|c| c.id.clone()).collect()
    } else {
        args.charts.clone()
    };
    let mut hidden: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for spec in &args.hide {
        let Some((chart, series)) = spec.split_once(':') else {
            eprintln!("planboard: --hide {spec}: expected CHART_ID:SERIES, e.g. headline:gdp");
            return ExitCode::FAILURE;
        };
        let Some(c) = report.chart(chart) else {
            eprintln!("planboard: --hide {spec}: {name} has no chart `{chart}`");
            return ExitCode::FAILURE;
        };
        let keys = planboard::charts::toggle_keys(c);
        if !keys.iter().any(|k| k == series) {
            eprintln!(
                "planboard: --hide {spec}: chart `{chart}` has no series `{series}`; expected one of: {}",
                keys.join(", ")
            );
            return ExitCode::FAILURE;
        }
        hidden
            .entry(chart.to_owned())
            .or_default()
            .insert(series.to_owned());
    }
    let mut jobs = Vec::new();
    for id in &ids {
        let Some(chart) = report.chart(id) else {
            eprintln!(
                "planboard: {name} has no chart `{id}`; expected one of: {}",
                report
                    .charts
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return ExitCode::FAILURE;
        };
        jobs.push(Job {
            chart,
            hidden: hidden.get(id).cloned().unwrap_or_default(),
        });
    }
    let show_progress = jobs.len() > 1 && std::io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if show_progress {
            eprint!("\rexporting {done}/{total}");
            if done == total {
                eprintln!();
            }
        }
    };
    let results = export_all(&report, &jobs, &args.out, &data_name, &args.opts, &progress);
    let mut failed = false;
    for (job, result) in jobs.iter().zip(results) {
        match result {
            Ok(path) => println!("{}", path.display()),
            Err(err) => {
                eprintln!("planboard: {}: {err}", job.chart.id);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
