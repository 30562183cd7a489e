package io.hookbot;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

import java.util.Locale;

/**
 * The format of the console log, {@code hookbot.log.format}: {@code text} (the pattern of the shipped
 * {@code logback.xml}) or {@code json} (one JSON object a line, with the MDC fields); {@link LogEncoder}, the shipped
 * console's encoder, writes each line in the format in force here.
 *
 * <p>{@code logback.xml} is read before Micronaut starts, so the format is set twice: {@link #early} at the very start
 * of {@link Application#main}, from the command line, a system property or the environment variable
 * {@code HOOKBOT_LOG_FORMAT}, so that the first line is in it already; then by this bean, made first thing when the
 * application starts, from the setting wherever it is given (a configuration file of one's own too), checked
 * ({@link LogSettings}).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class LogFormat {

    private static final String PROPERTY = "hookbot.log.format";

    private static volatile boolean json;

    /** @param settings {@code hookbot.log.*}, checked */
    public LogFormat(LogSettings settings) {
        json = LogSettings.JSON.equals(settings.format());
    }

    /**
     * The format given on the command line ({@code -Dhookbot.log.format=json}, {@code --hookbot.log.format=json}),
     * as a system property, or as {@code HOOKBOT_LOG_FORMAT}, in Micronaut's order; a value that is neither format
     * is left for the startup to refuse.
     *
     * @param args the program's arguments
     */
    static void early(String[] args) {
        String format = null;
        for (String arg : args) {
            for (String prefix : new String[] {"-D" + PROPERTY + "=", "--" + PROPERTY + "="}) {
                if (arg.startsWith(prefix)) {
                    format = arg.substring(prefix.length());
                }
            }
        }
        if (format == null) {
            format = System.getProperty(PROPERTY, System.getenv("HOOKBOT_LOG_FORMAT"));
        }
        if (format != null) {
            json = LogSettings.JSON.equals(format.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** @return whether the console writes JSON (Micronaut's banner, plain text, is then left out) */
    static boolean json() {
        return json;
    }
}
