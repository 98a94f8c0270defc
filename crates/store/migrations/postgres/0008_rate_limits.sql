-- One rate-limit table for every kind of throttling (failed sign-ins, reports, mail
-- sent on a visitor's request, requests to sign a call), keyed by a subject string.
-- Expand step: the counts of sign_in_failures and the recent requests to sign a call
-- are copied over; sign_in_failures is dropped by a later migration.
CREATE TABLE rate_limit_hits (
    id       BIGSERIAL PRIMARY KEY,
    subject  TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX rate_limit_hits_subject ON rate_limit_hits (subject, at);

INSERT INTO rate_limit_hits (subject, at) SELECT subject, at FROM sign_in_failures;
INSERT INTO rate_limit_hits (subject, at)
    SELECT 'calls-join:' || client, created_at FROM signature_requests;
