//! Short messages in the corner for a few seconds (Rerun-style toasts): what was saved, what failed.

use egui::RichText;

/// A short message shown in the corner for a few seconds.
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

/// Show the notices, dropping those whose time is up. Errors stay twice as long as news.
pub fn notices_ui(ctx: &egui::Context, notices: &mut Vec<Notice>) {
    let now = ctx.input(|i| i.time);
    notices.retain(|n| n.until.is_none_or(|t| t > now));
    if notices.is_empty() {
        return;
    }
    let mut next_expiry = f64::INFINITY;
    egui::Area::new(egui::Id::unique("planboard-notices"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
        .show(ctx, |ui| {
            for n in notices.iter_mut() {
                let until = *n
                    .until
                    .get_or_insert(now + if n.error { 12.0 } else { 6.0 });
                next_expiry = next_expiry.min(until);
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    // Long notices wrap rather than run off the window.
                    ui.set_max_width(420.0);
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

/// The bar above the page when the data file's latest content is invalid: every problem, one a
/// line, and a button to close it. The last valid data stays on screen below it.
pub fn data_error_ui(
    ui: &mut egui::Ui,
    lang: crate::model::Lang,
    lines: &[crate::model::Msg],
) -> Option<crate::ui::action::Action> {
    use crate::i18n::tr;
    let mut action = None;
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
                    action = Some(crate::ui::action::Action::DismissDataError);
                }
            });
            for line in lines {
                ui.label(RichText::new(line.get(lang)).monospace());
            }
        });
    ui.add_space(6.0);
    action
}
