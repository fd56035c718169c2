//! `chronicle datasette-metadata`: metadata for browsing the database in
//! Datasette (`datasette chronicle.db -m metadata.json`): a title, a
//! description of every table, view and column (the allowed values of the
//! coded columns come from the model's enums), default facets, and the
//! dictionary tables hidden behind the data. Datasette names a database after
//! its file, so the metadata is for the `--db` given; the file is not read.

use std::io::Write;
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::model::{DateOrigin, Kind, Precision, Qualifier, Role, Status};

pub const EXAMPLES: &str = "Examples:\n  chronicle datasette-metadata > metadata.json\n  datasette chronicle.db -m metadata.json\n  chronicle --db news.db datasette-metadata > news-metadata.json";

pub const TITLE: &str = "chronicle: a timeline of diplomatic events";
/// The title of the events table's page.
pub const EVENTS_TITLE: &str = "Events: talks, visits, statements and death tolls";

/// "one of: a, b, c".
fn one_of<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str) -> String {
    let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
    format!("one of: {}", names.join(", "))
}

/// One table or view: its description and its columns' (name, description).
pub struct TableDoc {
    pub name: &'static str,
    pub view: bool,
    pub description: &'static str,
    pub columns: Vec<(&'static str, String)>,
}

/// Every table and view of the schema, described for SQL users. A test checks
/// that every column of a new database is here.
pub fn schema_doc() -> Vec<TableDoc> {
    let kind = one_of(Kind::ALL, Kind::as_str);
    let status = one_of(Status::ALL, Status::as_str);
    let precision = one_of(Precision::ALL, Precision::as_str);
    let qualifier = one_of(Qualifier::ALL, Qualifier::as_str);
    let role = one_of(Role::ALL, Role::as_str);
    let origin = one_of(DateOrigin::ALL, DateOrigin::as_str);
    let s = |t: &str| t.to_string();
    let labels = "YYYY-MM-DD, YYYY-Www (ISO week), YYYY-MM or YYYY, by precision";
    // A report's columns, in the table `reports` and the view `report_fields`.
    let report_columns: Vec<(&'static str, String)> = vec![
        ("id", s("The report's id (an event of one report has its id).")),
        ("event_id", s("events.id: the event it belongs to.")),
        ("article_id", s("articles.id")),
        ("ordinal", s("Its position among the article's events (0 first).")),
        ("kind", format!("The kind of event, {kind}.")),
        ("status", format!("Whether it took place, {status}.")),
        ("date_start", s("First day of its date interval (YYYY-MM-DD).")),
        ("date_end", s("Last day of its date interval (YYYY-MM-DD).")),
        ("precision", format!("How precisely the date is known, {precision}.")),
        ("date_text", s("The date's own words in the article.")),
        ("place", s("Where it took place, as this article says.")),
        ("speaker", s("For a statement: who spoke.")),
        ("quote", s("For a statement: the words quoted.")),
        ("count", s("For a death toll: the number of dead this article gives.")),
        ("qualifier", format!("For a death toll: {qualifier}.")),
        ("cumulative", s("For a death toll: 1 when counted over a period.")),
        ("actors", s("Who takes part, as a JSON array of [name, role].")),
        ("terms", s("For a statement: the content words it is compared by, shortened to five letters.")),
    ];
    vec![
        TableDoc {
            name: "events",
            view: false,
            description: "One row per event: talks, a visit, a statement or a death toll, derived from the reports of every article that reports it (see reports). Dates are ISO days; the interval date_start..date_end with its precision.",
            columns: vec![
                ("id", s("The event's id (`chronicle show ID`).")),
                ("kind", format!("The kind of event, {kind}.")),
                ("status", format!("Whether it took place, {status}.")),
                ("date_start", s("First day of the event's date interval (YYYY-MM-DD); empty when undated.")),
                ("date_end", s("Last day of the interval (YYYY-MM-DD). Not the timeline's date_end, which is a label.")),
                ("precision", format!("How precisely the date is known, {precision}.")),
                ("date_text", s("The date's own words in the article (\"on Dec. 17-18\", \"Friday\").")),
                ("place", s("Where it took place (places.name when the dictionary knows it).")),
                ("speaker", s("For a statement: who spoke.")),
                ("quote", s("For a statement: the words quoted, if any.")),
                ("count", s("For a death toll: the number of dead, the lowest its reports give.")),
                ("qualifier", format!("For a death toll: how the count is hedged, {qualifier}.")),
                ("cumulative", s("For a death toll: 1 when counted over a period (\"since March 2011\"), 0 for one incident.")),
                ("sources", s("How many articles report it.")),
                ("outlets", s("How many outlets (articles.source) report it; an article without one counts as its own.")),
                ("first_reported", s("The earliest publication date of those articles.")),
                ("count_low", s("For a death toll: the lowest figure its reports give.")),
                ("count_high", s("For a death toll: the highest figure its reports give.")),
                ("conflicts", s("What its reports disagree on, each value with its articles (e.g. \"count: 45 (a.txt); 52 (b.txt)\").")),
                ("place_id", s("places.id of the place, when the dictionaries know it (empty otherwise): a link to places.")),
            ],
        },
        TableDoc {
            name: "reports",
            view: false,
            description: "One row per event an article reports, with that article's own fields (while it is its event's only report, kept in the event: see report_fields): the events are derived from these (see docs/merging.md).",
            columns: report_columns
                .iter()
                .cloned()
                .chain([(
                    "in_event",
                    s("1: the report is its event's only one, and its fields other than kind, status and terms (actors too) are the event's (read them through report_fields)."),
                )])
                .collect(),
        },
        TableDoc {
            name: "report_fields",
            view: true,
            description: "Every report with its own fields, whether kept in the report or, while it is its event's only report, in the event.",
            columns: report_columns,
        },
        TableDoc {
            name: "report_links",
            view: false,
            description: "Pairs of reports of different articles that merging linked: the same event.",
            columns: vec![
                ("a", s("reports.id (the lower).")),
                ("b", s("reports.id (the higher).")),
                ("score", s("How strongly: shared participants, place, content words or figure.")),
            ],
        },
        TableDoc {
            name: "merge_keys",
            view: false,
            description: "The index merging finds candidate reports through: a hashed anchor (participant, place, speaker, figure) and the days a report may be about.",
            columns: vec![
                ("report_id", s("reports.id")),
                ("key", s("The anchor, hashed with the event's kind.")),
                ("day", s("The first day the report may be about, as a day number.")),
                ("last", s("The last such day.")),
            ],
        },
        TableDoc {
            name: "event_actors",
            view: false,
            description: "Who takes part in each event, in order.",
            columns: vec![
                ("event_id", s("events.id")),
                ("actor_id", s("actors.id")),
                ("role", format!("The actor's part, {role}.")),
                ("position", s("Order of the actor in the event (0 first).")),
            ],
        },
        TableDoc {
            name: "articles",
            view: false,
            description: "The articles ingested, with their cleaned text (page furniture and repeats removed).",
            columns: vec![
                ("id", s("The article's id.")),
                ("name", s("Its name: the file name, a JSON Lines record's id, or stdin.")),
                ("path", s("Where it was read from.")),
                ("url", s("Its URL, if given.")),
                ("source", s("The outlet, if given.")),
                ("title", s("The headline, given or found at the top of the text.")),
                ("published", s("Publication date (YYYY-MM-DD), against which relative dates are resolved.")),
                ("published_origin", format!("Where the publication date came from, {origin}.")),
                ("content_hash", s("SHA-256 of the text and metadata: the same input again is unchanged.")),
                ("clean_text", s("The cleaned text; mention offsets are bytes into it.")),
                ("ingested_at", s("When it was stored (UTC).")),
                (
                    "dict_hash",
                    s("Fingerprint of the chronicle version and dictionaries that extracted it (empty: stored before this was kept)."),
                ),
            ],
        },
        TableDoc {
            name: "mention_spans",
            view: false,
            description: "Where each report is made: byte offsets into an article's clean_text (the view mentions adds the sentence and the event).",
            columns: vec![
                ("id", s("The mention's id.")),
                ("report_id", s("reports.id")),
                ("article_id", s("articles.id")),
                ("start_byte", s("Byte offset of the sentence's start in articles.clean_text.")),
                ("end_byte", s("Byte offset of its end.")),
                ("sentence", s("The sentence, stored only when it is not the slice of clean_text (empty otherwise).")),
            ],
        },
        TableDoc {
            name: "actors",
            view: false,
            description: "Dictionary: people, governments, organisations, armed groups, countries and agencies, with names met in articles that no dictionary knows.",
            columns: vec![
                ("id", s("The actor's id.")),
                ("name", s("Canonical name.")),
                ("kind", s("one of: person, government, organisation, armed_group, country, agency, unknown (not in a dictionary).")),
                ("country", s("The country it belongs to, if known.")),
                ("in_dictionary", s("1 when the dictionaries in use know it.")),
            ],
        },
        TableDoc {
            name: "actor_aliases",
            view: false,
            description: "Dictionary: other names of actors (surnames, acronyms, spellings).",
            columns: vec![("actor_id", s("actors.id")), ("alias", s("Another name for the actor."))],
        },
        TableDoc {
            name: "places",
            view: false,
            description: "Dictionary: countries, capitals, cities, regions and venues, with coordinates.",
            columns: vec![
                ("id", s("The place's id.")),
                ("name", s("Canonical name.")),
                ("kind", s("one of: country, capital, city, region, venue.")),
                ("country", s("The country it is in.")),
                ("latitude", s("Latitude (WGS 84), for maps (Datasette's cluster-map plugin).")),
                ("longitude", s("Longitude (WGS 84).")),
            ],
        },
        TableDoc {
            name: "place_aliases",
            view: false,
            description: "Dictionary: other names of places.",
            columns: vec![("place_id", s("places.id")), ("alias", s("Another name for the place."))],
        },
        TableDoc {
            name: "meta",
            view: false,
            description: "Facts about the database itself (the dictionaries' hash, indexes a bulk load has still to build, merging still to do).",
            columns: vec![("key", s("The fact's name.")), ("value", s("Its value."))],
        },
        TableDoc {
            name: "mentions",
            view: true,
            description: "Each mention with its sentence, sliced from the article's clean_text.",
            columns: vec![
                ("id", s("mention_spans.id")),
                ("event_id", s("events.id")),
                ("article_id", s("articles.id")),
                ("sentence", s("The evidence sentence.")),
                ("start_byte", s("Byte offset of its start in articles.clean_text.")),
                ("end_byte", s("Byte offset of its end.")),
                ("report_id", s("reports.id")),
            ],
        },
        TableDoc {
            name: "timeline",
            view: true,
            description: "One flat row per event in date order (undated last): the columns of `chronicle export events --format csv`, in its order, then actors_json.",
            columns: vec![
                ("id", s("events.id")),
                ("kind", format!("The kind of event, {kind}.")),
                ("status", format!("Whether it took place, {status}.")),
                ("date", format!("The date's label: {labels}.")),
                ("date_end", s("The label of the interval's end, when it differs from date (e.g. a two-day meeting); date_last is the last day.")),
                ("date_start", s("First day of the date interval (YYYY-MM-DD): sort and filter on this.")),
                ("date_last", s("Last day of the date interval (YYYY-MM-DD): events.date_end.")),
                ("precision", format!("How precisely the date is known, {precision}.")),
                ("date_text", s("The date's own words in the article.")),
                ("place", s("Where it took place.")),
                ("actors", s("Who takes part, joined with \"; \".")),
                ("speaker", s("For a statement: who spoke.")),
                ("quote", s("For a statement: the words quoted.")),
                ("count", s("For a death toll: the number of dead.")),
                ("qualifier", format!("For a death toll: {qualifier}.")),
                ("cumulative", s("For a death toll: 1 when counted over a period.")),
                ("sentence", s("The first evidence sentence (of the earliest report).")),
                ("articles", s("The articles that report the event, joined with \"; \".")),
                ("sources", s("How many articles report it.")),
                ("actors_json", s("The actors, each once, as a JSON array: facet with _facet_array=actors_json.")),
            ],
        },
        TableDoc {
            name: "evidence",
            view: true,
            description: "One row per report with its evidence: the text the full-text index evidence_fts holds.",
            columns: vec![
                ("report_id", s("reports.id (the rowid of evidence_fts).")),
                ("event_id", s("events.id: the event the report belongs to now.")),
                ("article_id", s("articles.id")),
                ("sentences", s("The report's evidence sentences, in order, joined with a space.")),
                ("quote", s("For a statement: the words quoted.")),
            ],
        },
        TableDoc {
            name: "evidence_fts",
            view: false,
            description: "Full-text index (SQLite FTS5) of evidence: `SELECT event_id FROM evidence WHERE report_id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH '\"Geneva conference\"')`. Words are matched whole (prefix* for more), without case or accents.",
            columns: vec![
                ("sentences", s("evidence.sentences, indexed.")),
                ("quote", s("evidence.quote, indexed.")),
            ],
        },
        TableDoc {
            name: "evidence_fts_data",
            view: false,
            description: "FTS5's own storage for evidence_fts (the index); not for queries.",
            columns: vec![("id", s("FTS5 internal.")), ("block", s("FTS5 internal."))],
        },
        TableDoc {
            name: "evidence_fts_idx",
            view: false,
            description: "FTS5's own storage for evidence_fts (the index's segments); not for queries.",
            columns: vec![("segid", s("FTS5 internal.")), ("term", s("FTS5 internal.")), ("pgno", s("FTS5 internal."))],
        },
        TableDoc {
            name: "evidence_fts_config",
            view: false,
            description: "FTS5's own storage for evidence_fts (settings); not for queries.",
            columns: vec![("k", s("FTS5 internal.")), ("v", s("FTS5 internal."))],
        },
    ]
}

/// The dictionary tables: hidden on Datasette's front page, behind the data.
const HIDDEN: &[&str] = &[
    "actors",
    "actor_aliases",
    "places",
    "place_aliases",
    "meta",
    "merge_keys",
    "evidence_fts",
    "evidence_fts_data",
    "evidence_fts_idx",
    "evidence_fts_config",
];

/// The metadata for a database file named `db`.
pub fn metadata(db: &Path) -> Value {
    let name = db.file_stem().map_or_else(|| "chronicle".to_string(), |s| s.to_string_lossy().into_owned());
    let mut tables = Map::new();
    for t in schema_doc() {
        let columns: Map<String, Value> = t.columns.iter().map(|(c, d)| (c.to_string(), json!(d))).collect();
        let mut table = json!({ "description": t.description, "columns": columns });
        match t.name {
            "events" => {
                table["title"] = json!(EVENTS_TITLE);
                table["facets"] = json!(["kind", "status", "place"]);
                table["sort"] = json!("date_start");
            }
            "timeline" => {
                table["title"] = json!("Timeline: one flat row per event");
                table["facets"] = json!(["kind", "status", "place", {"array": "actors_json"}]);
            }
            "articles" => table["facets"] = json!(["source", "published_origin"]),
            "actors" | "places" => table["label_column"] = json!("name"),
            _ => {}
        }
        if t.name == "articles" {
            table["label_column"] = json!("name");
        }
        if HIDDEN.contains(&t.name) {
            table["hidden"] = json!(true);
        }
        tables.insert(t.name.to_string(), table);
    }
    json!({
        "title": TITLE,
        "description": "Events extracted from news articles by chronicle: talks, visits, statements and death tolls, \
                        with the sentences that report them. Start with `events` (facets: kind, status, place) or \
                        the flat `timeline` view.",
        "databases": { name: { "tables": tables } },
    })
}

pub fn run(db: &Path) -> anyhow::Result<()> {
    let mut out = super::stdout();
    serde_json::to_writer_pretty(&mut out, &metadata(db))?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}
