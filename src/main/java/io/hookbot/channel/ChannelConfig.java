package io.hookbot.channel;

import java.util.Map;
import java.util.Optional;

/**
 * One configured instance of a platform, read from {@code hookbot.channels.<name>.*}.
 *
 * @param name     the channel's name, the last segment of its webhook URL
 * @param platform the platform id ({@code sms-gateway}, {@code webinato}…)
 * @param settings every other setting of the channel, with dotted keys relative to the channel
 *                 ({@code secret}, {@code send.url}, {@code send.api-key}…)
 */
public record ChannelConfig(String name, String platform, Map<String, String> settings) {

    public ChannelConfig {
        settings = Map.copyOf(settings);
    }

    /**
     * @param key a dotted key relative to the channel, such as {@code send.url}
     * @return the setting, if present and not blank
     */
    public Optional<String> setting(String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * @param key      a dotted key holding a duration: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601
     * @param fallback the value when it is absent
     * @return the duration
     * @throws ChannelConfigException if it is present but not a duration
     */
    public java.time.Duration duration(String key, java.time.Duration fallback) {
        Optional<String> value = setting(key);
        if (value.isEmpty()) {
            return fallback;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.get().trim());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> java.time.Duration.ofMillis(amount);
                case "s" -> java.time.Duration.ofSeconds(amount);
                case "m" -> java.time.Duration.ofMinutes(amount);
                default -> java.time.Duration.ofHours(amount);
            };
        }
        try {
            return java.time.Duration.parse(value.get().trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ChannelConfigException("hookbot.channels." + name + "." + key
                    + " must be a duration such as 500ms, 10s or 2m, not '" + value.get() + "'");
        }
    }

    /**
     * @param key a dotted key relative to the channel
     * @return the setting
     * @throws ChannelConfigException if it is missing or blank
     */
    public String require(String key) {
        return setting(key).orElseThrow(() -> new ChannelConfigException(
                "hookbot.channels." + name + "." + key + " is required for platform " + platform));
    }
}
