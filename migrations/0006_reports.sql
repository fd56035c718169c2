-- 0006_reports: one event, many reports (issue 16). Until now every event
-- belonged to the one article it was extracted from, so a conference that
-- four outlets reported was four events. Each article's extraction is now
-- kept as its own rows, `reports` (the article's fields, actors and
-- mentions, as the extractor gave them), and `events` holds the events
-- derived from them: one event per group of reports that the merging rules
-- (src/merge.rs, docs/merging.md) link across articles.
--
--   reports       one row per event an article reports; `event_id` is the
--                 merged event it belongs to. `actors` is a JSON array of
--                 [name, role] pairs in the article's order; `terms` the
--                 content words a statement is compared by.
--   report_links  the pairs of reports the rules linked (a < b) and the
--                 strength of the link: events are the connected groups.
--   merge_keys    the index candidates are found through: one row per
--                 (report, anchor), the anchor hashed with the kind (a
--                 participant, a place, a speaker, a figure), with the
--                 days the report may be about (`day`..`last`).
--   events        derived: the fields every report allows, the union of the
--                 participants, `sources` (distinct articles), `outlets`,
--                 `first_reported` (earliest publication), the range of
--                 tolls (`count_low`..`count_high`, `count` the lowest) and
--                 `conflicts` (what the reports disagree on). `article_id`
--                 has moved to `reports`.
--   mention_spans now belong to a report (`report_id`); the view `mentions`
--                 still gives each mention's `event_id`.
--
-- Existing events become one report each and stay one event each; the next
-- `chronicle ingest` links them across articles (the `meta` key
-- `merge_pending`), since the rules need the dictionaries.
--
-- Tables are rebuilt the way SQLite documents (new table, copy, drop, rename)
-- with foreign keys off (`Store::migrate` turns them off around migrations),
-- so that dropping the old tables cascades nowhere.

DROP VIEW timeline;
DROP VIEW mentions;

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('talks', 'visit', 'statement', 'death_toll')),
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
    terms       TEXT
);

INSERT INTO reports (id, event_id, article_id, ordinal, kind, status, date_start, date_end, precision, date_text,
                     place, speaker, quote, count, qualifier, cumulative, actors)
SELECT e.id, e.id, e.article_id, row_number() OVER (PARTITION BY e.article_id ORDER BY e.id) - 1,
       e.kind, e.status, e.date_start, e.date_end, e.precision, e.date_text, e.place, e.speaker, e.quote, e.count,
       e.qualifier, e.cumulative,
       COALESCE((SELECT json_group_array(json_array(name, role))
                   FROM (SELECT a.name AS name, ea.role AS role
                           FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                          WHERE ea.event_id = e.id
                          ORDER BY ea.position)), '[]')
  FROM events e;

CREATE TABLE events_new (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('talks', 'visit', 'statement', 'death_toll')),
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
    conflicts      TEXT
);

INSERT INTO events_new (id, kind, status, date_start, date_end, precision, date_text, place, speaker, quote, count,
                        qualifier, cumulative, sources, outlets, first_reported, count_low, count_high)
SELECT e.id, e.kind, e.status, e.date_start, e.date_end, e.precision, e.date_text, e.place, e.speaker, e.quote,
       e.count, e.qualifier, e.cumulative, 1, 1, a.published, e.count, e.count
  FROM events e JOIN articles a ON a.id = e.article_id;

CREATE TABLE mention_spans_new (
    id         INTEGER PRIMARY KEY,
    report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    sentence   TEXT
);

-- Report ids are the old event ids.
INSERT INTO mention_spans_new (id, report_id, article_id, start_byte, end_byte, sentence)
SELECT id, event_id, article_id, start_byte, end_byte, sentence FROM mention_spans;

DROP TABLE mention_spans;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
ALTER TABLE mention_spans_new RENAME TO mention_spans;

