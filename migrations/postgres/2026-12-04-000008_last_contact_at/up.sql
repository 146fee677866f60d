-- The latest conversation with a client contact (an interaction, not a note, in which a
-- contact took part): what the `stale` flag now reads, shown in the account list beside the
-- score. Stored figures lack it, and their stale flags and scores (now damped by the
-- institutional score) are those of the old rules: they are derived data, so they are dropped
-- here and recomputed by the server right after migrating.
ALTER TABLE account_risk ADD COLUMN last_contact_at TIMESTAMP;

DELETE FROM account_risk;
DELETE FROM risk_totals;
