package io.hookbot.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A transcript's human mode in words: the conversation's mode and hand-off now, and what happened to its mode (the
 * timeline's {@code handOffs}: hand-offs, releases, the agents' messages with their delivery status).
 */
final class HandOffLines {

    private HandOffLines() {
    }

    /**
     * @param model        the transcript's model, which gets {@code mode}, {@code handOff} and {@code modeLog}
     * @param conversation the timeline's conversation
     * @param log          the timeline's {@code handOffs}
     */
    @SuppressWarnings("unchecked")
    static void into(Map<String, Object> model, Map<String, Object> conversation, List<Object> log) {
        model.put("mode", text(conversation.get("mode")));
        Object current = conversation.get("handOff");
        model.put("handOff", current instanceof Map<?, ?> handOff ? now((Map<String, Object>) handOff) : "");
        List<String> lines = new ArrayList<>();
        for (Object l : log) {
            lines.add(line((Map<String, Object>) l));
        }
        model.put("modeLog", lines);
    }

    @SuppressWarnings("unchecked")
    private static String now(Map<String, Object> handOff) {
        StringBuilder text = new StringBuilder("Handed off by " + handOff.get("by"));
        if (handOff.get("detail") != null) {
            text.append(" ").append(handOff.get("detail"));
        }
        text.append(" since ").append(Page.time((String) handOff.get("since")));
        if (handOff.get("to") instanceof Map<?, ?> to) {
            text.append("; messages forwarded on ").append(to.get("channel")).append(" to ").append(to.get("address"));
        } else {
            text.append("; no agent target: follow it here");
        }
        text.append("; back to the bot at ").append(Page.time((String) handOff.get("releaseAt")))
                .append(" unless a message comes first");
        if (handOff.get("note") != null) {
            text.append(". Note: ").append(handOff.get("note"));
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static String line(Map<String, Object> entry) {
        String at = Page.time((String) entry.get("at")) + ": ";
        String by = String.valueOf(entry.get("by"));
        String detail = entry.get("detail") == null ? "" : " (" + entry.get("detail") + ")";
        return switch (String.valueOf(entry.get("kind"))) {
            case "handoff" -> at + "handed off by " + by + detail
                    + (entry.get("to") instanceof Map<?, ?> to ? ", forwarding on " + to.get("channel") + " to "
                    + to.get("address") : "")
                    + (entry.get("note") == null ? "" : ": " + entry.get("note"));
            case "release" -> at + "released by " + by + detail;
            default -> at + "agent's message" + replies((List<Object>) entry.getOrDefault("replies", List.of()));
        };
    }

    @SuppressWarnings("unchecked")
    private static String replies(List<Object> replies) {
        StringBuilder text = new StringBuilder();
        for (Object r : replies) {
            Map<String, Object> reply = (Map<String, Object>) r;
            text.append(" \u201c").append(reply.get("text")).append("\u201d ").append(reply.get("status"));
        }
        return text.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
