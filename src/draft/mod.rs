//! `planboard draft`: a data file drafted from a report's own text.
//!
//! file → [`input`] (its format: plain text in UTF-8, GB18030 or UTF-16, an HTML page's article) →
//! [`outline`] (title, headings) → [`figures`] (every figure with its name, basis and why, its
//! kind, year and period from [`kind`], read with the shared number reader and the [`Lexicon`]) →
//! [`assemble`] (units, categories from the report's sections, indicators, proposed charts and
//! pages; merged into `--with` files by name, unit and basis) → [`crate::model::write`] (a RON
//! data file in the current format, one figure a block in the report's order) → checked by loading
//! it back, so what is written always loads.
//!
//! Nothing is invented: every figure is a number the text prints, with its words as the quote, and
//! every one is marked as proposed for a person to review.

pub mod assemble;
pub mod compare;
pub mod dated;
pub mod figures;
pub mod input;
pub mod kind;
pub mod outline;
pub mod place;
pub mod proposed;
pub mod shape;
pub mod source;
pub mod span;
pub mod tables;

use std::path::Path;

use crate::model::divisions::Divisions;
use crate::model::lexicon::Lexicon;
use crate::model::{DatedBy, Place, Report, Text};

pub use input::{Encoding, Format, MAX_REPORT_BYTES, ReportText};

/// What went wrong, in words a user can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DraftError {
    #[error("{file}: cannot read the report: {err}")]
    Read { file: String, err: String },
    #[error("{file}: cannot write the data file: {err}")]
    Write { file: String, err: String },
    #[error("{file}: the file is empty; expected a report's text")]
    Empty { file: String },
    #[error(
        "{file}: the file is {size} bytes, over the {max}-byte limit; expected one report's text (split a collection of reports)"
    )]
    TooLarge { file: String, size: u64, max: u64 },
    #[error(
        "{file}: this is {what}, not text; expected {} — for a PDF, extract its text first (pdftotext -layout report.pdf report.txt)",
        input::Format::expected()
    )]
    Binary { file: String, what: String },
    #[error(
        "{file}:{line}:{column}: the text is neither UTF-8 nor GB18030/GBK (no character of either starts here); expected the report saved as UTF-8 (or in the GBK encoding government sites use)"
    )]
    Undecodable {
        file: String,
        /// Where GB18030, the last encoding tried, first fails: 1-based line and column (in
        /// characters read up to there).
        line: usize,
        column: usize,
    },
    #[error(
        "{file}: the HTML page holds no article text (no run of Chinese prose); expected a report page saved from a browser (File → Save page as, HTML only)"
    )]
    NoArticle { file: String },
    #[error(
        "{file}: no figures found: no number with a unit (%, 亿元, 个 …) outside dates, names and numbering; expected a report that states figures"
    )]
    NoFigures { file: String },
    #[error(
        "{file}: the draft holds {figures} figures, {bytes} bytes of data, over the {max} bytes a data file may hold; expected one report — draft its parts one at a time"
    )]
    TooManyFigures {
        file: String,
        figures: usize,
        bytes: usize,
        max: u64,
    },
    #[error("{0}")]
    With(String),
    #[error("{}", .0.message().en)]
    Place(crate::model::divisions::PlaceError),
    #[error("--year {year}: expected the year the report sets targets for, from 1949 to 2100")]
    Year { year: i32 },
    #[error(
        "--place names one report's place; with several reports, expected each report's opening to name its own (draft one report at a time to set --place)"
    )]
    PlaceOfMany,
    #[error(
        "several reports are drafted into a folder: expected --out DIR (a folder, made if it does not exist), not a .ron file or none"
    )]
    ManyNeedFolder,
    #[error(
        "{first} and {second} are both `{id}` (the same place, year and kind of report); expected one report per place, year and kind — draft them apart, with --place or --year for the one whose text misleads; nothing was written"
    )]
    SameReport {
        first: String,
        second: String,
        id: String,
    },
    #[error(
        "{file}: the drafted data does not load, which is a bug in planboard draft; please report it with the report's text: {problems}"
    )]
    Invalid { file: String, problems: String },
}

