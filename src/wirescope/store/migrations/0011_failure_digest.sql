-- A failure is stored once: the same input failing the same way on a re-run updates its
-- row (run, reason, time) instead of adding one. The rejected text is kept as a bounded
-- excerpt with its length and a digest of the whole (the input itself stays where it was).
ALTER TABLE failures ADD COLUMN digest TEXT;
ALTER TABLE failures ADD COLUMN length INTEGER;
CREATE INDEX failures_same ON failures(origin, stage, code, digest);
