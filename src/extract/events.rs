//! Events: triggers, modality, and assembling events with their mentions.
//!
//! Each sentence is read once into a [`Reading`]: the actors it names (from the
//! dictionary, from role descriptions like "the Russian foreign minister", from
//! names the dictionary does not know, and from pronouns), the places, the
//! trigger and cue words, the date expressions and the quoted spans. Each event
//! kind then has its rules over that reading. Candidates that report the same
//! event ("next week's talks", "the conference", a headline) are merged into one
//! event with several mentions.

use std::sync::Arc;

use super::dates::{self, Anchor, Tense, TimeExpr};
use super::entities::{self, Found, Index, Scan};
use super::sentences::Sentence;
use crate::dict::{ActorKind, CueKind, Dictionaries, TriggerRole};
use crate::model::{DateSpan, Event, EventActor, Kind, Mention, Qualifier, Role, Status};

/// An actor named in a sentence, with what we know of it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ActorSpan {
    start: usize,
    end: usize,
    /// Shared with the index (or with the article state for unknown names).
    name: Arc<str>,
    person: bool,
    agency: bool,
    country: Option<Arc<str>>,
}

/// A place named in a sentence.
#[derive(Clone, Debug)]
struct PlaceSpan {
    start: usize,
    end: usize,
    name: Arc<str>,
    /// Named by an adjective ("Lebanese") rather than by its name.
    adjective: bool,
    country: bool,
}

/// Everything the event rules need to know about one sentence.
struct Reading<'a> {
    text: &'a str,
    offset: usize,
    actors: Vec<ActorSpan>,
    places: Vec<PlaceSpan>,
    words: Vec<Found>,
    dates: Vec<TimeExpr>,
    quotes: Vec<(usize, usize)>,
}

impl Reading<'_> {
    fn in_quote(&self, i: usize) -> bool {
        self.quotes.iter().any(|&(s, e)| s <= i && i < e)
    }

    fn mention(&self) -> Mention {
        Mention { sentence: self.text.to_string(), start: self.offset, end: self.offset + self.text.len() }
    }

    /// Whether the text between `a` and `b` crosses into another clause.
    fn clause_break(&self, a: usize, b: usize) -> bool {
        let (a, b) = (a.min(b), a.max(b));
        self.text.get(a..b).is_none_or(separates_clauses)
    }

    fn actor_ending_at(&self, i: usize) -> Option<&ActorSpan> {
        self.actors.iter().filter(|a| a.end == i).max_by_key(|a| a.end - a.start)
    }

    fn actor_starting_at(&self, i: usize) -> Option<&ActorSpan> {
        self.actors.iter().filter(|a| a.start == i).max_by_key(|a| a.end - a.start)
    }
}

/// Words that open another clause (or report speech) after a space: with
/// ';' and '—', a gap that holds one separates two phrases.
const CLAUSE_WORDS: &[&[u8]] =
    &[b"that ", b"which ", b"who ", b"but ", b"said", b"says", b"while ", b"when ", b"whether "];

/// Whether a gap of text between two phrases holds a clause break: ';', '—',
/// or one of `CLAUSE_WORDS` after a space, in any ASCII case. No lower-case
/// copy: this runs for every pair of phrases a rule relates.
fn separates_clauses(gap: &str) -> bool {
    if gap.contains([';', '\u{2014}']) {
        return true;
    }
    let bytes = gap.as_bytes();
    bytes.iter().enumerate().any(|(i, &c)| {
        c == b' '
            && CLAUSE_WORDS.iter().any(|w| bytes.get(i + 1..i + 1 + w.len()).is_some_and(|r| r.eq_ignore_ascii_case(w)))
    })
}

/// What is remembered from sentence to sentence in one article.
#[derive(Default)]
struct ArticleState {
    last_person: Option<ActorSpan>,
    last_speaker: Option<ActorSpan>,
    /// Names the dictionary does not know, seen earlier: surname → full name.
    unknown: Vec<(String, Arc<str>)>,
    /// The country the article is mostly about, for tolls that name no place.
    main_country: Option<String>,
    /// The actors named so far, most recent last, each once.
    recent: Vec<ActorSpan>,
}

/// An event as found in one sentence, before merging.
#[derive(Clone, Debug)]
struct Candidate {
    event: Event,
    /// Position of the trigger in the article, for ordering.
    at: usize,
    /// "the talks", "next week's conference": refers back to an event already reported.
    anaphoric: bool,
    /// Only to be attached to an earlier event, never an event of its own.
    merge_only: bool,
    /// Which family of talks words: conference-like or meeting-like.
    family: u8,
    in_title: bool,
}

/// Finds the events of an article's cleaned text; `title` is its headline, whose
/// events join the body's reports of the same events.
pub fn find(
    text: &str,
    sentences: &[Sentence],
    dict: &Dictionaries,
    anchor: &Anchor,
    title: Option<&str>,
) -> Vec<Event> {
    let index = dict.index();
    let scans: Vec<Scan> = sentences.iter().map(|s| index.scan(s.text(text))).collect();
    let mut state = ArticleState { main_country: main_country(text, sentences, &scans, dict), ..Default::default() };
    let title_end = sentences.iter().take(3).find(|s| Some(s.text(text)) == title);
    let mut candidates = Vec::new();
    for (s, scan) in sentences.iter().zip(scans) {
        let reading = read(text, s, scan, dict, index, anchor, &mut state);
        let in_title = title_end.is_some_and(|t| t == s);
        let before = candidates.len();
        statement(&reading, dict, anchor, &mut state, &mut candidates);
        talks(&reading, dict, anchor, &mut candidates);
        visits(&reading, dict, anchor, &mut candidates);
        tolls(&reading, dict, anchor, &state, &mut candidates);
        for c in &mut candidates[before..] {
            c.in_title = in_title;
        }
        remember(&reading, &mut state);
    }
    merge(candidates)
}

/// The country most named in the article (by name or adjective).
fn main_country(text: &str, sentences: &[Sentence], scans: &[Scan], dict: &Dictionaries) -> Option<String> {
    let mut counts: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    for (n, (s, scan)) in sentences.iter().zip(scans).enumerate() {
        let found = &scan.names;
        let st = s.text(text);
        for f in found {
            let Some(p) = f.place().or(f.adjective()).filter(|&p| entities::is_country_place(dict, p)) else {
                continue;
            };
            if acts_as_subject(&st[f.end..]) {
                continue;
            }
            let prep = st[..f.start].trim_end().rsplit(' ').next().unwrap_or("");
            let weight = if ["in", "to", "across", "throughout", "inside"].contains(&prep) { 3 } else { 1 };
            *counts.entry(p).or_default() += if n == 0 { weight * 2 } else { weight };
        }
    }
    counts.into_iter().max_by_key(|&(p, n)| (n, std::cmp::Reverse(p))).map(|(p, _)| dict.places[p].name.clone())
}

fn remember(r: &Reading, state: &mut ArticleState) {
    if let Some(p) = r.actors.iter().rev().find(|a| a.person) {
        state.last_person = Some(p.clone());
    }
    for a in &r.actors {
        state.recent.retain(|x| x.name != a.name);
        state.recent.push(a.clone());
    }
    if state.recent.len() > RECENT_ACTORS {
        state.recent.drain(..state.recent.len() - RECENT_ACTORS);
    }
}

/// How many of the article's latest actors a description can refer back to.
const RECENT_ACTORS: usize = 40;

const PRONOUNS: &[&str] = &["he", "she", "his", "her", "him"];

