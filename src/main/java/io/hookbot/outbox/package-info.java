/**
 * The outbox: replies written in the turn's transaction, then sent by the {@link io.hookbot.outbox.DeliveryWorker}
 * through each channel's sender, with retries and backoff, in order per recipient; a send's recorded outcome is on the
 * disk before the worker moves on ({@link io.hookbot.db.Durability}). Depends on {@code api}, {@code channel} and
 * {@code db}.
 */
package io.hookbot.outbox;
