//! The database: the only module with SQL (besides `migrations/`).
//!
//! Opening applies the embedded migrations, sets WAL, a busy timeout and
//! foreign keys. Ingestion writes through one connection in batched
//! transactions, one savepoint per article so that each article is stored
//! whole or not at all. Reading streams rows into an [`export::RowWriter`].
//! Every value from outside reaches SQL as a bound parameter.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Row, ToSql, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::dict::{ActorKind, Dictionaries, PlaceKind};
use crate::export::{Cell, RowWriter};
use crate::merge;
use crate::model::{
    Article, DateSpan, Event, EventActor, Extraction, Kind, Mention, Precision, Qualifier, Role, Status,
};

/// The schema, one file per version, forward only. `PRAGMA user_version` is the
/// number of files applied.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init.sql", include_str!("../migrations/0001_init.sql")),
    ("0002_mention_spans.sql", include_str!("../migrations/0002_mention_spans.sql")),
    ("0003_portable_timeline.sql", include_str!("../migrations/0003_portable_timeline.sql")),
    ("0004_partial_indexes.sql", include_str!("../migrations/0004_partial_indexes.sql")),
    ("0005_article_dict_hash.sql", include_str!("../migrations/0005_article_dict_hash.sql")),
    ("0006_reports.sql", include_str!("../migrations/0006_reports.sql")),
    ("0007_lean_reports.sql", include_str!("../migrations/0007_lean_reports.sql")),
    ("0008_timeline_places_fts.sql", include_str!("../migrations/0008_timeline_places_fts.sql")),
    ("0009_checks_without_lists.sql", include_str!("../migrations/0009_checks_without_lists.sql")),
    ("0010_merge_keys_by_bucket.sql", include_str!("../migrations/0010_merge_keys_by_bucket.sql")),
];

/// The schema version this chronicle writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a write waits for another process's batch to commit: a batch of a bulk load
/// may hold the lock for seconds on a busy machine (5 s made concurrent ingests fail there).
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Prepared statements the writing connection keeps (see `open_read_write`).
const STATEMENT_CACHE: usize = 64;

/// The writer's page cache (negative: KiB, SQLite's convention), well under the
/// 150 MB peak-memory budget of issue 6; pages are allocated only as used.
const WRITE_CACHE_KIB: i64 = -64 * 1024;

/// The writer's page cache while it links a bulk load's reports (see `Store::tune`).
const MERGE_CACHE_KIB: i64 = -16 * 1024;

/// The writer's page cache while it builds indexes (see `Store::tune`).
const BUILD_CACHE_KIB: i64 = -16 * 1024;

/// What the writing connection is doing, for its cache settings.
#[derive(Clone, Copy)]
enum Phase {
    Write,
    Bulk,
    Build,
    Merge,
}

/// Reading connections' page cache. A larger cache did not speed up exports
/// (their cost is the per-row lookups and the sort by date; 32 MB measured
/// the same for `export events` of 1M events, at 140 MB of memory); the sort
/// runs with helper threads instead (`PRAGMA threads`). SQLite's sorter writes
/// sorted runs the size of this cache, or of 250 pages if that is more: 4 MB
/// keeps the runs of the 16 KB pages databases had before (see `PAGE_SIZE`).
const READ_CACHE_KIB: i64 = -4 * 1024;

/// The page size of new databases (see `open_read_write`).
///
/// Articles are a few KB of clean_text each: on SQLite's default 4 KB pages
/// most rows take a page of their own, much of it empty (the 1M-event database
/// was 12% larger than with 16 KB pages). But a small write dirties one leaf of
/// each index it touches, and every dirty page is written twice, to the WAL and
/// at the checkpoint, then fsynced: one 3 KB article into 1M events wrote 56
/// pages, 1.8 MB with 16 KB pages. 8 KB pages halve that, for 2.7% more size:
/// the one-article ingest went from 22.2 to 18.9 ms (4 KB pages) and from 17.3
/// to 14.8 ms (8 KB), alternating runs on the same machine.
const PAGE_SIZE: i64 = 8 * 1024;

/// The indexes only the `events` filters and the timeline's order read; the
/// write path (replacing an article, cascading its deletes) never does. A bulk
/// load into an empty database drops them and builds them once at the end
/// (`defer_query_indexes`, `build_deferred_indexes`): built by sorting, they
/// cost a fraction of keeping them up to date row by row, whose inserts land
/// at random places in each index (the 56,000-article benchmark database took
/// 26.4 s to ingest with them, 11.8 s without plus 2.2 s to build them).
/// Indexes keyed by article or event ids stay: rows are appended in id order.
/// `merge_keys_by_bucket` is the candidate search of merging, which a bulk
/// load does not do article by article: it links all its reports at the end
/// (`finish_merging`), reading the keys sorted.
const QUERY_INDEXES: &[&str] =
    &["events_by_date", "event_actors_by_actor", "events_by_status", "events_by_place", "merge_keys_by_bucket"];

/// Days per bucket of `merge_keys_by_bucket` (migration 0010), whose
/// expression `day / 8` the look-up repeats (SQLite uses an index on an
/// expression only for the same expression).
const KEY_BUCKET_DAYS: i64 = 8;

/// Every merge key in the order of `merge_keys_by_bucket`, for the bulk
/// linking pass (`merge::candidate_pairs`).
const KEYS_IN_ORDER: &str = "SELECT key, day, last, report_id FROM merge_keys ORDER BY day / 8, key, day, last";

/// A look-up of merge keys in one bucket (see `KEY_BUCKET_DAYS`).
const KEYS_IN_BUCKET: &str =
    "SELECT report_id FROM merge_keys WHERE day / 8 = ?1 AND key = ?2 AND day BETWEEN ?3 AND ?4 AND last >= ?5";

/// `meta` key set while stored reports wait for their merge keys or links
/// (`finish_merging` clears it): `bulk` during a bulk load, which links its
/// reports once they are all stored; `all` after the migration to reports.
const MERGE_PENDING_KEY: &str = "merge_pending";

/// The `merge_pending` value of a bulk load (its reports are stored with their keys).
const BULK_PENDING: &str = "bulk";

/// `meta` keys under which a deferred index keeps its `CREATE INDEX` statement
/// until it is built again.
const DEFERRED_INDEX_KEY: &str = "deferred_index:";

/// The full-text index as a deferred index: a bulk load leaves it empty and
/// builds it at the end, from all the reports at once (see `defer_query_indexes`).
const DEFERRED_TEXT_INDEX: (&str, &str) =
    ("evidence_fts", "INSERT INTO evidence_fts (evidence_fts) VALUES ('rebuild')");

/// What the articles of a batch leave to the end of a bulk load.
#[derive(Clone, Copy)]
struct Deferred {
    /// Linking reports across articles (`finish_merging`).
    merging: bool,
    /// Adding reports to the full-text index, and taking them out.
    text_index: bool,
}

impl Deferred {
    /// As the database says inside the batch's transaction: another chronicle
    /// may have finished either meanwhile.
    fn read(conn: &Connection, bulk: bool) -> Result<Deferred> {
        let key = format!("{DEFERRED_INDEX_KEY}{}", DEFERRED_TEXT_INDEX.0);
        let text_index: bool =
            conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM meta WHERE key = ?1)")?.query_row([key], |r| r.get(0))?;
        Ok(Deferred { merging: bulk && merge_pending(conn)?.is_some(), text_index })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}: is a folder, not a database file")]
    IsDirectory(PathBuf),
    #[error("{0}: not a chronicle database (not an SQLite file)")]
    NotADatabase(PathBuf),
    #[error("{}: no such database; `chronicle --db {} ingest PATH...` creates it", .0.display(), .0.display())]
    Missing(PathBuf),
    #[error("{}: no chronicle database in it yet (an empty file); `chronicle --db {} ingest PATH...` fills it", .0.display(), .0.display())]
    Empty(PathBuf),
    #[error("{path}: written by a newer chronicle (schema version {found}; this chronicle knows up to {known}); upgrade chronicle to use it")]
    Newer { path: PathBuf, found: i64, known: i64 },
    #[error("{}: written by an older chronicle (schema version {found}; this one reads {known}); `chronicle --db {} db upgrade` brings it up to date (reading commands never change a database)", path.display(), path.display())]
    Older { path: PathBuf, found: i64, known: i64 },
    #[error("{0}: its folder does not exist")]
    NoFolder(PathBuf),
    #[error("{0}: the database is read-only (check the file's and its folder's permissions)")]
    ReadOnly(PathBuf),
    #[error("{0}: the disk is full")]
    DiskFull(PathBuf),
    #[error("refused: {0}")]
    Refused(String),
    #[error("--text {text:?} is not a valid full-text search ({message}); words, \"a phrase\" in double quotes, AND, OR, NOT and prefix* are understood (SQLite FTS5 syntax)")]
    BadSearch { text: String, message: String },
    #[error("no event with id {0}")]
    UnknownEvent(i64),
    #[error("no table or view named '{0}' (try: {1})")]
    UnknownTable(String, String),
    #[error("the query ran for {0} s and was stopped (`--timeout SECONDS` sets the limit, 0 for none)")]
    TimedOut(u64),
    #[error("the query needed more than {0} MB of temporary storage (for sorting, grouping, DISTINCT or a subquery) and was stopped; narrow it, or raise `--max-temp-mb`")]
    TooMuchTemp(u64),
    /// An SQLite error said once: the context, then SQLite's own message
    /// (rusqlite's error is not kept as a `source`, whose text would repeat it).
    #[error("{context}: {}", sqlite_message(.error))]
    Sqlite { context: String, error: rusqlite::Error },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// SQLite's message for an error, without rusqlite's "Error code N:" wrapping.
fn sqlite_message(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqliteFailure(code, None) => {
            let text = code.to_string();
            text.split_once(": ").map_or(text.clone(), |(_, description)| description.to_string())
        }
        other => other.to_string(),
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

trait Context<T> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T> Context<T> for rusqlite::Result<T> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|error| StoreError::Sqlite { context: what(), error })
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        StoreError::Sqlite { context: "database".into(), error }
    }
}

/// How a command uses the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Ingest: create, migrate, write.
    ReadWrite,
    /// `db upgrade`: migrate a database that exists; never create one.
    Upgrade,
    /// Reading commands and `sql`: the engine's read-only flag and `query_only`.
    /// A missing database, or one an older chronicle wrote, is an error: a
    /// reader never creates or changes one.
    ReadOnly,
}

/// Bounds on a user's query (`chronicle sql`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueryLimits {
    /// Time spent inside SQLite, in seconds; `None`: no limit.
    pub timeout_secs: Option<u64>,
    /// Temporary storage (sorts, groupings, DISTINCT, materialised
    /// subqueries), in MB; `None`: no limit, and SQLite spills to files.
    pub max_temp_mb: Option<u64>,
}

/// SQLite's heap beyond the temporary storage a query may use: the reading
/// page cache (`READ_CACHE_KIB`), the schema and the prepared statement.
const HEAP_BESIDES_TEMP_MB: u64 = 32;

/// VM instructions between two looks at the clock by `--timeout`'s handler:
/// a look costs about 40 ns, an instruction from a few to a hundred.
const TIMEOUT_CHECK_OPS: i32 = 4096;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    caches: Caches,
    /// A bulk load into an empty database: reports are stored as events of
    /// their own and linked across articles at the end (`finish_merging`).
    bulk: bool,
    /// The name of the last PRAGMA read (no value) the authorizer of a reading
    /// connection let through, so that `user_query` can tell one from a write.
    pragma_read: Arc<Mutex<Option<String>>>,
    /// The clock of `--timeout`, when set.
    step_clock: Option<Arc<StepClock>>,
    /// The temporary storage cap in MB, when set, for its message.
    max_temp_mb: Option<u64>,
    /// Articles renamed by `write_batch`, for `take_renamed`.
    renamed: Vec<(String, String)>,
    /// Declared after `conn`, so that it runs once the connection is closed.
    _tidy: Option<WalTidy>,
}

/// Look-ups the writer keeps across transactions.
#[derive(Default)]
struct Caches {
    /// Actor ids by lower-cased name, valid across transactions (actors are never deleted).
    actor_ids: HashMap<String, i64>,
    /// What the stored dictionaries say about a speaker, by lower-cased name.
    speakers: HashMap<String, Option<merge::Speaker>>,
    /// Speakers the actors do not name, by description (`described_speaker`).
    described: HashMap<String, Option<merge::Speaker>>,
    /// What the stored dictionaries say about a place, by lower-cased name.
    places: HashMap<String, Option<merge::Place>>,
    /// The country of a government, by lower-cased name (None: not a government).
    governments: HashMap<String, Option<Option<String>>>,
    /// The `places.id` of a place name (lower-cased), for `events.place_id`.
    place_ids: HashMap<String, Option<i64>>,
    /// The next id for a report or an event, set when a write transaction
    /// starts (`start_ids`). Reports and events take their ids from this one
    /// sequence, so that a report stored as an event of its own gives it its
    /// id (and an event of one report is easy to see: `events.id = reports.id`).
    next_id: i64,
    /// Rows written through this connection, by `Rows` target (its INSERT),
    /// for `Rows::insert`'s choice of statement.
    rows_written: HashMap<&'static str, usize>,
    /// The senses statements' terms are compared in (`merge::score`), those
    /// of the dictionaries last given (`sync_dictionaries`,
    /// `finish_merging`: a `--dict` folder's `senses.tsv` too); the built-in
    /// ones before.
    senses: Option<std::sync::Arc<merge::Senses>>,
}

impl Caches {
    fn senses(&self) -> std::sync::Arc<merge::Senses> {
        self.senses.clone().unwrap_or_else(merge::Senses::builtin)
    }
}

/// Time spent inside SQLite on one query, for `--timeout`: the time the
/// output's reader takes (a pager, a slow pipe) does not count.
struct StepClock {
    limit: Duration,
    /// Time spent in earlier steps, and the start of the step under way.
    state: Mutex<(Duration, Option<Instant>)>,
}

impl StepClock {
    fn state(&self) -> std::sync::MutexGuard<'_, (Duration, Option<Instant>)> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn start(&self) {
        self.state().1 = Some(Instant::now());
    }

    fn stop(&self) {
        let mut state = self.state();
        if let Some(since) = state.1.take() {
            state.0 += since.elapsed();
        }
    }

    fn expired(&self) -> bool {
        let state = self.state();
        state.1.is_some_and(|since| state.0 + since.elapsed() > self.limit)
    }
}

/// Removes the `-wal` and `-shm` files a reading connection made, once it is
/// closed, so that a reader leaves the folder as it found it. SQLite removes
/// them when the last connection to a WAL database closes, but only a
/// connection that may write does; so one is opened for a moment, reads the
/// header and closes. While any other connection is open SQLite leaves the
/// files alone (it takes an exclusive lock first), and with nothing in the
/// WAL the database file is not written.
struct WalTidy {
    path: PathBuf,
    wal_existed: bool,
    shm_existed: bool,
}

impl WalTidy {
    fn new(path: &Path) -> WalTidy {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let (wal_existed, shm_existed) = (sidecar(&path, "-wal").exists(), sidecar(&path, "-shm").exists());
        WalTidy { path, wal_existed, shm_existed }
    }
}

impl Drop for WalTidy {
    fn drop(&mut self) {
        let made = |suffix: &str, existed: bool| !existed && sidecar(&self.path, suffix).exists();
        if !made("-wal", self.wal_existed) && !made("-shm", self.shm_existed) {
            return;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if let Ok(conn) = Connection::open_with_flags(&self.path, flags) {
            let _ = conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0));
            let _ = conn.close();
        }
    }
}

/// `PATH-wal`, `PATH-shm`: the files SQLite keeps beside a WAL database.
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// An article read and extracted, ready to be stored.
pub struct Prepared {
    /// Its name and metadata. From `chronicle load` the text is empty: a
    /// record carries the cleaned text only (`extraction.clean_text`, which is
    /// what is stored) and the content hash computed where it was extracted.
    pub article: Article,
    pub extraction: Extraction,
    pub content_hash: String,
    /// The fingerprint of the dictionaries that extracted it (`Dictionaries::fingerprint`).
    pub dict_hash: String,
    /// Each event's content terms for merging (`merge::terms`), by position;
    /// missing entries are computed as none.
    pub terms: Vec<Option<String>>,
}

/// What storing one article did. Counts are rows written or deleted
/// (`events`: the article's reports); `merged`: how many of its reports
/// joined an event other articles reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    New { events: usize, mentions: usize, merged: usize },
    Replaced(Replaced),
    Unchanged,
    Failed(String),
}

/// An article stored again under its name, its content having changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replaced {
    pub events: usize,
    pub mentions: usize,
    /// The earlier version's events and mentions, deleted.
    pub removed_events: usize,
    pub removed_mentions: usize,
    /// Where the earlier version was read from, when that is not where this
    /// one was (two different files under one name, across runs).
    pub previous_path: Option<String>,
    /// How many of its reports joined an event other articles reported.
    pub merged: usize,
}

/// The filters of `events` and `report`. Dates bound intervals: an event matches
/// `since` when it ends on or after it, `until` when it starts on or before it.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    pub kind: Option<Kind>,
    pub actor: Option<String>,
    pub place: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub status: Option<Status>,
    pub article: Option<String>,
    /// A full-text search (FTS5 query syntax) that one of the event's
    /// reports' evidence sentences or quote must match.
    pub text: Option<String>,
    /// Only the events with these ids (the report reads its listed events again whole).
    pub ids: Option<Vec<i64>>,
    pub limit: Option<u64>,
    pub order: Order,
    /// Rows as soon as they are read (a pager shows the first screen at
    /// once), rather than the quickest way to every row: see `Store::events`.
    pub streamed: bool,
}

