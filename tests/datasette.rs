//! `chronicle datasette-metadata` in a real Datasette: the sample database is
//! served on 127.0.0.1 with the metadata, and the events page must render
//! with its title and default facets, the front page with the title, and the
//! dictionary tables hidden. Datasette comes from `$DATASETTE`, else from a
//! virtual environment in target/datasette-venv, which this test (or
//! `.ci/run`) creates with pip when it is missing. Without Python, venv or
//! pip the test fails and says so.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;

/// The Datasette versions this metadata is written for (1.0 moved facets and hidden tables to a config file).
const DATASETTE: &str = "datasette>=0.65,<1";

fn datasette() -> PathBuf {
    if let Some(path) = std::env::var_os("DATASETTE") {
        return PathBuf::from(path);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("datasette-venv");
    let bin = venv.join("bin").join("datasette");
    if bin.exists() {
        return bin;
    }
    let run = |program: &Path, args: &[&str]| {
        let out = std::process::Command::new(program).args(args).output();
        match out {
            Ok(o) if o.status.success() => {}
            Ok(o) => panic!(
                "cannot install Datasette ({} {args:?} failed): {}{}",
                program.display(),
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => {
                panic!("cannot install Datasette: {} not found ({e}); install Python 3 with venv", program.display())
            }
        }
    };
    run(Path::new("python3"), &["-m", "venv", venv.to_str().unwrap()]);
    run(&venv.join("bin").join("pip"), &["install", "--quiet", DATASETTE]);
    bin
}

/// GET `path` from 127.0.0.1:`port`: the status line and the body, or the
/// connection's error.
fn try_get(port: u16, path: &str) -> std::io::Result<(String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    Ok((head.lines().next().unwrap_or("").to_string(), body.to_string()))
}

/// GET `path`, trying again a few times when the connection is reset (a
/// server under load may drop one); the last error fails the test.
fn get(port: u16, path: &str) -> (String, String) {
    let mut last = None;
    for _ in 0..5 {
        match try_get(port, path) {
            Ok(response) => return response,
            Err(e) => last = Some(e),
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    panic!("GET {path} failed five times: {}", last.unwrap())
}

/// Ends the server when the test ends, however it ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn datasette_serves_the_sample_database_with_the_metadata() {
    let datasette = datasette();
    let dir = tempfile::tempdir().unwrap();
    let seeds = copy_seeds(dir.path());
    let out = bare(dir.path()).args(["--db", "seeds.db", "ingest"]).arg(&seeds).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let metadata = bare(dir.path()).args(["datasette-metadata", "--db", "seeds.db"]).output().unwrap();
    assert!(metadata.status.success(), "{}", stderr(&metadata));
    std::fs::write(dir.path().join("metadata.json"), &metadata.stdout).unwrap();
    let meta: serde_json::Value = serde_json::from_slice(&metadata.stdout).unwrap();
    let title = meta["title"].as_str().unwrap().to_string();
    let events_title = meta["databases"]["seeds"]["tables"]["events"]["title"].as_str().unwrap().to_string();

    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = std::process::Command::new(&datasette)
        .current_dir(dir.path())
        .args(["serve", "seeds.db", "-m", "metadata.json", "-h", "127.0.0.1", "-p", &port.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", datasette.display()));
    let mut server = Server(child);
    let started = Instant::now();
    // Ready means answering HTTP, not only accepting connections: a server
    // that has bound its port but not finished starting resets the first
    // request (the CI failure datasette_connection_reset_at_start).
    while !matches!(try_get(port, "/-/versions.json"), Ok((status, _)) if status.contains("200")) {
        if let Some(status) = server.0.try_wait().unwrap() {
            let mut err = String::new();
            server.0.stderr.take().unwrap().read_to_string(&mut err).unwrap();
            panic!("datasette exited ({status}): {err}");
        }
        assert!(started.elapsed() < Duration::from_secs(60), "datasette did not start listening in 60 s");
        std::thread::sleep(Duration::from_millis(100));
    }

    let (status, page) = get(port, "/seeds/events");
    assert!(status.contains("200"), "{status}");
    assert!(page.contains(&html_escape(&events_title)), "no title on the events page");
    for facet in ["kind", "status", "place"] {
        assert!(page.contains(&format!("id=\"facet-{facet}\"")), "no {facet} facet on the events page");
    }
    assert!(page.contains("happened"), "the status facet has no values");
    assert!(page.contains("data-column-description="), "no column descriptions");
    // events.place_id is a foreign key: Datasette links it to the place, labelled with its name.
    let geneva = bare(dir.path())
        .args(["--db", "seeds.db", "sql", "SELECT id FROM places WHERE name = 'Geneva'", "--no-headers"])
        .output()
        .unwrap();
    let geneva = String::from_utf8(geneva.stdout).unwrap();
    let link = format!("href=\"/seeds/places/{}\">Geneva</a>", geneva.trim());
    assert!(page.contains(&link), "the events page does not link place_id to places ({link})");
    // The timeline's actors as an array facet, by default (metadata) and asked for in the URL.
    for path in ["/seeds/timeline", "/seeds/timeline?_facet_array=actors_json"] {
        let (status, timeline) = get(port, path);
        assert!(status.contains("200"), "{path}: {status}");
        assert!(timeline.contains("id=\"facet-actors_json\""), "{path}: no actors_json facet");
        assert!(timeline.contains("actors_json__arraycontains=Sergei+Lavrov"), "{path}: the facet has no actor values");
        assert!(!timeline.contains("malformed JSON"), "{path}");
    }
    let (_, json) = get(port, "/seeds/timeline.json?_facet_array=actors_json&_shape=objects");
    let timeline: serde_json::Value = serde_json::from_str(&json).unwrap();
    let values = timeline["facet_results"]["actors_json"]["results"].as_array().expect("facet results");
    assert!(values.iter().any(|v| v["value"] == "Sergei Lavrov"), "{values:?}");
    let (_, front) = get(port, "/");
    assert!(front.contains(&html_escape(&title)), "no title on the front page");
    let (_, json) = get(port, "/seeds.json");
    let database: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tables = database["tables"].as_array().unwrap();
    let hidden = |name: &str| tables.iter().find(|t| t["name"] == name).map(|t| t["hidden"] == true);
    assert_eq!(hidden("actor_aliases"), Some(true));
    assert_eq!(hidden("events"), Some(false));
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('\'', "&#39;")
}

/// Every table, view and column of a new database is described: the metadata
/// (and the README's schema, which is written from it) cannot fall behind the migrations.
#[test]
fn metadata_describes_every_table_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let out = chronicle(dir.path()).arg("ingest").arg("-").write_stdin("Lavrov met Kerry in Geneva.").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let metadata: serde_json::Value = serde_json::from_str(&run_ok(dir.path(), &["datasette-metadata"])).unwrap();
    let tables = &metadata["databases"]["t"]["tables"];
    let names = run_ok(
        dir.path(),
        &[
            "sql",
            "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%'",
            "--no-headers",
        ],
    );
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for table in names.lines() {
        assert!(tables[table]["description"].is_string(), "{table} has no description");
        assert!(readme.contains(&format!("`{table}`")), "the README's schema does not name {table}");
        let columns =
            run_ok(dir.path(), &["sql", &format!("SELECT name FROM pragma_table_info('{table}')"), "--no-headers"]);
        for column in columns.lines() {
            assert!(tables[table]["columns"][column].is_string(), "{table}.{column} has no description");
        }
    }
}
