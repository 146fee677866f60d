CREATE INDEX account_risk_team_exposure ON account_risk (team_id, exposure_minor);
CREATE INDEX account_risk_exposure ON account_risk (exposure_minor);
DROP INDEX account_risk_team_exposure_id;
DROP INDEX account_risk_exposure_id;
