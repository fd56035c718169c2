//! The `chronicle` binary: parse the command line, run one command, map the
//! result to an exit status.
//!
//! Exit status: 0 success; 1 an error, or some input failed to ingest or
//! extract (the rest were still processed); 2 a usage error (from clap).
//! A closed output pipe (`chronicle events | head`) ends quietly with 0.
//! Every message starts `error: ` or `warning: `, as clap's own do.

use std::process::ExitCode;

use clap::Parser;

use chronicle::cli::{Cli, Command};
use chronicle::cmd;

fn run(cli: Cli) -> anyhow::Result<bool> {
    let db = cli.db.as_path();
    match cli.command {
        Command::Ingest(args) => cmd::ingest::run(db, || cmd::dictionaries(cli.dict.as_deref()), args),
        Command::Extract(args) => cmd::extract::run(cmd::dictionaries(cli.dict.as_deref())?, args),
        Command::Events(args) => cmd::events::run(db, args).map(|()| true),
        Command::Show(args) => cmd::show::run(db, args).map(|()| true),
        Command::Sql(args) => cmd::sql::run(db, args).map(|()| true),
        Command::Export(args) => cmd::export::run(db, args).map(|()| true),
        Command::Db(args) => cmd::db::run(db, args).map(|()| true),
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<chronicle::store::StoreError>().is_some_and(
                |s| matches!(s, chronicle::store::StoreError::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
            || cause.downcast_ref::<csv::Error>().is_some_and(
                |c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", cmd::message(&e));
            ExitCode::FAILURE
        }
    }
}
