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
    kind VARCHAR DEFAULT 'speech',  -- speech (a quote); accusation, threat, demand, stance, topic, report
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

-- Feed following (`eventwire watch`, docs/feeds.md): the feeds polled, every item they listed,
-- and every fetch that failed. Item rows commit in the same transaction as their articles.
CREATE TABLE IF NOT EXISTS feeds (
    url VARCHAR PRIMARY KEY,     -- as given in SOURCES
    fetch_url VARCHAR NOT NULL,  -- where it is fetched now (a 301/308 moves it)
    kind VARCHAR,                -- rss, atom, sitemap (after the first successful poll)
    title VARCHAR, outlet VARCHAR,
    etag VARCHAR, last_modified VARCHAR,  -- validators sent back as If-None-Match / If-Modified-Since
    status VARCHAR,              -- new, ok, not-modified, failed, gone (410: no longer polled)
    failures INTEGER NOT NULL DEFAULT 0,  -- consecutive failed polls (backoff)
    last_polled_at TIMESTAMP, last_ok_at TIMESTAMP, next_poll_at TIMESTAMP,
    added_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS feed_items (
    feed_url VARCHAR NOT NULL,
    item_key VARCHAR NOT NULL,   -- the entry's id (guid), else its link
    url VARCHAR NOT NULL, title VARCHAR, published_at TIMESTAMP, outlet VARCHAR,
    status VARCHAR NOT NULL,     -- pending, stored, duplicate, failed
    attempts INTEGER NOT NULL DEFAULT 0,
    article_id VARCHAR,          -- articles.id once stored (or the stored copy it duplicates)
    first_seen TIMESTAMP NOT NULL, done_at TIMESTAMP,
    PRIMARY KEY (feed_url, item_key)
);
CREATE TABLE IF NOT EXISTS fetch_errors (
    failed_at TIMESTAMP NOT NULL,
    feed_url VARCHAR,            -- the feed polled, or whose item was fetched
    url VARCHAR NOT NULL,        -- what was fetched
    kind VARCHAR NOT NULL,       -- http-500, timeout, malformed-feed, not-html, redirect-loop, too-large, robots...
    reason VARCHAR NOT NULL,
    attempts INTEGER
);

-- Upgrades of stores written by earlier versions (each is a no-op on a current store).
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_precision VARCHAR;
-- Other reports of the same act in the same article (headline, lede, recap): [[start, end], ...].
ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS other_mentions JSON;
-- What a quotes row is: a statement ('speech', the rows an earlier version wrote) or another
-- attributed content (docs/schema.md, Quotes and attributions).
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS kind VARCHAR DEFAULT 'speech';
