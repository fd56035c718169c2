//! Reading inputs: files, folders (with their `index.tsv`), standard input and
//! JSON Lines, turned into [`Article`]s.
//!
//! Inputs are found first (cheap: paths only), then loaded one by one, so a
//! folder of a million files or a JSON Lines file of a million records never
//! sits in memory at once. A bad input is an [`InputError`] naming the file
//! (and line) and the run goes on with the rest.
//!
//! Encoding choices (documented in the README):
//! - a UTF-8 byte-order mark is stripped; UTF-16 with a byte-order mark is decoded;
//! - invalid UTF-8 is decoded lossily (U+FFFD) with a warning naming the first bad byte;
//! - a NUL byte means a binary file, which is refused;
//! - CRLF and lone CR line ends become LF;
//! - an empty or whitespace-only text is refused;
//! - HTML (a `.html`/`.htm` name, or text starting with `<!doctype html` or `<html`) is turned into its visible text.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::model::Article;

/// A bad input: where (file, or file:line) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct InputError {
    pub location: String,
    pub message: String,
}

impl InputError {
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { location: location.into(), message: message.into() }
    }
}

/// Metadata given from outside the text: command line, manifest or record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

impl Meta {
    /// Fields of `self`, falling back to `other` where `self` has none.
    pub fn or(self, other: &Meta) -> Meta {
        Meta {
            published: self.published.or(other.published),
            source: self.source.or_else(|| other.source.clone()),
            url: self.url.or_else(|| other.url.clone()),
            title: self.title.or_else(|| other.title.clone()),
        }
    }
}

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct Options {
    /// Metadata from the command line, for the inputs named there.
    pub meta: Meta,
    /// The article name for standard input (default `stdin`).
    pub stdin_name: Option<String>,
    /// Largest article (or JSON Lines record) accepted, in bytes.
    pub max_bytes: u64,
    /// Today, from the clock at the command-line edge: publication dates after it are refused.
    pub today: NaiveDate,
}

/// Checks a publication date: a real calendar date, not after `today`.
pub fn parse_published(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let s = s.trim();
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a real date (expected YYYY-MM-DD, e.g. 2013-02-28)"))?;
    if date > today {
        return Err(format!("publication date {s} is in the future (today is {today})"));
    }
    Ok(date)
}

/// An input found but not yet read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    File {
        path: PathBuf,
        name: String,
        meta: Meta,
    },
    Stdin {
        name: String,
        meta: Meta,
    },
    /// A JSON Lines record, already parsed.
    Record(Article),
}

impl Pending {
    /// Where this input came from, for messages.
    pub fn location(&self) -> String {
        match self {
            Pending::File { path, .. } => path.display().to_string(),
            Pending::Stdin { name, .. } => format!("<stdin:{name}>"),
            Pending::Record(a) => a.path.clone().unwrap_or_else(|| a.name.clone()),
        }
    }
}

/// One input found on the command line or in a folder.
#[derive(Debug)]
enum Found {
    Pending(Pending),
    /// A JSON Lines file; `base` names its records that have no `id` (`BASE:LINE`).
    Jsonl {
        path: PathBuf,
        base: String,
        meta: Meta,
    },
    Error(InputError),
}

impl Pending {
    /// The article name this input will be stored under.
    pub fn name(&self) -> &str {
        match self {
            Pending::File { name, .. } | Pending::Stdin { name, .. } => name,
            Pending::Record(a) => &a.name,
        }
    }
}

/// The article names met so far in a run (`ingest`, `load`), as 128-bit
/// digests: 16 bytes a name for archives of millions of articles.
#[derive(Debug, Default)]
pub struct SeenNames(HashSet<u128>);

impl SeenNames {
    /// Whether `name` is met for the first time (it is remembered).
    pub fn first(&mut self, name: &str) -> bool {
        let digest = Sha256::digest(name.as_bytes());
        self.0.insert(u128::from_le_bytes(digest[..16].try_into().unwrap_or_default()))
    }
}