/// The order events are read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Order {
    /// By date (the interval's first day), undated events last.
    #[default]
    Date,
    /// By id: the order events were stored in.
    Id,
}

/// The columns `event_row` reads, from `events e`: the event's own, then its
/// actors and its mentions (with their articles: those of every report, the
/// earliest publication first), each as a JSON array that
/// SQLite builds as it reads the row. The actors and mentions are part of the
/// row, not read by statements of their own after it, so that SQLite may read
/// every event in id order, where each event's actors and mentions lie next
/// to the previous event's, and sort the whole rows by date (see `events`).
/// Then what merging derived (`Merged`).
/// The arrays join the `json_array`s of ordered subqueries, as the
/// `timeline` view's actors do (`json_group_array(x ORDER BY ...)` sorted
/// each event's rows in a temporary B-tree of their own, and a subquery's
/// column is text to `json_group_array`, no longer JSON).
const EVENT_COLUMNS: &str = "e.id, e.kind, e.status, e.date_start, e.date_end, e.precision, e.date_text, e.place,
    e.speaker, e.quote, e.count, e.qualifier, e.cumulative,
    (SELECT '[' || ifnull(group_concat(x, ','), '') || ']'
       FROM (SELECT json_array(a.name, ea.role) AS x
               FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
              WHERE ea.event_id = e.id ORDER BY ea.position)),
    (SELECT '[' || ifnull(group_concat(x, ','), '') || ']'
       FROM (SELECT json_array(ar.name, ar.published,
                        COALESCE(m.sentence, CAST(substr(CAST(ar.clean_text AS BLOB), m.start_byte + 1,
                                                         m.end_byte - m.start_byte) AS TEXT)),
                        m.start_byte, m.end_byte) AS x
               FROM reports r JOIN mention_spans m ON m.report_id = r.id JOIN articles ar ON ar.id = r.article_id
              WHERE r.event_id = e.id
              ORDER BY ar.published IS NULL, ar.published, ar.name, r.ordinal, m.id)),
    e.sources, e.outlets, e.first_reported, e.count_low, e.count_high, e.conflicts";

/// A name a filter gives that the database does not have, with the names it does have.
#[derive(Clone, Debug)]
pub struct Unknown {
    /// "actor", "place" or "article".
    pub what: &'static str,
    pub name: String,
    pub candidates: Vec<String>,
}

/// An event read back, with the article (name, publication date) of each
/// mention, and what merging derived (sources, range of figures, conflicts).
#[derive(Clone, Debug)]
pub struct StoredEvent {
    pub id: i64,
    pub event: Event,
    pub articles: Vec<(String, Option<String>)>,
    pub merged: Merged,
}

/// The fields of an event that come from merging its reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Merged {
    pub sources: i64,
    pub outlets: i64,
    pub first_reported: Option<String>,
    pub count_low: Option<i64>,
    pub count_high: Option<i64>,
    pub conflicts: Option<String>,
}

/// One article's report of an event, read back for `show`.
#[derive(Clone, Debug)]
pub struct StoredReport {
    pub id: i64,
    pub article: String,
    pub source: Option<String>,
    pub published: Option<String>,
    /// The report's own fields, actors and mentions.
    pub event: Event,
}

/// The articles of a database, in a line: `Store::corpus`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corpus {
    pub articles: i64,
    pub outlets: i64,
    pub first: Option<String>,
    pub last: Option<String>,
}

