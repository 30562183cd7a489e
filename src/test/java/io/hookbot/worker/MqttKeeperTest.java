package io.hookbot.worker;

import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.PrivateMosquitto;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A Yalgaar channel's MQTT connection under its supervised worker ({@code mqtt-<channel>}): connected at startup;
 * when the broker goes away readiness is DOWN naming the connection; when the broker is back it is connected again by
 * itself, before any reply needs it, and readiness is UP.
 */
class MqttKeeperTest {

    @Test
    void aLostBrokerShowsInReadinessAndIsConnectedAgainWhenItIsBack() {
        String message = "mosquitto and mosquitto_passwd are not installed (apt-get install mosquitto); the MQTT "
                + "connection's worker test is skipped";
        if (!PrivateMosquitto.installed() && "true".equals(System.getenv("HOOKBOT_REQUIRE_SERVICES"))) {
            throw new IllegalStateException(message + ", but HOOKBOT_REQUIRE_SERVICES=true");
        }
        Assumptions.assumeTrue(PrivateMosquitto.installed(), message);
        PrivateMosquitto broker = PrivateMosquitto.admitting("hookbot", "pw");
        int port = broker.port();
        TestApp app = TestApp.on(Database.h2())
                .with("hookbot.admin.token", "t0ken")
                .with("hookbot.workers.max-backoff", "300ms")
                .with(TestChannel.yalgaar("yal").clientKey("ck").sendBrokerUrl(broker.url()).sendUsername("hookbot")
                        .sendPassword("pw"))
                .start();
        AdminClient admin = new AdminClient(app, "t0ken");
        try {
            Eventually.await("ready, the connection made", Duration.ofSeconds(20),
                    () -> admin.get("/health/readiness").statusCode() == 200);

            broker.close();
            Eventually.await("readiness DOWN naming the connection", Duration.ofSeconds(20), () -> {
                HttpResponse<String> readiness = admin.get("/health/readiness");
                return readiness.statusCode() == 503 && readiness.body().contains("\"mqtt-yal\"");
            });

            broker = PrivateMosquitto.admitting("hookbot", "pw", port);
            Eventually.await("connected again and ready", Duration.ofSeconds(20),
                    () -> admin.get("/health/readiness").statusCode() == 200);
        } finally {
            app.close();
            broker.close();
        }
    }
}
