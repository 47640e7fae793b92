//! A review under way, as the 审阅 page and its forms both see it: the session (which file, its
//! report as edited, the review, the source text), what the page asks of the app, and a kind's
//! name. Its own module so the page (`review_view.rs`) and the forms (`review_form.rs`) do not
//! use each other.

use crate::data_source::DataSource;
use crate::i18n::tr;
use crate::model::{DataPoint, Lang, Msg, PointKind, Report, Unit};
use crate::review::{Choice, Review, has_draft};

/// The indicator chooser's state: the choice and a new indicator's names.
#[derive(Clone, Debug, Default)]
pub struct Chooser {
    pub(super) choice: Choice,
    pub(super) zh: String,
    pub(super) en: String,
    /// A new indicator's unit, by id: the figure's when None.
    pub(super) unit: Option<String>,
}

/// A number of the text being added as a figure.
#[derive(Clone, Debug)]
pub struct Adding {
    pub(super) point: DataPoint,
    pub(super) unit: Unit,
    pub(super) category: String,
    pub(super) chooser: Chooser,
}

/// A review under way: which file, its report as edited, the review, the source text.
pub struct ReviewSession {
    pub file: usize,
    pub report: Report,
    pub review: Review,
    /// The figure being edited, as the form holds it, and where it should go.
    pub(super) form: Option<DataPoint>,
    pub(super) chooser: Chooser,
    /// A number of the text being added as a figure.
    pub(super) adding: Option<Adding>,
    /// Why the last edit was refused, in both languages (the page may switch between them).
    pub(super) error: Option<Msg>,
    /// The selection changed outside the list (a click in the text): bring it into view.
    pub(super) scroll_list: bool,
    /// The source text's chars, when the text is at hand.
    pub(super) text: Option<Vec<char>>,
}

impl std::fmt::Debug for ReviewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReviewSession")
            .field("file", &self.file)
            .field("items", &self.review.items.len())
            .finish_non_exhaustive()
    }
}

impl ReviewSession {
    /// The review of open file `file` when it has drafted figures, else of the first open file
    /// with drafted figures.
    pub fn start(data: &DataSource, file: Option<usize>) -> Option<Self> {
        let drafted = |i: &usize| data.files.get(*i).is_some_and(|f| has_draft(&f.report));
        let file = file
            .filter(drafted)
            .or_else(|| (0..data.files.len()).find(drafted))?;
        let report = data.files[file].report.clone();
        let text = data.source_text(file);
        let review = Review::of(&report, text.as_deref())?;
        Some(Self {
            file,
            report,
            review,
            text: text.map(|t| t.chars().collect()),
            form: None,
            chooser: Chooser::default(),
            adding: None,
            error: None,
            scroll_list: false,
        })
    }
}

/// What the page asks the app for.
#[derive(Debug, PartialEq)]
pub enum ReviewAction {
    /// Review another open file (its index among the files).
    Open(usize),
    /// The edited report changed: show it in the charts.
    Changed,
    /// Write the file.
    Save,
}

pub(super) fn kind_name(kind: PointKind, lang: Lang) -> &'static str {
    match kind {
        PointKind::Actual => tr(lang, "完成", "result"),
        PointKind::Target => tr(lang, "目标", "target"),
        PointKind::Baseline => tr(lang, "起点", "start"),
    }
}
