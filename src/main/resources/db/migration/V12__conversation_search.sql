-- Portable between H2 (in PostgreSQL mode) and PostgreSQL: the same file runs on both.

-- The conversation search's word index: each word of the message texts of a conversation, once per conversation,
-- with the newest event that has it (for the retention: a word goes when the last message with it goes). Filled in
-- the background from inbox_event by the search indexer (io.hookbot.search), never by the webhook or the turn. The
-- word is folded (search.SearchWords) and stored as its UTF-8 bytes, so that a prefix is a range of the primary key
-- whatever the database's collation.
CREATE TABLE conversation_word (
    word             BYTEA        NOT NULL,
    channel          VARCHAR(100) NOT NULL,
    conversation_key VARCHAR(300) NOT NULL,
    event_id         BIGINT       NOT NULL,
    CONSTRAINT pk_conversation_word PRIMARY KEY (word, channel, conversation_key)
);
-- A word's conversations (the primary key), a conversation's words (a search of a common word looks at the newest
-- conversations first), and the words of an event (the retention).
CREATE INDEX ix_conversation_word_conversation ON conversation_word (channel, conversation_key, word);
CREATE INDEX ix_conversation_word_event ON conversation_word (event_id);

-- How far the indexer has read inbox_event: every event with an id up to indexed_through is in the index. One row;
-- an indexer locks it for its batch, so two instances never index the same events at once.
CREATE TABLE search_cursor (
    name             VARCHAR(40) PRIMARY KEY,
    indexed_through  BIGINT      NOT NULL
);
INSERT INTO search_cursor (name, indexed_through) VALUES ('inbox_event', 0);
