//! Temporal expressions → date intervals, resolved against the publication date.
//!
//! # Date rules
//!
//! Every date is an inclusive interval with a precision (day, week, month,
//! year). Relative expressions are resolved against the publication date and
//! the tense of the clause; with no publication date they stay unresolved
//! (their words are kept), while dates that carry their year still resolve.
//! Nothing is ever dated by the day the article was read.
//!
//! * **Weekdays** ("on Monday", "Thursday evening", "late Thursday"):
//!   - past tense or present perfect ("said Monday", "has met on Monday"): the
//!     most recent such day on or before publication; a Monday article saying
//!     "Monday called" means that Monday.
//!   - future or modal ("will meet on Friday", "may meet on Tuesday", "is to
//!     meet on Saturday"): the first such day on or after publication. The
//!     same day counts: wire style (AP, Reuters) names the weekday instead of
//!     writing "today", so "will meet on Friday" in a Friday story is that
//!     Friday. A meeting a week away is written "next Friday" or with its date.
//!   - present ("is meeting on Friday", "says Thursday"): the nearer of the
//!     previous and the coming one (the same day if it is publication day).
//!   - "next Friday": the first Friday strictly after publication;
//!     "last Friday": the last one strictly before; "this Friday": as future.
//!   - a part of day ("evening", "late", "early") does not change the day.
//! * **Days around publication**: yesterday, today/tonight, tomorrow.
//! * **Named days** ("Nov. 25", "November 25th", "25 November", "Jan 17") and
//!   **months** ("in January") without a year take the year the tense implies:
//!   past → the latest one on or before publication, future → the first one on
//!   or after it, present → the nearer of the two (ties go forward). Published
//!   2013-12-30, "will open on January 22" is 2014-01-22; published 2014-01-02,
//!   "met on December 20" is 2013-12-20. One exception: a named day in a past
//!   clause that would lie more than 300 days back, while the coming one is
//!   within 30 days, is the coming one: a past reporting verb often governs a
//!   future date ("said the meeting on Nov. 25 ..."), and a report on the
//!   same day last year would give the year.
//! * **Ranges**: "Dec. 17-18", "April 6-7", "17-18 December", "from January 29
//!   to February 3", "between Jan. 22 and 24": day precision, start ≠ end. The
//!   start is placed by the rule above and the end is the first such day on or
//!   after the start.
//! * **Weeks** are ISO weeks (Monday..Sunday): "this week", "next week('s)",
//!   "last week", "in two weeks" (the week two weeks on), "two weeks ago".
//!   "this/next/last weekend" is the Saturday..Sunday of that ISO week (day
//!   precision, a two-day range).
//!   "over the weekend", "at the weekend", "spent the weekend" (words of kind
//!   `weekendlead`, or a preposition) follow the tense: past is the latest
//!   weekend begun by publication, future the coming one.
//! * **Months**: "last month", "earlier this month", "later this month", "next
//!   month", "by the end of the month", "in two months". "mid-January", "early
//!   May", "the end of January" are the whole month (month precision).
//! * **Years**: "in 2012", "last year", "this year", "next year". A part of a
//!   year narrows it to months: early = January–April, mid = May–August,
//!   late/end = September–December ("early next year" → YYYY-01..YYYY-04).
//! * **Seasons** (northern hemisphere; winter YYYY = December YYYY to February
//!   YYYY+1): "last summer" is the latest summer that ended before
//!   publication, "next summer" the first that starts after it, "this summer"
//!   or a bare "in the summer" the one containing publication, else by tense.
//! * **Explicit dates**: "September 9th, 2013", "9 September 2013",
//!   "Friday, 17 January 2014", "2013-09-09", "09/09/2013" (month first unless
//!   the source is known to write day first; a reading that is impossible one
//!   way is taken the other way), "March 2011".
//! * **Periods**: "since March 2011" is found with `since = true` and resolves
//!   to March 2011: the start of the period.
//! * **Not dates**: plain numbers ("120,000 people", "20-month-long", "Geneva 1",
//!   "80 percent", "three resolutions"), clock times ("05:41 AM"), decades
//!   ("1990s"). A bare year needs a preposition or a part word ("in 2012",
//!   "since 2011", "late 2012"); a bare month needs one too ("in May", "mid-May"),
//!   or a determiner before it and a lower-case noun after it ("the October
//!   talks": the October nearest publication, whatever the tense), so the modal
//!   "may" is never a month. Month and weekday names must be
//!   capitalised.
//! * **Tense** ([`tense_of`], [`tense_at`]): cue words from `data/dates.tsv`
//!   (will, would, may, is to, due to, plans, expected, next → future; said,
//!   met, held, was, has/have/had + participle, other -ed verbs → past; is,
//!   says → present). An -ed word after a determiner ("the proposed talks") is
//!   an adjective, and a participle after an auxiliary takes the auxiliary's
//!   tense ("will be held" → future). [`tense_at`] reads the cue nearest to
//!   the left of the expression, or a nearer one to its right within the same
//!   comma-free stretch ("on Nov. 25 would resolve" → future).
//! * **Publication date** ([`find_publication_date`]): the first full date in
//!   the first ten non-empty lines that is either on a short header line
//!   ("September 9th, 2013", "Friday, 17 January 2014 11:30 GMT", "Updated 0207
//!   GMT (1007 HKT) February 13, 2013") or a dateline at the start of a
//!   paragraph followed by "(" or a dash ("MOSCOW, Jan 17 (Reuters) -"). A
//!   dateline without a year takes one from another header date, else the
//!   latest year the text names in a full date; with none, no date.

use foldhash::HashMap;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::tokens::{is_capitalised, tokenize, Tok, TokKind};
use crate::dict::{DictError, Source};
use crate::model::{DateSpan, Precision};

/// The word tables of `data/dates.tsv`, keyed by lower-case word.
#[derive(Clone, Debug, Default)]
pub struct DateTables {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, Weekday>,
    reldays: HashMap<String, i32>,
    parts_of_day: HashMap<String, ()>,
    shifts: HashMap<String, i32>,
    units: HashMap<String, (Unit, i32)>,
    numbers: HashMap<String, i32>,
    /// Part word → (part, whether it needs "of": "the end of", but "late 2012").
    parts: HashMap<String, (Part, bool)>,
    seasons: HashMap<String, u32>,
    /// Preposition → its role: "since", "in" (allows "in two weeks") or "-".
    preps: HashMap<String, String>,
    ordinals: HashMap<String, ()>,
    /// Spelled days of the month ("seventh" → 7) and the tens that join one
    /// with a hyphen ("twenty" of "twenty-first"), see `DayWord`.
    day_words: HashMap<String, DayWord>,
    /// Tense cues, keyed by their first word; each is the whole phrase's words.
    cues: HashMap<String, Vec<(Vec<String>, Cue)>>,
    determiners: HashMap<String, ()>,
    not_verbs: HashMap<String, ()>,
    /// Words after which "in N years" is a span, not a date ("for the first
    /// time in three years", "the worst fighting in two decades").
    span_heads: HashMap<String, ()>,
    /// Words before which "the weekend" is a date without a preposition ("over the weekend").
    weekend_leads: HashMap<String, ()>,
    /// Words at least one of which every expression without a digit contains
    /// (month, weekday, relative day, unit, season), for the cheap pre-filter.
    anchors: foldhash::HashSet<String>,
    /// The longest anchor word, in bytes.
    anchor_len: usize,
    /// The words an expression can start with, as `LEADS_*` bits, so that a
    /// word costs one lookup: the prepositions, and the words a core can start
    /// with (the keys of the tables the word-led parsers look up first, plus
    /// "the", "earlier" and "later"; any other word starts none).
    leads: foldhash::HashMap<String, u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Tense(Tense),
    /// be/been/being: the tense comes from the word before.
    Aux,
}

fn insert_or_remove<V>(map: &mut HashMap<String, V>, key: &str, value: Option<V>) {
    match value {
        Some(v) => {
            map.insert(key.to_string(), v);
        }
        None => {
            map.remove(key);
        }
    }
}

