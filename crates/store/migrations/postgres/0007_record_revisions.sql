-- Every saved version of a call or an event (who, when, the whole record), so no edit
-- loses what was there before. Initiatives keep theirs in initiative_revisions.
CREATE TABLE record_revisions (
    id          BIGSERIAL PRIMARY KEY,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    revision    BIGINT NOT NULL,
    record      TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (entity, entity_id, revision)
);
