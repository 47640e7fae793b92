//! The 审阅 (Review) page: a drafted file's figures in the report's order beside the report's text,
//! each accepted, rejected or fixed with one key. Changes reach the charts at once (rejected
//! figures leave them) and are written to the file on Ctrl+S. The logic is [`crate::review`]; this
//! file draws it and reacts.

use egui::text::LayoutJob;
use egui::{Color32, Key, Modifiers, RichText, TextFormat, Ui};

use crate::data_source::DataSource;
use crate::draw::palette;
use crate::i18n::tr;
use crate::model::{Lang, PointKind, Report, ReviewState};
use crate::review::{Command, ReviewError};
use crate::ui::notices::Notice;
use crate::ui::review_form::{add_ui, form_ui, start_adding};
use crate::ui::review_session::kind_name;
pub use crate::ui::review_session::{ReviewAction, ReviewSession};

/// The review page. Returns what the app must do after drawing.
pub fn review_ui(
    ui: &mut Ui,
    session: &mut ReviewSession,
    data: &DataSource,
    lang: Lang,
) -> Vec<ReviewAction> {
    let merged: &Report = &data.report;
    let mut out = Vec::new();
    header_ui(ui, session, lang);
    out.extend(file_choice_ui(ui, session, data, lang));
    let mut act = pressed_command(ui);
    if super::shortcuts::save_requested(ui.ctx()) {
        out.push(ReviewAction::Save);
    }
    let (clicked, save_clicked) = buttons_ui(ui, session, lang);
    if clicked.is_some() {
        act = clicked;
    }
    if save_clicked {
        out.push(ReviewAction::Save);
    }
    hint_ui(ui, lang);
    out.extend(run(session, act));
    ui.separator();
    let selected_changed =
        act.is_some_and(|a| a != Command::Edit) || std::mem::take(&mut session.scroll_list);
    ui.columns(2, |cols| {
        list_ui(&mut cols[0], session, lang, selected_changed);
        out.extend(beside_ui(&mut cols[1], session, merged, lang));
    });
    out
}

/// The page's title and how many figures are open, accepted and rejected, so the reviewer sees
/// how far they are.
fn header_ui(ui: &mut Ui, session: &ReviewSession, lang: Lang) {
    let counts = session.review.counts(&session.report);
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr(lang, "审阅", "Review"));
        ui.label(counts_label(counts, lang));
        if session.review.unsaved {
            ui.label(RichText::new(tr(lang, "（未保存）", "(unsaved)")).weak());
        }
    });
    // A year no text gave (the file's name, the clock) is the first thing to check: 今年 and 去年
    // in every figure count from it.
    let guessed = session.report.sources.iter().find_map(|s| match s.dated_by {
        Some(crate::model::DatedBy::FileName) => Some(tr(
            lang,
            "报告年份取自文件名（正文没有写明年份）：请核对各数字的年份",
            "The report's year is from its file's name (its text names none): check the figures' years",
        )),
        Some(crate::model::DatedBy::Clock) => Some(tr(
            lang,
            "报告年份取自计算机时钟（正文和文件名都没有写明年份）：请核对各数字的年份，或用 --year 重新起草",
            "The report's year is from the computer's clock (neither its text nor its file name names one): check the figures' years, or draft again with --year",
        )),
        _ => None,
    });
    if let Some(warning) = guessed {
        ui.label(RichText::new(warning).color(ui.visuals().warn_fg_color));
    }
}

/// Which drafted file is reviewed, when several are open: each with its place (or name) and how
/// far its review has come. Returns the file chosen.
fn file_choice_ui(
    ui: &mut Ui,
    session: &ReviewSession,
    data: &DataSource,
    lang: Lang,
) -> Option<ReviewAction> {
    let drafted: Vec<(usize, String)> = data
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| crate::review::has_draft(&f.report))
        .map(|(i, f)| (i, file_label(f, lang)))
        .collect();
    if drafted.len() < 2 {
        return None;
    }
    let mut chosen = session.file;
    let shown = drafted
        .iter()
        .find(|(i, _)| *i == session.file)
        .map_or("", |(_, label)| label.as_str());
    let named = match lang {
        Lang::Zh => format!("待审阅的文件（共 {} 个）", drafted.len()),
        Lang::En => format!("drafted files ({})", drafted.len()),
    };
    egui::ComboBox::new("review-file", named)
        .selected_text(shown)
        .width((ui.available_width() - 160.0).clamp(160.0, 520.0))
        .show_ui(ui, |ui| {
            for (i, label) in &drafted {
                ui.selectable_value(&mut chosen, *i, label);
            }
        });
    (chosen != session.file).then_some(ReviewAction::Open(chosen))
}

