-- Numbered after capital (V20): databases already at V20 must pick it up on upgrade.
-- Counts of organisations per (kind, county, industry, demo), kept in step with the organisation
-- table in the same transaction as each insert, update and delete. A filtered list's total is then
-- a SUM over at most a few hundred rows instead of a COUNT over up to every organisation (the
-- largest cost of a list request at 100,000 organisations; see docs/benchmarks.md). A missing
-- county or industry is stored as '' because key columns cannot be null.
CREATE TABLE organisation_tally (
  kind VARCHAR(20) NOT NULL,
  county_code VARCHAR(32) NOT NULL,
  industry_code VARCHAR(32) NOT NULL,
  demo BOOLEAN NOT NULL,
  n BIGINT NOT NULL,
  CONSTRAINT organisation_tally_pk PRIMARY KEY (kind, county_code, industry_code, demo),
  CONSTRAINT organisation_tally_n_ck CHECK (n >= 0)
);
INSERT INTO organisation_tally (kind, county_code, industry_code, demo, n)
SELECT kind, COALESCE(county_code, ''), COALESCE(industry_code, ''), demo, COUNT(*)
FROM organisation GROUP BY kind, COALESCE(county_code, ''), COALESCE(industry_code, ''), demo;
