//! Names the dictionary does not know, found and typed from their shape and
//! their context, over the sentence's tokens:
//!
//! - a name is a run of capitalised words, with initials ("George W. Bush"),
//!   acronyms ("U.N.", "RSF"), hyphens and apostrophes ("Ki-moon",
//!   "O'Brien") and particles ("Khalid bin Ahmed", "Ould Cheikh",
//!   "al-Assad"); organisation names may hold "of", "for", "and" ("Forces for
//!   Freedom and Change");
//! - a title before it ("President X", "U.N. envoy X", "RSF commander X") or
//!   in an apposition after it ("X, the U.N. envoy") makes it a person;
//! - a head word ("... Ministry", "... Forces", "Council of ...") makes it an
//!   organisation, a lone acronym too; "the Houthis" (a plural) and "the
//!   Taliban said" make a group;
//! - a locative ("in X", "near X"), a place noun ("the town of X", "X
//!   province") makes it a place;
//! - next to a speech verb, a name of two words or more is a person.
//!
//! The word classes come from `data/words.tsv`; names the dictionary knows are
//! left to it, and a dictionary place or adjective opens an organisation's
//! name ("Sudanese Armed Forces") or gives a title its country ("Ukrainian
//! envoy X").

use super::cast::EntityKind;
use super::dictionary::Found;
use super::words::{ClassSet, Gender, WordClass};
use crate::dict::GivenNames;
use crate::extract::dates::{self, DateTables};
use crate::extract::tokens::{Tok, TokKind};

/// What a name found by shape is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Entity(EntityKind),
    Place,
    /// A capitalised name of two words or more with no cue to its kind.
    Unknown,
}

/// A name found by its shape, with offsets in the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
    /// The title before it or in an apposition after it, lower case.
    pub title: Option<Box<str>>,
    pub gender: Option<Gender>,
    /// Where the mention starts when a title (and the title's country or
    /// body) stands before the name: "U.N. envoy Martin Griffiths".
    pub span_start: usize,
    /// An acronym the text defines for it: "Rapid Support Forces (RSF)".
    pub acronym: Option<(usize, usize)>,
    /// A dictionary person whose name this one extends to the left with
    /// given names or initials ("Sergey V." before "Lavrov", "Ahmed" before
    /// "al-Sharaa"): the byte where that dictionary name starts. The reader
    /// decides whether it is that person or another one of the same surname.
    pub known: Option<usize>,
    /// A person only because nothing else fits (two capitalised words or more
    /// with no cue): the reader may find it is a place after all.
    pub guessed: bool,
    /// Kept only if the article names it otherwise too: a lone capitalised
    /// word with no cue ("Serraj"), which is a name only as a short form of
    /// one the cast knows ("Faiez Serraj").
    pub weak: bool,
    /// A place because a place noun stands beside it ("Cabo Delgado
    /// province", "the town of X"): neither a given name nor a surname the
    /// dictionary or the cast knows inside it makes it a person.
    pub placed: bool,
}

/// What the name finder needs to know of a sentence.
pub struct Context<'s, 't> {
    pub text: &'s str,
    pub toks: &'t [Tok<'t>],
    /// Dictionary actors and places, left to right.
    pub known: &'t [Found],
    /// For each of `known`: whether it names a person.
    pub known_person: &'t [bool],
    /// Word classes by token: `classes[k]` holds the classes of the phrase of
    /// `data/words.tsv` that starts at token `k`, and the token after it.
    pub classes: &'t [Option<(ClassSet, usize)>],
    /// Byte spans of speech verbs.
    pub speech: &'t [(usize, usize)],
    /// In a line in title case only ([`title_case`]): byte spans of its
    /// verbs and event nouns, which end a name and are never part of one.
    pub headline_words: &'t [(usize, usize)],
    /// The line is in title case ([`title_case`]).
    pub title_case: bool,
    /// Given names and the date tables: a month that is also a given name
    /// and reads as no date opens a person's name ("the envoy Jan Novak").
    pub given_names: &'t GivenNames,
    pub dates: &'t DateTables,
}

impl Context<'_, '_> {
    fn has(&self, k: usize, f: impl Fn(&WordClass) -> bool) -> Option<(WordClass, usize)> {
        let (cs, end) = self.classes.get(k).copied().flatten()?;
        let c = cs.iter().find(|c| f(c))?;
        Some((c, end))
    }

    fn is_title(&self, k: usize) -> Option<(Option<Gender>, usize)> {
        self.has(k, |c| matches!(c, WordClass::Title(_))).map(|(c, e)| match c {
            WordClass::Title(g) => (g, e),
            _ => (None, e),
        })
    }

    fn word(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| t.lower)
    }

    fn punct(&self, k: usize, p: &str) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokKind::Punct && t.text == p)
    }

    /// Whether, in a line in title case, the word is no word of a name,
    /// however it is written: a verb or an event noun ("Kobler Meets",
    /// "Protesters Agree to Resume Talks"), or a function word ("With",
    /// "To", "After"; not those that join an organisation's name, "of",
    /// "for", "and", which connect there as they do in lower case).
    fn headline_stop(&self, w: &Word) -> bool {
        if !self.title_case {
            return false;
        }
        if self.headline_words.iter().any(|&(s, e)| s <= w.start && w.start < e) {
            return true;
        }
        w.t1 == w.t0 + 1
            && !CONNECTORS.contains(&self.word(w.t0))
            && self
                .has(w.t0, |c| {
                    matches!(c, WordClass::NotName { org: false } | WordClass::Locative { .. } | WordClass::Topic)
                })
                .is_some()
    }

    fn known_over(&self, b: usize) -> Option<&Found> {
        self.known.iter().find(|f| f.start <= b && b < f.end)
    }
}

/// A word of a name: one or more glued tokens ("al-Assad", "U.N.", "O'Brien").
#[derive(Clone, Copy, Debug)]
struct Word {
    /// Its tokens, `t0..t1`.
    t0: usize,
    t1: usize,
    start: usize,
    end: usize,
    cap: bool,
    acronym: bool,
    /// "U.S.-backed", "Saudi-led": a capitalised adjective, no name.
    adjectival: bool,
}

/// Words after a hyphen that make a capitalised word an adjective ("U.S.-backed").
const ADJECTIVE_SUFFIXES: &[&str] = &[
    "backed",
    "led",
    "based",
    "born",
    "run",
    "owned",
    "brokered",
    "sponsored",
    "controlled",
    "held",
    "allied",
    "aligned",
    "affiliated",
    "linked",
    "funded",
    "friendly",
    "style",
    "made",
    "era",
    "bound",
    "supported",
];

/// What stands after an apostrophe in a contraction or a possessive, never
/// in a name ("Gov't", "they're", "we've", "it'll", "he'd", "I'm").
const CONTRACTIONS: &[&str] = &["s", "t", "re", "ve", "ll", "d", "m"];

