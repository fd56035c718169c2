//! `extract --articles` and `load`: extraction as a filter that writes one
//! record per article, and a loader that stores those records as `ingest`
//! would have, with the same idempotence, replacement and reports.

mod common;

use std::path::Path;

use common::*;

/// `chronicle --db DB ARGS` in DIR, with STDIN; its output.
fn run_with(dir: &Path, db: &str, args: &[&str], stdin: &[u8]) -> std::process::Output {
    bare(dir).args(["--db", db]).args(args).write_stdin(stdin).output().unwrap()
}

/// `extract --articles INPUT | load -` into DIR/DB; returns load's stderr.
fn extract_then_load(dir: &Path, db: &str, input: &str) -> String {
    let extracted = bare(dir).args(["extract", "--articles", input]).output().unwrap();
    assert!(extracted.status.success(), "extract --articles: {}", stderr(&extracted));
    let loaded = run_with(dir, db, &["load", "-"], &extracted.stdout);
    assert!(loaded.status.success(), "load: {}", stderr(&loaded));
    stderr(&loaded)
}

/// Ingests INPUT into one database and extracts-then-loads it into another;
/// the two must be the same, down to ids and the articles' every column.
fn assert_load_equals_ingest(dir: &Path, input: &str) -> (String, String) {
    let ingested = bare(dir).args(["--db", "ingest.db", "ingest", input]).output().unwrap();
    assert!(ingested.status.success(), "ingest: {}", stderr(&ingested));
    let loaded = extract_then_load(dir, "load.db", input);
    let (events, articles) = stored(dir, "ingest.db");
    let (load_events, load_articles) = stored(dir, "load.db");
    assert!(events.lines().count() > 0 && !articles.is_empty(), "nothing stored: the comparison would mean nothing");
    assert!(events == load_events, "the events exports differ:\n{}", first_difference(&events, &load_events));
    for (a, b) in articles.iter().zip(&load_articles) {
        assert_eq!(a, b, "an article differs");
    }
    assert_eq!(articles.len(), load_articles.len());
    // Both say the same in their summary.
    assert_eq!(stderr(&ingested), loaded);
    (stderr(&ingested), loaded)
}

fn first_difference(a: &str, b: &str) -> String {
    let line = a.lines().zip(b.lines()).position(|(x, y)| x != y);
    match line {
        Some(i) => format!("line {}:\n  {}\n  {}", i + 1, a.lines().nth(i).unwrap(), b.lines().nth(i).unwrap()),
        None => format!("{} lines against {}", a.lines().count(), b.lines().count()),
    }
}

#[test]
fn extract_articles_then_load_equals_ingest_on_the_seeds() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let (summary, _) = assert_load_equals_ingest(dir.path(), "seeds");
    assert!(summary.contains("articles: 5 new"), "{summary}");
}

#[test]
fn extract_articles_then_load_equals_ingest_on_2000_generated_articles() {
    let dir = tempfile::tempdir().unwrap();
    generate(&[(&dir.path().join("corpus"), 0..2000)]);
    let (summary, _) = assert_load_equals_ingest(dir.path(), "corpus");
    assert!(summary.contains("articles: 2000 new"), "{summary}");
    // The bulk load built its deferred indexes at the end, as ingest's did.
    let status = run_with(dir.path(), "load.db", &["db", "status", "--format", "csv"], b"");
    assert!(!String::from_utf8_lossy(&status.stdout).contains("indexes_not_built"));
}

/// A record carries everything needed to store the article, named as the contract says.
#[test]
fn a_record_holds_the_article_its_hash_and_its_events() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let out =
        run_ok(dir.path(), &["extract", "--articles", "seeds/000_77c680d69fdef6ac.txt", "--published", "2014-01-17"]);
    assert_eq!(out.lines().count(), 1);
    let record: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut keys: Vec<&str> = record.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut contract = [
        "format",
        "chronicle",
        "dictionary",
        "name",
        "path",
        "published",
        "published_origin",
        "source",
        "url",
        "title",
        "content_hash",
        "clean_text",
        "events",
    ];
    contract.sort_unstable();
    assert_eq!(keys, contract);
    assert!(out.starts_with("{\"format\":1,"), "the format comes first, for readers that peek");
    assert_eq!(record["format"], 1);
    assert_eq!(record["chronicle"], env!("CARGO_PKG_VERSION"));
    assert_eq!(record["dictionary"].as_str().unwrap().len(), 64);
    assert_eq!(record["name"], "000_77c680d69fdef6ac.txt");
    assert_eq!((&record["published"], &record["published_origin"]), (&"2014-01-17".into(), &"given".into()));
    let event = &record["events"][0];
    for key in ["kind", "status", "date_start", "date_end", "precision", "actors", "mentions"] {
        assert!(event.get(key).is_some(), "events have `{key}`: {event}");
    }
    // Offsets are bytes into the cleaned text, as stored.
    let text = record["clean_text"].as_str().unwrap();
    let mention = &event["mentions"][0];
    let (start, end) = (mention["start"].as_u64().unwrap() as usize, mention["end"].as_u64().unwrap() as usize);
    assert!(text.get(start..end).is_some_and(|s| s.starts_with("Syria")), "{mention}");
    // The default output is still one event per line.
    let events = run_ok(dir.path(), &["extract", "seeds/000_77c680d69fdef6ac.txt"]);
    assert_eq!(events.lines().count(), record["events"].as_array().unwrap().len());
    assert!(events.starts_with("{\"id\":1,\"kind\":"), "{events}");
}

