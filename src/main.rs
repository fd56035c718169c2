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
    let dict = |own: &chronicle::cli::DictArg| own.dir.clone().or(cli.dict.clone());
    match cli.command {
        Command::Ingest(args) => {
            let dir = dict(&args.dict);
            cmd::ingest::run(&args.db.resolve(db), || cmd::dictionaries(dir.as_deref()), args)
        }
        Command::Extract(args) => cmd::extract::run(cmd::dictionaries(dict(&args.dict).as_deref())?, args),
        Command::Load(args) => {
            let dir = dict(&args.dict);
            cmd::load::run(&args.db.resolve(db), || cmd::dictionaries(dir.as_deref()), args)
        }
        Command::Events(args) => cmd::events::run(&args.output.db.resolve(db), args).map(|()| true),
        Command::Show(args) => cmd::show::run(&args.output.db.resolve(db), args).map(|()| true),
        Command::Sql(args) => cmd::sql::run(&args.output.db.resolve(db), args).map(|()| true),
        Command::Report(args) => cmd::report::run(&args.db.resolve(db), args).map(|()| true),
        Command::Export(args) => cmd::export::run(&args.output.db.resolve(db), args).map(|()| true),
        Command::Db(args) => cmd::db::run(db, args).map(|()| true),
        Command::DatasetteMetadata(args) => cmd::datasette::run(&args.db.resolve(db)).map(|()| true),
    }
}

/// mimalloc rather than the system allocator: extraction allocates and frees
/// many small vectors and strings per sentence (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if cmd::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", cmd::message(&e));
            ExitCode::FAILURE
        }
    }
}