/// The word starting at token `k`, if it is a word token.
fn word_at(toks: &[Tok], k: usize) -> Option<Word> {
    let t = toks.get(k).filter(|t| t.kind == TokKind::Word)?;
    let mut end_tok = k + 1;
    let mut adjectival = false;
    let single_letter = |t: &Tok| t.text.len() == 1 && t.text.as_bytes()[0].is_ascii_uppercase();
    let mut dotted = single_letter(t);
    while let Some(p) = toks.get(end_tok).filter(|p| p.glued && p.kind == TokKind::Punct) {
        let next = toks.get(end_tok + 1).filter(|n| n.glued && n.kind == TokKind::Word);
        match (p.text, next) {
            ("-" | "\u{2010}" | "\u{2011}", Some(n)) => {
                if ADJECTIVE_SUFFIXES.contains(&n.lower) {
                    adjectival = true;
                }
                end_tok += 2;
            }
            ("'" | "\u{2019}", Some(n)) if n.lower != "s" && n.text.starts_with(|c: char| c.is_uppercase()) => {
                end_tok += 2;
            }
            // "Ja'neh", "Mu'ammar": lower-case letters after an apostrophe go
            // on with a capitalised word, but for a contraction ("Gov't", "They're").
            ("'" | "\u{2019}", Some(n))
                if t.text.starts_with(|c: char| c.is_uppercase())
                    && n.text.starts_with(|c: char| c.is_lowercase())
                    && !CONTRACTIONS.contains(&n.lower) =>
            {
                end_tok += 2;
            }
            (".", next) if dotted => {
                end_tok += 1;
                if let Some(n) = next.filter(|n| single_letter(n)) {
                    let _ = n;
                    end_tok += 1;
                }
            }
            _ => break,
        }
        dotted &=
            toks.get(end_tok - 1).is_some_and(single_letter) || toks.get(end_tok - 1).is_some_and(|t| t.text == ".");
    }
    let start = t.start;
    let end = toks[end_tok - 1].end;
    let acronym = spells_acronym(toks[k..end_tok].iter().filter(|t| t.kind == TokKind::Word).map(|t| t.text));
    Some(Word {
        t0: k,
        t1: end_tok,
        start,
        end,
        cap: t.text.starts_with(|c: char| c.is_uppercase()),
        acronym,
        adjectival,
    })
}

/// Whether words spell an acronym ("RSF", "U.N.", "DRC"): two capitals or
/// more, and more capitals than other characters.
pub(crate) fn spells_acronym<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let (mut upper, mut other) = (0usize, 0usize);
    for c in words.flat_map(str::chars) {
        if c.is_uppercase() {
            upper += 1;
        } else {
            other += 1;
        }
    }
    upper >= 2 && upper > other
}

/// Whether a word is a name behind an "al-"/"el-" particle ("al-Shaibani").
fn particle_name(toks: &[Tok], w: &Word) -> bool {
    w.t1 > w.t0 + 2
        && matches!(toks[w.t0].lower, "al" | "el")
        && toks[w.t1 - 1].text.starts_with(|c: char| c.is_uppercase())
}

/// Connectors that may stand inside an organisation's name ("Council of Europe").
const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "de", "in"];

/// A run of name words, with the connectors inside it.
struct Run<'r> {
    words: &'r [Word],
    /// `connector[i]`: word `i` is a connector ("of", "for").
    connector: &'r [bool],
}

/// The runs of a sentence, in two lists for them all (a `Vec` of each per
/// run cost several allocations a run): run `i` is `words[spans[i]]`.
#[derive(Default)]
struct Runs {
    words: Vec<Word>,
    connector: Vec<bool>,
    spans: Vec<std::ops::Range<usize>>,
}

impl Runs {
    fn iter(&self) -> impl Iterator<Item = Run<'_>> {
        self.spans.iter().map(|r| Run { words: &self.words[r.clone()], connector: &self.connector[r.clone()] })
    }
}

/// The runs of capitalised words of a sentence, left to right, into `out`
/// (cleared first: `find` keeps one from sentence to sentence).
fn runs(cx: &Context, out: &mut Runs) {
    let toks = cx.toks;
    out.words.clear();
    out.connector.clear();
    out.spans.clear();
    let mut k = 0;
    while k < toks.len() {
        // Only a capitalised word, or "al-"/"el-", can open a name: other
        // tokens are passed over without building a word.
        let t = &toks[k];
        let opens = t.kind == TokKind::Word
            && (t.text.as_bytes()[0].is_ascii_uppercase()
                || matches!(t.lower, "al" | "el")
                || (t.text.as_bytes()[0] >= 0x80 && t.text.starts_with(|c: char| c.is_uppercase())));
        if !opens {
            k += 1;
            continue;
        }
        let Some(first) = word_at(toks, k) else {
            k += 1;
            continue;
        };
        let starts_al = (first.t1 > first.t0 + 1) && matches!(toks[first.t0].lower, "al" | "el");
        if !(first.cap || starts_al) || first.adjectival || cx.headline_stop(&first) {
            k = first.t1;
            continue;
        }
        let from = out.words.len();
        out.words.push(first);
        out.connector.push(false);
        let mut next = first.t1;
        loop {
            let Some(w) = word_at(toks, next) else {
                // "the Lord's Resistance Army": a possessive inside an
                // organisation's name.
                match possessive_org(cx, out, next) {
                    Some(after) => {
                        next = after;
                        continue;
                    }
                    None => break,
                }
            };
            // "Deshchytsya on Wednesday", "Gomel in May": a weekday or month ends the name.
            if w.cap && w.t1 == w.t0 + 1 && cx.has(w.t0, |c| *c == WordClass::Time).is_some() {
                break;
            }
            // "Kobler Meets HoR", "Kerry Talks With Lavrov": a headline's verb,
            // event noun or function word ends the name.
            if w.cap && cx.headline_stop(&w) {
                break;
            }
            // "FASTFACT The two sides": a capitalised function word before a
            // word in lower case opens a phrase of its own, no name's word.
            if w.cap && w.t1 == w.t0 + 1 && opens_phrase(cx, w.t0) {
                break;
            }
            if w.cap && !w.adjectival {
                out.words.push(w);
                out.connector.push(false);
                next = w.t1;
                continue;
            }
            // A particle or a connector, then a capitalised word.
            let small = toks[w.t0].lower;
            let is_particle = |w: &Word| cx.has(w.t0, |c| *c == WordClass::Particle).is_some() && w.t1 == w.t0 + 1;
            let particle = is_particle(&w);
            let connector = CONNECTORS.contains(&small) && w.t1 == w.t0 + 1;
            // Particles in a row: "Humberto de la Calle", "Hans van der Berg".
            let mut after = w.t1;
            let mut more = 0;
            while particle && more < 2 {
                match word_at(toks, after).filter(|n| !n.cap && is_particle(n)) {
                    Some(n) => {
                        after = n.t1;
                        more += 1;
                    }
                    None => break,
                }
            }
            let then = word_at(toks, after).filter(|n| n.cap && !n.adjectival);
            if (particle || connector) && then.is_some() {
                out.words.push(w);
                out.connector.push(connector && !particle);
                let mut k = w.t1;
                while k < after {
                    let Some(n) = word_at(toks, k) else { break };
                    out.words.push(n);
                    out.connector.push(false);
                    k = n.t1;
                }
                next = after;
                continue;
            }
            // "al-Assad" inside a name: a lower-case word glued to a hyphen and a capital.
            if !w.cap && w.t1 > w.t0 + 1 && matches!(small, "al" | "el") {
                out.words.push(w);
                out.connector.push(false);
                next = w.t1;
                continue;
            }
            break;
        }
        // A run never ends on a connector or particle; "al-Mekhlafi" is a name's word.
        let name_word = |w: &Word| w.cap || (w.t1 > w.t0 + 1 && matches!(toks[w.t0].lower, "al" | "el"));
        while out.words.len() - from > 1 && !out.words.last().is_some_and(name_word) {
            out.words.pop();
            out.connector.pop();
        }
        k = out.words[from..].last().map_or(k + 1, |w| w.t1);
        out.spans.push(from..out.words.len());
    }
}

