//! The planboard window: a side panel of pages and settings, a central page of charts or the
//! table. State that must survive between frames lives here; everything else is derived.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{RichText, Ui};

use crate::charts::{self, ChartSpec};
use crate::i18n::tr;
use crate::model::{Lang, Report};
use crate::ui::chart_view::{self, ToggleAction};
use crate::ui::data_source::DataSource;
use crate::ui::settings::{PageRef, Settings, Theme};
use crate::ui::table_view::{self, TableRow, TableState};

/// A short message shown in the corner for a few seconds (Rerun-style toasts).
#[derive(Clone, Debug)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// `ctx.input(|i| i.time)` when it should disappear; set on first show.
    until: Option<f64>,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
            until: None,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: true,
            until: None,
        }
    }
}

/// `--screenshot`: wait until the page is fully drawn, save the window's pixels, close.
#[derive(Debug)]
pub struct ScreenshotJob {
    pub path: PathBuf,
    frames: u32,
    /// `ctx.input(|i| i.time)` when the capture was asked for.
    requested_at: Option<f64>,
    /// Set by the screenshot callback; read by `main` after the window closed.
    pub result: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotJob {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            frames: 0,
            requested_at: None,
            result: Arc::new(Mutex::new(None)),
        }
    }
}

/// Asks where to save a file, proposing a name.
pub type SavePathDialog = Box<dyn Fn(&str) -> Option<PathBuf>>;
/// Asks for a folder.
pub type FolderDialog = Box<dyn Fn() -> Option<PathBuf>>;

