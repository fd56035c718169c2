//! One sentence read once: its tokens, the actors it names (from the
//! dictionary, from role descriptions like "the Russian foreign minister", from
//! names typed by shape and context, and from short forms, descriptions and
//! pronouns that refer back to the article's cast), the places, the trigger
//! and cue words, the date expressions and the quoted spans. The event rules
//! in `rules/` work on this reading; none splits the sentence again.

use std::sync::Arc;

use super::dates::{self, Anchor, TimeExpr};
use super::entities::cast::{Cast, EntityKind};
use super::entities::names::{self, NameKind};
use super::entities::words::{Class, PronounKind, WordClass};
use super::entities::{self, Found, Index, Scan};
use super::sentences::Sentence;
use super::tokens::Tok;
use crate::dict::{ActorKind, CueKind, Dictionaries, TriggerRole};
use crate::model::{Kind, Mention};

/// How a sentence names an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum How {
    /// By its name, as the dictionary or the text spells it in full.
    Name,
    /// By a short form the article introduced: a surname, an acronym.
    Short,
    /// By a role the dictionary dates ("the Russian foreign minister").
    Role,
    /// By a description ("the envoy", "the ministry").
    Description,
    /// By a pronoun.
    Pronoun,
}

/// An actor named in a sentence, with what we know of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ActorSpan {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Shared with the index (or with the cast for names the dictionary does not know).
    pub(crate) name: Arc<str>,
    pub(crate) kind: EntityKind,
    pub(crate) country: Option<Arc<str>>,
    /// The article's cast entity it names.
    pub(crate) entity: Option<usize>,
    pub(crate) how: How,
}

impl ActorSpan {
    pub(crate) fn person(&self) -> bool {
        self.kind == EntityKind::Person
    }

    /// A news outlet, which reports speech and never makes it.
    pub(crate) fn agency(&self) -> bool {
        self.kind == EntityKind::Agency
    }
}

/// The kind of a dictionary actor.
pub(crate) fn kind_of(kind: ActorKind) -> EntityKind {
    match kind {
        ActorKind::Person => EntityKind::Person,
        ActorKind::Government => EntityKind::Government,
        ActorKind::Organisation => EntityKind::Organisation,
        ActorKind::ArmedGroup => EntityKind::Group,
        ActorKind::Country => EntityKind::Country,
        ActorKind::Agency => EntityKind::Agency,
    }
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

/// Whether the text after a name starts with a hyphen and a lower-case word
/// ("-aligned", "-backed"): the name is part of a compound modifier.
fn joined_to_modifier(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some('-') && chars.next().is_some_and(|c| c.is_lowercase())
}

/// Whether a name is joined by a hyphen to another capitalised name, before
/// or after it ("the Ukraine-Russia-OSCE Contact Group", "the Russia-Ukraine
/// talks"): the names together modify a noun, and none is a venue.
fn joined_to_name(before: &str, rest: &str) -> bool {
    let mut after = rest.chars();
    let mut back = before.chars().rev();
    after.next() == Some('-') && after.next().is_some_and(char::is_uppercase)
        || back.next() == Some('-') && back.next().is_some_and(char::is_alphanumeric)
}

/// Everything the event rules need to know about one sentence.
pub(crate) struct Reading<'a> {
    pub(crate) text: &'a str,
    pub(crate) offset: usize,
    /// The sentence is the article's headline: its present tense is no date.
    pub(crate) title: bool,
    pub(crate) toks: Vec<Tok<'a>>,
    /// Word classes by token (`entities::classes_by_token`).
    pub(crate) classes: Vec<Option<(entities::words::ClassSet, usize)>>,
    pub(crate) actors: Vec<ActorSpan>,
    pub(crate) places: Vec<PlaceSpan>,
    pub(crate) words: Vec<Found>,
    pub(crate) dates: Vec<TimeExpr>,
    pub(crate) quotes: Vec<(usize, usize)>,
    /// The clause breaks of the sentence (`clause_breaks`), found once for
    /// the many `clause_break` questions the rules ask.
    pub(crate) breaks: Vec<(usize, usize)>,
}

impl Reading<'_> {
    /// Whether a quotation closes at byte `end` (its mark ends there).
    pub(crate) fn quote_ends_at(&self, end: usize) -> bool {
        self.quotes.iter().any(|&(_, e)| e == end)
    }

    pub(crate) fn in_quote(&self, i: usize) -> bool {
        self.quotes.iter().any(|&(s, e)| s <= i && i < e)
    }

    pub(crate) fn mention(&self) -> Mention {
        Mention { sentence: self.text.to_string(), start: self.offset, end: self.offset + self.text.len() }
    }

    /// Whether the text between `a` and `b` crosses into another clause.
    pub(crate) fn clause_break(&self, a: usize, b: usize) -> bool {
        let (a, b) = (a.min(b), a.max(b));
        self.text.get(a..b).is_none() || self.breaks.iter().any(|&(s, e)| a <= s && e <= b)
    }

    pub(crate) fn actor_ending_at(&self, i: usize) -> Option<&ActorSpan> {
        self.actors.iter().filter(|a| a.end == i).max_by_key(|a| a.end - a.start)
    }

    pub(crate) fn actor_starting_at(&self, i: usize) -> Option<&ActorSpan> {
        self.actors.iter().filter(|a| a.start == i).max_by_key(|a| a.end - a.start)
    }

    /// The word right before byte `i`, in lower case; "" when punctuation
    /// or the sentence's start comes first.
    pub(crate) fn word_before(&self, i: usize) -> &str {
        let k = self.tok_at(i);
        match k.checked_sub(1).map(|j| &self.toks[j]) {
            Some(t) if t.kind == crate::extract::tokens::TokKind::Word => t.lower,
            _ => "",
        }
    }

    /// The whitespace-separated words from byte `b` on, each its start and
    /// text, read from the shared tokens (a token glued to the one before it
    /// belongs to its word: "Saturday," is one word).
    pub(crate) fn spaced_words_from(&self, b: usize) -> impl Iterator<Item = (usize, &str)> + '_ {
        let text = self.text;
        let mut k = self.tok_at(b);
        std::iter::from_fn(move || {
            let first = self.toks.get(k)?;
            let mut end = first.end;
            k += 1;
            while let Some(t) = self.toks.get(k).filter(|t| t.glued) {
                end = t.end;
                k += 1;
            }
            Some((first.start, &text[first.start..end]))
        })
    }

    /// The token that starts at byte `b` or the first after it.
    pub(crate) fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    /// The sentence's main subject: the actor that opens it, past an opening
    /// quotation mark, a conjunction ("But", "However") and a fronted phrase
    /// ending in a comma ("In February,", "On Monday,").
    pub(crate) fn main_subject(&self) -> Option<&ActorSpan> {
        let toks = &self.toks;
        let mut k = 0;
        while toks.get(k).is_some_and(|t| t.kind == crate::extract::tokens::TokKind::Punct) {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| OPENERS.contains(&t.lower)) {
            k += 1;
            if toks.get(k).is_some_and(|t| t.text == ",") {
                k += 1;
            }
        }
        // A fronted phrase of a few words that opens with a preposition.
        if toks.get(k).is_some_and(|t| FRONTED.contains(&t.lower)) {
            if let Some(c) = (k + 1..(k + 9).min(toks.len())).find(|&j| toks[j].text == ",") {
                k = c + 1;
            }
        } else if let Some(c) = (k + 1..(k + 5).min(toks.len())).find(|&j| toks[j].text == ",") {
            // "A day earlier,", "Two weeks later,", "Hours ago,": a time
            // phrase of a few words that ends in its adverb.
            if matches!(toks[c - 1].lower, "earlier" | "later" | "ago") {
                k = c + 1;
            }
        }
        let first = toks.get(k)?;
        // "The envoys", "A delegation of X": the article before the actor.
        let next = if matches!(first.lower, "the" | "a" | "an") { toks.get(k + 1).map(|t| t.start) } else { None };
        // "Mr. Muttaqi considered ...": a title before the name the actor holds.
        let titled =
            self.classes.get(k).copied().flatten().filter(|(set, _)| {
                set.iter().any(|c| matches!(c, crate::extract::entities::words::WordClass::Title(_)))
            });
        let after_title = titled.and_then(|(_, end)| {
            let j = end + usize::from(toks.get(end).is_some_and(|t| t.text == "."));
            toks.get(j).map(|t| t.start)
        });
        self.actors
            .iter()
            .filter(|a| a.start == first.start || Some(a.start) == next || Some(a.start) == after_title)
            .max_by_key(|a| a.end - a.start)
    }
}

/// Words that open a sentence before its subject.
const OPENERS: &[&str] =
    &["but", "and", "however", "meanwhile", "still", "yet", "so", "also", "separately", "earlier", "later"];

/// Prepositions and adverbs that open a phrase fronted before the subject.
const FRONTED: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "following",
    "earlier",
    "later",
    "speaking",
    "since",
    "with",
    "for",
    "from",
    "last",
    "this",
    "as",
    "according",
    "despite",
    "amid",
    "while",
    "when",
];

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

/// Where `separates_clauses` finds a break in a sentence, each as the span
/// that must lie within a gap for it to count: a gap holds a break exactly
/// when it holds one of these spans whole.
pub(crate) fn clause_breaks(st: &str) -> Vec<(usize, usize)> {
    let bytes = st.as_bytes();
    let mut out = Vec::new();
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b';' => out.push((i, i + 1)),
            // '\u{2014}' is E2 80 94 in UTF-8.
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x94]) => out.push((i, i + 3)),
            b' ' => {
                let rest = &bytes[i + 1..];
                if let Some(w) =
                    CLAUSE_WORDS.iter().find(|w| rest.get(..w.len()).is_some_and(|r| r.eq_ignore_ascii_case(w)))
                {
                    out.push((i, i + 1 + w.len()));
                }
            }
            _ => {}
        }
    }
    out
}

/// What is remembered from sentence to sentence in one article.
#[derive(Default)]
pub(crate) struct ArticleState {
    pub(crate) last_person: Option<ActorSpan>,
    pub(crate) last_speaker: Option<ActorSpan>,
    /// Every actor named so far, with its short forms, titles and gender.
    pub(crate) cast: Cast,
    /// The country the article is mostly about.
    pub(crate) main_country: Option<String>,
    /// The country the article's fighting is in ("the war in X"), for tolls
    /// that name no place.
    pub(crate) war_country: Option<String>,
    /// Who issued the latest statement, report or communique the article
    /// mentions: what "the statement said" names.
    pub(crate) issuer: Option<ActorSpan>,
    /// What issued it when no actor is named: a description ("the
    /// summit's final communique") that a later "the document said" names.
    pub(crate) issued_as: Option<String>,
    /// Whether the latest statement came from a text issued ("X said in a
    /// statement", "the statement added"): what a following "it said" names.
    pub(crate) text_spoke: bool,
    /// The latest two actors a sentence joined with "and" ("foreign
    /// ministers of Armenia and Azerbaijan"), with the article offset of
    /// that sentence: what "they" and "the two men" name.
    pub(crate) last_pair: Option<(ActorSpan, ActorSpan, usize)>,
    /// The latest two bodies a sentence set against each other ("talks
    /// between X and Y"): what "both sides" names however far back.
    pub(crate) sides: Option<(ActorSpan, ActorSpan)>,
    /// The article offset of the latest sentence that named the sides
    /// ("the warring parties") before the article set any two against each
    /// other: the two it sets next, a sentence or two on, are what it named.
    pub(crate) unsided: Option<usize>,
    /// The sentences that named the sides before the article set them, with
    /// the two it set right after ("Rival parties in X's war opened talks.
    /// The government and the rebels agreed ..."): their talks are between those.
    pub(crate) late_sides: Vec<(usize, Arc<str>, Arc<str>)>,
    /// The article offsets of the last three sentences read, the latest last.
    pub(crate) sentences_back: [usize; 3],
    /// Places the article spells as a variant of the dictionary's name
    /// ("Naypyitaw" for "Naypyidaw"), its first spelling of each: events are
    /// reported under the article's spelling (see `written_spelling`).
    pub(crate) spellings: Vec<(Arc<str>, Box<str>)>,
    /// The body a sentence opened on, with the article offset of that
    /// sentence: who "They met ..." in the next sentence are.
    pub(crate) last_body_subject: Option<(ActorSpan, usize)>,
    /// The last place a sentence named by its name: where "there" points
    /// in the next ("to attend the talks in Sweden. The delegation arrived
    /// there on Tuesday").
    pub(crate) last_place: Option<Arc<str>>,
    /// The article offset of the sentence that named `last_place`.
    pub(crate) last_place_at: usize,
    /// Who sent the delegation the article named last ("a Saudi delegation",
    /// "a delegation from Kenya"), with the article offset of its mention:
    /// whom a later bare "the delegation" stands for.
    pub(crate) last_delegation: Option<(ActorSpan, usize)>,
}

impl ArticleState {
    /// Notes that the article writes the place `name` as `written`, when that
    /// is a spelling variant of it (not another name: "Kiev" for "Kyiv" is,
    /// "U.S." for "United States" or "Nur-Sultan" for "Astana" is not).
    pub(crate) fn note_spelling(&mut self, name: &Arc<str>, written: &str) {
        if written.eq_ignore_ascii_case(name)
            || !written.chars().any(char::is_lowercase)
            || self.spellings.iter().any(|(n, _)| n == name)
            || !spelling_variant(name, written)
        {
            return;
        }
        self.spellings.push((name.clone(), written.into()));
    }

    /// The article's own spelling of the place `name`, if it spells it as a variant.
    pub(crate) fn written_spelling(&self, name: &str) -> Option<&str> {
        self.spellings.iter().find(|(n, _)| &**n == name).map(|(_, w)| &**w)
    }
}

/// Whether `b` spells the same name as `a`: the same first letter, and at
/// most a third of the letters changed ("Naypyitaw"/"Naypyidaw",
/// "Sana'a"/"Sanaa", "Hodeida"/"Hodeidah").
pub(crate) fn spelling_variant(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> Vec<char> {
        s.chars().filter(|c| c.is_alphanumeric() || *c == ' ').flat_map(char::to_lowercase).collect()
    };
    let (a, b) = (fold(a), fold(b));
    if a.is_empty() || b.is_empty() || a[0] != b[0] || a.len().abs_diff(b.len()) * 3 > a.len().max(b.len()) {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] * 3 <= a.len().max(b.len())
}

/// The countries an article is about, from its lead's place names.
pub(crate) struct Countries {
    /// The country most named (by name or adjective).
    pub(crate) main: Option<String>,
    /// The country the fighting is in (see [`war_weight`]).
    pub(crate) war: Option<String>,
    /// The countries of the places the lead names where something is or
    /// goes ("in X", "to X", a city of X), each once: where events happen
    /// when they all agree.
    pub(crate) located: Vec<String>,
}

