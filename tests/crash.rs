//! Kill -9 during a long ingest, for real, at several points. Afterwards the
//! database opens, passes `PRAGMA integrity_check`, holds only whole articles
//! (each with every event and mention extraction gives it), and re-running the
//! same ingest completes the rest without duplicates. The same for `load`,
//! which stores the records of `extract --articles` through the same writer.
//!
//! The kill points are chosen by progress (how many articles are stored), not
//! by timing; an ingest that finishes before a kill point is simply accepted.
//! Each wait is bounded, so the test is bounded in time whatever happens.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const ARTICLES: usize = 300;
const PUBLISHED: &str = "2013-11-15";
/// The longest any single wait may take; far above what an ingest needs.
const BOUND: Duration = Duration::from_secs(120);

/// When to kill the ingest: right away (during start-up and migration), or
/// once the database holds at least this many articles.
#[derive(Clone, Copy, Debug)]
enum KillPoint {
    AtOnce,
    AfterArticles(i64),
}

/// Starts `chronicle --db t.db ARGS` in DIR; `ARGS` start with the command.
fn spawn(dir: &Path, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("chronicle"))
        .current_dir(dir)
        .env_remove("CHRONICLE_DB")
        .env_remove("CHRONICLE_DICT")
        .args(["--db", "t.db"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn stored_articles(db: &Path) -> Option<i64> {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    conn.busy_timeout(Duration::from_millis(200)).ok()?;
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).ok()
}

/// Waits for the kill point (or the end of the ingest), then sends SIGKILL.
/// Returns whether the process was still running when killed.
fn kill_at(child: &mut Child, db: &Path, point: KillPoint) -> bool {
    let start = Instant::now();
    if let KillPoint::AfterArticles(n) = point {
        while start.elapsed() < BOUND {
            if child.try_wait().unwrap().is_some() {
                return false;
            }
            if stored_articles(db).is_some_and(|stored| stored >= n) {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    let running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL on Unix; a no-op error-free call if it already ended
    child.wait().unwrap();
    running
}

/// The database opens, is intact, and every stored article has all its events and mentions.
fn assert_whole(db: &Path, expected: &HashMap<String, (i64, i64)>, when: &str) {
    if !db.exists() {
        return; // killed before the database was created
    }
    let conn = rusqlite::Connection::open(db).unwrap_or_else(|e| panic!("{when}: the database does not open: {e}"));
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok", "{when}");
    // Killed while creating the database: no schema yet, or all of it (the migration is one transaction).
    let (version, tables): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    if version == 0 {
        assert_eq!(tables, 0, "{when}: a half-applied migration");
        return;
    }
    let orphans: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM reports WHERE article_id NOT IN (SELECT id FROM articles))
                  + (SELECT count(*) FROM mention_spans WHERE report_id NOT IN (SELECT id FROM reports))
                  + (SELECT count(*) FROM reports WHERE event_id NOT IN (SELECT id FROM events))
                  + (SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM reports))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "{when}: reports, mentions or events without what they belong to");
    drop(conn);
    for (name, counts) in stored_counts(db) {
        let want = expected.get(&name).copied().unwrap_or((0, 0));
        assert_eq!(counts, want, "{when}: {name} is stored without all its events (events, mentions)");
    }
}

/// The database's indexes, as (name, SQL).
fn indexes(db: &Path) -> Vec<(String, Option<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
}

/// Runs `chronicle ARGS` (a command storing the articles of `folder`) and
/// kills it at each kill point, into the same database: after each kill the
/// database holds only whole articles; then the same command completes the
/// rest without duplicates, with the indexes of a database that never lost them.
fn killed_at_each_point_then_rerun(dir: &Path, folder: &Path, args: &[&str]) {
    let expected = expected_counts(dir, &["--published", PUBLISHED, folder.to_str().unwrap()]);
    let (events, mentions) = expected.values().fold((0, 0), |(e, m), (de, dm)| (e + de, m + dm));
    assert!(events > 0, "the generated articles must yield events for this test to mean anything");
    let db = dir.join("t.db");
    // Small batches: many commits, so a kill lands between and inside them.
    let args = [&args[..1], &["--batch", "4"], &args[1..]].concat();

    // Kill repeatedly into the same database: each run resumes what the killed one left.
    let points = [
        KillPoint::AtOnce,
        KillPoint::AfterArticles(1),
        KillPoint::AfterArticles(60),
        KillPoint::AfterArticles(150),
        KillPoint::AfterArticles(250),
    ];
    let mut killed = 0;
    for point in points {
        let mut child = spawn(dir, &args);
        killed += kill_at(&mut child, &db, point) as usize;
        assert_whole(&db, &expected, &format!("{}: after kill at {point:?}", args[0]));
    }
    assert!(killed > 0, "no {} was still running at any kill point", args[0]);

    // The same command again completes the rest, without duplicates.
    let out = chronicle(dir).args(&args).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_whole(&db, &expected, "after the rerun");
    // A kill during the bulk load left its query indexes unbuilt; the rerun built them:
    // the indexes are those of a database that never lost them.
    let fresh = empty_database(dir, "fresh.db");
    assert_eq!(indexes(&db), indexes(&fresh), "the rerun's indexes");
    let counts = status_counts(dir);
    assert_eq!(counts["articles"], ARTICLES as i64);
    assert_eq!(counts["reports"], events);
    assert_eq!(counts["mentions"], mentions);
    // And once more: nothing left to do.
    let again = chronicle(dir).args(&args).output().unwrap();
    assert!(
        stderr(&again).contains(&format!("0 new, {ARTICLES} unchanged, 0 replaced, 0 failed")),
        "{}",
        stderr(&again)
    );
}

#[cfg(unix)]
#[test]
fn kill_9_during_ingest_loses_nothing_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let folder = write_articles(dir.path(), "wire", ARTICLES);
    killed_at_each_point_then_rerun(
        dir.path(),
        &folder,
        &["ingest", "--published", PUBLISHED, folder.to_str().unwrap()],
    );
}

#[cfg(unix)]
#[test]
fn kill_9_during_load_loses_nothing_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let folder = write_articles(dir.path(), "wire", ARTICLES);
    let records = run_ok(dir.path(), &["extract", "--articles", "--published", PUBLISHED, folder.to_str().unwrap()]);
    std::fs::write(dir.path().join("records.jsonl"), records).unwrap();
    killed_at_each_point_then_rerun(dir.path(), &folder, &["load", "records.jsonl"]);
}
