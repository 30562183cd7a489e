package io.hookbot.bot.rules.yaml;

import java.util.List;
import java.util.Optional;

/** A node of a YAML document, with the place it starts at. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** @return where the node starts */
    Location location();

    /** @return what the node is, in words for an error message: "a mapping", "a list", "a text"… */
    String describe();

    /**
     * A mapping, its entries in the order written.
     *
     * @param location where it starts
     * @param entries  its entries; keys are unique
     */
    record Mapping(Location location, List<Entry> entries) implements YamlNode {

        public Mapping {
            entries = List.copyOf(entries);
        }

        /**
         * @param key a key
         * @return its value, if present
         */
        public Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        /**
         * @param key a key
         * @return its entry, if present
         */
        public Optional<Entry> entry(String key) {
            for (Entry entry : entries) {
                if (entry.key().equals(key)) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /**
     * One key and its value.
     *
     * @param key         the key
     * @param keyLocation where the key is written
     * @param value       the value
     */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    /**
     * A list.
     *
     * @param location where it starts
     * @param items    its items
     */
    record Sequence(Location location, List<YamlNode> items) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A single value.
     *
     * @param location where it starts
     * @param text     the value as written (without quotes); {@code null} for YAML's null
     * @param type     what YAML made of it
     */
    record Scalar(Location location, String text, Type type) implements YamlNode {

        /** @return whether this is YAML's null ({@code ~}, {@code null} or nothing) */
        public boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String describe() {
            return switch (type) {
                case NULL -> "empty";
                case BOOLEAN -> "the boolean " + text;
                case NUMBER -> "the number " + text;
                case TEXT -> "the text '" + text + "'";
            };
        }

        /** What a scalar was read as. */
        public enum Type {
            /** Text. */
            TEXT,
            /** An integer or decimal number. */
            NUMBER,
            /** {@code true} or {@code false}. */
            BOOLEAN,
            /** Nothing. */
            NULL
        }
    }
}
