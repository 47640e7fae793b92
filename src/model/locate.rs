//! Where things are in a RON source text.
//!
//! RON reports positions for syntax errors only; once parsed, values carry no position. Semantic
//! errors (a duplicate id, a chart naming a missing indicator) must still say file:line:column, so
//! this module walks the text once and records where every field value and list element starts,
//! keyed by its path (`indicators[3].points[1].value`). A file's map is built once and every problem
//! looked up in it: locating a problem costs a hash lookup, not a walk of the file, so a file with
//! thousands of problems is reported in one pass.

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

/// Where a value starts: its byte offset and its index in characters, so its column is a
/// subtraction rather than a count of the characters before it on its line (a generated file may
/// hold thousands of values on one long line).
#[derive(Clone, Copy, Debug, Default)]
struct Start {
    byte: usize,
    char: usize,
}

/// A value in the map: 0 is the document, each other one a step from its parent.
type Node = u32;

/// A step from a value to one inside it: a field by its interned name, or a list element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Step {
    Field(u32),
    Index(usize),
}

/// Where values start in a RON text, as a tree of the steps from the document to each value
/// (a path is looked up by walking it, with no allocation; field names are stored once), and line
/// starts to turn offsets into line and column.
#[derive(Debug)]
pub struct SourceMap {
    /// Field names, each stored once.
    names: HashMap<String, u32>,
    /// The value a step from a value leads to.
    children: HashMap<(Node, Step), Node>,
    /// Where each value starts, by node; `None` until seen.
    starts: Vec<Option<Start>>,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
    /// Index in characters of each line's start.
    line_start_chars: Vec<usize>,
    chars: Vec<(usize, char)>,
}

#[derive(Debug)]
enum Frame {
    /// `(…)` or `{…}`: fields `name: value` (the name interned).
    Struct { pending: Option<u32> },
    /// `[…]`: elements separated by commas.
    List { index: usize, element_seen: bool },
}

