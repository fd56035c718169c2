//! Helpers shared by the integration tests: run the real binary in a folder.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

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
