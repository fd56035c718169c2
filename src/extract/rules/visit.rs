//! Visits: someone travels to a place.
//!
//! A visit word ("visited", "arrived in", "flew to", "a trip to", "his
//! arrival in", "returned from") with its destination and its visitor: a
//! person, a body, or a delegation ("a Saudi delegation arrived", "the
//! delegation representing the army"). Motion verbs of many uses ("came to",
//! "went to") are visits only with a place right after them. "In Geneva for
//! talks" is a visit when the person is not at home there. Two visit words
//! for one visitor in one sentence are one trip.

use super::talks::description_from;
use super::*;
use crate::extract::entities::words::Class;
use crate::extract::reading::*;
use std::borrow::Cow;
// ---------------------------------------------------------------- visits

/// Prepositions before a visit noun that make it an adverbial of its clause
/// ("met Assad on his first visit", "said during a visit"): the visitor is the
/// clause's subject, not the nearest name.
/// "as part of a regional trip" is one too.
const ADVERBIAL: &[&str] = &["on", "during", "for", "after", "before", "throughout", "as part of"];

/// Auxiliaries and verbs that end a visit's noun phrase before a "by".
const VERBS_IN_BETWEEN: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "that", "which", "came", "comes",
    "come", "was", "said", "says", "part", "followed", "preceded",
];

