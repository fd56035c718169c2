//! Talks: meetings, negotiations, conferences and calls.

use super::*;
use crate::extract::entities::words::Class;
use crate::extract::reading::*;
// ---------------------------------------------------------------- talks

/// The counterpart named right after a talks word: an actor within a few
/// words, in the same clause, and not what the talks are about ("talks with
/// the RSF", "spoke to Lavrov", "received a delegation of the opposition").
fn counterpart<'r>(r: &'r Reading, end: usize) -> Option<&'r ActorSpan> {
    // Where the fifth word after the trigger starts: no counterpart lies past
    // it, so a long sentence costs no more than a short one.
    let rest = &r.text[end..];
    let limit =
        rest.split_whitespace().nth(4).map_or(r.text.len(), |w| end + (w.as_ptr() as usize - rest.as_ptr() as usize));
    let first = r.actors.partition_point(|a| a.start < end);
    r.actors[first..].iter().take_while(|a| a.start <= limit).find(|a| {
        // "received an invitation from X": X sent a thing, and met no one.
        let between = &r.text[end..a.start];
        !r.clause_break(end, a.start)
            && !between.contains([',', ';', '"', '\u{201c}'])
            && !between.contains(" from ")
            // "failed to meet the deadline set by X": X is an agent, met by no one.
            && !between.contains(" by ")
            && !a.agency()
    })
}

/// Whether a lower-case word other than a preposition or a conjunction
/// comes right after byte `end`: the noun an adjective there modifies.
fn modifies_next(r: &Reading, end: usize) -> bool {
    const FUNCTION: &[&str] = &["with", "on", "in", "at", "between", "and", "or", "to", "of", "for", "the", "a"];
    let next = r.text[end..].split_whitespace().next().unwrap_or("");
    next.starts_with(|c: char| c.is_lowercase()) && !FUNCTION.contains(&next) && next.chars().all(char::is_alphabetic)
}