impl DateTables {
    pub fn parse(sources: &[Source]) -> Result<Self, DictError> {
        let mut t = DateTables::default();
        for src in sources {
            for (line, f) in src.rows() {
                let kind = src.field(line, &f, 0, "kind")?;
                let phrase = crate::dict::lowercase(src.field(line, &f, 1, "phrase")?);
                let phrase = phrase.trim_end_matches('.').to_string();
                let value = f.get(2).copied().unwrap_or("").trim();
                let remove = value == "-";
                let bad = |what: &str| src.error(line, format!("bad {kind} value '{value}' (expected {what})"));
                let int = |lo: i32, hi: i32| -> Result<i32, DictError> {
                    value
                        .parse::<i32>()
                        .ok()
                        .filter(|v| (lo..=hi).contains(v))
                        .ok_or_else(|| bad(&format!("a number from {lo} to {hi}")))
                };
                match kind {
                    "month" => {
                        let v = if remove { None } else { Some(int(1, 12)? as u32) };
                        insert_or_remove(&mut t.months, &phrase, v);
                    }
                    "weekday" => {
                        let v = if remove { None } else { Some(weekday_from_iso(int(1, 7)?)) };
                        insert_or_remove(&mut t.weekdays, &phrase, v);
                    }
                    "relday" => {
                        let v = if remove { None } else { Some(int(-7, 7)?) };
                        insert_or_remove(&mut t.reldays, &phrase, v);
                    }
                    "partofday" => insert_or_remove(&mut t.parts_of_day, &phrase, (!remove).then_some(())),
                    "shift" => {
                        let v = if remove { None } else { Some(int(-1, 1)?) };
                        insert_or_remove(&mut t.shifts, &phrase, v);
                    }
                    "unit" => {
                        let v = if remove {
                            None
                        } else {
                            let (name, times) = value.split_once('*').unwrap_or((value, "1"));
                            let unit = match name {
                                "day" => Unit::Day,
                                "week" => Unit::Week,
                                "weekend" => Unit::Weekend,
                                "month" => Unit::Month,
                                "year" => Unit::Year,
                                _ => return Err(bad("day, week, weekend, month or year, optionally *N")),
                            };
                            let times = times.parse::<i32>().map_err(|_| bad("a multiplier like week*2"))?;
                            Some((unit, times))
                        };
                        insert_or_remove(&mut t.units, &phrase, v);
                    }
                    "number" => {
                        let v = if remove { None } else { Some(int(1, 1000)?) };
                        insert_or_remove(&mut t.numbers, &phrase, v);
                    }
                    "part" => {
                        let (name, needs_of) = match value.strip_suffix("+of") {
                            Some(n) => (n, true),
                            None => (value, false),
                        };
                        let v = match name {
                            "-" => None,
                            "early" => Some((Part::Early, needs_of)),
                            "mid" => Some((Part::Mid, needs_of)),
                            "late" => Some((Part::Late, needs_of)),
                            _ => return Err(bad("early, mid or late, optionally +of")),
                        };
                        insert_or_remove(&mut t.parts, &phrase, v);
                    }
                    "season" => {
                        let v = if remove { None } else { Some(int(1, 12)? as u32) };
                        insert_or_remove(&mut t.seasons, &phrase, v);
                    }
                    "prep" => {
                        let v = match value {
                            "-" => None,
                            "" | "plain" => Some("plain".to_string()),
                            "since" | "in" => Some(value.to_string()),
                            _ => return Err(bad("since, in or plain")),
                        };
                        insert_or_remove(&mut t.preps, &phrase, v);
                    }
                    "ordinal" => insert_or_remove(&mut t.ordinals, &phrase, (!remove).then_some(())),
                    "dayword" => {
                        let v = if remove {
                            None
                        } else if let Some(tens) = value.strip_suffix('+') {
                            let tens = tens.parse::<u32>().ok().filter(|v| matches!(v, 20 | 30));
                            Some(DayWord::Tens(tens.ok_or_else(|| bad("20+ or 30+"))?))
                        } else {
                            Some(DayWord::Day(int(1, 31)? as u32))
                        };
                        insert_or_remove(&mut t.day_words, &phrase, v);
                    }
                    "determiner" => insert_or_remove(&mut t.determiners, &phrase, (!remove).then_some(())),
                    "notverb" => insert_or_remove(&mut t.not_verbs, &phrase, (!remove).then_some(())),
                    "spanhead" => insert_or_remove(&mut t.span_heads, &phrase, (!remove).then_some(())),
                    "weekendlead" => insert_or_remove(&mut t.weekend_leads, &phrase, (!remove).then_some(())),
                    "tense" => {
                        let cue = match value {
                            "future" => Some(Cue::Tense(Tense::Future)),
                            "past" => Some(Cue::Tense(Tense::Past)),
                            "present" => Some(Cue::Tense(Tense::Present)),
                            "aux" => Some(Cue::Aux),
                            "-" => None,
                            _ => return Err(bad("future, past, present or aux")),
                        };
                        // "won't", "'ll": the tokens are split at the apostrophe.
                        let words: Vec<String> = phrase
                            .split(|c: char| c.is_whitespace() || c == '\'' || c == '\u{2019}')
                            .filter(|w| !w.is_empty())
                            .map(String::from)
                            .collect();
                        let Some(first) = words.first().cloned() else {
                            return Err(src.error(line, "empty tense phrase"));
                        };
                        let entry = t.cues.entry(first).or_default();
                        entry.retain(|(w, _)| *w != words);
                        if let Some(cue) = cue {
                            entry.push((words, cue));
                            // Longest phrase first, so "is to" wins over "is".
                            entry.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
                        }
                    }
                    other => {
                        return Err(src.error(
                            line,
                            format!("unknown kind '{other}' (expected month, weekday, relday, partofday, shift, unit, number, part, season, prep, ordinal, dayword, tense, determiner, notverb, spanhead or weekendlead)"),
                        ))
                    }
                }
            }
        }
        t.anchors = (t.months.keys())
            .chain(t.weekdays.keys())
            .chain(t.reldays.keys())
            .chain(t.units.keys())
            .chain(t.seasons.keys())
            .cloned()
            // "last night" (see `shift_led`).
            .chain(std::iter::once(String::from("night")))
            .collect();
        t.anchor_len = t.anchors.iter().map(String::len).max().unwrap_or(0);
        t.leads = (t.weekdays.keys())
            .chain(t.months.keys())
            .chain(t.reldays.keys())
            .chain(t.parts.keys())
            .chain(t.shifts.keys())
            .chain(t.numbers.keys())
            .chain(t.seasons.keys())
            .chain(t.day_words.keys())
            .cloned()
            .chain(["the", "earlier", "later"].map(String::from))
            .map(|w| (w, LEADS_CORE))
            .collect();
        for p in t.preps.keys() {
            *t.leads.entry(p.clone()).or_default() |= LEADS_PREP;
        }
        Ok(t)
    }

    /// Whether a sentence can hold a date at all: a digit, or an anchor word
    /// (month, weekday, yesterday, week, summer…). One pass, no allocation.
    fn worth_parsing(&self, sentence: &str) -> bool {
        let mut buf = [0u8; 16];
        let bytes = sentence.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                return true;
            }
            if !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let len = i - start;
            if len <= self.anchor_len && len <= buf.len() {
                for (k, c) in bytes[start..i].iter().enumerate() {
                    buf[k] = c.to_ascii_lowercase();
                }
                if std::str::from_utf8(&buf[..len]).is_ok_and(|w| self.anchors.contains(w)) {
                    return true;
                }
            }
        }
        false
    }

    /// `worth_parsing` of a sentence from its tokens, found already: a
    /// number token is its digits, and the ASCII letters of its words are
    /// the runs `worth_parsing` reads, each a whole ASCII word's lower case
    /// (other words are read as `worth_parsing` reads them). The sentence's
    /// bytes are not scanned again.
    fn worth_parsing_toks(&self, toks: &[Tok]) -> bool {
        toks.iter().any(|t| match t.kind {
            TokKind::Num => true,
            TokKind::Word if t.text.is_ascii() => {
                t.lower.len() <= self.anchor_len.min(16) && self.anchors.contains(t.lower)
            }
            TokKind::Word => self.worth_parsing(t.text),
            TokKind::Punct => false,
        })
    }

    /// The built-in tables of `data/dates.tsv` alone.
    pub fn builtin() -> Self {
        static BUILTIN: std::sync::LazyLock<DateTables> = std::sync::LazyLock::new(|| {
            DateTables::parse(&[Source::new("data/dates.tsv", include_str!("../../data/dates.tsv"))])
                .expect("data/dates.tsv parses")
        });
        BUILTIN.clone()
    }
}

fn weekday_from_iso(n: i32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
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

/// A spelled day of the month in `data/dates.tsv` (kind `dayword`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayWord {
    /// "seventh": the day itself.
    Day(u32),
    /// "twenty" (value "20+"): the tens of "twenty-first", joined by a hyphen
    /// to a day word from one to nine.
    Tens(u32),
}

/// A span of calendar time that relative words count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
}

/// Which part of a month or year: "early 2013", "mid-January", "the end of the year".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Part {
    #[default]
    Whole,
    Early,
    Mid,
    Late,
}

/// How a weekday, month or season is placed relative to publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Shift {
    /// No word: the tense decides.
    #[default]
    Tense,
    Next,
    Last,
    This,
    /// The occurrence nearest the publication date, whatever the tense: a month used as a
    /// modifier ("the October talks") names an occasion, and the clause's tense is not its own.
    Nearest,
}

/// A day of a month, with its year when written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MonthDay {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// What an expression says, before it is placed on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// "Nov. 25", "September 9th, 2013", "Dec. 17-18" (with `to`).
    Date { from: MonthDay, to: Option<MonthDay> },
    /// "09/09/2013" (which number is the month depends on the source), or a form whose order
    /// is fixed (`fixed`, stored month first): "2013-09-09", and the dotted "17.01.2014", which
    /// is day first in the European and Russian convention that writes it.
    Numeric { first: u32, second: u32, year: i32, fixed: bool },
    /// "in January", "March 2011", "mid-January", "next January".
    Month { year: Option<i32>, month: u32, shift: Shift },
    /// "in 2012", "late 2012".
    Year { year: i32, part: Part },
    /// "on Monday", "next Friday", "late Thursday".
    Weekday { weekday: Weekday, shift: Shift },
    /// "from Tuesday to Thursday", "on Tuesday and Wednesday": the first day is
    /// placed as a weekday, the last is the first such day after it.
    Weekdays { from: Weekday, to: Weekday, shift: Shift },
    /// "yesterday" (Day, -1), "next week" (Week, 1), "two months ago" (Month, -2), "early next year" (Year, 1, Early).
    Relative { unit: Unit, offset: i32, part: Part },
    /// "last summer", "the winter of 2012".
    Season { start_month: u32, year: Option<i32>, shift: Shift },
    /// "over the weekend", "at the weekend": the Saturday..Sunday the tense points to.
    Weekend,
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
    /// The leading preposition, lower-case, when there is one.
    pub prep: Option<String>,
    pub form: Form,
}

// ---------------------------------------------------------------------------
// Finding expressions

struct Parser<'t, 'a> {
    toks: &'t [Tok<'a>],
    tables: &'t DateTables,
    /// Per token: `LEADS_PREP` and `LEADS_CORE` bits, looked up once.
    leads: &'t [u8],
}

/// The token is a preposition of `DateTables::preps`.
const LEADS_PREP: u8 = 1;
/// The token can start the core of an expression (see `DateTables::leads`).
const LEADS_CORE: u8 = 2;

/// What came before the core of an expression, which licenses bare months and years.
#[derive(Clone, Copy, Default)]
struct Ctx<'p> {
    prep: Option<&'p str>,
}

impl Ctx<'_> {
    fn licensed(&self) -> bool {
        self.prep.is_some()
    }
}

