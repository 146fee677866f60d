-- Lists sorted by exposure walk these indexes in order (ties broken by account id) and stop at
-- the page's end, also when a filter such as a flag keeps only some of the team's accounts; the
-- team index carries what the list reads and filters on, so a team's list is an index-only
-- scan instead of a visit to every (wide) row of the team's figures.
CREATE INDEX account_risk_team_exposure_id ON account_risk (team_id, exposure_minor, account_id)
    INCLUDE (flags, score, active);
CREATE INDEX account_risk_exposure_id ON account_risk (exposure_minor, account_id);
DROP INDEX account_risk_team_exposure;
DROP INDEX account_risk_exposure;