pub(crate) fn visits(
    r: &Reading,
    dict: &Dictionaries,
    anchor: &Anchor,
    state: &ArticleState,
    out: &mut Vec<Candidate>,
) {
    let before = out.len();
    // Where a closing attribution starts, found at the first trip word.
    let mut reporter: Option<usize> = None;
    for w in &r.words {
        // A handful of events per sentence at most: a run of trigger words
        // ("visit visit visit ...") is no more events, and no more work.
        if out.len() - before >= MAX_PER_SENTENCE {
            break;
        }
        let Some((_, t)) = entities::triggers(dict, w).find(|(_, t)| t.kind == Kind::Visit) else { continue };
        if !matches!(t.role, TriggerRole::Trigger | TriggerRole::Weak) {
            continue;
        }
        // "was in Kigali": a stay, which `stays` reads.
        if t.phrase.strip_suffix(" in").is_some_and(|v| STAY_VERBS.contains(&v)) {
            continue;
        }
        let from_here = t.phrase.ends_with(" from");
        // A bare visit noun names its destination right after it ("Kerry's
        // visit to Cairo"), not a place later in its clause ("his visit came
        // amid a cease-fire in Tigray"); a verb, or a phrase with its own
        // preposition ("a trip to a refugee camp in Iraq"), may be further.
        let det = determiner_before(r, w.start);
        let governs = [" to", " of", " in", " from", " by"].iter().any(|p| t.phrase.ends_with(p));
        // A verb in the past ("The president visited the northern province
        // of X") reaches as far, whatever determiner opens its subject.
        let past_verb = t.phrase.split(' ').next().is_some_and(|v| v.ends_with("ed"));
        // "received the visiting Iranian foreign minister X in Damascus": a
        // participle before a noun names the visitor after it, and the
        // clause's place is where the visit is.
        let participle = t.phrase.ends_with("ing") && !t.phrase.contains(' ') && !det.is_empty();
        let reach = if det.is_empty() || governs || past_verb || participle { 60 } else { 12 };
        // A bare verb of travel ("flew") travels only to a destination its
        // clause gives with "to", "in" or "into".
        let bare_verb = t.role == TriggerRole::Weak && !t.phrase.contains(' ');
        // A verb of departure travels only to the place "for" gives, and
        // only with a traveller ("left Kyiv for Warsaw").
        let departure = dict.index().is_word_of(&t.phrase, Class::Departure);
        // The place a verb of departure leaves, when it names no other ("as he left Kenya").
        let mut left: Option<&PlaceSpan> = None;
        let prepositions: &[&str] = if departure { &["for"] } else { &["to", "in", "into"] };
        // "the visit of X to Y": a visit noun's "of" names the visitor, and
        // the destination follows the name.
        let of_person = (!governs && !t.phrase.contains(' ') && r.text[w.end..].starts_with(" of "))
            .then(|| {
                r.actors.iter().find(|a| {
                    a.person() && a.start >= w.end + 4 && a.start - w.end <= 40 && !r.text[w.end..a.start].contains(',')
                })
            })
            .flatten();
        let dest = if let Some(a) = of_person {
            destination(r, a.end, from_here, 12)
        } else if bare_verb {
            let in_clause = |p: &&PlaceSpan| {
                !p.adjective && p.start >= w.end && p.start - w.end <= 60 && !r.clause_break(w.end, p.start)
            };
            r.places
                .iter()
                .filter(in_clause)
                .find(|p| words_before(r, p.start).next().is_some_and(|x| prepositions.contains(&&*x)))
                .or_else(|| {
                    left = departure.then(|| left_place(r, dict, w, &t.phrase)).flatten();
                    left
                })
        } else {
            destination(r, w.end, from_here, reach)
        };
        // "..., before they can return to their homes, the Russian foreign
        // minister said": a closing attribution tells who reports the trip,
        // and gives it neither its destination nor its traveller.
        let reporter = match reporter {
            Some(at) => at,
            None => *reporter.insert(attribution_start(r, dict).unwrap_or(r.text.len())),
        };
        let reported = |at: usize| w.start < reporter && at >= reporter;
        let dest = dest.filter(|p| !reported(p.start));
        // "sending a delegation to DRC peace talks": a country before a
        // talks word is what the talks are about, and the trip goes to the
        // talks, wherever they are.
        let dest = dest.filter(|p| !names_talks(r, dict, p));
        // "head of the OSCE mission to Moldova X": a group posted to a
        // country, after a title's "of the", is the post its holder fills.
        if dest.is_some_and(|p| p.country) && posted_group(r, dict, w, &t.phrase) {
            continue;
        }
        // A verb of many uses travels only with its destination right after it.
        if t.role == TriggerRole::Weak && dest.is_none_or(|p| p.start - w.end > if bare_verb { 60 } else { 40 }) {
            continue;
        }
        // The preposition before a visit noun: "on his first visit" is an adverbial of its clause.
        let prep = preposition_at(r, w.start);
        let adverbial = prep.as_ref().is_some_and(|(p, _)| ADVERBIAL.contains(&p.as_str()));
        let fronted = adverbial && prep.as_ref().is_some_and(|&(_, at)| is_sentence_start(r, at));
        // "arrived there": the place the sentence before named, never one
        // later in this sentence ("arrived there on Tuesday, having failed to
        // turn up for talks in Geneva").
        let there = t.role == TriggerRole::Trigger
            && r.text[w.end..].starts_with(" there")
            && r.text[w.end..].get(6..7).is_none_or(|c| !c.chars().all(char::is_alphanumeric));
        let dest = dest.filter(|_| !there);
        let place = dest.or_else(|| place_before(r, w.start, adverbial));
        // "visited the country", "a mission to the country": the country the article is about.
        let the_country = place.is_none()
            && r.text[w.end..]
                .trim_start()
                .as_bytes()
                .get(..11)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"the country"))
            && state.main_country.is_some();
        let visited_by = participle
            .then(|| {
                r.actors
                    .iter()
                    .filter(|a| a.start >= w.end && a.start - w.end <= 40)
                    .find(|a| a.person() && !r.clause_break(w.end, a.start) && !r.text[w.end..a.start].contains(','))
            })
            .flatten()
            .or(of_person)
            // "his tour has taken him to Pakistan": the person the trigger
            // carries is who travels, not its subject.
            .or_else(|| r.actors.iter().find(|a| a.person() && a.start > w.start && a.end < w.end))
            .map(|a| Visitor::of(a, dict));
        let visitor = visited_by
            .or_else(|| visitor(r, dict, w, t.phrase.ends_with(" by"), place, adverbial.then_some(fronted)))
            .filter(|v| !reported(v.start))
            .map(|v| lead_of_companion(r, dict, v));
        // "received the visiting Iranian foreign minister X in Damascus":
        // the participle before a name is who travels, to the place of its clause.
        let guest = visiting_guest(r, dict, w);
        let (place, visitor, det) = match guest {
            Some((v, p)) => (p.or(place.filter(|x| !x.adjective)), Some(v), String::new()),
            None => (place, visitor, det),
        };
        // ... and as a verb: "the return to Ukraine of children" is no trip.
        if t.role == TriggerRole::Weak && visitor.is_none() && (!det.is_empty() || departure) {
            continue;
        }
        // "had returned to Damascus": going home is no visit, unless the
        // sentence tells of the talks it comes home from ("has returned to
        // Kabul following the talks with X in Doha"): that trip, which ends,
        // went where those talks were held.
        let home = t.phrase.starts_with("return")
            && visitor.as_ref().zip(place).is_some_and(|(v, p)| at_home(dict, v, &p.name));
        // "Ghani left Kabul": leaving home is no visit; nor is a body or a
        // group leaving a place (troops withdrawing, a delegation going home):
        // only a person's departure tells of his stay, and only the person
        // the departure's own clause names.
        if left.is_some()
            && visitor.as_ref().is_some_and(|v| {
                place.is_some_and(|p| at_home(dict, v, &p.name))
                    || r.actors.iter().any(|a| *a.name == *v.name && !a.person())
                    // "X's trip to Y comes two days after the factions left Z":
                    // a traveller told of by a trip word before is that trip's.
                    || r.words.iter().any(|x| {
                        x.start >= v.start
                            && x.end <= w.start
                            && entities::triggers(dict, x).any(|(_, t)| t.kind == Kind::Visit)
                    })
            })
        {
            continue;
        }
        let talks_after =
            || out.iter().any(|c| c.event.kind == Kind::Talks && c.at > r.offset + w.start && c.event.place.is_some());
        if home && !talks_after() {
            continue;
        }
        let place = place.filter(|_| !home);
        // A quote tells of a trip only when it names the traveller itself.
        if r.in_quote(w.start) && !visitor.as_ref().is_some_and(|v| v.quoted_with(r, w.start)) {
            continue;
        }
        // "a statement announcing the visit on Friday": the date after the
        // object of a verb of the class `announce` is the verb's.
        let announced = verb_of_before(r, dict, w.start, Class::Announce);
        // "The visit happened on October 20": a definite visit noun with a
        // date of its own and nothing else dates the visit it refers back to.
        let dated_reference = !announced
            && place.is_none()
            && visitor.is_none()
            && !the_country
            && ["the", "this", "that", "his", "her", "their", "its"].contains(&det.as_str())
            && date_near(r, dict, w.start, w.end, 50).is_some_and(|d| d.start >= w.end);
        // "will be tested again upon their arrival in Geneva, he said": a
        // possessive refers to a traveller told of before; when the trip's
        // clause names none (the reporter of a closing attribution is none),
        // the text tells of no trip of anyone it names.
        if visitor.is_none() && !dated_reference && ["his", "her", "their", "its"].contains(&det.as_str()) {
            continue;
        }
        if place.is_none() && visitor.is_none() && !the_country && !dated_reference {
            continue;
        }
        // "In April, X met Assad in Damascus on the first such visit": an
        // adverbial visit takes its clause's date.
        let date = date_near(r, dict, w.start, w.end, 50)
            .filter(|d| !(announced && d.start >= w.end))
            .or_else(|| adverbial.then(|| clause_date(r, w.start)).flatten())
            .or_else(|| fronted_date(r, w.start));
        let cue = status_cue_before(r, dict, w.start, 40);
        // "is heading to Tobruk today", "is flying to Libya on Thursday": under way, arriving later.
        let under_way = t.phrase.split(' ').next().is_some_and(|v| v.ends_with("ing") && v != "visiting")
            && ends_with_present_be(&r.text[..w.start]);
        // "to persuade the Houthis to come to Geneva": a trip in the infinitive is still ahead.
        // (Not after an ordinal: "was the first to arrive in Minsk" happened.)
        let mut before = words_before(r, w.start);
        let infinitive = before.next().is_some_and(|x| x == "to")
            && before.next().is_none_or(|x| !["first", "last", "only"].contains(&&*x))
            && t.status.is_none();
        let cue = cue.or((under_way || infinitive).then_some(Status::Planned));
        let tense = trigger_tense(r, dict, w.start, cue, t.status, date);
        let mut ev = Event::new(Kind::Visit, Status::Unknown);
        set_date(&mut ev, date, tense, anchor, dict);
        weekend_as_week(&mut ev, date);
        // "is currently on a visit", "is visiting": the publication day.
        if ev.date.is_none() && cue.is_none() && is_going_on(r, w.start) {
            ev.date = anchor.published.map(DateSpan::day);
        }
        ev.status =
            cue.or(t.status).or_else(|| status_from_date(ev.date, anchor)).unwrap_or_else(|| tense_status(tense));
        ev.place = match place {
            Some(p) => Some(p.name.to_string()),
            None if the_country => state.main_country.clone(),
            None if there => state.last_place.as_deref().map(String::from),
            // "arrived Thursday morning to join the talks ... in Geneva": a
            // trip with no destination of its own goes where the talks its
            // sentence reports after it are held.
            None => out
                .iter()
                .filter(|c| c.event.kind == Kind::Talks && c.at > r.offset + w.start)
                .find_map(|c| c.event.place.clone()),
        };
        let visitor_start = visitor.as_ref().map(|v| v.start);
        if let Some(v) = visitor {
            for name in coordinated_before(r, v.start) {
                ev.actors.push(EventActor { name, role: Role::Visitor });
            }
            let mut companions = companions_after(r, v.start);
            companions.extend(companions_after_verb(r, w.end));
            // "The trip by X, secretary general of Y, and W": a traveller
            // named after the trip word has the one coordinated with him.
            let after = r.actor_starting_at(v.start).filter(|_| v.start >= w.end);
            companions.extend(after.and_then(|a| conjunct_after(r, a.end)).map(|a| a.name.to_string()));
            ev.actors.push(EventActor { name: v.name, role: Role::Visitor });
            for name in companions {
                if !ev.actors.iter().any(|a| a.name == name) {
                    ev.actors.push(EventActor { name, role: Role::Visitor });
                }
            }
        }
        ev.mentions.push(r.mention());
        // "the visit", "his trip", "Maas' trip to Benghazi": a trip already reported.
        // "arrived in the country on Thursday": a destination named by
        // reference is the trip already reported there, whoever each report
        // names ("Special envoys ... have returned to X").
        let anaphoric = ["the", "this", "that", "his", "her", "their", "its"].contains(&det.as_str())
            || is_possessive(&det)
            || the_country;
        let mut described = described_delegations(r, &ev);
        if let Some(sent) = visitor_start.and_then(|at| sent_group(r, dict, w, &t.phrase, at)) {
            described.push(sent);
        }
        // "sources in the army said that a delegation departed": the army's delegation.
        let reported = visitor_start.and_then(|at| {
            described_subject(r, dict, w.start)
                .filter(|&(from, _)| from == at)
                .and_then(|(f, t)| reporters_group(r, f, t))
        });
        described.extend(reported);
        if let Some((sender, written)) = visitor_start.and_then(|_| delegation_along(r, dict, w.end)) {
            if !ev.actors.iter().any(|a| a.name == sender) {
                ev.actors.push(EventActor { name: sender.clone(), role: Role::Visitor });
            }
            described.push((sender, written));
        }
        let mut c = Candidate::new(ev, r.offset + w.start, tense);
        c.described = described;
        c.anaphoric = anaphoric;
        // With no date of its own, its clause's tense ("Maas' trip to
        // Benghazi comes two days after ...") says nothing of the trip.
        c.definite = anaphoric && date.is_none();
        c.merge_only = dated_reference;
        c.family = 3;
        c.here = c.event.place.is_none() && t.phrase.starts_with("arriv") && !t.phrase.contains(' ');
        // "began a two-day visit", "concluded a two-day visit": a trip told
        // as its span of days; "arrived ... for a two-day visit" is dated
        // by the arrival, as every trip is.
        c.days = days_long(r, dict, w.start, w.end).filter(|_| begun_or_ended(r, dict, w.start));
        out.push(c);
    }
    stays(r, dict, anchor, out);
    one_trip_per_sentence(dict, out, before);
}

