//! The event rules, one file per kind, over a sentence's [`Reading`], and what
//! they share: status cues, the date and place near a trigger, attribution.

pub mod statement;
pub mod talks;
pub mod toll;
pub mod visit;

use super::dates::{self, Anchor, Tense, TimeExpr};
use super::entities;
use super::entities::cast::EntityKind;
use super::entities::words::{Class, WordClass};
use super::reading::{in_spans, lower_cow, separates_clauses, ActorSpan, PlaceSpan, Reading};
use super::tokens::TokKind;
use crate::dict::{CueKind, Dictionaries, TriggerRole};
use crate::model::{DateSpan, Event, EventActor, Kind, Precision, Role, Status};
use chrono::Datelike;

/// An event as found in one sentence, before merging.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) event: Event,
    /// Position of the trigger in the article, for ordering.
    pub(crate) at: usize,
    /// "the talks", "next week's conference": refers back to an event already reported.
    pub(crate) anaphoric: bool,
    /// A definite reference with no date of its own ("the talks", "their
    /// meeting"): its clause's tense tells of whoever joins or skips it
    /// ("would take no part in the consultations"), not whether it was held.
    pub(crate) definite: bool,
    /// A definite reference with no date of its own that names its own
    /// participants ("the bilateral meeting between X and Y"): it refers
    /// back to a meeting of exactly those participants, whatever the tense
    /// of the clause it stands in ("didn't exclude the bilateral meeting").
    pub(crate) named_back: bool,
    /// May name the meeting the sentence's previous talks word names: no
    /// determiner introduces it ("a conference" is new, "the talks" may be
    /// the meeting's topic) and no "and" stands between the two ("met ...
    /// for the second round of talks", not "called off a meeting and
    /// canceled talks").
    pub(crate) restates: bool,
    /// "a separate meeting", "also met": a meeting never reported before.
    pub(crate) distinct: bool,
    /// Only to be attached to an earlier event, never an event of its own.
    pub(crate) merge_only: bool,
    /// Which family of words: meeting-like, talks-like or conference-like
    /// (talks), a visit, a toll.
    pub(crate) family: u8,
    pub(crate) in_title: bool,
    /// The tense of the trigger's clause, for dating an event the text does not date.
    pub(crate) tense: Tense,
    /// The occasion a statement was made at ("after the meeting", "during
    /// his visit"): it takes that event's date.
    pub(crate) occasion: Option<Kind>,
    /// The date is a guess (the publication day for "is meeting"), which
    /// another report of the event with a date of its own replaces.
    pub(crate) guessed: bool,
    /// The status is a guess from the present tense of a noun's clause
    /// ("talks between X and Y are in doubt"): no word says whether the
    /// meeting was held, so a report that does say it may join.
    pub(crate) status_guessed: bool,
    /// The country the event's place lies in, when the place is a city or a
    /// region: a report at "Damascus" fills in one at "Syria".
    pub(crate) within: Option<String>,
    /// "The consultations are due to end on January 29": the date is when an
    /// event already reported ends.
    pub(crate) ends: bool,
    /// "Lavrov arrived Thursday morning": an arrival with no destination,
    /// which is where the story is told from (its dateline); so are talks
    /// held "here".
    pub(crate) here: bool,
    /// A statement's speaker is a person (`Some(true)`), a body or a
    /// country (`Some(false)`), or only described (`None`): a headline's
    /// body or description may restate what one of its people said.
    pub(crate) speaker_person: Option<bool>,
    /// Delegations as the text describes them, each beside the actor that
    /// sent it ("Afghanistan", "Afghan delegation"): added to the event's
    /// actors once merging is done, so that they never keep two reports of
    /// one meeting apart.
    pub(crate) described: Vec<(String, String)>,
    /// Talks: the positions (`at`) of the trips before them in their
    /// sentence that are made to attend them ("left for Sweden to attend
    /// peace talks"), from `trip_purposes`.
    pub(crate) attended_from: Vec<usize>,
    /// Talks: the positions of the trips before them in their sentence whose
    /// infinitive of purpose they are ("arrived Monday in X to meet Y").
    pub(crate) purpose_of: Vec<usize>,
    /// Talks in a "where" clause of places other than a trip's ("Djibouti
    /// is the third leg of his tour, which took him to Kampala and Addis
    /// Ababa where he met X and Y respectively"): held at those places, not
    /// at the destination of a trip of their sentence.
    pub(crate) elsewhere: bool,
    /// A visit: the one country all its travellers belong to (a country,
    /// its government or body, a person of it in the dictionary, or a
    /// delegation described as its own: "US envoy"), and whether a person
    /// known by name is among them; `None` when they belong to several or
    /// to one the dictionary does not know.
    pub(crate) side: Option<(String, bool)>,
    /// Talks the sentence says have begun or are going on ("began their
    /// meeting", "the talks went into a second day"): a report of the
    /// meeting as planned, told before, is of a meeting that took place.
    pub(crate) begun: bool,
    /// Talks or a visit told as lasting several days ("a two-day meeting"),
    /// and whether the day found is the last of them: see `days_long`; once
    /// merging is done, a single day becomes the span.
    pub(crate) days: Option<(u32, bool)>,
}

impl Candidate {
    pub(crate) fn new(event: Event, at: usize, tense: Tense) -> Candidate {
        Candidate {
            event,
            at,
            anaphoric: false,
            definite: false,
            named_back: false,
            restates: false,
            distinct: false,
            merge_only: false,
            family: 0,
            in_title: false,
            tense,
            occasion: None,
            guessed: false,
            status_guessed: false,
            within: None,
            ends: false,
            here: false,
            speaker_person: None,
            described: Vec::new(),
            attended_from: Vec::new(),
            purpose_of: Vec::new(),
            elsewhere: false,
            side: None,
            begun: false,
            days: None,
        }
    }
}

/// For each talks candidate of the sentence, the trips before it that were
/// made for it, read from the sentence's tokens between the trip's trigger
/// and the talks' (the merge step relates the two events by these, without
/// the text):
/// - attended: "to attend", "to join" or "to take part" stands between
///   them, at most 12 words apart ("left for Sweden to attend peace talks";
///   not "during his visit to Moscow ... for next week's talks");
/// - purpose: the talks are an infinitive the trip governs, at most 12
///   words after it, with no clause between ("arrived Monday in X, Y (Z) to
///   meet W"; not "is in X, where he is expected to meet", nor "; ...").
pub(crate) fn trip_purposes(r: &Reading, cands: &mut [Candidate]) {
    use crate::extract::tokens::TokKind;
    let trips: Vec<usize> = cands.iter().filter(|c| c.event.kind == Kind::Visit).map(|c| c.at).collect();
    if trips.is_empty() {
        return;
    }
    for c in cands.iter_mut().filter(|c| c.event.kind == Kind::Talks) {
        let to = c.at.saturating_sub(r.offset);
        let hi = r.tok_at(to);
        let infinitive = r.toks.get(hi).is_some_and(|t| t.lower == "to" && t.start == to);
        for &trip in trips.iter().filter(|&&t| t < c.at) {
            let lo = r.tok_at(trip - r.offset);
            let gap = &r.toks[lo..hi];
            // Words as whitespace separates them.
            let words = gap.iter().enumerate().filter(|(i, t)| *i == 0 || !t.glued).count();
            if words > 12 {
                continue;
            }
            let attends = gap.windows(2).enumerate().any(|(i, w)| {
                w[0].lower == "to"
                    && (matches!(w[1].lower, "attend" | "join")
                        || w[1].lower == "take" && gap.get(i + 2).is_some_and(|t| t.lower == "part"))
            });
            if attends {
                c.attended_from.push(trip);
            }
            let last_words: Vec<&str> =
                gap.iter().rev().filter(|t| t.kind == TokKind::Word).take(3).map(|t| t.lower).collect();
            // "where he is expected to meet": a verb of its own governs the infinitive.
            let governed = gap.last().is_some_and(|t| t.text.ends_with("ed"));
            let purpose = !governed
                && !gap.iter().any(|t| matches!(t.text, ";" | ":"))
                && !gap.iter().any(|t| matches!(t.lower, "where" | "who" | "which" | "that" | "and"))
                && (infinitive || last_words.contains(&"to"));
            if purpose {
                c.purpose_of.push(trip);
            }
        }
    }
}

/// The most events of one kind a rule takes from one sentence.
pub(crate) const MAX_PER_SENTENCE: usize = 6;

/// Prepositions that make a talks or visit noun the occasion of a statement
/// ("after the meeting", "during his visit", "at a joint press conference").
const OCCASION: &[&str] = &["after", "during", "at", "following", "on", "ahead", "before", "amid"];

/// The kind of event a statement's sentence names as its occasion, if any:
/// a talks or visit trigger right after an occasion preposition and at most
/// three words (a determiner, a possessive, adjectives).
pub(crate) fn occasion(r: &Reading, dict: &Dictionaries) -> Option<Kind> {
    occasion_before(r, dict, r.text.len())
}

