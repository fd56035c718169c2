//! One sentence read once: the actors it names (from the dictionary, from role
//! descriptions like "the Russian foreign minister", from names the dictionary
//! does not know, and from pronouns), the places, the trigger and cue words,
//! the date expressions and the quoted spans. The event rules in `rules/` work
//! on this reading; nothing after it goes back to the raw sentence's words.

use std::sync::Arc;

use super::dates::{self, Anchor, TimeExpr};
use super::entities::{self, Found, Index, Scan};
use super::sentences::Sentence;
use crate::dict::{ActorKind, CueKind, Dictionaries, TriggerRole};
use crate::model::{Kind, Mention};

/// An actor named in a sentence, with what we know of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ActorSpan {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Shared with the index (or with the article state for unknown names).
    pub(crate) name: Arc<str>,
    pub(crate) person: bool,
    pub(crate) agency: bool,
    pub(crate) country: Option<Arc<str>>,
}

/// A place named in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct PlaceSpan {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) name: Arc<str>,
    /// Named by an adjective ("Lebanese") rather than by its name.
    pub(crate) adjective: bool,
    pub(crate) country: bool,
}

/// Everything the event rules need to know about one sentence.
pub(crate) struct Reading<'a> {
    pub(crate) text: &'a str,
    pub(crate) offset: usize,
    pub(crate) actors: Vec<ActorSpan>,
    pub(crate) places: Vec<PlaceSpan>,
    pub(crate) words: Vec<Found>,
    pub(crate) dates: Vec<TimeExpr>,
    pub(crate) quotes: Vec<(usize, usize)>,
}

impl Reading<'_> {
    pub(crate) fn in_quote(&self, i: usize) -> bool {
        self.quotes.iter().any(|&(s, e)| s <= i && i < e)
    }

    pub(crate) fn mention(&self) -> Mention {
        Mention { sentence: self.text.to_string(), start: self.offset, end: self.offset + self.text.len() }
    }

    /// Whether the text between `a` and `b` crosses into another clause.
    pub(crate) fn clause_break(&self, a: usize, b: usize) -> bool {
        let (a, b) = (a.min(b), a.max(b));
        self.text.get(a..b).is_none_or(separates_clauses)
    }

    pub(crate) fn actor_ending_at(&self, i: usize) -> Option<&ActorSpan> {
        self.actors.iter().filter(|a| a.end == i).max_by_key(|a| a.end - a.start)
    }

    pub(crate) fn actor_starting_at(&self, i: usize) -> Option<&ActorSpan> {
        self.actors.iter().filter(|a| a.start == i).max_by_key(|a| a.end - a.start)
    }
}

/// Words that open another clause (or report speech) after a space: with
/// ';' and '—', a gap that holds one separates two phrases.
pub(crate) const CLAUSE_WORDS: &[&[u8]] =
    &[b"that ", b"which ", b"who ", b"but ", b"said", b"says", b"while ", b"when ", b"whether "];

/// Whether a gap of text between two phrases holds a clause break: ';', '—',
/// or one of `CLAUSE_WORDS` after a space, in any ASCII case. No lower-case
/// copy: this runs for every pair of phrases a rule relates.
pub(crate) fn separates_clauses(gap: &str) -> bool {
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
pub(crate) struct ArticleState {
    pub(crate) last_person: Option<ActorSpan>,
    pub(crate) last_speaker: Option<ActorSpan>,
    /// Names the dictionary does not know, seen earlier: surname → full name.
    pub(crate) unknown: Vec<(String, Arc<str>)>,
    /// The country the article is mostly about, for tolls that name no place.
    pub(crate) main_country: Option<String>,
    /// The actors named so far, most recent last, each once.
    pub(crate) recent: Vec<ActorSpan>,
}

/// The country most named in the article (by name or adjective).
pub(crate) fn main_country(text: &str, sentences: &[Sentence], scans: &[Scan], dict: &Dictionaries) -> Option<String> {
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

pub(crate) fn remember(r: &Reading, state: &mut ArticleState) {
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
pub(crate) const RECENT_ACTORS: usize = 40;

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "his", "her", "him"];

pub(crate) fn read<'a>(
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
pub(crate) fn capitals(st: &str, index: &Index, state: &ArticleState, places: &mut Vec<PlaceSpan>) {
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
pub(crate) fn descriptions(
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
pub(crate) fn describes(
    dict: &Dictionaries,
    index: &Index,
    name: &str,
    desc: &[&str],
    day: Option<chrono::NaiveDate>,
) -> bool {
    let Some(i) = index.actor_named(name) else { return false };
    let actor = &dict.actors[i];
    let holds = |text: &str| {
        desc.iter().all(|d| text.split(|c: char| !c.is_alphanumeric() && c != '-').any(|t| t.eq_ignore_ascii_case(d)))
    };
    actor.roles.iter().any(|r| r.holds_on(day) && holds(&r.title))
        || std::iter::once(&actor.name).chain(&actor.aliases).any(|n| holds(n))
}

/// The government actor of a country, or the country itself when the dictionary has none.
pub(crate) fn government_of(dict: &Dictionaries, country: &str) -> String {
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
pub(crate) fn roles(
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

pub(crate) fn in_spans(spans: &[(usize, usize)], i: usize) -> bool {
    spans.iter().any(|&(s, e)| s <= i && i < e)
}

/// The words of `word_spans` that are `PRONOUNS`, in any case, with their
/// offsets. Every pronoun has an 'h' (first, or second in "she"): only the
/// words around one are looked at, not every word of the sentence.
pub(crate) fn pronoun_words(st: &str) -> Vec<(usize, &str)> {
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
pub(crate) fn quotes(st: &str) -> Vec<(usize, usize)> {
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
pub(crate) fn word_spans(st: &str) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    spans(st, is_word_char).into_iter()
}

/// `word_spans(st).rev()`, found lazily from the end: a caller that wants the
/// last few words does not split the whole text.
pub(crate) fn words_backwards(st: &str) -> impl Iterator<Item = (usize, &str)> {
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

pub(crate) fn is_word_char(c: char, _: usize, _: Option<usize>) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-' || c == '\u{2019}'
}

/// Runs of characters that `inside(c, offset, run start)` keeps together, with their byte offsets.
pub(crate) fn spans(st: &str, inside: impl Fn(char, usize, Option<usize>) -> bool) -> Vec<(usize, &str)> {
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

/// `w` in lower case, borrowed when it already is (most words).
pub(crate) fn lower_cow(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// Verbs that make a place name before them an actor ("Damascus is to blame",
/// "Russia says"): a capital or a country speaking, not a location.
pub(crate) const METONYMY_VERBS: &[&str] = &[
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

pub(crate) fn acts_as_subject(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ']);
    let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    METONYMY_VERBS.contains(&next)
}
