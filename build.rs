//! Work done once, when chronicle is built, instead of at the start of every
//! run (see docs/performance.md, "Start-up"):
//! - the built-in gazetteer's lookup table (`src/dict/table.rs`);
//! - the SHA-256 fingerprints of the built-in dictionaries, and of their
//!   actors and places alone, used when no file of the user's is layered on
//!   top (`src/dict.rs`, `fingerprint`).

#[allow(dead_code)]
#[path = "src/dict/table.rs"]
mod table;

use sha2::{Digest, Sha256};

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
    let read = |name: &str| {
        println!("cargo:rerun-if-changed=data/{name}");
        std::fs::read_to_string(format!("data/{name}")).unwrap_or_else(|e| panic!("data/{name}: {e}"))
    };
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
}
