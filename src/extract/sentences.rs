//! Sentence splitting with byte offsets.

/// A sentence as a byte range of the cleaned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

pub fn split(text: &str) -> Vec<Sentence> {
    vec![Sentence { start: 0, end: text.len() }]
}
