//! Visits: someone travels to a place.

use super::*;
use crate::extract::reading::*;
// ---------------------------------------------------------------- visits

pub(crate) fn visits(r: &Reading, dict: &Dictionaries, anchor: &Anchor, out: &mut Vec<Candidate>) {
    let before = out.len();
    for w in &r.words {
        // A handful of events per sentence at most: a run of trigger words
        // ("talks talks talks ...") is no more events, and no more work.
        if out.len() - before >= MAX_PER_SENTENCE {
            break;
        }
        let Some((_, t)) = entities::triggers(dict, w).find(|(_, t)| t.kind == Kind::Visit) else { continue };
        if t.role != TriggerRole::Trigger || r.in_quote(w.start) {
            continue;
        }
        let place = r
            .places
            .iter()
            .filter(|p| !p.adjective && p.start >= w.end && p.start - w.end <= 60 && !r.clause_break(w.end, p.start))
            .min_by_key(|p| p.start)
            .or_else(|| r.places.iter().filter(|p| p.start >= w.end && p.start - w.end <= 30).min_by_key(|p| p.start));
        // The visitor: "visit by X", the nearest actor before in the clause, else the
        // subject after a fronted phrase ("After a trip to Iraq, Ban said").
        let by = r.text[w.end..].trim_start().strip_prefix("by ").map(|_| ());
        let visitor = if by.is_some() || t.phrase.ends_with(" by") {
            r.actors.iter().find(|a| a.start >= w.end && a.start - w.end <= 12)
        } else {
            None
        }
        .or_else(|| {
            r.actors.iter().rev().find(|a| {
                a.end <= w.start
                    && !a.agency()
                    && !r.clause_break(a.end, w.start)
                    && place.is_none_or(|p| p.name != a.name)
            })
        })
        .or_else(|| {
            // The subject after the comma; in "U.N. Secretary-General Ban Ki-moon"
            // the person, not the body named before the title.
            let comma = r.text[w.end..].find(", ").map(|k| w.end + k)?;
            let mut subject = r
                .actors
                .iter()
                .filter(|a| a.start > comma && !a.agency())
                .take_while(|a| !r.clause_break(comma + 1, a.start));
            let first = subject.clone().next()?;
            subject.find(|a| a.person() && a.start.saturating_sub(first.end) <= 40).or(Some(first))
        });
        if place.is_none() && visitor.is_none() {
            continue;
        }
        let det = determiner_before(r, w.start);
        let date = date_near(r, w.start, w.end, 50);
        let cue = status_cue_before(r, dict, w.start, 40);
        let tense = trigger_tense(r, dict, w.start, cue, t.status, date);
        let mut ev = Event::new(Kind::Visit, Status::Unknown);
        set_date(&mut ev, date, tense, anchor, dict);
        ev.status =
            cue.or(t.status).or_else(|| status_from_date(ev.date, anchor)).unwrap_or_else(|| tense_status(tense));
        ev.place = place.map(|p| p.name.to_string());
        if let Some(v) = visitor {
            ev.actors.push(EventActor { name: v.name.to_string(), role: Role::Visitor });
        }
        ev.mentions.push(r.mention());
        let anaphoric = ["the", "this", "that", "his", "her", "their", "its"].contains(&det.as_str());
        let mut c = Candidate::new(ev, r.offset + w.start, tense);
        c.anaphoric = anaphoric;
        c.family = 3;
        out.push(c);
    }
}
