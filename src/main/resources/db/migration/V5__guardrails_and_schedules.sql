-- Portable between H2 (in PostgreSQL mode) and PostgreSQL: the same file runs on both.

-- Cooldowns of rules with guardrails: cooldown: when a rule last fired for a subject ('user:<channel>:<id>',
-- 'conversation:<channel>:<key>' or 'rule'). A rule fires only if it can move fired_at forward (a conditional
-- UPDATE) or insert the row (ON CONFLICT DO NOTHING): of two concurrent turns only one gets the cooldown.
CREATE TABLE guardrail_cooldown (
    bot              VARCHAR(200) NOT NULL,
    rule_name        VARCHAR(200) NOT NULL,
    subject          VARCHAR(700) NOT NULL,
    fired_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_guardrail_cooldown PRIMARY KEY (bot, rule_name, subject)
);

-- Messages sent into a conversation in its current one-minute window (for replies-per-minute). Only written
-- under the conversation's row lock.
CREATE TABLE guardrail_reply_rate (
    channel          VARCHAR(100) NOT NULL,
    conversation_key VARCHAR(300) NOT NULL,
    window_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    replies          INT          NOT NULL,
    CONSTRAINT pk_guardrail_reply_rate PRIMARY KEY (channel, conversation_key)
);

-- How often a guardrail stopped a rule that fired, per conversation (schedule firings: channel '~schedule',
-- conversation_key '<bot>/<rule>'), for the operator. Per conversation so that counting needs no lock but the
-- conversation's own.
CREATE TABLE guardrail_block (
    channel          VARCHAR(100) NOT NULL,
    conversation_key VARCHAR(300) NOT NULL,
    bot              VARCHAR(200) NOT NULL,
    rule_name        VARCHAR(200) NOT NULL,
    guardrail        VARCHAR(40)  NOT NULL,
    blocked          BIGINT       NOT NULL,
    last_blocked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_guardrail_block PRIMARY KEY (channel, conversation_key, bot, rule_name, guardrail)
);

-- One row per schedule rule in force: when it is next due. The poller claims due rows FOR UPDATE SKIP LOCKED and,
-- in the same transaction, writes the firing's inbox row (channel '~schedule'), its outbox rows and the next due
-- time, which is after the firing's own time: slots missed while no instance ran fire once, not once each.
-- spec is the schedule as written; when a reload changes it, next_due is computed again.
CREATE TABLE schedule_slot (
    bot              VARCHAR(200) NOT NULL,
    rule_name        VARCHAR(200) NOT NULL,
    spec             VARCHAR(500) NOT NULL,
    next_due         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_fired_at    TIMESTAMP WITH TIME ZONE,
    firings          BIGINT       NOT NULL,
    CONSTRAINT pk_schedule_slot PRIMARY KEY (bot, rule_name)
);
CREATE INDEX ix_schedule_slot_due ON schedule_slot (next_due);