/// An article's metadata, for citing it: `Store::articles_named`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleInfo {
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path, access: Access) -> Result<Store> {
        if path.is_dir() {
            return Err(StoreError::IsDirectory(path.to_path_buf()));
        }
        if access != Access::ReadWrite && !path.exists() {
            return Err(match path.parent() {
                Some(p) if !p.as_os_str().is_empty() && !p.exists() => StoreError::NoFolder(path.to_path_buf()),
                _ => StoreError::Missing(path.to_path_buf()),
            });
        }
        check_header(path)?;
        match access {
            Access::ReadWrite | Access::Upgrade => Self::open_read_write(path),
            Access::ReadOnly => {
                let store = Self::open_read_only(path)?;
                match store.schema_version()? {
                    0 => Err(StoreError::Empty(path.to_path_buf())),
                    found if found < SCHEMA_VERSION => {
                        Err(StoreError::Older { path: path.to_path_buf(), found, known: SCHEMA_VERSION })
                    }
                    _ => Ok(store),
                }
            }
        }
    }

    /// `db upgrade`: applies the migrations the database at `path` lacks;
    /// returns its schema version before and after.
    pub fn upgrade(path: &Path) -> Result<(i64, i64)> {
        let before = Self::open(path, Access::ReadOnly).map(|s| s.schema_version()).or_else(|e| match e {
            StoreError::Older { found, .. } => Ok(Ok(found)),
            StoreError::Empty(_) => Ok(Ok(0)),
            other => Err(other),
        })??;
        let store = Self::open(path, Access::Upgrade)?;
        Ok((before, store.schema_version()?))
    }

    fn open_read_write(path: &Path) -> Result<Store> {
        let ctx = || format!("{}: cannot open", path.display());
        let conn = Connection::open(path).map_err(|e| classify(path, e, ctx))?;
        conn.busy_timeout(BUSY_TIMEOUT).context(ctx)?;
        // The write path uses some twenty statements per article (storing,
        // merging); past the default of 16 cached, each one was prepared again
        // and again, which cost more than running them.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // The writer's statements need no plan chosen by their values; without
        // this SQLite prepared some again at every new binding.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true).context(ctx)?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        // Only takes effect when the database is created (before WAL is set); a no-op afterwards.
        conn.pragma_update(None, "page_size", PAGE_SIZE).map_err(|e| classify(path, e, ctx))?;
        retry_while_busy(|| conn.pragma_update(None, "journal_mode", "WAL")).map_err(|e| classify(path, e, ctx))?;
        conn.pragma_update(None, "synchronous", "NORMAL").context(ctx)?;
        conn.pragma_update(None, "foreign_keys", "ON").context(ctx)?;
        let mut store = Store::new(conn, path, None);
        // Migrations and deferred indexes sort whole tables: in bounded memory.
        store.tune(Phase::Build).context(ctx)?;
        store.migrate()?;
        store.tune(Phase::Write).context(ctx)?;
        Ok(store)
    }

    fn open_read_only(path: &Path) -> Result<Store> {
        match Self::open_read_only_as(path, false) {
            // A WAL database we may not write (a read-only file or folder, read-only media): SQLite
            // cannot create its shared-memory file, so read it as an immutable snapshot instead.
            Err(StoreError::ReadOnly(_)) => Self::open_read_only_as(path, true),
            other => other,
        }
    }

    fn new(conn: Connection, path: &Path, tidy: Option<WalTidy>) -> Store {
        Store {
            conn,
            path: path.to_path_buf(),
            caches: Caches::default(),
            bulk: false,
            pragma_read: Arc::default(),
            step_clock: None,
            max_temp_mb: None,
            renamed: Vec::new(),
            _tidy: tidy,
        }
    }

    fn open_read_only_as(path: &Path, immutable: bool) -> Result<Store> {
        let ctx = || format!("{}: cannot open", path.display());
        // Taken before SQLite opens anything; an immutable snapshot makes no files.
        let tidy = (!immutable).then(|| WalTidy::new(path));
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = if immutable {
            Connection::open_with_flags(immutable_uri(path), flags)
        } else {
            Connection::open_with_flags(path, flags)
        }
        .map_err(|e| classify(path, e, ctx))?;
        conn.busy_timeout(BUSY_TIMEOUT).context(ctx)?;
        conn.pragma_update(None, "query_only", "ON").context(ctx)?;
        // Large sorts (every event, sorted by date: see `events`) may hand their sorted
        // runs to helper threads while this one reads on: about a tenth less time
        // for `export events --format csv` on 1M events, 2 cores.
        let helpers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        conn.pragma_update(None, "threads", helpers as i64).context(ctx)?;
        // Setting the cache reads the schema: its errors (a WAL database in a
        // read-only folder) go through `classify`, which the caller's fallback to
        // an immutable snapshot depends on.
        conn.pragma_update(None, "cache_size", READ_CACHE_KIB).map_err(|e| classify(path, e, ctx))?;
        // No ATTACH on a reading connection: nothing outside this database.
        conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 0).context(ctx)?;
        let mut store = Store::new(conn, path, tidy);
        store.authorize(true).context(ctx)?;
        let version = store.schema_version().map_err(|e| match e {
            StoreError::Sqlite { error, .. } => classify(path, error, ctx),
            other => other,
        })?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer { path: path.to_path_buf(), found: version, known: SCHEMA_VERSION });
        }
        Ok(store)
    }

    /// Sets the writer's cache and temporary storage for `phase`.
    fn tune(&self, phase: Phase) -> rusqlite::Result<()> {
        let (cache, temp) = match phase {
            // An ingest into a database that holds articles updates every
            // index in each batch; SQLite's default 2 MB cache thrashes past
            // ~100k events.
            Phase::Write => (WRITE_CACHE_KIB, "MEMORY"),
            // CREATE INDEX sorts in runs the size of the cache and spills them
            // to temporary files: in memory those grew with the table (118 MB
            // of RSS for the indexes of 1M events). On disk, with a smaller
            // cache, the same build took 21-37 MB, and less time.
            Phase::Build => (BUILD_CACHE_KIB, "FILE"),
            // Without the query indexes, a bulk load appends to every table and
            // index it writes: the pages it needs are the last ones of each.
            Phase::Bulk => (BUILD_CACHE_KIB, "MEMORY"),
            // Linking a bulk load's reports reads every merge key in the
            // order of their index and rewrites events and reports here and
            // there; anything it sorts goes to disk.
            Phase::Merge => (MERGE_CACHE_KIB, "FILE"),
        };
        self.conn.pragma_update(None, "cache_size", cache)?;
        self.conn.pragma_update(None, "temp_store", temp)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).context(|| "reading the schema version".into())
    }

    /// Applies the migrations not yet applied, all in one transaction, with
    /// foreign keys off (a migration that rebuilds a table drops the old one,
    /// which must cascade nowhere) and checked before the commit.
    fn migrate(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let migrated = self.migrate_without_foreign_keys();
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        migrated
    }

    fn migrate_without_foreign_keys(&mut self) -> Result<()> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, e, || format!("{}: cannot start a transaction", path.display())))?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer { path, found: version, known: SCHEMA_VERSION });
        }
        // Indexes an interrupted bulk load left out are built first, as the
        // schema of `version` has them, so that later migrations find them.
        if version >= 1 {
            build_deferred(&tx)?;
        }
        for (name, sql) in &MIGRATIONS[version as usize..] {
            tx.execute_batch(sql).context(|| format!("applying migration {name}"))?;
        }
        if version < SCHEMA_VERSION {
            let broken: Option<String> =
                tx.query_row("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1", [], |r| r.get(0)).optional()?;
            if let Some(table) = broken {
                return Err(StoreError::Refused(format!(
                    "{}: migrating left rows of {table} without their parent; nothing was changed",
                    path.display()
                )));
            }
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        tx.commit().context(|| "committing migrations".into())
    }

    /// Row counts of every table, in schema order.
    /// `mention_spans` is counted under the name users query, `mentions`.
    /// The full-text index is not a table of rows of its own: counting it
    /// would read every report's evidence through its view.
    pub fn counts(&self) -> Result<Vec<(String, i64)>> {
        let mut out = Vec::new();
        let index = DEFERRED_TEXT_INDEX.0;
        for table in self.tables(false)?.into_iter().filter(|t| !t.starts_with(index)) {
            let n: i64 =
                self.conn.query_row(&format!("SELECT count(*) FROM {}", quote_ident(&table)), [], |r| r.get(0))?;
            out.push((if table == "mention_spans" { "mentions".to_string() } else { table }, n));
        }
        Ok(out)
    }

    /// Names of the tables (and views when `views`), excluding SQLite's own.
    pub fn tables(&self, views: bool) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT name FROM sqlite_schema WHERE (type = 'table' OR (?1 AND type = 'view'))
               AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, rowid",
        )?;
        let names = stmt.query_map([views], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// Copies the dictionaries' actors and places into the database, only when
    /// they changed since the last time: their hash,
    /// `Dictionaries::lexicon_fingerprint`, is kept in `meta` as
    /// `lexicon_hash`, and the hash of all the files, `fingerprint`, as
    /// `dict_hash` (the dictionaries the database was last written with, for
    /// `articles.dict_hash` to be compared with). Keyed on the actors and
    /// places alone: keyed on every file, an edit of `words.tsv` rewrote them
    /// and relinked every event to its place, a scan of the whole table;
    /// now it only updates `dict_hash`.
    ///
    /// Places are copied anew (their ids may change), with foreign keys off
    /// (`events.place_id` refers to them), and events are linked to them again.
    pub fn sync_dictionaries(&mut self, dict: &Dictionaries) -> Result<bool> {
        self.caches.senses = Some(dict.senses.clone());
        let stored = |key: &str| -> Result<Option<String>> {
            Ok(self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
        };
        if stored("lexicon_hash")?.as_deref() == Some(dict.lexicon_fingerprint.as_str()) {
            if stored("dict_hash")?.as_deref() != Some(dict.fingerprint.as_str()) {
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('dict_hash', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [&dict.fingerprint],
                )?;
            }
            return Ok(false);
        }
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let synced = self.sync_dictionaries_without_foreign_keys(dict);
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        synced
    }

    fn sync_dictionaries_without_foreign_keys(&mut self, dict: &Dictionaries) -> Result<bool> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch("UPDATE actors SET in_dictionary = 0; DELETE FROM actor_aliases; DELETE FROM place_aliases; DELETE FROM places;")?;
        {
            let mut actor = tx.prepare(
                "INSERT INTO actors (name, kind, country, in_dictionary) VALUES (?1, ?2, ?3, 1)
                 ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, country = excluded.country, in_dictionary = 1
                 RETURNING id",
            )?;
            let mut alias = tx.prepare("INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)")?;
            for a in &dict.actors {
                let id: i64 = actor.query_row(params![a.name, actor_kind(a.kind), a.country], |r| r.get(0))?;
                for al in &a.aliases {
                    alias.execute(params![id, al])?;
                }
            }
            let mut place = tx.prepare(
                "INSERT INTO places (name, kind, country, latitude, longitude) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (name) DO UPDATE SET kind = excluded.kind RETURNING id",
            )?;
            let mut alias = tx.prepare("INSERT OR IGNORE INTO place_aliases (place_id, alias) VALUES (?1, ?2)")?;
            for p in &dict.places {
                let id: i64 =
                    place.query_row(params![p.name, place_kind(p.kind), p.country, p.lat, p.lon], |r| r.get(0))?;
                for al in &p.aliases {
                    alias.execute(params![id, al])?;
                }
            }
            // Only the links that change are written (places keep their ids
            // when the dictionary keeps its order).
            tx.execute_batch(
                "UPDATE events SET place_id = p.id FROM places p
                  WHERE events.place IS NOT NULL AND p.name = events.place AND events.place_id IS NOT p.id;
                 UPDATE events SET place_id = NULL
                  WHERE place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM places p WHERE p.id = events.place_id
                                                               AND p.name = events.place);",
            )?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('lexicon_hash', ?1), ('dict_hash', ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [&dict.lexicon_fingerprint, &dict.fingerprint],
            )?;
        }
        tx.commit()?;
        self.caches = Caches::default();
        Ok(true)
    }

    /// Before a bulk load: when the database holds no article yet, drops the
    /// indexes only queries read (`QUERY_INDEXES`), keeping their statements
    /// in `meta`, and returns true. `build_deferred_indexes` builds them again
    /// at the end; if the load is interrupted, the next read-write open does.
    /// Until then queries work, without those indexes.
    pub fn defer_query_indexes(&mut self) -> Result<bool> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if tx.query_row("SELECT EXISTS (SELECT 1 FROM articles)", [], |r| r.get::<_, bool>(0))? {
            return Ok(false);
        }
        for name in QUERY_INDEXES {
            let sql: Option<String> = tx
                .query_row("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1", [name], |r| r.get(0))
                .optional()?;
            let Some(sql) = sql else { continue };
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![format!("{DEFERRED_INDEX_KEY}{name}"), sql],
            )?;
            tx.execute_batch(&format!("DROP INDEX {}", quote_ident(name)))?;
        }
        // Built from every report at once at the end, the full-text index
        // costs half what adding each article's reports as they come does.
        let (name, build) = DEFERRED_TEXT_INDEX;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![format!("{DEFERRED_INDEX_KEY}{name}"), build],
        )?;
        // The load's links are made once it is stored (see `finish_merging`).
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            [MERGE_PENDING_KEY, BULK_PENDING],
        )?;
        tx.commit().context(|| "deferring the query indexes".into())?;
        self.tune(Phase::Bulk)?;
        self.bulk = true;
        Ok(true)
    }

    /// Builds the indexes `defer_query_indexes` dropped; returns how many.
    pub fn build_deferred_indexes(&mut self) -> Result<usize> {
        self.tune(Phase::Build)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let built = build_deferred(&tx)?;
        self.bulk = false;
        tx.commit().context(|| "building the query indexes".into())?;
        self.tune(Phase::Write)?;
        Ok(built)
    }

    /// The names of the indexes a bulk load left to build, if any.
    pub fn deferred_indexes(&self) -> Result<Vec<String>> {
        deferred(&self.conn)
            .map(|d| d.into_iter().map(|(key, _)| key[DEFERRED_INDEX_KEY.len()..].to_string()).collect())
    }

    /// Stores a batch of articles in one transaction, each in its own savepoint.
    /// With `force`, an unchanged article is extracted and replaced anyway.
    ///
    /// An article that fails for what it holds (a constraint) is reported in
    /// its outcome and the others are stored. A failure of the database
    /// itself (the disk is full, an I/O error, a lock held too long) ends the
    /// batch with an error naming the database: nothing of the batch is
    /// stored, and every batch before it stays.
    pub fn write_batch(&mut self, batch: &[Prepared], ingested_at: &str, force: bool) -> Result<Vec<Outcome>> {
        let path_buf = self.path.clone();
        let path = path_buf.as_path();
        let failed =
            |what: &'static str| move |e: rusqlite::Error| classify(path, e, || format!("{}: {what}", path.display()));
        let mut renamed = Vec::new();
        // Fast path: the whole batch in one transaction. A savepoint per article
        // copies every page it first touches into its sub-journal, which took a
        // sixth of ingest time; so savepoints are only for a batch that fails.
        {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(failed("starting a write transaction"))?;
            // Another chronicle may have finished the bulk load's merging (or
            // built its indexes) meanwhile: from then on every article is
            // merged (and indexed) as it comes.
            let deferred = Deferred::read(&tx, self.bulk)?;
            start_ids(&tx, &mut self.caches)?;
            let mut outcomes = Vec::with_capacity(batch.len());
            for item in batch {
                match write_article(&tx, &mut self.caches, item, ingested_at, force, deferred, &mut renamed) {
                    Ok(outcome) => outcomes.push(outcome),
                    Err(e) if !is_article_fault(&e) => {
                        drop(tx);
                        self.caches.actor_ids.clear();
                        return Err(e.on_write(&self.path));
                    }
                    Err(_) => break,
                }
            }
            if outcomes.len() == batch.len() {
                tx.commit().map_err(failed("committing a batch of articles"))?;
                self.renamed.extend(renamed);
                return Ok(outcomes);
            }
            tx.rollback().map_err(failed("rolling back a batch of articles"))?;
            // Ids of actors created in the rolled-back transaction are gone.
            self.caches.actor_ids.clear();
            renamed.clear();
        }
        // Slow path: an article failed; each article in its own savepoint, so
        // that the others are stored and the failure is reported for that one.
        let mut tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed("starting a write transaction"))?;
        let deferred = Deferred::read(&tx, self.bulk)?;
        start_ids(&tx, &mut self.caches)?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for item in batch {
            let mut sp = tx.savepoint().map_err(failed("starting a savepoint"))?;
            let renames_before = renamed.len();
            match write_article(&sp, &mut self.caches, item, ingested_at, force, deferred, &mut renamed) {
                Ok(outcome) => {
                    sp.commit().map_err(failed("releasing a savepoint"))?;
                    outcomes.push(outcome);
                }
                Err(e) => {
                    sp.rollback().map_err(failed("rolling back a savepoint"))?;
                    drop(sp);
                    // Ids of actors created in the rolled-back savepoint are gone.
                    self.caches.actor_ids.clear();
                    renamed.truncate(renames_before);
                    if !is_article_fault(&e) {
                        return Err(e.on_write(&self.path));
                    }
                    outcomes.push(Outcome::Failed(e.to_string()));
                }
            }
        }
        tx.commit().map_err(failed("committing a batch of articles"))?;
        self.renamed.extend(renamed);
        Ok(outcomes)
    }

    /// Articles renamed by the batches written so far, as (old name, new
    /// name), since the last call: see `adopt_file_name`.
    pub fn take_renamed(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.renamed)
    }

    /// What `finish_merging` has left to do, if anything (`bulk` or `all`).
    pub fn merging_pending(&self) -> Result<Option<String>> {
        merge_pending(&self.conn)
    }

    /// Finishes what a bulk load (or the migration to reports) left: the
    /// event of each report stored without one, the merge keys of reports
    /// without them (the load's own, kept in memory, else computed from the
    /// stored reports), and the links across articles, which merge events;
    /// returns how many events merged into others. One transaction:
    /// interrupted, it is pending again, and the next ingest finishes it.
    /// `dict` gives statements stored without terms (the migration's) theirs.
    pub fn finish_merging(&mut self, dict: &Dictionaries) -> Result<usize> {
        self.caches.senses = Some(dict.senses.clone());
        if self.merging_pending()?.is_none() {
            return Ok(0);
        }
        self.tune(Phase::Merge)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(|| "starting to merge reports".into())?;
        // Checked again inside the transaction: another chronicle may have done it.
        start_ids(&tx, &mut self.caches)?;
        let pending = merge_pending(&tx)?;
        let merged = if let Some(pending) = pending {
            // A bulk load stores every report's keys with it (a look for
            // reports without keys read all of them: 0.5 s for 1M).
            if pending != BULK_PENDING {
                key_unkeyed_reports(&tx, &mut self.caches, dict)?;
            }
            let merged = link_all_reports(&tx, &mut self.caches)?;
            tx.execute("DELETE FROM meta WHERE key = ?1", [MERGE_PENDING_KEY])?;
            merged
        } else {
            0
        };
        tx.commit().context(|| "committing merged reports".into())?;
        self.tune(Phase::Write)?;
        Ok(merged)
    }

    /// The SQL conditions of `filter` on `events e`, each starting with
    /// " AND ", and their values; every query that filters events uses this.
    fn filter_sql(&self, filter: &EventFilter) -> Result<(String, Vec<Box<dyn ToSql>>)> {
        let mut where_sql = String::new();
        let mut values: Vec<Box<dyn ToSql>> = Vec::new();
        // Each clause names its one value `?N`; it becomes that value's position.
        let mut bind = |clause: &str, value: Box<dyn ToSql>| {
            values.push(value);
            where_sql.push_str(" AND ");
            where_sql.push_str(&clause.replace("?N", &format!("?{}", values.len())));
        };
        if let Some(k) = filter.kind {
            bind("e.kind = ?N", Box::new(k.as_str()));
        }
        if let Some(s) = filter.status {
            // events_by_status holds only the statuses other than 'happened'
            // (migration 0004); SQLite uses it only when the query says so.
            if s == Status::Happened {
                bind("e.status = ?N", Box::new(s.as_str()));
            } else {
                bind("e.status = ?N AND e.status <> 'happened'", Box::new(s.as_str()));
            }
        }
        if let Some(a) = &filter.actor {
            let ids = serde_json::to_string(&self.actor_ids_matching(a)?).unwrap_or_else(|_| "[]".into());
            bind(
                "e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN (SELECT value FROM json_each(?N)))",
                Box::new(ids),
            );
        }
        if let Some(p) = &filter.place {
            // `place IS NOT NULL` is the condition of events_by_place (migration 0004).
            bind(
                "e.place IS NOT NULL AND e.place IN (SELECT name FROM places WHERE name = ?N UNION SELECT p.name
                   FROM place_aliases pa JOIN places p ON p.id = pa.place_id WHERE pa.alias = ?N UNION SELECT ?N)",
                Box::new(p.clone()),
            );
        }
        if let Some(d) = filter.since {
            bind("e.date_end >= ?N", Box::new(d.to_string()));
        }
        if let Some(d) = filter.until {
            bind("e.date_start <= ?N", Box::new(d.to_string()));
        }
        if let Some(a) = &filter.article {
            bind(
                "e.id IN (SELECT r.event_id FROM reports r JOIN articles ar ON ar.id = r.article_id WHERE ar.name = ?N)",
                Box::new(a.clone()),
            );
        }
        if let Some(text) = &filter.text {
            self.check_search(text)?;
            bind(
                "e.id IN (SELECT r.event_id FROM reports r
                           WHERE r.id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?N))",
                Box::new(text.clone()),
            );
        }
        if let Some(ids) = &filter.ids {
            let ids = serde_json::to_string(ids).map_err(|e| StoreError::Io(e.into()))?;
            bind("e.id IN (SELECT value FROM json_each(?N))", Box::new(ids));
        }
        Ok((where_sql, values))
    }

    /// Checks a full-text search before it is part of a larger query, whose
    /// error would name neither the search nor the option.
    fn check_search(&self, text: &str) -> Result<()> {
        if self.deferred_indexes()?.iter().any(|name| name == DEFERRED_TEXT_INDEX.0) {
            return Err(StoreError::Refused(format!(
                "--text: the full-text index of {} is not built yet (a bulk load is under way, or was interrupted); \
                 `chronicle --db {} db upgrade` builds it",
                self.path.display(),
                self.path.display()
            )));
        }
        self.conn
            .query_row(
                "SELECT count(*) FROM (SELECT 1 FROM evidence_fts WHERE evidence_fts MATCH ?1 LIMIT 1)",
                [text],
                |r| r.get::<_, i64>(0),
            )
            .map_err(|e| match &e {
                rusqlite::Error::SqliteFailure(_, Some(_)) => {
                    StoreError::BadSearch { text: text.to_string(), message: sqlite_message(&e) }
                }
                _ => e.into(),
            })?;
        Ok(())
    }

    /// Reads the events the filter keeps, each with its actors and mentions,
    /// one at a time: in date order (undated last) or in id order. Returns how many.
    ///
    /// Every event in date order (no limit, not `streamed`) is read in id
    /// order and sorted by SQLite (in temporary files past the page cache),
    /// not read through `events_by_date`: in date order each row's actors,
    /// mentions and articles lie anywhere in their tables, and past the 4 MB
    /// page cache nearly every one is a page read from the operating system
    /// (`export events --format csv` of 1M events took 8.2 s of CPU that way,
    /// 3.5 s of it in system calls; sorted, 5.0 s, of which 0.5 s). A limit,
    /// or `streamed`, reads through the index: rows come at once, and reading
    /// stops at the limit.
    pub fn events(&self, filter: &EventFilter, mut f: impl FnMut(StoredEvent) -> Result<()>) -> Result<u64> {
        let (where_sql, values) = self.filter_sql(filter)?;
        let params: Vec<&dyn ToSql> = values.iter().map(|v| v.as_ref()).collect();
        let limit = filter.limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64);
        let select = format!("SELECT {EVENT_COLUMNS} FROM events e");
        let mut read = |sql: &str| -> Result<u64> {
            let mut stmt = self.conn.prepare(sql)?;
            let mut rows = stmt.query(params.as_slice())?;
            let mut n = 0;
            while let Some(row) = rows.next()? {
                f(event_row(row)?)?;
                n += 1;
            }
            Ok(n)
        };
        if filter.order == Order::Id {
            return read(&format!("{select} WHERE 1{where_sql} ORDER BY e.id LIMIT {limit}"));
        }
        if limit < 0 && !filter.streamed {
            // `date_start IS NULL` first: no index gives this order, so SQLite sorts.
            return read(&format!("{select} WHERE 1{where_sql} ORDER BY e.date_start IS NULL, e.date_start, e.id"));
        }
        // (date_start, rowid) order is events_by_date's: no sort, and a LIMIT stops early.
        let written = read(&format!(
            "{select} WHERE e.date_start IS NOT NULL{where_sql} ORDER BY e.date_start, e.id LIMIT {limit}"
        ))?;
        let rest = if limit < 0 { -1 } else { (limit - written as i64).max(0) };
        if rest == 0 || filter.since.is_some() || filter.until.is_some() {
            return Ok(written);
        }
        Ok(written + read(&format!("{select} WHERE e.date_start IS NULL{where_sql} ORDER BY e.id LIMIT {rest}"))?)
    }

    /// How many events the filter keeps (its limit aside).
    pub fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        let (where_sql, values) = self.filter_sql(filter)?;
        let params: Vec<&dyn ToSql> = values.iter().map(|v| v.as_ref()).collect();
        let n: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM events e WHERE 1{where_sql}"),
            params.as_slice(),
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// What each filter names, when it names nothing in the database: why a
    /// query found no events. Candidates for "did you mean" come with it.
    pub fn unknown_names(&self, filter: &EventFilter) -> Result<Vec<Unknown>> {
        let mut unknown = Vec::new();
        let names = |sql: &str, params: &[&dyn ToSql]| -> Result<Vec<String>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map(params, |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        if let Some(a) = &filter.actor {
            if self.actor_ids_matching(a)?.is_empty() {
                let candidates = names("SELECT name FROM actors UNION SELECT alias FROM actor_aliases", &[])?;
                unknown.push(Unknown { what: "actor", name: a.clone(), candidates });
            }
        }
        if let Some(p) = &filter.place {
            let known: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM places WHERE name = ?1) OR EXISTS (SELECT 1 FROM place_aliases WHERE alias = ?1)
                     OR EXISTS (SELECT 1 FROM events WHERE place = ?1 AND place IS NOT NULL)",
                [p],
                |r| r.get(0),
            )?;
            if !known {
                let candidates = names(
                    "SELECT DISTINCT place FROM events WHERE place IS NOT NULL UNION SELECT name FROM places",
                    &[],
                )?;
                unknown.push(Unknown { what: "place", name: p.clone(), candidates });
            }
        }
        if let Some(a) = &filter.article {
            let known: bool =
                self.conn.query_row("SELECT EXISTS (SELECT 1 FROM articles WHERE name = ?1)", [a], |r| r.get(0))?;
            if !known {
                // A name the given one starts (the usual slip: a file name without its extension) comes first.
                let mut candidates = names(
                    "SELECT name FROM articles WHERE name > ?1 AND substr(name, 1, length(?1)) = ?1 ORDER BY name LIMIT 1",
                    &[a],
                )?;
                if candidates.is_empty() {
                    candidates = names("SELECT name FROM articles", &[])?;
                }
                unknown.push(Unknown { what: "article", name: a.clone(), candidates });
            }
        }
        Ok(unknown)
    }

    /// Ids of actors whose name or alias is `name` (case-insensitive), else
    /// whose name or alias contains it.
    fn actor_ids_matching(&self, name: &str) -> Result<Vec<i64>> {
        let exact = "SELECT id FROM actors WHERE name = ?1 UNION SELECT actor_id FROM actor_aliases WHERE alias = ?1";
        let loose = "SELECT id FROM actors WHERE instr(lower(name), lower(?1)) > 0
                     UNION SELECT actor_id FROM actor_aliases WHERE instr(lower(alias), lower(?1)) > 0";
        for sql in [exact, loose] {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let ids: Vec<i64> = stmt.query_map([name], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            if !ids.is_empty() {
                return Ok(ids);
            }
        }
        Ok(Vec::new())
    }

    /// Streams a whole table or view through `out`, in rowid order for tables.
    pub fn dump(&self, table: &str, out: &mut dyn RowWriter) -> Result<()> {
        let tables = self.tables(true)?;
        let Some(name) = tables.iter().find(|t| t.eq_ignore_ascii_case(table)) else {
            return Err(StoreError::UnknownTable(table.to_string(), tables.join(", ")));
        };
        let sql = if name == "timeline" {
            "SELECT * FROM timeline ORDER BY date_start IS NULL, date_start, id".to_string()
        } else {
            format!("SELECT * FROM {}", quote_ident(name))
        };
        self.stream(&sql, &[], out, true)?;
        Ok(())
    }

    /// Installs the read-only authorizer (`on`), or takes it away for a
    /// moment while chronicle itself sets a PRAGMA.
    fn authorize(&mut self, on: bool) -> rusqlite::Result<()> {
        if on {
            self.conn.authorizer(Some(read_only_authorizer(self.pragma_read.clone())))
        } else {
            self.conn.authorizer(None::<fn(rusqlite::hooks::AuthContext<'_>) -> rusqlite::hooks::Authorization>)
        }
    }

    /// Bounds the user's queries on this reading connection.
    ///
    /// Time: a progress handler stops a query that has spent `timeout_secs`
    /// inside SQLite. Temporary storage: it is kept in memory
    /// (`temp_store = MEMORY`: sorts then never spill to files, nor do the
    /// tables behind DISTINCT, GROUP BY or a subquery), and SQLite's whole
    /// heap is capped (`hard_heap_limit`) at `max_temp_mb` plus
    /// `HEAP_BESIDES_TEMP_MB`; past it SQLite fails with "out of memory",
    /// reported as too much temporary storage. No temporary file is written.
    pub fn limit_queries(&mut self, limits: QueryLimits) -> Result<()> {
        let path = self.path.clone();
        let ctx = || format!("{}: setting the query limits", path.display());
        if let Some(secs) = limits.timeout_secs {
            let clock = Arc::new(StepClock { limit: Duration::from_secs(secs), state: Mutex::default() });
            let handler = clock.clone();
            self.conn.progress_handler(TIMEOUT_CHECK_OPS, Some(move || handler.expired())).context(ctx)?;
            self.step_clock = Some(clock);
        }
        if let Some(mb) = limits.max_temp_mb {
            let bytes = (mb + HEAP_BESIDES_TEMP_MB).saturating_mul(1 << 20).min(i64::MAX as u64) as i64;
            self.authorize(false).context(ctx)?;
            let set = self
                .conn
                .pragma_update(None, "temp_store", "MEMORY")
                .and_then(|()| self.conn.pragma_update(None, "hard_heap_limit", bytes));
            self.authorize(true).context(ctx)?;
            set.context(ctx)?;
            self.max_temp_mb = Some(mb);
        }
        Ok(())
    }

    /// An error of running the user's query, with the limits that stopped it named.
    fn query_error(&self, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::OperationInterrupted) if self.step_clock.is_some() => {
                StoreError::TimedOut(self.step_clock.as_ref().map_or(0, |c| c.limit.as_secs()))
            }
            Some(rusqlite::ErrorCode::OutOfMemory) if self.max_temp_mb.is_some() => {
                StoreError::TooMuchTemp(self.max_temp_mb.unwrap_or(0))
            }
            _ => StoreError::Sqlite { context: "running the query".into(), error: e },
        }
    }

    /// Runs one read-only statement from the user. Refused unless the engine
    /// itself says it does not write (or it reads a setting in
    /// `READ_PRAGMAS`); the connection is read-only and `query_only` besides.
    pub fn user_query(&self, sql: &str, named: &[(String, String)], out: &mut dyn RowWriter) -> Result<()> {
        if is_empty_sql(sql) {
            return Err(StoreError::Refused(
                "no SQL statement given; e.g. chronicle sql \"SELECT kind, count(*) FROM events GROUP BY kind\"".into(),
            ));
        }
        *self.pragma_read.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let mut stmt = self.conn.prepare(sql).map_err(|e| match e {
            rusqlite::Error::MultipleStatement => {
                StoreError::Refused("several statements in one string; give one statement at a time".into())
            }
            e if e.sqlite_error_code() == Some(rusqlite::ErrorCode::AuthorizationForStatementDenied) => {
                StoreError::Refused(
                    "`chronicle sql` reads this database only: no ATTACH, DETACH or PRAGMA assignment".into(),
                )
            }
            other => StoreError::Sqlite { context: "in the SQL".into(), error: other },
        })?;
        let pragma_read = self.pragma_read.lock().unwrap_or_else(|p| p.into_inner()).take();
        let reads_a_setting = pragma_read.is_some_and(|p| READ_PRAGMAS.contains(&p.as_str()));
        if !stmt.readonly() && !reads_a_setting {
            return Err(StoreError::Refused(
                "this statement would write to the database; `chronicle sql` is read-only".into(),
            ));
        }
        for (name, value) in named {
            let index = [":", "@", "$"]
                .iter()
                .find_map(|p| stmt.parameter_index(&format!("{p}{name}")).ok().flatten())
                .ok_or_else(|| StoreError::Refused(format!("the query has no parameter :{name}")))?;
            match value.parse::<i64>() {
                Ok(i) if i.to_string() == *value => stmt.raw_bind_parameter(index, i)?,
                _ => stmt.raw_bind_parameter(index, value)?,
            }
        }
        for i in 1..=stmt.parameter_count() {
            let bound =
                named.iter().any(|(n, _)| stmt.parameter_name(i).is_some_and(|p| p.len() > 1 && &p[1..] == n.as_str()));
            if !bound {
                let name = stmt.parameter_name(i).unwrap_or("?").to_string();
                return Err(StoreError::Refused(format!(
                    "parameter {name} has no value (give it with --param NAME=VALUE)"
                )));
            }
        }
        let columns: Vec<String> = stmt.column_names().map(String::from).collect();
        out.header(&columns)?;
        let mut rows = stmt.raw_query();
        let mut cells = Vec::with_capacity(columns.len());
        loop {
            if let Some(clock) = &self.step_clock {
                clock.start();
            }
            let next = rows.next();
            if let Some(clock) = &self.step_clock {
                clock.stop();
            }
            let Some(row) = next.map_err(|e| self.query_error(e))? else { break };
            read_cells(row, &mut cells, columns.len())?;
            out.row(&cells)?;
        }
        Ok(())
    }

    fn stream(&self, sql: &str, params: &[&dyn ToSql], out: &mut dyn RowWriter, header: bool) -> Result<u64> {
        let mut stmt = self.conn.prepare(sql)?;
        let columns: Vec<String> = stmt.column_names().map(String::from).collect();
        if header {
            out.header(&columns)?;
        }
        let mut rows = stmt.query(params)?;
        let mut n = 0;
        let mut cells = Vec::with_capacity(columns.len());
        while let Some(row) = rows.next()? {
            read_cells(row, &mut cells, columns.len())?;
            out.row(&cells)?;
            n += 1;
        }
        Ok(n)
    }

    /// The whole database's articles: how many, from how many outlets, and
    /// the first and last publication dates.
    pub fn corpus(&self) -> Result<Corpus> {
        self.conn
            .query_row(
                "SELECT count(*), count(DISTINCT source), min(published), max(published) FROM articles",
                [],
                |r| Ok(Corpus { articles: r.get(0)?, outlets: r.get(1)?, first: r.get(2)?, last: r.get(3)? }),
            )
            .context(|| "reading the corpus summary".into())
    }

    /// What is known of the articles named in `names`, or of all articles
    /// (title, outlet, URL, date), by name.
    pub fn articles_named(&self, names: Option<&[&str]>) -> Result<HashMap<String, ArticleInfo>> {
        let names = names.map(|n| serde_json::to_string(n).map_err(|e| StoreError::Io(e.into()))).transpose()?;
        let mut stmt = self.conn.prepare(
            "SELECT name, title, source, url, published FROM articles
              WHERE ?1 IS NULL OR name IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = stmt.query_map([names], |r| {
            Ok((r.get(0)?, ArticleInfo { title: r.get(1)?, source: r.get(2)?, url: r.get(3)?, published: r.get(4)? }))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The places with coordinates: (name, latitude, longitude).
    pub fn place_coordinates(&self) -> Result<Vec<(String, f64, f64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT name, latitude, longitude FROM places WHERE latitude IS NOT NULL AND longitude IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One event with its actors and mentions.
    pub fn event(&self, id: i64) -> Result<StoredEvent> {
        self.conn
            .query_row(&format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1"), [id], |row| Ok(event_row(row)))
            .optional()?
            .ok_or(StoreError::UnknownEvent(id))?
    }

    /// Every report of event `id`, with its own fields, actors and mentions,
    /// earliest publication first (then article name, then position in it).
    pub fn reports(&self, id: i64) -> Result<Vec<StoredReport>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {REPORT_COLUMNS} FROM report_fields r JOIN articles a ON a.id = r.article_id WHERE r.event_id = ?1
              ORDER BY a.published IS NULL, a.published, a.name, r.ordinal"
        ))?;
        let mut rows = stmt.query([id])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let r = report_row(row)?;
            let published: Option<String> = row.get(4)?;
            out.push((
                r.id,
                StoredReport { id: r.id, article: r.article, source: r.source, published, event: r.event.into_owned() },
            ));
        }
        let mut mentions = self.conn.prepare(
            "SELECT COALESCE(m.sentence, CAST(substr(CAST(a.clean_text AS BLOB), m.start_byte + 1,
                                                     m.end_byte - m.start_byte) AS TEXT)),
                    m.start_byte, m.end_byte
               FROM mention_spans m JOIN articles a ON a.id = m.article_id WHERE m.report_id = ?1 ORDER BY m.id",
        )?;
        for (report_id, report) in &mut out {
            let rows = mentions.query_map([*report_id], |r| {
                let offset = |i: usize| -> rusqlite::Result<usize> { Ok(r.get::<_, i64>(i)?.max(0) as usize) };
                Ok(Mention { sentence: r.get(0)?, start: offset(1)?, end: offset(2)? })
            })?;
            report.event.mentions = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(out.into_iter().map(|(_, r)| r).collect())
    }
}

