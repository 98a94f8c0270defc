-- Calls to action, their versions, the signature requests and the public register.
CREATE TABLE calls (
    id          BIGSERIAL PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    status      TEXT NOT NULL,
    opens       TEXT NOT NULL,
    closes      TEXT,
    record      TEXT NOT NULL,
    version     BIGINT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Every version of a call's signed content (title, text, working points).
CREATE TABLE call_versions (
    id          BIGSERIAL PRIMARY KEY,
    call_id     BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    record      TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (call_id, version)
);

-- The public register: verified signatories only. One row per institution per call,
-- recognised by `institution_key` (folded name, place and country).
CREATE TABLE signatories (
    id               BIGSERIAL PRIMARY KEY,
    call_id          BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    slug             TEXT NOT NULL,
    institution_key  TEXT NOT NULL,
    name             TEXT NOT NULL,
    type             TEXT NOT NULL,
    city             TEXT NOT NULL,
    country          TEXT NOT NULL,
    latitude         DOUBLE PRECISION,
    longitude        DOUBLE PRECISION,
    organisation_id  BIGINT REFERENCES organisations (id),
    call_version     BIGINT NOT NULL,
    joined           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (call_id, institution_key),
    UNIQUE (call_id, slug)
);
CREATE INDEX signatories_joined ON signatories (call_id, joined);

CREATE TABLE signatory_working_points (
    signatory_id   BIGINT NOT NULL REFERENCES signatories (id) ON DELETE CASCADE,
    working_point  TEXT NOT NULL,
    PRIMARY KEY (signatory_id, working_point)
);

-- Initiatives a signatory names as carrying out its commitments.
CREATE TABLE signatory_initiatives (
    signatory_id   BIGINT NOT NULL REFERENCES signatories (id) ON DELETE CASCADE,
    initiative_id  TEXT NOT NULL,
    PRIMARY KEY (signatory_id, initiative_id)
);

-- Requests to sign: unconfirmed → confirmed (by the e-mail link) → verified or rejected
-- by an editor. Holds personal data (e-mail, representative) that is never public.
CREATE TABLE signature_requests (
    id                   BIGSERIAL PRIMARY KEY,
    call_id              BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    call_version         BIGINT NOT NULL,
    institution_key      TEXT NOT NULL,
    request              TEXT NOT NULL,
    status               TEXT NOT NULL,
    token                TEXT NOT NULL UNIQUE,
    client               TEXT NOT NULL,
    reason               TEXT,
    signatory_id         BIGINT REFERENCES signatories (id) ON DELETE SET NULL,
    decided_by           TEXT,
    created_at           TEXT NOT NULL,
    confirmed_at         TEXT,
    decided_at           TEXT
);
CREATE INDEX signature_requests_status ON signature_requests (status, call_id);
CREATE INDEX signature_requests_client ON signature_requests (client, created_at);
CREATE INDEX signature_requests_key ON signature_requests (call_id, institution_key);
