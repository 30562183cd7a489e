/**
 * The outbox: replies written in the turn's transaction by the {@link io.hookbot.outbox.OutboxWriter} (those that can
 * go out now written already claimed and handed to delivery after the commit), then sent by the
 * {@link io.hookbot.outbox.DeliveryWorker} (the loop: claims, outcomes, housekeeping) and its {@code Sending} side (the
 * lanes and the attempts) through each channel's sender, with retries and backoff, in order per recipient; the
 * table's SQL is {@link io.hookbot.outbox.OutboxStore}'s; a send's recorded outcome is on the
 * disk before the worker moves on ({@link io.hookbot.db.DurableWrites}). The {@code delivery} health component says
 * when a channel is paused or a due reply waits too long. Each send attempt is counted as it is decided
 * ({@code ReplyCounting}), and {@code OutboxGauges} gives the replies waiting, the dead letters and the paused
 * channels. A reply to an address that opted out is written, or at its claim marked, {@code SUPPRESSED}
 * ({@code OutboxWriter}, {@code ClaimedOptOuts}, asking {@code optout}'s gate on the same transaction). Depends on
 * {@code api}, {@code channel}, {@code db}, {@code config}, {@code metrics}, {@code optout} and {@code worker}.
 */
package io.hookbot.outbox;
