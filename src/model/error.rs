//! Errors from loading a data file, each naming the file, line and column and what was expected,
//! in both of the app's languages.

use std::fmt;

use super::Lang;

/// A place in a data file: a line and column of a text, or a cell of a spreadsheet's sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    /// 1-based: a text's line, or a sheet's row.
    pub line: usize,
    /// 1-based: a text's column in characters, or a sheet's column (1 is A).
    pub column: usize,
    /// The sheet of a spreadsheet the place is on: shown as Excel names a cell, `Sheet1!B7`.
    pub sheet: Option<String>,
}

impl Location {
    /// A line and column of a text file.
    pub fn at(file: impl Into<String>, line: usize, column: usize) -> Self {
        Self {
            file: file.into(),
            line,
            column,
            sheet: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            // The whole file: it cannot be opened, or is not what it should be.
            None if self.line == 0 => write!(f, "{}", self.file),
            None => write!(f, "{}:{}:{}", self.file, self.line, self.column),
            Some(sheet) => write!(
                f,
                "{}:{}",
                self.file,
                cell_name(sheet, self.line, self.column)
            ),
        }
    }
}

/// A cell as a spreadsheet names it: `Sheet1!B7`, or `'My data'!AA10` when the sheet's name is
/// more than letters, digits and `_` (row and column 1-based).
pub fn cell_name(sheet: &str, row: usize, column: usize) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let sheet = if plain {
        sheet.to_owned()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    format!("{sheet}!{}{row}", column_letters(column))
}

