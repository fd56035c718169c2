//! `chronicle report` and `export events --format timelinejs`.
//!
//! The report of the sample articles is opened in headless Chromium, driven
//! over the DevTools protocol on a pipe (`--remote-debugging-pipe`), offline:
//! host names resolve nowhere and the proxy refuses every connection, and
//! every request the page makes is logged and checked. The test writes a
//! screenshot of the whole page to `target/report-screenshot.png` for review.
//! Chromium must be installed (`.ci/run` installs it); without it the test
//! fails and says so.

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::{chronicle, copy_seeds, ingest, run_ok, stderr};
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";

/// A folder with the sample articles ingested into t.db.
fn seeded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let out = ingest(dir.path(), &["seeds"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn count(dir: &Path, sql: &str) -> i64 {
    run_ok(dir, &["sql", sql, "--format", "csv", "--no-headers"]).trim().parse().unwrap()
}

fn report(dir: &Path, args: &[&str]) -> String {
    let out = chronicle(dir).arg("report").args(args).output().unwrap();
    assert!(out.status.success(), "report {args:?} failed: {}", stderr(&out));
    let path = args.iter().position(|a| *a == "-o").map(|i| dir.join(args[i + 1])).unwrap();
    std::fs::read_to_string(path).unwrap()
}

/// The page names no other resource: nothing for a browser to fetch, even
/// before the browser test, which checks what is actually requested.
#[test]
fn report_is_one_file_with_one_list_item_per_event() {
    let dir = seeded();
    let html = report(dir.path(), &["-o", "timeline.html"]);
    let events = count(dir.path(), "SELECT count(*) FROM events");
    assert_eq!(html.matches("<li class=\"ev ").count() as i64, events);
    for outside in ["src=", "<link", "@import", "url(", "http-equiv=\"refresh\""] {
        assert!(!html.contains(outside), "the page refers to something outside it: {outside}");
    }
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    // The header names the corpus and the command that made the page.
    assert!(html.contains("Corpus: 5 articles from 5 outlets, published 29 Nov 2012 to 17 Jan 2014."), "{html:.2000}");
    assert!(html.contains("<code>chronicle --db"), "{html:.2000}");
    assert!(html.contains("report -o timeline.html</code>"));
    // The seeds' cumulative toll, with its qualifier, in the table and the chart.
    assert!(html.contains("more than 40,000"), "no qualified toll");
    assert!(!html.contains("Aggregated."));
}

/// The same filters as `events`: the page lists exactly what `events` prints.
#[test]
fn report_takes_the_filters_of_events() {
    let dir = seeded();
    let args = ["--actor", "Lavrov", "--since", "2013-01"];
    let events = run_ok(dir.path(), &[&["events"], &args[..], &["--format", "csv", "--no-headers"]].concat());
    let ids: Vec<String> = events.lines().map(|l| l.split(',').next().unwrap().to_string()).collect();
    assert!(!ids.is_empty());
    let html = report(dir.path(), &[&args[..], &["-o", "lavrov.html"]].concat());
    assert_eq!(html.matches("<li class=\"ev ").count(), ids.len());
    for id in &ids {
        assert!(html.contains(&format!("id=\"e{id}\"")), "event {id} missing");
    }
    assert!(html.contains("filtered by actor Lavrov, since 2013-01-01"));
}

/// Past `--max-events`, the page lists that many, counts the rest by month, and says so.
#[test]
fn report_past_its_budget_aggregates_by_month_and_warns() {
    let dir = seeded();
    let html = report(dir.path(), &["--max-events", "10", "-o", "small.html"]);
    assert_eq!(html.matches("<li class=\"ev ").count(), 10);
    assert!(html.contains("<strong>Aggregated.</strong> This report covers 77 events and lists 10 of them"));
    assert!(html.contains("counted, not listed."));
    // The command says so too, not only the page.
    let out = chronicle(dir.path()).args(["report", "--max-events", "10", "-o", "again.html"]).output().unwrap();
    assert!(stderr(&out).contains("warning: the page aggregates: This report covers 77 events"), "{}", stderr(&out));
    let out = chronicle(dir.path()).args(["report", "-o", "all.html"]).output().unwrap();
    assert!(!stderr(&out).contains("aggregates"), "{}", stderr(&out));
}

#[test]
fn report_needs_an_output_file() {
    let dir = seeded();
    let out = chronicle(dir.path()).arg("report").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!dir.path().join("timeline.html").exists());
}

/// TimelineJS's format (https://timeline.knightlab.com/docs/json-format.html):
/// `events` is required; each event needs a `start_date` with a numeric
/// `year`, a `month` only with a year and a `day` only with a month; an
/// optional `end_date` of the same shape; `text` with `headline` and `text`;
/// `group`; and a `unique_id` unique in the file.
#[test]
fn timelinejs_export_has_the_fields_the_format_requires() {
    let dir = seeded();
    let out = run_ok(dir.path(), &["export", "events", "--format", "timelinejs"]);
    let doc: Value = serde_json::from_str(&out).expect("one JSON document");
    let events = doc["events"].as_array().expect("events[]");
    let dated = count(dir.path(), "SELECT count(*) FROM events WHERE date_start IS NOT NULL");
    assert_eq!(events.len() as i64, dated);
    let kinds = ["talks", "visit", "statement", "death_toll"];
    let mut ids = HashSet::new();
    let check_date = |d: &Value, what: &str| {
        let year = d["year"].as_i64().unwrap_or_else(|| panic!("{what}: no numeric year in {d}"));
        assert!((1..=9999).contains(&year), "{what}: {d}");
        if let Some(month) = d.get("month") {
            assert!((1..=12).contains(&month.as_i64().unwrap()), "{what}: {d}");
        }
        if let Some(day) = d.get("day") {
            assert!(d.get("month").is_some(), "{what}: a day without a month: {d}");
            assert!((1..=31).contains(&day.as_i64().unwrap()), "{what}: {d}");
        }
        for key in d.as_object().unwrap().keys() {
            assert!(["year", "month", "day"].contains(&key.as_str()), "{what}: unexpected {key}");
        }
        (year, d.get("month").and_then(Value::as_i64).unwrap_or(1), d.get("day").and_then(Value::as_i64).unwrap_or(1))
    };
    for e in events {
        let start = check_date(&e["start_date"], "start_date");
        if let Some(end) = e.get("end_date") {
            assert!(check_date(end, "end_date") > start, "{e}");
        }
        assert!(!e["text"]["headline"].as_str().unwrap().is_empty(), "{e}");
        assert!(e["text"]["text"].as_str().unwrap().contains("<blockquote>"), "{e}");
        assert!(kinds.contains(&e["group"].as_str().unwrap()), "{e}");
        assert!(ids.insert(e["unique_id"].as_str().unwrap().to_string()), "duplicate unique_id: {e}");
    }
    // The seeds have a ranged day (Dec. 17-18) and a month-precision event.
    assert!(events.iter().any(|e| e["end_date"]["day"] == json!(18) && e["start_date"]["day"] == json!(17)));
    assert!(events.iter().any(|e| e["start_date"].get("month").is_some() && e["start_date"].get("day").is_none()));
    assert!(doc["title"]["text"]["headline"].is_string());
    // Any other use of the format is refused with a message.
    let out = chronicle(dir.path()).args(["events", "--format", "timelinejs"]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("only for `chronicle export events`"), "{}", stderr(&out));
}

/// The report in a real browser, offline: one element per event, filters that
/// change what is shown, evidence on a click, no request leaving the page, a
/// plain list without JavaScript, and a screenshot for review.
#[test]
fn report_in_headless_chromium() {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: this test opens the report in headless Chromium; \
         `.ci/run` installs it (apt-get install -y chromium)"
    );
    let dir = seeded();
    report(dir.path(), &["-o", "timeline.html"]);
    let page = dir.path().join("timeline.html");
    let url = format!("file://{}", page.display());
    let n = |sql: &str| count(dir.path(), sql);
    let events = n("SELECT count(*) FROM events");
    let talks = n("SELECT count(*) FROM events WHERE kind = 'talks'");
    let planned_talks = n("SELECT count(*) FROM events WHERE kind = 'talks' AND status = 'planned'");
    let tolls = n("SELECT count(*) FROM events WHERE kind = 'death_toll'");
    assert!(0 < planned_talks && planned_talks < talks && talks < events);

    let mut browser = cdp::Browser::launch(&dir.path().join("profile"));
    browser.open(&url);
    let visible = "[...document.querySelectorAll('li.ev')].filter(li => li.offsetParent !== null).length";
    assert_eq!(browser.eval("document.querySelectorAll('li.ev').length"), json!(events));
    assert_eq!(browser.eval(visible), json!(events));
    assert_eq!(browser.eval("document.getElementById('filters').hidden"), json!(false));

    // The filters, as a person uses them: choose, type, clear.
    let set = |field: &str, value: &str, event: &str| {
        format!(
            "(async () => {{ const f = document.getElementById('filters').elements['{field}'];
               f.value = {value:?}; f.dispatchEvent(new Event('{event}', {{bubbles: true}}));
               await new Promise(r => setTimeout(r, 400)); return {visible}; }})()"
        )
    };
    assert_eq!(browser.eval(&set("kind", "talks", "change")), json!(talks));
    assert_eq!(browser.eval(&set("status", "planned", "change")), json!(planned_talks));
    assert_eq!(
        browser.eval("document.getElementById('shown').textContent"),
        json!(format!("Showing {planned_talks} of {events} listed events"))
    );
    assert_eq!(browser.eval("location.hash"), json!("#kind=talks&status=planned"));
    let clear = format!(
        "(async () => {{ document.getElementById('filters').reset();
           await new Promise(r => setTimeout(r, 300)); return [{visible}, location.hash]; }})()"
    );
    assert_eq!(browser.eval(&clear), json!([events, ""]));
    let geneva = browser.eval(&set("q", "geneva", "input")).as_i64().unwrap();
    assert!(0 < geneva && geneva < events, "{geneva}");
    assert_eq!(browser.eval(&clear), json!([events, ""]));

    // A filtered view is a link.
    browser.open(&format!("{url}#kind=death_toll"));
    assert_eq!(browser.eval("location.hash"), json!("#kind=death_toll"));
    assert_eq!(browser.eval(visible), json!(tolls));
    browser.open(&url);

    // A click on an event opens its evidence, with the article's outlet and date.
    let opened = browser.eval(
        "(() => { const li = document.querySelector('li.ev.k-talks'); li.querySelector('.headline').click();
                  const d = li.querySelector('details'); return [d.open, d.querySelector('.cite').offsetParent !== null,
                  d.querySelector('.cite').textContent]; })()",
    );
    assert_eq!(opened[0], json!(true));
    assert_eq!(opened[1], json!(true));
    assert!(opened[2].as_str().unwrap().contains("2012"), "{opened}");

    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-screenshot.png");
    browser.screenshot(&shot);
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);

    // Without JavaScript: the same list, every event shown, no filter form.
    browser.disable_scripts();
    browser.open(&url);
    assert_eq!(browser.eval(visible), json!(events));
    assert_eq!(browser.eval("document.getElementById('filters').offsetParent === null"), json!(true));

    let requests = browser.requests();
    assert!(!requests.is_empty(), "the request log is empty: is the Network domain on?");
    let outside: Vec<&String> = requests
        .iter()
        .filter(|u| !u.starts_with("file://") && !u.starts_with("data:") && !u.starts_with("about:"))
        .collect();
    assert!(outside.is_empty(), "requests left the page: {outside:?}");

    // The log would have seen one: a page that asks for an image on the web.
    let control = dir.path().join("control.html");
    std::fs::write(&control, "<!doctype html><img src=\"http://chronicle.invalid/pixel.png\" alt=\"\">").unwrap();
    browser.open(&format!("file://{}", control.display()));
    assert!(browser.requests().iter().any(|u| u == "http://chronicle.invalid/pixel.png"), "{:?}", browser.requests());
}

