-- HR's ranking of people (GET /exposure/people) without reading anyone's accounts: each
-- account's stored figures carry every employee's part in it, as the domain's
-- employee_exposure reckons it over that account alone
-- (`user_id:orphaned_value_minor:share_weighted_value_minor:holder:sole_holder`, comma-separated;
-- see crates/store/src/figures/people.rs), and people_totals holds their sums per employee,
-- moved by the difference in the same transaction as every change of an account's figures.
ALTER TABLE account_risk ADD COLUMN people_parts TEXT NOT NULL DEFAULT '';

CREATE TABLE people_totals (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    orphaned_value_minor BIGINT NOT NULL DEFAULT 0,
    share_weighted_exposure_minor BIGINT NOT NULL DEFAULT 0,
    accounts_held BIGINT NOT NULL DEFAULT 0,
    sole_held_accounts BIGINT NOT NULL DEFAULT 0
);

-- Stored figures lack the parts: they are derived data, so they are dropped here (with the
-- totals made of them) and recomputed by the server right after migrating.
DELETE FROM account_risk;
DELETE FROM risk_totals;
