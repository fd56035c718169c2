//! Bad input: each case is named in a clear message, the exit status is 1,
//! nothing panics, and the valid inputs of the same run are still stored.

mod common;

use std::path::Path;

use common::*;

const GOOD: &str = "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Monday.\n";

/// Ingests `name` (written with `bytes`) next to a good article; returns stderr.
fn ingest_bad(name: &str, bytes: &[u8], extra: &[&str]) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = input_folder(dir.path());
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

/// DIR/in holding one good article.
fn input_folder(dir: &Path) -> std::path::PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.txt"), GOOD).unwrap();
    input
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
    let input = input_folder(dir.path());
    std::fs::write(input.join("bad.txt"), GOOD).unwrap();
    std::fs::write(input.join("later.txt"), GOOD).unwrap();
    std::fs::write(
        input.join("index.tsv"),
        "file\tpublished\tsource\tnote\ngood.txt\t2013-11-15\tVOA\tx\nbad.txt\t2013-02-30\tVOA\n\t2013-01-01\nlater.txt\t2999-01-01\n",
    )
    .unwrap();
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("index.tsv:3: bad.txt: '2013-02-30' is not a real date"), "{err}");
    assert!(err.contains("index.tsv:4: row has no file name"), "{err}");
    assert!(err.contains("index.tsv:5: later.txt: publication date 2999-01-01 is in the future"), "{err}");
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
    // Reading commands never create a database: the default one does not exist yet.
    let out = bare(dir.path()).args(["db", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("chronicle.db: no such database"), "{}", stderr(&out));
    assert!(!dir.path().join("chronicle.db").exists());
    assert!(bare(dir.path()).args(["ingest", "good.txt"]).output().unwrap().status.success());
    assert!(bare(dir.path()).args(["db", "status"]).output().unwrap().status.success());
    assert!(dir.path().join("chronicle.db").exists());
}

#[test]
fn database_from_a_newer_chronicle_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    empty_database(dir.path(), "t.db");
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
    let input = input_folder(dir.path());
    std::os::unix::fs::symlink(&input, input.join("loop")).unwrap();
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("symlink loop"), "{}", stderr(&out));
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
}

#[test]
fn utf16_big_endian_and_odd_length_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(GOOD.encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
    std::fs::write(dir.path().join("be.txt"), be).unwrap();
    std::fs::write(dir.path().join("odd.txt"), [0xFF, 0xFE, b'h', 0, b'i']).unwrap();
    let out = ingest(dir.path(), &["be.txt", "odd.txt"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("odd.txt: UTF-16 text with an odd number of bytes"), "{err}");
    assert_eq!(article_names(dir.path()), vec!["be.txt".to_string()]);
    let text = run_ok(dir.path(), &["sql", "SELECT clean_text FROM articles", "--format", "jsonl"]);
    assert!(text.contains("Sergei Lavrov met John Kerry"), "{text}");
}

#[test]
fn binary_in_every_form_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    let (err, _) = ingest_bad("photo.html", png, &[]);
    assert!(err.contains("photo.html: binary file (NUL byte at offset 8)"), "{err}");
    let (err, _) = ingest_bad("mixed.txt", b"Lavrov met Kerry.\n\0\0\0\x01\x02 more text", &[]);
    assert!(err.contains("NUL byte at offset 18"), "{err}");
    // UTF-16 that decodes to NUL characters is binary too.
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("ab\0cd".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    let (err, _) = ingest_bad("wide.txt", &utf16, &[]);
    assert!(err.contains("wide.txt: binary content"), "{err}");
}

#[test]
fn fifty_megabyte_article_is_refused_by_the_default_limit_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_folder(dir.path());
    // Sparse: 50 MB on paper, nothing on disk; were it read whole it would also be refused as binary.
    std::fs::File::create(input.join("huge.txt")).unwrap().set_len(50 * 1024 * 1024).unwrap();
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("huge.txt: file is 52428800 bytes, over the --max-bytes limit of 20971520"), "{err}");
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
}

