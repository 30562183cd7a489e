package io.hookbot.testing.plugins;

import io.hookbot.api.PresenceChanged;
import io.hookbot.api.PresenceFilter;
import io.hookbot.api.PresenceView;
import io.hookbot.api.UserPresence;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presence facts a test gives a plugin: who is online, away or offline on which channel, and who is in which
 * meeting or Yalgaar channel. Every turn the {@link PluginTester} runs sees them through {@code turn.presence()},
 * answering as hookbot's own view does (same filter, same order, same {@link UserPresence#online()}).
 * <pre>
 * tester.presence().online("sms-main", "+639170000001").in("vcaas-main", "alice", "meeting-7");
 * </pre>
 */
public final class TestPresence implements PresenceView {

    private final Clock clock;
    private final Map<String, UserPresence> users = new ConcurrentHashMap<>();

    /** @param clock the clock whose time a fact is stamped with when it is given */
    TestPresence(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param channel the channel
     * @param user    the user's id
     * @param status  the user's status there from now on
     * @return this
     */
    public TestPresence status(String channel, String user, PresenceChanged.Status status) {
        UserPresence old = users.get(key(channel, user));
        Instant now = clock.instant();
        put(new UserPresence(channel, user, old == null ? null : old.name(), status, now, now,
                old == null ? Map.of() : old.scopes()));
        return this;
    }

    /** @param channel the channel @param user the user's id @return this, with the user online there */
    public TestPresence online(String channel, String user) {
        return status(channel, user, PresenceChanged.Status.ONLINE);
    }

    /** @param channel the channel @param user the user's id @return this, with the user offline there */
    public TestPresence offline(String channel, String user) {
        return status(channel, user, PresenceChanged.Status.OFFLINE);
    }

    /**
     * @param channel the channel
     * @param user    the user's id
     * @param scope   the meeting id or Yalgaar channel the user has joined
     * @return this
     */
    public TestPresence in(String channel, String user, String scope) {
        UserPresence old = users.get(key(channel, user));
        Map<String, PresenceChanged.Status> scopes = new TreeMap<>(old == null ? Map.of() : old.scopes());
        scopes.put(scope, PresenceChanged.Status.JOINED);
        Instant now = clock.instant();
        put(new UserPresence(channel, user, old == null ? null : old.name(), old == null ? null : old.status(),
                old == null ? null : old.since(), now, scopes));
        return this;
    }

    /**
     * Any fact at all, as hookbot would have it.
     *
     * @param user what is known of one user on one channel
     * @return this
     */
    public TestPresence user(UserPresence user) {
        put(user);
        return this;
    }

    /** Forgets every fact. */
    public void clear() {
        users.clear();
    }

    @Override
    public Optional<UserPresence> find(String channel, String user) {
        return Optional.ofNullable(users.get(key(channel, user)));
    }

    @Override
    public List<UserPresence> list(PresenceFilter filter) {
        return users.values().stream()
                .filter(u -> filter.channel() == null || filter.channel().equals(u.channel()))
                .filter(u -> filter.status() == null || filter.status() == u.status())
                .filter(u -> filter.scope() == null || u.scopes().containsKey(filter.scope()))
                .sorted(Comparator.comparing(UserPresence::channel).thenComparing(UserPresence::user))
                .limit(1000)
                .toList();
    }

    private void put(UserPresence user) {
        users.put(key(user.channel(), user.user()), user);
    }

    private static String key(String channel, String user) {
        return channel + "\u0000" + user;
    }
}
