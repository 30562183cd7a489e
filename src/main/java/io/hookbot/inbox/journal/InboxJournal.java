package io.hookbot.inbox.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The inbox's write-ahead journal on the embedded H2: the events of an acknowledged webhook are appended here, and
 * the acknowledgement goes out, before they are written to the database; the {@link JournalingIntake} moves them
 * into the inbox table behind the acknowledgements and then {@link #release releases} them. Whatever was appended and not
 * released when the process died is {@link #recovered() read back} at the next start and stored then, exactly as a
 * redelivery would be (the dedupe key makes storing it twice a no-op).
 *
 * <p>The journal is a folder of segment files ({@code segment-<n>.log}), each a sequence of records
 * {@code [length][CRC-32C][bytes]}. An append is one write to the operating system, which is the durability the
 * embedded database gives its own commits ({@link io.hookbot.db.DurableWrites}): it survives {@code kill -9}, not a
 * power cut. A record cut short by a crash was never acknowledged; reading stops there and cuts it off. When every
 * record has been released the live segment is emptied; a segment grown past {@value #SEGMENT_BYTES} bytes is
 * closed and deleted once all its records are released.
 *
 * <p>The {@link JournalingIntake} appends under its lock and releases from the inbox writer's thread; every method
 * here is {@code synchronized}.
 */
public final class InboxJournal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{12})\\.log");
    /** A live segment larger than this is closed and a new one started. */
    static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    /** Larger than any webhook can make (the server refuses bodies over a few MB); a longer length is damage. */
    static final int MAX_RECORD = 256 * 1024 * 1024;
    private static final int HEADER = 8;

    private final Path folder;
    private final Deque<Segment> closed = new ArrayDeque<>();
    private final List<byte[]> recovered;
    private long nextIndex;
    private Segment live;
    private FileChannel channel;
    private long lastAppended;
    private long released;
    private boolean broken;

    private InboxJournal(Path folder, List<byte[]> recovered, List<Segment> recoveredSegments, long nextIndex)
            throws IOException {
        this.folder = folder;
        this.recovered = recovered;
        this.closed.addAll(recoveredSegments);
        this.lastAppended = recovered.size();
        this.nextIndex = nextIndex;
        startSegment();
    }

    /**
     * Opens the journal in a folder (created if missing), reading back every record a previous process left in it.
     *
     * @param folder the journal's folder
     * @return the journal; its first {@link #recovered()}{@code .size()} sequence numbers are the recovered records
     * @throws IOException if the folder cannot be read or written
     */
    public static InboxJournal open(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        long nextIndex = 1;
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                Matcher name = SEGMENT.matcher(file.getFileName().toString());
                if (name.matches()) {
                    files.add(file);
                    nextIndex = Math.max(nextIndex, Long.parseLong(name.group(1)) + 1);
                }
            }
        }
        Collections.sort(files);
        List<byte[]> records = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        for (Path file : files) {
            if (readSegment(file, records)) {
                segments.add(new Segment(file, records.size()));
            } else {
                Files.delete(file);
            }
        }
        if (!records.isEmpty()) {
            LOG.info("Inbox journal {}: {} acknowledged webhook(s) not yet in the inbox table are stored again",
                    folder, records.size());
        }
        return new InboxJournal(folder, records, segments, nextIndex);
    }

    /** Reads a segment's whole records into {@code records}; false if it holds none. */
    private static boolean readSegment(Path file, List<byte[]> records) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = in.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (position < size) {
                header.clear();
                if (readFully(in, header, position) < HEADER) {
                    break;
                }
                int length = header.getInt(0);
                int crc = header.getInt(4);
                if (length <= 0 || length > MAX_RECORD || position + HEADER + length > size) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                readFully(in, body, position + HEADER);
                if (crc(body.array()) != crc) {
                    break;
                }
                records.add(body.array());
                position += HEADER + length;
            }
            if (position < size) {
                LOG.warn("Inbox journal {}: {} bytes after offset {} are not a whole record (a write cut short by a "
                        + "crash, never acknowledged); cut off", file, size - position, position);
                in.truncate(position);
            }
            return position > 0;
        }
    }

    private static int readFully(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int read = in.read(buffer, position + total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        return total;
    }

    /**
     * @return the records a previous process appended and had not released, oldest first; their sequence numbers
     *         are 1 to {@code size()}
     */
    synchronized List<byte[]> recovered() {
        return recovered;
    }

    /**
     * Appends a record: one write to the operating system, done when this returns.
     *
     * @param record the bytes
     * @return its sequence number, one more than the previous record's
     * @throws IOException if it could not be written (nothing of it is left in the journal then)
     */
    public synchronized long append(byte[] record) throws IOException {
        if (broken) {
            throw new IOException("the inbox journal " + folder + " failed earlier and takes no more records");
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + record.length);
        buffer.putInt(record.length).putInt(crc(record)).put(record).flip();
        long before = live.size;
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            try {
                channel.truncate(before);
            } catch (IOException again) {
                // a partial record followed by later ones would hide them from recovery: stop appending
                broken = true;
                e.addSuppressed(again);
            }
            throw e;
        }
        live.size = before + buffer.limit();
        live.last = ++lastAppended;
        if (live.size >= SEGMENT_BYTES) {
            closed.addLast(live);
            channel.close();
            startSegment();
        }
        return lastAppended;
    }

    /**
     * Forgets every record up to a sequence number: they are in the database, on the disk. Empties the live segment
     * when nothing is left in it and deletes closed segments with nothing left.
     *
     * @param sequence the last record now in the database
     * @throws IOException if a segment could not be emptied or deleted
     */
    synchronized void release(long sequence) throws IOException {
        released = Math.max(released, sequence);
        while (!closed.isEmpty() && closed.peekFirst().last <= released) {
            Files.deleteIfExists(closed.pollFirst().file);
        }
        if (live.size > 0 && live.last <= released) {
            channel.truncate(0);
            live.size = 0;
        }
    }

    /** @return how many records were appended and are not yet released */
    synchronized long unreleased() {
        return lastAppended - released;
    }

    /** Closes the file; a journal with nothing unreleased leaves no segment behind. */
    @Override
    public synchronized void close() throws IOException {
        channel.close();
        if (live.size == 0) {
            Files.deleteIfExists(live.file);
        }
    }

    private void startSegment() throws IOException {
        Path file = folder.resolve(String.format("segment-%012d.log", nextIndex++));
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        live = new Segment(file, lastAppended);
        live.size = channel.size();
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** A segment file and the sequence number of its last record. */
    private static final class Segment {
        final Path file;
        long last;
        long size;

        Segment(Path file, long last) {
            this.file = file;
            this.last = last;
        }
    }
}
