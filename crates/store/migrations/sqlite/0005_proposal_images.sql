-- Images of proposals, kept in the database so that web nodes stay stateless.
CREATE TABLE proposal_images (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id),
    content_type TEXT NOT NULL,
    alt TEXT NOT NULL,
    bytes BLOB NOT NULL
);
CREATE INDEX proposal_images_proposal ON proposal_images(proposal_id, id);
