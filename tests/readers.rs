//! Reading commands never create or change a database (issues 17 and 20):
//! `chronicle --db nosuch.db events` exited 0 and left `nosuch.db`, `-shm`
//! and `-wal` behind, and a reading command after an ingest left `-wal` and
//! `-shm` beside the database.

mod common;

use std::path::Path;

use common::*;

/// Every reading command, with the arguments it needs.
const READERS: &[&[&str]] = &[
    &["events"],
    &["events", "--format", "json"],
    &["db", "status"],
    &["sql", "SELECT count(*) FROM events"],
    &["sql", "PRAGMA journal_mode"],
    &["export", "events", "--format", "csv"],
    &["export", "events", "--format", "jsonl"],
    &["export", "articles"],
    &["export", "events", "--format", "timelinejs"],
    &["show", "1"],
    &["report", "-o", "-"],
];

#[test]
fn reading_commands_on_a_missing_database_fail_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for args in READERS {
        let out = bare(dir.path()).args(["--db", "nosuch.db"]).args(*args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err, "error: nosuch.db: no such database; `chronicle --db nosuch.db ingest PATH...` creates it\n");
        assert!(out.stdout.is_empty(), "{args:?} printed {:?}", String::from_utf8_lossy(&out.stdout));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "{args:?} left a file");
    }
    // The default database too.
    let out = bare(dir.path()).arg("events").output().unwrap();
    assert!(stderr(&out).contains("chronicle.db: no such database"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn reading_commands_after_an_ingest_leave_the_folder_as_they_found_it() {
    let dir = tempfile::tempdir().unwrap();
    let db_dir = dir.path().join("db");
    std::fs::create_dir(&db_dir).unwrap();
    let seeds = copy_seeds(dir.path());
    let out = bare(dir.path()).args(["--db", "db/t.db", "ingest"]).arg(&seeds).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let before = folder_bytes(&db_dir);
    assert_eq!(before.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), vec!["t.db"], "after the ingest");
    for args in READERS {
        let out = bare(dir.path()).args(["--db", "db/t.db"]).args(*args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(folder_bytes(&db_dir), before, "{args:?} changed the folder");
    }
    // Refused and failing statements too.
    for args in [&["sql", "DELETE FROM events"][..], &["sql", "SELEC"], &["show", "99999"], &["export", "nope"]] {
        let out = bare(dir.path()).args(["--db", "db/t.db"]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(folder_bytes(&db_dir), before, "{args:?} changed the folder");
    }
}

/// The `-wal` and `-shm` files of a connection that is still open are that
/// connection's: a reader leaves them, and what they hold, alone.
#[test]
fn a_reader_leaves_the_wal_files_of_another_open_connection_alone() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    let db = dir.path().join("t.db");
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer.execute("INSERT INTO meta (key, value) VALUES ('held', 'open')", []).unwrap();
    let wal = dir.path().join("t.db-wal");
    assert!(wal.exists() && dir.path().join("t.db-shm").exists());
    let wal_bytes = std::fs::read(&wal).unwrap();
    let seen = run_ok(dir.path(), &["sql", "SELECT value FROM meta WHERE key = 'held'", "--no-headers"]);
    assert_eq!(seen, "open\n");
    assert_eq!(std::fs::read(&wal).unwrap(), wal_bytes);
    assert!(dir.path().join("t.db-shm").exists());
    drop(writer);
    // The last connection closed: SQLite itself folded the WAL back in and removed both.
    assert!(!wal.exists());
    assert_eq!(run_ok(dir.path(), &["sql", "SELECT value FROM meta WHERE key = 'held'", "--no-headers"]), "open\n");
}

/// A database an older chronicle wrote is not migrated by a reader (that
/// would change it): the reader says so and `db upgrade` does it.
#[test]
fn reading_commands_refuse_an_older_schema_and_db_upgrade_brings_it_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<_> = std::fs::read_dir(&migrations).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let older = files.len() as i64 - 1;
    assert!(older >= 1, "{files:?}");
    for file in &files[..older as usize] {
        conn.execute_batch(&std::fs::read_to_string(file).unwrap()).unwrap();
    }
    conn.pragma_update(None, "user_version", older).unwrap();
    drop(conn);
    let before = folder_bytes(dir.path());
    for args in READERS {
        let out = chronicle(dir.path()).args(*args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(&format!("written by an older chronicle (schema version {older};")), "{err}");
        assert!(err.contains("db upgrade` brings it up to date"), "{err}");
        assert_eq!(folder_bytes(dir.path()), before, "{args:?} changed the database");
    }
    let out = chronicle(dir.path()).args(["db", "upgrade"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("upgraded from schema version {older} to {}", older + 1)),
        "{}",
        stderr(&out)
    );
    assert!(run_ok(dir.path(), &["events"]).starts_with("id,"));
    let out = chronicle(dir.path()).args(["db", "upgrade"]).output().unwrap();
    assert!(stderr(&out).contains("already at schema version"), "{}", stderr(&out));
    // `db upgrade` does not create a database either.
    let out = bare(dir.path()).args(["--db", "nosuch.db", "db", "upgrade"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("nosuch.db").exists());
}
