/**
 * What hookbot needs to know about the database underneath, beyond portable SQL: {@link io.hookbot.db.DatabaseKind}
 * (H2 or PostgreSQL, shared by several processes or not) for the few statements written differently for each,
 * {@link io.hookbot.db.Durability}, which makes commits reach the disk on the embedded H2 when something is about
 * to be acknowledged, {@link io.hookbot.db.RetentionJob}, the timer behind the inbox's and the outbox's retention
 * settings, and {@link io.hookbot.db.DatabaseHealthIndicator}, the {@code database} health component.
 */
package io.hookbot.db;