pub(crate) fn talks(r: &Reading, dict: &Dictionaries, anchor: &Anchor, state: &ArticleState, out: &mut Vec<Candidate>) {
    let strong = r.words.iter().any(|w| entities::has_trigger(dict, w, Kind::Talks, TriggerRole::Trigger));
    let before = out.len();
    for (i, w) in r.words.iter().enumerate() {
        // A handful of events per sentence at most: a run of trigger words
        // ("talks talks talks ...") is no more events, and no more work.
        if out.len() - before >= MAX_PER_SENTENCE {
            break;
        }
        let Some((_, t)) = entities::triggers(dict, w).find(|(_, t)| t.kind == Kind::Talks) else { continue };
        if t.role == TriggerRole::Ignore {
            continue;
        }
        // A verb of carrying is a verb: it tells of a meeting of its own.
        let verb = is_verb(&t.phrase) || t.role == TriggerRole::Carry;
        // "They have not met since July 2016", "No formal talks were held":
        // a meeting the text denies is none.
        if denied(r, dict, w.start, verb && !t.phrase.starts_with("to ")) {
            continue;
        }
        // "would carry Y's message to X", "hand-carried a peace plan to X":
        // whoever carries it meets X, and Y, whose message it is, is not there.
        let carried = if t.role == TriggerRole::Carry {
            let Some(to) = carried_to(r, dict, w.end) else { continue };
            Some(to)
        } else {
            None
        };
        let with = match carried {
            Some((a, _)) => Some(a),
            None => counterpart(r, w.end),
        };
        // A weak word beside a strong one names the same meeting, unless it
        // has a counterpart of its own ("send a delegation to Cairo for
        // discussions with X on Monday, ... participation in peace talks").
        let own_counterpart = with.is_some_and(|a| r.text[w.end..a.start].trim_start().starts_with("with "));
        if t.role == TriggerRole::Weak && strong && !own_counterpart {
            continue;
        }
        // "came together in Port Moresby on 4-5 March to discuss ...": a weak
        // word in the infinitive right after a meeting of the sentence's
        // clause tells what that meeting is for, not a meeting of its own.
        let purpose_of_previous = t.role == TriggerRole::Weak
            && !own_counterpart
            && r.word_before(w.start) == "to"
            && out[before..].last().is_some_and(|p| {
                let at = p.at.saturating_sub(r.offset);
                at < w.start && !r.clause_break(at, w.start) && !r.text[at..w.start].contains([',', ';'])
            });
        if purpose_of_previous {
            continue;
        }
        // "bilateral coordination", "bilateral ties": a talks word that is
        // also an adjective names a meeting only as a noun ("held a bilateral
        // with X"), not before a noun of its own.
        if dict.index().is_word_of(&t.phrase, Class::TalksAdjective) && modifies_next(r, w.end) {
            continue;
        }
        // "the meeting was held in the airport's conference lounge": a
        // talks word that qualifies a room or building names where people
        // meet, not a meeting of its own.
        if r.toks.get(r.tok_at(w.end)).is_some_and(|k| dict.index().is_word_of(k.lower, Class::VenueNoun)) {
            continue;
        }
        // "talked to reporters along with X": X came along with the
        // speaker, and was not talked to.
        let with = with.filter(|a| {
            t.role != TriggerRole::With
                || !class_between(r, w.end, a.start, |c| c == WordClass::Joins { companion: true })
        });
        if t.role == TriggerRole::With && with.is_none() && !meets_somewhere(r, w.end, &t.phrase) {
            continue;
        }
        // "such meetings", "any talks": not one real event.
        let generic = r.words.iter().any(|c| {
            c.end <= w.start && w.start - c.end <= 1 && entities::cues(dict, c).any(|k| k == CueKind::Generic)
        });
        if generic {
            continue;
        }
        // "News of the summit comes after X visited the Kingdom Thursday":
        // a date past a visit verb of its own dates that verb.
        // "arrived in Sanaa, media said on Sunday, to negotiate": a date
        // right after a speech verb dates the saying.
        // "expected to meet X, after holding talks over the weekend with Y":
        // a date or place past another occasion is that occasion's.
        // A verb of carrying reaches its date past its counterpart ("would
        // carry Y's message to the rebel leader X on Wednesday").
        let reach_from = carried.map_or(w.end, |(a, _)| a.end);
        let date = date_near(r, dict, w.start, reach_from, 80)
            .filter(|d| d.start < w.end || !visit_between(r, dict, w.end, d.start))
            .filter(|d| d.start < w.end || !other_occasion_between(r, dict, w.end, d.start))
            .filter(|d| !dates_speech(r, dict, d.start))
            .filter(|d| d.start < w.end || !past_another_participle(r, dict, reach_from, d.start));
        let place = place_near(r, dict, w.start, w.end, 90)
            .filter(|p| p.start < w.end || !other_occasion_between(r, dict, w.end, p.start));
        // "X will also be present in the discussions", "has attended the
        // negotiations": who takes part in talks already reported.
        let attends = t.role == TriggerRole::Weak && verb_of_before(r, dict, w.start, Class::Attend);
        // "after seven hours of negotiations here": held where the story is
        // told from, its dateline (a quote's "here" is the speaker's).
        let here = place.is_none()
            && !r.title
            && !r.in_quote(w.start)
            && r.toks.get(r.tok_at(w.end)).is_some_and(|k| k.lower == "here");
        // What a trip is for is a meeting, however weak its word ("arrived
        // in Sanaa to negotiate a ceasefire deal").
        // "would discuss ways to implement the agreement on the province
        // of X": a place in the topic is no venue, but tells of a meeting
        // of substance as a venue would.
        let topical = place.is_none() && topic_place_near(r, dict, w.end, 90).is_some();
        if t.role == TriggerRole::Weak
            && date.is_none()
            && place.is_none()
            && !topical
            && !here
            && with.is_none()
            && !attends
            && !purpose_of_trip(r, dict, w.start)
        {
            continue;
        }
        let det = determiner_before(r, w.start);
        // A date or place of the trigger's own clause, not of a relative
        // clause of holding ("talks with X, which are due to open on
        // Wednesday"): a bare noun with none refers back.
        let in_clause = |at: Option<usize>| at.is_some_and(|at| at < w.start || !r.clause_break(w.end, at));
        // "its separate talks", "another meeting": a meeting of its own.
        // The modifier stands in the trigger's noun phrase: at most two words
        // between, none a function word ("two separate delegations to the
        // talks" is no separate talks).
        let distinct = r.words[..i]
            .iter()
            .rev()
            .take(3)
            .take_while(|c| in_noun_phrase(&r.text[c.end..w.start], 2))
            .any(|c| entities::cues(dict, c).any(|k| k == CueKind::Distinct));
        // "wants such a meeting to be held": "such" points back as "the" does.
        let such = matches!(det.as_str(), "a" | "an") && {
            let k = r.tok_at(w.start);
            (k.saturating_sub(4)..k).any(|j| r.toks[j].lower == "such")
        };
        let definite = (["the", "this", "that", "these", "those", "his", "her", "their", "its", "our"]
            .contains(&det.as_str())
            || is_possessive(&det)
            || such)
            && !distinct;
        // A definite reference refers back, and so may a bare noun ("talks
        // resumed"); a verb tells of a meeting of its own ("is to meet an
        // opposition group", "he also met the prime minister").
        let anaphoric = definite
            || (det.is_empty()
                && !distinct
                && !verb
                && !in_clause(date.map(|d| d.start))
                && !in_clause(place.map(|p| p.start)));
        // "They discussed the prospects of a truce in Syria": the object of a
        // topic verb is what is talked about, and a country in it no venue
        // (though it makes the weak verb an event, as a place would).
        // So is a region or province in it ("discussed the administration
        // in the X region"): a meeting is held in a city, not across a region.
        // Also when the topic verb follows the trigger ("met ... and discussed").
        let topic_before = |at: usize| (r.tok_at(w.start)..r.tok_at(at)).any(|k| is_topic_word(r, k));
        let place = place.filter(|p| {
            !(p.country && is_topic_word(r, r.tok_at(w.start)) || is_region(r, dict, p) && topic_before(p.start))
        });
        // "the two sides discussed ...", "both leaders also talked about ...":
        // the participants named as a pair are those of the meeting just reported.
        // So are those of "the delegation", "the envoys" opening the
        // sentence: the group of the meeting just reported ("The delegation,
        // headed by X, held talks for half an hour with ...").
        let anaphoric = anaphoric
            || date.is_none()
                && place.is_none()
                && (verb && pair_subject(r, w.start) || out.len() == before && group_subject(r, dict, w.start));
        let cue = status_cue_before(r, dict, w.start, 60);
        // "an invitation for talks", "called for talks": a new proposal, not a reference back.
        let anaphoric = anaphoric && !(det.is_empty() && matches!(cue, Some(Status::Proposed) | Some(Status::Refused)));
        // "X first proposed the meeting last month": after a reference back
        // that a proposal governs, the date is the proposal's.
        // So is one after a reference back that a verb of the class
        // `announce` governs ("had committed to the talks in SA earlier this
        // month": the talks are still ahead).
        let date = date.filter(|d| {
            !(definite
                && d.start >= w.end
                && (cue == Some(Status::Proposed) || verb_of_before(r, dict, w.start, Class::Announce)))
        });
        // "In April, X met Y": a date heading the sentence dates its main clause.
        // Not a meeting its verb only wished for ("A week ago, X offered to
        // meet in Minsk"): the date is the offer's.
        let wished = t.phrase.starts_with("to ") && {
            let k = r.tok_at(w.start);
            let verb = k.checked_sub(1).map(|j| &r.toks[j]);
            let aux = k.checked_sub(2).map(|j| r.toks[j].lower);
            verb.is_some_and(|v| v.lower.ends_with("ed"))
                && !aux.is_some_and(|a| matches!(a, "is" | "are" | "was" | "were" | "be" | "been"))
        };
        // "Four-way talks ... between A, B, C and D will be held in Geneva
        // on April 17": the verb whose subject the noun heads dates it.
        // "The talks ... scheduled on March 29 and 30 have been moved to
        // April 27": the day moved to outranks a day of the noun phrase.
        let predicate = if is_verb(&t.phrase) { None } else { predicate_date(r, dict, w.end) };
        let predicate = predicate.filter(|p| date.is_none() || p.tense.is_some());
        let date = predicate.as_ref().map(|p| p.date).or(date).or_else(|| fronted_date(r, w.start).filter(|_| !wished));
        // "have been moved to April 27": the new day is still ahead.
        let moved = date.is_some_and(|d| rescheduled(r, dict, d));
        let tense = match predicate.as_ref().and_then(|p| p.tense) {
            _ if moved => Tense::Future,
            Some(tense) => tense,
            None if cue.is_none() && t.status.is_none() && !verb && relative_future(r, dict, w.end) => Tense::Future,
            None => trigger_tense(r, dict, w.start, cue, t.status, date),
        };
        let mut ev = Event::new(Kind::Talks, Status::Unknown);
        set_date(&mut ev, date, tense, anchor, dict);
        // "hopes to meet the president", "flew to Juba to meet X": an
        // infinitive tells of a meeting still ahead of its clause's verb,
        // unless a cue before it says otherwise ("refused to meet").
        // "were in Qatar to meet X on 9 November": a stay of the past for a
        // meeting dated before the story is a meeting held there.
        let stay = t.phrase.starts_with("to ").then(|| stay_before(r, w.start)).flatten();
        let held_on_stay = stay.is_some_and(|p| {
            let k = r.tok_at(p.start);
            (k.saturating_sub(3)..k).any(|j| matches!(r.toks[j].lower, "was" | "were"))
        }) && ev.date.zip(anchor.published).is_some_and(|(d, p)| d.end < p);
        let infinitive =
            t.phrase.starts_with("to ").then_some(if held_on_stay { Status::Happened } else { Status::Planned });
        let said = t.status.filter(|s| *s != Status::Happened || cue.is_none()).or(cue).or(infinitive);
        // A meeting moved to a new day is planned for it ("the talks were
        // postponed until Monday"); only one called off with no new day is
        // cancelled.
        let said = said.filter(|s| !(moved && *s == Status::Cancelled));
        let dated = said.or_else(|| status_from_date(ev.date, anchor));
        ev.status = dated.unwrap_or_else(|| tense_status(tense));
        // "traveled to Qatar on Thursday for talks with the emir": what a
        // trip is for is still ahead of the traveller, whatever the tense of
        // the trip on the day it is reported (one made "last week" is over);
        // a report that says the meeting was held wins over it.
        let before_publication = ev.date.zip(anchor.published).is_some_and(|(d, p)| d.end < p);
        let purpose = said.is_none() && !definite && !before_publication && purpose_of_trip(r, dict, w.start);
        if purpose {
            ev.status = Status::Planned;
        }
        // "Talks between X and Y are in doubt": the present tense of a noun's
        // clause says nothing of whether the meeting was held.
        // Only a present "be" counts: a past the tense rules do not know
        // ("spent the weekend at a two-day summit") reads as present too.
        // "Geneva-2 conference to begin in Montreux", "Peace talks to resume
        // in Doha": a headline's noun with an infinitive after it is the
        // headline's future, a meeting still ahead, not a retelling.
        let headline_future = r.title && !verb && date.is_none() && infinitive_after(r, dict, w.end);
        if headline_future && said.is_none() {
            ev.status = Status::Planned;
        }
        let status_guessed = !headline_future && purpose
            // A headline's status is weak evidence: its historic present, its
            // infinitive and its "calls for talks" retell the body's meeting
            // ("X calls for resumption of dialogue with Y" over "X held talks
            // with Y on Monday"). Not a refusal or a calling off, which say
            // something of their own.
            || !headline_future && r.title && date.is_none() && !matches!(ev.status, Status::Refused | Status::Cancelled)
            || dated.is_none()
                && tense == Tense::Present
                && !verb
                && clause_tokens(r, w.start).iter().any(|k| matches!(k.lower, "is" | "are" | "remain" | "remains"));
        let progressive = {
            let before = r.text[..w.start].trim_end().as_bytes();
            let ends_with = |e: &str| {
                before.len() >= e.len() && before[before.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
            };
            ends_with(" is") || ends_with(" are") || ends_with(" is holding") || ends_with(" are holding")
        };
        let mut guessed = false;
        if ev.date.is_none()
            && (progressive || tense == Tense::Present)
            && ev.status == Status::Happened
            && !anaphoric
            && !r.title
        {
            guessed = true;
            // "is meeting in Istanbul": going on as the article is written.
            ev.date = anchor.published.map(DateSpan::day);
        }
        // "took him to Kampala and Addis Ababa where he met X and Y
        // respectively": one place is the meeting's; several are one each.
        let wheres = where_places(r, w.start);
        ev.place = predicate
            .and_then(|p| p.venue)
            .or(place)
            .or_else(|| if wheres.len() > 1 { None } else { where_before(r, w.start) })
            .or_else(|| (wheres.len() == 1).then(|| wheres[0]))
            .or_else(|| host_before(r, w.start))
            .or_else(|| fronted_place(r, dict, w.start))
            .or(stay)
            .or_else(|| city_in_name(r, w.start))
            .map(|p| p.name.to_string())
            .or_else(|| seat_near(r, dict, w.end, 90));
        ev.actors = participants(r, dict, w.start, w.end, Role::Participant);
        if let Some((to, at)) = carried {
            let owners: Vec<&str> =
                r.actors.iter().filter(|a| a.start >= w.end && a.end <= at).map(|a| &*a.name).collect();
            ev.actors.retain(|a| *a.name == *to.name || !owners.contains(&&*a.name));
        }
        // "Qatar's prime minister", "the U.S. envoy" with no holder named:
        // the description, beside the title's country, once merging is done
        // (see `Candidate::described`): "Myanmar's leader met the envoy" and
        // "Min Aung Hlaing met the envoy" may be one meeting.
        // A country named only as the title's owner is no participant of its
        // own until then either: it stands for the person who holds the title.
        let mut titles = Vec::new();
        for d in unheld_titles(r) {
            let country = r.actors.iter().find(|c| c.start == d.0 && ev.actors.iter().any(|a| *c.name == *a.name));
            if let Some(c) = country.filter(|_| !ev.actors.iter().any(|a| *a.name == *d.1)) {
                if r.actors.iter().all(|o| o.start == c.start || o.name != c.name) {
                    ev.actors.retain(|a| *a.name != *c.name);
                }
                titles.push((c.name.to_string(), d.1.to_string()));
            }
        }
        // "met with a number of Gulf diplomats": people met who go unnamed
        // are the participants the text describes.
        if let Some(d) = described_counterpart(r, dict, w.end, verb) {
            if !ev.actors.iter().any(|a| *a.name == *d) {
                ev.actors.push(EventActor { name: d.to_string(), role: Role::Participant });
            }
        }
        // "This delegation, which is visiting X, is expected to meet Y",
        // "This military subcommittee will hold its first meeting": a body
        // the sentence opens with, described with no name, meets as written.
        if let Some(d) = described_opener(r, w.start) {
            if !ev.actors.iter().any(|a| *a.name == *d) {
                ev.actors.push(EventActor { name: d.to_string(), role: Role::Participant });
            }
        }
        // "It comes ahead of a planned meeting with X", "after meeting with
        // X": a sentence that names only the counterpart tells of a meeting
        // of the story's subject, the person last a sentence's subject.
        if let Some(other) = with.filter(|_| !r.title) {
            let alone = ev.actors.iter().all(|a| r.actors.iter().any(|s| *s.name == *a.name && s.start >= w.end));
            if alone {
                let subject = state
                    .cast
                    .recent()
                    .filter(|(_, e)| e.kind == EntityKind::Person && e.name != other.name)
                    .filter_map(|(_, e)| Some((e.last_subject.filter(|&at| at < r.offset)?, e)))
                    .max_by_key(|&(at, _)| at);
                if let Some((_, e)) = subject {
                    ev.actors.insert(0, EventActor { name: e.name.to_string(), role: Role::Participant });
                }
            }
        }
        ev.mentions.push(r.mention());
        let mut described = described_delegations(r, &ev);
        for t in titles {
            if !described.contains(&t) {
                described.push(t);
            }
        }
        let mut c = Candidate::new(ev, r.offset + w.start, tense);
        c.described = described;
        // "the meeting between the US envoy, X, and the President of Serbia,
        // Y", "a bilateral meeting of X and Y": a noun that names its own
        // participants is their meeting, and refers back only to one they agree with.
        let own = names_own_participants(r, w.end);
        c.anaphoric = anaphoric && !own;
        c.definite = definite && date.is_none() && !own;
        c.named_back = definite && date.is_none() && own;
        c.distinct = distinct;
        c.restates = out[before..].last().is_some_and(|p| {
            let between = r.text.get(p.at - r.offset..w.start).unwrap_or("");
            // "will be meeting in Moscow for the second round of talks": the
            // purpose of a meeting is that meeting.
            let purpose = between.rsplit_once(" for ").is_some_and(|(_, np)| {
                np.split_whitespace().count() <= 4 && np.split_whitespace().all(|x| x.chars().all(char::is_alphabetic))
            });
            // "the talks would build on earlier discussions": a meeting
            // called distinct restates none.
            (det.is_empty() || purpose && det != "a" && det != "an")
                && !distinct
                && !between.contains(" and ")
                && !between.contains(';')
                && !other_occasion_between(r, dict, p.at - r.offset, w.start)
        });
        c.merge_only = (r.in_quote(w.start) || attends) && date.is_none();
        c.family = family(&t.phrase);
        c.guessed = guessed;
        c.status_guessed = status_guessed;
        // "After the summit, X is scheduled to meet Y": a meeting with no
        // day of its own, held at an occasion named before it, is dated by
        // that occasion (see `merge::date_the_undated`).
        c.occasion = date.is_none().then(|| occasion_before(r, dict, w.start)).flatten();
        c.here = here && c.event.place.is_none();
        // "The consultations are due to end on January 29", "the talks will
        // last until Friday": the end of the talks already reported.
        // A headline's "meeting ... to last till Sept 13" too: it restates
        // the body's meeting, and its date is when that meeting ends.
        c.ends = (anaphoric || r.title)
            && date.is_some_and(|d| {
                d.start >= w.end && class_between(r, w.end, d.start, |c| c == entities::words::WordClass::Ending)
            });
        c.elsewhere = !wheres.is_empty();
        // "its two-day meeting", "talks ... which lasted for two days".
        c.days = days_long(r, dict, w.start, w.end);
        c.begun = c.event.status == Status::Happened && begun(r, dict, w.start, w.end);
        // "previous rounds of talks in London and Ankara": a meeting each.
        let more = place
            .filter(|p| p.start >= w.end && several_occasions(r, dict, w.start, w.end))
            .map_or_else(Vec::new, |p| cities_after(r, dict, p));
        let more = if c.event.place.as_deref() == place.map(|p| &*p.name) { more } else { Vec::new() };
        if verb && apart(r, dict, w.start, w.end) {
            let places = if c.event.place.is_none() { wheres } else { Vec::new() };
            one_per_counterpart(r, w.end, c, &places, out);
        } else if !more.is_empty() {
            c.restates = false;
            let others: Vec<Candidate> = more
                .into_iter()
                .take(MAX_PER_SENTENCE - 1)
                .map(|q| {
                    let mut one = c.clone();
                    one.event.place = Some(q.name.to_string());
                    one.anaphoric = false;
                    one.definite = false;
                    one.named_back = false;
                    one
                })
                .collect();
            out.push(c);
            out.extend(others);
        } else {
            out.push(c);
        }
    }
}

/// Whether the talks word at `start..end` counts several occasions, by
/// itself ("meetings") or by the noun it is "of" ("rounds of talks"):
/// "his talks in X and Y" is one tour of talks, "rounds of talks in X and
/// Y" one round in each.
fn several_occasions(r: &Reading, dict: &Dictionaries, start: usize, end: usize) -> bool {
    let occasion = |k: usize| r.toks.get(k).is_some_and(|t| dict.index().is_word_of(t.lower, Class::Occasion));
    // The trigger's last token, or the noun before its "of" ("rounds of talks").
    let first = r.tok_at(start);
    let last = r.tok_at(end).saturating_sub(1);
    occasion(last) || (first >= 2 && r.toks[first - 1].lower == "of" && occasion(first - 2))
}

/// The cities joined to the talks' city `p` by "and" ("talks in London and
/// Ankara", "met in Geneva and in Tunis", "in Oslo, Vienna and Rome"): each
/// a meeting of its own, told in one phrase. Countries and regions after a
/// comma name where the city is ("in Pretoria, South Africa"), and a list
/// without "and" is no list of venues: none then.
fn cities_after<'r>(r: &'r Reading, dict: &Dictionaries, p: &PlaceSpan) -> Vec<&'r PlaceSpan> {
    if p.adjective || p.country || is_region(r, dict, p) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut end = p.end;
    loop {
        let rest = &r.text[end..];
        let (gap, last) = if let Some(x) = rest.strip_prefix(" and ") {
            (rest.len() - x.len(), true)
        } else if let Some(x) = rest.strip_prefix(", and ").or_else(|| rest.strip_prefix(", ")) {
            (rest.len() - x.len(), rest.starts_with(", and "))
        } else {
            break;
        };
        let after = &rest[gap..];
        let lead = ["in ", "at "].iter().find(|x| after.starts_with(*x)).map_or(0, |x| x.len());
        let at = end + gap + lead;
        let Some(q) = r.places.iter().find(|q| q.start == at && !q.adjective && !q.country && !is_region(r, dict, q))
        else {
            break;
        };
        out.push(q);
        end = q.end;
        if last {
            return out;
        }
    }
    Vec::new()
}

