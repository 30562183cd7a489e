package io.hookbot.cli;

import io.hookbot.channel.HttpClients;
import io.hookbot.channel.Platform;
import io.hookbot.channel.mqttchat.MqttChatPlatform;
import io.hookbot.channel.smsgateway.SmsGatewayPlatform;
import io.hookbot.channel.vcaas.VcaasPlatform;
import io.hookbot.channel.webinato.WebinatoPlatform;
import io.hookbot.channel.yalgaar.MqttConnections;
import io.hookbot.channel.yalgaar.YalgaarPlatform;
import io.hookbot.worker.Supervisor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platforms whose webhooks {@code replay} reads, made without the application: only their parsers are used,
 * never their senders.
 */
final class ReplayPlatforms {

    private final Map<String, Platform> byId;

    ReplayPlatforms() {
        this.byId = List.of(new SmsGatewayPlatform(new HttpClients()), new WebinatoPlatform(), new MqttChatPlatform(),
                new YalgaarPlatform(new MqttConnections(new Supervisor(Duration.ofMillis(100), Duration.ofSeconds(30)))), new VcaasPlatform()).stream()
                .collect(Collectors.toMap(Platform::id, Function.identity()));
    }

    Optional<Platform> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    boolean isPlatform(String id) {
        return byId.containsKey(id);
    }

    List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }
}
