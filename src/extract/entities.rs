//! Entities: dictionary matching of actors and places, roles bounded by dates,
//! and names the dictionary does not know.
//!
//! All dictionary phrases go into one Aho-Corasick automaton (leftmost-longest,
//! ASCII case-insensitive), built once per dictionary set. A match counts only on
//! word boundaries, and a phrase written with capitals only matches text that
//! starts with a capital, so "turkey" and "chad" stay words.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use regex::Regex;

use crate::dict::{ActorKind, CueKind, Dictionaries, PlaceKind, TriggerRole};
use crate::model::Kind;

/// What a dictionary phrase points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Actor(usize),
    Place(usize),
    /// A place's adjective or demonym ("Lebanese").
    PlaceAdjective(usize),
    Trigger(usize),
    Cue(usize),
}

/// The automata and lookup tables built from the dictionaries.
#[derive(Debug)]
pub struct Index {
    names: AhoCorasick,
    name_targets: Vec<Vec<Target>>,
    name_capitalised: Vec<bool>,
    words: AhoCorasick,
    word_targets: Vec<Vec<Target>>,
    /// Role title → (actor, role) pairs holding it.
    roles: HashMap<String, Vec<usize>>,
    /// Canonical place name (lower case) → place index.
    place_by_name: HashMap<String, usize>,
    /// Canonical actor name (lower case) → actor index.
    actor_by_name: HashMap<String, usize>,
}

/// A dictionary phrase found in a sentence; offsets are within the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub targets: Vec<Target>,
}

impl Found {
    pub fn actor(&self) -> Option<usize> {
        self.targets.iter().find_map(|t| if let Target::Actor(a) = t { Some(*a) } else { None })
    }
    pub fn place(&self) -> Option<usize> {
        self.targets.iter().find_map(|t| if let Target::Place(p) = t { Some(*p) } else { None })
    }
    pub fn adjective(&self) -> Option<usize> {
        self.targets.iter().find_map(|t| if let Target::PlaceAdjective(p) = t { Some(*p) } else { None })
    }
}

fn automaton(patterns: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("dictionary automaton")
}

/// Collects phrases into unique patterns, each with every target it names.
#[derive(Default)]
struct Patterns {
    text: Vec<String>,
    targets: Vec<Vec<Target>>,
    by_key: HashMap<String, usize>,
}

impl Patterns {
    fn add(&mut self, phrase: &str, target: Target) {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return;
        }
        let key = phrase.to_lowercase();
        let i = *self.by_key.entry(key).or_insert_with(|| {
            self.text.push(phrase.to_string());
            self.targets.push(Vec::new());
            self.text.len() - 1
        });
        if !self.targets[i].contains(&target) {
            self.targets[i].push(target);
        }
    }
}

impl Index {
    pub fn build(dict: &Dictionaries) -> Index {
        let mut names = Patterns::default();
        for (i, a) in dict.actors.iter().enumerate() {
            names.add(&a.name, Target::Actor(i));
            for alias in &a.aliases {
                names.add(alias, Target::Actor(i));
            }
        }
        for (i, p) in dict.places.iter().enumerate() {
            names.add(&p.name, Target::Place(i));
            for alias in &p.aliases {
                names.add(alias, Target::Place(i));
            }
            for adj in &p.adjectives {
                names.add(adj, Target::PlaceAdjective(i));
            }
        }
        let mut words = Patterns::default();
        for (i, t) in dict.triggers.iter().enumerate() {
            words.add(&t.phrase, Target::Trigger(i));
        }
        for (i, c) in dict.cues.iter().enumerate() {
            words.add(&c.phrase, Target::Cue(i));
        }
        let mut roles: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in dict.actors.iter().enumerate() {
            for r in &a.roles {
                roles.entry(r.title.clone()).or_default().push(i);
            }
        }
        let name_capitalised = names.text.iter().map(|t| t.chars().any(char::is_uppercase)).collect();
        Index {
            names: automaton(&names.text),
            name_targets: names.targets,
            name_capitalised,
            words: automaton(&words.text),
            word_targets: words.targets,
            roles,
            place_by_name: dict.places.iter().enumerate().map(|(i, p)| (p.name.to_lowercase(), i)).collect(),
            actor_by_name: dict.actors.iter().enumerate().map(|(i, a)| (a.name.to_lowercase(), i)).collect(),
        }
    }

    /// Actors and places named in a sentence, left to right.
    pub fn names(&self, sentence: &str) -> Vec<Found> {
        let bytes = sentence.as_bytes();
        let mut out = Vec::new();
        for m in self.names.find_iter(sentence) {
            let (s, e) = (m.start(), m.end());
            if !boundary_before(sentence, s) || !boundary_after(bytes, e) {
                continue;
            }
            if self.name_capitalised[m.pattern().as_usize()] && !sentence[s..].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            out.push(Found { start: s, end: e, targets: self.name_targets[m.pattern().as_usize()].clone() });
        }
        out
    }

