-- Actors: a person's role or title, and the actor's country (ISO 3166-1 alpha-2).
ALTER TABLE entities ADD COLUMN role TEXT;
ALTER TABLE entities ADD COLUMN country TEXT;
