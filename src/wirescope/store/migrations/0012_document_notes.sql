-- Caveats on how a document was read (contract 1.12, `notes`): a JSON array of
-- {"code", "message", "span"}, empty for most documents.
ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
