package io.hookbot.inbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.bot.TurnVerdict;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each turn decided, as the compact JSON the turn writes into its event's row ({@code inbox_event.turn_record},
 * by the same UPDATE that marks the event turned, in the turn's own transaction), so the conversation timeline is
 * true after a restart and on every instance, and goes with its event: the outcome, the rules that fired or were
 * blocked ({@link TurnVerdict}), the state the turn set or cleared, and a failed turn's error. A turn where no rule
 * matched and nothing changed writes nothing ({@code NULL}): the timeline reads that as "no rule matched". An event
 * put back in line by the admin API loses its record, and its next turn writes it afresh.
 */
public final class TurnRecords {

    /** The column. */
    public static final String COLUMN = "turn_record";
    /** What the timeline shows for a turned event with no record. */
    public static final String NO_RULE_MATCHED = "no rule matched";
    /** The outcome of a turn the bot stepped back from: its conversation is in human mode. */
    public static final String HUMAN_MODE = "human mode";
    /** The longest error text kept. */
    private static final int MAX_ERROR = 500;
    /** The column's size: a record is never longer, so no turn can fail for its record. */
    static final int MAX_LENGTH = 100_000;
    /** The verdicts a record cut to fit keeps. */
    private static final int MAX_VERDICTS_CUT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TurnRecords() {
    }

    /**
     * One turn's record.
     *
     * @param failed   whether the turn failed (a rule or plugin threw); its event is then {@code FAILED}
     * @param verdicts the rules that fired or were blocked, in order; none is "no rule matched"
     * @param before   the conversation state before the turn
     * @param after    the state after it
     * @param error    a failed turn's error, or {@code null}
     */
    record Entry(boolean failed, List<TurnVerdict> verdicts, Map<String, String> before, Map<String, String> after,
                 String error) {
    }

    /**
     * @param entry a turn
     * @return its record, or {@code null} when no rule matched and nothing changed
     */
    static String json(Entry entry) {
        if (!entry.failed() && entry.verdicts().isEmpty() && entry.before().equals(entry.after())) {
            return null;
        }
        String json = stream(entry);
        if (json.length() <= MAX_LENGTH) {
            return json;
        }
        // thousands of rules answering one event, or a state of thousands of keys: the head of it, marked as cut
        List<TurnVerdict> verdicts = entry.verdicts();
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("outcome", outcome(entry));
        cut.put("verdicts", verdicts.subList(0, Math.min(verdicts.size(), MAX_VERDICTS_CUT)).stream()
                .map(TurnRecords::verdict).toList());
        cut.put("truncated", true);
        String shorter = write(cut);
        return shorter.length() <= MAX_LENGTH ? shorter
                : write(Map.of("outcome", outcome(entry), "truncated", true));
    }

    private static String outcome(Entry entry) {
        return entry.failed() ? "failed" : entry.verdicts().isEmpty() ? NO_RULE_MATCHED
                : entry.verdicts().get(0).kind() == TurnVerdict.Kind.STEPPED_BACK ? HUMAN_MODE : "answered";
    }

    /**
     * The record written straight out, field by field, in the shape {@link #verdict} gives a cut record's verdicts:
     * every turn that answers writes one, so no intermediate map is built for it.
     */
    private static String stream(Entry entry) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("outcome", outcome(entry));
            json.writeArrayFieldStart("verdicts");
            for (TurnVerdict verdict : entry.verdicts()) {
                writeVerdict(json, verdict);
            }
            json.writeEndArray();
            boolean anySet = false;
            for (Map.Entry<String, String> state : entry.after().entrySet()) {
                String value = state.getValue();
                if (!value.equals(entry.before().get(state.getKey()))) {
                    if (!anySet) {
                        json.writeObjectFieldStart("stateSet");
                        anySet = true;
                    }
                    json.writeStringField(state.getKey(), value.length() <= TurnVerdict.MAX_VALUE ? value
                            : value.substring(0, TurnVerdict.MAX_VALUE) + "…");
                }
            }
            if (anySet) {
                json.writeEndObject();
            }
            List<String> cleared = cleared(entry);
            if (!cleared.isEmpty()) {
                json.writeArrayFieldStart("stateCleared");
                for (String key : cleared) {
                    json.writeString(key);
                }
                json.writeEndArray();
            }
            if (entry.error() != null) {
                json.writeStringField("error", entry.error().length() <= MAX_ERROR ? entry.error()
                        : entry.error().substring(0, MAX_ERROR) + "…");
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("a turn record cannot be written as JSON", e);
        }
        return out.toString();
    }

    /** @return the state's keys the turn cleared, sorted; no stream, since most turns clear none */
    private static List<String> cleared(Entry entry) {
        List<String> cleared = null;
        for (String key : entry.before().keySet()) {
            if (!entry.after().containsKey(key)) {
                cleared = cleared == null ? new ArrayList<>(2) : cleared;
                cleared.add(key);
            }
        }
        if (cleared == null) {
            return List.of();
        }
        Collections.sort(cleared);
        return cleared;
    }

    private static void writeVerdict(JsonGenerator json, TurnVerdict verdict) throws IOException {
        json.writeStartObject();
        json.writeStringField("verdict", verdictName(verdict));
        json.writeStringField("bot", verdict.bot());
        json.writeStringField("rule", verdict.rule());
        if (!verdict.captures().isEmpty()) {
            json.writeObjectFieldStart("captures");
            for (Map.Entry<String, String> capture : verdict.captures().entrySet()) {
                json.writeStringField(capture.getKey(), capture.getValue());
            }
            json.writeEndObject();
        }
        if (!verdict.plugins().isEmpty()) {
            json.writeArrayFieldStart("plugins");
            for (String plugin : verdict.plugins()) {
                json.writeString(plugin);
            }
            json.writeEndArray();
        }
        if (!verdict.actions().isEmpty()) {
            json.writeObjectFieldStart("actions");
            for (Map.Entry<String, Integer> kind : verdict.actions().entrySet()) {
                json.writeNumberField(kind.getKey(), kind.getValue());
            }
            json.writeEndObject();
        }
        if (verdict.guard() != null) {
            json.writeStringField("guard", verdict.guard());
            json.writeStringField("reason", verdict.reason());
        }
        json.writeEndObject();
    }

    private static String write(Map<String, Object> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a turn record cannot be written as JSON", e);
        }
    }

    private static String verdictName(TurnVerdict verdict) {
        return switch (verdict.kind()) {
            case FIRED -> "fired";
            case BLOCKED -> "blocked";
            case STEPPED_BACK -> "stepped back";
        };
    }

    private static Map<String, Object> verdict(TurnVerdict verdict) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", verdictName(verdict));
        out.put("bot", verdict.bot());
        out.put("rule", verdict.rule());
        if (!verdict.captures().isEmpty()) {
            out.put("captures", verdict.captures());
        }
        if (!verdict.plugins().isEmpty()) {
            out.put("plugins", verdict.plugins());
        }
        if (!verdict.actions().isEmpty()) {
            out.put("actions", verdict.actions());
        }
        if (verdict.guard() != null) {
            out.put("guard", verdict.guard());
            out.put("reason", verdict.reason());
        }
        return out;
    }
}
