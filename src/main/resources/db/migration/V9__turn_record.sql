-- What each turn decided, written by the UPDATE that marks the event turned, in the turn's own transaction: the
-- conversation timeline's "why" (admin API GET /admin/conversations/{id}/timeline). Compact JSON (outcome, the
-- rules that fired or were blocked, the state set or cleared, a failed turn's error); NULL for a turn where no rule
-- matched and nothing changed, and while the event waits. It goes with its row (the inbox retention), and an event
-- put back in line by the admin API loses it until its next turn.
ALTER TABLE inbox_event ADD COLUMN turn_record VARCHAR(100000);
