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