impl DraftError {
    /// The message in both languages: English as [`std::fmt::Display`] writes it, and Chinese.
    pub fn message(&self) -> crate::model::Msg {
        crate::model::Msg::new(self.to_string(), self.zh())
    }

    /// The message in Chinese.
    fn zh(&self) -> String {
        match self {
            Self::Read { file, err } => format!("{file}：无法读取报告：{err}"),
            Self::Write { file, err } => format!("{file}：无法写入数据文件：{err}"),
            Self::Empty { file } => format!("{file}：文件为空；应为一份报告的正文"),
            Self::TooLarge { file, size, max } => format!(
                "{file}：文件有 {size} 字节，超过 {max} 字节的上限；应为一份报告的正文（多份报告请分开）"
            ),
            Self::Binary { file, what } => format!(
                "{file}：这是{what}，不是文本；应为{}——PDF 请先提取文字（pdftotext -layout report.pdf report.txt）",
                input::Format::expected()
            ),
            Self::Undecodable { file, line, column } => format!(
                "{file}:{line}:{column}：文本既不是 UTF-8 也不是 GB18030/GBK（此处起没有可识别的字符）；应把报告存为 UTF-8（或政府网站常用的 GBK 编码）"
            ),
            Self::NoArticle { file } => format!(
                "{file}：HTML 页面中没有正文（没有成段的中文）；应为从浏览器保存的报告页面（文件 → 网页另存为，仅 HTML）"
            ),
            Self::NoFigures { file } => format!(
                "{file}：没有找到数字：日期、名称和编号之外没有带单位（%、亿元、个……）的数字；应为陈述了数字的报告"
            ),
            Self::TooManyFigures {
                file,
                figures,
                bytes,
                max,
            } => format!(
                "{file}：草稿有 {figures} 个数字、{bytes} 字节数据，超过数据文件 {max} 字节的上限；应为一份报告——请分部分起草"
            ),
            Self::With(err) => format!("--with 数据：{err}"),
            Self::Place(err) => err.message().zh,
            Self::Year { year } => {
                format!("--year {year}：应为报告设定目标的年份，在 1949 至 2100 之间")
            }
            Self::PlaceOfMany => "--place 只能指定一份报告的地区；起草多份报告时，每份报告的开头应写明其地区（要指定 --place，请逐份起草）".to_owned(),
            Self::ManyNeedFolder => "多份报告起草到一个文件夹：应给出 --out 文件夹（不存在时会创建），而不是 .ron 文件或不给".to_owned(),
            Self::SameReport { first, second, id } => format!(
                "{first} 和 {second} 都是 `{id}`（同一地区、同一年份、同一类报告）；每个地区每年每类应只有一份报告——请分开起草，对文本有误导的那份用 --place 或 --year 指定；没有写入任何文件"
            ),
            Self::Invalid { file, problems } => format!(
                "{file}：起草出的数据无法载入，这是 planboard draft 的缺陷；请连同报告正文一起报告：{problems}"
            ),
        }
    }
}

/// What `draft` was asked to do.
#[derive(Clone, Debug, Default)]
pub struct Request<'a> {
    /// The report's file name, for messages and the source's id.
    pub name: &'a str,
    /// Where the data file will be written (for the source text's relative path), if anywhere.
    pub out: Option<&'a Path>,
    /// The path of the source text as the data file should name it.
    pub text_path: Option<String>,
    /// Existing data whose indicators the draft reuses by name, unit and basis.
    pub with: Option<&'a Report>,
    /// `--place`: whose report it is, instead of the place its opening names.
    pub place: Option<Place>,
    /// `--year`: the year the report sets targets for (delivered in), instead of its text's.
    pub year: Option<i32>,
}

/// A drafted data file.
#[derive(Clone, Debug)]
pub struct Drafted {
    pub report: Report,
    /// The RON text to write.
    pub ron: String,
    /// Figures read but left out: their words did not state them back, or a review of the same
    /// text (a `--with` file) rejected them.
    pub dropped: usize,
    /// The year the report sets targets for (its delivery year): what 今年 means in it.
    pub year: i32,
    /// Figures left out because they cannot be valid (a share over 100%, a span too long), each
    /// named with its quote and why: one bad figure never sinks the whole draft.
    pub warnings: Vec<String>,
}

