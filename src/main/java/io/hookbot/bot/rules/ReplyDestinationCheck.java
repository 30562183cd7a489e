package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.Location;
import io.hookbot.channel.Platforms;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Refuses a {@code reply} that could have nowhere to go. Only a message has a conversation to reply in, so a reply
 * in a rule of another family (presence, meeting, device, schedule) is a mistake; and a message from a platform with
 * no API to answer in its conversation ({@link io.hookbot.channel.Platform#repliesInConversation()}: Webinato,
 * VCaaS) can only be answered with {@code send} on another channel.
 *
 * <p>The channels a message rule can hear from are the bot's {@code channels} (all configured channels when it has
 * none), narrowed by the rule's {@code channel} and {@code platform} conditions. Only conditions that must hold
 * narrow them: those directly under {@code when} or in an {@code all}, and an {@code any} whose every branch names
 * channels (or every branch platforms). A {@code not} narrows nothing. The check is thus conservative: it may ask a
 * rule to name its channels more plainly, but it never lets a reply to such a platform through. Where the channels'
 * platforms are unknown (the command line without configuration), only the rule's {@code platform} condition is
 * checked.
 */
final class ReplyDestinationCheck {

    private ReplyDestinationCheck() {
    }

    /**
     * @param rule             a rule
     * @param botChannels      the bot's {@code channels}; empty for all
     * @param channelPlatforms the configured channels' platforms ({@code ""} for an unknown one); {@code null} when
     *                         none is known
     * @param platforms        the platforms, which say whether their messages can be answered in the conversation
     * @param problems         where mistakes go
     */
    static void check(Rule rule, Set<String> botChannels, Map<String, String> channelPlatforms,
                      Supplier<Platforms> platforms, Problems problems) {
        List<Location> replies = rule.actions().stream().filter(a -> a instanceof RuleAction.ReplyAction)
                .map(a -> ((RuleAction.ReplyAction) a).location()).toList();
        if (replies.isEmpty()) {
            return;
        }
        if (rule.trigger().family() != Trigger.Family.MESSAGE) {
            String family = rule.trigger().family().name().toLowerCase(Locale.ROOT);
            replies.forEach(at -> problems.add(at, "reply: a " + family + " event has no conversation to reply in "
                    + "(only messages do); use send: {channel: <a configured channel>, to: <recipient>, text: …}"));
            return;
        }
        Set<String> unanswerable = unanswerable(Narrowing.of(rule.condition()), botChannels, channelPlatforms,
                platforms);
        if (!unanswerable.isEmpty()) {
            replies.forEach(at -> problems.add(at, "reply: rule '" + rule.name() + "' answers messages from "
                    + String.join(", ", unanswerable) + ", where there is no API to reply in the conversation; use "
                    + "send: {channel: <another channel>, to: <recipient>, text: …}, or keep the rule to channels that "
                    + "can be answered with a channel: or platform: condition (or the bot's channels:)"));
        }
    }

    private static Set<String> unanswerable(Narrowing narrowing, Set<String> botChannels, Map<String, String> platforms,
                                            Supplier<Platforms> known) {
        Set<String> channels = !botChannels.isEmpty() ? botChannels : platforms == null ? null : platforms.keySet();
        if (narrowing.channels() != null) {
            channels = channels == null ? narrowing.channels() : intersection(channels, narrowing.channels());
        }
        Set<String> found = new TreeSet<>();
        boolean someUnknown = channels == null;
        if (channels != null) {
            for (String channel : channels) {
                String platform = platforms == null ? null : platforms.get(channel);
                if (platform == null || platform.isEmpty()) {
                    someUnknown = true;
                } else if (known.get().cannotReplyInConversation(platform)
                        && (narrowing.platforms() == null || narrowing.platforms().contains(platform))) {
                    found.add("channel '" + channel + "' (" + platform + ")");
                }
            }
        }
        if (someUnknown && narrowing.platforms() != null) {
            narrowing.platforms().stream().filter(known.get()::cannotReplyInConversation)
                    .forEach(p -> found.add("platform " + p));
        }
        return found;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    /**
     * The channels and platforms a condition keeps a rule to.
     *
     * @param channels the channels it must be on, or {@code null} for any
     * @param platforms the platforms it must be of, or {@code null} for any
     */
    record Narrowing(Set<String> channels, Set<String> platforms) {

        static final Narrowing NONE = new Narrowing(null, null);

        static Narrowing of(Condition condition) {
            if (condition instanceof TurnCondition.Channel channel) {
                return new Narrowing(channel.channels(), null);
            }
            if (condition instanceof TurnCondition.Platform platform) {
                return new Narrowing(null, platform.platforms());
            }
            if (condition instanceof Condition.All all) {
                Narrowing result = NONE;
                for (Condition part : all.all()) {
                    Narrowing n = of(part);
                    result = new Narrowing(meet(result.channels, n.channels), meet(result.platforms, n.platforms));
                }
                return result;
            }
            if (condition instanceof Condition.Any any) {
                Set<String> channels = new HashSet<>();
                Set<String> platforms = new HashSet<>();
                for (Condition part : any.any()) {
                    Narrowing n = of(part);
                    channels = channels == null || n.channels == null ? null : join(channels, n.channels);
                    platforms = platforms == null || n.platforms == null ? null : join(platforms, n.platforms);
                }
                return new Narrowing(channels, platforms);
            }
            return NONE;
        }

        private static Set<String> meet(Set<String> a, Set<String> b) {
            return a == null ? b : b == null ? a : intersection(a, b);
        }

        private static Set<String> join(Set<String> a, Set<String> b) {
            Set<String> union = new HashSet<>(a);
            union.addAll(b);
            return union;
        }
    }
}
