//! `chronicle db status`: the database's path, schema version and row counts.
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
    for (table, n) in store.counts()? {
        if table != "meta" {
            out.row(&[Cell::Text(table), Cell::Int(n)])?;
        }
    }
    out.finish()?;
    Ok(())
}
