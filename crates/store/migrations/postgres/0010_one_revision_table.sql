-- One revision mechanism for initiatives, calls and events: every saved version of each
-- lives in record_revisions. Expand step: initiative_revisions and call_versions are
-- copied here and dropped by a later migration.

-- For a call, the version of its signed content (title, text, working points) that a
-- revision belongs to: signatories sign a version, and its text stays readable.
ALTER TABLE record_revisions ADD COLUMN version BIGINT;

-- Initiatives keep their revision numbers (a proposed change names its revision).
INSERT INTO record_revisions (entity, entity_id, revision, record, author, created_at)
    SELECT 'initiative', i.external_id, r.revision, r.record, r.author, r.created_at
    FROM initiative_revisions r JOIN initiatives i ON i.id = r.initiative_id;

-- A call's revisions saved since 0007 get the version they belong to: versions only
-- grow, and call_versions keeps the time of the last save of each, so a revision belongs
-- to the first version whose last save is not before it.
UPDATE record_revisions SET version = (
    SELECT MIN(v.version) FROM call_versions v JOIN calls c ON c.id = v.call_id
    WHERE c.slug = record_revisions.entity_id AND v.created_at >= record_revisions.created_at
) WHERE entity = 'call';

-- Versions saved before 0007 have no revision yet: every call's history is gathered
-- (its revisions, and the versions none of them stands for) and numbered again in time
-- order.
CREATE TABLE call_history_moving AS
    SELECT r.entity_id AS slug, r.record, r.author, r.created_at, r.version
    FROM record_revisions r WHERE r.entity = 'call'
    UNION ALL
    SELECT c.slug, v.record, v.author, v.created_at, v.version
    FROM call_versions v JOIN calls c ON c.id = v.call_id
    WHERE NOT EXISTS (
        SELECT 1 FROM record_revisions r
        WHERE r.entity = 'call' AND r.entity_id = c.slug AND r.version = v.version
    );
DELETE FROM record_revisions WHERE entity = 'call';
INSERT INTO record_revisions (entity, entity_id, revision, record, author, created_at, version)
    SELECT 'call', slug, ROW_NUMBER() OVER (PARTITION BY slug ORDER BY created_at, version),
           record, author, created_at, version
    FROM call_history_moving;
DROP TABLE call_history_moving;
