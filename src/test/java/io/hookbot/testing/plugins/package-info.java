/**
 * A test kit for plugin authors: call a {@link io.hookbot.api.BotPlugin} the way hookbot does, with no HTTP server
 * and no database, give it presence facts and a clock, and assert its replies, sends and state. Depends on
 * {@code api} only, so a plugin project needs nothing else of hookbot (it is published as the
 * {@code plugin-test-kit} test jar).
 */
package io.hookbot.testing.plugins;
