ALTER TABLE departure_plans DROP COLUMN cancel_reason;
ALTER TABLE departure_plans DROP COLUMN cancelled_at;
