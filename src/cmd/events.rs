//! `chronicle events [filters]`: the timeline in date order, undated events last.
//!
//! Filters combine with AND. `--actor` matches canonical names and aliases
//! case-insensitively ("Moallem" finds Walid al-Moallem), falling back to a
//! substring match. `--since`/`--until` take YYYY, YYYY-MM or YYYY-MM-DD and
//! keep events whose date interval overlaps.
//!
//! On a terminal the default is the events table: a few columns, one line per
//! event cut to the terminal's width, at most a screenful, then how many more
//! there are and how to see them. With `$PAGER` set, a longer timeline goes
//! through the pager whole instead. CSV, JSON, JSON Lines and xlsx carry every
//! column of the event schema (`chronicle::export::EVENT_COLUMNS`).
//!
//! An empty result says why on stderr (a name the database does not have,
//! with the closest one it has; `--since` after `--until`), and exits 0.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::EventsArgs;
use crate::export::{cut_to, thousands, Column, EventRecord, EventWriter, Format};
use crate::store::{Access, EventFilter, Store, StoredEvent};

pub const EXAMPLES: &str = "Examples:\n  chronicle events\n  chronicle events --actor Moallem --since 2013-01 --limit 20\n  chronicle events --kind death_toll --format csv > tolls.csv\n  chronicle events --place Geneva --status planned --format json\n  chronicle events -c date,actors,quote --kind statement --all";

/// Lines the events table leaves free on a screen: the header, its rule, the
/// "more" line and the shell's prompt.
const SCREEN_MARGIN: usize = 4;

pub fn run(db: &Path, args: EventsArgs) -> anyhow::Result<()> {
    let store = Store::open(db, Access::ReadOnly)?;
    let format = args.output.format();
    let columns = Column::parse_list(&args.events.columns, format).map_err(anyhow::Error::msg)?;
    let filter = EventFilter { order: args.events.order, ..args.filter.filter(args.limit) };
    let style = args.output.style();
    let terminal = std::io::stdout().is_terminal();
    if format == Format::Xlsx && terminal {
        anyhow::bail!(
            "xlsx is a binary file: redirect it (> events.xlsx) or use `chronicle export events -o FILE.xlsx`"
        );
    }
    let screen = (format == Format::Table && terminal).then(screen_size);
    // A table into a pipe or a file is as wide as $COLUMNS says, if it says.
    let width = screen.map(|s| s.0).or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()));
    let new_writer = |out: Box<dyn Write>| EventWriter::new(format, style, columns.clone(), out, width);
    let written = match screen {
        Some((width, height)) if !args.all && args.limit.is_none() => {
            screenful(&store, &filter, width, height, new_writer)?
        }
        _ => {
            let mut out = new_writer(super::stdout())?;
            write_events(&store, &filter, &mut out)?
        }
    };
    if written == 0 && filter.limit != Some(0) {
        for line in why_empty(&store, &filter)? {
            eprintln!("{line}");
        }
    }
    Ok(())
}

/// Writes every event the filter keeps; returns how many.
pub(crate) fn write_events(store: &Store, filter: &EventFilter, out: &mut EventWriter) -> anyhow::Result<u64> {
    store.events(filter, |stored| write_one(out, &stored))?;
    out.finish()?;
    Ok(out.written())
}

pub(crate) fn write_one(out: &mut EventWriter, stored: &StoredEvent) -> crate::store::Result<()> {
    let record = EventRecord::new(stored.id, &stored.event, |i| stored.articles[i].0.as_str());
    Ok(out.event(&record)?)
}

/// The table on a terminal: the events that fit on one screen, then how many
/// more there are; or, when there are more and `$PAGER` is set, every event
/// through the pager. Holds at most a screenful of events.
fn screenful(
    store: &Store,
    filter: &EventFilter,
    width: usize,
    height: usize,
    new_writer: impl Fn(Box<dyn Write>) -> std::io::Result<EventWriter<'static>>,
) -> anyhow::Result<u64> {
    let fits = height.saturating_sub(SCREEN_MARGIN).max(3);
    let mut first = Vec::with_capacity(fits + 1);
    store.events(&EventFilter { limit: Some(fits as u64 + 1), ..filter.clone() }, |e| {
        first.push(e);
        Ok(())
    })?;
    let more = first.len() > fits;
    if more {
        if let Some(pager) = std::env::var("PAGER").ok().filter(|p| !p.trim().is_empty()) {
            return paged(store, filter, &pager, new_writer);
        }
    }
    first.truncate(fits);
    let mut out = new_writer(super::stdout())?;
    for stored in &first {
        write_one(&mut out, stored)?;
    }
    out.finish()?;
    if more {
        let total = store.count_events(filter)?;
        let line = format!(
            "{} of {} events; for more: --limit N, --all, --format csv, or set $PAGER",
            first.len(),
            thousands(total)
        );
        eprintln!("{}", cut_to(&line, width));
    }
    Ok(first.len() as u64)
}

