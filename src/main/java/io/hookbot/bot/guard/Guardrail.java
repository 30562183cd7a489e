package io.hookbot.bot.guard;

/** The guardrails, by the name a rule file, the log and the {@code guardrail_block} table use for them. */
public enum Guardrail {
    /** The event is the bot's own doing. */
    SELF("ignore-self"),
    /** The event comes from another bot. */
    OTHER_BOT("ignore-bots"),
    /** The rule would send in quiet hours. */
    QUIET_HOURS("quiet-hours"),
    /** The conversation had its messages for this minute. */
    REPLY_CAP("replies-per-minute"),
    /** The rule fired for this subject within its cooldown. */
    COOLDOWN("cooldown");

    private final String written;

    Guardrail(String written) {
        this.written = written;
    }

    /** @return the key that configures it in a rule file */
    public String written() {
        return written;
    }
}
