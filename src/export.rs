//! Output formats shared by every reading command: table, CSV, JSON, JSON
//! Lines and xlsx, written once here. Rows are streamed: the generic table
//! (for a person at a terminal) holds at most `TABLE_ROWS` rows, the events
//! table a screenful, xlsx its compressed file.
//!
//! Also the event schema: one set of columns in one order ([`EVENT_COLUMNS`])
//! for `events`, `export events`, `show` and `extract`, in every format. JSON
//! and JSON Lines add `mentions`, which makes them the JSON Lines contract
//! (`id`, `kind`, `status`, `date`, `date_end`, `date_text`, `place`,
//! `actors`, `speaker`, `quote`, `count`, `qualifier`, `mentions`; other fields
//! may be added, none removed).

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::Event;

/// The output formats of reading commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Jsonl,
    Xlsx,
    /// Knight Lab's TimelineJS JSON: `export events` only (see `report::timelinejs`).
    Timelinejs,
}

impl Format {
    /// The format a file name's extension names (`.csv`, `.json`, `.jsonl`
    /// or `.ndjson`, `.xlsx`), for `-o FILE` without `--format`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// How rows are written; the same options for every reading command.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// Leave out the header row (CSV, table); rows become arrays (JSON, JSON Lines).
    pub no_headers: bool,
    /// Start CSV with a UTF-8 byte-order mark.
    pub bom: bool,
    /// Keep CSV cells as they are, without neutralising formulas.
    pub raw: bool,
}

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Bool(bool),
    /// A calendar day: a date cell in xlsx, `YYYY-MM-DD` elsewhere.
    Date(NaiveDate),
    Text(String),
    Blob(Vec<u8>),
}

impl Cell {
    /// The value as plain text (NULL is empty, a blob is hex).
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Null => Cow::Borrowed(""),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::Real(f) => Cow::Owned(f.to_string()),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Date(d) => Cow::Owned(d.to_string()),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Blob(b) => Cow::Owned(b.iter().map(|x| format!("{x:02x}")).collect()),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Null => serde_json::Value::Null,
            Cell::Int(i) => (*i).into(),
            Cell::Real(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into),
            Cell::Bool(b) => (*b).into(),
            Cell::Text(s) => s.clone().into(),
            Cell::Date(_) | Cell::Blob(_) => self.text().into_owned().into(),
        }
    }

    /// Sets the cell to `text`, reusing its buffer: a streamed export fills
    /// millions of cells, and allocates once per column instead.
    pub fn set_text(&mut self, text: &str) {
        match self {
            Cell::Text(s) => {
                s.clear();
                s.push_str(text);
            }
            other => *other = Cell::Text(text.to_string()),
        }
    }

    /// Sets the cell to `parts` joined by "; ", reusing its buffer.
    fn set_joined(&mut self, parts: &[&str]) {
        self.set_text("");
        if let Cell::Text(s) = self {
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                s.push_str(p);
            }
        }
    }
}

impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Self {
        v.map_or(Cell::Null, Cell::Text)
    }
}

/// A sink for rows: a header once, then rows, then `finish`.
pub trait RowWriter {
    fn header(&mut self, columns: &[String]) -> io::Result<()>;
    fn row(&mut self, cells: &[Cell]) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
}

/// A writer for `format` over `out`.
pub fn writer<'a>(format: Format, style: Style, out: Box<dyn Write + 'a>) -> Box<dyn RowWriter + 'a> {
    match format {
        Format::Table => Box::new(TableWriter { out, style, table: None, rows: 0 }),
        Format::Csv => {
            let out: Box<dyn Write + 'a> =
                if style.bom { Box::new(BomFirst { inner: out, pending: true }) } else { out };
            Box::new(CsvWriter { out: csv::WriterBuilder::new().from_writer(out), style })
        }
        Format::Json => Box::new(JsonWriter { out, style, columns: Vec::new(), lines: false, rows: 0 }),
        Format::Jsonl => Box::new(JsonWriter { out, style, columns: Vec::new(), lines: true, rows: 0 }),
        Format::Xlsx => Box::new(XlsxWriter::new(out, style)),
        Format::Timelinejs => Box::new(NotForRows),
    }
}

/// TimelineJS describes events, not rows: any other use is refused at the header.
struct NotForRows;

impl RowWriter for NotForRows {
    fn header(&mut self, _: &[String]) -> io::Result<()> {
        Err(io::Error::other("--format timelinejs is only for `chronicle export events`"))
    }

    fn row(&mut self, _: &[Cell]) -> io::Result<()> {
        self.header(&[])
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Makes a CSV cell safe to open in a spreadsheet (OWASP "CSV injection").
///
/// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would
/// run as a formula, so it gets a leading `'`. One exception keeps quotes
/// readable: a cell starting with a dash and a space ("- We will not go") gets
/// an en dash instead ("– We will not go"), which no spreadsheet reads as a
/// formula. Numbers from the database are written as numbers and never change.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if let Some(rest) = cell.strip_prefix("- ") {
        return Cow::Owned(format!("\u{2013} {rest}"));
    }
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Writes the UTF-8 byte-order mark before anything else (csv has no BOM option).
struct BomFirst<'a> {
    inner: Box<dyn Write + 'a>,
    pending: bool,
}

impl Write for BomFirst<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending {
            self.inner.write_all(b"\xEF\xBB\xBF")?;
            self.pending = false;
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.pending {
            self.inner.write_all(b"\xEF\xBB\xBF")?;
            self.pending = false;
        }
        self.inner.flush()
    }
}

/// The I/O error inside a csv error, so that a closed pipe stays recognisable.
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("CSV: {other:?}")),
    }
}

