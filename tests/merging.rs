//! One event, many reports: the same event reported by several articles is
//! one event with a report from each (issue 16). Invented articles, one rule
//! each; the order of ingestion, replacing an article, `show`, and a database
//! from before reports.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

const TALKS_A: &str = "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on \
                       Monday to discuss a ceasefire in Syria.\n";
const TALKS_B: &str = "U.S. Secretary of State John Kerry held talks with Russian Foreign Minister Sergei Lavrov in \
                       Geneva on Monday, the State Department said.\n";
const TALKS_OTHERS: &str =
    "Iranian Foreign Minister Mohammad Javad Zarif met Chinese Foreign Minister Wang Yi in Beijing on Monday.\n";
const PLANNED: &str = "John Kerry will meet Sergei Lavrov in Geneva on Friday, a spokesman said.\n";
const HAPPENED: &str = "John Kerry met Sergei Lavrov in Geneva on Friday.\n";
const LAVROV_TWO_THINGS: &str = "Russian Foreign Minister Sergei Lavrov said on Friday that the ceasefire in Aleppo \
                                 must hold and that all sides should respect the truce.\n\nLavrov also said on Friday \
                                 that Russia would send humanitarian convoys with food and medicine to Homs next month.\n";
const LAVROV_ONE: &str =
    "Sergei Lavrov said on Friday that the fragile ceasefire in Aleppo must hold, urging all sides \
                          to respect the truce.\n";
const VOICE: &str = "Sergei Lavrov said on Friday that the organisers had to bring all parties connected with the \
                 military struggle to speak with one voice, because then the groups inside would understand their duty.\n";
const SUPPORT: &str =
    "Sergei Lavrov said on Friday that the participants agreed to provide no further military support \
                   to the warring parties while the truce lasts.\n";
const GROUP_WORD: &str =
    "The Free Syrian Army welcomed the humanitarian truce on Friday, calling it a chance to deliver aid \
                 to besieged towns.\n";
const SPOKESMAN_WORD: &str =
    "In Idlib, a spokesman for the Free Syrian Army group welcomed the announcement of a humanitarian truce.\n";
const TOLL_45: &str = "A car bomb in Aleppo killed 45 people on Monday.\n";
const TOLL_52: &str = "At least 52 people were killed by a car bomb in Aleppo on Monday, activists said.\n";

