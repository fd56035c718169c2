//! `chronicle report -o FILE [filters]`: one self-contained HTML page of the
//! events the filters keep (the same filters as `events`). See docs/report.md.

use std::io::Write;
use std::path::Path;

use crate::cli::ReportArgs;
use crate::report::{render, Options};
use crate::store::{Access, Store};

pub const EXAMPLES: &str = "Examples:\n  chronicle report -o timeline.html\n  chronicle report --actor Lavrov --since 2013 -o lavrov.html\n  chronicle report --kind death_toll --title \"Tolls in Syria\" -o tolls.html";

pub fn run(db: &Path, args: ReportArgs) -> anyhow::Result<()> {
    let store = Store::open(db, Access::ReadOnly)?;
    let options = Options {
        max_events: usize::try_from(args.max_events).unwrap_or(usize::MAX),
        title: args.title.clone(),
        command: command_line(std::env::args()),
    };
    let (page, warning) = render(&store, &args.filter.filter(None), &options)?;
    if let Some(w) = warning {
        eprintln!("warning: the page aggregates: {w}");
    }
    let path = (args.output_file.as_os_str() != "-").then_some(args.output_file.as_path());
    crate::output::write_to(path, super::stdout, |mut out| {
        out.write_all(page.as_bytes())?;
        out.flush()?;
        Ok(())
    })
}

/// The command as it was typed, quoted for a POSIX shell where needed, with
/// the program named by its file name.
fn command_line(args: impl Iterator<Item = String>) -> String {
    args.enumerate()
        .map(|(i, a)| {
            if i == 0 {
                Path::new(&a).file_name().map_or(a.clone(), |n| n.to_string_lossy().into_owned())
            } else {
                shell_quote(&a)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn shell_quote(arg: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c);
    if !arg.is_empty() && arg.chars().all(plain) {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_is_quoted_for_a_shell() {
        let args =
            ["/x/target/release/chronicle", "report", "--actor", "Walid al-Moallem", "--title", "it's", "-o", "a.html"];
        assert_eq!(
            command_line(args.iter().map(|s| s.to_string())),
            "chronicle report --actor 'Walid al-Moallem' --title 'it'\\''s' -o a.html"
        );
    }
}
