//! The events table on a real terminal: `chronicle events` under a
//! pseudo-terminal of 80 x 24 on 5,000 generated articles (about 90,000
//! events). It must show one screenful and say how to get more, keep every
//! line within 80 columns, and stay under 100 MB whatever the size of the
//! timeline, `--all` included. The child's peak memory comes from wait4.

mod common;

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::Stdio;

use common::*;
use unicode_width::UnicodeWidthStr;

const COLS: u16 = 80;
const ROWS: u16 = 24;

/// What a run under the pseudo-terminal printed, and what it cost.
struct Run {
    screen: String,
    max_rss_mb: f64,
    seconds: f64,
    status: i32,
}

/// Runs chronicle with stdin, stdout and stderr on a new pseudo-terminal of COLS x ROWS.
// The child is reaped with wait4, for its resource usage, not with Child::wait.
#[allow(clippy::zombie_processes)]
fn on_terminal(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let (mut master, slave) = unsafe {
        let mut master = -1;
        let mut slave = -1;
        let size = libc::winsize { ws_row: ROWS, ws_col: COLS, ws_xpixel: 0, ws_ypixel: 0 };
        let rc = libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size);
        assert_eq!(rc, 0, "openpty failed: {}", std::io::Error::last_os_error());
        (std::fs::File::from_raw_fd(master), OwnedFd::from_raw_fd(slave))
    };
    let bin = assert_cmd::cargo::cargo_bin("chronicle");
    let mut cmd = std::process::Command::new(bin);
    cmd.current_dir(dir)
        .arg("--db")
        .arg(dir.join("t.db"))
        .args(args)
        .env_remove("CHRONICLE_DB")
        .env_remove("PAGER")
        .env("TERM", "xterm")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let started = std::time::Instant::now();
    let child = cmd.spawn().unwrap();
    drop(cmd); // closes the parent's copies of the slave, so reads end when the child does
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 65536];
        loop {
            match master.read(&mut buf) {
                Ok(0) | Err(_) => break, // EIO once the child has closed the terminal
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        drop(master.flush());
        out
    });
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid, "wait4: {}", std::io::Error::last_os_error());
    let seconds = started.elapsed().as_secs_f64();
    let screen = String::from_utf8(reader.join().unwrap()).unwrap().replace("\r\n", "\n");
    Run { screen, max_rss_mb: usage.ru_maxrss as f64 / 1024.0, seconds, status: libc::WEXITSTATUS(status) }
}

/// 5,000 generated articles (tools/gencorpus.rs, seed 42) ingested into DIR/t.db.
fn big_database(dir: &Path) -> i64 {
    let path = dir.join("corpus.jsonl");
    generate(&[(&path, 0..5000)]);
    let out = ingest(dir, &[path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    status_counts(dir)["events"]
}

#[test]
fn events_table_fits_one_screen_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let events = big_database(dir.path());
    assert!(events > 50_000, "only {events} events");

    let run = on_terminal(dir.path(), &["events"], &[]);
    eprintln!("{}", run.screen);
    let lines: Vec<&str> = run.screen.lines().collect();
    eprintln!(
        "events on {COLS}x{ROWS}: {} lines, max RSS {:.1} MB, {:.2} s, {events} events",
        lines.len(),
        run.max_rss_mb,
        run.seconds
    );
    assert_eq!(run.status, 0, "{}", run.screen);
    // One screenful with the "more" line in it, leaving a line for the prompt.
    assert!(lines.len() < ROWS as usize, "{} lines:\n{}", lines.len(), run.screen);
    assert!(lines.len() > 10, "{}", run.screen);
    for line in &lines {
        assert!(line.width() <= COLS as usize, "{} columns: {line}", line.width());
    }
    assert!(lines[0].trim_start().starts_with("id") && lines[0].contains("summary"), "{}", lines[0]);
    let more = lines.last().unwrap();
    assert!(more.replace(',', "").contains(&format!("of {events} events")) && more.contains("--all"), "{more}");
    assert!(run.screen.contains('\u{2026}'), "nothing was cut:\n{}", run.screen);
    assert!(run.max_rss_mb < 100.0, "max RSS {:.1} MB", run.max_rss_mb);

    // Every event, streamed: the same width, still bounded memory.
    let all = on_terminal(dir.path(), &["events", "--all"], &[]);
    let lines: Vec<&str> = all.screen.lines().collect();
    eprintln!("events --all: {} lines, max RSS {:.1} MB, {:.2} s", lines.len(), all.max_rss_mb, all.seconds);
    assert_eq!(all.status, 0);
    assert_eq!(lines.len() as i64, events + 2, "header, rule and one line per event");
    assert!(lines.iter().all(|l| l.width() <= COLS as usize));
    assert!(all.max_rss_mb < 100.0, "max RSS {:.1} MB", all.max_rss_mb);

    // With $PAGER, a timeline longer than the screen goes to the pager whole.
    let visits = run_ok(dir.path(), &["events", "--kind", "visit", "--format", "csv"]).lines().count() - 1;
    assert!(visits > ROWS as usize, "{visits} visits");
    let paged = dir.path().join("paged.txt");
    let pager = format!("cat > '{}'", paged.display());
    let run = on_terminal(dir.path(), &["events", "--kind", "visit"], &[("PAGER", &pager)]);
    assert_eq!(run.status, 0, "{}", run.screen);
    assert_eq!(std::fs::read_to_string(&paged).unwrap().lines().count(), visits + 2);
    eprintln!("{}", run.screen);

    // --limit on a terminal: exactly that many rows, no "more" line.
    let run = on_terminal(dir.path(), &["events", "--limit", "5", "-c", "date,kind,quote"], &[]);
    let lines: Vec<&str> = run.screen.lines().collect();
    assert_eq!(lines.len(), 7, "{}", run.screen);
    assert!(lines[0].starts_with("date") && lines[0].contains("quote"), "{}", run.screen);
}
