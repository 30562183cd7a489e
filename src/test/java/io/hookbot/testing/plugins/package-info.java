/**
 * A test kit for plugin authors: call a {@link io.hookbot.api.BotPlugin} the way hookbot does, with no HTTP server
 * and no database, and assert its replies and state. Depends on {@code api} and {@code bot.plugins} only.
 */
package io.hookbot.testing.plugins;
