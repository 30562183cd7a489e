package io.hookbot.api;

/**
 * Forget a value of the conversation's state.
 *
 * @param key the name
 */
public record ClearState(String key) implements Action {
}