/// Whether the words between a modifier and a talks word keep both in one
/// noun phrase: at most `most` words between, none a function word ("two
/// separate delegations to the talks" is no separate talks).
fn in_noun_phrase(between: &str, most: usize) -> bool {
    between.split_whitespace().count() <= most
        && between.split_whitespace().all(|x| x.chars().all(|ch| ch.is_alphabetic() || ch == '-'))
        && !between.split_whitespace().any(|x| ["to", "of", "the", "a", "an", "for", "with"].contains(&x))
}

/// The person a verb of carrying (role `carry`) ending at byte `end`
/// carries something to, and where its "to" starts: a noun of the class
/// `message` within four words of the verb, "to" right after it, and a
/// person within a few words ("carried Y's message to the rebel leader X",
/// "hand-carried a peace plan to Russian President X"). "Delivered aid to
/// the town" carries no message, and "a letter to the council" is sent to no
/// one in person.
fn carried_to<'r>(r: &'r Reading, dict: &Dictionaries, end: usize) -> Option<(&'r ActorSpan, usize)> {
    let k = r.tok_at(end);
    let noun = (k..(k + 5).min(r.toks.len()))
        .take_while(|&j| !matches!(r.toks[j].text, "," | ";" | ":"))
        .find(|&j| dict.index().is_word_of(r.toks[j].lower, Class::Message))?;
    let to = r.toks.get(noun + 1).filter(|t| t.lower == "to")?;
    let a = r.actors.iter().find(|a| a.start >= to.end)?;
    let near = a.start - to.end <= 40 && !r.text[to.end..a.start].contains([',', ';']);
    (a.person() && near && !r.clause_break(to.end, a.start)).then_some((a, to.start))
}