/// Every event through `$PAGER` (run by the shell, as git does, with `LESS=FRX`
/// unless `LESS` is set). Quitting the pager early is not an error.
fn paged(
    store: &Store,
    filter: &EventFilter,
    pager: &str,
    new_writer: impl Fn(Box<dyn Write>) -> std::io::Result<EventWriter<'static>>,
) -> anyhow::Result<u64> {
    let mut command = std::process::Command::new("sh");
    command.arg("-c").arg(pager).stdin(std::process::Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let mut child = command.spawn().map_err(|e| anyhow::anyhow!("cannot start the pager `{pager}`: {e}"))?;
    let stdin = child.stdin.take().expect("the pager's stdin is piped");
    let written = new_writer(Box::new(std::io::BufWriter::new(stdin)))
        .map_err(anyhow::Error::from)
        // Through the date index, so that the pager shows the first screen at once.
        .and_then(|mut out| write_events(store, &EventFilter { streamed: true, ..filter.clone() }, &mut out));
    child.wait()?;
    match written {
        Err(e) if super::is_broken_pipe(&e) => Ok(1),
        other => other,
    }
}

/// The terminal's width and height (80 x 24 when it does not say).
fn screen_size() -> (usize, usize) {
    terminal_size::terminal_size_of(std::io::stdout()).map_or((80, 24), |(w, h)| (w.0 as usize, h.0 as usize))
}

/// Why the filter kept no event, one line each.
fn why_empty(store: &Store, filter: &EventFilter) -> anyhow::Result<Vec<String>> {
    if let (Some(since), Some(until)) = (filter.since, filter.until) {
        if since > until {
            return Ok(vec![format!("no events: --since {since} is after --until {until}")]);
        }
    }
    let mut lines: Vec<String> = store
        .unknown_names(filter)?
        .into_iter()
        .map(|u| {
            let mut line = format!("no events: no {} named '{}' in the database", u.what, u.name);
            if let Some(near) = closest(&u.name, &u.candidates) {
                line.push_str(&format!("; did you mean '{near}'?"));
            }
            line
        })
        .collect();
    if let Some(text) = &filter.text {
        let alone = EventFilter { text: Some(text.clone()), ..EventFilter::default() };
        if store.count_events(&alone)? == 0 {
            lines.push(format!(
                "no events: no evidence sentence or quote matches --text '{text}' (whole words; `word*` matches every ending)"
            ));
        }
    }
    if lines.is_empty() {
        let all = store.count_events(&EventFilter::default())?;
        lines.push(if all == 0 {
            "no events: the database has none yet (add articles with `chronicle ingest PATH`)".into()
        } else {
            "no events match all of these filters together".into()
        });
    }
    Ok(lines)
}

/// The candidate closest to `name`: one that starts with it (a file name
/// given without its extension), else the most similar, if similar enough.
fn closest<'c>(name: &str, candidates: &'c [String]) -> Option<&'c str> {
    let needle = name.to_lowercase();
    if let Some(c) = candidates.iter().filter(|c| c.to_lowercase().starts_with(&needle)).min_by_key(|c| c.len()) {
        return Some(c);
    }
    candidates
        .iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(&needle, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_prefers_a_name_that_starts_with_it() {
        let names: Vec<String> = ["000_77c680d69fdef6ac.txt", "001_f1cd706057b0bc08.txt", "Sergei Lavrov", "Lavrov"]
            .map(String::from)
            .to_vec();
        assert_eq!(closest("000_77c680d69fdef6ac", &names), Some("000_77c680d69fdef6ac.txt"));
        assert_eq!(closest("lavrof", &names), Some("Lavrov"));
        assert_eq!(closest("Nobody", &names), None);
        assert_eq!(thousands(89823), "89,823");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
