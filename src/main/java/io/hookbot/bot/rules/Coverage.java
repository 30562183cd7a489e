package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a set of bots leaves silent or answers twice, from the rule files and the configured channels alone. These are
 * warnings, not mistakes: the bots run, but probably not as meant.
 *
 * <ul>
 *   <li>A configured channel that no rule of any bot can hear: its webhooks are stored and acknowledged, and nothing
 *       ever answers them.</li>
 *   <li>Two bots of one priority that can both answer a message on one channel: both answers go out
 *       ({@link Precedence}).</li>
 * </ul>
 *
 * <p>Which channels a rule can hear is judged as {@link ReplyDestinationCheck} judges it, from the bot's {@code channels} and the
 * rule's {@code channel} and {@code platform} conditions that must hold. That errs on the side of hearing, so a
 * channel is called silent only when no rule can possibly answer it, and two bots overlap when both have a message
 * rule that sends and may hear the channel, whatever their keywords.
 */
public final class Coverage {

    private Coverage() {
    }

    /**
     * One warning.
     *
     * @param location the bot it is about (where its name is written), or {@code null} for a channel
     * @param message  what is wrong and what to do, in plain words
     */
    public record Warning(Location location, String message) {

        /** @return {@code file:line:column: warning: message}, or {@code warning: message} */
        @Override
        public String toString() {
            return (location == null ? "" : location + ": ") + "warning: " + message;
        }
    }

    /**
     * @param rules            the bots
     * @param channelPlatforms the configured channels, each with its platform id ({@code ""} when unknown)
     * @return the warnings, channel by channel in name order
     */
    public static List<Warning> of(RuleSet rules, Map<String, String> channelPlatforms) {
        List<Warning> warnings = new ArrayList<>();
        for (Map.Entry<String, String> channel : new TreeMap<>(channelPlatforms).entrySet()) {
            String name = channel.getKey();
            String platform = channel.getValue();
            String described = "channel '" + name + "'" + (platform.isEmpty() ? "" : " (" + platform + ")");
            if (rules.bots().stream().noneMatch(bot -> hears(bot, name, platform, false))) {
                warnings.add(new Warning(null, described + " is answered by no bot: its webhooks are stored and "
                        + "acknowledged, and nothing answers them; name it in a bot's channels: (a bot without channels: "
                        + "serves them all), or remove it from the configuration"));
                continue;
            }
            // the bots are in priority order; among bots of one priority, each after the first answers too
            BotDefinition first = null;
            for (BotDefinition bot : rules.bots()) {
                if (!hears(bot, name, platform, true)) {
                    continue;
                }
                if (first != null && first.priority() == bot.priority()) {
                    warnings.add(new Warning(bot.location(), "bot '" + bot.name() + "' and bot '" + first.name() + "' ("
                            + first.location() + ") can both answer one message on " + described + ", and both answers "
                            + "go out; give the one that should answer first a higher priority: (the other then answers "
                            + "only what it leaves alone)"));
                } else {
                    first = bot;
                }
            }
        }
        return warnings;
    }

    /**
     * @param replies only the rules that answer a message with something (a reply, a send, a plugin)
     * @return whether the bot has a rule that may hear events on the channel
     */
    private static boolean hears(BotDefinition bot, String channel, String platform, boolean replies) {
        if (!bot.serves(channel)) {
            return false;
        }
        for (Rule rule : bot.rules()) {
            if (rule.schedule() != null || replies && (rule.trigger().family() != Trigger.Family.MESSAGE || !rule.sends())) {
                continue;
            }
            ReplyDestinationCheck.Narrowing narrowing = ReplyDestinationCheck.Narrowing.of(rule.condition());
            if ((narrowing.channels() == null || narrowing.channels().contains(channel))
                    && (narrowing.platforms() == null || platform.isEmpty() || narrowing.platforms().contains(platform))) {
                return true;
            }
        }
        return false;
    }
}
