package io.hookbot.channel;

import io.hookbot.channel.CorpusValues.Encoding;
import io.hookbot.channel.CorpusValues.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Every webhook shape of the five platforms as the seeds show it, with the fields hookbot reads from it. A shape
 * builds a valid body from a number that makes its ids, keys and timestamps unique, so that every case and every
 * follow-up is a new event, never a redelivery.
 *
 * <p>The phones ({@code +1555…} to {@code +1999…}), texts ({@code said-…}), secret, client key and tokens are
 * recognisable, so that a test can look for them in the log.
 */
final class CorpusShapes {

    static final String SECRET = "corpus-secret-5b1e";
    static final String CLIENT_KEY = "ck-corpus-77d0";
    static final String TOKEN = "tok-corpus-3c9a";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    /** Every phone and text of the corpus starts with one of these. */
    static final List<String> SENSITIVE = List.of("+1555", "+1666", "+1777", "+1888", "said-", SECRET, CLIENT_KEY, TOKEN);
    private static final long T = 1_700_000_000L;

    /**
     * A field of a shape.
     *
     * @param path     where it is in the body's tree
     * @param name     how hookbot names it in errors
     * @param kind     what it is
     * @param max      its longest accepted length, for text
     * @param encoding how it travels
     */
    record Field(List<Object> path, String name, Kind kind, int max, Encoding encoding) {
    }

