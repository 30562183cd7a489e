/**
 * The admin API under {@code /admin}, protected by a bearer token ({@code hookbot.admin.token}): the inbox
 * backlog and its failed events (retrying one), outbox rows and their attempts, retrying dead letters, resuming
 * paused channels. A thin controller over services; depends on {@code inbox}, {@code outbox}, {@code channel} and
 * {@code db}; nothing depends on it.
 */
package io.hookbot.admin;
