//! Series names made short for a key that has no room for them whole, so that names that differ
//! still differ. Cut to a width, nine columns of one table ("Temperature, Station A (°C)" …) all
//! read "Temperature,…"; what tells them apart is the middle. So the words every name shares at
//! its start and its end are left out, and what differs is kept ("Station A", "Station B";
//! "龙岗", "横岗"), with a shared word given back where what differs alone would be a letter or
//! one character.

use std::collections::BTreeSet;

/// A remainder narrower than this (in display units: a CJK character 2, anything else 1) says
/// too little alone ("A", "1", "龙"): a word it shares with the others is given back.
const LEAST_UNITS: usize = 3;

/// Short names for a chart's series, in their order: each name without the words all of them
/// share at its start and end, and never two alike. The full names when there are fewer than
/// two, when the full names are not all different themselves, or when no shortening keeps them
/// apart.
pub fn distinct_short_names(names: &[&str]) -> Vec<String> {
    let full = || names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    let unique: BTreeSet<&str> = names.iter().copied().collect();
    if names.len() < 2 || unique.len() < names.len() {
        return full();
    }
    let words: Vec<Vec<Token<'_>>> = names.iter().map(|n| tokens(n)).collect();
    let shortest = words.iter().map(Vec::len).min().unwrap_or(0);
    // The texts of every name's token at a place: one text when all share it.
    let texts_at = |place: &dyn Fn(&[Token<'_>]) -> Option<usize>| {
        words
            .iter()
            .map(|w| place(w).and_then(|i| w.get(i)).map(|t| t.text))
            .collect::<BTreeSet<_>>()
            .len()
    };
    let mut prefix = 0;
    while prefix < shortest && texts_at(&|_| Some(prefix)) == 1 {
        prefix += 1;
    }
    let mut suffix = 0;
    while prefix + suffix < shortest && texts_at(&|w| w.len().checked_sub(suffix + 1)) == 1 {
        suffix += 1;
    }
    let first = words.first().map(Vec::as_slice).unwrap_or_default();
    loop {
        let short: Vec<String> = words.iter().map(|w| remainder(w, prefix, suffix)).collect();
        let apart = short.iter().collect::<BTreeSet<_>>().len() == short.len();
        let enough = short.iter().all(|s| units(s) >= LEAST_UNITS);
        if apart && enough {
            return short;
        }
        // Give back a shared word: the one written onto what differs (区 of "A区", 岗 of
        // "龙岗站"), else the last of the start ("Station" of "Station A"), else the first of
        // the end.
        let at_start = give_back(first, prefix, |left| left - 1);
        let at_end = give_back(first, suffix, |left| first.len() - left);
        let glued = |i: Option<usize>| i.and_then(|i| first.get(i)).is_some_and(Token::is_word);
        let start_glued = glued(prefix.checked_sub(1));
        let end_glued = suffix > 0 && glued(first.len().checked_sub(suffix));
        match (at_start, at_end) {
            (_, Some(s)) if end_glued && !start_glued => suffix = s,
            (Some(p), _) => prefix = p,
            (None, Some(s)) => suffix = s,
            (None, None) => return full(),
        }
    }
}

/// The count of shared tokens left once one word (and the spaces and separators between it and
/// what differs) is given back; `None` when no word is shared. `index(left)` is where the innermost of `left`
/// shared tokens is in `first` (every name shares them).
fn give_back(first: &[Token<'_>], shared: usize, index: impl Fn(usize) -> usize) -> Option<usize> {
    let mut left = shared;
    while left > 0 {
        let token = first.get(index(left))?;
        left -= 1;
        if token.is_word() {
            return Some(left);
        }
    }
    None
}

/// A name's tokens without `prefix` at the start and `suffix` at the end, trimmed of the spaces
/// and separators left at either end.
fn remainder(tokens: &[Token<'_>], prefix: usize, suffix: usize) -> String {
    let end = tokens.len().saturating_sub(suffix);
    let middle = tokens.get(prefix..end.max(prefix)).unwrap_or_default();
    let start = middle
        .iter()
        .position(Token::is_word)
        .unwrap_or(middle.len());
    let stop = middle
        .iter()
        .rposition(Token::is_word)
        .map_or(start, |i| i + 1);
    middle
        .get(start..stop)
        .unwrap_or_default()
        .iter()
        .map(|t| t.text)
        .collect()
}

/// A piece of a name: a word, a bracketed group, one CJK character, a run of spaces or one
/// separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Token<'a> {
    text: &'a str,
    word: bool,
}

impl Token<'_> {
    fn is_word(&self) -> bool {
        self.word
    }
}

/// Characters that separate words without being one: kept in a name, never left at its ends.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '、' | ';' | '；' | ':' | '：' | '/' | '|' | '_' | '-' | '–' | '—' | '·'
    )
}

