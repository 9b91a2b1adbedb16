-- Work bounded by the size of a change, not by the number of requests: a published
-- file built once, and indexes for the lists that are now read a page at a time.

-- A pool's published file (kind 'pb': its counted ballots as a pabulib file), built
-- once per stored result and served from here by every web node. It holds ballots,
-- so, like every table that does, it has no time column.
CREATE TABLE budget_exports (
    pool_id BIGINT NOT NULL REFERENCES budget_pools(id),
    result_id BIGINT NOT NULL REFERENCES budget_results(id),
    kind TEXT NOT NULL,
    etag TEXT NOT NULL,
    body BYTEA NOT NULL,
    PRIMARY KEY (pool_id, result_id, kind)
);

-- Turnout by district and the number of voters of a pool, read from the index alone
-- (no look-up of each row, no sort for the grouping).
CREATE INDEX budget_voters_turnout ON budget_voters(pool_id, status, district);

-- A round's proposals in list order, and one author's proposals (their limit).
CREATE INDEX proposals_round ON proposals(round_id, pool_id, id);
CREATE INDEX proposals_author ON proposals(round_id, author_id);

-- Pages of allies and of organisations in their list order.
CREATE INDEX signatures_allies ON signatures(space_id, status, signed_at, id);
CREATE INDEX organisations_name ON organisations(name, id);
