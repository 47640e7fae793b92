//! The side panel: pages, language and theme, the data file, image settings, reset. It only draws
//! and returns what was asked.

use egui::{RichText, Ui};

use super::widgets::hint_button;
use crate::data_source::DataSource;
use crate::draw::Theme;
use crate::export::IMAGE_SCALES;
use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::action::Action;
use crate::ui::settings::{PageRef, Settings};

/// The side panel, top to bottom; each part adds what was clicked to the actions returned.
pub fn side_panel_ui(
    ui: &mut Ui,
    settings: &Settings,
    current: &PageRef,
    data: &DataSource,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let lang = settings.lang;
    title_ui(ui, lang, data);
    ui.separator();
    pages_ui(ui, lang, current, data, &mut actions);
    ui.separator();
    look_ui(ui, settings, &mut actions);
    ui.separator();
    data_file_ui(ui, lang, data, &mut actions);
    ui.separator();
    images_ui(ui, settings, &mut actions);
    ui.separator();
    if ui
        .button(tr(lang, "恢复默认设置", "Reset settings"))
        .clicked()
    {
        actions.push(Action::ResetSettings);
    }
    ui.add_space(8.0);
    sources_ui(ui, lang, data);
    actions
}

/// The app's name and the report's title, so a screenshot says what it shows.
fn title_ui(ui: &mut Ui, lang: Lang, data: &DataSource) {
    ui.add_space(6.0);
    ui.label(RichText::new("planboard").strong().size(18.0));
    // With several reports open, no one report's title stands for them all.
    ui.label(RichText::new(data.data_title(lang)).weak());
}

/// The report's pages, the data table, and the review page only when some file holds a draft
/// (there is nothing to review otherwise).
fn pages_ui(
    ui: &mut Ui,
    lang: Lang,
    current: &PageRef,
    data: &DataSource,
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new(tr(lang, "页面", "Pages")).strong());
    for page in &data.report.pages {
        let page_ref = PageRef::Page(page.id.clone());
        if ui
            .selectable_label(*current == page_ref, data.page_name(page, lang))
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
    if data
        .files
        .iter()
        .any(|f| crate::review::has_draft(&f.report))
        && ui
            .selectable_label(*current == PageRef::Review, tr(lang, "审阅", "Review"))
            .clicked()
    {
        actions.push(Action::ShowPage(PageRef::Review));
    }
}

/// Language and theme: how the window reads and looks.
fn look_ui(ui: &mut Ui, settings: &Settings, actions: &mut Vec<Action>) {
    let lang = settings.lang;
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
}

