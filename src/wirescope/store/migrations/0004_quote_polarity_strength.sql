-- Claims: the cue's polarity (assert/deny) and strength (claim/confirm/report).
ALTER TABLE quotes ADD COLUMN polarity TEXT;
ALTER TABLE quotes ADD COLUMN strength TEXT;
