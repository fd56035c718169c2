//! The dictionaries: actors, places, event triggers and date words.
//!
//! Each is a tab-separated text file under `data/`, compiled into the binary.
//! A user can layer a folder of their own files on top (`--dict DIR` or
//! `CHRONICLE_DICT`): a file there with the same name adds its rows after the
//! built-in ones, and a row whose canonical name is already known replaces it.
//! The formats are documented at the top of each file and in `data/README.md`.
//! The gazetteer and the given names are read on first use (`world`).

mod furniture;
mod table;
mod world;

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use sha2::{Digest, Sha256};

use crate::extract::dates::DateTables;
use crate::model::{Kind, Qualifier, Status};
use furniture::{byte_rules_fit, compile as furniture_matcher, whole_line, Part};

pub use world::{Gazetteer, GazetteerEntry, GazetteerKind, Gender, GivenNames};

/// A dictionary file that could not be read or parsed: which file, which line, what.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DictError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// The text of one dictionary file, built-in or the user's.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source { name: name.into(), text: text.into() }
    }

    /// The data rows: `(line number, fields)`, without comments (`#`) and blank lines.
    ///
    /// The fields are cut at tab bytes by a plain loop, into a vector made
    /// large enough for every file's columns at once: `split('\t')` and the
    /// vector growing past four fields took a third of parsing the actors and
    /// places at each start (see docs/performance.md, "Start-up").
    pub fn rows(&self) -> impl Iterator<Item = (usize, Vec<&str>)> {
        self.text.lines().enumerate().filter_map(|(i, line)| {
            let line = line.trim_end_matches('\r');
            let start = line.trim_start();
            if start.is_empty() || start.starts_with('#') {
                return None;
            }
            let mut fields = Vec::with_capacity(8);
            let mut rest = line;
            // Tabs are ASCII: every cut lies on a character boundary.
            while let Some(tab) = rest.as_bytes().iter().position(|&b| b == b'\t') {
                fields.push(trim(&rest[..tab]));
                rest = &rest[tab + 1..];
            }
            fields.push(trim(rest));
            Some((i + 1, fields))
        })
    }

    pub fn error(&self, line: usize, message: impl Into<String>) -> DictError {
        DictError { file: self.name.clone(), line, message: message.into() }
    }

    /// Field `i` of a row, or an error naming the column.
    pub fn field<'a>(&self, line: usize, fields: &[&'a str], i: usize, column: &str) -> Result<&'a str, DictError> {
        match fields.get(i) {
            Some(v) if !v.is_empty() => Ok(v),
            _ => Err(self.error(line, format!("missing column {} ({column})", i + 1))),
        }
    }
}

/// `s.trim()`, the same string: returned as it is, without decoding a
/// character, when its first and last bytes are ASCII and not white space,
/// as nearly every field and list item of the dictionaries is (`str::trim`
/// decoded both ends of some 40,000 of them at every start-up).
pub fn trim(s: &str) -> &str {
    // The ASCII characters `char::is_whitespace` takes: tab, line feed,
    // vertical tab, form feed, carriage return and space.
    let plain = |b: &u8| b.is_ascii() && !matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ');
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(first), Some(last)) if plain(first) && plain(last) => s,
        _ => s.trim(),
    }
}

/// `s.to_lowercase()`, the same string: by the ASCII path when `s` is ASCII,
/// as nearly every dictionary name is (the Unicode one cost twice as much,
/// for some 12,000 names at every start-up).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Splits a `|`-separated list, dropping empty items. Cut at `|` bytes by a
/// plain loop, as `Source::rows` cuts fields (`split('|')` searched for each
/// item; lists are short).
///
/// Sized at once for every item the bars allow (an item fewer for each
/// empty one): the vectors of the actors' and places' 3,700 lists grew
/// from empty, and were copied, at every start.
pub fn list(field: Option<&&str>) -> Vec<String> {
    let Some(mut rest) = field.copied().filter(|f| !f.is_empty()) else { return Vec::new() };
    let mut out = Vec::with_capacity(1 + rest.bytes().filter(|&b| b == b'|').count());
    loop {
        // `|` is ASCII: every cut lies on a character boundary.
        let bar = rest.as_bytes().iter().position(|&b| b == b'|');
        let item = trim(&rest[..bar.unwrap_or(rest.len())]);
        if !item.is_empty() {
            out.push(item.to_string());
        }
        match bar {
            Some(bar) => rest = &rest[bar + 1..],
            None => return out,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    Person,
    Government,
    Organisation,
    ArmedGroup,
    Country,
    /// News agencies and outlets: they report speech, they are never its speaker.
    Agency,
}

impl std::str::FromStr for ActorKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "person" => ActorKind::Person,
            "government" => ActorKind::Government,
            "organisation" | "organization" => ActorKind::Organisation,
            "armed_group" => ActorKind::ArmedGroup,
            "country" => ActorKind::Country,
            "agency" => ActorKind::Agency,
            other => return Err(format!("unknown actor kind '{other}' (expected person, government, organisation, armed_group, country or agency)")),
        })
    }
}

/// A role an actor held, bounded by dates ("foreign minister", 2004-03-09..).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleSpan {
    /// Lower-case role words as they appear in text: "foreign minister", "special envoy".
    pub title: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl RoleSpan {
    pub fn holds_on(&self, day: Option<NaiveDate>) -> bool {
        match day {
            None => self.to.is_none(),
            Some(d) => self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    /// The country (or international body) the actor belongs to, as a canonical place name.
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub roles: Vec<RoleSpan>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    /// A city that is its country's capital.
    Capital,
    City,
    Region,
    Venue,
}

impl std::str::FromStr for PlaceKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "country" => PlaceKind::Country,
            "capital" => PlaceKind::Capital,
            "city" => PlaceKind::City,
            "region" => PlaceKind::Region,
            "venue" => PlaceKind::Venue,
            other => {
                return Err(format!("unknown place kind '{other}' (expected country, capital, city, region or venue)"))
            }
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    pub kind: PlaceKind,
    /// The country a city or venue is in; a country's own name for countries.
    pub country: Option<String>,
    pub aliases: Vec<String>,
    /// Adjectives and demonyms that point at the place ("Lebanese" → Lebanon).
    pub adjectives: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// What a trigger phrase does (see `data/triggers.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerRole {
    /// Signals the event on its own.
    Trigger,
    /// Signals talks only together with a place, a date or a counterpart of their own.
    Weak,
    /// Signals talks only with a counterpart named right after it ("spoke
    /// to Lavrov", "received a delegation of the opposition").
    With,
    /// A noun for the people a death toll counts.
    Victim,
    /// A word that makes a count a death toll.
    Death,
    /// A word for people hurt, displaced or held but not killed ("wounded",
    /// "displaced", "missing"): a count it governs is no death toll.
    Harm,
    /// Not a trigger: a longer phrase that keeps a shorter one from matching
    /// ("press conference" is no meeting).
    Ignore,
    /// Talks only: a verb of carrying, an event only with a message noun
    /// for object and a person after its "to" ("carried a message to X").
    Carry,
    /// Statements only: the bare form of a `nounverb` lemma ("stress",
    /// "demand"), also a noun, which is a verb only after a form of "do"
    /// ("He did stress that").
    Bare,
}

impl std::str::FromStr for TriggerRole {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "" | "trigger" => TriggerRole::Trigger,
            "weak" => TriggerRole::Weak,
            "with" => TriggerRole::With,
            "victim" => TriggerRole::Victim,
            "death" => TriggerRole::Death,
            "harm" => TriggerRole::Harm,
            "ignore" => TriggerRole::Ignore,
            "carry" => TriggerRole::Carry,
            other => {
                return Err(format!(
                    "unknown trigger role '{other}' (expected trigger, verb, nounverb, weak, with, carry, victim, death, harm or ignore)"
                ))
            }
        })
    }
}

/// A word or phrase that signals an event kind, with what it says about status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    pub kind: Kind,
    /// Lower-case phrase; matched on word boundaries.
    pub phrase: String,
    /// The status the word itself implies ("postponed" → cancelled), if any.
    pub status: Option<Status>,
    pub role: TriggerRole,
}

/// What a cue phrase says (see `data/cues.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    Status(Status),
    Negation,
    Qualifier(Qualifier),
    Number(u64),
    Generic,
    /// A modifier that makes a talks noun a meeting of its own, never one
    /// reported before ("a separate meeting", "another round of talks").
    Distinct,
    /// The head of a description that refers back ("the minister").
    Anaphor,
    /// Words that deny a meeting told right after them ("they have not met
    /// since", "no formal talks were held"): it was not held, and is none.
    Denial,
}

/// Words that change an event's status, negate speech, hedge or spell a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub phrase: String,
    pub kind: CueKind,
}

