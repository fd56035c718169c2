//! `chronicle sql "SELECT ..." [--param NAME=VALUE]`: one read-only statement.
//!
//! The connection is opened read-only with `PRAGMA query_only`, and a
//! statement the engine does not report as read-only is refused before it
//! runs, as is a string holding several statements. Values are bound, never
//! pasted into the SQL. A query is stopped once it has spent `--timeout`
//! seconds inside SQLite or its temporary storage passes `--max-temp-mb`
//! (see `Store::limit_queries`).

use std::path::Path;

use crate::cli::SqlArgs;
use crate::export::writer;
use crate::store::{Access, Store};

pub const EXAMPLES: &str = "Examples:\n  chronicle sql \"SELECT kind, count(*) AS n FROM events GROUP BY kind\"\n  chronicle sql \"SELECT * FROM timeline WHERE actors LIKE :who\" --param who=%Lavrov%\n  chronicle sql \"SELECT * FROM articles ORDER BY clean_text\" --timeout 600 --max-temp-mb 4096\n  chronicle sql \"SELECT name, published FROM articles\" --format json";

pub fn run(db: &Path, args: SqlArgs) -> anyhow::Result<()> {
    let mut store = Store::open(db, Access::ReadOnly)?;
    store.limit_queries(args.limits())?;
    let mut out = writer(args.output.format(), args.output.style(), super::stdout());
    store.user_query(&args.query, &args.params, out.as_mut())?;
    out.finish()?;
    Ok(())
}
