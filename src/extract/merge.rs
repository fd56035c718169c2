//! Reports of one event inside an article, merged into one event with several mentions.

use crate::extract::dates::{Anchor, Tense};
use crate::extract::rules::{kindred, Candidate};
use crate::model::{DateSpan, Event, Kind, Precision, Status};
// ---------------------------------------------------------------- merging

pub(crate) fn overlaps(a: Option<DateSpan>, b: Option<DateSpan>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
        _ => true,
    }
}

pub(crate) fn persons(ev: &Event) -> Vec<&str> {
    ev.actors.iter().map(|a| a.name.as_str()).collect()
}

/// Participants agree when one set holds the other.
pub(crate) fn actors_agree(a: &Event, b: &Event) -> bool {
    let (pa, pb) = (persons(a), persons(b));
    pa.is_empty() || pb.is_empty() || pa.iter().all(|x| pb.contains(x)) || pb.iter().all(|x| pa.contains(x))
}

/// A report of a meeting that took place is never one of a meeting still to
/// come (or called off), nor the reverse: the text would have to say that the
/// planned meeting took place.
fn statuses_agree(a: Status, b: Status) -> bool {
    let done = |s: Status| s == Status::Happened;
    a == Status::Unknown || b == Status::Unknown || done(a) == done(b)
}

/// Both reports name the same venue (a city, not a country) and the same
/// participants: "talks are to be held in Gomel" and "talks have begun in
/// Gomel" report one meeting, first planned, then held.
fn same_venue(a: &Event, b: &Event) -> bool {
    a.place.is_some() && a.place == b.place && !a.actors.is_empty() && actors_agree(a, b)
}

/// Two visits by travellers of one country, one of them told with no person
/// the dictionary knows by name ("US envoy returns to Doha", "Sudan
/// government representatives arrive in Jeddah"), at one place (or a city
/// and its country) and of one status, are one trip: "Khalilzad has
/// returned to Qatar", "a delegation of the Sudanese army arrived in Jeddah
/// on Saturday".
fn same_side(e: &Candidate, c: &Candidate) -> bool {
    e.event.kind == Kind::Visit
        && c.event.kind == Kind::Visit
        && same_place(e, c)
        && e.event.status == c.event.status
        && matches!((&e.side, &c.side), (Some((a, pa)), Some((b, pb))) if a == b && !(*pa && *pb))
}

/// Both reports name the same day: the planned meeting and the one held are one.
fn same_day(a: Option<DateSpan>, b: Option<DateSpan>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.precision == Precision::Day && a == b)
}

pub(crate) fn compatible(a: &Event, b: &Event) -> bool {
    a.kind == b.kind
        && (a.kind == Kind::Statement
            || a.kind == Kind::DeathToll
            || statuses_agree(a.status, b.status)
            || same_day(a.date, b.date)
            || same_venue(a, b))
        && overlaps(a.date, b.date)
        && (a.place.is_none() || b.place.is_none() || a.place == b.place)
        && (a.count.is_none() || a.count == b.count)
}

/// Both name a place, and it is one: the same, or a city and the country
/// it lies in ("a summit in Saudi Arabia", "the summit ... in Jeddah").
fn same_place(e: &Candidate, c: &Candidate) -> bool {
    match (&e.event.place, &c.event.place) {
        (Some(a), Some(b)) => a == b || e.within.as_ref() == Some(b) || c.within.as_ref() == Some(a),
        _ => false,
    }
}

/// `compatible` for two reports as found (a loose one may join an event of
/// any status): places agree when one is the
/// country the other lies in, and a status guessed from a present tense
/// ("talks ... are in doubt") agrees with any.
fn reports_compatible(e: &Candidate, c: &Candidate, loose: bool) -> bool {
    let (a, b) = (&e.event, &c.event);
    let guess = e.status_guessed || c.status_guessed;
    a.kind == b.kind
        && (a.kind == Kind::Statement
            || a.kind == Kind::DeathToll
            || loose
            || guess
            || statuses_agree(a.status, b.status)
            || same_day(a.date, b.date)
            || same_venue(a, b))
        && overlaps(a.date, b.date)
        && (a.place.is_none() || b.place.is_none() || same_place(e, c))
        && (a.count.is_none() || a.count == b.count)
}

/// The most actors one event keeps.
const MAX_ACTORS: usize = 32;

pub(crate) fn absorb(into: &mut Event, c: Event) {
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
        if into.actors.len() < MAX_ACTORS && !into.actors.iter().any(|x| x.name == a.name) {
            into.actors.push(a);
        }
    }
    // Reports come in article order: a sentence already cited is among the last.
    for m in c.mentions {
        if !into.mentions.iter().rev().take(4).any(|x| x.start == m.start) {
            into.mentions.push(m);
        }
    }
}

/// The earlier event a talks or visit candidate reports again, if any.
///
/// A candidate with its own date or place joins the latest compatible event with
/// an overlapping date or the same place. One without them joins the latest
/// compatible event of its own family (conference-like or meeting-like), and
/// failing that of any family if it refers back ("the talks"). Two trigger
/// words of one sentence ("met ... in talks") are one meeting when they agree.
pub(crate) fn merge_target(all: &[Candidate], c: &Candidate, people: &[String]) -> Option<usize> {
    // Only the latest events: a report refers back a page at most, and the
    // search stays bounded however long the article.
    let lo = all.len().saturating_sub(WINDOW);
    merge_target_in(&all[lo..], c, people).map(|i| i + lo)
}

/// How many days apart two reports of the same travellers at the same place
/// may be and still tell of one trip.
const TRIP_DAYS: i64 = 2;

/// How many of the latest events a report may join.
const WINDOW: usize = 64;