fn read<'a>(
    text: &'a str,
    s: &Sentence,
    Scan { names, words, titles }: Scan,
    dict: &Dictionaries,
    index: &Index,
    anchor: &Anchor,
    state: &mut ArticleState,
) -> Reading<'a> {
    let st = s.text(text);
    // Only the event rules read dates, and each needs a trigger word: a
    // sentence without one (most sentences of most articles) skips the search.
    let has_trigger = words.iter().any(|w| w.targets.iter().any(|t| matches!(t, entities::Target::Trigger(_))));
    let dates = if has_trigger { dates::find(st, &dict.dates) } else { Vec::new() };
    let quotes = quotes(st);
    let mut actors = Vec::new();
    let mut places = Vec::new();
    for f in &names {
        if let Some(a) = f.actor() {
            let actor = &dict.actors[a];
            actors.push(ActorSpan {
                start: f.start,
                end: f.end,
                name: index.actor_name(a).clone(),
                person: actor.kind == ActorKind::Person,
                agency: actor.kind == ActorKind::Agency,
                country: index.actor_country(a).cloned(),
            });
        }
        if let Some(p) = f.place().or(f.adjective()) {
            places.push(PlaceSpan {
                start: f.start,
                end: f.end,
                name: index.place_name(p).clone(),
                adjective: f.place().is_none(),
                country: entities::is_country_place(dict, p),
            });
        }
    }
    capitals(st, index, state, &mut places);
    // Governments named through their country: "Syria's government", "the Syrian regime".
    for p in &places {
        let rest = &st[p.end..];
        let rest = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("\u{2019}s")).unwrap_or(rest);
        for head in [" government", " regime", " leadership", " authorities"] {
            if rest.starts_with(head) && !actors.iter().any(|a| a.start <= p.start && p.end <= a.end && a.end > p.end) {
                let end = p.end + (st[p.end..].len() - rest.len()) + head.len();
                actors.retain(|a| !(a.start >= p.start && a.end <= end));
                let name = government_of(dict, &p.name);
                actors.push(ActorSpan {
                    start: p.start,
                    end,
                    name: name.into(),
                    person: false,
                    agency: false,
                    country: Some(p.name.clone()),
                });
            }
        }
    }
    roles(st, index.role_mentions_in(&titles), index, dict, anchor, &places, &mut actors, state);
    // Names the dictionary does not know, and their surnames later on.
    let speech: Vec<(usize, usize)> = words
        .iter()
        .filter(|w| entities::has_trigger(dict, w, Kind::Statement, TriggerRole::Trigger))
        .map(|w| (w.start, w.end))
        .chain(st.match_indices(" as saying").map(|(i, m)| (i, i + m.len())))
        .collect();
    for (a, b) in entities::unknown_names(st, &names, &speech) {
        if actors.iter().any(|x| x.start < b && a < x.end) {
            continue;
        }
        let full = st[a..b].to_string();
        if let Some(surname) = full.split_whitespace().last() {
            if !state.unknown.iter().any(|(s, _)| s == surname) {
                state.unknown.push((surname.to_string(), Arc::from(full.as_str())));
            }
        }
        actors.push(ActorSpan { start: a, end: b, name: full.into(), person: true, agency: false, country: None });
    }
    for (surname, full) in &state.unknown {
        for (i, _) in st.match_indices(surname.as_str()) {
            let end = i + surname.len();
            let bounded = st[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                && st[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if bounded && !actors.iter().any(|x| x.start < end && i < x.end) {
                actors.push(ActorSpan {
                    start: i,
                    end,
                    name: full.clone(),
                    person: true,
                    agency: false,
                    country: None,
                });
            }
        }
    }
    actors.sort_by_key(|a| (a.start, a.end));
    descriptions(st, &words, &quotes, dict, index, anchor, &mut actors, state);
    // Pronouns: the nearest person before them in this sentence, else the last one before.
    let mut pronouns = Vec::new();
    for (i, w) in pronoun_words(st) {
        let Some(lower) = PRONOUNS.iter().copied().find(|p| p.eq_ignore_ascii_case(w)) else { continue };
        if !in_spans(&quotes, i) {
            let near = actors.iter().rev().find(|a| a.person && a.end <= i && !in_spans(&quotes, a.start)).cloned();
            let referent = near.or_else(|| {
                if lower == "he" || lower == "she" {
                    state.last_speaker.clone().filter(|a| a.person).or_else(|| state.last_person.clone())
                } else {
                    state.last_person.clone()
                }
            });
            if let Some(r) = referent {
                pronouns.push(ActorSpan { start: i, end: i + w.len(), ..r });
            }
        }
    }
    actors.extend(pronouns);
    actors.sort_by_key(|a| (a.start, a.end));
    Reading { text: st, offset: s.start, actors, places, words, dates, quotes }
}

/// "The Russian capital", "Syria's capital", "the capital of Syria", and a bare
/// "the capital" (of the country the article is about) name the capital city:
/// they become a place over the whole phrase, replacing the country in it. When
/// a name follows ("the capital, Damascus") that name is the place already.
fn capitals(st: &str, index: &Index, state: &ArticleState, places: &mut Vec<PlaceSpan>) {
    if !st.contains("apital") {
        return;
    }
    let lower = st.to_ascii_lowercase();
    let mut found = false;
    for (i, _) in lower.match_indices("capital") {
        let end = i + "capital".len();
        let bounded = lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            && lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !bounded {
            continue;
        }
        let before = st[..i].trim_end();
        let owner = before.strip_suffix("'s").or_else(|| before.strip_suffix("\u{2019}s")).unwrap_or(before);
        let of_country =
            lower[end..].starts_with(" of ").then(|| places.iter().find(|p| p.country && p.start == end + 4));
        let bare = lower[..i].ends_with("the ");
        let (country, start, stop) = if let Some(p) = places.iter().find(|p| p.country && p.end == owner.len()) {
            (Some(p.name.clone()), p.start, end)
        } else if let Some(Some(p)) = of_country {
            (Some(p.name.clone()), i, p.end)
        } else if bare {
            (state.main_country.as_deref().map(Arc::from), i, end)
        } else {
            continue;
        };
        // A name follows ("the Russian capital, Moscow"): the phrase is that place.
        let after = st[stop..].trim_start_matches([',', ' ']);
        let after_at = st.len() - after.len();
        if places.iter().any(|p| p.start == after_at && !p.country) {
            places.retain(|p| p.end <= start || p.start >= stop);
            if let Some(named) = places.iter_mut().find(|p| p.start == after_at) {
                named.start = start;
            }
            found = true;
            continue;
        }
        let Some(capital) = country.and_then(|c| index.capital_of(&c)) else { continue };
        places.retain(|p| p.end <= start || p.start >= stop);
        places.push(PlaceSpan {
            start,
            end: stop,
            name: index.place_name(capital).clone(),
            adjective: false,
            country: false,
        });
        found = true;
    }
    if found {
        places.sort_by_key(|p| p.start);
    }
}

/// Bare definite descriptions ("the minister", "the foreign minister", "the
/// envoy", "the coalition"; the head nouns are `anaphor` cues) name the latest
/// actor they fit, in this sentence before them or earlier in the article: a
/// person whose role on the publication date holds the description's words, or
/// an actor whose name holds them. A description with a country ("the Russian
/// foreign minister") or a name after it ("the envoy, Lakhdar Brahimi") is
/// read elsewhere.
#[allow(clippy::too_many_arguments)]
fn descriptions(
    st: &str,
    words: &[Found],
    quotes: &[(usize, usize)],
    dict: &Dictionaries,
    index: &Index,
    anchor: &Anchor,
    actors: &mut Vec<ActorSpan>,
    state: &ArticleState,
) {
    let mut found = Vec::new();
    for w in words.iter().filter(|w| entities::cues(dict, w).any(|k| k == CueKind::Anaphor)) {
        if in_spans(quotes, w.start) || actors.iter().any(|a| a.start < w.end && w.start < a.end) {
            continue;
        }
        let after = st[w.end..].trim_start_matches(',').trim_start();
        if after.starts_with(|c: char| c.is_uppercase()) || after.starts_with("of ") || after.starts_with('-') {
            continue;
        }
        // "the", then at most two lower-case modifiers, then the head.
        let mut desc: Vec<&str> = vec![&st[w.start..w.end]];
        let mut start = None;
        for (i, word) in words_backwards(&st[..w.start]).take(3) {
            if word.eq_ignore_ascii_case("the") {
                start = Some(i);
                break;
            }
            if !word.chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
            desc.push(word);
        }
        let Some(start) = start else { continue };
        let day = anchor.published;
        let fits = |a: &&ActorSpan| describes(dict, index, &a.name, &desc, day);
        let near = actors.iter().rev().filter(|a| a.end <= start).find(fits);
        let Some(referent) = near.or_else(|| state.recent.iter().rev().find(fits)) else { continue };
        found.push(ActorSpan { start, end: w.end, ..referent.clone() });
    }
    actors.extend(found);
    actors.sort_by_key(|a| (a.start, a.end));
}

/// Whether every word of a description ("foreign", "minister") is in a role the
/// actor holds on `day`, or in its name or an alias.
fn describes(dict: &Dictionaries, index: &Index, name: &str, desc: &[&str], day: Option<chrono::NaiveDate>) -> bool {
    let Some(i) = index.actor_named(name) else { return false };
    let actor = &dict.actors[i];
    let holds = |text: &str| {
        desc.iter().all(|d| text.split(|c: char| !c.is_alphanumeric() && c != '-').any(|t| t.eq_ignore_ascii_case(d)))
    };
    actor.roles.iter().any(|r| r.holds_on(day) && holds(&r.title))
        || std::iter::once(&actor.name).chain(&actor.aliases).any(|n| holds(n))
}

/// The government actor of a country, or the country itself when the dictionary has none.
fn government_of(dict: &Dictionaries, country: &str) -> String {
    dict.actors
        .iter()
        .find(|a| a.kind == ActorKind::Government && a.country.as_deref() == Some(country))
        .map(|a| a.name.clone())
        .unwrap_or_else(|| country.to_string())
}

/// Role descriptions: "the Russian foreign minister", "Syria's deputy foreign
/// minister", "his Syrian counterpart". A definite one is the person who held the
/// role on the publication date; an indefinite one ("a Syrian deputy foreign
/// minister") stands for the country. A title followed by a name is left to the name.
#[allow(clippy::too_many_arguments)]
fn roles(
    st: &str,
    mentions: Vec<(usize, usize, &str)>,
    index: &Index,
    dict: &Dictionaries,
    anchor: &Anchor,
    places: &[PlaceSpan],
    actors: &mut Vec<ActorSpan>,
    state: &ArticleState,
) {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (i, end, title) in mentions {
        if taken.iter().any(|&(a, b)| a < end && i < b) {
            continue;
        }
        // A name right after the title ("Foreign Minister Sergei Lavrov", "counterpart, Kamel Amro").
        let after = st[end..].trim_start_matches([',', ' ']);
        let gap = st.len() - after.len();
        let next_word = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let names_follow = after.starts_with(|c: char| c.is_uppercase())
            && !entities::is_not_name_word(next_word)
            && !places.iter().any(|p| p.start == gap);
        if actors.iter().any(|a| a.start == gap) || names_follow {
            taken.push((i, end));
            continue;
        }
        // What stands before: a country (adjective or possessive), a determiner.
        let before = &st[..i];
        let country = places.iter().filter(|p| p.country && p.end <= i).find(|p| {
            let between = &st[p.end..i];
            let between = between.trim_start_matches("'s").trim_start_matches("\u{2019}s");
            between.split_whitespace().all(|w| w == "deputy" || w == "acting" || w == "then") && between.len() < 12
        });
        let start = country.map(|p| p.start).unwrap_or(i);
        let det = lower_cow(before[..start.min(before.len())].trim_end().rsplit(' ').next().unwrap_or(""));
        let indefinite = det == "a" || det == "an";
        let day = anchor.published;
        let mut role = title;
        if title == "counterpart" {
            // The counterpart holds the same role as the person it is counterpart to.
            let other = actors.iter().rev().find(|a| a.person && a.end <= i).or(state.last_person.as_ref());
            let Some(other) = other else { continue };
            let Some(other_idx) = index.actor_named(&other.name) else { continue };
            let Some(r) = dict.actors[other_idx].roles.iter().find(|r| r.holds_on(day)) else { continue };
            role = r.title.as_str();
        }
        taken.push((start, end));
        let country_name = country.map(|c| c.name.clone());
        if indefinite {
            if let Some(c) = country_name {
                actors.push(ActorSpan { start, end, name: c.clone(), person: false, agency: false, country: Some(c) });
            }
            continue;
        }
        if let Some(a) = index.role_holder(dict, role, country_name.as_deref(), day) {
            let actor = &dict.actors[a];
            actors.push(ActorSpan {
                start,
                end,
                name: index.actor_name(a).clone(),
                person: actor.kind == ActorKind::Person,
                agency: false,
                country: index.actor_country(a).cloned(),
            });
        }
    }
}

fn in_spans(spans: &[(usize, usize)], i: usize) -> bool {
    spans.iter().any(|&(s, e)| s <= i && i < e)
}

/// The words of `word_spans` that are `PRONOUNS`, in any case, with their
/// offsets. Every pronoun has an 'h' (first, or second in "she"): only the
/// words around one are looked at, not every word of the sentence.
fn pronoun_words(st: &str) -> Vec<(usize, &str)> {
    let bytes = st.as_bytes();
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-';
    let word_char_before = |i: usize| match i.checked_sub(1).map(|k| bytes[k]) {
        None => false,
        Some(b) if b < 0x80 => is_word_byte(b),
        Some(_) => st[..i].chars().next_back().is_some_and(|c| is_word_char(c, 0, None)),
    };
    let word_char_after = |i: usize| match bytes.get(i) {
        None => false,
        Some(&b) if b < 0x80 => is_word_byte(b),
        Some(_) => st[i..].chars().next().is_some_and(|c| is_word_char(c, 0, None)),
    };
    let mut out = Vec::new();
    for h in (0..bytes.len()).filter(|&k| bytes[k] | 0x20 == b'h') {
        // "she" starts at the 's' before its 'h'; the others at the 'h'.
        let she = h.checked_sub(1).filter(|&k| bytes[k] | 0x20 == b's');
        for start in [she, Some(h)].into_iter().flatten() {
            if word_char_before(start) {
                continue;
            }
            // The ASCII letters from `start`: a pronoun is two or three of them.
            let len = bytes[start..].iter().take(4).take_while(|b| b.is_ascii_alphabetic()).count();
            let end = start + len;
            if (2..=3).contains(&len) && !word_char_after(end) {
                let w = &st[start..end];
                if PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w)) {
                    out.push((start, w));
                }
            }
        }
    }
    out
}

