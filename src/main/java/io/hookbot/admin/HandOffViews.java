package io.hookbot.admin;

import io.hookbot.handoff.HandOffState;
import io.hookbot.handoff.LogEntry;

import java.util.LinkedHashMap;
import java.util.Map;

/** A conversation's mode, hand-off and mode log as the admin API writes them. */
final class HandOffViews {

    /** The mode of a conversation the bot answers. */
    static final String BOT = "bot";
    /** The mode of a conversation handed off to a person. */
    static final String HUMAN = "human";

    private HandOffViews() {
    }

    /**
     * @param state a hand-off in force
     * @return it as JSON fields
     */
    static Map<String, Object> state(HandOffState state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("to", state.target() == null ? null
                : Map.of("channel", state.target().channel(), "address", state.target().address()));
        out.put("since", state.since().toString());
        out.put("idleSeconds", state.idle().toSeconds());
        out.put("lastActivityAt", state.lastActivity().toString());
        out.put("releaseAt", state.releaseAt().toString());
        out.put("note", state.note());
        out.put("by", state.by().word());
        out.put("detail", state.detail());
        return out;
    }

    /**
     * @param entry a line of the mode log
     * @return it as JSON fields
     */
    static Map<String, Object> entry(LogEntry entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", entry.id());
        out.put("at", entry.at().toString());
        out.put("kind", entry.kind().name().toLowerCase(java.util.Locale.ROOT));
        out.put("by", entry.by().word());
        out.put("detail", entry.detail());
        if (entry.kind() == LogEntry.Kind.HANDOFF) {
            out.put("to", entry.target() == null ? null
                    : Map.of("channel", entry.target().channel(), "address", entry.target().address()));
            out.put("idleSeconds", entry.idle() == null ? null : entry.idle().toSeconds());
            out.put("note", entry.note());
        }
        out.put("eventId", entry.eventId());
        return out;
    }
}