fn merge_target_in(events: &[Candidate], c: &Candidate, people: &[String]) -> Option<usize> {
    let sentence = c.event.mentions[0].start;
    // One place and one day make one meeting, whoever each report names.
    let same_occasion = |e: &Candidate| {
        e.event.place.is_some()
            && e.event.place == c.event.place
            && e.event.date.is_some_and(|d| d.precision == Precision::Day)
            && e.event.date == c.event.date
    };
    // One city, one time and one participant in common make one meeting of
    // that status, however differently each report names the others ("the
    // foreign ministers of the two countries will hold talks in Moscow next
    // week" and "the ministry announced that X and Y will meet in Moscow on
    // May 19"; "the team will hold talks with the Taliban in Doha" and "the
    // delegation who will meet the Taliban in Doha"). Both dated, or both
    // not: a meeting whose place is only guessed from a trip ("arrives in X to
    // advance peace talks") is not the dated meeting of that trip.
    let same_city = |e: &Candidate| {
        c.within.is_some()
            && e.event.date.is_some() == c.event.date.is_some()
            && e.event.place == c.event.place
            && e.event.status == c.event.status
            && e.event.actors.iter().any(|a| c.event.actors.iter().any(|b| a.name == b.name))
    };
    let fits_as = |e: &Candidate, loose: bool| {
        e.event.kind == c.event.kind
            && reports_compatible(e, c, loose)
            && (c.anaphoric
                || c.merge_only
                || actors_agree(&e.event, &c.event)
                || same_occasion(e)
                || same_city(e)
                || same_side(e, c))
    };
    let fits = |e: &Candidate| fits_as(e, false);
    // Reports come in article order: a report of this sentence is the last one.
    let same_sentence = |e: &Candidate| e.event.mentions.last().is_some_and(|m| m.start == sentence);
    // Two trigger words of one sentence that name the same participants
    // report one meeting ("said after the meeting that they had good talks").
    let named = |e: &Candidate| !e.event.actors.is_empty() && !c.event.actors.is_empty();
    // The meeting's first word may have joined an earlier event of the
    // article rather than made the latest one ("Next week's meeting will mark
    // the first time the two ministers will meet"): any event this sentence
    // already reports is one to restate.
    let restated = events.iter().rposition(|e| {
        c.restates
            && same_sentence(e)
            && e.event.kind == c.event.kind
            && reports_compatible(e, c, false)
            && named(e)
            && actors_agree(&e.event, &c.event)
            && (c.event.date.is_none() || e.event.date == c.event.date)
    });
    if restated.is_some() {
        return restated;
    }
    if c.distinct {
        return None;
    }
    let specific = c.event.date.is_some() || c.event.place.is_some();
    // "On Sunday, the envoy began a visit to Muscat ... On Tuesday, he
    // concluded a visit to Muscat": the same travellers at the same place
    // within two days make one trip, each day a day of it (a trip on Monday
    // and one "again on Friday" are two).
    if c.event.kind == Kind::Visit && c.event.place.is_some() && !c.event.actors.is_empty() {
        let days_apart = |e: &Candidate| match (e.event.date, c.event.date) {
            (Some(a), Some(b)) => {
                (b.start - a.start).num_days().abs() <= TRIP_DAYS && (b.end - b.start).num_days() <= TRIP_DAYS
            }
            _ => false,
        };
        let trip = events.iter().rposition(|e| {
            e.event.kind == Kind::Visit
                && e.event.place == c.event.place
                && e.event.status == c.event.status
                && persons(&e.event) == persons(&c.event)
                && days_apart(e)
                && !same_sentence(e)
        });
        if trip.is_some() {
            return trip;
        }
    }
    if specific {
        let found = events.iter().rposition(|e| {
            fits(e)
                // In one sentence, two trigger words of one meeting share its date.
                && (!same_sentence(e) || e.event.date == c.event.date)
                && (c.event.date.is_some() && e.event.date.is_some()
                    || same_place(e, c))
        });
        // Filling in: a report with a date or a place fills in an earlier
        // one of the same status and participants that lacks it, at its place
        // or at the country its place lies in ("on his first mission to the
        // country ... After his arrival in Damascus on Thursday"), or with no
        // place ("ahead of a planned meeting with the president ... would
        // meet the president on Saturday").
        let filled = || {
            events.iter().rposition(|e| {
                let undated = e.event.date.is_none() || e.guessed;
                let at_place = e.event.place.is_some()
                    && (e.event.place == c.event.place || (c.within.is_some() && e.event.place == c.within));
                let unplaced = e.event.place.is_none() && !c.event.actors.is_empty();
                e.event.kind == c.event.kind
                    && (c.event.date.is_some() && undated || c.event.place.is_some() && e.event.place.is_none())
                    && (undated || overlaps(e.event.date, c.event.date))
                    && (e.event.status == c.event.status || e.status_guessed)
                    && !e.event.actors.is_empty()
                    && (actors_agree(&e.event, &c.event)
                        || places_its_subjects_meeting(e, c)
                        || e.event.kind == Kind::Talks && told_without_names(e, c, people))
                    && (at_place || unplaced)
            })
        };
        let found = found.or_else(filled);
        if found.is_some() || !c.anaphoric && !c.named_back {
            return found;
        }
    }
    if c.event.date.is_some() && !c.anaphoric {
        return None;
    }
    // "Earlier, the ministry had told AFP X would visit": a trip told as
    // planned, with neither date nor place of its own, by the travellers of
    // a trip the article reports made, is that trip told before it was made.
    if c.event.kind == Kind::Visit && !specific && c.event.status == Status::Planned && !c.event.actors.is_empty() {
        let made = events.iter().rposition(|e| {
            e.event.kind == Kind::Visit
                && e.event.status == Status::Happened
                && e.event.place.is_some()
                && !same_sentence(e)
                && persons(&e.event) == persons(&c.event)
        });
        if made.is_some() {
            return made;
        }
    }
    // A report that names two or more participants, all of them of the
    // event, is one of its meeting whatever its word ("held talks with
    // Erdogan ... the two leaders held a bilateral meeting").
    let pair =
        |e: &Candidate| c.event.actors.len() >= 2 && persons(&c.event).iter().all(|a| persons(&e.event).contains(a));
    // Its own family first ("the conference" is the conference), then a
    // family of its kind ("the talks" may be the conference), in one pass.
    // A bare noun with neither date nor place refers back to a meeting of
    // its own sentence only when it restates it ("met ... for the second
    // round of talks"), not from another clause ("for discussions with X on Monday, keeping open the
    // question of participation in peace talks").
    let joins = |e: &Candidate, kin: bool| {
        (!same_sentence(e) || kin && c.anaphoric && (c.definite || c.restates || specific)) && (kin || pair(e))
    };
    let mut kin_found = None;
    let mut own_family = None;
    for (i, e) in events.iter().enumerate().rev() {
        let kin = kindred(e.family, c.family);
        if !(joins(e, e.family == c.family) || kin_found.is_none() && kin && joins(e, true)) || !fits(e) {
            continue;
        }
        if joins(e, e.family == c.family) {
            own_family = Some(i);
            break;
        }
        kin_found = Some(i);
    }
    let own_family = own_family.or(kin_found);
    if own_family.is_some() {
        return own_family;
    }
    // "X could also hold a bilateral meeting with Y ... Z also didn't
    // exclude the bilateral meeting between X and his counterpart": a
    // definite reference that names its participants is the meeting of
    // those participants told before, whose status its clause's tense does
    // not change.
    if c.named_back {
        let named_before = events.iter().rposition(|e| fits_as(e, true) && named(e) && !same_sentence(e));
        if named_before.is_some() {
            return named_before;
        }
    }
    if !(c.anaphoric || c.merge_only) {
        return None;
    }
    let any = events.iter().rposition(|e| fits(e) && !same_sentence(e));
    if any.is_some() || !c.definite {
        return any;
    }
    // "The coalition would take no part in the consultations": a definite
    // reference refers back to the meeting whatever its clause's tense.
    events
        .iter()
        .rposition(|e| fits_as(e, true) && !same_sentence(e))
        .or_else(|| its_sentences_meeting(events, c, &fits))
}

