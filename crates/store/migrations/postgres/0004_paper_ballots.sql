-- Paper ballots, each entered twice by two different staff members. A ballot is
-- counted when both entries agree; a mismatch waits for an admin's resolution.
CREATE TABLE budget_paper (
    pool_id BIGINT NOT NULL REFERENCES budget_pools(id),
    sheet TEXT NOT NULL,
    first_by BIGINT REFERENCES users(id),
    first_choices TEXT NOT NULL,
    second_by BIGINT REFERENCES users(id),
    second_choices TEXT,
    status TEXT NOT NULL,
    resolved_by BIGINT REFERENCES users(id),
    PRIMARY KEY (pool_id, sheet)
);