struct CsvWriter<'a> {
    out: csv::Writer<Box<dyn Write + 'a>>,
    style: Style,
}

impl RowWriter for CsvWriter<'_> {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        if !self.style.no_headers {
            self.out.write_record(columns).map_err(csv_io)?;
        }
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        for cell in cells {
            match cell {
                Cell::Text(s) if !self.style.raw => self.out.write_field(neutralise(s).as_bytes()).map_err(csv_io)?,
                Cell::Int(i) => {
                    // Formatted on the stack: ids and counts are three cells of every timeline row.
                    let mut digits = [0u8; 20];
                    let mut at = io::Cursor::new(&mut digits[..]);
                    write!(at, "{i}")?;
                    let len = at.position() as usize;
                    self.out.write_field(&digits[..len]).map_err(csv_io)?
                }
                other => self.out.write_field(other.text().as_bytes()).map_err(csv_io)?,
            }
        }
        self.out.write_record(None::<&[u8]>).map_err(csv_io)?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

struct JsonWriter<'a> {
    out: Box<dyn Write + 'a>,
    style: Style,
    columns: Vec<String>,
    lines: bool,
    rows: u64,
}

impl RowWriter for JsonWriter<'_> {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        self.columns = columns.to_vec();
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        if !self.lines {
            self.out.write_all(if self.rows == 0 { b"[\n" } else { b",\n" })?;
        }
        self.rows += 1;
        if self.style.no_headers {
            let values: Vec<serde_json::Value> = cells.iter().map(Cell::json).collect();
            serde_json::to_writer(&mut self.out, &values)?;
        } else {
            // Written by hand to keep the column order.
            self.out.write_all(b"{")?;
            for (i, (name, cell)) in self.columns.iter().zip(cells).enumerate() {
                if i > 0 {
                    self.out.write_all(b",")?;
                }
                serde_json::to_writer(&mut self.out, name)?;
                self.out.write_all(b":")?;
                serde_json::to_writer(&mut self.out, &cell.json())?;
            }
            self.out.write_all(b"}")?;
        }
        if self.lines {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.lines {
            self.out.write_all(if self.rows == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// Rows the generic table holds; past them it counts and says how to get the rest.
pub const TABLE_ROWS: u64 = 1000;

/// The generic table (`sql`, `export TABLE`, `show`, `db status`): boxes and
/// wrapped cells, laid out once all rows are in, so it holds at most
/// `TABLE_ROWS` of them. The events table is [`StreamTable`].
struct TableWriter<'a> {
    out: Box<dyn Write + 'a>,
    style: Style,
    table: Option<comfy_table::Table>,
    rows: u64,
}

impl TableWriter<'_> {
    fn table(&mut self) -> &mut comfy_table::Table {
        self.table.get_or_insert_with(|| {
            let mut t = comfy_table::Table::new();
            t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
            t
        })
    }
}

impl RowWriter for TableWriter<'_> {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        if !self.style.no_headers {
            self.table().set_header(columns);
        }
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        self.rows += 1;
        if self.rows <= TABLE_ROWS {
            let row: Vec<String> = cells.iter().map(|c| c.text().into_owned()).collect();
            self.table().add_row(row);
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Some(t) = self.table.take() {
            writeln!(self.out, "{t}")?;
        }
        if self.rows > TABLE_ROWS {
            writeln!(
                self.out,
                "{} more rows not shown: a table shows at most {TABLE_ROWS}; use --format csv for all",
                self.rows - TABLE_ROWS
            )?;
        }
        self.out.flush()
    }
}

/// The largest sheet a spreadsheet opens: 1,048,576 rows, the header included.
const XLSX_ROWS: u32 = 1_048_576;
/// The longest text an xlsx cell holds.
const XLSX_TEXT: usize = 32_767;

/// xlsx: numbers as numbers, days as date cells (`yyyy-mm-dd`), booleans as
/// booleans, text always as text (never a formula, whatever it starts with),
/// a frozen bold header row. The sheet streams to a temporary file
/// (`constant_memory`); the zipped workbook is written to `out` at the end.
struct XlsxWriter<'a> {
    out: Box<dyn Write + 'a>,
    style: Style,
    book: rust_xlsxwriter::Workbook,
    date: rust_xlsxwriter::Format,
    row: u32,
    failed: Option<String>,
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> io::Error {
    io::Error::other(format!("xlsx: {e}"))
}

impl<'a> XlsxWriter<'a> {
    fn new(out: Box<dyn Write + 'a>, style: Style) -> Self {
        let mut book = rust_xlsxwriter::Workbook::new();
        let failed = book.add_worksheet_with_constant_memory().err().map(|e| e.to_string());
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        XlsxWriter { out, style, book, date, row: 0, failed }
    }

    fn sheet(&mut self) -> io::Result<&mut rust_xlsxwriter::Worksheet> {
        if let Some(e) = &self.failed {
            return Err(io::Error::other(format!("xlsx: cannot create the sheet: {e}")));
        }
        self.book.worksheet_from_index(0).map_err(xlsx_error)
    }

    fn next_row(&mut self) -> io::Result<u32> {
        if self.row >= XLSX_ROWS {
            return Err(io::Error::other(format!(
                "xlsx: a sheet holds at most {XLSX_ROWS} rows; narrow the selection or use --format csv"
            )));
        }
        self.row += 1;
        Ok(self.row - 1)
    }
}

