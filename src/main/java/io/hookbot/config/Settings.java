package io.hookbot.config;

import java.time.Duration;

/** The checks a settings record makes when it is bound, each failing with a {@link SettingException}. */
public final class Settings {

    private Settings() {
    }

    /**
     * @param name  the setting's full name
     * @param value its value
     * @param min   the least it may be
     * @throws SettingException if it is less
     */
    public static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new SettingException(name + " must be at least " + min + ", not " + value);
        }
    }

    /**
     * @param name  the setting's full name
     * @param value its value
     * @throws SettingException if it is missing, zero or negative
     */
    public static void positive(String name, Duration value) {
        required(name, value);
        if (value.isNegative() || value.isZero()) {
            throw new SettingException(name + " must be a positive duration (such as 500ms, 10s, 5m), not " + value);
        }
    }

    /**
     * @param name  the setting's full name
     * @param value its value
     * @throws SettingException if it is missing or negative ({@code 0} is allowed: it turns something off)
     */
    public static void notNegative(String name, Duration value) {
        required(name, value);
        if (value.isNegative()) {
            throw new SettingException(name + " must not be negative, not " + value);
        }
    }

    /**
     * @param name  the setting's full name
     * @param value its value
     * @throws SettingException if it is missing
     */
    public static void required(String name, Object value) {
        if (value == null) {
            throw new SettingException(name + " is missing (its default is in application.yml)");
        }
    }
}
