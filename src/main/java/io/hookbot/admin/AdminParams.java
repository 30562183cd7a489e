package io.hookbot.admin;

import io.hookbot.outbox.OutboxStatus;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the admin API's path and query parameters, refusing bad ones with a 400 that names the parameter. Public
 * for the dashboard's pages, which read the same filters through the same services.
 */
public final class AdminParams {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private AdminParams() {
    }

    /**
     * @param value a status name in any case, or {@code null}
     * @return the status, or {@code null} for all
     */
    static OutboxStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OutboxStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminException.invalid("status", "'" + value + "' is not one of "
                    + Arrays.stream(OutboxStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /**
     * @param field the parameter's name
     * @param value its value, or {@code null}
     * @param min   the least allowed
     * @param max   the most allowed
     * @param otherwise the value when absent
     * @return the number
     */
    static int integer(String field, String value, int min, int max, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw AdminException.invalid(field, "must be between " + min + " and " + max + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw AdminException.invalid(field, "must be a whole number, not '" + value + "'");
        }
    }

    /**
     * @param value an outbox row id from the path
     * @return the id
     */
    static long id(String value) {
        return positive("id", value, "an outbox row id");
    }

    /**
     * @param field the parameter's name
     * @param value its value
     * @param what  what it names, for the message ("a conversation id")
     * @return the positive whole number
     */
    static long positive(String field, String value, String what) {
        try {
            long number = Long.parseLong(value.trim());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw AdminException.invalid(field, "must be " + what + " (a positive whole number), not '"
                    + abbreviate(value) + "'");
        }
    }

    /**
     * @param field the parameter's name
     * @param value {@code true}, {@code false} or absent
     * @return the flag, false when absent
     */
    static boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw AdminException.invalid(field, "must be true or false, not '" + abbreviate(value) + "'");
        };
    }

    /**
     * A text filter (a channel, a sender, words to search for).
     *
     * @param field the parameter's name, for the refusal
     * @param value what was given, or {@code null}
     * @param max   the longest accepted
     * @return the value trimmed, or {@code null} when none was given (or only blanks)
     * @throws AdminException naming the field when it is longer than {@code max}
     */
    public static String filter(String field, String value, int max) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > max) {
            throw AdminException.invalid(field, "is longer than " + max + " characters");
        }
        return value.trim();
    }

    /**
     * @param value a parameter's value, or {@code null}
     * @return whether it is missing or only blanks
     */
    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
