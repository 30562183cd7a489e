package io.hookbot.inbox.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hookbot.channel.Digests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Journaled events that the inbox table refused for good (a value the database cannot hold: an event written by an
 * older version, or a check the edge does not make), kept aside so that the journal behind them goes on and a
 * restart never replays them into the same dead end. They were acknowledged, so they are not thrown away: each is
 * a file ({@code q-<id>.json}: the event as it would be inserted, the error and when) in a folder beside the
 * journal ({@code data/hookbot.quarantine/}), listed, retried and dropped through the admin API. The id is derived
 * from the channel and dedupe key, so a redelivery of a quarantined event replaces its file instead of adding one.
 *
 * <p>A file is written whole (to a temporary name, forced to the disk, then renamed) before the journal lets go
 * of its record. Only the embedded H2 has a journal, so only it can have a quarantine; on PostgreSQL a call whose
 * data the table refuses is answered with a 4xx before it is acknowledged.
 */
public final class InboxQuarantine {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern FILE = Pattern.compile("q-([0-9a-f]{16})\\.json");

    private final Path folder;

    private InboxQuarantine(Path folder) {
        this.folder = folder;
    }

    /**
     * @param folder the quarantine's folder, created if missing
     * @return the quarantine
     * @throws IOException if the folder cannot be made
     */
    public static InboxQuarantine open(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new InboxQuarantine(folder);
    }

    /**
     * Keeps an event aside, durably, replacing an earlier copy of the same event.
     *
     * @param event the event as it would be inserted
     * @param error why the table refused it, without its values
     * @param at    now
     * @return the entry
     * @throws IOException if the file cannot be written
     */
    public synchronized Entry put(NewEvent event, String error, Instant at) throws IOException {
        Entry entry = new Entry(idOf(event.channel(), event.dedupeKey()), event, error, at);
        Path target = folder.resolve("q-" + entry.id() + ".json");
        Path temporary = folder.resolve("q-" + entry.id() + ".json.tmp");
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            file.write(ByteBuffer.wrap(JSON.writeValueAsBytes(new Stored(event, error, at))));
            file.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return entry;
    }

    /**
     * @return every entry, the oldest first
     * @throws IOException if the folder cannot be read
     */
    synchronized List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "q-*.json")) {
            for (Path file : files) {
                var name = FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    read(name.group(1)).ifPresent(entries::add);
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::quarantinedAt).thenComparing(Entry::id));
        return entries;
    }

    /**
     * @param id an entry's id
     * @return the entry, if it is here
     * @throws IOException if its file cannot be read
     */
    synchronized Optional<Entry> find(String id) throws IOException {
        return FILE.matcher("q-" + id + ".json").matches() ? read(id) : Optional.empty();
    }

    /**
     * @param id an entry's id
     * @return whether it was here (and is gone now)
     * @throws IOException if its file cannot be deleted
     */
    synchronized boolean remove(String id) throws IOException {
        return FILE.matcher("q-" + id + ".json").matches() && Files.deleteIfExists(folder.resolve("q-" + id + ".json"));
    }

    /**
     * @return how many entries there are
     * @throws IOException if the folder cannot be read
     */
    synchronized int count() throws IOException {
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "q-*.json")) {
            for (Path file : files) {
                count += FILE.matcher(file.getFileName().toString()).matches() ? 1 : 0;
            }
        }
        return count;
    }

    private Optional<Entry> read(String id) throws IOException {
        try {
            Stored stored = JSON.readValue(Files.readAllBytes(folder.resolve("q-" + id + ".json")), Stored.class);
            return Optional.of(new Entry(id, stored.event(), stored.error(), stored.quarantinedAt()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** 16 hex digits of a SHA-256 of channel and dedupe key. */
    static String idOf(String channel, String dedupeKey) {
        return Digests.sha256Hex(channel + "\n" + dedupeKey).substring(0, 16);
    }

    /**
     * One quarantined event.
     *
     * @param id            its id, for the admin API
     * @param event         the event as it would be inserted
     * @param error         why the table refused it
     * @param quarantinedAt when it was put aside
     */
    public record Entry(String id, NewEvent event, String error, Instant quarantinedAt) {
    }

    /** A file's content. */
    private record Stored(NewEvent event, String error, Instant quarantinedAt) {
    }
}
