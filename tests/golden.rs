//! Quality guard: sets of real articles scored against hand-made gold events,
//! the way the project's scorer does it (same matching, same field checks):
//! - the five sample articles (`seeds/`, gold in `tests/golden/`);
//! - `tests/eval/news/`: 23 articles on Syria diplomacy, 2012-2017, 23 outlets;
//! - `tests/eval/world-a/` and `world-b/`: 36 articles from other conflicts
//!   (Ukraine, Yemen, Libya, Iraq, Sudan, Ethiopia, Afghanistan, Syria
//!   2018-2024, Karabakh, Gaza), gathered and annotated for development, each
//!   with its source address in `SOURCES.md`;
//! - `tests/eval/world-c/`: 10 articles from conflicts in neither set (DR
//!   Congo, Myanmar, Armenia-Azerbaijan, Colombia, Mozambique, Mali, South
//!   Sudan, Haiti, Kosovo-Serbia), held out: annotated to measure how the
//!   rules carry over, never used to write them;
//! - `tests/eval/world-d/`: 14 articles on the conflicts of the hidden set
//!   (Ukraine, Yemen, Libya, Afghanistan, Sudan, Ethiopia, Syria) from outlets
//!   none of the other sets uses, held out the same way;
//! - `tests/eval/world-e/`: 12 more such articles (2015-2024), from outlets
//!   none of the other sets uses either, held out until round 6, when its
//!   errors were studied (a development set since);
//! - `tests/eval/world-f/`: 15 more (2017-2025, two of them on conflicts no
//!   other set covers), held out in round 6, a development set since round 7;
//! - `tests/eval/world-g/`: 15 more (2014-2025; Myanmar, Armenia-Azerbaijan
//!   and Kosovo-Serbia among them), written and held out in round 7, a
//!   development set since round 8;
//! - `tests/eval/world-h/`: 15 more (2016-2024; Western Sahara, Niger and the
//!   Central African Republic among them), written and held out in round 8, a
//!   development set since round 9;
//! - `tests/eval/world-i/`: 15 more (2015-2023; Cyprus, Cameroon, southern
//!   Thailand and Georgia among them), written and held out in round 9, a
//!   development set since round 10;
//! - `tests/eval/world-j/`: 15 more (2005-2023; Mindanao, Kashmir,
//!   Transdniestria and Bosnia among them), written and held out in round 10,
//!   a development set since round 11;
//! - `tests/eval/world-k/`: 15 more (2006-2024; the two Koreas, Sri Lanka,
//!   Nepal and Northern Ireland among them), written and held out in round
//!   11, a development set since round 12;
//! - `tests/eval/world-l/`: 15 more (2005-2023; Aceh, Kenya, Ivory Coast and
//!   Burundi among them), written and held out in round 12, a development set
//!   since round 13;
//! - `tests/eval/world-m/`: 15 more (1997-2023; Tajikistan, Zimbabwe,
//!   Bougainville and Israel-Lebanon among them, most of them one meeting
//!   told in a headline, a lead and later back-references), written and held
//!   out in round 13, a development set since round 14;
//! - `tests/eval/world-n/`: 15 more (1999-2023; Uganda and the LRA, Liberia,
//!   Chechnya and Sierra Leone among them), written and held out in round 14,
//!   a development set since round 15;
//! - `tests/eval/world-o/`: 15 more (2001-2024; Macedonia 2001, Lebanon after
//!   2006 and Burkina Faso among them), written and held out in round 15, a
//!   development set since round 16;
//! - `tests/eval/world-p/`: 15 more (2008-2025; Ivory Coast, Georgia 2008,
//!   Kosovo-Serbia, Cyprus, Mozambique and Korea among them), written and
//!   held out in round 16, a development set since round 17;
//! - `tests/eval/world-q/`: 15 more (2006-2024; Nepal 2006, Niger 2023,
//!   Nigeria and Boko Haram, Gambia 2017, Heglig 2012 and Haiti among them),
//!   written and held out in round 17, a development set since round 18;
//! - `tests/eval/world-r/`: 15 more (2013-2023; Venezuela, Nicaragua, the
//!   Rohingya repatriation talks, Mozambique and Renamo, Burkina Faso among
//!   them), written in round 18 and held out: no rule is written from it,
//!   and its errors are not printed.
//!
//! - `tests/eval/multi/`: 12 articles from several outlets on four events,
//!   with gold clusters: all are ingested into ONE database, and the pairs of
//!   articles whose reports of one event share a stored event are scored, the
//!   way the scorer's `--together` does.
//!
//! Each article goes into a database of its own with `ingest` (with its
//! publication date from the folder's `index.tsv` when it gives one), then
//! `export events --format jsonl` is read. The floors only go up as the
//! extractor improves: they stand 0.02 below the scores reached.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::Value;

