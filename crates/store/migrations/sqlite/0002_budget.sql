-- Participatory-budget rounds: pools, proposals, verification, voting, results.
-- Money is integer grosze. Who voted (budget_voters) and what was voted (budget_ballots)
-- share no id and no time: nothing in the schema links a voter to a ballot.

CREATE TABLE budget_rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    title TEXT NOT NULL,
    submission_at INTEGER NOT NULL,
    verification_at INTEGER NOT NULL,
    appeals_at INTEGER NOT NULL,
    voting_at INTEGER NOT NULL,
    results_at INTEGER NOT NULL,
    advanced_to TEXT,
    supports_required INTEGER NOT NULL DEFAULT 0,
    appeal_days INTEGER NOT NULL DEFAULT 7,
    allow_ballot_change INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE budget_pools (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id INTEGER NOT NULL REFERENCES budget_rounds(id),
    name TEXT NOT NULL,
    budget_grosze INTEGER NOT NULL,
    ballot_kind TEXT NOT NULL,
    ballot_max INTEGER NOT NULL DEFAULT 0,
    ballot_min INTEGER NOT NULL DEFAULT 0,
    ballot_points TEXT NOT NULL DEFAULT '',
    rule TEXT NOT NULL,
    min_votes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX budget_pools_round ON budget_pools(round_id);

CREATE TABLE budget_officials (
    round_id INTEGER NOT NULL REFERENCES budget_rounds(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (round_id, user_id)
);

CREATE TABLE proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id INTEGER NOT NULL REFERENCES budget_rounds(id),
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    author_id INTEGER REFERENCES users(id),
    title TEXT NOT NULL,
    description_md TEXT NOT NULL,
    place TEXT,
    status TEXT NOT NULL,
    cost_grosze INTEGER NOT NULL,
    verified_cost_grosze INTEGER,
    cost_justification TEXT,
    verification_reason TEXT,
    verified_by INTEGER REFERENCES users(id),
    verified_at INTEGER,
    appeal_text TEXT,
    appealed_at INTEGER,
    appeal_upheld INTEGER,
    appeal_reason TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX proposals_pool ON proposals(pool_id, status);

CREATE TABLE proposal_cost_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    amount_grosze INTEGER NOT NULL
);
CREATE INDEX proposal_cost_items_proposal ON proposal_cost_items(proposal_id, position);

CREATE TABLE proposal_supports (
    proposal_id INTEGER NOT NULL REFERENCES proposals(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (proposal_id, user_id)
);

-- A voter's declaration that they live in the city, for a round (name and address are
-- enough; no PESEL).
CREATE TABLE budget_residents (
    round_id INTEGER NOT NULL REFERENCES budget_rounds(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    address TEXT NOT NULL,
    PRIMARY KEY (round_id, user_id)
);

-- Who has voted in a pool. No time, no ballot reference.
CREATE TABLE budget_voters (
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    voter_key TEXT NOT NULL,
    PRIMARY KEY (pool_id, voter_key)
);

-- What was voted. The key is random and the table is ordered by it, so neither ids
-- nor storage order follow the order of voting.
CREATE TABLE budget_ballots (
    token TEXT NOT NULL PRIMARY KEY,
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    receipt_hash TEXT NOT NULL UNIQUE,
    choices TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX budget_ballots_pool ON budget_ballots(pool_id);

-- Every computation of results is kept; the newest per pool is the published one.
CREATE TABLE budget_results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    computed_at INTEGER NOT NULL,
    computed_by INTEGER REFERENCES users(id),
    rule TEXT NOT NULL,
    ballots INTEGER NOT NULL,
    winners TEXT NOT NULL,
    report_json TEXT NOT NULL
);
CREATE INDEX budget_results_pool ON budget_results(pool_id, id);
