DELETE FROM account_risk;
DELETE FROM risk_totals;
DROP TABLE people_totals;
ALTER TABLE account_risk DROP COLUMN people_parts;