/// "Sudan's army has sent a delegation to Jeddah", "M23 is sending envoys
/// to Luanda": the group a body sends travels in its name, and is named as
/// the body's group ("Sudanese army delegation") beside the body, as a
/// delegation the text describes is (see `Candidate::described`). Only for
/// a body or a country before the group noun, not inside its name ("the
/// Houthi delegation to Geneva" is named already), and never a person's
/// ("Putin's envoys"). Returns (sender, group).
fn sent_group(
    r: &Reading,
    dict: &Dictionaries,
    w: &entities::Found,
    phrase: &str,
    visitor_start: usize,
) -> Option<(String, String)> {
    if visitor_start >= w.start {
        return None;
    }
    let group = |word: &str| dict.index().is_word_of(&word.to_ascii_lowercase(), Class::VisitingGroup);
    // "sends a delegation to": the trigger opens with the group noun.
    let noun = phrase.split(' ').next().filter(|n| group(n)).and_then(|n| r.text.get(w.start..w.start + n.len()));
    // "a delegation from the Sultanate of Oman arrived": the group noun
    // before the phrase that names its sender.
    let noun = noun.or_else(|| {
        let before = r.text[..visitor_start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        let head = [" from", " of", " representing"].iter().find_map(|p| before.strip_suffix(p))?;
        let word = head.rsplit(' ').next()?;
        group(word).then_some(word)
    })?;
    let sender = r.actors.iter().filter(|a| a.start == visitor_start).max_by_key(|a| a.end)?;
    if sender.person() || sender.agency() || sender.end > w.start {
        return None;
    }
    // "a delegation of South Sudanese mediators": the sender is named by
    // its people already.
    let last = r.text[sender.start..sender.end].rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    if [Class::Party, Class::Delegation, Class::VisitingGroup].into_iter().any(|c| dict.index().is_word_of(&last, c)) {
        return None;
    }
    Some((sender.name.to_string(), format!("{} {}", sender.name, noun.to_lowercase())))
}

/// "arrived in Sanaa with an Omani delegation": a delegation the trip's
/// clause says the traveller came with travels too (as the text describes
/// it, beside its sender). Returns (sender, delegation as written).
/// Not after a meeting word: "for talks with the Saudi delegation" names
/// whom the traveller meets.
fn delegation_along(r: &Reading, dict: &Dictionaries, from: usize) -> Option<(String, String)> {
    r.actors.iter().filter(|a| a.start > from && a.start - from <= 80 && !r.clause_break(from, a.start)).find_map(|a| {
        let before = r.text[..a.start].trim_end();
        let before = ["a", "an", "the"].iter().find_map(|d| before.strip_suffix(d)).unwrap_or(before).trim_end();
        let with = before.len() >= 5 && before.as_bytes()[before.len() - 5..].eq_ignore_ascii_case(b" with");
        let meeting = r.words.iter().any(|x| {
            // ("talks with" may be one trigger phrase.)
            (before.len() - 5..=before.len()).contains(&x.end)
                && entities::triggers(dict, x).any(|(_, t)| t.kind == Kind::Talks)
        });
        (with && !meeting).then(|| Some((a.name.to_string(), delegation_as_written(r, a)?.to_string()))).flatten()
    })
}

/// "the visiting Iranian foreign minister X ... in Damascus": "visiting" as
/// an adjective (after an article, or before a nationality) names the
/// traveller after it, and the place after the traveller is where the
/// visit is.
fn visiting_guest<'r>(
    r: &'r Reading,
    dict: &Dictionaries,
    w: &entities::Found,
) -> Option<(Visitor, Option<&'r PlaceSpan>)> {
    if !r.text[w.start..w.end].eq_ignore_ascii_case("visiting") {
        return None;
    }
    let after_article = words_before(r, w.start).next().is_some_and(|x| ["the", "a", "an"].contains(&&*x));
    let next = r.text[w.end..].len() - r.text[w.end..].trim_start().len() + w.end;
    let nationality = r.places.iter().any(|p| p.adjective && p.start == next);
    if !after_article && !nationality {
        return None;
    }
    let guest = r
        .actors
        .iter()
        .filter(|a| a.start >= w.end && a.start - w.end <= 60 && !a.agency() && !r.clause_break(w.end, a.start))
        .find(|a| a.person())?;
    let place = r
        .places
        .iter()
        .filter(|p| !p.adjective && p.start >= guest.end && p.start - guest.end <= 40)
        .filter(|p| !r.clause_break(guest.end, p.start))
        .find(|p| words_before(r, p.start).next().is_some_and(|x| x == "in"));
    Some((Visitor::of(guest, dict), place))
}

/// The traveller a visit word names.
struct Visitor {
    name: String,
    start: usize,
    /// The traveller's own country, when known.
    home: Option<String>,
}

impl Visitor {
    /// The actor `a` as a traveller, with the country of its dictionary row.
    fn of(a: &ActorSpan, dict: &Dictionaries) -> Visitor {
        let home = a.country.as_deref().map(String::from).or_else(|| country_of(dict, &a.name));
        Visitor { name: a.name.to_string(), start: a.start, home }
    }

    /// Whether the visitor is named inside the same quote as the word at `i`.
    fn quoted_with(&self, r: &Reading, i: usize) -> bool {
        r.quotes.iter().any(|&(s, e)| s <= i && i < e && s <= self.start && self.start < e)
    }
}

/// Whether `place` is in the visitor's own country.
fn at_home(dict: &Dictionaries, v: &Visitor, place: &str) -> bool {
    let Some(home) = v.home.as_deref() else { return false };
    place == home || country_of(dict, place).as_deref() == Some(home)
}

/// The country a place is in (a country's own name for a country).
fn country_of(dict: &Dictionaries, place: &str) -> Option<String> {
    let index = dict.index();
    index.place_named(place).and_then(|i| dict.places[i].country.clone())
}

/// "who left Ethiopia on Thursday after meeting X", "UN envoy leaves Sanaa":
/// the place right after a finite verb of departure is where its traveller
/// stayed, a visit that ends, when the sentence names no place after it (the
/// trip goes on there: "left Kabul for a trip to Doha", "departed Hargeisa and
/// arrived in Djibouti") after a preposition of destination, and it owns nothing ("left Bogota's military airport").
fn left_place<'r>(r: &'r Reading, dict: &Dictionaries, w: &entities::Found, phrase: &str) -> Option<&'r PlaceSpan> {
    // A finite verb of departure ("departure" of data/words.tsv, value
    // "finite"): "as he left Kenya", not "before leaving".
    if !dict.index().is_word_of(phrase, Class::FiniteDeparture) {
        return None;
    }
    let p = r.places.iter().find(|p| !p.adjective && p.start >= w.end && r.text[w.end..p.start].trim().is_empty())?;
    let further = r.places.iter().any(|q| {
        q.start >= p.end && words_before(r, q.start).next().is_some_and(|x| ["to", "in", "into", "for"].contains(&&*x))
    });
    (!is_possessor(r, p) && !further).then_some(p)
}

/// The destination after a visit word: the first place in its clause that is
/// not an owner ("Benghazi's airport") or a starting point ("from Benghazi").
fn destination<'r>(r: &'r Reading, end: usize, from_here: bool, reach: usize) -> Option<&'r PlaceSpan> {
    let starting_point = |p: &PlaceSpan| !from_here && words_before(r, p.start).next().is_some_and(|w| w == "from");
    r.places
        .iter()
        .filter(|p| !p.adjective && p.start >= end && p.start - end <= reach && !r.clause_break(end, p.start))
        .filter(|p| !is_possessor(r, p) && !starting_point(p))
        // "arrived on a US military aircraft": a name after "a" modifies
        // the noun after it; no one travels to "a" country.
        .filter(|p| !matches!(r.word_before(p.start), "a" | "an"))
        .filter(|p| !heads_a_title(r, p))
        // "the visiting UN Special Envoy for X": a title's brief, no destination.
        .filter(|p| !titles_brief(r, p))
        .min_by_key(|p| p.start)
        .or_else(|| {
            r.places
                .iter()
                .filter(|p| p.start >= end && p.start - end <= reach.min(30))
                // "received the visiting Iranian foreign minister": an
                // adjective right after the participle is the visitor's
                // nationality, not where the visit goes.
                .filter(|p| !(p.adjective && r.text[end..p.start].trim().is_empty()))
                .filter(|p| !titles_brief(r, p))
                .min_by_key(|p| p.start)
        })
}

/// Whether a country after "the" goes before a title in lower case
/// ("accompanied by the US special envoy"): it is someone's nationality, no
/// destination.
fn heads_a_title(r: &Reading, p: &PlaceSpan) -> bool {
    let k = r.tok_at(p.end);
    p.country
        && r.word_before(p.start) == "the"
        && (k..(k + 2).min(r.toks.len()))
            .take_while(|&j| r.toks[j].kind == TokKind::Word && r.toks[j].text.starts_with(char::is_lowercase))
            .any(|j| {
                r.classes
                    .get(j)
                    .copied()
                    .flatten()
                    .is_some_and(|(set, _)| set.iter().any(|c| matches!(c, entities::words::WordClass::Title(_))))
            })
}

/// Whether a talks word follows the place right after it ("to DRC peace
/// talks", "to the Syria talks"): the place modifies the talks noun.
fn names_talks(r: &Reading, dict: &Dictionaries, p: &PlaceSpan) -> bool {
    let next = p.end + (r.text[p.end..].len() - r.text[p.end..].trim_start().len());
    p.country
        && r.words.iter().any(|w| {
            w.start == next
                && entities::triggers(dict, w)
                    .any(|(_, t)| t.kind == Kind::Talks && t.role != TriggerRole::Ignore && !t.phrase.contains("to "))
        })
}

