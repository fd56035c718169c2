//! `chronicle load FILE...|-`: store the records of `chronicle extract
//! --articles` as `ingest` would have stored those articles, without
//! extracting them again.
//!
//! Extraction is the expensive part of an ingest and needs no database, so it
//! can run anywhere (a Spark job's map step, several machines); `load` is the
//! one writer. It goes through the same write path as `ingest`
//! (`ingest::store_all`, `Store::write_batch`): the same idempotence (a
//! record whose content hash is stored under its name is unchanged), the same
//! replacement of changed articles, one transaction per batch with each
//! article whole or not at all, and the bulk-load mode for an empty database.
//!
//! Inputs: files of records (one JSON object per line), folders of them
//! (every file in name order, recursively, except names starting with `_` or
//! `.`, which is how Hadoop and Spark mark `_SUCCESS` and checksum files), or
//! `-` for standard input. A bad record is reported as `FILE:LINE: message`
//! and the rest still go in; the exit status is then 1. As with `ingest`, a
//! record whose article name an earlier record of the run has is such an
//! error, and the first is kept. A record extracted by
//! another chronicle version or with other dictionaries is stored as it is,
//! with the fingerprint of its dictionaries (`articles.dict_hash`), and
//! reported once per distinct version and fingerprint.

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::ingest::{progress_bar, store_all, Settings};
use crate::article::{count_lines, io_message, InputError, JsonLines, SeenNames};
use crate::cli::LoadArgs;
use crate::dict::Dictionaries;
use crate::record::{ArticleRecord, VERSION};
use crate::store::Prepared;

pub const EXAMPLES: &str = "Examples:\n  chronicle extract --articles archive.jsonl > records.jsonl\n  chronicle --db news.db load records.jsonl\n  chronicle extract --articles seeds/ | chronicle --db seeds.db load -\n  chronicle --db news.db load spark-out/records/";

/// Runs the load; `Ok(false)` when some record failed.
pub fn run(
    db: &Path,
    dictionaries: impl FnOnce() -> anyhow::Result<&'static Dictionaries> + Send,
    args: LoadArgs,
) -> anyhow::Result<bool> {
    // The dictionaries' actors and places go into the database as with
    // `ingest`, so that `events --actor` finds aliases; and their fingerprint
    // is what records are compared with.
    let (dict, mut store) = super::ingest::open(db, dictionaries)?;
    let sources = sources(&args.paths);
    let progress = progress_bar(true, || count_records(&sources));
    let records = Records {
        sources,
        current: None,
        max_bytes: args.max_bytes,
        seen: Seen {
            fingerprint: &dict.fingerprint,
            versions: HashSet::new(),
            dictionaries: HashSet::new(),
            names: SeenNames::default(),
        },
    };
    // Records are parsed as they are read, on this thread, so that the
    // version notices come in input order; the parsing is a few percent of
    // the writing, which the next batch's parsing does not wait for anyway.
    let settings =
        Settings { command: "load", batch: args.batch as usize, force: args.force, many: true, progress, dict };
    store_all(&mut store, records, |(location, prepared, notes)| (location, Ok((prepared, notes))), &settings)
}

/// Where records come from.
enum Source {
    Stdin,
    File(PathBuf),
}

/// Every record of every input, in order, parsed and checked.
struct Records<'a> {
    sources: VecDeque<Result<Source, InputError>>,
    current: Option<JsonLines<Box<dyn BufRead>>>,
    max_bytes: u64,
    seen: Seen<'a>,
}

/// The versions and dictionaries met so far that differ from this
/// chronicle's, and the article names.
struct Seen<'a> {
    fingerprint: &'a str,
    versions: HashSet<String>,
    dictionaries: HashSet<String>,
    names: SeenNames,
}

/// A record ready to store: where it came from, the article, notices about it.
type Item = (String, Prepared, Vec<String>);

