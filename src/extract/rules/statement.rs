//! Statements: a speech verb and its speaker.

use super::*;
use crate::extract::entities::words::Class;
use crate::extract::reading::*;
// ---------------------------------------------------------------- statements

/// Whether `word` is of the word class `class` of `data/words.tsv`
/// (`speaker_noun`: "a source said"; `issued`: "the statement said").
fn of_class(dict: &Dictionaries, word: &str, class: WordClass) -> bool {
    dict.index().word_classes(word).any(|c| c == class)
}

pub(crate) struct SpeechAct {
    pub(crate) at: usize,
    pub(crate) end: usize,
    pub(crate) speaker: Option<ActorSpan>,
    pub(crate) description: Option<String>,
    pub(crate) present: bool,
    pub(crate) final_attribution: bool,
    /// "according to X": a source cited, not a verb of its own.
    pub(crate) cited: bool,
    /// "reported": a verb of reporters as well as of speakers.
    pub(crate) reports: bool,
}

pub(crate) fn statement(
    r: &Reading,
    dict: &Dictionaries,
    anchor: &Anchor,
    state: &mut ArticleState,
    out: &mut Vec<Candidate>,
) {
    let mut acts: Vec<SpeechAct> = Vec::new();
    let mut it_texts: Vec<usize> = Vec::new();
    for w in &r.words {
        let Some((_, t)) = entities::triggers(dict, w).find(|(_, t)| t.kind == Kind::Statement) else { continue };
        // "He did stress that": a noun-like lemma is a verb after "do".
        let emphatic = t.role == TriggerRole::Bare
            && r.tok_at(w.start) > 0
            && matches!(r.toks[r.tok_at(w.start) - 1].lower, "did" | "does" | "do");
        if (t.role != TriggerRole::Trigger && !emphatic) || r.in_quote(w.start) {
            continue;
        }
        let phrase = t.phrase.as_str();
        let before = r.text[..w.start].trim_end();
        // "the proposed talks", "so-called": an adjective, not a verb.
        if ["the", "a", "an", "its", "their", "his", "her", "our", "this"].contains(&r.word_before(w.start)) {
            continue;
        }
        // "more than 90 states", "member states", "several states": a plural
        // noun after a number or a quantifier, not a verb.
        let k = r.tok_at(w.start);
        let after_number = k > 0 && r.toks[k - 1].kind == crate::extract::tokens::TokKind::Num;
        let quantified = dict.index().is_word_of(r.word_before(w.start), Class::PluralBefore);
        // "Gulf Arab states have been": an -s form that an auxiliary follows
        // is a plural noun, the subject of that auxiliary.
        let plural_subject = r.toks.get(r.tok_at(w.end)).is_some_and(|t| {
            matches!(t.lower, "have" | "are" | "were" | "had" | "will" | "would" | "could" | "should" | "must" | "can")
        });
        if (after_number || quantified || plural_subject) && r.text[w.start..w.end].ends_with('s') {
            continue;
        }
        // "making repeated efforts", "despite renewed calls": an -ed form
        // after a preposition or an -ing verb is an adjective.
        let before_word = r.word_before(w.start);
        let adjective_position = dict.index().is_word_of(before_word, Class::AdjectiveBefore)
            || (before_word.len() > 4 && before_word.ends_with("ing") && !matches!(before_word, "being" | "having"));
        if adjective_position && phrase.ends_with("ed") {
            continue;
        }
        // "issued a statement Saturday saying": the participle reports the
        // same act, and its reading names the speaker.
        if phrase.ends_with(" statement")
            && r.spaced_words_from(w.end).take(4).any(|(_, x)| x == "saying" || x == "that")
        {
            continue;
        }
        // "Grundberg concludes his visit", "The government responded with
        // a crackdown": a verb of speech with a thing as its object, or
        // "with", does something else than speak.
        if dict.index().is_word_of(phrase, Class::ObjectVerb)
            && r.toks.get(r.tok_at(w.end)).is_some_and(|x| {
                x.lower == "with" || (x.lower != "that" && dict.index().is_word_of(x.lower, Class::Determiner))
            })
        {
            continue;
        }
        // "agreed Thursday to take over talks", "agreed last April on the
        // consensus", "have agreed for a ceasefire": agreeing to an act or on
        // a thing is no speech (a date may stand between the verb and its
        // preposition, or a phrase set off by commas: "agreed, through the
        // mediation of X, to start"), nor is a passive's agreeing ("agreed by
        // a border commission"); "agreed that" is.
        if dict.index().is_word_of(phrase, Class::AccordVerb) {
            let from = r
                .dates
                .iter()
                .find(|d| d.start >= w.end && r.text[w.end..d.start].trim().is_empty())
                .map_or(w.end, |d| d.end);
            let k = r.tok_at(from);
            let accord_after =
                |k: usize| r.toks.get(k).is_some_and(|x| dict.index().is_word_of(x.lower, Class::AccordAfter));
            let past_aside = || {
                (r.toks.get(k).is_some_and(|x| x.text == ","))
                    .then(|| r.toks[k + 1..].iter().take(16).position(|x| x.text == ","))
                    .flatten()
                    .is_some_and(|j| accord_after(k + j + 2))
            };
            if accord_after(k) || past_aside() {
                continue;
            }
        }
        // "the statement read": "read" speaks only for a text issued.
        if phrase == "read" && !of_class(dict, before_word, WordClass::Issued) {
            continue;
        }
        if negated(r, dict, w.start) || says_nothing(r, w.start, w.end) || raised_passive(r, w.start, w.end) {
            continue;
        }
        // "described by witnesses as", "criticised by the UN": a passive
        // participle's agent after "by" is the speaker, and only an actor
        // there makes a statement ("by telephone" is a means, no agent).
        let by_agent = {
            // "As reported today by X", "announced on Monday by X": the date
            // of the saying may stand between the participle and its agent.
            let from = r
                .dates
                .iter()
                .find(|d| d.start >= w.end && r.text[w.end..d.start].trim().is_empty())
                .map_or(w.end, |d| d.end);
            let rest = r.text[from..].trim_start();
            let rest_l = rest.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by "));
            let means = rest.get(3..).is_some_and(|m| {
                let m = m.trim_start();
                ["phone", "telephone", "video", "letter", "email", "satellite", "text", "radio"]
                    .iter()
                    .any(|x| m.get(..x.len()).is_some_and(|p| p.eq_ignore_ascii_case(x)))
            });
            (phrase.ends_with("ed") && rest_l && !means).then(|| r.text.len() - rest.len() + 3)
        };
        // The agent: the first actor after "by", past its description
        // ("by South Sudan's ambassador to Ethiopia, James Morgan").
        // A person there is the agent over the places and bodies of their
        // description ("by Kassala's ambassador to Eritrea, Tomas Vinter"),
        // and a body over its owner ("by the country's ruling council").
        let agent = by_agent.and_then(|at| {
            let mut near = r
                .actors
                .iter()
                .filter(|a| !a.agency())
                .filter(|a| a.start >= at && a.start - at <= 80 && !r.clause_break(at, a.start));
            let first = near.clone().next();
            let owned = near.clone().find(|a| !possessive(r, a));
            near.find(|a| a.person()).or(owned).or(first)
        });
        // "This was reported by the press service of the head of state": an
        // agent described, with no name.
        let described = by_agent.filter(|_| agent.is_none()).and_then(|at| described_agent(r, dict, at, false));
        if by_agent.is_some() && agent.is_none() && described.is_none() {
            continue;
        }
        // "The deal was proposed by X", "1,500 troops pledged by Y": a thing
        // proposed or given by the agent, who says nothing.
        if by_agent.is_some() && dict.index().is_word_of(phrase, Class::DeedParticiple) {
            continue;
        }
        // "Opposition activists were briefed on ...", "he was told": a
        // passive with no agent names whom it was said to, not who said it.
        let passive = (phrase.ends_with("ed") || phrase == "told") && after_be(r, w.start);
        if passive && by_agent.is_none() {
            continue;
        }
        // "AGENCY cited X as saying": the verb of citing reports the speech
        // that "as saying" attributes.
        let cites_object = || {
            let to = r.text[w.end..].find(" as saying").map(|k| w.end + k);
            to.is_some_and(|to| r.actors.iter().any(|a| a.start >= w.end && a.end <= to && !a.agency()))
        };
        if reports_speech(dict, r.toks[k].lower) && cites_object() {
            continue;
        }
        let (speaker, description) = match phrase {
            _ if agent.is_some() => (agent.cloned(), None),
            _ if described.is_some() => (None, described),
            // "according to the army's information office": a body described,
            // with no name, speaks as that description.
            "according to" => match according_to(r, dict, w.end) {
                Some(a) => (Some(a), None),
                None => (None, described_agent(r, dict, w.end, true)),
            },
            "as saying" | "quoted as saying" => {
                // "AGENCY reported X as saying", "X was quoted by Y as saying".
                // "AGENCY quoted the group's spokesman X as saying": the
                // person the object names speaks, over the body whose title
                // he carries.
                let reported =
                    r.toks[..r.tok_at(w.start)].iter().rev().find(|t| reports_speech(dict, t.lower)).map(|t| t.end);
                let after_verb = reported.and_then(|k| {
                    let mut object = r.actors.iter().filter(|a| a.start >= k && a.end <= w.start && !a.agency());
                    let first = object.clone().next();
                    object.find(|a| a.person()).or(first)
                });
                (after_verb.or_else(|| r.actors.iter().rev().find(|a| a.end <= w.start && !a.agency())).cloned(), None)
            }
            _ => speaker_of(r, dict, w.start, w.end),
        };
        let (speaker, description) = subject_instead(r, dict, phrase, w.start, speaker, description);
        // "X's office said in a statement ... It said": after a text issued,
        // "it" is the text, which speaks for its issuer.
        let it_text = state.text_spoke
            && speaker.as_ref().is_some_and(|s| {
                s.how == How::Pronoun && r.text.get(s.start..s.end).is_some_and(|t| t.eq_ignore_ascii_case("it"))
            })
            && (state.issuer.is_some() || state.issued_as.is_some());
        if it_text {
            it_texts.push(w.start);
        }
        let (speaker, description) = match (it_text, &state.issuer) {
            (true, Some(issuer)) => (Some(issuer.clone()), None),
            (true, None) => (None, state.issued_as.clone()),
            _ => (speaker, description),
        };
        // "The statement said", "the communique reads": whoever issued it.
        let issued =
            description.as_deref().is_some_and(|d| d.split_whitespace().any(|w| of_class(dict, w, WordClass::Issued)));
        let (speaker, description) = match (&speaker, &state.issuer) {
            (None, Some(issuer)) if issued => (Some(issuer.clone()), None),
            // "said the summit's final communique ... The document also
            // reaffirms": the fuller description given first.
            (None, None) if issued => match &state.issued_as {
                Some(first) => (None, Some(first.clone())),
                None => {
                    if description.as_deref().is_some_and(|d| d.contains(' ')) {
                        state.issued_as = description.clone();
                    }
                    (None, description)
                }
            },
            _ => (speaker, description),
        };
        if speaker.is_none() && description.is_none() {
            continue;
        }
        // "..., said X, adding that ...", "..., said X, amid reports that
        // ...": what follows the speaker after a comma and a lower-case
        // word is an addition of the writer's, not what was said.
        let after = {
            let rest = &r.text[w.end..];
            match rest.find(", ") {
                Some(k) if rest[k + 2..].starts_with(|c: char| c.is_lowercase()) => &rest[..k],
                _ => rest,
            }
        };
        let tail_words = after.split_whitespace().count();
        let final_attribution = (before.ends_with(',')
            || before.ends_with(['"', '\u{201d}'])
            || r.quote_ends_at(before.len())
            || speaker_before_comma(r, dict, w.start))
            && tail_words <= 10
            && !after.contains(" that ");
        acts.push(SpeechAct {
            at: w.start,
            end: w.end,
            speaker,
            description,
            present: phrase.ends_with('s') && !phrase.ends_with("ss") && !phrase.ends_with("ed"),
            final_attribution,
            cited: phrase == "according to",
            reports: phrase.starts_with("report"),
        });
    }
    // "X said ..., AGENCY reported": whoever reports a speech act of the
    // sentence is its reporter, not a second speaker, known as an agency or
    // not ("Xinhuanet reported").
    // So is whoever reports that another said something ("X reported that
    // the ministry was saying ...", "Y reported that Z said ...").
    let last_spoken =
        acts.iter().filter(|b| !b.reports && (b.speaker.is_some() || b.description.is_some())).map(|b| b.at).max();
    let reports_that = |a: &SpeechAct| {
        a.reports && r.text[a.end..].trim_start().starts_with("that ") && last_spoken.is_some_and(|at| at > a.end)
    };
    let reported = |a: &SpeechAct| a.reports && a.final_attribution || reports_that(a);
    if acts.iter().any(|a| !reported(a) && (a.speaker.is_some() || a.description.is_some())) {
        acts.retain(|a| !reported(a));
    }
    // "According to the ministry's newsletter, X requested ...", "X
    // expressed his belief that ..., according to the ministry's release":
    // the person whose own speech verb the source reports is the speaker,
    // not the source.
    // "X said his talks with Y focused on the blockade which, he said, was
    // illegal": a pronoun's speech verb set off by commas after a named
    // speaker's is that speaker's aside, not a closing attribution.
    let aside = |a: &SpeechAct| {
        a.speaker.as_ref().is_some_and(|s| s.how == How::Pronoun)
            && r.text[a.end..].starts_with(',')
            && acts.iter().any(|b| b.at < a.at && b.speaker.as_ref().is_some_and(|s| s.how != How::Pronoun))
    };
    let final_with_speaker = |a: &SpeechAct| a.final_attribution && a.speaker.is_some() && !aside(a);
    let own_verb = acts.iter().position(|a| !a.cited && a.speaker.as_ref().is_some_and(|s| s.person()));
    let chosen = acts
        .iter()
        .position(|a| final_with_speaker(a) && !a.cited)
        .or(own_verb.filter(|_| acts.iter().any(|a| a.cited && a.speaker.is_some())))
        .or_else(|| acts.iter().position(final_with_speaker))
        .unwrap_or(0);
    let Some(first) = acts.get(chosen) else { return };
    // "X suggested ..., while Y said ...": a second speaker in a clause of
    // its own after a contrast is a statement of its own.
    let second = acts.iter().skip(chosen + 1).find(|a| {
        let other = match (&a.speaker, &first.speaker) {
            (Some(x), Some(y)) => x.name != y.name,
            (Some(_), None) => true,
            (None, _) => a.description.is_some() && a.description != first.description,
        };
        let from = a.speaker.as_ref().map_or(a.at, |s| s.start.min(a.at));
        let gap = r.text.get(first.end..from).unwrap_or("");
        other && !a.cited && CONTRASTS.iter().any(|c| gap.contains(c))
    });
    let from_text = it_texts.contains(&first.at) || issues_a_text(r);
    for act in std::iter::once(first).chain(second) {
        speech_act(r, dict, anchor, state, act, out);
    }
    state.text_spoke = from_text;
}