/// What a page-furniture rule does with a line it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRule {
    /// The line goes.
    Drop,
    /// The line starts a reader-comment section or the footer: it and everything after it go.
    Stop,
    /// The line is a photo caption or ends with a credit ("(AFP)", "— Reuters"):
    /// it goes unless it is a paragraph of text, three sentences or more,
    /// that ends with the story's credit.
    Caption,
    /// The line starts with a label or a trail that is not text ("date 2013-09-09",
    /// "Home > World >"): the matched start goes, the rest of the line stays.
    Strip,
}

/// The page-furniture rules of `furniture.tsv`, compiled into one matcher:
/// one pass over a line finds the first rule, in file order, that matches the
/// whole line. (One matcher for all the patterns compiled in half the time of
/// one regex each, and checked lines three times faster.)
///
/// The matcher is in parts (`furniture::Part`), each pattern in one: the
/// main patterns and those that hold a phrase anywhere, each part one
/// forward matcher, and the `.*`-led patterns with an end of their own, each
/// searched backward from the line's end. The answer is the first pattern,
/// in file order, that any part finds.
#[derive(Clone, Debug)]
pub struct Furniture {
    /// The action of each rule, by pattern number.
    actions: Vec<LineRule>,
    /// The main part (`None` when it has no pattern).
    matcher: Option<Arc<FurnitureMatcher>>,
    /// The main part's pattern numbers, by its own.
    main: Vec<usize>,
    /// The patterns that hold a phrase anywhere, and their pattern numbers.
    contains: Option<(Arc<FurnitureMatcher>, Vec<usize>)>,
    /// The reversed patterns, in file order.
    reversed: Vec<Arc<Reversed>>,
}

impl Furniture {
    /// The action of the first rule whose pattern matches `line` (trimmed), if
    /// any, with where the match ends: the whole line, or for a `strip` rule its start.
    pub fn rule(&self, line: &[u8]) -> Option<(LineRule, usize)> {
        let mut best = self.matcher.as_ref().and_then(|m| m.find(line)).map(|(p, end)| (self.main[p], end));
        if let Some((matcher, patterns)) = &self.contains {
            if let Some((p, end)) = matcher.find(line) {
                if best.is_none_or(|(b, _)| patterns[p] < b) {
                    best = Some((patterns[p], end));
                }
            }
        }
        for reversed in &self.reversed {
            if best.is_some_and(|(b, _)| b < reversed.pattern) {
                break;
            }
            if reversed.matches(line) {
                // Never a `strip` rule: the match is the whole line.
                best = Some((reversed.pattern, line.len()));
                break;
            }
        }
        let (pattern, end) = best?;
        self.actions.get(pattern).map(|&a| (a, end))
    }
}

/// A `Part::Reversed` pattern: its reverse lazy DFA, searched anchored at
/// the line's end (a match must reach the line's start: the pattern is
/// `whole_line`'s). Its patterns use byte rules, so the lazy DFA has no
/// Unicode `\b` to give up on, and it is told never to give up on its cache
/// either; should it fail all the same, the pattern is compiled as a regex.
struct Reversed {
    pattern: usize,
    alternative: String,
    dfa: regex_automata::hybrid::dfa::DFA,
    caches: regex_automata::util::pool::Pool<
        regex_automata::hybrid::dfa::Cache,
        Box<dyn Fn() -> regex_automata::hybrid::dfa::Cache + Send + Sync>,
    >,
    fallback: std::sync::OnceLock<Option<regex::bytes::Regex>>,
}

impl std::fmt::Debug for Reversed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reversed").field("pattern", &self.pattern).finish()
    }
}

impl Reversed {
    /// `None` when the lazy DFA does not build from `nfa`.
    fn new(pattern: usize, alternative: String, nfa: regex_automata::nfa::thompson::NFA) -> Option<Reversed> {
        use regex_automata::hybrid;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::Config::new().minimum_cache_clear_count(None))
            .build_from_nfa(nfa)
            .ok()?;
        let for_cache = dfa.clone();
        let create: Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync> = Box::new(move || for_cache.create_cache());
        let caches = regex_automata::util::pool::Pool::new(create);
        Some(Reversed { pattern, alternative, dfa, caches, fallback: std::sync::OnceLock::new() })
    }

    /// Whether the pattern matches the whole `line`.
    fn matches(&self, line: &[u8]) -> bool {
        let input = regex_automata::Input::new(line).anchored(regex_automata::Anchored::Yes);
        if let Ok(found) = self.dfa.try_search_rev(&mut self.caches.get(), &input) {
            return found.is_some();
        }
        let regex = self.fallback.get_or_init(|| regex::bytes::Regex::new(&format!("(?i){}", self.alternative)).ok());
        regex.as_ref().is_some_and(|r| r.is_match(line))
    }
}

/// The furniture patterns' engines: a forward lazy DFA, with a PikeVM on the
/// same NFA for the lines the lazy DFA gives up on (a non-ASCII byte next to
/// a Unicode `\b`, a cache cleared too often). Every search is anchored at
/// the line's start and only the end and the pattern are asked for, so
/// nothing needs the reverse NFA, the prefilter or the other engines that a
/// `meta::Regex` compiles: at every start-up the regex compilation was a
/// fifth of a one-article run (22 M instructions, 7 M of them those parts).
/// Both engines give `meta::Regex`'s leftmost-first match.
struct FurnitureMatcher {
    dfa: Option<regex_automata::hybrid::dfa::DFA>,
    pikevm: regex_automata::nfa::thompson::pikevm::PikeVM,
    caches: regex_automata::util::pool::Pool<FurnitureCache, Box<dyn Fn() -> FurnitureCache + Send + Sync>>,
}

/// A search's scratch space, one per thread at a time (`Pool`). The
/// PikeVM's is made on the first line the lazy DFA gives up on: for the
/// built-in patterns it is sized by their NFA's states times every
/// pattern's two slots, 18 M instructions to make, more than the search
/// of a whole article.
struct FurnitureCache {
    dfa: Option<regex_automata::hybrid::dfa::Cache>,
    pikevm: Option<regex_automata::nfa::thompson::pikevm::Cache>,
}

impl std::fmt::Debug for FurnitureMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FurnitureMatcher").field("patterns", &self.pikevm.get_nfa().pattern_len()).finish()
    }
}

impl FurnitureMatcher {
    fn new(nfa: regex_automata::nfa::thompson::NFA) -> Self {
        use regex_automata::{hybrid, nfa::thompson::pikevm::PikeVM};
        // As `meta::Regex` configures its lazy DFA: it gives up rather than
        // thrash its cache, and a Unicode `\b` makes it give up on non-ASCII bytes.
        let dfa = hybrid::dfa::DFA::builder()
            .configure(
                hybrid::dfa::Config::new()
                    .unicode_word_boundary(true)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .ok();
        let pikevm = PikeVM::new_from_nfa(nfa).expect("a PikeVM builds from any NFA");
        let for_dfa = dfa.clone();
        let create: Box<dyn Fn() -> FurnitureCache + Send + Sync> =
            Box::new(move || FurnitureCache { dfa: for_dfa.as_ref().map(|d| d.create_cache()), pikevm: None });
        FurnitureMatcher { dfa, pikevm, caches: regex_automata::util::pool::Pool::new(create) }
    }

    /// The first pattern that matches at the start of `line`, and where its match ends.
    fn find(&self, line: &[u8]) -> Option<(usize, usize)> {
        let input = regex_automata::Input::new(line).anchored(regex_automata::Anchored::Yes);
        let mut cache = self.caches.get();
        let cache = &mut *cache;
        if let (Some(dfa), Some(dfa_cache)) = (&self.dfa, cache.dfa.as_mut()) {
            if let Ok(found) = dfa.try_search_fwd(dfa_cache, &input) {
                return found.map(|m| (m.pattern().as_usize(), m.offset()));
            }
        }
        let pikevm_cache = cache.pikevm.get_or_insert_with(|| self.pikevm.create_cache());
        let found = self.pikevm.find(pikevm_cache, input)?;
        Some((found.pattern().as_usize(), found.end()))
    }
}

/// Every dictionary the extractor uses, parsed and ready.
#[derive(Clone, Debug)]
pub struct Dictionaries {
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
    pub triggers: Vec<Trigger>,
    pub cues: Vec<Cue>,
    pub furniture: Furniture,
    pub dates: DateTables,
    /// The word classes of `words.tsv`: titles, organisation heads, particles...
    pub words: Vec<crate::extract::entities::words::ClassedWord>,
    /// Cities and regions of the world (`gazetteer.tsv`), parsed on the first lookup.
    pub gazetteer: Arc<Gazetteer>,
    /// Given names and their usual gender (`given_names.tsv`), parsed on the first lookup.
    pub given_names: Arc<GivenNames>,
    /// Content terms of statements that say the same thing (`senses.tsv`),
    /// read by merging alone (`merge::score`): no part of `fingerprint`,
    /// which tells what extracted an article.
    pub senses: Arc<crate::merge::Senses>,
    /// SHA-256 of every dictionary source (file names and texts) and of this
    /// chronicle's version (see `fingerprint`): `Store::sync_dictionaries`
    /// rewrites the stored actors and places only when it changes, and each
    /// article keeps the one that extracted it. Taken over the source texts:
    /// formatting every parsed row to hash it took a millisecond of each run.
    pub fingerprint: String,
    /// The same over the actors' and places' sources alone: what
    /// `Store::sync_dictionaries` copies into the database, so that an edit
    /// of another file (a word class, a trigger) does not rewrite the stored
    /// actors and places and relink every event to its place.
    pub lexicon_fingerprint: String,
    /// The matchers built from the actors, places, triggers and cues, shared by clones.
    index: std::sync::Arc<crate::extract::entities::Index>,
}

/// The built-in data files, by name. A static, not a const: a const's text
/// was copied into the binary at each use (twice, 2.4 MB more with the gazetteer).
/// They are build.rs's copies of `data/`, their comment lines blank: the
/// same rows on the same lines, 43 KB less.
pub static BUILTIN: &[(&str, &str)] = &[
    ("actors.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/actors.tsv"))),
    ("places.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/places.tsv"))),
    ("triggers.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/triggers.tsv"))),
    ("cues.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/cues.tsv"))),
    ("furniture.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/furniture.tsv"))),
    ("dates.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/dates.tsv"))),
    ("words.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/words.tsv"))),
    ("gazetteer.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/gazetteer.tsv"))),
    ("given_names.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/given_names.tsv"))),
    ("senses.tsv", include_str!(concat!(env!("OUT_DIR"), "/data/senses.tsv"))),
];

