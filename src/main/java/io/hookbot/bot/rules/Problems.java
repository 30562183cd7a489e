package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.Location;
import io.hookbot.bot.rules.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;

/** Collects the mistakes of one file, so that a user sees all of them at once rather than one per attempt. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void add(Location location, String message) {
        found.add(new Problem(location, message));
    }

    void add(YamlNode node, String message) {
        add(node.location(), message);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    List<Problem> list() {
        return List.copyOf(found);
    }
}
