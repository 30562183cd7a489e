package io.hookbot.worker;

import org.slf4j.MDC;

/**
 * What every log line written on a thread says it is about, as MDC fields: {@value #CHANNEL} (a configured channel's
 * name), {@value #CONVERSATION} (the conversation's id, as {@code GET /admin/conversations/{id}/timeline} takes it),
 * {@value #TURN} (the inbox event's id whose turn runs) and {@value #REPLY} (the outbox row's id being sent). Ids
 * and names only: never a conversation key, a phone number or a text. The JSON log ({@code hookbot.log.format: json})
 * writes them in each line's {@code mdc}; the text log leaves them out.
 *
 * <p>A scope is opened with try-with-resources and closing it puts back what the thread had before (so a
 * conversation's scope can hold its turns' scopes, and nothing is left on a pooled thread for the next turn).
 * {@link #capture} and {@link #of(Fields)} carry a thread's fields to another thread (a plugin thread, the watchdog).
 */
public final class LogContext implements AutoCloseable {

    /** The channel's name. */
    public static final String CHANNEL = "channel";
    /** The conversation's id. */
    public static final String CONVERSATION = "conversation";
    /** The inbox event's id whose turn runs. */
    public static final String TURN = "turn";
    /** The outbox row's id. */
    public static final String REPLY = "reply";

    private static final String[] KEYS = {CHANNEL, CONVERSATION, TURN, REPLY};

    private final String[] previous = new String[KEYS.length];

    private LogContext() {
        for (int i = 0; i < KEYS.length; i++) {
            previous[i] = MDC.get(KEYS[i]);
        }
    }

    /**
     * @param channel      the channel
     * @param conversation the conversation's id
     * @return the scope of a conversation's turns
     */
    public static LogContext conversation(String channel, long conversation) {
        LogContext scope = new LogContext();
        put(CHANNEL, channel);
        MDC.put(CONVERSATION, Long.toString(conversation));
        return scope;
    }

    /**
     * @param turn the inbox event's id
     * @return the scope of one turn (inside its conversation's)
     */
    public static LogContext turn(long turn) {
        LogContext scope = new LogContext();
        MDC.put(TURN, Long.toString(turn));
        return scope;
    }

    /**
     * @param channel      the reply's channel
     * @param conversation the conversation whose turn wrote it, or {@code null} when not known (a row written by an
     *                     older version)
     * @param reply        the outbox row's id
     * @return the scope of one send attempt
     */
    public static LogContext reply(String channel, Long conversation, long reply) {
        LogContext scope = new LogContext();
        put(CHANNEL, channel);
        put(CONVERSATION, conversation == null ? null : conversation.toString());
        MDC.remove(TURN);
        MDC.put(REPLY, Long.toString(reply));
        return scope;
    }

    /**
     * A thread's fields, taken to another thread.
     *
     * @param values the values, in the order of {@link #CHANNEL}, {@link #CONVERSATION}, {@link #TURN},
     *               {@link #REPLY}; {@code null} where the thread had none
     */
    public record Fields(String... values) {
    }

    /** @return this thread's fields, to hand to {@link #of(Fields)} on another thread (four look-ups, no map) */
    public static Fields capture() {
        String[] values = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            values[i] = MDC.get(KEYS[i]);
        }
        return new Fields(values);
    }

    /**
     * @param fields what {@link #capture} took on another thread
     * @return a scope with exactly those fields
     */
    public static LogContext of(Fields fields) {
        LogContext scope = new LogContext();
        for (int i = 0; i < KEYS.length; i++) {
            put(KEYS[i], fields.values()[i]);
        }
        return scope;
    }

    /** Puts back the fields the thread had before this scope. */
    @Override
    public void close() {
        for (int i = 0; i < KEYS.length; i++) {
            put(KEYS[i], previous[i]);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