impl<'t, 'a> Parser<'t, 'a> {
    fn tok(&self, i: usize) -> Option<&'t Tok<'a>> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&'t str> {
        self.tok(i).filter(|t| t.kind == TokKind::Word).map(|t| t.lower)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn punct(&self, i: usize, p: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Punct && p.contains(&t.text))
    }

    /// A number that stands alone: not part of "120,000", "1.5", "5pm", "G20", "10:30" or "80%".
    fn lone_number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i).filter(|t| t.kind == TokKind::Num)?;
        if t.text.len() > 4 {
            return None;
        }
        if t.glued && i > 0 {
            let p = &self.toks[i - 1];
            if p.kind == TokKind::Word || (p.kind == TokKind::Punct && matches!(p.text, "$" | "£" | "€" | "#")) {
                return None;
            }
            if p.kind == TokKind::Punct
                && matches!(p.text, "," | "." | ":")
                && i >= 2
                && self.toks[i - 2].kind == TokKind::Num
                && p.glued
            {
                return None;
            }
        }
        if let Some(n) = self.tok(i + 1).filter(|n| n.glued) {
            match n.kind {
                TokKind::Word if !self.tables.ordinals.contains_key(n.lower) => return None,
                TokKind::Num => return None,
                TokKind::Punct if n.text == "%" => return None,
                // "10:30" is a time; "9 December 2014:" ends a dateline.
                TokKind::Punct
                    if n.text == ":" && self.tok(i + 2).is_some_and(|m| m.glued && m.kind == TokKind::Num) =>
                {
                    return None
                }
                TokKind::Punct
                    if matches!(n.text, "," | ".")
                        && self.tok(i + 2).is_some_and(|m| m.glued && m.kind == TokKind::Num) =>
                {
                    return None
                }
                _ => {}
            }
        }
        Some((t.text.parse().ok()?, t.text.len()))
    }

    /// A day of the month with an optional ordinal suffix: index after it.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (d, _) = self.lone_number(i)?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut j = i + 1;
        if self.tok(j).is_some_and(|t| t.glued && t.kind == TokKind::Word && self.tables.ordinals.contains_key(t.lower))
        {
            j += 1;
        }
        Some((d, j))
    }

    fn year(&self, i: usize) -> Option<i32> {
        let (y, len) = self.lone_number(i)?;
        // "2011-2012", "2012-13-45": a span or a broken date, not a year.
        let joined = self.tok(i + 1).is_some_and(|t| t.glued && matches!(t.text, "-" | "/"))
            && self.tok(i + 2).is_some_and(|t| t.glued && t.kind == TokKind::Num);
        if joined {
            return None;
        }
        (len == 4 && (1800..=2100).contains(&y)).then_some(y as i32)
    }

    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i).filter(|t| t.kind == TokKind::Word && is_capitalised(t))?;
        let m = *self.tables.months.get(t.lower)?;
        Some((m, self.abbreviation_dot(i)))
    }

    fn weekday(&self, i: usize) -> Option<(Weekday, usize)> {
        let t = self.tok(i).filter(|t| t.kind == TokKind::Word && is_capitalised(t))?;
        let w = *self.tables.weekdays.get(t.lower)?;
        Some((w, self.abbreviation_dot(i)))
    }

    /// The token after a name, past the full stop of an abbreviation ("Jan. 17", "Thurs., Jan. 17")
    /// but not past one that ends the sentence ("in January.").
    fn abbreviation_dot(&self, i: usize) -> usize {
        let dot = self.punct(i + 1, &["."]) && self.tok(i + 1).is_some_and(|p| p.glued);
        let continues = self.tok(i + 2).is_some_and(|n| n.kind == TokKind::Num || n.text == ",");
        if dot && continues {
            i + 2
        } else {
            i + 1
        }
    }

    fn part_of_day(&self, j: usize) -> usize {
        match self.word(j) {
            Some(w) if self.tables.parts_of_day.contains_key(w) => j + 1,
            _ => j,
        }
    }

    fn dash(&self, i: usize) -> bool {
        self.punct(i, &["-", "–", "—"])
    }

    /// ", 2013" or " 2013" after a day.
    fn trailing_year(&self, j: usize) -> (Option<i32>, usize) {
        if self.punct(j, &[","]) {
            if let Some(y) = self.year(j + 1) {
                if !self.dash(j + 2) {
                    return (Some(y), j + 2);
                }
            }
        }
        if let Some(y) = self.year(j) {
            if !self.dash(j + 1) {
                return (Some(y), j + 1);
            }
        }
        (None, j)
    }

    /// "Nov. 25", "November 25th, 2013", "Dec. 17-18", "Jan. 30-Feb. 2", "March 2011", bare "May".
    fn month_led(&self, i: usize, ctx: Ctx) -> Option<(Form, usize)> {
        let (m, j) = self.month(i)?;
        if let Some((d, k)) = self.day(j) {
            let from = MonthDay { year: None, month: m, day: d };
            let (to, k) = if self.dash(k) {
                if let Some((d2, k2)) = self.day(k + 1) {
                    (Some(MonthDay { year: None, month: m, day: d2 }), k2)
                } else if let Some((m2, k2)) = self.month(k + 1) {
                    match self.day(k2) {
                        Some((d2, k3)) => (Some(MonthDay { year: None, month: m2, day: d2 }), k3),
                        None => (None, k),
                    }
                } else {
                    (None, k)
                }
            } else {
                (None, k)
            };
            let (year, k) = self.trailing_year(k);
            return Some((with_year(from, to, year), k));
        }
        if let Some(y) = self.year(j) {
            return Some((Form::Month { year: Some(y), month: m, shift: Shift::Tense }, j + 1));
        }
        if self.is_word(j, "of") {
            if let Some(y) = self.year(j + 1) {
                return Some((Form::Month { year: Some(y), month: m, shift: Shift::Tense }, j + 2));
            }
        }
        if ctx.licensed() {
            return Some((Form::Month { year: None, month: m, shift: Shift::Tense }, j));
        }
        self.attributive_month(i, j).then_some((Form::Month { year: None, month: m, shift: Shift::Nearest }, j))
    }

    /// A bare month used as a modifier between a determiner and a lower-case noun: "the October
    /// talks", "a May summit". The modal "may" never follows a determiner, so no preposition is needed.
    fn attributive_month(&self, i: usize, j: usize) -> bool {
        let after_determiner = i > 0
            && self.toks[i - 1].kind == TokKind::Word
            && self.toks[i - 1].lower != "of"
            && self.tables.determiners.contains_key(self.toks[i - 1].lower);
        after_determiner && self.tok(j).is_some_and(|t| t.kind == TokKind::Word && !is_capitalised(t))
    }

    /// A word or dash that joins the two ends of a range: "10 to 13", "10 and 13", "10-13".
    fn range_joiner(&self, k: usize) -> bool {
        self.dash(k) || matches!(self.word(k), Some("to" | "and" | "until" | "till" | "through"))
    }

    /// "25 November", "9th of September 2013", "17-18 December", "from 10 to 13 November",
    /// "between 2 and 4 May".
    fn day_led(&self, i: usize) -> Option<(Form, usize)> {
        let (d, mut j) = self.day(i)?;
        let mut d2 = None;
        if self.dash(j) {
            if let Some((e, k)) = self.day(j + 1) {
                d2 = Some(e);
                j = k;
            }
        } else if self.range_joiner(j) {
            // A worded range within one month names the month once, after its end; the end
            // must come later than the start, so "5 and 3 May" stays a count and a date.
            if let Some((e, k)) = self.day(j + 1).filter(|&(e, _)| e > d) {
                d2 = Some(e);
                j = k;
            }
        }
        if self.is_word(j, "of") {
            j += 1;
        }
        let (m, k) = self.month(j)?;
        let from = MonthDay { year: None, month: m, day: d };
        let to = d2.map(|day| MonthDay { year: None, month: m, day });
        let (year, k) = self.trailing_year(k);
        Some((with_year(from, to, year), k))
    }

    /// A spelled day of the month: "seventh", "twenty-first" (index after it).
    fn worded_day(&self, i: usize) -> Option<(u32, usize)> {
        match *self.tables.day_words.get(self.word(i)?)? {
            DayWord::Day(d) => Some((d, i + 1)),
            DayWord::Tens(tens) => {
                let glued = |k: usize| self.tok(k).is_some_and(|t| t.glued);
                if !(self.punct(i + 1, &["-"]) && glued(i + 1) && glued(i + 2)) {
                    return None;
                }
                match *self.tables.day_words.get(self.word(i + 2)?)? {
                    DayWord::Day(d) if d <= 9 && tens + d <= 31 => Some((tens + d, i + 3)),
                    _ => None,
                }
            }
        }
    }

    /// "the seventh of July", "the seventh and eighth of July", "the first
    /// to the third of May 2019": spelled days need "of" and the month, so
    /// "the first round" or "a second meeting" stay no dates.
    fn worded_day_led(&self, i: usize) -> Option<(Form, usize)> {
        let the = |k: usize| if self.is_word(k, "the") { k + 1 } else { k };
        let (d, mut j) = self.worded_day(the(i))?;
        let mut d2 = None;
        if self.range_joiner(j) {
            if let Some((e, k)) = self.worded_day(the(j + 1)).filter(|&(e, _)| e > d) {
                d2 = Some(e);
                j = k;
            }
        }
        if !self.is_word(j, "of") {
            return None;
        }
        let (m, k) = self.month(j + 1)?;
        let from = MonthDay { year: None, month: m, day: d };
        let to = d2.map(|day| MonthDay { year: None, month: m, day });
        let (year, k) = self.trailing_year(k);
        Some((with_year(from, to, year), k))
    }

    /// "2013-09-09", "09/09/2013", "9.9.2013": all parts glued together.
    fn numeric(&self, i: usize) -> Option<(Form, usize)> {
        let a = self.tok(i).filter(|t| t.kind == TokKind::Num)?;
        if a.glued && i > 0 && matches!(self.toks[i - 1].kind, TokKind::Word | TokKind::Num) {
            return None;
        }
        let sep =
            self.tok(i + 1).filter(|t| t.glued && t.kind == TokKind::Punct && matches!(t.text, "-" | "/" | "."))?;
        let b = self.tok(i + 2).filter(|t| t.glued && t.kind == TokKind::Num)?;
        self.tok(i + 3).filter(|t| t.glued && t.text == sep.text)?;
        let c = self.tok(i + 4).filter(|t| t.glued && t.kind == TokKind::Num)?;
        if self.tok(i + 5).is_some_and(|t| {
            t.glued
                && (t.kind != TokKind::Punct
                    || (matches!(t.text, "-" | "/" | ".")
                        && self.tok(i + 6).is_some_and(|n| n.glued && n.kind == TokKind::Num)))
        }) {
            return None;
        }
        let n = |t: &Tok| t.text.parse::<u32>().ok();
        let (na, nb, nc) = (n(a)?, n(b)?, n(c)?);
        if a.text.len() == 4
            && sep.text == "-"
            && b.text.len() <= 2
            && c.text.len() <= 2
            && (1..=12).contains(&nb)
            && (1..=31).contains(&nc)
        {
            return Some((Form::Numeric { first: nb, second: nc, year: na as i32, fixed: true }, i + 5));
        }
        if sep.text == "-" || a.text.len() > 2 || b.text.len() > 2 || !(c.text.len() == 4 || c.text.len() == 2) {
            return None;
        }
        let year = if c.text.len() == 2 { 2000 + nc as i32 } else { nc as i32 };
        if !(1800..=2100).contains(&year) || !(1..=31).contains(&na) || !(1..=31).contains(&nb) {
            return None;
        }
        if sep.text == "." {
            return Some((Form::Numeric { first: nb, second: na, year, fixed: true }, i + 5));
        }
        Some((Form::Numeric { first: na, second: nb, year, fixed: false }, i + 5))
    }

    fn unit(&self, i: usize) -> Option<(Unit, i32)> {
        self.word(i).and_then(|w| self.tables.units.get(w).copied())
    }

    /// "next week", "last Friday", "this summer", "next January".
    fn shift_led(&self, i: usize) -> Option<(Form, usize)> {
        let w = self.word(i)?;
        let offset = *self.tables.shifts.get(w)?;
        let shift = match offset {
            1 => Shift::Next,
            -1 => Shift::Last,
            _ => Shift::This,
        };
        let j = i + 1;
        if let Some((weekday, k)) = self.weekday(j) {
            return Some((Form::Weekday { weekday, shift }, self.part_of_day(k)));
        }
        // "last night" is yesterday evening.
        if shift == Shift::Last && self.is_word(j, "night") {
            return Some((Form::Relative { unit: Unit::Day, offset: -1, part: Part::Whole }, j + 1));
        }
        if let Some((unit, times)) = self.unit(j) {
            if self.word(j).is_some_and(|u| !u.ends_with('s')) && unit != Unit::Day {
                return Some((Form::Relative { unit, offset: offset * times, part: Part::Whole }, j + 1));
            }
        }
        if let Some(&start_month) = self.word(j).and_then(|s| self.tables.seasons.get(s)) {
            return Some((Form::Season { start_month, year: None, shift }, j + 1));
        }
        if let Some((month, k)) = self.month(j) {
            if self.day(k).is_none() {
                return Some((Form::Month { year: None, month, shift }, k));
            }
        }
        None
    }

    /// "yesterday", "tomorrow evening", "later today".
    fn relday(&self, i: usize) -> Option<(Form, usize)> {
        let offset = *self.word(i).and_then(|w| self.tables.reldays.get(w))?;
        Some((Form::Relative { unit: Unit::Day, offset, part: Part::Whole }, self.part_of_day(i + 1)))
    }

    /// "two weeks ago", "in two weeks" (with the "in" preposition), "three days from now".
    fn counted(&self, i: usize, ctx: Ctx) -> Option<(Form, usize)> {
        let count = match self.word(i) {
            Some(w) => *self.tables.numbers.get(w)?,
            None => {
                let (n, _) = self.lone_number(i)?;
                if !(1..=100).contains(&n) {
                    return None;
                }
                n as i32
            }
        };
        let (unit, times) = self.unit(i + 1)?;
        if unit == Unit::Weekend {
            return None;
        }
        let n = count * times;
        if self.is_word(i + 2, "ago") || self.is_word(i + 2, "earlier") {
            return Some((Form::Relative { unit, offset: -n, part: Part::Whole }, i + 3));
        }
        if self.is_word(i + 2, "from") && self.is_word(i + 3, "now") {
            return Some((Form::Relative { unit, offset: n, part: Part::Whole }, i + 4));
        }
        let in_role = ctx.prep.and_then(|p| self.tables.preps.get(p)).is_some_and(|r| r == "in");
        // "for the first time in three years": how long, not when.
        let span = i >= 2 && self.word(i - 2).is_some_and(|w| self.tables.span_heads.contains_key(w));
        if in_role && !span && !self.is_word(i + 2, "of") {
            return Some((Form::Relative { unit, offset: n, part: Part::Whole }, i + 2));
        }
        None
    }

    /// "summer 2012", "the summer of 2012", bare "summer" after a preposition.
    fn season(&self, i: usize, ctx: Ctx) -> Option<(Form, usize)> {
        let start_month = *self.word(i).and_then(|w| self.tables.seasons.get(w))?;
        if let Some(y) = self.year(i + 1) {
            return Some((Form::Season { start_month, year: Some(y), shift: Shift::Tense }, i + 2));
        }
        if self.is_word(i + 1, "of") {
            if let Some(y) = self.year(i + 2) {
                return Some((Form::Season { start_month, year: Some(y), shift: Shift::Tense }, i + 3));
            }
        }
        ctx.licensed().then_some((Form::Season { start_month, year: None, shift: Shift::Tense }, i + 1))
    }

    /// "over the weekend", "at the weekend", "spent the weekend": a weekend that the tense places.
    /// Other words before "the weekend" ("the weekend's talks") leave it undated.
    fn the_weekend(&self, i: usize, ctx: Ctx) -> Option<(Form, usize)> {
        if !(self.is_word(i, "the")
            && self.word(i + 1).is_some_and(|w| self.tables.units.get(w).is_some_and(|u| u.0 == Unit::Weekend)))
        {
            return None;
        }
        let before = i.checked_sub(1).and_then(|b| self.word(b));
        let licensed = ctx.licensed() || before.is_some_and(|w| self.tables.weekend_leads.contains_key(w));
        (licensed && !self.punct(i + 2, &["'"])).then_some((Form::Weekend, i + 2))
    }

    /// "earlier this month", "later this year", "later today".
    fn earlier_later(&self, i: usize) -> Option<(Form, usize)> {
        if !matches!(self.word(i), Some("earlier" | "later")) {
            return None;
        }
        if let Some(r) = self.relday(i + 1) {
            return Some(r);
        }
        if self.is_word(i + 1, "this") {
            if let Some((unit, 1)) = self.unit(i + 2) {
                return Some((Form::Relative { unit, offset: 0, part: Part::Whole }, i + 3));
            }
        }
        None
    }

    /// "early next year", "mid-January", "late Thursday", "the end of the month", "late 2012".
    fn part_led(&self, i: usize) -> Option<(Form, usize)> {
        let mut j = i;
        let the = self.is_word(j, "the");
        if the {
            j += 1;
        }
        let (part, needs_of) = *self.word(j).and_then(|w| self.tables.parts.get(w))?;
        j += 1;
        let of = self.is_word(j, "of");
        if of {
            j += 1;
        } else if the || needs_of {
            return None;
        } else if self.dash(j) && self.tok(j).is_some_and(|t| t.glued) {
            j += 1;
        }
        let ctx = Ctx { prep: Some("of") };
        if let Some((Form::Weekday { weekday, shift }, k)) = self.weekday_led(j) {
            return Some((Form::Weekday { weekday, shift }, k));
        }
        if let Some((form, k)) = self.shift_led(j) {
            return Some((with_part(form, part), k));
        }
        if let Some((form, k)) = self.relday(j) {
            return Some((form, k));
        }
        let j2 = if self.is_word(j, "the") { j + 1 } else { j };
        if let Some((unit, 1)) = self.unit(j2) {
            if of && matches!(unit, Unit::Week | Unit::Month | Unit::Year) {
                return Some((Form::Relative { unit, offset: 0, part }, j2 + 1));
            }
        }
        if let Some((form, k)) = self.month_led(j, ctx) {
            return Some((with_part(form, part), k));
        }
        if let Some(year) = self.year(j) {
            return Some((Form::Year { year, part }, j + 1));
        }
        if let Some((form, k)) = self.season(j, ctx) {
            return Some((form, k));
        }
        None
    }

    /// "Monday", "Thursday evening", "Friday, 17 January 2014", "Thursday, Nov. 28".
    fn weekday_led(&self, i: usize) -> Option<(Form, usize)> {
        let (weekday, j) = self.weekday(i)?;
        let k = if self.punct(j, &[","]) { j + 1 } else { j };
        if let Some(r) = self.month_led(k, Ctx::default()).or_else(|| self.day_led(k)) {
            if matches!(r.0, Form::Date { .. }) {
                return Some(r);
            }
        }
        Some((Form::Weekday { weekday, shift: Shift::Tense }, self.part_of_day(j)))
    }

    /// The expression proper, after any preposition.
    fn core(&self, i: usize, ctx: Ctx) -> Option<(Form, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            TokKind::Num => {
                self.numeric(i).or_else(|| self.day_led(i)).or_else(|| self.counted(i, ctx)).or_else(|| {
                    let y = self.year(i).filter(|_| ctx.licensed())?;
                    Some((Form::Year { year: y, part: Part::Whole }, i + 1))
                })
            }
            // Each parser below starts with a table lookup or one of three
            // words; `leads` marks them all.
            TokKind::Word if self.leads[i] & LEADS_CORE == 0 => None,
            TokKind::Word => self
                .weekday_led(i)
                .or_else(|| self.month_led(i, ctx))
                .or_else(|| self.relday(i))
                .or_else(|| self.part_led(i))
                .or_else(|| self.shift_led(i))
                .or_else(|| self.earlier_later(i))
                .or_else(|| self.counted(i, ctx))
                .or_else(|| self.season(i, ctx))
                .or_else(|| {
                    // "in the summer", "in the spring of 2012"
                    if self.is_word(i, "the") && ctx.licensed() {
                        self.season(i + 1, ctx)
                    } else {
                        None
                    }
                })
                .or_else(|| self.the_weekend(i, ctx))
                .or_else(|| self.worded_day_led(i)),
            TokKind::Punct => None,
        }
    }

    /// A second date after "to", "and", "until", "-": a full date or a bare day of the first one's month.
    fn range_end(&self, form: Form, k: usize) -> Option<(Form, usize)> {
        if !self.range_joiner(k) {
            return None;
        }
        if let Form::Weekday { weekday: from, shift } = form {
            // "on Tuesday and Wednesday" is a span only of days in a row:
            // "on Monday and Friday" names two days.
            let (to, e) = self.weekday(k + 1)?;
            let days = to.days_since(from);
            let and = self.is_word(k, "and");
            return (days != 0 && (!and || days == 1))
                .then_some((Form::Weekdays { from, to, shift }, self.part_of_day(e)));
        }
        let Form::Date { from, to: None } = form else { return None };
        let j = k + 1;
        if let Some((Form::Date { from: end, to: None }, e)) =
            self.month_led(j, Ctx::default()).or_else(|| self.day_led(j))
        {
            let to = MonthDay { year: end.year, month: end.month, day: end.day };
            let from = MonthDay { year: from.year.or(end.year), ..from };
            return Some((Form::Date { from, to: Some(to) }, e));
        }
        let (d, e) = self.day(j)?;
        if self.unit(e).is_some() {
            return None;
        }
        let (year, e) = self.trailing_year(e);
        let to = MonthDay { year: None, month: from.month, day: d };
        Some((with_year(from, Some(to), year.or(from.year)), e))
    }

    /// The expression that starts at token `i`, if any: (form, end token, preposition).
    fn at(&self, i: usize) -> Option<(Form, usize, Option<&'t str>)> {
        if let Some(w) = self.word(i) {
            if self.leads[i] & LEADS_PREP != 0 {
                let ctx = Ctx { prep: Some(w) };
                if let Some((form, k)) = self.core(i + 1, ctx) {
                    let (form, k) = self.range_end(form, k).unwrap_or((form, k));
                    return Some((form, k, Some(w)));
                }
                return None;
            }
        }
        let (form, k) = self.core(i, Ctx::default())?;
        let (form, k) = self.range_end(form, k).unwrap_or((form, k));
        Some((form, k, None))
    }
}

