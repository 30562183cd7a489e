package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.ClearState;
import io.hookbot.api.DeviceEvent;
import io.hookbot.api.Event;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.Reply;
import io.hookbot.api.SetState;

import java.util.List;

/** Calls the callback of a plugin that fits the turn's event, and checks what it answered. No isolation here. */
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
        if (event == null) {
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
        return null;
    }
}
