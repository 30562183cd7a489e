package io.hookbot.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** A stored event's JSON, shown as JSON in an admin answer; a payload that is not JSON is shown as its text. */
final class StoredPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredPayloads() {
    }

    /**
     * @param payload an {@code inbox_event.payload}
     * @return its tree, or the text itself
     */
    static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(payload);
        }
    }
}
