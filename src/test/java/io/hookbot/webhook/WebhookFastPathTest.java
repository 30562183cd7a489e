package io.hookbot.webhook;

import io.hookbot.testing.Database;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook fast path over raw HTTP/1 connections: pipelined calls to it and to Micronaut's routes answered in the
 * order asked, a body arriving in pieces, {@code Connection: close}, the calls it leaves to the route (chunked,
 * {@code Expect: 100-continue}, too large) answered there, and the same answers with the fast path off.
 */
class WebhookFastPathTest {

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");
    private static final String RULES = """
            bot: fast
            rules:
              - name: any
                then:
                  - reply: "ok"
            """;

    private TestApp app;

    private TestApp start(boolean fastPath) {
        app = TestApp.on(Database.h2()).rules("bot.yml", RULES)
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret"))
                .with("hookbot.webhooks.fast-path", fastPath).start();
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void pipelinedCallsAreAnsweredInOrderWhicheverWayTheyAreTaken() throws IOException {
        start(true);
        String get = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        String calls = get + post(sms(1)) + get + post(sms(2)) + post(sms(1)) + "GET /nowhere HTTP/1.1\r\n"
                + "Host: x\r\n\r\n" + post(sms(3));
        List<String> answers = exchange(calls, 7);

        assertEquals(List.of("200 UP", "200 stored", "200 UP", "200 stored", "200 duplicate", "404", "200 stored"),
                answers, "an answer per call, in the order of the calls");
        assertEquals(3, app.count("SELECT COUNT(*) FROM inbox_event"));
        assertTrue(installer().connections() >= 1, "the connection had the fast path");
    }

    @Test
    void aBodyInPiecesAndConnectionCloseAreAnswered() throws IOException {
        start(true);
        URI url = URI.create(app.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            byte[] call = post(sms(9), "Connection: close\r\n").getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            for (int at = 0; at < call.length; at += 40) {
                out.write(call, at, Math.min(40, call.length - at));
                out.flush();
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("{\"stored\":1,\"duplicates\":0}"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        }
    }

    @Test
    void callsLeftToTheRouteAreAnsweredThere() throws IOException {
        start(true);
        String body = sms(4);
        String chunked = "POST /webhooks/sms-main HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
                + "\r\n0\r\n\r\n";
        String expecting = post(sms(5), "Expect: 100-continue\r\n");
        int headEnds = expecting.indexOf("\r\n\r\n") + 4;
        String tooLarge = "POST /webhooks/sms-main HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n";

        assertEquals(List.of("200 stored"), exchange(chunked, 1));
        URI url = URI.create(app.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(expecting.substring(0, headEnds).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("100", readAnswer(socket.getInputStream()), "the route lets the body come");
            out.write(expecting.substring(headEnds).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("200 stored", readAnswer(socket.getInputStream()));
        }
        assertEquals("413", exchange(tooLarge, 1).get(0));
        assertEquals(2, app.count("SELECT COUNT(*) FROM inbox_event"));
    }

    @Test
    void theRouteAnswersTheSameWhenTheFastPathIsOff() throws IOException {
        List<String> fast = sampleAnswers(start(true));
        app.close();
        List<String> routed = sampleAnswers(start(false));

        assertEquals(fast, routed);
        assertEquals(0, installer().connections(), "hookbot.webhooks.fast-path: false applies");
    }

    /** A stored call, its redelivery, a wrong secret, a Content-Type not sent, an unknown channel: status and body. */
    private List<String> sampleAnswers(TestApp app) {
        String form = "application/x-www-form-urlencoded";
        List<String> answers = new ArrayList<>();
        for (var response : List.of(app.post("sms-main", form, sms(1)), app.post("sms-main", form, sms(1)),
                app.post("sms-main", form, sms(2).replace("demo-secret", "wrong")),
                app.post("sms-main", "text/plain", "x"), app.post("nope", form, sms(3)))) {
            answers.add(response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("")
                    + " " + response.body());
        }
        return answers;
    }

    private WebhookFastPathInstaller installer() {
        return app.context().getBean(WebhookFastPathInstaller.class);
    }

    private static String sms(int id) {
        return Samples.read("sms-gateway/sms.form").replace("data%5Bid%5D=2&", "data%5Bid%5D=" + id + "&");
    }

    private static String post(String body) {
        return post(body, "");
    }

    private static String post(String body, String extraHeaders) {
        return "POST /webhooks/sms-main HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + extraHeaders + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /**
     * Sends the calls in one write and reads {@code count} answers, each as its status and what its body says
     * ({@code UP}, {@code stored}, {@code duplicate}).
     */
    private List<String> exchange(String calls, int count) throws IOException {
        URI url = URI.create(app.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(calls.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            List<String> answers = new ArrayList<>();
            while (answers.size() < count) {
                answers.add(readAnswer(in));
            }
            return answers;
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        String head = readHead(in);
        Matcher status = STATUS.matcher(head);
        assertTrue(status.find(), head);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String says = body.contains("\"UP\"") ? " UP" : body.contains("\"stored\":1") ? " stored"
                : body.contains("\"duplicates\":1") ? " duplicate" : "";
        return status.group(1) + says;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed in an answer's head: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.UTF_8);
    }
}