/// A set's floors: events F1 and the share of fields right.
struct Floors {
    f1: f64,
    fields: f64,
}

fn fold(s: &str) -> String {
    let s = s
        .to_lowercase()
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace('\u{2026}', "...")
        .replace(['\u{2013}', '\u{2014}'], "-");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Name words as consonant skeletons, so that transliterations agree.
fn tokens(name: &str) -> Vec<String> {
    ascii_fold(&fold(name))
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty() && !["al", "el", "mr", "mrs", "ms"].contains(t))
        .map(|w| {
            let mut out = String::new();
            for c in w.chars().filter(|c| !"aeiouy".contains(*c)) {
                if !out.ends_with(c) {
                    out.push(c);
                }
            }
            if out.is_empty() {
                w.to_string()
            } else {
                out
            }
        })
        .collect()
}

fn contiguous(small: &[String], big: &[String]) -> bool {
    small.is_empty() || big.windows(small.len()).any(|w| w == small)
}

fn name_matches(gold: &str, predicted: &str) -> bool {
    let p = tokens(predicted);
    !p.is_empty()
        && gold.split('|').any(|alt| {
            let g = tokens(alt);
            !g.is_empty() && (contiguous(&g, &p) || (contiguous(&p, &g) && p.contains(g.last().unwrap())))
        })
}

fn interval(v: &str) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::{Datelike, NaiveDate};
    if let Some((y, w)) = v.split_once("-W") {
        let monday = NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)?;
        return Some((monday, monday + chrono::Duration::days(6)));
    }
    match v.len() {
        10 => NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().map(|d| (d, d)),
        7 => {
            let first = NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok()?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            Some((first, next.pred_opt()?))
        }
        4 => {
            let y = v.parse().ok()?;
            Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
                .filter(|(a, _)| a.year() == y)
        }
        _ => None,
    }
}

fn span(date: &Value, end: &Value) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let a = interval(date.as_str()?)?;
    match end.as_str() {
        Some(e) => Some((a.0, interval(e)?.1)),
        None => Some(a),
    }
}

fn field_checks(gold: &Value, pred: &Value) -> Vec<(&'static str, bool)> {
    let mut out = Vec::new();
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    if let Some(d) = gold.get("date") {
        let alts: Vec<&Value> = d.as_array().map(|a| a.iter().collect()).unwrap_or_else(|| vec![d]);
        let want: Vec<_> = alts.iter().map(|a| span(a, &gold["date_end"])).collect();
        out.push(("date", want.contains(&span(&pred["date"], &pred["date_end"]))));
    }
    if let Some(p) = gold.get("place") {
        out.push(("place", name_matches(&s(p), &s(&pred["place"]))));
    }
    if let Some(actors) = gold.get("actors").and_then(Value::as_array) {
        let mut names: Vec<String> = pred["actors"].as_array().into_iter().flatten().map(s).collect();
        names.push(s(&pred["speaker"]));
        out.push(("actors", actors.iter().all(|g| names.iter().any(|n| name_matches(&s(g), n)))));
    }
    if let Some(sp) = gold.get("speaker") {
        let speaker = pred["speaker"].as_str().map(String::from).unwrap_or_else(|| s(&pred["actors"][0]));
        out.push(("speaker", name_matches(&s(sp), &speaker)));
    }
    for f in ["count", "qualifier", "status"] {
        if let Some(v) = gold.get(f) {
            out.push((f, &pred[f] == v));
        }
    }
    out
}

fn ascii_fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ğ' => 'g',
            'ş' => 's',
            'ı' => 'i',
            other => other,
        })
        .collect()
}

