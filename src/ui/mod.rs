//! The desktop window. UI code only draws and reacts; what a chart shows comes from
//! [`crate::charts`].

pub mod action;
pub mod app;
mod chart_panel;
mod cpu_window;
pub mod dialogs;
pub mod loading;
pub mod notices;
pub mod renderer;
mod review_form;
mod review_session;
pub mod review_view;
pub mod screenshot;
pub mod settings;
mod shortcuts;
mod side_panel;
mod store;
pub mod table_view;
mod time_controls;
mod widgets;

use std::path::PathBuf;

pub use action::Action;
pub use app::PlanboardApp;
pub use dialogs::Dialogs;
pub use notices::Notice;
pub use screenshot::ScreenshotJob;
pub use settings::{PageRef, Settings};

use crate::draw::{Theme, fonts};
use crate::model::{Dataset, Lang, TABLE_PAGE_ID};

/// Why the window could not run, or took no screenshot. `main` prints it.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    /// A file named on the command line does not load: said before any window opens.
    #[error(transparent)]
    Data(#[from] crate::model::LoadError),
    #[error("no page `{page}`; expected one of: {expected}")]
    NoPage { page: String, expected: String },
    /// The GPU path failed; the message says what to do instead.
    #[error("{}", renderer::gpu_failure(.0))]
    Gpu(String),
    #[error("the window cannot open: {0}; is a display (X11 or Wayland) available?")]
    NoDisplay(#[source] winit::error::EventLoopError),
    #[error("the window cannot open: {0}")]
    Open(#[source] winit::error::OsError),
    #[error("the window cannot be drawn into: {0}")]
    Surface(#[source] softbuffer::SoftBufferError),
    #[error("the window stopped: {0}")]
    Stopped(#[source] winit::error::EventLoopError),
    #[error(transparent)]
    Screenshot(#[from] screenshot::ScreenshotError),
}

/// The app's name for eframe: where its settings are stored.
const APP_ID: &str = "planboard";

/// What `planboard [FILE]` was asked on the command line.
#[derive(Debug, Default)]
pub struct Launch {
    /// Data files or folders shown together; the embedded default (or the files opened last) when
    /// empty.
    pub files: Vec<PathBuf>,
    /// Folders where source texts are looked for, to verify quotes.
    pub sources: Vec<PathBuf>,
    /// Which renderer draws the window.
    pub renderer: renderer::RendererChoice,
    pub screenshot: Option<PathBuf>,
    pub page: Option<String>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
}

/// Open the window and run until it closes. For `--screenshot`, returns the capture's outcome.
pub fn run(launch: Launch) -> Result<(), WindowError> {
    // A file named on the command line that does not load is reported before any window opens;
    // what loads is what the window shows, not read a second time.
    let dataset = if launch.files.is_empty() {
        crate::model::default_data_files().and_then(crate::model::merge)
    } else {
        crate::model::load_dataset(&launch.files)
    }?;
    let report = &dataset.report;
    let drafted = dataset
        .files
        .iter()
        .any(|f| crate::review::has_draft(&f.report));
    if let Some(page) = &launch.page
        && page != TABLE_PAGE_ID
        && !(drafted && page == crate::model::REVIEW_PAGE_ID)
        && !report.pages.iter().any(|p| &p.id == page)
    {
        let mut ids: Vec<&str> = report.pages.iter().map(|p| p.id.as_str()).collect();
        if drafted {
            ids.push(crate::model::REVIEW_PAGE_ID);
        }
        return Err(WindowError::NoPage {
            page: page.clone(),
            expected: format!("{}, {TABLE_PAGE_ID}", ids.join(", ")),
        });
    }
    let job = launch.screenshot.clone().map(ScreenshotJob::new);
    let result = job.as_ref().map(|j| std::sync::Arc::clone(&j.result));
    match renderer::choose(launch.renderer) {
        renderer::Choice::Cpu(reason) => cpu_window::run(&launch, dataset, job, &reason)?,
        renderer::Choice::Gpu => {
            run_gpu(launch, dataset, job).map_err(|err| WindowError::Gpu(err.to_string()))?;
        }
    }
    match result {
        None => Ok(()),
        Some(result) => match result.lock().ok().and_then(|mut r| r.take()) {
            Some(outcome) => Ok(outcome?),
            None => Err(screenshot::ScreenshotError::NotTaken.into()),
        },
    }
}

/// The window through eframe and wgpu.
fn run_gpu(
    launch: Launch,
    loaded: Dataset,
    job: Option<ScreenshotJob>,
) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("planboard")
            .with_inner_size(WINDOW_SIZE)
            .with_min_inner_size(MIN_WINDOW_SIZE)
            .with_icon(std::sync::Arc::new(app_icon()))
            .with_drag_and_drop(true),
        // Screenshots must not depend on, nor change, what a person saved.
        persist_window: launch.screenshot.is_none(),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            // Screenshots neither read nor write what a person saved.
            let stored = match (&launch.screenshot, cc.storage) {
                (None, Some(storage)) => storage.get_string(settings::STORAGE_KEY),
                _ => None,
            };
            let app = make_app(&launch, loaded, &cc.egui_ctx, stored.as_deref(), job);
            Ok(Box::new(app))
        }),
    )
}

/// The window's icon, drawn here rather than shipped: three bars, a result beside two targets, in
/// the charts' colours.
pub fn app_icon() -> egui::IconData {
    const SIZE: u32 = 64;
    let result = crate::draw::palette::RESULT.to_array();
    let target = crate::draw::palette::TARGET.to_array();
    let page = crate::draw::palette::ICON_PAGE.to_array();
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            // Three bars on a white rounded square: heights 28, 44 and 36 of 64.
            let bar = match x {
                10..=22 => Some((SIZE - 10 - 28, result)),
                26..=38 => Some((SIZE - 10 - 44, target)),
                42..=54 => Some((SIZE - 10 - 36, result)),
                _ => None,
            };
            let pixel = match bar {
                Some((top, color)) if y >= top && y < SIZE - 10 => color,
                _ => page,
            };
            rgba.extend_from_slice(&pixel);
        }
    }
    egui::IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    }
}

