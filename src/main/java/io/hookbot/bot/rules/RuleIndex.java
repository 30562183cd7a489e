package io.hookbot.bot.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the few rules of a bot worth trying for an event, so that matching costs about the same with 10 rules as
 * with 10,000. Each message rule whose condition needs certain words ({@link TextRequirements}) is filed under the
 * words of one of its clauses, the clause whose words the fewest other rules use; the rest are tried for every
 * message. Candidates come back as rule positions in ascending order, so first-match priority is exactly the order
 * of the file. Rules of other event families are few and are all returned.
 */
final class RuleIndex {

    private static final int[] NONE = new int[0];

    private final Map<String, int[]> byWord;
    private final int[] unfiled;
    private final Map<Trigger.Family, int[]> byFamily;

    RuleIndex(List<Rule> rules) {
        List<List<Set<String>>> clauses = new ArrayList<>(rules.size());
        Map<String, Integer> usage = new HashMap<>();
        for (Rule rule : rules) {
            List<Set<String>> own = rule.trigger().family() == Trigger.Family.MESSAGE
                    ? TextRequirements.of(rule.condition()) : List.of();
            clauses.add(own);
            own.forEach(clause -> clause.forEach(word -> usage.merge(word, 1, Integer::sum)));
        }
        Map<String, List<Integer>> filed = new HashMap<>();
        List<Integer> rest = new ArrayList<>();
        Map<Trigger.Family, List<Integer>> families = new EnumMap<>(Trigger.Family.class);
        for (int i = 0; i < rules.size(); i++) {
            Trigger.Family family = rules.get(i).trigger().family();
            if (family != Trigger.Family.MESSAGE) {
                families.computeIfAbsent(family, f -> new ArrayList<>()).add(i);
                continue;
            }
            Set<String> best = null;
            long bestCost = Long.MAX_VALUE;
            for (Set<String> clause : clauses.get(i)) {
                long cost = clause.stream().mapToLong(usage::get).sum();
                if (cost < bestCost) {
                    best = clause;
                    bestCost = cost;
                }
            }
            if (best == null) {
                rest.add(i);
            } else {
                for (String word : best) {
                    filed.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
                }
            }
        }
        this.byWord = new HashMap<>();
        filed.forEach((word, positions) -> byWord.put(word, toArray(positions)));
        this.unfiled = toArray(rest);
        this.byFamily = new EnumMap<>(Trigger.Family.class);
        families.forEach((family, positions) -> byFamily.put(family, toArray(positions)));
    }

    /**
     * @param facts the turn
     * @return positions of the rules that may fire, ascending
     */
    int[] candidates(TurnFacts facts) {
        Trigger.Family family = Trigger.Family.of(facts.event());
        if (family != Trigger.Family.MESSAGE) {
            return byFamily.getOrDefault(family, NONE);
        }
        int[] found = Arrays.copyOf(unfiled, unfiled.length + 8);
        int size = unfiled.length;
        for (String word : Normalizer.words(facts.folded())) {
            int[] positions = byWord.get(word);
            if (positions == null) {
                continue;
            }
            if (size + positions.length > found.length) {
                found = Arrays.copyOf(found, Math.max(found.length * 2, size + positions.length));
            }
            System.arraycopy(positions, 0, found, size, positions.length);
            size += positions.length;
        }
        Arrays.sort(found, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || found[distinct - 1] != found[i]) {
                found[distinct++] = found[i];
            }
        }
        return Arrays.copyOf(found, distinct);
    }

    /** @return how many message rules are tried for every message, for {@code check}'s summary and the tests */
    int unfiledCount() {
        return unfiled.length;
    }

    private static int[] toArray(List<Integer> positions) {
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }
}
