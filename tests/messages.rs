//! Messages (issues 17 and 20): one prefix across the program (both `error:`
//! and `chronicle: error:` occurred), each message said once (SQLite errors
//! came two or three times), and `show abc` says what an id is.

mod common;

use common::*;

/// Checks that every line of `err` carries the one prefix (or is the ingest
/// summary, or clap's hint), and that no part of a message (between `: `) is
/// said twice, as "in the SQL: near "SELEC": syntax error: near "SELEC":
/// syntax error: Error code 1: SQL logic error" was.
fn assert_said_once_with_one_prefix(case: &str, err: &str) {
    assert!(err.starts_with("error: "), "{case}: {err}");
    assert!(!err.contains("chronicle: error"), "{case}: {err}");
    for line in err.lines().filter(|l| !l.trim().is_empty()) {
        let known = ["error: ", "warning: ", "articles: ", "For more information", "  tip: "];
        assert!(known.iter().any(|p| line.starts_with(p)), "{case}: unprefixed line {line:?} in {err}");
        let parts: Vec<&str> = line.split(": ").map(str::trim).filter(|p| p.len() > 6).collect();
        for (i, part) in parts.iter().enumerate() {
            assert!(!parts[i + 1..].contains(part), "{case}: {part:?} said twice in {line:?}");
        }
    }
}

#[test]
fn every_error_has_one_prefix_and_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    // Before any database exists.
    let out = chronicle(dir.path()).arg("events").output().unwrap();
    assert_said_once_with_one_prefix("missing database", &stderr(&out));
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    std::fs::write(dir.path().join("notes.db"), "not a database").unwrap();
    std::fs::write(dir.path().join("a.txt"), "Lavrov met Kerry in Geneva on Monday.").unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("syntax error", &["sql", "SELEC 1"]),
        ("no such table", &["sql", "SELECT * FROM nope"]),
        ("refused write", &["sql", "DELETE FROM events"]),
        ("refused attach", &["sql", "ATTACH 'a' || '.db' AS z"]),
        ("empty sql", &["sql", ";"]),
        ("unknown event", &["show", "99999"]),
        ("not an id", &["show", "abc"]),
        ("bad kind", &["events", "--kind", "meeting"]),
        ("unknown table", &["export", "nope"]),
        ("output folder", &["export", "events", "-o", "no/such/x.csv"]),
        ("missing input", &["ingest", "nope.txt", "a.txt"]),
        (
            "timeout",
            &[
                "sql",
                "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r",
                "--timeout",
                "1",
            ],
        ),
    ];
    for (case, args) in cases {
        let out = chronicle(dir.path()).args(*args).output().unwrap();
        assert!(!out.status.success(), "{case} succeeded");
        assert_said_once_with_one_prefix(case, &stderr(&out));
    }
    let out = bare(dir.path()).args(["--db", "notes.db", "events"]).output().unwrap();
    assert_said_once_with_one_prefix("not a database", &stderr(&out));
}

/// `show abc` printed "invalid digit found in string".
#[test]
fn show_abc_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["abc", "-3", "0", "1.5"] {
        let out = chronicle(dir.path()).args(["show", "--", id]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{id}: {err}");
        assert!(
            err.contains(&format!(
                "'{id}' is not an event id (a whole number from the first column of `chronicle events`)"
            )),
            "{id}: {err}"
        );
        assert!(!err.contains("invalid digit"), "{err}");
    }
}