/// The countries the article is about (see [`Countries`]).
pub(crate) fn main_country(text: &str, sentences: &[Sentence], scans: &[Scan], dict: &Dictionaries) -> Countries {
    let index = dict.index();
    let mut counts: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    // For the war's country: (weight, first mention) of each country.
    let mut war: foldhash::HashMap<usize, (usize, usize)> = foldhash::HashMap::default();
    let mut located: Vec<String> = Vec::new();
    let mut mention = 0;
    for (n, (s, scan)) in sentences.iter().zip(scans).enumerate() {
        let found = &scan.names;
        let st = s.text(text);
        for f in found {
            // "in Khartoum", "to eastern Sudan": a place named as where
            // something is, by its country.
            let country = f.place().and_then(|p| dict.places[p].country.as_ref());
            if let Some(country) = country
                .filter(|c| !located.contains(c) && LOCATIVE_TO.contains(&&*preposition_before(index, st, f.start)))
            {
                located.push(country.clone());
            }
            let Some(p) = f.place().or(f.adjective()).filter(|&p| entities::is_country_place(dict, p)) else {
                continue;
            };
            // "Russia says", and the attacker's side in "Saudi-led", "Iran-backed": no location.
            if acts_as_subject(index, &st[f.end..])
                || st[f.end..].starts_with("-led")
                || st[f.end..].starts_with("-backed")
            {
                continue;
            }
            let prep = st[..f.start].trim_end().rsplit(' ').next().unwrap_or("");
            let weight = if ["in", "to", "across", "throughout", "inside"].contains(&prep) { 3 } else { 1 };
            *counts.entry(p).or_default() += if n == 0 { weight * 2 } else { weight };
            let weight = war_weight(index, st, f.start, f.end, f.place().is_none());
            mention += 1;
            let entry = war.entry(p).or_insert((0, mention));
            entry.0 += if n == 0 { weight * 2 } else { weight };
        }
    }
    let name = |p: usize| dict.places[p].name.clone();
    let main = counts.into_iter().max_by_key(|&(p, n)| (n, std::cmp::Reverse(p))).map(|(p, _)| name(p));
    let war = war.into_iter().max_by_key(|&(_, (n, first))| (n, std::cmp::Reverse(first))).map(|(p, _)| name(p));
    Countries { main, war, located }
}

/// The prepositions before a place that name it as where something is or goes.
pub(crate) const LOCATIVE_TO: [&str; 6] = ["in", "to", "across", "throughout", "inside", "into"];

/// The word before byte `start` of sentence `st`, lower case, past the
/// place modifiers ("in eastern X": "in").
pub(crate) fn preposition_before<'s>(index: &Index, st: &'s str, start: usize) -> std::borrow::Cow<'s, str> {
    let mut back = st[..start].split_whitespace().rev().map(word_at);
    let mut prep = back.next().unwrap_or_default();
    while index.is_word_of(&prep, Class::PlaceModifier) {
        prep = back.next().unwrap_or_default();
    }
    prep
}

/// A word without its punctuation, lower case (borrowed when it already is).
fn word_at(w: &str) -> std::borrow::Cow<'_, str> {
    lower_cow(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
}

/// How much a country's mention at `start..end` of sentence `st` tells that
/// the article's fighting is there: a name where things happen ("in X",
/// "across eastern X") counts 3, not a place someone goes to ("flew to X")
/// nor an adjective ("in Russian-speaking areas"); a country the fighting
/// is in ("the war in X") or that owns it ("X's civil war", "the Syrian
/// conflict") counts 3 more; any other mention 1.
fn war_weight(index: &Index, st: &str, start: usize, end: usize, adjective: bool) -> usize {
    let mut back = st[..start].split_whitespace().rev().map(word_at);
    let mut prep = back.next().unwrap_or_default();
    while index.is_word_of(&prep, Class::PlaceModifier) {
        prep = back.next().unwrap_or_default();
    }
    let locative = !adjective && ["in", "across", "throughout", "inside"].contains(&&*prep);
    let fighting_in = locative && back.next().is_some_and(|w| index.is_word_of(&w, Class::Conflict));
    // "Syria's civil war", "the Sudanese conflict", "Yemen war": the
    // possessive, then at most one word before the noun.
    let rest = &st[end..];
    let rest = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("\u{2019}s")).unwrap_or(rest);
    let owns = rest.starts_with(' ')
        && rest.split_whitespace().take(2).map(word_at).any(|w| index.is_word_of(&w, Class::Conflict));
    1 + if locative { 2 } else { 0 } + if fighting_in || owns { 3 } else { 0 }
}

/// After the rules: what the sentence tells the rest of the article.
pub(crate) fn remember(r: &Reading, state: &mut ArticleState) {
    if let Some(p) = r.places.iter().rev().find(|p| !p.adjective) {
        state.last_place = Some(p.name.clone());
        state.last_place_at = r.offset;
    }
    if let Some(p) = r.actors.iter().rev().find(|a| a.person()) {
        state.last_person = Some(p.clone());
    }
    // A line of names alone ("Middle East", a section label over the story)
    // has no subject: it says nothing anybody did.
    // Nor a caption ("X, Y and Z a day before the meeting"): a line that
    // ends in no stop, whatever its case.
    let label = !r.toks.iter().any(|t| t.text.starts_with(char::is_lowercase))
        || r.toks.last().is_some_and(|t| t.kind != crate::extract::tokens::TokKind::Punct);
    // "UN-Arab League envoy to Syria Lakhdar Brahimi, on his first mission,
    // is to meet": the person the opening body's title leads to.
    let subject = r.main_subject().filter(|_| !label).and_then(|s| {
        // "X's aide and chief spokesman, Y, appeared": the one who opens the
        // sentence owns its subject, the person named in apposition to the
        // title after it, and a person who owns it is none of it himself.
        let rest = &r.text[s.end..];
        if rest.starts_with("'s ") || rest.starts_with("\u{2019}s ") {
            let owned = r.actors.iter().find(|p| {
                p.person() && p.start >= s.end && {
                    let gap = &r.text[s.end..p.start];
                    gap.trim_end().ends_with(',')
                        && gap.matches(',').count() == 1
                        && gap.split_whitespace().count() <= 10
                        && !gap.contains([';', '"', '\u{201c}'])
                        && !separates_clauses(gap)
                }
            });
            if let Some(p) = owned {
                return Some(p.start);
            }
            if s.person() {
                return None;
            }
        }
        let titled = r.actors.iter().find(|p| {
            !s.person()
                && p.person()
                && p.start >= s.end
                // "UN Secretary-General's Special Envoy for Syria X": a title
                // of a few words, its complement included.
                && r.text[s.end..p.start].split_whitespace().count() <= 6
                && !r.text[s.end..p.start].contains([',', ';'])
                // "the Command believes that X has moved": a clause of its
                // own, not a title's complement.
                && !separates_clauses(&r.text[s.end..p.start])
                && r.text[s.end..p.start].split_whitespace().filter(|w| w.starts_with(char::is_lowercase)).count() <= 3
        });
        Some(titled.map_or(s.start, |p| p.start))
    });
    if let Some(a) = subject
        .and_then(|at| r.actors.iter().filter(|a| a.start == at && a.how != How::Pronoun).max_by_key(|a| a.end))
        .filter(|a| a.kind.is_body())
    {
        state.last_body_subject = Some((a.clone(), r.offset));
    }
    // "X and Y", "U.S. Secretary of State X and Russian Foreign Minister Y":
    // "and", then at most a few capitalised words (a title) before the second.
    let joined = |a: &ActorSpan, b: &ActorSpan| {
        let gap = r.text.get(a.end..b.start).map_or("", str::trim);
        let Some(rest) = gap.strip_prefix("and").or_else(|| gap.strip_prefix(", and")) else { return false };
        // "and his Russian counterpart Vladimir Putin": a title between.
        let title_word = |w: &str| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(w, "his" | "her" | "their" | "its" | "the" | "counterpart" | "counterparts")
        };
        rest.is_empty()
            || (rest.starts_with(' ')
                && rest.split_whitespace().count() <= 5
                && rest.split_whitespace().all(title_word))
    };
    // Pronouns are left out: "X and his counterpart Y" pairs X and Y.
    let named: Vec<&ActorSpan> = r.actors.iter().filter(|a| a.how != How::Pronoun).collect();
    let pairs = named.windows(2).filter(|w| {
        !r.in_quote(w[0].start) && !w[0].agency() && !w[1].agency() && w[0].name != w[1].name && joined(w[0], w[1])
    });
    // Two persons before anything else ("Kerry and Lavrov ... including Syria and Ukraine").
    // Not the people of two nationalities that share one noun ("Turkish
    // and Russian officials"): one phrase, that "the two leaders" does not name.
    let shared_noun = |a: &ActorSpan| {
        a.kind == EntityKind::Group && a.name.rsplit(' ').next().is_some_and(|n| !r.text[a.start..a.end].ends_with(n))
    };
    let pair =
        pairs.clone().find(|w| w[0].person() && w[1].person()).or_else(|| pairs.clone().rfind(|w| !shared_noun(w[0])));
    if let Some(w) = pair {
        state.last_pair = Some(((*w[0]).clone(), (*w[1]).clone(), r.offset));
    }
    // "talks between delegates of the government and the rebels": the
    // bodies a delegation noun before "of" speaks for, after "between".
    let spoken_for = |a: &ActorSpan| {
        let word = |k: usize, w: &str| k > 0 && r.toks[k - 1].lower == w;
        let mut k = r.tok_at(a.start);
        if word(k, "the") {
            k -= 1;
        }
        let delegation = |k: usize| {
            r.classes.get(k).copied().flatten().is_some_and(|(set, _)| set.iter().any(|c| c == WordClass::Delegation))
        };
        if !(word(k, "of") && k >= 2 && delegation(k - 2)) {
            return false;
        }
        k -= 2;
        if word(k, "the") {
            k -= 1;
        }
        word(k, "between")
    };
    // "talks between the army and the RSF": two bodies after "between".
    let between = |a: &ActorSpan| {
        let before = r.text[..a.start].trim_end();
        let before = before.strip_suffix("the").map_or(before, str::trim_end);
        // Bytes, not a str slice: seven bytes back may fall inside a
        // character ("trip’s" ends in a three-byte apostrophe).
        before.len() >= 8 && before.as_bytes()[before.len() - 7..].eq_ignore_ascii_case(b"between") || spoken_for(a)
    };
    // "X and Y agreed to hold talks": two bodies that open the sentence as
    // its subject are set against each other as much ("the two sides agreed
    // to hold military talks" later names them, not the leaders between).
    let opens = |w: &[&ActorSpan]| r.main_subject().is_some_and(|s| s.start == w[0].start) && !r.title;
    if let Some(w) = pairs.clone().find(|w| !w[0].person() && !w[1].person() && (between(w[0]) || opens(w))) {
        state.sides = Some(((*w[0]).clone(), (*w[1]).clone()));
    } else if state.sides.is_none() {
        // "X agrees to a ceasefire with Y", "X held talks with the Y": the
        // body that opens the sentence and the body right after its "with"
        // face each other, when the article set no two sides before.
        let opener = r.main_subject().filter(|s| !s.person() && !s.agency());
        let with = |a: &ActorSpan| {
            let k = r.tok_at(a.start);
            let k = if k > 0 && r.toks[k - 1].lower == "the" { k - 1 } else { k };
            k > 0 && r.toks[k - 1].lower == "with"
        };
        if let Some(x) = opener {
            let other = r.actors.iter().find(|a| {
                a.start >= x.end && !a.person() && !a.agency() && a.name != x.name && !r.in_quote(a.start) && with(a)
            });
            if let Some(y) = other {
                state.sides = Some((x.clone(), y.clone()));
            }
        }
    }
    // "Rival parties in X's war opened talks. The government and the rebels
    // agreed ...": the sides a sentence named before the article set any
    // are the two it sets in that sentence or the next two.
    if let Some(at) = state.unsided {
        if at < state.sentences_back[1] {
            state.unsided = None;
        } else if let Some((a, b)) = &state.sides {
            state.late_sides.push((at, a.name.clone(), b.name.clone()));
            state.unsided = None;
        }
    }
    state.sentences_back = [state.sentences_back[1], state.sentences_back[2], r.offset];
    for a in r.actors.iter().filter(|a| !r.in_quote(a.start)) {
        if let Some(e) = a.entity {
            state.cast.seen(e, r.offset + a.start, Some(a.start) == subject);
        }
    }
}

/// Reads one sentence: `toks` are its tokens, `scan` what the dictionary found in it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn read<'a>(
    text: &'a str,
    s: &Sentence,
    toks: Vec<Tok<'a>>,
    Scan { names, words, titles, classes: _ }: Scan,
    Marks { by_token, speech, .. }: Marks,
    found: Vec<names::Named>,
    dict: &Dictionaries,
    index: &Index,
    anchor: &Anchor,
    state: &mut ArticleState,
) -> Reading<'a> {
    let st = s.text(text);
    // Only the event rules read dates, and each needs a trigger word: a
    // sentence without one (most sentences of most articles) skips the search.
    let has_trigger = words.iter().any(|w| {
        w.targets
            .iter()
            .any(|t| matches!(t, entities::Target::Trigger(i) if dict.triggers[*i].role != TriggerRole::Bare))
    });
    let dates = if has_trigger { dates::find_in(st, &toks, &dict.dates) } else { Vec::new() };
    let quotes = quotes(st, &speech);
    // Sized for the names found: the lists grew from empty in every sentence.
    let mut actors = Vec::with_capacity(names.len() + found.len());
    let mut places = Vec::with_capacity(names.len());
    // Dictionary places that are only part of a longer gazetteer name ("Port
    // Sudan", "Djibouti City"): the longer name is the place, and neither
    // the shorter place nor its country is named.
    let mut lengthened: Vec<(usize, usize)> = Vec::new();
    for f in &names {
        if f.place().is_some() {
            if let Some((start, end, name)) = lengthened_place(st, f.start, f.end, &names, dict) {
                lengthened.push((start, end));
                places.push(PlaceSpan { start, end, name: name.into(), adjective: false, country: false });
                continue;
            }
        }
        if let Some(a) = f.actor() {
            let actor = &dict.actors[a];
            // "at Seif Palace", "the Mandela Hall", "the Abraham Accords": a
            // person's name before a capitalised head of a thing's name
            // (data/words.tsv `thing_head`) names that thing, not the person.
            if actor.kind == ActorKind::Person && names_a_thing(&toks, &by_token, f.start, f.end) {
                continue;
            }
            let name = index.actor_name(a).clone();
            let kind = kind_of(actor.kind);
            let entity = state.cast.add(&name, kind, Some(a), s.start + f.start);
            actors.push(ActorSpan {
                start: f.start,
                end: f.end,
                name,
                kind,
                country: index.actor_country(a).cloned(),
                entity: Some(entity),
                how: How::Name,
            });
        }
        if let Some(p) = f.place().or(f.adjective()) {
            if f.place().is_some() {
                state.note_spelling(index.place_name(p), &st[f.start..f.end]);
            }
            places.push(PlaceSpan {
                start: f.start,
                end: f.end,
                name: index.place_name(p).clone(),
                // "the Iran-aligned group", "Saudi-led forces": a name
                // joined to a lower-case word modifies a noun, as an
                // adjective does; it is no venue or destination.
                adjective: f.place().is_none()
                    || joined_to_modifier(&st[f.end..])
                    || joined_to_name(&st[..f.start], &st[f.end..]),
                country: entities::is_country_place(dict, p),
            });
        }
    }
    capitals(st, &toks, index, state, &mut places);
    // "Moscow said", "Riyadh and Damascus announced": a capital that speaks
    // or acts is its country's government, an actor as well as a place.
    for p in &places {
        let capital =
            index.place_named(&p.name).is_some_and(|i| dict.places[i].kind == crate::dict::PlaceKind::Capital);
        if !capital || actors.iter().any(|a| a.start < p.end && p.start < a.end) {
            continue;
        }
        let rest = &st[p.end..];
        let and_next = rest.trim_start().strip_prefix("and ").is_some_and(|r2| {
            let r2 = r2.trim_start();
            places.iter().any(|q| st.len() - r2.len() == q.start && acts_as_subject(index, &st[q.end..]))
        });
        // At the head of the sentence or of the clause after a fronted phrase,
        // any verb in the past: "Cairo launched talks", "Having ties with
        // both, Cairo launched talks".
        let heads = st[..p.start].trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
            || st[..p.start].trim_end().ends_with(',');
        let past = || {
            let next = rest.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            next.len() > 4 && next.ends_with("ed") && next.starts_with(|c: char| c.is_lowercase())
        };
        // "after a visit to Kabul, will travel": a capital after a
        // preposition of place is where, not who.
        if after_locative(&toks, &by_token, p.start) {
            continue;
        }
        if acts_as_subject(index, rest) || and_next || (heads && past()) {
            let Some(country) = index.place_named(&p.name).and_then(|i| dict.places[i].country.clone()) else {
                continue;
            };
            let entity = state.cast.add(&country, EntityKind::Country, None, s.start + p.start);
            actors.push(ActorSpan {
                start: p.start,
                end: p.end,
                name: country.into(),
                kind: EntityKind::Country,
                country: None,
                entity: Some(entity),
                how: How::Name,
            });
        }
    }
    // Governments named through their country: "Syria's government", "the Syrian regime".
    for p in &places {
        let rest = &st[p.end..];
        let rest = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("\u{2019}s")).unwrap_or(rest);
        // Up to three modifiers first: "Yemen's exiled government", "Yemen's
        // Saudi Arabian-backed government"; "the internationally-recognized
        // Libyan government" is read above.
        let rest = skip_modifiers(rest, 3);
        for head in GOVERNMENT_HEADS {
            let followed = rest
                .strip_prefix(' ')
                .and_then(|r| r.strip_prefix(head))
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric));
            if followed && !actors.iter().any(|a| a.start <= p.start && p.end <= a.end && a.end > p.end) {
                let end = p.end + (st[p.end..].len() - rest.len()) + 1 + head.len();
                actors.retain(|a| !(a.start >= p.start && a.end <= end));
                let name: Arc<str> = government_of(dict, &p.name).into();
                let entity = state.cast.add(&name, EntityKind::Government, None, s.start + p.start);
                actors.push(ActorSpan {
                    start: p.start,
                    end,
                    name,
                    kind: EntityKind::Government,
                    country: Some(p.name.clone()),
                    entity: Some(entity),
                    how: How::Name,
                });
            }
        }
    }
    roles(st, s.start, index.role_mentions_in(&titles), index, dict, anchor, &places, &mut actors, state);
    let lone = LoneSubject { article: text, toks: &toks, words: &words, speech: &speech };
    shaped_names(st, s.start, found, dict, &lone, &mut actors, &mut places, state);
    actors.retain(|a| !lengthened.iter().any(|&(start, end)| start <= a.start && a.end <= end));
    leaders_governments(st, s.start, dict, &mut actors, state);
    region_parties(st, s.start, index, &places, &mut actors, state);
    delegations(s.start, &toks, &by_token, dict, &places, &mut actors, state);
    sides(s.start, &toks, &by_token, dict, &mut actors, state);
    bodies_in_lower_case(s.start, &toks, &by_token, &mut actors, state);
    coordinated_groups(s.start, &toks, &by_token, &mut actors, state);
    actors.sort_by_key(|a| (a.start, a.end));
    titled_mentions(st, &toks, &by_token, &places, &mut actors, &mut state.cast);
    descriptions(st, s.start, &toks, &words, &by_token, dict, index, anchor, &places, &mut actors, state);
    if pairs(&toks, index, &mut actors, state) {
        state.unsided = Some(s.start);
    }
    pronouns(st, s.start, &toks, &by_token, &quotes, &speech, &mut actors, state);
    actors.sort_by_key(|a| (a.start, a.end));
    places.sort_by_key(|p| p.start);
    if std::env::var_os("CHRONICLE_DEBUG").is_some() {
        eprintln!(
            "{st}\n  actors: {:?}\n  places: {:?}",
            actors.iter().map(|a| (&st[a.start..a.end], &*a.name, a.kind, a.how)).collect::<Vec<_>>(),
            places.iter().map(|p| (&st[p.start..p.end], &*p.name)).collect::<Vec<_>>()
        );
    }
    let breaks = clause_breaks(st);
    Reading {
        text: st,
        offset: s.start,
        title: false,
        toks,
        classes: by_token,
        actors,
        places,
        words,
        dates,
        quotes,
        breaks,
    }
}

