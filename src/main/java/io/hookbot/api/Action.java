package io.hookbot.api;

/**
 * What a bot does in answer to a turn. Actions are committed together with the turn: replies go to the outbox,
 * state changes to the conversation, in one transaction.
 */
public sealed interface Action permits Reply, Send, SetState, ClearState, HandOff {
}
