//! The report as the source of its figures: title, issuer, kind, place, year and date as its text
//! gives them, and an id made of what it is — its place's code, its year and its kind
//! (`440000-2026-work-report`) — never of its file's name, so that drafts of any number of places
//! open together and a Chinese file name does not leave every draft the same id.

use std::path::Path;

use super::outline::Outline;
use super::untranslated;
use crate::model::lexicon::Lexicon;
use crate::model::{DatedBy, Place, Source, SourceKind, Text};

/// What is known of the report before its source is written.
pub struct Known<'a> {
    pub file_name: &'a str,
    pub place: Option<Place>,
    pub dated_by: DatedBy,
    pub text_path: Option<String>,
}

/// The source: what its opening says, with the place and year already decided.
pub fn source_of(chars: &[char], outline: &Outline, lex: &Lexicon, known: Known) -> Source {
    let stem = Path::new(known.file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("report");
    let title = outline
        .title_text
        .clone()
        .unwrap_or_else(|| stem.to_owned());
    let head: String = chars.iter().take(3000).collect();
    let kind = lex
        .source_kinds
        .iter()
        .find(|k| k.words.iter().any(|w| head.contains(w.as_str())))
        .map_or(SourceKind::Other, |k| k.kind);
    let published = outline
        .published
        .clone()
        .unwrap_or_else(|| outline.target_year.to_string());
    let issuer = issuer_in(&head, lex)
        .map(|zh| match &known.place {
            // "我代表省人民政府": the place's full name for its level word.
            Some(p) if !zh.starts_with(p.name.as_str()) => lex
                .issuer_suffixes
                .iter()
                .find_map(|suffix| {
                    let level = zh.strip_suffix(suffix.as_str())?;
                    p.name
                        .ends_with(level)
                        .then(|| format!("{}{suffix}", p.name))
                })
                .unwrap_or(zh),
            _ => zh,
        })
        .or_else(|| {
            known
                .place
                .as_ref()
                .zip(lex.issuer_suffixes.first())
                .map(|(p, suffix)| format!("{}{suffix}", p.name))
        });
    Source {
        id: source_id(known.place.as_ref(), outline.target_year, kind, &title),
        title: untranslated(&title),
        issuer: issuer.map_or_else(
            || Text {
                zh: "未注明".to_owned(),
                en: "not stated in the text".to_owned(),
            },
            |zh| untranslated(&zh),
        ),
        kind,
        place: known.place,
        dated_by: Some(known.dated_by),
        published,
        url: None,
        text: known.text_path,
    }
}

/// `440000-2026-work-report`; without a place, the title's own short hash stands for it
/// (`work-report-2026-3f9a1c`), so two places' drafts still differ.
pub fn source_id(place: Option<&Place>, year: i32, kind: SourceKind, title: &str) -> String {
    let kind = kind.id().replace('_', "-");
    if let Some(p) = place {
        return format!("{}-{year}-{kind}", p.code);
    }
    // FNV-1a: stable across builds and machines, unlike the std hasher.
    let hash = title.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{kind}-{year}-{:06x}", hash & 0xff_ffff)
}

/// "…区人民政府" or "…统计局" near the top of a report.
fn issuer_in(head: &str, lex: &Lexicon) -> Option<String> {
    for suffix in &lex.issuer_suffixes {
        if let Some(at) = head.find(suffix.as_str()) {
            let before: Vec<char> = head[..at].chars().collect();
            let start = before
                .iter()
                .rposition(|c| !crate::model::lexicon::is_cjk(*c))
                .map_or(0, |p| p + 1);
            let name: String = before[start.max(before.len().saturating_sub(12))..]
                .iter()
                .collect();
            let name = lex
                .issuer_lead_words
                .iter()
                .fold(name.as_str(), |n, w| n.trim_start_matches(w.as_str()));
            if name.chars().count() >= 2 {
                return Some(format!("{name}{suffix}"));
            }
            // "我代表省人民政府": the level alone; the place puts its name in front.
            return Some(format!("{name}{suffix}"))
                .filter(|s| s.chars().count() > suffix.chars().count());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceLevel;

    #[test]
    fn ids_say_place_year_and_kind_never_the_file() {
        let gd = Place {
            name: "广东省".into(),
            en: "Guangdong".into(),
            level: PlaceLevel::Province,
            code: "440000".into(),
        };
        assert_eq!(
            source_id(
                Some(&gd),
                2026,
                SourceKind::WorkReport,
                "2026年广东省政府工作报告"
            ),
            "440000-2026-work-report"
        );
        let a = source_id(None, 2026, SourceKind::WorkReport, "甲");
        let b = source_id(None, 2026, SourceKind::WorkReport, "乙");
        assert!(a.starts_with("work-report-2026-") && a != b);
        assert_eq!(a, source_id(None, 2026, SourceKind::WorkReport, "甲"));
    }
}
