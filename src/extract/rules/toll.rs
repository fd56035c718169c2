//! Death tolls: a count of people killed, with its qualifier.

use super::*;
use crate::extract::reading::*;
use crate::model::Qualifier;
// ---------------------------------------------------------------- death tolls

/// A count in text: digits ("40,000", "1.5 million") or number words ("seven",
/// "forty thousand").
pub(crate) fn counts(r: &Reading, dict: &Dictionaries) -> Vec<(usize, usize, u64)> {
    let mut out = Vec::new();
    let index = dict.index();
    let number_word = |w: &str| index.number_word(w);
    let spans: Vec<(usize, &str)> = word_spans_exact(r.text);
    let mut k = 0;
    while k < spans.len() {
        let (s, w) = spans[k];
        let digits = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        let mut value: Option<f64> = None;
        let mut end = s + w.len();
        if digits {
            let clean: String = w.chars().filter(|c| *c != ',').collect();
            if w.contains(',') && !w.split(',').skip(1).all(|g| g.len() == 3) {
                k += 1;
                continue;
            }
            value = clean.trim_end_matches('.').parse::<f64>().ok();
        } else if let Some(n) = number_word(w) {
            if n >= 100 {
                k += 1;
                continue; // "hundred", "thousands": no count on their own
            }
            value = Some(n as f64);
        }
        let Some(mut v) = value else {
            k += 1;
            continue;
        };
        // Compound words and multipliers: "forty thousand", "1.5 million", "two hundred".
        let mut j = k + 1;
        while j < spans.len() {
            let (ns, nw) = spans[j];
            if r.text[end..ns].trim() != "" && r.text[end..ns].trim() != "-" {
                break;
            }
            match number_word(nw) {
                Some(m) if m >= 100 => v *= m as f64,
                Some(m) if !digits && m < 10 && (20.0..100.0).contains(&v) => v += m as f64,
                _ => break,
            }
            end = ns + nw.len();
            j += 1;
        }
        if v >= 1.0 && v.fract() == 0.0 {
            out.push((s, end, v as u64));
        }
        k = j;
    }
    out
}

