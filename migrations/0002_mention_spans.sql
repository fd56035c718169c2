-- 0002_mention_spans: a mention's sentence is the slice start_byte..end_byte
-- of its article's clean_text, so storing it again kept most article text
-- twice (the mentions table was as large as the articles table; issue 6 asks
-- for a database of at most 1.5x the text ingested). Mentions now keep only
-- the offsets; `sentence` is stored only when it is not that slice, which the
-- extractor does not produce today. The view `mentions` gives back the same
-- columns as the old table, so `sql`, `export mentions` and `timeline` read
-- it unchanged. substr() counts bytes on a BLOB, characters on TEXT: the
-- offsets are bytes, hence the casts.
CREATE TABLE mention_spans (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    sentence   TEXT
);

INSERT INTO mention_spans (id, event_id, article_id, start_byte, end_byte, sentence)
SELECT m.id, m.event_id, m.article_id, m.start_byte, m.end_byte,
       CASE WHEN m.sentence = CAST(substr(CAST(a.clean_text AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte) AS TEXT)
            THEN NULL ELSE m.sentence END
  FROM mentions m JOIN articles a ON a.id = m.article_id;

-- The timeline view reads `mentions` by name; it is recreated unchanged below.
DROP VIEW timeline;
DROP TABLE mentions;

CREATE INDEX mention_spans_by_event ON mention_spans(event_id);
CREATE INDEX mention_spans_by_article ON mention_spans(article_id);

CREATE VIEW mentions AS
SELECT m.id, m.event_id, m.article_id,
       COALESCE(m.sentence,
                CAST(substr(CAST(a.clean_text AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte) AS TEXT)) AS sentence,
       m.start_byte, m.end_byte
  FROM mention_spans m JOIN articles a ON a.id = m.article_id;
-- As in 0001; the article names come from mention_spans, which needs no sentence.
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
               FROM mention_spans m JOIN articles ar ON ar.id = m.article_id
              WHERE m.event_id = e.id
              ORDER BY ar.name)) AS articles,
    e.date_start,
    e.date_end AS date_last,
    e.precision
FROM events e;
