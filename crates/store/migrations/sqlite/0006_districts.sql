-- Districts of a round (one per line), and the district each voter declares, for turnout.
ALTER TABLE budget_rounds ADD COLUMN districts TEXT NOT NULL DEFAULT '';
ALTER TABLE budget_residents ADD COLUMN district TEXT;