/// An article: file name, publication date, outlet, text.
type Art<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Writes `articles` into DIR/NAME with an index.tsv; returns the folder.
fn folder(dir: &Path, name: &str, articles: &[Art<'_>]) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    let mut index = String::from("file\tpublished\tsource\n");
    for (file, published, source, text) in articles {
        std::fs::write(folder.join(file), text).unwrap();
        index.push_str(&format!("{file}\t{published}\t{source}\n"));
    }
    std::fs::write(folder.join("index.tsv"), index).unwrap();
    folder
}

/// Ingests one article file into DB, as the scorer does, with its date and outlet.
fn ingest_one(dir: &Path, db: &Path, folder: &Path, (file, published, source, _): Art<'_>) {
    let out = bare(dir)
        .arg("--db")
        .arg(db)
        .args(["ingest", "--published", published, "--source", source])
        .arg(folder.join(file))
        .output()
        .unwrap();
    assert!(out.status.success(), "{file}: {}", stderr(&out));
}

/// Writes `articles` into DIR/in and ingests them one by one into DIR/t.db: (folder, database).
fn ingest_each(dir: &Path, articles: &[Art<'_>]) -> (PathBuf, PathBuf) {
    let f = folder(dir, "in", articles);
    let db = dir.join("t.db");
    for a in articles {
        ingest_one(dir, &db, &f, *a);
    }
    (f, db)
}

fn export(dir: &Path, db: &Path) -> Vec<Value> {
    let out = bare(dir).arg("--db").arg(db).args(["export", "events", "--format", "jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The articles an exported event cites.
fn articles(event: &Value) -> BTreeSet<String> {
    event["mentions"].as_array().unwrap().iter().map(|m| m["article"].as_str().unwrap().to_string()).collect()
}

fn kind<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["kind"] == kind).collect()
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn talks_reported_by_two_outlets_are_one_event_and_other_participants_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let arts = [
        ("a.txt", "2013-11-20", "Reuters", TALKS_A),
        ("b.txt", "2013-11-20", "AFP", TALKS_B),
        ("c.txt", "2013-11-20", "AP", TALKS_OTHERS),
    ];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let talks = kind(&events, "talks");
    assert_eq!(talks.len(), 2, "{talks:#?}");
    let merged = talks.iter().find(|e| articles(e).len() == 2).expect("the Geneva talks as one event");
    assert_eq!(articles(merged), names(&["a.txt", "b.txt"]));
    assert_eq!(merged["sources"], 2);
    assert_eq!(merged["date"], "2013-11-18");
    assert_eq!(merged["place"], "Geneva");
    assert!(talks.iter().any(|e| articles(e) == names(&["c.txt"])), "Zarif and Wang Yi are other talks");
}

const TALKS_GOVERNMENT: &str = "The Syrian government held talks with the opposition in Geneva on Monday.\n";
const TALKS_COUNTRY: &str = "Syria and Turkey held talks on Monday, officials said.\n";
const TALKS_OTHER_GOVERNMENT: &str = "The Iraqi government held talks with Jordan on Monday.\n";

#[test]
fn talks_of_a_government_meet_talks_that_name_its_country() {
    let dir = tempfile::tempdir().unwrap();
    let arts = [
        ("g1.txt", "2016-02-16", "Reuters", TALKS_GOVERNMENT),
        ("g2.txt", "2016-02-16", "AFP", TALKS_COUNTRY),
        ("g3.txt", "2016-02-16", "AP", TALKS_OTHER_GOVERNMENT),
    ];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let talks = kind(&events, "talks");
    assert_eq!(talks.len(), 2, "{talks:#?}");
    assert!(
        talks.iter().any(|e| articles(e) == names(&["g1.txt", "g2.txt"])),
        "the Syrian government is Syria: {talks:#?}"
    );
    assert!(talks.iter().any(|e| articles(e) == names(&["g3.txt"])), "Iraq's government is not Syria's");
}

const MET_FRIDAY: &str = "Russian Foreign Minister Sergei Lavrov met Iranian Foreign Minister Mohammad Javad Zarif \
                           in Vienna on Friday.\n";
const ATTEND_HEADLINE: &str = "Zarif, Lavrov attend talks\n\nDiplomats worked late into the night.\n";

#[test]
fn undated_talks_that_took_place_meet_talks_of_the_day_before_publication() {
    let dir = tempfile::tempdir().unwrap();
    // Friday 2015-10-30; the headline, undated, in Saturday's and in Monday's paper.
    let arts = [
        ("w1.txt", "2015-10-30", "Reuters", MET_FRIDAY),
        ("w2.txt", "2015-10-31", "AFP", ATTEND_HEADLINE),
        ("w3.txt", "2015-11-02", "AP", ATTEND_HEADLINE),
    ];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let talks = kind(&events, "talks");
    assert!(talks.iter().any(|e| articles(e) == names(&["w1.txt", "w2.txt"])), "{talks:#?}");
    assert!(talks.iter().any(|e| articles(e) == names(&["w3.txt"])), "three days later: {talks:#?}");
}

#[test]
fn a_planned_meeting_never_merges_with_one_that_happened() {
    let dir = tempfile::tempdir().unwrap();
    // The same Friday, 2013-11-22: announced on Thursday, reported on Saturday.
    let arts = [("d.txt", "2013-11-21", "AP", PLANNED), ("e.txt", "2013-11-23", "AFP", HAPPENED)];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let talks = kind(&events, "talks");
    assert_eq!(talks.len(), 2, "{talks:#?}");
    assert!(talks.iter().all(|e| articles(e).len() == 1 && e["date"] == "2013-11-22"), "{talks:#?}");
}

#[test]
fn statements_by_one_speaker_on_one_day_merge_only_when_they_say_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let arts = [("s1.txt", "2016-02-13", "TASS", LAVROV_TWO_THINGS), ("s2.txt", "2016-02-13", "AFP", LAVROV_ONE)];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let statements = kind(&events, "statement");
    assert_eq!(statements.len(), 2, "{statements:#?}");
    let merged = statements.iter().find(|e| articles(e).len() == 2).expect("the ceasefire statement as one event");
    let sentences: Vec<&str> =
        merged["mentions"].as_array().unwrap().iter().map(|m| m["sentence"].as_str().unwrap()).collect();
    assert!(sentences.iter().all(|s| s.contains("ceasefire")), "{sentences:?}");
    let alone = statements.iter().find(|e| articles(e).len() == 1).unwrap();
    assert!(alone["mentions"][0]["sentence"].as_str().unwrap().contains("convoys"));
}

/// Two things one speaker said on one day, sharing two common words
/// ("military", "parties") among a dozen each, stay two: the shared terms
/// must be a sizeable share of the shorter report's.
#[test]
fn two_remarks_of_one_speaker_sharing_two_common_words_stay_two() {
    let dir = tempfile::tempdir().unwrap();
    let voice = VOICE;
    let support = SUPPORT;
    let arts = [("v1.txt", "2016-02-13", "TASS", voice), ("v2.txt", "2016-02-13", "AFP", support)];
    let (_, db) = ingest_each(dir.path(), &arts);
    let statements = export(dir.path(), &db);
    let statements = kind(&statements, "statement");
    assert_eq!(statements.len(), 2, "{statements:#?}");
    assert!(statements.iter().all(|e| articles(e).len() == 1), "{statements:#?}");
}

/// An outlet that names no spokesman ("a spokesman for the group") reports
/// what another outlet gives as the group's own word: a person known only
/// by a description naming one body is a member of it, and the body speaks
/// for its members.
#[test]
fn a_spokesman_known_by_description_meets_the_group_he_speaks_for() {
    let dir = tempfile::tempdir().unwrap();
    let group = GROUP_WORD;
    let spokesman = SPOKESMAN_WORD;
    let arts = [("w1.txt", "2016-02-13", "TASS", group), ("w2.txt", "2016-02-13", "AFP", spokesman)];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let statements = kind(&events, "statement");
    assert_eq!(statements.len(), 1, "{statements:#?}");
    assert_eq!(articles(statements[0]), names(&["w1.txt", "w2.txt"]));
    assert_eq!(statements[0]["speaker"], "Free Syrian Army", "the body over a description");
}

/// A statement with no date words is dated by the extractor from its
/// article's publication; another outlet's "on Thursday" in a Friday paper
/// is the day before. The guessed date is no evidence against that day: the
/// two are one statement, dated by the words.
#[test]
fn a_statement_dated_by_guess_meets_one_dated_in_words_the_day_before() {
    let dir = tempfile::tempdir().unwrap();
    let worded = "Sergei Lavrov said on Thursday that the ceasefire in Aleppo must hold and that all sides \
                  should respect the truce.\n";
    let guessed = "Sergei Lavrov has urged all sides to respect the fragile ceasefire in Aleppo, warning that the \
                   truce must hold.\n";
    let arts = [("g1.txt", "2016-02-12", "TASS", worded), ("g2.txt", "2016-02-12", "AFP", guessed)];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let statements = kind(&events, "statement");
    assert_eq!(statements.len(), 1, "{statements:#?}");
    assert_eq!(articles(statements[0]), names(&["g1.txt", "g2.txt"]));
    assert_eq!(statements[0]["date"], "2016-02-11", "the day the words name");
    assert!(statements[0]["conflicts"].is_null(), "{:?}", statements[0]["conflicts"]);
}

#[test]
fn two_figures_for_one_toll_are_both_kept_and_the_lowest_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let arts = [("t1.txt", "2016-02-16", "SANA", TOLL_45), ("t2.txt", "2016-02-16", "Reuters", TOLL_52)];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let tolls = kind(&events, "death_toll");
    assert_eq!(tolls.len(), 1, "{tolls:#?}");
    assert_eq!(tolls[0]["count"], 45, "the conservative figure, never an average");
    let id = tolls[0]["id"].to_string();
    let show: Value = serde_json::from_str(&run_ok(dir.path(), &["show", &id, "--format", "json"])).unwrap();
    assert_eq!((show["count_low"].as_i64(), show["count_high"].as_i64()), (Some(45), Some(52)));
    assert_eq!(show["conflicts"], "count: 45 (t1.txt); 52 (t2.txt)");
    let figures: BTreeSet<i64> =
        show["reports"].as_array().unwrap().iter().map(|r| r["count"].as_i64().unwrap()).collect();
    assert_eq!(figures, [45, 52].into());
}

/// The articles of the tests above, in one folder.
fn everything() -> Vec<Art<'static>> {
    vec![
        ("a.txt", "2013-11-20", "Reuters", TALKS_A),
        ("b.txt", "2013-11-20", "AFP", TALKS_B),
        ("c.txt", "2013-11-20", "AP", TALKS_OTHERS),
        ("d.txt", "2013-11-21", "AP", PLANNED),
        ("e.txt", "2013-11-23", "AFP", HAPPENED),
        ("s1.txt", "2016-02-13", "TASS", LAVROV_TWO_THINGS),
        ("s2.txt", "2016-02-13", "AFP", LAVROV_ONE),
        ("t1.txt", "2016-02-16", "SANA", TOLL_45),
        ("t2.txt", "2016-02-16", "Reuters", TOLL_52),
        ("v1.txt", "2016-02-13", "TASS", VOICE),
        ("v2.txt", "2016-02-13", "AFP", SUPPORT),
        ("w1.txt", "2016-02-13", "TASS", GROUP_WORD),
        ("w2.txt", "2016-02-13", "AFP", SPOKESMAN_WORD),
    ]
}

