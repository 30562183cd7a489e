package io.hookbot.config;

/**
 * A setting that is missing or wrong, found at startup: the message names the setting in full
 * ({@code hookbot.inbox.max-batch must be at least 1, not 0}) and, where it helps, how to fix it.
 */
public class SettingException extends IllegalArgumentException {

    /** @param message what is wrong, naming the setting */
    public SettingException(String message) {
        super(message);
    }
}