impl Iterator for Records<'_> {
    type Item = Result<Item, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = &mut self.current {
                match lines.advance(self.max_bytes) {
                    None => self.current = None,
                    Some(Err(e)) => return Some(Err(e)),
                    Some(Ok(())) => return Some(self.seen.record(lines.current(), lines.location())),
                }
                continue;
            }
            match self.sources.pop_front()?.and_then(open) {
                Ok(lines) => self.current = Some(lines),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Seen<'_> {
    /// Parses and checks one record; notes a version or dictionary not met before.
    fn record(&mut self, line: &[u8], location: String) -> Result<Item, InputError> {
        let record = ArticleRecord::parse(line).map_err(|m| InputError::new(&location, m))?;
        let (version, dictionary) = (record.chronicle.clone(), record.dictionary.clone());
        let prepared = record.into_prepared().map_err(|m| InputError::new(&location, m))?;
        if !self.names.first(&prepared.article.name) {
            let message = format!(
                "an earlier record of this run has the same article name '{}'; skipped, the first is kept",
                prepared.article.name
            );
            return Err(InputError::new(location, message));
        }
        let mut notes = Vec::new();
        if version != VERSION && self.versions.insert(version.clone()) {
            notes.push(format!(
                "{location}: extracted by chronicle {version} (this is {VERSION}); stored as it is \
                 (said once per version)"
            ));
        }
        if dictionary != self.fingerprint && self.dictionaries.insert(dictionary.clone()) {
            notes.push(format!(
                "{location}: extracted with other dictionaries (fingerprint {}, these are {}); stored as it is, \
                 its fingerprint kept in articles.dict_hash (said once per fingerprint)",
                short(&dictionary),
                short(self.fingerprint)
            ));
        }
        Ok((location, prepared, notes))
    }
}

/// The start of a fingerprint, enough to tell two apart in a message.
fn short(fingerprint: &str) -> &str {
    fingerprint.get(..12).unwrap_or(fingerprint)
}

/// Opens one input's lines; a compressed file is refused by name.
fn open(source: Source) -> Result<JsonLines<Box<dyn BufRead>>, InputError> {
    let (path, mut reader): (PathBuf, Box<dyn BufRead>) = match source {
        Source::Stdin => (PathBuf::from("stdin"), Box::new(std::io::stdin().lock())),
        Source::File(path) => {
            let file = File::open(&path).map_err(|e| InputError::new(path.display().to_string(), io_message(&e)))?;
            (path, Box::new(BufReader::with_capacity(1 << 16, file)))
        }
    };
    let head = reader.fill_buf().map_err(|e| InputError::new(path.display().to_string(), io_message(&e)))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        return Err(InputError::new(
            path.display().to_string(),
            "gzip-compressed; decompress it first (e.g. `zcat FILE | chronicle load -`)",
        ));
    }
    Ok(JsonLines::new(path, reader))
}

/// The inputs named on the command line, folders walked, in order.
fn sources(paths: &[String]) -> VecDeque<Result<Source, InputError>> {
    let mut found = VecDeque::new();
    let mut visited = HashSet::new();
    for p in paths {
        if p == "-" {
            found.push_back(Ok(Source::Stdin));
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Err(e) => found.push_back(Err(InputError::new(p, io_message(&e)))),
            Ok(m) if m.is_dir() => {
                let before = found.len();
                walk(&path, &mut visited, &mut found);
                if found.len() == before {
                    found.push_back(Err(InputError::new(
                        p,
                        "no record files in this folder (names starting with `_` or `.` are skipped)",
                    )));
                }
            }
            Ok(_) => found.push_back(Ok(Source::File(path))),
        }
    }
    found
}

/// How many records the sources hold (their non-blank lines), for the
/// progress bar; none when standard input is among them.
fn count_records(sources: &VecDeque<Result<Source, InputError>>) -> Option<u64> {
    let mut total = 0;
    for source in sources {
        total += match source {
            Ok(Source::Stdin) => return None,
            Ok(Source::File(path)) => count_lines(path).ok()?,
            Err(_) => 0,
        };
    }
    Some(total)
}

/// Every file under `dir` in name order, except hidden ones (`_SUCCESS`, `.part-00000.crc`).
fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, found: &mut VecDeque<Result<Source, InputError>>) {
    let here = dir.display().to_string();
    match dir.canonicalize() {
        Ok(real) if !visited.insert(real.clone()) => {
            let message = format!("folder already visited as {} (symlink loop?); skipped", real.display());
            return found.push_back(Err(InputError::new(here, message)));
        }
        Ok(_) => {}
        Err(e) => return found.push_back(Err(InputError::new(here, io_message(&e)))),
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return found.push_back(Err(InputError::new(here, io_message(&e)))),
    };
    entries.sort();
    for path in entries {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(['_', '.']));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Err(e) => found.push_back(Err(InputError::new(path.display().to_string(), io_message(&e)))),
            Ok(m) if m.is_dir() => walk(&path, visited, found),
            Ok(m) if m.is_file() => found.push_back(Ok(Source::File(path))),
            Ok(_) => found.push_back(Err(InputError::new(
                path.display().to_string(),
                "not a regular file (a FIFO, socket or device); skipped",
            ))),
        }
    }
}