/// The exported events without their ids, in a fixed order.
fn without_ids(mut events: Vec<Value>) -> Vec<String> {
    let mut out: Vec<String> = events
        .iter_mut()
        .map(|e| {
            e.as_object_mut().unwrap().remove("id");
            e.to_string()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_same_folder_ingested_in_any_order_gives_the_same_events() {
    let dir = tempfile::tempdir().unwrap();
    let arts = everything();
    let f = folder(dir.path(), "in", &arts);
    // A folder: a bulk load, linked once at the end.
    let bulk = dir.path().join("bulk.db");
    let out = bare(dir.path()).arg("--db").arg(&bulk).arg("ingest").arg(&f).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let reference = without_ids(export(dir.path(), &bulk));
    assert!(reference.len() < 16, "some events merged: {reference:#?}");
    // One article at a time, merged as each comes: in reverse, and shuffled.
    let mut reversed = arts.clone();
    reversed.reverse();
    let shuffled: Vec<Art<'_>> = [4, 11, 1, 7, 0, 9, 8, 3, 12, 6, 2, 10, 5].iter().map(|&i| arts[i]).collect();
    for (name, order) in [("reversed.db", reversed), ("shuffled.db", shuffled)] {
        let db = dir.path().join(name);
        for a in order {
            ingest_one(dir.path(), &db, &f, a);
        }
        assert_eq!(without_ids(export(dir.path(), &db)), reference, "{name}");
    }
}

#[test]
fn replacing_an_article_derives_its_events_again_splitting_or_dropping_them() {
    let dir = tempfile::tempdir().unwrap();
    // A and B share Kerry, B and C share Brahimi: one event of three reports.
    let arts = [
        ("a.txt", "2013-11-20", "Reuters", TALKS_A),
        ("b.txt", "2013-11-20", "AFP", "John Kerry, Sergei Lavrov and Lakhdar Brahimi held talks on Monday.\n"),
        ("c.txt", "2013-11-20", "AP", "Lakhdar Brahimi met Ban Ki-moon on Monday.\n"),
    ];
    let (f, db) = ingest_each(dir.path(), &arts);
    let talks = |dir: &Path| -> Vec<BTreeSet<String>> {
        let mut t: Vec<_> = kind(&export(dir, &db), "talks").into_iter().map(articles).collect();
        t.sort();
        t
    };
    assert_eq!(talks(dir.path()), vec![names(&["a.txt", "b.txt", "c.txt"])]);
    let before = export(dir.path(), &db);

    // Ingesting it again changes nothing.
    ingest_one(dir.path(), &db, &f, arts[1]);
    assert_eq!(export(dir.path(), &db), before);

    // B now reports something else: A and C were linked only through it.
    std::fs::write(f.join("b.txt"), "Sergei Lavrov met Walid al-Moallem in Moscow on Monday.\n").unwrap();
    ingest_one(dir.path(), &db, &f, arts[1]);
    assert_eq!(talks(dir.path()), vec![names(&["a.txt"]), names(&["b.txt"]), names(&["c.txt"])]);

    // C now reports nothing: its event disappears.
    std::fs::write(f.join("c.txt"), "The weather in the region was mild and markets were calm.\n").unwrap();
    ingest_one(dir.path(), &db, &f, arts[2]);
    assert_eq!(talks(dir.path()), vec![names(&["a.txt"]), names(&["b.txt"])]);
    let counts = status_counts(dir.path());
    assert_eq!((counts["events"], counts["reports"]), (2, 2));

    // B back as it was: the event of three reports, less C, returns.
    std::fs::write(f.join("b.txt"), arts[1].3).unwrap();
    ingest_one(dir.path(), &db, &f, arts[1]);
    assert_eq!(talks(dir.path()), vec![names(&["a.txt", "b.txt"])]);
}

#[test]
fn show_lists_every_report_with_its_outlet_date_and_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let arts = [("a.txt", "2013-11-20", "Reuters", TALKS_A), ("b.txt", "2013-11-21", "AFP", TALKS_B)];
    let (_, db) = ingest_each(dir.path(), &arts);
    let events = export(dir.path(), &db);
    let merged = kind(&events, "talks").into_iter().find(|e| articles(e).len() == 2).unwrap().clone();
    let id = merged["id"].to_string();
    let show: Value = serde_json::from_str(&run_ok(dir.path(), &["show", &id, "--format", "json"])).unwrap();
    assert_eq!((show["sources"].as_i64(), show["outlets"].as_i64()), (Some(2), Some(2)));
    assert_eq!(show["first_reported"], "2013-11-20");
    let reports = show["reports"].as_array().unwrap();
    let seen: Vec<(&str, &str, &str)> = reports
        .iter()
        .map(|r| (r["article"].as_str().unwrap(), r["source"].as_str().unwrap(), r["published"].as_str().unwrap()))
        .collect();
    assert_eq!(seen, [("a.txt", "Reuters", "2013-11-20"), ("b.txt", "AFP", "2013-11-21")]);
    assert!(reports[1]["mentions"][0]["sentence"].as_str().unwrap().contains("held talks with"));
    // Each report has its own fields: B names the United States, A does not.
    let actors = |r: &Value| r["actors"].as_array().unwrap().len();
    assert!(reports.iter().all(|r| actors(r) > 0));
    // The table and CSV list both outlets; CSV one row per mention.
    let table = run_ok(dir.path(), &["show", &id, "--format", "table"]);
    assert!(table.contains("Reuters") && table.contains("AFP") && table.contains("first_reported"), "{table}");
    let csv = run_ok(dir.path(), &["show", &id, "--format", "csv"]);
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.lines().next().unwrap().starts_with("event_id,report,article,source,published"));
    // `events` has the sources, and its --article filter finds the merged event from either article.
    let listed = run_ok(dir.path(), &["events", "--article", "b.txt", "--kind", "talks", "--format", "json"]);
    let listed: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed[0]["id"].to_string(), id);
    assert_eq!(listed[0]["sources"], 2);
    assert_eq!(listed[0]["articles"], serde_json::json!(["a.txt", "b.txt"]));
}

