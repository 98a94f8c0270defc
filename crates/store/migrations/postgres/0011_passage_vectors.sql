-- Document vectors, computed once for the whole deployment: every node reads them, and
-- the node that claims a missing one computes it. A row is keyed by a hash of the model
-- and the passage, so an edited text or another model never reuses a vector. `vector`
-- is base64 of a little-endian f32 scale followed by one signed byte per dimension; it
-- is NULL while the node that claimed the row at `claimed_at` computes it.
CREATE TABLE passage_vectors (
    passage_key TEXT PRIMARY KEY,
    vector      TEXT,
    claimed_at  TEXT NOT NULL,
    computed_at TEXT
);
