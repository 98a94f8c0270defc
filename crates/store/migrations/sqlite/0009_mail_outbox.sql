-- One durable queue for every e-mail Praxis sends. A message is either written when it
-- is queued (recipient, subject and text in the recipient's language), or composed when
-- it is sent from a registration (the event's details as they are then: a reminder
-- tells the time the event has on the day before, not the day someone registered).
-- A sender claims a job before sending and marks it after, so nothing goes out twice;
-- a failed send is retried later. Expand step: event_mail's jobs are copied over and
-- event_mail is dropped by a later migration.
CREATE TABLE mail_outbox (
    id               INTEGER PRIMARY KEY,
    -- a Fluent message key for written mail; confirmation | waiting | promoted |
    -- reminder | cancelled for registrations
    kind             TEXT NOT NULL,
    recipient        TEXT,
    subject          TEXT,
    body             TEXT,
    registration_id  BIGINT REFERENCES registrations (id) ON DELETE CASCADE,
    due_at           TEXT NOT NULL,
    claimed_at       TEXT,
    claimed_by       TEXT,
    sent_at          TEXT,
    attempts         BIGINT NOT NULL DEFAULT 0,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    UNIQUE (registration_id, kind),
    CHECK ((registration_id IS NULL) = (recipient IS NOT NULL AND subject IS NOT NULL AND body IS NOT NULL))
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, claimed_at, due_at);

INSERT INTO mail_outbox (kind, registration_id, due_at, claimed_at, claimed_by, sent_at, attempts, last_error, created_at)
    SELECT kind, registration_id, due_at, claimed_at, claimed_by, sent_at, attempts, last_error, due_at
    FROM event_mail ORDER BY id;
