-- insight (issue 7, ADR 0062): indexes behind the drill-down lists and the cached totals.
-- The latest organisation change, read on every cached total (an organisation moving county changes
-- every county figure that joins it): a one-entry look-up instead of a scan of 100,000 rows.
CREATE INDEX organisation_updated_ix ON organisation (updated_at);
-- Bookings and incubatees are listed newest first: with these H2 and PostgreSQL read the page's ids
-- in index order and stop at the page instead of sorting every matching row.
CREATE INDEX booking_starts_ix ON booking (starts_at, id);
CREATE INDEX incubatee_entry_ix ON incubatee (entry_date, id);
