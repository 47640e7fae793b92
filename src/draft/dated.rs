//! The report's own year, which relative words (今年, 去年, 上年, 明年) count from: `--year`, else
//! the line that says when it was delivered (2026年1月25日在…人民代表大会, also in Chinese numerals:
//! 二〇二六年一月二十七日), else the years its title and text name, else its file's name, and only
//! then the computer's clock — and the draft says which, so a reader knows whether to check it.

use crate::model::DatedBy;
use crate::model::lexicon::Lexicon;

/// How many lines of the opening are searched for the delivery line.
const HEAD_LINES: usize = 40;

/// A year the report was delivered or given in, which makes it the year of its targets (a work
/// report delivered in January 2026 sets 2026's targets and reviews 2025).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub year: i32,
    pub by: DatedBy,
    /// The words that gave it.
    pub why: String,
}

/// The oldest and newest year a report may be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// The anchor from `--year` or the delivery line, if either gives one.
pub fn anchor(chars: &[char], lex: &Lexicon, given: Option<i32>) -> Option<Anchor> {
    if let Some(year) = given {
        return Some(Anchor {
            year,
            by: DatedBy::Given,
            why: format!("--year {year}"),
        });
    }
    for line in chars.split(|c| *c == '\n').take(HEAD_LINES) {
        let text: String = line.iter().collect();
        let delivered = lex
            .place_congress_words
            .iter()
            .any(|w| text.contains(w.as_str()))
            || text.trim_start().starts_with('—');
        if !delivered {
            continue;
        }
        if let Some(year) = dated_year(line) {
            return Some(Anchor {
                year,
                by: DatedBy::Delivered,
                why: format!(
                    "delivered “{}”",
                    text.trim().chars().take(40).collect::<String>()
                ),
            });
        }
    }
    None
}

/// The year of a date on a line: 2026年1月 or 二〇二六年一月 (a year with its month, so that "2025年
/// 工作回顾" on a congress line is not a date).
fn dated_year(line: &[char]) -> Option<i32> {
    let digit = |c: char| -> Option<u32> {
        c.to_digit(10)
            .or_else(|| {
                "〇一二三四五六七八九"
                    .chars()
                    .position(|d| d == c)
                    .map(|p| p as u32)
            })
            .or_else(|| (c == '零' || c == 'Ｏ' || c == 'O').then_some(0))
    };
    (0..line.len().saturating_sub(5)).find_map(|i| {
        let ds: Option<Vec<u32>> = line[i..i + 4].iter().map(|c| digit(*c)).collect();
        let ds = ds?;
        let before_digit = i > 0 && digit(line[i - 1]).is_some();
        if before_digit || line[i + 4] != '年' {
            return None;
        }
        // A month follows: 1月, 12月, 一月, 十月, 十二月.
        let m: Vec<char> = line[i + 5..].iter().take(3).copied().collect();
        let numeral = |k: usize| m.get(k).is_some_and(|&c| digit(c).is_some() || c == '十');
        let has_month =
            numeral(0) && (m.get(1) == Some(&'月') || numeral(1) && m.get(2) == Some(&'月'));
        let year = i32::try_from(ds.iter().fold(0, |y, d| y * 10 + d)).ok()?;
        (has_month && YEARS.contains(&year)).then_some(year)
    })
}

/// A year in a file's name (2026年广东省政府工作报告.txt, gd-2026.txt).
pub fn file_name_year(name: &str) -> Option<i32> {
    let stem = std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name);
    let chars: Vec<char> = stem.chars().collect();
    (0..chars.len().saturating_sub(3)).find_map(|i| {
        let run = &chars[i..i + 4];
        let bounded = (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let year: String = run.iter().collect();
        let year: i32 = year.parse().ok()?;
        (bounded && (2000..=2100).contains(&year)).then_some(year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(text: &str) -> Option<(i32, DatedBy)> {
        let chars: Vec<char> = text.chars().collect();
        anchor(&chars, Lexicon::embedded(), None).map(|a| (a.year, a.by))
    }

    #[test]
    fn the_delivery_line_dates_the_report() {
        assert_eq!(
            year(
                "2026年北京市政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n一、2025年工作回顾"
            ),
            Some((2026, DatedBy::Delivered))
        );
        assert_eq!(
            year("政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上"),
            Some((2026, DatedBy::Delivered))
        );
        // A year without a month on the line is not a date.
        assert_eq!(year("在2025年人民代表大会工作回顾"), None);
        assert_eq!(year("2022年，全区上下"), None);
        let chars: Vec<char> = "x".chars().collect();
        assert_eq!(
            anchor(&chars, Lexicon::embedded(), Some(2024)).map(|a| a.by),
            Some(DatedBy::Given)
        );
    }

    #[test]
    fn a_file_name_may_name_the_year() {
        assert_eq!(file_name_year("2026年广东省政府工作报告.txt"), Some(2026));
        assert_eq!(file_name_year("dir/gd-2025.html"), Some(2025));
        assert_eq!(file_name_year("report-12026.txt"), None);
        assert_eq!(file_name_year("报告.txt"), None);
    }
}
