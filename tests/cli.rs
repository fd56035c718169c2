//! The real binary in a temporary folder: ingest, idempotence, every reading
//! format, help text. Event counts are never hard-coded: these tests hold
//! whatever the extractor finds.

mod common;

use common::*;

#[test]
fn every_command_has_help_with_examples() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--help"],
        vec!["ingest", "--help"],
        vec!["events", "--help"],
        vec!["show", "--help"],
        vec!["sql", "--help"],
        vec!["export", "--help"],
        vec!["extract", "--help"],
        vec!["db", "--help"],
        vec!["db", "status", "--help"],
        vec!["datasette-metadata", "--help"],
    ] {
        let out = chronicle(dir.path()).args(&args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}");
        assert!(text.contains("Examples:"), "{args:?} has no examples:\n{text}");
        assert!(text.contains("chronicle "), "{args:?}");
    }
}

#[test]
fn ingest_seeds_then_again_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    let first = ingest(dir.path(), &[seeds.to_str().unwrap()]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("5 new, 0 unchanged, 0 replaced, 0 failed"), "{}", stderr(&first));
    let counts = status_counts(dir.path());
    assert_eq!(counts["articles"], 5);

    let second = ingest(dir.path(), &[seeds.to_str().unwrap()]);
    assert!(second.status.success());
    assert!(stderr(&second).contains("0 new, 5 unchanged, 0 replaced, 0 failed; added 0 events, 0 mentions"));
    assert_eq!(status_counts(dir.path()), counts);

    // The manifest's metadata reached the articles; an empty `published` stays unknown unless the text has it.
    let out =
        run_ok(dir.path(), &["sql", "SELECT source FROM articles WHERE name = :n", "-p", "n=001_f1cd706057b0bc08.txt"]);
    assert_eq!(out, "source\nThe Moscow Times\n");
}

#[test]
fn changed_content_replaces_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Monday.\n").unwrap();
    let args = ["--published", "2013-11-15", file.to_str().unwrap()];
    assert!(ingest(dir.path(), &args).status.success());
    std::fs::write(&file, "Lavrov said on Tuesday that talks would resume.\n").unwrap();
    let out = ingest(dir.path(), &args);
    assert!(stderr(&out).contains("0 new, 0 unchanged, 1 replaced"), "{}", stderr(&out));
    let counts = status_counts(dir.path());
    assert_eq!(counts["articles"], 1);
    let text = run_ok(dir.path(), &["sql", "SELECT clean_text FROM articles", "--format", "jsonl"]);
    assert!(text.contains("talks would resume"));
    // Mentions all belong to the new text.
    let stale = run_ok(dir.path(), &["sql", "SELECT count(*) AS n FROM mentions WHERE sentence LIKE '%Geneva%'"]);
    assert_eq!(stale, "n\n0\n");
}

#[test]
fn every_reading_format_parses_back() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    let counts = status_counts(dir.path());
    let events = counts["events"] as usize;

    let csv_out = run_ok(dir.path(), &["events", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_out.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().next(), Some("id"));
    assert_eq!(reader.records().count(), events);

    let json: serde_json::Value = serde_json::from_str(&run_ok(dir.path(), &["events", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), events);

    let jsonl = run_ok(dir.path(), &["events", "--format", "jsonl"]);
    let parsed: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(parsed.len(), events);

    let table = run_ok(dir.path(), &["events", "--format", "table"]);
    assert!(table.contains("kind"));

    // Not a terminal: CSV by default.
    assert_eq!(run_ok(dir.path(), &["events"]), csv_out);
    let no_headers = run_ok(dir.path(), &["events", "--no-headers", "--format", "csv"]);
    assert_eq!(no_headers.lines().count(), csv_out.lines().count() - 1);

    // The contract: one line per event, every id resolves with `show`.
    let contract = run_ok(dir.path(), &["export", "events", "--format", "jsonl"]);
    assert_eq!(contract.lines().count(), events);
    for line in contract.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in ["id", "kind", "status", "date", "date_end", "date_text", "place", "actors", "speaker", "quote"] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
        assert!(v["mentions"].as_array().is_some());
        let id = v["id"].as_i64().unwrap().to_string();
        let shown: serde_json::Value =
            serde_json::from_str(&run_ok(dir.path(), &["show", &id, "--format", "json"])).unwrap();
        assert_eq!(shown["id"], v["id"]);
    }

    // Whole tables: as many rows as `db status` counts.
    for table in ["articles", "events", "mentions", "actors"] {
        let out = run_ok(dir.path(), &["export", table, "--format", "csv"]);
        let rows = csv::Reader::from_reader(out.as_bytes()).records().count();
        assert_eq!(rows as i64, counts[table], "{table}");
    }
    let timeline = run_ok(dir.path(), &["export", "events", "--format", "csv"]);
    assert_eq!(csv::Reader::from_reader(timeline.as_bytes()).records().count(), events);
}

#[test]
fn export_to_a_file_and_with_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    let file = dir.path().join("articles.csv");
    run_ok(dir.path(), &["export", "articles", "--format", "csv", "--bom", "-o", file.to_str().unwrap()]);
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid,name,"));
    let out = chronicle(dir.path()).args(["export", "no_such_table"]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no table or view named 'no_such_table'"));
}