/// A spreadsheet's column letters for a 1-based column: 1 is A, 27 is AA.
pub fn column_letters(column: usize) -> String {
    let mut n = column.max(1);
    let mut letters = Vec::new();
    while n > 0 {
        let k = (n - 1) % 26;
        letters.push(char::from(b'A' + k as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A message in English and in Chinese, saying the same facts. Displays as the English one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub en: String,
    pub zh: String,
}

impl Msg {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// One thing wrong with a data file, where it is and what was expected instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    /// In English.
    pub message: String,
    /// The same in Chinese.
    pub message_zh: String,
}

impl Problem {
    pub fn new(location: Location, msg: Msg) -> Self {
        Self {
            location,
            message: msg.en,
            message_zh: msg.zh,
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message,
        }
    }

    /// `file:line:column: message`, the message in `lang`.
    pub fn line_in(&self, lang: Lang) -> String {
        format!("{}: {}", self.location, self.text(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Why a data file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read the file: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{file}: the file is {size} bytes, over the limit of {limit} bytes; a report's data file is expected to be far smaller"
    )]
    TooLarge { file: String, size: u64, limit: u64 },

    #[error("{0}: the folder holds no .ron data file; expected one or more")]
    EmptyFolder(String),

    #[error("{0}")]
    NotUtf8(Problem),

    #[error("{0}")]
    Syntax(Problem),

    #[error("{}", display_problems(.0))]
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// Every problem with a location, one per line of the error's display.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Self::NotUtf8(p) | Self::Syntax(p) => vec![p.clone()],
            Self::Invalid(ps) => ps.clone(),
            Self::Io { .. } | Self::TooLarge { .. } | Self::EmptyFolder(_) => Vec::new(),
        }
    }

    /// One line a problem, `file:line:column: message`; the error itself when it has no position.
    pub fn lines(&self) -> Vec<String> {
        self.lines_in(Lang::En)
    }

    /// [`Self::lines`] in `lang`.
    pub fn lines_in(&self, lang: Lang) -> Vec<String> {
        let problems: &[Problem] = match self {
            Self::NotUtf8(p) | Self::Syntax(p) => std::slice::from_ref(p),
            Self::Invalid(ps) => ps,
            Self::Io { .. } | Self::TooLarge { .. } | Self::EmptyFolder(_) => &[],
        };
        if problems.is_empty() {
            vec![self.message().get(lang).to_owned()]
        } else {
            problems.iter().map(|p| p.line_in(lang)).collect()
        }
    }

    /// The whole error in both languages: its display, and the same in Chinese.
    pub fn message(&self) -> Msg {
        let zh = match self {
            Self::Io { file, source } => format!("{file}：无法读取文件：{source}"),
            Self::TooLarge { file, size, limit } => format!(
                "{file}：文件有 {size} 字节，超过 {limit} 字节的上限；报告的数据文件应远小于此"
            ),
            Self::EmptyFolder(folder) => {
                format!("{folder}：文件夹中没有 .ron 数据文件；应至少有一个")
            }
            Self::NotUtf8(p) | Self::Syntax(p) => p.line_in(Lang::Zh),
            Self::Invalid(ps) => ps
                .iter()
                .map(|p| p.line_in(Lang::Zh))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        Msg::new(self.to_string(), zh)
    }
}

fn display_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)] // tests may stop at the first surprise

    use std::path::{Path, PathBuf};

    use super::{LoadError, Problem};
    use crate::model::{Lang, load_file};

    fn broken(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/broken")
            .join(name)
    }

    fn has_cjk(text: &str) -> bool {
        text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    }

    /// The Chinese lines of an error: one for each English line, at the same place, in Chinese.
    fn check_same_places(err: &LoadError) -> Vec<String> {
        let en = err.lines();
        let zh = err.lines_in(Lang::Zh);
        assert_eq!(en.len(), zh.len(), "{en:#?}\n{zh:#?}");
        for (problem, (en, zh)) in err.problems().iter().zip(en.iter().zip(&zh)) {
            let prefix = format!("{}: ", problem.location);
            assert!(en.starts_with(&prefix), "{en}");
            assert!(zh.starts_with(&prefix), "{zh}");
            assert!(has_cjk(&zh[prefix.len()..]), "not Chinese: {zh}");
            assert_eq!(*zh, problem.line_in(Lang::Zh));
            assert_eq!(*en, problem.to_string());
        }
        zh
    }

    #[test]
    fn every_problem_is_said_in_chinese_at_the_same_place() {
        let err = load_file(&broken("several_problems.ron")).expect_err("broken");
        assert!(matches!(err, LoadError::Invalid(_)));
        let zh = check_same_places(&err);
        assert_eq!(zh.len(), 5, "{zh:#?}");
        assert!(
            zh[0].ends_with(":26:17: 指标 id `gdp` 重复；每个指标的 id 应唯一"),
            "{zh:#?}"
        );
        assert!(
            zh[4].ends_with(
                ":61:74: 页面 `main` 引用了不存在的图表 `wastes`；应为已有图表的 id（是否想写 `waste`？）"
            ),
            "{zh:#?}"
        );
        assert_eq!(err.lines_in(Lang::En), err.lines());
    }

    #[test]
    fn a_syntax_error_is_said_in_chinese() {
        let err = load_file(&broken("missing_comma.ron")).expect_err("broken");
        assert!(matches!(err, LoadError::Syntax(_)));
        let zh = check_same_places(&err);
        assert!(zh[0].ends_with(":30:13: 缺少逗号"), "{zh:#?}");

        let err = load_file(&broken("typo_field.ron")).expect_err("broken");
        let zh = check_same_places(&err);
        assert!(
            zh[0].contains("中有未知字段 `vaule`；应为以下之一："),
            "{zh:#?}"
        );
    }

    #[test]
    fn every_broken_file_is_said_in_chinese() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/broken");
        let files = crate::model::data_files_in(&dir).expect("broken files");
        assert!(files.len() >= 10);
        for file in files {
            let err = load_file(&file).expect_err("broken");
            check_same_places(&err);
        }
    }

    #[test]
    fn errors_without_a_place_are_said_in_chinese() {
        let err = load_file(Path::new("/nonexistent/x.ron")).expect_err("missing");
        let [line] = err.lines_in(Lang::Zh).try_into().expect("one line");
        assert!(
            line.starts_with("/nonexistent/x.ron：无法读取文件："),
            "{line}"
        );
        assert_eq!(err.lines(), vec![err.to_string()]);

        let err = crate::model::parse("big.ron", &vec![b' '; 16 * 1024 * 1024 + 1])
            .expect_err("too large");
        assert_eq!(
            err.lines_in(Lang::Zh),
            vec![
                "big.ron：文件有 16777217 字节，超过 16777216 字节的上限；报告的数据文件应远小于此"
            ]
        );
    }

    #[test]
    fn a_problem_is_displayed_in_english() {
        let problem = Problem::new(
            super::Location::at("a.ron", 3, 7),
            super::Msg::new("wrong", "有误"),
        );
        assert_eq!(problem.to_string(), "a.ron:3:7: wrong");
        assert_eq!(problem.text(Lang::Zh), "有误");
        assert_eq!(problem.line_in(Lang::Zh), "a.ron:3:7: 有误");
        assert_eq!(problem.line_in(Lang::En), "a.ron:3:7: wrong");
    }

    #[test]
    fn a_cell_is_named_as_a_spreadsheet_names_it() {
        let mut at = super::Location::at("book.xlsx", 7, 2);
        at.sheet = Some("Sheet1".to_owned());
        assert_eq!(at.to_string(), "book.xlsx:Sheet1!B7");
        at.sheet = Some("空气 质量".to_owned());
        at.column = 27;
        assert_eq!(at.to_string(), "book.xlsx:'空气 质量'!AA7");
        assert_eq!(super::column_letters(26), "Z");
        assert_eq!(super::column_letters(702), "ZZ");
        assert_eq!(super::column_letters(703), "AAA");
    }
}
