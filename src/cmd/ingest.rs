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
//! written through one connection, one transaction per batch; a batch in
//! which an article fails is written again with a savepoint per article, so
//! each article is stored whole or not at all. The same
//! content (text and metadata) again is "unchanged"; changed content under the
//! same name replaces that article's reports and mentions, and derives the
//! events they were part of again. A bad input is
//! reported as `file[:line]: message` and the rest still go in; the exit
//! status is 1 at the end if anything failed. Two inputs of one run with the
//! same article name are an error for the second (see `Inputs`); replacing an
//! article read before from another file says so. A failure of the database
//! itself (a full disk) stops the run, saying how many articles are stored.
//!
//! Many inputs into an empty database are a bulk load: the indexes that only
//! queries read are dropped first and built once at the end, by sorting
//! (`Store::defer_query_indexes`), and the articles' reports are linked
//! across articles once all are stored (`Store::finish_merging`); a load
//! that is interrupted leaves both to the next ingest, which does them
//! before anything else. Otherwise each article's reports are merged with
//! the stored ones as it is stored (see docs/merging.md).

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use rayon::prelude::*;

use crate::article::{load, InputError, Inputs, Pending};
use crate::cli::IngestArgs;
use crate::dict::Dictionaries;
use crate::model::{Article, Extraction};
use crate::store::{content_hash, Access, Outcome, Prepared, Store};

pub const EXAMPLES: &str = "Examples:\n  chronicle ingest seeds/\n  chronicle ingest --published 2013-11-15 --source \"The Moscow Times\" article.txt\n  curl -s https://example.org/story.html | chronicle ingest --name story.html -\n  chronicle ingest archive.jsonl --max-bytes 5000000";

/// The warning for an article with no publication date, given or found in its text.
pub const NO_DATE: &str = "no publication date given or found in the text, so relative dates (\"on Friday\", \"next week\") \
     stay unresolved; give --published YYYY-MM-DD, a `published` column in the folder's index.tsv, or a record's \"published\"";

/// Counts for the closing summary: rows the database really stored or deleted.
#[derive(Debug, Default)]
struct Summary {
    new: u64,
    unchanged: u64,
    replaced: u64,
    failed: u64,
    events: u64,
    mentions: u64,
    /// Events and mentions of the earlier versions of replaced articles.
    removed_events: u64,
    removed_mentions: u64,
    /// Events that joined an event another article reported.
    merged: u64,
    /// Articles renamed from a file name to a path in the folder (see `Store::take_renamed`), and one of them.
    renamed: u64,
    renamed_example: Option<(String, String)>,
}

impl Summary {
    /// Articles of this run now in the database.
    fn stored(&self) -> u64 {
        self.new + self.unchanged + self.replaced
    }

    fn line(&self) -> String {
        let mut line = format!(
            "articles: {} new, {} unchanged, {} replaced, {} failed; added {} events, {} mentions",
            self.new, self.unchanged, self.replaced, self.failed, self.events, self.mentions
        );
        line.push_str(&format!("; {} merged with other articles' reports", self.merged));
        if self.replaced > 0 {
            line.push_str(&format!(
                "; removed the replaced articles' earlier {} events, {} mentions",
                self.removed_events, self.removed_mentions
            ));
        }
        line
    }
}

/// Reads, decodes and extracts one input: the part that runs on every core.
pub fn prepare(pending: Pending, dict: &Dictionaries, max_bytes: u64) -> Result<(Prepared, Vec<String>), InputError> {
    let (article, extraction, warnings) = read_and_extract(pending, dict, max_bytes)?;
    let hash = content_hash(&article);
    let dict_hash = dict.fingerprint.clone();
    Ok((Prepared { article, extraction, content_hash: hash, dict_hash, terms: Vec::new() }, warnings))
}