#[test]
fn csv_neutralises_formulas_unless_raw() {
    let dir = tempfile::tempdir().unwrap();
    empty_database(dir.path(), "t.db");
    let q = "SELECT '=HYPERLINK(\"x\")' AS a, '- We will not go' AS b, '@SUM(1)' AS c, -5 AS n";
    let safe = run_ok(dir.path(), &["sql", q, "--format", "csv"]);
    assert_eq!(safe, "a,b,c,n\n\"'=HYPERLINK(\"\"x\"\")\",\u{2013} We will not go,'@SUM(1),-5\n");
    let raw = run_ok(dir.path(), &["sql", q, "--format", "csv", "--raw"]);
    assert_eq!(raw, "a,b,c,n\n\"=HYPERLINK(\"\"x\"\")\",- We will not go,@SUM(1),-5\n");
}

#[test]
fn extract_prints_the_contract_without_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    let out = chronicle(dir.path())
        .args(["extract", seeds.join("000_77c680d69fdef6ac.txt").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for (i, line) in String::from_utf8(out.stdout).unwrap().lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"].as_i64().unwrap(), i as i64 + 1);
        assert_eq!(v["mentions"][0]["article"], "000_77c680d69fdef6ac.txt");
    }
    let out =
        chronicle(dir.path()).arg("extract").write_stdin("Lavrov said on Monday talks would go on.").output().unwrap();
    assert!(out.status.success());
    assert!(!dir.path().join("t.db").exists());
}

