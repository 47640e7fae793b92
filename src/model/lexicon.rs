//! The words planboard reads Chinese figures with, from `data/draft/lexicon.ron` (embedded).
//!
//! Units, measure words, qualifiers, fall words and the cue words of kind and basis are data, not
//! code, so a reader of another province's reports can add a word without touching the reader.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{Qualifier, SourceKind};

impl Lexicon {
    /// The name every draft gives a known indicator: the first of the names that share its id
    /// (生产总值 is written 地区生产总值), so drafts of many places name it alike.
    pub fn known_name(&self, name: &str) -> Option<&KnownIndicator> {
        let id = &self.indicators.iter().find(|k| k.zh == name)?.id;
        self.indicators.iter().find(|k| &k.id == id)
    }
}

/// The embedded lexicon's text.
pub const LEXICON_RON: &str = include_str!("../../data/draft/lexicon.ron");

/// A unit as printed after a number, and what a drafted data file declares for it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexUnit {
    pub zh: String,
    pub id: String,
    pub en: String,
    #[serde(default)]
    pub percent: bool,
    /// The symbol a data file declares when the printed one differs (km → 公里, ％ → %).
    #[serde(default)]
    pub symbol: Option<String>,
}

impl LexUnit {
    /// The unit's symbol as a data file declares it.
    pub fn declared(&self) -> &str {
        self.symbol.as_deref().unwrap_or(&self.zh)
    }
}

/// A word that says how exactly a number is stated.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierWord {
    pub word: String,
    pub qualifier: Qualifier,
}

/// An indicator a draft recognises by name.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownIndicator {
    pub zh: String,
    pub id: String,
    pub en: String,
}

/// A five-year plan's names (十四五, “十四五”) and its years.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanPeriod {
    pub words: Vec<String>,
    pub from: i32,
    pub to: i32,
}

/// Every word list; see the comments in `data/draft/lexicon.ron` for what each one does.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub units: Vec<LexUnit>,
    pub measure_words: Vec<String>,
    pub qualifiers_before: Vec<QualifierWord>,
    pub qualifiers_after: Vec<QualifierWord>,
    pub fall_words: Vec<String>,
    pub level_reached: Vec<String>,
    pub not_figure_after: Vec<String>,
    pub not_figure_before: Vec<String>,
    pub class_nouns: Vec<String>,
    pub target_words: Vec<String>,
    pub strong_target_words: Vec<String>,
    pub target_word_exceptions: Vec<String>,
    pub estimate_words: Vec<String>,
    pub results_before_target: Vec<String>,
    pub target_beside: TargetBeside,
    pub by_year_words: Vec<String>,
    pub comparison_bases: Vec<String>,
    pub year_range_marks: Vec<String>,
    pub month_range_marks: Vec<String>,
    pub results_headings: Vec<String>,
    pub target_headings: Vec<String>,
    pub title_result_words: Vec<String>,
    pub title_target_words: Vec<String>,
    pub year_result_words: Vec<String>,
    pub year_target_words: Vec<String>,
    pub part_marks: Vec<String>,
    pub year_on_year_words: Vec<String>,
    pub points_change_units: Vec<String>,
    pub new_in_year_words: Vec<String>,
    pub cumulative_words: Vec<String>,
    pub reached_fillers: Vec<String>,
    pub rate_names: Vec<String>,
    pub list_joiners: Vec<String>,
    pub name_lead_words: Vec<String>,
    pub name_tail_words: Vec<String>,
    pub name_joiners: Vec<String>,
    pub name_trailing: Vec<String>,
    pub name_last_words: Vec<String>,
    pub counting_note: (String, String),
    pub money_scales: Vec<String>,
    pub class_bounds: Vec<String>,
    pub transitions: Vec<String>,
    pub baseline_leads: Vec<String>,
    pub not_baseline_leads: Vec<String>,
    pub last_year_words: Vec<String>,
    pub periods: Vec<PeriodWord>,
    pub object_stops: Vec<String>,
    pub skip_headings: Vec<String>,
    pub money_words: Vec<String>,
    pub comparison_words: Vec<String>,
    pub table_unit_notes: Vec<String>,
    pub table_part_rows: Vec<String>,
    pub table_change_columns: Vec<String>,
    pub table_value_columns: Vec<String>,
    pub source_kinds: Vec<SourceKindWords>,
    pub issuer_suffixes: Vec<String>,
    pub issuer_lead_words: Vec<String>,
    pub place_congress_words: Vec<String>,
    pub place_office_words: Vec<String>,
    pub place_title_words: Vec<String>,
    pub variants: Vec<(String, String)>,
    /// `variants` as a map, built when the lexicon is parsed.
    #[serde(skip)]
    variant_map: HashMap<char, char>,
    pub indicators: Vec<KnownIndicator>,
    /// The category every known indicator is in, the same in every draft: one place's GDP and
    /// another's are one indicator when their drafts open together.
    pub known_category: super::Category,
    /// Units of time: two numbers joined by a range mark in one of these (2021—2025年, 1-11月) are
    /// the ends of a span of time, not a figure that is a range.
    pub range_excluded_units: Vec<String>,
    /// The five-year plans by name, with their years.
    pub plan_periods: Vec<PlanPeriod>,
    /// Words of the five years just past (过去五年, 五年来) and of the five to come (今后五年).
    pub past_span_words: Vec<String>,
    pub coming_span_words: Vec<String>,
    /// A figure over a span read as an average per year (年均), or as a total (累计).
    pub per_year_words: Vec<String>,
    pub span_total_words: Vec<String>,
    pub span_bound_words: Vec<String>,
    pub per_year_names: Vec<String>,
    /// 今年: the report's target year, where a paragraph opens on it.
    pub this_year_words: Vec<String>,
    /// A sentence opening on one of these reviews the past: its target words make no targets.
    pub review_openers: Vec<String>,
    /// Names that hold a word of change and are none (增加值).
    pub not_change_words: Vec<String>,
    /// A name ending in one of these is a year's amount: a level, not new in the year.
    pub amount_names: Vec<String>,
    /// Words after a number that name a milestone, not a thing counted (600亿元大关).
    pub milestone_words: Vec<String>,
    /// Words of a change on the year before a number in a unit that is no percentage.
    pub change_words: Vec<String>,
}

