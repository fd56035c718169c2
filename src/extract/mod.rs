//! Extraction: one article and the dictionaries in, its events out.
//! Pure: no I/O, no clock. The stages run in order:
//! clean → sentences → reading (entities, dates, quotes) → rules → merge.

pub mod clean;
pub mod dates;
pub mod entities;
pub mod merge;
pub mod reading;
pub mod rules;
pub mod sentences;
pub mod tokens;

use crate::dict::Dictionaries;
use crate::model::{Article, DateOrigin, Event, Extraction};

/// Extracts the events an article reports.
pub fn extract(article: &Article, dict: &Dictionaries) -> Extraction {
    let cleaned = clean::clean(&article.text, &dict.furniture);
    let (published, published_origin) = match article.published {
        Some(d) => (Some(d), DateOrigin::Given),
        None => match dates::find_publication_date(&article.text, &dict.dates) {
            Some(d) => (Some(d), DateOrigin::Text),
            None => (None, DateOrigin::Unknown),
        },
    };
    let sentences = sentences::split(&cleaned.text);
    let anchor = dates::Anchor { published, day_first: false };
    let mut events = events(&cleaned.text, &sentences, dict, &anchor, cleaned.title.as_deref());
    place_by_captions(&mut events, &cleaned.captions, dict, &anchor);
    Extraction {
        title: article.title.clone().or(cleaned.title),
        clean_text: cleaned.text,
        published,
        published_origin,
        events,
    }
}

/// The city of the story's dateline ("GENEVA — ...", "Moscow, Jan 17
/// (Reuters) -"): a place that opens one of the first sentences of the
/// body, in capitals or before a dash or a comma.
fn dateline(
    text: &str,
    sentences: &[sentences::Sentence],
    scans: &[entities::Scan],
    dict: &Dictionaries,
    title: Option<&sentences::Sentence>,
) -> Option<String> {
    sentences.iter().zip(scans).filter(|(s, _)| Some(*s) != title).take(3).find_map(|(s, scan)| {
        let st = s.text(text);
        // "August 15, 2015 (ADDIS ABABA) – ...": the city in capitals in
        // brackets after the date, before a dash.
        let bracketed = |f: &&entities::Found| {
            let word = &st[f.start..f.end];
            let after = st[f.end..].strip_prefix(')').map(str::trim_start);
            f.start < 40
                && st[..f.start].ends_with('(')
                && after.is_some_and(|a| a.starts_with(['\u{2014}', '\u{2013}', '-']))
                && !word.chars().any(char::is_lowercase)
        };
        let f = scan.names.iter().find(|f| f.place().is_some() && (f.start == 0 || bracketed(f)))?;
        let word = &st[f.start..f.end];
        let rest = st[f.end..].trim_start_matches(')').trim_start();
        let capitals = word.len() > 2 && !word.chars().any(char::is_lowercase);
        let marked = rest.starts_with(['\u{2014}', '\u{2013}', '-']) || rest.starts_with(',');
        let place = f.place()?;
        (capitals || (marked && rest.len() > 20)).then(|| dict.places[place].name.clone())
    })
}

/// Talks held with no place any report gives, that a photo caption shows
/// one of their participants at ("X (R) receives Y in Colombo yesterday",
/// "X shakes hands with Y ... at the United Nations headquarters Sunday"):
/// held at the caption's place. Only a meeting held in the story's days
/// (a file photo shows an older one), by a participant the caption names.
fn place_by_captions(events: &mut [Event], captions: &[String], dict: &Dictionaries, anchor: &dates::Anchor) {
    use crate::model::{Kind, Status};
    if captions.is_empty() {
        return;
    }
    let index = dict.index();
    let venues: Vec<(&str, &str)> = captions
        .iter()
        .filter(|c| !c.split(|ch: char| !ch.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case("file")))
        .filter_map(|c| caption_venue(c, dict, index).map(|v| (c.as_str(), v)))
        .collect();
    if venues.is_empty() {
        return;
    }
    for e in events.iter_mut() {
        let recent = match (e.date, anchor.published) {
            (Some(d), Some(p)) => d.end <= p && (p - d.start).num_days() <= 3,
            (None, _) => true,
            _ => false,
        };
        if e.kind != Kind::Talks || e.place.is_some() || e.status != Status::Happened || !recent {
            continue;
        }
        let shown = venues.iter().find(|(caption, _)| e.actors.iter().any(|a| names_person(caption, &a.name)));
        if let Some((_, venue)) = shown {
            e.place = Some((*venue).to_string());
        }
    }
}

