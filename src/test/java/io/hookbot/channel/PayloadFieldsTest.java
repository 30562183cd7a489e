package io.hookbot.channel;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The list reader names each element by its index, so a platform's 400 points at the one bad entry. */
class PayloadFieldsTest {

    private static PayloadFields read(String json) throws WebhookRejection {
        JsonNode root = PayloadDecoder.json(json.getBytes(StandardCharsets.UTF_8));
        return PayloadFields.of(root).object("items");
    }

    @Test
    void elementsAreNamedByTheirIndex() throws WebhookRejection {
        List<PayloadFields> data = read("{\"items\":{\"data\":[{\"t\":\"1\"},{\"t\":\"x\"}]}}").objects("data");

        assertEquals(2, data.size());
        assertEquals(1, data.get(0).integer("t"));
        WebhookRejection bad = assertThrows(WebhookRejection.class, () -> data.get(1).integer("t"));
        assertEquals("items.data[1].t", bad.field());
    }

    @Test
    void aMissingListAListOfNonObjectsOrANonListAreNamed() throws WebhookRejection {
        PayloadFields items = read("{\"items\":{\"data\":[{},3],\"other\":\"x\"}}");

        assertEquals("items.data[1]", assertThrows(WebhookRejection.class, () -> items.objects("data")).field());
        assertEquals("items.other", assertThrows(WebhookRejection.class, () -> items.objects("other")).field());
        assertEquals("items.none", assertThrows(WebhookRejection.class, () -> items.objects("none")).field());
    }

    @Test
    void anEmptyListIsValid() throws WebhookRejection {
        assertEquals(List.of(), read("{\"items\":{\"data\":[]}}").objects("data"));
    }
}