/// A place before a visit word that says where it happens: "in Damascus on a
/// visit", "from Kazakhstan, where he is on a visit".
fn place_before<'r>(r: &'r Reading, start: usize, adverbial: bool) -> Option<&'r PlaceSpan> {
    r.places
        .iter()
        .filter(|p| !p.adjective && p.end <= start && !r.clause_break(p.end, start))
        .filter(|p| {
            r.text[p.end..].starts_with(", where")
                || (adverbial && words_before(r, p.start).next().is_some_and(|w| w == "in"))
        })
        .max_by_key(|p| p.end)
}

/// The lower-case words before `i`, nearest first.
fn words_before<'r>(r: &'r Reading, i: usize) -> impl Iterator<Item = Cow<'r, str>> + 'r {
    r.text[..i].split_whitespace().rev().map(|w| lower_cow(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')))
}

/// The preposition that governs a noun at `i`, past its determiner and up to
/// three lower-case modifiers ("on his first official visit" → "on"), with
/// where it starts; none when a name or punctuation comes first (a verb's
/// subject).
fn preposition_at(r: &Reading, i: usize) -> Option<(String, usize)> {
    let mut rest = r.text[..i].trim_end();
    for n in 0..5 {
        let start = rest.rfind(' ').map_or(0, |k| k + 1);
        let raw = &rest[start..];
        if raw.is_empty() || raw.ends_with([',', ';', ':', '.']) {
            return None;
        }
        let w = lower_cow(raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
        if ADVERBIAL.contains(&&*w) || w == "in" || w == "to" {
            return Some((w.into_owned(), start));
        }
        // "as part of a regional trip": a phrase that frames the trip as its clause's occasion.
        if w == "of" {
            let head = rest[..start].trim_end();
            if head.len() >= 7 && head.as_bytes()[head.len() - 7..].eq_ignore_ascii_case(b"as part") {
                return Some(("as part of".to_string(), head.len() - 7));
            }
        }
        if n == 4 || start == 0 || raw.chars().any(char::is_uppercase) {
            return None;
        }
        rest = rest[..start].trim_end();
    }
    None
}

/// Whether only punctuation stands before `at` in the sentence.
fn is_sentence_start(r: &Reading, at: usize) -> bool {
    r.text[..at].trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
}

/// Whether the text ends with a present form of "be", past an adverb: "is", "are now".
fn ends_with_present_be(text: &str) -> bool {
    let mut words = text.split_whitespace().rev().map(lower_cow);
    let mut w = words.next().unwrap_or_default();
    while ["now", "currently", "also", "reportedly", "already", "still"].contains(&&*w) {
        w = words.next().unwrap_or_default();
    }
    ["is", "are", "am"].contains(&&*w)
}

/// "is visiting", "is currently on a visit", "is on his first official
/// visit": a stay going on as the article is written.
fn is_going_on(r: &Reading, i: usize) -> bool {
    let words: Vec<Cow<str>> = words_before(r, i).take(8).collect();
    let on = words.iter().take(5).position(|w| w == "on").map_or(0, |k| k + 1);
    let rest = words.iter().skip(on).find(|w| !["currently", "now", "still"].contains(&&***w));
    words.first().is_some_and(|w| w == "currently") || rest.is_some_and(|w| w == "is" || w == "are")
}

/// Who travels for the visit word `w`: "a visit by X"; a delegation's country
/// or principal ("a Saudi delegation", "the delegation representing X"); the
/// clause's subject for an adverbial visit noun ("met Assad on his first
/// visit"); the nearest actor before it in its clause (also through "who":
/// "Pedersen, who arrived"); else the subject after a fronted phrase ("After
/// a trip to Iraq, Ban said"). `adverbial` is Some(fronted) for a visit noun
/// in an adverbial phrase.
fn visitor(
    r: &Reading,
    dict: &Dictionaries,
    w: &entities::Found,
    by_phrase: bool,
    place: Option<&PlaceSpan>,
    adverbial: Option<bool>,
) -> Option<Visitor> {
    let of = |a: &ActorSpan| Visitor::of(a, dict);
    let not_place = |a: &ActorSpan| place.is_none_or(|p| p.name != a.name);
    // "A visit by X", "a visit to three countries by Secretary of State X":
    // the person the by-phrase names, else its first actor.
    let by = if by_phrase {
        Some(w.end)
    } else {
        let end = (w.end + 60..=r.text.len()).find(|&k| r.text.is_char_boundary(k)).unwrap_or(r.text.len());
        r.text[w.end..end].find(" by ").map(|k| w.end + k + 4).filter(|&b| {
            // Within the visit's noun phrase: no verb between ("a visit ... is part of an effort by").
            let between = &r.text[w.end..b];
            // "arrived ... accompanied by X": X travels along, as a companion.
            let by_word = r.text[..b - 4].rfind(' ').map_or(0, |k| k + 1);
            b - w.end <= 50
                && !between.contains(',')
                && !opens_companion(r, by_word)
                // "to meet a delegation led by X": the agent of another
                // participle, not of the visit.
                && (by_word < w.end || !r.text[by_word..b - 4].ends_with("ed"))
                && !between.split_whitespace().any(|x| VERBS_IN_BETWEEN.contains(&&*lower_cow(x)))
        })
    };
    if let Some(b) = by {
        let after: Vec<&ActorSpan> =
            r.actors.iter().filter(|a| a.start >= b && a.start - b <= 40 && !r.clause_break(b, a.start)).collect();
        if let Some(a) = after.iter().find(|a| a.person()).or(after.first()) {
            return Some(of(a));
        }
    }
    // The subject after the comma; in "U.N. Secretary-General Ban Ki-moon"
    // the person, not the body named before the title.
    let subject_after = || {
        let comma = r.text[w.end..].find(", ").map(|k| w.end + k)?;
        let mut subject = r
            .actors
            .iter()
            .filter(|a| a.start > comma && !a.agency())
            .take_while(|a| !r.clause_break(comma + 1, a.start));
        let first = subject.clone().next()?;
        subject.find(|a| a.person() && a.start.saturating_sub(first.end) <= 40).or(Some(first))
    };
    if let Some(v) = delegation(r, dict, w.start) {
        return Some(v);
    }
    // Through a relative clause: "Pedersen, who arrived", "Kenyatta, who has
    // been involved in mediation, landed".
    let reaches = |a: &ActorSpan| {
        let gap = r.text[a.end..w.start].trim_start_matches(',').trim();
        !r.clause_break(a.end, w.start)
            || matches!(gap, "who" | "who has" | "who had")
            || (gap.starts_with("who ") && gap.ends_with(',') && !gap[..gap.len() - 1].contains(','))
    };
    if let Some(fronted) = adverbial {
        // Fronted ("During his visit, Assad held talks"): the subject after the comma.
        if fronted {
            if let Some(s) = subject_after() {
                return Some(of(s));
            }
        }
        // Else the clause's subject, the person in it ("UN envoy Lakhdar Brahimi, on his first mission").
        let clause = clause_start_before(r, w.start);
        let mut subject =
            r.actors.iter().filter(|a| a.start >= clause && a.end <= w.start && !a.agency() && not_place(a));
        if let Some(a) = subject.clone().find(|a| a.person()).or(subject.next()) {
            return Some(of(a));
        }
    }
    if let Some(a) = r.actors.iter().rev().find(|a| a.end <= w.start && !a.agency() && reaches(a) && not_place(a)) {
        // "X, head of Y's High Council, has returned": the actor nearest
        // the verb stands in the apposition of the person who travels.
        let a = apposed_person(r, a, w.start).unwrap_or(a);
        // "After his arrival in Damascus, Mr Brahimi said": the pronoun looks ahead to the subject.
        let pronoun = a.how == How::Pronoun;
        let fronted = !r.text[..a.start].contains(", ") && r.text[w.end..].contains(", ");
        if pronoun && fronted {
            if let Some(s) = subject_after().filter(|s| s.person()) {
                return Some(of(s));
            }
        }
        return Some(of(a));
    }
    if let Some((from, to)) = described_subject(r, dict, w.start) {
        // The group of a body the reporting clause names travels as that body.
        let name = reporters_group(r, from, to).map_or_else(|| r.text[from..to].to_string(), |(owner, _)| owner);
        return Some(Visitor { name, start: from, home: None });
    }
    // "Sudan announced that it will send a delegation to Jeddah ... in
    // Geneva, Switzerland": past a clause break, the sentence's subject
    // travels, not a name after a later comma.
    if let Some(s) = r.main_subject().filter(|s| s.end <= w.start && !s.agency() && not_place(s)) {
        return Some(of(s));
    }
    subject_after().map(of)
}

/// People the text describes, with no name, as the subject of the verb at
/// `at`: "representatives of all observer countries arrived in X" (see
/// `talks::description_from`). The description opens its clause.
fn described_subject(r: &Reading, dict: &Dictionaries, at: usize) -> Option<(usize, usize)> {
    let mut j = r.tok_at(at);
    // Past auxiliaries ("have arrived", "are expected to travel").
    while j > 0 && dict.index().is_word_of(r.toks[j - 1].lower, Class::TravelAuxiliary) {
        j -= 1;
    }
    let end = r.toks.get(j.checked_sub(1)?)?.end;
    let opens = |k: usize| {
        k == 0
            || r.toks[k - 1].kind != crate::extract::tokens::TokKind::Word
            || matches!(r.toks[k - 1].lower, "that" | "and" | "but")
    };
    (j.saturating_sub(12)..j)
        .filter(|&k| opens(k) && !r.clause_break(r.toks[k].start, end))
        .find_map(|k| description_from(r, dict, k, j).filter(|&(_, to)| to == end))
        .or_else(|| {
            // "delegations had started arriving": a bare plural of people who
            // travel, opening its clause, is who travels, as written.
            let k = j - 1;
            let t = &r.toks[k];
            let head = t.lower.ends_with('s') && dict.index().is_word_of(t.lower, Class::VisitingGroup);
            let bare = opens(k) && !r.actors.iter().any(|a| a.start < t.end && t.start < a.end);
            (head && bare).then_some((t.start, t.end))
        })
        .or_else(|| {
            // "confirmed that a delegation will travel to Jeddah": one group
            // of people who travel, after its article, opening its clause.
            let k = j - 1;
            let t = &r.toks[k];
            let head = !t.lower.ends_with('s') && dict.index().is_word_of(t.lower, Class::VisitingGroup);
            let article = k > 0 && matches!(r.toks[k - 1].lower, "a" | "an");
            let bare = article && opens(k - 1) && !r.actors.iter().any(|a| a.start < t.end && t.start < a.end);
            (head && bare).then_some((t.start, t.end))
        })
}

/// "Sources in the Sudanese army said that a delegation departed", "X,
/// deputy commander of the SAF, confirmed that a delegation will travel":
/// one group noun after "a", in a clause another reports, is the group of
/// the body the reporting clause names last ("Sudanese army delegation").
/// Returns (sender, group as the sender's).
fn reporters_group(r: &Reading, from: usize, to: usize) -> Option<(String, String)> {
    let noun = &r.text[from..to];
    if noun.ends_with('s') || noun.contains(' ') {
        return None;
    }
    // The noun's article, and the last word of the clause before it.
    let article = r.tok_at(from).checked_sub(1)?;
    if !matches!(r.toks[article].text, "a" | "an") {
        return None;
    }
    let clause = r.toks[..article].iter().rev().find(|t| t.kind == crate::extract::tokens::TokKind::Word)?;
    let owner =
        r.actors.iter().rev().find(|a| a.end < clause.start && !a.person() && !a.agency() && !r.in_quote(a.start))?;
    Some((owner.name.to_string(), format!("{} {}", owner.name, noun.to_lowercase())))
}

/// The actors coordinated with the one at `start`, before it: "Sarraj and
/// Haftar went to Moscow", "Lavrov, Zarif and Cavusoglu arrived".
fn coordinated_before(r: &Reading, mut start: usize) -> Vec<String> {
    // "the two leaders", "both sides": a pair named by one description.
    let span = r.actor_starting_at(start);
    let pair = span.map(|v| r.actors.iter().filter(|a| a.start == v.start && a.end == v.end && a.name != v.name));
    let mut names: Vec<String> = pair.into_iter().flatten().map(|a| a.name.to_string()).collect();
    if !names.is_empty() {
        return names;
    }
    while let Some(a) = r.actors.iter().rev().find(|a| a.end <= start && !a.agency()) {
        let gap = r.text[a.end..start].trim();
        // The "and" stands next to the last one; commas before it list the
        // others (a comma alone is an apposition: "the envoy for Syria, Annan").
        // A headline lists with a comma alone ("X, Y arrive in Moscow"):
        // two persons there are two travellers, not a name and its apposition.
        let headline_list =
            r.title && gap == "," && a.person() && r.actor_starting_at(start).is_some_and(ActorSpan::person);
        let joins = if names.is_empty() { matches!(gap, "and" | ", and" | "&") || headline_list } else { gap == "," };
        if !joins {
            // "X, the head of Y, and his rival Z came": the first of a pair
            // past its apposition or a relation its "and" names.
            if let Some(p) = names.is_empty().then(|| conjunct_before(r, start)).flatten() {
                names.push(p.name.to_string());
            }
            break;
        }
        names.push(a.name.to_string());
        start = a.start;
    }
    names.reverse();
    names
}

/// Whether the text from `from` to `to`, between two commas, is an
/// apposition: a description of the name before it ("the head of Y's
/// government in Z", "head of the High Council", "Y's second foreign
/// minister"), not a list of names ("Zarif, Cavusoglu and Lavrov") nor a
/// clause. It opens with a lower-case word or a possessive and holds a
/// lower-case word besides "and".
fn apposition_between(r: &Reading, from: usize, to: usize) -> bool {
    if from >= to || r.clause_break(from, to) || r.text[from..to].contains(['"', '\u{201c}', '\u{201d}', '(', ':']) {
        return false;
    }
    let mut described = false;
    for (n, (at, w)) in r.spaced_words_from(from).take_while(|&(at, _)| at < to).enumerate() {
        let lower = w.starts_with(char::is_lowercase);
        if n >= 14 || (at == from && !lower && !is_possessive(w.trim_end_matches(','))) {
            return false;
        }
        described |= lower && !matches!(w, "and" | "or");
    }
    described
}

/// The person an apposition describes when the actor `a` found before the
/// verb at `verb` stands inside it: "X, head of Y's High Council, has
/// returned" is X's return, not the council's. Only auxiliaries stand
/// between the apposition's closing comma and the verb.
fn apposed_person<'r>(r: &'r Reading, a: &ActorSpan, verb: usize) -> Option<&'r ActorSpan> {
    let close = a.end + r.text.get(a.end..verb)?.rfind(',')?;
    let tail = &r.text[close + 1..verb];
    if tail.split_whitespace().count() > 3 || !tail.chars().all(|c| c.is_lowercase() || c == ' ') {
        return None;
    }
    let open = r.text[..a.start].rfind(", ")?;
    if !apposition_between(r, open + 2, close) {
        return None;
    }
    r.actor_ending_at(open).filter(|p| p.person() && p.how != How::Pronoun)
}

/// Where the "and" before a conjunct at `start` begins, past a relation
/// its possessive names ("and his rival Z", "and her deputy Z"): the byte
/// after the first conjunct (or its apposition).
fn and_before(r: &Reading, start: usize) -> Option<usize> {
    let mut k = r.tok_at(start);
    let word = |j: usize| r.toks.get(j).filter(|t| t.kind == TokKind::Word);
    // Up to two lower-case nouns after a possessive pronoun (a title
    // may open the conjunct's span: "and his deputy Z").
    let nouns = (0..=2).find(|&n| {
        (1..=n).all(|i| k >= i && word(k - i).is_some_and(|t| t.text.starts_with(char::is_lowercase)))
            && k > n
            && word(k - n - 1).is_some_and(|t| matches!(t.lower, "his" | "her" | "their" | "its"))
    });
    if let Some(n) = nouns {
        k -= n + 1;
    }
    let and = word(k.checked_sub(1)?).filter(|t| t.lower == "and")?;
    Some(r.text[..and.start].trim_end().len())
}

/// The first of two coordinated travellers when a plain "X and Y" does not
/// join them: "X, the head of Y's government in Z, and his rival W came"
/// (past X's apposition), "X and his rival W came" (past the relation).
fn conjunct_before<'r>(r: &'r Reading, start: usize) -> Option<&'r ActorSpan> {
    let end = and_before(r, start)?;
    let person = |p: &&ActorSpan| p.person() && p.how != How::Pronoun;
    if let Some(p) = r.actor_ending_at(end).filter(person) {
        return Some(p);
    }
    let close = end.checked_sub(1).filter(|&c| r.text.as_bytes()[c] == b',')?;
    let open = r.text[..close].rfind(", ")?;
    apposition_between(r, open + 2, close).then(|| r.actor_ending_at(open).filter(person)).flatten()
}

