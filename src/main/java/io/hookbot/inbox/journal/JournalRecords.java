package io.hookbot.inbox.journal;


import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one {@link InboxJournal} record: the new events of one webhook call, as they will be inserted.
 * A count, then per event its arrival time (epoch microseconds) and five length-prefixed UTF-8 strings: channel,
 * dedupe key, conversation, event type, payload.
 */
public final class JournalRecords {

    private JournalRecords() {
    }

    /**
     * @param events the events of one call
     * @return the record's bytes
     */
    public static byte[] encode(List<NewEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * events.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(events.size());
            for (NewEvent event : events) {
                Instant at = event.receivedAt();
                out.writeLong(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
                write(out, event.channel());
                write(out, event.dedupeKey());
                write(out, event.conversation());
                write(out, event.type());
                write(out, event.payload());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param record a record's bytes, as {@link #encode} wrote them
     * @return its events
     * @throws IOException if the bytes are not such a record
     */
    public static List<NewEvent> decode(byte[] record) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            int count = in.readInt();
            if (count < 0 || count > record.length) {
                throw new IOException("not a journal record: " + count + " events");
            }
            List<NewEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long micros = in.readLong();
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L);
                events.add(new NewEvent(read(in), read(in), read(in), read(in), read(in), at));
            }
            if (in.available() > 0) {
                throw new IOException("not a journal record: " + in.available() + " bytes after the last event");
            }
            return events;
        }
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("not a journal record: a string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
