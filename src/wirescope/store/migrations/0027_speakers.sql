-- Filters by speaker read the store's speakers, not every claim's: the people who speak for
-- an organisation are found from it, and `speaker_names` keeps each way the texts name a
-- speaker (with how many documents name one so), kept as documents are stored and
-- replaced, so that a name is looked up among a few thousand names and its claims read
-- through `quotes_speaker_text` instead of testing the speaker of every claim.
CREATE INDEX IF NOT EXISTS entities_speaks_for ON entities(speaks_for);
CREATE INDEX IF NOT EXISTS quotes_speaker_text ON quotes(speaker_text);
CREATE TABLE speaker_names (
    name TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
);
INSERT INTO speaker_names (name, documents)
SELECT q.speaker_text, count(DISTINCT q.document_id) FROM quotes q
WHERE q.speaker_text IS NOT NULL GROUP BY q.speaker_text;