/// The traveller coordinated after the one ending at `end`, past its
/// apposition: "The trip by X, secretary general of Y, and W, Z's foreign
/// minister".
fn conjunct_after<'r>(r: &'r Reading, end: usize) -> Option<&'r ActorSpan> {
    let rest = &r.text[end..];
    let mut from = end;
    if let Some(np) = rest.strip_prefix(", ") {
        let close = end + 2 + np.find(',')?;
        if !apposition_between(r, end + 2, close) {
            return None;
        }
        from = close;
    }
    let after = r.text[from..].trim_start_matches([',', ' ']);
    let at = r.text.len() - after.strip_prefix("and ")?.trim_start().len();
    r.actor_starting_at(at).filter(|p| p.person() && p.how != How::Pronoun)
}

/// Whether a `joins companion` phrase ("along with", "accompanied by")
/// starts at byte `at`.
fn opens_companion(r: &Reading, at: usize) -> bool {
    let k = r.tok_at(at);
    r.toks.get(k).is_some_and(|t| t.start == at)
        && r.classes
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|(set, _)| set.iter().any(|c| c == entities::words::WordClass::Joins { companion: true }))
}

/// The one a companion travels with: in "Grimsby, along with his deputy
/// Varga, arrived", the nearest name to the verb is the companion.
fn lead_of_companion(r: &Reading, dict: &Dictionaries, v: Visitor) -> Visitor {
    let lead = r.actors.iter().rev().find(|a| {
        a.end <= v.start && v.start - a.end <= 60 && a.how != How::Pronoun && !a.agency() && {
            let gap = r.text[a.end..v.start].trim_start_matches([',', ' ']);
            opens_companion(r, v.start - gap.len()) && !gap.contains([',', ';']) && gap.split_whitespace().count() <= 6
        }
    });
    match lead {
        Some(a) => Visitor::of(a, dict),
        None => v,
    }
}

