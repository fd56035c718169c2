//! No name clash goes unnoticed (issue 20): `ingest coll/x coll/y`, both
//! holding a `story.txt`, kept one article, exited 0 and said "1 new, 1
//! replaced; added 2 events" while the database held 1 event.

mod common;

use std::path::Path;

use common::*;

const X: &str = "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Monday.\n";
const Y: &str = "Syrian Foreign Minister Walid al-Moallem visited Moscow on Friday. Lavrov said talks would resume.\n";

/// DIR/coll with x/story.txt, y/story.txt and top.txt.
fn collection(dir: &Path) -> std::path::PathBuf {
    let coll = dir.join("coll");
    for (file, text) in [("x/story.txt", X), ("y/story.txt", Y), ("top.txt", X)] {
        let path = coll.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    coll
}

fn names(dir: &Path) -> Vec<String> {
    run_ok(dir, &["sql", "SELECT name FROM articles ORDER BY name", "--no-headers", "--format", "csv"])
        .lines()
        .map(String::from)
        .collect()
}

/// The summary line's counts after "added": (events, mentions).
fn added(err: &str) -> (i64, i64) {
    let line = err.lines().find(|l| l.starts_with("articles: ")).unwrap_or_else(|| panic!("no summary in {err}"));
    let rest = line.split("added ").nth(1).unwrap();
    let numbers: Vec<i64> = rest.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    (numbers[0], numbers[1])
}

#[test]
fn same_file_name_in_two_folders_of_one_run_is_an_error_for_the_second() {
    let dir = tempfile::tempdir().unwrap();
    let coll = collection(dir.path());
    let (x, y) = (coll.join("x"), coll.join("y"));
    let out = ingest(dir.path(), &[x.to_str().unwrap(), y.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let second = y.join("story.txt");
    assert!(
        err.contains(&format!(
            "error: {}: an earlier input of this run has the same article name 'story.txt'",
            second.display()
        )),
        "{err}"
    );
    assert!(err.contains("1 new, 0 unchanged, 0 replaced, 1 failed"), "{err}");
    // The first is kept, and the summary counts what the database holds.
    assert_eq!(names(dir.path()), vec!["story.txt"]);
    let path = run_ok(dir.path(), &["sql", "SELECT path FROM articles", "--no-headers"]);
    assert_eq!(path.trim(), x.join("story.txt").to_str().unwrap());
    let counts = status_counts(dir.path());
    assert_eq!(added(&err), (counts["events"], counts["mentions"]), "{err}");
}

#[test]
fn ingesting_the_parent_folder_names_files_by_relative_path() {
    let dir = tempfile::tempdir().unwrap();
    let coll = collection(dir.path());
    let out = ingest(dir.path(), &[coll.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A file directly in the folder given keeps its plain name (the scorer and older databases rely on it).
    assert_eq!(names(dir.path()), vec!["top.txt", "x/story.txt", "y/story.txt"]);
    let counts = status_counts(dir.path());
    assert_eq!(added(&stderr(&out)), (counts["events"], counts["mentions"]));
    // `extract` names them the same way, in mentions[].article.
    let extracted = run_ok(dir.path(), &["extract", coll.to_str().unwrap()]);
    let articles: std::collections::BTreeSet<String> = extracted
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["mentions"][0]["article"].as_str().unwrap().into()
        })
        .collect();
    assert_eq!(articles.into_iter().collect::<Vec<_>>(), vec!["top.txt", "x/story.txt", "y/story.txt"]);
}

#[test]
fn replacing_an_article_read_from_another_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let coll = collection(dir.path());
    let (x, y) = (coll.join("x"), coll.join("y"));
    assert!(ingest(dir.path(), &[x.to_str().unwrap()]).status.success());
    let out = ingest(dir.path(), &[y.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let (new, old) = (y.join("story.txt"), x.join("story.txt"));
    assert!(
        err.contains(&format!(
            "warning: {}: replaces the article 'story.txt', which was read from {}",
            new.display(),
            old.display()
        )),
        "{err}"
    );
    // The summary says what was added and what the replacement removed.
    assert!(err.contains("0 new, 0 unchanged, 1 replaced, 0 failed"), "{err}");
    assert!(err.contains("removed the replaced articles' earlier"), "{err}");
    let counts = status_counts(dir.path());
    assert_eq!(added(&err), (counts["events"], counts["mentions"]), "{err}");
    // The same file changed in place is no clash: no warning (but the one
    // for an article without a publication date).
    std::fs::write(y.join("story.txt"), X).unwrap();
    let out = ingest(dir.path(), &[y.to_str().unwrap()]);
    assert!(out.status.success());
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning")).collect();
    assert!(warnings.iter().all(|w| w.contains("no publication date")), "{err}");
}

#[test]
fn duplicate_json_lines_ids_are_an_error_for_the_second() {
    let dir = tempfile::tempdir().unwrap();
    let first = serde_json::json!({"id": "wire-1", "text": X});
    let second = serde_json::json!({"id": "wire-1", "text": Y});
    std::fs::write(dir.path().join("batch.jsonl"), format!("{first}\n{second}\n")).unwrap();
    let out = ingest(dir.path(), &["batch.jsonl"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("batch.jsonl:2: an earlier input of this run has the same article name 'wire-1'"), "{err}");
    let text = run_ok(dir.path(), &["sql", "SELECT clean_text FROM articles", "--no-headers"]);
    assert!(text.contains("Geneva"), "the first record is kept: {text}");
}

/// A database built before files were named by their path in the folder
/// holds `story.txt` for coll/x/story.txt: ingesting the folder again
/// renames it instead of storing the article a second time.
#[test]
fn articles_named_by_file_name_alone_by_older_chronicles_are_renamed_not_doubled() {
    let dir = tempfile::tempdir().unwrap();
    let coll = collection(dir.path());
    assert!(ingest(dir.path(), &[coll.to_str().unwrap()]).status.success());
    let before = status_counts(dir.path());
    let db = dir.path().join("t.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE articles SET name = 'story.txt' WHERE name = 'x/story.txt'", []).unwrap();
    drop(conn);
    let out = ingest(dir.path(), &[coll.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("0 new, 3 unchanged"), "{err}");
    assert!(err.contains("warning: renamed 1 stored articles read from subfolders"), "{err}");
    assert!(err.contains("'story.txt' is now 'x/story.txt'"), "{err}");
    assert_eq!(names(dir.path()), vec!["top.txt", "x/story.txt", "y/story.txt"]);
    assert_eq!(status_counts(dir.path()), before);
}

/// Only a name made from a folder path is renamed from its file name: a JSON
/// Lines id with a slash (`wire/abc`) is a name of its own, even beside a
/// record `abc` of the same file.
#[test]
fn json_lines_ids_with_a_slash_never_rename_another_article() {
    let dir = tempfile::tempdir().unwrap();
    let first = serde_json::json!({"id": "abc", "text": X});
    std::fs::write(dir.path().join("batch.jsonl"), format!("{first}\n")).unwrap();
    assert!(ingest(dir.path(), &["batch.jsonl"]).status.success());
    let second = serde_json::json!({"id": "wire/abc", "text": Y});
    std::fs::write(dir.path().join("batch.jsonl"), format!("{first}\n{second}\n")).unwrap();
    let out = ingest(dir.path(), &["batch.jsonl"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("1 new, 1 unchanged, 0 replaced"), "{err}");
    assert!(!err.contains("renamed"), "{err}");
    assert_eq!(names(dir.path()), vec!["abc", "wire/abc"]);
}
