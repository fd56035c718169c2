-- 0007_lean_reports: a report alone in its event keeps its fields only once,
-- in the event (issue 16, measured costs). Since 0006 every report was stored
-- twice, as a report and, until another article's report joins it, as an
-- event of its own with the same fields: of 1M generated events about 98%
-- stay alone, and the copy made the database 1.7x what it was before
-- reports and slowed a bulk load.
--
--   reports.in_event  1: the report's fields other than kind, status and
--                     terms (dates, date_text, place, speaker, quote, count,
--                     qualifier, cumulative: NULL here; actors: '[]' here)
--                     are those of its event, which it is the only report
--                     of (its actors are the event's event_actors). The store
--                     writes them into the report (in_event 0) before the
--                     event changes: before another report joins it, or it
--                     joins another event.
--   report_fields     every report with its own fields, wherever they are
--                     kept: the view to read reports through (`show`, the
--                     merging code, and SQL).
--
-- Existing reports keep their fields (in_event 0); the reports written from
-- now on start lean.
--
-- A government taking part in talks now stands for its country too (a merge
-- key under the country, src/merge.rs): the keys of stored talks with a
-- government among their participants are dropped, and the next ingest
-- computes them again and links what they find (`merge_pending`, as 0006).

ALTER TABLE reports ADD COLUMN in_event INTEGER NOT NULL DEFAULT 0;

CREATE VIEW report_fields AS
SELECT r.id, r.event_id, r.article_id, r.ordinal, r.kind, r.status,
       CASE WHEN r.in_event THEN e.date_start ELSE r.date_start END AS date_start,
       CASE WHEN r.in_event THEN e.date_end ELSE r.date_end END AS date_end,
       CASE WHEN r.in_event THEN e.precision ELSE r.precision END AS precision,
       CASE WHEN r.in_event THEN e.date_text ELSE r.date_text END AS date_text,
       CASE WHEN r.in_event THEN e.place ELSE r.place END AS place,
       CASE WHEN r.in_event THEN e.speaker ELSE r.speaker END AS speaker,
       CASE WHEN r.in_event THEN e.quote ELSE r.quote END AS quote,
       CASE WHEN r.in_event THEN e.count ELSE r.count END AS count,
       CASE WHEN r.in_event THEN e.qualifier ELSE r.qualifier END AS qualifier,
       CASE WHEN r.in_event THEN e.cumulative ELSE r.cumulative END AS cumulative,
       CASE WHEN r.in_event
            THEN (SELECT '[' || ifnull(group_concat(x, ','), '') || ']'
                    FROM (SELECT json_array(a.name, ea.role) AS x
                            FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                           WHERE ea.event_id = r.event_id ORDER BY ea.position))
            ELSE r.actors END AS actors,
       r.terms
  FROM reports r LEFT JOIN events e ON r.in_event = 1 AND e.id = r.event_id;

DELETE FROM merge_keys
 WHERE report_id IN (SELECT r.id
                       FROM reports r, json_each(r.actors) j
                       JOIN actors a ON a.name = j.value ->> 0
                      WHERE r.kind = 'talks' AND a.kind = 'government' AND a.country IS NOT NULL);

-- `all` even over a pending bulk load's `bulk`, which has every key computed.
INSERT INTO meta (key, value) SELECT 'merge_pending', 'all' WHERE changes() > 0
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
