//! Errors from loading a data file, each naming the file, line and column and what was expected.

use std::fmt;

/// A place in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One thing wrong with a data file, where it is and what was expected instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub message: String,
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
        match self.problems() {
            problems if problems.is_empty() => vec![self.to_string()],
            problems => problems.iter().map(ToString::to_string).collect(),
        }
    }
}

fn display_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
