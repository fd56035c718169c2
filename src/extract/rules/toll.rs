//! Death tolls: a count of people killed, with its qualifier, date and place.
//!
//! A count is a toll when it counts people and a death word governs it: a
//! victim noun after it ("40 civilians") near a death word ("were killed",
//! "the death of"), a toll noun before it ("the death toll has passed
//! 100,000", "a toll of 63"), or a death word right at it ("49 killed",
//! "killed 43."). Counts of the wounded, displaced or missing are no tolls.

use std::sync::Arc;

use super::*;
use crate::extract::entities::words::Class;
use crate::extract::entities::Index;
use crate::extract::reading::*;
use crate::model::Qualifier;
use std::borrow::Cow;

/// The largest count an event may hold: what the store keeps (an SQLite
/// integer). A larger number in the text is no count.
pub(crate) const MAX_COUNT: u64 = i64::MAX as u64;

// ---------------------------------------------------------------- counts

/// A count in text: digits ("40,000", "1.5 million") or number words ("seven",
/// "forty thousand"): (start, end, value). A number that is not a whole count
/// of at least one, or that does not fit `MAX_COUNT`, is none.
pub(crate) fn counts(r: &Reading, dict: &Dictionaries) -> Vec<(usize, usize, u64)> {
    let mut out = Vec::new();
    let index = dict.index();
    let number_word = |w: &str| index.number_word(w);
    let spans: Vec<(usize, &str)> = word_spans_exact(r.text);
    let mut k = 0;
    while k < spans.len() {
        let (s, w) = spans[k];
        let digits = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        // The value as a fraction, exact: "1.5" is 15 / 10.
        let mut value: Option<(u128, u128)> = None;
        let mut end = s + w.len();
        if digits {
            if w.contains(',') && !w.split(',').skip(1).all(|g| g.len() == 3) {
                k += 1;
                continue;
            }
            value = decimal(w);
        } else if let Some(m) = article_multiplier(&spans, k, &number_word) {
            // "a million", "half a million": the article is the count's one (or half).
            value = Some(m.0);
            end = spans[m.1].0 + spans[m.1].1.len();
            k = m.1;
        } else if let Some(n) = number_word(w) {
            if n >= 100 {
                k += 1;
                continue; // "hundred", "thousands": no count on their own
            }
            value = Some((u128::from(n), 1));
        }
        // Compound words and multipliers: "forty thousand", "1.5 million", "two hundred".
        let mut j = k + 1;
        while let Some((num, den)) = value {
            let Some(&(ns, nw)) = spans.get(j) else { break };
            if r.text[end..ns].trim() != "" && r.text[end..ns].trim() != "-" {
                break;
            }
            value = match number_word(nw) {
                Some(m) if m >= 100 => num.checked_mul(u128::from(m)).map(|n| (n, den)),
                Some(m) if !digits && m < 10 && den == 1 && (20..100).contains(&num) => Some((num + u128::from(m), 1)),
                _ => break,
            };
            end = ns + nw.len();
            j += 1;
        }
        let whole = value.filter(|&(num, den)| num % den == 0).map(|(num, den)| num / den);
        if let Some(n) = whole.filter(|&n| n >= 1).and_then(|n| u64::try_from(n).ok()).filter(|&n| n <= MAX_COUNT) {
            out.push((s, end, n));
        }
        k = j.max(k + 1);
    }
    out
}

/// "a"/"an" right before a multiplier ("a thousand", "a million"), or "half
/// a" before one: the value the multiplier is applied to, and the index of
/// the article's span.
fn article_multiplier(
    spans: &[(usize, &str)],
    k: usize,
    number_word: &impl Fn(&str) -> Option<u64>,
) -> Option<((u128, u128), usize)> {
    let is = |j: usize, a: &[&str]| spans.get(j).is_some_and(|&(_, w)| a.iter().any(|x| w.eq_ignore_ascii_case(x)));
    let multiplier = |j: usize| spans.get(j).and_then(|&(_, w)| number_word(w)).is_some_and(|m| m >= 100);
    if is(k, &["a", "an"]) && multiplier(k + 1) {
        Some(((1, 1), k))
    } else if is(k, &["half"]) && is(k + 1, &["a"]) && multiplier(k + 2) {
        Some(((1, 2), k + 1))
    } else {
        None
    }
}