/// The text of the built-in file `name` (empty for a name it does not know).
fn builtin_text(name: &str) -> &'static str {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or("")
}

impl Dictionaries {
    /// The compiled-in dictionaries alone.
    pub fn builtin() -> Result<Self, DictError> {
        Self::from_sources(|_| Ok(None))
    }

    /// The compiled-in dictionaries with the files of `dir` layered on top.
    pub fn with_overlay(dir: &Path) -> Result<Self, DictError> {
        if !dir.is_dir() {
            return Err(DictError {
                file: dir.display().to_string(),
                line: 0,
                message: "not a folder of dictionary files".into(),
            });
        }
        Self::from_sources(|name| {
            let path = dir.join(name);
            if !path.exists() {
                return Ok(None);
            }
            std::fs::read_to_string(&path)
                .map(|text| Some(Source::new(path.display().to_string(), text)))
                .map_err(|e| DictError { file: path.display().to_string(), line: 0, message: e.to_string() })
        })
    }

    /// Parses the layered sources on two threads: the actors and places, then
    /// the name part of the index built from them, on this one; on the other
    /// the fingerprint, the furniture patterns (regex compilation), the date
    /// words, the triggers and cues and the index part built from those. A
    /// one-article run waits for the longer of the two.
    fn from_sources(user: impl Fn(&str) -> Result<Option<Source>, DictError> + Sync) -> Result<Self, DictError> {
        let builtin = builtin_text;
        let layered = |name: &str| -> Result<Vec<Source>, DictError> {
            let mut sources = vec![Source::new(format!("data/{name}"), builtin(name))];
            sources.extend(user(name)?);
            Ok(sources)
        };
        let actor_sources = layered("actors.tsv")?;
        let place_sources = layered("places.tsv")?;
        // Kept as text until first asked; only a user's file is read through now.
        let (user_gazetteer, user_given) = (user("gazetteer.tsv")?, user("given_names.tsv")?);
        let world_sources: Vec<Source> = user_gazetteer.iter().chain(&user_given).cloned().collect();
        let gazetteer = Arc::new(Gazetteer::new(builtin("gazetteer.tsv"), user_gazetteer)?);
        let given_names = Arc::new(GivenNames::new(builtin("given_names.tsv"), user_given)?);
        let (lexicon, rest) = std::thread::scope(|scope| {
            let rest = scope.spawn(|| -> Result<_, DictError> {
                let furniture_sources = layered("furniture.tsv")?;
                let date_sources = layered("dates.tsv")?;
                let trigger_sources = layered("triggers.tsv")?;
                let cue_sources = layered("cues.tsv")?;
                let word_sources = layered("words.tsv")?;
                let senses = crate::merge::Senses::parse(&layered("senses.tsv")?)?;
                // The built-in gazetteer and given names change only with the
                // version, which the fingerprint names; a user's files are hashed.
                let layers = [
                    &actor_sources,
                    &place_sources,
                    &trigger_sources,
                    &cue_sources,
                    &furniture_sources,
                    &date_sources,
                    &word_sources,
                    &world_sources,
                ];
                // Without a file of the user's, the fingerprints were taken at build time.
                let fingerprint = if layers.iter().all(|l| l.len() <= 1) && world_sources.is_empty() {
                    BUILTIN_FINGERPRINT.to_string()
                } else {
                    fingerprint(&layers)
                };
                let lexicon_fingerprint = if layers[..2].iter().all(|l| l.len() <= 1) {
                    BUILTIN_LEXICON_FINGERPRINT.to_string()
                } else {
                    crate::dict::fingerprint(&layers[..2])
                };
                let furniture = parse_furniture(&furniture_sources)?;
                crate::extract::clean::compile_patterns();
                let dates = DateTables::parse(&date_sources)?;
                let triggers = parse_triggers(&trigger_sources)?;
                let cues = parse_cues(&cue_sources)?;
                let classed = crate::extract::entities::words::parse(&word_sources)?;
                let words = crate::extract::entities::WordIndex::build(&triggers, &cues, &classed);
                Ok((fingerprint, lexicon_fingerprint, furniture, dates, triggers, cues, classed, words, senses))
            });
            let lexicon = (|| -> Result<_, DictError> {
                let (actors, mut actor_by_name) = parse_actors(&actor_sources)?;
                let (places, place_by_name) = parse_places(&place_sources)?;
                let actors = with_country_actors(actors, &mut actor_by_name, &places);
                let names =
                    crate::extract::entities::NameIndex::build_with(&actors, &places, actor_by_name, place_by_name);
                Ok((actors, places, names))
            })();
            (lexicon, rest.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let (actors, places, names) = lexicon?;
        let (fingerprint, lexicon_fingerprint, furniture, dates, triggers, cues, classed, words, senses) = rest?;
        let index = crate::extract::entities::Index::from_parts(names, words);
        Ok(Dictionaries {
            actors,
            places,
            triggers,
            cues,
            furniture,
            dates,
            words: classed,
            gazetteer,
            given_names,
            senses: Arc::new(senses),
            fingerprint,
            lexicon_fingerprint,
            index: std::sync::Arc::new(index),
        })
    }

    /// The matchers built from the dictionaries.
    pub fn index(&self) -> &crate::extract::entities::Index {
        &self.index
    }
}

/// `fingerprint` of the built-in files alone, taken by `build.rs` (hashing
/// them took 14 M instructions, a tenth of a one-article run).
const BUILTIN_FINGERPRINT: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin_fingerprint.txt"));

/// `fingerprint` of the built-in actors and places alone, taken by `build.rs`.
const BUILTIN_LEXICON_FINGERPRINT: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin_lexicon_fingerprint.txt"));

/// SHA-256 of this chronicle's version and of every dictionary source: each
/// file's name (without its folder) and text, layer by layer. The same files
/// give the same fingerprint wherever they are read from (a `--dict` folder
/// shipped to a cluster's workers lands in another folder), and a change to
/// any of them, triggers and dates included, changes it: it tells which
/// extraction produced an article (`articles.dict_hash`, `chronicle load`).
fn fingerprint(layers: &[&Vec<Source>]) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION"));
    for src in layers.iter().copied().flatten() {
        let name = Path::new(&src.name).file_name().map_or(src.name.as_str(), |n| n.to_str().unwrap_or(""));
        hash.update([0]);
        hash.update(name);
        hash.update([0]);
        hash.update(&src.text);
    }
    hex(&hash.finalize())
}

/// Lower-case hexadecimal, for digests.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Lower-case canonical name → its row, of the actors or places that
/// `replace_by_name` kept: the map it builds anyway, handed on to
/// `with_country_actors` and `NameIndex::build_with`, which lowered and
/// hashed every name again for maps of their own (see docs/performance.md,
/// "Start-up, round 18").
pub type ByName = foldhash::HashMap<String, usize>;

/// Keeps the last row for each canonical name, in first-seen order, so a user
/// file can replace a built-in row; with each kept name's row (`ByName`).
fn replace_by_name<T>(items: Vec<T>, name: impl Fn(&T) -> &str) -> (Vec<T>, ByName) {
    let mut kept: Vec<Option<T>> = Vec::with_capacity(items.len());
    let mut position: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    position.reserve(items.len());
    for item in items {
        match position.entry(lowercase(name(&item))) {
            std::collections::hash_map::Entry::Occupied(e) => kept[*e.get()] = Some(item),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(kept.len());
                kept.push(Some(item));
            }
        }
    }
    // Sized at once: `flatten` tells `collect` no lower bound, so the vector grew from empty.
    // Every slot holds a row (a later one replaces it in place), so the rows keep their positions.
    let mut out = Vec::with_capacity(kept.len());
    out.extend(kept.into_iter().flatten());
    (out, position)
}

fn parse_date_bound(src: &Source, line: usize, s: &str) -> Result<Option<NaiveDate>, DictError> {
    let s = trim(s);
    if s.is_empty() {
        return Ok(None);
    }
    // YYYY, YYYY-MM or YYYY-MM-DD, the first day of the year or month when not
    // given. Read by hand: chrono's format parser took a tenth of start-up.
    let number =
        |from: usize, to: usize| s.get(from..to).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?.parse().ok();
    let date = match s.len() {
        4 => number(0, 4).and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
        7 if s.get(4..5) == Some("-") => {
            number(0, 4).zip(number(5, 7)).and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m as u32, 1))
        }
        10 if s.get(4..5) == Some("-") && s.get(7..8) == Some("-") => number(0, 4)
            .zip(number(5, 7))
            .zip(number(8, 10))
            .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m as u32, d as u32)),
        _ => None,
    };
    // Other shapes chrono accepts ("2004-3-9") as before.
    let date = date.or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    date.map(Some).ok_or_else(|| src.error(line, format!("bad date '{s}' (expected YYYY, YYYY-MM or YYYY-MM-DD)")))
}

