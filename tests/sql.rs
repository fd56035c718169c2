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

/// Every file of the folder (the database and any WAL or shared-memory file) with its bytes.
fn folder_bytes(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn refused_statements_leave_the_database_byte_for_byte_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db_dir = dir.path().join("db");
    std::fs::create_dir(&db_dir).unwrap();
    let db = db_dir.join("t.db");
    let seeds = copy_seeds(dir.path());
    let out = bare(dir.path()).arg("--db").arg(&db).args(["ingest", seeds.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let sql = |statement: &str| bare(dir.path()).arg("--db").arg(&db).args(["sql", statement]).output().unwrap();
    // A read first, so the files are in their "after a reader" state.
    assert!(sql("SELECT count(*) FROM events").status.success());
    let before = folder_bytes(&db_dir);
    let other = dir.path().join("other.db");
    let copy = dir.path().join("copy.db");
    for statement in [
        "INSERT INTO events (article_id, kind, status) VALUES (1, 'talks', 'reported')".to_string(),
        "UPDATE events SET kind = 'visit'".into(),
        "DELETE FROM events".into(),
        "DROP TABLE events".into(),
        format!("ATTACH DATABASE '{}' AS other", other.display()),
        "PRAGMA writable_schema=1".into(),
        "PRAGMA query_only=0".into(),
        "WITH x AS (SELECT 1) DELETE FROM events".into(),
        "WITH x AS (SELECT 1) INSERT INTO meta (key, value) SELECT 'k', 'v' FROM x".into(),
        "SELECT 1; DELETE FROM events".into(),
        "SELECT 1;DROP TABLE events".into(),
        "DELETE FROM events; SELECT 1".into(),
        "SELECT 1; SELECT 2".into(),
        "REPLACE INTO meta (key, value) VALUES ('dict_hash', 'x')".into(),
        "INSERT INTO meta (key, value) VALUES ('k', 'v') RETURNING key".into(),
        "CREATE TEMP TABLE scratch AS SELECT * FROM events".into(),
        format!("VACUUM INTO '{}'", copy.display()),
        "BEGIN IMMEDIATE".into(),
    ] {
        let out = sql(&statement);
        assert_eq!(out.status.code(), Some(1), "{statement} was not refused: {}", stderr(&out));
        assert!(stderr(&out).contains("refused"), "{statement}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
        assert_eq!(folder_bytes(&db_dir), before, "{statement} changed the database files");
    }
    assert!(!other.exists() && !copy.exists(), "a refused statement created a file");
}

/// Analysts open the database with their own SQLite. The timeline view once
/// used group_concat(... ORDER BY) and strftime('%G-W%V'), which SQLite before
/// 3.44/3.46 cannot parse, and the sqlite3 3.40 shell refused the whole file.
/// Runs where a `sqlite3` shell is installed (this project's machine has 3.40):
/// every view must read back what chronicle reads.
#[test]
fn older_sqlite3_shell_reads_every_view_as_chronicle_does() {
    let Ok(version) = std::process::Command::new("sqlite3").arg("--version").output() else {
        eprintln!("no sqlite3 shell on PATH; nothing to compare with");
        return;
    };
    eprintln!("sqlite3 {}", String::from_utf8_lossy(&version.stdout).trim());
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    for view in ["timeline", "mentions", "articles", "events"] {
        let sql = format!("SELECT * FROM {view} ORDER BY id");
        let ours = run_ok(dir.path(), &["sql", &sql]);
        let shell = std::process::Command::new("sqlite3")
            .args(["-csv", "-header"])
            .arg(dir.path().join("t.db"))
            .arg(&sql)
            .output()
            .unwrap();
        assert!(shell.status.success(), "sqlite3 could not read {view}: {}", stderr(&shell));
        let parse = |text: &[u8]| -> Vec<csv::StringRecord> {
            csv::Reader::from_reader(text).records().map(Result::unwrap).collect()
        };
        let (ours, theirs) = (parse(ours.as_bytes()), parse(&shell.stdout));
        assert!(ours.len() >= 5, "{view}: only {} rows", ours.len());
        assert_eq!(ours, theirs, "{view} differs in the sqlite3 shell");
    }
}
