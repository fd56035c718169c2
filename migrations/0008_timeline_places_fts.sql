-- 0008_timeline_places_fts: the database as analysts' own tools read it
-- (issue 17): the sqlite3 shell, Datasette and its plugins.
--
--   timeline      the columns of `events --format csv` and `export events`,
--                 in their order (id, kind, status, date, date_end,
--                 date_start, date_last, precision, date_text, place,
--                 actors, speaker, quote, count, qualifier, cumulative,
--                 sentence, articles, sources), then `actors_json`: the
--                 event's actors once each, as a JSON array, so that
--                 Datasette's `_facet_array=actors_json` works (the joined
--                 `actors` gave "malformed JSON"). The rows come in date
--                 order, undated last, as in the export; `sentence` is the
--                 export's too (the earliest report's first). `date_end` and
--                 `date_last` mean what they mean in every export: the end's
--                 label and the last day (the events table's `date_end`).
--   places        `lat`/`lon` become `latitude`/`longitude`, the names
--                 Datasette's cluster-map plugin looks for.
--   events        `place_id` links an event to its place in `places` with a
--                 foreign key, which Datasette shows as a link. SQLite adds a
--                 column with a REFERENCES clause in place (no rebuild of the
--                 table); `place` stays the name as extracted, and is NULL in
--                 `place_id` when no dictionary knows the place. The store
--                 keeps it in step when events are written and when the
--                 dictionaries' places change (their ids may change then).
--   evidence      a view: one row per report with its evidence sentences
--                 (in order, joined with a space) and its quote.
--   evidence_fts  an FTS5 index of `evidence` (external content: the text
--                 is not stored twice), rowid = reports.id. A report's
--                 rows are added when it is stored and removed (with the
--                 values the view gives then) before it is deleted; merging
--                 moves reports between events without touching it, so an
--                 event is found through its reports' current `event_id`.
--                 Words are matched without case or accents, not by stem
--                 (the porter stemmer cost a seventh of building the index),
--                 and no row sizes are kept (columnsize = 0: nothing ranks
--                 by them, and writing them cost a sixth).
--
-- Existing reports are indexed and existing events linked to their places here.

DROP VIEW timeline;

ALTER TABLE places RENAME COLUMN lat TO latitude;
ALTER TABLE places RENAME COLUMN lon TO longitude;

ALTER TABLE events ADD COLUMN place_id INTEGER REFERENCES places(id);
UPDATE events SET place_id = (SELECT p.id FROM places p WHERE p.name = events.place) WHERE place IS NOT NULL;

CREATE VIEW evidence AS
SELECT r.id AS report_id,
       r.event_id,
       r.article_id,
       (SELECT group_concat(sentence, ' ')
          FROM (SELECT COALESCE(m.sentence,
                                CAST(substr(CAST(ar.clean_text AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte) AS TEXT))
                       AS sentence
                  FROM mention_spans m
                 WHERE m.report_id = r.id
                 ORDER BY m.id)) AS sentences,
       r.quote
  -- report_fields (0007): a report alone in its event keeps its quote there.
  FROM report_fields r JOIN articles ar ON ar.id = r.article_id;

CREATE VIRTUAL TABLE evidence_fts USING fts5(
    sentences, quote,
    content = 'evidence', content_rowid = 'report_id', columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Terms pending in memory up to 32 MB before FTS5 writes them as a segment
-- (the default, 1 MB, made building the index of 1M reports write and merge
-- hundreds of small segments: 5.4 s, against 3.5 s).
INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO evidence_fts (evidence_fts) VALUES ('rebuild');

-- As in 0006 (functions every SQLite 3.x has), in the export's column order.
CREATE VIEW timeline AS
SELECT id, kind, status, date, NULLIF(date_end, date) AS date_end, date_start, date_last, precision, date_text, place,
       actors, speaker, quote, count, qualifier, cumulative, sentence, articles, sources, actors_json
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
    e.date_start,
    e.date_end AS date_last,
    e.precision,
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
       FROM reports r JOIN mention_spans m ON m.report_id = r.id JOIN articles ar ON ar.id = r.article_id
      WHERE r.event_id = e.id
      ORDER BY ar.published IS NULL, ar.published, ar.name, r.ordinal, m.id LIMIT 1) AS sentence,
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
    (SELECT json_group_array(name)
       FROM (SELECT a.name AS name
               FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
              WHERE ea.event_id = e.id
              GROUP BY a.id
              ORDER BY min(ea.position))) AS actors_json
FROM events e)
ORDER BY date_start IS NULL, date_start, id;