/// `s` cut to what an xlsx cell holds.
fn xlsx_text(s: &str) -> &str {
    if s.len() <= XLSX_TEXT {
        return s;
    }
    let mut end = XLSX_TEXT;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

impl RowWriter for XlsxWriter<'_> {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        let bold = rust_xlsxwriter::Format::new().set_bold();
        let no_headers = self.style.no_headers;
        let row = if no_headers { None } else { Some(self.next_row()?) };
        let sheet = self.sheet()?;
        for (i, name) in columns.iter().enumerate() {
            let col = i as u16;
            let width = match name.as_str() {
                "sentence" | "quote" | "clean_text" => 60.0,
                "actors" | "articles" | "title" | "url" | "speaker" => 30.0,
                "date_start" | "date_last" | "published" => 11.0,
                _ => (name.len() as f64 + 2.0).max(9.0),
            };
            sheet.set_column_width(col, width).map_err(xlsx_error)?;
            if let Some(row) = row {
                sheet.write_string_with_format(row, col, name, &bold).map_err(xlsx_error)?;
            }
        }
        if !no_headers {
            sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        }
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        let row = self.next_row()?;
        let date = self.date.clone();
        let sheet = self.sheet()?;
        for (i, cell) in cells.iter().enumerate() {
            let col = i as u16;
            match cell {
                Cell::Null => continue,
                // Beyond 2^53 a number loses digits in a spreadsheet: such ids stay exact as text.
                Cell::Int(v) if v.unsigned_abs() <= 1 << 53 => sheet.write_number(row, col, *v as f64),
                Cell::Real(v) => sheet.write_number(row, col, *v),
                Cell::Bool(v) => sheet.write_boolean(row, col, *v),
                Cell::Date(d) => match excel_date(*d) {
                    Some(day) => sheet.write_date_with_format(row, col, day, &date),
                    None => sheet.write_string(row, col, d.to_string()),
                },
                Cell::Text(s) => sheet.write_string(row, col, xlsx_text(s)),
                other => sheet.write_string(row, col, xlsx_text(&other.text())),
            }
            .map_err(xlsx_error)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.sheet()?;
        let bytes = self.book.save_to_buffer().map_err(xlsx_error)?;
        self.out.write_all(&bytes)?;
        self.out.flush()
    }
}

/// A day as a spreadsheet date: spreadsheets count days from 1900 to 9999.
fn excel_date(d: NaiveDate) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let year = u16::try_from(d.year()).ok().filter(|y| (1900..=9999).contains(y))?;
    rust_xlsxwriter::ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// The events table: one line per row, cells cut with "…" to fit `width`
/// (the terminal's), streamed. Column widths come from the header and the
/// first `LAYOUT_ROWS` rows, which are all it ever holds; a later, longer cell
/// is cut to its column.
pub struct StreamTable<'a> {
    out: Box<dyn Write + 'a>,
    width: Option<usize>,
    no_headers: bool,
    header: Vec<String>,
    pending: Vec<Vec<Cell>>,
    /// Set once the layout is fixed: each column's width and whether it is numeric.
    layout: Option<Vec<(usize, bool)>>,
    line: String,
}

/// Rows the events table reads before fixing its column widths.
const LAYOUT_ROWS: usize = 100;

impl<'a> StreamTable<'a> {
    /// A table whose lines are at most `width` columns (none: as wide as the cells).
    pub fn new(out: Box<dyn Write + 'a>, width: Option<usize>, no_headers: bool) -> Self {
        StreamTable {
            out,
            width,
            no_headers,
            header: Vec::new(),
            pending: Vec::new(),
            layout: None,
            line: String::new(),
        }
    }

    /// A column's share of the width the text columns split when the table is
    /// too wide: the summary gets the most; short labels (id, date, kind,
    /// status...) none, they keep their width.
    fn share(name: &str) -> Option<usize> {
        match name {
            "summary" | "sentence" | "quote" => Some(6),
            "actors" | "speaker" | "articles" | "date_text" => Some(3),
            "place" => Some(2),
            _ => None,
        }
    }