/// Words, with numbers kept whole across their separators ("40,000", "1.5").
pub(crate) fn word_spans_exact(st: &str) -> Vec<(usize, &str)> {
    spans(st, |c, i, start| {
        c.is_alphanumeric()
            || ((c == ',' || c == '.')
                && start.is_some_and(|s| st[s..i].chars().all(|d| d.is_ascii_digit() || d == ',' || d == '.'))
                && st[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
    })
}

pub(crate) fn tolls(r: &Reading, dict: &Dictionaries, anchor: &Anchor, state: &ArticleState, out: &mut Vec<Candidate>) {
    // Every toll needs a death word in the sentence (see `death` below): most
    // sentences have none, and need not be searched for counts.
    if !r.words.iter().any(|w| entities::has_trigger(dict, w, Kind::DeathToll, TriggerRole::Death)) {
        return;
    }
    let lower = r.text.to_lowercase();
    if lower.len() != r.text.len() {
        return;
    }
    let victim_at = |i: usize| -> Option<usize> {
        // The victim noun after the count, past at most two adjectives.
        let rest = &r.text[i..];
        let mut pos = i;
        for (n, word) in rest.split_whitespace().take(3).enumerate() {
            let at = r.text[pos..].find(word).map(|k| pos + k)?;
            let bare = word.trim_end_matches([',', '.', ';', ':']).to_lowercase();
            if r.words
                .iter()
                .any(|w| w.start == at && entities::has_trigger(dict, w, Kind::DeathToll, TriggerRole::Victim))
                || dict
                    .triggers
                    .iter()
                    .any(|t| t.kind == Kind::DeathToll && t.role == TriggerRole::Victim && t.phrase == bare)
            {
                return Some(at + word.len());
            }
            if n == 0 && (bare == "percent" || bare == "%" || bare.starts_with("year") || bare.starts_with("month")) {
                return None;
            }
            pos = at + word.len();
        }
        None
    };
    let mut previous: Option<usize> = None;
    let mut found: Vec<(usize, usize, Event)> = Vec::new();
    for (s, e, count) in counts(r, dict) {
        if r.dates.iter().any(|d| d.start <= s && e <= d.end) || r.in_quote(s) {
            continue;
        }
        // A second toll in the sentence stands in a clause of its own ("20 were
        // killed in Aleppo, while 15 soldiers died in Homs"); a count that breaks
        // the first one down ("including 10 children") is no toll.
        let mut clause_start = 0;
        if let Some(p) = previous {
            let between = lower.get(p..s).unwrap_or("");
            let marker = [";", " while ", " and ", " but ", " whereas "].iter().filter_map(|m| between.rfind(m)).max();
            let Some(m) = marker else { continue };
            if BREAKDOWN.iter().any(|b| between.contains(b)) {
                continue;
            }
            clause_start = p + m;
        }
        if r.text[e..].starts_with(['%', '-']) || r.text[..s].ends_with(['-', '$', '£', '€']) {
            continue;
        }
        let Some(victim_end) = victim_at(e) else { continue };
        // A death word near the count, in the same clause.
        let death = r.words.iter().any(|w| {
            entities::has_trigger(dict, w, Kind::DeathToll, TriggerRole::Death)
                && ((w.start >= e && w.start - victim_end.min(w.start) <= 40 && !r.clause_break(victim_end, w.start))
                    || (w.end <= s && s - w.end <= 40 && !r.clause_break(w.end, s)))
        });
        if !death {
            continue;
        }
        let qualifier = r
            .words
            .iter()
            .filter(|w| w.end <= s && s - w.end <= 1)
            .flat_map(|w| entities::cues(dict, w))
            .find_map(|c| if let CueKind::Qualifier(q) = c { Some(q) } else { None })
            .unwrap_or(Qualifier::Exact);
        let since = r.dates.iter().find(|d| d.since);
        let perfect = [
            " has killed",
            " have killed",
            " have been killed",
            " has left",
            " have died",
            " has claimed",
            " have been",
            " has risen",
            " so far",
            " to date",
        ]
        .iter()
        .any(|p| lower.contains(p));
        let cumulative = since.is_some() || perfect;
        let mut ev = Event::new(Kind::DeathToll, Status::Happened);
        ev.count = Some(count);
        ev.qualifier = Some(qualifier);
        ev.cumulative = cumulative;
        if cumulative {
            ev.date = anchor.published.map(DateSpan::day);
            ev.date_text = since.map(|d| d.text.clone());
        }
        found.push((clause_start, s, ev));
        previous = Some(e);
    }
    // Each toll takes its date and place from its own clause of the sentence.
    for k in 0..found.len() {
        let hi = found.get(k + 1).map_or(r.text.len(), |t| t.0);
        let (lo, s, ref mut ev) = found[k];
        if !ev.cumulative {
            // Its own clause's date, else one the sentence gives for all ("30 in
            // Aleppo and 12 in Idlib on Friday").
            let dates = || r.dates.iter().filter(|d| !d.since && !r.in_quote(d.start));
            let d = dates()
                .filter(|d| d.start >= lo && d.end <= hi)
                .min_by_key(|d| d.start.abs_diff(s))
                .or_else(|| dates().min_by_key(|d| d.start.abs_diff(s)));
            set_date(ev, d, Tense::Past, anchor, dict);
        }
        let place = r
            .places
            .iter()
            .filter(|p| p.start >= lo && p.end <= hi)
            .filter(|p| !is_possessor(r, p) && !acts_as_subject(&r.text[p.end..]))
            .filter(|p| if p.adjective { !r.text[p.end..].starts_with(" government") } else { locative(r, p.start) })
            .min_by_key(|p| (p.adjective, p.start.abs_diff(s)))
            .map(|p| p.name.to_string());
        ev.place = place.or_else(|| state.main_country.clone());
        ev.mentions.push(r.mention());
    }
    for (_, s, event) in found {
        let mut c = Candidate::new(event, r.offset + s, Tense::Past);
        c.family = 4;
        out.push(c);
    }
}

pub(crate) const BREAKDOWN: &[&str] =
    &["including", "among them", "among whom", "of them", "of whom", "most of", "mostly", "among the", "of which"];
