/**
 * Flyway's Java migrations, for the few schema changes plain SQL cannot say once for both databases. Flyway finds
 * them here, in package {@code db.migration} (its default location {@code classpath:db/migration} covers the SQL
 * files in {@code src/main/resources/db/migration} and the classes in this package), and orders both kinds by version.
 */
package db.migration;
