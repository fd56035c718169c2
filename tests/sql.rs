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
        "INSERT INTO events (kind, status) VALUES ('talks', 'reported')".to_string(),
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

/// `sql` on a database with the seed articles, in DIR.
fn seeded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    dir
}

/// A recursive CTE without end ran for 10 minutes until stopped by hand.
#[test]
fn sql_timeout_stops_a_runaway_query_with_a_clear_message() {
    let dir = seeded();
    let endless = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r";
    let start = std::time::Instant::now();
    let out = chronicle(dir.path()).args(["sql", endless, "--timeout", "1"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err, "error: the query ran for 1 s and was stopped (`--timeout SECONDS` sets the limit, 0 for none)\n");
    // Stopped, not run to its end (it has none); the bound is loose: this is no timing test.
    assert!(start.elapsed() < std::time::Duration::from_secs(60), "{:?}", start.elapsed());
    let help = run_ok(dir.path(), &["sql", "--help"]);
    assert!(help.contains("--timeout <SECONDS>") && help.contains("[default: 60]"), "{help}");
    // A query that ends in time is not touched by the limit.
    let finite =
        "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 1000) SELECT count(*) AS n FROM r";
    assert_eq!(run_ok(dir.path(), &["sql", finite, "--timeout", "30"]), "n\n1000\n");
}

/// An ORDER BY over a large generated blob set used 3 GB of temporary disk.
/// With the cap, temporary storage is kept in memory and the query is stopped
/// past it: no temporary file is written (SQLITE_TMPDIR and TMPDIR point at
/// an empty folder that must stay empty), and the process stays small.
#[test]
fn sql_max_temp_mb_stops_a_large_sort_with_a_clear_message_and_no_temporary_files() {
    let dir = seeded();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let sort = |rows: u32, cap: &str| {
        let sql = format!(
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < {rows})
             SELECT length(b) AS n FROM (SELECT randomblob(1000) AS b FROM r ORDER BY b)"
        );
        chronicle(dir.path())
            .env("SQLITE_TMPDIR", &tmp)
            .env("TMPDIR", &tmp)
            .args(["sql", &sql, "--max-temp-mb", cap, "--format", "csv"])
            .output()
            .unwrap()
    };
    // 200 MB of blobs to sort against a cap of 16 MB.
    let out = sort(200_000, "16");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("error: the query needed more than 16 MB of temporary storage (for sorting, grouping, DISTINCT or a subquery) and was stopped; narrow it, or raise `--max-temp-mb`"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    // A sort within the cap runs.
    let out = sort(2_000, "16");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2_001);
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0, "a temporary file was left");
    let help = run_ok(dir.path(), &["sql", "--help"]);
    assert!(help.contains("--max-temp-mb <MB>") && help.contains("[default: 1024]"), "{help}");
}

/// A non-literal file name reached the authorizer as an action it did not
/// know, which it allowed; only the limit of no attached database stopped it.
#[test]
fn attach_with_a_computed_file_name_is_refused() {
    let dir = seeded();
    let before = std::fs::read_dir(dir.path()).unwrap().count();
    for statement in ["ATTACH 'a' || '.db' AS z", "ATTACH printf('%s.db', 'a') AS z", "DETACH z"] {
        let out = chronicle(dir.path()).args(["sql", statement]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{statement}: {err}");
        assert!(err.starts_with("error: refused: `chronicle sql` reads this database only"), "{statement}: {err}");
    }
    assert!(!dir.path().join("a.db").exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), before);
}

/// `sql ""` and `sql ";"` said "bad parameter or other API misuse ... Error code 21".
#[test]
fn empty_sql_gives_a_clear_message() {
    let dir = seeded();
    for statement in ["", ";", "  ;; \n", "-- only a comment", "/* nothing */ ;"] {
        let out = chronicle(dir.path()).args(["sql", "--", statement]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{statement:?}: {err}");
        assert!(
            err.starts_with("error: refused: no SQL statement given; e.g. chronicle sql \""),
            "{statement:?}: {err}"
        );
        assert!(!err.contains("misuse") && !err.contains("code 21"), "{err}");
    }
}

/// Every SQLite error repeated its text two or three times.
#[test]
fn sqlite_errors_are_said_once() {
    let dir = seeded();
    for (statement, message) in [
        ("SELEC 1", "near \"SELEC\": syntax error"),
        ("SELECT * FROM nope", "no such table: nope"),
        ("SELECT nope FROM events", "no such column: nope"),
    ] {
        let out = chronicle(dir.path()).args(["sql", statement]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.starts_with("error: in the SQL: "), "{err}");
        assert_eq!(err.matches(message).count(), 1, "{statement}: {err}");
        assert!(!err.contains("Error code"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// A plain `PRAGMA journal_mode` only reads the setting; it was refused as a write.
#[test]
fn pragma_journal_mode_read_is_allowed() {
    let dir = seeded();
    assert!(run_ok(dir.path(), &["sql", "SELECT 1"]).contains('1'));
    let before = folder_bytes(dir.path());
    assert_eq!(run_ok(dir.path(), &["sql", "PRAGMA journal_mode"]), "journal_mode\nwal\n");
    assert_eq!(run_ok(dir.path(), &["sql", "PRAGMA main.journal_mode"]), "journal_mode\nwal\n");
    // Its assigning form, and the PRAGMAs that write without a value, stay refused.
    for statement in
        ["PRAGMA journal_mode=DELETE", "PRAGMA wal_checkpoint", "PRAGMA optimize", "PRAGMA incremental_vacuum"]
    {
        let out = chronicle(dir.path()).args(["sql", statement]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{statement} was not refused");
        assert!(stderr(&out).contains("refused"), "{statement}: {}", stderr(&out));
    }
    assert_eq!(folder_bytes(dir.path()), before);
}