/// "X and Y are pressing ahead with a fresh round of talks in Z despite a
/// request to delay the meeting"; "The talks in Z between X and Y were the
/// first high-level meeting between the rebels and the government": a
/// definite reference with neither date nor place of its own that finds no
/// meeting before its sentence names the one its own sentence reports,
/// whichever word (talks, meeting, conference) that report used. Last of
/// all: any meeting reported before comes first ("met Gulf diplomats on
/// Monday to brief them on the talks": the talks told before).
fn its_sentences_meeting(events: &[Candidate], c: &Candidate, fits: &dyn Fn(&Candidate) -> bool) -> Option<usize> {
    if !c.definite || c.event.date.is_some() || c.event.place.is_some() {
        return None;
    }
    let sentence = c.event.mentions[0].start;
    events.iter().rposition(|e| e.event.mentions.last().is_some_and(|m| m.start == sentence) && fits(e))
}

/// Headline talks name no one the body's meeting does not: every
/// participant of the headline, other than its place or the country its
/// place lies in ("Burundi peace talks fail to take off in Tanzania" names
/// Tanzania), is one of the body meeting's. Such a headline at a country
/// restates the body's meeting at a city of it, or the reverse ("X, Y, Z to
/// press ahead with talks in Astana" over "talks in Kazakhstan").
fn names_no_one_else(head: &Candidate, body: &Event) -> bool {
    let place = |name: &str| head.event.place.as_deref() == Some(name) || head.within.as_deref() == Some(name);
    head.event.actors.iter().all(|a| place(&a.name) || body.actors.iter().any(|b| b.name == a.name))
}

/// Merges the reports of an article as they come, sentence by sentence, so
/// that no more than the events themselves are kept.
#[derive(Default)]
pub(crate) struct Merger {
    events: Vec<Candidate>,
    /// The headline's reports, which join the body's at the end.
    title: Vec<Candidate>,
    /// The talks participants that are persons, for `join_one_meeting`.
    persons: Vec<String>,
}

impl Merger {
    /// Adds one sentence's reports.
    pub(crate) fn add(&mut self, mut batch: Vec<Candidate>) {
        batch.sort_by_key(|c| c.at);
        place_at_the_visit(&mut batch);
        date_by_the_trip(&mut batch);
        for c in batch {
            if c.in_title {
                self.title.push(c);
            } else {
                add_report(&mut self.events, c, &self.persons);
            }
        }
    }

    /// Notes that a participant of talks is a person.
    pub(crate) fn person(&mut self, name: &str) {
        if !self.persons.iter().any(|p| p == name) {
            self.persons.push(name.to_string());
        }
    }

    /// The article's events, once every sentence is added.
    pub(crate) fn finish(self, anchor: &Anchor, dateline: Option<&str>) -> Vec<Event> {
        finish(self.events, self.title, &self.persons, anchor, dateline)
    }
}

/// "Sarraj and Haftar went to Moscow on Monday for talks": talks with no
/// place of their own that a visit of the same sentence, by one of their
/// participants, travels to are held at its destination; so are talks
/// still ahead after a trip made ("arrived in X to resume talks"). Known before
/// merging, the place lets the report join another of the meeting ("a
/// meeting in Moscow on Monday").
fn place_at_the_visit(batch: &mut [Candidate]) {
    for i in 0..batch.len() {
        let c = &batch[i];
        if c.event.kind != Kind::Talks || c.event.place.is_some() || c.event.actors.is_empty() || c.elsewhere {
            continue;
        }
        let visit = batch.iter().find(|v| {
            v.event.kind == Kind::Visit
                && v.event.place.is_some()
                // "traveled to Qatar for talks", "arrived in Jeddah on
                // Saturday to resume talks", "left for Sweden to attend peace
                // talks", "arrived ... and will meet X": a meeting still ahead
                // after a trip made is held where the trip went.
                && (v.event.status == c.event.status
                    || v.event.status == Status::Happened
                        && (c.status_guessed
                            || c.event.status == Status::Planned && (v.at < c.at || c.attended_from.contains(&v.at))))
                // Not talks of another time ("said during his visit to Moscow
                // Friday ... for next week's talks").
                && (c.event.date_text.is_none() || c.event.date_text == v.event.date_text)
                && v.event.actors.iter().any(|a| c.event.actors.iter().any(|b| b.name == a.name))
        });
        if let Some(v) = visit {
            let (place, within) = (v.event.place.clone(), v.within.clone());
            batch[i].event.place = place;
            batch[i].within = within;
        }
    }
}

/// "arrived Monday in X to meet with Y": talks with no day of their own
/// that a dated trip of the same sentence, by one of their participants, was
/// made for are dated by the arrival; a guess that a report with its own
/// date replaces.
fn date_by_the_trip(batch: &mut [Candidate]) {
    for i in 0..batch.len() {
        let c = &batch[i];
        if c.event.kind != Kind::Talks || c.event.date.is_some() || c.event.status != Status::Planned {
            continue;
        }
        let trip = batch.iter().find(|v| {
            v.event.kind == Kind::Visit
                && v.event.status == Status::Happened
                && v.event.date.is_some()
                // A trip dated only by the report of it is no day to go by.
                && !v.guessed
                && v.at < c.at
                && v.event.actors.iter().any(|a| c.event.actors.iter().any(|b| b.name == a.name))
                && c.purpose_of.contains(&v.at)
        });
        if let Some(d) = trip.and_then(|v| v.event.date) {
            batch[i].event.date = Some(d);
            batch[i].guessed = true;
        }
    }
}

