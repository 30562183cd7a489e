package io.hookbot.ui;

import io.hookbot.api.Action;
import io.hookbot.api.ClearState;
import io.hookbot.api.HandOff;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceView;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.api.SetState;
import io.hookbot.api.User;
import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.Problem;
import io.hookbot.bot.rules.Rule;
import io.hookbot.bot.rules.RuleBook;
import io.hookbot.bot.rules.RuleExplainer;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /ui/bots}: the bots in force ({@link RuleBook}) and their rules, each with how often it fired since
 * this instance started (the meters), when the rule folder was last read, and the mistakes of a broken file as
 * {@code file:line:column} (its last good version stays in force); {@code POST /ui/bots/try} runs a message through
 * the rules in force and shows, rule by rule, which fired and what it would do, which failed and on what condition,
 * and which were not tried ({@link RuleExplainer}, as the {@code try} command) — with the live presence view, and
 * nothing sent, stored or counted.
 */
@Hidden
@Controller(value = "/ui/bots", produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BotsController {

    private static final int MAX_TEXT = 2000;

    private final DashboardSessions sessions;
    private final RuleBook rules;
    private final ChannelRegistry channels;
    private final PresenceView presence;
    private final Figures figures;

    public BotsController(DashboardSessions sessions, RuleBook rules, ChannelRegistry channels, PresenceView presence,
                          Figures figures) {
        this.sessions = sessions;
        this.rules = rules;
        this.channels = channels;
        this.presence = presence;
        this.figures = figures;
    }

    /**
     * @param request the call
     * @return the page
     */
    @Get
    public MutableHttpResponse<?> show(HttpRequest<?> request) {
        DashboardSessions.Session session = Page.session(sessions, request);
        return Page.render("ui/bots", "bots", session, model(null, "", "", "+15550001"));
    }

    /**
     * @param request the call
     * @param csrf    the session's CSRF token
     * @param text    the message
     * @param channel the channel it comes in on
     * @param from    who sends it
     * @return the page, with the explanation
     */
    @Post(value = "/try", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> tryMessage(HttpRequest<?> request, @Nullable @Body("csrf") String csrf,
                                             @Nullable @Body("text") String text, @Nullable @Body("channel") String channel,
                                             @Nullable @Body("from") String from) {
        DashboardSessions.Session session = Page.session(sessions, request);
        if (!DashboardSessions.csrfMatches(session, csrf)) {
            return Csrf.refused(session);
        }
        String message = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        String on = channel == null || channel.isBlank() ? firstChannel() : channel.trim();
        String sender = from == null || from.isBlank() ? "+15550001" : from.trim();
        Instant now = Instant.now();
        MessageReceived event = new MessageReceived(on, sender, new User(sender, null, null), message,
                MessageKind.TEXT, List.of(), "dashboard-try", now, null, Map.of());
        List<RuleExplainer.Step> steps = RuleExplainer.explain(rules.current(), event, rules.platformOf(on), now,
                Map.of(), TurnLookups.of(presence, false));
        Map<String, Object> result = new LinkedHashMap<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        int fired = 0;
        for (RuleExplainer.Step step : steps) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("verdict", step.verdict().name());
            line.put("mark", switch (step.verdict()) {
                case FIRED -> "fired";
                case FAILED -> "no";
                case BLOCKED -> "blocked";
                case NOT_TRIED -> "skipped";
            });
            line.put("rule", step.bot() + " / " + step.rule());
            line.put("location", step.location());
            line.put("reason", step.reason());
            line.put("actions", step.actions().stream().map(BotsController::action).toList());
            lines.add(line);
            fired += step.verdict() == RuleExplainer.Verdict.FIRED ? 1 : 0;
        }
        result.put("steps", lines);
        result.put("summary", fired == 0 ? "No rule fired: the bot stays silent." : fired + " rule(s) fired.");
        result.put("event", "message from " + sender + " on " + on + " (" + (rules.platformOf(on) == null
                ? "unknown platform" : rules.platformOf(on)) + ") at " + Page.time(now));
        return Page.render("ui/bots", "bots", session, model(result, message, on, sender));
    }

    private Map<String, Object> model(Map<String, Object> tried, String text, String channel, String from) {
        List<Map<String, Object>> bots = new ArrayList<>();
        for (BotDefinition bot : rules.bots()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", bot.name());
            row.put("file", bot.file());
            row.put("priority", String.valueOf(bot.priority()));
            row.put("channels", bot.channels().isEmpty() ? "every channel" : String.join(", ",
                    bot.channels().stream().sorted().toList()));
            List<Map<String, Object>> ruleRows = new ArrayList<>();
            for (Rule rule : bot.rules()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", rule.name());
                r.put("trigger", String.valueOf(rule.trigger()));
                r.put("location", String.valueOf(rule.location()));
                r.put("firings", String.valueOf(figures.firings(bot.name(), rule.name())));
                ruleRows.add(r);
            }
            row.put("rules", ruleRows);
            bots.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Bots");
        model.put("bots", bots);
        model.put("loadedAt", Page.time(rules.loadedAt()));
        model.put("problems", rules.problems().stream().map(Problem::toString).toList());
        model.put("warnings", rules.warnings().stream().map(String::valueOf).toList());
        model.put("channels", channels.all().stream().map(ChannelConfig::name).sorted().toList());
        model.put("tried", tried);
        model.put("text", text);
        model.put("channel", channel.isEmpty() ? firstChannel() : channel);
        model.put("from", from);
        return model;
    }

    /** @return the first channel a bot serves, else the first configured one */
    private String firstChannel() {
        List<String> configured = channels.all().stream().map(ChannelConfig::name).sorted().toList();
        return rules.bots().stream().flatMap(bot -> bot.channels().stream().sorted()).filter(configured::contains)
                .findFirst().orElse(configured.isEmpty() ? "sms-main" : configured.get(0));
    }

    /** An action in one line, as the {@code try} command prints it. */
    static String action(Action action) {
        if (action instanceof Reply reply) {
            return "reply: " + reply.text() + (reply.attachments().isEmpty() ? ""
                    : " [" + reply.attachments().size() + " file(s)]");
        }
        if (action instanceof Send send) {
            return "send on " + send.channel() + " to " + send.to() + ": " + send.text();
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
        return String.valueOf(action);
    }
}
