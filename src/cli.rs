//! The command line: clap definitions. Options shared by several commands
//! (output format, input metadata) are defined once and flattened in.

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::export::{Format, Style};
use crate::model::{Kind, Status};
use crate::store::Order;

#[derive(Debug, Parser)]
#[command(
    name = "chronicle",
    version,
    about = "Turn news articles into a timeline database (SQLite) of diplomatic events",
    after_help = "Examples:\n  chronicle ingest seeds/\n  chronicle events --actor Lavrov --since 2013-01\n  chronicle sql \"SELECT kind, count(*) FROM events GROUP BY kind\"\n  chronicle export events --format csv -o timeline.csv"
)]
pub struct Cli {
    /// The database file, for the commands that use one (also given after the
    /// command); `ingest` and `load` create it, the reading commands never do.
    #[arg(long, env = "CHRONICLE_DB", default_value = "chronicle.db", value_name = "PATH")]
    pub db: PathBuf,

    /// A folder of dictionary files layered on top of the built-in ones, for
    /// `ingest`, `extract` and `load` (also given after the command).
    #[arg(long, env = "CHRONICLE_DICT", value_name = "DIR")]
    pub dict: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

/// `--db` on the commands that use a database. Given there, it wins over the
/// one before the command and over `$CHRONICLE_DB`.
#[derive(Debug, Args)]
pub struct DbArg {
    /// The database file [default: $CHRONICLE_DB, else chronicle.db].
    #[arg(long = "db", value_name = "PATH")]
    pub path: Option<PathBuf>,
}

impl DbArg {
    /// This command's database: its own `--db`, else the one before the command.
    pub fn resolve(&self, global: &std::path::Path) -> PathBuf {
        self.path.clone().unwrap_or_else(|| global.to_path_buf())
    }
}

/// `--dict` on the commands that extract, and on `load`, which syncs the dictionaries' actors and places.
#[derive(Debug, Args)]
pub struct DictArg {
    /// A folder of dictionary files layered on top of the built-in ones [default: $CHRONICLE_DICT].
    #[arg(long = "dict", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract their events and store them.
    #[command(after_help = crate::cmd::ingest::EXAMPLES)]
    Ingest(IngestArgs),
    /// The timeline of events, in date order (undated last).
    #[command(after_help = crate::cmd::events::EXAMPLES)]
    Events(EventsArgs),
    /// One event with every mention (article, date, sentence).
    #[command(after_help = crate::cmd::show::EXAMPLES)]
    Show(ShowArgs),
    /// Run one read-only SQL statement.
    #[command(after_help = crate::cmd::sql::EXAMPLES)]
    Sql(SqlArgs),
    /// One self-contained HTML page: timeline, evidence, tolls, who met whom, map.
    #[command(after_help = crate::cmd::report::EXAMPLES)]
    Report(ReportArgs),
    /// Export a whole table, or the events, as CSV, JSON or JSON Lines.
    #[command(after_help = crate::cmd::export::EXAMPLES)]
    Export(ExportArgs),
    /// Extract events without a database; prints JSON Lines.
    #[command(after_help = crate::cmd::extract::EXAMPLES)]
    Extract(ExtractArgs),
    /// Store the records of `extract --articles` as `ingest` would, without extracting again.
    #[command(after_help = crate::cmd::load::EXAMPLES)]
    Load(LoadArgs),
    /// Database housekeeping.
    #[command(after_help = crate::cmd::db::EXAMPLES)]
    Db(DbArgs),
    /// Print Datasette metadata (titles, descriptions, facets) for the database.
    #[command(after_help = crate::cmd::datasette::EXAMPLES)]
    DatasetteMetadata(DatasetteArgs),
}

/// Where articles come from and the metadata given for them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Publication date of the inputs named here (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = published_date)]
    pub published: Option<NaiveDate>,
    /// Source (outlet) of the inputs named here.
    #[arg(long)]
    pub source: Option<String>,
    /// URL of the inputs named here.
    #[arg(long)]
    pub url: Option<String>,
    /// Title of the inputs named here.
    #[arg(long)]
    pub title: Option<String>,
    /// Article name for standard input (default `stdin`).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Largest article accepted, in bytes; larger inputs are refused.
    #[arg(long, value_name = "BYTES", default_value_t = 20 * 1024 * 1024)]
    pub max_bytes: u64,
}

