package io.hookbot.channel.echochat;

import io.hookbot.cli.Cli;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.hookbot.testing.WebhookAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sixth platform, added by adding its folder alone: the application serves a channel of it, a rule names it in
 * {@code platform:} and answers its signed message in its room, a call whose signature is missing or wrong is a 401
 * naming the header, and the command line's {@code check}, {@code try} and {@code replay} know it.
 */
class EchoChatTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "echo-secret";
    private static final String MESSAGE = "{\"id\":\"m-1\",\"room\":\"lobby\",\"from\":{\"id\":\"u-7\",\"name\":\"Ana\"},"
            + "\"text\":\"hello there\",\"sent\":1767225600}";
    private static final String RULES = """
            bot: greeter
            rules:
              - name: greet
                when: { platform: echo-chat, keywords: [hello] }
                then:
                  - reply: "Hi {{sender.name}}, you said {{text}}"
            """;

    @TempDir
    Path dir;

    @Test
    void aSignedMessageIsAnsweredInItsRoomAndAnUnsignedOrMissignedOneIsRefusedWith401() {
        try (FakeGateway echo = new FakeGateway(); TestApp app = TestApp.on(Database.h2())
                .with(TestChannel.of("echo", EchoChatPlatform.ID).secret(SECRET).sendUrl(echo.url()))
                .rules("greeter.yml", RULES)
                .start()) {
            echo.otherwise(new FakeGateway.Answer(201, "{}", Map.of(), 0));

            HttpResponse<String> stored = post(app, MESSAGE, sign(SECRET, MESSAGE));
            assertEquals(200, stored.statusCode(), stored.body());
            assertEquals("{\"stored\":1,\"duplicates\":0}", stored.body());

            Eventually.await("the reply posted to the room", () -> echo.calls().size() == 1);
            FakeGateway.Call reply = echo.calls().get(0);
            assertEquals("/rooms/lobby/messages", reply.path());
            assertEquals("{\"text\":\"Hi Ana, you said hello there\"}", reply.body());
            assertEquals(sign(SECRET, reply.body()), reply.headers().get("x-echo-signature"), "the reply is signed");
            Eventually.await("the reply marked sent", () -> app.count(
                    "SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT' AND reference LIKE 'echo-%'") == 1);

            HttpResponse<String> unsigned = post(app, MESSAGE.replace("m-1", "m-2"), null);
            assertRejected(unsigned, 401, null);
            assertTrue(unsigned.body().contains("the X-Echo-Signature header is missing"), unsigned.body());
            HttpResponse<String> otherSecret = post(app, MESSAGE.replace("m-1", "m-3"), sign("guess", MESSAGE));
            assertRejected(otherSecret, 401, null);
            assertTrue(otherSecret.body().contains("the X-Echo-Signature header does not match the body"),
                    otherSecret.body());
            HttpResponse<String> otherBody = post(app, MESSAGE.replace("m-1", "m-4"), sign(SECRET, MESSAGE));
            assertRejected(otherBody, 401, null);
            assertEquals(1, app.count("SELECT COUNT(*) FROM inbox_event"), "nothing refused is stored");
        }
    }

    @Test
    void theCommandLineKnowsThePlatform() throws IOException {
        Path rules = dir.resolve("greeter.yml");
        Files.writeString(rules, RULES);
        Cmd checked = cli("check", rules.toString(), "--channels", "echo=echo-chat");
        assertEquals(Cli.OK, checked.code(), checked.out());
        assertTrue(checked.out().contains(rules + ": ok, bot greeter, 1 rules"), checked.out());

        Path misspelt = dir.resolve("misspelt.yml");
        Files.writeString(misspelt, RULES.replace("platform: echo-chat", "platform: echo-chatt"));
        Cmd refused = cli("check", misspelt.toString(), "--any-channel");
        assertEquals(Cli.MISTAKES, refused.code(), refused.out());
        assertTrue(refused.out().contains("unknown platform 'echo-chatt'; platforms: ["), refused.out());
        String named = refused.out().substring(refused.out().indexOf("platforms: [") + "platforms: [".length());
        assertTrue(List.of(named.substring(0, named.indexOf(']')).split(", ")).contains("echo-chat"),
                "the platforms named include it: " + refused.out());

        Cmd tried = cli("try", rules.toString(), "--channel", "echo", "--platform", "echo-chat", "--name", "Ana",
                "hello", "there");
        assertEquals(Cli.OK, tried.code(), tried.out());
        assertTrue(tried.out().contains("FIRED   greet"), tried.out());
        assertTrue(tried.out().contains("reply: Hi Ana, you said hello there"), tried.out());

        // replay finds the platform by its folder's name, and reads the recording: which, keeping no headers, is
        // refused for want of its signature
        Path recordings = Files.createDirectories(dir.resolve("samples").resolve("echo-chat"));
        Files.writeString(recordings.resolve("message.json"), MESSAGE);
        Cmd replayed = cli("replay", "--rules", rules.toString(), recordings.toString());
        assertEquals(Cli.MISTAKES, replayed.code(), replayed.out());
        assertTrue(replayed.out().contains("message.json on echo-chat (echo-chat)"), replayed.out());
        assertTrue(replayed.out().contains("refused by echo-chat: the X-Echo-Signature header is missing"),
                replayed.out());
    }

    @Test
    void aChannelWithoutItsSecretStopsTheStart() {
        TestApp app = TestApp.on(Database.h2()).with(TestChannel.of("echo", EchoChatPlatform.ID));
        try {
            RuntimeException failure = assertThrows(RuntimeException.class, app::start);
            assertTrue(String.valueOf(failure.getMessage()).contains("hookbot.channels.echo.secret is required")
                    || String.valueOf(failure.getCause()).contains("hookbot.channels.echo.secret is required"),
                    failure.toString());
        } finally {
            assertDoesNotThrow(app::close);
        }
    }

    private static String sign(String secret, String body) {
        return EchoChatPlatform.SIGNATURE.sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(TestApp app, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + "/webhooks/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header(EchoChatPlatform.SIGNATURE.header(), signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Cmd(int code, String out) {
    }

    private static Cmd cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Cli.run(args, print, print);
        return new Cmd(code, out.toString(StandardCharsets.UTF_8));
    }
}
