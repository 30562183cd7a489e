/**
 * Human mode: a conversation handed off to a person, the bot stepped back. The hand-off and its log
 * ({@code conversation_handoff}, {@code handoff_log}: {@link io.hookbot.handoff.HandOffStore}), written under the
 * conversation's lock in the transaction of what caused it: a turn ({@link io.hookbot.handoff.HumanMode}, which
 * the inbox calls for every turn: a rule's or plugin's hand-off, the bot's silence and the forward of the
 * customer's message to the agent in human mode, the release of an idle one), an admin call
 * ({@link io.hookbot.handoff.HandOffs}: hand-off, release, the agent's message through the outbox), or the sweep of
 * idle ones ({@link io.hookbot.handoff.HandOffSweep}, a worker under the supervisor). docs/handoff.md tells the
 * choices. Depends on {@code api}, {@code bot}, {@code bot.guard}, {@code config}, {@code conversation},
 * {@code metrics}, {@code outbox} and {@code worker}.
 */
package io.hookbot.handoff;
