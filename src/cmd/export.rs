//! `chronicle export TABLE|events [--format csv|json|jsonl|xlsx] [-o FILE]`.
//!
//! `export events` writes the event schema (the same columns as `events`),
//! every event, in date order unless `--order id`; as JSON Lines that is the
//! contract (one event per line with its actors and mentions; see the
//! README). Any other name dumps that table or view whole. `-o FILE` takes
//! the format from the file's extension unless `--format` gives it, and the
//! file appears only once complete (see `crate::output` for symlinks,
//! devices and FIFOs).
//! `export events --format timelinejs` writes Knight Lab's TimelineJS JSON
//! instead (see `crate::report::timelinejs`).

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::ExportArgs;
use crate::export::{writer, Column, EventWriter, Format};
use crate::store::{Access, EventFilter, Store};

pub const EXAMPLES: &str = "Examples:\n  chronicle export events --format jsonl > events.jsonl\n  chronicle export events -o timeline.xlsx\n  chronicle export events --format csv --bom -o timeline.csv\n  chronicle export events --format timelinejs -o timeline.json\n  chronicle export articles -o articles.json\n  chronicle export mentions --format csv";

pub fn run(db: &Path, args: ExportArgs) -> anyhow::Result<()> {
    let format = args.output.format_for(args.output_file.as_deref()).map_err(anyhow::Error::msg)?;
    let store = Store::open(db, Access::ReadOnly)?;
    if args.output_file.is_none() && format == Format::Xlsx && std::io::stdout().is_terminal() {
        anyhow::bail!("xlsx is a binary file: give -o FILE.xlsx");
    }
    crate::output::write_to(args.output_file.as_deref(), super::stdout, |out| write(&store, &args, format, out))
}

fn write(store: &Store, args: &ExportArgs, format: Format, mut out: Box<dyn Write + '_>) -> anyhow::Result<()> {
    let style = args.output.style();
    if args.text.text.is_some() && !args.table.eq_ignore_ascii_case("events") {
        anyhow::bail!("--text searches events: `chronicle export events --text QUERY`");
    }
    if args.table.eq_ignore_ascii_case("events") && format == Format::Timelinejs {
        if args.text.text.is_some() {
            anyhow::bail!("--text does not apply to --format timelinejs (every dated event); `chronicle report --text QUERY` makes a page of the matching events");
        }
        return crate::report::timelinejs::write(store, out.as_mut());
    }
    if args.table.eq_ignore_ascii_case("events") {
        let columns = Column::parse_list(&args.events.columns, format).map_err(anyhow::Error::msg)?;
        let mut out = EventWriter::new(format, style, columns, out, None)?;
        let filter = EventFilter { order: args.events.order, text: args.text.text.clone(), ..EventFilter::default() };
        super::events::write_events(store, &filter, &mut out)?;
        return Ok(());
    }
    if !args.events.columns.is_empty() {
        anyhow::bail!(
            "--columns picks the columns of `export events`; for a table, use `chronicle sql \"SELECT ...\"`"
        );
    }
    let mut w = writer(format, style, out);
    store.dump(&args.table, w.as_mut())?;
    w.finish()?;
    Ok(())
}
