//! Where things are in a RON source text.
//!
//! RON reports positions for syntax errors only; once parsed, values carry no position. Semantic
//! errors (a duplicate id, a chart naming a missing indicator) must still say file:line:column, so
//! this module walks the text once and records where every field value and list element starts,
//! keyed by its path (`indicators[3].points[1].value`).

use std::collections::HashMap;

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Seg {
    Field(String),
    Index(usize),
}

/// A path such as `indicators[3].points[1].value`.
pub type Path = Vec<Seg>;

/// Build a path from fields and indices: `path!["indicators", 3, "points"]`.
#[macro_export]
macro_rules! path {
    ($($seg:expr),* $(,)?) => {
        vec![$($crate::model::locate::IntoSeg::into_seg($seg)),*]
    };
}

pub trait IntoSeg {
    fn into_seg(self) -> Seg;
}

impl IntoSeg for &str {
    fn into_seg(self) -> Seg {
        Seg::Field(self.to_owned())
    }
}

impl IntoSeg for usize {
    fn into_seg(self) -> Seg {
        Seg::Index(self)
    }
}

/// Byte offsets of values in a RON text, by path, and line starts to turn offsets into
/// line and column.
#[derive(Debug, Default)]
pub struct SourceMap {
    starts: HashMap<Path, usize>,
    line_starts: Vec<usize>,
    text_len: usize,
    chars: Vec<(usize, char)>,
}

#[derive(Debug)]
enum Frame {
    /// `(…)` or `{…}`: fields `name: value`.
    Struct { pending: Option<String> },
    /// `[…]`: elements separated by commas.
    List { index: usize, element_seen: bool },
}

impl SourceMap {
    /// Walk `text` and record where each value starts. Never fails: on text that is not valid RON
    /// it records what it can.
    pub fn new(text: &str) -> Self {
        let mut map = Self {
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            text_len: text.len(),
            ..Self::default()
        };
        map.chars = text.char_indices().collect();
        map.walk(text);
        map.chars = Vec::new();
        map
    }

    /// The byte offset where the value at `path` starts, or of its nearest recorded ancestor.
    pub fn offset(&self, path: &[Seg]) -> usize {
        (0..=path.len())
            .rev()
            .find_map(|n| self.starts.get(&path[..n]).copied())
            .unwrap_or(0)
    }