/// PRAGMAs that only read a setting although SQLite does not mark them
/// read-only (`sqlite3_stmt_readonly` is false for them because their
/// assigning form may write): allowed in `chronicle sql` without a value.
const READ_PRAGMAS: &[&str] = &["journal_mode"];

/// The engine-level guard of reading connections: no ATTACH or DETACH,
/// PRAGMAs only to read a setting or inspect a table, never to change one,
/// and nothing SQLite reports as an action this guard does not know (an
/// ATTACH whose file name is an expression arrives as one). The name of a
/// PRAGMA read goes to `pragma_read`.
fn read_only_authorizer(
    pragma_read: Arc<Mutex<Option<String>>>,
) -> impl for<'r> FnMut(rusqlite::hooks::AuthContext<'r>) -> rusqlite::hooks::Authorization + Send + 'static {
    use rusqlite::hooks::{AuthAction, Authorization};
    const INSPECT: &[&str] = &[
        "table_info",
        "table_xinfo",
        "table_list",
        "index_list",
        "index_info",
        "index_xinfo",
        "foreign_key_list",
        "foreign_key_check",
        "integrity_check",
        "quick_check",
    ];
    move |ctx| match ctx.action {
        AuthAction::Attach { .. } | AuthAction::Detach { .. } | AuthAction::Unknown { .. } => Authorization::Deny,
        AuthAction::Pragma { pragma_name, pragma_value: Some(_) }
            if !INSPECT.iter().any(|p| p.eq_ignore_ascii_case(pragma_name)) =>
        {
            Authorization::Deny
        }
        AuthAction::Pragma { pragma_name, pragma_value: None } => {
            *pragma_read.lock().unwrap_or_else(|p| p.into_inner()) = Some(pragma_name.to_ascii_lowercase());
            Authorization::Allow
        }
        _ => Authorization::Allow,
    }
}

/// Whether `sql` holds no statement: only white space, semicolons and comments.
fn is_empty_sql(sql: &str) -> bool {
    let mut rest = sql;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ';');
        if let Some(comment) = rest.strip_prefix("--") {
            rest = comment.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(comment) = rest.strip_prefix("/*") {
            rest = comment.split_once("*/").map_or("", |(_, after)| after);
        } else {
            return rest.is_empty();
        }
    }
}

/// An event's or a report's fields: kind, status, date_start, date_end,
/// precision, date_text, place, speaker, quote, count, qualifier and
/// cumulative, in that order from column `base`.
fn event_fields(row: &Row, base: usize) -> Result<Event> {
    let text = |i: usize| -> rusqlite::Result<Option<String>> { row.get(base + i) };
    let bad = |what: &str, e: String| StoreError::Refused(format!("stored {what} is invalid: {e}"));
    let kind: Kind = row.get::<_, String>(base)?.parse().map_err(|e| bad("kind", e))?;
    let status: Status = row.get::<_, String>(base + 1)?.parse().map_err(|e| bad("status", e))?;
    let date = match (text(2)?, text(3)?) {
        (Some(s), e) => {
            // FromStr reads YYYY-MM-DD without interpreting a format string (which showed in profiles of exports).
            let start: NaiveDate = s.parse().map_err(|e: chrono::ParseError| bad("date", e.to_string()))?;
            let end = e.and_then(|e| e.parse().ok()).unwrap_or(start);
            let precision: Precision = text(4)?.as_deref().unwrap_or("day").parse().map_err(|e| bad("precision", e))?;
            Some(DateSpan { start, end, precision })
        }
        _ => None,
    };
    let mut event = Event::new(kind, status);
    event.date = date;
    event.date_text = text(5)?;
    event.place = text(6)?;
    event.speaker = text(7)?;
    event.quote = text(8)?;
    event.count = row.get::<_, Option<i64>>(base + 9)?.map(|c| c.max(0) as u64);
    event.qualifier = text(10)?.map(|q| q.parse::<Qualifier>()).transpose().map_err(|e| bad("qualifier", e))?;
    event.cumulative = row.get::<_, i64>(base + 11)? != 0;
    Ok(event)
}

fn event_row(row: &Row) -> Result<StoredEvent> {
    let bad = |what: &str, e: String| StoreError::Refused(format!("stored {what} is invalid: {e}"));
    let mut event = event_fields(row, 1)?;
    // The JSON arrays of `EVENT_COLUMNS`; a sentence sliced through a
    // character reads with a replacement character, as in `read_cells`.
    let json = |i: usize| -> rusqlite::Result<Cow<'_, str>> {
        Ok(match row.get_ref(i)? {
            ValueRef::Text(b) | ValueRef::Blob(b) => {
                std::str::from_utf8(b).map_or_else(|_| String::from_utf8_lossy(b), Cow::Borrowed)
            }
            _ => Cow::Borrowed("[]"),
        })
    };
    let actors: Vec<(String, String)> =
        serde_json::from_str(&json(13)?).map_err(|e| bad("event_actors", e.to_string()))?;
    event.actors = actors
        .into_iter()
        .map(|(name, role)| EventActor { name, role: role.parse().unwrap_or(Role::Participant) })
        .collect();
    type MentionRow = (String, Option<String>, Option<String>, i64, i64);
    let mentions: Vec<MentionRow> =
        serde_json::from_str(&json(14)?).map_err(|e| bad("mention_spans", e.to_string()))?;
    let mut articles = Vec::with_capacity(mentions.len());
    for (article, published, sentence, start, end) in mentions {
        articles.push((article, published));
        let offset = |o: i64| o.max(0) as usize;
        event.mentions.push(Mention { sentence: sentence.unwrap_or_default(), start: offset(start), end: offset(end) });
    }
    let merged = Merged {
        sources: row.get(15)?,
        outlets: row.get(16)?,
        first_reported: row.get(17)?,
        count_low: row.get(18)?,
        count_high: row.get(19)?,
        conflicts: row.get(20)?,
    };
    Ok(StoredEvent { id: row.get(0)?, event, articles, merged })
}

/// Whether a failure to write an article is the article's own (it is then
/// reported and the rest of the batch stored), not the database's (full,
/// unwritable, locked, damaged: nothing more can be stored).
fn is_article_fault(e: &StoreError) -> bool {
    use rusqlite::ErrorCode::*;
    match e {
        StoreError::Sqlite { error, .. } => !matches!(
            error.sqlite_error_code(),
            Some(
                DiskFull
                    | SystemIoFailure
                    | ReadOnly
                    | DatabaseBusy
                    | DatabaseLocked
                    | CannotOpen
                    | OutOfMemory
                    | DatabaseCorrupt
                    | NotADatabase
                    | PermissionDenied
                    | FileLockingProtocolFailed
            )
        ),
        StoreError::Io(_) | StoreError::DiskFull(_) | StoreError::ReadOnly(_) => false,
        _ => true,
    }
}

impl StoreError {
    /// A failure while writing to the database at `path`, named as such.
    fn on_write(self, path: &Path) -> StoreError {
        match self {
            StoreError::Sqlite { context, error } => {
                classify(path, error, || format!("{}: writing an article ({context})", path.display()))
            }
            other => other,
        }
    }
}