/// The place a caption shows its subject at: the first place of the
/// dictionary after "in" or "at" ("in Colombo"), or the headquarters of a
/// body after "at" ("at the United Nations headquarters").
fn caption_venue<'d>(caption: &str, dict: &'d Dictionaries, index: &entities::Index) -> Option<&'d str> {
    let scan = index.scan(caption);
    scan.names.iter().find_map(|f| {
        let before = caption[..f.start].trim_end();
        let before = before.strip_suffix("the").map_or(before, str::trim_end);
        let b = before.as_bytes();
        let ends = |p: &[u8]| b.len() >= p.len() && b[b.len() - p.len()..].eq_ignore_ascii_case(p);
        match (f.place(), f.actor()) {
            (Some(place), _) if ends(b" in") || ends(b" at") => Some(dict.places[place].name.as_str()),
            (None, Some(actor)) if ends(b" at") => rules::headquarters_of(dict, index.actor_name(actor)),
            _ => None,
        }
    })
}

/// Whether a caption names the person `name`: its last word, a surname of
/// four letters or more, stands in the caption as a word of its own.
fn names_person(caption: &str, name: &str) -> bool {
    let mut words = name.split_whitespace();
    let (Some(_), Some(last)) = (words.next(), name.split_whitespace().next_back()) else { return false };
    if words.next().is_none() || last.len() < 4 || !last.starts_with(char::is_uppercase) {
        return false;
    }
    caption.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w == last)
}

/// The one country a visit's travellers all belong to, and whether a person
/// the dictionary knows by name is among them: "US envoy returns to Doha"
/// (the United States, described) and "Khalilzad has returned to Doha" (a
/// person of the United States) tell of one trip.
fn travellers_side(c: &rules::Candidate, dict: &Dictionaries, index: &entities::Index) -> Option<(String, bool)> {
    let mut side: Option<&str> = None;
    let mut person = false;
    for a in &c.event.actors {
        let country = match index.actor_named(&a.name) {
            Some(i) => {
                person |= dict.actors[i].kind == crate::dict::ActorKind::Person;
                index.actor_country(i).map(|c| &**c)
            }
            None => c.described.iter().find(|(_, written)| *written == a.name).map(|(sender, _)| sender.as_str()),
        };
        match (country, side) {
            (None, _) => return None,
            (Some(x), Some(y)) if x != y => return None,
            (Some(x), _) => side = Some(x),
        }
    }
    side.map(|s| (s.to_string(), person))
}

/// Whether an actor is a person: the dictionary says so for a name it
/// knows, the article's cast for one it does not.
fn is_person(name: &str, cast: &entities::cast::Cast, dict: &Dictionaries, index: &entities::Index) -> bool {
    match index.actor_named(name) {
        Some(i) => dict.actors[i].kind == crate::dict::ActorKind::Person,
        None => cast.named(name).is_some_and(|i| cast.get(i).kind == entities::cast::EntityKind::Person),
    }
}

/// How many of an article's first sentences may be story highlights.
const HIGHLIGHT_LINES: usize = 12;

/// How many sentences of an article are read ahead of the rest (see `events`).
const LEAD: usize = 64;