/// A small DevTools protocol client over Chromium's debugging pipe: commands
/// are JSON objects ended by a NUL byte, on the browser's fd 3 (in) and 4 (out).
mod cdp {
    use std::io::{BufRead, BufReader, Write};
    use std::path::Path;
    use std::process::{Child, ChildStdin, Command, Stdio};
    use std::sync::mpsc::{channel, Receiver};
    use std::time::Duration;

    use serde_json::{json, Value};

    const TIMEOUT: Duration = Duration::from_secs(30);

    pub struct Browser {
        child: Child,
        input: ChildStdin,
        messages: Receiver<Value>,
        next_id: u64,
        session: String,
        events: Vec<Value>,
    }

    impl Browser {
        /// Chromium, headless and offline, with a fresh profile in `profile`.
        pub fn launch(profile: &Path) -> Browser {
            // The shell hands our pipes to Chromium as fds 3 and 4 (no unsafe pre_exec needed).
            let script = r#"exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>&2"#;
            let mut child = Command::new("bash")
                .arg("-c")
                .arg(script)
                .arg(super::CHROMIUM)
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--remote-debugging-pipe",
                    "--host-resolver-rules=MAP * ~NOTFOUND",
                    "--proxy-server=http://127.0.0.1:9",
                    "--hide-scrollbars",
                    "--window-size=1200,900",
                ])
                .arg(format!("--user-data-dir={}", profile.display()))
                .arg("about:blank")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("starting chromium");
            let input = child.stdin.take().unwrap();
            let output = child.stdout.take().unwrap();
            let (tx, messages) = channel();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(output);
                let mut buf = Vec::new();
                while reader.read_until(0, &mut buf).map(|n| n > 0).unwrap_or(false) {
                    buf.pop();
                    if let Ok(v) = serde_json::from_slice::<Value>(&buf) {
                        if tx.send(v).is_err() {
                            break;
                        }
                    }
                    buf.clear();
                }
            });
            let mut browser =
                Browser { child, input, messages, next_id: 0, session: String::new(), events: Vec::new() };
            let target = browser.call("Target.createTarget", json!({"url": "about:blank"}), false);
            let attached =
                browser.call("Target.attachToTarget", json!({"targetId": target["targetId"], "flatten": true}), false);
            browser.session = attached["sessionId"].as_str().expect("a session").to_string();
            for domain in ["Page.enable", "Network.enable", "Runtime.enable"] {
                browser.call(domain, json!({}), true);
            }
            browser
        }

        /// Sends one command and waits for its answer, keeping the events that come meanwhile.
        fn call(&mut self, method: &str, params: Value, in_page: bool) -> Value {
            self.next_id += 1;
            let id = self.next_id;
            let mut message = json!({"id": id, "method": method, "params": params});
            if in_page {
                message["sessionId"] = json!(self.session);
            }
            let mut bytes = serde_json::to_vec(&message).unwrap();
            bytes.push(0);
            self.input.write_all(&bytes).expect("writing to chromium");
            self.input.flush().unwrap();
            loop {
                let m = self.messages.recv_timeout(TIMEOUT).unwrap_or_else(|_| panic!("{method}: no answer"));
                if m["id"] == json!(id) {
                    assert!(m.get("error").is_none(), "{method}: {m}");
                    return m["result"].clone();
                }
                self.events.push(m);
            }
        }

        /// Loads `url` and waits for its load event.
        pub fn open(&mut self, url: &str) {
            // A new fragment on the same document would be no load: leave the page first.
            if url.contains('#') {
                self.open("about:blank");
            }
            self.events.retain(|e| e["method"] != "Page.loadEventFired");
            self.call("Page.navigate", json!({"url": url}), true);
            let deadline = std::time::Instant::now() + TIMEOUT;
            while !self.events.iter().any(|e| e["method"] == "Page.loadEventFired") {
                assert!(std::time::Instant::now() < deadline, "{url}: never loaded");
                if let Ok(m) = self.messages.recv_timeout(Duration::from_millis(100)) {
                    self.events.push(m);
                }
            }
        }

        /// The value of a JavaScript expression (promises awaited).
        pub fn eval(&mut self, expression: &str) -> Value {
            let r = self.call(
                "Runtime.evaluate",
                json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
                true,
            );
            assert!(r.get("exceptionDetails").is_none(), "{expression}: {r}");
            r["result"]["value"].clone()
        }

        pub fn disable_scripts(&mut self) {
            self.call("Emulation.setScriptExecutionDisabled", json!({"value": true}), true);
        }

        /// The whole page as a PNG.
        pub fn screenshot(&mut self, path: &Path) {
            // A window as tall as the page, so that every event is on screen and
            // drawn (the list skips drawing what is off screen).
            let height = self.eval("document.documentElement.scrollHeight").as_f64().unwrap();
            self.call(
                "Emulation.setDeviceMetricsOverride",
                json!({"width": 1200, "height": height, "deviceScaleFactor": 1, "mobile": false}),
                true,
            );
            self.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            let shot = self.call("Page.captureScreenshot", json!({"format": "png"}), true);
            self.call("Emulation.clearDeviceMetricsOverride", json!({}), true);
            std::fs::write(path, base64(shot["data"].as_str().unwrap())).unwrap();
        }

        /// Every URL the page asked for.
        pub fn requests(&self) -> Vec<String> {
            self.events
                .iter()
                .filter(|e| e["method"] == "Network.requestWillBeSent")
                .map(|e| e["params"]["request"]["url"].as_str().unwrap_or("").to_string())
                .collect()
        }
    }

    impl Drop for Browser {
        /// Asks the browser to close (so that its helper processes go too), then makes sure.
        fn drop(&mut self) {
            let _ = self.input.write_all(b"{\"id\":0,\"method\":\"Browser.close\"}\0");
            let _ = self.input.flush();
            let deadline = std::time::Instant::now() + Duration::from_secs(5);
            while std::time::Instant::now() < deadline {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn base64(text: &str) -> Vec<u8> {
        let value = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            _ => 63,
        };
        let bytes: Vec<u8> = text.bytes().filter(|b| *b != b'=' && !b.is_ascii_whitespace()).map(value).collect();
        let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
        for chunk in bytes.chunks(4) {
            let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (18 - 6 * i)));
            out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
        }
        out
    }
}