/// As `occasion`, for an occasion named before byte `end` of the sentence:
/// "After the summit, X is scheduled to meet Y" tells of a meeting at the
/// summit's time, where "X will meet Y after the summit" names the
/// meeting's own word first.
pub(crate) fn occasion_before(r: &Reading, dict: &Dictionaries, end: usize) -> Option<Kind> {
    r.words.iter().take_while(|w| w.end <= end).find_map(|w| {
        let (_, t) = entities::triggers(dict, w).find(|(_, t)| matches!(t.kind, Kind::Talks | Kind::Visit))?;
        if t.role == TriggerRole::Ignore {
            return None;
        }
        let k = r.tok_at(w.start);
        let found = (k.saturating_sub(4)..k).rev().find(|&j| OCCASION.contains(&r.toks[j].lower))?;
        let between = &r.toks[found + 1..k];
        let plain = between.iter().all(|t| {
            t.kind == crate::extract::tokens::TokKind::Word && !t.text.starts_with(|c: char| c.is_uppercase())
        });
        // "ahead of" and "before" look forward: the occasion is not yet dated.
        (plain && !matches!(r.toks[found].lower, "ahead" | "before")).then_some(t.kind)
    })
}

/// Whether "the" and a verb of `class` come right before byte `at`, the
/// start of an event word: "attended the negotiations" (`attend`),
/// "announcing the visit" (`announce`).
pub(crate) fn verb_of_before(r: &Reading, dict: &Dictionaries, at: usize, class: Class) -> bool {
    let before = r.text[..at].trim_end();
    let Some(verb) = before.strip_suffix(" the") else { return false };
    let v = verb.as_bytes();
    dict.index().words_of(class).any(|a| {
        v.len() > a.len()
            && v[v.len() - a.len() - 1] == b' '
            && v[v.len() - a.len()..].eq_ignore_ascii_case(a.as_bytes())
    })
}

pub(crate) fn status_cue_before(r: &Reading, dict: &Dictionaries, i: usize, reach: usize) -> Option<Status> {
    let status = |w: &entities::Found| {
        // "On May 9": the month of a date is no modal "may".
        let month = r.text[w.start..].starts_with(|c: char| c.is_uppercase())
            && r.dates.iter().any(|d| d.start <= w.start && w.end <= d.end);
        if month {
            return None;
        }
        // "the decision to accept or reject the talks": a refusal offered as
        // one of two choices refuses nothing yet.
        let alternative = || {
            let k = r.tok_at(w.start);
            r.word_before(w.start) == "or"
                || r.toks.get(r.tok_at(w.end)).is_some_and(|t| t.lower == "or" && t.start > k)
        };
        // "refused to meet X", "his refusal to travel to Y", "declined to
        // attend the talks": a refusal of an infinitive refuses the event
        // only when the infinitive is the event's own word or a verb of
        // taking part in it ("declined to comment on the talks" refuses none).
        // So does a refusal "at" a gerund ("had baulked at meeting him").
        let refuses = || {
            let cue = &r.text.as_bytes()[w.start..w.end];
            !(cue.ends_with(b" to") || cue.ends_with(b" at"))
                || w.end > i
                || r.text.get(w.end..i).is_some_and(|gap| {
                    gap.trim().is_empty()
                        || gap.split_whitespace().count() <= 4 && verb_of_before(r, dict, i, Class::Attend)
                })
        };
        entities::cues(dict, w)
            .find_map(|c| if let CueKind::Status(s) = c { Some(s) } else { None })
            .filter(|&s| s != Status::Refused || !alternative() && refuses())
    };
    let cue = r
        .words
        .iter()
        .filter(|w| {
            w.end <= i
                && i - w.end <= reach
                && !r.clause_break(w.end, i)
                && !gerund_between(r, w.end, i)
                && !time_anchor_between(r, w.end, i)
        })
        .rev()
        .find_map(status);
    let after = || {
        // "the talks should resume", "the conference was postponed": a modal
        // or a verb of calling off right after the noun, in its clause.
        let k = r.tok_at(i);
        let end = r.toks.get(k..).and_then(|t| t.iter().find(|t| t.start >= i)).map(|t| t.end)?;
        r.words
            .iter()
            .filter(|w| w.start >= end && r.text[end..w.start].split_whitespace().count() <= 2)
            .filter(|w| !r.clause_break(end, w.start) && !r.text[end..w.start].contains(','))
            // Not a purpose ("met on Monday to discuss"): that is what the meeting is for.
            .filter(|w| !r.text[w.start..w.end].starts_with("to "))
            .find_map(status)
    };
    // "agreed Thursday to lead talks": a day between a cue's verb and its
    // "to" splits the cue ("agreed to") without changing it.
    let split = || {
        r.dates.iter().filter(|d| d.start > 0 && d.end <= i && i - d.end <= reach).find_map(|d| {
            r.text[d.end..].strip_prefix(" to ")?;
            if r.clause_break(d.end, i) || gerund_between(r, d.end, i) || time_anchor_between(r, d.end, i) {
                return None;
            }
            let verb = r.text[..d.start].trim_end().rsplit(' ').next()?;
            let phrase = format!("{} to", verb.to_lowercase());
            let found = dict.index().words(&phrase);
            let whole = found.iter().find(|f| f.start == 0 && f.end == phrase.len())?;
            let status =
                entities::cues(dict, whole).find_map(|c| if let CueKind::Status(s) = c { Some(s) } else { None });
            status
        })
    };
    let cue = cue.or_else(split);
    match cue {
        // "the planned talks were postponed": calling the meeting off
        // outranks the planning its noun phrase tells of.
        Some(Status::Planned) => after().filter(|&s| s == Status::Cancelled).or(cue),
        Some(_) => cue,
        None => after(),
    }
}

/// Whether a preposition that dates one thing by another ("after",
/// "following", "since") stands between bytes `from` and `to`: in "a meeting
/// was planned immediately after the October talks" the cue governs the
/// meeting, and the talks it is dated by are its anchor, not what it plans.
fn time_anchor_between(r: &Reading, from: usize, to: usize) -> bool {
    r.toks[r.tok_at(from)..]
        .iter()
        .take_while(|t| t.end <= to)
        .any(|t| matches!(t.lower, "after" | "following" | "since"))
}

/// Whether a gerund after a preposition of time opens a clause of its own
/// between bytes `from` and `to`: "will meet after holding talks last week"
/// tells of talks that the "will" before them does not govern.
fn gerund_between(r: &Reading, from: usize, to: usize) -> bool {
    let k = r.tok_at(from);
    r.toks[k..].windows(2).take_while(|w| w[1].end <= to).any(|w| {
        matches!(w[0].lower, "after" | "before" | "since") && w[1].lower.len() > 5 && w[1].lower.ends_with("ing")
    })
}

/// Whether a "since" stands between bytes `from` and `to`: "his first trip
/// abroad since the war broke out in April" dates the war, where the span the
/// trip is the first of starts, never the trip.
pub(crate) fn since_between(r: &Reading, from: usize, to: usize) -> bool {
    r.toks[r.tok_at(from)..].iter().take_while(|t| t.end <= to).any(|t| t.lower == "since")
}

/// The date expression that belongs to a trigger at `start..end`: right after it
/// in the same clause, or right before it ("next week's talks").
pub(crate) fn date_near<'r>(
    r: &'r Reading,
    dict: &Dictionaries,
    start: usize,
    end: usize,
    after_reach: usize,
) -> Option<&'r TimeExpr> {
    let after = r
        .dates
        .iter()
        // "a visit to the east of the country, which was scheduled for
        // Monday": a relative clause of holding reaches further.
        .filter(|d| !d.since && d.start >= end && d.start - end <= 2 * after_reach)
        .filter(|d| {
            d.start - end <= after_reach && !r.clause_break(end, d.start) || holding_clause(r, dict, end, d.start)
        })
        .filter(|d| !closes_fronted_phrase(r, end, d.start))
        .filter(|d| !quoted_apart(r, start, d.start))
        .filter(|d| !since_between(r, end, d.start))
        .filter(|d| !possessive_of_another(r, d, start))
        .filter(|d| !premodifies_another(r, dict, d, start))
        .min_by_key(|d| d.start);
    let before = r
        .dates
        .iter()
        .filter(|d| !d.since && d.end <= start && !r.clause_break(d.end, start))
        .filter(|d| !possessive_of_another(r, d, start))
        .filter(|d| !premodifies_another(r, dict, d, start))
        .filter(|d| {
            let gap = &r.text[d.end..start];
            start - d.end <= 14 || possessive_premodifies(gap) || attends_an_occasion(gap)
        })
        .filter(|d| !quoted_apart(r, start, d.start))
        .filter(|d| !in_relative_aside(r, d, start))
        // "WASHINGTON, May 9 (Reuters) - Talks ...": a dateline's date is the
        // report's, closed off by its dash.
        .filter(|d| {
            let gap = &r.text[d.end..start];
            !gap.contains(" - ") && !gap.contains(['\u{2014}', '\u{2013}'])
        })
        // "arrived on Thursday for the talks": the date of the verb, not of the
        // talks the noun refers back to (but "met on Monday for talks" is one).
        .filter(|d| {
            let mut gap = r.text[d.end..start].split_whitespace();
            !(gap.next().is_some_and(|w| PREPOSITIONS.contains(&w)) && gap.next().is_some_and(|w| w == "the"))
        })
        .max_by_key(|d| d.end);
    match (before, after) {
        (Some(b), Some(a)) => Some(if start - b.end <= a.start - end { b } else { a }),
        (b, a) => b.or(a),
    }
}

