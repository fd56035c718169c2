//! One module per command, each thin: parse nothing (clap did), call the
//! library, write the output. Each starts with its usage examples, which are
//! also its `--help` epilogue.

pub mod db;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
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
    Ok(Box::leak(Box::new(dict)))
}

/// Buffered standard output. Errors (a closed pipe included) surface on write.
pub fn stdout() -> Box<dyn Write> {
    Box::new(BufWriter::with_capacity(64 * 1024, io::stdout().lock()))
}

/// A file written under a temporary name and moved into place only when
/// complete, so a failed export never leaves half a file behind.
pub struct AtomicFile {
    tmp: std::path::PathBuf,
    dest: std::path::PathBuf,
}

impl AtomicFile {
    pub fn create(dest: &Path) -> anyhow::Result<(AtomicFile, Box<dyn Write>)> {
        let mut name = dest.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".partial");
        let tmp = dest.with_file_name(name);
        let file = std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
        Ok((AtomicFile { tmp, dest: dest.to_path_buf() }, Box::new(BufWriter::with_capacity(64 * 1024, file))))
    }

    pub fn commit(self) -> anyhow::Result<()> {
        std::fs::rename(&self.tmp, &self.dest).with_context(|| format!("cannot write {}", self.dest.display()))
    }

    pub fn abandon(self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}