/// Whether a word of the cue class `denial` denies the talks word at byte
/// `at`: right before a verb, past one adverb at most ("they have not met
/// since", "did not meet directly", "has never met"), or before a noun's
/// phrase, past two modifiers at most ("No formal talks were held"). A
/// modal ("would not meet") or a refusal ("refused to meet") is no denial:
/// the meeting may still be held, or is refused.
fn denied(r: &Reading, dict: &Dictionaries, at: usize, verb: bool) -> bool {
    r.words.iter().any(|c| {
        c.end <= at
            && at - c.end <= 40
            && in_noun_phrase(&r.text[c.end..at], if verb { 1 } else { 2 })
            && entities::cues(dict, c).any(|k| k == CueKind::Denial)
    })
}

/// Whether a word of another occasion (`sequence`: "after", "before",
/// "following") stands between bytes `from` and `to`: "is expected to meet
/// X, after holding talks over the weekend with Y" and "wants such a meeting
/// held before a NATO summit in Warsaw" tell of two occasions, and what
/// follows the word is the second's.
/// "began their meeting", "welcomed the start of the talks", "the talks
/// went into a second day", "the meeting is taking place": a word of the
/// class `onset` right before the talks word's noun phrase (at most four
/// words between, no comma), or after it in its clause, as its verb (no
/// comma between), says the meeting has begun; not after "to", a modal or a
/// negation ("are due to start", "has not begun").
fn begun(r: &Reading, dict: &Dictionaries, start: usize, end: usize) -> bool {
    // The first letters of the onset phrases, as a mask: most tokens start
    // with none of them and are passed over without comparing each phrase
    // (comparing all of them at every token of the window cost 2.4% of all
    // extraction instructions). A phrase that opens with anything but an
    // ASCII letter turns the mask off.
    let firsts = dict.index().words_of(Class::Onset).try_fold(0u32, |m, a| match a.bytes().next() {
        Some(b) if b.is_ascii_alphabetic() => Some(m | 1 << (b.to_ascii_lowercase() - b'a')),
        _ => None,
    });
    // The end of an onset phrase that starts at token `k`.
    let onset_at = |k: usize| {
        let rest = &r.text[r.toks[k].start..];
        if let Some(mask) = firsts {
            match rest.bytes().next() {
                Some(b) if b.is_ascii_alphabetic() && mask & 1 << (b.to_ascii_lowercase() - b'a') != 0 => {}
                _ => return None,
            }
        }
        let asserted = k == 0 || !dict.index().is_word_of(r.toks[k - 1].lower, Class::Unasserted);
        dict.index()
            .words_of(Class::Onset)
            .find(|a| {
                rest.len() >= a.len()
                    && rest.as_bytes()[..a.len()].eq_ignore_ascii_case(a.as_bytes())
                    && !rest[a.len()..].starts_with(|ch: char| ch.is_alphanumeric())
            })
            .filter(|_| asserted)
            .map(|a| r.toks[k].start + a.len())
    };
    let k = r.tok_at(start);
    let before = (k.saturating_sub(10)..k).any(|j| {
        onset_at(j).is_some_and(|e| {
            e <= start && {
                let between = &r.text[e..start];
                between.split_whitespace().count() <= 4 && !between.contains(',')
            }
        })
    });
    if before {
        return true;
    }
    let first = r.tok_at(end);
    for j in first..(first + 12).min(r.toks.len()) {
        let t = &r.toks[j];
        if t.lower == "," || r.clause_break(end, t.start) {
            return false;
        }
        if onset_at(j).is_some() {
            return true;
        }
    }
    false
}

fn other_occasion_between(r: &Reading, dict: &Dictionaries, from: usize, to: usize) -> bool {
    let (a, b) = (r.tok_at(from), r.tok_at(to).min(r.toks.len()));
    r.toks[a..b].iter().any(|t| t.kind == TokKind::Word && dict.index().is_word_of(t.lower, Class::Sequence))
}

/// Whether an infinitive "to meet" with no object has a place or a date
/// right after it ("are expected to meet in Sanaa", "are scheduled to meet
/// on May 14"): its subjects meet each other. "To meet the deadline" has an
/// object, and no meeting.
fn meets_somewhere(r: &Reading, end: usize, phrase: &str) -> bool {
    phrase.starts_with("to ")
        && (r
            .places
            .iter()
            .any(|p| !p.adjective && p.start > end && matches!(r.text[end..p.start].trim(), "in" | "at"))
            || r.dates.iter().any(|d| d.start >= end && matches!(r.text[end..d.start].trim(), "" | "on")))
}

/// The place a relative "where" clause holding the talks word at `at`
/// refers to: "X was in Kigali, where he discussed the issue with Y".
/// "Where" may follow without a comma ("took him to Kampala where he met X").
fn where_before<'r>(r: &'r Reading, at: usize) -> Option<&'r PlaceSpan> {
    r.places.iter().rev().filter(|p| !p.adjective && p.end < at).find(|p| {
        let rest = &r.text[p.end..at];
        let Some(from) = [", where ", " where "].iter().find(|w| rest.starts_with(*w)).map(|w| p.end + w.len()) else {
            return false;
        };
        !r.text[from..at].contains([',', ';']) && !r.clause_break(from, at)
    })
}