/// Whether a date with no preposition premodifies a `conflict` noun or a
/// `thing_head` noun other than the trigger at byte `start` (names may stand
/// between): "to uphold the October ceasefire", "implementing the 2015
/// agreement", "the 2015 Minsk agreement" date what is talked about, not the
/// talks ("the October ceasefire talks" are the trigger's own).
fn premodifies_another(r: &Reading, dict: &Dictionaries, d: &TimeExpr, start: usize) -> bool {
    if d.prep.is_some() {
        return false;
    }
    let index = dict.index();
    let head = |t: &crate::extract::tokens::Tok| {
        index.is_word_of(t.lower, Class::Conflict) || index.is_word_of(t.lower, Class::ThingHead)
    };
    let mut k = r.tok_at(d.end);
    let mut names = 0;
    while r.toks.get(k).is_some_and(|t| t.kind == TokKind::Word && t.text.starts_with(char::is_uppercase) && !head(t))
        && names < 2
    {
        names += 1;
        k += 1;
    }
    let Some(t) = r.toks.get(k) else { return false };
    if !head(t) {
        return false;
    }
    // The run of such nouns ("ceasefire agreement") must not end on the trigger.
    while r.toks.get(k).is_some_and(|t| head(t) && t.start != start) {
        k += 1;
    }
    r.toks.get(k).is_none_or(|t| t.start != start)
}

/// Whether a date at byte `at`, after a trigger that ends at `end`, stands
/// past a participle of another noun (a reduced relative clause of it):
/// "the talks were part of the agreement signed between X and Y on
/// February 29", "their second meeting there, the other occurring in May
/// 2017". That date is the participle's. Not a participle right after the
/// trigger, which is its own ("talks hosted by Egypt on Sunday"), nor one
/// after an auxiliary, a pronoun or an adverb ("the talks were finally
/// concluded on Monday"), nor one of holding or moving ("talks in Geneva
/// postponed until Monday").
pub(crate) fn past_another_participle(r: &Reading, dict: &Dictionaries, end: usize, at: usize) -> bool {
    let index = dict.index();
    let (lo, hi) = (r.tok_at(end), r.tok_at(at));
    let gap = &r.toks[lo..(hi + 1).min(r.toks.len()).max(lo)];
    gap.windows(3).any(|w| {
        let (noun, verb, next) = (&w[0], &w[1], &w[2]);
        // A participle that takes a phrase of its own, not an adjective
        // before a noun ("warring rivals", "the ruling party").
        let governs = next.start >= at || matches!(next.lower, "in" | "on" | "at" | "by" | "between" | "with" | "during");
        let participle = verb.kind == TokKind::Word
            && verb.lower.len() > 5
            && (verb.lower.ends_with("ed") || verb.lower.ends_with("ing"))
            && verb.text.starts_with(|c: char| c.is_lowercase())
            && !index.is_word_of(verb.lower, Class::Holding)
            && !index.is_word_of(verb.lower, Class::OwnParticiple)
            // "talks between X and Y started in Kuwait on Saturday": the
            // meeting's own verb, past its noun phrase.
            && ![Class::Reschedule, Class::Onset, Class::Ending, Class::Attend].into_iter().any(|c| index.is_word_of(verb.lower, c));
        let nominal = noun.kind == TokKind::Word
            && !noun.lower.ends_with("ly")
            && !matches!(noun.lower, "who" | "which" | "that" | "and" | "or" | "but" | "not" | "to" | "be" | "been")
            && ![Class::Auxiliary, Class::BeforeVerb, Class::Pronoun, Class::Determiner]
                .into_iter()
                .any(|c| index.is_word_of(noun.lower, c));
        participle && nominal && governs
    })
}

/// Whether the text between a date and a trigger noun says where the
/// clause's subject is on that day, past up to three modifiers: "on Sunday
/// at a special peace summit", "on Friday at an emergency meeting". Not
/// "arrived on Thursday for the talks", which dates the arrival.
fn attends_an_occasion(gap: &str) -> bool {
    let mut words = gap.split_whitespace();
    matches!(words.next(), Some("at" | "during"))
        && matches!(words.next(), Some("a" | "an"))
        && words.clone().count() <= 3
        && words.all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// Whether the text between a date and a trigger noun makes the date the
/// noun's possessive, past at most two modifiers: "Saturday's international
/// meeting", "today's Intra-Afghan negotiations", "last week's talks".
fn possessive_premodifies(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix("'s ").or_else(|| gap.strip_prefix("\u{2019}s ")) else { return false };
    rest.split_whitespace().count() <= 2 && rest.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
}

/// Whether the date `d` stands in the possessive before a noun other than
/// the trigger at `start` ("this year's chair of the bloc held talks",
/// "Monday's vote"): it dates that noun only, not the event.
pub(crate) fn possessive_of_another(r: &Reading, d: &TimeExpr, start: usize) -> bool {
    let rest = &r.text[d.end..];
    (rest.starts_with("'s ") || rest.starts_with("\u{2019}s "))
        && !(d.end <= start && possessive_premodifies(&r.text[d.end..start]))
}

/// "The envoys, who landed late on Saturday, will meet the council head": a
/// date inside a relative clause set off by commas dates that clause, not
/// the main clause the trigger at `at` stands in after it.
fn in_relative_aside(r: &Reading, d: &TimeExpr, at: usize) -> bool {
    if !r.text[d.end..at].contains(',') {
        return false;
    }
    let k = r.tok_at(d.start);
    let comma = r.toks[..k].iter().rposition(|t| t.kind == TokKind::Punct && t.text == ",");
    comma.is_some_and(|c| r.toks.get(c + 1).is_some_and(|t| matches!(t.lower, "who" | "which" | "whose")))
}

/// Whether a trigger at `at` stands in a quote that the date at `d` is
/// outside of: '"On Thursday, X will arrive in Kyiv," Y wrote on Tuesday'
/// dates the arrival by the quote's own Thursday, never by the day the
/// quote was written.
fn quoted_apart(r: &Reading, at: usize, d: usize) -> bool {
    let quote_of = |i: usize| r.quotes.iter().position(|&(s, e)| s <= i && i < e);
    quote_of(at).is_some_and(|q| quote_of(d) != Some(q))
}

/// A date that heads the sentence and closes its fronted phrase with a comma
/// ("In April, X met Y in Damascus", "On Tuesday (October 27), Zarif held a
/// phone conversation", "Late last night, after hours of talks, Leon said"):
/// it dates the main clause, so the event at `at` when no clause break (a
/// "said", a "which", a ';') lies between the comma and it.
pub(crate) fn fronted_date<'r>(r: &'r Reading, at: usize) -> Option<&'r TimeExpr> {
    // At most two words before it: "Late", "But on", "And in".
    let d = r.dates.first().filter(|d| d.start <= 24 && !d.since && d.end <= at)?;
    if r.text[..d.start].split_whitespace().nth(2).is_some()
        || (r.in_quote(d.start) && (!r.in_quote(at) || quoted_apart(r, at, d.start)))
    {
        return None;
    }
    let mut rest = r.text[d.end..].trim_start();
    // "On Tuesday (October 27),": a parenthesis restating the date.
    if rest.starts_with('(') {
        rest = rest.find(')').map_or("", |i| rest[i + 1..].trim_start());
    }
    let comma = r.text.len() - rest.len();
    (rest.starts_with(',') && comma < at && !r.clause_break(comma, at)).then_some(d)
}

