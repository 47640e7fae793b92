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

impl From<ThemeArg> for planboard::ui::Theme {
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => check(file.as_deref()),
        Some(Command::Table { file }) => table(file.as_deref()),
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