/// Whether the name at bytes `start..end` modifies a capitalised head of a
/// thing's name right after it ("Palace", "Hotel", "Agreement"), after a
/// word in lower case ("at Seif Palace", "the X Hotel"): not in a headline
/// in title case, where "Kerry Talks With" is the person's.
fn names_a_thing(
    toks: &[Tok],
    by_token: &[Option<(entities::words::ClassSet, usize)>],
    start: usize,
    end: usize,
) -> bool {
    let k = toks.partition_point(|t| t.start < end);
    let before = toks.partition_point(|t| t.start < start);
    let after_lower = before > 0
        && toks[before - 1].kind == crate::extract::tokens::TokKind::Word
        && toks[before - 1].text.starts_with(char::is_lowercase);
    after_lower
        && toks.get(k).is_some_and(|t| {
            t.kind == crate::extract::tokens::TokKind::Word
                && !t.glued
                && t.text.starts_with(char::is_uppercase)
                && by_token
                    .get(k)
                    .copied()
                    .flatten()
                    .is_some_and(|(set, _)| set.iter().any(|c| c == WordClass::ThingHead))
        })
}

/// What tells whether a lone capitalised word opening a sentence is a
/// person ("Smith said") or a common word its capital comes from.
struct LoneSubject<'r> {
    /// The whole article, to find the word written in lower case.
    article: &'r str,
    toks: &'r [Tok<'r>],
    /// The sentence's triggers and cues.
    words: &'r [Found],
    speech: &'r [(usize, usize)],
}

impl LoneSubject<'_> {
    /// Whether the one word at bytes `start..end` of sentence `st`, which
    /// opens it, is a person as the subject of the speech verb right after
    /// it: not a word of `data/words.tsv` (nor its singular: "Officials"),
    /// a trigger or cue, or a word the article writes in lower case too.
    fn speaks(&self, st: &str, start: usize, end: usize, index: &Index) -> bool {
        if !names::speech_right_after(st, end, self.speech) || self.words.iter().any(|w| w.start == start) {
            return false;
        }
        let Some(tok) = self.toks.iter().find(|t| t.start == start && t.end == end) else { return false };
        let word = tok.lower;
        let stems = [Some(word), word.strip_suffix('s'), word.strip_suffix("es")];
        if stems.into_iter().flatten().any(|w| index.word_classes(w).next().is_some()) {
            return false;
        }
        let bytes = self.article.as_bytes();
        let boundary = |i: usize| bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric() && *b < 0x80);
        !self.article.match_indices(word).any(|(i, _)| (i == 0 || boundary(i - 1)) && boundary(i + word.len()))
    }
}

/// Names the dictionary does not know (`entities::names`), as actors and
/// places, each added to the article's cast with its titles and short forms.
#[allow(clippy::too_many_arguments)]
fn shaped_names(
    st: &str,
    offset: usize,
    found: Vec<names::Named>,
    dict: &Dictionaries,
    lone: &LoneSubject,
    actors: &mut Vec<ActorSpan>,
    places: &mut Vec<PlaceSpan>,
    state: &mut ArticleState,
) {
    for n in found {
        if let Some(at) = n.known {
            extend_known(st, &n, at, dict, actors, state);
            continue;
        }
        if n.placed {
            // "Cabo Delgado province": a surname the dictionary knows inside it
            // ("Delgado") names no one here.
            actors.retain(|a| !(a.start < n.end && n.start < a.end && a.person() && a.how == How::Name));
        }
        body_as_surname(st, &n, dict, actors);
        if actors.iter().any(|a| a.start < n.end && n.start < a.end) {
            continue;
        }
        let text = &st[n.start..n.end];
        // A short form of a name the cast knows ("Griffiths"), or the name
        // itself; a given name after an honorific ("Mr Tut").
        let honorific = n.title.as_deref().is_some_and(|t| matches!(t, "mr" | "mrs" | "ms" | "miss" | "dr" | "sheikh"));
        // "Ethiopia's Abiy": a country's possessive before a given name alone.
        let possessed = st[..n.start].ends_with("'s ") || st[..n.start].ends_with("\u{2019}s ");
        let known = (!n.placed)
            .then(|| {
                state.cast.alias(text).or_else(|| match () {
                    _ if honorific || possessed => state.cast.given_name(text),
                    // A given name alone, of one person only: "Abiy said" after "Abiy Ahmed".
                    _ if !text.contains(' ') => state.cast.sole_given_name(text),
                    _ => None,
                })
            })
            .flatten();
        let party = party_noun_after(dict.index(), st, n.end);
        // "a number of Gulf diplomats": a word no dictionary knows before a
        // noun for people names them as a group, as "Tigray leaders" does.
        // ("Rebel leaders" opening a sentence: a side, read in `sides`.)
        let side = || dict.index().word_classes(text).any(|c| matches!(c, WordClass::Side { .. }));
        if let Some(noun) = party.filter(|_| known.is_none() && n.weak && n.kind != NameKind::Place) {
            if side() {
                continue;
            }
            push_party(offset, (n.start, n.end), text, noun, actors, state);
            continue;
        }
        // "the Polisario independence movement", "the M23 rebel group": a
        // name no dictionary knows before a group noun (past at most two
        // lower-case modifiers) is that group's name.
        if known.is_none() && (n.weak || n.guessed) && n.title.is_none() && n.kind != NameKind::Place {
            if let Some(end) = group_noun_after(dict.index(), st, n.start, n.end) {
                push_group(offset, (n.start, end), text, actors, state);
                continue;
            }
        }
        // A name the world gazetteer knows, in a place's position ("flew to
        // Bakhmut", a lone word too: "is heading to Tobruk") or typed a person
        // for want of anything better, is a place.
        let place_name =
            (known.is_none() && n.kind != NameKind::Place).then(|| place_in_gazetteer(st, &n, dict)).flatten();
        // "Smith said": a lone word the sentence opens with, no common word,
        // is a person as the subject of a speech verb; not a given name the
        // cast knows, which names one of its persons or none.
        let lone_speaker = n.weak
            && known.is_none()
            && !text.contains(' ')
            && state.cast.given_name(text).is_none()
            && lone.speaks(st, n.start, n.end, dict.index());
        if known.is_none() && place_name.is_none() && n.weak && party.is_none() && !lone_speaker {
            continue;
        }
        let kind = match n.kind {
            _ if lone_speaker => EntityKind::Person,
            _ if known.is_some() => known.map_or(EntityKind::Unknown, |e| state.cast.get(e).kind),
            _ if place_name.is_some() => {
                if !places.iter().any(|p| p.start < n.end && n.start < p.end) {
                    places.push(PlaceSpan {
                        start: n.start,
                        end: n.end,
                        name: place_name.filter(|g| !spelling_variant(g, text)).unwrap_or(text).into(),
                        adjective: false,
                        country: false,
                    });
                }
                continue;
            }
            NameKind::Place => {
                if !places.iter().any(|p| p.start < n.end && n.start < p.end) {
                    // The gazetteer's spelling when it knows the place, unless
                    // the text's is only a variant of it.
                    let name = gazetteer_name(dict, text).filter(|g| !spelling_variant(g, text)).unwrap_or(text);
                    places.push(PlaceSpan {
                        start: n.start,
                        end: n.end,
                        name: name.into(),
                        adjective: false,
                        country: false,
                    });
                }
                continue;
            }
            NameKind::Entity(k) => k,
            NameKind::Unknown => EntityKind::Unknown,
        };
        let (entity, how) = match known {
            Some(e) if state.cast.get(e).name.eq_ignore_ascii_case(text) => (e, How::Name),
            Some(e) => (e, How::Short),
            None => (enlist(st, &n, kind, dict, &mut state.cast, offset + n.start), How::Name),
        };
        // The title's country or body ("U.N. envoy X", "Houthi spokesman X"):
        // part of the mention, not an actor of its own.
        let mut country = None;
        if n.span_start < n.start {
            if let Some(owner) = actors.iter().find(|a| a.start >= n.span_start && a.end <= n.start) {
                country = Some(owner.name.clone());
            } else if let Some(p) = places.iter().find(|p| p.start >= n.span_start && p.end <= n.start) {
                country = Some(p.name.clone());
            }
            actors.retain(|a| !(a.start >= n.span_start && a.end <= n.start));
        }
        if let Some(c) = &country {
            state.cast.set_country(entity, c.clone());
        }
        let e = state.cast.get(entity);
        actors.push(ActorSpan {
            start: n.span_start,
            end: n.end,
            name: e.name.clone(),
            kind: e.kind,
            country: e.country.clone(),
            entity: Some(entity),
            how,
        });
    }
}

/// Given names or initials before a dictionary person's surname: the same
/// person when they agree with the dictionary's spellings ("Sergey V. Lavrov"
/// is Sergei Lavrov), else another person of that surname ("Ahmed al-Sharaa"
/// is not Farouk al-Sharaa).
/// "Muhammad Ali al-Houthi said": a group's or body's one-word name, after
/// "al-"/"el-", that closes a name opening with a given name is that person's
/// surname, not the body; its actor is dropped so that the whole name is read.
fn body_as_surname(st: &str, n: &names::Named, dict: &Dictionaries, actors: &mut Vec<ActorSpan>) {
    if n.placed || n.kind == NameKind::Place || n.known.is_some() {
        return;
    }
    let first = st[n.start..n.end].split_whitespace().next().unwrap_or("");
    let overlapping = |a: &ActorSpan| a.start < n.end && n.start < a.end;
    let Some(pos) = actors.iter().position(overlapping) else { return };
    let a = &actors[pos];
    let before = &st[n.start..a.start];
    let prefixed = ["al-", "el-", "Al-", "El-"].iter().any(|p| before.ends_with(p));
    let surname = a.end == n.end
        && n.start < a.start
        && matches!(a.kind, EntityKind::Group | EntityKind::Organisation)
        && a.how == How::Name
        && !st[a.start..a.end].contains(' ')
        && (prefixed || st[a.start..a.end].starts_with(['a', 'e', 'A', 'E']) && st[a.start..a.end].contains('-'))
        && before.trim_end_matches(|c: char| c.is_alphabetic() || c == '-').contains(' ');
    if surname && dict.given_names.gender(first).is_some() && actors.iter().filter(|a| overlapping(a)).count() == 1 {
        actors.remove(pos);
    }
}

fn extend_known(
    st: &str,
    n: &names::Named,
    at: usize,
    dict: &Dictionaries,
    actors: &mut [ActorSpan],
    state: &mut ArticleState,
) {
    let Some(pos) = actors.iter().position(|a| a.start == at && a.person()) else { return };
    let first = st[n.start..n.end].split_whitespace().next().unwrap_or("");
    let initial = first.len() <= 2 && first.ends_with('.');
    let dict_actor = actors[pos].entity.and_then(|e| state.cast.get(e).dict).map(|d| &dict.actors[d]);
    let names = || dict_actor.into_iter().flat_map(|a| std::iter::once(&a.name).chain(&a.aliases));
    if n.start == at {
        // Words after the dictionary's ("Idris Bako" after "Idris"): the same
        // person only when the dictionary's own names hold them ("Abiy Ahmed").
        let rest = &st[actors[pos].end.min(n.end)..n.end];
        let held = rest
            .split_whitespace()
            .all(|w| names().any(|name| name.split_whitespace().any(|x| x.eq_ignore_ascii_case(w))));
        if held {
            actors[pos].end = n.end;
            return;
        }
    } else {
        // The same given name, or another spelling of it or of the whole
        // name ("Ismael Omer Guelleh", "Anthony Blinken"): the dictionary's.
        let text = &st[n.start..n.end];
        let same = initial
            || names().any(|name| {
                name.split_whitespace()
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(first) || spelling_variant(w, first))
                    || spelling_variant(name, text)
            });
        if same {
            actors[pos].start = n.start;
            return;
        }
    }
    let entity = enlist(st, n, EntityKind::Person, dict, &mut state.cast, n.start);
    let e = state.cast.get(entity);
    actors[pos] = ActorSpan {
        start: n.start,
        end: n.end,
        name: e.name.clone(),
        kind: EntityKind::Person,
        country: None,
        entity: Some(entity),
        how: How::Name,
    };
}

