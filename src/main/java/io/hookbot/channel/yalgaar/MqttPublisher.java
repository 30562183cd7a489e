package io.hookbot.channel.yalgaar;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's MQTT connection, shared by every send of the channel. It connects on the first publish and again
 * on the first publish after the connection was lost, so a broker restart costs the replies sent while it was
 * down one retry each, not the channel. Publishes are QoS 1 and return only once the broker's PUBACK arrived.
 * Thread-safe: the delivery threads publish on it concurrently.
 */
public final class MqttPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);
    /** Publishes of one channel awaiting their PUBACK at once; past it Paho refuses, and the send is retried. */
    private static final int MAX_IN_FLIGHT = 1000;
    private static final long FAIL_FAST_NANOS = 1_000_000_000L;

    private final String channel;
    private final YalgaarSendSettings settings;
    private final MqttClient client;
    private final MqttConnectOptions options;
    private volatile boolean closed;
    private volatile Runnable lostListener;
    /** The last failed connect and when it was, so that sends right after it fail at once instead of queueing. */
    private MqttException lastFailure;
    private long lastFailureNanos;

    /**
     * @param channel  the hookbot channel, for the log
     * @param settings its send settings
     * @throws MqttException if Paho refuses the broker URL or client id
     */
    MqttPublisher(String channel, YalgaarSendSettings settings) throws MqttException {
        this.channel = channel;
        this.settings = settings;
        this.client = new MqttClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        this.client.setTimeToWait(settings.timeout().toMillis());
        this.client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                if (!closed) {
                    LOG.warn("Channel {}: lost the connection to MQTT broker {} ({}); reconnecting", channel,
                            settings.brokerUrl(), cause == null ? "no reason given" : cause.getMessage());
                    Runnable listener = lostListener;
                    if (listener != null) {
                        listener.run();
                    }
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // hookbot only publishes
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // publish() waits for it
            }
        });
        this.options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, settings.timeout().toSeconds()));
        options.setKeepAliveInterval(30);
        options.setMaxInflight(MAX_IN_FLIGHT);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
    }

    /**
     * Publishes one message at QoS 1, not retained, connecting first if need be.
     *
     * @param topic   the topic
     * @param payload the payload
     * @throws MqttException if it could not connect, the broker refused, or no PUBACK came within the timeout
     *                       (the broker may have taken it all the same)
     */
    public void publish(String topic, byte[] payload) throws MqttException {
        connectIfNeeded();
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(false);
        client.publish(topic, message);
    }

    /** @return whether the connection is up now */
    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * @param listener called (on Paho's thread) when the connection is lost, so that it is made again at once
     */
    void onConnectionLost(Runnable listener) {
        this.lostListener = listener;
    }

    /**
     * Connects unless connected (or closed, which the keeper of the connection leaves alone).
     *
     * @throws MqttException if the broker cannot be reached or refuses
     */
    synchronized void keepConnected() throws MqttException {
        if (!closed) {
            connectIfNeeded();
        }
    }

    private synchronized void connectIfNeeded() throws MqttException {
        if (closed) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_CLOSED);
        }
        if (client.isConnected()) {
            return;
        }
        // A broker that does not answer costs a whole connect timeout; the sends queued behind a failed connect
        // share its outcome for a moment rather than each waiting that long again.
        if (lastFailure != null && System.nanoTime() - lastFailureNanos < FAIL_FAST_NANOS) {
            throw new MqttException(lastFailure.getReasonCode(), lastFailure.getCause());
        }
        try {
            client.connect(options);
            lastFailure = null;
            LOG.info("Channel {}: connected to MQTT broker {} as {}", channel, settings.brokerUrl(), settings.clientId());
        } catch (MqttException e) {
            lastFailure = e;
            lastFailureNanos = System.nanoTime();
            throw e;
        }
    }

    /** Disconnects (letting publishes in flight finish, up to the timeout) and releases the client. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect(settings.timeout().toMillis());
            }
        } catch (MqttException e) {
            LOG.warn("Channel {}: disconnecting from {} failed: {}", channel, settings.brokerUrl(), e.getMessage());
            try {
                client.disconnectForcibly(0, 0);
            } catch (MqttException ignored) {
                // closing below releases what is left
            }
        }
        try {
            client.close();
        } catch (MqttException e) {
            LOG.warn("Channel {}: closing the MQTT client failed: {}", channel, e.getMessage());
        }
    }
}
