package io.hookbot;

import io.hookbot.admin.AccessTokens;
import io.hookbot.bot.plugins.PluginSettings;
import io.hookbot.bot.rules.RuleBook;
import io.hookbot.bot.rules.RuleSettings;
import io.hookbot.bot.schedule.ScheduleSettings;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.db.HealthSettings;
import io.hookbot.inbox.DispatcherSettings;
import io.hookbot.inbox.InboxSettings;
import io.hookbot.inbox.SequencerSettings;
import io.hookbot.optout.OptOutPolicies;
import io.hookbot.outbox.DeliverySettings;
import io.hookbot.outbox.OutboxSettings;
import io.hookbot.worker.WorkerSettings;
import io.hookbot.config.SettingException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and checks every setting, the rule files and the HTTP port first thing at startup, before the database is opened and
 * migrated: a mistake stops hookbot before it has touched anything ({@link HookbotLauncher} says it). Micronaut makes
 * eager beans in their {@link Order}; the datasource (and with it the Flyway migration) is one of them.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupCheck {

    /**
     * Each argument is made, and checks itself, when this bean is: that is the whole job.
     *
     * @param channels  the channels, each checked by its platform
     * @param optOuts   each channel's {@code opt-out.*}
     * @param rules     the rule files, every mistake as {@code file:line:col}
     * @param tokens    the access tokens
     * @param inbox     {@code hookbot.inbox.*}
     * @param dispatch  {@code hookbot.dispatcher.*}
     * @param sequencer {@code hookbot.sequencer.*}
     * @param delivery  {@code hookbot.delivery.*}
     * @param outbox    {@code hookbot.outbox.*}
     * @param health    {@code hookbot.health.*}
     * @param workers   {@code hookbot.workers.*}
     * @param port      {@code micronaut.server.port}
     * @param url       {@code datasources.default.url}
     * @param plugins   {@code hookbot.plugins.*}
     * @param ruleSettings {@code hookbot.rules.*}
     * @param schedules {@code hookbot.schedules.*}
     * @param log       {@code hookbot.log.*}
     * @param environment the configuration, whose {@code hookbot.*} keys must all be settings ({@link KnownSettings})
     * @throws SettingException if the port is taken, or the embedded database's folder cannot be written: said
     *                          before the database is opened, not after
     */
    public StartupCheck(ChannelRegistry channels, OptOutPolicies optOuts, RuleBook rules, AccessTokens tokens, InboxSettings inbox,
                        DispatcherSettings dispatch, SequencerSettings sequencer, DeliverySettings delivery,
                        OutboxSettings outbox, HealthSettings health, WorkerSettings workers,
                        @Value("${micronaut.server.port:8080}") int port,
                        @Value("${datasources.default.url:}") String url, PluginSettings plugins,
                        RuleSettings ruleSettings, ScheduleSettings schedules, LogSettings log,
                        Environment environment) {
        KnownSettings.check(environment);
        // making the arguments was the check; the port and the embedded database's folder are left to look at
        embeddedFolder(url);
        if (port > 0) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                throw new SettingException("micronaut.server.port " + port + " is already in use (" + e.getMessage()
                        + "): stop the program that holds it, or set another port (micronaut.server.port or PORT)");
            }
        }
    }

    /** The folder of an embedded H2 file ({@code jdbc:h2:file:./data/hookbot;…}) must be one hookbot can write. */
    private static void embeddedFolder(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return;
        }
        String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        Path folder = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new SettingException("datasources.default.url: the embedded database's folder " + folder
                    + " cannot be made (" + e.getClass().getSimpleName() + "): is there a file of that name?");
        }
        if (!Files.isWritable(folder)) {
            throw new SettingException("datasources.default.url: the embedded database's folder " + folder
                    + " cannot be written by this user");
        }
    }
}
