//! `chronicle ingest PATH...`: read articles, extract their events, store them.
//!
//! Inputs: files; folders, walked recursively in name order for `*.txt`,
//! `*.html`, `*.htm` and `*.jsonl`, with metadata from each folder's
//! `index.tsv` (columns `file`, `published`, `source`, `url`, `title`; others
//! ignored); `-` for standard input; JSON Lines files of
//! `{"id", "text", "published", "source", "url", "title"}` records (only
//! `text` required; `id` defaults to FILE:LINE).
//!
//! Articles are read and extracted on all cores, a batch at a time, and
//! written through one connection: one transaction per batch, one savepoint
//! per article, so each article is stored whole or not at all. The same
//! content (text and metadata) again is "unchanged"; changed content under the
//! same name replaces that article's events and mentions. A bad input is
//! reported as `file[:line]: message` and the rest still go in; the exit
//! status is 1 at the end if anything failed.

use std::io::IsTerminal;
use std::path::Path;

use rayon::prelude::*;

use crate::article::{load, InputError, Inputs, Pending};
use crate::cli::IngestArgs;
use crate::dict::Dictionaries;
use crate::store::{content_hash, Access, Outcome, Prepared, Store};

pub const EXAMPLES: &str = "Examples:\n  chronicle ingest seeds/\n  chronicle ingest --published 2013-11-15 --source \"The Moscow Times\" article.txt\n  curl -s https://example.org/story.html | chronicle ingest --name story.html -\n  chronicle ingest archive.jsonl --max-bytes 5000000";

/// Counts for the closing summary.
#[derive(Debug, Default)]
struct Summary {
    new: u64,
    unchanged: u64,
    replaced: u64,
    failed: u64,
    events: u64,
    mentions: u64,
}

/// Reads, decodes and extracts one input: the part that runs on every core.
pub fn prepare(pending: Pending, dict: &Dictionaries, max_bytes: u64) -> Result<(Prepared, Vec<String>), InputError> {
    let location = pending.location();
    let loaded = load(pending, max_bytes)?;
    let extraction = crate::extract::extract(&loaded.article, dict);
    if extraction.clean_text.trim().is_empty() {
        return Err(InputError::new(location, "no article text left after cleaning"));
    }
    let hash = content_hash(&loaded.article);
    Ok((Prepared { article: loaded.article, extraction, content_hash: hash }, loaded.warnings))
}

/// Runs the ingest; `Ok(false)` when some input failed.
pub fn run(db: &Path, dict: &Dictionaries, args: IngestArgs) -> anyhow::Result<bool> {
    let options = args.input.options();
    let max_bytes = options.max_bytes;
    let mut store = Store::open(db, Access::ReadWrite)?;
    store.sync_dictionaries(dict)?;
    let ingested_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut inputs = Inputs::new(&args.paths, options).peekable();
    let progress = if std::io::stderr().is_terminal() && inputs.size_hint().0 + 1 > 20 {
        indicatif::ProgressBar::new_spinner()
            .with_style(
                indicatif::ProgressStyle::with_template("{spinner} {pos} articles ({per_sec}) {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            )
            .with_message("ingesting")
    } else {
        indicatif::ProgressBar::hidden()
    };
    let report = |line: String| progress.suspend(|| eprintln!("{line}"));
    let mut summary = Summary::default();
    let batch_size = args.batch as usize;
    loop {
        let mut pending = Vec::with_capacity(batch_size);
        while pending.len() < batch_size {
            match inputs.next() {
                None => break,
                Some(Ok(p)) => pending.push(p),
                Some(Err(e)) => {
                    report(format!("error: {e}"));
                    summary.failed += 1;
                }
            }
        }
        if pending.is_empty() {
            if inputs.peek().is_none() {
                break;
            }
            continue;
        }
        let locations: Vec<String> = pending.iter().map(Pending::location).collect();
        let results: Vec<_> = pending.into_par_iter().map(|p| prepare(p, dict, max_bytes)).collect();
        let mut batch = Vec::with_capacity(results.len());
        let mut batch_locations = Vec::with_capacity(results.len());
        for (result, location) in results.into_iter().zip(locations) {
            match result {
                Ok((prepared, warnings)) => {
                    for w in warnings {
                        report(format!("warning: {w}"));
                    }
                    batch.push(prepared);
                    batch_locations.push(location);
                }
                Err(e) => {
                    report(format!("error: {e}"));
                    summary.failed += 1;
                }
            }
        }
        let outcomes = store.write_batch(&batch, &ingested_at, args.force)?;
        for (outcome, location) in outcomes.into_iter().zip(batch_locations) {
            match outcome {
                Outcome::New { events, mentions } => {
                    summary.new += 1;
                    summary.events += events as u64;
                    summary.mentions += mentions as u64;
                }
                Outcome::Replaced { events, mentions } => {
                    summary.replaced += 1;
                    summary.events += events as u64;
                    summary.mentions += mentions as u64;
                }
                Outcome::Unchanged => summary.unchanged += 1,
                Outcome::Failed(message) => {
                    report(format!("error: {location}: not stored: {message}"));
                    summary.failed += 1;
                }
            }
        }
        progress.inc(batch.len() as u64);
    }
    progress.finish_and_clear();
    let s = &summary;
    eprintln!(
        "articles: {} new, {} unchanged, {} replaced, {} failed; added {} events, {} mentions",
        s.new, s.unchanged, s.replaced, s.failed, s.events, s.mentions
    );
    Ok(s.failed == 0)
}