/// The places a relative "where" holding the talks word at `at` refers to,
/// in order: one ("took him to Kampala where he met X") or several joined by
/// "and" or commas ("to Kampala and Addis Ababa where he met X and Y
/// respectively"), right before "where", a comma between or not.
fn where_places<'r>(r: &'r Reading, at: usize) -> Vec<&'r PlaceSpan> {
    let k = r.tok_at(at);
    let Some(w) = (0..k).rev().find(|&j| r.toks[j].lower == "where") else { return Vec::new() };
    if r.clause_break(r.toks[w].end, at) || r.text[r.toks[w].end..at].contains([',', ';']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut j = w;
    loop {
        // Past a comma, or "and" between two places.
        while j > 0 && (r.toks[j - 1].lower == "," || !out.is_empty() && r.toks[j - 1].lower == "and") {
            j -= 1;
        }
        let Some(end) = j.checked_sub(1).map(|i| r.toks[i].end) else { break };
        let Some(p) = r.places.iter().find(|p| !p.adjective && p.end == end) else { break };
        out.push(p);
        j = r.tok_at(p.start);
        if !(j > 0 && matches!(r.toks[j - 1].lower, "," | "and")) {
            break;
        }
    }
    out.reverse();
    out
}

/// The host that holds the talks word at `at` in its own country or city:
/// "Saudi Arabia will host talks in August", "Kenya is to host a summit".
/// A city that heads the sentence after "in" or "at" ("In Doha, X meets
/// Y", "In Minsk held a meeting") places the talks of its clause, when no
/// other place, clause break or speech verb comes between: "In Kabul,
/// officials said talks ..." is where it was said.
fn fronted_place<'r>(r: &'r Reading, dict: &Dictionaries, at: usize) -> Option<&'r PlaceSpan> {
    if !r.toks.first().is_some_and(|t| matches!(t.lower, "in" | "at")) {
        return None;
    }
    let first = r.toks.get(1)?;
    let p = r.places.iter().find(|p| p.start == first.start && !p.adjective && !p.country)?;
    let plain = p.end <= at
        && at - p.end <= 80
        && !r.clause_break(p.end, at)
        && !r.in_quote(at)
        && !r.places.iter().any(|q| !q.adjective && q.start >= p.end && q.start < at)
        && !r.words.iter().any(|v| {
            v.start >= p.end && v.end <= at && entities::has_trigger(dict, v, Kind::Statement, TriggerRole::Trigger)
        });
    plain.then_some(p)
}

/// The place of a stay right before an infinitive of meeting ("were in
/// Qatar to meet X", "was in Juba on Monday to meet X"): where the meeting
/// is, past a date at most.
fn stay_before<'r>(r: &'r Reading, at: usize) -> Option<&'r PlaceSpan> {
    r.places.iter().rev().find(|p| {
        !p.adjective
            && p.end <= at
            && matches!(r.word_before(p.start), "in" | "at")
            && at - p.end <= 40
            && r.toks[r.tok_at(p.end)..r.tok_at(at)]
                .iter()
                .all(|t| t.lower == "on" || r.dates.iter().any(|d| d.start <= t.start && t.start < d.end))
    })
}

/// A city that opens the capitalised name of a series of talks ending in
/// the talks word at `at` ("the Geneva International Discussions", "the
/// Geneva II talks"): where the series meets, when the text names no other
/// place for it.
fn city_in_name<'r>(r: &'r Reading, at: usize) -> Option<&'r PlaceSpan> {
    let k = r.tok_at(at);
    r.places.iter().find(|p| {
        let (from, before) = (r.tok_at(p.end), r.tok_at(p.start));
        !p.adjective
            && !p.country
            && p.end < at
            && (1..=2).contains(&k.saturating_sub(from))
            && r.toks[from..k].iter().all(|t| t.kind == TokKind::Word && t.text.starts_with(char::is_uppercase))
            // The city opens the name: no capitalised word before it.
            && !before.checked_sub(1).is_some_and(|j| {
                r.toks[j].kind == TokKind::Word && r.toks[j].text.starts_with(char::is_uppercase)
            })
    })
}

/// The host is the place right before the verb, past an auxiliary.
fn host_before<'r>(r: &'r Reading, at: usize) -> Option<&'r PlaceSpan> {
    let k = r.tok_at(at);
    // The verb, then at most a determiner or an adjective before the talks word.
    let v = (k.saturating_sub(3)..k).find(|&j| matches!(r.toks[j].lower, "host" | "hosts" | "hosted" | "hosting"))?;
    if r.clause_break(r.toks[v].end, at) {
        return None;
    }
    let mut j = v;
    while j > 0 && matches!(r.toks[j - 1].lower, "will" | "would" | "to" | "is" | "was" | "has" | "had" | "be" | "also")
    {
        j -= 1;
    }
    let before = r.toks.get(j.checked_sub(1)?)?;
    // "Djibouti, in its capacity as chair, will host a meeting": the host
    // opens the sentence, an aside set off by commas before its verb.
    let opens = |p: &PlaceSpan| before.text == "," && r.toks.first().is_some_and(|t| t.start == p.start);
    r.places.iter().find(|p| !p.adjective && (p.end == before.end || opens(p)) && !is_possessor(r, p))
}

/// Whether a talks noun ending at byte `end` names its participants right
/// after it: "between" or "of" and two persons or more in the clause.
fn names_own_participants(r: &Reading, end: usize) -> bool {
    if !r.toks.get(r.tok_at(end)).is_some_and(|t| t.lower == "between" || t.lower == "of") {
        return false;
    }
    let listed = r
        .actors
        .iter()
        .filter(|a| a.person() && a.how != How::Pronoun && a.start >= end && a.start - end <= 120)
        .filter(|a| !r.text[end..a.start].contains(';') && !r.clause_break(end, a.start))
        .count();
    listed >= 2
}

/// Whether a visit verb stands between bytes `from` and `to`, not joined by
/// "and" to what comes before it ("met X and visited the camp on Monday").
fn visit_between(r: &Reading, dict: &Dictionaries, from: usize, to: usize) -> bool {
    r.words.iter().any(|v| {
        v.start >= from
            && v.end <= to
            && !r.text[from..v.start].contains(" and ")
            && is_verb_form(&r.text[v.start..v.end])
            && entities::triggers(dict, v).any(|(_, t)| t.kind == Kind::Visit && t.role == TriggerRole::Trigger)
    })
}

/// A verb form of a visit word: "visited", "arrived in", not "visit" or "trip".
fn is_verb_form(phrase: &str) -> bool {
    phrase.split(' ').next().is_some_and(|v| v.ends_with("ed") || v.ends_with("ing"))
}

/// Whether the date at `at` stands right after a speech verb ("said on
/// Sunday", "said Thursday"): it dates the saying, not the talks.
fn dates_speech(r: &Reading, dict: &Dictionaries, at: usize) -> bool {
    r.words.iter().any(|v| {
        v.end <= at
            && matches!(r.text[v.end..at].trim(), "" | "on" | "late on" | "early on")
            && entities::has_trigger(dict, v, Kind::Statement, TriggerRole::Trigger)
    })
}

