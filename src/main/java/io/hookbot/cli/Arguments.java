package io.hookbot.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} options (repeatable), {@code --flag} switches, and the rest in order.
 *
 * @param positional the arguments that are not options
 * @param options    each option's values, in order
 */
record Arguments(List<String> positional, Map<String, List<String>> options) {

    static Arguments parse(List<String> args, Set<String> flags) {
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                if (flags.contains(name)) {
                    options.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                options.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(++i));
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(positional, options);
    }

    String option(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** {@code KEY=VALUE} options as a map. */
    Map<String, String> pairs(String name) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String value : all(name)) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--" + name + " takes KEY=VALUE, not '" + value + "'");
            }
            pairs.put(value.substring(0, eq), value.substring(eq + 1));
        }
        return pairs;
    }
}
