//! The planboard window's state and its top-level `ui`: a side panel of pages and settings, a page
//! of charts or the table, and notices. Panels return [`Action`]s; [`PlanboardApp::apply`] carries
//! them out after drawing. State that must survive between frames lives here; everything else is
//! derived from the data and the settings.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use std::sync::Arc;

use egui::Ui;

use crate::charts::time::TimeView;
use crate::charts::{self, ChartSpec};
use crate::data_source::{self, DataSource, Opening, Poll};
use crate::draw::Theme;
use crate::i18n::tr;
use crate::model::{Lang, Report};
use crate::table::shown::{self, TableRow, TableState};
use crate::ui::action::Action;
use crate::ui::dialogs::{Dialogs, PendingDialog, Purpose};
use crate::ui::loading;
use crate::ui::notices::{self, Notice};
use crate::ui::review_view::ReviewSession;
use crate::ui::screenshot::ScreenshotJob;
use crate::ui::settings::{PageRef, Settings};
use crate::ui::table_view;
use crate::ui::{chart_panel, shortcuts, side_panel};

mod images;
mod review;
pub use images::ImageError;

pub struct PlanboardApp {
    /// What the person chose; written to storage when it changes.
    pub settings: Settings,
    /// The report on screen and the file it came from.
    pub data: DataSource,
    /// Chart specs by chart id, for the current data, language and toggles.
    specs: HashMap<String, Arc<ChartSpec>>,
    specs_for: (u64, Lang),
    /// What each time chart shows (its window of time, its means), by chart id: the window
    /// draws it and its images show it.
    pub time_views: HashMap<String, TimeView>,
    /// The table page's rows, for the current data and language.
    rows: Vec<TableRow>,
    rows_for: (u64, Lang),
    pub table: TableState,
    pub notices: Vec<Notice>,
    /// The file dialogs; tests replace them.
    pub dialogs: Dialogs,
    /// A dialog open on its own thread, whose answer is carried out when it comes.
    pending_dialog: Option<PendingDialog>,
    /// Files being opened on their own thread, shown when they are ready.
    opening: Option<Opening>,
    screenshot: Option<ScreenshotJob>,
    applied_theme: Option<Theme>,
    applied_title: String,
    /// The settings as last written to storage.
    saved_settings: Option<Settings>,
    /// Charts on screen this frame with their rectangles, for Ctrl+S / Ctrl+C.
    chart_rects: Vec<(String, egui::Rect)>,
    /// The review of a drafted file, once the review page has been opened.
    pub review: Option<ReviewSession>,
}