/// A target named right beside its number: the word just before it (年初目标（6.5%）) and the
/// words just after it (5.0%的控制目标).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetBeside {
    pub before: String,
    pub after: Vec<String>,
}

/// A kind of document and the words near a text's top that make it one.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceKindWords {
    pub kind: SourceKind,
    pub words: Vec<String>,
}

/// A part of a year as a report writes it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodWord {
    pub zh: String,
    pub en: String,
}

impl Lexicon {
    /// Parse a lexicon file's text.
    pub fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        let mut lexicon: Self = ron::Options::default().from_str(text)?;
        lexicon.variant_map = lexicon
            .variants
            .iter()
            .filter_map(|(from, to)| {
                let mut f = from.chars();
                let mut t = to.chars();
                match (f.next(), f.next(), t.next(), t.next()) {
                    (Some(a), None, Some(b), None) => Some((a, b)),
                    _ => None,
                }
            })
            .collect();
        // Longest first, so 吨/日 wins over 吨 and 个百分点 over 个.
        lexicon
            .units
            .sort_by_key(|u| std::cmp::Reverse(u.zh.chars().count()));
        for list in [
            &mut lexicon.fall_words,
            &mut lexicon.not_figure_after,
            &mut lexicon.not_figure_before,
            &mut lexicon.year_on_year_words,
            &mut lexicon.new_in_year_words,
            &mut lexicon.cumulative_words,
            &mut lexicon.name_lead_words,
            &mut lexicon.name_tail_words,
            &mut lexicon.list_joiners,
            &mut lexicon.transitions,
            &mut lexicon.object_stops,
        ] {
            list.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        }
        for list in [
            &mut lexicon.qualifiers_before,
            &mut lexicon.qualifiers_after,
        ] {
            list.sort_by_key(|w| std::cmp::Reverse(w.word.chars().count()));
        }
        Ok(lexicon)
    }

    /// The lexicon compiled into the binary. Its text is tested to parse (`embedded_lexicon_parses`),
    /// so the panic below cannot happen in a built program.
    pub fn embedded() -> &'static Self {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| match Self::parse(LEXICON_RON) {
            Ok(lexicon) => lexicon,
            Err(err) => panic!("data/draft/lexicon.ron does not parse: {err}"),
        })
    }

    /// `c` as the reader reads it: a variant's standard form, full-width digits as ASCII ones.
    pub fn normal(&self, c: char) -> char {
        match c {
            '．' => '.',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => self.variant_map.get(&c).copied().unwrap_or(c),
        }
    }

    /// A text's chars as the reader reads them ([`Lexicon::normal`]), positions unchanged; a `*`
    /// right after a number (a footnote mark: 4.20*万人) reads as a space.
    pub fn normalize(&self, chars: &[char]) -> Vec<char> {
        let mut out: Vec<char> = chars.iter().map(|&c| self.normal(c)).collect();
        for i in 1..out.len() {
            if out[i] == '*' && (out[i - 1].is_ascii_digit() || out[i - 1] == '%') {
                out[i] = ' ';
            }
        }
        out
    }

    /// Whether `c` is a measure word (a lone Chinese digit before it states a count).
    pub fn is_measure_word(&self, c: char) -> bool {
        self.measure_words
            .iter()
            .any(|w| w.starts_with(c) && w.chars().count() == 1)
    }

    /// The unit printed at `chars[at..]`, longest first: its index in [`Lexicon::units`] and length.
    pub fn unit_at(&self, chars: &[char], at: usize) -> Option<(usize, usize)> {
        self.units.iter().enumerate().find_map(|(i, u)| {
            let n = starts_with(chars, at, &u.zh)?;
            Some((i, n))
        })
    }
}

