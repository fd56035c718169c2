//! One module per command, each thin: parse nothing (clap did), call the
//! library, write the output. Each starts with its usage examples, which are
//! also its `--help` epilogue.

pub mod datasette;
pub mod db;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod load;
pub mod report;
pub mod show;
pub mod sql;

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;

use crate::dict::Dictionaries;

/// The dictionaries: built-in, with the user's folder layered on top when given.
///
/// They live until the process ends, so they are never freed: dropping tens of
/// thousands of small allocations (names, aliases, roles, the matchers) took
/// about a millisecond at the end of every one-article run.
pub fn dictionaries(dir: Option<&Path>) -> anyhow::Result<&'static Dictionaries> {
    let dict = match dir {
        Some(dir) => {
            Dictionaries::with_overlay(dir).with_context(|| format!("loading dictionaries from {}", dir.display()))?
        }
        None => Dictionaries::builtin()?,
    };
    // The world gazetteer's table is built on a thread of its own, while
    // the articles are read, ready for the first name it is asked about.
    dict.gazetteer.warm();
    Ok(Box::leak(Box::new(dict)))
}

/// An error and its causes, each said once: a cause whose text the message
/// already holds (a wrapper that repeats its source) is left out.
pub fn message(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let part = cause.to_string();
        if !text.contains(&part) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&part);
        }
    }
    text
}

/// Buffered standard output. Errors (a closed pipe included) surface on write.
pub fn stdout() -> Box<dyn Write> {
    Box::new(BufWriter::with_capacity(64 * 1024, io::stdout().lock()))
}

/// Whether `e` is a closed output pipe (`chronicle events | head`, a pager
/// quit early): a clean end, not an error.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<crate::store::StoreError>().is_some_and(
                |s| matches!(s, crate::store::StoreError::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
            || cause.downcast_ref::<csv::Error>().is_some_and(
                |c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
    })
}
