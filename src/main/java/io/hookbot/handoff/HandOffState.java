package io.hookbot.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * A conversation in human mode, as its {@code conversation_handoff} row holds it.
 *
 * @param conversationId the conversation
 * @param target         where the customer's messages are forwarded, or {@code null}
 * @param since          when it was handed off
 * @param idle           how long it stays in human mode after its last message
 * @param lastActivity   its last message, the customer's or the agent's (or the hand-off itself)
 * @param note           why, or {@code null}
 * @param by             who handed it off
 * @param detail         the rule ({@code bot/rule}), the plugin, or {@code null} for the admin API
 */
public record HandOffState(long conversationId, AgentTarget target, Instant since, Duration idle,
                           Instant lastActivity, String note, Source by, String detail) {

    /** @return when the idle timeout releases it, unless a message comes first */
    public Instant releaseAt() {
        return lastActivity.plus(idle);
    }

    /**
     * @param now the time
     * @return whether the idle timeout has passed
     */
    public boolean idleAt(Instant now) {
        return !releaseAt().isAfter(now);
    }

    /**
     * @param now a message's time
     * @return the same hand-off, its idle time started again
     */
    public HandOffState touched(Instant now) {
        return new HandOffState(conversationId, target, since, idle, now.isAfter(lastActivity) ? now : lastActivity,
                note, by, detail);
    }

    /** Who starts or ends a hand-off, as the log writes it. */
    public enum Source {
        /** A rule's {@code handoff:} action. */
        RULE,
        /** A plugin's {@link io.hookbot.api.HandOff} action. */
        PLUGIN,
        /** The admin API (or the dashboard, which calls it). */
        ADMIN,
        /** The idle timeout. */
        IDLE;

        /** @return the word the log, the timeline and the metrics use */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
