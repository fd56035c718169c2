//! Arbitrary bytes, decoded lossily, through the whole extractor. It must never
//! panic, and every mention must point at its sentence in the cleaned text.
//! The first byte chooses whether a publication date is given, so both ways
//! of dating (given, or found in the text) are exercised. The heap one input
//! takes is checked against issue 20's bound (`common/heap.rs`).
#![no_main]

#[path = "common/heap.rs"]
mod heap;

use std::sync::LazyLock;

use chronicle::dict::Dictionaries;
use chronicle::model::Article;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: heap::Counting = heap::Counting;

static DICT: LazyLock<Dictionaries> = LazyLock::new(|| Dictionaries::builtin().expect("built-in dictionaries load"));

fuzz_target!(|data: &[u8]| {
    let (published, body) = match data.split_first() {
        Some((flag, rest)) if flag & 1 == 1 => (NaiveDate::from_ymd_opt(2013, 11, 15), rest),
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    LazyLock::force(&DICT);
    let extraction = heap::check(data.len(), || {
        let article = Article {
            name: "fuzz.txt".into(),
            text: String::from_utf8_lossy(body).into_owned(),
            published,
            ..Article::default()
        };
        chronicle::extract::extract(&article, &DICT)
    });
    for event in &extraction.events {
        for m in &event.mentions {
            assert_eq!(extraction.clean_text.get(m.start..m.end), Some(m.sentence.as_str()), "mention offsets");
        }
    }
});