    /// Trigger and cue phrases in a sentence, left to right (overlapping phrases
    /// resolve to the longest).
    pub fn words(&self, sentence: &str) -> Vec<Found> {
        let bytes = sentence.as_bytes();
        self.words
            .find_iter(sentence)
            .filter(|m| boundary_before(sentence, m.start()) && boundary_after(bytes, m.end()))
            .map(|m| Found {
                start: m.start(),
                end: m.end(),
                targets: self.word_targets[m.pattern().as_usize()].clone(),
            })
            .collect()
    }

    pub fn place_named(&self, name: &str) -> Option<usize> {
        self.place_by_name.get(&name.to_lowercase()).copied()
    }

    pub fn actor_named(&self, name: &str) -> Option<usize> {
        self.actor_by_name.get(&name.to_lowercase()).copied()
    }

    /// The person who held `title` for `country` on `day` ("foreign minister", Russia).
    pub fn role_holder(
        &self,
        dict: &Dictionaries,
        title: &str,
        country: Option<&str>,
        day: Option<NaiveDate>,
    ) -> Option<usize> {
        let candidates = self.roles.get(title)?;
        let mut fitting = candidates.iter().copied().filter(|&i| {
            let a = &dict.actors[i];
            let country_ok = match country {
                Some(c) => a.country.as_deref().is_some_and(|ac| ac.eq_ignore_ascii_case(c)),
                None => true,
            };
            country_ok && a.roles.iter().any(|r| r.title == title && r.holds_on(day))
        });
        let first = fitting.next()?;
        // Two holders at once (a vague title, no country): refuse to guess.
        if country.is_none() && fitting.next().is_some() {
            return None;
        }
        Some(first)
    }

    /// The role titles in the dictionary, longest first, for reading "the X" in text.
    pub fn role_titles(&self) -> Vec<&str> {
        let mut t: Vec<&str> = self.roles.keys().map(String::as_str).collect();
        t.sort_by_key(|s| std::cmp::Reverse(s.len()));
        t
    }
}

/// The kinds of trigger a word match carries.
pub fn triggers<'a>(
    dict: &'a Dictionaries,
    found: &'a Found,
) -> impl Iterator<Item = (usize, &'a crate::dict::Trigger)> {
    found
        .targets
        .iter()
        .filter_map(move |t| if let Target::Trigger(i) = t { Some((*i, &dict.triggers[*i])) } else { None })
}

pub fn cues<'a>(dict: &'a Dictionaries, found: &'a Found) -> impl Iterator<Item = CueKind> + 'a {
    found.targets.iter().filter_map(move |t| if let Target::Cue(i) = t { Some(dict.cues[*i].kind) } else { None })
}

pub fn has_trigger(dict: &Dictionaries, found: &Found, kind: Kind, role: TriggerRole) -> bool {
    triggers(dict, found).any(|(_, t)| t.kind == kind && t.role == role)
}

fn boundary_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        None => true,
        Some(b) => !(b.is_ascii_alphanumeric() || *b >= 0x80 && !matches!(bytes.get(i..i + 3), Some([0xE2, 0x80, _]))),
    }
}

/// Whether an actor may speak: news agencies report speech, they do not make it.
pub fn can_speak(dict: &Dictionaries, actor: usize) -> bool {
    dict.actors[actor].kind != ActorKind::Agency
}

pub fn is_country_place(dict: &Dictionaries, place: usize) -> bool {
    dict.places[place].kind == PlaceKind::Country
}

/// A capitalised name: two to five words, allowing Arabic particles ("al-", "bin").
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[A-Z][\p{L}'’]+(?:-[A-Z]?[\p{L}'’]+)*|[Aa][l]-[A-Z][\p{L}'’]+|[Ee]l-[A-Z][\p{L}'’]+)(?:\s+(?:(?:al|el|bin|ibn|bint|abu|de|del|van|von|da|di|ul|ud)\s+|(?:al|el|Al|El)-)?(?:[A-Z][\p{L}'’]+(?:-[A-Z]?[\p{L}'’]+)*|[A-Z]\.))+",
    )
    .unwrap()
});

