//! Arbitrary bytes as a JSON Lines file, through the code path `ingest` uses
//! for `*.jsonl`: record parsing (`article::jsonl_records`), then loading and
//! extraction (`cmd::ingest::prepare`). Bad records must be errors naming
//! their line, never a panic. The heap the whole input takes is checked
//! against issue 20's bound (`common/heap.rs`).
#![no_main]

#[path = "common/heap.rs"]
mod heap;

use std::path::Path;
use std::sync::LazyLock;

use chronicle::article::{jsonl_records, Meta, Options};
use chronicle::dict::Dictionaries;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: heap::Counting = heap::Counting;

static DICT: LazyLock<Dictionaries> = LazyLock::new(|| Dictionaries::builtin().expect("built-in dictionaries load"));

const MAX_BYTES: u64 = 64 * 1024;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        meta: Meta::default(),
        stdin_name: None,
        max_bytes: MAX_BYTES,
        today: NaiveDate::from_ymd_opt(2024, 1, 1).expect("a real date"),
    };
    LazyLock::force(&DICT);
    heap::check(data.len(), || {
        for record in jsonl_records(Path::new("fuzz.jsonl"), data, options) {
            match record {
                Ok(pending) => {
                    let _ = chronicle::cmd::ingest::prepare(pending, &DICT, MAX_BYTES);
                }
                Err(e) => assert!(e.location.starts_with("fuzz.jsonl:"), "error without its line: {e}"),
            }
        }
    });
});