fn with_year(from: MonthDay, to: Option<MonthDay>, year: Option<i32>) -> Form {
    let Some(y) = year else { return Form::Date { from, to } };
    match to {
        None => Form::Date { from: MonthDay { year: Some(y), ..from }, to: None },
        Some(t) => {
            // "Dec. 30-Jan. 2, 2014": the year written belongs to the end.
            let from_year = if t.month < from.month { y - 1 } else { y };
            Form::Date {
                from: MonthDay { year: from.year.or(Some(from_year)), ..from },
                to: Some(MonthDay { year: Some(y), ..t }),
            }
        }
    }
}

fn with_part(form: Form, part: Part) -> Form {
    match form {
        Form::Relative { unit, offset, .. } => Form::Relative { unit, offset, part },
        Form::Year { year, .. } => Form::Year { year, part },
        other => other,
    }
}

/// All temporal expressions in a sentence, left to right, non-overlapping.
pub fn find(sentence: &str, tables: &DateTables) -> Vec<TimeExpr> {
    if !tables.worth_parsing(sentence) {
        return Vec::new();
    }
    let mut lowered = String::new();
    let toks = tokenize(sentence, &mut lowered);
    find_in(sentence, &toks, tables)
}

/// `find` over the sentence's tokens, found once by the caller.
pub fn find_in(sentence: &str, toks: &[Tok], tables: &DateTables) -> Vec<TimeExpr> {
    if !tables.worth_parsing_toks(toks) {
        return Vec::new();
    }
    let leads: Vec<u8> = toks
        .iter()
        .map(|t| match t.kind {
            TokKind::Word => tables.leads.get(t.lower).copied().unwrap_or(0),
            _ => 0,
        })
        .collect();
    let p = Parser { toks, tables, leads: &leads };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind == TokKind::Punct {
            i += 1;
            continue;
        }
        match p.at(i) {
            Some((form, k, prep)) if k > i => {
                let start = toks[i].start;
                let end = toks[k - 1].end;
                out.push(TimeExpr {
                    start,
                    end,
                    text: sentence[start..end].to_string(),
                    since: prep.is_some_and(|w| tables.preps.get(w).is_some_and(|r| r == "since")),
                    prep: prep.map(String::from),
                    form,
                });
                i = k;
            }
            _ => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Resolving

fn month_span(year: i32, month: u32) -> Option<DateSpan> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(DateSpan { start, end, precision: Precision::Month })
}

fn months_span(year: i32, first: u32, last: u32) -> Option<DateSpan> {
    let a = month_span(year, first)?;
    let b = month_span(year, last)?;
    Some(DateSpan { start: a.start, end: b.end, precision: Precision::Month })
}

fn year_span(year: i32, part: Part) -> Option<DateSpan> {
    match part {
        Part::Whole => Some(DateSpan {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            precision: Precision::Year,
        }),
        Part::Early => months_span(year, 1, 4),
        Part::Mid => months_span(year, 5, 8),
        Part::Late => months_span(year, 9, 12),
    }
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -(d.weekday().num_days_from_monday() as i64))
}