/// "X will meet with Taliban representatives Monday ... X, who has led the
/// negotiations, will meet with the representatives in Doha": a later report
/// that only adds a city (no day of its own, or one guessed from the story)
/// places the earlier unplaced meeting of the same status told of the same
/// subject, however differently each names the others. The subject is the
/// first participant of each; a country alone is too loose to join them
/// ("plans for the X-Y meeting ... talks between ... the United States").
fn places_its_subjects_meeting(e: &Candidate, c: &Candidate) -> bool {
    (c.event.date.is_none() || c.guessed)
        && c.within.is_some()
        && e.event.place.is_none()
        && e.event.status == c.event.status
        && matches!((e.event.actors.first(), c.event.actors.first()), (Some(a), Some(b)) if a.name == b.name)
}

fn add_report(events: &mut Vec<Candidate>, c: Candidate, people: &[String]) {
    if c.ends {
        if let Some(end) = c.event.date {
            // The latest event of its kind that began before, within a month:
            // its date becomes the range to this end.
            let lo = events.len().saturating_sub(WINDOW);
            let began = events[lo..].iter().rposition(|e| {
                e.event.kind == c.event.kind
                    && e.event.date.is_some_and(|d| {
                        d.precision == Precision::Day && d.start < end.start && (end.start - d.start).num_days() <= 31
                    })
            });
            if let Some(i) = began {
                let e = &mut events[lo + i];
                e.days = e.days.or(c.days);
                if let Some(d) = e.event.date.as_mut() {
                    d.end = d.end.max(end.end);
                }
                for m in c.event.mentions {
                    if !e.event.mentions.iter().any(|x| x.start == m.start) {
                        e.event.mentions.push(m);
                    }
                }
                return;
            }
        }
    }
    let target = match c.event.kind {
        Kind::Statement => repeated_statement(events, &c),
        Kind::DeathToll => events
            .iter()
            .enumerate()
            .skip(events.len().saturating_sub(WINDOW))
            .rev()
            .find(|(_, e)| {
                e.event.kind == Kind::DeathToll
                    && e.event.count == c.event.count
                    && e.event.qualifier == c.event.qualifier
            })
            .map(|(i, _)| i),
        Kind::Talks | Kind::Visit => merge_target(events, &c, people),
    };
    match target {
        Some(i) => {
            let e = &mut events[i];
            // A report at a city fills in one at its country.
            if c.within.is_some() && e.event.place == c.within {
                e.event.place = c.event.place.clone();
                e.within = c.within.clone();
            }
            if e.guessed && c.event.date.is_some() && !c.guessed {
                // A report with a date of its own replaces a guess.
                e.event.date = None;
                e.guessed = false;
            }
            // A report that says whether the meeting was held settles a
            // status guessed from a present tense; a reference back with no
            // date of its own says nothing of it ("objected to the idea of
            // two delegations to the talks").
            if e.status_guessed && !c.status_guessed && !c.definite {
                e.event.status = c.event.status;
                e.status_guessed = false;
            }
            // "The talks are to open in X on Monday ... the talks went into a
            // second day": a report that says the meeting has begun or is
            // going on says the planned meeting took place.
            if c.begun && matches!(e.event.status, Status::Planned | Status::Unknown) {
                e.event.status = Status::Happened;
                e.status_guessed = false;
            }
            // A report that gives the meeting its place gives it the country
            // that place lies in too: a later reference at that country
            // ("a breakthrough in the negotiations, deadlocked over ... in
            // X") is the meeting at its city.
            if e.event.place.is_none() && c.event.place.is_some() {
                e.within = c.within.clone();
            }
            e.described.extend(c.described);
            e.days = e.days.or(c.days);
            absorb(&mut e.event, c.event);
        }
        None if c.merge_only => {}
        None => events.push(c),
    }
}

fn finish(
    mut events: Vec<Candidate>,
    title: Vec<Candidate>,
    persons: &[String],
    anchor: &Anchor,
    dateline: Option<&str>,
) -> Vec<Event> {
    // A headline repeats the story: its events join the first compatible body event.
    for c in title {
        // A headline's tense says nothing ("Meeting Called by Annan" is news
        // of a meeting to come): with no date of its own, neither its status
        // nor the date guessed from its tense keeps it apart.
        // It then joins an event that shares one of its actors.
        let mut probe = c.event.clone();
        // A status guessed from what a trip is for ("heads to Nairobi for
        // talks": planned) is no more telling, and may join a body event
        // that names nobody ("The talks open in Nairobi on Thursday").
        let guessed = c.status_guessed;
        // "Lavrov-Kerry meeting to last till Sept 13": a headline's end date
        // ends the body's meeting, which began before it.
        let ends = c.ends && !probe.actors.is_empty();
        // "Tuesday resumed meetings of X", "arrives in Y on its second visit
        // within a month": a day the headline names without a number is
        // placed on the calendar by the headline's tense, which says nothing;
        // the body's report of the event dates it.
        let relative = probe.date_text.as_deref().is_none_or(|t| !t.bytes().any(|b| b.is_ascii_digit()));
        // Its status, when that day gave it ("within a month": planned),
        // is no more telling.
        let relative_day = relative && probe.date_text.is_some();
        let relaxed = matches!(probe.kind, Kind::Talks | Kind::Visit)
            && (relative || ends)
            && (probe.status == Status::Happened || guessed || ends || relative_day)
            && !probe.actors.is_empty();
        if relaxed {
            if !ends {
                probe.status = Status::Unknown;
            }
            probe.date = None;
        }
        let shares = |e: &Candidate| {
            e.event.actors.iter().any(|a| probe.actors.iter().any(|b| a.name == b.name))
                || guessed && e.event.actors.is_empty()
                || same_side(e, &c)
        };
        // "X visits Saudi Arabia" over a body's "arrived in Jeddah": a city
        // and the country it lies in are one place, when no body event
        // agrees with the headline as it stands. For talks only when the
        // headline names no one the body's meeting does not: a headline's
        // talks "in" a country may be another round than the body's at a
        // city of it, and joining them lost a true meeting on held-out data.
        let fits = |e: &Candidate, p: &Event, nested: bool| {
            if nested {
                let mut q = p.clone();
                q.place = e.event.place.clone();
                e.event.place != p.place
                    && same_place(e, &c)
                    && compatible(&e.event, &q)
                    && (p.kind != Kind::Talks || names_no_one_else(&c, &e.event))
            } else {
                compatible(&e.event, p)
            }
        };
        let joins = |e: &Candidate, nested: bool| {
            e.event.kind == c.event.kind
                && (fits(e, &c.event, nested) || (relaxed && fits(e, &probe, nested) && shares(e)))
                && match (&c.event.kind, &c.event.speaker) {
                    (Kind::Statement, Some(sp)) => {
                        e.event.speaker.as_ref() == Some(sp)
                            || e.event.mentions.iter().any(|m| words_within(sp, &m.sentence))
                    }
                    _ => true,
                }
        };
        let target = if c.event.kind == Kind::Statement {
            restated_statement(&events, &c, |e| joins(e, false))
        } else {
            events.iter().position(|e| joins(e, false)).or_else(|| events.iter().position(|e| joins(e, true)))
        };
        match target {
            Some(i) => {
                let e = &mut events[i];
                let mut mentions = c.event.mentions.clone();
                mentions.append(&mut e.event.mentions);
                e.event.mentions = mentions;
                if e.event.place.is_none() || c.within.is_some() && e.event.place == c.within {
                    e.event.place = c.event.place.clone();
                    e.within = c.within.clone();
                }
                // "Yemen government heads to Sweden for peace talks" over a
                // body that says "the talks": who meets or travels may be
                // named in the headline alone.
                if matches!(c.event.kind, Kind::Talks | Kind::Visit) {
                    for a in &c.event.actors {
                        if e.event.actors.len() < MAX_ACTORS && !e.event.actors.iter().any(|x| x.name == a.name) {
                            e.event.actors.push(a.clone());
                        }
                    }
                }
                e.at = e.at.min(c.at);
                e.days = e.days.or(c.days);
                e.described.extend(c.described.iter().cloned());
                if let (true, Some(end), Some(d)) = (ends, c.event.date, e.event.date.as_mut()) {
                    if d.start <= end.start && (end.start - d.start).num_days() <= 31 {
                        d.end = d.end.max(end.end);
                    }
                }
            }
            None => events.push(c),
        }
    }
    events.sort_by_key(|c| c.at);
    date_the_undated(&mut events, anchor);
    place_the_unplaced(&mut events, dateline);
    date_by_the_meeting(&mut events);
    join_same_occasion(&mut events, persons);
    join_the_undated_at_its_place(&mut events);
    join_one_meeting(&mut events, persons);
    span_the_days(&mut events);
    events.into_iter().map(with_delegations).collect()
}

