-- Secret ballots sealed to the election committee, and one register of who voted in
-- every channel. While voting runs, a ballot exists only as an envelope sealed to the
-- committee's public key (budget_envelopes); the committee's count opens them, shuffles
-- them and writes them to budget_ballots in random order in one transaction.

ALTER TABLE budget_rounds ADD COLUMN committee_key TEXT;
ALTER TABLE budget_rounds ADD COLUMN tallied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE budget_rounds ADD COLUMN receipts TEXT NOT NULL DEFAULT 'inclusion';
ALTER TABLE budget_rounds ADD COLUMN duplicates TEXT NOT NULL DEFAULT 'first_counts';
ALTER TABLE budget_rounds ADD COLUMN identification TEXT NOT NULL DEFAULT 'name_address';
ALTER TABLE budget_rounds ADD COLUMN min_public_voters INTEGER NOT NULL DEFAULT 10;
-- Rounds already counted keep their published results.
UPDATE budget_rounds SET tallied = 1, advanced_to = 'results'
 WHERE id IN (SELECT p.round_id FROM budget_pools p JOIN budget_results r ON r.pool_id = p.id);

-- The person behind an account, as the round identifies people.
ALTER TABLE budget_residents ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE budget_residents ADD COLUMN person_key TEXT NOT NULL DEFAULT '';

-- Who voted in a pool (voter_key: the person's register key, or a bulk code's hash),
-- through which channel, whether the vote stands, and the district for turnout.
ALTER TABLE budget_voters ADD COLUMN channel TEXT NOT NULL DEFAULT 'account';
ALTER TABLE budget_voters ADD COLUMN status TEXT NOT NULL DEFAULT 'counted';
ALTER TABLE budget_voters ADD COLUMN district TEXT;

-- Sealed ballots while voting runs. The key is random and the table is ordered by it;
-- change_tag (a hash derived from the receipt, unlike the published receipt hash)
-- finds the envelope when a voter changes their ballot.
CREATE TABLE budget_envelopes (
    token TEXT NOT NULL PRIMARY KEY,
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    change_tag TEXT UNIQUE,
    sealed BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX budget_envelopes_pool ON budget_envelopes(pool_id);

-- Counted ballots carry a receipt hash only when the round publishes receipts beside
-- the choices.
CREATE TABLE budget_ballots_new (
    token TEXT NOT NULL PRIMARY KEY,
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    receipt_hash TEXT UNIQUE,
    choices TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO budget_ballots_new (token, pool_id, receipt_hash, choices)
    SELECT token, pool_id, receipt_hash, choices FROM budget_ballots;
DROP TABLE budget_ballots;
ALTER TABLE budget_ballots_new RENAME TO budget_ballots;
CREATE INDEX budget_ballots_pool ON budget_ballots(pool_id);

-- The receipts of the counted ballots, ordered by hash, apart from the choices.
CREATE TABLE budget_receipts (
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    receipt_hash TEXT NOT NULL,
    PRIMARY KEY (pool_id, receipt_hash)
) WITHOUT ROWID;
INSERT INTO budget_receipts (pool_id, receipt_hash)
    SELECT pool_id, receipt_hash FROM budget_ballots WHERE receipt_hash IS NOT NULL;

-- A code printed at a desk belongs to the person it was issued to; a bulk code to no one.
ALTER TABLE budget_codes ADD COLUMN person_key TEXT;

-- Numbers of the paper sheets issued; only these can be entered.
CREATE TABLE budget_sheets (
    round_id INTEGER NOT NULL REFERENCES budget_rounds(id),
    number TEXT NOT NULL,
    issued_by INTEGER REFERENCES users(id),
    PRIMARY KEY (round_id, number)
);

-- Paper entries hold a keyed digest of who and what, never the choices themselves.
CREATE TABLE budget_paper_new (
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    sheet TEXT NOT NULL,
    person_key TEXT NOT NULL,
    district TEXT,
    first_by INTEGER REFERENCES users(id),
    first_digest TEXT NOT NULL,
    second_by INTEGER REFERENCES users(id),
    second_digest TEXT,
    status TEXT NOT NULL,
    resolved_by INTEGER REFERENCES users(id),
    PRIMARY KEY (pool_id, sheet)
);
INSERT INTO budget_paper_new (pool_id, sheet, person_key, first_by, first_digest, second_by, status, resolved_by)
    SELECT pool_id, sheet, 'paper:' || sheet, first_by, 'legacy', second_by, status, resolved_by FROM budget_paper;
DROP TABLE budget_paper;
ALTER TABLE budget_paper_new RENAME TO budget_paper;

-- Persons found to have voted twice in a pool, for the committee.
CREATE TABLE budget_duplicates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    voter_key TEXT NOT NULL,
    channel TEXT NOT NULL,
    rule TEXT NOT NULL
);
CREATE INDEX budget_duplicates_pool ON budget_duplicates(pool_id);
