-- insight: monthly snapshots of every indicator per scope (CITY or a county code), with the
-- version (hash) of the definition text used, so trends do not move when old rows are edited
CREATE TABLE insight_snapshot (
  indicator_id VARCHAR(100) NOT NULL,
  scope_key VARCHAR(32) NOT NULL,
  period VARCHAR(7) NOT NULL,
  snapshot_value NUMERIC(20,2) NOT NULL,
  definition_version VARCHAR(16) NOT NULL,
  taken_at TIMESTAMP WITH TIME ZONE NOT NULL,
  taken_by VARCHAR(64) NOT NULL,
  PRIMARY KEY (indicator_id, scope_key, period)
);
CREATE INDEX insight_snapshot_scope ON insight_snapshot (scope_key, period);