/// Whether the talks word at `at` names what a trip of its clause is for:
/// "for" before it, past up to two lower-case modifiers, and a visit word
/// before that in the same clause ("traveled to Qatar for talks", "arrived
/// in Yemen for peace talks").
fn purpose_of_trip(r: &Reading, dict: &Dictionaries, at: usize) -> bool {
    let k = r.tok_at(at);
    // "flew to Juba to meet X": the infinitive's own "to" is the purpose's.
    let infinitive = r.toks.get(k).is_some_and(|t| t.lower == "to").then_some(k);
    // "returned to Doha to continue talks", "arrived to negotiate": an
    // infinitive of purpose before the talks word ("came to the talks" is
    // a destination: a determiner or a name follows that "to").
    let purpose_to = |j: usize| {
        r.toks[j].lower == "to"
            && r.toks.get(j + 1).is_some_and(|t| {
                t.text.starts_with(char::is_lowercase) && !dict.index().is_word_of(t.lower, Class::Determiner)
            })
    };
    let Some(f) =
        infinitive.or_else(|| (k.saturating_sub(3)..k).rev().find(|&j| r.toks[j].lower == "for" || purpose_to(j)))
    else {
        return false;
    };
    // Lower-case modifiers, or names ("for more Taliban talks").
    let in_name = |t: &crate::extract::tokens::Tok| {
        r.actors.iter().any(|a| a.start <= t.start && t.start < a.end)
            || r.places.iter().any(|p| p.start <= t.start && t.start < p.end)
    };
    let modifiers = f == k
        || r.toks[f + 1..k].iter().all(|t| (t.text.starts_with(char::is_lowercase) || in_name(t)) && t.lower != "the");
    let for_at = r.toks[f].start;
    modifiers
        && r.words.iter().any(|v| {
            // Not "received the visiting minister for a meeting": a
            // participle before a noun is no trip of the clause. An
            // attribution set off by commas is no clause of its own ("arrived
            // in Sanaa, state media said on Sunday, to negotiate").
            v.end <= for_at
                && !breaks_past_aside(r, dict, v.end, for_at)
                && (!r.text[v.start..v.end].ends_with("ing") || determiner_before(r, v.start).is_empty())
                && entities::triggers(dict, v)
                    .any(|(_, t)| t.kind == Kind::Visit && matches!(t.role, TriggerRole::Trigger | TriggerRole::Weak))
        })
}

/// Whether the verb at `at` has a pair for subject: "the two sides", "both
/// parties", past an adverb or auxiliary ("the two men have also").
fn pair_subject(r: &Reading, at: usize) -> bool {
    const SKIP: &[&str] = &["also", "had", "have", "has", "then", "later", "reportedly"];
    let mut words = r.text[..at]
        .split_whitespace()
        .rev()
        .map(|w| lower_cow(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .skip_while(|w| SKIP.contains(&&**w));
    let (Some(noun), Some(det)) = (words.next(), words.next()) else { return false };
    let plural = noun.len() > 3 && noun.ends_with('s');
    plural && (det == "both" || det == "two" && words.next().is_some_and(|w| w == "the"))
}

/// Whether the sentence opens with "the" and a noun for a group that
/// travels to talk ("The delegation", "The envoys, who landed on Saturday,")
/// and no speech verb stands between it and the talks word at `at`: the
/// group is the subject of the talks word, and refers back.
fn group_subject(r: &Reading, dict: &Dictionaries, at: usize) -> bool {
    let (Some(det), Some(noun)) = (r.toks.first(), r.toks.get(1)) else { return false };
    det.lower == "the"
        && noun.end <= at
        && dict.index().is_word_of(noun.lower, Class::VisitingGroup)
        && !r.words.iter().any(|v| {
            v.start >= noun.end && v.end <= at && entities::has_trigger(dict, v, Kind::Statement, TriggerRole::Trigger)
        })
}

/// Whether a place is a region: one the gazetteer lists as such, or one
/// named with a region noun after it ("the X region", "X province").
fn is_region(r: &Reading, dict: &Dictionaries, p: &PlaceSpan) -> bool {
    let noun =
        r.text[p.end..].split_whitespace().next().map(|x| lower_cow(x.trim_end_matches(|c: char| !c.is_alphabetic())));
    noun.is_some_and(|x| dict.index().is_word_of(&x, Class::RegionNoun))
        || dict.index().place_named(&p.name).is_some_and(|i| dict.places[i].kind == crate::dict::PlaceKind::Region)
}

/// Whether the trigger's clause says its counterparts were met one by one
/// ("met with A, B and C respectively", "met separately with A and B").
fn apart(r: &Reading, dict: &Dictionaries, start: usize, end: usize) -> bool {
    let from = r.text[..start].trim_end().rfind(' ').map_or(0, |i| i + 1);
    r.toks
        .iter()
        .filter(|t| t.start >= from && dict.index().is_word_of(t.lower, Class::Apart))
        .any(|t| t.start < start || !r.clause_break(end, t.start))
}

/// "Kerry met with Ashton, Deshchytsya and Lavrov respectively": a meeting
/// of the subject with each counterpart named after the verb, each its own.
/// Places given in the same order ("where he met A and B respectively"
/// after "Kampala and Addis Ababa") are one each, in turn.
fn one_per_counterpart(r: &Reading, end: usize, c: Candidate, places: &[&PlaceSpan], out: &mut Vec<Candidate>) {
    let after = |name: &str| r.actors.iter().any(|a| a.start >= end && *a.name == *name);
    let (others, subject): (Vec<EventActor>, Vec<EventActor>) =
        c.event.actors.iter().cloned().partition(|a| after(&a.name));
    if others.len() < 2 || subject.is_empty() {
        out.push(c);
        return;
    }
    let paired = places.len() == others.len();
    for (i, other) in others.into_iter().take(MAX_PER_SENTENCE).enumerate() {
        let mut one = c.clone();
        one.event.actors = subject.iter().cloned().chain([other]).collect();
        // Each at a place of its own is kept apart by its place, and may
        // join an earlier report of the meeting at that place.
        if paired {
            one.event.place = Some(places[i].name.to_string());
        }
        one.distinct = !paired;
        one.anaphoric = false;
        one.restates = false;
        out.push(one);
    }
}

/// Words that end a description's complement after "of" or "from": the next
/// phrase or clause ("ambassadors of regional countries residing in Kabul").
const COMPLEMENT_ENDS: &[&str] = &[
    "in", "on", "at", "to", "for", "with", "by", "about", "over", "after", "before", "during", "as", "who", "that",
    "which", "and", "or", "said", "says", "was", "were", "is", "are", "has", "have", "had",
];

/// The unnamed people the talks word ending at byte `end` is held with, as
/// the text describes them: "met with a number of Gulf diplomats", "met
/// secretly with a senior military official", "met officials from the
/// security forces", "with the ambassadors of regional countries". The
/// description is the actor when no name stands for it; None when an actor
/// ends its head ("Houthi officials" is the Houthis) or starts in its
/// complement ("officials from the RSF" is the RSF). A bare head ("met
/// officials") describes no one in particular.
fn described_counterpart<'r>(r: &'r Reading, dict: &Dictionaries, end: usize, verb: bool) -> Option<&'r str> {
    let k0 = r.tok_at(end);
    // "with" within the clause, or the verb's own object past an adverb.
    // A trigger that ends in "with" ("talks with") has its counterpart next.
    let own_with = k0 > 0 && r.toks[k0 - 1].lower == "with";
    let with = (k0..(k0 + 14).min(r.toks.len()))
        .take_while(|&j| !r.clause_break(end, r.toks[j].end))
        .find(|&j| r.toks[j].lower == "with");
    // "a gathering of regional foreign ministers": a noun's "of" names who meets.
    let of = !verb && r.toks.get(k0).is_some_and(|t| t.lower == "of");
    // "signed a deal with 14 armed groups following a week of talks": a
    // talks noun's "with" may stand before it in its clause.
    let with_before = || {
        let last = k0.checked_sub(1)?;
        (last.saturating_sub(14)..last)
            .rev()
            .take_while(|&j| !r.clause_break(r.toks[j].start, end) && !matches!(r.toks[j].text, "," | ";"))
            .find(|&j| r.toks[j].lower == "with")
    };
    let k = match with {
        _ if own_with => k0,
        Some(j) => j + 1,
        None if verb => k0 + usize::from(r.toks.get(k0).is_some_and(|t| t.lower.ends_with("ly"))),
        None if of => k0 + 1,
        None => with_before()? + 1,
    };
    let (from, to) = description_from(r, dict, k, r.toks.len())?;
    Some(&r.text[from..to])
}

