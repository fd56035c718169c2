//! The date table: `tests/dates_cases.tsv`, one sentence per row, resolved
//! against its publication date. The format is documented at the top of the file.

use chronicle::extract::dates::{find, find_publication_date, resolve, tense_at, Anchor, DateTables, Tense};
use chronicle::model::Precision;
use chrono::NaiveDate;

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[test]
fn date_table() {
    let tables = DateTables::builtin();
    let text = include_str!("dates_cases.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        cases += 1;
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 7, "line {}: expected 7 columns, got {}", n + 1, f.len());
        let (published, tense, sentence, want_text, want_start, want_end, want_precision) =
            (f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
        let flags = f.get(7).copied().unwrap_or("");
        let anchor = Anchor { published: date(published), day_first: flags.contains("dayfirst") };
        let found = find(sentence, &tables);
        let fail = |msg: String| format!("line {}: {sentence:?}: {msg}", n + 1);
        if want_text == "-" {
            if !found.is_empty() {
                failures.push(fail(format!(
                    "expected no date, found {:?}",
                    found.iter().map(|e| &e.text).collect::<Vec<_>>()
                )));
            }
            continue;
        }
        let Some(expr) = found.iter().find(|e| e.text == want_text) else {
            failures.push(fail(format!(
                "expected {want_text:?}, found {:?}",
                found.iter().map(|e| &e.text).collect::<Vec<_>>()
            )));
            continue;
        };
        assert_eq!(&sentence[expr.start..expr.end], expr.text, "offsets of {want_text:?}");
        if expr.since != flags.contains("since") {
            failures.push(fail(format!("since = {}", expr.since)));
        }
        let tense = match tense {
            "past" => Tense::Past,
            "present" => Tense::Present,
            "future" => Tense::Future,
            _ => tense_at(sentence, expr.start, expr.end, &tables),
        };
        let got = resolve(expr, tense, &anchor, &tables);
        let got_text = match got {
            None => "- - -".to_string(),
            Some(s) => format!("{} {} {}", s.start, s.end, s.precision),
        };
        let want = format!("{want_start} {want_end} {want_precision}");
        if got_text != want {
            failures.push(fail(format!("{want_text:?} ({tense:?}): got {got_text}, want {want}")));
        }
    }
    assert!(cases >= 150, "only {cases} cases");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn iso_week_53_renders_as_w53() {
    let tables = DateTables::builtin();
    let anchor = Anchor { published: date("2015-12-24"), day_first: false };
    let expr = &find("They will meet next week.", &tables)[0];
    let span = resolve(expr, Tense::Future, &anchor, &tables).unwrap();
    assert_eq!(span.precision, Precision::Week);
    assert_eq!(span.labels(), ("2015-W53".to_string(), None));
}

#[test]
fn relative_dates_stay_unresolved_without_a_publication_date() {
    let tables = DateTables::builtin();
    let anchor = Anchor::default();
    for s in ["They met on Friday.", "They will meet next week.", "They met yesterday.", "They will meet in January."] {
        let expr = &find(s, &tables)[0];
        assert_eq!(resolve(expr, Tense::Past, &anchor, &tables), None, "{s}");
    }
}

#[test]
fn sample_article_003_dates_itself() {
    let text = "September 9th, 2013\n05:41 AM ET\n\nRussia calls for talks in Moscow on Syria\n\nRussia's foreign minister Monday called for international talks in Moscow.";
    let tables = DateTables::builtin();
    assert_eq!(find_publication_date(text, &tables), date("2013-09-09"));
}
