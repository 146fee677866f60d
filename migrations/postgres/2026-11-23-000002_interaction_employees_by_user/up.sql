-- An employee's interactions (what-ifs, exposure, recompute after a leave date) without a full scan.
CREATE INDEX interaction_employees_user ON interaction_employees (user_id, interaction_id);