/// `title@from..to`; `to` is taken as the end of its year or month when given as YYYY or YYYY-MM.
fn parse_role(src: &Source, line: usize, spec: &str) -> Result<RoleSpan, DictError> {
    let (title, bounds) = spec.split_once('@').unwrap_or((spec, ""));
    // The first "..", found bytewise: `split_once("..")` set up a substring
    // searcher for each of 1,350 roles at every start-up.
    let dots = bounds.as_bytes().windows(2).position(|w| w == b"..");
    let (from, to) = dots.map_or((bounds, ""), |at| (&bounds[..at], &bounds[at + 2..]));
    let to_date = parse_date_bound(src, line, to)?.map(|d| match trim(to).len() {
        4 => NaiveDate::from_ymd_opt(chrono::Datelike::year(&d), 12, 31).unwrap_or(d),
        7 => d.checked_add_months(chrono::Months::new(1)).and_then(|n| n.pred_opt()).unwrap_or(d),
        _ => d,
    });
    Ok(RoleSpan { title: lowercase(trim(title)), from: parse_date_bound(src, line, from)?, to: to_date })
}

/// Every country of `places.tsv` is also an actor ("Myanmar said", "talks
/// between Mali and Niger"): one that `actors.tsv` lacks is added with the
/// place's aliases, so a country speaks and meets without a row of its own.
/// A row in `actors.tsv` (any kind) under the same name wins. `by_name`
/// is the actors' `ByName`, and gets the added ones.
fn with_country_actors(mut actors: Vec<Actor>, by_name: &mut ByName, places: &[Place]) -> Vec<Actor> {
    // Room for them all at once: the vector of 1,800 actors grew, and was copied, at each push past its end.
    actors.reserve(places.iter().filter(|p| p.kind == PlaceKind::Country).count());
    for p in places.iter().filter(|p| p.kind == PlaceKind::Country) {
        // Places are unique by lower-case name: no country is added twice.
        match by_name.entry(lowercase(&p.name)) {
            std::collections::hash_map::Entry::Occupied(_) => continue,
            std::collections::hash_map::Entry::Vacant(e) => e.insert(actors.len()),
        };
        actors.push(Actor {
            name: p.name.clone(),
            kind: ActorKind::Country,
            country: Some(p.name.clone()),
            aliases: p.aliases.clone(),
            roles: Vec::new(),
        });
    }
    actors
}

/// At least the number of data rows of `sources` (their lines): the room
/// for the rows at once, where a vector of 1,800 actors grew and was copied
/// a dozen times.
fn row_bound(sources: &[Source]) -> usize {
    sources.iter().map(|s| s.text.bytes().filter(|&b| b == b'\n').count() + 1).sum()
}

fn parse_actors(sources: &[Source]) -> Result<(Vec<Actor>, ByName), DictError> {
    let mut actors = Vec::with_capacity(row_bound(sources));
    for src in sources {
        for (line, f) in src.rows() {
            let name = src.field(line, &f, 0, "name")?.to_string();
            let kind = src.field(line, &f, 1, "kind")?.parse().map_err(|e: String| src.error(line, e))?;
            let country = f.get(2).filter(|c| !c.is_empty()).map(|c| c.to_string());
            let aliases = list(f.get(3));
            let roles = list(f.get(4)).iter().map(|r| parse_role(src, line, r)).collect::<Result<_, _>>()?;
            actors.push(Actor { name, kind, country, aliases, roles });
        }
    }
    Ok(replace_by_name(actors, |a| &a.name))
}

fn parse_coordinate(src: &Source, line: usize, f: Option<&&str>) -> Result<Option<f64>, DictError> {
    match f.map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| src.error(line, format!("bad coordinate '{s}'"))),
    }
}

fn parse_places(sources: &[Source]) -> Result<(Vec<Place>, ByName), DictError> {
    let mut places = Vec::with_capacity(row_bound(sources));
    for src in sources {
        for (line, f) in src.rows() {
            let name = src.field(line, &f, 0, "name")?.to_string();
            let kind = src.field(line, &f, 1, "kind")?.parse().map_err(|e: String| src.error(line, e))?;
            let country = f.get(2).filter(|c| !c.is_empty()).map(|c| c.to_string());
            if kind == PlaceKind::Capital && country.is_none() {
                return Err(src.error(line, format!("capital '{name}' names no country")));
            }
            places.push(Place {
                name,
                kind,
                country,
                aliases: list(f.get(3)),
                adjectives: list(f.get(4)),
                lat: parse_coordinate(src, line, f.get(5))?,
                lon: parse_coordinate(src, line, f.get(6))?,
            });
        }
    }
    let (places, by_name) = replace_by_name(places, |p| &p.name);
    // One capital per country, so "the Russian capital" has one answer.
    let mut capitals: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for p in places.iter().filter(|p| p.kind == PlaceKind::Capital) {
        let country = p.country.as_deref().unwrap_or_default();
        if let Some(other) = capitals.insert(lowercase(country), &p.name) {
            // The place's latest row (source, line), sought only for the error
            // (a map of every row's name was a lowercase copy of each at every start).
            let name = p.name.to_lowercase();
            let (source, line) = (sources.iter().enumerate())
                .flat_map(|(i, src)| src.rows().map(move |(line, f)| (i, line, f)))
                .filter(|(_, _, f)| f.first().is_some_and(|n| lowercase(n) == name))
                .map(|(i, line, _)| (i, line))
                .last()
                .unwrap_or_default();
            return Err(DictError {
                file: sources.get(source).map(|s| s.name.clone()).unwrap_or_default(),
                line,
                message: format!("{country} has two capitals, '{other}' and '{}': make one of them a city", p.name),
            });
        }
    }
    Ok((places, by_name))
}

fn parse_status(src: &Source, line: usize, s: &str) -> Result<Option<Status>, DictError> {
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|e: String| src.error(line, e))
}

fn parse_triggers(sources: &[Source]) -> Result<Vec<Trigger>, DictError> {
    let mut triggers = Vec::new();
    for src in sources {
        for (line, f) in src.rows() {
            let kind = src.field(line, &f, 0, "kind")?.parse().map_err(|e: String| src.error(line, e))?;
            let phrase = lowercase(src.field(line, &f, 1, "phrase")?);
            let status = parse_status(src, line, f.get(2).copied().unwrap_or(""))?;
            let role = f.get(3).copied().unwrap_or("");
            if let Some(bare) = match role {
                "verb" => Some(true),
                "nounverb" => Some(false),
                _ => None,
            } {
                for form in verb_forms(&phrase, bare) {
                    triggers.push(Trigger { kind, phrase: form, status, role: TriggerRole::Trigger });
                }
                if !bare {
                    triggers.push(Trigger { kind, phrase, status, role: TriggerRole::Bare });
                }
                continue;
            }
            let role = role.parse().map_err(|e: String| src.error(line, e))?;
            triggers.push(Trigger { kind, phrase, status, role });
        }
    }
    Ok(triggers)
}

