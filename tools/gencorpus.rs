//! A deterministic benchmark corpus: N news articles built from the sentence
//! shapes of `seeds/`, with actors and places taken from the dictionaries.
//!
//! Usage:
//!   cargo run --release --example gencorpus -- -n 100000 -o /tmp/corpus.jsonl
//!   cargo run --release --example gencorpus -- -n 500 -o /tmp/corpus-dir --seed 7
//!
//! An output ending in `.jsonl` gets one `{"id","text","published","source"}`
//! record per line; any other path becomes a folder of `.txt` files with an
//! `index.tsv` (file, published, source). The same `-n` and `--seed` always
//! give the same bytes, whatever the machine; the dictionaries are read from
//! `Dictionaries::builtin()`, so a change to `data/` changes the names used.
//!
//! Each article has a headline, a dateline or page furniture now and then, 8
//! to 25 body sentences (talks, visits, statements, death tolls and filler, in
//! the seeds' shapes), sometimes its body twice (as in a seed where a page
//! repeats it), and sometimes a reader-comment section at the end.

mod corpus;

use std::path::PathBuf;

use chronicle::dict::Dictionaries;
use corpus::Corpus;

fn usage() -> ! {
    eprintln!("usage: gencorpus -n N -o OUT(.jsonl|DIR) [--seed S]");
    std::process::exit(2)
}

fn main() -> std::io::Result<()> {
    let mut count = 1000usize;
    let mut out: Option<PathBuf> = None;
    let mut seed = 42u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "-n" => count = value().parse().unwrap_or_else(|_| usage()),
            "-o" | "--out" => out = Some(PathBuf::from(value())),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let out = out.unwrap_or_else(|| usage());
    let dict = Dictionaries::builtin().map_err(std::io::Error::other)?;
    let mut corpus = Corpus::new(&dict, seed);
    let started = std::time::Instant::now();
    let bytes = corpus.write(0..count, &out)?;
    eprintln!(
        "gencorpus: {count} articles, {bytes} bytes of text in {:.2} s -> {}",
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}