/// Whether the sentence names a text issued ("a statement", "the
/// communique": the `issued` class).
fn issues_a_text(r: &Reading) -> bool {
    r.classes.iter().flatten().any(|(set, _)| set.iter().any(|c| c == WordClass::Issued))
}

/// Where a participle's aside opens (its comma), for `inner`, the text up to
/// the aside's closing comma: one or two comma-separated parts of at most
/// eight words in all, the first opened by a lower-case past participle
/// ("issued today, Friday", "signed by both sides").
fn participle_aside(r: &Reading, inner: &str) -> Option<usize> {
    let bytes = inner.as_bytes();
    let mut end = inner.len();
    for _ in 0..2 {
        let open = bytes[..end].windows(2).rposition(|w| w == b", ")?;
        let first = r.spaced_words_from(open + 2).next().map(|(at, w)| &inner[at..(at + w.len()).min(inner.len())]);
        if first.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && w.len() > 4 && w.ends_with("ed")) {
            return (inner[open + 2..].split_whitespace().count() <= 8).then_some(open);
        }
        end = open;
    }
    None
}

/// Words that open a clause of another speaker's: "X said ..., while Y said".
const CONTRASTS: &[&str] = &[", while ", "; ", ", whereas ", " while "];

/// Whether an actor is a possessive owner ("Sudan's" in "Sudan's ruling
/// council"), which the noun after it heads.
fn possessive(r: &Reading, a: &ActorSpan) -> bool {
    let rest = &r.text[a.end..];
    rest.starts_with("'s") || rest.starts_with("\u{2019}s")
}

