//! One event, many reports: which reports of different articles are the same
//! event, and what the merged event says. Pure: the store finds candidates
//! and writes; everything decided here depends only on the reports
//! themselves, never on the order they arrived in. See docs/merging.md.
//!
//! - A report's **window** is the days it can be about: its date interval,
//!   or, undated, its publication day (a statement: that day or the day
//!   before). Intervals longer than a month and
//!   undated reports without a publication date never merge.
//! - Two reports of different articles are **compatible** when they are of
//!   the same kind and status class, their windows overlap, their places
//!   agree (equal, or one a country the other is in, or one missing; for
//!   talks a country never disagrees, see `places_compatible`), and
//!   the kind's own rule holds (`score`). Each rule needs positive evidence
//!   (a shared participant, the same place, the same speaker, the same
//!   figure): two reports that merely lack fields never merge.
//! - A **link** is a compatible pair; for statements only each one's best
//!   match in the other's article (mutual best), since one article often
//!   reports several things one speaker said.
//! - An **event** is a connected group of links. Links depend only on the
//!   two articles' reports, so the groups do not depend on ingest order.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::dict::{ActorKind, DictError, Dictionaries, Source};
use crate::extract::entities::words::Class;
use std::borrow::Cow;

use crate::model::{DateSpan, Event, EventActor, Kind, Precision, Role, Status};

/// The longest window a report may have and still merge (a month), in days.
/// Candidate search looks back this far for windows that end inside another.
pub const MAX_SPAN_DAYS: i64 = 31;

/// Statements link when they share at least this many content terms...
pub const MIN_SHARED_TERMS: usize = 2;

/// ... and at least this share (in percent) of the shorter report's terms.
pub const MIN_SHARED_PERCENT: usize = 25;

/// Statements link only when their articles were published at most this
/// many days apart: what someone said is reported in the days after, and a
/// statement dated months before its article is more often one dated by a
/// date it mentions.
pub const STATEMENT_REPORTING_DAYS: i64 = 7;

/// What the dictionaries say about a speaker: a person or a body (a
/// country, a government, an organisation), and the country or
/// organisation it belongs to (a country belongs to itself).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Speaker {
    pub collective: bool,
    /// Lower case.
    pub group: Option<String>,
    /// A person known only by a description that names their body ("a
    /// spokesman for the group", "the UN envoy"): a member of it, whose name
    /// is not known.
    pub described: bool,
    /// The person a description names as the one it speaks for ("the
    /// office of Prime Minister X", "X's office"): it agrees with that
    /// person, as the person's own words would (lower case).
    pub person: Option<String>,
}

/// What the dictionaries say about a place: whether it is a country, and
/// the country it is in (lower case; a country is in itself).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub is_country: bool,
    pub country: Option<String>,
}

/// One article's report of an event, with what merging needs to know.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// The stored report's id; 0 for one not stored yet.
    pub id: i64,
    /// The event it belongs to; 0 for one not stored yet.
    pub event_id: i64,
    pub article_id: i64,
    /// The article's name, for the canonical order.
    pub article: String,
    pub published: Option<NaiveDate>,
    /// The article's outlet.
    pub source: Option<String>,
    /// Its position in the article's extraction.
    pub ordinal: i64,
    /// The report's own fields (mentions are not needed here).
    pub event: Cow<'a, Event>,
    /// A statement's content terms (`terms`), space-separated.
    pub terms: Option<String>,
    pub speaker: Option<Speaker>,
    pub place: Option<Place>,
    /// Talks: the countries (lower case) whose government the dictionaries
    /// say a participant is ("the Syrian government"): as a party to talks
    /// a government stands for its country, which another report may name
    /// instead ("Syria").
    pub governed: Vec<String>,
}

