//! The window's images: a chart saved, copied or exported as the window shows it, through the
//! one request `export` takes ([`ImageRequest`]), with a notice saying where it went or why not.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::PlanboardApp;
use crate::draw::Theme;
use crate::export::{ExportError, ImageFormat, ImageOptions, ImageRequest};
use crate::i18n::tr;
use crate::model::Chart;
use crate::ui::notices::Notice;

/// Why a chart's image could not be made or saved from the window.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("no chart `{0}`")]
    NoChart(String),
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl ImageError {
    /// The error in both languages: its display, and the same in Chinese.
    pub fn message(&self) -> crate::model::Msg {
        match self {
            Self::NoChart(id) => {
                crate::model::Msg::new(self.to_string(), format!("没有图表 `{id}`"))
            }
            Self::Export(err) => err.message(),
        }
    }
}

impl PlanboardApp {
    /// How images are made now: the chosen scale, the language, and the window's theme unless
    /// light-for-print is on.
    pub fn image_options(&self) -> ImageOptions {
        ImageOptions {
            scale: self.settings.image_scale,
            lang: self.settings.lang,
            theme: if self.settings.print_light {
                Theme::Light
            } else {
                self.settings.theme
            },
            format: self.settings.image_format,
            ..Default::default()
        }
    }

    /// The image of `chart` as the window shows it now: its hidden series, the image options, and
    /// the data files' names for the footnote.
    pub fn image_request<'a>(&'a self, chart: &'a Chart) -> ImageRequest<'a> {
        ImageRequest {
            report: self.report(),
            chart,
            hidden: self.settings.hidden_in(&chart.id),
            view: self.time_views.get(&chart.id).copied().unwrap_or_default(),
            data_label: crate::export::data_label(&self.data.paths()),
            options: self.image_options(),
        }
    }

    /// A chart's image file as saved from the window: the same function `planboard export` uses.
    pub fn chart_file(&self, chart_id: &str, format: ImageFormat) -> Result<Vec<u8>, ImageError> {
        let chart = self
            .report()
            .chart(chart_id)
            .ok_or_else(|| ImageError::NoChart(chart_id.to_owned()))?;
        let mut request = self.image_request(chart);
        request.options.format = format;
        Ok(crate::export::bytes(&request)?)
    }

    /// The PNG of a chart as saved from the window.
    pub fn chart_png(&self, chart_id: &str) -> Result<Vec<u8>, ImageError> {
        self.chart_file(chart_id, ImageFormat::Png)
    }

    /// Save a chart to `path`, with a notice saying where it went or why it could not be written.
    /// The file name's extension decides the format (`.svg` or `.png`); without one, the chosen
    /// format's extension is added.
    pub fn save_chart_to(&mut self, chart_id: &str, path: &Path) -> bool {
        let lang = self.settings.lang;
        let (format, path) = if let Some(format) = ImageFormat::from_path(path) {
            (format, path.to_owned())
        } else {
            let format = self.settings.image_format;
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(format.extension());
            (format, PathBuf::from(name))
        };
        let path = path.as_path();
        let result = self.report().chart(chart_id).map_or_else(
            || Err(ImageError::NoChart(chart_id.to_owned())),
            |chart| {
                let mut request = self.image_request(chart);
                request.options.format = format;
                Ok(crate::export::write(&request, path)?)
            },
        );
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
                    "{}{}",
                    tr(lang, "无法保存图片：", "Could not save the image: "),
                    err.message().get(lang)
                )));
                false
            }
        }
    }

    pub(super) fn copy_chart(&mut self, chart_id: &str, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let Some(chart) = self.report().chart(chart_id) else {
            return;
        };
        // The clipboard takes pixels: a copy is always PNG-like, whatever the save format.
        let image = crate::export::image(&self.image_request(chart));
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
        let requests: Vec<ImageRequest<'_>> = report
            .charts
            .iter()
            .map(|chart| self.image_request(chart))
            .collect();
        let results = crate::export::write_all(&requests, dir, &|_, _| {});
        let written = results.iter().filter(|r| r.is_ok()).count();
        if let Some(Err(err)) = results.into_iter().find(Result::is_err) {
            self.notices.push(Notice::error(format!(
                "{}{}",
                tr(lang, "导出失败：", "Export failed: "),
                err.message().get(lang)
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
}
