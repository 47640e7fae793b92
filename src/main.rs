//! The `planboard` command: the window, and `check`, `table` and `export` for the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[path = "cli/draft.rs"]
mod draft;
#[path = "cli/draft_table.rs"]
mod draft_table;
#[path = "cli/export_ask.rs"]
mod export_ask;
#[path = "cli/time_window.rs"]
mod time_window;
use planboard::model::{self, Dataset, LoadError};

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
    /// RON data files or folders to show together; the embedded default report when omitted.
    files: Vec<PathBuf>,
    /// Folder where source texts are looked for, to verify quotes (repeatable).
    #[arg(long = "sources", value_name = "DIR")]
    sources: Vec<PathBuf>,
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
    /// Who draws the window: the GPU, the CPU (planboard's own rasterizer), or auto: the CPU when
    /// no GPU or only a software one is found. Also PLANBOARD_RENDERER=auto|gpu|cpu.
    #[arg(long, value_enum, default_value = "auto")]
    renderer: RendererArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum RendererArg {
    Auto,
    Gpu,
    Cpu,
}

impl From<RendererArg> for planboard::ui::renderer::RendererChoice {
    fn from(r: RendererArg) -> Self {
        match r {
            RendererArg::Auto => Self::Auto,
            RendererArg::Gpu => Self::Gpu,
            RendererArg::Cpu => Self::Cpu,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Png,
    Svg,
}

impl From<FormatArg> for planboard::export::ImageFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Png => Self::Png,
            FormatArg::Svg => Self::Svg,
        }
    }
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
    /// Validate data files, check quotes against the source texts at hand, and print a summary, or
    /// every problem with file:line:column.
    Check {
        /// RON data files or folders, checked together; the embedded default when omitted.
        files: Vec<PathBuf>,
        /// Folder where source texts are looked for besides the data files' own (repeatable).
        #[arg(long = "sources", value_name = "DIR")]
        sources: Vec<PathBuf>,
    },
    /// Print every data point as TSV, with the sentence it comes from and its source.
    Table {
        /// RON data files or folders, merged; the embedded default when omitted.
        files: Vec<PathBuf>,
        /// A row a monitoring record instead: indicator_id, column, category, unit, values, gaps,
        /// first, last, mean, min, max.
        #[arg(long)]
        records: bool,
    },
    /// Draft a data file from a report's text (plain text in UTF-8 or GB18030, or a saved HTML
    /// page): every figure with its unit, qualifier, kind, year, basis and sentence, proposed for
    /// review, with charts and pages. From a monitoring table (.csv, .tsv, a .txt table, or a
    /// spreadsheet: .xlsx, .xls, .ods, every sheet with a table): its records, time, units and
    /// charts, each guess written in the file. Writes to standard output
    /// unless --out is given.
    Draft {
        /// The report (a .txt file, or an .html page saved from a browser) or a table (.csv, .tsv,
        /// a spreadsheet). Several reports (of several places) are drafted at once into the --out
        /// folder.
        #[arg(required = true, num_args = 1..)]
        reports: Vec<PathBuf>,
        /// The data file to write (atomically; an existing file only with --force); with several
        /// reports, the folder to write them into, one `{place code}-{year}-{kind}.ron` each.
        #[arg(long, value_name = "FILE.ron|DIR")]
        out: Option<PathBuf>,
        /// Whose report it is, when its opening lines do not say: a name as written (广东省,
        /// 深圳市龙岗区) or a GB/T 2260 code (440307).
        #[arg(long, value_name = "NAME|CODE")]
        place: Option<String>,
        /// The year the report sets targets for (the year it was delivered in), when its text
        /// does not say: relative words (今年, 去年) count from it.
        #[arg(long)]
        year: Option<i32>,
        /// Data files or folders whose indicators the draft reuses by name, unit and basis, so a
        /// new year's report merges into the record by id (repeatable).
        #[arg(long = "with", value_name = "FILE|DIR")]
        with: Vec<PathBuf>,
        /// Replace the --out file (and its text copy) if it exists.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        table: draft_table::TableArgs,
    },
    /// Save charts as PNG or SVG images without a window, display or GPU; prints each path written.
    Export {
        /// RON data files or folders, merged (repeatable); the embedded default when omitted.
        #[arg(long, value_name = "FILE", num_args = 1..)]
        data: Vec<PathBuf>,
        /// Folder to write into (must exist). Files are named {chart_id}.png or .svg.
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
        /// png: pixels at the chosen scale; svg: shapes and text kept as text, fonts embedded.
        #[arg(long, value_enum, default_value = "png")]
        format: FormatArg,
        /// Hide a series (an indicator id, or ref:ID for a reference line) of a chart (repeatable).
        #[arg(long = "hide", value_name = "CHART_ID:SERIES")]
        hide: Vec<String>,
        /// Time charts: show from this time (ISO 8601, China's time: 2013-01-01 or 2013-01-01T08:00).
        #[arg(long, value_name = "TIME")]
        from: Option<String>,
        /// Time charts: show up to this time (excluded).
        #[arg(long, value_name = "TIME")]
        to: Option<String>,
        /// Time charts: draw the means per day, month or year over the raw values.
        #[arg(long, value_enum)]
        means: Option<MeansArg>,
        /// Time charts: start the value axis at zero (it fits the data otherwise).
        #[arg(long)]
        zero: bool,
    },
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum MeansArg {
    Day,
    Month,
    Year,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files, sources }) => check(&files, &sources),
        Some(Command::Table { files, records }) => table(&files, records),
        Some(Command::Draft {
            reports,
            out,
            place,
            year,
            with,
            force,
            table,
        }) => match reports.as_slice() {
            [one] if draft_table::is_table(one) => {
                draft_table::run(one, out.as_deref(), force, &table.request())
            }
            _ => draft::run(&draft::Args {
                reports: &reports,
                out: out.as_deref(),
                place: place.as_deref(),
                year,
                with: &with,
                force,
            }),
        },
        Some(Command::Export {
            data,
            out,
            charts,
            scale,
            lang,
            theme,
            format,
            hide,
            from,
            to,
            means,
            zero,
        }) => export(&ExportArgs {
            data,
            out,
            charts,
            opts: planboard::export::ImageOptions {
                scale,
                lang: lang.into(),
                theme: theme.into(),
                format: format.into(),
                ..Default::default()
            },
            hide,
            window: (from, to),
            means: means.map(|m| match m {
                MeansArg::Day => planboard::model::series::Averaging::Day,
                MeansArg::Month => planboard::model::series::Averaging::Month,
                MeansArg::Year => planboard::model::series::Averaging::Year,
            }),
            zero,
        }),
        None => {
            let launch = planboard::ui::Launch {
                files: cli.files,
                sources: cli.sources,
                renderer: cli.renderer.into(),
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

/// The dataset of `files` (folders stand for their `.ron` files), or the embedded default.
fn load(files: &[PathBuf]) -> (String, Result<Dataset, LoadError>) {
    if files.is_empty() {
        let name = format!("{} (embedded)", model::DEFAULT_DATA_NAME);
        let dataset = model::default_data_files().and_then(model::merge);
        (name, dataset)
    } else {
        let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        (names.join(", "), model::load_dataset(files))
    }
}

fn check(files: &[PathBuf], sources: &[PathBuf]) -> ExitCode {
    use planboard::model::provenance::{self, TextState};
    let (name, result) = load(files);
    let dataset = match result {
        Ok(d) => d,
        Err(err) => return report_error(&err),
    };
    let report = &dataset.report;
    let provenance = provenance::check(&dataset, sources);
    for problem in &provenance.problems {
        eprintln!("{problem}");
    }
    print_counts(&name, report);
    print_review(report);
    for check in &provenance.sources {
        print_source(check, &dataset.files[check.file].name);
    }
    let unreadable = provenance
        .sources
        .iter()
        .any(|c| matches!(c.state, TextState::Unreadable(_)));
    let n = provenance.problems.len();
    if n > 1 {
        eprintln!("{n} problems found");
    }
    if n > 0 || unreadable {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// "FILE: valid: N indicators, …": what the files hold.
fn print_counts(name: &str, report: &model::Report) {
    let revised = report
        .indicators
        .iter()
        .flat_map(|i| &i.points)
        .filter(|p| p.revised_by.is_some())
        .count();
    let (records, rows) = report.record_count();
    let count = planboard::format::count;
    println!(
        "{name}: valid: {}, {}, {}{}, {}{}",
        count(report.indicators.len(), "indicator", "indicators"),
        count(report.point_count(), "data point", "data points"),
        if records > 0 {
            format!(
                "{} of {} from tables, ",
                count(records, "record", "records"),
                count(rows, "row", "rows")
            )
        } else {
            String::new()
        },
        count(report.charts.len(), "chart", "charts"),
        count(report.pages.len(), "page", "pages"),
        if revised > 0 {
            format!(", {revised} revised by a later source")
        } else {
            String::new()
        }
    );
}

/// A drafted file says how far its review has come.
fn print_review(report: &model::Report) {
    let mut review = [0_usize; 3];
    for p in report.indicators.iter().flat_map(|i| &i.points) {
        if let Some(r) = &p.review {
            review[match r.state {
                model::ReviewState::Proposed => 0,
                model::ReviewState::Accepted => 1,
                model::ReviewState::Rejected => 2,
            }] += 1;
        }
    }
    if review.iter().sum::<usize>() > 0 {
        let [proposed, accepted, rejected] = review;
        println!(
            "  a draft: {proposed} figures proposed by `planboard draft` and not yet reviewed, {accepted} accepted, {rejected} rejected"
        );
    }
}

/// One source's line: verified, wrong quotes, not verified (and why), or unreadable.
fn print_source(check: &planboard::model::provenance::SourceCheck, file: &str) {
    use planboard::model::provenance::TextState;
    match &check.state {
        TextState::Checked {
            text,
            figures,
            problems: 0,
        } => println!(
            "  source `{}` ({file}): verified: {figures} {} found in {} and {} stated",
            check.source,
            if *figures == 1 { "quote" } else { "quotes" },
            text.display(),
            if *figures == 1 {
                "its value"
            } else {
                "their values"
            }
        ),
        TextState::Checked {
            text,
            figures,
            problems,
        } => println!(
            "  source `{}` ({file}): {problems} of {figures} quotes wrong against {}",
            check.source,
            text.display()
        ),
        TextState::NotAtHand { text: None, .. } => println!(
            "  source `{}` ({file}): not verified: the source names no text file",
            check.source
        ),
        TextState::NotAtHand {
            text: Some(text),
            looked_in,
        } => println!(
            "  source `{}` ({file}): not verified: its text `{text}` is not at hand{}; give its folder with --sources DIR",
            check.source,
            if looked_in.is_empty() {
                String::new()
            } else {
                format!(
                    " (looked in: {})",
                    looked_in
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        ),
        TextState::Unreadable(err) => {
            eprintln!("{err}");
            println!("  source `{}` ({file}): unreadable text", check.source);
        }
    }
}

fn table(files: &[PathBuf], records: bool) -> ExitCode {
    let (_, result) = load(files);
    match result {
        Ok(dataset) if records => {
            print!(
                "{}",
                planboard::table::records::records_tsv(&dataset.report)
            );
            ExitCode::SUCCESS
        }
        Ok(dataset) => {
            let rows = planboard::table::rows(&dataset.report);
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
    data: Vec<PathBuf>,
    out: PathBuf,
    charts: Vec<String>,
    opts: planboard::export::ImageOptions,
    hide: Vec<String>,
    /// `--from`, `--to` as given.
    window: (Option<String>, Option<String>),
    means: Option<planboard::model::series::Averaging>,
    /// `--zero`: time charts' value axes start at zero.
    zero: bool,
}

fn export(args: &ExportArgs) -> ExitCode {
    use planboard::export::{ImageRequest, write_all};
    use std::io::IsTerminal as _;

    if !planboard::export::IMAGE_SCALES.contains(&args.opts.scale) {
        eprintln!(
            "planboard: --scale {} is not offered; expected one of {}",
            args.opts.scale,
            planboard::export::image_scales_list()
        );
        return ExitCode::FAILURE;
    }
    let (name, result) = load(&args.data);
    let report = match result {
        Ok(d) => d.report,
        Err(err) => return report_error(&err),
    };
    let data_label = planboard::export::data_label(&args.data);
    let ask = match time_window::time_view(args) {
        Ok(ask) => ask,
        Err(message) => {
            eprintln!("planboard: {message}");
            return ExitCode::FAILURE;
        }
    };
    let ids: Vec<String> = if args.charts.is_empty() {
        report.charts.iter().map(|c| c.id.clone()).collect()
    } else {
        args.charts.clone()
    };
    let hidden = match export_ask::hidden_series(&args.hide, &report, &name) {
        Ok(hidden) => hidden,
        Err(message) => {
            eprintln!("planboard: {message}");
            return ExitCode::FAILURE;
        }
    };
    let mut requests = Vec::new();
    for id in &ids {
        let (chart, view) = match export_ask::chart_to_export(&report, id, &name, &ask) {
            Ok(found) => found,
            Err(message) => {
                eprintln!("planboard: {message}");
                return ExitCode::FAILURE;
            }
        };
        requests.push(ImageRequest {
            report: &report,
            chart,
            hidden: hidden.get(id).cloned().unwrap_or_default(),
            view,
            data_label: data_label.clone(),
            options: args.opts,
        });
    }
    let show_progress = requests.len() > 1 && std::io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if show_progress {
            eprint!("\rexporting {done}/{total}");
            if done == total {
                eprintln!();
            }
        }
    };
    // A folder that is not there fails every chart the same way: say it once.
    if !args.out.is_dir() {
        eprintln!(
            "planboard: {}",
            planboard::export::ExportError::MissingFolder(args.out.clone())
        );
        return ExitCode::FAILURE;
    }
    let results = write_all(&requests, &args.out, &progress);
    let mut failed = false;
    for (request, result) in requests.iter().zip(results) {
        match result {
            Ok(path) => println!("{}", path.display()),
            Err(err) => {
                eprintln!("planboard: {}: {err}", request.chart.id);
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
