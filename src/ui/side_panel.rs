//! The side panel: pages, language and theme, the data file, image settings, reset. It only draws
//! and returns what was asked.

use egui::{RichText, Ui};

use crate::draw::Theme;
use crate::export::IMAGE_SCALES;
use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::action::Action;
use crate::ui::data_source::DataSource;
use crate::ui::settings::{PageRef, Settings};

pub fn side_panel_ui(
    ui: &mut Ui,
    settings: &Settings,
    current: &PageRef,
    data: &DataSource,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let lang = settings.lang;
    let report = &data.report;
    ui.add_space(6.0);
    ui.label(RichText::new("planboard").strong().size(18.0));
    ui.label(RichText::new(report.title.get(lang)).weak());
    ui.separator();
    ui.label(RichText::new(tr(lang, "页面", "Pages")).strong());
    for page in &report.pages {
        let page_ref = PageRef::Page(page.id.clone());
        if ui
            .selectable_label(*current == page_ref, page.title.get(lang))
            .clicked()
        {
            actions.push(Action::ShowPage(page_ref));
        }
    }
    if ui
        .selectable_label(*current == PageRef::Table, tr(lang, "数据表", "Data table"))
        .clicked()
    {
        actions.push(Action::ShowPage(PageRef::Table));
    }
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(tr(lang, "语言", "Language"));
        for (value, label) in [(Lang::Zh, "中文"), (Lang::En, "English")] {
            if ui.selectable_label(lang == value, label).clicked() {
                actions.push(Action::SetLang(value));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr(lang, "主题", "Theme"));
        for (value, label) in [
            (Theme::Light, tr(lang, "浅色", "Light")),
            (Theme::Dark, tr(lang, "深色", "Dark")),
        ] {
            if ui
                .selectable_label(settings.theme == value, label)
                .clicked()
            {
                actions.push(Action::SetTheme(value));
            }
        }
    });
    ui.separator();
    data_file_ui(ui, lang, data, &mut actions);
    ui.separator();
    ui.label(RichText::new(tr(lang, "图片", "Images")).strong());
    ui.horizontal(|ui| {
        ui.label(tr(lang, "倍率", "Scale"));
        for scale in IMAGE_SCALES {
            if ui
                .selectable_label(settings.image_scale == scale, format!("{scale}×"))
                .clicked()
            {
                actions.push(Action::SetImageScale(scale));
            }
        }
    });
    let mut print_light = settings.print_light;
    if ui
        .checkbox(
            &mut print_light,
            tr(lang, "浅色背景（适合打印）", "Light background (for print)"),
        )
        .changed()
    {
        actions.push(Action::SetPrintLight(print_light));
    }
    if ui
        .button(tr(lang, "导出全部图表…", "Export all charts…"))
        .on_hover_text(tr(
            lang,
            "把每张图保存为 PNG 到所选文件夹",
            "Save every chart as PNG into a folder",
        ))
        .clicked()
    {
        actions.push(Action::ExportAll);
    }
    ui.separator();
    if ui
        .button(tr(lang, "恢复默认设置", "Reset settings"))
        .clicked()
    {
        actions.push(Action::ResetSettings);
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "{}{}",
            tr(lang, "来源：", "Source: "),
            report.source.name.get(lang)
        ))
        .weak()
        .small(),
    );
    actions
}

/// Which file is shown, when it was loaded, whether it is valid, and how to open another.
fn data_file_ui(ui: &mut Ui, lang: Lang, data: &DataSource, actions: &mut Vec<Action>) {
    let report = &data.report;
    ui.label(RichText::new(tr(lang, "数据文件", "Data file")).strong());
    let file_name = data.path.as_ref().and_then(|p| p.file_name()).map_or_else(
        || format!("{}{}", data.name, tr(lang, "（内置）", " (embedded)")),
        |n| n.to_string_lossy().into_owned(),
    );
    ui.label(file_name).on_hover_text(&data.name);
    ui.label(
        RichText::new(format!(
            "{}{}",
            tr(lang, "载入于 ", "Loaded "),
            data.loaded_at
        ))
        .weak(),
    );
    if data.error.is_some() {
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
            report.indicators.len(),
            tr(lang, "项指标", "indicators"),
            report.point_count(),
            tr(lang, "个数据", "figures"),
            report.charts.len(),
            tr(lang, "张图", "charts")
        );
        ui.colored_label(
            egui::Color32::from_rgb(0x3b, 0xa2, 0x72),
            tr(lang, "数据有效", "Valid"),
        );
        ui.label(RichText::new(counts).weak());
    }
    if data.is_watched() {
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
        if ui.button(tr(lang, "打开…", "Open…")).clicked() {
            actions.push(Action::AskOpenFile);
        }
        if data.path.is_some() && ui.button(tr(lang, "内置数据", "Embedded data")).clicked() {
            actions.push(Action::UseEmbedded);
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
}
