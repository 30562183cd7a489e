package io.hookbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A recorded webhook body, as {@code bots/samples/<platform>/} holds them: {@code *.form} files are URL-encoded
 * forms, {@code *.json} files JSON, anything else is sniffed as the server does. Replay does not check credentials:
 * the channel it reads the file for is given the secret ({@code secret}) or client key ({@code items.clientKey})
 * the file itself carries, and the URL token it asks for.
 *
 * @param path    the file
 * @param request the body as a webhook call
 */
record SampleFile(Path path, WebhookRequest request) {

    private static final String TOKEN = "replay";

    static SampleFile read(Path path) throws IOException {
        String name = path.getFileName().toString();
        String type = name.endsWith(".form") ? "application/x-www-form-urlencoded"
                : name.endsWith(".json") ? "application/json" : "";
        return new SampleFile(path, new WebhookRequest(type, Files.readAllBytes(path), Map.of("token", TOKEN)));
    }

    /**
     * @param channel  the channel's name
     * @param platform its platform id
     * @return the channel as the platform needs it to accept this file
     */
    ChannelConfig channel(String channel, String platform) {
        String secret = TOKEN;
        String clientKey = TOKEN;
        try {
            JsonNode body = PayloadDecoder.decode(request);
            secret = body.path("secret").asText(TOKEN);
            clientKey = body.path("items").path("clientKey").asText(TOKEN);
        } catch (WebhookRejection e) {
            // the platform reports the malformed body itself when it reads it
        }
        return new ChannelConfig(channel, platform, Map.of("secret", secret, "client-key", clientKey, "token", TOKEN));
    }
}
