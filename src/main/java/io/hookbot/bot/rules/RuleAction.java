package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.ClearState;
import io.hookbot.api.HandOff;
import io.hookbot.api.Attachment;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.api.SetState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An action as written in a rule file, before its templates are filled in for a turn. */
sealed interface RuleAction {

    /** An action that becomes exactly one {@link Action}. */
    sealed interface Direct extends RuleAction {
        /**
         * @param values the turn's template values
         * @return the action for this turn
         */
        Action toAction(Function<String, String> values);
    }

    /**
     * Hands the turn to a plugin, which answers with actions of its own.
     *
     * @param plugin     the plugin's id
     * @param parameters the {@code with:} templates, by name
     */
    record PluginAction(String plugin, Map<String, Template> parameters) implements RuleAction {

        public PluginAction {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        /**
         * @param values the turn's template values
         * @return the parameters, filled in
         */
        Map<String, String> render(Function<String, String> values) {
            if (parameters.isEmpty()) {
                return Map.of();
            }
            Map<String, String> rendered = new LinkedHashMap<>();
            parameters.forEach((name, template) -> rendered.put(name, template.render(values)));
            return rendered;
        }
    }

    /**
     * @param text     the reply's template
     * @param location where the reply is written, for mistakes found once the whole rule is read
     */
    record ReplyAction(Template text, io.hookbot.bot.rules.yaml.Location location) implements Direct {
        @Override
        public Action toAction(Function<String, String> values) {
            return Reply.text(text.render(values));
        }
    }

    /**
     * Sends on a channel of the rule's choosing, to a recipient in that channel's platform's terms.
     *
     * @param channel the configured channel to send on
     * @param to      the recipient's template
     * @param text    the text's template
     * @param attach  the attachment URLs' templates; one that renders empty is left out
     */
    record SendAction(String channel, Template to, Template text, List<Template> attach) implements Direct {

        public SendAction {
            attach = List.copyOf(attach);
        }

        @Override
        public Action toAction(Function<String, String> values) {
            List<Attachment> attachments = attach.stream().map(t -> t.render(values).trim()).filter(url -> !url.isEmpty())
                    .map(url -> new Attachment(url, null, null)).toList();
            return new Send(channel, to.render(values).trim(), text.render(values), attachments);
        }
    }

    /**
     * Puts the conversation in human mode ({@link HandOff}).
     *
     * @param channel the channel to forward the customer's messages on, or {@code null} for none
     * @param address the agent's address's template, or {@code null} for none
     * @param idle    the idle time
     * @param note    the note's template, or {@code null}
     */
    record HandOffAction(String channel, Template address, java.time.Duration idle, Template note) implements Direct {
        @Override
        public Action toAction(Function<String, String> values) {
            String note = this.note == null ? null : this.note.render(values);
            if (note != null && note.length() > HandOff.MAX_NOTE) {
                note = note.substring(0, HandOff.MAX_NOTE - 1) + "…";
            }
            // an address that renders empty leaves the hand-off without a target (agents follow the dashboard)
            String to = address == null ? null : address.render(values).trim();
            return to == null || to.isEmpty() ? HandOff.unrouted(idle, note) : new HandOff(channel, to, idle, note);
        }
    }

    /**
     * @param key   the state key
     * @param value the value's template
     */
    record SetAction(String key, Template value) implements Direct {
        @Override
        public Action toAction(Function<String, String> values) {
            return new SetState(key, value.render(values));
        }
    }

    /** @param key the state key */
    record ClearAction(String key) implements Direct {
        @Override
        public Action toAction(Function<String, String> values) {
            return new ClearState(key);
        }
    }
}