/// Quoted spans of a sentence, straight or curly.
fn quotes(st: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = st.as_bytes();
    // Only '"' and the curly quotes (led by 0xE2, never inside another
    // character) are decoded.
    for i in (0..bytes.len()).filter(|&k| matches!(bytes[k], b'"' | 0xE2)) {
        let Some(c) = st[i..].chars().next() else { break };
        match (c, open) {
            ('"', None) | ('\u{201c}', None) => open = Some(i),
            ('"', Some(s)) | ('\u{201d}', Some(s)) => {
                out.push((s, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push((s, st.len()));
    }
    out
}

/// Words (letters, digits, apostrophes, hyphens) with their byte offsets.
#[cfg(test)] // the reference for `words_backwards` and `pronoun_words`
fn word_spans(st: &str) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    spans(st, is_word_char).into_iter()
}

/// `word_spans(st).rev()`, found lazily from the end: a caller that wants the
/// last few words does not split the whole text.
fn words_backwards(st: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = st.char_indices().rev().peekable();
    std::iter::from_fn(move || {
        let (mut start, last) = chars.find(|&(_, c)| is_word_char(c, 0, None))?;
        let end = start + last.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c, 0, None) {
                break;
            }
            start = i;
            chars.next();
        }
        Some((start, &st[start..end]))
    })
}

fn is_word_char(c: char, _: usize, _: Option<usize>) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-' || c == '\u{2019}'
}

/// Runs of characters that `inside(c, offset, run start)` keeps together, with their byte offsets.
fn spans(st: &str, inside: impl Fn(char, usize, Option<usize>) -> bool) -> Vec<(usize, &str)> {
    let bytes = st.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII without decoding: most of the text.
        let (c, len) = match bytes[i] {
            b @ 0..0x80 => (char::from(b), 1),
            _ => {
                let c = st[i..].chars().next().unwrap_or_default();
                (c, c.len_utf8())
            }
        };
        match (inside(c, i, start), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &st[s..i]));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((s, &st[s..]));
    }
    out
}

fn status_cue_before(r: &Reading, dict: &Dictionaries, i: usize, reach: usize) -> Option<Status> {
    r.words
        .iter()
        .filter(|w| w.end <= i && i - w.end <= reach && !r.clause_break(w.end, i))
        .rev()
        .find_map(|w| entities::cues(dict, w).find_map(|c| if let CueKind::Status(s) = c { Some(s) } else { None }))
}

/// The date expression that belongs to a trigger at `start..end`: right after it
/// in the same clause, or right before it ("next week's talks").
fn date_near<'r>(r: &'r Reading, start: usize, end: usize, after_reach: usize) -> Option<&'r TimeExpr> {
    let after = r
        .dates
        .iter()
        .filter(|d| !d.since && d.start >= end && d.start - end <= after_reach && !r.clause_break(end, d.start))
        .min_by_key(|d| d.start);
    let before = r
        .dates
        .iter()
        .filter(|d| !d.since && d.end <= start && start - d.end <= 14 && !r.clause_break(d.end, start))
        .max_by_key(|d| d.end);
    match (before, after) {
        (Some(b), Some(a)) => Some(if start - b.end <= a.start - end { b } else { a }),
        (b, a) => b.or(a),
    }
}

fn place_near<'r>(r: &'r Reading, start: usize, end: usize, reach: usize) -> Option<&'r PlaceSpan> {
    let after = r
        .places
        .iter()
        .filter(|p| !p.adjective && p.start >= end && p.start - end <= reach && !r.clause_break(end, p.start))
        .filter(|p| !is_possessor(r, p) && locative(r, p.start))
        .min_by_key(|p| p.start);
    // "the Rome meeting", "Geneva talks"
    let before = r.places.iter().find(|p| !p.adjective && p.end <= start && start - p.end <= 1);
    before.or(after)
}

/// Verbs that make a place name before them an actor ("Damascus is to blame",
/// "Russia says"): a capital or a country speaking, not a location.
const METONYMY_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "must",
    "should",
    "announced",
    "agreed",
    "called",
    "insisted",
    "wants",
    "rejected",
    "welcomed",
    "warned",
    "urged",
    "accused",
    "denied",
    "supports",
    "backs",
    "blocked",
    "vetoed",
    "sent",
    "hopes",
    "believes",
    "considers",
];

fn acts_as_subject(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ']);
    let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    METONYMY_VERBS.contains(&next)
}

/// Whether a place at `i` follows a preposition of location ("in Geneva").
fn locative(r: &Reading, i: usize) -> bool {
    let before = r.text[..i].trim_end();
    let word = lower_cow(before.rsplit(' ').next().unwrap_or(""));
    ["in", "at", "to", "near", "inside", "outside", "across", "throughout", "from", "into", "around", "the"]
        .contains(&&*word)
}

/// A place followed by 's names an owner ("Russia's envoy"), not a location.
fn is_possessor(r: &Reading, p: &PlaceSpan) -> bool {
    let rest = &r.text[p.end..];
    rest.starts_with("'s") || rest.starts_with("\u{2019}s") || rest.starts_with("-backed")
}

/// The tense that places a trigger's date: a planning or proposing cue looks
/// ahead, a trigger that says it happened looks back, else the date's own clause.
fn trigger_tense(
    r: &Reading,
    dict: &Dictionaries,
    at: usize,
    cue: Option<Status>,
    implied: Option<Status>,
    date: Option<&TimeExpr>,
) -> Tense {
    match (cue, implied) {
        (Some(Status::Planned) | Some(Status::Proposed), _) => Tense::Future,
        (_, Some(Status::Happened)) => Tense::Past,
        _ => date
            .map(|d| dates::tense_at(r.text, d.start, d.end, &dict.dates))
            .unwrap_or_else(|| dates::tense_of(clause_text(r, at), &dict.dates)),
    }
}

