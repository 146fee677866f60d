-- Client events (a client day, seminar or dinner held in the firm's name) with employees and
-- client contacts from many accounts. An event spans accounts, so it is not account-owned;
-- its attendee rows are, and carry account_id. Each attending account gets one
-- organisation-attributed interaction of kind 'event' pointing back at the event.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('client_day', 'seminar', 'dinner', 'other')),
    occurred_at TIMESTAMP NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_by BIGINT REFERENCES users (id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX events_occurred ON events (occurred_at, id);

CREATE TABLE event_employees (
    event_id BIGINT NOT NULL REFERENCES events (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE event_attendees (
    event_id BIGINT NOT NULL REFERENCES events (id),
    contact_id BIGINT NOT NULL REFERENCES contacts (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (event_id, contact_id)
);
CREATE INDEX event_attendees_account ON event_attendees (account_id, event_id);

ALTER TABLE interactions ADD COLUMN event_id BIGINT REFERENCES events (id);
CREATE INDEX interactions_event ON interactions (event_id);

-- Whether the account has an institutional tie (an organisation-attributed touchpoint in the
-- last 365 days, or any account link); the dashboard's untied figures are summed from it.
ALTER TABLE account_risk ADD COLUMN institutional_tie BOOLEAN NOT NULL DEFAULT FALSE;

-- Stored figures lack the tie and the totals lack the untied measures: both are derived data,
-- so they are dropped here and recomputed by the server right after migrating.
DELETE FROM account_risk;
DELETE FROM risk_totals;