/// Adds a name found by its shape to the cast, with its short forms, title,
/// gender and acronym; `at` is its article offset, or `cast::UNSEEN`.
fn enlist(st: &str, n: &names::Named, kind: EntityKind, dict: &Dictionaries, cast: &mut Cast, at: usize) -> usize {
    let index = dict.index();
    let text = &st[n.start..n.end];
    let entity = cast.add(text, kind, None, at);
    match kind {
        EntityKind::Person => {
            let particle = |w: &str| index.word_classes(w).any(|c| c == WordClass::Particle);
            cast.add_person_aliases(text, entity, particle);
            if n.guessed {
                cast.no_lone_given_name(text);
            }
        }
        EntityKind::Organisation | EntityKind::Group => {
            if let Some(initials) = initials(text) {
                cast.add_alias(&initials, entity);
            }
        }
        _ => {}
    }
    if let Some((a, b)) = n.acronym {
        cast.add_alias(&st[a..b], entity);
    }
    if let Some(t) = n.title.as_deref().filter(|t| !t.is_empty()) {
        cast.add_title(entity, t);
    }
    // The title's gender ("spokeswoman"), else the given name's ("Hans").
    let given = || match dict.given_names.gender(text.split_whitespace().next().unwrap_or(""))? {
        crate::dict::Gender::Male => Some(entities::words::Gender::Male),
        crate::dict::Gender::Female => Some(entities::words::Gender::Female),
        crate::dict::Gender::Unisex => None,
    };
    let gender = n.gender.or_else(|| (kind == EntityKind::Person && text.contains(' ')).then(given).flatten());
    if let Some(g) = gender {
        cast.set_gender(entity, g);
    }
    entity
}

/// Before the article is read sentence by sentence: the names of every
/// sentence found by their shape (`entities::names`), and the persons and
/// organisations among them entered in the cast, so that a headline's
/// "Serraj" or "RSF" refers to the name the body gives in full further down.
pub(crate) fn introduce(
    texts: &[&str],
    toks: &[Vec<Tok>],
    scans: &[Scan],
    marks: &[Marks],
    dict: &Dictionaries,
    index: &Index,
    cast: &mut Cast,
) -> Vec<Vec<names::Named>> {
    // The dictionary's persons first, with the short forms of their names, so
    // that a shaped "Ould Cheikh" is read as the known "Ismail Ould Cheikh
    // Ahmed" and not entered as someone new.
    let particle = |w: &str| index.word_classes(w).any(|c| c == WordClass::Particle);
    for (st, scan) in texts.iter().zip(scans) {
        for f in &scan.names {
            let Some(a) = f.actor().filter(|&a| dict.actors[a].kind == ActorKind::Person) else { continue };
            let name = index.actor_name(a);
            let entity = match cast.named(name) {
                Some(e) => e,
                None => {
                    let e = cast.add(name, EntityKind::Person, Some(a), entities::cast::UNSEEN);
                    cast.add_person_aliases(name, e, particle);
                    e
                }
            };
            // As written ("Bernardino Leon" for "Bernardino León").
            let written = &st[f.start..f.end];
            if cast.alias(written) != Some(entity) {
                cast.add_person_aliases(written, entity, particle);
            }
        }
    }
    let mut all: Vec<Vec<names::Named>> = (texts.iter().zip(toks).zip(scans).zip(marks))
        .map(|(((st, toks), scan), marks)| names_of(st, toks, scan, marks, dict))
        .collect();
    for (i, found) in all.iter_mut().enumerate() {
        if !found.is_empty() && names::title_case(&toks[i]) {
            found.retain(|n| !common_words_in_title_case(texts, toks, i, n));
        }
    }
    // A name a place noun makes a place somewhere in the lead ("Cabo Delgado
    // province") is no person where nothing tells what it is.
    let placed: Vec<&str> = texts
        .iter()
        .zip(&all)
        .flat_map(|(st, found)| found.iter().filter(|n| n.placed).map(|n| &st[n.start..n.end]))
        .collect();
    for (st, found) in texts.iter().zip(&all) {
        for n in found {
            let kind = match n.kind {
                NameKind::Entity(k @ (EntityKind::Person | EntityKind::Organisation | EntityKind::Group)) => k,
                _ => continue,
            };
            let text = &st[n.start..n.end];
            if (n.guessed || n.known.is_some()) && placed.iter().any(|p| p.eq_ignore_ascii_case(text)) {
                continue;
            }
            let words = text.split_whitespace().count();
            if !n.weak && words >= 2 && cast.alias(text).is_none() {
                enlist(st, n, kind, dict, cast, entities::cast::UNSEEN);
            }
        }
    }
    all
}

/// Whether a name of line `i`, which is in title case, is only common
/// words capitalised: every word of it is written in lower case elsewhere
/// in the lead, and the name itself nowhere ("Transitional Council" in a
/// headline over "talks on a transitional council"); for a name taken for
/// a person on its shape alone, one such word is enough. Not a name with a
/// title or a dictionary name in it.
fn common_words_in_title_case(texts: &[&str], toks: &[Vec<Tok>], i: usize, n: &names::Named) -> bool {
    if n.title.is_some() || n.known.is_some() {
        return false;
    }
    let name = &texts[i][n.start..n.end];
    let elsewhere = |j: usize| j != i;
    if (0..texts.len()).filter(|&j| elsewhere(j)).any(|j| texts[j].contains(name)) {
        return false;
    }
    let mut words =
        toks[i].iter().filter(|t| t.kind == super::tokens::TokKind::Word && n.start <= t.start && t.end <= n.end);
    let lower_elsewhere =
        |w: &Tok| (0..toks.len()).filter(|&j| elsewhere(j)).any(|j| toks[j].iter().any(|t| t.text == w.lower));
    // "Libya Rivals Closer to Deal" over "... the rivals met": a run taken
    // for a person on its shape alone (two capitals, no title, no word of a
    // body or place) has no more than its capitals for it, and in title
    // case those say nothing: one word of it written in lower case
    // elsewhere (not a short one, which may be a particle: "al", "bin")
    // makes it common words.
    if n.guessed {
        return words.any(|w| w.text != w.lower && w.text.len() > 3 && lower_elsewhere(w));
    }
    words.all(|w| w.text == w.lower || lower_elsewhere(w))
}

/// The names of one sentence the dictionary does not know, by their shape
/// (`entities::names`).
pub(crate) fn names_of(st: &str, toks: &[Tok], scan: &Scan, marks: &Marks, dict: &Dictionaries) -> Vec<names::Named> {
    if !st.contains(|c: char| c.is_uppercase()) {
        return Vec::new();
    }
    let known_person: Vec<bool> =
        scan.names.iter().map(|f| f.actor().is_some_and(|a| dict.actors[a].kind == ActorKind::Person)).collect();
    let cx = names::Context {
        text: st,
        toks,
        known: &scan.names,
        known_person: &known_person,
        classes: &marks.by_token,
        speech: &marks.speech,
        headline_words: &marks.headline_words,
        title_case: names::title_case(toks),
        given_names: &dict.given_names,
        dates: &dict.dates,
    };
    names::find(&cx)
}

/// What the name finder and the reading of a sentence both need from its
/// scan, worked out once: each token's word classes and the speech verbs.
pub(crate) struct Marks {
    pub by_token: Vec<Option<(entities::words::ClassSet, usize)>>,
    pub speech: Vec<(usize, usize)>,
    /// In a line in title case only: the byte spans of the words of
    /// `data/triggers.tsv` and of the status cues, verbs and event nouns
    /// ("Meets", "Agree", "Talks", "Will"), which are no words of a name.
    pub headline_words: Vec<(usize, usize)>,
}

pub(crate) fn mark(st: &str, toks: &[Tok], scan: &Scan, dict: &Dictionaries, index: &Index) -> Marks {
    Marks {
        by_token: entities::classes_by_token(index, &scan.classes, toks),
        speech: speech_spans(st, &scan.words, dict),
        headline_words: if names::title_case(toks) { headline_words(&scan.words, dict) } else { Vec::new() },
    }
}

/// The spans of the trigger words and status cues of a line in title case:
/// a verb or an event noun ("Kobler Meets ...", "... Agree to Resume Talks"),
/// never the nouns a toll counts ("Protesters"), which may head a group's name.
fn headline_words(words: &[Found], dict: &Dictionaries) -> Vec<(usize, usize)> {
    let event_word = |f: &Found| {
        f.targets.iter().any(|t| match *t {
            entities::Target::Trigger(i) => !matches!(
                dict.triggers[i].role,
                TriggerRole::Victim | TriggerRole::Death | TriggerRole::Harm | TriggerRole::Ignore | TriggerRole::Bare
            ),
            entities::Target::Cue(i) => matches!(dict.cues[i].kind, CueKind::Status(_) | CueKind::Negation),
            _ => false,
        })
    };
    words.iter().filter(|f| event_word(f)).map(|f| (f.start, f.end)).collect()
}

/// The byte spans of a sentence's speech verbs.
fn speech_spans(st: &str, words: &[Found], dict: &Dictionaries) -> Vec<(usize, usize)> {
    // `contains` (a vector search) first: `match_indices` sets up a
    // two-way searcher for every sentence, and few have the phrase.
    const AS_SAYING: &str = " as saying";
    let as_saying = st.contains(AS_SAYING).then(|| st.match_indices(AS_SAYING)).into_iter().flatten();
    words
        .iter()
        .filter(|w| entities::has_trigger(dict, w, Kind::Statement, TriggerRole::Trigger))
        .map(|w| (w.start, w.end))
        .chain(as_saying.map(|(i, m)| (i, i + m.len())))
        .collect()
}

/// "U.S. Secretary of State John Kerry", "Houthi spokesman Mohammed
/// Abdulsalam": a person's mention takes in the title before the name and
/// the country or body before the title, which are then no actors of their own.
fn titled_mentions(
    st: &str,
    toks: &[Tok],
    by_token: &[Option<(entities::words::ClassSet, usize)>],
    places: &[PlaceSpan],
    actors: &mut Vec<ActorSpan>,
    cast: &mut Cast,
) {
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    for i in 0..actors.len() {
        let a = &actors[i];
        if !a.person() || a.how != How::Name {
            continue;
        }
        let k = toks.partition_point(|t| t.start < a.start);
        let is_title =
            |j: usize| by_token[j].is_some_and(|(set, _)| set.iter().any(|c| matches!(c, WordClass::Title(_))));
        // A title phrase that ends right before the name, or that opens the
        // mention already ("spokesman Vedant Patel").
        let ends_at = |j: usize, at: usize| is_title(j) && by_token[j].is_some_and(|(_, end)| end == at);
        let adjacent =
            if k < toks.len() && is_title(k) { Some(k) } else { (k.saturating_sub(5)..k).find(|&j| ends_at(j, k)) };
        let complemented = adjacent.is_none();
        let Some(title_k) = adjacent.or_else(|| complemented_title(toks, k, ends_at)) else { continue };
        let title_start = toks[title_k].start;
        // The title the article gives a dictionary person ("Special Envoy
        // X"): a later "the Special Envoy" is that person.
        if let (Some(e), Some((_, end))) = (a.entity, by_token[title_k]) {
            cast.add_title(e, &st[title_start..toks[end.min(toks.len()) - 1].end]);
        }
        let mut start = title_start;
        if title_k > 0 {
            let before_end = toks[title_k - 1].end;
            let owner = actors.iter().find(|o| o.end == before_end && !o.person()).map(|o| (o.start, &o.name));
            let place = places.iter().find(|p| p.end == before_end).map(|p| (p.start, &p.name));
            if let Some((s, name)) = owner.or(place) {
                start = s;
                // "US envoy X": the article's word on whose envoy X is,
                // over a dictionary that dates X with another body.
                if let Some(e) = a.entity {
                    cast.set_country(e, name.clone());
                }
            }
        }
        // The complement's places and bodies ("for Yemen") stay actors of
        // their own: the mention is the name alone.
        if !complemented {
            absorbed.push((start, i));
        }
    }
    for &(start, i) in &absorbed {
        let end = actors[i].start;
        for (j, o) in actors.iter_mut().enumerate() {
            if j != i && o.start >= start && o.end <= end {
                o.end = 0; // marked: inside another's mention
            }
        }
        actors[i].start = start;
    }
    actors.retain(|a| a.end > 0);
}

/// "Envoy to the Horn of Africa X", "Special Envoy for Syria X": a title
/// whose complement ("to"/"for"/"on" and capitalised words, "the", "of",
/// "and" between them) runs up to the name at token `k`: the title's first
/// token.
fn complemented_title(toks: &[Tok], k: usize, ends_at: impl Fn(usize, usize) -> bool) -> Option<usize> {
    let mut j = k;
    while j > k.saturating_sub(7) {
        j -= 1;
        let t = &toks[j];
        if matches!(t.lower, "to" | "for" | "on") {
            return (j > 0 && j + 1 < k).then(|| (j.saturating_sub(4)..j).find(|&s| ends_at(s, j))).flatten();
        }
        let capital = t.text.starts_with(|c: char| c.is_uppercase());
        if t.kind != crate::extract::tokens::TokKind::Word || !(capital || matches!(t.lower, "the" | "of" | "and")) {
            return None;
        }
    }
    None
}

/// The gazetteer's name for a dictionary place at `start..end` with the
/// capitalised word before or after it, when the two are one place the
/// gazetteer knows and no other dictionary name holds that word ("Port
/// Sudan" is not Sudan, "Djibouti City" not Djibouti): its span and name.
fn lengthened_place<'d>(
    st: &str,
    start: usize,
    end: usize,
    names: &[Found],
    dict: &'d Dictionaries,
) -> Option<(usize, usize, &'d str)> {
    let capitalised = |w: &str| w.len() > 1 && w.starts_with(|c: char| c.is_uppercase());
    let free = |from: usize, to: usize| !names.iter().any(|f| f.start < to && from < f.end);
    let before = st[..start].strip_suffix(' ').map(|b| {
        let word = b.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        (b.len() - word.len(), word)
    });
    if let Some((from, _)) = before.filter(|&(from, w)| capitalised(w) && free(from, start)) {
        if let Some(name) = gazetteer_exact(dict, &st[from..end]) {
            return Some((from, end, name));
        }
    }
    let after = st[end..].strip_prefix(' ').map(|a| a.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    if let Some(word) = after.filter(|w| capitalised(w)) {
        let to = end + 1 + word.len();
        if free(end, to) {
            if let Some(name) = gazetteer_exact(dict, &st[start..to]) {
                return Some((start, to, name));
            }
        }
    }
    None
}

/// The gazetteer's entry called exactly `text` (by its name or an alternative
/// spelling), by its own name.
fn gazetteer_exact<'d>(dict: &'d Dictionaries, text: &str) -> Option<&'d str> {
    dict.gazetteer.lookup(text).next().map(|g| g.name)
}

/// The gazetteer's name for a name found by shape that stands where a place
/// stands (after "to", "from", "into", "toward") or that is a person only for
/// want of a cue, when the gazetteer knows it.
fn place_in_gazetteer<'d>(st: &str, n: &names::Named, dict: &'d Dictionaries) -> Option<&'d str> {
    let before = st[..n.start].trim_end();
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let motion = ["to", "from", "into", "toward", "towards", "in", "near", "outside", "around"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p));
    // "the rebel stronghold of Saada", "the town of X": a place noun's "of".
    let of_place = word.eq_ignore_ascii_case("of") && {
        let noun = before[..before.len() - 2].trim_end();
        let noun = noun.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        !noun.is_empty()
            && dict.index().word_classes(noun).any(|c| matches!(c, WordClass::PlaceNoun { name_after: true, .. }))
    };
    if !(motion || of_place || n.guessed || party_noun_after(dict.index(), st, n.end).is_some()) {
        return None;
    }
    gazetteer_name(dict, &st[n.start..n.end])
}