/// A drafted file as the choice names it: its place or title, its file name, and its counts
/// ("广东省 · 2026年广东省政府工作报告.ron — 待审 40 · 已接受 12 · 已拒绝 3").
fn file_label(file: &crate::model::DataFile, lang: Lang) -> String {
    let report = &file.report;
    let who = report
        .sources
        .iter()
        .find_map(|s| s.place.as_ref())
        .map_or_else(|| report.title.get(lang), |p| p.name(lang));
    let name = file
        .path
        .as_deref()
        .and_then(std::path::Path::file_name)
        .map_or_else(|| file.name.clone(), |n| n.to_string_lossy().into_owned());
    let counts = counts_label(crate::review::file_counts(report), lang);
    format!("{who} · {name} — {counts}")
}

/// How far a review has come: "待审 40 · 已接受 12 · 已拒绝 3" / "open 40 · accepted 12 · rejected 3".
fn counts_label(c: crate::review::Counts, lang: Lang) -> String {
    format!(
        "{} {} · {} {} · {} {}",
        tr(lang, "待审", "open"),
        c.open,
        tr(lang, "已接受", "accepted"),
        c.accepted,
        tr(lang, "已拒绝", "rejected"),
        c.rejected
    )
}

/// The command a key asks for this frame. The one-letter keys act only when no field has the
/// keyboard, so typing in the form does not accept or reject; undo and redo always act.
fn pressed_command(ui: &mut Ui) -> Option<Command> {
    let typing = ui.ctx().memory(|m| m.focused().is_some());
    let pressed = |ui: &mut Ui, m: Modifiers, k: Key| ui.input_mut(|i| i.consume_key(m, k));
    let mut act: Option<Command> = None;
    if !typing {
        for (m, k, what) in [
            (Modifiers::NONE, Key::ArrowDown, Command::Next),
            (Modifiers::NONE, Key::J, Command::Next),
            (Modifiers::NONE, Key::ArrowUp, Command::Previous),
            (Modifiers::NONE, Key::K, Command::Previous),
            (Modifiers::NONE, Key::A, Command::Accept),
            (Modifiers::NONE, Key::R, Command::Reject),
            (Modifiers::NONE, Key::E, Command::Edit),
            (Modifiers::SHIFT, Key::A, Command::AcceptSection),
        ] {
            if pressed(ui, m, k) {
                act = Some(what);
            }
        }
    }
    if pressed(ui, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
        || pressed(ui, Modifiers::COMMAND, Key::Y)
    {
        act = Some(Command::Redo);
    } else if pressed(ui, Modifiers::COMMAND, Key::Z) {
        act = Some(Command::Undo);
    }
    act
}

/// The buttons for what the keys do, for who does not know the keys: the command clicked, and
/// whether Save was.
fn buttons_ui(ui: &mut Ui, session: &ReviewSession, lang: Lang) -> (Option<Command>, bool) {
    let mut act = None;
    let mut save = false;
    ui.horizontal_wrapped(|ui| {
        for (what, zh, en) in [
            (Command::Accept, "接受 (A)", "Accept (A)"),
            (Command::Reject, "拒绝 (R)", "Reject (R)"),
            (Command::Edit, "编辑 (E)", "Edit (E)"),
            (
                Command::AcceptSection,
                "本节全部接受 (Shift+A)",
                "Accept section (Shift+A)",
            ),
            (Command::Undo, "撤销 (Ctrl+Z)", "Undo (Ctrl+Z)"),
            (Command::Redo, "重做 (Ctrl+Shift+Z)", "Redo (Ctrl+Shift+Z)"),
        ] {
            let enabled = match what {
                Command::Undo => session.review.can_undo(),
                Command::Redo => session.review.can_redo(),
                _ => true,
            };
            if ui
                .add_enabled(enabled, egui::Button::new(tr(lang, zh, en)))
                .clicked()
            {
                act = Some(what);
            }
        }
        if ui
            .button(tr(lang, "保存 (Ctrl+S)", "Save (Ctrl+S)"))
            .clicked()
        {
            save = true;
        }
    });
    (act, save)
}

/// One line that teaches the keys.
fn hint_ui(ui: &mut Ui, lang: Lang) {
    ui.label(
        RichText::new(tr(
            lang,
            "↑↓ 或 J/K 选择 · A 接受 · R 拒绝 · E 编辑 · Shift+A 接受本节 · Ctrl+Z 撤销 · Ctrl+S 保存",
            "↑↓ or J/K select · A accept · R reject · E edit · Shift+A accept section · Ctrl+Z undo · Ctrl+S save",
        ))
        .weak()
        .small(),
    );
}

/// Does what was asked: Edit opens the form on the selected figure, every other command runs on
/// the review. The charts are told of a change whenever the counts or the undo history moved,
/// and always after undo or redo, which may change a value without changing a count.
fn run(session: &mut ReviewSession, act: Option<Command>) -> Vec<ReviewAction> {
    let mut out = Vec::new();
    let before = session.review.counts(&session.report);
    let undo_depth = session.review.can_undo();
    match act {
        Some(Command::Edit) => {
            session.form = session
                .review
                .point(&session.report, session.review.selected)
                .cloned();
        }
        Some(command) => {
            session.review.run(&mut session.report, command);
            if matches!(command, Command::Undo | Command::Redo) {
                out.push(ReviewAction::Changed);
            }
        }
        None => {}
    }
    if session.review.counts(&session.report) != before || session.review.can_undo() != undo_depth {
        out.push(ReviewAction::Changed);
    }
    out
}

/// The right column: the form to add or fix a figure above the report's text. A click on a
/// figure in the text selects it in the list; on another number, offers to add it.
fn beside_ui(
    ui: &mut Ui,
    session: &mut ReviewSession,
    merged: &Report,
    lang: Lang,
) -> Vec<ReviewAction> {
    let mut out = Vec::new();
    if let Some(changed) = add_ui(ui, session, merged, lang) {
        out.push(changed);
    }
    if let Some(changed) = form_ui(ui, session, merged, lang) {
        out.push(changed);
    }
    if let Some(at) = text_ui(ui, session, lang) {
        match session
            .review
            .items
            .iter()
            .position(|it| it.at.as_ref().is_some_and(|r| r.contains(&at)))
        {
            Some(i) => {
                session.review.select(i);
                session.form = None;
                session.scroll_list = true;
            }
            None => start_adding(session, at),
        }
    }
    out
}

pub(super) fn kind_colour(kind: PointKind) -> Color32 {
    match kind {
        PointKind::Actual => palette::RESULT,
        PointKind::Target => palette::TARGET,
        PointKind::Baseline => palette::BASELINE,
    }
}

/// The figures, one row each, in the report's order; the section named where it changes.
fn list_ui(ui: &mut Ui, session: &mut ReviewSession, lang: Lang, scroll: bool) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let n = session.review.items.len();
    egui::ScrollArea::vertical()
        .id_salt("review-list")
        .max_height(ui.available_height().max(200.0))
        .auto_shrink([false, false])
        .show_rows(ui, row_height, n, |ui, rows| {
            for i in rows {
                let item = &session.review.items[i];
                let Some(p) = session.review.point(&session.report, i) else {
                    continue;
                };
                let ind = &session.report.indicators[item.indicator];
                let value = session.report.unit_of_point(ind, p).map_or_else(
                    || crate::format::plain(p.value),
                    |u| crate::format::figure_with_unit(p, u, lang),
                );
                let (mark, colour) = match p.review.as_ref().map(|r| r.state) {
                    Some(ReviewState::Accepted) => ("√", palette::ACCEPTED),
                    Some(ReviewState::Rejected) => ("×", palette::REJECTED),
                    _ => ("●", kind_colour(p.kind)),
                };
                let when = match lang {
                    Lang::Zh => format!("{}{}", p.year, kind_name(p.kind, lang)),
                    Lang::En => format!("{} {}", p.year, kind_name(p.kind, lang)),
                };
                let label = format!(
                    "{mark} {}  {when}  {value}  ·  {}",
                    ind.name.get(lang),
                    item.section
                );
                let mut text = RichText::new(label).color(colour);
                if p.review
                    .as_ref()
                    .is_some_and(|r| r.state == ReviewState::Rejected)
                {
                    text = text.strikethrough();
                }
                let response = ui.selectable_label(session.review.selected == i, text);
                if response.clicked() {
                    session.review.select(i);
                    session.form = None;
                }
                if scroll && session.review.selected == i {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
            }
        });
}

/// The report's text around the selected figure, every figure in it highlighted where it stands.
/// Returns the char index of the text a click landed on, if any.
fn text_ui(ui: &mut Ui, session: &ReviewSession, lang: Lang) -> Option<usize> {
    if let Some(err) = &session.error {
        ui.colored_label(ui.visuals().error_fg_color, err.get(lang));
    }
    let Some(text) = &session.text else {
        ui.label(
            RichText::new(tr(
                lang,
                "原文不在手边：用 --sources 目录 打开，或把原文放在数据文件旁边",
                "The report's text is not at hand: open with --sources DIR, or put the text beside the data file",
            ))
            .weak(),
        );
        return None;
    };
    let at = session
        .review
        .items
        .get(session.review.selected)
        .and_then(|it| it.at.clone())?;
    // A window of the text around the figure: what a reader needs, at a frame's cost.
    let from = at.start.saturating_sub(160);
    let to = (at.end + 700).min(text.len());
    let mut marks: Vec<(std::ops::Range<usize>, Color32, bool)> = session
        .review
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| {
            let r = it.at.clone()?;
            if r.end <= from || r.start >= to {
                return None;
            }
            let p = session.review.point(&session.report, i)?;
            let state = p.review.as_ref().map(|r| r.state);
            let colour = match state {
                Some(ReviewState::Rejected) => palette::REJECTED_IN_TEXT,
                _ => kind_colour(p.kind),
            };
            Some((
                r.start.max(from)..r.end.min(to),
                colour,
                i == session.review.selected,
            ))
        })
        .collect();
    marks.sort_by_key(|m| m.0.start);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut k = from;
    for (range, colour, selected) in marks {
        if range.start < k {
            continue;
        }
        job.append(
            &text[k..range.start].iter().collect::<String>(),
            0.0,
            plain.clone(),
        );
        let mut format = plain.clone();
        format.background = colour.gamma_multiply(if selected { 0.55 } else { 0.22 });
        if selected {
            format.underline = egui::Stroke::new(2.0, colour);
        }
        job.append(&text[range.clone()].iter().collect::<String>(), 0.0, format);
        k = range.end;
    }
    job.append(&text[k..to].iter().collect::<String>(), 0.0, plain);
    job.wrap.max_width = ui.available_width();
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("review-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Drawn by hand so a click can be placed in the text: clicking a figure selects it.
            let galley = ui.painter().layout_job(job);
            let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::click());
            ui.painter()
                .galley(rect.min, galley.clone(), ui.visuals().text_color());
            if response.clicked()
                && let Some(pos) = response.interact_pointer_pos()
            {
                clicked = Some(from + galley.cursor_from_pos(pos - rect.min).index.0);
            }
        });
    clicked
}

/// Show the edited report in the charts: the file's report replaced, the files merged again.
pub fn show_changes(data: &mut DataSource, session: &ReviewSession) -> Result<(), ReviewError> {
    let dataset = crate::review::merged(&data.files, session.file, &session.report)?;
    data.show(dataset);
    Ok(())
}

/// A notice for a review failure, in the UI's language.
pub fn failure(lang: Lang, err: &ReviewError) -> Notice {
    Notice::error(format!(
        "{}{}",
        tr(lang, "审阅：", "Review: "),
        err.message().get(lang)
    ))
}
