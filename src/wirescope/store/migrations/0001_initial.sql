-- wirescope store, schema version 1. Spans are [start, end) character offsets into documents.text.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    command TEXT NOT NULL,
    wirescope_version TEXT NOT NULL,
    signature TEXT,
    n_stored INTEGER NOT NULL DEFAULT 0,
    n_unchanged INTEGER NOT NULL DEFAULT 0,
    n_failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT,
    source TEXT,
    url TEXT,
    published TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    signature TEXT NOT NULL,
    extractors TEXT NOT NULL,
    origin TEXT,
    run_id INTEGER REFERENCES runs(id),
    stored_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE entities (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_type TEXT,
    extractor TEXT NOT NULL,
    PRIMARY KEY (document_id, id)
);
CREATE INDEX entities_id ON entities(id);

CREATE TABLE places (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    country_code TEXT,
    admin1 TEXT,
    geonameid INTEGER,
    precision TEXT,
    extractor TEXT NOT NULL,
    PRIMARY KEY (document_id, id)
);

-- Mentions of entities and places: item_kind is 'entity' or 'place'.
CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('entity', 'place')),
    item_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    surface TEXT NOT NULL
);
CREATE INDEX mentions_item ON mentions(document_id, item_kind, item_id);

CREATE TABLE times (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    value TEXT,
    start TEXT,
    "end" TEXT,
    precision TEXT NOT NULL,
    extractor TEXT NOT NULL,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE quotes (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    speaker TEXT,
    speaker_text TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT,
    kind TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    extractor TEXT NOT NULL,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE events (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    place TEXT,
    time TEXT,
    factuality TEXT NOT NULL,
    attributed_to TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    extractor TEXT NOT NULL,
    PRIMARY KEY (document_id, id)
);
CREATE INDEX events_type ON events(type, acled_sub_event_type);

-- Actors and targets of events, in order.
CREATE TABLE event_arguments (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('actor', 'target')),
    position INTEGER NOT NULL,
    entity_id TEXT NOT NULL
);
CREATE INDEX event_arguments_event ON event_arguments(document_id, event_id);

CREATE TABLE quantities (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    unit TEXT NOT NULL,
    category TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX quantities_event ON quantities(document_id, event_id);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    document_id TEXT,
    origin TEXT NOT NULL,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    text TEXT,
    created_at TEXT NOT NULL
);