/// The events of every article of `folder`, each ingested into a database of its own.
fn extract(dir: &Path, folder: &Path) -> Vec<Value> {
    let index = std::fs::read_to_string(folder.join("index.tsv")).unwrap();
    let mut lines = index.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, published) = (col("file"), col("published"));
    let mut events = Vec::new();
    for (n, row) in lines.filter(|l| !l.trim().is_empty()).enumerate() {
        let cols: Vec<&str> = row.split('\t').collect();
        let db = dir.join(format!("a{n}.db"));
        let mut cmd = common::bare(dir);
        cmd.arg("--db").arg(&db).arg("ingest").arg(folder.join(cols[file]));
        if let Some(p) = cols.get(published).filter(|p| !p.is_empty()) {
            cmd.arg("--published").arg(p);
        }
        // A held-out set is scored as the scorer does it: an article whose
        // ingest fails gives no events (its gold counts as missed) and only
        // the count is printed; anywhere else a failed ingest fails the test.
        if held_out(folder) {
            if !cmd.output().unwrap().status.success() {
                eprintln!("ingest failed: 1 article of {}", folder.display());
                continue;
            }
        } else {
            cmd.assert().success();
        }
        let out =
            common::bare(dir).arg("--db").arg(&db).args(["export", "events", "--format", "jsonl"]).output().unwrap();
        events
            .extend(String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str::<Value>(l).unwrap()));
    }
    events
}

/// The sets held out to estimate the hidden ones: their errors are not
/// printed (only their counts), so that no one writes a rule from them.
const HELD_OUT: &[&str] = &["world-r", "multi-e"];

fn held_out(folder: &Path) -> bool {
    folder.file_name().and_then(|n| n.to_str()).is_some_and(|n| HELD_OUT.contains(&n))
}

