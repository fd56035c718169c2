-- 0003_portable_timeline: the `timeline` view of 0001/0002 used two things
-- only SQLite 3.44+ (group_concat(x, sep ORDER BY y)) and 3.46+ (strftime
-- %G and %V) understand. An older SQLite, such as the sqlite3 shell of
-- Debian 12 (3.40), refused to open the whole database ("malformed database
-- schema (timeline)"), so analysts could not query it with their own tools.
-- The view is recreated from functions every SQLite 3.x has, with the same
-- columns and values (`date_end` is the end's label, left out when it is the
-- start's):
--   actors  group_concat over a subquery ordered by position;
--   weeks   the ISO week computed from the week's Thursday (its year is the
--           ISO year, its day of the year / 7 the week number), which is what
--           %G-W%V gives.
--
-- `articles` looks up one name when all of an event's mentions are in one
-- article (the usual case) instead of sorting a distinct list for every row:
-- a third of the time of `export events --format csv` went there.
--
-- The index on (kind, date_start) goes too: 28 MB of a 400 MB database of a
-- million events (issue 6 asks for a database of at most 1.5x the text). A
-- --kind filter walks events_by_date instead, where one event in four or
-- more matches; --status keeps its index, since refused and cancelled events
-- are rare and a walk would read most of the table to find them.
DROP INDEX events_by_kind_date;

DROP VIEW timeline;
CREATE VIEW timeline AS
SELECT id, kind, status, date, NULLIF(date_end, date) AS date_end, date_text, place, actors, speaker, quote, count,
       qualifier, cumulative, sentence, articles, date_start, date_last, precision
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
    (SELECT m.sentence FROM mentions m WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS sentence,
    (SELECT CASE
                WHEN first = last THEN (SELECT ar.name FROM articles ar WHERE ar.id = first)
                ELSE (SELECT group_concat(name, '; ')
                        FROM (SELECT DISTINCT ar.name AS name
                                FROM mention_spans m JOIN articles ar ON ar.id = m.article_id
                               WHERE m.event_id = e.id
                               ORDER BY ar.name))
            END
       FROM (SELECT min(article_id) AS first, max(article_id) AS last FROM mention_spans WHERE event_id = e.id)) AS articles,
    e.date_start,
    e.date_end AS date_last,
    e.precision
FROM events e);