/// The description of a passive's agent that names nobody, from byte `at`
/// after "by": a determiner, then a speaker's noun (`speaker_noun`,
/// `issued`) within five words ("by the press service of the head of
/// state", "by a senior official"), up to punctuation or a word that ends
/// the noun phrase ("as", "that", "on"). With `bodies`, a body's head noun
/// (`org_head`: "according to the military's information department") heads
/// it too.
fn described_agent(r: &Reading, dict: &Dictionaries, at: usize, bodies: bool) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for (_, w) in r.spaced_words_from(at).take(10) {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() || matches!(bare, "as" | "that" | "which" | "who" | "on" | "in" | "at" | "after" | "during")
        {
            break;
        }
        words.push(bare);
        if bare.len() < w.len() {
            break;
        }
    }
    let determined = words.first().is_some_and(|w| matches!(&*lower_cow(w), "the" | "a" | "an"));
    // A text cited after "according to" names its issuer elsewhere
    // (`issuer_of_text`), or nobody ("a joint communique reached in X").
    let head = |w: &&str| {
        of_class(dict, w, WordClass::SpeakerNoun)
            || !bodies && of_class(dict, w, WordClass::Issued)
            || bodies && of_class(dict, w, WordClass::OrgHead)
    };
    (determined && words.len() >= 2 && words.iter().take(5).any(head)).then(|| words[1..].join(" "))
}

/// A verb that reports another's speech in "AGENCY quoted X as saying"
/// (`reporting_verb`).
fn reports_speech(dict: &Dictionaries, word: &str) -> bool {
    dict.index().is_word_of(word, Class::ReportingVerb)
}

/// One statement from the speech act a sentence's reading chose.
fn speech_act(
    r: &Reading,
    dict: &Dictionaries,
    anchor: &Anchor,
    state: &mut ArticleState,
    act: &SpeechAct,
    out: &mut Vec<Candidate>,
) {
    // "X said in a statement", "a statement by X": X issued what "the statement" names later.
    let issued_here = issues_a_text(r);
    if let Some(sp) = &act.speaker {
        if issued_here {
            state.issuer = Some(sp.clone());
        }
    } else if let Some(d) = act.description.as_deref().filter(|_| issued_here) {
        // "Abadi's office released a statement": an issuer described, with
        // no name of its own, is what "the statement added" names later; a
        // text itself ("the statement said") issues nothing.
        if !d.split_whitespace().any(|w| of_class(dict, w, WordClass::Issued)) {
            state.issuer = None;
            state.issued_as = Some(d.to_string());
        }
    }
    let mut ev = Event::new(Kind::Statement, Status::Happened);
    if let Some(sp) = &act.speaker {
        ev.speaker = Some(sp.name.to_string());
        ev.actors.push(EventActor { name: sp.name.to_string(), role: Role::Speaker });
        if sp.person() || state.last_speaker.is_none() {
            state.last_speaker = Some(sp.clone());
        }
        if let Some(e) = sp.entity {
            state.cast.seen(e, r.offset + sp.start, true);
        }
    } else {
        ev.speaker = act.description.clone();
    }
    ev.quote = r
        .quotes
        .iter()
        .map(|&(s, e)| r.text[s..e].trim_matches(['"', '\u{201c}', '\u{201d}']))
        .max_by_key(|q| q.len())
        .map(String::from);
    let tense = if act.present { Tense::Present } else { Tense::Past };
    // A description's first word as it stands before the verb ("The two
    // sides issued a statement Saturday saying").
    let described_at = || {
        let first = act.description.as_deref()?.split(' ').next().filter(|w| !w.is_empty())?;
        r.text[..act.at].rfind(first)
    };
    let speaker_start = act.speaker.as_ref().map(|s| s.start.min(act.at)).or_else(described_at).unwrap_or(act.at);
    // "Late last night, after hours of talks with X, Leon said": a date that
    // heads the sentence before a comma, however long the phrase after it.
    let head = fronted_date(r, speaker_start).map(|h| h.start);
    let date = r
        .dates
        .iter()
        .filter(|d| !d.since && !r.in_quote(d.start))
        .filter(|d| !possessive_of_another(r, d, act.at))
        .filter(|d| {
            // The date of the speech act stands next to its verb ("said on
            // Monday", "told reporters in Geneva on Friday"): a date further on
            // is in what was said ("said he doubted any conference could take
            // place in July").
            let gap = r.text.get(act.end..d.start).unwrap_or("");
            let after = d.start >= act.end
                && plain_reach(r, act.end, d.start) <= 60
                && !gap.contains([';', '"', '\u{201c}'])
                && !r.clause_break(act.end, d.start)
                && !opens_clause(&r.toks[r.tok_at(act.end)..r.tok_at(d.start)]);
            let between = d.start >= speaker_start && d.end <= act.at;
            // A fronted date ("On Monday, Lavrov said"): only a few words
            // before the speaker, in the same clause.
            let lead = r.text.get(d.end..speaker_start).unwrap_or("");
            // Fronted means at the head of the sentence: in "The delegation
            // may meet X on Tuesday, the source said" the date is in what
            // was said.
            // "Speaking to X in an interview on Thursday, he said": a fronted
            // participle's phrase, however long, ends in the speech's date.
            let participle = r.toks.first().is_some_and(|t| {
                t.lower.ends_with("ing")
                    && r.classes[0].is_some_and(|(set, _)| set.iter().any(|c| matches!(c, WordClass::NotName { .. })))
            });
            let fronted = d.end <= speaker_start
                && (r.text[..d.start].split_whitespace().count() <= 2 || (participle && lead.trim() == ","))
                && lead.split_whitespace().count() <= 6
                && !lead.contains(['"', '\u{201c}', ';'])
                && !r.clause_break(d.end, speaker_start);
            after || between || fronted || head == Some(d.start)
        })
        .min_by_key(|d| if d.start >= act.end { d.start - act.end } else { act.at - d.end.min(act.at) });
    // The sentence's only date, before the verb and not looking ahead.
    let sole = || {
        let mut outside =
            r.dates.iter().filter(|d| !d.since && !r.in_quote(d.start) && !possessive_of_another(r, d, act.at));
        let only = outside.next()?;
        // "The talks had been due to open on Tuesday, a source said": a plan's day too.
        let looks_ahead = dates::tense_at_tokens(&r.toks, only.start, only.end, &dict.dates) == Tense::Future
            || dates::planned_in_the_past(&r.toks, only.start, &dict.dates);
        (outside.next().is_none() && !looks_ahead && only.end <= act.at).then_some(only)
    };
    let date = date.or_else(sole);
    set_date(&mut ev, date, tense, anchor, dict);
    // "Kerry says" dates the statement to the day of publication; a
    // headline's present tense is no such day.
    if ev.date.is_none() && act.present && !r.title {
        ev.date = anchor.published.map(DateSpan::day);
    }
    ev.mentions.push(r.mention());
    let mut c = Candidate::new(ev, r.offset + act.at, tense);
    c.occasion = occasion(r, dict);
    c.guessed = act.present && date.is_none();
    c.speaker_person = act.speaker.as_ref().map(ActorSpan::person);
    out.push(c);
}

/// How far apart bytes `from` and `to` are, not counting capitalised words:
/// a name is one thing however many words it takes ("told participants at a
/// press conference at the Foreign Correspondents' Club of Thailand on
/// Thursday" is as near its date as "at the club on Thursday").
fn plain_reach(r: &Reading, from: usize, to: usize) -> usize {
    let names: usize = r.toks[r.tok_at(from)..r.tok_at(to)]
        .iter()
        .filter(|t| t.text.starts_with(|c: char| c.is_uppercase()))
        .map(|t| t.end - t.start)
        .sum();
    (to - from).saturating_sub(names)
}

/// Whether these tokens, after a speech verb, already hold what was said: a
/// subject pronoun or an auxiliary ("said he doubted", "says an agreement
/// has been reached"), rather than the circumstances of the saying ("said
/// during his visit to Moscow", "told reporters after the talks").
fn opens_clause(toks: &[crate::extract::tokens::Tok]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.lower,
            "he" | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "is"
                | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "could"
                | "can"
                | "should"
                | "may"
                | "might"
                | "must"
                | "has"
                | "have"
                | "had"
                | "be"
                | "been"
        )
    })
}

/// Whether the actor right after a speech verb is the subject of what was
/// said rather than an inverted speaker: a pronoun ("X, who met Y, said he
/// backed"), or a name its own verb follows ("X, an official of Y's group,
/// said Y would attend").
fn opens_complement(r: &Reading, a: &ActorSpan) -> bool {
    let k = r.tok_at(a.end);
    a.how == How::Pronoun || opens_clause(&r.toks[k..(k + 1).min(r.toks.len())])
}