/// Reads, decodes and extracts one input, with its warnings; `prepare`
/// without the content hash, which `chronicle extract` prints only with
/// `--articles` (SHA-256 of the text was 5% of its instructions).
pub fn read_and_extract(
    pending: Pending,
    dict: &Dictionaries,
    max_bytes: u64,
) -> Result<(Article, Extraction, Vec<String>), InputError> {
    let location = pending.location();
    let loaded = load(pending, max_bytes)?;
    let extraction = crate::extract::extract(&loaded.article, dict);
    if extraction.clean_text.trim().is_empty() {
        return Err(InputError::new(location, "no article text left after cleaning"));
    }
    let mut warnings = loaded.warnings;
    if extraction.published.is_none() {
        warnings.push(format!("{location}: {NO_DATE}"));
    }
    Ok((loaded.article, extraction, warnings))
}

/// An input with where it came from, read and extracted (or why not).
pub type Extracted = (String, Result<(Prepared, Vec<String>), InputError>);

/// Stores one extracted batch and counts the outcomes; returns how many inputs it handled.
fn write(
    store: &mut Store,
    extracted: Vec<Extracted>,
    ingested_at: &str,
    force: bool,
    summary: &mut Summary,
    report: &(dyn Fn(String) + Sync),
) -> anyhow::Result<u64> {
    let handled = extracted.len() as u64;
    let mut batch = Vec::with_capacity(extracted.len());
    let mut locations = Vec::with_capacity(extracted.len());
    for (location, result) in extracted {
        match result {
            Ok((prepared, warnings)) => {
                for w in warnings {
                    report(format!("warning: {w}"));
                }
                batch.push(prepared);
                locations.push(location);
            }
            Err(e) => {
                report(format!("error: {e}"));
                summary.failed += 1;
            }
        }
    }
    if batch.is_empty() {
        return Ok(handled);
    }
    let outcomes = store.write_batch(&batch, ingested_at, force)?;
    for ((outcome, location), prepared) in outcomes.into_iter().zip(locations).zip(&batch) {
        match outcome {
            Outcome::New { events, mentions, merged } => {
                summary.merged += merged as u64;
                summary.new += 1;
                summary.events += events as u64;
                summary.mentions += mentions as u64;
            }
            Outcome::Replaced(r) => {
                summary.merged += r.merged as u64;
                summary.replaced += 1;
                summary.events += r.events as u64;
                summary.mentions += r.mentions as u64;
                summary.removed_events += r.removed_events as u64;
                summary.removed_mentions += r.removed_mentions as u64;
                if let Some(previous) = r.previous_path {
                    report(format!(
                        "warning: {location}: replaces the article '{}', which was read from {previous} \
                         (another file under the same name)",
                        prepared.article.name
                    ));
                }
            }
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Failed(message) => {
                report(format!("error: {location}: not stored: {message}"));
                summary.failed += 1;
            }
        }
    }
    for renamed in store.take_renamed() {
        summary.renamed += 1;
        summary.renamed_example.get_or_insert(renamed);
    }
    Ok(handled)
}

/// How `store_all` stores; shared by `ingest` and `load`.
pub struct Settings {
    /// The command, for messages (`ingest`, `load`).
    pub command: &'static str,
    /// Articles per transaction.
    pub batch: usize,
    /// Replace articles whose content is unchanged too.
    pub force: bool,
    /// Many inputs: a bulk load into an empty database.
    pub many: bool,
    /// Shown on a terminal for many inputs: `progress_bar`.
    pub progress: ProgressBar,
    /// The dictionaries: merging reads statements' terms with them (`merge::terms`).
    pub dict: &'static Dictionaries,
}

