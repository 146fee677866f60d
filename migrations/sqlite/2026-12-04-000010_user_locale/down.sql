DELETE FROM account_risk;
DELETE FROM risk_totals;
ALTER TABLE users DROP COLUMN locale;