    fn lay_out(&mut self) -> io::Result<()> {
        let n = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        let mut numeric = vec![true; n];
        for row in &self.pending {
            for (i, cell) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(clean(&cell.text()).width());
                numeric[i] &= matches!(cell, Cell::Int(_) | Cell::Real(_) | Cell::Null);
            }
        }
        if let Some(total) = self.width {
            let available = total.saturating_sub(2 * n.saturating_sub(1));
            // First the text columns give up width, each down to its share; if
            // that is not enough, every column down to a few characters.
            let text_floor = |i: usize| self.header[i].width().clamp(1, 4);
            let shrink = |widths: &mut Vec<usize>, key: &dyn Fn(usize, usize) -> Option<usize>| {
                while widths.iter().sum::<usize>() > available {
                    match (0..n).filter_map(|i| key(i, widths[i]).map(|k| (k, i))).max() {
                        Some((_, i)) => widths[i] -= 1,
                        None => break,
                    }
                }
            };
            shrink(&mut widths, &|i, w| {
                Self::share(&self.header[i]).filter(|_| w > text_floor(i)).map(|share| w * 60 / share)
            });
            shrink(&mut widths, &|i, w| (w > text_floor(i)).then_some(w));
        }
        self.layout = Some(widths.into_iter().zip(numeric).collect());
        if !self.no_headers {
            let header: Vec<Cell> = self.header.iter().map(|h| Cell::Text(h.clone())).collect();
            self.write_line(&header)?;
            let rule: Vec<Cell> =
                self.layout.iter().flatten().map(|(w, _)| Cell::Text("\u{2500}".repeat(*w))).collect();
            self.write_line(&rule)?;
        }
        for row in std::mem::take(&mut self.pending) {
            self.write_line(&row)?;
        }
        Ok(())
    }

    fn write_line(&mut self, cells: &[Cell]) -> io::Result<()> {
        let Some(layout) = &self.layout else { return Ok(()) };
        self.line.clear();
        for (i, ((width, numeric), cell)) in layout.iter().zip(cells).enumerate() {
            let text = clean(&cell.text()).into_owned();
            let cut = cut_to(&text, *width);
            let pad = width.saturating_sub(cut.width());
            if i > 0 {
                self.line.push_str("  ");
            }
            if *numeric {
                self.line.extend(std::iter::repeat_n(' ', pad));
                self.line.push_str(&cut);
            } else {
                self.line.push_str(&cut);
                if i + 1 < layout.len() {
                    self.line.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        // Whatever the columns did, no line is wider than the terminal.
        let line = match self.width {
            Some(w) => cut_to(self.line.trim_end(), w),
            None => Cow::Borrowed(self.line.trim_end()),
        };
        writeln!(self.out, "{line}")
    }
}

impl RowWriter for StreamTable<'_> {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        self.header = columns.to_vec();
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        if self.layout.is_some() {
            return self.write_line(cells);
        }
        self.pending.push(cells.to_vec());
        if self.pending.len() >= LAYOUT_ROWS {
            self.lay_out()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.layout.is_none() {
            self.lay_out()?;
        }
        self.out.flush()
    }
}

/// Text on one line: control characters (line breaks, tabs) become spaces.
fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_control) {
        Cow::Owned(s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// A count with thousands separators: 1234567 as "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `s` cut to at most `width` display columns, ending in "…" when cut.
pub fn cut_to(s: &str, width: usize) -> Cow<'_, str> {
    if s.width() <= width {
        return Cow::Borrowed(s);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('\u{2026}');
    Cow::Owned(out)
}

/// One column of the event schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Id,
    Kind,
    Status,
    Date,
    DateEnd,
    DateStart,
    DateLast,
    Precision,
    DateText,
    Place,
    Actors,
    Speaker,
    Quote,
    Count,
    Qualifier,
    Cumulative,
    Sentence,
    Articles,
    /// How many articles report the event (its reports' articles, each once).
    Sources,
    /// Every mention (article, sentence, byte offsets): JSON and JSON Lines only.
    Mentions,
    /// The quote, else the first evidence sentence: what the events table shows.
    Summary,
}

const COLUMN_NAMES: &[(Column, &str)] = &[
    (Column::Id, "id"),
    (Column::Kind, "kind"),
    (Column::Status, "status"),
    (Column::Date, "date"),
    (Column::DateEnd, "date_end"),
    (Column::DateStart, "date_start"),
    (Column::DateLast, "date_last"),
    (Column::Precision, "precision"),
    (Column::DateText, "date_text"),
    (Column::Place, "place"),
    (Column::Actors, "actors"),
    (Column::Speaker, "speaker"),
    (Column::Quote, "quote"),
    (Column::Count, "count"),
    (Column::Qualifier, "qualifier"),
    (Column::Cumulative, "cumulative"),
    (Column::Sentence, "sentence"),
    (Column::Articles, "articles"),
    (Column::Sources, "sources"),
    (Column::Mentions, "mentions"),
    (Column::Summary, "summary"),
];

/// The event schema: the columns of `events` and `export events` in CSV and
/// xlsx, in this order. JSON and JSON Lines have them too, then `mentions`.
pub const EVENT_COLUMNS: &[Column] = &[
    Column::Id,
    Column::Kind,
    Column::Status,
    Column::Date,
    Column::DateEnd,
    Column::DateStart,
    Column::DateLast,
    Column::Precision,
    Column::DateText,
    Column::Place,
    Column::Actors,
    Column::Speaker,
    Column::Quote,
    Column::Count,
    Column::Qualifier,
    Column::Cumulative,
    Column::Sentence,
    Column::Articles,
    Column::Sources,
];

/// The compact view of the events table on a terminal.
pub const TABLE_COLUMNS: &[Column] =
    &[Column::Id, Column::Date, Column::Kind, Column::Status, Column::Place, Column::Actors, Column::Summary];

impl Column {
    pub fn name(self) -> &'static str {
        COLUMN_NAMES.iter().find(|(c, _)| *c == self).map_or("", |(_, n)| n)
    }

    /// The default columns of `format`.
    pub fn defaults(format: Format) -> Vec<Column> {
        match format {
            Format::Table => TABLE_COLUMNS.to_vec(),
            Format::Json | Format::Jsonl => EVENT_COLUMNS.iter().copied().chain([Column::Mentions]).collect(),
            Format::Csv | Format::Xlsx | Format::Timelinejs => EVENT_COLUMNS.to_vec(),
        }
    }

    /// Columns named in `--columns` values (each may be a comma-separated list), checked against `format`.
    pub fn parse_list(values: &[String], format: Format) -> Result<Vec<Column>, String> {
        let mut columns = Vec::new();
        for name in values.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|n| !n.is_empty()) {
            let column =
                COLUMN_NAMES.iter().find(|(_, n)| n.eq_ignore_ascii_case(name)).map(|(c, _)| *c).ok_or_else(|| {
                    let names: Vec<&str> = COLUMN_NAMES.iter().map(|(_, n)| *n).collect();
                    format!("no column named '{name}' (columns: {})", names.join(", "))
                })?;
            if column == Column::Mentions && !matches!(format, Format::Json | Format::Jsonl) {
                return Err(
                    "the column 'mentions' is only in JSON and JSON Lines; other formats have 'sentence' and 'articles'"
                        .into(),
                );
            }
            columns.push(column);
        }
        Ok(if columns.is_empty() { Column::defaults(format) } else { columns })
    }
}

