//! A figure the draft proposes, whether read from prose (`figures/`) or from a table (`tables.rs`):
//! its own module so that the two readers share it without using each other.

use std::ops::Range;

use crate::model::{Basis, PointKind, Qualifier, Span};

/// A figure the draft proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposed {
    /// What it measures, in the report's words.
    pub name: String,
    pub value: f64,
    /// Index into [`Lexicon::units`].
    pub unit: usize,
    pub qualifier: Qualifier,
    /// A range's high end (增长5%—5.5%), with `qualifier: Range`.
    pub high: Option<f64>,
    pub kind: PointKind,
    pub year: i32,
    /// The span of years it covers when it is a five-year plan's figure (十四五 年均), ending in
    /// `year`.
    pub span: Option<Span>,
    pub basis: Basis,
    /// The part of the year it covers, when the text names one: (zh as printed, en).
    pub period: Option<(String, String)>,
    /// Char range of its quote in the text: from the start of its clause to the end of its unit
    /// and qualifier.
    pub quote: Range<usize>,
    /// The words that decided its kind, year and basis.
    pub why: Vec<String>,
    /// The innermost heading it stands under.
    pub heading: Option<usize>,
    /// For a table cell: the unit printed in the table's header, which scaled its value.
    pub header_unit: Option<String>,
}