/// Capitalised words that are not names (sentence openers, months, titles).
pub const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "As",
    "After",
    "Before",
    "Meanwhile",
    "However",
    "Yet",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "When",
    "While",
    "If",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Minister",
    "Foreign",
    "Deputy",
    "President",
    "Secretary",
    "General",
    "Prime",
    "Vice",
    "Defense",
    "Defence",
    "Interior",
    "Information",
    "Ambassador",
    "Envoy",
    "Special",
    "Spokesman",
    "Spokeswoman",
    "Head",
    "Chief",
    "Leader",
    "Chairman",
    "Commander",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Gen",
    "Sheikh",
    "King",
    "Emir",
    "Prince",
    "State",
    "Ministry",
    "Council",
    "Committee",
    "Army",
    "Forces",
    "Front",
    "Party",
    "Government",
    "News",
    "Agency",
    "Press",
    "Times",
    "Post",
    "UN",
    "U.N.",
    "U.S.",
    "US",
    "EU",
    "Syrian",
    "Russian",
    "American",
    "Iranian",
    "Turkish",
    "Arab",
    "League",
    "Nations",
    "United",
    "Republic",
    "National",
    "Coalition",
    "Opposition",
    "Security",
    "Assembly",
    "Geneva",
    "Read",
    "Share",
    "Speaking",
    "Representatives",
    "Russia",
    "Syria",
    "Anti",
    "Secretary-General",
    "Under-Secretary",
    "Vice-President",
];

/// Title words after which a capitalised name is a person ("Deputy Foreign Minister X").
const TITLE_BEFORE: &[&str] = &[
    "minister",
    "counterpart",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "general",
    "president",
    "head",
    "leader",
    "chief",
    "chairman",
    "chairwoman",
    "coordinator",
    "commander",
    "ambassador",
    "official",
    "diplomat",
    "mediator",
    "representative",
    "negotiator",
    "adviser",
    "advisor",
    "director",
    "member",
    "activist",
    "analyst",
    "premier",
    "king",
    "emir",
    "prince",
    "sheikh",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "colonel",
    "col",
    "brigadier",
    "mufti",
    "cleric",
    "deputy",
    "mayor",
    "governor",
    "lawmaker",
    "senator",
    "mp",
    "opposition",
    "dissident",
    "figure",
    "founder",
    "member",
    "journalist",
    "observer",
    "monitor",
    "researcher",
    "professor",
];

/// Names the dictionary does not know, found by their shape and surroundings:
/// after a title ("Egyptian counterpart, Kamel Amro"), in an apposition
/// ("Bassam Al-Dada, a coordinator"), or next to a speech verb given by
/// `speech_at` ("Ahmed Ali said", "said Ahmed Ali").
pub fn unknown_names(sentence: &str, known: &[Found], speech_at: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in NAME.find_iter(sentence) {
        let (mut s, e) = (m.start(), m.end());
        // Drop leading capitalised words that are not names ("Deputy Foreign Minister").
        let mut text = &sentence[s..e];
        while let Some(first) = text.split_whitespace().next() {
            let bare = first.trim_end_matches(['.', ',']);
            if NOT_NAME_WORDS.contains(&bare) || NOT_NAME_WORDS.contains(&first) {
                let skip = text.find(first).unwrap_or(0) + first.len();
                s += skip + (text[skip..].len() - text[skip..].trim_start().len());
                text = &sentence[s..e];
            } else {
                break;
            }
        }
        if text.split_whitespace().count() < 2 || known.iter().any(|k| k.start < e && s < k.end) {
            continue;
        }
        if text.split_whitespace().any(|w| NOT_NAME_WORDS.contains(&w)) {
            continue;
        }
        let before = sentence[..s].trim_end().trim_end_matches(',').trim_end();
        let prev_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        let after = sentence[e..].trim_start();
        let titled = TITLE_BEFORE.contains(&prev_word.as_str());
        let apposition = after.starts_with(", a ") || after.starts_with(", an ") || after.starts_with(", the ");
        let speaking = speech_at.iter().any(|&(vs, ve)| {
            let gap_after = sentence.get(e..vs).map(|g| g.trim().is_empty() || g.trim() == ",");
            let gap_before = sentence.get(ve..s).map(|g| g.trim().is_empty());
            gap_after == Some(true) || gap_before == Some(true)
        });
        if titled || apposition || speaking {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> Dictionaries {
        Dictionaries::builtin().unwrap()
    }

    #[test]
    fn names_match_on_word_boundaries_only() {
        let d = dict();
        let found = d.index().names("Lavrovian ideas; Lavrov said so.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start, 17);
    }

    #[test]
    fn unknown_name_after_a_title() {
        let s = "In a press conference for Lavrov and his Egyptian counterpart, Kamel Amro, the minister spoke.";
        let names = unknown_names(s, &[], &[]);
        assert_eq!(names.iter().map(|&(a, b)| &s[a..b]).collect::<Vec<_>>(), vec!["Kamel Amro"]);
    }

    #[test]
    fn unknown_name_in_an_apposition() {
        let s = "The AP reported Bassam Al-Dada, a Turkey-based coordinator with the rebels, as saying.";
        let names = unknown_names(s, &[], &[]);
        assert_eq!(names.iter().map(|&(a, b)| &s[a..b]).collect::<Vec<_>>(), vec!["Bassam Al-Dada"]);
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let s = "The Foreign Ministry said on Monday that it agreed.";
        assert!(unknown_names(s, &[], &[(21, 25)]).is_empty());
    }
}
