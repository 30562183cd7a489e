package io.hookbot.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV of the opt-out import and export (RFC 4180: fields separated by commas, a field holding a comma, quote or
 * line break quoted with {@code "}, a quote in it doubled). Lines end with CRLF or LF.
 */
final class OptOutCsv {

    private OptOutCsv() {
    }

    /** A line that could not be read as CSV. */
    static final class Malformed extends Exception {
        final int line;

        Malformed(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /**
     * @param text the CSV
     * @return its records, each with the number of the line it starts on, blank lines left out
     * @throws Malformed at a quote that is never closed or text after a closing quote
     */
    static List<Record> read(String text) throws Malformed {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                add(records, recordLine, fields);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (afterQuote) {
                throw new Malformed(line, "text after a closing quote; a quote inside a field is written twice (\"\")");
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Malformed(recordLine, "a quoted field is never closed");
        }
        fields.add(field.toString());
        add(records, recordLine, fields);
        return records;
    }

    private static void add(List<Record> records, int line, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            return;
        }
        records.add(new Record(line, List.copyOf(fields)));
    }

    /**
     * @param fields a record's fields
     * @return the line, with its CRLF
     */
    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = fields.get(i) == null ? "" : fields.get(i);
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                out.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                out.append(value);
            }
        }
        return out.append("\r\n").toString();
    }

    /**
     * @param line   the line it starts on, from 1
     * @param fields its fields
     */
    record Record(int line, List<String> fields) {
    }
}
