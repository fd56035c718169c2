//! `chronicle extract [--articles] [PATH|-]...`: extraction alone, without a database.
//!
//! Takes the same inputs as `ingest` (standard input by default, read as
//! JSON Lines records when it starts with `{`) and prints the JSON Lines
//! contract, one event per line, ids numbered from 1 across all inputs, so it
//! can run in any pipeline or batch engine. With `--articles` it prints one
//! stored-article record per article instead (`crate::record`, format 1),
//! which `chronicle load` stores as `ingest` would have: a pure filter, the
//! map step of a batch engine (examples/spark/). Bad inputs are reported on
//! stderr and the exit status is 1 at the end.

use std::io::Write;

use rayon::prelude::*;

use crate::article::{InputError, Inputs, Pending};
use crate::cli::ExtractArgs;
use crate::dict::Dictionaries;
use crate::export::EventRecord;
use crate::record::ArticleRecord;

pub const EXAMPLES: &str = "Examples:\n  chronicle extract seeds/000_77c680d69fdef6ac.txt\n  cat story.txt | chronicle extract --published 2013-11-15\n  chronicle extract archive.jsonl > events.jsonl\n  chronicle extract --articles seeds/ | chronicle --db seeds.db load -";

/// Inputs extracted in parallel per batch; output keeps input order.
const BATCH: usize = 256;

/// Room for one event line of `extract`'s output (most are 550-850 bytes).
const LINE_BYTES: usize = 800;

/// An input's output, written on the thread that extracted it: the article
/// and its extraction are dropped there at once, while their memory is in
/// that core's cache and its allocator's own (a batch's extractions were
/// freed by the main thread, and each thread's allocations then landed on
/// those cold blocks).
enum Output {
    /// One `--articles` record, a whole line.
    Article(Vec<u8>),
    /// The event lines without their ids (`EventRecord::write_line_after_id`),
    /// one after the other, and where each ends.
    Events { lines: Vec<u8>, ends: Vec<usize> },
}

/// Runs extraction; `Ok(false)` when some input failed.
pub fn run(dict: &Dictionaries, args: ExtractArgs) -> anyhow::Result<bool> {
    let options = args.input.options();
    let max_bytes = options.max_bytes;
    let mut inputs = Inputs::new(&args.paths, options);
    for w in inputs.take_warnings() {
        eprintln!("warning: {w}");
    }
    let mut out = super::stdout();
    let mut next_id = 1;
    let mut ok = true;
    let articles = args.articles;
    loop {
        let chunk: Vec<_> = inputs.by_ref().take(BATCH).collect();
        if chunk.is_empty() {
            break;
        }
        let results: Vec<_> =
            chunk.into_par_iter().map(|item| item.and_then(|p| output(p, dict, max_bytes, articles))).collect();
        for result in results {
            match result {
                Ok((output, warnings)) => {
                    for w in warnings {
                        eprintln!("warning: {w}");
                    }
                    match output? {
                        Output::Article(line) => out.write_all(&line)?,
                        Output::Events { lines, ends } => {
                            let mut start = 0;
                            for end in ends {
                                crate::export::write_line_head(next_id, &mut out)?;
                                out.write_all(&lines[start..end])?;
                                start = end;
                                next_id += 1;
                            }
                        }
                    }
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ok = false;
                }
            }
        }
    }
    out.flush()?;
    Ok(ok)
}

/// Reads and extracts one input and writes its output lines in memory.
#[allow(clippy::type_complexity)]
fn output(
    pending: Pending,
    dict: &Dictionaries,
    max_bytes: u64,
    articles: bool,
) -> Result<(std::io::Result<Output>, Vec<String>), InputError> {
    if articles {
        let (prepared, warnings) = super::ingest::prepare(pending, dict, max_bytes)?;
        let mut line = Vec::new();
        let written = ArticleRecord::new(prepared).write_line(&mut line).map(|()| Output::Article(line));
        return Ok((written, warnings));
    }
    let (article, extraction, warnings) = super::ingest::read_and_extract(pending, dict, max_bytes)?;
    let name = article.name.as_str();
    // Room for most articles' lines at once (`LINE_BYTES` a line): grown
    // from empty, each doubling copied every line written so far. The room
    // is a power of two, so that an article whose lines are longer (one long
    // sentence quoted by every event) grows to the same capacity as from
    // empty, not to twice it (tests/linear.rs bounds the peak memory).
    let mut lines = Vec::with_capacity((extraction.events.len() * LINE_BYTES).next_power_of_two());
    let mut ends = Vec::with_capacity(extraction.events.len());
    let written = extraction
        .events
        .iter()
        .try_for_each(|event| {
            EventRecord::new(0, event, |_| name).write_line_after_id(&mut lines)?;
            ends.push(lines.len());
            Ok(())
        })
        .map(|()| Output::Events { lines, ends });
    Ok((written, warnings))
}
