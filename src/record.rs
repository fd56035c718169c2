//! The stored-article record: one article as `chronicle extract --articles`
//! writes it and `chronicle load` stores it, with everything the store needs
//! and nothing else, so that extraction can run anywhere (a Spark job's map
//! step, other machines) and one writer stores the results as `ingest` would
//! have. One JSON object per line; the contract, format 1, is documented in
//! docs/scale.md. A change that a format-1 reader would misread raises
//! [`FORMAT`]; readers ignore fields they do not know.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{
    Article, DateOrigin, DateSpan, Event, EventActor, Extraction, Kind, Mention, Precision, Qualifier, Status,
};
use crate::store::Prepared;

/// The record format this chronicle writes and reads.
pub const FORMAT: u64 = 1;

/// This chronicle's version, as records carry it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One article, extracted and ready to store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Always [`FORMAT`].
    pub format: u64,
    /// The version of the chronicle that extracted it.
    pub chronicle: String,
    /// The fingerprint of the dictionaries that extracted it (`Dictionaries::fingerprint`).
    pub dictionary: String,
    pub name: String,
    /// Where the text was read from (a path, `FILE:LINE` for a JSON Lines record), if anywhere.
    pub path: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_origin: DateOrigin,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The hash of the text and metadata as read (`store::content_hash`): what makes loading idempotent.
    pub content_hash: String,
    /// The cleaned text; mention offsets are bytes into it.
    pub clean_text: String,
    pub events: Vec<RecordEvent>,
}

/// One event of a record, as the `events` table and its links hold it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordEvent {
    pub kind: Kind,
    pub status: Status,
    /// The date interval, inclusive, and its precision: all three or none.
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub precision: Option<Precision>,
    pub date_text: Option<String>,
    pub place: Option<String>,
    pub actors: Vec<EventActor>,
    pub speaker: Option<String>,
    pub quote: Option<String>,
    pub count: Option<u64>,
    pub qualifier: Option<Qualifier>,
    pub cumulative: bool,
    pub mentions: Vec<Span>,
}

/// A mention: byte offsets into the cleaned text. `sentence` only when the
/// evidence is not that slice of the text (the store keeps it then too).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

impl ArticleRecord {
    /// The record of an article read and extracted here.
    pub fn new(prepared: Prepared) -> ArticleRecord {
        let Prepared { article, extraction, content_hash, dict_hash, .. } = prepared;
        let clean_text = extraction.clean_text;
        let events = extraction
            .events
            .into_iter()
            .map(|e| RecordEvent {
                kind: e.kind,
                status: e.status,
                date_start: e.date.map(|d| d.start),
                date_end: e.date.map(|d| d.end),
                precision: e.date.map(|d| d.precision),
                date_text: e.date_text,
                place: e.place,
                actors: e.actors,
                speaker: e.speaker,
                quote: e.quote,
                count: e.count,
                qualifier: e.qualifier,
                cumulative: e.cumulative,
                mentions: e
                    .mentions
                    .into_iter()
                    .map(|m| {
                        let slice = clean_text.get(m.start..m.end) == Some(m.sentence.as_str());
                        Span { start: m.start, end: m.end, sentence: (!slice).then_some(m.sentence) }
                    })
                    .collect(),
            })
            .collect();
        ArticleRecord {
            format: FORMAT,
            chronicle: VERSION.to_string(),
            dictionary: dict_hash,
            name: article.name,
            path: article.path,
            published: extraction.published,
            published_origin: extraction.published_origin,
            source: article.source,
            url: article.url,
            title: extraction.title,
            content_hash,
            clean_text,
            events,
        }
    }

    /// Writes the record as one line of JSON, built in memory and written at
    /// once (a closed pipe stays an `io::Error` the caller recognises).
    pub fn write_line(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut line = Vec::with_capacity(2 * self.clean_text.len() + 1024);
        serde_json::to_writer(&mut line, self)?;
        line.push(b'\n');
        out.write_all(&line)
    }

    /// Reads one record (a line of JSON), or says what is wrong with it.
    pub fn parse(line: &[u8]) -> Result<ArticleRecord, String> {
        match serde_json::from_slice::<ArticleRecord>(line) {
            Ok(record) if record.format == FORMAT => Ok(record),
            Ok(record) => Err(other_format(&record.format.to_string())),
            Err(e) => {
                // A record of another format may fail on any field: name the format first.
                #[derive(Deserialize)]
                struct Head {
                    format: Option<serde_json::Value>,
                }
                match serde_json::from_slice::<Head>(line) {
                    Ok(Head { format: None }) => Err(
                        "not a stored-article record (it has no `format`); `chronicle extract --articles` makes them \
                         from articles"
                            .into(),
                    ),
                    Ok(Head { format: Some(f) }) if f.as_u64() != Some(FORMAT) => Err(other_format(&f.to_string())),
                    // Placed by column: the file line is in the location already.
                    _ if e.is_syntax() || e.is_eof() => Err(crate::article::malformed(&e)),
                    _ => {
                        let placed = crate::article::malformed(&e);
                        Err(format!("bad record{}", placed.strip_prefix("malformed JSON").unwrap_or(&placed)))
                    }
                }
            }
        }
    }

