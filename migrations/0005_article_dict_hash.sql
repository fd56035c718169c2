-- 0005_article_dict_hash: which dictionaries extracted each article.
-- `chronicle load` stores articles extracted elsewhere (`extract --articles`
-- on other machines, a Spark job), possibly by another chronicle version or
-- with other dictionaries; `meta.dict_hash` names only the dictionaries this
-- database was last synced with. Each article now keeps the fingerprint of
-- the dictionaries its events came from (`Dictionaries::fingerprint`, which
-- covers the chronicle version too), so that such articles can be found and
-- extracted again. Articles stored before this migration have NULL: unknown.
ALTER TABLE articles ADD COLUMN dict_hash TEXT;