/// The forms of a regular English verb (`bare`: with the lemma itself): -s,
/// -ed, -ing, and for an -ize verb the -ise spellings too. A phrasal verb
/// ("point out") inflects its first word.
pub fn verb_forms(lemma: &str, bare: bool) -> Vec<String> {
    let (verb, rest) = lemma.split_once(' ').map_or((lemma, ""), |(v, r)| (v, r));
    let consonant_y =
        verb.len() > 1 && verb.ends_with('y') && !verb[..verb.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    let stem = &verb[..verb.len().saturating_sub(1)];
    let third = if verb.ends_with(['s', 'x', 'z']) || verb.ends_with("ch") || verb.ends_with("sh") {
        format!("{verb}es")
    } else if consonant_y {
        format!("{stem}ies")
    } else {
        format!("{verb}s")
    };
    let past = if verb.ends_with('e') {
        format!("{verb}d")
    } else if consonant_y {
        format!("{stem}ied")
    } else {
        format!("{verb}ed")
    };
    let ing = if verb.ends_with('e') && !verb.ends_with("ee") { format!("{stem}ing") } else { format!("{verb}ing") };
    let mut words: Vec<String> = Vec::new();
    if bare {
        words.push(verb.to_string());
    }
    words.extend([third, past, ing]);
    // A final consonant after a single vowel doubles before -ed and -ing in
    // one spelling or another ("signal": "signaled" and "signalled";
    // "admit": "admitted"). Stress decides, which a spelling does not show:
    // both forms are kept, and the one no writer uses matches nothing.
    let b = verb.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if let [.., c1, v, c2] = b {
        if !vowel(*c1)
            && vowel(*v)
            && c2.is_ascii_alphabetic()
            && !vowel(*c2)
            && !matches!(c2, b'w' | b'x' | b'y' | b'h')
        {
            let last = char::from(*c2);
            words.extend([format!("{verb}{last}ed"), format!("{verb}{last}ing")]);
        }
    }
    if verb.ends_with("ize") {
        let british: Vec<String> = words.iter().map(|w| w.replacen("iz", "is", 1)).collect();
        words.extend(british);
    }
    words.into_iter().map(|w| if rest.is_empty() { w } else { format!("{w} {rest}") }).collect()
}

fn parse_cues(sources: &[Source]) -> Result<Vec<Cue>, DictError> {
    let mut cues = Vec::new();
    for src in sources {
        for (line, f) in src.rows() {
            let kind = src.field(line, &f, 0, "type")?;
            let value = f.get(1).copied().unwrap_or("");
            let phrase = lowercase(src.field(line, &f, 2, "phrase")?);
            let bad = |what: &str| src.error(line, format!("bad {what} '{value}'"));
            let kind = match kind {
                "status" => CueKind::Status(parse_status(src, line, value)?.ok_or_else(|| bad("status"))?),
                "negation" => CueKind::Negation,
                "generic" => CueKind::Generic,
                "distinct" => CueKind::Distinct,
                "anaphor" => CueKind::Anaphor,
                "denial" => CueKind::Denial,
                "qualifier" => CueKind::Qualifier(value.parse().map_err(|e: String| src.error(line, e))?),
                "number" => CueKind::Number(value.parse().map_err(|_| bad("number"))?),
                other => {
                    return Err(src.error(
                        line,
                        format!(
                        "unknown cue type '{other}' (expected status, negation, qualifier, number, generic, distinct, anaphor or denial)"
                    ),
                    ))
                }
            };
            cues.push(Cue { phrase, kind });
        }
    }
    Ok(cues)
}

/// The built-in furniture patterns' NFA, compiled by `build.rs` (empty if
/// it could not be: the patterns are then compiled here).
static BUILTIN_FURNITURE_NFA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/furniture_nfa.bin"));

fn parse_furniture(sources: &[Source]) -> Result<Furniture, DictError> {
    let mut actions = Vec::new();
    let mut patterns = Vec::new();
    for src in sources {
        for (line, f) in src.rows() {
            actions.push(match src.field(line, &f, 0, "action")? {
                "stop" => LineRule::Stop,
                "drop" => LineRule::Drop,
                "caption" => LineRule::Caption,
                "strip" => LineRule::Strip,
                other => {
                    return Err(
                        src.error(line, format!("unknown action '{other}' (expected drop, caption, stop or strip)"))
                    )
                }
            });
            patterns.push((
                src,
                line,
                src.field(line, &f, 1, "pattern")?,
                actions[actions.len() - 1] == LineRule::Strip,
            ));
        }
    }
    if patterns.is_empty() {
        return Ok(Furniture { actions, matcher: None, main: Vec::new(), contains: None, reversed: Vec::new() });
    }
    // The built-in file alone: its NFAs were compiled when chronicle was built.
    if let [only] = sources {
        if only.text == builtin_text("furniture.tsv") {
            let alternatives: Vec<(String, Part)> = patterns
                .iter()
                .map(|&(_, _, p, start)| {
                    let bytes = byte_rules_fit(p);
                    (whole_line(p, bytes, start), furniture::part(p, bytes, start))
                })
                .collect();
            if let Some(furniture) = prebuilt_furniture(&actions, &alternatives) {
                return Ok(furniture);
            }
        }
    }
    let parted = |alternatives: Vec<(&str, String)>| -> Vec<(String, Part)> {
        alternatives
            .into_iter()
            .zip(&patterns)
            .map(|((p, a), &(_, _, _, start))| {
                let part = furniture::part(p, a.starts_with("(?-u:"), start);
                (a, part)
            })
            .collect()
    };
    let alternatives =
        parted(patterns.iter().map(|&(_, _, p, start)| (p, whole_line(p, byte_rules_fit(p), start))).collect());
    if let Ok(furniture) = compile_furniture(&actions, alternatives) {
        return Ok(furniture);
    }
    // A pattern is bad, or needs Unicode rules without non-ASCII letters: find
    // which, one pattern at a time (slower, but only for such files).
    let mut alternatives = Vec::with_capacity(patterns.len());
    for &(src, line, pattern, start) in &patterns {
        let bytes = whole_line(pattern, true, start);
        if byte_rules_fit(pattern) && furniture_matcher(std::slice::from_ref(&bytes)).is_ok() {
            alternatives.push((pattern, bytes));
            continue;
        }
        let unicode = whole_line(pattern, false, start);
        furniture_matcher(std::slice::from_ref(&unicode))
            .map_err(|e| src.error(line, format!("bad pattern: {}", regex_error(&e))))?;
        alternatives.push((pattern, unicode));
    }
    compile_furniture(&actions, parted(alternatives)).map_err(|e| DictError {
        file: sources.last().map(|s| s.name.clone()).unwrap_or_default(),
        line: 0,
        message: format!("the furniture patterns together: {}", regex_error(&e)),
    })
}

/// The furniture matcher of `alternatives` (each pattern's `whole_line`
/// form and part), its parts' NFAs made by `nfa` from the part's number
/// (in the order `build.rs` packs them) and its alternatives.
fn furniture_of(
    actions: &[LineRule],
    alternatives: &[(String, Part)],
    mut nfa: impl FnMut(usize, &[String], bool) -> Option<regex_automata::nfa::thompson::NFA>,
) -> Option<Furniture> {
    let numbers = |part: Part| (0..alternatives.len()).filter(|&i| alternatives[i].1 == part).collect::<Vec<usize>>();
    let (main, contains, reversed) = (numbers(Part::Main), numbers(Part::Contains), numbers(Part::Reversed));
    let texts = |numbers: &[usize]| numbers.iter().map(|&i| alternatives[i].0.clone()).collect::<Vec<String>>();
    let mut next = 0;
    let mut forward = |numbers: &[usize]| -> Option<Option<Arc<FurnitureMatcher>>> {
        if numbers.is_empty() {
            return Some(None);
        }
        let built = nfa(next, &texts(numbers), false).filter(|n| n.pattern_len() == numbers.len())?;
        next += 1;
        Some(Some(Arc::new(FurnitureMatcher::new(built))))
    };
    let matcher = forward(&main)?;
    let contains = forward(&contains)?.map(|m| (m, contains));
    let mut parts = Vec::with_capacity(reversed.len());
    for &i in &reversed {
        let built = nfa(next, std::slice::from_ref(&alternatives[i].0), true).filter(|n| n.pattern_len() == 1)?;
        next += 1;
        parts.push(Arc::new(Reversed::new(i, alternatives[i].0.clone(), built)?));
    }
    Some(Furniture { actions: actions.to_vec(), matcher, main, contains, reversed: parts })
}

/// The built-in patterns' matcher from the NFAs `build.rs` packed, if they
/// are all there and each has its part's patterns.
fn prebuilt_furniture(actions: &[LineRule], alternatives: &[(String, Part)]) -> Option<Furniture> {
    let packed = furniture::unpack(BUILTIN_FURNITURE_NFA)?;
    let parts = usize::from(alternatives.iter().any(|a| a.1 == Part::Main))
        + usize::from(alternatives.iter().any(|a| a.1 == Part::Contains))
        + alternatives.iter().filter(|a| a.1 == Part::Reversed).count();
    if packed.len() != parts {
        return None;
    }
    furniture_of(actions, alternatives, |k, _, reverse| furniture::read_as(packed.get(k)?, reverse))
}

/// The furniture matcher of `alternatives`, compiled now; the first build error if any part fails.
fn compile_furniture(
    actions: &[LineRule],
    alternatives: Vec<(String, Part)>,
) -> Result<Furniture, Box<regex_automata::nfa::thompson::BuildError>> {
    let mut error = None;
    let built = furniture_of(actions, &alternatives, |_, texts, reverse| {
        let nfa = if reverse { furniture::compile_reverse(&texts[0]) } else { furniture_matcher(texts) };
        nfa.map_err(|e| error = Some(e)).ok()
    });
    match (built, error) {
        (Some(furniture), _) => Ok(furniture),
        (None, Some(e)) => Err(e),
        // An NFA the lazy DFA does not take: the patterns on one forward matcher, as before the parts.
        (None, None) => {
            let texts: Vec<String> = alternatives.into_iter().map(|(a, _)| a).collect();
            let nfa = furniture_matcher(&texts)?;
            Ok(Furniture {
                actions: actions.to_vec(),
                matcher: Some(Arc::new(FurnitureMatcher::new(nfa))),
                main: (0..texts.len()).collect(),
                contains: None,
                reversed: Vec::new(),
            })
        }
    }
}

/// A build error with its cause: the syntax error (with the pattern and a
/// caret under the fault) or the size limit.
fn regex_error(e: &regex_automata::nfa::thompson::BuildError) -> String {
    match std::error::Error::source(e) {
        Some(cause) => cause.to_string(),
        None => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_are_lemmas_with_their_forms() {
        assert_eq!(
            verb_forms("emphasize", true),
            [
                "emphasize",
                "emphasizes",
                "emphasized",
                "emphasizing",
                "emphasise",
                "emphasises",
                "emphasised",
                "emphasising"
            ]
        );
        assert_eq!(verb_forms("deny", false), ["denies", "denied", "denying"]);
        assert_eq!(verb_forms("point out", false), ["points out", "pointed out", "pointing out"]);
        assert_eq!(verb_forms("stress", false), ["stresses", "stressed", "stressing"]);
        assert_eq!(verb_forms("signal", false), ["signals", "signaled", "signaling", "signalled", "signalling"]);
        assert_eq!(verb_forms("admit", true), ["admit", "admits", "admited", "admiting", "admitted", "admitting"]);
        let d = Dictionaries::builtin().unwrap();
        for form in ["thanked", "hailed", "underlined", "emphasised", "pointed out", "stressing"] {
            assert!(d.triggers.iter().any(|t| t.phrase == form && t.kind == Kind::Statement), "{form}");
        }
        // "demand" alone is a noun: a verb only after "did" (role `Bare`).
        assert!(d
            .triggers
            .iter()
            .filter(|t| t.phrase == "demand" && t.kind == Kind::Statement)
            .all(|t| t.role == TriggerRole::Bare));
    }

    #[test]
    fn builtin_dictionaries_parse() {
        let d = Dictionaries::builtin().unwrap();
        assert!(!d.actors.is_empty());
        assert!(!d.places.is_empty());
        assert!(!d.triggers.is_empty());
    }

    /// The lazily read files skip a bad row when first asked: every built-in
    /// row must parse, and every gazetteer country must be a country of places.tsv.
    #[test]
    fn builtin_gazetteer_and_given_names_have_no_bad_row() {
        let text = |name: &str| BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap();
        // Read as a user's file, every row is checked.
        let gazetteer = Gazetteer::new("", Some(Source::new("data/gazetteer.tsv", text("gazetteer.tsv")))).unwrap();
        let names = GivenNames::new("", Some(Source::new("data/given_names.tsv", text("given_names.tsv")))).unwrap();
        let rows = |t: &str| Source::new("x", t).rows().count();
        assert_eq!(gazetteer.entries().count(), rows(text("gazetteer.tsv")));
        assert_eq!(names.len(), rows(text("given_names.tsv")));
        let d = Dictionaries::builtin().unwrap();
        let countries: std::collections::HashSet<&str> =
            d.places.iter().filter(|p| p.kind == PlaceKind::Country).map(|p| p.name.as_str()).collect();
        for e in d.gazetteer.entries() {
            assert!(
                countries.contains(e.country),
                "{} ({:?}): no country '{}' in places.tsv",
                e.name,
                e.kind,
                e.country
            );
        }
        assert_eq!(d.gazetteer.lookup("KHARKOV").next().map(|e| (e.name, e.country)), Some(("Kharkiv", "Ukraine")));
        assert_eq!(d.given_names.gender("angela"), Some(Gender::Female));
    }

    /// `--dict DIR`: a folder's gazetteer.tsv and given_names.tsv add rows to the
    /// built-in ones, and a bad row stops the load naming the file and line.
    #[test]
    fn overlay_adds_gazetteer_and_given_name_rows() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("gazetteer.tsv"), "# mine\nNowhereville\tcity\tYemen\t\t\t\tNowhere Town\n")
            .unwrap();
        std::fs::write(dir.path().join("given_names.tsv"), "Zorblax\tf\n").unwrap();
        let d = Dictionaries::with_overlay(dir.path()).unwrap();
        let found: Vec<_> = d.gazetteer.lookup("nowhere town").map(|e| (e.name, e.country, e.population)).collect();
        assert_eq!(found, [("Nowhereville", "Yemen", None)]);
        assert!(d.gazetteer.lookup("Kharkiv").next().is_some(), "the built-in rows stay");
        assert_eq!(d.given_names.gender("ZORBLAX"), Some(Gender::Female));
        std::fs::write(dir.path().join("given_names.tsv"), "Zorblax\tf\nGlorp\tx\n").unwrap();
        let e = Dictionaries::with_overlay(dir.path()).unwrap_err();
        assert_eq!((e.file, e.line), (dir.path().join("given_names.tsv").display().to_string(), 2));
    }

    /// The fingerprint taken at build time is the one the built-in files give
    /// at run time (build.rs hashes the same files in the same order).
    #[test]
    fn build_time_fingerprint_is_that_of_the_builtin_files() {
        let layers: Vec<Vec<Source>> = ["actors", "places", "triggers", "cues", "furniture", "dates", "words"]
            .iter()
            .map(|n| {
                let name = format!("{n}.tsv");
                vec![Source::new(format!("data/{name}"), BUILTIN.iter().find(|(b, _)| *b == name).unwrap().1)]
            })
            .chain([Vec::new()])
            .collect();
        assert_eq!(fingerprint(&layers.iter().collect::<Vec<_>>()), BUILTIN_FINGERPRINT);
        assert_eq!(Dictionaries::builtin().unwrap().fingerprint, BUILTIN_FINGERPRINT);
        assert_eq!(fingerprint(&layers.iter().take(2).collect::<Vec<_>>()), BUILTIN_LEXICON_FINGERPRINT);
        assert_eq!(Dictionaries::builtin().unwrap().lexicon_fingerprint, BUILTIN_LEXICON_FINGERPRINT);
    }

    /// The dictionaries with `files` written into the user folder `root/folder`.
    fn overlaid(root: &Path, folder: &str, files: &[(&str, &str)]) -> Dictionaries {
        let dir = root.join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        Dictionaries::with_overlay(&dir).unwrap()
    }

    /// The fingerprint names the dictionaries' contents, not where they were
    /// read from, and changes with any file, not only actors and places.
    #[test]
    fn fingerprint_follows_contents_not_folders() {
        let root = tempfile::tempdir().unwrap();
        let overlay = |folder: &str, files: &[(&str, &str)]| overlaid(root.path(), folder, files).fingerprint;
        let actor = ("actors.tsv", "Zed Quux\tperson\tSyria\tQuux\t\n");
        let a = overlay("a", &[actor]);
        assert_eq!(overlay("elsewhere/b", &[actor]), a);
        assert_ne!(a, Dictionaries::builtin().unwrap().fingerprint);
        let trigger = ("triggers.tsv", "talks\tparley\t-\ttrigger\n");
        assert_ne!(overlay("c", &[actor, trigger]), a);
    }

    /// The actors' and places' fingerprint (what the database keeps a copy
    /// of) follows those two files only: another file's edit leaves it.
    #[test]
    fn lexicon_fingerprint_follows_actors_and_places_only() {
        let root = tempfile::tempdir().unwrap();
        let overlay = |folder: &str, files: &[(&str, &str)]| {
            let d = overlaid(root.path(), folder, files);
            (d.fingerprint, d.lexicon_fingerprint)
        };
        let builtin = Dictionaries::builtin().unwrap();
        let word = ("words.tsv", "particle\tzorb\n");
        let (all, lexicon) = overlay("w", &[word]);
        assert_ne!(all, builtin.fingerprint);
        assert_eq!(lexicon, builtin.lexicon_fingerprint);
        let place = ("places.tsv", "Zorbville\tcity\tSyria\n");
        let (_, with_place) = overlay("p", &[word, place]);
        assert_ne!(with_place, builtin.lexicon_fingerprint);
        let actor = ("actors.tsv", "Zed Quux\tperson\tSyria\tQuux\t\n");
        assert_ne!(overlay("a", &[actor]).1, builtin.lexicon_fingerprint);
    }

    #[test]
    fn trim_is_str_trim() {
        let cases = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\r",
            "\x0Ba\x0C",
            "\u{a0}a",
            "a\u{2003}",
            "\u{85}",
            "é",
            " é ",
            "\u{1c}a\u{1f}",
            "Foreign minister",
            "x\n",
            "# comment",
        ];
        for s in cases {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
        for b in 0..=127u8 {
            let s = format!("{}x{}", b as char, b as char);
            assert_eq!(trim(&s), s.trim(), "{b}");
        }
    }

    #[test]
    fn a_role_reads_its_bounds_at_the_first_dots() {
        let src = Source::new("actors.tsv", "");
        let role = parse_role(&src, 1, " Foreign Minister @2004..2007-03 ").unwrap();
        assert_eq!(role.title, "foreign minister");
        assert_eq!(role.from, NaiveDate::from_ymd_opt(2004, 1, 1));
        assert_eq!(role.to, NaiveDate::from_ymd_opt(2007, 3, 31));
        let open = parse_role(&src, 1, "envoy@2010-05-02..").unwrap();
        assert_eq!((open.from, open.to), (NaiveDate::from_ymd_opt(2010, 5, 2), None));
        assert_eq!(parse_role(&src, 1, "envoy").unwrap().from, None);
        assert!(parse_role(&src, 1, "envoy@2010....2011").is_err());
    }

    #[test]
    fn two_capitals_for_one_country_is_an_error_naming_the_row() {
        let src = Source::new("places.tsv", "# h\nMoscow\tcapital\tRussia\nKazan\tcapital\tRussia\n");
        let e = parse_places(&[src]).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("places.tsv", 3));
        assert!(e.message.contains("two capitals"), "{}", e.message);
        let src = Source::new("places.tsv", "Nowhere\tcapital\t\n");
        assert_eq!(parse_places(&[src]).unwrap_err().line, 1);
    }

    /// Byte rules where they are safe: symbols as literals, but non-ASCII
    /// letters keep Unicode case folding, and non-ASCII classes still compile.
    #[test]
    fn furniture_patterns_fold_non_ascii_letters_and_accept_symbols() {
        let rule = |pattern: &str, line: &str| {
            let furniture = parse_furniture(&[Source::new("f.tsv", format!("drop\t{pattern}\n"))]).unwrap();
            furniture.rule(line.as_bytes()).is_some()
        };
        assert!(rule("©.{0,20}", "© 2013 Reuters"));
        assert!(rule("(?:<|«|‹)*\\s*previous", "« Previous"));
        assert!(rule("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ.*", "Διαβαστε επισης: κατι"));
        assert!(rule("[«‹]+ back", "‹‹ back"));
        assert!(!rule("read more", "read more of this"));
    }

    /// One matcher for all the rules must still give the first rule in file
    /// order, with Unicode patterns among byte-rule ones.
    /// What the matcher must find: each pattern on its own, in file order, as
    /// `regex::bytes` reads it; the first that matches at the line's start wins.
    fn furniture_by_one_regex_each(text: &str) -> impl Fn(&[u8]) -> Option<(LineRule, usize)> {
        let src = Source::new("f.tsv", text);
        let rules: Vec<(LineRule, regex::bytes::Regex)> = src
            .rows()
            .map(|(_, f)| {
                let action = match f[0] {
                    "stop" => LineRule::Stop,
                    "drop" => LineRule::Drop,
                    "caption" => LineRule::Caption,
                    _ => LineRule::Strip,
                };
                let pattern = whole_line(f[1], byte_rules_fit(f[1]), action == LineRule::Strip);
                (action, regex::bytes::Regex::new(&format!("(?i){pattern}")).unwrap())
            })
            .collect();
        move |line| rules.iter().find_map(|(action, re)| re.find(line).map(|m| (*action, m.end())))
    }

    #[test]
    fn furniture_matcher_finds_the_first_rule_and_end_that_one_regex_per_pattern_finds() {
        let text = BUILTIN.iter().find(|(n, _)| *n == "furniture.tsv").unwrap().1;
        let furniture = parse_furniture(&[Source::new("furniture.tsv", text)]).unwrap();
        let expected = furniture_by_one_regex_each(text);
        let mut lines: Vec<String> = [
            "Read more: the talks in Geneva",
            "Photo: AP / Jane Doe",
            "Tuesday, 12 March 2019 14:05 GMT",
            "Updated: 2019-03-12 10:00 The minister said",
            "Home > World > Middle East",
            "John Smith (L) and Jane Doe (R) in Vienna.",
            "Share this article",
            "© 2013 Reuters",
            "« Previous",
            "Comments (12)",
            "Café owners said the talks would resume » next week",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for entry in std::fs::read_dir(seeds).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
        for line in &lines {
            assert_eq!(furniture.rule(line.as_bytes()), expected(line.as_bytes()), "{line:?}");
        }
    }

    #[test]
    fn builtin_furniture_nfa_prebuilt_by_build_rs_is_the_one_compiled_at_run_time() {
        assert!(!BUILTIN_FURNITURE_NFA.is_empty(), "build.rs did not prebuild the built-in furniture NFA");
        let src = Source::new("data/furniture.tsv", builtin_text("furniture.tsv"));
        let alternatives: Vec<String> =
            src.rows().map(|(_, f)| whole_line(f[1], byte_rules_fit(f[1]), f[0] == "strip")).collect();
        // Packed by part (`furniture::part`): the main patterns, those that hold a phrase, then each reversed one.
        let parts: Vec<Part> =
            src.rows().map(|(_, f)| furniture::part(f[1], byte_rules_fit(f[1]), f[0] == "strip")).collect();
        let of = |part: Part| -> Vec<String> {
            alternatives.iter().zip(&parts).filter(|(_, &p)| p == part).map(|(a, _)| a.clone()).collect()
        };
        let mut compiled = vec![furniture_matcher(&of(Part::Main)).unwrap()];
        compiled.push(furniture_matcher(&of(Part::Contains)).unwrap());
        compiled.extend(of(Part::Reversed).iter().map(|a| furniture::compile_reverse(a).unwrap()));
        let packed = furniture::unpack(BUILTIN_FURNITURE_NFA).unwrap();
        assert_eq!(packed.len(), compiled.len());
        for (k, (bytes, nfa)) in packed.iter().zip(&compiled).enumerate() {
            let prebuilt = furniture::read_as(bytes, k >= 2).unwrap();
            assert!(furniture::same(&prebuilt, nfa), "part {k}");
        }
        assert_eq!(compiled.iter().map(|n| n.pattern_len()).sum::<usize>(), src.rows().count());
    }

    #[test]
    fn furniture_nfa_form_reads_back_the_same_nfa() {
        let patterns = [
            whole_line("read more\\.?", true, false),
            whole_line("(café|caf)\\b.*", false, false),
            whole_line("(?:date|posted)\\s*:?\\s*\\d{4}-\\d{2}", true, true),
            whole_line("(a|bc|d)(x)?[^()]*\\)\\.?", true, false),
        ];
        for alternatives in [&patterns[..], &patterns[1..2], &patterns[2..]] {
            let nfa = furniture_matcher(alternatives).unwrap();
            let back = furniture::read(&furniture::write(&nfa).unwrap()).unwrap();
            assert!(furniture::same(&back, &nfa), "{alternatives:?}");
        }
        assert!(furniture::read(&[1, 2, 3]).is_none());
        assert!(furniture::read(&[]).is_none());
    }

    #[test]
    fn furniture_matcher_falls_back_when_the_lazy_dfa_gives_up() {
        // A non-ASCII letter keeps Unicode rules, so its `\b` is Unicode's:
        // the lazy DFA gives up on a non-ASCII byte and the PikeVM answers.
        let text = "drop\tcafé\\b.{0,40}\\bouvert\\b.*\nstop\tüber uns\\b.*\ndrop\tread more\n";
        let furniture = parse_furniture(&[Source::new("f.tsv", text)]).unwrap();
        let expected = furniture_by_one_regex_each(text);
        for line in
            ["Café, déjà ouvert à Paris", "café ouvertement", "Über uns: wer wir sind", "read more", "Cafés ouvert"]
        {
            assert_eq!(furniture.rule(line.as_bytes()), expected(line.as_bytes()), "{line:?}");
        }
        let matcher = furniture.matcher.as_ref().unwrap();
        let dfa = matcher.dfa.as_ref().unwrap();
        let input = regex_automata::Input::new("Café, déjà ouvert".as_bytes()).anchored(regex_automata::Anchored::Yes);
        assert!(dfa.try_search_fwd(&mut dfa.create_cache(), &input).is_err(), "the lazy DFA gives up here");
        assert_eq!(furniture.rule("Café, déjà ouvert à Paris".as_bytes()).map(|r| r.0), Some(LineRule::Drop));
        assert_eq!(furniture.rule("Über uns: wer wir sind".as_bytes()).map(|r| r.0), Some(LineRule::Stop));
    }

    #[test]
    fn overlay_furniture_rules_apply_after_the_builtin_ones_without_recompiling() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("furniture.tsv"), "# mine\ndrop\tzorblax bulletin\\b.*\n").unwrap();
        let d = Dictionaries::with_overlay(dir.path()).unwrap();
        assert_eq!(d.furniture.rule(b"Zorblax Bulletin: all the news").map(|r| r.0), Some(LineRule::Drop));
        assert_eq!(d.furniture.rule(b"Read more").map(|r| r.0), Some(LineRule::Drop), "the built-in rules stay");
        assert!(Dictionaries::builtin().unwrap().furniture.rule(b"Zorblax Bulletin: all the news").is_none());
        assert_ne!(d.fingerprint, BUILTIN_FINGERPRINT, "a user's file is hashed at run time");
        std::fs::write(dir.path().join("furniture.tsv"), "drop\tfine\ndrop\t(unclosed\n").unwrap();
        let e = Dictionaries::with_overlay(dir.path()).unwrap_err();
        assert_eq!((e.file, e.line), (dir.path().join("furniture.tsv").display().to_string(), 2));
    }

    #[test]
    fn furniture_first_matching_rule_wins_in_file_order() {
        let src = Source::new("f.tsv", "drop\tread more.*\nstop\tread.*\nstop\t[«‹]+ comments\ndrop\t.*\n");
        let furniture = parse_furniture(&[src]).unwrap();
        let action = |line: &[u8]| furniture.rule(line).map(|(a, _)| a);
        assert_eq!(action(b"Read more: the talks"), Some(LineRule::Drop));
        assert_eq!(action(b"Readers' comments"), Some(LineRule::Stop));
        assert_eq!(action("‹‹ comments".as_bytes()), Some(LineRule::Stop));
        assert_eq!(action(b"anything else"), Some(LineRule::Drop));
        let none = parse_furniture(&[Source::new("f.tsv", "# only a comment\n")]).unwrap();
        assert_eq!(none.rule(b"read more"), None);
    }

    /// A strip rule matches the start of a line and says where the kept rest begins.
    #[test]
    fn strip_rules_match_the_start_of_a_line() {
        let src = Source::new("f.tsv", "strip\tdate \\d{4}-\\d\\d-\\d\\d\\s*\ndrop\tdate.*\n");
        let furniture = parse_furniture(&[src]).unwrap();
        assert_eq!(furniture.rule(b"date 2017-01-27 On January 27, ..."), Some((LineRule::Strip, 16)));
        assert_eq!(furniture.rule(b"dated text"), Some((LineRule::Drop, 10)));
        let bad = parse_furniture(&[Source::new("f.tsv", "move\tx\n")]).unwrap_err();
        assert!(bad.message.contains("drop, caption, stop or strip"), "{}", bad.message);
    }

    #[test]
    fn bad_furniture_pattern_names_its_line() {
        let src = Source::new("f.tsv", "# header\ndrop\tread more\nstop\t(unclosed\n");
        let err = parse_furniture(&[src]).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("f.tsv", 3));
        assert!(err.message.contains("bad pattern") && err.message.contains("unclosed group"), "{}", err.message);
    }

    #[test]
    fn bad_row_names_file_and_line() {
        let src = Source::new("x.tsv", "# header\nLavrov\tminister\tRussia\n");
        let err = parse_actors(&[src]).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("x.tsv", 2));
        assert!(err.message.contains("minister"));
    }

    #[test]
    fn user_row_replaces_builtin_row_of_same_name() {
        let a = Source::new("a", "Sergei Lavrov\tperson\tRussia\tLavrov\n");
        let b = Source::new("b", "Sergei Lavrov\tperson\tRussia\tLavrov|Sergey Lavrov\n");
        let actors = parse_actors(&[a, b]).unwrap().0;
        assert_eq!(actors.len(), 1);
        assert_eq!(actors[0].aliases.len(), 2);
    }

    #[test]
    fn name_maps_handed_on_are_those_of_the_final_rows() {
        // A user's row replaces a built-in one (another case), a country
        // without an actor's row becomes an actor, one with a row does not,
        // and a list with empty items keeps the others.
        let a = Source::new("a", "Velmar Ostrin\tperson\tZandoria\tOstrin\nZandoria\tcountry\tZandoria\n");
        let b = Source::new("b", "velmar ostrin\tperson\tZandoria\t|Ostrin||V. Ostrin|\n");
        let p = Source::new("p", "Zandoria\tcountry\t\tZand\nKorvath\tcountry\t\t\nPellam\tcapital\tKorvath\n");
        let (actors, mut by_name) = parse_actors(&[a, b]).unwrap();
        let (places, place_by_name) = parse_places(&[p]).unwrap();
        let actors = with_country_actors(actors, &mut by_name, &places);
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["velmar ostrin", "Zandoria", "Korvath"]);
        assert_eq!(actors[0].aliases, ["Ostrin", "V. Ostrin"]);
        let of = |names: Vec<&str>| -> ByName { names.iter().enumerate().map(|(i, n)| (lowercase(n), i)).collect() };
        assert_eq!(by_name, of(names));
        assert_eq!(place_by_name, of(places.iter().map(|p| p.name.as_str()).collect()));
    }

    #[test]
    fn roles_are_bounded_by_dates() {
        let src = Source::new("a", "X\tperson\tRussia\t\tforeign minister@2004-03..2010\n");
        let role = &parse_actors(&[src]).unwrap().0[0].roles[0];
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert!(role.holds_on(day("2004-03-09")));
        assert!(role.holds_on(day("2010-12-31")));
        assert!(!role.holds_on(day("2011-01-01")));
        assert!(!role.holds_on(day("2004-02-29")));
    }

    #[test]
    fn furniture_parts_find_the_rule_one_regex_per_pattern_finds() {
        // `.*`-led patterns with an end of their own are searched backward,
        // `.*`-led and -ended ones on a matcher of their own: the first rule in
        // file order still wins, whichever part finds it, built-in or a user's.
        let text = "caption\t.*\\((?:ap|afp)\\)\\.?\n\
                    drop\tread more\\b.*\n\
                    caption\t.*\\breport abuse\\b.*\n\
                    caption\t(?-i:.*[A-Z][\\w.'-]* \\((?:L|R)\\).*)\n\
                    strip\t(?:dated|posted)\\s*:?\\s*\\d{4}\\s+\n\
                    drop\t.*\\bcafé\n\
                    drop\t.*\\.{3}\n";
        let furniture = parse_furniture(&[Source::new("f.tsv", text)]).unwrap();
        assert_eq!(furniture.reversed.len(), 2, "the two `.*`-led byte-rule patterns with an end");
        assert_eq!(furniture.contains.as_ref().map(|c| c.1.clone()), Some(vec![2, 3]));
        let expected = furniture_by_one_regex_each(text);
        for line in [
            "Read more about it (AFP)",
            "Read more about it",
            "The talks ended. (AP).",
            "Report abuse here (afp)",
            "John Smith (L) met them. (AFP)",
            "posted: 2019 The minister said (AFP)",
            "posted: 2019 report abuse",
            "They met at the café",
            "They met at the Café",
            "More to come...",
            "",
        ] {
            assert_eq!(furniture.rule(line.as_bytes()), expected(line.as_bytes()), "{line:?}");
        }
        let builtin = parse_furniture(&[Source::new("data/furniture.tsv", builtin_text("furniture.tsv"))]).unwrap();
        assert!(!builtin.reversed.is_empty() && builtin.contains.is_some(), "the built-in patterns come in parts");
    }
}