/// The window's first size and its smallest, in points.
pub const WINDOW_SIZE: [f32; 2] = [1440.0, 920.0];
pub const MIN_WINDOW_SIZE: [f32; 2] = [720.0, 480.0];

/// The app as a launch asks for it: saved settings (unless a screenshot is taken), overridden by
/// the command line; the data named, or the files opened last, or the embedded default.
/// `loaded` is what [`run`] loaded: the files named, or the embedded default.
pub(crate) fn make_app(
    launch: &Launch,
    loaded: Dataset,
    ctx: &egui::Context,
    stored: Option<&str>,
    job: Option<ScreenshotJob>,
) -> PlanboardApp {
    fonts::install(ctx);
    let mut notices = Vec::new();
    let (mut settings, notice) = Settings::restore(stored);
    notices.extend(notice.map(Notice::error));
    // A store eframe could not read at all looks empty: read it ourselves to say so.
    if stored.is_none() && launch.screenshot.is_none() {
        let store = eframe::storage_dir(APP_ID)
            .and_then(|dir| std::fs::read_to_string(dir.join("app.ron")).ok());
        notices.extend(Settings::unreadable_store_notice(store.as_deref()).map(Notice::error));
    }
    if let Some(lang) = launch.lang {
        settings.lang = lang;
    }
    if let Some(theme) = launch.theme {
        settings.theme = theme;
    }
    if let Some(page) = &launch.page {
        settings.page = Some(if page == TABLE_PAGE_ID {
            PageRef::Table
        } else if page == crate::model::REVIEW_PAGE_ID {
            PageRef::Review
        } else {
            PageRef::Page(page.clone())
        });
    }
    let wanted: Vec<PathBuf> = if launch.files.is_empty() {
        settings.data_files.clone()
    } else {
        launch
            .files
            .iter()
            .map(|f| std::path::absolute(f).unwrap_or_else(|_| f.clone()))
            .collect()
    };
    let sources = launch.sources.clone();
    let mut remembered = None;
    let data = if !launch.files.is_empty() {
        // The files named, as loaded before the window opened, known by their absolute paths
        // (remembered across restarts, they must not depend on the folder the app started in).
        let mut loaded = loaded;
        for file in &mut loaded.files {
            if let Some(path) = &mut file.path {
                *path = std::path::absolute(&*path).unwrap_or_else(|_| path.clone());
                file.name = path.display().to_string();
            }
        }
        settings.data_files = wanted;
        crate::data_source::DataSource::from_dataset(loaded, sources, Some(ctx))
    } else if wanted.is_empty() {
        // The embedded default, as loaded before the window opened.
        crate::data_source::DataSource::from_dataset(loaded, sources, None)
    } else {
        // The files opened last, loaded on their own thread: the embedded default, loaded already,
        // shows meanwhile, and stays when they no longer load.
        remembered = Some(wanted);
        crate::data_source::DataSource::from_dataset(loaded, sources, None)
    };
    let mut app = PlanboardApp::new(settings, data);
    app.notices = notices;
    if let Some(paths) = remembered {
        app.open_remembered(paths, ctx);
    }
    if let Some(job) = job {
        app = app.with_screenshot(job);
    }
    app
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)] // tests may stop at the first surprise

    use super::{Launch, PlanboardApp, Settings, make_app};

    /// Run frames until the app has no load on its own thread (or a minute has passed).
    fn until_loaded(ctx: &egui::Context, app: &mut PlanboardApp) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
        while app.loading().is_some() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
            let _ = ctx.run_ui(egui::RawInput::default(), |ui| app.ui(ui));
        }
        assert!(app.loading().is_none(), "loading never ended");
    }

    /// The files of the last session open at start-up on their own thread, the embedded data
    /// showing meanwhile; when they no longer load they are forgotten and a notice says why.
    #[test]
    fn the_last_sessions_files_load_after_the_window_opens() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.ron");
        let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minimal.ron");
        std::fs::copy(minimal, &path).expect("copy");
        let stored = Settings {
            data_files: vec![path.clone()],
            ..Settings::default()
        }
        .to_stored();
        let start = |ctx: &egui::Context| {
            let embedded = crate::model::default_data_files()
                .and_then(crate::model::merge)
                .expect("embedded");
            make_app(&Launch::default(), embedded, ctx, Some(&stored), None)
        };

        let ctx = egui::Context::default();
        let mut app = start(&ctx);
        until_loaded(&ctx, &mut app);
        assert_eq!(app.report().title.zh, "测试报告");
        assert_eq!(app.settings.data_files, vec![path.clone()]);
        assert!(app.notices.is_empty(), "no news at start-up");

        std::fs::write(&path, "not a report").expect("break");
        let ctx = egui::Context::default();
        let mut app = start(&ctx);
        until_loaded(&ctx, &mut app);
        assert_ne!(app.report().title.zh, "测试报告", "the embedded data stays");
        assert!(app.settings.data_files.is_empty(), "forgotten");
        assert!(
            app.notices
                .iter()
                .any(|n| n.error && n.text.contains("report.ron")),
            "says why"
        );
    }
}
