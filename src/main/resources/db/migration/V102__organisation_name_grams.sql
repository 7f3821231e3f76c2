-- The organisation name search (q=) is a substring search, name LIKE '%…%', which no B-tree index
-- serves: at 100,000 organisations each search scanned every name (~50 ms of CPU for its total).
-- Every pair of adjacent characters of each name (its bigrams; Chinese names are searched by
-- characters, not words) is listed here, so a search reads only the names holding its rarest
-- bigram and LIKE still decides on each: the result is exactly LIKE's (ADR 0069). The registry
-- keeps it in step in the same transaction as each insert and rename; deletes cascade.
CREATE TABLE organisation_name_gram (
  gram VARCHAR(8) NOT NULL,
  organisation_id BIGINT NOT NULL,
  CONSTRAINT organisation_name_gram_pk PRIMARY KEY (gram, organisation_id)
);

-- The organisations already there, in SQL both databases take: positions 1..200 (names are at
-- most 200 characters) from three VALUES lists, and the rows inserted in key order (on H2 a
-- hundred thousand organisations then take ~30 s instead of minutes); the index and the foreign
-- key come after them, built once.
CREATE TABLE organisation_name_gram_position (i INT NOT NULL PRIMARY KEY);
INSERT INTO organisation_name_gram_position (i)
SELECT h.n * 100 + t.n * 10 + u.n + 1
FROM (VALUES (0), (1)) AS h(n)
CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS t(n)
CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS u(n);
INSERT INTO organisation_name_gram (gram, organisation_id)
SELECT DISTINCT SUBSTRING(o.name FROM p.i FOR 2), o.id
FROM organisation o JOIN organisation_name_gram_position p ON p.i < CHAR_LENGTH(o.name)
ORDER BY 1, 2;
DROP TABLE organisation_name_gram_position;

CREATE INDEX organisation_name_gram_org_ix ON organisation_name_gram (organisation_id);
ALTER TABLE organisation_name_gram ADD CONSTRAINT organisation_name_gram_org_fk
  FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE;