impl std::fmt::Debug for PlanboardApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlanboardApp")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl PlanboardApp {
    pub fn new(settings: Settings, data: DataSource) -> Self {
        Self {
            settings,
            data,
            specs: HashMap::new(),
            specs_for: (0, Lang::Zh),
            time_views: HashMap::new(),
            rows: Vec::new(),
            rows_for: (0, Lang::Zh),
            table: TableState::default(),
            notices: Vec::new(),
            dialogs: Dialogs::default(),
            pending_dialog: None,
            opening: None,
            screenshot: None,
            applied_theme: None,
            applied_title: String::new(),
            saved_settings: None,
            chart_rects: Vec::new(),
            review: None,
        }
    }

    /// Whether a file dialog is open (its thread has not answered yet).
    pub fn dialog_open(&self) -> bool {
        self.pending_dialog.is_some()
    }

    pub fn with_screenshot(mut self, job: ScreenshotJob) -> Self {
        self.screenshot = Some(job);
        self
    }

    /// The whole window's content. Separate from `eframe::App` so tests drive it with egui_kittest.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme_and_title(&ctx);
        if let Err(err) = self.data.poll() {
            self.notices
                .push(Notice::error(err.message().get(self.settings.lang)));
        }
        self.poll_dialog(&ctx);
        self.poll_opening(&ctx);
        let mut actions = dropped_files(&ctx);

        let current = self.current_page();
        egui::Panel::left("planboard-side")
            .resizable(true)
            .default_size(230.0)
            .min_size(190.0)
            .max_size(420.0)
            .show(ui, |ui| {
                // At the smallest window the panel is taller than the window: it scrolls.
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        actions.extend(side_panel::side_panel_ui(
                            ui,
                            &self.settings,
                            &current,
                            &self.data,
                        ));
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| actions.extend(self.page_ui(ui, &current)));
        notices::notices_ui(&ctx, &mut self.notices);
        if let Some(job) = &mut self.screenshot {
            job.drive(&ctx);
        }

        for action in actions {
            self.apply(action, &ctx);
        }
    }

    /// Carry out what a panel asked for.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::ShowPage(page) => self.settings.page = Some(page),
            Action::SetLang(lang) => self.settings.lang = lang,
            Action::SetTheme(theme) => self.settings.theme = theme,
            Action::SetImageScale(scale) => self.settings.image_scale = scale,
            Action::SetPrintLight(on) => self.settings.print_light = on,
            Action::SetImageFormat(format) => self.settings.image_format = format,
            Action::SetHidden { chart, hidden } => {
                self.set_hidden(&chart, hidden);
                ctx.request_repaint();
            }
            Action::SetTimeView { chart, view } => {
                self.time_views.insert(chart.clone(), view);
                self.specs.remove(&chart);
                ctx.request_repaint();
            }
            Action::SaveChart(chart) => {
                let name =
                    crate::export::safe_file_name(&chart, self.settings.image_format.extension());
                self.ask(Purpose::SaveChart(chart), name, ctx);
            }
            Action::CopyChart(chart) => self.copy_chart(&chart, ctx),
            Action::CopyText(text) => {
                ctx.copy_text(text);
                self.notices.push(Notice::info(tr(
                    self.settings.lang,
                    "已复制文字",
                    "Text copied",
                )));
            }
            Action::ExportAll => self.ask(Purpose::ExportAll, String::new(), ctx),
            Action::AskOpenFiles => self.ask(Purpose::OpenFiles, String::new(), ctx),
            Action::AskOpenFolder => self.ask(Purpose::OpenFolder, String::new(), ctx),
            Action::OpenFiles(paths) => self.open_files(&paths, ctx),
            Action::UseEmbedded => self.use_embedded(),
            Action::ResetSettings => self.reset(),
            Action::DismissDataError => self.data.error = None,
        }
    }

    fn page_ui(&mut self, ui: &mut Ui, current: &PageRef) -> Vec<Action> {
        let lang = self.settings.lang;
        let mut actions = Vec::new();
        if let Some(what) = self.loading() {
            loading::loading_ui(ui, lang, what);
        }
        if let Some(lines) = &self.data.error {
            actions.extend(notices::data_error_ui(ui, lang, lines));
        }
        match current {
            PageRef::Review => self.review_page_ui(ui, lang),
            PageRef::Table => {
                ui.heading(tr(lang, "数据表：全部数据点", "Data table: every figure"));
                self.refresh_rows();
                let places = self.data.place_count() > 1;
                table_view::table_ui(ui, &self.rows, &mut self.table, lang, places);
            }
            PageRef::Page(id) => {
                let Some(page) = self.report().pages.iter().find(|p| &p.id == id).cloned() else {
                    return actions;
                };
                ui.heading(self.data.page_name(&page, lang));
                ui.add_space(4.0);
                self.chart_rects.clear();
                let mut rects = Vec::new();
                actions.extend(chart_panel::charts_page_ui(
                    ui,
                    &page.charts,
                    |chart_id| {
                        let hidden = self.settings.hidden_in(chart_id);
                        self.spec(chart_id).map(|spec| (spec, hidden))
                    },
                    &mut rects,
                ));
                self.chart_rects = rects;
                actions.extend(self.chart_shortcuts(ui.ctx()));
            }
        }
        actions
    }

    /// Ctrl+S saves and Ctrl+C copies the chart under the pointer, or the page's first.
    fn chart_shortcuts(&self, ctx: &egui::Context) -> Option<Action> {
        let save = shortcuts::save_requested(ctx);
        let copy = shortcuts::copy_requested(ctx);
        if !save && !copy {
            return None;
        }
        let pointer = ctx.pointer_hover_pos();
        let target = pointer
            .and_then(|p| self.chart_rects.iter().find(|(_, r)| r.contains(p)))
            .or_else(|| self.chart_rects.first())
            .map(|(id, _)| id.clone())?;
        Some(if save {
            Action::SaveChart(target)
        } else {
            Action::CopyChart(target)
        })
    }

    pub fn report(&self) -> &Report {
        &self.data.report
    }

    /// The page shown, falling back to the first page when the saved one no longer exists.
    pub fn current_page(&self) -> PageRef {
        match &self.settings.page {
            Some(PageRef::Page(id)) if self.report().pages.iter().any(|p| &p.id == id) => {
                PageRef::Page(id.clone())
            }
            Some(PageRef::Table) => PageRef::Table,
            Some(PageRef::Review)
                if self
                    .data
                    .files
                    .iter()
                    .any(|f| crate::review::has_draft(&f.report)) =>
            {
                PageRef::Review
            }
            _ => self
                .report()
                .pages
                .first()
                .map_or(PageRef::Table, |p| PageRef::Page(p.id.clone())),
        }
    }

    /// The spec of a chart as currently shown (built on demand, cached until data, language or
    /// toggles change).
    pub fn spec(&mut self, chart_id: &str) -> Option<Arc<ChartSpec>> {
        self.refresh_specs();
        self.specs.get(chart_id).cloned()
    }

    fn refresh_specs(&mut self) {
        let key = (self.data.generation, self.settings.lang);
        if self.specs_for != key {
            self.specs.clear();
            self.specs_for = key;
        }
        if self.specs.len() == self.report().charts.len() {
            return;
        }
        let report = Arc::clone(&self.data.report);
        for chart in &report.charts {
            if !self.specs.contains_key(&chart.id) {
                let hidden = self.settings.hidden_in(&chart.id);
                let view = self.time_views.get(&chart.id).copied().unwrap_or_default();
                let spec = charts::build_in(&report, chart, self.settings.lang, &hidden, &view);
                self.specs.insert(chart.id.clone(), Arc::new(spec));
            }
        }
    }

    /// The table's rows, rebuilt when the data or the language changed.
    fn refresh_rows(&mut self) {
        let key = (self.data.generation, self.settings.lang);
        if self.rows_for != key {
            self.rows = shown::build_rows(self.report(), self.settings.lang);
            // Selected row numbers mean other figures once the data changed.
            if self.rows_for.0 != key.0 {
                self.table.selected.clear();
            }
            self.rows_for = key;
        }
    }

    /// Apply a toggle change: the settings hold the truth; the chart's spec is rebuilt.
    pub fn set_hidden(&mut self, chart_id: &str, hidden: BTreeSet<String>) {
        let valid: BTreeSet<String> = self
            .report()
            .chart(chart_id)
            .map(|c| charts::toggle_keys(c).into_iter().collect())
            .unwrap_or_default();
        let hidden: BTreeSet<String> = hidden.into_iter().filter(|k| valid.contains(k)).collect();
        self.settings.set_hidden(chart_id, hidden);
        self.specs.remove(chart_id);
    }

    /// Restore the default settings (language, theme, page, toggles), keeping the data.
    pub fn reset(&mut self) {
        let data_files = std::mem::take(&mut self.settings.data_files);
        self.settings = Settings {
            data_files,
            ..Settings::default()
        };
        self.specs.clear();
        self.specs_for = (0, self.settings.lang);
        self.notices.push(Notice::info(tr(
            self.settings.lang,
            "已恢复默认设置",
            "Settings reset to defaults",
        )));
    }

    /// What is being loaded on another thread, past [`data_source::PATIENCE`]: the files' names.
    pub fn loading(&self) -> Option<&str> {
        match &self.opening {
            Some(opening) => Some(&opening.job.what),
            None => self.data.reloading(),
        }
    }

    /// Open data files (or folders) shown together, on their own thread: the data on screen stays
    /// until they are ready (a small file is shown in this frame). On failure keep the current
    /// data and say why. A newer request replaces one still loading.
    pub fn open_files(&mut self, paths: &[PathBuf], ctx: &egui::Context) {
        // Remembered across restarts, so they must not depend on the folder the app started in.
        let paths: Vec<PathBuf> = paths
            .iter()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
            .collect();
        self.opening = Some(Opening::start(paths, false, &self.data.source_dirs, ctx));
        self.poll_opening(ctx);
    }

    /// Open the files of the last session at start-up, on their own thread, the data already on
    /// screen staying meanwhile. Should they no longer load, they are forgotten and the notice
    /// says why.
    pub(crate) fn open_remembered(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        self.opening = Some(Opening::start(paths, true, &self.data.source_dirs, ctx));
        self.poll_opening(ctx);
    }

    /// Show the files being opened once they are loaded.
    fn poll_opening(&mut self, ctx: &egui::Context) {
        let Some(opening) = &self.opening else {
            return;
        };
        let lang = self.settings.lang;
        // The new data, or why it cannot be shown, in the UI's language.
        let loaded: Result<DataSource, Notice> = match opening.job.poll() {
            Poll::Pending => return,
            Poll::Ready(Ok((dataset, provenance))) => {
                let dirs = self.data.source_dirs.clone();
                Ok(DataSource::checked(dataset, provenance, dirs, Some(ctx)))
            }
            Poll::Ready(Err(err)) if opening.at_start => {
                Err(Notice::error(loading::first_lines(err.lines(), lang)))
            }
            // The file on screen is still fine: say what is wrong with the other one.
            Poll::Ready(Err(err)) => Err(Notice::error(format!(
                "{}\n{}",
                tr(
                    lang,
                    "无法打开这个数据文件：",
                    "Could not open this data file:"
                ),
                loading::first_lines(err.lines_in(lang), lang)
            ))),
            Poll::Stopped => Err(Notice::error(
                data_source::load::stopped(&opening.job.what).get(lang),
            )),
        };
        let Some(Opening {
            paths, at_start, ..
        }) = self.opening.take()
        else {
            return;
        };
        match loaded {
            Ok(mut data) => {
                data.generation = self.data.generation + 1;
                self.data = data;
                self.settings.data_files.clone_from(&paths);
                self.table = TableState::default();
                if !at_start {
                    let shown: Vec<String> =
                        paths.iter().map(|p| p.display().to_string()).collect();
                    self.notices.push(Notice::info(format!(
                        "{}{}",
                        tr(lang, "已载入 ", "Loaded "),
                        shown.join(", ")
                    )));
                }
            }
            Err(notice) => {
                self.notices.push(notice);
                if at_start {
                    self.settings.data_files.clear();
                }
            }
        }
    }

    /// Show the report compiled into the binary again; should it not load, keep the data on
    /// screen and say why.
    fn use_embedded(&mut self) {
        self.opening = None;
        match DataSource::embedded_with_sources(self.data.source_dirs.clone()) {
            Ok(mut data) => {
                data.generation = self.data.generation + 1;
                self.data = data;
                self.settings.data_files.clear();
                self.table = TableState::default();
            }
            Err(err) => self
                .notices
                .push(Notice::error(err.lines_in(self.settings.lang).join("\n"))),
        }
    }

    /// Open a dialog on its own thread (one at a time), or say why none can be shown and what to
    /// do instead.
    fn ask(&mut self, purpose: Purpose, proposed: String, ctx: &egui::Context) {
        let lang = self.settings.lang;
        if !self.dialogs.available {
            self.notices.push(Notice::error(tr(
                lang,
                "无法显示文件对话框：系统上没有 xdg 桌面门户，也没有 zenity（Debian：apt install zenity）。\n可以在命令行导出图片：planboard export --out 文件夹",
                "No file dialog can be shown: this system has neither an xdg desktop portal nor zenity (Debian: apt install zenity).\nImages can be exported from the command line: planboard export --out DIR",
            )));
            return;
        }
        if self.pending_dialog.is_some() {
            self.notices.push(Notice::info(tr(
                lang,
                "已有一个对话框打开",
                "A dialog is already open",
            )));
            return;
        }
        self.pending_dialog = Some(PendingDialog::open(&self.dialogs, purpose, proposed, ctx));
    }

    /// Carry out a dialog's answer once it has closed: the notice that follows is shown from then.
    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(answer) = self.pending_dialog.as_ref().and_then(PendingDialog::poll) else {
            return;
        };
        self.pending_dialog = None;
        let Some(first) = answer.paths.first().cloned() else {
            return; // Cancelled.
        };
        match answer.purpose {
            Purpose::SaveChart(chart) => {
                self.save_chart_to(&chart, &first);
            }
            Purpose::ExportAll => self.export_all_to(&first),
            Purpose::OpenFiles | Purpose::OpenFolder => self.open_files(&answer.paths, ctx),
        }
    }

    fn apply_theme_and_title(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            self.settings.theme.apply(ctx);
            self.applied_theme = Some(self.settings.theme);
        }
        let title = self.data.window_title(self.settings.lang);
        if self.applied_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.applied_title = title;
        }
    }
}

