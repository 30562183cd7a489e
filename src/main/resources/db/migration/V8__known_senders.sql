-- Portable between H2 (in PostgreSQL mode) and PostgreSQL: the same file runs on both.

-- Who has written on each channel, for the rule condition "first-message: true". A row is added in the transaction
-- of the turn of the sender's first message, so a turn that rolls back leaves none, a redelivered webhook (deduped
-- by the inbox) never makes a second first message, and the knowledge survives restarts.
CREATE TABLE known_sender (
    channel        VARCHAR(100) NOT NULL,
    sender_id      VARCHAR(300) NOT NULL,
    first_event_id BIGINT       NOT NULL,
    first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_known_sender PRIMARY KEY (channel, sender_id)
);
