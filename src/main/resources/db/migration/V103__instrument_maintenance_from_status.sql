-- A maintenance status ("out of service until a date") is also kept as a dated window, from the moment
-- it is set to the end of that date (Asia/Shanghai) or until the instrument is back earlier, so that
-- utilisation subtracts it like a planned window. Planned windows stay from_status = FALSE.
ALTER TABLE instrument_maintenance ADD COLUMN from_status BOOLEAN DEFAULT FALSE NOT NULL;