impl SourceMap {
    /// Walk `text` and record where each value starts. Never fails: on text that is not valid RON
    /// it records what it can.
    pub fn new(text: &str) -> Self {
        let mut map = Self {
            names: HashMap::new(),
            children: HashMap::new(),
            starts: vec![None],
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            line_start_chars: Vec::new(),
            chars: Vec::new(),
        };
        map.chars = text.char_indices().collect();
        map.line_start_chars = std::iter::once(0)
            .chain(
                map.chars
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, c))| *c == '\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        map.walk(text);
        map.chars = Vec::new();
        map
    }

    /// Where the value at `path` starts, or its nearest recorded ancestor.
    fn start(&self, path: &[Seg]) -> Start {
        let mut node: Node = 0;
        let mut best = self.starts.first().copied().flatten().unwrap_or_default();
        for seg in path {
            let step = match seg {
                Seg::Field(name) => match self.names.get(name) {
                    Some(&id) => Step::Field(id),
                    None => break,
                },
                Seg::Index(i) => Step::Index(*i),
            };
            let Some(&child) = self.children.get(&(node, step)) else {
                break;
            };
            node = child;
            if let Some(start) = self.starts.get(node as usize).copied().flatten() {
                best = start;
            }
        }
        best
    }

    /// The value one step from `parent`, made when first seen.
    fn child(&mut self, parent: Node, step: Step) -> Node {
        let next = Node::try_from(self.starts.len()).unwrap_or(Node::MAX);
        let node = *self.children.entry((parent, step)).or_insert(next);
        if node == next && next != Node::MAX {
            self.starts.push(None);
        }
        node
    }

    /// Record where `node` starts, unless it was seen already.
    fn record(&mut self, node: Node, here: Start) {
        if let Some(slot @ None) = self.starts.get_mut(node as usize) {
            *slot = Some(here);
        }
    }

    /// A field name's id, stored the first time it is seen.
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.insert(name.to_owned(), id);
        id
    }

    /// The byte offset where the value at `path` starts, or of its nearest recorded ancestor.
    pub fn offset(&self, path: &[Seg]) -> usize {
        self.start(path).byte
    }

    /// 1-based line and column (in characters) of the value at `path`, without reading the text
    /// again: a hash lookup and a binary search.
    pub fn position(&self, path: &[Seg]) -> (usize, usize) {
        let start = self.start(path);
        let line = self
            .line_starts
            .partition_point(|&s| s <= start.byte)
            .max(1);
        let line_char = self.line_start_chars.get(line - 1).copied().unwrap_or(0);
        (line, start.char.saturating_sub(line_char) + 1)
    }

    /// One pass over the text: comments, spaces and attributes skipped, and every value's start
    /// recorded under its path as the brackets open and close.
    fn walk(&mut self, text: &str) {
        let mut stack: Vec<(Frame, Node)> = Vec::new();
        let mut i = 0;
        let mut last_ident: Option<u32> = None;
        while i < self.chars.len() {
            if let Some(next) = self.skip_ignored(i, stack.is_empty()) {
                i = next;
                continue;
            }
            let (off, c) = self.chars[i];
            let here = Start { byte: off, char: i };
            // A value or a field name starts here.
            self.list_element_starts(&mut stack, c, here);
            i = match c {
                '(' | '{' | '[' => {
                    last_ident = None;
                    self.open(&mut stack, c, i)
                }
                ')' | '}' | ']' => {
                    stack.pop();
                    Self::value_done(&mut stack);
                    i + 1
                }
                ',' => {
                    Self::next_element(&mut stack);
                    i + 1
                }
                ':' => {
                    if let (Some(name), Some((Frame::Struct { pending }, _))) =
                        (last_ident.take(), stack.last_mut())
                    {
                        *pending = Some(name);
                    }
                    i + 1
                }
                '"' => {
                    let node = self.value_node(&stack);
                    self.record(node, here);
                    let next = self.skip_string(i);
                    Self::value_done(&mut stack);
                    next
                }
                'r' if matches!(self.peek(i + 1), Some('#' | '"')) => {
                    let node = self.value_node(&stack);
                    self.record(node, here);
                    let next = self.skip_raw_string(i);
                    Self::value_done(&mut stack);
                    next
                }
                '\'' => {
                    let next = self.skip_char(i);
                    Self::value_done(&mut stack);
                    next
                }
                _ => self.token(text, &mut stack, here, &mut last_ident),
            };
        }
    }

    /// Past what holds no value at `i` (spaces, comments, the `#![enable(...)]` attributes before
    /// the top value); `None` when a value or punctuation starts there.
    fn skip_ignored(&self, mut i: usize, top: bool) -> Option<usize> {
        match self.chars[i].1 {
            c if c.is_whitespace() => Some(i + 1),
            '/' if self.peek(i + 1) == Some('/') => {
                while i < self.chars.len() && self.chars[i].1 != '\n' {
                    i += 1;
                }
                Some(i)
            }
            '/' if self.peek(i + 1) == Some('*') => Some(self.skip_block_comment(i)),
            '#' if top => {
                while i < self.chars.len() && self.chars[i].1 != ']' {
                    i += 1;
                }
                Some(i + 1)
            }
            _ => None,
        }
    }

    /// In a list, the first thing after `[` or a `,` (other than `]` or `,`) starts an element:
    /// its start is recorded under the element's index.
    fn list_element_starts(&mut self, stack: &mut [(Frame, Node)], c: char, here: Start) {
        if let Some((
            Frame::List {
                index,
                element_seen,
            },
            list,
        )) = stack.last_mut()
            && !*element_seen
            && !matches!(c, ']' | ',')
        {
            *element_seen = true;
            let (list, index) = (*list, *index);
            let element = self.child(list, Step::Index(index));
            self.record(element, here);
        }
    }

    /// A bracket opening a struct, map or list at `i`: the value recorded and its frame pushed.
    fn open(&mut self, stack: &mut Vec<(Frame, Node)>, c: char, i: usize) -> usize {
        let (off, _) = self.chars[i];
        let node = self.value_node(stack);
        self.record(node, Start { byte: off, char: i });
        let frame = if c == '[' {
            Frame::List {
                index: 0,
                element_seen: false,
            }
        } else {
            Frame::Struct { pending: None }
        };
        stack.push((frame, node));
        i + 1
    }

    /// A `,` in a list: the next element's index.
    fn next_element(stack: &mut [(Frame, Node)]) {
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
    }

    /// Past a character literal starting at `i`.
    fn skip_char(&self, mut i: usize) -> usize {
        i += 1;
        while i < self.chars.len() && self.chars[i].1 != '\'' {
            if self.chars[i].1 == '\\' {
                i += 1;
            }
            i += 1;
        }
        i + 1
    }

    /// An identifier or a number at `here`: the whole token read; followed by `:` it is a field
    /// name, by `(` a struct's name, else a value. The index after it.
    fn token(
        &mut self,
        text: &str,
        stack: &mut [(Frame, Node)],
        here: Start,
        last_ident: &mut Option<u32>,
    ) -> usize {
        let start = here.char;
        let mut i = start;
        while i < self.chars.len()
            && (self.chars[i].1.is_alphanumeric()
                || matches!(self.chars[i].1, '_' | '.' | '-' | '+'))
        {
            i += 1;
        }
        if i == start {
            return i + 1;
        }
        let end = self.chars.get(i).map_or(text.len(), |&(o, _)| o);
        let token = &text[here.byte..end];
        let next = self.next_significant(i);
        if next == Some(':') {
            *last_ident = Some(self.intern(token));
        } else if next != Some('(') {
            let node = self.value_node(stack);
            self.record(node, here);
            Self::value_done(stack);
        } else {
            let node = self.value_node(stack);
            self.record(node, here);
        }
        i
    }

    /// The value about to start, given the enclosing frames.
    fn value_node(&mut self, stack: &[(Frame, Node)]) -> Node {
        match stack.last() {
            None => 0,
            Some((Frame::Struct { pending: None }, node)) => *node,
            Some((
                Frame::Struct {
                    pending: Some(name),
                },
                node,
            )) => self.child(*node, Step::Field(*name)),
            Some((Frame::List { index, .. }, node)) => self.child(*node, Step::Index(*index)),
        }
    }

    /// A field's value is complete: the next identifier is a new field name.
    fn value_done(stack: &mut [(Frame, Node)]) {
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
        map.position(&path)
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
        // A field name the text never writes.
        assert_eq!(
            at(&map, path!["indicators", 1, "nowhere", 2]),
            at(&map, path!["indicators", 1])
        );
        assert_eq!(at(&map, path!["nowhere"]), (2, 1), "the document");
    }

    /// Columns count characters, also far along one long line of Chinese text.
    #[test]
    fn columns_on_one_long_line_count_characters() {
        let items: Vec<String> = (0..500)
            .map(|i| format!("(zh: \"第{i}项\", en: \"{i}\")"))
            .collect();
        let text = format!("Report(items: [{}])", items.join(", "));
        let map = SourceMap::new(&text);
        for i in [0, 1, 250, 499] {
            let before = format!("Report(items: [{}", items[..i].join(", "));
            let sep = if i == 0 { 0 } else { 2 };
            let column = before.chars().count() + sep + 1;
            assert_eq!(at(&map, path!["items", i]), (1, column), "item {i}");
            let en = column + format!("(zh: \"第{i}项\", en: ").chars().count();
            assert_eq!(at(&map, path!["items", i, "en"]), (1, en), "item {i}");
        }
    }
}
