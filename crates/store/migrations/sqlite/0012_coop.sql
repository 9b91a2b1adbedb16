-- Files attached to records (scans of paper forms, documents, photos), kept in the
-- database so web nodes stay stateless. Every module attaches its files here.
CREATE TABLE files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER REFERENCES spaces(id),
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    uploaded_by INTEGER REFERENCES users(id),
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX files_space ON files(space_id);

-- Roles held in a space's bodies (board, supervisory board), granted by its admins.
CREATE TABLE space_roles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    granted_by INTEGER REFERENCES users(id),
    granted_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE UNIQUE INDEX space_roles_standing ON space_roles(space_id, user_id, role) WHERE revoked_at IS NULL;
CREATE INDEX space_roles_user ON space_roles(user_id);

-- A cooperative's statute settings (JSON), stored with the statute version that sets them.
ALTER TABLE space_documents ADD COLUMN settings TEXT;

-- A development cooperative: its stage, model statute and registration.
CREATE TABLE coops (
    space_id INTEGER PRIMARY KEY REFERENCES spaces(id),
    stage TEXT NOT NULL,
    model TEXT NOT NULL,
    krs TEXT,
    registered_on TEXT,
    opened_at INTEGER,
    created_at INTEGER NOT NULL
);

-- Membership declarations and what became of them.
CREATE TABLE coop_declarations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    user_id INTEGER REFERENCES users(id),
    org_id INTEGER REFERENCES organisations(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    krs TEXT,
    email TEXT,
    shares INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES space_documents(id),
    channel TEXT NOT NULL,
    scan_file_id INTEGER REFERENCES files(id),
    entered_by INTEGER REFERENCES users(id),
    founder INTEGER NOT NULL DEFAULT 0,
    submitted_on TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    decision_due TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_on TEXT,
    decided_by INTEGER REFERENCES users(id),
    late INTEGER NOT NULL DEFAULT 0,
    reasons TEXT,
    appeal_due TEXT,
    appealed_on TEXT,
    appeal_text TEXT,
    appeal_decided_on TEXT,
    appeal_decided_by INTEGER REFERENCES users(id),
    appeal_reasons TEXT,
    member_id INTEGER
);
CREATE INDEX coop_declarations_space ON coop_declarations(space_id, status);
CREATE INDEX coop_declarations_user ON coop_declarations(user_id);
-- At most one open declaration per person, and per organisation, in a cooperative.
CREATE UNIQUE INDEX coop_declarations_open_person ON coop_declarations(space_id, user_id)
    WHERE org_id IS NULL AND status IN ('pending', 'appealed');
CREATE UNIQUE INDEX coop_declarations_open_org ON coop_declarations(space_id, org_id)
    WHERE org_id IS NOT NULL AND status IN ('pending', 'appealed');

-- A member of a cooperative: its number and who it is. What the register says about the
-- member is in coop_register; their money in coop_ledger.
CREATE TABLE coop_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    number INTEGER NOT NULL,
    kind TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    org_id INTEGER REFERENCES organisations(id),
    declaration_id INTEGER REFERENCES coop_declarations(id),
    sort_name TEXT NOT NULL,
    admitted_on TEXT NOT NULL,
    -- Copied from the register when notice is given or membership ends, so that
    -- "who is a member today" is one indexed query; the register stays the record.
    ends_on TEXT,
    UNIQUE (space_id, number)
);
CREATE INDEX coop_members_user ON coop_members(user_id);
CREATE INDEX coop_members_org ON coop_members(org_id);