/// Opens the database for writing and loads the dictionaries, then copies
/// the dictionaries' actors and places into the database if they changed.
/// `dictionaries` loads them; it runs on this thread while the database opens
/// on another, since the two are most of a one-article run's start-up. (This
/// way round the dictionaries, the larger of the two, allocate from the main
/// heap: a new thread's malloc arena grew page by page with `mprotect`, which
/// took milliseconds under contention.)
pub fn open(
    db: &Path,
    dictionaries: impl FnOnce() -> anyhow::Result<&'static Dictionaries> + Send,
) -> anyhow::Result<(&'static Dictionaries, Store)> {
    let (dict, store) = std::thread::scope(|scope| {
        let store = scope.spawn(|| Store::open(db, Access::ReadWrite));
        let dict = dictionaries();
        (dict, store.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    let dict = dict?;
    let mut store = store?;
    store.sync_dictionaries(dict)?;
    Ok((dict, store))
}

/// Sets the number of threads that prepare and write articles (`--jobs`):
/// the writer of each batch is one of them, and the batch after it is
/// extracted on the others, then on all once the write is done (see
/// `load_all`). Without `--jobs`, one per core (or `RAYON_NUM_THREADS`).
/// Batches are written in input order whatever the number, so the database
/// is the same.
fn threads(n: usize) -> anyhow::Result<()> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("ingest-{i}"))
        .build_global()
        .map_err(|e| anyhow::anyhow!("cannot start {n} threads for --jobs: {e}"))
}

/// Runs the ingest; `Ok(false)` when some input failed.
pub fn run(
    db: &Path,
    dictionaries: impl FnOnce() -> anyhow::Result<&'static Dictionaries> + Send,
    args: IngestArgs,
) -> anyhow::Result<bool> {
    let options = args.input.options();
    let max_bytes = options.max_bytes;
    if let Some(jobs) = args.jobs {
        threads(jobs as usize)?;
    }
    let (dict, mut store) = open(db, dictionaries)?;
    let mut inputs = Inputs::new(&args.paths, options);
    for w in inputs.take_warnings() {
        eprintln!("warning: {w}");
    }
    // Many inputs: a folder walk or a JSON Lines file counts as many.
    let many = inputs.len_hint() > 20 || args.paths.iter().any(|p| Path::new(p).is_dir() || p.ends_with(".jsonl"));
    let progress = progress_bar(many, || inputs.count_articles());
    let settings = Settings { command: "ingest", batch: args.batch as usize, force: args.force, many, progress, dict };
    store_all(&mut store, inputs, |p: Pending| (p.location(), prepare(p, dict, max_bytes)), &settings)
}

/// Prepares the items (on all cores) and stores them a batch at a time,
/// reporting bad ones and the outcome on stderr: the write path of `ingest`,
/// and of `load`, whose items are already extracted. `Ok(false)` when some
/// item failed.
pub fn store_all<P: Send>(
    store: &mut Store,
    items: impl Iterator<Item = Result<P, InputError>>,
    prepare: impl Fn(P) -> Extracted + Sync,
    settings: &Settings,
) -> anyhow::Result<bool> {
    let ingested_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut items = items.peekable();
    let progress = &settings.progress;
    let report = |line: String| progress.suspend(|| eprintln!("{line}"));
    let mut summary = Summary::default();
    // Reports an interrupted bulk load (or the migration to reports) left unlinked.
    store.finish_merging(settings.dict)?;
    // What merging compares statements by, computed on every core with the rest.
    let prepare = |item: P| {
        let (location, result) = prepare(item);
        let result = result.map(|(mut prepared, notes)| {
            prepared.terms = prepared.extraction.events.iter().map(|e| crate::merge::terms(e, settings.dict)).collect();
            (prepared, notes)
        });
        (location, result)
    };
    // A bulk load into an empty database builds the query indexes once, at the end.
    let deferred = settings.many && store.defer_query_indexes()?;
    let loaded = load_all(store, &mut items, &prepare, settings, &ingested_at, &mut summary, progress, &report);
    let built = if deferred {
        // The indexes, by sorting; then merging across the load's articles,
        // which reads the merge keys in the order of theirs.
        progress.set_message("building indexes");
        let built = store.build_deferred_indexes().map(|_| ());
        progress.set_message("merging reports across articles");
        let merged = match (&loaded, &built) {
            (Ok(()), Ok(())) => store.finish_merging(settings.dict).map(|n| summary.merged += n as u64),
            _ => Ok(()),
        };
        built.map_err(anyhow::Error::from).and(merged.map_err(anyhow::Error::from))
    } else {
        Ok(())
    };
    progress.finish_and_clear();
    // An error of the load comes first; the next ingest builds the indexes then.
    if let Err(e) = loaded {
        anyhow::bail!(
            "{}; {} articles of this run are stored, each whole with its events and mentions, and the rest \
             are not: once that is fixed, run the same {} again (stored articles are reported unchanged)",
            super::message(&e),
            summary.stored(),
            settings.command
        );
    }
    if let Err(e) = built {
        anyhow::bail!(
            "{e}; every article of this run is stored, but its events are not merged across articles or the \
             query indexes are not built: the next ingest does it (queries work meanwhile, on unmerged events)"
        );
    }
    if let Some((old, new)) = &summary.renamed_example {
        eprintln!(
            "warning: renamed {} stored articles read from subfolders to their path in the folder given \
             (e.g. '{old}' is now '{new}'); older chronicles named them by file name alone",
            summary.renamed
        );
    }
    eprintln!("{}", summary.line());
    Ok(summary.failed == 0)
}

/// Progress on a terminal, for `many` items (hidden otherwise): done/total
/// articles, a percentage, a rounded rate and the time left when `count`
/// knows the total (for `ingest`, files count one each, JSON Lines files
/// their non-blank lines; for `load`, records), a count and a rate otherwise.
/// `count` runs only when the bar shows.
pub fn progress_bar(many: bool, count: impl FnOnce() -> Option<u64>) -> ProgressBar {
    if !(many && std::io::stderr().is_terminal()) {
        return ProgressBar::hidden();
    }
    let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{:.0} articles/s", state.per_sec());
    };
    let (bar, template) = match count() {
        Some(total) => {
            (ProgressBar::new(total), "{bar:30} {human_pos}/{human_len} ({percent}%) {rate}, {eta} left {msg}")
        }
        None => (ProgressBar::new_spinner(), "{spinner} {human_pos} articles, {rate} {msg}"),
    };
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()).with_key("rate", rate);
    bar.with_style(style).with_message("")
}

