//! `chronicle report`: one self-contained HTML page of the events a filter
//! keeps. The page is built from plain data (this module and `charts`) by a
//! minijinja template (`report.html`), with its stylesheet and script inline:
//! it makes no network request, and without JavaScript it is an ordered list
//! of events with their evidence.
//!
//! Scale: every event counts in the charts and tables, but at most
//! `max_events` are listed one by one. Past that, each month lists its most
//! reported events, in proportion to its share of the whole, and counts the
//! rest; the page says so.

mod charts;
pub mod timelinejs;

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::export::thousands;
use crate::model::{DateSpan, Event, Kind, Precision, Qualifier, Status};
use crate::store::{ArticleInfo, EventFilter, Order, Store, StoredEvent};

/// Events listed one by one unless `--max-events` says otherwise.
pub const DEFAULT_MAX_EVENTS: u64 = 10_000;

/// Evidence sentences shown per event; `chronicle show ID` gives them all.
pub(crate) const MAX_EVIDENCE: usize = 3;

/// Rows of the "who met whom" tables.
const TOP: usize = 15;

/// Actors offered as suggestions in the page's actor filter.
const MAX_SUGGESTIONS: usize = 500;

const TEMPLATE: &str = include_str!("report.html");
const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// How the page is made, besides the filter.
#[derive(Clone, Debug)]
pub struct Options {
    /// Events listed one by one at most.
    pub max_events: usize,
    /// The page's title; a summary of the filter when none.
    pub title: Option<String>,
    /// The command line that made the page, shown in its header.
    pub command: String,
}

/// The largest page made: one that would be larger lists fewer events.
/// Under the 10 MB that mail servers commonly accept.
pub const MAX_PAGE_BYTES: usize = 9_000_000;

/// The page of the events `filter` keeps (its limit aside).
///
/// A page larger than `MAX_PAGE_BYTES` is made again with fewer events
/// listed, in proportion to the excess (evidence sentences vary in length,
/// so a page's size is known only once it is written). With the page, the
/// warning it carries when it aggregates, for the command to repeat.
pub fn render(store: &Store, filter: &EventFilter, options: &Options) -> anyhow::Result<(String, Option<String>)> {
    let mut env = minijinja::Environment::new();
    // Block tags leave no blank lines: 10,000 events would carry them all.
    env.set_syntax(minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build()?);
    env.add_filter("thousands", |n: u64| thousands(n));
    env.add_template("report.html", TEMPLATE)?;
    let template = env.get_template("report.html")?;
    let (events, articles) = read(store, filter)?;
    let mut max_events = options.max_events;
    loop {
        let page = Page::build(store, filter, &Options { max_events, ..options.clone() }, &events, articles)?;
        let html = template.render(minijinja::value::Serde(&page))?;
        if html.len() <= MAX_PAGE_BYTES || page.listed <= 1 {
            return Ok((html, page.warning));
        }
        max_events = ((page.listed as f64 * MAX_PAGE_BYTES as f64 / html.len() as f64 * 0.97) as usize).max(1);
    }
}

/// An event as the first pass keeps it: no evidence yet, only how much.
struct Summary {
    stored: StoredEvent,
    reports: usize,
}

#[derive(Serialize)]
struct Page {
    title: String,
    command: String,
    version: &'static str,
    style: minijinja::Value,
    script: minijinja::Value,
    corpus: CorpusOut,
    filters: Vec<String>,
    total: usize,
    listed: usize,
    dated: usize,
    articles: usize,
    warning: Option<String>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    actors: Vec<String>,
    places: Vec<String>,
    periods: Vec<PeriodOut>,
    overview: Option<charts::Overview>,
    tolls: Option<charts::Tolls>,
    toll_rows: Vec<TollRow>,
    toll_rows_note: Option<String>,
    participants: Vec<Ranked>,
    pairs: Vec<Ranked>,
    map: charts::Map,
}

