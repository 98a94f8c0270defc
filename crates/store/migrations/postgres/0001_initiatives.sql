-- Places, organisations and initiatives, with revisions and the change feed.
CREATE TABLE places (
    id          BIGSERIAL PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    country     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    geoname_id  BIGINT,
    latitude    DOUBLE PRECISION,
    longitude   DOUBLE PRECISION,
    population  BIGINT,
    time_zone   TEXT
);

CREATE TABLE organisations (
    id        BIGSERIAL PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    place_id  BIGINT REFERENCES places (id)
);

CREATE TABLE initiatives (
    id               BIGSERIAL PRIMARY KEY,
    external_id      TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL,
    language         TEXT NOT NULL,
    country          TEXT NOT NULL,
    place_id         BIGINT NOT NULL REFERENCES places (id),
    organisation_id  BIGINT REFERENCES organisations (id),
    kind             TEXT NOT NULL,
    level            TEXT,
    started          TEXT,
    record           TEXT NOT NULL,
    revision         BIGINT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX initiatives_place ON initiatives (place_id);
-- Public reads ask for published initiatives by external id, or page through them in id order.
CREATE INDEX initiatives_published ON initiatives (status, external_id);

CREATE TABLE initiative_themes (
    initiative_id  BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    theme          TEXT NOT NULL,
    PRIMARY KEY (initiative_id, theme)
);

CREATE TABLE initiative_aims (
    initiative_id  BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    aim            TEXT NOT NULL,
    PRIMARY KEY (initiative_id, aim)
);

-- Every version of every initiative, the current one included.
CREATE TABLE initiative_revisions (
    id             BIGSERIAL PRIMARY KEY,
    initiative_id  BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    revision       BIGINT NOT NULL,
    record         TEXT NOT NULL,
    author         TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (initiative_id, revision)
);

-- The outbox that search indexes follow; written in the same transaction as the change.
CREATE TABLE changes (
    seq         BIGSERIAL PRIMARY KEY,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    op          TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
