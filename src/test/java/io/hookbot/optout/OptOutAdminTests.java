package io.hookbot.optout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /admin/opt-outs}: the list with its search and pages, an address added (and then suppressed) or removed,
 * the CSV export and an import that stores all its lines or, with one wrong, none and names each wrong line and
 * field; only the admin token writes.
 */
@OnEachDatabase
class OptOutAdminTests {

    static final String TOKEN = "s3cret-admin-token";
    static final String READER = "read-only-token";
    static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    TestDatabase db;

    FakeGateway gateway;
    TestApp app;
    AdminClient admin;

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        app = TestApp.on(db.fresh()).with("hookbot.admin.token", TOKEN).with("hookbot.api.token", READER)
                .rules("bot.yml", "bot: b\nrules:\n  - name: all\n    then: [{reply: \"hi\"}]\n")
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url()).sendApiKey("k"))
                .with(TestChannel.mqttChat("chat").token("t"))
                .start();
        admin = new AdminClient(app, TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    private JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> add(String body) {
        return admin.post("/admin/opt-outs", "application/json", body);
    }

    @Test
    void anAddressAddedByAnOperatorGetsNothingUntilRemoved() throws Exception {
        JsonNode added = json(add("{\"channel\": \"sms-main\", \"address\": \" +15550100 \"}"), 201);
        assertEquals("+15550100", added.get("address").asText());
        assertEquals("ADMIN", added.get("source").asText());
        assertEquals("admin", added.get("actor").asText());
        assertEquals("sms-main", added.get("scope").asText());
        assertEquals(409, add("{\"channel\": \"sms-main\", \"address\": \"+15550100\"}").statusCode());
        JsonNode whatsapp = json(add("{\"channel\": \"sms-main\", \"address\": \"WhatsApp:+15550100\"}"), 201);
        assertEquals("whatsapp:+15550100", whatsapp.get("address").asText(), "spelt as a send to it is checked");

        app.post("sms-main", SmsBodies.JSON, SmsBodies.sms("+15550100", "hello"));
        Eventually.await("the reply suppressed", () -> app.count(
                "SELECT COUNT(*) FROM outbox_message WHERE status = 'SUPPRESSED'") == 1);

        JsonNode removed = json(admin.delete("/admin/opt-outs/" + added.get("id").asLong()), 200);
        assertEquals("+15550100", removed.get("address").asText());
        assertEquals(404, admin.delete("/admin/opt-outs/" + added.get("id").asLong()).statusCode());
        app.post("sms-main", SmsBodies.JSON, SmsBodies.sms("+15550100", "hello"));
        Eventually.await("the reply sent", () -> gateway.calls("/api/send/sms").size() == 1);
    }

    @Test
    void badCallsAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        assertEquals("channel", json(add("{\"channel\": \"nope\", \"address\": \"+1\"}"), 400).get("field").asText());
        JsonNode off = json(add("{\"channel\": \"chat\", \"address\": \"x\"}"), 400);
        assertTrue(off.get("message").asText().contains("does not honour opt-outs"), off.toString());
        assertEquals("address", json(add("{\"channel\": \"sms-main\"}"), 400).get("field").asText());
        assertEquals("address", json(add("{\"channel\": \"sms-main\", \"address\": 15550100}"), 400)
                .get("field").asText());
        assertEquals("address", json(add("{\"channel\": \"sms-main\", \"address\": \"+1\\u0000\"}"), 400)
                .get("field").asText());
        assertEquals("address", json(add("{\"channel\": \"sms-main\", \"address\": \"" + "1".repeat(301) + "\"}"),
                400).get("field").asText());
        assertEquals("body", json(add("[1]"), 400).get("field").asText());
        assertEquals("body", json(add("{"), 400).get("field").asText());
        assertEquals("limit", json(admin.get("/admin/opt-outs?limit=0"), 400).get("field").asText());
        assertEquals("before", json(admin.get("/admin/opt-outs?before=x"), 400).get("field").asText());
        assertEquals(403, new AdminClient(app, READER).post("/admin/opt-outs", "application/json",
                "{\"channel\": \"sms-main\", \"address\": \"+1\"}").statusCode());
        assertEquals(401, new AdminClient(app, null).get("/admin/opt-outs").statusCode());
        assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out"));
    }

    @Test
    void theListIsSearchedAndPagedNewestFirst() throws Exception {
        for (int i = 1; i <= 5; i++) {
            json(add("{\"channel\": \"sms-main\", \"address\": \"+1555010" + i + "\"}"), 201);
        }
        json(add("{\"channel\": \"sms-main\", \"address\": \"+44_100%\"}"), 201);
        JsonNode page = json(new AdminClient(app, READER).get("/admin/opt-outs?channel=sms-main&limit=2"), 200);
        assertEquals(2, page.get("optOuts").size());
        assertEquals("+44_100%", page.get("optOuts").get(0).get("address").asText());
        JsonNode next = json(admin.get("/admin/opt-outs?limit=10&before=" + page.get("next").asLong()), 200);
        assertEquals(4, next.get("optOuts").size());
        assertTrue(next.get("next").isNull());
        assertEquals("+15550104", next.get("optOuts").get(0).get("address").asText());
        JsonNode found = json(admin.get("/admin/opt-outs?q=0103"), 200);
        assertEquals(1, found.get("optOuts").size());
        assertEquals(1, json(admin.get("/admin/opt-outs?q=_100%25"), 200).get("optOuts").size(),
                "a search's % and _ are the characters themselves");
        assertEquals(0, json(admin.get("/admin/opt-outs?q=4_%25%25"), 200).get("optOuts").size());
    }

    @Test
    void anExportImportsAgainAndAWrongLineStopsTheWholeImport() throws Exception {
        String csv = "address,channel,note\r\n+15550101,sms-main,from the old system\n"
                + "\"whatsapp:+15550102\",sms-main,\"a, quoted \"\"note\"\"\"\n\n+15550101,sms-main,twice\n";
        JsonNode imported = json(admin.post("/admin/opt-outs/import", "text/csv", csv), 200);
        assertEquals(2, imported.get("added").asInt());
        assertEquals(1, imported.get("alreadyOptedOut").asInt());
        JsonNode row = json(admin.get("/admin/opt-outs?q=whatsapp"), 200).get("optOuts").get(0);
        assertEquals("IMPORT", row.get("source").asText());

        HttpResponse<String> export = admin.get("/admin/opt-outs/export?channel=sms-main");
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = export.body().split("\r\n");
        assertEquals("channel,address,scope,source,actor,event_id,opted_out_at", lines[0]);
        assertEquals(3, lines.length);
        try (var connection = app.connect(); var delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM opt_out");
        }
        assertEquals(2, json(admin.post("/admin/opt-outs/import", "text/csv", export.body()), 200)
                .get("added").asInt(), "an export imports again");

        String wrong = "channel,address\nsms-main,+15550200\nnope,+15550201\nsms-main,\nchat,x\nsms-main,\"+1\n";
        JsonNode refused = json(admin.post("/admin/opt-outs/import", "text/csv", wrong), 400);
        assertEquals("invalid_csv", refused.get("error").asText());
        assertEquals(1, refused.get("wrongLines").asInt(), refused.toString());
        assertEquals(6, refused.get("errors").get(0).get("line").asInt(), "an unclosed quote is named first");

        String wrongFields = "channel,address\nsms-main,+15550200\nnope,+15550201\nsms-main,\nchat,x\n";
        refused = json(admin.post("/admin/opt-outs/import", "text/csv", wrongFields), 400);
        assertEquals(3, refused.get("wrongLines").asInt(), refused.toString());
        assertEquals(3, refused.get("errors").get(0).get("line").asInt());
        assertEquals("channel", refused.get("errors").get(0).get("field").asText());
        assertEquals(4, refused.get("errors").get(1).get("line").asInt());
        assertEquals("address", refused.get("errors").get(1).get("field").asText());
        assertEquals(5, refused.get("errors").get(2).get("line").asInt());
        assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out WHERE address = '+15550200'"), "nothing stored");
        assertEquals("channel", json(admin.post("/admin/opt-outs/import", "text/csv", "phone\n+1\n"), 400)
                .get("field").asText());
        assertEquals(403, new AdminClient(app, READER).post("/admin/opt-outs/import", "text/csv", csv).statusCode());
    }
}
