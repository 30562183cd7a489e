/**
 * What hookbot needs to know about the database underneath, beyond portable SQL: {@link io.hookbot.db.DatabaseKind}
 * (H2 or PostgreSQL, shared by several processes or not) for the few statements written differently for each,
 * {@link io.hookbot.db.Durability}, which makes commits reach the disk on the embedded H2 when something is about
 * to be acknowledged, {@link io.hookbot.db.DatabaseErrors}, which tells an error the data caused from one of the
 * database, {@link io.hookbot.db.RetentionJob}, the timer behind the inbox's and the outbox's retention settings, and
 * what the health components that read the database share: {@link io.hookbot.db.BoundedHealthCheck} (off the event
 * loop, within 3 s), {@link io.hookbot.db.CachedRead}, {@link io.hookbot.db.HealthSettings} and the
 * {@code database} component itself. Depends on {@code config} and {@code worker}.
 */
package io.hookbot.db;