CREATE TABLE report_links (
    a     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    b     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    score INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;

CREATE TABLE merge_keys (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    key       INTEGER NOT NULL,
    day       INTEGER NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (report_id, key)
) WITHOUT ROWID;

-- The indexes of 0001-0004 on events (events_by_article went with its column).
CREATE INDEX events_by_date ON events(date_start);
CREATE INDEX events_by_status ON events(status) WHERE status <> 'happened';
CREATE INDEX events_by_place ON events(place) WHERE place IS NOT NULL;
-- Replacing an article finds its reports; an event's reports are read for
-- `show`, the timeline and every re-derivation.
CREATE INDEX reports_by_article ON reports(article_id);
CREATE INDEX reports_by_event ON reports(event_id);
-- mention_spans_by_article is gone: an article's mentions go with its reports.
CREATE INDEX mention_spans_by_report ON mention_spans(report_id);
CREATE INDEX report_links_by_b ON report_links(b);
-- Candidate search: a key and the days around a report (covering).
CREATE INDEX merge_keys_by_key ON merge_keys(key, day, last);

INSERT INTO meta (key, value) SELECT 'merge_pending', 'all' WHERE EXISTS (SELECT 1 FROM reports)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- Each mention with its sentence and the event its report belongs to; the
-- columns of 0002, with `report_id` added at the end.
CREATE VIEW mentions AS
SELECT m.id, r.event_id, m.article_id,
       COALESCE(m.sentence,
                CAST(substr(CAST(a.clean_text AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte) AS TEXT)) AS sentence,
       m.start_byte, m.end_byte, m.report_id
  FROM mention_spans m JOIN reports r ON r.id = m.report_id JOIN articles a ON a.id = m.article_id;

-- As in 0003, with the evidence and the article names read through the
-- event's reports, and `sources` after `articles`.
CREATE VIEW timeline AS
SELECT id, kind, status, date, NULLIF(date_end, date) AS date_end, date_text, place, actors, speaker, quote, count,
       qualifier, cumulative, sentence, articles, sources, date_start, date_last, precision
FROM (
SELECT
    e.id,
    e.kind,
    e.status,
    CASE e.precision
        WHEN 'week' THEN (SELECT printf('%s-W%02d', strftime('%Y', t), (CAST(strftime('%j', t) AS INTEGER) - 1) / 7 + 1)
                            FROM (SELECT date(e.date_start, '-' || ((CAST(strftime('%w', e.date_start) AS INTEGER) + 6) % 7) || ' days',
                                              '+3 days') AS t))
        WHEN 'month' THEN substr(e.date_start, 1, 7)
        WHEN 'year' THEN substr(e.date_start, 1, 4)
        ELSE e.date_start
    END AS date,
    CASE e.precision
        WHEN 'week' THEN (SELECT printf('%s-W%02d', strftime('%Y', t), (CAST(strftime('%j', t) AS INTEGER) - 1) / 7 + 1)
                            FROM (SELECT date(e.date_end, '-' || ((CAST(strftime('%w', e.date_end) AS INTEGER) + 6) % 7) || ' days',
                                              '+3 days') AS t))
        WHEN 'month' THEN substr(e.date_end, 1, 7)
        WHEN 'year' THEN substr(e.date_end, 1, 4)
        ELSE e.date_end
    END AS date_end,
    e.date_text,
    e.place,
    (SELECT group_concat(name, '; ')
       FROM (SELECT a.name AS name
               FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
              WHERE ea.event_id = e.id
              ORDER BY ea.position)) AS actors,
    e.speaker,
    e.quote,
    e.count,
    e.qualifier,
    e.cumulative,
    (SELECT COALESCE(m.sentence,
                     CAST(substr(CAST(ar.clean_text AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte) AS TEXT))
       FROM reports r JOIN mention_spans m ON m.report_id = r.id JOIN articles ar ON ar.id = m.article_id
      WHERE r.event_id = e.id
      ORDER BY m.id LIMIT 1) AS sentence,
    CASE
        WHEN e.sources = 1 THEN (SELECT ar.name FROM reports r JOIN articles ar ON ar.id = r.article_id
                                  WHERE r.event_id = e.id LIMIT 1)
        ELSE (SELECT group_concat(name, '; ')
                FROM (SELECT DISTINCT ar.name AS name
                        FROM reports r JOIN articles ar ON ar.id = r.article_id
                       WHERE r.event_id = e.id
                       ORDER BY ar.name))
    END AS articles,
    e.sources,
    e.date_start,
    e.date_end AS date_last,
    e.precision
FROM events e);
