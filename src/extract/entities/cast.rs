//! The article's cast: every actor named so far, with what the article said of
//! it (its titles, its gender, its short names), so that later mentions refer
//! back to it: a surname ("Griffiths"), an acronym ("the RSF"), a pronoun
//! ("he", "it"), or a description ("the envoy", "the ministry").

use std::sync::Arc;

use foldhash::HashMap;

use super::dictionary::with_ascii_lower;
use super::words::Gender;

/// What kind of actor an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    /// A ministry, council, army, agency of a state, an international body.
    Organisation,
    /// A party to a conflict that is not a state: a movement, a militia, rebels.
    Group,
    /// A state's government ("the Syrian government").
    Government,
    /// A country standing for its state ("Russia said").
    Country,
    /// A news outlet: it reports speech, it never makes it.
    Agency,
    /// A capitalised name of two words or more with no cue to its kind.
    Unknown,
}

impl EntityKind {
    /// Organisations, groups, governments and countries: what "it" and "they" stand for.
    pub fn is_body(self) -> bool {
        matches!(self, EntityKind::Organisation | EntityKind::Group | EntityKind::Government | EntityKind::Country)
    }
}

/// One actor of the article.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: Arc<str>,
    pub kind: EntityKind,
    pub gender: Option<Gender>,
    /// The state or body it belongs to ("United Nations" for a U.N. envoy).
    pub country: Option<Arc<str>>,
    /// Title words the article gave it, lower case ("envoy", "foreign minister").
    pub titles: Vec<Box<str>>,
    /// Its row of `data/actors.tsv`, when the dictionary knows it.
    pub dict: Option<usize>,
    /// Byte offset in the article of its latest mention; `UNSEEN` for an
    /// entity introduced ahead of its first mention (a headline's surname
    /// refers to the name the body gives in full).
    pub last_seen: usize,
    /// Byte offset of its latest mention as a sentence's subject (speaker, visitor...).
    pub last_subject: Option<usize>,
}

/// `Entity::last_seen` of an entity not mentioned yet.
pub const UNSEEN: usize = usize::MAX;

/// How far back (in bytes of the article) an entity can still be the
/// referent of a pronoun or a description.
pub const MEMORY: usize = 6_000;

/// The entities of one article, in the order they first appeared.
#[derive(Default, Debug)]
pub struct Cast {
    pub entities: Vec<Entity>,
    /// Lower-case full names, surnames, other short forms and acronyms → entity.
    aliases: HashMap<Box<str>, usize>,
    /// Lower-case given names → person: "Mr Tut" for Tut Gatluak, only
    /// after an honorific.
    given: HashMap<Box<str>, usize>,
    /// Given names that alone name nobody: shared by two persons ("John"
    /// of two Johns), or opening a name only guessed to be a person's
    /// ("Norman" of a "Norman Quartet").
    no_lone_given: foldhash::HashSet<Box<str>>,
    /// The entities mentioned last, the latest last, each once, at most
    /// `RECENT` of them: what a pronoun or a description can refer back to.
    /// A bounded list, so that resolving one stays cheap in any article.
    recent: Vec<usize>,
}

/// A name's key: in lower case, and its Latin letters without their
/// accents ("Lajčak", "Lajcak" → "lajcak"; "Vučić" → "vucic"). Other letters
/// stay as they are.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        out.push(base_letter(lower).unwrap_or(lower));
    }
    out
}

/// The letter a lower-case accented Latin letter is written on.
fn base_letter(c: char) -> Option<char> {
    const FOLDS: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ţťŧț", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    FOLDS.iter().find(|(set, _)| set.contains(c)).map(|&(_, b)| b)
}

/// How many of the latest entities a pronoun or description can refer to.
pub const RECENT: usize = 48;

impl Cast {
    /// The entity named `name` exactly (any ASCII case), if known.
    pub fn named(&self, name: &str) -> Option<usize> {
        self.alias(name).filter(|&i| self.entities[i].name.eq_ignore_ascii_case(name))
    }

