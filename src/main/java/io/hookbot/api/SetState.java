package io.hookbot.api;

/**
 * Remember a value in the conversation's state, for later turns.
 *
 * @param key   the name
 * @param value the value
 */
public record SetState(String key, String value) implements Action {
}
