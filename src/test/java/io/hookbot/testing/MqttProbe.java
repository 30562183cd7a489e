package io.hookbot.testing;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A subscriber on a real MQTT broker that records what is published on one topic filter, to see what hookbot
 * published. Uses the same client library as the sender.
 */
public final class MqttProbe implements AutoCloseable {

    /**
     * A received message.
     *
     * @param topic   its topic
     * @param payload its payload as UTF-8
     * @param qos     the QoS it was delivered with
     */
    public record Received(String topic, String payload, int qos) {
    }

    private final MqttClient client;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    private MqttProbe(String brokerUrl, String filter, String clientId, String user, String password)
            throws MqttException {
        client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
        client.subscribe(filter, 1, (topic, message) -> received.add(
                new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos())));
    }

    /**
     * @param brokerUrl the broker
     * @param filter    the topic filter to subscribe to (wildcards allowed), at QoS 1
     * @return a connected, subscribed probe
     */
    public static MqttProbe subscribe(String brokerUrl, String filter) {
        return subscribe(brokerUrl, filter, "probe-" + UUID.randomUUID(), null, null);
    }

    /**
     * @param brokerUrl the broker
     * @param filter    the topic filter to subscribe to, at QoS 1
     * @param clientId  the client id to connect with (a broker drops an older connection with the same id)
     * @param user      the user name, or {@code null}
     * @param password  the password, or {@code null}
     * @return a connected, subscribed probe
     */
    public static MqttProbe subscribe(String brokerUrl, String filter, String clientId, String user, String password) {
        try {
            return new MqttProbe(brokerUrl, filter, clientId, user, password);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot subscribe to " + filter + " on " + brokerUrl + ": " + e, e);
        }
    }

    /** @return what arrived so far, in order */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }
}
