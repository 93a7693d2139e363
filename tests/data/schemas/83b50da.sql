-- eventwire DuckDB schema, version 1. Documented in docs/schema.md.
-- Offsets (start_char, end_char) are character offsets into articles.text.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    title VARCHAR, image_slug VARCHAR, caption VARCHAR, photo_credit VARCHAR,
    published DATE, language VARCHAR, url VARCHAR, outlet VARCHAR, origin VARCHAR,
    body VARCHAR NOT NULL, text VARCHAR NOT NULL,
    sections JSON, warnings JSON,
    ingested_at TIMESTAMP NOT NULL,
    day DATE NOT NULL,     -- published, else the ingest date: the time axis of deduplication
    canonical_id VARCHAR,  -- the first-stored near-duplicate (syndicated copy) or itself
    story_id VARCHAR       -- story cluster: articles about the same real-world happening
);

CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR, label VARCHAR, start_char INTEGER, end_char INTEGER, section VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, country VARCHAR,
    sectors VARCHAR[], wikidata VARCHAR, known BOOLEAN
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER
);

CREATE TABLE IF NOT EXISTS places (
    id VARCHAR PRIMARY KEY, name VARCHAR, feature_type VARCHAR, country VARCHAR,
    admin1 VARCHAR, lat DOUBLE, lon DOUBLE
);

CREATE TABLE IF NOT EXISTS place_mentions (
    article_id VARCHAR NOT NULL, place_id VARCHAR NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER, direct BOOLEAN,
    speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER, speaker_actor VARCHAR,
    cue VARCHAR, cue_start INTEGER, cue_end INTEGER,
    reported_by VARCHAR, section VARCHAR,
    cluster_id VARCHAR,  -- the same quote as reported by other articles
    day DATE,            -- the article's day (dedup time axis)
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS cited_sources (
    article_id VARCHAR NOT NULL, name VARCHAR NOT NULL, actor_id VARCHAR, mentions JSON,
    PRIMARY KEY (article_id, name)
);

-- One row per real-world event; several articles may report it (see event_mentions).
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    type VARCHAR, cameo VARCHAR, modality VARCHAR, alleged BOOLEAN,
    source_actor VARCHAR, source_text VARCHAR, target_actor VARCHAR, target_text VARCHAR,
    date DATE, date_precision VARCHAR,
    place_id VARCHAR, place_name VARCHAR, place_precision VARCHAR,
    country VARCHAR, lat DOUBLE, lon DOUBLE,
    confidence DOUBLE, num_articles INTEGER, num_sources INTEGER,
    first_seen TIMESTAMP, last_seen TIMESTAMP, evidence VARCHAR,
    story_id VARCHAR,
    day DATE  -- day of the first article that reported it (dedup time axis)
);

-- One row per report of an event in one article, with its evidence.
CREATE TABLE IF NOT EXISTS event_mentions (
    event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    type VARCHAR, cameo VARCHAR, modality VARCHAR, alleged BOOLEAN,
    source_text VARCHAR, source_start INTEGER, source_end INTEGER, source_actor VARCHAR,
    target_text VARCHAR, target_start INTEGER, target_end INTEGER, target_actor VARCHAR,
    date DATE, date_precision VARCHAR, date_text VARCHAR,
    place_id VARCHAR, place_name VARCHAR, place_precision VARCHAR,
    confidence DOUBLE, reported_by VARCHAR, quote_idx INTEGER, section VARCHAR,
    evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    day DATE,  -- the article's day (dedup time axis)
    PRIMARY KEY (article_id, idx)
);

-- Story clusters (see docs/dedup.md).
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY, title VARCHAR, num_articles INTEGER, num_sources INTEGER,
    first_seen TIMESTAMP, last_seen TIMESTAMP
);

-- Deduplication indexes: MinHash signatures and LSH band keys, story features and their
-- document frequencies. Internal, but plain tables like the rest.
CREATE TABLE IF NOT EXISTS article_signatures (article_id VARCHAR PRIMARY KEY, signature BLOB);
CREATE TABLE IF NOT EXISTS article_bands (
    band_key BIGINT NOT NULL, article_id VARCHAR NOT NULL, day DATE NOT NULL
);
CREATE INDEX IF NOT EXISTS article_bands_key ON article_bands (band_key);
CREATE TABLE IF NOT EXISTS article_features (
    article_id VARCHAR NOT NULL, feature VARCHAR NOT NULL, weight DOUBLE, day DATE NOT NULL
);
CREATE TABLE IF NOT EXISTS feature_df (feature VARCHAR PRIMARY KEY, df INTEGER NOT NULL);

-- Upgrades of stores written by earlier versions (each is a no-op on a current store).
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_precision VARCHAR;
