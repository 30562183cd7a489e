package io.hookbot.bot.plugins;

/**
 * Published when a plugin called on a turn's own thread has run past its budget and ignored the interrupt: the
 * thread is the plugin's now. The owner of the turn (the dispatcher) should give the turn up on that thread (roll its
 * transaction back) and take it again elsewhere; the plugin is already quarantined, so the retaken turn calls it on a
 * plugin thread, where it is cut off after its budget.
 *
 * @param plugin the plugin's id
 * @param turn   the turn's id
 * @param thread the turn's thread, held by the plugin
 */
public record TurnHeldByPlugin(String plugin, long turn, Thread thread) {
}
