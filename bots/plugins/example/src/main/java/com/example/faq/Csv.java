package com.example.faq;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads simple CSV: one record per line, fields separated by commas, a field in double quotes may hold commas and
 * doubled quotes ({@code ""}). Enough for a hand-edited FAQ; fields never span lines.
 */
final class Csv {

    private Csv() {
    }

    /**
     * @param line   one line
     * @param number its line number, for the error
     * @return its fields
     * @throws IllegalArgumentException a quoted field is not closed
     */
    static List<String> fields(String line, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + number + ": a quoted field is not closed");
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
