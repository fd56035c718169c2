//! Golden unit records: a sentence and a publication date, and the coding expected from them.

use crate::dict::Dictionaries;
use crate::extract::reading::*;
use crate::extract::rules::statement::clause_start;
use crate::model::{Article, Event, Kind, Qualifier, Status};

pub(super) fn events(text: &str, published: &str) -> Vec<Event> {
    let dict = Dictionaries::builtin().unwrap();
    let article = Article {
        name: "t".into(),
        text: text.into(),
        published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        ..Default::default()
    };
    crate::extract::extract(&article, &dict).events
}

pub(super) fn of(evs: &[Event], kind: Kind) -> Vec<&Event> {
    evs.iter().filter(|e| e.kind == kind).collect()
}

#[test]
fn clause_start_agrees_with_a_search_for_each_separator() {
    let slow = |t: &str| {
        [", and ", ", but ", "; ", ", "].iter().filter_map(|sep| t.rfind(sep).map(|k| k + sep.len())).max().unwrap_or(0)
    };
    for t in [
        "",
        "no separator here",
        "Lavrov, and the minister",
        "a, b; c, but d",
        "a; b, and",
        "x, and y, z",
        "trailing comma,",
        "one, andrew",
        "\u{e9}t\u{e9}, but \u{e9}",
    ] {
        assert_eq!(clause_start(t), slow(t), "{t:?}");
    }
}

#[test]
fn clause_breaks_agree_with_a_lower_case_search() {
    let old = |gap: &str| {
        let lower = gap.to_lowercase();
        [" that ", " which ", " who ", ";", " but ", " said", " says", " while ", " when ", " whether ", "\u{2014}"]
            .iter()
            .any(|w| lower.contains(w))
    };
    for gap in [
        " met ",
        " met THAT day ",
        " and Lavrov, who ",
        "; ",
        " in Geneva \u{2014} ",
        " Said ",
        " saidthat",
        " whethe",
        " thatch ",
        " on Friday, But ",
        " Wh\u{130}le ",
        "",
    ] {
        assert_eq!(separates_clauses(gap), old(gap), "{gap:?}");
    }
}

#[test]
fn statement_by_a_surname_ending_in_is_before_told_reporters() {
    let evs = events("\"We want peace,\" Kassis told reporters on Tuesday.", "2016-04-20");
    let st = of(&evs, Kind::Statement);
    assert_eq!(st.len(), 1, "{evs:?}");
    assert_eq!(st[0].quote.as_deref(), Some("We want peace,"));
}

#[test]
fn statement_with_speaker_after_the_quote() {
    let evs = events("\"We will go to Geneva,\" said Moallem.", "2014-01-17");
    let st = of(&evs, Kind::Statement);
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].speaker.as_deref(), Some("Walid al-Moallem"));
    assert_eq!(st[0].quote.as_deref(), Some("We will go to Geneva,"));
}

#[test]
fn negated_speech_is_no_statement() {
    let evs = events("The Russian Foreign Ministry declined to comment on the visit.", "2013-11-15");
    assert!(of(&evs, Kind::Statement).is_empty());
}

#[test]
fn news_agency_is_not_the_speaker() {
    let evs = events("Lavrov said on Friday that talks must go on, RIA Novosti reported.", "2012-12-28");
    let st = of(&evs, Kind::Statement);
    assert_eq!(st[0].speaker.as_deref(), Some("Sergei Lavrov"));
    assert_eq!(st[0].date.map(|d| d.labels().0).as_deref(), Some("2012-12-28"));
}

fn place_of(text: &str, kind: Kind) -> Option<String> {
    of(&events(text, "2013-11-15"), kind).first().and_then(|e| e.place.clone())
}

