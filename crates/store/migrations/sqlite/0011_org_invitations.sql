-- An organisation's admin invites a person by e-mail address to act for it; the person
-- accepts, logged in with that address. The inviter never learns whether the address
-- has an account.
CREATE TABLE org_invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER
);
CREATE INDEX org_invitations_org ON org_invitations(org_id);
