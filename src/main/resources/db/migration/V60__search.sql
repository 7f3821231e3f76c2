-- search: which rebuild the current index belongs to. A fresh database has no row, so an index
-- left over from another database is seen as stale and rebuilt in the background at start.
CREATE TABLE search_state (
    id INTEGER PRIMARY KEY,
    token VARCHAR(64) NOT NULL,
    analysis_version VARCHAR(64) NOT NULL,
    rebuilt_at TIMESTAMP WITH TIME ZONE NOT NULL
);
