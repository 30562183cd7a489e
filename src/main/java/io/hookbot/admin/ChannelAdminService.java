package io.hookbot.admin;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.db.DurableWrites;
import io.hookbot.outbox.ChannelPause;
import io.hookbot.outbox.ChannelPauseStore;
import io.hookbot.outbox.DeliveryHealthIndicator;
import io.hookbot.outbox.DeliveryWorker;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The channel side of the admin API: which channels exist and which are paused, and resuming one. */
@Singleton
public class ChannelAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAdminService.class);

    private final TransactionOperations<Connection> transactions;
    private final DurableWrites durability;
    private final ChannelPauseStore pauses;
    private final ChannelRegistry channels;
    private final DeliveryWorker delivery;
    private final DeliveryHealthIndicator health;

    public ChannelAdminService(TransactionOperations<Connection> transactions, ChannelPauseStore pauses,
                               ChannelRegistry channels, DeliveryWorker delivery, DurableWrites durability,
                               DeliveryHealthIndicator health) {
        this.health = health;
        this.transactions = transactions;
        this.durability = durability;
        this.pauses = pauses;
        this.channels = channels;
        this.delivery = delivery;
    }

    /** @return every configured channel (and any paused one no longer configured), with its pause if paused */
    public List<Map<String, Object>> list() {
        Map<String, ChannelPause> paused = transactions.executeRead(s -> pauses.all(s.getConnection())).stream()
                .collect(Collectors.toMap(ChannelPause::channel, Function.identity()));
        TreeSet<String> names = new TreeSet<>(paused.keySet());
        channels.all().forEach(channel -> names.add(channel.name()));
        List<Map<String, Object>> result = new ArrayList<>();
        for (String name : names) {
            result.add(view(name, paused.get(name)));
        }
        return result;
    }

    /**
     * Resumes a paused channel: its waiting replies go out again, in order.
     *
     * @param name the channel
     * @return the channel, now not paused
     * @throws AdminException 404 for a channel that is neither configured nor paused, 409 if it is not paused
     */
    public Map<String, Object> resume(String name) {
        boolean wasPaused = durability.executeWrite(s -> pauses.resume(s.getConnection(), name));
        if (!wasPaused) {
            if (channels.find(name).isEmpty()) {
                throw AdminException.notFound("no channel named '" + name + "' is configured under hookbot.channels");
            }
            throw AdminException.conflict("channel '" + name + "' is not paused");
        }
        LOG.info("Channel {} resumed by the admin API; its waiting replies go out now", name);
        delivery.resumed(name);
        health.forget();
        return view(name, null);
    }

    private Map<String, Object> view(String name, ChannelPause pause) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("channel", name);
        view.put("platform", channels.find(name).map(ChannelConfig::platform).orElse(null));
        view.put("paused", pause != null);
        if (pause != null) {
            view.put("pausedAt", pause.pausedAt().toString());
            view.put("statusCode", pause.statusCode());
            view.put("reason", pause.reason());
            view.put("outboxRow", pause.messageId());
        }
        return view;
    }
}
