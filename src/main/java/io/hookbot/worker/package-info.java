/**
 * Every background loop of hookbot runs as a {@link io.hookbot.worker.Worker} under the one
 * {@link io.hookbot.worker.Supervisor}: a step that throws is logged once per distinct error (without the values it
 * carried: {@link io.hookbot.worker.SafeErrors}) and run again after a backoff, so no thread dies for good, and
 * readiness names every worker that is failing or stuck. What a log line is about, as MDC fields (channel,
 * conversation, turn, reply), is set by {@link io.hookbot.worker.LogContext} for the turns and sends, which run on
 * these workers' threads. Depends on {@code config} only (a setting it refuses); the
 * inbox writer, the dispatcher, delivery, schedules, retention and the MQTT connections depend on it.
 */
package io.hookbot.worker;
