package io.hookbot;

import io.hookbot.testing.AppProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A startup mistake, as a user makes it, with hookbot in its own process: one ERROR line that names the setting and
 * the fix, no stack trace, exit code 1, and for a mistake in the settings or the rules the database not even opened
 * (no {@code ./data} made, so no migration ran).
 */
class StartupMistakesTest {

    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("hookbot-startup");
        Files.createDirectories(work.resolve("bots"));
        Files.copy(Path.of("bots/auto-reply.yml"), work.resolve("bots/auto-reply.yml"));
    }

    @Test
    void aMisspelledChannelSettingStopsHookbotBeforeItOpensTheDatabase() {
        String log = failedStart(Map.of(), Map.of("hookbot.channels.sms-main.sned.url", "https://sms.example.com"));
        assertTrue(log.contains("hookbot cannot start: hookbot.channels.sms-main.sned.url is not a setting of "
                + "platform sms-gateway (did you mean send.url?)"), log);
        assertFalse(Files.exists(work.resolve("data")), "the database was opened:\n" + log);
    }

    @Test
    void aSettingOutOfRangeFromAnEnvironmentVariableIsNamed() {
        String log = failedStart(Map.of("HOOKBOT_INBOX_MAX_BATCH", "0"), Map.of());
        assertTrue(log.contains("hookbot cannot start: hookbot.inbox.max-batch must be at least 1, not 0"), log);
        assertFalse(Files.exists(work.resolve("data")), "the database was opened:\n" + log);
    }

    @Test
    void aRemovedSettingFromAnEnvironmentVariableIsRefusedWithWhatBecameOfIt() {
        String log = failedStart(Map.of("HOOKBOT_PLUGINS_ISOLATION", "inline"), Map.of());
        assertTrue(log.contains("hookbot cannot start: hookbot.plugins.isolation was removed: every plugin runs on "
                + "the turn's thread under a watchdog"), log);
        assertFalse(Files.exists(work.resolve("data")), "the database was opened:\n" + log);
    }

    @Test
    void aLogFormatThatIsNeitherTextNorJsonIsRefused() {
        String log = failedStart(Map.of("HOOKBOT_LOG_FORMAT", "xml"), Map.of());
        assertTrue(log.contains("hookbot cannot start: hookbot.log.format must be text or json, not 'xml'"), log);
        assertFalse(Files.exists(work.resolve("data")), "the database was opened:\n" + log);
    }

    @Test
    void anUnknownPlatformAndAMissingSecretAreNamed() {
        assertTrue(failedStart(Map.of("HOOKBOT_CHANNELS_ROOM_PLATFORM", "webinatoo"), Map.of())
                .contains("hookbot cannot start: hookbot.channels.room.platform is 'webinatoo' (did you mean webinato?)"
                        + "; known platforms: "));
        assertTrue(failedStart(Map.of(), Map.of("hookbot.channels.sms-main.secret", ""))
                .contains("hookbot cannot start: hookbot.channels.sms-main.secret is required"));
    }

    @Test
    void aRuleFileMistakeIsNamedWithItsLine() throws IOException {
        Files.writeString(work.resolve("bots/broken.yml"), "bot: broken\nrules:\n  - name: x\n    then:\n      - rply: hi\n");
        String log = failedStart(Map.of(), Map.of());
        assertTrue(log.contains("hookbot cannot start: ") && log.contains("broken.yml:5:"), log);
        assertFalse(Files.exists(work.resolve("data")), "the database was opened:\n" + log);
    }

    @Test
    void aPortInUseAndADataFolderThatCannotBeWrittenAreExplained() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            String log = failedStart(Map.of("PORT", Integer.toString(taken.getLocalPort())), Map.of());
            assertTrue(log.contains("hookbot cannot start: micronaut.server.port " + taken.getLocalPort()
                    + " is already in use"), log);
            assertFalse(Files.exists(work.resolve("data/hookbot.mv.db")), "the database was opened:\n" + log);
        }
        deleteTree(work.resolve("data"));
        Files.writeString(work.resolve("data"), "a file where the data folder should be");
        String log = failedStart(Map.of(), Map.of());
        assertTrue(log.contains("hookbot cannot start: datasources.default.url: the embedded database's folder "), log);
    }

    /** Starts hookbot, expects it to end with 1, and checks that it said why in one line without a trace. */
    private String failedStart(Map<String, String> environment, Map<String, String> properties) {
        AppProcess app = AppProcess.start(work, environment, properties);
        try {
            assertEquals(1, app.awaitExit(Duration.ofSeconds(60)), app.log());
            String log = app.log();
            List<String> errors = log.lines().filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(1, errors.size(), "one ERROR line:\n" + log);
            assertFalse(log.lines().anyMatch(line -> line.stripLeading().startsWith("at ")), "no trace:\n" + log);
            return log;
        } finally {
            app.close();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (var children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
