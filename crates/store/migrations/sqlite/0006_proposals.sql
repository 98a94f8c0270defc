-- A member's change to a published initiative waits for review as a proposed revision
-- while the published version stays public.
ALTER TABLE initiatives ADD COLUMN proposed_revision BIGINT;