/// Draft a data file from a report's decoded text.
pub fn draft(text: &ReportText, req: &Request) -> Result<Drafted, DraftError> {
    let lex = Lexicon::embedded();
    let chars: Vec<char> = text.text.chars().collect();
    // Read in the lexicon's normal forms (traditional characters as simplified, full-width digits);
    // quote from the text itself.
    let normal = lex.normalize(&chars);
    let anchor = dated::anchor(&normal, lex, req.year).or_else(|| {
        // A text that names no year at all: its file's name, before the clock.
        let named = kind::years_at(&normal, 0, normal.len()).next().is_some();
        let year = dated::file_name_year(req.name).filter(|_| !named)?;
        Some(dated::Anchor {
            year,
            by: DatedBy::FileName,
            why: format!("file name {}", req.name),
        })
    });
    let outline = outline::outline(&normal, lex, anchor.as_ref().map(|a| a.year));
    let dated_by = match &anchor {
        Some(a) => a.by,
        None if outline.years_from_clock => DatedBy::Clock,
        None if outline
            .title_text
            .as_deref()
            .and_then(kind::year_in)
            .is_some() =>
        {
            DatedBy::Title
        }
        None => DatedBy::Text,
    };
    let place = req.place.clone().or_else(|| {
        place::place_of(&normal, lex, Divisions::embedded()).map(|f| f.division.place())
    });
    let figures = figures::read(&normal, &outline, lex);
    let source = source::source_of(
        &chars,
        &outline,
        lex,
        source::Known {
            file_name: req.name,
            place,
            dated_by,
            text_path: req.text_path.clone(),
        },
    );
    let assembled = assemble::assemble(&chars, &figures, &outline, lex, source, req.with);
    if assembled.report.point_count() == 0 {
        return Err(DraftError::NoFigures {
            file: req.name.to_owned(),
        });
    }
    let ron = crate::model::write::to_ron(&assembled.report, req.name);
    if ron.len() as u64 > crate::model::MAX_FILE_BYTES {
        return Err(DraftError::TooManyFigures {
            file: req.name.to_owned(),
            figures: assembled.report.point_count(),
            bytes: ron.len(),
            max: crate::model::MAX_FILE_BYTES,
        });
    }
    // What is written must load exactly as written: parse and validate it back.
    // (The report is the one loaded back, as the window will see it: each figure with its source.)
    let report =
        crate::model::parse(req.name, ron.as_bytes()).map_err(|err| DraftError::Invalid {
            file: req.name.to_owned(),
            problems: err.to_string(),
        })?;
    Ok(Drafted {
        year: outline.target_year,
        report,
        ron,
        dropped: assembled.dropped,
        warnings: assembled.warnings,
    })
}

/// The English of a text the draft cannot translate: the Chinese, visibly marked for the review.
pub fn untranslated(zh: &str) -> Text {
    Text {
        zh: zh.to_owned(),
        en: format!("{UNTRANSLATED}{zh}"),
    }
}

/// How a drafted English name that still needs a translation begins.
pub const UNTRANSLATED: &str = "[zh] ";

#[cfg(test)]
mod tests {
    use super::DraftError;
    use crate::model::Lang;

    /// Every refusal says itself in Chinese too, naming the file.
    #[test]
    fn every_error_in_both_languages() {
        let file = || "r.txt".to_owned();
        let errors = [
            DraftError::Empty { file: file() },
            DraftError::TooLarge {
                file: file(),
                size: 9,
                max: 1,
            },
            DraftError::Undecodable {
                file: file(),
                line: 3,
                column: 7,
            },
            DraftError::NoFigures { file: file() },
        ];
        for err in errors {
            let msg = err.message();
            assert!(msg.get(Lang::En).starts_with("r.txt"), "{err}");
            let zh = msg.get(Lang::Zh);
            assert!(zh.starts_with("r.txt") && zh.contains('应'), "{zh}");
        }
    }
}