pub struct PlanboardApp {
    pub settings: Settings,
    pub data: DataSource,
    /// Chart specs by chart id, for the current data, language and toggles.
    specs: HashMap<String, Arc<ChartSpec>>,
    specs_for: (u64, Lang),
    rows: Vec<TableRow>,
    rows_for: (u64, Lang),
    pub table: TableState,
    pub notices: Vec<Notice>,
    screenshot: Option<ScreenshotJob>,
    applied_theme: Option<Theme>,
    applied_title: String,
    /// The settings as last written to storage.
    saved_settings: Option<Settings>,
    /// Charts on screen this frame with their rectangles, for Ctrl+S / Ctrl+C.
    chart_rects: Vec<(String, egui::Rect)>,
    /// Asks where to save an image; a file dialog, replaced in tests.
    pub ask_save_path: SavePathDialog,
    /// Asks which folder to export every chart into; a folder dialog, replaced in tests.
    pub ask_folder: FolderDialog,
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
            rows: Vec::new(),
            rows_for: (0, Lang::Zh),
            table: TableState::default(),
            notices: Vec::new(),
            screenshot: None,
            applied_theme: None,
            applied_title: String::new(),
            saved_settings: None,
            chart_rects: Vec::new(),
            ask_save_path: Box::new(|name| {
                rfd::FileDialog::new()
                    .set_file_name(name)
                    .add_filter("PNG", &["png"])
                    .save_file()
            }),
            ask_folder: Box::new(|| rfd::FileDialog::new().pick_folder()),
        }
    }

    /// How images are made now: the chosen scale, the language, and the window's theme unless
    /// light-for-print is on.
    pub fn image_options(&self) -> crate::export::render::ImageOptions {
        crate::export::render::ImageOptions {
            scale: self.settings.image_scale.clamp(1.0, 4.0),
            lang: self.settings.lang,
            theme: if self.settings.print_light {
                Theme::Light
            } else {
                self.settings.theme
            },
            ..Default::default()
        }
    }

    fn data_label(&self) -> String {
        crate::export::render::data_label(self.data.path.as_deref())
    }

    /// The PNG of a chart as saved from the window: the same function `planboard export` uses.
    pub fn chart_png(&self, chart_id: &str) -> Result<Vec<u8>, String> {
        let chart = self
            .report()
            .chart(chart_id)
            .ok_or_else(|| format!("no chart `{chart_id}`"))?;
        crate::export::render::chart_png(
            self.report(),
            chart,
            &self.settings.hidden_in(chart_id),
            &self.data_label(),
            &self.image_options(),
        )
        .map_err(|e| e.to_string())
    }

    /// Save a chart to `path`, with a notice saying where it went or why it could not be written.
    pub fn save_chart_to(&mut self, chart_id: &str, path: &Path) -> bool {
        let lang = self.settings.lang;
        let result = self
            .chart_png(chart_id)
            .and_then(|png| crate::export::write_atomic(path, &png).map_err(|e| e.to_string()));
        match result {
            Ok(()) => {
                self.notices.push(Notice::info(format!(
                    "{}{}",
                    tr(lang, "已保存：", "Saved: "),
                    path.display()
                )));
                true
            }
            Err(err) => {
                self.notices.push(Notice::error(format!(
                    "{}{err}",
                    tr(lang, "无法保存图片：", "Could not save the image: ")
                )));
                false
            }
        }
    }

    fn save_chart(&mut self, chart_id: &str) {
        let name = crate::export::safe_file_name(chart_id, "png");
        if let Some(path) = (self.ask_save_path)(&name) {
            self.save_chart_to(chart_id, &path);
        }
    }

    fn copy_chart(&mut self, chart_id: &str, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let Some(chart) = self.report().chart(chart_id) else {
            return;
        };
        let image = crate::export::render::chart_image(
            self.report(),
            chart,
            &self.settings.hidden_in(chart_id),
            &self.data_label(),
            &self.image_options(),
        );
        ctx.copy_image(image);
        self.notices.push(Notice::info(tr(
            lang,
            "图片已复制，可直接粘贴",
            "Image copied: paste it anywhere",
        )));
    }

    /// Write every chart of the report into `dir` (two clicks: the button, then the folder).
    pub fn export_all_to(&mut self, dir: &Path) {
        let lang = self.settings.lang;
        let report = Arc::clone(&self.data.report);
        let jobs: Vec<crate::export::batch::Job<'_>> = report
            .charts
            .iter()
            .map(|chart| crate::export::batch::Job {
                chart,
                hidden: self.settings.hidden_in(&chart.id),
            })
            .collect();
        let results = crate::export::batch::export_all(
            &report,
            &jobs,
            dir,
            &self.data_label(),
            &self.image_options(),
            &|_, _| {},
        );
        let written = results.iter().filter(|r| r.is_ok()).count();
        if let Some(Err(err)) = results.into_iter().find(Result::is_err) {
            self.notices.push(Notice::error(format!(
                "{}{err}",
                tr(lang, "导出失败：", "Export failed: ")
            )));
        }
        if written > 0 {
            self.notices.push(Notice::info(format!(
                "{written} {}{}",
                tr(lang, "张图已导出到 ", "charts exported to "),
                dir.display()
            )));
        }
    }

    pub fn with_screenshot(mut self, job: ScreenshotJob) -> Self {
        self.screenshot = Some(job);
        self
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
                let spec = charts::build(&report, chart, self.settings.lang, &hidden);
                self.specs.insert(chart.id.clone(), Arc::new(spec));
            }
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
        let data_file = self.settings.data_file.take();
        self.settings = Settings {
            data_file,
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

    /// Open another data file; on failure keep the current report and say why.
    pub fn open_file(&mut self, path: &Path, ctx: &egui::Context) {
        // Remembered across restarts, so it must not depend on the folder the app was started in.
        let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        match DataSource::open(path, Some(ctx)) {
            Ok(mut data) => {
                data.generation = self.data.generation + 1;
                self.data = data;
                self.settings.data_file = Some(path.to_owned());
                self.table = TableState::default();
                self.notices.push(Notice::info(format!(
                    "{}{}",
                    tr(self.settings.lang, "已载入 ", "Loaded "),
                    path.display()
                )));
            }
            Err(err) => {
                // The file on screen is still fine: say what is wrong with the other one.
                self.notices.push(Notice::error(format!(
                    "{}\n{}",
                    tr(
                        self.settings.lang,
                        "无法打开这个数据文件：",
                        "Could not open this data file:"
                    ),
                    err.lines().join("\n")
                )));
            }
        }
    }

    fn use_embedded(&mut self) {
        if let Ok(mut data) = DataSource::embedded() {
            data.generation = self.data.generation + 1;
            self.data = data;
            self.settings.data_file = None;
            self.table = TableState::default();
        }
    }

    /// The whole window's content. Separate from `eframe::App` so tests drive it with egui_kittest.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme_and_title(&ctx);
        self.data.poll();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.last() {
            self.open_file(path, &ctx);
        }

        egui::Panel::left("planboard-side")
            .resizable(true)
            .default_size(230.0)
            .min_size(190.0)
            .max_size(420.0)
            .show(ui, |ui| self.side_panel_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| self.page_ui(ui));
        self.notices_ui(&ctx);
        self.drive_screenshot(&ctx);
    }

    fn apply_theme_and_title(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(match self.settings.theme {
                Theme::Light => egui::Theme::Light,
                Theme::Dark => egui::Theme::Dark,
            });
            self.applied_theme = Some(self.settings.theme);
        }
        let title = format!(
            "planboard · {}",
            self.report().title.get(self.settings.lang)
        );
        if self.applied_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.applied_title = title;
        }
    }

    fn side_panel_ui(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.add_space(6.0);
        ui.label(RichText::new("planboard").strong().size(18.0));
        ui.label(RichText::new(self.report().title.get(lang)).weak());
        ui.separator();
        ui.label(RichText::new(tr(lang, "页面", "Pages")).strong());
        let current = self.current_page();
        let pages: Vec<(String, String)> = self
            .report()
            .pages
            .iter()
            .map(|p| (p.id.clone(), p.title.get(lang).to_owned()))
            .collect();
        for (id, title) in pages {
            let selected = current == PageRef::Page(id.clone());
            if ui.selectable_label(selected, title).clicked() {
                self.settings.page = Some(PageRef::Page(id));
            }
        }
        if ui
            .selectable_label(current == PageRef::Table, tr(lang, "数据表", "Data table"))
            .clicked()
        {
            self.settings.page = Some(PageRef::Table);
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(tr(lang, "语言", "Language"));
            ui.selectable_value(&mut self.settings.lang, Lang::Zh, "中文");
            ui.selectable_value(&mut self.settings.lang, Lang::En, "English");
        });
        ui.horizontal(|ui| {
            ui.label(tr(lang, "主题", "Theme"));
            ui.selectable_value(
                &mut self.settings.theme,
                Theme::Light,
                tr(lang, "浅色", "Light"),
            );
            ui.selectable_value(
                &mut self.settings.theme,
                Theme::Dark,
                tr(lang, "深色", "Dark"),
            );
        });
        ui.separator();
        ui.label(RichText::new(tr(lang, "数据文件", "Data file")).strong());
        let file_name = self
            .data
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || format!("{}{}", self.data.name, tr(lang, "（内置）", " (embedded)")),
                |n| n.to_string_lossy().into_owned(),
            );
        ui.label(file_name).on_hover_text(&self.data.name);
        ui.label(
            RichText::new(format!(
                "{}{}",
                tr(lang, "载入于 ", "Loaded "),
                self.data.loaded_at
            ))
            .weak(),
        );
        if self.data.error.is_some() {
            ui.colored_label(
                ui.visuals().error_fg_color,
                tr(
                    lang,
                    "最新内容无效，显示的是上次有效的数据",
                    "The latest content is invalid; showing the last valid data",
                ),
            );
        } else {
            let counts = format!(
                "{} {} · {} {} · {} {}",
                self.report().indicators.len(),
                tr(lang, "项指标", "indicators"),
                self.report().point_count(),
                tr(lang, "个数据", "figures"),
                self.report().charts.len(),
                tr(lang, "张图", "charts")
            );
            ui.colored_label(
                egui::Color32::from_rgb(0x3b, 0xa2, 0x72),
                tr(lang, "数据有效", "Valid"),
            );
            ui.label(RichText::new(counts).weak());
        }
        if self.data.is_watched() {
            ui.label(
                RichText::new(tr(
                    lang,
                    "文件改动时自动重新载入",
                    "Reloads when the file changes",
                ))
                .weak(),
            );
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr(lang, "打开…", "Open…")).clicked()
                && let Some(path) = rfd::FileDialog::new()
                    .add_filter("RON", &["ron"])
                    .pick_file()
            {
                let ctx = ui.ctx().clone();
                self.open_file(&path, &ctx);
            }
            if self.data.path.is_some()
                && ui.button(tr(lang, "内置数据", "Embedded data")).clicked()
            {
                self.use_embedded();
            }
        });
        ui.label(
            RichText::new(tr(
                lang,
                "也可以把 .ron 文件拖进窗口",
                "Or drop a .ron file on the window",
            ))
            .weak()
            .small(),
        );
        ui.separator();
        ui.label(RichText::new(tr(lang, "图片", "Images")).strong());
        ui.horizontal(|ui| {
            ui.label(tr(lang, "倍率", "Scale"));
            for scale in [1.0_f32, 2.0, 3.0, 4.0] {
                ui.selectable_value(&mut self.settings.image_scale, scale, format!("{scale}×"));
            }
        });
        ui.checkbox(
            &mut self.settings.print_light,
            tr(lang, "浅色背景（适合打印）", "Light background (for print)"),
        );
        if ui
            .button(tr(lang, "导出全部图表…", "Export all charts…"))
            .on_hover_text(tr(
                lang,
                "把每张图保存为 PNG 到所选文件夹",
                "Save every chart as PNG into a folder",
            ))
            .clicked()
            && let Some(dir) = (self.ask_folder)()
        {
            self.export_all_to(&dir);
        }
        ui.separator();
        if ui
            .button(tr(lang, "恢复默认设置", "Reset settings"))
            .clicked()
        {
            self.reset();
        }
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!(
                "{}{}",
                tr(lang, "来源：", "Source: "),
                self.report().source.name.get(lang)
            ))
            .weak()
            .small(),
        );
    }

    fn page_ui(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        if let Some(lines) = self.data.error.clone() {
            let mut dismiss = false;
            egui::Frame::new()
                .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
                .stroke(egui::Stroke::new(1.0, ui.visuals().error_fg_color))
                .inner_margin(8.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(tr(
                                lang,
                                "数据文件有错误，仍显示上次有效的数据：",
                                "The data file has errors; the last valid data stays on screen:",
                            ))
                            .strong()
                            .color(ui.visuals().error_fg_color),
                        );
                        if ui.small_button("×").clicked() {
                            dismiss = true;
                        }
                    });
                    for line in &lines {
                        ui.label(RichText::new(line).monospace());
                    }
                });
            if dismiss {
                self.data.error = None;
            }
            ui.add_space(6.0);
        }
        match self.current_page() {
            PageRef::Table => {
                ui.heading(tr(lang, "数据表：全部数据点", "Data table: every figure"));
                let key = (self.data.generation, lang);
                if self.rows_for != key {
                    self.rows = table_view::build_rows(self.report(), lang);
                    // Selected row numbers mean other figures once the data changed.
                    if self.rows_for.0 != key.0 {
                        self.table.selected.clear();
                    }
                    self.rows_for = key;
                }
                table_view::table_ui(ui, &self.rows, &mut self.table, lang);
            }
            PageRef::Page(id) => {
                self.chart_rects.clear();
                self.charts_page_ui(ui, &id);
                self.chart_shortcuts(ui.ctx());
            }
        }
    }

    /// Ctrl+S saves and Ctrl+C copies the chart under the pointer, or the page's first.
    fn chart_shortcuts(&mut self, ctx: &egui::Context) {
        let save = ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S));
        let copy = crate::ui::copy_requested(ctx);
        if !save && !copy {
            return;
        }
        let pointer = ctx.pointer_hover_pos();
        let target = pointer
            .and_then(|p| self.chart_rects.iter().find(|(_, r)| r.contains(p)))
            .or_else(|| self.chart_rects.first())
            .map(|(id, _)| id.clone());
        if let Some(id) = target {
            if save {
                self.save_chart(&id);
            } else {
                self.copy_chart(&id, ctx);
            }
        }
    }

    fn charts_page_ui(&mut self, ui: &mut Ui, page_id: &str) {
        let lang = self.settings.lang;
        let Some(page) = self
            .report()
            .pages
            .iter()
            .find(|p| p.id == page_id)
            .cloned()
        else {
            return;
        };
        ui.heading(page.title.get(lang));
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let avail = ui.available_width();
                let gap = 12.0;
                let columns = if page.charts.len() <= 1 {
                    1
                } else {
                    ((avail / 560.0).floor() as usize).clamp(1, 3)
                };
                let width = (avail - gap * (columns as f32 - 1.0)) / columns as f32;
                for row in page.charts.chunks(columns) {
                    ui.horizontal_top(|ui| {
                        ui.spacing_mut().item_spacing.x = gap;
                        for chart_id in row {
                            let hidden = self.settings.hidden_in(chart_id);
                            let Some(spec) = self.spec(chart_id) else {
                                continue;
                            };
                            let (action, rect) = ui
                                .allocate_ui(egui::Vec2::new(width, 0.0), |ui| {
                                    chart_view::chart_ui(ui, &spec, &hidden, width)
                                })
                                .inner;
                            self.chart_rects.push((chart_id.clone(), rect));
                            match action {
                                Some(ToggleAction::SetHidden(next)) => {
                                    self.set_hidden(chart_id, next);
                                    ui.ctx().request_repaint();
                                }
                                Some(ToggleAction::SaveImage) => self.save_chart(chart_id),
                                Some(ToggleAction::CopyImage) => {
                                    self.copy_chart(chart_id, ui.ctx());
                                }
                                None => {}
                            }
                        }
                    });
                    ui.add_space(gap);
                }
            });
    }

    fn notices_ui(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.notices.retain(|n| n.until.is_none_or(|t| t > now));
        if self.notices.is_empty() {
            return;
        }
        let mut next_expiry = f64::INFINITY;
        egui::Area::new(egui::Id::unique("planboard-notices"))
            .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
            .show(ctx, |ui| {
                for n in &mut self.notices {
                    let until = *n
                        .until
                        .get_or_insert(now + if n.error { 10.0 } else { 5.0 });
                    next_expiry = next_expiry.min(until);
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        let text = RichText::new(&n.text);
                        ui.label(if n.error {
                            text.color(ui.visuals().error_fg_color)
                        } else {
                            text
                        });
                    });
                }
            });
        // Wake once when the first notice expires; no repaint loop.
        if next_expiry.is_finite() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                (next_expiry - now).max(0.05),
            ));
        }
    }

    fn drive_screenshot(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        // A few frames let egui settle sizes (axis widths, wrapped labels) before the capture.
        if job.frames < 5 {
            job.frames += 1;
            ctx.request_repaint();
            return;
        }
        if let Some(asked) = job.requested_at {
            // A driver that never delivers the pixels must not hang a script forever.
            if ctx.input(|i| i.time) - asked > 20.0 {
                if let Ok(mut slot) = job.result.lock() {
                    slot.get_or_insert(Err("no screenshot arrived within 20 s".to_owned()));
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            }
            return;
        }
        job.requested_at = Some(ctx.input(|i| i.time));
        let path = job.path.clone();
        let result = Arc::clone(&job.result);
        let ctx2 = ctx.clone();
        ctx.request_screenshot(move |image| {
            let outcome = crate::export::encode_png(&image)
                .and_then(|png| crate::export::write_atomic(&path, &png))
                .map_err(|e| e.to_string());
            if let Ok(mut slot) = result.lock() {
                *slot = Some(outcome);
            }
            ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx2.request_repaint();
        });
        ctx.request_repaint();
    }
}

impl eframe::App for PlanboardApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        PlanboardApp::ui(self, ui);
        // Write settings as soon as they change, not only at exit: a crash or a killed session
        // keeps the person's choices. Screenshots neither read nor write them.
        if self.screenshot.is_none() && self.saved_settings.as_ref() != Some(&self.settings) {
            if let Some(storage) = frame.storage_mut() {
                storage.set_string(crate::ui::settings::STORAGE_KEY, self.settings.to_stored());
                storage.flush();
            }
            self.saved_settings = Some(self.settings.clone());
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