#[test]
fn the_country_capital_is_its_capital_city() {
    let p = place_of("Lavrov met Brahimi in the Russian capital on Saturday.", Kind::Talks);
    assert_eq!(p.as_deref(), Some("Moscow"));
    let p = place_of("Kerry will travel to the Turkish capital next week.", Kind::Visit);
    assert_eq!(p.as_deref(), Some("Ankara"));
    let p = place_of("Kerry will travel to Jordan's capital next week.", Kind::Visit);
    assert_eq!(p.as_deref(), Some("Amman"));
    let p = place_of("Lavrov held talks with Zarif in the capital of Iran on Monday.", Kind::Talks);
    assert_eq!(p.as_deref(), Some("Tehran"));
    // A bare "the capital": the capital of the country the article is about.
    let text = "Fighting goes on in Syria.\nBrahimi met Moallem in the capital on Monday.";
    assert_eq!(place_of(text, Kind::Talks).as_deref(), Some("Damascus"));
}

#[test]
fn a_named_capital_stays_itself_and_other_capitals_are_no_place() {
    let p = place_of("Lavrov met Brahimi in the Russian capital, Moscow, on Saturday.", Kind::Talks);
    assert_eq!(p.as_deref(), Some("Moscow"));
    let p = place_of("Lavrov met Brahimi on Saturday, spending political capital.", Kind::Talks);
    assert_eq!(p, None);
}

#[test]
fn a_bare_description_names_the_last_actor_it_fits() {
    let text = "Lavrov met Brahimi in Moscow on Saturday.\n\"We agreed on the date,\" the minister said.";
    let evs = events(text, "2013-11-15");
    let st = of(&evs, Kind::Statement);
    assert_eq!(st[0].speaker.as_deref(), Some("Sergei Lavrov"));
    let text = "Lavrov met Brahimi in Moscow on Saturday.\nThe envoy said the talks would go ahead.";
    let st = of(&events(text, "2013-11-15"), Kind::Statement).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(st[0].speaker.as_deref(), Some("Lakhdar Brahimi"));
    let text = "Syria's opposition National Coalition met in Istanbul.\nThe coalition said it would attend.";
    let st = of(&events(text, "2013-11-15"), Kind::Statement).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(st[0].speaker.as_deref(), Some("Syrian National Coalition"));
}

#[test]
fn a_description_that_fits_no_one_names_no_one() {
    let text = "Lavrov met Brahimi in Moscow on Saturday.\nThe president said the talks would go ahead.";
    let st = of(&events(text, "2013-11-15"), Kind::Statement).into_iter().cloned().collect::<Vec<_>>();
    assert_ne!(st.first().and_then(|e| e.speaker.as_deref()), Some("Sergei Lavrov"));
}

#[test]
fn the_reporter_of_talks_is_not_a_participant() {
    let evs =
        events("Lavrov and Kerry held talks in Geneva on Friday, the Syrian Foreign Ministry said.", "2013-11-15");
    let talks = of(&evs, Kind::Talks);
    let names: Vec<&str> = talks[0].actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Sergei Lavrov", "John Kerry"]);
}

#[test]
fn visitor_after_a_fronted_trip_is_the_person_not_the_body() {
    let text =
        "Speaking after a trip to a refugee camp in Iraq, U.N. Secretary-General Ban Ki-moon said aid must flow.";
    let evs = events(text, "2014-01-17");
    let v = of(&evs, Kind::Visit);
    assert_eq!(v[0].actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Ban Ki-moon"]);
    assert_eq!(v[0].place.as_deref(), Some("Iraq"));
}

fn tolls_of(text: &str) -> Vec<(u64, Option<String>, Option<String>)> {
    of(&events(text, "2013-11-15"), Kind::DeathToll)
        .iter()
        .map(|e| (e.count.unwrap_or(0), e.place.clone(), e.date.map(|d| d.labels().0)))
        .collect()
}

#[test]
fn two_tolls_in_one_sentence_each_with_its_own_place_and_date() {
    let t = tolls_of("At least 20 people were killed in Aleppo on Friday, while 15 soldiers died in Homs on Thursday.");
    let want = [(20, Some("Aleppo"), Some("2013-11-15")), (15, Some("Homs"), Some("2013-11-14"))];
    assert_eq!(t, want.map(|(c, p, d)| (c, p.map(String::from), d.map(String::from))));
    let t = tolls_of("Activists said 30 people were killed in Aleppo and 12 people were killed in Idlib on Friday.");
    let want = [(30, Some("Aleppo"), Some("2013-11-15")), (12, Some("Idlib"), Some("2013-11-15"))];
    assert_eq!(t, want.map(|(c, p, d)| (c, p.map(String::from), d.map(String::from))));
}

#[test]
fn a_count_that_breaks_a_toll_down_is_no_toll() {
    let t = tolls_of("More than 40 people were killed in Homs on Friday, including 10 children and 5 women.");
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].0, 40);
}

