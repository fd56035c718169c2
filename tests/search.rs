//! Full-text search (`--text`, the `evidence_fts` table): kept in step by
//! ingest, by replacing an article, by `chronicle load` and by merging
//! across articles; a bad search is a one-line error.

mod common;

use std::path::Path;

use common::*;

const CEASEFIRE: &str = "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on \
                         Monday to discuss a ceasefire in Syria.\n";
const NO_CEASEFIRE: &str =
    "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on \
                            Monday to discuss aid convoys for Syria.\n";
/// The same talks as `CEASEFIRE`, from another outlet, with neither search word.
const SAME_TALKS: &str =
    "U.S. Secretary of State John Kerry held talks with Russian Foreign Minister Sergei Lavrov in \
                          Geneva on Monday, the State Department said.\n";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn ingest_ok(dir: &Path, path: &str) {
    let out = ingest(dir, &["--published", "2013-11-20", path]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The ids of the events `--text QUERY` finds.
fn found(dir: &Path, query: &str) -> Vec<String> {
    found_among(dir, query, &[])
}

/// The ids of the events `--text QUERY` finds with other filters.
fn found_among(dir: &Path, query: &str, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["events", "--text", query, "--format", "csv", "-c", "id", "--no-headers"];
    args.extend_from_slice(filters);
    run_ok(dir, &args).lines().map(String::from).collect()
}

/// FTS5's own check of the index against the `evidence` view it was built from:
/// an entry left behind or missing (a report deleted without its index rows) fails it.
fn assert_index_consistent(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
}

#[test]
fn text_finds_a_phrase_and_stops_finding_it_when_the_article_is_replaced_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", CEASEFIRE);
    ingest_ok(dir.path(), &a);
    let talks = run_ok(dir.path(), &["events", "--kind", "talks", "--format", "csv", "-c", "id", "--no-headers"]);
    let talks: Vec<String> = talks.lines().map(String::from).collect();
    assert_eq!(talks.len(), 1, "{talks:?}");
    assert_eq!(found(dir.path(), "ceasefire"), talks);
    assert_eq!(found(dir.path(), "\"ceasefire in Syria\""), talks);
    // Not a phrase of the text: the words apart are there, in another order.
    assert!(found(dir.path(), "\"Syria ceasefire\"").is_empty());
    // Nothing found says why.
    let out = chronicle(dir.path()).args(["events", "--text", "cease"]).output().unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).contains("no evidence sentence or quote matches --text 'cease'"), "{}", stderr(&out));
    assert_eq!(found(dir.path(), "cease*"), talks);
    // export events and report take the same search.
    let csv = run_ok(dir.path(), &["export", "events", "--format", "csv", "--text", "ceasefire"]);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("ceasefire"), "{csv}");
    run_ok(dir.path(), &["report", "--text", "ceasefire", "-o", "r.html"]);
    let page = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(page.contains("text ceasefire"), "the report does not say what it searched");
    run_ok(dir.path(), &["report", "--text", "nosuchword", "-o", "none.html"]);
    let none = std::fs::read_to_string(dir.path().join("none.html")).unwrap();
    assert!(page.len() > none.len());

    // The same article, changed: its old evidence leaves the index.
    std::fs::write(&a, NO_CEASEFIRE).unwrap();
    ingest_ok(dir.path(), &a);
    assert!(found(dir.path(), "ceasefire").is_empty());
    assert!(found(dir.path(), "\"ceasefire in Syria\"").is_empty());
    assert_eq!(found(dir.path(), "convoys").len(), 1);
    let rows = run_ok(dir.path(), &["sql", "SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'ceasefire'"]);
    assert_eq!(rows, "count(*)\n0\n");
    assert_index_consistent(&dir.path().join("t.db"));
}

