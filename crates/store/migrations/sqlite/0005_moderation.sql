-- Reports from readers about published initiatives, and how editors resolved them.
CREATE TABLE reports (
    id             INTEGER PRIMARY KEY,
    initiative_id  TEXT NOT NULL,
    reason         TEXT NOT NULL,
    details        TEXT NOT NULL,
    reporter_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    resolution     TEXT CHECK (resolution IN ('hidden', 'dismissed')),
    resolved_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    resolved_at    TEXT,
    note           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_open ON reports (resolution, created_at);
