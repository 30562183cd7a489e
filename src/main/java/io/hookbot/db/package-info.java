/**
 * What hookbot needs to know about the database underneath, beyond SQL: {@link io.hookbot.db.Durability}, which
 * makes commits reach the disk on the embedded H2 when something is about to be acknowledged.
 */
package io.hookbot.db;
