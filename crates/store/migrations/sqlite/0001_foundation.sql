-- Foundation: people, organisations, spaces, signatures, sessions, audit log, outbox.
-- Times are seconds since the Unix epoch (UTC). Flags are 0/1 integers on both backends.

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT UNIQUE,
    password_hash TEXT,
    display_name TEXT NOT NULL,
    city TEXT,
    list_publicly INTEGER NOT NULL DEFAULT 0,
    locale TEXT,
    email_confirmed_at INTEGER,
    is_platform_admin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    purpose TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    attempt_key TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts(attempt_key, at);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    city TEXT,
    krs TEXT,
    nip TEXT,
    regon TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL
);

CREATE TABLE org_representatives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    granted_by INTEGER REFERENCES users(id),
    granted_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX org_representatives_user ON org_representatives(user_id);
CREATE INDEX org_representatives_org ON org_representatives(org_id);

CREATE TABLE spaces (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    city TEXT,
    region TEXT,
    description_md TEXT NOT NULL,
    requires_approval INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE space_admins (
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    granted_at INTEGER NOT NULL,
    PRIMARY KEY (space_id, user_id)
);

CREATE TABLE space_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    body_md TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    UNIQUE (space_id, version)
);

CREATE TABLE signatures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    document_id INTEGER NOT NULL REFERENCES space_documents(id),
    user_id INTEGER REFERENCES users(id),
    org_id INTEGER REFERENCES organisations(id),
    signer_name TEXT NOT NULL,
    status TEXT NOT NULL,
    signed_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by INTEGER REFERENCES users(id),
    ended_at INTEGER
);
CREATE INDEX signatures_space ON signatures(space_id, status);
CREATE INDEX signatures_user ON signatures(user_id);
-- At most one standing (pending or active) signature per person, and per organisation, in a space.
CREATE UNIQUE INDEX signatures_one_per_person ON signatures(space_id, user_id)
    WHERE org_id IS NULL AND status IN ('pending', 'active');
CREATE UNIQUE INDEX signatures_one_per_org ON signatures(space_id, org_id)
    WHERE org_id IS NOT NULL AND status IN ('pending', 'active');

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users(id),
    space_id INTEGER REFERENCES spaces(id),
    org_id INTEGER REFERENCES organisations(id),
    action TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_log_space ON audit_log(space_id, id);

-- The audit log is append-only: the database itself refuses edits.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER
);