/// After the word ending a run's words so far, at token `k`, a possessive
/// that stands inside an organisation's name: "People's Liberation Army",
/// "Workers' Party", "the Lord's Resistance Army". The owner is a capitalised
/// word the dictionary does not know (not "Russia's Defence Ministry", nor an
/// acronym's), and capitalised words it does not know either follow, ending
/// in an organisation's head. Pushes them onto `out` and gives the token
/// after them, else leaves `out` as it is.
fn possessive_org(cx: &Context, out: &mut Runs, k: usize) -> Option<usize> {
    let toks = cx.toks;
    let owner = out.words.last()?;
    toks.get(k).filter(|t| t.glued && t.kind == TokKind::Punct && matches!(t.text, "'" | "\u{2019}"))?;
    let s_glued = toks.get(k + 1).is_some_and(|t| t.glued && t.kind == TokKind::Word && t.lower == "s");
    let plural = toks[owner.t1 - 1].lower.ends_with('s') && !toks.get(k + 1).is_some_and(|t| t.glued);
    let mut j = match (s_glued, plural) {
        (true, _) => k + 2,
        (false, true) => k + 1,
        _ => return None,
    };
    if !owner.cap || owner.acronym || owner.adjectival || cx.known_over(owner.start).is_some() {
        return None;
    }
    let from = out.words.len();
    while let Some(w) = word_at(toks, j) {
        let single = w.t1 == w.t0 + 1;
        let unknown = cx.known_over(w.start).is_none();
        if w.cap && !w.adjectival && unknown && !(single && cx.has(w.t0, |c| *c == WordClass::Time).is_some()) {
            out.words.push(w);
            out.connector.push(false);
        } else if single
            && CONNECTORS.contains(&toks[w.t0].lower)
            && out.words.len() > from
            && word_at(toks, w.t1).is_some_and(|n| n.cap && !n.adjectival)
        {
            out.words.push(w);
            out.connector.push(true);
        } else {
            break;
        }
        j = w.t1;
    }
    while out.words.len() > from && !out.words.last().is_some_and(|w| w.cap) {
        out.words.pop();
        out.connector.pop();
    }
    let head = out.words.last().filter(|_| out.words.len() > from).map(|w| w.t0);
    if head.is_some_and(|h| cx.has(h, |c| *c == WordClass::OrgHead).is_some()) {
        Some(out.words.last().map_or(j, |w| w.t1))
    } else {
        out.words.truncate(from);
        out.connector.truncate(from);
        None
    }
}

/// Whether token `k`, capitalised, is a function word (`not_name`, not one
/// that opens an organisation's name) opening a phrase: a word in lower case
/// follows, and it is not in capitals ("II").
fn opens_phrase(cx: &Context, k: usize) -> bool {
    let t = &cx.toks[k];
    t.text.chars().skip(1).any(char::is_lowercase)
        && cx.toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Word && n.text.starts_with(char::is_lowercase))
        && cx.has(k, |c| matches!(c, WordClass::NotName { org: false })).is_some()
}

/// Finds the names of a sentence the dictionary does not know, from their
/// shape and context alone (the article's cast is consulted afterwards).
pub fn find(cx: &Context) -> Vec<Named> {
    let (mut chunks, mut extended, mut found_runs) = RUN_BUFFERS.take();
    runs(cx, &mut found_runs);
    // Sized once: a run gives a name or none, seldom two (the vector grew
    // from empty in most sentences, a copy and a cold block each time).
    let mut out: Vec<Named> = Vec::with_capacity(found_runs.spans.len());
    for run in found_runs.iter() {
        // "(RSF)" right after the name it abbreviates: no name of its own.
        let first = &run.words[0];
        if out.last().is_some_and(|n| n.acronym == Some((first.start, first.end))) {
            continue;
        }
        read_run(cx, &run, &mut out, &mut chunks, &mut extended);
    }
    RUN_BUFFERS.set((chunks, extended, found_runs));
    out
}

thread_local! {
    /// `read_run`'s working lists, kept from run to run and sentence to
    /// sentence instead of two vectors grown from empty for every run, and
    /// the sentence's runs (three more lists a sentence).
    static RUN_BUFFERS: std::cell::Cell<(Vec<Chunk>, Vec<Named>, Runs)> = std::cell::Cell::default();
}

/// A piece of a run between dictionary names and titles.
struct Chunk {
    /// Indices into the run's words, `a..b`.
    a: usize,
    b: usize,
    title: Option<(usize, usize, Option<Gender>)>,
    /// The dictionary name or organisation before the title: its byte start.
    affiliation: Option<usize>,
    /// A dictionary adjective or place right before the chunk ("Sudanese" in
    /// "Sudanese Armed Forces"): its byte start.
    known_before: Option<usize>,
}

