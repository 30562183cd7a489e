package io.hookbot.api;

import java.time.Duration;

/**
 * Put the turn's conversation in human mode: from its next event on, the bot answers nothing in it (no rule or
 * plugin runs; each turn's record says the bot stepped back and why), until an operator releases it
 * ({@code POST /admin/conversations/{id}/release}) or it has gone {@code idle} without a message either way. The
 * turn's other actions still happen, so a plugin can tell the customer "an agent will answer you" in the same turn.
 *
 * <p>With an agent target ({@code channel} and {@code address}, in that channel's platform's terms, as for a
 * {@link Send}), the message that led to the hand-off and every message the customer writes while in human mode
 * are forwarded there, through the outbox like any reply. The agent answers through the admin API
 * ({@code POST /admin/conversations/{id}/messages}), which sends on the conversation's own channel. Without a
 * target, agents follow the conversation on the dashboard or the timeline.
 *
 * <p>A conversation already in human mode never reaches a plugin, so a plugin hands off only from bot mode; a
 * hand-off's end is the operator's or the idle timeout's, never a plugin's.
 *
 * @param channel the configured channel to forward the customer's messages on, or {@code null} for none
 * @param address the agent's address on that channel, or {@code null} for none (both or neither)
 * @param idle    how long the conversation stays in human mode after its last message (the customer's or the
 *                agent's); each message starts it again. At least {@link #MIN_IDLE}, at most {@link #MAX_IDLE}
 * @param note    why, for the agent and the timeline, or {@code null}; at most {@value #MAX_NOTE} characters
 */
public record HandOff(String channel, String address, Duration idle, String note) implements Action {

    /** The shortest idle time. */
    public static final Duration MIN_IDLE = Duration.ofSeconds(1);
    /** The longest idle time. */
    public static final Duration MAX_IDLE = Duration.ofDays(30);
    /** The longest note. */
    public static final int MAX_NOTE = 1000;

    /**
     * @param idle how long without a message until the bot takes over again
     * @param note why, or {@code null}
     * @return a hand-off with no agent target (agents follow it on the dashboard)
     */
    public static HandOff unrouted(Duration idle, String note) {
        return new HandOff(null, null, idle, note);
    }

    /**
     * @return what is wrong with this hand-off, or {@code null} when nothing is: the target is both or neither, the
     *         idle time within bounds, the note short enough
     */
    public String problem() {
        boolean hasChannel = channel != null && !channel.isBlank();
        boolean hasAddress = address != null && !address.isBlank();
        if (hasChannel != hasAddress) {
            return "a hand-off's agent target needs both a channel and an address, or neither: " + this;
        }
        if (idle == null || idle.compareTo(MIN_IDLE) < 0 || idle.compareTo(MAX_IDLE) > 0) {
            return "a hand-off's idle time must be between 1s and 30d: " + idle;
        }
        if (note != null && note.length() > MAX_NOTE) {
            return "a hand-off's note is longer than " + MAX_NOTE + " characters";
        }
        return null;
    }
}
