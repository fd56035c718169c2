//! Extraction: one article and the dictionaries in, its events out.
//! Pure: no I/O, no clock. The stages run in order.

pub mod clean;
pub mod dates;
pub mod entities;
pub mod events;
pub mod sentences;

use crate::dict::Dictionaries;
use crate::model::{Article, DateOrigin, Extraction};

/// Extracts the events an article reports.
pub fn extract(article: &Article, dict: &Dictionaries) -> Extraction {
    let cleaned = clean::clean(&article.text, &dict.furniture);
    let (published, published_origin) = match article.published {
        Some(d) => (Some(d), DateOrigin::Given),
        None => match dates::find_publication_date(&article.text, &dict.dates) {
            Some(d) => (Some(d), DateOrigin::Text),
            None => (None, DateOrigin::Unknown),
        },
    };
    let sentences = sentences::split(&cleaned.text);
    let anchor = dates::Anchor { published, day_first: false };
    let events = events::find(&cleaned.text, &sentences, dict, &anchor, cleaned.title.as_deref());
    Extraction {
        title: article.title.clone().or(cleaned.title),
        clean_text: cleaned.text,
        published,
        published_origin,
        events,
    }
}
