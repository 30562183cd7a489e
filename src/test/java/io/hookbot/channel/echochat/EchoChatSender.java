package io.hookbot.channel.echochat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.channel.OutboundMessage;
import io.hookbot.channel.SendResult;
import io.hookbot.channel.SendResults;
import io.hookbot.channel.Sender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Posts a reply to its room, {@code POST /rooms/<room>/messages {"text": …}}, signed with the channel's secret. */
final class EchoChatSender implements Sender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final HttpClient client;

    EchoChatSender(String secret, HttpClient client) {
        this.secret = secret;
        this.client = client;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String room = message.replyTo().get("room");
        if (room == null) {
            return new SendResult.Failed(0, "reply #" + message.id() + " names no room");
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("text", message.textWithAttachmentLinks()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new SendResult.Failed(0, "cannot write reply #" + message.id() + ": " + e.getOriginalMessage());
        }
        HttpRequest<byte[]> request = HttpRequest.POST("/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8)
                        + "/messages", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(EchoChatPlatform.SIGNATURE.header(), EchoChatPlatform.SIGNATURE.sign(secret, body));
        try {
            HttpResponse<String> answer = client.toBlocking().exchange(request, String.class);
            return new SendResult.Sent("echo-" + message.id() + "-" + answer.code());
        } catch (HttpClientResponseException e) {
            return SendResults.ofStatus(e.code(), "HTTP " + e.code() + " from Echo Chat", null);
        } catch (HttpClientException e) {
            return new SendResult.Retry("cannot reach Echo Chat: " + e.getMessage(), null);
        }
    }
}