/// The speaker after "according to": the actor right after it, or the one
/// that issued the statement or report it cites ("according to a statement
/// released by the United Nations", "according to a statement from the LNA").
fn according_to(r: &Reading, dict: &Dictionaries, end: usize) -> Option<ActorSpan> {
    let near = r.actors.iter().find(|a| a.start >= end && a.start - end <= 6 && !a.agency());
    if let Some(n) = near {
        // "according to X's acting Foreign Minister Y": the person the
        // possessive owner's noun phrase names, as after "by".
        if possessive(r, n) {
            let owned = r.actors.iter().find(|a| {
                a.start > n.end
                    && a.person()
                    && a.how != How::Pronoun
                    && a.start - n.end <= 80
                    && !r.text[n.end..a.start].contains([',', ';', '"', '\u{201c}'])
                    && !r.clause_break(n.end, a.start)
            });
            if owned.is_some() {
                return owned.cloned();
            }
        }
        return near.cloned();
    }
    // "according to a statement from the LNA", "according to one of the
    // AU's invitation letters": a text issued, among the cited phrase's
    // first words, and the actor that issued it.
    issuer_of_text(r, dict, end, 8)
}

/// The actor that issued a text named among the first `within` words from
/// byte `end` ("a statement from the LNA", "a tweet on the official website
/// of X"): the first actor within the next dozen words, before any comma.
fn issuer_of_text(r: &Reading, dict: &Dictionaries, end: usize, within: usize) -> Option<ActorSpan> {
    let issued = r
        .spaced_words_from(end)
        .take(within)
        .map(|(_, w)| w)
        .take_while(|w| !w.ends_with([',', ';']))
        .any(|w| of_class(dict, &lower_cow(w.trim_end_matches(|c: char| !c.is_alphanumeric())), WordClass::Issued));
    if !issued {
        return None;
    }
    // The first actor within the next dozen words, before any clause break
    // or comma: "According to a joint communique reached in Luanda, M23 was
    // to withdraw" names no issuer.
    let limit = end + r.text[end..].split_whitespace().take(12).map(|w| w.len() + 1).sum::<usize>();
    let limit = r.text[end..].find([',', ';']).map_or(limit, |c| limit.min(end + c));
    r.actors.iter().find(|a| a.start > end && a.start <= limit && !a.agency() && !r.clause_break(end, a.start)).cloned()
}

/// The sentence's main subject speaks instead of the actor found next to the
/// verb when the verb is a participle after a comma ("Barzani was cautious,
/// saying ..."), a second predicate ("Abiy ruled out dialogue, but said ..."),
/// or when the actor before the verb stands in an apposition or a relative
/// clause of the subject ("Obasanjo, the AU's envoy for the Horn of Africa,
/// said", "The coalition, which says ...").
fn subject_instead(
    r: &Reading,
    dict: &Dictionaries,
    phrase: &str,
    verb: usize,
    speaker: Option<ActorSpan>,
    description: Option<String>,
) -> (Option<ActorSpan>, Option<String>) {
    // "The Committee, according to the UN, was formed", "X will lead the
    // talks, according to one of the AU's letters": the source cited
    // speaks, never the subject it tells of ("according to analysts" names
    // nobody, and the subject is no speaker either).
    if phrase == "according to" {
        return (speaker, description);
    }
    let Some(subject) = r.main_subject().filter(|s| s.end <= verb && !s.agency() && !r.in_quote(s.start)) else {
        return (speaker, description);
    };
    let before = r.text[..verb].trim_end();
    let prev = before.rsplit(' ').next().unwrap_or("");
    // "..., and had threatened to": the conjunction before the auxiliaries
    // and adverbs that stand before a verb.
    let conjunction = before
        .rsplit(' ')
        .find(|w| !dict.index().is_word_of(&lower_cow(w), Class::BeforeVerb))
        .is_some_and(|w| w.eq_ignore_ascii_case("but") || w.eq_ignore_ascii_case("and"));
    let participle = phrase.split(' ').next().is_some_and(|w| w.ends_with("ing")) && before.ends_with(',');
    let coordinated = conjunction && speaker.is_none();
    let after_subject = r.text[subject.end..verb].trim_start();
    // "The M23 armed group, which ...": the subject's head noun, in lower
    // case, stands before the relative clause or the apposition.
    let after_subject = match after_subject.find(',') {
        Some(c)
            if c > 0
                && after_subject[..c].split_whitespace().count() <= 3
                && after_subject[..c].split_whitespace().all(|w| w.starts_with(|ch: char| ch.is_lowercase()))
                && after_subject[c + 1..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| matches!(w, "which" | "who" | "a" | "an" | "the")) =>
        {
            &after_subject[c..]
        }
        _ => after_subject,
    };
    // The apposition closes before the verb ("X, the envoy, said"); a
    // closing attribution (", UN spokeswoman Y said") keeps its speaker.
    // ... or the speaker found stands inside the apposition's noun phrase
    // ("X, one of the representatives of the Afghan government said").
    let inside = speaker.as_ref().is_some_and(|s| {
        let before = r.text[..s.start].trim_end();
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        before.ends_with(" of") || before.ends_with(" for")
    });
    let closes = inside || speaker.as_ref().is_none_or(|s| r.text.get(s.end..verb).is_some_and(|t| t.contains(',')));
    let apposition = after_subject.starts_with(',')
        && closes
        && speaker.as_ref().is_none_or(|s| s.start > subject.end)
        && !after_subject[1..].contains([';', '"', '\u{201c}']);
    // "Secretary Pompeo at the opening session of the talks said": a
    // phrase between the subject and its verb.
    let phrase_between = speaker.is_none()
        && description.is_none()
        && !after_subject.contains(',')
        && !r.clause_break(subject.end, verb)
        && after_subject.split_whitespace().count() <= 10;
    // "He begins by saying that": an -ing verb after a preposition.
    let by_saying = phrase.ends_with("ing") && matches!(prev, "by" | "after" | "before" | "in" | "while" | "when");
    if participle || coordinated || apposition || phrase_between || by_saying {
        return (Some(subject.clone()), None);
    }
    (speaker, description)
}

/// Where the clause that ends `before` starts: after its last ", and ",
/// ", but ", "; " or ", " (the one that ends last), else 0.
pub(crate) fn clause_start(before: &str) -> usize {
    let b = before.as_bytes();
    // Searching from the end, the first separator found ends last: a longer
    // one (", and ") starts with the shorter ", ", which the search meets at
    // the same place.
    let Some(k) = (0..b.len().saturating_sub(1)).rev().find(|&k| matches!(b[k], b',' | b';') && b[k + 1] == b' ')
    else {
        return 0;
    };
    if b[k] == b',' && (b[k..].starts_with(b", and ") || b[k..].starts_with(b", but ")) {
        k + 6
    } else {
        k + 2
    }
}

pub(crate) fn speaker_before_comma(r: &Reading, dict: &Dictionaries, verb: usize) -> bool {
    // "..., Manna said." — the speaker stands between a comma and the verb.
    let before = r.text[..verb].trim_end();
    let Some(a) = r.actor_ending_at(before.len()) else { return false };
    let lead = r.text[..a.start].trim_end();
    if lead.ends_with([',', '"', '\u{201d}']) {
        return true;
    }
    // "..., the rebels' spokesman X said": the person's title, opened by
    // a determiner, stands between the comma and the name.
    let Some(mark) = lead.rfind([',', '"', '\u{201d}']) else { return false };
    let from = mark + lead[mark..].chars().next().map_or(1, char::len_utf8);
    // The title's words up to the name's end: the actor may hold its owner
    // ("the rebels' spokesman X").
    let title: Vec<&str> = r.spaced_words_from(from).take_while(|&(s, _)| s < a.end).map(|(_, w)| w).collect();
    a.person()
        && (3..=9).contains(&title.len())
        && dict.index().is_word_of(&lower_cow(title[0]), Class::Determiner)
        && title.iter().all(|w| !w.contains(['(', ')', ';', ':']))
        && title.iter().any(|w| {
            let w = lower_cow(w);
            dict.index().is_word_of(&w, Class::SpeakerNoun) || dict.index().is_word_of(&w, Class::Title)
        })
        && !r.clause_break(from, a.start)
}