fn write_article(
    conn: &Connection,
    caches: &mut Caches,
    item: &Prepared,
    ingested_at: &str,
    force: bool,
    deferred: Deferred,
    renamed: &mut Vec<(String, String)>,
) -> Result<Outcome> {
    let a = &item.article;
    let x = &item.extraction;
    let mut existing: Option<(i64, String, Option<String>)> = conn
        .prepare_cached("SELECT id, content_hash, path FROM articles WHERE name = ?1")?
        .query_row([&a.name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if existing.is_none() {
        existing = adopt_file_name(conn, a)?;
        if existing.is_some() {
            let old = a.name.rsplit_once('/').map_or("", |(_, file_name)| file_name);
            renamed.push((old.to_string(), a.name.clone()));
        }
    }
    let published = x.published.map(|d| d.to_string());
    let mut replaced = Replaced::default();
    match &existing {
        Some((_, hash, _)) if *hash == item.content_hash && !force => return Ok(Outcome::Unchanged),
        Some((id, _, path)) => {
            replaced.removed_mentions = conn
                .prepare_cached("SELECT count(*) FROM mention_spans WHERE article_id = ?1")?
                .query_row([id], |r| r.get::<_, i64>(0))? as usize;
            // The old reports go, and the events they were part of are derived again without them.
            replaced.removed_events = remove_reports(conn, caches, *id, !deferred.text_index)?;
            if path.as_deref().map(source_file) != a.path.as_deref().map(source_file) {
                replaced.previous_path = Some(path.clone().unwrap_or_else(|| "no file (standard input)".into()));
            }
        }
        None => {}
    }
    // A new article, or a changed one replacing its row under the same name and id.
    let article_id: i64 = conn
        .prepare_cached(
            "INSERT INTO articles (name, path, url, source, title, published, published_origin, content_hash,
                                   clean_text, ingested_at, dict_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (name) DO UPDATE SET path = excluded.path, url = excluded.url, source = excluded.source,
                 title = excluded.title, published = excluded.published,
                 published_origin = excluded.published_origin, content_hash = excluded.content_hash,
                 clean_text = excluded.clean_text, ingested_at = excluded.ingested_at, dict_hash = excluded.dict_hash
             RETURNING id",
        )?
        .query_row(
            params![
                a.name,
                a.path,
                a.url,
                a.source,
                x.title,
                published,
                x.published_origin.as_str(),
                item.content_hash,
                x.clean_text,
                ingested_at,
                item.dict_hash
            ],
            |r| r.get(0),
        )?;
    let mut reports = Vec::with_capacity(x.events.len());
    for (i, e) in x.events.iter().enumerate() {
        let mut r = merge::Report {
            id: 0,
            event_id: 0,
            article_id,
            article: a.name.clone(),
            published: x.published,
            source: a.source.clone(),
            ordinal: i as i64,
            event: Cow::Borrowed(e),
            terms: item.terms.get(i).cloned().flatten(),
            speaker: None,
            place: None,
            governed: Vec::new(),
        };
        describe(conn, caches, &mut r)?;
        reports.push(r);
    }
    let mentions: usize = x.events.iter().map(|e| e.mentions.len()).sum();
    // Each report is first an event of its own, under the report's id.
    for r in &mut reports {
        r.id = take_id(caches);
        r.event_id = r.id;
    }
    let singles: Vec<(i64, merge::Derived<'_>)> = reports.iter().map(|r| (r.id, merge::Derived::single(r))).collect();
    insert_events(conn, caches, &singles)?;
    insert_reports(conn, caches, &reports, &x.clean_text)?;
    if !deferred.text_index {
        index_evidence(conn, article_id)?;
    }
    drop(singles);
    insert_keys(conn, caches, &reports)?;
    // A bulk load links its reports once it is stored (`finish_merging`).
    let merged = if deferred.merging { 0 } else { merge_new_reports(conn, caches, reports)? };
    let events = x.events.len();
    Ok(if existing.is_some() {
        Outcome::Replaced(Replaced { events, mentions, merged, ..replaced })
    } else {
        Outcome::New { events, mentions, merged }
    })
}

/// Fills in what the stored dictionaries say about a report's speaker and
/// place, and of talks the countries whose government takes part.
fn describe(conn: &Connection, caches: &mut Caches, r: &mut merge::Report<'_>) -> Result<()> {
    if r.event.kind == Kind::Talks {
        let mut governed = Vec::new();
        for a in &r.event.actors {
            let found = kind_and_country(conn, &mut caches.governments, "actors", &a.name, |kind, country| {
                country.filter(|_| kind == "government").map(str::to_lowercase)
            })?;
            if let Some(country) = found.flatten() {
                if !governed.contains(&country) {
                    governed.push(country);
                }
            }
        }
        r.governed = governed;
    }
    if let Some(name) = r.event.speaker.as_deref() {
        let found = kind_and_country(conn, &mut caches.speakers, "actors", name, |kind, country| {
            merge::speaker_from(kind, name, country)
        })?;
        r.speaker = match found {
            Some(known) => Some(known),
            None => described_speaker(conn, caches, name)?,
        };
    }
    if let Some(name) = r.event.place.as_deref() {
        r.place = kind_and_country(conn, &mut caches.places, "places", name, merge::place_from)?;
    }
    Ok(())
}

/// A speaker the actors do not name, from the body its description names
/// (`merge::described_speaker`), remembered by lower-cased description.
fn described_speaker(conn: &Connection, caches: &mut Caches, description: &str) -> Result<Option<merge::Speaker>> {
    let key = description.to_lowercase();
    if let Some(known) = caches.described.get(&key) {
        return Ok(known.clone());
    }
    let mut failed = None;
    let mut lookup = |name: &str| -> Option<(String, String, Option<String>)> {
        let found = conn
            .prepare_cached(
                "SELECT kind, name, country FROM actors WHERE name = ?1
                 UNION ALL
                 SELECT a.kind, a.name, a.country FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
                  WHERE al.alias = ?1
                 LIMIT 1",
            )
            .and_then(|mut st| st.query_row([name], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).optional());
        found.unwrap_or_else(|e| {
            failed = Some(e);
            None
        })
    };
    let made = merge::described_speaker(description, &mut lookup);
    if let Some(e) = failed {
        return Err(e.into());
    }
    caches.described.insert(key, made.clone());
    Ok(made)
}

/// What `make` makes of the kind and country `table` (actors or places)
/// stores for `name`, remembered in `cache` by lower-cased name.
fn kind_and_country<T: Clone>(
    conn: &Connection,
    cache: &mut HashMap<String, Option<T>>,
    table: &str,
    name: &str,
    make: impl Fn(&str, Option<&str>) -> T,
) -> Result<Option<T>> {
    let key = name.to_lowercase();
    if let Some(known) = cache.get(&key) {
        return Ok(known.clone());
    }
    let found: Option<(String, Option<String>)> = conn
        .prepare_cached(&format!("SELECT kind, country FROM {table} WHERE name = ?1"))?
        .query_row([name], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let made = found.map(|(kind, country)| make(&kind, country.as_deref()));
    cache.insert(key, made.clone());
    Ok(made)
}

/// Links an article's new reports (stored, each an event of its own) to the
/// stored reports of other articles that the rules allow
/// (`merge::select_links`), and derives the events of linked reports again
/// (`recluster`). Returns how many of the new reports joined an event
/// another article reported.
fn merge_new_reports(conn: &Connection, caches: &mut Caches, reports: Vec<merge::Report<'_>>) -> Result<usize> {
    let n = reports.len();
    // Candidates: stored reports that share an anchor and days with a new one.
    let mut all = reports;
    let mut found: HashMap<i64, usize> = all.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // Candidates that `merge::ruled_out` turned away, by the new report that found them.
    let mut turned_away: Vec<i64> = Vec::new();
    for i in 0..n {
        turned_away.clear();
        let Some((first, last)) = all[i].window() else { continue };
        // Windows that overlap, or a day either side for talks that may
        // meet a day apart (`merge::day_slack`, `merge::score`): a stored
        // report further away would be read only to be turned away.
        let slack = merge::day_slack(&all[i]);
        let (from, to) = (first - slack - merge::MAX_SPAN_DAYS, last + slack);
        for key in all[i].search_keys() {
            // Bucket by bucket, in order: the ids come in the order of the
            // key's days, as from one range of an index by key and day.
            let mut ids: Vec<i64> = Vec::new();
            let mut stmt = conn.prepare_cached(KEYS_IN_BUCKET)?;
            for bucket in from / KEY_BUCKET_DAYS..=to / KEY_BUCKET_DAYS {
                for id in stmt.query_map(params![bucket, key, from, to, first - slack], |r| r.get(0))? {
                    ids.push(id?);
                }
            }
            drop(stmt);
            for id in ids {
                let j = match found.get(&id) {
                    Some(j) => *j,
                    None if turned_away.contains(&id) => continue,
                    None => {
                        // Read whole only when what is cheap to read of it leaves a link possible.
                        if sketch_report(conn, caches, id)?.is_none_or(|b| merge::ruled_out(&all[i], &b)) {
                            turned_away.push(id);
                            continue;
                        }
                        let Some(r) = load_reports(conn, caches, "r.id = ?1", id)?.pop() else { continue };
                        all.push(r);
                        found.insert(id, all.len() - 1);
                        all.len() - 1
                    }
                };
                // The article's own reports are found too; they never link.
                if j >= n {
                    pairs.push((i, j));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let senses = caches.senses();
    let compatible: Vec<merge::Link> = pairs
        .iter()
        .filter_map(|&(a, b)| merge::score(&all[a], &all[b], &senses).map(|score| merge::Link { a, b, score }))
        .collect();
    let links = merge::select_links(&all, &compatible);
    if links.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = all.iter().map(|r| r.id).collect();
    insert_links(conn, &links, &ids)?;
    let mut seeds: Vec<i64> = links.iter().flat_map(|l| [all[l.a].event_id, all[l.b].event_id]).collect();
    seeds.sort_unstable();
    seeds.dedup();
    recluster(conn, caches, &seeds)?;
    let mut linked: Vec<i64> = links.iter().flat_map(|l| [l.a, l.b]).filter(|&i| i < n).map(|i| ids[i]).collect();
    linked.sort_unstable();
    linked.dedup();
    let mut merged = 0;
    for id in linked {
        merged += conn
            .prepare_cached("SELECT e.sources > 1 FROM reports r JOIN events e ON e.id = r.event_id WHERE r.id = ?1")?
            .query_row([id], |r| r.get::<_, bool>(0))? as usize;
    }
    Ok(merged)
}

/// Stores links between reports; `ids` gives each linked index's report id.
fn insert_links(conn: &Connection, links: &[merge::Link], ids: &[i64]) -> Result<()> {
    let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO report_links (a, b, score) VALUES (?1, ?2, ?3)")?;
    for l in links {
        let (a, b) = (ids[l.a].min(ids[l.b]), ids[l.a].max(ids[l.b]));
        insert.execute(params![a, b, l.score])?;
    }
    Ok(())
}

/// Removes an article's reports (their mentions, keys and links go with
/// them; returns how many) and derives the events they were part of again: an event left with
/// no report disappears; one whose remaining reports are no longer linked
/// together splits.
fn remove_reports(conn: &Connection, caches: &mut Caches, article_id: i64, indexed: bool) -> Result<usize> {
    let touched: Vec<i64> = conn
        .prepare_cached("SELECT DISTINCT event_id FROM reports WHERE article_id = ?1")?
        .query_map([article_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Out of the full-text index first, with the text it was indexed with
    // (see 0008); unless a bulk load builds it at its end.
    if indexed {
        conn.prepare_cached(
            "INSERT INTO evidence_fts (evidence_fts, rowid, sentences, quote)
             SELECT 'delete', report_id, sentences, quote FROM evidence WHERE article_id = ?1",
        )?
        .execute([article_id])?;
    }
    let removed = conn.prepare_cached("DELETE FROM reports WHERE article_id = ?1")?.execute([article_id])?;
    recluster(conn, caches, &touched)?;
    Ok(removed)
}

/// Derives again the events of everything linked to the events `seeds`:
/// the whole group of events that links connect (a link the rules refused
/// to follow, for a conflict, still connects them), so that the result is
/// what `merge::cluster` makes of that group, whatever the order things
/// arrived in. Each resulting event keeps the lowest id of the events its
/// reports were in that an earlier one has not kept; the rest get new ids.
/// Events left without reports are deleted. Returns how many events there
/// were before, less how many there are after.
fn recluster(conn: &Connection, caches: &mut Caches, seeds: &[i64]) -> Result<usize> {
    let (mut events, mut links_of) = component(conn, seeds)?;
    events.sort_unstable();
    let mut reports: Vec<merge::Report<'static>> = Vec::new();
    for &e in &events {
        materialize(conn, e)?;
        reports.extend(load_reports(conn, caches, "r.event_id = ?1", e)?);
    }
    let index: HashMap<i64, usize> = reports.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut links = Vec::new();
    for &e in &events {
        for (a, b, score) in links_of.remove(&e).unwrap_or_default() {
            if let (Some(&a), Some(&b)) = (index.get(&a), index.get(&b)) {
                links.push(merge::Link { a, b, score });
            }
        }
    }
    let mut groups = merge::cluster(&reports, &links);
    // Groups whose reports were in the oldest events choose first.
    let oldest = |g: &Vec<usize>| g.iter().map(|&m| reports[m].event_id).min().unwrap_or(i64::MAX);
    groups.sort_by_key(|g| (oldest(g), g[0]));
    let mut kept: std::collections::HashSet<i64> = std::collections::HashSet::new();
    let mut sizes: HashMap<i64, usize> = HashMap::new();
    for r in &reports {
        *sizes.entry(r.event_id).or_default() += 1;
    }
    for group in &groups {
        let mut own: Vec<i64> = group.iter().map(|&m| reports[m].event_id).collect();
        own.sort_unstable();
        own.dedup();
        // An event the change did not touch, whole and alone in its group, stays as it is.
        if let [same] = own[..] {
            if !seeds.contains(&same) && sizes[&same] == group.len() && !kept.contains(&same) {
                kept.insert(same);
                continue;
            }
        }
        let part: Vec<&merge::Report<'_>> = group.iter().map(|&m| &reports[m]).collect();
        let derived = merge::derive(&part);
        let id = match own.into_iter().find(|e| !kept.contains(e)) {
            Some(id) => {
                update_event(conn, caches, id, &derived)?;
                id
            }
            None => insert_event(conn, caches, derived)?,
        };
        kept.insert(id);
        for r in part.iter().filter(|r| r.event_id != id) {
            conn.prepare_cached("UPDATE reports SET event_id = ?1 WHERE id = ?2")?.execute([id, r.id])?;
        }
    }
    let mut gone = 0;
    for e in events.iter().filter(|e| !kept.contains(e)) {
        conn.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([*e])?;
        gone += 1;
    }
    Ok(gone)
}

/// The columns `report_row` reads, from `report_fields r JOIN articles a`
/// (the view gives a report's fields, whether kept in it or in its event).
const REPORT_COLUMNS: &str = "r.id, r.event_id, r.article_id, a.name, a.published, a.source, r.ordinal, r.kind, \
    r.status, r.date_start, r.date_end, r.precision, r.date_text, r.place, r.speaker, r.quote, r.count, r.qualifier, \
    r.cumulative, r.actors, r.terms";

/// Stored reports matching `condition` (on `r`, with the one value `?1`), in id order, described.
fn load_reports(
    conn: &Connection,
    caches: &mut Caches,
    condition: &str,
    value: i64,
) -> Result<Vec<merge::Report<'static>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {REPORT_COLUMNS} FROM report_fields r JOIN articles a ON a.id = r.article_id WHERE {condition} ORDER BY r.id"
    ))?;
    let mut rows = stmt.query([value])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(report_row(row)?);
    }
    drop(rows);
    for r in &mut out {
        describe(conn, caches, r)?;
    }
    Ok(out)
}

/// What `merge::ruled_out` reads of stored report `id` (its article, kind,
/// status and place, described), from its row and its event's: the rest of
/// a candidate, its actors and its article, is read only when that leaves
/// a link possible. None if there is no such report.
fn sketch_report(conn: &Connection, caches: &mut Caches, id: i64) -> Result<Option<merge::Report<'static>>> {
    let row = conn
        .prepare_cached("SELECT article_id, kind, status, place FROM report_fields WHERE id = ?1")?
        .query_row([id], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?, row.get(3)?))
        })
        .optional()?;
    let Some((article_id, kind, status, place)) = row else { return Ok(None) };
    let bad = |what: &str, e: String| StoreError::Refused(format!("stored {what} is invalid: {e}"));
    let mut event =
        Event::new(kind.parse().map_err(|e| bad("kind", e))?, status.parse().map_err(|e| bad("status", e))?);
    event.place = place;
    let mut r = merge::Report {
        id,
        event_id: 0,
        article_id,
        article: String::new(),
        published: None,
        source: None,
        ordinal: 0,
        event: Cow::Owned(event),
        terms: None,
        speaker: None,
        place: None,
        governed: Vec::new(),
    };
    if let Some(name) = r.event.place.as_deref() {
        r.place = kind_and_country(conn, &mut caches.places, "places", name, merge::place_from)?;
    }
    Ok(Some(r))
}

fn report_row(row: &Row) -> Result<merge::Report<'static>> {
    let mut event = event_fields(row, 7)?;
    event.actors = merge::actors_from_json(&row.get::<_, String>(19)?);
    let published: Option<String> = row.get(4)?;
    Ok(merge::Report {
        id: row.get(0)?,
        event_id: row.get(1)?,
        article_id: row.get(2)?,
        article: row.get(3)?,
        published: published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
        source: row.get(5)?,
        ordinal: row.get(6)?,
        event: Cow::Owned(event),
        terms: row.get(20)?,
        speaker: None,
        place: None,
        governed: Vec::new(),
    })
}

/// Rows for INSERT statements of many rows each: a statement run once per
/// row cost more than storing the row (binding, opening the table, ending
/// the statement), and an article writes about a hundred rows.
struct Rows<'a> {
    /// `INSERT ... INTO table (columns)`.
    target: &'static str,
    width: usize,
    values: Vec<ToSqlOutput<'a>>,
}

/// Rows per statement of `Rows::insert` (the rest go one by one).
const ROWS_PER_STATEMENT: usize = 16;

/// Rows a connection writes to a table one by one before `Rows::insert`
/// prepares the statement of `ROWS_PER_STATEMENT` rows for it. Preparing
/// that statement (16 rows of up to 20 values, parsed and planned) cost
/// more than the one-row statement saves on the few chunks of one article:
/// a 3 KB article writes 24 reports, 27 mentions, 56 merge keys and 47
/// event actors, and the five statements of 16 rows were 1.85 M of the
/// 82.5 M instructions of its ingest into 1M events. A bulk load passes
/// this after its first articles.
const ONE_BY_ONE_UP_TO: usize = 64;