/// The gazetteer's name for a place the text spells `text`: the entry of that
/// very name when there is one (the region "Saada" rather than the city
/// "Sa'dah", which has it as an alternative spelling), else the first.
fn gazetteer_name<'d>(dict: &'d Dictionaries, text: &str) -> Option<&'d str> {
    let mut found = dict.gazetteer.lookup(text);
    let first = found.next()?;
    if first.name.eq_ignore_ascii_case(text) {
        return Some(first.name);
    }
    Some(found.find(|g| g.name.eq_ignore_ascii_case(text)).unwrap_or(first).name)
}

/// The initials of an organisation's name ("Rapid Support Forces" → "RSF"),
/// skipping "of", "for", "and" and "the"; none for a name of one word.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_uppercase())).collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Delegations and groups named by who sent them: "a Saudi delegation", "the
/// Houthi delegation", "the government delegation" stand for the state or
/// party that sent them; "Libyan factions", "Syrian rebels" are a group of
/// their own; "the Houthi rebels" the party the dictionary knows.
fn delegations(
    offset: usize,
    toks: &[Tok],
    by_token: &[Option<(entities::words::ClassSet, usize)>],
    dict: &Dictionaries,
    places: &[PlaceSpan],
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    for k in 1..toks.len() {
        let Some((set, _)) = by_token[k] else { continue };
        let delegation = set.iter().any(|c| c == WordClass::Delegation);
        // "South Sudanese mediators": people of a nationality named as a group.
        let people = set.iter().any(|c| c == WordClass::Party) && !GOVERNMENT_HEADS.contains(&toks[k].lower);
        // A plural ("Syrian rebels") or the one collective noun of a side ("the Syrian opposition").
        // Not "a Syrian opposition group": that is one group of the opposition.
        let head_follows =
            by_token.get(k + 1).copied().flatten().is_some_and(|(n, _)| n.iter().any(|c| c == WordClass::Group));
        let group = set.iter().any(|c| c == WordClass::Group)
            && (toks[k].lower.ends_with('s') || (toks[k].lower == "opposition" && !head_follows));
        if !(delegation || group || people) {
            continue;
        }
        let at = toks[k].start;
        let end = toks[k].end;
        if actors.iter().any(|a| a.start < end && at < a.end) {
            // "the Kurdish delegation", "West African envoys": an actor
            // named as a delegation is one a later "the delegation" means.
            if let Some(a) = actors.iter().find(|a| a.end == end && !a.person() && !a.agency()).filter(|_| delegation) {
                state.last_delegation = Some((a.clone(), offset + a.start));
            }
            continue;
        }
        let prev_end = toks[k - 1].end;
        let owner = if let Some(a) = actors.iter().find(|a| a.end == prev_end && !a.agency() && !a.person()) {
            Some((a.start, a.name.clone(), a.kind, a.entity))
        } else if let Some(p) = places.iter().find(|p| p.end == prev_end && p.country && p.adjective) {
            if delegation {
                // "a Saudi delegation" is Saudi Arabia's: the country, as a
                // visit by it names it, and as a reader writes it.
                Some((p.start, p.name.clone(), EntityKind::Country, None))
            } else {
                // Every word of the adjective: "South Sudanese mediators".
                let adjective: Vec<&str> =
                    toks[..k].iter().filter(|t| t.start >= p.start && t.end <= p.end).map(|t| t.text).collect();
                let name: Arc<str> = format!("{} {}", adjective.join(" "), toks[k].lower).into();
                Some((p.start, name, EntityKind::Group, None))
            }
        } else if delegation && toks[k - 1].lower == "government" {
            let name: Arc<str> = match &state.main_country {
                Some(c) => government_of(dict, c).into(),
                None => "government".into(),
            };
            Some((toks[k - 1].start, name, EntityKind::Government, None))
        } else {
            None
        };
        let Some((start, name, kind, entity)) = owner else {
            if delegation {
                sent_delegation(offset, toks, k, by_token[k].map_or(k + 1, |(_, e)| e), actors, state);
            }
            continue;
        };
        let entity = entity.unwrap_or_else(|| state.cast.add(&name, kind, None, offset + start));
        actors.retain(|a| !(a.start >= start && a.end <= end));
        let sender = ActorSpan { start, end, name, kind, country: None, entity: Some(entity), how: How::Name };
        if delegation {
            state.last_delegation = Some((sender.clone(), offset + start));
        }
        actors.push(sender);
        // "Saudi and Omani delegations", "Qatari, Egyptian and US mediators":
        // every country adjective of the list sent its own; "Somali and
        // Ethiopian officials", "Serbian and ethnic Kosovar politicians": the
        // people of every nationality of the list are a group of their own.
        let people_list = kind == EntityKind::Group && places.iter().any(|p| p.start == start && p.adjective);
        if (delegation && kind == EntityKind::Country) || people_list {
            let mut first = start;
            while let Some(mut j) = toks.iter().rposition(|t| t.end <= first) {
                // A lower-case word that modifies the adjective after "and":
                // "Macedonian and ethnic Albanian politicians".
                if j > 0
                    && toks[j].kind == crate::extract::tokens::TokKind::Word
                    && toks[j].text.starts_with(|c: char| c.is_lowercase())
                    && !matches!(toks[j].text, "and" | "the")
                    && matches!(toks[j - 1].text, "and" | ",")
                    && first == start
                {
                    j -= 1;
                }
                if !matches!(toks[j].text, "and" | ",") {
                    break;
                }
                let Some(p) = places.iter().find(|p| j > 0 && p.end == toks[j - 1].end && p.country && p.adjective)
                else {
                    break;
                };
                first = p.start;
                if actors.iter().any(|a| a.start < p.end && p.start < a.end) {
                    continue;
                }
                if people_list {
                    let adjective: Vec<&str> =
                        toks.iter().filter(|t| t.start >= p.start && t.end <= p.end).map(|t| t.text).collect();
                    let name: Arc<str> = format!("{} {}", adjective.join(" "), toks[k].lower).into();
                    let entity = state.cast.add(&name, EntityKind::Group, None, offset + p.start);
                    actors.push(ActorSpan {
                        start: p.start,
                        end: p.end,
                        name,
                        kind: EntityKind::Group,
                        country: None,
                        entity: Some(entity),
                        how: How::Name,
                    });
                    continue;
                }
                let entity = state.cast.add(&p.name, EntityKind::Country, None, offset + p.start);
                actors.push(ActorSpan {
                    start: p.start,
                    end: p.end,
                    name: p.name.clone(),
                    kind: EntityKind::Country,
                    country: None,
                    entity: Some(entity),
                    how: How::Name,
                });
            }
        }
    }
}

/// A delegation noun with no sender before it (tokens `k..next`): "a
/// delegation from Kenya", "a delegation of the Economic Community of West
/// African States" name the sender after "from" or "of", which a later bare
/// "the delegation" stands for; "The 10-person delegation was expected to
/// stay", "a source close to the latest delegation", "the delegation's
/// visit" (definite, at most three lower-case or numeric words between "the"
/// and the noun, and no sender after it) name the sender of the delegation
/// the article named last, within the cast's memory; a plural ("the two
/// delegations") names the sides, and a group of people after "of" ("a
/// delegation of African leaders") its members, not its sender.
fn sent_delegation(
    offset: usize,
    toks: &[Tok],
    k: usize,
    next: usize,
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    let word = |j: usize, w: &str| toks.get(j).is_some_and(|t| t.lower == w);
    if word(next, "from") || word(next, "of") {
        let at = next + 1 + usize::from(word(next + 1, "the"));
        let sender = toks.get(at).and_then(|t| actors.iter().find(|a| a.start == t.start));
        // Not the members: "a delegation of African leaders".
        let members = |a: &ActorSpan| {
            a.kind == EntityKind::Group && a.name.rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_lowercase))
        };
        if let Some(a) = sender.filter(|a| !a.person() && !a.agency() && !members(a)) {
            state.last_delegation = Some((a.clone(), offset + a.start));
        }
        return;
    }
    // "the two delegations", "the negotiating teams": the sides, not one sender.
    if toks[next - 1].lower.ends_with('s') {
        return;
    }
    let mut j = k;
    let the = loop {
        if j == 0 || k - j > 3 {
            break None;
        }
        j -= 1;
        let t = &toks[j];
        if t.lower == "the" {
            break Some(t.start);
        }
        let modifier = t.text == "-"
            || t.text.chars().all(|c| c.is_ascii_digit())
            || (t.kind == crate::extract::tokens::TokKind::Word && t.text.starts_with(|c: char| c.is_lowercase()));
        if !modifier {
            break None;
        }
    };
    let Some(start) = the else { return };
    let end = toks[next - 1].end;
    if actors.iter().any(|a| a.start < end && start < a.end) {
        return;
    }
    let Some((sender, at)) = state.last_delegation.as_ref() else { return };
    if offset + start < *at || offset + start - at > entities::cast::MEMORY {
        return;
    }
    actors.push(ActorSpan { start, end, how: How::Description, ..sender.clone() });
    state.last_delegation = Some((sender.clone(), offset + start));
}

/// "rebels and government officials are meeting", "Government officials,
/// rebels meet for talks": a bare plural of a group noun joined by "and" or
/// a comma to an actor is a party of its own, as written. Not one a word
/// modifies ("armed rebels and the army").
fn coordinated_groups(
    offset: usize,
    toks: &[Tok],
    by_token: &[Option<(entities::words::ClassSet, usize)>],
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    let joins = |t: &Tok| matches!(t.text, "and" | ",");
    let party = |a: &ActorSpan| !a.agency() && a.kind != EntityKind::Person;
    let mut found = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let Some((set, _)) = by_token[k] else { continue };
        if !(t.lower.ends_with('s') && set.iter().any(|c| c == WordClass::Group)) {
            continue;
        }
        if actors.iter().any(|a| a.start < t.end && t.start < a.end) {
            continue;
        }
        let before = k >= 2 && joins(&toks[k - 1]) && actors.iter().any(|a| a.end == toks[k - 2].end && party(a));
        let bare = k == 0
            || toks[k - 1].kind != crate::extract::tokens::TokKind::Word
            || matches!(toks[k - 1].lower, "and" | "between" | "with");
        let next = toks.get(k + 2).map(|n| if n.lower == "the" { k + 3 } else { k + 2 });
        let after = bare
            && toks.get(k + 1).is_some_and(joins)
            && next.and_then(|j| toks.get(j)).is_some_and(|n| actors.iter().any(|a| a.start == n.start && party(a)));
        if !(before || after) {
            continue;
        }
        let name: Arc<str> = t.lower.into();
        let entity = state.cast.add(&name, EntityKind::Group, None, offset + t.start);
        found.push(ActorSpan {
            start: t.start,
            end: t.end,
            name,
            kind: EntityKind::Group,
            country: None,
            entity: Some(entity),
            how: How::Description,
        });
    }
    actors.extend(found);
}