/// "The two sides quickly agreed, so the meeting was prepared": a verb that
/// its subject opens the sentence with, and that a comma or semicolon closes
/// with more to come, says nothing: no quote, no "that" clause. A
/// sentence that ends there ("He added,") introduces the quote that follows.
fn says_nothing(r: &Reading, start: usize, end: usize) -> bool {
    let rest = &r.text[end..];
    // "He warned, however, that ...": an inserted adverb, then what was said.
    // So is "He did stress, however, this was the first time": one word
    // set off by commas, then a clause.
    let inserted = rest
        .strip_prefix(',')
        .and_then(|r| r.trim_start().split_once(','))
        .is_some_and(|(word, clause)| !word.contains(' ') && clause.trim().contains(' '));
    let closed =
        rest.starts_with([',', ';']) && rest[1..].trim().contains(' ') && !rest.contains(" that ") && !inserted;
    closed && r.quotes.is_empty() && !r.text[..start].contains([',', ';', ':'])
}

pub(crate) fn negated(r: &Reading, dict: &Dictionaries, verb: usize) -> bool {
    // "did not comment", "did not immediately respond": a negation right
    // before the verb, or before adverbs that stand before verbs.
    let close = |end: usize| {
        (verb - end <= 12 && !r.text[end..verb].contains([',', ';'])) || {
            let mut gap = r.text[end..verb].split_whitespace();
            gap.clone().count() <= 2 && gap.all(|g| dict.index().is_word_of(&lower_cow(g), Class::BeforeVerb))
        }
    };
    let near = r
        .words
        .iter()
        .any(|w| w.end <= verb && close(w.end) && entities::cues(dict, w).any(|c| c == CueKind::Negation));
    let opening = r.text[..verb].trim_start().as_bytes();
    let opens_with = |w: &str| opening.get(..w.len()).is_some_and(|o| o.eq_ignore_ascii_case(w.as_bytes()));
    near || opens_with("none of") || opens_with("no one") || opens_with("neither ")
}

/// "He is reported to have met", "she is said to be": a speech verb in the
/// passive before "to" reports hearsay, and names no speaker.
fn raised_passive(r: &Reading, start: usize, end: usize) -> bool {
    let k = r.tok_at(end);
    r.toks.get(k).is_some_and(|t| t.lower == "to") && after_be(r, start)
}

/// Whether a form of "be" stands right before `at`: a participle there is passive.
fn after_be(r: &Reading, at: usize) -> bool {
    matches!(r.word_before(at), "is" | "was" | "are" | "were" | "been" | "being")
}

/// "Contacted by Reuters, X, a spokesman for Y said he ...": an apposition
/// left open before its verb (a determiner, then a speaker's noun within
/// five words) describes the person who opens the clause before its comma,
/// and who speaks. A closing attribution ("..., a spokesman said.") says
/// nothing after its verb, and its comma ends another's clause.
fn open_apposition<'r>(r: &'r Reading, dict: &Dictionaries, start: usize, end: usize) -> Option<&'r ActorSpan> {
    // Something is said after the verb: at least three words.
    r.text[end..].split_whitespace().nth(2)?;
    let before = &r.text[..start];
    let comma = clause_start(before);
    let np = before.get(comma..)?;
    let mut words = np.split_whitespace();
    // "Lavrov and his counterpart, X, the Russian foreign minister insisted":
    // a definite description with no complement is a subject of its own.
    let complement = np.contains(" for ") || np.contains(" of ");
    let det = words.next().map(lower_cow);
    if !det.is_some_and(|d| matches!(&*d, "a" | "an") || &*d == "the" && complement)
        || r.actor_ending_at(before.trim_end().len()).is_some_and(|a| a.person())
        || np.split_whitespace().count() > 12
        || np.contains(['"', '\u{201c}', '\u{201d}', ';'])
        || !words.take(4).any(|w| of_class(dict, w, WordClass::SpeakerNoun))
    {
        return None;
    }
    let person = r.actor_ending_at(before[..comma].trim_end().strip_suffix(',')?.trim_end().len())?;
    let opens = r.text[..person.start].trim_end();
    (person.person() && person.how != How::Pronoun && (opens.is_empty() || opens.ends_with(','))).then_some(person)
}

/// '"...," Ibrahim Hussein, a police officer, told', "Jane Doe, the group's
/// director, said": a phrase set off by commas that ends at the verb's comma
/// and opens with a determiner, a possessive, a lower-case title or is an age describes
/// the name before it, which speaks (a person or a body; never a place nor
/// an outlet). `inner` is the text before the verb's comma.
fn closing_apposition<'r>(r: &'r Reading, dict: &Dictionaries, inner: &str) -> Option<&'r ActorSpan> {
    let open = inner.as_bytes().windows(2).rposition(|w| w == b", ")?;
    let phrase = &inner[open + 2..];
    let words: Vec<&str> = phrase.split_whitespace().take(17).collect();
    if words.is_empty() || words.len() > 16 || phrase.contains(['"', '\u{201c}', '\u{201d}', ';', '(', ')']) {
        return None;
    }
    let first = lower_cow(words[0]);
    let index = dict.index();
    let titled =
        |w: &&str| index.word_classes(&lower_cow(w)).any(|c| matches!(c, WordClass::Title(_) | WordClass::SpeakerNoun));
    let owner = r.actor_starting_at(open + 2).is_some_and(|a| possessive(r, a));
    // "Fatima Noor, 34, said": an age alone describes the name too.
    let age = words.len() == 1 && words[0].len() <= 3 && words[0].bytes().all(|b| b.is_ascii_digit());
    let opens = owner
        || age
        || (index.is_word_of(&first, Class::Determiner) && !matches!(&*first, "that" | "this" | "these" | "those"))
        || words[0].starts_with(char::is_lowercase)
            && !index.is_word_of(&first, Class::BeforeVerb)
            && words.iter().take(4).any(titled);
    if !opens {
        return None;
    }
    let a = r.actor_ending_at(open).filter(|a| !a.agency() && a.how != How::Pronoun && !located(r, dict, a))?;
    // The name opens its clause: the sentence's start, a quote's close, a
    // comma or a dash before it, past the title's words before the name
    // ("Foreign Minister X", "U.S. Sen. X").
    let mut lead = r.text[..a.start].trim_end();
    for _ in 0..4 {
        let k = lead
            .rfind([' ', '-', '\u{2013}', '\u{2014}', '"', '\u{201d}'])
            .map_or(0, |k| k + lead[k..].chars().next().map_or(1, char::len_utf8));
        let w = &lead[k..];
        let title = index.is_word_of(&lower_cow(w.trim_end_matches('.')), Class::Title)
            || w.len() <= 5 && w.ends_with('.') && w.starts_with(char::is_uppercase);
        if w.is_empty() || !title {
            break;
        }
        lead = lead[..k].trim_end();
    }
    (lead.is_empty() || lead.ends_with([',', '"', '\u{201d}', '-', '\u{2013}', '\u{2014}'])).then_some(a)
}

/// Whether an actor stands in a modifier right after "of", "to" or "for",
/// past a title's words ("the adviser to Prime Minister X", "a spokesman
/// for the army").
fn in_modifier(r: &Reading, dict: &Dictionaries, a: &ActorSpan) -> bool {
    let mut back = r.text[..a.start].split_whitespace().rev().map(lower_cow).take(6);
    let mut prep = back.next().unwrap_or_default();
    // "a spokesman for the rebels' Council": a possessive owner before the
    // name is part of the modifier, as its determiner is.
    let owner = |w: &str| w.ends_with(['\'', '\u{2019}']) || w.ends_with("'s") || w.ends_with("\u{2019}s");
    while prep == "the"
        || owner(&prep)
        || of_class(dict, &prep, WordClass::SpeakerNoun)
        || dict.index().is_word_of(&prep, Class::Title)
    {
        prep = back.next().unwrap_or_default();
    }
    matches!(&*prep, "of" | "to" | "for" | "on" | "at" | "in")
}

/// Whether an actor is a country named as a place, after a locative
/// preposition ("the delegation in Ghana", "envoy to Libya", "in northern
/// Syria"): a place never speaks.
fn located(r: &Reading, dict: &Dictionaries, a: &ActorSpan) -> bool {
    a.kind == EntityKind::Country && LOCATIVE_TO.contains(&&*preposition_before(dict.index(), r.text, a.start))
}

