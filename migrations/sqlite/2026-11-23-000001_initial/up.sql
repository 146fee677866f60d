-- The whole domain of PRODUCT.md. Ids are BIGINT identities, timestamps TIMESTAMP holding UTC,
-- enums TEXT with CHECK, money BIGINT minor units + TEXT currency, JSON as TEXT: the types both
-- stores share. Every account-owned row carries account_id (sharding by account stays possible).

CREATE TABLE teams (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL UNIQUE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    email_lower TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'hr', 'sales_lead', 'member')),
    team_id BIGINT REFERENCES teams (id),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'leaving', 'departed')),
    leave_date DATE,
    non_solicitation_until DATE,
    non_compete_until DATE,
    password_hash TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX users_team_id ON users (team_id);

-- Sales leads of a team (a team may have several, a lead may lead several teams).
CREATE TABLE team_leads (
    team_id BIGINT NOT NULL REFERENCES teams (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_leads_user_id ON team_leads (user_id);

-- A user's default team: colleagues added to every account that user creates.
CREATE TABLE default_team_members (
    user_id BIGINT NOT NULL REFERENCES users (id),
    member_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'co_owner', 'specialist', 'executive_sponsor')),
    access TEXT NOT NULL CHECK (access IN ('read', 'edit')),
    PRIMARY KEY (user_id, member_id)
);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    external_id TEXT UNIQUE,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    tier TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C')),
    region TEXT NOT NULL,
    team_id BIGINT NOT NULL REFERENCES teams (id),
    annual_value_minor BIGINT NOT NULL CHECK (annual_value_minor >= 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'churned')),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX accounts_team_id ON accounts (team_id, id);
CREATE INDEX accounts_name_lower ON accounts (name_lower, id);

CREATE TABLE account_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    other_account_id BIGINT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('referred_by', 'same_group', 'partner')),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (account_id, other_account_id, kind),
    CHECK (account_id <> other_account_id)
);
CREATE INDEX account_links_other ON account_links (other_account_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    external_id TEXT UNIQUE,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    job_title TEXT NOT NULL DEFAULT '',
    email TEXT,
    phone TEXT,
    influence TEXT NOT NULL CHECK (influence IN ('decision_maker', 'champion', 'influencer', 'user', 'other')),
    left_at DATE,
    -- The same person's record at their previous employer, when they changed jobs.
    previous_contact_id BIGINT REFERENCES contacts (id),
    erased_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX contacts_account_id ON contacts (account_id);

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'co_owner', 'specialist', 'executive_sponsor')),
    access TEXT NOT NULL CHECK (access IN ('read', 'edit')),
    since TIMESTAMP NOT NULL,
    until TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX assignments_one_open ON assignments (account_id, user_id) WHERE until IS NULL;
CREATE INDEX assignments_user_open ON assignments (user_id, account_id) WHERE until IS NULL;

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    external_id TEXT UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'email', 'visit', 'event', 'gift', 'complaint', 'note')),
    occurred_at TIMESTAMP NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    on_behalf_of TEXT NOT NULL CHECK (on_behalf_of IN ('person', 'organisation')),
    complaint_status TEXT CHECK (complaint_status IN ('open', 'resolved')),
    resolved_at TIMESTAMP,
    follow_up_owner_id BIGINT REFERENCES users (id),
    follow_up_due DATE,
    created_by BIGINT REFERENCES users (id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    CHECK ((kind = 'complaint') = (complaint_status IS NOT NULL))
);
CREATE INDEX interactions_account_time ON interactions (account_id, occurred_at);

CREATE TABLE interaction_employees (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    interaction_id BIGINT NOT NULL REFERENCES interactions (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (interaction_id, user_id)
);
CREATE INDEX interaction_employees_account ON interaction_employees (account_id);

CREATE TABLE interaction_contacts (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    interaction_id BIGINT NOT NULL REFERENCES interactions (id),
    contact_id BIGINT NOT NULL REFERENCES contacts (id),
    PRIMARY KEY (interaction_id, contact_id)
);
CREATE INDEX interaction_contacts_account ON interaction_contacts (account_id);

CREATE TABLE coverage_policies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tier TEXT NOT NULL UNIQUE CHECK (tier IN ('A', 'B', 'C')),
    min_holders INTEGER NOT NULL CHECK (min_holders >= 0),
    min_contacts INTEGER NOT NULL CHECK (min_contacts >= 0),
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE departure_plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    leave_date DATE NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'applied', 'cancelled')),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    applied_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX departure_plans_user ON departure_plans (user_id);

CREATE TABLE handovers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id BIGINT NOT NULL REFERENCES departure_plans (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    successor_id BIGINT REFERENCES users (id),
    due_date DATE,
    waiver_reason TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'introduced', 'done')),
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (plan_id, account_id)
);
CREATE INDEX handovers_account ON handovers (account_id);

CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at TIMESTAMP NOT NULL,
    actor_id BIGINT REFERENCES users (id),
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    account_id BIGINT,
    team_id BIGINT,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_entries_entity ON audit_entries (entity, entity_id);
CREATE INDEX audit_entries_actor ON audit_entries (actor_id);

-- Refresh tokens are stored as SHA-256 hashes; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    family_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    issued_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    rotated_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- The stored continuity figures of one account, kept current on every write that touches it.
CREATE TABLE account_risk (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id),
    team_id BIGINT NOT NULL,
    score INTEGER NOT NULL,
    exposure_minor BIGINT NOT NULL,
    flags TEXT NOT NULL DEFAULT '',
    detail_json TEXT NOT NULL,
    last_interaction_at TIMESTAMP,
    computed_at TIMESTAMP NOT NULL
);
CREATE INDEX account_risk_team_exposure ON account_risk (team_id, exposure_minor);
CREATE INDEX account_risk_exposure ON account_risk (exposure_minor);

-- Daily figures per team for the risk trend (team_id 0 = firm-wide).
CREATE TABLE risk_snapshots (
    day DATE NOT NULL,
    team_id BIGINT NOT NULL,
    value_minor BIGINT NOT NULL,
    exposure_minor BIGINT NOT NULL,
    key_person_value_minor BIGINT NOT NULL,
    flag_counts_json TEXT NOT NULL,
    PRIMARY KEY (day, team_id)
);
