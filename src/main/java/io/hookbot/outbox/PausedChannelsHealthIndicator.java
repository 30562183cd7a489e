package io.hookbot.outbox;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health} component {@code delivery}: DOWN while any channel is paused (its gateway refused our
 * credentials), with each paused channel, since when and why (details a token holder sees); UP otherwise. Read from
 * the database, so every instance reports the same.
 */
@Singleton
public class PausedChannelsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final TransactionOperations<Connection> transactions;
    private final ChannelPauseStore pauses;

    public PausedChannelsHealthIndicator(TransactionOperations<Connection> transactions, ChannelPauseStore pauses) {
        this.transactions = transactions;
        this.pauses = pauses;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        List<ChannelPause> paused = transactions.executeRead(s -> pauses.all(s.getConnection()));
        Map<String, Object> channels = new LinkedHashMap<>();
        for (ChannelPause pause : paused) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("paused", true);
            detail.put("since", pause.pausedAt().toString());
            detail.put("status", pause.statusCode());
            detail.put("reason", pause.reason());
            detail.put("resume", "POST /admin/channels/" + pause.channel() + "/resume");
            channels.put(pause.channel(), detail);
        }
        healthStatus = paused.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("pausedChannels", channels);
    }

    @Override
    protected String getName() {
        return "delivery";
    }
}