/// Who travels with the visitor at `start`: "Mistura, along with his
/// Egyptian deputy Ramzy Ezzedine Ramzy, entered Syria", "accompanied by X".
fn companions_after(r: &Reading, start: usize) -> Vec<String> {
    let Some(v) = r.actors.iter().find(|a| a.start == start) else { return Vec::new() };
    let mut names = Vec::new();
    for a in r.actors.iter().filter(|a| a.start >= v.end && a.start - v.end <= 60 && a.how != How::Pronoun) {
        let gap = r.text[v.end..a.start].trim_start_matches([',', ' ']);
        let opens = opens_companion(r, a.start - gap.len());
        if !opens || gap.contains([',', ';']) || gap.split_whitespace().count() > 6 || a.agency() {
            continue;
        }
        names.push(appositive_person(r, a).name.to_string());
        break;
    }
    names
}

/// Who travels with the visitor, named after the verb at byte `end`:
/// "arrived in X on Monday, accompanied by his deputy Y", "accompanied by the
/// group's spokesman, Y" (a description's apposition names the companion).
fn companions_after_verb(r: &Reading, end: usize) -> Vec<String> {
    let k0 = r.tok_at(end);
    let Some(k) = (k0..(k0 + 16).min(r.toks.len()))
        .take_while(|&j| !r.clause_break(end, r.toks[j].start))
        .find(|&j| opens_companion(r, r.toks[j].start))
    else {
        return Vec::new();
    };
    let Some(after) = r.classes[k].map(|(_, after)| after) else { return Vec::new() };
    let Some(from) = r.toks.get(after).map(|t| t.start) else { return Vec::new() };
    let first = r.actors.iter().find(|a| {
        a.start >= from
            && a.start - from <= 60
            && a.how != How::Pronoun
            && !a.agency()
            && !r.clause_break(from, a.start)
    });
    let Some(a) = first else { return Vec::new() };
    vec![appositive_person(r, a).name.to_string()]
}

/// The person a companion's description is in apposition with ("accompanied
/// by the group's spokesman and head of its delegation, X" is X), else the
/// companion as named.
fn appositive_person<'r>(r: &'r Reading, a: &'r ActorSpan) -> &'r ActorSpan {
    if a.person() {
        return a;
    }
    r.actors
        .iter()
        .find(|p| {
            p.person()
                && p.how != How::Pronoun
                && p.start > a.end
                && p.start - a.end <= 80
                && r.text[a.end..p.end].matches(',').count() == 1
                && !r.clause_break(a.end, p.start)
        })
        .unwrap_or(a)
}

/// Whether a group noun with its "to" ("mission to", "delegation to") follows
/// "of the" past the names that modify it: "head of the OSCE mission to X",
/// "Charge d'Affaires of the UK Mission to X" name a post, not a trip.
fn posted_group(r: &Reading, dict: &Dictionaries, w: &entities::Found, phrase: &str) -> bool {
    let Some(noun) = phrase.strip_suffix(" to") else { return false };
    if !dict.index().is_word_of(noun, Class::VisitingGroup) {
        return false;
    }
    let k = r.tok_at(w.start);
    let mut before = r.toks[..k].iter().rev();
    for _ in 0..5 {
        match before.next() {
            Some(t) if t.lower == "the" => return before.next().is_some_and(|t| t.lower == "of"),
            // Only the capitalised words of a name ("European Union") stand between.
            Some(t) if t.text.starts_with(char::is_uppercase) => {}
            _ => return false,
        }
    }
    false
}

/// The date of the clause that holds `i`: "In April, ... on a visit".
fn clause_date<'r>(r: &'r Reading, i: usize) -> Option<&'r TimeExpr> {
    let start = clause_start_before(r, i);
    r.dates
        .iter()
        .filter(|d| !d.since && d.start >= start && !r.clause_break(d.end.min(i), d.end.max(i)))
        .filter(|d| !possessive_of_another(r, d, i))
        // "On his first trip abroad since the war broke out in April, X visited
        // Egypt on Tuesday": April is when the span began.
        .filter(|d| d.start < i || !since_between(r, i, d.start))
        .min_by_key(|d| d.start.abs_diff(i))
}

/// Where the clause holding `i` starts: after the last clause break before it
/// (a ';' or '—', or a clause word after a space, as `Reading::clause_break`).
fn clause_start_before(r: &Reading, i: usize) -> usize {
    let bytes = r.text.as_bytes();
    let mut k = i;
    while k > 0 {
        k -= 1;
        match bytes[k] {
            b';' => return k + 1,
            // A clause word after the space (all of them start with one of these letters).
            b' ' if bytes.get(k + 1).is_some_and(|b| matches!(b | 0x20, b't' | b'w' | b'b' | b's')) => {
                let next = &bytes[k + 1..i];
                if CLAUSE_WORDS.iter().any(|w| next.get(..w.len()).is_some_and(|n| n.eq_ignore_ascii_case(w))) {
                    return k + 1;
                }
            }
            // The lead byte of '—' (E2 80 94) starts a character.
            0xE2 if r.text[k..].starts_with('\u{2014}') => return k + 3,
            _ => {}
        }
    }
    0
}