/// Whether the text from a trigger's end to `at` is the trigger's own
/// relative clause of holding: "the summit, which will be held in Jeddah
/// on May 19", "talks with the RRF, which are scheduled to take place on
/// Wednesday in Geneva", "a visit to the east, which was scheduled for
/// Monday". Its date and place are the event's.
pub(crate) fn holding_clause(r: &Reading, dict: &Dictionaries, end: usize, at: usize) -> bool {
    let gap = &r.text[end..at];
    // "the talks, which will be held", "the meetings that had been
    // scheduled to be held", or a participle alone: "the talks, scheduled
    // for July 25,".
    let relative = [", which ", ", that ", " which ", " that "].iter().find_map(|p| gap.find(p).map(|k| (k, p.len())));
    let participle = || {
        let rest = gap.strip_prefix(", ")?;
        let first = rest.split_whitespace().next()?;
        dict.index().is_word_of(&lower_cow(first), Class::ReducedHolding).then_some((0, 2))
    };
    let Some((k, skip)) = relative.or_else(participle) else { return false };
    if separates_clauses(&gap[..k]) || gap[..k].contains(',') {
        return false;
    }
    // The clause from its pronoun on (or its participle).
    let clause = &gap[k + skip..];
    let at_word = |w: &str| end + k + skip + (w.as_ptr() as usize - clause.as_ptr() as usize);
    let reduced = relative.is_none();
    let mut words = clause.split_whitespace();
    let mut held = reduced;
    let plain = words.all(|w| {
        let lower = lower_cow(w);
        // "which was scheduled for Monday": a schedule says when it is held.
        held |= dict.index().is_word_of(&lower, Class::HoldingHeld);
        let i = at_word(w);
        dict.index().is_word_of(&lower, Class::Holding)
            || r.places.iter().any(|p| p.start <= i && i < p.end)
            || r.dates.iter().any(|d| d.start <= i && i < d.end)
    });
    plain && held && !clause.contains([',', ';'])
}

/// Prepositions that put a date before a trigger noun in another phrase.
const PREPOSITIONS: &[&str] = &["for", "at", "in", "with", "of", "after", "before", "during"];

pub(crate) fn place_near<'r>(
    r: &'r Reading,
    dict: &Dictionaries,
    start: usize,
    end: usize,
    reach: usize,
) -> Option<&'r PlaceSpan> {
    let after = place_after(r, dict, end, reach, false);
    // "the Rome meeting", "Geneva talks"; but a country there is the topic
    // ("Syria talks", "Yemen peace talks in Geneva").
    // "the Astana Syria talks": a city before a country before the trigger.
    let right_before = |p: &PlaceSpan, at: usize| p.end <= at && at - p.end <= 1;
    let before = r.places.iter().find(|p| {
        !p.adjective
            && !p.country
            && (right_before(p, start)
                || r.places
                    .iter()
                    .any(|q| q.country && q.start > p.end && right_before(q, start) && q.start - p.end <= 1))
    });
    before.or(after)
}

/// The place `place_near` would take after the trigger but for its lying
/// inside what is talked about ("held talks over the stalemate at X"): no
/// venue, yet it tells that the talks were about something in particular.
pub(crate) fn topic_place_near<'r>(
    r: &'r Reading,
    dict: &Dictionaries,
    end: usize,
    reach: usize,
) -> Option<&'r PlaceSpan> {
    place_after(r, dict, end, reach, true)
}

/// The first place after byte `end` that may be a venue; with `topical`,
/// the first that would be but for lying in a topic phrase (`in_topic_phrase`).
fn place_after<'r>(
    r: &'r Reading,
    dict: &Dictionaries,
    end: usize,
    reach: usize,
    topical: bool,
) -> Option<&'r PlaceSpan> {
    r.places
        .iter()
        // A date between counts for nothing ("held a meeting and discussions
        // on Thursday, January 24, with the ambassadors ... in Kabul").
        // Nor do the names of those met ("met with a team of X negotiators at
        // the opening of the Y Negotiations in Qatar"): a list of names runs
        // long without leaving the clause.
        .filter(|p| {
            !p.adjective
                && p.start >= end
                && (p.start - end).saturating_sub(dated_bytes(r, end, p.start) + named_bytes(r, end, p.start)) <= reach
        })
        .filter(|p| !r.clause_break(end, p.start) || holding_clause(r, dict, end, p.start))
        .filter(|p| !is_possessor(r, p) && locative(r, p.start) && !modifies_a_noun(r, p))
        // "ways of resolving the crisis in Syria": what is talked about.
        .filter(|p| !follows_topic_word(r, r.tok_at(p.start)))
        // "talks over the current stalemate at X", "rivals in the X
        // conflict": a place inside what is talked about.
        .filter(|p| in_topic_phrase(r, dict, end, p) == topical)
        // "the Yemen government delegation": part of an actor's name, no venue.
        .filter(|p| !r.actors.iter().any(|a| a.start <= p.start && p.end <= a.end && a.end > p.end))
        // "the UN Support Mission in Libya": a country after a capitalised
        // organisation head and "in" ends the body's name, and is no venue.
        .filter(|p| !(p.country && names_a_body(r, p.start)))
        // "the International Conference on the X Region in Y": a place after
        // "of/on/for the" and a capitalised word ends a body's name, no venue.
        // (A country there is left to the rules above: "the President of the X".)
        .filter(|p| p.country || !closes_a_name(r, p.start))
        // "rebel groups operating in Darfur": the place of a participle of
        // its own, no venue ("taking place in", "being held in" are).
        .filter(|p| !participle_before(r, dict, end, p.start))
        .filter(|p| !closes_fronted_phrase(r, end, p.start))
        // '"... these meetings won't succeed," he told AFP at Kabul airport':
        // a quote's talks are not placed by its attribution.
        .filter(|p| !r.in_quote(end) || r.in_quote(p.start))
        .min_by_key(|p| p.start)
}

/// Whether a place after byte `end` lies inside what is talked about rather
/// than where the talking is: it heads a `conflict` noun ("rivals in the X
/// conflict", "the X war"), or it closes a common noun phrase that a `topic`
/// word opens ("over the current stalemate at X", "on the coastal province
/// of X"): only lower-case words, no comma, no "and" and no preposition but
/// "of" lie between the topic word and the place's own preposition. A name
/// there ("talks on X in Y") closes the topic, and Y is the venue.
fn in_topic_phrase(r: &Reading, dict: &Dictionaries, end: usize, p: &PlaceSpan) -> bool {
    if r.toks.get(r.tok_at(p.end)).is_some_and(|t| dict.index().is_word_of(t.lower, Class::Conflict)) {
        return true;
    }
    let k = r.tok_at(p.start);
    let lo = r.tok_at(end);
    // Not after "in": "talks on a new constitution in Geneva" are held in
    // Geneva; but "talks on the truce in X" are about the fighting there.
    let fighting_in =
        k >= 2 && r.toks[k - 1].lower == "in" && dict.index().is_word_of(r.toks[k - 2].lower, Class::Conflict);
    if k < lo + 3 || !(fighting_in || matches!(r.toks[k - 1].lower, "at" | "of" | "near")) {
        return false;
    }
    let mut nouns = 0;
    for j in (lo..k - 1).rev() {
        // A `topic` phrase ending right here opens the noun phrase.
        if nouns > 0
            && (j.saturating_sub(2)..=j).any(|s| {
                r.classes
                    .get(s)
                    .copied()
                    .flatten()
                    .is_some_and(|(set, e)| e == j + 1 && set.iter().any(|c| c == WordClass::Topic))
            })
        {
            return true;
        }
        let t = &r.toks[j];
        // "the war in X's northern region of Y": a possessor place (and its
        // "'s") stands in the noun phrase as an adjective would.
        let possessor = r.places.iter().any(|q| q.start <= t.start && t.start < q.end + 3 && is_possessor(r, q));
        // 'focused on "renewing the truce in X"': a quote mark opens no phrase.
        if possessor || matches!(t.text, "\"" | "\u{201c}") {
            continue;
        }
        let plain = t.kind == TokKind::Word
            && t.text.starts_with(char::is_lowercase)
            && !matches!(t.lower, "and" | "or" | "in" | "at" | "to" | "for" | "with" | "from" | "by" | "near");
        if !plain {
            return false;
        }
        if t.lower != "of" && !dict.index().is_word_of(t.lower, Class::Determiner) {
            nouns += 1;
        }
    }
    false
}

/// The bytes of the dates that lie wholly between bytes `a` and `b`.
pub(crate) fn dated_bytes(r: &Reading, a: usize, b: usize) -> usize {
    r.dates.iter().filter(|d| a <= d.start && d.end <= b).map(|d| d.end - d.start).sum()
}

/// The bytes of the actors' proper names (not their descriptions or roles)
/// that lie wholly between bytes `a` and `b` (nested names counted once).
pub(crate) fn named_bytes(r: &Reading, a: usize, b: usize) -> usize {
    let mut seen = a;
    let mut sum = 0;
    let named = |n: &&ActorSpan| {
        matches!(n.how, super::reading::How::Name | super::reading::How::Short) && a <= n.start && n.end <= b
    };
    for n in r.actors.iter().filter(named) {
        if n.start >= seen {
            sum += n.end - n.start;
            seen = n.end;
        } else if n.end > seen {
            sum += n.end - seen;
            seen = n.end;
        }
    }
    sum
}

