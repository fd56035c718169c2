-- 0001_init: the first schema. Articles are stored whole with their cleaned
-- text; events are kept apart from their mentions (the sentences that report
-- them) so that later versions can merge the reports of one event across
-- articles without changing how evidence is stored. Dates are ISO strings so
-- that they sort and compare as text.

-- Small key/value facts about the database itself (e.g. the hash of the
-- dictionaries last copied into `actors` and `places`).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    path             TEXT,
    url              TEXT,
    source           TEXT,
    title            TEXT,
    published        TEXT,
    published_origin TEXT NOT NULL CHECK (published_origin IN ('given', 'text', 'unknown')),
    content_hash     TEXT NOT NULL,
    clean_text       TEXT NOT NULL,
    ingested_at      TEXT NOT NULL
);

-- Canonical actors: from the dictionaries (in_dictionary = 1), or names the
-- extractor met that no dictionary knows (kind 'unknown').
CREATE TABLE actors (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind          TEXT NOT NULL,
    country       TEXT,
    in_dictionary INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (alias, actor_id)
) WITHOUT ROWID;

CREATE TABLE places (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind    TEXT NOT NULL,
    country TEXT,
    lat     REAL,
    lon     REAL
);

CREATE TABLE place_aliases (
    place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (alias, place_id)
) WITHOUT ROWID;

-- For now every event belongs to the article it was extracted from.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
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
    cumulative  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    role     TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;

-- start_byte/end_byte are byte offsets into articles.clean_text.
CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence   TEXT NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL
);

-- Indexes for the `events` filters and for replacing an article's events.
-- (date_start, rowid) order serves `ORDER BY date_start, id` without a sort.
CREATE INDEX events_by_date ON events(date_start);
CREATE INDEX events_by_kind_date ON events(kind, date_start);
CREATE INDEX events_by_status ON events(status);
CREATE INDEX events_by_place ON events(place);
CREATE INDEX events_by_article ON events(article_id);
CREATE INDEX event_actors_by_actor ON event_actors(actor_id, event_id);
CREATE INDEX mentions_by_event ON mentions(event_id);
CREATE INDEX mentions_by_article ON mentions(article_id);
CREATE INDEX actor_aliases_by_actor ON actor_aliases(actor_id);
CREATE INDEX place_aliases_by_place ON place_aliases(place_id);

-- One flat row per event, ready for a spreadsheet. `date` and `date_end` are
-- the labels of the JSON Lines contract (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY).
CREATE VIEW timeline AS
SELECT
    e.id,
    e.kind,
    e.status,
    CASE e.precision
        WHEN 'week' THEN strftime('%G-W%V', e.date_start)
        WHEN 'month' THEN substr(e.date_start, 1, 7)
        WHEN 'year' THEN substr(e.date_start, 1, 4)
        ELSE e.date_start
    END AS date,
    NULLIF(
        CASE e.precision
            WHEN 'week' THEN strftime('%G-W%V', e.date_end)
            WHEN 'month' THEN substr(e.date_end, 1, 7)
            WHEN 'year' THEN substr(e.date_end, 1, 4)
            ELSE e.date_end
        END,
        CASE e.precision
            WHEN 'week' THEN strftime('%G-W%V', e.date_start)
            WHEN 'month' THEN substr(e.date_start, 1, 7)
            WHEN 'year' THEN substr(e.date_start, 1, 4)
            ELSE e.date_start
        END
    ) AS date_end,
    e.date_text,
    e.place,
    (SELECT group_concat(a.name, '; ' ORDER BY ea.position)
       FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
      WHERE ea.event_id = e.id) AS actors,
    e.speaker,
    e.quote,
    e.count,
    e.qualifier,
    e.cumulative,
    (SELECT m.sentence FROM mentions m WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS sentence,
    (SELECT group_concat(name, '; ')
       FROM (SELECT DISTINCT ar.name AS name
               FROM mentions m JOIN articles ar ON ar.id = m.article_id
              WHERE m.event_id = e.id
              ORDER BY ar.name)) AS articles,
    e.date_start,
    e.date_end AS date_last,
    e.precision
FROM events e;
