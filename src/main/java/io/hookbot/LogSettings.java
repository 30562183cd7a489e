package io.hookbot;

import io.hookbot.config.SettingException;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Locale;

/**
 * {@code hookbot.log.*} (docs/configuration.md; docs/operations.md, "Logs").
 *
 * @param format {@code text} (the default: one line a message, for people) or {@code json} (one JSON object a line,
 *               with the MDC fields, for a log collector); anything else stops the startup
 */
@ConfigurationProperties("hookbot.log")
public record LogSettings(String format) {

    /** One line a message. */
    static final String TEXT = "text";
    /** One JSON object a line. */
    static final String JSON = "json";

    public LogSettings {
        String given = format == null ? TEXT : format.strip().toLowerCase(Locale.ROOT);
        if (!TEXT.equals(given) && !JSON.equals(given)) {
            throw new SettingException("hookbot.log.format must be text or json, not '" + format + "'");
        }
        format = given;
    }
}