fn read_run(cx: &Context, run: &Run, out: &mut Vec<Named>, chunks: &mut Vec<Chunk>, extended: &mut Vec<Named>) {
    let w = &run.words;
    // Cut the run into chunks at dictionary names and titles.
    chunks.clear();
    extended.clear();
    let mut i = 0;
    let mut title: Option<(usize, usize, Option<Gender>)> = None;
    let mut affiliation: Option<usize> = None;
    let mut known_before: Option<usize> = None;
    // Sentence openers ("The", "But") and the like before the name.
    // A direction opens an organisation's name ("The Southern Movement").
    let org_after = |i: usize| w[i + 1..].iter().any(|x| cx.has(x.t0, |c| *c == WordClass::OrgHead).is_some());
    while i < w.len()
        && w[i].t1 == w[i].t0 + 1
        && cx
            .has(w[i].t0, |c| match c {
                WordClass::NotName { org } => !(*org && org_after(i)),
                WordClass::Time => !given_name_not_date(cx, w, i),
                _ => false,
            })
            .is_some()
    {
        i += 1;
    }
    if let Some(place) = placed_run(cx, &w[i..]) {
        out.push(place);
        return;
    }
    while i < w.len() {
        // A dictionary name that is only the head of a longer name is no
        // name of its own: "Congress" in "General National Congress".
        let partial = |f: &Found| {
            f.actor().is_some()
                && f.start == w[i].start
                && f.end == w[i].end
                && i > 0
                && w[i - 1].cap
                && cx.known_over(w[i - 1].start).is_none()
                && cx.has(w[i].t0, |c| *c == WordClass::OrgHead).is_some()
        };
        if let Some(f) = cx.known_over(w[i].start).filter(|f| !partial(f)) {
            // Given names or initials right before a dictionary person, in
            // the same run: one name ("Sergey V. Lavrov").
            let person = cx.known.iter().position(|k| std::ptr::eq(k, f)).is_some_and(|p| cx.known_person[p]);
            // A one-word dictionary person followed by capitalised words no
            // dictionary knows: "Idris Bako" is one name, whose first word
            // only looks like a known surname. The reader decides whether it
            // is the dictionary's person ("Abiy Ahmed") or another.
            // ("Assad al-Shaibani": a word after "al-" is capitalised too.)
            let plain = |k: usize| {
                k < w.len()
                    && !run.connector[k]
                    && (w[k].cap || particle_name(cx.toks, &w[k]))
                    && !w[k].acronym
                    && cx.known_over(w[k].start).is_none()
                    && cx.is_title(w[k].t0).is_none()
                    && cx
                        .has(w[k].t0, |c| {
                            matches!(
                                c,
                                WordClass::OrgHead
                                    | WordClass::Time
                                    | WordClass::NotName { .. }
                                    | WordClass::PlaceNoun { .. }
                                    | WordClass::ThingHead
                            )
                        })
                        .is_none()
            };
            if person && f.start == w[i].start && f.end == w[i].end && plain(i + 1) && !title_case(cx.toks) {
                let mut j = i + 1;
                while j < w.len() && j < i + 3 && plain(j) {
                    j += 1;
                }
                extended.push(Named {
                    start: w[i].start,
                    end: w[j - 1].end,
                    kind: NameKind::Entity(EntityKind::Person),
                    title: None,
                    gender: None,
                    span_start: w[i].start,
                    acronym: None,
                    known: Some(f.start),
                    weak: false,
                    guessed: false,
                    placed: false,
                });
                title = None;
                affiliation = None;
                known_before = None;
                i = j;
                continue;
            }
            // Given names, with particles between them ("Nayef bin Bandar"),
            // after a title or not ("Foreign Minister Ahmed Bin Mubarak").
            let given = |x: &Word| x.cap && !x.acronym;
            let particle =
                |x: &Word| !x.cap && x.t1 == x.t0 + 1 && cx.has(x.t0, |c| *c == WordClass::Particle).is_some();
            if let Some(c) = chunks.last().filter(|c| {
                person
                    && c.b == i
                    && w[c.a..c.b].iter().filter(|x| given(x)).count() <= 3
                    && given(&w[c.a])
                    && w[c.a..c.b].iter().all(|x| given(x) || particle(x))
                    && !run.connector[c.a..c.b].iter().any(|&x| x)
                    // "Envoy for the Horn of Africa Jeffrey Feltman": words
                    // after "of" end a place or a body, they are no given names.
                    && !(c.a > 0 && run.connector[c.a - 1])
            }) {
                let title = c.title.map(|(ts, te, _)| cx.text[ts..te].to_ascii_lowercase().into_boxed_str());
                let span_start = c.title.map_or(w[c.a].start, |(ts, _, _)| c.affiliation.map_or(ts, |a| a.min(ts)));
                extended.push(Named {
                    start: w[c.a].start,
                    end: f.end,
                    kind: NameKind::Entity(EntityKind::Person),
                    gender: c.title.and_then(|t| t.2),
                    title,
                    span_start,
                    acronym: None,
                    known: Some(f.start),
                    weak: false,
                    guessed: false,
                    placed: false,
                });
                chunks.pop();
            }
            // A dictionary name: it is the dictionary's; it may open an
            // organisation's name or be the country or body of a title.
            let end = f.end;
            let is_place_word = f.place().is_some() || f.adjective().is_some();
            affiliation = Some(f.start);
            known_before = is_place_word.then_some(f.start);
            // A title before a dictionary name is that name's.
            title = None;
            while i < w.len() && w[i].start < end {
                i += 1;
            }
            continue;
        }
        // "al-Mortada": a name's word, though it opens in lower case.
        let al_word = w[i].t1 > w[i].t0 + 1 && matches!(cx.toks[w[i].t0].lower, "al" | "el");
        if run.connector[i] || !(w[i].cap || al_word) {
            // "of", "and", a particle: they only join words within a chunk.
            i += 1;
            continue;
        }
        // "HE Muse Bihi Abdi": an honorific, no word of the name.
        if honorific(cx.toks, cx.classes, w[i].t0) && i + 1 < w.len() {
            i += 1;
            continue;
        }
        if let Some((g, end_tok)) = cx.is_title(w[i].t0) {
            let mut j = w[i..].iter().position(|x| x.t0 >= end_tok).map_or(w.len(), |p| i + p);
            // "High Commissioner for Human Rights", "Minister of Foreign
            // Affairs", "Special Envoy for Yemen": a title's complement, up to a
            // dictionary name, else all but the last two words, which name
            // the person when three or more follow.
            if j < w.len() && run.connector[j] && matches!(cx.word(w[j].t0), "for" | "of" | "on") {
                let stop = (j + 1..w.len()).find(|&k| cx.known_over(w[k].start).is_some_and(|f| f.actor().is_some()));
                let rest = w.len() - (j + 1);
                j = match stop {
                    Some(k) => k,
                    None if rest >= 3 => w.len() - 2,
                    None => w.len(),
                };
            }
            if j > i {
                title = Some((w[i].start, w[j - 1].end, g));
                i = j;
                continue;
            }
        }
        // The chunk: up to the next dictionary name or title that has words after it.
        let a = i;
        let mut b = i + 1;
        while b < w.len() {
            if let Some(f) = cx.known_over(w[b].start) {
                let head_only = f.actor().is_some()
                    && f.start == w[b].start
                    && f.end == w[b].end
                    && cx.has(w[b].t0, |c| *c == WordClass::OrgHead).is_some();
                if !head_only {
                    break;
                }
            }
            if !run.connector[b] && cx.is_title(w[b].t0).is_some() && b + 1 < w.len() {
                // A title inside the run splits it: "RSF Commander Mohamed Dagalo".
                // Not when the rest is an organisation's name ("General National Congress"),
                // nor after a particle that opened a person's name: "Ahmed Ould
                // Sheikh Mohamed", "Khalid bin Sheikh Saleh" ("Sheikh" is a word of it).
                let rest_is_org = cx.has(w[w.len() - 1].t0, |c| *c == WordClass::OrgHead).is_some();
                let after_particle = (a + 1..b)
                    .any(|k| w[k].t1 == w[k].t0 + 1 && cx.has(w[k].t0, |c| *c == WordClass::Particle).is_some());
                if !rest_is_org && !after_particle {
                    break;
                }
            }
            b += 1;
        }
        // "of", "and" join an organisation's name only ("Forces for Freedom and
        // Change"); elsewhere they separate two names ("Kerry and Lavrov").
        let ends_org = |b: usize| cx.has(w[b - 1].t0, |c| *c == WordClass::OrgHead).is_some();
        // A head before "of", "for", "on" anywhere in it: "Popular Front for
        // the Liberation of Tigray", "Ministry of Foreign Affairs".
        let opens_org = (a..b.saturating_sub(1)).any(|k| {
            cx.has(w[k].t0, |c| *c == WordClass::OrgHead).is_some()
                && run.connector[k + 1]
                && matches!(cx.word(w[k + 1].t0), "of" | "for" | "on")
        });
        if !(ends_org(b) || opens_org) {
            if let Some(c) = (a + 1..b).find(|&c| run.connector[c]) {
                b = c;
            }
        } else {
            // A person's title opens the chunk, or one head word after "and"
            // is the body of the title that cuts the chunk: "and" ends the
            // person's name ("Prime Minister X and Parliament Speaker Y", "X
            // and Army Chief Y").
            let and = (a + 1..b).find(|&c| run.connector[c] && cx.word(w[c].t0) == "and");
            let title_after = b < w.len() && cx.is_title(w[b].t0).is_some();
            if let Some(c) = and.filter(|&c| title.is_some() || (title_after && c + 2 == b)) {
                b = c;
            }
        }
        while b > a + 1 && run.connector[b - 1] {
            b -= 1;
        }
        chunks.push(Chunk {
            a,
            b,
            title: title.take(),
            affiliation: affiliation.take(),
            known_before: known_before.take(),
        });
        i = b;
    }
    for c in chunks.iter() {
        type_chunk(cx, run, c, out);
    }
    out.append(extended);
    out.sort_by_key(|n| n.start);
}

