package io.hookbot.channel.yalgaar;

import io.hookbot.channel.SendResult;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How each way an MQTT publish can fail maps to the delivery policy. */
class MqttResultsTest {

    static final String BROKER = "tcp://broker:1883";

    @Test
    void refusedCredentialsPauseTheChannel() {
        SendResult badPassword = MqttResults.of(new MqttSecurityException(MqttException.REASON_CODE_FAILED_AUTHENTICATION), BROKER);
        SendResult notAuthorized = MqttResults.of(new MqttSecurityException(MqttException.REASON_CODE_NOT_AUTHORIZED), BROKER);

        assertEquals(401, assertInstanceOf(SendResult.Unauthorized.class, badPassword).status());
        assertEquals(403, assertInstanceOf(SendResult.Unauthorized.class, notAuthorized).status());
        assertTrue(((SendResult.Unauthorized) badPassword).error().startsWith("MQTT broker tcp://broker:1883: "));
    }

    @Test
    void refusalsOnlyAnOperatorCanFixPauseTheChannelToo() {
        assertInstanceOf(SendResult.Unauthorized.class,
                MqttResults.of(new MqttException(MqttException.REASON_CODE_INVALID_CLIENT_ID), BROKER));
        assertInstanceOf(SendResult.Unauthorized.class,
                MqttResults.of(new MqttException(MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION), BROKER));
    }

    @Test
    void outagesAndTimeoutsAreRetried() {
        for (int code : new int[] {MqttException.REASON_CODE_BROKER_UNAVAILABLE,
                MqttException.REASON_CODE_SERVER_CONNECT_ERROR, MqttException.REASON_CODE_CONNECTION_LOST,
                MqttException.REASON_CODE_CLIENT_NOT_CONNECTED, MqttException.REASON_CODE_MAX_INFLIGHT,
                MqttException.REASON_CODE_CLIENT_TIMEOUT}) {
            SendResult.Retry retry = assertInstanceOf(SendResult.Retry.class,
                    MqttResults.of(new MqttException(code), BROKER), "reason " + code);
            assertEquals(0, retry.status(), "no status: there was no answer");
        }
        SendResult.Retry refused = (SendResult.Retry) MqttResults.of(new MqttException(
                MqttException.REASON_CODE_SERVER_CONNECT_ERROR, new ConnectException("Connection refused")), BROKER);
        assertTrue(refused.error().contains("Connection refused"), refused.error());
    }
}
