-- Incidents: one real-world event across the mentions and articles that report it.
-- documents.lead_event: the event the article is about (lead_via: the rule that chose it);
-- events.incident: the incident the mention reports (NULL: no incident).
ALTER TABLE documents ADD COLUMN lead_event TEXT;
ALTER TABLE documents ADD COLUMN lead_via TEXT;
ALTER TABLE events ADD COLUMN incident TEXT;
CREATE INDEX events_incident ON events(incident);

-- One row per (document, document-local incident): what linking compares (report, JSON of
-- wirescope.resolve.reports.Report), the incident it was linked to, and the blocking keys.
CREATE TABLE incident_reports (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    family TEXT NOT NULL,
    reference_day INTEGER,  -- proleptic ordinal of the stated day, else of the publication day
    seq INTEGER NOT NULL,   -- linking order
    score REAL,
    via TEXT,
    report TEXT NOT NULL,
    PRIMARY KEY (document_id, local_id)
);
CREATE INDEX incident_reports_block ON incident_reports(family, reference_day);
CREATE INDEX incident_reports_incident ON incident_reports(incident_id);

-- The incident records (data: the wirescope/1 incident JSON); columns for filtering.
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    start TEXT,
    "end" TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    country_code TEXT,
    admin1 TEXT,
    n_documents INTEGER NOT NULL,
    n_independent INTEGER NOT NULL,
    killed REAL,
    injured REAL,
    grade TEXT NOT NULL,
    n_contradictions INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX incidents_start ON incidents(start);
CREATE INDEX incidents_place ON incidents(lat, lon);

-- Document frequency of the words linking compares (inverse document frequency weights).
CREATE TABLE incident_terms (
    term TEXT PRIMARY KEY,
    n INTEGER NOT NULL
);
CREATE TABLE incident_stats (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

-- The people each report is about: a second blocking key, with no day window (a trial
-- months later names the victims of the shooting it is about).
CREATE TABLE incident_people (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    family TEXT NOT NULL,
    person TEXT NOT NULL
);
CREATE INDEX incident_people_block ON incident_people(family, person);
CREATE INDEX incident_people_document ON incident_people(document_id);