/// Whether token `k` is a pronoun written in capitals before a capitalised
/// name: "HE" ("His Excellency") as an honorific, "HE Ana Ruiz", no pronoun.
pub fn honorific(toks: &[Tok], classes: &[Option<(ClassSet, usize)>], k: usize) -> bool {
    let (Some(t), Some(n)) = (toks.get(k), toks.get(k + 1)) else { return false };
    t.kind == TokKind::Word
        && t.text.len() >= 2
        && t.text.bytes().all(|b| b.is_ascii_uppercase())
        && n.kind == TokKind::Word
        && !n.glued
        && n.text.starts_with(|c: char| c.is_uppercase())
        && n.text.chars().skip(1).any(char::is_lowercase)
        && classes
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|(set, _)| set.iter().any(|c| matches!(c, WordClass::Pronoun(_))))
}

/// A headline in title case ("Kerry Urges Kurds to Stay"): most words of
/// four letters or more are capitalised, so capitals say nothing of names.
pub fn title_case(toks: &[Tok]) -> bool {
    let long = toks.iter().filter(|t| t.kind == TokKind::Word && t.text.len() > 3);
    let (n, caps) = long.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(t.text.as_bytes()[0].is_ascii_uppercase())));
    n >= 3 && caps * 10 >= n * 7
}

fn type_chunk(cx: &Context, run: &Run, c: &Chunk, out: &mut Vec<Named>) {
    let w = &run.words[c.a..c.b];
    let conn = &run.connector[c.a..c.b];
    let start = w[0].start;
    let end = w[w.len() - 1].end;
    let head_at = |k: usize, class: WordClass| cx.has(w[k].t0, |x| *x == class).is_some();
    let last = w.len() - 1;
    // An organisation: its last word is a head, or a head opens an "of"/"for" phrase.
    let org_head = head_at(last, WordClass::OrgHead) && w[last].cap
        || (0..last).any(|k| head_at(k, WordClass::OrgHead) && conn.get(k + 1).copied().unwrap_or(false));
    let agency_head = head_at(last, WordClass::AgencyHead);
    let acronym = w.len() == 1 && w[0].acronym;
    let words_in_name = w.iter().zip(conn).filter(|(_, &c)| !c).count();
    let mut named = Named {
        start,
        end,
        kind: NameKind::Unknown,
        title: None,
        gender: None,
        span_start: start,
        acronym: None,
        weak: false,
        known: None,
        guessed: false,
        placed: false,
    };
    if let Some((ts, te, g)) = c.title {
        named.title = Some(cx.text[ts..te].to_ascii_lowercase().into_boxed_str());
        named.gender = g;
        named.span_start = c.affiliation.map_or(ts, |a| a.min(ts));
    } else if let Some((ts, g)) = title_before(cx, w[0].t0) {
        named.title = Some(cx.text[ts.0..ts.1].to_ascii_lowercase().into_boxed_str());
        named.gender = g;
        named.span_start = ts.0;
    }
    if dateline(cx, w) {
        named.kind = NameKind::Place;
    } else if agency_head && !org_head {
        named.kind = NameKind::Entity(EntityKind::Agency);
    } else if org_head || (acronym && named.title.is_none()) {
        named.kind = NameKind::Entity(EntityKind::Organisation);
        // "Sudanese Armed Forces": the adjective opens the name.
        if let Some(k) = c.known_before.filter(|_| c.title.is_none()) {
            named.start = k;
            named.span_start = k;
        }
        // A title right before with no name of its own is part of the name
        // ("General National Congress").
        if let Some((ts, _, _)) = c.title {
            named.start = ts;
            named.title = None;
            named.gender = None;
        }
        named.acronym = defined_acronym(cx, w[last].t1);
    } else if named.title.is_some() && last == 0 && head_at(0, WordClass::ThingHead) {
        // "at President Hotel": a title's word naming a thing, no person.
        return;
    } else if named.title.is_some() {
        named.kind = NameKind::Entity(EntityKind::Person);
    } else if words_in_name >= 2
        && cx.has(w[last].t0, |c| matches!(c, WordClass::PlaceNoun { name_before: true, .. })).is_some()
    {
        // "Idlib Province", "Gaza City", "Benina Airport".
        named.kind = NameKind::Place;
    } else if head_at(last, WordClass::ThingHead) {
        // "Minsk Agreement", "Red Sea": no actor.
        return;
    } else if let Some(kind) = by_context(cx, w, words_in_name) {
        named.kind = kind;
        named.placed = kind == NameKind::Place && place_noun_beside(cx, w[0].t0, w[last].t1);
    } else if let Some((title, g)) = title_of_noun_phrase_before(cx, w[0].t0) {
        // "The head of the U.N. mission, Bernardino Leon, said".
        named.kind = NameKind::Entity(EntityKind::Person);
        named.title = Some(title);
        named.gender = g;
    } else if words_in_name < 2 {
        named.weak = true;
    } else {
        // Two capitalised words or more, no organisation, place or thing:
        // in news, a person.
        named.kind = NameKind::Entity(EntityKind::Person);
        named.guessed = true;
    }
    // A capitalised word opening a sentence is no name on its shape alone ("Reports say").
    if named.kind == NameKind::Unknown && words_in_name < 2 && sentence_start(cx, w[0].t0) {
        named.weak = true;
    }
    if named.kind == NameKind::Unknown || named.kind == NameKind::Entity(EntityKind::Person) {
        if let Some((title, g)) = apposition_title(cx, w[last].t1) {
            named.kind = NameKind::Entity(EntityKind::Person);
            named.title.get_or_insert(title);
            named.gender = named.gender.or(g);
        }
    }
    out.push(named);
}

