DELETE FROM account_risk;
DELETE FROM risk_totals;
ALTER TABLE account_risk DROP COLUMN last_contact_at;
