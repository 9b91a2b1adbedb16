-- Modules a space's admins switched on or off. A space without a row for a module
-- follows the default of its kind, so defaults can change without rewriting spaces.
CREATE TABLE space_modules (
    space_id BIGINT NOT NULL REFERENCES spaces(id),
    module TEXT NOT NULL,
    enabled BIGINT NOT NULL CHECK (enabled IN (0, 1)),
    settings TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (space_id, module)
);
