DROP TABLE risk_totals;
ALTER TABLE account_risk DROP COLUMN fingerprint;
ALTER TABLE account_risk DROP COLUMN holder_ids;
ALTER TABLE account_risk DROP COLUMN active;
ALTER TABLE account_risk DROP COLUMN annual_value_minor;
