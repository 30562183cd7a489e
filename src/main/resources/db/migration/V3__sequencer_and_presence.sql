-- Portable between H2 (in PostgreSQL mode) and PostgreSQL: the same file runs on both.

-- Ordering by the platform's own numbers (Webinato batchNo), per conversation. last_batch is the last batch
-- released into turns, last_arrived the batch of the newest numbered event that arrived; gap_since is set while events wait behind a missing batch (inbox_event.status = 'HELD')
-- and is when that gap opened; skipped counts the batch numbers given up after the gap timeout, restarts the
-- times the numbering started again at 1.
CREATE TABLE sequence_state (
    channel          VARCHAR(100) NOT NULL,
    conversation_key VARCHAR(300) NOT NULL,
    last_batch       BIGINT       NOT NULL,
    last_arrived     BIGINT       NOT NULL,
    gap_since        TIMESTAMP WITH TIME ZONE,
    skipped          BIGINT       NOT NULL,
    restarts         BIGINT       NOT NULL,
    CONSTRAINT pk_sequence_state PRIMARY KEY (channel, conversation_key)
);
CREATE INDEX ix_sequence_state_gap ON sequence_state (gap_since);

-- Presence per channel and user: the newest status (status_at is the platform's timestamp of the change that set
-- it, so an older callback processed later cannot overwrite it), since when the user has that status, and when
-- the user was last seen (any presence change or message). user_id '*' holds the time of the last
-- "everyone offline" of the channel (MQTT chat userid 0).
CREATE TABLE presence_user (
    channel          VARCHAR(100) NOT NULL,
    user_id          VARCHAR(300) NOT NULL,
    name             VARCHAR(300),
    status           VARCHAR(16),
    status_at        TIMESTAMP WITH TIME ZONE,
    since            TIMESTAMP WITH TIME ZONE,
    last_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_presence_user PRIMARY KEY (channel, user_id)
);

-- The scopes a user is or was in: Yalgaar channels (JOINED = bound, LEFT = unbound), meetings (WAITING, JOINED,
-- LEFT). Newest timestamp wins per scope; a LEFT row is kept so that a late, older JOINED cannot bring it back.
CREATE TABLE presence_scope (
    channel          VARCHAR(100) NOT NULL,
    user_id          VARCHAR(300) NOT NULL,
    scope            VARCHAR(300) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    status_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_presence_scope PRIMARY KEY (channel, user_id, scope)
);
CREATE INDEX ix_presence_scope_scope ON presence_scope (channel, scope, status);
