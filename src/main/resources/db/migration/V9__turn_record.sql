-- What each turn decided, written in the turn's transaction: the conversation timeline's "why" (admin API
-- GET /admin/conversations/{id}/timeline). One row per turned event; record is compact JSON (outcome, the rules that
-- fired or were blocked, the state set or cleared, a failed turn's error). Deleted with its event by the inbox
-- retention; an event put back in line by the admin API loses its row until its next turn.
CREATE TABLE turn_record (
    event_id   BIGINT                   NOT NULL PRIMARY KEY,
    turned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    record     VARCHAR(100000)          NOT NULL
);
