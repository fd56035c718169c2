//! One event schema in every format, `-o FILE` by extension, xlsx read back
//! with its cell types, `--columns` and `--order`, and empty results that say why.

mod common;

use std::path::Path;

use calamine::{Data, Reader};
use common::*;

fn seeded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    dir
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (header, rows)
}

/// `events` and `export events` have the same columns, in the same order, in
/// CSV, JSON and JSON Lines; JSON lists actors and articles as arrays and adds
/// the contract's mentions; rows are in date order unless --order id.
#[test]
fn events_and_export_events_share_one_schema() {
    let dir = seeded();
    let d = dir.path();
    let (header, rows) = csv_rows(&run_ok(d, &["events", "--format", "csv"]));
    let (export_header, export_rows) = csv_rows(&run_ok(d, &["export", "events", "--format", "csv"]));
    assert_eq!(header, export_header);
    assert_eq!(rows, export_rows);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name}"));
    assert_eq!((at("date_end") + 1, at("date_start") + 1), (at("date_start"), at("date_last")));
    // Date order, undated last.
    let starts: Vec<&str> = rows.iter().map(|r| r[at("date_start")].as_str()).collect();
    let dated = starts.iter().take_while(|s| !s.is_empty()).count();
    assert!(dated > 10 && starts[dated..].iter().all(|s| s.is_empty()));
    assert!(starts[..dated].windows(2).all(|w| w[0] <= w[1]), "{starts:?}");

    let jsonl = run_ok(d, &["events", "--format", "jsonl"]);
    assert_eq!(jsonl, run_ok(d, &["export", "events", "--format", "jsonl"]));
    let json: Vec<serde_json::Value> = serde_json::from_str(&run_ok(d, &["events", "--format", "json"])).unwrap();
    for (line, (object, row)) in jsonl.lines().zip(json.iter().zip(&rows)) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(&v, object);
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        // serde_json sorts keys; the order is checked on the text below.
        assert_eq!(keys.len(), header.len() + 1);
        assert!(v["actors"].is_array() && v["articles"].is_array() && v["mentions"].is_array());
        assert_eq!(v["id"].to_string(), row[0]);
        assert_eq!(
            v["actors"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect::<Vec<_>>().join("; "),
            row[at("actors")]
        );
    }
    let first = jsonl.lines().next().unwrap();
    let positions: Vec<usize> = header.iter().map(|h| first.find(&format!("\"{h}\":")).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "JSON keys out of the schema's order: {first}");

    let by_id = csv_rows(&run_ok(d, &["events", "--format", "csv", "--order", "id"])).1;
    let ids: Vec<i64> = by_id.iter().map(|r| r[0].parse().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(ids.len(), rows.len());
}

#[test]
fn columns_pick_and_order_the_fields() {
    let dir = seeded();
    let out =
        run_ok(dir.path(), &["events", "-c", "date,actors", "--columns", "id", "--format", "csv", "--limit", "2"]);
    assert!(out.starts_with("date,actors,id\n"), "{out}");
    let json = run_ok(dir.path(), &["export", "events", "-c", "id,mentions", "--format", "jsonl"]);
    let v: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 2);
    let bad = chronicle(dir.path()).args(["events", "-c", "mentions", "--format", "csv"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("only in JSON"), "{}", stderr(&bad));
    let bad = chronicle(dir.path()).args(["events", "-c", "nope"]).output().unwrap();
    assert!(stderr(&bad).contains("no column named 'nope'"), "{}", stderr(&bad));
}