fn tense_status(tense: Tense) -> Status {
    match tense {
        Tense::Future => Status::Planned,
        _ => Status::Happened,
    }
}

/// Planned when the date is after publication, happened when before.
fn status_from_date(date: Option<DateSpan>, anchor: &Anchor) -> Option<Status> {
    let (d, p) = (date?, anchor.published?);
    if d.start > p {
        Some(Status::Planned)
    } else if d.end < p {
        Some(Status::Happened)
    } else {
        None
    }
}

fn clause_text<'r>(r: &'r Reading, around: usize) -> &'r str {
    let start = r.text[..around].rfind([',', ';']).map(|i| i + 1).unwrap_or(0);
    let end = r.text[around..].find([',', ';']).map(|i| around + i).unwrap_or(r.text.len());
    &r.text[start..end]
}

/// Actors of a talks event: every actor of the sentence but news agencies and
/// whoever reports it in a closing attribution (", the ministry said").
fn actors_of(r: &Reading, dict: &Dictionaries, role: Role) -> Vec<EventActor> {
    let reporter = attribution_start(r, dict).unwrap_or(r.text.len());
    let mut out: Vec<EventActor> = Vec::new();
    for a in r.actors.iter().filter(|a| !a.agency && a.start < reporter) {
        if !out.iter().any(|o| *o.name == *a.name) {
            out.push(EventActor { name: a.name.to_string(), role });
        }
    }
    out
}

/// Where a closing attribution starts: after the last comma, a short clause
/// (at most eight words) that ends with a speech verb (", the ministry said")
/// or starts with one (", said Lavrov"), or "according to ...".
fn attribution_start(r: &Reading, dict: &Dictionaries) -> Option<usize> {
    let body = r.text.trim_end_matches(|c: char| c == '.' || c == '"' || c == '\u{201d}' || c.is_whitespace());
    let comma = body.rfind(',')?;
    let tail = body[comma + 1..].trim_start();
    let tail_at = body.len() - tail.len();
    if tail.split_whitespace().count() > 8 || in_spans(&r.quotes, comma) {
        return None;
    }
    if tail.to_ascii_lowercase().starts_with("according to ") {
        return Some(comma);
    }
    r.words
        .iter()
        .filter(|w| w.start >= tail_at && entities::has_trigger(dict, w, Kind::Statement, TriggerRole::Trigger))
        .any(|w| w.end == body.len() || w.start == tail_at)
        .then_some(comma)
}

fn set_date(ev: &mut Event, e: Option<&TimeExpr>, tense: Tense, anchor: &Anchor, dict: &Dictionaries) {
    if let Some(e) = e {
        ev.date = dates::resolve(e, tense, anchor, &dict.dates);
        ev.date_text = Some(e.text.clone());
    }
}

// ---------------------------------------------------------------- statements

/// Words that head a description of a speaker ("a representative of ...").
const SPEAKER_NOUNS: &[&str] = &[
    "representative",
    "representatives",
    "source",
    "sources",
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "coordinator",
    "activist",
    "activists",
    "minister",
    "envoy",
    "leader",
    "leaders",
    "commander",
    "member",
    "members",
    "ministry",
    "government",
    "observer",
    "monitor",
    "monitors",
    "group",
    "opposition",
    "rebels",
    "analyst",
    "expert",
    "witness",
    "witnesses",
    "residents",
    "statement",
    "president",
    "mediator",
    "negotiator",
    "delegation",
    "military",
    "army",
    "aide",
    "adviser",
];

/// Adverbs and auxiliaries that can stand between a speaker and the verb.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "later",
    "again",
    "earlier",
    "both",
    "repeatedly",
    "reportedly",
    "publicly",
    "has",
    "have",
    "had",
    "was",
    "is",
    "then",
    "previously",
    "strongly",
    "once",
    "further",
    "separately",
    "himself",
    "herself",
    "too",
    "recently",
    "already",
    "openly",
    "privately",
    "jointly",
    "still",
    "had",
    "subsequently",
    "immediately",
];

struct SpeechAct {
    at: usize,
    end: usize,
    speaker: Option<ActorSpan>,
    description: Option<String>,
    present: bool,
    final_attribution: bool,
}

fn statement(r: &Reading, dict: &Dictionaries, anchor: &Anchor, state: &mut ArticleState, out: &mut Vec<Candidate>) {
    let mut acts: Vec<SpeechAct> = Vec::new();
    for w in &r.words {
        let Some((_, t)) = entities::triggers(dict, w).find(|(_, t)| t.kind == Kind::Statement) else { continue };
        if t.role != TriggerRole::Trigger || r.in_quote(w.start) {
            continue;
        }
        let phrase = t.phrase.as_str();
        let before = r.text[..w.start].trim_end();
        let prev = lower_cow(before.rsplit(' ').next().unwrap_or(""));
        // "the proposed talks", "so-called": an adjective, not a verb.
        if ["the", "a", "an", "its", "their", "his", "her", "our", "this"].contains(&&*prev) {
            continue;
        }
        if negated(r, dict, w.start) {
            continue;
        }
        let (speaker, description) = match phrase {
            "according to" => (r.actors.iter().find(|a| a.start >= w.end && a.start - w.end <= 6).cloned(), None),
            "as saying" | "quoted as saying" => {
                let lower = r.text[..w.start].to_lowercase();
                let reported = lower.rfind(" reported ").or_else(|| lower.rfind(" quoted ")).map(|k| k + 9);
                let after_verb = reported.and_then(|k| r.actors.iter().find(|a| a.start >= k && !a.agency));
                (after_verb.or_else(|| r.actors.iter().rev().find(|a| a.end <= w.start && !a.agency)).cloned(), None)
            }
            _ => speaker_of(r, w.start, w.end),
        };
        if speaker.is_none() && description.is_none() {
            continue;
        }
        let after = &r.text[w.end..];
        let tail_words = after.split_whitespace().count();
        let final_attribution =
            (before.ends_with(',') || before.ends_with(['"', '\u{201d}']) || speaker_before_comma(r, w.start))
                && tail_words <= 10
                && !after.contains(" that ");
        acts.push(SpeechAct {
            at: w.start,
            end: w.end,
            speaker,
            description,
            present: phrase.ends_with('s') && !phrase.ends_with("ss") && !phrase.ends_with("ed"),
            final_attribution,
        });
    }
    let chosen = acts.iter().position(|a| a.final_attribution && a.speaker.is_some()).unwrap_or(0);
    let Some(act) = acts.get(chosen) else { return };
    let mut ev = Event::new(Kind::Statement, Status::Happened);
    if let Some(sp) = &act.speaker {
        ev.speaker = Some(sp.name.to_string());
        ev.actors.push(EventActor { name: sp.name.to_string(), role: Role::Speaker });
        if sp.person || state.last_speaker.is_none() {
            state.last_speaker = Some(sp.clone());
        }
    } else {
        ev.speaker = act.description.clone();
    }
    ev.quote = r
        .quotes
        .iter()
        .map(|&(s, e)| r.text[s..e].trim_matches(['"', '\u{201c}', '\u{201d}']))
        .max_by_key(|q| q.len())
        .map(String::from);
    let tense = if act.present { Tense::Present } else { Tense::Past };
    let speaker_start = act.speaker.as_ref().map(|s| s.start.min(act.at)).unwrap_or(act.at);
    let date = r
        .dates
        .iter()
        .filter(|d| !d.since && !r.in_quote(d.start))
        .filter(|d| {
            let after = d.start >= act.end && d.start - act.end <= 45 && !r.clause_break(act.end, d.start);
            let between = d.start >= speaker_start && d.end <= act.at;
            let fronted = d.end <= speaker_start && !r.text[d.end..speaker_start].contains(['"', '\u{201c}']);
            after || between || fronted
        })
        .min_by_key(|d| if d.start >= act.end { d.start - act.end } else { act.at - d.end.min(act.at) });
    let sole = || {
        let mut outside = r.dates.iter().filter(|d| !d.since && !r.in_quote(d.start));
        let only = outside.next()?;
        let looks_ahead = dates::tense_at(r.text, only.start, only.end, &dict.dates) == Tense::Future;
        (outside.next().is_none() && !looks_ahead).then_some(only)
    };
    set_date(&mut ev, date.or_else(sole), tense, anchor, dict);
    if ev.date.is_none() && act.present {
        ev.date = anchor.published.map(DateSpan::day);
    }
    ev.mentions.push(r.mention());
    out.push(Candidate {
        event: ev,
        at: r.offset + act.at,
        anaphoric: false,
        merge_only: false,
        family: 0,
        in_title: false,
    });
}

/// Where the clause that ends `before` starts: after its last ", and ",
/// ", but ", "; " or ", " (the one that ends last), else 0.
fn clause_start(before: &str) -> usize {
    let b = before.as_bytes();
    // Searching from the end, the first separator found ends last: a longer
    // one (", and ") starts with the shorter ", ", which the search meets at
    // the same place.
    let Some(k) = (0..b.len().saturating_sub(1)).rev().find(|&k| matches!(b[k], b',' | b';') && b[k + 1] == b' ')
    else {
        return 0;
    };
    if b[k] == b',' && (b[k..].starts_with(b", and ") || b[k..].starts_with(b", but ")) {
        k + 6
    } else {
        k + 2
    }
}

