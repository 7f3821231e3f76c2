-- market: when a brokerage first reached a conversation (contacted) and a signed contract, so a
-- brokerage dropped later still counts in the introduction rate and the conversion it reached.
ALTER TABLE brokerage ADD COLUMN contacted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE brokerage ADD COLUMN signed_at TIMESTAMP WITH TIME ZONE;
UPDATE brokerage SET contacted_at = updated_at WHERE status IN ('CONTACTED', 'NEGOTIATING', 'SIGNED', 'COMPLETED');
UPDATE brokerage SET signed_at = updated_at WHERE status IN ('SIGNED', 'COMPLETED');
