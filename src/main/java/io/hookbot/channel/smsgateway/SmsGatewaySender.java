package io.hookbot.channel.smsgateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.FormBody;
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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends replies through the gateway's send API: {@code POST {send.url}/api/send/sms} for SMS conversations and
 * {@code POST {send.url}/api/send/whatsapp} for WhatsApp ones, form-encoded (the gateway takes no JSON). Form
 * fields: {@code secret} (the API key), then for SMS {@code mode=devices}, {@code device}, {@code sim},
 * {@code phone}, {@code message}; for WhatsApp {@code account}, {@code recipient} and the content fields.
 *
 * <p>The gateway answers HTTP 200 even when it refuses, with the real status in the body's {@code status} field,
 * so that field is read like an HTTP status (see {@link SendResults#ofStatus}): 200 is sent, 401/403 pause the
 * channel (a wrong API key), 408/429/5xx may be retried, any other is a failure.
 *
 * <p>Files: WhatsApp replies carry the first attachment as a media or document message (see
 * {@link WhatsAppContent}); an SMS carries text only, so the attachments' URLs follow the text on lines of their
 * own. Which device, SIM and WhatsApp account a reply goes out from: see {@link OutgoingPhoneLine}.
 *
 * <p>The gateway's documented send API takes no client reference, so none is sent by default. A gateway build
 * that de-duplicates on one names its form field in {@code send.reference-field}; the outbox row id goes there.
 */
final class SmsGatewaySender implements Sender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChannelConfig channel;
    private final HttpClient client;
    private final String baseUrl;
    private final OutgoingPhoneLine line;

    SmsGatewaySender(ChannelConfig channel, HttpClient client) {
        this.channel = channel;
        this.client = client;
        this.line = OutgoingPhoneLine.of(channel);
        this.baseUrl = channel.require("send.url").replaceAll("/+$", "");
    }

    @Override
    public SendResult send(OutboundMessage message) {
        Map<String, String> to = message.replyTo();
        boolean whatsapp = "whatsapp".equals(to.get("medium"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("secret", channel.require("send.api-key"));
        if (whatsapp) {
            String account = line.account(to);
            if (account == null) {
                return new SendResult.Failed(0, "no WhatsApp account to send from: set hookbot.channels."
                        + channel.name() + ".send.whatsapp-account");
            }
            form.put("account", account);
            form.put("recipient", to.get("phone"));
            form.putAll(WhatsAppContent.of(message));
        } else {
            String device = line.device(to);
            if (device == null) {
                return new SendResult.Failed(0, "no device to send the SMS from: set hookbot.channels."
                        + channel.name() + ".send.device");
            }
            form.put("mode", "devices");
            form.put("device", device);
            form.put("sim", line.sim(to));
            form.put("phone", to.get("phone"));
            // an SMS carries text only: the files go as links
            form.put("message", message.textWithAttachmentLinks());
        }
        channel.setting("send.reference-field").ifPresent(field -> form.put(field, Long.toString(message.id())));
        String uri = baseUrl + (whatsapp ? "/api/send/whatsapp" : "/api/send/sms");
        try {
            HttpResponse<String> response = client.toBlocking().exchange(
                    HttpRequest.POST(uri, FormBody.encode(form))
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
            return fromBody(response.code(), response.getBody().orElse(""));
        } catch (HttpClientResponseException e) {
            return SendResults.ofStatus(e.code(), "HTTP " + e.code() + " from the gateway: " + body(e),
                    SendResults.retryAfter(e.getResponse().getHeaders().get("Retry-After"), Instant.now()));
        } catch (HttpClientException e) {
            // timeouts and connection errors: the gateway may or may not have taken it; retried like a 5xx
            return new SendResult.Retry("gateway unreachable: " + e.getMessage(), null);
        }
    }

    private static SendResult fromBody(int httpStatus, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            json = null;
        }
        if (json == null || !json.has("status")) {
            return new SendResult.Failed(httpStatus, "unexpected gateway answer (HTTP " + httpStatus + "): " + abbreviate(body));
        }
        int status = json.get("status").asInt();
        if (status == 200) {
            JsonNode data = json.path("data");
            String reference = data.hasNonNull("messageId") ? data.get("messageId").asText()
                    : data.hasNonNull("id") ? data.get("id").asText() : null;
            return new SendResult.Sent(reference);
        }
        String text = json.hasNonNull("message") ? json.get("message").asText() : abbreviate(body);
        return SendResults.ofStatus(status, "gateway status " + status + ": " + text, null);
    }

    private static String body(HttpClientResponseException e) {
        return abbreviate(e.getResponse().getBody(String.class).orElse(""));
    }

    private static String abbreviate(String text) {
        return SendResults.abbreviate(text);
    }
}