    /// The entity a short form or full name refers to (any ASCII case).
    pub fn alias(&self, text: &str) -> Option<usize> {
        if text.is_ascii() {
            return with_ascii_lower(text, |k| self.aliases.get(k).copied());
        }
        // "Lajčak" is "Lajcak": names are written with and without their accents.
        self.aliases.get(fold(text).as_str()).copied()
    }

    /// The person a given name names, after an honorific ("Mr Tut").
    pub fn given_name(&self, name: &str) -> Option<usize> {
        with_ascii_lower(name, |k| self.given.get(k).copied())
    }

    /// The one person whose given name a word alone is ("Abiy" for Abiy
    /// Ahmed, a given name used as the short form); none when two persons
    /// of the article share it.
    pub fn sole_given_name(&self, name: &str) -> Option<usize> {
        with_ascii_lower(name, |k| if self.no_lone_given.contains(k) { None } else { self.given.get(k).copied() })
    }

    /// The first word of a name only guessed to be a person's (two
    /// capitalised words, no cue) names no one alone.
    pub fn no_lone_given_name(&mut self, name: &str) {
        if let Some(first) = name.split_whitespace().next() {
            self.no_lone_given.insert(first.to_ascii_lowercase().into_boxed_str());
        }
    }

    pub fn get(&self, i: usize) -> &Entity {
        &self.entities[i]
    }

    /// Adds an entity, or updates the one of the same name, and returns it;
    /// `at` is the article offset of the mention, or `UNSEEN`.
    pub fn add(&mut self, name: &str, kind: EntityKind, dict: Option<usize>, at: usize) -> usize {
        if let Some(i) = self.named(name) {
            if at != UNSEEN {
                self.seen(i, at, false);
            }
            return i;
        }
        let i = self.entities.len();
        self.entities.push(Entity {
            name: Arc::from(name),
            kind,
            gender: None,
            country: None,
            titles: Vec::new(),
            dict,
            last_seen: UNSEEN,
            last_subject: None,
        });
        self.add_alias(name, i);
        if at != UNSEEN {
            self.seen(i, at, false);
        }
        i
    }

    /// Makes `alias` (a short form, an acronym) refer to entity `i`; an alias
    /// already taken by another entity keeps its first owner.
    pub fn add_alias(&mut self, alias: &str, i: usize) {
        let key = fold(alias.trim());
        if !key.is_empty() {
            self.aliases.entry(key.into_boxed_str()).or_insert(i);
        }
    }

