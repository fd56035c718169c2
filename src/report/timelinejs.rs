//! `export events --format timelinejs`: the JSON that Knight Lab's TimelineJS
//! reads (`new TL.Timeline('timeline', data)`): `events[]`, each with a
//! `start_date` (and an `end_date` for a span) split into year, month and
//! day as far as the date's precision goes, `text.headline` and `text.text`
//! (HTML: status, place, quote, evidence), `group` (the kind) and
//! `unique_id`; and a `title` slide saying what the file holds. TimelineJS
//! places events by date, so undated events are left out; the title says
//! how many.

use std::collections::HashMap;
use std::io::Write;

use chrono::Datelike;
use serde::Serialize;

use super::{date_label, headline, thousands, MAX_EVIDENCE};
use crate::model::{DateSpan, Precision};
use crate::store::{ArticleInfo, EventFilter, Order, Store, StoredEvent};

#[derive(Debug, Serialize)]
struct Event {
    start_date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Date>,
    display_date: String,
    text: Text,
    group: &'static str,
    unique_id: String,
}

#[derive(Debug, PartialEq, Serialize)]
struct Date {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

#[derive(Debug, Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// Writes every dated event of `store` as one TimelineJS document.
pub fn write(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    let articles = store.articles_named(None)?;
    let mut written = 0u64;
    let mut undated = 0u64;
    out.write_all(b"{\"events\":[")?;
    // In id order: TimelineJS sorts by date itself, and id order needs no sort here.
    let every = EventFilter { order: Order::Id, ..EventFilter::default() };
    store.events(&every, |stored| {
        let Some(event) = event(&stored, &articles) else {
            undated += 1;
            return Ok(());
        };
        out.write_all(if written == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &event).map_err(std::io::Error::from)?;
        written += 1;
        Ok(())
    })?;
    let mut about = format!("{} events extracted by chronicle.", thousands(written));
    if undated > 0 {
        about.push_str(&format!(" {} undated events are left out.", thousands(undated)));
    }
    let title = serde_json::json!({"text": {"headline": "Timeline", "text": escape(&about)}});
    out.write_all(b"\n],\n\"title\":")?;
    serde_json::to_writer(&mut *out, &title)?;
    out.write_all(b"}\n")?;
    out.flush()?;
    Ok(())
}

fn event(stored: &StoredEvent, articles: &HashMap<String, ArticleInfo>) -> Option<Event> {
    let e = &stored.event;
    let span = e.date?;
    let (start_date, end_date) = dates(span);
    let mut text = format!("<p>Status: {}", e.status);
    if let Some(p) = &e.place {
        text.push_str(&format!(". Place: {}", escape(p)));
    }
    if let Some(t) = &e.date_text {
        text.push_str(&format!(". Date as written: \u{201c}{}\u{201d}", escape(t)));
    }
    text.push_str(".</p>");
    if let Some(q) = &e.quote {
        text.push_str(&format!("<p>\u{201c}{}\u{201d}</p>", escape(q)));
    }
    for (m, (name, published)) in e.mentions.iter().zip(&stored.articles).take(MAX_EVIDENCE) {
        let info = articles.get(name);
        let mut cite = escape(info.and_then(|a| a.title.as_deref()).unwrap_or(name));
        if let Some(url) = info.and_then(|a| a.url.as_deref()) {
            cite = format!("<a href=\"{}\">{cite}</a>", escape(url));
        }
        for part in [info.and_then(|a| a.source.as_deref()), published.as_deref()].into_iter().flatten() {
            cite.push_str(&format!(", {}", escape(part)));
        }
        text.push_str(&format!("<blockquote>{}</blockquote><p>\u{2014} {cite}</p>", escape(&m.sentence)));
    }
    if e.mentions.len() > MAX_EVIDENCE {
        text.push_str(&format!("<p>And {} more reports.</p>", e.mentions.len() - MAX_EVIDENCE));
    }
    Some(Event {
        start_date,
        end_date,
        display_date: date_label(span),
        text: Text { headline: escape(&headline(e)), text },
        group: e.kind.as_str(),
        unique_id: format!("event-{}", stored.id),
    })
}

/// The start and (for a span) end of `span`, as precise as it is known: a
/// week is the days from its Monday to its Sunday.
fn dates(span: DateSpan) -> (Date, Option<Date>) {
    let date = |d: chrono::NaiveDate| match span.precision {
        Precision::Day | Precision::Unknown | Precision::Week => {
            Date { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
        }
        Precision::Month => Date { year: d.year(), month: Some(d.month()), day: None },
        Precision::Year => Date { year: d.year(), month: None, day: None },
    };
    let (start, end) = (date(span.start), date(span.end));
    if start == end {
        (start, None)
    } else {
        (start, Some(end))
    }
}

/// Text made safe inside HTML (TimelineJS renders `text` as HTML).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn json(span: DateSpan) -> serde_json::Value {
        serde_json::to_value(dates(span)).unwrap()
    }

    #[test]
    fn dates_are_split_as_far_as_their_precision_goes() {
        assert_eq!(
            json(DateSpan::day(d("2014-01-17"))),
            serde_json::json!([{"year": 2014, "month": 1, "day": 17}, null])
        );
        let week = DateSpan { start: d("2013-11-18"), end: d("2013-11-24"), precision: Precision::Week };
        assert_eq!(
            json(week),
            serde_json::json!([{"year": 2013, "month": 11, "day": 18}, {"year": 2013, "month": 11, "day": 24}])
        );
        let month = DateSpan { start: d("2014-01-01"), end: d("2014-01-31"), precision: Precision::Month };
        assert_eq!(json(month), serde_json::json!([{"year": 2014, "month": 1}, null]));
        let months = DateSpan { start: d("2013-01-01"), end: d("2013-04-30"), precision: Precision::Month };
        assert_eq!(json(months), serde_json::json!([{"year": 2013, "month": 1}, {"year": 2013, "month": 4}]));
        let year = DateSpan { start: d("2012-01-01"), end: d("2012-12-31"), precision: Precision::Year };
        assert_eq!(json(year), serde_json::json!([{"year": 2012}, null]));
    }

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(escape("<b>\"Tom & Jerry's\"</b>"), "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;");
    }
}
