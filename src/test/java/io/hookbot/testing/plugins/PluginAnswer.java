package io.hookbot.testing.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.HandOff;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;

import java.util.List;
import java.util.Map;

/**
 * What a plugin answered to one turn.
 *
 * @param actions the actions, in order
 * @param state   the conversation's state after them
 */
public record PluginAnswer(List<Action> actions, Map<String, String> state) {

    /** @return the texts of the replies, in order */
    public List<String> replies() {
        return actions.stream().filter(Reply.class::isInstance).map(a -> ((Reply) a).text()).toList();
    }

    /** @return the one reply's text; fails the test unless there is exactly one */
    public String reply() {
        List<String> replies = replies();
        if (replies.size() != 1) {
            throw new AssertionError("expected exactly one reply, got " + replies);
        }
        return replies.get(0);
    }

    /** @return the messages sent to other channels ({@link Send}), in order */
    public List<Send> sends() {
        return actions.stream().filter(Send.class::isInstance).map(Send.class::cast).toList();
    }

    /**
     * @return the hand-off the plugin asked for ({@link HandOff}: the conversation goes to a person), or
     *         {@code null} when it asked for none
     */
    public HandOff handOff() {
        return actions.stream().filter(HandOff.class::isInstance).map(HandOff.class::cast).reduce((a, b) -> b)
                .orElse(null);
    }

    /** @return the one message sent to another channel; fails the test unless there is exactly one */
    public Send send() {
        List<Send> sends = sends();
        if (sends.size() != 1) {
            throw new AssertionError("expected exactly one send, got " + sends);
        }
        return sends.get(0);
    }
}