/// The speaker of a speech verb at `start..end`: the actor right before it
/// (past adverbs, dates and an apposition), a pronoun, the actor right after it
/// ("said Kerry"), or a description of the speaker ("a representative of ...").
pub(crate) fn speaker_of(
    r: &Reading,
    dict: &Dictionaries,
    start: usize,
    end: usize,
) -> (Option<ActorSpan>, Option<String>) {
    if let Some(p) = open_apposition(r, dict, start, end) {
        return (Some(p.clone()), None);
    }
    let mut i = start;
    // "The head of the X Council of Sudan said": the actor after "of" owns
    // the speaker's title; the description speaks, else the owner.
    let mut owner = None;
    // Where the subject's noun phrase ends: before a relative clause skipped.
    let mut subject_end = start;
    loop {
        let before = r.text[..i].trim_end();
        let j = before.len();
        if let Some(d) = r.dates.iter().find(|d| d.end == j && !d.since) {
            i = d.start;
            continue;
        }
        let word_start = before.rfind(' ').map(|k| k + 1).unwrap_or(0);
        let word = lower_cow(&before[word_start..]);
        if dict.index().is_word_of(&word, Class::BeforeVerb) {
            i = word_start;
            continue;
        }
        if word == "who" {
            i = word_start;
            let b = r.text[..i].trim_end().trim_end_matches(',');
            i = b.len();
            continue;
        }
        // "Dakar, which says 300 people died, rejected": a relative clause's
        // speech verb is its antecedent's, the name before the comma.
        if word == "which" {
            let antecedent = r.text[..word_start].trim_end().strip_suffix(',').and_then(|b| {
                r.actor_ending_at(b.trim_end().len())
                    .filter(|a| !a.agency() && a.how != How::Pronoun && !located(r, dict, a))
            });
            return (antecedent.cloned(), None);
        }
        if word == "that" {
            return (None, None);
        }
        // "The government, with which the rebels refuse to talk, voiced
        // concern": a relative clause between the subject and its verb.
        if let Some(inner) = before.strip_suffix(',') {
            // By bytes: `rfind` of a two-byte string set up a searcher per call.
            if let Some(open) = inner.as_bytes().windows(2).rposition(|w| w == b", ") {
                // The clause's first two words, from the shared tokens.
                let relative = r
                    .spaced_words_from(open + 2)
                    .take_while(|&(at, _)| at < inner.len())
                    .take(2)
                    .map(|(at, w)| &inner[at..(at + w.len()).min(inner.len())])
                    .any(|w| matches!(&*lower_cow(w), "who" | "whom" | "whose" | "which"));
                if relative {
                    i = open;
                    subject_end = open;
                    continue;
                }
            }
            // "The statement, issued today, Friday, added", "the accord,
            // signed by both sides, says": a participle's aside, set off by
            // commas (a date's own comma inside it), between the subject and
            // its verb.
            if let Some(open) = participle_aside(r, inner) {
                i = open;
                subject_end = open;
                continue;
            }
        }
        if let Some(a) = r.actor_ending_at(j).filter(|a| !a.agency()) {
            if matches!(r.word_before(a.start), "of" | "for") && a.how != How::Pronoun {
                owner = Some(a.clone());
                break;
            }
            // "The U.N. envoy to Yemen says", "the U.S. ambassador in Sudan
            // said": a place after a locative preposition ends the subject's
            // description, which speaks; the place never does.
            if located(r, dict, a) {
                break;
            }
            // "Kerry and Lavrov said": two people named as one subject, the
            // first speaks for both, as when the second is not known by name.
            let first = r.text[..a.start]
                .trim_end()
                .strip_suffix(" and")
                .and_then(|stem| r.actor_ending_at(stem.trim_end().len()))
                .filter(|f| f.person() && a.person() && f.how != How::Pronoun && a.how != How::Pronoun);
            return (Some(first.unwrap_or(a).clone()), None);
        }
        // "Lavrov and Amro agreed": the first of two coordinated names.
        if word.chars().next().is_some_and(char::is_alphabetic) && before[word_start..].starts_with(char::is_uppercase)
        {
            let rest = before[..word_start].trim_end();
            if let Some(stem) = rest.strip_suffix(" and") {
                if let Some(a) = r.actor_ending_at(stem.trim_end().len()).filter(|a| !a.agency()) {
                    return (Some(a.clone()), None);
                }
            }
        }
        // "Vladimir Medinsky (pictured), reported", "the RSF (paramilitary)
        // said": a parenthesis between the speaker and the verb.
        let bare = before.trim_end_matches(',').trim_end();
        if bare.ends_with(')') && r.actor_ending_at(bare.len() - 1).is_none() {
            if let Some(open) = bare.rfind('(').filter(|&o| o > 0) {
                i = open;
                continue;
            }
        }
        // "Vitaly Churkin, said": an apposition closes right before the verb.
        if before.ends_with(',') {
            let b = before.trim_end_matches(',').trim_end();
            if let Some(a) = r.actor_ending_at(b.len()).filter(|a| !a.agency()) {
                // "X, the leader of the delegation in Y, said": the place
                // ends the apposition's modifier; the name it describes speaks.
                if located(r, dict, a) {
                    let described = r
                        .actors
                        .iter()
                        .filter(|p| p.person() && p.how != How::Pronoun && p.end < a.start)
                        .filter(|p| r.text[p.end..].starts_with(',') && !r.clause_break(p.end, a.start))
                        .filter(|p| !r.text[p.end..a.start].contains(['"', '\u{201c}', '\u{201d}']))
                        .max_by_key(|p| p.end);
                    return (described.cloned(), None);
                }
                // "X, the national security adviser to Prime Minister Y,
                // said": Y stands in the apposition's modifier; X speaks.
                if in_modifier(r, dict, a) {
                    if let Some(described) = closing_apposition(r, dict, b).filter(|d| d.end < a.start) {
                        return (Some(described.clone()), None);
                    }
                }
                return (Some(a.clone()), None);
            }
            if let Some(a) = closing_apposition(r, dict, b) {
                return (Some(a.clone()), None);
            }
        }
        break;
    }
    let before = r.text[..start].trim_end();
    let after = r.text[end..].trim_start();
    let after_at = r.text.len() - after.len();
    // '"...," - said X': a dash after the quote, as some outlets write it.
    let inverted = before.is_empty()
        || before.ends_with([',', '"', '\u{201d}', '-', '\u{2013}', '\u{2014}'])
        || r.quote_ends_at(before.len());
    // "..., announced Djibouti's Foreign Minister X": a possessive owner
    // opens the speaker's title, like a determiner.
    if let Some(a) = r.actor_starting_at(after_at).filter(|a| !a.agency() && !possessive(r, a)) {
        if inverted && !opens_complement(r, a) {
            return (Some(a.clone()), None);
        }
    }
    // "..., said the summit's final communique", "..., reads the statement",
    // "..., said a spokesman for the group": a speaker's description after
    // the verb, or the actor inside it.
    if inverted {
        let phrase = &after[..after.find([',', ';', '.', '"', '\u{201c}', '\u{201d}']).unwrap_or(after.len())];
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let head = |w: &&str| of_class(dict, w, WordClass::SpeakerNoun) || of_class(dict, w, WordClass::Issued);
        let owner = r.actor_starting_at(after_at).is_some_and(|a| possessive(r, a));
        let determined = owner || words.first().is_some_and(|w| matches!(&*lower_cow(w), "the" | "a" | "an"));
        // "..., said the first Deputy Minister of Foreign Affairs X": a
        // title's words before the name, however many; the person named speaks.
        let titled = (determined && words.len() <= 12)
            .then(|| {
                r.actors
                    .iter()
                    .filter(|a| a.start >= after_at && a.end <= after_at + phrase.len() && a.person())
                    .max_by_key(|a| (a.name.contains(' '), a.end))
            })
            .flatten();
        if let Some(a) = titled {
            return (Some(a.clone()), None);
        }
        // "..., said a tweet on the official website of the X Mission":
        // the text speaks for the actor that issued it.
        if determined {
            if let Some(a) = issuer_of_text(r, dict, after_at, 3) {
                return (Some(a), None);
            }
        }
        if (2..=7).contains(&words.len()) && determined && words.iter().take(5).any(head) {
            let mut inside =
                r.actors.iter().filter(|a| a.start >= after_at && a.end <= after_at + phrase.len() && !a.agency());
            let first = inside.clone().next();
            // "..., said France's top diplomat": a person by a title a
            // country owns speaks as that description, never the country.
            let titled_person = words.last().is_some_and(|w| {
                dict.index().is_word_of(&lower_cow(w.trim_end_matches(|c: char| !c.is_alphanumeric())), Class::Title)
            });
            let owned = first.is_some_and(|a| possessive(r, a) && a.kind == EntityKind::Country);
            if owned && titled_person && inside.clone().all(|a| possessive(r, a)) {
                return (None, Some(words.join(" ")));
            }
            return match inside.find(|a| !possessive(r, a)).or(first) {
                Some(a) => (Some(a.clone()), None),
                None => (None, Some(words[1..].join(" "))),
            };
        }
    }
    // A description: the clause's subject noun phrase ("mediators of the
    // bloc, said": past the comma that closes it before its verb).
    let start = subject_end;
    let start = match r.text[..start].trim_end().strip_suffix(',') {
        // A participle after a comma ("..., urging") has the sentence's subject.
        Some(b) if clause_start(&r.text[..start]) >= b.len() && !r.text[start..end].ends_with("ing") => {
            b.trim_end().len()
        }
        _ => start,
    };
    let mut clause_start = clause_start(&r.text[..start]);
    // "July 2 (KHARTOUM) - African Union envoy ... said", "... — Pedersen's
    // office said": a dash ends a dateline or an inserted clause.
    if let Some(d) = [" - ", " \u{2014} ", " \u{2013} "]
        .iter()
        .filter_map(|d| r.text[clause_start..start].rfind(d).map(|k| k + d.len()))
        .max()
    {
        clause_start += d;
    }
    // '"... 2015" regional mediators of the bloc said': a comma inside a
    // quote before the subject opens no clause; the subject starts after
    // the quote's closing mark.
    if let Some(&(_, e)) = r.quotes.iter().rfind(|&&(s, e)| s < clause_start && e > clause_start && e <= start) {
        clause_start = e;
    }
    // '"We are close," the UN envoy said': the quote before the subject ends
    // with its own comma, so the subject starts after the closing mark.
    let span = &r.text[clause_start..start];
    if let Some(q) = span.rfind(['"', '\u{201d}']) {
        let straight = span.matches('"').count();
        let closes = if span[q..].starts_with('"') { straight.is_multiple_of(2) } else { true };
        if closes {
            clause_start += q + span[q..].chars().next().map_or(1, char::len_utf8);
        }
    }
    // '"...", - the statement said': a dash after the quote's comma.
    let np = r.text[clause_start..start].trim().trim_start_matches([',', '-', '\u{2013}', '\u{2014}']).trim_start();
    // "..., while Kiir's government said": the clause's subject follows its conjunction.
    let np = ["while ", "whereas "].iter().find_map(|c| np.strip_prefix(c)).unwrap_or(np);
    let np_words: Vec<&str> = np.split_whitespace().collect();
    // `np` is a slice of the sentence: where it lies in it.
    let np_at = np.as_ptr() as usize - r.text.as_ptr() as usize;
    if np_words.is_empty()
        || np_words.len() > 12
        || r.in_quote(clause_start)
        || np.contains(['"', '\u{201c}', '\u{201d}'])
    {
        return (None, None);
    }
    let det = lower_cow(np_words[0]);
    let has_head = np_words
        .iter()
        .take(5)
        .any(|w| of_class(dict, w, WordClass::SpeakerNoun) || of_class(dict, w, WordClass::Issued));
    // "a Russian diplomatic source", "the ministry", or a body's own
    // description: "U.N. human rights official", "Health authorities in Gaza".
    if let Some(owner) = owner_of_text(r, dict, np_at, np, &np_words) {
        return (Some(owner.clone()), None);
    }
    // "The UN envoy to Yemen also said": a description the reading gave its
    // person, followed only by the title's complement, speaks as that person.
    let described = r.actors.iter().find(|a| {
        a.start == np_at
            && a.end < np_at + np.len()
            && a.person()
            && matches!(a.how, How::Description | How::Role)
            && r.toks.get(r.tok_at(a.end)).is_some_and(|t| matches!(t.lower, "to" | "for" | "in" | "on"))
    });
    if let Some(a) = described {
        return (Some(a.clone()), None);
    }
    let capitalised = np_words[0].starts_with(|c: char| c.is_uppercase()) && !r.in_quote(clause_start);
    if (["a", "an", "the", "one", "two", "three", "several", "some"].contains(&&*det) || capitalised) && has_head {
        let skip = usize::from(!capitalised || ["a", "an", "the"].contains(&&*det));
        let mut cut =
            np_words.iter().position(|w| ["seeking", "who", "which", "speaking"].contains(w)).unwrap_or(np_words.len());
        // "The two sides issued a statement Saturday saying": the
        // description ends before a verb in the past after its head noun.
        let head = np_words.iter().take(5).position(|w| of_class(dict, w, WordClass::SpeakerNoun));
        if let Some(h) = head {
            let verb = np_words[h + 1..cut]
                .iter()
                .position(|w| w.len() > 3 && w.ends_with("ed") && w.starts_with(char::is_lowercase));
            if let Some(v) = verb {
                cut = h + 1 + v;
            }
        }
        // "The document also reaffirms": the adverb is no part of the description.
        while cut > skip + 1 && dict.index().is_word_of(&lower_cow(np_words[cut - 1]), Class::BeforeVerb) {
            cut -= 1;
        }
        return (None, Some(np_words[skip..cut].join(" ")));
    }
    if let Some(found) = possessed_speaker(r, dict, np_at, np, &np_words).or_else(|| bare_speakers(dict, &np_words)) {
        return found;
    }
    (owner, None)
}