/// A pure filter: standard input to standard output, JSON Lines or plain
/// text; no database and no file anywhere, temporary ones included.
#[test]
fn extract_articles_is_a_filter_that_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let records =
        "{\"id\": \"a\", \"text\": \"Lavrov met Kerry in Geneva on Monday.\", \"published\": \"2013-11-20\"}\n\
                   \n{\"text\": \"Kerry said the talks would resume.\"}\n";
    let run = |stdin: &str, args: &[&str]| {
        let out = bare(dir.path())
            .env("TMPDIR", tmp.path())
            .args(["--db", "never.db", "extract", "--articles"])
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let lines = String::from_utf8(out.stdout).unwrap();
        lines.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()).collect::<Vec<_>>()
    };
    let from_records = run(records, &[]);
    let names: Vec<&str> = from_records.iter().map(|r| r["name"].as_str().unwrap()).collect();
    // A record without an id is named after standard input and its line, like FILE:LINE for a file.
    assert_eq!(names, ["a", "stdin:3"]);
    assert_eq!(from_records[0]["published"], "2013-11-20");
    let with_name = run(records, &["--name", "feed"]);
    assert_eq!(with_name[1]["name"], "feed:3");
    let from_text = run("Lavrov met Kerry in Geneva on Monday.\n", &["--published", "2013-11-20", "-"]);
    assert_eq!(from_text.len(), 1);
    assert_eq!((&from_text[0]["name"], &from_text[0]["published"]), (&"stdin".into(), &"2013-11-20".into()));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "extract wrote a file where it ran");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0, "extract wrote a temporary file");
}

/// Ingest reads JSON Lines on standard input too: the same records as from a file.
#[test]
fn ingest_reads_json_lines_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let records =
        "{\"id\": \"a\", \"text\": \"Lavrov met Kerry in Geneva on Monday.\", \"published\": \"2013-11-20\"}\n";
    let out = run_with(dir.path(), "t.db", &["ingest", "-"], records.as_bytes());
    assert!(stderr(&out).contains("articles: 1 new"), "{}", stderr(&out));
    assert_eq!(run_ok(dir.path(), &["sql", "SELECT name, path FROM articles", "--no-headers"]), "a,stdin:1\n");
}

fn seed_records(dir: &Path) -> Vec<String> {
    copy_seeds(dir);
    run_ok(dir, &["extract", "--articles", "seeds"]).lines().map(String::from).collect()
}

/// A record as if extracted by chronicle VERSION with the dictionaries of fingerprint DICTIONARY.
fn from_elsewhere(line: &str, version: &str, dictionary: &str) -> String {
    edit(line, |r| {
        r["chronicle"] = version.into();
        r["dictionary"] = dictionary.into();
    })
}

fn edit(line: &str, f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut record: serde_json::Value = serde_json::from_str(line).unwrap();
    f(&mut record);
    serde_json::to_string(&record).unwrap()
}

