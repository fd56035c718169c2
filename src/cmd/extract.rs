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

use crate::article::Inputs;
use crate::cli::ExtractArgs;
use crate::dict::Dictionaries;
use crate::export::EventRecord;
use crate::record::ArticleRecord;

pub const EXAMPLES: &str = "Examples:\n  chronicle extract seeds/000_77c680d69fdef6ac.txt\n  cat story.txt | chronicle extract --published 2013-11-15\n  chronicle extract archive.jsonl > events.jsonl\n  chronicle extract --articles seeds/ | chronicle --db seeds.db load -";

/// Inputs extracted in parallel per batch; output keeps input order.
const BATCH: usize = 256;

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
    loop {
        let chunk: Vec<_> = inputs.by_ref().take(BATCH).collect();
        if chunk.is_empty() {
            break;
        }
        let results: Vec<_> =
            chunk.into_par_iter().map(|item| item.and_then(|p| super::ingest::prepare(p, dict, max_bytes))).collect();
        for result in results {
            match result {
                Ok((prepared, warnings)) => {
                    for w in warnings {
                        eprintln!("warning: {w}");
                    }
                    if args.articles {
                        ArticleRecord::new(prepared).write_line(&mut out)?;
                        continue;
                    }
                    let name = prepared.article.name.as_str();
                    for event in &prepared.extraction.events {
                        EventRecord::new(next_id, event, |_| name).write_line(&mut out)?;
                        next_id += 1;
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