impl<'a> Rows<'a> {
    fn new(target: &'static str, width: usize) -> Rows<'a> {
        Rows { target, width, values: Vec::new() }
    }

    fn int(&mut self, v: i64) {
        self.values.push(ToSqlOutput::Owned(rusqlite::types::Value::Integer(v)));
    }

    fn opt_int(&mut self, v: Option<i64>) {
        self.values.push(v.map_or(ToSqlOutput::Owned(rusqlite::types::Value::Null), |v| {
            ToSqlOutput::Owned(rusqlite::types::Value::Integer(v))
        }));
    }

    fn text(&mut self, v: Option<&'a str>) {
        self.values.push(v.map_or(ToSqlOutput::Owned(rusqlite::types::Value::Null), |v| {
            ToSqlOutput::Borrowed(ValueRef::Text(v.as_bytes()))
        }));
    }

    /// An event's or a report's fields, in the order of `event_fields`:
    /// kind, status, date_start, date_end, precision, date_text, place,
    /// speaker, quote, count, qualifier, cumulative.
    fn fields(&mut self, e: &'a Event) {
        self.text(Some(e.kind.as_str()));
        self.text(Some(e.status.as_str()));
        self.owned(e.date.map(|d| d.start.to_string()));
        self.owned(e.date.map(|d| d.end.to_string()));
        self.text(e.date.map(|d| d.precision.as_str()));
        self.text(e.date_text.as_deref());
        self.text(e.place.as_deref());
        self.text(e.speaker.as_deref());
        self.text(e.quote.as_deref());
        self.opt_int(stored_count(e.count));
        self.text(e.qualifier.map(|q| q.as_str()));
        self.int(e.cumulative as i64);
    }

    fn owned(&mut self, v: Option<String>) {
        self.values.push(ToSqlOutput::Owned(v.map_or(rusqlite::types::Value::Null, rusqlite::types::Value::Text)));
    }

    /// Runs the inserts. OR FAIL (in `target`): a failed row undoes nothing
    /// else, so SQLite keeps no statement journal (it copied every page an
    /// insert touched: a sixth of ingest time); the transaction or the
    /// article's savepoint undoes a failure.
    fn insert(self, conn: &Connection, caches: &mut Caches) -> Result<()> {
        if self.values.is_empty() {
            return Ok(());
        }
        let written = caches.rows_written.entry(self.target).or_default();
        *written += self.values.len() / self.width;
        let row = format!("({})", vec!["?"; self.width].join(", "));
        // Up to `ONE_BY_ONE_UP_TO` rows, every row is in `chunks`' remainder.
        let per_statement = if *written > ONE_BY_ONE_UP_TO { ROWS_PER_STATEMENT } else { usize::MAX / self.width };
        let mut chunks = self.values.chunks_exact(self.width * per_statement);
        // Prepared only when there are that many rows, and only once the
        // connection has written more than `ONE_BY_ONE_UP_TO` to the table.
        if chunks.len() > 0 {
            let mut many = conn.prepare_cached(&format!(
                "{} VALUES {}",
                self.target,
                vec![row.as_str(); ROWS_PER_STATEMENT].join(", ")
            ))?;
            for chunk in &mut chunks {
                many.execute(rusqlite::params_from_iter(chunk))?;
            }
        }
        let mut one = conn.prepare_cached(&format!("{} VALUES {row}", self.target))?;
        for chunk in chunks.remainder().chunks_exact(self.width) {
            one.execute(rusqlite::params_from_iter(chunk))?;
        }
        Ok(())
    }
}

const INSERT_REPORTS: &str =
    "INSERT OR FAIL INTO reports (id, event_id, article_id, ordinal, kind, status, date_start, \
    date_end, precision, date_text, place, speaker, quote, count, qualifier, cumulative, actors, terms, in_event)";
const INSERT_MENTIONS: &str =
    "INSERT OR FAIL INTO mention_spans (report_id, article_id, start_byte, end_byte, sentence)";
const INSERT_EVENTS: &str =
    "INSERT OR FAIL INTO events (id, kind, status, date_start, date_end, precision, date_text, \
    place, speaker, quote, count, qualifier, cumulative, sources, outlets, first_reported, count_low, count_high, \
    conflicts, place_id)";
const INSERT_EVENT_ACTORS: &str = "INSERT OR FAIL INTO event_actors (event_id, actor_id, role, position)";
const INSERT_KEYS: &str = "INSERT OR IGNORE INTO merge_keys (report_id, key, day, last)";

fn stored_count(c: Option<u64>) -> Option<i64> {
    c.map(|c| c.min(i64::MAX as u64) as i64)
}

/// Inserts reports (each under its own `id`, of event `event_id`) with their
/// mentions. A report that is an event of its own (`event_id = id`, its
/// event already stored) keeps its fields in that event alone (`in_event`,
/// migration 0007); `materialize` copies them back before the event changes.
fn insert_reports(
    conn: &Connection,
    caches: &mut Caches,
    reports: &[merge::Report<'_>],
    clean_text: &str,
) -> Result<()> {
    let actors: Vec<String> = reports
        .iter()
        .map(|r| if r.event_id == r.id { String::new() } else { merge::actors_json(&r.event.actors) })
        .collect();
    let mut rows = Rows::new(INSERT_REPORTS, 19);
    let mut mentions = Rows::new(INSERT_MENTIONS, 5);
    for (r, actors) in reports.iter().zip(&actors) {
        let e = &*r.event;
        let alone = r.event_id == r.id;
        rows.int(r.id);
        rows.int(r.event_id);
        rows.int(r.article_id);
        rows.int(r.ordinal);
        if alone {
            rows.text(Some(e.kind.as_str()));
            rows.text(Some(e.status.as_str()));
            (0..9).for_each(|_| rows.opt_int(None));
            rows.int(0);
            // Its event's `event_actors` (see `report_fields`).
            rows.text(Some("[]"));
        } else {
            rows.fields(e);
            rows.text(Some(actors));
        }
        rows.text(r.terms.as_deref());
        rows.int(alone as i64);
        for m in &e.mentions {
            mentions.int(r.id);
            mentions.int(r.article_id);
            mentions.int(m.start as i64);
            mentions.int(m.end as i64);
            // The sentence is kept only when it is not the slice of clean_text the offsets name (see 0002).
            mentions.text((clean_text.get(m.start..m.end) != Some(m.sentence.as_str())).then_some(&m.sentence));
        }
    }
    rows.insert(conn, caches)?;
    mentions.insert(conn, caches)
}

/// Writes the fields of the reports that keep them in event `event_id`
/// (`in_event`) into the reports themselves: before that event is derived
/// again, deleted, or its report moves to another event.
fn materialize(conn: &Connection, event_id: i64) -> Result<()> {
    conn.prepare_cached(
        "UPDATE reports SET (date_start, date_end, precision, date_text, place, speaker, quote, count, qualifier,
                             cumulative, actors, in_event)
                          = (SELECT r.date_start, r.date_end, r.precision, r.date_text, r.place, r.speaker, r.quote,
                                    r.count, r.qualifier, r.cumulative, r.actors, 0
                               FROM report_fields r WHERE r.id = reports.id)
          WHERE event_id = ?1 AND in_event = 1",
    )?
    .execute([event_id])?;
    Ok(())
}

/// Adds an article's reports, just stored with their mentions, to the
/// full-text index, reading them through the `evidence` view: the text a
/// report is removed with later is what the same view gives (see 0008).
fn index_evidence(conn: &Connection, article_id: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO evidence_fts (rowid, sentences, quote)
         SELECT report_id, sentences, quote FROM evidence WHERE article_id = ?1",
    )?
    .execute([article_id])?;
    Ok(())
}

/// Sets the id sequence of reports and events after both tables' highest.
fn start_ids(conn: &Connection, caches: &mut Caches) -> Result<()> {
    caches.next_id = conn.query_row(
        "SELECT max((SELECT ifnull(max(id), 0) FROM reports), (SELECT ifnull(max(id), 0) FROM events)) + 1",
        [],
        |r| r.get(0),
    )?;
    Ok(())
}

fn take_id(caches: &mut Caches) -> i64 {
    caches.next_id += 1;
    caches.next_id - 1
}

/// Stores stored reports' merge keys.
fn insert_keys(conn: &Connection, caches: &mut Caches, reports: &[merge::Report<'_>]) -> Result<()> {
    let mut rows = Rows::new(INSERT_KEYS, 4);
    for r in reports {
        let Some((first, last)) = r.window() else { continue };
        for key in r.keys() {
            [r.id, key, first, last].into_iter().for_each(|v| rows.int(v));
        }
    }
    rows.insert(conn, caches)
}

/// Inserts derived events (with their actors) under the ids given.
fn insert_events(conn: &Connection, caches: &mut Caches, events: &[(i64, merge::Derived<'_>)]) -> Result<()> {
    let mut rows = Rows::new(INSERT_EVENTS, 20);
    let mut actors = Rows::new(INSERT_EVENT_ACTORS, 4);
    for (id, d) in events {
        rows.int(*id);
        let place_id = place_id(conn, caches, d.event.place.as_deref())?;
        rows.values.extend(event_values(d, place_id));
        event_actor_rows(conn, caches, &mut actors, *id, &d.event.actors)?;
    }
    rows.insert(conn, caches)?;
    actors.insert(conn, caches)
}

/// Inserts a derived event with its actors; returns its id.
fn insert_event(conn: &Connection, caches: &mut Caches, d: merge::Derived<'_>) -> Result<i64> {
    let id = take_id(caches);
    insert_events(conn, caches, &[(id, d)])?;
    Ok(id)
}

/// Writes a derived event's fields and actors over event `id`.
fn update_event(conn: &Connection, caches: &mut Caches, id: i64, d: &merge::Derived<'_>) -> Result<()> {
    let mut values = event_values(d, place_id(conn, caches, d.event.place.as_deref())?);
    values.push(ToSqlOutput::Owned(rusqlite::types::Value::Integer(id)));
    conn.prepare_cached(
        "UPDATE events SET kind = ?1, status = ?2, date_start = ?3, date_end = ?4, precision = ?5, date_text = ?6,
                place = ?7, speaker = ?8, quote = ?9, count = ?10, qualifier = ?11, cumulative = ?12, sources = ?13,
                outlets = ?14, first_reported = ?15, count_low = ?16, count_high = ?17, conflicts = ?18, place_id = ?19
          WHERE id = ?20",
    )?
    .execute(rusqlite::params_from_iter(values.iter()))?;
    conn.prepare_cached("DELETE FROM event_actors WHERE event_id = ?1")?.execute([id])?;
    let mut actors = Rows::new(INSERT_EVENT_ACTORS, 4);
    event_actor_rows(conn, caches, &mut actors, id, &d.event.actors)?;
    actors.insert(conn, caches)
}

/// A derived event's columns after `id`, in the order of `INSERT_EVENTS`.
fn event_values<'a>(d: &'a merge::Derived<'_>, place_id: Option<i64>) -> Vec<ToSqlOutput<'a>> {
    let e = &*d.event;
    let mut rows = Rows::new(INSERT_EVENTS, 19);
    rows.fields(e);
    rows.int(d.sources);
    rows.int(d.outlets);
    rows.owned(d.first_reported.map(|p| p.to_string()));
    rows.opt_int(stored_count(d.count_low));
    rows.opt_int(stored_count(d.count_high));
    rows.text(d.conflicts.as_deref());
    rows.opt_int(place_id);
    rows.values
}

/// The `places.id` of the place named `name`, if the stored dictionaries know it.
fn place_id(conn: &Connection, caches: &mut Caches, name: Option<&str>) -> Result<Option<i64>> {
    let Some(name) = name else { return Ok(None) };
    let key = name.to_lowercase();
    if let Some(id) = caches.place_ids.get(&key) {
        return Ok(*id);
    }
    let id =
        conn.prepare_cached("SELECT id FROM places WHERE name = ?1")?.query_row([name], |r| r.get(0)).optional()?;
    caches.place_ids.insert(key, id);
    Ok(id)
}

/// An event's actors as `event_actors` rows: each actor once in each role, in order.
fn event_actor_rows<'a>(
    conn: &Connection,
    caches: &mut Caches,
    rows: &mut Rows<'a>,
    event_id: i64,
    actors: &'a [EventActor],
) -> Result<()> {
    let mut seen = Vec::new();
    for actor in actors {
        let id = actor_id(conn, &mut caches.actor_ids, &actor.name)?;
        if seen.contains(&(id, actor.role)) {
            continue;
        }
        rows.int(event_id);
        rows.int(id);
        rows.text(Some(actor.role.as_str()));
        rows.int(seen.len() as i64);
        seen.push((id, actor.role));
    }
    Ok(())
}

/// The `merge_pending` entry of `meta`, if any.
fn merge_pending(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([MERGE_PENDING_KEY], |r| r.get(0))
        .optional()?)
}

/// Terms for statements stored without them (by the migration to reports),
/// from their quote and sentences, and merge keys for reports without them
/// (those of an interrupted bulk load, or of the migration); returns how
/// many reports got keys.
fn key_unkeyed_reports(conn: &Connection, caches: &mut Caches, dict: &Dictionaries) -> Result<usize> {
    let ids: Vec<i64> = conn
        .prepare(
            "SELECT r.id FROM reports r
              WHERE NOT EXISTS (SELECT 1 FROM merge_keys k WHERE k.report_id = r.id)
                 OR (r.kind = 'statement' AND r.terms IS NULL)
              ORDER BY r.id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut computed = 0;
    for id in ids {
        let Some(mut r) = load_reports(conn, caches, "r.id = ?1", id)?.pop() else { continue };
        if r.event.kind == Kind::Statement && r.terms.is_none() {
            let sentences: Vec<String> = conn
                .prepare_cached(
                    "SELECT COALESCE(m.sentence, CAST(substr(CAST(a.clean_text AS BLOB), m.start_byte + 1,
                                                             m.end_byte - m.start_byte) AS TEXT))
                       FROM mention_spans m JOIN articles a ON a.id = m.article_id WHERE m.report_id = ?1 ORDER BY m.id",
                )?
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let event = r.event.to_mut();
            event.mentions = sentences.into_iter().map(|sentence| Mention { sentence, start: 0, end: 0 }).collect();
            r.terms = merge::terms(&r.event, dict);
            conn.prepare_cached("UPDATE reports SET terms = ?1 WHERE id = ?2")?.execute(params![r.terms, id])?;
        }
        if r.window().is_some() {
            insert_keys(conn, caches, std::slice::from_ref(&r))?;
            computed += 1;
        }
    }
    Ok(computed)
}

/// Links every pair of stored reports the rules allow, reading the merge
/// keys in order: reports whose keys meet (`merge::meet`) and whose days
/// overlap are candidates. Groups of linked reports become one event each
/// (`merge::cluster`; the lowest event id of a group stays). Returns how
/// many events merged into others.
///
/// Candidates are judged in the order of their days, with only the reports
/// of the days around in memory (a million would not fit), and a light copy
/// kept of those some pair links.
fn link_all_reports(conn: &Connection, caches: &mut Caches) -> Result<usize> {
    // Without links every event is one report: the groups can be made here,
    // from the links found now, without reading events back.
    let singletons = !conn.query_row("SELECT EXISTS (SELECT 1 FROM report_links)", [], |r| r.get::<_, bool>(0))?;
    let mut pairs = {
        // In the order of `merge_keys_by_bucket`, read without sorting (`KEYS_IN_ORDER`).
        let mut stmt = conn.prepare(KEYS_IN_ORDER)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        let mut failed = None;
        let pairs =
            merge::candidate_pairs(rows.map_while(|row| row.map_err(|e| failed = Some(e)).ok()), KEY_BUCKET_DAYS);
        if let Some(e) = failed {
            return Err(e.into());
        }
        pairs
    };
    pairs.sort_unstable();
    let senses = caches.senses();
    let mut open: HashMap<i64, merge::Report<'static>> = HashMap::new();
    let mut kept: HashMap<i64, usize> = HashMap::new();
    let mut reports: Vec<merge::Light> = Vec::new();
    let mut compatible: Vec<merge::Link> = Vec::new();
    let mut horizon = i64::MIN;
    for &(day, a, b) in &pairs {
        if day > horizon {
            // Pairs come in the order of their later report's first day, and
            // the other's days end at most a day before it: reports whose
            // days ended before that are done with.
            open.retain(|_, r| r.window().is_some_and(|w| w.1 + 1 >= day));
            horizon = day;
        }
        for id in [a, b] {
            if let std::collections::hash_map::Entry::Vacant(slot) = open.entry(id) {
                if let Some(r) = load_reports(conn, caches, "r.id = ?1", id)?.pop() {
                    slot.insert(r);
                }
            }
        }
        let (Some(ra), Some(rb)) = (open.get(&a), open.get(&b)) else { continue };
        let Some(score) = merge::score(ra, rb, &senses) else { continue };
        let mut index = |r: &merge::Report<'static>| {
            *kept.entry(r.id).or_insert_with(|| {
                reports.push(merge::Light::of(r));
                reports.len() - 1
            })
        };
        let (ia, ib) = (index(ra), index(rb));
        compatible.push(merge::Link { a: ia, b: ib, score });
    }
    drop(open);
    let links = merge::select_links(&reports, &compatible);
    let ids: Vec<i64> = reports.iter().map(|r| r.id).collect();
    insert_links(conn, &links, &ids)?;
    let mut components = merge::Groups::new(reports.len());
    for l in &links {
        components.join(l.a, l.b);
    }
    // Each component's links, by its representative.
    let mut links_of: HashMap<usize, Vec<merge::Link>> = HashMap::new();
    for l in &links {
        let root = components.find(l.a);
        links_of.entry(root).or_default().push(*l);
    }
    let mut merged = 0;
    let mut done: std::collections::HashSet<i64> = std::collections::HashSet::new();
    for members in components.members().into_iter().filter(|m| m.len() > 1) {
        if !singletons {
            // Events that already hold several reports: derived again whole, with their other links.
            let seeds: Vec<i64> = members.iter().map(|&m| reports[m].event_id).filter(|e| !done.contains(e)).collect();
            if !seeds.is_empty() {
                let events = component_events(conn, &seeds)?;
                done.extend(events.iter().copied());
                merged += recluster(conn, caches, &events)?;
            }
            continue;
        }
        // Read again whole (only a light copy of each was kept).
        let mut part: Vec<merge::Report<'_>> = Vec::with_capacity(members.len());
        for &m in &members {
            part.extend(load_reports(conn, caches, "r.id = ?1", reports[m].id)?);
        }
        let position: HashMap<usize, usize> = members.iter().enumerate().map(|(i, &m)| (m, i)).collect();
        let part_links: Vec<merge::Link> = links_of
            .get(&components.find(members[0]))
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|l| merge::Link { a: position[&l.a], b: position[&l.b], score: l.score })
            .collect();
        for group in merge::cluster(&part, &part_links).into_iter().filter(|g| g.len() > 1) {
            for &m in &group {
                materialize(conn, part[m].event_id)?;
            }
            let target = group.iter().map(|&m| part[m].event_id).min().unwrap_or_default();
            for r in group.iter().map(|&m| &part[m]) {
                if r.event_id != target {
                    conn.prepare_cached("UPDATE reports SET event_id = ?1 WHERE id = ?2")?.execute([target, r.id])?;
                    conn.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([r.event_id])?;
                    merged += 1;
                }
            }
            let full: Vec<&merge::Report<'_>> = group.iter().map(|&m| &part[m]).collect();
            update_event(conn, caches, target, &merge::derive(&full))?;
        }
    }
    Ok(merged)
}

