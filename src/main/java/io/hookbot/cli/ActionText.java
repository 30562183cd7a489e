package io.hookbot.cli;

import io.hookbot.api.Action;
import io.hookbot.api.Attachment;
import io.hookbot.api.ClearState;
import io.hookbot.api.HandOff;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.api.SetState;

import java.util.stream.Collectors;

/** An action in one line, as {@code try} and {@code replay} print it. */
final class ActionText {

    private ActionText() {
    }

    static String of(Action action) {
        if (action instanceof Reply reply) {
            return "reply: " + reply.text() + attachments(reply.attachments());
        }
        if (action instanceof Send send) {
            return "send on " + send.channel() + " to " + send.to() + ": " + send.text() + attachments(send.attachments());
        }
        if (action instanceof SetState set) {
            return "set: " + set.key() + " = " + set.value();
        }
        if (action instanceof ClearState clear) {
            return "clear: " + clear.key();
        }
        if (action instanceof HandOff handOff) {
            return "handoff for " + handOff.idle().toSeconds() + "s idle"
                    + (handOff.channel() == null ? "" : ", forwarding on " + handOff.channel() + " to " + handOff.address())
                    + (handOff.note() == null ? "" : ": " + handOff.note());
        }
        return action.toString();
    }

    private static String attachments(java.util.List<Attachment> attachments) {
        return attachments.isEmpty() ? ""
                : attachments.stream().map(Attachment::url).collect(Collectors.joining(", ", " [attached: ", "]"));
    }
}
