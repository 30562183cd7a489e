package io.hookbot.presence;

import io.hookbot.api.MessageReceived;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The senders a batch of turns saw, each with the time of their latest message, kept in (channel, user) order. The
 * dispatcher moves their last-seen times once per transaction, in that order, rather than message by message: two
 * transactions whose conversations share users (one person in two Webinato rooms or Yalgaar channels) then take the
 * users' rows in the same order and cannot deadlock on them, and a user who wrote ten times is written once.
 */
public final class Sightings {

    private final Map<String, Sighting> latest = new TreeMap<>();

    /**
     * Notes a message's sender; a message without one is ignored. (A Webinato call's batch marker is not a message
     * and never comes here.)
     *
     * @param message the message
     */
    public void add(MessageReceived message) {
        if (message.sender() == null) {
            return;
        }
        Sighting sighting = new Sighting(message.channel(), message.sender().id(), message.sender().name(),
                message.timestamp());
        latest.merge(message.channel() + '\u0000' + message.sender().id(), sighting,
                (older, newer) -> newer.at().isBefore(older.at()) ? older : newer);
    }

    Iterable<Sighting> inOrder() {
        return latest.values();
    }

    record Sighting(String channel, String user, String name, Instant at) {
    }
}
