package io.hookbot.channel;

/**
 * What happened to the events of one webhook call in the inbox.
 *
 * @param stored     events stored for processing
 * @param duplicates events that had been stored before (a redelivery) and were left alone
 */
public record StoreOutcome(int stored, int duplicates) {

    /**
     * @return {@code {"stored":n,"duplicates":n}}, the acknowledgement most platforms get, written without a JSON
     *         library: it is on every webhook's path, and serializing this record took Jackson a few percent of the
     *         event loop's time
     */
    public String json() {
        return "{\"stored\":" + stored + ",\"duplicates\":" + duplicates + "}";
    }
}