/// Whether `word` heads a speaker's description (`speaker_noun`).
fn speaker_noun(dict: &Dictionaries, word: &str) -> bool {
    of_class(dict, &lower_cow(word.trim_end_matches(|c: char| !c.is_alphanumeric())), WordClass::SpeakerNoun)
}

/// "his office in Geneva said", "their spokesman said": a possessive
/// pronoun and a speaker's noun right after it. A body (`org_head`: "his
/// office") speaks for its owner: the sentence's subject when a person
/// ("X will not arrive, his office said"), else the pronoun's referent. A
/// person ("his spokesman") is someone else, and speaks as the description.
fn possessed_speaker(
    r: &Reading,
    dict: &Dictionaries,
    at: usize,
    np: &str,
    np_words: &[&str],
) -> Option<(Option<ActorSpan>, Option<String>)> {
    let det = lower_cow(np_words[0]);
    if !matches!(&*det, "his" | "her" | "their" | "its") || np_words.len() > 7 {
        return None;
    }
    let head = np_words.iter().take(3).skip(1).position(|w| speaker_noun(dict, w))? + 1;
    let body = of_class(dict, &lower_cow(np_words[head]), WordClass::OrgHead);
    let subject =
        r.main_subject().filter(|s| s.end <= at && s.person() && s.how != How::Pronoun && !r.in_quote(s.start));
    let pronoun = || r.actors.iter().find(|a| a.start == at && a.how == How::Pronoun && !a.agency());
    let referent = subject.or_else(pronoun).filter(|_| body);
    Some(match referent {
        // Named here, by their office: the saying's date and place are
        // sought around this phrase, not around the subject.
        Some(a) => (Some(ActorSpan { start: at, end: at + np.len(), ..a.clone() }), None),
        None => (None, Some(np_words[1..=head].join(" "))),
    })
}

/// "..., security officials said", "regional mediators of the bloc said":
/// a bare description in lower case, at most two modifiers before its
/// speaker's noun and a complement after it, speaks as that description.
fn bare_speakers(dict: &Dictionaries, np_words: &[&str]) -> Option<(Option<ActorSpan>, Option<String>)> {
    let head = np_words.iter().take(3).position(|w| speaker_noun(dict, w))?;
    let plain = |w: &&str| {
        let l = lower_cow(w);
        w.starts_with(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !dict.index().is_word_of(&l, Class::Determiner)
            && !dict.index().is_word_of(&l, Class::BeforeVerb)
            && !matches!(&*l, "and" | "but" | "or" | "while" | "as" | "so" | "he" | "she" | "they" | "we" | "it" | "i")
    };
    // The comma that closes the description before its verb ('"...",
    // mediators of the bloc, said') is no part of it.
    let rest = &np_words[head + 1..];
    let inner = rest.split_last().map_or(&[][..], |(_, inner)| inner);
    let complement = rest.is_empty()
        || (rest.len() <= 6
            && matches!(rest[0], "of" | "for" | "from" | "in" | "at" | "with")
            && !inner.iter().any(|w| w.ends_with([',', ';', ':'])));
    (np_words[..=head].iter().all(plain) && complement)
        .then(|| (None, Some(np_words.join(" ").trim_end_matches([',', ';', ':']).to_string())))
}

/// "His statement mentioned", "the council's communique said": a text
/// issued (`issued`) that a possessive owns speaks for its owner, a
/// possessive pronoun's referent or a name before "'s". Not a person's
/// description ("his spokesman said", "the ministry's spokesman said"):
/// a speaker's noun there speaks for itself.
fn owner_of_text<'r>(
    r: &'r Reading,
    dict: &Dictionaries,
    at: usize,
    np: &str,
    np_words: &[&str],
) -> Option<&'r ActorSpan> {
    let first = np_words.iter().take(5);
    if !first.clone().any(|w| of_class(dict, w, WordClass::Issued))
        || first.clone().any(|w| of_class(dict, w, WordClass::SpeakerNoun))
    {
        return None;
    }
    // A pronoun that opens the phrase and is not all of it determines the
    // noun after it: a possessive ("his", "their").
    let owns = |a: &&ActorSpan| {
        let pronoun = a.how == How::Pronoun && a.start == at && a.end < at + np.len();
        !a.agency() && (pronoun || a.how != How::Pronoun && possessive(r, a))
    };
    r.actors.iter().filter(|a| a.start >= at && a.end <= at + np.len()).find(owns)
}

