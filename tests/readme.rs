//! The README's examples run, as sqlite-utils checks its documentation: every
//! `console` block is run in order, in a folder holding a copy of `seeds/`,
//! with `chronicle` on the PATH and COLUMNS=80, and its output (stdout and
//! stderr together) must be what the README shows. A line `...` stands for
//! any number of lines, a line ending in `...` for one line starting with what
//! comes before. Blocks of other kinds (`sh`) are not run. Also: every
//! command has a line in the README's command table, and the README names no
//! path outside the repository.

mod common;

use std::path::Path;

use common::*;

/// (command, expected output lines) of every `$ ` line in `console` blocks, in order.
fn examples(readme: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        if let Some(info) = line.strip_prefix("```") {
            in_console = !in_console && info.trim() == "console";
            continue;
        }
        if !in_console {
            continue;
        }
        match line.strip_prefix("$ ") {
            Some(command) => out.push((command.to_string(), Vec::new())),
            None => out.last_mut().expect("a console block starts with a $ line").1.push(line.to_string()),
        }
    }
    out
}

/// Whether `actual` matches `expected`, with `...` lines and `...` line endings.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e == "..." => (0..=actual.len()).any(|skip| matches(rest, &actual[skip..])),
        Some((e, rest)) => match actual.split_first() {
            None => false,
            Some((a, more)) => {
                let same = match e.strip_suffix("...") {
                    Some(prefix) => a.starts_with(prefix),
                    None => a.trim_end() == e.trim_end(),
                };
                same && matches(rest, more)
            }
        },
    }
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn readme_examples_give_the_output_shown() {
    let examples = examples(&readme());
    assert!(examples.len() >= 8, "only {} examples found", examples.len());
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("chronicle");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    for (command, expected) in &examples {
        assert!(command.starts_with("chronicle "), "an example that is not chronicle: {command}");
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{command} 2>&1"))
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("COLUMNS", "80")
            .env_remove("CHRONICLE_DB")
            .env_remove("CHRONICLE_DICT")
            .env_remove("PAGER")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let actual: Vec<&str> = text.lines().collect();
        assert!(
            matches(expected, &actual),
            "README example `{command}` drifted.\n--- README:\n{}\n--- actual:\n{text}",
            expected.join("\n")
        );
    }
    // The files the tour writes are there.
    for file in ["seeds.db", "timeline.xlsx", "metadata.json"] {
        assert!(dir.path().join(file).exists(), "{file}");
    }
}

#[test]
fn every_command_is_in_the_readme_and_no_path_leaves_the_repository() {
    let text = readme();
    let dir = tempfile::tempdir().unwrap();
    let help = run_ok(dir.path(), &["--help"]);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A command's line; a description wrapped onto the next line is indented further.
        .filter(|l| !l[2..].starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 8, "{help}");
    for c in commands {
        assert!(text.contains(&format!("| `chronicle {c}")), "the README's command table has no `chronicle {c}`");
    }
    for bad in ["../", "/work/", "/tmp/", "/home/"] {
        assert!(!text.contains(bad), "the README names a path outside the repository: {bad}");
    }
    // Every relative link points at a file of the repository.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for link in text.split("](").skip(1).filter_map(|rest| rest.split(')').next()) {
        if !link.starts_with('#') && !link.contains("://") {
            assert!(root.join(link).exists(), "broken link {link}");
        }
    }
}

#[test]
fn the_matcher_understands_ellipses() {
    let e = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert!(matches(&e(&["a", "...", "d"]), &["a", "b", "c", "d"]));
    assert!(matches(&e(&["a", "...", "d"]), &["a", "d"]));
    assert!(!matches(&e(&["a", "...", "d"]), &["a", "b"]));
    assert!(matches(&e(&["{\"id\":1..."]), &["{\"id\":1,\"x\":2}"]));
    assert!(!matches(&e(&["a"]), &["a", "b"]));
    assert!(!matches(&e(&["a"]), &["b"]));
}
