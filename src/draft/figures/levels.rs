//! Figures read together: "从A提升至B" makes A the starting level of B; a figure stated twice is
//! proposed once.

use super::{Proposed, Reader};
use crate::draft::kind::baseline_year;
use crate::model::PointKind;
use crate::model::lexicon::starts_with_any;

/// "从A提升至B": A is the starting level of B — same name, unit and basis; its year is B's, or
/// the year before a target's (or before B's when the text says 上年).
pub(super) fn starting_levels(r: &Reader, figures: &mut [Proposed]) {
    for i in 0..figures.len() {
        // The k-th member of a list pairs with the k-th of the next (由上年的 a:b:c 调整为 d:e:f).
        let member = (0..i)
            .rev()
            .take_while(|&p| figures[p].quote == figures[i].quote)
            .count();
        let Some(j) = (i + 1..figures.len())
            .find(|&j| figures[j].quote.end > figures[i].quote.end)
            .map(|j| j + member)
            .filter(|&j| j < figures.len())
        else {
            continue;
        };
        let (a, b) = (&figures[i], &figures[j]);
        // A ends where the transition starts; B's number follows it.
        let a_end = a.quote.end;
        let mut k = a_end;
        while r.chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        let Some(n) = starts_with_any(r.chars, k, &r.lex.transitions) else {
            continue;
        };
        if b.quote.end <= k + n || a.unit != b.unit {
            continue;
        }
        // 从 or 由 before A, in its clause (not 由于, "because").
        let lead: String = r.chars[a.quote.start..a_end].iter().collect();
        let Some((at, from)) = r
            .lex
            .baseline_leads
            .iter()
            .filter_map(|w| lead.rfind(w.as_str()).map(|at| (at, w)))
            .max_by_key(|(at, _)| *at)
        else {
            continue;
        };
        if r.lex
            .not_baseline_leads
            .iter()
            .any(|w| lead[at..].starts_with(w.as_str()))
        {
            continue;
        }
        let last_year = r
            .lex
            .last_year_words
            .iter()
            .find(|w| lead[at..].contains(w.as_str()));
        let (b_kind, b_year, b_basis, b_name) = (b.kind, b.year, b.basis, b.name.clone());
        let b_span = b.span;
        let a = &mut figures[i];
        a.kind = PointKind::Baseline;
        // A level reached over a plan's span started the year before the span (从2020年末的…).
        a.year = match b_span {
            Some(s) if last_year.is_none() => s.from - 1,
            _ => baseline_year(b_kind, b_year, last_year.is_some()),
        };
        a.span = None;
        a.basis = b_basis;
        a.why = vec![
            format!("kind baseline: “{from}” before it, the level reached after"),
            format!(
                "year {}: {}",
                a.year,
                last_year.map_or("the year of the level reached", String::as_str)
            ),
            format!("basis {}: as the level reached", b_basis.id()),
        ];
        if a.name.is_empty() || a.name != b_name {
            a.name.clone_from(&b_name);
        }
        let b = &mut figures[j];
        b.name = b_name;
    }
}

/// A figure stated twice in the same words (a summary, then the text) is proposed once.
pub(super) fn dedupe(figures: &mut Vec<Proposed>) {
    let mut seen = std::collections::HashSet::new();
    figures.retain(|f| {
        seen.insert((
            f.name.clone(),
            f.value.to_bits(),
            f.unit,
            f.kind,
            f.year,
            f.basis,
        ))
    });
}
