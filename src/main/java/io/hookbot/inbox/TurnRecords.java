package io.hookbot.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.bot.TurnVerdict;

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
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("outcome", entry.failed() ? "failed" : entry.verdicts().isEmpty() ? NO_RULE_MATCHED
                : entry.verdicts().get(0).kind() == TurnVerdict.Kind.STEPPED_BACK ? HUMAN_MODE : "answered");
        record.put("verdicts", entry.verdicts().stream().map(TurnRecords::verdict).toList());
        Map<String, String> set = new LinkedHashMap<>();
        entry.after().forEach((key, value) -> {
            if (!value.equals(entry.before().get(key))) {
                set.put(key, value.length() <= TurnVerdict.MAX_VALUE ? value
                        : value.substring(0, TurnVerdict.MAX_VALUE) + "…");
            }
        });
        List<String> cleared = entry.before().keySet().stream().filter(k -> !entry.after().containsKey(k)).sorted()
                .toList();
        if (!set.isEmpty()) {
            record.put("stateSet", set);
        }
        if (!cleared.isEmpty()) {
            record.put("stateCleared", cleared);
        }
        if (entry.error() != null) {
            record.put("error", entry.error().length() <= MAX_ERROR ? entry.error()
                    : entry.error().substring(0, MAX_ERROR) + "…");
        }
        String json = write(record);
        if (json.length() <= MAX_LENGTH) {
            return json;
        }
        // thousands of rules answering one event, or a state of thousands of keys: the head of it, marked as cut
        List<?> verdicts = (List<?>) record.get("verdicts");
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("outcome", record.get("outcome"));
        cut.put("verdicts", verdicts.subList(0, Math.min(verdicts.size(), MAX_VERDICTS_CUT)));
        cut.put("truncated", true);
        String shorter = write(cut);
        return shorter.length() <= MAX_LENGTH ? shorter
                : write(Map.of("outcome", record.get("outcome"), "truncated", true));
    }

    private static String write(Map<String, Object> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a turn record cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> verdict(TurnVerdict verdict) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", switch (verdict.kind()) {
            case FIRED -> "fired";
            case BLOCKED -> "blocked";
            case STEPPED_BACK -> "stepped back";
        });
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