/// Iterates over every input under the given paths, JSON Lines files record
/// by record. An input whose article name an earlier input of the run already
/// has is an error, and the first is kept: two articles never share a name
/// unnoticed (the second would replace the first).
pub struct Inputs {
    found: VecDeque<Found>,
    jsonl: Option<JsonlRecords<Box<dyn BufRead>>>,
    options: Options,
    names: SeenNames,
    /// Warnings about the inputs found (manifest rows that name no input).
    warnings: Vec<String>,
}

impl Inputs {
    pub fn new(paths: &[String], options: Options) -> Self {
        let mut walk =
            Walk { visited: HashSet::new(), found: VecDeque::new(), warnings: Vec::new(), today: options.today };
        for p in paths {
            if p == "-" {
                let name = options.stdin_name.clone().unwrap_or_else(|| "stdin".into());
                walk.found.push_back(Found::Pending(Pending::Stdin { name, meta: options.meta.clone() }));
                continue;
            }
            let path = PathBuf::from(p);
            match std::fs::metadata(&path) {
                Err(e) => walk.found.push_back(Found::Error(InputError::new(p, io_message(&e)))),
                Ok(m) if m.is_dir() => {
                    walk.folder(&path, &path, &options.meta, &Manifest::new());
                }
                Ok(_) => {
                    let name = path.file_name().map_or_else(|| p.clone(), |n| n.to_string_lossy().into_owned());
                    walk.found.push_back(file_input(&path, name, options.meta.clone()));
                }
            }
        }
        Inputs { found: walk.found, jsonl: None, options, names: SeenNames::default(), warnings: walk.warnings }
    }

    /// How many inputs were found (a JSON Lines file counts once).
    pub fn len_hint(&self) -> usize {
        self.found.len()
    }

    /// Warnings about what was found, to be reported once; later calls get none.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// The input itself, or an error when its name was given before in this run.
    fn unique(&mut self, pending: Pending) -> Result<Pending, InputError> {
        if self.names.first(pending.name()) {
            return Ok(pending);
        }
        Err(InputError::new(
            pending.location(),
            format!(
                "an earlier input of this run has the same article name '{}'; skipped, the first is kept \
                 (ingest the parent folder to name files by their path in it; give JSON Lines records distinct ids)",
                pending.name()
            ),
        ))
    }

    /// How many articles there are to read: one per file, one per non-blank
    /// line of each JSON Lines file (read through once to count them); none
    /// when standard input is among them. For progress bars.
    pub fn count_articles(&self) -> Option<u64> {
        let mut total = 0;
        for found in &self.found {
            total += match found {
                Found::Pending(Pending::Stdin { .. }) => return None,
                Found::Pending(_) | Found::Error(_) => 1,
                Found::Jsonl { path, .. } => count_lines(path).ok()?,
            };
        }
        Some(total)
    }
}

impl Iterator for Inputs {
    type Item = Result<Pending, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(records) = &mut self.jsonl {
                match records.next_record(&self.options) {
                    Some(item) => return Some(item.and_then(|p| self.unique(p))),
                    None => self.jsonl = None,
                }
            }
            match self.found.pop_front()? {
                Found::Pending(Pending::Stdin { name, meta }) if stdin_is_json_lines() => {
                    // Records named `NAME:LINE` when they have no `id`, as in a file.
                    let stdin: Box<dyn BufRead> = Box::new(BufReader::new(std::io::stdin()));
                    self.jsonl = Some(JsonlRecords::new(PathBuf::from(&name), name, stdin, meta))
                }
                Found::Pending(p) => return Some(self.unique(p)),
                Found::Error(e) => return Some(Err(e)),
                Found::Jsonl { path, base, meta } => match File::open(&path) {
                    Ok(f) => self.jsonl = Some(JsonlRecords::new(path, base, Box::new(BufReader::new(f)), meta)),
                    Err(e) => return Some(Err(InputError::new(path.display().to_string(), io_message(&e)))),
                },
            }
        }
    }
}

/// The non-blank lines of a file, read in blocks.
pub fn count_lines(path: &Path) -> std::io::Result<u64> {
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; 1 << 16];
    let (mut lines, mut blank) = (0u64, true);
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(lines + u64::from(!blank));
        }
        for &b in &buf[..n] {
            if b == b'\n' {
                lines += u64::from(!blank);
                blank = true;
            } else if !b.is_ascii_whitespace() {
                blank = false;
            }
        }
    }
}