fn closing_of(c: char) -> Option<char> {
    match c {
        '(' => Some(')'),
        '（' => Some('）'),
        '[' => Some(']'),
        '【' => Some('】'),
        _ => None,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF)
}

/// A name cut into [`Token`]s: "Temperature, Station A (°C)" is `Temperature` `,` ` ` `Station`
/// ` ` `A` ` ` `(°C)`; "龙岗站PM2.5浓度" is `龙` `岗` `站` `PM2.5` `浓` `度`. A bracketed group is
/// one token, so a unit in brackets is never cut open.
fn tokens(name: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        let len = if let Some(close) = closing_of(c) {
            rest.find(close)
                .map_or(rest.len(), |i| i + close.len_utf8())
        } else if c.is_whitespace() {
            rest.find(|x: char| !x.is_whitespace())
                .unwrap_or(rest.len())
        } else if is_cjk(c) || is_separator(c) {
            c.len_utf8()
        } else {
            rest.find(|x: char| {
                x.is_whitespace() || is_cjk(x) || is_separator(x) || closing_of(x).is_some()
            })
            .unwrap_or(rest.len())
        };
        let (text, tail) = rest.split_at(len.max(c.len_utf8()));
        out.push(Token {
            text,
            word: !(c.is_whitespace() || is_separator(c)),
        });
        rest = tail;
    }
    out
}

/// A text's width in display units: a CJK character 2, anything else 1.
fn units(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::distinct_short_names as short;

    #[test]
    fn what_every_name_shares_is_left_out_and_a_lone_letter_keeps_its_word() {
        let names: Vec<String> = ('A'..='I')
            .map(|s| format!("Temperature, Station {s} (°C)"))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let want: Vec<String> = ('A'..='I').map(|s| format!("Station {s}")).collect();
        assert_eq!(short(&names), want);
        assert_eq!(
            short(&[
                "Temperature (°C)",
                "Dew point (°C)",
                "Relative humidity (%)"
            ]),
            [
                "Temperature (°C)",
                "Dew point (°C)",
                "Relative humidity (%)"
            ],
            "nothing shared at the start: the units differ, so the end stays"
        );
        assert_eq!(
            short(&["Water flow [l/s]", "Water level [m]"]),
            ["flow [l/s]", "level [m]"]
        );
    }

    #[test]
    fn chinese_names_keep_what_differs() {
        assert_eq!(
            short(&["龙岗站PM2.5浓度", "横岗站PM2.5浓度"]),
            ["龙岗", "横岗"]
        );
        // One character apart is too little: the shared character is given back.
        assert_eq!(
            short(&["龙岗站PM2.5浓度", "龙华站PM2.5浓度"]),
            ["龙岗", "龙华"]
        );
        // What differs is written onto a shared 区: that is what is given back, not the
        // bracket before the comma.
        assert_eq!(
            short(&[
                "水力发电量（含抽水蓄能），A区（千兆瓦时）",
                "水力发电量（含抽水蓄能），B区（千兆瓦时）"
            ]),
            ["A区", "B区"]
        );
        assert_eq!(
            short(&["PM2.5小时浓度", "PM10小时浓度", "NO2小时浓度"]),
            ["PM2.5", "PM10", "NO2"]
        );
    }

    #[test]
    fn names_that_cannot_be_shortened_apart_stay_whole() {
        assert_eq!(short(&["PM2.5"]), ["PM2.5"], "one name");
        assert_eq!(short(&["a b", "a b"]), ["a b", "a b"], "alike already");
        assert_eq!(
            short(&["PM2.5", "PM2.5 (hourly)"]),
            ["PM2.5", "PM2.5 (hourly)"],
            "one is the start of the other"
        );
        assert_eq!(short(&["x", "y"]), ["x", "y"]);
        assert!(short(&[]).is_empty());
    }

    #[test]
    fn different_names_always_stay_different() {
        let cases: [&[&str]; 5] = [
            &["Station 1", "Station 2", "Station 12"],
            &["a_max", "a_min", "b_max"],
            &["温度（站一）", "温度（站二）"],
            &["Load, MW", "Load, GW", "Load"],
            &["A (x", "A (y"],
        ];
        for names in cases {
            let got = short(names);
            let apart: std::collections::BTreeSet<_> = got.iter().collect();
            assert_eq!(apart.len(), names.len(), "{names:?} → {got:?}");
            assert!(got.iter().all(|n| !n.is_empty()), "{got:?}");
        }
    }
}
