package io.hookbot.optout;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.Platform;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every channel's {@link OptOutPolicy}, read and checked once at startup from
 * {@code hookbot.channels.<name>.opt-out.*}: a wrong value stops the start with the setting's name. On by default
 * where the channel's platform says so ({@link Platform#optOutByDefault()}: sms-gateway's SMS and WhatsApp), off
 * elsewhere; a rule cannot turn it off, only the channel's settings.
 */
@Singleton
public class OptOutPolicies {

    /** The keywords carriers honour in English, the defaults. */
    static final List<String> STOP_WORDS = List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final List<String> START_WORDS = List.of("START", "UNSTOP", "YES");
    static final List<String> HELP_WORDS = List.of("HELP", "INFO");
    static final String STOP_REPLY = "You are unsubscribed and will get no more messages from this number. "
            + "Reply START to subscribe again.";
    static final String START_REPLY = "You are subscribed again. Reply STOP to unsubscribe, HELP for help.";
    static final String HELP_REPLY = "Reply STOP to unsubscribe, START to subscribe again.";
    /** The longest confirmation: ten SMS segments. */
    static final int MAX_REPLY = 1600;
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Map<String, OptOutPolicy> policies;

    public OptOutPolicies(ChannelRegistry channels) {
        Map<String, OptOutPolicy> read = new HashMap<>();
        Map<String, String> platformOfScope = new TreeMap<>();
        for (ChannelConfig channel : channels.all()) {
            Platform platform = channels.platformOf(channel);
            OptOutPolicy policy = read(channel, platform.optOutByDefault());
            String before = policy.enabled() ? platformOfScope.putIfAbsent(policy.scope(), channel.platform()) : null;
            if (before != null && !before.equals(channel.platform())) {
                throw new ChannelConfigException(key(channel, "scope") + " is '" + policy.scope()
                        + "', a scope of " + before + " channels: channels share opt-outs only within one platform");
            }
            read.put(channel.name(), policy);
        }
        this.policies = Map.copyOf(read);
    }

    /**
     * @param channel a channel name
     * @return its policy, if the channel is configured
     */
    public Optional<OptOutPolicy> of(String channel) {
        return Optional.ofNullable(policies.get(channel));
    }

    /**
     * @param channel a channel name
     * @return its policy if the channel is configured and honours opt-outs
     */
    public Optional<OptOutPolicy> enabled(String channel) {
        OptOutPolicy policy = policies.get(channel);
        return policy != null && policy.enabled() ? Optional.of(policy) : Optional.empty();
    }

    private static OptOutPolicy read(ChannelConfig channel, boolean byDefault) {
        boolean enabled = channel.setting("opt-out.enabled").map(value -> bool(channel, value)).orElse(byDefault);
        String scope = channel.setting("opt-out.scope").map(String::trim).orElse(channel.name());
        if (!SCOPE.matcher(scope).matches()) {
            throw new ChannelConfigException(key(channel, "scope") + " must be 1 to 100 letters, digits, '.', '_' "
                    + "or '-', not '" + scope + "'");
        }
        Set<String> stop = words(channel, "stop-words", STOP_WORDS, false);
        Set<String> start = words(channel, "start-words", START_WORDS, true);
        Set<String> help = words(channel, "help-words", HELP_WORDS, true);
        twice(channel, stop, "stop-words", start, "start-words");
        twice(channel, stop, "stop-words", help, "help-words");
        twice(channel, start, "start-words", help, "help-words");
        String confirmWith = channel.setting("opt-out.confirm-with").map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElse("hookbot");
        OptOutPolicy.ConfirmWith confirm = switch (confirmWith) {
            case "hookbot" -> OptOutPolicy.ConfirmWith.HOOKBOT;
            case "rules" -> OptOutPolicy.ConfirmWith.RULES;
            default -> throw new ChannelConfigException(key(channel, "confirm-with") + " must be hookbot or rules, "
                    + "not '" + confirmWith + "'");
        };
        return new OptOutPolicy(channel.name(), enabled, scope, stop, start, help,
                reply(channel, "stop-reply", STOP_REPLY), reply(channel, "start-reply", START_REPLY),
                reply(channel, "help-reply", HELP_REPLY), confirm);
    }

    private static boolean bool(ChannelConfig channel, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ChannelConfigException(key(channel, "enabled") + " must be true or false, not '"
                    + value + "'");
        };
    }

    /** A comma-separated list (a YAML list arrives so); {@code none} for no words where that is allowed. */
    private static Set<String> words(ChannelConfig channel, String name, List<String> defaults, boolean mayBeNone) {
        Optional<String> value = channel.setting("opt-out." + name);
        if (value.isPresent() && value.get().trim().equalsIgnoreCase("none")) {
            if (!mayBeNone) {
                throw new ChannelConfigException(key(channel, name) + " cannot be none: a channel that honours "
                        + "opt-outs has a stop word (" + key(channel, "enabled") + ": false turns them off)");
            }
            return Set.of();
        }
        Set<String> folded = new LinkedHashSet<>();
        for (String word : value.map(v -> List.of(v.split(","))).orElse(defaults)) {
            String f = OptOutText.fold(word);
            if (f.isEmpty()) {
                throw new ChannelConfigException(key(channel, name) + " has an empty keyword in '" + value.orElse("")
                        + "'; write the words separated by commas" + (mayBeNone ? ", or none" : ""));
            }
            if (f.length() > 100) {
                throw new ChannelConfigException(key(channel, name) + ": a keyword is at most 100 characters");
            }
            folded.add(f);
        }
        return folded;
    }

    private static void twice(ChannelConfig channel, Set<String> a, String aName, Set<String> b, String bName) {
        for (String word : a) {
            if (b.contains(word)) {
                throw new ChannelConfigException(key(channel, bName) + " has '" + word + "', which is one of "
                        + key(channel, aName) + " too; a keyword means one thing");
            }
        }
    }

    private static String reply(ChannelConfig channel, String name, String fallback) {
        String text = channel.setting("opt-out." + name).orElse(fallback);
        if (text.length() > MAX_REPLY) {
            throw new ChannelConfigException(key(channel, name) + " is " + text.length() + " characters; at most "
                    + MAX_REPLY);
        }
        return text;
    }

    private static String key(ChannelConfig channel, String name) {
        return "hookbot.channels." + channel.name() + ".opt-out." + name;
    }
}
