-- Hardening: atomic rate counters instead of a log of attempts, a mail queue that
-- retries and moves on, links in mail kept sealed, and personal access tokens.

DROP TABLE login_attempts;

-- One row per limited key (e.g. an address or a client address and what it asks for):
-- hits within the current fixed window. Counted with one upsert, so parallel requests
-- each see their own count.
CREATE TABLE rate_counters (
    counter_key TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    hits INTEGER NOT NULL
);
CREATE INDEX rate_counters_window ON rate_counters(window_start);

CREATE INDEX email_tokens_expiry ON email_tokens(expires_at);

-- A mail is tried, on failure retried later (next_attempt_at), and after a limit
-- marked failed; claimed_until lets one sender of several web nodes own it for a while.
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN claimed_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN failed_at INTEGER;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
-- The secret part of a link the mail carries, sealed with the instance's key; the body
-- holds a placeholder. Cleared once the mail is sent.
ALTER TABLE outbox ADD COLUMN sealed_secret TEXT;
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
