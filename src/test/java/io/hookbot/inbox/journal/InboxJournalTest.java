package io.hookbot.inbox.journal;

import io.hookbot.inbox.InboxStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal's file format, its recovery after a crash, and when it lets go of its files. */
class InboxJournalTest {

    @TempDir
    Path folder;

    @Test
    void whatWasAppendedAndNotReleasedIsReadBackInOrderAfterARestart() throws IOException {
        try (InboxJournal journal = InboxJournal.open(folder)) {
            assertEquals(1, journal.append(bytes("first")));
            assertEquals(2, journal.append(bytes("second")));
            assertEquals(3, journal.append(bytes("third")));
            journal.release(1);
            assertEquals(2, journal.unreleased());
        }

        try (InboxJournal reopened = InboxJournal.open(folder)) {
            assertEquals(List.of("first", "second", "third"), texts(reopened.recovered()),
                    "a release empties nothing while later records share the segment; replaying the first is a no-op");
            assertEquals(4, reopened.append(bytes("fourth")), "numbers go on after the recovered records");
        }
    }

    @Test
    void releasingEverythingEmptiesTheJournalAndACleanCloseLeavesNoFile() throws IOException {
        try (InboxJournal journal = InboxJournal.open(folder)) {
            journal.append(bytes("one"));
            journal.append(bytes("two"));
            journal.release(2);
            assertEquals(0, journal.unreleased());
            assertEquals(0, Files.size(segments().get(0)), "the live segment is emptied");
        }
        assertEquals(List.of(), segments());
        try (InboxJournal reopened = InboxJournal.open(folder)) {
            assertEquals(List.of(), reopened.recovered());
        }
    }

    @Test
    void aRecordCutShortByACrashIsCutOffAndTheWholeOnesBeforeItAreKept() throws IOException {
        try (InboxJournal journal = InboxJournal.open(folder)) {
            journal.append(bytes("kept"));
            journal.append(bytes("also kept"));
        }
        Path segment = segments().get(0);
        long whole = Files.size(segment);
        // a header announcing 100 bytes, and only 3 of them: the process died in the middle of the write
        Files.write(segment, new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 'a', 'b', 'c'}, StandardOpenOption.APPEND);

        try (InboxJournal reopened = InboxJournal.open(folder)) {
            assertEquals(List.of("kept", "also kept"), texts(reopened.recovered()));
            assertEquals(whole, Files.size(segment), "the torn record is cut off the file");
        }
    }

    @Test
    void aRecordWhoseChecksumDoesNotMatchEndsTheSegment() throws IOException {
        try (InboxJournal journal = InboxJournal.open(folder)) {
            journal.append(bytes("good"));
            journal.append(bytes("damaged"));
        }
        Path segment = segments().get(0);
        byte[] content = Files.readAllBytes(segment);
        content[content.length - 1] ^= 0x55;
        Files.write(segment, content);

        try (InboxJournal reopened = InboxJournal.open(folder)) {
            assertEquals(List.of("good"), texts(reopened.recovered()));
        }
    }

    @Test
    void aFullSegmentIsClosedAndDeletedOnlyOnceAllItsRecordsAreReleased() throws IOException {
        byte[] big = new byte[(int) (InboxJournal.SEGMENT_BYTES / 4)];
        try (InboxJournal journal = InboxJournal.open(folder)) {
            for (int i = 0; i < 4; i++) {
                journal.append(big);
            }
            journal.append(bytes("in the second segment"));
            assertEquals(2, segments().size(), "the first segment was closed when it passed its size");

            journal.release(3);
            assertEquals(2, segments().size(), "record 4 is still in the first segment");
            journal.release(4);
            assertEquals(1, segments().size(), "the first segment is deleted once all four are released");
        }
        try (InboxJournal reopened = InboxJournal.open(folder)) {
            assertEquals(List.of("in the second segment"), texts(reopened.recovered()));
        }
    }

    @Test
    void aRecordHoldsAWebhooksEventsExactly() throws IOException {
        Instant at = Instant.parse("2026-11-21T10:15:30.123456Z");
        List<NewEvent> events = List.of(
                new NewEvent("yal", "message:000001700000:ab", "lobby-1", "MessageReceived",
                        "{\"text\":\"héllo ✓\"}", at),
                new NewEvent("yal", "", "", "PresenceChanged", "{}", at.plusSeconds(1)));

        assertEquals(events, JournalRecords.decode(JournalRecords.encode(events)));
        byte[] record = JournalRecords.encode(events);
        assertThrows(IOException.class, () -> JournalRecords.decode(Arrays.copyOf(record, record.length - 1)));
        assertThrows(IOException.class, () -> JournalRecords.decode(Arrays.copyOf(record, record.length + 1)));
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.sorted().toList();
            assertTrue(found.stream().allMatch(f -> f.getFileName().toString().matches("segment-\\d{12}\\.log")));
            return found;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> records) {
        return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }
}
