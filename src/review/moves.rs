//! Changes of a drafted file's shape in review: a figure moved to another indicator (one of this
//! file, one of another open file, or a new one), and a figure the draft missed added from the
//! text. Each is one undo step.

use super::{EditError, Review, Shape};
use crate::model::{Category, DataPoint, Indicator, Report, ReviewState, Text, Unit};

/// Where a figure goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// An indicator of this file, by id.
    Here(String),
    /// An indicator of another open file, copied into this one with its unit and category, so
    /// the files merge by its id.
    From {
        indicator: Box<Indicator>,
        unit: Unit,
        category: Option<Category>,
    },
    /// A new indicator with these names, in the category the figure had, in the figure's unit or
    /// in the one given (a unit read wrong: 个 that should be 家).
    New(Text, Option<Unit>),
}

/// Where a reviewer chose to put a figure: the choice a form holds, before it names a [`Target`].
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Choice {
    /// Where it is (for an added figure: a new indicator).
    #[default]
    Keep,
    /// An indicator of any open file, by id.
    Existing(String),
    New,
}

impl Choice {
    /// The target this choice names, with a new indicator's `names` and `unit` (by id; the
    /// figure's when None); `merged` is every open file, `file` the one under review. None to keep
    /// the figure where it is, or when the indicator chosen is no longer open.
    pub fn target(
        &self,
        names: &Text,
        unit: Option<&str>,
        merged: &Report,
        file: &Report,
    ) -> Option<Target> {
        match self {
            Self::Keep => None,
            Self::New => Some(Target::New(
                Text {
                    zh: names.zh.trim().to_owned(),
                    en: names.en.trim().to_owned(),
                },
                unit.and_then(|id| file.unit(id)).cloned(),
            )),
            Self::Existing(id) if file.indicator(id).is_some() => Some(Target::Here(id.clone())),
            Self::Existing(id) => {
                let indicator = merged.indicator(id)?.clone();
                let unit = merged.unit(&indicator.unit)?.clone();
                let category = merged.category(&indicator.category).cloned();
                Some(Target::From {
                    indicator: Box::new(indicator),
                    unit,
                    category,
                })
            }
        }
    }
}

impl Review {
    /// Move the selected figure to `target`. Its unit must be the target's.
    pub fn move_to(&mut self, report: &mut Report, target: Target) -> Result<(), EditError> {
        let Some(item) = self.items.get(self.selected).cloned() else {
            return Ok(());
        };
        let Some(from) = report.indicators.get(item.indicator) else {
            return Ok(());
        };
        let Some(point) = from.points.get(item.point).cloned() else {
            return Ok(());
        };
        let unit = report
            .unit_of_point(from, &point)
            .cloned()
            .ok_or(EditError::NoUnit)?;
        let category = from.category.clone();
        let before = Shape::of(report, None);
        let mut moved = point;
        moved.measure = None;
        place(report, moved.clone(), &unit, &category, target)?;
        // Out of where it was; an indicator left with no figure goes too.
        if let Some(ind) = report.indicators.get_mut(item.indicator) {
            ind.points.remove(item.point);
            if ind.points.is_empty() {
                report.indicators.remove(item.indicator);
            }
        }
        self.commit_shape(report, before, &(moved.quote, moved.value.to_bits()));
        Ok(())
    }

    /// Add a figure the draft missed: its words must be in the text and state its value. It goes
    /// to `target` in `unit` and `category`, accepted (a person read it).
    pub fn add(
        &mut self,
        report: &mut Report,
        mut point: DataPoint,
        unit: &Unit,
        category: &str,
        target: Target,
    ) -> Result<(), EditError> {
        if !self.in_text(&point.quote) {
            return Err(EditError::QuoteNotInText(point.quote));
        }
        if !crate::model::numbers::quote_states(&point.quote, point.value, None) {
            return Err(EditError::ValueNotStated {
                value: point.value,
                quote: point.quote,
            });
        }
        point.review = Some(crate::model::Review {
            state: ReviewState::Accepted,
            why: "added in review from the text".to_owned(),
        });
        let before = Shape::of(report, None);
        place(report, point.clone(), unit, category, target)?;
        self.commit_shape(report, before, &(point.quote, point.value.to_bits()));
        Ok(())
    }
}

/// Put `point` (in `unit`) into the target indicator, declaring what it needs.
fn place(
    report: &mut Report,
    point: DataPoint,
    unit: &Unit,
    category: &str,
    target: Target,
) -> Result<(), EditError> {
    let same_unit =
        |report: &Report, ind: &Indicator| report.unit(&ind.unit).is_some_and(|u| u.zh == unit.zh);
    match target {
        Target::Here(id) => {
            let Some(i) = report.indicators.iter().position(|x| x.id == id) else {
                return Err(EditError::NoIndicator(id));
            };
            if !same_unit(report, &report.indicators[i]) {
                return Err(EditError::OtherUnit(id));
            }
            push(&mut report.indicators[i], point)?;
        }
        Target::From {
            indicator,
            unit: their_unit,
            category,
        } => {
            if their_unit.zh != unit.zh {
                return Err(EditError::OtherUnit(indicator.id));
            }
            if let Some(i) = report.indicators.iter().position(|x| x.id == indicator.id) {
                push(&mut report.indicators[i], point)?;
            } else {
                if !report.units.iter().any(|u| u.id == their_unit.id) {
                    report.units.push(their_unit);
                }
                if let Some(c) = category
                    && !report.categories.iter().any(|x| x.id == c.id)
                {
                    report.categories.push(c);
                }
                let mut copy = *indicator;
                copy.points = vec![point];
                report.indicators.push(copy);
            }
        }
        Target::New(name, other_unit) => {
            if name.zh.trim().is_empty() || name.en.trim().is_empty() {
                return Err(EditError::NoName);
            }
            let unit = other_unit.as_ref().unwrap_or(unit);
            if !report.units.iter().any(|u| u.id == unit.id) {
                report.units.push(unit.clone());
            }
            let prefix = report
                .sources
                .first()
                .map_or_else(|| "review".to_owned(), |s| s.id.clone());
            // Of n + 1 ids, n indicators can take at most n: one is free.
            let id = (1..=report.indicators.len() + 1)
                .map(|n| format!("{prefix}-r{n:03}"))
                .find(|id| report.indicator(id).is_none())
                .unwrap_or_default();
            report.indicators.push(Indicator {
                id,
                name,
                category: category.to_owned(),
                unit: unit.id.clone(),
                measures: Vec::new(),
                better: crate::model::Better::Higher,
                points: vec![point],
                series: None,
                samples: None,
            });
        }
    }
    Ok(())
}

/// Add a figure to an indicator that has none like it (same measure, year, kind, basis, period).
fn push(ind: &mut Indicator, point: DataPoint) -> Result<(), EditError> {
    if ind
        .points
        .iter()
        .any(|p| p.same_figure(&point) && p.source == point.source)
    {
        return Err(EditError::Duplicate(ind.id.clone()));
    }
    ind.points.push(point);
    Ok(())
}