    /// Registers the short forms of a person's name: every run of its words
    /// but the given name alone ("Martin Griffiths" → "Griffiths"; "Ismail Ould
    /// Cheikh Ahmed" → "Ould Cheikh Ahmed", "Ould Cheikh", "Cheikh Ahmed",
    /// "Ahmed"...), and each word's form without "al-"/"el-" ("al-Assad" → "Assad").
    /// `particle` tells the lower-case particles of names ("ould", "bin"),
    /// which never stand alone.
    pub fn add_person_aliases(&mut self, name: &str, i: usize, particle: impl Fn(&str) -> bool) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() > 6 {
            return;
        }
        for a in 0..words.len() {
            for b in a + 1..=words.len() {
                if a == 0 && (b == 1 || b == words.len()) {
                    continue; // the given name alone; the full name is registered already
                }
                let part = &words[a..b];
                // A run must end on a name word, not a particle ("Ould").
                if part.last().is_some_and(|w| !w.contains(|c: char| c.is_uppercase()) || particle(w)) {
                    continue;
                }
                self.add_alias(&part.join(" "), i);
            }
        }
        if words.len() >= 2 {
            let key = words[0].to_ascii_lowercase().into_boxed_str();
            match self.given.get(&key) {
                Some(&owner) if owner != i => {
                    self.no_lone_given.insert(key);
                }
                Some(_) => {}
                None => {
                    self.given.insert(key, i);
                }
            }
        }
        for w in &words {
            for prefix in ["al-", "Al-", "el-", "El-"] {
                if let Some(rest) = w.strip_prefix(prefix) {
                    if rest.len() > 2 {
                        self.add_alias(rest, i);
                    }
                }
            }
        }
    }

    /// Notes what the article says of entity `i` at byte `at`.
    pub fn seen(&mut self, i: usize, at: usize, subject: bool) {
        let e = &mut self.entities[i];
        e.last_seen = if e.last_seen == UNSEEN { at } else { e.last_seen.max(at) };
        if let Some(k) = self.recent.iter().position(|&r| r == i) {
            self.recent.remove(k);
        }
        self.recent.push(i);
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
        let e = &mut self.entities[i];
        if subject {
            e.last_subject = Some(at);
        }
    }

    pub fn add_title(&mut self, i: usize, title: &str) {
        let e = &mut self.entities[i];
        if !e.titles.iter().any(|t| t.eq_ignore_ascii_case(title)) {
            e.titles.push(title.to_ascii_lowercase().into_boxed_str());
        }
    }

    pub fn set_gender(&mut self, i: usize, gender: Gender) {
        self.entities[i].gender.get_or_insert(gender);
    }

    pub fn set_country(&mut self, i: usize, country: Arc<str>) {
        self.entities[i].country.get_or_insert(country);
    }

    /// The latest entity before `before` (an article offset) that `fits`,
    /// mentioned within `MEMORY` bytes.
    pub fn latest(&self, before: usize, fits: impl Fn(usize, &Entity) -> bool) -> Option<usize> {
        // The candidates latest first, and `fits` asked only until one
        // answers: it may compare a description with every role and alias
        // of a dictionary actor, and asking it of all of them was 2% of
        // extraction. Of two seen at the same offset, the later in `recent`
        // wins, as it did when the latest was the maximum of those that fit.
        let mut order = [(0usize, 0usize); RECENT];
        let mut n = 0;
        for (k, &i) in self.recent.iter().enumerate() {
            let seen = self.entities[i].last_seen;
            if seen < before && before - seen <= MEMORY && n < RECENT {
                order[n] = (seen, k);
                n += 1;
            }
        }
        let order = &mut order[..n];
        order.sort_unstable_by(|a, b| b.cmp(a));
        order.iter().map(|&(_, k)| self.recent[k]).find(|&i| fits(i, &self.entities[i]))
    }

    /// The entities mentioned last (see `RECENT`), in no particular order.
    pub fn recent(&self) -> impl Iterator<Item = (usize, &Entity)> + '_ {
        self.recent.iter().map(|&i| (i, &self.entities[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_of_a_name_refer_to_it() {
        let mut cast = Cast::default();
        let i = cast.add("Ismail Ould Cheikh Ahmed", EntityKind::Person, None, 0);
        let particle = |w: &str| w.eq_ignore_ascii_case("ould");
        cast.add_person_aliases("Ismail Ould Cheikh Ahmed", i, particle);
        for short in ["Ahmed", "Ould Cheikh", "ould cheikh ahmed", "Cheikh Ahmed"] {
            assert_eq!(cast.alias(short), Some(i), "{short}");
        }
        assert_eq!(cast.alias("Ismail"), None);
        assert_eq!(cast.alias("Ould"), None);
        let j = cast.add("Bashar al-Assad", EntityKind::Person, None, 10);
        cast.add_person_aliases("Bashar al-Assad", j, particle);
        assert_eq!(cast.alias("Assad"), Some(j));
        assert_eq!(cast.alias("al-Assad"), Some(j));
    }

    #[test]
    fn an_alias_keeps_its_first_owner() {
        let mut cast = Cast::default();
        let a = cast.add("Abdullah Abdullah", EntityKind::Person, None, 0);
        cast.add_person_aliases("Abdullah Abdullah", a, |_| false);
        let b = cast.add("King Abdullah", EntityKind::Person, None, 5);
        cast.add_alias("Abdullah", b);
        assert_eq!(cast.alias("Abdullah"), Some(a));
    }

    #[test]
    fn the_latest_fitting_entity_within_memory() {
        let mut cast = Cast::default();
        let a = cast.add("Houthis", EntityKind::Group, None, 100);
        let _p = cast.add("Martin Griffiths", EntityKind::Person, None, 200);
        assert_eq!(cast.latest(300, |_, e| e.kind.is_body()), Some(a));
        assert_eq!(cast.latest(100 + MEMORY + 1, |_, e| e.kind.is_body()), None);
    }
}
