package io.hookbot.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Runs a test (class or method) only when the test MQTT broker answers on {@link #HOST}:{@link #PORT}
 * (Mosquitto, as {@code .ci/run} starts it); otherwise it is skipped with a message saying so. With
 * {@code HOOKBOT_REQUIRE_SERVICES=true} a missing broker fails instead, so CI can never pass by skipping.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequiresMqttBroker.Condition.class)
public @interface RequiresMqttBroker {

    /** The test broker's host. */
    String HOST = "127.0.0.1";
    /** The test broker's port. */
    int PORT = 1883;
    /** The test broker's URL, as a channel's {@code send.broker-url}. */
    String URL = "tcp://" + HOST + ":" + PORT;

    /** The check behind the annotation. */
    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String unavailable;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, PORT), 1000);
                unavailable = null;
            } catch (IOException e) {
                unavailable = e.getMessage();
            }
            if (unavailable == null) {
                return ConditionEvaluationResult.enabled("an MQTT broker answers at " + URL);
            }
            String message = "no MQTT broker at " + URL + " (" + unavailable + "); MQTT tests skipped."
                    + " Start one with: mosquitto -d -c /etc/mosquitto/mosquitto.conf";
            if ("true".equals(System.getenv("HOOKBOT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(message + ", but HOOKBOT_REQUIRE_SERVICES=true");
            }
            System.err.println("SKIPPED: " + message);
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
