/**
 * The outbox: replies written in the turn's transaction, then sent by the {@link io.hookbot.outbox.DeliveryWorker}
 * through each channel's sender, with retries and backoff, in order per recipient. Depends on {@code api} and
 * {@code channel}.
 */
package io.hookbot.outbox;
