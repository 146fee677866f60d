-- What the dashboard reads without opening every account's detail: the account's value and
-- status, its holders (for the truck factor and successor load) and a fingerprint of its
-- figures (a refresh skips accounts whose figures did not change).
ALTER TABLE account_risk ADD COLUMN annual_value_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE account_risk ADD COLUMN active BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE account_risk ADD COLUMN holder_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE account_risk ADD COLUMN fingerprint BIGINT NOT NULL DEFAULT 0;

-- The additive dashboard figures per team (counts per flag, value and exposure per band, …),
-- moved by the difference in the same transaction as every change of an account's figures.
CREATE TABLE risk_totals (
    team_id BIGINT NOT NULL,
    measure TEXT NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (team_id, measure)
);

-- Figures stored before these columns existed lack them: they are derived data, so they are
-- dropped here and recomputed by the server right after migrating.
DELETE FROM account_risk;
