package io.hookbot.channel.yalgaar;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MQTT connections of the Yalgaar channels: one per channel, made when its sender is made, kept for the life of
 * the application and closed with it (after the delivery worker has stopped sending).
 */
@Singleton
public class MqttConnections {

    private final Map<String, MqttPublisher> publishers = new ConcurrentHashMap<>();

    /**
     * @param channel  the hookbot channel
     * @param settings its send settings
     * @return its publisher, made once
     * @throws IllegalStateException if Paho refuses the settings (checked at startup, so not expected)
     */
    public MqttPublisher publisher(String channel, YalgaarSendSettings settings) {
        return publishers.computeIfAbsent(channel, name -> {
            try {
                return new MqttPublisher(name, settings);
            } catch (MqttException e) {
                throw new IllegalStateException("cannot make an MQTT client for channel " + name + ": " + e.getMessage(), e);
            }
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
        publishers.values().forEach(MqttPublisher::close);
        publishers.clear();
    }
}
