-- The write keeps the figures: every change to a row the continuity figures are made of notes
-- the account it belongs to here (or, for a change to an employee, the employee), and the
-- write's transaction recomputes each noted account once just before it commits
-- (crates/store/src/figures/pending.rs), then deletes the notes; between transactions the
-- table is empty.
CREATE TABLE figures_pending (
    account_id BIGINT,
    user_id BIGINT,
    CHECK ((account_id IS NULL) <> (user_id IS NULL))
);

CREATE TRIGGER contacts_note_figures_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.account_id);
END;
CREATE TRIGGER contacts_note_figures_update AFTER UPDATE ON contacts BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
    INSERT INTO figures_pending (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT OLD.account_id;
END;
CREATE TRIGGER contacts_note_figures_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
END;

CREATE TRIGGER assignments_note_figures_insert AFTER INSERT ON assignments BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.account_id);
END;
CREATE TRIGGER assignments_note_figures_update AFTER UPDATE ON assignments BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
    INSERT INTO figures_pending (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT OLD.account_id;
END;
CREATE TRIGGER assignments_note_figures_delete AFTER DELETE ON assignments BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
END;

CREATE TRIGGER interactions_note_figures_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.account_id);
END;
CREATE TRIGGER interactions_note_figures_update AFTER UPDATE ON interactions BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
    INSERT INTO figures_pending (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT OLD.account_id;
END;
CREATE TRIGGER interactions_note_figures_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
END;

CREATE TRIGGER interaction_employees_note_figures_insert AFTER INSERT ON interaction_employees BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.account_id);
END;
CREATE TRIGGER interaction_employees_note_figures_update AFTER UPDATE ON interaction_employees BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
    INSERT INTO figures_pending (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT OLD.account_id;
END;
CREATE TRIGGER interaction_employees_note_figures_delete AFTER DELETE ON interaction_employees BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
END;

CREATE TRIGGER interaction_contacts_note_figures_insert AFTER INSERT ON interaction_contacts BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.account_id);
END;
CREATE TRIGGER interaction_contacts_note_figures_update AFTER UPDATE ON interaction_contacts BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
    INSERT INTO figures_pending (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT OLD.account_id;
END;
CREATE TRIGGER interaction_contacts_note_figures_delete AFTER DELETE ON interaction_contacts BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id);
END;

CREATE TRIGGER accounts_note_figures_insert AFTER INSERT ON accounts BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.id);
END;
CREATE TRIGGER accounts_note_figures_update AFTER UPDATE ON accounts BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.id);
END;

CREATE TRIGGER account_links_note_figures_insert AFTER INSERT ON account_links BEGIN
    INSERT INTO figures_pending (account_id) VALUES (NEW.account_id), (NEW.other_account_id);
END;
CREATE TRIGGER account_links_note_figures_update AFTER UPDATE ON account_links BEGIN
    INSERT INTO figures_pending (account_id)
        VALUES (OLD.account_id), (OLD.other_account_id), (NEW.account_id), (NEW.other_account_id);
END;
CREATE TRIGGER account_links_note_figures_delete AFTER DELETE ON account_links BEGIN
    INSERT INTO figures_pending (account_id) VALUES (OLD.account_id), (OLD.other_account_id);
END;

CREATE TRIGGER users_note_figures AFTER UPDATE ON users
    WHEN OLD.display_name IS NOT NEW.display_name
      OR OLD.status IS NOT NEW.status
      OR OLD.leave_date IS NOT NEW.leave_date
      OR OLD.team_id IS NOT NEW.team_id
      OR OLD.non_solicitation_until IS NOT NEW.non_solicitation_until
      OR OLD.non_compete_until IS NOT NEW.non_compete_until
BEGIN
    INSERT INTO figures_pending (user_id) VALUES (NEW.id);
END;

CREATE TRIGGER coverage_policies_note_figures_insert AFTER INSERT ON coverage_policies BEGIN
    INSERT INTO figures_pending (account_id) SELECT id FROM accounts WHERE tier = NEW.tier;
END;
CREATE TRIGGER coverage_policies_note_figures_update AFTER UPDATE ON coverage_policies BEGIN
    INSERT INTO figures_pending (account_id) SELECT id FROM accounts WHERE tier = OLD.tier;
    INSERT INTO figures_pending (account_id) SELECT id FROM accounts WHERE tier = NEW.tier AND NEW.tier IS NOT OLD.tier;
END;
CREATE TRIGGER coverage_policies_note_figures_delete AFTER DELETE ON coverage_policies BEGIN
    INSERT INTO figures_pending (account_id) SELECT id FROM accounts WHERE tier = OLD.tier;
END;