/// One event in the event schema, borrowing from the event read or extracted.
#[derive(Debug)]
pub struct EventRecord<'a> {
    pub id: i64,
    pub kind: &'static str,
    pub status: &'static str,
    /// The contract's labels: `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    pub date_end: Option<String>,
    /// The first and last day of the interval `date`..`date_end` stands for.
    pub date_start: Option<NaiveDate>,
    pub date_last: Option<NaiveDate>,
    pub precision: Option<&'static str>,
    pub date_text: Option<&'a str>,
    pub place: Option<&'a str>,
    pub actors: Vec<&'a str>,
    pub speaker: Option<&'a str>,
    pub quote: Option<&'a str>,
    pub count: Option<u64>,
    pub qualifier: Option<&'static str>,
    pub cumulative: bool,
    /// The names of the articles that mention the event, each once, sorted.
    pub articles: Vec<&'a str>,
    pub mentions: Vec<MentionRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct MentionRecord<'a> {
    pub article: &'a str,
    pub sentence: &'a str,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<&'a str>,
}

/// One value of a record, as JSON writes it and as a flat cell holds it.
enum Value<'r> {
    Int(i64),
    Count(Option<u64>),
    Bool(bool),
    Text(Option<&'r str>),
    Label(Option<&'r str>),
    Day(Option<NaiveDate>),
    List(&'r [&'r str]),
    Mentions(&'r [MentionRecord<'r>]),
    Owned(Option<String>),
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Int(v) => s.serialize_i64(*v),
            Value::Count(v) => v.serialize(s),
            Value::Bool(v) => s.serialize_bool(*v),
            Value::Text(v) | Value::Label(v) => v.serialize(s),
            Value::Day(v) => v.map(|d| d.to_string()).serialize(s),
            Value::List(v) => v.serialize(s),
            Value::Mentions(v) => v.serialize(s),
            Value::Owned(v) => v.serialize(s),
        }
    }
}

impl<'a> EventRecord<'a> {
    /// The record of `event`, whose i-th mention is in the article `articles(i)`.
    pub fn new(id: i64, event: &'a Event, articles: impl Fn(usize) -> &'a str) -> Self {
        let (date, date_end) = match event.date {
            Some(span) => {
                let (a, b) = span.labels();
                (Some(a), b)
            }
            None => (None, None),
        };
        let mentions: Vec<MentionRecord<'a>> = event
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| MentionRecord {
                article: articles(i),
                sentence: &m.sentence,
                start: m.start,
                end: m.end,
                published: None,
            })
            .collect();
        let mut names: Vec<&'a str> = mentions.iter().map(|m| m.article).collect();
        names.sort_unstable();
        names.dedup();
        EventRecord {
            id,
            kind: event.kind.as_str(),
            status: event.status.as_str(),
            date,
            date_end,
            date_start: event.date.map(|d| d.start),
            date_last: event.date.map(|d| d.end),
            precision: event.date.map(|d| d.precision.as_str()),
            date_text: event.date_text.as_deref(),
            place: event.place.as_deref(),
            actors: event.actors.iter().map(|a| a.name.as_str()).collect(),
            speaker: event.speaker.as_deref(),
            quote: event.quote.as_deref(),
            count: event.count,
            qualifier: event.qualifier.map(|q| q.as_str()),
            cumulative: event.cumulative,
            articles: names,
            mentions,
        }
    }

    /// The first evidence sentence.
    pub fn sentence(&self) -> Option<&str> {
        self.mentions.first().map(|m| m.sentence)
    }

    /// What the events table shows of an event: its quote, else its first sentence.
    pub fn summary(&self) -> Option<String> {
        match self.quote {
            Some(q) => Some(format!("\u{201c}{q}\u{201d}")),
            None => self.sentence().map(String::from),
        }
    }

    fn value(&self, column: Column) -> Value<'_> {
        match column {
            Column::Id => Value::Int(self.id),
            Column::Kind => Value::Label(Some(self.kind)),
            Column::Status => Value::Label(Some(self.status)),
            Column::Date => Value::Label(self.date.as_deref()),
            Column::DateEnd => Value::Label(self.date_end.as_deref()),
            Column::DateStart => Value::Day(self.date_start),
            Column::DateLast => Value::Day(self.date_last),
            Column::Precision => Value::Label(self.precision),
            Column::DateText => Value::Text(self.date_text),
            Column::Place => Value::Text(self.place),
            Column::Actors => Value::List(&self.actors),
            Column::Speaker => Value::Text(self.speaker),
            Column::Quote => Value::Text(self.quote),
            Column::Count => Value::Count(self.count),
            Column::Qualifier => Value::Label(self.qualifier),
            Column::Cumulative => Value::Bool(self.cumulative),
            Column::Sentence => Value::Text(self.sentence()),
            Column::Articles => Value::List(&self.articles),
            Column::Sources => Value::Int(self.articles.len() as i64),
            Column::Mentions => Value::Mentions(&self.mentions),
            Column::Summary => Value::Owned(self.summary()),
        }
    }

    /// Fills `cell` with the flat value of `column`, reusing its text buffer.
    /// Lists are joined with "; ".
    fn fill(&self, column: Column, cell: &mut Cell) {
        match self.value(column) {
            Value::Int(v) => *cell = Cell::Int(v),
            Value::Count(v) => *cell = v.map_or(Cell::Null, |c| Cell::Int(c.min(i64::MAX as u64) as i64)),
            Value::Bool(v) => *cell = Cell::Bool(v),
            Value::Text(None) | Value::Label(None) | Value::Owned(None) | Value::Day(None) => *cell = Cell::Null,
            Value::Text(Some(s)) | Value::Label(Some(s)) => cell.set_text(s),
            Value::Owned(Some(s)) => *cell = Cell::Text(s),
            Value::Day(Some(d)) => *cell = Cell::Date(d),
            Value::List(items) => cell.set_joined(items),
            Value::Mentions(m) => cell.set_text(&serde_json::to_string(m).unwrap_or_default()),
        }
    }

    /// The flat value of `column`: lists joined with "; ".
    pub fn cell(&self, column: Column) -> Cell {
        let mut cell = Cell::Null;
        self.fill(column, &mut cell);
        cell
    }

    /// The record as JSON: an object of `columns`, or an array of their values.
    pub fn to_json(&self, columns: &[Column], as_array: bool) -> impl Serialize + '_ {
        Selected { record: self, columns: columns.to_vec(), as_array }
    }

    /// Writes the record (every column, in the contract's shape) as one line of
    /// JSON. The line is built in memory and written at once: serde_json writes a
    /// record in about 140 pieces, and through `dyn Write` each piece was a call
    /// through a vtable.
    pub fn write_line(&self, out: &mut dyn Write) -> io::Result<()> {
        write_json_line(&Selected { record: self, columns: Column::defaults(Format::Jsonl), as_array: false }, out)
    }

    /// `write_line`'s line without its opening `{"id":N`, appended to `line`:
    /// `chronicle extract` writes an article's lines on the thread that
    /// extracted it, before the ids (numbered across all inputs) are known.
    /// `write_line_head` writes the rest.
    pub fn write_line_after_id(&self, line: &mut Vec<u8>) -> io::Result<()> {
        let columns = Column::defaults(Format::Jsonl);
        debug_assert_eq!(columns.first(), Some(&Column::Id));
        let selected = Selected { record: self, columns, as_array: false };
        selected.write_members(line, 1)?;
        line.extend_from_slice(b"}\n");
        Ok(())
    }
}

