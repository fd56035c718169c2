//! `chronicle db status`: the database's path, schema version and row counts,
//! and the query indexes an interrupted bulk load left unbuilt, if any.
//!
//! Examples:
//!   chronicle db status
//!   chronicle --db news.db db status --format json

use std::path::Path;

use crate::cli::{DbArgs, DbCommand};
use crate::export::{writer, Cell};
use crate::store::{Access, Store, SCHEMA_VERSION};

pub const EXAMPLES: &str = "Examples:\n  chronicle db status\n  chronicle --db news.db db status --format json";

pub fn run(db: &Path, args: DbArgs) -> anyhow::Result<()> {
    let DbCommand::Status(args) = args.command;
    let store = Store::open(db, Access::ReadOnly)?;
    let mut out = writer(args.output.format(), args.output.style(), super::stdout());
    out.header(&["item".into(), "value".into()])?;
    out.row(&[Cell::Text("path".into()), Cell::Text(store.path().display().to_string())])?;
    out.row(&[Cell::Text("schema_version".into()), Cell::Int(store.schema_version()?)])?;
    out.row(&[Cell::Text("schema_version_supported".into()), Cell::Int(SCHEMA_VERSION)])?;
    // Left by a bulk load that did not finish; the next ingest builds them.
    let deferred = store.deferred_indexes()?;
    if !deferred.is_empty() {
        out.row(&[Cell::Text("indexes_not_built".into()), Cell::Text(deferred.join(", "))])?;
    }
    for (table, n) in store.counts()? {
        if table != "meta" {
            out.row(&[Cell::Text(table), Cell::Int(n)])?;
        }
    }
    out.finish()?;
    Ok(())
}
