package io.hookbot.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.Attachment;
import io.hookbot.outbox.DeliveryWorker;
import io.hookbot.outbox.NewReply;
import io.hookbot.outbox.OutboxStore;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.FakeGateway.Answer;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generic HTTP sender through the whole delivery path: a channel with {@code send.http.*} settings, a reply in
 * the outbox, and the call the fake service receives.
 */
class HttpSenderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TRICKY = "He said \"hi\"\nthen left & came back ✓";

    FakeGateway service;
    TestApp app;

    @BeforeEach
    void start() {
        service = new FakeGateway();
        service.otherwise(new Answer(201, "{\"id\":\"m-1\"}", Map.of(), 0));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        service.close();
    }

    TestApp app(Map<String, Object> send) {
        TestChannel chat = TestChannel.smsGateway("chat").secret("s");
        send.forEach((key, value) -> chat.set("send.http." + key, value));
        app = TestApp.on(Database.h2()).with(chat);
        return app.start();
    }

    @SuppressWarnings("unchecked")
    void reply(Map<String, String> replyTo, String text, List<Attachment> attachments) {
        OutboxStore store = app.context().getBean(OutboxStore.class);
        TransactionOperations<Connection> transactions = app.context().getBean(TransactionOperations.class);
        transactions.executeWrite(s -> store.insert(s.getConnection(),
                List.of(new NewReply(1, 0, "chat", "pair:1:2", replyTo, text, attachments))));
        app.context().getBean(DeliveryWorker.class).wake();
    }

    String awaitStatus() {
        Eventually.await("the row done", () -> app.count(
                "SELECT COUNT(*) FROM outbox_message WHERE status IN ('SENT', 'FAILED')") == 1);
        return app.query("SELECT status FROM outbox_message").get(0).get("status").toString();
    }

    @Test
    void aJsonTemplateIsFilledWithEscapedValuesAndCarriesTheIdempotencyKey() throws Exception {
        app(Map.of("url", service.url() + "/users/{{replyTo.to}}/messages",
                "headers.Authorization", "Bearer {{replyTo.token | none}}",
                "headers.X-Channel", "{{channel}}",
                "body", "{\"to\": \"{{replyTo.to}}\", \"text\": \"{{text}}\", \"ref\": \"{{id}}\"}"));

        reply(Map.of("to", "user 42"), TRICKY, List.of());

        assertEquals("SENT", awaitStatus());
        FakeGateway.Call call = service.calls().get(0);
        assertEquals("/users/user 42/messages", call.path());
        JsonNode body = JSON.readTree(call.body());
        assertEquals(TRICKY, body.get("text").asText());
        assertEquals("user 42", body.get("to").asText());
        long id = ((Number) app.query("SELECT id FROM outbox_message").get(0).get("id")).longValue();
        assertEquals(Long.toString(id), body.get("ref").asText());
        assertEquals(Long.toString(id), call.headers().get("idempotency-key"));
        assertEquals("Bearer none", call.headers().get("authorization"));
        assertEquals("chat", call.headers().get("x-channel"));
        assertTrue(call.headers().get("content-type").startsWith("application/json"));
        assertEquals("m-1", app.query("SELECT reference FROM outbox_message").get(0).get("reference"));
    }

    @Test
    void formFieldsGoOutFormEncodedWithTheChosenMethod() {
        app(Map.of("url", service.url() + "/send", "method", "put",
                "form.message", "{{text}}", "form.to", "{{replyTo.to}}", "form.file", "{{attachment.url | }}",
                "idempotency-header", "none"));

        reply(Map.of("to", "7"), TRICKY, List.of(new Attachment("https://x.test/a.png", "image", null)));

        assertEquals("SENT", awaitStatus());
        FakeGateway.Call call = service.calls().get(0);
        assertEquals(Map.of("message", TRICKY, "to", "7", "file", "https://x.test/a.png"), call.form());
        assertTrue(!call.headers().containsKey("idempotency-key"));
    }

    @Test
    void withoutABodyTemplateTheWholeReplyGoesOutAsJson() throws Exception {
        app(Map.of("url", service.url() + "/hook"));

        reply(Map.of("to", "7"), "hello", List.of());

        assertEquals("SENT", awaitStatus());
        JsonNode body = JSON.readTree(service.calls().get(0).body());
        assertEquals("hello", body.get("text").asText());
        assertEquals("7", body.get("replyTo").get("to").asText());
        assertEquals("chat", body.get("channel").asText());
    }

    @Test
    void aReplyMissingAFieldTheTemplateNeedsFailsWithTheFieldsName() {
        app(Map.of("url", service.url() + "/users/{{replyTo.to}}"));

        reply(Map.of("other", "7"), "hello", List.of());

        assertEquals("FAILED", awaitStatus());
        assertTrue(app.query("SELECT last_error FROM outbox_message").get(0).get("last_error").toString()
                .contains("{{replyTo.to}}"));
        assertTrue(service.calls().isEmpty());
    }

    @Test
    void theDeliveryPolicyAppliesRetryOn503AndPauseOn401() {
        app(Map.of("url", service.url() + "/hook"));
        service.script(new Answer(503, "busy", Map.of("Retry-After", "0"), 0), Answer.http(401));

        reply(Map.of("to", "7"), "hello", List.of());

        Eventually.await("the channel paused", () -> app.count("SELECT COUNT(*) FROM channel_pause") == 1);
        assertEquals(List.of("RETRY", "PAUSED"), app.query("SELECT outcome FROM outbox_attempt ORDER BY id")
                .stream().map(row -> row.get("outcome")).toList());
        assertEquals("PENDING", app.query("SELECT status FROM outbox_message").get(0).get("status"));
    }

    @Test
    void wrongSettingsStopTheStartupNamingTheSetting() {
        assertStartupFails("send.http.body", Map.of("url", "http://x.test/", "body", "{\"text\": {{text}}"));
        assertStartupFails("send.http.body", Map.of("url", "http://x.test/", "body", "{{sender.name}}"));
        assertStartupFails("send.http.method", Map.of("url", "http://x.test/", "method", "DELETE"));
        assertStartupFails("send.http.url", Map.of("url", "http://{{replyTo.host}}/x"));
        assertStartupFails("send.http.url", Map.of("url", "ftp://x.test/"));
        assertStartupFails("send.http.body", Map.of("url", "http://x.test/", "body", "{}", "form.a", "b"));
        assertStartupFails("send.rate", Map.of("url", "http://x.test/"), "send.rate", "fast");
        assertStartupFails("send.concurrency", Map.of("url", "http://x.test/"), "send.concurrency", "0");
    }

    private void assertStartupFails(String key, Map<String, Object> send, String... extra) {
        TestChannel chat = TestChannel.smsGateway("chat").secret("s");
        send.forEach((k, v) -> chat.set("send.http." + k, v));
        for (int i = 0; i < extra.length; i += 2) {
            chat.set(extra[i], extra[i + 1]);
        }
        TestApp attempt = TestApp.on(Database.h2()).with(chat);
        try {
            Throwable failure = assertThrows(Throwable.class, attempt::start);
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("hookbot.channels.chat." + key), messages.toString());
        } finally {
            attempt.close();
        }
    }
}