/// The events linked, directly or through others, to the events `seeds` (themselves included).
fn component_events(conn: &Connection, seeds: &[i64]) -> Result<Vec<i64>> {
    Ok(component(conn, seeds)?.0)
}

/// A stored link (`a`, `b`, `score`).
type StoredLink = (i64, i64, u32);

/// Each event's links from its reports, by event.
type LinksOf = HashMap<i64, Vec<StoredLink>>;

/// `component_events`, with each event's links from its reports (`l.a`),
/// as `recluster` reads them: the scan that finds the linked events reads
/// them already, and reading them again was a row of SQLite per link.
fn component(conn: &Connection, seeds: &[i64]) -> Result<(Vec<i64>, LinksOf)> {
    // Each once: a seed given twice would have its reports read, and
    // clustered, twice (the linking pass of a database with links gave the
    // events of its groups' members, one per member).
    let mut seen: std::collections::HashSet<i64> = std::collections::HashSet::new();
    let mut events: Vec<i64> = seeds.iter().copied().filter(|e| seen.insert(*e)).collect();
    let mut next = 0;
    let mut own: std::collections::HashSet<i64> = std::collections::HashSet::new();
    let mut outside: Vec<i64> = Vec::new();
    let mut links: LinksOf = HashMap::new();
    while next < events.len() {
        let event = events[next];
        next += 1;
        // The event's reports, then the other ends of their links both ways
        // (each read from an index alone): only an end outside the event
        // is looked up for its event. Joining every link to its other
        // report to ask for its event read a row of `reports` per link,
        // and an event that many articles reported has most of its links
        // inside it (10,000 of them for 200 reports).
        own.clear();
        for id in conn.prepare_cached("SELECT id FROM reports WHERE event_id = ?1")?.query_map([event], |r| r.get(0))? {
            own.insert(id?);
        }
        outside.clear();
        let mut from_event: Vec<StoredLink> = Vec::new();
        let mut stmt = conn.prepare_cached(
            "SELECT l.a, l.b, l.score FROM reports r JOIN report_links l ON l.a = r.id WHERE r.event_id = ?1",
        )?;
        let rows = stmt.query_map([event], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, u32>(2)?)))?;
        for row in rows {
            let link = row?;
            if !own.contains(&link.1) {
                outside.push(link.1);
            }
            from_event.push(link);
        }
        drop(stmt);
        links.insert(event, from_event);
        let mut stmt =
            conn.prepare_cached("SELECT l.a FROM reports r JOIN report_links l ON l.b = r.id WHERE r.event_id = ?1")?;
        for id in stmt.query_map([event], |r| r.get::<_, i64>(0))? {
            let id = id?;
            if !own.contains(&id) {
                outside.push(id);
            }
        }
        drop(stmt);
        outside.sort_unstable();
        outside.dedup();
        let mut event_of = conn.prepare_cached("SELECT event_id FROM reports WHERE id = ?1")?;
        for &id in &outside {
            if let Some(e) = event_of.query_row([id], |r| r.get::<_, i64>(0)).optional()? {
                if seen.insert(e) {
                    events.push(e);
                }
            }
        }
    }
    Ok((events, links))
}

/// The file part of a stored path: a JSON Lines record's path is `FILE:LINE`,
/// and a record that moved to another line of the same file is the same source.
fn source_file(path: &str) -> &str {
    match path.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => path,
    }
}

