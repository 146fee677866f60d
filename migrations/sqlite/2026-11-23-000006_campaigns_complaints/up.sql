-- Campaigns (PRODUCT.md, "Equal-treatment check"): a named apology, mailing, gift or invitation
-- to a target set of accounts, scoped to one team or (team_id NULL) the firm. The target is
-- kept as JSON; the accounts it reached are fixed when it is sent, each with the touchpoint
-- that records it, and so is the report the sender saw.
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('apology', 'mailing', 'gift', 'invitation')),
    team_id BIGINT REFERENCES teams (id),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
    target_json TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    sent_by BIGINT REFERENCES users (id),
    acknowledged_reason TEXT,
    sent_report_json TEXT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX campaigns_team ON campaigns (team_id, id);

CREATE TABLE campaign_accounts (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    interaction_id BIGINT NOT NULL REFERENCES interactions (id),
    PRIMARY KEY (campaign_id, account_id)
);
CREATE INDEX campaign_accounts_account ON campaign_accounts (account_id);

-- Complaints as dialogue: a trail of follow-up notes, and what was done when resolved.
CREATE TABLE interaction_follow_ups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    interaction_id BIGINT NOT NULL REFERENCES interactions (id),
    note TEXT NOT NULL,
    author_id BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX interaction_follow_ups_interaction ON interaction_follow_ups (interaction_id, id);
CREATE INDEX interaction_follow_ups_account ON interaction_follow_ups (account_id);

ALTER TABLE interactions ADD COLUMN resolution TEXT;
-- The complaints list (oldest first per status) and the dashboard's counts walk only complaints.
CREATE INDEX interactions_complaints ON interactions (complaint_status, occurred_at, id)
    WHERE complaint_status IS NOT NULL;