/// The nearest day `month`/`day` on or before `anchor`, and the nearest on or after it.
fn day_candidates(anchor: NaiveDate, month: u32, day: u32) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let years = (anchor.year() - 8)..=(anchor.year() + 8);
    let dates: Vec<NaiveDate> = years.filter_map(|y| NaiveDate::from_ymd_opt(y, month, day)).collect();
    let prev = dates.iter().rev().find(|d| **d <= anchor).copied();
    let next = dates.iter().find(|d| **d >= anchor).copied();
    (prev, next)
}

fn place_day(anchor: NaiveDate, month: u32, day: u32, tense: Tense) -> Option<NaiveDate> {
    let (prev, next) = day_candidates(anchor, month, day);
    let dist = |d: Option<NaiveDate>| d.map(|d| (d - anchor).num_days().abs());
    let (want, other) = match tense {
        Tense::Past => (prev, next),
        Tense::Future => (next, prev),
        Tense::Present => {
            if dist(prev).unwrap_or(i64::MAX) < dist(next).unwrap_or(i64::MAX) {
                (prev, next)
            } else {
                (next, prev)
            }
        }
    };
    match (dist(want), dist(other)) {
        // A past reporting verb often governs a coming date: "voiced hope that the meeting on Nov. 25".
        (Some(w), Some(o)) if tense == Tense::Past && w > 300 && o <= 30 => other,
        // A future tense about a day just gone is a range or a plan under way
        // ("will be travelling between November 8 and November 20", written on
        // the 9th), not one a year off.
        (Some(w), Some(o)) if tense == Tense::Future && w > 300 && o <= 3 => other,
        (None, _) => other,
        _ => want,
    }
}

/// Which year a month without one falls in.
fn place_month(anchor: NaiveDate, month: u32, tense: Tense, shift: Shift) -> i32 {
    let (tense, shift) = if shift == Shift::Nearest { (Tense::Present, Shift::Tense) } else { (tense, shift) };
    let y = anchor.year();
    let am = anchor.month();
    let prev = if month <= am { y } else { y - 1 };
    let next = if month >= am { y } else { y + 1 };
    match shift {
        Shift::Next => {
            if month > am {
                y
            } else {
                y + 1
            }
        }
        Shift::Last => {
            if month < am {
                y
            } else {
                y - 1
            }
        }
        Shift::This => y,
        Shift::Tense | Shift::Nearest => match tense {
            Tense::Past => prev,
            Tense::Future => next,
            Tense::Present => {
                let back = (am as i32 - month as i32).rem_euclid(12);
                let fwd = (month as i32 - am as i32).rem_euclid(12);
                if back < fwd {
                    prev
                } else {
                    next
                }
            }
        },
    }
}

fn place_weekday(anchor: NaiveDate, weekday: Weekday, tense: Tense, shift: Shift) -> Option<NaiveDate> {
    let (tense, shift) = if shift == Shift::Nearest { (Tense::Present, Shift::Tense) } else { (tense, shift) };
    let a = anchor.weekday().num_days_from_monday() as i64;
    let w = weekday.num_days_from_monday() as i64;
    let back = (a - w).rem_euclid(7);
    let fwd = (w - a).rem_euclid(7);
    let offset = match (shift, tense) {
        (Shift::Next, _) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        (Shift::Last, _) => -(if back == 0 { 7 } else { back }),
        (Shift::This, _) | (Shift::Tense | Shift::Nearest, Tense::Future) => fwd,
        (Shift::Tense | Shift::Nearest, Tense::Past) => -back,
        (Shift::Tense | Shift::Nearest, Tense::Present) => {
            if back <= fwd {
                -back
            } else {
                fwd
            }
        }
    };
    add_days(anchor, offset)
}

fn season_span(start_month: u32, year: i32) -> Option<DateSpan> {
    let start = NaiveDate::from_ymd_opt(year, start_month, 1)?;
    let end = start.checked_add_months(Months::new(3))?.pred_opt()?;
    Some(DateSpan { start, end, precision: Precision::Month })
}

fn place_season(anchor: NaiveDate, start_month: u32, tense: Tense, shift: Shift) -> Option<DateSpan> {
    let (tense, shift) = if shift == Shift::Nearest { (Tense::Present, Shift::Tense) } else { (tense, shift) };
    let spans: Vec<DateSpan> =
        ((anchor.year() - 2)..=(anchor.year() + 2)).filter_map(|y| season_span(start_month, y)).collect();
    let containing = spans.iter().find(|s| s.start <= anchor && anchor <= s.end);
    let latest_ended = spans.iter().rev().find(|s| s.end < anchor);
    let first_future = spans.iter().find(|s| s.start > anchor);
    let pick = match (shift, tense) {
        (Shift::Last, _) => latest_ended,
        (Shift::Next, _) => first_future,
        (Shift::This, _) | (Shift::Tense | Shift::Nearest, Tense::Present) => containing.or(first_future),
        (Shift::Tense | Shift::Nearest, Tense::Past) => containing.or(latest_ended),
        (Shift::Tense | Shift::Nearest, Tense::Future) => containing.or(first_future),
    };
    pick.copied()
}

/// Where an expression falls on the calendar, or `None` when it needs a publication date that is missing.
pub fn resolve(expr: &TimeExpr, tense: Tense, anchor: &Anchor, _tables: &DateTables) -> Option<DateSpan> {
    resolve_form(&expr.form, tense, anchor)
}