/// Whether standard input holds JSON Lines rather than one article: its first
/// character (after a byte-order mark and blank space) is `{`. Only peeks,
/// so that a plain-text article is still read whole afterwards.
fn stdin_is_json_lines() -> bool {
    match std::io::stdin().lock().fill_buf() {
        Ok(head) => looks_like_json_lines(head),
        Err(_) => false, // reading it as text reports the error
    }
}

/// Whether `head`, the start of an input, starts a JSON object.
pub fn looks_like_json_lines(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// A file found: `name` is its article name (for JSON Lines, the base of its records' default ids).
fn file_input(path: &Path, name: String, meta: Meta) -> Found {
    if has_extension(path, &["jsonl", "ndjson"]) {
        return Found::Jsonl { path: path.to_path_buf(), base: name, meta };
    }
    Found::Pending(Pending::File { path: path.to_path_buf(), name, meta })
}

fn has_extension(path: &Path, exts: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// A manifest row that applies to a file: its metadata, and where it was
/// given (`index.tsv:LINE`) for warnings.
#[derive(Clone, Debug)]
struct ManifestEntry {
    meta: Meta,
    origin: String,
}

/// Manifest rows by the path of the file they describe.
type Manifest = HashMap<PathBuf, ManifestEntry>;

/// A walk of the folders named on the command line.
struct Walk {
    visited: HashSet<PathBuf>,
    found: VecDeque<Found>,
    warnings: Vec<String>,
    today: NaiveDate,
}

impl Walk {
    /// Walks `dir` recursively in name order for `*.txt`, `*.html`, `*.htm`
    /// and `*.jsonl`, taking metadata from each folder's `index.tsv`. A file
    /// is named by its path from `root`, the folder given, with `/` between
    /// folders: a file directly in `root` keeps its plain file name.
    /// Returns the manifest rows that matched a file here or below.
    fn folder(&mut self, root: &Path, dir: &Path, cli: &Meta, inherited: &Manifest) -> HashSet<PathBuf> {
        let mut used = HashSet::new();
        let here = dir.display().to_string();
        match dir.canonicalize() {
            Ok(real) => {
                if !self.visited.insert(real.clone()) {
                    self.found.push_back(Found::Error(InputError::new(
                        here,
                        format!("folder already visited as {} (symlink loop?); skipped", real.display()),
                    )));
                    return used;
                }
            }
            Err(e) => {
                self.found.push_back(Found::Error(InputError::new(here, io_message(&e))));
                return used;
            }
        }
        let mut manifest = inherited.clone();
        let mut own_rows = Vec::new();
        let mut bad_rows = HashSet::new();
        let index = dir.join("index.tsv");
        if index.is_file() {
            for row in read_manifest(&index, self.today) {
                match row {
                    Ok((line, file, meta)) => {
                        let origin = format!("{}:{line}", index.display());
                        let Some(relative) = inside(&file) else {
                            self.warnings.push(format!(
                                "{origin}: {file}: outside the folder (manifest rows name files in their folder \
                                 or below); row ignored, nothing read"
                            ));
                            continue;
                        };
                        let key = dir.join(relative);
                        if let Some(earlier) = manifest.get(&key) {
                            self.warnings.push(format!(
                                "{origin}: {file} is listed again (also at {}); this row wins",
                                earlier.origin
                            ));
                        }
                        own_rows.push((key.clone(), origin.clone(), file));
                        manifest.insert(key, ManifestEntry { meta, origin });
                    }
                    Err((file, e)) => {
                        bad_rows.extend(file.and_then(|f| inside(&f).map(|r| dir.join(r))));
                        self.found.push_back(Found::Error(e));
                    }
                }
            }
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                self.found.push_back(Found::Error(InputError::new(here, io_message(&e))));
                return used;
            }
        };
        entries.sort();
        for path in entries {
            match std::fs::metadata(&path) {
                Err(e) => {
                    self.found.push_back(Found::Error(InputError::new(path.display().to_string(), io_message(&e))))
                }
                Ok(m) if m.is_dir() => used.extend(self.folder(root, &path, cli, &manifest)),
                // A FIFO, socket or device in a folder would block the read or never end.
                Ok(m) if !m.is_file() && has_extension(&path, ARTICLE_EXTENSIONS) => {
                    self.found.push_back(Found::Error(InputError::new(
                        path.display().to_string(),
                        "not a regular file (a FIFO, socket or device); skipped",
                    )))
                }
                Ok(_) if has_extension(&path, ARTICLE_EXTENSIONS) => {
                    if bad_rows.contains(&path) {
                        continue;
                    }
                    let entry = manifest.get(&path);
                    if entry.is_some() {
                        used.insert(path.clone());
                    }
                    let meta = entry.map(|e| e.meta.clone()).unwrap_or_default().or(cli);
                    let found = file_input(&path, relative_name(root, &path), meta);
                    self.found.push_back(found);
                }
                Ok(_) => {}
            }
        }
        for (key, origin, file) in own_rows {
            let overridden = manifest.get(&key).is_some_and(|e| e.origin != origin);
            if !used.contains(&key) && !overridden {
                let why =
                    if key.exists() { "not an article file (*.txt, *.html, *.htm, *.jsonl)" } else { "no such file" };
                self.warnings.push(format!("{origin}: {file}: {why} in {here}; row ignored"));
            }
        }
        used
    }
}

/// The file names a folder walk reads.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "html", "htm", "jsonl", "ndjson"];

/// A manifest row's file as a relative path inside its folder; `None` when it
/// could lead outside it (an absolute path, `..`).
fn inside(file: &str) -> Option<PathBuf> {
    use std::path::Component;
    let path = Path::new(file);
    let mut relative = PathBuf::new();
    for part in path.components() {
        match part {
            Component::Normal(p) => relative.push(p),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!relative.as_os_str().is_empty()).then_some(relative)
}

/// A file's article name: its path from `root`, folders joined with `/`.
fn relative_name(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(relative) => relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"),
        Err(_) => path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
    }
}

/// A row of a folder's `index.tsv`: its line, the file it names and the file's metadata.
type ManifestRow = Result<(usize, String, Meta), (Option<String>, InputError)>;

/// Reads a folder's `index.tsv`: a header row naming the columns (`file` is
/// required; `published`, `source`, `url` and `title` are used; others are
/// ignored), then one row per file. An empty `published` means unknown.
pub fn read_manifest(path: &Path, today: NaiveDate) -> Vec<ManifestRow> {
    let here = path.display().to_string();
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => return vec![Err((None, InputError::new(here, io_message(&e))))],
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines = text.lines().enumerate();
    let Some((_, header)) = lines.next() else { return Vec::new() };
    let columns: Vec<String> = header.split('\t').map(|c| c.trim().to_ascii_lowercase()).collect();
    let col = |name: &str| columns.iter().position(|c| c == name);
    let Some(file_col) = col("file") else {
        return vec![Err((None, InputError::new(format!("{here}:1"), "no `file` column in the header row")))];
    };
    let (published, source, url, title) = (col("published"), col("source"), col("url"), col("title"));
    let mut rows = Vec::new();
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let get = |c: Option<usize>| c.and_then(|c| fields.get(c)).filter(|v| !v.is_empty()).map(|v| v.to_string());
        let location = format!("{here}:{}", i + 1);
        let Some(file) = get(Some(file_col)) else {
            rows.push(Err((None, InputError::new(location, "row has no file name"))));
            continue;
        };
        let date = match get(published).map(|p| parse_published(&p, today)).transpose() {
            Ok(d) => d,
            Err(e) => {
                rows.push(Err((Some(file.clone()), InputError::new(location, format!("{file}: {e}")))));
                continue;
            }
        };
        rows.push(Ok((i + 1, file, Meta { published: date, source: get(source), url: get(url), title: get(title) })));
    }
    rows
}