/// The place a venue lies in, told by an apposition after it: "at Blair
/// House, a state guest house in Washington" (a venue, then a comma, a
/// determiner, a few lower-case words and a `locative` of place: "in",
/// "near"), or by a caption's date between commas ("at Blair House, Nov 7,
/// 2022, in Washington").
pub(crate) fn apposed_location<'r>(r: &'r Reading, dict: &Dictionaries, venue: &str) -> Option<&'r PlaceSpan> {
    // A one-word `locative` of place ("in", "near", "outside"), as data/words.tsv lists them.
    let locative = |k: usize| {
        r.classes.get(k).copied().flatten().is_some_and(|(set, e)| {
            e == k + 1 && set.iter().any(|c| matches!(c, WordClass::Locative { motion: false }))
        })
    };
    let p = r.places.iter().find(|p| !p.adjective && *p.name == *venue)?;
    let mut k = r.tok_at(p.end);
    if r.toks.get(k)?.text != "," {
        return None;
    }
    k += 1;
    if let Some(d) = r.dates.iter().find(|d| d.start == r.toks.get(k).map_or(usize::MAX, |t| t.start)) {
        k = r.tok_at(d.end);
        if r.toks.get(k)?.text != "," {
            return None;
        }
        k += 1;
    } else if dict.index().is_word_of(r.toks.get(k)?.lower, Class::Determiner) {
        k += 1;
        k += (k..(k + 6).min(r.toks.len()))
            .take_while(|&j| {
                let t = &r.toks[j];
                t.kind == TokKind::Word && t.text.starts_with(char::is_lowercase) && !locative(j)
            })
            .count();
    } else {
        return None;
    }
    let prep = r.toks.get(k).filter(|_| locative(k))?;
    r.places.iter().find(|q| !q.adjective && r.tok_at(q.start) == k + 1 && q.start > prep.end)
}

/// Whether "in" and a capitalised organisation head ("Mission", "Office")
/// come right before byte `at`: the place there ends the body's name.
fn names_a_body(r: &Reading, at: usize) -> bool {
    let k = r.tok_at(at);
    k >= 2
        && r.toks[k - 1].lower == "in"
        && r.toks[k - 2].text.starts_with(char::is_uppercase)
        && r.classes.get(k - 2).copied().flatten().is_some_and(|(set, _)| set.iter().any(|c| c == WordClass::OrgHead))
}

/// Whether the place at byte `at` follows "the" after "of", "on" or "for"
/// after a capitalised word inside the sentence ("Conference on the X
/// Region", "Community of the X States"): the last words of a name.
fn closes_a_name(r: &Reading, at: usize) -> bool {
    let k = r.tok_at(at);
    k >= 4
        && r.toks[k - 1].lower == "the"
        && matches!(r.toks[k - 2].lower, "of" | "on" | "for")
        && r.toks[k - 3].kind == TokKind::Word
        && r.toks[k - 3].text.starts_with(char::is_uppercase)
        && !r.places.iter().any(|p| p.start <= r.toks[k - 3].start && r.toks[k - 3].start < p.end)
}

/// Whether the comma that closes a fronted phrase holding the trigger ("Ahead
/// of the talks, women staged a protest in Kabul"; opened by an `OCCASION`
/// preposition or "despite") lies between the trigger's end and byte `at`:
/// what follows is the main clause's.
fn closes_fronted_phrase(r: &Reading, end: usize, at: usize) -> bool {
    r.toks.first().is_some_and(|t| OCCASION.contains(&t.lower) || t.lower == "despite")
        && r.text[..end].find(',').is_none()
        && r.text[end..at].contains(',')
}

/// Whether a place after "the" modifies the noun after it ("progress of the
/// X settlement", "the X Peace Formula"): what is talked about, no venue.
fn modifies_a_noun(r: &Reading, p: &PlaceSpan) -> bool {
    const FUNCTION: &[&str] =
        &["on", "in", "at", "for", "to", "and", "or", "with", "of", "from", "by", "after", "before"];
    let k = r.tok_at(p.start);
    r.word_before(p.start) == "the"
        && !(k >= 2 && ["in", "at", "near", "inside", "outside", "to"].contains(&r.toks[k - 2].lower))
        && r.toks.get(r.tok_at(p.end)).is_some_and(|t| {
            // A country only before a name ("the X Peace Formula"): "with the
            // X opposing" is a clause of its own.
            // ("the X of America Joe Biden" names a person after it).
            // So is one before the head of a name in lower case ("the X
            // initiative", "the X war").
            let noun = if p.country {
                t.text.starts_with(char::is_uppercase)
                    && !r.actors.iter().any(|a| a.person() && a.start <= t.start && t.start < a.end)
                    || r.classes.get(r.tok_at(p.end)).copied().flatten().is_some_and(|(set, _)| {
                        set.iter().any(|c| matches!(c, WordClass::OrgHead | WordClass::ThingHead))
                    })
            } else {
                !FUNCTION.contains(&t.lower)
            };
            t.kind == crate::extract::tokens::TokKind::Word && noun
        })
}

/// Whether a participle ending in -ing, not one of holding, stands right
/// before the preposition before byte `at` and after byte `end`: "groups
/// operating in Darfur", but not "talks taking place in Geneva".
fn participle_before(r: &Reading, dict: &Dictionaries, end: usize, at: usize) -> bool {
    let mut before = r.text[end..at].split_whitespace().rev();
    let (Some(_prep), Some(verb)) = (before.next(), before.next()) else { return false };
    let verb = lower_cow(verb);
    // "the ambassadors of regional countries residing in Kabul": where
    // those met live is where they were met, as "based in Kabul" is.
    verb.len() > 5
        && !dict.index().is_word_of(&verb, Class::Residing)
        && verb.ends_with("ing")
        && !dict.index().is_word_of(&verb, Class::Holding)
        && !["meeting", "opening", "beginning", "starting", "resuming", "convening", "continuing"].contains(&&*verb)
}

/// The seat of an institution the talks are held at ("at the Kremlin", "at
/// the White House"): the capital of its state, when no place is named; or,
/// for a body of no state ("talks at the UN"), its headquarters when
/// `data/places.tsv` has that venue ("United Nations headquarters").
pub(crate) fn seat_near(r: &Reading, dict: &Dictionaries, end: usize, reach: usize) -> Option<String> {
    let index = dict.index();
    let a = r
        .actors
        .iter()
        .filter(|a| a.start >= end && a.start - end <= reach && !r.clause_break(end, a.start))
        .filter(|a| matches!(a.kind, EntityKind::Government | EntityKind::Organisation))
        .find(|a| {
            let before = r.text[..a.start].trim_end();
            let before = before.strip_suffix("the").unwrap_or(before).trim_end();
            before.ends_with(" at") || before == "at"
        })?;
    match a.country.as_deref() {
        Some(c) => index.capital_of(c).map(|p| index.place_name(p).to_string()),
        None => headquarters_of(dict, &a.name).map(String::from),
    }
}

/// The headquarters of a body, a venue of `data/places.tsv` named after it
/// ("United Nations headquarters", "African Union headquarters").
pub(crate) fn headquarters_of<'d>(dict: &'d Dictionaries, body: &str) -> Option<&'d str> {
    let i = dict.index().place_named(&format!("{body} headquarters"))?;
    (dict.places[i].kind == crate::dict::PlaceKind::Venue).then(|| dict.places[i].name.as_str())
}

/// Whether a place at `i` follows a preposition of location ("in Geneva").
pub(crate) fn locative(r: &Reading, i: usize) -> bool {
    let before = r.word_before(i);
    // Not "from": "met a delegation from Sudan in Nairobi" met in Nairobi,
    // and "talks with officials from X" were not held in X.
    const LOCATIVE: &[&str] =
        &["in", "at", "to", "near", "inside", "outside", "across", "throughout", "into", "around"];
    if LOCATIVE.contains(&before) {
        return true;
    }
    // "Talks between the United States, the EU and X will be held in
    // Geneva": a place after "between the" is one of the parties listed.
    if before == "the" {
        let k = r.tok_at(i);
        return k < 2 || r.toks[k - 2].lower != "between";
    }
    // "in the coastal city of Sochi", "the town of X": a place noun before "of".
    before == "of" && {
        let k = r.tok_at(i);
        k >= 2
            && r.classes
                .get(k - 2)
                .copied()
                .flatten()
                .is_some_and(|(set, end)| end == k - 1 && set.iter().any(|c| matches!(c, WordClass::PlaceNoun { .. })))
            // "routes to the besieged city of X": a place where something
            // goes, not where anyone meets.
            && !r.toks[k.saturating_sub(9)..k - 2]
                .iter()
                .rev()
                .take_while(|t| t.kind == crate::extract::tokens::TokKind::Word || t.text == "-")
                .find(|t| matches!(t.lower, "to" | "from" | "into" | "in" | "at" | "near" | "of" | "on"))
                .is_some_and(|t| matches!(t.lower, "to" | "from" | "into"))
    }
}

/// A place followed by 's names an owner ("Russia's envoy"), not a location.
pub(crate) fn is_possessor(r: &Reading, p: &PlaceSpan) -> bool {
    let rest = &r.text[p.end..];
    rest.starts_with("'s") || rest.starts_with("\u{2019}s") || rest.starts_with("-backed")
}