impl InputArgs {
    /// How to read the inputs named on the command line.
    pub fn options(&self) -> crate::article::Options {
        crate::article::Options {
            meta: crate::article::Meta {
                published: self.published,
                source: self.source.clone(),
                url: self.url.clone(),
                title: self.title.clone(),
            },
            stdin_name: self.name.clone(),
            max_bytes: self.max_bytes,
            today: today(),
        }
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders (walked for *.txt, *.html, *.jsonl) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub dict: DictArg,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
    /// Threads that read, extract and store articles (default: one per core; 1 runs everything on one thread).
    /// The database and its events are the same whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
    pub jobs: Option<u64>,
    /// Re-extract and replace even articles whose content is unchanged.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, folders or `-` for standard input (the default; JSON Lines when it starts with `{`).
    #[arg(value_name = "PATH", default_value = "-")]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dict: DictArg,
    /// One record per article (its text, metadata and events) for `chronicle load`, instead of one line per event.
    #[arg(long)]
    pub articles: bool,
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Files of records from `extract --articles`, folders of them (e.g. Spark's part-* files), or `-`.
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<String>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
    /// Replace even articles whose content is unchanged (e.g. records extracted again with new dictionaries).
    #[arg(long)]
    pub force: bool,
    /// Largest record accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub dict: DictArg,
}

/// The output options every reading command shares.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, csv otherwise; with -o, from the file's extension].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Leave out the header row (rows become arrays in JSON).
    #[arg(long)]
    pub no_headers: bool,
    /// Start CSV with a UTF-8 byte-order mark (for Excel; see the README on spreadsheets).
    #[arg(long)]
    pub bom: bool,
    /// Keep CSV cells as they are: no formula neutralisation.
    #[arg(long)]
    pub raw: bool,
    #[command(flatten)]
    pub db: DbArg,
}

impl OutputArgs {
    /// The format for standard output.
    pub fn format(&self) -> Format {
        self.format.unwrap_or(if std::io::stdout().is_terminal() { Format::Table } else { Format::Csv })
    }

    /// The format for `file` (none: standard output): `--format`, else the
    /// file's extension; an extension chronicle does not know is an error,
    /// but a device or a pipe (`-o /dev/null`, a FIFO) gets CSV, as a pipe
    /// on standard output does.
    pub fn format_for(&self, file: Option<&std::path::Path>) -> Result<Format, String> {
        let special = |path: &std::path::Path| std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
        match (self.format, file) {
            (Some(f), _) => Ok(f),
            (None, None) => Ok(self.format()),
            (None, Some(path)) if Format::from_path(path).is_none() && special(path) => Ok(Format::Csv),
            (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
                format!(
                    "{}: cannot tell the format from the extension (.csv, .json, .jsonl, .xlsx); give --format",
                    path.display()
                )
            }),
        }
    }

    pub fn style(&self) -> Style {
        Style { no_headers: self.no_headers, bom: self.bom, raw: self.raw }
    }
}

/// Which event columns, in which order.
#[derive(Debug, Args)]
pub struct EventOutputArgs {
    /// Only these columns, in this order (repeatable, or comma-separated), e.g. `-c date,actors,quote`.
    #[arg(long, short = 'c', value_name = "COLUMN")]
    pub columns: Vec<String>,
    /// Row order: by date (undated last), or by id.
    #[arg(long, value_enum, default_value_t = Order::Date)]
    pub order: Order,
}

/// The filters that choose events, shared by `events` and `report`. They
/// combine with AND; `filter()` turns them into the store's `EventFilter`, so a
/// new filter is added once here and once there.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only events of this kind (talks, visit, statement, death_toll).
    #[arg(long)]
    pub kind: Option<Kind>,
    /// Only events with this actor (canonical name or alias, case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// Only events at this place (name or alias).
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// Only events ending on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = since_date)]
    pub since: Option<NaiveDate>,
    /// Only events starting on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = until_date)]
    pub until: Option<NaiveDate>,
    /// Only events with this status (happened, planned, proposed, refused, cancelled, unknown).
    #[arg(long)]
    pub status: Option<Status>,
    /// Only events mentioned in this article (its name).
    #[arg(long, value_name = "NAME")]
    pub article: Option<String>,
    #[command(flatten)]
    pub text: TextArg,
}

/// The full-text search of `events`, `report` and `export events`.
#[derive(Debug, Args)]
pub struct TextArg {
    /// Only events whose evidence sentences or quote match this full-text search
    /// (SQLite FTS5: words, "a phrase" in double quotes, OR, NOT, prefix*).
    #[arg(long, value_name = "QUERY")]
    pub text: Option<String>,
}

