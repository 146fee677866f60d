-- The firm's settings of the continuity model (crates/domain/src/continuity/settings.rs): one
-- row holding the JSON document (a value it leaves out takes its default), its version (the
-- ETag of `GET /settings`) and who changed it last. Beside it, the recompute a change starts
-- (crates/store/src/settings.rs): its state and progress are kept here so that every server
-- shows them and a restarted server resumes after `recompute_after_id`.
CREATE TABLE settings (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    document TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TIMESTAMP,
    updated_by BIGINT REFERENCES users (id),
    recompute_state TEXT NOT NULL DEFAULT 'idle' CHECK (recompute_state IN ('idle', 'running', 'failed')),
    recompute_version BIGINT,
    recompute_done BIGINT NOT NULL DEFAULT 0,
    recompute_total BIGINT NOT NULL DEFAULT 0,
    recompute_after_id BIGINT,
    recompute_started_at TIMESTAMP,
    recompute_finished_at TIMESTAMP,
    recompute_worker TEXT,
    recompute_heartbeat_at TIMESTAMP
);

INSERT INTO settings (id, document) VALUES (1, '{}');