/// The records of a JSON Lines input, read one line at a time: the code path
/// `ingest` and `extract` use for `*.jsonl`, public so that the fuzzer and
/// tests drive it with bytes from memory.
pub fn jsonl_records<R: BufRead>(
    path: &Path,
    reader: R,
    options: Options,
) -> impl Iterator<Item = Result<Pending, InputError>> {
    let base = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut records = JsonlRecords::new(path.to_path_buf(), base, reader, options.meta.clone());
    std::iter::from_fn(move || records.next_record(&options))
}

/// The lines of a JSON Lines input, one at a time, numbered from 1, with
/// the checks every JSON Lines reader needs: a line over the size limit is
/// skipped without being held, blank lines are skipped, a UTF-8 byte-order
/// mark is dropped and a UTF-16 input is refused once. Shared by the article
/// records (`ingest`, `extract`) and the stored-article records (`load`).
pub struct JsonLines<R> {
    path: PathBuf,
    reader: R,
    line: usize,
    buf: Vec<u8>,
    /// Where the current line starts in `buf` (after a byte-order mark).
    start: usize,
    /// Set when the rest of the input cannot be read as lines at all.
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(path: PathBuf, reader: R) -> Self {
        JsonLines { path, reader, line: 0, buf: Vec::new(), start: 0, done: false }
    }