#[test]
fn load_is_idempotent_and_replaces_changed_articles() {
    let dir = tempfile::tempdir().unwrap();
    let records = seed_records(dir.path());
    std::fs::write(dir.path().join("r.jsonl"), records.join("\n") + "\n").unwrap();
    let load = |args: &[&str]| {
        let out = chronicle(dir.path()).arg("load").args(args).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    assert!(load(&["r.jsonl"]).contains("5 new, 0 unchanged, 0 replaced, 0 failed; added 77 events"));
    assert!(load(&["r.jsonl"]).contains("0 new, 5 unchanged, 0 replaced, 0 failed; added 0 events"));
    assert!(load(&["--force", "r.jsonl"]).contains("0 new, 0 unchanged, 5 replaced, 0 failed; added 77 events"));
    // The article changed where it was extracted: a new hash, one event fewer.
    let changed = edit(&records[0], |r| {
        r["content_hash"] = "0".repeat(64).into();
        r["events"].as_array_mut().unwrap().pop();
    });
    std::fs::write(dir.path().join("changed.jsonl"), changed + "\n").unwrap();
    let before = status_counts(dir.path());
    assert!(load(&["changed.jsonl"]).contains("0 new, 0 unchanged, 1 replaced"));
    let after = status_counts(dir.path());
    assert_eq!((after["articles"], after["events"]), (5, before["events"] - 1));
}

#[test]
fn bad_records_are_reported_with_file_and_line_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let records = seed_records(dir.path());
    let lines = [
        records[0].clone(),
        "{\"format\": 1, \"name\":".to_string(),
        records[1].clone(),
        edit(&records[2], |r| r["events"][0]["mentions"][0]["end"] = 1_000_000.into()),
        edit(&records[3], |r| r["format"] = 2.into()),
        "{\"id\": \"x\", \"text\": \"Kerry said so.\"}".to_string(),
        records[4].clone(),
        // The same article name again in one run: as with ingest, the first is kept.
        edit(&records[1], |r| r["content_hash"] = "0".repeat(64).into()),
    ];
    std::fs::write(dir.path().join("r.jsonl"), lines.join("\n") + "\n").unwrap();
    let out = chronicle(dir.path()).args(["load", "r.jsonl"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error: r.jsonl:2: malformed JSON"), "{err}");
    // Placed by the file's line and the column, never by serde's "line 1"
    // inside the record (issue 20's message fault, fixed for load too).
    assert!(!err.contains(" at line 1 column"), "{err}");
    assert!(err.contains("error: r.jsonl:4: event 1: mention 1: bytes"), "{err}");
    assert!(err.contains("error: r.jsonl:5: record format 2; this chronicle"), "{err}");
    assert!(err.contains("error: r.jsonl:6: not a stored-article record"), "{err}");
    assert!(err.contains("error: r.jsonl:8: an earlier record of this run has the same article name '001_"), "{err}");
    assert!(err.contains("articles: 3 new, 0 unchanged, 0 replaced, 5 failed"), "{err}");
    let names = run_ok(dir.path(), &["sql", "SELECT name FROM articles ORDER BY id", "--no-headers"]);
    assert_eq!(names, "000_77c680d69fdef6ac.txt\n001_f1cd706057b0bc08.txt\n004_ef9138cfa12a088e.txt\n");
}

/// Another version or other dictionaries: said once per distinct value, stored all the same, with the fingerprint.
#[test]
fn records_from_another_version_or_dictionary_are_reported_once_and_stored() {
    let dir = tempfile::tempdir().unwrap();
    let records = seed_records(dir.path());
    let own =
        serde_json::from_str::<serde_json::Value>(&records[0]).unwrap()["dictionary"].as_str().unwrap().to_string();
    let (a, b) = ("a".repeat(64), "b".repeat(64));
    let lines = [
        records[0].clone(),
        from_elsewhere(&records[1], "0.0.9", &a),
        from_elsewhere(&records[2], "0.0.9", &a),
        from_elsewhere(&records[3], "0.0.8", &b),
        from_elsewhere(&records[4], "0.0.9", &b),
    ];
    std::fs::write(dir.path().join("r.jsonl"), lines.join("\n") + "\n").unwrap();
    let out = chronicle(dir.path()).args(["load", "r.jsonl"]).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let count = |needle: &str| err.matches(needle).count();
    assert_eq!(count("extracted by chronicle 0.0.9"), 1, "{err}");
    assert_eq!(count("extracted by chronicle 0.0.8"), 1, "{err}");
    assert_eq!(count("extracted with other dictionaries"), 2, "{err}");
    assert!(err.contains("warning: r.jsonl:2: extracted by chronicle 0.0.9"), "{err}");
    assert!(err.contains("warning: r.jsonl:4: extracted with other dictionaries (fingerprint bbbbbbbbbbbb"), "{err}");
    assert!(err.contains("5 new, 0 unchanged, 0 replaced, 0 failed"), "{err}");
    let stored = run_ok(dir.path(), &["sql", "SELECT dict_hash FROM articles ORDER BY id", "--no-headers"]);
    assert_eq!(stored, [own.as_str(), &a, &a, &b, &b].join("\n") + "\n");
}

/// The output folder of a Spark job: its part files in name order, its `_SUCCESS` and checksum files skipped.
#[test]
fn load_reads_a_folder_of_shards_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let records = seed_records(dir.path());
    let shards = dir.path().join("out");
    std::fs::create_dir(&shards).unwrap();
    std::fs::write(shards.join("part-00001"), records[3..].join("\n") + "\n").unwrap();
    std::fs::write(shards.join("part-00000"), records[..3].join("\n") + "\n").unwrap();
    std::fs::write(shards.join("part-00002"), "").unwrap();
    std::fs::write(shards.join("_SUCCESS"), "").unwrap();
    std::fs::write(shards.join(".part-00000.crc"), b"\x00\x01crc").unwrap();
    let out = chronicle(dir.path()).args(["load", "out"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let names = run_ok(dir.path(), &["sql", "SELECT name FROM articles ORDER BY id", "--no-headers"]);
    let want: Vec<String> = records
        .iter()
        .map(|r| serde_json::from_str::<serde_json::Value>(r).unwrap()["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, want.join("\n") + "\n");
    // A folder without any, and a compressed shard, are named.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::write(dir.path().join("empty/_SUCCESS"), "").unwrap();
    std::fs::write(dir.path().join("part-00000.gz"), b"\x1f\x8b\x08\x00rest").unwrap();
    let out = chronicle(dir.path()).args(["load", "empty", "part-00000.gz"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error: empty: no record files in this folder"), "{err}");
    assert!(err.contains("error: part-00000.gz: gzip-compressed; decompress it first"), "{err}");
}
