-- How many times the store's documents have changed: each document stored or replaced adds
-- one, in its own transaction. A reader that worked something out over the whole store
-- (the running-figure series) keeps it while the generation stays the same.
CREATE TABLE generation (
    generation INTEGER NOT NULL
);
INSERT INTO generation (generation) VALUES (0);
