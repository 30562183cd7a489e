/**
 * The outbox: replies written in the turn's transaction, then sent by the {@link io.hookbot.outbox.DeliveryWorker}
 * through each channel's sender, with retries and backoff, in order per recipient; a send's recorded outcome is on the
 * disk before the worker moves on ({@link io.hookbot.db.Durability}). The {@code delivery} health component says
 * when a channel is paused or a due reply waits too long. Depends on {@code api}, {@code channel}, {@code db},
 * {@code config} and {@code worker}.
 */
package io.hookbot.outbox;
