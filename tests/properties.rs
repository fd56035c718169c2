//! Properties (proptest), with modest case counts so `cargo test` stays fast
//! in a debug build:
//! - extraction never panics, on arbitrary Unicode and on near-article text
//!   stitched from fragments of the seed articles;
//! - every mention's `start..end` slices its `sentence` out of `clean_text`;
//! - ingesting the same articles twice leaves the database as ingesting once.

mod common;

use std::sync::LazyLock;

use chrono::NaiveDate;
use proptest::prelude::*;

use chronicle::article::Pending;
use chronicle::dict::Dictionaries;
use chronicle::export::{writer, Format, Style};
use chronicle::model::Article;
use chronicle::store::{Access, Outcome, Store};

static DICT: LazyLock<Dictionaries> = LazyLock::new(|| Dictionaries::builtin().unwrap());

/// Words, punctuation and whole sentences of the seed articles.
static FRAGMENTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let paragraphs = common::seed_paragraphs();
    let mut fragments: Vec<String> = paragraphs.iter().flat_map(|p| p.split(". ").map(String::from)).collect();
    fragments.extend(paragraphs.iter().flat_map(|p| p.split_whitespace().map(String::from)));
    fragments.sort();
    fragments.dedup();
    fragments
});

/// Text that looks like an article: seed fragments joined by the separators articles have.
fn near_article() -> impl Strategy<Value = String> {
    let separator =
        prop::sample::select(vec![" ", " ", ". ", ", ", "\n", "\n\n", "\r\n", " \"", "\" ", " - ", " — ", "’s "]);
    prop::collection::vec((prop::sample::select(FRAGMENTS.clone()), separator), 1..60)
        .prop_map(|parts| parts.into_iter().flat_map(|(f, s)| [f, s.to_string()]).collect())
}

fn published() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (1990i32..2030, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    )
}

fn article(name: &str, text: String, published: Option<NaiveDate>) -> Article {
    Article { name: name.into(), text, published, ..Article::default() }
}

/// Extracts (which must not panic) and checks every mention's offsets.
fn check_offsets(text: String, published: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let x = chronicle::extract::extract(&article("a.txt", text, published), &DICT);
    for event in &x.events {
        for m in &event.mentions {
            prop_assert!(m.start <= m.end && m.end <= x.clean_text.len(), "{m:?} out of {}", x.clean_text.len());
            prop_assert_eq!(x.clean_text.get(m.start..m.end), Some(m.sentence.as_str()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_on_arbitrary_unicode(text in any::<String>(), published in published()) {
        check_offsets(text, published)?;
    }

    #[test]
    fn mentions_point_at_their_sentence_in_near_article_text(text in near_article(), published in published()) {
        check_offsets(text, published)?;
    }
}

/// The near-article strategy is not vacuous: seed sentences joined the same way do yield mentions.
#[test]
fn seed_fragments_yield_mentions_to_check() {
    let text: String = FRAGMENTS.iter().filter(|f| f.contains(' ')).map(|f| format!("{f}. ")).collect();
    let x = chronicle::extract::extract(&article("a.txt", text, NaiveDate::from_ymd_opt(2013, 11, 15)), &DICT);
    assert!(x.events.iter().map(|e| e.mentions.len()).sum::<usize>() > 10);
    check_offsets(x.clean_text, None).unwrap();
}

/// Every table, dumped as JSON Lines.
fn dump(store: &Store) -> String {
    let mut all = Vec::new();
    for table in store.tables(false).unwrap() {
        let mut bytes = Vec::new();
        let mut out = writer(Format::Jsonl, Style::default(), Box::new(&mut bytes));
        store.dump(&table, out.as_mut()).unwrap();
        out.finish().unwrap();
        drop(out);
        all.push(format!("{table}\n{}", String::from_utf8(bytes).unwrap()));
    }
    all.concat()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn ingesting_twice_equals_ingesting_once(texts in prop::collection::vec((near_article(), published()), 1..6)) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        store.sync_dictionaries(&DICT).unwrap();
        let prepare = || -> Vec<_> {
            texts
                .iter()
                .enumerate()
                .filter_map(|(i, (text, published))| {
                    let pending = Pending::Record(article(&format!("a{i}"), text.clone(), *published));
                    chronicle::cmd::ingest::prepare(pending, &DICT, 1 << 20).ok().map(|(p, _)| p)
                })
                .collect()
        };
        let first = store.write_batch(&prepare(), "2024-01-01T00:00:00Z", false).unwrap();
        prop_assert!(first.iter().all(|o| matches!(o, Outcome::New { .. })), "{first:?}");
        let once = dump(&store);
        store.sync_dictionaries(&DICT).unwrap();
        let second = store.write_batch(&prepare(), "2024-06-01T00:00:00Z", false).unwrap();
        prop_assert!(second.iter().all(|o| *o == Outcome::Unchanged), "{second:?}");
        prop_assert_eq!(dump(&store), once);
    }
}