impl FilterArgs {
    /// The store's filter for these options, with at most `limit` events.
    pub fn filter(&self, limit: Option<u64>) -> crate::store::EventFilter {
        crate::store::EventFilter {
            kind: self.kind,
            actor: self.actor.clone(),
            place: self.place.clone(),
            since: self.since,
            until: self.until,
            status: self.status,
            article: self.article.clone(),
            text: self.text.text.clone(),
            limit,
            ..crate::store::EventFilter::default()
        }
    }
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most N events.
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub limit: Option<u64>,
    /// Every event, also on a terminal (where the table shows a screenful).
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub events: EventOutputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The HTML file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    pub output_file: PathBuf,
    /// List at most N events one by one; past that, each period lists its most
    /// reported events and counts the rest (the page says so).
    #[arg(long, value_name = "N", default_value_t = crate::report::DEFAULT_MAX_EVENTS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_events: u64,
    /// The page's title [default: a summary of the filters].
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The event's id (first column of `chronicle events`).
    #[arg(value_parser = event_id)]
    pub id: i64,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// One SQL statement that only reads.
    pub query: String,
    /// A value for the parameter :NAME in the query (repeatable).
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE", value_parser = name_value)]
    pub params: Vec<(String, String)>,
    /// Stop the query once it has run this long inside SQLite (0: no limit).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
    /// Stop the query once its temporary storage (sorting, grouping, DISTINCT)
    /// passes this size; it is kept in memory, never in files (0: no limit, spill to files).
    #[arg(long, value_name = "MB", default_value_t = 1024)]
    pub max_temp_mb: u64,
    #[command(flatten)]
    pub output: OutputArgs,
}

impl SqlArgs {
    pub fn limits(&self) -> crate::store::QueryLimits {
        crate::store::QueryLimits {
            timeout_secs: (self.timeout > 0).then_some(self.timeout),
            max_temp_mb: (self.max_temp_mb > 0).then_some(self.max_temp_mb),
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A table name (articles, events, mentions, actors, ...), `timeline`, or `events`.
    pub table: String,
    /// Write to FILE instead of standard output; its extension gives the format unless --format does.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    #[command(flatten)]
    pub events: EventOutputArgs,
    /// `export events` only.
    #[command(flatten)]
    pub text: TextArg,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct DatasetteArgs {
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Args)]
pub struct DbArgs {
    #[command(subcommand)]
    pub command: DbCommand,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Schema version, database path and row counts.
    #[command(after_help = crate::cmd::db::EXAMPLES)]
    Status(DbStatusArgs),
    /// Bring a database written by an older chronicle up to this one's schema.
    #[command(after_help = crate::cmd::db::UPGRADE_EXAMPLES)]
    Upgrade(DbUpgradeArgs),
}

#[derive(Debug, Args)]
pub struct DbStatusArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct DbUpgradeArgs {
    #[command(flatten)]
    pub db: DbArg,
}

/// Today, from the clock: the one place chronicle reads it (the command-line edge).
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn published_date(s: &str) -> Result<NaiveDate, String> {
    crate::article::parse_published(s, today())
}

/// YYYY, YYYY-MM or YYYY-MM-DD; `last` picks the last day of a year or month.
fn partial_date(s: &str, last: bool) -> Result<NaiveDate, String> {
    let bad = || format!("'{s}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok()).ok_or_else(bad);
    let year = num(0)? as i32;
    let date = match parts.len() {
        1 if last => NaiveDate::from_ymd_opt(year, 12, 31),
        1 => NaiveDate::from_ymd_opt(year, 1, 1),
        2 => {
            let first = NaiveDate::from_ymd_opt(year, num(1)?, 1);
            if last {
                first.and_then(|f| f.checked_add_months(chrono::Months::new(1))).and_then(|n| n.pred_opt())
            } else {
                first
            }
        }
        3 => NaiveDate::from_ymd_opt(year, num(1)?, num(2)?),
        _ => None,
    };
    date.ok_or_else(bad)
}

fn since_date(s: &str) -> Result<NaiveDate, String> {
    partial_date(s, false)
}

fn until_date(s: &str) -> Result<NaiveDate, String> {
    partial_date(s, true)
}

fn event_id(s: &str) -> Result<i64, String> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| format!("'{s}' is not an event id (a whole number from the first column of `chronicle events`)"))
}

fn name_value(s: &str) -> Result<(String, String), String> {
    let (name, value) = s.split_once('=').ok_or_else(|| format!("'{s}' is not NAME=VALUE"))?;
    let name = name.trim().trim_start_matches([':', '@', '$']);
    if name.is_empty() {
        return Err(format!("'{s}' has no parameter name"));
    }
    Ok((name.to_string(), value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn partial_dates_bound_intervals() {
        assert_eq!(since_date("2013").unwrap().to_string(), "2013-01-01");
        assert_eq!(until_date("2013").unwrap().to_string(), "2013-12-31");
        assert_eq!(until_date("2012-02").unwrap().to_string(), "2012-02-29");
        assert!(since_date("2013-02-30").is_err());
        assert!(since_date("soon").is_err());
    }
}
