-- 0009_checks_without_lists: the kind of a report or an event is checked by
-- comparisons, not by `kind IN (...)` (issue 16, the cost of a bulk load).
-- SQLite evaluates a CHECK with an IN list of more than two values through a
-- temporary B-tree that each INSERT statement builds anew (OpenEphemeral):
-- on a bulk load of 500 generated articles that was 14,478 temporary tables,
-- a page each to allocate and zero, about 7% of the instructions of `load`.
-- The rule is the same, only its spelling changes. SQLite cannot change a
-- CHECK in place, so both tables are rebuilt the way it documents (new
-- table, copy, drop, rename; foreign keys are off during migrations) with
-- their indexes; `legacy_alter_table` keeps the rename from checking the
-- views that name the table while it is briefly missing (they read the
-- rebuilt table by name, unchanged).

PRAGMA legacy_alter_table = ON;

CREATE TABLE reports_new (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind = 'talks' OR kind = 'visit' OR kind = 'statement' OR kind = 'death_toll'),
    status      TEXT NOT NULL,
    date_start  TEXT,
    date_end    TEXT,
    precision   TEXT,
    date_text   TEXT,
    place       TEXT COLLATE NOCASE,
    speaker     TEXT,
    quote       TEXT,
    count       INTEGER,
    qualifier   TEXT,
    cumulative  INTEGER NOT NULL DEFAULT 0,
    actors      TEXT NOT NULL DEFAULT '[]',
    terms       TEXT,
    in_event    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO reports_new (id, event_id, article_id, ordinal, kind, status, date_start, date_end, precision, date_text,
                         place, speaker, quote, count, qualifier, cumulative, actors, terms, in_event)
SELECT id, event_id, article_id, ordinal, kind, status, date_start, date_end, precision, date_text,
       place, speaker, quote, count, qualifier, cumulative, actors, terms, in_event
  FROM reports;
DROP TABLE reports;
ALTER TABLE reports_new RENAME TO reports;
CREATE INDEX reports_by_article ON reports(article_id);
CREATE INDEX reports_by_event ON reports(event_id);

CREATE TABLE events_new (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind = 'talks' OR kind = 'visit' OR kind = 'statement' OR kind = 'death_toll'),
    status         TEXT NOT NULL,
    date_start     TEXT,
    date_end       TEXT,
    precision      TEXT,
    date_text      TEXT,
    place          TEXT COLLATE NOCASE,
    speaker        TEXT,
    quote          TEXT,
    count          INTEGER,
    qualifier      TEXT,
    cumulative     INTEGER NOT NULL DEFAULT 0,
    sources        INTEGER NOT NULL DEFAULT 1,
    outlets        INTEGER NOT NULL DEFAULT 1,
    first_reported TEXT,
    count_low      INTEGER,
    count_high     INTEGER,
    conflicts      TEXT,
    place_id       INTEGER REFERENCES places(id)
);
INSERT INTO events_new (id, kind, status, date_start, date_end, precision, date_text, place, speaker, quote, count,
                        qualifier, cumulative, sources, outlets, first_reported, count_low, count_high, conflicts,
                        place_id)
SELECT id, kind, status, date_start, date_end, precision, date_text, place, speaker, quote, count,
       qualifier, cumulative, sources, outlets, first_reported, count_low, count_high, conflicts, place_id
  FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
-- The query indexes of 0006 and 0004. An interrupted bulk load's deferred
-- ones were built before migrating (`Store::migrate`).
CREATE INDEX events_by_date ON events(date_start);
CREATE INDEX events_by_status ON events(status) WHERE status <> 'happened';
CREATE INDEX events_by_place ON events(place) WHERE place IS NOT NULL;

PRAGMA legacy_alter_table = OFF;