    /// `FILE:LINE` of the current line.
    pub fn location(&self) -> String {
        format!("{}:{}", self.path.display(), self.line)
    }

    /// The line `advance` moved to: its bytes, without a byte-order mark.
    pub fn current(&self) -> &[u8] {
        &self.buf[self.start..]
    }

    /// Moves to the next non-blank line; `None` at the end of the input, an
    /// error when that line cannot be read (the next call goes on after it).
    pub fn advance(&mut self, max_bytes: u64) -> Option<Result<(), InputError>> {
        if self.done {
            return None;
        }
        loop {
            self.buf.clear();
            self.line += 1;
            let read = (&mut self.reader).take(max_bytes + 1).read_until(b'\n', &mut self.buf);
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError::new(self.location(), io_message(&e))));
                }
                Ok(0) => return None,
                Ok(_) => {}
            }
            if self.buf.len() as u64 > max_bytes && self.buf.last() != Some(&b'\n') {
                // Skip the rest of the oversized line without holding it: it may be any size.
                if let Err(e) = skip_line(&mut self.reader) {
                    self.done = true;
                    return Some(Err(InputError::new(self.location(), io_message(&e))));
                }
                return Some(Err(InputError::new(
                    self.location(),
                    format!("record is over the --max-bytes limit of {max_bytes} bytes"),
                )));
            }
            if self.line == 1 && (self.buf.starts_with(&[0xFF, 0xFE]) || self.buf.starts_with(&[0xFE, 0xFF])) {
                // JSON Lines is UTF-8 by definition; one message instead of one per line.
                self.done = true;
                return Some(Err(InputError::new(
                    self.location(),
                    "UTF-16 JSON Lines are not supported (JSON Lines is UTF-8); convert the file, e.g. with iconv",
                )));
            }
            let mut line: &[u8] = &self.buf;
            if self.line == 1 {
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.start = self.buf.len() - line.len();
            return Some(Ok(()));
        }
    }
}

/// Reads a JSON Lines file of article records one record at a time.
struct JsonlRecords<R> {
    lines: JsonLines<R>,
    meta: Meta,
    base: String,
}

impl<R: BufRead> JsonlRecords<R> {
    fn new(path: PathBuf, base: String, reader: R, meta: Meta) -> Self {
        JsonlRecords { lines: JsonLines::new(path, reader), meta, base }
    }

    fn next_record(&mut self, options: &Options) -> Option<Result<Pending, InputError>> {
        if let Err(e) = self.lines.advance(options.max_bytes)? {
            return Some(Err(e));
        }
        Some(self.parse(self.lines.current(), &self.lines.location(), options))
    }