/// "Cabo Delgado province", "the province of Cabo Delgado", "Shan State": a
/// run beside a place noun, or of two words or more ending in one, is a place, whatever a given name or a
/// dictionary surname inside it suggests ("Delgado"); not a run with a title
/// or a place or body the dictionary knows.
fn placed_run(cx: &Context, w: &[Word]) -> Option<Named> {
    let (first, last) = (w.first()?, w.last()?);
    let noun = |k: usize| cx.has(k, |c| matches!(c, WordClass::PlaceNoun { name_before: true, .. })).is_some();
    let ends_in_noun = w.len() >= 2 && last.cap && noun(last.t0);
    if !(ends_in_noun || place_noun_beside(cx, first.t0, last.t1)) {
        return None;
    }
    for x in w {
        if cx.is_title(x.t0).is_some() {
            return None;
        }
        if let Some(f) = cx.known_over(x.start) {
            let person = cx.known.iter().position(|k| std::ptr::eq(k, f)).is_some_and(|p| cx.known_person[p]);
            if !person {
                return None;
            }
        }
    }
    Some(Named {
        start: first.start,
        end: last.end,
        kind: NameKind::Place,
        title: None,
        gender: None,
        span_start: first.start,
        acronym: None,
        known: None,
        guessed: false,
        weak: false,
        placed: true,
    })
}

/// A story's dateline in capitals opening the sentence: "KINSARA (Reuters) -",
/// "BORVANIA CITY, June 4 -", "PORT-LUME, Zandia (AP) --": a place, no
/// acronym of an organisation.
fn dateline(cx: &Context, w: &[Word]) -> bool {
    let (first, last) = (&w[0], &w[w.len() - 1]);
    let capitals = |x: &Word| cx.text[x.start..x.end].chars().all(|c| !c.is_lowercase());
    if !sentence_start(cx, first.t0) || !w.iter().all(capitals) || cx.text[first.start..last.end].len() < 3 {
        return false;
    }
    let dash = |k: usize| cx.toks.get(k).is_some_and(|t| matches!(t.text, "-" | "\u{2013}" | "\u{2014}"));
    // "(Reuters) -"
    let bracket = |k: usize| cx.punct(k, "(") && cx.punct(k + 2, ")");
    let k = last.t1;
    if bracket(k) || dash(k) {
        return true;
    }
    if !cx.punct(k, ",") {
        return false;
    }
    // ", June 4", ", Zandia (AP)", ", Zandia -"
    cx.has(k + 1, |c| *c == WordClass::Time).is_some()
        || word_at(cx.toks, k + 1).is_some_and(|n| n.cap && (bracket(n.t1) || dash(n.t1)))
}

/// Whether the weekday or month word `w[i]` opens a person's name instead:
/// it is a given name, a capitalised word no class sets aside follows it in
/// the run, and the date reader finds no date on it ("the envoy Jan Novak",
/// but "in May Novak said", "Jan. 17").
fn given_name_not_date(cx: &Context, w: &[Word], i: usize) -> bool {
    let Some(next) = w.get(i + 1) else {
        return false;
    };
    let word = &cx.toks[w[i].t0];
    let surname = next.cap
        && !next.acronym
        && next.t1 == next.t0 + 1
        && cx
            .has(next.t0, |c| {
                matches!(
                    c,
                    WordClass::Time | WordClass::NotName { .. } | WordClass::OrgHead | WordClass::PlaceNoun { .. }
                )
            })
            .is_none();
    surname
        && cx.given_names.gender(word.text).is_some()
        && !dates::find_in(cx.text, cx.toks, cx.dates).iter().any(|d| d.start <= w[i].start && w[i].start < d.end)
}

/// Whether token `k` opens the sentence (or a quotation in it).
fn sentence_start(cx: &Context, k: usize) -> bool {
    k == 0 || (k == 1 && cx.toks[0].kind == TokKind::Punct)
}

/// A lower-case title right before token `k` ("envoy Martin Griffiths",
/// "said protester Fares Mukhaled", "his counterpart, Kamel Amro").
fn title_before(cx: &Context, k: usize) -> Option<((usize, usize), Option<Gender>)> {
    let mut j = k;
    // "the envoy, X"; "Mr. X": an abbreviated title's full stop.
    if j > 0 && (cx.punct(j - 1, ",") || cx.punct(j - 1, ".")) {
        j -= 1;
    }
    // The title phrase ends at token j: look at the few tokens before for one that starts a title ending there.
    let (s, g) = (j.saturating_sub(4)..j).find_map(|s| {
        let (g, end) = cx.is_title(s)?;
        (end == j).then_some((s, g))
    })?;
    Some(((cx.toks[modifiers_before(cx, s)].start, cx.toks[j - 1].end), g))
}

/// Where a title's noun phrase starts, with up to two lower-case modifiers
/// inside it ("the army chief", "Kassalan rebel commander"): a modifier
/// counts only after a determiner, a capitalised word or a possessive, so
/// that a verb ("met army chief X") stays out.
fn modifiers_before(cx: &Context, s: usize) -> usize {
    const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];
    let modifier = |m: usize| {
        let t = &cx.toks[m];
        t.kind == TokKind::Word
            && t.text.as_bytes()[0].is_ascii_lowercase()
            && t.text.len() > 2
            && !DETERMINERS.contains(&t.lower)
            && !matches!(t.lower, "and" | "of" | "for")
            && cx.is_title(m).is_none()
    };
    let opener = |p: usize| {
        let t = &cx.toks[p];
        DETERMINERS.contains(&t.lower)
            || t.lower == "s"
            // A capitalised word opens it ("Kassalan army chief"), not the sentence's first ("He met army chief X").
            || (p > 0 && t.kind == TokKind::Word && t.text.as_bytes()[0].is_ascii_uppercase())
    };
    // Back over at most two modifiers; the phrase starts after the furthest opener.
    let (mut m, mut start) = (s, s);
    while m > 0 && s - m < 2 && modifier(m - 1) {
        m -= 1;
        if m > 0 && opener(m - 1) {
            start = m;
        }
    }
    start
}

