//! `chronicle events [filters]`: the timeline in date order, undated events last.
//!
//! Filters combine with AND. `--actor` matches canonical names and aliases
//! case-insensitively ("Moallem" finds Walid al-Moallem), falling back to a
//! substring match. `--since`/`--until` take YYYY, YYYY-MM or YYYY-MM-DD and
//! keep events whose date interval overlaps.

use std::path::Path;

use crate::cli::EventsArgs;
use crate::export::writer;
use crate::store::{Access, EventFilter, Store};

pub const EXAMPLES: &str = "Examples:\n  chronicle events\n  chronicle events --actor Moallem --since 2013-01 --limit 20\n  chronicle events --kind death_toll --format csv > tolls.csv\n  chronicle events --place Geneva --status planned --format json";

pub fn run(db: &Path, args: EventsArgs) -> anyhow::Result<()> {
    let store = Store::open(db, Access::ReadOnly)?;
    let filter = EventFilter {
        kind: args.kind,
        actor: args.actor,
        place: args.place,
        since: args.since,
        until: args.until,
        status: args.status,
        article: args.article,
        limit: args.limit,
    };
    let mut out = writer(args.output.format(), args.output.style(), super::stdout());
    store.timeline(&filter, out.as_mut())?;
    out.finish()?;
    Ok(())
}