/// Whether a place follows a title's "for" ("the UN Special Envoy for X",
/// "the Special Representative for X"): the title's brief, which names
/// neither where its holder is nor where the holder goes.
pub(crate) fn titles_brief(r: &Reading, p: &PlaceSpan) -> bool {
    let k = r.tok_at(p.start);
    k >= 2
        && r.toks[k - 1].lower == "for"
        && (k.saturating_sub(5)..k - 1).any(|j| {
            r.classes
                .get(j)
                .copied()
                .flatten()
                .is_some_and(|(set, end)| end == k - 1 && set.iter().any(|c| matches!(c, WordClass::Title(_))))
        })
}

/// The tense that places a trigger's date: a planning or proposing cue looks
/// ahead, a trigger that says it happened looks back, else the date's own clause.
pub(crate) fn trigger_tense(
    r: &Reading,
    dict: &Dictionaries,
    at: usize,
    cue: Option<Status>,
    implied: Option<Status>,
    date: Option<&TimeExpr>,
) -> Tense {
    match (cue, implied) {
        // "was due to arrive on Monday": the nearest Monday.
        (Some(Status::Planned), _)
            if date.is_some_and(|d| dates::planned_in_the_past(&r.toks, d.start, &dict.dates)) =>
        {
            Tense::Present
        }
        (Some(Status::Planned) | Some(Status::Proposed), _) => Tense::Future,
        // "cancelled the round that had been scheduled for July 25": the
        // day dropped may lie on either side of publication; the nearest.
        (Some(Status::Cancelled), _) => Tense::Present,
        (_, Some(Status::Happened)) => Tense::Past,
        _ => date
            .map(|d| dates::tense_at_tokens(&r.toks, d.start, d.end, &dict.dates))
            .unwrap_or_else(|| dates::tense_of_tokens(clause_tokens(r, at), &dict.dates)),
    }
}

pub(crate) fn tense_status(tense: Tense) -> Status {
    match tense {
        Tense::Future => Status::Planned,
        _ => Status::Happened,
    }
}

/// Planned when the date is after publication, happened when before.
pub(crate) fn status_from_date(date: Option<DateSpan>, anchor: &Anchor) -> Option<Status> {
    let (d, p) = (date?, anchor.published?);
    if d.start > p {
        Some(Status::Planned)
    } else if d.end < p {
        Some(Status::Happened)
    } else {
        None
    }
}

/// The tokens of the comma-free stretch of the sentence around byte `around`.
pub(crate) fn clause_tokens<'r, 'a>(r: &'r Reading<'a>, around: usize) -> &'r [crate::extract::tokens::Tok<'a>] {
    let start = r.text[..around].rfind([',', ';']).map(|i| i + 1).unwrap_or(0);
    let end = r.text[around..].find([',', ';']).map(|i| around + i).unwrap_or(r.text.len());
    &r.toks[r.tok_at(start)..r.tok_at(end)]
}

/// The participants of talks whose trigger is at `at..end`: the actors of
/// the trigger's clause (and the sentence's subject), but not news agencies,
/// not whoever reports the talks in a closing attribution (", the ministry
/// said"), and not what the talks are about ("talks on Syria", "to discuss
/// Libya"). With none of those, every actor of the sentence but agencies,
/// reporters and topics.
pub(crate) fn participants(r: &Reading, dict: &Dictionaries, at: usize, end: usize, role: Role) -> Vec<EventActor> {
    let reporter = attribution_start(r, dict).unwrap_or(r.text.len());
    let subject = r.main_subject().map(|s| s.start);
    // "refused to meet him despite efforts by X to broker an encounter": an
    // actor past the trigger, the agent ("by") of an effort that a verb of
    // bringing others together follows, makes the effort and is no
    // participant ("a meeting with X to facilitate talks" names one).
    let brokers = |a: &ActorSpan| {
        let (k, mut j) = (r.tok_at(a.end), r.tok_at(a.start));
        if j > 0 && r.toks[j - 1].lower == "the" {
            j -= 1;
        }
        a.start >= end
            && j > 0
            && r.toks[j - 1].lower == "by"
            && r.toks.get(k).is_some_and(|t| t.lower == "to")
            && r.toks.get(k + 1).is_some_and(|t| dict.index().is_word_of(t.lower, Class::Broker))
    };
    let eligible =
        |a: &&ActorSpan| !a.agency() && a.start < reporter && !is_topic(r, a) && !brokers(a) && !dash_aside(r, a);
    // "talks between X, the U.S. envoy; Y and Z; and W": a list, whatever its punctuation.
    let between = r.toks.get(r.tok_at(end)).is_some_and(|t| t.lower == "between");
    let in_clause = |a: &&ActorSpan| {
        let (lo, hi) = if a.end <= at { (a.end, at) } else { (end, a.start) };
        let listed = between && a.start >= end && !r.text[end..a.start].contains(" said");
        // "a meeting in Munich that included Russia", "talks attended by X".
        let included = a.start >= end
            && a.start - end <= 80
            && !r.text[end..a.start].contains([',', ';'])
            && class_between(r, end, a.start, |c| c == WordClass::Joins { companion: false });
        // "Obasanjo, who left on Thursday after meeting Abiy": the relative
        // clause's antecedent is its subject.
        let relative = a.end <= at && {
            let gap = r.text[a.end..at].trim_start_matches(',').trim_start();
            // The comma that closes the relative clause may stand before the
            // verb and its auxiliary ("X who arrived on Sunday, has met Y").
            let g = gap.strip_prefix("who ").map(|g| match g.rsplit_once(", ") {
                Some((inner, verb)) if verb.split_whitespace().count() <= 2 && !verb.contains(',') => inner,
                _ => g,
            });
            g.is_some_and(|g| !g.contains([',', ';']) && !separates_clauses(g))
        };
        Some(a.start) == subject || lo >= hi || listed || included || relative || !breaks_past_aside(r, dict, lo, hi)
    };
    let mut out: Vec<EventActor> = Vec::new();
    let push = |a: &ActorSpan| {
        if !out.iter().any(|o| *o.name == *a.name) {
            out.push(EventActor { name: a.name.to_string(), role });
        }
    };
    let clause: Vec<&ActorSpan> = r.actors.iter().filter(eligible).filter(in_clause).collect();
    if clause.is_empty() {
        r.actors.iter().filter(eligible).for_each(push);
    } else {
        clause.into_iter().for_each(push);
    }
    out
}

/// "met Speaker X - a close ally of the Y group - among others": an actor
/// inside an aside set off by two dashes that opens in lower case (a
/// description of the name before it) is no participant.
fn dash_aside(r: &Reading, a: &ActorSpan) -> bool {
    const DASHES: [&str; 3] = [" - ", " \u{2013} ", " \u{2014} "];
    let before = &r.text[..a.start];
    let Some((open, len)) = DASHES.iter().filter_map(|d| before.rfind(d).map(|i| (i, d.len()))).max() else {
        return false;
    };
    let aside = &r.text[open + len..a.start];
    aside.starts_with(|c: char| c.is_lowercase())
        && !aside.contains([',', ';'])
        && DASHES.iter().any(|d| r.text[a.end..].contains(d))
}

/// "Another Afghan delegation", "the Tigrayan negotiators": a delegation
/// that a sentence names by whom it is sent for ("Afghanistan") is also who
/// travels and talks, as the text describes it; None when the span is no
/// delegation or its words are the actor's name.
pub(crate) fn delegation_as_written<'r>(r: &'r Reading, a: &ActorSpan) -> Option<&'r str> {
    let (lo, hi) = (r.tok_at(a.start), r.tok_at(a.end));
    let delegation = (lo..hi).any(|k| {
        r.classes
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|(set, e)| e == hi && set.iter().any(|c| c == WordClass::Delegation))
    });
    let written = r.text.get(a.start..a.end)?;
    let written =
        ["the ", "The ", "a ", "A ", "an ", "An "].iter().find_map(|d| written.strip_prefix(d)).unwrap_or(written);
    (delegation && hi - lo >= 2 && *a.name != *written).then_some(written)
}

/// The delegations of a sentence that stand for actors of `ev`, as the
/// text describes them (see `Candidate::described`).
pub(crate) fn described_delegations(r: &Reading, ev: &Event) -> Vec<(String, String)> {
    r.actors
        .iter()
        .filter(|a| ev.actors.iter().any(|x| *x.name == *a.name))
        .flat_map(|a| {
            let written = delegation_as_written(r, a).or_else(|| official_as_written(r, a));
            let short = acronym_as_written(r, a).filter(|s| Some(*s) != written);
            [written, short].into_iter().flatten().map(|w| (a.name.to_string(), w.to_string()))
        })
        .collect()
}