#[test]
fn an_event_merged_across_articles_is_found_through_any_report_and_leaves_with_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", CEASEFIRE);
    let b = write(dir.path(), "b.txt", SAME_TALKS);
    ingest_ok(dir.path(), &a);
    let before = found(dir.path(), "ceasefire");
    assert_eq!(before.len(), 1);
    ingest_ok(dir.path(), &b);
    // b's talks merged into a's event (or a's into b's): one event, found by a's words and by b's.
    let merged = found(dir.path(), "ceasefire");
    assert_eq!(merged.len(), 1, "{merged:?}");
    let sources = run_ok(dir.path(), &["sql", &format!("SELECT sources FROM events WHERE id = {}", merged[0])]);
    assert_eq!(sources, "sources\n2\n", "the talks did not merge");
    // (b also reports what the State Department said: a statement.)
    assert_eq!(found_among(dir.path(), "\"State Department\"", &["--kind", "talks"]), merged);
    // a's report changes: the event stays, found only by b's words now.
    std::fs::write(&a, NO_CEASEFIRE).unwrap();
    ingest_ok(dir.path(), &a);
    assert!(found(dir.path(), "ceasefire").is_empty());
    assert_eq!(found_among(dir.path(), "\"State Department\"", &["--kind", "talks"]), merged);
    assert_index_consistent(&dir.path().join("t.db"));
}

#[test]
fn chronicle_load_indexes_what_it_stores() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", CEASEFIRE);
    let records = run_ok(dir.path(), &["extract", "--articles", "--published", "2013-11-20", &a]);
    std::fs::write(dir.path().join("a.jsonl"), records).unwrap();
    run_ok(dir.path(), &["load", "a.jsonl"]);
    assert_eq!(found(dir.path(), "\"ceasefire in Syria\"").len(), 1);
    // The article changed and loaded again: replaced in the index too.
    std::fs::write(&a, NO_CEASEFIRE).unwrap();
    let records = run_ok(dir.path(), &["extract", "--articles", "--published", "2013-11-20", &a]);
    std::fs::write(dir.path().join("b.jsonl"), records).unwrap();
    run_ok(dir.path(), &["load", "b.jsonl"]);
    assert!(found(dir.path(), "\"ceasefire in Syria\"").is_empty());
    assert_eq!(found(dir.path(), "convoys").len(), 1);
    assert_index_consistent(&dir.path().join("t.db"));
}

#[test]
fn a_search_with_bad_syntax_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", CEASEFIRE);
    ingest_ok(dir.path(), &a);
    for (args, query) in
        [(&["events"][..], "\"Geneva"), (&["events"][..], "AND ceasefire"), (&["export", "events"][..], "ceasefire OR")]
    {
        let out = chronicle(dir.path()).args(args).args(["--text", query]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{query}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{query}: {err}");
        assert!(err.contains("--text") && err.contains("not a valid full-text search"), "{query}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// A bulk load (a JSON Lines file into a new database) builds the index once
/// at its end, and what it indexed leaves the index when an article is replaced later.
#[test]
fn a_bulk_load_indexes_everything_once_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let record = |id: &str, text: &str| {
        serde_json::json!({"id": id, "text": text, "published": "2013-11-20"}).to_string() + "\n"
    };
    let lines = [record("a", CEASEFIRE), record("b", SAME_TALKS)].concat();
    let path = write(dir.path(), "news.jsonl", &lines);
    let out = ingest(dir.path(), &[&path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let status = run_ok(dir.path(), &["db", "status", "--format", "csv"]);
    assert!(!status.contains("indexes_not_built"), "{status}");
    let merged = found(dir.path(), "ceasefire");
    assert_eq!(merged.len(), 1);
    assert_eq!(found_among(dir.path(), "\"State Department\"", &["--kind", "talks"]), merged);
    assert_index_consistent(&dir.path().join("t.db"));
    let changed = write(dir.path(), "changed.jsonl", &record("a", NO_CEASEFIRE));
    let out = ingest(dir.path(), &[&changed]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(found(dir.path(), "ceasefire").is_empty());
    assert_eq!(found_among(dir.path(), "convoys", &["--kind", "talks"]), merged);
    assert_index_consistent(&dir.path().join("t.db"));
}