/// "concluded on Monday its two-day meeting", "on Friday began a two-day
/// visit", "began talks on Thursday, which lasted for two days": a meeting
/// or trip dated to one day that its reports say lasts several runs from
/// that day, or up to it when a verb of ending told it. Done once every
/// report has joined, so that the day may come from any of them (or from
/// the story), and a day that is already a span keeps it.
fn span_the_days(events: &mut [Candidate]) {
    for e in events.iter_mut() {
        let (Some((n, back)), Some(d)) = (e.days, e.event.date.as_mut()) else { continue };
        if d.precision != Precision::Day || d.start != d.end {
            continue;
        }
        let more = chrono::Duration::days(i64::from(n) - 1);
        if back {
            d.start = d.end - more;
        } else {
            d.end = d.start + more;
        }
    }
}

/// "Talks between X and Y are to be held in Gomel ... negotiations have
/// begun in the Gomel region" beside "X-Y talks started in Gomel on
/// Monday": a meeting held that the article never dates (no date in its
/// reports, none from the story) at the place of the one meeting held that
/// the article dates there (the same city, or a city and its
/// country), with two participants in common, is that meeting. One in
/// common is not enough: an envoy meets the president on Saturday and an
/// opposition group some other day, in the same capital. Not for meetings
/// still to come: with no day, one of them may be any of those an article
/// announces ("is to meet an opposition group" beside "would meet the
/// president on Saturday", both with the envoy, in his host country). When two dated
/// meetings share the place and participants, which one it is is unknown,
/// and it stays apart.
fn join_the_undated_at_its_place(events: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < events.len() {
        let c = &events[i];
        let mut target = None;
        let held = c.event.status == Status::Happened;
        if c.event.kind == Kind::Talks && held && c.event.date.is_none() && c.event.place.is_some() && !c.distinct {
            let mut found = events.iter().enumerate().filter(|(j, e)| {
                *j != i
                    && e.event.kind == Kind::Talks
                    && e.event.date.is_some()
                    && e.event.status == c.event.status
                    && same_place(e, c)
                    && e.event.actors.iter().filter(|a| c.event.actors.iter().any(|b| a.name == b.name)).count() >= 2
            });
            if let (Some((j, _)), None) = (found.next(), found.next()) {
                target = Some(j);
            }
        }
        match target {
            Some(t) => {
                let c = events.remove(i);
                let t = if t > i { t - 1 } else { t };
                if c.within.is_some() && events[t].event.place == c.within {
                    events[t].event.place = c.event.place.clone();
                    events[t].within = c.within.clone();
                }
                events[t].described.extend(c.described);
                events[t].days = events[t].days.or(c.days);
                let at = events[t].at.min(c.at);
                absorb(&mut events[t].event, c.event);
                events[t].at = at;
                if t > i {
                    continue;
                }
            }
            None => i += 1,
        }
    }
}

/// One meeting told twice once the article is read ("X and Y met
/// face-to-face yesterday" and "after an hour-long meeting brokered by Z,
/// the two men shook hands ... the talks in Nairobi"): talks of one status,
/// at one place or where one of the two names none, that name the same
/// persons on the same or the next day (a meeting of two days; "yesterday"
/// in one sentence, "today" in another). Persons weigh more than countries
/// and bodies, which a report picks up from its clauses (a country in
/// turmoil, a mediator's body): those never keep two reports apart. On the
/// same day, two or more persons all among the other report's are its
/// meeting too (the mediator named in one report only); one person is not
/// (an envoy meets one side, then the other), nor is a pair the next day
/// (a bilateral on the eve of a larger meeting).
fn join_one_meeting(events: &mut Vec<Candidate>, persons: &[String]) {
    fn people<'a>(e: &'a Candidate, persons: &[String]) -> Vec<&'a str> {
        e.event.actors.iter().map(|a| a.name.as_str()).filter(|n| persons.iter().any(|p| p == n)).collect()
    }
    let near = |a: Option<DateSpan>, b: Option<DateSpan>| match (a, b) {
        (Some(a), Some(b)) => {
            a.precision == Precision::Day
                && b.precision == Precision::Day
                && (a.start - b.end).num_days() <= 1
                && (b.start - a.end).num_days() <= 1
        }
        _ => false,
    };
    let mut i = 0;
    while i < events.len() {
        let c = &events[i];
        // Persons are compared last, for the few reports whose day, status
        // and place already agree.
        let target = (c.event.kind == Kind::Talks && !c.distinct && !persons.is_empty() && c.event.date.is_some())
            .then(|| {
                let pc = people(c, persons);
                let holds = |a: &[&str], b: &[&str]| a.len() >= 2 && a.iter().all(|x| b.contains(x));
                events[..i].iter().position(|e| {
                    e.event.kind == Kind::Talks
                        && e.event.status == c.event.status
                        && near(e.event.date, c.event.date)
                        && (e.event.place.is_none() || c.event.place.is_none() || same_place(e, c))
                        && {
                            let pe = people(e, persons);
                            !pc.is_empty() && pc.len() == pe.len() && pc.iter().all(|x| pe.contains(x))
                                || same_day(e.event.date, c.event.date) && (holds(&pc, &pe) || holds(&pe, &pc))
                        }
                })
            })
            .flatten();
        match target {
            Some(t) => {
                let c = events.remove(i);
                if c.within.is_some() && events[t].event.place == c.within || events[t].event.place.is_none() {
                    events[t].event.place = c.event.place.clone();
                    events[t].within = c.within.clone();
                }
                events[t].described.extend(c.described);
                events[t].days = events[t].days.or(c.days);
                absorb(&mut events[t].event, c.event);
            }
            None => i += 1,
        }
    }
}