/// "..., the UN envoy said. ... UN special envoy X said": a statement whose
/// speaker is only a definite description by a title ("the UN envoy", "the
/// Ukrainian leader") is spoken by the one person of the article given a
/// title of that head, before or after it, when every other word of the
/// description agrees with that person: a word of the title the article
/// gave ("special"), or a body or nationality that is the person's own
/// ("UN" of a United Nations envoy). Never a person of another body or
/// nationality, a description with a word the titles lack ("the former
/// envoy"), nor one that two persons of the article could answer.
///
/// A description no person of the article answers names the one person the
/// dictionary dates in a role of that head on `day`, of the body or country
/// the description names ("the U.N. envoy to Yemen" on a day the UN's
/// special envoy for Yemen is in office): of several such, the one whose
/// role names the description's complement, else `scene` (the country the
/// article is about).
pub(crate) fn name_described(
    events: &mut [Event],
    cast: &crate::extract::entities::cast::Cast,
    dict: &Dictionaries,
    day: Option<chrono::NaiveDate>,
    scene: Option<&str>,
) {
    for ev in events.iter_mut() {
        if ev.kind != Kind::Statement || !ev.actors.is_empty() {
            continue;
        }
        let Some(description) = ev.speaker.as_deref() else { continue };
        let sentence = ev.mentions.iter().map(|m| m.sentence.as_str()).find(|s| s.contains(description));
        if let Some(name) = sentence.and_then(|s| described_person(description, s, cast, dict, day, scene)) {
            ev.actors.push(EventActor { name: name.to_string(), role: Role::Speaker });
            ev.speaker = Some(name.to_string());
        }
    }
}

/// The person of `cast` a description by a title names (see `name_described`).
fn described_person<'c>(
    description: &str,
    sentence: &str,
    cast: &'c crate::extract::entities::cast::Cast,
    dict: &'c Dictionaries,
    day: Option<chrono::NaiveDate>,
    scene: Option<&str>,
) -> Option<&'c str> {
    let index = dict.index();
    // Definite only: "a spokesman said" introduces someone, "the spokesman said" refers back.
    let at = sentence.find(description)?;
    let before = sentence[..at].trim_end();
    let det = before.rsplit([' ', '"', '\u{201c}', ',']).next().unwrap_or("");
    if !det.eq_ignore_ascii_case("the") {
        return None;
    }
    // The head: the last word before a complement ("envoy" in "UN envoy to Yemen").
    let words: Vec<&str> = description.split_whitespace().collect();
    let core = words
        .iter()
        .position(|w| matches!(*w, "of" | "for" | "to" | "from" | "in" | "at" | "with" | "on"))
        .unwrap_or(words.len());
    if core == 0 || core > 4 {
        return None;
    }
    let head = words[core - 1].to_ascii_lowercase();
    if !index.word_classes(&head).any(|c| matches!(c, WordClass::Title(_))) {
        return None;
    }
    let modifiers = &words[..core - 1];
    let bare = |w: &str| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_ascii_lowercase();
    // The bodies and countries the modifiers name ("UN", "Ukrainian"), by the
    // modifier's byte range in the description.
    let found = index.names(description);
    let named = |w: &str| {
        let start = (w.as_ptr() as usize).checked_sub(description.as_ptr() as usize)?;
        let f = found.iter().find(|f| f.start <= start && start < f.end)?;
        if let Some(p) = f.adjective().or_else(|| f.place()) {
            let p = &dict.places[p];
            return Some(p.country.clone().unwrap_or_else(|| p.name.clone()));
        }
        f.actor().map(|a| dict.actors[a].name.clone())
    };
    let owners: Vec<Option<String>> = modifiers.iter().map(|w| named(w)).collect();
    let agrees = |e: &crate::extract::entities::cast::Entity| {
        let title_words = || e.titles.iter().flat_map(|t| t.split([' ', '-'])).map(bare);
        // The country the text gave the person, else the dictionary's.
        let country = e.country.as_deref().or_else(|| e.dict.and_then(|d| dict.actors[d].country.as_deref()));
        modifiers.iter().zip(&owners).all(|(w, owner)| {
            let w = bare(w);
            title_words().any(|t| t == w)
                || index.is_word_of(&w, Class::TitleModifier)
                // "the top Iranian diplomat": a word of a role's other name.
                || index.role_by_alias(&[&w, &head]).is_some()
                || owner.as_deref().is_some_and(|o| country.is_some_and(|c| c.eq_ignore_ascii_case(o)))
        })
    };
    // "the diplomat": a title of its kind ("ambassador-at-large") makes one.
    let kinds = index.title_kinds(&head);
    let of_kind = |t: &str| {
        crate::extract::reading::title_head(t) == head || {
            let padded = format!(" {} ", t.replace('-', " "));
            kinds.iter().any(|k| padded.contains(&format!(" {k} ")))
        }
    };
    let mut holders =
        cast.entities.iter().filter(|e| e.kind == EntityKind::Person && e.titles.iter().any(|t| of_kind(t))).peekable();
    if holders.peek().is_none() {
        return dated_holder(&words, core, &owners, dict, day, scene);
    }
    // "the Ukrainian leader" of an article with a German chancellor too:
    // the one holder the description's words agree with.
    let mut agreeing = holders.filter(|e| agrees(e));
    let first = agreeing.next()?;
    agreeing.next().is_none().then_some(&first.name)
}

/// The person the dictionary dates on `day` in a role whose head is the
/// description's (`words[..core]`, its complement after), of the body or
/// country its modifiers name (`owners`, at least one), every other
/// modifier a word of the role: the only one, else the only one whose role
/// names the complement's place or `scene`.
fn dated_holder<'d>(
    words: &[&str],
    core: usize,
    owners: &[Option<String>],
    dict: &'d Dictionaries,
    day: Option<chrono::NaiveDate>,
    scene: Option<&str>,
) -> Option<&'d str> {
    let head = words[core - 1].to_ascii_lowercase();
    // "United Nations envoy": the words of one name name one owner.
    let mut body: Vec<&str> = owners.iter().flatten().map(String::as_str).collect();
    body.dedup();
    let [owner] = body[..] else { return None };
    let lower: Vec<String> = words[..core - 1]
        .iter()
        .zip(owners)
        .filter(|(_, o)| o.is_none())
        .map(|(w, _)| w.to_ascii_lowercase())
        .collect();
    // A capitalised word that names nothing known ("Gulf envoy") agrees with nothing.
    if words[..core - 1].iter().zip(owners).any(|(w, o)| o.is_none() && w.starts_with(char::is_uppercase)) {
        return None;
    }
    let (lower, head) = (&lower, &head);
    let roles = |a: &'d crate::dict::Actor| {
        a.roles.iter().filter(move |r| {
            r.holds_on(day)
                && crate::extract::reading::title_head(&r.title) == head.as_str()
                && lower.iter().all(|w| r.title.split([' ', '-']).any(|t| t == w))
        })
    };
    let holders: Vec<&crate::dict::Actor> = dict
        .actors
        .iter()
        .filter(|a| a.kind == crate::dict::ActorKind::Person)
        .filter(|a| a.country.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(owner)))
        .filter(|a| roles(a).next().is_some())
        .collect();
    if let [one] = holders[..] {
        return Some(&one.name);
    }
    // "for yemen" in the role: the complement's place, else the article's country.
    let complement = words[core..].iter().skip(1).copied().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
    let place = if complement.is_empty() { scene.map(str::to_ascii_lowercase) } else { Some(complement) };
    let place = place?;
    let mut posted = holders.iter().filter(|a| {
        roles(a).any(|r| {
            let t = &r.title;
            [" for ", " to ", " on ", " in "].iter().any(|p| t.find(p).is_some_and(|k| t[k + p.len()..] == *place))
        })
    });
    let one = posted.next()?;
    posted.next().is_none().then_some(&one.name)
}