/// "talks with STC", "the DRC government": a body or country the text
/// names by an acronym that its name does not spell out is also described
/// as written, since readers (and reports of the same body) know it by that
/// short form as much as by its full name. None for people, for spans with
/// no acronym, and for acronyms the name holds ("NATO").
pub(crate) fn acronym_as_written<'r>(r: &'r Reading, a: &ActorSpan) -> Option<&'r str> {
    if a.person() || a.agency() || matches!(a.how, super::reading::How::Pronoun | super::reading::How::Description) {
        return None;
    }
    let (lo, hi) = (r.tok_at(a.start), r.tok_at(a.end));
    let acronym = r.toks.get(lo..hi)?.iter().any(|t| {
        t.kind == TokKind::Word && entities::names::spells_acronym(std::iter::once(t.text)) && !a.name.contains(t.text)
    });
    let written = r.text.get(a.start..a.end)?;
    let written = ["the ", "The "].iter().find_map(|d| written.strip_prefix(d)).unwrap_or(written);
    (acronym && *a.name != *written).then_some(written)
}

/// "ASEAN special envoy", "the African Union's envoy": a body's official
/// the text names by title only stands in the body's place, and is
/// described as written beside it. None when a name follows the title
/// (that person is the actor) or no title follows the body.
pub(crate) fn official_as_written<'r>(r: &'r Reading, a: &ActorSpan) -> Option<&'r str> {
    if a.person() || a.agency() || a.how == super::reading::How::Pronoun {
        return None;
    }
    let mut k = r.tok_at(a.end);
    // The body's possessive: "the African Union's special envoy".
    if r.toks.get(k).is_some_and(|t| matches!(t.text, "'" | "\u{2019}"))
        && r.toks.get(k + 1).is_some_and(|t| t.lower == "s")
    {
        k += 2;
    }
    let (set, end) = r.classes.get(k).copied().flatten()?;
    if !set.iter().any(|c| matches!(c, WordClass::Title(_))) {
        return None;
    }
    let named =
        r.toks.get(end).is_some_and(|t| t.kind == TokKind::Word && t.text.starts_with(|c: char| c.is_uppercase()));
    let title_end = r.toks[end - 1].end;
    // ... nor when it stands in apposition to a name ("X, ASEAN's envoy").
    let apposition = |p: &ActorSpan| {
        let gap = r.text.get(p.end..a.start).unwrap_or("").trim();
        p.end <= a.start && ["the", "The"].iter().find_map(|d| gap.strip_suffix(d)).unwrap_or(gap).trim() == ","
    };
    if named || r.actors.iter().any(|p| p.person() && ((p.start >= a.end && p.start <= title_end) || apposition(p))) {
        return None;
    }
    let written = r.text.get(a.start..title_end)?;
    Some(["the ", "The "].iter().find_map(|d| written.strip_prefix(d)).unwrap_or(written))
}

/// Whether the text between bytes `lo` and `hi` crosses into another
/// clause once an attribution set off by commas is left out: in "X arrived
/// in the capital, state media said on Sunday, to negotiate with Y" X is who
/// negotiates. The aside is short (at most eight words) and holds a speech
/// verb.
pub(crate) fn breaks_past_aside(r: &Reading, dict: &Dictionaries, lo: usize, hi: usize) -> bool {
    if !r.clause_break(lo, hi) {
        return false;
    }
    let gap = &r.text[lo..hi];
    let (Some(open), Some(close)) = (gap.find(','), gap.rfind(',')) else { return true };
    if open == close {
        return true;
    }
    let aside = &gap[open + 1..close];
    let (from, to) = (lo + open, lo + close);
    let speech = r.words.iter().any(|w| {
        w.start > from && w.end <= to && entities::has_trigger(dict, w, Kind::Statement, TriggerRole::Trigger)
    });
    aside.split_whitespace().count() > 8
        || aside.contains([';', '"', '\u{201c}'])
        || !speech
        || r.clause_break(lo, lo + open)
        || r.clause_break(lo + close + 1, hi)
}

/// Whether an actor is what is talked about: right after "on", "about",
/// "over", "discuss", "the situation in" and the like (`topic` words).
fn is_topic(r: &Reading, a: &ActorSpan) -> bool {
    let k = r.tok_at(a.start);
    let after_topic_word = |k: usize| follows_topic_word(r, k);
    if after_topic_word(k) {
        return true;
    }
    // "the situation in Syria and Ukraine": the next of a coordination too.
    let before = r.text[..a.start].trim_end();
    let Some(stem) = before.strip_suffix(" and").or_else(|| before.strip_suffix(',')) else { return false };
    r.actors.iter().find(|p| p.end == stem.trim_end().len()).is_some_and(|p| after_topic_word(r.tok_at(p.start)))
}

/// Whether a phrase of a word class `is` lies whole between bytes `from` and `to`.
pub(crate) fn class_between(r: &Reading, from: usize, to: usize, is: impl Fn(WordClass) -> bool) -> bool {
    let (lo, hi) = (r.tok_at(from), r.tok_at(to));
    (lo..hi).any(|k| r.classes.get(k).copied().flatten().is_some_and(|(set, end)| end <= hi && set.iter().any(&is)))
}

/// Whether a `topic` word ("discussed") starts at token `k`.
pub(crate) fn is_topic_word(r: &Reading, k: usize) -> bool {
    r.classes.get(k).copied().flatten().is_some_and(|(set, _)| set.iter().any(|c| c == WordClass::Topic))
}

/// Whether the token at `k` comes right after a `topic` word ("on", "the
/// crisis in").
fn follows_topic_word(r: &Reading, k: usize) -> bool {
    (k.saturating_sub(3)..k).any(|j| {
        r.classes
            .get(j)
            .copied()
            .flatten()
            .is_some_and(|(set, end)| end == k && set.iter().any(|c| c == WordClass::Topic))
    })
}

/// Where a closing attribution starts: after the last comma, a short clause
/// (at most eight words) that ends with a speech verb (", the ministry said")
/// or starts with one (", said Lavrov"), or "according to ...".
pub(crate) fn attribution_start(r: &Reading, dict: &Dictionaries) -> Option<usize> {
    let body = r.text.trim_end_matches(|c: char| c == '.' || c == '"' || c == '\u{201d}' || c.is_whitespace());
    let comma = body.rfind(',')?;
    let tail = body[comma + 1..].trim_start();
    let tail_at = body.len() - tail.len();
    if tail.split_whitespace().count() > 8 || in_spans(&r.quotes, comma) {
        return None;
    }
    let k = r.tok_at(tail_at);
    if r.toks.get(k).is_some_and(|t| t.lower == "according") && r.toks.get(k + 1).is_some_and(|t| t.lower == "to") {
        return Some(comma);
    }
    // ", said Lavrov", ", warned the ministry", but not ", rejects talks
    // with X" (a headline's second verb and its object): after an opening
    // verb comes a name or a determiner, not a common noun.
    let speaker_next = |end: usize| {
        r.toks.get(r.tok_at(end)).is_some_and(|t| {
            !t.text.starts_with(char::is_lowercase)
                || matches!(t.lower, "the" | "a" | "an" | "his" | "her" | "its" | "their")
        })
    };
    // A speech verb's form inside a name ("..., and the United States") is
    // that name's word, not a verb.
    let in_name = |w: &entities::Found| r.actors.iter().any(|a| a.start < w.end && w.start < a.end);
    r.words
        .iter()
        .filter(|w| w.start >= tail_at && entities::has_trigger(dict, w, Kind::Statement, TriggerRole::Trigger))
        .filter(|w| !in_name(w))
        .any(|w| w.end == body.len() || (w.start == tail_at && speaker_next(w.end)))
        .then_some(comma)
}

pub(crate) fn set_date(ev: &mut Event, e: Option<&TimeExpr>, tense: Tense, anchor: &Anchor, dict: &Dictionaries) {
    if let Some(e) = e {
        ev.date = dates::resolve(e, tense, anchor, &dict.dates);
        ev.date_text = Some(e.text.clone());
    }
}