/// A number written in digits ("40,000", "1.5", "12."), as an exact fraction;
/// None when it has more digits than a count can hold.
fn decimal(w: &str) -> Option<(u128, u128)> {
    let (mut num, mut den, mut fraction) = (0u128, 1u128, false);
    for b in w.trim_end_matches('.').bytes() {
        match b {
            b',' => {}
            b'.' if !fraction => fraction = true,
            b'0'..=b'9' => {
                num = num.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
                if fraction {
                    den = den.checked_mul(10)?;
                }
            }
            _ => return None,
        }
    }
    Some((num, den))
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

// ---------------------------------------------------------------- word classes

/// Auxiliaries and adverbs between a count and the death word it is the
/// subject of ("49 have been killed", "13 others reportedly died").
const PREDICATE_LINKS: &[&str] =
    &["have", "has", "had", "been", "were", "was", "are", "is", "reportedly", "also", "now", "already", "more", "all"];

/// What may follow such a bare count: the end of its phrase.
const AFTER_BARE_COUNT: &[&str] =
    &["in", "on", "at", "near", "across", "since", "during", "over", "and", "including", "when", "after", "as"];

/// Prepositions that place what they govern.
const LOCATIVE_PREPOSITIONS: &[&str] =
    &["in", "at", "near", "inside", "outside", "across", "throughout", "around", "into"];

/// Words that open a clause of its own between a place and a count: the
/// place is not the toll's ("talks started in Kuwait, in which 6,400 have
/// been killed").
const PLACE_SEPARATORS: &[&str] = &[" which ", " who ", " whom ", " but ", " while ", " whereas ", " although "];

/// Markers that open a clause with a count of its own: a second toll ("20 in
/// Aleppo, while 15 in Homs", "along with 36 civilians"), or an earlier figure
/// of the same toll ("up from 93,000 a month ago"), dated by its own clause.
const SECOND_TOLL: &[&str] = &[";", " while ", " and ", " but ", " whereas ", " along with ", " as well as "];
const EARLIER_FIGURE: &[&str] = &[" up from ", " down from ", " compared with ", " compared to "];

pub(crate) const BREAKDOWN: &[&str] =
    &["including", "among them", "among whom", "of them", "of whom", "most of", "mostly", "among the", "of which"];

// ---------------------------------------------------------------- tolls

/// A toll found in a sentence, before its date and place are set.
struct Toll {
    /// Where its clause starts: after the marker of a second toll, else 0.
    clause_start: usize,
    /// Where its count starts.
    at: usize,
    /// Where its count ends.
    count_end: usize,
    /// The end of its victim noun, or of its count.
    victim_end: usize,
    /// An earlier figure of the same toll ("up from 93,000 a month ago").
    earlier: bool,
    event: Event,
    /// The victims' nationality, a place.
    nationality: Option<Arc<str>>,
}

/// What follows a count: the people it counts.
struct Counted {
    /// The end of the victim noun ("civilians"), or of the count when none is needed.
    end: usize,
    /// A nationality said of the victims ("34 Syrian civilians", "100 Palestinians").
    nationality: Option<Arc<str>>,
    /// A word for the wounded, displaced or missing inside ("10 million displaced persons").
    harm: bool,
}

/// The first word of `text`, lower case, without the punctuation around it.
fn first_word(text: &str) -> Cow<'_, str> {
    lower_cow(
        text.split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''),
    )
}

