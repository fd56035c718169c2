//! `chronicle db status`: the database's path, schema version and row counts,
//! and what an interrupted bulk load left undone, if anything: query indexes
//! unbuilt, reports not yet linked across articles (`merging_pending`).
//! `chronicle db upgrade`: the migrations a database written by an older
//! chronicle lacks (reading commands refuse such a database: they never
//! change one; `ingest` upgrades it too).
//!
//! Examples:
//!   chronicle db status
//!   chronicle --db news.db db status --format json
//!   chronicle --db news.db db upgrade

use std::path::Path;

use crate::cli::{DbArgs, DbCommand};
use crate::export::{writer, Cell};
use crate::store::{Access, Store, SCHEMA_VERSION};

pub const EXAMPLES: &str = "Examples:\n  chronicle db status\n  chronicle --db news.db db status --format json\n  chronicle --db news.db db upgrade";

pub const UPGRADE_EXAMPLES: &str = "Examples:\n  chronicle --db news.db db upgrade";

pub fn run(db: &Path, args: DbArgs) -> anyhow::Result<()> {
    let args = match args.command {
        DbCommand::Status(args) => args,
        DbCommand::Upgrade(args) => {
            let db = args.db.resolve(db);
            let (before, after) = Store::upgrade(&db)?;
            if before == after {
                eprintln!("{}: already at schema version {after}; nothing to do", db.display());
            } else {
                eprintln!("{}: upgraded from schema version {before} to {after}", db.display());
            }
            return Ok(());
        }
    };
    let store = Store::open(&args.output.db.resolve(db), Access::ReadOnly)?;
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
    // Reports a bulk load (or the migration to reports) left to link across articles.
    if let Some(what) = store.merging_pending()? {
        out.row(&[Cell::Text("merging_pending".into()), Cell::Text(what)])?;
    }
    for (table, n) in store.counts()? {
        if table != "meta" {
            out.row(&[Cell::Text(table), Cell::Int(n)])?;
        }
    }
    out.finish()?;
    Ok(())
}
