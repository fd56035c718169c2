//! `chronicle show ID`: one event and every mention of it (article, the
//! article's publication date, sentence).
//!
//! As a table: the event's fields, then its mentions. As JSON or JSON Lines:
//! the event in the JSON Lines contract shape, mentions carrying `published`.
//! As CSV: one row per mention, with the event's main fields repeated.

use std::path::Path;

use crate::cli::ShowArgs;
use crate::export::{writer, Cell, Column, EventRecord, Format, EVENT_COLUMNS};
use crate::store::{Access, Store};

pub const EXAMPLES: &str = "Examples:\n  chronicle show 7\n  chronicle show 7 --format json";

pub fn run(db: &Path, args: ShowArgs) -> anyhow::Result<()> {
    let store = Store::open(db, Access::ReadOnly)?;
    let stored = store.event(args.id)?;
    let mut record = EventRecord::new(stored.id, &stored.event, |i| stored.articles[i].0.as_str());
    for (m, (_, published)) in record.mentions.iter_mut().zip(&stored.articles) {
        m.published = published.as_deref();
    }
    let format = args.output.format();
    let style = args.output.style();
    let mut out = super::stdout();
    match format {
        Format::Json | Format::Jsonl => {
            if format == Format::Json {
                serde_json::to_writer_pretty(&mut out, &record.to_json(&Column::defaults(format), false))?;
                out.write_all(b"\n")?;
            } else {
                record.write_line(&mut out)?;
            }
            out.flush()?;
        }
        Format::Table => {
            // The event's fields; its sentences and articles follow, mention by mention.
            let fields = EVENT_COLUMNS.iter().filter(|c| !matches!(c, Column::Sentence | Column::Articles));
            let mut w = writer(Format::Table, style, out);
            w.header(&["field".into(), "value".into()])?;
            for column in fields {
                w.row(&[Cell::Text(column.name().into()), record.cell(*column)])?;
            }
            w.finish()?;
            drop(w);
            let mut w = writer(Format::Table, style, super::stdout());
            mention_rows(&record, w.as_mut(), false)?;
            w.finish()?;
        }
        Format::Timelinejs => anyhow::bail!("--format timelinejs is only for `chronicle export events`"),
        Format::Csv | Format::Xlsx => {
            let mut w = writer(format, style, out);
            mention_rows(&record, w.as_mut(), true)?;
            w.finish()?;
        }
    }
    Ok(())
}

use std::io::Write;

fn mention_rows(record: &EventRecord, w: &mut dyn crate::export::RowWriter, with_event: bool) -> std::io::Result<()> {
    let mut header: Vec<String> = Vec::new();
    if with_event {
        header.extend(["event_id", "kind", "status", "date", "date_end"].map(String::from));
    }
    header.extend(["article", "published", "sentence", "start", "end"].map(String::from));
    w.header(&header)?;
    for m in &record.mentions {
        let mut row = Vec::new();
        if with_event {
            row.extend([
                Cell::Int(record.id),
                Cell::Text(record.kind.into()),
                Cell::Text(record.status.into()),
                record.date.clone().into(),
                record.date_end.clone().into(),
            ]);
        }
        row.extend([
            Cell::Text(m.article.into()),
            m.published.map(String::from).into(),
            Cell::Text(m.sentence.into()),
            Cell::Int(m.start as i64),
            Cell::Int(m.end as i64),
        ]);
        w.row(&row)?;
    }
    Ok(())
}