/// The events of an article's cleaned text; `title` is its headline, whose
/// events join the body's reports of the same events.
pub fn events(
    text: &str,
    sentences: &[sentences::Sentence],
    dict: &Dictionaries,
    anchor: &dates::Anchor,
    title: Option<&str>,
) -> Vec<Event> {
    let index = dict.index();
    // The lead of the article is read ahead: its country, its dateline and
    // the names it introduces (so that a headline's surname finds the name
    // given in full further down). The rest is read sentence by sentence,
    // so that memory stays bounded however long the article.
    let lead = sentences.len().min(LEAD);
    let texts: Vec<&str> = sentences[..lead].iter().map(|s| s.text(text)).collect();
    let scans: Vec<entities::Scan> = texts.iter().map(|t| index.scan(t)).collect();
    let countries = reading::main_country(text, &sentences[..lead], &scans, dict);
    let title_end = sentences.iter().take(3).find(|s| Some(s.text(text)) == title);
    let dateline = dateline(text, sentences, &scans, dict, title_end);
    // Where the article's events happen when it says of none: the country of
    // its fighting, when every place it names as where something is or goes
    // ("in X", "to a city of X"), and its dateline, lie in that country. A
    // nationality ("UK envoy") or a title ("Envoy for X") places nothing.
    let dateline_country =
        dateline.as_deref().and_then(|d| index.place_named(d)).and_then(|p| dict.places[p].country.as_ref());
    let scene = countries.war.clone().filter(|war| {
        countries.located.iter().all(|c| c == war)
            && !countries.located.is_empty()
            && dateline_country.is_none_or(|c| c == war)
    });
    let mut state =
        reading::ArticleState { main_country: countries.main, war_country: countries.war, ..Default::default() };
    let mut lowered = String::new();
    let toks = tokens::tokenize_all(&texts, &mut lowered);
    let marks: Vec<reading::Marks> =
        texts.iter().zip(&toks).zip(&scans).map(|((st, k), scan)| reading::mark(st, k, scan, dict, index)).collect();
    let names = reading::introduce(&texts, &toks, &scans, &marks, dict, index, &mut state.cast);
    let mut ahead = scans.into_iter().zip(toks).zip(marks).zip(names);
    let mut buffer = String::new();
    let mut merger = merge::Merger::default();
    let mut candidates = Vec::new();
    for (n, s) in sentences.iter().enumerate() {
        let st = s.text(text);
        let (((scan, toks), marks), names) = match ahead.next() {
            Some(read_ahead) => read_ahead,
            None => {
                let scan = index.scan(st);
                let toks = tokens::tokenize(st, &mut buffer);
                let marks = reading::mark(st, &toks, &scan, dict, index);
                let names = reading::names_of(st, &toks, &scan, &marks, dict);
                (((scan, toks), marks), names)
            }
        };
        let mut reading = reading::read(text, s, toks, scan, marks, names, dict, index, anchor, &mut state);
        let in_title = title_end.is_some_and(|t| t == s);
        reading.title = in_title;
        rules::statement::statement(&reading, dict, anchor, &mut state, &mut candidates);
        rules::talks::talks(&reading, dict, anchor, &state, &mut candidates);
        rules::visit::visits(&reading, dict, anchor, &state, &mut candidates);
        rules::toll::tolls(&reading, dict, anchor, &state, &mut candidates);
        rules::days_after(&reading, dict, anchor, &mut candidates);
        rules::trip_purposes(&reading, &mut candidates);
        // A headline's events take their dates from the body they restate.
        if !in_title {
            rules::reported_day(&mut candidates);
        }
        // "• X said a month ago ...", "*Y is a step to peace, says Z": a
        // story highlight above the body restates a statement of the body,
        // as the headline does.
        let highlight = n < HIGHLIGHT_LINES && st.starts_with(['\u{2022}', '*', '\u{25aa}', '\u{25a0}']);
        for c in &mut candidates {
            c.in_title = in_title || highlight && c.event.kind == crate::model::Kind::Statement;
            // The country a place lies in: from the dictionary's places,
            // else from the world gazetteer ("Porto" is in Portugal).
            c.within = c
                .event
                .place
                .as_deref()
                .and_then(|p| match index.place_named(p) {
                    Some(i) => dict.places[i].country.clone(),
                    None => dict.gazetteer.lookup(p).next().map(|g| g.country.to_string()),
                })
                // A venue the dictionaries do not know lies where its
                // apposition says ("at X House, a guest house in Washington").
                .or_else(|| {
                    c.event
                        .place
                        .as_deref()
                        .and_then(|p| rules::apposed_location(&reading, dict, p))
                        .map(|q| q.name.to_string())
                })
                .filter(|country| Some(country) != c.event.place.as_ref());
            if c.event.kind == crate::model::Kind::Visit {
                c.side = travellers_side(c, dict, index);
            }
            if c.event.kind == crate::model::Kind::Talks {
                for a in &c.event.actors {
                    if is_person(&a.name, &state.cast, dict, index) {
                        merger.person(&a.name);
                    }
                }
            }
        }
        merger.add(std::mem::take(&mut candidates));
        reading::remember(&reading, &mut state);
    }
    let mut events = merger.finish(anchor, dateline.as_deref());
    // "Rival parties in X's war opened talks. The government and the rebels
    // agreed ...": talks told where the article named the sides before it set
    // them are between the two it set right after.
    for e in events.iter_mut().filter(|e| e.kind == crate::model::Kind::Talks) {
        for (at, a, b) in &state.late_sides {
            if e.mentions.iter().any(|m| m.start == *at) {
                for name in [a, b] {
                    if !e.actors.iter().any(|x| *x.name == **name) {
                        let role = crate::model::Role::Participant;
                        e.actors.push(crate::model::EventActor { name: name.to_string(), role });
                    }
                }
            }
        }
    }
    let scene_country = state.war_country.as_deref().or(state.main_country.as_deref());
    rules::statement::name_described(&mut events, &state.cast, dict, anchor.published, scene_country);
    // A place is reported as the article spells it when that is only a
    // variant of the dictionary's spelling ("Naypyitaw"): the reader of the
    // timeline finds the article's word.
    for e in &mut events {
        // "mediating since a visit by Prime Minister X last week": a trip
        // whose destination the article never gives went where the article
        // is set.
        if e.kind == crate::model::Kind::Visit && e.place.is_none() && e.status == crate::model::Status::Happened {
            e.place.clone_from(&scene);
        }
        // "ABIDJAN — African leaders ended meetings in Ivory Coast
        // yesterday": a meeting or trip of the story's days placed only at
        // the country the dateline's city lies in was held in that city,
        // where the story is told from.
        if matches!(e.kind, crate::model::Kind::Talks | crate::model::Kind::Visit)
            && e.status == crate::model::Status::Happened
            && e.place.is_some()
            && e.place.as_ref() == dateline_country
            && e.date.zip(anchor.published).is_some_and(|(d, p)| d.end <= p && (p - d.start).num_days() <= 2)
        {
            e.place.clone_from(&dateline);
        }
        if let Some(written) = e.place.as_deref().and_then(|p| state.written_spelling(p)) {
            e.place = Some(written.to_string());
        }
    }
    events
}