/// How images are written (scale, format, a light page for print) and the button that writes
/// them all.
fn images_ui(ui: &mut Ui, settings: &Settings, actions: &mut Vec<Action>) {
    let lang = settings.lang;
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
    ui.horizontal(|ui| {
        ui.label(tr(lang, "格式", "Format"));
        for format in crate::export::ImageFormat::ALL {
            if ui
                .selectable_label(settings.image_format == format, format.name())
                .on_hover_text(match format {
                    crate::export::ImageFormat::Png => {
                        tr(lang, "位图，按倍率输出像素", "Pixels, at the chosen scale")
                    }
                    crate::export::ImageFormat::Svg => tr(
                        lang,
                        "矢量图，文字可搜索、可编辑，适合印刷",
                        "Vector: text stays text, sharp in print",
                    ),
                })
                .clicked()
            {
                actions.push(Action::SetImageFormat(format));
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
    if hint_button(
        ui,
        lang,
        false,
        ("导出全部图表…", "Export all charts…"),
        (
            "按所选格式把每张图保存到所选文件夹",
            "Save every chart in the chosen format into a folder",
        ),
    ) {
        actions.push(Action::ExportAll);
    }
}

/// The report's sources, small, at the bottom: where the figures came from, with the address on
/// hover.
fn sources_ui(ui: &mut Ui, lang: Lang, data: &DataSource) {
    ui.label(RichText::new(tr(lang, "来源", "Sources")).weak().small());
    for source in &data.report.sources {
        let label = ui.label(
            RichText::new(crate::i18n::source_citation(source, lang))
                .weak()
                .small(),
        );
        if let Some(url) = &source.url {
            label.on_hover_text(url);
        }
    }
}

/// Which files are shown, when they were loaded, whether they are valid and their quotes
/// verified, and how to open others.
fn data_file_ui(ui: &mut Ui, lang: Lang, data: &DataSource, actions: &mut Vec<Action>) {
    let report = &data.report;
    ui.label(RichText::new(tr(lang, "数据文件", "Data files")).strong());
    for (f, file) in data.files.iter().enumerate() {
        let shown = file.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || format!("{}{}", file.name, tr(lang, "（内置）", " (embedded)")),
            |n| n.to_string_lossy().into_owned(),
        );
        ui.label(shown).on_hover_text(&file.name);
        verification_ui(ui, lang, data, f);
    }
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
        let (indicators, figures, charts) = (
            report.indicators.len(),
            report.point_count(),
            report.charts.len(),
        );
        let count = crate::format::count;
        let mut counts = match lang {
            crate::model::Lang::Zh => {
                format!("{indicators} 项指标 · {figures} 个数据 · {charts} 张图")
            }
            crate::model::Lang::En => format!(
                "{} · {} · {}",
                count(indicators, "indicator", "indicators"),
                count(figures, "figure", "figures"),
                count(charts, "chart", "charts")
            ),
        };
        let (records, rows) = report.record_count();
        if records > 0 {
            counts.push_str(&match lang {
                crate::model::Lang::Zh => format!(" · {records} 条监测记录（{rows} 个时刻）"),
                crate::model::Lang::En => format!(
                    " · {records} {} of {} rows",
                    if records == 1 { "record" } else { "records" },
                    crate::format::number(rows as f64, lang)
                ),
            });
        }
        ui.colored_label(crate::draw::palette::VALID, tr(lang, "数据有效", "Valid"));
        ui.label(RichText::new(counts).weak());
    }
    if data.is_watched() {
        ui.label(
            RichText::new(tr(
                lang,
                "文件改动时自动重新载入",
                "Reloads when the files change",
            ))
            .weak(),
        );
    }
    ui.horizontal_wrapped(|ui| {
        if hint_button(
            ui,
            lang,
            false,
            ("打开…", "Open…"),
            (
                "可同时选择多个文件，一起显示",
                "Choose one or more files to show together",
            ),
        ) {
            actions.push(Action::AskOpenFiles);
        }
        if ui.button(tr(lang, "打开文件夹…", "Open folder…")).clicked() {
            actions.push(Action::AskOpenFolder);
        }
        if !data.is_embedded() && ui.button(tr(lang, "内置数据", "Embedded data")).clicked() {
            actions.push(Action::UseEmbedded);
        }
    });
    ui.label(
        RichText::new(tr(
            lang,
            "也可以把 .ron 文件拖进窗口",
            "Or drop .ron files on the window",
        ))
        .weak()
        .small(),
    );
}

/// Whether a file's quotes were checked against its sources' texts, in a word and a colour.
fn verification_ui(ui: &mut Ui, lang: Lang, data: &DataSource, file: usize) {
    use crate::model::provenance::TextState;
    let checks: Vec<_> = data
        .provenance
        .sources
        .iter()
        .filter(|s| s.file == file)
        .collect();
    let (mut checked, mut wrong, mut missing, mut unreadable) = (0, 0, 0, 0);
    for check in &checks {
        match &check.state {
            TextState::Checked {
                figures, problems, ..
            } => {
                checked += figures;
                wrong += problems;
            }
            TextState::NotAtHand { .. } => missing += 1,
            TextState::Unreadable(_) => unreadable += 1,
        }
    }
    let (text, color) = if wrong > 0 || unreadable > 0 {
        (
            format!(
                "{}{wrong}{}",
                tr(lang, "引文核对发现问题：", "Quotes checked: "),
                tr(lang, " 处", " problems")
            ),
            ui.visuals().error_fg_color,
        )
    } else if missing > 0 {
        (
            tr(
                lang,
                "引文未核对：原文不在手边",
                "Quotes not verified: source text not at hand",
            )
            .to_owned(),
            ui.visuals().weak_text_color(),
        )
    } else {
        (
            format!(
                "{}{checked}{}",
                tr(
                    lang,
                    "引文已与原文核对：",
                    "Quotes verified against the source: "
                ),
                tr(lang, " 条", "")
            ),
            crate::draw::palette::VALID,
        )
    };
    let details: Vec<String> = checks
        .iter()
        .map(|c| match &c.state {
            TextState::Checked { text, .. } => format!("{}: {}", c.source, text.display()),
            TextState::NotAtHand { looked_in, .. } => format!(
                "{}: {} {}",
                c.source,
                tr(lang, "未找到原文，查找过：", "text not found; looked in:"),
                looked_in
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            TextState::Unreadable(err) => format!("{}: {}", c.source, err.get(lang)),
        })
        .collect();
    ui.label(RichText::new(text).small().color(color))
        .on_hover_text(details.join("\n"));
}
