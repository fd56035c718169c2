-- 0004_partial_indexes: the status and place indexes keep only the rows a
-- filter looks them up for.
--   status  four events in five have happened; `--status happened` is better
--           served by walking events_by_date (a LIMIT stops early) than by an
--           index that hands back 80% of the table to sort (168 ms against a
--           few ms on 1M events). The index keeps the other statuses, the rare
--           ones a walk would read most of the table to find.
--   place   more than half of all events have no place, and no filter looks
--           for a missing one.
-- On the 1M-event benchmark database this saves about 22 MB of 385 (issue 6
-- asks for at most 1.5x the text), and a one-article ingest dirties fewer
-- index pages. The store's filters state the indexes' conditions in their
-- WHERE clauses, since SQLite uses a partial index only when the query
-- implies its condition.
DROP INDEX IF EXISTS events_by_status;
CREATE INDEX events_by_status ON events(status) WHERE status <> 'happened';
DROP INDEX IF EXISTS events_by_place;
CREATE INDEX events_by_place ON events(place) WHERE place IS NOT NULL;