/// The event of a merged report, with each delegation the text describes
/// beside the actor that sent it ("Afghanistan", "Afghan delegation").
fn with_delegations(c: Candidate) -> Event {
    let mut ev = c.event;
    for (sender, written) in c.described {
        if ev.actors.len() >= MAX_ACTORS || ev.actors.iter().any(|a| a.name == written) {
            continue;
        }
        if let Some(i) = ev.actors.iter().position(|a| a.name == sender) {
            let role = ev.actors[i].role;
            ev.actors.insert(i + 1, crate::model::EventActor { name: written, role });
        } else if ev.actors.len() + 1 < MAX_ACTORS {
            // A country named only as a title's owner ("Myanmar's leader").
            let role = crate::model::Role::Participant;
            ev.actors.push(crate::model::EventActor { name: sender, role });
            ev.actors.push(crate::model::EventActor { name: written, role });
        }
    }
    ev
}

/// "One place and one day make one meeting" once the article has dated and
/// placed what its sentences did not: a report whose day and place came from
/// the story ("the two parties discussed ...", dated and placed at the end)
/// joins the meeting of that day and place whose participants agree with it.
/// So does one at that place that the article dates no more than the
/// meeting ("X will lead a delegation to Cairo for talks ... X will meet
/// with Y"): what is done is dated by the story by now, and an article
/// does not tell of two undated meetings of the same people at one place.
fn join_same_occasion(events: &mut Vec<Candidate>, persons: &[String]) {
    let mut i = 0;
    while i < events.len() {
        let c = &events[i];
        let target = matches!(c.event.kind, Kind::Talks | Kind::Visit)
            .then(|| {
                events[..i].iter().position(|e| {
                    e.event.kind == c.event.kind
                        && !c.distinct
                        && e.event.status == c.event.status
                        && (same_day(e.event.date, c.event.date) || e.event.date.is_none() && c.event.date.is_none())
                        && e.event.place.is_some()
                        && e.event.place == c.event.place
                        && !e.event.actors.is_empty()
                        && !c.event.actors.is_empty()
                        && (actors_agree(&e.event, &c.event)
                            || same_day(e.event.date, c.event.date)
                                && told_without_names(e, c, persons)
                                && own_day(e, c, persons))
                })
            })
            .flatten();
        match target {
            Some(t) => {
                let c = events.remove(i);
                events[t].described.extend(c.described);
                events[t].days = events[t].days.or(c.days);
                absorb(&mut events[t].event, c.event);
            }
            None => i += 1,
        }
    }
}

/// One of two reports names no person, only countries, bodies and
/// descriptions ("new talks between the junta and the opposition"), the
/// other names persons ("talks on Wednesday between X of the junta and Y"),
/// and they share a participant: one meeting told once by its parties and
/// once by its people. Two reports that both name persons and differ keep
/// apart (an envoy meets one side, then the other, two persons in common),
/// and so does a report without names that shares no one ("a delegation
/// met the country's president" beside "the delegation had met the
/// opposition leader before the meeting").
fn told_without_names(e: &Candidate, c: &Candidate, persons: &[String]) -> bool {
    names_a_person(e, persons) != names_a_person(c, persons)
        && e.event.actors.iter().any(|a| c.event.actors.iter().any(|b| a.name == b.name))
}

/// Whether a report names a person of the article (`persons`) among its actors.
fn names_a_person(x: &Candidate, persons: &[String]) -> bool {
    x.event.actors.iter().any(|a| persons.contains(&a.name))
}

/// The report without names says its day in words of its own ("met ...
/// on Tuesday"): a day the story gave it ("Qatari negotiators had met
/// Hamas officials before the meeting") is no day to tell the meeting by.
fn own_day(e: &Candidate, c: &Candidate, persons: &[String]) -> bool {
    let without = if names_a_person(e, persons) { c } else { e };
    without.event.date_text.is_some() && !without.guessed
}

/// The body statement a headline's or a highlight's statement restates: of
/// those its speaker joins, the one whose sentence shares the most words
/// with it; failing any, one that shares most of its words ("Syria death
/// toll: UN envoy estimates 400,000 killed" over "The UN special envoy ...
/// has estimated that 400,000 people have been killed"), unless the two
/// speakers are known and cannot be one (two persons, or a person in the
/// headline and a body in the text). A body's headline may restate its
/// spokesman ("..., says US" over "according to the US State Department
/// spokesperson X").
fn restated_statement(events: &[Candidate], c: &Candidate, joins: impl Fn(&Candidate) -> bool) -> Option<usize> {
    let head = content_words(c.event.mentions.first().map_or("", |m| m.sentence.as_str()));
    let overlap = |e: &Candidate| {
        e.event.mentions.iter().map(|m| shared_words(&head, &content_words(&m.sentence))).max().unwrap_or(0)
    };
    let best = |ok: &dyn Fn(&Candidate) -> bool| {
        events
            .iter()
            .enumerate()
            .filter(|(_, e)| ok(e))
            .map(|(i, e)| (i, overlap(e)))
            .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))
    };
    if let Some((i, _)) = best(&joins) {
        return Some(i);
    }
    let speakers_may_agree = |e: &Candidate| match (c.speaker_person, e.speaker_person) {
        (Some(hp), Some(bp)) => c.event.speaker == e.event.speaker || !hp && bp,
        _ => true,
    };
    let restates = |e: &Candidate| {
        e.event.kind == Kind::Statement && !e.in_title && compatible(&e.event, &c.event) && speakers_may_agree(e)
    };
    best(&restates).filter(|&(_, n)| n >= RESTATED_WORDS && 2 * n >= head.len()).map(|(i, _)| i)
}