    fn parse(&self, line: &[u8], location: &str, options: &Options) -> Result<Pending, InputError> {
        let err = |m: String| InputError::new(location, m);
        let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| err(malformed(&e)))?;
        let serde_json::Value::Object(record) = value else {
            return Err(err("a record must be a JSON object".into()));
        };
        let string = |key: &str| -> Result<Option<String>, InputError> {
            match record.get(key) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone()).filter(|s| !s.trim().is_empty())),
                Some(other) => Err(err(format!("`{key}` must be a string, not {}", json_type(other)))),
            }
        };
        let text = match record.get("text") {
            None | Some(serde_json::Value::Null) => return Err(err("record has no `text`".into())),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => return Err(err(format!("`text` must be a string, not {}", json_type(other)))),
        };
        let name = match record.get("id") {
            None | Some(serde_json::Value::Null) => format!("{}:{}", self.base, self.lines.line),
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(other) => {
                return Err(err(format!("`id` must be a non-empty string or a number, not {}", json_type(other))))
            }
        };
        let published = string("published")?.map(|p| parse_published(&p, options.today)).transpose().map_err(err)?;
        let meta =
            Meta { published, source: string("source")?, url: string("url")?, title: string("title")? }.or(&self.meta);
        let (text, _) = normalise(text, false).map_err(err)?;
        Ok(Pending::Record(article(name, Some(location.to_string()), text, meta)))
    }
}

/// A JSON error in a record, placed by its column: the file line is already
/// in the location, and serde's own "line 1" (inside the record) would only
/// confuse it.
pub(crate) fn malformed(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = text.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&text);
    if e.column() == 0 {
        format!("malformed JSON: {what}")
    } else {
        format!("malformed JSON at column {}: {what}", e.column())
    }
}

/// Consumes input up to and including the next line end, a buffer at a time.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = buf.iter().position(|b| *b == b'\n') {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        reader.consume(n);
    }
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn article(name: String, path: Option<String>, text: String, meta: Meta) -> Article {
    Article { name, path, text, published: meta.published, source: meta.source, url: meta.url, title: meta.title }
}

/// An input read and decoded, with any warnings about how.
#[derive(Debug)]
pub struct Loaded {
    pub article: Article,
    pub warnings: Vec<String>,
}

/// Reads and decodes one input.
pub fn load(pending: Pending, max_bytes: u64) -> Result<Loaded, InputError> {
    let location = pending.location();
    let err = |m: String| InputError::new(location.clone(), m);
    let (name, path, meta, bytes, html_name) = match pending {
        Pending::Record(article) => return Ok(Loaded { article, warnings: Vec::new() }),
        Pending::Stdin { name, meta } => {
            let bytes = read_limited(std::io::stdin().lock(), max_bytes).map_err(|e| err(io_message(&e)))?;
            (name, None, meta, bytes, false)
        }
        Pending::File { path, name, meta } => {
            let size = std::fs::metadata(&path).map_err(|e| err(io_message(&e)))?.len();
            if size > max_bytes {
                return Err(err(format!("file is {size} bytes, over the --max-bytes limit of {max_bytes}")));
            }
            let file = File::open(&path).map_err(|e| err(io_message(&e)))?;
            let bytes = read_limited(file, max_bytes).map_err(|e| err(io_message(&e)))?;
            let html = has_extension(&path, &["html", "htm"]);
            (name, Some(path.display().to_string()), meta, bytes, html)
        }
    };
    if bytes.len() as u64 > max_bytes {
        return Err(err(format!("input is over the --max-bytes limit of {max_bytes} bytes")));
    }
    let (text, mut warnings) = decode(&bytes).map_err(err)?;
    let is_html = html_name || crate::html::looks_like_html(&text);
    let (text, more) = normalise(text, is_html).map_err(err)?;
    warnings.extend(more);
    let warnings = warnings.into_iter().map(|w| format!("{location}: {w}")).collect();
    Ok(Loaded { article: article(name, path, text, meta), warnings })
}