/// Files dropped on the window this frame.
fn dropped_files(ctx: &egui::Context) -> Vec<Action> {
    let paths: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    if paths.is_empty() {
        Vec::new()
    } else {
        vec![Action::OpenFiles(paths)]
    }
}

impl PlanboardApp {
    /// The settings to write, when they changed since last written (or always at exit). Settings
    /// are written as soon as they change, not only at exit: a crash or a killed session keeps the
    /// person's choices. Screenshots neither read nor write them.
    pub fn settings_to_store(&mut self, exiting: bool) -> Option<String> {
        if self.screenshot.is_some() {
            return None;
        }
        if !exiting && self.saved_settings.as_ref() == Some(&self.settings) {
            return None;
        }
        self.saved_settings = Some(self.settings.clone());
        Some(self.settings.to_stored())
    }
}

impl eframe::App for PlanboardApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        PlanboardApp::ui(self, ui);
        if let Some(text) = self.settings_to_store(false)
            && let Some(storage) = frame.storage_mut()
        {
            storage.set_string(crate::ui::settings::STORAGE_KEY, text);
            storage.flush();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            storage.set_string(crate::ui::settings::STORAGE_KEY, self.settings.to_stored());
        }
    }

    /// The app's settings are the truth for toggles; egui's own memory need not be kept.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}
