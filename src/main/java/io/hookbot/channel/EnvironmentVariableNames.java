package io.hookbot.channel;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names environment variables give where Micronaut cannot list them. Micronaut finds a setting in an
 * environment variable when it is asked for by name ({@code hookbot.channels.sms-main.secret} is looked up as
 * {@code HOOKBOT_CHANNELS_SMS_MAIN_SECRET}), but it cannot say which names exist: {@code SMS_MAIN} could be
 * {@code sms-main} or {@code sms.main}. So a channel defined only by environment variables, or a header named only
 * there, is found here: the part of the variable's name between a known prefix and a known suffix, in lower case,
 * with {@code _} read as {@code -}.
 */
final class EnvironmentVariableNames {

    private final Set<String> variables;

    /** @param environment the process's environment variables ({@link System#getenv()}) */
    EnvironmentVariableNames(Map<String, String> environment) {
        this.variables = Set.copyOf(environment.keySet());
    }

    /**
     * @param prefix a dotted prefix such as {@code hookbot.channels.}
     * @param suffix a dotted suffix such as {@code .platform}, or {@code ""}
     * @return the names between them in the variables that have both, such as {@code sms-main}
     */
    Set<String> between(String prefix, String suffix) {
        String start = variable(prefix);
        String end = variable(suffix);
        Set<String> names = new TreeSet<>();
        for (String name : variables) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.startsWith(start) && upper.endsWith(end) && upper.length() > start.length() + end.length()) {
                names.add(upper.substring(start.length(), upper.length() - end.length())
                        .toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        return names;
    }

    /** {@code hookbot.channels.sms-main.} as {@code HOOKBOT_CHANNELS_SMS_MAIN_}. */
    private static String variable(String dotted) {
        return dotted.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
