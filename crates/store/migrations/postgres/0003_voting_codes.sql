-- Single-use voting codes, printed for residents without accounts. Only hashes are
-- stored; a code votes once in each pool of its round.
CREATE TABLE budget_codes (
    round_id BIGINT NOT NULL REFERENCES budget_rounds(id),
    code_hash TEXT NOT NULL,
    PRIMARY KEY (round_id, code_hash)
);