/// `w` in lower case, borrowed when it already is (most words).
fn lower_cow(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

fn speaker_before_comma(r: &Reading, verb: usize) -> bool {
    // "..., Manna said." — the speaker stands between a comma and the verb.
    let before = r.text[..verb].trim_end();
    match r.actor_ending_at(before.len()) {
        Some(a) => r.text[..a.start].trim_end().ends_with([',', '"', '\u{201d}']),
        None => false,
    }
}

fn negated(r: &Reading, dict: &Dictionaries, verb: usize) -> bool {
    let near = r
        .words
        .iter()
        .any(|w| w.end <= verb && verb - w.end <= 12 && entities::cues(dict, w).any(|c| c == CueKind::Negation));
    let opening = r.text[..verb].trim_start().as_bytes();
    let opens_with = |w: &str| opening.get(..w.len()).is_some_and(|o| o.eq_ignore_ascii_case(w.as_bytes()));
    near || opens_with("none of") || opens_with("no one")
}

/// The speaker of a speech verb at `start..end`: the actor right before it
/// (past adverbs, dates and an apposition), a pronoun, the actor right after it
/// ("said Kerry"), or a description of the speaker ("a representative of ...").
fn speaker_of(r: &Reading, start: usize, end: usize) -> (Option<ActorSpan>, Option<String>) {
    let mut i = start;
    loop {
        let before = r.text[..i].trim_end();
        let j = before.len();
        if let Some(d) = r.dates.iter().find(|d| d.end == j && !d.since) {
            i = d.start;
            continue;
        }
        let word_start = before.rfind(' ').map(|k| k + 1).unwrap_or(0);
        let word = lower_cow(&before[word_start..]);
        if BETWEEN_SUBJECT_AND_VERB.contains(&&*word) {
            i = word_start;
            continue;
        }
        if word == "who" {
            i = word_start;
            let b = r.text[..i].trim_end().trim_end_matches(',');
            i = b.len();
            continue;
        }
        if ["that", "which"].contains(&&*word) {
            return (None, None);
        }
        if let Some(a) = r.actor_ending_at(j).filter(|a| !a.agency) {
            return (Some(a.clone()), None);
        }
        // "Lavrov and Amro agreed": the first of two coordinated names.
        if word.chars().next().is_some_and(char::is_alphabetic) && before[word_start..].starts_with(char::is_uppercase)
        {
            let rest = before[..word_start].trim_end();
            if let Some(stem) = rest.strip_suffix(" and") {
                if let Some(a) = r.actor_ending_at(stem.trim_end().len()).filter(|a| !a.agency) {
                    return (Some(a.clone()), None);
                }
            }
        }
        // "Vitaly Churkin, said": an apposition closes right before the verb.
        if before.ends_with(',') {
            let b = before.trim_end_matches(',').trim_end();
            if let Some(a) = r.actor_ending_at(b.len()).filter(|a| !a.agency) {
                return (Some(a.clone()), None);
            }
        }
        break;
    }
    let before = r.text[..start].trim_end();
    let after = r.text[end..].trim_start();
    let after_at = r.text.len() - after.len();
    if let Some(a) = r.actor_starting_at(after_at).filter(|a| !a.agency) {
        let inverted = before.is_empty() || before.ends_with([',', '"', '\u{201d}']);
        if inverted {
            return (Some(a.clone()), None);
        }
    }
    // A description: the clause's subject noun phrase.
    let clause_start = clause_start(&r.text[..start]);
    let np = r.text[clause_start..start].trim();
    let np_words: Vec<&str> = np.split_whitespace().collect();
    if np_words.is_empty()
        || np_words.len() > 12
        || r.in_quote(clause_start)
        || np.contains(['"', '\u{201c}', '\u{201d}'])
    {
        return (None, None);
    }
    let det = lower_cow(np_words[0]);
    let has_head = np_words.iter().take(4).any(|w| SPEAKER_NOUNS.contains(&&*lower_cow(w)));
    if ["a", "an", "the", "one", "two", "three", "several", "some"].contains(&&*det) && has_head {
        let cut =
            np_words.iter().position(|w| ["seeking", "who", "which", "speaking"].contains(w)).unwrap_or(np_words.len());
        return (None, Some(np_words[1..cut].join(" ")));
    }
    (None, None)
}

// ---------------------------------------------------------------- talks

/// Talks words of the meeting family ("meeting", "met", "phone call") rather than
/// the conference family ("talks", "conference", "negotiations"); an anaphor
/// refers back to an event of its own family first.
fn family(phrase: &str) -> u8 {
    const MEETING: &[&str] = &["meet", "met", "conversation", "call", "phone", "telephone", "hosted", "press"];
    if MEETING.iter().any(|m| phrase.contains(m)) {
        1
    } else {
        2
    }
}

/// The determiner of a trigger noun, past up to three modifiers ("the proposed
/// peace talks", "a new three-way meeting", "next week's talks"); empty when a
/// function word or punctuation comes first, as before a verb ("may meet").
fn determiner_before(r: &Reading, i: usize) -> String {
    const DETERMINERS: &[&str] =
        &["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our"];
    const STOP: &[&str] = &[
        "to", "may", "will", "would", "could", "should", "can", "might", "must", "is", "are", "was", "were", "be",
        "been", "has", "have", "had", "and", "or", "of", "for", "with", "in", "on", "at", "by", "after", "before",
        "he", "she", "they", "it", "we", "who", "which", "that", "not", "also", "said",
    ];
    let mut words = r.text[..i].trim_end().rsplit(' ');
    for _ in 0..4 {
        let Some(raw) = words.next() else { break };
        if raw.ends_with([',', ';', ':', '.', '"', '\u{201d}']) {
            break;
        }
        let w = lower_cow(raw);
        if DETERMINERS.contains(&&*w) || w.ends_with("'s") || w.ends_with("\u{2019}s") {
            return w.into_owned();
        }
        if STOP.contains(&&*w) {
            break;
        }
    }
    String::new()
}

fn talks(r: &Reading, dict: &Dictionaries, anchor: &Anchor, out: &mut Vec<Candidate>) {
    let strong = r.words.iter().any(|w| entities::has_trigger(dict, w, Kind::Talks, TriggerRole::Trigger));
    for w in &r.words {
        let Some((_, t)) = entities::triggers(dict, w).find(|(_, t)| t.kind == Kind::Talks) else { continue };
        if t.role == TriggerRole::Ignore || (t.role == TriggerRole::Weak && strong) {
            continue;
        }
        // "such meetings", "any talks": not one real event.
        let generic = r.words.iter().any(|c| {
            c.end <= w.start && w.start - c.end <= 1 && entities::cues(dict, c).any(|k| k == CueKind::Generic)
        });
        if generic {
            continue;
        }
        let date = date_near(r, w.start, w.end, 80);
        let place = place_near(r, w.start, w.end, 90);
        if t.role == TriggerRole::Weak && date.is_none() && place.is_none() {
            continue;
        }
        let det = determiner_before(r, w.start);
        let anaphoric = ["the", "this", "that", "these", "those", "his", "her", "their", "its", "our"]
            .contains(&det.as_str())
            || det.ends_with("'s")
            || det.ends_with("\u{2019}s")
            || (det.is_empty() && date.is_none() && place.is_none());
        let cue = status_cue_before(r, dict, w.start, 60);
        // "an invitation for talks", "called for talks": a new proposal, not a reference back.
        let anaphoric = anaphoric && !(det.is_empty() && matches!(cue, Some(Status::Proposed) | Some(Status::Refused)));
        let tense = trigger_tense(r, dict, w.start, cue, t.status, date);
        let mut ev = Event::new(Kind::Talks, Status::Unknown);
        set_date(&mut ev, date, tense, anchor, dict);
        ev.status = t
            .status
            .filter(|s| *s != Status::Happened || cue.is_none())
            .or(cue)
            .or_else(|| status_from_date(ev.date, anchor))
            .unwrap_or_else(|| tense_status(tense));
        let progressive = {
            let before = r.text[..w.start].trim_end().as_bytes();
            let ends_with = |e: &str| {
                before.len() >= e.len() && before[before.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
            };
            ends_with(" is") || ends_with(" are") || ends_with(" is holding") || ends_with(" are holding")
        };
        if ev.date.is_none() && (progressive || tense == Tense::Present) && ev.status == Status::Happened && !anaphoric
        {
            // "is meeting in Istanbul": going on as the article is written.
            ev.date = anchor.published.map(DateSpan::day);
        }
        ev.place = place.map(|p| p.name.to_string());
        ev.actors = actors_of(r, dict, Role::Participant);
        ev.mentions.push(r.mention());
        out.push(Candidate {
            event: ev,
            at: r.offset + w.start,
            anaphoric,
            merge_only: r.in_quote(w.start) && date.is_none(),
            family: family(&t.phrase),
            in_title: false,
        });
    }
}

// ---------------------------------------------------------------- visits

fn visits(r: &Reading, dict: &Dictionaries, anchor: &Anchor, out: &mut Vec<Candidate>) {
    for w in &r.words {
        let Some((_, t)) = entities::triggers(dict, w).find(|(_, t)| t.kind == Kind::Visit) else { continue };
        if t.role != TriggerRole::Trigger || r.in_quote(w.start) {
            continue;
        }
        let place = r
            .places
            .iter()
            .filter(|p| !p.adjective && p.start >= w.end && p.start - w.end <= 60 && !r.clause_break(w.end, p.start))
            .min_by_key(|p| p.start)
            .or_else(|| r.places.iter().filter(|p| p.start >= w.end && p.start - w.end <= 30).min_by_key(|p| p.start));
        // The visitor: "visit by X", the nearest actor before in the clause, else the
        // subject after a fronted phrase ("After a trip to Iraq, Ban said").
        let by = r.text[w.end..].trim_start().strip_prefix("by ").map(|_| ());
        let visitor = if by.is_some() || t.phrase.ends_with(" by") {
            r.actors.iter().find(|a| a.start >= w.end && a.start - w.end <= 12)
        } else {
            None
        }
        .or_else(|| {
            r.actors.iter().rev().find(|a| {
                a.end <= w.start
                    && !a.agency
                    && !r.clause_break(a.end, w.start)
                    && place.is_none_or(|p| p.name != a.name)
            })
        })
        .or_else(|| {
            // The subject after the comma; in "U.N. Secretary-General Ban Ki-moon"
            // the person, not the body named before the title.
            let comma = r.text[w.end..].find(", ").map(|k| w.end + k)?;
            let mut subject = r
                .actors
                .iter()
                .filter(|a| a.start > comma && !a.agency)
                .take_while(|a| !r.clause_break(comma + 1, a.start));
            let first = subject.clone().next()?;
            subject.find(|a| a.person && a.start.saturating_sub(first.end) <= 40).or(Some(first))
        });
        if place.is_none() && visitor.is_none() {
            continue;
        }
        let det = determiner_before(r, w.start);
        let date = date_near(r, w.start, w.end, 50);
        let cue = status_cue_before(r, dict, w.start, 40);
        let tense = trigger_tense(r, dict, w.start, cue, t.status, date);
        let mut ev = Event::new(Kind::Visit, Status::Unknown);
        set_date(&mut ev, date, tense, anchor, dict);
        ev.status =
            cue.or(t.status).or_else(|| status_from_date(ev.date, anchor)).unwrap_or_else(|| tense_status(tense));
        ev.place = place.map(|p| p.name.to_string());
        if let Some(v) = visitor {
            ev.actors.push(EventActor { name: v.name.to_string(), role: Role::Visitor });
        }
        ev.mentions.push(r.mention());
        let anaphoric = ["the", "this", "that", "his", "her", "their", "its"].contains(&det.as_str());
        out.push(Candidate {
            event: ev,
            at: r.offset + w.start,
            anaphoric,
            merge_only: false,
            family: 3,
            in_title: false,
        });
    }
}

// ---------------------------------------------------------------- death tolls

/// A count in text: digits ("40,000", "1.5 million") or number words ("seven",
/// "forty thousand").
fn counts(r: &Reading, dict: &Dictionaries) -> Vec<(usize, usize, u64)> {
    let mut out = Vec::new();
    let index = dict.index();
    let number_word = |w: &str| index.number_word(w);
    let spans: Vec<(usize, &str)> = word_spans_exact(r.text);
    let mut k = 0;
    while k < spans.len() {
        let (s, w) = spans[k];
        let digits = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        let mut value: Option<f64> = None;
        let mut end = s + w.len();
        if digits {
            let clean: String = w.chars().filter(|c| *c != ',').collect();
            if w.contains(',') && !w.split(',').skip(1).all(|g| g.len() == 3) {
                k += 1;
                continue;
            }
            value = clean.trim_end_matches('.').parse::<f64>().ok();
        } else if let Some(n) = number_word(w) {
            if n >= 100 {
                k += 1;
                continue; // "hundred", "thousands": no count on their own
            }
            value = Some(n as f64);
        }
        let Some(mut v) = value else {
            k += 1;
            continue;
        };
        // Compound words and multipliers: "forty thousand", "1.5 million", "two hundred".
        let mut j = k + 1;
        while j < spans.len() {
            let (ns, nw) = spans[j];
            if r.text[end..ns].trim() != "" && r.text[end..ns].trim() != "-" {
                break;
            }
            match number_word(nw) {
                Some(m) if m >= 100 => v *= m as f64,
                Some(m) if !digits && m < 10 && (20.0..100.0).contains(&v) => v += m as f64,
                _ => break,
            }
            end = ns + nw.len();
            j += 1;
        }
        if v >= 1.0 && v.fract() == 0.0 {
            out.push((s, end, v as u64));
        }
        k = j;
    }
    out
}

/// Words, with numbers kept whole across their separators ("40,000", "1.5").
fn word_spans_exact(st: &str) -> Vec<(usize, &str)> {
    spans(st, |c, i, start| {
        c.is_alphanumeric()
            || ((c == ',' || c == '.')
                && start.is_some_and(|s| st[s..i].chars().all(|d| d.is_ascii_digit() || d == ',' || d == '.'))
                && st[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
    })
}

fn tolls(r: &Reading, dict: &Dictionaries, anchor: &Anchor, state: &ArticleState, out: &mut Vec<Candidate>) {
    // Every toll needs a death word in the sentence (see `death` below): most
    // sentences have none, and need not be searched for counts.
    if !r.words.iter().any(|w| entities::has_trigger(dict, w, Kind::DeathToll, TriggerRole::Death)) {
        return;
    }
    let lower = r.text.to_lowercase();
    if lower.len() != r.text.len() {
        return;
    }
    let victim_at = |i: usize| -> Option<usize> {
        // The victim noun after the count, past at most two adjectives.
        let rest = &r.text[i..];
        let mut pos = i;
        for (n, word) in rest.split_whitespace().take(3).enumerate() {
            let at = r.text[pos..].find(word).map(|k| pos + k)?;
            let bare = word.trim_end_matches([',', '.', ';', ':']).to_lowercase();
            if r.words
                .iter()
                .any(|w| w.start == at && entities::has_trigger(dict, w, Kind::DeathToll, TriggerRole::Victim))
                || dict
                    .triggers
                    .iter()
                    .any(|t| t.kind == Kind::DeathToll && t.role == TriggerRole::Victim && t.phrase == bare)
            {
                return Some(at + word.len());
            }
            if n == 0 && (bare == "percent" || bare == "%" || bare.starts_with("year") || bare.starts_with("month")) {
                return None;
            }
            pos = at + word.len();
        }
        None
    };
    let mut previous: Option<usize> = None;
    let mut found: Vec<(usize, usize, Event)> = Vec::new();
    for (s, e, count) in counts(r, dict) {
        if r.dates.iter().any(|d| d.start <= s && e <= d.end) || r.in_quote(s) {
            continue;
        }
        // A second toll in the sentence stands in a clause of its own ("20 were
        // killed in Aleppo, while 15 soldiers died in Homs"); a count that breaks
        // the first one down ("including 10 children") is no toll.
        let mut clause_start = 0;
        if let Some(p) = previous {
            let between = lower.get(p..s).unwrap_or("");
            let marker = [";", " while ", " and ", " but ", " whereas "].iter().filter_map(|m| between.rfind(m)).max();
            let Some(m) = marker else { continue };
            if BREAKDOWN.iter().any(|b| between.contains(b)) {
                continue;
            }
            clause_start = p + m;
        }
        if r.text[e..].starts_with(['%', '-']) || r.text[..s].ends_with(['-', '$', '£', '€']) {
            continue;
        }
        let Some(victim_end) = victim_at(e) else { continue };
        // A death word near the count, in the same clause.
        let death = r.words.iter().any(|w| {
            entities::has_trigger(dict, w, Kind::DeathToll, TriggerRole::Death)
                && ((w.start >= e && w.start - victim_end.min(w.start) <= 40 && !r.clause_break(victim_end, w.start))
                    || (w.end <= s && s - w.end <= 40 && !r.clause_break(w.end, s)))
        });
        if !death {
            continue;
        }
        let qualifier = r
            .words
            .iter()
            .filter(|w| w.end <= s && s - w.end <= 1)
            .flat_map(|w| entities::cues(dict, w))
            .find_map(|c| if let CueKind::Qualifier(q) = c { Some(q) } else { None })
            .unwrap_or(Qualifier::Exact);
        let since = r.dates.iter().find(|d| d.since);
        let perfect = [
            " has killed",
            " have killed",
            " have been killed",
            " has left",
            " have died",
            " has claimed",
            " have been",
            " has risen",
            " so far",
            " to date",
        ]
        .iter()
        .any(|p| lower.contains(p));
        let cumulative = since.is_some() || perfect;
        let mut ev = Event::new(Kind::DeathToll, Status::Happened);
        ev.count = Some(count);
        ev.qualifier = Some(qualifier);
        ev.cumulative = cumulative;
        if cumulative {
            ev.date = anchor.published.map(DateSpan::day);
            ev.date_text = since.map(|d| d.text.clone());
        }
        found.push((clause_start, s, ev));
        previous = Some(e);
    }
    // Each toll takes its date and place from its own clause of the sentence.
    for k in 0..found.len() {
        let hi = found.get(k + 1).map_or(r.text.len(), |t| t.0);
        let (lo, s, ref mut ev) = found[k];
        if !ev.cumulative {
            // Its own clause's date, else one the sentence gives for all ("30 in
            // Aleppo and 12 in Idlib on Friday").
            let dates = || r.dates.iter().filter(|d| !d.since && !r.in_quote(d.start));
            let d = dates()
                .filter(|d| d.start >= lo && d.end <= hi)
                .min_by_key(|d| d.start.abs_diff(s))
                .or_else(|| dates().min_by_key(|d| d.start.abs_diff(s)));
            set_date(ev, d, Tense::Past, anchor, dict);
        }
        let place = r
            .places
            .iter()
            .filter(|p| p.start >= lo && p.end <= hi)
            .filter(|p| !is_possessor(r, p) && !acts_as_subject(&r.text[p.end..]))
            .filter(|p| if p.adjective { !r.text[p.end..].starts_with(" government") } else { locative(r, p.start) })
            .min_by_key(|p| (p.adjective, p.start.abs_diff(s)))
            .map(|p| p.name.to_string());
        ev.place = place.or_else(|| state.main_country.clone());
        ev.mentions.push(r.mention());
    }
    for (_, s, event) in found {
        out.push(Candidate {
            event,
            at: r.offset + s,
            anaphoric: false,
            merge_only: false,
            family: 4,
            in_title: false,
        });
    }
}

const BREAKDOWN: &[&str] =
    &["including", "among them", "among whom", "of them", "of whom", "most of", "mostly", "among the", "of which"];

// ---------------------------------------------------------------- merging

fn overlaps(a: Option<DateSpan>, b: Option<DateSpan>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
        _ => true,
    }
}

fn persons(ev: &Event) -> Vec<&str> {
    ev.actors.iter().map(|a| a.name.as_str()).collect()
}

/// Participants agree when one set holds the other.
fn actors_agree(a: &Event, b: &Event) -> bool {
    let (pa, pb) = (persons(a), persons(b));
    pa.is_empty() || pb.is_empty() || pa.iter().all(|x| pb.contains(x)) || pb.iter().all(|x| pa.contains(x))
}

fn compatible(a: &Event, b: &Event) -> bool {
    a.kind == b.kind
        && overlaps(a.date, b.date)
        && (a.place.is_none() || b.place.is_none() || a.place == b.place)
        && (a.count.is_none() || a.count == b.count)
}

fn absorb(into: &mut Event, c: Event) {
    // The most precise consistent date wins.
    match (into.date, c.date) {
        (None, Some(_)) => {
            into.date = c.date;
            into.date_text = c.date_text.clone();
        }
        (Some(a), Some(b)) if (b.end - b.start) < (a.end - a.start) => {
            into.date = c.date;
            into.date_text = c.date_text.clone();
        }
        _ => {}
    }
    if into.place.is_none() {
        into.place = c.place.clone();
    }
    if into.status == Status::Unknown {
        into.status = c.status;
    }
    for a in c.actors {
        if !into.actors.iter().any(|x| x.name == a.name) {
            into.actors.push(a);
        }
    }
    for m in c.mentions {
        if !into.mentions.iter().any(|x| x.start == m.start) {
            into.mentions.push(m);
        }
    }
}

/// The earlier event a talks or visit candidate reports again, if any.
///
/// A candidate with its own date or place joins the latest compatible event with
/// an overlapping date or the same place. One without them joins the latest
/// compatible event of its own family (conference-like or meeting-like), and
/// failing that of any family if it refers back ("the talks"). Candidates from
/// one sentence stay apart unless one refers back to the other.
fn merge_target(events: &[Candidate], c: &Candidate) -> Option<usize> {
    let sentence = c.event.mentions[0].start;
    let fits = |e: &Candidate| {
        e.event.kind == c.event.kind
            && compatible(&e.event, &c.event)
            && (c.anaphoric || c.merge_only || actors_agree(&e.event, &c.event))
    };
    let same_sentence = |e: &Candidate| e.event.mentions.iter().any(|m| m.start == sentence);
    let specific = c.event.date.is_some() || c.event.place.is_some();
    if specific {
        let found = events.iter().rposition(|e| {
            fits(e)
                && !same_sentence(e)
                && (c.event.date.is_some() && e.event.date.is_some()
                    || c.event.place.is_some() && e.event.place == c.event.place)
        });
        if found.is_some() || !c.anaphoric {
            return found;
        }
    }
    if c.event.date.is_some() && !c.anaphoric {
        return None;
    }
    let own_family = events.iter().rposition(|e| fits(e) && e.family == c.family && (c.anaphoric || !same_sentence(e)));
    if own_family.is_some() || !(c.anaphoric || c.merge_only) {
        return own_family;
    }
    events.iter().rposition(|e| fits(e) && !same_sentence(e))
}

fn merge(mut candidates: Vec<Candidate>) -> Vec<Event> {
    candidates.sort_by_key(|c| c.at);
    let (title, body): (Vec<Candidate>, Vec<Candidate>) = candidates.into_iter().partition(|c| c.in_title);
    let mut events: Vec<Candidate> = Vec::new();
    for c in body {
        let target = match c.event.kind {
            Kind::Statement => None,
            Kind::DeathToll => events.iter().rposition(|e| {
                e.event.kind == Kind::DeathToll
                    && e.event.count == c.event.count
                    && e.event.qualifier == c.event.qualifier
            }),
            Kind::Talks | Kind::Visit => merge_target(&events, &c),
        };
        match target {
            Some(i) => {
                let e = &mut events[i];
                let mut event = c.event;
                if c.anaphoric {
                    // A passing reference says little about who took part.
                    event.actors.clear();
                }
                absorb(&mut e.event, event);
            }
            None if c.merge_only => {}
            None => events.push(c),
        }
    }
    // A headline repeats the story: its events join the first compatible body event.
    for c in title {
        let target = events.iter().position(|e| {
            e.event.kind == c.event.kind
                && compatible(&e.event, &c.event)
                && match (&c.event.kind, &c.event.speaker) {
                    (Kind::Statement, Some(sp)) => {
                        e.event.speaker.as_ref() == Some(sp)
                            || e.event.mentions.iter().any(|m| m.sentence.contains(sp.as_str()))
                    }
                    _ => true,
                }
        });
        match target {
            Some(i) => {
                let e = &mut events[i];
                let mut mentions = c.event.mentions.clone();
                mentions.append(&mut e.event.mentions);
                e.event.mentions = mentions;
                if e.event.place.is_none() {
                    e.event.place = c.event.place.clone();
                }
                e.at = e.at.min(c.at);
            }
            None => events.push(c),
        }
    }
    events.sort_by_key(|c| c.at);
    events.into_iter().map(|c| c.event).collect()
}

#[cfg(test)]
mod tests {
    //! Golden unit records: a sentence and a publication date, and the coding expected from them.
    use super::*;
    use crate::model::Article;

    fn events(text: &str, published: &str) -> Vec<Event> {
        let dict = Dictionaries::builtin().unwrap();
        let article = Article {
            name: "t".into(),
            text: text.into(),
            published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            ..Default::default()
        };
        crate::extract::extract(&article, &dict).events
    }

    fn of(evs: &[Event], kind: Kind) -> Vec<&Event> {
        evs.iter().filter(|e| e.kind == kind).collect()
    }

    #[test]
    fn pronoun_words_agree_with_the_word_list() {
        for st in [
            "He said she met him; his and her talks.",
            "She-wolf, he'd, HIS, Her\u{2019}s, ahem, hehe, sheikh, the, h, he",
            "\u{e9}he and he\u{e9}, \u{201c}she\u{201d}",
        ] {
            let slow: Vec<(usize, &str)> =
                word_spans(st).filter(|(_, w)| PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))).collect();
            assert_eq!(pronoun_words(st), slow, "{st}");
        }
    }

    #[test]
    fn clause_start_agrees_with_a_search_for_each_separator() {
        let slow = |t: &str| {
            [", and ", ", but ", "; ", ", "]
                .iter()
                .filter_map(|sep| t.rfind(sep).map(|k| k + sep.len()))
                .max()
                .unwrap_or(0)
        };
        for t in [
            "",
            "no separator here",
            "Lavrov, and the minister",
            "a, b; c, but d",
            "a; b, and",
            "x, and y, z",
            "trailing comma,",
            "one, andrew",
            "\u{e9}t\u{e9}, but \u{e9}",
        ] {
            assert_eq!(clause_start(t), slow(t), "{t:?}");
        }
    }

    #[test]
    fn words_backwards_are_word_spans_reversed() {
        for st in ["", "the Russian-backed talks", "  he'd  say\u{2019}s, \u{e9}t\u{e9} -- x ", "one"] {
            let slow: Vec<(usize, &str)> = word_spans(st).rev().collect();
            assert_eq!(words_backwards(st).collect::<Vec<_>>(), slow, "{st:?}");
        }
    }

    #[test]
    fn clause_breaks_agree_with_a_lower_case_search() {
        let old = |gap: &str| {
            let lower = gap.to_lowercase();
            [" that ", " which ", " who ", ";", " but ", " said", " says", " while ", " when ", " whether ", "\u{2014}"]
                .iter()
                .any(|w| lower.contains(w))
        };
        for gap in [
            " met ",
            " met THAT day ",
            " and Lavrov, who ",
            "; ",
            " in Geneva \u{2014} ",
            " Said ",
            " saidthat",
            " whethe",
            " thatch ",
            " on Friday, But ",
            " Wh\u{130}le ",
            "",
        ] {
            assert_eq!(separates_clauses(gap), old(gap), "{gap:?}");
        }
    }

    #[test]
    fn statement_by_a_surname_ending_in_is_before_told_reporters() {
        let evs = events("\"We want peace,\" Kassis told reporters on Tuesday.", "2016-04-20");
        let st = of(&evs, Kind::Statement);
        assert_eq!(st.len(), 1, "{evs:?}");
        assert_eq!(st[0].quote.as_deref(), Some("We want peace,"));
    }

    #[test]
    fn statement_with_speaker_after_the_quote() {
        let evs = events("\"We will go to Geneva,\" said Moallem.", "2014-01-17");
        let st = of(&evs, Kind::Statement);
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].speaker.as_deref(), Some("Walid al-Moallem"));
        assert_eq!(st[0].quote.as_deref(), Some("We will go to Geneva,"));
    }

    #[test]
    fn negated_speech_is_no_statement() {
        let evs = events("The Russian Foreign Ministry declined to comment on the visit.", "2013-11-15");
        assert!(of(&evs, Kind::Statement).is_empty());
    }

    #[test]
    fn news_agency_is_not_the_speaker() {
        let evs = events("Lavrov said on Friday that talks must go on, RIA Novosti reported.", "2012-12-28");
        let st = of(&evs, Kind::Statement);
        assert_eq!(st[0].speaker.as_deref(), Some("Sergei Lavrov"));
        assert_eq!(st[0].date.map(|d| d.labels().0).as_deref(), Some("2012-12-28"));
    }

    fn place_of(text: &str, kind: Kind) -> Option<String> {
        of(&events(text, "2013-11-15"), kind).first().and_then(|e| e.place.clone())
    }

    #[test]
    fn the_country_capital_is_its_capital_city() {
        let p = place_of("Lavrov met Brahimi in the Russian capital on Saturday.", Kind::Talks);
        assert_eq!(p.as_deref(), Some("Moscow"));
        let p = place_of("Kerry will travel to the Turkish capital next week.", Kind::Visit);
        assert_eq!(p.as_deref(), Some("Ankara"));
        let p = place_of("Kerry will travel to Jordan's capital next week.", Kind::Visit);
        assert_eq!(p.as_deref(), Some("Amman"));
        let p = place_of("Lavrov held talks with Zarif in the capital of Iran on Monday.", Kind::Talks);
        assert_eq!(p.as_deref(), Some("Tehran"));
        // A bare "the capital": the capital of the country the article is about.
        let text = "Fighting goes on in Syria.\nBrahimi met Moallem in the capital on Monday.";
        assert_eq!(place_of(text, Kind::Talks).as_deref(), Some("Damascus"));
    }

    #[test]
    fn a_named_capital_stays_itself_and_other_capitals_are_no_place() {
        let p = place_of("Lavrov met Brahimi in the Russian capital, Moscow, on Saturday.", Kind::Talks);
        assert_eq!(p.as_deref(), Some("Moscow"));
        let p = place_of("Lavrov met Brahimi on Saturday, spending political capital.", Kind::Talks);
        assert_eq!(p, None);
    }

    #[test]
    fn a_bare_description_names_the_last_actor_it_fits() {
        let text = "Lavrov met Brahimi in Moscow on Saturday.\n\"We agreed on the date,\" the minister said.";
        let evs = events(text, "2013-11-15");
        let st = of(&evs, Kind::Statement);
        assert_eq!(st[0].speaker.as_deref(), Some("Sergei Lavrov"));
        let text = "Lavrov met Brahimi in Moscow on Saturday.\nThe envoy said the talks would go ahead.";
        let st = of(&events(text, "2013-11-15"), Kind::Statement).into_iter().cloned().collect::<Vec<_>>();
        assert_eq!(st[0].speaker.as_deref(), Some("Lakhdar Brahimi"));
        let text = "Syria's opposition National Coalition met in Istanbul.\nThe coalition said it would attend.";
        let st = of(&events(text, "2013-11-15"), Kind::Statement).into_iter().cloned().collect::<Vec<_>>();
        assert_eq!(st[0].speaker.as_deref(), Some("Syrian National Coalition"));
    }

    #[test]
    fn a_description_that_fits_no_one_names_no_one() {
        let text = "Lavrov met Brahimi in Moscow on Saturday.\nThe president said the talks would go ahead.";
        let st = of(&events(text, "2013-11-15"), Kind::Statement).into_iter().cloned().collect::<Vec<_>>();
        assert_ne!(st.first().and_then(|e| e.speaker.as_deref()), Some("Sergei Lavrov"));
    }

    #[test]
    fn the_reporter_of_talks_is_not_a_participant() {
        let evs =
            events("Lavrov and Kerry held talks in Geneva on Friday, the Syrian Foreign Ministry said.", "2013-11-15");
        let talks = of(&evs, Kind::Talks);
        let names: Vec<&str> = talks[0].actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Sergei Lavrov", "John Kerry"]);
    }

    #[test]
    fn visitor_after_a_fronted_trip_is_the_person_not_the_body() {
        let text =
            "Speaking after a trip to a refugee camp in Iraq, U.N. Secretary-General Ban Ki-moon said aid must flow.";
        let evs = events(text, "2014-01-17");
        let v = of(&evs, Kind::Visit);
        assert_eq!(v[0].actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Ban Ki-moon"]);
        assert_eq!(v[0].place.as_deref(), Some("Iraq"));
    }

    fn tolls_of(text: &str) -> Vec<(u64, Option<String>, Option<String>)> {
        of(&events(text, "2013-11-15"), Kind::DeathToll)
            .iter()
            .map(|e| (e.count.unwrap_or(0), e.place.clone(), e.date.map(|d| d.labels().0)))
            .collect()
    }

    #[test]
    fn two_tolls_in_one_sentence_each_with_its_own_place_and_date() {
        let t =
            tolls_of("At least 20 people were killed in Aleppo on Friday, while 15 soldiers died in Homs on Thursday.");
        let want = [(20, Some("Aleppo"), Some("2013-11-15")), (15, Some("Homs"), Some("2013-11-14"))];
        assert_eq!(t, want.map(|(c, p, d)| (c, p.map(String::from), d.map(String::from))));
        let t =
            tolls_of("Activists said 30 people were killed in Aleppo and 12 people were killed in Idlib on Friday.");
        let want = [(30, Some("Aleppo"), Some("2013-11-15")), (12, Some("Idlib"), Some("2013-11-15"))];
        assert_eq!(t, want.map(|(c, p, d)| (c, p.map(String::from), d.map(String::from))));
    }

    #[test]
    fn a_count_that_breaks_a_toll_down_is_no_toll() {
        let t = tolls_of("More than 40 people were killed in Homs on Friday, including 10 children and 5 women.");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].0, 40);
    }

    /// Found by tests/properties.rs: the first actor of the subject was
    /// measured against itself, and its start minus its own end underflowed.
    #[test]
    fn visitor_subject_distance_does_not_underflow() {
        let evs = events("visit \"an, Kerry ", "2014-01-17");
        assert!(evs.iter().all(|e| e.kind != Kind::Visit || e.actors.iter().all(|a| a.name == "John Kerry")));
    }

    #[test]
    fn planned_talks_take_place_and_future_weekday() {
        let evs = events("A Syrian delegation is due to meet officials in Moscow on Monday.", "2013-11-15");
        let t = of(&evs, Kind::Talks);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].status, Status::Planned);
        assert_eq!(t[0].place.as_deref(), Some("Moscow"));
        assert_eq!(t[0].date.map(|d| d.labels().0).as_deref(), Some("2013-11-18"));
    }

    #[test]
    fn repeated_references_to_one_meeting_are_one_event() {
        let text = "The NCC plans to hold a conference in Rome on Dec. 17-18.\nManna said Russia agreed to attend the conference.";
        let t = events(text, "2012-11-29").into_iter().filter(|e| e.kind == Kind::Talks).collect::<Vec<_>>();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].mentions.len(), 2);
        assert_eq!(t[0].date.map(|d| d.labels()), Some(("2012-12-17".into(), Some("2012-12-18".into()))));
    }

    #[test]
    fn death_toll_with_qualifier_and_cumulative_period() {
        let evs = events("Activists say more than 40,000 people have been killed since March 2011.", "2012-12-28");
        let d = of(&evs, Kind::DeathToll);
        assert_eq!((d[0].count, d[0].qualifier, d[0].cumulative), (Some(40000), Some(Qualifier::MoreThan), true));
    }

    #[test]
    fn percentages_and_durations_are_not_tolls() {
        let evs = events("The group claims 80 percent of fighters, and two years of war killed hope.", "2012-12-28");
        assert!(of(&evs, Kind::DeathToll).is_empty());
    }

    #[test]
    fn capital_as_subject_is_not_the_toll_place() {
        let evs = events(
            "Damascus is to blame for the unrest that has left over 120,000 people dead in Syria.",
            "2014-01-17",
        );
        assert_eq!(of(&evs, Kind::DeathToll)[0].place.as_deref(), Some("Syria"));
    }
}