/// A name in apposition after a noun phrase that opens with a title: ", X,"
/// after "The head of the U.N. mission" or "Libya's envoy".
fn title_of_noun_phrase_before(cx: &Context, k: usize) -> Option<(Box<str>, Option<Gender>)> {
    if k == 0 || !cx.punct(k - 1, ",") {
        return None;
    }
    // The noun phrase: back to the previous comma or the sentence's start.
    let start = (0..k - 1).rev().find(|&j| cx.punct(j, ",")).map_or(0, |j| j + 1);
    (start..(start + 8).min(k - 1)).find_map(|s| {
        let (g, end) = cx.is_title(s)?;
        let text = &cx.text[cx.toks[s].start..cx.toks[end - 1].end];
        Some((text.to_ascii_lowercase().into_boxed_str(), g))
    })
}

/// An apposition after a name: ", the U.N. envoy", ", a spokesman for ...",
/// ", who": the title (or "" for "who") and its gender.
fn apposition_title(cx: &Context, k: usize) -> Option<(Box<str>, Option<Gender>)> {
    if !cx.punct(k, ",") {
        return None;
    }
    let det = cx.word(k + 1);
    if det == "who" {
        return Some(("".into(), None));
    }
    if !matches!(det, "the" | "a" | "an" | "his" | "her" | "its" | "their") {
        return None;
    }
    // Within a few words: modifiers ("U.N.", "Houthi", "chief"), then the title.
    (k + 2..(k + 7).min(cx.toks.len())).find_map(|s| {
        if cx.toks[s].kind == TokKind::Punct && !matches!(cx.toks[s].text, "." | "-" | "'" | "\u{2019}") {
            return Some(None);
        }
        let (g, end) = cx.is_title(s)?;
        // "During talks with X, the UN envoy reiterated": a verb right after
        // the title makes the title the next clause's subject, not X's.
        if cx.toks.get(end).is_some_and(|t| {
            t.kind == TokKind::Word && t.text.starts_with(char::is_lowercase) && !closes_apposition(t.lower)
        }) {
            return Some(None);
        }
        let text = &cx.text[cx.toks[s].start..cx.toks[end - 1].end];
        Some(Some((text.to_ascii_lowercase().into_boxed_str(), g)))
    })?
}

/// A lower-case word that may follow the title of an apposition: its
/// complement ("the envoy for Yemen") or the clause it closes ("the envoy
/// who", "the envoy and").
fn closes_apposition(word: &str) -> bool {
    matches!(word, "for" | "to" | "of" | "in" | "on" | "at" | "from" | "and" | "who" | "with" | "since" | "until")
}

/// "(RSF)" after an organisation's name, at token `k`.
fn defined_acronym(cx: &Context, k: usize) -> Option<(usize, usize)> {
    if !cx.punct(k, "(") {
        return None;
    }
    let w = word_at(cx.toks, k + 1)?;
    (w.acronym && cx.punct(w.t1, ")")).then_some((w.start, w.end))
}

/// The kind a name's neighbours give it, when its own words give none.
fn by_context(cx: &Context, w: &[Word], words_in_name: usize) -> Option<NameKind> {
    let first = w[0].t0;
    let after = w[w.len() - 1].t1;
    let prev = first.checked_sub(1).map_or("", |p| cx.word(p));
    // "the town of X", "X province", "in X".
    if place_noun_beside(cx, first, after) {
        return Some(NameKind::Place);
    }
    // "in X", or a verb of travel and its "to" ("travelled to X").
    let locative_at =
        |s: usize| cx.has(s, |c| matches!(c, WordClass::Locative { motion: false })).is_some_and(|(_, e)| e == first);
    let locative = first > 0
        && (locative_at(first - 1)
            || (cx.word(first - 1) == "to" && first >= 3 && (locative_at(first - 2) || locative_at(first - 3))));
    if locative {
        // "in Gomel", but not "in Lavrov's words" nor a name with a person's shape.
        let possessive = cx.punct(after, "'") || cx.punct(after, "\u{2019}");
        if !possessive && !speaks(cx, w) {
            return Some(NameKind::Place);
        }
    }
    // "the Houthis", "the Taliban said": a group.
    if words_in_name == 1 && prev == "the" {
        let word = cx.toks[first].lower;
        let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
        if plural || speaks(cx, w) {
            return Some(NameKind::Entity(EntityKind::Group));
        }
    }
    if speaks(cx, w) {
        return Some(if words_in_name >= 2 { NameKind::Entity(EntityKind::Person) } else { NameKind::Unknown });
    }
    None
}

/// Whether a place noun stands beside the name of tokens `first..after`:
/// "the town of X", "the capital X", "the capital, X", "X province".
fn place_noun_beside(cx: &Context, first: usize, after: usize) -> bool {
    if cx.has(after, |c| matches!(c, WordClass::PlaceNoun { name_before: true, .. })).is_some() {
        return true;
    }
    if first == 0 {
        return false;
    }
    // The place noun ends right before the name, or before its "of", or
    // before a comma when the name stands between commas ("the capital,
    // X, on Monday"; not "in the city, X said").
    let between_commas =
        cx.punct(first - 1, ",") && (after >= cx.toks.len() || cx.punct(after, ",") || cx.punct(after, "."));
    let gap = usize::from(first >= 2 && (cx.word(first - 1) == "of" || between_commas));
    let Some(noun_end) = first.checked_sub(gap).filter(|&e| e > 0) else { return false };
    // A place noun is one or two lower-case words ("town", "port city").
    if !cx.toks[noun_end - 1].text.starts_with(char::is_lowercase) {
        return false;
    }
    (noun_end.saturating_sub(2)..noun_end).any(|s| {
        let noun = cx
            .has(s, |c| matches!(c, WordClass::PlaceNoun { name_after: true, .. }))
            .is_some_and(|(_, e)| e == noun_end && !cx.toks[s].text.starts_with(char::is_uppercase));
        // Between commas, only after a locative: "in the capital, X," (not
        // "the envoy for the region, X,").
        noun && (!between_commas
            || (s.saturating_sub(3)..s).any(|k| cx.has(k, |c| matches!(c, WordClass::Locative { .. })).is_some()))
    })
}

/// Whether a speech verb stands right after the name (past an adverb or a
/// comma) or right before it ("said X").
fn speaks(cx: &Context, w: &[Word]) -> bool {
    let (s, e) = (w[0].start, w[w.len() - 1].end);
    speech_right_after(cx.text, e, cx.speech)
        || cx.speech.iter().any(|&(_, ve)| cx.text.get(ve..s).is_some_and(|g| g.trim().is_empty()))
}

