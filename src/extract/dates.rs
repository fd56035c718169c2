//! Temporal expressions → date intervals, resolved against the publication date.
//! (Placeholder interface; the full module replaces this file.)

use chrono::NaiveDate;

use crate::dict::{DictError, Source};
use crate::model::DateSpan;

#[derive(Clone, Debug, Default)]
pub struct DateTables {}

impl DateTables {
    pub fn parse(_sources: &[Source]) -> Result<Self, DictError> {
        Ok(DateTables {})
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// What relative expressions are resolved against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    pub published: Option<NaiveDate>,
    /// Read `09/10/2013` as 9 October rather than September 10.
    pub day_first: bool,
}

/// A temporal expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte offsets within the sentence, including a leading preposition ("on Dec. 17-18").
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// "since March 2011": the start of a period.
    pub since: bool,
}

pub fn find(_sentence: &str, _tables: &DateTables) -> Vec<TimeExpr> {
    Vec::new()
}

pub fn resolve(_expr: &TimeExpr, _tense: Tense, _anchor: &Anchor, _tables: &DateTables) -> Option<DateSpan> {
    None
}

pub fn tense_of(_clause: &str, _tables: &DateTables) -> Tense {
    Tense::Past
}

pub fn find_publication_date(_text: &str, _tables: &DateTables) -> Option<NaiveDate> {
    None
}
