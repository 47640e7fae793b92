//! Whose report it is: the division of China its opening lines name where a report names its own
//! place — the title (2026年广东省政府工作报告), the congress it was delivered to (在广东省第十四届人民
//! 代表大会), the speaker's office (广东省省长), "我代表广东省人民政府" — over the places its text
//! only mentions. A name several divisions share (鼓楼区) is decided by the city or province the
//! text names around it.

use std::collections::HashMap;

use crate::model::divisions::{Division, Divisions};
use crate::model::lexicon::Lexicon;

/// How many chars of the text's start are read for its own place.
const HEAD_CHARS: usize = 3000;

/// The place found, and the words that decided it (for the review's why).
pub struct Found<'d> {
    pub division: &'d Division,
    pub why: String,
}

/// The place the report is for, from its opening lines; none when no division is named there
/// or a shared name cannot be decided.
pub fn place_of<'d>(chars: &[char], lex: &Lexicon, divisions: &'d Divisions) -> Option<Found<'d>> {
    let head = &chars[..chars.len().min(HEAD_CHARS)];
    // Votes per full name: a line that states whose report it is counts more than a mention.
    let mut votes: HashMap<&str, (u32, String)> = HashMap::new();
    for (n, line) in head.split(|c| *c == '\n').enumerate() {
        let text: String = line.iter().collect();
        let weight = line_weight(&text, n, lex);
        for (_, name) in divisions.names_in(line) {
            let entry = votes.entry(name).or_insert((0, String::new()));
            entry.0 += weight;
            if entry.1.is_empty() || weight > 1 {
                entry.1 = text.trim().chars().take(40).collect();
            }
        }
    }
    let best = votes.values().map(|(v, _)| *v).max()?;
    // The best names; of names tied, the innermost (深圳市龙岗区 is 龙岗区's report).
    let mut tied: Vec<(&str, &String)> = votes
        .iter()
        .filter(|(_, (v, _))| *v == best)
        .map(|(name, (_, line))| (*name, line))
        .collect();
    tied.sort_unstable();
    let mentioned: Vec<&Division> = votes
        .keys()
        .flat_map(|name| divisions.named(name))
        .collect();
    let mut chosen: Vec<(&Division, &String)> = Vec::new();
    for (name, line) in tied {
        let candidates: Vec<&Division> = divisions.named(name).collect();
        // A shared name: the one inside a division the text also names.
        let inside: Vec<&Division> = candidates
            .iter()
            .copied()
            .filter(|d| mentioned.iter().any(|o| divisions.encloses(o, d)))
            .collect();
        match (candidates.as_slice(), inside.as_slice()) {
            ([one], _) | (_, [one]) => chosen.push((one, line)),
            _ => {}
        }
    }
    let innermost = chosen.iter().find(|(d, _)| {
        !chosen
            .iter()
            .any(|(other, _)| other.code != d.code && divisions.encloses(d, other))
    })?;
    Some(Found {
        division: innermost.0,
        why: format!("place {}: “{}”", innermost.0.name, innermost.1),
    })
}

/// How strongly a line of the opening says whose report it is.
fn line_weight(line: &str, n: usize, lex: &Lexicon) -> u32 {
    let has = |words: &[String]| words.iter().any(|w| line.contains(w.as_str()));
    if has(&lex.place_congress_words) {
        4
    } else if has(&lex.place_office_words) || n < 2 && has(&lex.place_title_words) {
        3
    } else if has(&lex.place_title_words) {
        2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        place_of(&chars, Lexicon::embedded(), Divisions::embedded())
            .map(|f| format!("{} {}", f.division.name, f.division.code))
    }

    #[test]
    fn the_place_is_the_one_the_opening_lines_name_as_their_own() {
        assert_eq!(
            place(
                "2026年广东省政府工作报告\n——2026年1月在广东省第十四届人民代表大会\n深圳市、广州市……"
            ),
            Some("广东省 440000".to_owned())
        );
        assert_eq!(
            place("政府工作报告\n省长 某某\n我代表西藏自治区人民政府\n林芝市嘎拉村"),
            Some("西藏自治区 540000".to_owned())
        );
        assert_eq!(
            place("关于龙岗区2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n深圳市"),
            Some("龙岗区 440307".to_owned())
        );
        // A name several divisions share, decided by its city.
        assert_eq!(
            place("南京市鼓楼区2026年政府工作报告"),
            Some("鼓楼区 320106".to_owned())
        );
        assert_eq!(place("鼓楼区政府工作报告"), None);
        assert_eq!(place("今年的目标是增长5%"), None);
    }
}