/// Bare definite descriptions ("the minister", "the envoy", "the U.N. envoy",
/// "the ministry", "the rebels", "the group") name the latest actor they fit,
/// in this sentence before them or earlier in the article: a person whose role
/// on the publication date or whose titles in the article hold the
/// description's words, an organisation whose name holds its head, a group for
/// a group noun. A description with a country ("the Russian foreign
/// minister") or a name after it ("the envoy, Lakhdar Brahimi") is read
/// elsewhere.
#[allow(clippy::too_many_arguments)]
pub(crate) fn descriptions(
    st: &str,
    offset: usize,
    toks: &[Tok],
    words: &[Found],
    by_token: &[Option<(entities::words::ClassSet, usize)>],
    dict: &Dictionaries,
    index: &Index,
    anchor: &Anchor,
    places: &[PlaceSpan],
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    let mut found = Vec::new();
    let mut k = 0;
    // `words` lie left to right and `k` only moves on: the words at or
    // after the head are `words[w..]`, so no word is looked at twice.
    let mut w = 0;
    while k + 1 < toks.len() {
        k += 1;
        let head = &toks[k];
        if head.kind != crate::extract::tokens::TokKind::Word {
            continue;
        }
        while words.get(w).is_some_and(|x| x.start < head.start) {
            w += 1;
        }
        // "the UN Special Envoy said": a title may be written with capitals.
        let capital_head = head.text.starts_with(|c: char| c.is_uppercase());
        // The head phrase: a cue or a phrase of `data/words.tsv` ("foreign
        // minister", "secretary-general"), to its last token.
        let cue_end = words[w..]
            .iter()
            .take_while(|x| x.start == head.start)
            .find(|x| entities::cues(dict, x).any(|c| c == CueKind::Anaphor))
            .map(|x| x.end);
        let class = by_token[k];
        let is = |f: fn(&WordClass) -> bool| class.is_some_and(|(set, _)| set.iter().any(|c| f(&c)));
        let titled = is(|c| matches!(c, WordClass::Title(_) | WordClass::RoleAlias(_)));
        let group = is(|c| *c == WordClass::Group);
        let org = is(|c| *c == WordClass::OrgHead);
        if !(cue_end.is_some() || titled || group || org) || (capital_head && !titled) {
            continue;
        }
        let class_end = class.map_or(head.end, |(_, e)| toks[e - 1].end);
        let head_end = cue_end.unwrap_or(head.end).max(class_end);
        let next = toks.partition_point(|t| t.start < head_end);
        let mut phrase_k = k;
        let head_word = toks[next - 1].lower;
        k = next - 1;
        // "the UN chief": a role alias that opens with a body's name; the
        // body is the owner and the rest is the head.
        let role_alias = is(|c| matches!(c, WordClass::RoleAlias(_)));
        if let Some(a) =
            actors.iter().find(|a| !a.person() && a.start <= head.start && head.start < a.end && a.end < head_end)
        {
            if !role_alias {
                continue;
            }
            phrase_k = toks.partition_point(|t| t.start < a.end);
        }
        if actors.iter().any(|a| a.start < head_end && toks[phrase_k].start < a.end) {
            continue;
        }
        let after = st[head_end..].trim_start_matches(',').trim_start();
        // "The Acting Foreign Minister of the Taliban said": a body after
        // "of" owns the title, as in "the Taliban's foreign minister".
        let of_owner = after.strip_prefix("of ").and_then(|rest| {
            let with_article = st.len() - rest.trim_start().len();
            let bare = st.len() - rest.trim_start().strip_prefix("the ").unwrap_or(rest).len();
            let a =
                actors.iter().find(|a| (a.start == with_article || a.start == bare) && !a.person() && !a.agency())?;
            let next = st[a.end..].trim_start();
            (!next.starts_with(|c: char| c.is_alphanumeric()) || next.starts_with(|c: char| c.is_lowercase()))
                .then(|| (a.name.clone(), a.end))
        });
        if after.starts_with(|c: char| c.is_uppercase())
            || (after.starts_with("of ") && of_owner.is_none())
            || after.starts_with('-')
        {
            continue;
        }
        let phrase_end = of_owner.as_ref().map_or(head_end, |(_, end)| *end);
        // "the", then at most two modifiers (lower-case words, or a country or
        // body: "the U.N. envoy", "the Houthi group"), then the head.
        let mut desc: Vec<&str> = toks[phrase_k..next]
            .iter()
            .filter(|t| t.kind == crate::extract::tokens::TokKind::Word)
            .map(|t| t.lower)
            .collect();
        let mut owner: Option<Arc<str>> = of_owner.map(|(name, _)| name);
        // The owner as written, lower case ("un" in "the UN chief").
        let mut owner_text: Option<&str> = None;
        let mut start = None;
        let mut j = phrase_k;
        let mut modifiers = 0;
        while j > 0 && modifiers < 3 {
            j -= 1;
            let t = &toks[j];
            if t.lower == "the" {
                start = Some(t.start);
                break;
            }
            if let Some(p) = places.iter().find(|p| p.end == t.end) {
                owner = Some(p.name.clone());
                j = toks.partition_point(|x| x.start < p.start);
                modifiers += 1;
                continue;
            }
            if let Some(a) = actors.iter().find(|a| a.end == t.end && !a.person()) {
                owner = Some(a.name.clone());
                owner_text = Some(t.lower);
                j = toks.partition_point(|x| x.start < a.start);
                modifiers += 1;
                // An owner read with its article ("the UN").
                if toks.get(j).is_some_and(|x| x.lower == "the") {
                    start = Some(a.start);
                    break;
                }
                continue;
            }
            // "the UN-Arab League envoy": a hyphen between two owners.
            if t.text == "-" && owner.is_some() {
                continue;
            }
            if t.kind != crate::extract::tokens::TokKind::Word
                || (t.text.starts_with(|c: char| c.is_uppercase()) && !capital_head)
            {
                break;
            }
            desc.push(t.lower);
            modifiers += 1;
        }
        let Some(start) = start else { continue };
        let day = anchor.published;
        // "the government" with no owner: the government of the country the
        // article is about.
        if head_word == "government" && owner.is_none() && desc.len() == 1 {
            if let Some(country) = state.main_country.clone() {
                let name: Arc<str> = government_of(dict, &country).into();
                let entity = state.cast.add(&name, EntityKind::Government, None, offset + start);
                found.push(ActorSpan {
                    start,
                    end: phrase_end,
                    name,
                    kind: EntityKind::Government,
                    country: Some(country.into()),
                    entity: Some(entity),
                    how: How::Description,
                });
                continue;
            }
        }
        // "the Acting Foreign Minister": the role the dictionary dates, or
        // the title the article gave, is the foreign minister's.
        let role_words: Vec<&str> =
            desc.iter().copied().filter(|w| !index.word_classes(w).any(|c| c == WordClass::TitleModifier)).collect();
        let fits = |entity: Option<usize>, with_dict: bool| {
            let e = entity.map(|e| state.cast.get(e));
            let owner_ok = |c: Option<&Arc<str>>| {
                // A body as owner ("the UN envoy") fits a person of no known
                // country too: shape gives a name its title, not its employer.
                let body_owner = || owner.as_deref().is_some_and(|o| index.place_named(o).is_none()) && c.is_none();
                owner.as_ref().is_none_or(|o| c.is_some_and(|c| c == o) || e.is_some_and(|e| e.name.contains(&**o)))
                    || body_owner()
            };
            let by_dict =
                with_dict && e.and_then(|e| e.dict).is_some_and(|d| describes(&dict.actors[d], &role_words, day));
            let by_cast = e.is_some_and(|e| {
                owner_ok(e.country.as_ref())
                    && (e.titles.iter().any(|t| {
                        title_head(t) == head_word && role_words.iter().all(|d| t.split([' ', '-']).any(|w| w == *d))
                    }) || (org && e.kind != EntityKind::Person && e.name.to_ascii_lowercase().contains(head_word))
                        || (group && e.kind == EntityKind::Group && !other_people(index, &e.name, head_word)))
            });
            by_dict || by_cast
        };
        // "the top Iranian diplomat": another name of a dated role, held by
        // the person who held it for that country on the day.
        let alias = class
            .and_then(|(set, _)| {
                set.iter().find_map(|c| if let WordClass::RoleAlias(i) = c { index.role_of_alias(i) } else { None })
            })
            .or_else(|| index.role_by_alias(&desc))
            // "the UN chief": an alias that holds its owner's name.
            .or_else(|| {
                let mut with_owner = desc.clone();
                with_owner.push(owner_text?);
                index.role_by_alias(&with_owner)
            });
        // "Special Envoy X ... The Special Envoy reiterated": a person the
        // article itself gave the title speaks, over whoever the dictionary
        // dates in that role.
        let titled_here = || {
            let near = actors.iter().rev().filter(|a| a.end <= start && a.person()).find(|a| fits(a.entity, false));
            near.map(|a| a.entity).unwrap_or_else(|| {
                state.cast.latest(offset + start, |i, e| e.kind == EntityKind::Person && fits(Some(i), false))
            })
        };
        if let Some(role) = alias.filter(|_| titled_here().is_none()) {
            let country = owner.as_deref().filter(|o| index.place_named(o).is_some());
            // A body as owner ("the UN chief") is the holder's "country" in the dictionary.
            let holder = owner
                .as_deref()
                .filter(|_| country.is_none())
                .and_then(|body| index.role_holder(dict, role, Some(body), day))
                .or_else(|| index.role_holder(dict, role, country, day));
            if let Some(a) = holder {
                let name = index.actor_name(a).clone();
                let entity = state.cast.add(&name, EntityKind::Person, Some(a), offset + start);
                found.push(ActorSpan {
                    start,
                    end: phrase_end,
                    name,
                    kind: EntityKind::Person,
                    country: index.actor_country(a).cloned(),
                    entity: Some(entity),
                    how: How::Role,
                });
                continue;
            }
        }
        // "the Saudi-led coalition ... the Houthis ..., the coalition said":
        // a body whose own name ends in the description's head is the one
        // it names, over a nearer body that only is of its kind.
        let named = |entity: Option<usize>| {
            (group || org)
                && entity.is_some_and(|i| {
                    let e = state.cast.get(i);
                    !matches!(e.kind, EntityKind::Person | EntityKind::Agency) && ends_in_word(&e.name, head_word)
                })
        };
        // A description that names an entity of the cast, seen before.
        let from_cast = |e: usize| {
            let e2 = state.cast.get(e);
            ActorSpan {
                start: 0,
                end: 0,
                name: e2.name.clone(),
                kind: e2.kind,
                country: e2.country.clone(),
                entity: Some(e),
                how: How::Description,
            }
        };
        let before = || actors.iter().rev().filter(|a| a.end <= start);
        let referent = before()
            .find(|a| named(a.entity))
            .cloned()
            .or_else(|| {
                (group || org)
                    .then(|| state.cast.latest(offset + start, |i, _| named(Some(i))))
                    .flatten()
                    .map(from_cast)
            })
            .or_else(|| before().find(|a| fits(a.entity, true)).cloned())
            .or_else(|| state.cast.latest(offset + start, |i, _| fits(Some(i), true)).map(from_cast));
        // "the movement announced ... during the first Taliban rule": the
        // entity named later in the sentence, whose mention there moved its
        // last sighting past the description.
        let referent =
            referent.or_else(|| actors.iter().find(|a| a.start >= phrase_end && fits(a.entity, true)).cloned());
        let Some(referent) = referent else { continue };
        found.push(ActorSpan { start, end: phrase_end, how: How::Description, ..referent });
    }
    // The owner inside a description that found its referent ("the UN envoy")
    // is a modifier, not an actor of its own.
    actors.retain(|a| !found.iter().any(|f| f.start <= a.start && a.end <= f.end));
    actors.extend(found);
    actors.sort_by_key(|a| (a.start, a.end));
}

/// Whether a group's name ends in a noun for people other than `head`:
/// Whether a name's last word is `head`, in any case ("U.S.-led
/// coalition" for "coalition").
fn ends_in_word(name: &str, head: &str) -> bool {
    name.rsplit([' ', '-']).next().is_some_and(|w| w.eq_ignore_ascii_case(head))
}

/// "protest leaders" is not what "the rebels" refers to.
fn other_people(index: &Index, name: &str, head: &str) -> bool {
    name.rsplit(' ').next().is_some_and(|w| {
        !w.eq_ignore_ascii_case(head)
            && index.word_classes(w).any(|c| matches!(c, WordClass::Party | WordClass::Delegation))
    })
}

/// "The two men", "both leaders", "the two sides": the last two actors of
/// the sentence, else the two a sentence of the last three joined with
/// "and", else the two persons those sentences named last.
/// Whether the sentence names the sides with no count before the article
/// set any ("the warring parties"): then the two it sets next are they.
fn pairs(toks: &[Tok], index: &Index, actors: &mut Vec<ActorSpan>, state: &ArticleState) -> bool {
    let fresh = state.last_pair.as_ref().filter(|(_, _, at)| *at >= state.sentences_back[0]);
    let mut found = Vec::new();
    let mut unsided = false;
    let plural = |h: &Tok| {
        h.text.starts_with(|c: char| c.is_lowercase())
            && ((h.lower.ends_with('s') && h.lower.len() > 3) || h.lower.ends_with("men"))
    };
    for (k, t) in toks.iter().enumerate() {
        // "Libya's two warring sides": an owner's two, whose name is part of the pair's description.
        let owner =
            (t.lower == "two" && k >= 2 && toks[k - 1].lower == "s" && matches!(toks[k - 2].text, "'" | "\u{2019}"))
                .then(|| actors.iter().find(|a| a.end == toks[k - 2].start && !a.person()).map(|a| a.start))
                .flatten();
        // "the warring parties", "Rival parties in X's war", "X's warring
        // rivals": no count, so only the two bodies the article set against
        // each other, when it set two (else those it sets next: `late_sides`).
        if let Some(n) = toks.get(k + 1) {
            let adjective = |w: &str| index.is_word_of(w, Class::SidesAdjective);
            // The cheap test first: most tokens are followed by no plural.
            let noun = || index.is_word_of(n.lower, Class::SidesNoun);
            if plural(n) && adjective(t.lower) && (noun() || n.lower.strip_suffix('s').is_some_and(adjective)) {
                let from = if k > 0 && toks[k - 1].lower == "the" { toks[k - 1].start } else { t.start };
                let of_follows = toks.get(k + 2).is_some_and(|x| x.lower == "of");
                let taken = |x: &ActorSpan| x.start < n.end && from < x.end;
                if !of_follows && !actors.iter().any(taken) && !found.iter().any(taken) {
                    match state.sides.as_ref() {
                        Some((a, b)) => {
                            for x in [a, b] {
                                found.push(ActorSpan { start: from, end: n.end, how: How::Description, ..x.clone() });
                            }
                        }
                        None => unsided = true,
                    }
                }
                continue;
            }
        }
        let mut head = match (t.lower, toks.get(k + 1).map(|x| x.lower)) {
            ("both", Some(_)) => k + 1,
            ("the", Some("two")) => k + 2,
            ("two", _) if owner.is_some() => k + 1,
            _ => continue,
        };
        let Some(mut h) = toks.get(head) else { continue };
        // "the two warring sides": one modifier before the plural.
        if head > k + 1 && !plural(h) || owner.is_some() && !plural(h) {
            if let Some(next) = toks.get(head + 1).filter(|x| plural(x) && h.text.starts_with(char::is_lowercase)) {
                head += 1;
                h = next;
            }
        }
        let of_follows = toks.get(head + 1).is_some_and(|x| x.lower == "of");
        if !plural(h) || of_follows || actors.iter().any(|x| x.start < h.end && t.start < x.end) {
            continue;
        }
        let from = owner.unwrap_or(t.start);
        // "Zarif held a call with Lavrov, where the two sides ...": the last
        // two actors of the sentence, persons both or bodies both; else the
        // pair the sentences before joined; else the two persons they named
        // last ("Putin ... Assad ... Both presidents spoke").
        let named: Vec<&ActorSpan> = actors.iter().filter(|x| x.end <= t.start && !x.agency()).collect();
        let here = named.iter().rev().find_map(|x| {
            let y = named.iter().rev().find(|y| y.name != x.name && y.end <= x.start)?;
            (x.person() == y.person()).then(|| ((*y).clone(), (*x).clone()))
        });
        // "urge both parties to ...": the two bodies the article set
        // against each other, not the two persons named last.
        // "the two delegations", "the two negotiating teams": a delegation
        // noun names the sides as much as "the two parties".
        let delegation = |w: &str| index.is_word_of(w, Class::Delegation);
        let sides_noun = index.is_word_of(h.lower, Class::SidesNoun)
            || delegation(h.lower)
            || h.lower.strip_suffix('s').is_some_and(delegation);
        let sides = || state.sides.clone().filter(|_| sides_noun);
        let Some((a, b)) =
            here.or_else(sides).or_else(|| fresh.map(|(a, b, _)| (a.clone(), b.clone()))).or_else(|| {
                let mut persons: Vec<&crate::extract::entities::cast::Entity> = state
                    .cast
                    .recent()
                    .map(|(_, e)| e)
                    .filter(|e| e.kind == EntityKind::Person && e.last_seen != entities::cast::UNSEEN)
                    .filter(|e| e.last_seen >= state.sentences_back[0])
                    .collect();
                persons.sort_by_key(|e| std::cmp::Reverse(e.last_seen));
                let (x, y) = (persons.first()?, persons.get(1)?);
                let e = |n: &Arc<str>| state.cast.named(n).map(|i| span_of(&state.cast, i));
                Some((e(&y.name)?, e(&x.name)?))
            })
        else {
            continue;
        };
        for x in [a, b] {
            found.push(ActorSpan { start: from, end: h.end, how: How::Description, ..x });
        }
    }
    actors.retain(|a| !found.iter().any(|f| f.start <= a.start && a.end <= f.end));
    actors.extend(found);
    actors.sort_by_key(|a| (a.start, a.end));
    unsided
}

/// The head word of a title: its last word before a complement ("envoy" in
/// "special envoy for yemen", "chief" in "army chief", "general" in
/// "secretary-general"), so that "the army" does not describe an army chief.
pub(crate) fn title_head(title: &str) -> &str {
    // The first complement in one pass over the spaces: a substring search
    // for each of the five set up a searcher per call, and this runs for
    // every title of every entity a description is tried on.
    let bytes = title.as_bytes();
    let complement = |k: &usize| {
        let rest = &bytes[*k..];
        TITLE_COMPLEMENTS.iter().any(|c| rest.starts_with(c.as_bytes()))
    };
    let core = (0..bytes.len()).filter(|&k| bytes[k] == b' ').find(complement).map_or(title, |k| &title[..k]);
    core.rsplit([' ', '-']).next().unwrap_or(core)
}

/// The words after a title's head that open its complement ("special envoy for yemen").
const TITLE_COMPLEMENTS: [&str; 5] = [" for ", " of ", " to ", " on ", " in "];

/// Whether every word of a description ("foreign", "minister") is in a role the
/// dictionary actor holds on `day`, or in its name or an alias.
pub(crate) fn describes(actor: &crate::dict::Actor, desc: &[&str], day: Option<chrono::NaiveDate>) -> bool {
    let holds =
        |text: &str| desc.iter().all(|d| text.split(|c: char| !c.is_alphanumeric()).any(|t| t.eq_ignore_ascii_case(d)));
    actor.roles.iter().any(|r| r.holds_on(day) && holds(&r.title))
        || std::iter::once(&actor.name).chain(&actor.aliases).any(|n| holds(n))
}

