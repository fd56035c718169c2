//! `chronicle show ID`: one event, and every report of it: each article that
//! reports it, with the outlet, the publication date, the report's own fields
//! (as that article gave them) and its sentences.
//!
//! As a table: the event's fields (with what merging derived: sources,
//! outlets, first reported, the range of figures, conflicts), then one row
//! per report. As JSON or JSON Lines: the event in the JSON Lines contract
//! shape (mentions carrying `published`) with those fields and `reports`. As
//! CSV: one row per mention, with its report's fields.

use std::io::Write;
use std::path::Path;

use crate::cli::ShowArgs;
use crate::export::{writer, Cell, Column, EventRecord, Format, RowWriter, EVENT_COLUMNS};
use crate::model::Event;
use crate::store::{Access, Store, StoredReport};

pub const EXAMPLES: &str =
    "Examples:\n  chronicle show 7\n  chronicle show 7 --format json\n  chronicle show 7 --format csv > reports.csv";

pub fn run(db: &Path, args: ShowArgs) -> anyhow::Result<()> {
    let store = Store::open(db, Access::ReadOnly)?;
    let stored = store.event(args.id)?;
    let reports = store.reports(args.id)?;
    let mut record = EventRecord::new(stored.id, &stored.event, |i| stored.articles[i].0.as_str());
    for (m, (_, published)) in record.mentions.iter_mut().zip(&stored.articles) {
        m.published = published.as_deref();
    }
    let format = args.output.format();
    let style = args.output.style();
    let m = &stored.merged;
    let mut out = super::stdout();
    match format {
        Format::Json | Format::Jsonl => {
            // The event in the contract's shape, what merging derived, and every report.
            let mut show = serde_json::to_value(record.to_json(&Column::defaults(format), false))?;
            let merged = serde_json::to_value(m)?;
            if let (Some(show), Some(merged)) = (show.as_object_mut(), merged.as_object()) {
                for (k, v) in merged {
                    show.entry(k.clone()).or_insert_with(|| v.clone());
                }
                let reports: Vec<serde_json::Value> =
                    reports.iter().map(report_json).collect::<Result<_, serde_json::Error>>()?;
                show.insert("reports".into(), reports.into());
            }
            if format == Format::Json {
                serde_json::to_writer_pretty(&mut out, &show)?;
            } else {
                serde_json::to_writer(&mut out, &show)?;
            }
            out.write_all(b"\n")?;
            out.flush()?;
        }
        Format::Table => {
            // The event's fields and what merging derived; then its reports, one row each.
            let fields = EVENT_COLUMNS.iter().filter(|c| !matches!(c, Column::Sentence | Column::Articles));
            let text = |v: Option<&str>| v.map_or(Cell::Null, |s| Cell::Text(s.to_string()));
            let range = match (m.count_low, m.count_high) {
                (Some(low), Some(high)) if low != high => Cell::Text(format!("{low}..{high}")),
                _ => Cell::Null,
            };
            let mut w = writer(Format::Table, style, out);
            w.header(&["field".into(), "value".into()])?;
            for column in fields {
                w.row(&[Cell::Text(column.name().into()), record.cell(*column)])?;
            }
            for (name, value) in [
                ("count_range", range),
                ("outlets", Cell::Int(m.outlets)),
                ("first_reported", text(m.first_reported.as_deref())),
                ("conflicts", text(m.conflicts.as_deref())),
            ] {
                w.row(&[Cell::Text(name.into()), value])?;
            }
            w.finish()?;
            drop(w);
            let mut w = writer(Format::Table, style, super::stdout());
            report_rows(&reports, w.as_mut(), None)?;
            w.finish()?;
        }
        Format::Timelinejs => anyhow::bail!("--format timelinejs is only for `chronicle export events`"),
        Format::Csv | Format::Xlsx => {
            let mut w = writer(format, style, out);
            report_rows(&reports, w.as_mut(), Some(stored.id))?;
            w.finish()?;
        }
    }
    Ok(())
}

/// A report in the contract's shape (`id` is the report's; its mentions are
/// all in its article), with its article's name, outlet and publication date.
fn report_json(r: &StoredReport) -> Result<serde_json::Value, serde_json::Error> {
    let record = EventRecord::new(r.id, &r.event, |_| r.article.as_str());
    let mut value = serde_json::to_value(record.to_json(&Column::defaults(Format::Json), false))?;
    if let Some(object) = value.as_object_mut() {
        object.remove("sources");
        object.insert("article".into(), r.article.clone().into());
        object.insert("source".into(), r.source.clone().into());
        object.insert("published".into(), r.published.clone().into());
    }
    Ok(value)
}

/// The reports: one row each (sentences on lines of their own), or, for CSV
/// (`event` given), one row per mention, starting with the event's id.
fn report_rows(reports: &[StoredReport], w: &mut dyn RowWriter, event: Option<i64>) -> std::io::Result<()> {
    let mut header: Vec<String> = Vec::new();
    if event.is_some() {
        header.push("event_id".into());
    }
    header.extend(
        [
            "report",
            "article",
            "source",
            "published",
            "status",
            "date",
            "date_end",
            "place",
            "actors",
            "speaker",
            "quote",
            "count",
            "qualifier",
        ]
        .map(String::from),
    );
    header.push(if event.is_some() { "sentence" } else { "sentences" }.into());
    if event.is_some() {
        header.extend(["start", "end"].map(String::from));
    }
    w.header(&header)?;
    for r in reports {
        let fields = report_cells(r);
        match event {
            Some(id) => {
                for m in &r.event.mentions {
                    let mut row = vec![Cell::Int(id)];
                    row.extend(fields.iter().cloned());
                    row.extend([Cell::Text(m.sentence.clone()), Cell::Int(m.start as i64), Cell::Int(m.end as i64)]);
                    w.row(&row)?;
                }
            }
            None => {
                let mut row = fields;
                let sentences: Vec<&str> = r.event.mentions.iter().map(|m| m.sentence.as_str()).collect();
                row.push(Cell::Text(sentences.join("\n")));
                w.row(&row)?;
            }
        }
    }
    Ok(())
}

fn report_cells(r: &StoredReport) -> Vec<Cell> {
    let e: &Event = &r.event;
    let text = |v: Option<&str>| v.map_or(Cell::Null, |s| Cell::Text(s.to_string()));
    let (date, date_end) = e.date.map_or((None, None), |d| {
        let (a, b) = d.labels();
        (Some(a), b)
    });
    let actors: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
    vec![
        Cell::Int(r.id),
        Cell::Text(r.article.clone()),
        text(r.source.as_deref()),
        text(r.published.as_deref()),
        Cell::Text(e.status.as_str().into()),
        date.into(),
        date_end.into(),
        text(e.place.as_deref()),
        Cell::Text(actors.join("; ")),
        text(e.speaker.as_deref()),
        text(e.quote.as_deref()),
        e.count.map_or(Cell::Null, |c| Cell::Int(c as i64)),
        text(e.qualifier.map(|q| q.as_str())),
    ]
}