/// Chronicle once named a file in a subfolder by its file name alone; it now
/// names it by its path in the folder given (`x/story.txt`). An article of
/// that kind, stored under the old name (`story.txt`) from the same path, is
/// renamed to the new one, so that ingesting the folder again recognises it
/// instead of storing it twice. Returns it as `write_article` reads it.
fn adopt_file_name(conn: &Connection, a: &Article) -> Result<Option<(i64, String, Option<String>)>> {
    let (Some((_, file_name)), Some(path)) = (a.name.rsplit_once('/'), a.path.as_deref()) else { return Ok(None) };
    // Only a name made from a path in a folder: its last part is the file's
    // own name (a JSON Lines id such as "wire/2013/abc" is not).
    if Path::new(path).file_name().and_then(|n| n.to_str()) != Some(file_name) {
        return Ok(None);
    }
    let old: Option<(i64, String, Option<String>)> = conn
        .prepare_cached("SELECT id, content_hash, path FROM articles WHERE name = ?1")?
        .query_row([file_name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some(old) = old.filter(|(_, _, p)| p.as_deref().map(source_file) == Some(source_file(path))) else {
        return Ok(None);
    };
    conn.prepare_cached("UPDATE articles SET name = ?1 WHERE id = ?2")?.execute(params![a.name, old.0])?;
    Ok(Some(old))
}

/// The deferred indexes as (`meta` key, `CREATE INDEX` statement).
fn deferred(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT key, value FROM meta WHERE substr(key, 1, ?1) = ?2 ORDER BY key")?;
    let rows =
        stmt.query_map(params![DEFERRED_INDEX_KEY.len() as i64, DEFERRED_INDEX_KEY], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Builds the deferred indexes inside the caller's transaction; returns how many.
fn build_deferred(conn: &Connection) -> Result<usize> {
    let pending = deferred(conn)?;
    for (key, sql) in &pending {
        conn.execute_batch(sql).context(|| format!("building index {}", &key[DEFERRED_INDEX_KEY.len()..]))?;
        conn.execute("DELETE FROM meta WHERE key = ?1", [key])?;
    }
    Ok(pending.len())
}

/// The id of the actor named `name`, created (kind `unknown`) when no dictionary knows it.
fn actor_id(conn: &Connection, cache: &mut HashMap<String, i64>, name: &str) -> Result<i64> {
    let key = name.to_ascii_lowercase();
    if let Some(id) = cache.get(&key) {
        return Ok(*id);
    }
    let id: i64 = conn
        .prepare_cached(
            "INSERT INTO actors (name, kind) VALUES (?1, 'unknown')
             ON CONFLICT (name) DO UPDATE SET name = name RETURNING id",
        )?
        .query_row([name], |r| r.get(0))?;
    cache.insert(key, id);
    Ok(id)
}

/// Reads a row into `cells`, reusing their text buffers: a streamed result
/// allocates once per column, not once per cell (a million-row export read
/// about 14 million cells).
fn read_cells(row: &Row, cells: &mut Vec<Cell>, n: usize) -> Result<()> {
    cells.resize(n, Cell::Null);
    for (i, cell) in cells.iter_mut().enumerate() {
        match row.get_ref(i)? {
            ValueRef::Null => *cell = Cell::Null,
            ValueRef::Integer(v) => *cell = Cell::Int(v),
            ValueRef::Real(v) => *cell = Cell::Real(v),
            ValueRef::Text(t) => {
                // Valid UTF-8 is checked in one pass; only invalid text takes the lossy path.
                let text = std::str::from_utf8(t).map_or_else(|_| String::from_utf8_lossy(t), Cow::Borrowed);
                match cell {
                    Cell::Text(s) => {
                        s.clear();
                        s.push_str(&text);
                    }
                    other => *other = Cell::Text(text.into_owned()),
                }
            }
            ValueRef::Blob(b) => *cell = Cell::Blob(b.to_vec()),
        }
    }
    Ok(())
}

/// Runs `f` again while SQLite says the database is busy, for up to the busy
/// timeout. For the switch to WAL: SQLite answers it with "database is locked"
/// at once, without calling the busy handler, while another process holds the
/// file, which happens whenever several processes open a new database together.
fn retry_while_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = std::time::Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match f() {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// Turns SQLite's codes into messages that name the path.
fn classify(path: &Path, e: rusqlite::Error, ctx: impl FnOnce() -> String) -> StoreError {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(NotADatabase) => StoreError::NotADatabase(path.to_path_buf()),
        Some(ReadOnly) => StoreError::ReadOnly(path.to_path_buf()),
        Some(DiskFull) => StoreError::DiskFull(path.to_path_buf()),
        Some(CannotOpen) if path.parent().is_some_and(|p| !p.as_os_str().is_empty() && !p.exists()) => {
            StoreError::NoFolder(path.to_path_buf())
        }
        _ => StoreError::Sqlite { context: ctx(), error: e },
    }
}

/// `file:PATH?immutable=1`, with the characters a URI gives meaning to escaped.
fn immutable_uri(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// A non-empty file that does not start with SQLite's header is not ours to open.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let Ok(mut f) = std::fs::File::open(path) else { return Ok(()) };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    if n > 0 && (n < 16 || head != *b"SQLite format 3\0") {
        return Err(StoreError::NotADatabase(path.to_path_buf()));
    }
    Ok(())
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The content hash that makes ingestion idempotent: the text and the
/// metadata given with it, so that the same input is recognised as unchanged.
pub fn content_hash(article: &Article) -> String {
    let mut h = Sha256::new();
    for part in [
        Some(article.text.as_str()),
        article.published.map(|d| d.to_string()).as_deref(),
        article.source.as_deref(),
        article.url.as_deref(),
        article.title.as_deref(),
    ] {
        h.update(part.unwrap_or("").as_bytes());
        h.update([0u8, part.is_some() as u8]);
    }
    crate::dict::hex(&h.finalize())
}

fn actor_kind(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "person",
        ActorKind::Government => "government",
        ActorKind::Organisation => "organisation",
        ActorKind::ArmedGroup => "armed_group",
        ActorKind::Country => "country",
        ActorKind::Agency => "agency",
    }
}

fn place_kind(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Capital => "capital",
        PlaceKind::City => "city",
        PlaceKind::Region => "region",
        PlaceKind::Venue => "venue",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateOrigin;
    use chrono::Datelike;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sample() -> Prepared {
        let article =
            Article { name: "a.txt".into(), text: "Lavrov met Kerry in Geneva.".into(), ..Article::default() };
        let mut talks = Event::new(Kind::Talks, Status::Happened);
        talks.date = Some(DateSpan { start: d("2013-11-18"), end: d("2013-11-24"), precision: Precision::Week });
        talks.place = Some("Geneva".into());
        talks.actors = vec![
            EventActor { name: "Sergei Lavrov".into(), role: Role::Participant },
            EventActor { name: "John Kerry".into(), role: Role::Participant },
        ];
        talks.mentions = vec![Mention { sentence: article.text.clone(), start: 0, end: 27 }];
        let extraction = Extraction {
            clean_text: article.text.clone(),
            title: None,
            published: Some(d("2013-11-20")),
            published_origin: DateOrigin::Given,
            events: vec![talks],
        };
        prepared_of(article, extraction)
    }

    /// An article ready to store, as ingest prepares it.
    fn prepared_of(article: Article, extraction: Extraction) -> Prepared {
        Prepared {
            content_hash: content_hash(&article),
            article,
            extraction,
            dict_hash: "test".into(),
            terms: Vec::new(),
        }
    }

    struct Rows(Vec<Vec<Cell>>);
    impl RowWriter for Rows {
        fn header(&mut self, _: &[String]) -> std::io::Result<()> {
            Ok(())
        }
        fn row(&mut self, cells: &[Cell]) -> std::io::Result<()> {
            self.0.push(cells.to_vec());
            Ok(())
        }
        fn finish(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn schema(store: &Store) -> Vec<(String, String, Option<String>)> {
        let mut stmt = store.conn.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
    }

    /// A bulk load drops the query-only indexes of an empty database and
    /// builds them back at the end, to the same schema as a database that
    /// kept them; a database with articles keeps its indexes.
    #[test]
    fn bulk_load_defers_query_indexes_and_builds_them_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut kept = Store::open(&dir.path().join("kept.db"), Access::ReadWrite).unwrap();
        kept.write_batch(&[sample()], "now", false).unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        assert!(store.defer_query_indexes().unwrap());
        // Every name in the list is an index of the schema: the list cannot drift from the migrations.
        // The query indexes and the full-text index.
        assert_eq!(store.deferred_indexes().unwrap().len(), QUERY_INDEXES.len() + 1);
        let names: Vec<String> = schema(&store).into_iter().map(|(_, n, _)| n).collect();
        assert!(QUERY_INDEXES.iter().all(|i| !names.iter().any(|n| n == i)), "{names:?}");
        store.write_batch(&[sample()], "now", false).unwrap();
        assert_eq!(store.build_deferred_indexes().unwrap(), QUERY_INDEXES.len() + 1);
        let found = EventFilter { text: Some("Geneva".into()), ..EventFilter::default() };
        assert_eq!(store.events(&found, |_| Ok(())).unwrap(), 1);
        assert!(store.deferred_indexes().unwrap().is_empty());
        assert_eq!(schema(&store), schema(&kept));
        // Not empty any more: nothing is deferred.
        assert!(!store.defer_query_indexes().unwrap());
        assert_eq!(schema(&store), schema(&kept));
    }

    /// The candidate search of one article reads `merge_keys_by_bucket` by
    /// bucket, key and days (never the table), so the query must repeat the
    /// index's expression exactly (`KEY_BUCKET_DAYS`).
    #[test]
    fn merge_key_look_ups_go_through_the_bucket_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        let sql: String = store
            .conn
            .query_row("SELECT sql FROM sqlite_schema WHERE name = 'merge_keys_by_bucket'", [], |r| r.get(0))
            .unwrap();
        assert!(sql.contains(&format!("day / {KEY_BUCKET_DAYS}")), "{sql}");
        assert!(KEYS_IN_BUCKET.contains(&format!("day / {KEY_BUCKET_DAYS} = ?1")), "{KEYS_IN_BUCKET}");
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {KEYS_IN_BUCKET}"))
            .unwrap()
            .query_map(params![1, 2, 3, 4, 5], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(plan.len(), 1, "{plan:?}");
        assert!(
            plan[0].starts_with("SEARCH merge_keys USING COVERING INDEX merge_keys_by_bucket (<expr>=? AND key=?"),
            "{plan:?}"
        );
        // The linking pass reads the index in its order: no sort.
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {KEYS_IN_ORDER}"))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(plan, ["SCAN merge_keys USING COVERING INDEX merge_keys_by_bucket"]);
    }

    /// A bulk load that stops before building its indexes (killed, or failed)
    /// leaves them to the next read-write open, which builds them first.
    #[test]
    fn interrupted_bulk_load_has_its_indexes_built_on_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut store = Store::open(&path, Access::ReadWrite).unwrap();
        let complete = schema(&store);
        assert!(store.defer_query_indexes().unwrap());
        store.write_batch(&[sample()], "now", false).unwrap();
        drop(store);
        // Readers work meanwhile, without the indexes, and say what is missing.
        let reader = Store::open(&path, Access::ReadOnly).unwrap();
        assert_eq!(reader.deferred_indexes().unwrap().len(), QUERY_INDEXES.len() + 1);
        let filter = EventFilter { actor: Some("Lavrov".into()), ..EventFilter::default() };
        assert_eq!(reader.events(&filter, |_| Ok(())).unwrap(), 1);
        // A search would find nothing yet: it says so instead.
        let search = EventFilter { text: Some("Geneva".into()), ..EventFilter::default() };
        let err = reader.events(&search, |_| Ok(())).unwrap_err().to_string();
        assert!(err.contains("full-text index") && err.contains("db upgrade"), "{err}");
        drop(reader);
        let store = Store::open(&path, Access::ReadWrite).unwrap();
        assert!(store.deferred_indexes().unwrap().is_empty());
        assert_eq!(store.events(&search, |_| Ok(())).unwrap(), 1);
        assert_eq!(schema(&store), complete);
    }

    /// A batch is written without savepoints; when an article fails, the batch
    /// is written again one savepoint per article, and only that one is lost.
    #[test]
    fn one_failing_article_in_a_batch_loses_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        store.sync_dictionaries(&Dictionaries::builtin().unwrap()).unwrap();
        store
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.articles WHEN NEW.name = 'bad.txt'
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let named = |name: &str| {
            let mut p = sample();
            p.article.name = name.into();
            p
        };
        let out = store.write_batch(&[named("a.txt"), named("bad.txt"), named("c.txt")], "now", false).unwrap();
        assert_eq!(out[0], Outcome::New { events: 1, mentions: 1, merged: 0 });
        assert!(matches!(&out[1], Outcome::Failed(e) if e.contains("refused")), "{:?}", out[1]);
        // c.txt reports the same talks as a.txt: one event, two reports.
        assert_eq!(out[2], Outcome::New { events: 1, mentions: 1, merged: 1 });
        let count = |sql: &str| store.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(count("SELECT count(*) FROM articles"), 2);
        assert_eq!(count("SELECT count(*) FROM reports"), 2);
        assert_eq!(count("SELECT count(*) FROM events"), 1);
        assert_eq!(count("SELECT sources FROM events"), 2);
        assert_eq!(count("SELECT count(*) FROM event_actors"), 2);
    }

    /// Full-text search (migration 0008) needs FTS5 in the SQLite that
    /// rusqlite's `bundled` feature compiles.
    #[test]
    fn bundled_sqlite_has_fts5() {
        let conn = Connection::open_in_memory().unwrap();
        let enabled: bool =
            conn.query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| r.get(0)).unwrap();
        assert!(enabled, "SQLite {} was compiled without FTS5", rusqlite::version());
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(x); INSERT INTO t VALUES ('the Geneva conference');")
            .unwrap();
        let n: i64 =
            conn.query_row("SELECT count(*) FROM t WHERE t MATCH '\"Geneva conference\"'", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }

    /// A change of the dictionaries that leaves the actors and places alone
    /// (a word class, a trigger) copies nothing again: the stored places
    /// keep their ids, and only `meta.dict_hash` follows the dictionaries.
    #[test]
    fn other_dictionary_edits_do_not_copy_actors_and_places_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        let builtin = Dictionaries::builtin().unwrap();
        assert!(store.sync_dictionaries(&builtin).unwrap());
        assert!(!store.sync_dictionaries(&builtin).unwrap());
        let meta = |store: &Store, key: &str| -> String {
            store.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).unwrap()
        };
        assert_eq!(meta(&store, "dict_hash"), builtin.fingerprint);
        let mut words = builtin.clone();
        words.places.reverse(); // would give the places other ids if they were copied
        words.fingerprint.push_str("-words");
        assert!(!store.sync_dictionaries(&words).unwrap());
        assert_eq!(meta(&store, "dict_hash"), words.fingerprint);
        assert_eq!(meta(&store, "lexicon_hash"), builtin.lexicon_fingerprint);
        let first: String = store.conn.query_row("SELECT name FROM places WHERE id = 1", [], |r| r.get(0)).unwrap();
        assert_eq!(first, builtin.places[0].name);
    }

    /// Places are copied anew when the dictionaries change, under other ids:
    /// events follow them, and lose the link to a place no dictionary has.
    #[test]
    fn dictionary_changes_link_events_to_places_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        let builtin = Dictionaries::builtin().unwrap();
        store.sync_dictionaries(&builtin).unwrap();
        store.write_batch(&[sample()], "now", false).unwrap();
        let linked = |store: &Store| -> (Option<i64>, Option<i64>) {
            store
                .conn
                .query_row("SELECT e.place_id, (SELECT id FROM places WHERE name = 'Geneva') FROM events e", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .unwrap()
        };
        let (before, place) = linked(&store);
        assert!(before.is_some());
        assert_eq!(before, place);
        let mut reversed = builtin.clone();
        reversed.places.reverse();
        reversed.lexicon_fingerprint.push_str("-reversed");
        assert!(store.sync_dictionaries(&reversed).unwrap());
        let (event, place) = linked(&store);
        assert_ne!(event, before, "Geneva kept its id: the test shows nothing");
        assert_eq!(event, place);
        let mut without = builtin.clone();
        without.places.retain(|p| p.name != "Geneva");
        without.lexicon_fingerprint.push_str("-without-geneva");
        assert!(store.sync_dictionaries(&without).unwrap());
        assert_eq!(linked(&store), (None, None));
        // The foreign key holds throughout, and is on again.
        let broken: i64 =
            store.conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(broken, 0);
        let on: bool = store.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert!(on);
    }

    /// Migration 0009 rebuilds `reports` and `events` to spell their kind
    /// check without an IN list: a database of schema 8 keeps every row,
    /// its views read as before, and the check still refuses a wrong kind.
    #[test]
    fn a_database_of_schema_8_keeps_its_reports_and_events_through_0009() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        {
            let conn = Connection::open(&path).unwrap();
            for (_, sql) in &MIGRATIONS[..8] {
                conn.execute_batch(sql).unwrap();
            }
            conn.execute_batch(
                "PRAGMA user_version = 8;
                 INSERT INTO articles (id, name, content_hash, clean_text, ingested_at, published, published_origin)
                     VALUES (1, 'a.txt', 'h1', 'Lavrov met Kerry in Geneva.', 'now', '2013-11-20', 'given'),
                            (2, 'b.txt', 'h2', 'Kerry and Lavrov met.', 'now', '2013-11-20', 'given');
                 INSERT INTO actors (id, name, kind) VALUES (1, 'Sergei Lavrov', 'person');
                 INSERT INTO events (id, kind, status, date_start, date_end, precision, place, sources, outlets)
                     VALUES (1, 'talks', 'happened', '2013-11-20', '2013-11-20', 'day', 'Geneva', 2, 2);
                 INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (1, 1, 'participant', 0);
                 INSERT INTO reports (id, event_id, article_id, ordinal, kind, status, date_start, place, actors, in_event)
                     VALUES (1, 1, 1, 0, 'talks', 'happened', '2013-11-20', 'Geneva', '[[\"Sergei Lavrov\",\"participant\"]]', 0),
                            (2, 1, 2, 0, 'talks', 'happened', '2013-11-20', NULL, '[[\"Sergei Lavrov\",\"participant\"]]', 0);
                 INSERT INTO mention_spans (report_id, article_id, start_byte, end_byte) VALUES (1, 1, 0, 27), (2, 2, 0, 21);",
            )
            .unwrap();
        }
        let store = Store::open(&path, Access::ReadWrite).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let count = |sql: &str| store.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(count("SELECT count(*) FROM reports"), 2);
        assert_eq!(count("SELECT count(*) FROM report_fields WHERE place = 'Geneva'"), 1);
        assert_eq!(count("SELECT count(*) FROM mentions WHERE event_id = 1"), 2);
        assert_eq!(count("SELECT sources FROM timeline WHERE id = 1"), 2);
        assert_eq!(count("SELECT count(*) FROM event_actors WHERE event_id = 1"), 1);
        let stored = store.event(1).unwrap();
        assert_eq!(stored.event.place.as_deref(), Some("Geneva"));
        assert_eq!(stored.articles.len(), 2);
        assert_eq!(store.reports(1).unwrap().len(), 2);
        let listed: i64 = count(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('reports', 'events') AND sql NOT LIKE '%kind IN (%'",
        );
        assert_eq!(listed, 2, "no IN list left in their checks");
        for index in ["reports_by_article", "reports_by_event", "events_by_date", "events_by_status", "events_by_place"]
        {
            assert_eq!(count(&format!("SELECT count(*) FROM sqlite_schema WHERE name = '{index}'")), 1, "{index}");
        }
        let refused = store.conn.execute("INSERT INTO events (id, kind, status) VALUES (9, 'parade', 'happened')", []);
        assert!(refused.is_err(), "the check still holds");
    }

    #[test]
    fn stores_reads_back_and_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut store = Store::open(&path, Access::ReadWrite).unwrap();
        store.sync_dictionaries(&Dictionaries::builtin().unwrap()).unwrap();
        let item = sample();
        assert_eq!(
            store.write_batch(std::slice::from_ref(&item), "now", false).unwrap(),
            vec![Outcome::New { events: 1, mentions: 1, merged: 0 }]
        );
        assert_eq!(store.write_batch(std::slice::from_ref(&item), "now", false).unwrap(), vec![Outcome::Unchanged]);
        let stored = store.event(1).unwrap();
        assert_eq!(stored.event, item.extraction.events[0]);
        assert_eq!(stored.articles[0].0, "a.txt");

        let filter = EventFilter { actor: Some("lavrov".into()), ..EventFilter::default() };
        let mut found = Vec::new();
        store
            .events(&filter, |e| {
                found.push(e);
                Ok(())
            })
            .unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].event, item.extraction.events[0]);
        assert_eq!(store.count_events(&filter).unwrap(), 1);

        let later = EventFilter { since: Some(d("2013-11-25")), ..EventFilter::default() };
        assert_eq!(store.events(&later, |_| Ok(())).unwrap(), 0);
        assert_eq!(store.count_events(&later).unwrap(), 0);
    }

    /// Every event in date order is read in id order and sorted by SQLite;
    /// a limit or `streamed` reads through `events_by_date`. Both give the same
    /// events in the same order (dated by day then id, undated last), each
    /// with its actors and mentions, in order, as stored: quotes, backslashes,
    /// line breaks and non-ASCII text survive the JSON the rows carry them in.
    #[test]
    fn every_event_sorted_by_sqlite_reads_as_through_the_date_index() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        let article = |name: &str, text: &str, days: &[Option<&str>]| {
            let article = Article { name: name.into(), text: text.into(), ..Article::default() };
            let events = days
                .iter()
                .enumerate()
                .map(|(i, day)| {
                    let mut e = Event::new(Kind::Statement, Status::Happened);
                    e.date = day.map(|day| DateSpan { start: d(day), end: d(day), precision: Precision::Day });
                    e.actors = vec![
                        EventActor { name: format!("Zoë \"{i}\""), role: Role::Speaker },
                        EventActor { name: "A\\B".into(), role: Role::Subject },
                    ];
                    e.quote = Some(format!("line one\nline {i}"));
                    e.mentions = vec![
                        Mention { sentence: text.into(), start: 0, end: text.len() },
                        Mention { sentence: format!("not the slice: «{i}»"), start: 0, end: 1 },
                    ];
                    e
                })
                .collect();
            let extraction = Extraction {
                clean_text: text.into(),
                title: None,
                published: None,
                published_origin: DateOrigin::Unknown,
                events,
            };
            prepared_of(article, extraction)
        };
        let batch = [
            article("a.txt", "Şam said \"no\".\n", &[Some("2014-01-05"), None, Some("2013-02-01")]),
            article("b.txt", "Ünal\\said yes.", &[Some("2013-02-01"), Some("2012-12-31"), None]),
        ];
        store.write_batch(&batch, "now", false).unwrap();
        let read = |filter: EventFilter| {
            let mut found = Vec::new();
            store
                .events(&filter, |e| {
                    found.push((e.id, e.event, e.articles));
                    Ok(())
                })
                .unwrap();
            found
        };
        let sorted = read(EventFilter::default());
        assert_eq!(sorted.iter().map(|e| e.0).collect::<Vec<_>>(), vec![5, 3, 4, 1, 2, 6]);
        assert_eq!(sorted, read(EventFilter { streamed: true, ..EventFilter::default() }));
        assert_eq!(sorted, read(EventFilter { limit: Some(100), ..EventFilter::default() }));
        // The report reads its listed events again by id, through the same stream.
        let chosen = read(EventFilter { ids: Some(vec![6, 1, 4]), order: Order::Id, ..EventFilter::default() });
        assert_eq!(chosen.iter().map(|e| e.0).collect::<Vec<_>>(), vec![1, 4, 6]);
        assert_eq!(chosen[1], sorted[2]);
        let stored: Vec<&Event> = batch.iter().flat_map(|p| &p.extraction.events).collect();
        for (id, event, articles) in &sorted {
            assert_eq!(event, stored[*id as usize - 1], "event {id}");
            let name = if *id <= 3 { "a.txt" } else { "b.txt" };
            assert_eq!(articles, &vec![(name.to_string(), None); 2], "event {id}");
        }
    }

    /// The view computes ISO weeks without strftime's %G and %V (SQLite 3.46+),
    /// so that older sqlite3 shells can read it; it must agree with chrono on
    /// every day, year ends included.
    #[test]
    fn timeline_week_labels_without_strftime_g_v_match_iso_weeks() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        store.write_batch(&[sample()], "now", false).unwrap();
        let days: Vec<NaiveDate> = d("1999-12-20").iter_days().take(366 * 30).collect();
        let tx = store.conn.transaction().unwrap();
        for day in &days {
            let end = *day + chrono::Days::new(13);
            tx.execute(
                "INSERT INTO events (kind, status, date_start, date_end, precision)
                 VALUES ('talks', 'happened', ?1, ?2, 'week')",
                params![day.to_string(), end.to_string()],
            )
            .unwrap();
        }
        tx.commit().unwrap();
        let mut stmt = store
            .conn
            .prepare("SELECT date_start, date, date_end FROM timeline WHERE precision = 'week' AND id > 1 ORDER BY id")
            .unwrap();
        let rows: Vec<(String, String, String)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
        assert_eq!(rows.len(), days.len());
        let label = |d: NaiveDate| format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week());
        for ((start, date, date_end), day) in rows.iter().zip(&days) {
            assert_eq!(start, &day.to_string());
            assert_eq!(date, &label(*day), "{day}");
            assert_eq!(date_end, &label(*day + chrono::Days::new(13)), "{day}");
        }
    }

    /// The view's `articles` takes a shortcut for an event one article
    /// reports; with several it lists each once, sorted by name.
    #[test]
    fn timeline_articles_list_every_article_of_an_event_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        let named = |name: &str, place: &str| {
            let mut p = sample();
            p.article.name = name.into();
            p.extraction.events[0].place = Some(place.into());
            p
        };
        store.write_batch(&[named("b.txt", "Geneva"), named("c.txt", "Vienna")], "now", false).unwrap();
        let articles = |store: &Store, id: i64| -> String {
            store.conn.query_row("SELECT articles FROM timeline WHERE id = ?1", [id], |r| r.get(0)).unwrap()
        };
        assert_eq!(articles(&store, 1), "b.txt");
        assert_eq!(articles(&store, 2), "c.txt");
        // The same talks in Geneva, reported again by a.txt: one event of two articles.
        store.write_batch(&[named("a.txt", "Geneva")], "now", false).unwrap();
        assert_eq!(articles(&store, 1), "a.txt; b.txt");
        assert_eq!(articles(&store, 2), "c.txt");
    }

    #[test]
    fn changed_content_replaces_events() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), Access::ReadWrite).unwrap();
        let item = sample();
        store.write_batch(std::slice::from_ref(&item), "now", false).unwrap();
        let mut changed = sample();
        changed.article.text.push_str(" Again.");
        changed.content_hash = content_hash(&changed.article);
        assert_eq!(
            store.write_batch(&[changed], "now", false).unwrap(),
            vec![Outcome::Replaced(Replaced {
                events: 1,
                mentions: 1,
                removed_events: 1,
                removed_mentions: 1,
                previous_path: None,
                merged: 0,
            })]
        );
        let counts: HashMap<_, _> = store.counts().unwrap().into_iter().collect();
        assert_eq!((counts["articles"], counts["events"], counts["mentions"]), (1, 1, 1));
    }

    /// A new, empty database opened read-only, with the folder that holds it.
    fn empty_read_only() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(Store::open(&path, Access::ReadWrite).unwrap());
        let store = Store::open(&path, Access::ReadOnly).unwrap();
        (dir, store)
    }

    #[test]
    fn user_query_refuses_writes() {
        let (_dir, store) = empty_read_only();
        for sql in [
            "INSERT INTO meta VALUES ('a', 'b')",
            "DELETE FROM articles",
            "DROP TABLE events",
            "ATTACH 'x.db' AS x",
            "PRAGMA writable_schema=1",
            "WITH x AS (SELECT 1) DELETE FROM events",
            "SELECT 1; DELETE FROM events",
        ] {
            let err = store.user_query(sql, &[], &mut Rows(Vec::new())).unwrap_err();
            assert!(matches!(err, StoreError::Refused(_)), "{sql}: {err}");
        }
        let mut rows = Rows(Vec::new());
        store.user_query("SELECT :n + 1", &[("n".into(), "41".into())], &mut rows).unwrap();
        assert_eq!(rows.0, vec![vec![Cell::Int(42)]]);
    }

    /// `ATTACH 'a' || '.db'` reached the authorizer as an action rusqlite
    /// cannot name (its file name is an expression), and the authorizer let
    /// it through; only the limit of no attached database stopped it. Each of
    /// the two guards now stops it alone.
    #[test]
    fn attach_with_a_computed_name_is_stopped_by_the_authorizer_and_by_the_limit_alone() {
        use rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED;
        let (dir, mut store) = empty_read_only();
        let attach = format!("ATTACH '{}' || '.db' AS z", dir.path().join("a").display());
        // The authorizer alone.
        store.conn.set_limit(SQLITE_LIMIT_ATTACHED, 10).unwrap();
        let err = store.user_query(&attach, &[], &mut Rows(Vec::new())).unwrap_err();
        assert!(matches!(err, StoreError::Refused(_)), "{err}");
        // The limit alone.
        store.conn.set_limit(SQLITE_LIMIT_ATTACHED, 0).unwrap();
        store.authorize(false).unwrap();
        let err = store.conn.execute_batch(&attach).unwrap_err();
        assert!(err.to_string().contains("too many attached databases"), "{err}");
        assert!(!dir.path().join("a.db").exists());
    }

    /// `--timeout` counts the time spent inside SQLite, not the time between
    /// rows (a pager, a slow pipe).
    #[test]
    fn step_clock_counts_only_time_inside_steps() {
        let clock = StepClock { limit: Duration::from_millis(20), state: Mutex::default() };
        assert!(!clock.expired());
        clock.start();
        clock.stop();
        std::thread::sleep(Duration::from_millis(40));
        assert!(!clock.expired(), "time outside a step counted");
        clock.start();
        std::thread::sleep(Duration::from_millis(40));
        assert!(clock.expired());
        clock.stop();
        assert!(!clock.expired(), "no step is running");
    }

    /// Rows are read into reused buffers: no value may leak from one row into
    /// the next, and invalid UTF-8 still reads as replacement characters.
    #[test]
    fn streamed_rows_reuse_buffers_without_carrying_values_over() {
        let (_dir, store) = empty_read_only();
        let mut rows = Rows(Vec::new());
        let sql = "SELECT 'a long first value', 1 UNION ALL SELECT NULL, 'b' UNION ALL SELECT 'c', NULL
                   UNION ALL SELECT CAST(x'ff41' AS TEXT), 2.5";
        store.user_query(sql, &[], &mut rows).unwrap();
        let text = |s: &str| Cell::Text(s.to_string());
        assert_eq!(
            rows.0,
            vec![
                vec![text("a long first value"), Cell::Int(1)],
                vec![Cell::Null, text("b")],
                vec![text("c"), Cell::Null],
                vec![text("\u{fffd}A"), Cell::Real(2.5)],
            ]
        );
    }
}