/// A database written before reports (schema 4): its events become one
/// report each on upgrading, nothing lost, and the next ingest merges them.
#[test]
fn a_database_from_before_reports_is_migrated_and_merged_by_the_next_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        for m in ["0001_init.sql", "0002_mention_spans.sql", "0003_portable_timeline.sql", "0004_partial_indexes.sql"] {
            let sql =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(m)).unwrap();
            conn.execute_batch(&sql).unwrap();
        }
        conn.execute_batch(
            "PRAGMA user_version = 4;
             INSERT INTO actors (id, name, kind) VALUES (1, 'John Kerry', 'person'), (2, 'Sergei Lavrov', 'person');
             INSERT INTO articles (id, name, published, published_origin, content_hash, clean_text, ingested_at)
                  VALUES (1, 'a.txt', '2013-11-20', 'given', 'h1', 'Kerry met Lavrov in Geneva on Monday.', 'then'),
                         (2, 'b.txt', '2013-11-20', 'given', 'h2', 'Lavrov and Kerry held talks in Geneva on Monday.', 'then');
             INSERT INTO events (id, article_id, kind, status, date_start, date_end, precision, place)
                  VALUES (1, 1, 'talks', 'happened', '2013-11-18', '2013-11-18', 'day', 'Geneva'),
                         (2, 2, 'talks', 'happened', '2013-11-18', '2013-11-18', 'day', 'Geneva');
             INSERT INTO event_actors VALUES (1, 1, 'participant', 0), (1, 2, 'participant', 1),
                                             (2, 2, 'participant', 0), (2, 1, 'participant', 1);
             INSERT INTO mention_spans (event_id, article_id, start_byte, end_byte) VALUES (1, 1, 0, 37), (2, 2, 0, 48);",
        )
        .unwrap();
    }
    // Upgraded: every event a report of its own, merging pending.
    run_ok(dir.path(), &["db", "upgrade"]);
    let status = run_ok(dir.path(), &["db", "status", "--format", "csv"]);
    assert!(status.contains("merging_pending,all"), "{status}");
    let events = export(dir.path(), &db);
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["mentions"][0]["sentence"], "Kerry met Lavrov in Geneva on Monday.");
    // The next ingest, of anything, links them.
    let other = dir.path().join("c.txt");
    std::fs::write(&other, TALKS_OTHERS).unwrap();
    let out = ingest(dir.path(), &["--published", "2013-11-20", other.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let talks: Vec<BTreeSet<String>> = kind(&export(dir.path(), &db), "talks").into_iter().map(articles).collect();
    assert!(talks.contains(&names(&["a.txt", "b.txt"])), "{talks:?}");
    assert!(!run_ok(dir.path(), &["db", "status", "--format", "csv"]).contains("merging_pending"));
}

#[test]
fn a_database_from_before_governments_stood_for_their_country_links_them_on_the_next_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        for m in [
            "0001_init.sql",
            "0002_mention_spans.sql",
            "0003_portable_timeline.sql",
            "0004_partial_indexes.sql",
            "0005_article_dict_hash.sql",
            "0006_reports.sql",
        ] {
            let sql =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(m)).unwrap();
            conn.execute_batch(&sql).unwrap();
        }
        // Two talks linked by nothing before 0007: the Syrian government's,
        // keyed by the government alone, and Syria's, keyed by Syria.
        conn.execute_batch(
            "PRAGMA user_version = 6;
             INSERT INTO actors (id, name, kind, country) VALUES (1, 'Syrian government', 'government', 'Syria'),
                                                                 (2, 'Syria', 'country', 'Syria');
             INSERT INTO articles (id, name, published, published_origin, content_hash, clean_text, ingested_at)
                  VALUES (1, 'a.txt', '2016-02-16', 'given', 'h1', 'The Syrian government held talks on Monday.', 'then'),
                         (2, 'b.txt', '2016-02-16', 'given', 'h2', 'Syria held talks on Monday.', 'then');
             INSERT INTO reports (id, event_id, article_id, ordinal, kind, status, date_start, date_end, precision, actors)
                  VALUES (1, 1, 1, 0, 'talks', 'happened', '2016-02-15', '2016-02-15', 'day', '[[\"Syrian government\",\"participant\"]]'),
                         (2, 2, 2, 0, 'talks', 'happened', '2016-02-15', '2016-02-15', 'day', '[[\"Syria\",\"participant\"]]');
             INSERT INTO events (id, kind, status, date_start, date_end, precision, first_reported)
                  VALUES (1, 'talks', 'happened', '2016-02-15', '2016-02-15', 'day', '2016-02-16'),
                         (2, 'talks', 'happened', '2016-02-15', '2016-02-15', 'day', '2016-02-16');
             INSERT INTO event_actors VALUES (1, 1, 'participant', 0), (2, 2, 'participant', 0);
             INSERT INTO mention_spans (report_id, article_id, start_byte, end_byte) VALUES (1, 1, 0, 43), (2, 2, 0, 27);
             INSERT INTO merge_keys (report_id, key, day, last) VALUES (1, 4, 736009, 736009);",
        )
        .unwrap();
    }
    run_ok(dir.path(), &["db", "upgrade"]);
    let status = run_ok(dir.path(), &["db", "status", "--format", "csv"]);
    assert!(status.contains("merging_pending,all"), "{status}");
    let other = dir.path().join("c.txt");
    std::fs::write(&other, TALKS_OTHERS).unwrap();
    let out = ingest(dir.path(), &["--published", "2016-02-16", other.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let talks: Vec<BTreeSet<String>> = kind(&export(dir.path(), &db), "talks").into_iter().map(articles).collect();
    assert!(talks.contains(&names(&["a.txt", "b.txt"])), "{talks:?}");
}

/// The linking pass of a database that already has links (0007 asks for one
/// when it drops keys) read each group's events once per member, and made
/// orphan events and copies of merged ones.
#[test]
fn linking_pass_over_a_database_with_links_leaves_its_events_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let arts = [
        ("a.txt", "2013-11-20", "Reuters", TALKS_A),
        ("b.txt", "2013-11-20", "AFP", TALKS_B),
        ("t1.txt", "2016-02-16", "SANA", TOLL_45),
        ("t2.txt", "2016-02-16", "Reuters", TOLL_52),
        ("v1.txt", "2016-02-13", "TASS", VOICE),
        ("v2.txt", "2016-02-13", "AFP", SUPPORT),
        ("w1.txt", "2016-02-13", "TASS", GROUP_WORD),
        ("w2.txt", "2016-02-13", "AFP", SPOKESMAN_WORD),
    ];
    let (_, db) = ingest_each(dir.path(), &arts);
    let before = export(dir.path(), &db);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute("INSERT INTO meta (key, value) VALUES ('merge_pending', 'all')", []).unwrap();
    }
    let other = dir.path().join("none.txt");
    std::fs::write(&other, "Nothing happened.\n").unwrap();
    let out = ingest(dir.path(), &["--published", "2016-02-16", other.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(export(dir.path(), &db), before);
    let orphans = run_ok(
        dir.path(),
        &[
            "sql",
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.event_id = e.id)",
            "--no-headers",
        ],
    );
    assert_eq!(orphans.trim(), "0");
}