/// The words of `text`, lower case, from its end.
fn words_back(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    text.split_whitespace()
        .rev()
        .map(|w| lower_cow(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')))
}

pub(crate) fn tolls(r: &Reading, dict: &Dictionaries, anchor: &Anchor, state: &ArticleState, out: &mut Vec<Candidate>) {
    let is = |w: &entities::Found, role: TriggerRole| entities::has_trigger(dict, w, Kind::DeathToll, role);
    let index = dict.index();
    // Every toll needs a death word or a toll noun in the sentence: most
    // sentences have none, and need not be searched for counts.
    let toll_noun_at = |lower: &str| -> Vec<usize> {
        index
            .words_of(Class::TollNoun)
            .flat_map(|n| lower.match_indices(n).map(|(i, m)| (i, i + m.len())))
            .filter(|&(i, end)| {
                lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                    && lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|(_, end)| end)
            .collect()
    };
    // The death and harm words of the sentence, once: (start, end, a death word).
    let marks: Vec<(usize, usize, bool)> = r
        .words
        .iter()
        .filter_map(|w| {
            if is(w, TriggerRole::Death) {
                Some((w.start, w.end, true))
            } else if is(w, TriggerRole::Harm) {
                Some((w.start, w.end, false))
            } else {
                None
            }
        })
        .collect();
    if !marks.iter().any(|m| m.2) && !index.words_of(Class::TollNoun).any(|n| r.text.contains(n)) {
        return;
    }
    let lower = r.text.to_lowercase();
    if lower.len() != r.text.len() {
        return;
    }
    let toll_nouns = toll_noun_at(&lower);
    // A word that the scan found inside a longer phrase is looked up by its text.
    let phrases = |role: TriggerRole| -> Vec<&str> {
        dict.triggers
            .iter()
            .filter(|t| t.kind == Kind::DeathToll && t.role == role)
            .map(|t| t.phrase.as_str())
            .collect()
    };
    let (victims, harms) = (std::cell::OnceCell::new(), std::cell::OnceCell::new());
    let role_at = |at: usize, bare: &str, role: TriggerRole| match r.words.iter().find(|w| w.start == at) {
        Some(w) => is(w, role),
        None => {
            let listed = if role == TriggerRole::Victim { &victims } else { &harms };
            listed.get_or_init(|| phrases(role)).contains(&bare)
        }
    };
    // A plural of a nationality ("Palestinians", "Yemenis", "Lebanese"): its place.
    let demonym = |word: &str| -> Option<Arc<str>> {
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        [word, word.strip_suffix('s').unwrap_or(word)].into_iter().find_map(|w| {
            index
                .names(w)
                .into_iter()
                .find(|f| f.start == 0 && f.end == w.len())
                .and_then(|f| f.adjective())
                .map(|p| index.place_name(p).clone())
        })
    };
    let counted = |e: usize| -> Option<Counted> {
        // The victim noun after the count, past at most two adjectives.
        let mut pos = e;
        let mut harm = false;
        for (n, word) in r.text[e..].split_whitespace().take(3).enumerate() {
            let at = r.text[pos..].find(word).map(|k| pos + k)?;
            let bare = word.trim_end_matches([',', '.', ';', ':']);
            let lower_bare = lower_cow(bare);
            harm |= role_at(at, &lower_bare, TriggerRole::Harm);
            if role_at(at, &lower_bare, TriggerRole::Victim) {
                let end = at + bare.len();
                let nationality =
                    r.places.iter().find(|p| p.adjective && p.start >= e && p.end <= end).map(|p| p.name.clone());
                return Some(Counted { end, nationality, harm });
            }
            if let Some(place) = demonym(bare) {
                // A nationality before its noun ("four Malian soldiers", "67
                // Russian service personnel") ends at the noun.
                let mut end = at + bare.len();
                let mut from = end;
                if !word.ends_with([',', ';']) {
                    for next in r.text[from..].split_whitespace().take(2) {
                        let next_at = from + r.text[from..].find(next).unwrap_or(0);
                        let next_bare = next.trim_end_matches([',', '.', ';', ':']);
                        if role_at(next_at, &lower_cow(next_bare), TriggerRole::Victim) {
                            end = next_at + next_bare.len();
                            break;
                        }
                        if next_bare.len() != next.len() {
                            break;
                        }
                        from = next_at + next.len();
                    }
                }
                return Some(Counted { end, nationality: Some(place), harm });
            }
            if n == 0
                && (lower_bare == "percent"
                    || lower_bare == "%"
                    || lower_bare.starts_with("year")
                    || lower_bare.starts_with("month"))
            {
                return None;
            }
            pos = at + word.len();
        }
        None
    };
    // A toll noun governs the count at `s` through a verb of reaching or a
    // preposition, in the same clause ("the death toll in Syria's war has
    // passed", "put the toll at"), or a death word does through "to"/"at"
    // ("the number of demonstrators killed to 49").
    let governed = |s: usize| -> bool {
        fn reach<'t>(index: &Index, between: &'t str) -> Option<Cow<'t, str>> {
            words_back(between).find(|w| !index.is_word_of(w, Class::Hedge) || index.is_word_of(w, Class::TollVerb))
        }
        let by_noun = toll_nouns.iter().any(|&n| {
            n <= s
                && s - n <= 80
                && !r.clause_break(n, s)
                && reach(index, &r.text[n..s]).is_some_and(|w| index.is_word_of(&w, Class::TollVerb))
        });
        let by_death = marks.iter().any(|&(_, end, death)| {
            death
                && end <= s
                && s - end <= 12
                && !r.clause_break(end, s)
                && words_back(&r.text[end..s]).next().is_some_and(|p| p == "to" || p == "at")
        });
        by_noun || by_death
    };
    // The count is the subject of a death word ("49 have been killed", "47 dead").
    let subject_of_death = |e: usize| -> bool {
        for (at, word) in r.spaced_words_from(e).take(4) {
            if let Some(&(_, _, death)) = marks.iter().find(|m| m.0 == at) {
                return death;
            }
            if !PREDICATE_LINKS.contains(&&*first_word(word)) {
                return false;
            }
        }
        false
    };
    // A bare count after a killing verb ("a strike that killed 43.").
    let object_of_killing = |s: usize, e: usize| -> bool {
        let verb = words_back(&r.text[..s]).find(|w| !index.is_word_of(w, Class::Hedge));
        let rest = r.text[e..].trim_start();
        verb.is_some_and(|v| index.is_word_of(&v, Class::KillingVerb))
            && (rest.is_empty()
                || rest.starts_with([',', '.', ';', ':', ')', '\u{2014}'])
                || AFTER_BARE_COUNT.contains(&&*first_word(rest)))
    };
    // A victim noun, plural or singular ("soldiers", "soldier", "policeman").
    let victim_noun = |word: &str| -> bool {
        let w = lower_cow(word.trim_matches(|c: char| !c.is_alphanumeric()));
        let list = victims.get_or_init(|| phrases(TriggerRole::Victim));
        let men = w.strip_suffix("man").map(|stem| format!("{stem}men"));
        list.iter().any(|&v| v == w || v.strip_suffix('s') == Some(&*w) || men.as_deref() == Some(v))
    };
    // The noun phrase after the count ending at `e` (one to three words) is
    // the subject of a death word ("one gendarme had been killed"): the end
    // of the phrase.
    let subject_phrase_of_death = |e: usize| -> Option<usize> {
        let &(at, _, death) = marks.iter().find(|m| m.0 >= e && m.0 - e <= 60)?;
        if !death || r.clause_break(e, at) {
            return None;
        }
        let words: Vec<&str> = r.text[e..at].split_whitespace().collect();
        let nouns = words.iter().take_while(|w| !PREDICATE_LINKS.contains(&&*first_word(w))).count();
        let plain = words[..nouns].iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
        let phrase_end = words.get(..nouns).and_then(|ws| ws.last()).map(|w| {
            let from = r.text[e..at].find(w).unwrap_or(0);
            e + from + w.len()
        });
        phrase_end.filter(|_| (1..=3).contains(&nouns) && plain && !words[..nouns].contains(&"of"))
    };
    // What the count at `e` predicates after its noun phrase ending at
    // `end`: a harm word ("20 others were wounded") makes it no victim.
    let harmed_after = |end: usize| -> bool {
        marks.iter().find(|m| m.0 >= end && m.0 - end <= 40).is_some_and(|&(at, _, death)| {
            !death && r.text[end..at].split_whitespace().all(|w| PREDICATE_LINKS.contains(&&*first_word(w)))
        })
    };
    // "A Ukrainian soldier and two ...", "killed one policeman and three
    // ...": a singular victim before the count at `s`, joined by "and",
    // that its toll counts too.
    let one_before = |s: usize, lo: usize| -> bool {
        let mut back = r.text[lo..s].split_whitespace().rev();
        if back.next().map(|w| w.eq_ignore_ascii_case("and")) != Some(true) {
            return false;
        }
        let phrase: Vec<&str> = back.by_ref().take(4).collect();
        let Some(head) = phrase.first().filter(|h| h.chars().all(|c| c.is_alphabetic() || c == '-')) else {
            return false;
        };
        let Some(article) = phrase.iter().skip(1).position(|w| matches!(&*first_word(w), "a" | "an" | "one")) else {
            return false;
        };
        let modifiers = &phrase[1..=article];
        let article_word = phrase[article + 1];
        // What stands before the article: the clause's start, a killing verb or punctuation.
        let before = r.text[lo..s].split_whitespace().rev().nth(article + 3);
        let opens = match before {
            None => true,
            Some(b) => {
                b.ends_with([',', ';', ':', '\u{2014}'])
                    || index.is_word_of(&first_word(b), Class::KillingVerb)
                    || matches!(&*first_word(b), "that" | "which")
            }
        };
        victim_noun(head)
            && opens
            && !article_word.ends_with(',')
            && modifiers.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
    };
    let mut previous: Option<usize> = None;
    // The end of a count that opens a range ("between 9,000 and 11,000 dead").
    let mut range_from: Option<usize> = None;
    let mut found: Vec<Toll> = Vec::new();
    let all_counts = counts(r, dict);
    // The end of the victims coordinated with those ending at `end` ("162
    // civilians and 67 soldiers, including peacekeepers, were killed"): the
    // death word after them is measured from there.
    let coordinated_end = |mut end: usize| -> usize {
        while let Some(v) = all_counts.iter().find_map(|&(s2, e2, _)| {
            let gap = r.text.get(end..s2)?.trim();
            (s2 > end && matches!(gap, "and" | ", and")).then(|| counted(e2)).flatten()
        }) {
            if v.harm || v.end <= end {
                break;
            }
            end = v.end;
        }
        end
    };
    let mut perfect: Option<bool> = None;
    for &(s, e, count) in &all_counts {
        // A handful of tolls per sentence at most, as for the other rules.
        if found.len() >= MAX_PER_SENTENCE {
            break;
        }
        if r.dates.iter().any(|d| d.start <= s && e <= d.end) {
            continue;
        }
        // The upper bound of a range is the same toll.
        if range_from.is_some_and(|p| ["and", "to", "-", "\u{2013}"].contains(&r.text[p..s].trim())) {
            continue;
        }
        let opens_range = words_back(&r.text[..s]).next().is_some_and(|w| w == "between");
        // Coordinated victims of one killing are one toll, their counts
        // summed ("three soldiers and two civilians were killed", "10
        // soldiers and one gendarme had been killed"); a split by dates or
        // places ("three in May and two in June") stays apart.
        if let Some(last) = found.last_mut().filter(|t| !t.earlier && t.victim_end > t.count_end) {
            let gap = r.text.get(last.victim_end..s).unwrap_or("").trim();
            // A first toll that is a killing's object and a second with a
            // death word of its own are two clauses ("killed 7 civilians,
            // and 4 soldiers died").
            let object =
                marks.iter().any(|m| m.2 && m.1 <= last.at && last.at - m.1 <= 40 && !r.clause_break(m.1, last.at));
            let own_death = |end: usize| subject_phrase_of_death(end).is_some() || subject_of_death(end);
            if matches!(gap, "and" | ", and") {
                let joined = match counted(e) {
                    Some(v) => (!v.harm
                        && !harmed_after(v.end)
                        && !r.text[e..v.end].contains(" of ")
                        && (!object || !own_death(v.end)))
                    .then_some(v.end),
                    None => subject_phrase_of_death(e).filter(|_| !object),
                };
                if let Some(end) = joined {
                    last.event.count = last.event.count.map(|c| c.saturating_add(count).min(MAX_COUNT));
                    last.victim_end = end;
                    previous = Some(e);
                    continue;
                }
            }
        }
        // A second toll in the sentence stands in a clause of its own ("20 were
        // killed in Aleppo, while 15 soldiers died in Homs"); a count that breaks
        // the first one down ("including 10 children") is no toll.
        let mut clause_start = 0;
        let mut earlier = false;
        if let Some(p) = previous {
            let between = lower.get(p..s).unwrap_or("");
            let marker = |ms: &[&str]| ms.iter().filter_map(|m| between.rfind(m)).max();
            let (second, figure) = (marker(SECOND_TOLL), marker(EARLIER_FIGURE));
            let Some(m) = second.max(figure) else { continue };
            if BREAKDOWN.iter().any(|b| between.contains(b)) {
                continue;
            }
            earlier = figure == Some(m);
            clause_start = p + m;
        }
        if r.text[e..].starts_with(['%', '-']) || r.text[..s].ends_with(['-', '$', '£', '€']) {
            continue;
        }
        // Most counts stand far from any death word or toll noun: no toll, and
        // not worth the closer looks below.
        let near = |i: usize| i.abs_diff(s) <= 90 || i.abs_diff(e) <= 90;
        if !marks.iter().any(|m| near(m.0)) && !toll_nouns.iter().any(|&n| near(n)) {
            continue;
        }
        let victims = counted(e);
        if victims.as_ref().is_some_and(|v| v.harm) {
            continue;
        }
        let is_governed = governed(s);
        let subject = victims.is_none() && subject_of_death(e);
        let object = victims.is_none() && object_of_killing(s, e);
        // "three people in May and two in June": a bare count after "and"
        // that ends its phrase counts the victims of the toll before it.
        let elliptical = victims.is_none()
            && found.last().is_some_and(|t| t.victim_end > t.count_end && !t.earlier)
            && lower[..s].trim_end().ends_with(" and")
            && AFTER_BARE_COUNT[..4].contains(&&*first_word(&r.text[e..]));
        if victims.is_none() && !is_governed && !subject && !object && !elliptical {
            continue;
        }
        let victim_end = victims.as_ref().map_or(e, |v| v.end);
        let coordinated = victims.as_ref().map_or(e, |v| coordinated_end(v.end));
        // The nearest death or harm word decides what the count counts: one it
        // is the subject of ("11 civilians were killed", "eight others
        // injured"), else the last one before it in the clause ("killed 11
        // civilians and wounded eight others"), else one after it.
        // (The victim noun itself may be the death word: "190,000 deaths", "10,000 lives".)
        let after = marks
            .iter()
            .filter(|m| m.0 >= e && m.0.saturating_sub(coordinated) <= 40)
            .find(|m| !r.clause_break(e, m.0))
            .map(|m| (m.0, m.2));
        let before = marks
            .iter()
            .filter(|m| m.1 <= s && s - m.1 <= 40)
            .rev()
            .find(|m| !r.clause_break(m.1, s))
            .map(|m| (m.1, m.2));
        let predicate = after.filter(|&(at, _)| {
            let between = past_breakdown(&r.text[victim_end.min(at)..at]);
            between.split_whitespace().all(|w| PREDICATE_LINKS.contains(&&*first_word(w)))
        });
        let death = match (predicate, before, after) {
            (Some((_, d)), _, _) => d,
            (None, Some((_, d)), _) => d,
            (None, None, Some((_, d))) => d,
            (None, None, None) => is_governed,
        };
        if !death && !is_governed && !elliptical {
            continue;
        }
        let qualifier = r
            .words
            .iter()
            .filter(|w| w.end <= s && s - w.end <= 1)
            .flat_map(|w| entities::cues(dict, w))
            .find_map(|c| if let CueKind::Qualifier(q) = c { Some(q) } else { None })
            .unwrap_or(if opens_range { Qualifier::AtLeast } else { Qualifier::Exact });
        let since = r.dates.iter().find(|d| d.since);
        // A perfect verb form or "so far" (`running_total` of data/words.tsv),
        // after a space: a running total, dated to publication. Looked for
        // once a sentence, and only when a toll needs it.
        let cumulative = !earlier
            && (since.is_some()
                || *perfect.get_or_insert_with(|| {
                    dict.index()
                        .words_of(Class::RunningTotal)
                        .any(|p| lower.match_indices(p).any(|(i, _)| lower[..i].ends_with(' ')))
                }));
        let mut ev = Event::new(Kind::DeathToll, Status::Happened);
        let one_more = victims.as_ref().is_some_and(|v| v.end > e) && one_before(s, clause_start);
        ev.count = Some(if one_more { count.saturating_add(1).min(MAX_COUNT) } else { count });
        ev.qualifier = Some(qualifier);
        ev.cumulative = cumulative;
        if cumulative {
            ev.date = anchor.published.map(DateSpan::day);
            ev.date_text = since.map(|d| d.text.clone());
        }
        found.push(Toll {
            clause_start,
            at: s,
            count_end: e,
            victim_end,
            earlier,
            event: ev,
            nationality: victims.and_then(|v| v.nationality),
        });
        previous = Some(e);
        range_from = opens_range.then_some(e);
    }
    // Each toll takes its date and place from its own clause of the sentence;
    // a clause that names no place ("..., along with 36 civilians") is
    // placed as the toll before it.
    let mut placed_before: Option<String> = None;
    for k in 0..found.len() {
        let hi = found.get(k + 1).map_or(r.text.len(), |t| t.clause_start);
        let Toll { clause_start: lo, at: s, victim_end, earlier, event: ref mut ev, ref nationality, .. } = found[k];
        if !ev.cumulative {
            // Its own clause's date, else (but for an earlier figure) one the
            // sentence gives for all ("30 in Aleppo and 12 in Idlib on Friday").
            // A date after the victims is measured from their end ("killed
            // three soldiers and two civilians in October").
            let dates = || r.dates.iter().filter(|d| !d.since && !r.in_quote(d.start) && !duration(d));
            let distance =
                |d: &&TimeExpr| if d.start >= victim_end { d.start - victim_end } else { d.start.abs_diff(s) };
            let d = dates().filter(|d| d.start >= lo && d.end <= hi).min_by_key(distance).or_else(|| {
                if earlier {
                    None
                } else {
                    dates().min_by_key(distance)
                }
            });
            // "a 2008 attack near X that killed 220 people": the year of the
            // attack the toll counts, unless a date follows that attack.
            let year = attack_year(index, r, anchor, lo, s)
                .filter(|(_, noun_end)| !r.dates.iter().any(|d| d.start >= *noun_end && d.end <= hi));
            let own;
            let d = match year {
                Some((y, _)) => {
                    own = y;
                    Some(&own)
                }
                None => d,
            };
            match d {
                Some(d) => set_period_end(ev, r, &lower, d, hi, anchor, dict),
                // A count the text does not date is the count as of the report.
                None => ev.date = anchor.published.map(DateSpan::day),
            }
        }
        let place = r
            .places
            .iter()
            .filter(|p| p.start >= lo && p.end <= hi)
            .filter_map(|p| toll_place_rank(index, r, p, s, victim_end, nationality.as_deref()).map(|rank| (rank, p)))
            .min_by_key(|&(rank, p)| (rank, p.start.abs_diff(s)))
            .map(|(_, p)| p.name.to_string());
        if place.is_some() {
            placed_before.clone_from(&place);
        }
        ev.place = place
            .or_else(|| placed_before.clone())
            .or_else(|| nationality.as_deref().map(String::from))
            .or_else(|| attack_told_before(index, r, state, lo, hi))
            .or_else(|| state.war_country.clone());
        ev.mentions.push(r.mention());
    }
    for Toll { at, event, .. } in found {
        let mut c = Candidate::new(event, r.offset + at, Tense::Past);
        c.family = 4;
        out.push(c);
    }
}

/// The words between victims and their verb past a breakdown set off by
/// commas ("12 civilians, including four children, were wounded": "were").
fn past_breakdown(between: &str) -> &str {
    let Some(aside) = between.trim_start().strip_prefix(',') else { return between };
    let aside_lower = aside.trim_start().to_ascii_lowercase();
    match aside.find(',') {
        Some(close) if BREAKDOWN.iter().any(|b| aside_lower.starts_with(b)) => &aside[close + 1..],
        _ => between,
    }
}

/// "armed men opened fire on protesters in X ... six people died as a
/// result of the shooting": a toll whose clause (bytes `lo..hi`) names no
/// place but refers back to an attack ("the shooting", "this attack") is
/// placed where the sentence before or the one before that last named a
/// place.
fn attack_told_before(index: &Index, r: &Reading, state: &ArticleState, lo: usize, hi: usize) -> Option<String> {
    let (a, b) = (r.tok_at(lo), r.tok_at(hi).min(r.toks.len()));
    let refers_back = (a + 1..b).any(|j| {
        matches!(r.toks[j - 1].lower, "the" | "this" | "that") && index.is_word_of(r.toks[j].lower, Class::AttackNoun)
    });
    let recent = state.last_place_at >= state.sentences_back[1];
    state.last_place.as_deref().filter(|_| refers_back && recent).map(String::from)
}

/// "in two years", "within three days": how long the killing took, not
/// when (a toll is past, so no date ahead of publication).
fn duration(d: &TimeExpr) -> bool {
    // The date reader reads "in two years" as an offset ahead of publication.
    matches!(d.prep.as_deref(), Some("in" | "within" | "over"))
        && matches!(d.form, crate::extract::dates::Form::Relative { offset, .. } if offset > 0)
}

/// "a 2008 attack", "the 2014 bombing": a year that dates the attack noun
/// it stands before, in the toll's clause (bytes `lo..s`) with no comma
/// between: that year as a date, and the end of the attack noun. A year
/// after publication is none.
fn attack_year(index: &Index, r: &Reading, anchor: &Anchor, lo: usize, s: usize) -> Option<(TimeExpr, usize)> {
    let (a, b) = (r.tok_at(lo), r.tok_at(s));
    let toks = &r.toks[a..b];
    let k = toks.iter().rposition(|t| index.is_word_of(t.lower, Class::AttackNoun))?;
    if b - (a + k) > 12 || toks[k..].iter().any(|t| matches!(t.text, "," | ";" | ":" | "(" | ")")) {
        return None;
    }
    // Up to two modifiers between the year and the noun ("a 2008 suicide bombing").
    let y = (k.saturating_sub(3)..k).rev().find(|&j| toks[j].text.len() == 4 && toks[j].text.parse::<i32>().is_ok())?;
    if !toks[y + 1..k].iter().all(|t| t.text.chars().all(|c| c.is_alphabetic() || c == '-')) {
        return None;
    }
    let determiner = y.checked_sub(1).map(|j| toks[j].lower);
    if !matches!(determiner, Some("a" | "an" | "the" | "its" | "their" | "his" | "her" | "that")) {
        return None;
    }
    let year: i32 = toks[y].text.parse().ok()?;
    let latest = anchor.published.map_or(2100, |p| p.year());
    if !(1900..=latest).contains(&year) {
        return None;
    }
    let t = &toks[y];
    let e = TimeExpr {
        start: t.start,
        end: t.end,
        text: t.text.to_string(),
        since: false,
        prep: None,
        form: dates::Form::Year { year, part: dates::Part::Whole },
    };
    Some((e, toks[k].end))
}

/// Dates a toll by its date expression; a toll counted over a period is the
/// toll at its end ("recorded between March 2011 ... and April this year",
/// "since 15 March 2011 till 5 February 2015").
fn set_period_end(
    ev: &mut Event,
    r: &Reading,
    lower: &str,
    d: &TimeExpr,
    hi: usize,
    anchor: &Anchor,
    dict: &Dictionaries,
) {
    let end = matches!(d.prep.as_deref(), Some("between" | "from"))
        .then(|| {
            r.dates.iter().filter(|n| n.start >= d.end && n.end <= hi && n.start - d.end <= 60).find(|n| {
                let gap = &lower[d.end..n.start];
                [" and ", " to ", " till ", " until "].iter().any(|m| gap.contains(m))
            })
        })
        .flatten();
    let d = end.unwrap_or(d);
    if let dates::Form::Date { from, to: Some(to) } = d.form {
        let last = dates::MonthDay { year: to.year.or(from.year), ..to };
        let e = TimeExpr { form: dates::Form::Date { from: last, to: None }, ..d.clone() };
        set_date(ev, Some(&e), Tense::Past, anchor, dict);
        ev.date_text = Some(d.text.clone());
    } else {
        set_date(ev, Some(d), Tense::Past, anchor, dict);
    }
}

/// How well a place of the toll's clause places a toll counted at `s`, best
/// first: 0 a place the deaths happened in ("in central Homs province", "the
/// town of Douma", "strikes on Talbiseh"), 1 the victims' nationality ("34
/// Syrian civilians"), 2 the place of the source that counts ("Gaza health
/// ministry"), 3 another nationality in the clause; None for a place that is
/// not the toll's (an owner, the attacker's, one in a clause of its own).
fn toll_place_rank(
    index: &Index,
    r: &Reading,
    p: &PlaceSpan,
    s: usize,
    victim_end: usize,
    nationality: Option<&str>,
) -> Option<u8> {
    let rest = &r.text[p.end..];
    if rest.starts_with("-led") || (is_possessor(r, p) && !owns_the_scene(r, p)) {
        return None;
    }
    let gap = if p.end <= s { &r.text[p.end..s] } else { &r.text[victim_end.min(p.start)..p.start] };
    // "the raid on a protest in Khartoum by the RSF, which left 160 dead": a
    // "which" whose clause counts the dead of an attack placed just before
    // it places the toll there; "talks in Kuwait to end the war, in which
    // 6,400 died" does not.
    let attack_which = p.end <= s && attack_before(index, r, p) && {
        let at = gap.find(" which ").unwrap_or(0);
        let word = gap[..at].rsplit(' ').next().unwrap_or_default();
        !["in", "of", "during", "after", "since"].contains(&word)
            && PLACE_SEPARATORS.iter().filter(|m| gap.contains(*m)).count() == 1
    };
    if gap.contains([';', '\u{2014}']) || (!attack_which && PLACE_SEPARATORS.iter().any(|m| gap.contains(m))) {
        return None;
    }
    let next = first_word(rest);
    if p.adjective {
        if (p.start >= s && p.end <= victim_end) || nationality == Some(&*p.name) {
            return Some(1);
        }
        return (!index.is_word_of(&next, Class::Attacker)).then_some(3);
    }
    let mut before = words_back(&r.text[..p.start]).skip_while(|w| index.is_word_of(w, Class::PlaceModifier));
    let preposition = before.next().unwrap_or_default();
    let governor = before.next().unwrap_or_default();
    let locative = LOCATIVE_PREPOSITIONS.contains(&&*preposition)
        || (preposition == "of"
            && (index.is_word_of(&governor, Class::Area) || index.is_word_of(&governor, Class::AttackNoun)))
        || (preposition == "on" && index.is_word_of(&governor, Class::AttackNoun))
        || ["province", "region", "governorate", "district"].contains(&&*next);
    if locative {
        Some(0)
    } else if index.is_word_of(&next, Class::Authority) {
        Some(2)
    } else {
        None
    }
}

/// Whether a possessor place owns the scene of the deaths: "at Kabul's
/// airport", "in Gaza's main hospital" place the toll in the possessor when
/// a locative preposition governs the phrase and no place of its own follows
/// ("in Sudan's Darfur region" is placed in Darfur).
fn owns_the_scene(r: &Reading, p: &PlaceSpan) -> bool {
    let k = r.tok_at(p.start);
    let locative = k > 0 && LOCATIVE_PREPOSITIONS.contains(&r.toks[k - 1].lower);
    let possessive = r.text[p.end..].starts_with("'s") || r.text[p.end..].starts_with("\u{2019}s");
    let phrase_end = r.text[p.end..].find([',', ';', '.']).map_or(r.text.len(), |e| p.end + e);
    let own_place = r.places.iter().any(|q| q.start > p.end && q.start < phrase_end.min(p.end + 40));
    locative && possessive && !own_place
}

/// Whether a noun of attack stands in the clause before place `p`, with no
/// comma between ("the raid on a sit-in outside the ministry in Khartoum").
fn attack_before(index: &Index, r: &Reading, p: &PlaceSpan) -> bool {
    let k = r.tok_at(p.start);
    r.toks[..k]
        .iter()
        .rev()
        .take(15)
        .take_while(|t| !matches!(t.text, "," | ";" | "." | ":"))
        .any(|t| index.is_word_of(t.lower, Class::AttackNoun))
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::tests::{events, of};
    use crate::model::{Kind, Qualifier};

    /// (count, qualifier, place, first day) of each toll of an article.
    fn tolls(text: &str, published: &str) -> Vec<(u64, Qualifier, Option<String>, Option<String>)> {
        of(&events(text, published), Kind::DeathToll)
            .iter()
            .map(|e| {
                (
                    e.count.unwrap_or(0),
                    e.qualifier.unwrap_or(Qualifier::Exact),
                    e.place.clone(),
                    e.date.map(|d| d.labels().0),
                )
            })
            .collect()
    }

    fn counts(text: &str) -> Vec<(u64, Qualifier)> {
        tolls(text, "2013-11-15").into_iter().map(|(c, q, _, _)| (c, q)).collect()
    }

    /// "Toll" or "tally" governs its count: no victim noun is needed after it.
    #[test]
    fn a_toll_noun_governs_a_bare_count() {
        use Qualifier::*;
        for (text, want) in [
            ("The death toll in the war has passed 50,000, the ministry said.", (50000, MoreThan)),
            ("A death toll of 1,234 was announced on Friday.", (1234, Exact)),
            ("Officials put the death toll at 63.", (63, Exact)),
            ("The toll now stands at 212, the agency said.", (212, Exact)),
            ("The death toll has climbed to 45.", (45, Exact)),
            ("The death toll has risen to more than 300.", (300, MoreThan)),
            ("The death toll in the region has topped 10,000.", (10000, MoreThan)),
            ("The death toll has exceeded 2,000.", (2000, MoreThan)),
            ("The death toll is probably now approaching 7,000, the envoy said.", (7000, About)),
            // From test articles (world-a a18, news 05).
            (
                "The semi-official Iraq High Commission for Human Rights, which accounts for violence in additional cities in southern Iraq, put the death toll at 63.",
                (63, Exact),
            ),
            (
                "(CNN) -- The death toll in Syria is probably now approaching 70,000, United Nations High Commissioner for Human Rights Navi Pillay said Tuesday.",
                (70000, About),
            ),
        ] {
            assert_eq!(counts(text), [want], "{text}");
        }
    }

    /// "The death of N people", "the death tally", "the killings of".
    #[test]
    fn death_of_tally_and_killings_count_the_dead() {
        assert_eq!(
            counts("The monitor has documented the death of 1,500 people this year."),
            [(1500, Qualifier::Exact)]
        );
        assert_eq!(counts("The death tally included 320 civilians."), [(320, Qualifier::Exact)]);
        assert_eq!(counts("The office verified the killings of 115 civilians."), [(115, Qualifier::Exact)]);
        // news 14
        let text = "In a detailed statement issued Saturday, the SOHR pointed out that the death tally included 100,973 civilians, including 10664 children and 6783 women.";
        assert_eq!(counts(text), [(100973, Qualifier::Exact)]);
    }

    /// A count that is the subject of a death word, or the bare object of a
    /// killing verb, is a toll; "least" where the "at" was lost still hedges.
    #[test]
    fn bare_counts_killed_and_dead() {
        assert_eq!(counts("At least 49 killed in two days of protests"), [(49, Qualifier::AtLeast)]);
        assert_eq!(counts("Hospitals report 47 dead in recent fighting."), [(47, Qualifier::Exact)]);
        assert_eq!(counts("A strike hit a market that killed 43."), [(43, Qualifier::Exact)]);
        // world-a a14
        let text = "The announcement came as health officials announced that least 49 have been killed and dozens more injured since Haftar launched the campaign last week.";
        assert_eq!(counts(text), [(49, Qualifier::AtLeast)]);
    }

    /// Counts of the wounded, displaced, missing and refugees are no tolls.
    #[test]
    fn wounded_displaced_and_refugees_are_not_tolls() {
        for (text, want) in [
            ("An airstrike killed 11 civilians and wounded eight others.", vec![11]),
            ("Three civilians were killed and 17 wounded in the shelling.", vec![3]),
            ("The war has killed 500,000 people and created 5 million refugees.", vec![500000]),
            ("Four people were injured and two killed in the blast.", vec![2]),
            ("The fighting has left 200 people missing.", vec![]),
            // world-b b04
            (
                "Since mid-April 2023, the conflict between the Sudanese army and the RSF has resulted in approximately 18,800 deaths and nearly 10 million displaced persons, according to the United Nations.",
                vec![18800],
            ),
        ] {
            let got: Vec<u64> = counts(text).into_iter().map(|(c, _)| c).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// Issue 20: a number too large to store is no count (it used to saturate).
    #[test]
    fn a_count_that_does_not_fit_is_no_count() {
        assert_eq!(counts("99999999999999999999999999 people were killed."), []);
        assert_eq!(counts("12 quintillion billion million people were killed."), []);
        assert_eq!(counts("1.5 million people were killed."), [(1_500_000, Qualifier::Exact)]);
        assert_eq!(counts("9223372036854775807 people were killed."), [(9_223_372_036_854_775_807, Qualifier::Exact)]);
        assert_eq!(counts("9223372036854775808 people were killed."), []);
    }

    /// Hostile text: a run of tolls in one sentence gives a handful, no more.
    #[test]
    fn a_run_of_tolls_gives_a_handful() {
        let text = (1..=40).map(|n| format!("{n} people were killed")).collect::<Vec<_>>().join("; ");
        assert_eq!(counts(&format!("{text}.")).len(), super::MAX_PER_SENTENCE);
    }

    /// "Between 9,000 and 11,000 dead" is one toll, of at least the lower bound.
    #[test]
    fn a_range_of_counts_is_one_toll() {
        assert_eq!(counts("The battle left between 9,000 and 11,000 dead."), [(9000, Qualifier::AtLeast)]);
    }

    fn places(text: &str) -> Vec<Option<String>> {
        tolls(text, "2013-11-15").into_iter().map(|(_, _, p, _)| p).collect()
    }

    /// The place a toll happened in: "the town of X", "X province", "strikes
    /// on X", "in central X"; else the victims' nationality; never the
    /// attacker's, an owner, or a place in another clause; the article's main
    /// country last.
    #[test]
    fn toll_places() {
        let p = |s: &str| Some(s.to_string());
        assert_eq!(places("Five people were killed in shelling of the rebel-held town of Douma."), [p("Douma")]);
        assert_eq!(places("Three soldiers died in central Homs province on Sunday."), [p("Homs province")]);
        assert_eq!(places("Two men were killed in air strikes on Talbiseh."), [p("Talbiseh")]);
        assert_eq!(places("Twelve people were killed in a strike on the northern city of Aleppo."), [p("Aleppo")]);
        assert_eq!(places("The US envoy said Russian air strikes had killed 34 Syrian civilians."), [p("Syria")]);
        assert_eq!(places("A Saudi-led airstrike killed 40 Yemenis."), [p("Yemen")]);
        assert_eq!(
            places("Health authorities in Gaza say the bombardment has killed 1,500 people."),
            [p("Gaza Strip")]
        );
        let text = "The war in Yemen goes on.\nTalks started in Kuwait on Saturday to end the conflict, in which more than 6,400 people have been killed.";
        assert_eq!(places(text), [p("Yemen")]);
        let text = "The war in Yemen goes on.\nA Saudi-led strike killed 12 people on Monday.";
        assert_eq!(places(text), [p("Yemen")]);
        // news 19
        let text = "The Syrian Human Rights Observatory said 13 others died in shelling of the rebel-held town of Douma, east of Damascus, while two men were killed in regime air strikes on Talbiseh in central Homs province.";
        assert_eq!(places(text), [p("Douma"), p("Talbiseh")]);
        // news 17
        let text = "In a stark reminder of the urgency of the quest, even as the US envoy and the Kremlin leader were meeting, a monitoring group said suspected Russian air strikes had killed 34 Syrian civilians.";
        assert_eq!(places(text), [p("Syria")]);
    }

    /// A running total is dated to publication, an earlier figure by its own
    /// clause, a count over a period by its end, an undated count by the report.
    #[test]
    fn toll_dates() {
        let d = |s: &str| Some(s.to_string());
        // news 08
        let text = "The death toll in Syria's civil war has passed 100,000, up from nearly 93,000 just over a month ago., UN Secretary-General Ban Ki-moon has said.";
        let t = tolls(text, "2013-07-26");
        assert_eq!(
            t.iter().map(|(c, q, _, day)| (*c, *q, day.clone())).collect::<Vec<_>>(),
            [(100000, Qualifier::MoreThan, d("2013-07-26")), (93000, Qualifier::About, d("2013-06"))]
        );
        let dates = |text: &str| tolls(text, "2014-08-22").into_iter().map(|(_, _, _, day)| day).collect::<Vec<_>>();
        assert_eq!(
            dates("The death toll of 1,000, recorded between March 2011 and April 2014, is low."),
            [d("2014-04")]
        );
        assert_eq!(
            dates("The group documented the death of 5,000 people from 15 March 2011 till 5 February 2014."),
            [d("2014-02-05")]
        );
        assert_eq!(dates("Twelve people were killed in an air strike."), [d("2014-08-22")]);
    }
}