/// The opening `{"id":N` of a JSON Lines event record that
/// `EventRecord::write_line_after_id` wrote the rest of.
pub fn write_line_head(id: i64, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\"id\":{id}")
}

fn write_json_line(value: &Selected, out: &mut dyn Write) -> io::Result<()> {
    let mut line = Vec::with_capacity(1024);
    value.write_json(&mut line)?;
    line.push(b'\n');
    out.write_all(&line)
}

/// `s` as a JSON string, as serde_json writes it. Most strings (the
/// sentences, names, labels) need no escape and are copied at once: serde_json
/// looks each byte up in its escape table, which was the largest single cost
/// of `chronicle extract` after extraction itself (the output is seven times
/// the input, mostly sentences).
fn write_json_str(line: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if !needs_escape(s.as_bytes()) {
        line.reserve(s.len() + 2);
        line.push(b'"');
        line.extend_from_slice(s.as_bytes());
        line.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(line, s).map_err(io::Error::from)
    }
}

/// Whether JSON escapes any of `bytes`: a control character, '"' or '\\'.
/// Eight bytes at a time: `x - 0x20 * ONES & !x & HIGH` is non-zero when a
/// byte of `x` is below 0x20, and with `x ^ c * ONES` when a byte is `c`.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if below(x, 0x20) | below(x ^ (ONES * u64::from(b'"')), 1) | below(x ^ (ONES * u64::from(b'\\')), 1) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// A value as serde_json writes it, with the strings through `write_json_str`.
fn write_json_value(line: &mut Vec<u8>, value: &Value) -> io::Result<()> {
    let list = |line: &mut Vec<u8>, n: usize, item: &mut dyn FnMut(&mut Vec<u8>, usize) -> io::Result<()>| {
        line.push(b'[');
        for k in 0..n {
            if k > 0 {
                line.push(b',');
            }
            item(line, k)?;
        }
        line.push(b']');
        Ok(())
    };
    match value {
        Value::Text(Some(s)) | Value::Label(Some(s)) => write_json_str(line, s),
        Value::Owned(Some(s)) => write_json_str(line, s),
        Value::Day(Some(d)) => write_json_str(line, &crate::model::day_label(*d)),
        Value::List(items) => list(line, items.len(), &mut |line, k| write_json_str(line, items[k])),
        Value::Mentions(mentions) => list(line, mentions.len(), &mut |line, k| {
            let m = &mentions[k];
            line.extend_from_slice(b"{\"article\":");
            write_json_str(line, m.article)?;
            line.extend_from_slice(b",\"sentence\":");
            write_json_str(line, m.sentence)?;
            write!(line, ",\"start\":{},\"end\":{}", m.start, m.end)?;
            if let Some(published) = m.published {
                line.extend_from_slice(b",\"published\":");
                write_json_str(line, published)?;
            }
            line.push(b'}');
            Ok(())
        }),
        _ => serde_json::to_writer(line, value).map_err(io::Error::from),
    }
}

struct Selected<'r, 'a> {
    record: &'r EventRecord<'a>,
    columns: Vec<Column>,
    as_array: bool,
}

impl Selected<'_, '_> {
    /// The JSON `serde_json::to_writer` writes for it, faster (`write_json_str`).
    fn write_json(&self, line: &mut Vec<u8>) -> io::Result<()> {
        line.push(if self.as_array { b'[' } else { b'{' });
        self.write_members(line, 0)?;
        line.push(if self.as_array { b']' } else { b'}' });
        Ok(())
    }

    /// The members (or elements) from column `from` on, each after a comma
    /// but the very first.
    fn write_members(&self, line: &mut Vec<u8>, from: usize) -> io::Result<()> {
        for (k, c) in self.columns.iter().enumerate().skip(from) {
            if k > 0 {
                line.push(b',');
            }
            if !self.as_array {
                write_json_str(line, c.name())?;
                line.push(b':');
            }
            write_json_value(line, &self.record.value(*c))?;
        }
        Ok(())
    }
}