/// Pronouns: "he", "she", "his", "her", "him" name a person of that gender
/// (or of none known): the nearest before them in the sentence, else the last
/// speaker, else the latest person. "It" and "they" name an organisation,
/// a group or a government, and only as a speaker ("it said").
#[allow(clippy::too_many_arguments)]
fn pronouns(
    st: &str,
    offset: usize,
    toks: &[Tok],
    by_token: &[Option<(entities::words::ClassSet, usize)>],
    quotes: &[(usize, usize)],
    speech: &[(usize, usize)],
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    let mut found = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let Some((set, _)) = by_token[k] else { continue };
        let Some(kind) = set.iter().find_map(|c| if let WordClass::Pronoun(p) = c { Some(p) } else { None }) else {
            continue;
        };
        if in_spans(quotes, t.start) || names::honorific(toks, by_token, k) {
            continue;
        }
        let referent = match kind {
            PronounKind::Person(g) => {
                let cast = &state.cast;
                let agrees =
                    |a: &ActorSpan| a.person() && a.entity.is_none_or(|e| cast.get(e).gender.is_none_or(|eg| eg == g));
                let near = actors.iter().rev().find(|a| a.end <= t.start && agrees(a) && !in_spans(quotes, a.start));
                // A woman the last two sentences named beats a speaker of no
                // known gender for "she" ("... met Minister Ana Ruiz. She
                // said": Ruiz, not the envoy). Not for "he": men's genders
                // often go unrecorded, and "he" is most often the speaker.
                let known_gender = || {
                    if g != entities::words::Gender::Female {
                        return None;
                    }
                    let e = cast.latest(offset + t.start, |_, e| {
                        e.kind == EntityKind::Person
                            && e.gender == Some(g)
                            && e.last_seen != entities::cast::UNSEEN
                            && e.last_seen >= state.sentences_back[1]
                    })?;
                    let last_speaker_fits = state
                        .last_speaker
                        .as_ref()
                        .is_some_and(|a| a.entity.is_some_and(|x| x == e || cast.get(x).gender == Some(g)));
                    (!last_speaker_fits).then(|| span_of(cast, e))
                };
                fronted_subject(st, toks, t, actors)
                    .filter(|a| agrees(a))
                    .or(near)
                    .cloned()
                    .or_else(known_gender)
                    // "X held talks with Y. '...,' he said": the subject of
                    // the sentence before, not the last person it named; and
                    // before the last speaker ("'...,' spokesman Y said. X
                    // has led the war. ... he said" is X): the latest subject.
                    .or_else(|| {
                        let e = cast.latest(offset + t.start, |_, e| {
                            e.kind == EntityKind::Person
                                && e.gender.is_none_or(|eg| eg == g)
                                && e.last_subject.is_some_and(|at| at >= state.sentences_back[2])
                        })?;
                        Some(span_of(cast, e)).filter(|_| matches!(t.lower, "he" | "she"))
                    })
                    .or_else(|| state.last_speaker.clone().filter(|a| agrees(a) && matches!(t.lower, "he" | "she")))
                    // "X made the comments. ... believes that Y has moved.
                    // '...,' he told": the latest person who was a sentence's
                    // subject, not one named inside a clause or an object.
                    .or_else(|| {
                        let e = cast.latest(offset + t.start, |_, e| {
                            e.kind == EntityKind::Person
                                && e.gender.is_none_or(|eg| eg == g)
                                && e.last_subject.is_some()
                        })?;
                        Some(span_of(cast, e))
                    })
                    .or_else(|| state.last_person.clone().filter(agrees))
                    .or_else(|| {
                        let e = cast.latest(offset + t.start, |_, e| {
                            e.kind == EntityKind::Person && e.gender.is_none_or(|eg| eg == g)
                        })?;
                        Some(span_of(cast, e))
                    })
                    .map(|r| (r, Some(g)))
            }
            PronounKind::Body => {
                // "it said", "they told reporters": a speaker, nothing else.
                let speaks = speech.iter().any(|&(vs, _)| {
                    st.get(t.end..vs).is_some_and(|g| {
                        let g = g.trim();
                        g.is_empty() || (g.split_whitespace().count() == 1 && (g.ends_with("ly") || g == "also"))
                    })
                });
                if !speaks {
                    // "The delegation arrived in X. They met with Y": a
                    // sentence that opens on "they" goes on about the pair
                    // the sentence before joined, else the body it was about.
                    if k == 0 && t.lower == "they" {
                        let cast = &state.cast;
                        let pair = state.last_pair.as_ref().filter(|p| p.2 >= state.sentences_back[2]);
                        if let Some(p) = pair {
                            found.push(ActorSpan { start: t.start, end: t.end, how: How::Pronoun, ..p.0.clone() });
                            found.push(ActorSpan { start: t.start, end: t.end, how: How::Pronoun, ..p.1.clone() });
                        } else if let Some((a, _)) =
                            state.last_body_subject.as_ref().filter(|s| s.1 >= state.sentences_back[2])
                        {
                            found.push(ActorSpan { start: t.start, end: t.end, how: How::Pronoun, ..a.clone() });
                        } else if let Some(e) = cast.latest(offset + t.start, |_, e| {
                            e.kind.is_body() && e.last_subject.is_some_and(|at| at >= state.sentences_back[2])
                        }) {
                            found.push(ActorSpan { start: t.start, end: t.end, how: How::Pronoun, ..span_of(cast, e) });
                        }
                    }
                    continue;
                }
                let cast = &state.cast;
                // Not a body named inside a quote ('"... the Russian
                // authorities ...," it said': the quote's speaker is meant).
                let near =
                    actors.iter().rev().find(|a| a.end <= t.start && a.kind.is_body() && !in_spans(quotes, a.start));
                // The last body that spoke or acted, else the latest
                // organisation, group or government, else a country.
                let subject = cast
                    .recent()
                    .filter(|(_, e)| e.kind.is_body())
                    .filter_map(|(i, e)| Some((i, e.last_subject?)))
                    .filter(|&(_, at)| at < offset + t.start && offset + t.start - at <= entities::cast::MEMORY)
                    .max_by_key(|&(_, at)| at)
                    .map(|(i, _)| i);
                // "they": the pair the sentence before joined.
                let pair = state
                    .last_pair
                    .as_ref()
                    .filter(|p| matches!(t.lower, "they" | "them") && p.2 >= state.sentences_back[2])
                    .map(|p| p.0.clone());
                near.cloned()
                    .or(pair)
                    .or_else(|| state.last_speaker.clone().filter(|a| a.kind.is_body()))
                    .or_else(|| {
                        let e = subject
                            .or_else(|| {
                                cast.latest(offset + t.start, |_, e| e.kind.is_body() && e.kind != EntityKind::Country)
                            })
                            .or_else(|| cast.latest(offset + t.start, |_, e| e.kind.is_body()))?;
                        Some(span_of(cast, e))
                    })
                    .map(|r| (r, None))
            }
        };
        if let Some((r, gender)) = referent {
            if let (Some(e), Some(g)) = (r.entity, gender) {
                state.cast.set_gender(e, g);
            }
            found.push(ActorSpan { start: t.start, end: t.end, how: How::Pronoun, ..r });
        }
    }
    actors.extend(found);
}

/// "Following his first visit as envoy, de Mistura will ...": a possessive
/// inside a phrase fronted before the subject names that subject, the
/// person right after the phrase's comma.
fn fronted_subject<'s>(st: &str, toks: &[Tok], t: &Tok, actors: &'s [ActorSpan]) -> Option<&'s ActorSpan> {
    if !matches!(t.lower, "his" | "her") || !toks.first().is_some_and(|f| FRONTED.contains(&f.lower)) {
        return None;
    }
    if st[..t.start].contains([',', ';', '"', '\u{201c}']) {
        return None;
    }
    let comma = t.end + st[t.end..].find(',')?;
    let next = comma + 1 + (st[comma + 1..].len() - st[comma + 1..].trim_start().len());
    // The person's mention may open with the phrase's own title ("as envoy, X").
    actors.iter().find(|a| a.start <= next && next < a.end && a.person())
}

/// A mention of cast entity `e`, for a pronoun or description to copy.
fn span_of(cast: &Cast, e: usize) -> ActorSpan {
    let x = cast.get(e);
    ActorSpan {
        start: 0,
        end: 0,
        name: x.name.clone(),
        kind: x.kind,
        country: x.country.clone(),
        entity: Some(e),
        how: How::Name,
    }
}

/// "The Russian capital", "Syria's capital", "the capital of Syria", and a bare
/// "the capital" (of the country the article is about) name the capital city:
/// they become a place over the whole phrase, replacing the country in it. When
/// a name follows ("the capital, Damascus") that name is the place already.
pub(crate) fn capitals(st: &str, toks: &[Tok], index: &Index, state: &ArticleState, places: &mut Vec<PlaceSpan>) {
    let mut found = false;
    for (k, t) in toks.iter().enumerate().filter(|(_, t)| t.lower == "capital") {
        let (i, end) = (t.start, t.end);
        let before = st[..i].trim_end();
        let owner = before.strip_suffix("'s").or_else(|| before.strip_suffix("\u{2019}s")).unwrap_or(before);
        let of_country = toks.get(k + 1).filter(|n| n.lower == "of").map(|n| {
            places.iter().find(|p| p.country && toks.get(k + 2).is_some_and(|c| c.start == p.start) && n.end < p.start)
        });
        let bare = k > 0 && toks[k - 1].lower == "the";
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

/// A leader's government: "Hadi's government", "President X's embattled
/// regime" is the government of the leader's country (the phrase itself
/// when the country is unknown), and the leader is then no actor of the
/// phrase: the government sits at the talks, not its head.
fn leaders_governments(
    st: &str,
    offset: usize,
    dict: &Dictionaries,
    actors: &mut [ActorSpan],
    state: &mut ArticleState,
) {
    for a in actors.iter_mut() {
        if !a.person() {
            continue;
        }
        let rest = &st[a.end..];
        let Some(rest) = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("\u{2019}s")) else { continue };
        let rest = skip_modifiers(rest, 2);
        let Some(head) = GOVERNMENT_HEADS.iter().find(|h| {
            rest.strip_prefix(' ')
                .and_then(|r| r.strip_prefix(**h))
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        }) else {
            continue;
        };
        let end = st.len() - rest.len() + 1 + head.len();
        let start = a.start;
        let country = a.country.clone();
        let name: Arc<str> = match &country {
            Some(c) => government_of(dict, c).into(),
            None => st[start..end].into(),
        };
        let entity = state.cast.add(&name, EntityKind::Government, None, offset + start);
        *a =
            ActorSpan { start, end, name, kind: EntityKind::Government, country, entity: Some(entity), how: How::Name };
    }
}

/// A region's people as a party: "Tigray leaders", "Darfur rebels",
/// "Donetsk separatists" (a country's are its government): a `party` noun
/// of `data/words.tsv` after the region's name.
fn region_parties(
    st: &str,
    offset: usize,
    index: &Index,
    places: &[PlaceSpan],
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    for p in places.iter().filter(|p| !p.country && !p.adjective) {
        if let Some(noun) = party_noun_after(index, st, p.end) {
            push_party(offset, (p.start, p.end), &p.name, noun, actors, state);
            continue;
        }
        // "regional forces from Tigray", "leaders from Darfur": the region's
        // party as "Tigray forces" are, the noun before "from".
        let Some(stem) = st[..p.start].strip_suffix("from ") else { continue };
        let stem = stem.trim_end();
        let noun = stem.rsplit(' ').next().unwrap_or(stem);
        let party = noun.starts_with(char::is_lowercase)
            && index.word_classes(noun).any(|c| matches!(c, WordClass::Party | WordClass::Delegation));
        if party {
            // Its adjective with it ("regional forces"), so that "X and
            // regional forces from Y" joins the two.
            let mut start = stem.len() - noun.len();
            let head = stem[..start].trim_end();
            let modifier = head.rsplit(' ').next().unwrap_or(head);
            if modifier.len() > 3
                && modifier.chars().all(|c| c.is_ascii_lowercase())
                && !matches!(modifier, "with" | "from" | "that" | "were" | "have" | "also")
            {
                start = head.len() - modifier.len();
            }
            let name = format!("{} {noun}", p.name);
            push_group(offset, (start, p.end), &name, actors, state);
        }
    }
}

/// The group "OWNER NOUN" ("Tigray leaders") over the owner's span at
/// `start..end` and the party noun after it, unless an actor is there already.
fn push_party(
    offset: usize,
    (start, end): (usize, usize),
    owner: &str,
    noun: &str,
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    let name = format!("{owner} {}", noun.to_lowercase());
    push_group(offset, (start, end + 1 + noun.len()), &name, actors, state);
}

/// The group `name` over `start..end`, a new entity of the article's cast,
/// unless an actor is there already.
fn push_group(
    offset: usize,
    (start, end): (usize, usize),
    name: &str,
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    if actors.iter().any(|a| a.start < end && start < a.end) {
        return;
    }
    let name: Arc<str> = name.into();
    let entity = state.cast.add(&name, EntityKind::Group, None, offset + start);
    actors.push(ActorSpan {
        start,
        end,
        name,
        kind: EntityKind::Group,
        country: None,
        entity: Some(entity),
        how: How::Name,
    });
}

/// People named by their side, with no name: "rebel negotiators", "junta
/// leaders", "army officers", "government officials" (a `side` word of
/// `data/words.tsv` before a `party` or `delegation` noun). They are the
/// group of that side the article named last ("the M23 rebels", "the Sudanese
/// Armed Forces" for "army officers" when its name holds the side's word),
/// the government of the article's country for "government", else a group
/// named by the phrase.
fn sides(
    offset: usize,
    toks: &[Tok],
    by_token: &[Option<(entities::words::ClassSet, usize)>],
    dict: &Dictionaries,
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    let index = dict.index();
    let people = |k: usize| {
        by_token
            .get(k)
            .and_then(Option::as_ref)
            .is_some_and(|(set, _)| set.iter().any(|c| c == WordClass::Party || c == WordClass::Delegation))
    };
    for (k, classes) in by_token.iter().enumerate() {
        // Only the rare side words are looked at further.
        let Some((set, after)) = classes else { continue };
        let Some(alone) = set.iter().find_map(|c| if let WordClass::Side { alone } = c { Some(alone) } else { None })
        else {
            continue;
        };
        let after = *after;
        let side = &toks[k];
        // "rebel forces", "army fighters" are combatants, named in fighting, not
        // a side's representatives.
        let combatants = toks.get(after).is_some_and(|t| matches!(t.lower, "forces" | "fighters"));
        if people(after) && !combatants && after == k + 1 && (k == 0 || side.text.starts_with(char::is_lowercase)) {
            let (start, end) = (side.start, toks[after].end);
            if actors.iter().any(|a| a.start < end && start < a.end) {
                continue;
            }
            let word = side.lower;
            // "rebel", "militia": a side that is a group ("rebels", "militias").
            let armed = index.word_classes(&format!("{word}s")).any(|c| c == WordClass::Group);
            let referent = if word == "government" {
                let name: Arc<str> = match &state.main_country {
                    Some(c) => government_of(dict, c).into(),
                    None => "government".into(),
                };
                Some(state.cast.add(&name, EntityKind::Government, None, offset + start))
            } else {
                state.cast.latest(offset + start, |_, e| {
                    matches!(e.kind, EntityKind::Group | EntityKind::Organisation)
                        && (contains_ignore_case(&e.name, word) || (armed && e.kind == EntityKind::Group))
                        && !e.name.rsplit(' ').next().is_some_and(|w| {
                            index.word_classes(w).any(|c| matches!(c, WordClass::Party | WordClass::Delegation))
                        })
                })
            };
            let entity = referent.unwrap_or_else(|| {
                let name = format!("{word} {}", toks[after].lower);
                state.cast.add(&name, EntityKind::Group, None, offset + start)
            });
            push_side((start, end), entity, referent.is_some(), actors, state);
            continue;
        }
        // "the (ruling) junta": a side named by its own word, with the
        // lower-case modifiers before it.
        if !alone || people(after) {
            continue;
        }
        let modifier = |t: &Tok| {
            t.kind == crate::extract::tokens::TokKind::Word
                && t.text.starts_with(char::is_lowercase)
                && !matches!(t.lower, "the" | "s")
        };
        let mut s = k;
        while s > 0 && s + 2 > k && modifier(&toks[s - 1]) {
            s -= 1;
        }
        // "the junta", "the country's military junta"
        let definite = s > 0 && (toks[s - 1].lower == "the" || toks[s - 1].lower == "s");
        let (start, end) = (toks[s].start, toks[after - 1].end);
        if !definite || actors.iter().any(|a| a.start < end && start < a.end) {
            continue;
        }
        let word = side.lower;
        let referent = state.cast.latest(offset + start, |_, e| contains_ignore_case(&e.name, word));
        let entity = referent.unwrap_or_else(|| {
            // A side that rules ("the junta") is a government of sorts: never
            // what "the rebels" refers to.
            let name: String = toks[s..after].iter().map(|t| t.lower).collect::<Vec<_>>().join(" ");
            state.cast.add(&name, EntityKind::Government, None, offset + start)
        });
        push_side((start, end), entity, true, actors, state);
    }
}

/// An organisation the article names, written in lower case with its head
/// and modifiers: "the 5+5 military commission talks", "the transitional
/// council" for a "Joint Military Commission" or "Transitional Council" of
/// the cast (named before or after). Every lower-case modifier (one at
/// least, up to three) must be a word of the name, whose last word is the
/// head.
fn bodies_in_lower_case(
    offset: usize,
    toks: &[Tok],
    by_token: &[Option<(entities::words::ClassSet, usize)>],
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
) {
    for (k, classes) in by_token.iter().enumerate() {
        let Some((set, after)) = classes else { continue };
        if *after != k + 1 || !set.iter().any(|c| c == WordClass::OrgHead) || k == 0 {
            continue;
        }
        let head = &toks[k];
        if !head.text.starts_with(char::is_lowercase) {
            continue;
        }
        let lower = |t: &Tok| {
            t.kind == crate::extract::tokens::TokKind::Word
                && t.text.starts_with(char::is_lowercase)
                && t.lower != "the"
        };
        let mut first = k;
        while first > 0 && k - first < 3 && lower(&toks[first - 1]) {
            first -= 1;
        }
        if first == k {
            continue;
        }
        let (start, end) = (toks[first].start, head.end);
        if actors.iter().any(|a| a.start < end && start < a.end) {
            continue;
        }
        let has_word = |name: &str, w: &str| name.split(' ').any(|x| x.eq_ignore_ascii_case(w));
        let found = state.cast.entities.iter().position(|e| {
            e.kind == EntityKind::Organisation
                && e.name.rsplit(' ').next().is_some_and(|last| last.eq_ignore_ascii_case(head.lower))
                && toks[first..k].iter().all(|t| has_word(&e.name, t.lower))
        });
        let Some(entity) = found else { continue };
        state.cast.seen(entity, offset + start, false);
        push_side((start, end), entity, true, actors, state);
    }
}

/// Pushes the actor `sides` found, the cast's `entity`.
fn push_side(
    (start, end): (usize, usize),
    entity: usize,
    described: bool,
    actors: &mut Vec<ActorSpan>,
    state: &ArticleState,
) {
    let e = state.cast.get(entity);
    actors.push(ActorSpan {
        start,
        end,
        name: e.name.clone(),
        kind: e.kind,
        country: e.country.clone(),
        entity: Some(entity),
        how: if described { How::Description } else { How::Name },
    });
}

/// Whether `hay` holds `needle` (lower case), whatever the case, without allocating.
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The `party` or `delegation` noun ("rebels", "leaders", "delegation")
/// right after byte `end`, if any: "the Tigrayan delegation" is sent by a
/// party the dictionary does not know, and stands for it as "Tigray leaders"
/// do.
fn party_noun_after<'s>(index: &Index, st: &'s str, end: usize) -> Option<&'s str> {
    let rest = st[end..].strip_prefix(' ')?;
    let word = &rest[..rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len())];
    (!word.is_empty() && index.word_classes(word).any(|c| matches!(c, WordClass::Party | WordClass::Delegation)))
        .then_some(word)
}