#[test]
fn show_unknown_id_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    empty_database(dir.path(), "t.db");
    let out = chronicle(dir.path()).args(["show", "424242"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no event with id 424242"));
}

#[test]
fn events_filters_take_bound_values() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    // A value that would break SQL if it were pasted in is just a name that matches nothing.
    for args in [
        vec!["events", "--actor", "x') OR 1=1 --"],
        vec!["events", "--place", "'; DROP TABLE events; --"],
        vec!["events", "--article", "\" OR \"\"=\""],
    ] {
        assert_eq!(run_ok(dir.path(), &args).lines().count(), 1, "{args:?}");
    }
    let all = run_ok(dir.path(), &["events", "--since", "1900", "--until", "2100-12", "--limit", "1000"]);
    assert!(all.starts_with("id,"));
    let bad = chronicle(dir.path()).args(["events", "--kind", "meeting"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("talks"));
}

/// The status and place indexes are partial (migration 0004): the filters
/// must still return exactly the rows a full listing has, for every status
/// and for places with and without an index entry.
#[test]
fn status_and_place_filters_with_partial_indexes_match_a_full_listing() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    let rows = |args: &[&str]| -> Vec<Vec<String>> {
        let text = run_ok(dir.path(), &[&["events", "--limit", "1000", "--format", "csv"], args].concat());
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    let all = rows(&[]);
    let (status, place) = (2, 9);
    assert!(all.len() > 50, "{} events", all.len());
    for value in ["happened", "planned", "proposed", "refused", "cancelled"] {
        let expected: Vec<_> = all.iter().filter(|r| r[status] == value).cloned().collect();
        assert_eq!(rows(&["--status", value]), expected, "--status {value}");
    }
    let places: std::collections::BTreeSet<&str> =
        all.iter().map(|r| r[place].as_str()).filter(|p| !p.is_empty()).collect();
    assert!(places.len() > 3, "{places:?}");
    for value in places {
        let expected: Vec<_> = all.iter().filter(|r| r[place] == value).cloned().collect();
        assert_eq!(rows(&["--place", value]), expected, "--place {value}");
    }
    let planned_in_moscow: Vec<_> =
        all.iter().filter(|r| r[status] == "planned" && r[place] == "Moscow").cloned().collect();
    assert_eq!(rows(&["--status", "planned", "--place", "Moscow"]), planned_in_moscow);
}

#[test]
fn csv_neutralises_every_owasp_lead_character_and_raw_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    empty_database(dir.path(), "t.db");
    // (cell as stored, cell as a spreadsheet-safe CSV field)
    let cases = [
        ("=1+2", "'=1+2"),
        ("+1+2", "'+1+2"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
        ("-", "'-"),
        ("-5", "'-5"),
        ("-- not a quote", "'-- not a quote"),
        // A quote that begins with a dash still reads naturally.
        ("- We will not go to Geneva", "\u{2013} We will not go to Geneva"),
        ("Lavrov said", "Lavrov said"),
        ("a=b", "a=b"),
    ];
    for (stored, safe) in cases {
        let out = run_ok(
            dir.path(),
            &["sql", "SELECT CAST(:v AS TEXT) AS v", "-p", &format!("v={stored}"), "--format", "csv"],
        );
        assert_eq!(out, format!("v\n{safe}\n"), "{stored:?}");
        let raw = run_ok(
            dir.path(),
            &["sql", "SELECT CAST(:v AS TEXT) AS v", "-p", &format!("v={stored}"), "--format", "csv", "--raw"],
        );
        let mut reader = csv::Reader::from_reader(raw.as_bytes());
        assert_eq!(&reader.records().next().unwrap().unwrap()[0], stored, "--raw changed {stored:?}");
    }
}

#[test]
fn csv_export_of_stored_values_is_safe_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let record = serde_json::json!({
        "id": "=HYPERLINK(\"http://evil\")",
        "title": "@cmd|' /C calc'!A0",
        "source": "+wire",
        "text": "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Monday.",
    });
    std::fs::write(dir.path().join("in.jsonl"), format!("{record}\n")).unwrap();
    let out = ingest(dir.path(), &["in.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = dir.path().join("articles.csv");
    run_ok(dir.path(), &["export", "articles", "--format", "csv", "-o", file.to_str().unwrap()]);
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let field = |name: &str| row[headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(field("name"), "'=HYPERLINK(\"http://evil\")");
    assert_eq!(field("title"), "'@cmd|' /C calc'!A0");
    assert_eq!(field("source"), "'+wire");
    // JSON keeps values exactly: only CSV is for spreadsheets.
    let json = run_ok(dir.path(), &["export", "articles", "--format", "jsonl"]);
    assert!(json.contains("\"name\":\"=HYPERLINK"), "{json}");
}

/// The stored actors follow the dictionaries in use: the fingerprint that
/// decides whether to rewrite them is taken over the sources, so an edited
/// user file must still change it, and going back to the built-in files too.
#[test]
fn user_dictionary_edits_reach_the_stored_actors() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    let user = dir.path().join("dict");
    std::fs::create_dir(&user).unwrap();
    let in_dictionary = |name: &str| {
        run_ok(dir.path(), &["sql", &format!("SELECT in_dictionary FROM actors WHERE name = '{name}'"), "--no-headers"])
            .trim()
            .to_string()
    };
    let with_user = |actors: &str| {
        std::fs::write(user.join("actors.tsv"), actors).unwrap();
        let out = chronicle(dir.path()).arg("--dict").arg(&user).args(["ingest"]).arg(&seeds).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    };
    with_user("Zed Quux\tperson\tSyria\tQuux\t\n");
    assert_eq!(in_dictionary("Zed Quux"), "1");
    with_user("Zed Quux\tperson\tSyria\tQuux\t\nYan Blorp\tperson\tRussia\tBlorp\t\n");
    assert_eq!(in_dictionary("Yan Blorp"), "1");
    assert!(ingest(dir.path(), &[seeds.to_str().unwrap()]).status.success());
    assert_eq!(in_dictionary("Yan Blorp"), "0");
    assert_eq!(in_dictionary("Sergei Lavrov"), "1");
}

/// `--db` and `--dict` appear only on the commands that use them (issue 17),
/// and both still work before the command, as scripts and the scorer give them.
#[test]
fn db_and_dict_only_where_they_apply() {
    let dir = tempfile::tempdir().unwrap();
    let help = |cmd: &str| run_ok(dir.path(), &[cmd, "--help"]);
    for cmd in ["ingest", "load", "events", "show", "sql", "report", "export", "datasette-metadata"] {
        assert!(help(cmd).contains("--db <PATH>"), "{cmd} has no --db");
    }
    assert!(run_ok(dir.path(), &["db", "status", "--help"]).contains("--db <PATH>"));
    for cmd in ["events", "show", "sql", "report", "export", "datasette-metadata"] {
        assert!(!help(cmd).contains("--dict"), "{cmd} lists --dict");
    }
    // (Its examples pipe into `chronicle --db seeds.db load -`: the option itself is what must be absent.)
    assert!(!help("extract").contains("--db <PATH>"), "extract lists --db");
    for cmd in ["extract", "ingest", "load"] {
        assert!(help(cmd).contains("--dict <DIR>"), "{cmd} has no --dict");
    }
    // After the command, or before it: the same database.
    let text = "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Monday.";
    let out = bare(dir.path())
        .args(["ingest", "--db", "after.db", "--published", "2013-11-15", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let n = |args: &[&str]| {
        let out = bare(dir.path()).args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(n(&["--db", "after.db", "sql", "SELECT count(*) FROM articles", "--no-headers"]), "1\n");
    assert_eq!(n(&["sql", "--db", "after.db", "SELECT count(*) FROM articles", "--no-headers"]), "1\n");
}

/// An article with no publication date, given or found in its text, gets a
/// warning naming it and saying how to give one, in ingest and extract.
#[test]
fn articles_without_a_date_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("undated.txt"), "Lavrov said on Friday that talks would go on.\n").unwrap();
    for args in [vec!["extract", "undated.txt"], vec!["ingest", "undated.txt"]] {
        let out = chronicle(dir.path()).args(&args).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("undated.txt: no publication date"), "{args:?}: {err}");
        assert!(err.contains("--published") && err.contains("index.tsv"), "{err}");
    }
    let out = chronicle(dir.path()).args(["extract", "--published", "2013-11-15", "undated.txt"]).output().unwrap();
    assert!(!stderr(&out).contains("no publication date"), "{}", stderr(&out));
}