/// A delegation that travels, as the subject of the visit word at `i`: its
/// country ("a Saudi delegation", "the Ukrainian negotiators") or whom it
/// represents ("the delegation of Ukraine", "a delegation representing the
/// Sudanese army").
fn delegation(r: &Reading, dict: &Dictionaries, i: usize) -> Option<Visitor> {
    // The head is at most 80 bytes before the verb: only the text near it is searched.
    let from = (0..=i.saturating_sub(100)).rev().find(|&k| r.text.is_char_boundary(k)).unwrap_or(0);
    if !dict.index().words_of(Class::VisitingGroup).any(|d| r.text[from..i].contains(&d[1..])) {
        return None;
    }
    // ASCII lower case keeps the offsets.
    let lower = r.text[..i].to_ascii_lowercase();
    let (at, head) = dict
        .index()
        .words_of(Class::VisitingGroup)
        .filter_map(|d| lower.rfind(d).map(|k| (k, d)))
        .filter(|&(k, d)| {
            let end = k + d.len();
            lower[..k].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                && lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
        })
        .max_by_key(|&(k, _)| k)?;
    let end = at + head.len();
    if r.clause_break(end, i) || i - end > 80 {
        return None;
    }
    // Another subject between the delegation and the verb: not the delegation's trip.
    let rest = lower[end..].trim_start();
    let of_phrase = ["of ", "from ", "representing ", "led by ", "headed by "].iter().find(|p| rest.starts_with(**p));
    if of_phrase.is_none() && r.actors.iter().any(|a| a.start >= end && a.end <= i) {
        return None;
    }
    if let Some(p) = of_phrase {
        let from = end + (lower[end..].len() - rest.len()) + p.len();
        // "representing the Sudanese Armed Forces": the body as written when
        // no known actor names all of it.
        let written = r.text[from..i].trim().trim_end_matches(',');
        let written = written.strip_prefix("the ").unwrap_or(written);
        // (Within the phrase: not an actor after the verb.)
        let whole = r
            .actors
            .iter()
            .any(|a| a.start >= from && a.start < i && a.end >= i.min(from + written.len()).saturating_sub(1));
        let words = written.split_whitespace().count();
        if *p == "representing " && !whole && (2..=5).contains(&words) && written.starts_with(char::is_uppercase) {
            return Some(Visitor { name: written.to_string(), start: from, home: None });
        }
        if let Some(a) = r.actors.iter().find(|a| a.start >= from && a.start - from <= 12 && !a.agency()) {
            return Some(Visitor {
                name: a.name.to_string(),
                start: a.start,
                home: a.country.as_deref().map(String::from),
            });
        }
        if let Some(p) = r.places.iter().find(|p| p.country && p.start >= from && p.start - from <= 12) {
            return Some(Visitor { name: p.name.to_string(), start: p.start, home: Some(p.name.to_string()) });
        }
    }
    // "a Saudi delegation", "the high-level Ukrainian delegation".
    let country = r
        .places
        .iter()
        .filter(|p| p.end <= at && at - p.end <= 20 && !r.clause_break(p.end, at))
        .filter(|p| p.country || p.adjective)
        .max_by_key(|p| p.end)?;
    let name = if country.country {
        country.name.to_string()
    } else {
        let index = dict.index();
        let p = index.place_named(&country.name)?;
        dict.places[p].country.clone().unwrap_or_else(|| country.name.to_string())
    };
    Some(Visitor { home: Some(name.clone()), name, start: country.start })
}

/// "Lavrov, in Geneva for talks with Kerry": a person in a place for talks
/// that is not at home there has travelled to it. So has one who "was in
/// Kigali last weekend", "is in Nairobi, where he met ...", or "will be in
/// Minsk on Friday": a form of "be" before "in" tells of a stay when a date,
/// a purpose or a "where" clause goes with it.
fn stays(r: &Reading, dict: &Dictionaries, anchor: &Anchor, out: &mut Vec<Candidate>) {
    if !r.places.iter().any(|p| !p.adjective) || !(r.text.contains(" for ") || r.text.contains(" in ")) {
        return;
    }
    let lower = r.text.to_ascii_lowercase();
    let index = dict.index();
    for p in r.places.iter().filter(|p| !p.adjective) {
        let rest = lower[p.end..].trim_start_matches(',').trim_start();
        let purpose = index.words_of(Class::StayPurpose).any(|s| rest.starts_with(s));
        let mut before = words_before(r, p.start);
        if before.next().is_none_or(|w| w != "in") {
            continue;
        }
        // "was in", "is also in", "will be in".
        let be = before
            .find(|w| !["also", "already", "still", "now", "currently", "again"].contains(&&**w))
            .filter(|w| STAY_VERBS.contains(&&**w));
        let date = date_near(r, dict, p.start, p.end, 50).or_else(|| fronted_date(r, p.start));
        let where_clause = r.text[p.end..].trim_start().starts_with(", where");
        if !purpose && !(be.is_some() && (date.is_some() || where_clause || stay_purpose_after(dict, rest))) {
            continue;
        }
        let home = |a: &ActorSpan| {
            let country = index.place_named(&p.name).and_then(|i| dict.places[i].country.clone());
            a.country.as_deref().is_some_and(|c| country.as_deref() == Some(c) || *p.name == *c)
        };
        let Some(person) = r
            .actors
            .iter()
            .rev()
            .find(|a| a.person() && a.end <= p.start && p.start - a.end <= 60 && !r.clause_break(a.end, p.start))
        else {
            continue;
        };
        if home(person) {
            continue;
        }
        let tense = date.map(|d| dates::tense_at(r.text, d.start, d.end, &dict.dates)).unwrap_or(Tense::Present);
        let mut ev = Event::new(Kind::Visit, Status::Happened);
        set_date(&mut ev, date, tense, anchor, dict);
        weekend_as_week(&mut ev, date);
        let ahead = be.as_deref() == Some("be");
        if ahead || status_from_date(ev.date, anchor) == Some(Status::Planned) {
            ev.status = Status::Planned;
        }
        if ev.date.is_none() && be.as_deref().is_none_or(|w| ["is", "are"].contains(&w)) {
            ev.date = anchor.published.map(DateSpan::day);
        }
        ev.place = Some(p.name.to_string());
        ev.actors.push(EventActor { name: person.name.to_string(), role: Role::Visitor });
        ev.mentions.push(r.mention());
        let mut c = Candidate::new(ev, r.offset + p.start, tense);
        c.family = 3;
        out.push(c);
    }
}

/// Forms of "be" before "in" that tell of a stay.
const STAY_VERBS: &[&str] = &["was", "were", "is", "are", "be"];

/// A purpose after a date: "was in Nairobi on Tuesday for talks".
fn stay_purpose_after(dict: &Dictionaries, rest: &str) -> bool {
    rest.split(", ").next().is_some_and(|clause| dict.index().words_of(Class::StayPurpose).any(|s| clause.contains(s)))
}

