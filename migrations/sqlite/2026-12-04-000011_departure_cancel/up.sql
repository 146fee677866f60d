-- A departure plan can be cancelled (POST /departures/{id}/cancel): the status check already
-- allows 'cancelled'; the plan keeps when and why, so the departure board can show it (the
-- audit entry keeps the same reason with who cancelled it).
ALTER TABLE departure_plans ADD COLUMN cancelled_at TIMESTAMP;
ALTER TABLE departure_plans ADD COLUMN cancel_reason TEXT;
