package io.hookbot;

import io.hookbot.admin.AdminSettings;
import io.hookbot.admin.ApiSettings;
import io.hookbot.bot.plugins.PluginSettings;
import io.hookbot.bot.rules.RuleSettings;
import io.hookbot.bot.schedule.ScheduleSettings;
import io.hookbot.config.BotsFolder;
import io.hookbot.config.SettingException;
import io.hookbot.config.Spelling;
import io.hookbot.db.HealthSettings;
import io.hookbot.handoff.HandOffSettings;
import io.hookbot.inbox.DispatcherSettings;
import io.hookbot.inbox.InboxSettings;
import io.hookbot.inbox.SequencerSettings;
import io.hookbot.metrics.MetricsSettings;
import io.hookbot.outbox.DeliverySettings;
import io.hookbot.outbox.OutboxSettings;
import io.hookbot.ui.UiSettings;
import io.hookbot.webhook.WebhookSettings;
import io.hookbot.worker.WorkerSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@code hookbot.*} setting there is, taken from the settings records themselves (a record's prefix and its
 * components, in kebab case), and the check that the configuration names no other: a misspelled
 * {@code hookbot.inbox.max-bach} stops the startup with "did you mean hookbot.inbox.max-batch?" instead of being
 * ignored. Channels ({@code hookbot.channels.*}) are checked by their registry, a plugin's own settings
 * ({@code hookbot.plugins.<id>.*}) belong to the plugin. Environment variables are not checked: Micronaut reads each
 * in several spellings, so none of them can be told wrong; a removed setting, asked for by its name, is found in any
 * of them.
 */
final class KnownSettings {

    /** Each area's settings record. */
    static final List<Class<? extends Record>> RECORDS = List.of(InboxSettings.class, DispatcherSettings.class,
            SequencerSettings.class, DeliverySettings.class, OutboxSettings.class, HealthSettings.class,
            WorkerSettings.class, AdminSettings.class, ApiSettings.class, PluginSettings.class, RuleSettings.class,
            ScheduleSettings.class, BotsFolder.class, MetricsSettings.class, LogSettings.class,
            UiSettings.class, WebhookSettings.class, HandOffSettings.class);

    /**
     * Settings there were, each with what became of it: set anywhere (an environment variable too), one stops the
     * startup with that, not with a guess at what it was meant to be.
     */
    private static final Map<String, String> REMOVED = Map.of("hookbot.plugins.isolation", "was removed: every plugin runs "
            + "on the turn's thread under a watchdog, and one that overruns its budget runs on plugin threads from "
            + "then on (docs/plugins.md); delete the setting");

    private static final String CHANNELS = "hookbot.channels.";
    private static final String PLUGINS = "hookbot.plugins.";

    private KnownSettings() {
    }

    /** @return every setting's full name */
    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Class<? extends Record> record : RECORDS) {
            String prefix = record.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : record.getRecordComponents()) {
                names.add(prefix + "." + kebab(component.getName()));
            }
        }
        return names;
    }

    /**
     * @param environment the application's environment
     * @throws SettingException naming every {@code hookbot.*} key of a file or system property that is no setting,
     *                          and every on/off setting set to neither true nor false
     */
    static void check(Environment environment) {
        Set<String> known = names();
        List<String> mistakes = new ArrayList<>();
        for (PropertySource source : environment.getPropertySources()) {
            if (source.getName().equals("env")) {
                continue;
            }
            for (String key : source) {
                String name = normalized(key);
                if (name.startsWith("hookbot.") && !known.contains(name) && !elsewhere(name)
                        && !mistakes.contains(name)) {
                    mistakes.add(name);
                }
            }
        }
        REMOVED.keySet().stream().filter(environment::containsProperty).filter(name -> !mistakes.contains(name))
                .forEach(mistakes::add);
        List<String> said = new ArrayList<>(mistakes.stream().sorted()
                .map(name -> REMOVED.containsKey(name) ? name + " " + REMOVED.get(name)
                        : name + " is not a setting" + closest(name, known)
                        .map(guess -> " (did you mean " + guess + "?)").orElse(""))
                .toList());
        said.addAll(notSwitches(environment));
        if (!said.isEmpty()) {
            throw new SettingException(String.join("; ", said) + ". Every setting: docs/configuration.md");
        }
    }

    /**
     * The on/off settings whose value is neither {@code true} nor {@code false}, from any source, environment
     * variables included: bound as they are, anything else would read as {@code false} and the setting would
     * silently not apply.
     */
    private static List<String> notSwitches(Environment environment) {
        List<String> wrong = new ArrayList<>();
        for (Class<? extends Record> record : RECORDS) {
            String prefix = record.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.getType() != boolean.class && component.getType() != Boolean.class) {
                    continue;
                }
                String name = prefix + "." + kebab(component.getName());
                environment.getProperty(name, String.class)
                        .filter(value -> !value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false"))
                        .ifPresent(value -> wrong.add(name + " must be true or false, not '"
                                + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'"));
            }
        }
        return wrong;
    }

    /** Keys that other parts check: a channel's (its registry), a plugin's own. */
    private static boolean elsewhere(String name) {
        if (name.startsWith(CHANNELS)) {
            return true;
        }
        if (name.startsWith(PLUGINS)) {
            String rest = name.substring(PLUGINS.length());
            int dot = rest.indexOf('.');
            return dot > 0 && !PluginSettings.NAMES.contains(rest.substring(0, dot));
        }
        return false;
    }

    private static Optional<String> closest(String name, Set<String> known) {
        return Spelling.closest(name, known, Math.max(2, name.length() / 6));
    }

    /** {@code maxBatch} and {@code max_batch} as {@code max-batch}; list indexes dropped. */
    private static String normalized(String key) {
        return kebab(key.replaceAll("\\[\\d+]$", "")).replace('_', '-');
    }

    private static String kebab(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
