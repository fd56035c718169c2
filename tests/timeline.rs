//! The database as SQL users and Datasette see it (migration 0008): the
//! `timeline` view is the export's schema in the export's order, with
//! `actors_json`; events link to `places`, which carry coordinates; a
//! database of the previous schema is upgraded with its data kept and its
//! evidence indexed.

mod common;

use std::path::Path;

use common::*;

/// CSV text as rows of cells (the first row is the header).
fn rows(csv: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(csv.as_bytes())
        .into_records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

fn header(csv: &str) -> Vec<String> {
    csv::Reader::from_reader(csv.as_bytes()).headers().unwrap().iter().map(String::from).collect()
}

/// A folder with t.db, the sample articles ingested.
fn seeds_database() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    let out = ingest(dir.path(), &[seeds.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn timeline_view_has_the_export_columns_and_rows_in_date_order_with_actors_json() {
    let dir = seeds_database();
    let export = run_ok(dir.path(), &["export", "events", "--format", "csv"]);
    let events = run_ok(dir.path(), &["events", "--all", "--format", "csv"]);
    assert_eq!(header(&export), header(&events));
    // The view, read without an ORDER BY of its own, as Datasette and the sqlite3 shell do.
    let timeline = run_ok(dir.path(), &["sql", "SELECT * FROM timeline", "--format", "csv"]);
    let mut expected = header(&export);
    expected.push("actors_json".into());
    assert_eq!(header(&timeline), expected);

    let (export, timeline) = (rows(&export), rows(&timeline));
    assert_eq!(export.len(), 77);
    assert_eq!(timeline.len(), export.len());
    let names = header(&run_ok(dir.path(), &["export", "events", "--format", "csv"]));
    let at = |name: &str| names.iter().position(|n| n == name).unwrap();
    let mut undated_seen = false;
    for (e, t) in export.iter().zip(&timeline) {
        for (i, name) in names.iter().enumerate() {
            // The view keeps SQLite's 0/1 where the export writes a boolean.
            let (ev, tv) = match name.as_str() {
                "cumulative" => ((e[i] == "true").to_string(), (t[i] == "1").to_string()),
                _ => (e[i].clone(), t[i].clone()),
            };
            assert_eq!(ev, tv, "event {}: {name}", e[0]);
        }
        // Date order, then id; undated last.
        if t[at("date_start")].is_empty() {
            undated_seen = true;
        } else {
            assert!(!undated_seen, "a dated event after an undated one: {}", t[0]);
        }
        let actors: Vec<String> = serde_json::from_str(t.last().unwrap()).expect("actors_json is a JSON array");
        let mut joined: Vec<String> = Vec::new();
        for a in t[at("actors")].split("; ").filter(|a| !a.is_empty()) {
            if !joined.iter().any(|j| j == a) {
                joined.push(a.to_string());
            }
        }
        assert_eq!(actors, joined, "event {}", t[0]);
    }
    let dates: Vec<(String, i64)> = timeline
        .iter()
        .filter(|t| !t[at("date_start")].is_empty())
        .map(|t| (t[at("date_start")].clone(), t[0].parse().unwrap()))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "not in (date_start, id) order");
    // One facet as Datasette's `_facet_array` computes it: json_each over the column.
    let lavrov = run_ok(
        dir.path(),
        &[
            "sql",
            "SELECT count(*) FROM timeline, json_each(timeline.actors_json) WHERE json_each.value = 'Sergei Lavrov'",
            "--no-headers",
        ],
    );
    assert!(lavrov.trim().parse::<i64>().unwrap() > 0, "{lavrov}");
}

#[test]
fn events_link_to_places_which_carry_coordinates() {
    let dir = seeds_database();
    let fk = run_ok(dir.path(), &["sql", "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('events')"]);
    assert!(fk.contains("place_id,places,id"), "{fk}");
    // Every event at a place the dictionary knows links to it, and to no other.
    let unlinked = run_ok(
        dir.path(),
        &[
            "sql",
            "SELECT count(*) FROM events e WHERE e.place IS NOT NULL
                AND e.place_id IS NOT (SELECT id FROM places p WHERE p.name = e.place)",
            "--no-headers",
        ],
    );
    assert_eq!(unlinked.trim(), "0");
    let linked = run_ok(
        dir.path(),
        &[
            "sql",
            "SELECT DISTINCT p.name, p.latitude, p.longitude FROM events e JOIN places p ON p.id = e.place_id
              WHERE p.name = 'Geneva'",
            "--format",
            "csv",
            "--no-headers",
        ],
    );
    let cells: Vec<&str> = linked.trim().split(',').collect();
    assert_eq!(cells[0], "Geneva", "{linked}");
    let (lat, lon): (f64, f64) = (cells[1].parse().unwrap(), cells[2].parse().unwrap());
    assert!((lat - 46.2).abs() < 0.5 && (lon - 6.14).abs() < 0.5, "{linked}");
}

/// The user-visible state of a database: what `export` and the places say.
fn snapshot(dir: &Path) -> (String, String) {
    (
        run_ok(dir, &["export", "events", "--format", "jsonl", "--order", "id"]),
        run_ok(dir, &["sql", "SELECT name, latitude, longitude FROM places WHERE name = 'Geneva'", "--no-headers"]),
    )
}

/// A database of the schema before 0008 (built by running the migrations up to
/// 0006 and storing rows as chronicle did then) keeps its data on upgrading,
/// and gets its evidence indexed and its events linked to their places.
#[test]
fn a_database_of_the_previous_schema_is_upgraded_with_its_data_indexed_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut files: Vec<_> = std::fs::read_dir(&migrations).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files.iter().filter(|f| f.file_name().unwrap().to_str().unwrap() <= "0006_reports.sql") {
            conn.execute_batch(&std::fs::read_to_string(file).unwrap()).unwrap();
        }
        let text = "Kerry met Lavrov in Geneva on Monday to discuss a ceasefire.";
        conn.execute_batch(&format!(
            "PRAGMA user_version = 6;
             INSERT INTO actors (id, name, kind) VALUES (1, 'John Kerry', 'person'), (2, 'Sergei Lavrov', 'person');
             INSERT INTO places (id, name, kind, country, lat, lon) VALUES (7, 'Geneva', 'city', 'CH', 46.2, 6.15);
             INSERT INTO articles (id, name, published, published_origin, content_hash, clean_text, ingested_at)
                  VALUES (1, 'a.txt', '2013-11-20', 'given', 'h1', '{text}', 'then');
             INSERT INTO events (id, kind, status, date_start, date_end, precision, place, first_reported)
                  VALUES (1, 'talks', 'happened', '2013-11-18', '2013-11-18', 'day', 'Geneva', '2013-11-20');
             INSERT INTO reports (id, event_id, article_id, ordinal, kind, status, date_start, date_end, precision,
                                  place, actors)
                  VALUES (1, 1, 1, 0, 'talks', 'happened', '2013-11-18', '2013-11-18', 'day', 'Geneva',
                          '[[\"John Kerry\",\"participant\"],[\"Sergei Lavrov\",\"participant\"]]');
             INSERT INTO event_actors VALUES (1, 1, 'participant', 0), (1, 2, 'participant', 1);
             INSERT INTO mention_spans (report_id, article_id, start_byte, end_byte) VALUES (1, 1, 0, {});",
            text.len()
        ))
        .unwrap();
    }
    let out = chronicle(dir.path()).args(["db", "upgrade"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let (events, geneva) = snapshot(dir.path());
    let event: serde_json::Value = serde_json::from_str(events.lines().next().unwrap()).unwrap();
    assert_eq!(events.lines().count(), 1);
    assert_eq!(event["actors"], serde_json::json!(["John Kerry", "Sergei Lavrov"]));
    assert_eq!(event["place"], "Geneva");
    assert_eq!(event["mentions"][0]["sentence"], "Kerry met Lavrov in Geneva on Monday to discuss a ceasefire.");
    assert_eq!(geneva.trim(), "Geneva,46.2,6.15");
    assert_eq!(run_ok(dir.path(), &["sql", "SELECT place_id FROM events", "--no-headers"]).trim(), "7");
    assert_eq!(
        run_ok(dir.path(), &["events", "--text", "ceasefire", "--format", "csv", "-c", "id", "--no-headers"]).trim(),
        "1"
    );
    let indexed = run_ok(
        dir.path(),
        &["sql", "SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH '\"discuss a ceasefire\"'", "--no-headers"],
    );
    assert_eq!(indexed.trim(), "1");
    let timeline = run_ok(dir.path(), &["sql", "SELECT actors_json FROM timeline", "--no-headers"]);
    assert_eq!(timeline.trim(), "\"[\"\"John Kerry\"\",\"\"Sergei Lavrov\"\"]\"");
}
