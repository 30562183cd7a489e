package io.hookbot.cli;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.Platform;
import io.hookbot.channel.WebhookRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A recorded webhook body, as {@code bots/samples/<platform>/} holds them: {@code *.form} files are URL-encoded
 * forms, {@code *.json} files JSON, anything else is sniffed as the server does. Replay does not check credentials:
 * the call asks for a URL token, and the channel it reads the file for is given what its platform says the
 * recording needs ({@link Platform#sampleSettings}: the secret or key the file itself carries, or that token).
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
     * @param platform its platform
     * @return the channel as the platform needs it to accept this file
     */
    ChannelConfig channel(String channel, Platform platform) {
        return new ChannelConfig(channel, platform.id(), platform.sampleSettings(request));
    }
}