#[test]
fn output_file_extension_picks_the_format_unless_format_is_given() {
    let dir = seeded();
    let d = dir.path();
    for (file, check) in [
        ("t.json", (|s: &str| s.starts_with("[\n{\"id\":")) as fn(&str) -> bool),
        ("t.jsonl", |s: &str| s.starts_with("{\"id\":")),
        ("t.csv", |s: &str| s.starts_with("id,kind,status,date,")),
        ("T.CSV", |s: &str| s.starts_with("id,kind,")),
    ] {
        run_ok(d, &["export", "events", "-o", file]);
        let text = std::fs::read_to_string(d.join(file)).unwrap();
        assert!(check(&text), "{file}: {}", &text[..80.min(text.len())]);
    }
    run_ok(d, &["export", "articles", "-o", "a.jsonl"]);
    assert!(std::fs::read_to_string(d.join("a.jsonl")).unwrap().starts_with("{\"id\":1,\"name\":"));
    // An explicit --format wins over the extension.
    run_ok(d, &["export", "events", "-o", "x.json", "--format", "csv"]);
    assert!(std::fs::read_to_string(d.join("x.json")).unwrap().starts_with("id,"));
    // An extension chronicle does not know, with no --format: an error, and no file.
    let out = chronicle(d).args(["export", "events", "-o", "t.tsv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("t.tsv") && stderr(&out).contains("--format"), "{}", stderr(&out));
    assert!(!d.join("t.tsv").exists());
}

fn sheet(path: &Path) -> calamine::Range<Data> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    book.worksheet_range_at(0).unwrap().unwrap()
}

/// xlsx: days are date cells, counts and ids numbers, text stays text ("January
/// 22" is not turned into a date), nothing is a formula, the header row is frozen.
#[test]
fn xlsx_export_has_typed_cells_and_a_frozen_header() {
    let dir = seeded();
    let d = dir.path();
    run_ok(d, &["export", "events", "-o", "timeline.xlsx"]);
    let range = sheet(&d.join("timeline.xlsx"));
    let rows: Vec<&[Data]> = range.rows().collect();
    let (header, csv) = csv_rows(&run_ok(d, &["export", "events", "--format", "csv"]));
    let names: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(names, header);
    assert_eq!(rows.len(), csv.len() + 1);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut seen_count = false;
    let mut seen_words = false;
    for (row, expected) in rows[1..].iter().zip(&csv) {
        assert!(matches!(row[col("id")], Data::Float(_) | Data::Int(_)), "{:?}", row[col("id")]);
        assert_eq!(row[col("id")].to_string(), expected[col("id")]);
        match &row[col("date_start")] {
            Data::DateTime(dt) => {
                // Spreadsheet dates count days from 1899-12-30.
                let day = chrono::NaiveDate::parse_from_str(&expected[col("date_start")], "%Y-%m-%d").unwrap();
                let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
                assert_eq!(dt.as_f64(), (day - epoch).num_days() as f64);
            }
            Data::Empty => assert_eq!(expected[col("date_start")], ""),
            other => panic!("date_start is {other:?}"),
        }
        assert!(matches!(row[col("date")], Data::String(_) | Data::Empty), "date labels stay text");
        if !expected[col("count")].is_empty() {
            assert_eq!(row[col("count")], Data::Float(expected[col("count")].parse().unwrap()));
            seen_count = true;
        }
        if expected[col("date_text")] == "January 22" {
            assert_eq!(row[col("date_text")], Data::String("January 22".into()));
            seen_words = true;
        }
        assert!(matches!(row[col("cumulative")], Data::Bool(_)));
    }
    assert!(seen_count && seen_words, "the sample has death tolls and a \"January 22\"");

    // Text that looks like a formula is text; the header row is frozen (the sheet's XML, read with Python's zipfile).
    let out = chronicle(d)
        .args(["sql", "SELECT '=HYPERLINK(\"http://x\")' AS f, 42 AS n, '2014-01-17' AS d", "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::write(d.join("q.xlsx"), &out.stdout).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(d.join("q.xlsx")).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(range.get((1, 0)), Some(&Data::String("=HYPERLINK(\"http://x\")".into())));
    assert_eq!(range.get((1, 1)), Some(&Data::Float(42.0)));
    assert_eq!(range.get((1, 2)), Some(&Data::String("2014-01-17".into())));
    let formulas = book.worksheet_formula("Sheet1").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "a formula was written");
    let xml = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())",
        ])
        .arg(d.join("timeline.xlsx"))
        .output()
        .expect("python3 is needed to read the sheet's XML");
    let xml = String::from_utf8(xml.stdout).unwrap();
    assert!(
        xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
        "{xml:.600}"
    );

    // xlsx is binary: not to a terminal, and not without a file for export on a terminal; fine into a pipe.
    assert!(!chronicle(d).args(["events", "--format", "xlsx"]).output().unwrap().stdout.is_empty());
}

/// An empty result says why on stderr, and exits 0.
#[test]
fn empty_results_say_why() {
    let dir = seeded();
    let d = dir.path();
    let why = |args: &[&str]| {
        let out = chronicle(d).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1, "{args:?}: only the header");
        stderr(&out)
    };
    assert!(why(&["events", "--actor", "Nobody"]).contains("no actor named 'Nobody'"));
    assert!(why(&["events", "--actor", "Lavrof"]).contains("did you mean 'Lavrov'?"));
    assert!(why(&["events", "--place", "Atlantis"]).contains("no place named 'Atlantis'"));
    let article = why(&["events", "--article", "000_77c680d69fdef6ac"]);
    assert!(article.contains("did you mean '000_77c680d69fdef6ac.txt'?"), "{article}");
    let dates = why(&["events", "--since", "2014", "--until", "2013"]);
    assert!(dates.contains("--since 2014-01-01 is after --until 2013-12-31"), "{dates}");
    let together = why(&["events", "--place", "Rome", "--kind", "death_toll"]);
    assert!(together.contains("no events match all of these filters together"), "{together}");
    // A result that is not empty says nothing.
    let out = chronicle(d).args(["events", "--actor", "Lavrov"]).output().unwrap();
    assert!(out.status.success() && stderr(&out).is_empty());
}