/// Where the `group` noun that a name at `start..end` opens ends: "the X
/// independence movement", "the X rebel group" (after "the", past at most
/// two lower-case modifiers).
fn group_noun_after(index: &Index, st: &str, start: usize, end: usize) -> Option<usize> {
    if !(st[..start].ends_with("the ") || st[..start].ends_with("The ")) {
        return None;
    }
    let mut at = end;
    for _ in 0..3 {
        let rest = st[at..].strip_prefix(' ')?;
        let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let word = &rest[..len];
        if word.is_empty() || !word.starts_with(char::is_lowercase) {
            return None;
        }
        at += 1 + len;
        if index.word_classes(word).any(|c| c == WordClass::Group) {
            return Some(at);
        }
    }
    None
}

/// The nouns after a country's name that stand for its government.
const GOVERNMENT_HEADS: [&str; 4] = ["government", "regime", "leadership", "authorities"];

/// `rest` (which starts with a space) past at most `n` modifiers that are
/// followed by another word: lower-case words ("exiled",
/// "internationally-recognized") and compounds that end in one ("Saudi-backed",
/// "Saudi Arabian-backed", "UN-recognised"), their capitalised words included.
fn skip_modifiers(rest: &str, n: usize) -> &str {
    // "Saudi-backed": a hyphen, then a lower-case tail.
    let compound = |w: &str| {
        w.rsplit_once('-').is_some_and(|(head, tail)| {
            !head.is_empty() && tail.len() >= 3 && tail.chars().all(|c| c.is_ascii_lowercase())
        })
    };
    let mut out = rest;
    for _ in 0..n {
        let Some(after) = out.strip_prefix(' ') else { break };
        let word_len = after.find(' ').unwrap_or(after.len());
        let word = &after[..word_len];
        let next = after[word_len..].trim_start_matches(' ').split(' ').next().unwrap_or("");
        // "Saudi" in "Saudi Arabian-backed": a name's word before its compound.
        let leads_compound = word.chars().all(char::is_alphabetic) && compound(next);
        if word.is_empty()
            || GOVERNMENT_HEADS.contains(&word)
            || !(word.chars().all(|c| c.is_lowercase() || c == '-') || compound(word) || leads_compound)
            || word_len == after.len()
        {
            break;
        }
        out = &after[word_len..];
    }
    out
}

/// The government actor of a country; when the dictionary has none, "X
/// government" with the country's adjective ("Yemeni government").
pub(crate) fn government_of(dict: &Dictionaries, country: &str) -> String {
    if let Some(a) = dict.index().government_of(country) {
        return dict.actors[a].name.clone();
    }
    // "Yemeni government": the country's adjective, as the news names it.
    match dict.index().place_named(country).and_then(|p| dict.places[p].adjectives.first()) {
        Some(adjective) => format!("{adjective} government"),
        None => format!("government of {country}"),
    }
}

/// Role descriptions: "the Russian foreign minister", "Syria's deputy foreign
/// minister", "his Syrian counterpart". A definite one is the person who held the
/// role on the publication date; an indefinite one ("a Syrian deputy foreign
/// minister") stands for the country. A title followed by a name is left to the name.
#[allow(clippy::too_many_arguments)]
pub(crate) fn roles(
    st: &str,
    offset: usize,
    mentions: Vec<(usize, usize, &str)>,
    index: &Index,
    dict: &Dictionaries,
    anchor: &Anchor,
    places: &[PlaceSpan],
    actors: &mut Vec<ActorSpan>,
    state: &mut ArticleState,
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
            let other = actors.iter().rev().find(|a| a.person() && a.end <= i).or(state.last_person.as_ref());
            let Some(other) = other else { continue };
            let Some(other_idx) = index.actor_named(&other.name) else { continue };
            let Some(r) = dict.actors[other_idx].roles.iter().find(|r| r.holds_on(day)) else { continue };
            role = r.title.as_str();
        }
        taken.push((start, end));
        let country_name = country.map(|c| c.name.clone()).or_else(|| the_country(st, i, places, state));
        if indefinite {
            if let Some(c) = country_name {
                let entity = state.cast.add(&c, EntityKind::Country, None, 0);
                actors.push(ActorSpan {
                    start,
                    end,
                    name: c.clone(),
                    kind: EntityKind::Country,
                    country: Some(c),
                    entity: Some(entity),
                    how: How::Role,
                });
            }
            continue;
        }
        // "Special Envoy X underscored ... The Special Envoy reiterated": the
        // person the article gave the title speaks, over whoever the
        // dictionary dates in a role of that name.
        let written = &st[i..end];
        let titled_here = state.cast.latest(offset + i, |_, e| {
            e.kind == EntityKind::Person
                && e.titles
                    .iter()
                    .any(|t| title_head(t).eq_ignore_ascii_case(title_head(written)) && t.len() >= written.len())
                && written
                    .split_whitespace()
                    .all(|w| e.titles.iter().any(|t| t.split_whitespace().any(|x| x.eq_ignore_ascii_case(w))))
        });
        // Only a bare definite title refers back so ("the Special Envoy";
        // not "a Russian Foreign Ministry spokesman").
        if let Some(e) = titled_here.filter(|_| country.is_none() && det == "the") {
            let e2 = state.cast.get(e);
            actors.push(ActorSpan {
                start,
                end,
                name: e2.name.clone(),
                kind: e2.kind,
                country: e2.country.clone(),
                entity: Some(e),
                how: How::Description,
            });
            continue;
        }
        let holder = index
            .role_holder(dict, role, country_name.as_deref(), day)
            .or_else(|| posted_holder(st, i, role, country_name.as_deref(), index, dict, day, places, actors, state));
        if let Some(a) = holder {
            let actor = &dict.actors[a];
            // "The United Nations special envoy for Yemen arrived": the
            // title's complement ("for Yemen") and the body that employs the
            // holder right before it are parts of the description, no
            // actors of their own (a visit by Yemen, talks with the UN).
            let employer = actors
                .iter()
                .filter(|b| !b.person() && b.end <= start && st[b.end..start].trim().is_empty())
                .find(|b| index.actor_country(a).is_some_and(|c| **c == *b.name))
                .map(|b| b.start);
            let start = employer.unwrap_or(start);
            actors.retain(|b| !(b.start >= start && b.end <= end));
            actors.push(ActorSpan {
                start,
                end,
                name: index.actor_name(a).clone(),
                kind: kind_of(actor.kind),
                country: index.actor_country(a).cloned(),
                entity: Some(state.cast.add(index.actor_name(a), kind_of(actor.kind), Some(a), 0)),
                how: How::Role,
            });
        }
    }
}

/// The country "the country's" names before a title at byte `at` ("traveled
/// to Qatar for talks with the country's emir"): the last country its
/// sentence names as a place (not as an adjective or an owner), else the
/// country the article is about.
fn the_country(st: &str, at: usize, places: &[PlaceSpan], state: &ArticleState) -> Option<Arc<str>> {
    let before = st[..at].trim_end();
    let owner = before.strip_suffix("'s").or_else(|| before.strip_suffix("\u{2019}s"))?;
    let mut words = owner.rsplit(' ');
    if words.next() != Some("country") || !words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        return None;
    }
    let owner_start = owner.len() - "country".len();
    let possessive = |p: &PlaceSpan| st[p.end..].starts_with("'s") || st[p.end..].starts_with('\u{2019}');
    places
        .iter()
        .rev()
        .find(|p| p.country && !p.adjective && p.end <= owner_start && !possessive(p))
        .map(|p| p.name.clone())
        .or_else(|| state.main_country.as_deref().map(Arc::from))
}

/// The holder of a role posted to a place ("special envoy for yemen") that a
/// sentence names by its bare title: "the UN's special envoy arrived in
/// Yemen" is the UN's special envoy for Yemen, the place being one the
/// sentence names or, failing that, the country the article is about. The
/// employer is the country or body before the title, when there is one.
#[allow(clippy::too_many_arguments)]
fn posted_holder(
    st: &str,
    at: usize,
    role: &str,
    country: Option<&str>,
    index: &Index,
    dict: &Dictionaries,
    day: Option<chrono::NaiveDate>,
    places: &[PlaceSpan],
    actors: &[ActorSpan],
    state: &ArticleState,
) -> Option<usize> {
    let body = || {
        actors.iter().find(|a| {
            let gap = st[a.end.min(at)..at].trim_end();
            !a.person() && a.end <= at && (gap.is_empty() || gap == "'s" || gap == "\u{2019}s")
        })
    };
    let employer: Option<&str> = country.or_else(|| body().map(|a| &*a.name));
    let posts = places.iter().filter(|p| !p.adjective).map(|p| &*p.name).chain(state.main_country.as_deref());
    posts.into_iter().find_map(|post| {
        let posted = format!("{role} for {}", post.to_lowercase());
        index.role_holder(dict, &posted, employer, day)
    })
}

pub(crate) fn in_spans(spans: &[(usize, usize)], i: usize) -> bool {
    spans.iter().any(|&(s, e)| s <= i && i < e)
}

/// Quoted spans of a sentence, straight or curly. `speech` holds the byte
/// spans of the sentence's speech verbs: a mark between the end of a clause
/// and an attribution ("... moment, “said X", `..., "he said,`) closes the
/// quotation before it, whichever way it is drawn, as pages that turn a
/// closing mark into an opening one (or move it past the space) give it.
pub(crate) fn quotes(st: &str, speech: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = st.as_bytes();
    // Only '"' and the curly quotes (led by 0xE2, never inside another
    // character) are decoded.
    for i in (0..bytes.len()).filter(|&k| matches!(bytes[k], b'"' | 0xE2)) {
        let Some(c) = st[i..].chars().next() else { break };
        if matches!(c, '"' | '\u{201c}' | '\u{201d}') && closes_onto_attribution(st, i, i + c.len_utf8(), speech) {
            let from = open.take().unwrap_or_else(|| out.last().map_or(0, |&(_, e)| e));
            out.push((from, i + c.len_utf8()));
            continue;
        }
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

/// Whether the quotation mark at bytes `at..end` stands after the end of a
/// clause (a comma or a full stop, a space at most between) and before a
/// whole attribution: a speech verb and a name that end the clause ("said
/// Leonid X.") or a subject and its speech verb that do ("he said,"). A
/// quotation that opens on a speech verb goes on past it in lower case
/// (`, "said quite clearly that`, `“He concluded his visit`).
fn closes_onto_attribution(st: &str, at: usize, end: usize, speech: &[(usize, usize)]) -> bool {
    let before = st[..at].strip_suffix(' ').unwrap_or(&st[..at]);
    if !before.ends_with([',', '.', '!', '?']) {
        return false;
    }
    let rest = &st[end..];
    let first = end + (rest.len() - rest.trim_start_matches(' ').len()).min(1);
    let word_end = st[first..].find(|c: char| !c.is_alphabetic()).map_or(st.len(), |k| first + k);
    let second = (st[word_end..].starts_with(' ') && word_end > first).then_some(word_end + 1);
    let clause_ends = |from: usize| st[from..].is_empty() || st[from..].starts_with([',', '.']);
    speech.iter().any(|&(s, e)| {
        let named = || {
            let words: Vec<&str> = st[e..].split_whitespace().take(5).collect();
            let last = words.iter().position(|w| w.ends_with([',', '.']));
            last.is_some_and(|k| words[..=k].iter().all(|w| w.starts_with(char::is_uppercase)))
        };
        (s == first && named()) || (Some(s) == second && clause_ends(e))
    })
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

/// Whether a `locative` phrase of data/words.tsv ("in", "to", "a visit to")
/// ends right before byte `at`.
fn after_locative(toks: &[Tok], by_token: &[Option<(entities::words::ClassSet, usize)>], at: usize) -> bool {
    let k = toks.partition_point(|t| t.start < at);
    by_token[..k]
        .iter()
        .rev()
        .take(4)
        .flatten()
        .any(|(set, end)| *end == k && set.iter().any(|c| matches!(c, WordClass::Locative { .. })))
}

/// Whether the word after a capital ("Moscow said", "Riyadh has") makes it
/// its government acting (`acting_verb` in data/words.tsv).
pub(crate) fn acts_as_subject(index: &Index, rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ']);
    let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    index.is_word_of(next, Class::ActingVerb)
}

#[cfg(test)]
mod title_head_tests {
    /// The one-pass search gives the head the five substring searches gave.
    #[test]
    fn title_head_cuts_at_the_first_complement_as_five_searches_did() {
        let by_searches = |title: &str| {
            let core =
                super::TITLE_COMPLEMENTS.iter().filter_map(|c| title.find(c)).min().map_or(title, |k| &title[..k]);
            core.rsplit([' ', '-']).next().unwrap_or(core).to_string()
        };
        for title in [
            "special envoy for yemen",
            "minister of state for foreign affairs",
            "head of the mission to the talks",
            "adviser on security in the north",
            "army chief",
            "secretary-general",
            "envoy for",
            "chief of  staff",
            " of ",
            "",
            "délégué spécial pour la paix in Genève",
            "minister in charge of relations to the union on trade",
        ] {
            assert_eq!(super::title_head(title), by_searches(title), "{title:?}");
        }
    }
}
