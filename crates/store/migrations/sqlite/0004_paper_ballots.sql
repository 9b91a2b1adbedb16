-- Paper ballots, each entered twice by two different staff members. A ballot is
-- counted when both entries agree; a mismatch waits for an admin's resolution.
CREATE TABLE budget_paper (
    pool_id INTEGER NOT NULL REFERENCES budget_pools(id),
    sheet TEXT NOT NULL,
    first_by INTEGER REFERENCES users(id),
    first_choices TEXT NOT NULL,
    second_by INTEGER REFERENCES users(id),
    second_choices TEXT,
    status TEXT NOT NULL,
    resolved_by INTEGER REFERENCES users(id),
    PRIMARY KEY (pool_id, sheet)
);
