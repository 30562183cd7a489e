package io.hookbot.cli;

import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.PresenceFilter;
import io.hookbot.api.PresenceView;
import io.hookbot.api.UserPresence;
import io.hookbot.bot.rules.StateActions;
import io.hookbot.api.Action;
import io.hookbot.bot.rules.TurnLookups;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code replay} remembers between the events it replays, in memory, as the server keeps it in its database:
 * each conversation's state, who is present (presence changes applied in the order replayed), and which senders
 * have written on each channel.
 */
final class ReplayMemory implements PresenceView {

    private final Map<String, Map<String, String>> states = new HashMap<>();
    private final Map<String, UserPresence> presence = new LinkedHashMap<>();
    private final Set<String> senders = new HashSet<>();

    /**
     * Takes in what an event says before the rules see it, as the dispatcher does.
     *
     * @param event the event
     * @return the lookups for its turn
     */
    TurnLookups before(Event event) {
        boolean first = false;
        if (event instanceof PresenceChanged change) {
            apply(change);
        } else if (event instanceof MessageReceived message && message.sender() != null) {
            first = senders.add(message.channel() + "\n" + message.sender().id());
            UserPresence known = presence.get(key(message.channel(), message.sender().id()));
            presence.put(key(message.channel(), message.sender().id()), known != null
                    ? new UserPresence(known.channel(), known.user(), known.name(), known.status(), known.since(),
                    message.timestamp(), known.scopes())
                    : new UserPresence(message.channel(), message.sender().id(), message.sender().name(), null, null,
                    message.timestamp(), Map.of()));
        }
        return TurnLookups.of(this, first);
    }

    /** @return the state of the event's conversation, to be changed by the turn's actions */
    Map<String, String> state(Event event) {
        return states.computeIfAbsent(event.channel() + "\n" + event.conversation(), k -> new HashMap<>());
    }

    /** Applies a turn's state actions to its conversation's state. */
    void after(Event event, List<Action> actions) {
        Map<String, String> state = state(event);
        actions.forEach(action -> StateActions.apply(action, state));
    }

    @Override
    public Optional<UserPresence> find(String channel, String user) {
        return Optional.ofNullable(presence.get(key(channel, user)));
    }

    @Override
    public List<UserPresence> list(PresenceFilter filter) {
        List<UserPresence> matching = new ArrayList<>();
        for (UserPresence p : presence.values()) {
            if ((filter.channel() == null || filter.channel().equals(p.channel()))
                    && (filter.status() == null || filter.status() == p.status())
                    && (filter.scope() == null || p.scopes().containsKey(filter.scope()))) {
                matching.add(p);
            }
        }
        return matching;
    }

    private void apply(PresenceChanged change) {
        String channel = change.channel();
        if (PresenceChanged.EVERYONE.equals(change.user().id())) {
            presence.replaceAll((k, p) -> p.channel().equals(channel)
                    ? new UserPresence(p.channel(), p.user(), p.name(), PresenceChanged.Status.OFFLINE,
                    change.timestamp(), p.lastSeen(), Map.of()) : p);
            return;
        }
        UserPresence known = presence.get(key(channel, change.user().id()));
        Map<String, PresenceChanged.Status> scopes = new HashMap<>(known == null ? Map.of() : known.scopes());
        if (change.scope() != null) {
            if (change.status() == PresenceChanged.Status.JOINED || change.status() == PresenceChanged.Status.WAITING) {
                scopes.put(change.scope(), change.status());
            } else {
                scopes.remove(change.scope());
            }
        }
        boolean same = known != null && known.status() == change.status();
        presence.put(key(channel, change.user().id()), new UserPresence(channel, change.user().id(),
                change.user().name() != null ? change.user().name() : known == null ? null : known.name(),
                change.status(), same ? known.since() : change.timestamp(), change.timestamp(), scopes));
    }

    private static String key(String channel, String user) {
        return channel + "\n" + user;
    }
}