-- The member register: append-only; a correction is a new entry naming the one it corrects.
CREATE TABLE coop_register (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    member_id INTEGER NOT NULL REFERENCES coop_members(id),
    entry TEXT NOT NULL,
    body TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    corrects INTEGER REFERENCES coop_register(id),
    reason TEXT,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX coop_register_member ON coop_register(member_id, id);
CREATE INDEX coop_register_space ON coop_register(space_id, id);

-- The share ledger: append-only movements; every balance is their sum.
CREATE TABLE coop_ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    member_id INTEGER NOT NULL REFERENCES coop_members(id),
    kind TEXT NOT NULL,
    shares INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    on_date TEXT NOT NULL,
    method TEXT,
    reference TEXT,
    note TEXT,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX coop_ledger_member ON coop_ledger(member_id, id);
CREATE INDEX coop_ledger_space ON coop_ledger(space_id, on_date);

-- Approved financial statements of a year, with the figures the surplus division needs.
CREATE TABLE coop_statements (
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    year INTEGER NOT NULL,
    approved_on TEXT NOT NULL,
    surplus INTEGER NOT NULL,
    reserve_fund INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    PRIMARY KEY (space_id, year)
);

-- Co-investment projects, their milestones, pledges and payments against pledges.
CREATE TABLE coop_investments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description_md TEXT NOT NULL,
    goal INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX coop_investments_space ON coop_investments(space_id);

CREATE TABLE coop_milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    investment_id INTEGER NOT NULL REFERENCES coop_investments(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    due_on TEXT,
    done_on TEXT
);
CREATE INDEX coop_milestones_investment ON coop_milestones(investment_id, position);

CREATE TABLE coop_pledges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    investment_id INTEGER NOT NULL REFERENCES coop_investments(id),
    member_id INTEGER REFERENCES coop_members(id),
    org_id INTEGER REFERENCES organisations(id),
    user_id INTEGER REFERENCES users(id),
    pledger TEXT NOT NULL,
    partner INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    pledged_on TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX coop_pledges_investment ON coop_pledges(investment_id);

CREATE TABLE coop_pledge_payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pledge_id INTEGER NOT NULL REFERENCES coop_pledges(id),
    amount INTEGER NOT NULL,
    paid_on TEXT NOT NULL,
    reference TEXT,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX coop_pledge_payments_pledge ON coop_pledge_payments(pledge_id);

-- What the members own together, and its valuations over time.
CREATE TABLE coop_assets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    location TEXT NOT NULL,
    description_md TEXT NOT NULL,
    acquired_on TEXT NOT NULL,
    acquisition_value INTEGER NOT NULL,
    investment_id INTEGER REFERENCES coop_investments(id),
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX coop_assets_space ON coop_assets(space_id);

CREATE TABLE coop_valuations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    asset_id INTEGER NOT NULL REFERENCES coop_assets(id),
    valued_on TEXT NOT NULL,
    value INTEGER NOT NULL,
    note TEXT,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX coop_valuations_asset ON coop_valuations(asset_id, valued_on);

-- The register and the ledgers are legal records: the database itself refuses to edit
-- or delete their rows, whoever asks.
CREATE TRIGGER coop_register_no_update BEFORE UPDATE ON coop_register
BEGIN SELECT RAISE(ABORT, 'append-only: coop_register'); END;
CREATE TRIGGER coop_register_no_delete BEFORE DELETE ON coop_register
BEGIN SELECT RAISE(ABORT, 'append-only: coop_register'); END;
CREATE TRIGGER coop_ledger_no_update BEFORE UPDATE ON coop_ledger
BEGIN SELECT RAISE(ABORT, 'append-only: coop_ledger'); END;
CREATE TRIGGER coop_ledger_no_delete BEFORE DELETE ON coop_ledger
BEGIN SELECT RAISE(ABORT, 'append-only: coop_ledger'); END;
CREATE TRIGGER coop_pledge_payments_no_update BEFORE UPDATE ON coop_pledge_payments
BEGIN SELECT RAISE(ABORT, 'append-only: coop_pledge_payments'); END;
CREATE TRIGGER coop_pledge_payments_no_delete BEFORE DELETE ON coop_pledge_payments
BEGIN SELECT RAISE(ABORT, 'append-only: coop_pledge_payments'); END;
CREATE TRIGGER coop_valuations_no_update BEFORE UPDATE ON coop_valuations
BEGIN SELECT RAISE(ABORT, 'append-only: coop_valuations'); END;
CREATE TRIGGER coop_valuations_no_delete BEFORE DELETE ON coop_valuations
BEGIN SELECT RAISE(ABORT, 'append-only: coop_valuations'); END;