/// One speaker's announcement in two outlets' words: "a truce, which will
/// begin" and "a ceasefire starting". Of their terms only "agreed" is the same
/// word; the senses of `data/senses.tsv` (a truce is a ceasefire, to begin is to
/// start) make three, and the two are one statement in either order of
/// ingestion. Two remarks that share no sense stay two (the tests above).
#[test]
fn a_truce_that_will_begin_meets_a_ceasefire_starting_in_another_outlet() {
    let truce = "Foreign Minister Deng Makuei said on Friday that the two armies had agreed to a truce, which will \
                 begin at midnight along the disputed border.\n";
    let ceasefire = "The warring sides have agreed to a ceasefire starting on Saturday, Foreign Minister Deng Makuei \
                     said on Friday, after a week of fierce fighting around the oil fields.\n";
    let a = ("k1.txt", "2019-06-08", "AFP", truce);
    let b = ("k2.txt", "2019-06-08", "Reuters", ceasefire);
    for arts in [[a, b], [b, a]] {
        let dir = tempfile::tempdir().unwrap();
        let (_, db) = ingest_each(dir.path(), &arts);
        let events = export(dir.path(), &db);
        let statements = kind(&events, "statement");
        assert_eq!(statements.len(), 1, "{statements:#?}");
        assert_eq!(articles(statements[0]), names(&["k1.txt", "k2.txt"]));
    }
}
