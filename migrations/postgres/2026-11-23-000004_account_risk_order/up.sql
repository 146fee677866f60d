-- Lists sorted by exposure walk these indexes in order (ties broken by account id) and stop at
-- the page's end, also when a filter such as a flag keeps only some of the team's accounts.
CREATE INDEX account_risk_team_exposure_id ON account_risk (team_id, exposure_minor, account_id);
CREATE INDEX account_risk_exposure_id ON account_risk (exposure_minor, account_id);
DROP INDEX account_risk_team_exposure;
DROP INDEX account_risk_exposure;
