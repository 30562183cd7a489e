package io.hookbot.bot.rules;

import io.hookbot.api.PresenceChanged;
import io.hookbot.api.UserPresence;

import java.util.Optional;
import java.util.Set;

/**
 * A user's presence in the words of rule files, shared by the {@code presence} condition and the
 * {@code {{presence.<user>}}} template variable. On a channel as a whole a user is {@code online} (away counts as
 * online, as it does in {@link UserPresence#online()}; being in a meeting or a Yalgaar channel too), also
 * {@code away} when that is the status, or else {@code offline}; a user never seen is {@code offline}. In a scope
 * (a meeting, a Yalgaar channel) a user is {@code joined} or {@code waiting}, both of which count as
 * {@code online}, or else {@code left} and {@code offline}.
 */
final class PresenceWords {

    /** The words a rule may ask for on a channel as a whole. */
    static final Set<String> CHANNEL_WORDS = Set.of("online", "offline", "away");
    /** The words a rule may ask for in a scope. */
    static final Set<String> SCOPE_WORDS = Set.of("online", "offline", "joined", "waiting", "left");

    private PresenceWords() {
    }

    /**
     * @param presence what is known of the user, or empty if never seen
     * @param scope    a meeting or Yalgaar channel, or {@code null} for the channel as a whole
     * @return the words that describe the user now
     */
    static Set<String> of(Optional<UserPresence> presence, String scope) {
        if (scope != null) {
            PresenceChanged.Status in = presence.map(p -> p.scopes().get(scope)).orElse(null);
            if (in == PresenceChanged.Status.JOINED) {
                return Set.of("joined", "online");
            }
            if (in == PresenceChanged.Status.WAITING) {
                return Set.of("waiting", "online");
            }
            return Set.of("left", "offline");
        }
        if (presence.isEmpty() || !presence.get().online()) {
            return Set.of("offline");
        }
        return presence.get().status() == PresenceChanged.Status.AWAY ? Set.of("online", "away") : Set.of("online");
    }

    /**
     * @param presence what is known of the user, or empty if never seen
     * @return one word for a template: {@code away}, {@code online} or {@code offline}
     */
    static String word(Optional<UserPresence> presence) {
        Set<String> words = of(presence, null);
        return words.contains("away") ? "away" : words.contains("online") ? "online" : "offline";
    }
}
