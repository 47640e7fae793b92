//! Provenance: every quote is found in its source's text, and every value is stated in its quote.
//!
//! A source's text is looked for beside the data file (its `text` path) and in the folders given
//! with `--sources`. A text that is not at hand is "not verified", not an error: people share data
//! files without the documents. A text that is there but unreadable is an error.

use std::collections::HashMap;
use std::path::{Path as FsPath, PathBuf};

use super::numbers::quote_states;
use super::{DataFile, Dataset, LoadError, Msg, Problem};
use crate::path;

/// What became of one source of one file.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceCheck {
    /// Index of the data file in the dataset.
    pub file: usize,
    pub source: String,
    pub state: TextState,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TextState {
    /// The text was read and every figure's quote checked against it (problems, if any, are in
    /// [`Provenance::problems`]).
    Checked {
        text: PathBuf,
        figures: usize,
        problems: usize,
    },
    /// The source names no text (`text: None`), or its text is in none of the places looked in.
    NotAtHand {
        text: Option<String>,
        looked_in: Vec<PathBuf>,
    },
    /// The text is there but cannot be used (not UTF-8, a folder, too large): why, in both languages.
    Unreadable(Msg),
}

/// The outcome of checking a dataset's quotes against its sources' texts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Provenance {
    pub sources: Vec<SourceCheck>,
    /// Quotes not found in their text, values not stated in their quote.
    pub problems: Vec<Problem>,
}

impl Provenance {
    /// Whether every quote of `file` was checked and found right.
    pub fn file_verified(&self, file: usize) -> Option<bool> {
        let mine: Vec<_> = self.sources.iter().filter(|s| s.file == file).collect();
        if mine.is_empty() {
            return None;
        }
        Some(
            mine.iter()
                .all(|s| matches!(s.state, TextState::Checked { problems, .. } if problems == 0)),
        )
    }
}

/// Text with every whitespace character removed: page breaks fall inside sentences and numbers.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Check every figure of every file whose source text is at hand.
pub fn check(dataset: &Dataset, source_dirs: &[PathBuf]) -> Provenance {
    let mut out = Provenance::default();
    let mut texts: HashMap<PathBuf, Result<String, Msg>> = HashMap::new();
    for (f, file) in dataset.files.iter().enumerate() {
        for source in &file.report.sources {
            let places = places(file, source.text.as_deref(), source_dirs);
            let Some(found) = places.iter().find(|p| p.exists()).cloned() else {
                // Without the text, a value its own quote does not state is still wrong.
                check_figures(file, &source.id, None, &mut out.problems);
                out.sources.push(SourceCheck {
                    file: f,
                    source: source.id.clone(),
                    state: TextState::NotAtHand {
                        text: source.text.clone(),
                        looked_in: places,
                    },
                });
                continue;
            };
            let text = texts
                .entry(found.clone())
                .or_insert_with(|| read_text(&found).map(|t| squash(&t)));
            let state = match text {
                Err(err) => TextState::Unreadable(err.clone()),
                Ok(text) => {
                    let before = out.problems.len();
                    let figures =
                        check_figures(file, &source.id, Some((text, &found)), &mut out.problems);
                    TextState::Checked {
                        text: found,
                        figures,
                        problems: out.problems.len() - before,
                    }
                }
            };
            out.sources.push(SourceCheck {
                file: f,
                source: source.id.clone(),
                state,
            });
        }
    }
    out
}

/// Where a source's text may be: its path relative to the data file, then its name (and its
/// path) in each `--sources` folder.
fn places(file: &DataFile, text: Option<&str>, dirs: &[PathBuf]) -> Vec<PathBuf> {
    let Some(text) = text else {
        return Vec::new();
    };
    let rel = FsPath::new(text);
    let mut out = Vec::new();
    if let Some(folder) = file.folder() {
        out.push(folder.join(rel));
    }
    for dir in dirs {
        if let Some(name) = rel.file_name() {
            out.push(dir.join(name));
        }
        if rel.components().count() > 1 {
            out.push(dir.join(rel));
        }
    }
    out.dedup();
    out
}

/// A source text: a UTF-8 file within the size limit.
fn read_text(path: &FsPath) -> Result<String, Msg> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(Msg::new(
            format!("{name}: is a folder; expected the source's text file"),
            format!("{name}：这是文件夹；应为来源的原文文本文件"),
        ));
    }
    let bytes = super::load::read_limited(path, &name).map_err(|e: LoadError| e.message())?;
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to() + 1;
        Msg::new(
            format!(
                "{name}: the text is not valid UTF-8 (byte {byte} is not part of a UTF-8 character); expected the source's text saved as UTF-8"
            ),
            format!(
                "{name}：原文不是有效的 UTF-8 文本（第 {byte} 个字节不属于任何 UTF-8 字符）；应将来源的原文另存为 UTF-8 编码"
            ),
        )
    })
}

/// Check the figures of `file` that come from `source`: each value against its quote, and each quote
/// against the source's squashed text when it is at hand. Returns how many figures were checked.
fn check_figures(
    file: &DataFile,
    source: &str,
    text: Option<(&str, &FsPath)>,
    problems: &mut Vec<Problem>,
) -> usize {
    let only_source = file.report.sources.len() == 1;
    let mut figures = 0;
    for (i, ind) in file.report.indicators.iter().enumerate() {
        for (p, point) in ind.points.iter().enumerate() {
            let from_here = match &point.source {
                Some(s) => s == source,
                None => only_source,
            };
            if !from_here {
                continue;
            }
            figures += 1;
            let quote = squash(&point.quote);
            if let Some((text, text_path)) = text
                && !text.contains(&quote)
            {
                let (id, year, text_path, quote) =
                    (&ind.id, point.year, text_path.display(), &point.quote);
                problems.push(Problem::new(
                    file.locate(path!["indicators", i, "points", p, "quote"]),
                    Msg::new(
                        format!(
                            "the quote of `{id}` {year} is not in {text_path} (compared with whitespace removed): “{quote}”; expected the words exactly as the source prints them"
                        ),
                        format!(
                            "`{id}` {year}年的引文不在 {text_path} 中（去掉空白后比较）：“{quote}”；应与原文印出的文字完全一致"
                        ),
                    ),
                ));
            } else if !quote_states(&point.quote, point.value, point.header_unit.as_deref()) {
                let (id, year, value, quote) = (&ind.id, point.year, point.value, &point.quote);
                problems.push(Problem::new(
                    file.locate(path!["indicators", i, "points", p, "value"]),
                    Msg::new(
                        format!(
                            "the value of `{id}` {year} is {value}, which its quote does not state: “{quote}”; expected the number the quote writes, in the unit itself (1.3万 is 13000, 亿 is 10^8; 下降 or 减少 make it negative)"
                        ),
                        format!(
                            "`{id}` {year}年的数值为 {value}，但它的引文没有写出这个数：“{quote}”；应为引文所写的数，以单位本身计（1.3万即 13000，亿即 10^8；“下降”或“减少”表示负数）"
                        ),
                    ),
                ));
            }
        }
    }
    figures
}
