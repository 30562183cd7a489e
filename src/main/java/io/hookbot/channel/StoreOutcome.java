package io.hookbot.channel;

/**
 * What happened to the events of one webhook call in the inbox.
 *
 * @param stored     events stored for processing
 * @param duplicates events that had been stored before (a redelivery) and were left alone
 */
public record StoreOutcome(int stored, int duplicates) {
}
