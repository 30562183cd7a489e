package com.example.faq;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.api.SetState;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Answers frequently asked questions from {@code faq.csv} (in {@code src/main/resources/com/example/faq/}), packed
 * into the plugin's jar and read once when hookbot loads the plugin: never during a turn, as a plugin does no I/O
 * while it answers. A broken CSV makes the constructor throw, and hookbot reports the plugin as not loaded.
 *
 * <p>A message that matches no question is, if set, forwarded to a person
 * ({@code hookbot.plugins.faq.escalate-channel} and {@code escalate-to}) and the sender told so, or else answered
 * with {@code hookbot.plugins.faq.fallback}, or else left to the other rules. The line of the last question
 * answered is kept in the conversation's state as {@code faq.last}.
 */
public class FaqPlugin implements BotPlugin {

    private final Faq faq;

    /** The plugin hookbot loads: reads the {@code faq.csv} in its jar. */
    public FaqPlugin() {
        this(packaged());
    }

    /** @param faq the questions to answer */
    FaqPlugin(Faq faq) {
        this.faq = faq;
    }

    @Override
    public String id() {
        return "faq";
    }

    @Override
    public String description() {
        return "Answers " + faq.size() + " frequently asked questions from faq.csv";
    }

    @Override
    public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
        Optional<Faq.Entry> entry = faq.match(turn.text());
        if (entry.isPresent()) {
            return List.of(new SetState("faq.last", String.valueOf(entry.get().line())),
                    Reply.text(entry.get().answer()));
        }
        String channel = turn.setting("escalate-channel", null);
        String to = turn.setting("escalate-to", null);
        if (channel != null && to != null) {
            return List.of(Send.text(channel, to, "Question from " + turn.sender().id() + " on " + turn.channel()
                            + ": " + turn.text()),
                    Reply.text(turn.setting("escalated", "Thanks! Someone from our team will get back to you.")));
        }
        String fallback = turn.setting("fallback", null);
        return fallback == null ? List.of() : List.of(Reply.text(fallback));
    }

    private static Faq packaged() {
        try (InputStream csv = FaqPlugin.class.getResourceAsStream("faq.csv")) {
            if (csv == null) {
                throw new IllegalStateException("faq.csv is missing from the plugin's jar");
            }
            return Faq.read(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read faq.csv", e);
        }
    }
}
