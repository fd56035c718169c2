//! Output formats shared by every reading command: table, CSV, JSON and JSON
//! Lines, written once here. Rows are streamed: only the table format (meant
//! for a person at a terminal) holds its rows until the end.
//!
//! Also the JSON Lines event contract (`../shared/eval/README.md`), used by
//! both `export events --format jsonl` and `extract`.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::model::Event;

/// The output formats of reading commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Jsonl,
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
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Blob(b) => Cow::Owned(b.iter().map(|x| format!("{x:02x}")).collect()),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Null => serde_json::Value::Null,
            Cell::Int(i) => (*i).into(),
            Cell::Real(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into),
            Cell::Text(s) => s.clone().into(),
            Cell::Blob(_) => self.text().into_owned().into(),
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
        Format::Table => Box::new(TableWriter { out, style, table: None }),
        Format::Csv => {
            let out: Box<dyn Write + 'a> =
                if style.bom { Box::new(BomFirst { inner: out, pending: true }) } else { out };
            Box::new(CsvWriter { out: csv::WriterBuilder::new().from_writer(out), style })
        }
        Format::Json => Box::new(JsonWriter { out, style, columns: Vec::new(), lines: false, rows: 0 }),
        Format::Jsonl => Box::new(JsonWriter { out, style, columns: Vec::new(), lines: true, rows: 0 }),
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

struct TableWriter<'a> {
    out: Box<dyn Write + 'a>,
    style: Style,
    table: Option<comfy_table::Table>,
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
        let row: Vec<String> = cells.iter().map(|c| c.text().into_owned()).collect();
        self.table().add_row(row);
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Some(t) = self.table.take() {
            writeln!(self.out, "{t}")?;
        }
        self.out.flush()
    }
}

/// One event in the JSON Lines contract shape. Extra fields (`precision`,
/// `cumulative`) are allowed by the contract.
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    pub id: i64,
    pub kind: &'static str,
    pub status: &'static str,
    pub date: Option<String>,
    pub date_end: Option<String>,
    pub date_text: Option<&'a str>,
    pub place: Option<&'a str>,
    pub actors: Vec<&'a str>,
    pub speaker: Option<&'a str>,
    pub quote: Option<&'a str>,
    pub count: Option<u64>,
    pub qualifier: Option<&'static str>,
    pub precision: Option<&'static str>,
    pub cumulative: bool,
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
        EventRecord {
            id,
            kind: event.kind.as_str(),
            status: event.status.as_str(),
            date,
            date_end,
            date_text: event.date_text.as_deref(),
            place: event.place.as_deref(),
            actors: event.actors.iter().map(|a| a.name.as_str()).collect(),
            speaker: event.speaker.as_deref(),
            quote: event.quote.as_deref(),
            count: event.count,
            qualifier: event.qualifier.map(|q| q.as_str()),
            precision: event.date.map(|d| d.precision.as_str()),
            cumulative: event.cumulative,
            mentions: event
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
                .collect(),
        }
    }

    /// Writes the record as one line of JSON. The line is built in memory and
    /// written at once: serde_json writes a record in about 140 pieces, and
    /// through `dyn Write` each piece was a call through a vtable.
    pub fn write_line(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut line = Vec::with_capacity(1024);
        serde_json::to_writer(&mut line, self)?;
        line.push(b'\n');
        out.write_all(&line)
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
                "date_end": "2012-12-18", "date_text": "on Dec. 17-18", "place": "Rome",
                "actors": ["National Coordination Committee"], "speaker": null, "quote": null, "count": null,
                "qualifier": null, "precision": "day", "cumulative": false,
                "mentions": [{"article": "002.txt", "sentence": "The NCC plans to hold a conference.",
                              "start": 1402, "end": 1492}]})
        );
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