/// A Chinese character (the CJK Unified Ideographs and their first extension).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether `chars[at..]` starts with one of `words`.
pub fn starts_with_any(chars: &[char], at: usize, words: &[String]) -> Option<usize> {
    words.iter().find_map(|w| starts_with(chars, at, w))
}

/// The length in chars of `word` when `chars[at..]` starts with it.
pub fn starts_with(chars: &[char], at: usize, word: &str) -> Option<usize> {
    let mut n = 0;
    for w in word.chars() {
        if chars.get(at + n) != Some(&w) {
            return None;
        }
        n += 1;
    }
    (n > 0).then_some(n)
}

/// The length in chars of `word` when `chars[..end]` ends with it.
pub fn ends_with(chars: &[char], end: usize, word: &str) -> Option<usize> {
    let n = word.chars().count();
    if n == 0 || n > end {
        return None;
    }
    chars[end - n..end]
        .iter()
        .copied()
        .eq(word.chars())
        .then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let lexicon = Lexicon::parse(LEXICON_RON).unwrap_or_else(|e| panic!("{e}"));
        assert!(lexicon.units.iter().any(|u| u.zh == "吨/日"));
        // Longest first.
        let t = lexicon.units.iter().position(|u| u.zh == "吨");
        let td = lexicon.units.iter().position(|u| u.zh == "吨/日");
        assert!(td < t);
        // One declaration per unit id.
        for a in &lexicon.units {
            for b in &lexicon.units {
                if a.id == b.id {
                    assert_eq!(
                        (&a.en, a.percent, a.declared()),
                        (&b.en, b.percent, b.declared()),
                        "unit {}",
                        a.id
                    );
                }
            }
        }
    }

    #[test]
    fn words_at_and_before() {
        let chars: Vec<char> = "增长 3%左右".chars().collect();
        assert_eq!(starts_with(&chars, 0, "增长"), Some(2));
        assert_eq!(ends_with(&chars, 2, "增长"), Some(2));
        assert_eq!(ends_with(&chars, 1, "增长"), None);
        let lexicon = Lexicon::embedded();
        let (u, n) = lexicon.unit_at(&chars, 4).unwrap_or_default();
        assert_eq!((lexicon.units[u].id.as_str(), n), ("pct", 1));
    }
}
