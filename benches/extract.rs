//! The extraction stages, alone and together, on the sample articles and on
//! generated text, in bytes of article text a second (one thread).
//!
//!   cargo bench --bench extract
//!   cargo bench --bench extract -- whole     # one group only
//!
//! Not run in CI. The whole-process measures are in `benches/run.sh`.

#[path = "../tools/corpus.rs"]
mod corpus;

use std::sync::LazyLock;

use chronicle::dict::Dictionaries;
use chronicle::extract::{self, clean, dates, sentences};
use chronicle::model::Article;
use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;

fn main() {
    divan::main();
}

static DICT: LazyLock<Dictionaries> = LazyLock::new(|| {
    let dict = Dictionaries::builtin().expect("the built-in dictionaries parse");
    // Build the automata outside the timed loops.
    let _ = dict.index();
    dict
});

/// The sample articles and 200 generated ones (~400 KB), each with its publication date.
static TEXTS: LazyLock<Vec<(&'static str, Vec<Article>)>> = LazyLock::new(|| {
    let mut seeds = Vec::new();
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/index.tsv")).expect("seeds");
    for line in index.lines().skip(1) {
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or_default();
        let published = cols.next().and_then(|d| d.parse().ok());
        let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect("a seed");
        seeds.push(Article { name: name.into(), text, published, ..Article::default() });
    }
    let mut gen = corpus::Corpus::new(&DICT, 42);
    let generated = (0..200)
        .map(|i| {
            let a = gen.article();
            Article {
                name: format!("gen-{i}"),
                text: a.text,
                published: a.published.parse().ok(),
                source: Some(a.source.into()),
                ..Article::default()
            }
        })
        .collect();
    vec![("seeds", seeds), ("generated", generated)]
});

fn corpus(name: &str) -> &'static [Article] {
    &TEXTS.iter().find(|(n, _)| *n == name).expect("a known corpus").1
}

fn bytes(articles: &[Article]) -> BytesCount {
    BytesCount::new(articles.iter().map(|a| a.text.len()).sum::<usize>())
}

const CORPORA: &[&str] = &["seeds", "generated"];

#[divan::bench(args = CORPORA)]
fn whole(bencher: Bencher, name: &str) {
    let articles = corpus(name);
    bencher.counter(bytes(articles)).bench(|| {
        for a in articles {
            divan::black_box(extract::extract(a, &DICT));
        }
    });
}

#[divan::bench(args = CORPORA)]
fn clean(bencher: Bencher, name: &str) {
    let articles = corpus(name);
    bencher.counter(bytes(articles)).bench(|| {
        for a in articles {
            divan::black_box(clean::clean(&a.text, &DICT.furniture));
        }
    });
}

/// Sentences of the cleaned text; also counted in sentences a second.
#[divan::bench(args = CORPORA)]
fn sentences(bencher: Bencher, name: &str) {
    let cleaned: Vec<String> = corpus(name).iter().map(|a| clean::clean(&a.text, &DICT.furniture).text).collect();
    let count: usize = cleaned.iter().map(|t| sentences::split(t).len()).sum();
    bencher
        .counter(BytesCount::new(cleaned.iter().map(String::len).sum::<usize>()))
        .counter(ItemsCount::new(count))
        .bench(|| {
            for t in &cleaned {
                divan::black_box(sentences::split(t));
            }
        });
}

/// Temporal expressions, sentence by sentence, as the event stage looks for them.
#[divan::bench(args = CORPORA)]
fn dates_find(bencher: Bencher, name: &str) {
    let cleaned: Vec<String> = corpus(name).iter().map(|a| clean::clean(&a.text, &DICT.furniture).text).collect();
    let sentences: Vec<&str> =
        cleaned.iter().flat_map(|t| sentences::split(t).into_iter().map(move |s| s.text(t))).collect();
    bencher.counter(BytesCount::new(sentences.iter().map(|s| s.len()).sum::<usize>())).bench(|| {
        for s in &sentences {
            divan::black_box(dates::find(s, &DICT.dates));
        }
    });
}

/// The pre-filter of the date finder: a sentence with no date word, which
/// most sentences of an article are, should cost next to nothing.
#[divan::bench]
fn dates_find_without_date_words(bencher: Bencher) {
    let s = "The National Coalition is under heavy pressure to attend the conference, which is aimed at forming a \
             transitional government";
    bencher.counter(BytesCount::new(s.len())).bench(|| dates::find(divan::black_box(s), &DICT.dates));
}

/// Start-up: parsing the built-in data files and building the matchers from
/// them, as every ingest or extract does once (on two threads).
#[divan::bench]
fn startup_dictionaries() -> Dictionaries {
    Dictionaries::builtin().expect("the built-in dictionaries parse")
}

/// The gazetteer's first lookup: parsing `gazetteer.tsv` and sorting its name
/// table, which start-up leaves to the first run that asks (never at start-up).
#[divan::bench]
fn world_gazetteer_first_lookup() -> usize {
    let text = chronicle::dict::BUILTIN.iter().find(|(n, _)| *n == "gazetteer.tsv").map(|(_, t)| *t).unwrap_or("");
    let gazetteer = chronicle::dict::Gazetteer::new(text, None).expect("the built-in gazetteer parses");
    gazetteer.lookup("Kharkiv").count()
}

/// The given names' first lookup: parsing `given_names.tsv` and sorting its table.
#[divan::bench]
fn world_given_names_first_lookup() -> Option<chronicle::dict::Gender> {
    let text = chronicle::dict::BUILTIN.iter().find(|(n, _)| *n == "given_names.tsv").map(|(_, t)| *t).unwrap_or("");
    let names = chronicle::dict::GivenNames::new(text, None).expect("the built-in given names parse");
    names.gender("Angela")
}

/// A gazetteer lookup once the table is built.
#[divan::bench]
fn world_gazetteer_lookup(bencher: Bencher) {
    let _ = DICT.gazetteer.lookup("x").count();
    bencher.bench(|| DICT.gazetteer.lookup(divan::black_box("kharkov")).count());
}

/// Start-up: building the matchers (name table, trigger and title automata) alone.
#[divan::bench]
fn startup_index(bencher: Bencher) {
    bencher.bench(|| {
        chronicle::extract::entities::Index::build(&DICT.actors, &DICT.places, &DICT.triggers, &DICT.cues, &DICT.words)
    });
}
