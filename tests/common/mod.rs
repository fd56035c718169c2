//! Helpers shared by the integration tests: run the real binary in a folder.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "../../tools/corpus.rs"]
mod corpus;

/// `chronicle --db DIR/t.db` run in DIR, with no environment leaking in.
pub fn chronicle(dir: &Path) -> assert_cmd::Command {
    let mut cmd = bare(dir);
    cmd.arg("--db").arg(dir.join("t.db"));
    cmd
}

/// `chronicle` run in DIR without a `--db`.
pub fn bare(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("chronicle").unwrap();
    cmd.current_dir(dir).env_remove("CHRONICLE_DB").env_remove("CHRONICLE_DICT");
    cmd
}

/// Makes DIR/NAME an empty chronicle database (an empty file brought up to
/// the schema by `db upgrade`): reading commands never create one.
pub fn empty_database(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    std::fs::write(&db, b"").unwrap();
    let out = bare(dir).arg("--db").arg(&db).args(["db", "upgrade"]).output().unwrap();
    assert!(out.status.success(), "db upgrade of an empty file failed: {}", stderr(&out));
    db
}

pub fn ingest(dir: &Path, args: &[&str]) -> Output {
    chronicle(dir).arg("ingest").args(args).output().unwrap()
}

/// Runs a command that must succeed; its stdout.
pub fn run_ok(dir: &Path, args: &[&str]) -> String {
    let out = chronicle(dir).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file of the folder (the database and any WAL or shared-memory file) with its bytes.
pub fn folder_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

/// Copies `seeds/` into DIR/seeds.
pub fn copy_seeds(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dest = dir.join("seeds");
    std::fs::create_dir_all(&dest).unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dest.join(entry.file_name())).unwrap();
    }
    dest
}

/// `db status` as a map from item to count.
pub fn status_counts(dir: &Path) -> HashMap<String, i64> {
    let out = run_ok(dir, &["db", "status", "--format", "csv"]);
    csv::Reader::from_reader(out.as_bytes())
        .records()
        .filter_map(|r| {
            let r = r.unwrap();
            r[1].parse().ok().map(|n| (r[0].to_string(), n))
        })
        .collect()
}

/// The paragraphs of the seed articles (lines of some length), in file order.
pub fn seed_paragraphs() -> Vec<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f).unwrap().lines().filter(|l| l.len() > 60).map(String::from).collect::<Vec<_>>()
        })
        .collect()
}

/// Writes `n` distinct small articles `PREFIX_NNNN.txt` into DIR/PREFIX, each
/// a few seed paragraphs (chosen by its number) and a line of its own; returns the folder.
pub fn write_articles(dir: &Path, prefix: &str, n: usize) -> PathBuf {
    let paragraphs = seed_paragraphs();
    let folder = dir.join(prefix);
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..n {
        let mut text: Vec<&str> = (0..3).map(|k| paragraphs[(i * 7 + k * 13) % paragraphs.len()].as_str()).collect();
        let own = format!("This is dispatch {i} of the {prefix} desk.");
        text.push(&own);
        std::fs::write(folder.join(format!("{prefix}_{i:04}.txt")), text.join("\n\n") + "\n").unwrap();
    }
    folder
}

/// Per article name: (events, mentions) that `chronicle extract` finds in the inputs.
pub fn expected_counts(dir: &Path, args: &[&str]) -> HashMap<String, (i64, i64)> {
    let out = run_ok(dir, &[&["extract"], args].concat());
    let mut counts: HashMap<String, (i64, i64)> = HashMap::new();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mentions = v["mentions"].as_array().unwrap();
        let entry = counts.entry(mentions[0]["article"].as_str().unwrap().to_string()).or_default();
        entry.0 += 1;
        entry.1 += mentions.len() as i64;
    }
    counts
}

/// Per stored article name: (events, mentions) in the database at `db`: the
/// article's own reports of events, and their mentions.
pub fn stored_counts(db: &Path) -> HashMap<String, (i64, i64)> {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT a.name,
                    (SELECT count(*) FROM reports r WHERE r.article_id = a.id),
                    (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)
               FROM articles a",
        )
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))).unwrap();
    rows.map(Result::unwrap).collect()
}

/// Generated articles, as `tools/gencorpus.rs` makes them (seed 42), written
/// in turn to each output with its ids: a `.jsonl` file, or a folder of
/// `.txt` files with an `index.tsv`.
pub fn generate(outputs: &[(&Path, std::ops::Range<usize>)]) {
    let dict = chronicle::dict::Dictionaries::builtin().unwrap();
    let mut corpus = corpus::Corpus::new(&dict, 42);
    for (out, ids) in outputs {
        corpus.write(ids.clone(), out).unwrap();
    }
}

/// What `ingest` and `extract --articles | load` must agree on in the
/// database at DIR/DB: the events export (JSON Lines), and the articles
/// table without the time of ingestion.
pub fn stored(dir: &Path, db: &str) -> (String, Vec<serde_json::Value>) {
    let export = |what: &str| {
        let out = bare(dir).args(["--db", db, "export", what, "--format", "jsonl"]).output().unwrap();
        assert!(out.status.success(), "export {what}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let articles = export("articles")
        .lines()
        .map(|line| {
            let mut row: serde_json::Value = serde_json::from_str(line).unwrap();
            row.as_object_mut().unwrap().remove("ingested_at").expect("articles have an ingested_at");
            row
        })
        .collect();
    (export("events"), articles)
}