/// Found by tests/properties.rs: the first actor of the subject was
/// measured against itself, and its start minus its own end underflowed.
#[test]
fn visitor_subject_distance_does_not_underflow() {
    let evs = events("visit \"an, Kerry ", "2014-01-17");
    assert!(evs.iter().all(|e| e.kind != Kind::Visit || e.actors.iter().all(|a| a.name == "John Kerry")));
}

#[test]
fn planned_talks_take_place_and_future_weekday() {
    let evs = events("A Syrian delegation is due to meet officials in Moscow on Monday.", "2013-11-15");
    let t = of(&evs, Kind::Talks);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].status, Status::Planned);
    assert_eq!(t[0].place.as_deref(), Some("Moscow"));
    assert_eq!(t[0].date.map(|d| d.labels().0).as_deref(), Some("2013-11-18"));
}

#[test]
fn repeated_references_to_one_meeting_are_one_event() {
    let text =
        "The NCC plans to hold a conference in Rome on Dec. 17-18.\nManna said Russia agreed to attend the conference.";
    let t = events(text, "2012-11-29").into_iter().filter(|e| e.kind == Kind::Talks).collect::<Vec<_>>();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].mentions.len(), 2);
    assert_eq!(t[0].date.map(|d| d.labels()), Some(("2012-12-17".into(), Some("2012-12-18".into()))));
}

#[test]
fn death_toll_with_qualifier_and_cumulative_period() {
    let evs = events("Activists say more than 40,000 people have been killed since March 2011.", "2012-12-28");
    let d = of(&evs, Kind::DeathToll);
    assert_eq!((d[0].count, d[0].qualifier, d[0].cumulative), (Some(40000), Some(Qualifier::MoreThan), true));
}

#[test]
fn percentages_and_durations_are_not_tolls() {
    let evs = events("The group claims 80 percent of fighters, and two years of war killed hope.", "2012-12-28");
    assert!(of(&evs, Kind::DeathToll).is_empty());
}

#[test]
fn capital_as_subject_is_not_the_toll_place() {
    let evs =
        events("Damascus is to blame for the unrest that has left over 120,000 people dead in Syria.", "2014-01-17");
    assert_eq!(of(&evs, Kind::DeathToll)[0].place.as_deref(), Some("Syria"));
}

/// `Reading::clause_break` reads the breaks `clause_breaks` found once; it
/// must answer as `separates_clauses` of the gap does, for every gap.
#[test]
fn clause_breaks_found_once_agree_with_separates_clauses() {
    for st in [
        "Lavrov met Kerry; the two men, who spoke \u{2014} briefly \u{2014} said that talks WHICH began",
        "Officials Said the envoy, while in Geneva, asked whether But that was over; when",
        "The Wh\u{130}le saidthat thatch whethe",
        "",
    ] {
        let breaks = clause_breaks(st);
        let ends: Vec<usize> = (0..=st.len()).filter(|&i| st.is_char_boundary(i)).collect();
        for &a in &ends {
            for &b in ends.iter().filter(|&&b| b >= a) {
                let found = breaks.iter().any(|&(s, e)| a <= s && e <= b);
                assert_eq!(found, separates_clauses(&st[a..b]), "{:?}", &st[a..b]);
            }
        }
    }
}