/// Scores a folder of articles against its gold and checks the floors.
fn score(folder: &Path, gold: &str, floors: Floors) {
    let quiet = held_out(folder);
    let dir = tempfile::tempdir().unwrap();
    let events = extract(dir.path(), folder);
    let golds: Vec<Value> =
        gold.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let (mut tp, mut fp, mut dup) = (0usize, 0usize, 0usize);
    let mut matched: HashSet<usize> = HashSet::new();
    let mut fields: HashMap<&str, (usize, usize)> = HashMap::new();
    for ev in &events {
        let hits: Vec<usize> = (0..golds.len())
            .filter(|&i| {
                let g = &golds[i];
                g["kind"] == ev["kind"]
                    && ev["mentions"].as_array().into_iter().flatten().any(|m| {
                        let article = m["article"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("");
                        let text = fold(m["sentence"].as_str().unwrap_or(""));
                        g["article"] == article
                            && g["evidence"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .any(|e| text.contains(&fold(e.as_str().unwrap())))
                    })
            })
            .collect();
        let required: Vec<usize> = hits.iter().copied().filter(|&i| golds[i].get("optional").is_none()).collect();
        if required.is_empty() {
            if hits.is_empty() {
                fp += 1;
                if !quiet {
                    eprintln!("extra: {ev}");
                }
            }
            continue;
        }
        let fresh: Vec<usize> = required.into_iter().filter(|i| !matched.contains(i)).collect();
        let Some(&best) =
            fresh.iter().rev().max_by_key(|&&i| field_checks(&golds[i], ev).iter().filter(|(_, ok)| *ok).count())
        else {
            dup += 1;
            if !quiet {
                eprintln!("duplicate: {ev}");
            }
            continue;
        };
        matched.insert(best);
        tp += 1;
        for (name, ok) in field_checks(&golds[best], ev) {
            let f = fields.entry(name).or_default();
            f.0 += ok as usize;
            f.1 += 1;
            if !ok && !quiet {
                eprintln!("wrong {name}: gold {} got {ev}", golds[best]);
            }
        }
    }
    let fn_ = golds.iter().enumerate().filter(|(i, g)| g.get("optional").is_none() && !matched.contains(i)).count();
    let precision = tp as f64 / (tp + fp + dup) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    let (ok, n) = fields.values().fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
    let field_accuracy = ok as f64 / n as f64;
    eprintln!("tp {tp} fp {fp} dup {dup} fn {fn_}: F1 {f1:.3}, fields {field_accuracy:.3} {fields:?}");
    assert!(f1 >= floors.f1, "F1 {f1:.3} fell below {}", floors.f1);
    assert!(field_accuracy >= floors.fields, "field accuracy {field_accuracy:.3} fell below {}", floors.fields);
}

fn eval(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval").join(name)
}

#[test]
fn sample_articles_score_above_the_floor() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    score(&seeds, include_str!("golden/seeds.gold.jsonl"), Floors { f1: 0.97, fields: 0.95 });
}

#[test]
fn news_articles_score_above_the_floor() {
    score(&eval("news"), include_str!("eval/news/gold.jsonl"), Floors { f1: 0.94, fields: 0.94 });
}

#[test]
fn articles_from_other_conflicts_score_above_the_floor() {
    // world-a: F1 0.94, fields 0.94 in round 12 (0317797), floors 0.02 under, rounded down.
    score(&eval("world-a"), include_str!("eval/world-a/gold.jsonl"), Floors { f1: 0.91, fields: 0.92 });
    score(&eval("world-b"), include_str!("eval/world-b/gold.jsonl"), Floors { f1: 0.95, fields: 0.90 });
}

/// The sets held out in rounds 6 to 11, development data since the round after.
#[test]
fn later_sets_from_other_conflicts_score_above_the_floor() {
    score(&eval("world-c"), include_str!("eval/world-c/gold.jsonl"), Floors { f1: 0.96, fields: 0.89 });
    score(&eval("world-d"), include_str!("eval/world-d/gold.jsonl"), Floors { f1: 0.92, fields: 0.90 });
    score(&eval("world-e"), include_str!("eval/world-e/gold.jsonl"), Floors { f1: 0.93, fields: 0.94 });
    score(&eval("world-f"), include_str!("eval/world-f/gold.jsonl"), Floors { f1: 0.91, fields: 0.90 });
    score(&eval("world-g"), include_str!("eval/world-g/gold.jsonl"), Floors { f1: 0.91, fields: 0.90 });
    score(&eval("world-h"), include_str!("eval/world-h/gold.jsonl"), Floors { f1: 0.91, fields: 0.91 });
    // world-i: F1 0.89, fields 0.84 with main (4b10f36) when it was written; 0.94 and 0.92 in
    // round 11 (42b917f), 0.947 and 0.936 in round 13, floors 0.02 under.
    score(&eval("world-i"), include_str!("eval/world-i/gold.jsonl"), Floors { f1: 0.92, fields: 0.91 });
    // world-j: F1 0.84, fields 0.77 with main (bfee1c7) when it was written (one of its 15 articles
    // failed to ingest); 0.92 and 0.82 in round 11 (42b917f), 0.92 and 0.85 in round 12
    // (0317797), 0.93 and 0.864 in round 13, 0.929 and 0.890 in round 14, floors 0.02 under.
    score(&eval("world-j"), include_str!("eval/world-j/gold.jsonl"), Floors { f1: 0.90, fields: 0.87 });
    // world-k: F1 0.88, fields 0.81 with main (bc1211f) when it was written; floors 0.03 under,
    // rounded down. Held out in round 11, development data since round 12 (0.88 and 0.83 at
    // 01a0490; 0.90 and 0.88 at 0317797; 0.911 and 0.881 in round 13, floors 0.02 under, rounded
    // down; 0.925 and 0.911 in round 14).
    score(&eval("world-k"), include_str!("eval/world-k/gold.jsonl"), Floors { f1: 0.91, fields: 0.89 });
    // world-l: F1 0.86, fields 0.83 with main (01a0490) when it was written in round 12; held out
    // in round 12, development data since round 13 (F1 0.862, fields 0.832 at 4578c13; 0.878 and
    // 0.872 at the end of round 13; 0.912 and 0.893 in round 14), floors 0.02 under, rounded down.
    score(&eval("world-l"), include_str!("eval/world-l/gold.jsonl"), Floors { f1: 0.89, fields: 0.87 });
    // world-m: F1 0.862, fields 0.785 with main (4578c13) when it was written in round 13; held out
    // in round 13, development data since round 14 (0.863 and 0.799 at 0e858f2, 0.890 and 0.837 at
    // the end of round 14, 0.896 and 0.863 in round 15), floors 0.02 under, rounded down.
    score(&eval("world-m"), include_str!("eval/world-m/gold.jsonl"), Floors { f1: 0.87, fields: 0.84 });
    // world-n: F1 0.89, fields 0.74 with main (0e858f2's extraction) when it was written in round
    // 14; held out in round 14, development data since round 15 (0.893 and 0.750 at 0daedf9,
    // 0.893 and 0.797 at the end of round 15), floors 0.02 under, rounded down.
    score(&eval("world-n"), include_str!("eval/world-n/gold.jsonl"), Floors { f1: 0.87, fields: 0.77 });
    // world-o: F1 0.851, fields 0.794 with main (0daedf9) when it was written in round 15, the same
    // at the end of round 15 (0fadef1); held out in round 15, development data since round 16
    // (0.896 and 0.867 at the end of round 16), floors 0.02 under, rounded down.
    score(&eval("world-o"), include_str!("eval/world-o/gold.jsonl"), Floors { f1: 0.87, fields: 0.84 });
    // world-p: F1 0.880, fields 0.810 with main (0fadef1) when it was written in round 16, 0.883 and
    // 0.814 at the end of round 16 (6d2b01b); held out in round 16, development data since round 17
    // (0.896 and 0.844 at the end of round 17), floors 0.02 under, rounded down.
    score(&eval("world-p"), include_str!("eval/world-p/gold.jsonl"), Floors { f1: 0.87, fields: 0.82 });
    // world-q: F1 0.89, fields 0.84 with main (6d2b01b) when it was written in round 17, the same
    // at the end of round 17 (53711b9); held out in round 17, development data since round 18
    // (0.891 and 0.852 at the end of round 18; this test counts fields 0.848), floors 0.02 under,
    // rounded down.
    score(&eval("world-q"), include_str!("eval/world-q/gold.jsonl"), Floors { f1: 0.87, fields: 0.82 });
}

/// The set held out this round: its score is printed, its errors are not.
#[test]
fn held_out_articles_score_above_the_floor() {
    // world-r: F1 0.84, fields 0.77 (score.py; this test's field checks count 0.754) with main
    // (53711b9) when it was written in round 18; floors 0.03 under, rounded down. Held out: its
    // errors are not printed.
    score(&eval("world-r"), include_str!("eval/world-r/gold.jsonl"), Floors { f1: 0.81, fields: 0.72 });
}

/// Pairwise merging across articles: every pair of articles with matched
/// reports of one gold cluster should share a stored event; reports of
/// different clusters in different articles that share one are wrong merges.
#[test]
fn reports_of_one_event_in_several_articles_merge_above_the_floor() {
    merging_above_the_floor("multi", include_str!("eval/multi/gold.jsonl"), MERGING_F1_FLOOR, MERGING_PRECISION);
}

/// tests/eval/multi-b: 13 articles on four events of other conflicts (Yemen,
/// Ethiopia, Libya, Ukraine), written in round 6 to estimate the hidden
/// second set and held out until round 16; F1 0.80 (P 1.00) when its floor
/// was first set, 0.86 (P 1.00) at the end of round 16, floor 0.02 under.
#[test]
fn reports_of_other_conflicts_merge_above_the_floor() {
    merging_above_the_floor("multi-b", include_str!("eval/multi-b/gold.jsonl"), 0.84, MERGING_PRECISION);
}

/// tests/eval/multi-c: 13 articles on four more events (Moscow 2020,
/// Minsk 2015, Jeddah 2023, Kabul airport 2021), written in round 16 and
/// held out until round 17: F1 0.90 (P 0.96) with main at 0fadef1 when it
/// was written, 0.86 (P 0.96) at the end of round 16, 0.93 (P 0.96) at the
/// end of round 17; floor 0.02 under, rounded down.
#[test]
fn reports_of_unseen_events_merge_above_the_floor() {
    merging_above_the_floor("multi-c", include_str!("eval/multi-c/gold.jsonl"), 0.90, MERGING_PRECISION);
}

/// tests/eval/multi-d: 13 articles on four more events (the Abraham Accords
/// signing 2020, the Geneva Libya ceasefire 2020, the Gaza ceasefire 2021,
/// the Mogadishu bombing 2022), written and held out in round 17, a
/// development set since round 18. Its scores are far under issue 16's
/// targets, and its floors only guard against a fall: score.py --together
/// (one article at a time) gives merging F1 0.57, P 0.81 with main at
/// 6d2b01b when it was written and the same at the end of round 17; this
/// test (the folder in one ingest) counts F1 0.52, P 0.75 at the end of
/// round 17; round 18's merging rules (a person's office, a perfect-tense
/// toll) bring this test's count to F1 0.60, P 0.75 (score.py: 0.68, P
/// 0.85). Floors 0.03 under this test's count. Issue 16 asks precision 0.90:
/// not met here.
#[test]
fn reports_of_later_events_merge_above_the_floor() {
    merging_above_the_floor("multi-d", include_str!("eval/multi-d/gold.jsonl"), 0.57, 0.72);
}

/// tests/eval/multi-e: 13 articles on four more events (the Pope in Iraq
/// 2021, the Pretoria Ethiopia-TPLF agreement 2022, the Peshawar mosque
/// bombing 2023, the Saudi-Iran agreement in Beijing 2023), written in
/// round 18 and held out: its errors are not printed. score.py --together
/// gives merging F1 0.85, P 1.00 with main at 53711b9 when it was written,
/// and this test counts the same (F1 0.851, P 1.000); floors 0.03 under.
#[test]
fn reports_of_held_out_events_merge_above_the_floor() {
    merging_above_the_floor("multi-e", include_str!("eval/multi-e/gold.jsonl"), 0.82, 0.97);
}

/// Issue 16's merging precision target, a floor on every development set:
/// a wrong merge hides an event.
const MERGING_PRECISION: f64 = 0.90;

fn merging_above_the_floor(set: &str, gold: &str, floor: f64, precision_floor: f64) {
    let folder = eval(set);
    let quiet = held_out(&folder);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("all.db");
    // The articles and their index alone, as a user's archive (no gold file beside them).
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt" || e == "tsv") {
            std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
        }
    }
    common::bare(dir.path()).arg("--db").arg(&db).arg("ingest").arg(&corpus).assert().success();
    let out =
        common::bare(dir.path()).arg("--db").arg(&db).args(["export", "events", "--format", "jsonl"]).output().unwrap();
    let events: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let golds: Vec<Value> =
        gold.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    // Each stored event, once for each article among its mentions, as that article's report.
    let mut matched: HashMap<usize, i64> = HashMap::new();
    for ev in &events {
        let mut by_article: HashMap<String, Vec<String>> = HashMap::new();
        for m in ev["mentions"].as_array().into_iter().flatten() {
            let article = m["article"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
            by_article.entry(article).or_default().push(fold(m["sentence"].as_str().unwrap_or("")));
        }
        for (article, sentences) in by_article {
            let hit = (0..golds.len()).find(|&i| {
                let g = &golds[i];
                !matched.contains_key(&i)
                    && g.get("optional").is_none()
                    && g["kind"] == ev["kind"]
                    && g["article"] == article.as_str()
                    && g["evidence"].as_array().into_iter().flatten().any(|e| {
                        let e = fold(e.as_str().unwrap());
                        sentences.iter().any(|s| s.contains(&e))
                    })
            });
            if let Some(i) = hit {
                matched.insert(i, ev["id"].as_i64().unwrap());
            }
        }
    }
    // (cluster, article) -> the stored events of its matched reports.
    let mut ids: HashMap<(String, String), HashSet<i64>> = HashMap::new();
    for (&i, &id) in &matched {
        let g = &golds[i];
        let cluster = g["cluster"].as_str().map_or(format!("#{i}"), String::from);
        ids.entry((cluster, g["article"].as_str().unwrap().to_string())).or_default().insert(id);
    }
    let mut units: Vec<&(String, String)> = ids.keys().collect();
    units.sort();
    let (mut tp, mut fn_, mut fp) = (0usize, 0usize, 0usize);
    for (x, a) in units.iter().enumerate() {
        for b in &units[x + 1..] {
            let shared = !ids[*a].is_disjoint(&ids[*b]);
            if a.0 == b.0 && !a.0.starts_with('#') {
                if shared {
                    tp += 1;
                } else {
                    fn_ += 1;
                    if !quiet {
                        eprintln!("not merged: {} {} <-> {}", a.0, a.1, b.1);
                    }
                }
            } else if a.1 != b.1 && a.0 != b.0 && shared {
                fp += 1;
                if !quiet {
                    eprintln!("merged wrongly: {} / {} {} <-> {}", a.0, b.0, a.1, b.1);
                }
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = if tp == 0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    eprintln!(
        "merging across articles: {} gold pairs, tp {tp} fp {fp} fn {fn_}: P {precision:.3} R {recall:.3} F1 {f1:.3}",
        tp + fn_
    );
    assert!(tp + fn_ >= 20, "{set}: the gold clusters give too few pairs: {}", tp + fn_);
    assert!(precision >= precision_floor, "{set}: merging precision {precision:.3} fell below {precision_floor}");
    assert!(f1 >= floor, "{set}: merging F1 {f1:.3} fell below {floor}");
}

/// The merging floor: 0.02 below the F1 reached. It was lowered to 0.85 (the
/// issue's target for `multi/`) in round 6, when the statement test began to
/// ask for a quarter of the shorter report's terms; round 9 reached 0.96
/// (joint speakers speak as the first named, talks "here" are held at the
/// dateline's city), so the floor was 0.94. Round 14 found five more
/// statements in `multi/` ("labeled", "depicted", "signalled"), whose reports
/// in other articles say the same thing in other words and are not merged
/// with them (29 gold pairs instead of 24, R 0.79, P 0.96, F1 0.87): the floor
/// is the issue's target again, 0.85, until statements merge on meaning.
const MERGING_F1_FLOOR: f64 = 0.85;
