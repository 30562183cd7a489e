package io.hookbot.inbox.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Lets the {@link InboxJournal} go of records once the commit that inserted their events is on the disk, and makes
 * it so now and then rather than at every insert. The inbox writer inserts each group in a commit that H2 writes to
 * its file within its {@code WRITE_DELAY}; at most every {@value #EVERY_MS} ms, and whenever the writer is idle, it
 * writes every commit so far ({@link EventTable#writeCommits}) and releases the records inserted before that.
 *
 * <p>Why not write each group's commit before releasing it, as the intake did? Each write serializes every page
 * changed since the last, and one per group commit (hundreds a second under load) was the embedded database's
 * largest single cost (docs/benchmarks.md, "Where one webhook's CPU goes"). Nothing is given up: until its records
 * are released, an acknowledged event is in the journal, and what a crash leaves there is stored again at the next
 * start, where the dedupe key makes an event already in the table a no-op. A turn of an event whose insert did not
 * reach the file did not reach it either (H2 writes its commits in order), so the event is simply turned again, as
 * a turn lost to a crash always was.
 *
 * <p>Used by the writer's thread, and once more when the intake closes.
 */
final class JournalRelease {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRelease.class);
    /** The longest the writer goes without writing its commits to the file while it inserts. */
    static final long EVERY_MS = 20;

    private final InboxJournal journal;
    private final EventTable table;
    private long insertedUpTo;
    private long released;
    private long lastWrite = System.nanoTime();

    JournalRelease(InboxJournal journal, EventTable table) {
        this.journal = journal;
        this.table = table;
    }

    /**
     * @param sequence the journal record up to which every event is now in the table (committed, maybe not yet on
     *                 the disk)
     */
    synchronized void inserted(long sequence) {
        insertedUpTo = Math.max(insertedUpTo, sequence);
    }

    /**
     * Writes the commits and releases what they hold, if the last write is {@value #EVERY_MS} ms old or the writer
     * has nothing else to do.
     *
     * @param idle whether the writer found nothing to insert
     * @throws Exception when the commits could not be written (nothing is released then)
     */
    synchronized void releaseIfDue(boolean idle) throws Exception {
        if (insertedUpTo == released) {
            return;
        }
        if (!idle && System.nanoTime() - lastWrite < TimeUnit.MILLISECONDS.toNanos(EVERY_MS)) {
            return;
        }
        long upTo = insertedUpTo;
        table.writeCommits();
        lastWrite = System.nanoTime();
        try {
            journal.release(upTo);
            released = upTo;
        } catch (IOException e) {
            LOG.warn("Inbox journal: could not drop records already in the table ({}); they are stored again, as "
                    + "redeliveries, at the next start", e.toString());
        }
    }
}
