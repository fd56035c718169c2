//! Bad input: each case is named in a clear message, the exit status is 1,
//! nothing panics, and the valid inputs of the same run are still stored.

mod common;

use std::path::Path;

use common::*;

const GOOD: &str = "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Monday.\n";

/// Ingests `name` (written with `bytes`) next to a good article; returns stderr.
fn ingest_bad(name: &str, bytes: &[u8], extra: &[&str]) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.txt"), GOOD).unwrap();
    std::fs::write(input.join(name), bytes).unwrap();
    let mut args = extra.to_vec();
    let path = input.to_str().unwrap().to_string();
    args.push(&path);
    let out = ingest(dir.path(), &args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{name}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains(name), "{name} not named in: {err}");
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()], "{name}: {err}");
    (err, dir)
}

fn article_names(dir: &Path) -> Vec<String> {
    run_ok(dir, &["sql", "SELECT name FROM articles ORDER BY name", "--no-headers", "--format", "csv"])
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn empty_file_is_refused() {
    let (err, _) = ingest_bad("empty.txt", b"", &[]);
    assert!(err.contains("empty.txt: empty file"), "{err}");
}

#[test]
fn whitespace_only_file_is_refused() {
    let (err, _) = ingest_bad("blank.txt", b"  \n\t\r\n ", &[]);
    assert!(err.contains("only whitespace"), "{err}");
}

#[test]
fn binary_file_with_nul_bytes_is_refused() {
    let (err, _) = ingest_bad("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &[]);
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn malformed_json_lines_are_reported_with_their_line() {
    let lines = "{\"id\": \"ok1\", \"text\": \"Lavrov met Kerry in Geneva.\"}\n{not json\n{\"id\": \"x\"}\n{\"text\": 5}\n\n{\"text\": \"Kerry said talks would resume.\", \"published\": \"2013-11-15\"}\n";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batch.jsonl");
    std::fs::write(&file, lines).unwrap();
    let out = ingest(dir.path(), &[file.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("batch.jsonl:2: malformed JSON"), "{err}");
    assert!(err.contains("batch.jsonl:3: record has no `text`"), "{err}");
    assert!(err.contains("batch.jsonl:4: `text` must be a string, not a number"), "{err}");
    assert!(err.contains("2 new") && err.contains("3 failed"), "{err}");
    // The id defaults to FILE:LINE.
    assert_eq!(article_names(dir.path()), vec!["batch.jsonl:6".to_string(), "ok1".to_string()]);
}

#[test]
fn utf8_bom_utf16_and_crlf_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(GOOD.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    std::fs::write(dir.path().join("bom.txt"), [b"\xEF\xBB\xBF".as_slice(), GOOD.as_bytes()].concat()).unwrap();
    std::fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    std::fs::write(dir.path().join("crlf.txt"), GOOD.replace('\n', "\r\n")).unwrap();
    let out = ingest(dir.path(), &["bom.txt", "utf16.txt", "crlf.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let texts = run_ok(dir.path(), &["sql", "SELECT DISTINCT clean_text FROM articles", "--format", "jsonl"]);
    assert_eq!(texts.lines().count(), 1, "all three decode to the same text: {texts}");
    assert!(!texts.contains("\\r") && !texts.contains("\\ufeff"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xE9 talks in Geneva.\n").unwrap();
    let out = ingest(dir.path(), &["latin1.txt"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("warning: latin1.txt: invalid UTF-8 at byte 3"), "{err}");
}

#[test]
fn missing_path_is_reported_and_the_rest_go_in() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let out = ingest(dir.path(), &["nope.txt", "good.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nope.txt: no such file or folder"), "{}", stderr(&out));
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
}

#[test]
fn bad_manifest_row_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.txt"), GOOD).unwrap();
    std::fs::write(input.join("bad.txt"), GOOD).unwrap();
    std::fs::write(
        input.join("index.tsv"),
        "file\tpublished\tsource\tnote\ngood.txt\t2013-11-15\tVOA\tx\nbad.txt\t2013-02-30\tVOA\n\t2013-01-01\n",
    )
    .unwrap();
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("index.tsv:3: bad.txt: '2013-02-30' is not a real date"), "{err}");
    assert!(err.contains("index.tsv:4: row has no file name"), "{err}");
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
    let published = run_ok(dir.path(), &["sql", "SELECT published, source FROM articles"]);
    assert_eq!(published, "published,source\n2013-11-15,VOA\n");
}

#[test]
fn impossible_or_future_published_date_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    for date in ["2013-02-30", "2999-01-01", "yesterday"] {
        let out = ingest(dir.path(), &["--published", date, "good.txt"]);
        assert_eq!(out.status.code(), Some(2), "{date}");
        assert!(stderr(&out).contains(date), "{}", stderr(&out));
    }
}

#[test]
fn too_large_file_is_refused_with_the_limit() {
    let (err, _) = ingest_bad("big.txt", &GOOD.repeat(100).into_bytes(), &["--max-bytes", "1000"]);
    assert!(err.contains("over the --max-bytes limit of 1000"), "{err}");
}

#[test]
fn html_keeps_text_and_drops_script_and_style() {
    let dir = tempfile::tempdir().unwrap();
    let html =
        "<!DOCTYPE html><html><head><style>.said{color:red}</style><script>var x = \"Lavrov said\";</script></head>\
                <body><nav>Home</nav><p>Kerry met Lavrov in Geneva&nbsp;on Monday.</p></body></html>";
    std::fs::write(dir.path().join("page.html"), html).unwrap();
    assert!(ingest(dir.path(), &["page.html"]).status.success());
    let text = run_ok(dir.path(), &["sql", "SELECT clean_text FROM articles", "--format", "jsonl"]);
    assert!(text.contains("Kerry met Lavrov in Geneva on Monday."), "{text}");
    for leaked in ["<p>", "color:red", "var x", "&nbsp;"] {
        assert!(!text.contains(leaked), "{leaked} leaked: {text}");
    }
}

#[test]
fn stdin_is_named_stdin_or_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = chronicle(dir.path()).args(["ingest", "-"]).write_stdin(GOOD).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out =
        chronicle(dir.path()).args(["ingest", "--name", "wire-1", "-"]).write_stdin("Kerry said so.").output().unwrap();
    assert!(out.status.success());
    assert_eq!(article_names(dir.path()), vec!["stdin".to_string(), "wire-1".to_string()]);
}

#[test]
fn database_path_problems_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    // A folder.
    let out = bare(dir.path()).args(["--db", dir.path().to_str().unwrap(), "db", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is a folder, not a database file"), "{}", stderr(&out));
    // Not SQLite.
    let not_db = dir.path().join("notes.db");
    std::fs::write(&not_db, "these are my notes, not a database").unwrap();
    let out = bare(dir.path()).args(["--db", not_db.to_str().unwrap(), "ingest", "good.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a chronicle database"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&not_db).unwrap(), "these are my notes, not a database");
    // CHRONICLE_DB is honoured, and the default is chronicle.db in the current folder.
    let env_db = dir.path().join("env.db");
    let out = bare(dir.path()).env("CHRONICLE_DB", &env_db).args(["ingest", "good.txt"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(env_db.exists());
    assert!(bare(dir.path()).args(["db", "status"]).output().unwrap().status.success());
    assert!(dir.path().join("chronicle.db").exists());
}

#[test]
fn database_from_a_newer_chronicle_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(dir.path(), &["db", "status"]);
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    for args in [vec!["db", "status"], vec!["events"], vec!["ingest", "-"]] {
        let out = chronicle(dir.path()).args(&args).write_stdin(GOOD).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("written by a newer chronicle (schema version 99"), "{}", stderr(&out));
    }
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_a_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.txt"), GOOD).unwrap();
    std::os::unix::fs::symlink(&input, input.join("loop")).unwrap();
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("symlink loop"), "{}", stderr(&out));
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
}
