//! The word lists that were compiled in (senses, stop words, words of
//! holding, finite verbs of departure, phrases of a running total) are
//! data: a `--dict` folder's file extends each, run through the real binary
//! in a temporary folder, and a bad row names its file and line.

mod common;

use common::*;
use std::path::Path;

/// Writes FILE into DIR/dict with TEXT; the folder.
fn user_dict(dir: &Path, file: &str, text: &str) -> std::path::PathBuf {
    let dict = dir.join("dict");
    std::fs::create_dir_all(&dict).unwrap();
    std::fs::write(dict.join(file), text).unwrap();
    dict
}

/// `extract --published 2021-03-02` of TEXT, with the folder DICT layered
/// on when given: one JSON value per event.
fn extract(dir: &Path, dict: Option<&Path>, text: &str) -> Vec<serde_json::Value> {
    let file = dir.join("story.txt");
    std::fs::write(&file, text).unwrap();
    let mut cmd = bare(dir);
    if let Some(d) = dict {
        cmd.arg("--dict").arg(d);
    }
    let out = cmd.args(["extract", "--published", "2021-03-02"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn of_kind<'a>(events: &'a [serde_json::Value], kind: &str) -> Vec<&'a serde_json::Value> {
    events.iter().filter(|e| e["kind"] == kind).collect()
}

/// Two articles of one day in which one president says the same thing in
/// other words, ingested into DIR/NAME.db: the number of report links.
fn links(dir: &Path, dict: Option<&Path>, name: &str) -> String {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        articles.join("a.txt"),
        "Odun warns\n\nZorbian President Mara Odun said on Monday that the rebels must quit the pact.\n",
    )
    .unwrap();
    std::fs::write(
        articles.join("b.txt"),
        "Odun speaks\n\nZorbian President Mara Odun said on Monday that the insurgents must abandon the accord.\n",
    )
    .unwrap();
    let db = dir.join(format!("{name}.db"));
    let mut cmd = bare(dir);
    cmd.arg("--db").arg(&db);
    if let Some(d) = dict {
        cmd.arg("--dict").arg(d);
    }
    let out = cmd.args(["ingest", "--published", "2021-03-02"]).arg(&articles).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = bare(dir)
        .arg("--db")
        .arg(&db)
        .args(["sql", "SELECT count(*) FROM report_links", "--no-headers"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn a_user_senses_file_makes_other_words_say_the_same_thing() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(links(dir.path(), None, "plain"), "0");
    let dict = user_dict(dir.path(), "senses.tsv", "# mine\ninsur\trebel\naband\tquit\naccor\tpact\n");
    assert_eq!(links(dir.path(), Some(&dict), "senses"), "1");
}

#[test]
fn a_user_stopword_leaves_a_statement_s_term_out() {
    let dir = tempfile::tempdir().unwrap();
    let terms = |dict: Option<&Path>, name: &str| {
        links(dir.path(), dict, name);
        let db = dir.path().join(format!("{name}.db"));
        let out = bare(dir.path())
            .arg("--db")
            .arg(&db)
            .args(["sql", "SELECT terms FROM reports WHERE terms LIKE '%rebel%'", "--no-headers"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(terms(None, "plain").contains("quit"));
    let dict = user_dict(dir.path(), "words.tsv", "stopword\tquit\t-\n");
    let with = terms(Some(&dict), "stop");
    assert!(with.contains("rebel") && !with.contains("quit"), "{with}");
}

#[test]
fn a_user_holding_word_dates_and_places_the_summit_in_its_clause() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Summit planned\n\nZorbian President Mara Odun will attend the peace summit with rebel leaders, \
                which is being staged in Vienna on March 9, her office said.\n";
    let talks = |dict: Option<&Path>| of_kind(&extract(dir.path(), dict, text), "talks")[0].clone();
    assert_eq!(talks(None)["place"], serde_json::Value::Null);
    let dict = user_dict(dir.path(), "words.tsv", "holding\tstaged\theld\n");
    let with = talks(Some(&dict));
    assert_eq!((with["place"].as_str(), with["date"].as_str()), (Some("Vienna"), Some("2021-03-09")));
}

#[test]
fn a_user_finite_departure_verb_places_the_visit_it_ends() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "Minister ends tour\n\nTak Vell is leaving Nairobi on Monday after two days of talks with Kenyan officials.\n";
    let visits = |dict: Option<&Path>| of_kind(&extract(dir.path(), dict, text), "visit").len();
    assert_eq!(visits(None), 0);
    let dict = user_dict(dir.path(), "words.tsv", "departure\tleaving\tfinite\n");
    let with = extract(dir.path(), Some(&dict), text);
    assert_eq!(of_kind(&with, "visit")[0]["place"], "Nairobi", "{with:?}");
}

#[test]
fn a_user_running_total_phrase_makes_a_toll_cumulative() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Fighting in Zorbia\n\nKESTA, Zorbia (Newsline) - The fighting in the Zorbian town of Kesta has now \
                killed 300 people, a local monitor said on Tuesday.\n";
    let toll = |dict: Option<&Path>| of_kind(&extract(dir.path(), dict, text), "death_toll")[0]["cumulative"].clone();
    assert_eq!(toll(None), false);
    let dict = user_dict(dir.path(), "words.tsv", "running_total\thas now killed\t-\n");
    assert_eq!(toll(Some(&dict)), true);
}

#[test]
fn a_bad_row_of_a_moved_list_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    for (file, text, line) in [
        ("senses.tsv", "# mine\ninsur\trebel\nceasefire\tcease\n", 3),
        ("senses.tsv", "insur\n", 1),
        ("words.tsv", "holding\tstaged\theld\nholding\tconvened\tmaybe\n", 2),
        ("words.tsv", "departure\tquits\tsoon\n", 1),
        ("words.tsv", "stopword\tby the way\t-\n", 1),
    ] {
        let dict = user_dict(dir.path(), file, text);
        let out = bare(dir.path()).arg("--dict").arg(&dict).args(["extract", "-"]).write_stdin("x").output().unwrap();
        assert!(!out.status.success(), "{file}: {text:?}");
        let expected = format!("{}:{line}:", dict.join(file).display());
        assert!(stderr(&out).contains(&expected), "{expected} in {}", stderr(&out));
        std::fs::remove_file(dict.join(file)).unwrap();
    }
}
