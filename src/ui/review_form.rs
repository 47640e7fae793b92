//! The review page's forms: fixing the selected figure (its numbers, words, kind, year, basis and
//! indicator) and adding a number of the text that the draft missed. Both go through
//! [`crate::review::Review`], which checks them and keeps them undoable.

use egui::{RichText, Ui};

use super::review_session::{Adding, Chooser, ReviewAction, ReviewSession, kind_name};
use crate::i18n::tr;
use crate::model::{Basis, DataPoint, Lang, Msg, PointKind, Qualifier, Report, Text, Unit};
use crate::review::{Choice, Proposal, Target};

/// Offer to add the number at char `at` of the text, when there is one with a unit.
pub fn start_adding(session: &mut ReviewSession, at: usize) {
    let Some(text) = &session.text else { return };
    match session.review.propose(&session.report, text, at) {
        Ok(Some(Proposal {
            point,
            unit,
            category,
        })) => {
            session.adding = Some(Adding {
                point,
                unit,
                category,
                chooser: Chooser {
                    choice: Choice::New,
                    ..Chooser::default()
                },
            });
        }
        Ok(None) => {}
        Err(err) => session.error = Some(err.message()),
    }
}

/// The form for a number being added; `Changed` once it is.
pub fn add_ui(
    ui: &mut Ui,
    session: &mut ReviewSession,
    merged: &Report,
    lang: Lang,
) -> Option<ReviewAction> {
    let adding = session.adding.as_mut()?;
    ui.label(
        RichText::new(format!(
            "{}{} {}  «{}»",
            tr(lang, "添加：", "Add: "),
            crate::format::plain(adding.point.value),
            adding.unit.zh,
            adding.point.quote
        ))
        .strong(),
    );
    point_fields_ui(ui, "review-add", &mut adding.point, lang);
    chooser_ui(
        ui,
        "review-add-to",
        &mut adding.chooser,
        merged,
        &session.report.units,
        &adding.unit,
        None,
        lang,
    );
    let mut add = false;
    ui.horizontal(|ui| {
        add = ui.button(tr(lang, "添加", "Add")).clicked();
        if ui.button(tr(lang, "取消", "Cancel")).clicked() {
            session.adding = None;
        }
    });
    if !add {
        return None;
    }
    let adding = session.adding.take()?;
    let Some(target) = target_of(&adding.chooser, merged, &session.report) else {
        session.error = Some(Msg::new("Choose an indicator", "请选择指标"));
        session.adding = Some(adding);
        return None;
    };
    match session.review.add(
        &mut session.report,
        adding.point.clone(),
        &adding.unit,
        &adding.category,
        target,
    ) {
        Ok(()) => {
            session.error = None;
            Some(ReviewAction::Changed)
        }
        Err(err) => {
            session.error = Some(err.message());
            session.adding = Some(adding);
            None
        }
    }
}

/// The form that fixes the selected figure; returns `Changed` when it was applied.
pub fn form_ui(
    ui: &mut Ui,
    session: &mut ReviewSession,
    merged: &Report,
    lang: Lang,
) -> Option<ReviewAction> {
    let selected = session.review.selected;
    let point = session.review.point(&session.report, selected)?.clone();
    if let Some(why) = &point.review {
        ui.label(RichText::new(&why.why).small().weak());
    }
    let item = session.review.items.get(selected)?.clone();
    let here = session.report.indicators.get(item.indicator)?;
    let unit = session.report.unit_of_point(here, &point)?.clone();
    let here_id = here.id.clone();
    let form = session.form.as_mut()?;
    point_fields_ui(ui, "review-form", form, lang);
    chooser_ui(
        ui,
        "review-move",
        &mut session.chooser,
        merged,
        &session.report.units,
        &unit,
        Some(&here_id),
        lang,
    );
    let mut apply = false;
    ui.horizontal(|ui| {
        apply = ui.button(tr(lang, "应用修改", "Apply")).clicked()
            || ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr(lang, "取消", "Cancel")).clicked() {
            session.form = None;
        }
    });
    if !apply {
        return None;
    }
    let edited = session.form.take()?;
    session.error = None;
    if let Err(err) = session.review.edit(&mut session.report, edited.clone()) {
        session.error = Some(err.message());
        session.form = Some(edited);
        return None;
    }
    if let Some(target) = target_of(&session.chooser, merged, &session.report)
        && let Err(err) = session.review.move_to(&mut session.report, target)
    {
        session.error = Some(err.message());
    }
    session.chooser = Chooser::default();
    Some(ReviewAction::Changed)
}

