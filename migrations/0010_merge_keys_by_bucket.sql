-- 0010_merge_keys_by_bucket: merge keys are found by an 8-day bucket of their
-- first day before their key (issue 16, one article into a large database).
-- `merge_keys_by_key` (key, day, last) put a new article's ~50 keys at random
-- places of an index that a bulk load builds with full leaves, so each key
-- split a leaf of its own: one 3 KB article into 1M events changed 347 pages,
-- 228 of them that index's, each written twice (WAL, then checkpoint). In
-- the order (bucket, key, day, last) an article's keys, whose days are a few
-- weeks at most, share the leaves of a few buckets: 226 pages, 107 the index's.
-- A look-up asks the buckets of its window one by one (the window reaches back
-- `merge::MAX_SPAN_DAYS`, so five or six), with the same conditions as before
-- (see `store::merge_new_reports`); the bulk linking pass reads the keys
-- sorted by key instead of through the index. The division must stay
-- `day / 8`, as the query spells it, for SQLite to use the index.
DROP INDEX IF EXISTS merge_keys_by_key;
CREATE INDEX merge_keys_by_bucket ON merge_keys(day / 8, key, day, last);