    /// 1-based line and column (in characters) of the value at `path`.
    pub fn line_col(&self, path: &[Seg], text: &str) -> (usize, usize) {
        self.line_col_of_offset(self.offset(path), text)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col_of_offset(&self, offset: usize, text: &str) -> (usize, usize) {
        let offset = offset.min(self.text_len);
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    fn walk(&mut self, text: &str) {
        let mut stack: Vec<(Frame, Path)> = Vec::new();
        let mut i = 0;
        let mut last_ident: Option<String> = None;
        while i < self.chars.len() {
            let (off, c) = self.chars[i];
            match c {
                c if c.is_whitespace() => {
                    i += 1;
                    continue;
                }
                '/' if self.peek(i + 1) == Some('/') => {
                    while i < self.chars.len() && self.chars[i].1 != '\n' {
                        i += 1;
                    }
                    continue;
                }
                '/' if self.peek(i + 1) == Some('*') => {
                    i = self.skip_block_comment(i);
                    continue;
                }
                '#' if stack.is_empty() => {
                    // `#![enable(...)]` attributes before the top value.
                    while i < self.chars.len() && self.chars[i].1 != ']' {
                        i += 1;
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // A value or a field name starts here.
            if let Some((
                Frame::List {
                    index,
                    element_seen,
                },
                path,
            )) = stack.last_mut()
                && !*element_seen
                && !matches!(c, ']' | ',')
            {
                *element_seen = true;
                let mut p = path.clone();
                p.push(Seg::Index(*index));
                self.starts.entry(p).or_insert(off);
            }
            match c {
                '(' | '{' | '[' => {
                    let path = Self::value_path(&stack);
                    self.starts.entry(path.clone()).or_insert(off);
                    let frame = if c == '[' {
                        Frame::List {
                            index: 0,
                            element_seen: false,
                        }
                    } else {
                        Frame::Struct { pending: None }
                    };
                    stack.push((frame, path));
                    last_ident = None;
                    i += 1;
                }
                ')' | '}' | ']' => {
                    stack.pop();
                    Self::value_done(&mut stack);
                    i += 1;
                }
                ',' => {
                    if let Some((
                        Frame::List {
                            index,
                            element_seen,
                        },
                        _,
                    )) = stack.last_mut()
                    {
                        *index += 1;
                        *element_seen = false;
                    }
                    i += 1;
                }
                ':' => {
                    if let (Some(name), Some((Frame::Struct { pending }, _))) =
                        (last_ident.take(), stack.last_mut())
                    {
                        *pending = Some(name);
                    }
                    i += 1;
                }
                '"' => {
                    let path = Self::value_path(&stack);
                    self.starts.entry(path).or_insert(off);
                    i = self.skip_string(i);
                    Self::value_done(&mut stack);
                }
                'r' if matches!(self.peek(i + 1), Some('#' | '"')) => {
                    let path = Self::value_path(&stack);
                    self.starts.entry(path).or_insert(off);
                    i = self.skip_raw_string(i);
                    Self::value_done(&mut stack);
                }
                '\'' => {
                    i += 1;
                    while i < self.chars.len() && self.chars[i].1 != '\'' {
                        if self.chars[i].1 == '\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                    Self::value_done(&mut stack);
                }
                _ => {
                    // An identifier or a number: read the whole token.
                    let start = i;
                    while i < self.chars.len()
                        && (self.chars[i].1.is_alphanumeric()
                            || matches!(self.chars[i].1, '_' | '.' | '-' | '+'))
                    {
                        i += 1;
                    }
                    if i == start {
                        i += 1;
                        continue;
                    }
                    let end = self.chars.get(i).map_or(text.len(), |&(o, _)| o);
                    let token = &text[off..end];
                    // A token followed by ':' is a field name; by '(' a struct name; else a value.
                    let next = self.next_significant(i);
                    if next == Some(':') {
                        last_ident = Some(token.to_owned());
                    } else if next != Some('(') {
                        let path = Self::value_path(&stack);
                        self.starts.entry(path).or_insert(off);
                        Self::value_done(&mut stack);
                    } else {
                        let path = Self::value_path(&stack);
                        self.starts.entry(path).or_insert(off);
                    }
                }
            }
        }
    }

    /// The path of the value about to start, given the enclosing frames.
    fn value_path(stack: &[(Frame, Path)]) -> Path {
        match stack.last() {
            None => Vec::new(),
            Some((Frame::Struct { pending }, path)) => {
                let mut p = path.clone();
                if let Some(name) = pending {
                    p.push(Seg::Field(name.clone()));
                }
                p
            }
            Some((Frame::List { index, .. }, path)) => {
                let mut p = path.clone();
                p.push(Seg::Index(*index));
                p
            }
        }
    }

    /// A field's value is complete: the next identifier is a new field name.
    fn value_done(stack: &mut [(Frame, Path)]) {
        if let Some((Frame::Struct { pending }, _)) = stack.last_mut() {
            *pending = None;
        }
    }

    fn peek(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn next_significant(&self, mut i: usize) -> Option<char> {
        while let Some(c) = self.peek(i) {
            if !c.is_whitespace() {
                return Some(c);
            }
            i += 1;
        }
        None
    }

    fn skip_block_comment(&self, mut i: usize) -> usize {
        i += 2;
        let mut depth = 1;
        while i < self.chars.len() && depth > 0 {
            match (self.peek(i), self.peek(i + 1)) {
                (Some('*'), Some('/')) => {
                    depth -= 1;
                    i += 2;
                }
                (Some('/'), Some('*')) => {
                    depth += 1;
                    i += 2;
                }
                _ => i += 1,
            }
        }
        i
    }

    fn skip_string(&self, mut i: usize) -> usize {
        i += 1;
        while let Some(c) = self.peek(i) {
            i += 1;
            match c {
                '\\' => i += 1,
                '"' => break,
                _ => {}
            }
        }
        i
    }

    fn skip_raw_string(&self, mut i: usize) -> usize {
        i += 1;
        let mut hashes = 0;
        while self.peek(i) == Some('#') {
            hashes += 1;
            i += 1;
        }
        i += 1; // opening quote
        while i < self.chars.len() {
            if self.peek(i) == Some('"') && (1..=hashes).all(|h| self.peek(i + h) == Some('#')) {
                return i + 1 + hashes;
            }
            i += 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"#![enable(implicit_some)]
Report(
    title: (zh: "标题", en: "Title"),
    indicators: [
        Indicator(id: "a", points: [Point(value: 1.0), Point(value: NaN)]),
        // a comment with "quotes" and ( parens
        Indicator(
            id: "b",
            points: [],
        ),
    ],
    charts: [Chart(series: ["a", "zz"])],
)
"#;

    #[allow(clippy::needless_pass_by_value)] // lets call sites pass `path![…]` directly
    fn at(map: &SourceMap, path: Path) -> (usize, usize) {
        map.line_col(&path, TEXT)
    }

    #[test]
    fn finds_fields_and_elements() {
        let map = SourceMap::new(TEXT);
        assert_eq!(at(&map, path!["title", "en"]), (3, 27));
        assert_eq!(at(&map, path!["indicators", 0, "id"]), (5, 23));
        assert_eq!(
            at(&map, path!["indicators", 0, "points", 1, "value"]),
            (5, 69)
        );
        assert_eq!(at(&map, path!["indicators", 1]), (7, 9));
        assert_eq!(at(&map, path!["indicators", 1, "id"]), (8, 17));
        assert_eq!(at(&map, path!["charts", 0, "series", 1]), (12, 34));
    }

    #[test]
    fn unknown_path_falls_back_to_nearest_ancestor() {
        let map = SourceMap::new(TEXT);
        assert_eq!(
            at(&map, path!["indicators", 1, "points", 4]),
            at(&map, path!["indicators", 1, "points"])
        );
    }
}