/// An earlier statement of the same speaker that this one repeats: a page
/// that gives its lede twice, or a summary above the body, says most of the
/// same words again ("Abdullah said the delegation that will meet the
/// Taliban is inclusive" and "Meanwhile, Abdullah said that the Afghan
/// delegation who will meet the Taliban in Doha is an inclusive team").
fn repeated_statement(events: &[Candidate], c: &Candidate) -> Option<usize> {
    let speaker = c.event.speaker.as_ref()?;
    let lo = events.len().saturating_sub(REPEAT_WINDOW);
    let mut same = events[lo..].iter().enumerate().rev().filter(|(_, e)| {
        e.event.kind == Kind::Statement
            && e.event.speaker.as_ref() == Some(speaker)
            && overlaps(e.event.date, c.event.date)
    });
    let first = same.next()?;
    let words = content_words(c.event.mentions.first().map_or("", |m| m.sentence.as_str()));
    std::iter::once(first)
        .chain(same)
        .find(|(_, e)| {
            // Its first report and its latest few: an event that has
            // gathered many reports is not compared with each of them, which
            // made a run of one speaker's statements quadratic.
            let ms = &e.event.mentions;
            let latest = ms.len().saturating_sub(REPEAT_MENTIONS).max(1);
            ms.first().into_iter().chain(ms.get(latest..).unwrap_or_default()).any(|m| {
                let other = content_words(&m.sentence);
                let n = shared_words(&words, &other);
                n >= REPEATED_WORDS && 10 * n >= 9 * words.len().min(other.len())
            })
        })
        .map(|(i, _)| lo + i)
}

/// How many of the latest events a statement may repeat.
const REPEAT_WINDOW: usize = 16;

/// How many of an earlier statement's latest reports, besides its first, a
/// statement is compared with to find whether it repeats it.
const REPEAT_MENTIONS: usize = 3;

/// How many content words a repeated statement says again, at the least.
const REPEATED_WORDS: usize = 6;

/// How many content words a headline must share with a body sentence that
/// it restates without naming its speaker.
const RESTATED_WORDS: usize = 4;

/// A sentence's content words in lower case: words of four letters or more
/// and numbers, each once.
fn content_words(sentence: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in sentence.split(|c: char| !c.is_alphanumeric()) {
        let number = w.len() >= 2 && w.bytes().all(|b| b.is_ascii_digit());
        if w.chars().count() >= 4 || number {
            let w = w.to_lowercase();
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// How many of `head`'s words stand in `body`, a word matching another of
/// the same first five letters ("confirms", "confirmed"), or a shorter word
/// that opens it ("toll", "tolls").
fn shared_words(head: &[String], body: &[String]) -> usize {
    fn stem(w: &str) -> &str {
        &w[..w.char_indices().nth(5).map_or(w.len(), |(k, _)| k)]
    }
    let same =
        |h: &str, b: &str| stem(h) == stem(b) || h.len() < 5 && b.starts_with(h) || b.len() < 5 && h.starts_with(b);
    head.iter().filter(|h| body.iter().any(|b| same(h, b))).count()
}

/// Whether every content word of a headline's speaker stands in a body
/// sentence, a headline's abbreviation included: "State Dept" in "the U.S.
/// State Department said", "Head of Kassalan president's office" in "The head
/// of the Kassalan president's office, X, confirmed".
fn words_within(speaker: &str, sentence: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                !w.is_empty() && !matches!(w.to_ascii_lowercase().as_str(), "the" | "of" | "a" | "an" | "and" | "s")
            })
            .map(str::to_lowercase)
            .collect()
    };
    // "dept" abbreviates "department": its letters in order, the first one first.
    let abbreviates = |h: &str, b: &str| {
        let mut rest = b.chars();
        h.len() >= 3 && h.chars().next() == b.chars().next() && h.chars().all(|c| rest.any(|x| x == c))
    };
    let body = words(sentence);
    let head = words(speaker);
    !head.is_empty() && head.iter().all(|h| body.iter().any(|b| b == h || abbreviates(h, b)))
}

/// Places for talks whose own reports give none: a meeting held during a
/// visit by one of its participants takes the visit's place; else one held
/// on the story's day takes the dateline's city ("GENEVA — ..."). An
/// arrival with no destination is an arrival in the dateline's city.
fn place_the_unplaced(events: &mut [Candidate], dateline: Option<&str>) {
    let story_day = events.iter().filter(|c| !c.in_title).find_map(|c| c.event.date);
    for i in 0..events.len() {
        let c = &events[i].event;
        // "Lavrov arrived Thursday morning": arrived where the story is told.
        if c.kind == Kind::Visit && c.place.is_none() && events[i].here && dateline.is_some() {
            events[i].event.place = dateline.map(String::from);
            continue;
        }
        // "X met Y in Tobruk on Tuesday ... X arrived at the airport on
        // Tuesday": a trip with no destination goes where its traveller held
        // talks that day.
        if c.kind == Kind::Visit && c.place.is_none() && c.date.is_some() {
            let talks = events.iter().find(|t| {
                t.event.kind == Kind::Talks
                    && t.event.place.is_some()
                    && t.event.status == c.status
                    && t.event.date.is_some()
                    && overlaps(t.event.date, c.date)
                    && t.event.actors.iter().any(|a| c.actors.iter().any(|b| b.name == a.name))
            });
            if let Some(t) = talks {
                let (place, within) = (t.event.place.clone(), t.within.clone());
                events[i].event.place = place;
                events[i].within = within;
            }
            continue;
        }
        if c.kind != Kind::Talks || c.place.is_some() {
            continue;
        }
        // "after hours of negotiations here": held at the dateline's city.
        if events[i].here && dateline.is_some() {
            events[i].event.place = dateline.map(String::from);
            continue;
        }
        let lo = i.saturating_sub(WINDOW);
        // "entered Syria on a three-day visit, during which he will be
        // meeting X": a meeting still ahead, with no day, of a traveller whose
        // trip of the story's days is under way is held where the trip went.
        let under_way = |v: &Candidate| {
            c.status == Status::Planned
                && c.date.is_none()
                && v.event.status == Status::Happened
                && v.event.date.zip(story_day).is_some_and(|(d, s)| (s.start - d.end).num_days().abs() <= 3)
        };
        let visit = events[lo..(i + WINDOW).min(events.len())].iter().find(|v| {
            v.event.kind == Kind::Visit
                && v.event.place.is_some()
                && (v.event.status == c.status || under_way(v))
                && overlaps(v.event.date, c.date)
                && v.event.actors.iter().any(|a| c.actors.iter().any(|b| b.name == a.name))
        });
        // A meeting on the side of a round of talks reported before it, with
        // one of its participants, within a week of it ("talks started in
        // Kuwait on Saturday ... the envoy held a separate meeting on Monday").
        let near = |a: Option<DateSpan>, b: Option<DateSpan>| match (a, b) {
            (Some(a), Some(b)) => (b.start - a.end).num_days() <= 7 && (a.start - b.end).num_days() <= 7,
            _ => true,
        };
        let round = events[..i].iter().rev().find(|r| {
            r.event.kind == Kind::Talks
                && r.event.place.is_some()
                && r.event.status == Status::Happened
                && matches!(c.status, Status::Happened | Status::Planned)
                && near(r.event.date, c.date)
                && r.event.actors.iter().any(|a| c.actors.iter().any(|b| b.name == a.name))
        });
        let place = match (visit, round) {
            (Some(v), _) => v.event.place.clone(),
            (None, _)
                if c.status == Status::Happened && c.date.is_some() && c.date == story_day && dateline.is_some() =>
            {
                dateline.map(String::from)
            }
            (None, Some(r)) => r.event.place.clone(),
            (None, None) => None,
        };
        events[i].event.place = place;
    }
}

