/**
 * The public vocabulary of hookbot: platform-neutral {@link io.hookbot.api.Event events},
 * the {@link io.hookbot.api.Action actions} a bot answers with, the people and attachments they name, and the
 * plugin API ({@link io.hookbot.api.BotPlugin}, {@link io.hookbot.api.PluginTurn}), and the
 * {@link io.hookbot.api.PresenceView presence view} any turn or plugin may ask who is online.
 * This package depends on nothing else in hookbot; every other package, and every bot plugin, may depend on it.
 */
package io.hookbot.api;
