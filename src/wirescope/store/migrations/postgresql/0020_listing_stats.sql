-- Pre-aggregated listings: each actor (entity id) and each place (place id) across the
-- store, with how many documents name it (and its mentions, the events there), kept by the
-- store as documents are stored and replaced — so /api/actors and /api/places read a ranked
-- index instead of grouping every entity and place of the store on each request.
CREATE TABLE actor_stats (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_type TEXT,
    country TEXT,
    documents INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX actor_stats_rank ON actor_stats(documents DESC, mentions DESC, id);
CREATE INDEX actor_stats_type ON actor_stats(type, documents DESC, mentions DESC, id);
INSERT INTO actor_stats (id, name, type, actor_type, country, documents, mentions)
SELECT en.id, min(en.name), min(en.type), min(en.actor_type), min(en.country),
       count(DISTINCT en.document_id),
       (SELECT count(*) FROM mentions m WHERE m.item_kind = 'entity' AND m.item_id = en.id)
FROM entities en GROUP BY en.id;

CREATE TABLE place_stats (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country_code TEXT,
    admin1 TEXT,
    precision TEXT,
    geo_precision INTEGER,
    documents INTEGER NOT NULL,
    events INTEGER NOT NULL
);
CREATE INDEX place_stats_rank ON place_stats(documents DESC, events DESC, id);
INSERT INTO place_stats (id, name, lat, lon, country_code, admin1, precision, geo_precision,
                         documents, events)
SELECT p.id, min(p.name), min(p.lat), min(p.lon), min(p.country_code), min(p.admin1),
       min(p.precision), min(p.geo_precision), count(DISTINCT p.document_id),
       (SELECT count(*) FROM events e WHERE e.place = p.id)
FROM places p GROUP BY p.id;