#[test]
fn oversized_stdin_and_json_lines_record_are_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let out = chronicle(dir.path())
        .args(["ingest", "--max-bytes", "1000", "-"])
        .write_stdin(GOOD.repeat(100))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("<stdin:stdin>: input is over the --max-bytes limit of 1000"), "{}", stderr(&out));
    let big = format!("{{\"id\": \"big\", \"text\": \"{}\"}}", GOOD.trim().repeat(100));
    let lines = format!(
        "{{\"id\": \"small\", \"text\": \"{}\"}}\n{big}\n{{\"id\": \"after\", \"text\": \"Kerry said so.\"}}\n",
        GOOD.trim()
    );
    std::fs::write(dir.path().join("big.jsonl"), lines).unwrap();
    let out = ingest(dir.path(), &["--max-bytes", "1000", "big.jsonl"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("big.jsonl:2: record is over the --max-bytes limit of 1000 bytes"), "{err}");
    assert_eq!(article_names(dir.path()), vec!["after".to_string(), "small".to_string()]);
}

#[test]
fn a_large_article_within_the_limit_is_processed() {
    // About 1 MB of distinct paragraphs: big enough to show nothing is quadratic, small enough for a debug build.
    let dir = tempfile::tempdir().unwrap();
    let paragraphs = seed_paragraphs();
    let text: String =
        (0..6000).map(|i| format!("{} (Paragraph {i}.)\n\n", paragraphs[i % paragraphs.len()])).collect();
    assert!(text.len() > 1_000_000, "{}", text.len());
    std::fs::write(dir.path().join("long.txt"), &text).unwrap();
    let out = ingest(dir.path(), &["--published", "2013-11-15", "long.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(status_counts(dir.path())["articles"], 1);
}

#[test]
fn html_script_style_and_comments_never_reach_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let hidden = "Lavrov met Kerry in Vienna on Friday.";
    // Named .txt: recognised as HTML by its content.
    let html = format!(
        "<!doctype html>\n<HTML><head><title>Talks</title><STYLE>p:before {{ content: \"{hidden}\" }}</STYLE>\
         <script type=\"text/javascript\">document.write(\"<p>{hidden}</p>\");</script></head>\
         <body><!-- <p>{hidden}</p> --><noscript><p>{hidden}</p></noscript>\
         <p>Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Monday.</p></body></HTML>"
    );
    std::fs::write(dir.path().join("saved.txt"), html).unwrap();
    let out = ingest(dir.path(), &["--published", "2013-11-15", "saved.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let everything = [
        run_ok(dir.path(), &["sql", "SELECT clean_text FROM articles", "--format", "jsonl"]),
        run_ok(dir.path(), &["export", "events", "--format", "jsonl"]),
        run_ok(dir.path(), &["sql", "SELECT * FROM mentions", "--format", "jsonl"]),
    ]
    .concat();
    assert!(everything.contains("Geneva"), "{everything}");
    for leaked in ["Vienna", "document.write", "content:", "<p>", "<!--"] {
        assert!(!everything.contains(leaked), "{leaked} leaked: {everything}");
    }
}

#[test]
fn json_lines_with_wrong_types_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "ok", "text": "Lavrov met Kerry in Geneva."}"#,
        r#"["an", "array"]"#,
        r#"{"id": true, "text": "x"}"#,
        r#"{"text": "x", "published": 20131115}"#,
        r#"{"text": "x", "source": ["VOA"]}"#,
        r#"{"text": "x", "published": "2013-02-30"}"#,
        r#"{"text": "x", "published": "2999-01-01"}"#,
        r#"{"text": "   "}"#,
        r#"{"text": "a\u0000b"}"#,
        "{\"text\": \"caf\u{FFFD}\"}",
    ];
    let mut bytes = lines.join("\n").into_bytes();
    bytes.extend_from_slice(b"\n{\"text\": \"caf\xE9\"}\n");
    std::fs::write(dir.path().join("types.jsonl"), bytes).unwrap();
    let out = ingest(dir.path(), &["types.jsonl"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "types.jsonl:2: a record must be a JSON object",
        "types.jsonl:3: `id` must be a non-empty string or a number, not a boolean",
        "types.jsonl:4: `published` must be a string, not a number",
        "types.jsonl:5: `source` must be a string, not an array",
        "types.jsonl:6: '2013-02-30' is not a real date",
        "types.jsonl:7: publication date 2999-01-01 is in the future",
        "types.jsonl:8: no text (only whitespace)",
        "types.jsonl:9: binary content",
        "types.jsonl:11: malformed JSON",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"));
    assert_eq!(article_names(dir.path()), vec!["ok".to_string(), "types.jsonl:10".to_string()]);
}

#[test]
fn utf16_json_lines_are_refused_once_not_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\"text\": \"Lavrov met Kerry.\"}\n{\"text\": \"Kerry met Lavrov.\"}\n";
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    std::fs::write(dir.path().join("wide.jsonl"), utf16).unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let out = ingest(dir.path(), &["wide.jsonl", "good.txt"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("wide.jsonl:1: UTF-16 JSON Lines are not supported"), "{err}");
    assert_eq!(err.matches("wide.jsonl").count(), 1, "{err}");
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
}

#[cfg(unix)]
#[test]
fn self_and_dangling_symlinks_and_fifos_in_a_folder_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_folder(dir.path());
    std::os::unix::fs::symlink("self.txt", input.join("self.txt")).unwrap();
    std::os::unix::fs::symlink("gone.txt", input.join("dangling.txt")).unwrap();
    // A FIFO would block the read forever; it must be skipped, not opened.
    let fifo = std::process::Command::new("mkfifo").arg(input.join("pipe.txt")).status();
    let has_fifo = fifo.is_ok_and(|s| s.success());
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("self.txt: too many levels of symbolic links") || err.contains("self.txt: Too many levels"),
        "{err}"
    );
    assert!(err.contains("dangling.txt: no such file or folder"), "{err}");
    if has_fifo {
        assert!(err.contains("pipe.txt: not a regular file"), "{err}");
    } else {
        eprintln!("mkfifo unavailable: the FIFO case was not run");
    }
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
}

