-- Events, registrations with a waiting list, and the e-mail jobs about them.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    external_id  TEXT NOT NULL UNIQUE,
    -- Instants in UTC, fixed width, so text order is time order.
    starts_at    TEXT NOT NULL,
    ends_at      TEXT NOT NULL,
    capacity     BIGINT,
    record       TEXT NOT NULL,
    -- Bumped by every booking change: the first write of a booking transaction, so that
    -- concurrent bookings for one event queue up behind each other (no over-booking).
    bookings     BIGINT NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX events_starts_at ON events (starts_at);

CREATE TABLE event_themes (
    event_id  BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    theme     TEXT NOT NULL,
    PRIMARY KEY (event_id, theme)
);

CREATE TABLE event_languages (
    event_id  BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    language  TEXT NOT NULL,
    PRIMARY KEY (event_id, language)
);

CREATE TABLE registrations (
    id            INTEGER PRIMARY KEY,
    event_id      BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL,
    organisation  TEXT,
    -- The member's account when a signed-in member registered.
    account_id    BIGINT,
    -- The language the person registered in: their e-mails are written in it.
    language      TEXT NOT NULL,
    -- confirmed | waiting | cancelled
    status        TEXT NOT NULL,
    -- The secret in the cancel link.
    token         TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX registrations_event ON registrations (event_id, status, id);
-- One live registration per address and event.
CREATE UNIQUE INDEX registrations_live_email ON registrations (event_id, email) WHERE status <> 'cancelled';

-- E-mail to send: written in the same transaction as the change it announces, sent by a
-- background job. `claimed_at` is set before sending and `sent_at` after; a job is
-- claimed by one sender only, so nothing is sent twice.
CREATE TABLE event_mail (
    id               INTEGER PRIMARY KEY,
    registration_id  BIGINT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    -- confirmation | waiting | promoted | reminder | cancelled
    kind             TEXT NOT NULL,
    due_at           TEXT NOT NULL,
    claimed_at       TEXT,
    claimed_by       TEXT,
    sent_at          TEXT,
    attempts         BIGINT NOT NULL DEFAULT 0,
    last_error       TEXT,
    UNIQUE (registration_id, kind)
);
CREATE INDEX event_mail_due ON event_mail (sent_at, claimed_at, due_at);