    /**
     * A webhook shape.
     *
     * @param name        for the test names ({@code sms-gateway sms form})
     * @param channel     the channel it is posted to
     * @param url         the webhook URL, with the token where the platform needs one
     * @param contentType what the platform sends it as
     * @param form        whether it is written as a form
     * @param body        builds a valid body from a unique number
     * @param fields      the fields hookbot reads
     */
    record Shape(String name, String channel, String url, String contentType, boolean form, LongFunction<Object> body,
                 List<Field> fields) {

        byte[] write(Object tree) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) tree;
            return form ? CorpusBody.form(map) : CorpusBody.json(tree);
        }
    }

    private CorpusShapes() {
    }

    static String url(String channel) {
        return channel.equals("sms-main") || channel.equals("yal") ? "/webhooks/" + channel
                : "/webhooks/" + channel + "?token=" + TOKEN;
    }

    /** @return every shape of every platform */
    static List<Shape> all() {
        List<Shape> shapes = new ArrayList<>();
        for (boolean form : new boolean[]{false, true}) {
            shapes.add(sms("sms", form, CorpusShapes::sms, List.of(
                    secret(form), word(form, "type", 40), positive(form, "data", "id"), positive(form, "data", "sim"),
                    ident(form, 100, "data", "device"), ident(form, 64, "data", "phone"),
                    text(form, 10_000, "data", "message"), timestamp(form, "data", "timestamp"))));
            shapes.add(sms("whatsapp", form, CorpusShapes::whatsapp, List.of(
                    positive(form, "data", "id"), ident(form, 64, "data", "wid"), ident(form, 64, "data", "phone"),
                    text(form, 10_000, "data", "message"), ident(form, 2000, "data", "attachment"),
                    timestamp(form, "data", "timestamp"))));
            shapes.add(sms("ussd", form, CorpusShapes::ussd, List.of(
                    positive(form, "data", "id"), positive(form, "data", "sim"), ident(form, 100, "data", "device"),
                    ident(form, 200, "data", "code"), text(form, 10_000, "data", "response"),
                    timestamp(form, "data", "timestamp"))));
            shapes.add(sms("notification", form, CorpusShapes::notification, List.of(
                    positive(form, "data", "id"), ident(form, 100, "data", "device"), ident(form, 300, "data", "package"),
                    text(form, 10_000, "data", "title"), text(form, 10_000, "data", "content"),
                    timestamp(form, "data", "timestamp"))));
        }
        shapes.add(sms("flat", true, CorpusShapes::flat, List.of(
                ident(true, 64, "phone"), text(true, 10_000, "message"), ident(true, 100, "receive_date"))));
        shapes.add(webinato());
        shapes.addAll(mqttChat());
        shapes.addAll(yalgaar());
        shapes.addAll(vcaas());
        return shapes;
    }

    private static Shape sms(String type, boolean form, LongFunction<Object> body, List<Field> fields) {
        return new Shape("sms-gateway " + type + (form ? " form" : " json"), "sms-main", url("sms-main"),
                form ? FORM : JSON, form, body, fields);
    }

    static Object sms(long n) {
        return map("secret", SECRET, "type", "sms", "data", map("id", n, "rid", 10_000 + n, "sim", 1,
                "device", "dev-" + n, "phone", "+1555" + n, "message", "said-sms-" + n, "timestamp", T + n));
    }

    private static Object whatsapp(long n) {
        return map("secret", SECRET, "type", "whatsapp", "data", map("id", n, "wid", "+1666" + n, "phone", "+1777" + n,
                "message", "said-wa-" + n, "attachment", "https://cdn.example/said-" + n + ".jpg", "timestamp", T + n));
    }

    private static Object ussd(long n) {
        return map("secret", SECRET, "type", "ussd", "data", map("id", n, "sim", 1, "device", "dev-" + n,
                "code", "*143#", "response", "said-ussd-" + n, "timestamp", T + n));
    }

    private static Object notification(long n) {
        return map("secret", SECRET, "type", "notification", "data", map("id", n, "device", "dev-" + n,
                "package", "com.example.app", "title", "said-title-" + n, "content", "said-content-" + n,
                "timestamp", T + n));
    }

    private static Object flat(long n) {
        return map("secret", SECRET, "phone", "+1888" + n, "message", "said-flat-" + n,
                "receive_date", "2022-02-24 14:30:" + n);
    }

    private static Shape webinato() {
        LongFunction<Object> body = n -> map("inquiry", "realTimeChat", "roomID", "room-" + n, "sender", "Webinato",
                "batchNo", "1", "msgsJSON", new CorpusBody.JsonText(new ArrayList<>(List.of(map(
                        "authorName", "Author " + n, "authorRole", "0", "ts", String.valueOf(T + n),
                        "msgID", String.valueOf(n), "text", "said-room-" + n)))));
        List<Field> fields = new ArrayList<>(List.of(word(true, "inquiry", 100), ident(true, 150, "roomID"),
                positive(true, "batchNo"), new Field(List.of("msgsJSON"), "msgsJSON", Kind.MESSAGES, 0, Encoding.FORM)));
        for (Object[] inner : new Object[][]{{"authorName", Kind.IDENT, 200}, {"authorRole", Kind.ANY_NUMBER, 0},
                {"ts", Kind.TIMESTAMP, 0}, {"msgID", Kind.POSITIVE, 0}, {"text", Kind.TEXT, 20_000}}) {
            fields.add(new Field(List.of("msgsJSON", 0, inner[0]), "msgsJSON[0]." + inner[0], (Kind) inner[1],
                    (Integer) inner[2], Encoding.FORM_JSON));
        }
        return new Shape("webinato batch", "room", url("room"), FORM, true, body, fields);
    }

    private static List<Shape> mqttChat() {
        Shape presence = new Shape("mqtt-chat presence", "chat", url("chat"), JSON, false,
                n -> map("userid", 200_000 + n, "status", "online", "timestamp", T + n),
                List.of(field(Kind.ID, 0, "userid"), field(Kind.WORD, 40, "status"), field(Kind.TIMESTAMP, 0, "timestamp")));
        Shape message = new Shape("mqtt-chat message", "chat", url("chat"), JSON, false,
                n -> map("from_userid", 300_000 + n, "message", map("id", n, "message", "said-chat-" + n, "p1", "",
                        "p2", "", "p3", "", "timestamp", T + n, "type", 0), "to_userid", 1),
                List.of(field(Kind.POSITIVE, 0, "from_userid"), field(Kind.POSITIVE, 0, "to_userid"),
                        field(Kind.POSITIVE, 0, "message", "id"), field(Kind.TEXT, 20_000, "message", "message"),
                        field(Kind.CODE, 0, "message", "type"), field(Kind.TIMESTAMP, 0, "message", "timestamp")));
        return List.of(presence, message);
    }

    private static List<Shape> yalgaar() {
        List<Shape> shapes = new ArrayList<>();
        for (String source : List.of("Presence", "Message")) {
            boolean presence = source.equals("Presence");
            LongFunction<Object> body = n -> map("items", map("source", source, "clientKey", CLIENT_KEY, "data",
                    new ArrayList<>(List.of(presence
                            ? map("channel", "ch-" + n, "uuid", "user-" + n, "timestamp", String.valueOf(T + n), "action", "bind")
                            : map("channel", "ch-" + n, "uuid", "user-" + n, "timestamp", String.valueOf(T + n),
                                    "message", "said-yal-" + n)))));
            List<Field> fields = new ArrayList<>(List.of(
                    field(Kind.IDENT, 250, "items", "data", 0, "channel"), field(Kind.IDENT, 100, "items", "data", 0, "uuid"),
                    field(Kind.TIMESTAMP, 0, "items", "data", 0, "timestamp")));
            if (presence) {
                fields.addAll(List.of(field(Kind.WORD, 40, "items", "source"), field(Kind.SECRET, 0, "items", "clientKey"),
                        field(Kind.WORD, 40, "items", "data", 0, "action")));
            } else {
                fields.add(field(Kind.TEXT, 20_000, "items", "data", 0, "message"));
            }
            shapes.add(new Shape("yalgaar " + source.toLowerCase(), "yal", url("yal"), JSON, false, body, fields));
        }
        return shapes;
    }

    private static List<Shape> vcaas() {
        Field meeting = field(Kind.IDENT, 100, "meetingUid");
        Field external = field(Kind.IDENT, 200, "meetingExternalId");
        Field role = field(Kind.ANY_NUMBER, 0, "userRole");
        Field user = field(Kind.IDENT, 100, "externalId");
        Field name = field(Kind.IDENT, 200, "externalName");
        Field time = field(Kind.TIMESTAMP, 0, "timestamp");
        return List.of(
                vcaas("user", n -> map("meetingUid", "m-" + n, "meetingExternalId", "ext-" + n, "userRole", "2",
                        "externalId", "user-" + n, "externalName", "Name " + n, "userStatus", "0", "timestamp",
                        String.valueOf(T + n)), List.of(meeting, role, user, name, field(Kind.CODE, 0, "userStatus"), time)),
                vcaas("meeting", n -> map("meetingUid", "m-" + n, "meetingExternalId", "ext-" + n,
                        "timestamp", String.valueOf(T + n), "meetingStatus", 1, "meetingEndType", 0),
                        List.of(meeting, external, time, field(Kind.CODE, 0, "meetingStatus"),
                                field(Kind.CODE, 0, "meetingEndType"))),
                vcaas("recording", n -> map("meetingUid", "m-" + n, "meetingExternalId", "ext-" + n, "userRole", "0",
                        "externalId", "user-" + n, "externalName", "Name " + n, "recordingStatus", "0",
                        "timestamp", String.valueOf(T + n)),
                        List.of(meeting, external, role, user, name, field(Kind.CODE, 0, "recordingStatus"), time)),
                vcaas("class-ended", n -> map("meetingUid", "m-" + n, "meetingExternalId", "ext-" + n, "userRole", "0",
                        "externalId", "user-" + n, "externalName", "Name " + n, "timestamp", String.valueOf(T + n)),
                        List.of(meeting, external, role, user, name, time)),
                vcaas("report", CorpusShapes::report, List.of(field(Kind.IDENT, 100, "meetingData", "meetingUid"),
                        field(Kind.KEPT, 0, "meetingInteractiveData", "quizData", "detailDatas", 0, "content", "content"))));
    }

    private static Shape vcaas(String name, LongFunction<Object> body, List<Field> fields) {
        return new Shape("vcaas " + name, "classes", url("classes"), JSON, false, body, fields);
    }

    /** The post-meeting data push, shortened, of meeting {@code m-<n>}. */
    static Map<String, Object> report(long n) {
        return map("meetingData", map("meetingUid", "m-" + n, "meetingExternalId", "ext-" + n,
                        "startTime", String.valueOf(T + n), "endTime", String.valueOf(T + n + 3600), "duration", "3600"),
                "attendeeDatas", new ArrayList<>(List.of(map("meetingUid", "m-" + n, "externalId", "user-" + n,
                        "totalTime", "3600", "details", new ArrayList<>(List.of(map("type", "AttendeeJoined",
                                "timestamp", (T + n) * 1000)))))),
                "meetingInteractiveData", map("meetingUid", "m-" + n, "quizData", map("totalCount", 1,
                        "detailDatas", new ArrayList<>(List.of(map("id", "q-1", "content", map(
                                "options", new ArrayList<>(List.of(map("value", "A", "label", "4"))),
                                "content", "What is 2 + 2?")))))));
    }

    private static Field field(Kind kind, int max, Object... path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            name.append(step instanceof Integer ? "[" + step + "]" : (name.isEmpty() ? "" : ".") + step);
        }
        return new Field(List.of(path), name.toString(), kind, max, Encoding.JSON);
    }

    private static Field formable(boolean form, Kind kind, int max, Object... path) {
        Field field = field(kind, max, path);
        return new Field(field.path(), field.name(), kind, max, form ? Encoding.FORM : Encoding.JSON);
    }

    private static Field secret(boolean form) {
        return formable(form, Kind.SECRET, 0, "secret");
    }

    private static Field word(boolean form, String name, int max) {
        return formable(form, Kind.WORD, max, name);
    }

    private static Field positive(boolean form, Object... path) {
        return formable(form, Kind.POSITIVE, 0, path);
    }

    private static Field ident(boolean form, int max, Object... path) {
        return formable(form, Kind.IDENT, max, path);
    }

    private static Field text(boolean form, int max, Object... path) {
        return formable(form, Kind.TEXT, max, path);
    }

    private static Field timestamp(boolean form, Object... path) {
        return formable(form, Kind.TIMESTAMP, 0, path);
    }

    /** A mutable map of the given keys and values, in order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
