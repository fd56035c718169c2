//! `export -o PATH` keeps PATH what it was (issue 20): as root, `-o /dev/null`
//! once replaced the machine's /dev/null with a CSV file, and a FIFO or a
//! symlink was replaced the same way. A symlink is followed and stays a link,
//! a character device or FIFO is written directly, a regular file is replaced
//! only once the export is complete, and messages name PATH.

#![cfg(unix)]

mod common;

use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use common::*;

/// DIR with the seed articles ingested; the CSV that `export events` prints.
fn ingested() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    let csv = run_ok(dir.path(), &["export", "events", "--format", "csv"]);
    assert!(csv.lines().count() > 10);
    (dir, csv)
}

/// The names in DIR, sorted: nothing but what the test made may be left there.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn export_to(dir: &Path, path: &Path) -> std::process::Output {
    chronicle(dir).args(["export", "events", "--format", "csv", "-o"]).arg(path).output().unwrap()
}

#[test]
fn export_to_a_fifo_writes_through_it_and_leaves_it_a_fifo() {
    let (dir, csv) = ingested();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let fifo = out_dir.join("pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo (coreutils) is needed for this test and failed or is missing");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo).unwrap().read_to_string(&mut text).unwrap();
            text
        })
    };
    let out = export_to(dir.path(), &fifo);
    assert!(out.status.success(), "{}", stderr(&out));
    // Checked before joining: a replaced FIFO would leave the reader waiting forever.
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");
    assert_eq!(reader.join().unwrap(), csv);
    assert_eq!(names(&out_dir), vec!["pipe.csv"]);
}

#[test]
fn export_to_a_symlink_writes_its_target_and_leaves_the_link() {
    let (dir, csv) = ingested();
    let out_dir = dir.path().join("out");
    std::fs::create_dir_all(out_dir.join("real")).unwrap();
    let target = out_dir.join("real/timeline.csv");
    std::fs::write(&target, "old\n").unwrap();
    let link = out_dir.join("latest.csv");
    std::os::unix::fs::symlink("real/timeline.csv", &link).unwrap();
    let out = export_to(dir.path(), &link);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced by a file");
    assert_eq!(std::fs::read_link(&link).unwrap(), PathBuf::from("real/timeline.csv"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), csv);
    assert_eq!(names(&out_dir), vec!["latest.csv", "real"]);
    assert_eq!(names(&out_dir.join("real")), vec!["timeline.csv"]);
    // A dangling link: its target is created, the link stays.
    let dangling = out_dir.join("next.csv");
    std::os::unix::fs::symlink("real/next.csv", &dangling).unwrap();
    assert!(export_to(dir.path(), &dangling).status.success());
    assert!(std::fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(out_dir.join("real/next.csv")).unwrap(), csv);
}

/// A character device made with `mknod` (the same device as /dev/null). CI
/// runs as root, which `mknod` needs: anywhere else this test fails, saying so.
#[test]
fn export_to_a_character_device_writes_it_and_never_replaces_it() {
    let (dir, _) = ingested();
    let device = dir.path().join("null");
    let made = std::process::Command::new("mknod").arg(&device).args(["c", "1", "3"]).output();
    let made = made.expect("mknod (coreutils) is needed for this test and is missing");
    assert!(
        made.status.success(),
        "mknod failed ({}): this test needs root (CI runs as root) to make a character device",
        String::from_utf8_lossy(&made.stderr).trim()
    );
    let out = export_to(dir.path(), &device);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(&device).unwrap();
    assert!(meta.file_type().is_char_device(), "the device was replaced by a {:?}", meta.file_type());
    assert!(!names(dir.path()).iter().any(|n| n.contains("partial")), "{:?}", names(dir.path()));
}

#[test]
fn export_replaces_a_regular_file_only_when_complete() {
    let (dir, csv) = ingested();
    let file = dir.path().join("timeline.csv");
    std::fs::write(&file, "keep me\n").unwrap();
    let before = names(dir.path());
    // A failing export (no such table) leaves the file as it was, and no temporary file.
    let out = chronicle(dir.path()).args(["export", "no_such_table", "-o"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no table or view named 'no_such_table'"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me\n");
    assert_eq!(names(dir.path()), before);
    // A complete one replaces it.
    assert!(export_to(dir.path(), &file).status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), csv);
    assert_eq!(names(dir.path()), before);
}

#[test]
fn export_errors_name_the_path_not_the_partial_file() {
    let (dir, _) = ingested();
    let missing = dir.path().join("no/such/folder/x.csv");
    for (path, expected) in [
        (missing.clone(), format!("error: cannot write {}: its folder", missing.display())),
        (
            dir.path().join("seeds"),
            format!("error: cannot write {}: it is a folder", dir.path().join("seeds").display()),
        ),
        // /dev/full: every write fails as a full disk would.
        (PathBuf::from("/dev/full"), "error: cannot write /dev/full: No space left on device".to_string()),
    ] {
        let out = export_to(dir.path(), &path);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(&expected), "{path:?}: {err}");
        assert!(!err.contains("partial"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert!(!names(dir.path()).iter().any(|n| n.contains("partial")), "{:?}", names(dir.path()));
}

/// The issue's own command, `export events -o /dev/null` with no `--format`:
/// a device has no extension to infer a format from, so it gets CSV, as a
/// pipe on standard output does (it once failed on the format inference).
#[test]
fn export_to_dev_null_without_a_format_writes_csv() {
    let (dir, _) = ingested();
    let out = chronicle(dir.path()).args(["export", "events", "-o", "/dev/null"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // A regular file with an unknown extension is still an error.
    let out = chronicle(dir.path()).args(["export", "events", "-o", "x.dat"]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cannot tell the format"), "{}", stderr(&out));
}