impl Serialize for Selected<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.as_array {
            let mut seq = s.serialize_seq(Some(self.columns.len()))?;
            for c in &self.columns {
                seq.serialize_element(&self.record.value(*c))?;
            }
            seq.end()
        } else {
            let mut map = s.serialize_map(Some(self.columns.len()))?;
            for c in &self.columns {
                map.serialize_entry(c.name(), &self.record.value(*c))?;
            }
            map.end()
        }
    }
}

/// Writes events in one format with chosen columns: the one way every
/// command writes them.
pub struct EventWriter<'a> {
    sink: Sink<'a>,
    columns: Vec<Column>,
    cells: Vec<Cell>,
    written: u64,
}

enum Sink<'a> {
    Rows(Box<dyn RowWriter + 'a>),
    Json { out: Box<dyn Write + 'a>, lines: bool, as_array: bool },
}

impl<'a> EventWriter<'a> {
    /// A writer of `columns` in `format`. A table is the events table, at most
    /// `table_width` columns wide.
    pub fn new(
        format: Format,
        style: Style,
        columns: Vec<Column>,
        out: Box<dyn Write + 'a>,
        table_width: Option<usize>,
    ) -> io::Result<Self> {
        let sink = match format {
            Format::Json | Format::Jsonl => {
                Sink::Json { out, lines: format == Format::Jsonl, as_array: style.no_headers }
            }
            Format::Table => Sink::Rows(Box::new(StreamTable::new(out, table_width, style.no_headers))),
            _ => Sink::Rows(writer(format, style, out)),
        };
        let mut w = EventWriter { sink, columns, cells: Vec::new(), written: 0 };
        if let Sink::Rows(rows) = &mut w.sink {
            let names: Vec<String> = w.columns.iter().map(|c| c.name().to_string()).collect();
            rows.header(&names)?;
            w.cells.resize(names.len(), Cell::Null);
        }
        Ok(w)
    }

    pub fn event(&mut self, record: &EventRecord) -> io::Result<()> {
        match &mut self.sink {
            Sink::Rows(rows) => {
                for (cell, column) in self.cells.iter_mut().zip(&self.columns) {
                    record.fill(*column, cell);
                }
                rows.row(&self.cells)?;
            }
            Sink::Json { out, lines, as_array } => {
                let value = Selected { record, columns: std::mem::take(&mut self.columns), as_array: *as_array };
                let result = if *lines {
                    write_json_line(&value, out.as_mut())
                } else {
                    out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })
                        .and_then(|()| serde_json::to_writer(&mut *out, &value).map_err(io::Error::from))
                };
                self.columns = value.columns;
                result?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// How many events were written.
    pub fn written(&self) -> u64 {
        self.written
    }

    pub fn finish(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Rows(rows) => rows.finish(),
            Sink::Json { out, lines, .. } => {
                if !*lines {
                    out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
                }
                out.flush()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(format: Format, style: Style) -> String {
        let mut buf = Vec::new();
        {
            let mut w = writer(format, style, Box::new(&mut buf));
            w.header(&["id".into(), "quote".into()]).unwrap();
            w.row(&[Cell::Int(-1), Cell::Text("=1+2".into())]).unwrap();
            w.row(&[Cell::Int(2), Cell::Text("- We will not go, he said".into())]).unwrap();
            w.row(&[Cell::Null, Cell::Text("a,\"b\"\nc".into())]).unwrap();
            w.finish().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn csv_neutralises_formulas_but_not_numbers() {
        let out = render(Format::Csv, Style::default());
        assert_eq!(out, "id,quote\n-1,'=1+2\n2,\"\u{2013} We will not go, he said\"\n,\"a,\"\"b\"\"\nc\"\n");
        let raw = render(Format::Csv, Style { raw: true, ..Style::default() });
        assert!(raw.contains("\n-1,=1+2\n2,\"- We will not go"));
    }

    #[test]
    fn neutralise_follows_owasp() {
        for bad in ["=x", "+x", "-x", "@x", "\tx", "\rx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("Lavrov"), "Lavrov");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn bom_and_no_headers() {
        let out = render(Format::Csv, Style { bom: true, no_headers: true, raw: false });
        assert!(out.starts_with("\u{feff}-1,"));
    }

    #[test]
    fn needs_escape_finds_every_byte_json_escapes() {
        for b in 0..=255u8 {
            let escapes = b < 0x20 || b == b'"' || b == b'\\';
            for at in [0, 3, 7, 8, 13, 16] {
                let mut bytes = vec![b'a'; 17];
                bytes[at] = b;
                assert_eq!(needs_escape(&bytes), escapes, "byte {b:#x} at {at}");
                // Neighbours that borrow in the subtraction do not hide or invent one.
                bytes.iter_mut().for_each(|x| *x = 0xff);
                bytes[at] = b;
                assert_eq!(needs_escape(&bytes), escapes, "byte {b:#x} at {at} among 0xff");
                bytes.iter_mut().for_each(|x| *x = 0x20);
                bytes[at] = b;
                assert_eq!(needs_escape(&bytes), escapes, "byte {b:#x} at {at} among spaces");
            }
        }
    }

    #[test]
    fn json_lines_are_written_as_serde_json_writes_them() {
        use crate::model::{DateSpan, EventActor, Kind, Mention, Precision, Role, Status};
        let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let tricky = [
            "plain",
            "",
            "a \"quoted\" word and a back\\slash",
            "control \u{1}\u{8}\t\n\r\u{c}\u{1f} and \u{7f}",
            "non-ASCII \u{2014} \u{201c}quoted\u{201d} \u{e9}t\u{e9}, long enough to fill a chunk or two of bytes",
            "thirty-two bytes, then a quote: \"",
            "0123456789012345678901234567890\"",
        ];
        for (k, text) in tricky.iter().enumerate() {
            let mut e = Event::new(Kind::Talks, Status::Planned);
            e.date = Some(DateSpan { start: day("2012-12-17"), end: day("2012-12-18"), precision: Precision::Day });
            e.date_text = Some((*text).into());
            e.place = Some((*text).into());
            e.actors = vec![EventActor { name: (*text).into(), role: Role::Organizer }];
            e.mentions = vec![
                Mention { sentence: (*text).into(), start: 1402, end: 1492 },
                Mention { sentence: "Another.".into(), start: 0, end: 8 },
            ];
            let record = EventRecord::new(k as i64, &e, |_| text);
            let mut fast = Vec::new();
            record.write_line(&mut fast).unwrap();
            let mut serde = serde_json::to_vec(&record.to_json(&Column::defaults(Format::Jsonl), false)).unwrap();
            serde.push(b'\n');
            assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(serde).unwrap());
            for as_array in [false, true] {
                let selected = Selected { record: &record, columns: EVENT_COLUMNS.to_vec(), as_array };
                let mut fast = Vec::new();
                selected.write_json(&mut fast).unwrap();
                assert_eq!(fast, serde_json::to_vec(&selected).unwrap());
            }
        }
        let m = [MentionRecord { article: "a\"b", sentence: "s", start: 1, end: 2, published: Some("2014-01-17") }];
        let mut fast = Vec::new();
        write_json_value(&mut fast, &Value::Mentions(&m)).unwrap();
        assert_eq!(fast, serde_json::to_vec(&m).unwrap());
    }

    #[test]
    fn event_record_has_the_contract_shape() {
        use crate::model::{DateSpan, EventActor, Kind, Mention, Precision, Role, Status};
        let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut e = Event::new(Kind::Talks, Status::Planned);
        e.date = Some(DateSpan { start: day("2012-12-17"), end: day("2012-12-18"), precision: Precision::Day });
        e.date_text = Some("on Dec. 17-18".into());
        e.place = Some("Rome".into());
        e.actors = vec![EventActor { name: "National Coordination Committee".into(), role: Role::Organizer }];
        e.mentions = vec![Mention { sentence: "The NCC plans to hold a conference.".into(), start: 1402, end: 1492 }];
        let mut line = Vec::new();
        EventRecord::new(7, &e, |_| "002.txt").write_line(&mut line).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"id": 7, "kind": "talks", "status": "planned", "date": "2012-12-17",
                "date_end": "2012-12-18", "date_start": "2012-12-17", "date_last": "2012-12-18",
                "precision": "day", "date_text": "on Dec. 17-18", "place": "Rome",
                "actors": ["National Coordination Committee"], "speaker": null, "quote": null, "count": null,
                "qualifier": null, "cumulative": false, "sentence": "The NCC plans to hold a conference.",
                "articles": ["002.txt"],
                "sources": 1,
                "mentions": [{"article": "002.txt", "sentence": "The NCC plans to hold a conference.",
                              "start": 1402, "end": 1492}]})
        );
        // The keys in the schema's order.
        let text = String::from_utf8(line).unwrap();
        let at = |k: &str| text.find(&format!("\"{k}\":")).unwrap();
        assert!(at("date") < at("date_end") && at("date_end") < at("date_start") && at("date_last") < at("precision"));
        assert!(at("articles") < at("mentions"));
    }

    /// The events table fits its width whatever the cells hold, cuts with "…",
    /// and right-aligns numbers.
    #[test]
    fn stream_table_fits_the_width() {
        let mut buf = Vec::new();
        {
            let mut t = StreamTable::new(Box::new(&mut buf), Some(40), false);
            t.header(&["id".into(), "kind".into(), "summary".into()]).unwrap();
            t.row(&[Cell::Int(7), Cell::Text("talks".into()), Cell::Text("x".repeat(100))]).unwrap();
            t.row(&[Cell::Int(12), Cell::Text("visit".into()), Cell::Text("line\nbreak \u{4e2d}\u{6587}".into())])
                .unwrap();
            t.finish().unwrap();
        }
        let out = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4, "{out}");
        assert!(lines.iter().all(|l| l.width() <= 40), "{out}");
        assert!(lines[2].starts_with(" 7  talks  xxx") && lines[2].ends_with('\u{2026}'), "{out}");
        assert!(lines[3].starts_with("12  visit  line break"), "{out}");
    }

    #[test]
    fn columns_parse_and_mentions_stay_in_json() {
        let cols = Column::parse_list(&["date,actors".into(), "id".into()], Format::Csv).unwrap();
        assert_eq!(cols, vec![Column::Date, Column::Actors, Column::Id]);
        assert!(Column::parse_list(&["mentions".into()], Format::Csv).unwrap_err().contains("only in JSON"));
        assert!(Column::parse_list(&["nope".into()], Format::Csv).unwrap_err().contains("no column named 'nope'"));
        assert_eq!(Column::parse_list(&[], Format::Jsonl).unwrap().last(), Some(&Column::Mentions));
        assert_eq!(Format::from_path(Path::new("a/T.XLSX")), Some(Format::Xlsx));
        assert_eq!(Format::from_path(Path::new("t.tsv")), None);
    }

    #[test]
    fn json_and_jsonl_parse_back() {
        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, Style::default())).unwrap();
        assert_eq!(json[0]["quote"], "=1+2");
        assert_eq!(json[2]["id"], serde_json::Value::Null);
        let lines = render(Format::Jsonl, Style { no_headers: true, ..Style::default() });
        let first: serde_json::Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
        assert_eq!(first, serde_json::json!([-1, "=1+2"]));
        let empty = {
            let mut buf = Vec::new();
            let mut w = writer(Format::Json, Style::default(), Box::new(&mut buf));
            w.finish().unwrap();
            drop(w);
            buf
        };
        assert_eq!(empty, b"[]\n");
    }
}