/// Whether one of the speech verbs `speech` (byte spans of `text`) stands
/// right after byte `end`, past a comma or an adverb ("X said", "X, speaking",
/// "X reportedly said").
pub fn speech_right_after(text: &str, end: usize, speech: &[(usize, usize)]) -> bool {
    speech.iter().any(|&(vs, _)| {
        text.get(end..vs).is_some_and(|g| {
            let g = g.trim().trim_start_matches(',').trim();
            g.is_empty() || (g.split_whitespace().count() == 1 && g.ends_with("ly"))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionaries;
    use crate::extract::tokens::tokenize;

    /// (name, kind, title) of the names found in a sentence.
    fn names(st: &str) -> Vec<(String, NameKind, Option<String>)> {
        let dict = Dictionaries::builtin().unwrap();
        let index = dict.index();
        let scan = index.scan(st);
        let mut lowered = String::new();
        let toks = tokenize(st, &mut lowered);
        let classes = super::super::classes_by_token(index, &scan.classes, &toks);
        let speech: Vec<(usize, usize)> = scan
            .words
            .iter()
            .filter(|w| {
                super::super::has_trigger(&dict, w, crate::model::Kind::Statement, crate::dict::TriggerRole::Trigger)
            })
            .map(|w| (w.start, w.end))
            .collect();
        let known_person: Vec<bool> = scan
            .names
            .iter()
            .map(|f| f.actor().is_some_and(|a| dict.actors[a].kind == crate::dict::ActorKind::Person))
            .collect();
        let cx = Context {
            text: st,
            toks: &toks,
            known: &scan.names,
            known_person: &known_person,
            classes: &classes,
            speech: &speech,
            headline_words: &[],
            title_case: false,
            given_names: &dict.given_names,
            dates: &dict.dates,
        };
        find(&cx)
            .into_iter()
            .filter(|n| !n.weak)
            .map(|n| (st[n.start..n.end].to_string(), n.kind, n.title.map(String::from)))
            .collect()
    }

    fn person(n: &str, title: Option<&str>) -> (String, NameKind, Option<String>) {
        (n.into(), NameKind::Entity(EntityKind::Person), title.map(String::from))
    }

    #[test]
    fn a_title_makes_a_person() {
        assert_eq!(names("U.N. envoy Martin Grimsby arrived."), [person("Martin Grimsby", Some("envoy"))]);
        assert_eq!(names("President Zelinov spoke."), [person("Zelinov", Some("president"))]);
        // The title keeps a lower-case modifier of its noun phrase.
        assert_eq!(
            names("said Russian delegation head Vladimir Medinov"),
            [person("Vladimir Medinov", Some("delegation head"))]
        );
        // A verb before the title is none of it.
        assert_eq!(names("He met army chief Musa Bako."), [person("Musa Bako", Some("chief"))]);
        // Two modifiers after a determiner both belong to it.
        assert_eq!(names("said the rebel army chief Musa Bako"), [person("Musa Bako", Some("rebel army chief"))]);
    }

    #[test]
    fn an_apposition_makes_a_person() {
        assert_eq!(names("Hans Grunwald, the U.N. envoy, said"), [person("Hans Grunwald", Some("envoy"))]);
    }

    #[test]
    fn head_words_make_organisations_and_acronyms_are_defined() {
        let n = names("The Rapid Relief Forces (RRF) and the Forces for Peace and Renewal met.");
        assert_eq!(n[0].0, "Rapid Relief Forces");
        assert_eq!(n[0].1, NameKind::Entity(EntityKind::Organisation));
        assert_eq!(n[1].0, "Forces for Peace and Renewal");
        assert_eq!(n.len(), 2, "the acronym in brackets is the first name's: {n:?}");
    }

    #[test]
    fn a_title_inside_a_run_splits_organisation_and_person() {
        let n = names("Rapid Relief Forces Commander Mohamed Hamdi Dagali said");
        assert_eq!(n[0].0, "Rapid Relief Forces");
        assert_eq!(n[1], person("Mohamed Hamdi Dagali", Some("commander")));
        let n = names("the General Popular Congress met");
        assert_eq!(n[0].0, "General Popular Congress");
        assert_eq!(n[0].1, NameKind::Entity(EntityKind::Organisation));
    }

    #[test]
    fn locatives_and_place_nouns_make_places() {
        assert_eq!(names("talks started in Gomel on Monday")[0].1, NameKind::Place);
        assert_eq!(names("fighting near the town of Bakhmut")[0].0, "Bakhmut");
        assert_eq!(names("fighting near the town of Bakhmut")[0].1, NameKind::Place);
        assert_eq!(names("strikes in Hodeidah province")[0].1, NameKind::Place);
    }

    #[test]
    fn plural_names_after_the_are_groups() {
        assert_eq!(names("talks between the government and the Zorbans")[0].1, NameKind::Entity(EntityKind::Group));
    }

    #[test]
    fn sentence_openers_and_adjectives_are_no_names() {
        assert!(names("The U.S.-backed forces advanced.").is_empty());
        assert!(names("But talks stalled.").is_empty());
    }

    #[test]
    fn lower_case_letters_after_an_apostrophe_go_on_with_the_name() {
        for (text, name) in [
            ("Justice Minister Tomas Ja'neh said on Monday", "Tomas Ja'neh"),
            ("Justice Minister Tomas Ja\u{2019}neh said on Monday", "Tomas Ja\u{2019}neh"),
            ("Commander Idris Sa'adeh met the envoy", "Idris Sa'adeh"),
        ] {
            assert!(names(text).iter().any(|n| n.0 == name), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn a_contraction_after_a_name_is_no_part_of_it() {
        let n = names("the envoy said Commander Tarkov'd go");
        assert!(n.iter().any(|n| n.0 == "Tarkov"), "{n:?}");
        assert!(n.iter().all(|n| !n.0.contains('\'')), "{n:?}");
    }

    #[test]
    fn a_possessive_inside_an_organisation_s_name_is_part_of_it() {
        for (text, name) in [
            ("fighters of the Lord's Deliverance Army attacked", "Lord's Deliverance Army"),
            ("the People\u{2019}s Liberation Army said", "People\u{2019}s Liberation Army"),
            ("the Farmers' Unity Party said", "Farmers' Unity Party"),
            ("the Herders' Defence Units said", "Herders' Defence Units"),
        ] {
            let n = names(text);
            assert_eq!(n.len(), 1, "{text}: {n:?}");
            assert_eq!(n[0].0, name, "{text}: {n:?}");
            assert_eq!(n[0].1, NameKind::Entity(EntityKind::Organisation), "{text}: {n:?}");
        }
    }

    #[test]
    fn a_known_place_before_a_possessive_owns_the_organisation() {
        let n = names("Ghana's Defence Ministry said");
        assert!(n.iter().all(|n| !n.0.contains("'s")), "{n:?}");
        assert!(n.iter().any(|n| n.0 == "Defence Ministry"), "{n:?}");
        // No organisation's head after the possessive: no organisation.
        let n = names("Weidemann's Deputy Tarkov said");
        assert!(n.iter().all(|n| !n.0.contains("'s")), "{n:?}");
    }
}
