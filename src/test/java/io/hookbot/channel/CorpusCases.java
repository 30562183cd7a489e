package io.hookbot.channel;

import io.hookbot.channel.CorpusShapes.Field;
import io.hookbot.channel.CorpusShapes.Shape;
import io.hookbot.channel.CorpusValues.Bad;
import io.hookbot.channel.CorpusValues.Expect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus, generated: every shape × every field it reads × every bad value that applies, plus the
 * Content-Types each platform never sends and an event too large to store. Each case carries the valid webhook
 * that follows it on the same channel and the conversation whose answer shows that the channel still works.
 */
final class CorpusCases {

    /**
     * One call of the corpus.
     *
     * @param name        for the test's display name
     * @param channel     the channel it goes to
     * @param url         its URL
     * @param contentType its Content-Type, or {@code null} for none
     * @param body        its body
     * @param expect      the answer
     * @param bad         the bad value's text when it is a string (to check the answer does not echo it), else
     *                    {@code null}
     * @param followUp    the valid call that comes after it
     */
    record Case(String name, String channel, String url, String contentType, byte[] body, Expect expect, String bad,
                FollowUp followUp) {
    }

    /**
     * A valid call, and the conversation its answer names.
     *
     * @param url          its URL
     * @param contentType  its Content-Type
     * @param body         its body
     * @param conversation the conversation key its event lands in
     */
    record FollowUp(String url, String contentType, byte[] body, String conversation) {
    }

    /** The 1 MB the HTTP layer accepts ({@code micronaut.server.max-request-size}). */
    static final int MAX_REQUEST = 1_048_576;
    private static final long FOLLOW_UPS = 100_000;

    private final List<Shape> shapes = CorpusShapes.all();
    private final List<Case> cases = new ArrayList<>();

    /** @return every case, each with unique ids */
    static List<Case> all() {
        CorpusCases corpus = new CorpusCases();
        for (Shape shape : corpus.shapes) {
            for (Field field : shape.fields()) {
                for (Bad bad : Bad.values()) {
                    corpus.fieldCase(shape, field, bad);
                }
            }
        }
        corpus.contentTypes();
        corpus.tooLargeToStore();
        return corpus.cases;
    }

    private long next() {
        return cases.size() + 1;
    }

    private void fieldCase(Shape shape, Field field, Bad bad) {
        Object value = CorpusValues.value(bad, field.kind(), field.max(), field.encoding());
        Expect expect = value == null ? null : CorpusValues.expect(bad, field.kind(), field.name(), field.encoding());
        if (expect == null) {
            return;
        }
        long n = next();
        Object tree = CorpusBody.copy(shape.body().apply(n));
        CorpusBody.set(tree, field.path(), value);
        add(shape.name() + ": " + field.name() + " " + bad, shape, shape.contentType(), shape.write(tree), expect,
                value instanceof String text ? text : null);
    }

    private void contentTypes() {
        String[] refusedEverywhere = {null, "text/plain", "application/xml", "multipart/form-data; boundary=x"};
        Map<String, List<String>> refused = Map.of(
                "sms-gateway sms json", List.of("application/json; charset=iso-8859-1", "text/json"),
                "sms-gateway sms form", List.of("application/x-www-form-urlencoded; charset=windows-1252"),
                "webinato batch", List.of(CorpusShapes.JSON, "application/x-www-form-urlencoded; charset=utf-16"),
                "mqtt-chat message", List.of(CorpusShapes.FORM, "application/json; charset=utf-16"),
                "yalgaar message", List.of(CorpusShapes.FORM, "application/json; charset=us-ascii"),
                "vcaas meeting", List.of(CorpusShapes.FORM, "application/json; charset=latin1"));
        Map<String, List<String>> accepted = Map.of(
                "sms-gateway sms json", List.of("application/json; charset=UTF-8", "application/vnd.gateway+json"),
                "sms-gateway sms form", List.of("application/x-www-form-urlencoded; charset=utf-8"),
                "webinato batch", List.of("application/x-www-form-urlencoded;charset=UTF-8"),
                "mqtt-chat message", List.of("application/json; charset=utf-8", "application/vnd.mqtt-chat+json"),
                "yalgaar message", List.of("Application/JSON", "application/json; charset=\"UTF-8\""),
                "vcaas meeting", List.of("application/json;charset=utf-8", "application/vnd.vcaas+json"));
        for (Shape shape : shapes) {
            if (!refused.containsKey(shape.name())) {
                continue;
            }
            List<String> types = new ArrayList<>(Arrays.asList(refusedEverywhere));
            types.addAll(refused.get(shape.name()));
            for (String type : types) {
                add(shape.name() + ": Content-Type " + type, shape, type, shape.write(shape.body().apply(next())),
                        new Expect(415, "unsupported_media_type", "Content-Type", "webhooks are sent as"), null);
            }
            for (String type : accepted.get(shape.name())) {
                add(shape.name() + ": Content-Type " + type, shape, type, shape.write(shape.body().apply(next())),
                        Expect.ACCEPTED, null);
            }
        }
    }

    /** A report under the 1 MB request limit whose stored event is over the inbox's 1,000,000 characters. */
    private void tooLargeToStore() {
        Shape report = shape("vcaas report");
        Map<String, Object> tree = CorpusShapes.report(next());
        CorpusBody.set(tree, List.of("meetingData", "notes"), "x".repeat(1_040_000));
        byte[] body = report.write(tree);
        if (body.length >= MAX_REQUEST) {
            throw new IllegalStateException("the report must stay under the request limit: " + body.length);
        }
        add("vcaas report of " + body.length + " bytes, stored form over 1,000,000 characters", report,
                report.contentType(), body, new Expect(413, "too_large", null, "the inbox stores at most 1000000"), null);
    }

    private void add(String name, Shape shape, String contentType, byte[] body, Expect expect, String bad) {
        cases.add(new Case(name, shape.channel(), shape.url(), contentType, body, expect, bad,
                followUp(shape.channel(), FOLLOW_UPS + cases.size())));
    }

    private Shape shape(String name) {
        return shapes.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The valid call after a case, on the same channel, in a conversation of its own. */
    private FollowUp followUp(String channel, long n) {
        return switch (channel) {
            case "sms-main" -> followUp(shape("sms-gateway sms json"), n, "sms:dev-" + n + ":1:+1555" + n);
            case "room" -> followUp(shape("webinato batch"), n, "room:room-" + n);
            case "chat" -> followUp(shape("mqtt-chat message"), n, "chat:1:" + (300_000 + n));
            case "yal" -> followUp(shape("yalgaar message"), n, "channel:ch-" + n);
            case "classes" -> followUp(shape("vcaas meeting"), n, "meeting:m-" + n);
            default -> throw new IllegalArgumentException(channel);
        };
    }

    private static FollowUp followUp(Shape shape, long n, String conversation) {
        return new FollowUp(shape.url(), shape.contentType(), shape.write(shape.body().apply(n)), conversation);
    }
}