#[derive(Serialize)]
struct CorpusOut {
    articles: String,
    outlets: String,
    first: Option<String>,
    last: Option<String>,
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct PeriodOut {
    key: String,
    label: String,
    total: usize,
    start: usize,
    events: Vec<EventOut>,
    unlisted: usize,
}

#[derive(Serialize)]
struct EventOut {
    id: i64,
    kind: &'static str,
    kind_label: &'static str,
    status: &'static str,
    date: String,
    datetime: Option<String>,
    precision: &'static str,
    date_text: Option<String>,
    detail: Option<String>,
    quote: Option<String>,
    place: Option<String>,
    actors: Vec<String>,
    data_actors: String,
    data_place: String,
    evidence: Vec<SourceOut>,
    reports: usize,
    more_evidence: usize,
}

/// One article's evidence for an event: its sentences, cited once.
#[derive(Serialize)]
struct SourceOut {
    sentences: Vec<String>,
    article: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
    /// Only web addresses become links (a `javascript:` URL from a manifest stays text).
    link: bool,
}

#[derive(Serialize)]
struct TollRow {
    id: i64,
    date: String,
    count: String,
    cumulative: bool,
    place: Option<String>,
}

#[derive(Serialize)]
struct Ranked {
    name: String,
    other: Option<String>,
    count: usize,
    percent: f64,
}

/// The events `filter` keeps, without their evidence, dated ones in date
/// order then the undated ones; and how many articles report them.
fn read(store: &Store, filter: &EventFilter) -> anyhow::Result<(Vec<Summary>, usize)> {
    let mut events = Vec::new();
    let mut articles = HashSet::new();
    let every = EventFilter { limit: None, ..filter.clone() };
    store.events(&every, |mut stored| {
        let reports = stored.event.mentions.len();
        stored.event.mentions = Vec::new();
        for (name, _) in stored.articles.drain(..) {
            articles.insert(name);
        }
        events.push(Summary { stored, reports });
        Ok(())
    })?;
    events.sort_by_key(|s| {
        let d = s.stored.event.date;
        (d.is_none(), d.map(|d| (d.start, d.end)), s.stored.id)
    });
    Ok((events, articles.len()))
}

impl Page {
    fn build(
        store: &Store,
        filter: &EventFilter,
        options: &Options,
        events: &[Summary],
        articles: usize,
    ) -> anyhow::Result<Page> {
        let total = events.len();
        let listed = choose_listed(events, options.max_events);
        let listed_count = listed.iter().filter(|l| **l).count();
        let warning = (listed_count < total).then(|| {
            format!(
                "This report covers {} events and lists {} of them (at most --max-events, and no more than fit \
                 in {} MB): each month lists its most reported events, in proportion to its share, and counts \
                 the rest. The charts and tables count every event. Narrow the report with --kind, --actor, \
                 --place, --since, --until or --status.",
                thousands(total as u64),
                thousands(listed_count as u64),
                MAX_PAGE_BYTES / 1_000_000
            )
        });
        let full = full_events(store, events, &listed)?;
        let periods = periods(events, &listed, full);

        let corpus = store.corpus()?;
        let coordinates = store.place_coordinates()?;
        let dated: Vec<&Event> = events.iter().filter_map(|s| s.stored.event.date.map(|_| &s.stored.event)).collect();
        let all: Vec<&Event> = events.iter().map(|s| &s.stored.event).collect();
        let (toll_rows, toll_rows_note) = toll_rows(events);
        let (participants, pairs) = who_met_whom(&all);
        Ok(Page {
            title: options.title.clone().unwrap_or_else(|| default_title(filter)),
            command: options.command.clone(),
            version: env!("CARGO_PKG_VERSION"),
            style: minijinja::Value::from_safe_string(STYLE.to_string()),
            script: minijinja::Value::from_safe_string(SCRIPT.to_string()),
            corpus: CorpusOut {
                articles: thousands(corpus.articles.max(0) as u64),
                outlets: thousands(corpus.outlets.max(0) as u64),
                first: corpus.first.as_deref().and_then(parse_day).map(day_label),
                last: corpus.last.as_deref().and_then(parse_day).map(day_label),
            },
            filters: filter_words(filter),
            total,
            listed: listed_count,
            dated: dated.len(),
            articles,
            warning,
            kinds: choices(Kind::ALL, &all, |e| e.kind, Kind::as_str, kind_label),
            statuses: choices(Status::ALL, &all, |e| e.status, Status::as_str, Status::as_str),
            actors: ranked_names(all.iter().flat_map(|e| e.actors.iter().map(|a| a.name.as_str())), MAX_SUGGESTIONS),
            places: ranked_names(all.iter().filter_map(|e| e.place.as_deref()), usize::MAX),
            periods,
            overview: charts::overview(&dated),
            tolls: charts::tolls(&dated),
            toll_rows,
            toll_rows_note,
            participants,
            pairs,
            map: charts::map(&all, &coordinates),
        })
    }
}

/// Which events are listed one by one (a flag per event, in `events` order):
/// all of them when they fit in `max`; else each month (the undated events
/// being one more) gets a share of `max` in proportion to its events (largest
/// remainders first), filled with its most reported events.
fn choose_listed(events: &[Summary], max: usize) -> Vec<bool> {
    if events.len() <= max {
        return vec![true; events.len()];
    }
    let groups = group_by_period(events);
    let total = events.len();
    let mut shares: Vec<(usize, usize, usize)> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let exact = max * g.len();
            (i, exact / total, exact % total)
        })
        .collect();
    let mut left = max - shares.iter().map(|s| s.1).sum::<usize>();
    shares.sort_by_key(|s| std::cmp::Reverse(s.2));
    for share in shares.iter_mut() {
        if left == 0 {
            break;
        }
        share.1 += 1;
        left -= 1;
    }
    let mut listed = vec![false; events.len()];
    for (i, quota, _) in shares {
        let mut members: Vec<usize> = groups[i].clone();
        members.sort_by_key(|&m| (std::cmp::Reverse(events[m].reports), m));
        for m in members.into_iter().take(quota) {
            listed[m] = true;
        }
    }
    listed
}