impl Report<'_> {
    /// The order reports are considered in wherever one must come first:
    /// earliest publication, then article name, then position in the article.
    /// It depends on the articles, not on when they were ingested.
    pub fn canonical(&self) -> (bool, Option<NaiveDate>, &str, i64) {
        (self.published.is_none(), self.published, &self.article, self.ordinal)
    }

    /// The days (as day numbers) this report can be about, or None when it
    /// cannot merge (no date and no publication date, or a year-long date).
    pub fn window(&self) -> Option<(i64, i64)> {
        match self.event.date {
            Some(_) if self.guessed_date() => {
                let p = day_number(self.published?);
                Some((p - 1, p))
            }
            Some(d) => {
                let (a, b) = (day_number(d.start), day_number(d.end));
                (b - a < MAX_SPAN_DAYS && b >= a).then_some((a, b))
            }
            None => {
                let p = day_number(self.published?);
                // What someone said, or what took place, is often reported
                // the next day ("said on Friday", "met on Friday" in a
                // Saturday paper, the day left out).
                let past = self.event.kind == Kind::Statement || self.event.status == Status::Happened;
                Some(if past { (p - 1, p) } else { (p, p) })
            }
        }
    }

    /// Whether the report's date is the extractor's guess from the
    /// publication date rather than words of the article: a day, no date
    /// words, and the publication day or the day before, for something said
    /// or that took place. Such a date says no more than an undated report
    /// does ("have announced" in a Friday paper may be Thursday's news or
    /// Friday's), so its window is the undated one, and a merged event takes
    /// its date from reports that name theirs (`derive`).
    pub fn guessed_date(&self) -> bool {
        let e = &self.event;
        let (Some(d), Some(p)) = (e.date, self.published) else { return false };
        let past = e.kind == Kind::Statement || e.status == Status::Happened;
        let p = day_number(p);
        past && e.date_text.is_none()
            && d.precision == Precision::Day
            && d.start == d.end
            && (p - 1..=p).contains(&day_number(d.start))
    }

    /// The keys this report is stored under: its kind with a participant,
    /// place, speaker or figure, hashed (`key`). A statement is also stored
    /// under its speaker's country or organisation, as a member (a person)
    /// or as the body itself (`Tag`), so that "the United States said" finds
    /// "Kerry said" without every two Americans' statements being compared.
    /// Two compatible reports always have keys that `meet` (see `score`).
    pub fn keys(&self) -> Vec<i64> {
        self.anchors(false)
    }

    /// The keys to look candidates up by: `keys`, with a member's group key
    /// looking for bodies and a body's looking for members.
    pub fn search_keys(&self) -> Vec<i64> {
        self.anchors(true)
    }

    fn anchors(&self, search: bool) -> Vec<i64> {
        let e = &self.event;
        let mut keys: Vec<i64> = Vec::new();
        let mut add = |tag: Tag, anchor: std::fmt::Arguments<'_>| keys.push(key(e.kind, &anchor.to_string(), tag));
        match e.kind {
            Kind::Statement => {
                if let Some(s) = &e.speaker {
                    add(Tag::Plain, format_args!("s|{}", s.to_lowercase()));
                }
                if let Some(who) = &self.speaker {
                    // "The office of Prime Minister X" meets "X said".
                    if let Some(p) = &who.person {
                        add(Tag::Plain, format_args!("s|{p}"));
                    }
                    if let Some(g) = &who.group {
                        let tag = if who.collective != search { Tag::Body } else { Tag::Member };
                        add(tag, format_args!("g|{g}"));
                    }
                }
            }
            Kind::Talks | Kind::Visit => {
                for a in &e.actors {
                    add(Tag::Plain, format_args!("a|{}", a.name.to_lowercase()));
                }
                for country in &self.governed {
                    add(Tag::Plain, format_args!("a|{country}"));
                }
                if let Some(p) = &e.place {
                    add(Tag::Plain, format_args!("p|{}", p.to_lowercase()));
                }
            }
            Kind::DeathToll => {
                if let Some(p) = &e.place {
                    add(Tag::Plain, format_args!("p|{}", p.to_lowercase()));
                }
                if let Some(c) = e.count {
                    add(Tag::Plain, format_args!("n|{c}"));
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// What a key's two lowest bits say: a plain anchor meets the same key; a
/// group's member meets the group itself as a body, and the other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Plain = 0,
    Member = 2,
    Body = 3,
}

/// Whether reports stored under keys `a` and `b` are candidates for each other.
pub fn meet(a: i64, b: i64) -> bool {
    let (ta, tb) = (a & 3, b & 3);
    anchor_of(a) == anchor_of(b) && ((a == b && ta == Tag::Plain as i64) || (ta | tb == 3 && ta != tb && ta & 2 == 2))
}

/// Candidate pairs `(day, report, report)` (lower report id first, each
/// pair once) among merge keys `(key, day, last, report)` in the order of
/// the index `merge_keys_by_bucket`: by bucket of `bucket_days` days
/// (`day / bucket_days`), then key. Reports whose keys meet and whose days
/// overlap, or nearly (`score`). Each anchor's keys are swept in order of
/// their first day, keeping those whose days are not over yet: a bucket at a
/// time, each anchor's keys of the bucket sorted by day and report, with the
/// keys still open from the buckets before. Buckets hold ascending ranges of
/// days, so that is one sweep over each anchor's keys in order of day and
/// report, as if they had all been read sorted by key (which cost a sort of
/// every key: a third of the linking pass).
pub fn candidate_pairs(keys: impl Iterator<Item = (i64, i64, i64, i64)>, bucket_days: i64) -> Vec<(i64, i64, i64)> {
    type Open = Vec<(i64, i64, i64)>;
    let mut pairs = Vec::new();
    // Per anchor, its keys whose days may still meet a later key's.
    let mut open: HashMap<i64, Open> = HashMap::new();
    let sweep = |group: &mut [(i64, i64, i64, i64)], open: &mut Open, pairs: &mut Vec<(i64, i64, i64)>| {
        group.sort_unstable_by_key(|&(_, day, _, id)| (day, id));
        for &(key, day, last, id) in group.iter() {
            // A day apart may still be one event (see `score`).
            open.retain(|&(_, end, _)| end + 1 >= day);
            for &(other_key, _, other) in open.iter() {
                if other != id && meet(key, other_key) {
                    pairs.push((day, other.min(id), other.max(id)));
                }
            }
            open.push((key, last, id));
        }
    };
    // One bucket's keys, sorted by key, so each anchor's are together.
    let mut bucket: Vec<(i64, i64, i64, i64)> = Vec::new();
    let mut flush = |bucket: &mut Vec<(i64, i64, i64, i64)>, open: &mut HashMap<i64, Open>| {
        let Some(first_day) = bucket.iter().map(|k| k.1).min() else { return };
        // Keys over before this bucket's first day meet nothing from here on.
        open.retain(|_, keys| {
            keys.retain(|&(_, end, _)| end + 1 >= first_day);
            !keys.is_empty()
        });
        for group in bucket.chunk_by_mut(|a, b| anchor_of(a.0) == anchor_of(b.0)) {
            let anchor = anchor_of(group[0].0);
            let mut keys = open.remove(&anchor).unwrap_or_default();
            sweep(group, &mut keys, &mut pairs);
            open.insert(anchor, keys);
        }
        bucket.clear();
    };
    for entry in keys {
        if bucket.first().is_some_and(|b| b.1 / bucket_days != entry.1 / bucket_days) {
            flush(&mut bucket, &mut open);
        }
        bucket.push(entry);
    }
    flush(&mut bucket, &mut open);
    // A pair found through several anchors is judged once, on its earliest day.
    pairs.sort_unstable_by_key(|&(day, a, b)| (a, b, day));
    pairs.dedup_by_key(|&mut (_, a, b)| (a, b));
    pairs
}

/// What `select_links` needs of a report: its kind, its article and its
/// place in the canonical order.
pub trait Linkable {
    fn is_statement(&self) -> bool;
    fn article_id(&self) -> i64;
    fn canonical(&self) -> (bool, Option<NaiveDate>, &str, i64);
}

impl Linkable for Report<'_> {
    fn is_statement(&self) -> bool {
        self.event.kind == Kind::Statement
    }
    fn article_id(&self) -> i64 {
        self.article_id
    }
    fn canonical(&self) -> (bool, Option<NaiveDate>, &str, i64) {
        Report::canonical(self)
    }
}

/// A report reduced to what choosing links and grouping them needs, for a
/// bulk load's linking pass, which holds every linked report at once (a
/// whole report is about seven times the size).
#[derive(Clone, Debug)]
pub struct Light {
    pub id: i64,
    pub event_id: i64,
    pub article_id: i64,
    pub statement: bool,
    pub published: Option<NaiveDate>,
    pub article: Box<str>,
    pub ordinal: i64,
}

impl Light {
    pub fn of(r: &Report<'_>) -> Light {
        Light {
            id: r.id,
            event_id: r.event_id,
            article_id: r.article_id,
            statement: r.event.kind == Kind::Statement,
            published: r.published,
            article: r.article.as_str().into(),
            ordinal: r.ordinal,
        }
    }
}

impl Linkable for Light {
    fn is_statement(&self) -> bool {
        self.statement
    }
    fn article_id(&self) -> i64 {
        self.article_id
    }
    fn canonical(&self) -> (bool, Option<NaiveDate>, &str, i64) {
        (self.published.is_none(), self.published, &self.article, self.ordinal)
    }
}

/// The anchor group of a key (its tag cleared): keys that can `meet` share it.
pub fn anchor_of(key: i64) -> i64 {
    key & !3
}

/// Days since 0001-01-01, the unit of windows and `merge_keys.day`.
pub fn day_number(d: NaiveDate) -> i64 {
    d.num_days_from_ce() as i64
}

/// A stable 64-bit hash (FNV-1a) of the kind and an anchor, with the tag in
/// its two lowest bits: stored in the database, so it must never change.
fn key(kind: Kind, anchor: &str, tag: Tag) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in kind.as_str().bytes().chain([b'|']).chain(anchor.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    ((h & !3) | tag as u64) as i64
}

/// Statuses that can be one event: what happened; what is planned or
/// proposed; what was refused or cancelled; what is unknown. A planned
/// meeting never merges with one that happened.
fn status_class(s: Status) -> u8 {
    match s {
        Status::Happened => 0,
        Status::Planned | Status::Proposed => 1,
        Status::Refused | Status::Cancelled => 2,
        Status::Unknown => 3,
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// Places agree: one missing, the same, or one a country the other is in.
fn places_agree(a: &Report<'_>, b: &Report<'_>) -> bool {
    let (Some(pa), Some(pb)) = (&a.event.place, &b.event.place) else { return true };
    if same_name(pa, pb) {
        return true;
    }
    let inside = |outer: &str, inner: &Option<Place>, outer_info: &Option<Place>| {
        outer_info.as_ref().is_some_and(|o| o.is_country)
            && inner.as_ref().and_then(|i| i.country.as_deref()).is_some_and(|c| same_name(c, outer))
    };
    inside(pa, &b.place, &a.place) || inside(pb, &a.place, &b.place)
}

/// Places that do not tell two events apart. For talks a country is weak
/// evidence either way: it is as often what the talks are about as where
/// they are ("Syria talks", "the Yemen peace talks"); two different cities
/// are two places.
fn places_compatible(a: &Report<'_>, b: &Report<'_>) -> bool {
    let country = |r: &Report<'_>| r.place.as_ref().is_some_and(|p| p.is_country);
    places_agree(a, b) || (a.event.kind == Kind::Talks && (country(a) || country(b)))
}

fn same_place(a: &Report<'_>, b: &Report<'_>) -> bool {
    matches!((&a.event.place, &b.event.place), (Some(pa), Some(pb)) if same_name(pa, pb))
}

/// The same speaker, or a body and a person who belongs to it ("the United
/// States said" and "Kerry said"); two different people never.
fn speakers_agree(a: &Report<'_>, b: &Report<'_>) -> bool {
    let (Some(sa), Some(sb)) = (&a.event.speaker, &b.event.speaker) else { return false };
    if same_name(sa, sb) || transliterated(sa, sb, &a.speaker, &b.speaker) {
        return true;
    }
    // "The office of Prime Minister X said" and "X said": the person the
    // description speaks for, by name or by another description.
    let speaks_for = |x: &Option<Speaker>, name: &str, y: &Option<Speaker>| {
        x.as_ref().and_then(|x| x.person.as_deref()).is_some_and(|p| {
            same_name(p, name) || y.as_ref().and_then(|y| y.person.as_deref()).is_some_and(|q| same_name(p, q))
        })
    };
    if speaks_for(&a.speaker, sb, &b.speaker) || speaks_for(&b.speaker, sa, &a.speaker) {
        return true;
    }
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) if x.collective != y.collective => {
            matches!((&x.group, &y.group), (Some(gx), Some(gy)) if gx == gy)
        }
        // "the UN envoy said" and "the United Nations envoy has said": two
        // unnamed members of one body, known by description only, may be one
        // person (the content and the day decide).
        (Some(x), Some(y)) if x.described && y.described && x.person.is_none() && y.person.is_none() => {
            matches!((&x.group, &y.group), (Some(gx), Some(gy)) if gx == gy)
        }
        _ => false,
    }
}

/// Two outlets' spellings of one person's name ("Mohammed Ali al-Houthi"
/// and "Muhammad Ali al-Houthi"): names of two words or more, neither a body
/// nor a description, whose first and last words are spelling variants, and
/// the whole too.
fn transliterated(a: &str, b: &str, sa: &Option<Speaker>, sb: &Option<Speaker>) -> bool {
    let person = |s: &Option<Speaker>| s.as_ref().is_none_or(|x| !x.collective && !x.described);
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    let variant = crate::extract::reading::spelling_variant;
    wa.len() >= 2
        && wb.len() >= 2
        && person(sa)
        && person(sb)
        && variant(wa[0], wb[0])
        && variant(wa[wa.len() - 1], wb[wb.len() - 1])
        && variant(a, b)
}

fn shared_actors(a: &Event, b: &Event) -> usize {
    a.actors.iter().filter(|x| b.actors.iter().any(|y| same_name(&x.name, &y.name))).count()
}

/// Talks: a participant of one is the government of a country the other
/// names as a participant, or both name governments of one country.
fn same_party(a: &Report<'_>, b: &Report<'_>) -> bool {
    let names = |r: &Report<'_>, country: &str| r.event.actors.iter().any(|x| same_name(&x.name, country));
    a.governed.iter().any(|c| names(b, c) || b.governed.contains(c)) || b.governed.iter().any(|c| names(a, c))
}

/// How much two statements' content terms say they are one speech act, or
/// None when too little: the number of terms they share, at least
/// `MIN_SHARED_TERMS` with a word among them (two remarks of one speaker on
/// one occasion name the same people, what they say differs), and at least
/// `MIN_SHARED_PERCENT` of the shorter report's terms (the overlap
/// coefficient): two common words among twenty are chance, among five the
/// same thing said.
fn shared_terms(a: &Report<'_>, b: &Report<'_>, senses: &Senses) -> Option<u32> {
    let (Some(ta), Some(tb)) = (&a.terms, &b.terms) else { return None };
    let (ta, tb) = (in_senses(ta, senses), in_senses(tb, senses));
    // Both are sorted and distinct.
    let (mut i, mut j, mut shared, mut words) = (0, 0, 0, 0);
    while i < ta.len() && j < tb.len() {
        match ta[i].cmp(tb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                words += !ta[i].starts_with('@') as usize;
                i += 1;
                j += 1;
            }
        }
    }
    let shorter = ta.len().min(tb.len());
    (shared >= MIN_SHARED_TERMS && words > 0 && shared * 100 >= MIN_SHARED_PERCENT * shorter).then_some(shared as u32)
}

/// The senses of `data/senses.tsv` and of a `--dict` folder's file layered on
/// it (`Dictionaries::senses`): a term that says what another says in other
/// words ("truce" and "ceasefire"), and the term it counts as. A later row
/// for a term replaces an earlier one.
#[derive(Debug, Default)]
pub struct Senses(HashMap<Box<str>, Box<str>>);

impl Senses {
    /// Parses the layered sources. A term and its sense are as `terms`
    /// stores them: three to five lower-case letters ("cease", not
    /// "ceasefire"), or an actor's `@name`; any other is reported with its
    /// file and line, as it could never match.
    pub fn parse(sources: &[Source]) -> Result<Senses, DictError> {
        let mut map = HashMap::new();
        for src in sources {
            for (line, f) in src.rows() {
                let term = src.field(line, &f, 0, "term")?;
                let sense = src.field(line, &f, 1, "sense")?;
                for t in [term, sense] {
                    let letters = t.chars().count();
                    let stored = t.starts_with('@') && letters > 1 && !t.contains(char::is_whitespace)
                        || (3..=5).contains(&letters) && t.chars().all(|c| c.is_alphabetic() && !c.is_uppercase());
                    if !stored {
                        return Err(src.error(
                            line,
                            format!("'{t}' is no stored term (three to five lower-case letters, \"ceasefire\" is \"cease\"; or @name)"),
                        ));
                    }
                }
                map.insert(Box::from(term), Box::from(sense));
            }
        }
        Ok(Senses(map))
    }

    /// The built-in senses alone, for a store that was given no dictionaries.
    pub fn builtin() -> std::sync::Arc<Senses> {
        static BUILTIN: std::sync::OnceLock<std::sync::Arc<Senses>> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let text = crate::dict::BUILTIN.iter().find(|(n, _)| *n == "senses.tsv").map_or("", |(_, t)| *t);
                std::sync::Arc::new(Senses::parse(&[Source::new("data/senses.tsv", text)]).unwrap_or_default())
            })
            .clone()
    }
}

