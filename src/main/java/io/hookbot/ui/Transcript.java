package io.hookbot.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A conversation's timeline (as {@code ConversationTimeline} reads it, turned into plain maps) as a chat
 * transcript: each message that came in, the turn that answered it in words, then each of its replies with its
 * status and attempts; presence changes, meeting and device events and schedule firings as lines in between.
 */
final class Transcript {

    private Transcript() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> model(Map<String, Object> timeline) {
        Map<String, Object> conversation = (Map<String, Object>) timeline.get("conversation");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", String.valueOf(conversation.get("id")));
        model.put("channel", String.valueOf(conversation.get("channel")));
        model.put("key", String.valueOf(conversation.get("key")));
        model.put("turns", String.valueOf(conversation.get("turns")));
        model.put("lastTurnAt", Page.time((String) conversation.get("lastTurnAt")));
        model.put("counts", "pending " + conversation.get("pending") + ", held " + conversation.get("held")
                + ", failed " + conversation.get("failed") + ", dead replies " + conversation.get("deadReplies"));
        Object earlier = timeline.get("earlier");
        model.put("earlier", earlier == null ? "" : "/ui/conversations/" + conversation.get("id") + "?before="
                + earlier);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object e : (List<Object>) timeline.get("timeline")) {
            Map<String, Object> event = (Map<String, Object>) e;
            items.add(event(event));
            for (Object r : (List<Object>) event.getOrDefault("replies", List.of())) {
                items.add(reply((Map<String, Object>) r, fired(event)));
            }
        }
        model.put("items", items);
        HandOffLines.into(model, conversation, (List<Object>) timeline.getOrDefault("handOffs", List.of()));
        return model;
    }

    private static Map<String, Object> event(Map<String, Object> event) {
        Map<String, Object> item = new LinkedHashMap<>();
        boolean message = event.containsKey("text") || "message".equals(event.get("kind"));
        item.put("side", message ? "in" : "happening");
        item.put("id", String.valueOf(event.get("id")));
        item.put("from", text(event.get("from")));
        item.put("text", message ? text(event.get("text")) : text(event.get("summary")));
        item.put("kind", text(event.get("kind")));
        item.put("at", Page.time((String) event.get("receivedAt")));
        item.put("status", text(event.get("status")));
        item.put("error", text(event.get("error")));
        Object attachments = event.get("attachments");
        item.put("attachments", attachments == null ? "" : attachments + " file(s) attached");
        item.put("why", why(event));
        item.put("verdicts", verdicts(event));
        return item;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reply(Map<String, Object> reply, String rules) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("side", "out");
        item.put("id", String.valueOf(reply.get("id")));
        item.put("text", text(reply.get("text")));
        item.put("status", text(reply.get("status")));
        item.put("channel", text(reply.get("channel")));
        item.put("recipient", text(reply.get("recipient")));
        item.put("at", Page.time((String) reply.get("createdAt")));
        item.put("sentAt", Page.time((String) reply.get("sentAt")));
        item.put("nextAttemptAt", Page.time((String) reply.get("nextAttemptAt")));
        item.put("lastError", text(reply.get("lastError")));
        item.put("rules", rules);
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (Object a : (List<Object>) reply.getOrDefault("attempts", List.of())) {
            Map<String, Object> attempt = (Map<String, Object>) a;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("text", "#" + attempt.get("number") + " " + attempt.get("outcome")
                    + (attempt.get("statusCode") == null ? "" : " (" + attempt.get("statusCode") + ")")
                    + " at " + Page.time((String) attempt.get("at")) + ", " + attempt.get("durationMs") + " ms"
                    + (attempt.get("error") == null ? "" : ": " + attempt.get("error"))
                    + (attempt.get("retryAt") == null ? "" : "; next try " + Page.time((String) attempt.get("retryAt"))));
            attempts.add(line);
        }
        item.put("attempts", attempts);
        item.put("attemptCount", String.valueOf(attempts.size()));
        return item;
    }

    /** The turn in one line: what became of the event. */
    @SuppressWarnings("unchecked")
    private static String why(Map<String, Object> event) {
        Map<String, Object> turn = (Map<String, Object>) event.get("turn");
        if (turn == null) {
            return "waiting for its turn (" + text(event.get("status")).toLowerCase() + ")";
        }
        StringBuilder why = new StringBuilder(text(turn.get("outcome")));
        Object set = turn.get("stateSet");
        if (set instanceof Map<?, ?> values && !values.isEmpty()) {
            why.append("; state set: ").append(values.entrySet().stream().map(en -> en.getKey() + " = " + en.getValue())
                    .collect(Collectors.joining(", ")));
        }
        Object cleared = turn.get("stateCleared");
        if (cleared instanceof List<?> keys && !keys.isEmpty()) {
            why.append("; state cleared: ").append(keys.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (turn.get("error") != null) {
            why.append("; error: ").append(turn.get("error"));
        }
        return why.toString();
    }

    /** Each rule that fired or was blocked, in words. */
    @SuppressWarnings("unchecked")
    private static List<String> verdicts(Map<String, Object> event) {
        Map<String, Object> turn = (Map<String, Object>) event.get("turn");
        List<String> lines = new ArrayList<>();
        if (turn == null || !(turn.get("verdicts") instanceof List<?> verdicts)) {
            return lines;
        }
        for (Object v : verdicts) {
            Map<String, Object> verdict = (Map<String, Object>) v;
            if ("stepped back".equals(verdict.get("verdict"))) {
                lines.add("the bot stepped back: " + verdict.get("reason"));
                continue;
            }
            String rule = verdict.get("bot") + " / " + verdict.get("rule");
            if ("blocked".equals(verdict.get("verdict"))) {
                lines.add(rule + " was blocked by " + verdict.get("guard") + ": " + verdict.get("reason"));
                continue;
            }
            StringBuilder line = new StringBuilder(rule + " fired");
            if (verdict.get("captures") instanceof Map<?, ?> captures && !captures.isEmpty()) {
                line.append(", capturing ").append(captures.entrySet().stream()
                        .map(en -> en.getKey() + " = \u201c" + en.getValue() + "\u201d").collect(Collectors.joining(", ")));
            }
            if (verdict.get("plugins") instanceof List<?> plugins && !plugins.isEmpty()) {
                line.append(", calling plugin ").append(plugins.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")));
            }
            if (verdict.get("actions") instanceof Map<?, ?> actions && !actions.isEmpty()) {
                line.append("; did ").append(actions.entrySet().stream().map(en -> en.getKey() + " \u00d7" + en.getValue())
                        .collect(Collectors.joining(", ")));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The rules that fired in the event's turn, for its replies: "auto-reply / greet". */
    @SuppressWarnings("unchecked")
    private static String fired(Map<String, Object> event) {
        Map<String, Object> turn = (Map<String, Object>) event.get("turn");
        if (turn == null || !(turn.get("verdicts") instanceof List<?> verdicts)) {
            return "";
        }
        return verdicts.stream().map(v -> (Map<String, Object>) v).filter(v -> "fired".equals(v.get("verdict")))
                .map(v -> v.get("bot") + " / " + v.get("rule")).collect(Collectors.joining(", "));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
