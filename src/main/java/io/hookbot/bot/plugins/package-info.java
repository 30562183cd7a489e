/**
 * Bot plugins at run time: finding them (Micronaut beans, jars in {@code bots/plugins/}), their settings, and
 * calling them in isolation, so that a plugin that throws, answers garbage or hangs costs its own answer and
 * nothing else. {@link io.hookbot.bot.plugins.PluginRunner} runs a call on the turn's thread under the
 * {@link io.hookbot.bot.plugins.Watchdog}, and the calls of a plugin that has overrun there on plugin threads
 * ({@link io.hookbot.bot.plugins.PluginQuarantine}, {@link io.hookbot.bot.plugins.PluginThreads}). Each call is
 * given the turn the rules see ({@link io.hookbot.api.PluginTurn}, whether the message is its sender's first
 * included); every call is counted by its outcome and timed ({@code metrics.PluginMeters}). Depends on
 * {@code api}, on {@code bot.rules} (the handoff a {@code plugin:} action uses), on {@code config} (the plugin
 * settings and the bots folder), on {@code metrics} (the plugin meters) and on {@code worker} (safe error text).
 */
package io.hookbot.bot.plugins;