/// A report's stored terms (`terms`) as compared: each in its sense
/// (`Senses`), sorted and distinct. Read at comparison, not stored, so that
/// terms stored by an earlier version compare the same way.
fn in_senses<'a>(terms: &'a str, senses: &'a Senses) -> Vec<&'a str> {
    let mut out: Vec<&str> =
        terms.split(' ').filter(|t| !t.is_empty()).map(|t| senses.0.get(t).map_or(t, |s| &**s)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many days apart `score(a, b)` allows the two windows to lie, from `a`
/// alone: one for talks dated by the day at a place that is not a country
/// (a meeting over two days, dated by its start in one report and by its
/// end in another, if `b` is dated by the day at the same place), none
/// otherwise. The store looks a new report's candidates up no further: a
/// stored report a day away from a statement found by its speaker would be
/// read only to be turned away (62 of the 67 candidates of a 3 KB article
/// into 1M events were, most of them for that day).
pub fn day_slack(a: &Report<'_>) -> i64 {
    let e = &a.event;
    let next_day = e.kind == Kind::Talks
        && e.date.is_some_and(|d| d.precision == Precision::Day)
        && e.place.is_some()
        && !a.place.as_ref().is_some_and(|p| p.is_country);
    i64::from(next_day)
}

/// Whether `score(a, b)` is None whatever else the two say: of different
/// kinds, of one article, of different status classes, or at places that
/// disagree. It reads of `b` only its `article_id`, `kind`, `status`,
/// `event.place` and `place`, so that the store can turn a candidate away
/// before reading the rest of it (`store::merge_new_reports`: most
/// candidates a participant's key finds are talks at another city).
pub fn ruled_out(a: &Report<'_>, b: &Report<'_>) -> bool {
    let (ea, eb) = (&a.event, &b.event);
    ea.kind != eb.kind
        || a.article_id == b.article_id
        || status_class(ea.status) != status_class(eb.status)
        || !places_compatible(a, b)
}

/// How strongly two reports of different articles are one event, or None
/// when they are not (see the module comment). The kinds' own rules:
/// - talks: a shared participant, or the same place (participants that
///   share no one are then tolerated: extraction often names the hosts in
///   one report and the delegations in another); dated a day apart at the
///   same city they still meet;
/// - visits: a shared visitor;
/// - statements: speakers that agree, content terms in common (`shared_terms`:
///   `MIN_SHARED_TERMS`, a word among them, `MIN_SHARED_PERCENT` of the
///   shorter report's), and articles published within
///   `STATEMENT_REPORTING_DAYS` of each other;
/// - death tolls: the same cumulative flag, and the same figure or the same
///   place (two figures for one incident are kept, see `derive`).
pub fn score(a: &Report<'_>, b: &Report<'_>, senses: &Senses) -> Option<u32> {
    let (ea, eb) = (&a.event, &b.event);
    if ruled_out(a, b) {
        return None;
    }
    let (wa, wb) = (a.window()?, b.window()?);
    let gap = (wa.0 - wb.1).max(wb.0 - wa.1);
    // Talks at one city dated a day apart: one meeting over two days, or
    // dated by its start in one report and by its end in another.
    let next_day =
        gap == 1 && day_slack(a) == 1 && eb.date.is_some_and(|d| d.precision == Precision::Day) && same_place(a, b);
    if gap > 0 && !next_day {
        return None;
    }
    let place = same_place(a, b) as u32;
    let s = match ea.kind {
        Kind::Statement => {
            if !speakers_agree(a, b) {
                return None;
            }
            if let (Some(pa), Some(pb)) = (a.published, b.published) {
                if (day_number(pa) - day_number(pb)).abs() > STATEMENT_REPORTING_DAYS {
                    return None;
                }
            }
            shared_terms(a, b, senses)?
        }
        Kind::Talks => {
            let mut n = shared_actors(ea, eb) as u32;
            if n == 0 && same_party(a, b) {
                n = 1;
            }
            if n == 0 && place == 0 {
                return None;
            }
            n + 2 * place
        }
        Kind::Visit => {
            let n = shared_actors(ea, eb) as u32;
            if n == 0 {
                return None;
            }
            n + place
        }
        Kind::DeathToll => {
            // A count over a period ("since 2011") never joins one incident's;
            // a count in the perfect with no period ("at least 100 people have
            // been killed in twin car bombs") is the incident's figure as of
            // the report, and joins a count of the same figure in the past.
            if ea.cumulative != eb.cumulative {
                let running = if ea.cumulative { ea } else { eb };
                if running.date_text.is_some() || ea.count.is_none() || ea.count != eb.count {
                    return None;
                }
            }
            let figure = (ea.count.is_some() && ea.count == eb.count) as u32;
            if figure == 0 && place == 0 {
                return None;
            }
            2 * figure + place
        }
    };
    Some(s)
}

/// A link between two reports (indexes into the caller's slice) and its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: u32,
}

/// Keeps the links the rules allow among compatible pairs: every pair for
/// talks, visits and tolls; for statements only pairs in which each is the
/// other's best match in its article (highest score, then the canonical
/// order). `compatible` must hold every compatible pair that involves a
/// report whose links are wanted, so that "best" is decided on all of them.
pub fn select_links<R: Linkable>(reports: &[R], compatible: &[Link]) -> Vec<Link> {
    // Best partner of each report in each other article: (report, article) -> (score, partner).
    let mut best: HashMap<(usize, i64), (u32, usize)> = HashMap::new();
    let better = |s: u32, x: usize, cur: (u32, usize)| {
        s > cur.0 || (s == cur.0 && reports[x].canonical() < reports[cur.1].canonical())
    };
    for l in compatible {
        if !reports[l.a].is_statement() {
            continue;
        }
        for (me, other) in [(l.a, l.b), (l.b, l.a)] {
            let slot = best.entry((me, reports[other].article_id())).or_insert((l.score, other));
            if better(l.score, other, *slot) {
                *slot = (l.score, other);
            }
        }
    }
    compatible
        .iter()
        .copied()
        .filter(|l| {
            !reports[l.a].is_statement()
                || (best.get(&(l.a, reports[l.b].article_id())).map(|b| b.1) == Some(l.b)
                    && best.get(&(l.b, reports[l.a].article_id())).map(|b| b.1) == Some(l.a))
        })
        .collect()
}

/// Two reports that can never be one event, whatever links them through
/// others: days more than a day apart, places that disagree, or statements
/// by speakers that do not.
fn hard_conflict(a: &Report<'_>, b: &Report<'_>) -> bool {
    if !places_compatible(a, b) {
        return true;
    }
    if let (Some(wa), Some(wb)) = (a.window(), b.window()) {
        if (wa.0 - wb.1).max(wb.0 - wa.1) > 1 {
            return true;
        }
    }
    a.event.kind == Kind::Statement && a.event.speaker.is_some() && b.event.speaker.is_some() && !speakers_agree(a, b)
}

/// The events of a set of reports and their links: the links are taken
/// strongest first (ties in the canonical order of their reports), and each
/// joins two groups unless that would put two reports with a hard conflict
/// in one (a place that disagrees, another speaker): a chain A-B-C where A
/// and C disagree stops at one of them. The result depends only on the
/// reports and links, not on the order of either. Groups are returned with
/// their members in ascending order, ordered by their first member.
pub fn cluster(reports: &[Report<'_>], links: &[Link]) -> Vec<Vec<usize>> {
    let mut groups = Groups::new(reports.len());
    let mut members: Vec<Vec<usize>> = (0..reports.len()).map(|i| vec![i]).collect();
    for l in link_order(reports, links).into_iter().map(|i| &links[i]) {
        let (ra, rb) = (groups.find(l.a), groups.find(l.b));
        if ra == rb {
            continue;
        }
        let clash = members[ra].iter().any(|&x| members[rb].iter().any(|&y| hard_conflict(&reports[x], &reports[y])));
        if clash {
            continue;
        }
        groups.join(ra, rb);
        let root = groups.find(ra);
        let moved = std::mem::take(&mut members[if root == ra { rb } else { ra }]);
        members[root].extend(moved);
    }
    groups.members()
}

/// The order `cluster` takes `links` in (their indexes): strongest first,
/// then by the canonical order of their two ends, then as given. The ends
/// are compared as their reports' canonical ranks, which compare as their
/// canonical keys do: comparing the keys (an article name each) at every
/// step of the sort was most of clustering an event of 200 reports and
/// 10,000 links, which a one-article ingest joining it re-derives.
fn link_order(reports: &[Report<'_>], links: &[Link]) -> Vec<usize> {
    let rank = canonical_ranks(reports);
    let mut order: Vec<(std::cmp::Reverse<u32>, u32, u32, usize)> = (links.iter().enumerate())
        .map(|(i, l)| {
            let (x, y) = (rank[l.a], rank[l.b]);
            (std::cmp::Reverse(l.score), x.min(y), x.max(y), i)
        })
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, _, _, i)| i).collect()
}

/// Each report's place in the canonical order (`Report::canonical`), equal
/// keys sharing one: ranks compare as the keys do.
fn canonical_ranks(reports: &[Report<'_>]) -> Vec<u32> {
    let mut by_key: Vec<usize> = (0..reports.len()).collect();
    by_key.sort_by(|&a, &b| reports[a].canonical().cmp(&reports[b].canonical()));
    let mut rank = vec![0; reports.len()];
    let mut next = 0;
    for (k, &i) in by_key.iter().enumerate() {
        if k > 0 && reports[by_key[k - 1]].canonical() != reports[i].canonical() {
            next += 1;
        }
        rank[i] = next;
    }
    rank
}

/// Connected groups: the index of each item's group representative.
pub struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    pub fn new(n: usize) -> Groups {
        Groups { parent: (0..n).collect() }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// The groups, each as its members in ascending order, by their smallest member.
    pub fn members(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..self.parent.len() {
            let r = self.find(i);
            by_root.entry(r).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
        groups.sort_by_key(|g| g[0]);
        groups
    }
}

/// A merged event's fields, derived from its reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived<'a> {
    /// The merged fields (the mentions stay with the reports).
    pub event: Cow<'a, Event>,
    /// Distinct articles.
    pub sources: i64,
    /// Distinct outlets (an article without one counts as its own).
    pub outlets: i64,
    pub first_reported: Option<NaiveDate>,
    pub count_low: Option<u64>,
    pub count_high: Option<u64>,
    /// What the reports disagree on, e.g. `date: 2016-02-11 (10.txt); 2016-02-12 (11.txt)`.
    pub conflicts: Option<String>,
}

impl<'a> Derived<'a> {
    /// The event of one report alone: its own fields.
    pub fn single(r: &'a Report<'_>) -> Derived<'a> {
        let e: &'a Event = &r.event;
        Derived {
            event: Cow::Borrowed(e),
            sources: 1,
            outlets: 1,
            first_reported: r.published,
            count_low: e.count,
            count_high: e.count,
            conflicts: None,
        }
    }
}

fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Day => 0,
        Precision::Week => 1,
        Precision::Month => 2,
        Precision::Year => 3,
        Precision::Unknown => 4,
    }
}