    /// The article to store, checked: offsets inside the text, whole dates, a well-formed hash.
    pub fn into_prepared(self) -> Result<Prepared, String> {
        if self.name.trim().is_empty() {
            return Err("`name` is empty".into());
        }
        if self.content_hash.len() != 64 || !self.content_hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(format!("`content_hash` is not 64 lower-case hexadecimal digits: '{}'", self.content_hash));
        }
        if self.clean_text.trim().is_empty() {
            return Err("`clean_text` is empty".into());
        }
        match (self.published, self.published_origin) {
            (None, DateOrigin::Given | DateOrigin::Text) => {
                return Err(format!("`published_origin` is '{}' but `published` is missing", self.published_origin))
            }
            (Some(_), DateOrigin::Unknown) => {
                return Err("`published_origin` is 'unknown' but `published` is given".into())
            }
            _ => {}
        }
        let text = &self.clean_text;
        let events = self
            .events
            .into_iter()
            .enumerate()
            .map(|(i, e)| e.into_event(text).map_err(|m| format!("event {}: {m}", i + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        let article =
            Article { name: self.name, path: self.path, source: self.source, url: self.url, ..Article::default() };
        let extraction = Extraction {
            clean_text: self.clean_text,
            title: self.title,
            published: self.published,
            published_origin: self.published_origin,
            events,
        };
        Ok(Prepared {
            article,
            extraction,
            content_hash: self.content_hash,
            dict_hash: self.dictionary,
            terms: Vec::new(),
        })
    }
}

impl RecordEvent {
    fn into_event(self, text: &str) -> Result<Event, String> {
        let date = match (self.date_start, self.date_end, self.precision) {
            (None, None, None) => None,
            (Some(start), Some(end), Some(precision)) if start <= end => Some(DateSpan { start, end, precision }),
            (Some(start), Some(end), Some(_)) => return Err(format!("`date_start` {start} is after `date_end` {end}")),
            _ => return Err("`date_start`, `date_end` and `precision` go together: all three or none".into()),
        };
        if let Some(actor) = self.actors.iter().find(|a| a.name.trim().is_empty()) {
            return Err(format!("an actor ({}) has no name", actor.role));
        }
        let mentions = self
            .mentions
            .into_iter()
            .enumerate()
            .map(|(i, m)| {
                let slice = text.get(m.start..m.end).ok_or_else(|| {
                    format!(
                        "mention {}: bytes {}..{} are not a span of the cleaned text ({} bytes, UTF-8)",
                        i + 1,
                        m.start,
                        m.end,
                        text.len()
                    )
                })?;
                Ok(Mention { sentence: m.sentence.unwrap_or_else(|| slice.to_string()), start: m.start, end: m.end })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let mut event = Event::new(self.kind, self.status);
        event.date = date;
        event.date_text = self.date_text;
        event.place = self.place;
        event.actors = self.actors;
        event.speaker = self.speaker;
        event.quote = self.quote;
        event.count = self.count;
        event.qualifier = self.qualifier;
        event.cumulative = self.cumulative;
        event.mentions = mentions;
        Ok(event)
    }
}

fn other_format(found: &str) -> String {
    format!("record format {found}; this chronicle ({VERSION}) reads format {FORMAT}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn prepared() -> Prepared {
        let text = "Kerry met Lavrov in Geneva. «Talks», he said.".to_string();
        let mut talks = Event::new(Kind::Talks, Status::Happened);
        talks.date = Some(DateSpan { start: d("2013-11-18"), end: d("2013-11-24"), precision: Precision::Week });
        talks.place = Some("Geneva".into());
        talks.actors = vec![
            EventActor { name: "John Kerry".into(), role: Role::Participant },
            EventActor { name: "Sergei Lavrov".into(), role: Role::Participant },
        ];
        talks.mentions = vec![Mention { sentence: text[..27].to_string(), start: 0, end: 27 }];
        let mut said = Event::new(Kind::Statement, Status::Happened);
        said.speaker = Some("Sergei Lavrov".into());
        said.quote = Some("Talks".into());
        // Evidence that is not the slice of the text (the extractor makes none today): kept as it is.
        said.mentions = vec![Mention { sentence: "Talks, he said.".into(), start: 28, end: text.len() }];
        let article = Article {
            name: "a.txt".into(),
            path: Some("in/a.txt".into()),
            text: format!("Headline\n\n{text}"),
            source: Some("VOA".into()),
            ..Article::default()
        };
        let extraction = Extraction {
            clean_text: text,
            title: Some("Headline".into()),
            published: Some(d("2013-11-20")),
            published_origin: DateOrigin::Text,
            events: vec![talks, said],
        };
        Prepared {
            content_hash: crate::store::content_hash(&article),
            article,
            extraction,
            dict_hash: "f".repeat(64),
            terms: Vec::new(),
        }
    }

    /// A record written and read back stores what the extraction would have.
    #[test]
    fn record_round_trips_to_the_same_stored_article() {
        let original = prepared();
        let line = serde_json::to_vec(&ArticleRecord::new(prepared())).unwrap();
        let text = String::from_utf8(line.clone()).unwrap();
        assert!(text.starts_with(r#"{"format":1,"chronicle":""#), "{text}");
        // The slice is not repeated; the sentence that is not the slice is.
        assert!(!text.contains(r#""sentence":"Kerry"#) && text.contains(r#""sentence":"Talks, he said.""#), "{text}");
        let back = ArticleRecord::parse(&line).unwrap().into_prepared().unwrap();
        assert_eq!(back.extraction, original.extraction);
        assert_eq!(back.content_hash, original.content_hash);
        assert_eq!(back.dict_hash, original.dict_hash);
        let a = (&back.article.name, &back.article.path, &back.article.source, &back.article.url);
        assert_eq!(
            a,
            (&original.article.name, &original.article.path, &original.article.source, &original.article.url)
        );
    }

    fn record_with(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Prepared, String> {
        let mut value = serde_json::to_value(ArticleRecord::new(prepared())).unwrap();
        edit(&mut value);
        ArticleRecord::parse(&serde_json::to_vec(&value).unwrap())?.into_prepared()
    }

    #[test]
    fn bad_records_say_what_is_wrong() {
        let err = |edit: fn(&mut serde_json::Value)| record_with(edit).err().unwrap_or_else(|| "accepted".into());
        assert!(err(|v| v["format"] = 2.into()).contains("record format 2; this chronicle"));
        // Another format is named even when the rest does not parse as format 1.
        assert!(err(|v| *v = serde_json::json!({"format": 2, "article": {}})).contains("record format 2"));
        assert!(err(|v| *v = serde_json::json!({"id": "a", "text": "Kerry said."})).contains("no `format`"));
        assert!(err(|v| v["name"] = serde_json::Value::Null).starts_with("bad record at column"));
        assert!(err(|v| v["name"] = " ".into()).contains("`name` is empty"));
        assert!(err(|v| v["content_hash"] = "abc".into()).contains("`content_hash` is not 64"));
        assert!(err(|v| v["clean_text"] = "".into()).contains("`clean_text` is empty"));
        assert!(err(|v| v["published"] = serde_json::Value::Null).contains("`published_origin` is 'text'"));
        assert!(err(|v| v["published"] = "2013-02-30".into()).starts_with("bad record at column"));
        assert!(err(|v| v["events"][0]["kind"] = "meeting".into()).contains("unknown variant `meeting`"));
        assert!(err(|v| v["events"][0]["precision"] = serde_json::Value::Null).contains("event 1: `date_start`"));
        assert!(err(|v| v["events"][0]["date_end"] = "2013-11-01".into())
            .contains("event 1: `date_start` 2013-11-18 is after"));
        assert!(
            err(|v| v["events"][1]["mentions"][0]["end"] = 4000.into()).contains("event 2: mention 1: bytes 28..4000")
        );
        // An offset inside a character («) is not a span of the text either.
        assert!(err(|v| v["events"][1]["mentions"][0]["start"] = 29.into()).contains("mention 1: bytes 29..47"));
        assert!(err(|v| v["events"][0]["actors"][1]["name"] = "".into())
            .contains("event 1: an actor (participant) has no name"));
    }

    #[test]
    fn unknown_fields_are_ignored_and_optional_ones_may_be_left_out() {
        let loaded = record_with(|v| {
            v["note"] = "from a later chronicle".into();
            let obj = v.as_object_mut().unwrap();
            obj.remove("url");
            obj.remove("path");
        })
        .unwrap();
        assert_eq!((loaded.article.url, loaded.article.path), (None, None));
    }

    #[test]
    fn malformed_json_is_named_as_such() {
        assert!(ArticleRecord::parse(b"{\"format\": 1,").unwrap_err().starts_with("malformed JSON"));
        // Named by column, never by serde's "line 1" inside the record.
        let bad = ArticleRecord::parse(b"{bad").unwrap_err();
        assert!(bad.starts_with("malformed JSON at column 2") && !bad.contains("line 1"), "{bad}");
        assert!(ArticleRecord::parse(b"[1, 2]").unwrap_err().starts_with("bad record"));
    }
}