/// [`resolve`] for a bare [`Form`].
pub fn resolve_form(form: &Form, tense: Tense, anchor: &Anchor) -> Option<DateSpan> {
    let published = anchor.published;
    match *form {
        Form::Date { from, to } => {
            let start = match from.year {
                Some(y) => NaiveDate::from_ymd_opt(y, from.month, from.day)?,
                None => place_day(published?, from.month, from.day, tense)?,
            };
            let end = match to {
                None => start,
                Some(t) => match t.year {
                    Some(y) => NaiveDate::from_ymd_opt(y, t.month, t.day)?,
                    None => day_candidates(start, t.month, t.day).1?,
                },
            };
            if end < start || (end - start).num_days() > 366 {
                return None;
            }
            Some(DateSpan { start, end, precision: Precision::Day })
        }
        Form::Numeric { first, second, year, fixed } => {
            let md = NaiveDate::from_ymd_opt(year, first, second);
            let dm = NaiveDate::from_ymd_opt(year, second, first);
            let d = if fixed || !anchor.day_first { md.or(dm) } else { dm.or(md) };
            d.map(DateSpan::day)
        }
        Form::Month { year, month, shift } => {
            let y = match year {
                Some(y) => y,
                None => place_month(published?, month, tense, shift),
            };
            month_span(y, month)
        }
        Form::Year { year, part } => year_span(year, part),
        Form::Weekday { weekday, shift } => place_weekday(published?, weekday, tense, shift).map(DateSpan::day),
        Form::Weekdays { from, to, shift } => {
            let start = place_weekday(published?, from, tense, shift)?;
            let end = add_days(start, to.days_since(from) as i64)?;
            Some(DateSpan { start, end, precision: Precision::Day })
        }
        Form::Relative { unit, offset, part } => {
            let p = published?;
            match unit {
                Unit::Day => add_days(p, offset as i64).map(DateSpan::day),
                Unit::Week => {
                    let start = add_days(monday_of(p)?, 7 * offset as i64)?;
                    Some(DateSpan { start, end: add_days(start, 6)?, precision: Precision::Week })
                }
                Unit::Weekend => {
                    let start = add_days(monday_of(p)?, 7 * offset as i64 + 5)?;
                    Some(DateSpan { start, end: add_days(start, 1)?, precision: Precision::Day })
                }
                Unit::Month => {
                    let m = add_months(NaiveDate::from_ymd_opt(p.year(), p.month(), 1)?, offset)?;
                    month_span(m.year(), m.month())
                }
                Unit::Year => year_span(p.year() + offset, part),
            }
        }
        Form::Weekend => {
            let p = published?;
            let saturday = add_days(monday_of(p)?, 5)?;
            let on_weekend = p >= saturday;
            let offset = match tense {
                _ if on_weekend => 0,
                Tense::Past => -7,
                Tense::Future => 0,
                // "is at the weekend" early in the week looks back, late in the week forward.
                Tense::Present => {
                    if p.weekday().num_days_from_monday() <= 2 {
                        -7
                    } else {
                        0
                    }
                }
            };
            let start = add_days(saturday, offset)?;
            Some(DateSpan { start, end: add_days(start, 1)?, precision: Precision::Day })
        }
        Form::Season { start_month, year, shift } => match year {
            Some(y) => season_span(start_month, y),
            None => place_season(published?, start_month, tense, shift),
        },
    }
}

// ---------------------------------------------------------------------------
// Tense

/// The cue that starts at word token `k`, longest phrase first: (tense or aux, tokens used).
fn cue_at(toks: &[Tok], k: usize, tables: &DateTables) -> Option<(Cue, usize)> {
    let t = toks.get(k).filter(|t| t.kind == TokKind::Word)?;
    // "May 9": a capitalised month name is no modal "may".
    if is_capitalised(t) && tables.months.contains_key(t.lower) {
        return None;
    }
    if let Some(list) = tables.cues.get(t.lower) {
        for (words, cue) in list {
            let mut j = k;
            let mut ok = true;
            for w in words {
                // Skip the apostrophe inside "won't", "'ll": tokens are split on it.
                while toks.get(j).is_some_and(|t| t.kind == TokKind::Punct && matches!(t.text, "'" | "\u{2019}")) {
                    j += 1;
                }
                match toks.get(j) {
                    Some(tok) if tok.kind == TokKind::Word && tok.lower == w.as_str() => j += 1,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            // "these new plans", "the held-over talks": a noun or adjective, not a verb.
            if ok && (words.len() > 1 || is_auxiliary(w_first(words)) || !after_determiner(toks, k, tables)) {
                return Some((*cue, j - k));
            }
        }
    }
    // Regular past tense and participles: "agreed", "killed", not "United" or "the proposed talks".
    let w = t.lower;
    if w.len() >= 5
        && w.ends_with("ed")
        && !is_capitalised(t)
        && !tables.not_verbs.contains_key(w)
        && !after_determiner(toks, k, tables)
        // "UN-sponsored talks", "Saudi-led coalition": a compound adjective.
        && !(t.glued && k >= 2 && toks[k - 1].text == "-" && toks[k - 1].glued)
    {
        return Some((Cue::Tense(Tense::Past), 1));
    }
    None
}

/// The tense a cue at `k` gives, looking back over auxiliaries: "will be held" is future, "has been killed" past.
fn tense_from(toks: &[Tok], k: usize, cue: Cue, tables: &DateTables) -> Option<Tense> {
    let participle = match cue {
        Cue::Tense(Tense::Past) => true,
        Cue::Aux => true,
        Cue::Tense(t) => return Some(t),
    };
    debug_assert!(participle);
    let mut j = k;
    let mut budget = 3;
    while j > 0 && budget > 0 {
        j -= 1;
        if toks[j].kind != TokKind::Word {
            break;
        }
        budget -= 1;
        if let Some((c, _)) =
            cue_at(toks, j, tables).filter(|(c, len)| *len == 1 || matches!(c, Cue::Tense(Tense::Future)))
        {
            match c {
                Cue::Aux => budget = 3,
                Cue::Tense(t) if is_auxiliary(toks[j].lower) || t == Tense::Future => return Some(t),
                _ => {}
            }
        }
    }
    match cue {
        Cue::Aux => None,
        _ => Some(Tense::Past),
    }
}

fn w_first(words: &[String]) -> &str {
    words.first().map(String::as_str).unwrap_or("")
}

fn after_determiner(toks: &[Tok], k: usize, tables: &DateTables) -> bool {
    let prev = k.checked_sub(1).and_then(|p| toks.get(p)).filter(|p| p.kind == TokKind::Word);
    // A possessive determines too: "Yemen's exiled government" is no past tense.
    let possessive = |p: &Tok| {
        p.lower == "s" && p.glued && k >= 2 && matches!(toks[k - 2].text, "'" | "\u{2019}") && toks[k - 2].glued
    };
    prev.is_some_and(|p| tables.determiners.contains_key(p.lower) || possessive(p))
}

fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "am"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "may"
            | "might"
            | "could"
            | "should"
            | "shall"
            | "can"
            | "must"
    )
}

/// Heuristic tense or modality of a clause: its first cue word decides.
pub fn tense_of(clause: &str, tables: &DateTables) -> Tense {
    let mut lowered = String::new();
    tense_of_tokens(&tokenize(clause, &mut lowered), tables)
}

/// `tense_of` over a clause's tokens, found once by the caller.
pub fn tense_of_tokens(toks: &[Tok], tables: &DateTables) -> Tense {
    let mut k = 0;
    while k < toks.len() {
        if let Some((cue, len)) = cue_at(toks, k, tables) {
            if let Some(t) = tense_from(toks, k, cue, tables) {
                // "is due to", "was expected to": a future cue right after a form of "be" decides.
                if matches!(toks[k].lower, "is" | "are" | "am" | "was" | "were") {
                    for j in [k + 1, k + 2] {
                        if let Some((Cue::Tense(Tense::Future), _)) = cue_at(toks, j, tables) {
                            return Tense::Future;
                        }
                    }
                }
                return t;
            }
            k += len;
        } else {
            k += 1;
        }
    }
    Tense::Present
}

/// The tense that governs the expression at `start..end` of `sentence`: the
/// nearest cue on its left, unless a nearer one follows it before any comma.
pub fn tense_at(sentence: &str, start: usize, end: usize, tables: &DateTables) -> Tense {
    let mut lowered = String::new();
    tense_at_tokens(&tokenize(sentence, &mut lowered), start, end, tables)
}

/// `tense_at` over the sentence's tokens, found once by the caller.
pub fn tense_at_tokens(toks: &[Tok], start: usize, end: usize, tables: &DateTables) -> Tense {
    let first = toks.iter().position(|t| t.start >= start).unwrap_or(toks.len());
    let after = toks.iter().position(|t| t.start >= end).unwrap_or(toks.len());
    let left = left_cue(toks, first, tables).map(|(k, t)| {
        // "was due to arrive on Monday": a plan told in the past.
        let t = if t == Tense::Future && after_past_be(toks, k) { Tense::Present } else { t };
        (first - k, t)
    });
    let mut right = None;
    let mut clean = true;
    for k in after..toks.len() {
        if toks[k].kind == TokKind::Punct && matches!(toks[k].text, "," | ";" | ":" | "\"" | "“" | "”") {
            clean = false;
            if left.is_some() {
                break;
            }
        }
        if let Some((cue, _)) = cue_at(toks, k, tables) {
            if let Some(t) = tense_from(toks, k, cue, tables) {
                right = Some((k + 1 - after, t, clean));
                break;
            }
        }
    }
    match (left, right) {
        (Some((dl, _)), Some((dr, t, true))) if dr < dl => t,
        (Some((_, t)), _) => t,
        (None, Some((_, t, _))) => t,
        (None, None) => Tense::Present,
    }
}

/// The nearest tense cue left of token `first` within its clause: (its token, its tense).
fn left_cue(toks: &[Tok], first: usize, tables: &DateTables) -> Option<(usize, Tense)> {
    for k in (0..first).rev() {
        if toks[k].kind == TokKind::Punct && matches!(toks[k].text, ";" | ":") {
            break;
        }
        if let Some((cue, len)) = cue_at(toks, k, tables) {
            if k + len > first {
                continue;
            }
            if let Some(t) = tense_from(toks, k, cue, tables) {
                return Some((k, t));
            }
        }
    }
    None
}

