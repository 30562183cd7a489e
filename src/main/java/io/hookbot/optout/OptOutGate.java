package io.hookbot.optout;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.Platform;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The check every outbound message passes where it becomes an outbox row, on that transaction: whether its
 * recipient opted out in its channel's scope. A message on a channel that does not honour opt-outs passes.
 */
@Singleton
public class OptOutGate {

    private final OptOutPolicies policies;
    private final ChannelRegistry channels;
    private final OptOutStore store;

    public OptOutGate(OptOutPolicies policies, ChannelRegistry channels, OptOutStore store) {
        this.policies = policies;
        this.channels = channels;
        this.store = store;
    }

    /**
     * A message on its way out, as the check needs it.
     *
     * @param channel   the channel it goes out on
     * @param replyTo   its address fields
     * @param recipient its outbox recipient
     */
    public record Outbound(String channel, Map<String, String> replyTo, String recipient) {
    }

    /**
     * A check for a batch of messages written in one go, which asks the registry once per recipient.
     *
     * @param connection the transaction the messages are written in
     * @return the check
     */
    public Check check(Connection connection) {
        return new Check(connection);
    }

    /**
     * Whether a send on a channel to a recipient, as a rule or plugin names it, would be suppressed.
     *
     * @param connection a transaction's connection
     * @param channel    the channel
     * @param to         the recipient, as {@code send.to}
     * @return whether the recipient opted out on that channel's scope; {@code false} for an unknown channel or one
     *         that does not honour opt-outs
     * @throws SQLException on a database error
     */
    public boolean optedOut(Connection connection, String channel, String to) throws SQLException {
        Optional<OptOutPolicy> policy = policies.enabled(channel);
        Optional<ChannelConfig> config = channels.find(channel);
        if (policy.isEmpty() || config.isEmpty() || to == null || to.isBlank()) {
            return false;
        }
        return store.contains(connection, policy.get().scope(), sendAddress(config.get(), to));
    }

    /**
     * @param channel a configured channel
     * @param to      a recipient on it, as a send names it (an operator types it so too)
     * @return the address its opt-out is recorded under: the one a send to it is checked against
     */
    public String sendAddress(ChannelConfig channel, String to) {
        Platform platform = channels.platformOf(channel);
        return platform.optOutAddress(platform.address(channel, to.trim()), to.trim());
    }

    /**
     * @param channel   the channel a message goes out on
     * @param replyTo   its address fields
     * @param recipient its outbox recipient
     * @return the address its opt-out is recorded under
     */
    public String address(String channel, Map<String, String> replyTo, String recipient) {
        return channels.find(channel).map(config -> channels.platformOf(config).optOutAddress(replyTo, recipient))
                .orElse(recipient);
    }

    /** One batch's check; not for use by two threads. */
    public final class Check {

        /** The most addresses asked in one statement. */
        private static final int BATCH = 100;

        private final Connection connection;
        private final Map<String, Boolean> known = new HashMap<>();

        private Check(Connection connection) {
            this.connection = connection;
        }

        /**
         * Asks the registry about a batch's recipients at once, one statement per scope (and per
         * {@value #BATCH}), so that a pass's many replies cost one round trip rather than one each; the answers
         * are then {@link #suppression}'s.
         *
         * @param messages each message's channel, address fields and recipient
         * @throws SQLException on a database error
         */
        public void prefetch(java.util.List<Outbound> messages) throws SQLException {
            Map<String, java.util.Set<String>> byScope = new HashMap<>();
            for (Outbound message : messages) {
                Optional<OptOutPolicy> policy = policies.enabled(message.channel());
                if (policy.isPresent()) {
                    String address = address(message.channel(), message.replyTo(), message.recipient());
                    if (!known.containsKey(policy.get().scope() + '\u0000' + address)) {
                        byScope.computeIfAbsent(policy.get().scope(), s -> new java.util.LinkedHashSet<>())
                                .add(address);
                    }
                }
            }
            for (Map.Entry<String, java.util.Set<String>> scope : byScope.entrySet()) {
                java.util.List<String> addresses = java.util.List.copyOf(scope.getValue());
                for (int from = 0; from < addresses.size(); from += BATCH) {
                    java.util.List<String> part = addresses.subList(from, Math.min(addresses.size(), from + BATCH));
                    java.util.Set<String> out = part.size() == 1
                            ? (store.contains(connection, scope.getKey(), part.get(0)) ? java.util.Set.of(part.get(0))
                            : java.util.Set.of())
                            : store.containing(connection, scope.getKey(), part);
                    for (String address : part) {
                        known.put(scope.getKey() + '\u0000' + address, out.contains(address));
                    }
                }
            }
        }

        /**
         * @param channel   the channel a message goes out on
         * @param replyTo   its address fields
         * @param recipient its outbox recipient
         * @return why it must not be sent (its recipient opted out), or empty if it may
         * @throws SQLException on a database error
         */
        public Optional<String> suppression(String channel, Map<String, String> replyTo, String recipient)
                throws SQLException {
            Optional<OptOutPolicy> policy = policies.enabled(channel);
            if (policy.isEmpty()) {
                return Optional.empty();
            }
            String scope = policy.get().scope();
            String address = address(channel, replyTo, recipient);
            String key = scope + '\u0000' + address;
            Boolean out = known.get(key);
            if (out == null) {
                out = store.contains(connection, scope, address);
                known.put(key, out);
            }
            // the reason names the scope, never the address: it is shown and may be logged
            return out ? Optional.of("opted out: the recipient is in the opt-out registry of scope " + scope)
                    : Optional.empty();
        }
    }
}
