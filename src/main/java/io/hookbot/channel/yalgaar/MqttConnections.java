package io.hookbot.channel.yalgaar;

import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MQTT connections of the Yalgaar channels: one per channel, made when its sender is made, kept for the life of
 * the application and closed with it (after the delivery worker has stopped sending). A supervised worker per
 * connection ({@code mqtt-<channel>}) connects it at startup and again whenever it is lost, with the supervisor's
 * backoff, so a broker that is down shows in readiness (naming the channel) before a reply waits for it, and a
 * broker back up is connected before the next reply.
 */
@Singleton
public class MqttConnections {

    /** How often a connection is looked at; a lost one is connected again at once ({@code connectionLost}). */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    /** A connect that takes longer than this (the broker does not answer) shows as stuck. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private final Supervisor supervisor;
    private final Map<String, MqttPublisher> publishers = new ConcurrentHashMap<>();
    private final Map<String, Worker> keepers = new ConcurrentHashMap<>();

    public MqttConnections(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    /**
     * @param channel  the hookbot channel
     * @param settings its send settings
     * @return its publisher, made once
     * @throws IllegalStateException if Paho refuses the settings (checked at startup, so not expected)
     */
    public MqttPublisher publisher(String channel, YalgaarSendSettings settings) {
        return publishers.computeIfAbsent(channel, name -> {
            MqttPublisher publisher;
            try {
                publisher = new MqttPublisher(name, settings);
            } catch (MqttException e) {
                throw new IllegalStateException("cannot make an MQTT client for channel " + name + ": " + e.getMessage(), e);
            }
            Worker keeper = supervisor.every("mqtt-" + name, Duration.ZERO, CHECK_EVERY, STUCK_AFTER,
                    publisher::keepConnected);
            publisher.onConnectionLost(keeper::wake);
            keepers.put(name, keeper);
            return publisher;
        });
    }

    /**
     * @param channel a hookbot channel
     * @return its connection, if one was made
     */
    public Optional<MqttPublisher> find(String channel) {
        return Optional.ofNullable(publishers.get(channel));
    }

    /** Closes every connection. */
    @PreDestroy
    public void close() {
        keepers.values().forEach(Worker::stop);
        keepers.values().forEach(supervisor::forget);
        keepers.clear();
        publishers.values().forEach(MqttPublisher::close);
        publishers.clear();
    }
}
