/**
 * What hookbot needs to know about the database underneath, beyond portable SQL.
 *
 * <p>{@link io.hookbot.db.SqlDialect} holds every difference between the embedded H2 and PostgreSQL in how the
 * stores write or use SQL (read before an idle write, the lock against other processes, the outbox claim's
 * anti-join); the stores ask it, and no class outside this package asks which database it is. It is one class
 * that knows the kind inside ({@code DatabaseKind}, package-private), not an interface with one implementation per
 * database picked at startup: the kind is read from the first connection that asks, and picking an implementation
 * at startup would need a connection then, while hookbot starts, and reports DOWN, with its database unreachable.
 * The differences are few, each a line, and each method gives the same rows on both; the SQL both run alike (H2
 * in PostgreSQL mode: {@code ON CONFLICT DO NOTHING}, {@code FOR UPDATE SKIP LOCKED}) stays in the stores.
 *
 * <p>Also here: {@link io.hookbot.db.DurableWrites}, which makes commits reach the disk on the embedded H2 when
 * something is about to be acknowledged, {@link io.hookbot.db.DatabaseErrors}, which tells an error the data caused
 * from one of the database, {@link io.hookbot.db.RetentionJob}, the timer behind the inbox's and the outbox's
 * retention settings, and what the health components that read the database share:
 * {@link io.hookbot.db.BoundedHealthCheck} (off the event loop, within 3 s), {@link io.hookbot.db.CachedRead},
 * {@link io.hookbot.db.HealthSettings} and the {@code database} component itself. Outside this package, only the
 * Flyway migration {@code db.migration.V8_1__H2IdentityCache} looks at the database's name: it runs before any
 * bean exists. Depends on {@code config} and {@code worker}.
 */
package io.hookbot.db;