/// The description of people that starts at token `k` ("a number of Gulf
/// diplomats", "officials from the security forces", "representatives of
/// all observer countries"), as byte offsets; None when a name stands for
/// it (see `described_counterpart`). It ends before token `limit`.
pub(crate) fn description_from(r: &Reading, dict: &Dictionaries, mut k: usize, limit: usize) -> Option<(usize, usize)> {
    // "a number of", "the", and a count ("with 14 armed groups").
    // An opening quote may stand first: 'met with “various opposition groups”'.
    let mut definite = false;
    while r.toks.get(k).is_some_and(|t| {
        t.kind == TokKind::Num
            || dict.index().is_word_of(t.lower, Class::Quantifier)
            || matches!(t.text, "\u{201c}" | "\"")
    }) {
        definite = r.toks[k].lower == "the";
        k += 1;
    }
    // "the country's military rulers", "the government's negotiators": a
    // possessive that no name stands in is a determiner; a name's ("Chad's
    // negotiators") is the actor itself.
    if definite {
        let owner = (k..(k + 3).min(r.toks.len())).take_while(|&j| r.toks[j].kind == TokKind::Word).last();
        let s = owner.map_or(k, |j| j + 1);
        let apostrophe = r.toks.get(s).is_some_and(|t| t.glued && matches!(t.text, "'" | "\u{2019}"));
        if apostrophe
            && r.toks.get(s + 1).is_some_and(|t| t.glued && t.lower == "s")
            && !r.actors.iter().any(|a| a.start < r.toks[s].start && r.toks[k].start < a.end)
        {
            k = s + 2;
        }
    }
    let first = k;
    // Up to four modifiers, then the head.
    let is_head = |j: usize| {
        r.classes.get(j).copied().flatten().is_some_and(|(set, _)| set.iter().any(|c| c == WordClass::Counterpart))
    };
    let word = |j: usize| r.toks.get(j).is_some_and(|t| t.kind == TokKind::Word || t.text == "." || t.text == "-");
    let mut head = (first..(first + 6).min(r.toks.len())).take_while(|&j| word(j)).find(|&j| is_head(j))?;
    // A head noun may be a modifier of the next one: "opposition groups".
    while word(head + 1) && is_head(head + 1) {
        head += 1;
    }
    // No function word among the modifiers ("met with them in the capital of ...").
    if r.toks[first..head].iter().any(|t| COMPLEMENT_ENDS.contains(&t.lower)) {
        return None;
    }
    let mut last = head;
    if r.toks.get(head + 1).is_some_and(|t| t.lower == "of" || t.lower == "from") {
        let mut j = head + 2;
        while r.toks.get(j).is_some_and(|t| {
            t.kind == TokKind::Word
                && !COMPLEMENT_ENDS.contains(&t.lower)
                // A participle after a noun opens a clause ("countries
                // residing in"); before one it is an adjective ("of
                // neighbouring countries", "of the warring parties").
                && !(t.lower.ends_with("ing") && j > head + 2 && r.toks[j - 1].lower != "the")
                && (t.lower != "and" || j > head + 2)
        }) || r.toks.get(j).is_some_and(|t| t.lower == "and")
            && r.toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Word && !COMPLEMENT_ENDS.contains(&t.lower))
        {
            if j >= limit {
                break;
            }
            last = j;
            j += 1;
            if j - head > 7 {
                return None;
            }
        }
        if r.toks[last].lower == "the" {
            return None;
        }
    }
    // "the opposition": a group noun after "the" that ends its phrase names
    // that side, where a bare "officials" describes no one in particular.
    let side = definite
        && dict.index().is_word_of(r.toks[head].lower, Class::Group)
        && !r.toks.get(head + 1).is_some_and(|t| {
            t.kind == TokKind::Word && t.text.starts_with(char::is_lowercase) && !COMPLEMENT_ENDS.contains(&t.lower)
        });
    if first == head && last == head && !side {
        return None;
    }
    let (from, to) = (r.toks[first].start, r.toks[last].end);
    let head_end = r.toks[head].end;
    // A name ending at the head, or standing in the complement, is the actor.
    if r.actors.iter().any(|a| a.start < to && from < a.end && (a.end >= head_end)) {
        return None;
    }
    Some((from, to))
}

/// The body a sentence opens with, described by a delegation or
/// organisation noun after "this", "that" or "the" and no name ("This
/// delegation", "The military subcommittee"), when it is the subject of the
/// talks word at `at`: only a relative clause set off by commas ("This
/// delegation, which is visiting X, is expected to meet") may stand between.
/// None when a name or a description the article resolved stands there.
fn described_opener<'r>(r: &'r Reading, at: usize) -> Option<&'r str> {
    let toks = &r.toks;
    if !toks.first().is_some_and(|t| matches!(t.lower, "this" | "that" | "the")) {
        return None;
    }
    // A count may stand among the modifiers: "The two panels met".
    let lower = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokKind::Num || t.kind == TokKind::Word && t.text.starts_with(char::is_lowercase)
        })
    };
    // "The leaders also met": a noun for people met (see
    // `described_counterpart`) as the subject names who meets as well.
    let body = |j: usize| {
        r.classes.get(j).copied().flatten().is_some_and(|(set, e)| {
            e == j + 1
                && set.iter().any(|c| matches!(c, WordClass::Delegation | WordClass::OrgHead | WordClass::Counterpart))
        })
    };
    // At most two modifiers before the head; a head before a title ("the
    // delegation head") describes a person.
    let head = (1..4).take_while(|&j| lower(j)).find(|&j| body(j))?;
    let end = toks[head].end;
    let titled = |j: usize| {
        r.classes.get(j).copied().flatten().is_some_and(|(set, _)| set.iter().any(|c| matches!(c, WordClass::Title(_))))
    };
    if end > at || titled(head + 1) || r.actors.iter().any(|a| a.start < end) {
        return None;
    }
    let gap = &r.text[end..at];
    let verb = match gap.strip_prefix(", which ").or_else(|| gap.strip_prefix(", who ")) {
        Some(relative) => relative.rsplit_once(", ").map(|(_, verb)| verb)?,
        None => gap,
    };
    (verb.split_whitespace().count() <= 6 && !verb.contains([',', '"', '\u{201c}']) && !separates_clauses(verb))
        .then(|| &r.text[toks[1].start..end])
}

