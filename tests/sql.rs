//! `chronicle sql` cannot change anything: the engine's read-only flag,
//! `query_only`, `Statement::readonly()` and an authorizer, not a keyword filter.

mod common;

use common::*;

#[test]
fn writes_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    let before = status_counts(dir.path());
    let schema_before = run_ok(dir.path(), &["sql", "SELECT sql FROM sqlite_schema ORDER BY name"]);
    for statement in [
        "INSERT INTO articles (name, published_origin, content_hash, clean_text, ingested_at) VALUES ('x', 'given', 'h', 't', 'n')",
        "UPDATE articles SET name = 'x'",
        "DELETE FROM articles",
        "DROP TABLE mention_spans",
        "DROP VIEW mentions",
        "DROP VIEW timeline",
        "CREATE TABLE evil (x)",
        "ATTACH DATABASE 'other.db' AS other",
        "PRAGMA writable_schema=1",
        "PRAGMA writable_schema(ON)",
        "PRAGMA journal_mode=DELETE",
        "PRAGMA user_version=7",
        "WITH doomed AS (SELECT id FROM articles) DELETE FROM articles WHERE id IN (SELECT id FROM doomed)",
        "SELECT 1; DELETE FROM articles",
        "VACUUM",
        "REINDEX",
    ] {
        let out = chronicle(dir.path()).args(["sql", statement]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{statement} was not refused");
        let err = stderr(&out);
        assert!(err.contains("refused") || err.contains("read"), "{statement}: unclear message: {err}");
    }
    assert_eq!(status_counts(dir.path()), before);
    assert_eq!(run_ok(dir.path(), &["sql", "SELECT sql FROM sqlite_schema ORDER BY name"]), schema_before);
    assert!(!dir.path().join("other.db").exists());
}

#[test]
fn reads_and_named_parameters_work() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    let out = run_ok(
        dir.path(),
        &[
            "sql",
            "SELECT count(*) AS n FROM articles WHERE source = :src OR published > @after",
            "-p",
            "src=VOA",
            "--param",
            "after=2013-12-31",
        ],
    );
    assert_eq!(out, "n\n1\n");
    let info = run_ok(dir.path(), &["sql", "PRAGMA table_info(events)"]);
    assert!(info.contains("date_start"));
    let missing = chronicle(dir.path()).args(["sql", "SELECT :who"]).output().unwrap();
    assert!(stderr(&missing).contains(":who has no value"), "{}", stderr(&missing));
    let unknown = chronicle(dir.path()).args(["sql", "SELECT 1", "-p", "x=1"]).output().unwrap();
    assert!(stderr(&unknown).contains("no parameter :x"));
    let syntax = chronicle(dir.path()).args(["sql", "SELEC 1"]).output().unwrap();
    assert_eq!(syntax.status.code(), Some(1));
    assert!(stderr(&syntax).contains("syntax error"));
}
