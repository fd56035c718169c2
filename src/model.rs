//! The shapes that flow through the pipeline: articles in, events out.
//! Everything here is plain data; extraction fills it, the store persists it,
//! and the exporters render it.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// One input document with its metadata, as read from a file, a folder, stdin
/// or a JSON Lines record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// File name for file input, the record's `id` for JSON Lines, `stdin` for `-`.
    pub name: String,
    /// Where it came from: a path or a URL.
    pub path: Option<String>,
    pub text: String,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s.trim().to_ascii_lowercase().as_str() {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!(
                        "unknown {} '{}' (expected one of: {})",
                        stringify!($name).to_ascii_lowercase(),
                        other,
                        [$($text),+].join(", ")
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// The four event kinds chronicle extracts.
    Kind { Talks => "talks", Visit => "visit", Statement => "statement", DeathToll => "death_toll" }
);

string_enum!(
    /// Whether an event took place, from tense and modality.
    Status {
        Happened => "happened",
        Planned => "planned",
        Proposed => "proposed",
        Refused => "refused",
        Cancelled => "cancelled",
        Unknown => "unknown",
    }
);

string_enum!(
    /// How a death toll's count is hedged ("more than 100,000").
    Qualifier {
        Exact => "exact",
        MoreThan => "more_than",
        AtLeast => "at_least",
        About => "about",
        UpTo => "up_to",
        LessThan => "less_than",
    }
);

string_enum!(
    /// How precisely a date interval is known.
    Precision { Day => "day", Week => "week", Month => "month", Year => "year", Unknown => "unknown" }
);

string_enum!(
    /// Where an article's publication date came from.
    DateOrigin { Given => "given", Text => "text", Unknown => "unknown" }
);

string_enum!(
    /// What part an actor plays in an event.
    Role {
        Speaker => "speaker",
        Participant => "participant",
        Visitor => "visitor",
        Host => "host",
        Organizer => "organizer",
        Subject => "subject",
    }
);

/// A resolved date: an inclusive interval and how precise it is.
/// A day range ("Dec. 17-18") has precision `Day` and `start != end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

impl DateSpan {
    pub fn day(d: NaiveDate) -> Self {
        DateSpan { start: d, end: d, precision: Precision::Day }
    }

    /// The contract's `date` and `date_end` strings: `YYYY-MM-DD`, `YYYY-Www`,
    /// `YYYY-MM` or `YYYY`, with `date_end` only for multi-day day ranges and
    /// for spans that cover several weeks, months or years.
    pub fn labels(&self) -> (String, Option<String>) {
        // Written directly, not through chrono's format strings, whose parsing
        // showed in profiles of `extract`; the same text for years 0-9999.
        let one = |d: NaiveDate| match self.precision {
            Precision::Day | Precision::Unknown => day_label(d),
            Precision::Week => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Precision::Month if (0..=9999).contains(&d.year()) => format!("{:04}-{:02}", d.year(), d.month()),
            Precision::Month => d.format("%Y-%m").to_string(),
            Precision::Year if (0..=9999).contains(&d.year()) => format!("{:04}", d.year()),
            Precision::Year => d.format("%Y").to_string(),
        };
        let first = one(self.start);
        let last = one(self.end);
        if first == last {
            (first, None)
        } else {
            (first, Some(last))
        }
    }
}

/// `d` as `YYYY-MM-DD`, as chrono's `to_string` writes it, without going
/// through its formatter for years 0-9999 (three dates an event in every
/// line `extract` and `export` write).
pub fn day_label(d: NaiveDate) -> String {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        return d.to_string();
    }
    let digits = |n: u32, width: usize, out: &mut [u8]| {
        let mut n = n;
        for k in (0..width).rev() {
            out[k] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    let mut out = *b"0000-00-00";
    digits(year as u32, 4, &mut out[0..4]);
    digits(d.month(), 2, &mut out[5..7]);
    digits(d.day(), 2, &mut out[8..10]);
    // ASCII digits and dashes: one allocation of ten bytes (collecting the
    // chars reserved and pushed one by one).
    String::from_utf8(out.to_vec()).unwrap_or_default()
}

/// One sentence of evidence for an event. Offsets are byte offsets into the
/// article's cleaned text (the text stored in `articles.clean_text`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub sentence: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    /// Canonical name from the dictionary, or the name as written when unknown.
    pub name: String,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub kind: Kind,
    pub status: Status,
    pub date: Option<DateSpan>,
    /// The date expression's own words ("on Dec. 17-18"), even when unresolved.
    pub date_text: Option<String>,
    pub place: Option<String>,
    pub actors: Vec<EventActor>,
    pub speaker: Option<String>,
    pub quote: Option<String>,
    pub count: Option<u64>,
    pub qualifier: Option<Qualifier>,
    /// A death toll counted over a period ("since March 2011") rather than one incident.
    pub cumulative: bool,
    pub mentions: Vec<Mention>,
}

impl Event {
    pub fn new(kind: Kind, status: Status) -> Self {
        Event {
            kind,
            status,
            date: None,
            date_text: None,
            place: None,
            actors: Vec::new(),
            speaker: None,
            quote: None,
            count: None,
            qualifier: None,
            cumulative: false,
            mentions: Vec::new(),
        }
    }
}

/// What extraction makes of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extraction {
    /// The article text with page furniture and repeats removed; mention offsets point into it.
    pub clean_text: String,
    /// The headline, when the text starts with one.
    pub title: Option<String>,
    /// The publication date used to resolve relative dates.
    pub published: Option<NaiveDate>,
    pub published_origin: DateOrigin,
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn day_label_is_chrono_to_string() {
        for (y, m, day) in
            [(2014, 1, 17), (1, 2, 3), (0, 12, 31), (9999, 12, 31), (10000, 1, 1), (-1, 6, 9), (999, 10, 5)]
        {
            let date = NaiveDate::from_ymd_opt(y, m, day).unwrap();
            assert_eq!(day_label(date), date.to_string());
        }
    }

    #[test]
    fn labels_follow_the_contract() {
        assert_eq!(DateSpan::day(d("2012-12-17")).labels(), ("2012-12-17".into(), None));
        let range = DateSpan { start: d("2012-12-17"), end: d("2012-12-18"), precision: Precision::Day };
        assert_eq!(range.labels(), ("2012-12-17".into(), Some("2012-12-18".into())));
        let week = DateSpan { start: d("2013-11-18"), end: d("2013-11-24"), precision: Precision::Week };
        assert_eq!(week.labels(), ("2013-W47".into(), None));
        let month = DateSpan { start: d("2013-01-01"), end: d("2013-01-31"), precision: Precision::Month };
        assert_eq!(month.labels(), ("2013-01".into(), None));
        let year = DateSpan { start: d("2012-01-01"), end: d("2012-12-31"), precision: Precision::Year };
        assert_eq!(year.labels(), ("2012".into(), None));
    }

    #[test]
    fn labels_written_by_hand_match_chrono_formats() {
        for (y, m, dd) in
            [(1, 1, 1), (999, 12, 31), (2013, 2, 28), (2016, 2, 29), (9999, 12, 31), (10000, 1, 1), (-5, 3, 1)]
        {
            let day = NaiveDate::from_ymd_opt(y, m, dd).unwrap();
            for (precision, format) in
                [(Precision::Day, "%Y-%m-%d"), (Precision::Month, "%Y-%m"), (Precision::Year, "%Y")]
            {
                let span = DateSpan { start: day, end: day, precision };
                assert_eq!(span.labels().0, day.format(format).to_string(), "{day} {precision:?}");
            }
        }
    }

    #[test]
    fn enums_round_trip_through_text() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), *k);
        }
        assert!("meeting".parse::<Kind>().unwrap_err().contains("talks"));
    }
}
