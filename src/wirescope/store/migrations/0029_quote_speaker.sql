-- Claims read fast however many match.
-- * A speaker filter reads the claims of the actors a name names by the speaker's id
--   (`quotes.speaker`, one probe an actor), not through every document's entity of each
--   actor (`entities.id`, then `quotes.speaker_key`: one probe an entity, ten times as many).
-- * Every claim keeps its day (quotes stored before migration 16 had none: the document's
--   publication day, as for any claim whose clause gives no day of its own), so that the
--   claims listings' orders — by speaker then day, or by day — are read from an index in
--   order when many claims match, instead of sorting them all per request.
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
UPDATE quotes SET day = (SELECT d.published FROM documents d WHERE d.id = quotes.document_id),
    day_via = 'published'
WHERE day IS NULL
  AND (SELECT d.published FROM documents d WHERE d.id = quotes.document_id) IS NOT NULL;
CREATE INDEX IF NOT EXISTS quotes_by_speaker
    ON quotes((coalesce(speaker, '~')), (day IS NULL), day, document_id, position);
CREATE INDEX IF NOT EXISTS quotes_by_day ON quotes((day IS NULL), day, document_id, position);