/// A cue at `k` right after a past form of "be" ("was due to", "were set
/// to", "had been scheduled to"): a plan told in the past.
fn after_past_be(toks: &[Tok], k: usize) -> bool {
    let word = |j: usize| toks.get(j).filter(|t| t.kind == TokKind::Word).map(|t| t.lower);
    match k.checked_sub(1).and_then(word) {
        Some("was" | "were") => true,
        Some("been") => k.checked_sub(2).and_then(word) == Some("had"),
        _ => false,
    }
}

/// Whether the date at `start` is the day of a plan told in the past ("was
/// due to arrive in X on Monday, but only four arrived", "had been due to
/// open on Friday"): the plan was made before the report, so its day may
/// lie on either side of publication, and the nearest such day is meant.
pub fn planned_in_the_past(toks: &[Tok], start: usize, tables: &DateTables) -> bool {
    let first = toks.iter().position(|t| t.start >= start).unwrap_or(toks.len());
    left_cue(toks, first, tables).is_some_and(|(k, t)| t == Tense::Future && after_past_be(toks, k))
}

/// Finds the expressions of a sentence and resolves each with the tense around it.
pub fn find_resolved(sentence: &str, anchor: &Anchor, tables: &DateTables) -> Vec<(TimeExpr, Option<DateSpan>)> {
    find(sentence, tables)
        .into_iter()
        .map(|e| {
            let tense = tense_at(sentence, e.start, e.end, tables);
            let span = resolve(&e, tense, anchor, tables);
            (e, span)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Publication date

/// How many non-empty lines at the top of an article are searched for its date.
const HEADER_LINES: usize = 12;

/// Where a date at the top of an article stands, from the weakest evidence of
/// its publication date to the strongest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum HeaderDate {
    /// In a photo caption: the day the picture was taken, often the day before.
    Caption,
    /// On a line of its own, or after a label ("Updated", "date"): the page's date.
    Page,
    /// The story's own dateline: "MOSCOW, Jan 17 (Reuters) -", "Tripoli, 9 December 2014:".
    Dateline,
}

/// A day as written at the top of a page: (year when given, month, day).
type HeaderDay = (Option<i32>, u32, u32);

/// Lower-case words that label a page date ("date 2017-01-27", "Published on 3 May 2019").
const DATE_LABELS: &[&str] = &["date", "dated", "published", "posted", "updated", "last", "on", "at", "am", "pm"];

/// The publication date written in an article's header: the story's own
/// dateline wins over a page date, and a page date over a photo caption's.
/// A dotted numeric date ("17.01.2014") is day first, the European and
/// Russian convention. A dateline without a year ("MOSCOW, Jan 17") takes the
/// year of a date in the header, else the latest year of a full date in the text.
pub fn find_publication_date(text: &str, tables: &DateTables) -> Option<NaiveDate> {
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty()).take(HEADER_LINES);
    // The best date so far: (its kind, (year, month, day)).
    let mut best: Option<(HeaderDate, HeaderDay)> = None;
    let mut header_year: Option<i32> = None;
    for line in lines {
        let short = line.len() <= 120;
        let caption = is_caption(line);
        for e in find(line, tables) {
            let before = &line[..e.start];
            let after = line[e.end..].trim_start();
            // Only capitalised words or labels before it: "Updated 0207 GMT", "MOSCOW,", "date", not "talks set for".
            let words_before = before.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
            let labelled = before
                .split_whitespace()
                .next_back()
                .is_some_and(|w| DATE_LABELS.contains(&w.trim_end_matches(':').to_ascii_lowercase().as_str()));
            let header_position = e.start <= 60
                && words_before.clone().all(|w| {
                    !w.starts_with(char::is_lowercase) || DATE_LABELS.contains(&w.to_ascii_lowercase().as_str())
                });
            let dateline_mark = after.starts_with(['(', '/', ':', '-', '\u{2013}', '\u{2014}'])
                || after.strip_prefix(',').is_some_and(|a| a.trim_start().starts_with(['(', '/']));
            let kind = if header_position && dateline_mark && !labelled && !caption {
                HeaderDate::Dateline
            } else if header_position && (short || labelled) && !caption {
                HeaderDate::Page
            } else if caption {
                HeaderDate::Caption
            } else {
                continue;
            };
            if e.prep.is_some() && kind != HeaderDate::Caption && !labelled {
                continue;
            }
            let day = match e.form {
                Form::Date { from, to: None } => (from.year, from.month, from.day),
                Form::Numeric { .. } => {
                    // Dotted dates are day first (the form says so); the others month first.
                    match resolve_form(&e.form, Tense::Present, &Anchor { published: None, day_first: false }) {
                        Some(span) => (Some(span.start.year()), span.start.month(), span.start.day()),
                        None => continue,
                    }
                }
                Form::Month { year: Some(y), .. } | Form::Year { year: y, .. } if short && header_position => {
                    header_year.get_or_insert(y);
                    continue;
                }
                _ => continue,
            };
            if let (Some(y), HeaderDate::Page | HeaderDate::Dateline) = (day.0, kind) {
                header_year.get_or_insert(y);
            }
            if best.is_none_or(|(k, _)| kind > k) {
                best = Some((kind, day));
            }
        }
    }
    let (_, (year, month, day)) = best?;
    let year = year.or(header_year).or_else(|| latest_full_date_year(text, tables))?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Whether a header line is a photo caption: it names a photo or a picture,
/// or ends with a photographer's credit ("(AP/Name)", "© Name, AFP").
fn is_caption(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    let credit = lower.trim_end_matches('.').ends_with(')')
        && lower.rfind('(').is_some_and(|open| lower[open..].contains('/') || lower[open..].contains("photo"));
    credit
        || lower.contains('\u{a9}')
        || ["photo", "picture", "image"].iter().any(|w| {
            lower.match_indices(w).any(|(i, _)| lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        })
}

/// The latest year named in a full date anywhere in the text, at either end
/// of a range ("on 15 March 2011 till 5 February 2015").
fn latest_full_date_year(text: &str, tables: &DateTables) -> Option<i32> {
    text.lines()
        .flat_map(|l| find(l, tables))
        .filter_map(|e| match e.form {
            Form::Date { from, to } => from.year.max(to.and_then(|t| t.year)),
            Form::Numeric { year, .. } => Some(year),
            _ => None,
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token form of `worth_parsing` answers as the byte scan does, on
    /// sentences with and without a date word, digits, capitals, long
    /// words and letters outside ASCII.
    #[test]
    fn worth_parsing_from_tokens_agrees_with_the_byte_scan() {
        let tables = DateTables::builtin();
        let sentences = [
            "The envoy met the minister.",
            "The envoy met the minister on MONDAY.",
            "They spoke in 2019 about it.",
            "Talks resumed last Week in the capital.",
            "Le négociateur est arrivé mercredi à Genève.",
            "Ministers of the Ελλάδα met in Décembre, said the spokesman.",
            "Représentantsmonday and Mondayé are no words of a date.",
            "An extraordinarilylongwordthatgoesonandon met nobody.",
            "The summit was held yesterday-morning.",
            "",
            "..., !",
        ];
        for s in sentences {
            let mut lowered = String::new();
            let toks = tokenize(s, &mut lowered);
            assert_eq!(tables.worth_parsing_toks(&toks), tables.worth_parsing(s), "{s}");
        }
    }

    fn t() -> DateTables {
        DateTables::builtin()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn texts(s: &str) -> Vec<String> {
        find(s, &t()).into_iter().map(|e| e.text).collect()
    }

    #[test]
    fn tokens_keep_offsets_and_glue() {
        let mut lowered = String::new();
        let toks = tokenize("Dec. 17-18, 2012", &mut lowered);
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Dec", ".", "17", "-", "18", ",", "2012"]);
        assert!(toks[1].glued && !toks[2].glued && toks[3].glued);
    }

    #[test]
    fn finds_expressions_with_their_preposition() {
        assert_eq!(texts("The NCC plans to hold a conference in Rome on Dec. 17-18 in a bid"), ["on Dec. 17-18"]);
        assert_eq!(texts("Kerry said Thursday evening that"), ["Thursday evening"]);
        assert_eq!(texts("since the revolt began in March 2011"), ["in March 2011"]);
    }

    #[test]
    fn last_night_is_yesterday() {
        let anchor = Anchor { published: Some(d("2014-12-09")), day_first: false };
        for s in ["Late last night, Leon said", "The talks ended last night."] {
            let found = find_resolved(s, &anchor, &DateTables::builtin());
            assert_eq!(found.len(), 1, "{s}");
            assert_eq!(found[0].1.map(|d| d.start), Some(d("2014-12-08")), "{s}");
        }
    }

    #[test]
    fn worded_day_range_names_the_month_once() {
        let anchor = Anchor { published: Some(d("2031-05-06")), day_first: false };
        for (s, start, end) in [
            ("The envoys will meet from 12 to 15 May in the capital.", "2031-05-12", "2031-05-15"),
            ("Delegates are due to gather between 20 and 22 May.", "2031-05-20", "2031-05-22"),
            ("The forum sits from 8th to 9th of May.", "2031-05-08", "2031-05-09"),
        ] {
            let found = find_resolved(s, &anchor, &DateTables::builtin());
            let spans: Vec<_> = found.iter().filter_map(|f| f.1).collect();
            assert_eq!(spans.len(), 1, "{s}: {:?}", texts(s));
            assert_eq!((spans[0].start, spans[0].end), (d(start), d(end)), "{s}");
        }
        // The end must follow the start: two numbers, the second a date.
        assert_eq!(texts("It fell from 15 to 3 May reports said."), ["3 May"]);
    }

    #[test]
    fn plain_numbers_are_not_dates() {
        for s in [
            "over 120,000 people dead",
            "the entire 20-month-long standoff",
            "we are going to Geneva to implement Geneva 1.",
            "more than 80 percent of groups",
            "vetoing three resolutions",
            "05:41 AM ET",
            "The delegation may meet Lavrov",
            "in the 1990s",
            "a 1.5 million budget",
            "the G20 summit in 2013s",
        ] {
            assert!(texts(s).is_empty(), "{s}: {:?}", texts(s));
        }
    }

    #[test]
    fn since_marks_a_period() {
        let e = &find("killed since March 2011", &t())[0];
        assert!(e.since);
        assert_eq!(e.form, Form::Month { year: Some(2011), month: 3, shift: Shift::Tense });
    }

    #[test]
    fn a_future_tense_about_a_day_just_gone_keeps_its_year() {
        let pub_day = d("2018-11-09");
        assert_eq!(place_day(pub_day, 11, 8, Tense::Future), Some(d("2018-11-08")));
        assert_eq!(place_day(pub_day, 11, 1, Tense::Future), Some(d("2019-11-01")));
        assert_eq!(place_day(pub_day, 11, 20, Tense::Future), Some(d("2018-11-20")));
    }

    #[test]
    fn weekday_rules_by_tense() {
        let fri = d("2013-11-15");
        assert_eq!(place_weekday(fri, Weekday::Mon, Tense::Future, Shift::Tense), Some(d("2013-11-18")));
        assert_eq!(place_weekday(fri, Weekday::Mon, Tense::Past, Shift::Tense), Some(d("2013-11-11")));
        assert_eq!(place_weekday(fri, Weekday::Fri, Tense::Past, Shift::Tense), Some(fri));
        assert_eq!(place_weekday(fri, Weekday::Fri, Tense::Future, Shift::Tense), Some(fri));
        assert_eq!(place_weekday(fri, Weekday::Fri, Tense::Future, Shift::Next), Some(d("2013-11-22")));
        assert_eq!(place_weekday(fri, Weekday::Fri, Tense::Past, Shift::Last), Some(d("2013-11-08")));
        assert_eq!(place_weekday(fri, Weekday::Sat, Tense::Present, Shift::Tense), Some(d("2013-11-16")));
        assert_eq!(place_weekday(fri, Weekday::Thu, Tense::Present, Shift::Tense), Some(d("2013-11-14")));
    }

    #[test]
    fn tense_cues() {
        let tb = t();
        assert_eq!(tense_of("A delegation is due to meet officials", &tb), Tense::Future);
        assert_eq!(tense_of("Lavrov is to meet Brahimi", &tb), Tense::Future);
        assert_eq!(tense_of("The delegation may meet Lavrov", &tb), Tense::Future);
        assert_eq!(tense_of("the coalition agreed to attend", &tb), Tense::Past);
        assert_eq!(tense_of("the talks will be held", &tb), Tense::Future);
        assert_eq!(tense_of("the proposed talks is meeting", &tb), Tense::Present);
        assert_eq!(tense_of("more than 40,000 people have been killed", &tb), Tense::Past);
        assert_eq!(tense_of("The coalition is meeting in Istanbul", &tb), Tense::Present);
    }

    #[test]
    fn tense_at_prefers_the_verb_of_the_date() {
        let tb = t();
        let at = |s: &str, w: &str| {
            let i = s.find(w).unwrap();
            tense_at(s, i, i + w.len(), &tb)
        };
        assert_eq!(at("Moallem confirmed Friday that Damascus will attend", "Friday"), Tense::Past);
        assert_eq!(at("The delegation may meet Lavrov on Tuesday, the source said.", "on Tuesday"), Tense::Future);
        assert_eq!(
            at("A minister visited Moscow on Thursday and Lavrov is to meet Brahimi on Saturday.", "on Saturday"),
            Tense::Future
        );
        assert_eq!(
            at("A minister visited Moscow on Thursday and Lavrov is to meet Brahimi on Saturday.", "on Thursday"),
            Tense::Past
        );
        assert_eq!(at("Lavrov voiced hope that a meeting between Brahimi, U.S. and Russian diplomats on Nov. 25 would resolve", "on Nov. 25"), Tense::Future);
        assert_eq!(at("Russia's foreign minister Monday called for talks", "Monday"), Tense::Past);
        assert_eq!(at("On Friday, Lavrov said", "On Friday"), Tense::Past);
    }

    #[test]
    fn user_rows_add_and_remove_words() {
        let base = Source::new("a", include_str!("../../data/dates.tsv"));
        let user = Source::new("b", "month\tjanv\t1\nweekday\tthurs\t-\n");
        let tb = DateTables::parse(&[base, user]).unwrap();
        assert_eq!(tb.months.get("janv"), Some(&1));
        assert!(!tb.weekdays.contains_key("thurs"));
    }

    #[test]
    fn bad_rows_name_the_line() {
        let err = DateTables::parse(&[Source::new("x.tsv", "# c\nmonth\tjan\t13\n")]).unwrap_err();
        assert_eq!(err.line, 2);
        let err = DateTables::parse(&[Source::new("x.tsv", "colour\tred\t1\n")]).unwrap_err();
        assert!(err.message.contains("unknown kind"));
    }

    #[test]
    fn publication_date_from_header_or_dateline() {
        let tb = t();
        assert_eq!(
            find_publication_date("September 9th, 2013\n05:41 AM ET\n\nRussia calls", &tb),
            Some(d("2013-09-09"))
        );
        assert_eq!(find_publication_date("Friday, 17 January 2014 11:30 GMT\nText", &tb), Some(d("2014-01-17")));
        assert_eq!(
            find_publication_date("Updated 0207 GMT (1007 HKT) February 13, 2013\nStory", &tb),
            Some(d("2013-02-13"))
        );
        assert_eq!(
            find_publication_date(
                "MOSCOW, Jan 17 (Reuters) - Syria said on Friday, a year after the Jan. 5, 2013 meeting.",
                &tb
            ),
            Some(d("2013-01-17"))
        );
        assert_eq!(find_publication_date("MOSCOW, Jan 17 (Reuters) - Syria said on Friday.", &tb), None);
        assert_eq!(find_publication_date("No date here.\nNone at all.", &tb), None);
    }

    /// A dotted numeric date is day first, with or without a time after it.
    #[test]
    fn dotted_publication_dates_are_day_first() {
        let tb = t();
        for text in ["Published: 09.10.2013 11:30\n\nThe ministers met on Tuesday.", "09.10.2013, 11:30\nText."] {
            assert_eq!(find_publication_date(text, &tb), Some(d("2013-10-09")), "{text}");
        }
        assert_eq!(find_publication_date("Moscow, 17.01.2014\nText.", &tb), Some(d("2014-01-17")));
    }

    /// world-k k05: "Tripoli, 11.08.2015(Lana) The UN envoy said ..." dated the
    /// statement 8 November. A dotted date is day first in the body too, whatever
    /// order the slashed dates of the source take.
    #[test]
    fn dotted_dates_in_the_text_are_day_first() {
        let tb = t();
        for day_first in [false, true] {
            let anchor = Anchor { published: Some(d("2015-08-12")), day_first };
            let e = find("Tripoli, 11.08.2015(Lana) The envoy spoke.", &tb).into_iter().next().expect("a date");
            let span = resolve(&e, Tense::Past, &anchor, &tb).expect("resolved");
            assert_eq!(span.start, d("2015-08-11"), "day_first {day_first}");
        }
        // A slashed date still follows the source's convention.
        let e = find("on 09/10/2013 the envoy spoke", &tb).into_iter().next().expect("a date");
        let us = Anchor { published: Some(d("2013-12-01")), day_first: false };
        assert_eq!(resolve(&e, Tense::Past, &us, &tb).map(|s| s.start), Some(d("2013-09-10")));
    }

    /// Of a caption's date, a page date and the story's dateline, the dateline
    /// wins; a page date beats a caption's; a caption's date is better than none.
    #[test]
    fn the_datelines_date_wins_over_page_and_caption_dates() {
        let tb = t();
        let caption = "The envoy meets rebels in Juba on 16 January 2014. (AP/Jan Novak)";
        let page = "Friday, 17 January 2014";
        let dateline = "JUBA, Jan 18 (Reuters) - The talks resumed on Saturday.";
        assert_eq!(find_publication_date(&format!("{caption}\n{page}\n{dateline}"), &tb), Some(d("2014-01-18")));
        assert_eq!(find_publication_date(&format!("{page}\n{caption}\n{dateline}"), &tb), Some(d("2014-01-18")));
        assert_eq!(find_publication_date(&format!("{caption}\n{page}\nBody."), &tb), Some(d("2014-01-17")));
        assert_eq!(find_publication_date(&format!("{caption}\nBody."), &tb), Some(d("2014-01-16")));
        // world-b b01: the page date, then the story's dateline a day earlier.
        let b01 = "Home | News    Wednesday 3 July 2019\n\nMediation calls for direct talks\n\nJuly 2, 2019 (KHARTOUM) - African Union envoy and Ethiopian mediator said on Tuesday they sent invitations.";
        assert_eq!(find_publication_date(b01, &tb), Some(d("2019-07-02")));
        // world-a a18: only a caption dates the story.
        let a18 = "Anti-government protesters remove barriers on a bridge during a demonstration in Baghdad, Iraq, October 26, 2019. (AP/Khalid Mohammed)\n\nBAGHDAD, Iraq — At least seven more Iraqi protesters were killed Saturday.";
        assert_eq!(find_publication_date(a18, &tb), Some(d("2019-10-26")));
    }

    /// Labels before a page date ("date", "Published on"), a dateline that ends
    /// in a colon, and a yearless dateline whose year ends a range in the text.
    #[test]
    fn labelled_and_colon_datelines_and_years_from_range_ends() {
        let tb = t();
        let news22 = " date 2017-01-27 On January 27, Foreign Minister Sergey Lavrov received a delegation of the Syrian political opposition in Moscow.";
        assert_eq!(find_publication_date(news22, &tb), Some(d("2017-01-27")));
        assert_eq!(find_publication_date("Published on 3 May 2019\nText.", &tb), Some(d("2019-05-03")));
        let a11 = "By Libya Herald staff.\nTripoli, 9 December 2014:\nUN Special Envoy Bernardino Leon is heading to Tobruk today.";
        assert_eq!(find_publication_date(a11, &tb), Some(d("2014-12-09")));
        let news14 = "AMMAN, Feb 7 (KUNA) — The Syrian Observatory for Human Rights (SOHR) has documented death of 210,060 people since eruption of the Syrian revolution on 15 March 2011 till 5 February 2015.";
        assert_eq!(find_publication_date(news14, &tb), Some(d("2015-02-07")));
    }
}
