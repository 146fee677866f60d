DELETE FROM account_risk;
DELETE FROM risk_totals;
ALTER TABLE account_risk DROP COLUMN institutional_tie;
DROP INDEX interactions_event;
ALTER TABLE interactions DROP COLUMN event_id;
DROP TABLE event_attendees;
DROP TABLE event_employees;
DROP TABLE events;
