-- The write keeps the figures: every change to a row the continuity figures are made of notes
-- the account it belongs to here (or, for a change to an employee, the employee), and the
-- write's transaction recomputes each noted account once just before it commits
-- (crates/store/src/figures/pending.rs), then deletes the notes. A transaction sees only its
-- own uncommitted notes, so between transactions the table is empty; it is UNLOGGED because
-- nothing in it outlives a transaction.
CREATE UNLOGGED TABLE figures_pending (
    account_id BIGINT,
    user_id BIGINT,
    CHECK ((account_id IS NULL) <> (user_id IS NULL))
);

-- Rows that carry their account in `account_id`: contacts, assignments, interactions and
-- their participants. A row moved to another account notes both.
CREATE FUNCTION figures_note_account_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.account_id IS DISTINCT FROM OLD.account_id) THEN
        INSERT INTO figures_pending (account_id) VALUES (NEW.account_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER contacts_note_figures AFTER INSERT OR UPDATE OR DELETE ON contacts
    FOR EACH ROW EXECUTE FUNCTION figures_note_account_of_row();
CREATE TRIGGER assignments_note_figures AFTER INSERT OR UPDATE OR DELETE ON assignments
    FOR EACH ROW EXECUTE FUNCTION figures_note_account_of_row();
CREATE TRIGGER interactions_note_figures AFTER INSERT OR UPDATE OR DELETE ON interactions
    FOR EACH ROW EXECUTE FUNCTION figures_note_account_of_row();
CREATE TRIGGER interaction_employees_note_figures AFTER INSERT OR UPDATE OR DELETE ON interaction_employees
    FOR EACH ROW EXECUTE FUNCTION figures_note_account_of_row();
CREATE TRIGGER interaction_contacts_note_figures AFTER INSERT OR UPDATE OR DELETE ON interaction_contacts
    FOR EACH ROW EXECUTE FUNCTION figures_note_account_of_row();

-- The account itself: its value, tier, status, team and name are in its figures.
CREATE FUNCTION figures_note_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER accounts_note_figures AFTER INSERT OR UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION figures_note_account();

-- A link is an institutional tie of both accounts.
CREATE FUNCTION figures_note_linked_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO figures_pending (account_id) VALUES (OLD.account_id), (OLD.other_account_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO figures_pending (account_id) VALUES (NEW.account_id), (NEW.other_account_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER account_links_note_figures AFTER INSERT OR UPDATE OR DELETE ON account_links
    FOR EACH ROW EXECUTE FUNCTION figures_note_linked_accounts();

-- An employee's name, status, dates and team are in the figures of the accounts they touch;
-- which accounts those are (open assignments, interactions in the window) is worked out at
-- the commit, where the window is known.
CREATE FUNCTION figures_note_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figures_pending (user_id) VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER users_note_figures AFTER UPDATE ON users
    FOR EACH ROW
    WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name
          OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.leave_date IS DISTINCT FROM NEW.leave_date
          OR OLD.team_id IS DISTINCT FROM NEW.team_id
          OR OLD.non_solicitation_until IS DISTINCT FROM NEW.non_solicitation_until
          OR OLD.non_compete_until IS DISTINCT FROM NEW.non_compete_until)
    EXECUTE FUNCTION figures_note_user();

-- A tier's coverage policy is in the figures of every account of that tier.
CREATE FUNCTION figures_note_tier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO figures_pending (account_id) SELECT id FROM accounts WHERE tier = OLD.tier;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.tier IS DISTINCT FROM OLD.tier) THEN
        INSERT INTO figures_pending (account_id) SELECT id FROM accounts WHERE tier = NEW.tier;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER coverage_policies_note_figures AFTER INSERT OR UPDATE OR DELETE ON coverage_policies
    FOR EACH ROW EXECUTE FUNCTION figures_note_tier();