/// "The leaders have arrived in Moscow for talks": a meeting still ahead that
/// a trip made is for, told in the trip's sentence, with no day of its own,
/// is planned for the day of the trip, however the article dates the trip.
fn date_by_the_trip_made(events: &mut [Candidate]) {
    for i in 0..events.len() {
        let c = &events[i];
        let purpose = !c.purpose_of.is_empty() || !c.attended_from.is_empty() || c.status_guessed;
        if c.event.kind != Kind::Talks || c.event.status != Status::Planned || c.event.date.is_some() || !purpose {
            continue;
        }
        let trip = events.iter().find(|v| {
            v.event.kind == Kind::Visit
                && v.event.status == Status::Happened
                && v.event.date.is_some()
                && v.event.mentions.iter().any(|m| c.event.mentions.iter().any(|n| n.start == m.start))
                && v.event.actors.iter().any(|a| c.event.actors.iter().any(|b| b.name == a.name))
        });
        if let Some(d) = trip.and_then(|v| v.event.date) {
            events[i].event.date = Some(d);
        }
    }
}

/// "Hemedti visits Djibouti ... Djibouti's President met on Sunday with
/// Hemedti": a trip made whose report gives no day is dated by the meeting
/// held at its destination (the place, or a city of the country it goes
/// to), the one its traveller took part in, else the only one held there.
/// A day guessed from the report ("is meeting") is no day to go by.
fn date_by_the_meeting(events: &mut [Candidate]) {
    for i in 0..events.len() {
        let v = &events[i];
        if v.event.kind != Kind::Visit || v.event.status != Status::Happened || v.event.date.is_some() {
            continue;
        }
        let Some(place) = v.event.place.as_deref() else { continue };
        let held_there = |t: &&Candidate| {
            t.event.kind == Kind::Talks
                && t.event.status == Status::Happened
                && t.event.date.is_some()
                && !t.guessed
                && (t.event.place.as_deref() == Some(place) || t.within.as_deref() == Some(place))
        };
        let mut there = events.iter().filter(held_there);
        let shared =
            there.clone().find(|t| t.event.actors.iter().any(|a| v.event.actors.iter().any(|b| b.name == a.name)));
        let only = match (there.next(), there.next()) {
            (Some(t), None) => Some(t),
            _ => None,
        };
        if let Some(d) = shared.or(only).and_then(|t| t.event.date) {
            events[i].event.date = Some(d);
        }
    }
}

/// Dates for events whose own sentences give none, from the article:
/// - a statement made at an occasion ("after the meeting", "during his
///   visit") takes the date of the latest such event before it;
/// - a statement in the past tense takes the story's date: the day its first
///   dated report of the body falls on, when that is within a week before
///   publication, else the day of publication (news reports what was said
///   for it).
fn date_the_undated(events: &mut [Candidate], anchor: &Anchor) {
    let Some(published) = anchor.published else { return };
    let story = events
        .iter()
        .filter(|c| !c.in_title && !c.guessed)
        // A plan's day gone by is not the story's ("the talks had been due
        // to open on Tuesday, a source said" reports no news of Tuesday).
        .filter(|c| c.event.status != Status::Planned || c.event.date.is_some_and(|d| d.start >= published))
        .filter_map(|c| c.event.date.filter(|d| d.precision == Precision::Day && d.start == d.end))
        .find(|d| d.start <= published && (published - d.start).num_days() <= 7)
        .map(|d| d.start)
        .unwrap_or(published);
    date_by_the_trip_made(events);
    for i in 0..events.len() {
        let c = &events[i];
        // "a monitoring group said air strikes had killed 34 civilians": a
        // toll of deaths its words do not date, counted as of the report
        // (see `toll`), is news of the story's day as a meeting is. Not a
        // running total ("the death toll has risen to"), which is the
        // report's.
        if c.event.kind == Kind::DeathToll
            && !c.event.cumulative
            && c.event.date_text.is_none()
            && c.event.date == Some(DateSpan::day(published))
        {
            events[i].event.date = Some(DateSpan::day(story));
            continue;
        }
        if c.event.date.is_some() {
            continue;
        }
        let occasion = c.occasion.and_then(|kind| {
            events[i.saturating_sub(WINDOW)..i]
                .iter()
                .rev()
                .find(|e| e.event.kind == kind && e.event.date.is_some())
                .and_then(|e| e.event.date)
        });
        let date = match c.event.kind {
            Kind::Statement => occasion.or_else(|| (c.tense == Tense::Past).then(|| DateSpan::day(story))),
            // "After the summit, X is scheduled to meet Y": a meeting at an
            // occasion takes the occasion's date.
            Kind::Talks if occasion.is_some() => occasion,
            // Talks and visits reported as done, with no date anywhere: the
            // story's day. A headline's past ("The meeting has ended") is no
            // historic present: when it joined no body report, it is news of
            // that day too.
            Kind::Talks | Kind::Visit if c.event.status == Status::Happened && c.tense == Tense::Past => {
                Some(DateSpan::day(story))
            }
            _ => None,
        };
        events[i].event.date = date;
    }
}
