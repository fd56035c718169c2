//! Page furniture, repeated paragraphs, headline and dateline.

/// The article text as extraction sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub title: Option<String>,
}

pub fn clean(text: &str) -> Cleaned {
    Cleaned { text: text.to_string(), title: None }
}