#[test]
fn database_in_a_missing_folder_or_damaged_is_clear() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare(dir.path()).args(["--db", "no/such/folder/t.db", "events"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/folder/t.db: its folder does not exist"), "{}", stderr(&out));
    for (name, bytes) in
        [("short.db", b"SQLite".to_vec()), ("damaged.db", [b"SQLite format 3\0".as_slice(), &[0xA5; 4096]].concat())]
    {
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        for command in [&["events"][..], &["ingest", "-"], &["sql", "SELECT 1"]] {
            let out = bare(dir.path()).args(["--db", name]).args(command).write_stdin(GOOD).output().unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{name} {command:?}: {err}");
            assert!(err.contains(name) && !err.contains("panicked"), "{name} {command:?}: {err}");
        }
        assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), bytes, "{name} was changed");
    }
}

/// `chronicle` run as a user that file permissions apply to. Tests run as root
/// in CI and here, and root reads and writes whatever the mode bits say, so as
/// root the binary runs through `setpriv` as `nobody` (uid 65534). `None`
/// (with the reason printed) when permissions cannot be made to apply.
#[cfg(unix)]
fn unprivileged(dir: &Path) -> Option<std::process::Command> {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::write(&probe, "x").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::read(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("chronicle");
    let mut cmd = if !privileged {
        std::process::Command::new(bin)
    } else {
        let setpriv = std::process::Command::new("setpriv").arg("--version").output();
        if !setpriv.is_ok_and(|o| o.status.success()) {
            eprintln!("SKIPPED: running as root and setpriv is missing, so permissions cannot be tested");
            return None;
        }
        // `nobody` must be able to reach the folder.
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(bin);
        cmd
    };
    cmd.current_dir(dir).env_remove("CHRONICLE_DB").env_remove("CHRONICLE_DICT");
    Some(cmd)
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_folder_are_reported_and_the_rest_go_in() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let Some(mut cmd) = unprivileged(dir.path()) else { return };
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("locked")).unwrap();
    std::fs::write(input.join("good.txt"), GOOD).unwrap();
    std::fs::write(input.join("secret.txt"), GOOD).unwrap();
    std::fs::write(input.join("locked/inside.txt"), GOOD).unwrap();
    std::fs::set_permissions(input.join("secret.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(input.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let db_dir = dir.path().join("db");
    std::fs::create_dir(&db_dir).unwrap();
    std::fs::set_permissions(&db_dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = cmd.args(["--db", "db/t.db", "ingest"]).arg(&input).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("secret.txt: permission denied"), "{err}");
    assert!(err.contains("locked: permission denied"), "{err}");
    let names = bare(dir.path()).args(["--db", "db/t.db", "sql", "SELECT name FROM articles", "--no-headers"]).output();
    assert_eq!(String::from_utf8_lossy(&names.unwrap().stdout), "good.txt\n");
}

#[cfg(unix)]
#[test]
fn read_only_database_refuses_ingest_but_can_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let db_dir = dir.path().join("ro");
    std::fs::create_dir(&db_dir).unwrap();
    let out = bare(dir.path()).args(["--db", "ro/t.db", "ingest", "good.txt"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let Some(_) = unprivileged(dir.path()) else { return };
    // The file and its folder are read-only: no journal, WAL or shared-memory file can be made either.
    std::fs::set_permissions(db_dir.join("t.db"), std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&db_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = std::fs::read(db_dir.join("t.db")).unwrap();
    let run = |args: &[&str]| unprivileged(dir.path()).unwrap().args(["--db", "ro/t.db"]).args(args).output().unwrap();
    let out = run(&["ingest", "good.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ro/t.db: the database is read-only"), "{}", stderr(&out));
    let out = run(&["sql", "SELECT name FROM articles", "--no-headers"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "good.txt\n");
    let out = run(&["events", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(db_dir.join("t.db")).unwrap(), before);
    std::fs::set_permissions(&db_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn manifest_rows_for_missing_files_are_warned_about_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_folder(dir.path());
    std::fs::write(input.join("notes.md"), "not an article").unwrap();
    // good.txt has its publication date, so that no warning names it.
    std::fs::write(
        input.join("index.tsv"),
        "file\tsource\tpublished\ngood.txt\tVOA\t2013-11-15\ngone.txt\tVOA\t\nnotes.md\tVOA\t\n",
    )
    .unwrap();
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    let err = stderr(&out);
    // A warning, not an error: the articles there are still stored, and the exit status is 0.
    assert!(out.status.success(), "{err}");
    let index = input.join("index.tsv");
    assert!(
        err.contains(&format!(
            "warning: {}:3: gone.txt: no such file in {}; row ignored",
            index.display(),
            input.display()
        )),
        "{err}"
    );
    assert!(err.contains(&format!("warning: {}:4: notes.md: not an article file", index.display())), "{err}");
    assert!(!err.contains("good.txt"), "{err}");
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
}

/// `../../etc/passwd` in a manifest was ignored silently; an absolute path too.
#[test]
fn manifest_paths_outside_the_folder_are_refused_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_folder(dir.path());
    std::fs::write(dir.path().join("outside.txt"), GOOD).unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(
        input.join("index.tsv"),
        format!("file\tsource\n../../etc/passwd\tX\n../outside.txt\tX\n{}\tX\n./good.txt\tVOA\n", outside.display()),
    )
    .unwrap();
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let index = input.join("index.tsv").display().to_string();
    for (line, file) in
        [(2, "../../etc/passwd".to_string()), (3, "../outside.txt".into()), (4, outside.display().to_string())]
    {
        assert!(
            err.contains(&format!("warning: {index}:{line}: {file}: outside the folder")),
            "line {line} not refused: {err}"
        );
    }
    assert_eq!(err.matches("outside the folder").count(), 3, "{err}");
    // Only the folder's own file is read, with its row (`./good.txt` is good.txt).
    assert_eq!(article_names(dir.path()), vec!["good.txt".to_string()]);
    assert_eq!(run_ok(dir.path(), &["sql", "SELECT source FROM articles", "--no-headers"]), "VOA\n");
}

#[test]
fn file_listed_twice_in_a_manifest_warns_and_the_later_row_wins() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_folder(dir.path());
    std::fs::write(input.join("index.tsv"), "file\tsource\ngood.txt\tFirst\ngood.txt\tSecond\n").unwrap();
    let out = ingest(dir.path(), &[input.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let index = input.join("index.tsv").display().to_string();
    assert!(
        err.contains(&format!("warning: {index}:3: good.txt is listed again (also at {index}:2); this row wins")),
        "{err}"
    );
    assert_eq!(run_ok(dir.path(), &["sql", "SELECT source FROM articles", "--no-headers"]), "Second\n");
}

/// "batch.jsonl:2: malformed JSON: ... at line 1 column 2" mixed the file's
/// line with the line inside the record.
#[test]
fn json_lines_errors_name_the_file_line_not_the_records_inner_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("batch.jsonl"), format!("{{\"text\": \"{}\"}}\n{{not json\n", GOOD.trim())).unwrap();
    let out = ingest(dir.path(), &["batch.jsonl"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error: batch.jsonl:2: malformed JSON at column 2: key must be a string\n"), "{err}");
    assert!(!err.contains("line 1"), "{err}");
}

/// Disk full once gave no database path and no count of what was committed
/// (512 of 2,500 articles were). The database lives on a 2 MB tmpfs mounted
/// in a mount namespace of its own (`unshare -m`: nothing is mounted outside
/// the test); CI runs as root, which mounting needs. Anywhere else the test
/// fails, saying so.
#[cfg(target_os = "linux")]
#[test]
fn disk_full_during_ingest_names_the_database_and_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_articles(dir.path(), "wire", 400);
    let disk = dir.path().join("disk");
    let out_dir = dir.path().join("out");
    std::fs::create_dir_all(&disk).unwrap();
    std::fs::create_dir_all(&out_dir).unwrap();
    let script = r#"mount -t tmpfs -o size=2m tmpfs "$1" || exit 97
"$2" --db "$1/t.db" ingest --batch 10 --published 2013-11-15 "$3" 2>"$4/stderr"
echo $? >"$4/rc"
cp "$1"/t.db* "$4"/"#;
    let run = std::process::Command::new("unshare")
        .args(["-m", "sh", "-c", script, "sh"])
        .arg(&disk)
        .arg(assert_cmd::cargo::cargo_bin("chronicle"))
        .arg(&input)
        .arg(&out_dir)
        .output()
        .expect("unshare (util-linux) is needed for this test and is missing");
    assert!(
        run.status.success(),
        "could not mount a small tmpfs in a mount namespace of its own ({}): this test needs root (CI runs as root)",
        stderr(&run).trim()
    );
    let rc = std::fs::read_to_string(out_dir.join("rc")).unwrap();
    let err = std::fs::read_to_string(out_dir.join("stderr")).unwrap();
    assert_eq!(rc.trim(), "1", "the ingest did not fail on a full disk: {err}");
    let db = disk.join("t.db");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(&format!("error: {}: the disk is full; ", db.display())), "{err}");
    let rest = err.split_once("the disk is full; ").map(|(_, rest)| rest).unwrap_or_default();
    let stored: i64 =
        rest.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("no count in {err}"));
    assert!(
        rest.ends_with(" articles of this run are stored, each whole with its events and mentions, and the rest are not: once that is fixed, run the same ingest again (stored articles are reported unchanged)\n"),
        "{err}"
    );
    assert!(stored > 0 && stored < 400, "{err}");
    // The copy of what the full disk held: exactly that many articles, each whole.
    let copy = out_dir.join("t.db");
    let expected = expected_counts(dir.path(), &["--published", "2013-11-15", input.to_str().unwrap()]);
    let held = stored_counts(&copy);
    assert_eq!(held.len() as i64, stored, "{err}");
    for (name, counts) in held {
        assert_eq!(counts, expected.get(&name).copied().unwrap_or_default(), "{name} is not whole");
    }
}

/// `--jobs` changes how many threads extract and write, never what is
/// stored: batches are written in input order, so one thread, two and
/// several give the same events, ids and merges included.
#[test]
fn ingest_with_any_number_of_jobs_stores_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    generate(&[(&corpus, 0..400)]);
    let mut stores = Vec::new();
    for jobs in ["1", "2", "5"] {
        let db = format!("jobs{jobs}.db");
        let out = bare(dir.path())
            .args(["--db", &db, "ingest", "--batch", "64", "--jobs", jobs])
            .arg(&corpus)
            .output()
            .unwrap();
        assert!(out.status.success(), "--jobs {jobs}: {}", stderr(&out));
        assert!(stderr(&out).contains("400 new"), "--jobs {jobs}: {}", stderr(&out));
        stores.push((jobs, stored(dir.path(), &db)));
    }
    let (_, reference) = &stores[0];
    assert!(reference.0.lines().count() > 1000, "the corpus gives many events");
    for (jobs, store) in &stores[1..] {
        assert!(store == reference, "--jobs {jobs} stored something else than --jobs 1");
    }
    let zero = bare(dir.path()).args(["--db", "zero.db", "ingest", "--jobs", "0"]).arg(&corpus).output().unwrap();
    assert_eq!(zero.status.code(), Some(2), "--jobs 0 is a usage error: {}", stderr(&zero));
}