fn read_limited(reader: impl Read, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(max_bytes + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Bytes → text: byte-order marks, UTF-16, binary detection, invalid UTF-8.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    let utf16 = |be: bool| -> Result<String, String> {
        let body = &bytes[2..];
        if !body.len().is_multiple_of(2) {
            return Err("UTF-16 text with an odd number of bytes".into());
        }
        let units = body.chunks_exact(2).map(|c| {
            if be {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .enumerate()
            .map(|(i, c)| c.map_err(|_| format!("invalid UTF-16 at byte {}", 2 + 2 * i)))
            .collect()
    };
    let text = if bytes.starts_with(&[0xFF, 0xFE]) {
        utf16(false)?
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        utf16(true)?
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Some(i) = bytes.iter().position(|b| *b == 0) {
            return Err(format!("binary file (NUL byte at offset {i}); not ingested"));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(e) => {
                let warning = format!(
                    "invalid UTF-8 at byte {}; bad bytes replaced with U+FFFD",
                    e.valid_up_to() + if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 }
                );
                return Ok((String::from_utf8_lossy(bytes).into_owned(), vec![warning]));
            }
        }
    };
    Ok((text, Vec::new()))
}

/// Text → article text: NUL check, HTML to text, line ends, empty check.
fn normalise(text: String, html: bool) -> Result<(String, Vec<String>), String> {
    if let Some(i) = text.find('\0') {
        return Err(format!("binary content (NUL character at offset {i}); not ingested"));
    }
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    let text = if html { crate::html::to_text(&text) } else { text };
    if text.is_empty() {
        return Err("empty file".into());
    }
    if text.trim().is_empty() {
        return Err("no text (only whitespace)".into());
    }
    Ok((text, Vec::new()))
}

/// An I/O error as a short message without the OS error number.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        InvalidData => "invalid data (not UTF-8?)".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
    }

    #[test]
    fn impossible_and_future_dates_are_refused() {
        assert!(parse_published("2013-02-30", today()).unwrap_err().contains("not a real date"));
        assert!(parse_published("2030-01-01", today()).unwrap_err().contains("future"));
        assert_eq!(parse_published(" 2013-02-28 ", today()).unwrap(), NaiveDate::from_ymd_opt(2013, 2, 28).unwrap());
    }

    #[test]
    fn decodes_boms_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().0, "abc");
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap().0, "hi");
        assert_eq!(decode(&[0xFE, 0xFF, 0, b'h', 0, b'i']).unwrap().0, "hi");
        assert!(decode(&[0xFF, 0xFE, b'h']).is_err());
    }

    #[test]
    fn binary_and_empty_are_refused_invalid_utf8_is_lossy() {
        assert!(decode(b"ab\0cd").unwrap_err().contains("binary"));
        assert!(decode(b"").unwrap_err().contains("empty"));
        let (text, warnings) = decode(b"caf\xE9 ok").unwrap();
        assert_eq!(text, "caf\u{FFFD} ok");
        assert!(warnings[0].contains("byte 3"));
        assert!(normalise(" \n\t ".into(), false).unwrap_err().contains("whitespace"));
    }

    #[test]
    fn oversized_json_lines_record_is_skipped_to_the_next_line() {
        let options = Options { meta: Meta::default(), stdin_name: None, max_bytes: 64, today: today() };
        let big = format!("{{\"text\": \"{}\"}}\n", "x".repeat(100_000));
        let input = format!("{big}{{\"id\": \"next\", \"text\": \"Kerry said so.\"}}\n{big}");
        let records: Vec<_> = jsonl_records(Path::new("a.jsonl"), input.as_bytes(), options).collect();
        assert_eq!(records.len(), 3);
        assert!(records[0].as_ref().unwrap_err().to_string().starts_with("a.jsonl:1: record is over"));
        assert!(matches!(&records[1], Ok(Pending::Record(a)) if a.name == "next"));
        assert!(records[2].as_ref().unwrap_err().to_string().starts_with("a.jsonl:3: record is over"));
    }

    #[test]
    fn standard_input_starting_with_an_object_is_json_lines() {
        assert!(looks_like_json_lines(b"{\"text\": \"Kerry said.\"}\n"));
        assert!(looks_like_json_lines(b"\xEF\xBB\xBF \n\t{\"text\": 1}"));
        assert!(!looks_like_json_lines(b"Kerry said {so}."));
        assert!(!looks_like_json_lines(b"<html>{</html>"));
        assert!(!looks_like_json_lines(b" \n "));
        assert!(!looks_like_json_lines(b""));
    }

    #[test]
    fn line_ends_become_lf() {
        assert_eq!(normalise("a\r\nb\rc".into(), false).unwrap().0, "a\nb\nc");
    }
}