/// Two visit words for one visitor in one sentence ("arrived in Addis Ababa
/// on a working visit") are one trip: the later joins the earlier when their
/// visitors and places agree.
fn one_trip_per_sentence(dict: &Dictionaries, out: &mut Vec<Candidate>, from: usize) {
    // A city and its country are one destination ("arrived in Damascus ... his trip to Syria").
    let within = |a: &str, b: &str| a == b || country_of(dict, a).as_deref() == Some(b);
    let mut k = from + 1;
    while k < out.len() {
        let later = &out[k].event;
        let same = (from..k).find(|&j| {
            let e = &out[j].event;
            let visitors_agree = e.actors.is_empty() || later.actors.is_empty() || e.actors == later.actors;
            let places_agree = match (e.place.as_deref(), later.place.as_deref()) {
                (Some(a), Some(b)) => within(a, b) || within(b, a),
                _ => true,
            };
            // ... and the two share something: the visitor, or the destination.
            let shares = (!e.actors.is_empty() && e.actors == later.actors)
                || e.place.as_deref().zip(later.place.as_deref()).is_some_and(|(a, b)| within(a, b) || within(b, a));
            visitors_agree && places_agree && shares
        });
        match same {
            Some(j) => {
                let c = out.remove(k);
                let e = &mut out[j].event;
                // The more precise destination: the city rather than its country.
                if e.place.is_none()
                    || c.event.place.as_deref().zip(e.place.as_deref()).is_some_and(|(a, b)| a != b && within(a, b))
                {
                    e.place = c.event.place;
                }
                if e.date.is_none() {
                    e.date = c.event.date;
                    e.date_text = c.event.date_text;
                }
                if e.actors.is_empty() {
                    e.actors = c.event.actors;
                }
                out[j].anaphoric &= c.anaphoric;
            }
            None => k += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::tests::{events, of};
    use crate::model::{Kind, Status};

    /// (visitor, place, status, first day) of each visit of an article.
    fn visits(text: &str, published: &str) -> Vec<(String, Option<String>, Status, Option<String>)> {
        of(&events(text, published), Kind::Visit)
            .iter()
            .map(|e| {
                let visitor = e.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("+");
                (visitor, e.place.clone(), e.status, e.date.map(|d| d.labels().0))
            })
            .collect()
    }

    fn v(
        visitor: &str,
        place: &str,
        status: Status,
        day: Option<&str>,
    ) -> (String, Option<String>, Status, Option<String>) {
        (visitor.into(), Some(place.into()), status, day.map(String::from))
    }

    /// "arrived in", "came to", "flew to", "headed to", "landed in", "his
    /// arrival in", "a mission to", "travelled to", "returned to/from".
    #[test]
    fn verbs_of_travel_are_visits() {
        use Status::*;
        for (text, want) in [
            ("Kerry came to Moscow on Tuesday.", v("John Kerry", "Moscow", Happened, Some("2013-11-12"))),
            (
                "Kofi Annan landed in Ethiopia on Sunday for a one-day visit.",
                v("Kofi Annan", "Ethiopia", Happened, Some("2013-11-10")),
            ),
            ("Lavrov flew to Geneva on Thursday.", v("Sergei Lavrov", "Geneva", Happened, Some("2013-11-14"))),
            ("Brahimi headed to Tehran on Monday.", v("Lakhdar Brahimi", "Tehran", Happened, Some("2013-11-11"))),
            ("Lavrov travelled to Cairo last week.", v("Sergei Lavrov", "Cairo", Happened, Some("2013-W45"))),
            ("Brahimi returned to Geneva on Wednesday.", v("Lakhdar Brahimi", "Geneva", Happened, Some("2013-11-13"))),
            (
                "Brahimi returned from Damascus on Wednesday.",
                v("Lakhdar Brahimi", "Damascus", Happened, Some("2013-11-13")),
            ),
            ("Lavrov went to Beijing on Monday.", v("Sergei Lavrov", "Beijing", Happened, Some("2013-11-11"))),
        ] {
            assert_eq!(visits(text, "2013-11-15"), std::slice::from_ref(&want), "{text}");
        }
        // news 04, with its article's publication date.
        let text = "After his arrival in Damascus on Thursday, Mr Brahimi said the crisis was deteriorating.";
        assert_eq!(visits(text, "2012-09-14"), [v("Lakhdar Brahimi", "Damascus", Happened, Some("2012-09-13"))]);
        let text = "UN-Arab League envoy to Syria Lakhdar Brahimi, on his first mission to the country, is to meet an opposition group.";
        assert_eq!(visits(&format!("The war in Syria goes on.\n{text}"), "2012-09-14")[0].0, "Lakhdar Brahimi");
    }

    /// Verbs of many uses travel only with a destination, and only as verbs;
    /// going home is no visit.
    #[test]
    fn no_trip_without_a_destination_or_to_home() {
        for text in [
            "The party came to power in 2012.",
            "The statement called for the return to Ukraine of all deported children.",
            "Assad had returned to Damascus by then.",
            "They went to the polls on Sunday.",
            "Putin praised the readiness to send a delegation to the conference.",
        ] {
            assert!(visits(text, "2013-11-15").is_empty(), "{text}");
        }
    }

    /// A trip under way is planned: "is heading to X today", "is flying to X on
    /// Thursday" (world-a a15); so is one in the infinitive.
    #[test]
    fn trips_under_way_are_planned() {
        use Status::*;
        let text =
            "Germany's Foreign Minister Heiko Maas is flying to Libya on Thursday to meet warlord Khalifa Haftar.";
        let got = visits(text, "2020-01-16");
        assert_eq!((got[0].1.as_deref(), got[0].2, got[0].3.as_deref()), (Some("Libya"), Planned, Some("2020-01-16")));
        assert_eq!(
            visits("Lavrov is heading to Geneva today.", "2013-11-15"),
            [v("Sergei Lavrov", "Geneva", Planned, Some("2013-11-15"))]
        );
        let got = visits("They gave the envoy until Friday to persuade Lavrov to come to Geneva.", "2013-11-15");
        assert_eq!((got[0].1.as_deref(), got[0].2), (Some("Geneva"), Planned));
    }

    /// A delegation travels for its country or for whom it represents (and
    /// as the text describes it, beside its country).
    #[test]
    fn a_delegation_is_the_visitor() {
        use Status::*;
        assert_eq!(
            visits("A Saudi delegation arrived in Sanaa on Monday.", "2013-11-15"),
            [v("Saudi Arabia+Saudi delegation", "Sanaa", Happened, Some("2013-11-11"))]
        );
        assert_eq!(
            visits("The delegation of Ukraine arrived in Minsk.", "2013-11-15")[0].0,
            "Ukraine+Ukraine delegation"
        );
        // world-b b03
        let text = "A high-profile delegation representing the Sudanese Armed Forces arrived in Jeddah on Saturday to resume peace talks.";
        assert_eq!(visits(text, "2023-07-16"), [v("Sudanese army", "Jeddah", Happened, Some("2023-07-15"))]);
    }

    /// The visitor through a relative clause, the subject of an adverbial
    /// visit, the person of a by-phrase.
    #[test]
    fn the_visitor_of_relative_adverbial_and_by_phrases() {
        use Status::*;
        let text = "Kofi Annan, who has been involved in mediation efforts, landed in Ethiopia on Sunday.";
        assert_eq!(visits(text, "2013-11-15")[0].0, "Kofi Annan");
        assert_eq!(
            visits("Officials said Staffan de Mistura, who arrived in Damascus on Tuesday, met Assad.", "2014-09-09")
                [0]
            .0,
            "Staffan de Mistura"
        );
        assert_eq!(
            visits("On Monday, Kerry met Putin in Moscow on a two-day visit.", "2013-11-15"),
            [v("John Kerry", "Moscow", Happened, Some("2013-11-11"))]
        );
        // world-b b14
        let text = "In April, Saudi Foreign Minister Prince Faisal bin Farhan met with Assad in Damascus on the first such visit since the war broke out.";
        assert_eq!(visits(text, "2023-05-10"), [v("Faisal bin Farhan", "Damascus", Happened, Some("2023-04"))]);
        // world-b b06
        let text = "His comments preceded a visit to three African countries by US Secretary of State Antony Blinken, who supported the mediation.";
        assert_eq!(visits(text, "2021-11-14")[0].0, "Antony Blinken");
        assert_eq!(
            visits("Kerry's visit to Egypt is part of an effort by the US to mend ties.", "2013-11-15")[0].0,
            "John Kerry"
        );
    }

    /// Two visit words for one trip in one sentence are one visit, at the
    /// city rather than its country; a quote that names the traveller tells
    /// of a trip (news 02).
    #[test]
    fn one_trip_per_sentence() {
        use Status::*;
        let text = "Blinken arrived in Addis Ababa on Wednesday on a working visit.";
        assert_eq!(visits(text, "2023-03-16"), [v("Antony Blinken", "Addis Ababa", Happened, Some("2023-03-15"))]);
        let text = "\u{201c}The Joint Special Envoy for Syria, Kofi Annan, arrived in Damascus this evening for talks with President Bashar Al-Assad,\u{201d} Ahmad Fawzi said of Annan\u{2019}s third trip to Syria since the outbreak of the conflict.";
        let got = visits(text, "2012-07-09");
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0.as_str(), got[0].1.as_deref()), ("Kofi Annan", Some("Damascus")));
    }

    /// A bare visit noun's destination follows it; a place later in its
    /// clause is not it (world-b b08). After an ordinal the infinitive
    /// tells what happened (world-a a03).
    #[test]
    fn destination_of_a_visit_noun_and_the_first_to_arrive() {
        let got = visits("Kerry's visit came amid renewed fighting in Aleppo.", "2013-11-15");
        assert_eq!((got[0].0.as_str(), got[0].1.as_deref()), ("John Kerry", None));
        let got = visits("Lavrov was the first to arrive in Minsk.", "2016-11-29");
        assert_eq!((got[0].1.as_deref(), got[0].2), (Some("Minsk"), Status::Happened));
    }

    /// Found on the generated corpus: the backward search for a clause start
    /// sliced a name inside its 'ş'.
    #[test]
    fn clause_search_stops_on_character_boundaries() {
        let text = "Numan Kurtulmu\u{15f} arrived in Aden on Saturday for a two-day visit, the Malagasy embassy said.";
        assert_eq!(visits(text, "2013-11-15")[0].1.as_deref(), Some("Aden"));
        let text = "On his visit \u{2014} the first \u{2014} Lavrov met \u{015e}ahin in Ankara.";
        assert!(visits(text, "2013-11-15").len() <= 1);
    }

    /// "From Kazakhstan, where he is currently on a visit" (news 09): the place
    /// before the visit word, the publication day; "in X for talks" away from home.
    #[test]
    fn stays_where_and_in_x_for_talks() {
        use Status::*;
        let text = "Russian Foreign Minister Sergei Lavrov will travel to Geneva from Kazakhstan, where he is currently on a visit.";
        let got = visits(text, "2013-09-11");
        assert_eq!(got[1], v("Sergei Lavrov", "Kazakhstan", Happened, Some("2013-09-11")));
        assert_eq!((got[0].1.as_deref(), got[0].2), (Some("Geneva"), Planned));
        assert_eq!(
            visits("Lavrov, in Geneva for talks with Kerry, said progress was made.", "2013-11-15"),
            [v("Sergei Lavrov", "Geneva", Happened, Some("2013-11-15"))]
        );
        assert!(visits("Assad, in Damascus for talks with the envoy, said little.", "2013-11-15").is_empty());
        let text =
            "Fighting in Ethiopia went on.\nUS special envoy Jeffrey Feltman also visited the country last week.";
        assert_eq!(visits(text, "2021-11-14")[0].1.as_deref(), Some("Ethiopia"));
    }
}