/// The indexes of `events` (sorted by date) in runs of one month each, the
/// undated ones last.
fn group_by_period(events: &[Summary]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut last = None;
    for (i, s) in events.iter().enumerate() {
        let key = period_key(s.stored.event.date);
        if last.as_ref() != Some(&key) {
            groups.push(Vec::new());
            last = Some(key);
        }
        groups.last_mut().expect("pushed above").push(i);
    }
    groups
}

fn period_key(date: Option<DateSpan>) -> Option<(i32, u32)> {
    date.map(|d| (d.start.year(), d.start.month()))
}

/// The listed events read again whole, evidence and all, as the page shows them.
fn full_events(store: &Store, events: &[Summary], listed: &[bool]) -> anyhow::Result<HashMap<i64, EventOut>> {
    let ids: Vec<i64> = events.iter().zip(listed).filter(|(_, l)| **l).map(|(s, _)| s.stored.id).collect();
    let mut full = HashMap::with_capacity(ids.len());
    let mut stored_events = Vec::with_capacity(ids.len());
    let these = EventFilter { ids: Some(ids), order: Order::Id, ..EventFilter::default() };
    store.events(&these, |stored| {
        stored_events.push(stored);
        Ok(())
    })?;
    let names: Vec<&str> = stored_events
        .iter()
        .flat_map(|s| s.articles.iter().take(MAX_EVIDENCE).map(|(name, _)| name.as_str()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let info = store.articles_named(Some(&names))?;
    for stored in &stored_events {
        full.insert(stored.id, event_out(stored, &info));
    }
    Ok(full)
}

fn periods(events: &[Summary], listed: &[bool], mut full: HashMap<i64, EventOut>) -> Vec<PeriodOut> {
    let mut out = Vec::new();
    let mut number = 1;
    for group in group_by_period(events) {
        let first = &events[group[0]].stored.event;
        let (key, label) = match first.date {
            Some(d) => (format!("{:04}-{:02}", d.start.year(), d.start.month()), month_label(d.start)),
            None => ("undated".to_string(), "Undated".to_string()),
        };
        let shown: Vec<EventOut> =
            group.iter().filter(|&&i| listed[i]).filter_map(|&i| full.remove(&events[i].stored.id)).collect();
        let period = PeriodOut {
            key,
            label,
            total: group.len(),
            start: number,
            unlisted: group.len() - shown.len(),
            events: shown,
        };
        number += period.events.len();
        out.push(period);
    }
    out
}

fn event_out(stored: &StoredEvent, info: &HashMap<String, ArticleInfo>) -> EventOut {
    let e = &stored.event;
    let actors: Vec<String> = e.actors.iter().map(|a| a.name.clone()).collect();
    let mut evidence: Vec<SourceOut> = Vec::new();
    for (m, (name, published)) in e.mentions.iter().zip(&stored.articles).take(MAX_EVIDENCE) {
        if let Some(source) = evidence.iter_mut().find(|s| s.article == *name) {
            source.sentences.push(m.sentence.clone());
            continue;
        }
        let meta = info.get(name);
        evidence.push(SourceOut {
            sentences: vec![m.sentence.clone()],
            article: name.clone(),
            title: meta.and_then(|a| a.title.clone()),
            outlet: meta.and_then(|a| a.source.clone()),
            published: published.as_deref().and_then(parse_day).map(day_label),
            url: meta.and_then(|a| a.url.clone()),
            link: meta.and_then(|a| a.url.as_deref()).is_some_and(is_web_address),
        });
    }
    EventOut {
        id: stored.id,
        kind: e.kind.as_str(),
        kind_label: kind_label(e.kind),
        status: e.status.as_str(),
        date: e.date.map_or_else(|| "undated".to_string(), date_label),
        datetime: e.date.map(|d| d.labels().0),
        precision: precision_word(e.date),
        date_text: e.date_text.clone(),
        detail: detail(e),
        quote: e.quote.clone(),
        place: e.place.clone(),
        data_actors: actors.iter().map(|a| a.to_lowercase()).collect::<Vec<_>>().join("|"),
        data_place: e.place.as_deref().unwrap_or("").to_lowercase(),
        actors,
        evidence,
        reports: e.mentions.len(),
        more_evidence: e.mentions.len().saturating_sub(MAX_EVIDENCE),
    }
}

fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// One line saying what happened, without the date: the kind, then `detail`.
pub(crate) fn headline(e: &Event) -> String {
    match (e.kind, detail(e)) {
        (kind, None) => kind_label(kind).to_string(),
        (Kind::Statement, Some(d)) => format!("Statement {d}"),
        (kind, Some(d)) => format!("{}: {d}", kind_label(kind)),
    }
}

/// What happened, beside its kind: "Sergei Lavrov, John Kerry in Geneva",
/// "by Walid al-Moallem", "more than 100,000 dead in Syria (cumulative)".
fn detail(e: &Event) -> Option<String> {
    let names = e.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ");
    let place = |word: &str| e.place.as_ref().map(|p| format!("{word} {p}"));
    let joined = |parts: &[Option<String>]| {
        let words: Vec<&str> = parts.iter().flatten().map(String::as_str).filter(|w| !w.is_empty()).collect();
        (!words.is_empty()).then(|| words.join(" "))
    };
    match e.kind {
        Kind::Talks => joined(&[Some(names), place("in")]),
        Kind::Visit => joined(&[Some(names), place("to")]),
        Kind::Statement => {
            e.speaker.clone().or_else(|| (!names.is_empty()).then_some(names)).map(|s| format!("by {s}"))
        }
        Kind::DeathToll => {
            let count = e.count.map_or_else(|| "an unknown number of".to_string(), |c| toll_words(c, e.qualifier));
            let cumulative = e.cumulative.then(|| "(cumulative)".to_string());
            joined(&[Some(format!("{count} dead")), place("in"), cumulative])
        }
    }
}

/// "more than 100,000", "about 40", "12".
pub fn toll_words(count: u64, qualifier: Option<Qualifier>) -> String {
    match qualifier_words(qualifier) {
        "" => thousands(count),
        q => format!("{q} {}", thousands(count)),
    }
}

fn qualifier_words(q: Option<Qualifier>) -> &'static str {
    match q {
        None | Some(Qualifier::Exact) => "",
        Some(Qualifier::MoreThan) => "more than",
        Some(Qualifier::AtLeast) => "at least",
        Some(Qualifier::About) => "about",
        Some(Qualifier::UpTo) => "up to",
        Some(Qualifier::LessThan) => "less than",
    }
}

fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Talks => "Talks",
        Kind::Visit => "Visit",
        Kind::Statement => "Statement",
        Kind::DeathToll => "Death toll",
    }
}

