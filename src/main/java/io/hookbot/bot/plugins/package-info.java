/**
 * Bot plugins at run time: finding them (Micronaut beans, jars in {@code bots/plugins/}), their settings, and
 * calling them in isolation, so that a plugin that throws, answers garbage or hangs costs its own answer and
 * nothing else. Each call is given the turn the rules see ({@link io.hookbot.api.PluginTurn}, whether the message is
 * its sender's first included). Depends on {@code api}, on {@code bot.rules} (the handoff a {@code plugin:} action uses), on {@code config} (the
 * plugin settings and the bots folder) and on {@code worker} (the supervised reload loop, safe error text).
 */
package io.hookbot.bot.plugins;
