//! Work done once, when chronicle is built, instead of at the start of every
//! run (see docs/performance.md, "Start-up"):
//! - the built-in gazetteer's lookup table (`src/dict/table.rs`);
//! - the SHA-256 fingerprints of the built-in dictionaries, and of their
//!   actors and places alone, used when no file of the user's is layered on
//!   top (`src/dict.rs`, `fingerprint`);
//! - the built-in furniture patterns' NFA (`src/dict/furniture.rs`): its
//!   compilation was a quarter of a one-article run's instructions;
//! - the copies of the data files built into the program, their comment
//!   lines left blank (`BLANKED`): 43 KB of format notes that the program
//!   never reads, which took the binary over issue 17's 15 MB.

#[allow(dead_code)]
#[path = "src/dict/table.rs"]
mod table;

#[allow(dead_code)]
#[path = "src/dict/furniture.rs"]
mod furniture;

use sha2::{Digest, Sha256};

/// The data files built into the program, each with its comment lines
/// blank (line numbers, and so every error message, stay those of `data/`).
/// The gazetteer's prebuilt table is built from its blanked copy, the text
/// the program holds, so its offsets point into that.
const BLANKED: [&str; 10] = [
    "actors.tsv",
    "places.tsv",
    "triggers.tsv",
    "cues.tsv",
    "furniture.tsv",
    "dates.tsv",
    "words.tsv",
    "gazetteer.tsv",
    "given_names.tsv",
    "senses.tsv",
];

/// `text` with each comment line (`#` after any indent, as `Source::rows`
/// skips it) left empty, its line ending kept.
fn blank_comments(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            if line.trim_start().starts_with('#') {
                if line.ends_with("\r\n") {
                    "\r\n"
                } else if line.ends_with('\n') {
                    "\n"
                } else {
                    ""
                }
            } else {
                line
            }
        })
        .collect()
}

/// The files the fingerprint covers, in its order (that of `BUILTIN` in
/// src/dict.rs, without the gazetteer and the given names, which change only
/// with the version); the first two, actors and places, are what the
/// database keeps a copy of (`Dictionaries::lexicon_fingerprint`).
const FINGERPRINTED: [&str; 7] =
    ["actors.tsv", "places.tsv", "triggers.tsv", "cues.tsv", "furniture.tsv", "dates.tsv", "words.tsv"];

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/dict/table.rs");
    println!("cargo:rerun-if-changed=src/dict/furniture.rs");
    let read = |name: &str| {
        println!("cargo:rerun-if-changed=data/{name}");
        let text = std::fs::read_to_string(format!("data/{name}")).unwrap_or_else(|e| panic!("data/{name}: {e}"));
        // The text the program holds, which its fingerprint is taken of.
        if BLANKED.contains(&name) {
            blank_comments(&text)
        } else {
            text
        }
    };
    std::fs::create_dir_all(out.join("data")).expect("making OUT_DIR/data");
    for name in BLANKED {
        std::fs::write(out.join("data").join(name), read(name)).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    }
    let (rows, names) = table::gazetteer_table(&read("gazetteer.tsv"));
    std::fs::write(out.join("gazetteer_rows.bin"), rows).expect("writing the gazetteer's rows");
    std::fs::write(out.join("gazetteer_names.bin"), names).expect("writing the gazetteer's names");

    let fingerprint = |names: &[&str]| {
        let mut hash = Sha256::new();
        hash.update(std::env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION"));
        for &name in names {
            hash.update([0]);
            hash.update(name);
            hash.update([0]);
            hash.update(read(name));
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    std::fs::write(out.join("builtin_fingerprint.txt"), fingerprint(&FINGERPRINTED)).expect("writing the fingerprint");
    std::fs::write(out.join("builtin_lexicon_fingerprint.txt"), fingerprint(&FINGERPRINTED[..2]))
        .expect("writing the actors' and places' fingerprint");
    std::fs::write(out.join("furniture_nfa.bin"), furniture_nfa(&read("furniture.tsv")))
        .expect("writing the furniture patterns' NFA");
}

/// The built-in furniture patterns' NFAs in `furniture::write`'s form, one
/// per part of the matcher (`furniture::part`: the main patterns, those
/// that hold a phrase anywhere if any, then each reversed pattern), packed
/// (`furniture::pack`), each checked by reading it back; empty (the program
/// then compiles the patterns, and reports a bad one) if a part does not
/// compile or its form does not give the same NFA back. The rows are cut
/// as `Source::rows` cuts them; a test checks the result against the
/// program's own compilation.
fn furniture_nfa(text: &str) -> Vec<u8> {
    let (mut main, mut contains, mut reversed) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let start = line.trim_start();
        if start.is_empty() || start.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let pattern = fields.get(1).copied().unwrap_or("");
        let (bytes, strip) = (furniture::byte_rules_fit(pattern), fields[0] == "strip");
        let alternative = furniture::whole_line(pattern, bytes, strip);
        match furniture::part(pattern, bytes, strip) {
            furniture::Part::Main => main.push(alternative),
            furniture::Part::Contains => contains.push(alternative),
            furniture::Part::Reversed => reversed.push(alternative),
        }
    }
    let checked = |nfa: &regex_automata::nfa::thompson::NFA, reverse: bool| match furniture::write(nfa) {
        Some(bytes) if furniture::read_as(&bytes, reverse).is_some_and(|back| furniture::same(&back, nfa)) => {
            Some(bytes)
        }
        _ => None,
    };
    let mut parts = Vec::new();
    for group in [&main, &contains].into_iter().filter(|g| !g.is_empty()) {
        let Some(bytes) = furniture::compile(group).ok().and_then(|nfa| checked(&nfa, false)) else {
            return Vec::new();
        };
        parts.push(bytes);
    }
    for alternative in &reversed {
        let Some(bytes) = furniture::compile_reverse(alternative).ok().and_then(|nfa| checked(&nfa, true)) else {
            return Vec::new();
        };
        parts.push(bytes);
    }
    furniture::pack(&parts)
}
