-- A reply's successful send attempt is kept in its own row instead of a row of outbox_attempt: how long the send
-- took (its end is sent_at). Every failed attempt still has its outbox_attempt row. NULL for replies sent before
-- this version (their successful attempt is in outbox_attempt) and for replies not sent.
ALTER TABLE outbox_message ADD COLUMN send_ms BIGINT;
