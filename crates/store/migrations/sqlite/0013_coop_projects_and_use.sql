-- Documents of a co-investment project (a feasibility study, a grid connection
-- agreement, a contractor's offer), each a stored file with its title.
CREATE TABLE coop_investment_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    investment_id INTEGER NOT NULL REFERENCES coop_investments(id),
    file_id INTEGER NOT NULL REFERENCES files(id),
    title TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    added_by INTEGER REFERENCES users(id)
);
CREATE INDEX coop_investment_documents_investment ON coop_investment_documents(investment_id, id);

-- Each member's use of the cooperative in a year (the value of energy bought, of
-- services used), which a statute dividing the surplus "by use" divides by. A later
-- record for the same member and year takes the place of an earlier one, which stays.
CREATE TABLE coop_use (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    year INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES coop_members(id),
    value INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX coop_use_year ON coop_use(space_id, year, member_id, id);
