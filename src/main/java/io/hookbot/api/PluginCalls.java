package io.hookbot.api;

import java.util.List;

/**
 * How hookbot calls a plugin and which answers it accepts: the callback that fits the turn's event, and the checks
 * an answer must pass to be committed. hookbot and the plugin test kit use the same rules, so an answer that passes
 * a plugin's tests is one hookbot commits. No isolation here: hookbot adds that around the call.
 */
public final class PluginCalls {

    private PluginCalls() {
    }

    /**
     * @param plugin the plugin
     * @param turn   the turn
     * @return what the plugin answered, unchecked
     */
    public static List<Action> invoke(BotPlugin plugin, PluginTurn turn) {
        Event event = turn.event();
        if (event == null || event instanceof ScheduleFired) {
            return plugin.onSchedule(turn);
        }
        if (event instanceof MessageReceived message) {
            return plugin.onMessage(message, turn);
        }
        if (event instanceof PresenceChanged presence) {
            return plugin.onPresence(presence, turn);
        }
        if (event instanceof MeetingEvent meeting) {
            return plugin.onMeeting(meeting, turn);
        }
        return plugin.onDevice((DeviceEvent) event, turn);
    }

    /**
     * @param answer what a plugin answered
     * @return what is wrong with it, or {@code null} if it can be committed
     */
    public static String problem(List<Action> answer) {
        if (answer == null) {
            return "returned null instead of a list of actions (return List.of() to do nothing)";
        }
        for (int i = 0; i < answer.size(); i++) {
            String problem = problem(answer.get(i));
            if (problem != null) {
                return "action " + i + ": " + problem;
            }
        }
        return null;
    }

    private static String problem(Action action) {
        if (action == null) {
            return "null";
        }
        if (action instanceof Reply reply && reply.text() == null) {
            return "a reply with no text";
        }
        if (action instanceof SetState set && (set.key() == null || set.value() == null)) {
            return "set state needs a key and a value: " + set;
        }
        if (action instanceof ClearState clear && clear.key() == null) {
            return "clear state needs a key";
        }
        if (action instanceof Send send) {
            return problem(send);
        }
        if (action instanceof HandOff handOff) {
            return handOff.problem();
        }
        return null;
    }

    private static String problem(Send send) {
        if (send.channel() == null || send.channel().isBlank()) {
            return "a send needs the channel to send on: " + send;
        }
        if (send.to() == null || send.to().isBlank()) {
            return "a send needs a recipient (to): " + send;
        }
        if (send.text() == null) {
            return "a send with no text: " + send;
        }
        return null;
    }
}
