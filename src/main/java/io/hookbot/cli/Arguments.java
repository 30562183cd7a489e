package io.hookbot.cli;

import io.hookbot.bot.rules.Suggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A command's arguments: {@code --name value} (or {@code --name=value}) options, {@code --flag} switches, and the
 * rest in order. Strict: an option the command does not know is a usage error, never taken for text, so that a typo
 * cannot silently change what the command does. {@code --} ends the options: what follows is positional even if it
 * starts with a dash.
 *
 * @param positional the arguments that are not options
 * @param options    each option's values, in order
 */
record Arguments(List<String> positional, Map<String, List<String>> options) {

    /**
     * What a command accepts.
     *
     * @param command    the command's name, for messages
     * @param valued     the options that take a value, given once
     * @param repeatable the options that take a value and may be given several times
     * @param flags      the switches, which take no value
     */
    record Spec(String command, Set<String> valued, Set<String> repeatable, Set<String> flags) {

        boolean takesValue(String name) {
            return valued.contains(name) || repeatable.contains(name);
        }

        Set<String> all() {
            Set<String> all = new TreeSet<>(valued);
            all.addAll(repeatable);
            all.addAll(flags);
            return all;
        }
    }

    /**
     * @param spec what the command accepts
     * @param args the arguments after the command's name
     * @return the arguments, read
     * @throws UsageException naming the first argument the command does not accept
     */
    static Arguments parse(Spec spec, List<String> args) {
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw unknown(spec, arg);
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (spec.flags().contains(name)) {
                if (equals >= 0) {
                    throw new UsageException("--" + name + " takes no value");
                }
                options.put(name, List.of("true"));
                continue;
            }
            if (!spec.takesValue(name)) {
                throw unknown(spec, arg);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            List<String> values = options.computeIfAbsent(name, n -> new ArrayList<>());
            if (!values.isEmpty() && !spec.repeatable().contains(name)) {
                throw new UsageException("--" + name + " is given twice ('" + values.get(0) + "' and '" + value
                        + "'); give it once");
            }
            values.add(value);
        }
        return new Arguments(positional, options);
    }

    private static UsageException unknown(Spec spec, String arg) {
        String written = arg.replaceFirst("=.*", "");
        StringBuilder message = new StringBuilder(spec.command() + " has no option " + written);
        Suggestion.nearest(written.replaceFirst("^-+", ""), spec.all())
                .ifPresent(name -> message.append("; did you mean --").append(name).append('?'));
        if (arg.startsWith("-D")) {
            message.append(" Settings go before -jar: java ").append(arg).append(" -jar hookbot.jar ")
                    .append(spec.command()).append(" …");
        } else if (!arg.startsWith("--")) {
            message.append(" (a text that starts with '-' goes after --)");
        }
        if (!spec.all().isEmpty()) {
            message.append("\n").append(spec.command()).append("'s options: ")
                    .append(String.join(", ", spec.all().stream().map(n -> "--" + n).toList()));
        }
        return new UsageException(message.toString());
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