/// The value most reports give; ties go to the one given first in the
/// canonical order. `reports` must be in canonical order.
fn most_common<T: PartialEq + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counted: Vec<(T, usize)> = Vec::new();
    for v in values {
        match counted.iter_mut().find(|(x, _)| *x == v) {
            Some(c) => c.1 += 1,
            None => counted.push((v, 1)),
        }
    }
    let max = counted.iter().map(|c| c.1).max()?;
    counted.into_iter().find(|c| c.1 == max).map(|c| c.0)
}

/// The merged event of `reports` (any order; at least one):
/// - date: the intersection of the reports' dates, at the precision of the
///   report that gives exactly it (else day); dates that do not meet are a
///   conflict, and the event spans them all;
/// - place: the most specific (a city over the country it is in), else the
///   most common; status, speaker (a person over a body) likewise;
/// - participants: the union, in the order they are first named;
/// - tolls: `count` the lowest figure (the conservative one, as ACLED
///   does), with `count_low`..`count_high`; never an average;
/// - first_reported: the earliest publication; sources, outlets.
pub fn derive<'a>(reports: &[&'a Report<'_>]) -> Derived<'a> {
    if let [one] = reports {
        return Derived::single(one);
    }
    let mut rs: Vec<&Report<'_>> = reports.to_vec();
    rs.sort_by(|a, b| a.canonical().cmp(&b.canonical()));
    let first = &rs[0].event;
    let mut event = Event::new(first.kind, first.status);
    let mut conflicts: Vec<String> = Vec::new();
    let label = |r: &Report<'_>| r.article.clone();

    // Status.
    event.status = most_common(rs.iter().map(|r| r.event.status)).unwrap_or(first.status);
    let statuses: Vec<Status> = distinct(rs.iter().map(|r| r.event.status));
    if statuses.len() > 1 {
        conflicts.push(format!("status: {}", join_with_articles(&rs, |r| Some(r.event.status.to_string()), &label)));
    }

    // Date.
    // A date in the article's words wins over one guessed from its
    // publication (`Report::guessed_date`) that it does not meet.
    let mut dated: Vec<&Report<'_>> = rs.iter().copied().filter(|r| r.event.date.is_some()).collect();
    let meet = |rs: &[&Report<'_>]| {
        let spans = rs.iter().filter_map(|r| r.event.date);
        spans.clone().map(|s| s.start).max() <= spans.map(|s| s.end).min()
    };
    if !meet(&dated) {
        let worded: Vec<&Report<'_>> = dated.iter().copied().filter(|r| !r.guessed_date()).collect();
        if !worded.is_empty() && meet(&worded) {
            dated = worded;
        }
    }
    if let Some(spans) = (!dated.is_empty()).then(|| dated.iter().map(|r| r.event.date.unwrap()).collect::<Vec<_>>()) {
        let start = spans.iter().map(|s| s.start).max().unwrap();
        let end = spans.iter().map(|s| s.end).min().unwrap();
        let (span, giver) = if start <= end {
            let exact = dated
                .iter()
                .filter(|r| r.event.date.is_some_and(|d| d.start == start && d.end == end))
                .min_by_key(|r| precision_rank(r.event.date.unwrap().precision))
                .copied();
            let precision = exact.map_or(Precision::Day, |r| r.event.date.unwrap().precision);
            (DateSpan { start, end, precision }, exact)
        } else {
            let start = spans.iter().map(|s| s.start).min().unwrap();
            let end = spans.iter().map(|s| s.end).max().unwrap();
            conflicts
                .push(format!("date: {}", join_with_articles(&rs, |r| r.event.date.map(|d| label_of(&d)), &label)));
            (DateSpan { start, end, precision: Precision::Day }, None)
        };
        event.date = Some(span);
        event.date_text = giver
            .and_then(|r| r.event.date_text.clone())
            .or_else(|| dated.iter().find_map(|r| r.event.date_text.clone()));
    } else {
        event.date_text = rs.iter().find_map(|r| r.event.date_text.clone());
    }

    // Place: the most specific of places that agree, else the most common.
    let placed: Vec<&Report<'_>> = rs.iter().copied().filter(|r| r.event.place.is_some()).collect();
    if !placed.is_empty() {
        let all_agree = placed.iter().all(|a| placed.iter().all(|b| places_agree(a, b)));
        let specific: Vec<&Report<'_>> =
            placed.iter().copied().filter(|r| !r.place.as_ref().is_some_and(|p| p.is_country)).collect();
        let pool = if all_agree && !specific.is_empty() { &specific } else { &placed };
        event.place = most_common(pool.iter().map(|r| r.event.place.clone().unwrap_or_default().to_lowercase()))
            .and_then(|lower| pool.iter().find_map(|r| r.event.place.clone().filter(|p| p.to_lowercase() == lower)));
        if !all_agree {
            conflicts.push(format!("place: {}", join_with_articles(&rs, |r| r.event.place.clone(), &label)));
        }
    }

    // Participants: the union, first named first.
    let mut actors: Vec<EventActor> = Vec::new();
    for r in &rs {
        for a in &r.event.actors {
            if !actors.iter().any(|x| same_name(&x.name, &a.name) && x.role == a.role) {
                actors.push(a.clone());
            }
        }
    }
    event.actors = actors;

    // Speaker: a person over a body that person speaks for, then the most common.
    let spoken: Vec<&Report<'_>> = rs.iter().copied().filter(|r| r.event.speaker.is_some()).collect();
    if !spoken.is_empty() {
        // A person by name, then a body, then a person by description.
        let rank = |r: &Report<'_>| r.speaker.as_ref().map_or(0, |s| if s.described { 2 } else { s.collective as u8 });
        let best = spoken.iter().map(|r| rank(r)).min().unwrap_or(0);
        let pool: Vec<&Report<'_>> = spoken.iter().copied().filter(|r| rank(r) == best).collect();
        event.speaker = most_common(pool.iter().map(|r| r.event.speaker.clone().unwrap_or_default()));
        if distinct(spoken.iter().map(|r| r.event.speaker.clone().unwrap_or_default().to_lowercase())).len() > 1 {
            conflicts.push(format!("speaker: {}", join_with_articles(&rs, |r| r.event.speaker.clone(), &label)));
        }
    }
    event.quote = rs.iter().find_map(|r| r.event.quote.clone());
    event.cumulative = first.cumulative;

    // Figures: every one kept in its report; the event shows the lowest and the range.
    let counts: Vec<u64> = rs.iter().filter_map(|r| r.event.count).collect();
    let (low, high) = (counts.iter().min().copied(), counts.iter().max().copied());
    event.count = low;
    event.qualifier = low.and_then(|c| rs.iter().find(|r| r.event.count == Some(c)).and_then(|r| r.event.qualifier));
    if low != high {
        conflicts.push(format!("count: {}", join_with_articles(&rs, |r| r.event.count.map(|c| c.to_string()), &label)));
    }

    let sources = distinct(rs.iter().map(|r| r.article_id)).len() as i64;
    let outlets = distinct(
        rs.iter().map(|r| r.source.as_ref().map_or_else(|| format!("\u{0}{}", r.article_id), |s| s.to_lowercase())),
    )
    .len() as i64;
    Derived {
        event: Cow::Owned(event),
        sources,
        outlets,
        first_reported: rs.iter().filter_map(|r| r.published).min(),
        count_low: low,
        count_high: high,
        conflicts: (!conflicts.is_empty()).then(|| conflicts.join("; ")),
    }
}

fn distinct<T: PartialEq>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn label_of(d: &DateSpan) -> String {
    match d.labels() {
        (a, Some(b)) => format!("{a}..{b}"),
        (a, None) => a,
    }
}

/// `value (article, article); value (article)` over the reports that give a value.
fn join_with_articles(
    rs: &[&Report<'_>],
    value: impl Fn(&Report<'_>) -> Option<String>,
    label: &impl Fn(&Report<'_>) -> String,
) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for r in rs {
        let Some(v) = value(r) else { continue };
        let name = label(r);
        match groups.iter_mut().find(|(x, _)| x.eq_ignore_ascii_case(&v)) {
            Some(g) => {
                if !g.1.contains(&name) {
                    g.1.push(name)
                }
            }
            None => groups.push((v, vec![name])),
        }
    }
    groups.iter().map(|(v, names)| format!("{v} ({})", names.join(", "))).collect::<Vec<_>>().join("; ")
}

/// A speaker from an actor's stored kind (`actors.kind`: person, government,
/// organisation, country, ...) and country: a country, an organisation or
/// an armed group is its own group, a person or a government belongs to its
/// country.
pub fn speaker_from(kind: &str, name: &str, country: Option<&str>) -> Speaker {
    let collective = matches!(kind, "country" | "government" | "organisation" | "armed_group");
    let group = match kind {
        "country" | "organisation" | "armed_group" => Some(name.to_lowercase()),
        _ => country.map(str::to_lowercase),
    };
    Speaker { collective, group, described: false, person: None }
}

/// A speaker the dictionaries do not know by name, from the bodies its
/// description names ("a spokesman for the Houthi group", "the UN envoy"):
/// a member of that body, when it names exactly one (`lookup` gives the
/// stored kind, name and country of a name or alias). Its words are tried
/// longest first, capitalised ones only, as the extractor reads names. A
/// description that names one person, and no body but the person's own
/// ("the office of Prime Minister X", "X's office"), speaks for that
/// person: a member of the person's country who agrees with the person.
pub fn described_speaker(
    description: &str,
    mut lookup: impl FnMut(&str) -> Option<(String, String, Option<String>)>,
) -> Option<Speaker> {
    let words: Vec<&str> = description
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w))
        .filter(|w| !w.is_empty())
        .collect();
    let mut groups: Vec<String> = Vec::new();
    let mut persons: Vec<(String, Option<String>)> = Vec::new();
    let mut at = 0;
    'words: while at < words.len() {
        // "the UN envoy to Yemen", "the U.S. ambassador in Khartoum": the
        // place a member is posted to is not the body they belong to.
        let posted = at > 0 && matches!(words[at - 1], "to" | "in");
        if words[at].starts_with(char::is_uppercase) && !posted {
            for end in (at + 1..=words.len().min(at + 5)).rev() {
                let Some((kind, name, country)) = lookup(&words[at..end].join(" ")) else { continue };
                let body = speaker_from(&kind, &name, country.as_deref());
                if body.collective {
                    if let Some(g) = body.group {
                        if !groups.contains(&g) {
                            groups.push(g);
                        }
                    }
                } else if kind == "person" {
                    let person = (name.to_lowercase(), body.group);
                    if !persons.contains(&person) {
                        persons.push(person);
                    }
                }
                at = end;
                continue 'words;
            }
        }
        at += 1;
    }
    match (persons.as_slice(), groups.as_slice()) {
        ([(name, country)], _) if groups.iter().all(|g| Some(g) == country.as_ref()) => {
            Some(Speaker { collective: false, group: country.clone(), described: true, person: Some(name.clone()) })
        }
        ([], [one]) => Some(Speaker { collective: false, group: Some(one.clone()), described: true, person: None }),
        _ => None,
    }
}

