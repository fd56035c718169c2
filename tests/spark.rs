//! The Spark example for real: `examples/spark/chronicle_extract.py` in
//! Spark's local mode (`local[2]`) on 2,000 generated articles, its shards
//! stored by `chronicle load`, against a direct `ingest` of the same files.
//!
//! What it needs (Java 17, pyspark in a virtual environment) is installed by
//! `examples/spark/setup.sh` when missing; if that fails, or Spark does not
//! run, the test fails and says why.

mod common;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// The longest the Spark job may take (it takes well under a minute here).
const BOUND: Duration = Duration::from_secs(15 * 60);

/// The python of the environment `setup.sh` made (or found).
fn spark_python() -> PathBuf {
    let setup = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/setup.sh");
    let out = Command::new("bash")
        .arg(&setup)
        .output()
        .unwrap_or_else(|e| panic!("the Spark test cannot run: cannot start bash {}: {e}", setup.display()));
    assert!(
        out.status.success(),
        "the Spark test cannot run: examples/spark/setup.sh failed to install what it needs:\n{}",
        stderr(&out)
    );
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

/// Runs the job in local mode on `input`, writing shards to `output`, with
/// its logs in `log`; bounded in time. Its exit status.
fn run_spark_job(python: &Path, dir: &Path, args: &[&str], log: &Path) -> std::process::ExitStatus {
    let job = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/chronicle_extract.py");
    let spark_submit = python.parent().unwrap().join("spark-submit");
    let spark_tmp = dir.join("spark-tmp");
    std::fs::create_dir_all(&spark_tmp).unwrap();
    let mut child = Command::new(&spark_submit)
        .current_dir(dir)
        .env("PYSPARK_PYTHON", python)
        .env("PYSPARK_DRIVER_PYTHON", python)
        .env("SPARK_LOCAL_DIRS", &spark_tmp)
        .env_remove("SPARK_HOME")
        .env_remove("CHRONICLE_DB")
        .env_remove("CHRONICLE_DICT")
        .args(["--master", "local[2]", "--conf", "spark.ui.enabled=false"])
        .args(["--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1"])
        .arg(&job)
        .args(args)
        .stdin(Stdio::null())
        .stdout(File::create(log).unwrap())
        .stderr(File::create(log.with_extension("err")).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("the Spark test cannot run: cannot start {}: {e}", spark_submit.display()));
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > BOUND {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("the Spark job took more than {BOUND:?}; its log:\n{}", spark_log(log));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The job's own messages (not Spark's INFO and WARN lines).
fn spark_log(log: &Path) -> String {
    let err = std::fs::read_to_string(log.with_extension("err")).unwrap_or_default();
    let out = std::fs::read_to_string(log).unwrap_or_default();
    let own: Vec<&str> = err.lines().filter(|l| !l.contains(" INFO ") && !l.contains(" WARN ")).collect();
    format!("{out}{}", own.join("\n"))
}

#[test]
fn spark_local_mode_extract_then_load_equals_ingest() {
    let python = spark_python();
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    // Two files: the job must read them in name order, as ingest does, for the ids to agree.
    generate(&[(&input.join("a.jsonl"), 0..700), (&input.join("b.jsonl"), 700..2000)]);
    // One malformed line: both report it and store the rest.
    let mut a = std::fs::read_to_string(input.join("a.jsonl")).unwrap();
    a.push_str("{\"id\": \"broken\", \"text\": \n");
    std::fs::write(input.join("a.jsonl"), a).unwrap();
    // Dictionaries of the user's own, which the job ships to the executors.
    let dict = dir.join("dict");
    std::fs::create_dir(&dict).unwrap();
    std::fs::write(dict.join("actors.tsv"), "Zed Quux\tperson\tSyria\tQuux\t\n").unwrap();

    let ingested = bare(dir).args(["--dict", "dict", "--db", "ingest.db", "ingest", "in"]).output().unwrap();
    assert_eq!(ingested.status.code(), Some(1), "{}", stderr(&ingested));
    assert!(stderr(&ingested).contains("in/a.jsonl:701: malformed JSON"), "{}", stderr(&ingested));

    let chronicle = env!("CARGO_BIN_EXE_chronicle");
    let log = dir.join("spark.log");
    let args = ["--chronicle", chronicle, "--dict", "dict", "--partitions", "4", "in", "out"];
    let status = run_spark_job(&python, dir, &args, &log);
    let messages = spark_log(&log);
    assert_eq!(status.code(), Some(1), "the job must exit 1 for the bad line:\n{messages}");
    assert!(messages.contains(": error: part-") && messages.contains("malformed JSON"), "{messages}");
    assert!(messages.contains("2 input files") && messages.contains("1 bad inputs"), "{messages}");
    let shards = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("part-"))
        .count();
    assert!(shards >= 4, "{shards} shards for --partitions 4");

    let loaded = bare(dir).args(["--dict", "dict", "--db", "spark.db", "load", "out"]).output().unwrap();
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    // Extracted on the executors with the same dictionaries: nothing to report.
    assert!(!stderr(&loaded).contains("warning"), "{}", stderr(&loaded));
    assert!(stderr(&loaded).contains("articles: 2000 new"), "{}", stderr(&loaded));

    let (events, articles) = stored(dir, "ingest.db");
    let (spark_events, spark_articles) = stored(dir, "spark.db");
    assert!(events.lines().count() > 30_000, "the corpus yields events");
    assert!(events == spark_events, "the events exports of ingest and of Spark + load differ");
    assert_eq!(articles.len(), spark_articles.len());
    // The same articles; only where each was read from differs: a file's line for
    // ingest, a partition's standard input (part-NNNNN:LINE) under Spark.
    let without_path = |mut row: serde_json::Value| {
        let path = row.as_object_mut().unwrap().remove("path").unwrap();
        (row, path)
    };
    for (a, b) in articles.into_iter().zip(spark_articles) {
        let ((a, a_path), (b, b_path)) = (without_path(a), without_path(b));
        assert_eq!(a, b);
        assert!(a_path.as_str().unwrap().starts_with("in/"), "{a_path}");
        assert!(b_path.as_str().unwrap().starts_with("part-0000"), "{b_path}");
    }
}
