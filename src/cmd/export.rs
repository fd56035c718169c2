//! `chronicle export TABLE|events [--format csv|json|jsonl] [-o FILE]`.
//!
//! `export events --format jsonl` prints the JSON Lines contract (one event per
//! line with its actors and mentions; see ../shared/eval/README.md), streamed
//! in id order. `export events` as CSV (or a table) writes the `timeline` view:
//! one flat row per event. Any other name dumps that table or view whole.
//! With `-o FILE` the file appears only once complete (see `crate::output`
//! for symlinks, devices and FIFOs).

use std::io::Write;
use std::path::Path;

use crate::cli::ExportArgs;
use crate::export::{writer, EventRecord, Format};
use crate::store::{Access, Store};

pub const EXAMPLES: &str = "Examples:\n  chronicle export events --format jsonl > events.jsonl\n  chronicle export events --format csv --bom -o timeline.csv\n  chronicle export articles --format json -o articles.json\n  chronicle export mentions --format csv";

pub fn run(db: &Path, args: ExportArgs) -> anyhow::Result<()> {
    let store = Store::open(db, Access::ReadOnly)?;
    crate::output::write_to(args.output_file.as_deref(), super::stdout, |out| write(&store, &args, out))
}

fn write(store: &Store, args: &ExportArgs, mut out: Box<dyn Write + '_>) -> anyhow::Result<()> {
    let format = args.output.format();
    if args.table.eq_ignore_ascii_case("events") && matches!(format, Format::Jsonl | Format::Json) {
        let array = format == Format::Json;
        let mut first = true;
        if array {
            out.write_all(b"[")?;
        }
        store.for_each_event(None, |stored| {
            let record = EventRecord::new(stored.id, &stored.event, |i| stored.articles[i].0.as_str());
            if array {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut out, &record).map_err(std::io::Error::from)?;
            } else {
                record.write_line(&mut out)?;
            }
            first = false;
            Ok(())
        })?;
        if array {
            out.write_all(b"\n]\n")?;
        }
        out.flush()?;
        return Ok(());
    }
    let table = if args.table.eq_ignore_ascii_case("events") { "timeline" } else { args.table.as_str() };
    let mut w = writer(format, args.output.style(), out);
    store.dump(table, w.as_mut())?;
    w.finish()?;
    Ok(())
}