/// A place from its stored kind (`places.kind`) and country.
pub fn place_from(kind: &str, country: Option<&str>) -> Place {
    Place { is_country: kind == "country", country: country.map(str::to_lowercase) }
}

/// Lower-case words of at least three letters, split at anything that is
/// not a letter (hyphens and apostrophes too: "al-Assad's" gives "assad").
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase)
}

/// A statement's content terms: what its quote and its sentences are about.
/// The dictionaries' names are read as the extractor reads them: a person,
/// an organisation or an armed group named stands for itself
/// (`@bashar_al-assad`, whether written "Assad" or "Bashar al-Assad");
/// places, their adjectives, countries and governments (every statement on
/// Syria names Syria), news agencies and the speaker are left out. The other
/// words go in without stop words, shortened to five letters, so that
/// "terrorist" meets "terrorism" and "agreed" meets "agreement". Sorted,
/// distinct, space-separated; None for other kinds.
pub fn terms(event: &Event, dict: &Dictionaries) -> Option<String> {
    if event.kind != Kind::Statement {
        return None;
    }
    let index = dict.index();
    let speaker_actor = event.speaker.as_deref().and_then(|s| index.actor_named(s));
    // An unknown speaker's own words ("Karim Nassar said") are left out too.
    let speaker_words: Vec<String> = if speaker_actor.is_none() {
        event.speaker.as_deref().map(|s| words(s).collect()).unwrap_or_default()
    } else {
        Vec::new()
    };
    // The speaker's own body says nothing of what was said: a UN official's
    // statements all name the United Nations ("the UN envoy said"), and so
    // does a description of the speaker ("a spokesman for the group").
    let mut speaker_side: Vec<usize> = speaker_actor.into_iter().collect();
    if speaker_actor.is_none() {
        if let Some(s) = event.speaker.as_deref() {
            speaker_side.extend(index.names(s).iter().filter_map(|f| f.actor()));
        }
    }
    let bodies: Vec<usize> = speaker_side
        .iter()
        .filter_map(|&a| dict.actors[a].country.as_deref().and_then(|c| index.actor_named(c)))
        .collect();
    speaker_side.extend(bodies);
    let mut out: Vec<String> = Vec::new();
    // A quote is read with its sentence; on its own only when no sentence holds it.
    let quote = event.quote.as_deref().filter(|q| !event.mentions.iter().any(|m| m.sentence.contains(q)));
    for text in quote.into_iter().chain(event.mentions.iter().map(|m| m.sentence.as_str())) {
        let (names, classes) = index.names_and_classes(text);
        // Titles ("Secretary-General", "special envoy") name the speaker's
        // office, not what was said: they are left out with the names.
        let titles = classes
            .iter()
            .filter(|f| index.classes_of(f).any(|c| matches!(c, crate::extract::entities::words::WordClass::Title(_))));
        let mut spans: Vec<(usize, usize, Option<usize>)> =
            names.iter().map(|f| (f.start, f.end, f.actor())).chain(titles.map(|f| (f.start, f.end, None))).collect();
        spans.sort_unstable_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
        let mut plain = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end, actor) in spans {
            if start < at {
                continue;
            }
            plain.push_str(&text[at..start]);
            plain.push(' ');
            at = end;
            let Some(actor) = actor else { continue };
            let topic =
                matches!(dict.actors[actor].kind, ActorKind::Country | ActorKind::Government | ActorKind::Agency);
            if !speaker_side.contains(&actor) && !topic {
                out.push(format!("@{}", index.actor_name(actor).to_lowercase().replace(' ', "_")));
            }
        }
        plain.push_str(&text[at..]);
        for w in words(&plain) {
            // Stop words (`stopword` of data/words.tsv) say nothing of what was said.
            if !index.is_word_of(&w, Class::StopWord) && !speaker_words.contains(&w) {
                out.push(w.chars().take(5).collect());
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out.join(" "))
}

/// `[[name, role], ...]`, the stored form of a report's actors.
/// An actor named twice in one role (in any case) is kept once, where first named.
pub fn actors_json(actors: &[EventActor]) -> String {
    let mut pairs: Vec<[&str; 2]> = Vec::with_capacity(actors.len());
    for a in actors {
        if !pairs.iter().any(|[name, role]| *role == a.role.as_str() && same_name(name, &a.name)) {
            pairs.push([a.name.as_str(), a.role.as_str()]);
        }
    }
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".into())
}

/// The actors of a stored `actors` column; unreadable entries are skipped.
pub fn actors_from_json(text: &str) -> Vec<EventActor> {
    let pairs: Vec<Vec<String>> = serde_json::from_str(text).unwrap_or_default();
    pairs
        .into_iter()
        .filter_map(|p| {
            let name = p.first()?.clone();
            let role = p.get(1).and_then(|r| r.parse::<Role>().ok()).unwrap_or(Role::Participant);
            Some(EventActor { name, role })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mention, Qualifier, Role};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Read a bucket at a time in the order of `merge_keys_by_bucket`, the
    /// keys give the pairs of the plain definition: two reports' keys that
    /// meet, the earlier (by day, then report) lasting at least until the day
    /// before the later's first day, judged on that day, each pair once on its
    /// earliest. Windows cross buckets (a month-long one, four), and keys of
    /// one anchor differ in their two low bits.
    #[test]
    fn candidate_pairs_by_bucket_are_those_of_the_plain_definition() {
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % n) as i64
        };
        for round in 0..40 {
            let mut keys: Vec<(i64, i64, i64, i64)> = Vec::new();
            for id in 1..=60 {
                let day = 730_000 + next(60);
                let last = day + [0, 0, 0, 1, 6, 30][next(6) as usize];
                for _ in 0..1 + next(2) {
                    let key = ((next(5) - 2) << 8) | [0, 0, 2, 3][next(4) as usize];
                    if !keys.iter().any(|k| k.0 == key && k.3 == id) {
                        keys.push((key, day, last, id));
                    }
                }
            }
            let mut expected: Vec<(i64, i64, i64)> = Vec::new();
            for x in &keys {
                for y in &keys {
                    if (x.1, x.3) < (y.1, y.3) && x.3 != y.3 && x.2 + 1 >= y.1 && meet(y.0, x.0) {
                        expected.push((y.1, x.3.min(y.3), x.3.max(y.3)));
                    }
                }
            }
            expected.sort_unstable_by_key(|&(day, a, b)| (a, b, day));
            expected.dedup_by_key(|&mut (_, a, b)| (a, b));
            assert!(expected.len() > 20, "round {round}: too few pairs to tell");
            keys.sort_unstable_by_key(|&(key, day, last, id)| (day / 8, key, day, last, id));
            assert_eq!(candidate_pairs(keys.into_iter(), 8), expected, "round {round}");
        }
    }

    fn dict() -> &'static Dictionaries {
        static DICT: std::sync::OnceLock<Dictionaries> = std::sync::OnceLock::new();
        DICT.get_or_init(|| Dictionaries::builtin().unwrap())
    }

    /// `merge::score` with the built-in senses.
    fn score(a: &Report<'_>, b: &Report<'_>) -> Option<u32> {
        super::score(a, b, &dict().senses)
    }

    fn report(article: i64, kind: Kind, published: &str) -> Report<'static> {
        Report {
            id: 0,
            event_id: 0,
            article_id: article,
            article: format!("{article:02}.txt"),
            published: Some(d(published)),
            source: None,
            ordinal: 0,
            event: Cow::Owned(Event::new(kind, Status::Happened)),
            terms: None,
            speaker: None,
            place: None,
            governed: Vec::new(),
        }
    }

    fn talks(article: i64, date: Option<&str>, place: Option<&str>, actors: &[&str]) -> Report<'static> {
        let mut r = report(article, Kind::Talks, "2014-01-22");
        r.event.to_mut().date = date.map(|s| DateSpan::day(d(s)));
        r.event.to_mut().place = place.map(String::from);
        r.event.to_mut().actors =
            actors.iter().map(|a| EventActor { name: a.to_string(), role: Role::Participant }).collect();
        r
    }

    fn statement(article: i64, speaker: &str, sentence: &str) -> Report<'static> {
        let mut r = report(article, Kind::Statement, "2015-10-30");
        r.event.to_mut().speaker = Some(speaker.into());
        r.event.to_mut().mentions = vec![Mention { sentence: sentence.into(), start: 0, end: sentence.len() }];
        r.terms = terms(&r.event, dict());
        r
    }

    /// The store's two short cuts (`store::merge_new_reports`) never turn
    /// away a pair `score` links: a candidate further than `day_slack` days
    /// away, or one `ruled_out` from its sketch (kind, status, article and
    /// place alone), has no score. Over talks, visits and statements at
    /// cities, countries or nowhere, a day apart or not, of every status class.
    #[test]
    fn the_store_s_short_cuts_keep_every_pair_that_scores() {
        let places = [None, Some("Geneva"), Some("Vienna"), Some("Switzerland")];
        let place_of = |name: Option<&str>| {
            name.map(|n| Place { is_country: n == "Switzerland", country: Some("Switzerland".into()) })
        };
        let mut reports = Vec::new();
        for (i, &place) in places.iter().enumerate() {
            for (j, date) in [None, Some("2014-01-22"), Some("2014-01-23"), Some("2014-01-25")].into_iter().enumerate()
            {
                for (k, status) in [Status::Happened, Status::Planned].into_iter().enumerate() {
                    let article = (i * 8 + j * 2 + k) as i64;
                    let mut t = talks(article, date, place, &["John Kerry"]);
                    t.event.to_mut().status = status;
                    t.place = place_of(place).filter(|_| place != Some("Geneva") || article % 2 == 0);
                    let mut v = t.clone();
                    v.event.to_mut().kind = Kind::Visit;
                    let mut s =
                        statement(article, "John Kerry", "Kerry said the ceasefire talks in Geneva must go on.");
                    s.event.to_mut().date = t.event.date;
                    s.event.to_mut().place = place.map(String::from);
                    s.event.to_mut().status = status;
                    s.place = t.place.clone();
                    reports.extend([t, v, s]);
                }
            }
        }
        let mut linked = 0;
        for a in &reports {
            for b in &reports {
                let Some(score) = score(a, b) else { continue };
                linked += 1;
                let sketch = Report {
                    event: Cow::Owned(Event {
                        place: b.event.place.clone(),
                        ..Event::new(b.event.kind, b.event.status)
                    }),
                    terms: None,
                    ..b.clone()
                };
                assert!(!ruled_out(a, &sketch), "{a:?} {b:?} score {score}");
                let ((a0, a1), (b0, b1)) = (a.window().unwrap(), b.window().unwrap());
                assert!((a0 - b1).max(b0 - a1) <= day_slack(a), "{a:?} {b:?} score {score}");
            }
        }
        assert!(linked > 100, "too few linked pairs to tell: {linked}");
    }

    #[test]
    fn talks_need_a_shared_participant_or_place() {
        let a = talks(1, Some("2014-01-22"), Some("Geneva"), &["Sergei Lavrov", "John Kerry"]);
        let b = talks(2, None, None, &["John Kerry"]);
        assert!(score(&a, &b).is_some(), "undated, published that day, Kerry in both");
        let c = talks(3, Some("2014-01-22"), None, &["Mohammad Javad Zarif"]);
        assert_eq!(score(&a, &c), None, "nobody in common, no place in common");
        let e = talks(4, Some("2014-01-22"), Some("Vienna"), &["John Kerry"]);
        assert_eq!(score(&a, &e), None, "two cities");
        let f = talks(5, Some("2014-01-25"), Some("Geneva"), &["John Kerry"]);
        assert_eq!(score(&a, &f), None, "dates apart");
        let same = talks(1, Some("2014-01-22"), Some("Geneva"), &["John Kerry"]);
        assert_eq!(score(&a, &same), None, "one article's reports never merge");
        let bare = talks(6, Some("2014-01-22"), None, &[]);
        assert_eq!(score(&a, &bare), None, "missing fields are no evidence");
    }

    #[test]
    fn undated_talks_that_took_place_may_be_of_the_day_before_publication() {
        let dated = talks(1, Some("2015-10-30"), Some("Vienna"), &["Sergei Lavrov", "Iran"]);
        let mut undated = talks(2, None, None, &["Iran"]);
        undated.published = Some(d("2015-10-31"));
        assert_eq!(undated.window(), Some((day_number(d("2015-10-30")), day_number(d("2015-10-31")))));
        assert!(score(&dated, &undated).is_some(), "\"met\" in the next day's paper");
        let mut later = undated.clone();
        later.published = Some(d("2015-11-01"));
        assert_eq!(score(&dated, &later), None, "two days after");
        let mut planned = undated.clone();
        planned.event.to_mut().status = Status::Planned;
        assert_eq!(planned.window(), Some((day_number(d("2015-10-31")), day_number(d("2015-10-31")))));
    }

    #[test]
    fn a_government_in_talks_is_its_country() {
        let mut a = talks(1, Some("2014-01-22"), None, &["Syrian government"]);
        a.governed = vec!["syria".into()];
        let b = talks(2, Some("2014-01-22"), None, &["Syria", "Turkey"]);
        assert_eq!(score(&a, &b), Some(1), "the Syrian government stands for Syria");
        assert_eq!(score(&b, &a), Some(1));
        assert!(a.keys().iter().any(|k| b.keys().contains(k)), "found through the country's key");
        let mut c = talks(3, Some("2014-01-22"), None, &["Assad government"]);
        c.governed = vec!["syria".into()];
        assert_eq!(score(&a, &c), Some(1), "two names of one country's government");
        let mut d = talks(4, Some("2014-01-22"), None, &["Iraqi government", "Jordan"]);
        d.governed = vec!["iraq".into()];
        assert_eq!(score(&a, &d), None, "another country's government");
        assert_eq!(score(&b, &d), None);
    }

    #[test]
    fn a_country_named_with_talks_may_be_their_subject() {
        let country = |name: &str| Some(Place { is_country: true, country: Some(name.to_lowercase()) });
        let mut a = talks(1, None, Some("Switzerland"), &["Syrian government"]);
        a.place = country("Switzerland");
        let mut b = talks(2, None, Some("Syria"), &["Syrian government"]);
        b.place = country("Syria");
        assert!(score(&a, &b).is_some(), "\"Syria talks\" in Switzerland");
        let m = derive(&[&a, &b]);
        assert_eq!(m.event.place.as_deref(), Some("Switzerland"));
        assert_eq!(m.conflicts.as_deref(), Some("place: Switzerland (01.txt); Syria (02.txt)"));
        let mut v = a.clone();
        v.event.to_mut().kind = Kind::Visit;
        let mut w = b.clone();
        w.event.to_mut().kind = Kind::Visit;
        assert_eq!(score(&v, &w), None, "a visit's country is where the visitor went");
        let mut geneva = talks(3, None, Some("Geneva"), &["Syrian government"]);
        geneva.place = Some(Place { is_country: false, country: Some("switzerland".into()) });
        let mut munich = talks(4, None, Some("Munich"), &["Syrian government"]);
        munich.place = Some(Place { is_country: false, country: Some("germany".into()) });
        assert_eq!(score(&geneva, &munich), None, "two cities");
    }

    #[test]
    fn planned_and_happened_never_merge() {
        let a = talks(1, Some("2014-01-24"), Some("Geneva"), &["John Kerry"]);
        let mut b = talks(2, Some("2014-01-24"), Some("Geneva"), &["John Kerry"]);
        b.event.to_mut().status = Status::Planned;
        assert_eq!(score(&a, &b), None);
        let mut c = b.clone();
        c.article_id = 3;
        c.event.to_mut().status = Status::Proposed;
        assert!(score(&b, &c).is_some(), "planned and proposed are one class");
    }

    #[test]
    fn a_city_agrees_with_its_country() {
        let mut a = talks(1, Some("2014-01-22"), Some("Montreux"), &["Ban Ki-moon"]);
        a.place = Some(Place { is_country: false, country: Some("switzerland".into()) });
        let mut b = talks(2, Some("2014-01-22"), Some("Switzerland"), &["Ban Ki-moon"]);
        b.place = Some(Place { is_country: true, country: Some("switzerland".into()) });
        assert!(score(&a, &b).is_some());
        assert_eq!(derive(&[&a, &b]).event.place.as_deref(), Some("Montreux"));
    }

    #[test]
    fn statements_need_the_same_speaker_and_shared_content() {
        let a =
            statement(1, "Sergei Lavrov", "\"We have no agreement on the destiny of Assad,\" Lavrov told reporters.");
        let b = statement(
            2,
            "Sergei Lavrov",
            "Sergei Lavrov said talks on Friday had failed to reach agreement over the fate of Bashar al-Assad.",
        );
        let c = statement(2, "Sergei Lavrov", "Mr Lavrov said he hoped for further compromises to end the civil war.");
        assert_eq!(score(&a, &b), Some(2), "{:?} {:?}", a.terms, b.terms);
        assert_eq!(score(&a, &c), None, "the same speaker on the same day, about something else");
        let k = statement(2, "John Kerry", "Kerry said talks had failed to reach agreement over the fate of Assad.");
        assert_eq!(score(&a, &k), None, "another speaker");
        // Terms leave out the speaker, places and their adjectives, and stop words; other names
        // stand for their actor however they are written.
        assert_eq!(a.terms.as_deref(), Some("@bashar_al-assad agree desti"));
        assert!(b.terms.as_deref().unwrap().contains("@bashar_al-assad"), "{:?}", b.terms);
        let s =
            statement(3, "Sergei Lavrov", "Lavrov said Syrian and Russian diplomats met in Damascus, TASS reported.");
        assert_eq!(s.terms.as_deref(), Some("diplo met"));
    }

    #[test]
    fn a_date_guessed_from_publication_meets_the_day_the_words_name() {
        // Both published on a Friday; one dated by "on Friday", the other by
        // the extractor's guess, Thursday, with no date words.
        let mut named =
            statement(1, "John Kerry", "Kerry said on Friday that the envoys agreed a cessation of hostilities.");
        named.published = Some(d("2016-02-12"));
        named.event.to_mut().date = Some(DateSpan::day(d("2016-02-12")));
        named.event.to_mut().date_text = Some("on Friday".into());
        let mut guessed =
            statement(2, "John Kerry", "Kerry and other leaders announced progress toward a cessation of hostilities.");
        guessed.published = Some(d("2016-02-12"));
        guessed.event.to_mut().date = Some(DateSpan::day(d("2016-02-11")));
        assert!(guessed.guessed_date() && !named.guessed_date());
        assert_eq!(guessed.window(), named.window().map(|(_, b)| (b - 1, b)));
        assert!(score(&named, &guessed).is_some(), "{:?} {:?}", named.terms, guessed.terms);
        let m = derive(&[&named, &guessed]);
        assert_eq!(m.event.date, Some(DateSpan::day(d("2016-02-12"))), "the named day, not a span of both");
        assert_eq!(m.conflicts, None);
        // A date in words keeps its own window: Thursday in words is not Friday.
        let mut thursday = guessed.clone();
        thursday.event.to_mut().date_text = Some("on Thursday".into());
        assert!(!thursday.guessed_date());
        assert_eq!(score(&named, &thursday), None);
        // A guessed date inside a named month: the guessed day, as before.
        let mut month = named.clone();
        month.event.to_mut().date =
            Some(DateSpan { start: d("2016-02-01"), end: d("2016-02-29"), precision: Precision::Month });
        guessed.event.to_mut().date = Some(DateSpan::day(d("2016-02-12")));
        assert_eq!(derive(&[&month, &guessed]).event.date, Some(DateSpan::day(d("2016-02-12"))));
    }

    #[test]
    fn two_common_words_among_many_are_no_same_statement() {
        // One speaker, one day, two remarks that share "military" and "parties"
        // among a dozen words each.
        let a = statement(
            1,
            "John Kerry",
            "Kerry said the organisers knew they had to get all parties connected with the military struggle to speak \
             with one voice, because then the groups inside will understand their duty.",
        );
        let b = statement(
            2,
            "John Kerry",
            "Kerry said the participants agreed to provide no further military support to the warring parties while a truce lasts.",
        );
        assert_eq!(score(&a, &b), None, "{:?} {:?}", a.terms, b.terms);
        // The same two words in a short report are most of what it says.
        let c = statement(3, "John Kerry", "Kerry said the military parties had to disarm.");
        assert!(score(&b, &c).is_some(), "{:?} {:?}", b.terms, c.terms);
    }

    #[test]
    fn two_remarks_naming_the_same_people_need_a_word_in_common() {
        let a =
            statement(1, "John Kerry", "Kerry said both Sergei Lavrov and Bashar al-Assad were \"tough partners\".");
        let b = statement(
            2,
            "John Kerry",
            "Kerry said that once Sergei Lavrov and Bashar al-Assad were ready to meet, Washington would host them.",
        );
        assert_eq!(score(&a, &b), None, "{:?} {:?}", a.terms, b.terms);
    }

    #[test]
    fn terms_leave_out_titles_and_the_speakers_own_body() {
        // "Secretary-General", "special envoy" and the United Nations say who
        // speaks, not what was said.
        let a = statement(
            1,
            "Ban Ki-moon",
            "UN Secretary-General Ban Ki-moon said the committee would be convened in the coming days.",
        );
        assert_eq!(a.terms.as_deref(), Some("comin commi conve"));
        let b = statement(1, "UN special envoy", "The UN special envoy said a committee would convene.");
        assert_eq!(b.terms.as_deref(), Some("commi conve"));
        // Said on Twitter is how, not what.
        let c = statement(1, "John Kerry", "Kerry said on Twitter that the truce holds.");
        assert_eq!(c.terms.as_deref(), Some("holds truce"));
        // The participants are the occasion's, as the meeting is: "parti" would
        // otherwise meet "parties".
        let d = statement(1, "John Kerry", "Kerry said all participants committed to refrain from interference.");
        assert_eq!(d.terms.as_deref(), Some("commi inter refra"));
    }

    /// The stored kind, name and country of a few names and aliases.
    fn lookup(name: &str) -> Option<(String, String, Option<String>)> {
        let row = |kind: &str, name: &str, country: Option<&str>| {
            Some((kind.to_string(), name.to_string(), country.map(String::from)))
        };
        match name {
            "UN" | "United Nations" => row("organisation", "United Nations", None),
            "Houthi" | "Houthis" => row("armed_group", "Houthis", Some("Yemen")),
            "Yemen" => row("country", "Yemen", Some("Yemen")),
            "John Kerry" | "Kerry" => row("person", "John Kerry", Some("United States")),
            _ => None,
        }
    }

    #[test]
    fn a_speaker_known_by_description_is_a_member_of_the_body_it_names() {
        let member =
            |group: &str| Some(Speaker { collective: false, group: Some(group.into()), described: true, person: None });
        assert_eq!(described_speaker("a spokesman for the Houthi group", lookup), member("houthis"));
        assert_eq!(described_speaker("UN envoy", lookup), member("united nations"));
        // The body a member is posted to is not theirs.
        assert_eq!(described_speaker("the UN envoy to Yemen", lookup), member("united nations"));
        assert_eq!(described_speaker("an aide to Kerry", lookup), None, "a person is no body");
        assert_eq!(described_speaker("a senior official", lookup), None);
    }

    #[test]
    fn a_spokesman_by_description_and_the_armed_group_are_one_speaker() {
        let mut body = statement(1, "Houthis", "On Friday the Houthis welcomed the truce in a Twitter post.");
        body.speaker = Some(speaker_from("armed_group", "Houthis", Some("Yemen")));
        assert!(body.speaker.as_ref().is_some_and(|s| s.collective), "an armed group speaks as a body");
        let mut spokesman = statement(
            2,
            "spokesman for the Houthi group",
            "In Sanaa, a spokesman for the Houthi group welcomed the announcement of a humanitarian truce.",
        );
        spokesman.speaker = described_speaker("spokesman for the Houthi group", lookup);
        assert!(score(&body, &spokesman).is_some(), "{:?} {:?}", body.terms, spokesman.terms);
        // A named person of the body is someone else than an unnamed one.
        let mut named = statement(3, "Abdul Salam", "Abdul Salam welcomed the announcement of a humanitarian truce.");
        named.speaker =
            Some(Speaker { collective: false, group: Some("houthis".into()), described: false, person: None });
        assert_eq!(score(&named, &spokesman), None);
        let m = derive(&[&spokesman, &body]);
        assert_eq!(m.event.speaker.as_deref(), Some("Houthis"), "a body over a description");
        // An armed group is no member of its country.
        let mut country = statement(4, "Yemen", "Yemen welcomed the announcement of a humanitarian truce.");
        country.speaker = Some(speaker_from("country", "Yemen", Some("Yemen")));
        assert_eq!(score(&body, &country), None);
    }

    #[test]
    fn two_descriptions_of_one_body_s_member_posted_abroad_are_one_speaker() {
        // multi-b 03 "The U.N. envoy to Yemen says" and 02 "the United
        // Nations envoy has said": the envoy is the UN's, not Yemen's, and
        // two unnamed members of one body may be one person.
        let mut a = statement(1, "UN envoy to Yemen", "The UN envoy to Yemen says the warring parties agreed a truce.");
        a.speaker = described_speaker("UN envoy to Yemen", lookup);
        let mut b = statement(
            2,
            "United Nations envoy",
            "The United Nations envoy has said the warring parties agreed a truce.",
        );
        b.speaker = described_speaker("United Nations envoy", lookup);
        assert!(score(&a, &b).is_some(), "{:?} {:?}", a.speaker, b.speaker);
        // A member of another body is someone else.
        let mut c = statement(3, "Houthi spokesman", "The Houthi spokesman says the warring parties agreed a truce.");
        c.speaker = described_speaker("Houthi spokesman", lookup);
        assert_eq!(score(&a, &c), None);
    }

    #[test]
    fn two_outlets_spellings_of_one_unknown_person_are_one_speaker() {
        // multi-b 02 "Mohammed Ali al-Houthi" and 04 "Muhammad Ali al-Houthi".
        let a = statement(
            1,
            "Mohammed Ali Tarkovi",
            "Mohammed Ali Tarkovi said the truce's credibility is in its implementation.",
        );
        let b = statement(
            2,
            "Muhammad Ali Tarkovi",
            "Muhammad Ali Tarkovi said the credibility of the truce is in implementation.",
        );
        assert!(score(&a, &b).is_some());
        // Another surname is another person.
        let c = statement(
            3,
            "Mohammed bin Nayef",
            "Mohammed bin Nayef said the truce's credibility is in its implementation.",
        );
        let d = statement(
            4,
            "Mohammed bin Salman",
            "Mohammed bin Salman said the truce's credibility is in its implementation.",
        );
        assert_eq!(score(&c, &d), None);
    }

    #[test]
    fn statements_link_only_to_the_best_match_in_each_article() {
        let a =
            statement(1, "John Kerry", "Kerry said Washington and Moscow agreed a deal to eliminate chemical weapons.");
        let b = statement(2, "John Kerry", "Kerry announced agreement on a framework to eliminate chemical weapons.");
        let c = statement(2, "John Kerry", "\"This framework to eliminate the weapons ends a threat,\" Kerry said.");
        let mut reports = vec![a, b, c];
        reports[2].ordinal = 1;
        let compatible: Vec<Link> = [(0, 1), (0, 2)]
            .into_iter()
            .filter_map(|(x, y)| score(&reports[x], &reports[y]).map(|s| Link { a: x, b: y, score: s }))
            .collect();
        assert_eq!(compatible.len(), 2, "both are compatible with the first");
        let links = select_links(&reports, &compatible);
        assert_eq!(links.len(), 1);
        assert_eq!((links[0].a, links[0].b), (0, 1));
    }

    #[test]
    fn tolls_keep_every_figure_and_show_the_lowest() {
        let mut a = report(1, Kind::DeathToll, "2015-10-30");
        a.event.to_mut().place = Some("Douma".into());
        a.event.to_mut().count = Some(45);
        a.event.to_mut().qualifier = Some(Qualifier::AtLeast);
        a.event.to_mut().date = Some(DateSpan::day(d("2015-10-30")));
        let mut b = a.clone();
        b.article_id = 2;
        b.article = "02.txt".into();
        b.event.to_mut().count = Some(60);
        b.event.to_mut().qualifier = Some(Qualifier::Exact);
        assert!(score(&a, &b).is_some(), "the same place and day: one incident");
        let m = derive(&[&b, &a]);
        assert_eq!((m.event.count, m.count_low, m.count_high), (Some(45), Some(45), Some(60)));
        assert_eq!(m.event.qualifier, Some(Qualifier::AtLeast));
        assert_eq!(m.conflicts.as_deref(), Some("count: 45 (01.txt); 60 (02.txt)"));
        let mut c = b.clone();
        c.event.to_mut().cumulative = true;
        assert_eq!(score(&a, &c), None, "a running total is not an incident");
    }

    #[test]
    fn a_count_in_the_perfect_joins_the_incident_s_count_of_the_same_figure() {
        // multi-d 13 "At least 100 people have been killed ... in twin car
        // bomb explosions" (a count as of the report) and 11 "two vehicle
        // bombs that exploded ... on Saturday left at least 100 persons dead".
        let mut incident = report(1, Kind::DeathToll, "2022-10-30");
        incident.event.to_mut().place = Some("Porto Lume".into());
        incident.event.to_mut().count = Some(100);
        incident.event.to_mut().date = Some(DateSpan::day(d("2022-10-29")));
        incident.event.to_mut().date_text = Some("on Saturday".into());
        let mut perfect = report(2, Kind::DeathToll, "2022-10-30");
        perfect.event.to_mut().place = Some("Kassala".into());
        perfect.place = Some(Place { is_country: true, country: Some("kassala".into()) });
        incident.place = Some(Place { is_country: false, country: Some("kassala".into()) });
        perfect.event.to_mut().count = Some(100);
        perfect.event.to_mut().cumulative = true;
        perfect.event.to_mut().date = Some(DateSpan::day(d("2022-10-30")));
        assert_eq!(score(&incident, &perfect), Some(2));
        assert_eq!(score(&perfect, &incident), Some(2));
        // Another figure, or a count over a named period, is another count.
        let mut other = perfect.clone();
        other.event.to_mut().count = Some(120);
        assert_eq!(score(&incident, &other), None);
        let mut period = perfect.clone();
        period.event.to_mut().date_text = Some("since 2011".into());
        assert_eq!(score(&incident, &period), None, "a count since 2011 is no incident's");
    }

    fn lookup_office(name: &str) -> Option<(String, String, Option<String>)> {
        let row = |kind: &str, name: &str, country: Option<&str>| {
            Some((kind.to_string(), name.to_string(), country.map(String::from)))
        };
        match name {
            "Marten Grimsby" | "Grimsby" => row("person", "Marten Grimsby", Some("Kassala")),
            "Ivo Tarkov" | "Tarkov" => row("person", "Ivo Tarkov", Some("Kassala")),
            "Kassala" => row("country", "Kassala", Some("Kassala")),
            "Veldran" => row("country", "Veldran", Some("Veldran")),
            _ => None,
        }
    }

    #[test]
    fn a_person_s_office_speaks_for_the_person() {
        // multi-d 09 "The office of Prime Minister Benjamin Netanyahu
        // confirmed the ceasefire" and 10 "A statement from Israeli Prime
        // Minister Benjamin Netanyahu's office said" (the person by name).
        let office = described_speaker("office of Prime Minister Marten Grimsby", lookup_office);
        assert_eq!(
            office,
            Some(Speaker {
                collective: false,
                group: Some("kassala".into()),
                described: true,
                person: Some("marten grimsby".into())
            })
        );
        assert_eq!(described_speaker("Grimsby\u{2019}s office", lookup_office), office);
        assert_eq!(described_speaker("the Kassala office of Grimsby", lookup_office), office, "the person's country");
        assert_eq!(described_speaker("Grimsby's envoy to Veldran", lookup_office), office, "posted abroad");
        assert_eq!(described_speaker("office of Grimsby and Tarkov", lookup_office), None, "two persons");
        assert_eq!(described_speaker("a Veldran aide of Grimsby", lookup_office), None, "another body");
        let text = "The cabinet approved the unconditional ceasefire, the security cabinet said.";
        let mut a = statement(1, "office of Prime Minister Marten Grimsby", text);
        a.speaker = office.clone();
        let mut b = statement(2, "Marten Grimsby", text);
        b.speaker = Some(speaker_from("person", "Marten Grimsby", Some("Kassala")));
        assert!(score(&a, &b).is_some());
        assert!(a.keys().iter().any(|&k| b.search_keys().iter().any(|&m| meet(k, m))), "the store finds it");
        let mut c = statement(3, "Grimsby's office", text);
        c.speaker = described_speaker("Grimsby's office", lookup_office);
        assert!(score(&a, &c).is_some(), "two descriptions of one person's office");
        // Another person of the country, or an unnamed member of it, is someone else.
        let mut t = statement(4, "Ivo Tarkov", text);
        t.speaker = Some(speaker_from("person", "Ivo Tarkov", Some("Kassala")));
        assert_eq!(score(&a, &t), None);
        let mut official = statement(5, "a Kassala official", text);
        official.speaker = described_speaker("a Kassala official", lookup_office);
        assert_eq!(score(&a, &official), None);
        // The country speaks as a body the person belongs to.
        let mut country = statement(6, "Kassala", text);
        country.speaker = Some(speaker_from("country", "Kassala", Some("Kassala")));
        assert!(score(&a, &country).is_some());
        assert_eq!(derive(&[&a, &b]).event.speaker.as_deref(), Some("Marten Grimsby"), "the name over the office");
    }

    #[test]
    fn derived_date_is_the_most_precise_every_report_allows() {
        let mut week = talks(1, None, Some("Geneva"), &["John Kerry"]);
        week.event.to_mut().date =
            Some(DateSpan { start: d("2013-11-18"), end: d("2013-11-24"), precision: Precision::Week });
        let day = talks(2, Some("2013-11-20"), Some("Geneva"), &["John Kerry"]);
        let m = derive(&[&week, &day]);
        assert_eq!(m.event.date, Some(DateSpan::day(d("2013-11-20"))));
        assert_eq!(m.conflicts, None);
        let other = talks(3, Some("2013-11-21"), Some("Geneva"), &["John Kerry"]);
        let m = derive(&[&day, &other]);
        let span = m.event.date.unwrap();
        assert_eq!((span.start, span.end), (d("2013-11-20"), d("2013-11-21")));
        assert_eq!(m.conflicts.as_deref(), Some("date: 2013-11-20 (02.txt); 2013-11-21 (03.txt)"));
    }

    #[test]
    fn derivation_does_not_depend_on_the_order_of_reports() {
        let a = talks(1, Some("2014-01-22"), Some("Geneva"), &["Sergei Lavrov", "John Kerry"]);
        let mut b = talks(2, None, None, &["John Kerry", "Lakhdar Brahimi"]);
        b.published = Some(d("2014-01-21"));
        let c = talks(3, Some("2014-01-22"), Some("Vienna"), &["John Kerry"]);
        let one = derive(&[&a, &b, &c]);
        assert_eq!(one, derive(&[&c, &a, &b]));
        assert_eq!(one.first_reported, Some(d("2014-01-21")));
        let names: Vec<&str> = one.event.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["John Kerry", "Lakhdar Brahimi", "Sergei Lavrov"]);
        assert_eq!((one.sources, one.outlets), (3, 3));
    }

    #[test]
    fn compatible_reports_have_keys_that_meet() {
        let meets = |a: &Report<'_>, b: &Report<'_>| {
            a.keys().iter().any(|k| b.keys().iter().any(|l| meet(*k, *l)))
                && a.search_keys().iter().any(|k| b.keys().contains(k))
                && b.search_keys().iter().any(|k| a.keys().contains(k))
        };
        let a = talks(1, Some("2014-01-22"), Some("Geneva"), &["Sergei Lavrov"]);
        let b = talks(2, None, Some("geneva"), &["Ban Ki-moon"]);
        assert!(score(&a, &b).is_some());
        assert!(meets(&a, &b));
        let us = Speaker { collective: true, group: Some("united states".into()), described: false, person: None };
        let american =
            Speaker { collective: false, group: Some("united states".into()), described: false, person: None };
        let mut kerry = statement(1, "John Kerry", "Kerry said the deal would eliminate chemical weapons.");
        kerry.speaker = Some(american.clone());
        let mut state =
            statement(2, "United States", "The United States said the deal would eliminate chemical weapons.");
        state.speaker = Some(us);
        assert!(score(&kerry, &state).is_some());
        assert!(meets(&kerry, &state));
        let mut obama = statement(2, "Barack Obama", "Obama said the deal would eliminate chemical weapons.");
        obama.speaker = Some(american);
        assert_eq!(score(&kerry, &obama), None);
        assert!(!meets(&kerry, &obama), "two Americans are not candidates through their country");
        // Stored hashes never change.
        assert_eq!(key(Kind::Talks, "p|geneva", Tag::Plain), 6310691551529561508);
        assert_ne!(key(Kind::Talks, "p|geneva", Tag::Plain), key(Kind::Visit, "p|geneva", Tag::Plain));
    }

    #[test]
    fn a_chain_through_a_missing_place_stops_at_a_conflict() {
        let geneva = talks(1, Some("2016-02-12"), Some("Geneva"), &["John Kerry"]);
        let nowhere = talks(2, Some("2016-02-12"), None, &["John Kerry", "Sergei Lavrov"]);
        let mut munich = talks(3, Some("2016-02-12"), Some("Munich"), &["Sergei Lavrov"]);
        munich.event.to_mut().actors.push(EventActor { name: "John Kerry".into(), role: Role::Participant });
        let reports = vec![geneva, nowhere, munich];
        let links: Vec<Link> = [(0, 1), (1, 2), (0, 2)]
            .into_iter()
            .filter_map(|(a, b)| score(&reports[a], &reports[b]).map(|score| Link { a, b, score }))
            .collect();
        assert_eq!(links.len(), 2, "Geneva and Munich are not compatible");
        // The placeless report joins the one it shares more with (Kerry and Lavrov: Munich).
        assert_eq!(cluster(&reports, &links), vec![vec![0], vec![1, 2]]);
        let reversed: Vec<Link> = links.iter().rev().copied().collect();
        assert_eq!(cluster(&reports, &reversed), vec![vec![0], vec![1, 2]]);
    }

    /// `link_order` sorts by canonical ranks as the canonical keys
    /// themselves sorted: over reports unpublished and published, in one
    /// article and several, two of them with one key, and links of two
    /// scores given in a scrambled order.
    #[test]
    fn links_are_ordered_by_their_ends_canonical_keys() {
        let mut reports: Vec<Report<'static>> = Vec::new();
        for (article, published, ordinal) in [
            (3, Some("2014-01-22"), 0),
            (1, None, 2),
            (2, Some("2014-01-21"), 1),
            (3, Some("2014-01-22"), 0),
            (1, None, 0),
        ] {
            let mut r = report(article, Kind::Talks, "2014-01-22");
            r.published = published.map(d);
            r.ordinal = ordinal;
            reports.push(r);
        }
        let mut links = Vec::new();
        for a in 0..reports.len() {
            for b in 0..reports.len() {
                if a != b && (a * 7 + b * 3) % 4 != 0 {
                    links.push(Link { a, b, score: 1 + ((a + b) % 2) as u32 });
                }
            }
        }
        links.reverse();
        let ends = |l: &Link| {
            let (x, y) = (reports[l.a].canonical(), reports[l.b].canonical());
            (x.min(y), x.max(y))
        };
        let mut expected: Vec<usize> = (0..links.len()).collect();
        expected
            .sort_by(|&l, &m| links[m].score.cmp(&links[l].score).then_with(|| ends(&links[l]).cmp(&ends(&links[m]))));
        assert_eq!(link_order(&reports, &links), expected);
    }

    #[test]
    fn groups_are_connected_components() {
        let mut g = Groups::new(5);
        g.join(3, 1);
        g.join(4, 3);
        assert_eq!(g.members(), vec![vec![0], vec![1, 3, 4], vec![2]]);
    }

    #[test]
    fn terms_are_compared_in_their_senses() {
        let senses = &dict().senses;
        assert_eq!(in_senses("truce agree cease begin start", senses), vec!["agree", "cease", "start"]);
        assert_eq!(in_senses("fire comme", senses), vec!["comme", "fire"], "only words that say the same thing");
        let truce =
            statement(1, "Deng Makuei", "Deng Makuei said the armies agreed to a truce that will begin at dawn.");
        let ceasefire = statement(2, "Deng Makuei", "Deng Makuei said the ceasefire agreed on would start on Sunday.");
        assert_eq!(score(&truce, &ceasefire), Some(3), "agree, cease, start");
    }

    #[test]
    fn a_later_senses_row_replaces_a_term_and_a_bad_one_names_its_line() {
        let built = Source::new("data/senses.tsv", "truce\tcease\n");
        let user = Source::new("mine/senses.tsv", "# mine\ntruce\tpause\nlull\tpause\n");
        let senses = Senses::parse(&[built.clone(), user]).unwrap();
        assert_eq!(in_senses("truce lull cease", &senses), vec!["cease", "pause"]);
        let bad = Source::new("mine/senses.tsv", "lull\tpause\nceasefire\tcease\n");
        let e = Senses::parse(&[built.clone(), bad]).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("mine/senses.tsv", 2), "{e}");
        let e = Senses::parse(&[built, Source::new("mine/senses.tsv", "lull\n")]).unwrap_err();
        assert!(e.message.contains("sense"), "{e}");
    }
}
