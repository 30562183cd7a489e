package io.hookbot.channel.yalgaar;

import io.hookbot.channel.SendResult;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Turns what went wrong in an MQTT publish into the delivery policy's terms. A broker that refuses the connection
 * for something only an operator can fix (bad user name or password, not authorized, client id rejected,
 * protocol version refused) is like a 401/403 from an HTTP gateway: the channel is paused. Everything else
 * (broker down or unreachable, connection lost, no PUBACK in time, too many in flight) may work later: retried.
 */
final class MqttResults {

    private MqttResults() {
    }

    /**
     * @param e      what Paho threw
     * @param broker the broker URL, for the message
     * @return the result
     */
    static SendResult of(MqttException e, String broker) {
        String detail = "MQTT broker " + broker + ": " + describe(e);
        return switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION ->
                    new SendResult.Unauthorized(401, detail + " (check send.username and send.password)");
            case MqttException.REASON_CODE_NOT_AUTHORIZED ->
                    new SendResult.Unauthorized(403, detail + " (check send.username, send.password and the broker's ACL)");
            case MqttException.REASON_CODE_INVALID_CLIENT_ID ->
                    new SendResult.Unauthorized(403, detail + " (set another send.client-id)");
            case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION ->
                    new SendResult.Unauthorized(403, detail + " (the broker does not accept MQTT 3.1.1)");
            case MqttException.REASON_CODE_CLIENT_TIMEOUT ->
                    new SendResult.Retry("MQTT broker " + broker + ": no answer in time (the broker may have taken"
                            + " the message; it is sent again)", null);
            default -> new SendResult.Retry(detail, null);
        };
    }

    private static String describe(MqttException e) {
        String text = e.getMessage() + " (reason " + e.getReasonCode() + ")";
        Throwable cause = e.getCause();
        return cause == null ? text : text + ": " + cause;
    }
}