/// How many days a meeting or trip takes, as its words say ("a two-day
/// summit", "its 15-day meeting", "talks ... which lasted for two days"), and
/// whether the day its clause gives is the last of them: a word of the class
/// `ending` before the noun ("concluded on Monday its two-day meeting").
/// The number of days is a count in the noun phrase, at most one word before
/// the noun ("a two-day official visit"), or a count of days after a form
/// of "last" within a few words after it. One day, or a count past a month,
/// spans nothing.
pub(crate) fn days_long(r: &Reading, dict: &Dictionaries, start: usize, end: usize) -> Option<(u32, bool)> {
    let index = dict.index();
    let count = |j: usize| {
        let t = &r.toks[j];
        t.text.parse::<u32>().ok().or_else(|| index.number_word(t.lower).and_then(|n| u32::try_from(n).ok()))
    };
    let k = r.tok_at(start);
    // "two-day", "Three Day": a count, an optional hyphen, "day".
    let before = (k.saturating_sub(3)..k).rev().find(|&j| r.toks[j].lower == "day").and_then(|j| {
        let between = &r.toks[j + 1..k];
        if between.len() > 1 || between.iter().any(|t| t.kind != TokKind::Word) {
            return None;
        }
        let n = j.checked_sub(1)?;
        let n = if r.toks[n].text == "-" { n.checked_sub(1)? } else { n };
        count(n)
    });
    // "which lasted for two days", "expected to last three days".
    let e = r.tok_at(end);
    let after = || {
        let upto = (e + 12).min(r.toks.len());
        let j = (e..upto).find(|&j| matches!(r.toks[j].lower, "last" | "lasted" | "lasting" | "lasts"))?;
        let n = if r.toks.get(j + 1).is_some_and(|t| t.lower == "for") { j + 2 } else { j + 1 };
        (n + 1 < r.toks.len() && matches!(r.toks[n + 1].lower, "days" | "day")).then(|| count(n)).flatten()
    };
    let n = before.or_else(after).filter(|n| (2..=31).contains(n))?;
    // A verb of ending before the noun, in its clause ("concluded a
    // two-day visit", "concluded on Monday its two-day meeting").
    let from = (k.saturating_sub(8)..k).rev().take_while(|&j| !matches!(r.toks[j].text, "," | ";" | ":")).last();
    let back = from.is_some_and(|f| (f..k).any(|j| index.is_word_of(r.toks[j].lower, Class::Ending)));
    Some((n, back))
}

/// Whether the noun at `start` is the object of a verb of beginning or
/// ending, a few words before it in its clause ("began a two-day visit",
/// "concluded a two-day visit"): the trip is told as a span of days, not as
/// the day of an arrival.
pub(crate) fn begun_or_ended(r: &Reading, dict: &Dictionaries, start: usize) -> bool {
    let index = dict.index();
    let k = r.tok_at(start);
    (k.saturating_sub(5)..k)
        .rev()
        .take_while(|&j| !matches!(r.toks[j].text, "," | ";" | ":"))
        .any(|j| index.is_word_of(r.toks[j].lower, Class::Ending) || index.is_word_of(r.toks[j].lower, Class::Onset))
}

/// "arrived in Qatar over the weekend", "Last weekend, X was in Kigali": a
/// trip is made on a day, and a weekend tells neither of its two, so the
/// trip is dated to the week that holds it (not to both days, as talks held
/// "over the weekend" are).
pub(crate) fn weekend_as_week(ev: &mut Event, e: Option<&TimeExpr>) {
    let weekend = e.is_some_and(|e| {
        matches!(e.form, dates::Form::Weekend | dates::Form::Relative { unit: dates::Unit::Weekend, .. })
    });
    if let Some(d) = ev.date.as_mut().filter(|_| weekend) {
        let monday = d.start - chrono::Duration::days(i64::from(d.start.weekday().num_days_from_monday()));
        *d = DateSpan { start: monday, end: monday + chrono::Duration::days(6), precision: Precision::Week };
    }
}

/// Talks words of the meeting family ("meeting", "met", "phone call"), the
/// conference family ("conference", "summit") or the talks family ("talks",
/// "negotiations"); an anaphor refers back to an event of its own family
/// first ("will also hold talks ... The peace conference is scheduled").
pub(crate) fn family(phrase: &str) -> u8 {
    const MEETING: &[&str] = &["meet", "met", "conversation", "call", "phone", "telephone", "hosted", "press"];
    const CONFERENCE: &[&str] = &["conference", "summit", "forum"];
    // By bytes: the phrases are a few words, and `str::contains` set up a
    // searcher for each of the eleven words at every talks candidate.
    let has = |m: &&str| phrase.as_bytes().windows(m.len()).any(|w| w == m.as_bytes());
    if MEETING.iter().any(has) {
        1
    } else if CONFERENCE.iter().any(has) {
        5
    } else {
        2
    }
}

/// Families of one kind: talks and conferences, whose words each may name
/// the other ("the conference ... to hold the talks").
pub(crate) fn kindred(a: u8, b: u8) -> bool {
    a == b || matches!((a, b), (2, 5) | (5, 2))
}

/// Whether a talks phrase is a verb ("met", "will meet", "held talks"), not
/// a noun ("talks", "a meeting"): a verb never refers back to a meeting
/// already reported; it tells of one.
pub(crate) fn is_verb(phrase: &str) -> bool {
    const VERBS: &[&str] = &[
        "meet",
        "meets",
        "met",
        "discuss",
        "discussed",
        "discussing",
        "hold",
        "held",
        "holds",
        "negotiate",
        "negotiating",
        "negotiated",
        "spoke",
        "speaks",
        "talked",
        "will",
        "phoned",
        "telephoned",
        "called",
        "received",
        "receives",
        "sat",
        "hosted",
        "convene",
        "came",
        "come",
        "comes",
    ];
    // "to meet": an infinitive is its verb.
    let phrase = phrase.strip_prefix("to ").unwrap_or(phrase);
    phrase.split(' ').next().is_some_and(|w| VERBS.contains(&w))
}

/// A possessive: "Kerry's", "the envoy\u{2019}s", "Maas'", "the leaders'".
pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s") || w.len() > 2 && (w.ends_with("s'") || w.ends_with("s\u{2019}"))
}

/// The determiner of a trigger noun, past up to three modifiers ("the proposed
/// peace talks", "a new three-way meeting", "next week's talks"); empty when a
/// function word or punctuation comes first, as before a verb ("may meet").
pub(crate) fn determiner_before(r: &Reading, i: usize) -> String {
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
        if DETERMINERS.contains(&&*w) || is_possessive(&w) {
            return w.into_owned();
        }
        if STOP.contains(&&*w) {
            break;
        }
    }
    String::new()
}

/// "X met on Tuesday, one day after Y announced ...", "The invitation comes
/// a day after Y announced ...": what the clause after "N days after" tells
/// happened N days before the sentence's own event. Its date is that
/// event's day (else the publication day) less N, unless the clause gives a
/// date of its own. `cands` are the sentence's candidates.
pub(crate) fn days_after(r: &Reading, dict: &Dictionaries, anchor: &Anchor, cands: &mut [Candidate]) {
    let toks = &r.toks;
    for k in 2..toks.len() {
        if toks[k].lower != "after" || !matches!(toks[k - 1].lower, "day" | "days") {
            continue;
        }
        let n = match toks[k - 2].lower {
            "a" | "one" | "the" => 1,
            w => match w.parse::<u64>().ok().or_else(|| dict.index().number_word(w)) {
                Some(n) if (1..=31).contains(&n) => n,
                _ => continue,
            },
        };
        // "in just 10 days after": a span of time, not a day before.
        let opener = toks[..k - 2].iter().rev().find(|t| t.lower != "just" && t.lower != "only");
        if opener.is_some_and(|t| matches!(t.lower, "in" | "within" | "for" | "over")) {
            continue;
        }
        let (phrase, after) = (toks[k - 2].start, toks[k].end);
        if r.dates.iter().any(|d| d.start >= after) {
            continue;
        }
        let here = |c: &Candidate| c.at >= r.offset + after;
        let reference = cands
            .iter()
            .filter(|c| !here(c) && c.at < r.offset + phrase)
            .find_map(|c| c.event.date.filter(|d| d.precision == crate::model::Precision::Day && d.start == d.end))
            .map(|d| d.start)
            .or(anchor.published);
        let Some(day) = reference.and_then(|d| d.checked_sub_days(chrono::Days::new(n))) else { continue };
        for c in cands.iter_mut().filter(|c| here(c)) {
            c.event.date = Some(DateSpan::day(day));
            c.event.date_text = Some(r.text[phrase..after].to_string());
            c.guessed = false;
        }
    }
}

/// "The two men discussed Syria over the phone, the ministry said
/// Wednesday": talks or a visit held, with no date of their own, that a
/// dated speech act of the same sentence reports took place by the day of
/// that report, nearer to it than to the day of publication. A guess, that
/// a report with a date of its own replaces; a reference back ("the talks")
/// is left to the event it names.
pub(crate) fn reported_day(cands: &mut [Candidate]) {
    let said = cands.iter().find_map(|c| {
        let d = c.event.date.filter(|d| d.precision == crate::model::Precision::Day && d.start == d.end)?;
        (c.event.kind == Kind::Statement && c.event.date_text.is_some() && !c.guessed).then_some(d)
    });
    let Some(day) = said else { return };
    for c in cands.iter_mut() {
        let reported = matches!(c.event.kind, Kind::Talks | Kind::Visit)
            && c.event.status == Status::Happened
            && c.event.date.is_none()
            && !(c.anaphoric || c.definite || c.merge_only || c.status_guessed)
            // "said on Monday it was sending a delegation for peace talks":
            // what a trip is for is still ahead of it.
            && c.purpose_of.is_empty()
            && c.attended_from.is_empty();
        if reported {
            c.event.date = Some(day);
            c.guessed = true;
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod regressions;