/// The values of `all` that some event has, with their labels and counts.
fn choices<T: Copy + PartialEq>(
    all: &[T],
    events: &[&Event],
    of: impl Fn(&Event) -> T,
    value: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|&v| Choice { value: value(v), label: label(v), count: events.iter().filter(|e| of(e) == v).count() })
        .filter(|c| c.count > 0)
        .collect()
}

/// Names by how often they occur (then by name), at most `max`.
fn ranked_names<'a>(names: impl Iterator<Item = &'a str>, max: usize) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for n in names {
        *counts.entry(n).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().take(max).map(|(n, _)| n.to_string()).collect()
}

/// Who took part in talks and visits most often, and which pairs met most.
fn who_met_whom(events: &[&Event]) -> (Vec<Ranked>, Vec<Ranked>) {
    let mut people: HashMap<&str, usize> = HashMap::new();
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for e in events.iter().filter(|e| matches!(e.kind, Kind::Talks | Kind::Visit)) {
        let mut names: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        for (i, a) in names.iter().enumerate() {
            *people.entry(a).or_default() += 1;
            for b in &names[i + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let rank = |items: Vec<(String, Option<String>, usize)>| -> Vec<Ranked> {
        let mut items = items;
        items.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
        items.truncate(TOP);
        let max = items.first().map_or(1, |i| i.2.max(1)) as f64;
        items
            .into_iter()
            .map(|(name, other, count)| Ranked {
                name,
                other,
                count,
                // Of the cell's width, leaving room for the number.
                percent: (count as f64 / max * 800.0).round() / 10.0,
            })
            .collect()
    };
    (
        rank(people.into_iter().map(|(n, c)| (n.to_string(), None, c)).collect()),
        rank(pairs.into_iter().map(|((a, b), c)| (a.to_string(), Some(b.to_string()), c)).collect()),
    )
}

/// Rows of the death-toll table: every toll when there are few, else the
/// largest, in date order.
fn toll_rows(events: &[Summary]) -> (Vec<TollRow>, Option<String>) {
    const MAX_ROWS: usize = 60;
    let mut tolls: Vec<&Summary> =
        events.iter().filter(|s| s.stored.event.kind == Kind::DeathToll && s.stored.event.count.is_some()).collect();
    let note = (tolls.len() > MAX_ROWS)
        .then(|| format!("The {MAX_ROWS} largest of {} tolls, in date order.", thousands(tolls.len() as u64)));
    if tolls.len() > MAX_ROWS {
        tolls.sort_by_key(|s| std::cmp::Reverse(s.stored.event.count));
        tolls.truncate(MAX_ROWS);
        tolls.sort_by_key(|s| (s.stored.event.date.is_none(), s.stored.event.date.map(|d| d.start), s.stored.id));
    }
    let rows = tolls
        .into_iter()
        .map(|s| {
            let e = &s.stored.event;
            TollRow {
                id: s.stored.id,
                date: e.date.map_or_else(|| "undated".to_string(), date_label),
                count: toll_words(e.count.unwrap_or(0), e.qualifier),
                cumulative: e.cumulative,
                place: e.place.clone(),
            }
        })
        .collect();
    (rows, note)
}

fn default_title(filter: &EventFilter) -> String {
    let words = filter_words(filter);
    if words.is_empty() {
        "Timeline of events".into()
    } else {
        format!("Timeline: {}", words.join(", "))
    }
}

/// The filter in words, one item per option given.
fn filter_words(filter: &EventFilter) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(k) = filter.kind {
        out.push(format!("kind {k}"));
    }
    if let Some(a) = &filter.actor {
        out.push(format!("actor {a}"));
    }
    if let Some(p) = &filter.place {
        out.push(format!("place {p}"));
    }
    if let Some(d) = filter.since {
        out.push(format!("since {d}"));
    }
    if let Some(d) = filter.until {
        out.push(format!("until {d}"));
    }
    if let Some(s) = filter.status {
        out.push(format!("status {s}"));
    }
    if let Some(a) = &filter.article {
        out.push(format!("article {a}"));
    }
    if let Some(t) = &filter.text {
        out.push(format!("text {t}"));
    }
    out
}

/// "January 2014".
fn month_label(d: NaiveDate) -> String {
    d.format("%B %Y").to_string()
}

/// "17 Jan 2014".
fn day_label(d: NaiveDate) -> String {
    format!("{} {}", d.day(), d.format("%b %Y"))
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A date as people write it, as precise as it is known: "17 Jan 2014",
/// "17–18 Dec 2012", "week of 18 Nov 2013", "January 2014", "2013".
pub fn date_label(span: DateSpan) -> String {
    let (s, e) = (span.start, span.end);
    match span.precision {
        Precision::Day | Precision::Unknown if s == e => day_label(s),
        Precision::Day | Precision::Unknown if (s.year(), s.month()) == (e.year(), e.month()) => {
            format!("{}\u{2013}{} {}", s.day(), e.day(), s.format("%b %Y"))
        }
        Precision::Day | Precision::Unknown if s.year() == e.year() => {
            format!("{} {} \u{2013} {} {}", s.day(), s.format("%b"), e.day(), e.format("%b %Y"))
        }
        Precision::Day | Precision::Unknown => format!("{} \u{2013} {}", day_label(s), day_label(e)),
        Precision::Week if s.iso_week() == e.iso_week() => format!("week of {}", day_label(monday(s))),
        Precision::Week => format!("weeks of {} \u{2013} {}", day_label(monday(s)), day_label(monday(e))),
        Precision::Month if (s.year(), s.month()) == (e.year(), e.month()) => month_label(s),
        Precision::Month if s.year() == e.year() => {
            format!("{} \u{2013} {}", s.format("%B"), month_label(e))
        }
        Precision::Month => format!("{} \u{2013} {}", month_label(s), month_label(e)),
        Precision::Year if s.year() == e.year() => s.year().to_string(),
        Precision::Year => format!("{}\u{2013}{}", s.year(), e.year()),
    }
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - chrono::Days::new(d.weekday().num_days_from_monday() as u64)
}

/// The precision as one word for the page: day, days, week, month, year.
fn precision_word(date: Option<DateSpan>) -> &'static str {
    match date {
        None => "none",
        Some(d) => match d.precision {
            Precision::Day | Precision::Unknown if d.start == d.end => "day",
            Precision::Day | Precision::Unknown => "days",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    fn span(a: &str, b: &str, precision: Precision) -> DateSpan {
        DateSpan { start: d(a), end: d(b), precision }
    }

    #[test]
    fn date_labels_show_their_precision() {
        assert_eq!(date_label(DateSpan::day(d("2014-01-17"))), "17 Jan 2014");
        assert_eq!(date_label(span("2012-12-17", "2012-12-18", Precision::Day)), "17\u{2013}18 Dec 2012");
        assert_eq!(date_label(span("2014-01-29", "2014-02-03", Precision::Day)), "29 Jan \u{2013} 3 Feb 2014");
        assert_eq!(date_label(span("2013-11-18", "2013-11-24", Precision::Week)), "week of 18 Nov 2013");
        assert_eq!(date_label(span("2014-01-01", "2014-01-31", Precision::Month)), "January 2014");
        assert_eq!(date_label(span("2013-01-01", "2013-04-30", Precision::Month)), "January \u{2013} April 2013");
        assert_eq!(date_label(span("2013-01-01", "2013-12-31", Precision::Year)), "2013");
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(toll_words(100_000, Some(Qualifier::MoreThan)), "more than 100,000");
        assert_eq!(toll_words(12, Some(Qualifier::Exact)), "12");
    }

    fn summary(id: i64, date: Option<&str>, reports: usize) -> Summary {
        let mut event = Event::new(Kind::Talks, Status::Happened);
        event.date = date.map(|s| DateSpan::day(d(s)));
        Summary { stored: StoredEvent { id, event, articles: Vec::new(), merged: Default::default() }, reports }
    }

    /// Past the budget, every month keeps a share in proportion to its size,
    /// filled with its most reported events, and the total is the budget.
    #[test]
    fn listing_past_the_budget_keeps_each_months_share_of_its_most_reported() {
        let mut events: Vec<Summary> = (0..30).map(|i| summary(i, Some("2013-01-10"), (i % 3) as usize)).collect();
        events.extend((30..40).map(|i| summary(i, Some("2013-02-10"), 1)));
        events.push(summary(40, None, 9));
        let listed = choose_listed(&events, 8);
        assert_eq!(listed.iter().filter(|l| **l).count(), 8);
        let january: Vec<usize> = (0..30).filter(|&i| listed[i]).collect();
        assert_eq!(january.len(), 6, "{listed:?}");
        assert!(january.iter().all(|&i| events[i].reports == 2), "{january:?}");
        assert_eq!((30..40).filter(|&i| listed[i]).count(), 2);
        assert!(choose_listed(&events, 100).iter().all(|l| *l));
    }
}