/// Value, year, kind, qualifier, basis and quote of a figure.
fn point_fields_ui(ui: &mut Ui, salt: &str, form: &mut DataPoint, lang: Lang) {
    egui::Grid::new(salt).num_columns(2).show(ui, |ui| {
        let l = ui.label(tr(lang, "数值", "Value"));
        ui.add(egui::DragValue::new(&mut form.value).speed(0.1))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(tr(lang, "年份", "Year"));
        ui.add(egui::DragValue::new(&mut form.year).range(1949..=2100))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(tr(lang, "类型", "Kind"));
        egui::ComboBox::from_id_salt((salt, "kind"))
            .selected_text(kind_name(form.kind, lang))
            .show_ui(ui, |ui| {
                for k in [PointKind::Actual, PointKind::Target, PointKind::Baseline] {
                    ui.selectable_value(&mut form.kind, k, kind_name(k, lang));
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(tr(lang, "限定", "Qualifier"));
        egui::ComboBox::from_id_salt((salt, "qualifier"))
            .selected_text(form.qualifier.id())
            .show_ui(ui, |ui| {
                for q in [
                    Qualifier::Exact,
                    Qualifier::About,
                    Qualifier::AtLeast,
                    Qualifier::AtMost,
                    Qualifier::Nearly,
                ] {
                    ui.selectable_value(&mut form.qualifier, q, q.id());
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(tr(lang, "口径", "Basis"));
        egui::ComboBox::from_id_salt((salt, "basis"))
            .selected_text(form.basis.id())
            .show_ui(ui, |ui| {
                for b in [
                    Basis::YearOnYear,
                    Basis::NewInYear,
                    Basis::Cumulative,
                    Basis::Rate,
                    Basis::Level,
                    Basis::PointsChange,
                    Basis::Change,
                ] {
                    ui.selectable_value(&mut form.basis, b, b.id());
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(tr(lang, "引文", "Quote"));
        ui.text_edit_singleline(&mut form.quote).labelled_by(l.id);
        ui.end_row();
        // The part of the year it covers (1-11月), in both languages; empty for the whole year.
        let l = ui.label(tr(lang, "时段", "Period"));
        let mut period = form.period.clone().unwrap_or(Text {
            zh: String::new(),
            en: String::new(),
        });
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut period.zh).desired_width(70.0))
                .labelled_by(l.id);
            ui.add(egui::TextEdit::singleline(&mut period.en).desired_width(90.0))
                .labelled_by(l.id);
        });
        form.period =
            (!period.zh.trim().is_empty() || !period.en.trim().is_empty()).then_some(period);
        ui.end_row();
    });
}

/// The indicator a figure goes to: where it is, any indicator of the open files in its unit, or a
/// new one with names in both languages.
#[allow(clippy::too_many_arguments)] // the page's state, passed apart to satisfy the borrows
fn chooser_ui(
    ui: &mut Ui,
    salt: &str,
    chooser: &mut Chooser,
    merged: &Report,
    units: &[Unit],
    unit: &Unit,
    here: Option<&str>,
    lang: Lang,
) {
    let name_of = |id: &str| {
        merged
            .indicator(id)
            .map_or_else(|| id.to_owned(), |i| i.name.get(lang).to_owned())
    };
    let shown = match &chooser.choice {
        Choice::Keep => here.map_or_else(
            || tr(lang, "（新建）", "(new)").to_owned(),
            |id| format!("{}{}", tr(lang, "不变：", "keep: "), name_of(id)),
        ),
        Choice::Existing(id) => name_of(id),
        Choice::New => tr(lang, "新建指标…", "New indicator…").to_owned(),
    };
    ui.horizontal(|ui| {
        let l = ui.label(tr(lang, "指标", "Indicator"));
        egui::ComboBox::from_id_salt(salt)
            .selected_text(shown)
            .width(ui.available_width().min(260.0))
            .show_ui(ui, |ui| {
                if here.is_some() {
                    ui.selectable_value(
                        &mut chooser.choice,
                        Choice::Keep,
                        tr(lang, "不变", "keep"),
                    );
                }
                for ind in merged
                    .indicators
                    .iter()
                    .filter(|i| merged.unit(&i.unit).is_some_and(|u| u.zh == unit.zh))
                    .filter(|i| Some(i.id.as_str()) != here)
                {
                    ui.selectable_value(
                        &mut chooser.choice,
                        Choice::Existing(ind.id.clone()),
                        ind.name.get(lang),
                    );
                }
                ui.selectable_value(
                    &mut chooser.choice,
                    Choice::New,
                    tr(lang, "新建指标…", "New indicator…"),
                );
            })
            .response
            .labelled_by(l.id);
    });
    if chooser.choice == Choice::New {
        ui.horizontal(|ui| {
            let l = ui.label("中文");
            ui.add(egui::TextEdit::singleline(&mut chooser.zh).desired_width(120.0))
                .labelled_by(l.id);
            let l = ui.label("English");
            ui.add(egui::TextEdit::singleline(&mut chooser.en).desired_width(120.0))
                .labelled_by(l.id);
        });
        // The unit: the figure's, or another the file declares (a unit the draft read wrong).
        ui.horizontal(|ui| {
            let l = ui.label(tr(lang, "单位", "Unit"));
            let shown = chooser
                .unit
                .as_ref()
                .and_then(|id| units.iter().find(|u| &u.id == id))
                .unwrap_or(unit);
            egui::ComboBox::from_id_salt((salt, "unit"))
                .selected_text(format!("{} ({})", shown.zh, shown.en))
                .show_ui(ui, |ui| {
                    for u in units {
                        ui.selectable_value(
                            &mut chooser.unit,
                            Some(u.id.clone()),
                            format!("{} ({})", u.zh, u.en),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
        });
    }
}

/// The target a chooser names; None to keep the figure where it is.
fn target_of(chooser: &Chooser, merged: &Report, file: &Report) -> Option<Target> {
    let names = Text {
        zh: chooser.zh.clone(),
        en: chooser.en.clone(),
    };
    chooser
        .choice
        .target(&names, chooser.unit.as_deref(), merged, file)
}