/// Prepares and stores every item, counting the outcomes in `summary`.
#[allow(clippy::too_many_arguments)]
fn load_all<P: Send>(
    store: &mut Store,
    items: &mut std::iter::Peekable<impl Iterator<Item = Result<P, InputError>>>,
    prepare: &(impl Fn(P) -> Extracted + Sync),
    settings: &Settings,
    ingested_at: &str,
    summary: &mut Summary,
    progress: &ProgressBar,
    report: &(dyn Fn(String) + Sync),
) -> anyhow::Result<()> {
    let batch_size = settings.batch;
    let force = settings.force;
    // While one batch is written (one connection, this thread), the next is prepared on the other cores.
    let mut extracted: Vec<Extracted> = Vec::new();
    loop {
        let mut pending = Vec::with_capacity(batch_size);
        while pending.len() < batch_size {
            match items.next() {
                None => break,
                Some(Ok(p)) => pending.push(p),
                Some(Err(e)) => {
                    report(format!("error: {e}"));
                    summary.failed += 1;
                }
            }
        }
        if pending.is_empty() && extracted.is_empty() {
            if items.peek().is_none() {
                break;
            }
            continue;
        }
        let to_write = std::mem::take(&mut extracted);
        // The thread pool starts only when there is work to share: a
        // one-article run (cron) does without it.
        let (written, next) = if pending.len() < 2 && (pending.is_empty() || to_write.is_empty()) {
            let written = write(store, to_write, ingested_at, force, summary, report);
            (written, pending.into_iter().map(prepare).collect())
        } else {
            rayon::join(
                || write(store, to_write, ingested_at, force, summary, report),
                || pending.into_par_iter().map(prepare).collect::<Vec<_>>(),
            )
        };
        progress.inc(written?);
        extracted = next;
    }
    Ok(())
}
