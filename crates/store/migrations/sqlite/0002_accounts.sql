-- Accounts, organisation membership, sessions, API tokens, one-time links, sign-in
-- throttling and the audit log.
ALTER TABLE organisations ADD COLUMN kind TEXT NOT NULL DEFAULT 'local';
-- Space-separated e-mail domains whose owners join the organisation without review.
ALTER TABLE organisations ADD COLUMN email_domains TEXT NOT NULL DEFAULT '';

CREATE TABLE users (
    id                INTEGER PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    password_hash     TEXT,
    role              TEXT NOT NULL CHECK (role IN ('member', 'editor', 'admin')),
    language          TEXT NOT NULL DEFAULT 'en',
    email_verified_at TEXT,
    totp_secret       TEXT,
    totp_enabled_at   TEXT,
    totp_last_step    BIGINT,
    created_at        TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id          BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id  BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'refused')),
    requested_at     TEXT NOT NULL,
    decided_at       TEXT,
    decided_by       BIGINT REFERENCES users (id),
    PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_status ON memberships (status);

-- Only a hash of each session token is stored; the cookie holds the token.
CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    second_factor TEXT NOT NULL CHECK (second_factor IN ('done', 'pending', 'not_needed')),
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    label        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT
);

-- E-mail verification and password reset links.
CREATE TABLE one_time_tokens (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

-- Failed sign-ins per account and per address, shared by every node.
CREATE TABLE sign_in_failures (
    id       INTEGER PRIMARY KEY,
    subject  TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX sign_in_failures_subject ON sign_in_failures (subject, at);

-- Every editor and admin action.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor_id      BIGINT REFERENCES users (id),
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    subject_type  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    detail        TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id);