/// Titles of a country that no name holds in the sentence: "Qatar's prime
/// minister", "U.S. envoy" where neither the dictionary's dated roles nor
/// the text name the holder, each as (where the country starts, the
/// description). Not when a name follows ("U.S. envoy Jane Doe", "Qatar's
/// emir, Sheikh X").
fn unheld_titles<'r>(r: &'r Reading) -> impl Iterator<Item = (usize, &'r str)> + 'r {
    r.actors.iter().filter(|a| a.kind == EntityKind::Country && a.how == How::Name).filter_map(move |a| {
        let mut k = r.tok_at(a.end);
        if r.toks.get(k).is_some_and(|t| t.glued && matches!(t.text, "'" | "\u{2019}"))
            && r.toks.get(k + 1).is_some_and(|t| t.glued && t.lower == "s")
        {
            k += 2;
        }
        let (set, e) = r.classes.get(k).copied().flatten()?;
        if !set.iter().any(|c| matches!(c, WordClass::Title(_))) {
            return None;
        }
        let end = r.toks[e - 1].end;
        let named_next =
            r.toks.get(e).is_some_and(|t| t.kind == TokKind::Word && t.text.starts_with(char::is_uppercase));
        // "Qatar's emir, Sheikh X": a person in apposition holds the title.
        let apposed =
            |b: &ActorSpan| b.person() && b.start >= end && r.text[end..b.start].trim_matches([',', ' ']).is_empty();
        let held = r.actors.iter().any(|b| b.start >= a.start && b.start < end && b.end > a.end || apposed(b));
        (!named_next && !held).then(|| (a.start, &r.text[a.start..end]))
    })
}

/// The date of the verb whose subject a talks noun heads, when that verb
/// says no more than that the meeting is held or moved, and the tense that
/// places it: "Four-way talks on the crisis between A, B, C and D will be
/// held in Geneva on April 17" (the noun phrase may run long, and list its
/// participants with commas after "between"); "The second round ... scheduled
/// on March 29 and 30 in X has been moved to April 27 and 28": a date after
/// a verb of moving (`reschedule`) and its "to" is the new day, still ahead.
/// Not past a relative pronoun, a speech verb or another clause, nor a
/// negated verb ("will not be held").
/// A place after the verb's "in" or "at", before its date, is the venue
/// ("will be held in Geneva on April 17"), whatever place the noun phrase
/// names ("talks ... between the United States, EU, Russia and ...").
fn predicate_date<'r>(r: &'r Reading, dict: &Dictionaries, end: usize) -> Option<Predicate<'r>> {
    let first = r.tok_at(end);
    let mut listing = false;
    // Where the noun phrase resumes after a relative clause set off by
    // commas ("Talks between A and B, who hold the town, will get underway
    // Saturday"): clause breaks inside it are the aside's, not the noun's.
    let mut resumed = end;
    let mut j = first;
    let last = (first + NOUN_PHRASE).min(r.toks.len());
    let aux = loop {
        if j >= last {
            return None;
        }
        let t = &r.toks[j];
        listing |= t.lower == "between";
        if let Some(close) = relative_aside(r, j) {
            resumed = r.toks[close].end;
            j = close + 1;
            continue;
        }
        // A comma ends the noun phrase, unless it lists who meets ("between
        // A, B and C"); a quote or a semicolon always does.
        let stop = t.kind != TokKind::Word
            && (matches!(t.text, ";" | "\"" | "\u{201c}" | "\u{201d}") || t.text == "," && !listing);
        if stop {
            return None;
        }
        if dict.index().is_word_of(t.lower, Class::Auxiliary) {
            break j;
        }
        j += 1;
    };
    if r.clause_break(resumed, r.toks[aux].start) {
        return None;
    }
    // A date inside the noun phrase belongs to it ("scheduled on March 29"):
    // the verb's is after it.
    let mut moved = false;
    let mut held = false;
    let mut k = aux + 1;
    while let Some(t) = r.toks.get(k) {
        if t.kind != TokKind::Word || !t.text.starts_with(|c: char| c.is_lowercase()) {
            break;
        }
        // The words of a relative clause of holding ("will be held", "are
        // due to open"), but its prepositions, which end the verb; "back",
        // "forward" and "off" after a verb of moving ("pushed back to").
        let preposition = matches!(t.lower, "in" | "at" | "on" | "for" | "the");
        let particle = moved && matches!(t.lower, "back" | "forward" | "off");
        if dict.index().is_word_of(t.lower, Class::Reschedule) {
            moved = true;
        } else if dict.index().is_word_of(t.lower, Class::Holding) && !preposition {
            held |= !matches!(t.lower, "be" | "been" | "being" | "to" | "now")
                && !dict.index().is_word_of(t.lower, Class::Auxiliary);
        } else if !particle {
            break;
        }
        k += 1;
    }
    if !(moved || held) || k == aux + 1 {
        return None;
    }
    let verb_end = r.toks[k - 1].end;
    let d = r
        .dates
        .iter()
        .filter(|d| !d.since && d.start >= verb_end && d.start - verb_end <= PREDICATE_REACH)
        .find(|d| !r.clause_break(verb_end, d.start) && !r.text[verb_end..d.start].contains(','))?;
    // "has been moved to April 27": the day moved to, not the day moved from.
    let new_day = moved && moved_to(r, d);
    if moved && !new_day {
        return None;
    }
    let venue = r.places.iter().find(|p| {
        p.start >= verb_end
            && p.end <= d.start
            && !p.adjective
            && matches!(r.word_before(p.start), "in" | "at")
            && !r.text[verb_end..p.start].contains(',')
    });
    Some(Predicate { date: d, tense: new_day.then_some(Tense::Future), venue })
}

/// The closing comma of a relative clause set off by commas that opens at
/// token `j` (", who hold the town,", ", which began on Monday,"): its
/// token, when the clause closes within a short reach and before any other
/// stop.
fn relative_aside(r: &Reading, j: usize) -> Option<usize> {
    let t = &r.toks[j];
    if t.text != "," || !r.toks.get(j + 1).is_some_and(|w| matches!(w.lower, "who" | "which")) {
        return None;
    }
    (j + 2..(j + 2 + RELATIVE_ASIDE).min(r.toks.len()))
        .take_while(|&k| !matches!(r.toks[k].text, ";" | "\"" | "\u{201c}" | "\u{201d}" | "(" | ")"))
        .find(|&k| r.toks[k].text == ",")
}

/// How many tokens a relative clause set off by commas may run.
const RELATIVE_ASIDE: usize = 16;

/// "the London conference that will be held regarding X", "talks, which are
/// due to open in May": a relative clause whose head is the talks noun and
/// whose auxiliary follows its pronoun tells the meeting's own tense, over
/// the tense of the sentence's verb ("mentioned", "provided"). Only a future
/// is told: a past or present one says no more than the sentence does.
fn relative_future(r: &Reading, dict: &Dictionaries, end: usize) -> bool {
    let mut k = r.tok_at(end);
    if r.toks.get(k).is_some_and(|t| t.text == ",") {
        k += 1;
    }
    let pronoun = r.toks.get(k).is_some_and(|t| t.start <= end + 3 && matches!(t.lower, "that" | "which"));
    if !pronoun || !r.toks.get(k + 1).is_some_and(|t| dict.index().is_word_of(t.lower, Class::Auxiliary)) {
        return false;
    }
    let stop = (k + 1..r.toks.len())
        .find(|&j| {
            r.toks[j].kind != TokKind::Word && matches!(r.toks[j].text, "," | ";" | "\"" | "\u{201c}" | "\u{201d}")
        })
        .unwrap_or(r.toks.len());
    dates::tense_of_tokens(&r.toks[k + 1..stop], &dict.dates) == Tense::Future
}

/// What the verb of a talks noun's clause says of the meeting: its date, the
/// tense that places it when the verb moves the meeting, and its venue.
struct Predicate<'r> {
    date: &'r TimeExpr,
    tense: Option<Tense>,
    venue: Option<&'r PlaceSpan>,
}

/// How many tokens a talks noun's phrase may run before its verb.
const NOUN_PHRASE: usize = 48;

/// How far after the verb of a talks noun's clause its date may stand (in
/// bytes): "will be held in Geneva on April 17".
const PREDICATE_REACH: usize = 40;

/// Whether a date is the day a meeting is moved to: "to", "until", "till"
/// or "for" before it, as its preposition or the word before it.
fn moved_to(r: &Reading, d: &TimeExpr) -> bool {
    d.prep.as_deref().is_some_and(|p| MOVED_TO.contains(&p)) || MOVED_TO.contains(&r.word_before(d.start))
}

const MOVED_TO: &[&str] = &["to", "until", "till", "for"];

/// Whether a date is the new day of a meeting moved to it: a verb of moving
/// (`reschedule`) and its "to" right before it ("has been moved to April
/// 27", "was postponed until Monday", "pushed back to next week").
fn rescheduled(r: &Reading, dict: &Dictionaries, d: &TimeExpr) -> bool {
    let mut k = r.tok_at(d.start);
    if d.prep.is_none() {
        if k == 0 || !MOVED_TO.contains(&r.toks[k - 1].lower) {
            return false;
        }
        k -= 1;
    } else if !moved_to(r, d) {
        return false;
    }
    while k > 0 && matches!(r.toks[k - 1].lower, "back" | "forward" | "off") {
        k -= 1;
    }
    k > 0 && dict.index().is_word_of(r.toks[k - 1].lower, Class::Reschedule)
}

/// Whether an infinitive follows byte `at` ("conference to begin", "talks
/// to resume"): "to" and a lower-case word that is no determiner ("talks to
/// the end" is no verb).
fn infinitive_after(r: &Reading, dict: &Dictionaries, at: usize) -> bool {
    let k = r.tok_at(at);
    let (Some(to), Some(next)) = (r.toks.get(k), r.toks.get(k + 1)) else { return false };
    to.lower == "to"
        && next.kind == crate::extract::tokens::TokKind::Word
        && next.text.starts_with(|c: char| c.is_ascii_lowercase())
        && !dict.index().is_word_of(next.lower, Class::Determiner)
}
